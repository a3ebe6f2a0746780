import EdLintCore

/// A paragraph that repeats, word for word or nearly, a paragraph of another file in the run:
/// syndicated copy, a template's residue, an article pasted into another.
struct CrossFileRepetitionRule: CrossFileRule {
    static let id = "repetition.cross-file"
    /// The same measure and defaults as repetition.paragraph (a repeat is a repeat whichever
    /// file the first copy is in), declared here so that each can be changed on its own.
    static let options = ShingleOptions(threshold: 0.6, minimumWords: 8, unit: "paragraph")
    /// Sites and newsrooms reuse a sentence across pages on purpose (a procedure's step, an
    /// option's definition, a standard line); what an editor wants to hear of is copy: a passage
    /// of paragraphs, or a paragraph that says more than one thing.
    static let minimumSentences = RuleOption(
        "minimum_sentences", default: 2,
        summary: "a paragraph copied alone (not as part of a passage of consecutive paragraphs), or found alone in many files, is reported when it has at least this many sentences",
        range: 1...100)
    /// How many of a shingle's earliest holders are looked at: all of a rare shingle's, the first
    /// copies of a common one. A common phrase cannot make the search quadratic.
    static let postingsPerShingle = 8
    /// Candidates (by shingles seen shared) whose overlap is then computed exactly.
    static let candidatesVerified = 16

    let description = RuleDescription(
        id: id, category: .repetition, defaultSeverity: .info,
        summary: "A paragraph repeats a paragraph of another file verbatim or nearly so",
        rationale: """
            Run over a folder (or with --cross-file), edlint compares the files with each other: a \
            paragraph that already appears in another file is syndicated copy, a template's residue \
            (a newsletter plug, a standard disclaimer) or an article pasted into another. A paragraph \
            copied into one other file is reported there, pointing at the first file that has it; one \
            found in three files or more is site furniture or a shared include, reported once, at its \
            first copy, with every other place as a related location — never one per pair of files. \
            Info by default, because some repetition across files is \
            deliberate; raise its severity in .linterrc where it is not. Compared as word 3-grams \
            like repetition.paragraph, through an index over the whole run.
            """,
        validExamples: [
            "The council approved the budget for next year after a long debate on Monday. The vote was seven to two.\n\n<<< next file >>>\n\nThe harbour reopened to ferries on Tuesday after repairs to the main pier. Buses ran as usual.",
            "The council approved the budget for next year after a long debate on Monday. The vote was seven to two.\n\nThe council approved the budget for next year after a long debate on Monday. The vote was seven to two.",
            // One sentence shared by two pages of a site: a standard line, not copy.
            "Commit the changes to your local repository and push them to the remote one.\n\n<<< next file >>>\n\nCommit the changes to your local repository and push them to the remote one.",
        ],
        invalidExamples: [
            "The council approved the budget for next year after a long debate on Monday. The vote was seven to two.\n\n<<< next file >>>\n\nIn other news.\n\n↓The council approved the budget for next year after a long debate on Monday. The vote was seven to two.",
            "Sign up to our newsletter for the best of the week's stories, delivered every Friday. It is free.\n\n<<< next file >>>\n\n↓Sign up to our newsletter for the best of the week's stories, delivered every Friday. It is free.\n\n<<< next file >>>\n\nSign up to our newsletter for the best of this week's stories, delivered every Friday! It is free.",
            // A passage of one-sentence paragraphs (news copy) pasted from another file: one finding.
            "The ferry left the harbour at nine with forty passengers on board.\n\nIt reached the island two hours later, after a calm crossing.\n\n<<< next file >>>\n\nOther words first.\n\n↓The ferry left the harbour at nine with forty passengers on board.\n\nIt reached the island two hours later, after a calm crossing.",
        ],
        options: options.specs + [minimumSentences.spec],
        comparesFiles: true,
        configuredExamples: [
            ConfiguredExamples(
                options: [minimumSentences.set(to: 1)],
                invalid: [
                    "Commit the changes to your local repository and push them to the remote one.\n\n<<< next file >>>\n\n↓Commit the changes to your local repository and push them to the remote one."
                ])
        ])

    /// What is kept of a document: each comparable paragraph's place and shingles.
    struct Summary: Sendable {
        struct Paragraph: Sendable {
            var range: ByteRange
            var line: Int
            var sentences: Int
            var shingles: Shingles
        }

