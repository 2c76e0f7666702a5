import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

// Other features (catalog graph, API docs, scaffolder, search, our own
// plugins) are discovered from this package's dependencies because
// app-config sets `app.packages: all`.
export default createApp({
  features: [catalogPlugin, navModule],
});
