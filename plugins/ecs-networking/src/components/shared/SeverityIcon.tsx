import ErrorOutline from '@material-ui/icons/ErrorOutline';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import { makeStyles } from '@material-ui/core/styles';
import type { Severity } from '@ecs-net/plugin-ecs-networking-common';

const useStyles = makeStyles(theme => ({
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  info: { color: theme.palette.info.main },
}));

const ICONS = {
  error: ErrorOutline,
  warning: ReportProblemOutlined,
  info: InfoOutlined,
};

/** A severity icon that names its severity to screen readers. */
export function SeverityIcon(props: {
  severity: Severity;
  fontSize?: 'small' | 'inherit';
}) {
  const classes = useStyles();
  const Icon = ICONS[props.severity] ?? InfoOutlined;
  return (
    <Icon
      className={classes[props.severity]}
      fontSize={props.fontSize ?? 'small'}
      titleAccess={props.severity}
    />
  );
}
