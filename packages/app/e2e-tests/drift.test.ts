import { APIRequestContext, expect, test } from '@playwright/test';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import { aws, BACKEND, backendText, guestToken, SHOTS, signIn } from './portal';

// A call added in AWS (a new task definition revision of legacy-gateway
// whose environment names product-service) that legacy-gateway's Component
// does not declare: the change reaches the Changes timeline and the card
// shows a dependency-undeclared finding with the line to add. legacy-gateway
// because nothing calls it: redeploying a service that others call through
// Service Connect would leave them a service-connect-client-redeploy finding.
// The estate is put back afterwards, and the test waits until the finding
// has closed again.

const FIX = 'Fix: Add this line under spec.dependsOn of component:default/legacy-gateway: - component:default/product-service';

const deploy = (taskDefinition: string) =>
  aws('ecs', 'update-service', '--cluster', 'shop', '--service', 'legacy-gateway', '--task-definition', taskDefinition);

/**
 * Starts a full sync now, once none is running: one that started earlier may
 * have read AWS before the change. The sync reads what the catalog declares
 * (right after the portal starts, the first may predate the demo's
 * Components) and the traffic metrics, which keep showing a call for a while
 * after its reference has gone.
 */
async function syncNow(request: APIRequestContext, token: string) {
  const trigger = async () =>
    (
      await request.post(`${BACKEND}/api/ecs-networking/.backstage/scheduler/v1/tasks/ecs-networking:sync/trigger`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).status();
  await expect.poll(trigger, { timeout: 240_000, intervals: [2_000] }).toBe(200);
}

test.beforeEach(async ({ page }) => signIn(page));

test('a call added in AWS shows in the Changes and as an undeclared dependency with its fix', async ({ page, request }) => {
  test.setTimeout(600_000);
  const token = await guestToken(request);
  const undeclared = async () => {
    const body = await backendText(request, token, '/api/ecs-networking/network').catch(e => `${e}`);
    if (!body.startsWith('{')) return [`no answer: ${body}`];
    const { findings }: NetworkResponse = JSON.parse(body);
    return findings
      .filter(f => f.ruleId === 'dependency-undeclared' && f.subject.name === 'legacy-gateway')
      .map(f => f.fix);
  };
  const registered = JSON.parse(
    await aws(
      'ecs',
      'register-task-definition',
      '--family',
      'legacy-gateway',
      '--network-mode',
      'awsvpc',
      '--requires-compatibilities',
      'FARGATE',
      '--cpu',
      '256',
      '--memory',
      '512',
      '--container-definitions',
      JSON.stringify([
        {
          name: 'legacy-gateway',
          image: 'public.ecr.aws/ecs-net-demo/legacy-gateway:1.0.0',
          portMappings: [{ name: 'http', containerPort: 8080, protocol: 'tcp', appProtocol: 'http' }],
          environment: [
            { name: 'ORDER_API', value: 'http://order-service:8080' },
            { name: 'CATALOG_API', value: 'http://product-service:8080/products' },
          ],
        },
      ]),
    ),
  );
  await deploy(registered.taskDefinition.taskDefinitionArn);
  try {
    await syncNow(request, token);
    await expect.poll(undeclared, { timeout: 240_000, intervals: [2_000] }).toEqual([FIX.slice('Fix: '.length)]);

    await page.goto('/catalog/default/component/legacy-gateway');
    await expect(
      page.getByText(
        'legacy-gateway calls product-service through product-service:8080 (container legacy-gateway variable CATALOG_API), but component:default/legacy-gateway declares no dependency on component:default/product-service.',
      ),
    ).toBeVisible();
    await expect(page.getByText(FIX)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/drift-undeclared-card.png`, fullPage: true });

    await page.goto('/catalog/default/component/legacy-gateway/ecs-networking');
    const changes = page.getByRole('list', { name: 'Changes' });
    await expect(changes.getByRole('listitem').filter({ hasText: 'opened' }).filter({ hasText: 'dependency-undeclared: legacy-gateway' }).first()).toBeVisible();
    await expect(changes.getByRole('listitem').filter({ hasText: 'added' }).filter({ hasText: 'legacy-gateway → product-service:8080' }).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/drift-undeclared-changes.png`, fullPage: true });
  } finally {
    await deploy('legacy-gateway:1');
    await syncNow(request, token);
    await expect.poll(undeclared, { timeout: 240_000, intervals: [2_000] }).toEqual([]);
  }
});
