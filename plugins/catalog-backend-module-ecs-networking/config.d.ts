import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The ECS Networking entity provider. */
      ecsNetworking?: {
        /**
         * How often to re-read the model as a safety net; the provider also
         * refreshes right after every sync. Default: every 5 minutes.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Create a Component for each ECS service that no tag links to an
         * existing one. Default false: the Resource alone is published.
         */
        createComponents?: boolean;
      };
    };
  };
}
