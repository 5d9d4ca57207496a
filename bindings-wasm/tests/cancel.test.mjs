// Cancelling calls with an AbortSignal (`{ signal }`, the last argument of every call), as fetch
// is cancelled: the call rejects with `signal.reason`, its request in flight is aborted, a pause
// between retries ends, and nothing is left listening to the signal.
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';

import { Client, SimClient, onFreshSimulator, rejection, thrown } from './helpers/client.mjs';
import { bounded } from './helpers/shared.mjs';
import { SIM, body, routes } from './helpers/sim.mjs';

const GROUP = '120363019502650977-group';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An already aborted signal. */
const aborted = (reason) => {
  const controller = new AbortController();
  controller.abort(reason);
  return controller.signal;
};

/** Resolves once the simulator has logged `n` requests. */
async function logged(sim, n) {
  for (let i = 0; i < 200; i += 1) {
    const log = await sim.requests();
    if (log.length >= n) return log;
    await sleep(10);
  }
  throw new Error(`the simulator never logged ${n} requests`);
}

describe('cancelling a call with an AbortSignal', () => {
  let sim;
  let client;
  onFreshSimulator({ maxRetries: 0 }, (s, c) => {
    [sim, client] = [s, c];
  });

  it('an aborted signal rejects with its reason before anything is sent', async () => {
    const error = await rejection(client.listCommunities(1, 10, { signal: aborted() }));
    assert.equal(error.name, 'AbortError');
    assert.ok(error instanceof DOMException);
    const stop = new Error('stop');
    assert.equal(await rejection(client.createCommunity('Rua', null, { signal: aborted(stop) })), stop);
    assert.deepEqual(await sim.requests(), []);
  });

  it('aborting during a call rejects at once, and the client goes on working', async () => {
    await sim.fault({ fault: { kind: 'delay', ms: 3000 }, pathPrefix: '/chats' });
    const controller = new AbortController();
    const call = client.listChats(1, 10, { signal: controller.signal });
    await logged(sim, 1);
    const started = Date.now();
    controller.abort();
    const error = await bounded(rejection(call), 2000, 'an aborted call');
    assert.equal(error.name, 'AbortError');
    assert.ok(Date.now() - started < 1000, `rejected ${Date.now() - started} ms after the abort`);
    assert.deepEqual(await client.listCommunities(1, 10), []);
  });

  it('a timeout signal rejects with a TimeoutError', async () => {
    await sim.fault({ fault: { kind: 'delay', ms: 3000 }, pathPrefix: '/chats' });
    const error = await bounded(rejection(client.listChats(1, 10, { signal: AbortSignal.timeout(100) })), 2000, 'call');
    assert.equal(error.name, 'TimeoutError');
  });

  it('stops listening to the signal when the call ends, however it ends', async () => {
    const { signal } = new AbortController();
    await sim.fault({ fault: { kind: 'delay', ms: 200 }, pathPrefix: '/communities', times: 1 });
    const call = client.listCommunities(1, 10, { signal });
    await logged(sim, 1);
    assert.equal(getEventListeners(signal, 'abort').length, 1, 'listening while the call runs');
    await call;
    assert.equal(getEventListeners(signal, 'abort').length, 0);
    await sim.fault({ fault: { kind: 'status', status: 500 } });
    await rejection(client.listCommunities(1, 10, { signal }));
    assert.equal(getEventListeners(signal, 'abort').length, 0);
    // One signal for many calls, as a bot would keep: nothing piles up.
    for (let i = 0; i < 20; i += 1) await client.listCommunities(1, 10, { signal });
    assert.equal(getEventListeners(signal, 'abort').length, 0);
  });

  it('ends a pause between retries at once, and leaves no timer behind', async () => {
    const patient = new Client(sim.clientOptions({ maxRetries: 2 }));
    await sim.fault({ fault: { kind: 'rate_limit', retryAfter: 8 }, method: 'GET' });
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const controller = new AbortController();
    const call = patient.listChats(1, 10, { signal: controller.signal });
    await logged(sim, 1);
    await sleep(50);
    assert.equal(timers(), before + 1, 'the client waits out the Retry-After');
    const started = Date.now();
    controller.abort();
    assert.equal((await bounded(rejection(call), 2000, 'an aborted pause')).name, 'AbortError');
    assert.ok(Date.now() - started < 1000);
    assert.equal(timers(), before);
    assert.deepEqual(routes(await sim.requests()), ['GET /chats'], 'the retry was never sent');
  });

  it('takes the signal beside the settings of an options object', async () => {
    const community = await client.createCommunity('Rua');
    const { signal } = new AbortController();
    await client.sendText(community.announcementGroup, 'hi', { delayMessage: 3, signal });
    await client.announce(community.id, 'all', { delayTyping: 2, signal: undefined });
    const log = await sim.requests();
    assert.deepEqual(body(log.at(-2)), { phone: community.announcementGroup, message: 'hi', delayMessage: 3 });
    assert.deepEqual(body(log.at(-1)), { phone: community.announcementGroup, message: 'all', delayTyping: 2 });
    const progress = [];
    const outcome = await client.addParticipantsBulk(community.id, ['5511999990001'], {
      chunkSize: 10,
      pauseMs: 0,
      onProgress: (p) => progress.push(p),
      signal,
    });
    assert.deepEqual(outcome.outcomes.map((o) => o.status), ['done']);
    assert.equal(progress.length, 1);
    // The caller's object keeps its signal (it is read from a copy).
    const options = { autoInvite: true, signal: aborted() };
    await sim.clearRequests();
    assert.equal((await rejection(client.addParticipants(community.id, ['5511999990002'], options))).name, 'AbortError');
    assert.ok(options.signal.aborted);
    assert.deepEqual(await sim.requests(), []);
  });

  it('stops at once when a callback of the call itself aborts it', async () => {
    const community = await client.createCommunity('Rua');
    await sim.clearRequests();
    const controller = new AbortController();
    const started = Date.now();
    const call = client.addParticipantsBulk(community.id, ['5511999990001', '5511999990002'], {
      chunkSize: 1,
      pauseMs: 5000,
      onProgress: () => controller.abort(),
      signal: controller.signal,
    });
    assert.equal((await bounded(rejection(call), 3000, 'a bulk run aborted by its onProgress')).name, 'AbortError');
    assert.ok(Date.now() - started < 2000, 'the pause before the second chunk was not waited out');
    const posts = (await sim.requests()).filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1, 'the second chunk was never sent');
  });

  it('refuses what is not a signal, naming it, before anything is sent', async () => {
    for (const [options, field] of [
      [{ signal: 'stop' }, 'signal'],
      [{ signal: { aborted: false } }, 'signal'],
      [5, 'options'],
      [[], 'options'],
      [{ signl: aborted() }, 'options'],
    ]) {
      const error = await rejection(client.listCommunities(1, 10, options));
      assert.equal(error.kind, 'validation', JSON.stringify(options));
      assert.equal(error.field, field);
    }
    assert.equal((await rejection(client.sendText(GROUP, 'hi', { signal: 1 }))).field, 'signal');
    assert.equal((await rejection(client.sendText(GROUP, 'hi', { signl: aborted() }))).kind, 'validation');
    assert.deepEqual(await sim.requests(), []);
  });

  it('a pager takes one signal for all its pages; a cancelled page is asked for again', async () => {
    await client.createCommunity('Rua');
    const controller = new AbortController();
    await sim.fault({ fault: { kind: 'delay', ms: 3000 }, pathPrefix: '/communities', times: 1 });
    const pager = client.communities(10, { signal: controller.signal });
    const first = pager.nextPage();
    await logged(sim, 1);
    controller.abort();
    assert.equal((await bounded(rejection(first), 2000, 'an aborted page')).name, 'AbortError');
    // Not stuck as "called again before the previous page arrived": the signal answers again.
    assert.equal((await rejection(pager.nextPage())).name, 'AbortError');
    const names = [];
    for await (const community of client.communities(10, { signal: new AbortController().signal })) {
      names.push(community.name);
    }
    assert.deepEqual(names, ['Rua']);
    assert.equal(thrown(() => client.communities(10, { signal: 'x' })).field, 'signal');
  });

  it('works on the in-memory simulator too', async () => {
    const simulated = SimClient.simulated();
    assert.equal((await rejection(simulated.listCommunities(1, 10, { signal: aborted() }))).name, 'AbortError');
    const { signal } = new AbortController();
    assert.deepEqual(await simulated.listCommunities(1, 10, { signal }), []);
  });
});

describe('the request in flight', () => {
  // A server that answers nothing and says when a request's connection closes.
  let server;
  let arrived;
  let closed;
  before(async () => {
    server = http.createServer((request) => {
      arrived?.();
      request.socket.on('close', () => closed?.());
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('is aborted with the call: its connection closes', async () => {
    const client = new Client({ ...SIM, baseUrl: `http://127.0.0.1:${server.address().port}`, maxRetries: 0 });
    const came = new Promise((resolve) => {
      arrived = resolve;
    });
    const gone = new Promise((resolve) => {
      closed = resolve;
    });
    const controller = new AbortController();
    const call = client.sendText(GROUP, 'hi', { signal: controller.signal });
    await bounded(came, 2000, 'the request');
    controller.abort();
    assert.equal((await rejection(call)).name, 'AbortError');
    await bounded(gone, 2000, 'the aborted request\'s connection');
  });
});
