package io.zapi.communities.test

import com.sun.net.httpserver.HttpServer
import io.zapi.communities.WebhookSecret
import io.zapi.communities.core.WebhookEvent
import io.zapi.communities.core.ZapiException
import io.zapi.communities.maxWebhookBytes
import io.zapi.communities.parseWebhook
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/**
 * The README's handler: a function over method, request target and body that any server can
 * call. The status to answer, and the event when there is one.
 */
fun receive(secret: WebhookSecret, method: String, target: String, body: ByteArray): Pair<Int, WebhookEvent?> = when {
    method != "POST" || !secret.verify(target) -> 404 to null
    body.size.toUInt() > maxWebhookBytes() -> 413 to null
    else -> try {
        200 to parseWebhook(body)
    } catch (e: ZapiException.Decode) {
        400 to null
    }
}

/** The secret in the webhook URL: made, kept, put in the URL, and checked before the body is read. */
class WebhookSecretTest {
    private val kept = "s3cr3t-path-segment_0123"
    private val delivery = """{"type":"DeliveryCallback","phone":"5544999999999","messageId":"M1"}""".toByteArray()

    @Test
    fun `a generated secret is new each time, accepted back, and never shown`() {
        val a = WebhookSecret.generate()
        val b = WebhookSecret.generate()
        assertEquals(43, a.expose().length)
        assertNotEquals(a, b)
        assertEquals(a, WebhookSecret(a.expose()))
        assertEquals("WebhookSecret(***)", "$a")
    }

    @Test
    fun `a kept secret and the base URL are checked`() {
        assertEquals("secret", assertFailsWith<ZapiException.Validation> { WebhookSecret("abc") }.field)
        val secret = WebhookSecret(kept)
        assertEquals("https://bot.example/hooks/$kept", secret.url("https://bot.example/hooks/"))
        assertEquals("base_url", assertFailsWith<ZapiException.Validation> { secret.url("http://bot.example/x") }.field)
        assertTrue(secret.verify("/hooks/$kept?from=zapi"))
        assertFalse(secret.verify("/hooks/${kept.dropLast(1)}"))
    }

    @Test
    fun `the handler function takes only the instance's posts`() {
        val secret = WebhookSecret(kept)
        assertEquals(404, receive(secret, "POST", "/hooks/guess", delivery).first)
        assertEquals(404, receive(secret, "GET", "/hooks/$kept", delivery).first)
        assertEquals(400, receive(secret, "POST", "/hooks/$kept", "not json".toByteArray()).first)
        assertEquals(413, receive(secret, "POST", "/hooks/$kept", ByteArray(maxWebhookBytes().toInt() + 1)).first)
        val (status, event) = receive(secret, "POST", "/hooks/$kept", delivery)
        assertEquals(200, status)
        assertEquals("M1", (event as WebhookEvent.Delivery).delivery.messageId)
    }

    @Test
    fun `the JDK's own server calls it on loopback`() {
        val secret = WebhookSecret(kept)
        val events = mutableListOf<WebhookEvent>()
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { exchange ->
            val body = exchange.requestBody.readNBytes(maxWebhookBytes().toInt() + 1)
            val (status, event) = receive(secret, exchange.requestMethod, exchange.requestURI.toString(), body)
            event?.let(events::add)
            exchange.sendResponseHeaders(status, -1)
            exchange.close()
        }
        server.start()
        try {
            val http = HttpClient.newHttpClient()
            fun post(url: String) = http.send(
                HttpRequest.newBuilder(URI(url)).POST(HttpRequest.BodyPublishers.ofByteArray(delivery)).build(),
                HttpResponse.BodyHandlers.discarding(),
            ).statusCode()
            val base = "http://127.0.0.1:${server.address.port}/hooks"
            assertEquals(404, post("$base/guess"))
            assertEquals(200, post(secret.url(base)))
            assertEquals(listOf("M1"), events.map { (it as WebhookEvent.Delivery).delivery.messageId })
        } finally {
            server.stop(0)
        }
    }
}
