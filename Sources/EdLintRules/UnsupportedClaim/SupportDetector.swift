import EdLintCore

/// Decides whether a claim has support in reach: what a careful editor would accept as a source.
///
/// In the claim's own sentence or the next one of the same block: a link or a footnote
/// reference; "according to" a specific source (not "according to reports"); a named speaker
/// with a speech verb ("said Jane Roe", "Jane Roe, an economist at Northbank, said"); a named
/// organisation ("the Institute for Fiscal Studies", "Moody's analysts", an acronym); a dated or
/// attributed document ("a 2023 survey by …", "published in The Lancet").
struct SupportDetector {
    /// Patterns over prose (PCRE2); compiled once per process.
    static let generalSources: [String] = [
        // according to + a specific source (not vague reports or sources)
        #"(?<!\w)according to (?!(?:some |many |several |unconfirmed |unnamed |local |media |press |recent |other )?(?:reports|sources|rumou?rs|accounts|estimates|experts|analysts|observers|insiders|critics|people|some|many|others)\b)\S"#,
        // a named speaker next to a speech verb, either order
        #"(?<!\w)(?:said|says|told|wrote|argued|argues|warned|warns|added|adds|noted|notes|explained|explains|estimated|estimates|cautioned|cautions|insisted|insists|claimed|claims)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+"#,
        #"\p{Lu}[\p{L}'’-]+(?:\s+(?:de|van|von|da|del|bin|al)?\s*\p{Lu}[\p{L}'’-]+)+\s*(?:,[^,.]{0,90},\s*)?(?:said|says|told|wrote|argued|argues|warned|warns|added|adds|noted|notes|explained|explains|estimated|estimates|cautioned|cautions|insisted|insists)\b"#,
        // a role at a named organisation: "an economist at Northbank", "analysts at Moody's"
        #"(?<!\w)(?:analysts?|economists?|experts?|researchers?|scientists?|officials?|strategists?|professors?|directors?|spokes(?:man|woman|person|people)|chiefs?|heads?|lecturers?|fellows?|advis[eo]rs?|authors?|presidents?|chair(?:man|woman)?|secretar(?:y|ies)|managers?|executives?|officers?|representatives?|consultants?|members?|engineers?|doctors?|physicians?|epidemiologists?)\s+(?:at|from|with|of|for)\s+(?:the\s+)?\p{Lu}"#,
        // an organisation speaking: "the Ravnsborg Institute said", "the health board says"
        #"(?<!\w)(?:the\s+)?(?:\p{Lu}[\p{L}&'’-]+\s+)*(?:Institute|University|Association|Council|Society|Foundation|Agency|Office|Ministry|Department|Board|Commission|Bureau|Authority|Trust|Service|Bank|Group|Union|Alliance|Federation|Chamber|board|council|ministry|agency|company|club|police|union|regulator|department)\s+(?:said|says|told|reported|reports|found|finds|estimated|estimates|published|publishes|announced|confirmed)\b"#,
        #"\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*['’]s\s+(?:analysts?|economists?|researchers?|figures|data|survey|report|study|analysis|statement|minutes|chief|spokes(?:man|woman|person))\b"#,
        // a dated or attributed document
        #"(?<!\w)(?:a|the|its|their|this|his|her)\s+(?:(?:19|20)\d\d\s+|\p{Lu}[\p{L}-]+\s+)?(?:survey|study|report|poll|census|analysis|review|audit|paper|statement|assessment|filing|note)\s+(?:by|from|of|for|published by|commissioned by|carried out by|conducted by)\s+(?:the\s+)?\p{Lu}"#,
        #"(?<!\w)(?:published|reported|appeared|announced|released)\s+(?:in|by|on)\s+(?:the\s+)?\p{Lu}"#,
        // praise with a named judge: "ranked the best in the world by the Theatre Guild"
        #"(?<!\w)(?:ranked|rated|named|voted|awarded|chosen|judged|called|described)\s+[^.]{0,60}?\bby\s+(?:the\s+)?\p{Lu}"#,
        #"\((?:\p{Lu}[\p{L}-]+(?:\s+et al\.?)?,?\s+)?(?:19|20)\d\d[a-z]?\)"#,
        // numbered references in plain text: "… binge eating (26)." "… as reported [3]."
        #"(?<=[\p{L}.,;])\s?[(\[]\d{1,3}(?:\s?[,–-]\s?\d{1,3})*[)\]]"#,
        #"(?<!\w)\p{Lu}[\p{L}-]+\s+(?:et al\.?|and colleagues)"#,
        #"(?<!\w)(?:ONS|OECD|IMF|WHO|NHS|UN|EU|Eurostat|Gallup|YouGov|Ipsos|Pew|Reuters|Bloomberg|AP)\b"#,
    ]
    static let patterns: [PCRE2Pattern] = generalSources.compactMap { try? PCRE2Pattern($0) }

    /// Support that counts for figures only: a statistic may rest on official or census data.
    static let statisticSources: [String] = [
        #"(?<!\w)(?:census|official|government|police|hospital|council|company|club|league|published)\s+(?:figures|data|statistics|records|estimates)\b"#,
        #"(?<!\w)(?:figures|data|statistics)\s+(?:published|released|compiled)\s+(?:by|on|in)\b"#,
    ]
    static let statisticPatterns: [PCRE2Pattern] = statisticSources.compactMap { try? PCRE2Pattern($0) }

    /// Whether `range` of `block` (a sentence, or a sentence and the next) holds support.
    static func hasSupport(in block: Block, range: Range<Int>, forStatistic: Bool = false) -> Bool {
        for span in block.spans where span.proseRange.lowerBound >= range.lowerBound && span.proseRange.lowerBound <= range.upperBound {
            switch span.kind {
            case .link, .footnoteReference: return true
            default: continue
            }
        }
        let text = Array(block.prose.bytes[range])
        let candidates = forStatistic ? patterns + statisticPatterns : patterns
        return candidates.contains { ((try? $0.firstMatch(in: text)) ?? nil) != nil }
    }
}
