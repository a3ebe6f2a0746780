import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reading configuration and rule files, which may come from a repository edlint is asked to
/// lint (a pull request can add a `.linterrc`). Such a file is refused, with a message naming it,
/// when it resolves into `/proc`, `/sys` or `/dev` (a link to `/proc/self/environ` would print
/// the job's secrets in an error), when it is a link leaving the repository it sits in, when it is
/// not a regular file (a FIFO would block), or when it is far larger than any real one.
public enum TrustedFile {
    /// Larger than any configuration or rule file edlint ships or expects.
    public static let largestFile = 1 << 20
    static let systemFolders = ["/proc", "/sys", "/dev"]

    /// The file's bytes, or why it was refused. `boundary`: the folder the file must stay inside
    /// (its repository); nil for a path the user named on the command line.
    public static func read(_ path: String, boundary: String?) -> Result<[UInt8], Refusal> {
        guard let real = FileCollector.realPath(path) else {
            return .failure(Refusal(path: path, reason: String(cString: strerror(errno))))
        }
        for folder in systemFolders where real == folder || real.hasPrefix(folder + "/") {
            return .failure(Refusal(path: path, reason: "it resolves to \(real), a system file; refusing to read it"))
        }
        if let boundary, let realBoundary = FileCollector.realPath(boundary) {
            let inside = realBoundary == "/" || real == realBoundary || real.hasPrefix(realBoundary + "/")
            if !inside {
                return .failure(Refusal(path: path, reason: "it resolves to \(real), outside the repository \(realBoundary); refusing to read it"))
            }
        }
        var info = stat()
        guard stat(real, &info) == 0 else { return .failure(Refusal(path: path, reason: String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(Refusal(path: path, reason: "not a regular file")) }
        guard Int(info.st_size) <= largestFile else {
            return .failure(Refusal(path: path, reason: "\(info.st_size) bytes, larger than any configuration or rule file (1 MB at most)"))
        }
        switch FileCollector.read(real) {
        case .success(let bytes): return bytes.count <= largestFile ? .success(bytes) : .failure(Refusal(path: path, reason: "larger than 1 MB"))
        case .failure(let error): return .failure(Refusal(path: path, reason: error.description))
        }
    }

    /// The repository holding `directory`: the nearest folder at or above it with a `.git` entry.
    public static func repositoryRoot(of directory: String) -> String? {
        var folder = FileCollector.absolute(directory)
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }

    public struct Refusal: Error, Sendable, Equatable {
        public var path: String
        public var reason: String
    }
}
