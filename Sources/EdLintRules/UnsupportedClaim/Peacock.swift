import EdLintCore

extension ClaimKind {
    static let peacock = ClaimKind(
        slug: "peacock", severity: .info,
        summary: "A promotional superlative with no source (\"the most advanced in Europe\", \"world-class\")",
        rationale: "Peacock terms praise without telling: \"world-class\", \"legendary\", \"the most advanced …\". In news copy they read as advertising. Give the fact that earned the praise, or attribute it to someone named.",
        message: "'%@' is a promotional claim; give the fact behind it or attribute it",
        cues: PeacockCues.patterns,
        validExamples: [
            "The plant recovers 95% of the lithium in the black mass.",
            "The venue was ranked the best in the world by the International Theatre Guild in 2022.",
            "One of the most important factors is the temperature of the bath.",
        ],
        invalidExamples: [
            "Tarnwell is ↓the most advanced battery recycler in Europe.",
            "The hotel offers ↓world-class service.",
            "The Radom was ↓one of the best military pistols of the period.",
            "It was the ↓best-selling car in Europe.",
        ])
}

/// The cue patterns of unsupported-claim.peacock (case-insensitive PCRE2 over a sentence's prose).
private enum PeacockCues {
    static let patterns: [String] = [
        #"(?<!\w)(?:world-class|world-renowned|world-leading|best-in-class|state-of-the-art|cutting-edge|groundbreaking|unparalleled|unrivall?ed|second to none|legendary|iconic|revolutionary|like no other|the finest|the best in the (?:world|country|region|north|south|east|west)|the most (?:advanced|innovative|famous|celebrated|successful|prestigious|respected|influential)|one of the (?:best|greatest|finest|foremost|most (?:famous|renowned|celebrated|successful|influential|prestigious|respected|acclaimed))|best-(?:selling|known|loved)|(?:most|highly|world|critically)[- ](?:renowned|famous|acclaimed|celebrated)|renowned|world-famous)\b"#,
    ]
}
