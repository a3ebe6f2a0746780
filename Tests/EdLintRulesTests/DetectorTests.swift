import EdLintCore
@testable import EdLintRules
import EdLintTestSupport
import Testing

struct DetectorTests {
    func findings(_ text: String, select: [String], format: DocumentFormat = .markdown) throws -> [Diagnostic] {
        try TestLint.diagnostics(text, format: format, select: select)
    }

    @Test func everyClaimAndSupportPatternCompiles() {
        for rule in UnsupportedClaimRule.all { #expect(rule.allCuesCompiled, "\(rule.description.id)") }
        #expect(SupportDetector.patterns.count == SupportDetector.generalSources.count)
        #expect(SupportDetector.statisticPatterns.count == SupportDetector.statisticSources.count)
    }

    @Test func oneFindingPerSentenceAndCategory() throws {
        let text = "At the end of the day, age is just a number.\n\nExperts say the figures suggest otherwise."
        let diagnostics = try findings(text, select: ["boilerplate", "unsupported-claim"])
        #expect(diagnostics.map(\.category) == [.boilerplate, .unsupportedClaim])
    }

    /// "Not the same pair twice" follows what repetition.paragraph reported in this run, not its
    /// defaults: off, ignored or stricter, the repeated paragraph is still reported (sentence by
    /// sentence, or as a paraphrase); at defaults it is reported once, by repetition.paragraph.
    @Test(arguments: [
        ("", [String]()), ("rules:\n  repetition.paragraph: off\n", []), ("", ["repetition.paragraph"]),
        ("rules:\n  repetition.paragraph:\n    options:\n      threshold: 0.9\n", []),
    ])
    func aRepeatedParagraphIsReportedByExactlyOneRule(configuration: String, ignore: [String]) throws {
        let first = "The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier. "
            + "Passengers queued from dawn, and the first boat left for the islands at seven o'clock."
        let again = "The harbour reopened to ferries on Tuesday after six weeks of repairs on the main pier. "
            + "Passengers queued from dawn, and the first boat left for the islands at eight o'clock."
        let text = "\(first)\n\nThe council will review the pier's budget in the spring.\n\n\(again)\n"
        let later = text.utf8.count - again.utf8.count - 1  // where the repeat starts
        let duplicates = try TestLint.diagnostics(text, configuration: configuration, ignore: ignore)
            .filter { $0.category == .repetition || $0.category == .paraphrase }
        let paragraphRuleOn = configuration.isEmpty && ignore.isEmpty
        if paragraphRuleOn {
            #expect(duplicates.map(\.ruleID) == ["repetition.paragraph"])
        } else {
            #expect(!duplicates.isEmpty, "the repeat must not go unreported")
            #expect(duplicates.allSatisfy { $0.ruleID != "repetition.paragraph" })
            // One report per repeat: either the sentences or the paragraph, never both.
            #expect(Set(duplicates.map(\.ruleID)).count == 1, "\(duplicates.map(\.ruleID))")
        }
        #expect(duplicates.allSatisfy { $0.range.lowerBound >= later && $0.related.first?.range.upperBound ?? .max <= first.utf8.count })
    }

    /// Only a word-for-word copy of a paragraph of two sentences or more is an error by default;
    /// a near-verbatim repeat (often two entries of the same shape) and a one-sentence copy (often
    /// a reminder) are at most warnings; a configured lower severity holds for all.
    @Test func onlyWordForWordRepeatsAreErrors() throws {
        let first = "The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier. Buses ran as usual."
        let near = "The harbour reopened to ferries on Tuesday after six weeks of repairs on the main pier. Buses ran as usual."
        let oneSentence = "The harbour reopened to ferries on Tuesday after six weeks of repairs to the main pier."
        func severities(_ text: String, configuration: String = "") throws -> [Severity] {
            try TestLint.diagnostics(text, configuration: configuration).filter { $0.ruleID == "repetition.paragraph" }.map(\.severity)
        }
        #expect(try severities("\(first)\n\n\(first)\n") == [.error])
        #expect(try severities("\(first)\n\n\(near)\n") == [.warning])
        #expect(try severities("\(oneSentence)\n\nOther words.\n\n\(oneSentence)\n") == [.warning])
        #expect(try severities("\(first)\n\n\(near)\n", configuration: "rules:\n  repetition.paragraph: info\n") == [.info])
        #expect(try severities("\(first)\n\n\(first)\n", configuration: "rules:\n  repetition.paragraph: info\n") == [.info])
    }

    /// Inline code is compared by its content, not as one placeholder: two entries that differ
    /// only in the option they document are no longer word-for-word copies (an error), at most a
    /// near-verbatim repeat (a warning); the same code is still a copy.
    @Test func paragraphsThatDifferOnlyInTheirCodeAreNotCopies() throws {
        func repeats(_ text: String) throws -> [Diagnostic] {
            try TestLint.diagnostics(text).filter { $0.ruleID == "repetition.paragraph" }
        }
        let entry = { (code: String) in "The `\(code)` option resizes the image to the given width and height in pixels. It keeps the ratio." }
        let differing = try repeats("\(entry("fit"))\n\n\(entry("crop"))\n")
        #expect(differing.count == 1 && differing.allSatisfy { $0.severity == .warning && $0.message.contains("nearly word for word") })
        let same = try repeats("\(entry("fit"))\n\n\(entry("fit"))\n")
        #expect(same.count == 1 && same.allSatisfy { $0.severity == .error && $0.message.hasSuffix(" word for word") })
    }

    /// The same holds sentence by sentence, and for the paraphrase detector, which counts each
    /// code span as a term of its own: definition entries that differ only in their code are
    /// neither repeats nor restatements; a sentence that differs only in its code is no repeat,
    /// and with the same code it is one.
    @Test func sentencesAndParagraphsThatDifferOnlyInTheirCodeAreNotDuplicates() throws {
        func duplicates(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }.map(\.ruleID)
        }
        let definition = { (name: String, mode: String) in
            "`\(name)`\n: (`string`) When `themeSwitch` is `on` and `palette` is `\(mode)`, the class name given to the page body. Default is `\(mode)`.\n"
        }
        #expect(try duplicates(definition("colourNight", "night") + "\n" + definition("colourDay", "day")) == [])
        let sentence = { (codes: String) in "Values such as \(codes) are accepted by every date function in the template language." }
        let paragraphs = { (first: String, second: String) in
            "The site builds in seconds. \(sentence(first))\n\nMenus are sorted by weight. \(sentence(second)) Themes may override them.\n"
        }
        #expect(try !duplicates(paragraphs("`UTC` and `GMT`", "`+02:00` and `-05:00`")).contains { $0.hasPrefix("repetition.") })
        #expect(try duplicates(paragraphs("`UTC` and `GMT`", "`UTC` and `GMT`")).contains { $0.hasPrefix("repetition.") })
    }

