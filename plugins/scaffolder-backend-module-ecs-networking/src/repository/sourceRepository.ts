import {
  ANNOTATION_SOURCE_LOCATION,
  type Entity,
  getEntitySourceLocation,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import path from 'node:path';

/** The hosts a change can be proposed on, as pull or merge requests. */
export const PULL_REQUEST_HOSTS = ['github', 'gitlab'] as const;
export type PullRequestHost = (typeof PULL_REQUEST_HOSTS)[number];

/** Where an entity's source lives, in the terms the publish actions take. */
export interface SourceRepository {
  /** The integration type of the host: picks the publish action. */
  type: PullRequestHost;
  /** `host?owner=…&repo=…`, the repoUrl of `publish:*` actions. */
  repoUrl: string;
  /** The branch the location names; empty for the repository's default. */
  branch: string;
  /** The entity's source directory in the repository; empty for its root. */
  directory: string;
  /** The location it was read from. */
  url: string;
}

export type SourceRepositoryResult =
  | { repository: SourceRepository }
  | { repository?: undefined; reason: string };

/**
 * The repository, branch and directory an entity's source lives in: its
 * `backstage.io/source-location`, else the directory of its
 * `backstage.io/managed-by-location` (where its catalog-info.yaml is), on a
 * host one of the app's integrations serves. Anything else (a file
 * location, a host without an integration, a host type with no pull
 * requests here) comes back as the reason there is none.
 */
export function sourceRepositoryOf(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): SourceRepositoryResult {
  const ref = stringifyEntityRef(entity);
  let location: { type: string; target: string };
  try {
    location = getEntitySourceLocation(entity);
  } catch {
    return { reason: `${ref} has no source or managed-by location` };
  }
  const shown = `${location.type}:${location.target}`;
  if (location.type !== 'url') {
    return {
      reason: `${ref} comes from ${shown}, not from a repository`,
    };
  }
  let url: URL;
  try {
    url = new URL(location.target);
  } catch {
    return { reason: `${ref} has a location that is no URL: ${shown}` };
  }
  const integration = integrations.byUrl(url);
  if (!integration) {
    return {
      reason: `no integration in app-config serves ${url.host}, where ${ref} comes from`,
    };
  }
  if (!(PULL_REQUEST_HOSTS as readonly string[]).includes(integration.type)) {
    return {
      reason: `${ref} comes from ${url.host}, a ${integration.type} host; pull requests are opened on GitHub and GitLab`,
    };
  }
  const type = integration.type as PullRequestHost;
  const parts = splitRepositoryPath(type, url.pathname);
  if (!parts) {
    return {
      reason: `${location.target} names no repository on ${url.host}`,
    };
  }
  // A managed-by location names the catalog-info.yaml file, as does a blob
  // URL without a trailing "/" (GitLab's source locations are blob URLs of
  // directories): the source is the directory the file is in.
  const namesFile =
    !url.pathname.endsWith('/') &&
    (parts.kind === 'blob' ||
      !entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION]);
  const inRepository = namesFile ? path.posix.dirname(parts.path) : parts.path;
  const params = new URLSearchParams({ owner: parts.owner, repo: parts.repo });
  return {
    repository: {
      type,
      // byUrl matched the integration on this host.
      repoUrl: `${url.host}?${params}`,
      branch: parts.ref,
      directory: normalizeDirectory(inRepository),
      url: location.target,
    },
  };
}

interface RepositoryPath {
  owner: string;
  repo: string;
  kind?: 'tree' | 'blob';
  ref: string;
  path: string;
}

/**
 * `/owner/repo/(tree|blob)/ref/path` on GitHub;
 * `/group/sub/project/-/(tree|blob)/ref/path` on GitLab. A ref is taken as
 * one path segment: a branch name with "/" in it cannot be told from a
 * directory in such a URL.
 */
function splitRepositoryPath(
  type: PullRequestHost,
  pathname: string,
): RepositoryPath | undefined {
  const segments = pathname
    .split('/')
    .filter(Boolean)
    .map(s => decodeURIComponent(s));
  let project: string[];
  let rest: string[];
  if (type === 'github') {
    project = segments.slice(0, 2);
    rest = segments.slice(2);
  } else {
    const separator = segments.indexOf('-');
    project = separator === -1 ? segments : segments.slice(0, separator);
    rest = separator === -1 ? [] : segments.slice(separator + 1);
  }
  if (project.length < 2) return undefined;
  const repo = project[project.length - 1].replace(/\.git$/, '');
  const owner = project.slice(0, -1).join('/');
  const [kind, ref, ...inside] = rest;
  if (kind !== 'tree' && kind !== 'blob') {
    return { owner, repo, ref: '', path: '' };
  }
  return { owner, repo, kind, ref: ref ?? '', path: inside.join('/') };
}

function normalizeDirectory(directory: string): string {
  const normal = path.posix.normalize(directory).replace(/^\/+|\/+$/g, '');
  return normal === '.' ? '' : normal;
}
