import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import { sourceRepositoryOf } from './sourceRepository';

const integrations = ScmIntegrations.fromConfig(
  mockServices.rootConfig({
    data: {
      integrations: {
        github: [
          { host: 'github.com' },
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
          },
        ],
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
          },
        ],
        bitbucketServer: [
          {
            host: 'bitbucket.example.com',
            apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
          },
        ],
      },
    },
  }),
);

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'legacy-gateway', annotations },
    spec: {},
  };
}

const SOURCE = 'backstage.io/source-location';
const MANAGED_BY = 'backstage.io/managed-by-location';

describe('sourceRepositoryOf', () => {
  it('reads repository, branch and directory from a GitHub source location, as repoUrl the publish actions parse back', () => {
    const { repository } = sourceRepositoryOf(
      component({
        [SOURCE]:
          'url:https://github.com/acme/shop-infra/tree/main/services/legacy-gateway/',
        [MANAGED_BY]:
          'url:https://github.com/acme/shop-infra/blob/main/services/legacy-gateway/catalog-info.yaml',
      }),
      integrations,
    );
    expect(repository).toEqual({
      type: 'github',
      repoUrl: 'github.com?owner=acme&repo=shop-infra',
      branch: 'main',
      directory: 'services/legacy-gateway',
      url: 'https://github.com/acme/shop-infra/tree/main/services/legacy-gateway/',
    });
    expect(parseRepoUrl(repository!.repoUrl, integrations)).toMatchObject({
      host: 'github.com',
      owner: 'acme',
      repo: 'shop-infra',
    });
  });

  it('takes the directory of catalog-info.yaml when only the managed-by location is known', () => {
    const { repository } = sourceRepositoryOf(
      component({
        [MANAGED_BY]:
          'url:https://ghe.example.com/acme/checkout/blob/release/catalog-info.yaml',
      }),
      integrations,
    );
    expect(repository).toMatchObject({
      type: 'github',
      repoUrl: 'ghe.example.com?owner=acme&repo=checkout',
      branch: 'release',
      directory: '',
    });
  });

  it('leaves the branch to the default one where the location names none', () => {
    const { repository } = sourceRepositoryOf(
      component({ [SOURCE]: 'url:https://github.com/acme/checkout.git' }),
      integrations,
    );
    expect(repository).toMatchObject({
      repoUrl: 'github.com?owner=acme&repo=checkout',
      branch: '',
      directory: '',
    });
  });

  it('reads the directory of a GitLab source location, a blob URL ending in "/"', () => {
    const { repository } = sourceRepositoryOf(
      component({
        [SOURCE]:
          'url:https://gitlab.example.com/acme/shop-infra/-/blob/main/services/legacy-gateway/',
        [MANAGED_BY]:
          'url:https://gitlab.example.com/acme/shop-infra/-/blob/main/services/legacy-gateway/catalog-info.yaml',
      }),
      integrations,
    );
    expect(repository).toMatchObject({
      type: 'gitlab',
      repoUrl: 'gitlab.example.com?owner=acme&repo=shop-infra',
      branch: 'main',
      directory: 'services/legacy-gateway',
    });
  });

  it('reads GitLab subgroups as the owner', () => {
    const { repository } = sourceRepositoryOf(
      component({
        [SOURCE]:
          'url:https://gitlab.example.com/platform/infra/shop/-/tree/develop/gateway/',
      }),
      integrations,
    );
    expect(repository).toMatchObject({
      type: 'gitlab',
      branch: 'develop',
      directory: 'gateway',
    });
    expect(parseRepoUrl(repository!.repoUrl, integrations)).toMatchObject({
      host: 'gitlab.example.com',
      owner: 'platform/infra',
      repo: 'shop',
    });
  });

  it.each([
    [
      { [MANAGED_BY]: 'file:/work/examples/components.yaml' },
      'component:default/legacy-gateway comes from file:/work/examples/components.yaml, not from a repository',
    ],
    [
      { [SOURCE]: 'url:https://git.example.org/acme/shop-infra/tree/main/' },
      'no integration in app-config serves git.example.org',
    ],
    [
      {
        [SOURCE]:
          'url:https://bitbucket.example.com/projects/SHOP/repos/infra/browse',
      },
      'a bitbucketServer host; pull requests are opened on GitHub and GitLab',
    ],
    [
      { [SOURCE]: 'url:https://github.com/acme' },
      'names no repository on github.com',
    ],
    [{}, 'has no source or managed-by location'],
  ])('gives the reason there is none: %j', (annotations, reason) => {
    const result = sourceRepositoryOf(component(annotations), integrations);
    expect(result.repository).toBeUndefined();
    expect(result).toEqual({ reason: expect.stringContaining(reason) });
  });
});
