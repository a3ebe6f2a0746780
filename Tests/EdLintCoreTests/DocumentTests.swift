import EdLintCore
import Foundation
import Testing

/// Every word of every block's prose must map back to the very same bytes in the source.
func expectWordsMapExactly(_ document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for block in document.blocks {
        let bytes = block.prose.bytes
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            defer { start = index + 1 }
            guard index > start else { continue }
            let word = block.prose.string(in: start..<index)
            // Placeholders (code, images) and decoded entities map whole; skip them.
            if word.contains("\u{FFFC}") || word.contains("&") { continue }
            let range = block.prose.sourceRange(of: start..<index)
            // A backslash escape maps to its two source bytes ("\*" → "*").
            let source = document.source.text(in: range).replacingOccurrences(of: "\\", with: "")
            #expect(source == word, "block \(block.index) word '\(word)'", sourceLocation: sourceLocation)
        }
    }
}

struct MarkdownReaderTests {
    let text = """
        ---
        title: "Front matter: not prose"
        ---

        # Héllo *wörld* — 😀

        Some `code` and [link text](https://example.org/x) &amp; \\* esc
        wrapped line é—😀 ends.

        > Quote *em* here.
        lazy line continues.

        - item one
          continued
        - item **two**

        | Name | Città |
        |------|-------|
        | José | Zürich |

        ```
        fenced code is not prose
        ```

            indented code is not prose

        <!-- an html comment -->

        Footnoted claim.[^1]

        [^1]: The source, 2024.

        """

    @Test func readsBlockKindsAndProse() {
        let document = DocumentReader.parse(text)
        let summary = document.blocks.map { "\($0.kind.rawValue): \($0.text)" }
        #expect(summary == [
            "heading: Héllo wörld — 😀",
            "paragraph: Some \u{FFFC} and link text & * esc wrapped line é—😀 ends.",
            "blockquote: Quote em here. lazy line continues.",
            "list-item: item one continued",
            "list-item: item two",
            "table-cell: Name",
            "table-cell: Città",
            "table-cell: José",
            "table-cell: Zürich",
            "paragraph: Footnoted claim.",
            "footnote: The source, 2024.",
        ])
        #expect(document.blocks[0].headingLevel == 1)
        #expect(document.blocks[2].quoteDepth == 1)
        #expect(document.blocks[3].listDepth == 1)
    }

    @Test func mapsEveryWordToItsSourceBytes() {
        expectWordsMapExactly(DocumentReader.parse(text))
    }

    @Test func mapsWordsExactlyWithCRLFAndBOM() {
        let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        let document = DocumentReader.parse(crlf)
        #expect(document.blocks.count == 11)
        expectWordsMapExactly(document)
    }

    @Test func mapsWordsExactlyWithCROnly() {
        let document = DocumentReader.parse(text.replacingOccurrences(of: "\n", with: "\r"))
        #expect(document.blocks.count == 11)
        expectWordsMapExactly(document)
    }

    @Test func recordsNonProseRegionsAndSpans() {
        let document = DocumentReader.parse(text)
        let kinds = document.nonProse.map(\.kind)
        #expect(kinds.contains(.frontMatter))
        #expect(kinds.filter { $0 == .codeBlock }.count == 2)
        #expect(kinds.contains(.htmlBlock))
        // Every region covers its own source text (cmark misreports some block ends).
        let texts = document.nonProse.map { document.source.text(in: $0.range) }
        #expect(texts.contains { $0.hasPrefix("---") && $0.hasSuffix("---") })
        #expect(texts.contains { $0.contains("fenced code is not prose") })
        #expect(texts.contains { $0.contains("indented code is not prose") })
        #expect(texts.contains("<!-- an html comment -->"))
        let paragraph = document.blocks[1]
        #expect(paragraph.spans.contains { $0.kind == .code })
        #expect(paragraph.spans.contains { $0.kind == .link(destination: "https://example.org/x") })
        let link = paragraph.spans.first { if case .link = $0.kind { true } else { false } }
        #expect(link.map { paragraph.prose.string(in: $0.proseRange) } == "link text")
        #expect(document.blocks[9].spans.contains { $0.kind == .footnoteReference })
    }

    @Test func entityAndEscapeMapToTheirWholeSource() {
        let document = DocumentReader.parse("A &amp; B \\* C")
        let prose = document.blocks[0].prose
        let ampersand = prose.string.utf8.firstIndex(of: UInt8(ascii: "&")).map { prose.string.utf8.distance(from: prose.string.utf8.startIndex, to: $0) } ?? -1
        #expect(document.source.text(in: prose.sourceRange(of: ampersand..<ampersand + 1)) == "&amp;")
        let star = prose.bytes.firstIndex(of: UInt8(ascii: "*")) ?? -1
        #expect(document.source.text(in: prose.sourceRange(of: star..<star + 1)) == "\\*")
    }

    @Test func autolinksInHeadingsKeepPositionsInOrder() {
        // cmark's autolink extension can report inline positions from other lines.
        let document = DocumentReader.parse(
            "## me@example.com ___ http://example.org/x Editors\n\nThe second paragraph says “No,” then stops.\n")
        expectWordsMapExactly(document)
        for block in document.blocks {
            let starts = block.prose.segments.map(\.sourceStart)
            #expect(starts == starts.sorted(), "block \(block.index) maps out of order")
        }
    }

    @Test func unterminatedFrontMatterIsReadAsMarkdown() {
        let document = DocumentReader.parse("---\ntitle: x\n\nBody text.")
        #expect(!document.nonProse.contains { $0.kind == .frontMatter })
        #expect(document.blocks.contains { $0.text == "Body text." })
    }

    @Test func deeplyNestedBlockquotesDoNotOverflow() {
        let nested = String(repeating: "> ", count: 2_000) + "deep text."
        let document = DocumentReader.parse(nested)
        #expect(document.blocks.last?.text == "deep text.")
    }
}

