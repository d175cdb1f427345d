import ArgumentParser
import Foundation
import SightlineModel
import SightlineProducts
import Yams

/// `sightline disrupt locations|vehicles|phones|people`
struct DisruptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disrupt",
        abstract: "Preventative disruption lists: places, vehicles, phones and adults, each row with its score's parts and the intelligence behind it.",
        discussion: """
        Each list ranks places or adults, never children: a person recorded as a child at risk is \
        never a row, and children counted on a row are shown as 'Child C-<number>' unless \
        --name-children is given. Every score is a sum of parts (a measured value times a weight), \
        each part shown; the weights are in docs/disruption-weights.yaml and can be changed with \
        --weights FILE. Nothing is decided automatically: every row is for a person to check.

        Exit codes: 0 rows found; 1 no rows; 2 a usage error; 3 the store is unavailable; 4 the \
        request could not be met (a bad weights file); 5 the output file could not be written.
        """,
        subcommands: [DisruptLocations.self, DisruptVehicles.self, DisruptPhones.self, DisruptPeople.self])
}

/// What every `disrupt` list takes besides the store, network and list options.
struct DisruptOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Weights from this YAML file (keys as in docs/disruption-weights.yaml; missing keys keep their defaults).", valueName: "file.yaml"))
    var weights: String?
    @Flag(help: "Show children's names (by default children are shown as 'Child C-<number>').")
    var nameChildren = false

    /// The weights: the defaults, or the file's.
    func loadWeights() throws -> DisruptionWeights {
        guard let weights else { return DisruptionWeights() }
        return try DisruptionWeightsFile.load(weights)
    }

    /// What every disrupt list starts from: the weights, read first so that a bad file fails before
    /// the store is read, and the store's products data through the network filters.
    func prepare(_ store: StoreOptions, _ network: NetworkOptions) throws -> (data: ProductData, weights: DisruptionWeights) {
        let weights = try loadWeights()
        return (try network.productData(try store.open()), weights)
    }
}

/// Reading a weights file: every key checked, so a misspelt key or a bad value is an error naming
/// the file, the line and the key, never a weight silently left at its default.
enum DisruptionWeightsFile {
    /// Reads and checks a weights file.
    /// - Throws: ``CommandError`` naming the file and key.
    static func load(_ path: String) throws -> DisruptionWeights {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandError("\(path): cannot read the weights file")
        }
        return try parse(text, file: path)
    }

    /// Parses weights from YAML text (`file` names it in errors).
    static func parse(_ text: String, file: String) throws -> DisruptionWeights {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw CommandError("\(file): not valid YAML: \(error)")
        }
        guard let root else { return DisruptionWeights() } // an empty file: the defaults
        func at(_ n: Node) -> String { n.mark.map { "\(file):\($0.line)" } ?? file }
        guard let top = root.mapping else {
            throw CommandError("\(at(root)): expected sections \(DisruptionWeights.keys.keys.sorted().joined(separator: ", "))")
        }
        let textKeys: Set<String> = ["night_start", "night_end"]
        for (k, v) in top {
            let section = k.string ?? ""
            guard let allowed = DisruptionWeights.keys[section] else {
                throw CommandError("\(at(k)): unknown key '\(section)' (expected one of: \(DisruptionWeights.keys.keys.sorted().joined(separator: ", ")))")
            }
            guard let m = v.mapping else { throw CommandError("\(at(v)): '\(section)' must be a set of key: value pairs") }
            for (kk, vv) in m {
                let key = kk.string ?? ""
                guard allowed.contains(key) else {
                    throw CommandError("\(at(kk)): unknown key '\(section).\(key)' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
                }
                guard let scalar = vv.scalar else { throw CommandError("\(at(vv)): '\(section).\(key)' must be a single value") }
                if textKeys.contains(key) {
                    if NightWindow.minutes(scalar.string) == nil {
                        throw CommandError("\(at(vv)): '\(section).\(key)' must be a time HH:MM, quoted (got \"\(scalar.string)\")")
                    }
                } else if Double(scalar.string) == nil {
                    throw CommandError("\(at(vv)): '\(section).\(key)' must be a number (got \"\(scalar.string)\")")
                }
            }
        }
        let weights: DisruptionWeights
        do { weights = try YAMLDecoder().decode(DisruptionWeights.self, from: text) } catch let e as DecodingError {
            throw CommandError("\(file): \(describe(e))")
        }
        if let problem = weights.problems().first { throw CommandError("\(file): \(problem)") }
        return weights
    }

    static func describe(_ e: DecodingError) -> String {
        switch e {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c):
            "'\(c.codingPath.map(\.stringValue).joined(separator: "."))': \(c.debugDescription)"
        case let .keyNotFound(k, c):
            "'\((c.codingPath + [k]).map(\.stringValue).joined(separator: "."))' is missing"
        @unknown default: "\(e)"
        }
    }
}

// MARK: Cells shared by the four lists

/// `children 16×3 = 48; suspects 17×2 = 34; ...`
func partsCell(_ parts: [ScorePart]) -> String { parts.map(\.text).joined(separator: "; ") }

/// `3: Child C-12 (seen there); ...`
func peopleCell(_ people: [LinkedPerson]) -> String {
    people.isEmpty ? "0" : "\(people.count): " + people.map(\.text).joined(separator: "; ")
}

func tacticsCell(_ tactics: [Tactic]) -> String { tactics.map(\.text).joined(separator: "; ") }

func score(_ x: Double) -> String { ScorePart.number(x) }
