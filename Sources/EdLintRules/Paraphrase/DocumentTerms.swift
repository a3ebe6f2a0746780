import Algorithms
import Foundation
import EdLintCore
import EdLintText

/// The words of a document, interned: each distinct stem gets an id, a weight (IDF), and links to
/// the document's other stems that mean the same: WordNet synonyms, and variants that only add a
/// short ending to a stem of four letters or more ("syria" → "syrian", "egypt" → "egyptian").
final class DocumentTerms {
    private(set) var stems: [String] = []
    private(set) var weights: [Double] = []
    /// Whether each term is a content word (not a stopword).
    private(set) var isContent: [Bool] = []
    private var ids: [String: Int] = [:]
    /// Term id by the word as written (lowercased): most words recur, and stemming is the cost.
    private var idsByWord: [String: Int] = [:]
    // Per term id (ids are dense, so arrays, not dictionaries); nil until asked.
    private var synonymCache: [[Int]?] = []
    private var relatedCache: [[Int]?] = []
    private var variantCache: [[Int]?] = []
    private var relatedMembers: [Int32: [Int]]?
    private var conceptMembers: [Int32: [Int]]?
    let lexicon: Lexicon
    private let stemmer = Stemmer()

    init(lexicon: Lexicon = .shared) {
        self.lexicon = lexicon
    }

    /// Number words and amounts written with a magnitude letter become the numbers they stand for,
    /// so "two years" meets "2 years" and "£94m" meets "£94 million".
    static let numberWords: [String: String] = [
        "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
        "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
        "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
        "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
        "hundred": "100", "dozen": "12",
    ]

