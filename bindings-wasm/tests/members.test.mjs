// Members, admins and invitation links over HTTP. A target is a community id (bare digits) or
// a group id; the body key the server sees (communityId or groupId) says which.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { onFreshSimulator, rejection } from './helpers/client.mjs';
import { body, routes } from './helpers/sim.mjs';

describe('members and invitation links over HTTP', () => {
  let sim;
  let client;
  let community;
  let group;
  onFreshSimulator({}, async (s, c) => {
    [sim, client] = [s, c];
    community = await client.createCommunity('Rua');
    group = await client.createGroup('Building A', ['5511911110001']);
    await client.linkGroups(community.id, [group.id]);
  });

  it('addParticipants on a community, with autoInvite', async () => {
    await client.addParticipants(community.id, ['+55 11 91111-0002'], { autoInvite: true });
    const [request] = await sim.requests();
    assert.equal(request.path, '/add-participant');
    assert.deepEqual(body(request), { communityId: community.id, phones: ['5511911110002'], autoInvite: true });
  });

  it('addParticipants on a group defaults autoInvite to false', async () => {
    await client.addParticipants(group.id, ['5511911110002']);
    assert.deepEqual(body((await sim.requests())[0]), {
      groupId: group.id,
      phones: ['5511911110002'],
      autoInvite: false,
    });
  });

  it('removeParticipants, addAdmins and removeAdmins', async () => {
    await client.addParticipants(group.id, ['5511911110002', '5511911110003']);
    await client.removeParticipants(group.id, ['5511911110003']);
    await client.addAdmins(community.id, ['5511911110002']);
    await client.removeAdmins(community.id, ['5511911110002']);
    const log = await sim.requests();
    assert.deepEqual(routes(log), [
      'POST /add-participant',
      'POST /remove-participant',
      'POST /add-admin',
      'POST /remove-admin',
    ]);
    assert.deepEqual(body(log[1]), { groupId: group.id, phones: ['5511911110003'] });
    assert.deepEqual(body(log[2]), { communityId: community.id, phones: ['5511911110002'] });
    const members = (await client.groupMetadata(group.id)).participants.map((p) => p.phone);
    assert.deepEqual(members.sort(), ['5511900000000', '5511911110001', '5511911110002']);
  });

  it('a target that is neither a community nor a group id is refused with field "target"', async () => {
    const error = await rejection(client.addAdmins('not-an-id', ['5511911110002']));
    assert.equal(error.kind, 'validation');
    assert.equal(error.field, 'target');
    assert.deepEqual(await sim.requests(), []);
  });

  it('redefineInvitationLink returns the new link, for a community and for a group', async () => {
    const before = await client.groupInvitationLink(group.id);
    const renewed = await client.redefineInvitationLink(group.id);
    assert.match(renewed, /^https:\/\/chat\.whatsapp\.com\//);
    assert.notEqual(renewed, before);
    assert.equal(await client.groupInvitationLink(group.id), renewed);
    const communityLink = await client.redefineInvitationLink(community.id);
    assert.equal(typeof communityLink, 'string');
    const log = await sim.requests();
    assert.deepEqual(routes(log), [
      `GET /group-invitation-link/${group.id}`,
      `POST /redefine-invitation-link/${group.id}`,
      `GET /group-invitation-link/${group.id}`,
      `POST /redefine-invitation-link/${community.id}`,
    ]);
  });

  it('communityInvitationLink reads the announcement group link (resolving it when not cached)', async () => {
    const cached = await client.communityInvitationLink(community.id);
    assert.deepEqual(routes(await sim.requests()), [`GET /group-invitation-link/${community.announcementGroup}`]);
    client.invalidateAll();
    await sim.clearRequests();
    assert.equal(await client.communityInvitationLink(community.id), cached);
    assert.deepEqual(routes(await sim.requests()), [
      `GET /communities-metadata/${community.id}`,
      `GET /group-invitation-link/${community.announcementGroup}`,
    ]);
  });
});
