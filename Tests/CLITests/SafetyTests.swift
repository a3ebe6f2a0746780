import EdLintTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The bad-input suite's second round: what edlint reads, writes, follows and refuses. Every case
/// builds its own folder at test time and runs the shipped binary; a hang is killed by the guard
/// (status 15 or 9) and fails on its status.
struct SafetyTests {
    static let secret = "edlint-test-secret-4d1f2b"

    struct Folder {
        let url: URL
        var path: String { url.path }

        init(_ files: [String: String] = [:], git: Bool = true) throws {
            url = Fixtures.temporaryDirectory("edlint-safety")
            if git { try Fixtures.write([".git/HEAD": "ref: refs/heads/main\n"], in: url) }
            try Fixtures.write(files, in: url)
        }

        func file(_ name: String) -> String { url.appendingPathComponent(name).path }
        func read(_ name: String) -> String? { try? String(contentsOfFile: file(name), encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(at: url) }

        /// Names under the folder that are edlint temporaries (none may be left behind).
        func temporaries() -> [String] {
            let names = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
            return names.filter { $0.contains(".edlint-tmp-") }
        }
    }

    /// Runs edlint in `folder`; a lint run (`subcommand` false) gets `--color never`.
    func edlint(
        _ arguments: [String], in folder: Folder, environment: [String: String]? = nil, stdin: String? = nil, subcommand: Bool = false
    ) throws -> ProcessResult {
        let binary = try #require(Fixtures.edlintBinary)
        let colour = subcommand ? [] : ["--color", "never"]
        return try Run.process(binary, arguments + colour, in: folder.url, stdin: stdin, environment: environment, timeout: 60)
    }

    /// Runs `script` in bash with `$EDLINT` naming the binary.
    func shell(_ script: String, in folder: Folder, timeout: Double = 60) throws -> ProcessResult {
        let binary = try #require(Fixtures.edlintBinary)
        var environment = ProcessInfo.processInfo.environment
        environment["EDLINT"] = binary.path
        return try Run.process(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: folder.url, environment: environment, timeout: timeout)
    }

    static let findings = "Intro.\n\nRelated Posts\n"

    // MARK: - Secrets: configuration and rule files that lead elsewhere

    @Test func configLinkToProcessEnvironmentIsRefusedWithoutPrintingIt() throws {
        let folder = try Folder(["a.md": "Fine.\n"])
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file(".linterrc"), withDestinationPath: "/proc/self/environ")
        var environment = ProcessInfo.processInfo.environment
        environment["EDLINT_TEST_TOKEN"] = Self.secret
        let result = try edlint(["a.md"], in: folder, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".linterrc") && result.stderr.contains("system file"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains(Self.secret))
    }

