package io.zapi.communities.test

import io.zapi.communities.core.BulkOptions
import io.zapi.communities.core.BulkStatus
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test

/** Bulk adds against zapi-sim: an outcome per number, read from the members after each chunk. */
class BulkTest {
    private val member = "5511983000001"
    private val newcomer = "5511983000002"
    private val refuser = "5511983000003"
    private val other = "5511983000004"

    @Test
    fun `each number gets its outcome and repeats are dropped`() = runBlocking {
        SimServer.load("""{"refusesAdds": ["$refuser"]}""")
        val client = SimServer.client()
        val group = client.createGroup("Big", listOf(member), autoInvite = false)
        val list = listOf(member, newcomer, "+55 11 98300-0002", refuser, other)
        val outcome = client.addParticipantsBulk(group.id, list, BulkOptions(chunkSize = 2u, pauseMs = 0u))
        assertEquals(
            listOf(member to BulkStatus.ALREADY_DONE, newcomer to BulkStatus.DONE, refuser to BulkStatus.NOT_DONE, other to BulkStatus.DONE),
            outcome.outcomes.map { it.phone to it.status },
        )
        assertEquals(listOf(2u), outcome.duplicates)
        assertTrue(outcome.complete)
        assertEquals(2u to 3u, outcome.requests to outcome.metadataReads)
        assertEquals(2, SimServer.requests().count { it.path == "/add-participant" })
    }

    @Test
    fun `bad numbers are all named before anything is sent`() = runBlocking {
        SimServer.reset()
        val client = SimServer.client()
        val refused = assertFailsWith<ZapiException.Validation> { client.addParticipantsBulk("120363000000000001-group", listOf(member, "abc", "x")) }
        assertEquals("phones", refused.field)
        assertTrue("phones[1] \"abc\"" in refused.reason && "phones[2]" in refused.reason, refused.reason)
        assertTrue(SimServer.requests().isEmpty())
    }

    @Test
    fun `the seeded per-minute add limit is waited out`() = runBlocking {
        SimServer.reset()
        val client = SimServer.client()
        val group = client.createGroup("Limited", listOf(member), autoInvite = false)
        // 20 adds a minute, all used 58 seconds ago: room again in 2 seconds.
        val state = SimServer.state()
        state.put("limits", org.json.JSONObject(mapOf("addsPerMinute" to 20)))
        state.put("recentAdds", org.json.JSONArray(listOf(listOf(state.getLong("clock") - 58, 20))))
        SimServer.load(state.toString())
        val started = System.nanoTime()
        val outcome = client.addParticipantsBulk(group.id, listOf(newcomer, other), BulkOptions(pauseMs = 0u))
        assertTrue(System.nanoTime() - started >= 2_000_000_000L, "the limit's Retry-After was honoured")
        assertTrue(outcome.complete && outcome.outcomes.all { it.status == BulkStatus.DONE })
        assertEquals(listOf(429, 200), SimServer.requests().filter { it.path == "/add-participant" }.map { it.status }.takeLast(2))
        assertEquals(2u, outcome.requests)
    }

    @Test
    fun `progress is told after each chunk`() = runBlocking {
        SimServer.reset()
        val client = SimServer.client()
        val group = client.createGroup("Progress", listOf(member), autoInvite = false)
        val people = (0 until 25).map { "55119830001" + it.toString().padStart(2, '0') }
        val seen = java.util.Collections.synchronizedList(mutableListOf<io.zapi.communities.core.BulkProgress>())
        val listener = object : io.zapi.communities.BulkProgressListener {
            override fun onProgress(progress: io.zapi.communities.core.BulkProgress) {
                seen.add(progress)
            }
        }
        val outcome = client.addParticipantsBulk(group.id, listOf(member) + people, BulkOptions(chunkSize = 10u, pauseMs = 0u), listener)
        assertEquals(
            listOf(listOf(11u, 26u, 1u, 3u), listOf(21u, 26u, 2u, 3u), listOf(26u, 26u, 3u, 3u)),
            seen.map { listOf(it.settled, it.total, it.chunksSent, it.chunks) },
        )
        assertEquals(outcome.outcomes.drop(21), seen.last().latest)
    }
}
