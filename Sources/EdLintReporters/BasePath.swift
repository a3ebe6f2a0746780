import EdLintCore

/// Paths as CI platforms want them: relative to a base folder (the repository root), where the
/// platform looks for the file, whatever folder edlint ran in. A path outside it stays as given.
struct BasePath {
    /// The folder, absolute, without a trailing slash (nil: paths are shown as given).
    let folder: String?

    init(_ folder: String?) {
        self.folder = folder.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }

    func relative(_ path: String) -> String {
        inside(path) ?? path
    }

    /// `path` relative to the folder, or nil when it lies outside (or there is no folder).
    func inside(_ path: String) -> String? {
        guard let folder else { return nil }
        let absolute = FileCollector.absolute(path)
        let prefix = folder == "/" ? "/" : folder + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : nil
    }
}
