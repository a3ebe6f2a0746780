import Foundation

/// The rules a run can use, by id: built-in rules plus rule packs from `--rules` and `rules_paths`.
public struct RuleRegistry: Sendable {
    public private(set) var rules: [any Rule] = []
    private var origins: [String: String] = [:]

    public init(rules: [any Rule] = []) throws(RuleLoadError) {
        try add(rules)
    }

    public mutating func add(_ newRules: [any Rule]) throws(RuleLoadError) {
        for rule in newRules {
            let id = rule.description.id
            if let first = origins[id] {
                throw .duplicateID(id: id, first: first, second: rule.description.origin)
            }
            origins[id] = rule.description.origin
            rules.append(rule)
        }
        rules.sort { $0.description.id < $1.description.id }
    }

    public var ids: [String] { rules.map(\.description.id) }

    public func rule(id: String) -> (any Rule)? { rules.first { $0.description.id == id } }

    /// Loads a rule pack: a folder of `<category>/<slug>.yml` files (a `README.md` and other
    /// files are ignored). Every file is loaded; the first error stops the load.
    /// Loads a rule pack folder (`<category>/<slug>.yml` files). `boundary`: the folder its files
    /// must stay inside (the repository of the `.linterrc` that named it; see `TrustedFile`).
    /// `requestedAt`: the `rules_paths` entry that asked for it, named when it is missing.
    public static func loadPack(directory: String, boundary: String? = nil, requestedAt: FileLocation? = nil) throws(RuleLoadError) -> [YAMLRule] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            if let requestedAt { throw .missingFolder(requestedAt, path: directory) }
            throw .unreadable(path: directory, reason: "no such rule folder")
        }
        if let boundary, let real = FileCollector.realPath(directory), let realBoundary = FileCollector.realPath(boundary),
            real != realBoundary, !real.hasPrefix(realBoundary == "/" ? "/" : realBoundary + "/")
        {
            let place = requestedAt.map { "\($0): " } ?? ""
            throw .unreadable(path: directory, reason: "\(place)resolves to \(real), outside the repository \(realBoundary); refusing to read it")
        }
        var rules: [YAMLRule] = []
        let categoryFolders = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        for entry in categoryFolders where !entry.hasPrefix(".") {
            let folder = (directory as NSString).appendingPathComponent(entry)
            var entryIsDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: folder, isDirectory: &entryIsDirectory)
            if !entryIsDirectory.boolValue {
                if entry.hasSuffix(".yml") || entry.hasSuffix(".yaml") { throw .badFileName(path: folder) }
                continue
            }
            let files = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            for file in files where file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
                let path = (folder as NSString).appendingPathComponent(file)
                // A rule file must stay inside its pack's repository, or inside the pack itself
                // when the pack was named on the command line.
                let bytes: [UInt8]
                switch TrustedFile.read(path, boundary: boundary ?? TrustedFile.repositoryRoot(of: directory) ?? directory) {
                case .success(let read): bytes = read
                case .failure(let refusal): throw .unreadable(path: path, reason: refusal.reason)
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw .unreadable(path: path, reason: "not valid UTF-8")
                }
                rules.append(try YAMLRule.load(text: text, path: path, relativePath: "\(entry)/\(file)"))
            }
        }
        return rules
    }
}

/// The ids edlint reports about files themselves; documented like rules, so `explain` and SARIF know them.
public enum ToolDiagnostics {
    public static let unreadableFile = description(
        "unreadable-file", .error, "A file could not be read",
        "The file does not exist, is not a regular file, or cannot be opened. Nothing in it was checked.")
    public static let invalidEncoding = description(
        "invalid-encoding", .error, "A file is not valid UTF-8",
        "edlint reads UTF-8 (with or without a byte order mark). Re-save the file as UTF-8; nothing in it was checked.")
    public static let binaryFile = description(
        "binary-file", .info, "A file holds NUL bytes and was skipped as binary",
        "Text files do not contain NUL bytes; the file was not linted.")
    public static let ruleFailure = description(
        "rule-failure", .error, "A rule could not finish on a file",
        "A pattern hit PCRE2's match limit (it backtracks catastrophically on this text). The rule's other findings in the file may be missing; simplify the pattern.")

