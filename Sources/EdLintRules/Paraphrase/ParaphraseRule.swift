import EdLintCore
import EdLintText
import Foundation

/// A paragraph that restates an earlier paragraph in other words: the signature of padded or
/// carelessly rewritten copy.
///
/// Candidates come from an inverted index of content terms; each candidate pair is compared
/// sentence by sentence over stems and WordNet synonyms, weighted by IDF (`ParagraphSimilarity`).
/// A pair is reported when each paragraph's content is covered by the other — `threshold` when
/// both have several sentences; a single sentence is thinner evidence than several that align, so
/// a pair with a one-sentence paragraph needs `one_sentence_threshold`, and two short single
/// sentences `short_sentences_threshold` — or when the earlier paragraph is restated almost whole
/// at the start of a later one that then adds new facts. Two paragraphs on one topic that say different things
/// cover each other poorly. A paragraph that announces itself as a summary ("In short, …") is a
/// deliberate recap and is not compared.
struct ParaphraseRule: Rule {
    static let id = "paraphrase.paragraph"

    let description = RuleDescription(
        id: id, category: .paraphrase, defaultSeverity: .warning,
        summary: "A paragraph restates an earlier paragraph in other words",
        rationale: """
            When a later paragraph says again what an earlier one said — the same facts, reworded — \
            the copy is padded, or an old draft survived a rewrite. Cut one, or merge them and keep \
            what is new. Paragraphs are compared sentence by sentence over content words, counting \
            Snowball stems and WordNet synonyms as matches and weighting rare words, names and \
            numbers above common ones; both paragraphs must cover each other, so two paragraphs on \
            the same topic that say different things are not flagged. The score (the percentage in \
            the message) is the smaller of the two coverages — how much of each paragraph the other \
            restates, each the mean of a sentence-by-sentence alignment and a whole-paragraph match; \
            it must reach `threshold` (\(threshold.defaultValue)), `one_sentence_threshold` \
            (\(oneSentenceThreshold.defaultValue)) when one paragraph is a single sentence, or \
            `short_sentences_threshold` (\(shortSentencesThreshold.defaultValue)) when both are short \
            single sentences, which are also compared on close links only and lose \
            \(Int(((1 - numberMismatchFactor) * 100).rounded()))% when their figures disagree. A later \
            paragraph that restates an earlier one whole and then adds counts when it covers the \
            earlier one at the threshold plus \(wholeRestatementMargin) and is itself covered at \
            \(newFactsShare) of the threshold (its score is then the earlier one's coverage). \
            `synonym_credit` sets what a WordNet synonym is worth. Items of one list, \
            entries of one definition list or of a run of labelled paragraphs ("Name: …"), one-sentence \
            lead-ins to code, lists or tables, and pairs already reported as repeats are not compared; \
            inline code counts as a term of its own.
            """,
        validExamples: [
            """
            The ferry agreement is scheduled for the final morning. The crossing has operated on a temporary licence since 2020.

            Police closed three streets around the government quarter on Monday, and about 400 officers have been deployed.
            """,
            """
            Headline inflation fell to 2.4% in March, its lowest level in three years, driven by cheaper fuel.

            Core inflation, which strips out food and energy, stayed at 3.1%, and services prices rose 4.2%.
            """,
        ],
        invalidExamples: [
            """
            The visit by the delegation to Moscow signifies a significant step in diplomatic attempts to resolve the crisis. Although the specifics of the agenda have not been revealed, discussions are anticipated to center on reducing conflict and providing humanitarian assistance.

            ↓The delegation's visit to Moscow marks a notable development in diplomatic efforts to address the crisis. While details of the agenda remain undisclosed, the talks are expected to focus on conflict de-escalation and humanitarian aid.
            """,
        ],
        options: [threshold.spec, oneSentenceThreshold.spec, shortSentencesThreshold.spec, synonymCredit.spec, minimumTerms.spec],
        defersTo: [RepeatedParagraphRule.id, RepeatedSentenceRule.id])

    static let threshold = RuleOption(
        "threshold", default: 0.44, summary: "how much of each paragraph the other must restate (weighted coverage, 0–1)", range: 0.05...1)
    static let oneSentenceThreshold = RuleOption(
        "one_sentence_threshold", default: 0.55, summary: "the threshold when one of the paragraphs is a single sentence", range: 0.05...1)
    static let shortSentencesThreshold = RuleOption(
        "short_sentences_threshold", default: 0.63,
        summary: "the threshold when both are single short sentences (under \(longSentenceTerms) content words)", range: 0.05...1)
    static let synonymCredit = RuleOption(
        "synonym_credit", default: 0.8, summary: "how much a WordNet synonym counts compared with the same word", range: 0...1)
    static let minimumTerms = RuleOption("minimum_terms", default: 4, summary: "paragraphs with fewer content words are not compared", range: 1...10_000)
    /// Content words from which a single sentence counts as a paragraph.
    static let longSentenceTerms = 18

