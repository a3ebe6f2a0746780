import Algorithms
import EdLintCore
import EdLintText

/// Which blocks the duplicate detectors compare: paragraphs, list items and footnotes. Headings
/// repeat by design ("## Background" in two sections), table cells are data, and a block quote
/// that repeats the body is a pull-quote, a layout device.
enum DuplicateScope {
    static func isEligible(_ block: Block) -> Bool {
        switch block.kind {
        case .paragraph, .listItem, .footnote: true
        case .heading, .tableCell, .blockquote: false
        }
    }

    /// Blocks that open alike with at least two other blocks ("Harbour Box: …", "Tip: …",
    /// "Available from the shop …") are a listing's repeated structure — like list items or table
    /// rows that begin alike. So are short blocks that close alike with two others: a signature or
    /// credit line whose slot is a name ("AB (posted on the walkers' forum)", "— Reporting by our
    /// staff"). They are not compared: a line of a listing is the listing's, even word for word
    /// (treating them as siblings instead, so that copies still count, was measured: news
    /// repetition 4.1 → 18.5 per 1,000 paragraphs, articles-real repetition precision 0.879 →
    /// 0.750 for one more true positive).
    static func templateBlocks(in document: Document) -> Set<Int> {
        document.derived.value(AnalysisKey<Set<Int>>("duplicate-scope.templates")) { findTemplateBlocks(in: document) }
    }

    private static func findTemplateBlocks(in document: Document) -> Set<Int> {
        var byOpening: [String: [Int]] = [:]
        var byClosing: [String: [Int]] = [:]
        for block in document.blocks where isEligible(block) {
            let opening = 0..<min(block.prose.count, templateOpeningBytes)
            let words = Tokenizer.tokens(in: block.prose.bytes, range: opening, limit: templateOpeningWords).map(\.text)
            if words.count == templateOpeningWords { byOpening[words.joined(separator: " "), default: []].append(block.index) }
            guard block.prose.count <= templateShortBlockBytes else { continue }
            let all = Tokenizer.tokens(in: block.prose.bytes, range: 0..<block.prose.count, limit: templateShortBlockWords + 1)
            guard all.count > templateClosingWords, all.count <= templateShortBlockWords else { continue }
            byClosing[all.suffix(templateClosingWords).map(\.text).joined(separator: " "), default: []].append(block.index)
        }
        return Set((Array(byOpening.values) + Array(byClosing.values)).filter { $0.count >= templateMinimumBlocks }.flatMap { $0 })
    }

    /// Short blocks (at most `templateShortBlockWords` words in `templateShortBlockBytes` bytes)
    /// are a template when at least `templateMinimumBlocks` end with the same
    /// `templateClosingWords` words. Short enough that the shared closing is most of the line
    /// (a slot and its frame), not a common ending of sentences ("… for more information.").
    static let templateClosingWords = 3
    static let templateShortBlockWords = 8
    static let templateShortBlockBytes = 80

    /// Blocks are a template when at least `templateMinimumBlocks` open with the same
    /// `templateOpeningWords` words (looked for in their first `templateOpeningBytes` bytes).
    static let templateOpeningWords = 2
    static let templateMinimumBlocks = 3
    static let templateOpeningBytes = 80

