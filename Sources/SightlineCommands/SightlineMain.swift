import ArgumentParser
import Foundation
import SightlineModel
import SightlineGate
import SightlineStore

/// Runs the command line, mapping errors to messages and exit codes (``ExitStatus``).
///
/// This is the only place that ends the process: commands throw, and ``execute(_:)`` (callable in
/// tests) turns what they throw into a message on standard error and a status.
public enum SightlineMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        let status = execute(arguments)
        // Values kept for the exit (see ``keepUntilExit(_:)``) are not freed object by object.
        Foundation.exit(status)
    }

    /// Parses and runs one command line; returns its exit status.
    public static func execute(_ arguments: [String]? = nil) -> Int32 {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        var err = standardError
        do {
            var command = try Sightline.parseAsRoot(arguments)
            // The run's day (SIGHTLINE_TODAY) is checked once, before any command reads it.
            do { _ = try RunDay.today() } catch { throw ValidationError(error.description) }
            if let disclosing = command as? any Discloses, disclosing.disclosesPersonalData {
                try runDisclosing(&command, disclosing, arguments: arguments)
            } else if let data = command as? any PrintsData, let path = data.destination.output {
                try OutputFile.redirectingStandardOutput(to: path) { try command.run() }
                print("wrote \(path)", to: &err)
            } else {
                try command.run()
            }
            return ExitStatus.ok.rawValue
        } catch let help where isHelp(help) {
            // --help, --version, help SUBCOMMAND
            print(Sightline.fullMessage(for: help))
            return ExitStatus.ok.rawValue
        } catch let parse where isUsage(parse) {
            print(usageMessage(parse, arguments: arguments), to: &err)
            return ExitStatus.usage.rawValue
        } catch {
            let e = SightlineError(error)
            print(e.isNote ? e.message : "Error: \(e.message)", to: &err)
            if let detail = e.detail, ProcessInfo.processInfo.environment["SIGHTLINE_DEBUG"] == "1" {
                print("  (detail: \(detail))", to: &err)
            }
            return e.status.rawValue
        }
    }

    /// Whether argument-parser asked for help or the version (exit 0).
    static func isHelp(_ error: any Error) -> Bool {
        if error is SightlineError || error is CommandError || error is StoreError || error is AudienceError { return false }
        return Sightline.exitCode(for: error) == .success
    }

    /// Whether argument-parser threw a usage error (it would exit 64, EX_USAGE; Sightline documents 2).
    static func isUsage(_ error: any Error) -> Bool {
        if error is ValidationError { return true }
        if error is AudienceError { return false }
        if error is SightlineError || error is CommandError || error is StoreError { return false }
        return Sightline.exitCode(for: error) == .validationFailure
    }

    /// The usage message, saying so when a word where a subcommand belongs is not one.
    ///
    /// argument-parser reports `sightline disrupt lcations --db x` as "Unknown option '--db'":
    /// the misspelt subcommand is taken as an argument and the parser complains about what follows.
    static func usageMessage(_ error: any Error, arguments: [String]) -> String {
        let words = arguments.enumerated().filter { i, w in !w.hasPrefix("-") && (i == 0 || !arguments[i - 1].hasPrefix("-")) }.map(\.element)
        if let unknown = unknownSubcommand(Sightline.self, words: words[...], path: "sightline") { return unknown }
        return Sightline.fullMessage(for: error)
    }

    /// The message for the first word that names no subcommand where one is expected, if any.
    static func unknownSubcommand(_ command: any ParsableCommand.Type, words: ArraySlice<String>, path: String) -> String? {
        let subcommands: [any ParsableCommand.Type] = command.configuration.subcommands
        guard let word = words.first, !subcommands.isEmpty else { return nil }
        var names: [String] = []
        for sub in subcommands {
            let name: String = sub._commandName
            if name == word { return unknownSubcommand(sub, words: words.dropFirst(), path: path + " " + name) }
            names.append(name)
        }
        return "Error: unknown command '\(path) \(word)'; the commands are: \(names.joined(separator: ", "))\n"
            + "See '\(path) --help'."
    }
}
