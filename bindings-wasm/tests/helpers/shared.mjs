// The shared cross-language suites (tests/vectors, tests/faults, tests/scenario at the
// repository root), case by case, as the Rust runners check them (core/tests/vectors.rs,
// zapi-sim/tests/client_faults.rs, zapi-sim/tests/scenario.rs). Each case function takes a
// zapi-sim server and `run(steps, clientOptions)`, which runs the steps on a fresh client and
// resolves to `{ok}` or `{error}` (helpers/dispatch.mjs): in Node directly, in Chromium through
// the page. The comparisons always happen here, in Node.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { REPO_ROOT } from './sim.mjs';

/** A JSON file of the repository, e.g. `tests/vectors/requests.json`. */
export const load = (relative) => JSON.parse(readFileSync(path.join(REPO_ROOT, relative), 'utf8'));

export const VECTOR_FILES = Object.freeze(['requests', 'responses', 'validation', 'resolution', 'paging', 'errors', 'events']);
/** The cases of a vector file (errors.json keeps them under `cases`, beside `kinds`). */
export const vectors = (name) => {
  const file = load(`tests/vectors/${name}.json`);
  return name === 'errors' ? file.cases : file;
};
/** Each error kind's fields, camelCase (`kinds` of tests/vectors/errors.json). */
export const ERROR_KINDS = Object.freeze(load('tests/vectors/errors.json').kinds);
export const faultCases = () => load('tests/faults/cases.json');
export const story = () => load('tests/scenario/story.json');

/**
 * Every key of a vector's `expect.error` matches the thrown ZapiError (as plain data). The
 * vectors write errors in their shared shape, camelCase (`retryAfterMs`), as JS shows them.
 */
export function checkError(want, error, name) {
  assert.equal(error.name, 'ZapiError', `${name}: not a ZapiError but ${error.name}: ${error.message}`);
  assert.equal(error.isError, true, `${name}: a ZapiError must be an Error`);
  const fields = Object.keys(errorShape(error)).sort();
  assert.deepStrictEqual(fields, ['kind', ...ERROR_KINDS[error.kind]].sort(), `${name}: the fields of a ${error.kind} error`);
  for (const [key, value] of Object.entries(want)) {
    assert.ok(Object.hasOwn(error, key), `${name}: no ${key} on ${JSON.stringify(error)}`);
    assert.deepStrictEqual(error[key], value, `${name}: ${key} of ${JSON.stringify(error)}`);
  }
}

/** An error's shared shape (errors.json): what it carries beyond what every `Error` has. */
export function errorShape(error) {
  const { name: _name, isError: _isError, message: _message, stack: _stack, ...shape } = error;
  return shape;
}

/** A vector's `expect` (`{ok}` or `{error}`) against an outcome. */
export function checkOutcome(expect, got, name) {
  if (Object.hasOwn(expect, 'ok')) {
    assert.ok(!got.error, `${name}: want ${JSON.stringify(expect.ok)}, got the error ${JSON.stringify(got.error)}`);
    assert.deepStrictEqual(got.ok, expect.ok, name);
  } else {
    assert.ok(got.error, `${name}: want the error ${JSON.stringify(expect.error)}, got ${JSON.stringify(got.ok)}`);
    checkError(expect.error, got.error, name);
  }
}

/** A fault rule answering with a canned response (a vector's `{status, headers, body}`). */
export function respond(response, match = {}) {
  const fault = { kind: 'respond', status: response.status, headers: response.headers ?? {}, body: response.body ?? '' };
  return { fault, ...match };
}

/** A logged request as `METHOD /path?k=v&k=v`, the key resolution.json uses. */
export function requestKey(entry) {
  const query = entry.query.map(([k, v]) => `${k}=${v}`).join('&');
  return `${entry.method} ${entry.path}${query ? `?${query}` : ''}`;
}

