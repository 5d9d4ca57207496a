package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.ClientOptions
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
    fun `ClientOptions leave every option to the core's default`() {
        val options = ClientOptions(instanceId = "INSTANCE", token = "secret")
        assertNull(options.clientToken)
        assertNull(options.baseUrl)
        assertNull(options.timeoutMs, "left out: the core's default applies")
        assertNull(options.proxy)
        assertTrue("secret" !in options.toString() && "token: Some(***)" in options.toString(), options.toString())
        Client(options).close() // no request is made until a call
    }

    @Test
    fun `proxy mode needs a base URL and carries no token`() {
        val backend = ClientOptions(proxy = true, baseUrl = "https://my.app/zapi")
        Client(backend).close()
        assertEquals("base_url", assertFailsWith<ZapiException.Validation> { Client(ClientOptions(proxy = true)) }.field)
        assertEquals("token", assertFailsWith<ZapiException.Validation> { Client(backend.copy(token = "t")) }.field)
        assertEquals("client_token", assertFailsWith<ZapiException.Validation> { Client(backend.copy(clientToken = "c")) }.field)
    }

    @Test
    fun `plain http only to loopback unless allowed`() {
        val remote = ClientOptions(instanceId = "I", token = "t", baseUrl = "http://example.com")
        assertEquals("base_url", assertFailsWith<ZapiException.Validation> { Client(remote) }.field)
        Client(remote.copy(allowInsecureHttp = true)).close()
        Client(remote.copy(baseUrl = "http://127.0.0.1:9")).close()
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
