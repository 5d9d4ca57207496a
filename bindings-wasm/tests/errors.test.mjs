// ZapiError: a real Error subclass, one `kind` per core error, each with its fields. Server-side
// failures are provoked with the simulator's fault injection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Client, SimZapiError, ZapiError, onFreshSimulator, parseWebhook, rejection, thrown } from './helpers/client.mjs';
import { closedPort } from './helpers/shared.mjs';
import { SIM, routes } from './helpers/sim.mjs';

describe('ZapiError', () => {
  it('is a real Error subclass', () => {
    const error = thrown(() => new Client({ instanceId: 'I', token: 't', timeoutMs: 0 }));
    assert.ok(error instanceof ZapiError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ZapiError');
    assert.equal(error.constructor, ZapiError);
    assert.equal(Object.prototype.toString.call(error), '[object Error]');
    assert.equal(String(error), `ZapiError: ${error.message}`);
    assert.equal(typeof error.stack, 'string');
    assert.ok(ZapiError.prototype instanceof Error);
    assert.equal(Object.getPrototypeOf(ZapiError), Error);
    // wasm-bindgen's memory-management methods are not part of an error.
    assert.equal(error.free, undefined);
    assert.equal(Symbol.dispose === undefined || error[Symbol.dispose] === undefined, true);
    assert.ok(!(new Error('x') instanceof ZapiError));
  });

  it('is an instance of every entry\'s ZapiError, whichever entry threw it', () => {
    // A bot takes Client from the main entry and parseWebhook from `zapi-communities/webhooks`.
    const fromWebhooks = thrown(() => parseWebhook('not an event'));
    const fromClient = thrown(() => new Client({ instanceId: 'I', token: 't', timeoutMs: 0 }));
    for (const error of [fromWebhooks, fromClient]) {
      assert.ok(error instanceof ZapiError);
      assert.ok(error instanceof SimZapiError);
      assert.ok(error instanceof Error);
    }
    assert.notEqual(fromWebhooks.constructor, ZapiError, 'two modules, two classes');
    // The mark is a non-enumerable symbol: nothing that shows an error shows it.
    const [mark, ...others] = Object.getOwnPropertySymbols(fromWebhooks);
    assert.equal(mark, Symbol.for('zapi-communities.ZapiError'));
    assert.deepEqual(others, []);
    assert.equal(Object.getOwnPropertyDescriptor(fromWebhooks, mark).enumerable, false);
    assert.deepEqual(Object.keys(fromWebhooks), ['kind', 'detail']);
    for (const value of [null, undefined, 0, 'ZapiError', {}, new Error('x'), Object.create(ZapiError.prototype)]) {
      assert.ok(!(value instanceof ZapiError), String(value));
    }
  });

  it('carries kind and fields as own properties (so JSON.stringify shows them)', () => {
    const error = thrown(() => new Client({ instanceId: 'I', token: 't', timeoutMs: 0 }));
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      kind: 'validation',
      field: 'timeout_ms',
      reason: 'must be greater than zero',
    });
    assert.equal(error.message, 'invalid timeout_ms: must be greater than zero');
  });
});

