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
            let words = Tokenizer.tokens(in: block.prose.bytes, range: 0..<min(block.prose.count, 80)).prefix(2).map(\.text)
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
    let hashes: Set<UInt64>
    let wordCount: Int

    static let size = 3

    init(bytes: [UInt8], range: Range<Int>) {
        let words = Tokenizer.tokens(in: bytes, range: range).map { $0.text }
        wordCount = words.count
        var hashes = Set<UInt64>()
        let width = min(Self.size, words.count)
        if width > 0 {
            for start in 0...(words.count - width) {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
                for word in words[start..<(start + width)] {
                    for byte in word.utf8 {
                        hash ^= UInt64(byte)
                        hash = hash &* 0x100_0000_01b3
                    }
                    hash ^= 0x20
                    hash = hash &* 0x100_0000_01b3
                }
                hashes.insert(hash)
            }
        }
        self.hashes = hashes
    }

    /// Dice overlap: 2|A∩B| / (|A|+|B|), 1 for identical wording.
    func overlap(with other: Shingles) -> Double {
        let total = hashes.count + other.hashes.count
        guard total > 0 else { return 0 }
        let (small, large) = hashes.count <= other.hashes.count ? (hashes, other.hashes) : (other.hashes, hashes)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return 2 * Double(shared) / Double(total)
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
        var shingled: [(block: Int, shingles: Shingles)] = []
        for block in DuplicateScope.comparable(in: document) {
            let shingles = Shingles(bytes: block.prose.bytes, range: 0..<block.prose.count)
            if shingles.wordCount >= minimumWords { shingled.append((block.index, shingles)) }
        }
        var index: [UInt64: [Int]] = [:]
        var pairs: [Pair] = []
        for (position, entry) in shingled.enumerated() {
            var shared: [Int: Int] = [:]
            for hash in entry.shingles.hashes {
                // A 3-gram found in very many paragraphs says little about which pair repeats.
                guard let postings = index[hash], postings.count <= Self.maximumPostings else { continue }
                for other in postings { shared[other, default: 0] += 1 }
            }
            var best: Pair?
            for (other, count) in shared {
                let total = entry.shingles.hashes.count + shingled[other].shingles.hashes.count
                let overlap = 2 * Double(count) / Double(max(1, total))
                if overlap >= threshold, overlap > (best?.overlap ?? 0) {
                    best = Pair(earlier: shingled[other].block, later: entry.block, overlap: overlap)
                }
            }
            if let best { pairs.append(best) }
            for hash in entry.shingles.hashes { index[hash, default: []].append(position) }
        }
        return pairs
    }
}

/// Text for messages: a sentence or paragraph quoted briefly.
enum Excerpt {
    static func of(_ block: Block, range: Range<Int>? = nil, limit: Int = 60) -> String {
        TextExcerpt.quote(block.prose.bytes[(range ?? 0..<block.prose.count).clamped(to: 0..<block.prose.count)], limit: limit)
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
