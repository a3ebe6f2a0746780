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
    /// The words of `range` (all of `bytes` by default), at most `limit` of them.
    public static func tokens(in bytes: [UInt8], range: Range<Int>? = nil, limit: Int = .max) -> [Token] {
        var tokens: [Token] = []
        scanWords(in: bytes, range: range, limit: limit) { word, lowercased in
            tokens.append(
                Token(
                    text: String(decoding: lowercased, as: UTF8.self), range: word.range, isNumber: word.isNumber,
                    isCapitalized: word.isCapitalized))
        }
        return tokens
    }

    /// How many words `bytes` holds, counting no further than `limit`.
    public static func wordCount(in bytes: [UInt8], limit: Int = .max) -> Int {
        var count = 0
        scanWords(in: bytes, limit: limit) { _, _ in count += 1 }
        return count
    }

    /// Where a word is and what kind of word it is, without its text (see `scanWords`).
    public struct WordSpan: Sendable {
        public var range: Range<Int>
        public var isNumber: Bool
        public var isCapitalized: Bool
    }

    /// Calls `body` for every word with its lowercased UTF-8 (possessive "'s" dropped) in a buffer
    /// that is reused for the next word — the allocation-free path for hashing whole documents.
    /// Stops after `limit` words.
    public static func scanWords(
        in bytes: [UInt8], range: Range<Int>? = nil, limit: Int = .max, _ body: (WordSpan, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var remaining = limit
        let span = (range ?? 0..<bytes.count).clamped(to: 0..<bytes.count)
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var index = span.lowerBound
        let end = span.upperBound
        while index < end, remaining > 0 {
            guard let (scalar, length) = decode(bytes, at: index, end: end) else {
                index += 1
                continue
            }
            guard isWordScalar(scalar) else {
                index += length
                continue
            }
            let start = index
            // Lowercased UTF-8 of the word; ASCII (most text) is lowercased byte by byte.
            word.removeAll(keepingCapacity: true)
            var allDigits = true
            var position = index
            while position < end, let (current, currentLength) = decode(bytes, at: position, end: end) {
                if isWordScalar(current) {
                    if current.value < 0x80 {
                        let byte = UInt8(current.value)
                        word.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                        if byte < 0x30 || byte > 0x39 { allDigits = false }
                    } else {
                        word.append(contentsOf: current.properties.lowercaseMapping.utf8)
                        allDigits = false
                    }
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
                    if isApostrophe { word.append(0x27) } else if current == "." { word.append(0x2E) }
                    position += currentLength
                    continue
                }
                break
            }
            let count = word.count
            if count >= 2, word[count - 2] == 0x27, word[count - 1] == 0x73 { word.removeLast(2) }  // "'s"
            let isCapitalized = scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
            let found = WordSpan(range: start..<position, isNumber: allDigits && !word.isEmpty, isCapitalized: isCapitalized)
            word.withUnsafeBufferPointer { body(found, $0) }
            remaining -= 1
            index = position
        }
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
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
