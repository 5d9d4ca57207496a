// The TypeScript declarations: tests/types/usage.ts type-checks under --strict (and each of its
// @ts-expect-error lines is an error), and no public declaration uses `any`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

import { PACKAGE_DIR } from './helpers/sim.mjs';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * Declarations with comments and string literals removed, and without wasm-bindgen's
 * `InitOutput` (web build): the raw WebAssembly exports `init()` resolves to, which pass JS
 * values as `any` and are not part of the API.
 */
const code = (dts) =>
  dts
    .replace(/export interface InitOutput \{[\s\S]*?\n\}/, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');

describe('TypeScript declarations', () => {
  it('usage.ts type-checks with --strict against every build', { timeout: 120_000 }, async () => {
    try {
      await run(process.execPath, [tsc, '-p', path.join(PACKAGE_DIR, 'tests', 'types', 'tsconfig.json')]);
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  });

  for (const build of ['node', 'web', 'bundler']) {
    it(`pkg/${build}: no \`any\` in a public declaration`, async () => {
      const dts = await readFile(path.join(PACKAGE_DIR, 'pkg', build, 'zapi_communities_wasm.d.ts'), 'utf8');
      const offending = code(dts)
        .split('\n')
        .filter((line) => /\bany\b/.test(line));
      assert.deepEqual(offending, []);
      for (const name of ['Client', 'ZapiError', 'Community', 'CommunityPager', 'ChatPager', 'ClientOptions']) {
        assert.match(dts, new RegExp(`export (declare const|class|interface|type) ${name}\\b`));
      }
      assert.doesNotMatch(dts, /export function start\b/, 'the start-up hook is not public');
    });
  }
});
