import Algorithms
import Foundation

/// A file's original bytes with a line index. Every position in edlint is a byte offset into `bytes`.
public struct SourceFile: Sendable {
    /// The path as shown to the user.
    public let path: String
    /// The file's bytes exactly as read (BOM and line endings untouched).
    public let bytes: [UInt8]
    /// 3 when the file starts with a UTF-8 byte order mark, else 0.
    public let bomLength: Int
    public let lines: LineIndex
    /// Where `location(of:)` last counted (shared by copies; guarded by a lock).
    private let locationCache = LocationCache()

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.lines = LineIndex(bytes: bytes, contentStart: bomLength)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The bytes of `range` decoded as text (ranges always fall on character boundaries).
    public func text(in range: ByteRange) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }
}

/// Line starts of a buffer. Lines end at LF, CRLF or a lone CR — the same three endings
/// CommonMark recognises, so cmark's line numbers and ours agree.
public struct LineIndex: Sendable {
    /// Byte offset of the first byte of each line; `starts[0]` skips a BOM.
    public let starts: [Int]
    private let byteCount: Int

    public init(bytes: [UInt8], contentStart: Int = 0) {
        var starts = [contentStart]
        var index = contentStart
        let count = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        self.starts = starts
        self.byteCount = count
    }

    public var count: Int { starts.count }

    /// The offset at which 0-based line `line` starts.
    public func start(ofLine line: Int) -> Int { starts[line] }

    /// The 0-based line containing `offset` (an offset at the very end belongs to the last line).
    public func lineIndex(containing offset: Int) -> Int {
        max(0, starts.partitioningIndex { $0 > offset } - 1)
    }

    /// The byte range of 0-based line `line`, without its line ending.
    public func contentRange(ofLine line: Int, in bytes: [UInt8]) -> ByteRange {
        let start = starts[line]
        var end = line + 1 < starts.count ? starts[line + 1] : byteCount
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}

/// A 1-based line and column, made only when rendering output.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var line: Int
    /// Column in Unicode scalars (1-based).
    public var column: Int
    /// Column in UTF-16 code units (1-based), as SARIF and editors count.
    public var utf16Column: Int
    /// UTF-8 byte offset into the file.
    public var offset: Int

    public init(line: Int, column: Int, utf16Column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column
        self.offset = offset
    }
}

extension SourceFile {
    /// The 1-based location of a byte offset. Offsets asked in increasing order on one line
    /// (findings are sorted) continue counting where the last one stopped, and a long line gets
    /// checkpoints every few kilobytes, so a long line with many findings — and notes pointing
    /// back along it — costs one pass, not one pass per finding.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = lines.lineIndex(containing: clamped)
        let lineStart = min(lines.starts[line], clamped)
        var (position, scalars, utf16) = (lineStart, 0, 0)
        if clamped - lineStart >= LocationCache.checkpointStride {
            let checkpoints = locationCache.checkpoints(forLine: line) { lineCheckpoints(line) }
            let slot = min((clamped - lineStart) / LocationCache.checkpointStride, checkpoints.count - 1)
            (position, scalars, utf16) = (lineStart + slot * LocationCache.checkpointStride, checkpoints[slot].scalars, checkpoints[slot].utf16)
        }
        if let last = locationCache.load(), last.line == line, last.offset <= clamped, last.offset >= position {
            (position, scalars, utf16) = (last.offset, last.counts.scalars, last.counts.utf16)
        }
        (scalars, utf16) = counting(from: position, to: clamped, scalars: scalars, utf16: utf16)
        locationCache.store(LocationCache.Anchor(line: line, offset: clamped, counts: .init(scalars: scalars, utf16: utf16)))
        return SourceLocation(line: line + 1, column: scalars + 1, utf16Column: utf16 + 1, offset: clamped)
    }

    /// Scalars and UTF-16 units in `position..<end`, added to the counts so far.
    private func counting(from position: Int, to end: Int, scalars: Int, utf16: Int) -> (scalars: Int, utf16: Int) {
        var (scalars, utf16) = (scalars, utf16)
        bytes.withUnsafeBufferPointer { buffer in
            for index in position..<end {
                let byte = buffer[index]
                if byte & 0xC0 != 0x80 {  // not a continuation byte: a new scalar starts here
                    scalars += 1
                    utf16 += byte >= 0xF0 ? 2 : 1
                }
            }
        }
        return (scalars, utf16)
    }

    /// Counts at every `checkpointStride` bytes of 0-based line `line`.
    private func lineCheckpoints(_ line: Int) -> [LocationCache.Counts] {
        let (lineStart, lineEnd) = (lines.starts[line], lines.contentRange(ofLine: line, in: bytes).upperBound)
        var checkpoints = [LocationCache.Counts(scalars: 0, utf16: 0)]
        var counts = (scalars: 0, utf16: 0)
        var position = lineStart
        while position + LocationCache.checkpointStride <= lineEnd {
            counts = counting(from: position, to: position + LocationCache.checkpointStride, scalars: counts.scalars, utf16: counts.utf16)
            position += LocationCache.checkpointStride
            checkpoints.append(LocationCache.Counts(scalars: counts.scalars, utf16: counts.utf16))
        }
        return checkpoints
    }
}

/// The last position `SourceFile.location(of:)` computed.
final class LocationCache: @unchecked Sendable {
    struct Anchor {
        var line: Int
        var offset: Int
        var counts: Counts
    }

    struct Counts {
        var scalars: Int
        var utf16: Int
    }

    /// Bytes between checkpoints on a long line.
    static let checkpointStride = 4_096

    private let lock = NSLock()
    private var anchor: Anchor?
    private var lineCheckpoints: [Int: [Counts]] = [:]

    func load() -> Anchor? {
        lock.lock()
        defer { lock.unlock() }
        return anchor
    }

    func store(_ new: Anchor) {
        lock.lock()
        anchor = new
        lock.unlock()
    }

    func checkpoints(forLine line: Int, make: () -> [Counts]) -> [Counts] {
        lock.lock()
        defer { lock.unlock() }
        if let known = lineCheckpoints[line] { return known }
        let made = make()
        lineCheckpoints[line] = made
        return made
    }
}
