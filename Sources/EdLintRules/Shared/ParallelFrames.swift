import EdLintCore
import EdLintText
import Foundation

/// Parallel structure across units of a document. Documentation repeats itself on purpose
/// where it is built of units of the same shape: two "Example" sections that each end with the
/// same list of observations, a "Privacy" subsection under every service, a procedure per platform
/// whose fourth step is the same, two FAQ entries whose answers share a checklist. Each unit is
/// read on its own, so each states what it needs. A paragraph copied into a unit where nothing
/// else corresponds, or a whole unit pasted twice (the same title under the same parent), is
/// still a repeat.
///
/// Units are sections (a heading and what follows up to the next heading of its level or
/// higher), definition-list entries (a `Term` + `: definition` paragraph and the indented blocks
/// after it) and lists (consecutive items at one depth). Two blocks are parallel when, at the
/// outermost level where their units differ, the two units are the same kind and
/// - their titles are the same and their parents differ (a "Privacy" subsection under two
///   services; a "Step 4" in two procedures), or
/// - their titles differ (or they have none, like lists) and they share a frame: at least
///   `sharedBlocksMaking` of the later unit's blocks have a counterpart in the earlier one, word
///   for word once code spans and digits are set aside, or opening with the same
///   `openingWords` words, and the frame is filled in differently (see `sharesFrame`), or
/// - they are sibling sections of one block each (the entries of a series: a course and its
///   blurb, a date and its news item) and the two blocks are not word-for-word copies.
/// A heading's title is its first source line; an entry's, its term line.
struct ParallelFrames: Sendable {
    enum Kind: Hashable, Sendable {
        case section(level: Int)
        case entry
        case list
    }

    struct Unit: Sendable {
        var kind: Kind
        /// The heading's or term's source line, lower-cased, spaces collapsed (nil for lists).
        var title: String?
        /// The enclosing unit (-1 at the top of the document).
        var parent: Int
        /// The blocks the unit holds, a contiguous run.
        var blocks: Range<Int>
    }

    static let sharedBlocksMaking = 2
    static let openingWords = 4

    private(set) var units: [Unit] = []
    /// Per block, its innermost section, entry and list (-1 where there is none).
    private var sectionOf: [Int32]
    private var entryOf: [Int32]
    private var listOf: [Int32]
    /// What was worked out for pairs of units and for blocks, kept for the next pair: the
    /// paraphrase detector asks about many candidates in the same two sections.
    private let memo = Memo()

    private final class Memo: @unchecked Sendable {
        let lock = NSLock()
        var framed: [Int: Bool] = [:]
        var keys: [Int: Keys] = [:]
        /// Per unit, the sets its blocks' keys make (a large section compared with many others
        /// makes them once).
        var sets: [Int: KeySets] = [:]
    }

    private struct KeySets {
        var words: Set<Int>
        var sources: Set<Int>
        var openings: Set<Int>
    }

    private func keySets(of unit: Int, blocks: Range<Int>, in document: Document) -> KeySets {
        memo.lock.lock()
        let known = memo.sets[unit]
        memo.lock.unlock()
        if let known { return known }
        let keys = self.keys(of: blocks, in: document)
        let made = KeySets(
            words: Set(keys.map(\.words)), sources: Set(keys.map(\.source)), openings: Set(keys.map(\.opening).filter { $0 != 0 }))
        memo.lock.lock()
        memo.sets[unit] = made
        memo.lock.unlock()
        return made
    }

    static func of(_ document: Document) -> ParallelFrames {
        document.derived.value(AnalysisKey<ParallelFrames>("parallel-frames")) { ParallelFrames(document) }
    }

