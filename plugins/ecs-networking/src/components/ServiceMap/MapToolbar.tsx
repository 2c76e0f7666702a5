import type { NetworkResponse } from '@ecs-net/plugin-ecs-networking-common';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Autocomplete from '@material-ui/lab/Autocomplete';
import GetApp from '@material-ui/icons/GetApp';
import ZoomIn from '@material-ui/icons/ZoomIn';
import ZoomOut from '@material-ui/icons/ZoomOut';
import ZoomOutMap from '@material-ui/icons/ZoomOutMap';
import { useId, useMemo, useState, type RefObject } from 'react';
import type { MapScene } from './drawMap';
import type { MapCanvasHandle } from './MapCanvas';
import { download, EXPORT_FORMATS, exportFile, type ExportFormat } from './mapExport';
import { GROUP_BY_LABELS, type GroupBy, type MapGraph, type MapNode } from './mapGraph';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  search: { width: 320, maxWidth: '100%' },
  option: { overflowWrap: 'anywhere' },
}));

/** A handful of matches is what a person reads; 2,000 options would not render fast. */
const MATCHES_SHOWN = 50;

/**
 * Services whose name or place holds what was typed, up to MATCHES_SHOWN;
 * the text searched is made once per graph, not once per option per key.
 */
function useFilterOptions(graph: MapGraph) {
  return useMemo(() => {
    const searched = new Map(graph.nodes.map(node => [node, `${node.name} ${node.where}`.toLowerCase()]));
    return (options: MapNode[], { inputValue }: { inputValue: string }) => {
      const typed = inputValue.trim().toLowerCase();
      const matches: MapNode[] = [];
      for (const option of options) {
        if (searched.get(option)?.includes(typed)) matches.push(option);
        if (matches.length === MATCHES_SHOWN) break;
      }
      return matches;
    };
  }, [graph]);
}

/** Grouping, search-to-focus, zoom, open or close every group, export. */
export function MapToolbar(props: {
  graph: MapGraph;
  groupBy: GroupBy;
  onGroupBy(groupBy: GroupBy): void;
  onExpandAll(open: boolean): void;
  onFocus(node: number): void;
  canvas: RefObject<MapCanvasHandle>;
  network: NetworkResponse;
  scene?: MapScene;
}) {
  const { graph, canvas, scene, network } = props;
  const classes = useStyles();
  const id = useId();
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const filterOptions = useFilterOptions(graph);
  const [failure, setFailure] = useState<string>();

  const exportAs = async (format: ExportFormat) => {
    setMenu(null);
    if (!scene) return;
    try {
      const { name, blob } = await exportFile(format, network, scene);
      download(name, blob);
      setFailure(undefined);
    } catch (e) {
      setFailure(`Export failed: ${(e as Error).message}`);
    }
  };

  return (
    <div className={classes.bar} role="toolbar" aria-label="Service map">
      <TextField
        id={`${id}-group`}
        select
        label="Group by"
        value={props.groupBy}
        onChange={e => props.onGroupBy(e.target.value as GroupBy)}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
      >
        {(Object.keys(GROUP_BY_LABELS) as GroupBy[]).map(key => (
          <option key={key} value={key}>
            {GROUP_BY_LABELS[key]}
          </option>
        ))}
      </TextField>
      <Autocomplete
        id={`${id}-search`}
        className={classes.search}
        options={graph.nodes}
        filterOptions={filterOptions}
        getOptionLabel={node => node.name}
        renderOption={node => (
          <span className={classes.option}>
            {node.name} <small>({node.where})</small>
          </span>
        )}
        onChange={(_, node) => node && props.onFocus(graph.byArn.get(node.arn)!)}
        renderInput={params => (
          <TextField {...params} label="Find a service" helperText="Opens its group and centres it" />
        )}
      />
      <div>
        <IconButton aria-label="Zoom in" onClick={() => canvas.current?.zoomBy(1.25)}>
          <ZoomIn />
        </IconButton>
        <IconButton aria-label="Zoom out" onClick={() => canvas.current?.zoomBy(0.8)}>
          <ZoomOut />
        </IconButton>
        <IconButton aria-label="Fit the map" onClick={() => canvas.current?.fit()}>
          <ZoomOutMap />
        </IconButton>
      </div>
      <Button onClick={() => props.onExpandAll(true)}>Open all groups</Button>
      <Button onClick={() => props.onExpandAll(false)}>Close all groups</Button>
      <Button
        startIcon={<GetApp />}
        aria-haspopup="menu"
        disabled={!scene}
        onClick={e => setMenu(e.currentTarget)}
      >
        Export
      </Button>
      <Menu anchorEl={menu} open={!!menu} onClose={() => setMenu(null)}>
        {EXPORT_FORMATS.map(({ format, label }) => (
          <MenuItem key={format} onClick={() => exportAs(format)}>
            {label}
          </MenuItem>
        ))}
      </Menu>
      {failure && <span role="alert">{failure}</span>}
    </div>
  );
}
