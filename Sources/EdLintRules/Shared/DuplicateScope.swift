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

    /// Blocks that open alike with at least two other blocks ("Portion Fix Containers: …",
    /// "Pro tip: …", "Available from Amazon") are a listing's repeated structure — like list items
    /// or table rows that begin alike — not a restatement.
    static func templateBlocks(in document: Document) -> Set<Int> {
        var byOpening: [String: [Int]] = [:]
        for block in document.blocks where isEligible(block) {
            let opening = 0..<min(block.prose.count, templateOpeningBytes)
            let words = Tokenizer.tokens(in: block.prose.bytes, range: opening, limit: templateOpeningWords).map(\.text)
            guard words.count == templateOpeningWords else { continue }
            byOpening[words.joined(separator: " "), default: []].append(block.index)
        }
        return Set(byOpening.values.filter { $0.count >= templateMinimumBlocks }.flatMap { $0 })
    }

    /// Blocks are a template when at least `templateMinimumBlocks` open with the same
    /// `templateOpeningWords` words (looked for in their first `templateOpeningBytes` bytes).
    static let templateOpeningWords = 2
    static let templateMinimumBlocks = 3
    static let templateOpeningBytes = 80

    /// The blocks the duplicate detectors compare (worked out once per document).
    static func comparable(in document: Document) -> [Block] {
        document.derived.value(AnalysisKey<[Block]>("duplicate-scope.comparable")) {
            let templates = templateBlocks(in: document)
            return document.blocks.filter { isEligible($0) && !templates.contains($0.index) && !TemplateTags.isOnlyTags($0) }
        }
    }
}
