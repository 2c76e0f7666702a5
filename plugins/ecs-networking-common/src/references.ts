/*
 * Secret safety.
 *
 * Container environment values, commands and entry points can hold passwords,
 * tokens and connection strings. This module is the one place that reads them,
 * and it is built so that nothing but an address can come out:
 *
 * - Output is assembled from parsed, validated parts (scheme, host, port,
 *   path); nothing else of the input is copied, so text around an address
 *   cannot ride along.
 * - A token counts only if it is shaped like an address: `scheme://host`,
 *   `host:port` (numeric port), or a dotted lowercase DNS name. A bare word
 *   (`production`, `ecsnet-canary-7f3a9b`) is never a reference.
 * - URL user info is cut at the last `@` of the URL, so a password containing
 *   `/`, `?`, `#`, `,` or `;` still falls inside the cut. Query strings and
 *   fragments are dropped and never scanned for further names.
 * - Path segments stop at the first one that looks like an id or a token
 *   (long, or mixing digits into 12+ characters): webhook URLs carry secrets
 *   in their paths.
 * - Bare dotted names mixing upper and lower case are refused: that is the
 *   shape of JWTs and base64, not of host names.
 * - Variables named like secrets (`DB_PASSWORD`, `API_TOKEN`) yield nothing,
 *   unless the name says it holds an address (`..._URL`, `..._HOST`).
 *
 * `filterReferences` then keeps only what names one of our endpoints or looks
 * internal, so external hosts (`api.stripe.com`) and stray file names never
 * leave the reader either.
 */
import type { Endpoint } from './model';
import type {
  ContainerReference,
  ReferenceSource,
  ScopeSnapshot,
} from './snapshot';
import { buildEndpointsFromIndex } from './endpoints';
import { createEndpointIndex, EndpointIndex } from './endpointIndex';
import {
  isHostname,
  isIpv4,
  isLoopback,
  isSingleLabel,
  normalizeHost,
  parsePort,
} from './names';
import { findSchemes } from './schemes';
import { createScopeIndex } from './scopeIndex';

