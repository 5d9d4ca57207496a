// Runs in Chromium (tests/browser/shared.test.mjs): loads the web build and exposes the shared
// dispatcher (tests/helpers/dispatch.mjs, the same file Node uses) to the test, which drives the
// shared vectors, fault suite, canary checks and scenario through it and checks the outcomes and
// the server's log in Node.
import init, { Client, ZapiError } from '/pkg/web/zapi_communities_wasm.js';
import initWebhooks, { parseWebhook } from '/pkg/webhooks/web/zapi_communities_wasm.js';
import { dispatch, outcome, playStory, runSteps, useModule } from '/tests/helpers/dispatch.mjs';

try {
  await Promise.all([init(), initWebhooks()]);
  useModule({ parseWebhook });
  /** `steps` on a fresh client built with `options`: `{ok}` or `{error}` as plain data. */
  window.runSteps = (options, steps) => runSteps(new Client(options), steps);
  // Counts the client's fetch calls, to tell its own attempts from re-sends by the browser.
  let fetches = 0;
  const pageFetch = window.fetch;
  window.fetch = (...args) => {
    fetches += 1;
    return pageFetch.apply(window, args);
  };
  /**
   * One call on a fresh client (the fault suite): `{ok}` or `{error}` as plain data, with
   * `fetches`, how many times the client called fetch.
   */
  window.outcome = async (options, call, args) => {
    fetches = 0;
    const got = await outcome(new Client(options), call, args);
    return { ...got, fetches };
  };
  /**
   * One call on a fresh client (the canary checks): `{error: null}` when it resolved, else every
   * view of the error a user or a log could see, as strings made here in the page (the browser
   * has no util.inspect: the own fields and the stack stand in for it).
   */
  window.failure = async (options, call, args) => {
    try {
      await dispatch(new Client(options), call, args);
      return { error: null };
    } catch (error) {
      const views = {
        message: error?.message,
        'String(error)': String(error),
        'JSON.stringify(error)': JSON.stringify(error),
        stack: error?.stack,
        ...Object.fromEntries(Object.entries(error ?? {}).map(([k, v]) => [`.${k}`, String(v)])),
      };
      return {
        error: { isZapiError: error instanceof ZapiError, kind: error?.kind, status: error?.status, views },
      };
    }
  };
  /** Plays the shared story on a fresh client: `{steps}` or `{error}`. */
  window.playStory = async (options, story) => {
    try {
      return { steps: await playStory(new Client(options), story) };
    } catch (error) {
      return { error: String(error?.message ?? error) };
    }
  };
  window.ready = { ok: true };
} catch (error) {
  window.ready = { ok: false, error: `${error}\n${error?.stack ?? ''}` };
}
document.getElementById('out').textContent = JSON.stringify(window.ready);