struct PlainTextReaderTests {
    @Test func joinsHardWrappedLinesAndSplitsOnBlankLines() {
        let document = DocumentReader.parse("First line\n  wraps here.\n\n\nSecond para.\n", format: .plainText)
        #expect(document.blocks.map(\.text) == ["First line wraps here.", "Second para."])
        #expect(document.blocks[0].lineBreaks == [10])
        expectWordsMapExactly(document)
    }

    @Test func bulletsStartListItems() {
        let document = DocumentReader.parse("Intro:\n- one\n- two\n3. three\n", format: .plainText)
        #expect(document.blocks.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem])
        #expect(document.blocks.map(\.text) == ["Intro:", "one", "two", "three"])
    }

    @Test func crlfAndMultibyteMapExactly() {
        let document = DocumentReader.parse("Café — naïve 😀 text\r\ncontinues é.\r\n\r\nNext 🎉 one.", format: .plainText)
        #expect(document.blocks.count == 2)
        expectWordsMapExactly(document)
    }
}

struct EncodingTests {
    @Test func invalidUTF8IsAnError() {
        let result = DocumentReader.read(path: "bad.md", bytes: [0x41, 0xC3, 0x28, 0x42], format: .markdown)
        guard case .failure(.invalidUTF8(_, let offset)) = result else {
            Issue.record("expected invalid UTF-8, got \(result)")
            return
        }
        #expect(offset == 1)
    }

    @Test func overlongAndSurrogateEncodingsAreRejected() {
        #expect(DocumentReader.firstInvalidUTF8Offset([0xC0, 0xAF]) == 0)
        #expect(DocumentReader.firstInvalidUTF8Offset([0x20, 0xED, 0xA0, 0x80]) == 1)
        #expect(DocumentReader.firstInvalidUTF8Offset([0xF4, 0x90, 0x80, 0x80]) == 0)
        #expect(DocumentReader.firstInvalidUTF8Offset(Array("é—😀".utf8)) == nil)
        #expect(DocumentReader.firstInvalidUTF8Offset([0xE2, 0x80]) == 0)
    }

    @Test func nulBytesMarkABinaryFile() {
        let result = DocumentReader.read(path: "b.txt", bytes: [0x41, 0x00, 0x42], format: .plainText)
        guard case .failure(.binary(_, 1)) = result else {
            Issue.record("expected binary, got \(result)")
            return
        }
    }

    @Test func utf16ByteOrderMarkIsReported() {
        let result = DocumentReader.read(path: "u.txt", bytes: [0xFF, 0xFE, 0x41, 0x00], format: .plainText)
        guard case .failure(.utf16) = result else {
            Issue.record("expected UTF-16, got \(result)")
            return
        }
    }
}

struct SourceLocationTests {
    @Test func columnsCountScalarsAndUTF16Units() {
        let source = SourceFile(path: "x", text: "é😀x\nb")
        let x = source.location(of: 6)  // é (2 bytes) + 😀 (4 bytes)
        #expect(x.line == 1)
        #expect(x.column == 3)
        #expect(x.utf16Column == 4)
        #expect(source.location(of: 8) == EdLintCore.SourceLocation(line: 2, column: 1, utf16Column: 1, offset: 8))
    }

    @Test func lineEndingsAndBOM() {
        let source = SourceFile(path: "x", bytes: [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\nd".utf8))
        #expect(source.lines.starts == [3, 6, 8, 10])
        #expect(source.location(of: 3).column == 1)
        #expect(source.location(of: 8).line == 3)
        #expect(source.lines.contentRange(ofLine: 0, in: source.bytes) == 3..<4)
    }
}
