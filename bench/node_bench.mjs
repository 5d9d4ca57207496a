// Node figures of the benchmark suite (issue 9), side by side in one run against one zapi-sim.
//   node node_bench.mjs SIM_URL PKG_DIR [--quick]
// PKG_DIR is bindings-wasm (the package: its "exports" pick pkg/node in Node). Prints a markdown
// `### Node` section with medians (min–max) over several rounds after a warm-up; in a sequential
// round the sides take turns ten calls at a time, other rounds alternate ours / fetch. Timing:
// process.hrtime.bigint.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { perCallUs, sequentialRound } from './browser/sequential.mjs';
import { webhookSides } from './webhook_sides.mjs';

const [SIM_URL, PKG_DIR] = process.argv.slice(2);
const QUICK = process.argv.includes('--quick');
const SIM = { instanceId: 'SIM-INSTANCE', token: 'sim-token', clientToken: 'sim-client-token' };
const base = (url) => `${url}/instances/${SIM.instanceId}/token/${SIM.token}`;
const HEADERS = { 'client-token': SIM.clientToken, accept: 'application/json' };
const ROUNDS = QUICK ? 5 : 7;
const SEQ_CALLS = QUICK ? 200 : 500;
const CONC = 64;
const CONC_CALLS = QUICK ? 640 : 1920;
const CHATS = 100_000;

const NODE_ENTRY = path.join(PKG_DIR, 'pkg', 'node', 'zapi_communities_wasm.js');
const { Client, parseAnnouncementGroups } = createRequire(import.meta.url)(NODE_ENTRY);
// The receiving side is its own entry, `zapi-communities/webhooks` (no client in it).
const WEBHOOKS_ENTRY = path.join(PKG_DIR, 'pkg', 'webhooks', 'node', 'zapi_communities_wasm.js');
const { parseWebhook } = createRequire(import.meta.url)(WEBHOOKS_ENTRY);

const now = () => process.hrtime.bigint();
const ms = (start) => Number(now() - start) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (xs, unit, digits = 0) =>
  `${median(xs).toFixed(digits)} ${unit} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const rows = [];
const notes = [];

async function control(method, route, body) {
  const r = await fetch(`${SIM_URL}/__sim/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}
const clearLog = () => control('DELETE', 'requests');

// ------------------------------------------------------------ setup: one community to list
const client = new Client({ ...SIM, baseUrl: SIM_URL });
await client.createCommunity('Bench community', 'one community so the list is non-empty');
const expected = (await client.listCommunities(1, 10)).length;
if (expected < 1) throw new Error('the list must be non-empty');
const LIST_URL = `${base(SIM_URL)}/communities?page=1&pageSize=10`;

const ours = async () => {
  if ((await client.listCommunities(1, 10)).length !== expected) throw new Error('ours: wrong length');
};
const viaFetch = async () => {
  const r = await fetch(LIST_URL, { headers: HEADERS });
  if (!r.ok) throw new Error(`fetch: ${r.status}`);
  if (JSON.parse(await r.text()).length !== expected) throw new Error('fetch: wrong length');
};
// The same with the client's own per-request timeout (an AbortController and a timer, 30 s): what
// a production caller writes, and where most of the per-call gap to bare fetch goes in Node.
const viaFetchWithTimeout = async () => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const r = await fetch(LIST_URL, { headers: HEADERS, signal: controller.signal });
    if (!r.ok) throw new Error(`fetch: ${r.status}`);
    if (JSON.parse(await r.text()).length !== expected) throw new Error('fetch: wrong length');
  } finally {
    clearTimeout(timer);
  }
};
const fns = { ours, fetch: viaFetch, timed: viaFetchWithTimeout };

