import EdLintCore

extension ClaimKind {
    static let sweepingGeneralization = ClaimKind(
        slug: "sweeping-generalization", severity: .info,
        summary: "A sweeping generalisation about a whole group (\"Most runners peak …\")",
        rationale: "A sentence that opens by generalising about a whole group (\"Most runners peak in their late twenties\") states as fact what needs evidence. Cite the data or narrow the claim.",
        message: "'%@' generalises about a whole group without evidence; cite the data or narrow the claim",
        cues: SweepingGeneralizationCues.patterns,
        validExamples: [
            "Most of the buses ran on time.",
            "Most went to stay with family or friends.",
            "Copyright 2019 Harbour News. All rights reserved.",
        ],
        invalidExamples: [
            "↓Most runners peak in their late twenties and decline steadily after 35.",
        ])
}

/// The cue patterns of unsupported-claim.sweeping-generalization (case-insensitive PCRE2 over a sentence's prose).
private enum SweepingGeneralizationCues {
    static let patterns: [String] = [
        // "Most runners peak…", "Many owners have reported…": a generalisation about a whole group.
        #"^(?:most|many|all|few)\s+(?!of\b|rights\b)(?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}[\p{Ll}-]*s\s+(?!of\b|reserved\b)(?:have\s+|are\s+|now\s+|still\s+|tend\s+to\s+)?\p{Ll}+"#,
    ]
}
