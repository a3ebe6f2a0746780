import EdLintCore
import Foundation

/// The JSON contract (`docs/edlint-output.schema.json`, version 1). Lines and columns are 1-based;
/// a column counts Unicode scalars; `offset` counts UTF-8 bytes from the start of the file (a
/// BOM included); `end` is exclusive.
public struct JSONOutput: Codable, Equatable {
    public var version: Int
    public var tool: Tool
    public var files: [File]
    public var summary: LintSummary

    public struct Tool: Codable, Equatable {
        public var name: String
        public var version: String
    }

    public struct File: Codable, Equatable {
        public var path: String
        public var diagnostics: [Diagnostic]
    }

    public struct Diagnostic: Codable, Equatable {
        public var rule: String
        public var category: String
        public var severity: String
        public var message: String
        public var range: Range
        public var related: [Related]
        public var fix: Fix?
    }

    public struct Position: Codable, Equatable {
        public var line: Int
        public var column: Int
        public var offset: Int
    }

    public struct Range: Codable, Equatable {
        public var start: Position
        public var end: Position
    }

    public struct Related: Codable, Equatable {
        public var message: String
        public var path: String?
        public var range: Range
    }

    public struct Fix: Codable, Equatable {
        public var range: Range
        public var replacement: String
    }
}

public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String { collected { write(report, to: $0) } }

    /// One finding at a time: the same bytes as encoding `JSONOutput` whole (sorted keys, pretty
    /// printed), without holding a file's findings — or every file's — encoded at once.
    public func write(_ report: Report, to sink: (String) -> Void) {
        sink("{\n  \"files\" : [\n")
        if report.files.isEmpty { sink("\n") }
        for (index, file) in report.files.enumerated() {
            // The file's entry with no findings, as it sits in the array, then its findings spliced in.
            let skeleton = "    " + indentingFollowingLines(String(encodeJSON(JSONOutput.File(path: file.path, diagnostics: [])).dropLast()), by: 4)
            let spliced = writeSplicing(
                skeleton, arrayKey: "diagnostics", keyIndent: 6,
                items: { emit in for found in file.diagnostics { emit(diagnostic(for: found, in: file.source, report: report)) } },
                to: sink)
            if !spliced { sink("    " + indentingFollowingLines(String(encodeJSON(entry(for: file, in: report)).dropLast()), by: 4)) }
            sink(index < report.files.count - 1 ? ",\n" : "\n")
        }
        let summary = indentingFollowingLines(String(encodeJSON(report.summary).dropLast()), by: 2)
        let tool = indentingFollowingLines(
            String(encodeJSON(JSONOutput.Tool(name: EdLintTool.name, version: EdLintTool.version)).dropLast()), by: 2)
        sink("  ],\n  \"summary\" : \(summary),\n  \"tool\" : \(tool),\n  \"version\" : 1\n}\n")
    }

    /// The whole report as one value (what `write` produces piece by piece; kept for tests).
    func encodedWhole(_ report: Report) -> String {
        let output = JSONOutput(
            version: 1, tool: .init(name: EdLintTool.name, version: EdLintTool.version),
            files: report.files.map { entry(for: $0, in: report) },
            summary: report.summary)
        return encodeJSON(output)
    }

    private func entry(for file: FileReport, in report: Report) -> JSONOutput.File {
        JSONOutput.File(path: file.path, diagnostics: file.diagnostics.map { diagnostic(for: $0, in: file.source, report: report) })
    }

    private func diagnostic(for diagnostic: EdLintCore.Diagnostic, in source: SourceFile, report: Report) -> JSONOutput.Diagnostic {
        JSONOutput.Diagnostic(
            rule: diagnostic.ruleID, category: diagnostic.category.rawValue, severity: diagnostic.severity.rawValue,
            message: diagnostic.message, range: Self.range(diagnostic.range, in: source),
            related: diagnostic.related.map { related in
                let relatedSource = related.path.flatMap { report.source(forPath: $0) } ?? source
                return JSONOutput.Related(message: related.message, path: related.path, range: Self.range(related.range, in: relatedSource))
            },
            fix: diagnostic.fix.map { JSONOutput.Fix(range: Self.range($0.range, in: source), replacement: $0.replacement) })
    }

    static func range(_ range: ByteRange, in source: SourceFile) -> JSONOutput.Range {
        JSONOutput.Range(start: position(range.lowerBound, in: source), end: position(range.upperBound, in: source))
    }

    static func position(_ offset: Int, in source: SourceFile) -> JSONOutput.Position {
        let location = source.location(of: offset)
        return JSONOutput.Position(line: location.line, column: location.column, offset: location.offset)
    }
}
