import EdLintText
import Foundation

// Builds the compact lexical resources in Lexicon/ that the paraphrase detector uses:
//   idf.tsv       document frequencies of Snowball stems over paragraphs of real English text
//   synonyms.tsv  for each stem, the WordNet synsets of its commonest senses (dense ids)
//   related.tsv   for each stem, looser links: the synsets of all its senses and the direct
//                 hypernyms of its commonest senses ("ship" → vessel), as dense ids
// Run by hand when the method changes (see Lexicon/README.md); the output is committed.
//   swift run LexiconBuilder --wordnet /usr/share/wordnet --corpus ../shared/corpus --output Lexicon [--senses 2]

var wordnet = "/usr/share/wordnet"
var corpus = "../shared/corpus"
var output = "Lexicon"
var senses = 2
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst() else { break }
    switch flag {
    case "--wordnet": wordnet = value
    case "--corpus": corpus = value
    case "--output": output = value
    case "--senses": senses = Int(value) ?? senses
    default:
        FileHandle.standardError.write(Data("unknown option \(flag)\n".utf8))
        exit(2)
    }
}

let stemmer = Stemmer()
let manager = FileManager.default

// 1. Document frequency of stems, one "document" per paragraph.
var documentFrequency: [String: Int] = [:]
var paragraphs = 0
let corpusFolders = ["news-articles", "cleaneval-pages"]
for folder in corpusFolders {
    let path = (corpus as NSString).appendingPathComponent(folder)
    guard let files = try? manager.contentsOfDirectory(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(1)
    }
    for file in files.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".md") {
        guard let text = try? String(contentsOfFile: (path as NSString).appendingPathComponent(file), encoding: .utf8) else { continue }
        for paragraph in text.components(separatedBy: "\n\n") {
            let tokens = Tokenizer.tokens(in: Array(paragraph.utf8)).filter { !$0.isNumber }
            guard tokens.count >= 5 else { continue }
            paragraphs += 1
            for stem in Set(tokens.map { stemmer.stem($0.text) }) { documentFrequency[stem, default: 0] += 1 }
        }
    }
}

// 2. WordNet: each single-word lemma's commonest senses, by stem; and, more loosely, all its
//    senses and the direct hypernyms of its commonest ones.
var conceptsByStem: [String: Set<String>] = [:]
var lemmaConcepts: [String: Set<String>] = [:]
var lemmaLooseConcepts: [String: Set<String>] = [:]
var hypernyms: [String: [String]] = [:]
// Pertainyms: an adjective or adverb sense that "pertains to" a noun or adjective sense
// ("Greek" → Greece, "Syrian" → Syria); the adjective shares its target's meaning.
var pertainyms: [String: [String]] = [:]
for pos in ["noun", "verb", "adj", "adv"] {
    guard let data = try? String(contentsOfFile: "\(wordnet)/data.\(pos)", encoding: .utf8) else { continue }
    for line in data.split(separator: "\n") where !line.hasPrefix(" ") {
        let fields = line.split(separator: " ")
        // offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt (symbol offset pos source/target)…
        guard fields.count > 4, let wordCount = Int(fields[3], radix: 16) else { continue }
        let pointerIndex = 4 + 2 * wordCount
        guard pointerIndex < fields.count, let pointerCount = Int(fields[pointerIndex]) else { continue }
        var parents: [String] = []
        var pertains: [String] = []
        for pointer in 0..<pointerCount {
            let base = pointerIndex + 1 + pointer * 4
            guard base + 2 < fields.count else { break }
            // A satellite adjective's synsets are indexed as "a" in the index files.
            let targetPOS = fields[base + 2] == "s" ? "a" : String(fields[base + 2])
            if fields[base] == "@" || fields[base] == "@i" { parents.append("\(targetPOS)\(fields[base + 1])") }
            if fields[base] == "\\" { pertains.append("\(targetPOS)\(fields[base + 1])") }
        }
        hypernyms["\(pos.prefix(1))\(fields[0])"] = parents
        if !pertains.isEmpty { pertainyms["\(pos.prefix(1))\(fields[0])"] = pertains }
    }
}
for pos in ["noun", "verb", "adj", "adv"] {
    guard let index = try? String(contentsOfFile: "\(wordnet)/index.\(pos)", encoding: .utf8) else {
        FileHandle.standardError.write(Data("cannot read \(wordnet)/index.\(pos)\n".utf8))
        exit(1)
    }
    for line in index.split(separator: "\n") where !line.hasPrefix(" ") {
        let fields = line.split(separator: " ")
        guard fields.count > 4, let pointerCount = Int(fields[3]) else { continue }
        let lemma = String(fields[0])
        if lemma.contains("_") || lemma.contains("-") { continue }
        // lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offsets…
        let offsetsStart = 4 + pointerCount + 2
        guard offsetsStart < fields.count else { continue }
        let all = fields[offsetsStart...].map { "\(pos.prefix(1))\($0)" }
        var common = Array(all.prefix(senses))
        for concept in common { common += pertainyms[concept] ?? [] }
        lemmaConcepts[lemma, default: []].formUnion(common)
        lemmaLooseConcepts[lemma, default: []].formUnion(all)
        for concept in common { lemmaLooseConcepts[lemma, default: []].formUnion(hypernyms[concept] ?? []) }
    }
}
var looseByStem: [String: Set<String>] = [:]
for (lemma, concepts) in lemmaConcepts {
    conceptsByStem[stemmer.stem(lemma), default: []].formUnion(concepts)
}
for (lemma, concepts) in lemmaLooseConcepts {
    looseByStem[stemmer.stem(lemma), default: []].formUnion(concepts)
}
// Irregular forms ("ran" → run) share their base's senses.
for pos in ["noun", "verb", "adj", "adv"] {
    guard let exceptions = try? String(contentsOfFile: "\(wordnet)/\(pos).exc", encoding: .utf8) else { continue }
    for line in exceptions.split(separator: "\n") {
        let fields = line.split(separator: " ").map(String.init)
        guard fields.count >= 2, !fields[0].contains("_") else { continue }
        for base in fields.dropFirst() {
            if let concepts = lemmaConcepts[base] { conceptsByStem[stemmer.stem(fields[0]), default: []].formUnion(concepts) }
            if let concepts = lemmaLooseConcepts[base] { looseByStem[stemmer.stem(fields[0]), default: []].formUnion(concepts) }
        }
    }
}

