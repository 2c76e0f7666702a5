import Alert from '@material-ui/lab/Alert';

/**
 * Says that what the page shows could not be brought up to date, so a
 * reader does not take old data for live; the page keeps trying.
 */
export function ReloadFailedBanner(props: { error?: Error }) {
  if (!props.error) return null;
  return (
    <Alert severity="warning" role="status">
      Could not refresh from the ECS networking backend ({props.error.message}).
      This shows what was loaded before; the page tries again on its own, or use
      Refresh.
    </Alert>
  );
}
