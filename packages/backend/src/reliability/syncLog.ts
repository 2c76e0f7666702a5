/** One completed sync, as its one-line summary in a backend's log tells it. */
export interface SyncLine {
  startedAt: number;
  endedAt: number;
  scopesOk: number;
  scopes: number;
  services: number;
  calls: number;
}

// 2026-11-22T05:50:03.332Z ecs-networking info ECS networking sync: 4/4 scopes ok, 14 services, 64 AWS calls (...), 1234 ms
const SYNC_LINE =
  /^(\S+Z) ecs-networking info ECS networking sync: (\d+)\/(\d+) scopes ok, (\d+) services, (\d+) AWS calls \(.*\), (\d+) ms/;

export function parseSyncLines(lines: string[]): SyncLine[] {
  return lines.flatMap(line => {
    const m = line.match(SYNC_LINE);
    if (!m) return [];
    const endedAt = Date.parse(m[1]);
    return [
      {
        startedAt: endedAt - Number(m[6]),
        endedAt,
        scopesOk: Number(m[2]),
        scopes: Number(m[3]),
        services: Number(m[4]),
        calls: Number(m[5]),
      },
    ];
  });
}

const PUBLISHED_LINE = /catalog info ECS networking: published (\d+) entities/;

/** Entity counts the catalog module applied, in order. */
export function parsePublished(lines: string[]): number[] {
  return lines.flatMap(line => {
    const m = line.match(PUBLISHED_LINE);
    return m ? [Number(m[1])] : [];
  });
}
