// The pagers behind communities() and chats(): async iteration, nextPage(), a failed page asked
// for again, overlapping calls refused, and both styles mixed without losing items.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Client, ZapiError, onFreshSimulator, rejection } from './helpers/client.mjs';

describe('paging', () => {
  let sim;
  let client;
  onFreshSimulator({ maxRetries: 0 }, async (s, c) => {
    [sim, client] = [s, c];
    for (const name of ['A', 'B', 'C', 'D', 'E']) await client.createCommunity(name);
  });

  it('a pager is an async iterable; nothing is requested before the first call', async () => {
    const pager = client.communities(2);
    assert.equal(typeof pager[Symbol.asyncIterator], 'function');
    assert.deepEqual(await sim.requests(), []);
    const iterator = pager[Symbol.asyncIterator]();
    assert.deepEqual(await iterator.next(), { value: { id: '120363000000000001', name: 'A' }, done: false });
    const names = ['A'];
    for await (const community of iterator) names.push(community.name);
    assert.deepEqual(names, ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(await iterator.next(), { value: undefined, done: true });
  });

  it('breaking out of for await stops fetching', async () => {
    for await (const community of client.communities(2)) {
      if (community.name === 'B') break;
    }
    assert.equal((await sim.requests()).length, 1);
  });

  it('an exact multiple of the page size ends with one empty page', async () => {
    await client.createCommunity('F');
    await sim.clearRequests();
    const pager = client.communities(3);
    assert.equal((await pager.nextPage()).length, 3);
    assert.equal((await pager.nextPage()).length, 3);
    assert.equal(await pager.nextPage(), null);
    assert.equal((await sim.requests()).length, 3);
  });

  it('a failed page is asked for again on the next call', async () => {
    const pager = client.communities(2);
    await pager.nextPage();
    await sim.fault({ fault: { kind: 'status', status: 500, message: 'flaky' }, method: 'GET' });
    const error = await rejection(pager.nextPage());
    assert.ok(error instanceof ZapiError);
    assert.equal(error.status, 500);
    assert.deepEqual((await pager.nextPage()).map((c) => c.name), ['C', 'D']);
    const pages = (await sim.requests()).map((r) => r.query[0][1]);
    assert.deepEqual(pages, ['1', '2', '2']);
  });

  it('overlapping calls on one pager are refused, not sent twice', async () => {
    const pager = client.communities(2);
    const first = pager.nextPage();
    const error = await rejection(pager.nextPage());
    assert.equal(error.kind, 'validation');
    assert.equal(error.field, 'pager');
    assert.equal((await first).length, 2);
    assert.equal((await sim.requests()).length, 1);
  });

  it('mixing next() and nextPage() loses nothing', async () => {
    const pager = client.communities(2);
    assert.equal((await pager.next()).value.name, 'A');
    assert.deepEqual((await pager.nextPage()).map((c) => c.name), ['B'], 'the rest of the buffered page');
    assert.deepEqual((await pager.nextPage()).map((c) => c.name), ['C', 'D']);
    const rest = [];
    for await (const community of pager) rest.push(community.name);
    assert.deepEqual(rest, ['E']);
  });

  it('pagers share nothing with each other', async () => {
    const [one, two] = [client.communities(5), client.communities(5)];
    assert.equal((await one.nextPage()).length, 5);
    assert.equal((await two.nextPage()).length, 5);
  });
});
