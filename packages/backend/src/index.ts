import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@ecs-net/plugin-scaffolder-backend-module-ecs-networking'));
// The templates' publish steps: publish:github and publish:github:pull-request,
// publish:gitlab:merge-request. They run only where a template is told of a
// repository (the demo has no git host and skips them).
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));

// Carries the ecs-networking sync event to the catalog module, across
// replicas when they share a PostgreSQL database.
backend.add(import('@backstage/plugin-events-backend'));
// Reads the AWS change events (EventBridge → SQS) the plugin updates from
// between full syncs; in the demo the local endpoint delivers them.
backend.add(import('@backstage/plugin-events-backend-module-aws-sqs'));

backend.add(import('@ecs-net/plugin-ecs-networking-backend'));
backend.add(import('@ecs-net/plugin-catalog-backend-module-ecs-networking'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-signals-backend'));

// Offers the read-only actions of the plugins in backend.actions.pluginSources
// (app-config.yaml) to AI agents as MCP tools, at /api/mcp-actions/v1.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
