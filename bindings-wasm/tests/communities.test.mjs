// Community calls against the HTTP simulator: results are plain camelCase objects, and the
// server saw exactly the request the core builds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Client, onFreshSimulator, rejection } from './helpers/client.mjs';
import { body, routes } from './helpers/sim.mjs';

describe('community calls over HTTP', () => {
  let sim;
  let client;
  onFreshSimulator({}, (s, c) => {
    [sim, client] = [s, c];
  });

  it('createCommunity resolves to a plain Community and posts name and description', async () => {
    const community = await client.createCommunity('Rua das Flores', 'Street news');
    assert.deepEqual(community, {
      id: '120363000000000001',
      name: 'Rua das Flores',
      description: 'Street news',
      announcementGroup: '120363000000000002-group',
      groups: [{ id: '120363000000000002-group', name: 'Rua das Flores', isAnnouncement: true }],
    });
    assert.equal(Object.getPrototypeOf(community), Object.prototype);
    const [request] = await sim.requests();
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/communities');
    assert.deepEqual(body(request), { name: 'Rua das Flores', description: 'Street news' });
    assert.ok(request.headers.some(([k, v]) => k === 'client-token' && v === '***'), 'Client-Token is sent');
  });

  it('createCommunity without a description sends none and gets null back', async () => {
    const community = await client.createCommunity('Neighbours');
    assert.equal(community.description, null);
    assert.deepEqual(body((await sim.requests())[0]), { name: 'Neighbours' });
  });

  it('listCommunities pages with page and pageSize', async () => {
    for (const name of ['A', 'B', 'C']) await client.createCommunity(name);
    await sim.clearRequests();
    const page = await client.listCommunities(1, 2);
    assert.deepEqual(page.map((c) => c.name), ['A', 'B']);
    assert.deepEqual(Object.keys(page[0]), ['id', 'name']);
    assert.deepEqual((await client.listCommunities(2, 2)).map((c) => c.name), ['C']);
    const log = await sim.requests();
    assert.deepEqual(routes(log), ['GET /communities', 'GET /communities']);
    assert.deepEqual(log[0].query, [['page', '1'], ['pageSize', '2']]);
  });

  it('communities() iterates every community across pages', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) await client.createCommunity(name);
    await sim.clearRequests();
    const names = [];
    for await (const community of client.communities(2)) names.push(community.name);
    assert.deepEqual(names, ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual((await sim.requests()).map((r) => r.query[0][1]), ['1', '2', '3']);
  });

  it('communityMetadata lists the linked groups', async () => {
    const community = await client.createCommunity('Rua');
    const group = await client.createGroup('Building A', ['5511911110001']);
    await client.linkGroups(community.id, [group.id]);
    const metadata = await client.communityMetadata(community.id);
    assert.equal(metadata.id, community.id);
    assert.deepEqual(
      metadata.groups.map((g) => [g.id, g.isAnnouncement]).sort(),
      [[community.announcementGroup, true], [group.id, false]].sort(),
    );
    assert.equal((await sim.requests()).at(-1).path, `/communities-metadata/${community.id}`);
  });

  it('linkGroups and unlinkGroups send normalised group ids', async () => {
    const community = await client.createCommunity('Rua');
    const a = await client.createGroup('A', ['5511911110001']);
    const b = await client.createGroup('B', ['5511911110002']);
    const digits = (id) => id.replace('-group', '');
    // Users paste ids in other forms; the core normalises them.
    const linked = await client.linkGroups(community.id, [`${digits(a.id)}@g.us`, digits(b.id)]);
    // The answer says nothing of skipped groups, so the metadata was read to find out.
    assert.deepEqual(linked, { linked: [a.id, b.id], skipped: [], verifiedByMetadata: true });
    assert.deepEqual(await client.unlinkGroups(community.id, [a.id]), { unlinked: [a.id], skipped: [], verifiedByMetadata: true });
    const log = await sim.requests();
    const metadata = `GET /communities-metadata/${community.id}`;
    assert.deepEqual(routes(log).slice(-4), ['POST /communities/link', metadata, 'POST /communities/unlink', metadata]);
    assert.deepEqual(body(log.at(-4)), { communityId: community.id, groupsPhones: [a.id, b.id] });
    assert.deepEqual(body(log.at(-2)), { communityId: community.id, groupsPhones: [a.id] });
  });

  it('a group already in another community is reported as skipped, not remembered as linked', async () => {
    const [home, elsewhere] = [await client.createCommunity('Home'), await client.createCommunity('Elsewhere')];
    const [a, b] = [await client.createGroup('A', ['5511911110001']), await client.createGroup('B', ['5511911110002'])];
    // Another client (another device) links b elsewhere: this client does not know it.
    await new Client(sim.clientOptions()).linkGroups(elsewhere.id, [b.id]);
    const outcome = await client.linkGroups(home.id, [a.id, b.id]);
    assert.deepEqual(outcome.linked, [a.id]);
    assert.deepEqual(outcome.skipped.map((s) => [s.groupId, s.reason]), [[b.id, 'already in another community']]);
    assert.equal(outcome.verifiedByMetadata, false, 'the simulator lists what it skipped');
    // Unlinking b from home is refused before any request: the client knows it is not linked there.
    await sim.clearRequests();
    const error = await rejection(client.unlinkGroups(home.id, [b.id]));
    assert.equal(error.field, 'group_ids[0]');
    assert.deepEqual(await sim.requests(), []);
  });

  it('unlinking the last regular group is refused before any request when the client knows it', async () => {
    const community = await client.createCommunity('Rua');
    const a = await client.createGroup('A', ['5511911110001']);
    await client.linkGroups(community.id, [a.id]);
    await sim.clearRequests();
    const error = await rejection(client.unlinkGroups(community.id, [a.id]));
    assert.equal(error.kind, 'validation');
    assert.deepEqual(await sim.requests(), []);
  });

  it('updateCommunitySettings, updateCommunityDescription and updateCommunityPhoto', async () => {
    const community = await client.createCommunity('Rua');
    await sim.clearRequests();
    await client.updateCommunitySettings(community.id, 'all');
    await client.updateCommunityDescription(community.id, 'New rules');
    await client.updateCommunityPhoto(community.id, 'https://example.com/logo.png');
    const log = await sim.requests();
    assert.deepEqual(routes(log), [
      'POST /communities/settings',
      'POST /update-community-description',
      'POST /update-community-photo',
    ]);
    assert.deepEqual(body(log[0]), { communityId: community.id, whoCanAddNewGroups: 'all' });
    assert.deepEqual(body(log[1]), { communityId: community.id, communityDescription: 'New rules' });
    assert.deepEqual(body(log[2]), { communityId: community.id, communityPhoto: 'https://example.com/logo.png' });
    const state = await sim.state();
    assert.equal(state.communities[0].whoCanAddNewGroups, 'all');
    assert.equal(state.communities[0].description, 'New rules');
  });

  it('deactivateCommunity deletes it and forgets its announcement group', async () => {
    const community = await client.createCommunity('Rua');
    assert.notEqual(client.cachedAnnouncementGroup(community.id), null);
    assert.equal(await client.deactivateCommunity(community.id), undefined);
    assert.equal(client.cachedAnnouncementGroup(community.id), null);
    const last = (await sim.requests()).at(-1);
    assert.equal(`${last.method} ${last.path}`, `DELETE /communities/${community.id}`);
  });
});
