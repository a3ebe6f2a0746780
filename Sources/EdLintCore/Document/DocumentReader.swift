/// Why a file could not be linted. Each is reported as a diagnostic for that file; the run goes on.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidUTF8(path: String, offset: Int)
    case binary(path: String, offset: Int)
    case utf16(path: String)
    /// A symbolic link met while walking a folder that points outside it (not followed).
    case linkLeavesTree(path: String, target: String)
    /// A file named explicitly in a format edlint does not read (`.html`, `.docx`, …).
    case unsupportedFormat(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read file: \(reason)"
        case .invalidUTF8(let path, let offset):
            "\(path): not valid UTF-8 (first bad byte at offset \(offset)); save the file as UTF-8"
        case .binary(let path, let offset): "\(path): contains a NUL byte at offset \(offset); skipped as binary"
        case .utf16(let path): "\(path): is UTF-16 (byte order mark found); save the file as UTF-8"
        case .linkLeavesTree(let path, let target):
            "\(path): symbolic link to \(target.isEmpty ? "an unresolvable target" : target), outside the linted folder; not followed (--follow-symlinks lints it)"
        case .unsupportedFormat(let path):
            "\(path): edlint does not read this format (it reads Markdown: .md, .markdown, .mdx; plain text: .txt, .text, no extension); not linted"
        }
    }

    /// The file the problem is about.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .invalidUTF8(let path, _), .binary(let path, _), .utf16(let path), .linkLeavesTree(let path, _),
            .unsupportedFormat(let path):
            path
        }
    }

    /// The byte offset the problem is at (0 when it concerns the whole file).
    public var offset: Int {
        switch self {
        case .invalidUTF8(_, let offset), .binary(_, let offset): offset
        case .unreadable, .utf16, .linkLeavesTree, .unsupportedFormat: 0
        }
    }
}

/// Turns bytes into a `Document`: checks the encoding, then reads Markdown or plain text.
public enum DocumentReader {
    public static func read(path: String, bytes: [UInt8], format: DocumentFormat) -> Result<Document, InputError> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.utf16(path: path))
        }
        if let nul = bytes.firstIndex(of: 0) { return .failure(.binary(path: path, offset: nul)) }
        if let bad = firstInvalidUTF8Offset(bytes) { return .failure(.invalidUTF8(path: path, offset: bad)) }
        let source = SourceFile(path: path, bytes: bytes)
        switch format {
        case .markdown:
            guard let document = MarkdownReader.read(source) else {
                return .failure(.unreadable(path: path, reason: "the Markdown parser could not allocate memory for it"))
            }
            return .success(document)
        case .plainText: return .success(PlainTextReader.read(source))
        }
    }

    /// Markdown parsed in pieces of about `chunkBytes` (as a file over 4 MB is), for the fuzzer's
    /// check that pieces give the document the whole parse gives.
    public static func markdown(_ source: SourceFile, chunkBytes: Int) -> Document? {
        MarkdownReader.read(source, chunkBytes: chunkBytes)
    }

    /// Convenience for tests and examples: a document from a string.
    public static func parse(_ text: String, path: String = "<input>", format: DocumentFormat = .markdown) -> Document {
        let source = SourceFile(path: path, text: text)
        switch format {
        case .markdown: return MarkdownReader.read(source) ?? Document(source: source, format: .markdown, blocks: [], nonProse: [])
        case .plainText: return PlainTextReader.read(source)
        }
    }

    /// The offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included).
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                let length: Int
                var lower: UInt8 = 0x80
                var upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0:
                    length = 3
                    lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED:
                    length = 3
                    upper = 0x9F
                case 0xF0:
                    length = 4
                    lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4:
                    length = 4
                    upper = 0x8F
                default: return index
                }
                guard index + length <= count else { return index }
                let second = buffer[index + 1]
                if second < lower || second > upper { return index }
                for offset in 2..<max(2, length) where buffer[index + offset] & 0xC0 != 0x80 { return index }
                index += length
            }
            return nil
        }
    }
}
