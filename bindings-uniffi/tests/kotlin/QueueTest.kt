package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.Simulator
import io.zapi.communities.core.MessageOptions
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test

/** The message queue in Kotlin: listed, trimmed and cleared while the phone is disconnected. */
class QueueTest {
    private val ana = "5511911111111"

    @Test
    fun `the queue is listed, trimmed and sent on reconnection`() = runBlocking {
        val simulator = Simulator()
        val client = Client.simulated(simulator)
        assertTrue(client.listQueue().messages.isEmpty())
        assertEquals(0u, simulator.setPhoneConnected(false))
        val sent = listOf("first", "second", "third").map { client.sendText(ana, it, MessageOptions(delayMessage = 5u)) }

        val queued = client.queuedMessages()
        assertEquals(listOf("first", "second", "third"), queued.map { it.message })
        assertEquals(sent[1].zaapId to sent[1].messageId, queued[1].zaapId to queued[1].messageId)
        assertEquals(5u, queued[0].delayMessage)
        assertEquals(null, queued[0].delayTyping)

        client.deleteQueuedMessage(sent[1].zaapId)
        val first = client.listQueue(pageSize = 1u)
        assertTrue(first.hasMore)
        val rest = client.listQueue(first.pagingState, 1u)
        assertEquals(listOf("third") to false, rest.messages.map { it.message } to rest.hasMore)
        assertEquals(2u, simulator.setPhoneConnected(true))
        assertTrue(client.queuedMessages().isEmpty())
    }

    @Test
    fun `clearing sends nothing and bad input is refused before any request`() = runBlocking {
        val simulator = Simulator()
        val client = Client.simulated(simulator)
        simulator.setPhoneConnected(false)
        client.sendText(ana, "stale", MessageOptions())
        client.clearQueue()
        assertEquals(0u, simulator.setPhoneConnected(true))
        assertEquals("page_size", assertFailsWith<ZapiException.Validation> { client.listQueue(pageSize = 31u) }.field)
        assertEquals("paging_state", assertFailsWith<ZapiException.Validation> { client.listQueue(" ") }.field)
        assertEquals("zaap_id", assertFailsWith<ZapiException.Validation> { client.deleteQueuedMessage("not an id") }.field)
    }
}
