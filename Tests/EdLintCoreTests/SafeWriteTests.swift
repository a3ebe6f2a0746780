import EdLintCore
import EdLintTestSupport
import Foundation
import Testing

/// How edlint writes files (`SafeWrite`) and reads git's names (`ChangedLines.unquoted`).
struct SafeWriteTests {
    func folder() -> URL { Fixtures.temporaryDirectory("edlint-safewrite") }

    @Test func replaceRefusesAFileChangedSinceItWasRead() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("a.md").path
        try Data("as read\n".utf8).write(to: URL(fileURLWithPath: path))
        // What edlint read differs from what is on disk now: an edit made during the run.
        #expect(throws: WriteError.changedSinceRead(path: path)) {
            try SafeWrite.replace(path, expecting: Array("older text\n".utf8), with: Array("fixed\n".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "as read\n")
        try SafeWrite.replace(path, expecting: Array("as read\n".utf8), with: Array("fixed\n".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "fixed\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
        #expect(left == ["a.md"])
    }

    @Test func replaceKeepsPermissions() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("a.md").path
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o640) == 0)
        try SafeWrite.replace(path, expecting: Array("x\n".utf8), with: Array("y\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
    }

    @Test func temporaryNamesCarryTheirOwnersProcessID() {
        let path = SafeWrite.temporaryPath(for: "/some/folder/report.json")
        #expect(path.hasPrefix("/some/folder/.report.json.edlint-tmp-\(getpid())-"))
        let name = (path as NSString).lastPathComponent
        #expect(SafeWrite.temporaryOwner(ofName: name) == getpid())
        #expect(!SafeWrite.isStaleTemporary(name: name))  // this process is alive
        for notOurs in ["report.json", ".report.json", ".a.edlint-tmp-12x-ab", ".a.edlint-tmp-12-", "a.edlint-tmp-12-ab", ".a.edlint-tmp-12-zz"] {
            #expect(SafeWrite.temporaryOwner(ofName: notOurs) == nil, "\(notOurs)")
        }
    }

    @Test func writeRefusesInputsLinksAndFolders() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in.md").path
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: input))
        let inputs: Set<FileKey> = [try #require(FileIdentity.of(input)).file]
        #expect(throws: WriteError.isInput(path: input)) { try SafeWrite.write(to: input, inputs: inputs) { $0.append("report") } }
        let link = root.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nowhere.json")
        #expect(throws: WriteError.throughLink(path: link)) { try SafeWrite.write(to: link) { $0.append("report") } }
        #expect(throws: WriteError.isFolder(path: root.path)) { try SafeWrite.write(to: root.path) { $0.append("report") } }
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "keep\n")
    }

    @Test func gitQuotedPathsAreUnquotedExactly() {
        #expect(ChangedLines.unquoted("b/plain.md") == "b/plain.md")
        #expect(ChangedLines.unquoted("b/my notes.md\t") == "b/my notes.md")
        #expect(ChangedLines.unquoted(#""b/caf\303\251.md""#) == "b/café.md")
        #expect(ChangedLines.unquoted(#""b/tab\there.md""#) == "b/tab\there.md")
        #expect(ChangedLines.unquoted(#""b/quote\"d.md""#) == "b/quote\"d.md")
        #expect(ChangedLines.unquoted(#""b/back\\slash.md""#) == "b/back\\slash.md")
        let diff = "diff --git \"a/caf\\303\\251.md\" \"b/caf\\303\\251.md\"\n+++ \"b/caf\\303\\251.md\"\n@@ -1,0 +2,1 @@\n+x\n"
        #expect(ChangedLines(diff: diff).touches(path: "café.md", lines: 2...2))
    }
}

#if canImport(Glibc)
    import Glibc
#endif
