import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { counted } from '../../lib/describe';
import type { DrawnMap } from './drawMap';
import type { MapGraph } from './mapGraph';

const useStyles = makeStyles({
  // Read by screen readers, not shown: the canvas is the picture of it.
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export interface DrawnGroupText {
  key: string;
  text: string;
}

/**
 * In words, what the map shows now: each group in view, open or closed,
 * and the services whose names are drawn; how many more are boxes too
 * small on screen to name at this zoom.
 */
export function describeDrawn(graph: MapGraph, expanded: ReadonlySet<number>, drawn: DrawnMap) {
  const named = new Map<number, string[]>();
  for (const n of drawn.named) {
    const node = graph.nodes[n];
    const list = named.get(node.group) ?? [];
    list.push(node.findings ? `${node.name} (${counted(node.findings, 'finding')})` : node.name);
    named.set(node.group, list);
  }
  const groups: DrawnGroupText[] = drawn.groups.map(g => {
    const group = graph.groups[g];
    const title = group.where ? `${group.title} · ${group.where}` : group.title;
    const findings = group.findings ? `, ${counted(group.findings, 'finding')}` : '';
    if (!expanded.has(g)) {
      return { key: group.key, text: `${title}: closed, ${counted(group.members.length, 'service')}${findings}` };
    }
    const names = named.get(g);
    return { key: group.key, text: `${title}: open${names ? `, ${names.join(', ')}` : ''}` };
  });
  const unnamed = drawn.unnamed.length
    ? ` ${counted(drawn.unnamed.length, 'more service')} too small to name at this zoom: zoom in to read them.`
    : '';
  return {
    summary: `Shown: ${counted(drawn.groups.length, 'group')}; ${counted(drawn.named.length, 'service')} with their names.${unnamed}`,
    groups,
  };
}

/** The map's text alternative, for the canvas's aria-describedby. */
export function MapDescription(props: {
  id: string;
  graph?: MapGraph;
  expanded?: ReadonlySet<number>;
  drawn?: DrawnMap;
}) {
  const classes = useStyles();
  const { graph, expanded, drawn } = props;
  // Worded once per picture, not at every render of the map around it.
  const text = useMemo(
    () => (graph && expanded && drawn ? describeDrawn(graph, expanded, drawn) : undefined),
    [graph, expanded, drawn],
  );
  return (
    <div id={props.id} className={classes.hidden}>
      {text && (
        <>
          {text.summary}
          <ul>
            {text.groups.map(g => (
              <li key={g.key}>{g.text}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
