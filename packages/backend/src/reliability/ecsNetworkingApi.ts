/** The parts of the ecs-networking API responses these tests read. */
export interface StatusBody {
  generation: number;
  scopes: Array<{
    accountId: string;
    region: string;
    lastSuccessAt?: string;
    consecutiveFailures: number;
    stale: boolean;
    counts: { services: number };
  }>;
}

export interface SnapshotsBody {
  generation: number;
  total: number;
  items: Array<{
    accountId: string;
    region: string;
    services: Array<{ arn: string }>;
  }>;
}

export interface NetworkBody {
  generation: number;
  services: Array<{ arn: string }>;
}

/** The demo estate: two accounts × two regions, 15 ECS services. */
export const DEMO_SCOPES = 4;
export const DEMO_SERVICES = 15;

/** How a test reports what it measured, outside jest's console capture. */
export function report(figures: Record<string, unknown>): void {
  process.stdout.write(`[reliability] ${JSON.stringify(figures)}\n`);
}
