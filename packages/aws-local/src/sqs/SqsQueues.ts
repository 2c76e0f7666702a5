import { QueueSettings, SqsQueue } from './SqsQueue';
import { sqsErrors } from './sqsErrors';

const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,80}$/;
const ARN_PATTERN = /^arn:aws[\w-]*:sqs:([a-z0-9-]+):(\d{12}):([^:]+)$/;

/** The SQS queues of every account × region, by owner, region and name. */
export class SqsQueues {
  private readonly queues = new Map<string, SqsQueue>();

  /** Creates the queue, or returns it when it exists with the same settings (as CreateQueue does). */
  create(
    accountId: string,
    region: string,
    name: string,
    settings: Partial<QueueSettings> = {},
  ): SqsQueue {
    if (!NAME_PATTERN.test(name)) {
      throw sqsErrors.invalidParameterValue(
        'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    const existing = this.find(accountId, region, name);
    if (existing) {
      const differs = (Object.keys(settings) as Array<keyof QueueSettings>).some(
        setting => existing.settings[setting] !== settings[setting],
      );
      if (differs) throw sqsErrors.queueNameExists(name);
      return existing;
    }
    const queue = new SqsQueue(accountId, region, name, settings);
    this.queues.set(key(accountId, region, name), queue);
    return queue;
  }

  /** Creates the queue an ARN names, if it does not exist yet. */
  ensure(arn: string): SqsQueue {
    const match = ARN_PATTERN.exec(arn);
    if (!match) throw new TypeError(`'${arn}' is not an SQS queue ARN`);
    const [, region, accountId, name] = match;
    return this.create(accountId, region, name);
  }

  find(accountId: string, region: string, name: string): SqsQueue | undefined {
    return this.queues.get(key(accountId, region, name));
  }

  delete(queue: SqsQueue): void {
    this.queues.delete(key(queue.accountId, queue.region, queue.name));
  }

  list(accountId: string, region: string): SqsQueue[] {
    return [...this.queues.values()].filter(
      q => q.accountId === accountId && q.region === region,
    );
  }
}

function key(accountId: string, region: string, name: string): string {
  return `${accountId}/${region}/${name}`;
}

/** The owner and name a queue URL's path gives (`/<account>/<name>`), whatever its host. */
export function parseQueueUrl(url: string): { accountId: string; name: string } {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    throw sqsErrors.invalidAddress(url);
  }
  const match = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
  if (!match) throw sqsErrors.invalidAddress(url);
  return { accountId: match[1], name: match[2] };
}

/** A queue's URL on the endpoint at `origin` (`http://host:port`). */
export function queueUrl(origin: string, queue: SqsQueue): string {
  return `${origin}/${queue.accountId}/${queue.name}`;
}
