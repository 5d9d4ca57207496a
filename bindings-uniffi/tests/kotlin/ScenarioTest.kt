package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.ClientOptions
import io.zapi.communities.core.ZapiException
import java.io.File
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Test

/**
 * The shared scenario (tests/scenario/story.json) played by the Kotlin client over real HTTP
 * against a fresh zapi-sim, as zapi-sim/tests/scenario.rs plays it in Rust. The server's final
 * request log and state go to target/scenario/kotlin.json; tests/steps/90-compare.sh checks that
 * they equal every other runtime's.
 */
class ScenarioTest {
    /** Replaces `$name` strings (also inside lists and objects) with values saved by earlier steps. */
    private fun substitute(value: Any?, saved: Map<String, Any?>): Any? = when (value) {
        is String -> if (value.startsWith("$")) {
            val name = value.substring(1)
            check(saved.containsKey(name)) { "unknown $value" }
            saved[name]
        } else {
            value
        }
        is List<*> -> value.map { substitute(it, saved) }
        is Map<*, *> -> value.entries.associate { (k, v) -> k as String to substitute(v, saved) }
        else -> value
    }

    @Test
    fun `the shared story ends in the shared state`() {
        val story = Json.read(File(repoRoot, "tests/scenario/story.json")).obj()
        val steps = story["steps"].arr().map { it.obj() }
        SimProcess.start().use { sim ->
            sim.load(story["fixture"])
            // The demo instance with the client's defaults (timeout 30 s, 2 retries), as in Rust.
            val client = Client(
                ClientOptions(instanceId = "SIM-INSTANCE", token = "sim-token", clientToken = "sim-client-token", baseUrl = sim.url),
            )
            val saved = mutableMapOf<String, Any?>()
            for ((i, step) in steps.withIndex()) {
                val call = step["call"] as String
                val args = substitute(step["args"], saved).obj()
                val result = try {
                    runBlocking { withTimeout(60_000) { Dispatcher.dispatch(client, call, args) } }
                } catch (e: ZapiException) {
                    throw AssertionError("step $i $call: ${Dispatcher.describe(e)}", e)
                }
                (step["expect"] as Map<*, *>?)?.let {
                    val expect = substitute(it, saved).obj()
                    expect(result is Map<*, *> && matchesSubset(expect, result.obj())) {
                        "step $i $call: want ${Json.compact(expect)}, got ${Json.compact(result)}"
                    }
                }
                (step["save"] as Map<*, *>?)?.forEach { (name, key) ->
                    saved[name as String] = (result as? Map<*, *>)?.get(key)
                }
            }

            val log = sim.requests().map { r ->
                mapOf(
                    "method" to r["method"],
                    "path" to r["path"],
                    "query" to r["query"],
                    "body" to (r["body"] as String?)?.let(Json::parseOrString),
                )
            }
            val state = sim.state()
            // Every step but `invalidate` (client-side only) sends at least one request.
            expect(log.size >= steps.size - 1) { "${log.size} requests for ${steps.size} steps" }
            val out = File(repoRoot, "target/scenario").apply { mkdirs() }
            File(out, "kotlin.json").writeText(Json.write(mapOf("requests" to log, "state" to state)))
            println("kotlin scenario: ${steps.size} steps, ${log.size} requests, end state written to ${File(out, "kotlin.json")}")
        }
    }
}
