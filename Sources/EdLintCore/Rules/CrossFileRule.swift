/// A rule that compares the files of a run with each other (`--cross-file`): syndicated copy,
/// template residue. It works in two steps so the run stays parallel and linear: while files
/// are linted side by side, `summarize` keeps what the comparison needs of each document (a
/// few hashes per paragraph, not the document); then `compare` judges all summaries together,
/// through an index rather than pair by pair.
///
/// Its per-document `check` reports nothing: a single document has nothing to compare with.
public protocol CrossFileRule: Rule {
    /// What the comparison needs of one document.
    func summarize(_ document: Document, context: RuleContext) -> any Sendable
    /// Findings for each file, given every file's summary in run order (earlier files are the
    /// "first stated" side). `files[i].summary` is what `summarize` returned for file `i`.
    func compare(_ files: [CrossFileInput], context: RuleContext) -> [[Diagnostic]]
}

/// One file's summary for a cross-file rule.
public struct CrossFileInput: Sendable {
    public var path: String
    public var summary: any Sendable

    public init(path: String, summary: any Sendable) {
        self.path = path
        self.summary = summary
    }
}
