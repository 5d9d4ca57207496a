package io.zapi.communities.test

import java.io.BufferedReader
import java.io.File
import java.io.InputStreamReader
import java.math.BigDecimal
import java.math.BigInteger
import java.net.ServerSocket
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit
import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener

/*
 * Shared by the runners of the cross-language suites (VectorsTest, FaultsTest, ScenarioTest,
 * CanaryTest): where the repository is, JSON as plain Kotlin values, and a zapi-sim process of the
 * test's own. The dispatcher from a call name to a client method is in Dispatcher.kt.
 */

/** The repository root: `$ROOT` (the tests/steps scripts export it), else two levels above the Maven module. */
val repoRoot: File by lazy {
    val fromEnv = System.getenv("ROOT")?.takeIf { it.isNotBlank() }?.let(::File)
    val module = File(System.getProperty("basedir") ?: System.getProperty("user.dir"))
    (fromEnv ?: File(module, "../..")).canonicalFile.also {
        check(File(it, "tests/vectors").isDirectory) { "no tests/vectors under $it (set ROOT to the repository root)" }
    }
}

/**
 * JSON as plain Kotlin values, so `==` compares like serde_json's `Value`: objects are
 * `Map<String, Any?>` (order ignored), arrays `List<Any?>`, integers `Long`, other numbers
 * `Double`, plus `String`, `Boolean` and `null`.
 */
object Json {
    fun parse(text: String): Any? {
        val tokener = JSONTokener(text)
        val value = tokener.nextValue()
        check(tokener.nextClean() == 0.toChar()) { "trailing characters after JSON value" }
        return plain(value)
    }

    /** Like Rust's `serde_json::from_str(b).unwrap_or(json!(b))` on a logged body, for the scenario. */
    fun parseOrString(text: String): Any? = try {
        // org.json is lenient (bare words, single quotes); only objects and arrays are trusted to it.
        if (text.trimStart().startsWith("{") || text.trimStart().startsWith("[")) parse(text) else strictScalar(text)
    } catch (e: Exception) {
        text
    }

    private fun strictScalar(text: String): Any? = when (val t = text.trim()) {
        "null" -> null
        "true" -> true
        "false" -> false
        else -> when {
            Regex("""-?(0|[1-9]\d*)""").matches(t) -> t.toBigInteger().let { if (it.bitLength() < 64) it.toLong() else it }
            Regex("""-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?""").matches(t) -> t.toDouble()
            t.startsWith("\"") -> parse(t)
            else -> text
        }
    }

    fun plain(value: Any?): Any? = when (value) {
        null, JSONObject.NULL -> null
        is JSONObject -> value.keySet().associateWith { plain(value.opt(it)) }
        is JSONArray -> (0 until value.length()).map { plain(value.opt(it)) }
        is Int -> value.toLong()
        is Long -> value
        is Short -> value.toLong()
        is BigInteger -> if (value.bitLength() < 64) value.toLong() else value
        is BigDecimal -> value.toDouble()
        is Float -> value.toDouble()
        is String, is Boolean, is Double -> value
        else -> error("not JSON: ${value::class} $value")
    }

    fun read(file: File): Any? = parse(file.readText())

    /** One line, for messages. */
    fun compact(value: Any?): String = when (value) {
        is Map<*, *> -> value.entries.joinToString(",", "{", "}") { (k, v) -> "${JSONObject.quote(k as String)}:${compact(v)}" }
        is List<*> -> value.joinToString(",", "[", "]") { compact(it) }
        else -> write(value)
    }

    /** Serialises a plain value (pretty, two-space indent, like serde_json's `to_string_pretty`). */
    fun write(value: Any?, indent: String = ""): String = when (value) {
        null -> "null"
        is String -> JSONObject.quote(value)
        is Boolean, is Long, is Int, is BigInteger -> value.toString()
        is Double -> if (value.isFinite()) value.toString() else error("not JSON: $value")
        is Map<*, *> -> if (value.isEmpty()) "{}" else value.entries.joinToString(",\n", "{\n", "\n$indent}") { (k, v) ->
            "$indent  ${JSONObject.quote(k as String)}: ${write(v, "$indent  ")}"
        }
        is List<*> -> if (value.isEmpty()) "[]" else value.joinToString(",\n", "[\n", "\n$indent]") { "$indent  ${write(it, "$indent  ")}" }
        else -> error("not JSON: ${value::class} $value")
    }
}

@Suppress("UNCHECKED_CAST")
fun Any?.obj(): Map<String, Any?> = this as? Map<String, Any?> ?: error("not a JSON object: $this")

@Suppress("UNCHECKED_CAST")
fun Any?.arr(): List<Any?> = this as? List<Any?> ?: error("not a JSON array: $this")

/** tests/vectors/errors.json: each error kind's fields (`kinds`) and the exact-shape `cases`. */
val errorVectors: Map<String, Any?> by lazy { Json.read(File(repoRoot, "tests/vectors/errors.json")).obj() }

/** The cases of a shared suite file, e.g. `vectors/requests.json`, relative to tests/. */
fun loadCases(relative: String): List<Map<String, Any?>> = Json.read(File(repoRoot, "tests/$relative")).arr().map { it.obj() }

