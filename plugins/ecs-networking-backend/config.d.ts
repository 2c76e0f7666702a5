import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * ECS Networking: which AWS accounts and regions to read. Credentials come
   * from the shared `aws` config section (@backstage/integration-aws-node).
   */
  ecsNetworking?: {
    /** Accounts to read, each in one or more regions. */
    accounts: Array<{
      /** 12-digit AWS account id; must be reachable through the `aws` config. */
      accountId: string;
      regions: string[];
      /** Only read these clusters (names or ARNs). Default: every cluster. */
      clusters?: string[];
      /** Only read these Cloud Map namespaces (names). Default: every namespace. */
      namespaces?: string[];
    }>;
    /** How often the sync runs. Default: every 5 minutes, 4 minute timeout. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Tag keys read from ECS services. */
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
      /** Owner used when a service has no owner tag. Default `group:default/unknown`. */
      defaultOwner?: string;
    };
    /**
     * Requests per second the reader allows itself per account × region and
     * API family, as a share of the published AWS quota (0.1 – 1). Default 0.9:
     * leaves room for other tools reading the same account.
     */
    quotaShare?: number;
    /** Concurrent AWS requests per account × region. Default 8. */
    concurrency?: number;
    /**
     * Milliseconds one AWS request attempt may take (also the longest a
     * connection may sit idle mid-answer) before it is abandoned and retried
     * like a throttled or failed one. Default 10000.
     */
    requestTimeoutMs?: number;
    /** Milliseconds to open a connection to an AWS endpoint. Default 3000. */
    connectionTimeoutMs?: number;
  };
}
