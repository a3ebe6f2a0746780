import ArgumentParser
import EdLintCore
import EdLintReporters
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint files and folders (the default command).")

    @Argument(help: "Files or folders to lint; '-' reads standard input. Default: the current folder.")
    var paths: [String] = []

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .human

    @Option(help: ArgumentHelp("Only run these rules or categories (comma-separated, repeatable).", valueName: "ids"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Skip these rules or categories (comma-separated, repeatable).", valueName: "ids"))
    var ignore: [String] = []

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this level: error, warning, info, never. Default: warning.")
    var failOn: FailLevel?

    @Option(name: .customLong("min-severity"), help: "Report only findings at or above this severity.")
    var minSeverity: Severity?

    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always, never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Print findings only: no summary line.")
    var quiet = false

    @Flag(help: "Print a count of findings per rule.")
    var statistics = false

    @Flag(name: .customLong("report-unused-suppressions"), help: "Report edlint-disable comments that suppress nothing.")
    var reportUnusedSuppressions = false

    @Flag(
        inversion: .prefixedNo,
        help: "Compare the files of the run with each other (repetition.cross-file). Default: on when a folder is linted.")
    var crossFile: Bool?

    @Flag(name: .customLong("follow-symlinks"), help: "Follow symbolic links that lead outside the folders being linted (not followed by default).")
    var followSymlinks = false

    @Option(name: .customLong("max-findings-per-rule"), help: ArgumentHelp("Report at most this many findings of one rule in one file, and count the rest in one finding (default 300; 0: no cap).", valueName: "n"))
    var maxFindingsPerRule: Int?

    @Flag(help: "Lint the files staged in git (the index's version of each), as a pre-commit hook does.")
    var staged = false

    @Flag(name: .customLong("force-exclude"), help: "Apply the configuration's include/exclude to files named on the command line too (for hooks that pass every changed file).")
    var forceExclude = false

    @Option(help: ArgumentHelp("Use this configuration file for every file.", valueName: "path"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .linterrc files.")
    var noConfig = false

    @Option(name: .customLong("rules"), help: ArgumentHelp("Add a rule pack folder (repeatable).", valueName: "dir"))
    var rulePacks: [String] = []

    @Option(name: .customLong("stdin-filename"), help: ArgumentHelp("The name to report for standard input ('-'); its extension picks the format.", valueName: "path"))
    var stdinFilename: String?

    @Option(help: "Files linted in parallel (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Hide the findings recorded in this baseline file; new ones still count.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record every current finding in this baseline file (and exit 0).", valueName: "file"))
    var writeBaseline: String?

    @Flag(help: "Apply safe fixes in place: replacements, deleting word-for-word repeated paragraphs and boilerplate-only blocks.")
    var fix = false

    @Flag(help: "Show the safe fixes as a unified diff instead of applying them (exit 1 when there are any).")
    var diff = false

    @Option(name: .customLong("changed-since"), help: ArgumentHelp("Report only findings on lines changed since this git revision (from its merge base with HEAD).", valueName: "ref"))
    var changedSince: String?

    @Option(name: .customLong("base-path"), help: ArgumentHelp("Make SARIF and GitHub annotation paths relative to this folder (default: the repository root, else the current folder).", valueName: "path"))
    var basePath: String?

    @Option(name: .customLong("output-file"), help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var outputFile: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxFindingsPerRule, maxFindingsPerRule < 0 { throw ValidationError("--max-findings-per-rule must be 0 (no cap) or more") }
        if config != nil, noConfig { throw ValidationError("--config and --no-config cannot be used together") }
        if stdinFilename != nil, !paths.contains("-") { throw ValidationError("--stdin-filename needs '-' among the paths") }
        if (fix || diff), paths.contains("-") { throw ValidationError("--fix and --diff work on files, not standard input") }
        if staged, !paths.isEmpty { throw ValidationError("--staged lints the files staged in git; name no paths with it") }
        if (fix || diff), staged { throw ValidationError("--fix and --diff work on the working tree, not on --staged files") }
        if fix, diff { throw ValidationError("--fix and --diff cannot be used together") }
        if (fix || diff), writeBaseline != nil {
            throw ValidationError("--write-baseline records the findings as they are; run --fix (or --diff) separately")
        }
        if diff, format != .human {
            throw ValidationError("--diff prints a unified diff; it cannot be combined with --format \(format.rawValue)")
        }
        if diff, outputFile != nil { throw ValidationError("--diff prints to standard output; redirect it instead of --output-file") }
    }

    func run() throws {
        let builtins = try loadBuiltinRules()
        var standardInput: [UInt8]?
        if paths.contains("-") {
            switch FileCollector.readAll(FileHandle.standardInput.fileDescriptor) {
            case .success(let bytes): standardInput = bytes
            case .failure(let error):
                printError("edlint: cannot read standard input: \(error.reason)")
                throw ExitCode(Exit.error)
            }
        }
        var request = LintRequest(
            paths: paths.isEmpty ? ["."] : paths, standardInput: standardInput, standardInputName: stdinFilename,
            configurationPath: config, useConfiguration: !noConfig, rulePaths: rulePacks,
            selection: RuleSelection(select: splitList(select), ignore: splitList(ignore)), minSeverity: minSeverity,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, reportUnusedSuppressions: reportUnusedSuppressions,
            followSymlinks: followSymlinks, crossFile: crossFile)
        request.forceExclude = forceExclude
        // With a baseline or --changed-since the cap comes after them (capAfterFiltering): what
        // they hide must not count against it, and what they keep must not be cut unseen. A
        // baseline being written records every finding, uncapped.
        let capAfterFiltering = baseline != nil || changedSince != nil || writeBaseline != nil
        request.maxFindingsPerRule = maxFindingsPerRule  // (CheckRun lifts it when it caps after filtering)
        let progressLine = ProgressLine.wanted(humanFormat: format == .human && outputFile == nil) ? ProgressLine() : nil
        if let progressLine { request.progress = { progressLine.update(done: $0, total: $1) } }
        defer { progressLine?.finish() }
        // Human output on standard output is printed as files finish, in run order (what comes
        // only at the end — findings across files, the summary — follows). Not when the report
        // depends on every file (--fix, --diff) or on filtering after the run (a baseline,
        // --changed-since, whose findings cap comes after them).
        let streaming = format == .human && outputFile == nil && !fix && !diff && !capAfterFiltering
        let humanReporter = HumanReporter(color: useColor(), showSummary: !quiet, showStatistics: statistics, frameWidth: Self.frameWidth())
        if streaming {
            request.onFileReport = { file in
                var piece = ""
                humanReporter.writeFindings(of: file, in: Report(files: [file], rules: []), to: { piece += $0 })
                guard !piece.isEmpty else { return }
                let write = {
                    Console.write(piece)
                    Console.output.flush()
                }
                // Cleared and written under the progress line's lock, so no redraw lands in between.
                if let progressLine { progressLine.clear(thenWrite: write) } else { write() }
            }
        }
        if staged {
            request.paths = []
            request.providedFiles = try Git.stagedFiles()
            if request.providedFiles.isEmpty {
                if !quiet { printError("edlint: --staged: no staged Markdown or text file to lint") }
                return
            }
        }
        // A baseline being written records every finding: no baseline applied, no cap.
        if writeBaseline != nil { request.maxFindingsPerRule = 0 }
        let check = CheckRun(
            builtinRules: builtins, request: request, changedLines: changedSince.map { reference in { try Git.changedLines(since: reference) } },
            baselinePath: writeBaseline == nil ? baseline : nil, maxFindingsPerRule: maxFindingsPerRule,
            capAfterFiltering: capAfterFiltering && writeBaseline == nil, fix: fix)
        let checked: CheckRun.Outcome
        do { checked = try check.run() } catch {
            // Every error that stops a check is exit 2, here.
            printError("edlint: \(error)")
            throw ExitCode(Exit.error)
        }
        let outcome = checked.lint
        let reports = checked.reports
        progressLine?.finish()  // before anything else reaches the terminal
        handleStaleTemporaries(outcome.staleTemporaries)
        if outcome.lintedFiles == 0 {
            printError("edlint: no file was linted" + (reports.isEmpty ? " (no Markdown or text file found in the paths given)" : " (see the errors reported)"))
        }
        // The files being linted (and the baseline being read) are never written over by a report.
        let inputs = Set((reports.map(\.path) + [baseline].compactMap { $0 }).compactMap { FileIdentity.of($0)?.file })
        if let writeBaseline {
            let folder = (FileCollector.absolute(writeBaseline) as NSString).deletingLastPathComponent
            let recorded = Baseline(reports: reports, baselineFolder: folder)
            let inputsButBaseline = inputs.subtracting([FileIdentity.of(writeBaseline)?.file].compactMap { $0 })
            do throws(WriteError) {
                let encoded = recorded.encoded()
                let rewritesBaseline = baseline.flatMap { FileIdentity.of($0)?.file } == FileIdentity.of(writeBaseline)?.file
                try SafeWrite.write(to: writeBaseline, inputs: rewritesBaseline ? inputsButBaseline : inputs) { $0.append(encoded) }
            } catch {
                printError("edlint: --write-baseline: \(error)")
                throw ExitCode(Exit.error)
            }
            printError("edlint: recorded \(recorded.entries.count) finding\(recorded.entries.count == 1 ? "" : "s") in \(writeBaseline)")
            return
        }
        if diff {
            var changedFiles = 0
            var diffs = ""
            for report in reports {
                let fixes = report.diagnostics.compactMap(\.fix)
                guard !fixes.isEmpty, !report.source.bytes.isEmpty, Fixes.apply(fixes, to: report.source.bytes).0 != report.source.bytes else { continue }
                changedFiles += 1
                diffs += Fixes.unifiedDiff(path: report.path, old: report.source.bytes, fixes: fixes)
            }
            Console.write(diffs)
            try Console.finish()
            if changedFiles > 0 { throw ExitCode(Exit.findings) }
            return
        }
        if fix {
            for failure in checked.writeFailures { printError("edlint: --fix: \(failure)") }
            printError("edlint: fixed \(checked.fixedFindings) finding\(checked.fixedFindings == 1 ? "" : "s") in \(checked.fixedFiles) file\(checked.fixedFiles == 1 ? "" : "s")")
        }
        let writeFailed = !checked.writeFailures.isEmpty
        let baselineNote = checked.baselineNote
        let report = Report(files: reports, rules: outcome.rules)
        let reporter: any Reporter
        switch format {
        case .human: reporter = humanReporter
        case .json: reporter = JSONReporter()
        case .sarif: reporter = SARIFReporter(basePath: FileCollector.absolute(basePath ?? TrustedFile.repositoryRoot(of: FileManager.default.currentDirectoryPath) ?? "."))
        case .github: reporter = GitHubReporter(basePath: FileCollector.absolute(basePath ?? TrustedFile.repositoryRoot(of: FileManager.default.currentDirectoryPath) ?? "."))
        case .rdjson: reporter = RDJSONReporter()
        case .checkstyle: reporter = CheckstyleReporter()
        case .junit: reporter = JUnitReporter()
        case .gitlab: reporter = GitLabReporter(basePath: FileCollector.absolute(basePath ?? TrustedFile.repositoryRoot(of: FileManager.default.currentDirectoryPath) ?? "."))
        }
        // Written as it is made (a run with many findings never holds all its output), through a
        // buffer so small pieces do not each cost a system call.
        if let outputFile {
            do throws(WriteError) {
                try SafeWrite.write(to: outputFile, inputs: inputs) { sink in reporter.write(report, to: { sink.append($0) }) }
            } catch {
                printError("edlint: --output-file: \(error)")
                throw ExitCode(Exit.error)
            }
        } else if streaming {
            humanReporter.writeEnd(report, to: { Console.write($0) })
            try Console.finish()
        } else {
            reporter.write(report, to: { Console.write($0) })
            try Console.finish()
        }
        writeStepSummary(report)
        if let baselineNote, statistics || format == .human {
            printError(baselineNote)
        }

        if writeFailed { throw ExitCode(Exit.error) }
        // Each file is judged at the fail level of the configuration that governs it (--fail-on
        // overrides them all); the run fails when any file does.
        let fails = reports.contains { report in
            let level = failOn ?? report.failOn ?? .warning
            return report.diagnostics.contains { level.fails(on: $0.severity) }
        }
        if fails { throw ExitCode(Exit.findings) }
    }

    /// In GitHub Actions, the job summary: appended to the file the runner names, never replaced.
    private func writeStepSummary(_ report: Report) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["GITHUB_ACTIONS"] == "true", let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            printError("edlint: cannot write the job summary \(path): \(String(cString: strerror(errno)))")
            return
        }
        defer { close(descriptor) }
        if let error = SafeWrite.writeAll(Array((StepSummary().render(report) + "\n").utf8), to: descriptor) {
            printError("edlint: cannot write the job summary \(path): \(String(cString: strerror(error)))")
        }
    }

    /// Temporary files left by an interrupted edlint run: `--fix` removes them (their owner is
    /// gone, so nothing else can be writing them); otherwise they are pointed out.
    private func handleStaleTemporaries(_ paths: [String]) {
        for path in paths {
            if fix {
                if unlink(path) == 0 { printError("edlint: removed \(path), left by an interrupted edlint run") }
            } else {
                printError("edlint: \(path) was left by an interrupted edlint run; delete it (edlint --fix does)")
            }
        }
    }

    /// Columns of source a code frame shows: on a terminal, what fits beside the gutter (its
    /// width, or COLUMNS when set); 100 in pipes and files, so saved output never depends on the
    /// window it was made in.
    static func frameWidth() -> Int {
        guard isatty(STDOUT_FILENO) == 1 else { return 100 }
        var columns = 0
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 {
            columns = value
        } else {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { columns = Int(size.ws_col) }
        }
        guard columns > 0 else { return 100 }
        return max(20, columns - 10)  // the gutter ("123 | ") and the ellipses on either side
    }

    private func useColor() -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            // The common conventions, in order: NO_COLOR turns colour off, FORCE_COLOR on (in
            // CI logs that render it), TERM=dumb off; otherwise colour on a terminal only.
            let environment = ProcessInfo.processInfo.environment
            if outputFile != nil { return false }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force.lowercased() != "false" { return true }
            if environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}
