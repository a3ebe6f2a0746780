import EdLintCore

/// GitHub Actions workflow commands, one per finding:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Values are escaped
/// the way the runner expects (`%`, CR, LF everywhere; `:` and `,` in properties too), after
/// control, escape and bidi characters are shown escaped (`\u{1B}`). Paths are relative to
/// `basePath` (the repository root), where the runner looks for them, wherever edlint ran.
public struct GitHubReporter: Reporter {
    public var basePath: String? { base.folder }
    private let base: BasePath

    public init(basePath: String? = nil) {
        self.base = BasePath(basePath)
    }

    /// GitHub shows this many annotations of each level per step; the rest are only in the log.
    public static let annotationsShownPerLevel = 10

    public func render(_ report: Report) -> String {
        var output = ""
        var perLevel: [String: Int] = [:]
        for file in report.files {
            for diagnostic in file.diagnostics {
                let start = file.source.location(of: diagnostic.range.lowerBound)
                let end = file.source.location(of: diagnostic.range.upperBound)
                let command: String
                switch diagnostic.severity {
                case .error: command = "error"
                case .warning: command = "warning"
                case .info: command = "notice"
                }
                perLevel[command, default: 0] += 1
                var properties = ["file=\(Self.property(base.relative(file.path)))", "line=\(start.line)", "col=\(start.column)"]
                if !file.source.bytes.isEmpty {
                    properties += ["endLine=\(end.line)", "endColumn=\(end.column)"]
                }
                properties.append("title=\(Self.property("edlint " + diagnostic.ruleID))")
                output += "::\(command) \(properties.joined(separator: ","))::\(Self.data(diagnostic.message))\n"
            }
        }
        // Past the runner's cap the rest would vanish without a word: one last annotation says
        // how many there are (it is itself a notice, so it shows unless notices are full too).
        if perLevel.values.contains(where: { $0 > Self.annotationsShownPerLevel }) {
            let counts = [("error", "error"), ("warning", "warning"), ("notice", "notice")].compactMap { key, name -> String? in
                guard let count = perLevel[key], count > 0 else { return nil }
                return "\(count) \(name)\(count == 1 ? "" : "s")"
            }
            let total = perLevel.values.reduce(0, +)
            output += "::notice title=\(Self.property("edlint: \(total) findings"))::"
                + Self.data("edlint found \(total) findings (\(counts.joined(separator: ", "))); GitHub shows \(Self.annotationsShownPerLevel) annotations of each level per step, so not all appear on the diff. The log above lists every one; the job summary counts them by rule.")
                + "\n"
        }
        return output
    }

    /// Escaping for a command's message.
    static func data(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case _ where TerminalText.isUnsafe(character):
                // Escape and bidi characters from a file would reach the log viewer raw.
                result += "\\u{" + String(character.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Escaping for a property value.
    static func property(_ text: String) -> String {
        var result = ""
        for character in data(text).unicodeScalars {
            switch character {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