    public static let skippedLink = description(
        "skipped-link", .info, "A symbolic link leading outside the linted folder was not followed",
        "Walking a folder, edlint does not follow links that point outside it, so a link committed to a repository cannot make it read files elsewhere on the machine. Pass --follow-symlinks (or name the file) to lint the target.")

    public static let unusedSuppression = description(
        "unused-suppression", .warning, "An edlint-disable comment suppresses nothing",
        "A suppression that no longer matches any finding hides nothing today but would hide a real problem tomorrow. Remove it. Reported only with --report-unused-suppressions.")

    public static let fixSkippedFile = description(
        "fix-skipped", .warning, "--fix left a file alone",
        "The file is read-only, is a symbolic link, has other hard links, or changed on disk while edlint ran, so rewriting it could lose data or change a file other than the one named. Its findings are reported as they were; fix them by hand or remove the obstacle and run again.")

    public static let unsupportedFormat = description(
        "unsupported-format", .error, "A file named on the command line is in a format edlint does not read",
        "edlint reads Markdown (.md, .markdown, .mdx) and plain text (.txt, .text, or no extension). A file in another format (.html, .docx, …) is not linted rather than misread; nothing in it was checked.")

    public static let findingsCapped = description(
        "findings-capped", .warning, "A rule's findings in one file were cut at the cap",
        "One rule found more than max_findings_per_rule problems (default 300) in one file; the first are reported and this finding counts the rest. Its severity is the most severe of those not shown.")

    public static let unknownSuppression = description(
        "unknown-suppression", .warning, "An edlint-disable comment names no known rule or category",
        "A suppression that names a rule that does not exist (a typo, a renamed rule) suppresses nothing, while its reader believes the finding is handled. Name an id from 'edlint rules' or a category.")

    public static let all = [
        unreadableFile, invalidEncoding, binaryFile, unsupportedFormat, ruleFailure, skippedLink, unusedSuppression,
        unknownSuppression, fixSkippedFile, findingsCapped,
    ]

    /// `edlint` or an id of edlint's own diagnostics (or one like it): never a rule a
    /// configuration or `--select`/`--ignore` may name.
    public static func isToolName(_ name: String) -> Bool {
        name == Category.edlint.rawValue || name.hasPrefix(Category.edlint.rawValue + ".")
    }

    /// The findings that mean a file's text was not checked at all.
    public static let fileNotRead: Set<String> = [unreadableFile.id, invalidEncoding.id, binaryFile.id, unsupportedFormat.id]

    /// The finding for a file `--fix` would not rewrite.
    public static func fixSkipped(_ reason: WriteError) -> Diagnostic {
        Diagnostic(
            ruleID: fixSkippedFile.id, category: .edlint, severity: fixSkippedFile.defaultSeverity,
            message: "not fixed: \(reason)", range: 0..<0)
    }

    private static func description(_ slug: String, _ severity: Severity, _ summary: String, _ rationale: String) -> RuleDescription {
        RuleDescription(
            id: "edlint.\(slug)", category: .edlint, defaultSeverity: severity, summary: summary, rationale: rationale,
            validExamples: [], invalidExamples: [])
    }

    public static func diagnostic(for error: InputError) -> Diagnostic {
        let description: RuleDescription
        switch error {
        case .unreadable: description = unreadableFile
        case .invalidUTF8, .utf16: description = invalidEncoding
        case .binary: description = binaryFile
        case .linkLeavesTree: description = skippedLink
        case .unsupportedFormat: description = unsupportedFormat
        }
        return Diagnostic(
            ruleID: description.id, category: .edlint, severity: description.defaultSeverity, message: error.description,
            range: error.offset..<error.offset)
    }
}
