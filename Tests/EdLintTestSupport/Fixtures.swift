import EdLintCore
import Foundation

/// Paths the tests need: the package root, the shared evaluation folder beside it.
public enum Fixtures {
    /// The package root (found from this file's location).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` beside the package, or nil on a user's fresh clone (tests that need it skip).
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The `edlint` executable the CLI tests run: `EDLINT_BINARY` when set (the test command
    /// builds a release binary and points here, so the multi-megabyte cases run at shipping
    /// speed), else the one built beside the test bundle.
    public static var edlintBinary: URL? {
        if let override = ProcessInfo.processInfo.environment["EDLINT_BINARY"], !override.isEmpty {
            return FileManager.default.isExecutableFile(atPath: override) ? URL(fileURLWithPath: override) : nil
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("edlint")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        let fallback = packageRoot.appendingPathComponent(".build/debug/edlint")
        return FileManager.default.fileExists(atPath: fallback.path) ? fallback : nil
    }

    /// Whether `python3` can import `module` (for validators the suite borrows).
    public static func pythonHasModule(_ module: String) -> Bool {
        let result = try? Run.process(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import \(module)"])
        return result?.status == 0
    }

    /// A fresh temporary folder, removed by the caller (or left to the OS).
    public static func temporaryDirectory(_ name: String = "edlint-test") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → text) under `directory`.
    public static func write(_ files: [String: String], in directory: URL) throws {
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}

/// Runs a process and captures its output.
public struct ProcessResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

public enum Run {
    /// Runs `executable`; a run still going after `timeout` seconds is terminated (status 15 or
    /// 9 then tells the caller it hung).
    public static func process(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: String? = nil, stdinBytes: [UInt8]? = nil,
        environment: [String: String]? = nil, timeout: Double? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let timeout {
            let watched = process
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if watched.isRunning { watched.terminate() }
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        if let stdinBytes { input.fileHandleForWriting.write(Data(stdinBytes)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes before waiting so a full pipe cannot block the child.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
