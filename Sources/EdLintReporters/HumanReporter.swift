import EdLintCore

/// Output for people, in the style of ruff and rustc: `path:line:col: severity [rule] message`,
/// the source line with the span underlined, related locations as notes, and a summary.
public struct HumanReporter: Reporter, Sendable {
    public var color: Bool
    public var showSummary: Bool
    public var showStatistics: Bool
    /// How many display columns of a source line to show around a span.
    public var frameWidth: Int

    public init(color: Bool = false, showSummary: Bool = true, showStatistics: Bool = false, frameWidth: Int = 100) {
        self.color = color
        self.showSummary = showSummary
        self.showStatistics = showStatistics
        self.frameWidth = frameWidth
    }

    public func render(_ report: Report) -> String { collected { write(report, to: $0) } }

    /// File by file, as it is made: each file's own findings in run order, then the findings
    /// that compare files (known only once every file is linted), then the summary. A run that
    /// prints files as they finish (`writeFindings(of:in:to:)`, then `writeEnd`) prints the same.
    public func write(_ report: Report, to sink: (String) -> Void) {
        let comparing = Self.rulesComparingFiles(in: report)
        for file in report.files { write(file.diagnostics, of: file, in: report, excludingRules: comparing, to: sink) }
        writeEnd(report, to: sink)
    }

    /// One file's findings, except those of rules that compare files.
    public func writeFindings(of file: FileReport, in report: Report, to sink: (String) -> Void) {
        write(file.diagnostics, of: file, in: report, excludingRules: Self.rulesComparingFiles(in: report), to: sink)
    }

    private static func rulesComparingFiles(in report: Report) -> Set<String> { Set(report.rules.filter(\.comparesFiles).map(\.id)) }

    /// The end of the report: findings of rules that compare files, file by file, then the
    /// statistics table and the summary line.
    public func writeEnd(_ report: Report, to sink: (String) -> Void) {
        let comparing = Self.rulesComparingFiles(in: report)
        if !comparing.isEmpty {
            for file in report.files {
                write(file.diagnostics.filter { comparing.contains($0.ruleID) }, of: file, in: report, excludingRules: [], to: sink)
            }
        }
        let style = Styler(enabled: color)
        if showStatistics { sink(statistics(report, style: style)) }
        if showSummary { sink(summary(report, style: style)) }
    }

    private func write(
        _ diagnostics: [Diagnostic], of file: FileReport, in report: Report, excludingRules excluded: Set<String>,
        to sink: (String) -> Void
    ) {
        // `--statistics`: the table is the report (ruff's convention), not an appendix to it.
        guard !showStatistics else { return }
        let style = Styler(enabled: color)
        var output = ""
        for diagnostic in diagnostics where !excluded.contains(diagnostic.ruleID) {
            output += render(diagnostic, in: file.source, report: report, style: style)
            output += "\n"
        }
        if !output.isEmpty { sink(output) }
    }

    func render(_ diagnostic: Diagnostic, in source: SourceFile, report: Report, style: Styler) -> String {
        let start = source.location(of: diagnostic.range.lowerBound)
        let path = TerminalText.sanitized(source.path)
        // A problem with the file itself (missing, unreadable, a format edlint does not read) has
        // no line to point at: the path once, no made-up 1:1.
        let aboutTheFile = source.bytes.isEmpty && diagnostic.category == .edlint
        var message = diagnostic.message
        if aboutTheFile, message.hasPrefix(source.path + ": ") { message = String(message.dropFirst(source.path.count + 2)) }
        var text = style.bold(aboutTheFile ? "\(path):" : "\(path):\(start.line):\(start.column):") + " "
        text += style.severity(diagnostic.severity.rawValue, diagnostic.severity) + " "
        text += style.dim("[\(diagnostic.ruleID)]") + " " + TerminalText.sanitized(message) + "\n"
        if !source.bytes.isEmpty {
            text += frame(diagnostic.range, in: source, severity: diagnostic.severity, style: style)
        }
        for related in diagnostic.related {
            let relatedSource = related.path.flatMap { report.source(forPath: $0) } ?? source
            let location = relatedSource.location(of: related.range.lowerBound)
            let place = related.path.map { "\(TerminalText.sanitized($0)):\(location.line):\(location.column)" }
                ?? "line \(location.line), column \(location.column)"
            text += style.gutter("   = ") + style.bold("note") + ": " + TerminalText.sanitized(related.message) + " (\(place))\n"
        }
        if let fix = diagnostic.fix {
            let action = fix.replacement.isEmpty ? "delete it (edlint --fix)" : "replace with '" + TerminalText.sanitized(fix.replacement) + "' (edlint --fix)"
            text += style.gutter("   = ") + style.bold("fix") + ": " + action + "\n"
        }
        return text
    }

