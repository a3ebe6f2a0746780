/// Leaks LeakSanitizer should not report under `swift test --sanitize=address`: Foundation's
/// `Process.run` keeps a weak-reference side table it never frees, and XCTest keeps its suite
/// bookkeeping until exit — the toolchain's leaks, not edlint's. LeakSanitizer looks this function
/// up by name at start-up; in an ordinary build nothing calls it. (SwiftPM links this module into
/// the test runner as well, so one definition serves both.)
@_cdecl("__lsan_default_suppressions")
public func leakSanitizerDefaultSuppressions() -> UnsafePointer<CChar> {
    let suppressions: StaticString = "leak:Foundation7ProcessC3run\nleak:libXCTest.so\n"
    return UnsafeRawPointer(suppressions.utf8Start).assumingMemoryBound(to: CChar.self)
}
