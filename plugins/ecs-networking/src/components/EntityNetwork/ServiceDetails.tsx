import type { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { catalogOwner, OwnerName } from '../shared/OwnerName';
import { ServiceLink } from '../shared/ServiceLink';
import { EdgeList } from './EdgeList';
import { EndpointList } from './EndpointList';
import { FindingList } from './FindingList';
import type { ServiceSection } from './serviceSections';

function Subheading(props: { children: ReactNode }) {
  return (
    <Box mt={2} mb={0.5}>
      <Typography variant="subtitle2" component="h4">
        {props.children}
      </Typography>
    </Box>
  );
}

/** Endpoints, callers, callees and findings of one ECS service. */
export function ServiceDetails(props: {
  section: ServiceSection;
  entities: Map<string, Entity>;
}) {
  const { section, entities } = props;
  const { service } = section;
  return (
    <Box mb={2}>
      <Typography variant="h6" component="h3">
        <ServiceLink
          arn={service.arn}
          name={service.name}
          entities={entities}
        />
      </Typography>
      <Typography variant="body2" color="textSecondary">
        cluster {service.cluster} · {service.accountId} / {service.region} ·
        owner{' '}
        <OwnerName
          owner={service.owner}
          defaultOwner={catalogOwner(entities, service.arn)}
        />
      </Typography>

      <Subheading>Endpoints</Subheading>
      <EndpointList endpoints={section.endpoints} />

      <Subheading>Called by ({section.inbound.length})</Subheading>
      <EdgeList
        edges={section.inbound}
        direction="inbound"
        entities={entities}
      />

      {section.outbound && (
        <>
          <Subheading>Calls ({section.outbound.length})</Subheading>
          <EdgeList
            edges={section.outbound}
            direction="outbound"
            entities={entities}
          />
        </>
      )}

      <Subheading>Findings ({section.findings.length})</Subheading>
      <FindingList findings={section.findings} />
    </Box>
  );
}
