import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import ZapiCommunities

/// Bring your own HTTP stack: URLSession behind `HttpTransport`.
final class URLSessionTransport: HttpTransport, @unchecked Sendable {
    func send(request: OutgoingRequest) async throws -> IncomingResponse {
        var urlRequest = URLRequest(url: URL(string: request.url())!)
        urlRequest.httpMethod = request.method()
        urlRequest.timeoutInterval = Double(request.timeoutMs()) / 1000
        for header in request.headers() { urlRequest.setValue(header.value, forHTTPHeaderField: header.name) }
        urlRequest.httpBody = request.body().map { Data($0.utf8) }
        let (data, response): (Data, URLResponse) = try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: urlRequest) { data, response, error in
                if let error {
                    continuation.resume(throwing: TransportFailure.Io(detail: error.localizedDescription))
                } else {
                    continuation.resume(returning: (data ?? Data(), response!))
                }
            }.resume()
        }
        let http = response as! HTTPURLResponse
        let headers = http.allHeaderFields.map { HttpHeader(name: "\($0.key)", value: "\($0.value)") }
        return IncomingResponse(status: UInt16(http.statusCode), headers: headers, body: data)
    }
}

final class TransportTests: XCTestCase {
    func testCallsGoThroughTheAppTransport() async throws {
        try await SimServer.shared.reset()
        let client = try Client.withTransport(options: SimServer.shared.config(), transport: URLSessionTransport())
        let community = try await client.createCommunity(name: "Neighbours")
        let sent = try await client.announce(communityId: community.id, text: "Hello")
        XCTAssertEqual(sent.announcementGroup.groupId, community.announcementGroup)
        let paths = try await SimServer.shared.requests().map(\.path)
        XCTAssertEqual(paths, ["/communities", "/send-text"])
    }

    func testFailuresAreRedactedZapiErrors() async throws {
        final class Refusing: HttpTransport, @unchecked Sendable {
            func send(request: OutgoingRequest) async throws -> IncomingResponse {
                throw TransportFailure.Connect(detail: "refused: \(request.url())")
            }
        }
        let config = SimServer.shared.config(token: "canary-token-5f0c1e")
        let client = try Client.withTransport(options: config, transport: Refusing())
        guard case .Transport(let message, let sent) = await zapiError({ _ = try await client.listChats(page: 1, pageSize: 10) })
        else { return XCTFail("transport") }
        XCTAssertFalse(sent)
        XCTAssertFalse(message.contains("canary"))
    }
}
