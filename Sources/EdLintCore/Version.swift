/// edlint's identity, shown by `--version` and written into JSON and SARIF output.
public enum EdLintTool {
    public static let name = "edlint"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/edlint/edlint"
}
