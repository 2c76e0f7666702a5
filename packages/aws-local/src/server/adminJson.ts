import { ServerResponse } from 'node:http';

/** Answers a local (non-AWS) route with pretty-printed JSON. */
export function json(
  res: ServerResponse,
  status: number,
  value: unknown,
): void {
  const body = JSON.stringify(value, null, 2);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}
