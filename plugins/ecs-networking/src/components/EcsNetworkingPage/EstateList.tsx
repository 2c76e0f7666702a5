import type { Entity } from '@backstage/catalog-model';
import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRight from '@material-ui/icons/ChevronRight';
import ExpandMore from '@material-ui/icons/ExpandMore';
import { CSSProperties, useCallback, useMemo, useState } from 'react';
import { FixedSizeList, ListChildComponentProps } from 'react-window';
import { counted, MECHANISM_LABELS } from '../../lib/describe';
import type { NamespaceGroup, ServiceRow } from '../../lib/estateIndex';
import { catalogOwner, OwnerName } from '../shared/OwnerName';
import { ServiceLink } from '../shared/ServiceLink';
import { focusableListOuter } from '../shared/FocusableListOuter';
import { SeverityIcon } from '../shared/SeverityIcon';
import { EstateRow, estateRows } from './estateRows';

const ROW_HEIGHT = 60;
const MAX_HEIGHT = 640;

const EstateListOuter = focusableListOuter('Services by namespace');

const useStyles = makeStyles(theme => ({
  header: {
    width: '100%',
    height: ROW_HEIGHT - 4,
    justifyContent: 'flex-start',
    textAlign: 'left',
    padding: theme.spacing(0, 1),
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.action.hover,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
  headerText: { marginLeft: theme.spacing(1), minWidth: 0 },
  service: {
    boxSizing: 'border-box',
    padding: theme.spacing(0.5, 1, 0.5, 5),
    borderBottom: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
  },
  line: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  where: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  counts: { flexShrink: 0, marginLeft: 'auto' },
  endpoints: {
    fontFamily: 'monospace',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
}));

interface RowData {
  rows: EstateRow[];
  services: Map<string, ServiceRow>;
  entities: Map<string, Entity>;
  toggle: (key: string) => void;
}

function GroupHeader(props: {
  group: NamespaceGroup;
  count: number;
  expanded: boolean;
  toggle: (key: string) => void;
  style: CSSProperties;
}) {
  const { group, count, expanded, toggle, style } = props;
  const classes = useStyles();
  return (
    <div style={style} role="listitem">
      <ButtonBase
        className={classes.header}
        aria-expanded={expanded}
        onClick={() => toggle(group.key)}
      >
        {expanded ? <ExpandMore /> : <ChevronRight />}
        <div className={classes.headerText}>
          <Typography variant="subtitle2" component="span" noWrap>
            {group.title} — {counted(count, 'service')}
          </Typography>
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            noWrap
          >
            {group.description}
          </Typography>
        </div>
      </ButtonBase>
    </div>
  );
}

function ServiceLine(props: {
  row: ServiceRow;
  entities: Map<string, Entity>;
  style: CSSProperties;
}) {
  const { row, entities, style } = props;
  const { service } = row;
  const classes = useStyles();
  const endpoints = row.endpoints
    .map(e => `${e.name} (${MECHANISM_LABELS[e.mechanism] ?? e.mechanism})`)
    .join(', ');
  return (
    <div style={style} className={classes.service} role="listitem">
      <div className={classes.line}>
        {row.worst && <SeverityIcon severity={row.worst} />}
        <ServiceLink
          arn={service.arn}
          name={service.name}
          entities={entities}
        />
        <Typography
          variant="body2"
          color="textSecondary"
          component="span"
          className={classes.where}
          title={`cluster ${service.cluster} · ${service.accountId} / ${service.region}`}
        >
          owner{' '}
          <OwnerName
            owner={service.owner}
            defaultOwner={catalogOwner(entities, service.arn)}
          />{' '}
          · {service.cluster} · {service.accountId} / {service.region}
        </Typography>
        {/* Never cut: where the line is too long, the place gives way. */}
        <Typography
          variant="body2"
          color="textSecondary"
          component="span"
          className={classes.counts}
        >
          {counted(row.callers, 'caller')} · {counted(row.callees, 'callee')}
        </Typography>
      </div>
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.endpoints}
        noWrap
        title={endpoints}
      >
        {endpoints || 'no endpoint'}
      </Typography>
    </div>
  );
}

function Row(props: ListChildComponentProps<RowData>) {
  const { index, style, data } = props;
  const row = data.rows[index];
  if (row.kind === 'group') {
    return (
      <GroupHeader
        group={row.group}
        count={row.count}
        expanded={row.expanded}
        toggle={data.toggle}
        style={style}
      />
    );
  }
  return (
    <ServiceLine
      row={data.services.get(row.arn)!}
      entities={data.entities}
      style={style}
    />
  );
}

/**
 * The estate by namespace. Virtualized: only the rows in view are rendered,
 * whatever the size of the estate.
 */
export function EstateList(props: {
  groups: NamespaceGroup[];
  services: Map<string, ServiceRow>;
  matching: Set<string>;
  entities: Map<string, Entity>;
}) {
  const { groups, services, matching, entities } = props;
  const [toggled, setToggled] = useState<Set<string>>(new Set());
  const toggle = useCallback((key: string) => {
    setToggled(previous => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const rows = useMemo(
    () => estateRows(groups, matching, toggled),
    [groups, matching, toggled],
  );
  const itemData = useMemo(
    () => ({ rows, services, entities, toggle }),
    [rows, services, entities, toggle],
  );

  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No service matches these filters.
      </Typography>
    );
  }
  return (
    <FixedSizeList
      height={Math.min(MAX_HEIGHT, rows.length * ROW_HEIGHT)}
      width="100%"
      itemCount={rows.length}
      itemSize={ROW_HEIGHT}
      itemData={itemData}
      outerElementType={EstateListOuter}
      itemKey={(index, data) => {
        const row = data.rows[index];
        return row.kind === 'group'
          ? `group ${row.group.key}`
          : `${row.groupKey} ${row.arn}`;
      }}
    >
      {Row}
    </FixedSizeList>
  );
}
