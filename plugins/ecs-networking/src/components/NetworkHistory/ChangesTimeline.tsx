import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  describeAttributeChange,
  type ChangeAction,
  type RecordedChange,
} from '@ecs-net/plugin-ecs-networking-common';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Fragment } from 'react';
import { formatAge, formatInstant } from '../../lib/relativeTime';
import { ServiceLink } from '../shared/ServiceLink';

const useStyles = makeStyles(theme => ({
  chip: { marginRight: theme.spacing(1), minWidth: 80 },
  added: { borderColor: theme.palette.success.main, color: theme.palette.success.dark },
  removed: { borderColor: theme.palette.error.main, color: theme.palette.error.dark },
  changed: { borderColor: theme.palette.info.main, color: theme.palette.info.dark },
  // Labels and values (ARNs, evidence) can be long without a space.
  text: { minWidth: 0, overflowWrap: 'anywhere' },
}));

/** A finding that appeared opened; one that went, closed. */
function actionLabel(change: RecordedChange): string {
  if (change.kind !== 'finding' || change.action === 'changed') return change.action;
  return change.action === 'added' ? 'opened' : 'closed';
}

function ActionChip(props: { change: RecordedChange }) {
  const classes = useStyles();
  const tone: Record<ChangeAction, string> = {
    added: classes.added,
    removed: classes.removed,
    changed: classes.changed,
  };
  return (
    <Chip
      size="small"
      variant="outlined"
      className={`${classes.chip} ${tone[props.change.action]}`}
      label={actionLabel(props.change)}
    />
  );
}

/**
 * The services (linked to their Resources) and their owners. Their
 * Components are left out: they share the services' names, and the
 * Resource page links to them.
 */
function Concerns(props: { change: RecordedChange; entities: Map<string, Entity> }) {
  const { change, entities } = props;
  const owners = change.entityRefs.filter(ref => !ref.startsWith('component:'));
  const links = [
    ...change.serviceArns.map(arn => <ServiceLink key={arn} arn={arn} entities={entities} />),
    ...owners.map(ref => <EntityRefLink key={ref} entityRef={ref} hideIcon />),
  ];
  if (links.length === 0) return null;
  return (
    <>
      {' · concerns '}
      {links.map((link, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          {link}
        </Fragment>
      ))}
    </>
  );
}

/**
 * Recorded changes, newest first: what changed (added, removed, changed;
 * a finding opened or closed), when, and what it concerns, each service
 * linked to its catalog Resource when the catalog holds one.
 */
export function ChangesTimeline(props: {
  changes: RecordedChange[];
  entities: Map<string, Entity>;
  /** Said when there are none. */
  empty: string;
}) {
  const classes = useStyles();
  const { changes, entities } = props;
  if (changes.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <List dense aria-label="Changes">
      {changes.map(change => (
        <ListItem key={change.id} divider alignItems="flex-start">
          <ActionChip change={change} />
          <ListItemText
            className={classes.text}
            primary={
              <>
                <Typography component="span" variant="body2" color="textSecondary">
                  {change.kind}{' '}
                </Typography>
                <strong>{change.label}</strong>
                {change.action === 'changed' && (
                  <Typography component="span" variant="body2">
                    {': '}
                    {change.attributes.map(describeAttributeChange).join('; ')}
                  </Typography>
                )}
              </>
            }
            secondary={
              <>
                <span title={formatInstant(change.at)}>{formatAge(change.at)}</span>
                {` · ${change.trigger === 'events' ? 'live update' : 'sync'}`}
                {change.accountId && ` · ${change.accountId}/${change.region}`}
                <Concerns change={change} entities={entities} />
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
