import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { useId, type ChangeEvent } from 'react';
import type { EstateFilter, Facet, FacetOption } from '../../lib/estateIndex';
import { FACETS } from '../../lib/estateIndex';

const LABELS: Record<Facet, string> = {
  account: 'Account',
  region: 'Region',
  cluster: 'Cluster',
  owner: 'Owner',
  mechanism: 'Mechanism',
  severity: 'Finding severity',
};

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { minWidth: 160, maxWidth: 280 },
}));

/** The page's filters; native selects stay fast with hundreds of options. */
export function EstateFilters(props: {
  filter: EstateFilter;
  options: Record<Facet, FacetOption[]>;
  onChange: (filter: EstateFilter) => void;
}) {
  const { filter, options, onChange } = props;
  const classes = useStyles();
  // Ids tie each label to its control for assistive technology.
  const id = useId();
  const active = FACETS.some(f => filter[f] !== undefined) || !!filter.text;

  const setFacet =
    (facet: Facet) => (event: ChangeEvent<{ value: unknown }>) => {
      const value = String(event.target.value);
      const next = { ...filter };
      if (value === '') delete next[facet];
      else next[facet] = value;
      onChange(next);
    };

  return (
    <div className={classes.bar} role="search" aria-label="Filter services">
      <TextField
        id={`${id}-text`}
        label="Name contains"
        value={filter.text ?? ''}
        onChange={e => onChange({ ...filter, text: e.target.value })}
        helperText="Service, cluster, owner or endpoint"
      />
      {FACETS.map(facet => (
        <TextField
          key={facet}
          id={`${id}-${facet}`}
          select
          className={classes.select}
          label={LABELS[facet]}
          value={filter[facet] ?? ''}
          onChange={setFacet(facet)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">Any</option>
          {options[facet].map(option => (
            <option key={option.value} value={option.value}>
              {option.label} ({option.count})
            </option>
          ))}
        </TextField>
      ))}
      <Button disabled={!active} onClick={() => onChange({})}>
        Clear filters
      </Button>
    </div>
  );
}
