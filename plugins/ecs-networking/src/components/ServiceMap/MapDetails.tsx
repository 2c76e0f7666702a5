import type { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { counted } from '../../lib/describe';
import type { ServiceRow } from '../../lib/estateIndex';
import { catalogOwner, OwnerName } from '../shared/OwnerName';
import { SeverityIcon } from '../shared/SeverityIcon';
import type { MapGraph } from './mapGraph';

const useStyles = makeStyles(theme => ({
  panel: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
    overflowWrap: 'anywhere',
    maxHeight: 'max(480px, calc(100vh - 360px))',
    overflowY: 'auto',
  },
  list: { listStyle: 'none', padding: 0, margin: theme.spacing(1, 0) },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginBottom: theme.spacing(0.5) },
  neighbour: { textAlign: 'left', textTransform: 'none', justifyContent: 'flex-start', overflowWrap: 'anywhere' },
}));

/** How many callers or callees the panel lists before it says "and N more". */
const LISTED = 12;

function Neighbours(props: { title: string; nodes: number[]; graph: MapGraph; onFocus(node: number): void }) {
  const classes = useStyles();
  if (props.nodes.length === 0) return null;
  return (
    <>
      <Typography variant="subtitle2">{props.title}</Typography>
      <ul className={classes.list}>
        {props.nodes.slice(0, LISTED).map(n => (
          <li key={n}>
            <Button size="small" className={classes.neighbour} onClick={() => props.onFocus(n)}>
              {props.graph.nodes[n].name}
            </Button>
          </li>
        ))}
        {props.nodes.length > LISTED && <li>and {props.nodes.length - LISTED} more</li>}
      </ul>
    </>
  );
}

/**
 * The selected service: where it runs, its owner and findings, its callers
 * and callees (each a button that moves the focus), and the way to its
 * catalog page.
 */
export function MapDetails(props: {
  graph: MapGraph;
  node?: number;
  row?: ServiceRow;
  entities: Map<string, Entity>;
  onFocus(node: number): void;
  expanded: ReadonlySet<number>;
  onToggleGroup(group: number, open: boolean): void;
}) {
  const { graph, node, row, entities, onFocus, expanded, onToggleGroup } = props;
  const classes = useStyles();
  if (node === undefined || !row) {
    return (
      <aside className={classes.panel} aria-label="Groups">
        <Typography variant="body2" color="textSecondary" gutterBottom>
          Click a service, or find one by name, to see its calls and open it. Click a
          group's title, or its button here, to open or close it.
        </Typography>
        <ul className={classes.list}>
          {graph.groups.map((group, g) => (
            <li key={group.key} className={classes.item}>
              <Button
                size="small"
                className={classes.neighbour}
                aria-expanded={expanded.has(g)}
                onClick={() => onToggleGroup(g, !expanded.has(g))}
              >
                {expanded.has(g) ? '▾' : '▸'} {group.title} ({group.members.length})
                {group.where && ` · ${group.where}`}
              </Button>
              {group.worst && <SeverityIcon severity={group.worst} />}
            </li>
          ))}
        </ul>
      </aside>
    );
  }
  const n = graph.nodes[node];
  const entity = entities.get(n.arn);
  const callers = new Set<number>();
  const callees = new Set<number>();
  for (const edge of graph.edges) {
    if (edge.to === node) callers.add(edge.from);
    if (edge.from === node) callees.add(edge.to);
  }
  return (
    <aside className={classes.panel} aria-label="Selected service">
      <Typography variant="h6" component="h3">
        {n.name}
      </Typography>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        {n.where}
      </Typography>
      <Typography variant="body2" gutterBottom>
        Owner: <OwnerName owner={n.owner} defaultOwner={catalogOwner(entities, n.arn)} />
      </Typography>
      {entity ? (
        <Typography variant="body2" gutterBottom>
          <EntityRefLink entityRef={entity} hideIcon>
            Open {n.name} in the catalog
          </EntityRefLink>
        </Typography>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not in the catalog (yet).
        </Typography>
      )}
      {row.findings.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            {counted(row.findings.length, 'finding')}
          </Typography>
          <ul className={classes.list}>
            {row.findings.map((f, i) => (
              <li key={i} className={classes.item}>
                <SeverityIcon severity={f.severity} />
                <Typography variant="body2">{f.message}</Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      <Neighbours title={`Called by ${counted(callers.size, 'service')}`} nodes={[...callers]} graph={graph} onFocus={onFocus} />
      <Neighbours title={`Calls ${counted(callees.size, 'service')}`} nodes={[...callees]} graph={graph} onFocus={onFocus} />
    </aside>
  );
}
