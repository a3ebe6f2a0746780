import EdLintTestSupport
import Foundation
import Testing
import Yams

/// The CI examples in docs/ci parse as YAML, and every edlint command they run uses a real
/// subcommand and real options.
struct CIExampleTests {
    static let files = ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"]

    /// The edlint invocations in a script block: each line's words from `edlint` on.
    static func invocations(in text: String) -> [[String]] {
        text.split(separator: "\n").compactMap { line -> [String]? in
            let words = line.split(separator: " ").map(String.init)
            guard let start = words.firstIndex(where: { $0 == "edlint" }), start == 0 || words[start - 1] == "-" || words[start - 1] == "run:" else {
                return nil
            }
            return Array(words[(start + 1)...])
        }
    }

    @Test(arguments: files)
    func exampleParsesAndUsesRealOptions(file: String) throws {
        let binary = try #require(Fixtures.edlintBinary)
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let node = try #require(try Yams.compose(yaml: text))
        #expect(node.mapping != nil)
        var scripts: [String] = []
        func collect(_ node: Node) {
            switch node {
            case .scalar(let scalar): scripts.append(scalar.string)
            case .sequence(let sequence): sequence.forEach(collect)
            case .mapping(let mapping): mapping.forEach { collect($0.value) }
            case .alias: break
            }
        }
        collect(node)
        let calls = scripts.flatMap { Self.invocations(in: $0) }
        #expect(!calls.isEmpty, "\(file) runs no edlint command")
        let help = try Run.process(binary, ["check", "--help"]).stdout
        for call in calls {
            for word in call where word.hasPrefix("--") {
                #expect(help.contains(word), "\(file): edlint has no option \(word)")
            }
        }
    }
}
