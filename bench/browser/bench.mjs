// Runs in headless Chromium (bench/browser_bench.mjs drives it): the web build against `fetch`
// with hand-built requests, both calling zapi-sim three ways: through the page's own origin (the
// server that serves this page forwards API paths to the sim), on another origin with the
// credentials in the page (every call a CORS request), and on another origin in proxy mode (a
// backend that holds the credentials, the setup the README recommends for pages). Leaves its
// figures in `window.report`: per-call µs of each sequential round and req/s of each concurrent
// one, per setup, and per-call µs of a change (a POST) on the cross-origin setup.
import init, { Client } from '/bindings-wasm/pkg/web/zapi_communities_wasm.js';
import { perCallUs, sequentialRound } from './sequential.mjs';

const params = new URLSearchParams(location.search);
const ROUNDS = Number(params.get('rounds'));
const SEQ_CALLS = Number(params.get('seq'));
const CONC = 64;
const CONC_CALLS = Number(params.get('conc'));
const PHASE_CALLS = Math.max(1, SEQ_CALLS >> 1);
const SIM = { instanceId: 'SIM-INSTANCE', token: 'sim-token', clientToken: 'sim-client-token' };

const throughput = async (fn, calls) => {
  let next = 0;
  const worker = async () => { while (next++ < calls) await fn(); };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONC }, worker));
  return calls / ((performance.now() - start) / 1000);
};

/** Calls by setup and name, kept for `window.probe` (the preflight counts). */
const probes = {};

/** What the client asks of every request: a 30 s timeout, no redirect followed, and `cache`. */
async function careful(url, init, cache) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await fetch(url, { ...init, signal: controller.signal, redirect: 'manual', cache });
  } finally {
    clearTimeout(timer);
  }
}

/** Rounds of each side: sequential per-call µs (interleaved), then concurrent req/s (alternating order). */
async function rounds(fns, concurrent) {
  const names = Object.keys(fns);
  const order = (r) => (r % 2 ? [...names].reverse() : names);
  const seq = Object.fromEntries(names.map((n) => [n, []]));
  const conc = Object.fromEntries(names.map((n) => [n, []]));
  for (const fn of Object.values(fns)) await perCallUs(fn, 100);
  for (let r = 0; r < ROUNDS; r++) {
    const round = await sequentialRound(fns, order(r), SEQ_CALLS);
    for (const name of names) seq[name].push(round[name]);
  }
  if (!concurrent) return { seq };
  for (const fn of Object.values(fns)) await throughput(fn, CONC * 2);
  for (let r = 0; r < ROUNDS; r++) for (const name of order(r)) conc[name].push(await throughput(fns[name], CONC_CALLS));
  return { seq, conc };
}

/**
 * Where one sequential call's time goes, for `ours` and `careful` (the same request and options):
 * before `fetch` is called (the client's request building and the hop into JS), from there until
 * `fetch` resolves (the response's headers are in), and after that (the body read, then the
 * client's parse and typed result). `fetch` is wrapped only while this runs. Median of each
 * phase over the rounds, in µs per call.
 */
async function phases(fns) {
  const real = globalThis.fetch;
  let marks;
  globalThis.fetch = function timedFetch(...args) {
    marks.called = performance.now();
    const answer = real.apply(this, args);
    answer.then(() => { marks.answered = performance.now(); }, () => {});
    return answer;
  };
  const per = { ours: { before: [], waiting: [], after: [] }, careful: { before: [], waiting: [], after: [] } };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const name of r % 2 ? ['careful', 'ours'] : ['ours', 'careful']) {
        const sum = { before: 0, waiting: 0, after: 0 };
        for (let i = 0; i < PHASE_CALLS; i++) {
          marks = {};
          const start = performance.now();
          await fns[name]();
          const end = performance.now();
          sum.before += marks.called - start;
          sum.waiting += marks.answered - marks.called;
          sum.after += end - marks.answered;
        }
        for (const phase of Object.keys(sum)) per[name][phase].push((sum[phase] * 1000) / PHASE_CALLS);
      }
    }
  } finally {
    globalThis.fetch = real;
  }
  return per;
}

/** Every figure for one setup: `baseUrl`, in proxy mode or with the credentials in the page. */
async function measure(setup, baseUrl, proxy) {
  const client = proxy ? new Client({ proxy: true, baseUrl }) : new Client({ ...SIM, baseUrl });
  if ((await client.listCommunities(1, 10)).length === 0) {
    await client.createCommunity('Bench community', 'one community so the list is non-empty');
  }
  const expected = (await client.listCommunities(1, 10)).length;
  const prefix = proxy ? `${baseUrl}/instances/proxy/token/proxy` : `${baseUrl}/instances/${SIM.instanceId}/token/${SIM.token}`;
  // The headers the client sends: in proxy mode the backend adds the Client-Token.
  const headers = proxy ? { accept: 'application/json' } : { 'client-token': SIM.clientToken, accept: 'application/json' };
  const listUrl = `${prefix}/communities?page=1&pageSize=10`;
  const check = async (r) => {
    if (!r.ok) throw new Error(`fetch: ${r.status}`);
    if (JSON.parse(await r.text()).length !== expected) throw new Error('fetch: wrong length');
  };
  const fns = {
    ours: async () => {
      if ((await client.listCommunities(1, 10)).length !== expected) throw new Error('ours: wrong length');
    },
    fetch: async () => check(await fetch(listUrl, { headers })),
    careful: async () => check(await careful(listUrl, { headers }, 'no-store')),
  };
  probes[setup] = fns;
  const figures = await rounds(fns, true);
  // Phases where a read needs no preflight (it would sit inside the network phase).
  return setup === 'crossOrigin' ? figures : { ...figures, phases: await phases(fns) };
}

/** A change on the cross-origin setup: the community's description set, sequentially. */
async function measureChange(baseUrl) {
  const client = new Client({ ...SIM, baseUrl });
  const community = (await client.listCommunities(1, 10))[0].id;
  const url = `${baseUrl}/instances/${SIM.instanceId}/token/${SIM.token}/update-community-description`;
  const headers = { 'client-token': SIM.clientToken, accept: 'application/json', 'content-type': 'application/json' };
  const body = JSON.stringify({ communityId: community, communityDescription: 'benchmarked' });
  const check = async (r) => {
    if (!r.ok) throw new Error(`fetch: ${r.status}`);
    await r.text();
  };
  const fns = {
    ours: () => client.updateCommunityDescription(community, 'benchmarked'),
    fetch: async () => check(await fetch(url, { method: 'POST', headers, body })),
    careful: async () => check(await careful(url, { method: 'POST', headers, body }, 'default')),
  };
  probes.change = fns;
  return rounds(fns, false);
}

async function run() {
  await init();
  const sameOrigin = await measure('sameOrigin', location.origin, false);
  const crossOrigin = await measure('crossOrigin', params.get('api'), false);
  const proxy = await measure('proxy', params.get('proxy'), true);
  const change = await measureChange(params.get('api'));
  return { ok: true, sameOrigin, crossOrigin, proxy, change, userAgent: navigator.userAgent };
}

/** `calls` sequential calls of one side of one setup. */
window.probe = async (setup, name, calls) => {
  for (let i = 0; i < calls; i++) await probes[setup][name]();
};

run().then(
  (report) => { window.report = report; },
  (error) => { window.report = { ok: false, error: String(error?.stack ?? error) }; },
);
