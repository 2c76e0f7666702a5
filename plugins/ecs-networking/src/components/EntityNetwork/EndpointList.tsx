import {
  endpointSettings,
  type Endpoint,
} from '@ecs-net/plugin-ecs-networking-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { reachabilityText } from '../../lib/describe';
import { CopyNameButton } from '../shared/CopyNameButton';
import { MechanismChip } from '../shared/MechanismChip';

const useStyles = makeStyles(theme => ({
  item: { display: 'block', paddingLeft: 0 },
  name: {
    fontFamily: 'monospace',
    wordBreak: 'break-all',
    marginRight: theme.spacing(0.5),
  },
  heading: { display: 'flex', alignItems: 'center', flexWrap: 'wrap' },
}));

function details(endpoint: Endpoint): string {
  const parts: string[] = [];
  if (endpoint.namespace) parts.push(`namespace ${endpoint.namespace.name}`);
  if (endpoint.port !== undefined) parts.push(`port ${endpoint.port}`);
  for (const record of endpoint.dnsRecords ?? []) {
    parts.push(`${record.type} record, TTL ${record.ttl} s`);
  }
  parts.push(...endpointSettings(endpoint));
  return parts.join(' · ');
}

/** The names by which other workloads reach the service. */
export function EndpointList(props: { endpoints: Endpoint[] }) {
  const classes = useStyles();
  if (props.endpoints.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No endpoint: nothing can reach this service by name through Service
        Connect, Service Discovery or a load balancer.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Endpoints">
      {props.endpoints.map(endpoint => (
        <ListItem key={endpoint.id} className={classes.item}>
          <div className={classes.heading}>
            <Typography component="span" className={classes.name}>
              {endpoint.name}
            </Typography>
            <CopyNameButton text={endpoint.name} />
            <MechanismChip mechanism={endpoint.mechanism} />
          </div>
          {details(endpoint) && (
            <Typography variant="body2" color="textSecondary">
              {details(endpoint)}
            </Typography>
          )}
          <Typography variant="body2">
            Reachable from: {reachabilityText(endpoint)}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}
