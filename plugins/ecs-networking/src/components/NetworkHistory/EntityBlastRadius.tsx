import { InfoCard, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { MAX_HOPS } from '@ecs-net/plugin-ecs-networking-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Fragment, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ecsNetworkingApiRef } from '../../api';
import { useServiceEntities } from '../../hooks/useServiceEntities';
import { MechanismChip } from '../shared/MechanismChip';
import { ServiceLink } from '../shared/ServiceLink';
import { OptionSelect } from './ChangesWindow';

const HOP_OPTIONS = Array.from({ length: MAX_HOPS }, (_, i) => ({
  value: i + 1,
  label: i === 0 ? 'Direct callers' : `Up to ${i + 1} hops`,
}));

/**
 * The Network tab's "Blast radius": who breaks when this entity's services
 * do, hop by hop, how each calls toward them, and the teams to page.
 */
export function EntityBlastRadius(props: { entityRef: string }) {
  const api = useApi(ecsNetworkingApiRef);
  const [hops, setHops] = useState(2);
  const { value, loading, error } = useAsync(
    () => api.getBlastRadius({ entityRef: props.entityRef, hops }),
    [api, props.entityRef, hops],
  );
  const arns = useMemo(
    () => (value?.callers ?? []).flatMap(c => [c.service.arn, ...c.calls.map(call => call.to)]),
    [value],
  );
  const entities = useServiceEntities(arns);

  return (
    <InfoCard title="Blast radius" subheader="Who is affected if this fails, and whom to page">
      <OptionSelect label="Hops" value={hops} options={HOP_OPTIONS} onChange={setHops} />
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && value.callers.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          Nothing calls it within {hops} hop(s).
        </Typography>
      )}
      {value && value.callers.length > 0 && (
        <>
          <Typography variant="body2" component="p" role="status">
            Owners to page:{' '}
            {value.owners.map((owner, i) => (
              <Fragment key={owner}>
                {i > 0 && ', '}
                <EntityRefLink entityRef={owner} hideIcon />
              </Fragment>
            ))}
          </Typography>
          <Table size="small" aria-label="Callers by hop">
            <TableHead>
              <TableRow>
                <TableCell>Hop</TableCell>
                <TableCell>Caller</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Calls</TableCell>
                <TableCell>Account / region</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.callers.map(caller => (
                <TableRow key={caller.service.arn}>
                  <TableCell>{caller.hop}</TableCell>
                  <TableCell>
                    <ServiceLink arn={caller.service.arn} name={caller.service.name} entities={entities} />
                  </TableCell>
                  <TableCell>
                    <EntityRefLink entityRef={caller.service.owner} hideIcon />
                  </TableCell>
                  <TableCell>
                    {caller.calls.map(call => (
                      <div key={`${call.endpointId} ${call.to}`}>
                        <MechanismChip mechanism={call.mechanism} />
                        {call.endpoint} →{' '}
                        <ServiceLink arn={call.to} name={call.toName} entities={entities} />
                      </div>
                    ))}
                  </TableCell>
                  <TableCell>
                    {caller.service.accountId}/{caller.service.region}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
}
