package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.AnnouncementSource
import io.zapi.communities.core.ZapiException
import java.net.ServerSocket
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/**
 * Every `ZapiException` kind with its fields, provoked over HTTP with the simulator server's
 * faults. Nothing may surface as uniffi's `InternalException` (a Rust panic or a conversion bug).
 */
class ErrorsTest {
    @BeforeEach
    fun reset() = SimServer.reset()

    private fun describe(e: ZapiException): String = when (e) {
        // Exhaustive: the Kotlin compiler checks that every kind is handled.
        is ZapiException.Validation -> "validation ${e.field}: ${e.reason}"
        is ZapiException.Api -> "api ${e.status}: ${e.detail}"
        is ZapiException.RateLimited -> "rate limited ${e.retryAfterMs}"
        is ZapiException.Timeout -> "timeout ${e.timeoutMs}"
        is ZapiException.Transport -> "transport sent=${e.sent}: ${e.detail}"
        is ZapiException.Decode -> "decode ${e.detail}"
        is ZapiException.NotFound -> "not found ${e.what} ${e.id}"
        is ZapiException.NotAnnouncementGroup -> "not announcement group ${e.communityId} ${e.announcementGroup}"
    }

    @Test
    fun `validation names the field and reason`() = on(Backend.HTTP) {
        val e = assertFailsWith<ZapiException.Validation> { client.createCommunity("   ") }
        assertEquals("name", e.field)
        assertEquals("must not be empty", e.reason)
        assertEquals("field=name, reason=must not be empty", e.message)
        assertTrue(describe(e).startsWith("validation name"))
        assertIs<Exception>(e)
    }

    @Test
    fun `ids that cannot be parsed fail as Validation, not InternalException`() = on(Backend.SIMULATED) {
        assertEquals("community_id", assertFailsWith<ZapiException.Validation> { client.communityMetadata("abc") }.field)
        assertEquals(
            "community_id",
            assertFailsWith<ZapiException.Validation> { client.communityMetadata("120363019502650977-group") }.field,
        )
        assertEquals("group_id", assertFailsWith<ZapiException.Validation> { client.groupMetadata("not a group") }.field)
        assertEquals("community_id", assertFailsWith<ZapiException.Validation> { client.invalidate("x") }.field)
    }

    @Test
    fun `api errors carry the status and the service's message`() = on(Backend.HTTP) {
        SimServer.fault("""{"fault":{"kind":"status","status":500,"message":"boom"},"method":"POST","pathPrefix":"/communities"}""")
        val e = assertFailsWith<ZapiException.Api> { client.createCommunity("Neighbours") }
        assertEquals(500.toUShort(), e.status)
        assertEquals("boom", e.detail)
        assertTrue(describe(e).startsWith("api 500"))

        val wrongToken = Client(SimServer.config(token = "not-the-token"))
        assertEquals(401.toUShort(), assertFailsWith<ZapiException.Api> { wrongToken.listChats(1u, 10u) }.status)
    }

    @Test
    fun `rate limiting with and without Retry-After`() = on(Backend.HTTP) {
        SimServer.fault("""{"fault":{"kind":"rate_limit","retryAfter":120},"pathPrefix":"/chats"}""")
        assertEquals(120_000uL, assertFailsWith<ZapiException.RateLimited> { client.listChats(1u, 10u) }.retryAfterMs)
        SimServer.fault("""{"fault":{"kind":"rate_limit"},"pathPrefix":"/chats"}""")
        assertNull(assertFailsWith<ZapiException.RateLimited> { client.listChats(1u, 10u) }.retryAfterMs)
    }

    @Test
    fun `timeouts report the limit in force`() = runTimed {
        val client = SimServer.client(timeoutMs = 300uL)
        SimServer.fault("""{"fault":{"kind":"delay","ms":3000},"pathPrefix":"/chats"}""")
        assertEquals(300uL, assertFailsWith<ZapiException.Timeout> { client.listChats(1u, 10u) }.timeoutMs)
    }

    @Test
    fun `transport failures say whether the request may have been sent`() = on(Backend.HTTP) {
        val port = ServerSocket(0).use { it.localPort } // free, and closed again: connection refused
        val closed = Client(SimServer.config().copy(baseUrl = "http://127.0.0.1:$port"))
        val refused = assertFailsWith<ZapiException.Transport> { closed.createCommunity("Neighbours") }
        assertEquals(false, refused.sent)

        SimServer.fault("""{"fault":{"kind":"reset_before_headers"},"method":"POST"}""")
        val reset = assertFailsWith<ZapiException.Transport> { client.createCommunity("Neighbours") }
        assertEquals(true, reset.sent)
    }

    @Test
    fun `undecodable bodies are Decode errors`() = on(Backend.HTTP) {
        SimServer.fault("""{"fault":{"kind":"malformed"},"pathPrefix":"/communities"}""")
        val e = assertFailsWith<ZapiException.Decode> { client.listCommunities(1u, 10u) }
        assertTrue(e.detail.isNotEmpty())
    }

    @Test
    fun `not found and not an announcement group`() = on(Backend.HTTP) {
        val community = client.createCommunity("Neighbours")
        client.invalidateAll()
        val missing = assertFailsWith<ZapiException.NotFound> {
            client.resolveAnnouncementGroup(community.id, AnnouncementSource.CREATE_RESPONSE)
        }
        assertEquals(community.id, missing.id)

        client.communityMetadata(community.id) // known again
        val refused = assertFailsWith<ZapiException.NotAnnouncementGroup> { client.sendText(community.id, "hi") }
        assertEquals(community.id, refused.communityId)
        assertEquals(community.announcementGroup, refused.announcementGroup)
    }

    @Test
    fun `idempotent calls are retried under maxRetries, POSTs are not`() = runTimed {
        val client = SimServer.client(maxRetries = 2u)
        SimServer.fault("""{"fault":{"kind":"status","status":503},"times":2,"method":"GET","pathPrefix":"/chats"}""")
        client.listChats(1u, 10u)
        assertEquals(3, SimServer.requests().count { it.path == "/chats" })

        SimServer.fault("""{"fault":{"kind":"status","status":503},"method":"POST","pathPrefix":"/communities"}""")
        assertEquals(503.toUShort(), assertFailsWith<ZapiException.Api> { client.createCommunity("Once") }.status)
        assertEquals(1, SimServer.requests().count { it.method == "POST" }, "a POST that may have been applied is not repeated")
    }

    private fun runTimed(body: suspend () -> Unit) = kotlinx.coroutines.runBlocking { body() }
}
