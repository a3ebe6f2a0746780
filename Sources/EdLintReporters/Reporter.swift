import EdLintCore
import Foundation

/// What every reporter renders: the files with their findings, and the rules that ran.
public struct Report: Sendable {
    public let files: [FileReport]
    public var rules: [RuleDescription]

    private let sourcesByPath: [String: SourceFile]

    public init(files: [FileReport], rules: [RuleDescription]) {
        self.files = files
        self.rules = rules
        self.sourcesByPath = Dictionary(files.map { ($0.path, $0.source) }, uniquingKeysWith: { first, _ in first })
    }

    public var summary: LintSummary { LintSummary(reports: files) }

    /// The source of another file in the run, for related locations that point across files.
    public func source(forPath path: String) -> SourceFile? {
        sourcesByPath[path]
    }
}

/// An output format. Reporters are instances (they take options) and produce typed output.
public protocol Reporter {
    func render(_ report: Report) -> String
    /// The same text, handed to `sink` in pieces as it is made, so a run with hundreds of
    /// thousands of findings never holds its whole output at once. By default, `render` whole.
    func write(_ report: Report, to sink: (String) -> Void)
}

extension Reporter {
    public func write(_ report: Report, to sink: (String) -> Void) { sink(render(report)) }
}

/// `render` for reporters that stream: the pieces joined.
func collected(_ write: ((String) -> Void) -> Void) -> String {
    var text = ""
    write { text += $0 }
    return text
}

/// Each non-empty line after the first indented by `spaces` (nesting a pretty-printed JSON value
/// that was encoded on its own; the encoder leaves the blank line of an empty array empty).
func indentingFollowingLines(_ text: String, by spaces: Int) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    var atLineStart = false
    for byte in text.utf8 {
        if atLineStart, byte != 0x0A { bytes.append(contentsOf: repeatElement(0x20, count: spaces)) }
        bytes.append(byte)
        atLineStart = byte == 0x0A
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes `skeleton` — a pretty-printed encoding whose array under `key` (a key at
/// `keyIndent` spaces) is empty — with that array's items encoded and written one at a time, so
/// a huge array is never held encoded at once. The bytes are those of encoding the value with
/// the items in place. Returns false, writing nothing, when the skeleton has no such array.
func writeSplicing<Item: Encodable>(
    _ skeleton: String, arrayKey key: String, keyIndent: Int, items: ((Item) -> Void) -> Void, to sink: (String) -> Void
) -> Bool {
    let opening = "\n" + String(repeating: " ", count: keyIndent) + "\"" + key + "\" : ["
    guard let open = skeleton.range(of: opening), let close = skeleton[open.upperBound...].firstIndex(of: "]") else { return false }
    sink(String(skeleton[..<open.upperBound]))
    let itemIndent = String(repeating: " ", count: keyIndent + 2)
    var written = 0
    // `items` and `sink` are both the caller's non-escaping closures; one is called from inside
    // the other only for the duration of this call.
    withoutActuallyEscaping(sink) { sink in
        items { item in
            let encoded = indentingFollowingLines(String(encodeJSON(item).dropLast()), by: keyIndent + 2)
            sink((written == 0 ? "\n" : ",\n") + itemIndent + encoded)
            written += 1
        }
    }
    sink(written == 0 ? String(skeleton[open.upperBound...close]) : "\n" + String(repeating: " ", count: keyIndent) + "]")
    sink(String(skeleton[skeleton.index(after: close)...]))
    return true
}

/// Stable, readable JSON for the JSON-based formats: sorted keys, unescaped slashes.
func encodeJSON<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
}

/// The formats `--format` accepts; one reporter file each.
public enum OutputFormat: String, CaseIterable, Sendable {
    case human
    case json
    case sarif
    case github
    case rdjson
    case checkstyle
    case junit
    case gitlab
}
