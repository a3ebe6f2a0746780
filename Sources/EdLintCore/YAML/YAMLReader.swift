import Yams

/// A place in a configuration or rule file, printed as `path:line:column`.
public struct FileLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// Text from a configuration or rule file as a message may quote it: one line, at most `limit`
/// characters. A file that is not what it claims to be (a link to `/proc/self/environ`, a key
/// holding a secret) must not be echoed whole into a CI log.
public func excerpt(_ text: String, limit: Int = 60) -> String {
    let line = text.prefix { $0 != "\n" && $0 != "\r" }
    if line.count <= limit && line.count == text.count { return text }
    return String(line.prefix(limit)) + "…"
}

/// A YAML file that does not have the shape edlint expects. Shared by rule files and `.linterrc`.
public enum YAMLShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(FileLocation, String)
    case unknownKey(FileLocation, key: String, suggestion: String?, where: String)
    case missingKey(FileLocation, key: String, where: String)
    case wrongType(FileLocation, key: String, expected: String)
    case invalidValue(FileLocation, key: String, message: String)
    case tooLarge(FileLocation, nodes: Int)

    public var location: FileLocation {
        switch self {
        case .syntax(let location, _), .unknownKey(let location, _, _, _), .missingKey(let location, _, _),
            .wrongType(let location, _, _), .invalidValue(let location, _, _), .tooLarge(let location, _):
            location
        }
    }

    public var description: String {
        switch self {
        case .syntax(let location, let message): "\(location): invalid YAML: \(excerpt(message, limit: 120))"
        case .unknownKey(let location, let key, let suggestion, let context):
            "\(location): unknown key '\(excerpt(key))' in \(context)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .missingKey(let location, let key, let context): "\(location): \(context) needs the key '\(key)'"
        case .wrongType(let location, let key, let expected): "\(location): '\(excerpt(key))' must be \(expected)"
        case .invalidValue(let location, let key, let message): "\(location): '\(excerpt(key))': \(excerpt(message, limit: 160))"
        case .tooLarge(let location, let nodes):
            "\(location): the file expands to more than \(nodes) YAML values (aliases nested in aliases?); edlint's files are far smaller"
        }
    }
}

/// A YAML node with the file it came from: typed accessors that fail with `path:line`.
public struct YAMLValue {
    public let node: Node
    public let path: String

    public init(node: Node, path: String) {
        self.node = node
        self.path = path
    }

    /// Parses `text`; nil for an empty document.
    public static func parse(_ text: String, path: String) throws(YAMLShapeError) -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            let value = YAMLValue(node: node, path: path)
            try value.checkExpandedSize()
            return value
        } catch let error as YAMLShapeError {
            throw error
        } catch let error as YamlError {
            throw .syntax(Self.location(of: error, path: path), Self.problem(of: error))
        } catch {
            throw .syntax(FileLocation(path: path, line: 1), "\(error)")
        }
    }

    public var location: FileLocation {
        FileLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// A mapping's entries in file order; unknown keys (not in `allowed`) fail with the nearest valid name.
    public func mapping(named context: String, allowed: [String]?) throws(YAMLShapeError) -> [(key: String, keyLocation: FileLocation, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else {
            throw .wrongType(location, key: context, expected: "a mapping of keys to values")
        }
        var entries: [(key: String, keyLocation: FileLocation, value: YAMLValue)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, path: path)
            guard let key = keyNode.scalar?.string else {
                throw .wrongType(keyValue.location, key: context, expected: "a mapping with plain string keys")
            }
            if let allowed, !allowed.contains(key) {
                throw .unknownKey(
                    keyValue.location, key: key, suggestion: NameSuggestion.nearest(to: key, in: allowed), where: context)
            }
            if !seen.insert(key).inserted {
                throw .invalidValue(keyValue.location, key: key, message: "the key appears twice")
            }
            entries.append((key, keyValue.location, YAMLValue(node: valueNode, path: path)))
        }
        return entries
    }

    public var isNull: Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) }
        return false
    }

    public func string(key: String) throws(YAMLShapeError) -> String {
        guard case .scalar(let scalar) = node else { throw .wrongType(location, key: key, expected: "a string") }
        return scalar.string
    }

    public func bool(key: String) throws(YAMLShapeError) -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw .wrongType(location, key: key, expected: "true or false")
        }
        return value
    }

    public func int(key: String, range: ClosedRange<Int>) throws(YAMLShapeError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            throw .wrongType(location, key: key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(value) else {
            throw .invalidValue(location, key: key, message: "\(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    public func double(key: String, range: ClosedRange<Double>) throws(YAMLShapeError) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            throw .wrongType(location, key: key, expected: "a number from \(range.lowerBound) to \(range.upperBound)")
        }
        guard range.contains(value) else {
            throw .invalidValue(location, key: key, message: "\(value) is out of range \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    /// One of an enumeration's raw values; otherwise an error listing them, with the nearest.
    public func enumeration<T: RawRepresentable & CaseIterable>(_ type: T.Type, key: String) throws(YAMLShapeError) -> T
    where T.RawValue == String {
        let name = try string(key: key)
        guard let result = T(rawValue: name) else {
            let names = T.allCases.map(\.rawValue)
            throw .invalidValue(
                location, key: key,
                message: "'\(name)' is not one of \(names.joined(separator: ", "))"
                    + (NameSuggestion.nearest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""))
        }
        return result
    }

    /// A list of strings; a single string is accepted as a list of one.
    public func strings(key: String) throws(YAMLShapeError) -> [(String, FileLocation)] {
        switch node {
        case .scalar(let scalar): return [(scalar.string, location)]
        case .sequence(let sequence):
            var result: [(String, FileLocation)] = []
            for element in sequence {
                let item = YAMLValue(node: element, path: path)
                guard case .scalar(let scalar) = element else {
                    throw .wrongType(item.location, key: key, expected: "a list of strings")
                }
                result.append((scalar.string, item.location))
            }
            return result
        default:
            throw .wrongType(location, key: key, expected: "a list of strings")
        }
    }

    /// The most values a configuration or rule file may expand to. Aliases let a few lines stand
    /// for billions of values (a "YAML bomb"); walking them would hang the run.
    static let maximumNodes = 200_000

    private func checkExpandedSize() throws(YAMLShapeError) {
        var stack = [node]
        var visited = 0
        while let current = stack.popLast() {
            visited += 1
            if visited > Self.maximumNodes { throw .tooLarge(location, nodes: Self.maximumNodes) }
            switch current {
            case .scalar, .alias: break
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
    }

    private static func location(of error: YamlError, path: String) -> FileLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            FileLocation(path: path, line: mark.line, column: mark.column)
        default:
            FileLocation(path: path, line: 1)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            context.map { "\(problem) (\($0.text))" } ?? problem
        default:
            "\(error)"
        }
    }
}

/// "Did you mean …?" for misspelt keys, rule ids and categories.
public enum NameSuggestion {
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        let lowered = name.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if let current = best, current.1 <= distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowance = max(2, name.count / 3)
        return best.1 <= allowance ? best.0 : nil
    }

    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
