package io.zapi.communities.test

import io.zapi.communities.core.GroupSettings
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNull
import kotlin.test.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** Groups and chats: create, list, page, metadata, settings. */
class GroupsTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `createGroup and groupMetadata`(backend: Backend) = on(backend) {
        val group = client.createGroup("Building A", PHONES.subList(0, 2))
        last("POST", "/create-group")?.let {
            assertEquals("Building A", it.body!!.getString("groupName"))
            assertEquals(PHONES.subList(0, 2), it.body.getJSONArray("phones").toList())
        }
        assertTrue(group.id.endsWith("-group"), group.id)

        val metadata = client.groupMetadata(group.id)
        last("GET", "/group-metadata/${group.id}")
        assertEquals(group.id, metadata.id)
        assertEquals("Building A", metadata.name)
        assertNull(metadata.communityId)
        assertFalse(metadata.isGroupAnnouncement)
        assertTrue(metadata.participants.map { it.phone }.containsAll(PHONES.subList(0, 2)))
        assertTrue(metadata.participants.any { it.isSuperAdmin }, "the connected phone created it")
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `updateGroupSettings sets the four switches`(backend: Backend) = on(backend) {
        val group = client.createGroup("Building A", PHONES.subList(0, 1))
        val settings = GroupSettings(
            adminOnlyMessage = true,
            adminOnlySettings = false,
            requireAdminApproval = true,
            adminOnlyAddMember = false,
        )
        client.updateGroupSettings(group.id, settings)
        last("POST", "/update-group-settings")?.let {
            assertEquals(group.id, it.body!!.getString("phone"))
            assertTrue(it.body.getBoolean("adminOnlyMessage"))
            assertFalse(it.body.getBoolean("adminOnlyAddMember"))
        }
        val metadata = client.groupMetadata(group.id)
        assertEquals(
            Triple(true, false, true),
            Triple(metadata.adminOnlyMessage, metadata.adminOnlySettings, metadata.requireAdminApproval),
        )
    }

    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `listChats and the chat pager`(backend: Backend) = on(backend) {
        val community = client.createCommunity("Neighbours")
        val groups = (1..3).map { client.createGroup("Group $it", PHONES.subList(0, 1)).id }

        val chats = client.listChats(1u, 50u)
        last("GET", "/chats")?.let { assertEquals(listOf("page" to "1", "pageSize" to "50"), it.query) }
        val announcement = chats.single { it.isGroupAnnouncement }
        assertEquals(community.announcementGroup, announcement.phone)
        assertTrue(chats.filter { it.isGroup }.map { it.phone }.containsAll(groups))

        val pager = client.chats(2u)
        val pages = buildList { while (true) add(pager.nextPage() ?: break) }
        assertTrue(pages.dropLast(1).all { it.size == 2 })
        assertEquals(chats.map { it.phone }.toSet(), pages.flatten().map { it.phone }.toSet())
    }
}
