import EdLintCore

import Foundation

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers. Columns are UTF-16 code
/// units (`columnKind: utf16CodeUnits`); regions also carry exact byte offsets. Paths are
/// relative to `basePath` (the repository root by default) under the `%SRCROOT%` base id.
/// Problems reading a file are tool notifications, not results.
public struct SARIFReporter: Reporter {
    /// GitHub code scanning keeps at most 1,024 characters of a rule's full description; the
    /// whole rationale stays in `help`.
    public static let fullDescriptionLimit = 1_024

    /// `text` cut at the last sentence that fits in `limit` characters (an ellipsis marks the cut).
    public static func fitting(_ text: String, within limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = String(text.prefix(limit - 1))
        if let stop = head.range(of: ". ", options: .backwards) { return String(head[..<stop.lowerBound]) + ". …" }
        return head + "…"
    }

    public var basePath: String
    public var helpBaseURI: String

    public init(basePath: String, helpBaseURI: String = EdLintTool.informationURI + "/blob/main/docs/rules.md") {
        self.basePath = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        self.helpBaseURI = helpBaseURI
    }

    public func render(_ report: Report) -> String { collected { write(report, to: $0) } }

    /// The log with its results written one at a time: the same bytes as encoding it whole
    /// (`encodedWhole`), without holding every result encoded at once (100,000 findings took
    /// 735 MB that way). Everything but the results is encoded as one skeleton; the results are
    /// spliced in where its empty array is (keys are sorted, and any quote inside a string is
    /// escaped, so the first `"results" : [` at the run's indentation is that array).
    public func write(_ report: Report, to sink: (String) -> Void) {
        let skeleton = encodeJSON(log(report, notifications: notifications(report), results: []))
        let spliced = writeSplicing(
            skeleton, arrayKey: "results", keyIndent: 6, items: { forEachResult(in: report, $0) }, to: sink)
        if !spliced { sink(encodedWhole(report)) }
    }

    /// The whole log as one value (what `write` produces piece by piece; kept for tests).
    func encodedWhole(_ report: Report) -> String {
        var results: [SARIF.Result] = []
        forEachResult(in: report) { results.append($0) }
        return encodeJSON(log(report, notifications: notifications(report), results: results))
    }

