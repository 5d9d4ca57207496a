package io.zapi.communities.test

import io.zapi.communities.core.MessageOptions
import io.zapi.communities.core.AnnouncementSource
import io.zapi.communities.core.GroupMentionInput
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** sendText and announce: recipients, options, and the community-id refusal. */
class MessagesTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `sendText to a phone and to a group, with options`(backend: Backend) = on(backend) {
        val toPhone = client.sendText("+55 11 98888-7777", "Hello *there*")
        assertTrue(toPhone.messageId.isNotEmpty() && toPhone.zaapId.isNotEmpty())
        last("POST", "/send-text")?.let {
            assertEquals("5511988887777", it.body!!.getString("phone"))
            assertEquals("Hello *there*", it.body.getString("message"))
            assertFalse(it.body.has("delayMessage"), "no options, no keys")
        }

        val group = client.createGroup("Building A", PHONES.subList(0, 2))
        val options = MessageOptions(delayMessage = 2u, delayTyping = 3u, mentioned = listOf(PHONES[1]))
        val toGroup = client.sendText(group.id, "Hi @${PHONES[1]}", options)
        assertTrue(toGroup.messageId != toPhone.messageId)
        last("POST", "/send-text")?.let {
            assertEquals(group.id, it.body!!.getString("phone"))
            assertEquals(2, it.body.getInt("delayMessage"))
            assertEquals(3, it.body.getInt("delayTyping"))
            assertEquals(listOf(PHONES[1]), it.body.getJSONArray("mentioned").toList())
        }
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `sendText refuses a known community id, naming its announcement group`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val before = seen().size
        val refused = assertFailsWith<ZapiException.NotAnnouncementGroup> { client.sendText(community.id, "hi") }
        assertEquals(community.id, refused.communityId)
        assertEquals(community.announcementGroup, refused.announcementGroup)
        assertEquals(before, seen().size, "refused before any request")

        client.invalidateAll()
        // Unknown to the client now: 18 digits are not a phone, and the error names `to`.
        val unknown = assertFailsWith<ZapiException.Validation> { client.sendText(community.id, "hi") }
        assertEquals("to", unknown.field)
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `announce resolves the announcement group and sends there`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val linked = client.createGroup("Gardens", PHONES.subList(0, 2))
        client.linkGroups(community.id, listOf(linked.id))
        val sent = client.announce(community.id, "Street party on Saturday!", MessageOptions(delayTyping = 2u))
        assertEquals(community.announcementGroup, sent.announcementGroup.groupId)
        assertEquals(AnnouncementSource.CREATE_RESPONSE, sent.announcementGroup.source)
        assertTrue(sent.announcementGroup.fromCache)
        assertTrue(sent.message.messageId.isNotEmpty())
        last("POST", "/send-text")?.let {
            assertEquals(community.announcementGroup, it.body!!.getString("phone"))
            assertEquals(2, it.body.getInt("delayTyping"))
        }

        // Mentioning a linked group: the text must carry @<its digits>.
        val digits = linked.id.removeSuffix("-group")
        val mention = MessageOptions(groupMentioned = listOf(GroupMentionInput(groupId = linked.id, subject = "Gardens")))
        client.announce(community.id, "See @$digits for the plants", mention)
        last("POST", "/send-text")?.let {
            val entry = it.body!!.getJSONArray("groupMentioned").getJSONObject(0)
            assertEquals(linked.id, entry.getString("phone"))
        }
        val missingTag = assertFailsWith<ZapiException.Validation> { client.announce(community.id, "no tag", mention) }
        assertEquals("group_mentioned[0]", missingTag.field)

        // After forgetting it, announce looks it up again (community metadata) and says so.
        client.invalidate(community.id)
        val again = client.announce(community.id, "Reminder")
        assertEquals(AnnouncementSource.COMMUNITY_METADATA, again.announcementGroup.source)
        assertFalse(again.announcementGroup.fromCache)
    }
}
