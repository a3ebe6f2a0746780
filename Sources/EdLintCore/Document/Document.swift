import Foundation

/// The formats edlint reads.
public enum DocumentFormat: String, Sendable, Codable {
    case markdown
    case plainText = "text"

    /// The format for a file name, or nil when edlint does not lint that extension by default.
    public static func forPath(_ path: String) -> DocumentFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .plainText }
        switch name[name.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdx": return .markdown
        case "txt", "text": return .plainText
        default: return nil
        }
    }
}

/// A link, code span, image or footnote reference inside a block, in prose coordinates.
public struct InlineSpan: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case link(destination: String)
        case code
        case image
        case footnoteReference
        case html
    }

    public var kind: Kind
    /// The span's prose bytes (empty for markup that leaves no prose, such as a footnote reference).
    public var proseRange: Range<Int>
    public var sourceRange: ByteRange
}

/// One unit of prose: a heading, paragraph, list item, blockquote paragraph, table cell or footnote.
public struct Block: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case heading, paragraph, listItem = "list-item", blockquote, tableCell = "table-cell", footnote
    }

    public var kind: Kind
    /// 1–6 for headings, 0 otherwise.
    public var headingLevel: Int
    /// Position among the document's blocks.
    public var index: Int
    public var prose: ProseText
    /// Sentence ranges in prose coordinates, in order.
    public var sentences: [Range<Int>]
    /// Prose offsets of the spaces that stand for source line breaks.
    public var lineBreaks: [Int]
    public var spans: [InlineSpan]
    /// How many block quotes and lists enclose the block.
    public var quoteDepth: Int
    public var listDepth: Int

    public init(
        kind: Kind, headingLevel: Int = 0, index: Int, prose: ProseText, lineBreaks: [Int] = [],
        spans: [InlineSpan] = [], quoteDepth: Int = 0, listDepth: Int = 0
    ) {
        self.kind = kind
        self.headingLevel = headingLevel
        self.index = index
        self.prose = prose
        // Blocks live for the whole run: their arrays keep no spare room.
        self.prose.compact()
        self.sentences = SentenceSegmenter.sentences(in: prose.bytes).withoutSpareRoom()
        self.lineBreaks = lineBreaks.withoutSpareRoom()
        self.spans = spans
        self.quoteDepth = quoteDepth
        self.listDepth = listDepth
    }

    /// The source range covered by the block's prose.
    public var sourceRange: ByteRange { prose.sourceExtent }
    public var text: String { prose.string }
}

/// Source regions that are not prose but stay in the source map (for suppressions, fixes and context).
public struct NonProseRegion: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case frontMatter = "front-matter", codeBlock = "code-block", htmlBlock = "html-block", thematicBreak = "thematic-break"
        /// A plain-text line of edlint directives (`# edlint-disable …`).
        case directive
    }

    public var kind: Kind
    public var range: ByteRange
    /// For HTML blocks: the raw HTML (suppression comments live here).
    public var literal: String?
}

/// A parsed file: its source, its prose blocks and its non-prose regions.
public struct Document: Sendable {
    public let source: SourceFile
    public let format: DocumentFormat
    public let blocks: [Block]
    public let nonProse: [NonProseRegion]
    /// Analyses that several rules derive from the document (shingles, comparable blocks), made once.
    public let derived = DerivedAnalyses()

    public init(source: SourceFile, format: DocumentFormat, blocks: [Block], nonProse: [NonProseRegion]) {
        self.source = source
        self.format = format
        self.blocks = blocks.withoutSpareRoom()
        self.nonProse = nonProse.withoutSpareRoom()
    }

    public var path: String { source.path }
}

/// A per-document store of derived analyses, so that rules sharing one (the duplicate detectors
/// all need the near-verbatim pairs) compute it once. Rules stay pure: a value depends only on the
/// document and its key.
public final class DerivedAnalyses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [AnalysisIdentity: Any] = [:]

    public init() {}

    /// The analysis `key` names, made by `make` the first time it is asked for.
    public func value<Value>(_ key: AnalysisKey<Value>, _ make: () -> Value) -> Value {
        lock.lock()
        if let cached = values[key.identity] as? Value {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key.identity] = made
        lock.unlock()
        return made
    }
}

/// The key of one derived analysis: its name, its parameters and the type of its value, declared
/// next to the analysis (`static func key(minimumWords:)`), so two analyses cannot collide on a
/// spelling, nor one be read as another's type.
public struct AnalysisKey<Value>: Sendable {
    fileprivate let identity: AnalysisIdentity

    public init(_ name: String, parameters: [Double] = []) {
        identity = AnalysisIdentity(name: name, parameters: parameters, type: ObjectIdentifier(Value.self))
    }
}

private struct AnalysisIdentity: Hashable, @unchecked Sendable {
    var name: String
    var parameters: [Double]
    var type: ObjectIdentifier
}
