// The chat-list scan: `listAnnouncementGroups` over HTTP and on the in-memory simulator, and
// `parseAnnouncementGroups` on a body the caller already has. Each answer is checked against the
// plain way (`listChats` / `JSON.parse` and a filter).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';

import { Client, SimClient, parseAnnouncementGroups, rejection, thrown } from './helpers/client.mjs';
import { startSim } from './helpers/sim.mjs';

/** A chat list with an announcement group every 50 chats and the service's string scalars. */
function chatList(count) {
  const chats = [];
  for (let i = 0; i < count; i++) {
    const announcement = i % 50 === 7;
    const phone = announcement || i % 5 === 0 ? `1203630${String(i).padStart(11, '0')}-group` : `55119${String(i).padStart(8, '0')}`;
    chats.push({
      phone,
      name: `Chat ${i} — «ünïcode»`,
      unread: String(i % 7),
      isGroupAnnouncement: announcement && i % 2 ? 'true' : announcement,
      isGroup: !announcement && i % 5 === 0,
      profileThumbnail: null,
    });
  }
  return JSON.stringify(chats);
}
const expected = (text) =>
  JSON.parse(text).filter((c) => c.isGroupAnnouncement === true || c.isGroupAnnouncement === 'true').map((c) => c.phone);

async function flaggedBoth(client) {
  const first = await client.createCommunity('Rua das Flores');
  const second = await client.createCommunity('Rua das Pedras');
  const group = await client.createGroup('Building A', ['5511911110001']);
  await client.linkGroups(first.id, [group.id]);
  const found = await client.listAnnouncementGroups(1, 100);
  assert.deepEqual([...found].sort(), [first.announcementGroup, second.announcementGroup].sort());
  assert.ok(!found.includes(group.id));
  const flagged = (await client.listChats(1, 100)).filter((c) => c.isGroupAnnouncement).map((c) => c.phone);
  assert.deepEqual(found, flagged);
  assert.deepEqual(await client.listAnnouncementGroups(2, 100), []);
  const refused = await rejection(client.listAnnouncementGroups(0, 100));
  assert.equal(refused.kind, 'validation');
  assert.equal(refused.field, 'page');
}

describe('listAnnouncementGroups', () => {
  let sim;
  before(async () => {
    sim = await startSim();
  });
  after(() => sim.stop());
  beforeEach(() => sim.reset());

  it('over HTTP returns the flagged chats, in list order', async () => {
    await flaggedBoth(new Client(sim.clientOptions()));
    const last = (await sim.requests()).at(-1);
    assert.equal(last.path, '/chats');
  });

  it('on the in-memory simulator too', async () => {
    await flaggedBoth(SimClient.simulated());
  });
});

describe('parseAnnouncementGroups', () => {
  const text = chatList(2_000);
  const want = expected(text);

  it('matches JSON.parse and a filter, from bytes or from text', () => {
    assert.equal(want.length, 40);
    assert.deepEqual(parseAnnouncementGroups(new TextEncoder().encode(text)), want);
    assert.deepEqual(parseAnnouncementGroups(text), want);
  });

  it('tolerates the documented quirks', () => {
    const body = '[{"phone": "120363019502650977-group", "isGroupAnnouncement": "true",},]';
    assert.deepEqual(parseAnnouncementGroups(body), ['120363019502650977-group']);
    assert.deepEqual(parseAnnouncementGroups('null'), []);
    assert.deepEqual(parseAnnouncementGroups('  '), []);
  });

  it('throws typed errors for error bodies and wrong types', () => {
    const api = thrown(() => parseAnnouncementGroups('{"error": "Instance not found"}'));
    assert.equal(api.kind, 'api');
    assert.match(api.detail, /Instance not found/);
    assert.equal(thrown(() => parseAnnouncementGroups('<html><title>502</title></html>')).kind, 'decode');
    for (const wrong of [undefined, null, 42, new ArrayBuffer(2), [1, 2]]) {
      const error = thrown(() => parseAnnouncementGroups(wrong));
      assert.equal(error.kind, 'validation');
      assert.equal(error.field, 'body');
    }
  });
});
