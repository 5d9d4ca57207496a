#!/usr/bin/env node
// Per-call overhead of the wasm client against the HTTP simulator, next to plain `fetch` doing
// the same exchange, and the in-memory simulator's cost per call.
//   node scripts/bench.mjs [calls]      (needs zapi-sim, see tests/helpers/sim.mjs, and pkg/)
// Each operation starts from a fresh simulator state, and client and plain-fetch calls
// alternate, so both see the same server.
import { performance } from 'node:perf_hooks';

import { Client } from 'zapi-communities';
import { SIM, startSim } from '../tests/helpers/sim.mjs';

const CALLS = Number(process.argv[2] ?? 1000);
const sim = await startSim();
const base = `${sim.url}/instances/${SIM.instanceId}/token/${SIM.token}`;
const headers = { accept: 'application/json', 'client-token': SIM.clientToken };

async function fetchJson(route, init = {}) {
  const response = await fetch(`${base}${route}`, { ...init, headers: { ...headers, ...init.headers } });
  return JSON.parse(await response.text());
}

/** Alternates `plain(i)` and `wasm(i)` CALLS times each; prints µs/call for both. */
async function compare(label, setup) {
  await sim.reset();
  const client = new Client(sim.clientOptions());
  const { plain, wasm } = await setup(client);
  for (let i = 0; i < 100; i++) await Promise.all([plain(i), wasm(i)]); // warm-up (JIT, connections)
  const spent = { plain: 0, wasm: 0 };
  for (let i = 0; i < CALLS; i++) {
    for (const [name, fn] of i % 2 ? [['plain', plain], ['wasm', wasm]] : [['wasm', wasm], ['plain', plain]]) {
      const start = performance.now();
      await fn(i);
      spent[name] += performance.now() - start;
    }
  }
  const [p, w] = [(spent.plain * 1000) / CALLS, (spent.wasm * 1000) / CALLS];
  // CPU time of this process only (the simulator is another process): steadier than wall
  // time on a busy machine.
  const cpu = async (fn) => {
    const before = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) await fn(i);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / CALLS;
  };
  const [cp, cw] = [await cpu(plain), await cpu(wasm)];
  console.log(
    `${label.padEnd(20)} wall: fetch ${p.toFixed(0).padStart(5)} µs, client ${w.toFixed(0).padStart(5)} µs (+${(w - p).toFixed(0)})` +
      `   cpu: fetch ${cp.toFixed(0).padStart(4)} µs, client ${cw.toFixed(0).padStart(4)} µs (+${(cw - cp).toFixed(0)})`,
  );
}

try {
  await compare('GET invitation link', async (client) => {
    const group = (await client.createCommunity('Bench')).announcementGroup;
    return { plain: () => fetchJson(`/group-invitation-link/${group}`), wasm: () => client.groupInvitationLink(group) };
  });
  await compare('GET group metadata', async (client) => {
    const group = (await client.createCommunity('Bench')).announcementGroup;
    return { plain: () => fetchJson(`/group-metadata/${group}`), wasm: () => client.groupMetadata(group) };
  });
  await compare('POST send-text', async (client) => {
    const group = (await client.createCommunity('Bench')).announcementGroup;
    const post = (i) =>
      fetchJson('/send-text', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: group, message: `m${i}` }),
      });
    return { plain: post, wasm: (i) => client.sendText(group, `m${i}`) };
  });

  const memory = Client.simulated();
  const group = (await memory.createCommunity('Bench')).announcementGroup;
  for (const [label, call] of [
    ['GET invitation link', () => memory.groupInvitationLink(group)],
    ['GET group metadata', () => memory.groupMetadata(group)],
  ]) {
    for (let i = 0; i < 100; i++) await call();
    const start = performance.now();
    const before = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) await call();
    const used = process.cpuUsage(before);
    const wall = ((performance.now() - start) * 1000) / CALLS;
    console.log(`in-memory ${label.padEnd(20)} wall ${wall.toFixed(0)} µs, cpu ${((used.user + used.system) / CALLS).toFixed(0)} µs per call`);
  }
} finally {
  await sim.stop();
}
