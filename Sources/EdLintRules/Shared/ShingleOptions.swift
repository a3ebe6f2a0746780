import EdLintCore
import EdLintText

/// The options every near-verbatim detector takes (paragraphs, sentences, paragraphs across
/// files), each rule with its own defaults.
struct ShingleOptions: Sendable {
    let threshold: RuleOption<Double>
    let minimumWords: RuleOption<Int>

    init(threshold: Double, minimumWords: Int, unit: String) {
        self.threshold = RuleOption(
            "threshold", default: threshold, summary: "share of word 3-grams two \(unit)s must have in common (Dice overlap)", range: 0.1...1)
        self.minimumWords = RuleOption(
            "minimum_words", default: minimumWords, summary: "\(unit)s shorter than this are not compared", range: 1...10_000)
    }

    var specs: [RuleOptionSpec] { [threshold.spec, minimumWords.spec] }
}
