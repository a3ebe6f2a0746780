import EdLintCore

/// Checkstyle XML, read by most CI dashboards and by reviewdog (`-f=checkstyle`).
public struct CheckstyleReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in report.files {
            output += "  <file name=\"\(XMLText.escape(file.path))\">\n"
            for diagnostic in file.diagnostics {
                let start = file.source.location(of: diagnostic.range.lowerBound)
                output += "    <error line=\"\(start.line)\" column=\"\(start.column)\" severity=\"\(diagnostic.severity.rawValue)\""
                output += " message=\"\(XMLText.escape(diagnostic.message))\" source=\"edlint.\(XMLText.escape(diagnostic.ruleID))\"/>\n"
            }
            output += "  </file>\n"
        }
        return output + "</checkstyle>\n"
    }
}
