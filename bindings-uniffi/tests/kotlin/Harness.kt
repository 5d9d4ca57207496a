package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.Simulator
import io.zapi.communities.core.ClientOptions
import java.io.BufferedReader
import java.io.InputStreamReader
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlinx.coroutines.runBlocking
import org.json.JSONArray
import org.json.JSONObject

/** Phones the simulators accept as people to add (any plausible number works). */
val PHONES = listOf("5511911110001", "5511911110002", "5511911110003", "5511911110004")

/** Where a test's client sends its requests. */
enum class Backend {
    /** `Client.simulated()`: the in-memory simulator inside the library. */
    SIMULATED,

    /** `Client(ClientOptions(baseUrl = …))` over real HTTP to the `zapi-sim` server process. */
    HTTP,
}

/** A request as the simulator server logged it (the route after the token). */
data class Seen(val method: String, val path: String, val query: List<Pair<String, String>>, val body: JSONObject?, val status: Int)

/**
 * The `zapi-sim` server, started once per test JVM on a free port (its first stdout line names
 * the URL) and stopped by a shutdown hook. Tests reset it through its `/__sim/` control API.
 */
object SimServer {
    private val process: Process
    val url: String
    private val http: HttpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    init {
        val bin = System.getProperty("zapi.sim") ?: error("system property zapi.sim (the zapi-sim binary) is not set")
        process = ProcessBuilder(bin, "--port", "0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start()
        process.outputStream.close()
        val first = BufferedReader(InputStreamReader(process.inputStream)).readLine()
            ?: error("zapi-sim exited (status ${process.waitFor()}) before printing its URL")
        url = Regex("""(http://127\.0\.0\.1:\d+)""").find(first)?.value ?: error("unexpected first line: $first")
        Runtime.getRuntime().addShutdownHook(Thread {
            process.destroy()
            process.waitFor(5, TimeUnit.SECONDS)
        })
    }

    /** A config for the server's demo instance (instance SIM-INSTANCE, token sim-token). */
    fun config(
        token: String = "sim-token",
        clientToken: String? = "sim-client-token",
        timeoutMs: ULong = 10_000uL,
        maxRetries: UInt = 0u,
    ) = ClientOptions(
        instanceId = "SIM-INSTANCE",
        token = token,
        clientToken = clientToken,
        baseUrl = url,
        timeoutMs = timeoutMs,
        maxRetries = maxRetries,
    )

    fun client(maxRetries: UInt = 0u, timeoutMs: ULong = 10_000uL) = Client(config(maxRetries = maxRetries, timeoutMs = timeoutMs))

    /** Empties the state, the request log and the pending faults. */
    fun reset() = check(send("POST", "/__sim/reset").statusCode() == 200)

    /** Resets to a fixture's state (JSON, as zapi-sim/README.md describes it). */
    fun load(fixture: String) = check(send("POST", "/__sim/reset", fixture).statusCode() == 200)

    /** Queues fault rules (one JSON object or an array), as the server's README describes. */
    fun fault(json: String) {
        val response = send("POST", "/__sim/faults", json)
        check(response.statusCode() == 200) { "fault refused: ${response.body()}" }
    }

    /** Every request the server saw since the last reset, oldest first. */
    fun requests(): List<Seen> {
        val array = JSONArray(send("GET", "/__sim/requests").body())
        return (0 until array.length()).map { i ->
            val entry = array.getJSONObject(i)
            val query = entry.getJSONArray("query").let { q ->
                (0 until q.length()).map { j -> q.getJSONArray(j).getString(0) to q.getJSONArray(j).getString(1) }
            }
            val body = if (entry.isNull("body")) null else entry.getString("body").takeIf { it.startsWith("{") }?.let(::JSONObject)
            Seen(entry.getString("method"), entry.getString("path"), query, body, entry.getInt("status"))
        }
    }

    /** The server's state, as fixture JSON. */
    fun state(): JSONObject = JSONObject(send("GET", "/__sim/state").body())

    /** Someone follows an invitation link (`POST /__sim/invite-joins`): `requested`, `joined`, … */
    fun inviteJoin(link: String, phone: String): String {
        val response = send("POST", "/__sim/invite-joins", JSONObject(mapOf("link" to link, "phone" to phone)).toString())
        check(response.statusCode() == 200) { "invite-joins refused: ${response.body()}" }
        return JSONObject(response.body()).getString("result")
    }

    /** Connections the decoy host (where `redirect` faults point) accepted since the last reset. */
    fun decoyConnections(): Int = JSONObject(send("GET", "/__sim/decoy").body()).getInt("connections")

    private fun send(method: String, path: String, body: String? = null): HttpResponse<String> {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody()
        val request = HttpRequest.newBuilder(URI.create(url + path)).method(method, publisher).timeout(Duration.ofSeconds(10)).build()
        return http.send(request, HttpResponse.BodyHandlers.ofString())
    }
}

/** A fresh client on one backend, and what the server saw (HTTP only). */
class Harness(val backend: Backend) {
    private val simulator: Simulator? = if (backend == Backend.SIMULATED) Simulator() else null

    val client: Client = when (backend) {
        Backend.SIMULATED -> Client.simulated(simulator)
        Backend.HTTP -> {
            SimServer.reset()
            SimServer.client()
        }
    }

    /** Someone outside the account follows an invitation link, on either backend. */
    fun inviteJoin(link: String, phone: String): String =
        simulator?.inviteJoin(link, phone) ?: SimServer.inviteJoin(link, phone)

    /** What the server saw; always empty on the in-memory simulator. */
    fun seen(): List<Seen> = if (backend == Backend.HTTP) SimServer.requests() else emptyList()

    /** On HTTP, asserts that the last request was `method path`, and returns it. */
    fun last(method: String, path: String): Seen? = fromLast(1, method, path)

    /// The request `back` from the end (1 = the last), checked to be `method path`.
    fun fromLast(back: Int, method: String, path: String): Seen? {
        if (backend != Backend.HTTP) return null
        val seen = SimServer.requests()
        val request = seen[seen.size - back]
        assertEquals("$method $path", "${request.method} ${request.path}")
        return request
    }
}

/** Runs a suspending test body on a fresh harness (JUnit wants test methods to return Unit). */
fun on(backend: Backend, body: suspend Harness.() -> Unit) {
    runBlocking { Harness(backend).body() }
}
