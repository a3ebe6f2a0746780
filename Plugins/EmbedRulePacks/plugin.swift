import Foundation
import PackagePlugin

/// Embeds a top-level data folder into the module that uses it, so an installed `edlint` binary
/// carries its data and never looks for it relative to the current directory. The folders stay
/// the single source of truth: nothing generated is committed.
///   EdLintRules ← Rules/**/*.yml     as `builtinRulePackFiles`
///   EdLintText  ← Lexicon/*.tsv      as `lexiconFiles`
@main
struct EmbedRulePacks: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (folder, variable, extensions): (String, String, [String])
        switch target.name {
        case "EdLintText": (folder, variable, extensions) = ("Lexicon", "lexiconFiles", ["tsv"])
        default: (folder, variable, extensions) = ("Rules", "builtinRulePackFiles", ["yml", "yaml"])
        }
        let directory = context.package.directoryURL.appending(path: folder)
        let files = Self.files(under: directory, extensions: extensions)
        // The folders are inputs too: adding or removing a file changes their modification time.
        let folders = [directory] + Set(files.map { $0.deletingLastPathComponent() }).sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appending(path: "Embedded\(folder).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files from \(folder)/",
                executable: try context.tool(named: "RulePackEmbedder").url,
                arguments: [directory.path, output.path, variable] + extensions,
                inputFiles: files + folders,
                outputFiles: [output])
        ]
    }

    private static func files(under directory: URL, extensions: [String]) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
