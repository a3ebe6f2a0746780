import EdLintCore
import EdLintTestSupport
import Testing

@testable import EdLintRules

/// Shortcodes and template tags are a page's machinery, not prose: the duplicate detectors
/// leave them out.
struct TemplateTagsTests {
    static func tags(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return TemplateTags.ranges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func findsEachKindAndWhatAPairEncloses() {
        #expect(Self.tags(#"See {{< new-in 0.141.0 />}} and {{% include "a.md" %}}."#) == [#"{{< new-in 0.141.0 />}}"#, #"{{% include "a.md" %}}"#])
        #expect(Self.tags("Title: {{ .Title }} {% if x %}y{% endif %}") == ["{{ .Title }}", "{% if x %}", "{% endif %}"])
        #expect(Self.tags("{{< code-toggle file=hugo >}} [caches] dir = 'x' {{< /code-toggle >}} after") == ["{{< code-toggle file=hugo >}} [caches] dir = 'x' {{< /code-toggle >}}"])
        #expect(Self.tags("A set {a, b} and {{ unclosed").isEmpty)
        // Degenerate openers neither crash nor swallow the text after them.
        for odd in ["{{%}}", "{{<}}", "{{<>}}", "{{}}", "{%}", "{{%%}}", "{{", "{%", "x{{<"] { _ = Self.tags(odd + " after") }
        #expect(Self.tags("{{<>}} words") == ["{{<>}}"])
    }

    @Test func aShortcodeRepeatedIsNotARepeatedParagraph() throws {
        let shortcode = #"{{< img src="images/examples/zion-national-park.jpg" alt="Zion National Park" filter="Grayscale" >}}"#
        let text = "Intro to the filters.\n\n\(shortcode)\n\nSome words between them here.\n\n\(shortcode)\n"
        let duplicates = try TestLint.diagnostics(text).filter { $0.category == .repetition || $0.category == .paraphrase }
        #expect(duplicates.isEmpty, "\(duplicates.map(\.message))")
        // The words around a tag still count.
        let sentence = "Apply the grayscale filter to the image before you publish the page on the site."
        let repeated = try TestLint.diagnostics("\(sentence) {{< new-in 0.1 />}}\n\nOther text.\n\n\(sentence)\n")
        #expect(repeated.contains { $0.ruleID == "repetition.paragraph" })
    }
}
