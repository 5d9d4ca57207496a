// Building a Client: direct, behind a proxy, from process.env; the browser warning; many calls
// in flight over one client.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { Client, SimClient, thrown } from './helpers/client.mjs';
import { closedPort } from './helpers/shared.mjs';
import { SIM, routes, startSim } from './helpers/sim.mjs';

/** Runs `fn` with console.warn captured. */
function warnings(fn) {
  const seen = [];
  const original = console.warn;
  console.warn = (...args) => seen.push(args.join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('constructing a Client', () => {
  let sim;
  before(async () => {
    sim = await startSim();
  });
  after(() => sim.stop());

  it('defaults to the public host and trims a trailing slash of baseUrl', () => {
    assert.equal(new Client({ instanceId: 'I', token: 't' }).baseUrl, 'https://api.z-api.io');
    assert.equal(new Client({ instanceId: 'I', token: 't', baseUrl: `${sim.url}/` }).baseUrl, sim.url);
  });

  it('proxy mode needs a baseUrl and no token, and sends placeholders there', async () => {
    const error = thrown(() => new Client({ instanceId: 'I' }));
    assert.equal(error.field, 'token');
    assert.match(error.reason, /proxy/);
    assert.equal(thrown(() => new Client({ proxy: true })).field, 'base_url');
    assert.equal(thrown(() => new Client({ proxy: true, baseUrl: 'https://api.z-api.io' })).field, 'token');
    assert.equal(thrown(() => new Client({ proxy: true, baseUrl: 'https://my.app', token: 't' })).field, 'token');
    // A stand-in proxy that records where requests went.
    const seen = [];
    const server = (await import('node:http')).createServer((req, res) => {
      seen.push(req.url);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const proxied = new Client({ proxy: true, baseUrl: `http://127.0.0.1:${server.address().port}/zapi` });
      await proxied.listChats(1, 10);
      const named = new Client({ proxy: true, baseUrl: `http://127.0.0.1:${server.address().port}/zapi`, instanceId: 'MINE' });
      await named.listChats(1, 10);
    } finally {
      server.close();
    }
    assert.deepEqual(seen, [
      '/zapi/instances/proxy/token/proxy/chats?page=1&pageSize=10',
      '/zapi/instances/MINE/token/proxy/chats?page=1&pageSize=10',
    ]);
  });

  it('fromEnv reads process.env', async () => {
    const saved = { ...process.env };
    try {
      for (const key of Object.keys(process.env)) if (key.startsWith('ZAPI_')) delete process.env[key];
      assert.equal(thrown(() => Client.fromEnv()).field, 'ZAPI_INSTANCE_ID');
      process.env.ZAPI_INSTANCE_ID = SIM.instanceId;
      assert.equal(thrown(() => Client.fromEnv()).field, 'ZAPI_TOKEN');
      process.env.ZAPI_TOKEN = SIM.token;
      process.env.ZAPI_CLIENT_TOKEN = SIM.clientToken;
      process.env.ZAPI_BASE_URL = sim.url;
      const client = Client.fromEnv();
      assert.equal(client.baseUrl, sim.url);
      assert.deepEqual(await client.listCommunities(1, 10), []);
      // Every option has its variable, and the options given win over the variables.
      process.env.ZAPI_MAX_RETRIES = 'many';
      assert.equal(thrown(() => Client.fromEnv()).field, 'ZAPI_MAX_RETRIES');
      assert.deepEqual(await Client.fromEnv({ maxRetries: 0 }).listCommunities(1, 10), []);
      process.env.ZAPI_MAX_RETRIES = '1';
      process.env.ZAPI_BASE_URL = 'http://example.com';
      assert.equal(thrown(() => Client.fromEnv()).field, 'ZAPI_BASE_URL');
      process.env.ZAPI_ALLOW_INSECURE_HTTP = '1';
      assert.equal(Client.fromEnv().baseUrl, 'http://example.com');
    } finally {
      process.env = saved;
    }
  });

  it('warns in a browser (a page has `document`) when calling api.z-api.io directly, not otherwise', () => {
    assert.deepEqual(warnings(() => new Client({ instanceId: 'I', token: 't' })), [], 'Node: no warning');
    globalThis.document = {};
    try {
      const direct = warnings(() => new Client({ instanceId: 'I', token: 't' }));
      assert.equal(direct.length, 1);
      assert.match(direct[0], /api\.z-api\.io directly.*proxy mode/s);
      assert.ok(!direct[0].includes(' t '), 'the token is not in the warning');
      assert.deepEqual(warnings(() => new Client({ proxy: true, baseUrl: 'https://my.app/zapi' })), []);
      assert.deepEqual(warnings(() => SimClient.simulated()), []);
    } finally {
      delete globalThis.document;
    }
  });

  it('one client serves many calls in flight at once over HTTP', async () => {
    await sim.reset();
    const client = new Client(sim.clientOptions());
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => client.createCommunity(`C${i}`)));
    assert.equal(new Set(created.map((c) => c.id)).size, 20);
    const sent = await Promise.all(created.map((c) => client.announce(c.id, 'hello')));
    assert.ok(sent.every((s) => s.announcementGroup.source === 'create_response'));
    assert.equal(routes(await sim.requests()).filter((r) => r === 'POST /send-text').length, 20);
  });

  it('a timeout longer than setTimeout can hold (2^31 - 1 ms) is not an immediate timeout', async () => {
    await sim.reset();
    const patient = new Client(sim.clientOptions({ timeoutMs: 2 ** 32 }));
    assert.deepEqual(await patient.listCommunities(1, 10), []);
  });

  it('loads node:http and node:https on the first call of their protocol, not at require', async () => {
    await sim.reset();
    // In a fresh process: these modules stay loaded once any code has asked for them.
    const script = `
      const loaded = () => ['http', 'https'].filter((name) => process.moduleLoadList.includes('NativeModule ' + name));
      const { Client } = require(${JSON.stringify(createRequire(import.meta.url).resolve('zapi-communities'))});
      const seen = { required: loaded() };
      (async () => {
        await new Client(${JSON.stringify(sim.clientOptions())}).listCommunities(1, 10);
        seen.plain = loaded();
        const closed = new Client({ instanceId: 'I', token: 't', baseUrl: 'https://127.0.0.1:${await closedPort()}', maxRetries: 0 });
        seen.refused = await closed.listCommunities(1, 10).then(() => 'answered', (error) => error.kind);
        seen.secure = loaded();
        console.log(JSON.stringify(seen));
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script]);
    assert.deepEqual(JSON.parse(stdout), { required: [], plain: ['http'], refused: 'transport', secure: ['http', 'https'] });
  });
});
