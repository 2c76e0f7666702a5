/**
 * How EventBridge delivery misbehaves, as it may in AWS: events are
 * delivered at least once, late, and in no guaranteed order, and a target
 * that fails long enough loses them. Rates are fractions of events (0–1).
 *
 * @public
 */
export interface EventFaultConfig {
  /** Share of events never delivered. */
  dropRate: number;
  /** Share of events delivered twice (two messages, one event id). */
  duplicateRate: number;
  /** Share of events held back behind the next one, so the two arrive swapped. */
  reorderRate: number;
  /** Share of events that become visible `delayMs` late. */
  delayRate: number;
  delayMs: number;
  /** Seeds the draws so a faulty run can be replayed. */
  seed: number;
}

/** @public */
export const NO_EVENT_FAULTS: EventFaultConfig = {
  dropRate: 0,
  duplicateRate: 0,
  reorderRate: 0,
  delayRate: 0,
  delayMs: 0,
  seed: 1,
};

export function validateEventFaults(
  partial: Partial<EventFaultConfig>,
): Partial<EventFaultConfig> {
  for (const [name, value] of Object.entries(partial)) {
    if (!(name in NO_EVENT_FAULTS)) {
      throw new TypeError(`unknown event fault setting '${name}'`);
    }
    const number = typeof value === 'number' && value >= 0;
    let valid = number && value <= 1;
    if (name === 'seed') valid = Number.isInteger(value);
    if (name === 'delayMs') valid = number;
    if (!valid) {
      throw new TypeError(
        name.endsWith('Rate')
          ? `${name} must be a number between 0 and 1`
          : `${name} must be a non-negative ${name === 'seed' ? 'integer' : 'number'}`,
      );
    }
  }
  return partial;
}
