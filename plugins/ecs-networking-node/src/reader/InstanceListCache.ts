import type { CloudMapInstanceInfo } from '@ecs-net/plugin-ecs-networking-common';

/** An instance as ListInstances gives it: what the revision covers (not health). */
export type ListedInstance = Omit<CloudMapInstanceInfo, 'health'>;

/**
 * The instances last listed of each Cloud Map service ECS does not register,
 * with the `InstancesRevision` they were listed at. Cloud Map moves the
 * revision whenever an instance is registered or deregistered (not when its
 * health changes), so an unchanged revision means the list is still right.
 * Kept per account × region for the reader's lifetime.
 */
export class InstanceListCache {
  private readonly lists = new Map<
    string,
    { revision: number; instances: ListedInstance[] }
  >();

  /** The instances listed at `revision`, if that is the one held. */
  at(serviceArn: string, revision: number): ListedInstance[] | undefined {
    const held = this.lists.get(serviceArn);
    return held?.revision === revision ? held.instances : undefined;
  }

  set(serviceArn: string, revision: number, instances: ListedInstance[]): void {
    this.lists.set(serviceArn, { revision, instances });
  }

  /** Forgets services no longer listed, so a deleted one costs no memory. */
  keepOnly(serviceArns: Iterable<string>): void {
    const kept = new Set(serviceArns);
    for (const arn of this.lists.keys())
      if (!kept.has(arn)) this.lists.delete(arn);
  }
}
