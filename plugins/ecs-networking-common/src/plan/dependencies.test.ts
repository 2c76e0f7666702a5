import { extractReferences } from '../references';
import { bindDependencies } from './dependencies';

describe('bindDependencies', () => {
  it('names variables after the endpoint and points them at it', () => {
    expect(
      bindDependencies([
        'order-service:8080',
        'mysql.app',
        'http://inventory:8080/api',
        'orders',
      ]),
    ).toEqual([
      {
        endpoint: 'order-service:8080',
        variable: 'ORDER_SERVICE_URL',
        value: 'http://order-service:8080',
        host: 'order-service',
        port: 8080,
      },
      {
        endpoint: 'mysql.app',
        variable: 'MYSQL_HOST',
        value: 'mysql.app',
        host: 'mysql.app',
      },
      {
        endpoint: 'http://inventory:8080/api',
        variable: 'INVENTORY_URL',
        value: 'http://inventory:8080',
        host: 'inventory',
        port: 8080,
      },
      {
        endpoint: 'orders',
        variable: 'ORDERS_URL',
        value: 'http://orders',
        host: 'orders',
      },
    ]);
  });

  it('keeps variable names distinct when names clash', () => {
    const bindings = bindDependencies([
      'mysql.app',
      'mysql.data.internal',
      'user-service:8080',
      'user-service:9090',
      'mysql.app',
    ]);
    expect(bindings.map(b => b.variable)).toEqual([
      'MYSQL_APP_HOST',
      'MYSQL_DATA_INTERNAL_HOST',
      'USER_SERVICE_8080_URL',
      'USER_SERVICE_9090_URL',
    ]);
  });

  it('produces values the network model reads back as references to the endpoint', () => {
    for (const binding of bindDependencies([
      'order-service:8080',
      'mysql.app',
      'orders',
    ])) {
      const refs = extractReferences(binding.value, {
        kind: 'environment',
        variable: binding.variable,
      });
      expect(refs).toHaveLength(1);
      expect(refs[0].host).toBe(binding.host);
      expect(refs[0].port).toBe(binding.port);
    }
  });
});
