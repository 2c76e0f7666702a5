#!/usr/bin/env node
/**
 * The `ecs-networking` command: scan, lint and ownership lookup of the ECS
 * service network, for people without Backstage and for pipelines.
 *
 * @packageDocumentation
 */
import { run } from './run';

run(process.argv.slice(2), {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  env: process.env,
}).then(code => {
  process.exitCode = code;
});
