// The bot example, end to end: examples/community-bot.mjs runs as its own process with a real
// `node:http` receiver on loopback, zapi-sim posts it the webhooks (one of them twice), and the bot
// approves the listed number, rejects the other and welcomes the new member in the announcement
// group.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { after, before, describe, it } from 'node:test';

import { Client } from './helpers/client.mjs';
import { PACKAGE_DIR, SIM, body, startSim } from './helpers/sim.mjs';

const LISTED = '5511911110099';
const STRANGER = '5511911110098';
const MEMBER = '5511911110001';

/** Starts the bot on `sim`; resolves to its URL, a way to wait for its lines, and the process. */
async function startBot(sim) {
  const env = {
    PATH: process.env.PATH,
    ZAPI_INSTANCE_ID: SIM.instanceId,
    ZAPI_TOKEN: SIM.token,
    ZAPI_CLIENT_TOKEN: SIM.clientToken,
    ZAPI_BASE_URL: sim.url,
    WEBHOOK_SECRET: 'kept-secret-for-the-bot-test_1',
  };
  const script = path.join(PACKAGE_DIR, 'examples', 'community-bot.mjs');
  const child = spawn('node', [script, '--allow', LISTED, '--port', '0'], { env, cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  let wake = () => {};
  readline.createInterface({ input: child.stdout }).on('line', (line) => { lines.push(line); wake(); });
  const until = async (count) => {
    const deadline = Date.now() + 10_000;
    while (lines.length < count) {
      assert.ok(Date.now() < deadline, `the bot printed only ${JSON.stringify(lines)}`);
      await new Promise((resolve) => { wake = resolve; setTimeout(resolve, 200); });
    }
    return lines.slice(0, count);
  };
  const [first] = await until(1);
  assert.match(first, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
  return { url: first.replace('listening on ', ''), until, child };
}

describe('the community bot example', () => {
  let sim;
  let bot;
  before(async () => {
    sim = await startSim();
    bot = await startBot(sim);
  });
  after(async () => {
    bot.child.kill('SIGTERM');
    await once(bot.child, 'exit');
    await sim.stop();
  });

  it('approves the list, rejects the rest, handles a duplicate once, and welcomes', async () => {
    const client = new Client(sim.clientOptions());
    const community = await client.createCommunity('Rua das Flores');
    const group = await client.createGroup('Bakery', [MEMBER]);
    await client.linkGroups(community.id, [group.id]);
    const settings = { adminOnlyMessage: false, adminOnlySettings: false, requireAdminApproval: true, adminOnlyAddMember: false };
    await client.updateGroupSettings(group.id, settings);
    const announcement = (await client.resolveAnnouncementGroup(community.id)).groupId;
    await sim.clearRequests();

    // The first join request arrives twice, as a retry after a lost answer would.
    await sim.control('POST', 'webhook-faults', { fault: 'duplicate' });
    const link = await client.groupInvitationLink(group.id);
    await sim.control('POST', 'invite-joins', { link, phone: LISTED });
    await sim.control('POST', 'invite-joins', { link, phone: STRANGER });

    const said = (await bot.until(5)).slice(1);
    assert.ok(said.includes(`approved ${LISTED} in ${group.id}`), said);
    assert.ok(said.includes(`rejected ${STRANGER} in ${group.id}`), said);
    assert.ok(said.some((line) => /^skipped \S+, already handled$/.test(line)), said);
    assert.ok(said.includes(`welcomed ${LISTED} in community ${community.id}: "Welcome, ${LISTED}!"`), said);

    const members = (await client.groupMetadata(group.id)).participants.map((p) => p.phone);
    assert.ok(members.includes(LISTED) && !members.includes(STRANGER), members);
    const log = await sim.requests();
    const count = (route) => log.filter((r) => r.method === 'POST' && r.path === route).length;
    assert.equal(count('/approve-participant'), 1, 'the duplicate was not acted on');
    assert.equal(count('/reject-participant'), 1);
    const sent = log.filter((r) => r.path === '/send-text').map(body);
    assert.deepEqual(sent.map((b) => [b.phone, b.message]), [[announcement, `Welcome, ${LISTED}!`]]);

    const guess = await fetch(`${bot.url}/hooks/guess`, { method: 'POST', body: '{}' });
    assert.equal(guess.status, 404);
  });
});
