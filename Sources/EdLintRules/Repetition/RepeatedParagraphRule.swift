import EdLintCore

/// A paragraph that repeats an earlier one word for word or nearly so (a copy-paste slip, a
/// CMS glitch, an edit that left the old version in).
struct RepeatedParagraphRule: Rule {
    static let id = "repetition.paragraph"
    static let options = ShingleOptions(threshold: 0.6, minimumWords: 8, unit: "paragraph")
    /// The most a near-verbatim (not word-for-word) repeat, or a word-for-word copy of a
    /// one-sentence paragraph, is reported at. Only an exact copy of a paragraph of two sentences
    /// or more is certain enough to fail a build by default: a single sentence said twice is as
    /// often a deliberate reminder (a note repeated where it applies, a cross-reference, a
    /// summary line restated as a synopsis) as a slip.
    static let nearVerbatimSeverity = Severity.warning

    let description = RuleDescription(
        id: id, category: .repetition, defaultSeverity: .error,
        summary: "A paragraph repeats an earlier paragraph verbatim or nearly so",
        rationale: """
            Repeated paragraphs are almost always accidents: a copy-paste slip, a CMS glitch, or an \
            edit that left the old version in. Readers notice at once. Delete one copy, or merge what \
            differs. Compared as word 3-grams, so a few changed words or punctuation marks still count, \
            and by the words two paragraphs share in order, so that an edited copy (a word changed \
            here and there) is still a repeat rather than a paraphrase; \
            headings, table cells and block-quoted pull-quotes are not compared, nor are the \
            corresponding blocks of parallel units (two sections, definition entries or lists of the \
            same frame filled in differently, or same-titled subsections of different parents). A \
            word-for-word copy of a paragraph of two sentences or more has the rule's severity (error \
            by default); a near-verbatim one, which may be a deliberate parallel (two entries of the \
            same shape), or a one-sentence one, which may be a deliberate reminder, is at most a \
            warning. Consecutive repeated paragraphs (a page or a section pasted twice) are one \
            finding over the later passage.
            """,
        validExamples: [
            "The council met on Monday and approved the budget for next year.\n\nThe mayor said she would sign it on Friday, after the final reading.",
            "> The harbour was the heart of the town for two centuries.\n\nThe harbour was the heart of the town for two centuries.",
        ],
        invalidExamples: [
            "The council met on Monday and approved the budget for next year after a long debate.\n\nOther business followed.\n\n↓The council met on Monday and approved the budget for next year after a long debate.",
            "Works start on 3 June and will take about eight weeks, with the road staying open.\n\nNothing else changed.\n\n↓Works start on 3 June and will take around eight weeks, with the road remaining open.",
            // A passage pasted twice: one finding over the later copy.
            "The pier closes on Monday for repairs that will take most of the summer.\n\nFerries will leave from the old quay until the work is done in September.\n\nOther news.\n\n↓The pier closes on Monday for repairs that will take most of the summer.\n\nFerries will leave from the old quay until the work is done in September.",
        ],
        options: options.specs,
        configuredExamples: [
            ConfiguredExamples(
                options: [options.threshold.set(to: 0.9)],
                valid: [
                    "The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier.\n\nThe harbour reopened to ferries on Tuesday after six weeks of repairs on the main pier."
                ],
                invalid: [
                    "The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier.\n\n↓The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier."
                ]),
            ConfiguredExamples(
                options: [options.minimumWords.set(to: 3)],
                invalid: ["Ferries resume on Tuesday.\n\nThe pier is open.\n\n↓Ferries resume on Tuesday."]),
        ])

    func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let pairs = RepeatedBlocks.pairs(
            in: document, minimumWords: context.options[Self.options.minimumWords], threshold: context.options[Self.options.threshold])
        return Self.passages(of: pairs, in: document).map { passage in
            passage.count == 1 ? Self.finding(for: passage[0], in: document, context: context) : Self.finding(for: passage, in: document, context: context)
        }
    }

    /// Pairs cut into passages (see `Passages`): a page or a section pasted twice is one repeat,
    /// reported once over the whole of it (the pairs come in the order of their later blocks).
    static func passages(of pairs: [RepeatedBlocks.Pair], in document: Document) -> [[RepeatedBlocks.Pair]] {
        guard pairs.count >= 2 else { return pairs.map { [$0] } }
        var position: [Int: Int] = [:]
        for (index, block) in DuplicateScope.comparable(in: document).enumerated() { position[block] = index }
        return Passages.cut(
            pairs, copy: { position[$0.later] ?? 0 }, original: { (0, position[$0.earlier] ?? 0) }, oneDocument: true)
    }

    static func finding(for pair: RepeatedBlocks.Pair, in document: Document, context: RuleContext) -> Diagnostic {
        let earlier = document.blocks[pair.earlier]
        let later = document.blocks[pair.later]
        let line = document.source.location(of: earlier.sourceRange.lowerBound).line
        // A word-for-word copy of a plain paragraph can safely go.
        let fix = Shingles.isWordForWord(pair.overlap) && later.kind == .paragraph && later.text == earlier.text
            ? Fixes.deletion(of: later, in: document.source) : nil
        var finding = context.diagnostic(
            "This paragraph repeats the paragraph at line \(line) \(Excerpt.howRepeated(pair.overlap))", at: later.sourceRange,
            related: [RelatedLocation(message: "first stated here", range: earlier.sourceRange)], fix: fix)
        if !Shingles.isWordForWord(pair.overlap) || later.sentences.count < 2 {
            finding.severity = min(finding.severity, nearVerbatimSeverity)
        }
        return finding
    }

    /// One finding over a repeated passage: its range runs from the first later block to the
    /// last, the earlier passage is the related location. Word for word throughout, it has the
    /// rule's severity; otherwise it is at most a warning. No fix: what lies between the blocks
    /// (headings, code) may not be part of the copy.
    static func finding(for passage: [RepeatedBlocks.Pair], in document: Document, context: RuleContext) -> Diagnostic {
        let blocks = document.blocks
        let later = blocks[passage[0].later].sourceRange.lowerBound..<blocks[passage[passage.count - 1].later].sourceRange.upperBound
        let earlier = blocks[passage[0].earlier].sourceRange.lowerBound..<blocks[passage[passage.count - 1].earlier].sourceRange.upperBound
        let first = document.source.location(of: earlier.lowerBound).line
        let last = document.source.location(of: max(earlier.lowerBound, earlier.upperBound - 1)).line
        let overlap = passage.map(\.overlap).min() ?? 1
        var finding = context.diagnostic(
            "These \(passage.count) paragraphs repeat the passage at lines \(first)–\(last) \(Excerpt.howRepeated(overlap))", at: later,
            related: [RelatedLocation(message: "first stated here", range: earlier)])
        if !Shingles.isWordForWord(overlap) { finding.severity = min(finding.severity, nearVerbatimSeverity) }
        return finding
    }
}
