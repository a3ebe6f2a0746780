/// Text made safe and measurable for a terminal.
///
/// Linted text can hold escape sequences and bidirectional controls; printed raw they could
/// recolour, move or hide output. Every such scalar is shown escaped (`\u{1B}`).
public enum TerminalText {
    /// `text` with control and bidi-control scalars escaped, tabs as one space.
    public static func sanitized(_ text: String) -> String {
        // Most text needs nothing: printable ASCII and ordinary letters.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return sanitized(scalars: text.unicodeScalars)
    }

    /// `sanitized` for scalars already decoded (the code frame's window), built as UTF-8 bytes.
    static func sanitized<Scalars: Sequence<Unicode.Scalar>>(scalars: Scalars) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            if scalar == "\t" {
                utf8.append(0x20)
            } else if isUnsafe(scalar) {
                utf8.append(contentsOf: ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}").utf8)
            } else if scalar.value < 0x80 {
                utf8.append(UInt8(scalar.value))
            } else if let encoded = UTF8.encode(scalar) {  // always succeeds for a scalar
                utf8.append(contentsOf: encoded)
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// Columns a scalar takes in a terminal: 0 for combining marks and joiners, 2 for wide
    /// East Asian characters and emoji, 1 otherwise.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }  // printable ASCII, most of any text
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(value) { return 0 }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value) || (0x20000...0x3FFFD).contains(value)
            || (0x2600...0x27BF).contains(value) && scalar.properties.isEmojiPresentation
        {
            return 2
        }
        return 1
    }

    public static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }
}

/// ANSI styling, applied only when colour is on.
struct Styler {
    var enabled: Bool

    func paint(_ text: String, _ codes: String) -> String {
        enabled ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func gutter(_ text: String) -> String { paint(text, "1;34") }

    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: paint(text, "1;31")
        case .warning: paint(text, "1;33")
        case .info: paint(text, "1;36")
        }
    }
}

import EdLintCore
