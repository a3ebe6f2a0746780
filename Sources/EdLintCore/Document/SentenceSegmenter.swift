/// Splits a block's prose into sentences.
///
/// A sentence ends at `.`, `!`, `?` or an ellipsis, after any closing quotes and brackets, when
/// whitespace and a sentence start (a capital, a digit, or an opening quote or bracket before one)
/// follow. A period after a title (Mr., Dr., St., No.) never ends a sentence; after an initial
/// (J. R. R.) or an abbreviation that can also close one (U.S., Inc., etc., Jan.) it does only
/// when the next word is one that usually opens a sentence ("The", "He", "But"…).
public enum SentenceSegmenter {
    /// Abbreviations that stand before a name or number and never end a sentence.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "ft", "gen", "sen", "rep", "gov", "lt", "col", "capt",
        "sgt", "cpl", "pvt", "adm", "cmdr", "rev", "fr", "hon", "pres", "supt", "insp", "det", "no", "nos", "vol",
        "vols", "fig", "figs", "pp", "p", "ch", "sec", "art", "op", "cf", "viz", "approx", "ca", "c", "ed", "eds",
        "e.g", "i.e", "al", "vs", "v",
    ]

    /// Abbreviations that may also end a sentence.
    static let ambiguous: Set<String> = [
        "inc", "ltd", "co", "corp", "llc", "plc", "bros", "jr", "sr", "etc", "esq", "ave", "blvd", "rd", "u.s",
        "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "dept", "univ",
        "assn", "est", "min", "max", "km", "kg", "lb", "lbs", "oz", "ph.d", "m.d", "b.a", "m.a", "d.c", "n.y",
    ]

    /// Words that usually open a sentence; after an ambiguous abbreviation they signal a boundary.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
        "but", "and", "or", "so", "yet", "in", "on", "at", "for", "his", "her", "their", "its", "our", "my", "your",
        "as", "after", "before", "when", "while", "if", "however", "meanwhile", "still", "then", "one", "some",
        "many", "most", "all", "both", "what", "why", "how", "who", "where", "not", "no", "with", "by", "from",
        "according", "despite", "although", "though", "since", "because", "officials", "analysts", "critics",
        "last", "next", "earlier", "later", "today", "yesterday", "now", "also", "such", "each", "every",
    ]

    public static func sentences(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let count = bytes.count
        var start = skipSpaces(bytes, from: 0)
        var index = start
        while index < count {
            let terminatorLength = terminatorLength(bytes, at: index)
            guard terminatorLength > 0 else {
                index += 1
                continue
            }
            let terminatorStart = index
            var afterTerminator = index + terminatorLength
            while afterTerminator < count, self.terminatorLength(bytes, at: afterTerminator) > 0 {
                afterTerminator += self.terminatorLength(bytes, at: afterTerminator)
            }
            var sentenceEnd = afterTerminator
            while sentenceEnd < count, let closer = closerLength(bytes, at: sentenceEnd) { sentenceEnd += closer }
            guard sentenceEnd < count, isSpace(bytes[sentenceEnd]) else {
                index = max(afterTerminator, index + 1)
                continue
            }
            let next = skipSpaces(bytes, from: sentenceEnd)
            if next < count,
                isBoundary(bytes, terminatorStart: terminatorStart, terminatorEnd: afterTerminator, next: next)
            {
                result.append(start..<sentenceEnd)
                start = next
            }
            index = next
        }
        var end = count
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        if end > start { result.append(start..<end) }
        return result
    }

    private static func isBoundary(_ bytes: [UInt8], terminatorStart: Int, terminatorEnd: Int, next: Int) -> Bool {
        guard startsSentence(bytes, at: next) else { return false }
        let isSinglePeriod = terminatorEnd - terminatorStart == 1 && bytes[terminatorStart] == 0x2E
        guard isSinglePeriod else { return true }
        let word = wordBefore(bytes, end: terminatorStart)
        if word.isEmpty { return true }
        let lower = word.lowercased()
        if titles.contains(lower) { return false }
        // An initial ("J. K. Rowling") ends a sentence only before a typical opener ("Plan B. The …").
        let isInitial = word.unicodeScalars.count == 1 && (word.unicodeScalars.first?.properties.isUppercase ?? false)
        if isInitial || ambiguous.contains(lower) || isDottedAbbreviation(word) {
            return sentenceOpeners.contains(wordAfter(bytes, start: next).lowercased())
        }
        return true
    }

    /// "U.S", "e.g", "a.m": letters separated by single periods.
    private static func isDottedAbbreviation(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.count == 1 && ($0.first?.isLetter ?? false) }
    }

    private static func wordBefore(_ bytes: [UInt8], end: Int) -> String {
        var start = end
        while start > 0, !isSpace(bytes[start - 1]), !isOpener(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func wordAfter(_ bytes: [UInt8], start: Int) -> String {
        var index = start
        while index < bytes.count, let opener = openerLength(bytes, at: index) { index += opener }
        var end = index
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    private static func startsSentence(_ bytes: [UInt8], at index: Int) -> Bool {
        var position = index
        while position < bytes.count, let opener = openerLength(bytes, at: position) { position += opener }
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        if byte >= 0x41 && byte <= 0x5A { return true }  // A–Z
        if byte >= 0x30 && byte <= 0x39 { return true }  // 0–9
        if byte < 0x80 { return false }
        // A non-ASCII capital (É, Ö, Ł…).
        let scalar = String(decoding: bytes[position..<min(bytes.count, position + 4)], as: UTF8.self).unicodeScalars.first
        return scalar?.properties.isUppercase ?? false
    }

    /// Whether `bytes` end a sentence: a terminator (`.`, `!`, `?`, `…`, or one of `alsoEnding`,
    /// ASCII marks such as `:`) before any closing quotes, brackets and spaces at the end.
    public static func endsWithTerminator(_ bytes: ArraySlice<UInt8>, alsoEnding: Set<UInt8> = []) -> Bool {
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let byte = bytes[end - 1]
            if isSpace(byte) || byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D {
                end -= 1
            } else if end - bytes.startIndex >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, byte == 0x9D || byte == 0x99 {
                end -= 3  // ” ’
            } else if end - bytes.startIndex >= 2, bytes[end - 2] == 0xC2, byte == 0xBB {
                end -= 2  // »
            } else {
                break
            }
        }
        guard end > bytes.startIndex else { return false }
        let last = bytes[end - 1]
        if last == 0x2E || last == 0x21 || last == 0x3F || alsoEnding.contains(last) { return true }
        return end - bytes.startIndex >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && last == 0xA6  // …
    }

    /// `.`, `!`, `?` or `…` at `index`.
    private static func terminatorLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x2E || byte == 0x21 || byte == 0x3F { return 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 { return 3 }
        return 0
    }

    /// Closing quotes and brackets that stay with the sentence they close: " ' ) ] ” ’ ».
    private static func closerLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D { return 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99 {
            return 3
        }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xBB { return 2 }
        return nil
    }

    /// Opening quotes and brackets before a sentence's first word: " ' ( [ “ ‘ «.
    private static func openerLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B { return 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98 {
            return 3
        }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xAB { return 2 }
        return nil
    }

    private static func isOpener(_ byte: UInt8) -> Bool { byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B }
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    private static func skipSpaces(_ bytes: [UInt8], from index: Int) -> Int {
        var position = index
        while position < bytes.count, isSpace(bytes[position]) { position += 1 }
        return position
    }
}
