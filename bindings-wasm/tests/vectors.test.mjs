// The shared conformance vectors (tests/vectors/*.json, read by every language) through the JS
// client over real HTTP: zapi-sim logs each request, and its `respond` fault plays each canned
// response. The checks are those of core/tests/vectors.rs (see helpers/shared.mjs).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { Client, parseWebhook } from './helpers/client.mjs';
import { runSteps, useModule } from './helpers/dispatch.mjs';
import { Tally, VECTOR_CASES, VECTOR_FILES, vectors } from './helpers/shared.mjs';
import { REPO_ROOT, startSim } from './helpers/sim.mjs';

const tally = new Tally('node');
useModule({ parseWebhook });
// The minimum sizes the Rust runner asserts.
const MINIMUM = { requests: 30, responses: 30, validation: 40, resolution: 1, paging: 5, errors: 6, events: 70 };

describe('shared vectors', () => {
  let sim;
  before(async () => {
    sim = await startSim();
  });
  after(async () => {
    await sim?.stop();
    tally.print();
  });

  const run = (steps, options) => runSteps(new Client(sim.clientOptions(options)), steps);

  it('every vector file is run', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'tests', 'vectors')).filter((f) => f.endsWith('.json'));
    // plans.json runs in plan.test.mjs.
    assert.deepEqual(files.map((f) => f.replace(/\.json$/, '')).sort(), [...VECTOR_FILES, 'plans'].sort());
  });

  for (const file of VECTOR_FILES) {
    const cases = vectors(file);
    describe(`${file}.json`, () => {
      it(`has at least ${MINIMUM[file]} vectors`, () => assert.ok(cases.length >= MINIMUM[file], `${cases.length}`));
      for (const v of cases) {
        it(v.name, { timeout: 30_000 }, tally.counted(`vectors/${file}`, () => VECTOR_CASES[file](sim, v, run)));
      }
    });
  }
});
