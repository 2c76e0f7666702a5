import { forwardRef, type HTMLAttributes } from 'react';

/**
 * The scroll container of a virtualized list, as a labelled list. Rows
 * outside the view are not rendered, so tabbing cannot reach them; a
 * focusable container lets keyboard users scroll with the arrow and page keys
 * instead.
 */
export function focusableListOuter(label: string) {
  const Outer = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
    (props, ref) => (
      // A scrollable region must be focusable to be scrolled by keyboard
      // (axe: scrollable-region-focusable), whatever its role.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      <div ref={ref} tabIndex={0} role="list" aria-label={label} {...props} />
    ),
  );
  Outer.displayName = 'FocusableListOuter';
  return Outer;
}
