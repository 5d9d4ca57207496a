// Loads the package the way Node users get it: by name, through package.json `exports`
// (the nodejs build), and adds small assertion helpers.
import { after, before, beforeEach } from 'node:test';

import { Client } from 'zapi-communities';
import { startSim } from './sim.mjs';

export { Client, ZapiError, parseAnnouncementGroups } from 'zapi-communities';
// The receiving side is its own entry (no client in it).
export { parseWebhook } from 'zapi-communities/webhooks';
// The same API built with the in-memory simulator (`SimClient.simulated()`); its errors are its own
// module's `ZapiError`.
export { Client as SimClient, ZapiError as SimZapiError } from 'zapi-communities/simulator';

/** Rejection of `promise` (fails the test if it resolves). */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/** Error thrown by `fn` (fails the test if it returns). */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/**
 * The hooks every HTTP suite shares: one zapi-sim for the suite and, before each test, a reset
 * server with a fresh client on it (`clientOptions` on top of the simulator's credentials).
 * `ready(sim, client)` hands both to the suite (and may seed state); the request log is cleared
 * after it, so each test's assertions see only its own requests.
 */
export function onFreshSimulator(clientOptions, ready) {
  let sim;
  before(async () => {
    sim = await startSim();
  });
  after(() => sim?.stop());
  beforeEach(async () => {
    await sim.reset();
    await ready(sim, new Client(sim.clientOptions(clientOptions)));
    await sim.clearRequests();
  });
}
