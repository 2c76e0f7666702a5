import { runBench } from './runBench';

// Sized for a loaded machine: about 40 s quiet, past 120 s in a CI run beside
// two CPU burners and two other runs.
jest.setTimeout(600_000);

// A short run of the whole harness so it cannot rot; numbers are not judged
// here (CI machines are noisy), only that every part measures something.
describe('benchmark harness (smoke)', () => {
  it('measures calls against the bound, caching, analysis, the API, memory, history and a soak', async () => {
    const results = await runBench({ smoke: true, log: () => {} });
    const [first, second, naive] = results.sync;
    expect(first.run).toBe('first');
    expect(first.failedScopes).toBe(0);
    expect(first.calls).toBeGreaterThanOrEqual(first.lowerBound);
    expect(first.calls).toBeLessThanOrEqual(Math.ceil(first.lowerBound * 1.05));
    expect(second.callsByOperation['ecs:DescribeTaskDefinition'] ?? 0).toBe(0);
    // Instances outside ECS are listed once; unchanged, only their revision is asked again.
    expect(first.callsByOperation['servicediscovery:ListInstances']).toBeGreaterThan(0);
    expect(second.callsByOperation['servicediscovery:ListInstances'] ?? 0).toBe(0);
    expect(second.callsByOperation['servicediscovery:DiscoverInstancesRevision']).toBe(
      first.callsByOperation['servicediscovery:ListInstances'],
    );
    expect(naive.calls).toBeGreaterThan(first.calls);
    expect(results.analysis[0].endpoints).toBeGreaterThan(0);
    expect(results.api.map(a => a.route)).toEqual([
      'GET /lookup',
      'GET /entities/…',
      'GET /changes?hops=1',
      'GET /blast-radius?hops=3',
    ]);
    expect(results.api.every(a => a.errors === 0 && a.p99Ms > 0)).toBe(true);
    // A day of churn, every hour recorded; the most-called services' changes and callers read back.
    const history = results.history!;
    expect(history.generations).toBe(24);
    expect(history.changesRecorded).toBeGreaterThan(0);
    expect(history.changesStored).toBe(history.changesRecorded);
    expect(history.recordMaxMs).toBeGreaterThan(0);
    expect(history.retentionMaxMs).toBeGreaterThan(0);
    expect(history.storageMb.total).toBeGreaterThan(0);
    expect(history.answers!.changesPerEntity).toBeGreaterThan(0);
    expect(history.answers!.blastRadiusCallers).toBeGreaterThan(0);
    const memory = results.memory!;
    expect(memory.peakRssMb).toBeGreaterThan(memory.idleRssMb);
    expect(memory.peakRssMb).toBeGreaterThanOrEqual(memory.syncedRssMb);
    expect(memory.syncedHeapMb).toBeGreaterThan(0);
    const soak = results.soak!;
    expect(soak.syncs.length).toBeGreaterThan(1);
    expect(soak.changes.created + soak.changes.scaled).toBeGreaterThan(0);
    expect(soak.lookups.requests).toBeGreaterThan(0);
    expect(soak.lookups.errors).toEqual({});
    expect(soak.errors).toBe(0);
    expect(soak.syncs.every(s => s.rssMb > 0 && s.services > 0)).toBe(true);
  });
});