/** Whether every key of `expected` is in `actual` with the same value (Rust's `matches_subset`). */
fun matchesSubset(expected: Map<String, Any?>, actual: Map<String, Any?>): Boolean =
    expected.all { (k, v) -> actual.containsKey(k) && actual[k] == v }

/** A port nothing listens on: bound, then released (connection refused). */
fun closedPortUrl(): String = "http://127.0.0.1:${ServerSocket(0).use { it.localPort }}"

/**
 * A `zapi-sim` process of the test's own (so its state, ids and log start fresh), on a free
 * port, with the given extra flags (e.g. other credentials). Stopped by [close] or at JVM exit.
 */
class SimProcess private constructor(private val process: Process, val url: String) : AutoCloseable {
    private val http: HttpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
    private val hook = Thread { stop() }

    init {
        Runtime.getRuntime().addShutdownHook(hook)
    }

    companion object {
        fun start(vararg flags: String): SimProcess {
            val bin = System.getProperty("zapi.sim") ?: error("system property zapi.sim (the zapi-sim binary) is not set")
            val process = ProcessBuilder(listOf(bin, "--port", "0") + flags)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start()
            process.outputStream.close()
            val first = BufferedReader(InputStreamReader(process.inputStream)).readLine()
                ?: error("zapi-sim exited (status ${process.waitFor()}) before printing its URL")
            val url = Regex("""(http://127\.0\.0\.1:\d+)""").find(first)?.value ?: error("unexpected first line: $first")
            return SimProcess(process, url)
        }
    }

    /** State back to empty; log and pending faults cleared. */
    fun reset() = check(send("POST", "/__sim/reset").statusCode() == 200)

    /** State replaced by `fixture` (plain JSON values); log and pending faults cleared. */
    fun load(fixture: Any?) {
        val response = send("POST", "/__sim/reset", Json.write(fixture))
        check(response.statusCode() == 200) { "fixture refused: ${response.body()}" }
    }

    /** Queues one fault rule (a JSON object, as plain values) or several (a list). */
    fun fault(rule: Any?) {
        val response = send("POST", "/__sim/faults", Json.write(rule))
        check(response.statusCode() == 200) { "fault refused: ${response.body()}" }
    }

    /** The request log, oldest first, as plain JSON (seq, method, path, query, headers, body, status, …). */
    fun requests(): List<Map<String, Any?>> = Json.parse(send("GET", "/__sim/requests").body()).arr().map { it.obj() }

    /** The state snapshot as plain JSON. */
    fun state(): Any? = Json.parse(send("GET", "/__sim/state").body())

    /** Connections the decoy host (where `redirect` faults point) accepted since the last reset. */
    fun decoyConnections(): Long = Json.parse(send("GET", "/__sim/decoy").body()).obj()["connections"] as Long

    private fun send(method: String, path: String, body: String? = null): HttpResponse<String> {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        val request = HttpRequest.newBuilder(URI.create(url + path)).method(method, publisher).timeout(Duration.ofSeconds(10)).build()
        return http.send(request, HttpResponse.BodyHandlers.ofString())
    }

    private fun stop() {
        process.destroy()
        process.waitFor(5, TimeUnit.SECONDS)
    }

    override fun close() {
        stop()
        try {
            Runtime.getRuntime().removeShutdownHook(hook)
        } catch (_: IllegalStateException) {
            // already shutting down
        }
    }
}

/** `METHOD path?k=v&…` of a log entry, as Rust's support::key writes it for a request. */
fun requestKey(entry: Map<String, Any?>): String {
    val query = entry["query"].arr().joinToString("&") { pair -> pair.arr().let { "${it[0]}=${it[1]}" } }
    return "${entry["method"]} ${entry["path"]}" + if (query.isEmpty()) "" else "?$query"
}

/**
 * Pass/fail/skip counts of one shared suite, printed as one line (`kotlin <suite>: …`) and
 * failing the test with every failure listed, not just the first.
 */
class SuiteTally(private val suite: String) {
    var passed = 0
        private set
    val failures = mutableListOf<String>()
    val skipped = mutableListOf<String>()

    /** Runs one case; an AssertionError or any exception is that case's failure. */
    fun case(name: String, body: () -> Unit) {
        try {
            body()
            passed++
        } catch (e: SkipCase) {
            skipped += "$name: ${e.reason}"
        } catch (e: Throwable) {
            failures += "$name: ${e.message ?: e}"
        }
    }

    fun summary(): String = "kotlin $suite: ${passed} passed, ${failures.size} failed, ${skipped.size} skipped"

    /** Prints the summary (and every skip with its reason), then fails if any case failed. */
    fun report(minimumCases: Int) {
        println(summary())
        skipped.forEach { println("  skipped $it") }
        failures.forEach { println("  FAILED $it") }
        val total = passed + failures.size + skipped.size
        check(total >= minimumCases) { "$suite: only $total cases (at least $minimumCases expected)" }
        if (failures.isNotEmpty()) throw AssertionError("$suite: ${failures.size} failed:\n" + failures.joinToString("\n"))
    }
}

/** A case that cannot be expressed in Kotlin; counted as skipped with the reason printed. */
class SkipCase(val reason: String) : Exception(reason)

/** Fails with `message` unless `condition` (assertions that read as case checks). */
fun expect(condition: Boolean, message: () -> String) {
    if (!condition) throw AssertionError(message())
}
