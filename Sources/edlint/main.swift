import ArgumentParser
import Foundation

// Parse and run by hand so that every usage error exits 2 (ArgumentParser's default is 64), and
// so that standard output is flushed — and its write errors reported — on every way out.
Console.prepare()
var status: Int32 = Exit.clean
do {
    var command = try EdLintCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    status = exit.rawValue
} catch {
    let code = EdLintCommand.exitCode(for: error)
    let message = EdLintCommand.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { Console.write(message + "\n") }
    } else {
        printError("edlint: " + message)
        status = Exit.error
    }
}
do { try Console.finish() } catch { status = Exit.error }
Foundation.exit(status)
