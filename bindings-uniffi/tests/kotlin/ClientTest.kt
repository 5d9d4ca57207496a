package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.ClientConfig
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test

/** The three ways to make a client, and the config record's defaults. */
class ClientTest {
    @Test
    fun `ClientConfig defaults`() {
        val config = ClientConfig(instanceId = "INSTANCE", token = "secret")
        assertNull(config.clientToken)
        assertNull(config.baseUrl)
        assertEquals(30_000uL, config.timeoutMs)
        assertEquals(2u, config.maxRetries)
        assertEquals(32uL * 1024uL * 1024uL, config.maxBodyBytes, "the core's default cap")
        assertTrue("maxBodyBytes=33554432" in config.toString(), config.toString())
        Client(config).close() // no request is made until a call
    }

    @Test
    fun `maxBodyBytes is the client's body cap`() = on(Backend.HTTP) {
        // Every ULong is accepted, as in Python and JS: 0 refuses every non-empty body, and a cap
        // beyond the address space is no cap.
        val none = Client(SimServer.config().copy(maxBodyBytes = 0uL))
        val refused = assertFailsWith<ZapiException.Decode> { none.listCommunities(1u, 10u) }
        assertTrue("0-byte cap" in refused.detail, refused.detail)
        val unlimited = Client(SimServer.config().copy(maxBodyBytes = ULong.MAX_VALUE))
        assertEquals(0, unlimited.listCommunities(1u, 10u).size)
    }

    @Test
    fun `simulated clients are independent`() = kotlinx.coroutines.runBlocking {
        val a = Client.simulated()
        val b = Client.simulated()
        a.createCommunity("Only in a")
        assertEquals(1, a.listCommunities(1u, 10u).size)
        assertEquals(0, b.listCommunities(1u, 10u).size)
        assertTrue(a.toString().startsWith("Client"), a.toString())
    }

    @Test
    fun `fromEnv names the missing variable`() {
        assumeTrue(System.getenv("ZAPI_INSTANCE_ID") == null, "a real instance is configured")
        val e = assertFailsWith<ZapiException.Validation> { Client.fromEnv() }
        assertEquals("ZAPI_INSTANCE_ID", e.field)
    }
}
