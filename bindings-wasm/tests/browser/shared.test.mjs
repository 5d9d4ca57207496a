// The shared vectors, the shared fault suite, the canary checks and the shared scenario in headless
// Chromium: the web build runs each call in a page (tests/browser/shared-page.mjs, through the
// same dispatcher as Node) against zapi-sim on another origin; the checks are the Node ones
// (helpers/shared.mjs, as faults.test.mjs and canary.test.mjs use them). The scenario's end state
// goes to target/scenario/chromium.json for tests/steps/90-compare.sh.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { CHROMIUM, FLAGS, staticServer } from './chromium.mjs';

import {
  KNOWN_FAULT_FAILURES,
  Tally,
  VECTOR_CASES,
  VECTOR_FILES,
  bounded,
  checkDecoy,
  checkOutcome,
  clearScenario,
  closedPort,
  faultCases,
  faultClientOptions,
  faultExpectation,
  faultMethod,
  respond,
  scenarioRecord,
  sleep,
  story,
  vectors,
  writeScenario,
} from '../helpers/shared.mjs';
import { SIM, startSim } from '../helpers/sim.mjs';

/** What the page may load. */
const SERVED = ['/pkg/web/', '/pkg/webhooks/web/', '/tests/browser/', '/tests/helpers/dispatch.mjs'];

const tally = new Tally('chromium');

// The canaries of canary.test.mjs: a second simulator accepts them as the credentials.
const TOKEN = 'canaryTOKENe41d07';
const CLIENT_TOKEN = 'canaryCLIENTa93f52';

/** No canary in any view of an error the page reported (see window.failure in shared-page.mjs). */
function assertClean(error, name) {
  assert.ok(error.isZapiError, `${name}: not a ZapiError: ${JSON.stringify(error.views)}`);
  for (const [view, text] of Object.entries(error.views)) {
    assert.equal(typeof text, 'string', `${name}: ${view} is not a string`);
    for (const canary of [TOKEN, CLIENT_TOKEN, 'canary']) {
      assert.ok(!text.includes(canary), `${name}: a canary leaked into ${view}: ${text}`);
    }
  }
}

