// A community bot: approves join requests from the numbers on its list, rejects the rest, and
// welcomes each new member in the community's announcement group. No framework: `node:http`
// receives the webhooks, and the bot acts on them after answering.
//
//   ZAPI_INSTANCE_ID=… ZAPI_TOKEN=… ZAPI_CLIENT_TOKEN=… WEBHOOK_SECRET=… \
//     node examples/community-bot.mjs --allow 5511911110099,5511911110097 \
//       --public-url https://bot.example/hooks --port 8080
//
// `--public-url` is where the instance can reach this process (through your HTTPS proxy); the bot
// sets the received webhook to it, with the secret as its last path segment. Without it the bot
// gives the instance its own loopback address, which only a local simulator (zapi-sim) can reach.
// `WEBHOOK_SECRET` is the secret kept from an earlier run; without it the bot makes a new one and
// sets the webhook again. It prints `listening on http://127.0.0.1:PORT` when it is ready, and one
// line per thing it does.
//
// The service delivers at least once: the same event can arrive twice, so the bot remembers the
// message ids it has handled.
import http from 'node:http';
import { parseArgs } from 'node:util';

import { Client } from 'zapi-communities';
import { WebhookSecret, maxWebhookBytes, parseWebhook } from 'zapi-communities/webhooks';

/** What the bot does with one event; knows nothing of HTTP. */
export class CommunityBot {
  constructor(client, allowed) {
    this.client = client;
    this.allowed = new Set(allowed);
    /** Message ids already handled, oldest first, so a redelivered event is not acted on twice. */
    this.seen = new Set();
  }

  /** Acts on one event; resolves to what it did, or `null` for an event it ignores. */
  async handle(event) {
    if (event.type !== 'message' || !event.message.notification) return null;
    const { chat, messageId, notification } = event.message;
    if (messageId) {
      if (this.seen.has(messageId)) return `skipped ${messageId}, already handled`;
      this.seen.add(messageId);
      if (this.seen.size > 10_000) this.seen.delete(this.seen.values().next().value);
    }
    switch (notification.kind) {
      case 'join_request':
        return this.decide(chat, notification.requesters);
      case 'participants_added':
        return this.welcome(chat, notification.participants);
      default:
        return null;
    }
  }

  async decide(groupId, requesters) {
    const approve = requesters.filter((p) => this.allowed.has(p));
    const reject = requesters.filter((p) => !this.allowed.has(p));
    const done = [];
    if (approve.length) {
      await this.client.approveParticipants(groupId, approve);
      done.push(`approved ${approve.join(', ')} in ${groupId}`);
    }
    if (reject.length) {
      await this.client.rejectParticipants(groupId, reject);
      done.push(`rejected ${reject.join(', ')} in ${groupId}`);
    }
    return done.join('; ');
  }

  async welcome(groupId, participants) {
    // The same people are added to the announcement group too; welcome them once, for the linked
    // group they joined.
    const context = await this.client.communityContext(groupId);
    if (!context || context.isAnnouncementGroup) return null;
    const text = `Welcome, ${participants.join(', ')}!`;
    await this.client.announce(context.communityId, text);
    return `welcomed ${participants.join(', ')} in community ${context.communityId}: "${text}"`;
  }
}

/**
 * A `node:http` handler that checks the secret, caps the body, parses it, answers at once (the
 * service waits for the answer) and then hands the event to `onEvent`.
 */
export function receiver(secret, onEvent) {
  return (req, res) => {
    if (req.method !== 'POST' || !secret.verify(req.url)) return res.writeHead(404).end();
    if (Number(req.headers['content-length'] ?? 0) > maxWebhookBytes()) {
      return res.writeHead(413, { connection: 'close' }).end();
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= maxWebhookBytes()) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxWebhookBytes()) return res.writeHead(413).end(); // sent without a Content-Length
      let event;
      try {
        event = parseWebhook(Buffer.concat(chunks));
      } catch {
        return res.writeHead(400).end();
      }
      res.writeHead(200).end();
      onEvent(event);
    });
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      allow: { type: 'string', default: '' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      'public-url': { type: 'string' },
    },
  });
  const allowed = values.allow.split(',').map((p) => p.trim()).filter(Boolean);
  const kept = process.env.WEBHOOK_SECRET;
  const secret = kept ? new WebhookSecret(kept) : WebhookSecret.generate();
  const client = Client.fromEnv();
  const bot = new CommunityBot(client, allowed);
  // One event at a time, in the order they arrived.
  let turn = Promise.resolve();
  const onEvent = (event) => {
    turn = turn
      .then(() => bot.handle(event))
      .then((done) => done && console.log(done))
      .catch((error) => console.log(`failed: ${error.message}`)); // one failed call must not stop the bot
  };
  const server = http.createServer(receiver(secret, onEvent));
  await new Promise((resolve) => server.listen(Number(values.port), values.host, resolve));
  const local = `http://${values.host}:${server.address().port}`;
  await client.setWebhook('received', secret.url(values['public-url'] ?? local));
  console.log(`listening on ${local}`);
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