    @Test func configLinkLeavingTheRepositoryIsRefused() throws {
        let outside = try Folder(["secret.yml": "token: \(Self.secret)\n"], git: false)
        let folder = try Folder(["a.md": "Fine.\n"])
        defer { folder.remove(); outside.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file(".linterrc"), withDestinationPath: outside.file("secret.yml"))
        let result = try edlint(["a.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("outside the repository"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.secret))
    }

    @Test func ruleFileLinkToSystemFileIsRefused() throws {
        let folder = try Folder(["a.md": "Fine.\n", ".linterrc": "rules_paths: [pack]\n"])
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("pack/style"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.file("pack/style/env.yml"), withDestinationPath: "/proc/self/environ")
        var environment = ProcessInfo.processInfo.environment
        environment["EDLINT_TEST_TOKEN"] = Self.secret
        let result = try edlint(["a.md"], in: folder, environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.contains("env.yml") && result.stderr.contains("system file"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.secret))
    }

    @Test func configThatIsAFIFOIsRefusedNotWaitedOn() throws {
        let folder = try Folder(["a.md": "Fine.\n"])
        defer { folder.remove() }
        #expect(mkfifo(folder.file(".linterrc"), 0o644) == 0)
        let result = try edlint(["a.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a regular file"))
    }

    @Test func configErrorsQuoteOnlyAShortExcerpt() throws {
        // YAML's longest implicit key is 1,024 characters; a value may be any length.
        let folder = try Folder(["a.md": "Fine.\n", ".linterrc": "\(String(repeating: "k", count: 1_000)): 1\n"])
        defer { folder.remove() }
        let key = try edlint(["a.md"], in: folder)
        #expect(key.status == 2)
        #expect(key.stderr.contains(".linterrc:1:1: unknown key 'kkkk"), "\(key.stderr)")
        #expect(key.stderr.count < 300, "\(key.stderr.count) characters")
        try Data("fail_on: \"\(Self.secret)\(String(repeating: "v", count: 5_000))\"\n".utf8).write(to: folder.url.appendingPathComponent(".linterrc"))
        let value = try edlint(["a.md"], in: folder)
        #expect(value.status == 2)
        #expect(value.stderr.contains(".linterrc:1:10"), "\(value.stderr)")
        #expect(value.stderr.count < 400, "\(value.stderr.count) characters")
    }

    @Test func missingRulesPathNamesTheConfigurationLine() throws {
        let folder = try Folder(["a.md": "Fine.\n", ".linterrc": "fail_on: error\nrules_paths:\n  - no-such-pack\n"])
        defer { folder.remove() }
        let result = try edlint(["a.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".linterrc:3:5") && result.stderr.contains("no-such-pack"), "\(result.stderr)")
    }

    // MARK: - Terminal escapes from configurations, rule packs and names

    @Test func escapesFromConfigurationsAndRulePacksReachNoTerminal() throws {
        let escape = "\\e]0;owned\\a\\e[2J"  // YAML's escapes for ESC and BEL, in double quotes
        let folder = try Folder([
            "a.md": "Fine.\n", ".linterrc": "\"bad\(escape)key\": 1\n",
            "pack/style/esc.yml": """
                kind: existence
                summary: "Sum\(escape)mary"
                rationale: r
                message: m
                phrases: [zzyzx]
                examples: {valid: [a], invalid: ['↓zzyzx']}
                """,
        ])
        defer { folder.remove() }
        let config = try edlint(["a.md"], in: folder)
        #expect(config.status == 2)
        #expect(!config.stderr.contains("\u{1B}") && config.stderr.contains("\\u{1B}"), "\(config.stderr)")
        let rules = try edlint(["rules", "--rules", "pack"], in: folder, subcommand: true)
        #expect(rules.status == 0, "\(rules.stderr)")
        #expect(!rules.stdout.contains("\u{1B}") && rules.stdout.contains("Sum\\u{1B}"))
        let explain = try edlint(["explain", "style.esc", "--rules", "pack"], in: folder, subcommand: true)
        #expect(!explain.stdout.contains("\u{1B}") && explain.stdout.contains("Sum\\u{1B}"))
    }

    // MARK: - Never write over an input, never through a link, never replace a device

    @Test func outputFileThatIsAnInputIsRefused() throws {
        let folder = try Folder(["a.md": Self.findings])
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file("report.json"), withDestinationPath: "a.md")
        for target in ["a.md", "report.json"] {
            let result = try edlint(["a.md", "--format", "json", "--output-file", target], in: folder)
            #expect(result.status == 2, "\(target)")
            #expect(result.stderr.contains("one of the files being linted"), "\(result.stderr)")
            #expect(folder.read("a.md") == Self.findings)
        }
        let baseline = try edlint(["a.md", "--write-baseline", "a.md"], in: folder)
        #expect(baseline.status == 2)
        #expect(folder.read("a.md") == Self.findings)
    }

    @Test func outputThroughALinkToAFileIsRefused() throws {
        let folder = try Folder(["a.md": Self.findings, "old.json": "keep\n"])
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file("out.json"), withDestinationPath: "old.json")
        let result = try edlint(["a.md", "--output-file", "out.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("symbolic link"))
        #expect(folder.read("old.json") == "keep\n")
    }

    @Test func devicesAndPipesAreWrittenInPlaceNeverReplaced() throws {
        let folder = try Folder(["a.md": Self.findings])
        defer { folder.remove() }
        // A link to /dev/null stands for the device itself: a rename would replace the link (and,
        // as root, /dev/null itself) with a regular file.
        try FileManager.default.createSymbolicLink(atPath: folder.file("null"), withDestinationPath: "/dev/null")
        let baseline = try edlint(["a.md", "--write-baseline", "null"], in: folder)
        #expect(baseline.status == 0, "\(baseline.stderr)")
        let report = try edlint(["a.md", "--output-file", "null"], in: folder)
        #expect(report.status == 1, "\(report.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("null"))
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        #expect(folder.temporaries().isEmpty)
    }

    @Test func fixLeavesReadOnlyFilesAloneAndSaysSo() throws {
        let folder = try Folder(["ro.md": Self.findings, "rw.md": Self.findings])
        defer { folder.remove() }
        #expect(chmod(folder.file("ro.md"), 0o444) == 0)
        let result = try edlint(["ro.md", "rw.md", "--fix"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("ro.md:1:1: warning [edlint.fix-skipped]") && result.stdout.contains("read-only"), "\(result.stdout)")
        #expect(folder.read("ro.md") == Self.findings)
        #expect(folder.read("rw.md") == "Intro.\n")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.file("ro.md"))[.posixPermissions] as? Int
        #expect(mode == 0o444)
    }

    @Test func fixDoesNotWriteThroughLinksOrSplitHardLinks() throws {
        let folder = try Folder(["target.md": Self.findings, "hard.md": Self.findings])
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.md"), withDestinationPath: "target.md")
        #expect(link(folder.file("hard.md"), folder.file("hard-too.md")) == 0)
        let result = try edlint(["link.md", "hard.md", "--fix"], in: folder)
        #expect(result.stdout.contains("link.md:1:1: warning [edlint.fix-skipped]"), "\(result.stdout)")
        #expect(result.stdout.contains("hard.md:1:1: warning [edlint.fix-skipped]"))
        #expect(folder.read("target.md") == Self.findings && folder.read("hard-too.md") == Self.findings)
    }

    // MARK: - Write errors: a full disk, a closed or vanished reader

    @Test func fullStandardOutputIsAnErrorNotACrash() throws {
        let folder = try Folder(["a.md": Self.findings])
        defer { folder.remove() }
        let result = try shell(#""$EDLINT" a.md > /dev/full"#, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write standard output") && result.stderr.contains("No space left"), "\(result.stderr)")
        let json = try shell(#""$EDLINT" a.md --format sarif > /dev/full"#, in: folder)
        #expect(json.status == 2)
    }

    @Test func closedStandardOutputIsAnError() throws {
        let folder = try Folder(["a.md": Self.findings])
        defer { folder.remove() }
        let result = try shell(#""$EDLINT" a.md >&-"#, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("standard output") && result.stderr.contains("closed"), "\(result.stderr)")
        #expect(folder.read("a.md") == Self.findings)
    }

    @Test func aReaderThatGoesAwayEndsTheOutputQuietly() throws {
        let text = (1...3_000).map { "Studies show claim \($0) holds.\n" }.joined(separator: "\n")
        let folder = try Folder(["many.md": text])
        defer { folder.remove() }
        let result = try shell(#""$EDLINT" many.md --max-findings-per-rule 0 | head -1; exit "${PIPESTATUS[0]}""#, in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("many.md:1:1"))
    }

    @Test func outputFileOnAFullDiskLeavesTheOldReportAndNoTemporary() throws {
        let text = (1...400).map { "Studies show claim \($0) holds.\n" }.joined(separator: "\n")
        let folder = try Folder(["many.md": text, "report.json": "old report\n"])
        defer { folder.remove() }
        // A file-size limit makes any write past 4 kB fail as a full disk does (EFBIG, SIGXFSZ ignored).
        let result = try shell(#"trap '' XFSZ; ulimit -f 4; "$EDLINT" many.md --format json --output-file report.json"#, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write report.json"), "\(result.stderr)")
        #expect(folder.read("report.json") == "old report\n")
        #expect(folder.temporaries().isEmpty, "\(folder.temporaries())")
        let device = try edlint(["many.md", "--output-file", "/dev/full"], in: folder)
        #expect(device.status == 2 && device.stderr.contains("/dev/full"))
    }

    @Test func fixOnAFullDiskLeavesTheFileAndNoTemporary() throws {
        let big = String(repeating: "A paragraph of ordinary words. ", count: 300) + "\n\nRelated Posts\n"
        let folder = try Folder(["big.md": big])
        defer { folder.remove() }
        let result = try shell(#"trap '' XFSZ; ulimit -f 4; "$EDLINT" big.md --fix"#, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write big.md"), "\(result.stderr)")
        #expect(folder.read("big.md") == big)
        #expect(folder.temporaries().isEmpty, "\(folder.temporaries())")
    }

    // MARK: - Temporaries: recognisable, removed when their owner is gone

    /// A process id that is not running: a child that has exited.
    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func staleTemporariesArePointedOutAndRemovedByFix() throws {
        let stale = ".a.md.edlint-tmp-\(try deadProcessID())-1f2e"
        let live = ".b.md.edlint-tmp-\(getpid())-3c4d"
        let folder = try Folder(["a.md": Self.findings, stale: "half", live: "being written"])
        defer { folder.remove() }
        let look = try edlint(["."], in: folder)
        #expect(look.stderr.contains(stale) && look.stderr.contains("interrupted"), "\(look.stderr)")
        #expect(!look.stderr.contains(live))
        #expect(FileManager.default.fileExists(atPath: folder.file(stale)))
        let fix = try edlint([".", "--fix"], in: folder)
        #expect(fix.stderr.contains("removed \(stale)"), "\(fix.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file(stale)))
        #expect(FileManager.default.fileExists(atPath: folder.file(live)))  // its owner (this test) still runs
    }

    @Test(arguments: [SIGKILL, SIGTERM])
    func anInterruptedFixLosesNothingAndLeavesNothingBehind(_ signal: Int32) throws {
        var files: [String: String] = [:]
        for index in 0..<1_000 { files["f\(index).md"] = "Paragraph \(index) of the piece.\n\nRelated Posts\n" }
        let folder = try Folder(files)
        defer { folder.remove() }
        let binary = try #require(Fixtures.edlintBinary)
        let process = Process()
        process.executableURL = binary
        process.arguments = [".", "--fix", "--jobs", "1"]
        process.currentDirectoryURL = folder.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        usleep(400_000)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        // Every file is whole: as it was, or fixed — never cut short.
        for index in 0..<1_000 {
            let text = folder.read("f\(index).md")
            #expect(text == files["f\(index).md"] || text == "Paragraph \(index) of the piece.\n", "f\(index).md: \(text ?? "missing")")
        }
        if signal == SIGTERM { #expect(folder.temporaries().isEmpty, "\(folder.temporaries())") }
        // The next --fix finishes the job and removes what a SIGKILL could leave.
        let again = try edlint([".", "--fix"], in: folder)
        #expect(again.status == 0, "\(again.stdout.prefix(500))\(again.stderr.prefix(500))")
        #expect(folder.temporaries().isEmpty, "\(folder.temporaries())")
    }

    // MARK: - git: options never injected, quoted names never lost

    func gitRepository(_ files: [String: String]) throws -> Folder {
        let folder = try Folder(git: false)
        let setup = try shell(
            "git init -q . && git config user.email t@example.com && git config user.name t && git commit -q --allow-empty -m start",
            in: folder)
        try #require(setup.status == 0, "\(setup.stderr)")
        try Fixtures.write(files, in: folder.url)
        return folder
    }

    static let oddNames = ["my notes.md", "café.md", "tab\there.md", "quote\"d.md", "back\\slash.md", "1:intro.md", "-dash.md"]

    @Test func changedSinceReportsFilesWhoseNamesGitQuotes() throws {
        let folder = try gitRepository(Dictionary(uniqueKeysWithValues: Self.oddNames.map { ($0, "Calm.\n") }))
        defer { folder.remove() }
        let commit = try shell("git add -A && git commit -q -m names", in: folder)
        try #require(commit.status == 0, "\(commit.stderr)")
        // Tracked files changed, and untracked ones with the same kind of names.
        for name in Self.oddNames {
            try Data("Calm.\n\nStudies show it works.\n".utf8).write(to: folder.url.appendingPathComponent(name))
            try Data("Studies show it works.\n".utf8).write(to: folder.url.appendingPathComponent("new " + name))
        }
        let result = try edlint(["--changed-since", "HEAD", "--format", "json", "."], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        var findings: [String: Int] = [:]
        for file in files { findings[file["path"] as? String ?? ""] = (file["diagnostics"] as? [Any])?.count }
        for name in Self.oddNames {
            #expect(findings[name] == 1, "\(name): \(findings[name] ?? 0) findings")
            #expect(findings["new " + name] == 1, "new \(name): \(findings["new " + name] ?? 0) findings")
        }
    }

    @Test func changedSinceNeverPassesAnOptionToGit() throws {
        let folder = try gitRepository(["a.md": Self.findings])
        defer { folder.remove() }
        for reference in ["--help", "--output=/tmp/x", "-p"] {
            let result = try edlint(["--changed-since=\(reference)", "."], in: folder)
            #expect(result.status == 2, "\(reference)")
            #expect(result.stderr.contains("is not a git revision"), "\(result.stderr)")
        }
        let unknown = try edlint(["--changed-since", "no-such-branch", "."], in: folder)
        #expect(unknown.status == 2 && unknown.stderr.contains("no-such-branch"))
    }

    @Test func shallowCloneSaysHowToFetchHistory() throws {
        let origin = try gitRepository(["a.md": "One.\n"])
        defer { origin.remove() }
        let history = try shell(
            "git add -A && git commit -q -m one && git branch target && for i in 1 2 3; do echo $i >> a.md; git commit -qam $i; done",
            in: origin)
        try #require(history.status == 0, "\(history.stderr)")
        let clone = try Folder(git: false)
        defer { clone.remove() }
        let cloned = try shell("git clone -q --depth 1 --no-single-branch file://\(origin.path) .", in: clone)
        try #require(cloned.status == 0, "\(cloned.stderr)")
        let result = try edlint(["--changed-since", "origin/target", "."], in: clone)
        #expect(result.status == 2)
        #expect(result.stderr.contains("shallow") && result.stderr.contains("GIT_DEPTH: 0"), "\(result.stderr)")
    }

    // MARK: - The pre-commit hook

    @Test func installedHookRunsNothingFromItsPathAndLintsEveryStagedName() throws {
        let folder = try gitRepository([".linterrc": "exclude: [\"drafts/**\"]\n"])
        defer { folder.remove() }
        let binary = try #require(Fixtures.edlintBinary)
        let oddFolder = folder.file("bin $(touch PWNED) it's")
        try FileManager.default.createDirectory(atPath: oddFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary.path, toPath: oddFolder + "/edlint")
        let install = try Run.process(URL(fileURLWithPath: oddFolder + "/edlint"), ["install-hook"], in: folder.url, timeout: 60)
        #expect(install.status == 0, "\(install.stderr)")
        let names = Self.oddNames + ["NOTES.MD", "README"]
        for name in names { try Data("Studies show it works.\n".utf8).write(to: folder.url.appendingPathComponent(name)) }
        try Fixtures.write(["drafts/wip.md": "Studies show the draft.\n"], in: folder.url)
        // git sends a hook's standard output to its standard error.
        var blocked = try shell("unset EDLINT; git add -A -- . ':!bin*' && git commit -q -m odd", in: folder)
        blocked.stdout += blocked.stderr
        #expect(blocked.status == 1, "\(blocked.stdout)")
        for name in names {
            #expect(blocked.stdout.contains("\(name.replacingOccurrences(of: "\t", with: " ")):1:1: warning [unsupported-claim.unnamed-research]"), "\(name)")
        }
        #expect(!blocked.stdout.contains("wip.md"))
        #expect(blocked.stdout.components(separatedBy: "Found ").count == 2)  // one summary
        #expect(!FileManager.default.fileExists(atPath: folder.file("PWNED")))
        // The index is linted, not the working tree: cleaned and staged, the commit goes through.
        for name in names { try Data("Calm words.\n".utf8).write(to: folder.url.appendingPathComponent(name)) }
        let passes = try shell("unset EDLINT; git add -A -- . ':!bin*' && git commit -q -m calm", in: folder)
        #expect(passes.status == 0, "\(passes.stdout)\(passes.stderr)")
        // A hook whose binary is gone says so, and blocks.
        try FileManager.default.removeItem(atPath: oddFolder)
        try Data("More.\n".utf8).write(to: folder.url.appendingPathComponent("more.md"))
        let missing = try shell("unset EDLINT; export PATH=/usr/bin:/bin; git add more.md && git commit -q -m more", in: folder)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("edlint is not at"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("PWNED")))
    }

    @Test func hookScriptNamesItsBinaryAsOneShellWord() throws {
        let binary = try #require(Fixtures.edlintBinary)
        let folder = try gitRepository([:])
        defer { folder.remove() }
        for name in ["my tools", "$(touch PWNED)", "it's `x`", "a\"b$HOME;x"] {
            let directory = folder.file("tools/\(name)")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: directory + "/edlint", withDestinationPath: binary.path)
            let install = try Run.process(URL(fileURLWithPath: directory + "/edlint"), ["install-hook", "--force"], in: folder.url, timeout: 60)
            #expect(install.status == 0, "\(install.stderr)")
            // The hook's own assignment, evaluated by bash, gives the path back unchanged.
            let read = try shell(#"eval "$(grep '^installed=' .git/hooks/pre-commit)"; printf '%s' "$installed""#, in: folder)
            #expect(read.stdout == directory + "/edlint", "\(name) came back as \(read.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("PWNED")))
    }

    // MARK: - Names and depth

    @Test func aFileWhoseNameIsNotUTF8IsLintedAndShownEscaped() throws {
        let folder = try Folder()
        defer { folder.remove() }
        var path = Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".md".utf8)
        path.append(0)
        let descriptor = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        try #require(descriptor >= 0)
        let text = Array(Self.findings.utf8)
        #expect(write(descriptor, text, text.count) == text.count)
        close(descriptor)
        let result = try edlint(["."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("caf\\xE9.md:3:1: warning [boilerplate.related-content]"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("dangling"))
    }

    /// FileManager cannot remove paths this deep (and takes minutes to fail); python walks the
    /// chain down and removes it bottom-up by relative steps.
    func removeDeepFolders(in folder: Folder) {
        _ = try? shell(
            """
            [ -d d ] || exit 0
            python3 -c '
            import os
            os.chdir("d")
            depth = 1
            while os.path.isdir("d") or os.path.isdir("e"):
                os.chdir("d" if os.path.isdir("d") else "e"); depth += 1
            while depth > 0:
                for name in os.listdir("."):
                    if not os.path.isdir(name): os.remove(name)
                os.chdir(".."); depth -= 1
                for name in ("d", "e"):
                    if os.path.isdir(name): os.rmdir(name)
            '
            """, in: folder, timeout: 120)
    }

    @Test func deepFoldersAreWalkedInLinearTimeAndOverlongPathsReported() throws {
        let folder = try Folder()
        defer {
            removeDeepFolders(in: folder)
            folder.remove()
        }
        // 1,000 levels, then on to 10,000 (far past PATH_MAX), built with relative steps.
        // (bash's `cd` re-reads the whole path at every step; python's `os.chdir` does not.)
        let build = try shell(
            """
            python3 -c '
            import os
            for _ in range(1000): os.mkdir("d"); os.chdir("d")
            open("deep.md", "w").write("Intro.\\n\\nRelated Posts\\n")
            for _ in range(9000): os.mkdir("e"); os.chdir("e")
            open("deeper.md", "w").write("Intro.\\n\\nRelated Posts\\n")
            '
            """, in: folder, timeout: 120)
        try #require(build.status == 0, "\(build.stderr)")
        let result = try edlint([".", "--format", "json"], in: folder)
        #expect(result.status == 1, "exit \(result.status) (15 or 9: killed after 60 s)")
        #expect(result.stdout.contains("/deep.md\""))
        #expect(result.stdout.contains("path too long to name"))
        #expect(!result.stdout.contains("deeper.md"))
    }

    // MARK: - Findings per rule are capped

    @Test func findingsPerRuleAreCappedAndCounted() throws {
        let text = (1...1_000).map { "Studies show claim \($0) holds.\n" }.joined(separator: "\n")
        let folder = try Folder(["many.md": text, "word.txt": String(repeating: "the ", count: 500_000) + "\n"])
        defer { folder.remove() }
        let capped = try edlint(["many.md", "--format", "json"], in: folder)
        #expect(capped.status == 1)
        #expect(capped.stdout.components(separatedBy: "\"rule\" : \"unsupported-claim.unnamed-research\"").count - 1 == 300)
        #expect(capped.stdout.contains("700 more findings of unsupported-claim.unnamed-research in this file not shown"))
        let all = try edlint(["many.md", "--format", "json", "--max-findings-per-rule", "0"], in: folder)
        #expect(all.stdout.components(separatedBy: "\"rule\" : \"unsupported-claim.unnamed-research\"").count - 1 == 1_000)
        let configured = try Folder(["many.md": text, ".linterrc": "max_findings_per_rule: 10\n"])
        defer { configured.remove() }
        let ten = try edlint(["many.md", "--format", "json"], in: configured)
        #expect(ten.stdout.components(separatedBy: "\"rule\" : \"unsupported-claim.unnamed-research\"").count - 1 == 10)
        // One word repeated half a million times: a bounded report, and it finishes.
        let word = try edlint(["word.txt", "--format", "json"], in: folder)
        #expect(word.status == 1, "exit \(word.status) (15 or 9: killed after 60 s)")
        #expect(word.stdout.contains("edlint.findings-capped"))
        #expect(word.stdout.utf8.count < 2_000_000)
    }

    // MARK: - Formats edlint does not read

    @Test func aNamedFileInAnUnsupportedFormatIsAnErrorNotAPass() throws {
        let folder = try Folder(["page.html": "<p>Studies show it.</p>\n", "notes.docx": "x"])
        defer { folder.remove() }
        let result = try edlint(["page.html", "notes.docx"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("page.html: error [edlint.unsupported-format]"))
        #expect(result.stdout.contains("notes.docx: error [edlint.unsupported-format]"))
        #expect(result.stderr.contains("no file was linted"))
        let stdin = try edlint(["-", "--stdin-filename", "x.html"], in: folder, stdin: "<p>x</p>")
        #expect(stdin.status == 1 && stdin.stdout.contains("edlint.unsupported-format"))
    }
}

/// Review follow-ups: paths where a run could look clean without having checked everything.
struct NeverCleanUncheckedTests {
    func run(_ arguments: [String], files: [String: [UInt8]]) throws -> (ProcessResult, URL) {
        let binary = try #require(Fixtures.edlintBinary)
        let root = Fixtures.temporaryDirectory("edlint-unchecked")
        try Fixtures.write([".git/HEAD": "ref: refs/heads/main\n"], in: root)
        for (name, bytes) in files { try Data(bytes).write(to: root.appendingPathComponent(name)) }
        return (try Run.process(binary, arguments + ["--color", "never"], in: root, timeout: 60), root)
    }

    @Test func aFileNotReadIsReportedWhateverTheMinimumSeverity() throws {
        let (result, root) = try run(["bin.md", "--min-severity", "error"], files: ["bin.md": [0x41, 0x00, 0x42]])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.stdout.contains("[edlint.binary-file]"), "\(result.stdout)")
        #expect(!result.stdout.contains("All clear"))
        #expect(result.stderr.contains("no file was linted"))
    }

    @Test func nothingLintedIsNotAllClear() throws {
        let (result, root) = try run(["."], files: ["image.png": [0x89, 0x50]])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(result.status == 0)
        #expect(!result.stdout.contains("All clear") && result.stdout.contains("Nothing was linted"), "\(result.stdout)")
    }

    @Test func theCapCountsOnlyWhatABaselineLeaves() throws {
        let old = (1...400).map { "Studies show old claim \($0) holds.\n" }.joined(separator: "\n")
        let (record, root) = try run(["a.md", "--write-baseline", "base.json"], files: ["a.md": Array(old.utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stderr.contains("recorded 400 findings"), "\(record.stderr)")  // all, not the capped 300
        let binary = try #require(Fixtures.edlintBinary)
        let clean = try Run.process(binary, ["a.md", "--baseline", "base.json", "--color", "never"], in: root, timeout: 60)
        #expect(clean.status == 0, "\(clean.stdout.suffix(400))")  // every old finding hidden, the summary included
        try Data((old + "\nStudies show a new claim.\n").utf8).write(to: root.appendingPathComponent("a.md"))
        let fresh = try Run.process(binary, ["a.md", "--baseline", "base.json", "--color", "never"], in: root, timeout: 60)
        #expect(fresh.status == 1 && fresh.stdout.contains("a new claim"), "\(fresh.stdout.suffix(400))")
    }
}