// Keep stems seen in the corpus, and concepts that link at least two such stems.
let kept = conceptsByStem.filter { documentFrequency[$0.key, default: 0] >= 1 }
var holders: [String: Int] = [:]
for concepts in kept.values { for concept in concepts { holders[concept, default: 0] += 1 } }
var denseIDs: [String: Int] = [:]
for concept in holders.keys.sorted() where holders[concept, default: 0] >= 2 { denseIDs[concept] = denseIDs.count }

var synonymLines: [String] = []
for stem in kept.keys.sorted() {
    let ids = kept[stem, default: []].compactMap { denseIDs[$0] }.sorted()
    if !ids.isEmpty { synonymLines.append("\(stem)\t" + ids.map(String.init).joined(separator: ",")) }
}
let looseKept = looseByStem.filter { documentFrequency[$0.key, default: 0] >= 1 }
var looseHolders: [String: Int] = [:]
for concepts in looseKept.values { for concept in concepts { looseHolders[concept, default: 0] += 1 } }
var looseIDs: [String: Int] = [:]
for concept in looseHolders.keys.sorted() where looseHolders[concept, default: 0] >= 2 { looseIDs[concept] = looseIDs.count }
var relatedLines: [String] = []
for stem in looseKept.keys.sorted() {
    let ids = looseKept[stem, default: []].compactMap { looseIDs[$0] }.sorted()
    if !ids.isEmpty { relatedLines.append("\(stem)\t" + ids.map(String.init).joined(separator: ",")) }
}
var idfLines = ["#paragraphs\t\(paragraphs)"]
for (stem, count) in documentFrequency.sorted(by: { $0.key < $1.key }) where count >= 2 { idfLines.append("\(stem)\t\(count)") }

try? manager.createDirectory(atPath: output, withIntermediateDirectories: true)
do {
    try (idfLines.joined(separator: "\n") + "\n").write(toFile: "\(output)/idf.tsv", atomically: true, encoding: .utf8)
    try (synonymLines.joined(separator: "\n") + "\n").write(toFile: "\(output)/synonyms.tsv", atomically: true, encoding: .utf8)
    try (relatedLines.joined(separator: "\n") + "\n").write(toFile: "\(output)/related.tsv", atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("cannot write \(output): \(error)\n".utf8))
    exit(1)
}
print("paragraphs \(paragraphs), idf stems \(idfLines.count - 1), synonym stems \(synonymLines.count), concepts \(denseIDs.count), related stems \(relatedLines.count), loose concepts \(looseIDs.count)")
