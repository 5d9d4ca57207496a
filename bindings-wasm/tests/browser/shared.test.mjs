// The shared vectors and the shared scenario in headless Chromium: the web build runs each call
// in a page (tests/browser/shared-page.mjs, through the same dispatcher as Node) against zapi-sim
// on another origin; the checks are the Node ones (helpers/shared.mjs). The scenario's end state
// goes to target/scenario/chromium.json for tests/steps/90-compare.sh.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import {
  Tally,
  VECTOR_CASES,
  VECTOR_FILES,
  clearScenario,
  scenarioRecord,
  story,
  vectors,
  writeScenario,
} from '../helpers/shared.mjs';
import { PACKAGE_DIR, startSim } from '../helpers/sim.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// As in browser.test.mjs: closed network, no background traffic.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const SERVED = ['/pkg/web/', '/tests/browser/', '/tests/helpers/dispatch.mjs'];

function staticServer() {
  return http.createServer(async (req, res) => {
    const file = path.normalize(new URL(req.url, 'http://localhost').pathname);
    if (!SERVED.some((prefix) => file.startsWith(prefix))) return res.writeHead(404).end();
    try {
      const content = await readFile(path.join(PACKAGE_DIR, file));
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(content);
    } catch {
      res.writeHead(404).end();
    }
  });
}

const tally = new Tally('chromium');

describe('shared suites in headless Chromium', () => {
  let sim;
  let server;
  let browser;
  let page;
  const pageErrors = [];
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    sim = await startSim();
    server = staticServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/shared.html`);
    await page.waitForFunction(() => window.ready !== undefined, null, { timeout: 60_000 });
    const ready = await page.evaluate(() => window.ready);
    assert.equal(ready.ok, true, ready.error);
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await sim?.stop();
    tally.print();
  });

  /** Runs the steps in the page on a fresh client (another origin than the simulator's). */
  const run = (steps, options) =>
    page.evaluate(([o, s]) => window.runSteps(o, s), [sim.clientOptions(options), steps]);

  for (const file of VECTOR_FILES) {
    describe(`${file}.json`, () => {
      for (const v of vectors(file)) {
        it(v.name, { timeout: 30_000 }, tally.counted(`vectors/${file}`, () => VECTOR_CASES[file](sim, v, run)));
      }
    });
  }

  it('the shared story ends in the shared state', { timeout: 60_000 }, tally.counted('scenario', async (t) => {
    clearScenario('chromium');
    await sim.reset();
    const shared = story();
    const played = await page.evaluate(([o, s]) => window.playStory(o, s), [sim.clientOptions(), shared]);
    assert.equal(played.error, undefined, played.error);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const fromPage = (await sim.requests()).every((r) => r.headers.some(([k, v]) => k === 'origin' && v === origin));
    assert.ok(fromPage, 'every request was sent by the page, cross-origin');
    const record = await scenarioRecord(sim);
    assert.ok(record.requests.length >= shared.steps.length - 1, `${record.requests.length} requests`);
    t.diagnostic(`${played.steps} steps, ${record.requests.length} requests; written to ${writeScenario('chromium', record)}`);
  }));

  it('no error escaped in the page', () => assert.deepEqual(pageErrors, []));
});