describe('error kinds over HTTP', () => {
  let sim;
  let client;
  onFreshSimulator({ maxRetries: 0 }, (s, c) => {
    [sim, client] = [s, c];
  });

  it('api: an error status with the service message as detail', async () => {
    await sim.fault({ fault: { kind: 'status', status: 500, message: 'boom' }, method: 'POST' });
    const error = await rejection(client.createCommunity('Rua'));
    assert.equal(error.kind, 'api');
    assert.equal(error.status, 500);
    assert.equal(error.detail, 'boom');
    assert.equal(error.message, 'the service answered 500: boom');
  });

  it('api: wrong credentials are a 401', async () => {
    const stranger = new Client(sim.clientOptions({ token: 'wrong-token' }));
    const error = await rejection(stranger.listChats(1, 10));
    assert.equal(error.kind, 'api');
    assert.equal(error.status, 401);
  });

  it('rate_limited: retryAfterMs in milliseconds, or null', async () => {
    await sim.fault({ fault: { kind: 'rate_limit', retryAfter: 7 }, method: 'POST' });
    const error = await rejection(client.createCommunity('Rua'));
    assert.equal(error.kind, 'rate_limited');
    assert.equal(error.retryAfterMs, 7000);
    await sim.fault({ fault: { kind: 'rate_limit' } });
    assert.equal((await rejection(client.listChats(1, 10))).retryAfterMs, null);
  });

  it('api: a redirect is refused, naming the origin of its Location and nothing more', async () => {
    const decoy = new URL((await sim.decoy()).url).origin;
    await sim.fault({ fault: { kind: 'redirect', status: 302 } });
    const error = await rejection(client.listChats(1, 10));
    assert.equal(error.kind, 'api');
    assert.equal(error.status, 302);
    assert.match(error.detail, new RegExp(`redirect 302 to ${decoy};`));
    assert.doesNotMatch(error.message, new RegExp(SIM.token));
  });

  it('timeout: timeoutMs says what was in force', async () => {
    const impatient = new Client(sim.clientOptions({ timeoutMs: 150, maxRetries: 0 }));
    await sim.fault({ fault: { kind: 'delay', ms: 2000 }, pathPrefix: '/chats' });
    const error = await rejection(impatient.listChats(1, 10));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.timeoutMs, 150);
  });

  it('transport: a refused connection', async () => {
    const nowhere = new Client(sim.clientOptions({ baseUrl: `http://127.0.0.1:${await closedPort()}`, maxRetries: 0 }));
    const error = await rejection(nowhere.listChats(1, 10));
    assert.equal(error.kind, 'transport');
    // Node's fetch names ECONNREFUSED, so the request provably never left.
    assert.equal(error.sent, false);
    assert.match(error.detail, /ECONNREFUSED/);
    assert.equal(typeof error.detail, 'string');
  });

  it('transport: a connection reset before the answer', async () => {
    await sim.fault({ fault: { kind: 'reset_before_headers' } });
    const error = await rejection(client.listChats(1, 10));
    assert.equal(error.kind, 'transport');
  });

  it('decode: a malformed 200 body', async () => {
    await sim.fault({ fault: { kind: 'malformed' } });
    const error = await rejection(client.listChats(1, 10));
    assert.equal(error.kind, 'decode');
    assert.equal(typeof error.detail, 'string');
  });

  it('not_found: no announcement group in the asked source', async () => {
    const error = await rejection(client.resolveAnnouncementGroup('120363000000000001', 'create_response'));
    assert.equal(error.kind, 'not_found');
    assert.equal(error.id, '120363000000000001');
    assert.equal(error.what, 'announcement group (from create_response)');
  });

  it('not_announcement_group: covered in messages.test.mjs; null announcementGroup when unknown', async () => {
    const community = await client.createCommunity('Rua');
    client.invalidate(community.id);
    await client.communityMetadata(community.id); // known again, with its announcement group
    const error = await rejection(client.sendText(community.id, 'hi'));
    assert.equal(error.kind, 'not_announcement_group');
    assert.equal(error.announcementGroup, community.announcementGroup);
  });

  it('retries: a GET is repeated after a 503, a POST is not', async () => {
    const patient = new Client(sim.clientOptions({ maxRetries: 2 }));
    await sim.fault({ fault: { kind: 'status', status: 503 }, method: 'GET' });
    assert.deepEqual(await patient.listChats(1, 10), []);
    assert.deepEqual(routes(await sim.requests()), ['GET /chats', 'GET /chats']);
    await sim.clearRequests();
    await sim.fault({ fault: { kind: 'status', status: 503 }, method: 'POST' });
    assert.equal((await rejection(patient.createCommunity('Rua'))).status, 503);
    assert.deepEqual(routes(await sim.requests()), ['POST /communities']);
  });
});
