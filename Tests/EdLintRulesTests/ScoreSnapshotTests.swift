import EdLintCore
import EdLintTestSupport
import Foundation
import Testing

@testable import EdLintRules

/// Score snapshots: every case of Snapshots/score-cases.txt scored by the detectors, with the
/// parts of each score (shingle overlap; paraphrase coverage each way, the threshold that applied,
/// penalties) and the findings at default settings, compared with Snapshots/scores.snapshot. A
/// change of threshold, weight or scoring then shows up as a reviewed diff of that file; to
/// accept one, run the test with EDLINT_UPDATE_SNAPSHOTS=1 and commit the file.
struct ScoreSnapshotTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/EdLintRulesTests/Snapshots")

    struct Case {
        var kind: String
        var name: String
        var text: String
    }

    static func cases() throws -> [Case] {
        let text = try String(contentsOf: folder.appendingPathComponent("score-cases.txt"), encoding: .utf8)
        var cases: [Case] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            let words = line.split(separator: " ")
            if words.count == 2, ["pair", "sentence", "block"].contains(words[0]) {
                cases.append(Case(kind: String(words[0]), name: String(words[1]), text: ""))
            } else if !cases.isEmpty, !line.isEmpty {
                cases[cases.count - 1].text += (cases[cases.count - 1].text.isEmpty ? "" : "\n") + line
            }
        }
        return cases
    }

    static func number(_ value: Double) -> String { String(format: "%.4f", value) }

    static func record(_ cases: [Case]) throws -> String {
        let rules = try BuiltinRules.load()
        let linter = Linter(rules: rules.map { ActiveRule(rule: $0, context: RuleContext(for: $0.description)) })
        var lines: [String] = []
        for item in cases {
            let parts = item.text.components(separatedBy: "\n---\n")
            let text = item.kind == "pair" ? parts.joined(separator: "\n\n") + "\n" : item.text + "\n"
            lines.append("\(item.kind) \(item.name)")
            if item.kind == "pair" {
                #expect(parts.count == 2, "pair \(item.name) needs two paragraphs separated by ---")
                let first = Shingles(bytes: Array(parts[0].utf8), range: 0..<parts[0].utf8.count)
                let second = Shingles(bytes: Array(parts[parts.count - 1].utf8), range: 0..<parts[parts.count - 1].utf8.count)
                let shared = Set(first.hashes).intersection(second.hashes).count
                lines.append("  shingles dice \(number(Shingles.dice(shared: shared, first.hashes.count, second.hashes.count)))")
                guard case .success(let document) = DocumentReader.read(path: "case.md", bytes: Array(text.utf8), format: .markdown) else {
                    Issue.record("pair \(item.name) does not read")
                    continue
                }
                if let (terms, blocks) = ParaphraseRule.prepare(document, minimumTerms: ParaphraseRule.minimumTerms.defaultValue) {
                    let scorer = PairScorer(
                        blocks: blocks, terms: terms,
                        similarity: ParagraphSimilarity(synonymCredit: ParaphraseRule.synonymCredit.defaultValue),
                        thresholds: PairScorer.Thresholds(
                            paragraphs: ParaphraseRule.threshold.defaultValue, oneSentence: ParaphraseRule.oneSentenceThreshold.defaultValue,
                            shortSentences: ParaphraseRule.shortSentencesThreshold.defaultValue))
                    let assessed = scorer.assess(earlier: 0, later: 1)
                    lines.append(
                        "  paraphrase earlier-covered \(number(assessed.result.earlierCovered)) later-covered \(number(assessed.result.laterCovered))"
                            + " threshold \(number(assessed.threshold))" + (assessed.singleSentences ? " short-sentences" : "")
                            + (assessed.numbersDiffer ? " numbers-differ" : "") + " score " + (assessed.score.map(number) ?? "-"))
                } else {
                    lines.append("  paraphrase not compared")
                }
            }
            let findings = linter.lint(path: "case.md", bytes: Array(text.utf8), format: .markdown)
            let source = findings.source
            let described = findings.diagnostics.map { finding in
                let start = source.location(of: finding.range.lowerBound)
                return "\(finding.ruleID)@\(start.line):\(start.column)"
            }
            lines.append("  findings " + (described.isEmpty ? "none" : described.joined(separator: " ")))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func scoresMatchTheSnapshot() throws {
        let cases = try Self.cases()
        #expect(cases.filter { $0.kind == "pair" }.count >= 15)
        #expect(cases.filter { $0.kind == "sentence" }.count >= 15)
        #expect(cases.filter { $0.kind == "block" }.count >= 10)
        let recorded = try Self.record(cases)
        let snapshot = Self.folder.appendingPathComponent("scores.snapshot")
        if ProcessInfo.processInfo.environment["EDLINT_UPDATE_SNAPSHOTS"] == "1" {
            try recorded.write(to: snapshot, atomically: true, encoding: .utf8)
        }
        let committed = (try? String(contentsOf: snapshot, encoding: .utf8)) ?? ""
        let mismatch = zip(recorded.split(separator: "\n"), committed.split(separator: "\n")).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(
            recorded == committed,
            "scores changed (first at line \((mismatch?.offset ?? 0) + 1): \(mismatch.map { "'\($0.element.1)' → '\($0.element.0)'" } ?? "lines added or removed")); if intended, run with EDLINT_UPDATE_SNAPSHOTS=1 and commit Snapshots/scores.snapshot"
        )
    }
}