    static func numberValue(of token: Token) -> String? {
        if token.isNumber { return token.text.replacingCommas() }
        if let value = numberWords[token.text] { return value }
        // "94m", "2.3bn", "12k": digits then a magnitude.
        let text = token.text
        for suffix in ["bn", "m", "k"] where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count)
            if let first = digits.first, first.isNumber, digits.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," }) {
                return String(digits).replacingCommas()
            }
        }
        return nil
    }

    /// The id of a word's term.
    func termID(for token: Token) -> Int {
        if let known = idsByWord[token.text] { return known }
        let id = newTermID(for: token)
        idsByWord[token.text] = id
        return id
    }

    private func newTermID(for token: Token) -> Int {
        let number = Self.numberValue(of: token)
        // An acronym spelled like a stopword ("us.", see `acronyms`) is not stemmed; it weighs
        // what the word is counted as in the IDF table ("US" is common in news, as "us" is).
        let acronym = token.text.hasSuffix(".")
        let stem = number.map { "#" + $0 } ?? (acronym ? token.text : stemmer.stem(token.text))
        return intern(
            stem, weight: { lexicon.idf(acronym ? String(stem.dropLast()) : stem) },
            isContent: number != nil || (token.text.count >= 2 && !Stopwords.english.contains(token.text)))
    }

    /// The term of an inline code span: its text as written, a term of its own (`Fit` and `Crop`
    /// are different options, and no word they resemble), weighted as a rare word.
    func codeTermID(for code: String) -> Int {
        let stem = Self.codePrefix + code
        return intern(stem, weight: { lexicon.idf(stem) }, isContent: true)
    }

    /// What code terms' stems start with (no word's stem does).
    static let codePrefix = "`"

    private func intern(_ stem: String, weight: () -> Double, isContent content: Bool) -> Int {
        if let id = ids[stem] { return id }
        let id = stems.count
        ids[stem] = id
        stems.append(stem)
        weights.append(weight())
        isContent.append(content)
        conceptMembers = nil
        relatedMembers = nil
        relatedCache = []
        synonymCache = []  // a new term may be a synonym of one already asked about
        variantIndex = nil
        variantCache = []
        return id
    }

    /// A block as terms, sentence by sentence; each inline code span inside a sentence adds its
    /// text (read from `source`, the document's) as a term of its own (see `codeTermID`).
    func analyze(_ block: Block, source: SourceFile) -> TermBlock {
        var sentences: [TermSentence] = []
        var all: [Int32] = []
        let bytes = block.prose.bytes
        // In text that is not all capitals, a word in capitals is an acronym (see `acronyms`).
        let hasLowercase = bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
        let codes = CodeSpans.of(block)
        for range in block.sentences {
            var tokens = Tokenizer.tokens(in: bytes, range: range)
            if hasLowercase { tokens = Self.acronyms(in: tokens, bytes: bytes) }
            var ids = tokens.map { Int32(truncatingIfNeeded: termID(for: $0)) }
            for code in CodeSpans.inside(range, of: codes) {
                let text = String(decoding: CodeSpans.text(of: code, in: source), as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { ids.append(Int32(truncatingIfNeeded: codeTermID(for: text))) }
            }
            let terms = sortedDistinct(ids)
            all += terms
            sentences.append(TermSentence(range: range, terms: terms, weight: terms.reduce(0) { $0 + weights[Int($1)] }))
        }
        let terms = sortedDistinct(all)
        return TermBlock(
            block: block.index, sentences: sentences, terms: terms, weight: terms.reduce(0) { $0 + weights[Int($1)] },
            contentTermCount: terms.filter { isContent[Int($0)] }.count)
    }

    /// Marks what an acronym spells, so "US" and "U.S." are one term and neither is the pronoun
    /// "us" (a stopword): dotted initials ("U.S.", "U.N.") join into one word, and a word written
    /// in capitals whose lowercase form is a stopword ("US", "IT") gets a term of its own.
    static func acronyms(in tokens: [Token], bytes: [UInt8]) -> [Token] {
        func isCapitals(_ token: Token) -> Bool {
            token.isCapitalized && bytes[token.range].allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
        }
        // Most sentences have neither (this runs for every sentence compared): keep their tokens.
        guard tokens.contains(where: { isCapitals($0) && ($0.range.count == 1 || Stopwords.english.contains($0.text)) }) else {
            return tokens
        }
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            var token = tokens[index]
            // Initials: single capitals each followed directly by a full stop, touching the next.
            var end = index
            while end < tokens.count, tokens[end].range.count == 1, isCapitals(tokens[end]),
                tokens[end].range.upperBound < bytes.count, bytes[tokens[end].range.upperBound] == 0x2E,
                end == index || tokens[end].range.lowerBound == tokens[end - 1].range.upperBound + 1
            {
                end += 1
            }
            let joined = end - index >= 2
            if joined {
                token.text = tokens[index..<end].map(\.text).joined()
                token.range = tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound
                index = end
            } else {
                index += 1
            }
            if token.text.count >= 2, joined || isCapitals(token),
                Stopwords.english.contains(token.text)
            {
                token.text += "."  // a spelling no word has, kept apart from the stopword
            }
            result.append(token)
        }
        return result
    }

    /// Fills in what each sentence (and the whole block) covers, at the given credits.
    func expand(_ block: inout TermBlock, credits: ParagraphSimilarity) {
        var all: [(term: Int, credit: Double)] = []
        for index in block.sentences.indices {
            let cover = cover(of: block.sentences[index].terms, credits: credits)
            block.sentences[index].cover = cover
            for (term, credit) in zip(cover.terms, cover.credits) { all.append((Int(term), credit)) }
        }
        // The block's terms are its sentences' terms, so its cover is theirs merged (best credit).
        block.wholeCover = TermCover(offers: all)
    }

    private func cover(of terms: [Int32], credits: ParagraphSimilarity) -> TermCover {
        var offers: [(term: Int, credit: Double)] = []
        offers.reserveCapacity(terms.count * 2)
        for term in terms.lazy.map(Int.init) {
            offers.append((term, 1))
            if credits.synonymCredit > 0 { for other in synonyms(of: term) { offers.append((other, credits.synonymCredit)) } }
            if credits.variantCredit > 0 { for other in variants(of: term) { offers.append((other, credits.variantCredit)) } }
            if credits.relatedCredit > 0 { for other in related(to: term) { offers.append((other, credits.relatedCredit)) } }
        }
        return TermCover(offers: offers)
    }

    /// The cached list for `term`, growing the cache to the current number of terms.
    private static func cached(_ cache: inout [[Int]?], _ term: Int, count: Int) -> [Int]? {
        if cache.count < count { cache += Array(repeating: nil, count: count - cache.count) }
        return cache[term]
    }

    /// Other terms of this document that only add a short ending to this one, or that this one
    /// extends the same way ("syria" ↔ "syrian"). Stems under four letters have none.
    func variants(of term: Int) -> [Int] {
        if let cached = Self.cached(&variantCache, term, count: stems.count) { return cached }
        if variantIndex == nil { buildVariantIndex() }
        let stem = stems[term]
        var result: [Int] = []
        if isVariantCandidate(term) {
            // Longer variants: terms registered under this stem as their prefix.
            result += variantIndex?[stem] ?? []
            // Shorter variants: this stem's own prefixes that are terms.
            for prefix in Self.shorterPrefixes(of: stem) {
                if let shorter = ids[prefix], isVariantCandidate(shorter) { result.append(shorter) }
            }
        }
        let sorted = sortedDistinct(result.filter { $0 != term })
        variantCache[term] = sorted
        return sorted
    }

    private var variantIndex: [String: [Int]]?

    private func isVariantCandidate(_ term: Int) -> Bool {
        isContent[term] && !stems[term].hasPrefix("#") && !stems[term].hasPrefix(Self.codePrefix) && stems[term].count >= 4
    }

    /// Each term under its prefixes one to three characters shorter (of at least four characters).
    private func buildVariantIndex() {
        var index: [String: [Int]] = [:]
        for (id, stem) in stems.enumerated() where isVariantCandidate(id) {
            for prefix in Self.shorterPrefixes(of: stem) { index[prefix, default: []].append(id) }
        }
        variantIndex = index
    }

    /// `stem` less its last one, two and three characters, keeping at least four. ASCII stems
    /// (nearly all) are cut by bytes, without building an array of Characters.
    static func shorterPrefixes(of stem: String) -> [String] {
        let utf8 = stem.utf8
        let cuts = 1...variantLongestEnding
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(utf8)
            return cuts.filter { bytes.count - $0 >= variantShortestStem }.map { String(decoding: bytes[0..<(bytes.count - $0)], as: UTF8.self) }
        }
        let characters = Array(stem)
        return cuts.filter { characters.count - $0 >= variantShortestStem }.map { String(characters[0..<(characters.count - $0)]) }
    }

    /// A variant adds at most this many characters to a stem ("syria" → "syrian")…
    static let variantLongestEnding = 3
    /// …of at least this many (shorter stems grow into unrelated words).
    static let variantShortestStem = 4

    /// Other terms of this document loosely linked to `term` in WordNet (any sense, or a direct
    /// hypernym of a common sense: "ship" → "vessel"), synonyms excluded.
    func related(to term: Int) -> [Int] {
        linked(term, by: lexicon.relatedConcepts, members: &relatedMembers, cache: &relatedCache, contentMembersOnly: true)
    }

    /// Other terms of this document that share a commonest WordNet sense with `term`.
    func synonyms(of term: Int) -> [Int] {
        linked(term, by: lexicon.concepts, members: &conceptMembers, cache: &synonymCache, contentMembersOnly: false)
    }

    /// The document's other terms that share a concept with `term` (content words only ask).
    /// `members` (concept → terms) is built on first use; answers are cached per term.
    private func linked(
        _ term: Int, by concepts: (String) -> [Int32], members: inout [Int32: [Int]]?, cache: inout [[Int]?], contentMembersOnly: Bool
    ) -> [Int] {
        if let cached = Self.cached(&cache, term, count: stems.count) { return cached }
        guard isContent[term] else { return [] }
        if members == nil {
            var built: [Int32: [Int]] = [:]
            for (id, stem) in stems.enumerated() where !contentMembersOnly || isContent[id] {
                for concept in concepts(stem) { built[concept, default: []].append(id) }
            }
            members = built
        }
        var result: [Int] = []
        for concept in concepts(stems[term]) {
            for member in members?[concept] ?? [] where member != term { result.append(member) }
        }
        let sorted = sortedDistinct(result)
        cache[term] = sorted
        return sorted
    }
}

extension String {
    fileprivate func replacingCommas() -> String {
        var result = ""
        for character in self where character != "," { result.append(character) }
        return result
    }
}
