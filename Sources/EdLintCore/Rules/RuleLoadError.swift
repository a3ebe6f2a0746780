/// Why a rule file or rule pack could not be loaded. Every case names `path:line` and what to fix.
public enum RuleLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    case shape(YAMLShapeError)
    case invalidPattern(FileLocation, pattern: String, message: String, offset: Int)
    case emptyMatch(FileLocation, pattern: String)
    case unknownKind(FileLocation, kind: String, suggestion: String?)
    case unknownCategory(path: String, folder: String, suggestion: String?)
    case badFileName(path: String)
    case unknownPlaceholder(FileLocation, placeholder: String, allowed: [String])
    case examples(FileLocation, message: String)
    case duplicateID(id: String, first: String, second: String)
    case unreadable(path: String, reason: String)
    /// A `rules_paths` entry names a folder that does not exist.
    case missingFolder(FileLocation, path: String)

    public var description: String {
        switch self {
        case .shape(let error): error.description
        case .invalidPattern(let location, let pattern, let message, let offset):
            "\(location): invalid pattern '\(excerpt(pattern, limit: 120))': \(message) (at pattern offset \(offset))"
        case .emptyMatch(let location, let pattern):
            "\(location): pattern '\(excerpt(pattern, limit: 120))' matches the empty string; it must match at least one character"
        case .unknownKind(let location, let kind, let suggestion):
            "\(location): unknown rule kind '\(excerpt(kind))'; kinds are \(YAMLRuleKinds.names.joined(separator: ", "))"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .unknownCategory(let path, let folder, let suggestion):
            "\(path):1:1: '\(excerpt(folder))' is not a category; rule files live in Rules/<category>/<slug>.yml with a category of "
                + Category.configurable.map(\.rawValue).joined(separator: ", ") + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .badFileName(let path):
            "\(path):1:1: a rule file is named <category>/<slug>.yml with a slug of lowercase letters, digits and hyphens"
        case .unknownPlaceholder(let location, let placeholder, let allowed):
            "\(location): unknown message placeholder '{\(excerpt(placeholder))}'; this kind offers "
                + allowed.map { "{\($0)}" }.joined(separator: ", ")
        case .examples(let location, let message): "\(location): \(excerpt(message, limit: 300))"
        case .duplicateID(let id, let first, let second): "rule id '\(id)' is defined twice: \(first) and \(second)"
        case .unreadable(let path, let reason): "\(path): cannot read rule file: \(reason)"
        case .missingFolder(let location, let path): "\(location): rules_paths names \(path), which is not a folder"
        }
    }
}