// ------------------------------------------------------------ 1. sequential
const seq = { ours: [], fetch: [], timed: [] };
for (const fn of Object.values(fns)) await perCallUs(fn, 100);
for (let r = 0; r < ROUNDS; r++) {
  const round = await sequentialRound(fns, r % 2 ? ['timed', 'fetch', 'ours'] : ['ours', 'fetch', 'timed'], SEQ_CALLS);
  for (const name of Object.keys(seq)) seq[name].push(round[name]);
  await clearLog();
}
const seqRatio = median(seq.ours) / median(seq.fetch);
rows.push(['sequential listCommunities, per call', fmt(seq.ours, 'µs'), `fetch ${fmt(seq.fetch, 'µs')}`,
  `${seqRatio.toFixed(2)}×`, `≤1.1× — ${verdict(seqRatio <= 1.1)}`]);
const timedRatio = median(seq.ours) / median(seq.timed);
rows.push(['sequential listCommunities, per call', fmt(seq.ours, 'µs'),
  `fetch + AbortController timeout ${fmt(seq.timed, 'µs')}`, `${timedRatio.toFixed(2)}×`, '—']);

// ------------------------------------------------------------ 2. concurrency 64
async function throughput(fn, calls) {
  let next = 0;
  const worker = async () => { while (next++ < calls) await fn(); };
  const start = now();
  await Promise.all(Array.from({ length: CONC }, worker));
  return calls / (ms(start) / 1000);
}
const conc = { ours: [], fetch: [] };
for (const fn of Object.values(fns)) await throughput(fn, CONC * 2);
for (let r = 0; r < ROUNDS; r++) {
  for (const name of r % 2 ? ['fetch', 'ours'] : ['ours', 'fetch']) conc[name].push(await throughput(fns[name], CONC_CALLS));
  await clearLog();
}
const concRatio = median(conc.fetch) / median(conc.ours); // time ratio = inverse throughput ratio
rows.push([`listCommunities, concurrency ${CONC}`, fmt(conc.ours, 'req/s'), `fetch ${fmt(conc.fetch, 'req/s')}`,
  `${concRatio.toFixed(2)}× time`, `≤1.1× — ${verdict(concRatio <= 1.1)}`]);

