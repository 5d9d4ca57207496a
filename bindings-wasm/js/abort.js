// A call's `signal` (`{ signal }`, the last argument of every call). Each request and retry pause
// of the call waits on the promise made here too (src/transport.rs), so that an abort wakes the
// call; src/cancel.rs then drops it, which aborts the request in flight (js/fetch.js,
// js/node-http.js), and the call rejects with `signal.reason`, as `fetch` does.

/**
 * Whether `value` is an AbortSignal. Told by its shape rather than `instanceof`, so that a
 * signal from another realm (an iframe, a `vm` context) or a polyfill is one too.
 */
function isSignal(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.aborted === 'boolean' &&
    typeof value.addEventListener === 'function' &&
    typeof value.removeEventListener === 'function'
  );
}

/**
 * A promise that resolves when `signal` aborts, and its `dispose()`, which stops listening: a
 * signal that outlives many calls (one per bot, say) keeps no listener for calls that ended.
 */
function whenAborted(signal) {
  let listener;
  const aborted = new Promise((resolve) => {
    listener = resolve;
    // Aborted already (by a callback of this very call, say an `onProgress`): no event will come.
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', listener, { once: true });
  });
  aborted.dispose = () => signal.removeEventListener('abort', listener);
  return aborted;
}

export { isSignal, whenAborted };
