// The examples run, and the README shows them exactly as tested.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { PACKAGE_DIR, startSim } from './helpers/sim.mjs';

const run = promisify(execFile);
const example = (name) => path.join(PACKAGE_DIR, 'examples', name);

/** The lines between `// START region` and `// END region` of an example file. */
async function region(file, name) {
  const text = await readFile(example(file), 'utf8');
  const match = new RegExp(`// START ${name}\\n([\\s\\S]*?)// END ${name}\\n`).exec(text);
  assert.ok(match, `no ${name} region in ${file}`);
  return match[1];
}

describe('examples', () => {
  let sim;
  before(async () => {
    sim = await startSim();
  });
  after(() => sim.stop());

  it('the tour runs on the embedded simulator', async () => {
    const { stdout } = await run('node', [example('tour.mjs')]);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'Running the tour on the embedded simulator');
    for (const expected of [
      '1. Create a community',
      '   community 120363000000000001 "Rua das Flores"',
      '   its announcement group is 120363000000000002-group (found in the create response; cached: true)',
      '   after forgetting it: 120363000000000002-group from the community metadata',
      '   from the chat list, confirmed by group metadata: 120363000000000002-group',
      '   sending to the community id itself is refused: use its announcement group',
      '   waiting in the queue for the phone: 0 messages',
      '   invite link changed: yes',
      "   5511911110099 followed the group's invitation link and is waiting",
      '   approved: 5511911110099 is in Gardens and in the community (5 members; in it: true)',
      '   every member may now add groups',
    ]) {
      assert.ok(lines.includes(expected), `missing line: ${expected}\n${stdout}`);
    }
    assert.ok(lines.some((l) => l.startsWith('   unlinking the last group is refused: ')));
    assert.equal(lines.at(-1), 'Done.');
  });

  it('the tour tells the same story over HTTP (zapi-sim)', async () => {
    const embedded = (await run('node', [example('tour.mjs')])).stdout.split('\n').slice(1);
    const { stdout } = await run('node', [example('tour.mjs'), '--sim', sim.url]);
    assert.equal(stdout.split('\n')[0], `Running the tour on the simulator server at ${sim.url}`);
    assert.deepEqual(stdout.split('\n').slice(1), embedded);
    // Both refusals of the story (a message to the community id, unlinking the last group)
    // happen before any request: neither is in the server's log. Link and unlink are each
    // followed by a metadata read: the answer does not say which groups were changed.
    const c = '120363000000000001';
    const a = '120363000000000002-group';
    assert.deepEqual((await sim.requests()).map((r) => `${r.method} ${r.path}`), [
      'POST /communities', 'POST /create-group', 'POST /create-group', 'POST /communities/link',
      `GET /communities-metadata/${c}`, `GET /communities-metadata/${c}`, `GET /communities-metadata/${c}`,
      'GET /chats', `GET /light-group-metadata/${a}`, `GET /group-metadata/${a}`, 'POST /send-text', 'POST /queue',
      // The approval: the invite-link join itself goes through the control API, not logged.
      'POST /update-group-settings', 'GET /group-invitation-link/120363000000000006-group', 'POST /approve-participant',
      `GET /light-group-metadata/${a}`,
      'POST /add-admin', `GET /group-invitation-link/${a}`, `POST /redefine-invitation-link/${c}`,
      'POST /communities/unlink', `GET /communities-metadata/${c}`, `GET /group-metadata/${a}`,
      'POST /communities/settings', `DELETE /communities/${c}`,
      'GET /group-metadata/120363000000000004-group', 'GET /group-metadata/120363000000000006-group',
    ]);
  });

  it('the quick start prints where the announcement went', async () => {
    const { stdout } = await run('node', [example('quickstart.mjs')]);
    assert.deepEqual(stdout.trimEnd().split('\n'), [
      'announce via 120363000000000002-group (found in the create_response)',
      'send to 120363000000000002-group instead; 3EB0SIM0000000000006 went there',
    ]);
  });

  it('the README shows the quick start and the proxy exactly as tested', async () => {
    const readme = await readFile(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
    for (const [file, name] of [['quickstart.mjs', 'quickstart'], ['proxy-server.mjs', 'proxy']]) {
      const code = await region(file, name);
      assert.ok(readme.includes('```js\n' + code + '```'), `README is out of date with ${file} (${name})`);
    }
    const quickstart = await region('quickstart.mjs', 'quickstart');
    const lines = quickstart.trimEnd().split('\n').length;
    assert.ok(lines >= 10 && lines <= 20, `quick start has ${lines} lines`);
  });
});
