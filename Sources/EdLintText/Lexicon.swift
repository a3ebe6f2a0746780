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
        func parseIDs(_ text: String, into table: inout [String: [Int32]]) {
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: "\t")
                guard fields.count == 2 else { continue }
                table[String(fields[0])] = fields[1].split(separator: ",").compactMap { Int32($0) }
            }
        }
        for file in files {
            switch file.path {
            case "idf.tsv":
                for line in file.text.split(separator: "\n") {
                    let fields = line.split(separator: "\t")
                    guard fields.count == 2, let count = Int32(fields[1]) else { continue }
                    if fields[0] == "#paragraphs" { paragraphs = Double(count) } else { frequency[String(fields[0])] = count }
                }
            case "synonyms.tsv": parseIDs(file.text, into: &synonyms)
            case "related.tsv": parseIDs(file.text, into: &related)
            default: continue
            }
        }
        documentFrequency = frequency
        paragraphCount = paragraphs
        synonymConcepts = synonyms
        relatedConcepts = related
    }

    /// Inverse document frequency of a stem: rare words, names and numbers weigh more than
    /// common words. A stem never seen in the corpus gets the highest weight.
    public func idf(_ stem: String) -> Double {
        let frequency = Double(documentFrequency[stem] ?? 0)
        return log((paragraphCount + 1) / (frequency + 1)) + 1
    }

    /// The highest weight any stem can have.
    public var maximumIDF: Double { log(paragraphCount + 1) + 1 }

    /// WordNet concept ids of a stem's commonest senses, sorted (empty when unknown).
    public func concepts(_ stem: String) -> [Int32] { synonymConcepts[stem] ?? [] }

    /// Looser WordNet links of a stem: all its senses and the hypernyms of its commonest ones.
    public func relatedConcepts(_ stem: String) -> [Int32] { relatedConcepts[stem] ?? [] }

    /// Whether two stems share a commonest sense.
    public func areSynonyms(_ first: String, _ second: String) -> Bool {
        let a = concepts(first)
        let b = concepts(second)
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
