// A loopback npm registry for one scope, serving the release tarballs, so that
// the fresh app installs them by name with the README's own commands (as users
// will from the public registry). Every other package comes from the npm
// registry as usual.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** The package.json inside a tarball. */
export function manifestOf(file) {
  const result = spawnSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`no package.json in ${file}`);
  return JSON.parse(result.stdout);
}

/**
 * Serves `files` (tarball paths) on 127.0.0.1 at a free port. Resolves to
 * `{ url, close }`; `published` is the time the packuments give as publish
 * time.
 */
export async function startRegistry(files, { published = new Date() } = {}) {
  const packages = new Map();
  for (const file of files) {
    const manifest = manifestOf(file);
    const data = readFileSync(file);
    packages.set(manifest.name, {
      manifest,
      data,
      basename: path.basename(file),
      shasum: createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
    });
  }
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\//, '');
    requests.push(`${req.method} /${url}`);
    const tarball = url.match(/^(@[^/]+\/[^/]+)\/-\/(.+\.tgz)$/);
    if (tarball && packages.get(tarball[1])?.basename === tarball[2]) {
      const { data } = packages.get(tarball[1]);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
      res.end(data);
      return;
    }
    const pkg = packages.get(url);
    if (!pkg) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not found' }));
      return;
    }
    const { manifest } = pkg;
    const base = `http://${req.headers.host}`;
    const version = {
      ...manifest,
      _id: `${manifest.name}@${manifest.version}`,
      dist: {
        tarball: `${base}/${manifest.name}/-/${pkg.basename}`,
        shasum: pkg.shasum,
        integrity: pkg.integrity,
      },
    };
    const time = published.toISOString();
    const body = JSON.stringify({
      _id: manifest.name,
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: version },
      time: { created: time, modified: time, [manifest.version]: time },
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
