import {
  FakeGitHost,
  HttpError,
  type RecordedRequest,
  type Route,
} from './FakeGitHost';

/**
 * GitLab on 127.0.0.1 for `publish:gitlab:merge-request` and the catalog's
 * GitLab URL reader (`integrations.gitlab` with this server as `host` and
 * `baseUrl`: the reader reads files from the host of the location itself):
 * projects, raw files, the repository tree, branches, commits with file
 * actions, and merge requests. Projects are `owner/repo`, by path.
 */
export class FakeGitlab extends FakeGitHost {
  protected readonly apiPrefix = '/api/v4';
  private mergeRequests = 0;

  static async start(options: {
    root: string;
    token: string;
  }): Promise<FakeGitlab> {
    return new FakeGitlab(
      await FakeGitHost.listen(),
      options.root,
      options.token,
    );
  }

  /** `host` of its `integrations.gitlab` entry. */
  get host(): string {
    return new URL(this.url).host;
  }

  private project(id: string): { dir: string; owner: string; repo: string } {
    const slash = id.lastIndexOf('/');
    const [owner, repo] = [id.slice(0, slash), id.slice(slash + 1)];
    return { dir: this.repository(owner, repo), owner, repo };
  }

  protected readonly routes: Route[] = [
    [
      'GET',
      /^\/projects\/([^/]+)$/,
      async (_r, [id]) => {
        this.project(id);
        return {
          status: 200,
          json: { id: 1, path_with_namespace: id, default_branch: 'main' },
        };
      },
    ],
    [
      'GET',
      /^\/projects\/([^/]+)\/repository\/files\/([^/]+)\/raw$/,
      async (r, [id, file]) => {
        const ref = r.query.ref || 'main';
        try {
          return (
            await this.repositories.show(this.project(id).dir, ref, file)
          ).toString('utf8');
        } catch {
          throw new HttpError(404, `404 File Not Found: ${file} on ${ref}`);
        }
      },
    ],
    [
      'GET',
      /^\/projects\/([^/]+)\/repository\/tree$/,
      async (r, [id]) => {
        const { dir } = this.project(id);
        const blobs = await this.repositories.listTree(
          dir,
          r.query.ref,
          r.query.path,
        );
        return {
          status: 200,
          json: blobs.map(b => ({
            id: b.sha,
            name: b.path.split('/').pop(),
            type: b.type,
            path: b.path,
            mode: b.mode,
          })),
        };
      },
    ],
    [
      'GET',
      /^\/projects\/([^/]+)\/repository\/branches\/(.+)$/,
      async (_r, [id, branch]) => {
        const { dir } = this.project(id);
        const sha = await this.repositories.resolve(
          dir,
          `refs/heads/${branch}`,
        );
        if (!sha) throw new HttpError(404, '404 Branch Not Found');
        return { status: 200, json: { name: branch, commit: { id: sha } } };
      },
    ],
    [
      'POST',
      /^\/projects\/([^/]+)\/repository\/branches$/,
      async (r, [id]) => {
        const { dir } = this.project(id);
        const sha = await this.repositories.resolve(
          dir,
          `refs/heads/${r.body.ref}`,
        );
        if (!sha) throw new HttpError(400, `no ref ${r.body.ref}`);
        await this.repositories.updateRef(
          dir,
          `refs/heads/${r.body.branch}`,
          sha,
        );
        return {
          status: 201,
          json: { name: r.body.branch, commit: { id: sha } },
        };
      },
    ],
    [
      'POST',
      /^\/projects\/([^/]+)\/repository\/commits$/,
      async (r, [id]) => this.commit(r, id),
    ],
    [
      'POST',
      /^\/projects\/([^/]+)\/merge_requests$/,
      async (r, [id]) => {
        this.project(id);
        this.mergeRequests += 1;
        const iid = this.mergeRequests;
        return {
          status: 201,
          json: {
            iid,
            web_url: `${this.url}/${id}/-/merge_requests/${iid}`,
            source_branch: r.body.source_branch,
            target_branch: r.body.target_branch,
            detailed_merge_status: 'mergeable',
          },
        };
      },
    ],
  ];

  /** A commit of file actions on a branch, as GitLab's commits API makes it. */
  private async commit(r: RecordedRequest, id: string) {
    const { dir } = this.project(id);
    const ref = `refs/heads/${r.body.branch}`;
    const parent = await this.repositories.resolve(dir, ref);
    if (!parent) throw new HttpError(400, `no branch ${r.body.branch}`);
    const base = await this.repositories.resolve(dir, `${parent}^{tree}`);
    const tree = await this.repositories.writeTree(
      dir,
      base,
      r.body.actions.map(
        (a: {
          action: string;
          file_path: string;
          encoding?: string;
          content?: string;
          execute_filemode?: boolean;
        }) =>
          a.action === 'delete'
            ? { path: a.file_path, mode: '100644', sha: null }
            : {
                path: a.file_path,
                mode: a.execute_filemode ? '100755' : '100644',
                content: Buffer.from(
                  a.content ?? '',
                  a.encoding === 'base64' ? 'base64' : 'utf8',
                ),
              },
      ),
    );
    const sha = await this.repositories.commit(
      dir,
      tree,
      [parent],
      r.body.commit_message,
    );
    await this.repositories.updateRef(dir, ref, sha);
    return { status: 201, json: { id: sha, short_id: sha.slice(0, 8) } };
  }
}
