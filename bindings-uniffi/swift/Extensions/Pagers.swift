// Pagers as AsyncSequences: written by hand beside the generated Swift, because an
// AsyncSequence is a Swift type uniffi cannot export. build-xcframework.sh and the test
// package's run.sh copy this file next to the generated sources.

extension CommunityPager {
    /// Every community of every remaining page, one at a time: a page is asked for when the
    /// items of the one before are used up. The pager keeps its place, so iterate once. A
    /// page's error is thrown to the loop (`for try await community in pager.items`).
    public var items: AsyncThrowingStream<CommunitySummary, Error> { pagedItems(nextPage) }
}

extension ChatPager {
    /// Every chat of every remaining page, one at a time, as `CommunityPager.items` does.
    public var items: AsyncThrowingStream<Chat, Error> { pagedItems(nextPage) }
}

/// The page being handed out. The stream calls its `unfolding` closure one element at a time,
/// never concurrently, so the box is not shared between tasks.
private final class PageBuffer<Element>: @unchecked Sendable {
    var items: [Element] = []
    var next = 0
}

private func pagedItems<Element>(_ nextPage: @escaping () async throws -> [Element]?) -> AsyncThrowingStream<Element, Error> {
    let buffer = PageBuffer<Element>()
    return AsyncThrowingStream(unfolding: {
        while buffer.next >= buffer.items.count {
            guard let page = try await nextPage() else { return nil }
            buffer.items = page
            buffer.next = 0
        }
        defer { buffer.next += 1 }
        return buffer.items[buffer.next]
    })
}
