import CPCRE2

/// A pattern that did not compile: PCRE2's own message and the offset in the pattern.
public struct PatternCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var message: String
    public var offset: Int

    public var description: String { "invalid pattern at offset \(offset): \(message)" }
}

/// A match that PCRE2 gave up on (match, depth or heap limit) or another matching failure.
public struct PatternMatchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var message: String

    public var description: String { message }
}

/// One match: the byte range of the whole match and of each capture group (nil when unset).
public struct PatternMatch: Sendable {
    public var range: Range<Int>
    public var groups: [Range<Int>?]

    public func group(_ number: Int) -> Range<Int>? {
        number == 0 ? range : (number <= groups.count ? groups[number - 1] : nil)
    }
}

/// A compiled PCRE2 pattern over UTF-8 bytes: compiled once (UTF + UCP), JIT-compiled when the
/// platform allows, with match and depth limits so that no pattern can hang a run.
///
/// The compiled code is immutable after `init` and PCRE2 documents it as shareable between
/// threads; each match call uses its own match data.
public final class PCRE2Pattern: @unchecked Sendable {
    public struct Options: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 1)
    }

    /// Limits that stop catastrophic backtracking: a hit limit is an error for that file, never a hang.
    public struct Limits: Sendable, Hashable {
        public var match: UInt32
        public var depth: UInt32
        public var heapKiB: UInt32
        public init(match: UInt32 = 2_000_000, depth: UInt32 = 10_000, heapKiB: UInt32 = 32_768) {
            self.match = match
            self.depth = depth
            self.heapKiB = heapKiB
        }
    }

    public let source: String
    public let captureCount: Int
    private let code: OpaquePointer
    private let matchContext: OpaquePointer?
    private let isJITCompiled: Bool

    public init(_ pattern: String, options: Options = [], limits: Limits = Limits()) throws(PatternCompileError) {
        self.source = pattern
        var flags = UInt32(PCRE2_UTF | PCRE2_UCP)
        if options.contains(.caseInsensitive) { flags |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let utf8 = Array(pattern.utf8)
        let compiled = utf8.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternCompileError(pattern: pattern, message: Self.message(for: errorCode), offset: errorOffset)
        }
        self.code = compiled
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        self.captureCount = Int(captures)
        let context = pcre2_match_context_create_8(nil)
        if let context {
            pcre2_set_match_limit_8(context, limits.match)
            pcre2_set_depth_limit_8(context, limits.depth)
            pcre2_set_heap_limit_8(context, limits.heapKiB)
        }
        self.matchContext = context
    }

    deinit {
        if let matchContext { pcre2_match_context_free_8(matchContext) }
        pcre2_code_free_8(code)
    }

    /// Calls `body` with every non-empty match in `text` (valid UTF-8), left to right, until it returns false.
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ body: (PatternMatch) -> Bool
    ) throws(PatternMatchError) {
        try forEachMatch(in: text, from: start, using: try MatchData(for: self), body)
    }

    /// The scratch space PCRE2 fills on each match. A scan that calls the same pattern once per
    /// sentence makes one and passes it along, instead of allocating one per call. Not shareable
    /// between threads (the pattern is).
    public final class MatchData {
        fileprivate let pointer: OpaquePointer
        fileprivate let pattern: PCRE2Pattern

        public init(for pattern: PCRE2Pattern) throws(PatternMatchError) {
            guard let pointer = pcre2_match_data_create_from_pattern_8(pattern.code, nil) else {
                throw PatternMatchError(pattern: pattern.source, message: "out of memory creating match data")
            }
            self.pointer = pointer
            self.pattern = pattern
        }

        deinit { pcre2_match_data_free_8(pointer) }
    }

    /// `forEachMatch` with match data made beforehand for this pattern.
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, using data: MatchData, _ body: (PatternMatch) -> Bool
    ) throws(PatternMatchError) {
        precondition(data.pattern === self, "match data belongs to another pattern")
        let matchData = data.pointer
        let subject = text.baseAddress ?? UnsafePointer(bitPattern: 1)
        var offset = start
        var useJIT = isJITCompiled
        while offset <= text.count {
            let matchOptions = UInt32(PCRE2_NO_UTF_CHECK) | (useJIT ? 0 : UInt32(PCRE2_NO_JIT))
            let result = pcre2_match_8(code, subject, text.count, offset, matchOptions, matchData, matchContext)
            if result == PCRE2_ERROR_NOMATCH { return }
            if result == PCRE2_ERROR_JIT_STACKLIMIT && useJIT {
                useJIT = false  // the interpreter has its own (heap-limited) stack
                continue
            }
            if result < 0 { throw PatternMatchError(pattern: source, message: Self.limitMessage(for: result)) }
            guard let ovector = pcre2_get_ovector_pointer_8(matchData) else { return }
            let matchStart = ovector[0]
            let matchEnd = ovector[1]
            if matchEnd <= matchStart {
                // Empty matches report nothing; step over one character.
                offset = Self.nextCharacter(after: max(offset, matchStart), in: text)
                continue
            }
            var groups: [Range<Int>?] = []
            if captureCount > 0 {
                groups.reserveCapacity(captureCount)
                let unset = edlint_pcre2_unset()
                for group in 1...captureCount {
                    let lower = ovector[2 * group]
                    let upper = ovector[2 * group + 1]
                    groups.append(lower == unset ? nil : lower..<upper)
                }
            }
            if !body(PatternMatch(range: matchStart..<matchEnd, groups: groups)) { return }
            offset = matchEnd
        }
    }

    /// Every non-empty match in `bytes`.
    public func matches(in bytes: [UInt8]) throws(PatternMatchError) -> [PatternMatch] {
        var found: [PatternMatch] = []
        var failure: PatternMatchError?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(PatternMatchError) {
                try forEachMatch(in: buffer) { match in
                    found.append(match)
                    return true
                }
            } catch { failure = error }
        }
        if let failure { throw failure }
        return found
    }

    /// Whether the pattern matches anywhere in `bytes`.
    public func firstMatch(in bytes: [UInt8]) throws(PatternMatchError) -> PatternMatch? {
        var found: PatternMatch?
        var failure: PatternMatchError?
        bytes.withUnsafeBufferPointer { buffer in
            do throws(PatternMatchError) {
                try forEachMatch(in: buffer) { match in
                    found = match
                    return false
                }
            } catch { failure = error }
        }
        if let failure { throw failure }
        return found
    }

    /// Whether the pattern can match the empty string (such a pattern reports nothing useful).
    public var matchesEmptyString: Bool {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return false }
        defer { pcre2_match_data_free_8(matchData) }
        var empty: UInt8 = 0
        return pcre2_match_8(code, &empty, 0, 0, 0, matchData, matchContext) >= 0
    }

    private static func nextCharacter(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            pcre2_get_error_message_8(errorCode, pointer.baseAddress, pointer.count)
        }
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(errorCode)"
    }

    private static func limitMessage(for errorCode: Int32) -> String {
        switch errorCode {
        case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT:
            "pattern gave up (\(message(for: errorCode))): it backtracks too much on this text"
        default:
            "matching failed: \(message(for: errorCode))"
        }
    }

    /// Escapes `text` so that it matches literally.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            if "\\^$.|?*+()[]{}#-/".unicodeScalars.contains(character) { escaped.append("\\") }
            escaped.unicodeScalars.append(character)
        }
        return escaped
    }
}
