// Every method refuses bad input with a `validation` ZapiError naming the field, before any
// request: the server's log stays empty.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { Client, ZapiError } from './helpers/client.mjs';
import { SIM, startSim } from './helpers/sim.mjs';

const COMMUNITY = '120363000000000001';
const GROUP = '120363000000000002-group';
const PHONE = '5511911110001';

/** [what, field, call(client)]: each call must throw or reject before sending anything. */
const CASES = [
  ['createCommunity: empty name', 'name', (c) => c.createCommunity('  ')],
  ['createCommunity: long description', 'description', (c) => c.createCommunity('Rua', 'x'.repeat(2049))],
  ['listCommunities: page 0', 'page', (c) => c.listCommunities(0, 10)],
  ['listCommunities: fractional page size', 'page_size', (c) => c.listCommunities(1, 1.5)],
  ['listCommunities: negative page size', 'page_size', (c) => c.listCommunities(1, -1)],
  ['communities: page size NaN', 'page_size', (c) => c.communities(Number.NaN)],
  ['communities: page size 0 (on the first page)', 'page_size', (c) => c.communities(0).nextPage()],
  ['communityMetadata: not digits', 'community_id', (c) => c.communityMetadata('abc')],
  ['linkGroups: no groups', 'group_ids', (c) => c.linkGroups(COMMUNITY, [])],
  ['linkGroups: bad group', 'group_ids[1]', (c) => c.linkGroups(COMMUNITY, [GROUP, 'x'])],
  ['linkGroups: a group twice', 'group_ids[1]', (c) => c.linkGroups(COMMUNITY, [GROUP, GROUP])],
  ['linkGroups: a group id as community', 'community_id', (c) => c.linkGroups(GROUP, [GROUP])],
  ['unlinkGroups: bad group', 'group_ids[0]', (c) => c.unlinkGroups(COMMUNITY, ['nope'])],
  ['deactivateCommunity: group id', 'community_id', (c) => c.deactivateCommunity(GROUP)],
  ['updateCommunitySettings: unknown value', 'who_can_add_new_groups', (c) => c.updateCommunitySettings(COMMUNITY, 'everyone')],
  ['updateCommunityDescription: too long', 'description', (c) => c.updateCommunityDescription(COMMUNITY, 'x'.repeat(2049))],
  ['updateCommunityPhoto: relative path', 'photo', (c) => c.updateCommunityPhoto(COMMUNITY, 'logo.png')],
  ['addParticipants: no phones', 'phones', (c) => c.addParticipants(COMMUNITY, [])],
  ['addParticipants: bad phone', 'phones[0]', (c) => c.addParticipants(COMMUNITY, ['12ab'])],
  ['addParticipants: unknown option', 'options', (c) => c.addParticipants(COMMUNITY, [PHONE], { autoinvite: true })],
  ['addParticipants: option of the wrong type', 'auto_invite', (c) => c.addParticipants(COMMUNITY, [PHONE], { autoInvite: 'yes' })],
  ['removeParticipants: bad target', 'target', (c) => c.removeParticipants('x', [PHONE])],
  ['addAdmins: same phone twice', 'phones[1]', (c) => c.addAdmins(COMMUNITY, [PHONE, `+${PHONE}`])],
  ['removeAdmins: short phone', 'phones[0]', (c) => c.removeAdmins(GROUP, ['1234'])],
  ['redefineInvitationLink: empty target', 'target', (c) => c.redefineInvitationLink('')],
  ['communityInvitationLink: bad id', 'community_id', (c) => c.communityInvitationLink('x')],
  ['groupInvitationLink: bad id', 'group_id', (c) => c.groupInvitationLink('x-group')],
  ['createGroup: empty name', 'name', (c) => c.createGroup('', [PHONE])],
  ['createGroup: bad phone', 'phones[0]', (c) => c.createGroup('G', ['bad'])],
  ['listChats: page size too large', 'page_size', (c) => c.listChats(1, 5000)],
  ['chats: negative page size', 'page_size', (c) => c.chats(-1)],
  ['groupMetadata: empty id', 'group_id', (c) => c.groupMetadata('')],
  ['updateGroupSettings: missing switches', 'settings', (c) => c.updateGroupSettings(GROUP, {})],
  ['updateGroupSettings: not an object', 'settings', (c) => c.updateGroupSettings(GROUP, 'all')],
  ['sendText: bad recipient', 'to', (c) => c.sendText('abc', 'hi')],
  ['sendText: blank message', 'message', (c) => c.sendText(PHONE, '   ')],
  ['sendText: delay too long', 'delay_message', (c) => c.sendText(PHONE, 'hi', { delayMessage: 20 })],
  ['sendText: fractional delay', 'delay_typing', (c) => c.sendText(PHONE, 'hi', { delayTyping: 1.5 })],
  ['sendText: bad mention', 'mentioned[0]', (c) => c.sendText(PHONE, 'hi', { mentioned: ['x'] })],
  ['sendText: bad group mention', 'group_mentioned[0].group_id', (c) => c.sendText(GROUP, 'hi', { groupMentioned: [{ groupId: 'x', subject: 's' }] })],
  ['sendText: group mention to a phone', 'group_mentioned', (c) => c.sendText(PHONE, 'hi @120363000000000002', { groupMentioned: [{ groupId: GROUP, subject: 's' }] })],
  ['sendText: unknown option', 'options', (c) => c.sendText(PHONE, 'hi', { delay: 3 })],
  ['sendText: empty edit id', 'edit_message_id', (c) => c.sendText(PHONE, 'hi', { editMessageId: ' ' })],
  ['announce: bad community', 'community_id', (c) => c.announce('x', 'hi')],
  ['announce: empty text', 'text', (c) => c.announce(COMMUNITY, '')],
  ['announce: delay 0', 'delay_message', (c) => c.announce(COMMUNITY, 'hi', { delayMessage: 0 })],
  ['resolveAnnouncementGroup: bad source', 'source', (c) => c.resolveAnnouncementGroup(COMMUNITY, 'guess')],
  ['rememberAnnouncementGroup: bad group', 'group_id', (c) => c.rememberAnnouncementGroup(COMMUNITY, '')],
  ['cachedAnnouncementGroup: bad id', 'community_id', (c) => c.cachedAnnouncementGroup('1')],
  ['invalidate: bad id', 'community_id', (c) => c.invalidate('abc')],
];

