// The headless Chromium figures of the benchmark suite (issue 18): the web build against the
// page's own `fetch`, both calling zapi-sim from a page on another loopback origin.
//   node browser_bench.mjs SIM_URL ROOT [--quick]
// Prints a markdown `### Headless Chromium` section. The page (bench/browser/) does the timing
// with performance.now; this script serves it, drives Debian's Chromium with playwright-core (the
// package's dev dependency) and prints the medians (min–max) and ratios.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const [SIM_URL, ROOT] = process.argv.slice(2);
const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 5 : 7;
const SEQ_CALLS = QUICK ? 200 : 500;
const CONC_CALLS = QUICK ? 640 : 1920;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags of the browser tests: a closed network, no background traffic.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const { chromium } = createRequire(path.join(ROOT, 'bindings-wasm', 'package.json'))('playwright-core');

const SERVED = ['/bindings-wasm/pkg/web/', '/bench/browser/'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const server = http.createServer(async (req, res) => {
  const file = path.normalize(new URL(req.url, 'http://localhost').pathname);
  if (!SERVED.some((prefix) => file.startsWith(prefix))) return res.writeHead(404).end();
  try {
    const content = await readFile(path.join(ROOT, file));
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(content);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
let report;
try {
  const page = await browser.newPage();
  const query = new URLSearchParams({ sim: SIM_URL, rounds: ROUNDS, seq: SEQ_CALLS, conc: CONC_CALLS });
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/browser/bench.html?${query}`);
  await page.waitForFunction(() => window.report !== undefined, null, { timeout: 600_000, polling: 500 });
  report = await page.evaluate(() => window.report);
} finally {
  await browser.close();
  server.close();
}
if (!report.ok) throw new Error(`the page failed: ${report.error}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs, unit) => `${median(xs).toFixed(0)} ${unit} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const seqRatio = median(report.seq.ours) / median(report.seq.fetch);
const concRatio = median(report.conc.fetch) / median(report.conc.ours);
const carefulSeq = median(report.seq.ours) / median(report.seq.careful);
const carefulConc = median(report.conc.careful) / median(report.conc.ours);
const CAREFUL = 'fetch + timeout, `redirect: manual`, `cache: no-store`';
const version = report.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? report.userAgent;

console.log('### Headless Chromium');
console.log();
console.log(`${version} (Debian's), the web build (pkg/web) in a page on one loopback origin calling \`zapi-sim\` on ` +
  `another (so every call is a CORS request, as in a web app), against the page's \`fetch\` with the same headers. ` +
  `${ROUNDS} rounds after a warm-up, alternating; median (min–max). The last two rows give fetch the options the ` +
  'client sets on every request.');
console.log();
console.log('| figure | ours | alternative | ratio | target |');
console.log('|---|---|---|---|---|');
console.log(`| sequential listCommunities, per call | ${fmt(report.seq.ours, 'µs')} | fetch ${fmt(report.seq.fetch, 'µs')} | ` +
  `${seqRatio.toFixed(2)}× | ≤1.1× — ${verdict(seqRatio <= 1.1)} |`);
console.log(`| listCommunities, concurrency 64 | ${fmt(report.conc.ours, 'req/s')} | fetch ${fmt(report.conc.fetch, 'req/s')} | ` +
  `${concRatio.toFixed(2)}× time | ≤1.1× — ${verdict(concRatio <= 1.1)} |`);
console.log(`| sequential listCommunities, per call | ${fmt(report.seq.ours, 'µs')} | ${CAREFUL} ${fmt(report.seq.careful, 'µs')} | ` +
  `${carefulSeq.toFixed(2)}× | — |`);
console.log(`| listCommunities, concurrency 64 | ${fmt(report.conc.ours, 'req/s')} | ${CAREFUL} ${fmt(report.conc.careful, 'req/s')} | ` +
  `${carefulConc.toFixed(2)}× time | — |`);
