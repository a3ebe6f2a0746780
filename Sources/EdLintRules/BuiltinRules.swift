import EdLintCore

/// The rules that ship with edlint: the YAML packs of `Rules/` (embedded into this module at
/// build time by the EmbedRulePacks plugin) and the structural rules written in Swift.
public enum BuiltinRules {
    /// Structural rules, sorted by id. Register each new rule here; a test checks the list.
    public static let structural: [any Rule] =
        ([CrossFileRepetitionRule(), NavigationRule(), ParaphraseRule(), RepeatedParagraphRule(), RepeatedSentenceRule()] as [any Rule]
        + UnsupportedClaimRule.all.map { $0 as any Rule })
        .sorted { $0.description.id < $1.description.id }

    /// The embedded YAML rule files, as (path relative to `Rules/`, text).
    public static var yamlFiles: [(path: String, text: String)] { builtinRulePackFiles }

    /// Every built-in rule. Loading can only fail if a shipped rule file is broken, which the test
    /// suite rules out; the CLI still reports it as an internal error rather than crashing.
    public static func load() throws(RuleLoadError) -> [any Rule] {
        var rules: [any Rule] = structural
        for file in builtinRulePackFiles {
            rules.append(try YAMLRule.load(text: file.text, path: "Rules/" + file.path, relativePath: file.path))
        }
        return rules.sorted { $0.description.id < $1.description.id }
    }
}
