import Algorithms
import EdLintCore
import EdLintText

/// Template and shortcode tags in a block's text — Hugo's `{{< … >}}` and `{{% … %}}`, Go's
/// `{{ … }}`, Liquid's and Jinja's `{% … %}` — and what a paired shortcode encloses
/// (`{{< code-toggle >}} … {{< /code-toggle >}}`). They are a page's machinery, not its prose:
/// the duplicate detectors leave them out, so an `include` or an image shortcode in many files
/// is not a repeated paragraph.
enum TemplateTags {
    /// One tag: its byte range, and for a shortcode that may pair, its name and whether it
    /// closes (`{{< /name >}}`).
    struct Tag {
        var range: Range<Int>
        var name: Substring?
        var closes: Bool
        /// `{{< … >}}`, whose body Hugo passes on as it is (a `{{% … %}}` body is Markdown).
        var raw: Bool
    }

    /// The tags' byte ranges in `bytes`, in order, not overlapping.
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        let tags = tags(in: bytes)
        guard !tags.isEmpty else { return [] }
        // A paired shortcode takes what it encloses.
        var ranges = tags.map(\.range)
        var open: [(name: Substring, start: Int)] = []
        for tag in tags {
            guard let name = tag.name else { continue }
            if !tag.closes {
                open.append((name, tag.range.lowerBound))
            } else if let match = open.lastIndex(where: { $0.name == name }) {
                ranges.append(open[match].start..<tag.range.upperBound)
                open.removeSubrange(match...)
            }
        }
        return merged(ranges)
    }

    /// Blocks inside a paired `{{< … >}}` shortcode that spans several blocks
    /// (`{{< code-toggle >}}`, a blank line, configuration, `{{< /code-toggle >}}`): from the
    /// block that opens it to the one that closes it, those that do not read as prose (no
    /// sentence ends in them) hold the shortcode's raw body. A shortcode that wraps prose (a
    /// note, a tab) keeps its sentences compared. An opener that is never closed (many
    /// shortcodes take no closing tag) encloses nothing; a `{{% … %}}` body is Markdown, prose
    /// like any other.
    static func enclosedBlocks(in document: Document) -> Set<Int> {
        document.derived.value(AnalysisKey<Set<Int>>("template-tags.enclosed")) {
            var open: [(name: Substring, block: Int)] = []
            var enclosed = Set<Int>()
            for block in document.blocks where block.prose.bytes.contains(UInt8(ascii: "{")) {
                for tag in tags(in: block.prose.bytes) where tag.raw {
                    guard let name = tag.name else { continue }
                    if !tag.closes {
                        open.append((name, block.index))
                    } else if let match = open.lastIndex(where: { $0.name == name }) {
                        let opener = open[match].block
                        if opener != block.index {
                            enclosed.formUnion((opener...block.index).filter { !readsAsProse(document.blocks[$0]) })
                        }
                        open.removeSubrange(match...)
                    }
                }
            }
            return enclosed
        }
    }

    /// Whether a block, its tags left out, ends a sentence somewhere (one of its sentences, as
    /// the segmenter cuts them, closes with a terminator).
    static func readsAsProse(_ block: Block) -> Bool {
        let bytes = removing(ranges(in: block.prose.bytes), from: block.prose.bytes[...])
        return SentenceSegmenter.sentences(in: bytes).contains { SentenceSegmenter.endsWithTerminator(bytes[$0]) }
    }

    /// The tags in `bytes`, in order.
    static func tags(in bytes: [UInt8]) -> [Tag] {
        guard bytes.count >= 4, bytes.contains(UInt8(ascii: "{")) else { return [] }
        var tags: [Tag] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%") else {
                index += 1
                continue
            }
            let close: [UInt8]
            var shortcode = false
            if bytes[index + 1] == UInt8(ascii: "%") {
                close = Array("%}".utf8)
            } else if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "<") {
                close = Array(">}}".utf8)
                shortcode = true
            } else if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "%") {
                close = Array("%}}".utf8)
                shortcode = true
            } else {
                close = Array("}}".utf8)
            }
            // After the whole opener: `{{%}}` is no tag, and its name is what lies between.
            let opener = shortcode ? 3 : 2
            guard let end = find(close, in: bytes, from: index + opener) else {
                index += 2
                continue
            }
            var name: Substring?
            var closes = false
            if shortcode {
                let inner = String(decoding: bytes[(index + 3)..<end], as: UTF8.self).drop { $0 == " " || $0 == "\t" || $0 == "\n" }
                closes = inner.hasPrefix("/")
                let word = inner.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }
                let selfClosing = end > index + 3 && bytes[end - 1] == UInt8(ascii: "/")  // `{{< name />}}`
                name = word.isEmpty || (selfClosing && !closes) ? nil : word
            }
            tags.append(Tag(range: index..<(end + close.count), name: name, closes: closes, raw: shortcode && close.first == UInt8(ascii: ">")))
            index = end + close.count
        }
        return tags
    }

    /// `bytes` without its tags (each replaced by a space). `ranges` are sorted and do not
    /// overlap (as `ranges(in:)` gives them): only those reaching into `bytes` are visited, found
    /// by binary search, so cutting a block into many slices costs no pass over all its tags.
    static func removing(_ ranges: [Range<Int>], from bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard !ranges.isEmpty else { return Array(bytes) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = bytes.startIndex
        let first = ranges.partitioningIndex { $0.upperBound > bytes.startIndex }
        for range in ranges[first...].prefix(while: { $0.lowerBound < bytes.endIndex }) where range.upperBound > bytes.startIndex {
            let start = max(range.lowerBound, bytes.startIndex)
            if start > position { result += bytes[position..<start] }
            result.append(0x20)
            position = max(position, min(range.upperBound, bytes.endIndex))
        }
        if position < bytes.endIndex { result += bytes[position...] }
        return result
    }

    /// Whether a block is nothing but tags (and spaces or punctuation between them).
    static func isOnlyTags(_ block: Block) -> Bool {
        let tags = ranges(in: block.prose.bytes)
        guard !tags.isEmpty else { return false }
        let rest = removing(tags, from: block.prose.bytes[...])
        return Tokenizer.wordCount(in: rest, limit: 1) == 0
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start + needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