    // Fixed tuning of the detector (not user options: changing one changes what the scores
    // mean; the score snapshots and the figures in the README are measured with these).

    /// An earlier paragraph is a candidate when it shares at least this share of the threshold
    /// in (synonym-credited) term weight with the later one: a cheap filter before alignment.
    static let candidateShareOfThreshold = 0.5
    /// At most this many candidates per paragraph are aligned, best shared weight first.
    static let candidatesAligned = 12
    /// "Restates the earlier paragraph whole, then adds": the earlier one covered at least
    /// `threshold + wholeRestatementMargin` (capped at `wholeRestatementCap`) and the later one
    /// at least `threshold × newFactsShare` (the rest of it being new).
    static let wholeRestatementMargin = 0.2
    static let wholeRestatementCap = 0.95
    static let newFactsShare = 0.6
    /// Characters of a sentence's opening searched for a recap marker ("In short", "To sum up").
    static let summaryOpeningLength = 40
    /// Characters of each sentence quoted in the message.
    static let quotedSentenceLength = 50

    /// Openers of a deliberate recap, which restates earlier paragraphs by design.
    static let summaryOpeners = [
        "in short", "in sum", "in summary", "to sum up", "to summarise", "to summarize", "in conclusion",
        "taken together", "in all", "all in all", "overall", "in brief", "the bottom line", "the verdict",
        "bottom line", "verdict", "tl;dr", "to recap", "in a nutshell",
    ]

    /// Section headings under which paragraphs recap the article by design: the recap markers,
    /// the names WordNet gives kinds of summary (hyponyms of *summary*, noun.communication:
    /// synopsis, abstract, precis, recapitulation, roundup, wrap-up — "synopsis" is also what a
    /// man page or a generated command reference calls the paragraph that restates its one-line
    /// description), and two common headings of the same kind that WordNet does not list there
    /// ("digest", "executive summary").
    static let summaryHeadings: Set<String> = [
        "verdict", "the verdict", "summary", "in summary", "conclusion", "conclusions", "in conclusion", "bottom line",
        "the bottom line", "tl;dr", "tldr", "in short", "recap", "wrap-up", "final thoughts", "key takeaways",
        "takeaways", "in brief", "at a glance",
        "synopsis", "abstract", "precis", "précis", "recapitulation", "digest", "roundup", "round-up", "executive summary",
    ]

