import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import { useLiveNetwork } from '../../hooks/useLiveNetwork';
import { MECHANISMS } from '../../lib/describe';
import { createEstateIndex } from '../../lib/estateIndex';
import { EntityNetworkStates } from '../EntityNetwork/EntityNetworkStates';
import type { ServiceSection } from '../EntityNetwork/serviceSections';
import { EntityBlastRadius, EntityChanges } from '../NetworkHistory';
import { ScopeBanners } from '../shared/ScopeBanners';
import { LastSynced } from '../shared/LastSynced';
import { LiveTasksTable } from './LiveTasksTable';
import { MechanismLegend } from './MechanismLegend';
import { NeighbourhoodGraph, type NeighbourhoodEstate } from './NeighbourhoodGraph';

function mechanismsOf(section: ServiceSection) {
  const used = new Set(
    [...section.inbound, ...(section.outbound ?? [])].map(e => e.mechanism),
  );
  return MECHANISMS.filter(m => used.has(m));
}

/**
 * The estate's network for the neighbourhood graphs: their services'
 * owners and findings, and the calls two hops out. The graphs show one hop
 * from the entity's own answer until it arrives.
 */
function useNeighbourhoodEstate(): NeighbourhoodEstate | undefined {
  const { value } = useLiveNetwork();
  return useMemo(
    () => value && { index: createEstateIndex(value), edges: value.edges },
    [value],
  );
}

/**
 * The Network tab: each service's neighbourhood as a graph, its running
 * tasks, who it would take down (blast radius) and what changed around it.
 * The endpoints, calls with their evidence and findings are the
 * Overview's card; the tab does not repeat them.
 */
export function EcsNetworkingContent() {
  const { entity } = useEntity();
  const estate = useNeighbourhoodEstate();
  return (
    <EntityNetworkStates entity={entity}>
      {({ network, sections, entities }) => (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ScopeBanners scopes={network.scopes} />
            <LastSynced scopes={network.scopes} />
          </Grid>
          {sections.map(section => (
            <Grid item xs={12} key={`graph ${section.service.arn}`}>
              <InfoCard title={`Neighbourhood of ${section.service.name}`}>
                <NeighbourhoodGraph
                  serviceArn={section.service.arn}
                  serviceName={section.service.name}
                  inbound={section.inbound}
                  outbound={section.outbound ?? []}
                  entities={entities}
                  estate={estate}
                />
                <MechanismLegend mechanisms={mechanismsOf(section)} />
              </InfoCard>
            </Grid>
          ))}
          <Grid item xs={12}>
            <InfoCard title="Running tasks">
              <LiveTasksTable services={network.services} />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <EntityBlastRadius entityRef={stringifyEntityRef(entity)} />
          </Grid>
          <Grid item xs={12}>
            <EntityChanges entityRef={stringifyEntityRef(entity)} />
          </Grid>
        </Grid>
      )}
    </EntityNetworkStates>
  );
}
