/// Scores one pair of a document's paragraphs as paraphrase.paragraph does, and keeps the parts
/// of the score (coverage each way, the thresholds and penalties that applied): the rule reports
/// the best-scoring earlier paragraph, and the score snapshot test records the parts.
final class PairScorer {
    struct Thresholds {
        var paragraphs: Double
        var oneSentence: Double
        var shortSentences: Double
    }

    struct Assessment {
        /// The earlier paragraph as compared (with its expanded cover).
        var earlier: TermBlock
        var result: ParagraphSimilarity.Result
        /// Both paragraphs are single short sentences: compared on close links only.
        var singleSentences: Bool
        /// Short sentences whose figures disagree: coverage cut by `numberMismatchFactor`.
        var numbersDiffer: Bool
        /// The threshold that applied to this pair.
        var threshold: Double
        /// The pair's score when it counts as a paraphrase, else nil.
        var score: Double?
    }

    private let blocks: [TermBlock]
    private let terms: DocumentTerms
    private let similarity: ParagraphSimilarity
    private let strict: ParagraphSimilarity
    private let thresholds: Thresholds
    // What each block covers, with and without loose relatives (short single sentences use the
    // strict one); worked out only for blocks that get compared.
    private var looseExpansions = ExpansionCache()
    private var strictExpansions = ExpansionCache()

    init(blocks: [TermBlock], terms: DocumentTerms, similarity: ParagraphSimilarity, thresholds: Thresholds) {
        self.blocks = blocks
        self.terms = terms
        self.similarity = similarity
        var strict = similarity
        strict.relatedCredit = 0
        self.strict = strict
        self.thresholds = thresholds
    }

    private func expanded(_ position: Int, loose: Bool) -> TermBlock {
        let make = { [blocks, terms, similarity, strict] () -> TermBlock in
            var block = blocks[position]
            terms.expand(&block, credits: loose ? similarity : strict)
            return block
        }
        return loose ? looseExpansions.block(position, orMake: make) : strictExpansions.block(position, orMake: make)
    }

    /// The pair of blocks `earlier` and `later` (positions in `blocks`).
    func assess(earlier candidate: Int, later position: Int) -> Assessment {
        let (plainEarlier, plainLater) = (blocks[candidate], blocks[position])
        // Two short single sentences are thin evidence: they must match more closely, and on
        // close links only. A long one-sentence paragraph is judged like any paragraph.
        let singleSentences = plainEarlier.sentences.count == 1 && plainLater.sentences.count == 1
            && min(plainEarlier.contentTermCount, plainLater.contentTermCount) < ParaphraseRule.longSentenceTerms
        let earlier = expanded(candidate, loose: !singleSentences)
        let later = expanded(position, loose: !singleSentences)
        var result = similarity.compare(earlier: earlier, later: later, terms: terms)
        let numbersDiffer = singleSentences && ParaphraseRule.numbersDiffer(earlier, later, terms: terms)
        if numbersDiffer {
            // Two short sentences with different figures report different facts.
            result.earlierCovered *= ParaphraseRule.numberMismatchFactor
            result.laterCovered *= ParaphraseRule.numberMismatchFactor
        }
        let oneSentence = earlier.sentences.count == 1 || later.sentences.count == 1
        let threshold = singleSentences ? thresholds.shortSentences : oneSentence ? thresholds.oneSentence : thresholds.paragraphs
        return Assessment(
            earlier: earlier, result: result, singleSentences: singleSentences, numbersDiffer: numbersDiffer, threshold: threshold,
            score: ParaphraseRule.score(result, earlier: earlier, threshold: threshold))
    }
}
