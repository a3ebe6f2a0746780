import EdLintTestSupport
import Foundation
import Testing

/// `--cross-file`: paragraphs repeated in another file of the run.
struct CrossFileTests {
    static let footer = "Sign up to our newsletter for the best of the week's stories, delivered every Friday. It is free."

    /// A folder of `count` articles that all end with the same footer paragraph, plus one that
    /// carries a syndicated paragraph from the first article with two words changed.
    static func corpus(count: Int) throws -> URL {
        let folder = Fixtures.temporaryDirectory("edlint-cross")
        var files = [".git/HEAD": "x"]
        for index in 0..<count {
            files[String(format: "news/%03d.md", index)] = "# Story \(index)\n\nStory number \(index) is about item \(index * 7).\n\n\(footer)\n"
        }
        files["news/000.md"] = "# Story 0\n\nThe harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier. Buses ran as usual.\n\n\(footer)\n"
        files["wire/copy.md"] = "# Wire\n\nThe harbour reopened to ferries on Tuesday after six weeks of repairs on the main pier. Buses ran as usual.\n"
        try Fixtures.write(files, in: folder)
        return folder
    }

    struct Finding: Decodable {
        var rule: String
        var message: String
        var range: Span
        var related: [Related]
        struct Span: Decodable {
            var start: Position
        }
        struct Position: Decodable {
            var line: Int
        }
        struct Related: Decodable {
            var path: String?
        }
    }

    struct Output: Decodable {
        var files: [File]
        struct File: Decodable {
            var path: String
            var diagnostics: [Finding]
        }
    }

