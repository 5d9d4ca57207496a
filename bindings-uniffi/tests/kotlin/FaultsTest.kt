package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.ClientOptions
import io.zapi.communities.core.ZapiException
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/**
 * Runs one case of tests/faults/cases.json against `sim` (mirrors zapi-sim/tests/client_faults.rs):
 * queues its rule, makes a client with its `timeout_ms`/`max_retries`/`max_body_bytes` (and the
 * given credentials, which `sim` must accept), runs the call bounded by 20 s, and returns the
 * outcome and how many requests with the call's method the server logged.
 */
object FaultRunner {
    /** The cap a `ClientOptions` gets when `maxBodyBytes` is left out: the core's 32 MiB. */
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
        val credentials = case["credentials"]?.obj()
        val client = Client(
            ClientOptions(
                instanceId = instanceId,
                token = credentials?.get("token") as String? ?: token,
                clientToken = credentials?.get("client_token") as String? ?: clientToken,
                baseUrl = if (closed) closedUrl else sim.url,
                timeoutMs = (settings["timeout_ms"] as Long).toULong(),
                maxRetries = (settings["max_retries"] as Long).toUInt(),
                maxBodyBytes = (settings["max_body_bytes"] as Long).toULong(),
            ),
        )
        val outcome = try {
            runBlocking { withTimeout(20_000) { outcome(client, case["call"] as String, case["args"].obj()) } }
        } catch (e: TimeoutCancellationException) {
            throw AssertionError("the client hung (no outcome within 20 s)")
        }
        val method = case["method"] as String
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
            (case["decoy_connections"] as Long?)?.let { want ->
                val seen = sim.decoyConnections()
                expect(seen == want) { "the decoy host saw $seen connections, want $want ($got)" }
            }
            if (kind == "huge") {
                // `decode` alone would also pass if the body were read and failed to parse.
                val cap = case["client"].obj()["max_body_bytes"]
                expect(got is Outcome.Err && "$cap-byte cap" in got.error.toString()) { "want the case's $cap-byte cap, got $got" }
            }
        }
        println("  fault kinds: ${kinds.size} (${kinds.sorted().joinToString(", ")})")
        tally.report(minimumCases = 20)
    }

    @Test
    fun `the default body cap refuses a body larger than it`() = runBlocking {
        // The shared huge-body case sets a 1 MiB cap; this one leaves `maxBodyBytes` out and
        // checks the default cap (the server's `huge` fault goes up to 64 MiB).
        val config = ClientOptions(
            instanceId = "SIM-INSTANCE",
            token = "sim-token",
            clientToken = "sim-client-token",
            baseUrl = sim.url,
            timeoutMs = 10_000uL,
            maxRetries = 0u,
        )
        expect(config.maxBodyBytes == null) { "maxBodyBytes left out, got ${config.maxBodyBytes}" }
        val client = Client(config)
        val page = mapOf("page" to 1L, "page_size" to 10L)
        sim.reset()
        sim.fault(mapOf("fault" to mapOf("kind" to "huge", "bytes" to FaultRunner.DEFAULT_BODY_CAP + 1)))
        val over = withTimeout(30_000) { outcome(client, "list_communities", page) }
        expect(over is Outcome.Err && over.error is ZapiException.Decode && "byte cap" in (over.error as ZapiException.Decode).detail) {
            "want a Decode error naming the cap, got $over"
        }
        // Just under the default cap, the same body is read (and fails only as a non-list).
        sim.reset()
        sim.fault(mapOf("fault" to mapOf("kind" to "huge", "bytes" to FaultRunner.DEFAULT_BODY_CAP - 1024)))
        val under = withTimeout(30_000) { outcome(client, "list_communities", page) }
        expect(!(under is Outcome.Err && "byte cap" in under.error.toString())) { "a body under the cap was refused: $under" }
        println("kotlin faults/default-cap: 2 passed ($over; under the cap: $under)")
    }
}
