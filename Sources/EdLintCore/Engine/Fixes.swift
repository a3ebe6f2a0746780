import Foundation

/// Safe, mechanical fixes: substitution replacements, deleting a paragraph repeated word for
/// word, deleting a block that is nothing but boilerplate. `--fix` writes them; `--diff` shows them.
public enum Fixes {
    /// A fix that deletes a whole block: its lines, and the blank lines after it (or before it,
    /// at the end of the file), so the text around it stays as it was.
    public static func deletion(of block: Block, in source: SourceFile) -> Fix {
        let range = block.sourceRange
        let firstLine = source.lines.lineIndex(containing: range.lowerBound)
        let lastLine = source.lines.lineIndex(containing: max(range.lowerBound, range.upperBound - 1))
        func isBlank(_ line: Int) -> Bool {
            source.bytes[source.lines.contentRange(ofLine: line, in: source.bytes)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        var start = source.lines.starts[firstLine]
        var next = lastLine + 1
        while next < source.lines.count, isBlank(next) { next += 1 }
        var end = next < source.lines.count ? source.lines.starts[next] : source.bytes.count
        if next >= source.lines.count {
            // Last block: take the blank lines before it instead, and its own line ending.
            var previous = firstLine - 1
            while previous >= 0, isBlank(previous) { previous -= 1 }
            if previous >= 0 {
                start = source.lines.contentRange(ofLine: previous, in: source.bytes).upperBound
                end = source.lines.contentRange(ofLine: lastLine, in: source.bytes).upperBound
            }
        }
        return Fix(range: start..<end, replacement: "")
    }

    /// Applies non-overlapping fixes (the first of overlapping ones wins); returns the new bytes
    /// and the fixes applied.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Fix]) {
        var chosen: [Fix] = []
        for fix in fixes.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = chosen.last, fix.range.lowerBound < last.range.upperBound { continue }
            if fix.range.upperBound > bytes.count { continue }
            chosen.append(fix)
        }
        var result = bytes
        for fix in chosen.reversed() {
            result.replaceSubrange(fix.range, with: Array(fix.replacement.utf8))
        }
        return (result, chosen)
    }

    /// A unified diff of one file's change (three lines of context).
    public static func unifiedDiff(path: String, old: [UInt8], new: [UInt8]) -> String {
        let before = lines(old)
        let after = lines(new)
        guard before != after else { return "" }
        // The changed middle: strip the common head and tail.
        var head = 0
        while head < before.count, head < after.count, before[head] == after[head] { head += 1 }
        var tail = 0
        while tail < before.count - head, tail < after.count - head,
            before[before.count - 1 - tail] == after[after.count - 1 - tail]
        {
            tail += 1
        }
        let context = 3
        let start = max(0, head - context)
        let oldEnd = min(before.count, before.count - tail + context)
        let newEnd = min(after.count, after.count - tail + context)
        var text = "--- a/\(path)\n+++ b/\(path)\n"
        text += "@@ -\(start + 1),\(oldEnd - start) +\(start + 1),\(newEnd - start) @@\n"
        for line in before[start..<head] { text += " " + line }
        for line in before[head..<(before.count - tail)] { text += "-" + line }
        for line in after[head..<(after.count - tail)] { text += "+" + line }
        for line in before[(before.count - tail)..<oldEnd] { text += " " + line }
        if !text.hasSuffix("\n") { text += "\n\\ No newline at end of file\n" }
        return text
    }

    private static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }
}
