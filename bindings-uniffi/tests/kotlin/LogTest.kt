package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.LogListener
import io.zapi.communities.core.ClientOptions
import io.zapi.communities.core.LogLevel
import io.zapi.communities.core.ZapiException
import io.zapi.communities.setLogListener
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue

/** setLogListener: the core's lines reach a Kotlin listener at the level set, stop with null,
 * and never carry the token or the Client-Token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogTest {
    private val canary = "canary-tok-0c4e8a26"
    private val clientCanary = "canary-cli-93b5f71d"
    private val sim = SimProcess.start("--token", canary, "--client-token", clientCanary)

    @AfterAll
    fun stop() {
        setLogListener(null, LogLevel.WARN)
        sim.close()
    }

    private class Collect : LogListener {
        val lines = java.util.Collections.synchronizedList(mutableListOf<Pair<LogLevel, String>>())
        override fun log(level: LogLevel, message: String) {
            lines.add(level to message)
        }
    }

    private fun client(baseUrl: String) =
        Client(ClientOptions(instanceId = "SIM-INSTANCE", token = canary, clientToken = clientCanary, baseUrl = baseUrl, maxRetries = 1u))

    @Test
    fun `lines reach the listener at its level and never show a secret`() = runBlocking {
        val listener = Collect()
        assertTrue(setLogListener(listener, LogLevel.DEBUG))
        client(sim.url).listCommunities(1u, 10u)
        assertEquals(listOf(LogLevel.DEBUG to "sending", LogLevel.DEBUG to "answered"), listener.lines.map { it.first to it.second.substringBefore(' ') })
        assertTrue(listener.lines[0].second.startsWith("sending method=GET path=/communities"), listener.lines[0].second)

        listener.lines.clear()
        val closed = client(closedPortUrl())
        assertThrows<ZapiException.Transport> { runBlocking { closed.listCommunities(1u, 10u) } }
        assertEquals(listOf(LogLevel.DEBUG, LogLevel.INFO, LogLevel.DEBUG, LogLevel.WARN), listener.lines.map { it.first })
        for ((_, line) in listener.lines) assertFalse(canary in line || clientCanary in line, line)

        listener.lines.clear()
        setLogListener(listener, LogLevel.WARN)
        client(sim.url).listCommunities(1u, 10u)
        assertThrows<ZapiException.Transport> { runBlocking { closed.listCommunities(1u, 10u) } }
        assertEquals(listOf(LogLevel.WARN), listener.lines.map { it.first })
        setLogListener(null, LogLevel.TRACE)
        assertThrows<ZapiException.Transport> { runBlocking { closed.listCommunities(1u, 10u) } }
        assertEquals(1, listener.lines.size)
    }
}
