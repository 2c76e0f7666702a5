import {
  FakeGitHost,
  HttpError,
  type RecordedRequest,
  type Route,
} from './FakeGitHost';

/**
 * GitHub on 127.0.0.1 for `publish:github`, `publish:github:pull-request`
 * and the catalog's GitHub URL reader (`integrations.github` with this
 * `apiBaseUrl` for github.com): users and organizations, repository
 * creation and branch protection, file contents, the git data API (blobs,
 * trees, commits, refs) the pull request plugin builds its branch with,
 * its GraphQL branch query, and pull requests.
 */
export class FakeGithub extends FakeGitHost {
  protected readonly apiPrefix = '/api/v3';
  private pulls = 0;

  static async start(options: {
    root: string;
    token: string;
  }): Promise<FakeGithub> {
    return new FakeGithub(
      await FakeGitHost.listen(),
      options.root,
      options.token,
    );
  }

  /** `integrations.github[].apiBaseUrl` for github.com. */
  get apiBaseUrl(): string {
    return `${this.url}${this.apiPrefix}`;
  }

  private repositoryJson(owner: string, repo: string) {
    return {
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { login: owner },
      default_branch: 'main',
      permissions: { admin: true, push: true, pull: true },
      html_url: `https://github.com/${owner}/${repo}`,
      clone_url: `${this.url}/${owner}/${repo}.git`,
    };
  }

  protected readonly routes: Route[] = [
    [
      'GET',
      /^\/users\/([^/]+)$/,
      async (_r, [login]) => ({
        status: 200,
        json: { login, type: 'Organization' },
      }),
    ],
    [
      'POST',
      /^\/orgs\/([^/]+)\/repos$/,
      async (r, [owner]) => {
        await this.repositories.create(owner, r.body.name);
        return { status: 201, json: this.repositoryJson(owner, r.body.name) };
      },
    ],
    [
      'POST',
      // Octokit sends GraphQL for an API under /api/v3 to /api/graphql.
      /^(?:\/api)?\/graphql$/,
      async r => {
        // The pull request plugin asks whether the head branch exists.
        const { owner, repo, head } = r.body.variables;
        const dir = this.repository(owner, repo);
        const exists = await this.repositories.resolve(
          dir,
          `refs/heads/${head}`,
        );
        const ref = exists ? { associatedPullRequests: { edges: [] } } : null;
        return { status: 200, json: { data: { repository: { ref } } } };
      },
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)$/,
      async (_r, [owner, repo]) => {
        this.repository(owner, repo);
        return { status: 200, json: this.repositoryJson(owner, repo) };
      },
    ],
    [
      'PUT',
      /^\/repos\/([^/]+)\/([^/]+)\/branches\/([^/]+)\/protection$/,
      async r => ({ status: 200, json: { url: r.path } }),
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/,
      async (r, [owner, repo, file]) => this.raw(r, owner, repo, file),
    ],
    [
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)\/commits$/,
      async (r, [owner, repo]) => {
        const dir = this.repository(owner, repo);
        const sha = await this.repositories.resolve(
          dir,
          `refs/heads/${r.query.sha}`,
        );
        const tree =
          sha && (await this.repositories.resolve(dir, `${sha}^{tree}`));
        if (!sha) throw new HttpError(404, `no branch ${r.query.sha}`);
        return {
          status: 200,
          json: [{ sha, commit: { tree: { sha: tree } } }],
        };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/blobs$/,
      async (r, [owner, repo]) => {
        const encoding = r.body.encoding === 'base64' ? 'base64' : 'utf8';
        const sha = await this.repositories.writeBlob(
          this.repository(owner, repo),
          Buffer.from(r.body.content, encoding),
        );
        return { status: 201, json: { sha } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/trees$/,
      async (r, [owner, repo]) => {
        const dir = this.repository(owner, repo);
        const sha = await this.repositories.writeTree(
          dir,
          r.body.base_tree,
          r.body.tree,
        );
        return { status: 201, json: { sha } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/commits$/,
      async (r, [owner, repo]) => {
        const { message, tree, parents = [], author } = r.body;
        const sha = await this.repositories.commit(
          this.repository(owner, repo),
          tree,
          parents,
          message,
          author,
        );
        return { status: 201, json: { sha } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/git\/refs$/,
      async (r, [owner, repo]) => {
        const { ref, sha } = r.body;
        await this.repositories.updateRef(
          this.repository(owner, repo),
          ref,
          sha,
        );
        return { status: 201, json: { ref, object: { sha } } };
      },
    ],
    [
      'POST',
      /^\/repos\/([^/]+)\/([^/]+)\/pulls$/,
      async (r, [owner, repo]) => {
        this.repository(owner, repo);
        this.pulls += 1;
        const number = this.pulls;
        return {
          status: 201,
          json: {
            number,
            html_url: `https://github.com/${owner}/${repo}/pull/${number}`,
            base: { ref: r.body.base },
            head: { ref: r.body.head },
          },
        };
      },
    ],
  ];

  private async raw(
    r: RecordedRequest,
    owner: string,
    repo: string,
    file: string,
  ) {
    const ref = r.query.ref || 'main';
    const dir = this.repository(owner, repo);
    try {
      return (await this.repositories.show(dir, ref, file)).toString('utf8');
    } catch {
      throw new HttpError(404, `no ${file} on ${ref}`);
    }
  }
}
