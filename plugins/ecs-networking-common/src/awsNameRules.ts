/**
 * Name rules for the AWS names a person types into a template, shared by the
 * scaffolder actions' zod schemas (which become the JSON Schema the
 * scaffolder checks before a step runs), the Terraform checks (which read
 * the same names out of HCL) and the scaffolder form's plan check. Every
 * pattern is anchored and uses a closed character set, so path separators,
 * `..`, quotes, whitespace and shell metacharacters never pass.
 */

import { DNS_NAME, type NameRule } from './nameRules';

/** ECS cluster, service, container and task definition family names. @public */
export const ECS_NAME: NameRule = {
  pattern: /^[A-Za-z0-9_-]{1,255}$/,
  maxLength: 255,
  message:
    'must be 1-255 characters of letters, digits, "-" and "_" (the ECS rule for cluster, service and container names); "/", ".", spaces and shell characters are not allowed',
};

/** `portMappings[].name`, which Service Connect's `portName` must equal. @public */
export const PORT_NAME: NameRule = {
  pattern: /^[a-z0-9_][a-z0-9_-]{0,63}$/,
  maxLength: 64,
  message:
    'must be 1-64 characters of lowercase letters, digits, "-" and "_", not starting with "-" (the ECS rule for port mapping names)',
};

/** A Cloud Map namespace ARN. @public */
export const NAMESPACE_ARN: NameRule = {
  pattern:
    /^arn:aws[a-z-]*:servicediscovery:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:namespace\/ns-[a-z0-9-]{1,64}$/,
  maxLength: 200,
  message:
    'must be a Cloud Map namespace ARN (arn:aws:servicediscovery:REGION:ACCOUNT:namespace/ns-...)',
};

/** A namespace by DNS name or ARN; empty means "not given". @public */
export const NAMESPACE_REF: NameRule = {
  pattern: new RegExp(
    `^(?:|${DNS_NAME.pattern.source.slice(
      1,
      -1,
    )}|${NAMESPACE_ARN.pattern.source.slice(1, -1)})$`,
  ),
  maxLength: 253,
  message:
    'must be a namespace name (a DNS name such as sc.local) or a Cloud Map namespace ARN',
};

/** An ECS service ARN (long form, with the cluster). @public */
export const SERVICE_ARN: NameRule = {
  pattern:
    /^arn:aws[a-z-]*:ecs:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:service\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}$/,
  maxLength: 600,
  message:
    'must be an ECS service ARN (arn:aws:ecs:REGION:ACCOUNT:service/CLUSTER/SERVICE)',
};

/** An AWS Private CA ARN, the issuer of Service Connect TLS certificates. @public */
export const PCA_ARN: NameRule = {
  pattern:
    /^arn:aws[a-z-]*:acm-pca:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:certificate-authority\/[A-Za-z0-9-]{1,64}$/,
  maxLength: 200,
  message:
    'must be an AWS Private CA ARN (arn:aws:acm-pca:REGION:ACCOUNT:certificate-authority/ID)',
};

/** A KMS key ARN (Service Connect TLS encrypts its private keys with it). @public */
export const KMS_KEY_ARN: NameRule = {
  pattern:
    /^arn:aws[a-z-]*:kms:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:key\/[A-Za-z0-9-]{1,128}$/,
  maxLength: 250,
  message: 'must be a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID)',
};

/** An IAM role ARN. @public */
export const ROLE_ARN: NameRule = {
  pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9+=,.@_/-]{1,512}$/,
  maxLength: 600,
  message:
    'must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), of letters, digits and + = , . @ _ / -',
};

/** @public */
export const ACCOUNT_ID: NameRule = {
  pattern: /^\d{12}$/,
  maxLength: 12,
  message: 'must be a 12-digit AWS account id',
};

/** @public */
export const REGION: NameRule = {
  pattern: /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/,
  maxLength: 32,
  message: 'must be an AWS region code such as eu-west-1',
};

/**
 * AWS tag keys a user may set: `aws:` is reserved for AWS's own tags, which
 * no API call or Terraform apply may write. @public
 */
export const TAG_KEY: NameRule = {
  pattern: /^(?!aws:)[A-Za-z0-9 _.:/=+@-]{1,128}$/,
  maxLength: 128,
  message:
    'must be 1 to 128 characters of letters, digits, spaces and _ . : / = + @ -, not starting with aws: (the AWS tag key rule)',
};

/** AWS tag values (owner, system, lifecycle, component). @public */
export const TAG_VALUE: NameRule = {
  pattern: /^[A-Za-z0-9 _.:/=+@-]{0,256}$/,
  maxLength: 256,
  message:
    'must be at most 256 characters of letters, digits, spaces and _ . : / = + @ - (the AWS tag value rule)',
};
