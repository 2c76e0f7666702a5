/** One account × region to read, with optional filters. @public */
export interface ScopeConfig {
  accountId: string;
  region: string;
  /** Cluster names or ARNs; all when absent. */
  clusters?: string[];
  /** Cloud Map namespace names; all when absent. */
  namespaces?: string[];
}
