import { planInput } from '@ecs-net/plugin-ecs-networking-common/testing';
import { serviceConnectForm } from '../__testUtils__/scaffolderNetwork';
import { formPlan } from './formPlan';

const form = {
  ...serviceConnectForm(),
  system: 'system:default/shop',
  dependencies: ['order-service:8080'],
};

describe('formPlan', () => {
  it('builds what the Service Connect template passes to ecs-networking:validate', () => {
    const { input, fieldOf } = formPlan({ mode: 'service-connect' }, form);
    expect(input).toEqual(
      planInput({
        serviceName: 'cart-service',
        container: { name: 'cart-service', port: 8080, portName: 'http' },
        serviceConnect: {
          namespace: '',
          portName: 'http',
          discoveryName: 'cart-service',
          clientAlias: { dnsName: 'cart-service', port: 8080 },
        },
        dependencies: ['order-service:8080'],
        tags: {
          owner: 'team-orders',
          system: 'shop',
          lifecycle: 'production',
          component: 'cart-service',
        },
      }),
    );
    expect(fieldOf('serviceConnect.clientAlias.dnsName')).toBe('aliasDnsName');
    expect(fieldOf('serviceName')).toBe('name');
  });

  it('takes a chosen namespace only when the cluster default is turned off', () => {
    const chosen = formPlan(
      { mode: 'service-connect' },
      { ...form, useClusterDefaultNamespace: false, namespace: 'app' },
    );
    expect(chosen.input.serviceConnect?.namespace).toBe('app');
  });

  it('passes appProtocol, timeouts and TLS as the template does, tcp as no appProtocol', () => {
    const tls = {
      certificateAuthorityArn:
        'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/0a1b2c3d-1111-2222-3333-444455556666',
      kmsKey: '',
      roleArn: 'arn:aws:iam::111111111111:role/ecs-service-connect-tls',
    };
    const { input, fieldOf } = formPlan(
      { mode: 'service-connect' },
      {
        ...form,
        appProtocol: 'grpc',
        idleTimeoutSeconds: 10,
        tlsCertificateAuthorityArn: tls.certificateAuthorityArn,
        tlsRoleArn: tls.roleArn,
      },
    );
    expect(input.container.appProtocol).toBe('grpc');
    expect(input.serviceConnect?.timeout).toEqual({ idleTimeoutSeconds: 10 });
    expect(input.serviceConnect?.tls).toEqual(tls);
    expect(fieldOf('serviceConnect.timeout.idleTimeoutSeconds')).toBe(
      'idleTimeoutSeconds',
    );
    expect(fieldOf('serviceConnect.tls.certificateAuthorityArn')).toBe(
      'tlsCertificateAuthorityArn',
    );

    const tcp = formPlan(
      { mode: 'service-connect' },
      { ...form, appProtocol: 'tcp' },
    );
    expect(tcp.input.container.appProtocol).toBeUndefined();
    expect(tcp.input.serviceConnect?.timeout).toBeUndefined();
    expect(tcp.input.serviceConnect?.tls).toBeUndefined();
  });

  it('takes the container port for the alias port until its step sets one', () => {
    const { input } = formPlan(
      { mode: 'service-connect' },
      { ...form, aliasPort: undefined, containerPort: 9000 },
    );
    expect(input.serviceConnect?.clientAlias.port).toBe(9000);
  });

  it('builds the Service Discovery part of both, with the field names the template uses', () => {
    const options = {
      mode: 'both' as const,
      fields: { 'serviceDiscovery.namespace': 'sdNamespace' },
    };
    const existing = formPlan(options, {
      ...form,
      sdNamespace: 'app',
      recordType: 'A',
      ttl: 10,
    });
    expect(existing.input.serviceDiscovery).toEqual({
      namespace: 'app',
      createNamespace: false,
      name: 'cart-service',
      recordType: 'A',
      ttl: 10,
      routingPolicy: 'MULTIVALUE',
      customHealthCheck: true,
    });
    expect(existing.fieldOf('serviceDiscovery.namespace')).toBe('sdNamespace');

    const created = formPlan(options, {
      ...form,
      networkMode: 'bridge',
      createNamespace: true,
      newNamespace: 'checkout.internal',
    });
    expect(created.input.serviceDiscovery).toMatchObject({
      namespace: 'checkout.internal',
      createNamespace: true,
      recordType: 'SRV',
    });
    expect(created.fieldOf('serviceDiscovery.namespace')).toBe('newNamespace');
  });
});
