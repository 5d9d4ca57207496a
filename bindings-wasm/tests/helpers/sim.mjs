// Spawns the HTTP simulator (`zapi-sim --port 0`) as a child process and wraps its /__sim/
// control API. The binary is target/debug/zapi-sim unless ZAPI_SIM_BIN names another.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const REPO_ROOT = path.resolve(PACKAGE_DIR, '..');
export const SIM_BIN = process.env.ZAPI_SIM_BIN ?? path.join(REPO_ROOT, 'target', 'debug', 'zapi-sim');

/** The credentials `zapi-sim` accepts by default. */
export const SIM = Object.freeze({
  instanceId: 'SIM-INSTANCE',
  token: 'sim-token',
  clientToken: 'sim-client-token',
});

/** Starts a simulator server; resolves once it printed its URL. */
export async function startSim(args = []) {
  const child = spawn(SIM_BIN, ['--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  child.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        child.stdout.off('data', onData);
        const match = /^zapi-sim listening on (http:\/\/\S+)$/.exec(out.slice(0, newline));
        if (match) resolve(match[1]);
        else reject(new Error(`unexpected first line from zapi-sim: ${out.slice(0, newline)}`));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`zapi-sim exited with ${code}: ${stderr}`)));
    child.once('error', reject);
  });
  return new SimServer(child, url);
}

export class SimServer {
  constructor(child, url) {
    this.child = child;
    /** e.g. http://127.0.0.1:40123 */
    this.url = url;
  }

  /** Options for `new Client(...)` pointing at this server. */
  clientOptions(extra = {}) {
    return { ...SIM, baseUrl: this.url, ...extra };
  }

  async control(method, route, body) {
    const response = await fetch(`${this.url}/__sim/${route}`, {
      method,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /__sim/${route}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  /** What the server saw, oldest first (the token is never in it). */
  requests() { return this.control('GET', 'requests'); }
  clearRequests() { return this.control('DELETE', 'requests'); }
  /** Back to the empty state (or `fixture`), log and faults cleared. */
  reset(fixture) { return this.control('POST', 'reset', fixture); }
  state() { return this.control('GET', 'state'); }
  /** Queues one fault rule or an array of them. */
  fault(rules) { return this.control('POST', 'faults', rules); }
  /** `{url, connections}` of the decoy host `redirect` faults point at. */
  decoy() { return this.control('GET', 'decoy'); }

  async stop() {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}

/** Summarises logged requests as `METHOD /path` lines. */
export const routes = (log) => log.map((r) => `${r.method} ${r.path}`);

/** The JSON body of a logged request. */
export const body = (entry) => (entry.body === null ? null : JSON.parse(entry.body));
