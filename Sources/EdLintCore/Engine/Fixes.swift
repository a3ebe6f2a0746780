import Algorithms
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

    /// A unified diff of applying `fixes` (as `apply` chose them) to `old`: one minimal hunk per
    /// group of changed lines, with three lines of context, groups whose context would touch
    /// merged — what `diff -u` and `git diff` write, and what `patch` and `git apply` accept.
    public static func unifiedDiff(path: String, old: [UInt8], fixes: [Fix]) -> String {
        let applied = apply(fixes, to: old).applied
        guard !applied.isEmpty else { return "" }
        let lines = lineStarts(old)
        func lineIndex(containing offset: Int) -> Int {
            lines.partitioningIndex { $0 > offset } - 1
        }
        func lineEnd(_ index: Int) -> Int { index + 1 < lines.count ? lines[index + 1] : old.count }
        // Each fix widened to whole lines; fixes sharing a line become one change.
        var changes: [(firstLine: Int, lastLine: Int, fixes: [Fix])] = []
        for fix in applied {
            let first = lineIndex(containing: min(fix.range.lowerBound, max(0, old.count - 1)))
            let last = fix.range.isEmpty ? first : lineIndex(containing: fix.range.upperBound - 1)
            if let previous = changes.last, first <= previous.lastLine {
                changes[changes.count - 1].lastLine = max(previous.lastLine, last)
                changes[changes.count - 1].fixes.append(fix)
            } else {
                changes.append((first, last, [fix]))
            }
        }
        let context = 3
        var text = "--- a/\(path)\n+++ b/\(path)\n"
        var shift = 0  // new line number minus old line number, before the current hunk
        var index = 0
        while index < changes.count {
            // A hunk: this change and every following one whose context would overlap it.
            var end = index
            while end + 1 < changes.count, changes[end + 1].firstLine - changes[end].lastLine - 1 <= 2 * context { end += 1 }
            let hunkFirst = max(0, changes[index].firstLine - context)
            let hunkLast = min(lines.count - 1, changes[end].lastLine + context)
            var body: [UInt8] = []
            var oldCount = 0
            var newCount = 0
            var line = hunkFirst
            func contextLine(_ number: Int) {
                appendLine(" ", old[lines[number]..<lineEnd(number)], to: &body)
                oldCount += 1
                newCount += 1
            }
            for change in changes[index...end] {
                while line < change.firstLine {
                    contextLine(line)
                    line += 1
                }
                let start = lines[change.firstLine]
                let stop = lineEnd(change.lastLine)
                for number in change.firstLine...change.lastLine {
                    appendLine("-", old[lines[number]..<lineEnd(number)], to: &body)
                    oldCount += 1
                }
                let shifted = change.fixes.map { Fix(range: ($0.range.lowerBound - start)..<($0.range.upperBound - start), replacement: $0.replacement) }
                let replaced = apply(shifted, to: Array(old[start..<stop])).bytes
                for piece in splitLines(replaced) {
                    appendLine("+", piece, to: &body)
                    newCount += 1
                }
                line = change.lastLine + 1
            }
            while line <= hunkLast {
                contextLine(line)
                line += 1
            }
            let oldStart = oldCount == 0 ? hunkFirst : hunkFirst + 1
            let newStart = newCount == 0 ? hunkFirst + shift : hunkFirst + shift + 1
            text += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            text += String(decoding: body, as: UTF8.self)
            shift += newCount - oldCount
            index = end + 1
        }
        return text
    }

    /// A diff line: its mark, its text, and git's marker when the text has no line ending.
    private static func appendLine(_ mark: String, _ line: ArraySlice<UInt8>, to body: inout [UInt8]) {
        body.append(contentsOf: mark.utf8)
        body.append(contentsOf: line)
        if line.last != 0x0A { body.append(contentsOf: "\n\\ No newline at end of file\n".utf8) }
    }

    /// Where each line starts (LF-terminated lines; CRLF keeps its CR in the line).
    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A && index + 1 < bytes.count { starts.append(index + 1) }
        return starts
    }

    private static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        guard !bytes.isEmpty else { return [] }
        let starts = lineStarts(bytes)
        return starts.indices.map { bytes[starts[$0]..<(($0 + 1) < starts.count ? starts[$0 + 1] : bytes.count)] }
    }
}
