import Foundation

/// What every YAML rule file declares, whatever its kind.
struct CommonRuleFields: Sendable {
    var message: MessageTemplate
    var scanner: MatchScanner
    var caseInsensitive: Bool
}

/// A rule kind that YAML rules can pick (`kind: existence` …). One file per kind in `Kinds/`.
protocol YAMLRuleKind: Sendable {
    static var name: String { get }
    /// The keys this kind adds to the common ones.
    static var keys: [String] { get }
    static var placeholders: [String] { get }
    static var defaultScope: RuleScope { get }
    /// Options users may override in `.linterrc`, given the file's own values.
    var options: [RuleOptionSpec] { get }

    init(fields: [String: YAMLValue], common: CommonRuleFields, file: YAMLValue) throws(RuleLoadError)
    func check(_ document: Document, context: RuleContext, common: CommonRuleFields) throws(RuleFailure) -> [Diagnostic]
}

/// The registry of kinds.
public enum YAMLRuleKinds {
    static let all: [any YAMLRuleKind.Type] = [
        ExistenceKind.self, SubstitutionKind.self, OccurrenceKind.self, ConditionalKind.self,
    ]
    public static var names: [String] { all.map { $0.name } }
    static func kind(named name: String) -> (any YAMLRuleKind.Type)? { all.first { $0.name == name } }
}

/// `case:` in a rule file (and in a conditional rule's `first`/`second`).
enum CaseMode: String, CaseIterable {
    case insensitive, sensitive
}

/// A rule read from `Rules/<category>/<slug>.yml`.
public struct YAMLRule: Rule {
    public let description: RuleDescription
    let common: CommonRuleFields
    let kind: any YAMLRuleKind

    public func check(_ document: Document, context: RuleContext) throws(RuleFailure) -> [Diagnostic] {
        try kind.check(document, context: context, common: common)
    }

    static let commonKeys = [
        "kind", "summary", "rationale", "severity", "message", "scope", "case", "skip", "exceptions", "examples",
    ]

