import { CodeSnippet, EmptyState } from '@backstage/core-components';

const EXAMPLE = `ecsNetworking:
  accounts:
    - accountId: '111111111111'
      regions: [eu-west-1]`;

/** What to do when the backend reads no AWS account at all. */
export function NoAccountsEmptyState() {
  return (
    <EmptyState
      missing="info"
      title="No AWS account configured"
      description="No account configured — add ecsNetworking.accounts to app-config (see the plugin README); the backend reads them on its next sync."
      action={<CodeSnippet text={EXAMPLE} language="yaml" />}
    />
  );
}
