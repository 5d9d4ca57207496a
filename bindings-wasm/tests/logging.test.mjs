// setLogger: the core's log lines reach a callback or the console at the level set, stop with
// null, and never carry the token or the Client-Token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client, ZapiError, setLogger } from 'zapi-communities';

import { closedPort } from './helpers/shared.mjs';
import { startSim } from './helpers/sim.mjs';

const CANARY = 'canary-tok-51c0a7e9';
const CLIENT_CANARY = 'canary-cli-8b36d2f4';

describe('setLogger', () => {
  let sim;
  before(async () => {
    sim = await startSim(['--token', CANARY, '--client-token', CLIENT_CANARY]);
  });
  after(async () => {
    setLogger(null);
    await sim.stop();
  });
  const client = (baseUrl) => new Client({ instanceId: 'SIM-INSTANCE', token: CANARY, clientToken: CLIENT_CANARY, baseUrl, maxRetries: 1 });

  it('hands each line and its level to a callback, at the level set, never a secret', async () => {
    const lines = [];
    setLogger((level, message) => lines.push([level, message]), { level: 'debug' });
    await client(sim.url).listCommunities(1, 10);
    assert.deepEqual(lines.map(([level, message]) => [level, message.split(' ')[0]]), [['debug', 'sending'], ['debug', 'answered']]);
    assert.match(lines[0][1], /^sending method=GET path=\/communities/);

    lines.length = 0;
    const closed = client(`http://127.0.0.1:${await closedPort()}`);
    await assert.rejects(closed.listCommunities(1, 10), ZapiError);
    assert.deepEqual(lines.map(([level]) => level), ['debug', 'info', 'debug', 'warn']);
    for (const [, message] of lines) {
      assert.ok(!message.includes(CANARY) && !message.includes(CLIENT_CANARY), message);
    }

    lines.length = 0;
    setLogger((level, message) => lines.push([level, message])); // default level: warn
    await client(sim.url).listCommunities(1, 10);
    await assert.rejects(closed.listCommunities(1, 10), ZapiError);
    assert.deepEqual(lines.map(([level]) => level), ['warn']);
    setLogger(null);
    await assert.rejects(closed.listCommunities(1, 10), ZapiError);
    assert.equal(lines.length, 1);
  });

  it('writes to the console by level, and refuses what it cannot use by field', async () => {
    const seen = [];
    const original = console.debug;
    console.debug = (text) => seen.push(text);
    try {
      setLogger('console', { level: 'debug' });
      await client(sim.url).listCommunities(1, 10);
    } finally {
      setLogger(null);
      console.debug = original;
    }
    assert.match(seen[0], /^zapi-communities: sending method=GET path=\/communities/);
    assert.throws(() => setLogger('console', { level: 'loud' }), (e) => e instanceof ZapiError && e.field === 'level');
    assert.throws(() => setLogger(42), (e) => e instanceof ZapiError && e.field === 'logger');
  });
});
