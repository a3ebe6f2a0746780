import Algorithms
import EdLintCore

/// A block's inline code spans as the duplicate detectors read them: by their text, which the
/// prose holds only as one placeholder character each.
enum CodeSpans {
    /// The block's code spans, in prose order.
    static func of(_ block: Block) -> [InlineSpan] {
        block.spans.filter { $0.kind == .code }.sorted { $0.proseRange.lowerBound < $1.proseRange.lowerBound }
    }

    /// Those of `spans` (in prose order, from `of`) wholly inside `range`, found by binary search:
    /// a long block's sentences together cost one pass over its spans.
    static func inside(_ range: Range<Int>, of spans: [InlineSpan]) -> [InlineSpan] {
        let first = spans.partitioningIndex { $0.proseRange.lowerBound >= range.lowerBound }
        return spans[first...].prefix { $0.proseRange.lowerBound < range.upperBound }.filter { $0.proseRange.upperBound <= range.upperBound }
    }

    /// A code span's text, without the backticks around it.
    static func text(of span: InlineSpan, in source: SourceFile) -> ArraySlice<UInt8> {
        let bytes = source.bytes[span.sourceRange.clamped(to: 0..<source.bytes.count)]
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, bytes[lower] == UInt8(ascii: "`") { lower += 1 }
        while upper > lower, bytes[upper - 1] == UInt8(ascii: "`") { upper -= 1 }
        return bytes[lower..<upper]
    }
}
