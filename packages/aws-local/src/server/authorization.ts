import { IncomingMessage } from 'node:http';

/** The parts of a SigV4 credential scope the endpoint acts on. */
export interface CredentialScope {
  accessKeyId: string;
  region: string;
  signingName: string;
  sessionToken?: string;
}

const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

/**
 * Reads who signed the request and for which region from the SigV4
 * Authorization header (or a presigned URL's X-Amz-Credential). Signatures
 * are not verified: the access key only selects the account.
 */
export function readCredentialScope(
  req: IncomingMessage,
  url: URL,
): CredentialScope | undefined {
  const header = req.headers.authorization;
  const fromHeader = typeof header === 'string' ? SCOPE.exec(header) : null;
  const presigned = url.searchParams.get('X-Amz-Credential');
  const match =
    fromHeader ?? (presigned ? SCOPE.exec(`Credential=${presigned}`) : null);
  if (!match) {
    return undefined;
  }
  const token =
    req.headers['x-amz-security-token'] ??
    url.searchParams.get('X-Amz-Security-Token');
  return {
    accessKeyId: match[1],
    region: match[2],
    signingName: match[3],
    sessionToken: typeof token === 'string' ? token : undefined,
  };
}
