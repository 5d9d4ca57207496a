package io.zapi.communities.test

import io.zapi.communities.core.AnnouncementSource
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** The announcement-group resolver and its cache. */
class ResolverTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `resolve from the cache, community metadata and the chat list`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val before = seen().size
        val cached = client.resolveAnnouncementGroup(community.id)
        assertEquals(community.announcementGroup, cached.groupId)
        assertEquals(community.id, cached.communityId)
        assertEquals(AnnouncementSource.CREATE_RESPONSE, cached.source)
        assertTrue(cached.fromCache)
        assertEquals(before, seen().size, "answered from the cache")

        client.invalidate(community.id)
        assertNull(client.cachedAnnouncementGroup(community.id))
        val fromMetadata = client.resolveAnnouncementGroup(community.id)
        assertEquals(AnnouncementSource.COMMUNITY_METADATA, fromMetadata.source)
        assertFalse(fromMetadata.fromCache)
        last("GET", "/communities-metadata/${community.id}")

        val fromChats = client.resolveAnnouncementGroup(community.id, AnnouncementSource.CHAT_LIST)
        assertEquals(AnnouncementSource.CHAT_LIST, fromChats.source)
        assertEquals(community.announcementGroup, fromChats.groupId)
        if (backend == Backend.HTTP) {
            val paths = seen().map { it.path }
            assertTrue("/chats" in paths && paths.any { it.startsWith("/light-group-metadata/") }, "$paths")
        }
        assertEquals(AnnouncementSource.CHAT_LIST, assertNotNull(client.cachedAnnouncementGroup(community.id)).source)
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `remember, cached, invalidate and invalidateAll need no I-O`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val other = client.createCommunity("Elsewhere")
        val before = seen().size

        val remembered = client.rememberAnnouncementGroup(community.id, "120363099999999999@g.us")
        assertEquals("120363099999999999-group", remembered.groupId, "ids are normalised")
        assertEquals(AnnouncementSource.EXPLICIT, remembered.source)
        assertEquals(remembered.copy(fromCache = true), client.cachedAnnouncementGroup(community.id))
        assertEquals(AnnouncementSource.EXPLICIT, client.resolveAnnouncementGroup(community.id, AnnouncementSource.EXPLICIT).source)

        client.invalidate(community.id)
        assertNull(client.cachedAnnouncementGroup(community.id))
        assertNotNull(client.cachedAnnouncementGroup(other.id))
        client.invalidateAll()
        assertNull(client.cachedAnnouncementGroup(other.id))
        assertEquals(before, seen().size)

        val missing = assertFailsWith<ZapiException.NotFound> {
            client.resolveAnnouncementGroup(community.id, AnnouncementSource.EXPLICIT)
        }
        assertEquals(community.id, missing.id)
        assertTrue(missing.what.startsWith("announcement group"), missing.what)
    }
}
