// Sequential timing shared by the Node bench (bench/node_bench.mjs) and the page (bench.mjs):
// plain ES module on `performance.now`, which both runtimes have.

/** Calls of one side in a row within a sequential round (see `sequentialRound`). */
export const SEQ_BLOCK = 10;

/** Mean µs per call of `calls` sequential calls of `fn`. */
export async function perCallUs(fn, calls) {
  const start = performance.now();
  for (let i = 0; i < calls; i++) await fn();
  return ((performance.now() - start) * 1000) / calls;
}

/**
 * One sequential round of every side named in `names` (keys of `fns`): per-call µs of each over
 * `calls` calls, the sides taking turns a block of `SEQ_BLOCK` calls at a time (in alternating
 * order), so that a slow stretch of the machine, which lasts longer than a block, falls on every
 * side alike instead of on whichever side was running.
 */
export async function sequentialRound(fns, names, calls) {
  const spent = Object.fromEntries(names.map((n) => [n, 0]));
  for (let done = 0, block = 0; done < calls; done += SEQ_BLOCK, block++) {
    for (const name of block % 2 ? [...names].reverse() : names) spent[name] += await perCallUs(fns[name], SEQ_BLOCK);
  }
  return Object.fromEntries(names.map((n) => [n, (spent[n] * SEQ_BLOCK) / calls]));
}
