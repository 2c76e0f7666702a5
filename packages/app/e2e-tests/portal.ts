import { APIRequestContext, expect, Page } from '@playwright/test';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * What the browser tests share: signing in, calling the backend as the guest
 * user, and the figures of the estates the test stack serves (the demo plus
 * the hostile estate, packages/aws-local/estates/hostile.yaml, which
 * scripts/test.mjs adds for the browser tests only).
 */

export const SHOTS = 'test-results/screenshots';
export const BACKEND = process.env.PLAYWRIGHT_BACKEND_URL ?? 'http://localhost:7007';
export const CANARY = 'ecsnet-canary-7f3a9b';
const AWS_URL = process.env.PLAYWRIGHT_AWS_URL ?? 'http://127.0.0.1:4566';

/**
 * The AWS CLI against the local endpoint the stack reads, as the demo's
 * account 111111111111 in eu-west-1: a change made the way people make them.
 * Returns what it printed (JSON).
 */
export async function aws(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('aws', [...args, '--output', 'json'], {
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: AWS_URL,
      AWS_ACCESS_KEY_ID: 'AKIADEMO111111111111',
      AWS_SECRET_ACCESS_KEY: 'demo',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
  return stdout;
}

// The demo's findings: 4 wiring mistakes, the component tags of
// nightly-report and mysql that name no Component in the catalog, and the
// drift of examples/components.yaml: 3 undeclared calls (payment-service to
// order-service, order-service and app to mysql) and 1 declaration nothing
// calls (legacy-gateway's user-service).
export const DEMO = { services: 15, findings: 10 };
// The hostile estate's findings: 5 unreachable callers, 5 unresolved references,
// 1 missing owner tag, 4 tags that cannot name an entity and 1 namespace shared
// through AWS RAM without the permission ECS needs.
export const HOSTILE = { accountId: '333333333333', services: 7, findings: 16 };
export const ALL = {
  services: DEMO.services + HOSTILE.services,
  findings: DEMO.findings + HOSTILE.findings,
};

export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** Opens a template's form and picks an owner group, as every form needs. */
export async function openTemplate(page: Page, template: string, ownerGroup = 'team-orders') {
  await page.goto(`/create/templates/default/${template}`);
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill(ownerGroup.slice(0, -2));
  await page.getByRole('option', { name: new RegExp(ownerGroup) }).click();
}

/** A user token of the guest, as the frontend gets it. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${BACKEND}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

/** GETs a backend path as the guest; returns the body as text. */
export async function backendText(request: APIRequestContext, token: string, path: string): Promise<string> {
  const response = await request.get(`${BACKEND}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status(), path).toBe(200);
  return response.text();
}

export interface CatalogEntity {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
}

/** Every entity matching `filter`, all pages. */
export async function catalogEntities(
  request: APIRequestContext,
  token: string,
  filter?: string,
): Promise<{ entities: CatalogEntity[]; bodies: string[] }> {
  const entities: CatalogEntity[] = [];
  const bodies: string[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    else if (filter) query.set('filter', filter);
    const body = await backendText(request, token, `/api/catalog/entities/by-query?${query}`);
    bodies.push(body);
    const page = JSON.parse(body);
    entities.push(...page.items);
    cursor = page.pageInfo?.nextCursor;
  } while (cursor);
  return { entities, bodies };
}

export function entityPath(entity: CatalogEntity): string {
  const namespace = entity.metadata.namespace ?? 'default';
  return `/catalog/${namespace}/${entity.kind.toLowerCase()}/${entity.metadata.name}`;
}

/**
 * Waits until every service of both estates is synced and in the catalog:
 * tests that read the backend's API directly have no page to wait on, and
 * may be the first to run after the portal starts.
 */
export async function waitForEstate(request: APIRequestContext) {
  await expect
    .poll(
      async () => {
        const token = await guestToken(request);
        const network = JSON.parse(await backendText(request, token, '/api/ecs-networking/network'));
        const { entities } = await catalogEntities(request, token, 'kind=resource,spec.type=ecs-service');
        return [network.services.length, entities.length];
      },
      { timeout: 180_000, intervals: [1000] },
    )
    .toEqual([ALL.services, ALL.services]);
}

/**
 * From a finished scaffolder task's output: follows the link to the
 * generated files, checks the page lists them, downloads the archive and
 * returns its files by path, as the system's tar extracts them.
 */
export async function downloadGeneratedFiles(page: Page, archiveName: string): Promise<Record<string, string>> {
  await page.getByRole('link', { name: /Download the generated files/ }).click();
  await expect(page.getByText(`Generated files: ${archiveName}`)).toBeVisible();
  const listed = await page.getByRole('table', { name: 'Generated files' }).locator('tbody tr td:first-child').allInnerTexts();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${archiveName}.tar.gz` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${archiveName}.tar.gz`);
  const dir = mkdtempSync(join(tmpdir(), 'generated-'));
  try {
    await download.saveAs(join(dir, 'archive.tar.gz'));
    const out = join(dir, 'out');
    execFileSync('mkdir', [out]);
    execFileSync('tar', ['-xzf', join(dir, 'archive.tar.gz'), '-C', out]);
    const files: Record<string, string> = {};
    for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files[path.slice(out.length + 1)] = readFileSync(path, 'utf8');
    }
    // The page lists what the archive holds.
    expect(Object.keys(files).sort()).toEqual([...listed].sort());
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
