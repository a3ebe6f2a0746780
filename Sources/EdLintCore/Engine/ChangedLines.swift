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
                let name = Self.unquoted(String(line.dropFirst(4)))
                path = name == "/dev/null" ? nil : (name.hasPrefix("b/") ? String(name.dropFirst(2)) : name)
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

    /// A path as git writes it in a diff header: C-quoted (`"caf\\303\\251.md"`) when it holds
    /// a quote, backslash, control or non-ASCII byte, and followed by a tab when it holds a space.
    public static func unquoted(_ field: String) -> String {
        guard field.hasPrefix("\""), field.count >= 2 else {
            return field.hasSuffix("\t") ? String(field.dropLast()) : field
        }
        var bytes: [UInt8] = []
        var input = Array(field.utf8.dropFirst())
        if input.last == 0x09 { input.removeLast() }
        if input.last == 0x22 { input.removeLast() }
        var index = 0
        while index < input.count {
            let byte = input[index]
            guard byte == 0x5C, index + 1 < input.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            let next = input[index + 1]
            index += 2
            switch next {
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                // Three octal digits: one byte of the name's UTF-8.
                var value = Int(next - 0x30)
                var digits = 1
                while digits < 3, index < input.count, (0x30...0x37).contains(input[index]) {
                    value = value * 8 + Int(input[index] - 0x30)
                    index += 1
                    digits += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default: bytes.append(next)  // \" and \\
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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
            var filtered = report
            filtered.diagnostics = kept
            return filtered
        }
    }
}
