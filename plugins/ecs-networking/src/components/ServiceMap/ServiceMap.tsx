import type { Entity } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteParams, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { counted, MECHANISMS } from '../../lib/describe';
import type { EstateIndex } from '../../lib/estateIndex';
import { MechanismLegend } from '../EcsNetworkingContent/MechanismLegend';
import { mechanismColor } from '../shared/mechanismStyle';
import type { MapColors, MapScene } from './drawMap';
import { MapCanvas, type MapCanvasHandle } from './MapCanvas';
import { MapDetails } from './MapDetails';
import { MapToolbar } from './MapToolbar';
import { buildMapGraph, type GroupBy } from './mapGraph';
import { useMapLayout } from './useMapLayout';
import { visibleEdges } from './visibleEdges';

const useStyles = makeStyles(theme => ({
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 300px',
    gap: theme.spacing(2),
    [theme.breakpoints.down('sm')]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  status: { minHeight: '1.5em' },
}));

/** Up to this many services, every group starts open. */
const OPEN_ALL_UP_TO = 150;

function useMapColors(): MapColors {
  const theme = useTheme();
  return useMemo(
    () => ({
      background: theme.palette.background.paper,
      text: theme.palette.text.primary,
      muted: theme.palette.text.secondary,
      line: theme.palette.divider,
      groupFill: theme.palette.action.hover,
      nodeFill: theme.palette.background.default,
      selected: theme.palette.primary.main,
      severity: {
        error: theme.palette.error.main,
        warning: theme.palette.warning.main,
        info: theme.palette.info.main,
      },
      mechanism: Object.fromEntries(MECHANISMS.map(m => [m, mechanismColor(theme, m)])) as MapColors['mechanism'],
      font: String(theme.typography.fontFamily),
    }),
    [theme],
  );
}

/**
 * The whole network as one map: every service a box in its group, every
 * call a line labelled with its endpoint and drawn by mechanism. Groups
 * start closed on a large estate; the layout is computed in a worker.
 */
export function ServiceMap(props: {
  network: NetworkResponse;
  index: EstateIndex;
  entities: Map<string, Entity>;
}) {
  const { network, index, entities } = props;
  const classes = useStyles();
  const colors = useMapColors();
  const [groupBy, setGroupBy] = useState<GroupBy>('namespace');
  const graph = useMemo(() => buildMapGraph(network, index, groupBy), [network, index, groupBy]);
  const { layout, version, arrangeFirst } = useMapLayout(graph, `${network.generation}:${groupBy}`);

  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [selected, setSelected] = useState<number>();
  useEffect(() => {
    setSelected(undefined);
    setExpanded(
      graph.nodes.length <= OPEN_ALL_UP_TO ? new Set(graph.groups.keys()) : new Set(),
    );
  }, [graph]);

  const lines = useMemo(() => visibleEdges(graph, expanded), [graph, expanded]);
  const neighbours = useMemo(() => {
    if (selected === undefined) return undefined;
    const set = new Set([selected]);
    for (const edge of graph.edges) {
      if (edge.from === selected) set.add(edge.to);
      if (edge.to === selected) set.add(edge.from);
    }
    return set;
  }, [graph, selected]);
  const scene: MapScene | undefined = layout && {
    graph,
    layout,
    lines,
    expanded,
    selected,
    neighbours,
    colors,
  };

  const mechanisms = useMemo(() => {
    const used = new Set(graph.edges.map(e => e.mechanism));
    return MECHANISMS.filter(m => used.has(m));
  }, [graph]);

  const canvas = useRef<MapCanvasHandle>(null);
  const navigate = useNavigate();
  const entityRoute = useRouteRef(entityRouteRef);
  const open = useCallback(
    (node: number) => {
      const entity = entities.get(graph.nodes[node].arn);
      if (entity) navigate(entityRoute(entityRouteParams(entity)));
    },
    [entities, entityRoute, graph, navigate],
  );

  const setGroupOpen = useCallback(
    (group: number, isOpen: boolean) => {
      if (isOpen) arrangeFirst(group);
      setExpanded(current => {
        const next = new Set(current);
        if (isOpen) next.add(group);
        else next.delete(group);
        return next;
      });
    },
    [arrangeFirst],
  );
  const focus = useCallback(
    (node: number) => {
      setGroupOpen(graph.nodes[node].group, true);
      setSelected(node);
      canvas.current?.focusNode(node);
    },
    [graph, setGroupOpen],
  );
  // An arranged group moves its members: keep the focused one in view.
  const arranged = selected !== undefined && layout?.arranged[graph.nodes[selected].group];
  useEffect(() => {
    if (selected !== undefined && arranged) canvas.current?.focusNode(selected);
  }, [arranged]); // eslint-disable-line react-hooks/exhaustive-deps

  const describe = useCallback(
    (node: number) => {
      const n = graph.nodes[node];
      return `${n.name} — ${n.where}${n.findings ? ` — ${counted(n.findings, 'finding')}` : ''}`;
    },
    [graph],
  );

  return (
    <>
      <MapToolbar
        graph={graph}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        onExpandAll={isOpen => setExpanded(isOpen ? new Set(graph.groups.keys()) : new Set())}
        onFocus={focus}
        canvas={canvas}
        network={network}
        scene={scene}
      />
      <Typography variant="body2" color="textSecondary" role="status" className={classes.status}>
        {layout
          ? `${counted(graph.nodes.length, 'service')} in ${counted(graph.groups.length, 'group')}, ${counted(graph.edges.length, 'call')}${
              layout.arranged.every(Boolean) ? '' : ' — arranging groups by their calls…'
            }`
          : 'Laying out the map…'}
      </Typography>
      <div className={classes.body}>
        <div>
          {!layout && <Progress />}
          <MapCanvas
            ref={canvas}
            scene={scene}
            version={version}
            label={`Service map of ${counted(graph.nodes.length, 'service')}. Drag or use the arrow keys to pan, the wheel or + and − to zoom, 0 to fit, Enter to open the selected service.`}
            describe={describe}
            onHit={(hit, twice) => {
              if (!hit) setSelected(undefined);
              else if (hit.kind === 'node') {
                setSelected(hit.node);
                if (twice) open(hit.node);
              } else if (hit.header) {
                setGroupOpen(hit.group, !expanded.has(hit.group));
              }
            }}
            onOpenSelected={() => selected !== undefined && open(selected)}
            onClear={() => setSelected(undefined)}
          />
          <MechanismLegend mechanisms={mechanisms} />
        </div>
        <MapDetails
          graph={graph}
          node={selected}
          row={selected === undefined ? undefined : index.rows.get(graph.nodes[selected].arn)}
          entities={entities}
          onFocus={focus}
          expanded={expanded}
          onToggleGroup={setGroupOpen}
        />
      </div>
    </>
  );
}
