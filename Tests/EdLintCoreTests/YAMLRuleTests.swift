import EdLintCore
import EdLintTestSupport
import Testing

struct YAMLRuleTests {
    static let valid = """
        kind: existence
        summary: Flags the word banana
        rationale: Bananas are off-topic.
        message: "'{match}' is off-topic"
        phrases: [banana]
        examples:
          valid: ["An apple."]
          invalid: ["A ↓banana."]
        """

    func load(_ text: String, path: String = "pack/style/banana.yml", relative: String = "style/banana.yml") throws(RuleLoadError) -> YAMLRule {
        try YAMLRule.load(text: text, path: path, relativePath: relative)
    }

    func error(_ text: String, relative: String = "style/banana.yml") -> String {
        do {
            _ = try load(text, relative: relative)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func loadsARuleWithIdFromItsPath() throws {
        let rule = try load(Self.valid)
        #expect(rule.description.id == "style.banana")
        #expect(rule.description.category == .style)
        #expect(rule.description.defaultSeverity == .warning)
        #expect(RuleExamples.verify(rule).isEmpty)
    }

    @Test func unknownKeyNamesPathLineAndSuggestion() {
        let message = error(Self.valid + "\nphrasse: [x]\n")
        #expect(message.hasPrefix("pack/style/banana.yml:9:1: unknown key 'phrasse'"))
        #expect(message.contains("did you mean 'phrases'?"))
    }

    @Test func unknownKindIsAnError() {
        let message = error(Self.valid.replacingOccurrences(of: "kind: existence", with: "kind: existance"))
        #expect(message.contains("banana.yml:1:7: unknown rule kind 'existance'"))
        #expect(message.contains("did you mean 'existence'?"))
    }

    @Test func invalidPatternGivesPCRE2MessageAndOffset() {
        let text = Self.valid.replacingOccurrences(of: "phrases: [banana]", with: "patterns: ['ban(ana']")
        let message = error(text)
        #expect(message.contains("banana.yml:5:12: invalid pattern 'ban(ana'"))
        #expect(message.contains("missing closing parenthesis"))
        #expect(message.contains("offset 7"))
    }

    @Test func patternMatchingTheEmptyStringIsRejected() {
        let message = error(Self.valid.replacingOccurrences(of: "phrases: [banana]", with: "patterns: ['x*']"))
        #expect(message.contains("matches the empty string"))
    }

    @Test func missingExamplesAreAnError() {
        let text = Self.valid.components(separatedBy: "\nexamples:")[0]
        #expect(error(text).contains("needs 'examples'"))
    }

    @Test func invalidExampleWithoutMarkerIsAnError() {
        let message = error(Self.valid.replacingOccurrences(of: "A ↓banana.", with: "A banana."))
        #expect(message.contains("banana.yml:8:13"))
        #expect(message.contains("marks where each finding starts"))
    }

    @Test func unknownPlaceholderIsAnError() {
        let message = error(Self.valid.replacingOccurrences(of: "{match}", with: "{matched}"))
        #expect(message.contains("banana.yml:4:10: unknown message placeholder '{matched}'"))
    }

    @Test func badLocationIsAnError() {
        #expect(error(Self.valid, relative: "fruit/banana.yml").contains("'fruit' is not a category"))
        #expect(error(Self.valid, relative: "style/Banana!.yml").contains("<category>/<slug>.yml"))
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        let message = error("kind: existence\nsummary: [unclosed\n")
        #expect(message.hasPrefix("pack/style/banana.yml:3:"))
        #expect(message.contains("invalid YAML"))
    }

    @Test func aliasBombIsRejectedQuickly() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Character(UnicodeScalar(UInt8(96 + level)))
            let name = Character(UnicodeScalar(UInt8(97 + level)))
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let message = error(bomb)
        #expect(message.contains("expands to more than"))
    }

    @Test func failingExamplesAreReported() throws {
        let rule = try load(Self.valid.replacingOccurrences(of: "valid: [\"An apple.\"]", with: "valid: [\"A banana split.\"]"))
        let failures = RuleExamples.verify(rule)
        #expect(failures.count == 2)  // plain and behind the multibyte prefix
        #expect(failures[0].message.contains("valid example flagged"))
    }

    @Test func substitutionCarriesAFixAndKeepsCase() throws {
        let rule = try load(
            """
            kind: substitution
            summary: Prefer use
            rationale: Shorter.
            message: "Use '{replacement}' instead of '{match}'"
            swap:
              utili[sz]e: use
              in order to: to
            examples:
              valid: ["We use it."]
              invalid: ["↓Utilize it ↓in order to win."]
            """, relative: "style/prefer-use.yml")
        #expect(RuleExamples.verify(rule).isEmpty)
        let document = DocumentReader.parse("Utilize it.")
        let diagnostics = try rule.check(document, context: RuleContext(for: rule.description))
        #expect(diagnostics.first?.fix == Fix(range: 0..<7, replacement: "Use"))
        #expect(diagnostics.first?.message == "Use 'Use' instead of 'Utilize'")
    }

    @Test func occurrenceCountsPerScope() throws {
        let rule = try load(
            """
            kind: occurrence
            summary: Too many commas
            rationale: Long lists tire.
            message: "{count} commas (max {max})"
            scope: sentence
            max: 2
            patterns: [',']
            examples:
              valid: ["Red, green, blue. Gold, grey, pink."]
              invalid: ["Red, green, blue↓, gold."]
            """, relative: "style/commas.yml")
        #expect(RuleExamples.verify(rule).isEmpty)
        #expect(rule.description.options.map(\.name) == ["max"])
    }

    @Test func conditionalNeedsNoSupportInWindow() throws {
        let rule = try load(
            """
            kind: conditional
            summary: Unsourced
            rationale: Cite.
            message: "'{match}' unsourced"
            scope: sentence
            window: 1
            supported_by: [links]
            first: {phrases: [studies show]}
            second: {patterns: ['according to [A-Z]'], case: sensitive}
            examples:
              valid:
                - "Studies show it. That is according to Smith."
                - "[Studies show](https://example.org) it."
              invalid:
                - "↓Studies show it. That is all. According to Smith, no."
            """, relative: "unsupported-claim/studies.yml")
        #expect(RuleExamples.verify(rule).isEmpty)
    }

    @Test func skipQuotesIgnoresQuotedMatches() throws {
        let rule = try load(Self.valid.replacingOccurrences(of: "phrases: [banana]", with: "phrases: [banana]\nskip: [quotes]")
            .replacingOccurrences(of: "valid: [\"An apple.\"]", with: "valid: [\"He said “a banana” twice.\"]"))
        #expect(RuleExamples.verify(rule).isEmpty)
    }
}

struct LinterTests {
    @Test func aPatternThatHitsItsLimitBecomesAnErrorDiagnosticAndOthersStillRun() throws {
        let hostile = try YAMLRule.load(
            text: """
                kind: existence
                summary: Catastrophic backtracking
                rationale: A pattern written to explode on long runs of one letter.
                message: "{match}"
                scope: paragraph
                patterns: ['(a+)+$']
                examples:
                  valid: ["b"]
                  invalid: ["↓aaa"]
                """, path: "p/style/hostile.yml", relativePath: "style/hostile.yml")
        let doubled = try #require(TestLint.builtinRules().first { $0.description.id == "style.doubled-word" })
        let linter = Linter(rules: [hostile, doubled].map { ActiveRule(rule: $0, context: RuleContext(for: $0.description)) })
        let text = "The the start.\n\n" + String(repeating: "a", count: 40_000) + "!\n"
        let diagnostics = linter.lint(path: "x.md", bytes: Array(text.utf8), format: .markdown).diagnostics
        #expect(diagnostics.map(\.ruleID) == ["style.doubled-word", "edlint.rule-failure"])
        #expect(diagnostics[1].severity == .error)
        #expect(diagnostics[1].message.contains("style.hostile"))
        #expect(diagnostics[1].range.lowerBound == 16)
    }
}
