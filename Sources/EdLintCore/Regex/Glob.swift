/// A path glob from `include`/`exclude`: `*` (within a folder), `**` (across folders), `?`, `[…]`.
/// A glob without `/` matches a file or folder name at any depth, as in `.gitignore`.
public struct Glob: Sendable {
    public let text: String
    private let pattern: PCRE2Pattern

    public init(_ text: String) throws(PatternCompileError) {
        self.text = text
        var glob = text
        if glob.hasPrefix("./") { glob.removeFirst(2) }
        if glob.hasSuffix("/") { glob.removeLast() }
        let anchored = glob.contains("/")
        var regex = anchored ? "^" : "^(?:.*/)?"
        var characters = Array(glob)
        if anchored, characters.first == "/" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    if index + 2 < characters.count, characters[index + 2] == "/" {
                        regex += "(?:.*/)?"
                        index += 3
                    } else {
                        regex += ".*"
                        index += 2
                    }
                    continue
                }
                regex += "[^/]*"
            case "?": regex += "[^/]"
            case "[":
                if let close = characters[(index + 1)...].firstIndex(of: "]") {
                    var body = String(characters[(index + 1)..<close])
                    if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                    regex += "[" + body.replacingBackslashes() + "]"
                    index = close + 1
                    continue
                }
                regex += "\\["
            default:
                regex += PCRE2Pattern.escape(String(character))
            }
            index += 1
        }
        // A glob naming a folder also covers everything inside it.
        regex += "(?:/.*)?$"
        self.pattern = try PCRE2Pattern(regex)
    }

    /// Whether `relativePath` (with `/` separators, relative to the config's folder) matches.
    public func matches(_ relativePath: String) -> Bool {
        ((try? pattern.firstMatch(in: Array(relativePath.utf8))) ?? nil) != nil
    }
}

extension String {
    fileprivate func replacingBackslashes() -> String {
        var result = ""
        for character in self { result += character == "\\" ? "\\\\" : String(character) }
        return result
    }
}
