import Foundation
import PackagePlugin

/// Embeds the YAML rule packs of the top-level `Rules/` folder into the EdLintRules module, so an
/// installed `edlint` binary carries its built-in rules and never looks for them relative to the
/// current directory. `Rules/` stays the single source of truth: nothing generated is committed.
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rulesDirectory = context.package.directoryURL.appending(path: "Rules")
        let ruleFiles = Self.yamlFiles(under: rulesDirectory)
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinRulePacks.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(ruleFiles.count) rule files from Rules/",
                executable: try context.tool(named: "RulePackEmbedder").url,
                arguments: [rulesDirectory.path, output.path],
                inputFiles: ruleFiles,
                outputFiles: [output])
        ]
    }

    private static func yamlFiles(under directory: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { ["yml", "yaml"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
