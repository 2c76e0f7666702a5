import Typography from '@material-ui/core/Typography';

/** One option of a picker: what it stores, and a line saying what it is. */
export const OptionText = (props: { title: string; detail?: string }) => (
  <div>
    <Typography variant="body1">{props.title}</Typography>
    {props.detail && (
      <Typography variant="caption" color="textSecondary">
        {props.detail}
      </Typography>
    )}
  </div>
);
