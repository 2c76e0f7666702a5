import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { demoLikeSnapshots } from '@ecs-net/plugin-ecs-networking-common/testing';
import { screen } from '@testing-library/react';
import { EcsNetworkingClient, ecsNetworkingApiRef } from '../api';
import {
  networkApis,
  serviceConnectForm,
} from '../__testUtils__/scaffolderNetwork';
import { EcsPlanCheck } from './EcsPlanCheck';
import { ecsPlanCheckValidation } from './validation';

const form = serviceConnectForm();
const connectStep = {
  mode: 'service-connect',
  show: ['discoveryName', 'aliasDnsName', 'aliasPort', 'namespace'],
};

async function renderCheck(formData: object, options: object = connectStep) {
  const api = new EcsNetworkingClient(networkApis(demoLikeSnapshots()));
  await renderInTestApp(
    <TestApiProvider apis={[[ecsNetworkingApiRef, api]]}>
      <EcsPlanCheck
        {...({
          schema: { title: 'Checked against the live network' },
          uiSchema: { 'ui:options': options },
          formContext: { formData },
          idSchema: { $id: 'root_check' },
          onChange: jest.fn(),
        } as any)}
      />
    </TestApiProvider>,
  );
}

async function validate(formData: object, options: object = connectStep) {
  const api = new EcsNetworkingClient(networkApis(demoLikeSnapshots()));
  const errors: string[] = [];
  await ecsPlanCheckValidation(
    'checked',
    { addError: (e: string) => errors.push(e) } as any,
    {
      apiHolder: { get: () => api },
      formData,
      uiSchema: { 'ui:options': options },
    } as any,
  );
  return errors;
}

describe('EcsPlanCheck', () => {
  it('shows a colliding alias as the person types it, with the field, the owner and the fix', async () => {
    await renderCheck({ ...form, aliasDnsName: 'user-service' });
    const alert = await screen.findByText(/^Client alias DNS name: /);
    expect(alert.textContent).toContain(
      'Client alias user-service:8080 in namespace sc.local is also claimed by shop/user-service',
    );
    expect(alert.textContent).toContain('owned by team-identity');
    expect(alert.textContent).toContain(
      'Fix: Give one of the services a different client alias',
    );
  });

  it('says the settings are free when they are', async () => {
    await renderCheck(form);
    expect(
      await screen.findByText(
        'No problems with these settings in the live network of 111111111111 / eu-west-1, cluster shop.',
      ),
    ).toBeInTheDocument();
  });

  it('waits for account, region and cluster', async () => {
    await renderCheck({ name: 'cart-service' });
    expect(
      await screen.findByText(
        /once these are set: AWS account, Region, ECS cluster/,
      ),
    ).toBeInTheDocument();
  });
});

describe('ecsPlanCheckValidation', () => {
  it("blocks the step on every error in its fields, in the action's words", async () => {
    const errors = await validate({
      ...form,
      discoveryName: 'order-service',
      aliasDnsName: 'user-service',
    });
    expect(errors).toHaveLength(2);
    expect(errors.join('\n')).toMatch(
      /^Discovery name: Discovery name "order-service"/m,
    );
    expect(errors.join('\n')).toMatch(
      /^Client alias DNS name: Client alias user-service:8080/m,
    );
  });

  it("leaves other steps' problems and warnings to them", async () => {
    // The name is taken, but this step shows the Service Connect fields only.
    const taken = {
      ...form,
      name: 'user-service',
      discoveryName: 'cart',
      aliasDnsName: 'cart',
    };
    expect(await validate(taken)).toEqual([]);
    const all = await validate(taken, { mode: 'service-connect' });
    expect(all).toEqual([
      expect.stringMatching(
        /^Name: ECS service shop\/user-service \(owner team-identity\) already exists/,
      ),
    ]);
  });
});
