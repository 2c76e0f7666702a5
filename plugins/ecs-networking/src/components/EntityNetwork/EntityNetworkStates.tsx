import type { Entity } from '@backstage/catalog-model';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { EntityNetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import { useMemo, type ReactNode } from 'react';
import { useEntityNetwork } from '../../hooks/useEntityNetwork';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { NoAccountsEmptyState } from '../shared/NoAccountsEmptyState';
import { ReloadFailedBanner } from '../shared/ReloadFailedBanner';
import { NotLinkedEmptyState } from './NotLinkedEmptyState';
import {
  mentionedArns,
  serviceSections,
  type ServiceSection,
} from './serviceSections';

export interface EntityNetworkView {
  network: EntityNetworkResponse;
  sections: ServiceSection[];
  /** Catalog Resources of the services mentioned, by ARN. */
  entities: Map<string, Entity>;
}

function Loaded(props: {
  entity: Entity;
  network: EntityNetworkResponse;
  children: (view: EntityNetworkView) => ReactNode;
}) {
  const { entity, network, children } = props;
  const sections = useMemo(
    () => serviceSections(entity, network),
    [entity, network],
  );
  const arns = useMemo(() => mentionedArns(sections), [sections]);
  const entities = useServiceEntities(arns);
  return <>{children({ network, sections, entities })}</>;
}

/**
 * Loads an entity's network and renders the loading, error and empty states
 * the card and the tab share; `children` renders the data.
 */
export function EntityNetworkStates(props: {
  entity: Entity;
  children: (view: EntityNetworkView) => ReactNode;
}) {
  const { entity, children } = props;
  const { value, loading, error, reloadError } = useEntityNetwork(entity);
  // A live reload keeps what is shown until the new answer arrives.
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  if (!value.configured) return <NoAccountsEmptyState />;
  if (value.network.services.length === 0) {
    return <NotLinkedEmptyState entity={entity} />;
  }
  return (
    <>
      <ReloadFailedBanner error={reloadError} />
      <Loaded entity={entity} network={value.network}>
        {children}
      </Loaded>
    </>
  );
}
