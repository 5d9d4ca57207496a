package io.zapi.communities.test

import io.zapi.communities.asFlow
import io.zapi.communities.core.WhoCanAddGroups
import io.zapi.communities.core.ZapiException
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** The community calls, each against the in-memory simulator and the HTTP simulator server. */
class CommunitiesTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `createCommunity returns the community with its announcement group`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Rua das Flores", "Street news")
        assertEquals("Rua das Flores", community.name)
        assertEquals("Street news", community.description)
        assertTrue(community.id.all(Char::isDigit), community.id)
        val announcement = assertNotNull(community.announcementGroup)
        assertTrue(announcement.endsWith("-group"))
        assertEquals(listOf(announcement), community.groups.filter { it.isAnnouncement }.map { it.id })
        last("POST", "/communities")?.let { assertEquals("Street news", it.body!!.getString("description")) }

        val plain = client.createCommunity("No description") // the default argument
        assertNull(plain.description?.takeIf { it.isNotEmpty() })
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `listCommunities and the community pager walk every page`(backend: Backend) = on(backend) {
        val ids = (1..5).map { client.createCommunity("Community $it").id }
        val first = client.listCommunities(1u, 2u)
        assertEquals(2, first.size)
        last("GET", "/communities")?.let { assertEquals(listOf("page" to "1", "pageSize" to "2"), it.query) }

        val pager = client.communities(2u)
        val pages = buildList { while (true) add(pager.nextPage() ?: break) }
        assertEquals(listOf(2, 2, 1), pages.map { it.size })
        assertEquals(ids.toSet(), pages.flatten().map { it.id }.toSet())
        assertNull(pager.nextPage(), "the pager stays finished")

        // As a Flow: the same communities, one at a time, and `take` stops asking for pages.
        val flowed = client.communities(2u).asFlow().toList()
        assertEquals(pages.flatten().map { it.id }, flowed.map { it.id })
        val before = seen().count { it.path == "/communities" }
        assertEquals(3, client.communities(2u).asFlow().take(3).toList().size)
        if (backend == Backend.HTTP) assertEquals(before + 2, seen().count { it.path == "/communities" }, "two pages for three items")
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `communityMetadata, linkGroups and unlinkGroups`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val a = client.createGroup("Building A", PHONES.subList(0, 2), true)
        val b = client.createGroup("Gardens", PHONES.subList(1, 3))
        val linked = client.linkGroups(community.id, listOf(a.id, b.id))
        assertEquals(listOf(a.id, b.id), linked.linked)
        assertEquals(emptyList(), linked.skipped)
        // The answer did not say which groups were linked: the metadata was read to find out.
        assertTrue(linked.verifiedByMetadata)
        fromLast(2, "POST", "/communities/link")?.let {
            assertEquals(community.id, it.body!!.getString("communityId"))
            assertEquals(listOf(a.id, b.id), it.body.getJSONArray("groupsPhones").toList())
        }
        last("GET", "/communities-metadata/${community.id}")

        val metadata = client.communityMetadata(community.id)
        last("GET", "/communities-metadata/${community.id}")
        assertEquals(setOf(a.id, b.id), metadata.groups.filter { !it.isAnnouncement }.map { it.id }.toSet())

        assertEquals(listOf(a.id), client.unlinkGroups(community.id, listOf(a.id)).unlinked)
        fromLast(2, "POST", "/communities/unlink")
        val after = client.communityMetadata(community.id)
        assertEquals(listOf(b.id), after.groups.filter { !it.isAnnouncement }.map { it.id })

        // The client knows b is the last regular group: refused before any request.
        val before = seen().size
        val last = assertFailsWith<ZapiException.Validation> { client.unlinkGroups(community.id, listOf(b.id)) }
        assertEquals("group_ids", last.field.substringBefore('['))
        assertEquals(before, seen().size)
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `settings, description and photo`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        client.updateCommunitySettings(community.id, WhoCanAddGroups.ALL)
        last("POST", "/communities/settings")?.let { assertEquals("all", it.body!!.getString("whoCanAddNewGroups")) }

        client.updateCommunityDescription(community.id, "Everything about our street")
        last("POST", "/update-community-description")
        assertEquals("Everything about our street", client.communityMetadata(community.id).description)

        client.updateCommunityPhoto(community.id, "https://example.com/logo.png")
        last("POST", "/update-community-photo")?.let {
            assertEquals("https://example.com/logo.png", it.body!!.getString("communityPhoto"))
        }
        client.updateCommunityPhoto(community.id, "data:image/png;base64,iVBORw0KGgo=")
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `deactivateCommunity keeps the groups and forgets the community`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Short-lived")
        val group = client.createGroup("Kept", PHONES.subList(0, 1))
        client.linkGroups(community.id, listOf(group.id))
        client.deactivateCommunity(community.id)
        last("DELETE", "/communities/${community.id}")
        assertNull(client.cachedAnnouncementGroup(community.id))
        assertNull(client.groupMetadata(group.id).communityId)
        val gone = assertFailsWith<ZapiException.Api> { client.communityMetadata(community.id) }
        assertEquals(404.toUShort(), gone.status)
    }
}
