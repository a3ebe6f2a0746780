import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// `make fuzz` instruments the code for libFuzzer and links libFuzzer's runtime (without its own
// main, exporting its symbols); this main hands control to libFuzzer's driver with
// `fuzzOneInput` as the target. In an ordinary build the driver is absent and the program says
// how to build it instead — so `swift build` of the whole package still links.
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
typealias RunDriver = @convention(c) (
    UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, FuzzCallback
) -> Int32

guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") else {
    FileHandle.standardError.write(Data("EdLintFuzz: built without libFuzzer; run `make fuzz`\n".utf8))
    exit(2)
}
let runDriver = unsafeBitCast(symbol, to: RunDriver.self)
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv) { data, size in
    guard let data, size > 0 else { return 0 }
    return fuzzOneInput(data, size)
})
