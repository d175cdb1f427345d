import SightlineIngest

/// Reading back the planted truth that ``NetworkGenerator`` writes as truth.json (docs/formats.md),
/// for scoring what Sightline finds against what was planted. Parsers take bytes, not paths.
public enum PlantedTruth {
    /// The identifiers of each planted offending group's members (`offendingGroups[].members[].id`),
    /// in the file's order.
    /// - Returns: nil when the text is JSON but not a truth.json with `offendingGroups`.
    /// - Throws: the parser's error when the text is not JSON.
    /// - Complexity: O(b) for b bytes.
    public static func offendingGroups(_ bytes: [UInt8]) throws -> [[String]]? {
        guard case let .array(groups)? = member("offendingGroups", of: try JSONParser.parse(bytes)) else { return nil }
        var out: [[String]] = []
        for g in groups {
            guard case .object = g else { return nil }
            guard case let .array(members)? = member("members", of: g), members.allSatisfy({ if case .object = $0 { true } else { false } }) else {
                out.append([]); continue
            }
            out.append(members.compactMap { if case let .string(id)? = member("id", of: $0) { id } else { nil } })
        }
        return out
    }

    /// The planted name-only duplicates (`duplicates.nameOnly[]`, each `a` and `b`), in the file's order.
    /// - Returns: nil when the text is JSON but not a truth.json with `duplicates.nameOnly`.
    /// - Throws: the parser's error when the text is not JSON.
    /// - Complexity: O(b) for b bytes.
    public static func nameOnlyDuplicates(_ bytes: [UInt8]) throws -> [(a: String, b: String)]? {
        guard case let .array(dups)? = member("nameOnly", of: member("duplicates", of: try JSONParser.parse(bytes))) else { return nil }
        return dups.compactMap { d in
            guard case let .string(a)? = member("a", of: d), case let .string(b)? = member("b", of: d) else { return nil }
            return (a, b)
        }
    }

    /// The first member named `key` of an object; nil for anything else.
    static func member(_ key: String, of value: JSONValue?) -> JSONValue? {
        guard case let .object(o)? = value else { return nil }
        return o.first { $0.key == key }?.value
    }
}
