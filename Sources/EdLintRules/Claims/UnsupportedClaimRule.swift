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

    static let all: [UnsupportedClaimRule] = ClaimKind.allCases.map(UnsupportedClaimRule.init(kind:))

    init(kind: ClaimKind) {
        self.kind = kind
        let examples = Self.examples[kind] ?? ([], [])
        self.description = RuleDescription(
            id: kind.id, category: .unsupportedClaim, defaultSeverity: kind.severity, summary: kind.summary,
            rationale: kind.rationale + " Support counts in the same sentence or the next one: a link, a footnote, \"according to\" a specific source, a named speaker or organisation, a dated or attributed report.",
            validExamples: examples.valid, invalidExamples: examples.invalid,
            options: [Self.window.spec])
        self.cues = kind.cueSources.compactMap { try? PCRE2Pattern($0, options: [.caseInsensitive]) }
    }

    /// Every cue pattern compiles (checked by a test: a pattern that failed would silently match nothing).
    var allCuesCompiled: Bool { cues.count == kind.cueSources.count }

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
                if SupportDetector.hasSupport(in: block, range: reach, forStatistic: kind == .unsourcedStatistic) { continue }
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
                        if kind == .unnamedResearch || kind == .vagueAttribution,
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

extension UnsupportedClaimRule {
    static let examples: [ClaimKind: (valid: [String], invalid: [String])] = [
        .vagueAttribution: (
            valid: [
                "Analysts at Moody's suggest the downgrade could come within weeks.",
                "Critics contend the plan is too costly, said Maria Okafor, the opposition's finance spokesperson.",
                "“Critics say we moved too fast,” the mayor said.",
                "The team spent two years on the simulations, and the researchers believe the investment has paid off.",
                "NASA officials said the launch would slip to March.",
                "In some cases tenants maintain two addresses for billing.",
            ],
            invalid: [
                "↓Analysts suggest that this advance could have broader implications for the conflict.",
                "The lane opened in May. ↓Critics contend that it has pushed traffic onto residential roads.",
                "↓Detractors of the U.S. policy contend that it has prolonged the conflict.",
                "Before the 1960s, ↓many cosmologists thought the universe had no beginning.",
                "Though ↓some claim that he opposed the plan, the record is unclear.",
            ]),
        .impersonalAttribution: (
            valid: [
                "It is widely believed, according to a 2023 survey by the Institute for Fiscal Studies, that rates will fall.",
                "The coast is known for its cliffs.",
                "The real numbers can be regarded as a subset of the complex numbers.",
                "A discount of this kind is considered an extra benefit under the league's rules.",
                "The lighthouse is commonly known as the Needle.",
                "The bill will be considered by the committee on Tuesday.",
            ],
            invalid: [
                "↓It is widely believed in Estmark that the fisheries chapter will be the hardest to close.",
                "The club's academy ↓is widely considered the best in the north of the country.",
                "Porth Alder ↓is said to get more sunshine than anywhere else on the peninsula.",
                "The pistol ↓was regarded as one of the most reliable of its day.",
                "The scheme, ↓considered by many to be a success, ends next year.",
                "The theory is now ↓widely accepted.",
                "At the time ↓there were rumours that the mill would close.",
            ]),
        .unnamedResearch: (
            valid: [
                "Research by the Northfield Sleep Institute, published in the Journal of Adolescent Health in 2021, found the same effect.",
                "Visits fell from 96,000 to 58,000, the council's own figures show.",
                "Taken together, the two studies suggest that later start times help.",
                "Several studies have found that a regular eating pattern helps (26).",
            ],
            invalid: [
                "↓Studies show that every pound spent on public libraries returns four pounds to the local economy.",
                "↓Research has long established that sleep matters for learning.",
            ]),
        .unsourcedStatistic: (
            valid: [
                "Around 60% of people reuse passwords, according to a 2023 survey by the Cyber Safety Institute.",
                "In October, 71.2% of patients were seen within four hours.",
                "The population of the village has doubled since 1950, census figures show.",
            ],
            invalid: [
                "↓Around 60% of people reuse the same password on several websites.",
                "Visitor numbers ↓have almost doubled in the last five years.",
                "↓Nearly half of the nurses at the hospital are considering leaving the profession.",
            ]),
        .sweepingGeneralization: (
            valid: [
                "Most of the buses ran on time.",
                "Most went to stay with family or friends.",
                "Copyright 2019 Harbour News. All rights reserved.",
            ],
            invalid: [
                "↓Most runners peak in their late twenties and decline steadily after 35.",
            ]),
        .peacock: (
            valid: [
                "The plant recovers 95% of the lithium in the black mass.",
                "The venue was ranked the best in the world by the International Theatre Guild in 2022.",
                "One of the most important factors is the temperature of the bath.",
            ],
            invalid: [
                "Tarnwell is ↓the most advanced battery recycler in Europe.",
                "The hotel offers ↓world-class service.",
                "The Radom was ↓one of the best military pistols of the period.",
                "It was the ↓best-selling car in Europe.",
            ]),
    ]
}
