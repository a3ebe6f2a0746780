/// Finds, for each block, the earlier blocks worth comparing it with, through an inverted index
/// of terms — so a document of 10,000 paragraphs is not compared pair by pair. Terms found in
/// very many blocks say little about which pairs are alike and are left out of the postings.
///
/// Term ids and block positions are dense, so the index and the per-query tallies are arrays,
/// not dictionaries: no hashing on the hot path.
final class CandidateIndex {
    private var postings: [[Int32]]  // term id → positions (in `blocks`) holding it (32 bits: one per term of every block)
    private let blocks: [TermBlock]
    private let terms: DocumentTerms
    private let maximumPostings: Int
    /// Shared weight per earlier position for the current query, and which positions it touched.
    private var tally: [Double]
    private var isTouched: [Bool]
    private var touched: [Int] = []

    init(blocks: [TermBlock], terms: DocumentTerms, maximumPostings: Int = 64) {
        self.blocks = blocks
        self.terms = terms
        self.maximumPostings = maximumPostings
        self.postings = Array(repeating: [], count: terms.stems.count)
        self.tally = Array(repeating: 0, count: blocks.count)
        self.isTouched = Array(repeating: false, count: blocks.count)
        for (position, block) in blocks.enumerated() {
            for term in block.terms.lazy.map(Int.init) where terms.isContent[term] { postings[term].append(Int32(truncatingIfNeeded: position)) }
        }
    }

    private func list(_ term: Int) -> [Int32]? {
        guard term < postings.count, !postings[term].isEmpty, postings[term].count <= maximumPostings else { return nil }
        return postings[term]
    }

    @inline(__always)
    private func add(_ weight: Double, to other: Int) {
        if !isTouched[other] {
            isTouched[other] = true
            touched.append(other)
        }
        tally[other] += weight
    }

    /// Earlier positions sharing at least `minimumShare` of the smaller block's weight, best first,
    /// at most `limit` of them. Synonyms count, at `synonymCredit`.
    func candidates(before position: Int, minimumShare: Double, synonymCredit: Double, limit: Int) -> [Int] {
        let block = blocks[position]
        for term in block.terms.lazy.map(Int.init) {
            let weight = terms.weights[term]
            if let list = list(term) {
                for other in list.lazy.map(Int.init) where other < position { add(weight, to: other) }
            }
            guard synonymCredit > 0 else { continue }
            for synonym in terms.synonyms(of: term) where !sortedContains(block.terms, Int32(truncatingIfNeeded: synonym)) {
                guard let list = list(synonym) else { continue }
                for other in list.lazy.map(Int.init) where other < position { add(weight * synonymCredit, to: other) }
            }
        }
        let found = touched.map { ($0, tally[$0]) }
        for other in touched {
            tally[other] = 0
            isTouched[other] = false
        }
        touched.removeAll(keepingCapacity: true)
        return found
            .filter { $0.1 >= minimumShare * min(block.weight, blocks[$0.0].weight) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 > $1.0 }
            .prefix(limit)
            .map(\.0)
    }
}
