import EdLintTestSupport
import Foundation
import Testing

@testable import EdLintCore

/// A large Markdown file is parsed in pieces (MarkdownReader.chunkStarts); the document must be
/// exactly the one parsing it whole gives: same blocks, text, spans and source ranges.
struct ChunkedMarkdownTests {
    static func summary(_ document: Document) -> [String] {
        document.blocks.map { block in
            let spans = block.spans.map { "\($0.kind)\($0.proseRange)\($0.sourceRange)" }.joined(separator: ",")
            let segments = block.prose.segments.map { "\($0.proseStart)+\($0.proseLength)@\($0.sourceStart)+\($0.sourceLength)" }.joined(separator: ",")
            return "\(block.index) \(block.kind) h\(block.headingLevel) q\(block.quoteDepth) l\(block.listDepth) \(block.sourceRange) "
                + "\(block.sentences) \(block.lineBreaks) [\(spans)] [\(segments)] \(block.text)"
        } + document.nonProse.map { "\($0.kind) \($0.range) \($0.literal ?? "")" }
    }

    static func assertSameWhenChunked(_ text: String, chunkBytes: Int, name: String) {
        let source = SourceFile(path: name, bytes: Array(text.utf8))
        let (whole, chunked) = (MarkdownReader.read(source, chunkBytes: Int.max), MarkdownReader.read(source, chunkBytes: chunkBytes))
        #expect(whole != nil && chunked != nil, "\(name): not parsed")
        let (a, b) = (whole.map(summary) ?? [], chunked.map(summary) ?? [])
        let first = zip(a, b).first { $0 != $1 }
        #expect(a == b, "\(name): parsed in pieces differs from whole\(first.map { ": \($0.0) ≠ \($0.1)" } ?? " (block count \(a.count) vs \(b.count))")")
    }

