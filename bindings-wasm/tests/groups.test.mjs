// Groups and chats over HTTP, including the chat pager.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { onFreshSimulator, rejection } from './helpers/client.mjs';
import { body, routes } from './helpers/sim.mjs';

describe('groups and chats over HTTP', () => {
  let sim;
  let client;
  onFreshSimulator({}, (s, c) => {
    [sim, client] = [s, c];
  });

  it('createGroup normalises phones and resolves to a CreatedGroup', async () => {
    const group = await client.createGroup('Building A', ['+55 (11) 91111-0001', '5511911110002@c.us'], {
      autoInvite: true,
    });
    assert.deepEqual(Object.keys(group), ['id', 'invitationLink']);
    assert.match(group.id, /^\d+-group$/);
    const [request] = await sim.requests();
    assert.equal(request.path, '/create-group');
    assert.deepEqual(body(request), {
      groupName: 'Building A',
      phones: ['5511911110001', '5511911110002'],
      autoInvite: true,
    });
  });

  it('listChats returns plain Chat objects with numbers as numbers', async () => {
    const community = await client.createCommunity('Rua');
    const group = await client.createGroup('Building A', ['5511911110001']);
    await client.sendText('5511988887777', 'hello');
    const chats = await client.listChats(1, 10);
    const byPhone = Object.fromEntries(chats.map((c) => [c.phone, c]));
    assert.equal(byPhone[group.id].isGroup, true);
    assert.equal(byPhone[community.announcementGroup].isGroupAnnouncement, true);
    assert.equal(typeof byPhone[group.id].unread, 'number');
    assert.equal(typeof byPhone[group.id].lastMessageTime, 'number');
    assert.ok('5511988887777' in byPhone);
    const last = (await sim.requests()).at(-1);
    assert.deepEqual([last.path, last.query], ['/chats', [['page', '1'], ['pageSize', '10']]]);
  });

  it('chats() pages: nextPage until null, and for await over the items', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await client.createGroup(name, ['5511911110001']);
    const pager = client.chats(2);
    const sizes = [];
    for (let page = await pager.nextPage(); page !== null; page = await pager.nextPage()) sizes.push(page.length);
    assert.deepEqual(sizes, [2, 2, 1]);
    assert.equal(await pager.nextPage(), null, 'stays finished');
    const names = [];
    for await (const chat of client.chats(2)) names.push(chat.name);
    assert.deepEqual(names.sort(), ['A', 'B', 'C', 'D', 'E']);
  });

  it('groupMetadata: members, roles, flags and community', async () => {
    const community = await client.createCommunity('Rua');
    const group = await client.createGroup('Building A', ['5511911110001']);
    await client.linkGroups(community.id, [group.id]);
    const meta = await client.groupMetadata(group.id);
    assert.equal(meta.id, group.id);
    assert.equal(meta.name, 'Building A');
    assert.equal(meta.communityId, community.id);
    assert.equal(meta.isGroupAnnouncement, false);
    assert.equal(meta.description, null);
    assert.equal(typeof meta.creation, 'number');
    assert.deepEqual(meta.participants.find((p) => p.phone === '5511900000000'), {
      phone: '5511900000000',
      isAdmin: true,
      isSuperAdmin: true,
    });
  });

  it('updateGroupSettings sends the four switches', async () => {
    const group = await client.createGroup('Building A', ['5511911110001']);
    const settings = {
      adminOnlyMessage: true,
      adminOnlySettings: true,
      requireAdminApproval: false,
      adminOnlyAddMember: true,
    };
    await client.updateGroupSettings(group.id, settings);
    const last = (await sim.requests()).at(-1);
    assert.equal(last.path, '/update-group-settings');
    assert.deepEqual(body(last), { phone: group.id, ...settings });
    const meta = await client.groupMetadata(group.id);
    assert.equal(meta.adminOnlySettings, true);
  });

  it('updateGroupSettings with a missing switch is refused before any request', async () => {
    const group = await client.createGroup('Building A', ['5511911110001']);
    await sim.clearRequests();
    const error = await rejection(client.updateGroupSettings(group.id, { adminOnlyMessage: true }));
    assert.equal(error.kind, 'validation');
    assert.equal(error.field, 'settings');
    assert.match(error.reason, /missing field/);
    assert.deepEqual(routes(await sim.requests()), []);
  });
});