// ------------------------------------------------------------ 3. the 100,000-chat scan
function chatListJson(count) {
  // The same list bench/src/chats.rs builds: one announcement group in every 500 chats.
  const parts = [];
  for (let i = 0; i < count; i++) {
    const announcement = i % 500 === 7;
    const group = announcement || i % 5 === 0;
    const phone = group ? `1203630${String(i).padStart(11, '0')}-group` : `55119${String(i).padStart(8, '0')}`;
    parts.push(
      `{"archived":"false","pinned":"false","messagesUnread":0,"phone":"${phone}","unread":"${i % 7}",` +
        `"name":"Chat number ${i} with a realistic name","lastMessageTime":"${1_622_991_687 + i}","muteEndTime":null,` +
        `"isMuted":"0","isMarkedSpam":"false","profileThumbnail":"https://pps.whatsapp.net/v/t61/${i}.jpg",` +
        `"isGroupAnnouncement":${announcement},"isGroup":${group && !announcement}}`,
    );
  }
  return `[${parts.join(',')}]`;
}
// Two figures. In memory: `parseAnnouncementGroups(bytes)` against `JSON.parse(text)` and a
// filter (the text already decoded, which favours the alternative). End to end:
// `listAnnouncementGroups` against fetch + JSON.parse + filter, both fetching the same canned body
// from a static loopback responder in its own process (the simulator's control API caps bodies at
// 16 MiB).
async function chatScan() {
  let text = chatListJson(CHATS);
  let bytes = new TextEncoder().encode(text);
  const bodyMb = bytes.length / 1e6;
  const file = path.join(os.tmpdir(), `zapi-bench-chats-${process.pid}.json`);
  fs.writeFileSync(file, bytes);
  const server = spawn(process.execPath, ['-e', `
    const body = require('fs').readFileSync(${JSON.stringify(file)});
    const srv = require('http').createServer((q, s) => {
      s.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }); s.end(body);
    }).listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + srv.address().port));`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const staticUrl = await new Promise((resolve) => server.stdout.setEncoding('utf8').once('data', (d) => resolve(d.trim())));
  const chatClient = new Client({ ...SIM, baseUrl: staticUrl, maxBodyBytes: 256 * 1024 * 1024 });
  const chatsUrl = `${base(staticUrl)}/chats?page=1&pageSize=1000`;
  const flagged = (chats) => chats.filter((c) => c.isGroupAnnouncement === true).map((c) => c.phone);
  let found = null;
  const alternate = async (pair) => {
    const times = Object.fromEntries(Object.keys(pair).map((name) => [name, []]));
    const names = Object.keys(pair);
    for (let r = 0; r <= ROUNDS; r++) {
      for (const name of r % 2 ? [...names].reverse() : names) {
        const start = now();
        const n = (await pair[name]()).length;
        const t = ms(start);
        if (found !== null && n !== found) throw new Error(`${name} found ${n}, others ${found}`);
        found = n;
        if (r) times[name].push(t);
      }
    }
    return times;
  };
  try {
    const memory = await alternate({
      ours: async () => parseAnnouncementGroups(bytes),
      text: async () => parseAnnouncementGroups(text),
      json: async () => flagged(JSON.parse(text)),
    });
    const wire = await alternate({
      ours: () => chatClient.listAnnouncementGroups(1, 1000),
      fetch: async () => {
        const r = await fetch(chatsUrl, { headers: HEADERS });
        if (!r.ok) throw new Error(`fetch: ${r.status}`);
        return flagged(JSON.parse(await r.text()));
      },
    });
    const label = `announcement groups in ${CHATS.toLocaleString('en')} chats (${bodyMb.toFixed(0)} MB)`;
    const memoryRatio = median(memory.json) / median(memory.ours);
    const textRatio = median(memory.json) / median(memory.text);
    const wireRatio = median(wire.fetch) / median(wire.ours);
    rows.push([`${label}: \`parseAnnouncementGroups(bytes)\``, fmt(memory.ours, 'ms'),
      `JSON.parse + filter ${fmt(memory.json, 'ms')}`, `${memoryRatio.toFixed(2)}× faster`,
      `≥1.5× — ${verdict(memoryRatio >= 1.5)}`]);
    rows.push([`${label}: \`parseAnnouncementGroups(text)\``, fmt(memory.text, 'ms'),
      `JSON.parse + filter ${fmt(memory.json, 'ms')}`, `${textRatio.toFixed(2)}× faster`, '—']);
    rows.push([`${label}, fetched: \`listAnnouncementGroups\``, fmt(wire.ours, 'ms'),
      `fetch + JSON.parse + filter ${fmt(wire.fetch, 'ms')}`, `${wireRatio.toFixed(2)}× faster`,
      `≥1.5× — ${verdict(wireRatio >= 1.5)}`]);
    notes.push(`Chat scan: ${found} announcement groups found by every side. The fetched figure includes the transfer ` +
      `from a node:http server in its own process; the client caps pageSize at 1000, so both ask for 1000 and the ` +
      `responder sends all ${CHATS.toLocaleString('en')} chats anyway.`);
  } finally {
    chatClient.free();
    server.kill();
    fs.unlinkSync(file);
    text = null;
    bytes = null;
  }
}
await chatScan();

// ------------------------------------------------------------ 3b. webhook events
// A typical received text message (the first case of tests/vectors/events.json): parseWebhook
// on the request's bytes and five fields read, against JSON.parse of its text and the same five
// (the sides are bench/webhook_sides.mjs).
{
  const COUNT = QUICK ? 20_000 : 100_000;
  const sides = webhookSides(parseWebhook);
  const rates = { ours: [], text: [], json: [], mapped: [] };
  const order = ['ours', 'text', 'json', 'mapped'];
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 ? [...order].reverse() : order) {
      const side = sides[name];
      const start = now();
      let total = 0;
      for (let i = 0; i < COUNT; i++) total += side();
      rates[name].push(COUNT / (ms(start) / 1000));
      if (total === 0) throw new Error(`webhook events: ${name} read nothing`);
    }
  }
  const ratio = median(rates.ours) / median(rates.json);
  rows.push(['webhook events, a typical received message: `parseWebhook(bytes)` + 5 fields', fmt(rates.ours, 'events/s'),
    `JSON.parse + the same fields ${fmt(rates.json, 'events/s')}`, `${ratio.toFixed(2)}× faster`, `≥1× — ${verdict(ratio >= 1)}`]);
  const fromText = median(rates.text) / median(rates.json);
  rows.push(['the same event given as text: `parseWebhook(text)` + 5 fields', fmt(rates.text, 'events/s'),
    `JSON.parse + the same fields ${fmt(rates.json, 'events/s')}`, `${fromText.toFixed(2)}× faster`, '—']);
  const floor = median(rates.mapped) / median(rates.json);
  rows.push(['the same event read in JS: `JSON.parse` + its fields copied into the event, + 5 fields', fmt(rates.mapped, 'events/s'),
    `JSON.parse + the same fields ${fmt(rates.json, 'events/s')}`, `${floor.toFixed(2)}× faster`, '—']);

  // The same sides counted rather than timed (timed rows of this size move by ±10% from run to
  // run on a shared host): callgrind's instructions for 40,000 events less those for 20,000, so
  // that start-up cancels out. Skipped where valgrind is not installed (bench/run.sh installs it).
  if (spawnSync('valgrind', ['--version']).status === 0) {
    const instructions = (side, events) => {
      const run = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null',
        process.execPath, '--single-threaded', '--no-liftoff', '--no-wasm-tier-up',
        fileURLToPath(new URL('webhook_count.mjs', import.meta.url)), WEBHOOKS_ENTRY, side, String(events)], { encoding: 'utf8' });
      const collected = /Collected : (\d+)/.exec(run.stderr);
      if (run.status !== 0 || !collected) throw new Error(`callgrind of ${side}: ${run.stderr.slice(-500)}`);
      return Number(collected[1]);
    };
    const perEvent = (side) => (instructions(side, 40_000) - instructions(side, 20_000)) / 20_000;
    const counted = Object.fromEntries(['ours', 'json', 'mapped'].map((side) => [side, perEvent(side)]));
    const k = (n) => `${(n / 1000).toFixed(1)}k`;
    rows.push(['instructions per webhook event, counted by callgrind: `parseWebhook(bytes)` + 5 fields', k(counted.ours),
      `JSON.parse + the same fields ${k(counted.json)}; in JS copied into the event ${k(counted.mapped)}`,
      `${(counted.json / counted.ours).toFixed(2)}× faster by count (copied: ${(counted.json / counted.mapped).toFixed(2)}×)`,
      '– (the CPU under the ≥1× row)']);
  }
}

