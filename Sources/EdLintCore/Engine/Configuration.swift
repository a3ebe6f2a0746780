import Foundation

/// A rule's or category's settings from `.linterrc`.
public struct RuleSetting {
    public var enabled: Bool?
    public var severity: Severity?
    /// Raw option values, checked against the rule's declared options when rules are resolved.
    public var options: [(name: String, location: FileLocation, value: YAMLValue)] = []
    public var location: FileLocation
}

/// A loaded `.linterrc`: every key documented in `.linterrc.example`.
public struct Configuration {
    public static let fileNames = [".linterrc", ".linterrc.yml", ".linterrc.yaml"]
    public static let keys = [
        "rules_paths", "include", "exclude", "fail_on", "min_severity", "max_findings_per_rule", "categories", "rules",
    ]

    /// The file it came from, or nil for the defaults.
    public var path: String?
    /// Globs and `rules_paths` are relative to this folder.
    public var directory: String
    public var rulesPaths: [(path: String, location: FileLocation)] = []
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var failOn: FailLevel?
    public var minSeverity: Severity?
    public var maxFindingsPerRule: Int?
    public var categories: [(category: Category, setting: RuleSetting)] = []
    public var rules: [(id: String, setting: RuleSetting)] = []

    /// The defaults, for `--no-config` or when no `.linterrc` is found.
    public static func defaults(directory: String) -> Configuration {
        Configuration(path: nil, directory: directory)
    }

    /// Loads a `.linterrc`. One found in a folder is `boundary`-checked (see `TrustedFile`): it
    /// must not be a link leaving its repository; `explicit` (named with `--config`) is not.
    public static func load(path: String, explicit: Bool = false) throws(ConfigurationError) -> Configuration {
        let folder = (FileCollector.absolute(path) as NSString).deletingLastPathComponent
        let text: String
        switch TrustedFile.read(path, boundary: explicit ? nil : TrustedFile.repositoryRoot(of: folder)) {
        case .success(let bytes):
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw ConfigurationError.unreadable(path: path, reason: "not valid UTF-8")
            }
            text = decoded
        case .failure(let refusal):
            throw .unreadable(path: path, reason: refusal.reason)
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, path: path, directory: directory)
    }

    public static func parse(_ text: String, path: String, directory: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration(path: path, directory: directory)
        do {
            guard let root = try YAMLValue.parse(text, path: path) else { return configuration }
            for entry in try root.mapping(named: "the configuration", allowed: keys) {
                let value = entry.value
                switch entry.key {
                case "rules_paths":
                    configuration.rulesPaths = try value.strings(key: entry.key).map { path, location in
                        (URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path, location)
                    }
                case "include", "exclude":
                    var globs: [Glob] = []
                    for (text, location) in try value.strings(key: entry.key) {
                        do { globs.append(try Glob(text)) } catch {
                            throw ConfigurationError.invalidGlob(location, glob: text, message: error.message)
                        }
                    }
                    if entry.key == "include" { configuration.include = globs } else { configuration.exclude = globs }
                case "fail_on":
                    configuration.failOn = try value.enumeration(FailLevel.self, key: entry.key)
                case "max_findings_per_rule":
                    guard case .scalar(let scalar) = value.node, let number = Int(scalar.string), number >= 0 else {
                        throw YAMLShapeError.wrongType(value.location, key: entry.key, expected: "a whole number (0: no cap)")
                    }
                    configuration.maxFindingsPerRule = number
                case "min_severity":
                    configuration.minSeverity = try value.enumeration(Severity.self, key: entry.key)
                case "categories":
                    for category in try value.mapping(named: "categories", allowed: nil) {
                        if category.key == Category.edlint.rawValue {
                            throw ConfigurationError.notConfigurable(category.keyLocation, name: category.key, flag: nil)
                        }
                        guard let known = Category(rawValue: category.key) else {
                            throw ConfigurationError.unknownCategory(
                                category.keyLocation, name: category.key,
                                suggestion: NameSuggestion.nearest(to: category.key, in: Category.configurable.map(\.rawValue)))
                        }
                        let setting = try setting(category.value, name: category.key, location: category.keyLocation, allowsOptions: false)
                        configuration.categories.append((known, setting))
                    }
                case "rules":
                    for rule in try value.mapping(named: "rules", allowed: nil) {
                        let setting = try setting(rule.value, name: rule.key, location: rule.keyLocation, allowsOptions: true)
                        configuration.rules.append((rule.key, setting))
                    }
                default:
                    break
                }
            }
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YAMLShapeError {
            throw .shape(error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        return configuration
    }

    /// `off`/`false`, `on`/`true`, a severity, or `{enabled, severity, options}`.
    private static func setting(_ value: YAMLValue, name: String, location: FileLocation, allowsOptions: Bool) throws -> RuleSetting {
        var setting = RuleSetting(location: location)
        if case .scalar(let scalar) = value.node {
            switch scalar.string {
            case "off", "false", "disable", "disabled": setting.enabled = false
            case "on", "true", "enable", "enabled": setting.enabled = true
            case let word where ["no", "yes", "n", "y", "none", "null", "~"].contains(word.lowercased())
                || ["false", "true", "off", "on"].contains(word.lowercased()):
                // YAML 1.1's other spellings of yes/no (and different capitals): say what is
                // accepted instead of suggesting the nearest severity.
                throw YAMLShapeError.invalidValue(
                    value.location, key: name,
                    message: "'\(excerpt(scalar.string))' is not a setting; write off or on (false or true), or a severity: error, warning, info")
            default:
                setting.severity = try value.enumeration(Severity.self, key: "severity")
                setting.enabled = true
            }
            return setting
        }
        let allowed = allowsOptions ? ["enabled", "severity", "options"] : ["enabled", "severity"]
        for entry in try value.mapping(named: "a rule setting", allowed: allowed) {
            switch entry.key {
            case "enabled": setting.enabled = try entry.value.bool(key: "enabled")
            case "severity": setting.severity = try entry.value.enumeration(Severity.self, key: "severity")
            case "options":
                for option in try entry.value.mapping(named: "options", allowed: nil) {
                    setting.options.append((option.key, option.keyLocation, option.value))
                }
            default: break
            }
        }
        return setting
    }

    /// Whether `relativePath` (to `directory`) passes `include` and `exclude`.
    public func admits(relativePath: String) -> Bool {
        if exclude.contains(where: { $0.matches(relativePath) }) { return false }
        return include.isEmpty || include.contains(where: { $0.matches(relativePath) })
    }
}

/// Finds the `.linterrc` that governs a file: the nearest one in the file's folder or above,
/// stopping at the repository root (the folder holding `.git`).
public final class ConfigurationFinder {
    private var byDirectory: [String: String?] = [:]

    public init() {}

    public func configurationPath(forDirectory directory: String) -> String? {
        if let cached = byDirectory[directory] { return cached }
        var found: String?
        let manager = FileManager.default
        for name in Configuration.fileNames {
            let candidate = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                found = candidate
                break
            }
        }
        if found == nil {
            let isRepositoryRoot = manager.fileExists(atPath: (directory as NSString).appendingPathComponent(".git"))
            let parent = (directory as NSString).deletingLastPathComponent
            if !isRepositoryRoot, parent != directory, !parent.isEmpty {
                found = configurationPath(forDirectory: parent)
            }
        }
        byDirectory[directory] = found
        return found
    }
}
