import Foundation

/// A compiled set of phrases and patterns, one PCRE2 alternation. `alternativeGroups[i]` is the
/// capture group that wraps alternative `i` when the set was compiled with `capturing: true`.
struct Matcher: Sendable {
    let pattern: PCRE2Pattern
    let alternativeGroups: [Int]

    /// Compiles alternatives that were each checked on their own (so errors name their own line).
    init(alternatives: [String], caseInsensitive: Bool, capturing: Bool, location: FileLocation) throws(RuleLoadError) {
        var groups: [Int] = []
        var parts: [String] = []
        var nextGroup = 1
        let options: PCRE2Pattern.Options = caseInsensitive ? [.caseInsensitive] : []
        for alternative in alternatives {
            if capturing {
                groups.append(nextGroup)
                parts.append("(" + alternative + ")")
                let inner = (try? PCRE2Pattern(alternative, options: options).captureCount) ?? 0
                nextGroup += 1 + inner
            } else {
                parts.append("(?:" + alternative + ")")
            }
        }
        let combined = parts.joined(separator: "|")
        do {
            self.pattern = try PCRE2Pattern(combined, options: options)
        } catch {
            throw .invalidPattern(location, pattern: combined, message: error.message, offset: error.offset)
        }
        self.alternativeGroups = groups
    }

    /// Which alternative produced `match` (for capturing matchers).
    func alternativeIndex(of match: PatternMatch) -> Int? {
        alternativeGroups.firstIndex { match.group($0) != nil }
    }
}

/// Reads `phrases:` and `patterns:` into checked alternatives.
enum AlternativesReader {
    static func read(
        phrases: YAMLValue?, patterns: YAMLValue?, caseInsensitive: Bool, phraseKey: String = "phrases",
        patternKey: String = "patterns"
    ) throws(RuleLoadError) -> [String] {
        var alternatives: [String] = []
        if let phrases {
            let list: [(String, FileLocation)]
            do { list = try phrases.strings(key: phraseKey) } catch { throw .shape(error) }
            for (phrase, location) in list {
                guard !phrase.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw .shape(.invalidValue(location, key: phraseKey, message: "a phrase cannot be empty"))
                }
                alternatives.append(PhrasePattern.alternative(for: phrase))
            }
            alternatives = PhrasePattern.factoringWordBoundaries(alternatives)
        }
        if let patterns {
            let list: [(String, FileLocation)]
            do { list = try patterns.strings(key: patternKey) } catch { throw .shape(error) }
            for (pattern, location) in list {
                try checked(pattern, caseInsensitive: caseInsensitive, location: location)
                alternatives.append(pattern)
            }
        }
        return alternatives
    }

    /// Compiles one user pattern alone, so that its error names its own line and offset.
    static func checked(_ pattern: String, caseInsensitive: Bool, location: FileLocation) throws(RuleLoadError) {
        let compiled: PCRE2Pattern
        do {
            compiled = try PCRE2Pattern(pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            throw .invalidPattern(location, pattern: pattern, message: error.message, offset: error.offset)
        }
        if compiled.matchesEmptyString { throw .emptyMatch(location, pattern: pattern) }
    }
}

/// A match of a YAML rule, in prose coordinates of one block.
struct ProseMatch {
    var unit: ScopeUnit
    var match: PatternMatch
    var range: Range<Int> { match.range }
}

/// Shared matching for the YAML kinds: scope units, skip regions and exceptions.
struct MatchScanner: Sendable {
    var scope: RuleScope
    var skip: Set<SkipRegion>
    var exceptions: PCRE2Pattern?

