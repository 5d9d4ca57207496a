// The headless Chromium figures of the benchmark suite (issue 18): the web build against the
// page's own `fetch`, both calling zapi-sim from a page served on loopback.
//   node browser_bench.mjs SIM_URL ROOT [--quick]
// Prints a markdown `### Headless Chromium` section. The page (bench/browser/) does the timing
// with performance.now; this script serves it, forwards the API's paths on the page's origin to
// the sim, serves another origin that forwards to it too, and a third that does what a backend in
// proxy mode does (the real instance, token and Client-Token in place of the placeholders), each
// counting the CORS preflights it is sent; it drives Debian's Chromium with playwright-core (the
// package's dev dependency) and prints the medians (min–max) and ratios.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [SIM_URL, ROOT] = process.argv.slice(2);
const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 5 : 7;
const SEQ_CALLS = QUICK ? 200 : 400;
const CONC_CALLS = QUICK ? 640 : 1280;
const { chromium } = createRequire(path.join(ROOT, 'bindings-wasm', 'package.json'))('playwright-core');
// The browser tests' Chromium and flags (a closed network, no background traffic).
const { CHROMIUM, FLAGS, forwarding } = await import(pathToFileURL(path.join(ROOT, 'bindings-wasm', 'tests', 'browser', 'chromium.mjs')).href);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const preflights = { count: 0 };
const counting = { agent, onPreflight: () => { preflights.count += 1; } };
/** Forwards a request as is (keep-alive) to the sim, counting CORS preflights. */
const forward = forwarding(SIM_URL, counting);
/** Forwards a proxy-mode request as a backend would: the placeholders replaced, the Client-Token added. */
const backend = forwarding(SIM_URL, {
  ...counting,
  rewrite: (req) => ({
    path: req.url.replace('/instances/proxy/token/proxy/', '/instances/SIM-INSTANCE/token/sim-token/'),
    headers: req.method === 'OPTIONS' ? req.headers : { ...req.headers, 'client-token': 'sim-client-token' },
  }),
});
const SERVED = ['/bindings-wasm/pkg/web/', '/bench/browser/'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
// The page's origin: its files, and the API's paths forwarded (a same-origin backend).
const server = http.createServer(async (req, res) => {
  const file = path.normalize(new URL(req.url, 'http://localhost').pathname);
  if (file.startsWith('/instances/')) return forward(req, res);
  if (!SERVED.some((prefix) => file.startsWith(prefix))) return res.writeHead(404).end();
  try {
    const content = await readFile(path.join(ROOT, file));
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(content);
  } catch {
    res.writeHead(404).end();
  }
});
// Another origin for the API, through the same forwarding, so both cases pay the same hop.
const crossOrigin = http.createServer(forward);
const proxyOrigin = http.createServer(backend);
for (const s of [server, crossOrigin, proxyOrigin]) await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
let report;
const preflightsPer = { crossOrigin: {}, proxy: {}, change: {} };
const PROBE_CALLS = 50;
try {
  const page = await browser.newPage();
  const origin = (s) => `http://127.0.0.1:${s.address().port}`;
  const query = new URLSearchParams({ api: origin(crossOrigin), proxy: origin(proxyOrigin), rounds: ROUNDS, seq: SEQ_CALLS, conc: CONC_CALLS });
  await page.goto(`${origin(server)}/bench/browser/bench.html?${query}`);
  await page.waitForFunction(() => window.report !== undefined, null, { timeout: 1_200_000, polling: 1000 });
  report = await page.evaluate(() => window.report);
  for (const setup of Object.keys(preflightsPer)) {
    for (const name of ['ours', 'fetch', 'careful']) {
      if (!report.ok) break;
      preflights.count = 0;
      await page.evaluate(([s, n, calls]) => window.probe(s, n, calls), [setup, name, PROBE_CALLS]);
      preflightsPer[setup][name] = preflights.count;
    }
  }
} finally {
  await browser.close();
  for (const s of [server, crossOrigin, proxyOrigin]) s.close();
  agent.destroy();
}
if (!report.ok) throw new Error(`the page failed: ${report.error}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs, unit) => `${median(xs).toFixed(0)} ${unit} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const version = report.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? report.userAgent;
const CAREFUL = 'fetch + timeout, `redirect: manual`, `cache: no-store`';

console.log('### Headless Chromium');
console.log();
console.log(`${version} (Debian's): the web build (pkg/web) in a page against the page's \`fetch\` with the same ` +
  'headers, calling `zapi-sim` three ways: through the page\'s own origin (its server forwards the API\'s paths), on ' +
  'another loopback origin with the credentials in the page (every call a CORS request with a `Client-Token`), and on ' +
  'another origin in proxy mode (a backend that adds the credentials, as the README recommends for pages). ' +
  `${ROUNDS} rounds after a warm-up; in a sequential round the sides take turns ten calls at a time, concurrent rounds alternate; median (min–max). Rows against "fetch + …" give fetch the options ` +
  'the client sets on the request.');
console.log();
console.log('| figure | ours | alternative | ratio | target |');
console.log('|---|---|---|---|---|');
const setups = [['same origin', report.sameOrigin], ['cross-origin', report.crossOrigin], ['cross-origin backend, proxy mode', report.proxy]];
for (const [label, figures] of setups) {
  const { seq, conc } = figures;
  const seqRatio = median(seq.ours) / median(seq.fetch);
  const concRatio = median(conc.fetch) / median(conc.ours);
  console.log(`| ${label}: sequential listCommunities, per call | ${fmt(seq.ours, 'µs')} | fetch ${fmt(seq.fetch, 'µs')} | ` +
    `${seqRatio.toFixed(2)}× | ≤1.1× — ${verdict(seqRatio <= 1.1)} |`);
  console.log(`| ${label}: listCommunities, concurrency 64 | ${fmt(conc.ours, 'req/s')} | fetch ${fmt(conc.fetch, 'req/s')} | ` +
    `${concRatio.toFixed(2)}× time | ≤1.1× — ${verdict(concRatio <= 1.1)} |`);
  console.log(`| ${label}: sequential, per call | ${fmt(seq.ours, 'µs')} | ${CAREFUL} ${fmt(seq.careful, 'µs')} | ` +
    `${(median(seq.ours) / median(seq.careful)).toFixed(2)}× | — |`);
  console.log(`| ${label}: concurrency 64 | ${fmt(conc.ours, 'req/s')} | ${CAREFUL} ${fmt(conc.careful, 'req/s')} | ` +
    `${(median(conc.careful) / median(conc.ours)).toFixed(2)}× time | — |`);
}
// Where a sequential call's time goes (the page's `phases`), ours against the same request by hand.
const phaseCells = (per) => ['before', 'waiting', 'after'].map((phase) => median(per[phase]).toFixed(0)).join(' / ');
for (const [label, figures] of [['same origin', report.sameOrigin], ['cross-origin backend, proxy mode', report.proxy]]) {
  console.log(`| ${label}: one sequential call in phases, µs: before \`fetch\` / until it resolves / after (body read, parse, ` +
    `result) | ${phaseCells(figures.phases.ours)} | ${CAREFUL} ${phaseCells(figures.phases.careful)} | — | — |`);
}
const change = report.change.seq;
const changeRatio = median(change.ours) / median(change.fetch);
console.log(`| cross-origin: sequential updateCommunityDescription (a POST), per call | ${fmt(change.ours, 'µs')} | ` +
  `fetch ${fmt(change.fetch, 'µs')} | ${changeRatio.toFixed(2)}× | ≤1.1× — ${verdict(changeRatio <= 1.1)} |`);
console.log(`| cross-origin: sequential, a POST, per call | ${fmt(change.ours, 'µs')} | fetch + timeout, \`redirect: manual\` ` +
  `${fmt(change.careful, 'µs')} | ${(median(change.ours) / median(change.careful)).toFixed(2)}× | — |`);
const counts = (label, setup, what, carefulLabel) =>
  console.log(`| ${label}: CORS preflights per ${PROBE_CALLS} sequential ${what} | ${preflightsPer[setup].ours} | fetch ` +
    `${preflightsPer[setup].fetch}, ${carefulLabel} ${preflightsPer[setup].careful} | — | — |`);
counts('cross-origin', 'crossOrigin', 'reads', CAREFUL);
counts('cross-origin backend, proxy mode', 'proxy', 'reads', CAREFUL);
counts('cross-origin', 'change', 'changes', 'fetch + timeout, `redirect: manual`');
