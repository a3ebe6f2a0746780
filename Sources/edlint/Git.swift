import ArgumentParser
import EdLintCore
import Foundation

/// The few git questions the CLI asks (git is run, never linked).
enum Git {
    struct Changes {
        var lines: ChangedLines
        var root: String
        func filter(_ reports: [FileReport]) -> [FileReport] { lines.filter(reports, repositoryRoot: root) }
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    /// Lines changed in the working tree since the merge base of `reference` and HEAD.
    static func changedLines(since reference: String) throws -> Changes {
        do {
            let root = try run(["rev-parse", "--show-toplevel"])
            guard root.status == 0 else { throw Failure("not inside a git repository: \(root.error.trimmingCharacters(in: .whitespacesAndNewlines))") }
            let base = try run(["merge-base", reference, "HEAD"])
            guard base.status == 0 else {
                throw Failure("cannot find the merge base of '\(reference)' and HEAD: \(base.error.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            let diff = try run(["diff", "--unified=0", "--no-color", "--no-ext-diff", base.output.trimmingCharacters(in: .whitespacesAndNewlines)])
            guard diff.status == 0 else { throw Failure("git diff failed: \(diff.error)") }
            var lines = ChangedLines(diff: diff.output)
            let untracked = try run(["ls-files", "--others", "--exclude-standard", "--full-name"])
            lines.untracked = Set(untracked.output.split(separator: "\n").map(String.init))
            return Changes(lines: lines, root: root.output.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch let failure as Failure {
            printError("edlint: --changed-since: \(failure.message)")
            throw ExitCode(Exit.error)
        } catch {
            printError("edlint: --changed-since: cannot run git: \(error)")
            throw ExitCode(Exit.error)
        }
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
