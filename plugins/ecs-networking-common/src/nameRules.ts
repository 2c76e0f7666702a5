/**
 * Name rules for what a person types into a template, checked both by the
 * frontend's form fields and by the scaffolder actions, so that a name the
 * form accepts is one the action accepts. Every pattern is anchored and uses
 * a closed character set, so path separators, `..`, quotes, whitespace and
 * shell metacharacters never pass.
 */

/** A syntax rule: the pattern, and what to tell a person when it fails. @public */
export interface NameRule {
  pattern: RegExp;
  maxLength: number;
  message: string;
}

const RFC1123_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/**
 * One DNS label per RFC 1123: a Service Connect discovery name, a Service
 * Discovery (Cloud Map) service name.
 *
 * @public
 */
export const DNS_LABEL: NameRule = {
  pattern: new RegExp(`^${RFC1123_LABEL}$`),
  maxLength: 63,
  message:
    'must be a DNS label (RFC 1123): 1-63 lowercase letters, digits and "-", starting and ending with a letter or digit',
};

/**
 * A DNS name of RFC 1123 labels: a Service Connect client alias, a namespace
 * name. At most 253 characters, each label at most 63.
 *
 * @public
 */
export const DNS_NAME: NameRule = {
  pattern: new RegExp(
    `^(?=.{1,253}$)${RFC1123_LABEL}(?:\\.${RFC1123_LABEL})*$`,
  ),
  maxLength: 253,
  message:
    'must be a DNS name (RFC 1123): dot-separated labels of 1-63 lowercase letters, digits and "-" (not at either end of a label), 253 characters at most',
};

/**
 * An endpoint name as the network model spells it (`order-service:8080`,
 * `mysql.app`), optionally written as a URL (`http://order-service:8080`).
 * Endpoint hosts may hold `_` (SRV-style labels), unlike names we create.
 *
 * @public
 */
export const ENDPOINT_NAME: NameRule = {
  pattern:
    /^(?:[a-z][a-z0-9+.-]{0,15}:\/\/)?(?=[a-z0-9_])[a-z0-9_.-]{1,253}(?::\d{1,5})?$/,
  maxLength: 280,
  message:
    'must be an endpoint name such as order-service:8080 or mysql.app (lowercase host, optional :port, optional http:// prefix)',
};

/** Whether `value` passes `rule`. @public */
export function matchesNameRule(rule: NameRule, value: string): boolean {
  return value.length <= rule.maxLength && rule.pattern.test(value);
}
