import EdLintCore
import EdLintTestSupport
import Foundation
import Testing

/// The article that started the project (read from ../shared; absent on a user's fresh clone):
/// two paraphrased pairs, "Related Posts", vague-source claims — and nothing else.
struct SeedArticleTests {
    static let seed = Fixtures.shared?.appendingPathComponent("samples/seed-article.txt")

    @Test(.enabled(if: seed.map { FileManager.default.fileExists(atPath: $0.path) } ?? false, "../shared/samples/seed-article.txt is absent; skipped"))
    func findsEveryDefectAndNothingElse() throws {
        let url = try #require(Self.seed)
        let text = try String(contentsOf: url, encoding: .utf8)
        let diagnostics = try TestLint.diagnostics(text, format: .plainText, path: url.path)
        let source = SourceFile(path: url.path, text: text)
        let line = { (offset: Int) in source.location(of: offset).line }
        let lines = { (category: Category) in Set(diagnostics.filter { $0.category == category }.map { line($0.range.lowerBound) }) }
        #expect(lines(.boilerplate) == [31])
        #expect(lines(.unsupportedClaim) == [11, 13, 21])
        #expect(lines(.paraphrase) == [9, 25])
        #expect(lines(.repetition).isEmpty)
        let pairs = diagnostics.filter { $0.category == .paraphrase }.map { ($0.related.first.map { line($0.range.lowerBound) }, line($0.range.lowerBound)) }
        #expect(pairs.map(\.0) == [7, 23])
        #expect(Set(diagnostics.map(\.category)).isSubset(of: [.boilerplate, .unsupportedClaim, .paraphrase]))
    }
}
