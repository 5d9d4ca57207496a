// The sides of the Node webhook rows, one event each, shared by the timed rows (node_bench.mjs)
// and the counted ones (webhook_count.mjs). Each reads a typical received text message (the first
// case of tests/vectors/events.json) and returns the lengths of the same five fields, so that the
// sides can be checked to read the same thing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The typical event, as the text a webhook request carries. */
const typicalEventText = () =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'vectors', 'events.json'), 'utf8'))[0].body;

const fields = (m, text) => m.chat.length + (m.messageId ?? '').length + (m.senderName ?? '').length +
  (m.chatName ?? '').length + (text ?? '').length;
const fromEvent = ({ message }) => fields(message, message.content?.kind === 'text' ? message.content.message : null);

// The floor of any client that reads the event in JS: JSON.parse, then the event's fields copied
// into an event object (as parseWebhook shapes it) with the lenient checks it makes. Written for
// this one kind of event only, to measure what a second reader in JS would cost, not to be one.
const text = (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v) : Number.isSafeInteger(v) ? String(v) : null);
const flag = (v) => v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && /^(true|1|yes)$/i.test(v.trim()));
const whole = (v) => (typeof v === 'number' && v >= 0 ? Math.trunc(v) : null);
const eventInJs = (body) => {
  const e = JSON.parse(body);
  const t = e.text;
  return {
    type: 'message',
    message: {
      chat: text(e.phone), messageId: text(e.messageId), isGroup: flag(e.isGroup), isNewsletter: flag(e.isNewsletter),
      fromMe: flag(e.fromMe), fromApi: flag(e.fromApi), isEdit: flag(e.isEdit), moment: whole(e.momment) ?? whole(e.moment),
      participantPhone: text(e.participantPhone), senderName: text(e.senderName), chatName: text(e.chatName),
      connectedPhone: text(e.connectedPhone), instanceId: text(e.instanceId), status: text(e.status),
      referenceMessageId: text(e.referenceMessageId),
      content: t !== null && typeof t === 'object'
        ? { kind: 'text', message: text(t.message) ?? '', title: text(t.title), description: text(t.description) ?? text(t.descritpion), url: text(t.url) }
        : null,
      notification: null,
    },
  };
};

/**
 * One event per call on each side: `ours` (parseWebhook on the bytes), `text` (on the text),
 * `json` (JSON.parse and the five fields read straight off it) and `mapped` (eventInJs). Throws
 * when the sides do not read the same event.
 */
export function webhookSides(parseWebhook) {
  const eventText = typicalEventText();
  const eventBytes = new TextEncoder().encode(eventText);
  const sides = {
    ours: () => fromEvent(parseWebhook(eventBytes)),
    text: () => fromEvent(parseWebhook(eventText)),
    json: () => {
      const e = JSON.parse(eventText);
      return e.phone.length + (e.messageId ?? '').length + (e.senderName ?? '').length + (e.chatName ?? '').length +
        (e.text?.message ?? '').length;
    },
    mapped: () => fromEvent(eventInJs(eventText)),
  };
  if (JSON.stringify(eventInJs(eventText)) !== JSON.stringify(parseWebhook(eventBytes))) {
    throw new Error('webhook events: the JS mapping does not give parseWebhook\'s event');
  }
  const expected = sides.json();
  for (const [name, side] of Object.entries(sides)) {
    if (side() !== expected) throw new Error(`webhook events: ${name} reads different fields`);
  }
  return sides;
}
