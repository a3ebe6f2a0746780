import EdLintCore

/// A kind of unsupported claim, each its own rule (`unsupported-claim.SLUG`): declared in one
/// file per kind with its id, severity, summary, rationale, message, cue patterns and examples
/// together, as a YAML rule is.
struct ClaimKind: Sendable {
    let slug: String
    let severity: Severity
    let summary: String
    let rationale: String
    /// The finding's message; `%@` is replaced by the quoted cue.
    let message: String
    /// The cue patterns (case-insensitive PCRE2 over a sentence's prose).
    let cues: [String]
    /// Support must be a source for figures (a survey, agency, report), not just any name.
    var supportNeedsASourceForFigures = false
    /// A possessive or determiner before the cue identifies the source ("the researchers
    /// believe", "NASA officials said", "the two studies"): not flagged.
    var anOwnerIdentifiesTheSource = false
    let validExamples: [String]
    let invalidExamples: [String]
    /// Examples at other options (`window`).
    var configuredExamples: [ConfiguredExamples] = []

    var id: String { "unsupported-claim.\(slug)" }

    /// Every kind, in rule order.
    static let all: [ClaimKind] = [
        .vagueAttribution, .impersonalAttribution, .unnamedResearch, .unsourcedStatistic, .sweepingGeneralization, .peacock,
    ]
}
