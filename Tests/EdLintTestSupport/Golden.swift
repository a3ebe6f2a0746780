import Foundation
import Testing

/// Golden-file checks: compare output with a committed file; `EDLINT_UPDATE_GOLDEN=1 swift test`
/// rewrites the files (then review the diff before committing).
public enum Golden {
    public static var directory: URL {
        Fixtures.packageRoot.appendingPathComponent("Tests/ReporterTests/Golden")
    }

    public static func input(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    public static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["EDLINT_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from \(name); rerun with EDLINT_UPDATE_GOLDEN=1 and review the diff", sourceLocation: sourceLocation)
    }
}
