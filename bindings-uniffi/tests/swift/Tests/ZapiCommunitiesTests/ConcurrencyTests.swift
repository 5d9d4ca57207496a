import Foundation
import XCTest
@testable import ZapiCommunities

/// `async` calls run concurrently on one client and can be cancelled.
final class ConcurrencyTests: XCTestCase {
    func testTwentyConcurrentCalls() async throws {
        try await onEachBackend { h in
            let client = h.client
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 1...20 {
                    group.addTask { try await client.createCommunity(name: "Community \(i)").id }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            XCTAssertEqual(ids.count, 20)
            let listed = try await client.listCommunities(page: 1, pageSize: 100)
            XCTAssertEqual(listed.count, 20)
        }
    }

    func testSlowAnswersOverlap() async throws {
        let server = SimServer.shared
        try await server.reset()
        let client = try server.client()
        try await server.fault(#"{"fault":{"kind":"delay","ms":400},"times":20,"pathPrefix":"/chats"}"#)
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 1...20 { group.addTask { _ = try await client.listChats(page: 1, pageSize: 10) } }
            try await group.waitForAll()
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 4, "one after the other would take 8 s")
    }

    func testCancelledCallLeavesClientUsable() async throws {
        let server = SimServer.shared
        try await server.reset()
        let client = try server.client()
        try await server.fault(#"{"fault":{"kind":"delay","ms":3000},"pathPrefix":"/chats"}"#)
        let slow = Task { try await client.listChats(page: 1, pageSize: 10) }
        try await Task.sleep(nanoseconds: 200_000_000)
        slow.cancel()
        _ = await slow.result
        let chats = try await client.listChats(page: 1, pageSize: 10)
        XCTAssertTrue(chats.isEmpty)
    }
}
