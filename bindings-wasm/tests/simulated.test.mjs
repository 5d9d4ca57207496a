// Client.simulated() (the `zapi-communities/simulator` entry): the in-memory simulator inside the wasm module. Every method works with
// no server and no credentials, so front-end tests need nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SimClient as Client, SimZapiError as ZapiError, Client as MainClient, rejection } from './helpers/client.mjs';

describe('Client.simulated()', () => {
  it('is only in the simulator entry', () => {
    assert.equal(MainClient.simulated, undefined);
    assert.equal(typeof Client.simulated, 'function');
  });

  it('needs no network and no credentials', () => {
    assert.equal(Client.simulated().baseUrl, 'http://simulator.invalid');
  });

  it('runs every method', async () => {
    const client = Client.simulated();
    const phones = ['5511911110001', '5511911110002', '5511911110003'];
    const community = await client.createCommunity('Rua', 'Street');
    assert.deepEqual(await client.listCommunities(1, 10), [{ id: community.id, name: 'Rua' }]);
    const listed = [];
    for await (const c of client.communities(1)) listed.push(c.id);
    assert.deepEqual(listed, [community.id]);
    const group = await client.createGroup('A', phones.slice(0, 2), { autoInvite: true });
    const other = await client.createGroup('B', phones.slice(1), {});
    await client.linkGroups(community.id, [group.id, other.id]);
    assert.equal((await client.communityMetadata(community.id)).groups.length, 3);
    await client.unlinkGroups(community.id, [other.id]);
    await client.updateCommunitySettings(community.id, 'admins');
    await client.updateCommunityDescription(community.id, 'New');
    await client.updateCommunityPhoto(community.id, 'data:image/png;base64,iVBORw0KGgo=');
    await client.addParticipants(community.id, [phones[2]]);
    await client.removeParticipants(group.id, [phones[1]]);
    await client.addAdmins(group.id, [phones[0]]);
    await client.removeAdmins(group.id, [phones[0]]);
    assert.match(await client.redefineInvitationLink(group.id), /^https:\/\//);
    assert.match(await client.communityInvitationLink(community.id), /^https:\/\//);
    assert.match(await client.groupInvitationLink(group.id), /^https:\/\//);
    assert.ok((await client.listChats(1, 50)).length >= 3);
    let chats = 0;
    for (let page = client.chats(2); (await page.nextPage()) !== null; ) chats += 1;
    assert.ok(chats >= 2);
    assert.equal((await client.groupMetadata(group.id)).communityId, community.id);
    await client.updateGroupSettings(group.id, {
      adminOnlyMessage: false,
      adminOnlySettings: true,
      requireAdminApproval: true,
      adminOnlyAddMember: false,
    });
    assert.equal((await client.groupMetadata(group.id)).requireAdminApproval, true);
    assert.equal(typeof (await client.sendText(group.id, 'hi')).messageId, 'string');
    const error = await rejection(client.sendText(community.id, 'hi'));
    assert.ok(error instanceof ZapiError);
    assert.equal(error.kind, 'not_announcement_group');
    const sent = await client.announce(community.id, 'All hands', { delayMessage: 2 });
    assert.equal(sent.announcementGroup.groupId, community.announcementGroup);
    client.invalidateAll();
    assert.equal(client.cachedAnnouncementGroup(community.id), null);
    const resolved = await client.resolveAnnouncementGroup(community.id, 'chat_list');
    assert.equal(resolved.source, 'chat_list');
    assert.equal(client.rememberAnnouncementGroup(community.id, resolved.groupId).source, 'explicit');
    client.invalidate(community.id);
    await client.deactivateCommunity(community.id);
    assert.equal((await client.groupMetadata(group.id)).communityId, null);
  });

  it('each simulated client has its own simulator', async () => {
    const [a, b] = [Client.simulated(), Client.simulated()];
    await a.createCommunity('Only in a');
    assert.deepEqual(await b.listCommunities(1, 10), []);
  });

  it('many calls in flight at once', async () => {
    const client = Client.simulated();
    const created = await Promise.all(Array.from({ length: 50 }, (_, i) => client.createCommunity(`C${i}`)));
    assert.equal(new Set(created.map((c) => c.id)).size, 50);
    assert.equal((await client.listCommunities(1, 100)).length, 50);
  });
});
