import EdLintCore
import EdLintText

/// Pairs of blocks whose wording is near-verbatim the same, found through an index of shingles.
enum RepeatedBlocks {
    struct Pair {
        var earlier: Int
        var later: Int
        var overlap: Double
    }

    static let maximumPostings = 64

    /// For each eligible block of at least `minimumWords` words, its most similar earlier block
    /// when their overlap reaches `threshold`.
    static func pairs(in document: Document, minimumWords: Int, threshold: Double) -> [Pair] {
        // Shared through the document's analyses (the key holds the parameters it depends on).
        document.derived.value(AnalysisKey<[Pair]>("repeated-blocks", parameters: [Double(minimumWords), threshold])) {
            computePairs(in: document, minimumWords: minimumWords, threshold: threshold)
        }
    }

    private static func computePairs(in document: Document, minimumWords: Int, threshold: Double) -> [Pair] {
        let comparable = DuplicateScope.comparable(in: document)
        guard comparable.count >= 2 else { return [] }
        let byBlock = Shingles.ofBlocks(in: document, minimumWords: minimumWords)
        let shingled = comparable.compactMap { block in byBlock[block].map { (block: block, shingles: $0) } }
        var index = ShinglePostings()
        var pairs: [Pair] = []
        let siblings = DuplicateScope.siblingGroups(in: document)
        let frames = ParallelFrames.of(document)
        for (position, entry) in shingled.enumerated() {
            // Positions follow the blocks, so ties going to the lowest position go to the earliest block.
            // Sibling entries (items of one list, entries of one definition list) share a frame on
            // purpose: only a word-for-word copy among them is a repeat. Corresponding blocks of
            // parallel units (see ParallelFrames) are no repeat at all.
            if let best = index.bestMatch(
                for: entry.shingles.hashes, threshold: threshold, limit: Self.maximumPostings, size: { shingled[$0].shingles.hashes.count },
                accepts: { item, overlap in
                    (Shingles.isWordForWord(overlap) || !DuplicateScope.areSiblings(shingled[item].block, entry.block, in: siblings))
                        && !frames.areParallel(shingled[item].block, entry.block, in: document)
                })
            {
                pairs.append(Pair(earlier: shingled[best.item].block, later: entry.block, overlap: best.overlap))
            }
            for hash in entry.shingles.hashes { index.add(hash, item: position) }
        }
        return pairs
    }
}
