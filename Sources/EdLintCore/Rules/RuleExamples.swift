/// Runs a rule's own examples: valid texts must yield nothing; invalid texts must yield exactly
/// the findings marked with `↓`, at those positions — and again behind a multibyte prefix, to
/// catch offset bugs. Used by the test suite and by `edlint check-rules`.
public enum RuleExamples {
    public static let marker = "↓"
    /// A paragraph of accents, a dash and an emoji placed before each example on the second run.
    public static let multibytePrefix = "Préface — café 😀 naïve résumé.\n\n"

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
        var failures: [Failure] = []
        let description = rule.description
        let context = RuleContext(for: description)
        for prefix in ["", multibytePrefix] {
            let shift = prefix.utf8.count
            let note = prefix.isEmpty ? "" : " (behind a multibyte prefix)"
            for example in description.validExamples {
                let found = findings(rule, context: context, text: prefix + example)
                switch found {
                case .failure(let failure):
                    failures.append(Failure(ruleID: description.id, example: example, message: failure.message + note))
                case .success(let diagnostics) where !diagnostics.isEmpty:
                    let starts = diagnostics.map { $0.range.lowerBound - shift }
                    failures.append(
                        Failure(ruleID: description.id, example: example, message: "valid example flagged at byte \(starts)\(note): \(diagnostics[0].message)"))
                default: break
                }
            }
            for example in description.invalidExamples {
                let (text, expected) = strip(example)
                switch findings(rule, context: context, text: prefix + text) {
                case .failure(let failure):
                    failures.append(Failure(ruleID: description.id, example: example, message: failure.message + note))
                case .success(let diagnostics):
                    let actual = diagnostics.map { $0.range.lowerBound - shift }.sorted()
                    if actual != expected.sorted() {
                        failures.append(
                            Failure(
                                ruleID: description.id, example: example,
                                message: "expected findings at bytes \(expected.sorted()), got \(actual)\(note)"))
                    }
                }
            }
        }
        return failures
    }

    /// What a user would see: the rule run by the linter alone (so one finding per sentence
    /// where the linter merges them). A rule that gives up is a failure of its example.
    private static func findings(_ rule: any Rule, context: RuleContext, text: String) -> Result<[Diagnostic], RuleFailure> {
        let diagnostics = Linter(rules: [ActiveRule(rule: rule, context: context)]).lint(DocumentReader.parse(text))
        if let failure = diagnostics.first(where: { $0.ruleID == ToolDiagnostics.ruleFailure.id }) {
            return .failure(RuleFailure(message: failure.message, range: failure.range))
        }
        return .success(diagnostics)
    }
}

extension String {
    func replacingNewlines() -> String {
        var result = ""
        for character in self { result += character == "\n" ? "⏎" : String(character) }
        return result
    }
}
