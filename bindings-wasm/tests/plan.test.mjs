// plan / apply over the shared vectors (tests/vectors/plans.json) on the in-memory simulator: exact
// plans, dry runs that send nothing, applies that complete, empty re-plans, refusals by field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Simulator } from 'zapi-communities/simulator';

import { load } from './helpers/shared.mjs';

const VECTORS = load('tests/vectors/plans.json');
const summaries = (plan) => plan.steps.map((s) => s.summary);

describe('plan and apply', () => {
  for (const scenario of VECTORS.scenarios) {
    it(scenario.name, async () => {
      const client = new Simulator().client();
      for (const [i, step] of scenario.steps.entries()) {
        // The spec as an object, and every other step as its JSON text.
        const spec = i % 2 === 0 ? step.spec : JSON.stringify(step.spec);
        const plan = await client.plan(spec);
        assert.deepEqual(summaries(plan), step.plan, `step ${i}`);
        assert.deepEqual(plan.notes, step.notes);
        assert.ok(plan.steps.every((s) => s.reason.length > 0));

        const dry = await client.apply(plan, { dryRun: true });
        assert.deepEqual([dry.requests, dry.complete, dry.dryRun], [0, true, true]);
        assert.ok(dry.steps.every((s) => s.status === 'dry_run'));
        assert.deepEqual(await client.plan(spec), plan, 'a dry run changes nothing');

        // The plan may also come back as JSON (stored, or sent from another process).
        const applied = await client.apply(JSON.parse(JSON.stringify(plan)));
        assert.ok(applied.complete, JSON.stringify(applied));
        assert.equal(applied.requests, plan.steps.length);
        assert.deepEqual(summaries(await client.plan(spec)), [], 're-plan');
      }
    });
  }

  for (const invalid of VECTORS.invalid) {
    it(`refuses ${invalid.name}`, async () => {
      const client = new Simulator().client();
      await assert.rejects(client.plan(invalid.spec), (e) => e.kind === 'validation' && e.field === invalid.field);
      assert.deepEqual(await client.listCommunities(1, 10), [], 'nothing was created');
    });
  }

  it('changes are tagged by kind, and a bad options object is refused', async () => {
    const client = new Simulator().client();
    const plan = await client.plan(VECTORS.scenarios[0].steps[0].spec);
    assert.deepEqual(plan.steps[0].change, { kind: 'create_community', name: 'Rua das Flores', description: 'Vizinhos da rua' });
    assert.equal(plan.communityId, null);
    await assert.rejects(client.apply(plan, { dryrun: true }), (e) => e.kind === 'validation');
    await assert.rejects(client.plan(42), (e) => e.kind === 'validation');
  });
});