    /// Every accepted match of `matcher` in `document`, unit by unit.
    func matches(of matcher: Matcher, in document: Document, applyingFilters: Bool = true) throws(RuleFailure) -> [ProseMatch] {
        var found: [ProseMatch] = []
        var quotedCache: (block: Int, ranges: [Range<Int>])?
        let matchData: PCRE2Pattern.MatchData
        do { matchData = try PCRE2Pattern.MatchData(for: matcher.pattern) } catch {
            throw RuleFailure(message: error.message, range: 0..<0)
        }
        for unit in scope.units(of: document) {
            let block = document.blocks[unit.block]
            var unitMatches: [PatternMatch] = []
            var failure: PatternMatchError?
            block.prose.bytes.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[unit.range])
                do throws(PatternMatchError) {
                    try matcher.pattern.forEachMatch(in: slice, using: matchData) { match in
                        unitMatches.append(match.shifted(by: unit.range.lowerBound))
                        return true
                    }
                } catch { failure = error }
            }
            if let failure {
                throw RuleFailure(message: failure.message, range: block.prose.sourceRange(of: unit.range))
            }
            for match in unitMatches {
                if applyingFilters {
                    if !skip.isEmpty {
                        if quotedCache?.block != unit.block, skip.contains(.quotes) {
                            quotedCache = (unit.block, QuoteFinder.quotedRanges(in: block.prose.bytes))
                        }
                        if isSkipped(match.range, in: block, quoted: quotedCache?.ranges ?? []) { continue }
                    }
                    if let exceptions, isException(match.range, in: block, exceptions: exceptions) { continue }
                }
                found.append(ProseMatch(unit: unit, match: match))
            }
        }
        return found
    }

    /// Whether `matcher` matches anywhere in `range` of `block` (no filters: used to find support).
    func contains(_ matcher: Matcher, in block: Block, range: Range<Int>) throws(RuleFailure) -> Bool {
        var found = false
        var failure: PatternMatchError?
        block.prose.bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            do throws(PatternMatchError) {
                try matcher.pattern.forEachMatch(in: slice) { _ in
                    found = true
                    return false
                }
            } catch { failure = error }
        }
        if let failure { throw RuleFailure(message: failure.message, range: block.prose.sourceRange(of: range)) }
        return found
    }

    private func isSkipped(_ range: Range<Int>, in block: Block, quoted: [Range<Int>]) -> Bool {
        if skip.contains(.quotes), quoted.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) {
            return true
        }
        for span in block.spans {
            switch span.kind {
            case .link where skip.contains(.links):
                if span.proseRange.lowerBound <= range.lowerBound && range.upperBound <= span.proseRange.upperBound { return true }
            case .code where skip.contains(.code):
                if span.proseRange.overlaps(range) { return true }
            default: continue
            }
        }
        return false
    }

    private func isException(_ range: Range<Int>, in block: Block, exceptions: PCRE2Pattern) -> Bool {
        let text = Array(block.prose.bytes[range])
        return ((try? exceptions.firstMatch(in: text)) ?? nil) != nil
    }
}

extension PatternMatch {
    func shifted(by delta: Int) -> PatternMatch {
        PatternMatch(
            range: (range.lowerBound + delta)..<(range.upperBound + delta),
            groups: groups.map { $0.map { ($0.lowerBound + delta)..<($0.upperBound + delta) } })
    }
}

/// A diagnostic message with `{placeholders}`, checked when the rule loads.
struct MessageTemplate: Sendable {
    let text: String

    init(_ text: String, allowed: [String], location: FileLocation) throws(RuleLoadError) {
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            guard let close = text[open...].firstIndex(of: "}") else { break }
            let name = String(text[text.index(after: open)..<close])
            if !allowed.contains(name) {
                throw .unknownPlaceholder(location, placeholder: name, allowed: allowed)
            }
            index = text.index(after: close)
        }
        self.text = text
    }

    /// One pass over the template (a long line can yield hundreds of thousands of messages).
    func render(_ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            guard let close = text[open...].firstIndex(of: "}") else { break }
            result += text[index..<open]
            let name = String(text[text.index(after: open)..<close])
            result += values[name] ?? String(text[open...close])
            index = text.index(after: close)
        }
        result += text[index...]
        return result
    }

    /// A match as it reads in a message (see `TextExcerpt`).
    static func quote(_ bytes: ArraySlice<UInt8>) -> String { TextExcerpt.quote(bytes) }
}

/// Text quoted in a message: whitespace folded, cut to `limit` characters with an ellipsis.
/// Shared by the YAML kinds and the structural rules, so every message quotes alike.
public enum TextExcerpt {
    public static func quote(_ bytes: ArraySlice<UInt8>, limit: Int = 80) -> String {
        let folded = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return folded.count > limit ? String(folded.prefix(limit - 1)) + "…" : folded
    }
}
