import ArgumentParser
import EdLintCore
import EdLintReporters
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process's standard streams, written without Foundation's `FileHandle.write` (which traps on
/// any error): a full disk or a closed standard output is an error message and exit 2, a reader
/// that went away (`edlint … | head`) ends the output quietly.
enum Console {
    /// Standard output, buffered. Everything edlint prints as its result goes through here.
    nonisolated(unsafe) static let output = DescriptorSink(descriptor: STDOUT_FILENO, name: "standard output")
    /// Standard output was closed when edlint started (`edlint … >&-`); descriptor 1 then holds
    /// /dev/null so that no file edlint opens can take its number and receive the report.
    nonisolated(unsafe) private(set) static var outputWasClosed = false
    nonisolated(unsafe) private static var wroteOutput = false
    nonisolated(unsafe) private static var reportedFailure = false

    /// Run first: occupies closed standard descriptors, ignores SIGPIPE (a closed pipe becomes
    /// EPIPE, handled as "reader gone"), and removes the temporary file being written when the
    /// run is interrupted.
    static func prepare() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            if descriptor == STDOUT_FILENO { outputWasClosed = true }
            let null = open("/dev/null", O_RDWR)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
        signal(SIGPIPE, SIG_IGN)
        for interrupt in [SIGINT, SIGTERM, SIGHUP] {
            signal(interrupt) { received in
                SafeWrite.removeCurrentTemporary()
                _exit(128 + received)
            }
        }
    }

    static func write(_ text: String) {
        guard !text.isEmpty else { return }
        wroteOutput = true
        output.append(text)
    }

    /// Text that holds words from rule packs, configurations or paths: escaped like `printError`.
    static func writeText(_ text: String) {
        write(sanitizedLines(text))
    }

    /// Flushes standard output; a failure to write it is reported and exits 2.
    static func finish() throws {
        output.flush()
        guard !reportedFailure else { throw ExitCode(Exit.error) }
        if outputWasClosed && wroteOutput || output.failure != nil { reportedFailure = true }
        if outputWasClosed && wroteOutput {
            printError("edlint: cannot write standard output: it is closed")
            throw ExitCode(Exit.error)
        }
        if let failure = output.failure {
            printError("edlint: \(failure)")
            throw ExitCode(Exit.error)
        }
    }
}

/// Writes a message to standard error. Text in it may come from files, paths, configurations or
/// rule packs, so control, escape and bidi characters are shown escaped, never sent to the
/// terminal; line breaks stay.
func printError(_ message: String) {
    _ = SafeWrite.writeAll(Array((sanitizedLines(message) + "\n").utf8), to: STDERR_FILENO)
}

/// `text` with every unsafe character escaped except its line breaks.
func sanitizedLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitized(String($0)) }.joined(separator: "\n")
}

/// "edlint: 120/1,842 files" on standard error while a long run goes on: only when both standard
/// error and standard output are terminals, outside CI, for the human format, and only once the
/// run has taken a second; at most ten updates a second; the line is cleared at the end.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = DispatchTime.now()
    /// How long a run goes before the line appears: a second, or EDLINT_PROGRESS_DELAY_MS (the
    /// test suite sets 0 so a short run shows it).
    private let delay: UInt64 = {
        guard let text = ProcessInfo.processInfo.environment["EDLINT_PROGRESS_DELAY_MS"], let value = UInt64(text) else {
            return 1_000_000_000
        }
        return value * 1_000_000
    }()
    private var lastDraw: UInt64 = 0
    private var drawn = false

    static func wanted(humanFormat: Bool) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        guard humanFormat, environment["CI"] == nil, environment["TERM"] != "dumb" else { return false }
        return isatty(STDERR_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    func update(done: Int, total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.lock()
        defer { lock.unlock() }
        guard now - start.uptimeNanoseconds >= delay, now - lastDraw > 100_000_000 || done == total else { return }
        lastDraw = now
        drawn = true
        _ = SafeWrite.writeAll(Array("\redlint: \(done)/\(total) files\u{1B}[K".utf8), to: STDERR_FILENO)
    }

    func finish() { clear(thenWrite: {}) }

    /// Clears the line and runs `write` (output for standard output) before any other thread can
    /// draw it again; the next update redraws it below what was written.
    func clear(thenWrite write: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if drawn { _ = SafeWrite.writeAll(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
        drawn = false
        write()
    }
}
