import CCMarkGFM
import Foundation

/// Reads Markdown with cmark-gfm (tables, strikethrough, autolinks, footnotes) and maps every
/// inline text node back to exact source bytes.
///
/// cmark reports 1-based line and byte-column positions. For inline text it sometimes assumes a
/// container prefix that a lazy continuation line does not have, so each text node is aligned
/// against the source before it is trusted (see `TextAligner`).
enum MarkdownReader {
    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// nil when cmark cannot parse (it could not allocate): the file was not read, and must be
    /// reported so, never as a document with nothing in it.
    static func read(_ source: SourceFile, chunkBytes: Int = defaultChunkBytes) -> Document? {
        let bytes = source.bytes
        var nonProse: [NonProseRegion] = []

        // cmark sees the bytes after the BOM, with front matter blanked (same length, same line
        // breaks) so that its line numbers and byte columns stay ours.
        var parserInput = Array(bytes[source.bomLength...])
        if let frontMatter = FrontMatter.range(in: bytes, lines: source.lines) {
            nonProse.append(NonProseRegion(kind: .frontMatter, range: frontMatter, literal: nil))
            for index in frontMatter where bytes[index] != 0x0A && bytes[index] != 0x0D {
                parserInput[index - source.bomLength] = 0x20
            }
        }

        // A large file is parsed in pieces cut where no Markdown construct can span the cut, so
        // that cmark's tree (several times the size of its text) never exists for all of it at
        // once. The walker adds each piece's first line to cmark's line numbers; the file's link
        // reference definitions (which make no node) go before every piece.
        cmark_gfm_core_extensions_ensure_registered()
        var walker = Walker(source: source)
        walker.nonProse = nonProse
        let (starts, definitions) = chunks(parserInput, lines: source.lines, bomLength: source.bomLength, chunkBytes: chunkBytes)
        func offset(ofLine line: Int) -> Int {
            line < source.lines.count ? source.lines.start(ofLine: line) - source.bomLength : parserInput.count
        }
        var position = 0
        while position < starts.count {
            var end = position + 1
            while true {
                let piece = parserInput[offset(ofLine: starts[position])..<(end < starts.count ? offset(ofLine: starts[end]) : parserInput.count)]
                guard let root = parse(piece, after: starts.count > 1 ? definitions.text : []) else { return nil }
                // A cut right after a fenced code or HTML block may lie inside it: the scanner
                // cannot see every way cmark keeps one open (a fence closed by the end of its list
                // item, a fence marker inside an HTML block). Take the next piece along instead.
                if end < starts.count, Self.endsWithCodeOrHTML(root) {
                    cmark_node_free(root)
                    end += 1
                    continue
                }
                walker.lineOffset = starts[position] - (starts.count > 1 ? definitions.lines : 0)
                walker.walk(root)
                cmark_node_free(root)
                break
            }
            position = end
        }
        return Document(source: source, format: .markdown, blocks: walker.blocks, nonProse: walker.nonProse)
    }

    /// Serialises `cmark_parser_finish` across threads (see `parse`).
    private static let inlineParsing = NSLock()

    /// Above this many bytes a file is parsed in pieces of about this size.
    static let defaultChunkBytes = 4 << 20

