/// Lines changed since a git revision, from `git diff --unified=0` output, by path (relative to
/// the repository root). `--changed-since` keeps only findings on these lines; the documents are
/// still linted whole, so a changed paragraph that repeats an unchanged one is still found.
public struct ChangedLines: Sendable {
    /// 1-based inclusive line ranges on the new side, by repository-relative path.
    public private(set) var ranges: [String: [ClosedRange<Int>]] = [:]
    /// Files git does not track yet: every line counts as changed.
    public var untracked: Set<String> = []

    public init() {}

    /// Parses `git diff --unified=0` output.
    public init(diff: String) {
        var path: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                let name = line.dropFirst(4)
                path = name == "/dev/null" ? nil : String(name.hasPrefix("b/") ? name.dropFirst(2) : name)
            } else if line.hasPrefix("@@ "), let path {
                // @@ -a,b +c,d @@
                guard let plus = line.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
                let numbers = plus.dropFirst().split(separator: ",")
                guard let start = numbers.first.flatMap({ Int($0) }) else { continue }
                let count = numbers.count > 1 ? Int(numbers[1]) ?? 1 : 1
                if count > 0 { ranges[path, default: []].append(start...(start + count - 1)) }
            }
        }
    }

    /// Whether lines `first...last` of `path` touch a change.
    public func touches(path: String, lines: ClosedRange<Int>) -> Bool {
        if untracked.contains(path) { return true }
        return ranges[path]?.contains { $0.overlaps(lines) } ?? false
    }

    /// Keeps the findings on changed lines (and edlint's own notices about files).
    public func filter(_ reports: [FileReport], repositoryRoot: String) -> [FileReport] {
        let root = repositoryRoot.hasSuffix("/") ? repositoryRoot : repositoryRoot + "/"
        return reports.map { report in
            let absolute = FileCollector.absolute(report.path)
            let path = absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : report.path
            let kept = report.diagnostics.filter { diagnostic in
                if diagnostic.category == .edlint { return true }
                let first = report.source.location(of: diagnostic.range.lowerBound).line
                let last = max(first, report.source.location(of: max(diagnostic.range.lowerBound, diagnostic.range.upperBound - 1)).line)
                return touches(path: path, lines: first...last)
            }
            return FileReport(source: report.source, diagnostics: kept)
        }
    }
}