const CHUNK_SEPARATORS = /[\s,;"'`()<>[\]{}|]+/;
const SECRET_VARIABLE =
  /(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE_?KEY|API_?KEY|ACCESS_?KEY)/i;
const ADDRESS_VARIABLE = /(URL|URI|HOST|HOSTNAME|ENDPOINT|ADDR|ADDRESS|DSN)$/i;

function isSecretVariable(source: ReferenceSource): boolean {
  return (
    source.kind === 'environment' &&
    SECRET_VARIABLE.test(source.variable) &&
    !ADDRESS_VARIABLE.test(source.variable)
  );
}

function looksLikeSecretSegment(segment: string): boolean {
  return segment.length > 40 || (segment.length >= 12 && /\d/.test(segment));
}

function safePath(rawPath: string): string {
  if (!rawPath || rawPath === '/') return '';
  const kept: string[] = [];
  for (const segment of rawPath.split('/').slice(1)) {
    if (looksLikeSecretSegment(segment) || !/^[\w.~%+-]*$/.test(segment)) break;
    kept.push(segment);
  }
  return kept.length > 0 ? `/${kept.join('/')}` : '';
}

function makeReference(
  host: string,
  port: number | undefined,
  scheme: string | undefined,
  path: string,
  source: ReferenceSource,
): ContainerReference {
  const authority = port === undefined ? host : `${host}:${port}`;
  const reference: ContainerReference = {
    text: `${scheme ? `${scheme}://` : ''}${authority}${path}`,
    host,
    source: { ...source },
  };
  if (port !== undefined) reference.port = port;
  if (scheme) reference.scheme = scheme;
  return reference;
}

/** `host[:port]` as written after a scheme, with no user info left. */
function parseAuthority(
  authority: string,
): { host: string; port?: number } | undefined {
  const colon = authority.lastIndexOf(':');
  const rawHost = colon < 0 ? authority : authority.slice(0, colon);
  const host = normalizeHost(rawHost);
  if (!isHostname(host) && !isIpv4(host)) return undefined;
  if (colon < 0) return { host };
  const port = parsePort(authority.slice(colon + 1));
  return port === undefined ? undefined : { host, port };
}

/** A token outside any URL: `mysql.app:3306`, `orders.sc.local/api`. */
function parseBareToken(
  token: string,
  source: ReferenceSource,
): ContainerReference | undefined {
  let text = token;
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1).replace(/^\/\//, '');
  const slash = text.indexOf('/');
  const authority = slash < 0 ? text : text.slice(0, slash);
  const path = slash < 0 ? '' : text.slice(slash).replace(/[?#].*$/, '');
  const parsed = parseAuthority(authority);
  if (!parsed) return undefined;
  if (parsed.port === undefined) {
    const rawHost = authority.replace(/\.$/, '');
    const dotted = !isSingleLabel(parsed.host);
    const mixedCase = /[a-z]/.test(rawHost) && /[A-Z]/.test(rawHost);
    if (!dotted || mixedCase) return undefined;
  }
  return makeReference(
    parsed.host,
    parsed.port,
    undefined,
    safePath(path),
    source,
  );
}

function scanBareTokens(
  text: string,
  source: ReferenceSource,
  into: ContainerReference[],
): void {
  for (const chunk of text.split(CHUNK_SEPARATORS)) {
    // Cut a query or fragment before splitting `--flag=value` pairs, so a
    // query value never stands alone as a token.
    for (const token of chunk.replace(/[?#].*$/, '').split('=')) {
      if (!token) continue;
      const reference = parseBareToken(token, source);
      if (reference) into.push(reference);
    }
  }
}

/**
 * The part of a URL after `scheme://`, up to the next whitespace or the next
 * URL. Returns the references it holds (a host list such as MongoDB's gives
 * several).
 */
function parseUrlSegment(
  scheme: string,
  segment: string,
  source: ReferenceSource,
  into: ContainerReference[],
): void {
  const at = segment.lastIndexOf('@');
  const rest = at >= 0 ? segment.slice(at + 1) : segment;
  const authorityEnd = rest.search(/[/?#]/);
  const authorityRegion = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  // `host1:27017,host2:27017` or `host:1433;databaseName=shop`.
  const [first, ...others] = authorityRegion.split(/[,;]/);
  const parsed = parseAuthority(first);
  let path = '';
  if (authorityEnd >= 0 && rest[authorityEnd] === '/') {
    const pathRegion = rest.slice(authorityEnd);
    const pathEnd = pathRegion.search(/[?#,;]/);
    path = pathEnd < 0 ? pathRegion : pathRegion.slice(0, pathEnd);
    // `?` and `#` open a query or fragment, which is never scanned; `,` and
    // `;` open further list items or connection-string parameters.
    if (pathEnd >= 0 && /[,;]/.test(pathRegion[pathEnd])) {
      others.push(...pathRegion.slice(pathEnd + 1).split(/[,;]/));
    }
  }
  if (parsed) {
    into.push(
      makeReference(parsed.host, parsed.port, scheme, safePath(path), source),
    );
  }
  // Inside one URL a bare word or dotted name may be a parameter value
  // (`password=my.pass`), so only `host:port` items count there.
  for (const other of others) {
    const reference = parseBareToken(other, source);
    if (reference?.port !== undefined) into.push(reference);
  }
}

/**
 * Address-shaped tokens in one container environment value, command or entry
 * point: `http://orders:8080/api`, `jdbc:mysql://mysql.app/shop`,
 * `mysql.app:3306`, `orders.sc.local`. Credentials, query strings and
 * fragments are removed; nothing else of the value is kept.
 *
 * @public
 */
export function extractReferences(
  value: string,
  source: ReferenceSource,
): ContainerReference[] {
  if (!value || isSecretVariable(source)) return [];
  const references: ContainerReference[] = [];
  const urls = findSchemes(value);
  let cursor = 0;
  urls.forEach((match, i) => {
    const start = match.index;
    scanBareTokens(value.slice(cursor, start), source, references);
    const segmentStart = match.end;
    const nextUrl = i + 1 < urls.length ? urls[i + 1].index : value.length;
    const whitespace = value.slice(segmentStart, nextUrl).search(/\s/);
    const segmentEnd = whitespace < 0 ? nextUrl : segmentStart + whitespace;
    parseUrlSegment(
      match.scheme.toLowerCase(),
      value.slice(segmentStart, segmentEnd),
      source,
      references,
    );
    cursor = segmentEnd;
  });
  scanBareTokens(value.slice(cursor), source, references);
  return references;
}

/** What references are checked against: known endpoints and namespace names. */
export interface ReferenceIndex {
  /** Endpoints the reference can mean (host case-insensitive, port rules per mechanism). */
  resolve(reference: Pick<ContainerReference, 'host' | 'port'>): Endpoint[];
  /** Lower-case names of every known Cloud Map namespace. */
  namespaceNames: ReadonlySet<string>;
}

export function referenceIndexFrom(
  endpoints: EndpointIndex,
  namespaceNames: Iterable<string>,
): ReferenceIndex {
  return {
    resolve: reference => endpoints.match(reference.host, reference.port),
    namespaceNames: new Set([...namespaceNames].map(normalizeHost)),
  };
}

/**
 * The endpoints and namespaces of the given snapshots. Pass every scope you
 * have (other accounts' last good snapshots too), so a DNS name served in
 * another account is still recognised.
 *
 * @public
 */
export function createReferenceIndex(
  snapshots: ScopeSnapshot[],
): ReferenceIndex {
  const scopes = createScopeIndex(snapshots);
  return referenceIndexFrom(
    createEndpointIndex(buildEndpointsFromIndex(scopes), scopes),
    scopes.namespaces.map(ns => ns.item.name),
  );
}

/** Whether a host lies under one of the (lower-case) namespace names. */
export function endsWithNamespace(
  host: string,
  names: ReadonlySet<string>,
): boolean {
  for (
    let dot = host.indexOf('.');
    dot >= 0;
    dot = host.indexOf('.', dot + 1)
  ) {
    if (names.has(host.slice(dot + 1))) return true;
  }
  return false;
}

/**
 * A reference that names nothing known but is still ours to report: a
 * Service-Connect-like short name used as an address (`http://orders`,
 * `orders:8080`), or a name under one of our namespaces. Loopback and IP
 * addresses are not names of anything.
 *
 * @public
 */
export function looksInternal(
  reference: Pick<ContainerReference, 'host' | 'port' | 'scheme'>,
  index: Pick<ReferenceIndex, 'namespaceNames'>,
): boolean {
  const host = normalizeHost(reference.host);
  if (isIpv4(host) || isLoopback(host)) return false;
  if (isSingleLabel(host)) {
    return reference.port !== undefined || reference.scheme !== undefined;
  }
  return endsWithNamespace(host, index.namespaceNames);
}

/**
 * Keeps the references that name a known endpoint or look internal, without
 * duplicates (same text and source); drops the rest, such as external hosts.
 *
 * @public
 */
export function filterReferences(
  references: ContainerReference[],
  index: ReferenceIndex,
): ContainerReference[] {
  const seen = new Set<string>();
  return references.filter(reference => {
    const key = `${reference.text}\u0000${JSON.stringify(reference.source)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return (
      index.resolve(reference).length > 0 || looksInternal(reference, index)
    );
  });
}

/**
 * Copies of `snapshots` whose container references are filtered with
 * {@link filterReferences} against the endpoints and namespaces of `known`
 * (all scopes available, including other accounts' last good snapshots, so a
 * name served elsewhere is still recognised). The inputs are not modified.
 *
 * @public
 */
export function retainReferences(
  snapshots: ScopeSnapshot[],
  known: ScopeSnapshot[] = snapshots,
): ScopeSnapshot[] {
  const index = createReferenceIndex(known);
  return snapshots.map(snapshot => ({
    ...snapshot,
    taskDefinitions: snapshot.taskDefinitions.map(td => ({
      ...td,
      containers: td.containers.map(container => ({
        ...container,
        references: filterReferences(container.references, index),
      })),
    })),
  }));
}