    private init(_ document: Document) {
        let count = document.blocks.count
        sectionOf = [Int32](repeating: -1, count: count)
        entryOf = [Int32](repeating: -1, count: count)
        listOf = [Int32](repeating: -1, count: count)
        let siblings = DuplicateScope.siblingGroups(in: document)
        var headings: [(level: Int, unit: Int)] = []
        var entry: Int?
        var list: (group: Int, unit: Int)?
        for block in document.blocks {
            if block.kind == .heading {
                while let last = headings.last, last.level >= block.headingLevel { close(last.unit, at: block.index); headings.removeLast() }
                if let open = entry { close(open, at: block.index); entry = nil }
                if let open = list { close(open.unit, at: block.index); list = nil }
                let unit = open(.section(level: block.headingLevel), title: Self.title(of: block, in: document), parent: headings.last?.unit ?? -1, at: block.index)
                headings.append((block.headingLevel, unit))
            } else {
                let opensEntry = block.kind == .paragraph && DuplicateScope.isDefinitionEntry(block, in: document)
                if let open = entry, opensEntry || !Self.isIndented(block, in: document) {
                    close(open, at: block.index)
                    entry = nil
                }
                if opensEntry {
                    if let open = list { close(open.unit, at: block.index); list = nil }
                    entry = open(.entry, title: Self.title(of: block, in: document), parent: headings.last?.unit ?? -1, at: block.index)
                }
                if block.kind == .listItem, let group = siblings[block.index] {
                    if list?.group != group {
                        if let open = list { close(open.unit, at: block.index) }
                        list = (group, open(.list, title: nil, parent: entry ?? headings.last?.unit ?? -1, at: block.index))
                    }
                } else if let open = list {
                    close(open.unit, at: block.index)
                    list = nil
                }
            }
            sectionOf[block.index] = Int32(headings.last?.unit ?? -1)
            entryOf[block.index] = Int32(entry ?? -1)
            listOf[block.index] = Int32(list?.unit ?? -1)
        }
        for index in units.indices where units[index].blocks.upperBound == Int.max { units[index].blocks = units[index].blocks.lowerBound..<count }
    }

    private mutating func open(_ kind: Kind, title: String?, parent: Int, at block: Int) -> Int {
        units.append(Unit(kind: kind, title: title, parent: parent, blocks: block..<Int.max))
        return units.count - 1
    }

    private mutating func close(_ unit: Int, at block: Int) {
        units[unit].blocks = units[unit].blocks.lowerBound..<block
    }

    /// Whether `earlier` and `later` (blocks of `document`, the document the frames were made
    /// of) are corresponding parts of two parallel units.
    func areParallel(_ earlier: Int, _ later: Int, in document: Document, wordForWord: Bool = false) -> Bool {
        // Section, entry, list: outermost first (read in place: this runs for every candidate pair).
        for level in 0..<3 {
            let unitOf = level == 0 ? sectionOf : level == 1 ? entryOf : listOf
            let (first, second) = (unitOf[earlier], unitOf[later])
            guard first != second else { continue }
            guard first >= 0, second >= 0 else { return false }
            let one = units[Int(first)], other = units[Int(second)]
            guard one.kind == other.kind else { return false }
            if let title = one.title, title == other.title {
                return one.parent != other.parent
            }
            // Entries of a series — sibling sections of one block each under their own titles
            // (a course and its blurb, a date and its news item) — fill one frame with their own
            // names and figures; only a word-for-word copy among them is a repeat.
            if !wordForWord, case .section = one.kind, one.parent == other.parent, content(of: Int(first)).count == 1,
                content(of: Int(second)).count == 1
            {
                return true
            }
            if sharesFrameRemembered(Int(first), Int(second), in: document) { return true }
            // Different sections may still hold same-titled entries: one step of two procedures.
            let entries = (entryOf[earlier], entryOf[later])
            if case .section = one.kind, entries.0 >= 0, entries.1 >= 0, let term = units[Int(entries.0)].title {
                return term == units[Int(entries.1)].title
            }
            return false
        }
        return false
    }

    /// How a block compares with the blocks of another unit.
    private struct Keys {
        /// Its words, lower-cased, without code (a code span is no word in the prose) and numbers.
        var words: Int
        /// Its first `openingWords` words, when it has at least two more (0 otherwise: a block
        /// that is little more than its opening has no opening of its own).
        var opening: Int
        /// Its source text, code and numbers included.
        var source: Int

        init(_ block: Block, in document: Document) {
            let tokens = Tokenizer.tokens(in: block.prose.bytes).filter { !$0.isNumber }.map(\.text)  // lower-cased
            words = tokens.hashValue
            opening = tokens.count > ParallelFrames.openingWords + 1 ? Array(tokens.prefix(ParallelFrames.openingWords)).hashValue : 0
            let range = block.sourceRange.clamped(to: 0..<document.source.bytes.count)
            source = document.source.bytes[range].hashValue
        }
    }

