import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file to lint.
public struct LintTarget: Sendable, Hashable {
    /// The path as shown to the user (as given, or joined under the folder given).
    public var displayPath: String
    /// The absolute path, used to find configuration; nil for standard input.
    public var absolutePath: String?
    public var format: DocumentFormat
    public var isStandardInput: Bool
}

/// Expands the paths given on the command line into files to lint.
public struct FileCollector {
    /// Folders never entered when walking: version control, dependencies, build output.
    public static let skippedFolders: Set<String> = [".git", ".hg", ".svn", "node_modules", ".build"]

    /// Decides for a discovered file (absolute path) whether configuration admits it.
    public var admits: (String) -> Bool
    /// Relative paths are resolved against this folder (the working directory).
    public var baseDirectory: String
    /// Whether symbolic links found while walking a folder are followed when they lead outside it
    /// (`--follow-symlinks`). Off by default: a link in a pull request must not make edlint read
    /// `/etc` or a home folder. Paths named on the command line are always read.
    public var followSymlinks: Bool

    public init(baseDirectory: String, followSymlinks: Bool = false, admits: @escaping (String) -> Bool = { _ in true }) {
        self.baseDirectory = baseDirectory
        self.followSymlinks = followSymlinks
        self.admits = admits
    }

    /// The path on disk for a path as given.
    func onDisk(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    /// Targets in a stable order, and the paths that could not be used (with the reason).
    public func collect(_ paths: [String], standardInputName: String?) -> (targets: [LintTarget], problems: [InputError]) {
        var targets: [LintTarget] = []
        var problems: [InputError] = []
        var seen: Set<String> = []
        for path in paths {
            if path == "-" {
                let name = standardInputName ?? "<stdin>"
                let absolute = standardInputName.map { Self.absolute(onDisk($0)) }
                targets.append(
                    LintTarget(displayPath: name, absolutePath: absolute, format: DocumentFormat.forPath(name) ?? .markdown, isStandardInput: true))
                continue
            }
            switch Self.fileType(onDisk(path)) {
            case .missing(let reason):
                problems.append(.unreadable(path: path, reason: reason))
            case .directory:
                walk(path, into: &targets, seen: &seen, problems: &problems)
            case .regular, .other:
                let absolute = Self.absolute(onDisk(path))
                if seen.insert(absolute).inserted {
                    // A file named explicitly is linted whatever its extension.
                    targets.append(
                        LintTarget(displayPath: path, absolutePath: absolute, format: DocumentFormat.forPath(path) ?? .plainText, isStandardInput: false))
                }
            }
        }
        return (targets, problems)
    }

    private func walk(_ root: String, into targets: inout [LintTarget], seen: inout Set<String>, problems: inout [InputError]) {
        let rootReal = Self.realPath(onDisk(root)) ?? Self.absolute(onDisk(root))
        var stack = [root]
        var visitedFolders: Set<String> = []
        var seenReal: Set<String> = []  // two followed links to one file: linted once
        while let folder = stack.popLast() {
            let real = Self.realPath(onDisk(folder)) ?? onDisk(folder)
            guard visitedFolders.insert(real).inserted else { continue }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: onDisk(folder)) else {
                problems.append(.unreadable(path: folder, reason: "cannot list folder"))
                continue
            }
            var subfolders: [String] = []
            for name in entries.sorted() where !name.hasPrefix(".") {
                // "." and "./" given on the command line show as bare relative paths.
                let path = folder == "." || folder == "./" ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
                let type = Self.linkAwareType(onDisk(path))
                if type == .regular || type == .symlinkToDirectory, Self.isSymbolicLink(onDisk(path)) {
                    let target = Self.realPath(onDisk(path)) ?? ""
                    let leavesTree = target != rootReal && !target.hasPrefix(rootReal == "/" ? "/" : rootReal + "/")
                    if leavesTree && !followSymlinks {
                        if type == .symlinkToDirectory || DocumentFormat.forPath(name) != nil {
                            problems.append(.linkLeavesTree(path: path, target: target))
                        }
                        continue
                    }
                    // Inside the tree, the target is linted (or walked) under its own name, once; a
                    // folder outside is walked only when asked, `visitedFolders` stopping loops.
                    if !leavesTree { continue }
                    if type == .symlinkToDirectory {
                        subfolders.append(path)
                        continue
                    }
                }
                switch type {
                case .directory:
                    if Self.skippedFolders.contains(name) { continue }
                    subfolders.append(path)
                case .regular:
                    guard let format = DocumentFormat.forPath(name) else { continue }
                    let absolute = Self.absolute(onDisk(path))
                    guard admits(absolute), seen.insert(absolute).inserted else { continue }
                    guard seenReal.insert(Self.realPath(onDisk(path)) ?? absolute).inserted else { continue }
                    targets.append(LintTarget(displayPath: path, absolutePath: absolute, format: format, isStandardInput: false))
                case .other, .missing:
                    // A FIFO, socket or device, or a symlink to nothing, named like a text file:
                    // say so rather than skip it silently.
                    if DocumentFormat.forPath(name) != nil, name.contains(".") {
                        let reason = type == .missing ? "dangling symbolic link" : "not a regular file"
                        problems.append(.unreadable(path: path, reason: reason))
                    }
                case .symlinkToDirectory:
                    continue  // handled above
                }
            }
            stack.append(contentsOf: subfolders.reversed())
        }
    }

    /// A file's size in bytes (0 when it cannot be read).
    public static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        if case .directory = fileType(path) { return true }
        return false
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    enum FileType {
        case regular, directory, other
        case missing(String)
    }

    enum WalkType: Equatable {
        case regular, directory, symlinkToDirectory, other, missing
    }

    static func fileType(_ path: String) -> FileType {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .other
        }
    }

    static func linkAwareType(_ path: String) -> WalkType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        let mode = info.st_mode & S_IFMT
        if mode == S_IFLNK {
            var target = stat()
            guard stat(path, &target) == 0 else { return .missing }
            switch target.st_mode & S_IFMT {
            case S_IFDIR: return .symlinkToDirectory
            case S_IFREG: return .regular
            default: return .other
            }
        }
        switch mode {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        default: return .other
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a regular file's bytes; a reason when it cannot.
    public static func read(_ path: String) -> Result<[UInt8], InputError> {
        switch fileType(path) {
        case .missing(let reason): return .failure(.unreadable(path: path, reason: reason))
        case .directory: return .failure(.unreadable(path: path, reason: "is a folder"))
        case .other: return .failure(.unreadable(path: path, reason: "not a regular file"))
        case .regular: break
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.unreadable(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        switch readAll(descriptor) {
        case .success(let bytes): return .success(bytes)
        case .failure(let error): return .failure(.unreadable(path: path, reason: error.reason))
        }
    }

    public struct ReadError: Error {
        public var reason: String
    }

    /// Reads a descriptor to its end.
    public static func readAll(_ descriptor: Int32) -> Result<[UInt8], ReadError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }
}
