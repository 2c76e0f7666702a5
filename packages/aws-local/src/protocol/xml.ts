export type XmlValue =
  | string
  | number
  | boolean
  | Date
  | undefined
  | XmlValue[]
  | { [name: string]: XmlValue };

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Writes one element; lists become repeated `<member>` children as awsQuery does. */
export function xmlElement(
  name: string,
  value: XmlValue,
  attributes = '',
): string {
  if (value === undefined) return '';
  const open = `<${name}${attributes}>`;
  const close = `</${name}>`;
  if (value instanceof Date) return `${open}${value.toISOString()}${close}`;
  if (Array.isArray(value))
    return `${open}${value.map(v => xmlElement('member', v)).join('')}${close}`;
  if (typeof value === 'object') {
    return `${open}${Object.entries(value)
      .map(([k, v]) => xmlElement(k, v))
      .join('')}${close}`;
  }
  return `${open}${escape(String(value))}${close}`;
}
