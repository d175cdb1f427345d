import SightlineModel

/// What an output discloses, read from its bytes: every entity ID (`E12`, a word of its own, or
/// within a pseudonym: `Child C-12`, `Person P-12`, `Place L-12`, as the pictures and lists write them)
/// and every item, cited as `agency/reference` (tables, CSV, pictures, pages) or as a JSON object's
/// `agency` and `reference` (its keys sorted, so the agency comes first). So what the log says left is
/// what was written, not a list a command keeps by hand. XML and HTML character references are
/// decoded first.
struct Inventory {
    var entities = Set<EntityID>()
    /// `agency/reference`, as written.
    var items = Set<String>()

    private static let agencies: [[UInt8]] = Agency.allCases.map { Array($0.rawValue.utf8) }
    /// Bytes that end a word: white space and punctuation that never occurs inside an ID or a reference.
    private static let delimiter: [Bool] = {
        var d = [Bool](repeating: false, count: 256)
        for b in Array(" \t\r\n\",;<>(){}[]|'`=".utf8) { d[Int(b)] = true }
        return d
    }()
    private static let pseudonymWords: [([UInt8], UInt8)] = [("Child", "C"), ("Person", "P"), ("Place", "L"), ("Vehicle", "V"),
                                                             ("Phone", "T"), ("Account", "A"), ("Organisation", "O")]
        .map { (Array($0.0.utf8), $0.1.utf8.first!) }

    /// - Complexity: O(bytes), one pass over the bytes (after decoding character references, when there are any).
    mutating func scan(_ raw: [UInt8]) {
        let bytes = raw.contains(UInt8(ascii: "&")) ? Self.decodingReferences(raw) : raw
        let delimiter = Self.delimiter // local copies: no lazy-global check per byte or word
        let agencyKey = Array("agency".utf8), referenceKey = Array("reference".utf8)
        delimiter.withUnsafeBufferPointer { isDelimiter in
        bytes.withUnsafeBufferPointer { b in
            var start = 0, previous = 0..<0, pendingAgency: [UInt8]? = nil, expect: UInt8 = 0 // 1: agency value, 2: reference value
            let n = b.count
            var i = 0
            while i <= n {
                if i < n && !isDelimiter[Int(b[i])] { i += 1; continue }
                var justSet = false
                if start < i {
                    let word = start..<i
                    if expect != 0 && word.allSatisfy({ b[$0] == UInt8(ascii: ":") }) {
                        // The colon between a JSON key and its value.
                    } else if expect != 0 {
                        // The quoted value after "agency" or "reference" in JSON.
                        if expect == 1 { pendingAgency = Array(b[word]) } else if let a = pendingAgency {
                            items.insert(String(decoding: a + [UInt8(ascii: "/")] + Array(b[word]), as: UTF8.self)); pendingAgency = nil
                        }
                        expect = 0
                    } else {
                        note(word, previous: previous, b)
                        if i < n && b[i] == UInt8(ascii: "\"") && start > 0 && b[start - 1] == UInt8(ascii: "\"") {
                            if word.count == 6 && Self.equals(b, word, agencyKey) { expect = 1; justSet = true }
                            else if word.count == 9 && Self.equals(b, word, referenceKey) { expect = 2; justSet = true }
                        }
                    }
                    previous = word
                }
                // A quoted JSON value may hold spaces: read it whole after "agency" or "reference".
                if expect != 0 && !justSet && i < n && b[i] == UInt8(ascii: "\"") {
                    var j = i + 1
                    while j < n && b[j] != UInt8(ascii: "\"") { j += (b[j] == UInt8(ascii: "\\") ? 2 : 1) }
                    let value = (i + 1)..<min(j, n)
                    if expect == 1 { pendingAgency = Array(b[value]) } else if let a = pendingAgency {
                        items.insert(String(decoding: a + [UInt8(ascii: "/")] + Array(b[value]), as: UTF8.self)); pendingAgency = nil
                    }
                    expect = 0
                    i = j + 1
                    start = i
                    continue
                }
                i += 1
                start = i
            }
        }
        }
    }

    /// One word: an entity ID, a pseudonym's number, or an item cited as agency/reference.
    private mutating func note(_ w: Range<Int>, previous: Range<Int>, _ b: UnsafeBufferPointer<UInt8>) {
        let first = b[w.lowerBound]
        // Entity IDs start with E, pseudonyms' numbers with a capital and '-', citations with an agency's lower-case letter.
        guard (first >= 65 && first <= 90) || (first >= 97 && first <= 122) else { return }
        if first == UInt8(ascii: "E"), w.count > 1, let n = Self.number(b, (w.lowerBound + 1)..<w.upperBound) {
            entities.insert(EntityID(n)); return
        }
        if w.count > 2, b[w.lowerBound + 1] == UInt8(ascii: "-"),
           let (_, letter) = Self.pseudonymWords.first(where: { Self.equals(b, previous, $0.0) }), first == letter {
            var end = w.lowerBound + 2
            while end < w.upperBound && b[end] >= 48 && b[end] <= 57 { end += 1 }
            if let n = Self.number(b, (w.lowerBound + 2)..<end) { entities.insert(EntityID(n)) }
            return
        }
        guard first >= 97, w.count > 3, let slash = (w.lowerBound..<min(w.upperBound, w.lowerBound + 12)).first(where: { b[$0] == UInt8(ascii: "/") }),
              slash > w.lowerBound, slash + 1 < w.upperBound,
              Self.agencies.contains(where: { Self.equals(b, w.lowerBound..<slash, $0) }) else { return }
        var end = w.upperBound
        while end > slash + 1, ".:)]".utf8.contains(b[end - 1]) { end -= 1 }
        items.insert(String(decoding: b[w.lowerBound..<end], as: UTF8.self))
    }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int64? {
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var v: Int64 = 0
        for k in r { let d = b[k]; guard d >= 48 && d <= 57 else { return nil }; v = v * 10 + Int64(d - 48) }
        return v
    }

    private static func equals(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: [UInt8]) -> Bool {
        guard r.count == s.count else { return false }
        var k = 0
        for j in r { if b[j] != s[k] { return false }; k += 1 }
        return true
    }

    /// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;` and numeric references, decoded to UTF-8.
    static func decodingReferences(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "&"), let semi = s[(i + 1)..<min(s.count, i + 12)].firstIndex(of: UInt8(ascii: ";")) {
                let name = String(decoding: s[(i + 1)..<semi], as: UTF8.self)
                var decoded: String?
                if let v = named[name] { decoded = v }
                else if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { decoded = String(u) }
                else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v) { decoded = String(u) }
                if let decoded { out += Array(decoded.utf8); i = semi + 1; continue }
            }
            out.append(s[i]); i += 1
        }
        return out
    }
}
