import EdLintCore
import Foundation

/// reviewdog's Diagnostic Format (rdjson). Lines are 1-based; columns count UTF-8 bytes from 1,
/// as reviewdog specifies. Substitution fixes become suggestions.
public struct RDJSONReporter: Reporter {
    public init() {}

    struct Output: Encodable {
        var source: Source
        var severity: String
        var diagnostics: [Item]
    }

    struct Source: Encodable {
        var name: String
        var url: String
    }

    struct Position: Encodable {
        var line: Int
        var column: Int
    }

    struct Range: Encodable {
        var start: Position
        var end: Position
    }

    struct Location: Encodable {
        var path: String
        var range: Range
    }

    struct Code: Encodable {
        var value: String
        var url: String
    }

    struct Suggestion: Encodable {
        var range: Range
        var text: String
    }

    struct Related: Encodable {
        var message: String
        var location: Location
    }

    struct Item: Encodable {
        var message: String
        var location: Location
        var severity: String
        var code: Code
        var suggestions: [Suggestion]?
        var relatedLocations: [Related]?

        enum CodingKeys: String, CodingKey {
            case message, location, severity, code, suggestions, relatedLocations = "related_locations"
        }
    }

    public func render(_ report: Report) -> String {
        var items: [Item] = []
        for file in report.files {
            for diagnostic in file.diagnostics {
                let related = diagnostic.related.map { related in
                    let source = related.path.flatMap { report.source(forPath: $0) } ?? file.source
                    return Related(
                        message: related.message,
                        location: Location(path: related.path ?? file.path, range: Self.range(related.range, in: source)))
                }
                items.append(
                    Item(
                        message: diagnostic.message,
                        location: Location(path: file.path, range: Self.range(diagnostic.range, in: file.source)),
                        severity: Self.severity(diagnostic.severity),
                        code: Code(value: diagnostic.ruleID, url: "\(EdLintTool.informationURI)/blob/main/docs/rules.md#\(diagnostic.ruleID.replacingOccurrences(of: ".", with: ""))"),
                        suggestions: diagnostic.fix.map { [Suggestion(range: Self.range($0.range, in: file.source), text: $0.replacement)] },
                        relatedLocations: related.isEmpty ? nil : related))
            }
        }
        let output = Output(source: Source(name: EdLintTool.name, url: EdLintTool.informationURI), severity: "WARNING", diagnostics: items)
        return encodeJSON(output)
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "ERROR"
        case .warning: "WARNING"
        case .info: "INFO"
        }
    }

    static func range(_ range: ByteRange, in source: SourceFile) -> Range {
        Range(start: position(range.lowerBound, in: source), end: position(range.upperBound, in: source))
    }

    static func position(_ offset: Int, in source: SourceFile) -> Position {
        let location = source.location(of: offset)
        let lineStart = source.lines.starts[location.line - 1]
        return Position(line: location.line, column: max(0, offset - lineStart) + 1)
    }
}