// ------------------------------------------------------------ 3c. memory over 10,000 calls
// In a fresh process: in this one the chat scan's garbage is handed back to the system at V8's
// pace, which made the growth come out negative.
{
  const script = `
    const { Client } = require(${JSON.stringify(NODE_ENTRY)});
    const client = new Client(${JSON.stringify({ ...SIM, baseUrl: SIM_URL })});
    const rssMb = () => process.memoryUsage().rss / 1e6;
    (async () => {
      for (let j = 0; j < 2500; j++) await client.listCommunities(1, 10);
      global.gc();
      const before = rssMb();
      const steps = [];
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 2500; j++) await client.listCommunities(1, 10);
        global.gc();
        steps.push(rssMb());
      }
      console.log(JSON.stringify({ before, steps }));
    })();`;
  const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the memory run failed: ${child.stderr}`);
  const { before, steps } = JSON.parse(child.stdout);
  const growth = steps.at(-1) - before;
  const deltas = steps.map((s, i) => s - (i ? steps[i - 1] : before));
  rows.push(['RSS growth after 10,000 sequential calls (fresh process, after a warm-up)', `${growth.toFixed(1)} MB`,
    `after each 2,500 calls: ${deltas.map((d) => `${d >= 0 ? '+' : ''}${d.toFixed(1)}`).join(', ')} MB`,
    '—', `≤10 MB — ${verdict(growth <= 10)}`]);
  await clearLog();
}

// ------------------------------------------------------------ 4. module init time, wasm size
// Timed inside a fresh process, from just before `require` to just after the first client: the
// module's own cost, without the tens of milliseconds (and their spread) of starting node itself,
// which the whole-process rows show beside it.
const SIM_ENTRY = path.join(PKG_DIR, 'pkg', 'simulator', 'node', 'zapi_communities_wasm.js');
const initCode = (entry, make) =>
  `const start = process.hrtime.bigint(); const { Client } = require(${JSON.stringify(entry)}); ${make}; ` +
  'process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));';
const mainInit = initCode(NODE_ENTRY, "new Client({ instanceId: 'I', token: 't' }).free()");
const simInit = initCode(SIM_ENTRY, 'Client.simulated().free()');
const spawnMs = (code) => {
  const start = now();
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node -e failed: ${code}`);
  return { whole: ms(start), inside: Number(r.stdout) };
};
for (let i = 0; i < 3; i++) { spawnMs(''); spawnMs(mainInit); spawnMs(simInit); }
const bare = [];
const full = [];
const simFull = [];
for (let i = 0; i < Math.max(ROUNDS, 10); i++) { bare.push(spawnMs('')); full.push(spawnMs(mainInit)); simFull.push(spawnMs(simInit)); }
const inside = (runs) => runs.map((r) => r.inside);
const whole = (runs) => runs.map((r) => r.whole);
const initMs = median(inside(full));
rows.push(['`require` + instantiate + `new Client(…)`, timed inside a fresh `node` process', fmt(inside(full), 'ms', 1), '—',
  '—', `≤30 ms — ${verdict(initMs <= 30)}`]);