/**
 * Plain JS can pass anything. The glue wasm-bindgen generates trusts the .d.ts (a number where
 * a string belongs would reach wasm memory as garbage), so every argument is checked in Rust.
 */
const WRONG_TYPES = [
  ['an id typed as a number', 'community_id', (c) => c.communityMetadata(120363000000000001)],
  ['a name left out', 'name', (c) => c.createCommunity()],
  ['a null name', 'name', (c) => c.createCommunity(null)],
  ['an object as name', 'name', (c) => c.createCommunity({})],
  ['a number as description', 'description', (c) => c.createCommunity('Rua', 5)],
  ['a string instead of an array', 'group_ids', (c) => c.linkGroups(COMMUNITY, GROUP)],
  ['an array-like object', 'group_ids', (c) => c.linkGroups(COMMUNITY, { length: 2 })],
  ['numbers in the array', 'group_ids[0]', (c) => c.linkGroups(COMMUNITY, [120363000000000002])],
  ['null among phones', 'phones[1]', (c) => c.addAdmins(COMMUNITY, [PHONE, null])],
  ['a number as target', 'target', (c) => c.redefineInvitationLink(120363000000000001)],
  ['page as a string', 'page', (c) => c.listChats('1', 10)],
  ['page size left out', 'page_size', (c) => c.listCommunities(1)],
  ['page size as a BigInt', 'page_size', (c) => c.chats(10n)],
  ['a number as recipient', 'to', (c) => c.sendText(5511911110001, 'hi')],
  ['a message left out', 'message', (c) => c.sendText(PHONE)],
  ['announce text as a number', 'text', (c) => c.announce(COMMUNITY, 42)],
  ['options as a number', 'options', (c) => c.sendText(PHONE, 'hi', 5)],
  ['a boolean option as a number', 'auto_invite', (c) => c.createGroup('G', [PHONE], { autoInvite: 1 })],
  ['a list option as a string', 'mentioned', (c) => c.announce(COMMUNITY, 'hi', { mentioned: PHONE })],
  ['an edit id to announce', 'edit_message_id', (c) => c.announce(COMMUNITY, 'hi', { editMessageId: 'ABC' })],
  ['settings as null', 'settings', (c) => c.updateGroupSettings(GROUP, null)],
  ['a setting as a string', 'admin_only_message', (c) => c.updateGroupSettings(GROUP, { adminOnlyMessage: 'yes', adminOnlySettings: true, requireAdminApproval: true, adminOnlyAddMember: true })],
  ['source as a number', 'source', (c) => c.resolveAnnouncementGroup(COMMUNITY, 1)],
  ['who as null', 'who_can_add_new_groups', (c) => c.updateCommunitySettings(COMMUNITY, null)],
  ['a number to the sync cache', 'community_id', (c) => c.invalidate(1)],
];

