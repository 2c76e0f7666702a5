import type { Entity } from '@backstage/catalog-model';
import type { Edge } from '@ecs-net/plugin-ecs-networking-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { endpointNameFromId } from '../../lib/arns';
import { evidenceText } from '../../lib/describe';
import { MechanismChip } from '../shared/MechanismChip';
import { ServiceLink } from '../shared/ServiceLink';

const useStyles = makeStyles(theme => ({
  item: { display: 'block', paddingLeft: 0 },
  heading: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  endpoint: { fontFamily: 'monospace', wordBreak: 'break-all' },
  evidence: {
    margin: theme.spacing(0.5, 0, 0, 2),
    padding: 0,
    fontFamily: 'monospace',
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.text.secondary,
    wordBreak: 'break-all',
  },
}));

/**
 * Calls into or out of the service. `inbound` lists callers, `outbound` the
 * services called; each with the endpoint used and why the call is believed.
 */
export function EdgeList(props: {
  edges: Edge[];
  direction: 'inbound' | 'outbound';
  entities: Map<string, Entity>;
}) {
  const classes = useStyles();
  const { edges, direction, entities } = props;
  if (edges.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {direction === 'inbound'
          ? 'No known caller.'
          : 'Calls no known service.'}
      </Typography>
    );
  }
  return (
    <List
      dense
      disablePadding
      aria-label={direction === 'inbound' ? 'Called by' : 'Calls'}
    >
      {edges.map(edge => {
        const peer = direction === 'inbound' ? edge.from : edge.to;
        return (
          <ListItem
            key={`${edge.from} ${edge.to} ${edge.endpointId}`}
            className={classes.item}
          >
            <div className={classes.heading}>
              <ServiceLink arn={peer} entities={entities} />
              <Typography component="span" variant="body2">
                {direction === 'inbound' ? 'calls' : 'via'}
              </Typography>
              <Typography
                component="span"
                variant="body2"
                className={classes.endpoint}
              >
                {endpointNameFromId(edge.endpointId)}
              </Typography>
              <MechanismChip mechanism={edge.mechanism} />
            </div>
            <ul className={classes.evidence} aria-label="Evidence">
              {edge.evidence.map(evidence => {
                const text = evidenceText(evidence);
                return (
                  <li key={`${evidence.container ?? ''} ${text}`}>{text}</li>
                );
              })}
            </ul>
          </ListItem>
        );
      })}
    </List>
  );
}
