import EdLintCore
import EdLintTestSupport
import Foundation
import Testing

/// The article that started the project (read from ../shared; absent on a user's fresh clone).
struct SeedArticleTests {
    static let seed = Fixtures.shared?.appendingPathComponent("samples/seed-article.txt")

    @Test(.enabled(if: seed.map { FileManager.default.fileExists(atPath: $0.path) } ?? false, "../shared/samples/seed-article.txt is absent; skipped"))
    func regexRulesFindRelatedPostsAndVagueSources() throws {
        let url = try #require(Self.seed)
        let text = try String(contentsOf: url, encoding: .utf8)
        let diagnostics = try TestLint.diagnostics(text, format: .plainText, path: url.path)
        let source = SourceFile(path: url.path, text: text)
        let lines = { (category: Category) in
            Set(diagnostics.filter { $0.category == category }.map { source.location(of: $0.range.lowerBound).line })
        }
        #expect(lines(.boilerplate) == [31])
        #expect(lines(.unsupportedClaim) == [11, 13, 21])
        #expect(diagnostics.allSatisfy { $0.category == .boilerplate || $0.category == .unsupportedClaim })
    }
}
