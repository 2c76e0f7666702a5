import { CredentialStore } from '../iam/CredentialStore';
import { Partition } from './Partition';

/** All accounts and regions the local endpoint serves. */
export class World {
  readonly credentials = new CredentialStore();
  private readonly partitions = new Map<string, Partition>();

  /** An account's state in a region; regions come into being on first use, as in AWS. */
  partition(accountId: string, region: string): Partition {
    const key = `${accountId}/${region}`;
    let partition = this.partitions.get(key);
    if (!partition) {
      partition = new Partition(accountId, region);
      this.partitions.set(key, partition);
    }
    return partition;
  }

  listPartitions(): Partition[] {
    return [...this.partitions.values()];
  }
}
