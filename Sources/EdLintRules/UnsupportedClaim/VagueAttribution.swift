import EdLintCore

extension ClaimKind {
    static let vagueAttribution = ClaimKind(
        slug: "vague-attribution", severity: .warning,
        summary: "A claim pinned on unnamed sources (\"Analysts suggest …\", \"Critics contend …\")",
        rationale: "\"Analysts suggest\", \"critics contend\", \"experts say\" put a view in the mouths of people the reader cannot identify or check. Name them (\"analysts at Moody's\", \"Jane Roe, chief economist at Northbank\"), link the source, quote a named speaker — or say it in the paper's own voice.",
        message: "'%@' attributes a claim to unnamed sources; name them or cite the source",
        cues: VagueAttributionCues.patterns,
        anOwnerIdentifiesTheSource: true,
        validExamples: [
            "Analysts at Moody's suggest the downgrade could come within weeks.",
            "Critics contend the plan is too costly, said Maria Okafor, the opposition's finance spokesperson.",
            "“Critics say we moved too fast,” the mayor said.",
            "The team spent two years on the simulations, and the researchers believe the investment has paid off.",
            "NASA officials said the launch would slip to March.",
            "In some cases tenants maintain two addresses for billing.",
        ],
        invalidExamples: [
            "↓Analysts suggest that this advance could have broader implications for the conflict.",
            "The lane opened in May. ↓Critics contend that it has pushed traffic onto residential roads.",
            "↓Detractors of the U.S. policy contend that it has prolonged the conflict.",
            "Before the 1960s, ↓many cosmologists thought the universe had no beginning.",
            "Though ↓some claim that he opposed the plan, the record is unclear.",
        ])
}

/// The cue patterns of unsupported-claim.vague-attribution (case-insensitive PCRE2 over a sentence's prose).
private enum VagueAttributionCues {
    static let qualifiers = "some|many|most|several|a number of|numerous|other|certain|leading|top|independent|prominent|long-time|longtime|local|industry|security|market|political|legal|health|military|western|foreign|outside|senior|former"
    static let sources = "analysts?|experts?|critics|detractors|observers|commentators|pundits|insiders|sources|economists|scientists|researchers|specialists|advocates|supporters|opponents|skeptics|sceptics|residents|locals|traders|owners|users|fans|people|officials|campaigners|activists|diplomats|coaches|onlookers|watchers|scholars|historians|academics|doctors|investors|voices|figures in the industry"
    static let verbs = "say|says|said|suggest(?:s|ed)?|contend(?:s|ed)?|argue(?:s|d)?|believe(?:s|d)?|claim(?:s|ed)?|warn(?:s|ed)?|point(?:s|ed)? out|agree(?:s|d)?|describe(?:s|d)?|feel(?:s)?|felt|think(?:s)?|thought|fear(?:s|ed)?|note(?:s|d)?|predict(?:s|ed)?|maintain(?:s|ed)?|assert(?:s|ed)?|insist(?:s|ed)?|regard(?:s|ed)?|reported|report(?:s)?|expect(?:s|ed)?|estimate(?:s|d)?|speculate(?:s|d)?|worry|worries|worried|consider(?:s|ed)?|doubt(?:s|ed)?|question(?:s|ed)?|accuse(?:s|d)?|complain(?:s|ed)?"
    static let patterns: [String] = [
        #"(?<!\w)(?:(?:"# + qualifiers + #")\s+){0,2}(?:"# + sources + #")(?:\s+(?:of|in|on|within|among|close to|familiar with)\s+[^,;:]{1,50}?)?\s+(?:have\s+(?:long\s+)?|had\s+|are\s+|also\s+|increasingly\s+|widely\s+|generally\s+|now\s+|often\s+)?(?:"# + verbs + #")\b"#,
        #"(?:^|[,;]\s*|\b(?:though|although|while|whereas|but|and|as|because|since|yet)\s+)\K(?:some|others|many)\s+(?:have\s+|had\s+)?(?:say|said|argue|argued|suggest|suggested|claim|claimed|believe|believed|contend|contended|maintain|maintained|think|thought|feel|felt|note|noted)\b"#,
        // Any group named only by a quantifier: "many cosmologists thought", "some authors interpreted".
        #"(?<!\w)(?:some|many|several|most|numerous|various|certain)\s+(?!(?:cases|instances|ways|times|areas|parts|places|regions|respects|years|days|things|situations|circumstances|countries|states|systems)\b)(?:\p{Ll}[\p{Ll}-]*\s+){0,2}?(?!(?:cases|instances|ways|times|areas|parts|places|regions|respects|years|days|things|situations|circumstances|countries|states|systems)\b)(?:\p{Ll}[\p{Ll}-]*[^s\W]s|people|folk|men|women)\s+(?:have\s+(?:long\s+)?|had\s+|also\s+|still\s+|now\s+)?(?:say|said|suggest(?:ed)?|contend(?:ed)?|argue(?:d)?|believe(?:d)?|claim(?:ed)?|think|thought|feel|felt|maintain(?:ed)?|assert(?:ed)?|insist(?:ed)?|suspect(?:ed)?|speculate(?:d)?|interpret(?:ed)?|allege(?:d)?)\b"#,
    ]
}
