// Neither the instance token nor the Client-Token ever reaches an error: not its message, its
// stack, its fields, JSON.stringify or util.inspect, whatever the server echoes back.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { inspect } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { Client, rejection, thrown } from './helpers/client.mjs';
import { startSim } from './helpers/sim.mjs';

const TOKEN = 'canaryTOKEN7f3a9c';
const CLIENT_TOKEN = 'canaryCLIENT2b8e4d';

function assertClean(error) {
  const views = [
    error.message,
    error.stack,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: 5, showHidden: true }),
    ...Object.values(error).map(String),
  ];
  for (const view of views) {
    assert.ok(!view.includes('canary'), `a token leaked into: ${view}`);
  }
}

/** A hostile server that puts the URL and the Client-Token into every answer. */
function echoServer(mode) {
  return http.createServer((req, res) => {
    const echo = `${req.method} ${req.url} client-token=${req.headers['client-token']}`;
    if (mode === 'error') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: echo }));
    } else if (mode === 'html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(`<html><body>${echo}</body></html>`);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"broken": ${echo}`);
    }
  });
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

describe('redaction of both tokens', () => {
  let sim;
  const servers = [];
  before(async () => {
    sim = await startSim();
  });
  after(async () => {
    await sim.stop();
    for (const server of servers) server.close();
  });

  const canaryClient = (baseUrl, extra = {}) =>
    new Client({ instanceId: 'SIM-INSTANCE', token: TOKEN, clientToken: CLIENT_TOKEN, baseUrl, maxRetries: 0, ...extra });

  for (const mode of ['error', 'html', 'decode']) {
    it(`a server echoing the URL and headers (${mode})`, async () => {
      const server = echoServer(mode);
      servers.push(server);
      const error = await rejection(canaryClient(await listen(server)).groupMetadata('120363000000000002-group'));
      assert.equal(error.kind, mode === 'decode' ? 'decode' : 'api');
      assertClean(error);
      if (mode === 'error') assert.match(error.detail, /token\/\*\*\*\//, 'the echo is kept, the token masked');
    });
  }

  it('wrong credentials at the simulator (401)', async () => {
    const error = await rejection(canaryClient(sim.url).createCommunity('Rua'));
    assert.equal(error.status, 401);
    assertClean(error);
  });

  it('a refused connection', async () => {
    const probe = net.createServer();
    const url = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const error = await rejection(canaryClient(url).listChats(1, 10));
    assert.equal(error.kind, 'transport');
    assertClean(error);
  });

  it('a timeout', async () => {
    const slow = http.createServer(() => {});
    servers.push(slow);
    const error = await rejection(canaryClient(await listen(slow), { timeoutMs: 100 }).listChats(1, 10));
    assert.equal(error.kind, 'timeout');
    assertClean(error);
  });

  it('invalid options around a token', () => {
    assertClean(thrown(() => new Client({ instanceId: 'a b', token: TOKEN })));
    assertClean(thrown(() => new Client({ instanceId: 'I', token: `${TOKEN}/x` })));
    assertClean(thrown(() => new Client({ instanceId: 'I', token: TOKEN, baseUrl: `ftp://${TOKEN}` })));
  });

  it('the client object does not show the tokens either', () => {
    const client = canaryClient(sim.url);
    assert.ok(!inspect(client, { showHidden: true, depth: 5 }).includes('canary'));
    assert.ok(!JSON.stringify(client).includes('canary'));
  });
});
