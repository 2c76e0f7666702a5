import { StatusError, StatusOK } from '@backstage/core-components';
import {
  arnResourceName,
  type EcsTaskInfo,
  type LiveService,
} from '@ecs-net/plugin-ecs-networking-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';

function Health(props: { task: EcsTaskInfo }) {
  switch (props.task.health) {
    case 'HEALTHY':
      return <StatusOK>healthy</StatusOK>;
    case 'UNHEALTHY':
      return <StatusError>unhealthy</StatusError>;
    default:
      return (
        <Typography variant="body2" color="textSecondary">
          no health check
        </Typography>
      );
  }
}

function Revision(props: { task: EcsTaskInfo; service: LiveService }) {
  const { task, service } = props;
  if (!task.taskDefinitionArn) return null;
  const current = task.taskDefinitionArn === service.taskDefinitionArn;
  return (
    <>
      {arnResourceName(task.taskDefinitionArn)}
      {!current && (
        <Typography variant="caption" color="textSecondary" component="div">
          not the service's current revision ({arnResourceName(service.taskDefinitionArn)})
        </Typography>
      )}
    </>
  );
}

function started(at?: string) {
  return at ? at.slice(0, 16).replace('T', ' ') : '';
}

function ServiceCell(props: { service: LiveService; rows: number }) {
  const { service } = props;
  return (
    <TableCell rowSpan={props.rows} style={{ verticalAlign: 'top' }}>
      <Typography variant="body2">{service.name}</Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {service.cluster} · {service.accountId} / {service.region}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        Service Connect{' '}
        {service.serviceConnect
          ? `on, ${service.serviceConnectNamespaceName ?? 'namespace not read'}`
          : 'off'}
      </Typography>
    </TableCell>
  );
}

/**
 * Tasks come and go with every deployment, so they are served live rather
 * than kept on catalog entities; this is where people look up an address
 * and see whether ECS considers the task healthy.
 */
export function LiveTasksTable(props: { services: LiveService[] }) {
  return (
    <Table size="small" aria-label="Running tasks">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Task IP</TableCell>
          <TableCell>Zone</TableCell>
          <TableCell>Health</TableCell>
          <TableCell>Started (UTC)</TableCell>
          <TableCell>Task definition</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.services.flatMap(service =>
          service.tasks.length === 0
            ? [
                <TableRow key={service.arn}>
                  <ServiceCell service={service} rows={1} />
                  <TableCell colSpan={5}>
                    <Typography variant="body2" color="textSecondary">
                      no running task
                    </Typography>
                  </TableCell>
                </TableRow>,
              ]
            : service.tasks.map((task, i) => (
                <TableRow key={`${service.arn} ${i}`}>
                  {i === 0 && <ServiceCell service={service} rows={service.tasks.length} />}
                  <TableCell>{task.ip ?? 'no private IP'}</TableCell>
                  <TableCell>{task.availabilityZone ?? ''}</TableCell>
                  <TableCell>
                    <Health task={task} />
                  </TableCell>
                  <TableCell>{started(task.startedAt)}</TableCell>
                  <TableCell>
                    <Revision task={task} service={service} />
                  </TableCell>
                </TableRow>
              )),
        )}
      </TableBody>
    </Table>
  );
}
