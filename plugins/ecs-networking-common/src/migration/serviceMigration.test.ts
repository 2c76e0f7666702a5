import { demoLikeSnapshots } from '../testing/demoLike';
import { scope } from '../testing/builders';
import { notOnAppMeshMessage, serviceMigrationOf } from './serviceMigration';

const arn = (name: string) =>
  `arn:aws:ecs:eu-west-1:111111111111:service/shop/${name}`;

describe('serviceMigrationOf', () => {
  it('reads an App Mesh service: Envoy left out, the names it will answer on', () => {
    const migration = serviceMigrationOf(
      demoLikeSnapshots(),
      arn('legacy-gateway'),
    )!;
    expect(migration.appMesh?.proxy).toBe(true);
    expect(migration.containers.map(c => c.name)).toEqual(['legacy-gateway']);
    expect(migration.container?.name).toBe('legacy-gateway');
    expect(migration).toMatchObject({
      portName: 'http',
      discoveryName: 'legacy-gateway',
      clientAlias: { dnsName: 'legacy-gateway', port: 8080 },
      namespace: { name: 'sc.local' },
    });
  });

  it("falls back to the cluster's default namespace and an http port name", () => {
    const b = scope()
      .namespace('apps.local', 'HTTP')
      .cluster('main', { defaultNamespace: 'apps.local' });
    b.service('worker', {
      containers: [{ name: 'worker', ports: [{ containerPort: 9000 }] }],
    });
    const migration = serviceMigrationOf([b.build()], b.serviceArn('worker'))!;
    expect(migration.appMesh).toBeUndefined();
    expect(migration.namespace?.name).toBe('apps.local');
    expect(migration.portName).toBe('http');
    expect(migration.clientAlias).toEqual({ dnsName: 'worker', port: 9000 });
  });

  it('is undefined for a service the snapshots do not hold', () => {
    expect(
      serviceMigrationOf(demoLikeSnapshots(), arn('nope')),
    ).toBeUndefined();
  });

  it('says why a service without App Mesh has nothing to migrate', () => {
    const migration = serviceMigrationOf(
      demoLikeSnapshots(),
      arn('user-service'),
    )!;
    expect(notOnAppMeshMessage(migration)).toMatch(
      /^ECS service shop\/user-service \(111111111111 \/ eu-west-1\) does not use App Mesh/,
    );
  });
});
