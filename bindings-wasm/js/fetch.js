// The HTTP half of the JS client's transport (src/transport.rs holds the Rust half).
//
// One call crosses from wasm to JS per request and one object comes back, so a request costs
// about what a hand-written `fetch` costs. It resolves with an outcome instead of rejecting:
// `{ status, headers, body }`, or `{ failure, message }` where `failure` is `timeout`, `connect`
// (provably nothing sent), `io` (the request may have arrived), `too_large` or `redirect`.
// Redirects are never followed (`redirect: "manual"`): the URL carries the token, the headers
// the Client-Token, and a 307/308 would send a POST twice. Node hands back the 3xx response,
// which the core refuses; a browser hides it (an opaque redirect), hence `redirect`. A read
// neither comes from nor goes to the browser's HTTP cache (`cache: "no-store"`): a list read from
// it could be stale, a cached 301 would keep answering for a host that redirected once, and the
// answers (members' numbers, with the token in the URL) would be kept on disk. A POST, PUT or
// DELETE is never answered from that cache nor kept in it anyway, so it keeps the default mode:
// with `no-store`, Chromium also skips its CORS preflight cache, and every cross-origin change
// would cost a preflight. Since the URL carries the token, it is cut out of every message before
// the message reaches Rust.
//
// The web and bundler outputs use this file; the Node output uses js/node-http.js in its place,
// the same contract on node:http, which costs less per call than Node's fetch.

// Node's fetch (undici) names the socket error in `cause.code`. These happen before a single
// byte of the request is written; anything else may have been delivered.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Sends one request. `headers` is a flat `[name, value, name, value, …]` list; of the response's
 * headers, only those named (lower case) in `keptHeaders` come back, in the same flat form.
 * The promise's `cancel()` aborts the request: src/transport.rs calls it when the call awaiting
 * it is dropped unfinished (cancelled with its signal, src/cancel.rs).
 * @returns {Promise<object>} the outcome described above
 */
function send(method, url, headers, body, timeoutMs, maxBodyBytes, keptHeaders) {
  const controller = new AbortController();
  const sending = exchange(controller, method, url, headers, body, timeoutMs, maxBodyBytes, keptHeaders);
  sending.cancel = () => controller.abort();
  return sending;
}

async function exchange(controller, method, url, headers, body, timeoutMs, maxBodyBytes, keptHeaders) {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const cache = method === 'GET' || method === 'HEAD' ? 'no-store' : 'default';
    const init = { method, headers: pairs(headers), signal: controller.signal, redirect: 'manual', cache };
    if (body !== undefined) init.body = body;
    const response = await fetch(url, init);
    if (response.type === 'opaqueredirect') return { failure: 'redirect', message: '' };
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) > maxBodyBytes) {
      controller.abort();
      return { failure: 'too_large', message: '' };
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBodyBytes) return { failure: 'too_large', message: '' };
    const flat = [];
    for (const name of keptHeaders) {
      const value = response.headers.get(name);
      if (value !== null) flat.push(name, value);
    }
    return { status: response.status, headers: flat, body: bytes };
  } catch (error) {
    if (timedOut) return { failure: 'timeout', message: '' };
    const code = error?.cause?.code;
    const failure = NOT_CONNECTED.has(code) ? 'connect' : 'io';
    return { failure, message: describe(error).split(url).join('<url>') };
  } finally {
    clearTimeout(timer);
  }
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

function pairs(flat) {
  const headers = {};
  for (let i = 0; i + 1 < flat.length; i += 2) headers[flat[i]] = flat[i + 1];
  return headers;
}

// The error and its causes on one line: undici's own message is just "fetch failed".
function describe(error) {
  const parts = [];
  for (let e = error, depth = 0; e != null && depth < 4; e = e.cause, depth += 1) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(': ');
}

export { send, sleep };
