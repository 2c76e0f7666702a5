import '@backstage/cli/asset-types';
import '@backstage/ui/css/styles.css';
import { nextTask } from './nextTask';

/**
 * Evaluating Backstage's framework and the app in one go blocks the main
 * thread for about a quarter of a second on a cold load. The shared UI
 * libraries are evaluated in one task and the app in the next, so paint and
 * input get a turn in between.
 */
async function start() {
  await import('@backstage/core-components');
  await nextTask();
  const [{ default: app }, { createRoot }] = await Promise.all([
    import('./App'),
    import('react-dom/client'),
  ]);
  createRoot(document.getElementById('root')!).render(app.createRoot());
}

start();
