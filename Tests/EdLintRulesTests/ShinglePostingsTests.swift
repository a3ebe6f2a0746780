@testable import EdLintRules
import Testing

/// The flat posting index behind the near-verbatim detectors.
struct ShinglePostingsTests {
    @Test func keepsEveryPostingThroughGrowthInOrder() {
        var index = ShinglePostings()
        // 5,000 keys (forcing several rehashes), key k held by items k, k+1, k+2; one key is 0.
        for key in 0..<5_000 {
            for item in key..<(key + 3) { index.add(UInt32(key) &* 0x9E37_79B9, item: item) }
        }
        for key in [0, 1, 2_500, 4_999] {
            let hash = UInt32(key) &* 0x9E37_79B9
            var earliest: [Int] = []
            index.forEachEarliestItem(holding: hash, limit: 10) { earliest.append($0) }
            #expect(earliest == [key, key + 1, key + 2])
            var limited: [Int] = []
            index.forEachEarliestItem(holding: hash, limit: 2) { limited.append($0) }
            #expect(limited == [key, key + 1])
            var all: [Int] = []
            index.forEachItem(holding: hash, limit: 3) { all.append($0) }
            #expect(all.sorted() == [key, key + 1, key + 2])
        }
        // Over the limit, `forEachItem` gives nothing (a shingle everywhere says nothing).
        var none: [Int] = []
        index.forEachItem(holding: 7 &* 0x9E37_79B9, limit: 2) { none.append($0) }
        #expect(none.isEmpty)
        var missing: [Int] = []
        index.forEachEarliestItem(holding: 123_456_789, limit: 5) { missing.append($0) }
        #expect(missing.isEmpty)
    }

    /// A slot's posting count saturates (it shares a word with the hash): a shingle held by
    /// more items than that is still skipped by `forEachItem` and still listed in full, in
    /// order, by `forEachEarliestItem`. Every bit of a hash counts: hashes that differ only in
    /// their lowest bits, and the largest hash, have slots of their own.
    @Test func countsSaturateWithoutLosingPostings() {
        var index = ShinglePostings()
        let busy: UInt32 = 0xDEAD_BEEF
        for item in 0..<300 { index.add(busy, item: item) }
        index.add(0x89AB_CD00, item: 7)
        index.add(UInt32.max, item: 8)
        var skipped: [Int] = []
        index.forEachItem(holding: busy, limit: 64) { skipped.append($0) }
        #expect(skipped.isEmpty)
        var listed: [Int] = []
        index.forEachEarliestItem(holding: busy, limit: 1_000) { listed.append($0) }
        #expect(listed == Array(0..<300))
        var alone: [Int] = []
        index.forEachItem(holding: 0x89AB_CD00, limit: 64) { alone.append($0) }
        #expect(alone == [7])
        var neighbour: [Int] = []
        index.forEachItem(holding: 0x89AB_CDFF, limit: 64) { neighbour.append($0) }
        #expect(neighbour.isEmpty)
        var largest: [Int] = []
        index.forEachItem(holding: UInt32.max, limit: 64) { largest.append($0) }
        #expect(largest == [8])
    }

    @Test func shinglesIgnoreCaseAndPossessivesButNotOrder() {
        let a = Shingles(bytes: Array("The Council's budget passed on Monday".utf8), range: 0..<38)
        let b = Shingles(bytes: Array("the council budget passed on monday".utf8), range: 0..<35)
        let c = Shingles(bytes: Array("Monday on passed budget council the".utf8), range: 0..<35)
        #expect(a.hashes == b.hashes && a.wordCount == 6)
        #expect(Set(a.hashes).isDisjoint(with: c.hashes))
        #expect(a.hashes == a.hashes.sorted() && Set(a.hashes).count == a.hashes.count)
    }
}
