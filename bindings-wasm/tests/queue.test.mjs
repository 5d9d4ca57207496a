// The message queue in JS: what waits while the phone is disconnected is listed page by page,
// deleted one by one or all at once, and the rest goes out on reconnection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Simulator } from 'zapi-communities/simulator';

const ANA = '5511911111111';

describe('the message queue', () => {
  it('is listed, trimmed and sent on reconnection', async () => {
    const simulator = new Simulator();
    const client = simulator.client();
    assert.deepEqual(await client.listQueue(), { messages: [], pagingState: null, hasMore: false });
    assert.equal(simulator.setPhoneConnected(false), 0);
    const sent = [];
    for (const text of ['first', 'second', 'third']) sent.push(await client.sendText(ANA, text, { delayMessage: 5 }));

    const queued = await client.queuedMessages();
    assert.deepEqual(queued.map((m) => m.message), ['first', 'second', 'third']);
    assert.deepEqual([queued[1].zaapId, queued[1].messageId], [sent[1].zaapId, sent[1].messageId]);
    assert.deepEqual([queued[0].phone, queued[0].delayMessage, queued[0].delayTyping], [ANA, 5, null]);
    assert.equal(typeof queued[0].created, 'number');

    await client.deleteQueuedMessage(sent[1].zaapId);
    const first = await client.listQueue(null, 1);
    assert.equal(first.hasMore, true);
    const rest = await client.listQueue(first.pagingState, 1);
    assert.deepEqual([rest.messages.map((m) => m.message), rest.hasMore], [['third'], false]);
    assert.equal(simulator.setPhoneConnected(true), 2);
    assert.deepEqual(await client.queuedMessages(), []);
  });

  it('clearing sends nothing, and bad input is refused before any request', async () => {
    const simulator = new Simulator();
    const client = simulator.client();
    simulator.setPhoneConnected(false);
    await client.sendText(ANA, 'stale');
    await client.clearQueue();
    assert.equal(simulator.setPhoneConnected(true), 0);
    const field = (name) => (e) => e.kind === 'validation' && e.field === name;
    await assert.rejects(client.listQueue(undefined, 31), field('page_size'));
    await assert.rejects(client.listQueue(' '), field('paging_state'));
    await assert.rejects(client.listQueue(42), field('paging_state'));
    await assert.rejects(client.deleteQueuedMessage('not an id'), field('zaap_id'));
    assert.throws(() => simulator.setPhoneConnected('yes'), field('connected'));
  });
});
