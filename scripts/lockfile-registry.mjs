// A loopback npm registry serving exactly the packages package-lock.json pins, their tarballs read
// from the local npm cache. `npm ci` fills that cache with tarballs only: it never asks for the
// registry documents (packuments) a lockfile-less install such as `npm install -g ./x402-probe.tgz`
// resolves versions from, so `npm install --offline` of the tarball fails with ENOTCACHED. Serving
// packuments built from the lockfile lets that install run for real with no network beyond 127.0.0.1.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Fields of a lockfile entry that npm reads from a version manifest when it resolves and places it. */
const MANIFEST_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies', 'peerDependenciesMeta', 'bin', 'engines', 'os', 'cpu', 'license', 'deprecated'];

/** Where cacache keeps the bytes of `integrity` (content-v2/<algorithm>/<hex, split 2/2/rest>). */
export function cachedTarballPath(cacheDir, integrity) {
  const [algorithm, digest] = integrity.split(' ')[0].split(/-(.*)/s);
  const hex = Buffer.from(digest, 'base64').toString('hex');
  return join(cacheDir, '_cacache', 'content-v2', algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

/** The default npm cache (`npm config get cache`), unless npm_config_cache names another. */
export function defaultNpmCache() {
  return process.env.npm_config_cache || join(homedir(), '.npm');
}

function packageName(path, entry) {
  if (entry.name) return entry.name;
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/**
 * Start the registry. `includeDev` also serves the lockfile's devDependencies (the bench installs
 * none of them). Resolves to { url, close(), requested } where `requested` counts packuments served.
 */
export async function startLockfileRegistry({ lockfilePath, cacheDir = defaultNpmCache(), includeDev = false }) {
  const lock = JSON.parse(readFileSync(lockfilePath, 'utf8'));
  const packuments = new Map();
  const tarballs = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path || entry.link || !entry.version || !entry.integrity || (entry.dev && !includeDev)) continue;
    const name = packageName(path, entry);
    const file = cachedTarballPath(cacheDir, entry.integrity);
    const manifest = { name, version: entry.version };
    for (const field of MANIFEST_FIELDS) if (entry[field] !== undefined) manifest[field] = entry[field];
    // A tarball the cache lacks (another platform's binary) stays listed so npm can skip it by os/cpu.
    manifest.dist = { tarball: `/-/tarball/${tarballs.length}.tgz`, integrity: entry.integrity };
    tarballs.push(file);
    const packument = packuments.get(name) ?? { name, 'dist-tags': {}, versions: {} };
    packument.versions[entry.version] = manifest;
    packuments.set(name, packument);
  }
  let requested = 0;
  let origin = '';
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const tarball = /^\/-\/tarball\/(\d+)\.tgz$/.exec(path);
    if (tarball) {
      const file = tarballs[Number(tarball[1])];
      if (!file || !existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(file));
      return;
    }
    const packument = packuments.get(path.slice(1));
    if (!packument) return void response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    requested += 1;
    const versions = Object.fromEntries(Object.entries(packument.versions).map(([v, m]) => [v, { ...m, dist: { ...m.dist, tarball: origin + m.dist.tarball } }]));
    const latest = Object.keys(versions).at(-1);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...packument, 'dist-tags': { latest }, versions }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}/`,
    get requested() {
      return requested;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
