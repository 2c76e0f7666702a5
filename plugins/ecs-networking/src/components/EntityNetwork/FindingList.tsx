import type { Finding } from '@ecs-net/plugin-ecs-networking-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SeverityIcon } from '../shared/SeverityIcon';

const useStyles = makeStyles(theme => ({
  item: { alignItems: 'flex-start', paddingLeft: 0 },
  icon: { minWidth: theme.spacing(4), marginTop: theme.spacing(0.25) },
}));

/** Wiring problems, each with what to change. */
export function FindingList(props: {
  findings: Finding[];
  /** Name the subject when findings concern several services. */
  showSubject?: boolean;
}) {
  const classes = useStyles();
  if (props.findings.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No wiring problem found.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Findings">
      {props.findings.map(finding => (
        <ListItem
          key={`${finding.ruleId} ${finding.subject.arn} ${finding.message}`}
          className={classes.item}
        >
          <ListItemIcon className={classes.icon}>
            <SeverityIcon severity={finding.severity} />
          </ListItemIcon>
          <div>
            <Typography variant="body2">
              {props.showSubject && <strong>{finding.subject.name}: </strong>}
              {finding.message}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Fix: {finding.fix}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {finding.ruleId}
            </Typography>
          </div>
        </ListItem>
      ))}
    </List>
  );
}
