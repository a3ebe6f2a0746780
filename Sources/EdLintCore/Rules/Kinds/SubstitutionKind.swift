/// `kind: substitution` — "prefer X over Y": flags each key of `swap` and carries its replacement
/// as a safe fix. Keys are PCRE2 patterns matched as whole words; values are plain replacements.
///
/// ```yaml
/// kind: substitution
/// swap:
///   utili[sz]e: use
///   in order to: to
/// ```
struct SubstitutionKind: YAMLRuleKind {
    static let name = "substitution"
    static let keys = ["swap"]
    static let placeholders = ["match", "replacement"]
    static let defaultScope = RuleScope.block
    var options: [RuleOptionSpec] { [] }

    let matcher: Matcher
    let replacements: [String]

    init(fields: [String: YAMLValue], common: CommonRuleFields, file: YAMLValue) throws(RuleLoadError) {
        guard let swap = fields["swap"] else {
            throw .shape(.missingKey(file.location, key: "swap", where: "a 'substitution' rule"))
        }
        var alternatives: [String] = []
        var replacements: [String] = []
        do {
            for entry in try swap.mapping(named: "swap", allowed: nil) {
                try AlternativesReader.checked(entry.key, caseInsensitive: common.caseInsensitive, location: entry.keyLocation)
                alternatives.append("(?<!\\w)(?:" + entry.key + ")(?!\\w)")
                replacements.append(try entry.value.string(key: entry.key))
            }
        } catch let error as RuleLoadError {
            throw error
        } catch let error as YAMLShapeError {
            throw .shape(error)
        } catch {
            throw .unreadable(path: file.path, reason: "\(error)")
        }
        guard !alternatives.isEmpty else {
            throw .shape(.invalidValue(swap.location, key: "swap", message: "needs at least one 'pattern: replacement'"))
        }
        matcher = try Matcher(
            alternatives: alternatives, caseInsensitive: common.caseInsensitive, capturing: true, location: swap.location)
        self.replacements = replacements
    }

    func check(_ document: Document, context: RuleContext, common: CommonRuleFields) throws(RuleFailure) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for found in try common.scanner.matches(of: matcher, in: document) {
            guard let index = matcher.alternativeIndex(of: found.match) else { continue }
            let prose = document.blocks[found.unit.block].prose
            let matched = prose.string(in: found.range)
            let replacement = Self.matchingCase(of: matched, replacements[index])
            if matched == replacement { continue }
            let range = prose.sourceRange(of: found.range)
            let message = common.message.render(["match": MessageTemplate.quote(prose.bytes[found.range]), "replacement": replacement])
            diagnostics.append(context.diagnostic(message, at: range, fix: Fix(range: range, replacement: replacement)))
        }
        return diagnostics
    }

    /// "Utilize" → "Use": a capitalised match gets a capitalised replacement.
    static func matchingCase(of matched: String, _ replacement: String) -> String {
        guard let first = matched.first, first.isUppercase, let replacementFirst = replacement.first,
            replacementFirst.isLowercase
        else { return replacement }
        return replacementFirst.uppercased() + replacement.dropFirst()
    }
}
