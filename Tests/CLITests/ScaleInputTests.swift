import EdLintTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The large and file-system cases of the bad-input suite (issue 6), generated at test time:
/// each must finish without crash or hang, name what is wrong, and leave the other files of the
/// run linted. They run one at a time — each is heavy — and print how long they took.
@Suite(.serialized)
struct ScaleInputTests {
    /// Kills a run that hangs. The bar is seconds on the release binary the test command uses;
    /// a debug or sanitizer build gets room to be slow without hiding a real hang.
    static var hangGuard: Double { ProcessInfo.processInfo.environment["EDLINT_BINARY"] == nil ? 600 : 60 }
    static let good = "good.md"
    static let goodText = "Intro.\n\nRelated Posts\n"

    /// Runs edlint in `folder` and checks the outcome every case shares.
    @discardableResult
    static func lint(_ arguments: [String], in folder: URL, name: String, status: Int32, mentions: [String], asUser: Bool = false)
        throws -> ProcessResult
    {
        let binary = try #require(Fixtures.edlintBinary)
        var executable = binary
        var fullArguments = arguments + ["--color", "never"]
        if asUser {
            // Root reads any file whatever its mode; run as `nobody` so a mode-000 file is unreadable.
            executable = URL(fileURLWithPath: "/usr/bin/setpriv")
            fullArguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + fullArguments
        }
        let started = Date()
        let result = try Run.process(executable, fullArguments, in: folder, timeout: hangGuard)
        let seconds = Date().timeIntervalSince(started)
        print("bad input — \(name): \(String(format: "%.2f", seconds)) s, exit \(result.status)")
        let output = result.stdout + result.stderr
        #expect(result.status == status, "\(name): exit \(result.status) (killed after \(hangGuard) s if 15)\n\(output.prefix(2_000))")
        for mention in mentions {
            #expect(output.contains(mention), "\(name): output lacks '\(mention)'\n\(output.prefix(2_000))")
        }
        return result
    }

    static func folder(_ name: String) throws -> URL {
        let folder = Fixtures.temporaryDirectory(name)
        try Fixtures.write([".git/HEAD": "x", good: goodText], in: folder)
        return folder
    }

    /// Prose of `byteCount` bytes on one line: seeded pseudo-random words from a made-up
    /// vocabulary in sentences of 8–20 words, so it neither repeats itself nor matches rule phrases.
    static func oneLineOfProse(byteCount: Int) -> [UInt8] {
        let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pu", "bre", "dan", "fel", "gor", "hin", "jus"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount + 64)
        var wordsLeft = 0
        while bytes.count < byteCount {
            let capitalize = wordsLeft == 0
            if capitalize { wordsLeft = 8 + next(13) }
            var word: [UInt8] = []
            for _ in 0..<(2 + next(3)) { word += Array(syllables[next(syllables.count)].utf8) }
            if capitalize { word[0] -= 0x20 }
            bytes += word
            wordsLeft -= 1
            bytes += wordsLeft == 0 ? Array(". ".utf8) : [0x20]
        }
        bytes.append(0x0A)
        return bytes
    }

    @Test func aFiftyMegabyteSingleLine() throws {
        let folder = try Self.folder("edlint-line")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.oneLineOfProse(byteCount: 50_000_000)).write(to: folder.appendingPathComponent("line.txt"))
        try Self.lint(["line.txt", Self.good], in: folder, name: "a 50 MB single line", status: 1, mentions: ["good.md:3:1", "in 2 files"])
    }

    @Test func aMillionShortParagraphs() throws {
        let folder = try Self.folder("edlint-paragraphs")
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = ""
        text.reserveCapacity(14_000_000)
        for index in 0..<1_000_000 { text += "Note \(index).\n\n" }
        text += "Studies show it works.\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("notes.txt"))
        // The last paragraph's claim is found: the whole file was read.
        try Self.lint(
            ["notes.txt", Self.good], in: folder, name: "a million short paragraphs", status: 1,
            mentions: ["notes.txt:2000001:1", "unsupported-claim.unnamed-research", "good.md:3:1"])
    }

    @Test func aFolderOfTwentyThousandFiles() throws {
        let folder = try Self.folder("edlint-many")
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for index in 0..<20_000 {
            try Data("Note \(index) is fine.\n".utf8).write(to: notes.appendingPathComponent("\(index).txt"))
        }
        try Data("Share this:\n".utf8).write(to: notes.appendingPathComponent("19999.txt"))
        let result = try Self.lint(["."], in: folder, name: "a folder of 20,000 files", status: 1, mentions: ["notes/19999.txt:1:1", "good.md:3:1"])
        #expect(result.stdout.contains("in 20001 files"))
    }

    @Test func anUnreadableFile() throws {
        let folder = try Self.folder("edlint-unreadable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.md")
        try Data("Studies show it.\n".utf8).write(to: secret)
        #expect(chmod(secret.path, 0) == 0)
        let asUser = geteuid() == 0
        try Self.lint(
            ["."], in: folder, name: "an unreadable file", status: 1,
            mentions: ["secret.md: error [edlint.unreadable-file]", "edlint.unreadable-file", "Permission denied", "good.md:3:1"], asUser: asUser)
        // SARIF carries it as a tool notification, so code scanning shows it too.
        let sarif = try Self.lint(["secret.md", Self.good, "--format", "sarif"], in: folder, name: "an unreadable file (SARIF)", status: 1, mentions: [], asUser: asUser)
        #expect(sarif.stdout.contains("toolExecutionNotifications") && sarif.stdout.contains("Permission denied"))
    }

    @Test func symbolicLinksOutOfTheTreeAreNotFollowedUnlessAsked() throws {
        let outside = Fixtures.temporaryDirectory("edlint-outside")
        let folder = try Self.folder("edlint-links")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try Fixtures.write(["private.md": "Studies show a secret.\n", "notes/more.md": "Share this:\n"], in: outside)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("private.md").path, withDestinationPath: outside.appendingPathComponent("private.md").path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("notes").path, withDestinationPath: outside.appendingPathComponent("notes").path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("alias.md").path, withDestinationPath: "good.md")

        let walked = try Self.lint(
            ["."], in: folder, name: "symbolic links leaving the tree", status: 1,
            mentions: ["private.md: info [edlint.skipped-link]", "notes: info [edlint.skipped-link]", "good.md:3:1"])
        #expect(!walked.stdout.contains("secret") && !walked.stdout.contains("Share this"))
        // A link inside the tree to a file already linted is not linted twice.
        #expect(!walked.stdout.contains("alias.md"))

        let followed = try Self.lint(
            [".", "--follow-symlinks"], in: folder, name: "symbolic links followed when asked", status: 1,
            mentions: ["private.md:1:1", "notes/more.md:1:1"])
        #expect(!followed.stdout.contains("skipped-link"))
    }
}
