/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The level at which findings make a run fail (`fail_on`, `--fail-on`).
public enum FailLevel: String, CaseIterable, Codable, Sendable {
    case error, warning, info, never

    /// Whether a finding of `severity` fails the run at this level.
    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .info: true
        }
    }
}
