import Foundation
import SightlineModel

/// What an output discloses, read from its bytes: every entity ID (`E12`, a word of its own, or
/// within a pseudonym: `Child C-12`, `Person P-12`, `Place L-12`, as the pictures and lists write them) and
/// every item, cited as `agency/reference` (tables, CSV, pictures, pages) or as a JSON object with
/// `agency` and `reference` keys. So what the log says left is what was written, not a list a
/// command keeps by hand. XML and HTML character references are decoded first.
struct Inventory {
    var entities = Set<EntityID>()
    /// `agency/reference`, as written.
    var items = Set<String>()

    /// - Complexity: O(bytes).
    mutating func scan(_ bytes: [UInt8]) {
        let text = Self.decodingEntities(String(decoding: bytes, as: UTF8.self))
        let agencies = Set(Agency.allCases.map(\.rawValue))
        var word = "", previous = ""
        let pseudonyms: [String: Character] = ["Child": "C", "Person": "P", "Place": "L", "Vehicle": "V", "Phone": "T", "Account": "A", "Organisation": "O"]
        func end() {
            defer { if !word.isEmpty { previous = word }; word = "" }
            guard !word.isEmpty else { return }
            if let letter = pseudonyms[previous], word.count > 2, word.first == letter, word.dropFirst().first == "-",
               let n = Int64(word.dropFirst(2).prefix { $0.isASCII && $0.isNumber }) {
                entities.insert(EntityID(n))
            } else if word.first == "E", word.count > 1, word.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int64(word.dropFirst()) {
                entities.insert(EntityID(n))
            } else if let slash = word.firstIndex(of: "/"), agencies.contains(String(word[..<slash])), word.index(after: slash) < word.endIndex {
                var w = word
                while let last = w.last, ".:)]".contains(last) { w.removeLast() }
                items.insert(w)
            }
        }
        for ch in text {
            if ch.isWhitespace || "\",;<>(){}[]|'`=".contains(ch) { end() } else { word.append(ch) }
        }
        end()
        if let first = text.first(where: { !$0.isWhitespace }), first == "{" || first == "[",
           let json = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) {
            walk(json)
        }
    }

    private mutating func walk(_ v: Any) {
        if let d = v as? [String: Any] {
            if let a = d["agency"] as? String, let r = d["reference"] as? String, Agency(rawValue: a) != nil { items.insert(a + "/" + r) }
            for x in d.values { walk(x) }
        } else if let a = v as? [Any] {
            for x in a { walk(x) }
        } else if let s = v as? String, s.first == "E" {
            var inner = Inventory()
            inner.scan(Array(s.utf8))
            entities.formUnion(inner.entities)
        }
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#39;` `&#x27;` and any numeric reference, decoded.
    static func decodingEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = "", i = s.startIndex
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = String(s[s.index(after: i)..<semi])
                var decoded: String?
                if let n = named[name] { decoded = n }
                else if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { decoded = String(u) }
                else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { decoded = String(u) }
                if let decoded { out += decoded; i = s.index(after: semi); continue }
            }
            out.append(s[i]); i = s.index(after: i)
        }
        return out
    }
}
