/// A rule option declared once, typed: its name, default, accepted range and meaning. The rule
/// lists `option.spec` in its description (from which `.linterrc` validation, `edlint explain`,
/// `docs/rules.md`, `.linterrc.example` and `docs/default-rule-configurations.yml` are made) and
/// reads the value with `context.options[option]` — never by a string with a second default.
public struct RuleOption<Value: RuleOptionRepresentable>: Sendable {
    public let name: String
    public let defaultValue: Value
    public let summary: String
    /// For numbers: the accepted range.
    public let range: ClosedRange<Double>?

    public init(_ name: String, default defaultValue: Value, summary: String, range: ClosedRange<Double>? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.range = range
    }

    /// This option set to `value`, for examples at non-default options.
    public func set(to value: Value) -> (name: String, value: RuleOptionValue) { (name, value.optionValue) }

    public var spec: RuleOptionSpec {
        RuleOptionSpec(name: name, type: Value.optionType, defaultValue: defaultValue.optionValue, summary: summary, range: range)
    }
}

/// The Swift types a rule option can have.
public protocol RuleOptionRepresentable: Sendable {
    static var optionType: RuleOptionType { get }
    var optionValue: RuleOptionValue { get }
    /// The value as configured, or nil when it has another type (the configuration is
    /// validated against the spec first, so only a whole number read as a number converts).
    init?(optionValue: RuleOptionValue)
}

extension Int: RuleOptionRepresentable {
    public static var optionType: RuleOptionType { .int }
    public var optionValue: RuleOptionValue { .int(self) }
    public init?(optionValue: RuleOptionValue) {
        guard case .int(let value) = optionValue else { return nil }
        self = value
    }
}

extension Double: RuleOptionRepresentable {
    public static var optionType: RuleOptionType { .double }
    public var optionValue: RuleOptionValue { .double(self) }
    public init?(optionValue: RuleOptionValue) {
        switch optionValue {
        case .double(let value): self = value
        case .int(let value): self = Double(value)
        default: return nil
        }
    }
}

extension Bool: RuleOptionRepresentable {
    public static var optionType: RuleOptionType { .bool }
    public var optionValue: RuleOptionValue { .bool(self) }
    public init?(optionValue: RuleOptionValue) {
        guard case .bool(let value) = optionValue else { return nil }
        self = value
    }
}

extension String: RuleOptionRepresentable {
    public static var optionType: RuleOptionType { .string }
    public var optionValue: RuleOptionValue { .string(self) }
    public init?(optionValue: RuleOptionValue) {
        guard case .string(let value) = optionValue else { return nil }
        self = value
    }
}

extension Array: RuleOptionRepresentable where Element == String {
    public static var optionType: RuleOptionType { .strings }
    public var optionValue: RuleOptionValue { .strings(self) }
    public init?(optionValue: RuleOptionValue) {
        switch optionValue {
        case .strings(let values): self = values
        case .string(let value): self = [value]
        default: return nil
        }
    }
}

extension ResolvedOptions {
    /// The option's configured value, or its declared default.
    public subscript<Value>(_ option: RuleOption<Value>) -> Value {
        values[option.name].flatMap(Value.init(optionValue:)) ?? option.defaultValue
    }
}