// Headers the HTTP stack adds on its own (Node's fetch, or a browser's), not the client: the
// vectors list only the client's. Anything else in the log must be in the vector.
const STACK_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'user-agent',
  'accept-encoding',
  'accept-language',
  'origin',
  'referer',
  'pragma',
  'cache-control',
]);

// ----- the four vector files ---------------------------------------------------------------

/** requests.json: the one request the call renders, as the server logged it. */
export async function requestCase(sim, v, run) {
  await sim.reset();
  // The Rust runner's scripted transport answers 200 with an empty body: do the same, so only
  // the request matters (an empty answer may not parse as this call's result).
  await sim.fault(respond({ status: 200, body: '' }));
  await run([{ call: v.call, args: v.args }], { maxRetries: 0 });
  const [seen, ...after] = await sim.requests();
  assert.ok(seen, `${v.name}: no request`);
  assert.deepStrictEqual(after.map(requestKey), v.follow_up ?? [], `${v.name}: the requests after the call's own`);
  const want = v.request;
  assert.equal(seen.method, want.method, v.name);
  assert.equal(seen.path, want.path, v.name);
  assert.deepStrictEqual(seen.query, want.query, v.name);
  const headers = new Map(seen.headers.map(([k, value]) => [k.toLowerCase(), value]));
  const listed = new Map(Object.entries(want.headers).map(([k, value]) => [k.toLowerCase(), value]));
  for (const [k, value] of listed) assert.equal(headers.get(k), value, `${v.name}: header ${k}`);
  for (const k of headers.keys()) {
    const expected = listed.has(k) || k === 'client-token' || STACK_HEADERS.has(k) || k.startsWith('sec-');
    assert.ok(expected, `${v.name}: unexpected header ${k}: ${headers.get(k)}`);
  }
  // Sent, redacted in the log; and the simulator accepted it (a wrong one is a 403).
  assert.equal(headers.get('client-token'), '***', `${v.name}: no Client-Token`);
  assert.ok(![401, 403].includes(seen.status), `${v.name}: the simulator refused the credentials (${seen.status})`);
  const body = seen.body === null ? null : JSON.parse(seen.body);
  assert.deepStrictEqual(body, want.body, `${v.name}: body`);
}

/** responses.json: the canned answer, read into the result or the error. */
export async function responseCase(sim, v, run) {
  await sim.reset();
  const followedBy = Object.entries(v.followed_by ?? {}).map(([key, response]) => {
    const [method, target] = key.split(' ');
    return respond(response, { method, pathPrefix: target });
  });
  await sim.fault([respond(v.response), ...followedBy]);
  const got = await run([{ call: v.call, args: v.args }], { maxRetries: 0 });
  checkOutcome(v.expect, got, v.name);
  assert.equal((await sim.requests()).length, 1 + followedBy.length, `${v.name}: requests seen by the server`);
}

/** validation.json: refused with the named field before any request. */
export async function validationCase(sim, v, run) {
  await sim.reset();
  const got = await run([{ call: v.call, args: v.args }], {});
  assert.equal(v.expect.error.kind, 'validation', `${v.name}: a validation vector`);
  checkOutcome(v.expect, got, v.name);
  assert.deepStrictEqual(await sim.requests(), [], `${v.name}: a request was sent`);
}

/** resolution.json: which group from which source, with exactly the listed requests. */
export async function resolutionCase(sim, v, run) {
  await sim.reset();
  const rules = Object.entries(v.responses).map(([key, response]) => {
    const [method, target] = key.split(' ');
    return respond(response, { method, pathPrefix: target, times: 100 });
  });
  // Anything else: what the Rust runner's scripted transport answers when nothing matches.
  rules.push(respond({ status: 404, body: '{"error":"not scripted"}' }, { times: 100 }));
  await sim.fault(rules);
  const steps = [];
  if (v.remember) {
    steps.push({ call: 'remember_announcement_group', args: { community_id: v.community_id, group_id: v.remember } });
  }
  if (v.list_first) steps.push({ call: 'list_communities', args: { page: 1, page_size: 10 } });
  if (v.send_to) {
    steps.push({ call: 'send_text', args: { to: v.send_to, message: 'hi' } });
  } else {
    const args = { community_id: v.community_id, ...(v.source ? { source: v.source } : {}) };
    steps.push({ call: 'resolve_announcement_group', args });
  }
  let got = await run(steps, { maxRetries: 0 });
  if (!got.error) {
    got = v.send_to
      ? { ok: null }
      : { ok: { groupId: got.ok.groupId, source: got.ok.source, fromCache: got.ok.fromCache } };
  }
  checkOutcome(v.expect, got, v.name);
  assert.deepStrictEqual((await sim.requests()).map(requestKey), v.requests, `${v.name}: requests`);
}

