import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file to lint.
public struct LintTarget: Sendable, Hashable {
    /// The path as shown to the user (as given, or joined under the folder given); bytes of a
    /// name that are not UTF-8 are shown escaped (`\xFF`).
    public var displayPath: String
    /// The absolute path, used to find configuration; nil for standard input.
    public var absolutePath: String?
    public var format: DocumentFormat
    public var isStandardInput: Bool
    /// The path's bytes as the file system knows them (a name need not be UTF-8); read by these.
    public var fileSystemPath: [UInt8]? = nil
    /// The index into `LintRequest.providedFiles` when the text was given, not read.
    public var providedIndex: Int? = nil
}

/// Expands the paths given on the command line into files to lint.
///
/// Folders are walked iteratively through open folder descriptors (`openat`, `fdopendir`,
/// `fstatat`): each entry costs a constant number of system calls whatever its depth, links are
/// looked at without being followed, and names are handled as bytes. A path too long for the
/// system to name (PATH_MAX) is reported, not walked.
public struct FileCollector {
    /// Folders never entered when walking: version control, dependencies, build output.
    public static let skippedFolders: Set<String> = [".git", ".hg", ".svn", "node_modules", ".build"]
    /// The longest path the system can open by name.
    public static let longestPath = Int(PATH_MAX) - 1

    /// Decides for a discovered file (absolute path) whether configuration admits it.
    public var admits: (String) -> Bool
    /// Relative paths are resolved against this folder (the working directory).
    public var baseDirectory: String
    /// Whether symbolic links found while walking a folder are followed when they lead outside it
    /// (`--follow-symlinks`). Off by default: a link in a pull request must not make edlint read
    /// `/etc` or a home folder. Paths named on the command line are always read.
    public var followSymlinks: Bool
    /// Whether files named on the command line also pass `include`/`exclude` (`--force-exclude`,
    /// for hooks that name every changed file).
    public var forceExclude: Bool

    public init(
        baseDirectory: String, followSymlinks: Bool = false, forceExclude: Bool = false, admits: @escaping (String) -> Bool = { _ in true }
    ) {
        self.baseDirectory = baseDirectory
        self.followSymlinks = followSymlinks
        self.forceExclude = forceExclude
        self.admits = admits
    }

    /// What a walk found besides files to lint.
    public struct Collection {
        public var targets: [LintTarget] = []
        /// Paths that could not be used, with the reason.
        public var problems: [InputError] = []
        /// Temporary files left by an edlint process that no longer runs (an interrupted
        /// `--fix` or `--output-file`), found in the folders walked.
        public var staleTemporaries: [String] = []
    }