rows.push(['the same for `zapi-communities/simulator` + `Client.simulated()`', fmt(inside(simFull), 'ms', 1), '—', '—', '—']);
rows.push(['whole `node -e` process with that code', fmt(whole(full), 'ms', 1), `bare node ${fmt(whole(bare), 'ms', 1)}`,
  `+${(median(whole(full)) - median(whole(bare))).toFixed(1)} ms`, '—']);

const gzKiB = (file) => {
  const wasm = fs.readFileSync(file);
  return { gz: gzipSync(wasm, { level: 9 }).length, raw: wasm.length };
};
const main = gzKiB(path.join(PKG_DIR, 'pkg', 'web', 'zapi_communities_wasm_bg.wasm'));
const webhooksOnly = gzKiB(path.join(PKG_DIR, 'pkg', 'webhooks', 'web', 'zapi_communities_wasm_bg.wasm'));
const withPlan = gzKiB(path.join(PKG_DIR, 'pkg', 'plan', 'web', 'zapi_communities_wasm_bg.wasm'));
const withSim = gzKiB(path.join(PKG_DIR, 'pkg', 'simulator', 'web', 'zapi_communities_wasm_bg.wasm'));
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
rows.push(['wasm size (gzip -9), main entry', `${kb(main.gz)} gz (${kb(main.raw)} raw)`, '—', '—',
  `≤150 KB gz — ${verdict(main.gz <= 150_000)}`]);
rows.push(['wasm size (gzip -9), `zapi-communities/webhooks` (no client)', `${kb(webhooksOnly.gz)} gz (${kb(webhooksOnly.raw)} raw)`, '—', '—', '—']);
rows.push(['wasm size (gzip -9), `zapi-communities/plan`', `${kb(withPlan.gz)} gz (${kb(withPlan.raw)} raw)`, '—', '—', '—']);
rows.push(['wasm size (gzip -9), `zapi-communities/simulator`', `${kb(withSim.gz)} gz (${kb(withSim.raw)} raw)`, '—', '—', '—']);

client.free();

console.log('### Node');
console.log();
console.log(`Node ${process.version}, package \`bindings-wasm\` (pkg/node), against \`zapi-sim\` on loopback ` +
  `(GET /communities?page=1&pageSize=10, ${expected} community). ${ROUNDS} rounds after a warm-up; in a sequential ` +
  `round the sides take turns ten calls at a time, other rounds alternate ours / fetch; median (min–max). Ratios: ours ÷ fetch for time, fetch ÷ ours for 'faster'.`);
console.log();
console.log('| figure | ours | alternative | ratio | target |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
if (notes.length) {
  console.log();
  for (const note of notes) console.log(`- ${note}`);
}
