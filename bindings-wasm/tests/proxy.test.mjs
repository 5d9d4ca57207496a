// The README's browser pattern: a page-side Client with no credentials talks to the backend
// proxy of examples/proxy-server.mjs, which adds them and forwards to the (simulated) service.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createProxy } from '../examples/proxy-server.mjs';
import { Client } from './helpers/client.mjs';
import { SIM, startSim } from './helpers/sim.mjs';

describe('behind the example backend proxy', () => {
  let sim;
  let proxy;
  let pageClient;
  before(async () => {
    sim = await startSim();
    proxy = createProxy({ ...SIM, upstream: sim.url });
    await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    pageClient = new Client({ proxy: true, baseUrl: `http://127.0.0.1:${proxy.address().port}/zapi` });
  });
  after(async () => {
    proxy.close();
    await sim.stop();
  });

  it('runs calls with no credentials on the page side', async () => {
    const community = await pageClient.createCommunity('Rua', 'via the proxy');
    const sent = await pageClient.announce(community.id, 'hello');
    assert.equal(sent.announcementGroup.groupId, community.announcementGroup);
    assert.deepEqual((await pageClient.listCommunities(1, 10)).map((c) => c.name), ['Rua']);
    const log = await sim.requests();
    assert.deepEqual(log.map((r) => `${r.method} ${r.path}`), ['POST /communities', 'POST /send-text', 'GET /communities']);
    assert.ok(log.every((r) => r.headers.some(([k]) => k === 'client-token')), 'the proxy added Client-Token');
  });

  it('service errors come through as ZapiError', async () => {
    await sim.fault({ fault: { kind: 'status', status: 503, message: 'down' }, method: 'POST' });
    await assert.rejects(pageClient.createCommunity('Rua'), { name: 'ZapiError', kind: 'api', status: 503, detail: 'down' });
  });
});