    /// Whether the later unit shares a frame with the earlier one: at least
    /// `sharedBlocksMaking` blocks with a counterpart in the earlier unit (the same words once
    /// code and numbers are set aside, or the same opening), and the frame filled in: the
    /// counterparts in two runs or more with other text between them, or one of them differing
    /// from its counterpart only in its code or numbers (a slot filled in differently), or one
    /// run that closes or opens both units alike (two answers that end with the same checklist).
    /// One run of copies or edited copies inside a unit is a passage pasted in, and a later
    /// section or entry of nothing but counterparts restates the earlier one.
    private func sharesFrameRemembered(_ first: Int, _ second: Int, in document: Document) -> Bool {
        let pair = first << 32 | second  // unit indices fit in 32 bits (they are stored as Int32)
        memo.lock.lock()
        let known = memo.framed[pair]
        memo.lock.unlock()
        if let known { return known }
        let framed = sharesFrame(first, second, in: document)
        memo.lock.lock()
        memo.framed[pair] = framed
        memo.lock.unlock()
        return framed
    }

    private func keys(of blocks: Range<Int>, in document: Document) -> [Keys] {
        blocks.map { block in
            memo.lock.lock()
            let known = memo.keys[block]
            memo.lock.unlock()
            if let known { return known }
            let made = Keys(document.blocks[block], in: document)
            memo.lock.lock()
            memo.keys[block] = made
            memo.lock.unlock()
            return made
        }
    }

    private func sharesFrame(_ first: Int, _ second: Int, in document: Document) -> Bool {
        let earlierBlocks = content(of: first), laterBlocks = content(of: second)
        guard !earlierBlocks.isEmpty, !laterBlocks.isEmpty else { return false }
        let later = keys(of: laterBlocks, in: document)
        let sets = keySets(of: first, blocks: earlierBlocks, in: document)
        let words = sets.words, sources = sets.sources, openings = sets.openings
        var matched = 0, copied = 0, slotted = 0, runs = 0, previous = false
        for keys in later {
            let sameWords = words.contains(keys.words)
            let match = sameWords || (keys.opening != 0 && openings.contains(keys.opening))
            if match {
                matched += 1
                if !previous { runs += 1 }
            }
            if sources.contains(keys.source) { copied += 1 } else if sameWords { slotted += 1 }
            previous = match
        }
        // A later section or entry has a block with no counterpart; a later list an item that is
        // not a copy (the items of a list are entries of one shape by nature).
        let filled: Bool
        if case .list = units[second].kind { filled = copied < later.count } else { filled = matched < later.count }
        guard matched >= Self.sharedBlocksMaking, filled else { return false }
        if runs >= 2 || slotted > 0 { return true }
        func alike(_ one: Keys, _ other: Keys) -> Bool {
            one.words == other.words || (one.opening != 0 && one.opening == other.opening)
        }
        let earlierEnds = keys(of: earlierBlocks.lowerBound..<earlierBlocks.lowerBound + 1, in: document)
            + keys(of: (earlierBlocks.upperBound - 1)..<earlierBlocks.upperBound, in: document)
        return alike(earlierEnds[1], later[later.count - 1]) || alike(earlierEnds[0], later[0])
    }

    /// A unit's blocks without its heading (an entry's term shares a paragraph with its
    /// definition, which is kept).
    private func content(of unit: Int) -> Range<Int> {
        let blocks = units[unit].blocks
        guard case .section = units[unit].kind, !blocks.isEmpty else { return blocks }
        return blocks.dropFirst()
    }

    /// A heading's or a term's first source line, lower-cased, spaces collapsed, without a
    /// trailing attribute block (`## Privacy {#privacy-disqus}`). Read from the source: a title
    /// may be all code (`` `polls.disable` ``), which the prose keeps as a placeholder.
    private static func title(of block: Block, in document: Document) -> String {
        let bytes = document.source.bytes
        let range = block.sourceRange.clamped(to: 0..<bytes.count)
        var line = Array(bytes[range.lowerBound..<(bytes[range].firstIndex(of: 0x0A) ?? range.upperBound)])
        if let last = line.lastIndex(where: { $0 != 0x20 && $0 != 0x0D }), line[last] == UInt8(ascii: "}"),
            let open = line.lastIndex(of: UInt8(ascii: "{"))
        {
            line.removeSubrange(open...)
        }
        return String(decoding: line, as: UTF8.self).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the block's first source line opens with a space or tab (a continuation of the
    /// definition above it).
    private static func isIndented(_ block: Block, in document: Document) -> Bool {
        let bytes = document.source.bytes
        var index = min(block.sourceRange.lowerBound, bytes.count)
        while index > 0, bytes[index - 1] != 0x0A { index -= 1 }
        return index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x09)
    }
}
