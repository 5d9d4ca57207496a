package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.HttpHeader
import io.zapi.communities.HttpTransport
import io.zapi.communities.IncomingResponse
import io.zapi.communities.OutgoingRequest
import io.zapi.communities.TransportFailure
import io.zapi.communities.core.ZapiException
import java.net.ConnectException
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.atomic.AtomicInteger
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test

/** Bring your own HTTP stack: the JDK's HttpClient behind `HttpTransport`. */
class JdkTransport : HttpTransport {
    private val http = HttpClient.newHttpClient()
    val sent = AtomicInteger()

    override suspend fun send(request: OutgoingRequest): IncomingResponse {
        sent.incrementAndGet()
        val builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofMillis(request.timeoutMs().toLong()))
        // The JDK sets Content-Length itself and refuses to be told.
        request.headers().filter { !it.name.equals("content-length", true) }.forEach { builder.header(it.name, it.value) }
        val body = request.body()?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        builder.method(request.method(), body)
        val response = try {
            http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray()).await()
        } catch (e: ConnectException) {
            throw TransportFailure.Connect("${request.url()}: ${e.message}") // the client redacts the token
        }
        val headers = response.headers().map().flatMap { (name, values) -> values.map { HttpHeader(name, it) } }
        return IncomingResponse(response.statusCode().toUShort(), headers, response.body())
    }
}

class TransportTest {
    @BeforeEach
    fun reset() = SimServer.reset()

    @Test
    fun `every call goes through the app's transport`() = runBlocking {
        val transport = JdkTransport()
        val client = Client.withTransport(SimServer.config(), transport)
        val community = client.createCommunity("Neighbours", "Street news")
        val group = client.createGroup("Gardens", PHONES.subList(0, 2))
        client.linkGroups(community.id, listOf(group.id))
        val sent = client.announce(community.id, "Hello")
        assertEquals(community.announcementGroup, sent.announcementGroup.groupId)
        assertEquals(5, transport.sent.get())
        assertEquals(
            listOf("/communities", "/create-group", "/communities/link", "/communities-metadata/${community.id}", "/send-text"),
            SimServer.requests().map { it.path },
        )
    }

    @Test
    fun `the request shows no token, failures map to ZapiException, and redaction holds`() = runBlocking {
        val canary = "canary-token-5f0c1e"
        var shown = ""
        val capture = object : HttpTransport {
            override suspend fun send(request: OutgoingRequest): IncomingResponse {
                shown = request.toString()
                assertTrue(canary in request.url())
                throw TransportFailure.Connect("refused: ${request.url()}")
            }
        }
        val refused = assertFailsWith<ZapiException.Transport> {
            Client.withTransport(SimServer.config(token = canary), capture).createCommunity("x")
        }
        assertFalse(refused.sent)
        assertFalse(canary in refused.detail, refused.detail)
        assertTrue(shown.startsWith("POST ") && "/token/***/communities" in shown && canary !in shown, shown)

        val crashing = object : HttpTransport {
            override suspend fun send(request: OutgoingRequest): IncomingResponse = error("stack blew up")
        }
        val crashed = assertFailsWith<ZapiException.Transport> { Client.withTransport(SimServer.config(), crashing).listChats(1u, 10u) }
        assertTrue(crashed.sent, "an unexpected exception may have happened after sending")
    }

    @Test
    fun `a transport that ignores the timeout is cut off by the client`() = runBlocking {
        val slow = object : HttpTransport {
            override suspend fun send(request: OutgoingRequest): IncomingResponse {
                delay(5_000)
                return IncomingResponse(200u, emptyList(), ByteArray(0))
            }
        }
        val client = Client.withTransport(SimServer.config(timeoutMs = 300uL), slow)
        assertEquals(300uL, assertFailsWith<ZapiException.Timeout> { client.listChats(1u, 10u) }.timeoutMs)
    }

    @Test
    fun `429 with Retry-After from the app's stack is read by the client`() = runBlocking {
        val limited = object : HttpTransport {
            override suspend fun send(request: OutgoingRequest) =
                IncomingResponse(429u, listOf(HttpHeader("Retry-After", "60")), """{"error":"too many requests"}""".toByteArray())
        }
        val client = Client.withTransport(SimServer.config(), limited)
        assertEquals(60_000uL, assertFailsWith<ZapiException.RateLimited> { client.listChats(1u, 10u) }.retryAfterMs)
    }

    @Test
    fun `a 3xx the app's stack hands back is refused, never retried, and names only the host`() = runBlocking {
        // The JDK's HttpClient follows no redirects by default (Redirect.NEVER), as the
        // HttpTransport contract asks: the 3xx reaches the client, which refuses it.
        for ((method, status) in listOf("GET" to 301, "POST" to 307, "DELETE" to 308, "GET" to 302)) {
            SimServer.reset()
            SimServer.fault("""{"fault":{"kind":"redirect","status":$status},"times":5}""")
            val transport = JdkTransport()
            val client = Client.withTransport(SimServer.config(maxRetries = 2u), transport)
            val refused = assertFailsWith<ZapiException.Api> {
                when (method) {
                    "GET" -> client.listCommunities(1u, 10u)
                    "POST" -> client.createCommunity("Redirected")
                    else -> client.deactivateCommunity("120363019502650977")
                }
            }
            assertEquals(status.toUShort(), refused.status)
            val detail = refused.detail
            assertTrue("http://127.0.0." in detail && "/instances/" !in detail && "sim-token" !in detail, detail)
            assertEquals(1, transport.sent.get(), "a redirect is not retried ($method $status)")
            assertEquals(0, SimServer.decoyConnections(), "nothing reached the decoy host ($method $status)")
        }
    }
}
