import EdLintTestSupport
import Foundation
import Testing

/// Output the CI platforms and their clients accept: GitHub annotations and job summaries,
/// SARIF for code scanning, GitLab Code Quality, unified diffs that patch and git apply take,
/// the action and CI examples against their published schemas, the pre-commit framework.
struct PlatformTests {
    func repository(_ files: [String: String]) throws -> URL {
        let root = Fixtures.temporaryDirectory("edlint-platform")
        try Fixtures.write(files.merging([".git/HEAD": "ref: refs/heads/main\n"]) { a, _ in a }, in: root)
        return root
    }

    func edlint(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> ProcessResult {
        let binary = try #require(Fixtures.edlintBinary)
        return try Run.process(binary, arguments, in: directory, environment: environment, timeout: 60)
    }

    static func tool(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let claims = (1...15).map { "Studies show claim \($0) holds.\n" }.joined(separator: "\n")

    // MARK: - GitHub

    @Test func annotationPathsAreRelativeToTheRepositoryRootFromAnySubfolder() throws {
        let root = try repository(["docs/guide/a.md": "Intro.\n\nRelated Posts\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md", "--format", "github"], in: root.appendingPathComponent("docs/guide"))
        #expect(result.status == 1)
        #expect(result.stdout.contains("file=docs/guide/a.md,line=3,col=1"), "\(result.stdout)")
    }

    @Test func annotationsPastTheRunnersCapAreCountedInAFinalNotice() throws {
        let root = try repository(["many.md": Self.claims, "few.md": "Studies show it.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let many = try edlint(["many.md", "--format", "github"], in: root)
        let lines = many.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 15)
        let last = try #require(lines.last)
        #expect(last.hasPrefix("::notice title=edlint%3A 15 findings::edlint found 15 findings (15 warnings)"), "\(last)")
        let few = try edlint(["few.md", "--format", "github"], in: root)
        #expect(!few.stdout.contains("::notice"))
    }

    @Test func annotationsShowControlCharactersEscaped() throws {
        let root = try repository(["esc\u{1B}[31m.md": "Studies show \u{1B}]0;x\u{07} it.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["esc\u{1B}[31m.md", "--format", "github"], in: root)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("file=esc\\u{1B}[31m.md"), "\(result.stdout)")
    }

    @Test func jobSummaryIsAppendedWhenTheRunnerAsksForOne() throws {
        let root = try repository(["many.md": Self.claims, "b.md": "Intro.\n\nRelated Posts\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let summary = root.appendingPathComponent("summary.md")
        try Data("earlier step\n".utf8).write(to: summary)
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_ACTIONS"] = "true"
        environment["GITHUB_STEP_SUMMARY"] = summary.path
        let result = try edlint(["many.md", "b.md", "--format", "github"], in: root, environment: environment)
        #expect(result.status == 1)
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n### edlint\n"))
        #expect(text.contains("16 findings in 2 of 2 files"))
        #expect(text.contains("| unsupported-claim | `unsupported-claim.unnamed-research` | 15 |"))
        #expect(text.contains("| boilerplate | `boilerplate.related-content` | 1 |"))
        #expect(text.contains("| many.md | 15 |"))
        environment["GITHUB_ACTIONS"] = nil
        _ = try edlint(["many.md"], in: root, environment: environment)
        #expect(try String(contentsOf: summary, encoding: .utf8) == text)  // not in Actions: untouched
    }

    // MARK: - SARIF

    @Test func sarifUsesItsOwnFingerprintKeyAndSaysWhenGitHubWouldCutIt() throws {
        let claims = (1...5_100).map { "Studies show claim \($0) holds.\n" }.joined(separator: "\n")
        let root = try repository(["huge.md": claims])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["huge.md", "--format", "sarif", "--max-findings-per-rule", "0"], in: root)
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 5_100)
        for item in results.prefix(3) {
            let fingerprints = try #require(item["partialFingerprints"] as? [String: String])
            // GitHub's key holds GitHub's value (GitHubLineHashTests checks the algorithm), not edlint's.
            let github = try #require(fingerprints["primaryLocationLineHash"])
            let own = try #require(fingerprints["edlintContent/v1"])
            #expect(github != own)
        }
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
        let limit = notes.first { ($0["descriptor"] as? [String: Any])?["id"] as? String == "edlint.result-limit" }
        #expect(limit != nil)
        #expect(((limit?["message"] as? [String: Any])?["text"] as? String ?? "").contains("5100 results"))
    }

    // MARK: - GitLab Code Quality

    @Test(.enabled(if: Fixtures.pythonHasModule("jsonschema"), "python3 with jsonschema is not installed (scripts/test.sh installs it); skipped"))
    func gitlabReportValidatesAgainstGitLabsDocumentedFields() throws {
        let root = try repository(["docs/a.md": "Intro.\n\nRelated Posts\n\nStudies show it.\n", "docs/b.md": "Studies show it.\n\nStudies show it.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md", "b.md", "--format", "gitlab"], in: root.appendingPathComponent("docs"))
        #expect(result.status == 1)
        let report = root.appendingPathComponent("gl-code-quality-report.json")
        try Data(result.stdout.utf8).write(to: report)
        let schema = Fixtures.packageRoot.appendingPathComponent("docs/gitlab-code-quality.schema.json")
        let check = try Run.process(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1]))); print('valid')",
             schema.path, report.path])
        #expect(check.stdout.contains("valid"), "\(check.stderr)")
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(issues.count == 4)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count)  // GitLab drops issues that share one
        let paths = Set(issues.compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        #expect(paths == ["docs/a.md", "docs/b.md"])
    }

    // MARK: - Unified diffs

    @Test func diffHasMinimalHunksThatPatchAndGitApplyAccept() throws {
        var lines = (1...130).map { "Line \($0) of the article, plain and calm." }
        lines[4] = "We met in order to talk."
        lines[124] = "They left prior to the vote."
        let text = lines.joined(separator: "\n") + "\n"
        let root = try repository(["a.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let diff = try edlint(["a.md", "--diff", "--select", "style.wordy-phrase"], in: root)
        #expect(diff.status == 1)
        let hunks = diff.stdout.split(separator: "\n").filter { $0.hasPrefix("@@") }
        #expect(hunks == ["@@ -2,7 +2,7 @@", "@@ -122,7 +122,7 @@"], "\(diff.stdout)")
        #expect(diff.stdout.split(separator: "\n").count < 25)
        try Data(diff.stdout.utf8).write(to: root.appendingPathComponent("fix.patch"))
        let gitCheck = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["git", "apply", "--check", "fix.patch"], in: root)
        #expect(gitCheck.status == 0, "\(gitCheck.stderr)")
        if Self.tool("patch") != nil {
            let patch = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["patch", "-p1", "--dry-run", "-i", "fix.patch"], in: root)
            #expect(patch.status == 0, "\(patch.stdout)\(patch.stderr)")
        }
        // Applied, the diff gives what --fix writes.
        let apply = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["git", "apply", "fix.patch"], in: root)
        #expect(apply.status == 0)
        let patched = try String(contentsOf: root.appendingPathComponent("a.md"), encoding: .utf8)
        try Data(text.utf8).write(to: root.appendingPathComponent("a.md"))
        _ = try edlint(["a.md", "--fix", "--select", "style.wordy-phrase"], in: root)
        #expect(try String(contentsOf: root.appendingPathComponent("a.md"), encoding: .utf8) == patched)
        #expect(patched.contains("We met to talk.") && patched.contains("They left before the vote."))
    }

    @Test func diffOfADeletionAtTheEndWithoutANewlineApplies() throws {
        let text = "One.\n\nTwo.\n\nRelated Posts"
        let root = try repository(["a.md": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let diff = try edlint(["a.md", "--diff"], in: root)
        #expect(diff.stdout.contains("\\ No newline at end of file"), "\(diff.stdout)")
        try Data(diff.stdout.utf8).write(to: root.appendingPathComponent("fix.patch"))
        let apply = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["git", "apply", "fix.patch"], in: root)
        #expect(apply.status == 0, "\(apply.stderr)\n\(diff.stdout)")
        #expect(try String(contentsOf: root.appendingPathComponent("a.md"), encoding: .utf8) == "One.\n\nTwo.")
    }

    @Test func diffWithAMachineFormatIsRefused() throws {
        let root = try repository(["a.md": "We met in order to talk.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md", "--diff", "--format", "json"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--diff"))
    }

    // MARK: - Smaller conventions

    @Test func statisticsAlonePrintsOnlyTheTable() throws {
        let root = try repository(["a.md": Self.claims])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md", "--statistics", "--color", "never"], in: root)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("warning [") && !result.stdout.contains(" | "))
        #expect(result.stdout.contains("unsupported-claim.unnamed-research"))
        #expect(result.stdout.contains("15"))
    }

    @Test func aMissingPathIsReportedOnceWithoutAMadeUpPosition() throws {
        let root = try repository([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["missing.md", "--color", "never"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("missing.md: error [edlint.unreadable-file] cannot read file: No such file or directory"), "\(result.stdout)")
        #expect(!result.stdout.contains("missing.md:1:1"))
        #expect(result.stdout.components(separatedBy: "missing.md").count == 2)
    }

    @Test func aSuppressionNamingNoRuleIsReported() throws {
        let root = try repository(["a.md": "<!-- edlint-disable-next-line boilerplate.related-contnet -->\nRelated Posts\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md", "--color", "never"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("[edlint.unknown-suppression]") && result.stdout.contains("did you mean 'boilerplate.related-content'"), "\(result.stdout)")
    }

    @Test func aYAMLBooleanSpellingGetsAMessageAboutTheValue() throws {
        let root = try repository(["a.md": "Fine.\n", ".linterrc": "categories:\n  style: no\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try edlint(["a.md"], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".linterrc:2:10: 'style': 'no' is not a setting; write off or on"), "\(result.stderr)")
        #expect(!result.stderr.contains("did you mean"))
    }

    @Test func colourFollowsForceColorNoColorAndTermDumb() throws {
        let root = try repository(["a.md": "Intro.\n\nRelated Posts\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment["FORCE_COLOR"] = "1"
        #expect(try edlint(["a.md"], in: root, environment: environment).stdout.contains("\u{1B}["))
        environment["NO_COLOR"] = "1"
        #expect(!(try edlint(["a.md"], in: root, environment: environment).stdout.contains("\u{1B}[")))
        environment["NO_COLOR"] = nil
        environment["FORCE_COLOR"] = nil
        environment["TERM"] = "dumb"
        #expect(!(try edlint(["a.md"], in: root, environment: environment).stdout.contains("\u{1B}[")))
    }

    // MARK: - The action, the CI examples and pre-commit, checked by their own tools

    @Test(
        .enabled(if: PlatformTests.tool("check-jsonschema") != nil, "check-jsonschema is not on PATH (scripts/test.sh installs it); skipped"),
        arguments: [("action.yml", "vendor.github-actions"), ("docs/ci/github-actions.yml", "vendor.github-workflows"), ("docs/ci/gitlab-ci.yml", "vendor.gitlab-ci")])
    func actionAndCIExamplesValidateAgainstTheirPublishedSchemas(file: String, schema: String) throws {
        let checker = try #require(Self.tool("check-jsonschema"))
        let result = try Run.process(
            URL(fileURLWithPath: checker), ["--builtin-schema", schema, Fixtures.packageRoot.appendingPathComponent(file).path], timeout: 120)
        #expect(result.status == 0, "\(file): \(result.stdout)\(result.stderr)")
    }

    @Test func workflowsNeverExpandExpressionsInsideScriptsAndPinActionsBySHA() throws {
        for file in ["action.yml", "docs/ci/github-actions.yml"] {
            let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(file), encoding: .utf8)
            var inScript = false
            var scriptIndent = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let indent = line.prefix { $0 == " " }.count
                let trimmed = line.drop { $0 == " " || $0 == "-" }.trimmingCharacters(in: .whitespaces)
                if inScript, !trimmed.isEmpty, indent <= scriptIndent { inScript = false }
                if trimmed.hasPrefix("run:") {
                    inScript = true
                    scriptIndent = indent
                    #expect(!trimmed.contains("${{"), "\(file): \(line)")
                } else if inScript {
                    #expect(!line.contains("${{"), "\(file): an expression inside a script: \(line)")
                }
                if trimmed.hasPrefix("uses:") {
                    let reference = trimmed.dropFirst(5).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? ""
                    let version = reference.split(separator: "@").last ?? ""
                    #expect(version.count == 40 && version.allSatisfy(\.isHexDigit), "\(file): \(reference) is not pinned by commit SHA")
                }
            }
            if file.hasPrefix("docs/") {
                #expect(text.contains("persist-credentials: false") && text.contains("timeout-minutes:"))
            }
        }
    }

    @Test(.enabled(if: PlatformTests.tool("pre-commit") != nil, "pre-commit is not on PATH (scripts/test.sh installs it); skipped"))
    func preCommitTryRepoLintsOddlyNamedFiles() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let root = Fixtures.temporaryDirectory("edlint-precommit")
        defer { try? FileManager.default.removeItem(at: root) }
        let names = ["my notes.md", "café.md", "1:intro.md", "-dash.md"]
        for name in names { try Data("Studies show it works.\n".utf8).write(to: root.appendingPathComponent(name)) }
        try Data("exclude: [\"drafts/**\"]\n".utf8).write(to: root.appendingPathComponent(".linterrc"))
        try Fixtures.write(["drafts/wip.md": "Studies show the draft.\n"], in: root)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        environment["PRE_COMMIT_HOME"] = root.appendingPathComponent(".pre-commit-home").path
        environment["GIT_AUTHOR_NAME"] = "t"
        environment["GIT_AUTHOR_EMAIL"] = "t@example.com"
        environment["GIT_COMMITTER_NAME"] = "t"
        environment["GIT_COMMITTER_EMAIL"] = "t@example.com"
        let setup = try Run.process(
            URL(fileURLWithPath: "/bin/bash"), ["-c", "git init -q . && git add -A"], in: root, environment: environment, timeout: 60)
        try #require(setup.status == 0, "\(setup.stderr)")
        let result = try Run.process(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["pre-commit", "try-repo", Fixtures.packageRoot.path, "edlint-system", "--all-files", "--color", "never"],
            in: root, environment: environment, timeout: 300)
        let output = result.stdout + result.stderr
        #expect(result.status == 1, "\(output)")
        for name in names {
            #expect(output.contains("\(name):1:1: warning [unsupported-claim.unnamed-research]"), "\(name) not linted:\n\(output)")
        }
        #expect(!output.contains("wip.md"))
        #expect(!output.contains("Unknown option"))
    }
}

/// The progress line: on a terminal only (a pseudo-terminal from `script`), never in pipes or CI.
struct ProgressLineTests {
    @Test(.enabled(if: PlatformTests.tool("script") != nil, "script (util-linux) is not installed; skipped"))
    func progressShowsOnATerminalOnlyAndIsClearedBeforeTheReport() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let root = Fixtures.temporaryDirectory("edlint-progress")
        defer { try? FileManager.default.removeItem(at: root) }
        try Fixtures.write([".git/HEAD": "ref: refs/heads/main\n"], in: root)
        // The line's one-second delay set to none, so that a short run shows it on any build.
        let paragraph = String(repeating: "The council met on Tuesday and the ferry timetable was discussed at length. ", count: 40)
        for index in 0..<300 {
            try Data("Notes \(index).\n\n\(paragraph)\n".utf8).write(to: root.appendingPathComponent("n\(index).md"))
        }
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = nil
        environment["TERM"] = "xterm"
        environment["EDLINT_PROGRESS_DELAY_MS"] = "0"
        let command = "'\(binary.path)' . --jobs 1 --no-cross-file -q --color never"
        let terminal = try Run.process(
            URL(fileURLWithPath: "/usr/bin/env"), ["script", "-qec", command, "/dev/null"], in: root, environment: environment, timeout: 120)
        #expect(terminal.stdout.contains("/300 files"), "no progress line on a terminal:\n\(terminal.stdout.suffix(300))")
        #expect(terminal.status == 0 || terminal.status == 1, "exit \(terminal.status): \(terminal.stdout.suffix(300))")  // finished, not killed
        #expect(terminal.stdout.contains("\r\u{1B}[K"))  // cleared
        let piped = try Run.process(binary, [".", "--jobs", "1", "--no-cross-file", "-q"], in: root, environment: environment, timeout: 120)
        #expect(!piped.stderr.contains("files") && !piped.stdout.contains("/300 files"))
        environment["CI"] = "true"
        let inCI = try Run.process(
            URL(fileURLWithPath: "/usr/bin/env"), ["script", "-qec", command, "/dev/null"], in: root, environment: environment, timeout: 120)
        #expect(!inCI.stdout.contains("/300 files"))
    }
}

/// The release tarball `make dist` builds (the test command builds it and names it in EDLINT_DIST).
struct DistTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["EDLINT_DIST"] != nil, "EDLINT_DIST is not set (scripts/test.sh builds the tarball); skipped"))
    func tarballHoldsAStaticBinaryManPagesCompletionsAndItsChecksum() throws {
        let tarball = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["EDLINT_DIST"]))
        let folder = tarball.deletingLastPathComponent()
        let check = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", "-c", tarball.lastPathComponent + ".sha256"], in: folder)
        #expect(check.status == 0 && check.stdout.contains(": OK"), "\(check.stdout)\(check.stderr)")
        let unpacked = Fixtures.temporaryDirectory("edlint-dist")
        defer { try? FileManager.default.removeItem(at: unpacked) }
        let untar = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["tar", "-xzf", tarball.path, "-C", unpacked.path])
        try #require(untar.status == 0, "\(untar.stderr)")
        let root = unpacked.appendingPathComponent(tarball.lastPathComponent.replacingOccurrences(of: ".tar.gz", with: ""))
        let binary = root.appendingPathComponent("bin/edlint")
        let version = try Run.process(binary, ["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("edlint "))
        // The Swift runtime and Foundation are inside the binary; only the C libraries are not.
        let libraries = try Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["ldd", binary.path]).stdout
        #expect(!libraries.contains("libswiftCore") && !libraries.contains("libFoundation"), "\(libraries)")
        #expect(libraries.contains("libpcre2-8"))
        for page in ["edlint.1", "edlint.check.1", "edlint.rules.1", "edlint.explain.1", "edlint.install-hook.1"] {
            let text = try String(contentsOf: root.appendingPathComponent("share/man/man1/\(page)"), encoding: .utf8)
            // argument-parser writes mdoc (`.Dt`/`.Sh`); man(7)'s `.TH` would do as well.
            #expect(text.contains(".Dt ") || text.contains(".TH "), "\(page) is not a man page")
        }
        let check1 = try String(contentsOf: root.appendingPathComponent("share/man/man1/edlint.check.1"), encoding: .utf8)
        #expect(check1.contains("changed\\-since") || check1.contains("changed-since"))
        for (path, mention) in [("share/bash-completion/completions/edlint", "--changed-since"), ("share/zsh/site-functions/_edlint", "--changed-since"),
                                ("share/fish/vendor_completions.d/edlint.fish", "changed-since")] {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(mention), "\(path) lacks \(mention)")
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("share/doc/edlint/LICENSE").path))
        // The shipped binary lints the bundled sample from any folder (rules are embedded).
        let sample = Fixtures.packageRoot.appendingPathComponent("samples/sample-article.md")
        let lint = try Run.process(binary, [sample.path, "--color", "never"], in: unpacked)
        #expect(lint.status == 1 && lint.stdout.contains("boilerplate.related-content"))
    }
}
