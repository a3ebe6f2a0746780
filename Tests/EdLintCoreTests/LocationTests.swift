import EdLintCore
import Testing

/// `SourceFile.location(of:)` counts columns from checkpoints on long lines and continues from
/// the last answer; whatever the order of the questions, it must agree with counting from the
/// start of the line.
struct LocationTests {
    /// Columns by brute force: scalars and UTF-16 units from the line start.
    static func expected(_ offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int, utf16: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let text = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
        return (line, text.unicodeScalars.count + 1, text.utf16.count + 1)
    }

    @Test func longMultibyteLinesInAnyOrder() {
        // Three long lines of mixed widths (é, —, 😀, CJK), one with CRLF.
        let piece = "Café — 😀 naïve 東京 résumé. "
        let text = String(repeating: piece, count: 900) + "\r\n" + String(repeating: "ascii words only ", count: 800) + "\n"
            + String(repeating: piece, count: 700)
        let bytes = Array(text.utf8)
        let source = SourceFile(path: "long.txt", bytes: bytes)
        // Offsets on character boundaries, asked forwards, backwards and jumping about.
        var boundaries: [Int] = []
        for index in bytes.indices where bytes[index] & 0xC0 != 0x80 { boundaries.append(index) }
        var state: UInt64 = 42
        var picks: [Int] = []
        for _ in 0..<600 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            picks.append(boundaries[Int(state >> 33) % boundaries.count])
        }
        for offset in picks + picks.sorted() + picks.sorted(by: >) + [0, bytes.count] {
            let location = source.location(of: offset)
            let truth = Self.expected(offset, in: bytes)
            #expect(location.line == truth.line && location.column == truth.column && location.utf16Column == truth.utf16, "offset \(offset)")
        }
    }
}
