import type { Edge, Mechanism } from '@ecs-net/plugin-ecs-networking-common';
import { layoutNeighbourhood, type GraphLine, type NeighbourhoodLayout, type Point } from './neighbourhoodLayout';

const arn = (name: string) => `arn:aws:ecs:eu-west-1:111111111111:service/shop/${name}`;

function call(from: string, to: string, endpoint = `${to}:8080`, mechanism: Mechanism = 'connect'): Edge {
  return { from: arn(from), to: arn(to), endpointId: `endpoint:eu-west-1:111111111111:${mechanism}:${endpoint}`, mechanism, evidence: [] };
}

/** Points along a line every pixel or so: its straight ends and its curve. */
function pointsOf(line: GraphLine): Point[] {
  const points: Point[] = [];
  const straight = (a: Point, b: Point) => {
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y)));
    for (let i = 0; i <= steps; i++) points.push({ x: a.x + ((b.x - a.x) * i) / steps, y: a.y + ((b.y - a.y) * i) / steps });
  };
  straight(line.from, line.bendFrom);
  const { bendFrom: p0, bendTo: p3 } = line;
  const mid = (p0.x + p3.x) / 2;
  const [p1, p2] = [{ x: mid, y: p0.y }, { x: mid, y: p3.y }];
  for (let i = 0; i <= 400; i++) {
    const t = i / 400;
    const [a, b, c, d] = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3];
    points.push({ x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y });
  }
  straight(line.bendTo, line.to);
  return points;
}

/** Labels that another line runs through. */
function crossedLabels(layout: NeighbourhoodLayout): string[] {
  return layout.lines.flatMap(line => {
    const box = line.labelBox;
    const crossing = layout.lines.filter(
      other =>
        other !== line &&
        pointsOf(other).some(p => p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height),
    );
    return crossing.map(other => `${line.label} crossed by ${other.label}`);
  });
}

/** The demo's order-service: two callers, four callees, one of them by DNS. */
const inbound = [call('legacy-gateway', 'order-service'), call('payment-service', 'order-service')];
const outbound = [
  call('order-service', 'product-service'),
  call('order-service', 'user-service'),
  call('order-service', 'mysql', 'mysql.app', 'dns'),
  call('order-service', 'loyalty-service'),
];
const estateEdges = [
  ...inbound,
  ...outbound,
  call('web', 'legacy-gateway'),
  call('web', 'payment-service'),
  call('batch', 'payment-service', 'payments:8443', 'load-balancer'),
  call('product-service', 'inventory'),
  call('user-service', 'ldap', 'ldap.app', 'dns'),
  // Back to the service, and between services one hop away: not a second hop.
  call('loyalty-service', 'order-service'),
  call('legacy-gateway', 'payment-service'),
];

describe('layoutNeighbourhood', () => {
  it('puts callers left, callees right, and every label where no other line runs', () => {
    const layout = layoutNeighbourhood({ serviceArn: arn('order-service'), inbound, outbound, hops: 1 });
    const column = (c: number) => layout.nodes.filter(n => n.column === c).map(n => n.arn);
    expect(column(-1)).toEqual([arn('legacy-gateway'), arn('payment-service')]);
    expect(column(1)).toHaveLength(4);
    expect(layout.lines.map(l => l.label).sort()).toEqual(
      ['loyalty-service:8080', 'mysql.app', 'order-service:8080', 'order-service:8080', 'product-service:8080', 'user-service:8080'],
    );
    expect(crossedLabels(layout)).toEqual([]);
  });

  it('gives two lines between the same services by two mechanisms a label each, apart', () => {
    const both = [...inbound, call('payment-service', 'order-service', 'orders.app', 'dns')];
    const layout = layoutNeighbourhood({ serviceArn: arn('order-service'), inbound: both, outbound, hops: 1 });
    const payment = layout.lines.filter(l => l.caller === arn('payment-service'));
    expect(payment.map(l => l.mechanism)).toEqual(['connect', 'dns']);
    expect(Math.abs(payment[0].labelBox.y - payment[1].labelBox.y)).toBeGreaterThanOrEqual(payment[0].labelBox.height);
    expect(crossedLabels(layout)).toEqual([]);
  });

  it("adds the callers' callers and the callees' callees with two hops, each once", () => {
    const layout = layoutNeighbourhood({ serviceArn: arn('order-service'), inbound, outbound, hops: 2, estateEdges });
    const column = (c: number) => layout.nodes.filter(n => n.column === c).map(n => n.arn);
    expect(column(-2).sort()).toEqual([arn('batch'), arn('web')]);
    expect(column(2).sort()).toEqual([arn('inventory'), arn('ldap')]);
    const far = layout.lines.filter(l => l.hops === 2).map(l => `${l.caller.split('/').pop()} -> ${l.callee.split('/').pop()}`);
    expect(far.sort()).toEqual([
      'batch -> payment-service',
      'product-service -> inventory',
      'user-service -> ldap',
      'web -> legacy-gateway',
      'web -> payment-service',
    ]);
    expect(crossedLabels(layout)).toEqual([]);
  });

  it('ends a long column in "+N more" and keeps labels clear of lines there too', () => {
    const many = Array.from({ length: 20 }, (_, i) => call(`caller-${i}`, 'order-service', `orders-${i}:8080`));
    const layout = layoutNeighbourhood({ serviceArn: arn('order-service'), inbound: many, outbound, hops: 1 });
    const callers = layout.nodes.filter(n => n.column === -1);
    expect(callers).toHaveLength(13);
    expect(callers[12].more).toBe(8);
    expect(crossedLabels(layout)).toEqual([]);
  });
});
