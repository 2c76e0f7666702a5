import type { LiveService } from '@ecs-net/plugin-ecs-networking-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';

/**
 * Task IPs are volatile, so they are served live rather than kept on catalog
 * entities; this is where people look them up.
 */
export function LiveTasksTable(props: { services: LiveService[] }) {
  return (
    <Table size="small" aria-label="Running tasks">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Cluster</TableCell>
          <TableCell>Account / region</TableCell>
          <TableCell>Service Connect</TableCell>
          <TableCell>Task IPs</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.services.map(service => (
          <TableRow key={service.arn}>
            <TableCell>{service.name}</TableCell>
            <TableCell>{service.cluster}</TableCell>
            <TableCell>
              {service.accountId} / {service.region}
            </TableCell>
            <TableCell>
              {service.serviceConnect
                ? `on, ${
                    service.serviceConnectNamespaceName ?? 'namespace not read'
                  }`
                : 'off'}
            </TableCell>
            <TableCell>
              {service.taskIps.length === 0 ? (
                <Typography variant="body2" color="textSecondary">
                  no running task
                </Typography>
              ) : (
                service.taskIps.join(', ')
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
