import Algorithms

/// The visible prose of one block as UTF-8 bytes, with a map back to source byte offsets.
///
/// Markup is gone (emphasis markers, link destinations, container prefixes), line breaks inside a
/// block are one space, and inline code is one placeholder character. Rules match on `bytes`
/// and turn match ranges into source ranges through `sourceRange(of:)`, so positions never drift.
public struct ProseText: Sendable {
    /// A run of prose bytes that came from a run of source bytes. When both lengths agree the run
    /// maps byte for byte; otherwise (an entity, an escape, a line break, a code span) it maps whole.
    public struct Segment: Sendable, Hashable {
        public var proseStart: Int
        public var proseLength: Int
        public var sourceStart: Int
        public var sourceLength: Int

        var proseEnd: Int { proseStart + proseLength }
        var isExact: Bool { proseLength == sourceLength }
    }

    public private(set) var bytes: [UInt8] = []
    public private(set) var segments: [Segment] = []

    public init() {}

    public var isEmpty: Bool { bytes.isEmpty }
    public var count: Int { bytes.count }
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public func string(in range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    /// Appends prose that came from `sourceLength` bytes at `sourceStart`.
    public mutating func append<C: Collection>(_ prose: C, sourceStart: Int, sourceLength: Int)
    where C.Element == UInt8 {
        guard !prose.isEmpty else { return }
        if let last = segments.last, last.isExact, prose.count == sourceLength,
            last.sourceStart + last.sourceLength == sourceStart, last.proseEnd == bytes.count
        {
            segments[segments.count - 1].proseLength += prose.count
            segments[segments.count - 1].sourceLength += sourceLength
        } else {
            segments.append(
                Segment(
                    proseStart: bytes.count, proseLength: prose.count, sourceStart: sourceStart,
                    sourceLength: sourceLength))
        }
        bytes.append(contentsOf: prose)
    }

    /// Appends a single space standing for a line break (or other separator) at `sourceStart`.
    public mutating func appendSeparator(sourceStart: Int, sourceLength: Int) {
        guard bytes.last != 0x20, !bytes.isEmpty else { return }
        append(CollectionOfOne(0x20), sourceStart: sourceStart, sourceLength: sourceLength)
    }

    /// Gives back the spare room appending left (a block's prose is kept for the whole run; grown
    /// line by line it may hold up to twice its size).
    public mutating func compact() {
        bytes = bytes.withoutSpareRoom()
        segments = segments.withoutSpareRoom()
    }

    /// Drops trailing spaces (a block never ends in a separator).
    public mutating func trimTrailingSpaces() {
        while bytes.last == 0x20, let last = segments.last {
            bytes.removeLast()
            if last.proseLength <= 1 {
                segments.removeLast()
            } else {
                segments[segments.count - 1].proseLength -= 1
                if last.isExact { segments[segments.count - 1].sourceLength -= 1 }
            }
        }
    }

    /// The segment holding prose offset `offset` (for an end offset, the one it closes).
    private func segmentIndex(for offset: Int, asEnd: Bool) -> Int? {
        guard !segments.isEmpty else { return nil }
        // The first segment the offset is not beyond; past them all, the last.
        let index = segments.partitioningIndex { asEnd ? offset <= $0.proseEnd : offset < $0.proseEnd }
        return min(index, segments.count - 1)
    }

    /// The source offset where prose offset `offset` starts.
    public func sourceStart(of offset: Int) -> Int {
        guard let index = segmentIndex(for: offset, asEnd: false) else { return 0 }
        let segment = segments[index]
        if offset >= segment.proseEnd { return segment.sourceStart + segment.sourceLength }
        return segment.isExact ? segment.sourceStart + max(0, offset - segment.proseStart) : segment.sourceStart
    }

    /// The source offset where a prose range ending (exclusively) at `offset` ends.
    public func sourceEnd(of offset: Int) -> Int {
        guard let index = segmentIndex(for: offset, asEnd: true) else { return 0 }
        let segment = segments[index]
        if offset <= segment.proseStart { return segment.sourceStart }
        return segment.isExact
            ? segment.sourceStart + min(segment.proseLength, offset - segment.proseStart)
            : segment.sourceStart + segment.sourceLength
    }

    /// The source byte range that a prose byte range came from.
    public func sourceRange(of range: Range<Int>) -> ByteRange {
        let start = sourceStart(of: range.lowerBound)
        if range.isEmpty { return start..<start }
        return start..<max(start, sourceEnd(of: range.upperBound))
    }

    /// The source range of the whole block's prose: from its lowest to its highest source byte
    /// (segments normally ascend, but a misreported inline position must not yield an inverted range).
    public var sourceExtent: ByteRange {
        guard var lower = segments.first?.sourceStart else { return 0..<0 }
        var upper = lower
        for segment in segments {
            lower = min(lower, segment.sourceStart)
            upper = max(upper, segment.sourceStart + segment.sourceLength)
        }
        return lower..<upper
    }
}

extension Array {
    /// The same elements in storage of their own size when more than a thirty-second of the
    /// capacity is unused (for arrays kept for a whole run), else the array itself.
    public func withoutSpareRoom() -> [Element] {
        guard capacity - count > Swift.max(16, count / 32) else { return self }
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
