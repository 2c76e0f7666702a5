import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Divider from '@material-ui/core/Divider';
import { EntityNetworkStates } from '../EntityNetwork/EntityNetworkStates';
import { ServiceDetails } from '../EntityNetwork/ServiceDetails';
import { ScopeBanners } from '../shared/ScopeBanners';
import { LastSynced } from '../shared/LastSynced';

/**
 * The ECS network of the current entity: endpoint names, who calls it and
 * whom it calls with the evidence, and wiring findings.
 */
export function EcsNetworkingCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="ECS network">
      <EntityNetworkStates entity={entity}>
        {({ network, sections, entities }) => (
          <>
            <ScopeBanners scopes={network.scopes} />
            {sections.map((section, i) => (
              <div key={section.service.arn}>
                {i > 0 && <Divider />}
                <ServiceDetails section={section} entities={entities} />
              </div>
            ))}
            <LastSynced scopes={network.scopes} />
          </>
        )}
      </EntityNetworkStates>
    </InfoCard>
  );
}
