import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import ZapiCommunities

/// Phones the simulators accept as people to add.
let phones = ["5511911110001", "5511911110002", "5511911110003", "5511911110004"]

/// Where a test's client sends its requests.
enum Backend: CaseIterable {
    /// `Client.simulated()`: the in-memory simulator inside the library.
    case simulated
    /// `Client(options:)` over real HTTP to a `zapi-sim` process.
    case http
}

/// A request as the simulator server logged it (the route after the token).
struct Seen {
    let method: String
    let path: String
    let query: [[String]]
    let body: [String: Any]?
}

/// The `zapi-sim` server ($ZAPI_SIM), started once per test run on a free port.
final class SimServer: @unchecked Sendable {
    static let shared = SimServer()
    let url: String
    private let process = Process()

    private init() {
        guard let bin = ProcessInfo.processInfo.environment["ZAPI_SIM"] else {
            fatalError("set ZAPI_SIM to the zapi-sim binary (run.sh does)")
        }
        let out = Pipe()
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["--port", "0"]
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try! process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { fatalError("zapi-sim exited before printing its URL") }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self)
        let range = first.range(of: #"http://127\.0\.0\.1:\d+"#, options: .regularExpression)!
        url = String(first[range])
        atexit { SimServer.shared.process.terminate() }
    }

    func config(token: String = "sim-token", clientToken: String? = "sim-client-token",
                timeoutMs: UInt64 = 10_000, maxRetries: UInt32 = 0) -> ClientOptions {
        ClientOptions(instanceId: "SIM-INSTANCE", token: token, clientToken: clientToken, baseUrl: url,
                     timeoutMs: timeoutMs, maxRetries: maxRetries)
    }

    func client(timeoutMs: UInt64 = 10_000, maxRetries: UInt32 = 0) throws -> Client {
        try Client(options: config(timeoutMs: timeoutMs, maxRetries: maxRetries))
    }

    func reset() async throws { _ = try await send("POST", "/__sim/reset") }

    func fault(_ json: String) async throws {
        let (status, body) = try await send("POST", "/__sim/faults", body: json)
        XCTAssertEqual(status, 200, String(decoding: body, as: UTF8.self))
    }

    func requests() async throws -> [Seen] {
        let (_, data) = try await send("GET", "/__sim/requests")
        let entries = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        return entries.map { entry in
            let body = (entry["body"] as? String).flatMap { text in
                try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            }
            return Seen(method: entry["method"] as! String, path: entry["path"] as! String,
                        query: entry["query"] as! [[String]], body: body)
        }
    }

    private func send(_ method: String, _ path: String, body: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        return try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error { continuation.resume(throwing: error); return }
                continuation.resume(returning: ((response as! HTTPURLResponse).statusCode, data ?? Data()))
            }.resume()
        }
    }
}

/// A fresh client on one backend, and what the server saw (HTTP only).
struct Harness {
    let backend: Backend
    let client: Client

    static func on(_ backend: Backend) async throws -> Harness {
        switch backend {
        case .simulated:
            return Harness(backend: backend, client: Client.simulated())
        case .http:
            try await SimServer.shared.reset()
            return Harness(backend: backend, client: try SimServer.shared.client())
        }
    }

    /// What the server saw; always empty on the in-memory simulator.
    func seen() async throws -> [Seen] {
        backend == .http ? try await SimServer.shared.requests() : []
    }

    /// On HTTP, asserts that the last request was `method path` and returns it.
    @discardableResult
    func last(_ method: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) async throws -> Seen? {
        guard backend == .http, let last = try await SimServer.shared.requests().last else { return nil }
        XCTAssertEqual("\(last.method) \(last.path)", "\(method) \(path)", file: file, line: line)
        return last
    }
}

/// Runs `body` once per backend.
func onEachBackend(_ body: (Harness) async throws -> Void) async throws {
    for backend in Backend.allCases {
        try await body(try await Harness.on(backend))
    }
}

/// The error `body` throws, which must be a `ZapiError`.
func zapiError(_ body: () async throws -> Void, file: StaticString = #filePath, line: UInt = #line) async -> ZapiError? {
    do {
        try await body()
        XCTFail("expected a ZapiError", file: file, line: line)
    } catch let error as ZapiError {
        return error
    } catch {
        XCTFail("expected a ZapiError, got \(error)", file: file, line: line)
    }
    return nil
}

/// The field a validation error names, or nil for any other outcome.
func validationField(_ body: () async throws -> Void) async -> String? {
    if case .Validation(let field, _) = await zapiError(body) { return field }
    return nil
}
