import Algorithms
import Foundation

/// Each rule's findings, filled by whichever thread ran it.
private final class RuleOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Diagnostic]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ diagnostics: [Diagnostic]) {
        lock.lock()
        slots[index] = diagnostics
        lock.unlock()
    }

    /// In rule order, whatever order the rules finished in.
    func all() -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return slots.flatMap { $0 }
    }
}

/// What the rules others defer to reported in one document, by rule id.
private final class ReportedFindings: @unchecked Sendable {
    private let lock = NSLock()
    private var byRule: [String: [Diagnostic]] = [:]

    func set(_ ruleID: String, _ findings: [Diagnostic]) {
        lock.lock()
        byRule[ruleID] = findings
        lock.unlock()
    }

    func findings(of ruleIDs: [String]) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return ruleIDs.flatMap { byRule[$0] ?? [] }
    }
}

/// The directives each rule's findings left unused, filled by whichever thread ran the rule.
private final class UnusedDirectives: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Set<Suppressions.Directive>]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ unused: Set<Suppressions.Directive>) {
        lock.lock()
        slots[index] = unused
        lock.unlock()
    }

    func all() -> [Set<Suppressions.Directive>] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Runs a set of active rules over documents. Pure: no file system, no printing.
public struct Linter: Sendable {
    public let rules: [ActiveRule]
    public let minSeverity: Severity
    /// Report `edlint-disable…` directives that suppressed nothing (`--report-unused-suppressions`).
    public let reportUnusedSuppressions: Bool
    /// At most this many findings of one rule in one file; the rest are counted in one
    /// `edlint.findings-capped` finding (0: no cap). A file of one word repeated a million times
    /// would otherwise bury the report, and the reader, in identical findings.
    public let maxFindingsPerRule: Int
    public static let defaultMaxFindingsPerRule = 300
    /// Every rule id the run knows (enabled or not); a suppression naming anything else (a typo,
    /// a rule since renamed) is reported, since it silently suppresses nothing. nil: not checked.
    public let knownRuleIDs: Set<String>?
    /// The order the rules run in, and which rules others defer to (fixed with the rules: worked
    /// out once, not per document).
    let plan: RulePlan
    private let deferredTo: Set<String>

    public init(
        rules: [ActiveRule], minSeverity: Severity = .info, reportUnusedSuppressions: Bool = false,
        maxFindingsPerRule: Int = Linter.defaultMaxFindingsPerRule, knownRuleIDs: Set<String>? = nil
    ) {
        self.knownRuleIDs = knownRuleIDs
        self.rules = rules
        plan = RulePlan(rules)
        deferredTo = Set(plan.waitsFor.flatMap { $0 }.map { rules[$0].context.ruleID })
        self.minSeverity = minSeverity
        self.reportUnusedSuppressions = reportUnusedSuppressions
        self.maxFindingsPerRule = maxFindingsPerRule
    }

