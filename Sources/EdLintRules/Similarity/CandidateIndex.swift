/// Finds, for each block, the earlier blocks worth comparing it with, through an inverted index
/// of terms — so a document of 10,000 paragraphs is not compared pair by pair. Terms found in
/// very many blocks say little about which pairs are alike and are left out of the postings.
struct CandidateIndex {
    private var postings: [Int: [Int]] = [:]  // term → positions (in `blocks`) holding it
    private let blocks: [TermBlock]
    private let terms: DocumentTerms
    private let maximumPostings: Int

    init(blocks: [TermBlock], terms: DocumentTerms, maximumPostings: Int = 64) {
        self.blocks = blocks
        self.terms = terms
        self.maximumPostings = maximumPostings
        for (position, block) in blocks.enumerated() {
            for term in block.terms where terms.isContent[term] { postings[term, default: []].append(position) }
        }
    }

    /// Earlier positions sharing at least `minimumShare` of the smaller block's weight, best first,
    /// at most `limit` of them. Synonyms count, at `synonymCredit`.
    func candidates(before position: Int, minimumShare: Double, synonymCredit: Double, limit: Int) -> [Int] {
        let block = blocks[position]
        var shared: [Int: Double] = [:]
        for term in block.terms {
            let weight = terms.weights[term]
            if let list = postings[term], list.count <= maximumPostings {
                for other in list where other < position { shared[other, default: 0] += weight }
            }
            guard synonymCredit > 0 else { continue }
            for synonym in terms.synonyms(of: term) where !sortedContains(block.terms, synonym) {
                guard let list = postings[synonym], list.count <= maximumPostings else { continue }
                for other in list where other < position { shared[other, default: 0] += weight * synonymCredit }
            }
        }
        return shared
            .filter { $0.value >= minimumShare * min(block.weight, blocks[$0.key].weight) }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            .prefix(limit)
            .map(\.key)
    }
}
