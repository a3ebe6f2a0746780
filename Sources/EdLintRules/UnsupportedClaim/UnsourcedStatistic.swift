import EdLintCore

extension ClaimKind {
    static let unsourcedStatistic = ClaimKind(
        slug: "unsourced-statistic", severity: .warning,
        summary: "A statistic with no source (\"nearly half of nurses\", \"sales have doubled\")",
        rationale: "Numbers persuade, so readers need to know where they come from. A hedged share (\"nearly two in five homeowners\"), a share of a whole population (\"60% of people\") or a trend with no base (\"has doubled\") with no survey, agency, report or named source in reach is a claim the reader cannot check.",
        message: "'%@' is a statistic without a source; say whose figure it is",
        cues: UnsourcedStatisticCues.patterns,
        supportNeedsASourceForFigures: true,
        validExamples: [
            "Around 60% of people reuse passwords, according to a 2023 survey by the Cyber Safety Institute.",
            "In October, 71.2% of patients were seen within four hours.",
            "The population of the village has doubled since 1950, census figures show.",
        ],
        invalidExamples: [
            "↓Around 60% of people reuse the same password on several websites.",
            "Visitor numbers ↓have almost doubled in the last five years.",
            "↓Nearly half of the nurses at the hospital are considering leaving the profession.",
        ])
}

/// The cue patterns of unsupported-claim.unsourced-statistic (case-insensitive PCRE2 over a sentence's prose).
private enum UnsourcedStatisticCues {
    static let hedge = "nearly|almost|around|about|roughly|some|over|more than|fewer than|less than|up to|as many as|just under|just over|approximately|close to|an estimated"
    static let population = "people|adults|voters|residents|homeowners|households|users|customers|consumers|patients|nurses|doctors|teachers|students|children|parents|workers|employees|businesses|companies|firms|drivers|women|men|americans|britons|respondents|shoppers|owners|runners|teenagers|readers|viewers|members|staff|citizens|taxpayers|smokers|families|pupils|graduates|renters|tenants"
    static let patterns: [String] = [
        // A share of a whole population, hedged or not: "nearly half of the nurses",
        // "60% of people", "two in five homeowners". (Not a decimal: "71.2%" is measured.)
        #"(?<![\w.,])(?:(?:"# + hedge + #")\s+)?(?:\d{1,3}\s?(?:%|per\s?cent|percent)|(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+(?:two|three|four|five|six|seven|eight|nine|ten)|half|a third|a quarter|two-thirds|three-quarters|the majority|a majority)\s+(?:of\s+)?(?:all\s+|the\s+)?(?:\p{Ll}+\s+){0,2}?(?:"# + population + #")\b"#,
        // A trend with no base: "have doubled", "will grow tenfold".
        #"(?<!\w)(?:has|have|had|will|could|is expected to|are expected to|is set to|are set to)\s+(?:almost\s+|nearly\s+|more than\s+|roughly\s+)?(?:doubled|tripled|trebled|quadrupled|halved|(?:grow|grown|rise|risen|increase|increased|fall|fallen|drop|dropped)\s+(?:by\s+)?(?:tenfold|fivefold|threefold|twofold|as much as))\b"#,
    ]
}
