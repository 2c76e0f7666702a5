import {
  DNS_LABEL,
  DNS_NAME,
  ENDPOINT_NAME,
  matchesNameRule,
} from './nameRules';

describe('name rules', () => {
  it('takes one RFC 1123 label as a DNS label', () => {
    expect(matchesNameRule(DNS_LABEL, 'orders-2')).toBe(true);
    expect(matchesNameRule(DNS_LABEL, 'a'.repeat(63))).toBe(true);
    for (const bad of ['', '-orders', 'orders-', 'Orders', 'or_ders', 'a.b']) {
      expect(matchesNameRule(DNS_LABEL, bad)).toBe(false);
    }
    expect(matchesNameRule(DNS_LABEL, 'a'.repeat(64))).toBe(false);
  });

  it('takes dot-separated labels of at most 253 characters as a DNS name', () => {
    expect(matchesNameRule(DNS_NAME, 'sc.local')).toBe(true);
    expect(matchesNameRule(DNS_NAME, 'orders')).toBe(true);
    const label = 'a'.repeat(63);
    const name253 = [label, label, label, 'a'.repeat(61)].join('.');
    expect(matchesNameRule(DNS_NAME, name253)).toBe(true);
    expect(matchesNameRule(DNS_NAME, `${name253}a`)).toBe(false);
    for (const bad of [
      'sc..local',
      '.sc.local',
      'sc.local.',
      'sc/local',
      'a b',
    ]) {
      expect(matchesNameRule(DNS_NAME, bad)).toBe(false);
    }
  });

  it('takes endpoint names with an optional scheme and port', () => {
    for (const good of [
      'order-service:8080',
      'mysql.app',
      'http://order-service:8080',
      '_grpc._tcp.orders.sc.local',
    ]) {
      expect(matchesNameRule(ENDPOINT_NAME, good)).toBe(true);
    }
    for (const bad of [
      'Orders:8080',
      'orders:123456',
      'http://orders/path',
      '-orders',
      'orders; rm -rf /',
    ]) {
      expect(matchesNameRule(ENDPOINT_NAME, bad)).toBe(false);
    }
  });
});
