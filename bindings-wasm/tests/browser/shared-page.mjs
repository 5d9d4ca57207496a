// Runs in Chromium (tests/browser/shared.test.mjs): loads the web build and exposes the shared
// dispatcher (tests/helpers/dispatch.mjs, the same file Node uses) to the test, which drives the
// shared vectors and scenario through it and checks the outcomes and the server's log in Node.
import init, { Client } from '/pkg/web/zapi_communities_wasm.js';
import { playStory, runSteps } from '/tests/helpers/dispatch.mjs';

try {
  await init();
  /** `steps` on a fresh client built with `options`: `{ok}` or `{error}` as plain data. */
  window.runSteps = (options, steps) => runSteps(new Client(options), steps);
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