    /// Loads one rule file. `relativePath` is `<category>/<slug>.yml` and gives the rule its id.
    public static func load(text: String, path: String, relativePath: String) throws(RuleLoadError) -> YAMLRule {
        let (category, slug) = try identity(relativePath: relativePath, path: path)
        let root: YAMLValue
        do throws(YAMLShapeError) {
            guard let parsed = try YAMLValue.parse(text, path: path) else {
                throw YAMLShapeError.missingKey(FileLocation(path: path, line: 1), key: "kind", where: "a rule file")
            }
            root = parsed
        } catch { throw .shape(error) }

        // First pass: find the kind, so unknown keys can be judged against the right key list.
        let kindName: String
        let kindType: any YAMLRuleKind.Type
        let entries: [(key: String, keyLocation: FileLocation, value: YAMLValue)]
        do {
            entries = try root.mapping(named: "a rule file", allowed: nil)
            guard let kindEntry = entries.first(where: { $0.key == "kind" }) else {
                throw YAMLShapeError.missingKey(root.location, key: "kind", where: "a rule file")
            }
            kindName = try kindEntry.value.string(key: "kind")
            guard let found = YAMLRuleKinds.kind(named: kindName) else {
                throw RuleLoadError.unknownKind(
                    kindEntry.value.location, kind: kindName,
                    suggestion: NameSuggestion.nearest(to: kindName, in: YAMLRuleKinds.names))
            }
            kindType = found
            let allowed = commonKeys + found.keys
            for entry in entries where !allowed.contains(entry.key) {
                throw YAMLShapeError.unknownKey(
                    entry.keyLocation, key: entry.key, suggestion: NameSuggestion.nearest(to: entry.key, in: allowed),
                    where: "a '\(kindName)' rule")
            }
        } catch let error as RuleLoadError {
            throw error
        } catch let error as YAMLShapeError {
            throw .shape(error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        var fields: [String: YAMLValue] = [:]
        for entry in entries { fields[entry.key] = entry.value }

        do {
            func required(_ key: String) throws(YAMLShapeError) -> YAMLValue {
                guard let value = fields[key] else { throw .missingKey(root.location, key: key, where: "a rule file") }
                return value
            }
            let summary = try required("summary").string(key: "summary")
            let rationale = try required("rationale").string(key: "rationale")
            let severity = try fields["severity"].map { value throws(YAMLShapeError) in
                try value.enumeration(Severity.self, key: "severity")
            } ?? .warning
            let scope = try fields["scope"].map { value throws(YAMLShapeError) in
                try value.enumeration(RuleScope.self, key: "scope")
            } ?? kindType.defaultScope
            let caseInsensitive = try fields["case"].map { value throws(YAMLShapeError) in
                try value.enumeration(CaseMode.self, key: "case")
            } != .sensitive
            var skip: Set<SkipRegion> = []
            if let skipValue = fields["skip"] {
                for (name, location) in try skipValue.strings(key: "skip") {
                    guard let region = SkipRegion(rawValue: name) else {
                        throw YAMLShapeError.invalidValue(
                            location, key: "skip",
                            message: "'\(name)' is not one of " + SkipRegion.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    skip.insert(region)
                }
            }
            var exceptions: PCRE2Pattern?
            if let exceptionValue = fields["exceptions"] {
                let list = try exceptionValue.strings(key: "exceptions")
                for (pattern, location) in list {
                    try AlternativesReader.checked(pattern, caseInsensitive: caseInsensitive, location: location)
                }
                if !list.isEmpty {
                    let anchored = "^(?:" + list.map { "(?:\($0.0))" }.joined(separator: "|") + ")$"
                    exceptions = try? PCRE2Pattern(anchored, options: caseInsensitive ? [.caseInsensitive] : [])
                }
            }
            let messageValue = try required("message")
            let message = try MessageTemplate(
                try messageValue.string(key: "message"), allowed: kindType.placeholders, location: messageValue.location)
            let (valid, invalid) = try examples(fields["examples"], root: root)

            let common = CommonRuleFields(
                message: message, scanner: MatchScanner(scope: scope, skip: skip, exceptions: exceptions),
                caseInsensitive: caseInsensitive)
            let kind = try kindType.init(fields: fields, common: common, file: root)
            let description = RuleDescription(
                id: "\(category.rawValue).\(slug)", category: category, defaultSeverity: severity,
                summary: summary.trimmingCharacters(in: .whitespacesAndNewlines),
                rationale: rationale.trimmingCharacters(in: .whitespacesAndNewlines),
                validExamples: valid, invalidExamples: invalid, options: kind.options, origin: path)
            return YAMLRule(description: description, common: common, kind: kind)
        } catch let error as RuleLoadError {
            throw error
        } catch let error as YAMLShapeError {
            throw .shape(error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    private static func identity(relativePath: String, path: String) throws(RuleLoadError) -> (Category, String) {
        let parts = relativePath.split(separator: "/").map(String.init)
        guard parts.count == 2, let dot = parts[1].lastIndex(of: ".") else { throw .badFileName(path: path) }
        let slug = String(parts[1][..<dot])
        guard let category = Category(rawValue: parts[0]), category != .edlint else {
            throw .unknownCategory(
                path: path, folder: parts[0],
                suggestion: NameSuggestion.nearest(to: parts[0], in: Category.configurable.map(\.rawValue)))
        }
        let slugIsValid = !slug.isEmpty && slug.unicodeScalars.allSatisfy {
            ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-"
        }
        guard slugIsValid else { throw .badFileName(path: path) }
        return (category, slug)
    }

    private static func examples(_ value: YAMLValue?, root: YAMLValue) throws(RuleLoadError) -> ([String], [String]) {
        guard let value else {
            throw .examples(root.location, message: "a rule needs 'examples' with 'valid' and 'invalid' texts")
        }
        do {
            let entries = try value.mapping(named: "examples", allowed: ["valid", "invalid"])
            var valid: [String] = []
            var invalid: [String] = []
            for entry in entries {
                let texts = try entry.value.strings(key: entry.key)
                for (text, location) in texts {
                    let markers = text.components(separatedBy: RuleExamples.marker).count - 1
                    if entry.key == "valid", markers > 0 {
                        throw RuleLoadError.examples(location, message: "a valid example cannot carry a ↓ marker")
                    }
                    if entry.key == "invalid", markers == 0 {
                        throw RuleLoadError.examples(
                            location, message: "an invalid example marks where each finding starts with ↓")
                    }
                }
                if entry.key == "valid" { valid = texts.map(\.0) } else { invalid = texts.map(\.0) }
            }
            if valid.isEmpty || invalid.isEmpty {
                throw RuleLoadError.examples(
                    value.location, message: "'examples' needs at least one 'valid' and one 'invalid' text")
            }
            return (valid, invalid)
        } catch let error as RuleLoadError {
            throw error
        } catch let error as YAMLShapeError {
            throw .shape(error)
        } catch {
            throw .unreadable(path: root.path, reason: "\(error)")
        }
    }
}
