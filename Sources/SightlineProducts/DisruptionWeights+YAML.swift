import Yams

/// Why a weights file cannot be used: where (the file, and the line when known) and what.
public struct WeightsFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `file` or `file:line`.
    public var location: String
    public var problem: String

    public var description: String { "\(location): \(problem)" }
}

extension DisruptionWeights {
    /// Parses and checks weights from YAML text (docs/disruption-weights.yaml): every key
    /// checked, so a misspelt key or a bad value is an error naming the file, the line and the key,
    /// never a weight silently left at its default. Missing keys keep their defaults; empty text
    /// gives the defaults.
    /// - Parameters:
    ///   - text: the YAML.
    ///   - file: names the text in errors.
    /// - Throws: ``WeightsFileError``.
    /// - Complexity: O(b) for b bytes of text.
    public init(yaml text: String, file: String) throws(WeightsFileError) {
        func fail(_ location: String, _ problem: String) -> WeightsFileError { WeightsFileError(location: location, problem: problem) }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw fail(file, "not valid YAML: \(error)")
        }
        guard let root else { self.init(); return } // an empty file: the defaults
        func at(_ n: Node) -> String { n.mark.map { "\(file):\($0.line)" } ?? file }
        guard let top = root.mapping else {
            throw fail(at(root), "expected sections \(Self.keys.keys.sorted().joined(separator: ", "))")
        }
        let textKeys: Set<String> = ["night_start", "night_end", "firm_grade"]
        for (k, v) in top {
            let section = k.string ?? ""
            guard let allowed = Self.keys[section] else {
                throw fail(at(k), "unknown key '\(section)' (expected one of: \(Self.keys.keys.sorted().joined(separator: ", ")))")
            }
            guard let m = v.mapping else { throw fail(at(v), "'\(section)' must be a set of key: value pairs") }
            for (kk, vv) in m {
                let key = kk.string ?? ""
                guard allowed.contains(key) else {
                    throw fail(at(kk), "unknown key '\(section).\(key)' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
                }
                guard let scalar = vv.scalar else { throw fail(at(vv), "'\(section).\(key)' must be a single value") }
                if key == "firm_grade" {
                    if Evidence.parse(scalar.string) == nil {
                        throw fail(at(vv), "'\(section).\(key)' must be a source 1-3 and an assessment A-E, like 2C (got \"\(scalar.string)\")")
                    }
                } else if textKeys.contains(key) {
                    if NightWindow.minutes(scalar.string) == nil {
                        throw fail(at(vv), "'\(section).\(key)' must be a time HH:MM, quoted (got \"\(scalar.string)\")")
                    }
                } else if Double(scalar.string) == nil {
                    throw fail(at(vv), "'\(section).\(key)' must be a number (got \"\(scalar.string)\")")
                }
            }
        }
        let weights: DisruptionWeights
        do { weights = try YAMLDecoder().decode(DisruptionWeights.self, from: text) } catch let e as DecodingError {
            throw fail(file, Self.describe(e))
        } catch {
            throw fail(file, "\(error)")
        }
        if let problem = weights.problems().first { throw fail(file, problem) }
        self = weights
    }

    /// A decoding error in words, naming the key.
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
