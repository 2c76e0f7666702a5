import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLUGINS } from './plugins';

const FRONTEND_ROLES = ['frontend-plugin', 'frontend-plugin-module'];

function dependencyRole(name: string): string | undefined {
  const manifest = require.resolve(`${name}/package.json`);
  return JSON.parse(readFileSync(manifest, 'utf8')).backstage?.role;
}

describe('the app’s plugins', () => {
  it('are every frontend plugin and module the app depends on, each once', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'));
    const frontendDependencies = Object.keys(manifest.dependencies)
      .filter(name => FRONTEND_ROLES.includes(dependencyRole(name) ?? ''))
      .sort();
    const listed = PLUGINS.map(p => p.packageName);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(frontendDependencies);
  });

  it.each(PLUGINS)('loads $packageName as a frontend feature', async ({ load }) => {
    const { default: feature } = await load();
    expect(['@backstage/FrontendPlugin', '@backstage/FrontendModule']).toContain(
      (feature as { $$type?: string }).$$type,
    );
  });
});
