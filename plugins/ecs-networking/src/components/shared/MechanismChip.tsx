import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import { MECHANISM_LABELS } from '../../lib/describe';
import { mechanismColor } from './mechanismStyle';

const useStyles = makeStyles(theme => ({
  chip: ({ mechanism }: { mechanism: Mechanism }) => ({
    borderColor: mechanismColor(theme, mechanism),
    borderWidth: 2,
    margin: theme.spacing(0, 0.5, 0.5, 0),
  }),
}));

/** The mechanism by name, with its legend colour as the border. */
export function MechanismChip(props: { mechanism: Mechanism }) {
  const classes = useStyles(props);
  return (
    <Chip
      className={classes.chip}
      size="small"
      variant="outlined"
      label={MECHANISM_LABELS[props.mechanism] ?? props.mechanism}
    />
  );
}
