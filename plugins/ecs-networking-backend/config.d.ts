import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** A wait: `{ hours: 1 }`, or a string such as `'1h'` or `'PT1H'`. Months and years are refused. */
type Wait =
  | {
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    }
  | string;

export interface Config {
  /**
   * ECS Networking: which AWS accounts and regions to read. Credentials come
   * from the shared `aws` config section (@backstage/integration-aws-node).
   */
  ecsNetworking?: {
    /**
     * Accounts to read, each in one or more regions. Every value is checked
     * at startup; a bad one stops the backend with an error naming it.
     */
    accounts: Array<{
      /** 12-digit AWS account id; must be reachable through the `aws` config. */
      accountId: string;
      /**
       * Region names such as `eu-west-1` or `us-gov-west-1`; at least one,
       * each once per account.
       */
      regions: string[];
      /**
       * Only read these clusters (names or ARNs). Default: every cluster.
       * When given, not empty.
       */
      clusters?: string[];
      /**
       * Only read these Cloud Map namespaces (names). Default: every
       * namespace. When given, not empty.
       */
      namespaces?: string[];
      /**
       * Overrides `ecsNetworking.removalGuard` for this account's regions;
       * `{ enabled: false }` turns the guard off for them.
       */
      removalGuard?: {
        enabled?: boolean;
        minShare?: number;
        minServices?: number;
        confirmAfter?: Wait;
      };
    }>;
    /**
     * How often the sync runs. Default: every 5 minutes, 4 minute timeout.
     * When given, `frequency` and `timeout` are both required.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * How often what the catalog says about the services (linked
     * Components, their `dependsOn` and `consumesApis`, component tags naming
     * no Component) is re-read between syncs, without any AWS call, so that
     * drift and the component-tag findings follow catalog edits. Each sync
     * reads it too. Default: every minute, 1 minute timeout.
     */
    catalogSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Guards the catalog against a read that "succeeds" with far fewer
     * services than the last good one (a cluster filter typo, a role that
     * points at another account, a listing emptied by a policy): such a read
     * is held, the last good services stay served and in the catalog, and
     * `/status`, the log and the network page say that their removal is
     * pending. A later successful read that still finds them gone removes
     * them. Normal churn is never held.
     */
    removalGuard?: {
      /** Default true. */
      enabled?: boolean;
      /**
       * A read is held when it finds fewer than this share of the last good
       * read's services (0.01 – 1). Default 0.5: more than half gone.
       */
      minShare?: number;
      /**
       * Scopes whose last good read had at most this many services are never
       * held (a handful going is ordinary churn). Default 5.
       */
      minServices?: number;
      /**
       * How long after a drop was first seen a read may apply it, e.g.
       * `{ hours: 1 }` or `'1h'`. Default: the next successful read does.
       */
      confirmAfter?: Wait;
    };
    /** Tag keys read from ECS services: 1 – 128 characters, each a different key. */
    tags?: {
      /** Default `owner`. Value: a group or user entity ref or name. */
      owner?: string;
      /** Default `system`. */
      system?: string;
      /** Default `lifecycle`. */
      lifecycle?: string;
      /** Default `component`: links the service to an existing catalog Component. */
      component?: string;
      /** Default `depends-on`: space-separated endpoint or service names this service calls (ECS tag values cannot hold commas). */
      dependsOn?: string;
    };
    ownership?: {
      /**
       * Owner used when a service has no owner tag: a group or user entity
       * ref. Default `group:default/unknown`.
       */
      defaultOwner?: string;
    };
    /**
     * Requests per second the reader allows itself per account × region and
     * API family, as a share of the published AWS quota (0.1 – 1). Default 0.9:
     * leaves room for other tools reading the same account.
     */
    quotaShare?: number;
    /** Concurrent AWS requests per account × region, 1 – 100. Default 8. */
    concurrency?: number;
    /**
     * Milliseconds one AWS request attempt may take (also the longest a
     * connection may sit idle mid-answer) before it is abandoned and retried
     * like a throttled or failed one. Default 10000.
     */
    requestTimeoutMs?: number;
    /** Milliseconds to open a connection to an AWS endpoint. Default 3000. */
    connectionTimeoutMs?: number;
    /**
     * Live updates from AWS change events (EventBridge → SQS →
     * `@backstage/plugin-events-backend-module-aws-sqs`): the events
     * service topics that module publishes the queue's messages to. Each
     * event re-reads only the services it names; the schedule above stays
     * as the reconciliation. Off when absent.
     */
    events?: {
      topics: string[];
    };
    /**
     * Network history (`GET /changes`): every sync or live update that
     * changes services, endpoints, edges or findings records what changed,
     * in the plugin database.
     */
    history?: {
      /** How long changes are kept, e.g. `{ days: 30 }` or `'30d'`; at least an hour. Default 30 days. */
      retention?: Wait;
      /** At most this many changes are kept, the newest (whole generations go together); 1000 or more. Default 200000. */
      maxChanges?: number;
    };
    /**
     * Drift between what hand-written catalog Components declare
     * (`spec.dependsOn`, `spec.consumesApis`) and the calls their linked
     * services are seen making: `dependency-undeclared` and
     * `dependency-not-observed` findings.
     */
    drift?: {
      /** Default true; false turns both findings off. */
      enabled?: boolean;
      /**
       * How long a declared call may go without network evidence (a container
       * reference or traffic metrics) before it is a `dependency-not-observed`
       * finding, e.g. `{ days: 7 }` or `'7d'`; 0 reports it at once.
       * Default 7 days.
       */
      notObservedAfter?: Wait;
    };
  };
}
