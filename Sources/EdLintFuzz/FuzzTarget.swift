import EdLintCore
import EdLintReporters
import EdLintRules

#if canImport(Glibc)
    import Glibc
#endif

// libFuzzer entry point (`make fuzz`): arbitrary bytes through document reading (Markdown and
// plain text), the source map, sentence segmentation, every built-in rule, the cross-file
// comparison (the input split in two files) and the human, JSON and SARIF reporters. Every
// finding's range must lie inside its file and be well formed; a violation traps, which libFuzzer
// reports with the input that caused it. Built only with `-sanitize=fuzzer` (see the Makefile).
let fuzzRules: [ActiveRule] = ((try? BuiltinRules.load()) ?? []).map {
    ActiveRule(rule: $0, context: RuleContext(for: $0.description))
}
let fuzzLinter = Linter(rules: fuzzRules, reportUnusedSuppressions: true)

/// Writes that fail: /dev/full (ENOSPC) and a pipe whose reader is closed (EPIPE; SIGPIPE ignored,
/// as the CLI ignores it). Output through them must record the failure, never trap.
let fullDevice = open("/dev/full", O_WRONLY)
let closedPipe: Int32 = {
    signal(SIGPIPE, SIG_IGN)
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return -1 }
    close(ends[0])
    return ends[1]
}()

/// The input as a configuration file and as a rule file: errors must be typed (never a trap),
/// and every message must stay a short excerpt of what the file holds.
func fuzzConfigurationAndRuleFiles(_ bytes: [UInt8]) {
    guard let text = String(validating: bytes, as: UTF8.self) else { return }
    do {
        _ = try Configuration.parse(text, path: ".linterrc", directory: "/")
    } catch {
        precondition(error.description.utf8.count < 4_096, "configuration error message too long")
    }
    do {
        _ = try YAMLRule.load(text: text, path: "pack/style/fuzz.yml", relativePath: "style/fuzz.yml")
    } catch {
        precondition(error.description.utf8.count < 4_096, "rule error message too long")
    }
}

/// The report written to descriptors that fail.
func fuzzFailingOutput(_ report: Report) {
    for descriptor in [fullDevice, closedPipe] where descriptor >= 0 {
        let sink = DescriptorSink(descriptor: descriptor, name: "fuzz output")
        JSONReporter().write(report, to: { sink.append($0) })
        sink.append(String(repeating: "x", count: 1 << 16))
        sink.flush()
        precondition(sink.failure != nil || sink.readerGone, "a failed write went unnoticed")
    }
}

/// Markdown cut into small pieces must read as the whole does: same blocks, prose, spans,
/// ranges and non-prose regions.
func fuzzChunkedMarkdown(_ bytes: [UInt8]) {
    guard bytes.firstIndex(of: 0) == nil, DocumentReader.firstInvalidUTF8Offset(bytes) == nil,
        !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF])
    else { return }
    let source = SourceFile(path: "fuzz.md", bytes: bytes)
    func summary(_ document: Document) -> [String] {
        document.blocks.map { block in
            "\(block.kind) \(block.headingLevel) \(block.quoteDepth) \(block.listDepth) \(block.sourceRange) \(block.sentences) "
                + "\(block.lineBreaks) \(block.spans.map { "\($0.kind)\($0.proseRange)\($0.sourceRange)" }) "
                + "\(block.prose.segments.map { "\($0.proseStart) \($0.proseLength) \($0.sourceStart) \($0.sourceLength)" }) \(block.text)"
        } + document.nonProse.map { "\($0.kind) \($0.range) \($0.literal ?? "")" }
    }
    guard let whole = DocumentReader.markdown(source, chunkBytes: Int.max).map(summary) else { return }
    for chunkBytes in [1, 16] {
        precondition(DocumentReader.markdown(source, chunkBytes: chunkBytes).map(summary) == whole, "Markdown parsed in pieces differs from the whole")
    }
}

public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    fuzzConfigurationAndRuleFiles(bytes)
    fuzzChunkedMarkdown(bytes)
    for format in [DocumentFormat.markdown, .plainText] {
        let report = fuzzLinter.lint(path: "fuzz", bytes: bytes, format: format)
        for diagnostic in report.diagnostics {
            precondition(diagnostic.range.lowerBound >= 0 && diagnostic.range.lowerBound <= diagnostic.range.upperBound)
            precondition(diagnostic.range.upperBound <= bytes.count, "range past the end")
            for related in diagnostic.related {
                precondition(related.range.lowerBound <= related.range.upperBound && related.range.upperBound <= bytes.count)
            }
            if let fix = diagnostic.fix { precondition(fix.range.upperBound <= bytes.count && !fix.range.isEmpty || fix.range.isEmpty) }
            _ = report.source.location(of: diagnostic.range.lowerBound)
        }
        if case .success(let document) = DocumentReader.read(path: "fuzz", bytes: bytes, format: format) {
            for block in document.blocks {
                precondition(block.sourceRange.upperBound <= bytes.count)
                for sentence in block.sentences { precondition(sentence.upperBound <= block.prose.count) }
            }
        }
    }
    // Two files from one input, compared with each other, then rendered.
    let half = bytes.count / 2
    var reports = [
        fuzzLinter.lint(path: "a.md", bytes: Array(bytes[..<half]), format: .markdown, crossFile: true),
        fuzzLinter.lint(path: "b.md", bytes: Array(bytes[half...]), format: .markdown, crossFile: true),
    ]
    let sizes = ["a.md": half, "b.md": bytes.count - half]
    reports = LintSession.compareAcrossFiles(reports, linters: [fuzzLinter, fuzzLinter])
    for report in reports {
        for diagnostic in report.diagnostics {
            precondition(diagnostic.range.upperBound <= report.source.bytes.count)
            for related in diagnostic.related {
                precondition(related.range.upperBound <= (related.path.flatMap { sizes[$0] } ?? report.source.bytes.count))
            }
        }
    }
    let report = Report(files: reports, rules: fuzzRules.map(\.rule.description))
    _ = HumanReporter(color: true).render(report)
    _ = JSONReporter().render(report)
    _ = SARIFReporter(basePath: "/").render(report)
    fuzzFailingOutput(report)
    return 0
}