    /// Lints a document. With `threads` > 1 the rules run side by side (a run of one big file
    /// still uses every core); the result is the same either way.
    public func lint(_ document: Document, threads: Int = 1) -> [Diagnostic] {
        let outcomes = RuleOutcomes(count: rules.count)
        let suppressions = Suppressions.of(document)
        let unusedByRule = UnusedDirectives(count: rules.count)
        let reported = ReportedFindings()
        // Each rule's findings are filtered (suppressions, minimum severity) and, where no later
        // step can remove one, cut at the cap as soon as the rule is done: a file of one word
        // repeated a million times then never holds a million findings at once.
        @Sendable func finish(_ index: Int) -> [Diagnostic] {
            var active = rules[index]
            // Only the rules it waited for: their findings are complete, whatever the threads.
            let waitedFor = plan.waitsFor[index].map { rules[$0].context.ruleID }
            if !waitedFor.isEmpty { active.context.reportedPairs = ReportedPairs(findings: reported.findings(of: waitedFor)) }
            let found = run(active, on: document)
            // What the rule reported, before suppressions: a repeat silenced by a comment was
            // still reported once, and is not reported again under another rule's name.
            if deferredTo.contains(active.context.ruleID) { reported.set(active.context.ruleID, found) }
            let (kept, unused) = suppressions.apply(to: found)
            unusedByRule.set(index, Set(unused))
            let admitted = kept.filter { $0.severity >= minSeverity }
            guard admitted.count > maxFindingsPerRule, maxFindingsPerRule > 0,
                !Self.oneFindingPerSentence.contains(rules[index].rule.description.category)
            else { return admitted }
            return Self.capped(admitted.sorted(by: Diagnostic.inReportOrder), perRule: maxFindingsPerRule)
        }
        // A rule that defers to others starts once they are done; the rest run side by side.
        if threads > 1, rules.count > 1 {
            let scheduler = RuleScheduler(plan)
            DispatchQueue.concurrentPerform(iterations: min(threads, rules.count)) { _ in
                while let index = scheduler.next() {
                    outcomes.set(index, finish(index))
                    scheduler.finished(index)
                }
            }
        } else {
            for index in plan.order { outcomes.set(index, finish(index)) }
        }
        // A directive is unused when no rule's findings used it.
        let unusedSets = unusedByRule.all()
        let unused = suppressions.directives.filter { directive in
            directive.kind != .enable && unusedSets.allSatisfy { $0.contains(directive) }
        }
        var kept = Self.onePerSentence(outcomes.all(), in: document)
        kept = Self.withBlockDeletions(kept, in: document)
        if let knownRuleIDs {
            let categories = Set(Category.allCases.map(\.rawValue))
            for directive in suppressions.directives {
                for target in directive.targets where !knownRuleIDs.contains(target) && !categories.contains(target) {
                    let suggestion = NameSuggestion.nearest(to: target, in: Array(knownRuleIDs) + Array(categories))
                    kept.append(
                        Diagnostic(
                            ruleID: ToolDiagnostics.unknownSuppression.id, category: .edlint, severity: .warning,
                            message: "edlint-\(directive.kind.rawValue) names '\(excerpt(target))', which is no rule or category"
                                + (suggestion.map { "; did you mean '\($0)'?" } ?? "; run 'edlint rules' for the list"),
                            range: directive.range))
                }
            }
        }
        if reportUnusedSuppressions {
            for directive in unused {
                let targets = directive.targets.isEmpty ? "any rule" : directive.targets.joined(separator: ", ")
                kept.append(
                    Diagnostic(
                        ruleID: ToolDiagnostics.unusedSuppression.id, category: .edlint, severity: .warning,
                        message: "edlint-\(directive.kind.rawValue) for \(targets) suppresses nothing; remove it", range: directive.range))
            }
        }
        return Self.capped(kept.sorted(by: Diagnostic.inReportOrder), perRule: maxFindingsPerRule)
    }

