import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerBlastRadiusAction } from './blastRadius';
import { registerChangesAction } from './changes';
import type { ActionDeps } from './deps';
import { registerValidateServiceAction } from './validateService';
import { registerWhoOwnsAction } from './whoOwns';

/**
 * Registers the plugin's read-only actions in Backstage's actions registry
 * (`ecs-networking:who-owns`, `:blast-radius`, `:changes`,
 * `:validate-service`), where the MCP actions backend offers them to AI
 * agents. Each answers with the caller's credentials, by the same queries
 * as the HTTP routes.
 */
export function registerActions(registry: ActionsRegistryService, deps: ActionDeps) {
  registerWhoOwnsAction(registry, deps);
  registerBlastRadiusAction(registry, deps);
  registerChangesAction(registry, deps);
  registerValidateServiceAction(registry, deps);
}
