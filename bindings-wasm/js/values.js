// Values across the boundary, read and written straight in the module's memory. Out (src/out.rs
// writes them): a value as 32-bit words, its strings as one UTF-8 text and its fractions as
// f64s, built here into the plain objects `JSON.parse` would give for the value's JSON. In: a
// body passed as text, encoded into the module (`encodeInto`, at the end).
//
// Objects are built by shape: the keys of each Rust struct arrive once, the first time the
// struct is written, and every later value of it is just its field values. Where `Function` may
// be used (Node, Deno, Bun: no Content-Security-Policy to break), each shape gets a builder made
// of one object literal, which V8 allocates with its final layout; in a page, where a strict CSP
// forbids it, objects are built key by key.

let memory;
let words = new Uint32Array(0);
let numbers = new Float64Array(0);
let bytes = new Uint8Array(0);
const decoder = new TextDecoder();
const shapes = [];

// The value being built: the next word, the result's strings, the start of its numbers.
let at = 0;
let text = '';
let numberBase = 0;

// Node and its kin; cleared if `Function` turns out to be forbidden all the same (an Electron
// page with a CSP, say), and objects are then built key by key.
let literalBuilders = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

/** Called once, at start, with the module's `WebAssembly.Memory`. */
function useMemory(m) {
  memory = m;
}

/** Makes the views of the module's memory again if it grew since they were made (which detaches them). */
function refreshViews() {
  if (words.buffer !== memory.buffer) {
    words = new Uint32Array(memory.buffer);
    numbers = new Float64Array(memory.buffer);
    bytes = new Uint8Array(memory.buffer);
  }
}

/** The value whose words start at `wordsPtr` (see src/out.rs). */
function build(wordsPtr, wordsLen, shapesPtr, shapesLen, textPtr, textLen, numbersPtr) {
  refreshViews();
  text = textLen === 0 ? '' : decoder.decode(bytes.subarray(textPtr, textPtr + textLen));
  if (shapesLen !== 0) define(shapesPtr >>> 2, (shapesPtr >>> 2) + shapesLen);
  at = wordsPtr >>> 2;
  numberBase = numbersPtr >>> 3;
  const result = value();
  text = '';
  return result;
}

function define(from, to) {
  let i = from;
  while (i < to) {
    const id = words[i];
    const count = words[i + 1];
    i += 2;
    const keys = [];
    for (let k = 0; k < count; k++, i += 2) keys.push(text.substring(words[i], words[i + 1]));
    shapes[id] = builder(keys);
  }
}

function value() {
  const op = words[at++];
  switch (op) {
    case 0:
      return null;
    case 1:
      return false;
    case 2:
      return true;
    case 3:
      return words[at++];
    case 4:
      return numbers[numberBase + words[at++]];
    case 5: {
      const start = words[at];
      const end = words[at + 1];
      at += 2;
      return text.substring(start, end);
    }
    case 6: {
      // Pushed, not preallocated: `new Array(n)` makes a holey array (a dictionary past a size),
      // where JSON.parse makes a packed one.
      const count = words[at++];
      const list = [];
      for (let i = 0; i < count; i++) list.push(value());
      return list;
    }
    case 7:
      return shapes[words[at++]]();
    case 8: {
      const count = words[at++];
      const object = {};
      for (let i = 0; i < count; i++) {
        const key = value();
        set(object, key, value());
      }
      return object;
    }
    default:
      throw new Error(`zapi-communities: unknown value word ${op}`);
  }
}

// As JSON.parse defines its properties: `__proto__` is an own key, never the prototype.
function set(object, key, v) {
  if (key === '__proto__') Object.defineProperty(object, key, { value: v, enumerable: true, writable: true, configurable: true });
  else object[key] = v;
}

function builder(keys) {
  if (literalBuilders) {
    try {
      return literal(keys);
    } catch {
      literalBuilders = false;
    }
  }
  return byKey(keys);
}

function byKey(keys) {
  return () => {
    const object = {};
    for (let i = 0; i < keys.length; i++) set(object, keys[i], value());
    return object;
  };
}

// The keys are Rust field names (serde's), quoted by JSON.stringify; a computed key for the one
// name an object literal would treat as the prototype.
function literal(keys) {
  const fields = keys.map((k) => (k === '__proto__' ? `[${JSON.stringify(k)}]: v()` : `${JSON.stringify(k)}: v()`));
  return new Function('v', `return () => ({ ${fields.join(', ')} });`)(value);
}

// Text into the module (src/args.rs, a body passed as a string): written as UTF-8 by the
// engine's own encoder straight into the module's memory, where wasm-bindgen's conversion copies
// a string one UTF-16 unit at a time in JS (which made `parseWebhook(text)` take twice as long
// as `parseWebhook(bytes)` on a 1 KB event).
const encoder = new TextEncoder();

/**
 * Writes `text` as UTF-8 at `ptr`, where there is room for `room` bytes: how many it wrote, or
 * `undefined` when it did not fit (the module then asks again with more room).
 */
function encodeInto(text, ptr, room) {
  refreshViews();
  const { read, written } = encoder.encodeInto(text, bytes.subarray(ptr, ptr + room));
  return read === text.length ? written : undefined;
}

export { build, encodeInto, useMemory };
