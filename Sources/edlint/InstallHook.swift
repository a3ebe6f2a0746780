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
            try script.write(toFile: hook, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        } catch {
            printError("edlint: install-hook: cannot write \(hook): \(error.localizedDescription)")
            throw ExitCode(Exit.error)
        }
        print("edlint: installed \(hook)")
    }

    static func which(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The hook: every staged (added, copied, modified, renamed) Markdown or text file, read from
    /// the index with `git show :path` and linted as that path.
    static func script(binary: String, arguments: String) -> String {
        """
        #!/usr/bin/env bash
        # edlint pre-commit hook, written by `edlint install-hook`. Lints what is staged, not the working tree.
        # Skip it once with `git commit --no-verify`.
        EDLINT="${EDLINT:-\(binary)}"
        [ -x "$EDLINT" ] || EDLINT=edlint
        status=0
        while IFS= read -r -d '' file; do
          case "$file" in
            *.md|*.markdown|*.mdx|*.txt) ;;
            *) continue ;;
          esac
          git show ":$file" | "$EDLINT" - --stdin-filename "$file" --color never \(arguments) || {
            code=$?
            [ "$code" -gt "$status" ] && status=$code
          }
        done < <(git diff --cached --name-only --diff-filter=ACMR -z)
        if [ "$status" -ne 0 ]; then
          echo "edlint: commit blocked; fix the findings above (or commit with --no-verify)." >&2
        fi
        exit "$status"

        """
    }
}
