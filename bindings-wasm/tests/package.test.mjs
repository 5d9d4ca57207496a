// The packed tarball, installed into a fresh project the way users get it: ESM and CommonJS
// imports in Node, the web build (initSync) and the bundler build, and its TypeScript types.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { PACKAGE_DIR } from './helpers/sim.mjs';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// The main entry has neither plan nor simulator, the plan entry has plan and apply: both are
// checked with what works offline (validation before any request, the sans-IO chat scan); the
// webhooks entry (no client) reads an event and makes a URL; the simulator entry runs a whole story.
const NAMES = 'Client, ZapiError, parseAnnouncementGroups';
const VARIANTS = [
  {
    entry: 'zapi-communities',
    dir: 'pkg',
    names: NAMES,
    story: `
      const client = new Client({ instanceId: 'INSTANCE', token: 'token' });
      let refused = '';
      try { await client.createCommunity(''); } catch (e) { refused = e instanceof ZapiError && e.kind; }
      const groups = parseAnnouncementGroups('[{"phone":"120363019502650977-group","isGroupAnnouncement":true}]');
      console.log(JSON.stringify({ simulated: typeof Client.simulated, plan: typeof client.plan, refused, groups }));`,
    expected: { simulated: 'undefined', plan: 'undefined', refused: 'validation', groups: ['120363019502650977-group'] },
  },
  {
    entry: 'zapi-communities/webhooks',
    dir: 'pkg/webhooks',
    names: 'WebhookSecret, ZapiError, maxWebhookBytes, parseWebhook',
    story: `
      const event = parseWebhook('{"type":"ReceivedCallback","phone":"5544999999999","text":{"message":"hi"}}');
      let refused = '';
      try { parseWebhook('{"type":"NoSuchCallback"}'); } catch (e) { refused = e instanceof ZapiError && e.kind; }
      const url = new WebhookSecret('s'.repeat(22)).url('https://bot.example/hooks');
      console.log(JSON.stringify({ type: event.type, chat: event.message.chat, refused, url, max: maxWebhookBytes() }));`,
    expected: {
      type: 'message', chat: '5544999999999', refused: 'decode', url: `https://bot.example/hooks/${'s'.repeat(22)}`, max: 1048576,
    },
  },
  {
    entry: 'zapi-communities/plan',
    dir: 'pkg/plan',
    names: NAMES,
    story: `
      const client = new Client({ instanceId: 'INSTANCE', token: 'token' });
      let refused = '';
      try { await client.plan({ name: 'Rua', groups: [{ name: 'A', members: ['12ab'] }] }); } catch (e) { refused = e instanceof ZapiError && e.field; }
      const groups = parseAnnouncementGroups('[]');
      console.log(JSON.stringify({ simulated: typeof Client.simulated, apply: typeof client.apply, refused, groups }));`,
    expected: { simulated: 'undefined', apply: 'function', refused: 'groups[0].members[0]', groups: [] },
  },
  {
    entry: 'zapi-communities/simulator',
    dir: 'pkg/simulator',
    names: NAMES,
    story: `
      const client = Client.simulated();
      const community = await client.createCommunity('Rua');
      const sent = await client.announce(community.id, 'hi');
      let refused = '';
      try { await client.sendText(community.id, 'hi'); } catch (e) { refused = e instanceof ZapiError && e.kind; }
      const groups = parseAnnouncementGroups('[]');
      console.log(JSON.stringify({ group: sent.announcementGroup.groupId, refused, groups }));`,
    expected: { group: '120363000000000002-group', refused: 'not_announcement_group', groups: [] },
  },
];

describe('the packed npm package', () => {
  let dir;
  let files;
  const node = (args) => run(process.execPath, args, { cwd: dir });

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'zapi-npm-'));
    const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', dir], { cwd: PACKAGE_DIR });
    const [packed] = JSON.parse(stdout);
    files = packed.files.map((f) => f.path);
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    await run(npm, ['install', '--no-audit', '--no-fund', '--offline', path.join(dir, packed.filename)], { cwd: dir });
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('ships the three builds of each entry (main, webhooks, plan, simulator), their types and the README, nothing else', () => {
    for (const { dir: base } of VARIANTS) {
      for (const build of ['node', 'web', 'bundler']) {
        for (const file of ['zapi_communities_wasm.js', 'zapi_communities_wasm.d.ts', 'zapi_communities_wasm_bg.wasm']) {
          assert.ok(files.includes(`${base}/${build}/${file}`), `missing ${base}/${build}/${file}`);
        }
      }
      assert.ok(files.includes(`${base}/node/package.json`), 'the CommonJS marker');
    }
    assert.ok(files.includes('README.md'));
    assert.deepEqual(files.filter((f) => /^(src|tests|examples|scripts)\//.test(f) || f.endsWith('.rs')), []);
  });

  for (const { entry, dir: base, names, story, expected } of VARIANTS) {
    describe(entry, () => {
      it('imports as ESM in Node', async () => {
        const { stdout } = await node(['--input-type=module', '-e', `import { ${names} } from '${entry}';${story}`]);
        assert.deepEqual(JSON.parse(stdout), expected);
      });

      it('requires as CommonJS in Node', async () => {
        const script = `const { ${names} } = require('${entry}'); (async () => {${story}})();`;
        const { stdout } = await node(['-e', script]);
        assert.deepEqual(JSON.parse(stdout), expected);
      });

      it('the web build loads (initSync) and works', async () => {
        const script = `
          import { readFileSync } from 'node:fs';
          import { createRequire } from 'node:module';
          import { initSync, ${names} } from '${entry}/web';
          const wasm = createRequire(import.meta.url).resolve('zapi-communities/package.json').replace('package.json', '${base}/web/zapi_communities_wasm_bg.wasm');
          initSync({ module: readFileSync(wasm) });
          ${story}`;
        const { stdout } = await node(['--input-type=module', '-e', script]);
        assert.deepEqual(JSON.parse(stdout), expected);
      });

      it('the bundler build loads where .wasm imports are supported', async () => {
        const script = `import { ${names} } from '${entry}/bundler';${story}`;
        const { stdout } = await node(['--experimental-wasm-modules', '--no-warnings', '--input-type=module', '-e', script]);
        assert.deepEqual(JSON.parse(stdout), expected);
      });
    });
  }

  it('browsers and bundlers resolve the web build, Node the node build', async () => {
    const script = `
      const { exports } = require('zapi-communities/package.json');
      const pick = (key) => [exports[key].node.default, exports[key].default.default];
      console.log(JSON.stringify([...pick('.'), ...pick('./webhooks'), ...pick('./plan'), ...pick('./simulator')]));`;
    const { stdout } = await node(['-e', script]);
    assert.deepEqual(JSON.parse(stdout), [
      './pkg/node/zapi_communities_wasm.js',
      './pkg/web/zapi_communities_wasm.js',
      './pkg/webhooks/node/zapi_communities_wasm.js',
      './pkg/webhooks/web/zapi_communities_wasm.js',
      './pkg/plan/node/zapi_communities_wasm.js',
      './pkg/plan/web/zapi_communities_wasm.js',
      './pkg/simulator/node/zapi_communities_wasm.js',
      './pkg/simulator/web/zapi_communities_wasm.js',
    ]);
  });

  it('its types serve a TypeScript project', { timeout: 120_000 }, async () => {
    const project = path.join(dir, 'ts');
    await mkdir(project);
    await cp(path.join(PACKAGE_DIR, 'tests', 'types'), project, { recursive: true });
    try {
      await run(process.execPath, [tsc, '-p', path.join(project, 'tsconfig.json')], { cwd: project });
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  });
});
