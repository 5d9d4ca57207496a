// The canary run of the shared suites: a client holding canary values as its instance token and
// Client-Token (accepted by a zapi-sim started with them) is driven through every error path of
// the fault suite (tests/faults/cases.json) and every error response of tests/vectors/responses.json,
// plus refused credentials. Neither canary may appear in any error's message, String(error),
// JSON.stringify(error), stack, util.inspect or any of its fields.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { Client, ZapiError } from './helpers/client.mjs';
import { dispatch } from './helpers/dispatch.mjs';
import {
  DEFAULT_MAX_BODY_BYTES,
  Tally,
  bounded,
  closedPort,
  faultCases,
  respond,
  vectors,
} from './helpers/shared.mjs';
import { SIM, startSim } from './helpers/sim.mjs';

const TOKEN = 'canaryTOKENe41d07';
const CLIENT_TOKEN = 'canaryCLIENTa93f52';
const tally = new Tally('node');

/** Every view of an error a user or a log could see. */
function views(error) {
  return {
    message: error.message,
    'String(error)': String(error),
    'JSON.stringify(error)': JSON.stringify(error),
    stack: error.stack,
    inspect: inspect(error, { depth: 5, showHidden: true }),
    ...Object.fromEntries(Object.entries(error).map(([k, v]) => [`.${k}`, String(v)])),
  };
}

function assertClean(error, name) {
  assert.ok(error instanceof ZapiError, `${name}: not a ZapiError: ${error?.stack ?? error}`);
  for (const [view, text] of Object.entries(views(error))) {
    assert.equal(typeof text, 'string', `${name}: ${view} is not a string`);
    for (const canary of [TOKEN, CLIENT_TOKEN, 'canary']) {
      assert.ok(!text.includes(canary), `${name}: a canary leaked into ${view}: ${text}`);
    }
  }
}

/** Runs the call; resolves to the error it rejected with, or null. */
async function failure(client, call, args, name) {
  try {
    await bounded(dispatch(client, call, args), 20_000, name);
    return null;
  } catch (error) {
    return error;
  }
}

describe('canary tokens through every error path', () => {
  let sim;
  let closed;
  const kinds = new Set();
  before(async () => {
    sim = await startSim(['--token', TOKEN, '--client-token', CLIENT_TOKEN]);
    closed = `http://127.0.0.1:${await closedPort()}`;
  });
  after(async () => {
    await sim?.stop();
    tally.print();
    console.log(`node canary: error kinds seen: ${[...kinds].sort().join(', ')}`);
  });

  const canaryClient = (extra = {}) =>
    new Client({ instanceId: SIM.instanceId, token: TOKEN, clientToken: CLIENT_TOKEN, baseUrl: sim.url, ...extra });

  it('the simulator accepts the canaries (so every path below is the real one)', async () => {
    await sim.reset();
    const community = await canaryClient().createCommunity('Canary street');
    assert.match(community.id, /^\d+$/);
  });

  for (const c of faultCases()) {
    it(`fault: ${c.name}`, { timeout: 40_000 }, tally.counted('canary/faults', async () => {
      await sim.reset();
      if (c.rule) await sim.fault(c.rule);
      const client = canaryClient({
        timeoutMs: c.client.timeout_ms,
        maxRetries: c.client.max_retries,
        ...(c.closed_port ? { baseUrl: closed } : {}),
      });
      const error = await failure(client, c.call, c.args, c.name);
      if (c.expect.error) assert.ok(error, `${c.name}: no error`);
      if (error) {
        kinds.add(error.kind);
        assertClean(error, c.name);
      }
    }));
  }

  it('fault: a body over the fixed cap', { timeout: 40_000 }, tally.counted('canary/faults', async () => {
    await sim.reset();
    await sim.fault({ fault: { kind: 'huge', bytes: DEFAULT_MAX_BODY_BYTES + 1 } });
    const error = await failure(canaryClient(), 'list_communities', { page: 1, page_size: 10 }, 'huge');
    assert.equal(error?.kind, 'decode');
    assertClean(error, 'huge');
  }));

  for (const v of vectors('responses').filter((r) => r.expect.error)) {
    it(`response: ${v.name}`, tally.counted('canary/responses', async () => {
      await sim.reset();
      await sim.fault(respond(v.response));
      const error = await failure(canaryClient({ maxRetries: 0 }), v.call, v.args, v.name);
      assert.equal(error?.kind, v.expect.error.kind, v.name);
      kinds.add(error.kind);
      assertClean(error, v.name);
    }));
  }

  it('refused credentials: a wrong token (401) and a wrong Client-Token (403)', tally.counted('canary/auth', async () => {
    await sim.reset();
    const wrongToken = new Client({ ...SIM, token: `${TOKEN}x`, clientToken: CLIENT_TOKEN, baseUrl: sim.url });
    const wrongClient = new Client({ ...SIM, token: TOKEN, clientToken: `${CLIENT_TOKEN}x`, baseUrl: sim.url });
    for (const [client, status] of [[wrongToken, 401], [wrongClient, 403]]) {
      const error = await failure(client, 'create_community', { name: 'Canary' }, `status ${status}`);
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
