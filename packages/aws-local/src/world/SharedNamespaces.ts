import { CloudMapRegistry } from '../cloudmap/CloudMapRegistry';
import { Namespace } from '../cloudmap/types';

/** A namespace another account shares with this one, and the registry that holds it. */
export interface SharedNamespace {
  namespace: Namespace;
  /** The owner's Cloud Map, where services and instances in it live. */
  registry: CloudMapRegistry;
}

/**
 * What one account × region sees of the namespaces other accounts share
 * with it through AWS RAM (accepted, active, same region).
 */
export interface SharedNamespaces {
  /** The shared namespace an ARN names, when it is shared with this account. */
  byArn(arn: string): SharedNamespace | undefined;
  /** Every namespace shared with this account. */
  list(): SharedNamespace[];
}

export const NO_SHARED_NAMESPACES: SharedNamespaces = {
  byArn: () => undefined,
  list: () => [],
};
