import type { Edge, Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import { endpointNameFromId } from '../../lib/arns';
import { MECHANISMS } from '../../lib/describe';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 40;
const ROW_HEIGHT = 56;
const COLUMN_GAP = 170;
const PADDING = 12;
const GRAPH_WIDTH = 3 * NODE_WIDTH + 2 * COLUMN_GAP;

/** Beyond this many callers or callees a side ends in "+N more". */
const MAX_PEERS = 12;

export interface PeerNode {
  /** Service ARN; absent for the "+N more" node. */
  arn?: string;
  more?: number;
  x: number;
  y: number;
}

export interface GraphLine {
  key: string;
  mechanism: Mechanism;
  /** Endpoint names the calls go through. */
  label: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  side: 'caller' | 'callee';
  /** Peer service ARN, for the accessible description. */
  peer: string;
}

export interface NeighbourhoodLayout {
  width: number;
  height: number;
  centre: { x: number; y: number };
  callers: PeerNode[];
  callees: PeerNode[];
  lines: GraphLine[];
}

function groupByPeer(edges: Edge[], peerOf: (edge: Edge) => string) {
  const groups = new Map<string, Edge[]>();
  for (const edge of edges) {
    const peer = peerOf(edge);
    const group = groups.get(peer);
    if (group) group.push(edge);
    else groups.set(peer, [edge]);
  }
  return [...groups];
}

function column(count: number, x: number, height: number) {
  const top = (height - count * ROW_HEIGHT) / 2;
  return Array.from({ length: count }, (_, i) => ({
    x,
    y: top + i * ROW_HEIGHT + (ROW_HEIGHT - NODE_HEIGHT) / 2,
  }));
}

/**
 * Places callers left, the service in the middle and callees right, one line
 * per peer and mechanism. Fixed rows keep it readable without a layout
 * engine; the neighbourhood of one service is small.
 */
export function layoutNeighbourhood(
  inbound: Edge[],
  outbound: Edge[],
): NeighbourhoodLayout {
  const callerGroups = groupByPeer(inbound, e => e.from);
  const calleeGroups = groupByPeer(outbound, e => e.to);
  const slots = (n: number) => Math.min(n, MAX_PEERS + 1);
  const rows = Math.max(
    slots(callerGroups.length),
    slots(calleeGroups.length),
    1,
  );
  const height = rows * ROW_HEIGHT + 2 * PADDING;
  const centreX = NODE_WIDTH + COLUMN_GAP;
  const rightX = centreX + NODE_WIDTH + COLUMN_GAP;
  const centre = { x: centreX, y: (height - NODE_HEIGHT) / 2 };
  const lines: GraphLine[] = [];

  function side(
    groups: [string, Edge[]][],
    x: number,
    which: 'caller' | 'callee',
  ): PeerNode[] {
    const shown =
      groups.length > MAX_PEERS + 1 ? groups.slice(0, MAX_PEERS) : groups;
    const hidden = groups.length - shown.length;
    const positions = column(shown.length + (hidden ? 1 : 0), x, height);
    const nodes: PeerNode[] = shown.map(([arn], i) => ({
      arn,
      ...positions[i],
    }));
    shown.forEach(([peer, edges], i) => {
      const mechanisms = MECHANISMS.filter(m =>
        edges.some(e => e.mechanism === m),
      );
      mechanisms.forEach((mechanism, j) => {
        // Several mechanisms between the same pair are drawn side by side.
        const offset = (j - (mechanisms.length - 1) / 2) * 6;
        const peerPoint = {
          x: which === 'caller' ? x + NODE_WIDTH : x,
          y: positions[i].y + NODE_HEIGHT / 2 + offset,
        };
        const centrePoint = {
          x: which === 'caller' ? centre.x : centre.x + NODE_WIDTH,
          y: centre.y + NODE_HEIGHT / 2 + offset,
        };
        const label = [
          ...new Set(
            edges
              .filter(e => e.mechanism === mechanism)
              .map(e => endpointNameFromId(e.endpointId)),
          ),
        ].join(', ');
        lines.push({
          key: `${which} ${peer} ${mechanism}`,
          mechanism,
          label,
          from: which === 'caller' ? peerPoint : centrePoint,
          to: which === 'caller' ? centrePoint : peerPoint,
          side: which,
          peer,
        });
      });
    });
    if (hidden) nodes.push({ more: hidden, ...positions[shown.length] });
    return nodes;
  }

  return {
    width: GRAPH_WIDTH,
    height,
    centre,
    callers: side(callerGroups, 0, 'caller'),
    callees: side(calleeGroups, rightX, 'callee'),
    lines,
  };
}
