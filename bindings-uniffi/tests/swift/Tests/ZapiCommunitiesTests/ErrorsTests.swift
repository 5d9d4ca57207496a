import Foundation
import XCTest
@testable import ZapiCommunities

/// Every `ZapiError` case with its fields, validation before I/O, and redaction.
final class ErrorsTests: XCTestCase {
    let server = SimServer.shared

    override func setUp() async throws {
        try await server.reset()
    }

    func testEachKind() async throws {
        let client = try server.client()
        guard case .Validation(let field, let reason) = await zapiError({ _ = try await client.createCommunity(name: " ") })
        else { return XCTFail("validation") }
        XCTAssertEqual(field, "name")
        XCTAssertEqual(reason, "must not be empty")

        try await server.fault(#"{"fault":{"kind":"status","status":500,"message":"boom"},"method":"POST"}"#)
        guard case .Api(let status, let message) = await zapiError({ _ = try await client.createCommunity(name: "x") })
        else { return XCTFail("api") }
        XCTAssertEqual(status, 500)
        XCTAssertEqual(message, "boom")

        try await server.fault(#"{"fault":{"kind":"rate_limit","retryAfter":120}}"#)
        guard case .RateLimited(let retryAfter) = await zapiError({ _ = try await client.listChats(page: 1, pageSize: 10) })
        else { return XCTFail("rate limited") }
        XCTAssertEqual(retryAfter, 120_000)

        let impatient = try server.client(timeoutMs: 300)
        try await server.fault(#"{"fault":{"kind":"delay","ms":3000}}"#)
        guard case .Timeout(let timeoutMs) = await zapiError({ _ = try await impatient.listChats(page: 1, pageSize: 10) })
        else { return XCTFail("timeout") }
        XCTAssertEqual(timeoutMs, 300)

        var closed = server.config()
        closed = ClientOptions(instanceId: closed.instanceId, token: closed.token, clientToken: closed.clientToken,
                              baseUrl: "http://127.0.0.1:9", timeoutMs: 2000, maxRetries: 0)
        guard case .Transport(_, let sent) = await zapiError({ _ = try await Client(options: closed).listChats(page: 1, pageSize: 10) })
        else { return XCTFail("transport") }
        XCTAssertFalse(sent)

        try await server.fault(#"{"fault":{"kind":"malformed"}}"#)
        guard case .Decode = await zapiError({ _ = try await client.listCommunities(page: 1, pageSize: 10) })
        else { return XCTFail("decode") }

        var capped = server.config()
        capped = ClientOptions(instanceId: capped.instanceId, token: capped.token, clientToken: capped.clientToken,
                              baseUrl: capped.baseUrl, timeoutMs: capped.timeoutMs, maxRetries: capped.maxRetries,
                              maxBodyBytes: 0)
        guard case .Decode(let detail) = await zapiError({ _ = try await Client(options: capped).listCommunities(page: 1, pageSize: 10) })
        else { return XCTFail("body cap") }
        XCTAssertTrue(detail.contains("0-byte cap"), detail)
        XCTAssertNil(server.config().maxBodyBytes, "left out: the core default applies")

        let community = try await client.createCommunity(name: "Neighbours")
        client.invalidateAll()
        guard case .NotFound(_, let id) = await zapiError({
            _ = try await client.resolveAnnouncementGroup(communityId: community.id, source: .explicit)
        }) else { return XCTFail("not found") }
        XCTAssertEqual(id, community.id)
    }

    func testValidationBeforeAnyRequest() async throws {
        let client = try server.client()
        let community = "120363000000000001"
        let cases: [(String, () async throws -> Void)] = [
            ("name", { _ = try await client.createCommunity(name: "") }),
            ("page", { _ = try await client.listCommunities(page: 0, pageSize: 10) }),
            ("page", { _ = try await client.listAnnouncementGroups(page: 0, pageSize: 10) }),
            ("community_id", { _ = try await client.communityMetadata(communityId: "abc") }),
            ("group_ids[1]", { try await client.linkGroups(communityId: community, groupIds: ["12345-group", "12345-group"]) }),
            ("photo", { try await client.updateCommunityPhoto(communityId: community, photo: "logo.png") }),
            ("target", { try await client.addAdmins(target: "nope", phones: ["5511988887777"]) }),
            ("phones[0]", { _ = try await client.createGroup(name: "g", phones: ["12"], autoInvite: false) }),
            ("to", { _ = try await client.sendText(to: "", message: "hi") }),
            ("delay_typing", { _ = try await client.sendText(to: "5511988887777", message: "hi", options: MessageOptions(delayTyping: 16)) }),
            ("mentioned[0]", { _ = try await client.announce(communityId: community, text: "hi", options: MessageOptions(mentioned: ["x"])) }),
            ("group_id", { _ = try await client.groupMetadata(groupId: "bad id") }),
        ]
        for (field, call) in cases {
            let named = await validationField(call)
            XCTAssertEqual(named, field)
        }
        let seen = try await server.requests()
        XCTAssertTrue(seen.isEmpty, "no request reached the server")
    }

    func testTokensNeverShow() async throws {
        let canary = "canary-token-5f0c1e"
        let config = server.config(token: canary, clientToken: "canary-client-77ab")
        XCTAssertFalse(String(describing: config).contains("canary"))
        XCTAssertFalse(String(reflecting: config).contains("canary"))
        let client = try Client(options: config)
        XCTAssertFalse(String(reflecting: client).contains("canary"))

        let refused = await zapiError({ _ = try await client.listChats(page: 1, pageSize: 10) })
        XCTAssertFalse(String(describing: refused).contains("canary"))
        XCTAssertFalse((refused?.localizedDescription ?? "").contains("canary"))

        let nowhere = ClientOptions(instanceId: "SIM-INSTANCE", token: canary, clientToken: nil,
                                   baseUrl: "http://127.0.0.1:9", timeoutMs: 2000, maxRetries: 0)
        let transport = await zapiError({ _ = try await Client(options: nowhere).listChats(page: 1, pageSize: 10) })
        XCTAssertFalse(String(reflecting: transport).contains("canary"))
    }
}
