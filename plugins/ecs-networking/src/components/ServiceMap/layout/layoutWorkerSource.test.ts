/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';

// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const { bundleLayoutWorker, target } = require('../../../../scripts/build-layout-worker.js');

describe('the layout worker source', () => {
  it('is the bundle of the current layout code (run scripts/build-layout-worker.js)', () => {
    expect(readFileSync(target, 'utf8')).toBe(bundleLayoutWorker());
  });
});
