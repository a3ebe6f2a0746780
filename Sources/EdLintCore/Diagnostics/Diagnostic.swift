/// A half-open range of UTF-8 byte offsets into a file's original bytes (BOM included).
/// Byte offsets travel unchanged from parsing to output; only reporters turn them into lines and columns.
public typealias ByteRange = Range<Int>

/// Another place a finding points at ("first stated at line 12"), possibly in another file.
public struct RelatedLocation: Sendable, Hashable, Codable {
    public var message: String
    public var range: ByteRange
    /// The other file's path, or nil for the same file.
    public var path: String?

    public init(message: String, range: ByteRange, path: String? = nil) {
        self.message = message
        self.range = range
        self.path = path
    }
}

/// A safe, mechanical edit: replace `range` with `replacement`.
public struct Fix: Sendable, Hashable, Codable {
    public var range: ByteRange
    public var replacement: String

    public init(range: ByteRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// One finding of one rule in one file.
public struct Diagnostic: Sendable, Hashable {
    public var ruleID: String
    public var category: Category
    public var severity: Severity
    public var message: String
    public var range: ByteRange
    public var related: [RelatedLocation]
    public var fix: Fix?

    public init(
        ruleID: String, category: Category, severity: Severity, message: String, range: ByteRange,
        related: [RelatedLocation] = [], fix: Fix? = nil
    ) {
        self.ruleID = ruleID
        self.category = category
        self.severity = severity
        self.message = message
        self.range = range
        self.related = related
        self.fix = fix
    }

    /// Deterministic output order: by position, then rule id, then message.
    public static func inReportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.range.lowerBound != rhs.range.lowerBound { return lhs.range.lowerBound < rhs.range.lowerBound }
        if lhs.range.upperBound != rhs.range.upperBound { return lhs.range.upperBound < rhs.range.upperBound }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
