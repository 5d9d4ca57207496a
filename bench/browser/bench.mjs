// Runs in headless Chromium (bench/browser_bench.mjs drives it): the web build against `fetch`
// with hand-built requests, both calling zapi-sim twice over: on another origin (every call a
// CORS request) and through the page's own origin (the server that serves this page forwards
// API paths to the sim, as a backend does in proxy mode). Leaves its figures in `window.report`:
// per-call µs of each sequential round and req/s of each concurrent one, per origin.
import init, { Client } from '/bindings-wasm/pkg/web/zapi_communities_wasm.js';

const params = new URLSearchParams(location.search);
const ROUNDS = Number(params.get('rounds'));
const SEQ_CALLS = Number(params.get('seq'));
const CONC = 64;
const CONC_CALLS = Number(params.get('conc'));
const SIM = { instanceId: 'SIM-INSTANCE', token: 'sim-token', clientToken: 'sim-client-token' };
const HEADERS = { 'client-token': SIM.clientToken, accept: 'application/json' };

const perCallUs = async (fn, calls) => {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return ((performance.now() - start) * 1000) / calls;
};
const throughput = async (fn, calls) => {
  let next = 0;
  const worker = async () => { while (next++ < calls) await fn(); };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONC }, worker));
  return calls / ((performance.now() - start) / 1000);
};

/** Calls by name on the cross-origin base, kept for `window.probe` (the preflight count). */
const probes = {};

/** Every figure for one base URL. */
async function measure(baseUrl) {
  const client = new Client({ ...SIM, baseUrl });
  if ((await client.listCommunities(1, 10)).length === 0) {
    await client.createCommunity('Bench community', 'one community so the list is non-empty');
  }
  const expected = (await client.listCommunities(1, 10)).length;
  const listUrl = `${baseUrl}/instances/${SIM.instanceId}/token/${SIM.token}/communities?page=1&pageSize=10`;
  const list = async (init) => {
    const r = await fetch(listUrl, { headers: HEADERS, ...init });
    if (!r.ok) throw new Error(`fetch: ${r.status}`);
    if (JSON.parse(await r.text()).length !== expected) throw new Error('fetch: wrong length');
  };
  const fns = {
    ours: async () => {
      if ((await client.listCommunities(1, 10)).length !== expected) throw new Error('ours: wrong length');
    },
    fetch: () => list({}),
    // What the client asks of every request: a 30 s AbortController timeout, no redirects
    // followed, nothing from or into the HTTP cache.
    careful: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        await list({ signal: controller.signal, redirect: 'manual', cache: 'no-store' });
      } finally {
        clearTimeout(timer);
      }
    },
  };
  Object.assign(probes, fns);
  const order = (r) => (r % 2 ? ['careful', 'fetch', 'ours'] : ['ours', 'fetch', 'careful']);
  const seq = { ours: [], fetch: [], careful: [] };
  const conc = { ours: [], fetch: [], careful: [] };
  for (const fn of Object.values(fns)) await perCallUs(fn, 100);
  for (let r = 0; r < ROUNDS; r++) for (const name of order(r)) seq[name].push(await perCallUs(fns[name], SEQ_CALLS));
  for (const fn of Object.values(fns)) await throughput(fn, CONC * 2);
  for (let r = 0; r < ROUNDS; r++) for (const name of order(r)) conc[name].push(await throughput(fns[name], CONC_CALLS));
  return { seq, conc };
}

async function run() {
  await init();
  const sameOrigin = await measure(location.origin);
  const crossOrigin = await measure(params.get('api'));
  return { ok: true, crossOrigin, sameOrigin, userAgent: navigator.userAgent };
}

/** `calls` sequential calls of one side on the cross-origin base. */
window.probe = async (name, calls) => {
  for (let i = 0; i < calls; i++) await probes[name]();
};

run().then(
  (report) => { window.report = report; },
  (error) => { window.report = { ok: false, error: String(error?.stack ?? error) }; },
);
