import ArgumentParser
import EdLintCore
import EdLintReporters
import Foundation

/// The rules a run would know about: built-ins plus `--rules` packs.
func knownRules(packs: [String]) throws -> RuleRegistry {
    var registry: RuleRegistry
    do {
        registry = try RuleRegistry(rules: try loadBuiltinRules())
        for pack in packs { try registry.add(try RuleRegistry.loadPack(directory: pack)) }
    } catch let error as RuleLoadError {
        printError("edlint: \(error)")
        throw ExitCode(Exit.error)
    }
    return registry
}

enum RulesFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, defaults
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules.")

    @Option(help: "Only this category.")
    var category: String?

    @Option(help: "text (a table), markdown (the docs/rules.md page) or defaults (docs/default-rule-configurations.yml).")
    var format: RulesFormat = .text

    @Option(name: .customLong("rules"), help: ArgumentHelp("Add a rule pack folder (repeatable).", valueName: "dir"))
    var rulePacks: [String] = []

    func run() throws {
        let registry = try knownRules(packs: rulePacks)
        var chosen: Category?
        if let category {
            guard let known = Category(rawValue: category) else {
                let names = Category.allCases.map(\.rawValue)
                printError("edlint: unknown category '\(category)'" + (NameSuggestion.nearest(to: category, in: names).map { "; did you mean '\($0)'?" } ?? "") + " (categories: \(names.joined(separator: ", ")))")
                throw ExitCode(Exit.error)
            }
            chosen = known
        }
        let descriptions = registry.rules.map(\.description) + ToolDiagnostics.all
        let shown = descriptions.filter { chosen == nil || $0.category == chosen }.sorted { $0.id < $1.id }
        if format == .markdown {
            Console.writeText(RulesDocument.markdown(shown))
            return
        }
        if format == .defaults {
            Console.writeText(RulesDocument.defaults(shown))
            return
        }
        // The table lists what a configuration may name; edlint's own diagnostics only when
        // asked for by category, and said to be what they are.
        let listed = chosen == .edlint ? shown : shown.filter { $0.category != .edlint }
        let width = listed.map(\.id.count).max() ?? 0
        var output = chosen == .edlint ? "edlint's own diagnostics: not rules, and not configurable (they say what edlint could not do)\n" : ""
        for description in listed {
            output += description.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            output += description.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            output += description.summary + "\n"
        }
        if chosen == nil { output += "\nedlint's own diagnostics (a file not read, a rule that gave up, …): edlint rules --category edlint\n" }
        Console.writeText(output)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a rule: what it flags, why, and examples.")

    @Argument(help: "A rule id, such as boilerplate.related-content.")
    var id: String

    @Option(name: .customLong("rules"), help: ArgumentHelp("Add a rule pack folder (repeatable).", valueName: "dir"))
    var rulePacks: [String] = []

    func run() throws {
        let registry = try knownRules(packs: rulePacks)
        let descriptions = registry.rules.map(\.description) + ToolDiagnostics.all
        guard let description = descriptions.first(where: { $0.id == id }) else {
            let ids = descriptions.map(\.id)
            printError("edlint: no rule '\(id)'" + (NameSuggestion.nearest(to: id, in: ids).map { "; did you mean '\($0)'?" } ?? "; run 'edlint rules' for the list"))
            throw ExitCode(Exit.error)
        }
        var text = "\(description.id)  (\(description.category.rawValue), default severity \(description.defaultSeverity.rawValue))\n\n"
        text += description.summary + "\n\n"
        text += "Why it matters\n  " + description.rationale.replacingOccurrences(of: "\n", with: "\n  ") + "\n"
        if !description.invalidExamples.isEmpty {
            text += "\nFlagged (↓ marks where a finding starts)\n"
            for example in description.invalidExamples { text += "  ✗ " + example.replacingOccurrences(of: "\n", with: "\n    ") + "\n" }
        }
        if !description.validExamples.isEmpty {
            text += "\nNot flagged\n"
            for example in description.validExamples { text += "  ✓ " + example.replacingOccurrences(of: "\n", with: "\n    ") + "\n" }
        }
        if !description.options.isEmpty {
            text += "\nOptions (.linterrc: rules: {\(description.id): {options: {…}}})\n"
            for option in description.options {
                text += "  \(option.name) (\(option.type.rawValue), default \(option.defaultValue)): \(option.summary)\n"
            }
        }
        text += "\nDefined in: \(description.origin)\n"
        Console.writeText(text)
    }
}

struct CheckRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-rules",
        abstract: "Validate a rule pack folder and run every rule's own examples.",
        discussion: "Exit 0 when every rule loads and passes its examples, 1 when an example fails, 2 when a rule file is invalid.")

    @Argument(help: "A rule pack folder holding <category>/<slug>.yml files.")
    var directory: String

    func run() throws {
        let rules: [YAMLRule]
        do {
            rules = try RuleRegistry.loadPack(directory: directory)
            // The pack must also fit beside the built-in rules.
            var registry = try RuleRegistry(rules: try loadBuiltinRules())
            try registry.add(rules)
        } catch let error as RuleLoadError {
            printError("edlint: \(error)")
            throw ExitCode(Exit.error)
        }
        var failures: [RuleExamples.Failure] = []
        for rule in rules { failures += RuleExamples.verify(rule) }
        for failure in failures { printError("✗ \(failure)") }
        let examples = rules.reduce(0) { $0 + $1.description.validExamples.count + $1.description.invalidExamples.count }
        if failures.isEmpty {
            Console.writeText("✓ \(rules.count) rule\(rules.count == 1 ? "" : "s") in \(directory): all \(examples) examples pass (also behind a multibyte prefix).\n")
        } else {
            Console.writeText("✗ \(failures.count) example failure\(failures.count == 1 ? "" : "s") in \(rules.count) rules.\n")
            throw ExitCode(Exit.findings)
        }
    }
}
