/// Runs a rule's own examples: valid texts must yield nothing; invalid texts must yield exactly
/// the findings marked with `↓`, at those positions — and again behind a multibyte prefix, to
/// catch offset bugs. Used by the test suite and by `edlint check-rules`.
public enum RuleExamples {
    public static let marker = "↓"
    /// A paragraph of accents, a dash and an emoji placed before each example on the second run.
    public static let multibytePrefix = "Préface — café 😀 naïve résumé.\n\n"
    /// In a cross-file rule's examples, the line that starts the next file of the run.
    public static let fileSeparator = "\n\n<<< next file >>>\n\n"

    /// A finding's place in an example: which file (0 for single-file rules) and byte offset.
    struct Place: Comparable, CustomStringConvertible {
        var file: Int
        var offset: Int
        static func < (a: Place, b: Place) -> Bool { (a.file, a.offset) < (b.file, b.offset) }
        var description: String { file == 0 ? "\(offset)" : "file \(file + 1) byte \(offset)" }
    }

    public struct Failure: Sendable, CustomStringConvertible {
        public var ruleID: String
        public var example: String
        public var message: String
        public var description: String {
            let shown = example.count > 120 ? String(example.prefix(117)) + "…" : example
            return "\(ruleID): \(message)\n    example: \(shown.replacingNewlines())"
        }
    }

    /// The example text without markers and the byte offsets the markers stood at.
    public static func strip(_ example: String) -> (text: String, offsets: [Int]) {
        var text = ""
        var offsets: [Int] = []
        var remainder = Substring(example)
        while let markerIndex = remainder.firstIndex(of: Character(marker)) {
            text += remainder[..<markerIndex]
            offsets.append(text.utf8.count)
            remainder = remainder[remainder.index(after: markerIndex)...]
        }
        text += remainder
        return (text, offsets)
    }

    public static func verify(_ rule: any Rule) -> [Failure] {
        let description = rule.description
        var failures = verify(rule, context: RuleContext(for: description), valid: description.validExamples, invalid: description.invalidExamples, note: "")
        for set in description.configuredExamples {
            var context = RuleContext(for: description)
            for (name, value) in set.options {
                guard let spec = description.options.first(where: { $0.name == name }), spec.type == value.type else {
                    failures.append(Failure(ruleID: description.id, example: "\(name): \(value)", message: "examples set an option the rule does not declare, or of another type"))
                    continue
                }
                context.options.values[name] = value
            }
            let options = set.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            failures += verify(rule, context: context, valid: set.valid, invalid: set.invalid, note: " (with \(options))")
        }
        return failures
    }

    private static func verify(_ rule: any Rule, context: RuleContext, valid: [String], invalid: [String], note options: String) -> [Failure] {
        var failures: [Failure] = []
        let description = rule.description
        for prefix in ["", multibytePrefix] {
            let note = (prefix.isEmpty ? "" : " (behind a multibyte prefix)") + options
            for example in valid {
                switch findings(rule, context: context, files: files(of: example, for: rule).map(\.text), prefix: prefix) {
                case .failure(let failure):
                    failures.append(Failure(ruleID: description.id, example: example, message: failure.message + note))
                case .success(let found) where !found.isEmpty:
                    failures.append(
                        Failure(ruleID: description.id, example: example, message: "valid example flagged at byte \(found.map(\.place))\(note): \(found[0].message)"))
                default: break
                }
            }
            for example in invalid {
                let parts = files(of: example, for: rule)
                let expected = parts.enumerated().flatMap { file, part in part.offsets.map { Place(file: file, offset: $0) } }.sorted()
                switch findings(rule, context: context, files: parts.map(\.text), prefix: prefix) {
                case .failure(let failure):
                    failures.append(Failure(ruleID: description.id, example: example, message: failure.message + note))
                case .success(let found):
                    let actual = found.map(\.place).sorted()
                    if actual != expected {
                        failures.append(
                            Failure(ruleID: description.id, example: example, message: "expected findings at bytes \(expected), got \(actual)\(note)"))
                    }
                }
            }
        }
        return failures
    }

    /// An example's files (a cross-file rule's examples hold several) without markers.
    private static func files(of example: String, for rule: any Rule) -> [(text: String, offsets: [Int])] {
        let parts = rule is any CrossFileRule ? example.components(separatedBy: fileSeparator) : [example]
        return parts.map(strip)
    }

    /// What a user would see: the rule run by the linter alone (so one finding per sentence
    /// where the linter merges them), files compared with each other for a cross-file rule.
    /// Places are relative to each file's text without `prefix`. A rule that gives up is a
    /// failure of its example.
    private static func findings(_ rule: any Rule, context: RuleContext, files: [String], prefix: String)
        -> Result<[(place: Place, message: String)], RuleFailure>
    {
        let linter = Linter(rules: [ActiveRule(rule: rule, context: context)])
        let shift = prefix.utf8.count
        var found: [(place: Place, message: String)] = []
        var documents: [Document] = []
        for (file, text) in files.enumerated() {
            let document = DocumentReader.parse(prefix + text)
            documents.append(document)
            let diagnostics = linter.lint(document)
            if let failure = diagnostics.first(where: { $0.ruleID == ToolDiagnostics.ruleFailure.id }) {
                return .failure(RuleFailure(message: failure.message, range: failure.range))
            }
            found += diagnostics.map { (Place(file: file, offset: $0.range.lowerBound - shift), $0.message) }
        }
        if let crossFile = rule as? any CrossFileRule {
            let inputs = documents.enumerated().map { CrossFileInput(path: "file\($0.offset + 1).md", summary: crossFile.summarize($0.element, context: context)) }
            for (file, diagnostics) in crossFile.compare(inputs, context: context).enumerated() {
                found += diagnostics.map { (Place(file: file, offset: $0.range.lowerBound - shift), $0.message) }
            }
        }
        return .success(found)
    }
}

extension String {
    func replacingNewlines() -> String {
        var result = ""
        for character in self { result += character == "\n" ? "⏎" : String(character) }
        return result
    }
}
