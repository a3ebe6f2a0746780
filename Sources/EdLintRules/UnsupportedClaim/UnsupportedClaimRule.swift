import EdLintCore
import Foundation

/// An unsupported claim of one kind: a claim cue (`ClaimKind`) in a sentence with no support in
/// reach (`SupportDetector`: the same sentence or the next `window` sentences of the block).
/// Headings are not checked, cues inside quotation marks belong to the quoted speaker, and a
/// sentence is reported once.
struct UnsupportedClaimRule: Rule {
    let kind: ClaimKind
    let description: RuleDescription
    private let cues: [PCRE2Pattern]

    static let window = RuleOption("window", default: 1, summary: "sentences after the claim that may hold its support", range: 0...10)

    static let all: [UnsupportedClaimRule] = ClaimKind.all.map(UnsupportedClaimRule.init(kind:))

    init(kind: ClaimKind) {
        self.kind = kind
        self.description = RuleDescription(
            id: kind.id, category: .unsupportedClaim, defaultSeverity: kind.severity, summary: kind.summary,
            rationale: kind.rationale + " Support counts in the same sentence or the next one: a link, a footnote, \"according to\" a specific source, a named speaker or organisation, a dated or attributed report.",
            validExamples: kind.validExamples, invalidExamples: kind.invalidExamples,
            options: [Self.window.spec], configuredExamples: kind.configuredExamples)
        self.cues = kind.cues.compactMap { try? PCRE2Pattern($0, options: [.caseInsensitive]) }
    }

    /// Every cue pattern compiles (checked by a test: a pattern that failed would silently match nothing).
    var allCuesCompiled: Bool { cues.count == kind.cues.count }

    func check(_ document: Document, context: RuleContext) throws(RuleFailure) -> [Diagnostic] {
        let window = context.options[Self.window]
        // One match data per cue for the whole document, not one per sentence.
        var cueData: [PCRE2Pattern.MatchData] = []
        for cue in cues {
            do { cueData.append(try PCRE2Pattern.MatchData(for: cue)) } catch { throw RuleFailure(message: error.message, range: 0..<0) }
        }
        var diagnostics: [Diagnostic] = []
        for block in document.blocks where block.kind != .heading {
            var quoted: [Range<Int>]?
            for (index, sentence) in block.sentences.enumerated() {
                guard let cue = try firstCue(in: block, sentence: sentence, quoted: &quoted, cueData: cueData) else { continue }
                let last = min(block.sentences.count - 1, index + window)
                let reach = sentence.lowerBound..<block.sentences[last].upperBound
                if SupportDetector.hasSupport(in: block, range: reach, forStatistic: kind.supportNeedsASourceForFigures) { continue }
                let quote = TextExcerpt.quote(block.prose.bytes[cue])
                diagnostics.append(
                    context.diagnostic(kind.message.replacingOccurrences(of: "%@", with: quote), at: block.prose.sourceRange(of: cue)))
            }
        }
        return diagnostics
    }

    private func firstCue(
        in block: Block, sentence: Range<Int>, quoted: inout [Range<Int>]?, cueData: [PCRE2Pattern.MatchData]
    ) throws(RuleFailure) -> Range<Int>? {
        var found: Range<Int>?
        var failure: PatternMatchError?
        for (cue, data) in zip(cues, cueData) {
            block.prose.bytes.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[sentence])
                do throws(PatternMatchError) {
                    try cue.forEachMatch(in: slice, using: data) { match in
                        let range = (match.range.lowerBound + sentence.lowerBound)..<(match.range.upperBound + sentence.lowerBound)
                        if quoted == nil { quoted = QuoteFinder.quotedRanges(in: block.prose.bytes) }
                        if quoted?.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) ?? false {
                            return true
                        }
                        // "the researchers believe", "his doctors say", "NASA officials said": sources
                        // already identified; "the two studies", "its own figures": research already named.
                        if kind.anOwnerIdentifiesTheSource,
                            Self.hasOwner(before: range.lowerBound, in: block, sentence: sentence)
                        {
                            return true
                        }
                        if found.map({ range.lowerBound < $0.lowerBound }) ?? true { found = range }
                        return false
                    }
                } catch { failure = error }
            }
            if let failure { throw RuleFailure(message: failure.message, range: block.prose.sourceRange(of: sentence)) }
        }
        return found
    }

    /// Words that make research already identified: "the studies", "its own figures", "the board's data".
    static let ownerWords: Set<String> = [
        "the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "both", "this", "that", "own",
        "two", "three", "four", "five", "latest", "such",
    ]

    static let openers: Set<String> = [
        "but", "and", "yet", "so", "however,", "however", "still,", "still", "now", "meanwhile,", "meanwhile", "today,",
        "today", "also", "even", "other", "while", "although", "though", "as", "if", "when", "because", "since", "in",
        "on", "at", "for", "with", "by", "from", "of", "to", "the", "a", "an", "many", "some", "most", "several",
        "few", "all", "both", "these", "those", "this", "that", "such", "its", "their", "his", "her", "our",
    ]

    static func hasOwner(before offset: Int, in block: Block, sentence: Range<Int>) -> Bool {
        let before = block.prose.string(in: sentence.lowerBound..<offset)
        guard let original = before.split(whereSeparator: { $0 == " " }).last else { return false }
        let word = original.lowercased()
        // A capitalised word right before the source names its organisation ("NASA officials",
        // "Kremlin sources"), unless it is a word that merely opens the sentence ("But critics say").
        let isName = original.first?.isUppercase == true && !Self.openers.contains(word)
        return word.hasSuffix("'s") || word.hasSuffix("’s") || word.hasSuffix("s'") || ownerWords.contains(word) || isName
    }
}
