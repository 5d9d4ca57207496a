package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.ZapiException
import java.net.ServerSocket
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/** Neither token ever shows up in an exception's message, toString or stack trace, or in toString of a config or client. */
class RedactionTest {
    private val canary = "canary-token-5f0c1e"
    private val clientCanary = "canary-client-77ab"

    @BeforeEach
    fun reset() = SimServer.reset()

    private fun assertClean(shown: String) {
        assertFalse(canary in shown, "instance token leaked: $shown")
        assertFalse(clientCanary in shown, "client token leaked: $shown")
    }

    private fun assertClean(e: ZapiException) {
        assertClean(e.message ?: "")
        assertClean(e.toString())
        assertClean(e.stackTraceToString())
    }

    @Test
    fun `config and client never print the tokens`() {
        val config = SimServer.config(token = canary, clientToken = clientCanary)
        assertClean(config.toString())
        assertTrue("token: Some(***)" in config.toString(), config.toString())
        assertClean(Client(config).toString())
        assertTrue(config == config.copy(), "still a data class with value equality")
    }

    @Test
    fun `refused credentials`() = runBlocking {
        val wrongToken = Client(SimServer.config(token = canary, clientToken = clientCanary))
        assertClean(assertFailsWith<ZapiException.Api> { wrongToken.createCommunity("Neighbours") })
        val wrongClientToken = Client(SimServer.config(clientToken = clientCanary))
        assertClean(assertFailsWith<ZapiException.Api> { wrongClientToken.listChats(1u, 10u) })
    }

    @Test
    fun `transport errors, whose HTTP stack text names the URL`() = runBlocking {
        val port = ServerSocket(0).use { it.localPort }
        val config = SimServer.config(token = canary, clientToken = clientCanary).copy(baseUrl = "http://127.0.0.1:$port")
        val e = assertFailsWith<ZapiException.Transport> { Client(config).listChats(1u, 10u) }
        assertClean(e)
        assertClean(e.detail)

        SimServer.fault("""{"fault":{"kind":"reset_mid_body"},"pathPrefix":"/chats"}""")
        val midBody = assertFailsWith<ZapiException> { Client(SimServer.config(token = "sim-token")).listChats(1u, 10u) }
        assertClean(midBody)
    }

    @Test
    fun `timeouts and decode errors`() = runBlocking {
        val client = Client(SimServer.config(token = canary, clientToken = clientCanary, timeoutMs = 200uL))
        SimServer.fault("""{"fault":{"kind":"delay","ms":2000}}""")
        assertClean(assertFailsWith<ZapiException.Timeout> { client.listChats(1u, 10u) })
        SimServer.fault("""{"fault":{"kind":"html","status":502}}""")
        assertClean(assertFailsWith<ZapiException> { client.listChats(1u, 10u) })
    }
}