    /// Sibling entries, by block index → group: the items of one list (consecutive list-item
    /// blocks at the same depth), the entries of one definition list (consecutive paragraphs
    /// with a line that opens with `: `, the `Term` + `: definition` syntax of Hugo, kramdown and
    /// PHP Markdown Extra, which cmark reads as paragraphs) and runs of labelled paragraphs (see
    /// `opensWithALabel`). Entries of one list share a frame by design ("`fit`: resizes …" /
    /// "`fill`: resizes …").
    static func siblingGroups(in document: Document) -> [Int: Int] {
        document.derived.value(AnalysisKey<[Int: Int]>("duplicate-scope.siblings")) {
            var groups: [Int: Int] = [:]
            var members: [Int: [Int]] = [:]
            var group = 0
            var previous: (kind: String, depth: Int, quote: Int)?
            for block in document.blocks {
                let key: (kind: String, depth: Int, quote: Int)?
                if block.kind == .listItem {
                    key = ("item", block.listDepth, block.quoteDepth)
                } else if block.kind == .paragraph, isDefinitionEntry(block, in: document) {
                    key = ("definition", block.listDepth, block.quoteDepth)
                } else if block.kind == .paragraph, opensWithALabel(block) {
                    key = ("labelled", block.listDepth, block.quoteDepth)
                } else {
                    key = nil
                }
                if let key {
                    if previous.map({ $0.kind != key.kind || $0.depth != key.depth || $0.quote != key.quote }) ?? true { group += 1 }
                    groups[block.index] = group
                    if key.kind == "labelled" { members[group, default: []].append(block.index) }
                }
                previous = key
            }
            // Two labelled paragraphs in a row may be a note and a warning; a run of three is a listing.
            for (_, run) in members where run.count < labelledRunMinimum {
                for index in run { groups[index] = nil }
            }
            return groups
        }
    }

    /// Consecutive paragraphs that open with a label ("Mara T. Quill: Fined for …",
    /// "Price: …") are entries of one listing when at least this many follow each other.
    static let labelledRunMinimum = 3
    /// A label is at most this many words, and ends within this many bytes, before ": ".
    static let labelMaximumWords = 5
    static let labelMaximumBytes = 48

