import type { Entity } from '@backstage/catalog-model';
import type { Finding } from '@ecs-net/plugin-ecs-networking-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { FixedSizeList, ListChildComponentProps } from 'react-window';
import { focusableListOuter } from '../shared/FocusableListOuter';
import { SeverityIcon } from '../shared/SeverityIcon';
import { ServiceLink } from '../shared/ServiceLink';

const ROW_HEIGHT = 104;
const MAX_HEIGHT = 640;

const FindingsListOuter = focusableListOuter('Findings');

const useStyles = makeStyles(theme => ({
  row: {
    boxSizing: 'border-box',
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    overflow: 'hidden',
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    whiteSpace: 'nowrap',
  },
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

function FindingRow(props: ListChildComponentProps<RowData>) {
  const { index, style, data } = props;
  const finding = data.findings[index];
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
      {/* Long texts are clamped to keep rows a fixed height; the title holds them whole. */}
      <Typography
        variant="body2"
        className={classes.clamp}
        title={finding.message}
      >
        {finding.message}
      </Typography>
      <Typography
        variant="body2"
        color="textSecondary"
        noWrap
        title={finding.fix}
      >
        Fix: {finding.fix}
      </Typography>
    </div>
  );
}

/** Findings, worst first; virtualized like the estate list. */
export function FindingsList(props: {
  findings: Finding[];
  serviceArns: Set<string>;
  entities: Map<string, Entity>;
}) {
  const { findings, serviceArns, entities } = props;
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
  return (
    <FixedSizeList
      height={Math.min(MAX_HEIGHT, findings.length * ROW_HEIGHT)}
      width="100%"
      itemCount={findings.length}
      itemSize={ROW_HEIGHT}
      itemData={itemData}
      outerElementType={FindingsListOuter}
    >
      {FindingRow}
    </FixedSizeList>
  );
}
