/// The passage pairs (a later passage and the earlier one it repeats) that other rules reported
/// in a document, handed to a rule that defers to them (`RuleDescription.defersTo`): a repeat
/// reported as a repeated paragraph is not reported again as repeated sentences or as a
/// paraphrase. Built from what those rules actually reported at their options in this run, so
/// with the paragraph rule off or stricter the others report the pair themselves.
public struct ReportedPairs: Sendable {
    private struct Pair {
        var later: ByteRange
        var earlier: ByteRange
    }

    /// By the later passage's start; `reach[i]` is the furthest end among `pairs[...i]`.
    private let pairs: [Pair]
    private let reach: [Int]

    public init() { self.init(findings: []) }

    /// The pairs in `findings`: each finding's range (the later passage) and its first related
    /// location in the same file (the earlier one). Findings without one are no pair.
    public init(findings: [Diagnostic]) {
        let pairs = findings.compactMap { finding -> Pair? in
            guard let earlier = finding.related.first, earlier.path == nil else { return nil }
            return Pair(later: finding.range, earlier: earlier.range)
        }.sorted { $0.later.lowerBound < $1.later.lowerBound }
        var reach: [Int] = []
        reach.reserveCapacity(pairs.count)
        for pair in pairs { reach.append(max(reach.last ?? Int.min, pair.later.upperBound)) }
        self.pairs = pairs
        self.reach = reach
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// Whether a reported pair overlaps both passages: its later passage overlaps `later` and
    /// its earlier passage overlaps `earlier` (a sentence of a paragraph reported as repeated,
    /// that paragraph itself, or a paragraph pair one of whose sentences was reported).
    public func covers(earlier: ByteRange, later: ByteRange) -> Bool {
        // The last pair starting before `later` ends, then back while a pair can still reach it.
        var low = 0
        var high = pairs.count
        while low < high {
            let middle = (low + high) / 2
            if pairs[middle].later.lowerBound < later.upperBound { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        while index >= 0, reach[index] > later.lowerBound {
            let pair = pairs[index]
            if pair.later.upperBound > later.lowerBound, pair.earlier.lowerBound < earlier.upperBound,
                pair.earlier.upperBound > earlier.lowerBound
            {
                return true
            }
            index -= 1
        }
        return false
    }
}
