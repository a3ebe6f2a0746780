import ArgumentParser
import EdLintCore
import EdLintReporters
import EdLintRules
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension FailLevel: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage/config/internal error.
enum Exit {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let error: Int32 = 2
}

struct EdLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edlint",
        abstract: "An editorial quality linter for Markdown and plain text.",
        discussion: """
            Flags repeated and paraphrased paragraphs, web/CMS boilerplate and claims pinned on vague \
            sources. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or configuration error.
            """,
        version: "\(EdLintTool.name) \(EdLintTool.version)",
        subcommands: [Check.self, RulesCommand.self, Explain.self, CheckRules.self, InstallHook.self],
        defaultSubcommand: Check.self)
}

/// Loads the built-in rules; a broken shipped rule is an internal error (exit 2), never a crash.
func loadBuiltinRules() throws -> [any Rule] {
    do {
        return try BuiltinRules.load()
    } catch {
        printError("edlint: internal error: a built-in rule failed to load: \(error)")
        throw ExitCode(Exit.error)
    }
}

/// `--select a,b --select c` → [a, b, c].
func splitList(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
