import Dispatch
import Foundation

/// One run: finds configurations, loads rule packs once each, lints files in parallel, and returns
/// reports in input order (identical whatever the number of jobs).
public final class LintSession {
    private let builtinRules: [any Rule]
    private let finder = ConfigurationFinder()
    private var configurations: [String: Configuration] = [:]
    private var linters: [String: Linter] = [:]
    private var packs: [String: [YAMLRule]] = [:]
    private var ranRules: [String: RuleDescription] = [:]
    private var request: LintRequest

    public init(builtinRules: [any Rule], request: LintRequest) {
        self.builtinRules = builtinRules
        self.request = request
    }

    /// The rule registry for a configuration: built-ins, `--rules` packs, then its `rules_paths`.
    public func registry(for configuration: Configuration) throws(EdLintError) -> RuleRegistry {
        var registry: RuleRegistry
        do {
            registry = try RuleRegistry(rules: builtinRules)
            for path in request.rulePaths { try registry.add(try pack(FileCollector.absolute(path))) }
            let boundary = configuration.path == nil ? nil : TrustedFile.repositoryRoot(of: configuration.directory)
            for rulesPath in configuration.rulesPaths {
                try registry.add(try pack(rulesPath.path, boundary: boundary, requestedAt: rulesPath.location))
            }
        } catch { throw .rules(error) }
        return registry
    }

    private func pack(_ directory: String, boundary: String? = nil, requestedAt: FileLocation? = nil) throws(RuleLoadError) -> [YAMLRule] {
        if let loaded = packs[directory] { return loaded }
        let loaded = try RuleRegistry.loadPack(directory: directory, boundary: boundary, requestedAt: requestedAt)
        packs[directory] = loaded
        return loaded
    }

    /// The configuration governing files in `directory` (absolute).
    public func configuration(forDirectory directory: String) throws(EdLintError) -> Configuration {
        let path: String?
        if !request.useConfiguration {
            path = nil
        } else if let explicit = request.configurationPath {
            path = FileCollector.absolute(explicit)
        } else {
            path = finder.configurationPath(forDirectory: directory)
        }
        let key = path ?? ""
        if let cached = configurations[key] { return cached }
        let configuration: Configuration
        do {
            configuration = try path.map { path throws(ConfigurationError) in try Configuration.load(path: path, explicit: request.configurationPath != nil) }
                ?? .defaults(directory: request.workingDirectory)
        } catch { throw .configuration(error) }
        configurations[key] = configuration
        return configuration
    }

    private func linter(for configuration: Configuration) throws(EdLintError) -> Linter {
        let key = configuration.path ?? ""
        if let cached = linters[key] { return cached }
        let registry = try registry(for: configuration)
        let active: [ActiveRule]
        do {
            try request.selection.validate(against: registry)
            active = try RuleResolver.resolve(registry: registry, configuration: configuration, selection: request.selection)
        } catch { throw .configuration(error) }
        for rule in active { ranRules[rule.rule.description.id] = rule.rule.description }
        let linter = Linter(
            rules: active, minSeverity: request.minSeverity ?? configuration.minSeverity ?? .info,
            reportUnusedSuppressions: request.reportUnusedSuppressions,
            maxFindingsPerRule: request.maxFindingsPerRule ?? configuration.maxFindingsPerRule ?? Linter.defaultMaxFindingsPerRule,
            knownRuleIDs: Set(registry.rules.map(\.description.id) + ToolDiagnostics.all.map(\.id)))
        linters[key] = linter
        return linter
    }

    private func directory(of absolutePath: String) -> String {
        (absolutePath as NSString).deletingLastPathComponent
    }

