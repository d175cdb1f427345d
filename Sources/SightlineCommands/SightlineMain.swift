import ArgumentParser
import Foundation
import SightlineStore

/// Runs the command line, mapping errors to messages and exit codes.
public enum SightlineMain {
    public static func run(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try Sightline.parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let e as ExitWithMessage {
            var err = standardError
            print("Error: \(e.message)", to: &err)
            Foundation.exit(e.code)
        } catch let e as NoRows {
            var err = standardError
            print(e.message, to: &err)
            Foundation.exit(1)
        } catch let e as CommandError {
            var err = standardError
            print("Error: \(e.description)", to: &err)
            Foundation.exit(1)
        } catch let e as StoreError {
            var err = standardError
            print("Error: \(e.description)", to: &err)
            Foundation.exit(e.isAboutTheRequest ? 1 : 3)
        } catch {
            // Argument Parser exits 64 (EX_USAGE) on a usage error; Sightline documents 2.
            if Sightline.exitCode(for: error) == .validationFailure {
                var err = standardError
                print(Sightline.fullMessage(for: error), to: &err)
                Foundation.exit(2)
            }
            Sightline.exit(withError: error)
        }
    }
}
