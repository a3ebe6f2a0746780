import ArgumentParser
import Foundation

// Parse and run by hand so that every usage error exits 2 (ArgumentParser's default is 64).
do {
    var command = try EdLintCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = EdLintCommand.exitCode(for: error)
    let message = EdLintCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data(("edlint: " + message + "\n").utf8))
    Foundation.exit(2)
}