    /// Parses one piece after `definitions` (lines that make no node), returning cmark's tree
    /// for the caller to walk and free.
    private static func parse(_ piece: ArraySlice<UInt8>, after definitions: [UInt8]) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        for bytes in [ArraySlice(definitions), piece] where !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
        }
        // cmark-gfm parses inlines with a process-wide table of special characters, which each
        // parser's extensions add to and remove from as it finishes (cmark-gfm#221): two
        // parsers finishing at once lose each other's autolinks and strikethrough. One at a time.
        inlineParsing.lock()
        let root = cmark_parser_finish(parser)
        inlineParsing.unlock()
        return root
    }

    /// Whether the tree's last top-level block is code or HTML (which may still be open).
    private static func endsWithCodeOrHTML(_ root: OpaquePointer) -> Bool {
        guard let last = cmark_node_last_child(root) else { return false }
        let type = cmark_node_get_type(last)
        return type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK
    }

    /// Whether `text` parsed alone makes no node: every line of it a link reference definition.
    private static func makesNoNode(_ text: [UInt8]) -> Bool {
        guard let root = parse(ArraySlice(text), after: []) else { return false }
        defer { cmark_node_free(root) }
        return cmark_node_first_child(root) == nil
    }

    /// The first line of each piece (the first is 0): a new piece starts at a line that begins
    /// at its first column with text that can only open a new paragraph or heading, after an
    /// empty line, outside any fenced code or HTML block that runs over empty lines (comments,
    /// `<pre>`, `<script>`…). Small files are one piece.
    static func chunkStarts(_ input: [UInt8], lines: LineIndex, bomLength: Int, chunkBytes: Int) -> [Int] {
        chunks(input, lines: lines, bomLength: bomLength, chunkBytes: chunkBytes).starts
    }

    /// The pieces' first lines, and the file's link reference definitions (the first of each
    /// label), one per line, to go with every piece (a definition anywhere applies everywhere).
    /// Definitions are carried only in the plain form: one line, at the start of a paragraph,
    /// with a destination; a file with any other (a footnote, a title or destination on the
    /// next line) is one piece.
    static func chunks(
        _ input: [UInt8], lines: LineIndex, bomLength: Int, chunkBytes: Int
    ) -> (starts: [Int], definitions: (text: [UInt8], lines: Int)) {
        let whole = ([0], (text: [UInt8](), lines: 0))
        guard input.count > chunkBytes, lines.count > 1 else { return whole }
        var definitions: [UInt8] = []
        var labels: Set<String> = []
        var previousWasDefinition = false
        var starts = [0]
        var nextCut = chunkBytes
        var fence: (byte: UInt8, length: Int)?
        var htmlEnd: [UInt8]?
        var previousBlank = false
        for line in 0..<lines.count {
            let from = lines.start(ofLine: line) - bomLength
            var to = line + 1 < lines.count ? lines.start(ofLine: line + 1) - bomLength : input.count
            while to > from, input[to - 1] == 0x0A || input[to - 1] == 0x0D { to -= 1 }
            let text = input[from..<to]
            var indent = 0
            while indent < text.count, text[text.startIndex + indent] == 0x20 { indent += 1 }
            let body = text.dropFirst(indent)
            let blank = body.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            let isDefinition = fence == nil && htmlEnd == nil && indent <= 3 && body.first == UInt8(ascii: "[")
                && body.firstIndex(of: UInt8(ascii: "]")).map { close in close + 1 < body.endIndex && body[close + 1] == UInt8(ascii: ":") } == true
            if previousWasDefinition, !blank, !isDefinition { return whole }  // it may continue the definition
            // Anything else that might define a label (in a list or quote, with an escaped
            // bracket, over two lines) would not reach the other pieces.
            if !isDefinition, fence == nil, htmlEnd == nil, Self.mightDefineALabel(text) { return whole }
            if isDefinition, let close = body.firstIndex(of: UInt8(ascii: "]")) {
                let label = String(decoding: body[(body.startIndex + 1)..<close], as: UTF8.self)
                let destination = body[(close + 2)...].drop { $0 == 0x20 || $0 == 0x09 }
                let key = label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard previousBlank || previousWasDefinition || line == 0, !label.hasPrefix("^"), !label.contains("["), !destination.isEmpty
                else { return whole }
                if labels.insert(key).inserted { definitions += text + [0x0A] }
            }
            previousWasDefinition = isDefinition
            if let open = fence {
                if indent <= 3, let run = Self.fenceRun(body), run.byte == open.byte, run.length >= open.length,
                    body.dropFirst(run.length).allSatisfy({ $0 == 0x20 || $0 == 0x09 })
                {
                    fence = nil
                }
            } else if let end = htmlEnd {
                if Self.contains(text, end) { htmlEnd = nil }
            } else {
                if from >= nextCut, previousBlank, indent == 0, let first = body.first, Self.opensOnlyAParagraph(first) {
                    starts.append(line)
                    nextCut = from + chunkBytes
                }
                if indent <= 3, let run = Self.fenceRun(body), run.length >= 3,
                    run.byte == UInt8(ascii: "~") || !body.dropFirst(run.length).contains(UInt8(ascii: "`"))
                {
                    fence = run
                } else if indent <= 3, let end = Self.htmlBlockEnd(body), !Self.contains(body.dropFirst(2), end) {
                    htmlEnd = end
                }
            }
            previousBlank = blank
        }
        guard starts.count > 1 else { return whole }
        // Carried only if cmark takes every line for a definition ("[Update]: The company said"
        // is a paragraph), and followed by an empty line so that none runs into the piece.
        if !definitions.isEmpty {
            guard makesNoNode(definitions) else { return whole }
            definitions.append(0x0A)
        }
        return (starts, (definitions, labels.isEmpty ? 0 : labels.count + 1))
    }

    /// A line whose first byte is a letter, a digit-free punctuation mark that opens no block,
    /// or any non-ASCII byte: nothing but a paragraph (or an ATX heading, `#`) starts with it.
    private static func opensOnlyAParagraph(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) { return true }
        return byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "'")
    }

    /// A line that is not a plain top-level definition but may be part of one: `[label]:` after
    /// any quote and list markers, or `]:` with no `[` before it (a label begun on a line above).
    private static func mightDefineALabel(_ line: ArraySlice<UInt8>) -> Bool {
        guard let colon = (line.indices.dropLast()).first(where: { line[$0] == UInt8(ascii: "]") && line[$0 + 1] == UInt8(ascii: ":") }) else {
            return false
        }
        if !line[line.startIndex..<colon].contains(UInt8(ascii: "[")) { return true }
        var rest = line[...]
        while true {
            let before = rest.count
            rest = rest.drop { $0 == 0x20 || $0 == 0x09 }
            if rest.first == UInt8(ascii: ">") {
                rest = rest.dropFirst()
            } else if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"),
                rest.dropFirst().first == 0x20 || rest.dropFirst().first == 0x09
            {
                rest = rest.dropFirst()
            } else {
                let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
                let after = rest.dropFirst(digits.count)
                if !digits.isEmpty, after.first == UInt8(ascii: ".") || after.first == UInt8(ascii: ")"),
                    after.dropFirst().first == 0x20 || after.dropFirst().first == 0x09
                {
                    rest = after.dropFirst()
                }
            }
            if rest.count == before { break }
        }
        // `[label]:` — the first unescaped `]` closes the label.
        guard rest.first == UInt8(ascii: "[") else { return false }
        var index = rest.index(after: rest.startIndex)
        while index < rest.endIndex {
            if rest[index] == UInt8(ascii: "\\") {
                index = rest.index(index, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex
                continue
            }
            if rest[index] == UInt8(ascii: "]") { return index + 1 < rest.endIndex && rest[index + 1] == UInt8(ascii: ":") }
            index += 1
        }
        return false
    }

    /// The run of ` or ~ a line opens with.
    private static func fenceRun(_ body: ArraySlice<UInt8>) -> (byte: UInt8, length: Int)? {
        guard let first = body.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = body.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    /// The end marker of an HTML block of CommonMark's types 1 to 5 (which run over empty lines)
    /// that `body` opens, if it opens one.
    private static func htmlBlockEnd(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        guard body.first == UInt8(ascii: "<") else { return nil }
        let lower = body.prefix(12).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        func starts(_ text: String) -> Bool { lower.starts(with: Array(text.utf8)) }
        for tag in ["script", "pre", "style", "textarea"] where starts("<" + tag) {
            let next = lower.count > tag.count + 1 ? lower[tag.count + 1] : 0x20
            if next == 0x20 || next == 0x09 || next == UInt8(ascii: ">") { return Array("</\(tag)>".utf8) }
        }
        if starts("<!--") { return Array("-->".utf8) }
        if starts("<?") { return Array("?>".utf8) }
        if starts("<![cdata[") { return Array("]]>".utf8) }
        if starts("<!"), lower.count > 2, (lower[2] >= UInt8(ascii: "a") && lower[2] <= UInt8(ascii: "z")) { return Array(">".utf8) }
        return nil
    }

    /// Whether `text` holds `marker`, ASCII letters compared without case.
    private static func contains(_ text: ArraySlice<UInt8>, _ marker: [UInt8]) -> Bool {
        guard text.count >= marker.count else { return false }
        let lowered = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return lowered.indices.contains { start in start + marker.count <= lowered.count && lowered[start..<(start + marker.count)].elementsEqual(marker) }
    }

    /// One pass over cmark's tree with an explicit iterator (no recursion: nesting depth is the
    /// input's to choose).
    private struct Walker {
        let source: SourceFile
        var blocks: [Block] = []
        var nonProse: [NonProseRegion] = []
        /// Added to cmark's line numbers: the piece being walked starts this many lines into the file.
        var lineOffset = 0

        private var quoteDepth = 0
        private var listDepth = 0
        private var footnoteDepth = 0
        private var containers: [Block.Kind] = []

        // The leaf block being read.
        private var current: ProseText?
        private var currentKind: Block.Kind = .paragraph
        private var headingLevel = 0
        private var lineBreaks: [Int] = []
        private var spans: [InlineSpan] = []
        private var openLinks: [(proseStart: Int, sourceStart: Int, destination: String)] = []
        private var imageDepth = 0
        private var cursor = 0  // source offset just past the last inline read

        init(source: SourceFile) { self.source = source }

        mutating func walk(_ root: OpaquePointer) {
            guard let iterator = cmark_iter_new(root) else { return }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                if event == CMARK_EVENT_ENTER { enter(node) } else if event == CMARK_EVENT_EXIT { exit(node) }
            }
        }

        private func typeName(_ node: OpaquePointer) -> String {
            guard let name = cmark_node_get_type_string(node) else { return "" }
            return String(cString: name)
        }

        /// A node's first line, 1-based, in the file (not the piece).
        private func startLine(_ node: OpaquePointer) -> Int32 { cmark_node_get_start_line(node) + Int32(truncatingIfNeeded: lineOffset) }

        private func offset(line: Int32, column: Int32) -> Int {
            let lineIndex = Int(line) - 1
            guard lineIndex >= 0, lineIndex < source.lines.count else { return source.bytes.count }
            let content = source.lines.contentRange(ofLine: lineIndex, in: source.bytes)
            return min(content.lowerBound + max(0, Int(column) - 1), content.upperBound)
        }

        private func nodeRange(_ node: OpaquePointer) -> ByteRange {
            let start = offset(line: startLine(node), column: cmark_node_get_start_column(node))
            let endLine = Int(cmark_node_get_end_line(node)) + lineOffset - 1
            guard endLine >= 0, endLine < source.lines.count else { return start..<source.bytes.count }
            let endLineContent = source.lines.contentRange(ofLine: endLine, in: source.bytes)
            let endColumn = Int(cmark_node_get_end_column(node))
            // cmark's end column is inclusive.
            let end = endColumn <= 0 ? endLineContent.upperBound : min(endLineContent.lowerBound + endColumn, endLineContent.upperBound)
            return start..<max(start, end)
        }

        /// cmark reports an HTML block that a blank line closes as ending before it starts
        /// (3:1-2:0); its extent is its literal's lines, counted from its first line.
        private func htmlBlockRange(_ node: OpaquePointer, literal: String?) -> ByteRange {
            let reported = nodeRange(node)
            let firstLine = Int(startLine(node)) - 1
            guard firstLine >= 0, firstLine < source.lines.count else { return reported }
            var lineCount = (literal ?? "").split(separator: "\n", omittingEmptySubsequences: false).count
            if literal?.hasSuffix("\n") ?? false { lineCount -= 1 }
            let lastLine = min(source.lines.count - 1, firstLine + max(0, lineCount - 1))
            let end = source.lines.contentRange(ofLine: lastLine, in: source.bytes).upperBound
            return reported.lowerBound..<max(reported.lowerBound, end)
        }

        private mutating func enter(_ node: OpaquePointer) {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += 1
                containers.append(.blockquote)
            case CMARK_NODE_ITEM:
                listDepth += 1
                containers.append(.listItem)
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                footnoteDepth += 1
                containers.append(.footnote)
            case CMARK_NODE_PARAGRAPH:
                startLeaf(kind: containers.last ?? .paragraph, node: node)
            case CMARK_NODE_HEADING:
                headingLevel = Int(cmark_node_get_heading_level(node))
                startLeaf(kind: .heading, node: node)
            case CMARK_NODE_CODE_BLOCK:
                nonProse.append(NonProseRegion(kind: .codeBlock, range: nodeRange(node), literal: nil))
            case CMARK_NODE_HTML_BLOCK:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) }
                nonProse.append(NonProseRegion(kind: .htmlBlock, range: htmlBlockRange(node, literal: literal), literal: literal))
            case CMARK_NODE_THEMATIC_BREAK:
                nonProse.append(NonProseRegion(kind: .thematicBreak, range: nodeRange(node), literal: nil))
            case CMARK_NODE_TEXT:
                appendText(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if current != nil, imageDepth == 0 {
                    let before = current?.count ?? 0
                    current?.appendSeparator(sourceStart: cursor, sourceLength: 0)
                    if (current?.count ?? 0) > before { lineBreaks.append(before) }
                }
            case CMARK_NODE_CODE:
                appendPlaceholder(node, kind: .code)
            case CMARK_NODE_HTML_INLINE:
                if current != nil {
                    let range = nodeRange(node)
                    let at = current?.count ?? 0
                    spans.append(InlineSpan(kind: .html, proseRange: at..<at, sourceRange: range))
                    cursor = max(cursor, range.upperBound)
                }
            case CMARK_NODE_LINK:
                if current != nil {
                    let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    openLinks.append((current?.count ?? 0, nodeRange(node).lowerBound, destination))
                }
            case CMARK_NODE_IMAGE:
                if current != nil {
                    imageDepth += 1
                    appendPlaceholder(node, kind: .image)
                }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                if current != nil {
                    let range = nodeRange(node)
                    let at = current?.count ?? 0
                    spans.append(InlineSpan(kind: .footnoteReference, proseRange: at..<at, sourceRange: range))
                    cursor = max(cursor, range.upperBound)
                }
            default:
                if typeName(node) == "table_cell" { startLeaf(kind: .tableCell, node: node) }
            }
        }

        private mutating func exit(_ node: OpaquePointer) {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth -= 1
                containers.removeLast()
            case CMARK_NODE_ITEM:
                listDepth -= 1
                containers.removeLast()
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                footnoteDepth -= 1
                containers.removeLast()
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                finishLeaf()
            case CMARK_NODE_LINK:
                if let link = openLinks.popLast(), let prose = current {
                    let end = nodeRange(node).upperBound
                    // The cursor is not moved here: autolinks can carry positions from other lines;
                    // the link's text nodes have already moved it. Where cmark's extent does not
                    // hold the link's own (aligned) text, as for those autolinks, the text's is used.
                    let reported = link.sourceStart..<max(link.sourceStart, end)
                    let text = link.proseStart < prose.count ? prose.sourceRange(of: link.proseStart..<prose.count) : reported
                    spans.append(
                        InlineSpan(
                            kind: .link(destination: link.destination), proseRange: link.proseStart..<prose.count,
                            sourceRange: reported.lowerBound <= text.lowerBound && text.upperBound <= reported.upperBound ? reported : text))
                }
            case CMARK_NODE_IMAGE:
                imageDepth = max(0, imageDepth - 1)
            default:
                if typeName(node) == "table_cell" { finishLeaf() }
            }
        }

        private mutating func startLeaf(kind: Block.Kind, node: OpaquePointer) {
            current = ProseText()
            currentKind = kind
            if kind != .heading { headingLevel = 0 }
            lineBreaks = []
            spans = []
            openLinks = []
            imageDepth = 0
            cursor = nodeRange(node).lowerBound
        }

        private mutating func finishLeaf() {
            guard var prose = current else { return }
            current = nil
            prose.trimTrailingSpaces()
            guard !prose.isEmpty else { return }
            let breaks = lineBreaks.filter { $0 < prose.count }
            blocks.append(
                Block(
                    kind: currentKind, headingLevel: headingLevel, index: blocks.count, prose: prose,
                    lineBreaks: breaks, spans: spans, quoteDepth: quoteDepth, listDepth: listDepth))
        }

        private mutating func appendText(_ node: OpaquePointer) {
            guard current != nil, imageDepth == 0, let literalPointer = cmark_node_get_literal(node) else {
                if imageDepth > 0 { cursor = max(cursor, nodeRange(node).upperBound) }
                return
            }
            let literal = Array(String(cString: literalPointer).utf8)
            guard !literal.isEmpty else { return }
            let line = Int(startLine(node)) - 1
            let reported = offset(line: startLine(node), column: cmark_node_get_start_column(node))
            let lineRange =
                line >= 0 && line < source.lines.count
                ? source.lines.contentRange(ofLine: line, in: source.bytes) : reported..<reported
            // cmark can misplace inline text entirely (autolinked e-mail addresses in headings are
            // reported lines away); the line the reader has reached is the second place to look.
            let cursorLine = source.lines.contentRange(ofLine: source.lines.lineIndex(containing: cursor), in: source.bytes)
            let aligned = TextAligner.locate(
                literal, in: source.bytes, reportedAt: reported, line: lineRange, after: cursor, fallbackLine: cursorLine)
            for piece in aligned.pieces {
                current?.append(literal[piece.literal], sourceStart: piece.source.lowerBound, sourceLength: piece.source.count)
            }
            cursor = max(cursor, aligned.end)
        }

        /// Code spans and images leave one U+FFFC in the prose: the sentence keeps its shape, and no
        /// word pattern can match inside the code.
        private mutating func appendPlaceholder(_ node: OpaquePointer, kind: InlineSpan.Kind) {
            guard current != nil else { return }
            var range = nodeRange(node)
            if kind == .code {
                // cmark's code node covers the content; widen to the backtick fences.
                var start = range.lowerBound
                while start > 0, source.bytes[start - 1] == 0x60 { start -= 1 }
                var end = range.upperBound
                while end < source.bytes.count, source.bytes[end] == 0x60 { end += 1 }
                range = start..<end
            }
            let at = current?.count ?? 0
            current?.append([0xEF, 0xBF, 0xBC], sourceStart: range.lowerBound, sourceLength: range.count)
            spans.append(InlineSpan(kind: kind, proseRange: at..<(current?.count ?? at), sourceRange: range))
            cursor = max(cursor, range.upperBound)
        }
    }
}

