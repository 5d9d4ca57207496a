package io.zapi.communities.test

import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** Members and invitation links: the target string is a community (digits) or a group (`…-group`). */
class MembersTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `participants and admins of a group`(backend: Backend) = on(backend) {
        val group = client.createGroup("Building A", PHONES.subList(0, 1))
        client.addParticipants(group.id, listOf("+55 11 91111-0002", PHONES[2]), autoInvite = true)
        last("POST", "/add-participant")?.let {
            assertEquals(group.id, it.body!!.getString("groupId"))
            assertFalse(it.body.has("communityId"))
            assertEquals(listOf(PHONES[1], PHONES[2]), it.body.getJSONArray("phones").toList(), "phones are normalised")
            assertTrue(it.body.getBoolean("autoInvite"))
        }
        suspend fun members() = client.groupMetadata(group.id).participants
        assertTrue(members().map { it.phone }.containsAll(PHONES.subList(0, 3)))

        client.addAdmins(group.id, listOf(PHONES[1]))
        last("POST", "/add-admin")
        assertTrue(members().single { it.phone == PHONES[1] }.isAdmin)

        client.removeAdmins(group.id, listOf(PHONES[1]))
        last("POST", "/remove-admin")
        assertFalse(members().single { it.phone == PHONES[1] }.isAdmin)

        client.removeParticipants(group.id, listOf(PHONES[2]))
        last("POST", "/remove-participant")
        assertFalse(members().any { it.phone == PHONES[2] })
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `participants and admins of a community`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        client.addParticipants(community.id, PHONES.subList(0, 2))
        last("POST", "/add-participant")?.let {
            assertEquals(community.id, it.body!!.getString("communityId"))
            assertFalse(it.body.has("groupId"))
            assertFalse(it.body.getBoolean("autoInvite"), "autoInvite defaults to false")
        }
        client.addAdmins(community.id, listOf(PHONES[0]))
        last("POST", "/add-admin")
        val announcement = client.resolveAnnouncementGroup(community.id).groupId
        val admins = client.groupMetadata(announcement).participants.filter { it.isAdmin }.map { it.phone }
        assertTrue(PHONES[0] in admins, "community admins are the announcement group's admins: $admins")
        client.removeAdmins(community.id, listOf(PHONES[0]))
        last("POST", "/remove-admin")
        client.removeParticipants(community.id, listOf(PHONES[1]))
        last("POST", "/remove-participant")
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `invitation links of groups and communities`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val group = client.createGroup("Gardens", PHONES.subList(0, 1))

        val groupLink = client.groupInvitationLink(group.id)
        last("GET", "/group-invitation-link/${group.id}")
        assertTrue(groupLink.startsWith("https://chat.whatsapp.com/"), groupLink)
        val newGroupLink = client.redefineInvitationLink(group.id)
        last("POST", "/redefine-invitation-link/${group.id}")
        assertNotEquals(groupLink, newGroupLink)
        assertEquals(newGroupLink, client.groupInvitationLink(group.id))

        val communityLink = client.communityInvitationLink(community.id)
        last("GET", "/group-invitation-link/${community.announcementGroup}")
        val newCommunityLink = client.redefineInvitationLink(community.id)
        last("POST", "/redefine-invitation-link/${community.id}")
        assertNotEquals(communityLink, newCommunityLink)
        assertTrue(newCommunityLink.startsWith("https://chat.whatsapp.com/"), newCommunityLink)
    }
}
