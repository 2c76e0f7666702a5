import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** The windows a change list offers, in hours. */
export const WINDOW_OPTIONS = [
  { value: 2, label: 'Last 2 hours' },
  { value: 24, label: 'Last 24 hours' },
  { value: 7 * 24, label: 'Last 7 days' },
  { value: 30 * 24, label: 'Last 30 days' },
];

/** `since` of a window ending now. */
export function sinceHoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}

/** A small select of one of the given options. */
export function OptionSelect<T extends string | number>(props: {
  label: string;
  value: T;
  options: Array<{ value: T; label: string }>;
  onChange: (value: T) => void;
}) {
  return (
    <TextField
      select
      // Ties the label to the control, for assistive technology.
      id={`ecs-networking-${props.label.toLocaleLowerCase('en-US').replace(/\W+/g, '-')}`}
      size="small"
      variant="outlined"
      label={props.label}
      value={props.value}
      onChange={event => {
        const chosen = props.options.find(o => String(o.value) === event.target.value);
        if (chosen) props.onChange(chosen.value);
      }}
      style={{ minWidth: 160, marginRight: 16 }}
    >
      {props.options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