    /// A one-sentence lead-in that ends in a colon means what it introduces (code, a list, a
    /// table), which the duplicate detectors do not compare: lead-ins are not compared. The same
    /// sentence ending in a full stop still is.
    @Test func leadInsToCodeAreNotRepeats() throws {
        func duplicates(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }.map(\.ruleID)
        }
        let leadIn = "To show the summary of every post in the list on the front page of the site:"
        let fence = { (code: String) in "```toml\n\(code)\n```\n" }
        #expect(try duplicates("\(leadIn)\n\n\(fence("render = true"))\nOther words here.\n\n\(leadIn)\n\n\(fence("list = false"))") == [])
        #expect(try duplicates("\(leadIn)\n\n- one\n- two\n\nOther words here.\n\n\(leadIn)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == [])
        let html = { (name: String) in "<div class=\"\(name)\">\nShown as a note.\n</div>\n" }
        #expect(try duplicates("\(leadIn)\n\n\(html("note"))\nOther words here.\n\n\(leadIn)\n\n\(html("warning"))") == [])
        let statement = String(leadIn.dropLast()) + "."
        #expect(try duplicates("\(statement)\n\n\(fence("a"))\nOther words.\n\n\(statement)\n\n\(fence("b"))") == ["repetition.paragraph"])
    }

    /// A run of three or more paragraphs that open with a short label and a colon is a listing
    /// (charges by defendant, specifications by item): its entries share a frame on purpose.
    /// Two such paragraphs are not a run, and a word-for-word copy inside a run still counts.
    @Test func runsOfLabelledParagraphsAreListings() throws {
        func duplicates(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }.map(\.ruleID)
        }
        let entry = { (name: String, charges: String, bond: String) in
            "\(name): Fined for speeding on the coast road, \(charges)driving without insurance, released on bail of \(bond) pending appeal."
        }
        let a = entry("Mara T. Quill", "careless driving, ", "£3,200")
        let b = entry("Oskar L. Venn", "careless driving, ", "£2,750")
        let c = entry("Pia R. Holt", "an expired licence, ", "£900")
        #expect(try duplicates([a, b, c].joined(separator: "\n\n") + "\n") == [])
        #expect(try duplicates([a, "Between them, a paragraph of other words.", b].joined(separator: "\n\n") + "\n") == ["repetition.paragraph"])
        #expect(try duplicates([a, b].joined(separator: "\n\n") + "\n") == ["repetition.paragraph"])
        #expect(try duplicates([a, b, a].joined(separator: "\n\n") + "\n") == ["repetition.paragraph"])
    }

    /// Short blocks that close with the same words as two others are credit or signature lines
    /// whose slot is a name: not restatements of each other. Two such lines are not a template.
    @Test func shortLinesThatCloseAlikeAreATemplate() throws {
        func duplicates(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }.map(\.ruleID)
        }
        let testimonials = [
            "The staff answered every question I had about the course within a day, and the lessons were clear.",
            "I lost four kilos in the first month and kept them off through the winter without counting calories.",
            "My husband joined after seeing my results and now we cook the recipes together every weekend.",
        ]
        let page = { (initials: [String]) in
            zip(testimonials, initials).map { "\($0)\n\n\($1) (posted on the Riverside Walkers forum)" }.joined(separator: "\n\n") + "\n"
        }
        #expect(try duplicates(page(["AB", "CD", "EF"])) == [])
        // Two lines are no template: the same credit line twice is a repeat, reported.
        #expect(try !duplicates(page(["AB", "AB"])).isEmpty)
        // A common ending of longer sentences is no template: the repeat is still reported.
        let guide = "Please read the installation guide on our website for more information."
        let others = ["Contact the support team by email for more information.", "Ask at the front desk for more information."]
        #expect(try duplicates(([guide] + others + [guide]).joined(separator: "\n\n") + "\n") == ["repetition.paragraph"])
    }

    /// A passage pasted twice (a page scraped twice, a section left in after an edit) is one
    /// repeat: one finding over the later copy, the earlier as related, not one per paragraph.
    @Test func aRepeatedPassageIsOneFinding() throws {
        let passage = [
            "The ferry left the harbour at nine with forty passengers and a lorry on board. The sea was calm.",
            "It reached the island two hours later, after a calm crossing in thick fog. Nobody was hurt.",
            "The captain said the new radar had made the trip possible at all that morning. He was pleased.",
        ].joined(separator: "\n\n")
        let text = "\(passage)\n\nThe council met in the evening to discuss the budget for next year.\n\n\(passage)\n"
        let found = try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }
        #expect(found.count == 1)
        #expect(found.first?.ruleID == "repetition.paragraph")
        #expect(found.first?.message == "These 3 paragraphs repeat the passage at lines 1–5 word for word")
        #expect(found.first?.severity == .error)
        #expect(found.first?.range.upperBound == text.utf8.count - 1)
    }

    /// A one-line block that ends no sentence is a title in plain text (a headline, a product
    /// name, a result line): the story paragraph under it tells what it names, which is no
    /// restatement. As a sentence, the same line is compared.
    @Test func aTitleAndTheStoryUnderItAreNotRestatements() throws {
        func duplicates(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }.map(\.ruleID)
        }
        let story = "Volunteers rebuilt the old harbour wall on Saturday, working for six hours. The stones came from the quarry."
        #expect(try duplicates("Volunteers Rebuild the Old Harbour Wall in Six Hours\n\n\(story)\n") == [])
        #expect(DuplicateScope.isTitleLine(try #require(DocumentReader.parse("Viera d. Melbourne 1-0\n").blocks.first)))
        #expect(DuplicateScope.isTitleLine(try #require(DocumentReader.parse("— The Harbour Board (@harbourboard) May 2, 2026\n").blocks.first)))
        #expect(!DuplicateScope.isTitleLine(try #require(DocumentReader.parse("The pier reopened on Monday.”\n").blocks.first)))
        #expect(!DuplicateScope.isTitleLine(try #require(DocumentReader.parse("To build the site, run this command:\n").blocks.first)))
    }

    /// A word changed here and there breaks three shingles each, so an edited copy can fall
    /// below the shingle threshold while most of its words are the same words in the same order:
    /// it is a near-verbatim repeat (a warning of repetition.paragraph), not a paraphrase. Short
    /// blocks are not compared that way (their differing words are most of what they say).
    @Test func editedCopiesAreRepeatsNotParaphrases() throws {
        func duplicates(_ text: String) throws -> [Diagnostic] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }
        }
        let original = "Note that this option is meant for small sets of data, for example a few settings. For larger sets of data, please put the files into the assets folder and import them from there."
        let edited = "Note that the setting is meant for small sets of data, such as a few settings; for larger sets of data, put or mount the files into the assets directory and import them from there."
        let found = try duplicates("\(original)\n\nThe build then runs as before, with nothing else to change in the templates.\n\n\(edited)\n")
        #expect(found.map(\.ruleID) == ["repetition.paragraph"])
        #expect(found.allSatisfy { $0.severity == .warning && $0.message.contains("nearly word for word") })
        #expect(RepeatedBlocks.sameWordsInOrder([1, 2, 3], [1, 2, 3]) == 0, "too short to compare by words")
        let long = Array(1...20)
        #expect(RepeatedBlocks.sameWordsInOrder(long, long) == 1)
        #expect(RepeatedBlocks.sameWordsInOrder(long, long.map { $0 % 4 == 0 ? -$0 : $0 }) == 0.75)
    }

    /// Parallel units repeat their frame on purpose: two example sections whose closing notes
    /// share a list item, a same-titled subsection under two parents, two definition entries
    /// whose answers end with the same checklist, two lists after the same lead-in. A paragraph
    /// pasted into a unit where nothing else corresponds, a unit that is nothing but copies, and
    /// a whole entry pasted twice (the same title under the same parent) are still repeats.
    @Test func parallelUnitsRepeatTheirFrame() throws {
        func repeats(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition }.map(\.ruleID)
        }
        let observation = "The build skipped the drafts folder and wrote no pages for the archived posts."
        let example = { (name: String, code: String, second: String) in
            """
            ## Example: \(name)

            Run the build with the \(name) settings and look at the output folder afterwards.

            ```toml
            \(code)
            ```

            In the output above, note that:

            1. \(observation)
            1. \(second)

            """
        }
        let sections = example("archive", "archive = true", "The index page lists every tag that the posts of the last year carry.")
            + example("sitemap", "sitemap = false", "The sitemap was left out because the option turned it off for this run.")
        #expect(try repeats(sections) == [])

        let privacy = "Visitors can opt out of tracking in the settings, and the service keeps no addresses."
        let service = { (name: String, setup: String) in
            "## \(name)\n\n\(setup)\n\n### Privacy {#privacy-\(name.lowercased())}\n\n\(privacy)\n\n"
        }
        let services = service("Comments", "Add the comment widget to the page template of your theme and set its key.")
            + service("Analytics", "Put the measurement identifier in the site configuration before the first build.")
        #expect(try repeats(services) == [])

        // The same paragraph pasted into a sibling section with nothing else in common.
        let pasted = """
            ## Arrival

            The ferry leaves the harbour at nine and reaches the island after a crossing of two hours.

            Tickets are sold at the pier and on board, cash only.

            ## Walks

            The coastal path climbs to the lighthouse and comes back through the pine woods.

            The ferry leaves the harbour at nine and reaches the island after a crossing of two hours.

            """
        #expect(try repeats(pasted) == ["repetition.paragraph"])

        let checklist = "  - Is the draft flag set?\n  - Is the date in the future?\n\n  If so, change the field or build with the flag that includes such pages in the output.\n"
        let entry = { (question: String, opening: String) in "\(question)\n: \(opening)\n\n\(checklist)\n" }
        let faq = entry("Why is the home page missing?", "Look at the front matter of the home page file:")
            + entry("Why is a post missing?", "Look at the front matter of the post's own file:")
        #expect(try repeats(faq) == [])
        let answer = "Open the settings page, choose the account tab and press the button marked reset at the bottom."
        let twice = "How do I reset it?\n: \(answer)\n\nCan I keep my data?\n: Yes, the export runs before the reset and takes a minute or two.\n\nHow do I reset it?\n: \(answer)\n"
        #expect(try repeats(twice) == ["repetition.paragraph"])

        let steps = { (first: String) in
            "In the example above, we:\n\n1. \(first)\n1. Range over the collection and render a link to each page of it\n1. Call the shared template that draws the links between the pagers\n\n"
        }
        let lists = steps("Build a collection of the posts and sort it by their title") + "Then with the other method:\n\n```\nx\n```\n\n"
            + steps("Take the collection that the template was given as it is")
        #expect(try repeats(lists) == [])

        // Entries of a series — sibling sections of one paragraph each — fill one frame with their
        // own names and figures; a word-for-word copy among them is still a repeat.
        let course = { (name: String, weeks: String) in
            "## \(name)\n\nThis course is for anyone who wants to start a business of their own planning \(name.lowercased()) events, and it runs for \(weeks) weeks online.\n\n"
        }
        #expect(try repeats(course("Weddings", "six") + course("Birthdays", "four")) == [])
        #expect(try repeats(course("Weddings", "six") + course("Birthdays", "four").replacingOccurrences(of: "birthdays events, and it runs for four", with: "weddings events, and it runs for six")) == ["repetition.paragraph"])

        // The raw body of a paired shortcode spanning blocks is not prose; a shortcode that wraps
        // prose keeps its sentences compared.
        let config = "{{< code-toggle file=site >}}\n[server]\nname = 'the main server of the whole site for every page'\n\n[client]\nname = 'the client that every page of the site loads first'\n{{< /code-toggle >}}\n"
        #expect(try repeats(config + "\nBetween them.\n\n" + config) == [])
        let note = "{{< note >}}\nThe build removes every file of the public folder before it writes the new pages there.\n\nKeep nothing of your own in it.\n{{< /note >}}\n"
        #expect(try !repeats(note + "\nBetween them.\n\n" + note).isEmpty)
    }

    /// Entries of one list or definition list share a frame on purpose: near-verbatim siblings
    /// are not repeats (a word-for-word copy still is); the same two texts as paragraphs are.
    @Test func siblingEntriesThatShareAFrameAreNotRepeats() throws {
        func duplicates(_ text: String) throws -> [String] {
            try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }.map(\.ruleID)
        }
        let first = "The month as defined in the front matter date field of the page, written as two digits."
        let second = "The day as defined in the front matter date field of the page, written as two digits."
        #expect(try duplicates("- \(first)\n- \(second)\n") == [])
        #expect(try duplicates("`:month`\n: \(first)\n\n`:day`\n: \(second)\n") == [])
        #expect(try duplicates("- \(first)\n- \(first)\n") == ["repetition.paragraph"])
        #expect(try duplicates("\(first)\n\nBetween them, a paragraph of other words.\n\n\(second)\n") == ["repetition.paragraph"])
    }

    @Test func paraphraseReportsTheLaterParagraphWithTheEarlierAsRelated() throws {
        let text = """
            The visit by the delegation to Moscow signifies a significant step in diplomatic attempts to resolve the crisis. Although the specifics of the agenda have not been revealed, discussions are anticipated to center on reducing conflict and providing humanitarian assistance.

            Prices of bread rose again in March, the statistics office said.

            The delegation's visit to Moscow marks a notable development in diplomatic efforts to address the crisis. While details of the agenda remain undisclosed, the talks are expected to focus on conflict de-escalation and humanitarian aid.
            """
        let diagnostics = try findings(text, select: ["paraphrase"])
        #expect(diagnostics.count == 1)
        let source = SourceFile(path: "x", text: text)
        #expect(diagnostics.first.map { source.location(of: $0.range.lowerBound).line } == 5)
        #expect(diagnostics.first?.related.first.map { source.location(of: $0.range.lowerBound).line } == 1)
        #expect(diagnostics.first?.message.contains("% similar") == true)
    }

    @Test func recapsAndListingsAreNotDuplicates() throws {
        let recap = """
            The council approved the new ferry timetable, the harbour budget and the repair of the north pier on Monday night.

            ## Verdict

            The council approved the ferry timetable, the harbour budget and the north pier repair on Monday night.
            """
        #expect(try findings(recap, select: ["paraphrase"]).isEmpty)
        // A command reference restates its one-line description under "Synopsis" by design; the
        // same two paragraphs under another heading are a restatement.
        let synopsis = { (heading: String) in
            "## tool sync\n\nCopy the project's files to the remote folder and remove the stale ones\n\n### \(heading)\n\nCopy the files of the project to the remote folder, and remove the stale ones there.\n"
        }
        #expect(try findings(synopsis("Synopsis"), select: ["paraphrase"]).isEmpty)
        #expect(try !findings(synopsis("Details"), select: ["paraphrase"]).isEmpty)
        let listing = (1...4).map { "Harbour Box: 1 Loaf, 1 Jam, \($0) Apples, 1 tsp salt." }.joined(separator: "\n\n")
        #expect(try findings(listing, select: ["repetition", "paraphrase"]).isEmpty)
    }

    @Test func navigationRunsAreFlaggedButLoneShortLinesAreNot() throws {
        let page = "Ferry fares rise\n\nHome\n\nWorld\n\nThe harbour board raised fares by 4% on Monday, its second rise this year.\n\nBy Dana Whitlow\n\nMarch 3, 2026\n\nFerry fares rise again\n\nIsland school reopens\n\nStorm closes coast road"
        let lines = try findings(page, select: ["boilerplate.navigation"], format: .plainText).map {
            SourceFile(path: "x", text: page).location(of: $0.range.lowerBound).line
        }
        #expect(lines == [3, 5, 13, 15, 17])
    }

    @Test func supportInTheNextSentenceCounts() throws {
        let supported = "Critics contend the lane pushed traffic onto side roads. That was the finding of a 2024 report by the Dunmere Transport Institute."
        #expect(try findings(supported, select: ["unsupported-claim"]).isEmpty)
        let unsupported = "Critics contend the lane pushed traffic onto side roads. The council disagrees."
        #expect(try findings(unsupported, select: ["unsupported-claim"]).count == 1)
    }
}
