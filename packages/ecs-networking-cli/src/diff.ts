import { readFile } from 'node:fs/promises';
import { diffFacts, networkFacts } from '@ecs-net/plugin-ecs-networking-common';
import { formatChanges } from './formats/changes';
import { modelFromScanJson, parseScanJson } from './scanModel';
import type { Io } from './run';

async function factsOf(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  return networkFacts(modelFromScanJson(parseScanJson(text, file)));
}

/**
 * `diff before.json after.json`: what changed between two saved scans.
 * Exits like diff(1): 0 when nothing changed, 1 when something did, 2 when
 * a file cannot be read as a scan.
 */
export async function runDiff(files: string[], format: 'table' | 'json', io: Io): Promise<number> {
  let changes;
  try {
    const [before, after] = await Promise.all(files.map(factsOf));
    changes = diffFacts(before, after);
  } catch (error) {
    io.err(`ecs-networking: ${(error as Error).message}\n`);
    return 2;
  }
  if (format === 'json') io.out(`${JSON.stringify({ changes }, null, 2)}\n`);
  else if (changes.length) io.out(`${formatChanges(changes)}\n`);
  else io.out('No changes.\n');
  return changes.length ? 1 : 0;
}
