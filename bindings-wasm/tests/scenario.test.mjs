// The shared scenario (tests/scenario/story.json) played by the JS client over real HTTP against
// a fresh zapi-sim, as zapi-sim/tests/scenario.rs plays it. The server's final request log and
// state go to target/scenario/node.json at the repository root, where tests/steps/90-compare.sh
// checks that every runtime left the server in exactly the same state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from './helpers/client.mjs';
import { playStory } from './helpers/dispatch.mjs';
import { Tally, clearScenario, scenarioRecord, story, writeScenario } from './helpers/shared.mjs';
import { startSim } from './helpers/sim.mjs';

const tally = new Tally('node');

describe('shared scenario', () => {
  let sim;
  before(async () => {
    sim = await startSim();
  });
  after(async () => {
    await sim?.stop();
    tally.print();
  });

  it('the shared story ends in the shared state', { timeout: 60_000 }, tally.counted('scenario', async (t) => {
    clearScenario('node');
    const shared = story();
    await sim.reset(shared.fixture);
    // Default options, as the Rust runner's `Client::builder(endpoint).build()`.
    const steps = await playStory(new Client(sim.clientOptions()), shared);
    const record = await scenarioRecord(sim);
    // Every step but `invalidate` (client-side only) sends at least one request.
    assert.ok(record.requests.length >= shared.steps.length - 1, `${record.requests.length} requests`);
    const file = writeScenario('node', record);
    t.diagnostic(`${steps} steps, ${record.requests.length} requests; end state written to ${file}`);
  }));
});
