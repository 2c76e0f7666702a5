import type { Entity } from '@backstage/catalog-model';
import type { Finding } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CSSProperties, useMemo } from 'react';
import { FixedSizeList, ListChildComponentProps } from 'react-window';
import { focusableListOuter } from '../shared/FocusableListOuter';
import { SeverityIcon } from '../shared/SeverityIcon';
import { ServiceLink } from '../shared/ServiceLink';

const ROW_HEIGHT = 104;
const MAX_HEIGHT = 640;
/** Up to this many, rows take the height their texts need. */
const PLAIN_LIST_MAX = 100;

const FindingsListOuter = focusableListOuter('Findings');

const useStyles = makeStyles(theme => ({
  row: {
    boxSizing: 'border-box',
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
    // Names and fixes may hold 255 characters without a space.
    overflowWrap: 'anywhere',
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
  },
  plain: { maxHeight: MAX_HEIGHT, overflowY: 'auto' },
  clamp: {
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
}));

interface RowData {
  findings: Finding[];
  serviceArns: Set<string>;
  entities: Map<string, Entity>;
}

/**
 * One finding. In a plain list its texts wrap in full; in the virtualized
 * list rows have one height, so the texts are clamped and the title holds
 * them whole.
 */
function FindingItem(props: {
  finding: Finding;
  data: RowData;
  clamped: boolean;
  style?: CSSProperties;
}) {
  const { finding, data, clamped, style } = props;
  const classes = useStyles();
  const { subject } = finding;
  return (
    <div style={style} className={classes.row} role="listitem">
      <div className={classes.heading}>
        <SeverityIcon severity={finding.severity} />
        {data.serviceArns.has(subject.arn) ? (
          <ServiceLink
            arn={subject.arn}
            name={subject.name}
            entities={data.entities}
          />
        ) : (
          <Typography variant="body2" component="span">
            {subject.name}
          </Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          {finding.ruleId} · {subject.accountId} / {subject.region}
        </Typography>
      </div>
      <Typography
        variant="body2"
        className={clamped ? classes.clamp : undefined}
        title={clamped ? finding.message : undefined}
      >
        {finding.message}
      </Typography>
      <Typography
        variant="body2"
        color="textSecondary"
        className={clamped ? classes.clamp : undefined}
        title={clamped ? finding.fix : undefined}
      >
        Fix: {finding.fix}
      </Typography>
    </div>
  );
}

function VirtualRow(props: ListChildComponentProps<RowData>) {
  const { index, style, data } = props;
  return (
    <FindingItem
      finding={data.findings[index]}
      data={data}
      clamped
      style={style}
    />
  );
}

/**
 * Findings, worst first. Up to PLAIN_LIST_MAX of them as a plain list, each
 * text whole; more are virtualized like the estate list.
 */
export function FindingsList(props: {
  findings: Finding[];
  serviceArns: Set<string>;
  entities: Map<string, Entity>;
}) {
  const { findings, serviceArns, entities } = props;
  const classes = useStyles();
  const itemData = useMemo(
    () => ({ findings, serviceArns, entities }),
    [findings, serviceArns, entities],
  );
  if (findings.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No finding for these filters.
      </Typography>
    );
  }
  if (findings.length <= PLAIN_LIST_MAX) {
    return (
      // Scrolls past MAX_HEIGHT: focusable, as the virtualized list is.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      <div role="list" aria-label="Findings" tabIndex={0} className={classes.plain}>
        {findings.map((finding, index) => (
          <FindingItem
            key={`${index} ${finding.ruleId} ${finding.subject.arn}`}
            finding={finding}
            data={itemData}
            clamped={false}
          />
        ))}
      </div>
    );
  }
  return (
    <FixedSizeList
      height={Math.min(MAX_HEIGHT, findings.length * ROW_HEIGHT)}
      width="100%"
      itemCount={findings.length}
      itemSize={ROW_HEIGHT}
      itemData={itemData}
      outerElementType={FindingsListOuter}
    >
      {VirtualRow}
    </FixedSizeList>
  );
}
