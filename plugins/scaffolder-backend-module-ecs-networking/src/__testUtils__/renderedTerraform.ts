import { parse } from '@cdktf/hcl2json';
import type { DryRunResult } from './backend';

type Block = Record<string, any>;

/** The generated main.tf as hcl2json reads it, with the locals resolved. */
export async function terraform(result: DryRunResult) {
  expect(result.error).toBeUndefined();
  expect(result.status).toBe(200);
  const json: Block = await parse('main.tf', result.files['terraform/main.tf']);
  const one = (type: string) => json.resource?.[type]?.this?.[0] as Block;
  const locals = Object.assign({}, ...(json.locals ?? []));
  const taskDefinition = one('aws_ecs_task_definition');
  const local = /^\$\{jsonencode\(local\.([a-z_]+)\)\}$/.exec(
    taskDefinition.container_definitions,
  )?.[1];
  return {
    json,
    service: one('aws_ecs_service'),
    taskDefinition,
    cloudMap: one('aws_service_discovery_service'),
    containers: (local ? locals[local] : undefined) as Block[],
    data: json.data ?? {},
  };
}
