import EdLintCore

/// The kinds of unsupported claim edlint recognises; each is its own rule id.
enum ClaimKind: String, CaseIterable, Sendable {
    case vagueAttribution = "vague-attribution"
    case impersonalAttribution = "impersonal-attribution"
    case unnamedResearch = "unnamed-research"
    case unsourcedStatistic = "unsourced-statistic"
    case sweepingGeneralization = "sweeping-generalization"
    case peacock = "peacock"

    var id: String { "unsupported-claim.\(rawValue)" }

    /// The cue patterns (case-insensitive PCRE2 over a sentence's prose).
    var cueSources: [String] {
        switch self {
        case .vagueAttribution:
            let qualifiers = "some|many|most|several|a number of|numerous|other|certain|leading|top|independent|prominent|long-time|longtime|local|industry|security|market|political|legal|health|military|western|foreign|outside|senior|former"
            let sources = "analysts?|experts?|critics|detractors|observers|commentators|pundits|insiders|sources|economists|scientists|researchers|specialists|advocates|supporters|opponents|skeptics|sceptics|residents|locals|traders|owners|users|fans|people|officials|campaigners|activists|diplomats|coaches|onlookers|watchers|scholars|historians|academics|doctors|investors|voices|figures in the industry"
            let verbs = "say|says|said|suggest(?:s|ed)?|contend(?:s|ed)?|argue(?:s|d)?|believe(?:s|d)?|claim(?:s|ed)?|warn(?:s|ed)?|point(?:s|ed)? out|agree(?:s|d)?|describe(?:s|d)?|feel(?:s)?|felt|think(?:s)?|thought|fear(?:s|ed)?|note(?:s|d)?|predict(?:s|ed)?|maintain(?:s|ed)?|assert(?:s|ed)?|insist(?:s|ed)?|regard(?:s|ed)?|reported|report(?:s)?|expect(?:s|ed)?|estimate(?:s|d)?|speculate(?:s|d)?|worry|worries|worried|consider(?:s|ed)?|doubt(?:s|ed)?|question(?:s|ed)?|accuse(?:s|d)?|complain(?:s|ed)?"
            return [
                #"(?<!\w)(?:(?:"# + qualifiers + #")\s+){0,2}(?:"# + sources + #")(?:\s+(?:of|in|on|within|among|close to|familiar with)\s+[^,;:]{1,50}?)?\s+(?:have\s+(?:long\s+)?|had\s+|are\s+|also\s+|increasingly\s+|widely\s+|generally\s+|now\s+|often\s+)?(?:"# + verbs + #")\b"#,
                #"(?:^|[,;]\s*|\b(?:though|although|while|whereas|but|and|as|because|since|yet)\s+)\K(?:some|others|many)\s+(?:have\s+|had\s+)?(?:say|said|argue|argued|suggest|suggested|claim|claimed|believe|believed|contend|contended|maintain|maintained|think|thought|feel|felt|note|noted)\b"#,
                // Any group named only by a quantifier: "many cosmologists thought", "some authors interpreted".
                #"(?<!\w)(?:some|many|several|most|numerous|various|certain)\s+(?!(?:cases|instances|ways|times|areas|parts|places|regions|respects|years|days|things|situations|circumstances|countries|states|systems)\b)(?:\p{Ll}[\p{Ll}-]*\s+){0,2}?(?!(?:cases|instances|ways|times|areas|parts|places|regions|respects|years|days|things|situations|circumstances|countries|states|systems)\b)(?:\p{Ll}[\p{Ll}-]*[^s\W]s|people|folk|men|women)\s+(?:have\s+(?:long\s+)?|had\s+|also\s+|still\s+|now\s+)?(?:say|said|suggest(?:ed)?|contend(?:ed)?|argue(?:d)?|believe(?:d)?|claim(?:ed)?|think|thought|feel|felt|maintain(?:ed)?|assert(?:ed)?|insist(?:ed)?|suspect(?:ed)?|speculate(?:d)?|interpret(?:ed)?|allege(?:d)?)\b"#,
            ]
        case .impersonalAttribution:
            return [
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
        case .unnamedResearch:
            return [
                #"(?<!\w)(?:(?:many|several|numerous|recent|new|some|multiple|countless|previous|past|other|scientific)\s+)?(?:studies|research|surveys|polls|science|data|evidence|statistics|figures)\s+(?:has\s+|have\s+)?(?:long\s+|consistently\s+|repeatedly\s+|clearly\s+|now\s+|also\s+)?(?:show|shows|shown|showed|prove|proves|proven|proved|suggest|suggests|suggested|find|finds|found|indicate|indicates|indicated|demonstrate|demonstrates|demonstrated|establish|establishes|established|confirm|confirms|confirmed)\b"#,
            ]
        case .unsourcedStatistic:
            let hedge = "nearly|almost|around|about|roughly|some|over|more than|fewer than|less than|up to|as many as|just under|just over|approximately|close to|an estimated"
            let population = "people|adults|voters|residents|homeowners|households|users|customers|consumers|patients|nurses|doctors|teachers|students|children|parents|workers|employees|businesses|companies|firms|drivers|women|men|americans|britons|respondents|shoppers|owners|runners|teenagers|readers|viewers|members|staff|citizens|taxpayers|smokers|families|pupils|graduates|renters|tenants"
            return [
                // A share of a whole population, hedged or not: "nearly half of the nurses",
                // "60% of people", "two in five homeowners". (Not a decimal: "71.2%" is measured.)
                #"(?<![\w.,])(?:(?:"# + hedge + #")\s+)?(?:\d{1,3}\s?(?:%|per\s?cent|percent)|(?:one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+(?:two|three|four|five|six|seven|eight|nine|ten)|half|a third|a quarter|two-thirds|three-quarters|the majority|a majority)\s+(?:of\s+)?(?:all\s+|the\s+)?(?:\p{Ll}+\s+){0,2}?(?:"# + population + #")\b"#,
                // A trend with no base: "have doubled", "will grow tenfold".
                #"(?<!\w)(?:has|have|had|will|could|is expected to|are expected to|is set to|are set to)\s+(?:almost\s+|nearly\s+|more than\s+|roughly\s+)?(?:doubled|tripled|trebled|quadrupled|halved|(?:grow|grown|rise|risen|increase|increased|fall|fallen|drop|dropped)\s+(?:by\s+)?(?:tenfold|fivefold|threefold|twofold|as much as))\b"#,
            ]
        case .sweepingGeneralization:
            return [
                // "Most runners peak…", "Many owners have reported…": a generalisation about a whole group.
                #"^(?:most|many|all|few)\s+(?!of\b|rights\b)(?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}[\p{Ll}-]*s\s+(?!of\b|reserved\b)(?:have\s+|are\s+|now\s+|still\s+|tend\s+to\s+)?\p{Ll}+"#,
            ]
        case .peacock:
            return [
                #"(?<!\w)(?:world-class|world-renowned|world-leading|best-in-class|state-of-the-art|cutting-edge|groundbreaking|unparalleled|unrivall?ed|second to none|legendary|iconic|revolutionary|like no other|the finest|the best in the (?:world|country|region|north|south|east|west)|the most (?:advanced|innovative|famous|celebrated|successful|prestigious|respected|influential)|one of the (?:best|greatest|finest|foremost|most (?:famous|renowned|celebrated|successful|influential|prestigious|respected|acclaimed))|best-(?:selling|known|loved)|(?:most|highly|world|critically)[- ](?:renowned|famous|acclaimed|celebrated)|renowned|world-famous)\b"#,
            ]
        }
    }

    var severity: Severity {
        switch self {
        case .peacock, .sweepingGeneralization: .info
        default: .warning
        }
    }

    var summary: String {
        switch self {
        case .vagueAttribution: "A claim pinned on unnamed sources (\"Analysts suggest …\", \"Critics contend …\")"
        case .impersonalAttribution: "A claim resting on an impersonal \"it is widely believed\" or \"reportedly\""
        case .unnamedResearch: "An appeal to unnamed research (\"Studies show …\")"
        case .unsourcedStatistic: "A statistic with no source (\"nearly half of nurses\", \"sales have doubled\")"
        case .sweepingGeneralization: "A sweeping generalisation about a whole group (\"Most runners peak …\")"
        case .peacock: "A promotional superlative with no source (\"the most advanced in Europe\", \"world-class\")"
        }
    }

    var rationale: String {
        switch self {
        case .vagueAttribution:
            "\"Analysts suggest\", \"critics contend\", \"experts say\" put a view in the mouths of people the reader cannot identify or check. Name them (\"analysts at Moody's\", \"Jane Roe, chief economist at Northbank\"), link the source, quote a named speaker — or say it in the paper's own voice."
        case .impersonalAttribution:
            "Impersonal constructions (\"it is widely believed\", \"X is said to\", \"reportedly\", \"according to reports\") claim that some unnamed body of people holds a view. The reader cannot tell who, or how many. Say who, or cite the report."
        case .unnamedResearch:
            "\"Studies show\" invites the reader to trust research they cannot find. Name the study (authors, journal or institution, year) or link it; otherwise the claim is the writer's own. Research already named (\"the two studies\", \"the board's figures\") is not flagged."
        case .unsourcedStatistic:
            "Numbers persuade, so readers need to know where they come from. A hedged share (\"nearly two in five homeowners\"), a share of a whole population (\"60% of people\") or a trend with no base (\"has doubled\") with no survey, agency, report or named source in reach is a claim the reader cannot check."
        case .sweepingGeneralization:
            "A sentence that opens by generalising about a whole group (\"Most runners peak in their late twenties\") states as fact what needs evidence. Cite the data or narrow the claim."
        case .peacock:
            "Peacock terms praise without telling: \"world-class\", \"legendary\", \"the most advanced …\". In news copy they read as advertising. Give the fact that earned the praise, or attribute it to someone named."
        }
    }

    var message: String {
        switch self {
        case .vagueAttribution: "'%@' attributes a claim to unnamed sources; name them or cite the source"
        case .impersonalAttribution: "'%@' rests a claim on no one in particular; say who, or cite the source"
        case .unnamedResearch: "'%@' cites research without naming it; name or link the study"
        case .unsourcedStatistic: "'%@' is a statistic without a source; say whose figure it is"
        case .sweepingGeneralization: "'%@' generalises about a whole group without evidence; cite the data or narrow the claim"
        case .peacock: "'%@' is a promotional claim; give the fact behind it or attribute it"
        }
    }
}
