package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.ClientConfig
import io.zapi.communities.core.ZapiException
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/**
 * Runs one case of tests/faults/cases.json against `sim` (mirrors sim-server/tests/client_faults.rs):
 * queues its rule, makes a client with its `timeout_ms`/`max_retries` (and the given
 * credentials, which `sim` must accept), runs the call bounded by 20 s, and returns the outcome
 * and how many requests with the call's method the server logged.
 */
object FaultRunner {
    /**
     * `max_body_bytes` has no counterpart in the Kotlin `ClientConfig` (the binding builds its
     * client with the core's default cap), so it is not passed; see the note FaultsTest prints.
     */
    const val DEFAULT_BODY_CAP = 32L * 1024 * 1024

    fun cases(): List<Map<String, Any?>> = loadCases("faults/cases.json")

    fun run(
        sim: SimProcess,
        case: Map<String, Any?>,
        instanceId: String = "SIM-INSTANCE",
        token: String = "sim-token",
        clientToken: String = "sim-client-token",
        closedUrl: String = closedPortUrl(),
    ): Pair<Outcome, Int> {
        sim.reset() // state, log and pending faults
        val closed = case["closed_port"] == true
        case["rule"]?.let(sim::fault)
        val settings = case["client"].obj()
        val client = Client(
            ClientConfig(
                instanceId = instanceId,
                token = token,
                clientToken = clientToken,
                baseUrl = if (closed) closedUrl else sim.url,
                timeoutMs = (settings["timeout_ms"] as Long).toULong(),
                maxRetries = (settings["max_retries"] as Long).toUInt(),
            ),
        )
        val outcome = try {
            runBlocking { withTimeout(20_000) { outcome(client, case["call"] as String, case["args"].obj()) } }
        } catch (e: TimeoutCancellationException) {
            throw AssertionError("the client hung (no outcome within 20 s)")
        }
        val method = if (case["call"] == "create_community") "POST" else "GET"
        Thread.sleep(50) // give a request cut by the client's timeout time to be logged
        return outcome to sim.requests().count { it["method"] == method }
    }
}

/** The shared fault suite: every fault ends in a typed error or a correct result, and no POST is sent twice. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsTest {
    private val sim = SimProcess.start()

    @AfterAll
    fun stop() = sim.close()

    @Test
    fun `every fault ends in a typed outcome and no POST is sent twice`() {
        val tally = SuiteTally("faults")
        val closed = closedPortUrl()
        val kinds = mutableSetOf<String>()
        for (case in FaultRunner.cases()) tally.case(case["name"] as String) {
            val kind = if (case["closed_port"] == true) "refused" else case["rule"].obj()["fault"].obj()["kind"] as String
            kinds += kind
            val (got, sent) = FaultRunner.run(sim, case, closedUrl = closed)
            checkExpect(case["expect"].obj(), got, okValue = false)
            expect(sent == (case["requests"] as Long).toInt()) { "the server saw $sent requests, want ${case["requests"]} ($got)" }
            val cap = case["client"].obj()["max_body_bytes"] as Long?
            if (kind == "huge" && cap != null && cap != FaultRunner.DEFAULT_BODY_CAP) {
                println(
                    "  note ${case["name"]}: ClientConfig has no maxBodyBytes, so the case's $cap-byte cap is not applied " +
                        "(the default ${FaultRunner.DEFAULT_BODY_CAP} is); outcome $got",
                )
            }
        }
        println("  fault kinds: ${kinds.size} (${kinds.sorted().joinToString(", ")})")
        tally.report(minimumCases = 20)
    }

    @Test
    fun `the default body cap refuses a body larger than it`() = runBlocking {
        // What the shared huge-body case checks with a 1 MiB cap, checked with the cap Kotlin
        // clients get (the server's `huge` fault goes up to 64 MiB).
        sim.reset()
        sim.fault(mapOf("fault" to mapOf("kind" to "huge", "bytes" to FaultRunner.DEFAULT_BODY_CAP + 1)))
        val client = Client(
            ClientConfig(
                instanceId = "SIM-INSTANCE",
                token = "sim-token",
                clientToken = "sim-client-token",
                baseUrl = sim.url,
                timeoutMs = 10_000uL,
                maxRetries = 0u,
            ),
        )
        val got = withTimeout(30_000) { outcome(client, "list_communities", mapOf("page" to 1L, "page_size" to 10L)) }
        expect(got is Outcome.Err && got.error is ZapiException.Decode && "cap" in (got.error as ZapiException.Decode).detail) {
            "want a Decode error naming the cap, got $got"
        }
        println("kotlin faults/default-cap: 1 passed ($got)")
    }
}
