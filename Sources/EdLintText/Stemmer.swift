import CStemmer

/// Snowball's English (Porter 2) stemmer from libstemmer. One instance per thread: libstemmer's
/// stemmer keeps state between calls. Stems are cached, so a document stems each word once.
public final class Stemmer {
    private let stemmer: OpaquePointer?
    private var cache: [String: String] = [:]

    public init() {
        stemmer = sb_stemmer_new("english", "UTF_8")
    }

    deinit {
        if let stemmer { sb_stemmer_delete(stemmer) }
    }

    /// The stem of a lowercased word ("negotiations" → "negoti").
    public func stem(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        guard let stemmer else { return word }
        let bytes = Array(word.utf8)
        let result: String = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let stemmed = sb_stemmer_stem(stemmer, base, Int32(buffer.count)) else {
                return word
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: stemmed, count: length), as: UTF8.self)
        }
        cache[word] = result
        return result
    }
}
