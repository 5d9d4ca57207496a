// Loads the package the way Node users get it: by name, through package.json `exports`
// (the nodejs build), and adds small assertion helpers.
export { Client, ZapiError, parseAnnouncementGroups } from 'zapi-communities';
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
