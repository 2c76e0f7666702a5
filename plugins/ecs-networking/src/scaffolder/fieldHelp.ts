/**
 * The line a picker shows under itself when it has nothing more pressing to
 * say (a load error, a value that is not there): the schema's description,
 * else the picker's own default — unless the template gives `ui:help`,
 * which the scaffolder already shows under the field.
 */
export function defaultHelp(
  schema: { description?: string },
  uiSchema: Record<string, unknown> | undefined,
  fallback: string,
): string | undefined {
  if (schema.description) return schema.description;
  return uiSchema?.['ui:help'] ? undefined : fallback;
}
