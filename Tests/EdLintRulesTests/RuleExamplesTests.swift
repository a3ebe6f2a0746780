import EdLintCore
import EdLintRules
import EdLintTestSupport
import Foundation
import Testing

/// The one generic test: every built-in rule's own valid and invalid examples, plain and behind a
/// multibyte prefix.
struct RuleExamplesTests {
    static let rules: [any Rule] = TestLint.builtinRules()
    static let ids = rules.map(\.description.id)

    @Test(arguments: ids)
    func examplesHold(id: String) throws {
        let rule = try #require(Self.rules.first { $0.description.id == id })
        let failures = RuleExamples.verify(rule)
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        #expect(!rule.description.validExamples.isEmpty, "\(id) has no valid examples")
        #expect(!rule.description.invalidExamples.isEmpty, "\(id) has no invalid examples")
    }

    @Test func builtInRulesLoad() throws {
        let rules = try BuiltinRules.load()
        #expect(rules.count >= 14)
    }
}

struct RegistrationTests {
    @Test func everyRuleFileInRulesIsEmbedded() throws {
        let rulesFolder = Fixtures.packageRoot.appendingPathComponent("Rules")
        var onDisk: [String] = []
        let walker = FileManager.default.enumerator(atPath: rulesFolder.path)
        while let path = walker?.nextObject() as? String {
            if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { onDisk.append(path) }
        }
        #expect(onDisk.sorted() == BuiltinRules.yamlFiles.map(\.path))
        for file in BuiltinRules.yamlFiles {
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(file.path), encoding: .utf8)
            #expect(text == file.text, "embedded copy of \(file.path) is stale")
        }
    }

    @Test func idsAreUniqueSortedAndWellFormed() throws {
        let ids = try BuiltinRules.load().map(\.description.id)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let parts = id.split(separator: ".")
            #expect(parts.count == 2 && Category(rawValue: String(parts[0])) != nil, "\(id)")
        }
        let structural = BuiltinRules.structural.map(\.description.id)
        #expect(structural == structural.sorted())
    }

    @Test func everyRuleIsDocumented() throws {
        for rule in try BuiltinRules.load() {
            let description = rule.description
            #expect(description.summary.count >= 10, "\(description.id) summary")
            #expect(description.rationale.count >= 40, "\(description.id) rationale")
        }
    }
}
