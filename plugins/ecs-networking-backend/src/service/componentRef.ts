import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** Normalises a component tag value (`orders` or `component:team/orders`) to a ref. */
export function componentRef(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: 'component', defaultNamespace: 'default' }),
    );
  } catch {
    return undefined;
  }
}
