import { largeModel, shopModel } from '../__testUtils__/estate';
import { createEstateIndex } from './estateIndex';

const names = (
  index: ReturnType<typeof createEstateIndex>,
  arns: Set<string>,
) => [...arns].map(arn => index.rows.get(arn)!.service.name).sort();

describe('createEstateIndex', () => {
  const index = createEstateIndex(shopModel());

  it('groups services by the namespaces they use, with the rest apart', () => {
    expect(
      index.groups.map(g => [
        g.title,
        g.serviceArns.map(a => index.rows.get(a)!.service.name),
      ]),
    ).toEqual([
      ['app', ['mysql']],
      ['sc.local', ['order-service', 'user-service', 'web']],
      ['No namespace', ['nightly-batch']],
    ]);
  });

  it('narrows by facet, and by several facets at once', () => {
    expect(names(index, index.matching({ mechanism: 'dns' }))).toEqual([
      'mysql',
    ]);
    expect(names(index, index.matching({ owner: 'team-orders' }))).toEqual([
      'nightly-batch',
      'order-service',
    ]);
    const shopCluster = index.options.cluster.find(o =>
      o.label.startsWith('shop'),
    )!;
    expect(
      names(
        index,
        index.matching({ owner: 'team-orders', cluster: shopCluster.value }),
      ),
    ).toEqual(['order-service']);
    expect(names(index, index.matching({ severity: 'error' }))).toEqual([
      'nightly-batch',
    ]);
  });

  it('matches text against names, owners and endpoint names', () => {
    expect(names(index, index.matching({ text: 'MYSQL.APP' }))).toEqual([
      'mysql',
    ]);
    expect(names(index, index.matching({ text: 'identity' }))).toEqual([
      'user-service',
    ]);
  });

  it('counts services per option', () => {
    expect(index.options.mechanism).toEqual([
      { value: 'connect', label: 'Service Connect', count: 2 },
      { value: 'dns', label: 'Service Discovery', count: 1 },
    ]);
  });

  it('limits findings to the filtered services and severity, worst first', () => {
    const all = index.findingsFor({}, index.matching({}));
    // mysql's owner tag (markup) names no entity: a warning of its own.
    expect(all.map(f => f.severity)).toEqual(['error', 'warning', 'warning']);
    const filter = { owner: 'team-identity' };
    expect(index.findingsFor(filter, index.matching(filter))).toEqual([]);
    expect(
      index
        .findingsFor(
          { severity: 'warning' },
          index.matching({ severity: 'warning' }),
        )
        .map(f => f.ruleId)
        .sort(),
    ).toEqual(['dns-ttl-too-high', 'tag-not-entity-ref']);
  });

  it('counts the severity options in the findings each one lists', () => {
    // mysql alone has both warnings: counted in services it would say 1.
    for (const option of index.options.severity) {
      const filter = { severity: option.value };
      expect([option.value, option.count]).toEqual([
        option.value,
        index.findingsFor(filter, index.matching(filter)).length,
      ]);
    }
    expect(index.options.severity.find(o => o.value === 'warning')?.count).toBe(2);
  });

  it('filters 2,000 services without testing each of them', () => {
    // Work counted, not timed: reads of a service's fields and set lookups.
    let serviceReads = 0;
    let reading = false;
    const model = largeModel(2000);
    const counted = {
      ...model,
      services: model.services.map(
        service =>
          new Proxy(service, {
            get(target, key, receiver) {
              if (reading) serviceReads++;
              return Reflect.get(target, key, receiver);
            },
          }),
      ),
    };
    const large = createEstateIndex(counted);
    const filter = { owner: 'team-3', cluster: large.options.cluster[0].value };
    const lookups = jest.spyOn(Set.prototype, 'has');
    reading = true;
    const matching = large.matching(filter);
    reading = false;
    const setLookups = lookups.mock.calls.length;
    lookups.mockRestore();

    expect(matching.size).toBeGreaterThan(0);
    expect(matching.size).toBeLessThan(100);
    expect(serviceReads).toBe(0);
    // One lookup per service of the smaller facet, not one per service.
    const sizes = [
      large.options.owner.find(o => o.value === filter.owner)!.count,
      large.options.cluster[0].count,
    ];
    expect(setLookups).toBeLessThanOrEqual(Math.min(...sizes));
    expect(Math.min(...sizes)).toBeLessThan(2000 / 5);
  });
});
