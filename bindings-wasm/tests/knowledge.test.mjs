// exportKnowledge / importKnowledge: another process starts from what the first found out, with
// no request; a bad document changes nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Client, Simulator } from 'zapi-communities/simulator';

const EMPTY = '{"version":1,"communities":[],"groupOwners":{}}';

describe('knowledge', () => {
  it('a second client resolves and refuses from imported knowledge', async () => {
    const simulator = new Simulator();
    const first = simulator.client();
    const community = await first.createCommunity('Street');
    const group = await first.createGroup('Building A', ['5511911110001']);
    await first.linkGroups(community.id, [group.id]);
    const exported = first.exportKnowledge();
    assert.equal(JSON.parse(exported).version, 1);

    const second = simulator.client();
    assert.equal(second.exportKnowledge(), EMPTY);
    second.importKnowledge(exported);
    assert.equal(second.cachedAnnouncementGroup(community.id).groupId, community.announcementGroup);
    const context = await second.communityContext(group.id);
    assert.deepEqual([context.communityId, context.isAnnouncementGroup, context.fromCache], [community.id, false, true]);
    await assert.rejects(second.sendText(community.id, 'hi'), (e) => e.kind === 'not_announcement_group');
    assert.equal(second.exportKnowledge(), exported);
  });

  it('a bad document is refused whole, naming where', () => {
    const client = Client.simulated();
    for (const [document, hint] of [
      ['not json', 'not a knowledge document'],
      ['{"version":2}', 'version 2'],
      ['{"version":1,"communities":[{"id":"120363000000000001"},{"id":"nope"}]}', 'communities[1].id'],
    ]) {
      assert.throws(() => client.importKnowledge(document), (e) => e.kind === 'validation' && e.field === 'knowledge' && e.reason.includes(hint));
    }
    assert.throws(() => client.importKnowledge({ version: 1 }), (e) => e.field === 'knowledge');
    assert.equal(client.exportKnowledge(), EMPTY);
  });
});
