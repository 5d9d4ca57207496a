package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.ClientOptions
import io.zapi.communities.HttpTransport
import io.zapi.communities.IncomingResponse
import io.zapi.communities.OutgoingRequest
import io.zapi.communities.TransportFailure
import io.zapi.communities.core.AnnouncementSource
import io.zapi.communities.core.ZapiException
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/**
 * The canary run: a client whose instance token and Client-Token are canaries, driven through
 * every error path of the shared fault suite (against a zapi-sim that accepts the canaries, so
 * each fault acts as it does in FaultsTest), the error responses of the vectors, every
 * validation vector, refused credentials, resolution failures and a foreign transport that puts
 * the URL and headers in its own exceptions. Neither canary, nor a fragment of one, may appear in
 * any exception's message, toString or stack trace, or in the client's or config's toString.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanaryTest {
    private val canary = "canary-tok-9f3b7c1e5a"
    private val clientCanary = "canary-cli-2d84e6b0"

    /** Whole canaries and their distinctive parts (a shortened or partly masked leak counts too). */
    private val needles = listOf(canary, clientCanary, "9f3b7c1e", "2d84e6b0")

    private val sim = SimProcess.start("--token", canary, "--client-token", clientCanary)

    @AfterAll
    fun stop() = sim.close()

    private var checked = 0

    private fun assertClean(where: String, shown: String) {
        val leaked = needles.filter { it in shown }
        expect(leaked.isEmpty()) { "$where leaked $leaked: $shown" }
        checked++
    }

    /** Message, toString and the full stack trace (with causes and suppressed) of an error. */
    private fun assertClean(where: String, e: Throwable) {
        assertClean("$where message", e.message ?: "")
        assertClean("$where toString", e.toString())
        assertClean("$where stack trace", e.stackTraceToString())
        if (e is ZapiException) assertClean("$where fields", Dispatcher.errorJson(e).toString() + fieldsOf(e))
    }

    /** The text fields of each kind (`detail`, `reason`, …), which the message may not show in full. */
    private fun fieldsOf(e: ZapiException): String = when (e) {
        is ZapiException.Validation -> e.field + " " + e.reason
        is ZapiException.Api -> e.detail
        is ZapiException.Transport -> e.detail
        is ZapiException.Decode -> e.detail
        is ZapiException.NotFound -> e.what + " " + e.id
        is ZapiException.NotAnnouncementGroup -> e.communityId + " " + e.announcementGroup
        is ZapiException.RateLimited, is ZapiException.Timeout -> ""
    }

    private fun config(baseUrl: String = sim.url, token: String = canary, clientToken: String = clientCanary) =
        ClientOptions(instanceId = "SIM-INSTANCE", token = token, clientToken = clientToken, baseUrl = baseUrl, timeoutMs = 5_000uL, maxRetries = 0u)

    private fun <T> call(body: suspend () -> T): T = runBlocking { withTimeout(20_000) { body() } }

    @Test
    fun `the canary never shows in an error, a toString or a stack trace`() {
        val tally = SuiteTally("canary")
        var errors = 0
        fun check(where: String, got: Outcome) {
            if (got is Outcome.Err) {
                assertClean(where, got.error)
                errors++
            } else {
                assertClean(where, got.toString())
            }
        }

        tally.case("config and client toString") {
            assertClean("ClientOptions.toString", config().toString())
            assertClean("Client.toString", Client(config()).toString())
        }

        // Every case of the fault suite, with the canary client: same outcomes as FaultsTest.
        val closed = closedPortUrl()
        for (case in FaultRunner.cases()) tally.case("fault: ${case["name"]}") {
            val (got, _) = FaultRunner.run(sim, case, token = canary, clientToken = clientCanary, closedUrl = closed)
            checkExpect(case["expect"].obj(), got, okValue = false)
            check("fault ${case["name"]}", got)
        }

        // The error answers of the response vectors (api, rate_limited, decode), canned.
        for (v in loadCases("vectors/responses.json").filter { it["expect"].obj().containsKey("error") }) {
            tally.case("response: ${v["name"]}") {
                sim.reset()
                val response = v["response"].obj()
                sim.fault(
                    mapOf(
                        "fault" to mapOf("kind" to "respond", "status" to response["status"], "headers" to response["headers"], "body" to response["body"]),
                        "times" to 10L,
                    ),
                )
                val got = call { outcome(Client(config()), v["call"] as String, v["args"].obj()) }
                checkExpect(v["expect"].obj(), got)
                check("response ${v["name"]}", got)
            }
        }

        // Every validation vector: refused before any request, and clean.
        for (v in loadCases("vectors/validation.json")) tally.case("validation: ${v["name"]}") {
            val got = call { outcome(Client(config()), v["call"] as String, v["args"].obj()) }
            checkExpect(v["expect"].obj(), got)
            check("validation ${v["name"]}", got)
        }

        tally.case("refused credentials") {
            sim.reset()
            // A wrong instance token (401) and a wrong Client-Token (403), each next to the other canary.
            val wrongToken = call { outcome(Client(config(token = "$canary-x")), "list_chats", mapOf("page" to 1L, "page_size" to 10L)) }
            expect(wrongToken is Outcome.Err && wrongToken.error is ZapiException.Api) { "want an Api error, got $wrongToken" }
            check("wrong token", wrongToken)
            val wrongClient = call { outcome(Client(config(clientToken = "$clientCanary-x")), "create_community", mapOf("name" to "N")) }
            expect(wrongClient is Outcome.Err && wrongClient.error is ZapiException.Api) { "want an Api error, got $wrongClient" }
            check("wrong client token", wrongClient)
        }

        tally.case("resolution failures") {
            sim.reset()
            val client = Client(config())
            val community = "120363019502650977"
            val unknown = call { outcome(client, "resolve_announcement_group", mapOf("community_id" to community)) }
            expect(unknown is Outcome.Err) { "want an error, got $unknown" }
            check("unknown community", unknown)
            val notFound = call {
                try {
                    Outcome.Ok(client.resolveAnnouncementGroup(community, AnnouncementSource.EXPLICIT))
                } catch (e: ZapiException) {
                    Outcome.Err(e)
                }
            }
            expect(notFound is Outcome.Err && notFound.error is ZapiException.NotFound) { "want NotFound, got $notFound" }
            check("not found", notFound)
            client.rememberAnnouncementGroup(community, "120363019502650978-group")
            val refused = call { outcome(client, "send_text", mapOf("to" to community, "message" to "hi")) }
            expect(refused is Outcome.Err && refused.error is ZapiException.NotAnnouncementGroup) { "want NotAnnouncementGroup, got $refused" }
            check("not an announcement group", refused)
        }

        // An app's own HTTP stack whose failures quote the URL (the instance token is in its path)
        // and the headers (the Client-Token is one): the client must redact what it passes on.
        for (kind in listOf("connect", "io", "other")) tally.case("foreign transport: $kind") {
            val transport = object : HttpTransport {
                override suspend fun send(request: OutgoingRequest): IncomingResponse {
                    val shown = "${request.url()} ${request.headers()}"
                    throw when (kind) {
                        "connect" -> TransportFailure.Connect("cannot reach $shown")
                        "io" -> TransportFailure.Io("broken pipe on $shown")
                        else -> IllegalStateException("unexpected $shown")
                    }
                }
            }
            val got = call { outcome(Client.withTransport(config(), transport), "create_community", mapOf("name" to "N")) }
            expect(got is Outcome.Err && got.error is ZapiException.Transport) { "want a Transport error, got $got" }
            check("foreign transport $kind", got)
        }

        println("  canary: $errors errors checked, $checked texts checked")
        tally.report(minimumCases = 60)
    }
}
