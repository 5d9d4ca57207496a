package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.Simulator
import io.zapi.communities.core.GroupNotification
import io.zapi.communities.core.GroupSettings
import io.zapi.communities.core.JoinRequestMethod
import io.zapi.communities.core.LinkMode
import io.zapi.communities.core.WebhookEvent
import io.zapi.communities.core.WebhookKind
import io.zapi.communities.core.ZapiException
import io.zapi.communities.parseWebhook
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test

/** Webhooks in Kotlin: a `when` over the sealed events, fed by the in-memory simulator. */
class WebhooksTest {
    @Test
    fun `a join request is posted, approved, and the new member posted`() = runBlocking {
        val simulator = Simulator()
        val client = Client.simulated(simulator)
        client.setWebhook(WebhookKind.RECEIVED, "https://bot.example/hook")
        val group = client.createGroup("Bakery", listOf("5511911111111"), autoInvite = false)
        client.updateGroupSettings(group.id, GroupSettings(adminOnlyMessage = false, adminOnlySettings = false, requireAdminApproval = true, adminOnlyAddMember = false))
        simulator.takeWebhooks()
        assertEquals("requested", simulator.inviteJoin(client.groupInvitationLink(group.id), "5511922222222"))
        for (posted in simulator.takeWebhooks()) {
            assertEquals(WebhookKind.RECEIVED to "https://bot.example/hook", posted.kind to posted.url)
            when (val event = parseWebhook(posted.body.toByteArray())) {
                is WebhookEvent.Message -> when (val note = event.message.notification) {
                    is GroupNotification.JoinRequest -> {
                        assertEquals(JoinRequestMethod.INVITE_LINK, note.method)
                        client.approveParticipants(event.message.chat, note.requesters)
                    }
                    else -> error("unexpected $note")
                }
                else -> error("unexpected $event")
            }
        }
        val added = simulator.takeWebhooks().map { parseWebhook(it.body.toByteArray()) }
        assertEquals(listOf<Any?>(GroupNotification.ParticipantsAdded(listOf("5511922222222"))), added.map { (it as WebhookEvent.Message).message.notification })
    }

    @Test
    fun `the simulator plays a withdrawn request and a link mode change`() = runBlocking {
        val simulator = Simulator()
        val client = Client.simulated(simulator)
        val group = client.createGroup("Bakery", listOf("5511911111111"), autoInvite = false)
        client.updateGroupSettings(group.id, GroupSettings(adminOnlyMessage = false, adminOnlySettings = false, requireAdminApproval = true, adminOnlyAddMember = false))
        simulator.inviteJoin(client.groupInvitationLink(group.id), "5511922222222")
        simulator.takeWebhooks()
        assertEquals(true, simulator.withdrawJoinRequest(group.id, "5511922222222"))
        assertEquals(false, simulator.withdrawJoinRequest(group.id, "5511922222222"))
        assertEquals(true, simulator.setLinkMode(group.id, LinkMode.ALL_MEMBERS))
        val notes = simulator.takeWebhooks().map { (parseWebhook(it.body.toByteArray()) as WebhookEvent.Message).message.notification }
        assertEquals(listOf<Any?>(GroupNotification.JoinRequestRevoked(listOf("5511922222222")), GroupNotification.LinkModeChanged(LinkMode.ALL_MEMBERS)), notes)
        assertEquals("group_id", assertFailsWith<ZapiException.Validation> { simulator.setLinkMode("nope", LinkMode.ADMINS_ONLY) }.field)
    }

    @Test
    fun `what is not an event is a Decode exception`() {
        for (body in listOf("", "[]", """{"type":"Nope"}""")) {
            assertFailsWith<ZapiException.Decode> { parseWebhook(body.toByteArray()) }
        }
    }
}
