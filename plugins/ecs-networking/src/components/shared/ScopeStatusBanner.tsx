import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { scopeProblem } from '../../lib/scopeStatus';

/**
 * Says which accounts × regions are behind and how old their data is, so
 * nobody trusts a stale picture without knowing it.
 */
export function ScopeStatusBanner(props: { scopes: ScopeStatus[] }) {
  const problems = props.scopes.flatMap(scope => {
    const problem = scopeProblem(scope);
    return problem ? [{ scope, problem }] : [];
  });
  if (problems.length === 0) return null;
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>Some ECS data is out of date</AlertTitle>
      {problems.map(({ scope, problem }) => (
        <Typography
          key={`${scope.accountId}/${scope.region}`}
          variant="body2"
          title={scope.lastError}
        >
          {problem}
        </Typography>
      ))}
    </Alert>
  );
}
