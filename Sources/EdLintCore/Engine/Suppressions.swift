/// Inline suppressions, written where the text is:
///
///     <!-- edlint-disable [ids or categories] -->        … until edlint-enable (or the end)
///     <!-- edlint-enable [ids or categories] -->
///     <!-- edlint-disable-next-line [ids] -- reason -->  the next non-blank line
///     <!-- edlint-disable-file [ids] -->                 the whole file
///
/// Plain text uses the same words after `#` on a line of their own (`# edlint-disable style`).
/// With no ids a directive covers every rule. Text after ` -- ` is a reason, for readers.
public struct Suppressions: Sendable {
    public struct Directive: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case disable = "disable", enable = "enable", nextLine = "disable-next-line", file = "disable-file"
        }

        public var kind: Kind
        /// Rule ids or category names; empty for all.
        public var targets: [String]
        public var range: ByteRange

        func covers(_ diagnostic: Diagnostic) -> Bool {
            targets.isEmpty || targets.contains(diagnostic.ruleID) || targets.contains(diagnostic.category.rawValue)
        }
    }

    /// A stretch of the file where some rules are off, from a directive.
    struct Window: Sendable {
        var directive: Int
        var range: ByteRange
    }

    public let directives: [Directive]
    private let windows: [Window]

    static let pattern: PCRE2Pattern? = try? PCRE2Pattern(
        #"(?:<!--|^[ \t]*#)[ \t]*edlint-(disable-next-line|disable-file|disable|enable)\b([^\n>]*?)(?:-->|$)"#,
        options: [])

    /// The document's suppressions, read once however many times they are applied (its own
    /// findings, then cross-file findings).
    public static func of(_ document: Document) -> Suppressions {
        document.derived.value(Self.analysis) { Suppressions(document: document) }
    }

    private static let analysis = AnalysisKey<Suppressions>("suppressions")


    public init(document: Document) {
        var found: [Directive] = []
        let source = document.source
        var candidates: [ByteRange] = document.nonProse.filter { $0.kind == .htmlBlock || $0.kind == .directive }.map(\.range)
        for block in document.blocks {
            for span in block.spans where span.kind == .html { candidates.append(span.sourceRange) }
        }
        for range in candidates.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let text = Array(source.bytes[range.clamped(to: 0..<source.bytes.count)])
            guard let pattern = Self.pattern, let matches = try? pattern.matches(in: text) else { continue }
            for match in matches {
                guard let kindRange = match.group(1), let kind = Directive.Kind(rawValue: String(decoding: text[kindRange], as: UTF8.self))
                else { continue }
                var arguments = match.group(2).map { String(decoding: text[$0], as: UTF8.self) } ?? ""
                if let reason = arguments.range(of: " -- ") ?? arguments.range(of: "--") { arguments = String(arguments[..<reason.lowerBound]) }
                let targets = arguments.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
                found.append(
                    Directive(
                        kind: kind, targets: targets,
                        range: (range.lowerBound + match.range.lowerBound)..<(range.lowerBound + match.range.upperBound)))
            }
        }
        directives = found
        windows = Self.windows(for: found, in: document.source)
    }

    private static func windows(for directives: [Directive], in source: SourceFile) -> [Window] {
        var windows: [Window] = []
        let end = source.bytes.count
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .file:
                windows.append(Window(directive: index, range: 0..<end))
            case .disable:
                // Until the next enable that re-enables any of this directive's targets (or all).
                let closing = directives[(index + 1)...].first { later in
                    later.kind == .enable && (later.targets.isEmpty || directive.targets.isEmpty
                        || !Set(later.targets).isDisjoint(with: directive.targets))
                }
                windows.append(Window(directive: index, range: directive.range.upperBound..<(closing?.range.lowerBound ?? end)))
            case .nextLine:
                var line = source.lines.lineIndex(containing: directive.range.upperBound) + 1
                while line < source.lines.count, source.lines.contentRange(ofLine: line, in: source.bytes).isEmpty
                    || source.text(in: source.lines.contentRange(ofLine: line, in: source.bytes)).allSatisfy(\.isWhitespace)
                {
                    line += 1
                }
                if line < source.lines.count {
                    windows.append(Window(directive: index, range: source.lines.contentRange(ofLine: line, in: source.bytes)))
                }
            case .enable:
                continue
            }
        }
        return windows
    }

    /// The findings left once suppressions apply, and the directives that suppressed nothing.
    public func apply(to diagnostics: [Diagnostic]) -> (kept: [Diagnostic], unused: [Directive]) {
        guard !windows.isEmpty else { return (diagnostics, directives.filter { $0.kind != .enable }) }
        var used = Set<Int>()
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            let start = diagnostic.range.lowerBound
            let suppressing = windows.filter { window in
                (window.range.contains(start) || (window.range.isEmpty && window.range.lowerBound == start))
                    && directives[window.directive].covers(diagnostic)
            }
            if suppressing.isEmpty || diagnostic.category == .edlint {
                kept.append(diagnostic)
            } else {
                for window in suppressing { used.insert(window.directive) }
            }
        }
        let unused = directives.enumerated().filter { $0.element.kind != .enable && !used.contains($0.offset) }.map(\.element)
        return (kept, unused)
    }
}
