/// Online accounts: a platform and a handle, canonical per platform.
///
/// Platforms are named canonically (`Insta`, `IG` -> `instagram`; `twitter` -> `x`). Handles lose a
/// leading `@` and a profile-address prefix; on platforms whose handles ignore case they are lower
/// case; Facebook usernames also ignore dots; WhatsApp accounts are phone numbers in E.164.
public enum OnlineHandle {
    public enum ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        case missingPlatform
        case emptyHandle
        case invalidCharacter(Character)
        case phone(PhoneNumber.ParseError)
        public var description: String {
            switch self {
            case .missingPlatform: "expected PLATFORM/HANDLE, such as snapchat/@kaz_wex99"
            case .emptyHandle: "the handle is empty"
            case let .invalidCharacter(c): "a handle cannot contain \"\(c)\""
            case let .phone(e): "a WhatsApp account is a phone number: \(e)"
            }
        }
    }

    static let aliases: [String: String] = [
        "insta": "instagram", "ig": "instagram", "twitter": "x", "fb": "facebook",
        "snap": "snapchat", "sc": "snapchat", "wa": "whatsapp", "tg": "telegram",
    ]
    static let caseSensitive: Set<String> = ["telegram_id", "discord_id"]

    /// Canonical platform name.
    public static func platform(_ raw: String) -> String {
        let p = raw.trimmedWhitespace().lowercased().filter { $0 != " " }
        return aliases[p] ?? p
    }

    /// Normalises `PLATFORM/HANDLE` to `platform/handle`.
    /// - Complexity: O(n).
    public static func normalise(_ raw: String) throws(ParseError) -> String {
        guard let slash = raw.firstIndex(of: "/") else { throw .missingPlatform }
        let p = platform(String(raw[..<slash]))
        guard !p.isEmpty else { throw .missingPlatform }
        return p + "/" + (try handle(String(raw[raw.index(after: slash)...]), platform: p))
    }

    /// Normalises a handle for a canonical platform.
    public static func handle(_ raw: String, platform p: String) throws(ParseError) -> String {
        var h = Substring(raw.trimmedWhitespace())
        for prefix in ["https://", "http://"] where h.lowercased().hasPrefix(prefix) { h = h.dropFirst(prefix.count) }
        if let slash = h.firstIndex(of: "/"), h[..<slash].contains(".") { // www.instagram.com/name/
            h = h[h.index(after: slash)...]
            while h.last == "/" { h = h.dropLast() }
        }
        while h.first == "@" { h = h.dropFirst() }
        guard !h.isEmpty else { throw .emptyHandle }
        if p == "whatsapp" {
            do { return try PhoneNumber.normalise(String(h)) } catch { throw .phone(error) }
        }
        for c in h where c.isWhitespace || c == "/" || c == "<" || c == ">" || c == "\"" || c.unicodeScalars.first!.value < 32 {
            throw .invalidCharacter(c)
        }
        var out = caseSensitive.contains(p) ? String(h) : h.lowercased()
        if p == "facebook" { out = out.filter { $0 != "." } }
        return out
    }
}
