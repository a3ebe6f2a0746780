import EdLintCore

/// JUnit XML: one test case per finding (failed), and one passing case for each clean file, so
/// CI test reports show what was checked.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        var cases: [String] = []
        var failures = 0
        for file in report.files {
            let path = XMLText.escape(file.path)
            if file.diagnostics.isEmpty {
                cases.append("    <testcase classname=\"\(path)\" name=\"edlint\" time=\"0\"/>")
                continue
            }
            for diagnostic in file.diagnostics {
                failures += 1
                let start = file.source.location(of: diagnostic.range.lowerBound)
                let detail = "\(file.path):\(start.line):\(start.column): \(diagnostic.severity.rawValue) [\(diagnostic.ruleID)] \(diagnostic.message)"
                cases.append(
                    "    <testcase classname=\"\(path)\" name=\"\(XMLText.escape(diagnostic.ruleID)) at \(start.line):\(start.column)\" time=\"0\">\n"
                        + "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(XMLText.escape(diagnostic.message))\">\(XMLText.escape(detail))</failure>\n"
                        + "    </testcase>")
            }
        }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"edlint\" tests=\"\(cases.count)\" failures=\"\(failures)\">\n"
        output += "  <testsuite name=\"edlint\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        output += cases.joined(separator: "\n") + (cases.isEmpty ? "" : "\n")
        output += "  </testsuite>\n</testsuites>\n"
        return output
    }
}