        var paragraphs: [Paragraph]
    }

    func check(_ document: Document, context: RuleContext) -> [Diagnostic] { [] }

    func summarize(_ document: Document, context: RuleContext) -> any Sendable {
        let minimumWords = context.options[Self.options.minimumWords]
        var paragraphs: [Summary.Paragraph] = []
        // Eligible blocks, listing lines included: a line that opens like its neighbours ("The
        // Harbour Gazette welcomes reprints…") is a listing inside one file but template residue
        // when another file repeats it. Shingled as repetition.paragraph shingles them.
        let byBlock = Shingles.ofBlocks(in: document, minimumWords: minimumWords)
        let enclosed = TemplateTags.enclosedBlocks(in: document)
        for block in document.blocks {
            guard let shingles = byBlock[block.index], !enclosed.contains(block.index) else { continue }
            // A definition-list entry is reference material, stated again on every page that
            // documents its term (an option, a step of a procedure); a lead-in means what it
            // introduces, which is not compared.
            if block.kind == .paragraph, DuplicateScope.isDefinitionEntry(block, in: document) || DuplicateScope.isLeadIn(block, in: document) {
                continue
            }
            let line = document.source.location(of: block.sourceRange.lowerBound).line
            paragraphs.append(Summary.Paragraph(range: block.sourceRange, line: line, sentences: block.sentences.count, shingles: shingles))
        }
        return Summary(paragraphs: paragraphs)
    }

