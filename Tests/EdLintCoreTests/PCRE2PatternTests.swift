import EdLintCore
import Testing

struct PCRE2PatternTests {
    @Test func matchesUTF8BytesWithUnicodeWordBoundaries() throws {
        let pattern = try PCRE2Pattern("(?<!\\w)café(?!\\w)", options: [.caseInsensitive])
        let text = Array("Le CAFÉ — café's cafés".utf8)
        let matches = try pattern.matches(in: text).map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(matches == ["CAFÉ", "café"])
    }

    @Test func compileErrorCarriesMessageAndOffset() {
        #expect(throws: PatternCompileError.self) { try PCRE2Pattern("abc(def") }
        do {
            _ = try PCRE2Pattern("ab[")
        } catch {
            #expect(error.offset == 3)
            #expect(error.message.contains("missing terminating ]"))
        }
    }

    @Test func catastrophicBacktrackingHitsTheLimitInsteadOfHanging() throws {
        let pattern = try PCRE2Pattern("(a+)+$", limits: .init(match: 100_000))
        let text = Array((String(repeating: "a", count: 5_000) + "!").utf8)
        #expect(throws: PatternMatchError.self) { try pattern.matches(in: text) }
    }

    @Test func emptyMatchesAreSkippedNotLooped() throws {
        let pattern = try PCRE2Pattern("x*")
        #expect(pattern.matchesEmptyString)
        let text = Array("aé😀xx".utf8)
        let matches = try pattern.matches(in: text)
        #expect(matches.map(\.range) == [(text.count - 2)..<text.count])
    }

    @Test func reportsCaptureGroups() throws {
        let pattern = try PCRE2Pattern("(a)|(b)")
        let match = try #require(try pattern.firstMatch(in: Array("xb".utf8)))
        #expect(match.group(1) == nil)
        #expect(match.group(2) == 1..<2)
    }

    @Test func phrasesMatchWholeWordsApostrophesAndWhitespace() throws {
        let pattern = try PCRE2Pattern(PhrasePattern.alternation(of: ["it's widely believed", "Share this:"]), options: [.caseInsensitive])
        let text = Array("It’s  widely\nbelieved. Share this: now. Share thistle".utf8)
        let matches = try pattern.matches(in: text).map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(matches == ["It’s  widely\nbelieved", "Share this:"])
    }

    @Test func factoredWordBoundariesMatchExactlyLikeThePhrasesOneByOne() throws {
        let phrases = ["time will tell", "only time will tell", "stay tuned", "at the end of the day", "end", "day café"]
        let alternatives = phrases.map(PhrasePattern.alternative(for:))
        let factored = PhrasePattern.factoringWordBoundaries(alternatives)
        #expect(factored.count == 1)
        let text = Array("Only time will tell. At the end of the day café owners stay tuned; ending, endless, the end. Stay  tunedx".utf8)
        let one = try PCRE2Pattern(alternatives.map { "(?:" + $0 + ")" }.joined(separator: "|"), options: [.caseInsensitive])
        let other = try PCRE2Pattern(factored[0], options: [.caseInsensitive])
        #expect(try one.matches(in: text).map(\.range) == other.matches(in: text).map(\.range))
        let found = try other.matches(in: text).map { String(decoding: text[$0.range], as: UTF8.self) }
        #expect(found == ["Only time will tell", "At the end of the day", "stay tuned", "end"])
        // A list with a phrase that does not start on a word is left alone.
        let mixed = (phrases + ["#hashtag"]).map(PhrasePattern.alternative(for:))
        #expect(PhrasePattern.factoringWordBoundaries(mixed) == mixed)
    }
}

struct GlobTests {
    @Test(arguments: [
        ("drafts/**", "drafts/a.md", true),
        ("drafts/**", "posts/drafts/a.md", false),
        ("drafts/", "drafts/x/y.md", true),
        ("*.txt", "notes/todo.txt", true),
        ("*.txt", "notes/todo.md", false),
        ("**/archive/*.md", "a/b/archive/c.md", true),
        ("**/archive/*.md", "archive/c.md", true),
        ("docs/*.md", "docs/sub/c.md", false),
        ("CHANGELOG.md", "x/CHANGELOG.md", true),
        ("file?.md", "file1.md", true),
        ("[ab].md", "c.md", false),
    ])
    func matches(glob: String, path: String, expected: Bool) throws {
        #expect(try Glob(glob).matches(path) == expected)
    }
}
