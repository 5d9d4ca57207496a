package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.Simulator
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test

/** `exportKnowledge` / `importKnowledge`: a second client starts from what the first found out. */
class KnowledgeTest {
    private val empty = """{"version":1,"communities":[],"groupOwners":{}}"""

    @Test
    fun `a second client resolves and refuses from imported knowledge`() = runBlocking {
        val simulator = Simulator()
        val first = Client.simulated(simulator)
        val community = first.createCommunity("Street")
        val group = first.createGroup("Building A", listOf("5511911110001"), autoInvite = false)
        first.linkGroups(community.id, listOf(group.id))
        val exported = first.exportKnowledge()

        val second = Client.simulated(simulator)
        assertEquals(empty, second.exportKnowledge())
        second.importKnowledge(exported)
        assertEquals(community.announcementGroup, second.cachedAnnouncementGroup(community.id)?.groupId)
        val context = second.communityContext(group.id)!!
        assertEquals(community.id to false, context.communityId to context.isAnnouncementGroup)
        assertFailsWith<ZapiException.NotAnnouncementGroup> { second.sendText(community.id, "hi") }
        assertEquals(exported, second.exportKnowledge())
    }

    @Test
    fun `a bad document is refused whole`() {
        val client = Client.simulated(null)
        val refused = assertFailsWith<ZapiException.Validation> { client.importKnowledge("""{"version":2}""") }
        assertEquals("knowledge", refused.field)
        assertTrue("version 2" in refused.reason, refused.reason)
        assertEquals(empty, client.exportKnowledge())
    }
}
