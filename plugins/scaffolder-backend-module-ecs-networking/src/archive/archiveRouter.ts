import type {
  HttpAuthService,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { GENERATED_ARCHIVE_ROUTE } from '@ecs-net/plugin-ecs-networking-common';
import type { ArchiveStore } from './archiveStore';

type Handler = Parameters<HttpRouterService['use']>[0];

const ROUTE = new RegExp(
  `^${GENERATED_ARCHIVE_ROUTE}/([0-9a-f-]{36})(/download)?$`,
);

/**
 * The archive routes, mounted on the scaffolder plugin's router:
 * `GET …/archives/:id` lists the files, `GET …/archives/:id/download` sends
 * the .tar.gz. Only the user whose task made an archive may read it; to
 * anyone else, as once it expired, it does not exist.
 */
export function createArchiveRouter(options: {
  store: ArchiveStore;
  httpAuth: HttpAuthService;
}): Handler {
  const { store, httpAuth } = options;
  return (req, res, next) => {
    const match = req.method === 'GET' ? ROUTE.exec(req.path) : null;
    if (!match) {
      next();
      return;
    }
    (async () => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const found = await store.get(match[1]);
      if (
        !found ||
        (found.listing.owner &&
          found.listing.owner !== credentials.principal.userEntityRef)
      ) {
        throw new NotFoundError(`No archive ${match[1]}: it may have expired`);
      }
      res.set('Cache-Control', 'private, no-store');
      if (!match[2]) {
        res.json(found.listing);
        return;
      }
      res.set('Content-Type', 'application/gzip');
      res.attachment(`${found.listing.name}.tar.gz`);
      res.send(found.data);
    })().catch(next);
  };
}