    public func run() throws(EdLintError) -> LintOutcome {
        let cwdConfiguration = try configuration(forDirectory: FileCollector.absolute(request.workingDirectory))
        // Configuration errors surface even when no file is linted.
        _ = try linter(for: cwdConfiguration)

        var admissionError: EdLintError?
        let collector = FileCollector(
            baseDirectory: request.workingDirectory, followSymlinks: request.followSymlinks, forceExclude: request.forceExclude,
            admits: { absolute in
            do throws(EdLintError) {
                let configuration = try self.configuration(forDirectory: self.directory(of: absolute))
                let relative = Self.relativePath(absolute, to: configuration.directory)
                return configuration.admits(relativePath: relative)
            } catch {
                admissionError = admissionError ?? error
                return false
            }
        })
        var collection = collector.collectAll(request.paths, standardInputName: request.standardInputName)
        for (index, provided) in request.providedFiles.enumerated() {
            let absolute = FileCollector.absolute(collector.onDisk(provided.path))
            // The same selection as a folder walk: configuration include/exclude, and no hidden
            // or skipped folders (a staged .github/ or node_modules/ file is not prose).
            let components = provided.path.split(separator: "/").map(String.init)
            if components.contains(where: { ($0.hasPrefix(".") && $0 != "..") || FileCollector.skippedFolders.contains($0) }) { continue }
            if !collector.admits(absolute) { continue }
            guard let format = DocumentFormat.forPath(provided.path) else {
                collection.problems.append(.unsupportedFormat(path: provided.path))
                continue
            }
            collection.targets.append(
                LintTarget(displayPath: provided.path, absolutePath: absolute, format: format, isStandardInput: false, providedIndex: index))
        }
        if let admissionError { throw admissionError }
        let (targets, problems) = (collection.targets, collection.problems)

        // Resolve every target's linter up front (serially: configuration loading is not thread-safe).
        var plans: [Linter] = []
        var failLevels: [FailLevel?] = []
        for target in targets {
            let directory = target.absolutePath.map(directory(of:)) ?? FileCollector.absolute(request.workingDirectory)
            let configuration = try configuration(forDirectory: directory)
            plans.append(try linter(for: configuration))
            failLevels.append(configuration.failOn)
        }

        let linters = plans
        let fileFailLevels = failLevels
        let results = ResultSlots(count: targets.count)
        let input = request.standardInput ?? []
        let providedFiles = request.providedFiles.map(\.bytes)
        let progress = request.progress
        let done = Counter()
        let inOrder = request.onFileReport.map { InOrderDelivery(deliver: $0) }
        if let deliver = request.onFileReport {
            for problem in problems { deliver(Linter.unreadable(path: problem.path, error: problem)) }
        }
        let crossFile = request.crossFile ?? request.paths.contains { $0 != "-" && FileCollector.isDirectory(collector.onDisk($0)) }
        @Sendable func lint(_ index: Int, threads: Int) {
            let target = targets[index]
            var report: FileReport
            if let provided = target.providedIndex {
                report = linters[index].lint(
                    path: target.displayPath, bytes: providedFiles[provided], format: target.format, threads: threads,
                    crossFile: crossFile)
            } else if target.isStandardInput {
                report = linters[index].lint(path: target.displayPath, bytes: input, format: target.format, threads: threads, crossFile: crossFile)
            } else {
                let read = target.fileSystemPath.map { FileCollector.read(fileSystemPath: $0, displayPath: target.displayPath) }
                    ?? FileCollector.read(target.absolutePath ?? target.displayPath)
                switch read {
                case .success(let bytes):
                    report = linters[index].lint(path: target.displayPath, bytes: bytes, format: target.format, threads: threads, crossFile: crossFile)
                case .failure(let error):
                    report = Linter.unreadable(path: target.displayPath, error: error)
                }
            }
            report.failOn = fileFailLevels[index]
            results.set(index, report)
            inOrder?.finished(index, report)  // before the progress line is drawn again
            if let progress { progress(done.increment(), targets.count) }
        }
        // Big files (1 MB or more) one at a time, each with every core running its rules side by
        // side; then the rest, a file per core (nested parallel loops would run serially).
        let isBig = targets.map { target -> Bool in
            if let provided = target.providedIndex { return providedFiles[provided].count >= 1 << 20 }
            return (target.isStandardInput ? input.count : FileCollector.size(of: target.absolutePath ?? target.displayPath)) >= 1 << 20
        }
        let small = targets.indices.filter { !isBig[$0] }
        for index in targets.indices where isBig[index] { lint(index, threads: request.jobs) }
        let jobs = max(1, min(request.jobs, small.count))
        let threadsPerFile = max(1, request.jobs / max(1, small.count))  // fewer files than cores
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            for position in stride(from: worker, to: small.count, by: jobs) { lint(small[position], threads: threadsPerFile) }
        }
        var linted = results.values()
        if crossFile { linted = Self.compareAcrossFiles(linted, linters: linters) }
        // A path that could not be read is judged by the configuration of the working folder.
        var reports = problems.map { problem in
            var report = Linter.unreadable(path: problem.path, error: problem)
            report.failOn = cwdConfiguration.failOn
            return report
        }
        reports += linted
        return LintOutcome(
            reports: reports, rules: ranRules.values.sorted { $0.id < $1.id },
            maxFindingsPerRule: cwdConfiguration.maxFindingsPerRule ?? Linter.defaultMaxFindingsPerRule,
            lintedFiles: linted.filter { report in !report.diagnostics.contains { ToolDiagnostics.fileNotRead.contains($0.ruleID) } }.count,
            staleTemporaries: collection.staleTemporaries,
            pathsNotUTF8: Set(targets.filter { $0.fileSystemPath != nil }.map(\.displayPath)))
    }

    /// Runs each cross-file rule over the summaries the files' linters made, and adds its
    /// findings to each file (through that file's linter, for suppressions and severity).
    public static func compareAcrossFiles(_ reports: [FileReport], linters: [Linter]) -> [FileReport] {
        var reports = reports
        var ruleIDs: [String] = []
        for report in reports {
            for id in report.crossFileSummaries.keys.sorted() where !ruleIDs.contains(id) { ruleIDs.append(id) }
        }
        for id in ruleIDs {
            // The rule and options of the first file that ran it (a run has one configuration in
            // all but unusual set-ups; nested configurations may still turn the rule off per file).
            guard let position = reports.firstIndex(where: { $0.crossFileSummaries[id] != nil }),
                let active = linters[position].rules.first(where: { $0.context.ruleID == id }),
                let rule = active.rule as? any CrossFileRule
            else { continue }
            let taking = reports.indices.filter { reports[$0].crossFileSummaries[id] != nil }
            let inputs = taking.map { CrossFileInput(path: reports[$0].path, summary: reports[$0].crossFileSummaries[id] ?? ()) }
            let findings = rule.compare(inputs, context: active.context)
            for (slot, index) in taking.enumerated() where slot < findings.count && !findings[slot].isEmpty {
                reports[index] = linters[index].adding(crossFile: findings[slot], to: reports[index])
            }
        }
        for index in reports.indices {
            reports[index].crossFileSummaries = [:]  // done with; free the memory before reporting
            reports[index].suppressions = nil
        }
        return reports
    }

    static func relativePath(_ absolute: String, to directory: String) -> String {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }
}

/// A count shared by parallel workers.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Hands reports to a caller in index order as they become available: a report that finishes
/// early waits until every report before it has been handed over.
private final class InOrderDelivery: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: FileReport] = [:]
    private var next = 0
    private let deliver: @Sendable (FileReport) -> Void

    init(deliver: @escaping @Sendable (FileReport) -> Void) { self.deliver = deliver }

    func finished(_ index: Int, _ report: FileReport) {
        lock.lock()
        defer { lock.unlock() }
        var stripped = report
        stripped.crossFileSummaries = [:]
        waiting[index] = stripped
        // Delivered under the lock: calls never overlap and never reorder.
        while let ready = waiting.removeValue(forKey: next) {
            deliver(ready)
            next += 1
        }
    }
}

/// Write-once slots filled by parallel workers, each index by exactly one worker.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [FileReport?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ report: FileReport) {
        lock.lock()
        slots[index] = report
        lock.unlock()
    }

    func values() -> [FileReport] { slots.compactMap { $0 } }
}
