/// `kind: occurrence` — flags a scope unit in which its phrases or patterns occur more than `max`
/// times; the finding starts at the first match over the limit.
///
/// ```yaml
/// kind: occurrence
/// scope: sentence
/// max: 3
/// patterns: [',']
/// ```
struct OccurrenceKind: YAMLRuleKind {
    static let name = "occurrence"
    static let keys = ["phrases", "patterns", "max"]
    static let placeholders = ["match", "count", "max"]
    static let defaultScope = RuleScope.sentence
    /// The `max` the rule file gives is the option's default; `.linterrc` may change it.
    var maxOption: RuleOption<Int> { RuleOption("max", default: max, summary: "how many matches a unit may hold", range: 0...1_000_000) }
    var options: [RuleOptionSpec] { [maxOption.spec] }

    let matcher: Matcher
    let max: Int

    init(fields: [String: YAMLValue], common: CommonRuleFields, file: YAMLValue) throws(RuleLoadError) {
        let alternatives = try AlternativesReader.read(
            phrases: fields["phrases"], patterns: fields["patterns"], caseInsensitive: common.caseInsensitive)
        guard !alternatives.isEmpty else {
            throw .shape(.missingKey(file.location, key: "phrases' or 'patterns", where: "an 'occurrence' rule"))
        }
        guard let maxValue = fields["max"] else {
            throw .shape(.missingKey(file.location, key: "max", where: "an 'occurrence' rule"))
        }
        do { max = try maxValue.int(key: "max", range: 0...1_000_000) } catch { throw .shape(error) }
        matcher = try Matcher(
            alternatives: alternatives, caseInsensitive: common.caseInsensitive, capturing: false, location: file.location)
    }

    func check(_ document: Document, context: RuleContext, common: CommonRuleFields) throws(RuleFailure) -> [Diagnostic] {
        let limit = context.options[maxOption]
        let matches = try common.scanner.matches(of: matcher, in: document)
        // Group by unit (the whole document is one unit for `scope: document`).
        var groups: [[ProseMatch]] = []
        var lastKey: (Int, Int)?
        for found in matches {
            let key = common.scanner.scope == .document ? (0, 0) : (found.unit.block, found.unit.range.lowerBound)
            if let lastKey, lastKey == key {
                groups[groups.count - 1].append(found)
            } else {
                groups.append([found])
            }
            lastKey = key
        }
        return groups.compactMap { group -> Diagnostic? in
            guard group.count > limit else { return nil }
            let first = group[limit]
            let prose = document.blocks[first.unit.block].prose
            let message = common.message.render([
                "match": MessageTemplate.quote(prose.bytes[first.range]), "count": "\(group.count)", "max": "\(limit)",
            ])
            return context.diagnostic(message, at: prose.sourceRange(of: first.range))
        }
    }
}