/// Aligns a cmark text literal with the source bytes it came from. The literal differs from the
/// source only by backslash escapes and entity references (`&amp;`, `&#8212;`), which it decodes.
enum TextAligner {
    struct Piece {
        var literal: Range<Int>
        var source: ByteRange
    }

    struct Alignment {
        var pieces: [Piece]
        var end: Int
    }

    static func locate(
        _ literal: [UInt8], in bytes: [UInt8], reportedAt: Int, line: ByteRange, after cursor: Int, fallbackLine: ByteRange
    ) -> Alignment {
        if reportedAt >= cursor, let alignment = align(literal, in: bytes, at: reportedAt, limit: line.upperBound) {
            return alignment
        }
        // cmark assumed a container prefix the line does not have, or misplaced the node: find the
        // literal on its reported line, then on the line the reader has reached, never behind it.
        for searched in [line, fallbackLine] {
            var candidate = max(searched.lowerBound, min(cursor, searched.upperBound))
            while candidate < searched.upperBound {
                if let alignment = align(literal, in: bytes, at: candidate, limit: searched.upperBound) {
                    return alignment
                }
                candidate += 1
            }
        }
        // Unalignable: map the whole literal to where the reader stands, so positions stay in order.
        return Alignment(pieces: [Piece(literal: 0..<literal.count, source: cursor..<cursor)], end: cursor)
    }

