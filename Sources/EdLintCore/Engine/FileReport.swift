/// One linted file: its source (for positions and code frames) and its findings in report order.
public struct FileReport: Sendable {
    public var source: SourceFile
    public var diagnostics: [Diagnostic]
    /// What each cross-file rule kept of the document (by rule id), when `--cross-file` is on.
    public var crossFileSummaries: [String: any Sendable] = [:]
    /// The document's suppression comments, applied again to cross-file findings.
    public var suppressions: Suppressions?
    /// `fail_on` of the configuration that governs the file (nil: none sets it).
    public var failOn: FailLevel?

    public init(source: SourceFile, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }

    public var path: String { source.path }
}