    /// Whether a paragraph opens with a short label and a colon: one to `labelMaximumWords`
    /// words or code spans, no "!" or "?" among them (full stops are allowed: "Mara T. Quill"),
    /// then ": " and text.
    static func opensWithALabel(_ block: Block) -> Bool {
        let bytes = block.prose.bytes
        let limit = min(bytes.count, labelMaximumBytes + 1)
        guard let colon = bytes[0..<limit].firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 2 < bytes.count,
            bytes[colon + 1] == 0x20, !bytes[0..<colon].contains(where: { $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: "?") })
        else { return false }
        let label = Array(bytes[0..<colon])
        // A code span is one placeholder character in the prose (U+FFFC), which is no word.
        let placeholders = label.indices.dropLast(2).filter { label[$0] == 0xEF && label[$0 + 1] == 0xBF && label[$0 + 2] == 0xBC }.count
        let words = Tokenizer.wordCount(in: label, limit: labelMaximumWords + 1) + placeholders
        return words >= 1 && words <= labelMaximumWords
    }

    /// A one-sentence paragraph ending in a colon that introduces what follows it directly — a
    /// code block, an HTML block, a list or a table ("To turn the feature on, add this to the
    /// configuration file:"). Its meaning is what it introduces, which the duplicate
    /// detectors do not compare, so lead-ins are not compared either. (The document's non-prose
    /// regions are in source order, which the search for the next one relies on.)
    static func isLeadIn(_ block: Block, in document: Document) -> Bool {
        guard block.kind == .paragraph, block.sentences.count == 1,
            let last = block.prose.bytes.last(where: { $0 != 0x20 }), last == UInt8(ascii: ":")
        else { return false }
        let end = block.sourceRange.upperBound
        let nextBlock = block.index + 1 < document.blocks.count ? document.blocks[block.index + 1] : nil
        let regions = document.nonProse
        let first = regions.partitioningIndex { $0.range.lowerBound >= end }
        let nextRegion = first < regions.count ? regions[first] : nil
        if let region = nextRegion, region.range.lowerBound < (nextBlock?.sourceRange.lowerBound ?? Int.max) {
            return region.kind == .codeBlock || region.kind == .htmlBlock
        }
        guard let nextBlock else { return false }
        return nextBlock.kind == .listItem || nextBlock.kind == .tableCell
    }

    static func areSiblings(_ first: Int, _ second: Int, in groups: [Int: Int]) -> Bool {
        guard let group = groups[first] else { return false }
        return groups[second] == group
    }

    /// A paragraph holding a definition-list entry: a line after its first opens with `: `.
    static func isDefinitionEntry(_ block: Block, in document: Document) -> Bool {
        let range = block.sourceRange.clamped(to: 0..<document.source.bytes.count)
        let bytes = document.source.bytes
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == 0x0A {
                var start = index + 1
                var spaces = 0
                while start < range.upperBound, bytes[start] == 0x20, spaces < 3 {
                    start += 1
                    spaces += 1
                }
                if start + 1 < range.upperBound, bytes[start] == UInt8(ascii: ":"), bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09 {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    /// A one-line paragraph of at most `titleLineMaximumWords` words that ends no sentence (no
    /// full stop, question or exclamation mark, colon or semicolon at its end, closing quotes
    /// and brackets aside): a title, a label, a caption, a product name, a result line, an
    /// embed's credit line. It is what a heading is in plain text: a title and the paragraph that
    /// tells its story are not restatements of each other (see `Exclusions.isTitleAndBody`), though two
    /// titles may be (two headlines of one story).
    static func isTitleLine(_ block: Block) -> Bool {
        guard block.kind == .paragraph, block.lineBreaks.isEmpty,
            !SentenceSegmenter.endsWithTerminator(block.prose.bytes[...], alsoEnding: [UInt8(ascii: ":"), UInt8(ascii: ";")])
        else { return false }
        return Tokenizer.wordCount(in: block.prose.bytes, limit: titleLineMaximumWords + 1) <= titleLineMaximumWords
    }

    static let titleLineMaximumWords = 12

    /// The document's title lines (worked out once: the detectors ask for every candidate pair).
    static func titleLines(in document: Document) -> Set<Int> {
        document.derived.value(AnalysisKey<Set<Int>>("duplicate-scope.title-lines")) {
            Set(document.blocks.filter(isTitleLine).map(\.index))
        }
    }

    /// What the duplicate detectors leave uncompared between two blocks of one document, gathered
    /// once per check so that each candidate pair costs lookups only.
    struct Exclusions {
        let document: Document
        let siblings: [Int: Int]
        let frames: ParallelFrames
        let titles: Set<Int>

        init(_ document: Document) {
            self.document = document
            siblings = DuplicateScope.siblingGroups(in: document)
            frames = ParallelFrames.of(document)
            titles = DuplicateScope.titleLines(in: document)
        }

        /// Whether blocks `earlier` and `later` are not to be reported as a repeat or restatement
        /// of each other: sibling entries (unless `wordForWord`: a copy among them still counts),
        /// corresponding blocks of parallel units (see `ParallelFrames`), or a title and a body.
        func excludes(_ earlier: Int, _ later: Int, wordForWord: Bool) -> Bool {
            (!wordForWord && DuplicateScope.areSiblings(earlier, later, in: siblings))
                || frames.areParallel(earlier, later, in: document, wordForWord: wordForWord)
                || isTitleAndBody(earlier, later)
        }

        /// Whether one of two blocks is a title line and the other a paragraph of two sentences
        /// or more (the story under a headline, a product's description under its name). A title
        /// and a single sentence are still compared: a headline may restate a one-line summary.
        func isTitleAndBody(_ first: Int, _ second: Int) -> Bool {
            guard !titles.isEmpty else { return false }
            return (titles.contains(first) && document.blocks[second].sentences.count >= 2)
                || (titles.contains(second) && document.blocks[first].sentences.count >= 2)
        }
    }

    /// The indices of the blocks the duplicate detectors compare, in order (worked out once per
    /// document; indices, not copies of the blocks: a large document has a million).
    static func comparable(in document: Document) -> [Int] {
        document.derived.value(AnalysisKey<[Int]>("duplicate-scope.comparable")) {
            let templates = templateBlocks(in: document)
            let enclosed = TemplateTags.enclosedBlocks(in: document)
            return document.blocks.filter {
                isEligible($0) && !templates.contains($0.index) && !enclosed.contains($0.index) && !TemplateTags.isOnlyTags($0)
                    && !isLeadIn($0, in: document)
            }.map(\.index)
        }
    }
}
