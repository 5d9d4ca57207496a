package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.parseWebhook
import io.zapi.communities.core.ClientOptions
import io.zapi.communities.core.ZapiException
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/**
 * The shared conformance vectors (the JSON files in tests/vectors, see its README) through the Kotlin client
 * over real HTTP, against a zapi-sim of this class's own: what Rust's core/tests/vectors.rs checks
 * with a scripted transport, checked here from the server's request log. Canned answers are the
 * server's `respond` fault; every client has `maxRetries = 0`, as Rust's `RetryPolicy::none()`.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorsTest {
    // The credentials of Rust's scripted client, which the server checks: a request that reached
    // it with another Client-Token would be answered 403 (logged as such).
    private val sim = SimProcess.start(
        "--instance-id", "VECTOR-INSTANCE", "--token", "vector-token", "--client-token", CLIENT_TOKEN,
    )

    private companion object {
        const val CLIENT_TOKEN = "vector-client-token"

        /** Headers the HTTP stack adds on the wire; the vectors list the client's own. */
        val WIRE_HEADERS = setOf("host", "content-length", "accept-encoding", "user-agent", "connection")
    }

    @AfterAll
    fun stop() = sim.close()

    private fun client(): Client = Client(
        ClientOptions(
            instanceId = "VECTOR-INSTANCE",
            token = "vector-token",
            clientToken = CLIENT_TOKEN,
            baseUrl = sim.url,
            timeoutMs = 10_000uL,
            maxRetries = 0u,
        ),
    )

    /** A canned answer for every request (`times` large: whatever the client sends gets it). */
    private fun respondRule(response: Map<String, Any?>, method: String? = null, pathPrefix: String? = null, times: Long = 1000) =
        buildMap {
            put(
                "fault",
                mapOf(
                    "kind" to "respond",
                    "status" to response["status"],
                    "headers" to (response["headers"] ?: emptyMap<String, Any?>()),
                    "body" to (response["body"] ?: ""),
                ),
            )
            put("times", times)
            method?.let { put("method", it) }
            pathPrefix?.let { put("pathPrefix", it) }
        }

    private fun <T> call(body: suspend () -> T): T = runBlocking { withTimeout(20_000) { body() } }

    @Test
    fun `request vectors render the exact request`() {
        val tally = SuiteTally("vectors/requests")
        val vectors = loadCases("vectors/requests.json")
        for (v in vectors) tally.case(v["name"] as String) {
            sim.reset()
            sim.fault(respondRule(mapOf("status" to 200L, "body" to "")))
            call { outcome(client(), v["call"] as String, v["args"].obj()) }
            val seen = sim.requests()
            val followUp = (v["follow_up"] as List<*>?) ?: emptyList<Any?>()
            expect(seen.isNotEmpty() && seen.drop(1).map(::requestKey) == followUp) {
                "want the call's request then $followUp, the server saw ${seen.map(::requestKey)}"
            }
            val request = seen[0]
            val want = v["request"].obj()
            expect(request["method"] == want["method"]) { "method ${request["method"]}, want ${want["method"]}" }
            expect(request["path"] == want["path"]) { "path ${request["path"]}, want ${want["path"]}" }
            expect(request["query"] == want["query"]) { "query ${Json.compact(request["query"])}, want ${Json.compact(want["query"])}" }

            // Header names arrive lowercase over HTTP/1; the vectors spell them as the client does.
            val headers = request["headers"].arr().map { it.arr() }.map { (it[0] as String).lowercase() to it[1] as String }
            val own = headers.filter { it.first != "client-token" && it.first !in WIRE_HEADERS }.toMap()
            val wantHeaders = want["headers"].obj().map { (k, value) -> k.lowercase() to value }.toMap()
            expect(own == wantHeaders) { "headers ${Json.compact(own)}, want ${Json.compact(wantHeaders)}" }
            expect(headers.count { it.first == "client-token" } == 1) { "no single Client-Token header: $headers" }
            // The server compared it with its --client-token: a wrong one is answered 403, a wrong
            // instance token 401 (the status logged is the simulator's own answer).
            expect(request["status"] != 403L && request["status"] != 401L) { "the server refused the credentials: ${request["status"]}" }

            val body = (request["body"] as String?)?.let(Json::parse)
            expect(body == want["body"]) { "body ${Json.compact(body)}, want ${Json.compact(want["body"])}" }
        }
        tally.report(minimumCases = 30)
    }

    @Test
    fun `response vectors are read into the shared result or error`() {
        val tally = SuiteTally("vectors/responses")
        for (v in loadCases("vectors/responses.json")) tally.case(v["name"] as String) {
            sim.reset()
            val followedBy = (v["followed_by"]?.obj() ?: emptyMap()).map { (key, response) ->
                val (method, target) = key.split(" ", limit = 2)
                respondRule(response.obj(), method = method, pathPrefix = target, times = 1)
            }
            sim.fault(listOf(respondRule(v["response"].obj(), times = 1)) + followedBy)
            val got = call { outcome(client(), v["call"] as String, v["args"].obj()) }
            checkExpect(v["expect"].obj(), got)
            val want = 1 + followedBy.size
            expect(sim.requests().size == want) { "want $want requests, the server saw ${sim.requests().map(::requestKey)}" }
        }
        tally.report(minimumCases = 30)
    }

    @Test
    fun `error vectors have one shape per kind`() {
        val kinds = ZapiException::class.java.declaredClasses.filter { ZapiException::class.java.isAssignableFrom(it) }
        expect(kinds.map(Dispatcher::kindOf).toSet() == errorVectors["kinds"].obj().keys) { "kinds ${kinds.map { it.simpleName }}" }
        val tally = SuiteTally("vectors/errors")
        for (v in errorVectors["cases"].arr().map { it.obj() }) tally.case(v["name"] as String) {
            sim.reset()
            v["response"]?.let { sim.fault(respondRule(it.obj(), times = 1)) }
            val got = call { outcome(client(), v["call"] as String, v["args"].obj()) }
            expect(got is Outcome.Err && Dispatcher.errorJson(got.error) == v["expect"].obj()["error"]) { "want ${Json.compact(v["expect"])}, got $got" }
            val want = if (v.containsKey("response")) 1 else 0
            expect(sim.requests().size == want) { "want $want requests, the server saw ${sim.requests().map(::requestKey)}" }
        }
        tally.report(minimumCases = 6)
    }

    @Test
    fun `event vectors are read into the shared shape`() {
        val tally = SuiteTally("vectors/events")
        for (v in loadCases("vectors/events.json")) tally.case(v["name"] as String) {
            val got = try {
                Outcome.Ok(Dispatcher.reflectJson(parseWebhook((v["body"] as String).toByteArray())))
            } catch (e: ZapiException) {
                Outcome.Err(e)
            }
            checkExpect(v["expect"].obj(), got)
        }
        tally.report(minimumCases = 70)
    }

    @Test
    fun `validation vectors fail before any request`() {
        val tally = SuiteTally("vectors/validation")
        sim.reset()
        for (v in loadCases("vectors/validation.json")) tally.case(v["name"] as String) {
            val got = call { outcome(client(), v["call"] as String, v["args"].obj()) }
            expect(got is Outcome.Err && got.error is ZapiException.Validation) { "want a Validation error, got $got" }
            checkExpect(v["expect"].obj(), got)
            val seen = sim.requests()
            expect(seen.isEmpty()) { "a request was sent: ${seen.map(::requestKey)}" }
        }
        tally.report(minimumCases = 40)
    }

    @Test
    fun `resolution vectors find the group from the right source with the listed requests`() {
        val tally = SuiteTally("vectors/resolution")
        for (v in loadCases("vectors/resolution.json")) tally.case(v["name"] as String) {
            sim.reset()
            // One rule per scripted "METHOD path?query" (a prefix with a query matches that page
            // exactly), then, as Rust's scripted transport, a 404 for anything else.
            val rules = v["responses"].obj().map { (key, response) ->
                val (method, target) = key.split(" ", limit = 2)
                respondRule(response.obj(), method = method, pathPrefix = target)
            } + listOf(respondRule(mapOf("status" to 404L, "body" to """{"error":"not scripted"}""")))
            sim.fault(rules)
            val client = client()
            val community = v["community_id"] as String
            (v["remember"] as String?)?.let { client.rememberAnnouncementGroup(community, it) }
            if (v["list_first"] == true) call { client.listCommunities(1u, 10u) }
            val got = call {
                try {
                    val to = v["send_to"] as String?
                    if (to != null) {
                        client.sendText(to, "hi")
                        Outcome.Ok(null)
                    } else {
                        val source = (v["source"] as String?)?.let(Dispatcher::source)
                        val group = client.resolveAnnouncementGroup(community, source)
                        Outcome.Ok(mapOf("groupId" to group.groupId, "source" to group.source.name.lowercase(), "fromCache" to group.fromCache))
                    }
                } catch (e: ZapiException) {
                    Outcome.Err(e)
                }
            }
            checkExpect(v["expect"].obj(), got)
            val seen = sim.requests().map(::requestKey)
            expect(seen == v["requests"]) { "requests $seen, want ${v["requests"]}" }
        }
        tally.report(minimumCases = 10)
    }

    @Test
    fun `paging vectors walk every page of a server that caps them`() {
        val tally = SuiteTally("vectors/paging")
        for (v in loadCases("vectors/paging.json")) tally.case(v["name"] as String) {
            sim.load(v["fixture"])
            val client = client()
            val size = (v["page_size"] as Long).toUInt()
            val ids = mutableListOf<String>()
            call {
                when (v["pager"]) {
                    "communities" -> client.communities(size).let { p -> while (true) ids += (p.nextPage() ?: break).map { it.id } }
                    else -> client.chats(size).let { p -> while (true) ids += (p.nextPage() ?: break).map { it.phone } }
                }
            }
            val expected = v["expect"].obj()
            expect(ids.size.toLong() == expected["count"] && ids == expected["ids"]) { "ids $ids, want ${expected["ids"]}" }
            val seen = sim.requests().map(::requestKey)
            expect(seen == v["requests"]) { "requests $seen, want ${v["requests"]}" }
        }
        tally.report(minimumCases = 5)
    }
}
