import { EventBus } from '../events/EventBus';
import { CredentialStore } from '../iam/CredentialStore';
import { ResourceShares } from '../ram/ResourceShares';
import { SqsQueues } from '../sqs/SqsQueues';
import { Partition } from './Partition';
import { SharedNamespace, SharedNamespaces } from './SharedNamespaces';

/** All accounts and regions the local endpoint serves. */
export class World {
  readonly credentials = new CredentialStore();
  /** AWS RAM: the one state that joins accounts. */
  readonly shares = new ResourceShares();
  readonly sqs = new SqsQueues();
  /** EventBridge: the changes of every partition, delivered to SQS queues. */
  readonly events = new EventBus(this.sqs);
  private readonly partitions = new Map<string, Partition>();

  /** An account's state in a region; regions come into being on first use, as in AWS. */
  partition(accountId: string, region: string): Partition {
    const key = `${accountId}/${region}`;
    let partition = this.partitions.get(key);
    if (!partition) {
      partition = new Partition(
        accountId,
        region,
        this.sharedNamespaces(accountId, region),
      );
      this.events.watch(partition);
      this.partitions.set(key, partition);
    }
    return partition;
  }

  listPartitions(): Partition[] {
    return [...this.partitions.values()];
  }

  /**
   * The namespaces shared with an account in a region. A namespace is
   * shared only within its region (its ARN's), as RAM and Cloud Map do.
   */
  private sharedNamespaces(accountId: string, region: string): SharedNamespaces {
    const resolve = (arn: string): SharedNamespace | undefined => {
      const owner = /^arn:aws[\w-]*:servicediscovery:([^:]+):(\d{12}):namespace\//.exec(
        arn,
      );
      if (!owner || owner[1] !== region || owner[2] === accountId) return undefined;
      if (this.shares.grants(arn, accountId).length === 0) return undefined;
      const registry = this.partitions.get(`${owner[2]}/${region}`)?.cloudMap;
      const namespace = registry?.findNamespace(arn);
      return registry && namespace ? { namespace, registry } : undefined;
    };
    return {
      byArn: resolve,
      list: () =>
        this.shares
          .sharedWith(accountId, region)
          .flatMap(arn => resolve(arn) ?? []),
    };
  }
}
