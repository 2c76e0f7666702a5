import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { removalPendingMessage } from '../../lib/removalPending';

/**
 * Says which accounts × regions lost most of their services in the last
 * read, so someone can fix a bad filter or role before the next read takes
 * those services out of the catalog.
 */
export function RemovalPendingBanner(props: { scopes: ScopeStatus[] }) {
  const pending = props.scopes.flatMap(scope => {
    const message = removalPendingMessage(scope);
    return message ? [{ scope, message }] : [];
  });
  if (pending.length === 0) return null;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>Services about to leave the catalog</AlertTitle>
      {pending.map(({ scope, message }) => (
        <Typography
          key={`${scope.accountId}/${scope.region}`}
          variant="body2"
          title={scope.removalPending!.reason}
        >
          {message}
        </Typography>
      ))}
    </Alert>
  );
}
