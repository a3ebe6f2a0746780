import Foundation

/// What to lint and how, as the CLI understood it.
public struct LintRequest: Sendable {
    public var paths: [String]
    public var standardInput: [UInt8]?
    public var standardInputName: String?
    public var configurationPath: String?
    public var useConfiguration: Bool
    public var rulePaths: [String]
    public var selection: RuleSelection
    public var minSeverity: Severity?
    public var jobs: Int
    public var workingDirectory: String
    public var reportUnusedSuppressions: Bool
    /// Follow symbolic links that lead outside a folder being walked (see `FileCollector`).
    public var followSymlinks: Bool
    /// Compare the run's files with each other (cross-file rules); nil: only when a folder is linted.
    public var crossFile: Bool?
    /// Files named on the command line also pass the configuration's include/exclude.
    public var forceExclude = false
    /// Called from any thread after each file is linted, with (files done, files in all).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Called with each file's report in run order (files that could not be found first, then
    /// the files as the outcome lists them), as soon as that file and every one before it are
    /// linted, so a caller can print results while the rest are still being linted. The report
    /// holds the file's own findings; cross-file findings exist only once all files are done,
    /// and are in the outcome. Calls never overlap.
    public var onFileReport: (@Sendable (FileReport) -> Void)?
    /// `--max-findings-per-rule` (nil: the configuration's, else `Linter.defaultMaxFindingsPerRule`).
    public var maxFindingsPerRule: Int?
    /// Files given by content rather than read from disk (`--staged`: the index's version), by
    /// path relative to the working directory; linted as if they were those files.
    public var providedFiles: [(path: String, bytes: [UInt8])] = []

    public init(
        paths: [String], standardInput: [UInt8]? = nil, standardInputName: String? = nil, configurationPath: String? = nil,
        useConfiguration: Bool = true, rulePaths: [String] = [], selection: RuleSelection = RuleSelection(),
        minSeverity: Severity? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        workingDirectory: String = FileManager.default.currentDirectoryPath, reportUnusedSuppressions: Bool = false,
        followSymlinks: Bool = false, crossFile: Bool? = nil
    ) {
        self.crossFile = crossFile
        self.reportUnusedSuppressions = reportUnusedSuppressions
        self.followSymlinks = followSymlinks
        self.paths = paths
        self.standardInput = standardInput
        self.standardInputName = standardInputName
        self.configurationPath = configurationPath
        self.useConfiguration = useConfiguration
        self.rulePaths = rulePaths
        self.selection = selection
        self.minSeverity = minSeverity
        self.jobs = jobs
        self.workingDirectory = workingDirectory
    }
}
