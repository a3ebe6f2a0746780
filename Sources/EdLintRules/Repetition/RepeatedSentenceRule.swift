import EdLintCore

/// A sentence that repeats an earlier sentence of the document word for word or nearly so.
struct RepeatedSentenceRule: Rule {
    static let id = "repetition.sentence"
    static let options = ShingleOptions(threshold: 0.8, minimumWords: 8, unit: "sentence")

    let description = RuleDescription(
        id: id, category: .repetition, defaultSeverity: .warning,
        summary: "A sentence repeats an earlier sentence verbatim or nearly so",
        rationale: """
            A sentence said twice reads as padding or as an editing slip. Keep the one that sits \
            better and cut the other. Only sentences of eight or more words are compared; a \
            repeated paragraph is reported once, by repetition.paragraph, not sentence by sentence.
            """,
        validExamples: [
            "The bridge reopened on Monday after two years of repairs.\n\nTraffic was light on the first morning.",
            "Officials said the bridge reopened on Monday after two years.\n\n> The bridge reopened on Monday after two years.",
        ],
        invalidExamples: [
            "The bridge reopened on Monday after two years of repairs. Traffic was light on the first morning, and buses ran to time.\n\nShopkeepers on the north bank said trade had suffered while it was shut. ↓The bridge reopened on Monday after two years of repairs.",
        ],
        options: options.specs,
        defersTo: [RepeatedParagraphRule.id])

    func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let minimumWords = context.options[Self.options.minimumWords]
        let threshold = context.options[Self.options.threshold]
        let comparable = DuplicateScope.comparable(in: document)
        // One sentence in the whole document has nothing to repeat (a huge single line, say).
        guard comparable.count >= 2 || (comparable.first.map { document.blocks[$0].sentences.count } ?? 0) >= 2 else { return [] }

        let exclusions = DuplicateScope.Exclusions(document)
        var seen: [(block: Int, range: Range<Int>, shingleCount: Int)] = []
        var index = ShinglePostings()
        var diagnostics: [Diagnostic] = []
        for block in comparable.lazy.map({ document.blocks[$0] }) {
            // Compared as repetition.paragraph compares blocks: code spans by their text, template
            // tags left out (most blocks have neither, and are shingled in place).
            let tags = TemplateTags.ranges(in: block.prose.bytes)
            let codes = CodeSpans.of(block)
            let asWritten = tags.isEmpty && codes.isEmpty
            for sentence in block.sentences {
                let shingles: Shingles
                if asWritten {
                    shingles = Shingles(bytes: block.prose.bytes, range: sentence)
                } else {
                    let text = Shingles.comparedText(of: block, range: sentence, tags: tags, codes: codes, in: document)
                    shingles = Shingles(bytes: text, range: 0..<text.count)
                }
                guard shingles.wordCount >= minimumWords else { continue }
                // Sibling entries share a frame on purpose: only a word-for-word copy among them
                // counts; parallel units (see ParallelFrames) repeat their frame by design.
                let best = index.bestMatch(
                    for: shingles.hashes, threshold: threshold, limit: RepeatedBlocks.maximumPostings, size: { seen[$0].shingleCount },
                    accepts: { item, overlap in
                        !exclusions.excludes(seen[item].block, block.index, wordForWord: Shingles.isWordForWord(overlap))
                    })
                if let (other, overlap) = best {
                    let earlier = document.blocks[seen[other].block]
                    let earlierRange = earlier.prose.sourceRange(of: seen[other].range)
                    let laterRange = block.prose.sourceRange(of: sentence)
                    // Paragraphs reported as repeated (by repetition.paragraph, as it is configured
                    // in this run) are not reported again sentence by sentence.
                    let reported = context.reportedPairs.covers(earlier: earlierRange, later: laterRange)
                    let line = document.source.location(of: earlierRange.lowerBound).line
                    if !reported {
                        diagnostics.append(
                            context.diagnostic(
                                "This sentence repeats a sentence at line \(line) \(Excerpt.howRepeated(overlap))", at: laterRange,
                                related: [RelatedLocation(message: "first stated here", range: earlierRange)]))
                    }
                }
                let position = seen.count
                seen.append((block.index, sentence, shingles.hashes.count))
                for hash in shingles.hashes { index.add(hash, item: position) }
            }
        }
        return diagnostics
    }
}
