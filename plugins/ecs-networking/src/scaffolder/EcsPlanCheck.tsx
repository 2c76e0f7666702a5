import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useMemo } from 'react';
import { checkForm, describeFormProblem } from './formProblems';
import type { EcsPlanCheckUiOptions } from './formPlan';
import { useLiveNetwork } from './liveNetwork';

/**
 * Shows, while the person types, what `ecs-networking:validate` will say
 * about the service after Create: the same checks against the live network,
 * every problem at once, each naming its field, the service it collides
 * with and that service's owner, and the fix. Its validation blocks the step
 * on errors; the action stays the authority (the form can be bypassed).
 */
export const EcsPlanCheck = (
  props: FieldExtensionComponentProps<string, EcsPlanCheckUiOptions>,
) => {
  const { uiSchema, formContext, schema, idSchema } = props;
  const options = uiSchema?.['ui:options'];
  const { value: live, loading, error } = useLiveNetwork();
  const form = (formContext?.formData ?? {}) as Record<string, unknown>;
  // Form and options are new objects on each render; their content counts.
  const key = JSON.stringify([form, options]);
  const check = useMemo(
    () => (live && options ? checkForm(live, options, form) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [live, key],
  );

  let body;
  if (error) {
    body = (
      <Alert severity="info">
        Could not read the live network ({error.message}); the wiring is checked
        after Create.
      </Alert>
    );
  } else if (loading || !check) {
    body = <Typography variant="body2">Reading the live network…</Typography>;
  } else if (check.state === 'incomplete') {
    body = (
      <Typography variant="body2">
        Checked against the live network once these are set:{' '}
        {check.missing.join(', ')}.
      </Typography>
    );
  } else if (check.problems.length === 0) {
    body = (
      <Alert severity="success">
        No problems with these settings in the live network of {check.where}.
      </Alert>
    );
  } else {
    body = check.problems.map((problem, index) => (
      <Alert
        key={index}
        severity={problem.severity}
        data-rule={problem.ruleId}
        data-field={problem.formField}
      >
        {describeFormProblem(problem)}
      </Alert>
    ));
  }
  return (
    <FormControl margin="normal" fullWidth id={idSchema?.$id}>
      <Typography variant="subtitle2">
        {schema.title ?? 'Checked against the live network'}
      </Typography>
      {body}
    </FormControl>
  );
};
