import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  Endpoint,
  LiveService,
} from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { counted } from '../../lib/describe';
import { useEntityNetwork } from '../../hooks/useEntityNetwork';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { FindingList } from '../EntityNetwork/FindingList';
import { CopyNameButton } from '../shared/CopyNameButton';
import { MechanismChip } from '../shared/MechanismChip';
import { NoAccountsEmptyState } from '../shared/NoAccountsEmptyState';
import { ReloadFailedBanner } from '../shared/ReloadFailedBanner';
import { catalogOwner, OwnerName } from '../shared/OwnerName';
import { ScopeBanners } from '../shared/ScopeBanners';
import { LastSynced } from '../shared/LastSynced';
import { ServiceLink } from '../shared/ServiceLink';

const useStyles = makeStyles(theme => ({
  name: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
  section: { marginTop: theme.spacing(2) },
  clients: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** A namespace can hold hundreds of names; the table pages past this. */
const PAGE_SIZE = 10;

interface Row {
  endpoint: Endpoint;
  service?: LiveService;
}

function EndpointName(props: { name: string }) {
  const classes = useStyles();
  return (
    <>
      <span className={classes.name}>{props.name}</span>
      <CopyNameButton text={props.name} />
    </>
  );
}

/**
 * What is named in a Cloud Map namespace: each endpoint with the ECS service
 * answering on it and that service's owner; the Service Connect services
 * that only call through it; and the findings about the namespace itself.
 */
export function EcsNamespaceCard() {
  const classes = useStyles();
  const { entity } = useEntity();
  const { value, loading, error, reloadError } = useEntityNetwork(entity);
  const network = value?.network;
  // Each name with the service answering on it, and the Service Connect
  // services that call through the namespace but answer on no name in it.
  const { rows, clientsOnly } = useMemo(() => {
    const byArn = new Map(network?.services.map(s => [s.arn, s]));
    const named = new Set(network?.endpoints.map(e => e.serviceArn));
    return {
      rows: (network?.endpoints ?? []).map(endpoint => ({
        endpoint,
        service: byArn.get(endpoint.serviceArn),
      })),
      clientsOnly: (network?.services ?? []).filter(s => !named.has(s.arn)),
    };
  }, [network]);
  const arns = useMemo(
    () => network?.services.map(s => s.arn) ?? [],
    [network],
  );
  const entities = useServiceEntities(arns);

  // A live reload keeps what is shown until the new answer arrives.
  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || !network) return null;
  if (!value.configured) return <NoAccountsEmptyState />;

  const answering = network.services.length - clientsOnly.length;
  const columns: TableColumn<Row>[] = [
    {
      title: 'Endpoint',
      field: 'endpoint.name',
      render: row => <EndpointName name={row.endpoint.name} />,
    },
    {
      title: 'Mechanism',
      field: 'endpoint.mechanism',
      render: row => <MechanismChip mechanism={row.endpoint.mechanism} />,
    },
    {
      title: 'Service',
      field: 'service.name',
      render: row => (
        <ServiceLink
          arn={row.endpoint.serviceArn}
          name={row.service?.name}
          entities={entities}
        />
      ),
    },
    {
      title: 'Owner',
      field: 'service.owner',
      render: row => (
        <OwnerName
          owner={row.service?.owner}
          defaultOwner={catalogOwner(entities, row.endpoint.serviceArn)}
        />
      ),
    },
  ];

  return (
    <InfoCard title="Names in this namespace">
      <ReloadFailedBanner error={reloadError} />
      <ScopeBanners scopes={network.scopes} />
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No ECS service is reachable by a name in this namespace.
        </Typography>
      ) : (
        <Table<Row>
          title={`${counted(rows.length, 'name')} from ${counted(
            answering,
            'ECS service',
          )}`}
          columns={columns}
          data={rows}
          options={{
            paging: rows.length > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            pageSizeOptions: [PAGE_SIZE, 50, 100],
            search: rows.length > PAGE_SIZE,
            padding: 'dense',
          }}
        />
      )}
      {clientsOnly.length > 0 && (
        <div className={classes.section}>
          <Typography variant="subtitle2">
            Service Connect clients with no name here ({clientsOnly.length})
          </Typography>
          <Typography
            variant="body2"
            component="ul"
            className={classes.clients}
          >
            {clientsOnly.map(service => (
              <li key={service.arn}>
                <ServiceLink
                  arn={service.arn}
                  name={service.name}
                  entities={entities}
                />{' '}
                ·{' '}
                <OwnerName
                  owner={service.owner}
                  defaultOwner={catalogOwner(entities, service.arn)}
                />
              </li>
            ))}
          </Typography>
        </div>
      )}
      <div className={classes.section}>
        <Typography variant="subtitle2">
          Findings about the namespace
        </Typography>
        <FindingList findings={network.findings} />
      </div>
      <LastSynced scopes={network.scopes} />
    </InfoCard>
  );
}
