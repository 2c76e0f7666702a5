import type { Entity } from '@backstage/catalog-model';
import type { Edge, Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import ZoomIn from '@material-ui/icons/ZoomIn';
import ZoomOut from '@material-ui/icons/ZoomOut';
import ZoomOutMap from '@material-ui/icons/ZoomOutMap';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useId, useMemo, useState } from 'react';
import { serviceNameFromArn } from '../../lib/arns';
import { MECHANISM_LABELS, MECHANISMS } from '../../lib/describe';
import type { EstateIndex } from '../../lib/estateIndex';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { MECHANISM_DASH, mechanismColor } from '../shared/mechanismStyle';
import {
  LABEL_HEIGHT,
  layoutNeighbourhood,
  linePath,
  type GraphLine,
  type Hops,
} from './neighbourhoodLayout';
import { NeighbourhoodNode } from './NeighbourhoodNode';
import { useGraphZoom } from './useGraphZoom';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(1),
  },
  hint: { marginLeft: 'auto' },
  viewport: {
    overflow: 'auto',
    maxHeight: '70vh',
    cursor: 'grab',
    touchAction: 'none',
  },
  canvas: { position: 'absolute', top: 0, left: 0, transformOrigin: '0 0' },
  svg: { position: 'absolute', top: 0, left: 0 },
  label: {
    fontFamily: 'monospace',
    fontSize: 11,
    fill: theme.palette.text.primary,
  },
}));

/** The estate's network, for owners, findings and the second hop. */
export interface NeighbourhoodEstate {
  index: EstateIndex;
  edges: Edge[];
}

function describe(line: GraphLine): string {
  const how = `${line.label} (${MECHANISM_LABELS[line.mechanism]})`;
  return `${serviceNameFromArn(line.caller)} calls ${serviceNameFromArn(line.callee)} via ${how}`;
}

/**
 * Callers ← service → callees, one or two hops out, each service with its
 * owner and findings, each line with its endpoint on a label no other line
 * crosses. Lines differ by colour and by dash pattern, explained by
 * {@link MechanismLegend}. Zooms with its buttons and the wheel.
 */
export function NeighbourhoodGraph(props: {
  serviceArn: string;
  serviceName: string;
  inbound: Edge[];
  outbound: Edge[];
  entities: Map<string, Entity>;
  estate?: NeighbourhoodEstate;
}) {
  const { serviceArn, serviceName, inbound, outbound, estate } = props;
  const classes = useStyles();
  const theme = useTheme();
  const [hops, setHops] = useState<Hops>(1);
  // Marker ids must be unique per page and valid inside url(#…).
  const markerPrefix = `ecs-arrow-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  // Two hops need the estate's calls; until they arrive, one hop shows.
  const shownHops: Hops = estate ? hops : 1;
  const layout = useMemo(
    () => layoutNeighbourhood({ serviceArn, inbound, outbound, hops: shownHops, estateEdges: estate?.edges }),
    [serviceArn, inbound, outbound, shownHops, estate],
  );
  // Services two hops out are not among the page's catalog lookups.
  const farArns = useMemo(
    () => layout.nodes.filter(n => Math.abs(n.column) === 2 && n.arn).map(n => n.arn!),
    [layout],
  );
  const farEntities = useServiceEntities(farArns);
  const entities = useMemo(
    () => (farArns.length ? new Map([...props.entities, ...farEntities]) : props.entities),
    [props.entities, farEntities, farArns],
  );
  const { viewport, zoom, zoomIn, zoomOut, fit, panHandlers } = useGraphZoom(layout.width);

  const summary =
    layout.lines.length === 0
      ? `${serviceName} calls no known service and has no known caller`
      : layout.lines.map(describe).join('; ');

  return (
    <>
      <div className={classes.toolbar}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={hops}
          onChange={(_, value: Hops | null) => value && setHops(value)}
          aria-label="Graph hops"
        >
          <ToggleButton value={1}>1 hop</ToggleButton>
          <ToggleButton value={2} disabled={!estate} title={estate ? undefined : 'Loading the estate…'}>
            2 hops
          </ToggleButton>
        </ToggleButtonGroup>
        <IconButton size="small" aria-label="Zoom in" title="Zoom in" onClick={zoomIn}>
          <ZoomIn />
        </IconButton>
        <IconButton size="small" aria-label="Zoom out" title="Zoom out" onClick={zoomOut}>
          <ZoomOut />
        </IconButton>
        <IconButton size="small" aria-label="Fit the graph" title="Fit the graph" onClick={fit}>
          <ZoomOutMap />
        </IconButton>
        <Typography variant="caption" color="textSecondary" role="status">
          {Math.round(zoom * 100)} %
        </Typography>
        <Typography variant="caption" color="textSecondary" className={classes.hint}>
          Click the graph, then scroll to zoom (or Ctrl + scroll); drag to pan
        </Typography>
      </div>
      <div ref={viewport} className={classes.viewport} {...panHandlers}>
        <div style={{ position: 'relative', width: layout.width * zoom, height: layout.height * zoom }}>
          <div
            className={classes.canvas}
            style={{ width: layout.width, height: layout.height, transform: `scale(${zoom})` }}
          >
            <svg
              className={classes.svg}
              width={layout.width}
              height={layout.height}
              role="img"
              aria-label={summary}
            >
              <defs>
                {MECHANISMS.map((mechanism: Mechanism) => (
                  <marker
                    key={mechanism}
                    id={`${markerPrefix}-${mechanism}`}
                    viewBox="0 0 10 10"
                    refX="10"
                    refY="5"
                    markerWidth="8"
                    markerHeight="8"
                    orient="auto"
                  >
                    <path d="M 0 0 L 10 5 L 0 10 z" fill={mechanismColor(theme, mechanism)} />
                  </marker>
                ))}
              </defs>
              {layout.lines.map(line => {
                const color = mechanismColor(theme, line.mechanism);
                const box = line.labelBox;
                // Each label after its own line: the layout keeps every
                // other line off it, so a later line never covers it.
                return (
                  <g key={line.key} data-mechanism={line.mechanism}>
                    <path
                      d={linePath(line)}
                      fill="none"
                      stroke={color}
                      strokeWidth={2}
                      strokeDasharray={MECHANISM_DASH[line.mechanism]}
                      markerEnd={`url(#${markerPrefix}-${line.mechanism})`}
                    />
                    <g>
                      <title>{line.label}</title>
                      <rect
                        x={box.x}
                        y={box.y}
                        width={box.width}
                        height={box.height}
                        rx={LABEL_HEIGHT / 2}
                        fill={theme.palette.background.paper}
                        stroke={color}
                      />
                      <text
                        className={classes.label}
                        x={box.x + box.width / 2}
                        y={box.y + box.height / 2}
                        textAnchor="middle"
                        dominantBaseline="central"
                      >
                        {line.shown}
                      </text>
                    </g>
                  </g>
                );
              })}
            </svg>
            {layout.nodes.map(node => (
              <NeighbourhoodNode
                key={node.key}
                node={node}
                name={node.column === 0 ? serviceName : serviceNameFromArn(node.arn ?? '')}
                centre={node.column === 0}
                row={node.arn ? estate?.index.rows.get(node.arn) : undefined}
                entities={entities}
              />
            ))}
          </div>
        </div>
      </div>
    </>
  );
}
