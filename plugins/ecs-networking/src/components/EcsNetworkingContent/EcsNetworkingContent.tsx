import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { MECHANISMS } from '../../lib/describe';
import { EntityNetworkStates } from '../EntityNetwork/EntityNetworkStates';
import type { ServiceSection } from '../EntityNetwork/serviceSections';
import { EntityBlastRadius, EntityChanges } from '../NetworkHistory';
import { ScopeBanners } from '../shared/ScopeBanners';
import { LastSynced } from '../shared/LastSynced';
import { LiveTasksTable } from './LiveTasksTable';
import { MechanismLegend } from './MechanismLegend';
import { NeighbourhoodGraph } from './NeighbourhoodGraph';

function mechanismsOf(section: ServiceSection) {
  const used = new Set(
    [...section.inbound, ...(section.outbound ?? [])].map(e => e.mechanism),
  );
  return MECHANISMS.filter(m => used.has(m));
}

/**
 * The Network tab: each service's neighbourhood as a graph, its running
 * tasks, who it would take down (blast radius) and what changed around it.
 * The endpoints, calls with their evidence and findings are the
 * Overview's card; the tab does not repeat them.
 */
export function EcsNetworkingContent() {
  const { entity } = useEntity();
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
