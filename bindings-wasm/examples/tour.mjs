#!/usr/bin/env node
// The guided tour, in JavaScript.
//
//   node examples/tour.mjs              on the in-memory simulator: no network, no credentials
//   node examples/tour.mjs --sim URL    on the HTTP simulator (zapi-sim) listening at URL
//   node examples/tour.mjs --live       on a real instance, from ZAPI_INSTANCE_ID, ZAPI_TOKEN,
//                                       ZAPI_CLIENT_TOKEN, ZAPI_BASE_URL and ZAPI_TOUR_PHONES
//                                       (three or more comma-separated numbers)
// The same story runs in every mode; only the client differs.
// The simulator entry: the same client, plus `Client.simulated()` and `Simulator`.
import { Client, Simulator } from 'zapi-communities/simulator';
import { DEMO_PHONES, runTour, simulatorServer } from './tour-story.mjs';

const args = process.argv.slice(2);
const simAt = args.indexOf('--sim');
let client;
let simulator = null;
let phones = DEMO_PHONES;
let where;
if (args.includes('--live')) {
  client = Client.fromEnv();
  phones = (process.env.ZAPI_TOUR_PHONES ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  where = 'a live instance';
} else if (simAt >= 0) {
  const baseUrl = args[simAt + 1];
  client = new Client({ instanceId: 'SIM-INSTANCE', token: 'sim-token', clientToken: 'sim-client-token', baseUrl });
  simulator = simulatorServer(baseUrl);
  where = `the simulator server at ${baseUrl}`;
} else {
  simulator = new Simulator();
  client = simulator.client();
  where = 'the embedded simulator';
}

console.log(`Running the tour on ${where}\n`);
try {
  await runTour(client, phones, (line) => console.log(line), simulator);
} catch (error) {
  console.error(`tour failed: ${error.message}`);
  process.exitCode = 1;
}
