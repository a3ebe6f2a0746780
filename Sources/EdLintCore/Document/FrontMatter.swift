/// Finds YAML (`---` … `---`/`...`) or TOML (`+++` … `+++`) front matter at the top of a Markdown file.
/// Unterminated front matter is not front matter: the file is read as Markdown from its first line.
enum FrontMatter {
    static func range(in bytes: [UInt8], lines: LineIndex) -> ByteRange? {
        guard lines.count >= 2 else { return nil }
        let first = lines.contentRange(ofLine: 0, in: bytes)
        let opener = trimmedTrailing(bytes[first])
        let closers: [[UInt8]]
        switch opener {
        case Array("---".utf8): closers = [Array("---".utf8), Array("...".utf8)]
        case Array("+++".utf8): closers = [Array("+++".utf8)]
        default: return nil
        }
        for line in 1..<lines.count {
            let content = lines.contentRange(ofLine: line, in: bytes)
            if closers.contains(trimmedTrailing(bytes[content])) {
                return first.lowerBound..<content.upperBound
            }
        }
        return nil
    }

    private static func trimmedTrailing(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        var result = Array(slice)
        while let last = result.last, last == 0x20 || last == 0x09 { result.removeLast() }
        return result
    }
}
