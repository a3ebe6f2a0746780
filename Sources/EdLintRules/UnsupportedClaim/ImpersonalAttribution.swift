import EdLintCore

extension ClaimKind {
    static let impersonalAttribution = ClaimKind(
        slug: "impersonal-attribution", severity: .warning,
        summary: "A claim resting on an impersonal \"it is widely believed\" or \"reportedly\"",
        rationale: "Impersonal constructions (\"it is widely believed\", \"X is said to\", \"reportedly\", \"according to reports\") claim that some unnamed body of people holds a view. The reader cannot tell who, or how many. Say who, or cite the report.",
        message: "'%@' rests a claim on no one in particular; say who, or cite the source",
        cues: ImpersonalAttributionCues.patterns,
        validExamples: [
            "It is widely believed, according to a 2023 survey by the Institute for Fiscal Studies, that rates will fall.",
            "The coast is known for its cliffs.",
            "The real numbers can be regarded as a subset of the complex numbers.",
            "A discount of this kind is considered an extra benefit under the league's rules.",
            "The lighthouse is commonly known as the Needle.",
            "The bill will be considered by the committee on Tuesday.",
        ],
        invalidExamples: [
            "↓It is widely believed in Estmark that the fisheries chapter will be the hardest to close.",
            "The club's academy ↓is widely considered the best in the north of the country.",
            "Porth Alder ↓is said to get more sunshine than anywhere else on the peninsula.",
            "The pistol ↓was regarded as one of the most reliable of its day.",
            "The scheme, ↓considered by many to be a success, ends next year.",
            "The theory is now ↓widely accepted.",
            "At the time ↓there were rumours that the mill would close.",
        ])
}

/// The cue patterns of unsupported-claim.impersonal-attribution (case-insensitive PCRE2 over a sentence's prose).
private enum ImpersonalAttributionCues {
    static let patterns: [String] = [
        #"(?<!\w)it\s+(?:is|was|has\s+(?:long\s+)?been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+|often\s+|long\s+|increasingly\s+|now\s+|also\s+)?(?:believed|said|thought|accepted|reported|claimed|argued|suggested|understood|assumed|rumou?red|alleged|felt|recognised|recognized|considered|held)\b"#,
        #"(?<!\w)(?:is|are|was|were|has been|have been)\s+(?:widely|generally|commonly|often|universally|frequently|increasingly)\s+(?:considered|regarded|recognised|recognized|believed|seen|thought|acknowledged|accepted|viewed|described|held|cited|touted|hailed)\b"#,
        #"(?<!\w)(?:is|are|was|were)\s+(?:said|reported|rumou?red|believed|thought|alleged|reputed|understood)\s+to\b"#,
        #"(?<!\w)according to (?:(?:some|many|several|unconfirmed|unnamed|local|media|press|recent|other)\s+)?(?:reports|sources|accounts|rumou?rs|estimates)\b(?!\s+(?:by|from|in|published)\s+\p{Lu})"#,
        #"(?<!\w)(?:reportedly|allegedly|supposedly|purportedly|reputedly)\b"#,
        // A judgement in the passive with no one making it: "is considered one of the
        // best", "was regarded as", "has been considered to be". Not after a modal ("can be
        // regarded as a subset": the writer's own reasoning) and not "deemed", "assumed" or
        // a bare "considered a" — definitions and rules ("is deemed to be a decision",
        // "inputs are assumed to be sorted", "a 2xx is considered a success").
        #"(?<!\w)(?:is|are|was|were|been|being)\s+(?:(?:also|still|now|often|usually|generally|widely|commonly|traditionally|sometimes|largely|frequently|increasingly|universally)\s+)?(?:considered|regarded|reputed)\s+(?:to\s+(?:be|have)\b|as\b|one\s+of\b|among\b|the\s+(?:best|greatest|finest|worst|most|leading|foremost)\b|very\b|highly\b|more\b|less\b|most\b|too\b)"#,
        #"(?<!\w)(?:considered|regarded|seen|viewed|described|thought\s+of|hailed|touted|acclaimed)\s+(?:as\s+[^,.;]{1,40}?\s+)?by\s+(?:many|some|most|several|others|critics|experts|fans|historians|scholars|observers|commentators)\b"#,
        #"(?<!\w)(?:widely|generally|commonly|universally)\s+(?:accepted|acknowledged|believed|considered|regarded|recognised|recognized|thought|assumed|seen|viewed|credited|praised|criticised|criticized|acclaimed|influential|admired|known(?!\s+as\b))\b"#,
        #"(?<!\w)(?:there\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:a\s+claim|a\s+rumou?r|(?:(?:some|many|persistent|unconfirmed|widespread)\s+)?(?:claims|rumou?rs|speculation|suggestions|allegations))|rumou?rs?\s+(?:(?:has|have|had)\s+)?(?:circulated|spread|persisted)|a\s+rumou?r\s+(?:was|were)\s+(?:circulated|spread))\b"#,
    ]
}
