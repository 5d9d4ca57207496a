package io.zapi.communities.test

import io.zapi.communities.core.ZapiException
import io.zapi.communities.parseAnnouncementGroups
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/**
 * The chat-list scan: `listAnnouncementGroups` on both backends, and `parseAnnouncementGroups`
 * on a body the app already has. Each answer is checked against `listChats` and a filter.
 */
class ChatScanTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `listAnnouncementGroups returns the announcement groups of the communities only`(backend: Backend) = on(backend) {
        val first = client.createCommunity("Rua das Flores")
        val second = client.createCommunity("Rua das Pedras")
        val group = client.createGroup("Building A", PHONES.subList(0, 1))
        client.linkGroups(first.id, listOf(group.id))

        val found = client.listAnnouncementGroups(1u, 100u)
        last("GET", "/chats")?.let { assertEquals(listOf("page" to "1", "pageSize" to "100"), it.query) }
        assertEquals(setOf(first.announcementGroup, second.announcementGroup), found.toSet())
        assertEquals(2, found.size, "each announcement group once: $found")
        assertFalse(group.id in found, "a linked regular group is not an announcement group")
        val flagged = client.listChats(1u, 100u).filter { it.isGroupAnnouncement }.map { it.phone }
        assertEquals(flagged, found, "the same ids, in the chat list's order")

        assertEquals(emptyList(), client.listAnnouncementGroups(2u, 100u))
        last("GET", "/chats")?.let { assertEquals(listOf("page" to "2", "pageSize" to "100"), it.query) }
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `listAnnouncementGroups checks its paging before any request`(backend: Backend) = on(backend) {
        val page = assertFailsWith<ZapiException.Validation> { client.listAnnouncementGroups(0u, 10u) }
        assertEquals("page", page.field)
        assertTrue(page.reason.isNotBlank())
        val pageSize = assertFailsWith<ZapiException.Validation> { client.listAnnouncementGroups(1u, 0u) }
        assertEquals("page_size", pageSize.field)
        assertEquals(emptyList(), seen(), "no request reached the server")
    }

    @Test
    fun `parseAnnouncementGroups reads the flagged ids of a body`() {
        val body = """
            [{"phone":"120363019502650977-group","isGroupAnnouncement":true,"name":"Avisos"},
             {"phone":"120363019502650978-group","isGroupAnnouncement":false,"isGroup":true},
             {"phone":"5511999999999","isGroupAnnouncement":false},
             {"phone":"120363019502650979@g.us","isGroupAnnouncement":"true"}]
        """.trimIndent().toByteArray()
        assertEquals(listOf("120363019502650977-group", "120363019502650979-group"), parseAnnouncementGroups(body))
        assertEquals(emptyList(), parseAnnouncementGroups(ByteArray(0)))
        assertEquals(emptyList(), parseAnnouncementGroups("[]".toByteArray()))
    }

    @Test
    fun `parseAnnouncementGroups throws on an error body or one that is not a chat list`() {
        val refused = assertFailsWith<ZapiException.Api> { parseAnnouncementGroups("""{"error":"x"}""".toByteArray()) }
        assertEquals(200.toUShort(), refused.status)
        assertEquals("x", refused.detail)
        assertFailsWith<ZapiException.Decode> { parseAnnouncementGroups("<html>".toByteArray()) }
    }

    @Test
    fun `parseAnnouncementGroups agrees with listAnnouncementGroups on the server's own body`() = on(Backend.HTTP) {
        client.createCommunity("Rua das Flores")
        client.createGroup("Building A", PHONES.subList(0, 1))
        // The app's own GET of the chat list (e.g. through its HTTP stack or a cache).
        val url = URI.create("${SimServer.url}/instances/SIM-INSTANCE/token/sim-token/chats?page=1&pageSize=100")
        val request = HttpRequest.newBuilder(url).header("Client-Token", "sim-client-token").build()
        val body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body()
        assertEquals(client.listAnnouncementGroups(1u, 100u), parseAnnouncementGroups(body))
    }
}
