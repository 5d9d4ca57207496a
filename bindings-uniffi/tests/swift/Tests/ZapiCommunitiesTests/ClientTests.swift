import XCTest
@testable import ZapiCommunities

/// Every method, on the in-memory simulator and over HTTP to zapi-sim.
final class ClientTests: XCTestCase {
    func testCommunities() async throws {
        try await onEachBackend { h in
            let community = try await h.client.createCommunity(name: "Neighbours", description: "Street news")
            try await h.last("POST", "/communities")
            XCTAssertEqual(community.name, "Neighbours")
            XCTAssertEqual(community.description, "Street news")
            XCTAssertNotNil(community.announcementGroup)

            _ = try await h.client.createCommunity(name: "Second")
            let listed = try await h.client.listCommunities(page: 1, pageSize: 10)
            XCTAssertEqual(listed.count, 2)
            try await h.last("GET", "/communities")
            let pager = h.client.communities(pageSize: 1)
            var pages = 0
            while try await pager.nextPage() != nil { pages += 1 }
            XCTAssertEqual(pages, 2)
            var streamed = 0
            for try await _ in h.client.communities(pageSize: 1).items { streamed += 1 }
            XCTAssertEqual(streamed, 2, "the pager as an AsyncSequence: every community, one at a time")

            let a = try await h.client.createGroup(name: "Building A", phones: Array(phones[0..<2]), autoInvite: true)
            let b = try await h.client.createGroup(name: "Gardens", phones: Array(phones[1..<3]))
            try await h.client.linkGroups(communityId: community.id, groupIds: [a.id, b.id])
            try await h.last("POST", "/communities/link")
            let metadata = try await h.client.communityMetadata(communityId: community.id)
            XCTAssertEqual(Set(metadata.groups.filter { !$0.isAnnouncement }.map(\.id)), [a.id, b.id])
            try await h.client.unlinkGroups(communityId: community.id, groupIds: [a.id])
            try await h.last("POST", "/communities/unlink")

            try await h.client.updateCommunitySettings(communityId: community.id, whoCanAddNewGroups: .all)
            try await h.last("POST", "/communities/settings")
            try await h.client.updateCommunityDescription(communityId: community.id, description: "New")
            try await h.last("POST", "/update-community-description")
            try await h.client.updateCommunityPhoto(communityId: community.id, photo: "https://example.com/logo.png")
            try await h.last("POST", "/update-community-photo")

            try await h.client.deactivateCommunity(communityId: community.id)
            try await h.last("DELETE", "/communities/\(community.id)")
            XCTAssertNil(try h.client.cachedAnnouncementGroup(communityId: community.id))
        }
    }

    func testMembersAndLinks() async throws {
        try await onEachBackend { h in
            let community = try await h.client.createCommunity(name: "Neighbours")
            let group = try await h.client.createGroup(name: "Building A", phones: [phones[0]])
            try await h.client.addParticipants(target: group.id, phones: [phones[1]], autoInvite: true)
            let added = try await h.last("POST", "/add-participant")
            XCTAssertEqual(added?.body?["groupId"] as? String, group.id)
            try await h.client.addAdmins(target: group.id, phones: [phones[1]])
            try await h.last("POST", "/add-admin")
            try await h.client.removeAdmins(target: group.id, phones: [phones[1]])
            try await h.last("POST", "/remove-admin")
            try await h.client.removeParticipants(target: group.id, phones: [phones[1]])
            try await h.last("POST", "/remove-participant")

            try await h.client.addParticipants(target: community.id, phones: [phones[2]])
            let toCommunity = try await h.last("POST", "/add-participant")
            XCTAssertEqual(toCommunity?.body?["communityId"] as? String, community.id)

            let link = try await h.client.groupInvitationLink(groupId: group.id)
            let newLink = try await h.client.redefineInvitationLink(target: group.id)
            XCTAssertNotEqual(link, newLink)
            let communityLink = try await h.client.communityInvitationLink(communityId: community.id)
            XCTAssertTrue(communityLink.hasPrefix("https://chat.whatsapp.com/"))
            _ = try await h.client.redefineInvitationLink(target: community.id)
            try await h.last("POST", "/redefine-invitation-link/\(community.id)")
        }
    }

    func testGroupsAndChats() async throws {
        try await onEachBackend { h in
            let group = try await h.client.createGroup(name: "Building A", phones: Array(phones[0..<2]))
            let settings = GroupSettings(adminOnlyMessage: true, adminOnlySettings: false,
                                         requireAdminApproval: true, adminOnlyAddMember: false)
            try await h.client.updateGroupSettings(groupId: group.id, settings: settings)
            try await h.last("POST", "/update-group-settings")
            let metadata = try await h.client.groupMetadata(groupId: group.id)
            XCTAssertTrue(metadata.adminOnlyMessage)
            XCTAssertTrue(metadata.requireAdminApproval)
            let chats = try await h.client.listChats(page: 1, pageSize: 50)
            XCTAssertTrue(chats.contains { $0.phone == group.id && $0.isGroup })
            let pager = h.client.chats(pageSize: 50)
            let firstPage = try await pager.nextPage()
            XCTAssertEqual(firstPage?.count, chats.count)
        }
    }

