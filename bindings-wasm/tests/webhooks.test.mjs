// Webhooks in JS: parseWebhook narrows on `type` and `kind`, and the in-memory simulator posts
// the events a bot reacts to (a join request, then the approved member added).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

import { Simulator, parseWebhook } from 'zapi-communities/simulator';

const ANA = '5511911111111';
const BIA = '5511922222222';

describe('webhooks', () => {
  it('a join request is posted, approved, and the new member posted', async () => {
    const simulator = new Simulator();
    const client = simulator.client();
    await client.setWebhook('received', 'https://bot.example/hook');
    const group = await client.createGroup('Bakery', [ANA]);
    const settings = { adminOnlyMessage: false, adminOnlySettings: false, requireAdminApproval: true, adminOnlyAddMember: false };
    await client.updateGroupSettings(group.id, settings);
    simulator.takeWebhooks(); // the group's creation
    assert.equal(simulator.inviteJoin(await client.groupInvitationLink(group.id), BIA), 'requested');
    const posted = simulator.takeWebhooks();
    assert.equal(posted.length, 1);
    assert.deepEqual([posted[0].kind, posted[0].url], ['received', 'https://bot.example/hook']);
    const event = parseWebhook(posted[0].body);
    assert.equal(event.type, 'message');
    const note = event.message.notification;
    assert.deepEqual(note, { kind: 'join_request', requesters: [BIA], method: 'invite_link', addedBy: null });
    await client.approveParticipants(event.message.chat, note.requesters);
    const [added] = simulator.takeWebhooks().map((p) => parseWebhook(new TextEncoder().encode(p.body)));
    assert.deepEqual(added.message.notification, { kind: 'participants_added', participants: [BIA] });
  });

  it('the simulator plays a withdrawn request and a link mode change', async () => {
    const simulator = new Simulator();
    const client = simulator.client();
    const group = await client.createGroup('Bakery', [ANA]);
    const settings = { adminOnlyMessage: false, adminOnlySettings: false, requireAdminApproval: true, adminOnlyAddMember: false };
    await client.updateGroupSettings(group.id, settings);
    simulator.inviteJoin(await client.groupInvitationLink(group.id), BIA);
    simulator.takeWebhooks();
    assert.equal(simulator.withdrawJoinRequest(group.id, BIA), true);
    assert.equal(simulator.withdrawJoinRequest(group.id, BIA), false);
    assert.equal(simulator.setLinkMode(group.id, 'all_members'), true);
    const notes = simulator.takeWebhooks().map((p) => parseWebhook(p.body).message.notification);
    assert.deepEqual(notes, [
      { kind: 'join_request_revoked', requesters: [BIA] },
      { kind: 'link_mode_changed', linkMode: 'all_members' },
    ]);
    assert.throws(() => simulator.setLinkMode(group.id, 'everyone'), (e) => e.kind === 'validation' && e.field === 'mode');
  });

  it('builds the same values where code generation from strings is forbidden (a CSP)', () => {
    // Under Node the result builders are compiled object literals; with `Function` forbidden they
    // are made key by key. Every event vector, both ways, in a process of its own.
    const vectors = new URL('../../tests/vectors/events.json', import.meta.url);
    const entry = createRequire(import.meta.url).resolve('zapi-communities/webhooks');
    const script = `
      const { parseWebhook } = require(${JSON.stringify(entry)});
      const vectors = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(vectors.pathname)}, 'utf8'));
      const read = (body) => { try { return parseWebhook(body); } catch (e) { return { error: e.kind }; } };
      process.stdout.write(JSON.stringify(vectors.map((v) => read(v.body))));`;
    const run = (flags) => JSON.parse(execFileSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8' }));
    const compiled = run([]);
    const byKey = run(['--disallow-code-generation-from-strings']);
    assert.equal(compiled.length, JSON.parse(readFileSync(vectors, 'utf8')).length);
    assert.deepEqual(byKey, compiled);
    assert.ok(compiled.some((event) => event.type === 'message'));
  });

  it('a body given as text reads as its UTF-8 bytes, whatever it holds', () => {
    // Two bytes for ç, three for 社, four for a pair of UTF-16 units (the emoji), and a lone
    // surrogate becomes U+FFFD, as TextEncoder writes it. Four hundred 社 are three times as long
    // in UTF-8 as in UTF-16 (more than the module first makes room for).
    const names = ['ação', '社区', 'Bakery 🥐', 'lone \ud800 half', '社'.repeat(400)];
    for (const name of names) {
      // Written by hand: JSON.stringify would escape the lone surrogate.
      const text = `{"type":"ReceivedCallback","phone":"5544999999999","senderName":"${name}","text":{"message":"${name}"}}`;
      const event = parseWebhook(text);
      assert.deepEqual(event, parseWebhook(new TextEncoder().encode(text)));
      assert.equal(event.message.senderName, name.replace('\ud800', '\ufffd'));
    }
    const long = JSON.stringify({ type: 'ReceivedCallback', phone: '5544999999999', text: { message: '🥐'.repeat(300_000) } });
    assert.throws(() => parseWebhook(long), (e) => e.kind === 'decode' && /over the 1048576-byte cap/.test(e.message));
  });

  it('what is not an event throws a decode ZapiError', () => {
    for (const body of ['', '[]', '{"type":"Nope"}']) {
      assert.throws(() => parseWebhook(body), (e) => e.name === 'ZapiError' && e.kind === 'decode');
    }
    assert.throws(() => parseWebhook(42), (e) => e.kind === 'validation' && e.field === 'body');
  });
});
