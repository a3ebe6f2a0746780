import Algorithms

/// The distinct values of `values`, sorted.
func sortedDistinct<Value: Comparable>(_ values: [Value]) -> [Value] {
    var sorted = values.sorted()
    var count = 0
    for value in sorted where count == 0 || sorted[count - 1] != value {
        sorted[count] = value
        count += 1
    }
    // A copy of the distinct part when there were repeats: these lists are kept (one per
    // sentence, block and shingled text), and removing the tail would keep its room.
    return count == sorted.count ? sorted : Array(sorted[..<count])
}

/// Whether a sorted array holds a value.
@inline(__always)
func sortedContains<Value: Comparable>(_ array: [Value], _ value: Value) -> Bool {
    let index = array.partitioningIndex { $0 >= value }
    return index < array.count && array[index] == value
}
