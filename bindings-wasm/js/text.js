// Strings into the module as UTF-8, written by the engine's own encoder straight into the
// module's memory (src/args.rs calls this for a body passed as text). wasm-bindgen's own
// conversion copies a string one UTF-16 unit at a time in JS, which made `parseWebhook(text)`
// take twice as long as `parseWebhook(bytes)` on a 1 KB event.

const encoder = new TextEncoder();
let memory;
let bytes = new Uint8Array(0);

/** Called once, at start, with the module's `WebAssembly.Memory`. */
function useMemory(m) {
  memory = m;
}

/**
 * Writes `text` as UTF-8 at `ptr`, where there is room for `room` bytes: how many it wrote, or
 * `undefined` when it did not fit (the module then asks again with more room).
 */
function encodeInto(text, ptr, room) {
  if (bytes.buffer !== memory.buffer) {
    // The memory grew since the view was made (which detaches it).
    bytes = new Uint8Array(memory.buffer);
  }
  const { read, written } = encoder.encodeInto(text, bytes.subarray(ptr, ptr + room));
  return read === text.length ? written : undefined;
}

export { encodeInto, useMemory };
