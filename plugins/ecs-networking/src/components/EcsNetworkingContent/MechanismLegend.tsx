import type { Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { MECHANISM_LABELS } from '../../lib/describe';
import { MECHANISM_DASH, mechanismColor } from '../shared/mechanismStyle';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(1, 0, 0),
    gap: theme.spacing(2),
    ...theme.typography.body2,
  },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
}));

/** Which line stands for which mechanism. */
export function MechanismLegend(props: { mechanisms: Mechanism[] }) {
  const classes = useStyles();
  const theme = useTheme();
  return (
    <ul className={classes.legend} aria-label="Legend">
      {props.mechanisms.map(mechanism => (
        <li key={mechanism} className={classes.item}>
          <svg width={36} height={10} aria-hidden>
            <line
              x1={0}
              y1={5}
              x2={36}
              y2={5}
              stroke={mechanismColor(theme, mechanism)}
              strokeWidth={2}
              strokeDasharray={MECHANISM_DASH[mechanism]}
            />
          </svg>
          {MECHANISM_LABELS[mechanism]}
        </li>
      ))}
    </ul>
  );
}
