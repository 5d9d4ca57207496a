package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.GroupSettings
import io.zapi.communities.core.MessageOptions
import io.zapi.communities.core.AnnouncementSource
import io.zapi.communities.core.WhoCanAddGroups
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** The story of core/examples/tour.rs, in Kotlin, on both simulators. */
class TourTest {
    private suspend fun members(client: Client, group: String) = client.groupMetadata(group).participants.map { it.phone }

    private suspend fun tour(client: Client, phones: List<String>, say: (String) -> Unit, inviteJoin: (String, String) -> String) {
        say("1. Create a community")
        val community = client.createCommunity("Rua das Flores", "Everything about our street")
        say("   community ${community.id} \"${community.name}\"")
        val announcement = client.resolveAnnouncementGroup(community.id)
        say("   its announcement group is ${announcement.groupId} (found in the ${announcement.source}; cached: ${announcement.fromCache})")

        say("2. Create two groups and link them")
        val building = client.createGroup("Building A", phones.subList(0, 2), autoInvite = true)
        val gardens = client.createGroup("Gardens", phones.subList(1, 3), autoInvite = true)
        client.linkGroups(community.id, listOf(building.id, gardens.id))
        val metadata = client.communityMetadata(community.id)
        say("   linked; the community now lists ${metadata.groups.count { !it.isAnnouncement }} groups besides the announcement group")

        say("3. Find the announcement group again, three ways")
        client.invalidate(community.id)
        val fromMetadata = client.resolveAnnouncementGroup(community.id)
        say("   after forgetting it: ${fromMetadata.groupId} from the ${fromMetadata.source}")
        val fromChats = client.resolveAnnouncementGroup(community.id, AnnouncementSource.CHAT_LIST)
        say("   from the chat list, confirmed by group metadata: ${fromChats.groupId}")
        val again = client.resolveAnnouncementGroup(community.id)
        say("   asked again: ${again.groupId} (cached: ${again.fromCache})")

        say("4. Announce to the whole community")
        val reach = members(client, announcement.groupId)
        val sent = client.announce(community.id, "Street party on Saturday at 6pm!", MessageOptions(delayTyping = 2u))
        say("   message ${sent.message.messageId} queued in ${sent.announcementGroup.groupId}, reaching ${reach.size} people")
        say("   waiting in the queue for the phone: ${client.queuedMessages().size} messages")
        try {
            client.sendText(community.id, "hello?")
            say("   unexpected: sending to the community id was accepted")
        } catch (e: ZapiException.NotAnnouncementGroup) {
            say("   sending to the community id is refused: use its announcement group ${e.announcementGroup}")
        }

        say("5. Approve a request to join")
        client.updateGroupSettings(gardens.id, GroupSettings(adminOnlyMessage = false, adminOnlySettings = false, requireAdminApproval = true, adminOnlyAddMember = false))
        say("   joining Gardens now needs an admin's approval")
        val newcomer = "5511911110099"
        inviteJoin(client.groupInvitationLink(gardens.id), newcomer)
        say("   $newcomer followed the group's invitation link and is waiting")
        client.approveParticipants(gardens.id, listOf(newcomer))
        val everyone = client.communityMembers(community.id)
        say("   approved: $newcomer is in Gardens and in the community (${everyone.size} members; in it: ${everyone.any { it.phone == newcomer }})")

        say("6. Promote an admin and reset the invite link")
        client.addAdmins(community.id, phones.subList(2, 3))
        say("   ${phones[2]} is now a community admin")
        val oldLink = client.communityInvitationLink(community.id)
        val newLink = client.redefineInvitationLink(community.id)
        say("   invite link changed: ${if (oldLink != newLink) "yes" else "no"}")

        say("7. Unlink a group")
        client.unlinkGroups(community.id, listOf(building.id))
        val after = members(client, announcement.groupId)
        val left = reach.filter { it !in after }.sorted()
        say("   left the announcement group: ${left.joinToString(" ").ifEmpty { "nobody" }}")
        try {
            client.unlinkGroups(community.id, listOf(gardens.id))
            say("   unexpected: unlinking the last group was accepted")
        } catch (e: ZapiException.Validation) {
            say("   unlinking the last group is refused: ${e.reason}")
        }

        say("8. Change who may add groups")
        client.updateCommunitySettings(community.id, WhoCanAddGroups.ALL)
        say("   every member may now add groups")

        say("9. Deactivate the community")
        client.deactivateCommunity(community.id)
        for (group in listOf(building.id, gardens.id)) {
            val meta = client.groupMetadata(group)
            say("   group ${meta.id} still exists, ${meta.participants.size} members, community: ${meta.communityId ?: "none"}")
        }
        say("Done.")
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `the tour runs from start to end`(backend: Backend) = on(backend) {
        val lines = mutableListOf<String>()
        tour(client, PHONES, lines::add, this::inviteJoin)
        val text = lines.joinToString("\n")
        assertEquals("Done.", lines.last())
        assertTrue("found in the CREATE_RESPONSE; cached: true" in text, text)
        assertTrue("from the COMMUNITY_METADATA" in text, text)
        assertTrue("asked again: " in text && "(cached: true)" in text, text)
        assertTrue("sending to the community id is refused" in text, text)
        assertTrue("invite link changed: yes" in text, text)
        assertTrue("waiting in the queue for the phone: 0 messages" in text, text)
        assertTrue("approved: 5511911110099 is in Gardens and in the community (5 members; in it: true)" in text, text)
        assertTrue("unlinking the last group is refused" in text, text)
        assertTrue(lines.count { it.endsWith("community: none") } == 2, text)
        // Building A had phones 0 and 1; phone 1 is still in Gardens, so only phone 0 leaves.
        assertTrue("left the announcement group: ${PHONES[0]}" in text, text)
    }
}
