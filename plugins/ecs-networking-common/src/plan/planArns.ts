import type { PlannedService } from './types';

/** The ARN a resource of the plan will have (or stands in for it in the analysis). */
export function planArn(
  plan: Pick<PlannedService, 'accountId' | 'region'>,
  service: string,
  resource: string,
): string {
  return `arn:aws:${service}:${plan.region}:${plan.accountId}:${resource}`;
}

/** A name as it may stand in a made-up resource id. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}
