/// Why a `.linterrc` (or a `--select`/`--ignore` name) cannot be used. The CLI exits 2 on these.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case shape(YAMLShapeError)
    case unknownRule(FileLocation, id: String, suggestion: String?)
    case unknownCategory(FileLocation, name: String, suggestion: String?)
    case unknownOption(FileLocation, rule: String, option: String, options: [String])
    case invalidGlob(FileLocation, glob: String, message: String)
    case unreadable(path: String, reason: String)
    case unknownSelector(String, flag: String, suggestion: String?)
    /// `edlint` or one of edlint's own diagnostics named where a rule or category goes: they are
    /// not rules and are never turned off or re-graded.
    case notConfigurable(FileLocation?, name: String, flag: String?)

    public var description: String {
        switch self {
        case .shape(let error): error.description
        case .unknownRule(let location, let id, let suggestion):
            "\(location): unknown rule id '\(excerpt(id))'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; run 'edlint rules' for the list")
        case .unknownCategory(let location, let name, let suggestion):
            "\(location): unknown category '\(excerpt(name))'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (categories: \(Category.configurable.map(\.rawValue).joined(separator: ", ")))"
        case .unknownOption(let location, let rule, let option, let options):
            "\(location): rule '\(rule)' has no option '\(excerpt(option))'"
                + (NameSuggestion.nearest(to: option, in: options).map { "; did you mean '\($0)'?" } ?? "")
                + (options.isEmpty ? " (it takes no options)" : " (options: \(options.joined(separator: ", ")))")
        case .invalidGlob(let location, let glob, let message): "\(location): invalid glob '\(excerpt(glob))': \(message)"
        case .unreadable(let path, let reason): "\(path): cannot read configuration: \(reason)"
        case .unknownSelector(let name, let flag, let suggestion):
            "\(flag) \(excerpt(name)): no rule or category of that name" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .notConfigurable(let location, let name, let flag):
            (location.map { "\($0): " } ?? "") + (flag.map { "\($0) " } ?? "") + "'\(excerpt(name))' "
                + "is not a rule: edlint's own diagnostics (a file not read, a rule that gave up, a suppression naming no rule, "
                + "findings over the cap) say what edlint could not do, so they cannot be turned off, re-graded or selected"
        }
    }
}
