import Algorithms
import EdLintCore
import EdLintText

/// Navigation and page furniture copied with an article: menu items ("Home", "World", "Print",
/// "Back to Top") and runs of short non-sentence lines (menus, teaser lists, footers).
///
/// Structure decides, not a word list alone: a paragraph is flagged when it consists only of
/// navigation words, or when it is short (`max_words`), does not end like a sentence, carries
/// nothing specific (no digits, no "By …" byline, no address) and stands in a run of at least
/// `min_run` such paragraphs — a menu. A lone short line (a subhead, a dateline, a byline) is
/// left alone, and so is the first block (the title of a plain-text article).
struct NavigationRule: Rule {
    static let id = "boilerplate.navigation"

    let description = RuleDescription(
        id: id, category: .boilerplate, defaultSeverity: .warning,
        summary: "Navigation or menu lines copied with the article (\"Home\", \"Print\", runs of short link lines)",
        rationale: """
            Copying an article from a web page brings its menus along: section names, "Print", \
            "Back to Top", lists of other headlines. They are not sentences and say nothing about \
            the story. A paragraph is flagged when it is made only of navigation words, or when it \
            is one of a run of short lines that do not end like sentences and carry no specifics \
            (numbers, bylines). A lone subhead, dateline or byline is not flagged.
            """,
        validExamples: [
            "Harbour plan approved\n\nThe council approved the plan on Monday.\n\nBy Dana Whitlow\n\nWork starts in June.",
            "# Home\n\nThe home team won 3–1 on Saturday.",
        ],
        invalidExamples: [
            "Harbour plan approved\n\nThe council approved the plan on Monday, and work starts in June.\n\n↓Print\n\n↓Back to Top",
            "Story title\n\nThe story's first paragraph ends here.\n\n↓Ferry fares rise again\n\n↓Island school reopens\n\n↓Storm closes coast road\n\n↓Harbour wall repaired",
        ],
        options: [maxWords.spec, minRun.spec],
        configuredExamples: [
            ConfiguredExamples(
                options: [minRun.set(to: 5)],
                valid: ["Story title\n\nThe story's first paragraph ends here.\n\nFerry fares rise again\n\nIsland school reopens\n\nStorm closes coast road\n\nHarbour wall repaired"])
        ])

    static let maxWords = RuleOption("max_words", default: 4, summary: "the most words a menu line has", range: 1...30)
    static let minRun = RuleOption("min_run", default: 3, summary: "how many such lines in a row make a menu", range: 2...100)

    /// Words that make up menus, toolbars and footers.
    static let navigationWords: Set<String> = [
        "home", "news", "world", "business", "sports", "sport", "entertainment", "politics", "opinion", "opinions",
        "health", "science", "technology", "tech", "travel", "lifestyle", "life", "style", "culture", "arts", "art",
        "weather", "video", "videos", "photos", "photo", "gallery", "galleries", "blogs", "blog", "print", "email",
        "e-mail", "share", "comments", "comment", "login", "log", "in", "sign", "register", "subscribe", "search",
        "next", "previous", "prev", "more", "top", "back", "contact", "about", "us", "help", "faq", "privacy",
        "policy", "terms", "rss", "feed", "feeds", "archive", "archives", "newsletter", "newsletters", "advertise",
        "advertisement", "advertising", "careers", "jobs", "classifieds", "shopping", "deals", "local", "national",
        "international", "markets", "money", "autos", "education", "obituaries", "horoscopes", "games", "puzzles",
        "tv", "radio", "podcasts", "podcast", "site", "map", "sitemap", "services", "tools", "settings", "account",
        "related", "stories", "articles", "links", "see", "also", "latest", "most", "popular", "read", "viewed",
        "emailed", "headlines", "columnists", "columns", "editorial", "editorials", "letters", "features",
        "multimedia", "interactive", "the", "a", "and", "of", "to", "for", "on", "this", "page", "story", "article",
        "view", "all", "click", "here", "go", "up", "return", "main", "menu", "skip", "content", "section",
        "sections", "index", "today", "bookmark", "digg", "reddit", "facebook", "twitter", "submit", "discuss",
        "forum", "forums", "reply", "permalink", "link", "reprints", "mobile", "edition", "username", "password",
    ]

    func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let maxWords = context.options[Self.maxWords]
        let minRun = context.options[Self.minRun]
        let blocks = document.blocks
        var isMenuLine = [Bool](repeating: false, count: blocks.count)
        var isNavigation = [Bool](repeating: false, count: blocks.count)
        for (index, block) in blocks.enumerated() where block.kind == .paragraph {
            // One word past the limit is enough to rule a block out (a block can be megabytes long).
            let tokens = Tokenizer.tokens(in: block.prose.bytes, limit: maxWords + 1)
            guard !tokens.isEmpty, tokens.count <= maxWords, !Self.endsLikeSentence(block) else { continue }
            isNavigation[index] = tokens.allSatisfy { Self.navigationWords.contains($0.text) }
            isMenuLine[index] = !Self.isSpecific(block, tokens: tokens)
        }
        let breaks = document.nonProse.map(\.range.lowerBound).sorted()
        var diagnostics: [Diagnostic] = []
        var index = 1  // the first block is the title of a plain-text article
        while index < blocks.count {
            guard isMenuLine[index] || isNavigation[index] else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < blocks.count, isMenuLine[end + 1], !Self.separated(blocks[end], blocks[end + 1], breaks: breaks) { end += 1 }
            let runLength = end - index + 1
            for position in index...end where runLength >= minRun || isNavigation[position] {
                let block = blocks[position]
                let message = runLength >= minRun
                    ? "'\(Excerpt.of(block, limit: 40))' looks like a menu line (one of \(runLength) short lines in a row), not part of the article"
                    : "'\(Excerpt.of(block, limit: 40))' is page navigation, not part of the article"
                diagnostics.append(context.diagnostic(message, at: block.sourceRange))
            }
            index = end + 1
        }
        return diagnostics
    }

    /// Whether code, HTML or a rule (their sorted start offsets: `breaks`) stands between two
    /// blocks: a menu is one stretch of lines.
    static func separated(_ first: Block, _ second: Block, breaks: [Int]) -> Bool {
        let next = breaks.partitioningIndex { $0 >= first.sourceRange.upperBound }
        return next < breaks.count && breaks[next] < second.sourceRange.lowerBound
    }

    static func endsLikeSentence(_ block: Block) -> Bool {
        guard let last = block.text.unicodeScalars.last else { return false }
        return ".!?\"”’)".unicodeScalars.contains(last)
    }

    /// Digits, a byline or an address make a short line specific (a dateline, a credit), not a menu item.
    static func isSpecific(_ block: Block, tokens: [Token]) -> Bool {
        let text = block.text
        return text.unicodeScalars.contains { $0.properties.numericType != nil } || text.hasPrefix("By ") || text.contains("@")
            || tokens.contains { $0.isNumber }
    }
}
