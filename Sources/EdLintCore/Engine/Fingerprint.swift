

/// Content fingerprints: a finding's identity that survives lines inserted above it.
///
/// The hash covers the rule id and the flagged text with whitespace folded, plus how many
/// earlier findings of the same rule in the file flagged the same text — so two identical
/// findings in one file stay distinct, and nothing depends on line numbers.
public enum Fingerprint {
    public static func values(for diagnostics: [Diagnostic], in source: SourceFile) -> [String] {
        var seen: [UInt64: Int] = [:]
        return diagnostics.map { diagnostic in
            let base = hash(diagnostic.ruleID + "\u{0}" + normalized(source.text(in: diagnostic.range)))
            let occurrence = seen[base, default: 0]
            seen[base] = occurrence + 1
            return hex(base) + ":\(occurrence + 1)"
        }
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (unlike Swift's seeded `Hasher`).
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
