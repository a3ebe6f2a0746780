import EdLintCore
import EdLintText

/// A run of text as word 3-gram hashes ("shingles"): near-verbatim copies share most of them
/// even when a few words or punctuation marks changed.
struct Shingles {
    /// Distinct shingle hashes, sorted. 32 bits: shingles are kept for every comparable block of
    /// a document (1.3 bytes of memory per byte of prose at 64 bits); two blocks of a hundred
    /// shingles share a hash by accident about once in 400,000 pairs, and every overlap is
    /// measured on these lists, so a collision can add at most one shingle to one pair's count.
    let hashes: [UInt32]
    let wordCount: Int

    static let size = 3

    init(bytes: [UInt8], range: Range<Int>) {
        // Hash each word once (FNV-1a over its lowercased bytes), then combine the last three word
        // hashes into a shingle hash: no word strings, no token array, even for a 50 MB line.
        var hashes: [UInt32] = []
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
            if count >= Self.size { hashes.append(Self.folded(Self.combine(window))) }
        }
        // A text shorter than a shingle is one shingle of all its words.
        if count > 0, count < Self.size {
            hashes.append(Self.folded(Self.combine(count == 1 ? (0, 0, window.2) : (0, window.1, window.2))))
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
        for shingle in hashes { hash = (hash ^ UInt64(shingle)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The shingles of every block the duplicate detectors may compare (eligible blocks of at
    /// least `minimumWords` words). Not kept with the document: repetition.paragraph needs them
    /// only while it finds its pairs (which are kept), and the cross-file summary makes them again
    /// after the rules have run — holding them through the run cost 0.7 bytes per byte of prose,
    /// at the moment every other detector's structures are alive too.
    static func ofBlocks(in document: Document, minimumWords: Int) -> [Int: Shingles] {
        var result: [Int: Shingles] = [:]
        for block in document.blocks where DuplicateScope.isEligible(block) {
            // Counted before any hashing: a file of a million one-line notes hashes nothing.
            guard Tokenizer.wordCount(in: block.prose.bytes, limit: minimumWords) >= minimumWords else { continue }
            let text = comparedText(of: block, in: document)
            // Without its template tags a block may be too short to compare (an image shortcode).
            guard Tokenizer.wordCount(in: text, limit: minimumWords) >= minimumWords else { continue }
            result[block.index] = Shingles(bytes: text, range: 0..<text.count)
        }
        return result
    }

    /// A block's prose as the near-verbatim detectors compare it: each inline code span, one
    /// placeholder in the prose, becomes its own text again, so that two paragraphs that differ
    /// only in their code (`Fit` resizes … / `Crop` resizes …) differ.
    /// Template tags in the prose (not in code) are left out (see `TemplateTags`).
    static func comparedText(of block: Block, in document: Document) -> [UInt8] {
        comparedText(
            of: block, range: 0..<block.prose.count, tags: TemplateTags.ranges(in: block.prose.bytes), codes: CodeSpans.of(block),
            in: document)
    }

    /// Part of a block's prose (a sentence) as the near-verbatim detectors compare it; `tags` are
    /// the block's template tags (`TemplateTags.ranges`), `codes` its code spans
    /// (`CodeSpans.of`). Code spans wholly inside the range count by their text.
    static func comparedText(
        of block: Block, range: Range<Int>, tags: [Range<Int>], codes: [InlineSpan], in document: Document
    ) -> [UInt8] {
        let range = range.clamped(to: 0..<block.prose.count)
        let codes = CodeSpans.inside(range, of: codes)
        guard !codes.isEmpty else { return TemplateTags.removing(tags, from: block.prose.bytes[range]) }
        var text: [UInt8] = []
        text.reserveCapacity(range.count + codes.reduce(0) { $0 + $1.sourceRange.count })
        var position = range.lowerBound
        for code in codes where code.proseRange.lowerBound >= position {
            text += TemplateTags.removing(tags, from: block.prose.bytes[position..<code.proseRange.lowerBound])
            text.append(0x20)
            text += CodeSpans.text(of: code, in: document.source)
            text.append(0x20)
            position = code.proseRange.upperBound
        }
        text += TemplateTags.removing(tags, from: block.prose.bytes[position..<range.upperBound])
        return text
    }

    /// A 64-bit shingle hash folded to the 32 bits kept (both halves mixed in).
    @inline(__always)
    static func folded(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) }

    /// Order-sensitive mix of three word hashes ("a b c" and "c b a" differ).
    @inline(__always)
    static func combine(_ words: (UInt64, UInt64, UInt64)) -> UInt64 {
        var hash = words.0 &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ words.1) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 32) ^ words.2) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }
}
