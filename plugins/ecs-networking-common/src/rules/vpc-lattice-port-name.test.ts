import { findingsOf, scope } from '../testing';
import { vpcLatticePortName } from './vpc-lattice-port-name';

const withLatticePort = (portName: string) => {
  const b = scope();
  b.service('catalog', {
    containers: [{ ports: [{ name: 'http', containerPort: 8080 }] }],
    vpcLattice: [
      {
        portName,
        targetGroupArn:
          'arn:aws:vpc-lattice:eu-west-1:111122223333:targetgroup/tg-0123456789abcdef0',
        roleArn: 'arn:aws:iam::111122223333:role/ecsInfrastructureRole',
      },
    ],
  });
  return [b.build()];
};

describe('vpc-lattice-port-name', () => {
  it('reports a Lattice port name no port mapping carries', () => {
    const findings = findingsOf(vpcLatticePortName.id, withLatticePort('web'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'service', name: 'catalog' },
    });
    expect(findings[0].message).toContain('"web"');
    expect(findings[0].fix).toContain('http');
  });

  it('accepts a Lattice port name that matches a port mapping', () => {
    expect(findingsOf(vpcLatticePortName.id, withLatticePort('http'))).toEqual([]);
  });
});