    static func align(_ literal: [UInt8], in bytes: [UInt8], at start: Int, limit: Int) -> Alignment? {
        var pieces: [Piece] = []
        var sourceIndex = start
        var literalIndex = 0
        var runStart: (literal: Int, source: Int)? = nil

        func closeRun() {
            if let run = runStart {
                pieces.append(Piece(literal: run.literal..<literalIndex, source: run.source..<sourceIndex))
                runStart = nil
            }
        }

        while literalIndex < literal.count {
            guard sourceIndex < limit else { return nil }
            let sourceByte = bytes[sourceIndex]
            let literalByte = literal[literalIndex]
            if sourceByte == 0x5C, sourceIndex + 1 < limit, isASCIIPunctuation(bytes[sourceIndex + 1]),
                bytes[sourceIndex + 1] == literalByte
            {
                // A backslash escape: the escaped byte maps to the two source bytes.
                closeRun()
                pieces.append(Piece(literal: literalIndex..<literalIndex + 1, source: sourceIndex..<sourceIndex + 2))
                sourceIndex += 2
                literalIndex += 1
            } else if sourceByte == 0x26, let semicolon = entityEnd(bytes, from: sourceIndex, limit: limit),
                !literal[literalIndex...].starts(with: bytes[sourceIndex...semicolon])
            {
                // An entity reference cmark decoded: its scalar maps to the whole reference.
                closeRun()
                let length = utf8Length(leadByte: literalByte)
                let literalEnd = min(literal.count, literalIndex + length)
                pieces.append(Piece(literal: literalIndex..<literalEnd, source: sourceIndex..<semicolon + 1))
                sourceIndex = semicolon + 1
                literalIndex = literalEnd
            } else if sourceByte == literalByte {
                if runStart == nil { runStart = (literalIndex, sourceIndex) }
                sourceIndex += 1
                literalIndex += 1
            } else {
                return nil
            }
        }
        closeRun()
        return Alignment(pieces: pieces, end: sourceIndex)
    }

    private static func entityEnd(_ bytes: [UInt8], from start: Int, limit: Int) -> Int? {
        var index = start + 1
        while index < limit, index - start <= 32 {
            let byte = bytes[index]
            if byte == 0x3B { return index > start + 1 ? index : nil }
            let isNameByte = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x23
            if !isNameByte { return nil }
            index += 1
        }
        return nil
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    static func utf8Length(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
    }
}
