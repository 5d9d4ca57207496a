// A real browser: headless Chromium (Debian's, driven by playwright-core) loads a page served on
// 127.0.0.1 that imports the web build and runs the tour against zapi-sim on another port.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';

import { chromium } from 'playwright-core';

import { CHROMIUM, FLAGS, forwarding, staticServer } from './chromium.mjs';

import { PACKAGE_DIR, SIM, startSim } from '../helpers/sim.mjs';

/** What the page may load. */
const SERVED = ['/pkg/web/', '/pkg/simulator/web/', '/examples/', '/tests/browser/'];

describe('in headless Chromium', () => {
  let sim;
  let server;
  let browser;
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    sim = await startSim();
    server = staticServer(SERVED);
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await sim?.stop();
  });

  it('runs the tour against the simulator server on another origin', { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const console = [];
    page.on('console', (message) => console.push({ type: message.type(), text: message.text() }));
    page.on('pageerror', (error) => console.push({ type: 'pageerror', text: String(error) }));
    const origin = `http://127.0.0.1:${server.address().port}`;
    await page.goto(`${origin}/tests/browser/index.html?sim=${encodeURIComponent(sim.url)}`);
    await page.waitForFunction(() => window.report !== undefined, null, { timeout: 90_000 });
    const report = await page.evaluate(() => window.report);
    assert.equal(report.ok, true, report.error);
    assert.notEqual(new URL(sim.url).port, String(server.address().port), 'the API is cross-origin');

    // The same story as in Node, line for line, over HTTP and on the in-memory simulator.
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(PACKAGE_DIR, 'examples', 'tour.mjs')]);
    const nodeLines = stdout.trimEnd().split('\n').slice(2);
    assert.deepEqual(report.lines, nodeLines);
    assert.deepEqual(report.simulatedLines, nodeLines);
    assert.equal(report.lines.at(-1), 'Done.');

    // The server saw the browser's requests (CORS preflights are answered, not logged).
    const log = await sim.requests();
    assert.equal(log[0].path, '/communities');
    assert.ok(log.some((r) => r.headers.some(([k, v]) => k === 'origin' && v === origin)), 'sent from the page origin');

    assert.deepEqual(report.errors.validation, {
      isZapiError: true,
      isError: true,
      name: 'ZapiError',
      kind: 'validation',
      field: 'name',
      status: null,
      message: 'invalid name: must not be empty',
    });
    assert.equal(report.errors.api.kind, 'api');
    assert.equal(report.errors.api.status, 401);
    assert.equal(report.errors.transport.kind, 'transport');

    const warnings = console.filter((m) => m.type === 'warning').map((m) => m.text);
    assert.equal(warnings.length, 1, JSON.stringify(console));
    assert.match(warnings[0], /calls api\.z-api\.io directly.*proxy mode/s);
    assert.ok(!warnings[0].includes('my-token'));
    assert.deepEqual(console.filter((m) => m.type === 'pageerror'), []);
    await page.close();
  });

  it('keeps reads out of the HTTP cache and lets cross-origin changes reuse their CORS preflight', { timeout: 60_000 }, async () => {
    // Another origin in front of the sim, counting the preflights the browser sends it.
    let preflights = 0;
    const api = http.createServer(forwarding(sim.url, { onPreflight: () => { preflights += 1; } }));
    await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/blank.html`);
      const run = (script) => page.evaluate(script);
      await page.evaluate(async ([baseUrl, credentials]) => {
        const { default: init, Client } = await import('/pkg/web/zapi_communities_wasm.js');
        await init();
        // What the client asks of fetch, call by call.
        window.asked = [];
        const fetch = window.fetch;
        window.fetch = (url, options) => {
          window.asked.push([options.method, options.cache, options.redirect]);
          return fetch(url, options);
        };
        window.client = new Client({ ...credentials, baseUrl });
        window.community = (await window.client.createCommunity('Preflights', null)).id;
      }, [`http://127.0.0.1:${api.address().port}`, SIM]);

      preflights = 0;
      await run(async () => {
        window.asked = [];
        for (let i = 0; i < 3; i++) await window.client.updateCommunityDescription(window.community, `take ${i}`);
      });
      assert.equal(preflights, 1, 'three changes of one route: one preflight, then the cached one');
      assert.deepEqual(await run(() => window.asked), Array(3).fill(['POST', 'default', 'manual']));

      await run(async () => {
        window.asked = [];
        await window.client.listCommunities(1, 10);
      });
      assert.deepEqual(await run(() => window.asked), [['GET', 'no-store', 'manual']]);
      await page.close();
    } finally {
      api.close();
    }
  });

  it('aborts the request in flight when the call\'s signal aborts', { timeout: 60_000 }, async () => {
    // Another origin that lets the preflight through to the sim and holds the request itself.
    const forward = forwarding(sim.url);
    let arrived;
    let closed;
    const came = new Promise((resolve) => { arrived = resolve; });
    const gone = new Promise((resolve) => { closed = resolve; });
    const api = http.createServer((req, res) => {
      if (req.method === 'OPTIONS') return forward(req, res);
      arrived();
      req.socket.on('close', closed);
    });
    await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${server.address().port}/tests/browser/blank.html`);
      await page.evaluate(async ([baseUrl, credentials]) => {
        const { default: init, Client } = await import('/pkg/web/zapi_communities_wasm.js');
        await init();
        const client = new Client({ ...credentials, baseUrl, maxRetries: 0 });
        window.controller = new AbortController();
        window.outcome = client.listChats(1, 10, { signal: window.controller.signal }).then(
          () => 'resolved',
          (error) => error.name,
        );
      }, [`http://127.0.0.1:${api.address().port}`, SIM]);
      await came;
      await page.evaluate(() => window.controller.abort());
      assert.equal(await page.evaluate(() => window.outcome), 'AbortError');
      let timer;
      const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('the connection stayed open')), 5000); });
      await Promise.race([gone, limit]).finally(() => clearTimeout(timer));
      await page.close();
    } finally {
      api.closeAllConnections();
      api.close();
    }
  });
});
