import { EventBus } from '../events/EventBus';
import { CredentialStore } from '../iam/CredentialStore';
import { SqsQueues } from '../sqs/SqsQueues';
import { Partition } from './Partition';

/** All accounts and regions the local endpoint serves. */
export class World {
  readonly credentials = new CredentialStore();
  readonly sqs = new SqsQueues();
  /** EventBridge: the changes of every partition, delivered to SQS queues. */
  readonly events = new EventBus(this.sqs);
  private readonly partitions = new Map<string, Partition>();

  /** An account's state in a region; regions come into being on first use, as in AWS. */
  partition(accountId: string, region: string): Partition {
    const key = `${accountId}/${region}`;
    let partition = this.partitions.get(key);
    if (!partition) {
      partition = new Partition(accountId, region);
      this.events.watch(partition);
      this.partitions.set(key, partition);
    }
    return partition;
  }

  listPartitions(): Partition[] {
    return [...this.partitions.values()];
  }
}
