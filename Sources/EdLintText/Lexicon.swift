/// Word weights and synonyms for comparing what two texts say, from the embedded `Lexicon/`
/// resources (see Lexicon/README.md for their sources and licences).
public final class Lexicon: Sendable {
    /// Parsed once per process, on first use.
    public static let shared = Lexicon(files: lexiconFiles)

    private let documentFrequency: [String: Int32]
    private let paragraphCount: Double
    private let synonymConcepts: [String: [Int32]]
    private let relatedConcepts: [String: [Int32]]

    init(files: [(path: String, text: String)]) {
        var frequency: [String: Int32] = [:]
        var paragraphs = 1.0
        var synonyms: [String: [Int32]] = [:]
        var related: [String: [Int32]] = [:]
        for file in files {
            switch file.path {
            case "idf.tsv":
                Self.parse(file.text) { key, numbers in
                    guard let count = numbers.first else { return }
                    if key == "#paragraphs" { paragraphs = Double(count) } else { frequency[key] = count }
                }
            case "synonyms.tsv": Self.parse(file.text) { key, numbers in synonyms[key] = numbers }
            case "related.tsv": Self.parse(file.text) { key, numbers in related[key] = numbers }
            default: continue
            }
        }
        documentFrequency = frequency
        paragraphCount = paragraphs
        synonymConcepts = synonyms
        relatedConcepts = related
    }

    /// Reads `key<TAB>n,n,n` lines straight from the UTF-8 bytes (this runs at every start-up that
    /// compares paragraphs, so it avoids building substrings).
    private static func parse(_ text: String, _ row: (String, [Int32]) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let keyStart = index
                while index < count, bytes[index] != 0x09, bytes[index] != 0x0A { index += 1 }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<index]), as: UTF8.self)
                var numbers: [Int32] = []
                if index < count, bytes[index] == 0x09 {
                    index += 1
                    var value: Int32 = 0
                    var hasDigits = false
                    while index < count, bytes[index] != 0x0A {
                        let byte = bytes[index]
                        if byte >= 0x30, byte <= 0x39 {
                            value = value &* 10 &+ Int32(byte - 0x30)
                            hasDigits = true
                        } else if byte == 0x2C, hasDigits {
                            numbers.append(value)
                            value = 0
                            hasDigits = false
                        }
                        index += 1
                    }
                    if hasDigits { numbers.append(value) }
                }
                if !key.isEmpty, !numbers.isEmpty { row(key, numbers) }
                index += 1
            }
        }
    }

    /// Inverse document frequency of a stem: rare words, names and numbers weigh more than
    /// common words. A stem never seen in the corpus gets the highest weight.
    public func idf(_ stem: String) -> Double {
        let frequency = Double(documentFrequency[stem] ?? 0)
        return log((paragraphCount + 1) / (frequency + 1)) + 1
    }

    /// WordNet concept ids of a stem's commonest senses, sorted (empty when unknown).
    public func concepts(_ stem: String) -> [Int32] { synonymConcepts[stem] ?? [] }

    /// Looser WordNet links of a stem: all its senses and the hypernyms of its commonest ones.
    public func relatedConcepts(_ stem: String) -> [Int32] { relatedConcepts[stem] ?? [] }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
