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
    /// Pairs below the shingle threshold are looked at down to this overlap for the words they
    /// share in order; a quarter of the words changed, one here and one there, leaves about this
    /// share of the shingles.
    static let wordOrderCandidateOverlap = 0.25
    /// A pair is near-verbatim when its longest common word sequence is at least this share of
    /// the two blocks' words (2·LCS / (m + n)): three quarters of the words the same, in the same
    /// order. On the labelled development articles no paraphrase reaches 0.6 and most
    /// near-verbatim repeats are above 0.8. A configured shingle threshold above this share asks
    /// for closer copies than this measure can tell apart, and turns it off.
    static let nearVerbatimWordShare = 0.8
    /// Blocks longer than this many words are compared by shingles only (the sequence
    /// comparison takes time in the product of the lengths).
    static let wordOrderMaximumWords = 400
    /// Nor are blocks shorter than this compared by their words in order: in a short sentence
    /// the two or three words that differ are most of what it says, a contrast on purpose
    /// ("the ferry leaves from the north pier on weekdays" / "the bus leaves from the south gate
    /// on weekdays").
    static let wordOrderMinimumWords = 16

    /// Weak candidates compared word by word per block, at most.
    static let wordOrderComparisons = 8

    /// Whether a block of `words` words is compared by its words in order (counted before any
    /// tokenizing, so the blocks outside the range keep no word list).
    static func comparesByWords(_ words: Int) -> Bool {
        (wordOrderMinimumWords...wordOrderMaximumWords).contains(words)
    }

    /// 2·LCS / (m + n) of two word sequences (0 when either is too short or too long to compare).
    static func sameWordsInOrder(_ first: [Int], _ second: [Int]) -> Double {
        let lengths = wordOrderMinimumWords...wordOrderMaximumWords
        guard lengths.contains(first.count), lengths.contains(second.count) else { return 0 }
        var previous = [Int](repeating: 0, count: second.count + 1)
        var current = previous
        for word in first {
            for (column, other) in second.enumerated() {
                current[column + 1] = word == other ? previous[column] + 1 : max(previous[column + 1], current[column])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[second.count]) / Double(first.count + second.count)
    }

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
        let exclusions = DuplicateScope.Exclusions(document)
        var words: [Int: [Int]] = [:]
        func wordsOf(_ position: Int) -> [Int] {
            if let known = words[position] { return known }
            let text = Shingles.comparedText(of: document.blocks[shingled[position].block], in: document)
            let made = Tokenizer.tokens(in: text).map(\.text.hashValue)  // tokens are lower-cased
            words[position] = made
            return made
        }
        for (position, entry) in shingled.enumerated() {
            // Positions follow the blocks, so ties going to the lowest position go to the earliest block.
            // Sibling entries (items of one list, entries of one definition list) share a frame on
            // purpose: only a word-for-word copy among them is a repeat. Corresponding blocks of
            // parallel units (see ParallelFrames) are no repeat at all. Below the shingle
            // threshold, a pair is still near-verbatim when most of its words are the same words
            // in the same order (a word changed here and there breaks three shingles each).
            var wordShare: [Int: Double] = [:]
            // At most `wordOrderComparisons` sequence comparisons per block: a repetitive document
            // can bring hundreds of weak candidates.
            var comparisons = 0
            let comparesWords = Self.comparesByWords(entry.shingles.wordCount)
            if let best = index.bestMatch(
                for: entry.shingles.hashes, threshold: threshold > Self.nearVerbatimWordShare ? threshold : min(threshold, Self.wordOrderCandidateOverlap),
                limit: Self.maximumPostings,
                size: { shingled[$0].shingles.hashes.count },
                accepts: { item, overlap in
                    guard !exclusions.excludes(shingled[item].block, entry.block, wordForWord: Shingles.isWordForWord(overlap)) else { return false }
                    if overlap >= threshold { return true }
                    guard comparesWords, comparisons < Self.wordOrderComparisons,
                        Self.comparesByWords(shingled[item].shingles.wordCount)
                    else { return false }
                    comparisons += 1
                    let share = Self.sameWordsInOrder(wordsOf(item), wordsOf(position))
                    wordShare[item] = share
                    return share >= Self.nearVerbatimWordShare
                })
            {
                pairs.append(Pair(earlier: shingled[best.item].block, later: entry.block, overlap: max(best.overlap, wordShare[best.item] ?? 0)))
            }
            for hash in entry.shingles.hashes { index.add(hash, item: position) }
        }
        return pairs
    }
}
