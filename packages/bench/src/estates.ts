import {
  DEMO_ESTATE_PATH,
  generateEstate,
  GenerateEstateOptions,
  loadEstateFile,
} from '@ecs-net/aws-local';

/** A synthetic estate, or the demo estate the portal starts with. */
export type EstateSpec = GenerateEstateOptions | 'demo';

export function estateLabel(spec: EstateSpec): string {
  if (spec === 'demo') return 'demo';
  const label = `S=${spec.services} C=${spec.clusters} R=${spec.regions} A=${spec.accounts}`;
  return spec.externalServices ? `${label} X=${spec.externalServices}` : label;
}

/** Arguments for the local endpoint's CLI that seed this estate. */
export function estateArgs(spec: EstateSpec): string[] {
  return spec === 'demo'
    ? []
    : [
        '--synthetic',
        `services=${spec.services},clusters=${spec.clusters},regions=${spec.regions},accounts=${spec.accounts}${
          spec.externalServices ? `,externalServices=${spec.externalServices}` : ''
        }`,
      ];
}

/**
 * Account × regions of an estate and the keys that reach them. A synthetic
 * estate's accounts and regions do not depend on its size, so a minimal one
 * is generated here rather than holding the whole estate in this process.
 */
export function scopesOf(spec: EstateSpec) {
  const estate =
    spec === 'demo'
      ? loadEstateFile(DEMO_ESTATE_PATH)
      : generateEstate({ ...spec, services: (spec.accounts ?? 1) * (spec.regions ?? 1), clusters: 0 });
  return estate.accounts.map(account => {
    const key = account.accessKeys![0];
    return {
      accountId: account.id,
      key: { id: key.id, secret: key.secret ?? '' },
      regions: Object.keys(account.regions ?? {}),
    };
  });
}
