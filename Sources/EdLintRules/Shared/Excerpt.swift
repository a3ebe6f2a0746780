import EdLintCore
import EdLintText

/// Text for messages: a sentence or paragraph quoted briefly.
enum Excerpt {
    static func of(_ block: Block, range: Range<Int>? = nil, limit: Int = 60) -> String {
        TextExcerpt.quote(block.prose.bytes[(range ?? 0..<block.prose.count).clamped(to: 0..<block.prose.count)], limit: limit)
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// How closely a repeat matches, as the repetition messages put it.
    static func howRepeated(_ overlap: Double) -> String {
        Shingles.isWordForWord(overlap) ? "word for word" : "nearly word for word (\(percent(overlap)) the same wording)"
    }
}
