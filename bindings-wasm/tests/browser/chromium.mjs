// What both browser suites (and the browser benchmark) need: Debian's Chromium with a closed
// network, a static server that hands the page only the files it may load, and a forwarder that
// plays another origin in front of the simulator.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

import { PACKAGE_DIR } from '../helpers/sim.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Closed network: no background traffic, no updates, no QUIC (see the toolchain notes). */
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/** A server for the files of the package directory under the `served` path prefixes; 404 otherwise. */
export function staticServer(served) {
  return http.createServer(async (req, res) => {
    const file = path.normalize(new URL(req.url, 'http://localhost').pathname);
    if (!served.some((prefix) => file.startsWith(prefix))) return res.writeHead(404).end();
    try {
      const content = await readFile(path.join(PACKAGE_DIR, file));
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    } catch {
      res.writeHead(404).end();
    }
  });
}

/**
 * A request handler that forwards every request to the server at `upstream` (a URL) and pipes the
 * answer back: another origin in front of it. `onPreflight` is called for each CORS preflight;
 * `rewrite(req)` may give another `{ path, headers }` (what a backend in proxy mode does); `agent`
 * keeps connections alive.
 */
export function forwarding(upstream, { onPreflight = () => {}, rewrite, agent } = {}) {
  const { hostname, port } = new URL(upstream);
  return (req, res) => {
    if (req.method === 'OPTIONS') onPreflight();
    const { path: target, headers } = rewrite ? rewrite(req) : { path: req.url, headers: req.headers };
    const forwarded = http.request({ host: hostname, port, path: target, method: req.method, headers, agent }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.writeHead(502).end());
    req.pipe(forwarded);
  };
}
