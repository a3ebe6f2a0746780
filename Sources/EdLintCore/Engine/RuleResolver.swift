/// A rule with the context it runs with in this configuration.
public struct ActiveRule: Sendable {
    public var rule: any Rule
    public var context: RuleContext

    public init(rule: any Rule, context: RuleContext) {
        self.rule = rule
        self.context = context
    }
}

/// `--select` / `--ignore`: rule ids or category names.
public struct RuleSelection: Sendable {
    public var select: [String]
    public var ignore: [String]

    public init(select: [String] = [], ignore: [String] = []) {
        self.select = select
        self.ignore = ignore
    }

    /// Rejects names that are neither a rule id nor a category, and edlint's own diagnostics.
    public func validate(against registry: RuleRegistry) throws(ConfigurationError) {
        let names = registry.ids + Category.configurable.map(\.rawValue)
        for (flag, list) in [("--select", select), ("--ignore", ignore)] {
            for name in list where ToolDiagnostics.isToolName(name) { throw .notConfigurable(nil, name: name, flag: flag) }
            for name in list where !names.contains(name) {
                throw .unknownSelector(name, flag: flag, suggestion: NameSuggestion.nearest(to: name, in: names))
            }
        }
    }

    func matches(_ description: RuleDescription, in list: [String]) -> Bool {
        list.contains(description.id) || list.contains(description.category.rawValue)
    }
}

/// Decides which rules run and how: configuration (category, then rule settings) and the CLI's selection.
public enum RuleResolver {
    public static func resolve(
        registry: RuleRegistry, configuration: Configuration, selection: RuleSelection
    ) throws(ConfigurationError) -> [ActiveRule] {
        // Settings must name real rules, and options must be ones the rule declares, of the right type.
        for (id, setting) in configuration.rules {
            if ToolDiagnostics.isToolName(id) { throw .notConfigurable(setting.location, name: id, flag: nil) }
            guard let rule = registry.rule(id: id) else {
                throw .unknownRule(setting.location, id: id, suggestion: NameSuggestion.nearest(to: id, in: registry.ids))
            }
            _ = try options(for: rule.description, setting: setting)
        }
        var active: [ActiveRule] = []
        for rule in registry.rules {
            let description = rule.description
            let categorySetting = configuration.categories.last { $0.category == description.category }?.setting
            let ruleSetting = configuration.rules.last { $0.id == description.id }?.setting
            var enabled = ruleSetting?.enabled ?? categorySetting?.enabled ?? true
            if !selection.select.isEmpty { enabled = selection.matches(description, in: selection.select) }
            if selection.matches(description, in: selection.ignore) { enabled = false }
            guard enabled else { continue }
            let severity = ruleSetting?.severity ?? categorySetting?.severity ?? description.defaultSeverity
            let resolved = try options(for: description, setting: ruleSetting)
            active.append(
                ActiveRule(
                    rule: rule,
                    context: RuleContext(ruleID: description.id, category: description.category, severity: severity, options: resolved)))
        }
        return active
    }

    private static func options(for description: RuleDescription, setting: RuleSetting?) throws(ConfigurationError) -> ResolvedOptions {
        var resolved = ResolvedOptions(defaultsOf: description.options)
        guard let setting else { return resolved }
        for option in setting.options {
            guard let spec = description.options.first(where: { $0.name == option.name }) else {
                throw .unknownOption(option.location, rule: description.id, option: option.name, options: description.options.map(\.name))
            }
            do {
                let key = "\(description.id).\(option.name)"
                let range = spec.range ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
                switch spec.type {
                case .int:
                    let intRange = Int(max(range.lowerBound, -1e15))...Int(min(range.upperBound, 1e15))
                    resolved.values[option.name] = .int(try option.value.int(key: key, range: intRange))
                case .double: resolved.values[option.name] = .double(try option.value.double(key: key, range: range))
                case .bool: resolved.values[option.name] = .bool(try option.value.bool(key: key))
                case .string: resolved.values[option.name] = .string(try option.value.string(key: key))
                case .strings: resolved.values[option.name] = .strings(try option.value.strings(key: key).map(\.0))
                }
            } catch {
                throw .shape(error)
            }
        }
        return resolved
    }
}
