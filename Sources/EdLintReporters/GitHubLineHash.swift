import EdLintCore

/// GitHub's `primaryLocationLineHash`, computed exactly as GitHub's upload-sarif action computes
/// it (codeql-action's `fingerprints.ts`): a rolling hash over the first 100 characters (UTF-16
/// code units) from each line's start, spaces and tabs skipped, line endings folded to LF, with
/// `:n` counting earlier lines of the same hash. A SARIF log carrying the same value gets no
/// "inconsistent fingerprint" warning from upload-sarif and needs nothing computed when it is
/// uploaded through the REST API instead. edlint's own identity is `edlintContent/v1`.
public enum GitHubLineHash {
    static let blockSize = 100
    static let modulus: Int64 = 37
    static let endOfFile: Int64 = 65_535

    /// The hash of every line of `bytes` (UTF-8), by 1-based line number (index 0 unused).
    public static func lineHashes(of bytes: [UInt8]) -> [String] {
        var firstMod: Int64 = 1
        for _ in 0..<blockSize { firstMod = firstMod &* modulus }
        var window = [Int64](repeating: 0, count: blockSize)
        var lineNumbers = [Int](repeating: -1, count: blockSize)
        var hash: Int64 = 0
        var index = 0
        var lineNumber = 0
        var lineStart = true
        var previousCR = false
        var counts: [UInt64: Int] = [:]
        var result = [""]

        func output() {
            let value = UInt64(bitPattern: hash)
            let count = (counts[value] ?? 0) + 1
            counts[value] = count
            let line = lineNumbers[index]
            while result.count <= line { result.append("") }
            result[line] = String(value, radix: 16) + ":\(count)"
            lineNumbers[index] = -1
        }
        func update(_ current: Int64) {
            let begin = window[index]
            window[index] = current
            hash = modulus &* hash &+ current &- firstMod &* begin
            index = (index + 1) % blockSize
        }
        func process(_ unit: Int64) {
            var current = unit
            if current == 0x20 || current == 0x09 || (previousCR && current == 0x0A) {
                previousCR = false
                return
            }
            if current == 0x0D {
                current = 0x0A
                previousCR = true
            } else {
                previousCR = false
            }
            if lineNumbers[index] != -1 { output() }
            if lineStart {
                lineStart = false
                lineNumber += 1
                lineNumbers[index] = lineNumber
            }
            if current == 0x0A { lineStart = true }
            update(current)
        }
        for unit in String(decoding: bytes, as: UTF8.self).utf16 { process(Int64(unit)) }
        process(endOfFile)
        for _ in 0..<blockSize {
            if lineNumbers[index] != -1 { output() }
            update(0)
        }
        return result
    }
}
