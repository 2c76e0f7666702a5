import { createHash } from 'node:crypto';

/** A message attribute as SendMessage takes it and ReceiveMessage returns it. */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** Base64 on the JSON protocol. */
  BinaryValue?: string;
}

const md5 = (data: Buffer | string) =>
  createHash('md5').update(data).digest('hex');

export const md5OfBody = (body: string) => md5(body);

function lengthPrefixed(value: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return Buffer.concat([length, value]);
}

/**
 * SQS's digest of message attributes, which the AWS SDK checks on every
 * send and receive: for each attribute in name order, the length-prefixed
 * name and data type, a transport byte (1 string, 2 binary) and the
 * length-prefixed value.
 */
export function md5OfAttributes(
  attributes: Record<string, MessageAttributeValue>,
): string {
  const parts: Buffer[] = [];
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name];
    parts.push(lengthPrefixed(Buffer.from(name, 'utf8')));
    parts.push(lengthPrefixed(Buffer.from(attribute.DataType, 'utf8')));
    if (attribute.BinaryValue !== undefined) {
      parts.push(Buffer.from([2]));
      parts.push(lengthPrefixed(Buffer.from(attribute.BinaryValue, 'base64')));
    } else {
      parts.push(Buffer.from([1]));
      parts.push(lengthPrefixed(Buffer.from(attribute.StringValue ?? '', 'utf8')));
    }
  }
  return md5(Buffer.concat(parts));
}