    /// A block is a deliberate recap when it sits in a section whose heading says it sums up, or
    /// when one of its sentences opens with a summary marker.
    static func isSummaryHeading(_ heading: Block) -> Bool {
        let title = heading.text.lowercased().trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces))
        return summaryHeadings.contains(title)
    }

    static func opensAsSummary(_ block: Block) -> Bool {
        block.sentences.contains { sentence in
            let opening = block.prose.string(in: sentence.lowerBound..<min(sentence.upperBound, sentence.lowerBound + Self.summaryOpeningLength)).lowercased()
            return summaryOpeners.contains { opener in
                opening.hasPrefix(opener) && (opening.dropFirst(opener.count).first.map { !$0.isLetter } ?? true)
            }
        }
    }

    /// The paragraphs the rule compares, analysed into terms (nil when fewer than two): not
    /// list items, not recaps or what a summary heading introduces, and at least
    /// `minimumTerms` content words.
    static func prepare(_ document: Document, minimumTerms: Int) -> (terms: DocumentTerms, blocks: [TermBlock])? {
        var underSummaryHeading = false
        var eligible: [Block] = []
        let comparable = Set(DuplicateScope.comparable(in: document))
        for block in document.blocks {
            if block.kind == .heading { underSummaryHeading = isSummaryHeading(block) }
            // Fewer words than `minimum_terms` cannot hold that many content words: skipped before
            // the costly analysis (a file of a million one-word lines, say).
            if block.kind != .listItem, comparable.contains(block.index), !underSummaryHeading,
                Tokenizer.wordCount(in: block.prose.bytes, limit: minimumTerms) >= minimumTerms, !opensAsSummary(block)
            {
                eligible.append(block)
            }
        }
        // A document with fewer than two paragraphs has nothing to compare (and need not load the lexicon).
        guard eligible.count >= 2 else { return nil }
        let terms = DocumentTerms()
        let blocks = eligible.map { terms.analyze($0, source: document.source) }.filter { $0.contentTermCount >= minimumTerms }
        return blocks.count >= 2 ? (terms, blocks) : nil
    }

    func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let threshold = context.options[Self.threshold]
        let oneSentenceThreshold = context.options[Self.oneSentenceThreshold]
        let shortSentencesThreshold = context.options[Self.shortSentencesThreshold]
        let similarity = ParagraphSimilarity(synonymCredit: context.options[Self.synonymCredit])
        let minimumTerms = context.options[Self.minimumTerms]

        guard let (terms, blocks) = Self.prepare(document, minimumTerms: minimumTerms) else { return [] }
        let scorer = PairScorer(
            blocks: blocks, terms: terms, similarity: similarity,
            thresholds: PairScorer.Thresholds(
                paragraphs: threshold, oneSentence: oneSentenceThreshold, shortSentences: shortSentencesThreshold))
        let index = CandidateIndex(blocks: blocks, terms: terms)

        let exclusions = DuplicateScope.Exclusions(document)
        var diagnostics: [Diagnostic] = []
        for position in blocks.indices {
            let later = blocks[position]
            var best: (earlier: TermBlock, score: Double, result: ParagraphSimilarity.Result)?
            for candidate in index.candidates(
                before: position, minimumShare: threshold * Self.candidateShareOfThreshold, synonymCredit: similarity.synonymCredit,
                limit: Self.candidatesAligned) {
                // Sibling entries and parallel units restate a frame by design, not each other; a
                // title is not restated by the story under it (see DuplicateScope.Exclusions).
                if exclusions.excludes(blocks[candidate].block, later.block, wordForWord: false) { continue }
                // A pair repetition.paragraph or .sentence reported (as configured in this run) is not reported again.
                if context.reportedPairs.covers(
                    earlier: document.blocks[blocks[candidate].block].sourceRange, later: document.blocks[later.block].sourceRange)
                {
                    continue
                }
                let assessment = scorer.assess(earlier: candidate, later: position)
                guard let score = assessment.score else { continue }
                if score > (best?.score ?? 0) { best = (assessment.earlier, score, assessment.result) }
            }
            guard let best else { continue }
            let earlierBlock = document.blocks[best.earlier.block]
            let laterBlock = document.blocks[later.block]
            let line = document.source.location(of: earlierBlock.sourceRange.lowerBound).line
            let (i, j, _) = best.result.bestPair
            let earlierSentence = Excerpt.of(earlierBlock, range: best.earlier.sentences[i].range, limit: Self.quotedSentenceLength)
            let laterSentence = Excerpt.of(laterBlock, range: later.sentences[j].range, limit: Self.quotedSentenceLength)
            let message =
                "This paragraph restates the paragraph at line \(line) (\(Excerpt.percent(best.score)) similar): "
                + "“\(laterSentence)” ≈ “\(earlierSentence)”"
            diagnostics.append(
                context.diagnostic(
                    message, at: laterBlock.sourceRange,
                    related: [RelatedLocation(message: "first stated here", range: earlierBlock.sourceRange)]))
        }
        return diagnostics
    }

    /// How much two short sentences with different numbers lose of their similarity.
    static let numberMismatchFactor = 0.85

    /// Whether both blocks give numbers and they disagree. A number only one of them gives is a
    /// detail the other leaves out ("Two soldiers killed" / "Soldier killed"), not another fact.
    static func numbersDiffer(_ first: TermBlock, _ second: TermBlock, terms: DocumentTerms) -> Bool {
        let firstNumbers = first.terms.filter { terms.stems[Int($0)].hasPrefix("#") }
        let secondNumbers = second.terms.filter { terms.stems[Int($0)].hasPrefix("#") }
        return !firstNumbers.isEmpty && !secondNumbers.isEmpty && firstNumbers != secondNumbers
    }

    /// The pair's similarity when it counts as a paraphrase, else nil.
    static func score(_ result: ParagraphSimilarity.Result, earlier: TermBlock, threshold: Double) -> Double? {
        if result.mutual >= threshold { return result.mutual }
        // The later paragraph opens by restating the earlier one whole, then adds new facts.
        if earlier.sentences.count >= 2, result.earlierCovered >= min(Self.wholeRestatementCap, threshold + Self.wholeRestatementMargin),
            result.laterCovered >= threshold * Self.newFactsShare
        {
            return result.earlierCovered
        }
        return nil
    }
}
