import Foundation
import Testing

@testable import EdLintCore

/// Rules that defer to others (`defersTo`) run after them and see what they reported; the
/// result does not depend on threads, and a deferral loop neither hangs nor drops a rule.
struct RulePlanTests {
    /// Reports every paragraph as repeating the first one, except pairs already reported.
    struct PairRule: Rule {
        let description: RuleDescription

        init(_ id: String, defersTo: [String] = []) {
            description = RuleDescription(
                id: id, category: .repetition, defaultSeverity: .warning, summary: "test", rationale: "test",
                validExamples: [], invalidExamples: [], defersTo: defersTo)
        }

        func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
            guard let first = document.blocks.first else { return [] }
            return document.blocks.dropFirst().compactMap { block in
                guard !context.reportedPairs.covers(earlier: first.sourceRange, later: block.sourceRange) else { return nil }
                return context.diagnostic(
                    "repeat", at: block.sourceRange, related: [RelatedLocation(message: "first", range: first.sourceRange)])
            }
        }
    }

    static func active(_ rules: [PairRule]) -> [ActiveRule] {
        rules.map { ActiveRule(rule: $0, context: RuleContext(for: $0.description)) }
    }

    @Test func aDeferringRuleRunsAfterItsTargetsAndChainsComeFirst() {
        let rules = Self.active([PairRule("a.late", defersTo: ["a.middle"]), PairRule("a.other"), PairRule("a.middle", defersTo: ["a.first"]), PairRule("a.first")])
        let plan = RulePlan(rules)
        #expect(plan.order == [3, 2, 0, 1])
        #expect(plan.waitsFor == [[2], [], [3], []])
    }

    @Test func aLoopOfDeferralsIsIgnoredNotDeadlocked() {
        let rules = Self.active([PairRule("a.one", defersTo: ["a.two"]), PairRule("a.two", defersTo: ["a.one"])])
        let plan = RulePlan(rules)
        #expect(Set(plan.order) == [0, 1])
        #expect(plan.waitsFor.allSatisfy { $0.isEmpty })
        let text = Array("One.\n\nTwo.\n".utf8)
        #expect(Linter(rules: rules).lint(path: "t.md", bytes: text, format: .markdown, threads: 2).diagnostics.count == 2)
    }

    @Test(arguments: [1, 2, 4])
    func onlyTheFirstRuleInAChainReportsAPair(threads: Int) {
        let rules = Self.active([PairRule("a.third", defersTo: ["a.first", "a.second"]), PairRule("a.second", defersTo: ["a.first"]), PairRule("a.first")])
        let text = Array("One.\n\nTwo.\n\nThree.\n".utf8)
        let found = Linter(rules: rules).lint(path: "t.md", bytes: text, format: .markdown, threads: threads).diagnostics
        #expect(found.map(\.ruleID) == ["a.first", "a.first"])
        // Without the first rule, the next in the chain reports the pairs.
        let without = Linter(rules: Array(rules.prefix(2))).lint(path: "t.md", bytes: text, format: .markdown, threads: threads)
        #expect(without.diagnostics.map(\.ruleID) == ["a.second", "a.second"])
    }

    @Test func reportedPairsOverlapBothPassages() {
        let finding = Diagnostic(
            ruleID: "x.y", category: .repetition, severity: .warning, message: "m", range: 100..<200,
            related: [RelatedLocation(message: "first", range: 0..<50)])
        let pairs = ReportedPairs(findings: [finding])
        #expect(pairs.covers(earlier: 10..<20, later: 120..<130))  // a sentence of each
        #expect(pairs.covers(earlier: 0..<60, later: 90..<210))  // the blocks around them
        #expect(!pairs.covers(earlier: 60..<70, later: 120..<130))  // another earlier passage
        #expect(!pairs.covers(earlier: 10..<20, later: 200..<230))  // a later passage next to it
        let elsewhere = Diagnostic(
            ruleID: "x.y", category: .repetition, severity: .warning, message: "m", range: 100..<200,
            related: [RelatedLocation(message: "first", range: 0..<50, path: "other.md")])
        #expect(ReportedPairs(findings: [elsewhere]).isEmpty)
    }
}
