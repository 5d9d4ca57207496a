import XCTest
@testable import ZapiCommunities

/// The story of core/examples/tour.rs, in Swift, on both simulators.
final class TourTests: XCTestCase {
    func members(_ client: Client, _ group: String) async throws -> [String] {
        try await client.groupMetadata(groupId: group).participants.map(\.phone)
    }

    func tour(_ client: Client, say: (String) -> Void) async throws {
        say("1. Create a community")
        let community = try await client.createCommunity(name: "Rua das Flores", description: "Everything about our street")
        let announcement = try await client.resolveAnnouncementGroup(communityId: community.id)
        say("   its announcement group is \(announcement.groupId) (\(announcement.source); cached: \(announcement.fromCache))")

        say("2. Create two groups and link them")
        let building = try await client.createGroup(name: "Building A", phones: Array(phones[0..<2]), autoInvite: true)
        let gardens = try await client.createGroup(name: "Gardens", phones: Array(phones[1..<3]), autoInvite: true)
        try await client.linkGroups(communityId: community.id, groupIds: [building.id, gardens.id])

        say("3. Find the announcement group again, three ways")
        try client.invalidate(communityId: community.id)
        let fromMetadata = try await client.resolveAnnouncementGroup(communityId: community.id)
        say("   after forgetting it: \(fromMetadata.source)")
        let fromChats = try await client.resolveAnnouncementGroup(communityId: community.id, source: .chatList)
        say("   from the chat list: \(fromChats.groupId)")

        say("4. Announce to the whole community")
        let reach = try await members(client, announcement.groupId)
        let sent = try await client.announce(communityId: community.id, text: "Street party on Saturday at 6pm!",
                                             options: MessageOptions(delayTyping: 2))
        say("   message \(sent.message.messageId) reaching \(reach.count) people")
        do {
            _ = try await client.sendText(to: community.id, message: "hello?")
            say("   unexpected: sending to the community id was accepted")
        } catch ZapiError.NotAnnouncementGroup(_, let group) {
            say("   sending to the community id is refused: use \(group ?? "its announcement group")")
        }

        say("5. Promote an admin and reset the invite link")
        try await client.addAdmins(target: community.id, phones: [phones[2]])
        let oldLink = try await client.communityInvitationLink(communityId: community.id)
        let newLink = try await client.redefineInvitationLink(target: community.id)
        say("   invite link changed: \(oldLink != newLink ? "yes" : "no")")

        say("6. Unlink a group")
        try await client.unlinkGroups(communityId: community.id, groupIds: [building.id])
        let after = try await members(client, announcement.groupId)
        say("   left the announcement group: \(reach.filter { !after.contains($0) }.sorted().joined(separator: " "))")
        do {
            try await client.unlinkGroups(communityId: community.id, groupIds: [gardens.id])
        } catch ZapiError.Validation(_, let reason) {
            say("   unlinking the last group is refused: \(reason)")
        }

        say("7. Change who may add groups")
        try await client.updateCommunitySettings(communityId: community.id, whoCanAddNewGroups: .all)

        say("8. Deactivate the community")
        try await client.deactivateCommunity(communityId: community.id)
        for group in [building.id, gardens.id] {
            let meta = try await client.groupMetadata(groupId: group)
            say("   group \(meta.id) community: \(meta.communityId ?? "none")")
        }
        say("Done.")
    }

    func testTour() async throws {
        try await onEachBackend { h in
            var lines: [String] = []
            try await tour(h.client) { lines.append($0) }
            let text = lines.joined(separator: "\n")
            XCTAssertEqual(lines.last, "Done.")
            XCTAssertTrue(text.contains("after forgetting it: communityMetadata"), text)
            XCTAssertTrue(text.contains("sending to the community id is refused"), text)
            XCTAssertTrue(text.contains("invite link changed: yes"), text)
            XCTAssertTrue(text.contains("left the announcement group: \(phones[0])"), text)
            XCTAssertTrue(text.contains("unlinking the last group is refused"), text)
            XCTAssertEqual(lines.filter { $0.hasSuffix("community: none") }.count, 2, text)
        }
    }
}
