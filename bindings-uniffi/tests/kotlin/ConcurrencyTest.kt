package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.ZapiException
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.time.measureTime
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource

/** Suspend calls run concurrently, share one client, and can be cancelled. */
class ConcurrencyTest {
    @ParameterizedTest
    @EnumSource(Backend::class)
    fun `20 concurrent calls on one client`(backend: Backend) = on(backend) {
        val created = withContext(Dispatchers.Default) {
            (1..20).map { i -> async { client.createCommunity("Community $i") } }.awaitAll()
        }
        assertEquals(20, created.map { it.id }.toSet().size)
        // Each one's announcement group was cached by its own call.
        val announced = withContext(Dispatchers.Default) {
            created.map { c -> async { client.announce(c.id, "Hello ${c.name}") } }.awaitAll()
        }
        assertEquals(created.map { it.announcementGroup }, announced.map { it.announcementGroup.groupId })
        assertEquals(20, client.listCommunities(1u, 100u).size)
        if (backend == Backend.HTTP) {
            assertEquals(20, SimServer.requests().count { it.method == "POST" && it.path == "/communities" })
        }
    }

    @Test
    fun `slow answers overlap instead of queueing`() = runBlocking {
        SimServer.reset()
        val client = SimServer.client()
        SimServer.fault("""{"fault":{"kind":"delay","ms":400},"times":20,"pathPrefix":"/chats"}""")
        val elapsed = measureTime {
            withContext(Dispatchers.Default) { (1..20).map { async { client.listChats(1u, 10u) } }.awaitAll() }
        }
        // One after the other would take 8 s.
        assertTrue(elapsed < 4.seconds, "20 calls delayed 400 ms each took $elapsed")
    }

    @Test
    fun `a cancelled call leaves the client usable`() = runBlocking {
        SimServer.reset()
        val client = SimServer.client()
        SimServer.fault("""{"fault":{"kind":"delay","ms":3000},"pathPrefix":"/chats"}""")
        assertThrows<TimeoutCancellationException> { runBlocking { withTimeout(200.milliseconds) { client.listChats(1u, 10u) } } }
        assertEquals(emptyList(), client.listChats(1u, 10u).filter { it.isGroup })
    }

    @Test
    fun `pagers take turns when shared`() = runBlocking {
        val client = Client.simulated()
        repeat(9) { client.createCommunity("C$it") }
        val pager = client.communities(2u)
        val pages = withContext(Dispatchers.Default) { (1..8).map { async { pager.nextPage() } }.awaitAll() }
        // Each call got a whole page of its own; which coroutine got which page is up to the scheduler.
        assertEquals(listOf(1, 2, 2, 2, 2), pages.filterNotNull().map { it.size }.sorted())
        assertEquals(3, pages.count { it == null })
        assertEquals(9, pages.filterNotNull().flatten().map { it.id }.toSet().size)
    }

    @Test
    fun `errors from concurrent calls stay with their caller`() = runBlocking {
        val client = Client.simulated()
        val results = withContext(Dispatchers.Default) {
            (1..20).map { i ->
                async { runCatching { client.createCommunity(if (i % 2 == 0) "Good $i" else " ") } }
            }.awaitAll()
        }
        assertEquals(10, results.count { it.isSuccess })
        assertTrue(results.filter { it.isFailure }.all { it.exceptionOrNull() is ZapiException.Validation })
    }
}
