/// `kind: conditional` — flags `first` when no `second` occurs in the same scope unit (sentence or
/// paragraph), or, with `scope: sentence` and `window: N`, in the next N sentences of the block.
/// Skip regions and exceptions apply to `first` only: a quote can be the support `second` finds.
/// `supported_by: [links, footnotes, quotes]` also counts a link, a footnote reference or a
/// quotation in reach as support — things that live in the markup, not in the words.
///
/// ```yaml
/// kind: conditional
/// scope: sentence
/// window: 1
/// first:  {phrases: [studies show, experts say]}
/// second: {patterns: ['according to [A-Z]', 'https?://']}
/// ```
struct ConditionalKind: YAMLRuleKind {
    static let name = "conditional"
    static let keys = ["first", "second", "window", "supported_by"]

    enum StructuralSupport: String, CaseIterable {
        case links, footnotes, quotes
    }
    static let placeholders = ["match"]
    static let defaultScope = RuleScope.sentence
    /// The `window` the rule file gives is the option's default; `.linterrc` may change it.
    var windowOption: RuleOption<Int> {
        RuleOption("window", default: window, summary: "sentences after the match that may hold the support", range: 0...20)
    }
    var options: [RuleOptionSpec] { [windowOption.spec] }

    let first: Matcher
    let second: Matcher
    let window: Int
    let structuralSupport: Set<String>

    init(fields: [String: YAMLValue], common: CommonRuleFields, file: YAMLValue) throws(RuleLoadError) {
        first = try Self.matcher(fields["first"], key: "first", common: common, file: file)
        second = try Self.matcher(fields["second"], key: "second", common: common, file: file)
        do {
            window = try fields["window"]?.int(key: "window", range: 0...20) ?? 0
        } catch { throw .shape(error) }
        var support: Set<String> = []
        if let value = fields["supported_by"] {
            do throws(YAMLShapeError) {
                for (name, location) in try value.strings(key: "supported_by") {
                    guard StructuralSupport(rawValue: name) != nil else {
                        throw YAMLShapeError.invalidValue(
                            location, key: "supported_by",
                            message: "'\(name)' is not one of " + StructuralSupport.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    support.insert(name)
                }
            } catch { throw .shape(error) }
        }
        structuralSupport = support
        if window > 0, common.scanner.scope != .sentence {
            throw .shape(.invalidValue(fields["window"]?.location ?? file.location, key: "window", message: "a window needs 'scope: sentence'"))
        }
    }

    private static func matcher(_ value: YAMLValue?, key: String, common: CommonRuleFields, file: YAMLValue) throws(RuleLoadError) -> Matcher {
        guard let value else { throw .shape(.missingKey(file.location, key: key, where: "a 'conditional' rule")) }
        let entries: [(key: String, keyLocation: FileLocation, value: YAMLValue)]
        do { entries = try value.mapping(named: key, allowed: ["phrases", "patterns", "case"]) } catch { throw .shape(error) }
        let fields = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        // `case` inside `first`/`second` overrides the rule's: a cue is found in any case, while
        // support often hinges on a capital (a name).
        var caseInsensitive = common.caseInsensitive
        if let caseValue = fields["case"] {
            do { caseInsensitive = try caseValue.enumeration(CaseMode.self, key: "case") == .insensitive } catch { throw .shape(error) }
        }
        let alternatives = try AlternativesReader.read(
            phrases: fields["phrases"], patterns: fields["patterns"], caseInsensitive: caseInsensitive)
        guard !alternatives.isEmpty else {
            throw .shape(.missingKey(value.location, key: "phrases' or 'patterns", where: "'\(key)'"))
        }
        return try Matcher(alternatives: alternatives, caseInsensitive: caseInsensitive, capturing: false, location: value.location)
    }

    func check(_ document: Document, context: RuleContext, common: CommonRuleFields) throws(RuleFailure) -> [Diagnostic] {
        let window = context.options[windowOption]
        var diagnostics: [Diagnostic] = []
        var supportCache: [Range<Int>: Bool] = [:]
        var cachedBlock = -1
        for found in try common.scanner.matches(of: first, in: document) {
            let block = document.blocks[found.unit.block]
            if cachedBlock != block.index {
                supportCache = [:]
                cachedBlock = block.index
            }
            var reach = found.unit.range
            if window > 0, common.scanner.scope == .sentence,
                let index = block.sentences.firstIndex(where: { $0 == found.unit.range })
            {
                let last = min(block.sentences.count - 1, index + window)
                reach = found.unit.range.lowerBound..<block.sentences[last].upperBound
            }
            let supported: Bool
            if let cached = supportCache[reach] {
                supported = cached
            } else {
                var isSupported = hasStructuralSupport(in: block, range: reach)
                if !isSupported { isSupported = try common.scanner.contains(second, in: block, range: reach) }
                supported = isSupported
                supportCache[reach] = supported
            }
            if supported { continue }
            let message = common.message.render(["match": MessageTemplate.quote(block.prose.bytes[found.range])])
            diagnostics.append(context.diagnostic(message, at: block.prose.sourceRange(of: found.range)))
        }
        return diagnostics
    }

    private func hasStructuralSupport(in block: Block, range: Range<Int>) -> Bool {
        guard !structuralSupport.isEmpty else { return false }
        for span in block.spans where span.proseRange.lowerBound >= range.lowerBound && span.proseRange.lowerBound <= range.upperBound {
            switch span.kind {
            case .link where structuralSupport.contains("links"): return true
            case .footnoteReference where structuralSupport.contains("footnotes"): return true
            default: continue
            }
        }
        if structuralSupport.contains("quotes") {
            return QuoteFinder.quotedRanges(in: block.prose.bytes).contains { $0.overlaps(range) && $0.count > 12 }
        }
        return false
    }
}
