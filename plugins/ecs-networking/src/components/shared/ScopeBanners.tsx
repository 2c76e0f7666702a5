import type { ScopeStatus } from '@ecs-net/plugin-ecs-networking-common';
import { RemovalPendingBanner } from './RemovalPendingBanner';
import { ScopeNotesBanner } from './ScopeNotesBanner';
import { ScopeStatusBanner } from './ScopeStatusBanner';

/**
 * What every view of the network says about the reads behind it, most
 * urgent first: services about to leave the catalog, data out of date,
 * details that could not be read.
 */
export function ScopeBanners(props: { scopes: ScopeStatus[] }) {
  return (
    <>
      <RemovalPendingBanner scopes={props.scopes} />
      <ScopeStatusBanner scopes={props.scopes} />
      <ScopeNotesBanner scopes={props.scopes} />
    </>
  );
}
