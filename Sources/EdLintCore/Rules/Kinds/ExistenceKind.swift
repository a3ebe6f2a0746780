/// `kind: existence` — flags every match of its phrases or patterns.
///
/// ```yaml
/// kind: existence
/// phrases: [Related Posts, Share this]   # whole-word, case per `case:`
/// patterns: ['^Advertisement$']          # PCRE2, anchored to the scope unit
/// ```
struct ExistenceKind: YAMLRuleKind {
    static let name = "existence"
    static let keys = ["phrases", "patterns"]
    static let placeholders = ["match"]
    static let defaultScope = RuleScope.block
    var options: [RuleOptionSpec] { [] }

    let matcher: Matcher

    init(fields: [String: YAMLValue], common: CommonRuleFields, file: YAMLValue) throws(RuleLoadError) {
        let alternatives = try AlternativesReader.read(
            phrases: fields["phrases"], patterns: fields["patterns"], caseInsensitive: common.caseInsensitive)
        guard !alternatives.isEmpty else {
            throw .shape(.missingKey(file.location, key: "phrases' or 'patterns", where: "an 'existence' rule"))
        }
        matcher = try Matcher(
            alternatives: alternatives, caseInsensitive: common.caseInsensitive, capturing: false, location: file.location)
    }

    func check(_ document: Document, context: RuleContext, common: CommonRuleFields) throws(RuleFailure) -> [Diagnostic] {
        try common.scanner.matches(of: matcher, in: document).map { found in
            let prose = document.blocks[found.unit.block].prose
            let message = common.message.render(["match": MessageTemplate.quote(prose.bytes[found.range])])
            return context.diagnostic(message, at: prose.sourceRange(of: found.range))
        }
    }
}