    static func crossFileFindings(_ arguments: [String], in folder: URL) throws -> [(path: String, finding: Finding)] {
        let binary = try #require(Fixtures.edlintBinary)
        let result = try Run.process(binary, arguments + ["--format", "json", "--fail-on", "never"], in: folder, timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
        return output.files.flatMap { file in
            file.diagnostics.filter { $0.rule == "repetition.cross-file" }.map { (file.path, $0) }
        }
    }

    @Test func aFolderIsComparedAcrossFilesOncePerFile() throws {
        let folder = try Self.corpus(count: 30)
        defer { try? FileManager.default.removeItem(at: folder) }
        let findings = try Self.crossFileFindings(["."], in: folder)
        // The footer, in all 30 files, is site furniture: one finding, at its first copy, with the
        // first file and the 28 other copies as related locations — not 29 findings, not 435 pairs.
        let footers = findings.filter { $0.finding.range.start.line == 5 }
        #expect(footers.count == 1)
        #expect(footers.first?.path == "news/001.md")
        #expect(footers.first?.finding.related.first?.path == "news/000.md")
        #expect(Set(footers.first?.finding.related.compactMap(\.path) ?? []).count == 29)
        #expect(footers.first?.finding.message.contains("is in 30 files") == true)
        // The syndicated paragraph, two words changed, points at the article it came from.
        let wire = findings.filter { $0.path == "wire/copy.md" }
        #expect(wire.count == 1)
        #expect(wire.first?.finding.message.contains("news/000.md (line 3) nearly word for word") == true)
        #expect(findings.count == 2)
    }

    /// What an editor wants to hear of across files is copy: consecutive paragraphs pasted from
    /// one file are one passage, one finding over all of it; a lone one-sentence paragraph that
    /// two pages share (a standard line) is not reported unless `minimum_sentences` is 1;
    /// definition entries (an option documented on two pages) and the raw body of a paired
    /// shortcode spanning blocks are not compared.
    @Test func passagesAreOneFindingAndLoneStandardLinesAreNot() throws {
        let folder = Fixtures.temporaryDirectory("edlint-passage")
        defer { try? FileManager.default.removeItem(at: folder) }
        let passage = [
            "The ferry left the harbour at nine with forty passengers and a lorry on board.",
            "It reached the island two hours later, after a calm crossing in thick fog.",
            "The captain said the new radar had made the trip possible at all that morning.",
        ]
        let standard = "Commit the changes to your local repository and push them to the remote one."
        let entry = "`timeout`\n: The number of seconds to wait for the server before the request is given up as lost.\n"
        let shortcode = "{{< code-toggle file=config >}}\n[server]\nname = 'the main server of the whole site'\n\n[client]\nname = 'the client that every page of the site loads'\n{{< /code-toggle >}}\n"
        try Fixtures.write(
            [
                ".git/HEAD": "x",
                "a.md": "# A\n\n" + passage.joined(separator: "\n\n") + "\n\n\(standard)\n\n\(entry)\n\(shortcode)",
                "b.md": "# B\n\n\(standard)\n\n" + passage.joined(separator: "\n\n") + "\n\n\(entry)\n\(shortcode)",
            ], in: folder)
        let findings = try Self.crossFileFindings(["."], in: folder)
        #expect(findings.count == 1)
        #expect(findings.first?.path == "b.md" && findings.first?.finding.range.start.line == 5)
        #expect(findings.first?.finding.message.contains("These 3 paragraphs repeat a passage of a.md (lines 3–7) word for word") == true)
        let configuration = folder.appendingPathComponent("one-sentence.yml")
        try "rules:\n  repetition.cross-file:\n    options:\n      minimum_sentences: 1\n".write(to: configuration, atomically: true, encoding: .utf8)
        let loose = try Self.crossFileFindings([".", "--config", configuration.path], in: folder)
        // The standard line is reported on its own now; the entry and the shortcode's body still are not compared.
        #expect(loose.count == 2)
        #expect(loose.contains { $0.finding.range.start.line == 3 && $0.finding.message.contains("This paragraph repeats a paragraph of a.md (line 9)") })
    }

    /// A passage of one-sentence paragraphs syndicated to three files is furniture, and still
    /// reported: a short paragraph in many files is left out only when it stands alone.
    @Test func aShortPassageInManyFilesIsReported() throws {
        let folder = Fixtures.temporaryDirectory("edlint-furniture-passage")
        defer { try? FileManager.default.removeItem(at: folder) }
        let passage = "The ferry left the harbour at nine with forty passengers and a lorry on board.\n\nIt reached the island two hours later, after a calm crossing in thick fog.\n"
        let lone = "Commit the changes to your local repository and push them to the remote one.\n"
        try Fixtures.write(
            Dictionary(uniqueKeysWithValues: ["a", "b", "c"].map { name in
                // Three paragraphs of the file's own between the passage and the standard line.
                let words = ["a": ["harbour", "council", "bakery"], "b": ["orchard", "library", "stadium"], "c": ["railway", "glacier", "theatre"]][name] ?? []
                let own = words.map { "The \($0) opened early on Sunday, and \($0) staff answered questions from visitors about \($0) history." }
                    .joined(separator: "\n\n")
                return ("\(name).md", "# \(name)\n\n\(passage)\n\(own)\n\n\(lone)")
            } + [(".git/HEAD", "x")]),
            in: folder)
        let findings = try Self.crossFileFindings(["."], in: folder)
        #expect(!findings.isEmpty, "the syndicated passage must not go unreported")
        #expect(findings.allSatisfy { $0.finding.range.start.line < 7 }, "the lone standard line stays unreported: \(findings.map(\.finding.message))")
    }

    @Test func namedFilesAreIndependentUnlessAsked() throws {
        let folder = try Self.corpus(count: 3)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = ["news/000.md", "news/001.md", "wire/copy.md"]
        #expect(try Self.crossFileFindings(files, in: folder).isEmpty)
        #expect(try Self.crossFileFindings(files + ["--cross-file"], in: folder).count == 2)
        #expect(try Self.crossFileFindings([".", "--no-cross-file"], in: folder).isEmpty)
    }

    @Test func resultsDoNotDependOnThreads() throws {
        let folder = try Self.corpus(count: 40)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try #require(Fixtures.edlintBinary)
        let one = try Run.process(binary, [".", "--jobs", "1", "--format", "json"], in: folder, timeout: 60)
        let many = try Run.process(binary, [".", "--jobs", "4", "--format", "json"], in: folder, timeout: 60)
        #expect(one.stdout == many.stdout)
        #expect(one.stdout.contains("repetition.cross-file"))
    }

    /// Human output printed as files finish (standard output) is the report written whole
    /// (--output-file): each file's own findings in run order, then the findings across files,
    /// then the summary — whatever the threads.
    @Test func humanOutputStreamedIsTheReportWrittenWhole() throws {
        let folder = try Self.corpus(count: 12)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Studies show the pier is the best in the region.\n".write(
            to: folder.appendingPathComponent("news/005.md"), atomically: true, encoding: .utf8)
        let binary = try #require(Fixtures.edlintBinary)
        let whole = Fixtures.temporaryDirectory("edlint-whole").appendingPathComponent("report.txt")
        defer { try? FileManager.default.removeItem(at: whole.deletingLastPathComponent()) }
        let streamed = try Run.process(binary, [".", "--jobs", "2", "--fail-on", "never"], in: folder, timeout: 60)
        let written = try Run.process(binary, [".", "--jobs", "1", "--fail-on", "never", "--output-file", whole.path], in: folder, timeout: 60)
        #expect(streamed.status == 0 && written.status == 0, "\(streamed.stderr)\(written.stderr)")
        #expect(streamed.stdout == (try String(contentsOf: whole, encoding: .utf8)))
        // The in-file finding of news/005.md comes before every cross-file finding, the summary last.
        let claim = try #require(streamed.stdout.range(of: "news/005.md:1:1: warning [unsupported-claim"))
        let firstCrossFile = try #require(streamed.stdout.range(of: "[repetition.cross-file]"))
        #expect(claim.lowerBound < firstCrossFile.lowerBound)
        #expect(streamed.stdout.split(separator: "\n").last?.hasPrefix("Found ") == true)
    }

    @Test func sarifRelatedLocationNamesTheOtherFile() throws {
        let folder = try Self.corpus(count: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try #require(Fixtures.edlintBinary)
        let result = try Run.process(binary, [".", "--format", "sarif", "--select", "repetition.cross-file"], in: folder, timeout: 60)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        let related = results.compactMap { ($0["relatedLocations"] as? [[String: Any]])?.first }
        let uris = related.compactMap { (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String }
        #expect(!uris.isEmpty && uris.allSatisfy { $0 == "news/000.md" })
    }

    @Test func aSuppressionCommentHidesACrossFileFinding() throws {
        let folder = try Self.corpus(count: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("news/001.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try (text.replacingOccurrences(of: Self.footer, with: "<!-- edlint-disable-next-line repetition.cross-file -->\n" + Self.footer))
            .write(to: path, atomically: true, encoding: .utf8)
        let findings = try Self.crossFileFindings(["."], in: folder)
        #expect(!findings.contains { $0.path == "news/001.md" })
        #expect(findings.contains { $0.path == "wire/copy.md" })
    }
}