    /// Keeps the first `limit` findings of each rule (in report order) and puts one finding in
    /// place of the rest, at the first one dropped, with the most severe severity among them (so
    /// the exit status is what it would have been).
    public static func capped(_ diagnostics: [Diagnostic], perRule limit: Int) -> [Diagnostic] {
        guard limit > 0, diagnostics.count > limit else { return diagnostics }
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics { counts[diagnostic.ruleID, default: 0] += 1 }
        guard counts.values.contains(where: { $0 > limit }) else { return diagnostics }
        var seen: [String: Int] = [:]
        var summaries: [String: Int] = [:]  // rule id → index of its summary in `result`
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            let position = seen[diagnostic.ruleID, default: 0]
            seen[diagnostic.ruleID] = position + 1
            if position < limit || diagnostic.category == .edlint && diagnostic.ruleID != ToolDiagnostics.unusedSuppression.id {
                result.append(diagnostic)
            } else if let index = summaries[diagnostic.ruleID] {
                result[index].severity = max(result[index].severity, diagnostic.severity)
            } else {
                let dropped = (counts[diagnostic.ruleID] ?? 0) - limit
                summaries[diagnostic.ruleID] = result.count
                result.append(
                    Diagnostic(
                        ruleID: ToolDiagnostics.findingsCapped.id, category: .edlint, severity: diagnostic.severity,
                        message: "\(dropped) more finding\(dropped == 1 ? "" : "s") of \(diagnostic.ruleID) in this file not shown "
                            + "(the first \(limit) are; max_findings_per_rule in .linterrc or --max-findings-per-rule changes the cap)",
                        range: diagnostic.range))
            }
        }
        return result
    }

    private func run(_ active: ActiveRule, on document: Document) -> [Diagnostic] {
        do {
            return try active.rule.check(document, context: active.context)
        } catch {
            return [
                Diagnostic(
                    ruleID: ToolDiagnostics.ruleFailure.id, category: .edlint, severity: .error,
                    message: "rule \(active.context.ruleID) gave up here: \(error.message)", range: error.range)
            ]
        }
    }

    /// A boilerplate finding that covers a whole block (a "Related Posts" line, a menu item) can be
    /// fixed by deleting the block.
    static func withBlockDeletions(_ diagnostics: [Diagnostic], in document: Document) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.category == .boilerplate && $0.fix == nil }) else { return diagnostics }
        let extents = document.blocks.map(\.sourceRange)  // ascending: blocks come in source order
        return diagnostics.map { diagnostic in
            guard diagnostic.category == .boilerplate, diagnostic.fix == nil else { return diagnostic }
            // The last block starting at or before the finding.
            let index = extents.partitioningIndex { $0.lowerBound > diagnostic.range.lowerBound } - 1
            guard index >= 0, extents[index] == diagnostic.range || (extents[index].lowerBound >= diagnostic.range.lowerBound
                && extents[index].upperBound <= diagnostic.range.upperBound && !extents[index].isEmpty)
            else { return diagnostic }
            var fixed = diagnostic
            fixed.fix = Fixes.deletion(of: document.blocks[index], in: document.source)
            return fixed
        }
    }

    /// Categories in which one finding per sentence is enough: a sentence that opens with
    /// "At the end of the day" and ends with "age is just a number" is one piece of filler, and
    /// "Experts say the figures suggest…" one unsupported claim, whichever rules noticed it.
    public static let oneFindingPerSentence: Set<Category> = [.boilerplate, .unsupportedClaim]

    /// Keeps, for each sentence and category in `oneFindingPerSentence`, the most severe finding
    /// (the earliest among equals).
    static func onePerSentence(_ diagnostics: [Diagnostic], in document: Document) -> [Diagnostic] {
        guard diagnostics.contains(where: { oneFindingPerSentence.contains($0.category) }) else { return diagnostics }
        var sentences: [ByteRange] = []
        for block in document.blocks {
            for sentence in block.sentences { sentences.append(block.prose.sourceRange(of: sentence)) }
        }
        sentences.sort { $0.lowerBound < $1.lowerBound }
        func sentenceIndex(of offset: Int) -> Int? {
            let index = sentences.partitioningIndex { $0.lowerBound > offset } - 1
            return index >= 0 && offset < max(sentences[index].upperBound, sentences[index].lowerBound + 1) ? index : nil
        }
        struct Key: Hashable {
            var category: Category
            var sentence: Int
        }
        var best: [Key: Diagnostic] = [:]
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard oneFindingPerSentence.contains(diagnostic.category), let sentence = sentenceIndex(of: diagnostic.range.lowerBound) else {
                result.append(diagnostic)
                continue
            }
            let key = Key(category: diagnostic.category, sentence: sentence)
            if let current = best[key] {
                let better = diagnostic.severity > current.severity
                    || (diagnostic.severity == current.severity && Diagnostic.inReportOrder(diagnostic, current))
                if better { best[key] = diagnostic }
            } else {
                best[key] = diagnostic
            }
        }
        return result + best.values
    }

    /// Reads and lints one file's bytes; encoding problems become diagnostics.
    /// With `crossFile`, the report also carries each cross-file rule's summary of the document.
    public func lint(path: String, bytes: [UInt8], format: DocumentFormat, threads: Int = 1, crossFile: Bool = false) -> FileReport {
        switch DocumentReader.read(path: path, bytes: bytes, format: format) {
        case .success(let document):
            var report = FileReport(source: document.source, diagnostics: lint(document, threads: threads))
            if crossFile {
                for active in rules {
                    guard let rule = active.rule as? any CrossFileRule else { continue }
                    report.crossFileSummaries[active.context.ruleID] = rule.summarize(document, context: active.context)
                }
                if !report.crossFileSummaries.isEmpty { report.suppressions = Suppressions.of(document) }
            }
            return report
        case .failure(let error):
            let diagnostic = ToolDiagnostics.diagnostic(for: error)
            return FileReport(
                source: SourceFile(path: path, bytes: bytes),
                // Never hidden by --min-severity: a file that was not checked must not look clean.
                diagnostics: [diagnostic])
        }
    }

    /// `report` with cross-file findings added: filtered by the file's suppressions and the
    /// minimum severity, as its own findings were.
    public func adding(crossFile diagnostics: [Diagnostic], to report: FileReport) -> FileReport {
        let admitted = (report.suppressions?.apply(to: diagnostics).kept ?? diagnostics).filter { $0.severity >= minSeverity }
        guard !admitted.isEmpty else { return report }
        var merged = report
        merged.diagnostics = (report.diagnostics + admitted).sorted(by: Diagnostic.inReportOrder)
        return merged
    }

    /// The report for a file that could not be read at all.
    public static func unreadable(path: String, error: InputError) -> FileReport {
        FileReport(source: SourceFile(path: path, bytes: []), diagnostics: [ToolDiagnostics.diagnostic(for: error)])
    }
}

