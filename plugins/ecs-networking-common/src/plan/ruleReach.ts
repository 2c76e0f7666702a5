/**
 * The lint rules whose findings `planNeighbourhood` knows the reach of, by
 * what a finding of theirs reads besides its subject's own configuration:
 *
 * - nothing else: the rules about one service's (or namespace's, or Cloud
 *   Map service's) own settings;
 * - the edges and unresolved references of the subject (calls resolve by
 *   host, dependency tags by ARN, name or host, observed calls by discovery
 *   name): `reference-unresolved`, `service-connect-unreachable-caller`,
 *   `service-connect-client-redeploy`, `service-connect-tls-bypassed`;
 * - the other claimants of a name in a namespace: `duplicate-client-alias`
 *   (same host), `duplicate-discovery-name` and `discovery-name-conflict`
 *   (same discovery name);
 * - the users of a namespace: `namespace-unused`; the registrants of a Cloud
 *   Map service: `cloud-map-health-check-missing`;
 * - none at all in a plan check: `dependency-undeclared` and
 *   `dependency-not-observed` compare the catalog's declarations with the
 *   calls, and a plan is analysed without declarations (they find nothing
 *   there). A plan check given declarations must first work out their reach
 *   (a new service can make a declaration of another Component observed).
 *
 * A rule missing here (a new one) makes the plan check analyse the whole
 * estate, which is always right, until its reach is added.
 */
export const RULES_WITH_KNOWN_REACH: ReadonlySet<string> = new Set([
  // Own settings.
  'service-connect-port-name',
  'service-connect-namespace-missing',
  'service-connect-shared-namespace-reference',
  'service-connect-namespace-region',
  'shared-namespace-ecs-permission',
  'service-connect-timeout-protocol',
  'service-connect-idle-timeout-short',
  'service-connect-access-log-destination',
  'vpc-lattice-port-name',
  'dns-ttl-too-high',
  'dns-a-record-network-mode',
  'dns-srv-missing-port',
  'app-mesh-in-use',
  'owner-tag-missing',
  'tag-not-entity-ref',
  'component-tag-not-in-catalog',
  // Edges and unresolved references.
  'reference-unresolved',
  'service-connect-unreachable-caller',
  'service-connect-client-redeploy',
  'service-connect-tls-bypassed',
  // Claimants of a name.
  'duplicate-client-alias',
  'duplicate-discovery-name',
  'discovery-name-conflict',
  // Users of a namespace, registrants of a Cloud Map service.
  'namespace-unused',
  'cloud-map-health-check-missing',
  // Analysed without the catalog's declarations: nothing to find.
  'dependency-undeclared',
  'dependency-not-observed',
]);
