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

/** Line patterns, so mechanisms stay apart without relying on colour. */
export const MECHANISM_DASH: Record<Mechanism, string | undefined> = {
  connect: undefined,
  dns: '8 4',
  'http-api': '2 4',
  'load-balancer': '10 4 2 4',
  lattice: '1 3',
};
