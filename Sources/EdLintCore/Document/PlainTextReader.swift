/// Reads plain text: paragraphs are separated by blank lines, hard-wrapped lines join into one
/// paragraph, and a line that starts with a bullet (`-`, `*`, `•`, `1.`, `1)`) starts a list item.
/// A line `# edlint-…` holds suppression directives and is not prose.
enum PlainTextReader {
    static func read(_ source: SourceFile) -> Document {
        let bytes = source.bytes
        var blocks: [Block] = []
        var nonProse: [NonProseRegion] = []
        var prose = ProseText()
        var lineBreaks: [Int] = []
        var kind: Block.Kind = .paragraph
        var previousLineEnd = 0

        func finish() {
            prose.trimTrailingSpaces()
            if !prose.isEmpty {
                blocks.append(
                    Block(
                        kind: kind, index: blocks.count, prose: prose, lineBreaks: lineBreaks.filter { $0 < prose.count },
                        listDepth: kind == .listItem ? 1 : 0))
            }
            prose = ProseText()
            lineBreaks = []
            kind = .paragraph
        }

        for line in 0..<source.lines.count {
            let content = source.lines.contentRange(ofLine: line, in: bytes)
            var start = content.lowerBound
            var end = content.upperBound
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            if start == end {
                finish()
                continue
            }
            if isDirective(bytes, start: start, end: end) {
                finish()
                nonProse.append(NonProseRegion(kind: .directive, range: start..<end, literal: nil))
                continue
            }
            if let markerLength = bulletLength(bytes, at: start, end: end) {
                finish()
                kind = .listItem
                start += markerLength
                while start < end, isBlank(bytes[start]) { start += 1 }
            } else if !prose.isEmpty {
                lineBreaks.append(prose.count)
                prose.appendSeparator(sourceStart: previousLineEnd, sourceLength: start - previousLineEnd)
            }
            prose.append(bytes[start..<end], sourceStart: start, sourceLength: end - start)
            previousLineEnd = end
        }
        finish()
        return Document(source: source, format: .plainText, blocks: blocks, nonProse: nonProse)
    }

    /// `# edlint-disable …` and its kin on a line of their own.
    private static func isDirective(_ bytes: [UInt8], start: Int, end: Int) -> Bool {
        guard bytes[start] == 0x23 else { return false }  // #
        var index = start + 1
        while index < end, isBlank(bytes[index]) { index += 1 }
        return bytes[index..<end].starts(with: Array("edlint-".utf8))
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The length of a list marker and its following space at `index`, if the line starts with one.
    private static func bulletLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
        func spaceFollows(_ position: Int) -> Bool { position < end && isBlank(bytes[position]) }
        let byte = bytes[index]
        if byte == 0x2D || byte == 0x2A || byte == 0x2B {  // - * +
            return spaceFollows(index + 1) ? 1 : nil
        }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA2 {  // •
            return spaceFollows(index + 3) ? 3 : nil
        }
        var digitEnd = index
        while digitEnd < end, digitEnd - index < 3, bytes[digitEnd] >= 0x30, bytes[digitEnd] <= 0x39 { digitEnd += 1 }
        if digitEnd > index, digitEnd < end, bytes[digitEnd] == 0x2E || bytes[digitEnd] == 0x29, spaceFollows(digitEnd + 1) {
            return digitEnd + 1 - index
        }
        return nil
    }
}
