// The guided tour of the Communities features, step for step the story of the Rust tour
// (core/examples/tour.rs): create a community, link groups, find its announcement group three
// ways, announce, approve a request to join, promote an admin, reset the invite link, unlink,
// change a setting, deactivate. Runs unchanged in Node (examples/tour.mjs) and in a browser page
// (tests/browser/).

/**
 * Runs the story on `client`, reporting each line through `say`. `simulator`, when the client
 * talks to one, plays someone outside the account asking to join: a `Simulator` of
 * `zapi-communities/simulator`, or `simulatorServer(url)` for zapi-sim. On a live instance that
 * request comes from a real person, as a `MEMBERSHIP_APPROVAL_REQUEST` webhook.
 * @param {import('zapi-communities').Client} client
 * @param {string[]} phones at least three numbers to add to groups
 * @param {(line: string) => void} say
 * @param {{ inviteJoin(link: string, phone: string): unknown } | null} [simulator]
 */
export async function runTour(client, phones, say, simulator = null) {
  if (phones.length < 3) throw new Error('the tour needs at least three phone numbers');
  const spaced = (source) => source.replaceAll('_', ' ');
  const members = async (group) => (await client.groupMetadata(group)).participants.map((p) => p.phone);

  say('1. Create a community');
  const community = await client.createCommunity('Rua das Flores', 'Everything about our street');
  say(`   community ${community.id} "${community.name}"`);
  const announcement = await client.resolveAnnouncementGroup(community.id);
  say(
    `   its announcement group is ${announcement.groupId} ` +
      `(found in the ${spaced(announcement.source)}; cached: ${announcement.fromCache})`,
  );

  say('2. Create two groups and link them');
  const building = await client.createGroup('Building A', phones.slice(0, 2), { autoInvite: true });
  const gardens = await client.createGroup('Gardens', phones.slice(1, 3), { autoInvite: true });
  say(`   created ${building.id} (Building A) and ${gardens.id} (Gardens)`);
  await client.linkGroups(community.id, [building.id, gardens.id]);
  const metadata = await client.communityMetadata(community.id);
  const regular = metadata.groups.filter((group) => !group.isAnnouncement).length;
  say(`   linked; the community now lists ${regular} groups besides the announcement group`);

  say('3. Find the announcement group again, three ways');
  client.invalidate(community.id);
  const fromMetadata = await client.resolveAnnouncementGroup(community.id);
  say(`   after forgetting it: ${fromMetadata.groupId} from the ${spaced(fromMetadata.source)}`);
  const fromChats = await client.resolveAnnouncementGroup(community.id, 'chat_list');
  say(`   from the chat list, confirmed by group metadata: ${fromChats.groupId}`);
  const again = await client.resolveAnnouncementGroup(community.id);
  say(`   asked again: ${again.groupId} (cached: ${again.fromCache})`);

  say('4. Announce to the whole community');
  const reach = await members(announcement.groupId);
  const sent = await client.announce(community.id, 'Street party on Saturday at 6pm!', { delayTyping: 2 });
  say(
    `   message ${sent.message.messageId} queued in ${sent.announcementGroup.groupId}, ` +
      `reaching ${reach.length} people`,
  );
  // Sent means queued: while the phone is offline, messages wait in the instance's queue.
  say(`   waiting in the queue for the phone: ${(await client.queuedMessages()).length} messages`);
  try {
    await client.sendText(community.id, 'Hello, everyone?');
    say('   unexpected: sending to the community id was accepted');
  } catch (error) {
    say(
      error.kind === 'not_announcement_group'
        ? '   sending to the community id itself is refused: use its announcement group'
        : `   unexpected: sending to the community id gave ${error}`,
    );
  }

  say('5. Approve a request to join');
  const approval = { adminOnlyMessage: false, adminOnlySettings: false, requireAdminApproval: true, adminOnlyAddMember: false };
  await client.updateGroupSettings(gardens.id, approval);
  say("   joining Gardens now needs an admin's approval");
  if (simulator) {
    const newcomer = '5511911110099';
    await simulator.inviteJoin(await client.groupInvitationLink(gardens.id), newcomer);
    say(`   ${newcomer} followed the group's invitation link and is waiting`);
    await client.approveParticipants(gardens.id, [newcomer]);
    const everyone = await client.communityMembers(community.id);
    const joined = everyone.some((p) => p.phone === newcomer);
    say(`   approved: ${newcomer} is in Gardens and in the community (${everyone.length} members; in it: ${joined})`);
  } else {
    say('   approve the requests your webhook reports with approve_participants');
  }

  say('6. Promote an admin and reset the invite link');
  await client.addAdmins(community.id, [phones[2]]);
  say(`   ${phones[2]} is now a community admin`);
  const oldLink = await client.communityInvitationLink(community.id);
  const newLink = await client.redefineInvitationLink(community.id);
  say(`   invite link changed: ${oldLink !== newLink ? 'yes' : 'no'}`);

  say('7. Unlink a group');
  await client.unlinkGroups(community.id, [building.id]);
  const after = await members(announcement.groupId);
  const left = reach.filter((phone) => !after.includes(phone)).sort();
  say(
    `   left the announcement group:${left.map((phone) => ` ${phone}`).join('')}` +
      (left.length === 0 ? ' nobody (everyone is still in another linked group)' : ''),
  );
  try {
    await client.unlinkGroups(community.id, [gardens.id]);
    say('   unexpected: unlinking the last group was accepted');
  } catch (error) {
    say(
      error.kind === 'validation'
        ? `   unlinking the last group is refused: ${error.reason}`
        : `   unexpected: unlinking the last group gave ${error}`,
    );
  }

  say('8. Change who may add groups');
  await client.updateCommunitySettings(community.id, 'all');
  say('   every member may now add groups');

  say('9. Deactivate the community');
  await client.deactivateCommunity(community.id);
  for (const group of [building.id, gardens.id]) {
    const meta = await client.groupMetadata(group);
    say(
      `   group ${meta.id} still exists, ${meta.participants.length} members, ` +
        `community: ${meta.communityId ?? 'none'}`,
    );
  }
  say('Done.');
}

/** Numbers the simulator accepts as people to add. */
export const DEMO_PHONES = ['5511911110001', '5511911110002', '5511911110003', '5511911110004'];

/** zapi-sim's control API at `baseUrl` as the tour's `simulator`: someone follows a link. */
export function simulatorServer(baseUrl) {
  return {
    async inviteJoin(link, phone) {
      const response = await fetch(`${baseUrl}/__sim/invite-joins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ link, phone }),
      });
      if (!response.ok) throw new Error(`invite-joins: ${response.status} ${await response.text()}`);
      return (await response.json()).result;
    },
  };
}