/** paging.json: a pager walked to the end over a server that may cap its pages. */
export async function pagingCase(sim, v, run) {
  await sim.reset(v.fixture);
  const got = await run([{ call: 'walk_pager', args: { pager: v.pager, page_size: v.page_size } }], { maxRetries: 0 });
  assert.ok(!got.error, `${v.name}: ${JSON.stringify(got.error)}`);
  assert.equal(got.ok.length, v.expect.count, v.name);
  assert.deepStrictEqual(got.ok, v.expect.ids, v.name);
  assert.deepStrictEqual((await sim.requests()).map(requestKey), v.requests, `${v.name}: requests`);
}

/** errors.json: an error's whole shape, exactly. */
export async function errorCase(sim, v, run) {
  await sim.reset();
  if (v.response) await sim.fault(respond(v.response));
  const got = await run([{ call: v.call, args: v.args }], { maxRetries: 0 });
  assert.ok(got.error, `${v.name}: want an error, got ${JSON.stringify(got.ok)}`);
  checkError(v.expect.error, got.error, v.name);
  assert.deepStrictEqual(errorShape(got.error), v.expect.error, v.name);
  assert.equal((await sim.requests()).length, v.response ? 1 : 0, `${v.name}: requests seen by the server`);
}

/** events.json: a webhook body read by `parseWebhook`, given as text and as bytes. */
export async function eventCase(_sim, v, run) {
  for (const body of [v.body, Array.from(new TextEncoder().encode(v.body))]) {
    // Bytes cross into a browser page as an array; the page's dispatcher makes them a Uint8Array.
    const got = await run([{ call: 'parse_webhook', args: { body } }], {});
    checkOutcome(v.expect, got, `${v.name} (${typeof body === 'string' ? 'text' : 'bytes'})`);
  }
}

export const VECTOR_CASES = Object.freeze({
  errors: errorCase,
  events: eventCase,
  requests: requestCase,
  responses: responseCase,
  validation: validationCase,
  resolution: resolutionCase,
  paging: pagingCase,
});

// ----- the fault suite ----------------------------------------------------------------------

/** The client options of a fault case (`client` of cases.json) for the binding. */
export function faultClientOptions(c) {
  const options = { timeoutMs: c.client.timeout_ms, maxRetries: c.client.max_retries, maxBodyBytes: c.client.max_body_bytes };
  if (c.credentials) Object.assign(options, { token: c.credentials.token, clientToken: c.credentials.client_token });
  return options;
}

/** The binding's default body cap (the core's). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Expectations the binding documents differently, with the reason: a browser's `fetch` does not
 * say why a request failed, so a refused connection cannot be told from one that sent the
 * request and `sent` is true there (README, "Errors"); nor does it show the status of a redirect
 * it was told not to follow (an opaque redirect), so `status` is 0 there. Node's `fetch` names the
 * socket error and hands back the 3xx, so under Node every case is held to the shared
 * expectation. `runtime` is where the client ran.
 */
export function faultExpectation(c, runtime) {
  const error = c.expect.error;
  if (runtime === 'browser' && c.closed_port && error?.sent === false) {
    return {
      expect: { error: { ...error, sent: true } },
      note: 'sent is true, not false: a browser fetch cannot say whether a refused request left (README)',
    };
  }
  if (runtime === 'browser' && c.rule?.fault?.kind === 'redirect') {
    return {
      expect: { error: { ...error, status: 0 } },
      note: 'status is 0: a browser hides the status of a redirect it does not follow (README)',
    };
  }
  return { expect: c.expect, note: null };
}

