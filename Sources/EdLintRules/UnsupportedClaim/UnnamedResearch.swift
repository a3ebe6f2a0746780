import EdLintCore

extension ClaimKind {
    static let unnamedResearch = ClaimKind(
        slug: "unnamed-research", severity: .warning,
        summary: "An appeal to unnamed research (\"Studies show …\")",
        rationale: "\"Studies show\" invites the reader to trust research they cannot find. Name the study (authors, journal or institution, year) or link it; otherwise the claim is the writer's own. Research already named (\"the two studies\", \"the board's figures\") is not flagged.",
        message: "'%@' cites research without naming it; name or link the study",
        cues: UnnamedResearchCues.patterns,
        anOwnerIdentifiesTheSource: true,
        validExamples: [
            "Research by the Northfield Sleep Institute, published in the Journal of Adolescent Health in 2021, found the same effect.",
            "Visits fell from 96,000 to 58,000, the council's own figures show.",
            "Taken together, the two studies suggest that later start times help.",
            "Several studies have found that a regular eating pattern helps (26).",
        ],
        invalidExamples: [
            "↓Studies show that every pound spent on public libraries returns four pounds to the local economy.",
            "↓Research has long established that sleep matters for learning.",
        ],
        configuredExamples: [
            // Support in the next sentence counts at the default window of one sentence, not at 0.
            ConfiguredExamples(
                options: [UnsupportedClaimRule.window.set(to: 0)],
                invalid: [
                    "↓Studies show that later school start times help teenagers sleep. The findings were published by the Northfield Sleep Institute in 2021."
                ])
        ])
}

/// The cue patterns of unsupported-claim.unnamed-research (case-insensitive PCRE2 over a sentence's prose).
private enum UnnamedResearchCues {
    static let patterns: [String] = [
        #"(?<!\w)(?:(?:many|several|numerous|recent|new|some|multiple|countless|previous|past|other|scientific)\s+)?(?:studies|research|surveys|polls|science|data|evidence|statistics|figures)\s+(?:has\s+|have\s+)?(?:long\s+|consistently\s+|repeatedly\s+|clearly\s+|now\s+|also\s+)?(?:show|shows|shown|showed|prove|proves|proven|proved|suggest|suggests|suggested|find|finds|found|indicate|indicates|indicated|demonstrate|demonstrates|demonstrated|establish|establishes|established|confirm|confirms|confirmed)\b"#,
    ]
}
