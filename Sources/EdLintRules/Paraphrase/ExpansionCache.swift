/// Expanded blocks (their synonym covers worked out) kept for reuse, up to about `capacity` cover
/// entries in all: covers are the paraphrase detector's largest structure (a few kilobytes a
/// sentence), and keeping every compared block of a long document held fifty times the document
/// in memory. Two generations approximate least-recently-used eviction without bookkeeping per
/// lookup: a hit in the older one is promoted; when the newer holds half the capacity, the older
/// is dropped. An evicted block is simply expanded again — the same result, so the cache never
/// changes a finding, only how often the work is done (an article fits many times over).
struct ExpansionCache {
    /// Cover entries (term and credit, 12 bytes each) kept at most: about 24 MB.
    let capacity: Int
    private var recent: [Int: TermBlock] = [:]
    private var older: [Int: TermBlock] = [:]
    private var recentEntries = 0

    init(capacity: Int = 2_000_000) {
        self.capacity = max(2, capacity)
    }

    mutating func block(_ position: Int, orMake make: () -> TermBlock) -> TermBlock {
        if let hit = recent[position] { return hit }
        let block = older.removeValue(forKey: position) ?? make()
        let entries = block.wholeCover.terms.count + block.sentences.reduce(0) { $0 + $1.cover.terms.count }
        if recentEntries + entries > capacity / 2, !recent.isEmpty {
            older = recent
            recent = [:]
            recentEntries = 0
        }
        recent[position] = block
        recentEntries += entries
        return block
    }
}