    /// The path on disk for a path as given.
    func onDisk(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    /// Targets in a stable order, and the paths that could not be used (with the reason).
    public func collect(_ paths: [String], standardInputName: String?) -> (targets: [LintTarget], problems: [InputError]) {
        let collection = collectAll(paths, standardInputName: standardInputName)
        return (collection.targets, collection.problems)
    }

    public func collectAll(_ paths: [String], standardInputName: String?) -> Collection {
        var collection = Collection()
        var seen: Set<FileKey> = []
        for path in paths {
            if path == "-" {
                let name = standardInputName ?? "<stdin>"
                let absolute = standardInputName.map { Self.absolute(onDisk($0)) }
                guard let format = standardInputName == nil ? .markdown : DocumentFormat.forPath(name) else {
                    collection.problems.append(.unsupportedFormat(path: name))
                    continue
                }
                collection.targets.append(LintTarget(displayPath: name, absolutePath: absolute, format: format, isStandardInput: true))
                continue
            }
            switch Self.fileType(onDisk(path)) {
            case .missing(let reason):
                collection.problems.append(.unreadable(path: path, reason: reason))
            case .directory:
                walk(path, into: &collection, seen: &seen)
            case .regular, .other:
                let absolute = Self.absolute(onDisk(path))
                if forceExclude, !admits(absolute) { continue }
                guard let format = DocumentFormat.forPath(path) else {
                    // Named explicitly but in a format edlint does not read: an error, never a
                    // silent pass as Markdown.
                    collection.problems.append(.unsupportedFormat(path: path))
                    continue
                }
                if let key = FileIdentity.of(onDisk(path))?.file, !seen.insert(key).inserted { continue }
                collection.targets.append(LintTarget(displayPath: path, absolutePath: absolute, format: format, isStandardInput: false))
            }
        }
        return collection
    }

    /// One open folder of the walk: its descriptor, its paths, and the subfolders still to enter.
    private struct Frame {
        var descriptor: Int32
        var display: [UInt8]
        var absolute: [UInt8]
        var subfolders: [(name: [UInt8], followed: Bool)] = []
        var next = 0
    }

    private func walk(_ root: String, into collection: inout Collection, seen: inout Set<FileKey>) {
        let rootAbsolute = Self.absolute(onDisk(root))
        let rootReal = Self.realPath(rootAbsolute) ?? rootAbsolute
        let rootDescriptor = open(onDisk(root), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootDescriptor >= 0 else {
            collection.problems.append(.unreadable(path: root, reason: "cannot open folder: \(String(cString: strerror(errno)))"))
            return
        }
        var visitedFolders: Set<FileKey> = []
        var rootInfo = stat()
        if fstat(rootDescriptor, &rootInfo) == 0 { visitedFolders.insert(FileIdentity(rootInfo).file) }
        // "." and "./" given on the command line show as bare relative paths.
        let rootDisplay: [UInt8] = root == "." || root == "./" ? [] : Array((root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root).utf8)
        var stack = [Frame(descriptor: rootDescriptor, display: rootDisplay, absolute: Array(rootAbsolute.utf8))]
        list(&stack[0], into: &collection, seen: &seen, rootReal: rootReal)
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].subfolders.count else {
                close(stack[top].descriptor)
                stack.removeLast()
                continue
            }
            let (name, followed) = stack[top].subfolders[stack[top].next]
            stack[top].next += 1
            let display = Self.join(stack[top].display, name)
            let absolute = Self.join(stack[top].absolute, name)
            if absolute.count > Self.longestPath {
                collection.problems.append(.unreadable(path: Self.shortened(Self.displayName(display)), reason: "path too long to name (over \(Self.longestPath) bytes); not walked"))
                continue
            }
            let parent = stack[top].descriptor
            let descriptor = Self.withCString(name) { openat(parent, $0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followed ? 0 : O_NOFOLLOW)) }
            guard descriptor >= 0 else {
                collection.problems.append(.unreadable(path: Self.displayName(display), reason: "cannot open folder: \(String(cString: strerror(errno)))"))
                continue
            }
            var info = stat()
            guard fstat(descriptor, &info) == 0, visitedFolders.insert(FileIdentity(info).file).inserted else {
                close(descriptor)  // a loop through a followed link
                continue
            }
            stack.append(Frame(descriptor: descriptor, display: display, absolute: absolute))
            list(&stack[stack.count - 1], into: &collection, seen: &seen, rootReal: rootReal)
        }
    }

    /// Reads one folder: its files become targets (in name order), its subfolders the frame's
    /// list to enter.
    private func list(_ frame: inout Frame, into collection: inout Collection, seen: inout Set<FileKey>, rootReal: String) {
        let listing = dup(frame.descriptor)
        guard listing >= 0, let folder = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            collection.problems.append(.unreadable(path: Self.displayName(frame.display), reason: "cannot list folder: \(String(cString: strerror(errno)))"))
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(folder) {
            // The name in place, up to its NUL: a dirent record is only as long as its name
            // (d_reclen), so copying the whole 256-byte d_name field reads past the last one.
            guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { continue }
            let start = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
            let name = Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        closedir(folder)
        names.sort { $0.lexicographicallyPrecedes($1) }
        for name in names {
            let display = Self.join(frame.display, name)
            let shown = Self.displayName(display)
            let text = Self.displayName(name)
            if name.first == 0x2E {
                // Hidden entries are skipped; edlint's own leftovers among them are noted.
                if SafeWrite.isStaleTemporary(name: text) { collection.staleTemporaries.append(shown) }
                continue
            }
            let absolute = Self.join(frame.absolute, name)
            var link = stat()
            let found = Self.withCString(name) { fstatat(frame.descriptor, $0, &link, AT_SYMLINK_NOFOLLOW) } == 0
            guard found else {
                collection.problems.append(.unreadable(path: shown, reason: String(cString: strerror(errno))))
                continue
            }
            var info = link
            var isLink = false
            if link.st_mode & S_IFMT == S_IFLNK {
                isLink = true
                guard Self.withCString(name, { fstatat(frame.descriptor, $0, &info, 0) }) == 0 else {
                    if DocumentFormat.forPath(text) != nil, text.contains(".") {
                        collection.problems.append(.unreadable(path: shown, reason: "dangling symbolic link"))
                    }
                    continue
                }
            }
            let mode = info.st_mode & S_IFMT
            if isLink, mode == S_IFREG || mode == S_IFDIR {
                let target = absolute.count <= Self.longestPath ? Self.realPath(String(decoding: absolute, as: UTF8.self)) ?? "" : ""
                let leavesTree = target != rootReal && !target.hasPrefix(rootReal == "/" ? "/" : rootReal + "/")
                if leavesTree && !followSymlinks {
                    if mode == S_IFDIR || DocumentFormat.forPath(text) != nil {
                        collection.problems.append(.linkLeavesTree(path: shown, target: target))
                    }
                    continue
                }
                // Inside the tree, the target is linted (or walked) under its own name, once; a
                // folder outside is walked only when asked, `visitedFolders` stopping loops.
                if !leavesTree { continue }
                if mode == S_IFDIR {
                    frame.subfolders.append((name, true))
                    continue
                }
            }
            switch mode {
            case S_IFDIR:
                if Self.skippedFolders.contains(text) { continue }
                frame.subfolders.append((name, false))
            case S_IFREG:
                guard let format = DocumentFormat.forPath(text) else { continue }
                if absolute.count > Self.longestPath {
                    collection.problems.append(.unreadable(path: Self.shortened(shown), reason: "path too long to name (over \(Self.longestPath) bytes)"))
                    continue
                }
                let absoluteText = String(decoding: absolute, as: UTF8.self)
                guard admits(absoluteText), seen.insert(FileIdentity(info).file).inserted else { continue }
                let valid = String(validating: display, as: UTF8.self) != nil
                collection.targets.append(
                    LintTarget(
                        displayPath: shown, absolutePath: absoluteText, format: format, isStandardInput: false,
                        fileSystemPath: valid ? nil : absolute))
            default:
                // A FIFO, socket or device named like a text file: say so rather than skip it silently.
                if DocumentFormat.forPath(text) != nil, text.contains(".") {
                    collection.problems.append(.unreadable(path: shown, reason: "not a regular file"))
                }
            }
        }
    }

    private static func join(_ folder: [UInt8], _ name: [UInt8]) -> [UInt8] {
        if folder.isEmpty { return name }
        var path = folder
        if path.last != 0x2F { path.append(0x2F) }
        path.append(contentsOf: name)
        return path
    }

    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        var terminated = bytes
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// A path's bytes as text: UTF-8 decoded, any other byte shown as `\xNN`.
    public static func displayName(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var text = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 sequence starting here (1 to 4 bytes), else one escaped byte.
            var decoded: String?
            for length in (1...4).reversed() where index + length <= bytes.count {
                if let piece = String(validating: bytes[index..<(index + length)], as: UTF8.self), piece.unicodeScalars.count == 1 {
                    decoded = piece
                    index += length
                    break
                }
            }
            if let decoded {
                text += decoded
            } else {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    /// A very long path cut in the middle for a message.
    static func shortened(_ path: String) -> String {
        path.count <= 200 ? path : String(path.prefix(80)) + "…" + String(path.suffix(80))
    }

    /// A file's size in bytes (0 when it cannot be read).
    public static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// A regular file's bytes, by a path given as bytes (a name need not be UTF-8).
    public static func read(fileSystemPath bytes: [UInt8], displayPath: String) -> Result<[UInt8], InputError> {
        let descriptor = withCString(bytes) { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
        guard descriptor >= 0 else { return .failure(.unreadable(path: displayPath, reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        // Opened without blocking, then checked: a FIFO or device is refused, never waited on,
        // and nothing can be swapped in between a check and the open.
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(path: displayPath, reason: String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.unreadable(path: displayPath, reason: "is a folder"))
        default: return .failure(.unreadable(path: displayPath, reason: "not a regular file"))
        }
        switch readAll(descriptor) {
        case .success(let bytes): return .success(bytes)
        case .failure(let error): return .failure(.unreadable(path: displayPath, reason: error.reason))
        }
    }

    public static func isDirectory(_ path: String) -> Bool {
        if case .directory = fileType(path) { return true }
        return false
    }

    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    enum FileType {
        case regular, directory, other
        case missing(String)
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

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a regular file's bytes; a reason when it cannot.
    public static func read(_ path: String) -> Result<[UInt8], InputError> {
        read(fileSystemPath: Array(path.utf8), displayPath: path)
    }

    public struct ReadError: Error {
        public var reason: String
    }

    /// Reads a descriptor to its end.
    public static func readAll(_ descriptor: Int32) -> Result<[UInt8], ReadError> {
        var bytes: [UInt8] = []
        // A regular file's size is known: one allocation of that size, not doubling growth
        // (which holds up to twice the file, and three times while it copies).
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 {
            bytes.reserveCapacity(Int(info.st_size) + 1)
        }
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
        // A pipe's size is not known: what doubling growth left spare is given back, since the
        // bytes are kept for the whole run.
        return .success(bytes.withoutSpareRoom())
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