/** [what, field, options]: the constructor throws before anything else happens. */
const BAD_OPTIONS = [
  ['no token and no proxy', 'token', { instanceId: 'I' }],
  ['empty token', 'token', { instanceId: 'I', token: '' }],
  ['no instance id', 'instance_id', { token: 't' }],
  ['instance id with a slash', 'instance_id', { instanceId: 'a/b', token: 't' }],
  ['token with a space', 'token', { instanceId: 'I', token: 'a b' }],
  ['base URL without scheme', 'base_url', { instanceId: 'I', token: 't', baseUrl: 'example.com' }],
  ['timeout 0', 'timeout_ms', { instanceId: 'I', token: 't', timeoutMs: 0 }],
  ['negative timeout', 'timeout_ms', { instanceId: 'I', token: 't', timeoutMs: -5 }],
  ['fractional retries', 'max_retries', { instanceId: 'I', token: 't', maxRetries: 1.5 }],
  ['misspelt option', 'timeout', { instanceId: 'I', token: 't', timeout: 5 }],
  ['options of the wrong type', 'token', { instanceId: 'I', token: 42 }],
  ['an option of no type an option has', 'max_retries', { instanceId: 'I', token: 't', maxRetries: [1] }],
  ['proxy mode without a base URL', 'base_url', { proxy: true }],
  ['a token in proxy mode', 'token', { proxy: true, baseUrl: 'https://my.app/zapi', token: 't' }],
  ['plain http to another host', 'base_url', { instanceId: 'I', token: 't', baseUrl: 'http://example.com' }],
  ['options not an object', 'options', 'I:t'],
  ['options left out', 'instance_id', undefined],
];

describe('validation before any request', () => {
  let sim;
  let client;
  before(async () => {
    sim = await startSim();
    client = new Client(sim.clientOptions());
  });
  after(() => sim.stop());

  for (const [what, field, call] of CASES) {
    it(`${what} → field ${field}`, async () => {
      let error;
      try {
        await call(client);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof ZapiError, `expected a ZapiError, got ${error}`);
      assert.equal(error.kind, 'validation');
      assert.equal(error.field, field);
      assert.equal(typeof error.reason, 'string');
      assert.deepEqual(await sim.requests(), [], 'nothing reached the server');
    });
  }

  for (const [what, field, call] of WRONG_TYPES) {
    it(`plain JS: ${what} → field ${field}`, async () => {
      let error;
      try {
        await call(client);
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof ZapiError, `expected a ZapiError, got ${error}`);
      assert.equal(error.kind, 'validation');
      assert.equal(error.field, field);
      assert.deepEqual(await sim.requests(), []);
    });
  }

  it('the module is intact after all of that', async () => {
    const community = await client.createCommunity('Still fine');
    assert.equal((await client.announce(community.id, 'hi')).announcementGroup.groupId, community.announcementGroup);
    await sim.reset();
  });

  for (const [what, field, options] of BAD_OPTIONS) {
    it(`new Client: ${what} → field ${field}`, () => {
      assert.throws(
        () => new Client(options),
        (error) => error instanceof ZapiError && error.kind === 'validation' && error.field === field,
      );
    });
  }

  it('the simulator credentials themselves are accepted', () => {
    assert.equal(new Client({ ...SIM }).baseUrl, 'https://api.z-api.io');
  });
});
