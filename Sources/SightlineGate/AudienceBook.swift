import Yams

/// The audiences a store's outputs may go to, read from an audiences file (docs/audiences.yaml);
/// the shipped book is ``shipped``.
public struct AudienceBook: Sendable, Equatable {
    /// By name.
    public var audiences: [String: Audience]
    /// The audience of a command given no `--audience`.
    public var defaultName: String

    /// The audience called `name`.
    /// - Throws: ``AudienceError`` listing the audiences when there is none of that name.
    public func audience(_ name: String?) throws(AudienceError) -> Audience {
        let wanted = name ?? defaultName
        guard let a = audiences[wanted] else {
            throw AudienceError(location: "--audience", problem: "no audience '\(wanted)' (the audiences are: \(audiences.keys.sorted().joined(separator: ", ")))")
        }
        return a
    }

    /// The keys of one audience, each required.
    static let keys = ["title", "handling", "purpose_required", "source_details", "adults", "children"]
    static let optionalKeys = ["commands", "children_shown"]

    /// Reads and checks an audiences file: every key of every audience checked, so that a misspelt
    /// key or value is an error naming the file, the line and the key, never a profile that lets
    /// more go than it says.
    /// - Throws: ``AudienceError``.
    /// - Complexity: O(b) for b bytes of text.
    public init(yaml text: String, file: String) throws(AudienceError) {
        func fail(_ location: String, _ problem: String) -> AudienceError { AudienceError(location: location, problem: problem) }
        let parsed: Node?
        do { parsed = try Yams.compose(yaml: text) } catch { throw fail(file, "not valid YAML: \(error)") }
        func at(_ n: Node) -> String { n.mark.map { "\(file):\($0.line)" } ?? file }
        guard let root = parsed, let top = root.mapping else {
            throw fail(file, "expected 'default: NAME' and 'audiences:' with one profile per audience")
        }
        var defaultName: String?
        var audiences: [String: Audience] = [:]
        for (k, v) in top {
            switch k.string {
            case "default":
                guard let s = v.scalar?.string, !s.isEmpty else { throw fail(at(v), "'default' must name an audience") }
                defaultName = s
            case "audiences":
                guard let m = v.mapping, !m.isEmpty else { throw fail(at(v), "'audiences' must hold at least one profile") }
                for (nameNode, profile) in m {
                    guard let name = nameNode.string, !name.isEmpty,
                          name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
                        throw fail(at(nameNode), "an audience's name must be letters, digits, '_' or '-' (got \"\(nameNode.string ?? "")\")")
                    }
                    audiences[name] = try Self.profile(name, profile, at: at, fail: fail)
                }
            default:
                throw fail(at(k), "unknown key '\(k.string ?? "")' (expected one of: audiences, default)")
            }
        }
        guard !audiences.isEmpty else { throw fail(file, "missing 'audiences:' with at least one profile (\(Self.keys.joined(separator: ", ")))") }
        guard let defaultName else { throw fail(file, "missing 'default: NAME' (the audience of a command given no --audience)") }
        guard audiences[defaultName] != nil else {
            throw fail(file, "'default' names '\(defaultName)', which is not one of the audiences (\(audiences.keys.sorted().joined(separator: ", ")))")
        }
        self.audiences = audiences
        self.defaultName = defaultName
    }

    private static func profile(_ name: String, _ node: Node, at: (Node) -> String,
                                fail: (String, String) -> AudienceError) throws(AudienceError) -> Audience {
        guard let m = node.mapping else { throw fail(at(node), "audience '\(name)' must be a set of key: value pairs (\(keys.joined(separator: ", ")))") }
        var values: [String: Node] = [:]
        for (k, v) in m {
            let key = k.string ?? ""
            guard keys.contains(key) || optionalKeys.contains(key) else {
                throw fail(at(k), "unknown key '\(name).\(key)' (expected one of: \((keys + optionalKeys).joined(separator: ", ")))")
            }
            values[key] = v
        }
        for key in keys where values[key] == nil { throw fail(at(node), "audience '\(name)' needs '\(key)'") }
        func scalar(_ key: String) throws(AudienceError) -> (String, Node) {
            let v = values[key]!
            guard let s = v.scalar?.string else { throw fail(at(v), "'\(name).\(key)' must be a single value") }
            return (s, v)
        }
        func list(_ key: String) throws(AudienceError) -> [(String, Node)] {
            let v = values[key]!
            guard let seq = v.sequence else { throw fail(at(v), "'\(name).\(key)' must be a list, like [P, \"2\"]") }
            var out: [(String, Node)] = []
            for item in seq {
                guard let s = item.scalar?.string else { throw fail(at(item), "'\(name).\(key)' must list single values") }
                out.append((s, item))
            }
            return out
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(AudienceError) -> T where T.RawValue == String {
            let (s, v) = try scalar(key)
            guard let t = T(rawValue: s) else {
                throw fail(at(v), "'\(name).\(key)' must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(s)\")")
            }
            return t
        }
        var handling = Set<String>()
        for (code, v) in try list("handling") {
            guard Audience.handlingCodes.contains(code) else {
                throw fail(at(v), "'\(name).handling' lists handling codes P, C (3x5x2) and 1-5 (5x5x5; quote them: \"2\") (got \"\(code)\")")
            }
            handling.insert(code)
        }
        let (purpose, pv) = try scalar("purpose_required")
        guard let purposeRequired = Bool(purpose) else { throw fail(at(pv), "'\(name).purpose_required' must be true or false (got \"\(purpose)\")") }
        var commands: Set<String>?
        if values["commands"] != nil { commands = Set(try list("commands").map(\.0)) }
        return Audience(name: name, title: try scalar("title").0, handling: handling, purposeRequired: purposeRequired,
                        sourceDetails: try choice("source_details", Audience.SourceDetails.self),
                        adults: try choice("adults", Audience.Naming.self), children: try choice("children", Audience.Naming.self),
                        commands: commands,
                        childrenShown: values["children_shown"] == nil ? .all : try choice("children_shown", Audience.ChildrenShown.self))
    }

    /// The audiences shipped with Sightline (the text of docs/audiences.yaml).
    public static let shipped: AudienceBook = {
        // The shipped text is checked by the tests; a failure here is a build defect.
        do { return try AudienceBook(yaml: shippedText, file: "(shipped audiences)") } catch { fatalError("\(error)") }
    }()

    /// docs/audiences.yaml, word for word (a test compares them).
    public static let shippedText = """
        # Sightline's audiences: who an output may go to, and so what may leave the tool.
        # Replace with --audiences FILE, or for one store with sightline audiences set FILE. Every key of
        # every audience is required except 'commands'; a key or value Sightline does not know is an
        # error naming the line. See docs/audiences.md.
        default: police_analyst
        audiences:
          police_analyst:
            title: Police analysts of the child-exploitation team (CVET)
            # Handling codes whose items may go: P and C (3x5x2), "1" to "5" (5x5x5). Not named: withheld.
            handling: [P, C, "1", "2", "3", "4", "5"]
            purpose_required: false
            # shown, or opaque: agency references, officers, summaries and agency identifiers
            # replaced by references minted for one disclosure (the log keeps what they stand for).
            source_details: shown
            adults: named
            # named, or pseudonymised (a child the request names is still named).
            children: pseudonymised
          mace_partner:
            title: Partners at a Multi-Agency Child Exploitation (MACE) panel
            handling: [P, "2"]
            purpose_required: true
            source_details: opaque
            adults: named
            children: pseudonymised
            commands: [show, path, ego, copresence, analyse, render, disrupt, notices candidates, trawl missing, missing brief, chronology, pack, export, item]
          licensing:
            title: Licensing authority officers (premises, taxi and private-hire licensing)
            handling: [P, "2"]
            purpose_required: true
            source_details: opaque
            adults: pseudonymised
            children: pseudonymised
            commands: [disrupt, render, pack, export, show, item]

        """
}

/// Why an audiences file or an `--audience` cannot be used: where (the file and line, or the
/// option) and what.
public struct AudienceError: Error, CustomStringConvertible, Sendable, Equatable {
    public var location: String
    public var problem: String
    public init(location: String, problem: String) { self.location = location; self.problem = problem }
    public var description: String { "\(location): \(problem)" }
}
