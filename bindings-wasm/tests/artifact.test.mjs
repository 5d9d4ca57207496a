// The package as a user gets it: `npm pack`, then the tarball installed into scratch projects
// outside the checkout, one ES module and one CommonJS, and a browser page that loads it through
// the web entries its package.json exports (README: "Install from a checkout").
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { CHROMIUM, FLAGS } from './browser/chromium.mjs';
import { PACKAGE_DIR } from './helpers/sim.mjs';

const run = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The first ```js block under the README heading `heading`. */
async function readmeBlock(heading) {
  const text = await readFile(path.join(PACKAGE_DIR, 'README.md'), 'utf8');
  const section = text.split(new RegExp(`^## ${heading}$`, 'm'))[1];
  assert.ok(section, `no "## ${heading}" in the README`);
  const match = /```js\n([\s\S]*?)```/.exec(section.split(/^## /m)[0]);
  assert.ok(match, `no js block under "## ${heading}"`);
  return match[1];
}

/** A scratch project of the given module type with the tarball installed. */
async function project(root, type, tarball) {
  const dir = path.join(root, type);
  await mkdir(dir);
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `scratch-${type}`, private: true, type }));
  await run(NPM, ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir });
  return dir;
}

describe('the packed tarball, installed elsewhere', () => {
  let root;
  let esm;
  let cjs;
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'zapi-npm-'));
    const { stdout } = await run(NPM, ['pack', '--pack-destination', root, '--loglevel=error'], { cwd: PACKAGE_DIR });
    const tarball = path.join(root, stdout.trim().split('\n').at(-1));
    esm = await project(root, 'module', tarball);
    cjs = await project(root, 'commonjs', tarball);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('runs the README quick start in an ES module project', async () => {
    await writeFile(path.join(esm, 'quickstart.mjs'), await readmeBlock('Quick start'));
    const { stdout } = await run(process.execPath, ['quickstart.mjs'], { cwd: esm });
    assert.match(stdout, /^announce via \d+-group \(found in the create_response\)$/m);
    assert.match(stdout, /^send to \d+-group instead; \w+ went there$/m);
  });

  it('loads with require in a CommonJS project, both entries', async () => {
    const script = `
      const { Client } = require('zapi-communities/simulator');
      const main = require('zapi-communities');
      (async () => {
        const client = Client.simulated();
        const community = await client.createCommunity('Rua', 'x');
        const found = await client.resolveAnnouncementGroup(community.id);
        try { new main.Client({ instanceId: 'I', token: 't', baseUrl: 'http://example.com' }); }
        catch (error) { console.log(error instanceof main.ZapiError, error.field); }
        console.log(found.groupId);
      })();`;
    await writeFile(path.join(cjs, 'quickstart.js'), script);
    const { stdout } = await run(process.execPath, ['quickstart.js'], { cwd: cjs });
    assert.deepEqual(stdout.trim().split('\n'), ['true base_url', '120363000000000002-group']);
  });

  it('runs in a browser page through the web entries of its exports', { timeout: 120_000 }, async () => {
    // The page resolves the bare specifiers with an import map built from the installed
    // package.json, as a bundler resolves them from "exports".
    const installed = path.join(esm, 'node_modules', 'zapi-communities');
    const { exports } = JSON.parse(await readFile(path.join(installed, 'package.json'), 'utf8'));
    const imports = {};
    for (const entry of ['./web', './simulator/web']) {
      imports[`zapi-communities/${entry.slice(2)}`] = `/node_modules/zapi-communities/${exports[entry].default.slice(2)}`;
    }
    const page = `<!doctype html><script type="importmap">${JSON.stringify({ imports })}</script>
      <script type="module">
        import initSim, { Client } from 'zapi-communities/simulator/web';
        import init, { Client as MainClient } from 'zapi-communities/web';
        try {
          await initSim();
          await init();
          const client = Client.simulated();
          const community = await client.createCommunity('Rua', 'x');
          const found = await client.resolveAnnouncementGroup(community.id);
          let refused;
          try { new MainClient({ instanceId: 'I', token: 't', baseUrl: 'http://example.com' }); }
          catch (error) { refused = error.field; }
          window.report = { group: found.groupId, refused };
        } catch (error) {
          window.report = { error: String(error) };
        }
      </script>`;
    await writeFile(path.join(esm, 'index.html'), page);
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
    const server = http.createServer(async (req, res) => {
      const file = path.normalize(new URL(req.url, 'http://localhost').pathname);
      try {
        const content = await readFile(path.join(esm, file));
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(content);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const tab = await browser.newPage();
      await tab.goto(`http://127.0.0.1:${server.address().port}/index.html`);
      await tab.waitForFunction(() => window.report !== undefined, null, { timeout: 90_000 });
      assert.deepEqual(await tab.evaluate(() => window.report), {
        group: '120363000000000002-group',
        refused: 'base_url',
      });
    } finally {
      await browser.close();
      server.close();
    }
  });
});
