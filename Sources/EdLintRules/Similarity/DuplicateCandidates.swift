import EdLintCore
import EdLintText

/// Which blocks the duplicate detectors compare: paragraphs, list items and footnotes. Headings
/// repeat by design ("## Background" in two sections), table cells are data, and a block quote
/// that repeats the body is a pull-quote, a layout device.
enum DuplicateScope {
    static func isEligible(_ block: Block) -> Bool {
        switch block.kind {
        case .paragraph, .listItem, .footnote: true
        case .heading, .tableCell, .blockquote: false
        }
    }

    /// Blocks that open alike with at least two other blocks ("Portion Fix Containers: …",
    /// "Pro tip: …", "Available from Amazon") are a listing's repeated structure — like list items
    /// or table rows that begin alike — not a restatement.
    static func templateBlocks(in document: Document) -> Set<Int> {
        var byOpening: [String: [Int]] = [:]
        for block in document.blocks where isEligible(block) {
            let words = Tokenizer.tokens(in: block.prose.bytes, range: 0..<min(block.prose.count, 80), limit: 2).map(\.text)
            guard words.count == 2 else { continue }
            byOpening[words.joined(separator: " "), default: []].append(block.index)
        }
        return Set(byOpening.values.filter { $0.count >= 3 }.flatMap { $0 })
    }

    /// The blocks the duplicate detectors compare (worked out once per document).
    static func comparable(in document: Document) -> [Block] {
        document.derived.value("duplicate-scope.comparable") {
            let templates = templateBlocks(in: document)
            return document.blocks.filter { isEligible($0) && !templates.contains($0.index) }
        }
    }
}

/// A run of text as word 3-gram hashes ("shingles"): near-verbatim copies share most of them
/// even when a few words or punctuation marks changed.
struct Shingles {
    /// Distinct shingle hashes, sorted.
    let hashes: [UInt64]
    let wordCount: Int

    static let size = 3

    init(bytes: [UInt8], range: Range<Int>) {
        // Hash each word once (FNV-1a over its lowercased bytes), then combine the last three word
        // hashes into a shingle hash: no word strings, no token array, even for a 50 MB line.
        var hashes: [UInt64] = []
        var window: (UInt64, UInt64, UInt64) = (0, 0, 0)  // the last three word hashes, oldest first
        var count = 0
        Tokenizer.scanWords(in: bytes, range: range) { _, lowercased in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in lowercased {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            window = (window.1, window.2, hash)
            count += 1
            if count >= Self.size { hashes.append(Self.combine(window)) }
        }
        // A text shorter than a shingle is one shingle of all its words.
        if count > 0, count < Self.size {
            hashes.append(Self.combine(count == 1 ? (0, 0, window.2) : (0, window.1, window.2)))
        }
        self.hashes = sortedDistinct(hashes)
        self.wordCount = count
    }

    /// Dice overlap, 2|A∩B| / (|A|+|B|), from the number of shingles two texts share.
    static func dice(shared: Int, _ count: Int, _ otherCount: Int) -> Double {
        2 * Double(shared) / Double(max(1, count + otherCount))
    }

    /// Dice overlap of two texts, counted exactly (both lists are sorted and distinct).
    func dice(_ other: Shingles) -> Double {
        let (a, b) = (hashes, other.hashes)
        var (i, j, shared) = (0, 0, 0)
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Self.dice(shared: shared, a.count, b.count)
    }

    /// Whether a Dice overlap means the same wording throughout.
    static func isWordForWord(_ overlap: Double) -> Bool { overlap >= 0.999 }

    /// One hash for the whole (sorted) set: equal for word-for-word copies.
    var key: UInt64 {
        var hash = UInt64(hashes.count)
        for shingle in hashes { hash = (hash ^ shingle) &* 0x100_0000_01b3 }
        return hash
    }

    /// The shingles of every block the duplicate detectors may compare (eligible blocks of at
    /// least `minimumWords` words), worked out once per document: repetition.paragraph and the
    /// cross-file summary both read them.
    static func ofBlocks(in document: Document, minimumWords: Int) -> [Int: Shingles] {
        document.derived.value("block-shingles \(minimumWords)") {
            var result: [Int: Shingles] = [:]
            for block in document.blocks where DuplicateScope.isEligible(block) {
                // Counted before any hashing: a file of a million one-line notes hashes nothing.
                guard Tokenizer.wordCount(in: block.prose.bytes, limit: minimumWords) >= minimumWords else { continue }
                result[block.index] = Shingles(bytes: block.prose.bytes, range: 0..<block.prose.count)
            }
            return result
        }
    }

    /// Order-sensitive mix of three word hashes ("a b c" and "c b a" differ).
    @inline(__always)
    static func combine(_ words: (UInt64, UInt64, UInt64)) -> UInt64 {
        var hash = words.0 &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ words.1) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 32) ^ words.2) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }
}

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
        // repetition.paragraph, repetition.sentence and paraphrase.paragraph all ask; compute once.
        document.derived.value("repeated-blocks \(minimumWords) \(threshold)") {
            computePairs(in: document, minimumWords: minimumWords, threshold: threshold)
        }
    }

    private static func computePairs(in document: Document, minimumWords: Int, threshold: Double) -> [Pair] {
        let comparable = DuplicateScope.comparable(in: document)
        guard comparable.count >= 2 else { return [] }
        let byBlock = Shingles.ofBlocks(in: document, minimumWords: minimumWords)
        let shingled = comparable.compactMap { block in byBlock[block.index].map { (block: block.index, shingles: $0) } }
        var index = ShinglePostings()
        var pairs: [Pair] = []
        for (position, entry) in shingled.enumerated() {
            // Positions follow the blocks, so ties going to the lowest position go to the earliest block.
            if let best = index.bestMatch(
                for: entry.shingles.hashes, threshold: threshold, limit: Self.maximumPostings, size: { shingled[$0].shingles.hashes.count })
            {
                pairs.append(Pair(earlier: shingled[best.item].block, later: entry.block, overlap: best.overlap))
            }
            for hash in entry.shingles.hashes { index.add(hash, item: position) }
        }
        return pairs
    }
}

/// The options every near-verbatim detector takes (paragraphs, sentences, paragraphs across
/// files), each rule with its own defaults.
struct ShingleOptions: Sendable {
    let threshold: RuleOption<Double>
    let minimumWords: RuleOption<Int>

    init(threshold: Double, minimumWords: Int, unit: String) {
        self.threshold = RuleOption(
            "threshold", default: threshold, summary: "share of word 3-grams two \(unit)s must have in common (Dice overlap)", range: 0.1...1)
        self.minimumWords = RuleOption(
            "minimum_words", default: minimumWords, summary: "\(unit)s shorter than this are not compared", range: 1...10_000)
    }

    var specs: [RuleOptionSpec] { [threshold.spec, minimumWords.spec] }
}

/// Text for messages: a sentence or paragraph quoted briefly.
enum Excerpt {
    static func of(_ block: Block, range: Range<Int>? = nil, limit: Int = 60) -> String {
        TextExcerpt.quote(block.prose.bytes[(range ?? 0..<block.prose.count).clamped(to: 0..<block.prose.count)], limit: limit)
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// How closely a repeat matches, as the repetition messages put it.
    static func howRepeated(_ overlap: Double) -> String {
        Shingles.isWordForWord(overlap) ? "word for word" : "nearly word for word (\(percent(overlap)) the same wording)"
    }
}
