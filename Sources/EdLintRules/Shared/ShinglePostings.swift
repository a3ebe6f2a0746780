/// Which earlier items (paragraphs, sentences) hold each shingle hash: the inverted index of the
/// near-verbatim detectors.
///
/// A `[UInt64: [Int]]` costs an array per distinct shingle and SipHash on well-mixed keys; a
/// document of 400,000 sentences has millions of shingles. Here every posting is one entry in a
/// flat list chained per hash, and hashes live in an open-addressing table probed linearly (the
/// keys are already uniform 32-bit hashes, so they index the table directly).
struct ShinglePostings {
    /// 16 bytes: the hash (all 32 bits, plus one so that 0 stays "empty") and a saturating count
    /// of its postings share one word (a table slot per distinct shingle is most of the index's
    /// memory on a large document).
    private struct Slot {
        var keyAndCount: UInt64 = 0  // 0: empty
        var first: Int32 = -1  // oldest posting
        var last: Int32 = -1  // newest posting

        static let countMask: UInt64 = 0xFF
        var key: UInt64 { keyAndCount & ~Self.countMask }
        /// Postings of this hash, saturating at 255 (more than any `limit` asked for).
        var count: Int { Int(keyAndCount & Self.countMask) }
        mutating func countOne() { if count < 255 { keyAndCount += 1 } }
    }

    private var slots: [Slot]
    private var mask: Int
    private var used = 0
    /// Postings: the item and the next posting of the same hash, oldest first (-1 ends a chain).
    private var items: [Int32] = []
    private var next: [Int32] = []

    /// The table starts small and doubles as distinct hashes arrive: sized from the number of
    /// postings it would be oversized by the repeats it exists to find (a file pasted sixteen
    /// times has a sixteenth as many distinct shingles as postings).
    init() {
        slots = Array(repeating: Slot(), count: 1_024)
        mask = slots.count - 1
    }

    /// The stored form of a hash, above the count's byte (never 0: 0 marks an empty slot).
    @inline(__always)
    private static func key(_ hash: UInt32) -> UInt64 { (UInt64(hash) + 1) << 8 }

    @inline(__always)
    private func slotIndex(of key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: key >> 8) & mask
        while slots[index].keyAndCount != 0 && slots[index].key != key { index = (index + 1) & mask }
        return index
    }

    /// Records that `item` holds `hash`.
    mutating func add(_ hash: UInt32, item: Int) {
        if (used + 1) * 4 > slots.count * 3 { grow() }  // at most three quarters full
        let key = Self.key(hash)
        let index = slotIndex(of: key)
        if slots[index].keyAndCount == 0 {
            slots[index].keyAndCount = key
            used += 1
        }
        let posting = Int32(truncatingIfNeeded: items.count)
        items.append(Int32(truncatingIfNeeded: item))
        next.append(-1)
        if slots[index].last >= 0 { next[Int(slots[index].last)] = posting } else { slots[index].first = posting }
        slots[index].last = posting
        slots[index].countOne()
    }

    /// Calls `body` with every item holding `hash`, unless more than `limit` do (a shingle found
    /// in very many items says little about which pair repeats). Counts saturate, so a limit
    /// above 254 acts as 254.
    func forEachItem(holding hash: UInt32, limit: Int, _ body: (Int) -> Void) {
        let slot = slots[slotIndex(of: Self.key(hash))]
        guard slot.count > 0, slot.count <= min(limit, 254) else { return }
        var posting = slot.first
        while posting >= 0 {
            body(Int(items[Int(posting)]))
            posting = next[Int(posting)]
        }
    }

    /// The item whose shingles overlap `hashes` most (Dice, at least `threshold`; ties to the
    /// lowest item), counting only shingles held by at most `limit` items. `size(item)` is how
    /// many shingles an item has.
    /// `accepts(item, overlap)` may turn a candidate down (a sibling entry that only shares a frame).
    func bestMatch(
        for hashes: [UInt32], threshold: Double, limit: Int, size: (Int) -> Int, accepts: (Int, Double) -> Bool = { _, _ in true }
    ) -> (item: Int, overlap: Double)? {
        var shared: [Int: Int] = [:]
        for hash in hashes { forEachItem(holding: hash, limit: limit) { shared[$0, default: 0] += 1 } }
        var best: (item: Int, overlap: Double)?
        for (item, count) in shared {
            let overlap = Shingles.dice(shared: count, hashes.count, size(item))
            if overlap >= threshold, accepts(item, overlap), best.map({ overlap > $0.overlap || (overlap == $0.overlap && item < $0.item) }) ?? true {
                best = (item, overlap)
            }
        }
        return best
    }

    /// Calls `body` with the first `limit` items that held `hash`, oldest first. Across a corpus a
    /// paragraph repeated in a thousand files is still found: its earliest copies are enough.
    func forEachEarliestItem(holding hash: UInt32, limit: Int, _ body: (Int) -> Void) {
        var posting = slots[slotIndex(of: Self.key(hash))].first
        var remaining = limit
        while posting >= 0, remaining > 0 {
            body(Int(items[Int(posting)]))
            posting = next[Int(posting)]
            remaining -= 1
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.keyAndCount != 0 { slots[slotIndex(of: slot.key)] = slot }
    }
}
