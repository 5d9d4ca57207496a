// sendText, announce and the announcement-group resolver and cache, over HTTP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Client, ZapiError, onFreshSimulator, rejection, thrown } from './helpers/client.mjs';
import { body, routes } from './helpers/sim.mjs';

describe('messages and the announcement group over HTTP', () => {
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

  it('sendText to a phone resolves to the queued message ids', async () => {
    const sent = await client.sendText('+55 11 98888-7777', 'hello');
    assert.deepEqual(Object.keys(sent), ['zaapId', 'messageId']);
    const [request] = await sim.requests();
    assert.equal(request.path, '/send-text');
    assert.deepEqual(body(request), { phone: '5511988887777', message: 'hello' });
  });

  it('sendText to a group with every option', async () => {
    const tag = `@${group.id.replace('-group', '')}`;
    await client.sendText(group.id, `hi @5511911110001 see ${tag}`, {
      delayMessage: 3,
      delayTyping: 2,
      mentioned: ['5511911110001'],
    });
    const { messageId } = await client.sendText(community.announcementGroup, 'draft');
    await client.sendText(community.announcementGroup, `see ${tag}`, {
      groupMentioned: [{ groupId: group.id, subject: 'Building A' }],
      editMessageId: messageId,
    });
    const [first, , second] = (await sim.requests()).map(body);
    assert.deepEqual(first, {
      phone: group.id,
      message: `hi @5511911110001 see ${tag}`,
      delayMessage: 3,
      delayTyping: 2,
      mentioned: ['5511911110001'],
    });
    assert.deepEqual(second, {
      phone: community.announcementGroup,
      message: `see ${tag}`,
      editMessageId: messageId,
      groupMentioned: [{ phone: group.id, subject: 'Building A' }],
    });
  });

  it('sendText to a known community id is refused with where to send instead', async () => {
    const error = await rejection(client.sendText(community.id, 'hello'));
    assert.ok(error instanceof ZapiError);
    assert.equal(error.kind, 'not_announcement_group');
    assert.equal(error.communityId, community.id);
    assert.equal(error.announcementGroup, community.announcementGroup);
    assert.match(error.message, /is a community id/);
    // Once forgotten, the bare digits are no chat id at all: still refused, still before I/O.
    client.invalidate(community.id);
    assert.equal((await rejection(client.sendText(community.id, 'hello'))).field, 'to');
    assert.deepEqual(await sim.requests(), []);
  });

  it('announce resolves the announcement group (cache first) and sends there', async () => {
    const sent = await client.announce(community.id, 'Street party!', { delayTyping: 2 });
    assert.deepEqual(sent.announcementGroup, {
      communityId: community.id,
      groupId: community.announcementGroup,
      name: 'Rua',
      source: 'create_response',
      fromCache: true,
    });
    assert.equal(typeof sent.message.messageId, 'string');
    const log = await sim.requests();
    assert.deepEqual(routes(log), ['POST /send-text']);
    assert.deepEqual(body(log[0]), { phone: community.announcementGroup, message: 'Street party!', delayTyping: 2 });
  });

  it('announce with an empty cache asks community metadata first', async () => {
    client.invalidateAll();
    const sent = await client.announce(community.id, 'Hello');
    assert.equal(sent.announcementGroup.source, 'community_metadata');
    assert.equal(sent.announcementGroup.fromCache, false);
    assert.deepEqual(routes(await sim.requests()), [`GET /communities-metadata/${community.id}`, 'POST /send-text']);
  });

  it('resolveAnnouncementGroup from each source', async () => {
    const cached = await client.resolveAnnouncementGroup(community.id);
    assert.equal(cached.source, 'create_response');
    assert.equal(cached.fromCache, true);
    assert.deepEqual(await sim.requests(), []);

    const fromMetadata = await client.resolveAnnouncementGroup(community.id, 'community_metadata');
    assert.equal(fromMetadata.source, 'community_metadata');
    assert.equal(fromMetadata.groupId, community.announcementGroup);

    const fromChats = await client.resolveAnnouncementGroup(community.id, 'chat_list');
    assert.equal(fromChats.source, 'chat_list');
    assert.equal(fromChats.groupId, community.announcementGroup);
    const log = routes(await sim.requests());
    assert.equal(log[0], `GET /communities-metadata/${community.id}`);
    assert.ok(log.includes('GET /chats'));
    assert.ok(log.includes(`GET /light-group-metadata/${community.announcementGroup}`));
  });

  it('a bad source is a validation error naming "source"', async () => {
    const error = await rejection(client.resolveAnnouncementGroup(community.id, 'guess'));
    assert.equal(error.kind, 'validation');
    assert.equal(error.field, 'source');
  });

  it('rememberAnnouncementGroup, cachedAnnouncementGroup, invalidate and invalidateAll', async () => {
    const other = await client.createCommunity('Other');
    const remembered = client.rememberAnnouncementGroup(other.id, other.announcementGroup);
    assert.deepEqual(remembered, {
      communityId: other.id,
      groupId: other.announcementGroup,
      name: null,
      source: 'explicit',
      fromCache: false,
    });
    assert.equal(client.cachedAnnouncementGroup(other.id).source, 'explicit');
    assert.equal((await client.resolveAnnouncementGroup(other.id, 'explicit')).groupId, other.announcementGroup);
    client.invalidate(other.id);
    assert.equal(client.cachedAnnouncementGroup(other.id), null);
    assert.notEqual(client.cachedAnnouncementGroup(community.id), null);
    client.invalidateAll();
    assert.equal(client.cachedAnnouncementGroup(community.id), null);
    const error = await rejection(client.resolveAnnouncementGroup(community.id, 'explicit'));
    assert.equal(error.kind, 'not_found');
    assert.equal(error.id, community.id);
    assert.match(error.what, /announcement group/);
  });

  it('the synchronous cache calls throw a ZapiError on a bad id', () => {
    const error = thrown(() => client.cachedAnnouncementGroup('120363000000000002-group'));
    assert.ok(error instanceof ZapiError);
    assert.equal(error.field, 'community_id');
    assert.equal(thrown(() => client.rememberAnnouncementGroup(community.id, 'nope')).field, 'group_id');
    assert.equal(thrown(() => client.invalidate('')).field, 'community_id');
  });
});
