/// Runs of repeats that continue each other — a page, a section or an article pasted whole — so
/// that the detectors report a passage once, not once per paragraph. One definition for
/// repeats inside a document and across files.
enum Passages {
    /// A repeat continues the passage before it when its copy and its original each follow the
    /// previous ones within this many compared paragraphs (a heading or a code block between
    /// them is not compared, so it does not count).
    static let gap = 2

    /// `items`, in the order of their copies, cut into passages. `copy` is an item's position
    /// among the compared paragraphs of the copy's document, `original` the source (file) and
    /// position of what it repeats. In one document (`oneDocument`), a passage's originals also
    /// all come before its first copy.
    static func cut<Item>(
        _ items: [Item], copy: (Item) -> Int, original: (Item) -> (source: Int, position: Int), oneDocument: Bool
    ) -> [[Item]] {
        var passages: [[Item]] = []
        for item in items {
            if let passage = passages.last, let last = passage.last, let first = passage.first {
                let (source, position) = original(item), previous = original(last)
                let advance = copy(item) - copy(last), step = position - previous.position
                if source == previous.source, (1...gap).contains(advance), (1...gap).contains(step),
                    !oneDocument || position < copy(first)
                {
                    passages[passages.count - 1].append(item)
                    continue
                }
            }
            passages.append([item])
        }
        return passages
    }
}
