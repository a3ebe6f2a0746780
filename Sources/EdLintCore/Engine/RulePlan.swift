import Foundation

/// In what order a document's rules run: a rule that defers to others (`defersTo`) after them,
/// and rules on such a chain first (the paraphrase detector, the dearest, waits on two others).
struct RulePlan: Sendable {
    /// For each rule, the rules it waits for (a deferral that would loop is ignored).
    let waitsFor: [[Int]]
    /// Every rule, each after those it waits for.
    let order: [Int]

    init(_ rules: [ActiveRule]) {
        let position = Dictionary(rules.enumerated().map { ($1.context.ruleID, $0) }, uniquingKeysWith: { first, _ in first })
        let named = rules.map { $0.rule.description.defersTo.compactMap { position[$0] } }
        // What each rule reaches through deferrals; a deferral to a rule that reaches back
        // (a loop) is ignored.
        var reaches = named.map(Set.init)
        for _ in rules.indices {
            var changed = false
            for index in rules.indices {
                let further = reaches[index].reduce(into: reaches[index]) { $0.formUnion(reaches[$1]) }
                if further.count != reaches[index].count {
                    reaches[index] = further
                    changed = true
                }
            }
            if !changed { break }
        }
        let waitsFor = rules.indices.map { index in named[index].filter { $0 != index && !reaches[$0].contains(index) } }
        // Longest chain of waits, to order the rules.
        var level = Array(repeating: 0, count: rules.count)
        for _ in rules.indices {
            var changed = false
            for index in rules.indices {
                for other in waitsFor[index] where level[other] + 1 > level[index] {
                    level[index] = level[other] + 1
                    changed = true
                }
            }
            if !changed { break }
        }
        let onChain = Set(waitsFor.indices.filter { !waitsFor[$0].isEmpty } + waitsFor.flatMap { $0 })
        self.waitsFor = waitsFor
        order = rules.indices.sorted { a, b in
            let key = { (index: Int) in (onChain.contains(index) ? 0 : 1, level[index], index) }
            return key(a) < key(b)
        }
    }
}

/// Hands a document's rules to worker threads in plan order, each once every rule it waits for
/// has finished.
final class RuleScheduler: @unchecked Sendable {
    private let condition = NSCondition()
    private let plan: RulePlan
    private var claimed: Set<Int> = []
    private var done: Set<Int> = []

    init(_ plan: RulePlan) { self.plan = plan }

    /// The next rule that can run, waiting while all that remain wait for others; nil when none remain.
    func next() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if claimed.count == plan.order.count { return nil }
            if let ready = plan.order.first(where: { !claimed.contains($0) && plan.waitsFor[$0].allSatisfy(done.contains) }) {
                claimed.insert(ready)
                return ready
            }
            condition.wait()
        }
    }

    func finished(_ index: Int) {
        condition.lock()
        done.insert(index)
        condition.broadcast()
        condition.unlock()
    }
}
