import { parseArgs } from 'node:util';
import {
  blastRadius,
  callGraph,
  createLookupIndex,
  formatDot,
  formatMermaid,
  MAX_HOPS,
  isAtLeast,
  isSeverity,
  Severity,
  TagKeys,
} from '@ecs-net/plugin-ecs-networking-common';
import { formatFindings, formatTable } from './formats/network';
import { renderTable } from './formats/table';
import { formatBlastRadius } from './formats/blastRadius';
import { ENRICHMENTS, Enrichment } from '@ecs-net/plugin-ecs-networking-node';
import { AccountSpec, scanNetwork, ScanResult } from './scan';
import { toScanJson } from './scanJson';
import { runDiff } from './diff';
import { type BackendDiffOptions, parseSince, parseTime, runBackendDiff } from './backendDiff';

/** Changes `diff --since` prints at most unless told: a few pages, enough for an incident's window. */
const DEFAULT_MAX_CHANGES = 2000;

export const USAGE = `Usage: ecs-networking <command> [options]

Commands:
  scan                 read the network and print it
  lint                 print wiring findings; exit 1 when one reaches --fail-on
  who-owns <query>     which service answers on an endpoint, DNS name, IP or ARN
  blast-radius <query> who calls a service (name, cluster/name or ARN) or an
                       endpoint (orders:8080, mysql.app), hop by hop, and
                       their owners
  diff <before> <after>
                       what changed between two saved "scan --format json" files:
                       services, endpoints, edges and findings added, removed
                       or changed; exit 1 when something changed
  diff --since <t> --backend <url>
                       what the backend recorded since <t> (2h, 30m, 7d or an
                       ISO 8601 time), newest first; token from BACKSTAGE_TOKEN

Options:
  --region <r>         region to read; repeat or comma-separate (default: AWS_REGION)
  --account <id[:role]> account to read; with :role, assume that role in it
                       (default: the account of the current credentials)
  --format <f>         scan: json | table | mermaid | dot; diff: json | table
                       (default: table)
  --fail-on <s>        lint: error | warning | info (default: error)
  --hops <n>           blast-radius: hops to follow, 1 – ${MAX_HOPS} (default: 3);
                       diff --entity: also changes up to n calls away (default: 0)
  --backend <url>      diff: the Backstage instance (or ECS_NETWORKING_BACKEND)
  --until <time>       diff --since: end of the window, ISO 8601 (default: now)
  --entity <ref>       diff --since: only this catalog entity's services
  --max-changes <n>    diff --since: print at most the newest n (default: ${DEFAULT_MAX_CHANGES})
  --tag-keys <k=v,..>  tag keys, e.g. owner=team,component=app
  --skip <e,..>        enrichments not to read: metrics, load-balancers,
                       cloud-map-health, cloud-map-revision, ram-shares (for
                       APIs an endpoint lacks or a policy denies)
  -h, --help           show this help

Credentials and endpoints come from the standard AWS chain and variables
(AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...).

Exit codes: 0 ok, 1 findings at --fail-on, no owner found or a diff found
changes, 2 usage error, an account/region could not be read (what was read is
still printed) or a diff input is not a scan.`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

function list(values: string[] | undefined): string[] {
  return (values ?? []).flatMap(v => v.split(',')).map(v => v.trim()).filter(Boolean);
}

function parseAccounts(values: string[]): AccountSpec[] {
  return values.map(value => {
    const [accountId, roleName] = value.split(':');
    if (!/^\d{12}$/.test(accountId)) {
      throw new UsageError(`--account ${value}: expected a 12-digit account id, optionally :role-name`);
    }
    return { accountId, roleName: roleName || undefined };
  });
}

function parseTagKeys(value: string | undefined): Partial<TagKeys> {
  const keys: Partial<TagKeys> = {};
  const allowed = ['owner', 'system', 'lifecycle', 'component', 'dependsOn'];
  for (const pair of list(value ? [value] : [])) {
    const [name, key] = pair.split('=');
    if (!allowed.includes(name) || !key) {
      throw new UsageError(`--tag-keys ${pair}: expected one of ${allowed.join(', ')} = tag key`);
    }
    keys[name as keyof TagKeys] = key;
  }
  return keys;
}

