import ArgumentParser
import Foundation
import SightlineModel
import SightlineProducts

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
    @OptionGroup var evidence: EvidenceOptions

    /// The weights: the defaults, or the file's.
    func loadWeights() throws -> DisruptionWeights {
        guard let weights else { return DisruptionWeights() }
        return try DisruptionWeightsFile.load(weights)
    }

    /// What every disrupt list starts from: the weights, read first so that a bad file fails before
    /// the store is read, and the store's products data through the network filters.
    func prepare(_ store: StoreOptions, _ network: NetworkOptions) throws -> (data: ProductData, weights: DisruptionWeights) {
        let weights = try loadWeights()
        var data = try network.productData(try store.open())
        weights.evidence.apply(to: &data.strength)
        return (data, weights)
    }
}

/// Reading a weights file from disk; the checks are ``DisruptionWeights/init(yaml:file:)``'s.
enum DisruptionWeightsFile {
    /// Reads and checks a weights file.
    /// - Throws: ``CommandError`` when it cannot be read; ``WeightsFileError`` naming the file,
    ///   line and key.
    static func load(_ path: String) throws -> DisruptionWeights {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw CommandError("\(path): cannot read the weights file")
        }
        return try DisruptionWeights(yaml: text, file: path)
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