    /// The span's first line, cut to `frameWidth` columns around the span, with carets under it.
    func frame(_ range: ByteRange, in source: SourceFile, severity: Severity, style: Styler) -> String {
        let lineIndex = source.lines.lineIndex(containing: range.lowerBound)
        let lineRange = source.lines.contentRange(ofLine: lineIndex, in: source.bytes)
        let spanStart = max(range.lowerBound, lineRange.lowerBound)
        let spanEnd = min(max(range.upperBound, spanStart), lineRange.upperBound)
        // Decode only a window around the span: a frame shows at most `frameWidth` columns, and a
        // long line may hold thousands of findings.
        // Bytes: a scalar of n bytes takes at least n/2 columns (CJK: 3 bytes, 2 columns; emoji: 4, 2),
        // so 2 × frameWidth bytes hold frameWidth columns of anything but combining marks.
        let reach = frameWidth * 2
        let windowStart = Self.characterBoundary(in: source.bytes, at: max(lineRange.lowerBound, spanStart - reach), floor: lineRange.lowerBound)
        let windowEnd = Self.characterBoundary(in: source.bytes, at: min(lineRange.upperBound, spanEnd + reach), floor: spanEnd)
        let clippedEnd = min(spanEnd, spanStart + reach)
        let spanCut = Self.characterBoundary(in: source.bytes, at: clippedEnd, floor: spanStart)

        let before = Self.scalars(source.bytes[windowStart..<spanStart])
        let inside = Self.scalars(source.bytes[spanStart..<spanCut])
        let after = Self.scalars(source.bytes[(spanCut == spanEnd ? spanEnd : spanCut)..<max(spanCut, windowEnd)])
        let beforeIsCut = windowStart > lineRange.lowerBound
        let afterIsCut = windowEnd < lineRange.upperBound

        // Show the whole line when it fits; otherwise keep some context before the span and cut the rest.
        let beforeWidth = before.reduce(0) { $0 + Self.columns($1) } + (beforeIsCut ? 1 : 0)
        let lineWidth = beforeWidth + inside.reduce(0) { $0 + Self.columns($1) } + after.reduce(0) { $0 + Self.columns($1) }
        let lead = lineWidth <= frameWidth && !beforeIsCut && !afterIsCut ? Int.max : max(10, frameWidth / 3)
        // Drop scalars from the front (an index, not repeated removeFirst: a window holds hundreds).
        var width = beforeWidth
        var firstShown = 0
        var cutBefore = false
        if beforeIsCut, width > lead {
            width -= 1  // the "…" that stood for the cut part
            cutBefore = true
        }
        while width > lead, firstShown < before.count {
            width -= Self.columns(before[firstShown])
            firstShown += 1
            cutBefore = true
        }
        let shownBefore = (beforeIsCut && !cutBefore ? ["…"] : []) + before[firstShown...]
        let room = max(1, frameWidth - width)
        var shownInside: [Unicode.Scalar] = []
        var insideWidth = 0
        var cutInside = false
        for scalar in inside {
            let scalarWidth = Self.columns(scalar)
            if insideWidth + scalarWidth > room {
                cutInside = true
                break
            }
            shownInside.append(scalar)
            insideWidth += scalarWidth
        }
        var shownAfter: [Unicode.Scalar] = []
        var afterWidth = 0
        var cutAfter = (cutInside && !after.isEmpty) || afterIsCut
        if !cutInside {
            for scalar in after {
                let scalarWidth = Self.columns(scalar)
                if width + insideWidth + afterWidth + scalarWidth > frameWidth {
                    cutAfter = true
                    break
                }
                shownAfter.append(scalar)
                afterWidth += scalarWidth
            }
        }

        let prefix = (cutBefore ? "…" : "") + Self.display(shownBefore)
        let body = Self.display(shownInside) + (cutInside ? "…" : "")
        let suffix = Self.display(shownAfter) + (cutAfter && !cutInside ? "…" : "")
        let number = String(lineIndex + 1)
        let pad = String(repeating: " ", count: number.count)
        let caretCount = max(1, insideWidth + (cutInside ? 1 : 0))
        var text = style.gutter("\(pad) |") + "\n"
        text += style.gutter("\(number) |") + " " + prefix + body + suffix + "\n"
        text += style.gutter("\(pad) |") + " " + String(repeating: " ", count: width + (cutBefore ? 1 : 0))
        text += style.severity(String(repeating: "^", count: caretCount), severity) + "\n"
        return text
    }