function parseSkip(values: string[] | undefined): Enrichment[] {
  const skip = list(values);
  const unknown = skip.find(e => !(ENRICHMENTS as readonly string[]).includes(e));
  if (unknown) {
    throw new UsageError(`--skip ${unknown}: expected ${ENRICHMENTS.join(', ')}`);
  }
  return skip as Enrichment[];
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} ${value}: expected a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function backendDiffOptions(
  values: Record<string, string | boolean | string[] | undefined>,
  rest: string[],
  env: Io['env'],
): BackendDiffOptions {
  const option = (name: string) => values[name] as string | undefined;
  if (rest.length) throw new UsageError('diff --since reads the backend: it takes no files');
  const backend = option('backend') ?? env.ECS_NETWORKING_BACKEND;
  if (!backend) throw new UsageError('diff --since needs --backend <url> or ECS_NETWORKING_BACKEND');
  if (!/^https?:\/\//.test(backend)) throw new UsageError(`--backend ${backend}: expected an http(s) URL`);
  const since = parseSince(option('since')!);
  if (!since) throw new UsageError(`--since ${option('since')}: expected 2h, 30m, 7d or an ISO 8601 time`);
  const untilText = option('until');
  const until = untilText === undefined ? undefined : parseTime(untilText);
  if (untilText !== undefined && !until) {
    throw new UsageError(`--until ${untilText}: expected an ISO 8601 time`);
  }
  const entityRef = option('entity');
  const hops = option('hops') === undefined ? undefined : wholeNumber('--hops', option('hops')!, 0, MAX_HOPS);
  if (hops && !entityRef) throw new UsageError('--hops: diff --since takes hops with --entity');
  const format = option('format');
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format ${format}: diff prints json or table`);
  return {
    backend,
    query: { since, until, entityRef, hops },
    max: wholeNumber('--max-changes', option('max-changes') ?? String(DEFAULT_MAX_CHANGES), 1, 1_000_000),
    format,
  };
}

/** Runs one CLI invocation; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        region: { type: 'string', multiple: true },
        account: { type: 'string', multiple: true },
        format: { type: 'string', default: 'table' },
        'fail-on': { type: 'string', default: 'error' },
        'tag-keys': { type: 'string' },
        skip: { type: 'string', multiple: true },
        hops: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        entity: { type: 'string' },
        backend: { type: 'string' },
        'max-changes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }

  // Reads the backend, not AWS.
  if (command === 'diff' && values.since !== undefined) {
    let options;
    try {
      options = backendDiffOptions(values, rest, io.env);
    } catch (error) {
      io.err(`ecs-networking: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    return runBackendDiff(options, io);
  }

  // Reads files, not AWS.
  if (command === 'diff') {
    if (rest.length !== 2 || !['json', 'table'].includes(values.format!)) {
      io.err(`ecs-networking: diff takes two scan files and --format json or table\n\n${USAGE}\n`);
      return 2;
    }
    return runDiff(rest, values.format as 'json' | 'table', io);
  }

  let result: ScanResult;
  let hops: number;
  try {
    if (!['scan', 'lint', 'who-owns', 'blast-radius'].includes(command)) {
      throw new UsageError(`unknown command "${command}"`);
    }
    if (['who-owns', 'blast-radius'].includes(command) && rest.length !== 1) {
      throw new UsageError(`${command} takes exactly one query`);
    }
    hops = wholeNumber('--hops', values.hops ?? '3', 1, MAX_HOPS);
    if (!['json', 'table', 'mermaid', 'dot'].includes(values.format!)) {
      throw new UsageError(`--format ${values.format}: expected json, table, mermaid or dot`);
    }
    if (!isSeverity(values['fail-on'])) {
      throw new UsageError(`--fail-on ${values['fail-on']}: expected error, warning or info`);
    }
    const regions = list(values.region);
    if (regions.length === 0 && io.env.AWS_REGION) regions.push(io.env.AWS_REGION);
    if (regions.length === 0) throw new UsageError('no region: pass --region or set AWS_REGION');
    result = await scanNetwork({
      accounts: parseAccounts(list(values.account)),
      regions,
      tagKeys: parseTagKeys(values['tag-keys']),
      skip: parseSkip(values.skip),
    });
  } catch (error) {
    io.err(
      error instanceof UsageError
        ? `ecs-networking: ${error.message}\n\n${USAGE}\n`
        : `ecs-networking: ${(error as Error).message}\n`,
    );
    return 2;
  }

  const failed = result.scopes.filter(scope => scope.error);
  for (const scope of result.scopes) {
    const where = `${scope.accountId}/${scope.region}`;
    if (scope.error) io.err(`ecs-networking: ${where} ${scope.error}\n`);
    for (const note of [...scope.skipped, ...scope.anomalies]) {
      io.err(`ecs-networking: ${where}: ${note}\n`);
    }
  }
  const readCount = result.scopes.length - failed.length;
  const unread = failed.map(scope => `${scope.accountId}/${scope.region}`).join(', ');

  if (command === 'scan') {
    const { model } = result;
    const render = {
      json: () => `${JSON.stringify(toScanJson(model, result.scopes), null, 2)}\n`,
      table: () => formatTable(model),
      mermaid: () => formatMermaid(model),
      dot: () => formatDot(model),
    }[values.format as 'json' | 'table' | 'mermaid' | 'dot'];
    io.out(render());
    if (failed.length) {
      io.err(`ecs-networking: ${failed.length} of ${result.scopes.length} scopes not read (${unread}); the output holds the others\n`);
    }
    return failed.length ? 2 : 0;
  }

  if (command === 'lint') {
    const threshold = values['fail-on'] as Severity;
    const findings = result.model.findings;
    if (findings.length) io.out(`${formatFindings(result.model)}\n`);
    else if (readCount > 0) io.out(`No findings in the ${readCount} scope(s) read.\n`);
    if (failed.length) {
      io.err(`ecs-networking: could not lint ${unread}: not read\n`);
      return 2;
    }
    const failing = findings.filter(f => isAtLeast(f.severity, threshold));
    return failing.length ? 1 : 0;
  }

  const matches = createLookupIndex(result.model, result.snapshots).lookup(rest[0]);
  const incomplete = failed.length
    ? `; the answer may be incomplete: ${unread} could not be read`
    : '';
  if (matches.length === 0) {
    io.err(`ecs-networking: nothing answers on "${rest[0]}" in what was read${incomplete}\n`);
    return failed.length ? 2 : 1;
  }
  if (failed.length) io.err(`ecs-networking: ${incomplete.slice(2)}\n`);
  if (command === 'blast-radius') {
    // A service named or an ARN given: all its callers. An endpoint or DNS
    // name: the callers of that endpoint only (then theirs).
    const services = matches.filter(m => m.matchedBy === 'service-name' || m.matchedBy === 'arn');
    const target = services.length
      ? { serviceArns: services.map(m => m.service.arn) }
      : { endpointIds: [...new Set(matches.flatMap(m => (m.endpoint ? [m.endpoint.id] : [])))] };
    io.out(`${formatBlastRadius(blastRadius(callGraph(result.model), target, hops))}\n`);
    return failed.length ? 2 : 0;
  }
  io.out(
    `${renderTable(
      ['SERVICE', 'OWNER', 'ACCOUNT/REGION', 'CLUSTER', 'MATCHED BY', 'ARN'],
      matches.map(m => [
        m.service.name,
        m.service.owner ?? '-',
        `${m.service.accountId}/${m.service.region}`,
        m.service.cluster,
        m.endpoint ? `${m.matchedBy} ${m.endpoint.name}` : m.matchedBy,
        m.service.arn,
      ]),
    )}\n`,
  );
  return failed.length ? 2 : 0;
}