describe('shared suites in headless Chromium', () => {
  let sim;
  let canarySim;
  let closed;
  let server;
  let browser;
  let page;
  const pageErrors = [];
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    sim = await startSim();
    canarySim = await startSim(['--token', TOKEN, '--client-token', CLIENT_TOKEN]);
    closed = `http://127.0.0.1:${await closedPort()}`;
    server = staticServer(SERVED);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/shared.html`);
    await page.waitForFunction(() => window.ready !== undefined, null, { timeout: 60_000 });
    const ready = await page.evaluate(() => window.ready);
    assert.equal(ready.ok, true, ready.error);
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await sim?.stop();
    await canarySim?.stop();
    tally.print();
    console.log(`chromium canary: error kinds seen: ${[...kinds].sort().join(', ')}`);
  });

  /** Runs the steps in the page on a fresh client (another origin than the simulator's). */
  const run = (steps, options) =>
    page.evaluate(([o, s]) => window.runSteps(o, s), [sim.clientOptions(options), steps]);

  for (const file of VECTOR_FILES) {
    describe(`${file}.json`, () => {
      for (const v of vectors(file)) {
        it(v.name, { timeout: 30_000 }, tally.counted(`vectors/${file}`, () => VECTOR_CASES[file](sim, v, run)));
      }
    });
  }

  describe('faults/cases.json', () => {
    for (const c of faultCases()) {
      const known = KNOWN_FAULT_FAILURES[c.name];
      it(c.name, { timeout: 40_000 }, tally.counted('faults', async (t) => {
        await sim.reset();
        if (c.rule) await sim.fault(c.rule);
        const options = sim.clientOptions({ ...faultClientOptions(c), ...(c.closed_port ? { baseUrl: closed } : {}) });
        const got = await bounded(
          page.evaluate(([o, call, args]) => window.outcome(o, call, args), [options, c.call, c.args]),
          20_000,
          c.name,
        );
        // As in Node: fetch cannot tell a refused connection from a sent request (sent: true).
        const { expect, note } = faultExpectation(c, 'browser');
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
        if (sent > c.requests && got.fetches === c.requests && c.rule?.fault?.kind === 'reset_before_headers') {
          // The client fetched once; Chromium's network stack itself re-sent the request (POST
          // included) because the reused keep-alive connection was reset before any response.
          // Not the client's retry, and nothing fetch lets it prevent: reported, not a failure.
          const reason =
            `Chromium re-sent it: the server saw ${sent} ${method}s for ${got.fetches} fetch call(s) by the client ` +
            '(the browser retries a request whose reused connection is reset before any response)';
          tally.known('faults', `${c.name}: ${reason}`);
          t.diagnostic(`known browser behaviour: ${reason}`);
          return;
        }
        if (got.fetches !== sent) t.diagnostic(`${c.name}: ${got.fetches} fetch call(s) by the client, ${sent} ${method}(s) seen`);
        assert.equal(sent, c.requests, `${c.name}: ${method} requests seen by the server`);
        await checkDecoy(sim, c);
      }));
    }
  });

  const kinds = new Set();
  describe('canary tokens through every error path', () => {
    const canaryOptions = (extra = {}) =>
      ({ instanceId: SIM.instanceId, token: TOKEN, clientToken: CLIENT_TOKEN, baseUrl: canarySim.url, ...extra });
    /** The call in the page: null when it resolved, else the error's views (window.failure). */
    const failure = async (options, call, args, name) =>
      (await bounded(page.evaluate(([o, ca, a]) => window.failure(o, ca, a), [options, call, args]), 20_000, name)).error;

    it('the simulator accepts the canaries (so every path below is the real one)', async () => {
      await canarySim.reset();
      const got = await page.evaluate(
        ([o]) => window.outcome(o, 'create_community', { name: 'Canary street' }),
        [canaryOptions()],
      );
      assert.ok(!got.error, JSON.stringify(got.error));
      assert.match(got.ok.id, /^\d+$/);
    });

    // Every case, as canary.test.mjs runs them: only an error's contents matter here, not the cap.
    for (const c of faultCases()) {
      it(`fault: ${c.name}`, { timeout: 40_000 }, tally.counted('canary/faults', async () => {
        await canarySim.reset();
        if (c.rule) await canarySim.fault(c.rule);
        const options = canaryOptions({ ...faultClientOptions(c), ...(c.closed_port ? { baseUrl: closed } : {}) });
        const error = await failure(options, c.call, c.args, c.name);
        if (c.expect.error) assert.ok(error, `${c.name}: no error`);
        if (error) {
          kinds.add(error.kind);
          assertClean(error, c.name);
        }
      }));
    }

    for (const v of vectors('responses').filter((r) => r.expect.error)) {
      it(`response: ${v.name}`, tally.counted('canary/responses', async () => {
        await canarySim.reset();
        await canarySim.fault(respond(v.response));
        const error = await failure(canaryOptions({ maxRetries: 0 }), v.call, v.args, v.name);
        assert.equal(error?.kind, v.expect.error.kind, v.name);
        kinds.add(error.kind);
        assertClean(error, v.name);
      }));
    }

    it('refused credentials: a wrong token (401) and a wrong Client-Token (403)', tally.counted('canary/auth', async () => {
      await canarySim.reset();
      const wrongToken = canaryOptions({ token: `${TOKEN}x` });
      const wrongClient = canaryOptions({ clientToken: `${CLIENT_TOKEN}x` });
      for (const [options, status] of [[wrongToken, 401], [wrongClient, 403]]) {
        const error = await failure(options, 'create_community', { name: 'Canary' }, `status ${status}`);
        assert.equal(error?.status, status);
        assertClean(error, `status ${status}`);
      }
    }));

    it('every kind a server can cause was seen', () => {
      for (const kind of ['api', 'rate_limited', 'timeout', 'transport', 'decode']) {
        assert.ok(kinds.has(kind), `no ${kind} error was checked`);
      }
    });
  });

  it('the shared story ends in the shared state', { timeout: 60_000 }, tally.counted('scenario', async (t) => {
    clearScenario('chromium');
    const shared = story();
    await sim.reset(shared.fixture);
    const played = await page.evaluate(([o, s]) => window.playStory(o, s), [sim.clientOptions(), shared]);
    assert.equal(played.error, undefined, played.error);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const fromPage = (await sim.requests()).every((r) => r.headers.some(([k, v]) => k === 'origin' && v === origin));
    assert.ok(fromPage, 'every request was sent by the page, cross-origin');
    const record = await scenarioRecord(sim);
    assert.ok(record.requests.length >= shared.steps.length - 1, `${record.requests.length} requests`);
    t.diagnostic(`${played.steps} steps, ${record.requests.length} requests; written to ${writeScenario('chromium', record)}`);
  }));

  it('no error escaped in the page', () => assert.deepEqual(pageErrors, []));
});
