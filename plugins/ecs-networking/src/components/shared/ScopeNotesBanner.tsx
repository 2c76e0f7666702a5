import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { scopeNotes } from '../../lib/scopeStatus';

/**
 * Says what the latest reads went without (traffic metrics, load balancer
 * names, Cloud Map health) and why, so a missing edge or name is not taken
 * for a fact about the network.
 */
export function ScopeNotesBanner(props: { scopes: ScopeStatus[] }) {
  const notes = props.scopes.flatMap(scope => scopeNotes(scope));
  if (notes.length === 0) return null;
  return (
    <Alert severity="info" role="status">
      <AlertTitle>Some ECS details could not be read</AlertTitle>
      {notes.map(note => (
        <Typography key={note} variant="body2" style={{ overflowWrap: 'anywhere' }}>
          {note}
        </Typography>
      ))}
    </Alert>
  );
}