    /// Constructs that run over empty lines, or look as if they might, cut into tiny pieces.
    @Test func piecesGiveTheWholeDocument() {
        let text = """
            # Café — ☕

            First paragraph with *emphasis*, `code` and a [link](https://example.org).

            ```
            fenced code

            Looks like a paragraph inside the fence.
            ```

            <!-- a comment

            Still the comment. -->

            Paragraph after the comment.

            <pre>
            preformatted

            Still preformatted.
            </pre>

            - a list item

              continued in the item

            Back at the top.

            > a quote
            >
            > more quote

            Setext heading
            ==============

            | a | b |
            |---|---|
            | 1 | 2 |

            ~~~~
            tilde fence
            ~~~
            not closed by a shorter fence

            ~~~~

            Last paragraph, with a hard line break\\
            and a second line.

            """
        let source = SourceFile(path: "c.md", bytes: Array(text.utf8))
        let starts = MarkdownReader.chunkStarts(Array(text.utf8), lines: source.lines, bomLength: 0, chunkBytes: 1)
        // Cut before each top-level paragraph or heading, never inside the fence, comment or <pre>.
        let firstLines = starts.map { String(decoding: source.bytes[source.lines.contentRange(ofLine: $0, in: source.bytes)], as: UTF8.self) }
        #expect(firstLines.contains("Paragraph after the comment.") && firstLines.contains("Back at the top.") && firstLines.contains("Setext heading"))
        #expect(!firstLines.contains("Looks like a paragraph inside the fence.") && !firstLines.contains("Still the comment. -->")
            && !firstLines.contains("Still preformatted.") && !firstLines.contains("not closed by a shorter fence"))
        for chunk in [1, 7, 40, 200] { Self.assertSameWhenChunked(text, chunkBytes: chunk, name: "constructs \(chunk)") }
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        Self.assertSameWhenChunked(crlf, chunkBytes: 16, name: "CRLF")
        Self.assertSameWhenChunked("\u{FEFF}---\ntitle: x\n---\n\n" + text, chunkBytes: 16, name: "BOM and front matter")
    }

    /// Plain link reference definitions follow every piece (a link resolves wherever its
    /// definition is); any other kind of definition keeps the file in one piece.
    @Test func definitionsFollowEveryPieceOrKeepTheFileWhole() {
        func starts(_ text: String) -> [Int] {
            MarkdownReader.chunkStarts(Array(text.utf8), lines: SourceFile(path: "d.md", bytes: Array(text.utf8)).lines, bomLength: 0, chunkBytes: 1)
        }
        let linked = "See [the report][r] and [the data].\n\nMore text here.\n\nAnd [more][R].\n\n[r]: https://example.org/report\n[the data]: <https://example.org/data> \"Data\"\n\nThe end, [r].\n"
        #expect(starts(linked).count > 2)
        Self.assertSameWhenChunked(linked, chunkBytes: 1, name: "definitions")
        // A label defined twice: the first definition wins, in every piece.
        let twice = "See [x] and [y].\n\n[x]: https://a.example\n\nMore [x].\n\n[X]: https://b.example\n[y]: https://c.example\n\nLast [x] [y].\n"
        #expect(starts(twice).count > 2)
        Self.assertSameWhenChunked(twice, chunkBytes: 1, name: "defined twice")
        let plain = "One.\n\nTwo.\n\nThree.\n"
        #expect(starts(plain) == [0, 2, 4])
        for whole in [
            "A note[^1].\n\nMore.\n\n[^1]: The note.\n",  // a footnote
            "See [x].\n\nMore.\n\n[x]:\n  https://example.org\n",  // destination on the next line
            "See [x].\n\nMore.\n\n[x]: https://example.org\n  \"Title\"\n",  // title on the next line
            "See [x].\n\n[Update]: The company responded on Friday.\n\nMore [x].\n\n[x]: https://a.example\n",  // looks like one, is a paragraph
            "See [q].\n\n> [q]: https://a.example\n\nMore [q].\n",  // in a quote
            "See [a\\]b].\n\n[a\\]b]: https://a.example\n\nMore.\n",  // an escaped bracket
            "See [l].\n\n- [l]: https://a.example\n\nMore [l].\n",  // in a list item
            "See [foo bar].\n\n[foo\nbar]: https://a.example\n\nMore.\n",  // a label over two lines
        ] {
            #expect(starts(whole) == [0], "\(whole)")
            Self.assertSameWhenChunked(whole, chunkBytes: 1, name: whole)
        }
    }

    /// cmark-gfm keeps its extensions' special characters in one process-wide table that each
    /// parser edits as it finishes; parsed on several threads at once, documents lost their
    /// autolinks and strikethrough until finishing was serialised.
    @Test func documentsParsedOnSeveralThreadsKeepTheirAutolinks() {
        let text = "See https://example.org/report and ~~old~~ text.\n\nAlso www.example.com here.\n"
        let expected = MarkdownReader.read(SourceFile(path: "a.md", bytes: Array(text.utf8))).map(Self.summary) ?? []
        let mismatches = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<300 where MarkdownReader.read(SourceFile(path: "a.md", bytes: Array(text.utf8))).map(Self.summary) != expected {
                mismatches.add()
            }
        }
        #expect(expected.joined().contains("link(destination: \"https://example.org/report\")"))
        #expect(mismatches.value == 0)
    }

    /// Where the scanner and cmark disagree about an open fence or HTML block, the piece that
    /// ends inside it is parsed with the next one: the document is still the whole parse's.
    @Test(arguments: [
        "- item\n\n  ```\n  code\n\nPara A\n```\ncode\n\nText inside the fence\n```\n\nAfter.\n",
        "<div>\n```\n</div>\n\nText\n\n```\ncode\n\nPara inside the fence\n```\n\nAfter.\n",
        "<pre>\nx\n\nText\n</style>\n\nAfter the block.\n\nMore.\n",
        "<textarea>\nx\n\nText after.\n\nMore.\n",
        "See [x].\n\nMore.\n\n[x]: https://a.example\n\n```\nnever closed\n\nStill code.\n",
    ])
    func piecesEndingInsideCodeOrHTMLAreJoined(text: String) {
        Self.assertSameWhenChunked(text, chunkBytes: 1, name: text)
    }

    /// Every real Markdown file of ../shared/corpus, cut into small pieces.
    @Test(.enabled(if: Fixtures.shared != nil, "../shared is absent; skipped"), arguments: [97, 512])
    func realFilesGiveTheWholeDocument(chunkBytes: Int) throws {
        let corpus = try #require(Fixtures.shared).appendingPathComponent("corpus")
        let walker = FileManager.default.enumerator(atPath: corpus.path)
        var checked = 0
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let data = try Data(contentsOf: corpus.appendingPathComponent(path))
            guard let text = String(data: data, encoding: .utf8) else { continue }
            Self.assertSameWhenChunked(text, chunkBytes: chunkBytes, name: path)
            checked += 1
        }
        #expect(checked > 100)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }
    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
