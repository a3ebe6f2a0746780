import ArgumentParser
import EdLintCore
import Foundation

/// `edlint install-hook`: a git pre-commit hook that lints what is staged (the index), not the
/// working tree, so a commit is judged by exactly what it would record.
struct InstallHook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook", abstract: "Install a git pre-commit hook that lints staged Markdown and text files.")

    @Flag(help: "Replace an existing pre-commit hook.")
    var force = false

    @Option(help: ArgumentHelp("Arguments the hook passes to edlint (for example \"--fail-on error\").", valueName: "args"))
    var arguments: String = ""

    func run() throws {
        let hooks: String
        do {
            let result = try Git.run(["rev-parse", "--git-path", "hooks"])
            guard result.status == 0 else {
                printError("edlint: install-hook: not inside a git repository")
                throw ExitCode(Exit.error)
            }
            hooks = FileCollector.absolute(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch let exit as ExitCode {
            throw exit
        } catch {
            printError("edlint: install-hook: cannot run git: \(error)")
            throw ExitCode(Exit.error)
        }
        let hook = (hooks as NSString).appendingPathComponent("pre-commit")
        if FileManager.default.fileExists(atPath: hook), !force {
            printError("edlint: install-hook: \(hook) already exists; keep it, or replace it with --force")
            throw ExitCode(Exit.error)
        }
        let binary = FileCollector.absolute(CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : (Self.which("edlint") ?? "edlint"))
        let script = Self.script(binary: binary, arguments: arguments)
        do {
            try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        } catch {
            printError("edlint: install-hook: cannot create \(hooks): \(error.localizedDescription)")
            throw ExitCode(Exit.error)
        }
        do throws(WriteError) {
            try SafeWrite.write(to: hook, mode: 0o755) { $0.append(script) }
            _ = chmod(hook, 0o755)  // a replaced hook keeps its old mode otherwise
        } catch {
            printError("edlint: install-hook: \(error)")
            throw ExitCode(Exit.error)
        }
        Console.writeText("edlint: installed \(hook)\n")
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// `text` as one shell word: single-quoted, with each `'` written as `'\''`. Nothing in it
    /// is expanded, so a binary path holding `$(…)`, a space or a quote is only a path.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The hook: `edlint --staged` lints every staged Markdown or text file as the index holds it
    /// (edlint reads the names and blobs from git itself, so no name is mangled by the shell),
    /// with one summary; `--force-exclude` keeps `.linterrc`'s `exclude:` in force.
    static func script(binary: String, arguments: String) -> String {
        """
        #!/usr/bin/env bash
        # edlint pre-commit hook, written by `edlint install-hook`. Lints what is staged, not the working tree.
        # Skip it once with `git commit --no-verify`. Set EDLINT to use another edlint binary.
        set -o pipefail
        installed=\(shellQuoted(binary))
        EDLINT="${EDLINT:-$installed}"
        if ! [ -x "$EDLINT" ]; then
          if command -v edlint >/dev/null 2>&1; then
            EDLINT=edlint
          else
            echo "edlint pre-commit hook: edlint is not at $installed nor on PATH; install it, set EDLINT, or commit with --no-verify" >&2
            exit 2
          fi
        fi
        "$EDLINT" --staged --force-exclude --color never \(arguments)
        status=$?
        if [ "$status" -eq 1 ]; then
          echo "edlint: commit blocked; fix the findings above (or commit with --no-verify)." >&2
        elif [ "$status" -ne 0 ]; then
          echo "edlint: the pre-commit hook could not lint the staged files (exit $status); see above." >&2
        fi
        exit "$status"

        """
    }
}
