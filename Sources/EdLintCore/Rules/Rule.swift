/// The type of a rule option's value.
public enum RuleOptionType: String, Sendable, Hashable {
    case int = "whole number", double = "number", bool = "true or false", string = "string", strings = "list of strings"
}

/// A rule option's value.
public enum RuleOptionValue: Sendable, Hashable, CustomStringConvertible {
    case int(Int), double(Double), bool(Bool), string(String), strings([String])

    public var type: RuleOptionType {
        switch self {
        case .int: .int
        case .double: .double
        case .bool: .bool
        case .string: .string
        case .strings: .strings
        }
    }

    public var description: String {
        switch self {
        case .int(let value): "\(value)"
        case .double(let value): "\(value)"
        case .bool(let value): "\(value)"
        case .string(let value): value
        case .strings(let values): "[" + values.joined(separator: ", ") + "]"
        }
    }
}

/// A documented, typed option a rule accepts from `.linterrc` (`rules: {id: {options: {…}}}`).
public struct RuleOptionSpec: Sendable, Hashable {
    public var name: String
    public var type: RuleOptionType
    public var defaultValue: RuleOptionValue
    public var summary: String
    /// For numbers: the accepted range.
    public var range: ClosedRange<Double>?

    public init(name: String, type: RuleOptionType, defaultValue: RuleOptionValue, summary: String, range: ClosedRange<Double>? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.summary = summary
        self.range = range
    }
}

/// Everything a rule says about itself: identity, documentation and examples, declared together.
/// `edlint rules`, `edlint explain`, SARIF and the generic example test all read it.
public struct RuleDescription: Sendable {
    /// `category.slug`, stable: users put it in configs and suppressions.
    public var id: String
    public var category: Category
    public var defaultSeverity: Severity
    public var summary: String
    public var rationale: String
    /// Texts the rule must not flag.
    public var validExamples: [String]
    /// Texts the rule must flag, with `↓` before each finding's first character.
    public var invalidExamples: [String]
    public var options: [RuleOptionSpec]
    /// Where the rule comes from: `built-in` or a rule file's path.
    public var origin: String
    /// The rule compares the run's files with each other (a `CrossFileRule`): its findings are
    /// known only when every file is linted, so the human report lists them after the rest.
    public var comparesFiles: Bool
    /// Rules whose reported pairs this one does not report again: it runs after them in each
    /// document and sees what they reported in `RuleContext.reportedPairs`.
    public var defersTo: [String]
    /// Examples at options other than the defaults (like SwiftLint's `Example(configuration:)`),
    /// run by the same generic test.
    public var configuredExamples: [ConfiguredExamples]

    public init(
        id: String, category: Category, defaultSeverity: Severity, summary: String, rationale: String,
        validExamples: [String], invalidExamples: [String], options: [RuleOptionSpec] = [], origin: String = "built-in",
        comparesFiles: Bool = false, defersTo: [String] = [], configuredExamples: [ConfiguredExamples] = []
    ) {
        self.configuredExamples = configuredExamples
        self.comparesFiles = comparesFiles
        self.defersTo = defersTo
        self.id = id
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.validExamples = validExamples
        self.invalidExamples = invalidExamples
        self.options = options
        self.origin = origin
    }

    /// The part of the id after the category.
    public var slug: String { String(id.drop(while: { $0 != "." }).dropFirst()) }
}

/// A rule's examples at some options: texts it must not flag and texts it must flag (with `↓`)
/// when configured so.
public struct ConfiguredExamples: Sendable {
    public var options: [String: RuleOptionValue]
    public var valid: [String]
    public var invalid: [String]

    public init(options: [(name: String, value: RuleOptionValue)], valid: [String] = [], invalid: [String] = []) {
        self.options = Dictionary(options.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        self.valid = valid
        self.invalid = invalid
    }
}

/// The options a rule runs with: its declared defaults overridden by configuration.
public struct ResolvedOptions: Sendable, Hashable {
    public var values: [String: RuleOptionValue]

    public init(_ values: [String: RuleOptionValue] = [:]) { self.values = values }

    public init(defaultsOf specs: [RuleOptionSpec]) {
        values = Dictionary(specs.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { first, _ in first })
    }
}

/// What a rule is given besides the document: its effective severity and options.
public struct RuleContext: Sendable {
    public var ruleID: String
    public var category: Category
    public var severity: Severity
    public var options: ResolvedOptions
    /// In one document: the pairs reported by the rules this one defers to (empty otherwise).
    public var reportedPairs = ReportedPairs()

    public init(ruleID: String, category: Category, severity: Severity, options: ResolvedOptions) {
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.options = options
    }

    public init(for description: RuleDescription) {
        self.init(
            ruleID: description.id, category: description.category, severity: description.defaultSeverity,
            options: ResolvedOptions(defaultsOf: description.options))
    }

    /// A diagnostic from this rule.
    public func diagnostic(
        _ message: String, at range: ByteRange, related: [RelatedLocation] = [], fix: Fix? = nil
    ) -> Diagnostic {
        Diagnostic(
            ruleID: ruleID, category: category, severity: severity, message: message, range: range, related: related,
            fix: fix)
    }
}

/// A rule that could not finish on a document (a pattern hit its match limit); reported as an
/// error diagnostic for that file while the run goes on.
public struct RuleFailure: Error, Sendable {
    public var message: String
    public var range: ByteRange

    public init(message: String, range: ByteRange) {
        self.message = message
        self.range = range
    }
}

/// A rule: a pure function of a document and its context to diagnostics. Rules do not read
/// files, print, or look at global state.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ document: Document, context: RuleContext) throws(RuleFailure) -> [Diagnostic]
}
