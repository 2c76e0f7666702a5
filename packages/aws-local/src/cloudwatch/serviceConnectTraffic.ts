import { createHash } from 'node:crypto';
import { ContainerDefinition } from '../ecs/types';
import { Partition } from '../world/Partition';

export interface Dimension {
  Name: string;
  Value: string;
}

/** One CloudWatch metric series ECS Service Connect would publish. */
export interface MetricSeries {
  Namespace: 'AWS/ECS';
  MetricName: string;
  Dimensions: Dimension[];
  /** Requests per minute behind the series; shapes its values. */
  rate: number;
}

const COUNT_METRICS = [
  'RequestCount',
  'NewConnectionCount',
  'HTTPCode_Target_2XX_Count',
  'HTTPCode_Target_5XX_Count',
];
const LATENCY_METRIC = 'TargetResponseTime';
const HOST_PORT =
  /(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9][a-z0-9.-]*):(\d{1,5})/gi;

function unit(...parts: string[]): number {
  return (
    createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) /
    0x100000000
  );
}

/**
 * The Service Connect metrics of one account × region. Who calls whom is read
 * where a real estate reveals it too: a Service Connect client's environment
 * naming another service's client alias (`http://orders:8080/api`). Each
 * caller → target pair gets outbound series (TargetDiscoveryName) on the
 * caller and inbound series (DiscoveryName) on the target, at a steady
 * request rate derived from the pair's names.
 */
export function serviceConnectSeries(partition: Partition): MetricSeries[] {
  interface Server {
    cluster: string;
    service: string;
    discoveryName: string;
  }
  interface Client {
    cluster: string;
    service: string;
    namespace: string;
    containers: ContainerDefinition[];
  }
  const aliases = new Map<string, Server>();
  const clients: Client[] = [];
  for (const cluster of partition.ecs.listClusters()) {
    for (const service of partition.ecs.listServices(cluster)) {
      const config = service.deployments[0]?.serviceConnectConfiguration;
      if (!config?.enabled || !config.namespace) continue;
      const namespaceName =
        partition.cloudMap.findNamespace(config.namespace)?.Name ?? '';
      for (const entry of config.services ?? []) {
        const discoveryName = entry.discoveryName ?? entry.portName;
        for (const alias of entry.clientAliases ?? []) {
          const host = alias.dnsName ?? `${discoveryName}.${namespaceName}`;
          aliases.set(`${config.namespace}|${host}:${alias.port}`, {
            cluster: cluster.clusterName,
            service: service.serviceName,
            discoveryName,
          });
        }
      }
      const td = partition.ecs.taskDefinitions.find(service.taskDefinition);
      clients.push({
        cluster: cluster.clusterName,
        service: service.serviceName,
        namespace: config.namespace,
        containers: td?.containerDefinitions ?? [],
      });
    }
  }

  const inbound = new Map<string, { server: Server; rate: number }>();
  const series: MetricSeries[] = [];
  const add = (dimensions: Dimension[], rate: number) => {
    for (const name of [...COUNT_METRICS, LATENCY_METRIC]) {
      series.push({
        Namespace: 'AWS/ECS',
        MetricName: name,
        Dimensions: dimensions,
        rate,
      });
    }
  };
  for (const client of clients) {
    const targets = new Map<string, Server>();
    for (const container of client.containers) {
      for (const variable of container.environment ?? []) {
        for (const [, host, port] of String(variable.value).matchAll(
          HOST_PORT,
        )) {
          const server = aliases.get(`${client.namespace}|${host}:${port}`);
          if (server && server.service !== client.service)
            targets.set(server.discoveryName, server);
        }
      }
    }
    for (const server of targets.values()) {
      const rate = Math.round(
        20 + 480 * unit(client.cluster, client.service, server.discoveryName),
      );
      add(
        [
          { Name: 'ClusterName', Value: client.cluster },
          { Name: 'ServiceName', Value: client.service },
          { Name: 'TargetDiscoveryName', Value: server.discoveryName },
        ],
        rate,
      );
      const key = `${server.cluster}|${server.service}|${server.discoveryName}`;
      const total = inbound.get(key) ?? { server, rate: 0 };
      total.rate += rate;
      inbound.set(key, total);
    }
  }
  for (const { server, rate } of inbound.values()) {
    add(
      [
        { Name: 'ClusterName', Value: server.cluster },
        { Name: 'ServiceName', Value: server.service },
        { Name: 'DiscoveryName', Value: server.discoveryName },
      ],
      rate,
    );
  }
  return series;
}

/**
 * The value of a series over one period ending at `periodStart + period`.
 * Counts scale with the period (Sum) or are per-minute figures (other
 * statistics); latencies are milliseconds. A little noise per period keeps
 * graphs from looking drawn with a ruler, the same on every call.
 */
export function seriesValue(
  series: MetricSeries,
  periodStart: number,
  period: number,
  stat: string,
): number {
  const key = `${series.MetricName}|${series.Dimensions.map(d => d.Value).join(
    '|',
  )}`;
  const noise = 0.8 + 0.4 * unit(key, String(periodStart));
  if (series.MetricName === LATENCY_METRIC) {
    const base = 5 + 75 * unit(key);
    return round(stat.startsWith('p9') ? base * 3 * noise : base * noise);
  }
  const share: Record<string, number> = {
    RequestCount: 1,
    HTTPCode_Target_2XX_Count: 0.98,
    HTTPCode_Target_5XX_Count: 0.005,
    NewConnectionCount: 0.05,
  };
  const perMinute = series.rate * share[series.MetricName] * noise;
  if (stat === 'SampleCount') return period / 60;
  return round(stat === 'Sum' ? (perMinute * period) / 60 : perMinute);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
