package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.MessageOptions
import io.zapi.communities.core.GroupMentionInput
import io.zapi.communities.core.GroupSettings
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlin.test.fail
import org.junit.jupiter.api.Test

/** Bad arguments fail with `ZapiException.Validation` naming the field, and nothing is sent. */
class ValidationTest {
    private val community = "120363000000000001"
    private val group = "120363000000000002-group"
    private val phone = "5511988887777"

    @Test
    fun `every call checks its arguments before any request`() = on(Backend.HTTP) {
        val cases: List<Pair<String, suspend () -> Unit>> = listOf(
            "name" to { client.createCommunity("   ") },
            "name" to { client.createCommunity("x".repeat(101)) },
            "description" to { client.createCommunity("ok", "d".repeat(2049)) },
            "page" to { client.listCommunities(0u, 10u) },
            "page_size" to { client.listChats(1u, 0u) },
            "page" to { client.listAnnouncementGroups(0u, 10u) },
            "page_size" to { client.communities(5000u).nextPage() },
            "community_id" to { client.communityMetadata("abc") },
            "community_id" to { client.deactivateCommunity(group) },
            "group_ids" to { client.linkGroups(community, emptyList()) },
            "group_ids[1]" to { client.linkGroups(community, listOf(group, group)) },
            "group_ids[0]" to { client.unlinkGroups(community, listOf("nope")) },
            "description" to { client.updateCommunityDescription(community, "d".repeat(2049)) },
            "photo" to { client.updateCommunityPhoto(community, "logo.png") },
            "phones" to { client.addParticipants(community, emptyList()) },
            "phones[1]" to { client.addAdmins(group, listOf(phone, "12")) },
            "phones[1]" to { client.removeAdmins(group, listOf(phone, phone)) },
            "target" to { client.removeParticipants("not-a-target", listOf(phone)) },
            "target" to { client.redefineInvitationLink("") },
            "community_id" to { client.communityInvitationLink("x") },
            "group_id" to { client.groupInvitationLink("x") },
            "name" to { client.createGroup("", listOf(phone)) },
            "phones[0]" to { client.createGroup("g", listOf("555-CALL-NOW")) },
            "group_id" to { client.groupMetadata("bad id") },
            "group_id" to { client.updateGroupSettings("bad id", GroupSettings(true, true, true, true)) },
            "to" to { client.sendText("", "hi") },
            "message" to { client.sendText(phone, "  ") },
            "delay_message" to { client.sendText(phone, "hi", MessageOptions(delayMessage = 0u)) },
            "delay_typing" to { client.sendText(phone, "hi", MessageOptions(delayTyping = 16u)) },
            "edit_message_id" to { client.sendText(phone, "hi", MessageOptions(editMessageId = " ")) },
            "mentioned[0]" to { client.sendText(phone, "hi", MessageOptions(mentioned = listOf("x"))) },
            "group_mentioned" to {
                client.sendText(phone, "hi @1", MessageOptions(groupMentioned = listOf(GroupMentionInput(group, "G"))))
            },
            "text" to { client.announce(community, " ") },
            "delay_message" to { client.announce(community, "hi", MessageOptions(delayMessage = 99u)) },
            "group_mentioned[0].group_id" to { client.announce(community, "hi", MessageOptions(groupMentioned = listOf(GroupMentionInput("x", "G")))) },
            "community_id" to { client.resolveAnnouncementGroup("") },
            "group_id" to { client.rememberAnnouncementGroup(community, "") },
            "community_id" to { client.cachedAnnouncementGroup("a") },
        )
        for ((field, call) in cases) {
            val error = try {
                call()
                fail("expected a validation error naming $field")
            } catch (e: ZapiException.Validation) {
                e
            }
            assertEquals(field, error.field, "reason: ${error.reason}")
            assertTrue(error.reason.isNotBlank())
        }
        assertEquals(emptyList(), SimServer.requests(), "no request reached the server")
    }

    @Test
    fun `client configuration is checked when the client is made`() {
        val good = SimServer.config()
        fun field(config: io.zapi.communities.core.ClientOptions) =
            assertFailsWith<ZapiException.Validation> { Client(config) }.field
        assertEquals("instance_id", field(good.copy(instanceId = " ")))
        assertEquals("token", field(good.copy(token = "a/b")))
        assertEquals("base_url", field(good.copy(baseUrl = "ftp://example.com")))
        assertEquals("timeout_ms", field(good.copy(timeoutMs = 0uL)))
        assertEquals("token", field(good.copy(token = null)))
        assertEquals("base_url", field(good.copy(baseUrl = "http://example.com")))
    }
}
