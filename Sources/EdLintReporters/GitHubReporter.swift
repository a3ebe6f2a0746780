import EdLintCore

/// GitHub Actions workflow commands, one per finding:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Values are escaped
/// the way the runner expects (`%`, CR, LF everywhere; `:` and `,` in properties too).
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var output = ""
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
                var properties = ["file=\(Self.property(file.path))", "line=\(start.line)", "col=\(start.column)"]
                if !file.source.bytes.isEmpty {
                    properties += ["endLine=\(end.line)", "endColumn=\(end.column)"]
                }
                properties.append("title=\(Self.property("edlint " + diagnostic.ruleID))")
                output += "::\(command) \(properties.joined(separator: ","))::\(Self.data(diagnostic.message))\n"
            }
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