    /// `offset` moved back to the start of a UTF-8 character, but not below `floor`.
    static func characterBoundary(in bytes: [UInt8], at offset: Int, floor: Int) -> Int {
        var position = offset
        while position > floor, position < bytes.count, bytes[position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }

    /// The scalars of UTF-8 bytes, decoded straight from the file (no intermediate String).
    static func scalars(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.append(scalar)
            case .emptyInput: return result
            case .error: result.append("\u{FFFD}")
            }
        }
    }

    /// Scalars as they are shown: control characters escaped (see `TerminalText`).
    static func display(_ scalars: [Unicode.Scalar]) -> String {
        TerminalText.sanitized(scalars: scalars)
    }

    /// Columns a scalar takes once shown (an escaped control character takes its escape's width).
    static func columns(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value >= 0x20 && scalar.value < 0x7F || scalar == "\t" { return 1 }
        if TerminalText.isUnsafe(scalar) { return String(scalar.value, radix: 16).count + 4 }
        return TerminalText.width(of: scalar)
    }

    func summary(_ report: Report, style: Styler) -> String {
        let summary = report.summary
        let files = summary.files == 1 ? "1 file" : "\(summary.files) files"
        // "All clear" only when something was checked.
        guard summary.files > 0 else { return style.bold("Nothing was linted: no Markdown or text file in the paths given.") + "\n" }
        guard summary.diagnostics > 0 else { return style.bold("All clear: no problems in \(files).") + "\n" }
        var counts: [String] = []
        if summary.errors > 0 { counts.append(plural(summary.errors, "error")) }
        if summary.warnings > 0 { counts.append(plural(summary.warnings, "warning")) }
        if summary.infos > 0 { counts.append(plural(summary.infos, "info")) }
        let byCategory = Category.allCases.compactMap { category -> String? in
            guard let count = summary.byCategory[category.rawValue] else { return nil }
            return "\(category.rawValue) \(count)"
        }
        var line = style.bold("Found \(plural(summary.diagnostics, "problem")) in \(files)")
        line += " (\(counts.joined(separator: ", "))): " + byCategory.joined(separator: ", ") + "."
        if summary.fixable > 0 { line += " \(summary.fixable) fixable." }
        return line + "\n"
    }

    func statistics(_ report: Report, style: Styler) -> String {
        let summary = report.summary
        guard !summary.byRule.isEmpty else { return "" }
        let severities = Dictionary(
            report.files.flatMap(\.diagnostics).map { ($0.ruleID, $0.severity) }, uniquingKeysWith: { max($0, $1) })
        let rows = summary.byRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let countWidth = rows.map { String($0.value).count }.max() ?? 1
        let idWidth = rows.map(\.key.count).max() ?? 1
        var text = ""
        for (id, count) in rows {
            let number = String(count)
            text += String(repeating: " ", count: countWidth - number.count) + number + "  "
            text += id + String(repeating: " ", count: idWidth - id.count) + "  "
            text += (severities[id]?.rawValue ?? "") + "\n"
        }
        return text + "\n"
    }

    private func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
}
