/// A word of prose: its lowercased text, where it is, and what kind of word it is.
public struct Token: Sendable, Hashable {
    public var text: String
    /// Byte range in the prose it was read from.
    public var range: Range<Int>
    /// Digits, with optional decimal point or thousands separators ("1,650", "4.4").
    public var isNumber: Bool
    /// Starts with a capital letter (a name, or the first word of a sentence).
    public var isCapitalized: Bool
}

/// Splits prose into words: runs of letters and digits, keeping apostrophes inside words
/// ("hasn't") and separators inside numbers ("1,650", "0.11"). A possessive "'s" is dropped
/// ("Russia's" → "russia"); curly apostrophes count as straight ones.
public enum Tokenizer {
    public static func tokens(in bytes: [UInt8], range: Range<Int>? = nil) -> [Token] {
        let span = range ?? 0..<bytes.count
        var tokens: [Token] = []
        var index = span.lowerBound
        let end = span.upperBound
        while index < end {
            guard let (scalar, length) = decode(bytes, at: index, end: end) else {
                index += 1
                continue
            }
            guard isWordScalar(scalar) else {
                index += length
                continue
            }
            let start = index
            var text = ""
            var allDigits = true
            var position = index
            while position < end, let (current, currentLength) = decode(bytes, at: position, end: end) {
                if isWordScalar(current) {
                    text.unicodeScalars.append(contentsOf: current.properties.lowercaseMapping.unicodeScalars)
                    if !("0"..."9").contains(current) { allDigits = false }
                    position += currentLength
                    continue
                }
                // Inner apostrophes join letters; inner . and , join digits.
                let isApostrophe = current == "'" || current == "’"
                let isNumberSeparator = (current == "." || current == ",") && allDigits
                if isApostrophe || isNumberSeparator, position + currentLength < end,
                    let (next, _) = decode(bytes, at: position + currentLength, end: end), isWordScalar(next),
                    !isNumberSeparator || ("0"..."9").contains(next)
                {
                    if isApostrophe { text += "'" } else if current == "." { text += "." }
                    position += currentLength
                    continue
                }
                break
            }
            if text.hasSuffix("'s") { text.removeLast(2) }
            let first = decode(bytes, at: start, end: end)?.0
            tokens.append(
                Token(
                    text: text, range: start..<position, isNumber: allDigits && !text.isEmpty,
                    isCapitalized: first?.properties.isUppercase ?? false))
            index = position
        }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The scalar at `index` and its UTF-8 length.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + length <= end else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = (value << 6) | (UInt32(bytes[index + offset]) & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