    private func log(_ report: Report, notifications: [SARIF.Notification], results: [SARIF.Result]) -> SARIF.Log {
        SARIF.Log(
            schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0",
            runs: [
                SARIF.Run(
                    tool: .init(driver: .init(
                        name: EdLintTool.name, version: EdLintTool.version, semanticVersion: EdLintTool.version,
                        informationUri: EdLintTool.informationURI, rules: report.rules.map(rule))),
                    originalUriBaseIds: ["SRCROOT": .init(uri: Self.fileURI(basePath + "/"))],
                    invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notifications)],
                    results: results, columnKind: "utf16CodeUnits")
            ])
    }

    /// Problems edlint met (unreadable files, skipped links): tool notifications, not results.
    private func notifications(_ report: Report) -> [SARIF.Notification] {
        var notes = fileNotifications(report)
        let results = report.files.reduce(0) { $0 + $1.diagnostics.filter { $0.category != .edlint }.count }
        if results > Self.githubResultLimit {
            // Said, not cut: other SARIF consumers want every result.
            notes.append(
                SARIF.Notification(
                    level: "warning",
                    message: .init(
                        text: "This run has \(results) results; GitHub code scanning keeps \(Self.githubResultLimit) per run, so some will not show there. "
                            + "Narrow the run (--select, --min-severity, a baseline) or read the whole log."),
                    locations: [], descriptor: .init(id: "edlint.result-limit")))
        }
        return notes
    }

    /// How many results GitHub code scanning keeps from one SARIF run.
    public static let githubResultLimit = 5_000

    private func fileNotifications(_ report: Report) -> [SARIF.Notification] {
        report.files.flatMap { file in
            file.diagnostics.filter { $0.category == .edlint }.map { diagnostic in
                SARIF.Notification(
                    level: diagnostic.severity == .info ? "note" : "error",
                    message: .init(text: diagnostic.message),
                    locations: [location(file.path, diagnostic.range, in: file.source, message: nil)],
                    descriptor: .init(id: diagnostic.ruleID))
            }
        }
    }

    /// Each finding as a SARIF result, file by file.
    private func forEachResult(in report: Report, _ body: (SARIF.Result) -> Void) {
        let ruleIndex = Dictionary(report.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for file in report.files {
            let fingerprints = Fingerprint.values(for: file.diagnostics, in: file.source)
            let lineHashes = file.diagnostics.contains { $0.category != .edlint } ? GitHubLineHash.lineHashes(of: file.source.bytes) : []
            for (diagnostic, fingerprint) in zip(file.diagnostics, fingerprints) where diagnostic.category != .edlint {
                let location = self.location(file.path, diagnostic.range, in: file.source, message: nil)
                let related = diagnostic.related.enumerated().map { index, related in
                    var relatedLocation = self.location(
                        related.path ?? file.path, related.range,
                        in: related.path.flatMap { report.source(forPath: $0) } ?? file.source,
                        message: related.message)
                    relatedLocation.id = index + 1
                    return relatedLocation
                }
                let fixes = diagnostic.fix.map { fix in
                    [SARIF.Fix(
                        description: .init(text: fix.replacement.isEmpty ? "Delete it" : "Replace with '\(fix.replacement)'"),
                        artifactChanges: [
                            .init(
                                artifactLocation: artifact(file.path),
                                replacements: [.init(deletedRegion: region(fix.range, in: file.source, snippet: false), insertedContent: .init(text: fix.replacement))])
                        ])]
                }
                body(
                    SARIF.Result(
                        ruleId: diagnostic.ruleID, ruleIndex: ruleIndex[diagnostic.ruleID],
                        level: Self.level(diagnostic.severity), message: .init(text: diagnostic.message),
                        locations: [location], relatedLocations: related.isEmpty ? nil : related,
                        // GitHub's key holds GitHub's own value (upload-sarif warns on any other);
                        // edlint's identity, stable as lines move, is its own key.
                        partialFingerprints: [
                            "primaryLocationLineHash": lineHash(lineHashes, line: location.physicalLocation.region.startLine),
                            "edlintContent/v1": fingerprint,
                        ],
                        fixes: fixes))
            }
        }
    }

    private func lineHash(_ hashes: [String], line: Int) -> String {
        line > 0 && line < hashes.count && !hashes[line].isEmpty ? hashes[line] : (hashes.count > 1 ? hashes[1] : "0:1")
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private func rule(_ description: RuleDescription) -> SARIF.ReportingDescriptor {
        let anchor = description.id.replacingOccurrences(of: ".", with: "")
        return SARIF.ReportingDescriptor(
            id: description.id, name: Self.pascalCase(description.id),
            shortDescription: .init(text: description.summary), fullDescription: .init(text: Self.fitting(description.rationale, within: Self.fullDescriptionLimit)),
            help: .init(text: description.summary + "\n\n" + description.rationale + "\n\nRun `edlint explain \(description.id)` for examples."),
            helpUri: "\(helpBaseURI)#\(anchor)",
            defaultConfiguration: .init(level: Self.level(description.defaultSeverity)),
            properties: .init(tags: ["editorial", description.category.rawValue]))
    }

    /// "unsupported-claim.vague-attribution" → "UnsupportedClaimVagueAttribution".
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private func location(_ path: String, _ range: ByteRange, in source: SourceFile, message: String?) -> SARIF.Location {
        SARIF.Location(
            id: nil,
            physicalLocation: .init(artifactLocation: artifact(path), region: region(range, in: source, snippet: true)),
            message: message.map { .init(text: $0) })
    }

    private func artifact(_ path: String) -> SARIF.ArtifactLocation {
        if let relative = BasePath(basePath).inside(path) {
            return .init(uri: Self.percentEncoded(relative), uriBaseId: "SRCROOT")
        }
        return .init(uri: Self.fileURI(FileCollector.absolute(path)), uriBaseId: nil)
    }

    private func region(_ range: ByteRange, in source: SourceFile, snippet: Bool) -> SARIF.Region {
        let start = source.location(of: range.lowerBound)
        let end = source.location(of: range.upperBound)
        let text = source.text(in: range)
        return SARIF.Region(
            startLine: start.line, startColumn: start.utf16Column, endLine: end.line, endColumn: end.utf16Column,
            byteOffset: range.lowerBound, byteLength: range.count,
            snippet: snippet && !text.isEmpty ? .init(text: text) : nil)
    }

    static func fileURI(_ path: String) -> String {
        "file://" + percentEncoded(path)
    }

    /// RFC 3986 path encoding: unreserved characters and "/" stay, everything else (spaces,
    /// non-ASCII) is percent-encoded.
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let isUnreserved = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            result += isUnreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return result
    }
}

/// The subset of SARIF 2.1.0 edlint writes, as Codable types.
enum SARIF {
    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: ArtifactLocationBase]
        var invocations: [Invocation]
        var results: [Result]
        var columnKind: String
    }

    struct ArtifactLocationBase: Encodable { var uri: String }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    struct Message: Encodable { var text: String }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var helpUri: String
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable { var level: String }
    struct Properties: Encodable { var tags: [String] }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]
        var descriptor: DescriptorReference
    }

    struct DescriptorReference: Encodable { var id: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        var fixes: [Fix]?
    }

    struct Location: Encodable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var byteOffset: Int
        var byteLength: Int
        var snippet: Message?
    }

    struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Message
    }
}
