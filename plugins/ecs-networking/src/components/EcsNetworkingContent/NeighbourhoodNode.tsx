import type { Entity } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { counted } from '../../lib/describe';
import type { ServiceRow } from '../../lib/estateIndex';
import { catalogOwner, OwnerName } from '../shared/OwnerName';
import { ServiceLink } from '../shared/ServiceLink';
import { SeverityIcon } from '../shared/SeverityIcon';
import { NODE_WIDTH, type GraphNode } from './neighbourhoodLayout';

const useStyles = makeStyles(theme => ({
  node: {
    position: 'absolute',
    width: NODE_WIDTH,
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    padding: theme.spacing(0.5, 1),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.paper,
    ...theme.typography.body2,
  },
  centre: {
    border: `2px solid ${theme.palette.text.primary}`,
  },
  name: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  centreName: { fontWeight: theme.typography.fontWeightBold as number },
  // Names and owners run long; one line each, whole in the title.
  line: { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', minWidth: 0 },
  owner: { color: theme.palette.text.secondary, fontSize: theme.typography.caption.fontSize },
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    flexShrink: 0,
    marginLeft: 'auto',
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/**
 * A service in the neighbourhood graph: its name (a link to its catalog
 * page), its owner, and a badge with its findings and the worst of them.
 * Without the estate (still loading) it shows the name alone.
 */
export function NeighbourhoodNode(props: {
  node: GraphNode;
  name: string;
  centre?: boolean;
  row?: ServiceRow;
  entities: Map<string, Entity>;
}) {
  const { node, name, centre, row, entities } = props;
  const classes = useStyles();
  const style = { left: node.x, top: node.y, height: node.height };
  if (!node.arn) {
    return (
      <div className={classes.node} style={style}>
        <Typography variant="body2" color="textSecondary">
          +{node.more} more{Math.abs(node.column) === 1 && ' (see the Overview)'}
        </Typography>
      </div>
    );
  }
  const findings = row?.findings.length ?? 0;
  const owner = row?.service.owner;
  const defaultOwner = catalogOwner(entities, node.arn);
  return (
    <div className={`${classes.node} ${centre ? classes.centre : ''}`} style={style}>
      <div className={`${classes.name} ${centre ? classes.centreName : ''}`}>
        <span className={classes.line} title={name}>
          <ServiceLink arn={node.arn} name={name} entities={entities} />
        </span>
        {row?.worst && (
          <span
            className={classes.badge}
            role="img"
            aria-label={`${counted(findings, 'finding')}, worst: ${row.worst}`}
            title={row.findings.map(f => f.message).join('\n')}
          >
            <SeverityIcon severity={row.worst} fontSize="inherit" />
            {findings}
          </span>
        )}
      </div>
      {row && (
        <div className={`${classes.line} ${classes.owner}`} title={owner ?? defaultOwner}>
          <OwnerName owner={owner} defaultOwner={defaultOwner} />
        </div>
      )}
    </div>
  );
}
