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
