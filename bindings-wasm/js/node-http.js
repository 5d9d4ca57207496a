// The HTTP half of the JS client's transport in the Node build (pkg/node): the same contract as
// js/fetch.js, on `node:http`/`node:https` instead of `fetch`. scripts/build.sh puts this file
// in place of fetch.js in the Node output; the web and bundler outputs keep fetch.
//
// Why not fetch here: Node's fetch (undici) wraps every exchange in WHATWG streams, a Request,
// a Headers list and an AbortSignal, which costs more per call than the request itself on a
// fast network; `node:http` with a keep-alive agent costs about two thirds of it (BENCHMARKS.md).
// What the contract promises is kept: one outcome object, never a rejection; redirects are never
// followed (node:http does not follow them: the core sees the 3xx and refuses it); a timer bounds
// the whole exchange, body included; the body is capped; and the URL, which carries the token,
// is cut out of every message before it reaches Rust.
'use strict';

// Socket errors raised before a single byte of the request was written; anything else may have
// been delivered.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

// Each protocol's module is loaded on its first request, as Node loads its own fetch: loading
// `node:https` (TLS and crypto with it) takes ~6 ms, a fifth of the package's start-up, and a
// process that only talks plain HTTP on loopback (the simulator) never needs it.
const MODULES = new Map([['http:', 'node:http'], ['https:', 'node:https']]);
// One keep-alive pool per protocol for the whole process, as fetch keeps one.
const loaded = new Map();

/** `{ lib, agent }` for a URL's protocol (`http:` or `https:`), or undefined for any other. */
function protocol(name) {
  let entry = loaded.get(name);
  if (entry === undefined && MODULES.has(name)) {
    const lib = require(MODULES.get(name));
    entry = { lib, agent: new lib.Agent({ keepAlive: true }) };
    loaded.set(name, entry);
  }
  return entry;
}

/**
 * Sends one request. `headers` is a flat `[name, value, name, value, …]` list; of the response's
 * headers, only those named (lower case) in `keptHeaders` come back, in the same flat form.
 * The promise's `cancel()` aborts the request: src/transport.rs calls it when the call awaiting
 * it is dropped unfinished (cancelled with its signal, src/cancel.rs).
 * @returns {Promise<object>} `{ status, headers, body }` or `{ failure, message }`
 */
function send(method, url, headers, body, timeoutMs, maxBodyBytes, keptHeaders) {
  let cancel;
  const sending = new Promise((resolve) => {
    let settled = false;
    let timer;
    let request;
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    cancel = () => {
      finish({ failure: 'io', message: 'cancelled' });
      request?.destroy();
    };
    let target;
    try {
      target = new URL(url);
    } catch (error) {
      finish({ failure: 'connect', message: describe(error, url) });
      return;
    }
    const transport = protocol(target.protocol);
    if (transport === undefined) {
      finish({ failure: 'connect', message: `unsupported protocol ${target.protocol}` });
      return;
    }
    const names = {};
    for (let i = 0; i + 1 < headers.length; i += 2) names[headers[i]] = headers[i + 1];
    if (body !== undefined) names['content-length'] = Buffer.byteLength(body);
    request = transport.lib.request(target, { method, headers: names, agent: transport.agent });
    timer = setTimeout(() => {
      finish({ failure: 'timeout', message: '' });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => {
      const failure = NOT_CONNECTED.has(error?.code) ? 'connect' : 'io';
      finish({ failure, message: describe(error, url) });
    });
    request.on('response', (response) => {
      const declared = response.headers['content-length'];
      if (declared !== undefined && Number(declared) > maxBodyBytes) {
        finish({ failure: 'too_large', message: '' });
        request.destroy();
        return;
      }
      const chunks = [];
      let length = 0;
      response.on('data', (chunk) => {
        length += chunk.length;
        if (length > maxBodyBytes) {
          finish({ failure: 'too_large', message: '' });
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', (error) => finish({ failure: 'io', message: describe(error, url) }));
      response.on('end', () => {
        const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
        const kept = [];
        for (const name of keptHeaders) {
          const value = response.headers[name];
          if (value !== undefined) kept.push(name, value);
        }
        finish({ status: response.statusCode, headers: kept, body: bytes });
      });
    });
    request.end(body);
  });
  sending.cancel = cancel;
  return sending;
}

/**
 * Resolves after `ms` milliseconds (the pause between retries); `cancel()` clears the timer, so
 * that a cancelled call leaves none behind to keep the process alive.
 */
function sleep(ms) {
  let timer;
  const sleeping = new Promise((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  sleeping.cancel = () => clearTimeout(timer);
  return sleeping;
}

// The error and its causes on one line, the URL cut out.
function describe(error, url) {
  const parts = [];
  for (let e = error, depth = 0; e != null && depth < 4; e = e.cause, depth += 1) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(': ').split(url).join('<url>');
}

module.exports = { send, sleep };
