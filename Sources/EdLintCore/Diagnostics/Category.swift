/// What kind of problem a rule finds. The four editorial categories are what edlint exists for;
/// `style` holds classic copy-editing rules; `edlint` holds the tool's own notices about a file
/// (unreadable, invalid encoding, a pattern that hit its match limit).
public enum Category: String, CaseIterable, Codable, Sendable, Comparable {
    case repetition
    case paraphrase
    case boilerplate
    case unsupportedClaim = "unsupported-claim"
    case style
    case edlint

    /// The categories of rules, which a configuration and `--select`/`--ignore` may name (not
    /// `edlint`, whose diagnostics are not rules).
    public static var configurable: [Category] { allCases.filter { $0 != .edlint } }

    public var summary: String {
        switch self {
        case .repetition: "a paragraph or sentence repeated verbatim or near-verbatim"
        case .paraphrase: "a paragraph restated later in other words"
        case .boilerplate: "web/CMS leftovers and empty filler"
        case .unsupportedClaim: "claims pinned on vague or unnamed sources"
        case .style: "classic copy-editing slips"
        case .edlint: "problems reading or linting a file"
        }
    }

    public static func < (lhs: Category, rhs: Category) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
