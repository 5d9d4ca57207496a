// The shared fault suite (tests/faults/cases.json): the JS client against every fault zapi-sim
// injects, as zapi-sim/tests/client_faults.rs runs it. Each case ends in a typed error or a
// result, never a hang, and the server's log proves how often the request was sent (a POST
// never twice).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from './helpers/client.mjs';
import { outcome } from './helpers/dispatch.mjs';
import {
  DEFAULT_MAX_BODY_BYTES,
  KNOWN_FAULT_FAILURES,
  Tally,
  bounded,
  checkDecoy,
  checkOutcome,
  closedPort,
  faultCases,
  faultClientOptions,
  faultExpectation,
  faultMethod,
  sleep,
} from './helpers/shared.mjs';
import { startSim } from './helpers/sim.mjs';

const tally = new Tally('node');
const cases = faultCases();

describe('shared fault suite', () => {
  let sim;
  let closed;
  before(async () => {
    sim = await startSim();
    closed = `http://127.0.0.1:${await closedPort()}`;
  });
  after(async () => {
    await sim?.stop();
    tally.print();
  });

  it('has at least 20 cases', () => assert.ok(cases.length >= 20, `${cases.length}`));

  for (const c of cases) {
    const known = KNOWN_FAULT_FAILURES[c.name];
    it(c.name, { timeout: 40_000 }, tally.counted('faults', async (t) => {
      await sim.reset();
      if (c.rule) await sim.fault(c.rule);
      const options = sim.clientOptions({ ...faultClientOptions(c), ...(c.closed_port ? { baseUrl: closed } : {}) });
      const got = await bounded(outcome(new Client(options), c.call, c.args), 20_000, c.name);
      const { expect, note } = faultExpectation(c, 'node');
      if (note) t.diagnostic(`${c.name}: ${note}`);
      try {
        if (Object.hasOwn(expect, 'ok')) {
          assert.ok(!got.error, `${c.name}: want a result, got ${JSON.stringify(got.error)}`);
        } else {
          checkOutcome(expect, got, c.name);
        }
        if (known) t.diagnostic(`${c.name}: NOW PASSES, remove it from KNOWN_FAULT_FAILURES (helpers/shared.mjs)`);
      } catch (error) {
        if (!known?.matches(got)) throw error;
        tally.known('faults', `${c.name}: ${known.reason}`);
        t.diagnostic(`known failure, ${known.reason}: ${error.message.split('\n')[0]}`);
      }
      // Give a request cut by the client's timeout time to be logged.
      await sleep(50);
      const method = faultMethod(c);
      const sent = (await sim.requests()).filter((r) => r.method === method).length;
      assert.equal(sent, c.requests, `${c.name}: ${method} requests seen by the server`);
      await checkDecoy(sim, c);
    }));
  }

  // In place of the skipped huge-body case: the same fault over the cap the binding does have.
  it('binding extra: a body larger than the fixed cap is refused, once', { timeout: 40_000 }, async () => {
    await sim.reset();
    await sim.fault({ fault: { kind: 'huge', bytes: DEFAULT_MAX_BODY_BYTES + 1 }, times: 5 });
    const client = new Client(sim.clientOptions({ timeoutMs: 10_000, maxRetries: 2 }));
    const got = await bounded(outcome(client, 'list_communities', { page: 1, page_size: 10 }), 20_000, 'huge');
    checkOutcome({ error: { kind: 'decode' } }, got, 'huge');
    assert.match(got.error.detail, /cap/);
    assert.equal((await sim.requests()).length, 1, 'a body over the cap is not asked for again');
  });
});
