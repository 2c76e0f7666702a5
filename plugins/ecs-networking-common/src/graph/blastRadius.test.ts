import { analyzeNetwork } from '../analyze';
import { scope, ScopeBuilder } from '../testing';
import { blastRadius } from './blastRadius';
import { callGraph, neighbourhood } from './callGraph';

const SHOP = '111111111111';
const PARTNER = '222222222222';

/** A Service Connect service named `name:8080` that calls the given names. */
function service(b: ScopeBuilder, name: string, calls: string[], owner?: string, namespace = 'sc.local') {
  b.service(name, {
    serviceConnect: {
      namespace,
      services: [{ portName: 'http', clientAliases: [{ dnsName: name, port: 8080 }] }],
    },
    containers: [
      {
        environment: Object.fromEntries(calls.map(callee => [`${callee.toUpperCase()}_URL`, `http://${callee}:8080/`])),
      },
    ],
    tags: owner ? { owner } : {},
  });
}

/**
 * web → orders → payments → ledger, and ledger → orders (a cycle);
 * admin → payments. In the partner account, through the shop's namespace
 * shared with it: partner-app → orders.
 */
function estate() {
  const shop = scope(SHOP).namespace('sc.local', 'HTTP');
  service(shop, 'web', ['orders'], 'team-web');
  service(shop, 'orders', ['payments'], 'team-orders');
  service(shop, 'payments', ['ledger'], 'team-pay');
  service(shop, 'ledger', ['orders'], 'team-pay');
  service(shop, 'admin', ['payments']);
  const partner = scope(PARTNER).sharedNamespace(shop, 'sc.local');
  service(partner, 'partner-app', ['orders'], 'team-partner', shop.namespaceArn('sc.local'));
  const model = analyzeNetwork([shop.build(), partner.build()]);
  return { shop, partner, graph: callGraph(model) };
}

const byHop = (radius: ReturnType<typeof blastRadius>) =>
  radius.callers.map(c => `${c.hop} ${c.service.name}`);

describe('blastRadius', () => {
  it('lists callers by hop, each once at its nearest hop, ending at cycles', () => {
    const { shop, graph } = estate();
    const radius = blastRadius(graph, { serviceArns: [shop.serviceArn('payments')] }, 5);
    // ledger calls orders (hop 1), so it is at hop 2; the cycle back through
    // orders adds nothing more, and payments is never its own caller.
    expect(byHop(radius)).toEqual(['1 admin', '1 orders', '2 ledger', '2 partner-app', '2 web']);
    expect(radius.targets.map(t => t.name)).toEqual(['payments']);
    const ledger = radius.callers.find(c => c.service.name === 'ledger')!;
    expect(ledger.calls).toEqual([
      {
        to: shop.serviceArn('orders'),
        toName: 'orders',
        endpointId: `connect:${SHOP}:eu-west-1:sc.local:orders:8080`,
        endpoint: 'orders:8080',
        mechanism: 'connect',
      },
    ]);
  });

  it('stops at the hops asked for', () => {
    const { shop, graph } = estate();
    const target = { serviceArns: [shop.serviceArn('payments')] };
    expect(byHop(blastRadius(graph, target, 1))).toEqual(['1 admin', '1 orders']);
    expect(blastRadius(graph, target, 0).callers).toEqual([]);
  });

  it('follows a call from another account through a shared namespace', () => {
    const { shop, partner, graph } = estate();
    const radius = blastRadius(graph, { serviceArns: [shop.serviceArn('orders')] }, 1);
    const partnerApp = radius.callers.find(c => c.service.name === 'partner-app')!;
    expect(partnerApp).toMatchObject({
      hop: 1,
      service: { arn: partner.serviceArn('partner-app'), accountId: PARTNER, owner: 'group:default/team-partner' },
    });
  });

  it('names the owners to page, with the default owner for a service without an owner tag', () => {
    const { shop, graph } = estate();
    const radius = blastRadius(graph, { serviceArns: [shop.serviceArn('payments')] }, 1, {
      defaultOwner: 'group:default/platform',
    });
    expect(radius.owners).toEqual(['group:default/platform', 'group:default/team-orders']);
  });

  it('from an endpoint, starts with the callers of that endpoint only', () => {
    const { graph } = estate();
    const endpointId = `connect:${SHOP}:eu-west-1:sc.local:ledger:8080`;
    const radius = blastRadius(graph, { endpointIds: [endpointId] }, 2);
    expect(radius.targets.map(t => t.name)).toEqual(['ledger']);
    expect(byHop(radius)).toEqual(['1 payments', '2 admin', '2 orders']);
    expect(radius.endpointIds).toEqual([endpointId]);
  });

  it('answers a service it does not know with nobody', () => {
    const { graph } = estate();
    expect(blastRadius(graph, { serviceArns: ['arn:aws:ecs:eu-west-1:1:service/x/gone'] }, 3)).toMatchObject({
      targets: [],
      callers: [],
      owners: [],
    });
  });
});

describe('neighbourhood', () => {
  it('holds the services up to the hops away, callers and callees, cycles once', () => {
    const { shop, partner, graph } = estate();
    const names = (arns: Set<string>) => [...arns].map(arn => graph.services.get(arn)!.name).sort();
    expect(names(neighbourhood(graph, [shop.serviceArn('payments')], 0))).toEqual(['payments']);
    expect(names(neighbourhood(graph, [shop.serviceArn('payments')], 1))).toEqual([
      'admin',
      'ledger',
      'orders',
      'payments',
    ]);
    expect(names(neighbourhood(graph, [partner.serviceArn('partner-app')], 2))).toEqual([
      'ledger',
      'orders',
      'partner-app',
      'payments',
      'web',
    ]);
  });
});
