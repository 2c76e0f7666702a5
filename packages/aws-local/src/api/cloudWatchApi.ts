import { JsonService } from '../protocol/CallContext';
import { AwsError } from '../util/AwsError';
import { InputReader, JsonObject } from '../util/InputReader';
import { paginate } from '../util/paging';
import {
  Dimension,
  MetricSeries,
  serviceConnectSeries,
  seriesValue,
} from '../cloudwatch/serviceConnectTraffic';

const invalidValue = (message: string) =>
  new AwsError('InvalidParameterValueException', message, 400);
const missing = (message: string) =>
  new AwsError('MissingRequiredParameterException', message, 400);

// CloudWatch speaks JSON 1.0 in "awsQuery compatible" mode: each error also
// carries its old query-protocol code in the x-amzn-query-error header.
const QUERY_CODES: Record<string, string> = {
  InvalidParameterValueException: 'InvalidParameterValue',
  MissingRequiredParameterException: 'MissingParameter',
  InvalidNextToken: 'InvalidNextToken',
};

const reader = (input: JsonObject) => new InputReader(input, invalidValue);
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 30];
const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;

interface MetricStat {
  Metric?: {
    Namespace?: string;
    MetricName?: string;
    Dimensions?: Dimension[];
  };
  Period?: number;
  Stat?: string;
}

interface MetricDataQuery {
  Id?: string;
  MetricStat?: MetricStat;
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
}

function sameDimensions(a: Dimension[], b: Dimension[]): boolean {
  const key = (dims: Dimension[]) =>
    dims
      .map(d => `${d.Name}=${d.Value}`)
      .sort()
      .join('|');
  return a.length === b.length && key(a) === key(b);
}

function checkPeriod(period: unknown, id: string): number {
  const valid =
    typeof period === 'number' &&
    Number.isInteger(period) &&
    (HIGH_RESOLUTION_PERIODS.includes(period) ||
      (period >= 60 && period % 60 === 0));
  if (!valid) {
    throw invalidValue(
      `The parameter MetricDataQueries.member.${id}.MetricStat.Period must be 1, 5, 10, 30 or a multiple of 60.`,
    );
  }
  return period as number;
}

export const cloudWatchApi: JsonService = {
  signingName: 'monitoring',
  targetPrefix: 'GraniteServiceVersion20100801',
  contentType: 'application/x-amz-json-1.0',
  messageMember: 'message',
  queryErrorCode: code => QUERY_CODES[code],
  operations: {
    GetMetricData(ctx, raw) {
      const input = reader(raw);
      const queries = input.optArray<MetricDataQuery>('MetricDataQueries');
      const start = input.optNumber('StartTime');
      const end = input.optNumber('EndTime');
      if (!queries?.length)
        throw missing('The parameter MetricDataQueries is required.');
      if (queries.length > MAX_QUERIES)
        throw invalidValue(
          `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`,
        );
      if (start === undefined || end === undefined)
        throw missing('The parameters StartTime and EndTime are required.');
      if (start >= end)
        throw invalidValue(
          'The parameter StartTime must be less than the parameter EndTime.',
        );
      const descending =
        (input.optString('ScanBy') ?? 'TimestampDescending') ===
        'TimestampDescending';
      let budget = input.optNumber('MaxDatapoints') ?? DEFAULT_MAX_DATAPOINTS;
      const all = serviceConnectSeries(ctx.partition);
      const results = [];
      for (const query of queries) {
        if (!query?.Id || !ID_PATTERN.test(query.Id)) {
          throw invalidValue(
            'Each MetricDataQueries Id must start with a lowercase letter and contain only letters, numbers and underscores.',
          );
        }
        if (query.Expression !== undefined) {
          throw invalidValue(
            `Metric math (query ${query.Id}) is not emulated by the local endpoint; use MetricStat queries.`,
          );
        }
        const stat = query.MetricStat;
        if (!stat?.Metric?.MetricName || !stat.Metric.Namespace || !stat.Stat) {
          throw missing(
            `Query ${query.Id} needs MetricStat with Metric.Namespace, Metric.MetricName, Period and Stat.`,
          );
        }
        const period = checkPeriod(stat.Period, query.Id);
        const series = all.find(
          (s: MetricSeries) =>
            s.Namespace === stat.Metric!.Namespace &&
            s.MetricName === stat.Metric!.MetricName &&
            sameDimensions(s.Dimensions, stat.Metric!.Dimensions ?? []),
        );
        const timestamps: Date[] = [];
        const values: number[] = [];
        if (series) {
          for (
            let t = Math.ceil(start / period) * period;
            t + period <= end && budget > 0;
            t += period, budget--
          ) {
            timestamps.push(new Date(t * 1000));
            values.push(seriesValue(series, t, period, stat.Stat));
          }
        }
        if (descending) {
          timestamps.reverse();
          values.reverse();
        }
        if (query.ReturnData !== false) {
          results.push({
            Id: query.Id,
            Label: query.Label ?? stat.Metric.MetricName,
            Timestamps: timestamps,
            Values: values,
            StatusCode: budget > 0 ? 'Complete' : 'PartialData',
            Messages: [],
          });
        }
      }
      return { MetricDataResults: results, Messages: [] };
    },

    ListMetrics(ctx, raw) {
      const input = reader(raw);
      const namespace = input.optString('Namespace');
      const metricName = input.optString('MetricName');
      const filters =
        input.optArray<{ Name?: string; Value?: string }>('Dimensions') ?? [];
      const matching = serviceConnectSeries(ctx.partition).filter(
        s =>
          (!namespace || s.Namespace === namespace) &&
          (!metricName || s.MetricName === metricName) &&
          filters.every(f =>
            s.Dimensions.some(
              d =>
                d.Name === f.Name &&
                (f.Value === undefined || d.Value === f.Value),
            ),
          ),
      );
      const page = paginate(
        matching.map(({ Namespace, MetricName, Dimensions }) => ({
          Namespace,
          MetricName,
          Dimensions,
        })),
        { nextToken: input.optString('NextToken') },
        {
          defaultSize: 500,
          maxSize: 500,
          memberName: 'NextToken',
          invalid: message => new AwsError('InvalidNextToken', message, 400),
        },
        `ListMetrics/${namespace}/${metricName}/${JSON.stringify(filters)}`,
      );
      return { Metrics: page.items, NextToken: page.nextToken };
    },
  },
};
