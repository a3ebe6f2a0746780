import EdLintTestSupport
import Foundation
import Testing

/// Hostile and broken input, generated at test time: edlint must not crash or hang, must name the
/// path and the problem, must still lint every other file, and exits 2 only for usage and
/// configuration errors. The multi-megabyte and file-system cases are in `ScaleInputTests`.
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files to create (relative path → bytes).
        var files: [String: [UInt8]]
        var arguments: [String]
        var status: Int32
        /// Text that must appear in stdout or stderr.
        var mentions: [String] = []
        /// Bytes fed to standard input (for `-`).
        var stdin: [UInt8]? = nil
        var testDescription: String { name }
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }
    static let good = ["good.md": text("Intro.\n\nRelated Posts\n")]
    static let rule = "kind: existence\nsummary: s\nrationale: r\nmessage: m\nexamples: {valid: [a], invalid: ['↓aaa']}\n"

    static let cases: [Case] = [
        Case(name: "empty file", files: ["empty.md": []] .merging(good) { a, _ in a }, arguments: ["."], status: 1, mentions: ["good.md"]),
        Case(name: "whitespace only", files: ["blank.txt": text(" \n\t\n\r\n  ")], arguments: ["."], status: 0),
        Case(name: "invalid UTF-8", files: ["bad.md": [0x41, 0xC3, 0x28, 0x0A]].merging(good) { a, _ in a }, arguments: ["."], status: 1, mentions: ["bad.md", "not valid UTF-8", "good.md"]),
        Case(name: "UTF-16 with BOM", files: ["u16.txt": [0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00]].merging(good) { a, _ in a }, arguments: ["."], status: 1, mentions: ["u16.txt", "UTF-16", "good.md"]),
        Case(name: "NUL bytes", files: ["nul.md": [0x41, 0x00, 0x42]].merging(good) { a, _ in a }, arguments: ["."], status: 1, mentions: ["nul.md", "NUL", "good.md"]),
        Case(name: "UTF-8 BOM", files: ["bom.md": [0xEF, 0xBB, 0xBF] + text("Related Posts\n")], arguments: ["bom.md"], status: 1, mentions: ["bom.md:1:1"]),
        Case(name: "CR-only line endings", files: ["cr.txt": text("One.\rStudies show it.\r\rRelated Posts\r")], arguments: ["cr.txt"], status: 1, mentions: ["cr.txt:2:1", "cr.txt:4:1"]),
        Case(name: "mixed line endings", files: ["mixed.txt": text("a\r\nb\rc\nStudies show it.\r\n")], arguments: ["mixed.txt"], status: 1, mentions: ["mixed.txt:4:1"]),
        Case(name: "zero-width and right-to-left characters", files: ["zw.md": text("Studies show \u{202E}it\u{202C} works.\n\nThe\u{200B} the the end.\n")], arguments: ["zw.md"], status: 1, mentions: ["\\u{202E}"]),
        Case(name: "emoji ZWJ sequences", files: ["zwj.md": text("👨‍👩‍👧‍👦 The the family 🏳️‍🌈.\n")], arguments: ["zwj.md", "--format", "json"], status: 1, mentions: ["\"column\" : 9"]),
        Case(name: "a 100 kB word", files: ["word.txt": text(String(repeating: "a", count: 100_000) + "\n")], arguments: ["word.txt"], status: 0),
        Case(name: "unclosed code fence", files: ["fence.md": text("Text.\n\n```\nStudies show code.\n")], arguments: ["fence.md"], status: 0),
        Case(name: "raw HTML blocks", files: ["html.md": text("<div>\n<p>Studies show it.</p>\n</div>\n\n<script>alert(1)</script>\n")], arguments: ["html.md"], status: 0),
        Case(name: "unterminated front matter", files: ["fm.md": text("---\ntitle: x\n\nStudies show it.\n")], arguments: ["fm.md"], status: 1, mentions: ["fm.md:4:1"]),
        Case(name: "10,000-deep block quotes", files: ["quotes.md": text(String(repeating: "> ", count: 10_000) + "Studies show it.\n")], arguments: ["quotes.md"], status: 1),
        Case(name: "10,000-deep lists", files: ["lists.md": text(String(repeating: "- ", count: 10_000) + "x\n")], arguments: ["lists.md"], status: 0),
        Case(name: "nested list indentation", files: ["indent.md": text((0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined())], arguments: ["indent.md"], status: 0),
        Case(name: "escape sequences in the text", files: ["esc.md": text("Studies show \u{1B}[2J\u{1B}]0;owned\u{07} it.\n")], arguments: ["esc.md"], status: 1, mentions: ["\\u{1B}[2J"]),
        Case(name: "missing path", files: good, arguments: ["missing.md", "good.md"], status: 1, mentions: ["missing.md", "No such file", "good.md"]),
        Case(name: "config: invalid YAML", files: [".linterrc": text("fail_on: [unclosed\n")].merging(good) { a, _ in a }, arguments: ["good.md"], status: 2, mentions: [".linterrc:2:", "invalid YAML"]),
        Case(name: "config: wrong type", files: [".linterrc": text("include: {a: 1}\n")].merging(good) { a, _ in a }, arguments: ["good.md"], status: 2, mentions: [".linterrc:1:", "'include' must be a list of strings"]),
        Case(name: "config: unknown key", files: [".linterrc": text("fial_on: error\n")].merging(good) { a, _ in a }, arguments: ["good.md"], status: 2, mentions: [".linterrc:1:1", "did you mean 'fail_on'"]),
        Case(name: "config: huge number", files: [".linterrc": text("rules:\n  unsupported-claim.peacock:\n    options: {window: 99999999999999999999999}\n")].merging(good) { a, _ in a }, arguments: ["good.md"], status: 2, mentions: [".linterrc:3:"]),
        Case(name: "config: deep nesting", files: [".linterrc": text("include: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n")].merging(good) { a, _ in a }, arguments: ["good.md"], status: 2, mentions: [".linterrc:1:"]),
        Case(name: "config: alias bomb", files: [".linterrc": text(aliasBomb(key: "exclude"))].merging(good) { a, _ in a }, arguments: ["good.md"], status: 2, mentions: [".linterrc"]),
        Case(name: "rule pack: invalid regex", files: ["pack/style/bad.yml": text(rule + "patterns: ['(a|b']\n")].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["bad.yml:6:12", "missing closing parenthesis"]),
        Case(name: "rule pack: empty pattern", files: ["pack/style/empty.yml": text(rule + "patterns: ['']\n")].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["empty.yml:6:12", "empty string"]),
        Case(name: "rule pack: pattern matching the empty string", files: ["pack/style/star.yml": text(rule + "patterns: ['x*']\n")].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["star.yml:6:12", "empty string"]),
        Case(name: "rule pack: catastrophic backtracking", files: [
            "pack/style/slow.yml": text(rule.replacingOccurrences(of: "invalid: ['↓aaa']", with: "invalid: ['↓aaa']") + "scope: paragraph\npatterns: ['(a+)+$']\n"),
            "long.txt": text(String(repeating: "a", count: 30_000) + "!\n"),
        ].merging(good) { a, _ in a }, arguments: ["long.txt", "good.md", "--rules", "pack", "--select", "style.slow,boilerplate"], status: 1, mentions: ["edlint.rule-failure", "style.slow", "good.md"]),
        Case(name: "rule pack: alias bomb", files: ["pack/style/bomb.yml": text(aliasBomb(key: "patterns"))].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["bomb.yml"]),
        Case(name: "rule pack: unknown key", files: ["pack/style/typo.yml": text(rule + "paterns: ['aaa']\n")].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["typo.yml:6:1", "patterns"]),
        Case(name: "rule pack: wrong type", files: ["pack/style/type.yml": text(rule + "patterns: {a: 1}\n")].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["type.yml:6:"]),
        Case(name: "rule pack: deep nesting", files: ["pack/style/deep.yml": text(rule + "patterns: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n")].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["deep.yml:6:"]),
        Case(name: "rule pack: not UTF-8", files: ["pack/style/latin1.yml": [0x6B, 0x69, 0x6E, 0x64, 0x3A, 0x20, 0xE9, 0x0A]].merging(good) { a, _ in a }, arguments: ["good.md", "--rules", "pack"], status: 2, mentions: ["latin1.yml", "UTF-8"]),
        Case(name: "50,000 unmatched emphasis and link openers", files: ["open.md": text(String(repeating: "*a [b ", count: 50_000) + "\n\nRelated Posts\n")], arguments: ["open.md"], status: 1, mentions: ["open.md:3:1"]),
        Case(name: "50,000 unmatched backtick runs", files: ["ticks.md": text((1...50_000).map { "a" + String(repeating: "`", count: $0 % 7 + 1) }.joined(separator: " ") + "\n\nRelated Posts\n")], arguments: ["ticks.md"], status: 1, mentions: ["ticks.md:3:1"]),
        Case(name: "a table of 5,000 columns", files: ["table.md": text("|" + String(repeating: " a |", count: 5_000) + "\n|" + String(repeating: "---|", count: 5_000) + "\n|" + String(repeating: " Studies show it. |", count: 5_000) + "\n")], arguments: ["table.md"], status: 1, mentions: ["table.md:3:"]),
        Case(name: "a UTF-8 BOM then invalid bytes", files: ["bombad.md": [0xEF, 0xBB, 0xBF, 0x41, 0xFF, 0x0A]].merging(good) { a, _ in a }, arguments: ["bombad.md", "good.md"], status: 1, mentions: ["bombad.md", "not valid UTF-8", "good.md:3:1"]),
        Case(name: "invalid UTF-8 on standard input", files: good, arguments: ["-", "good.md"], status: 1, mentions: ["<stdin>", "not valid UTF-8", "good.md:3:1"], stdin: [0x41, 0xC0, 0x0A]),
        Case(name: "unknown format", files: good, arguments: ["good.md", "--format", "yaml"], status: 2, mentions: ["yaml"]),
        Case(name: "unknown option", files: good, arguments: ["good.md", "--colour", "never"], status: 2, mentions: ["--colour"]),
    ]

    static func aliasBomb(key: String) -> String {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = String(UnicodeScalar(UInt8(96 + level)))
            let name = String(UnicodeScalar(UInt8(97 + level)))
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text + "\(key): *j\n"
    }

    @Test(arguments: cases)
    func badInputIsReportedNeverCrashesNorHangs(_ input: Case) throws {
        let binary = try #require(Fixtures.edlintBinary)
        let folder = Fixtures.temporaryDirectory("edlint-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for (path, bytes) in input.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        // A hang is killed by the guard (exit 15) and fails on its status; time itself is not asserted.
        let result = try Run.process(
            binary, input.arguments + ["--color", "never"], in: folder, stdinBytes: input.stdin, timeout: 20)
        let output = result.stdout + result.stderr
        #expect(result.status == input.status, "\(input.name): exit \(result.status) (killed after 20 s if 15)\n\(output.prefix(2_000))")
        for mention in input.mentions {
            #expect(output.contains(mention), "\(input.name): output lacks '\(mention)'\n\(output.prefix(2_000))")
        }
    }

    @Test func fileSystemOddities() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let folder = Fixtures.temporaryDirectory("edlint-fs")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write([".git/HEAD": "x", "good.md": "Intro.\n\nRelated Posts\n"], in: folder)
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("loop"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("loop/up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.md").path, withDestinationPath: "nowhere.md")
        #expect(mkfifo(folder.appendingPathComponent("pipe.md").path, 0o644) == 0)
        let result = try Run.process(binary, [".", "--color", "never"], in: folder, timeout: 20)
        let output = result.stdout + result.stderr
        #expect(result.status == 1)
        #expect(output.contains("dangling.md") && output.contains("dangling symbolic link"))
        #expect(output.contains("pipe.md") && output.contains("not a regular file"))
        #expect(output.contains("good.md:3:1"))
        // Named explicitly, a FIFO is refused, not read (reading would block).
        let fifo = try Run.process(binary, ["pipe.md", "good.md"], in: folder, timeout: 20)
        #expect(fifo.status == 1)
        #expect((fifo.stdout + fifo.stderr).contains("not a regular file"))
    }
}

#if canImport(Glibc)
    import Glibc
#endif
