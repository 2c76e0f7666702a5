import type { Theme } from '@material-ui/core/styles';
import type { Mechanism } from '@ecs-net/plugin-ecs-networking-common';

/** Theme colours, so both light and dark themes keep their contrast. */
export function mechanismColor(theme: Theme, mechanism: Mechanism): string {
  switch (mechanism) {
    case 'connect':
      return theme.palette.primary.main;
    case 'dns':
      return theme.palette.secondary.main;
    case 'http-api':
      return theme.palette.info.main;
    default:
      return theme.palette.success.main;
  }
}

/**
 * Line patterns in pixels (dash, gap, …), so mechanisms stay apart without
 * relying on colour: the legend, the neighbourhood graph and the map draw
 * them alike.
 */
export const MECHANISM_DASH_PATTERN: Record<Mechanism, number[]> = {
  connect: [],
  dns: [8, 4],
  'http-api': [2, 4],
  'load-balancer': [10, 4, 2, 4],
  lattice: [1, 3],
};

/** The patterns as SVG's stroke-dasharray; none for a solid line. */
export const MECHANISM_DASH = Object.fromEntries(
  Object.entries(MECHANISM_DASH_PATTERN).map(([m, pattern]) => [m, pattern.length ? pattern.join(' ') : undefined]),
) as Record<Mechanism, string | undefined>;
