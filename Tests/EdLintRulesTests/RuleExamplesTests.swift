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

    /// Examples at other options run at those options: each set fails at the defaults (so its
    /// options are what makes it hold).
    @Test func configuredExamplesHoldOnlyAtTheirOptions() throws {
        struct AtDefaults: Rule {
            var base: any Rule
            var description: RuleDescription
            func check(_ document: Document, context: RuleContext) throws(RuleFailure) -> [Diagnostic] {
                try base.check(document, context: context)
            }
        }
        let configured = Self.rules.filter { !$0.description.configuredExamples.isEmpty }
        #expect(configured.count >= 3)
        for rule in configured {
            for set in rule.description.configuredExamples {
                var description = rule.description
                description.configuredExamples = [ConfiguredExamples(options: [], valid: set.valid, invalid: set.invalid)]
                let failures = RuleExamples.verify(AtDefaults(base: rule, description: description))
                #expect(!failures.isEmpty, "\(rule.description.id): examples at \(set.options) hold at the defaults too")
            }
        }
    }

    @Test func builtInRulesLoad() throws {
        let rules = try BuiltinRules.load()
        #expect(rules.count >= 14)
    }
}

struct RegistrationTests {
    /// Each Swift rule is registered, and each registered rule is a file named after its type
    /// in its category's room (`Repetition/`, `Paraphrase/`, `Boilerplate/`, `UnsupportedClaim/`);
    /// each claim kind declared in `UnsupportedClaim/` is in `ClaimKind.all` and the other way round.
    @Test func everySwiftRuleFileIsRegisteredInItsRoom() throws {
        let sources = Fixtures.packageRoot.appendingPathComponent("Sources/EdLintRules")
        let rooms: [Category: String] = [.repetition: "Repetition", .paraphrase: "Paraphrase", .boilerplate: "Boilerplate", .unsupportedClaim: "UnsupportedClaim"]
        var declaredRules: [String: String] = [:]  // type → path relative to Sources/EdLintRules
        var declaredKinds: Set<String> = []
        let walker = FileManager.default.enumerator(atPath: sources.path)
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            let lines = text.split(separator: "\n")
            for (number, line) in lines.enumerated() {
                // `struct NameRule: Rule {` or `struct NameRule: CrossFileRule {` (line-based, not a regex engine).
                let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "," || $0 == "{" })
                if let position = words.firstIndex(of: "struct"), position + 1 < words.count, position <= 1,
                    words[(position + 2)...].contains(where: { $0 == "Rule" || $0 == "CrossFileRule" })
                {
                    declaredRules[String(words[position + 1])] = path
                }
                // `static let name = ClaimKind(` with `slug: "…"` on the next line.
                if line.contains("= ClaimKind("), number + 1 < lines.count, let slug = lines[number + 1].split(separator: "\"").dropFirst().first {
                    declaredKinds.insert(String(slug))
                }
            }
        }
        let registered = BuiltinRules.structural.map { (type: String(describing: type(of: $0)), category: $0.description.category) }
        #expect(Set(declaredRules.keys) == Set(registered.map(\.type)), "a Swift rule is not registered in BuiltinRules.structural, or the other way round")
        for rule in registered {
            let room = try #require(rooms[rule.category], "\(rule.type): no room for \(rule.category)")
            #expect(declaredRules[rule.type] == "\(room)/\(rule.type).swift")
        }
        let kinds = Set(BuiltinRules.structural.map(\.description.id).filter { $0.hasPrefix("unsupported-claim.") }.map { String($0.dropFirst("unsupported-claim.".count)) })
        #expect(declaredKinds == kinds && kinds.count >= 6, "a claim kind is declared but not in ClaimKind.all, or the other way round")
    }

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
