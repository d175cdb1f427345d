/// Jaro-Winkler similarity of two strings, in [0, 1].
///
/// Jaro (1989), with Winkler's (1990) prefix bonus (scale 0.1, prefix up to 4). Used on folded
/// name tokens, where it rewards shared prefixes and tolerates transposed and mistyped letters.
/// - Complexity: O(|a| * |b|).
public func jaroWinkler(_ a: String, _ b: String) -> Double {
    let s = Array(a.utf8), t = Array(b.utf8)
    if s.isEmpty && t.isEmpty { return 1 }
    if s.isEmpty || t.isEmpty { return 0 }
    if s == t { return 1 }
    let window = max(0, max(s.count, t.count) / 2 - 1)
    var sMatch = [Bool](repeating: false, count: s.count)
    var tMatch = [Bool](repeating: false, count: t.count)
    var matches = 0
    for i in 0..<s.count {
        let lo = max(0, i - window), hi = min(t.count - 1, i + window)
        if lo > hi { continue }
        for j in lo...hi where !tMatch[j] && s[i] == t[j] {
            sMatch[i] = true; tMatch[j] = true; matches += 1
            break
        }
    }
    guard matches > 0 else { return 0 }
    var transpositions = 0
    var k = 0
    for i in 0..<s.count where sMatch[i] {
        while !tMatch[k] { k += 1 }
        if s[i] != t[k] { transpositions += 1 }
        k += 1
    }
    let m = Double(matches)
    let jaro = (m / Double(s.count) + m / Double(t.count) + (m - Double(transpositions / 2)) / m) / 3
    var prefix = 0
    while prefix < min(4, s.count, t.count), s[prefix] == t[prefix] { prefix += 1 }
    return jaro + Double(prefix) * 0.1 * (1 - jaro)
}

/// Similarity of two name tokens in [0, 1]: the mean of Jaro-Winkler and the Dice coefficient of
/// their letter pairs.
///
/// Jaro-Winkler alone rewards a shared beginning so much that different compound surnames score
/// high ("rushybury" and "rushycombe": 0.93); letter pairs see that their endings differ (0.47), while
/// a misspelling keeps most pairs ("quillfeather" and "quilfeather": 0.98 and 0.95).
/// - Complexity: O(|a| * |b|).
public func tokenSimilarity(_ a: String, _ b: String) -> Double {
    if a == b { return 1 }
    return (jaroWinkler(a, b) + diceBigrams(a, b)) / 2
}

/// The Dice coefficient of two strings' letter pairs (bigrams), counted with multiplicity.
/// - Complexity: O(|a| + |b|).
public func diceBigrams(_ a: String, _ b: String) -> Double {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count > 1, y.count > 1 else { return x == y ? 1 : 0 }
    var pairs: [UInt16: Int] = [:]
    for i in 0..<(x.count - 1) { pairs[UInt16(x[i]) << 8 | UInt16(x[i + 1]), default: 0] += 1 }
    var common = 0
    for i in 0..<(y.count - 1) {
        let k = UInt16(y[i]) << 8 | UInt16(y[i + 1])
        if let n = pairs[k], n > 0 { pairs[k] = n - 1; common += 1 }
    }
    return 2 * Double(common) / Double(x.count - 1 + y.count - 1)
}

/// Similarity of two folded names in [0, 1], insensitive to word order.
///
/// Each token of the shorter name is matched to its most similar unused token in the other
/// (``tokenSimilarity(_:_:)``), and the mean of those best matches is taken; so "darren quillfeather"
/// and "quillfeather darren" score 1, and "darren quilfeather" about 0.98.
/// - Complexity: O(tokens² * token length²).
public func nameSimilarity(_ a: [String], _ b: [String]) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    var total = 0.0
    var used = Set<Int>()
    for tok in short {
        var best = 0.0, bestJ = -1
        for (j, other) in long.enumerated() where !used.contains(j) {
            let s = tok.count == 1 || other.count == 1 ? (tok.first == other.first ? 0.9 : 0) : tokenSimilarity(tok, other)
            if s > best { best = s; bestJ = j }
        }
        if bestJ >= 0 { used.insert(bestJ) }
        total += best
    }
    // A name with extra tokens (a middle name) is penalised a little, not much.
    let coverage = Double(short.count) / Double(long.count)
    return total / Double(short.count) * (0.9 + 0.1 * coverage)
}

/// American Soundex of a folded token (`quillfeather` -> `Q413`), for blocking only.
public func soundex(_ token: String) -> String {
    let codes: [Character: Character] = [
        "b": "1", "f": "1", "p": "1", "v": "1",
        "c": "2", "g": "2", "j": "2", "k": "2", "q": "2", "s": "2", "x": "2", "z": "2",
        "d": "3", "t": "3", "l": "4", "m": "5", "n": "5", "r": "6",
    ]
    guard let first = token.first else { return "" }
    var out = String(first).uppercased()
    var last = codes[first]
    for c in token.dropFirst() {
        let code = codes[c]
        if let code, code != last { out.append(code); if out.count == 4 { break } }
        if c != "h" && c != "w" { last = code }
    }
    while out.count < 4 { out.append("0") }
    return out
}
