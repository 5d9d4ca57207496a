import XCTest
@testable import ZapiCommunities

// START quickstart
import ZapiCommunities

func quickstart(client: Client = Client.simulated()) async throws -> String {
    // A real instance: try Client(options: ClientOptions(instanceId: "…", token: "…", clientToken: "…"))
    let community = try await client.createCommunity(name: "Rua das Flores", description: "Street news")
    let group = try await client.resolveAnnouncementGroup(communityId: community.id)
    print("announcement group \(group.groupId), found in the \(group.source)")
    do {
        let sent = try await client.announce(communityId: community.id, text: "Street party on Saturday!")
        return "queued \(sent.message.messageId) in \(sent.announcementGroup.groupId)"
    } catch ZapiError.Api(let status, let message) {
        return "the service answered \(status): \(message)"
    }
}
// END quickstart

final class QuickstartTests: XCTestCase {
    func testQuickstart() async throws {
        let simulated = try await quickstart()
        XCTAssertTrue(simulated.hasPrefix("queued "))
        try await SimServer.shared.reset()
        let overHttp = try await quickstart(client: try SimServer.shared.client())
        XCTAssertTrue(overHttp.hasPrefix("queued "))
    }
}
