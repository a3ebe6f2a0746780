/// How much of what one paragraph says another says too.
///
/// Sentences are compared over terms: a term of one sentence counts as covered by another when
/// the other has the same stem (credit 1), a WordNet synonym (`synonymCredit`) or a variant with
/// a short added ending (`variantCredit`), or a looser WordNet relative (`relatedCredit`).
/// Terms weigh their IDF, so names, numbers and rare words decide more than common words.
/// Two coverages are combined for each direction: aligned (the weighted mean, over a paragraph's
/// sentences, of each sentence's best coverage by any one sentence of the other — terms scattered
/// across unrelated sentences do not add up) and whole (the paragraph's terms against all of the
/// other's — robust when a restatement splits or merges sentences). Their mean is the coverage.
struct ParagraphSimilarity {
    /// How much a WordNet synonym counts against the same word (the rule's `synonym_credit`).
    var synonymCredit: Double
    /// How much a variant counts ("syria" / "syrian": a stem plus a short ending).
    var variantCredit = Self.defaultVariantCredit
    /// How much a loose relative counts (a close hypernym: "ship" → "vessel"); 0 between short single sentences.
    var relatedCredit = Self.defaultRelatedCredit

    static let defaultVariantCredit = 0.8
    static let defaultRelatedCredit = 0.5

    struct Result {
        /// Share of the earlier paragraph's content restated in the later one (0…1).
        var earlierCovered: Double
        /// Share of the later paragraph's content found in the earlier one (0…1).
        var laterCovered: Double
        /// The smaller of the two: how much each paragraph restates the other.
        var mutual: Double { min(earlierCovered, laterCovered) }
        /// The best aligned sentences: (index in earlier, index in later, their mutual coverage).
        var bestPair: (Int, Int, Double)
    }

    /// Coverage of sentence `sentence`'s terms by `other` (whose `cover` must be expanded).
    func coverage(of sentence: TermSentence, by other: TermSentence, terms: DocumentTerms) -> Double {
        guard sentence.weight > 0 else { return 0 }
        var covered = 0.0
        let cover = other.cover
        var position = 0
        // Both lists are sorted by term: one walk.
        for term in sentence.terms {
            while position < cover.terms.count, cover.terms[position] < term { position += 1 }
            if position == cover.terms.count { break }
            if cover.terms[position] == term { covered += terms.weights[Int(term)] * cover.credits[position] }
        }
        return covered / sentence.weight
    }

    func compare(earlier: TermBlock, later: TermBlock, terms: DocumentTerms) -> Result {
        let rows = earlier.sentences.count
        let columns = later.sentences.count
        // forward[i][j]: coverage of earlier sentence i by later sentence j; backward the reverse.
        var forward = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
        var backward = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
        for i in 0..<rows {
            for j in 0..<columns {
                forward[i][j] = coverage(of: earlier.sentences[i], by: later.sentences[j], terms: terms)
                backward[i][j] = coverage(of: later.sentences[j], by: earlier.sentences[i], terms: terms)
            }
        }
        var earlierCovered = 0.0
        var earlierWeight = 0.0
        for i in 0..<rows {
            let weight = earlier.sentences[i].weight
            earlierCovered += weight * (forward[i].max() ?? 0)
            earlierWeight += weight
        }
        var laterCovered = 0.0
        var laterWeight = 0.0
        for j in 0..<columns {
            let weight = later.sentences[j].weight
            laterCovered += weight * ((0..<rows).map { backward[$0][j] }.max() ?? 0)
            laterWeight += weight
        }
        var best = (0, 0, -1.0)
        for i in 0..<rows {
            for j in 0..<columns {
                let mutual = min(forward[i][j], backward[i][j])
                if mutual > best.2 { best = (i, j, mutual) }
            }
        }
        let earlierWhole = coverage(of: earlier.whole, by: later.whole, terms: terms)
        let laterWhole = coverage(of: later.whole, by: earlier.whole, terms: terms)
        let earlierAligned = earlierWeight > 0 ? earlierCovered / earlierWeight : 0
        let laterAligned = laterWeight > 0 ? laterCovered / laterWeight : 0
        return Result(
            earlierCovered: (earlierAligned + earlierWhole) / 2, laterCovered: (laterAligned + laterWhole) / 2,
            bestPair: best)
    }
}
