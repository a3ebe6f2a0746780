/// The stretch of prose a YAML rule matches within (patterns' `^` and `$` anchor to it).
public enum RuleScope: String, Sendable, CaseIterable {
    /// Each sentence of every block.
    case sentence
    /// Each block that is not a heading (paragraphs, list items, quotes, table cells, footnotes).
    case paragraph
    /// Each heading.
    case heading
    /// Each source line's share of a block.
    case line
    /// Every block, headings included.
    case block
    /// The whole document (for `occurrence`: counts add up across blocks).
    case document
}

/// One stretch of one block's prose.
struct ScopeUnit {
    var block: Int
    var range: Range<Int>
}

extension RuleScope {
    /// The units of `document` in order, made block by block as they are read (a large
    /// document has millions of sentences; every phrase rule walks them).
    func units(of document: Document) -> some Sequence<ScopeUnit> {
        document.blocks.lazy.flatMap { block in units(of: block) }
    }

    /// The units of one block.
    func units(of block: Block) -> [ScopeUnit] {
        switch self {
        case .sentence:
            return block.sentences.map { ScopeUnit(block: block.index, range: $0) }
        case .paragraph:
            return block.kind != .heading ? [ScopeUnit(block: block.index, range: 0..<block.prose.count)] : []
        case .heading:
            return block.kind == .heading ? [ScopeUnit(block: block.index, range: 0..<block.prose.count)] : []
        case .block, .document:
            return [ScopeUnit(block: block.index, range: 0..<block.prose.count)]
        case .line:
            var units: [ScopeUnit] = []
            var start = 0
            for lineBreak in block.lineBreaks where lineBreak > start {
                units.append(ScopeUnit(block: block.index, range: start..<lineBreak))
                start = lineBreak + 1
            }
            if start < block.prose.count { units.append(ScopeUnit(block: block.index, range: start..<block.prose.count)) }
            return units
        }
    }
}

/// Where matches are not reported (`skip:`).
public enum SkipRegion: String, Sendable, CaseIterable {
    /// Inside “double” or "straight" quotation marks: a quoted speaker owns their words.
    case quotes
    /// Inside a link's text.
    case links
    /// Overlapping inline code.
    case code
}

/// Finds quoted stretches of prose: “…”, "…" and ‘…’ (straight single quotes double as apostrophes,
/// so they do not count).
public enum QuoteFinder {
    public static func quotedRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var curlyOpen: Int?
        var singleOpen: Int?
        var straightOpen: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                if let open = straightOpen {
                    ranges.append(open..<index + 1)
                    straightOpen = nil
                } else {
                    straightOpen = index
                }
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                switch bytes[index + 2] {
                case 0x9C: curlyOpen = index
                case 0x9D:
                    if let open = curlyOpen {
                        ranges.append(open..<index + 3)
                        curlyOpen = nil
                    }
                case 0x98: singleOpen = index
                case 0x99:
                    // ’ is also an apostrophe: it closes a quote only after a non-letter or at a word end.
                    if let open = singleOpen, index + 3 >= bytes.count || !isLetter(bytes[index + 3]) {
                        ranges.append(open..<index + 3)
                        singleOpen = nil
                    }
                default: break
                }
            }
            index += 1
        }
        // An unclosed quote runs to the end of the block (quotes may span sentences).
        if let open = curlyOpen ?? straightOpen { ranges.append(open..<bytes.count) }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}