    func testAnnouncementGroupScan() async throws {
        try await onEachBackend { h in
            let first = try await h.client.createCommunity(name: "Rua das Flores")
            let second = try await h.client.createCommunity(name: "Rua das Pedras")
            let group = try await h.client.createGroup(name: "Building A", phones: [phones[0]])
            try await h.client.linkGroups(communityId: first.id, groupIds: [group.id])

            let found = try await h.client.listAnnouncementGroups(page: 1, pageSize: 100)
            if let seen = try await h.last("GET", "/chats") {
                XCTAssertEqual(seen.query, [["page", "1"], ["pageSize", "100"]])
            }
            XCTAssertEqual(Set(found), Set([first.announcementGroup, second.announcementGroup].compactMap { $0 }))
            XCTAssertEqual(found.count, 2)
            XCTAssertFalse(found.contains(group.id), "a linked regular group is not an announcement group")
            let flagged = try await h.client.listChats(page: 1, pageSize: 100).filter(\.isGroupAnnouncement).map(\.phone)
            XCTAssertEqual(found, flagged)
            let empty = try await h.client.listAnnouncementGroups(page: 2, pageSize: 100)
            XCTAssertTrue(empty.isEmpty)

            let field = await validationField({ _ = try await h.client.listAnnouncementGroups(page: 0, pageSize: 10) })
            XCTAssertEqual(field, "page")
        }
    }

    func testParseAnnouncementGroups() throws {
        let body = Data(#"""
            [{"phone":"120363019502650977-group","isGroupAnnouncement":true},
             {"phone":"120363019502650978-group","isGroupAnnouncement":false},
             {"phone":"120363019502650979@g.us","isGroupAnnouncement":"true"}]
            """#.utf8)
        XCTAssertEqual(try parseAnnouncementGroups(body: body), ["120363019502650977-group", "120363019502650979-group"])
        XCTAssertEqual(try parseAnnouncementGroups(body: Data()), [])
        XCTAssertThrowsError(try parseAnnouncementGroups(body: Data(#"{"error":"x"}"#.utf8))) { error in
            guard case ZapiError.Api(let status, let message) = error else { return XCTFail("want Api, got \(error)") }
            XCTAssertEqual(status, 200)
            XCTAssertEqual(message, "x")
        }
        XCTAssertThrowsError(try parseAnnouncementGroups(body: Data("<html>".utf8))) { error in
            guard case ZapiError.Decode = error else { return XCTFail("want Decode, got \(error)") }
        }
    }

    func testMessagesAndResolver() async throws {
        try await onEachBackend { h in
            let community = try await h.client.createCommunity(name: "Neighbours")
            let sent = try await h.client.sendText(to: "+55 11 98888-7777", message: "Hello",
                                                   options: MessageOptions(delayMessage: 2))
            XCTAssertFalse(sent.messageId.isEmpty)
            let text = try await h.last("POST", "/send-text")
            XCTAssertEqual(text?.body?["delayMessage"] as? Int, 2)

            if case .NotAnnouncementGroup(let id, let group) = await zapiError({
                _ = try await h.client.sendText(to: community.id, message: "hi")
            }) {
                XCTAssertEqual(id, community.id)
                XCTAssertEqual(group, community.announcementGroup)
            } else {
                XCTFail("a community id must be refused")
            }

            let announced = try await h.client.announce(communityId: community.id, text: "Party!")
            XCTAssertEqual(announced.announcementGroup.source, .createResponse)
            XCTAssertTrue(announced.announcementGroup.fromCache)

            try h.client.invalidate(communityId: community.id)
            let fromMetadata = try await h.client.resolveAnnouncementGroup(communityId: community.id)
            XCTAssertEqual(fromMetadata.source, .communityMetadata)
            let fromChats = try await h.client.resolveAnnouncementGroup(communityId: community.id, source: .chatList)
            XCTAssertEqual(fromChats.groupId, community.announcementGroup)

            let remembered = try h.client.rememberAnnouncementGroup(communityId: community.id,
                                                                    groupId: "120363099999999999@g.us")
            XCTAssertEqual(remembered.groupId, "120363099999999999-group")
            XCTAssertEqual(try h.client.cachedAnnouncementGroup(communityId: community.id)?.source, .explicit)
            h.client.invalidateAll()
            XCTAssertNil(try h.client.cachedAnnouncementGroup(communityId: community.id))
        }
    }
}
