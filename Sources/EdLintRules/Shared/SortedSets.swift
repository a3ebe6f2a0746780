import Algorithms

/// The distinct values of `values`, sorted.
func sortedDistinct<Value: Comparable>(_ values: [Value]) -> [Value] {
    var sorted = values.sorted()
    var count = 0
    for value in sorted where count == 0 || sorted[count - 1] != value {
        sorted[count] = value
        count += 1
    }
    sorted.removeLast(sorted.count - count)
    return sorted
}

/// Whether a sorted array holds a value.
@inline(__always)
func sortedContains(_ array: [Int], _ value: Int) -> Bool {
    let index = array.partitioningIndex { $0 >= value }
    return index < array.count && array[index] == value
}
