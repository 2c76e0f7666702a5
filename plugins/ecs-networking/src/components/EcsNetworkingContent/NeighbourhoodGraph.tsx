import type { Entity } from '@backstage/catalog-model';
import type { Edge, Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useId, useMemo } from 'react';
import { serviceNameFromArn } from '../../lib/arns';
import { MECHANISM_LABELS, MECHANISMS } from '../../lib/describe';
import { MECHANISM_DASH, mechanismColor } from '../shared/mechanismStyle';
import { ServiceLink } from '../shared/ServiceLink';
import {
  GraphLine,
  layoutNeighbourhood,
  NODE_HEIGHT,
  NODE_WIDTH,
} from './neighbourhoodLayout';

const useStyles = makeStyles(theme => ({
  scroller: { overflowX: 'auto' },
  canvas: { position: 'relative' },
  svg: { position: 'absolute', top: 0, left: 0 },
  node: {
    position: 'absolute',
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    padding: theme.spacing(0, 1),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.paper,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    textOverflow: 'ellipsis',
  },
  centre: {
    border: `2px solid ${theme.palette.text.primary}`,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  label: {
    fontFamily: 'monospace',
    fontSize: 11,
    fill: theme.palette.text.primary,
    stroke: theme.palette.background.paper,
    strokeWidth: 4,
    paintOrder: 'stroke',
  },
}));

function curve(line: GraphLine): string {
  const mid = (line.from.x + line.to.x) / 2;
  return `M ${line.from.x} ${line.from.y} C ${mid} ${line.from.y}, ${mid} ${line.to.y}, ${line.to.x} ${line.to.y}`;
}

function describe(name: string, line: GraphLine): string {
  const peer = serviceNameFromArn(line.peer);
  const how = `${line.label} (${MECHANISM_LABELS[line.mechanism]})`;
  return line.side === 'caller'
    ? `${peer} calls ${name} via ${how}`
    : `${name} calls ${peer} via ${how}`;
}

/**
 * Callers ← service → callees, with the endpoint on each line. Lines differ
 * by colour and by dash pattern, explained by {@link MechanismLegend}.
 */
export function NeighbourhoodGraph(props: {
  serviceArn: string;
  serviceName: string;
  inbound: Edge[];
  outbound: Edge[];
  entities: Map<string, Entity>;
}) {
  const { serviceArn, serviceName, inbound, outbound, entities } = props;
  const classes = useStyles();
  const theme = useTheme();
  // Marker ids must be unique per page and valid inside url(#…).
  const markerPrefix = `ecs-arrow-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const layout = useMemo(
    () => layoutNeighbourhood(inbound, outbound),
    [inbound, outbound],
  );
  const summary =
    layout.lines.length === 0
      ? `${serviceName} calls no known service and has no known caller`
      : layout.lines.map(line => describe(serviceName, line)).join('; ');

  const nodes = [...layout.callers, ...layout.callees].map(node => (
    <div
      // A service that both calls and is called appears on both sides.
      key={`${node.x} ${node.arn ?? 'more'}`}
      className={classes.node}
      style={{ left: node.x, top: node.y }}
    >
      {node.arn ? (
        <ServiceLink arn={node.arn} entities={entities} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          +{node.more} more (see the Overview)
        </Typography>
      )}
    </div>
  ));

  return (
    <div className={classes.scroller}>
      <div
        className={classes.canvas}
        style={{ width: layout.width, height: layout.height }}
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
                <path
                  d="M 0 0 L 10 5 L 0 10 z"
                  fill={mechanismColor(theme, mechanism)}
                />
              </marker>
            ))}
          </defs>
          {layout.lines.map(line => (
            <g key={line.key} data-mechanism={line.mechanism}>
              <path
                d={curve(line)}
                fill="none"
                stroke={mechanismColor(theme, line.mechanism)}
                strokeWidth={2}
                strokeDasharray={MECHANISM_DASH[line.mechanism]}
                markerEnd={`url(#${markerPrefix}-${line.mechanism})`}
              />
              <text
                className={classes.label}
                x={line.side === 'caller' ? line.from.x + 8 : line.to.x - 8}
                y={(line.side === 'caller' ? line.from.y : line.to.y) - 6}
                textAnchor={line.side === 'caller' ? 'start' : 'end'}
              >
                {line.label}
              </text>
            </g>
          ))}
        </svg>
        {nodes}
        <div
          className={`${classes.node} ${classes.centre}`}
          style={{ left: layout.centre.x, top: layout.centre.y }}
        >
          <ServiceLink
            arn={serviceArn}
            name={serviceName}
            entities={entities}
          />
        </div>
      </div>
    </div>
  );
}
