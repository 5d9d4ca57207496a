// Reads the typical webhook event N times on one side and nothing else, for callgrind:
//   node --single-threaded --no-liftoff --no-wasm-tier-up webhook_count.mjs ENTRY SIDE N
// ENTRY is the webhooks entry's Node build, SIDE one of webhook_sides.mjs's (ours, text, json,
// mapped). The flags make the count repeatable: wasm compiled once by the optimising compiler, no
// compilation or garbage collection on other threads.
import { createRequire } from 'node:module';
import { webhookSides } from './webhook_sides.mjs';

const [entry, side, count] = process.argv.slice(2);
const run = webhookSides(createRequire(import.meta.url)(entry).parseWebhook)[side];
if (!run) throw new Error(`no side ${side}`);
let total = 0;
for (let i = 0; i < Number(count); i++) total += run();
console.log(total);
