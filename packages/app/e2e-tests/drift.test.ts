import { expect, test } from '@playwright/test';
import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import { aws, backendText, guestToken, SHOTS, signIn } from './portal';

// A call added in AWS (a new task definition revision whose environment
// names user-service) that inventory-service's Component does not declare:
// the change reaches the Changes timeline and the card shows a
// dependency-undeclared finding with the line to add. The estate is put
// back afterwards, and the test waits until the finding has closed again.

const FIX = 'Fix: Add this line under spec.dependsOn of component:default/inventory-service: - component:default/user-service';

const deploy = (taskDefinition: string) =>
  aws('ecs', 'update-service', '--cluster', 'shop', '--service', 'inventory-service', '--task-definition', taskDefinition);

test.beforeEach(async ({ page }) => signIn(page));

test('a call added in AWS shows in the Changes and as an undeclared dependency with its fix', async ({ page, request }) => {
  test.setTimeout(420_000);
  const token = await guestToken(request);
  const undeclared = async () => {
    const { findings }: NetworkResponse = JSON.parse(await backendText(request, token, '/api/ecs-networking/network'));
    return findings
      .filter(f => f.ruleId === 'dependency-undeclared' && f.subject.name === 'inventory-service')
      .map(f => f.fix);
  };
  const registered = JSON.parse(
    await aws(
      'ecs',
      'register-task-definition',
      '--family',
      'inventory-service',
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
          name: 'inventory-service',
          image: 'public.ecr.aws/ecs-net-demo/inventory-service:1.10.0',
          portMappings: [{ name: 'http', containerPort: 8080, protocol: 'tcp', appProtocol: 'http' }],
          environment: [{ name: 'USER_SERVICE_URL', value: 'http://user-service:8080/users' }],
        },
      ]),
    ),
  );
  await deploy(registered.taskDefinition.taskDefinitionArn);
  try {
    // Within seconds by the live update, or at the next sync.
    await expect.poll(undeclared, { timeout: 240_000, intervals: [2_000] }).toEqual([FIX.slice('Fix: '.length)]);

    await page.goto('/catalog/default/component/inventory-service');
    await expect(
      page.getByText(
        'inventory-service calls user-service through user-service:8080 (container inventory-service variable USER_SERVICE_URL), but component:default/inventory-service declares no dependency on component:default/user-service.',
      ),
    ).toBeVisible();
    await expect(page.getByText(FIX)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/drift-undeclared-card.png`, fullPage: true });

    await page.goto('/catalog/default/component/inventory-service/ecs-networking');
    const changes = page.getByRole('list', { name: 'Changes' });
    await expect(changes.getByRole('listitem').filter({ hasText: 'opened' }).filter({ hasText: 'dependency-undeclared: inventory-service' }).first()).toBeVisible();
    await expect(changes.getByRole('listitem').filter({ hasText: 'added' }).filter({ hasText: 'inventory-service → user-service:8080' }).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/drift-undeclared-changes.png`, fullPage: true });
  } finally {
    await deploy('inventory-service:1');
    await expect.poll(undeclared, { timeout: 240_000, intervals: [2_000] }).toEqual([]);
  }
});
