/// Anything that stops a run before linting: bad configuration or a bad rule pack. Exit code 2.
public enum EdLintError: Error, Sendable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case rules(RuleLoadError)
    case usage(String)

    public var description: String {
        switch self {
        case .configuration(let error): error.description
        case .rules(let error): error.description
        case .usage(let message): message
        }
    }
}
