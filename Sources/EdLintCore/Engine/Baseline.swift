import Foundation

/// A record of accepted findings (`--write-baseline`), so that a project can adopt edlint and
/// fail only on new problems (`--baseline`). Entries are keyed by path, rule and content
/// fingerprint — not by line — so they survive lines inserted above them.
public struct Baseline: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Hashable {
        public var path: String
        public var rule: String
        public var fingerprint: String
        public var message: String
    }

    public var version: Int
    public var entries: [Entry]

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "\(path): cannot read baseline: \(reason)"
            case .invalid(let path, let reason): "\(path): not an edlint baseline (\(reason)); write one with --write-baseline"
            }
        }
    }

    /// Paths in a baseline are relative to its own folder, so it can be committed and used anywhere.
    public static func relativePath(_ path: String, baselineFolder: String) -> String {
        let absolute = FileCollector.absolute(path)
        let folder = baselineFolder.hasSuffix("/") ? baselineFolder : baselineFolder + "/"
        return absolute.hasPrefix(folder) ? String(absolute.dropFirst(folder.count)) : absolute
    }

    public init(reports: [FileReport], baselineFolder: String) {
        version = 1
        entries = reports.flatMap { report -> [Entry] in
            let fingerprints = Fingerprint.values(for: report.diagnostics, in: report.source)
            return zip(report.diagnostics, fingerprints).compactMap { diagnostic, fingerprint in
                diagnostic.category == .edlint ? nil : Entry(
                    path: Self.relativePath(report.path, baselineFolder: baselineFolder), rule: diagnostic.ruleID,
                    fingerprint: fingerprint, message: diagnostic.message)
            }
        }
    }

    public static func load(path: String) throws(LoadError) -> Baseline {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        do {
            let baseline = try JSONDecoder().decode(Baseline.self, from: data)
            guard baseline.version == 1 else { throw LoadError.invalid(path: path, reason: "unknown version \(baseline.version)") }
            return baseline
        } catch let error as LoadError {
            throw error
        } catch {
            throw .invalid(path: path, reason: "\(error)")
        }
    }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Removes recorded findings from `reports`; returns the reports, how many findings were
    /// hidden, and the stale entries (recorded for a linted file, but no longer found).
    public func apply(to reports: [FileReport], baselineFolder: String) -> (reports: [FileReport], hidden: Int, stale: [Entry]) {
        struct Key: Hashable {
            var path: String
            var rule: String
            var fingerprint: String
        }
        var remaining: [Key: [Entry]] = [:]
        for entry in entries { remaining[Key(path: entry.path, rule: entry.rule, fingerprint: entry.fingerprint), default: []].append(entry) }
        var hidden = 0
        var linted = Set<String>()
        let filtered = reports.map { report -> FileReport in
            let path = Self.relativePath(report.path, baselineFolder: baselineFolder)
            linted.insert(path)
            let fingerprints = Fingerprint.values(for: report.diagnostics, in: report.source)
            var kept: [Diagnostic] = []
            for (diagnostic, fingerprint) in zip(report.diagnostics, fingerprints) {
                let key = Key(path: path, rule: diagnostic.ruleID, fingerprint: fingerprint)
                if var matches = remaining[key], !matches.isEmpty {
                    matches.removeLast()
                    remaining[key] = matches
                    hidden += 1
                } else {
                    kept.append(diagnostic)
                }
            }
            var filtered = report
            filtered.diagnostics = kept
            return filtered
        }
        let stale = remaining.filter { linted.contains($0.key.path) }.flatMap(\.value)
        return (filtered, hidden, stale.sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) })
    }
}
