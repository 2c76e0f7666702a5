import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { entityName, regionCode, resolveCollisions } from './entityNames';

describe('entityName', () => {
  it('joins readable parts and shortens regions', () => {
    expect(entityName(['order-service', 'shop', regionCode('eu-west-1'), '1111'])).toBe(
      'order-service-shop-euw1-1111',
    );
    expect(regionCode('ap-southeast-2')).toBe('apse2');
    expect(regionCode('us-gov-west-1')).toBe('usgovw1');
  });

  it('always yields a valid entity name', () => {
    const hostile = [
      ['<script>alert(1)</script>', 'shop'],
      ['ünïcødé-sërvice', 'clüster'],
      ['--..__', ''],
      ['x'.repeat(300), 'cluster'],
      ['a..b__c--d', 'e'],
    ];
    for (const parts of hostile) {
      const name = entityName(parts);
      expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
    }
  });

  it('keeps long names unique and stable', () => {
    const a = entityName(['s'.repeat(70), 'one']);
    const b = entityName(['s'.repeat(70), 'two']);
    expect(a).toHaveLength(63);
    expect(a).not.toBe(b);
    expect(entityName(['s'.repeat(70), 'one'])).toBe(a);
  });
});

describe('resolveCollisions', () => {
  const items = [
    { arn: 'arn:b', name: 'web-app' },
    { arn: 'arn:a', name: 'web app' },
    { arn: 'arn:c', name: 'other' },
  ];
  const name = (i: { name: string }) => entityName([i.name]);

  it('gives the smallest key the plain name and hashes the others', () => {
    const names = resolveCollisions(items, name, i => i.arn);
    expect(names.get(items[1])).toBe('web-app');
    expect(names.get(items[0])).toMatch(/^web-app-[0-9a-f]{6}$/);
    expect(names.get(items[2])).toBe('other');
  });

  it('does not depend on input order', () => {
    const forward = resolveCollisions(items, name, i => i.arn);
    const backward = resolveCollisions([...items].reverse(), name, i => i.arn);
    for (const item of items) expect(backward.get(item)).toBe(forward.get(item));
  });

  it('treats names that differ only in case as colliding', () => {
    const names = resolveCollisions(
      [
        { arn: 'arn:1', name: 'Orders' },
        { arn: 'arn:2', name: 'orders' },
      ],
      name,
      i => i.arn,
    );
    expect(new Set(names.values()).size).toBe(2);
  });
});
