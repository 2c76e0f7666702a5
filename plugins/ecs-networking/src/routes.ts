import { createRouteRef } from '@backstage/core-plugin-api';

/** The network page. Legacy route refs serve both frontend systems. */
export const rootRouteRef = createRouteRef({ id: 'ecs-networking' });

/** The page of a scaffolder task's generated files. */
export const generatedFilesRouteRef = createRouteRef({
  id: 'ecs-networking-generated-files',
});
