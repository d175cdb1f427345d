/// A strong identifier: one that names exactly one entity, so two records carrying the same
/// normalised identifier are the same entity, always.
///
/// Written `SCHEME:VALUE` (`phone:07700 900123`, `person:niche/PN-1001`). Names are never strong
/// identifiers.
public struct StrongIdentifier: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Scheme: String, CaseIterable, Sendable {
        /// A person's ID in a source system: `SYSTEM/ID`.
        case person
        case phone, imei, vehicle, account
        /// A location's ID in a source system or gazetteer: `SYSTEM/ID`.
        case location
        /// An organisation's ID: `SYSTEM/ID`.
        case org

        /// The kind of entity the identifier names.
        public var kind: EntityKind {
            switch self {
            case .person: .person
            case .phone, .imei: .phone
            case .vehicle: .vehicle
            case .account: .account
            case .location: .location
            case .org: .organisation
            }
        }
    }

    public var scheme: Scheme
    /// The normalised value.
    public var value: String

    public init(scheme: Scheme, normalisedValue: String) {
        self.scheme = scheme
        self.value = normalisedValue
    }

    public var kind: EntityKind { scheme.kind }
    public var description: String { scheme.rawValue + ":" + value }

    public static func < (a: Self, b: Self) -> Bool { (a.scheme.rawValue, a.value) < (b.scheme.rawValue, b.value) }

    /// Why an identifier could not be read.
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case missingScheme
        case unknownScheme(String)
        case invalid(scheme: Scheme, reason: String)

        public var description: String {
            switch self {
            case .missingScheme:
                "expected KIND:VALUE where KIND is one of \(Scheme.allCases.map(\.rawValue).joined(separator: ", ")) (for example phone:07700 900123 or person:niche/PN-1001)"
            case let .unknownScheme(s):
                "unknown identifier kind \"\(s)\"; expected one of \(Scheme.allCases.map(\.rawValue).joined(separator: ", "))"
            case let .invalid(scheme, reason): "not a valid \(scheme.rawValue) identifier: \(reason)"
            }
        }
    }

    /// Parses and normalises `SCHEME:VALUE`.
    /// - Complexity: O(n).
    public init(parsing text: String) throws(ParseError) {
        guard let colon = text.firstIndex(of: ":") else { throw .missingScheme }
        let schemeText = text[..<colon].trimmedWhitespace().lowercased()
        guard let scheme = Scheme(rawValue: schemeText) ?? (schemeText == "organisation" ? .org : nil) else {
            throw .unknownScheme(schemeText)
        }
        try self.init(scheme: scheme, raw: String(text[text.index(after: colon)...]))
    }

    /// Normalises a raw value for a known scheme.
    public init(scheme: Scheme, raw: String) throws(ParseError) {
        self.scheme = scheme
        switch scheme {
        case .phone:
            do { value = try PhoneNumber.normalise(raw) } catch { throw .invalid(scheme: scheme, reason: error.description) }
        case .imei:
            do { value = try IMEI.normalise(raw) } catch { throw .invalid(scheme: scheme, reason: error.description) }
        case .vehicle:
            do { value = try Registration.normalise(raw) } catch { throw .invalid(scheme: scheme, reason: error.description) }
        case .account:
            do { value = try OnlineHandle.normalise(raw) } catch { throw .invalid(scheme: scheme, reason: error.description) }
        case .person, .location, .org:
            value = try Self.systemID(raw, scheme: scheme)
        }
    }

    /// `SYSTEM/ID`: the system lower-case, the ID trimmed and otherwise as given.
    static func systemID(_ raw: String, scheme: Scheme) throws(ParseError) -> String {
        guard let slash = raw.firstIndex(of: "/") else {
            throw .invalid(scheme: scheme, reason: "expected SYSTEM/ID, such as niche/PN-1001")
        }
        let system = raw[..<slash].trimmedWhitespace().lowercased()
        let id = raw[raw.index(after: slash)...].trimmedWhitespace()
        guard !system.isEmpty, !id.isEmpty else {
            throw .invalid(scheme: scheme, reason: "expected SYSTEM/ID with both parts present")
        }
        guard system.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }) else {
            throw .invalid(scheme: scheme, reason: "the system name may use only letters, digits, '_', '-' and '.'")
        }
        guard id.count <= 200, !id.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw .invalid(scheme: scheme, reason: "the ID must be at most 200 characters without control characters")
        }
        return system + "/" + id
    }
}
