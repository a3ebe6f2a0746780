import ArgumentParser
import EdLintCore
import Foundation

/// The few git questions the CLI asks (git is run, never linked).
enum Git {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let result = try runBytes(arguments)
        return (result.status, String(decoding: result.output, as: UTF8.self), result.error)
    }

    /// Runs git; standard error is read beside standard output, so neither pipe can fill and stall it.
    static func runBytes(_ arguments: [String]) throws -> (status: Int32, output: [UInt8], error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errorReader = ErrorReader(err.fileHandleForReading)
        let output: [UInt8]
        switch FileCollector.readAll(out.fileHandleForReading.fileDescriptor) {
        case .success(let bytes): output = bytes
        case .failure(let failure): throw Failure("cannot read git's output: \(failure.reason)")
        }
        let error = errorReader.wait()
        process.waitUntilExit()
        return (process.terminationStatus, output, String(decoding: error, as: UTF8.self))
    }

    /// Lines changed in the working tree since the merge base of `reference` and HEAD.
    static func changedLines(since reference: String) throws(CheckError) -> (lines: ChangedLines, repositoryRoot: String) {
        do {
            let root = try run(["rev-parse", "--show-toplevel"])
            guard root.status == 0 else { throw Failure("not inside a git repository: \(root.error.trimmingCharacters(in: .whitespacesAndNewlines))") }
            // A revision is never an option: `--changed-since=--help` must not reach git as one.
            guard !reference.hasPrefix("-"), !reference.isEmpty else {
                throw Failure("'\(excerpt(reference))' is not a git revision")
            }
            let commit = try run(["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"])
            guard commit.status == 0 else {
                throw Failure("'\(excerpt(reference))' is not a commit in this repository" + (try shallowAdvice()))
            }
            let resolved = commit.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let base = try run(["merge-base", resolved, "HEAD"])
            guard base.status == 0 else {
                let reason = base.error.trimmingCharacters(in: .whitespacesAndNewlines)
                throw Failure(
                    "cannot find the merge base of '\(excerpt(reference))' and HEAD"
                        + (reason.isEmpty ? " (they share no history here)" : ": \(reason)") + (try shallowAdvice()))
            }
            let diff = try run([
                "-c", "core.quotePath=true", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames",
                base.output.trimmingCharacters(in: .whitespacesAndNewlines), "--",
            ])
            guard diff.status == 0 else { throw Failure("git diff failed: \(diff.error)") }
            var lines = ChangedLines(diff: diff.output)
            // NUL-separated: names with spaces, quotes or non-ASCII letters come back as they are.
            let untracked = try run(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"])
            lines.untracked = Set(untracked.output.split(separator: "\0").map(String.init))
            return (lines, root.output.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch let failure as Failure {
            throw .changedLines(failure.message)
        } catch {
            throw .changedLines("cannot run git: \(error)")
        }
    }

    /// What to do when the history is cut short, as CI's default shallow clones (GitLab's depth
    /// of 20 or 50, actions/checkout's 1) cut it.
    private static func shallowAdvice() throws -> String {
        let shallow = try run(["rev-parse", "--is-shallow-repository"])
        guard shallow.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else { return "" }
        return ". This clone is shallow: fetch the full history (GitLab: GIT_DEPTH: 0; GitHub: actions/checkout with "
            + "fetch-depth: 0) or at least the target branch (git fetch --unshallow, or git fetch origin BRANCH)"
    }

    /// The staged (added, copied, modified, renamed) files as the index holds them, by path
    /// relative to the current folder. Names come NUL-separated and blobs are read with
    /// `git cat-file blob :0:PATH`, so a name with spaces, a leading dash or a `1:` prefix
    /// (which `git show :1:…` would take for stage 1) is read as the file it names.
    static func stagedFiles() throws -> [(path: String, bytes: [UInt8])] {
        do {
            let up = try run(["rev-parse", "--show-cdup"])
            guard up.status == 0 else { throw Failure("not inside a git repository: \(up.error.trimmingCharacters(in: .whitespacesAndNewlines))") }
            let prefix = up.output.trimmingCharacters(in: .newlines)
            let names = try run(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z", "--"])
            guard names.status == 0 else { throw Failure("git diff --cached failed: \(names.error)") }
            var files: [(path: String, bytes: [UInt8])] = []
            for name in names.output.split(separator: "\0").map(String.init) {
                // The same selection as a folder walk: Markdown, text and extensionless files.
                let base = (name as NSString).lastPathComponent
                guard !base.hasPrefix("."), DocumentFormat.forPath(base) != nil else { continue }
                let blob = try runBytes(["cat-file", "blob", ":0:" + name])
                guard blob.status == 0 else { throw Failure("cannot read the staged \(name): \(blob.error)") }
                files.append((prefix + name, blob.output))
            }
            return files
        } catch let failure as Failure {
            printError("edlint: --staged: \(failure.message)")
            throw ExitCode(Exit.error)
        } catch {
            printError("edlint: --staged: cannot run git: \(error)")
            throw ExitCode(Exit.error)
        }
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

/// Reads a pipe to its end on another thread.
private final class ErrorReader: @unchecked Sendable {
    private var bytes = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.bytes = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return bytes
    }
}