    func compare(_ files: [CrossFileInput], context: RuleContext) -> [[Diagnostic]] {
        let threshold = context.options[Self.options.threshold]
        let summaries = files.map { ($0.summary as? Summary)?.paragraphs ?? [] }
        // Indexed paragraphs. A paragraph met again word for word (a footer in every file) is not
        // indexed again: its first copy stands for all, so postings stay few.
        var owners: [(file: Int, paragraph: Int)] = []
        var firstCopy: [UInt64: Int] = [:]
        // Not sized for every shingle up front: most recur, and word-for-word copies add none.
        var index = ShinglePostings()
        var findings = [[Diagnostic]](repeating: [], count: files.count)
        // For each indexed paragraph, its copies in later files, in run order.
        var copies: [Int: [(file: Int, paragraph: Int, overlap: Double)]] = [:]
        for (fileIndex, paragraphs) in summaries.enumerated() {
            // Look every paragraph up before adding the file's own: repeats inside one file are
            // repetition.paragraph's to report.
            let keys = paragraphs.map(\.shingles.key)
            var match: [(owner: Int, overlap: Double)?] = []
            for (position, paragraph) in paragraphs.enumerated() {
                if let owner = firstCopy[keys[position]] {
                    match.append((owner, 1))
                    continue
                }
                var shared: [Int: Int] = [:]
                for hash in paragraph.shingles.hashes {
                    index.forEachEarliestItem(holding: hash, limit: Self.postingsPerShingle) { shared[$0, default: 0] += 1 }
                }
                // The likeliest candidates, measured exactly (the counts above may miss shingles).
                let candidates = shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.candidatesVerified)
                var best: (owner: Int, overlap: Double)?
                for (owner, _) in candidates {
                    let overlap = paragraph.shingles.dice(summaries[owners[owner].file][owners[owner].paragraph].shingles)
                    // Ties go to the earliest paragraph: the first file that has it.
                    if overlap >= threshold, best.map({ overlap > $0.overlap || (overlap == $0.overlap && owner < $0.owner) }) ?? true {
                        best = (owner, overlap)
                    }
                }
                match.append(best)
            }
            for (position, paragraph) in paragraphs.enumerated() {
                if let best = match[position] { copies[best.owner, default: []].append((fileIndex, position, best.overlap)) }
                guard firstCopy[keys[position]] == nil else { continue }
                let owner = owners.count
                owners.append((fileIndex, position))
                firstCopy[keys[position]] = owner
                for hash in paragraph.shingles.hashes { index.add(hash, item: owner) }
            }
        }
        // A paragraph copied into several files is site furniture (a footer, a shared include):
        // one finding, at its first copy, with every other place in `related`. The rest are
        // copies into one other file, gathered per file into passages.
        let minimumSentences = context.options[Self.minimumSentences]
        var single = [[(paragraph: Int, owner: Int, overlap: Double)]](repeating: [], count: files.count)
        // Copies that are part of a passage (see `Passages`), furniture included: a short
        // paragraph of a passage is reported with it.
        var inPassage = Set<Int>()  // file << 32 | paragraph
        var byFile = [[(paragraph: Int, owner: Int)]](repeating: [], count: files.count)
        for (owner, group) in copies {
            for copy in group { byFile[copy.file].append((copy.paragraph, owner)) }
        }
        for (file, copied) in byFile.enumerated() {
            let passages = Passages.cut(
                copied.sorted { $0.paragraph < $1.paragraph }, copy: \.paragraph, original: { (owners[$0.owner].file, owners[$0.owner].paragraph) }, oneDocument: false)
            for passage in passages where passage.count >= 2 {
                for copy in passage { inPassage.insert(file << 32 | copy.paragraph) }
            }
        }
        for owner in copies.keys.sorted() {
            guard let group = copies[owner], let firstCopy = group.first else { continue }
            // Files, not copies: a paragraph pasted twice into one other file is in two files.
            let fileCount = Set(group.map(\.file)).count + 1
            if fileCount < Self.filesMakingFurniture {
                for copy in group { single[copy.file].append((copy.paragraph, owner, copy.overlap)) }
                continue
            }
            let (otherFile, otherParagraph) = owners[owner]
            let first = summaries[otherFile][otherParagraph]
            guard summaries[firstCopy.file][firstCopy.paragraph].sentences >= minimumSentences
                || inPassage.contains(firstCopy.file << 32 | firstCopy.paragraph)
            else { continue }
            let origin = RelatedLocation(message: "first stated here", range: first.range, path: files[otherFile].path)
            let others = group.dropFirst().map { copy in
                RelatedLocation(message: "also here", range: summaries[copy.file][copy.paragraph].range, path: files[copy.file].path)
            }
            findings[firstCopy.file].append(
                context.diagnostic(
                    "This paragraph is in \(fileCount) files (site furniture or a shared include?): it repeats a paragraph of \(files[otherFile].path) (line \(first.line)) \(Excerpt.howRepeated(firstCopy.overlap))",
                    at: summaries[firstCopy.file][firstCopy.paragraph].range, related: [origin] + others))
        }
        for (fileIndex, copied) in single.enumerated() {
            let passages = Passages.cut(
                copied.sorted { $0.paragraph < $1.paragraph }, copy: \.paragraph, original: { (owners[$0.owner].file, owners[$0.owner].paragraph) }, oneDocument: false)
            for passage in passages {
                guard let head = passage.first, let tail = passage.last else { continue }
                let here = summaries[fileIndex]
                let (otherFile, firstOrigin) = owners[head.owner]
                let lastOrigin = owners[tail.owner].paragraph
                let origin = summaries[otherFile][firstOrigin]
                let overlap = passage.map(\.overlap).min() ?? 1
                if passage.count == 1 {
                    guard here[head.paragraph].sentences >= minimumSentences else { continue }
                    findings[fileIndex].append(
                        context.diagnostic(
                            "This paragraph repeats a paragraph of \(files[otherFile].path) (line \(origin.line)) \(Excerpt.howRepeated(overlap))",
                            at: here[head.paragraph].range, related: [RelatedLocation(message: "first stated here", range: origin.range, path: files[otherFile].path)]))
                } else {
                    let range = here[head.paragraph].range.lowerBound..<here[tail.paragraph].range.upperBound
                    let originRange = origin.range.lowerBound..<summaries[otherFile][lastOrigin].range.upperBound
                    let lastLine = summaries[otherFile][lastOrigin].line
                    findings[fileIndex].append(
                        context.diagnostic(
                            "These \(passage.count) paragraphs repeat a passage of \(files[otherFile].path) (lines \(origin.line)–\(lastLine)) \(Excerpt.howRepeated(overlap))",
                            at: range, related: [RelatedLocation(message: "first stated here", range: originRange, path: files[otherFile].path)]))
                }
            }
        }
        return findings
    }

    /// A paragraph in this many files or more is reported once, as a group.
    static let filesMakingFurniture = 3
}
