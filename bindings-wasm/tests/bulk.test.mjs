// Bulk membership against zapi-sim: an outcome per number, read from the members after each
// chunk; repeats dropped; every bad number named before anything is sent.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client } from './helpers/client.mjs';
import { startSim } from './helpers/sim.mjs';

const MEMBER = '5511983000001';
const NEWCOMER = '5511983000002';
const REFUSER = '5511983000003';
const OTHER = '5511983000004';

describe('bulk membership', () => {
  let sim;
  before(async () => { sim = await startSim(); });
  after(() => sim.stop());

  it('each number gets its outcome and repeats are dropped', async () => {
    await sim.reset({ refusesAdds: [REFUSER] });
    const client = new Client(sim.clientOptions());
    const group = await client.createGroup('Big', [MEMBER]);
    const list = [MEMBER, NEWCOMER, '+55 11 98300-0002', REFUSER, OTHER];
    const outcome = await client.addParticipantsBulk(group.id, list, { chunkSize: 2, pauseMs: 0 });
    assert.deepEqual(outcome.outcomes.map((o) => [o.phone, o.status]), [
      [MEMBER, 'already_done'], [NEWCOMER, 'done'], [REFUSER, 'not_done'], [OTHER, 'done'],
    ]);
    assert.deepEqual([outcome.duplicates, outcome.complete, outcome.requests, outcome.metadataReads], [[2], true, 2, 3]);
    const invited = await client.addParticipantsBulk(group.id, [REFUSER], { pauseMs: 0, autoInvite: true });
    assert.equal(invited.outcomes[0].status, 'invited');
    const removed = await client.removeParticipantsBulk(group.id, [NEWCOMER, REFUSER], { pauseMs: 0 });
    assert.deepEqual(removed.outcomes.map((o) => o.status), ['done', 'already_done']);
  });

  it('bad numbers are all named before anything is sent', async () => {
    await sim.reset();
    const client = new Client(sim.clientOptions());
    await assert.rejects(client.addParticipantsBulk('120363000000000001-group', [MEMBER, 'abc', 'x']),
      (e) => e.kind === 'validation' && e.field === 'phones' && e.reason.includes('phones[1] "abc"') && e.reason.includes('phones[2]'));
    await assert.rejects(client.addAdminsBulk('120363000000000001-group', [MEMBER], { chunkSize: 0 }), (e) => e.field === 'chunk_size');
    await assert.rejects(client.addAdminsBulk('120363000000000001-group', [MEMBER], { pace: 1 }), (e) => e.kind === 'validation');
    assert.deepEqual(await sim.requests(), []);
  });

  it('the seeded per-minute add limit is waited out', async () => {
    const client = new Client(sim.clientOptions());
    const group = await client.createGroup('Limited', [MEMBER]);
    // 20 adds a minute, all used 58 seconds ago: room again in 2 seconds.
    const state = await sim.state();
    await sim.reset({ ...state, limits: { addsPerMinute: 20 }, recentAdds: [[state.clock - 58, 20]] });
    const started = Date.now();
    const outcome = await client.addParticipantsBulk(group.id, [NEWCOMER, OTHER], { pauseMs: 0 });
    assert.ok(Date.now() - started >= 2_000, "the limit's Retry-After was honoured");
    assert.ok(outcome.complete && outcome.outcomes.every((o) => o.status === 'done'));
    const statuses = (await sim.requests()).filter((r) => r.path === '/add-participant').map((r) => r.status);
    assert.deepEqual([statuses.slice(-2), outcome.requests], [[429, 200], 2]);
  });

  it('onProgress is told after each chunk', async () => {
    await sim.reset();
    const client = new Client(sim.clientOptions());
    const group = await client.createGroup('Progress', [MEMBER]);
    const people = Array.from({ length: 25 }, (_, i) => `55119830001${String(i).padStart(2, '0')}`);
    const seen = [];
    const outcome = await client.addParticipantsBulk(group.id, [MEMBER, ...people], {
      chunkSize: 10, pauseMs: 0, onProgress: (p) => { seen.push(p); throw new Error('a broken progress bar'); },
    });
    assert.deepEqual(seen.map((p) => [p.settled, p.total, p.chunksSent, p.chunks, p.latest.length]),
      [[11, 26, 1, 3, 10], [21, 26, 2, 3, 10], [26, 26, 3, 3, 5]]);
    assert.deepEqual(seen[2].latest, outcome.outcomes.slice(21));
    assert.ok(outcome.complete, 'a throwing onProgress does not stop the run');
    await assert.rejects(client.addAdminsBulk(group.id, [MEMBER], { onProgress: 1 }), (e) => e.field === 'on_progress');
  });
});
