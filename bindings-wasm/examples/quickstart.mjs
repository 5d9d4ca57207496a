// The README's quick start, run by tests/examples.test.mjs. Prints one line.
// START quickstart
// The simulator entry is the same client plus Client.simulated(); in production import 'zapi-communities'.
import { Client, ZapiError } from 'zapi-communities/simulator';

const client = Client.simulated(); // or new Client({ instanceId, token, clientToken }) on your server
const community = await client.createCommunity('Rua das Flores', 'Street news');
const group = await client.createGroup('Building A', ['+55 11 91111-0001'], { autoInvite: true });
await client.linkGroups(community.id, [group.id]);

const found = await client.resolveAnnouncementGroup(community.id);
console.log(`announce via ${found.groupId} (found in the ${found.source})`);
const sent = await client.announce(community.id, 'Street party on Saturday!');

try {
  await client.sendText(community.id, 'Hi all'); // a community id is not a chat
} catch (error) {
  if (error instanceof ZapiError && error.kind === 'not_announcement_group') {
    console.log(`send to ${error.announcementGroup} instead; ${sent.message.messageId} went there`);
  }
}
// END quickstart
