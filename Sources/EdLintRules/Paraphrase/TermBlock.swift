import EdLintCore

/// A sentence as a set of terms (stems), with its total weight. Stopwords are terms too — their
/// low IDF keeps them from mattering much, but in a short headline "not" or "after" can decide.
struct TermSentence {
    /// Prose range within its block.
    var range: Range<Int>
    /// Distinct term ids, sorted (32 bits, as in `TermCover`: a document's terms are kept for
    /// every sentence and block).
    var terms: [Int32]
    var weight: Double
    /// Every term this sentence covers and the credit it gives: 1 for its own terms, less for
    /// their synonyms, variants and looser relatives (see `ParagraphSimilarity`). Built once, so
    /// comparing two sentences is one merge of sorted lists.
    var cover = TermCover()
}

/// Terms and credits, sorted by term (a sorted list, not a dictionary: comparing two sentences
/// walks both lists once, with no hashing).
struct TermCover {
    /// Term ids as 32 bits: a document has far fewer distinct stems, and covers are the
    /// paraphrase detector's largest structure (one per sentence, synonyms included).
    var terms: [Int32] = []
    var credits: [Double] = []

    /// From (term, credit) offers in any order; a term offered twice keeps its best credit.
    init(offers: [(term: Int, credit: Double)] = []) {
        let sorted = offers.sorted { $0.term != $1.term ? $0.term < $1.term : $0.credit > $1.credit }
        // Exactly the distinct terms' room: covers are kept for every sentence of a document, and
        // offers repeat a term often (one synonym reached from several words).
        var distinct = 0
        for (index, offer) in sorted.enumerated() where index == 0 || sorted[index - 1].term != offer.term { distinct += 1 }
        terms.reserveCapacity(distinct)
        credits.reserveCapacity(distinct)
        for offer in sorted where terms.last.map(Int.init) != offer.term {
            terms.append(Int32(truncatingIfNeeded: offer.term))
            credits.append(offer.credit)
        }
    }
}

/// A block prepared for comparison.
struct TermBlock {
    var block: Int
    var sentences: [TermSentence]
    /// Distinct term ids of the whole block, sorted.
    var terms: [Int32]
    var weight: Double
    /// How many distinct content (non-stopword) terms the block has.
    var contentTermCount: Int

    /// What the whole block covers (see `TermSentence.cover`).
    var wholeCover = TermCover()

    /// The whole block as one bag of terms.
    var whole: TermSentence { TermSentence(range: 0..<0, terms: terms, weight: weight, cover: wholeCover) }
}