/**
 * Cases the binding is known to fail, with the cause and the exact way it fails today. Such a
 * case still runs in full: failing exactly that way is reported (not a test failure), failing
 * any other way is a failure, and passing is reported so that the entry gets removed.
 */
export const KNOWN_FAULT_FAILURES = Object.freeze({});

/** The HTTP method a fault case's call uses (to count what the server saw). */
export const faultMethod = (c) => c.method;

/** Checks the decoy host saw what the case allows (`decoy_connections`: 0 = no redirect followed). */
export async function checkDecoy(sim, c) {
  if (c.decoy_connections === undefined) return;
  const { connections } = await sim.decoy();
  assert.equal(connections, c.decoy_connections, `${c.name}: connections to the decoy host`);
}

/** A port nothing listens on (for `closed_port` cases). */
export async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Rejects after `ms` so that a hanging client fails the case instead of the whole run. */
export function bounded(promise, ms, what) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: the client hung for ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ----- the scenario -------------------------------------------------------------------------

/**
 * What the server ended with, in the shape zapi-sim/tests/scenario.rs writes: the request
 * log (method, path, query, body parsed as JSON, or the raw string, or null) and the state.
 */
export async function scenarioRecord(sim) {
  const requests = (await sim.requests()).map((r) => {
    let body = null;
    if (typeof r.body === 'string') {
      try {
        body = JSON.parse(r.body);
      } catch {
        body = r.body;
      }
    }
    return { method: r.method, path: r.path, query: r.query, body };
  });
  return { requests, state: await sim.state() };
}

const scenarioFile = (runtime) => path.join(REPO_ROOT, 'target', 'scenario', `${runtime}.json`);

/** Removes what an earlier run wrote, so that a failed run leaves nothing to compare. */
export function clearScenario(runtime) {
  rmSync(scenarioFile(runtime), { force: true });
}

/** Writes target/scenario/<runtime>.json at the repository root for tests/steps/90-compare.sh. */
export function writeScenario(runtime, record) {
  const file = scenarioFile(runtime);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

// ----- counts -------------------------------------------------------------------------------

/** Per-suite pass/fail/skip counts, printed as one line per suite when the file ends. */
export class Tally {
  constructor(runtime) {
    this.runtime = runtime;
    this.suites = new Map();
  }

  entry(suite) {
    if (!this.suites.has(suite)) this.suites.set(suite, { passed: 0, failed: 0, skipped: [] });
    return this.suites.get(suite);
  }

  /** `fn`, counted under `suite`. */
  counted(suite, fn) {
    const entry = this.entry(suite);
    return async (...args) => {
      const known = entry.known?.length ?? 0;
      try {
        await fn(...args);
        // A known failure (recorded by `known` during the run) is not a pass.
        if ((entry.known?.length ?? 0) === known) entry.passed += 1;
      } catch (error) {
        entry.failed += 1;
        throw error;
      }
    };
  }

  skip(suite, name, reason) {
    this.entry(suite).skipped.push(`${name} (${reason})`);
  }

  /** Records a known failure (see KNOWN_FAULT_FAILURES) under `suite`. */
  known(suite, line) {
    const entry = this.entry(suite);
    entry.known ??= [];
    entry.known.push(line);
  }

  print() {
    for (const [suite, { passed, failed, skipped, known = [] }] of this.suites) {
      const knownCount = known.length ? `, ${known.length} known failure${known.length > 1 ? 's' : ''}` : '';
      console.log(`${this.runtime} ${suite}: ${passed} passed, ${failed} failed, ${skipped.length} skipped${knownCount}`);
      for (const s of skipped) console.log(`  skipped: ${s}`);
      for (const k of known) console.log(`  known failure: ${k}`);
    }
  }
}
