// The secret in the webhook URL: made, kept, put in the URL given to the instance, and checked by
// a plain `node:http` handler (the README's) before it reads the body.
import assert from 'node:assert/strict';
import http from 'node:http';
import { describe, it } from 'node:test';

import { WebhookSecret, ZapiError, maxWebhookBytes, parseWebhook } from 'zapi-communities/webhooks';

const KEPT = 's3cr3t-path-segment_0123';

/** The README's handler: check the secret, refuse an oversized body unread, parse, answer. */
function receiver(secret, events) {
  return (req, res) => {
    if (req.method !== 'POST' || !secret.verify(req.url)) return res.writeHead(404).end();
    if (Number(req.headers['content-length'] ?? 0) > maxWebhookBytes()) return res.writeHead(413, { connection: 'close' }).end();
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        events.push(parseWebhook(Buffer.concat(chunks)));
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  };
}

/** Status of a POST; `length` declares a body that is never sent (the handler must not wait). */
function post(url, body, length = Buffer.byteLength(body)) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-length': length } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    if (length === Buffer.byteLength(body)) req.end(body);
    else req.flushHeaders();
  });
}

describe('webhook secret', () => {
  it('is generated new each time, accepted back, and never shown', () => {
    const a = WebhookSecret.generate();
    const b = WebhookSecret.generate();
    assert.equal(a.expose().length, 43);
    assert.notEqual(a.expose(), b.expose());
    assert.equal(new WebhookSecret(a.expose()).expose(), a.expose());
    assert.equal(`${a}`, 'WebhookSecret(***)');
    assert.equal(JSON.stringify({ a }), '{"a":"WebhookSecret(***)"}');
  });

  it('checks a kept secret and the base URL', () => {
    assert.throws(() => new WebhookSecret('abc'), (e) => e instanceof ZapiError && e.kind === 'validation' && e.field === 'secret');
    const secret = new WebhookSecret(KEPT);
    assert.equal(secret.url('https://bot.example/hooks/'), `https://bot.example/hooks/${KEPT}`);
    assert.throws(() => secret.url('http://bot.example/hooks'), (e) => e.field === 'base_url');
  });

  it('a node:http handler takes only the instance\'s posts', async () => {
    const secret = new WebhookSecret(KEPT);
    const events = [];
    const server = http.createServer(receiver(secret, events));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${server.address().port}/hooks`;
      const url = secret.url(base);
      const event = JSON.stringify({ type: 'DeliveryCallback', phone: '5544999999999', messageId: 'M1' });
      assert.equal(await post(`${base}/not-the-secret`, event), 404);
      assert.equal(await post(url, 'not json'), 400);
      assert.equal(await post(url, '', maxWebhookBytes() + 1), 413);
      assert.equal(await post(`${url}?from=zapi`, event), 200);
      assert.deepEqual(events.map((e) => e.type), ['delivery']);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
