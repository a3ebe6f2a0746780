import EdLintCore
import EdLintRules

/// Lints text with the built-in rules (optionally only some), as the CLI would with no config.
public enum TestLint {
    public static func builtinRules() -> [any Rule] {
        (try? BuiltinRules.load()) ?? []
    }

    public static func diagnostics(
        _ text: String, format: DocumentFormat = .markdown, select: [String] = [], path: String = "test.md"
    ) throws -> [Diagnostic] {
        let registry = try RuleRegistry(rules: try BuiltinRules.load())
        let active = try RuleResolver.resolve(
            registry: registry, configuration: .defaults(directory: "/"), selection: RuleSelection(select: select))
        let linter = Linter(rules: active)
        return linter.lint(path: path, bytes: Array(text.utf8), format: format).diagnostics
    }

    /// The same under a `.linterrc` given as text, and `--ignore`.
    public static func diagnostics(_ text: String, configuration: String, ignore: [String] = []) throws -> [Diagnostic] {
        let registry = try RuleRegistry(rules: try BuiltinRules.load())
        let parsed = try Configuration.parse(configuration, path: "/test/.linterrc", directory: "/test")
        let active = try RuleResolver.resolve(registry: registry, configuration: parsed, selection: RuleSelection(ignore: ignore))
        return Linter(rules: active).lint(path: "test.md", bytes: Array(text.utf8), format: .markdown).diagnostics
    }
}
