import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  LookupMatch,
  LookupMatchKind,
} from '@ecs-net/plugin-ecs-networking-common';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ecsNetworkingApiRef } from '../../api';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { MechanismChip } from '../shared/MechanismChip';
import { catalogOwner, OwnerName } from '../shared/OwnerName';
import { ServiceLink } from '../shared/ServiceLink';

const MATCHED_BY: Record<LookupMatchKind, string> = {
  arn: 'ARN',
  ip: 'task IP',
  endpoint: 'Service Connect endpoint',
  'dns-name': 'DNS name',
  'cloud-map-service': 'Cloud Map service',
  'service-name': 'service name',
};

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
  },
  field: { flexGrow: 1 },
  match: { display: 'block', paddingLeft: 0 },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  mono: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

function Matches(props: { query: string; matches: LookupMatch[] }) {
  const classes = useStyles();
  const arns = useMemo(
    () => props.matches.map(m => m.service.arn),
    [props.matches],
  );
  const entities = useServiceEntities(arns);
  if (props.matches.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing in the synced accounts answers to “{props.query}”. Task IPs
        change on every deployment; try the endpoint or DNS name instead.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Lookup results">
      {props.matches.map(match => (
        <ListItem
          key={`${match.service.arn} ${match.matchedBy} ${
            match.endpoint?.id ?? ''
          }`}
          className={classes.match}
        >
          <div className={classes.line}>
            <Typography variant="subtitle1" component="span">
              <ServiceLink
                arn={match.service.arn}
                name={match.service.name}
                entities={entities}
              />
            </Typography>
            <Typography variant="body2" component="span">
              owner{' '}
              <OwnerName
                owner={match.service.owner}
                defaultOwner={catalogOwner(entities, match.service.arn)}
              />
            </Typography>
            <Typography variant="body2" color="textSecondary" component="span">
              matched by {MATCHED_BY[match.matchedBy] ?? match.matchedBy}
            </Typography>
          </div>
          {match.endpoint && (
            <div className={classes.line}>
              <Typography
                variant="body2"
                component="span"
                className={classes.mono}
              >
                {match.endpoint.name}
              </Typography>
              <MechanismChip mechanism={match.endpoint.mechanism} />
            </div>
          )}
          <Typography variant="body2" color="textSecondary">
            cluster {match.service.cluster} · {match.service.accountId} /{' '}
            {match.service.region}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}

/**
 * "Who owns this?" for an endpoint, DNS name, task IP or ARN. The answer
 * is asked again when `generation` (the network the page shows) moves on.
 */
export function OwnershipLookup(props: { generation?: number }) {
  const { generation } = props;
  const api = useApi(ecsNetworkingApiRef);
  const classes = useStyles();
  const id = useId();
  const [query, setQuery] = useState('');
  const [state, lookup] = useAsyncFn((q: string) => api.lookup(q), [api]);
  const answered = state.value?.query;
  const askedAt = useRef(generation);
  useEffect(() => {
    if (generation === askedAt.current) return;
    askedAt.current = generation;
    if (answered) lookup(answered);
  }, [generation, answered, lookup]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) lookup(query.trim());
  };

  return (
    <>
      <form className={classes.form} onSubmit={submit} role="search">
        <TextField
          id={id}
          className={classes.field}
          label="Who owns…"
          placeholder="orders:8080, mysql.app, 10.0.1.12, arn:aws:ecs:…"
          value={query}
          onChange={e => setQuery(e.target.value)}
          helperText="An endpoint, DNS name, task IP, service name or ARN"
        />
        <Button type="submit" variant="contained" color="primary">
          Look up
        </Button>
      </form>
      {state.loading && <LinearProgress />}
      {state.error && <ResponseErrorPanel error={state.error} />}
      {state.value && (
        <Matches query={state.value.query} matches={state.value.matches} />
      )}
    </>
  );
}
