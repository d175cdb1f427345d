/// Text as each format must carry it.
enum ExportText {
    /// Whether XML 1.0 allows the character at all (even as a character reference): tab, line
    /// feed, carriage return, and everything from U+0020 except U+FFFE and U+FFFF (Swift strings
    /// never hold surrogates).
    static func xmlAllows(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Text escaped for XML element content or a double-quoted attribute. Characters XML 1.0
    /// forbids are replaced by U+FFFD (so a reader sees that something was there); in attributes,
    /// tab and line breaks are written as character references so that attribute-value
    /// normalisation keeps them; a carriage return is always a reference, so no reader folds it.
    static func xml(_ s: String, attribute: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            case "\t" where attribute: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where attribute: out.append(contentsOf: "&#10;".unicodeScalars)
            default: out.append(xmlAllows(u) ? u : "\u{FFFD}")
            }
        }
        return String(out)
    }

    /// One RFC 4180 field: control characters other than tab and line breaks replaced by U+FFFD;
    /// a leading `=`, `+`, `-`, `@`, tab or carriage return (that is not a number) guarded with an
    /// apostrophe so that a spreadsheet never runs the cell as a formula; quoted when it holds a
    /// comma, a quote or a line break, with quotes doubled.
    static func csv(_ s: String) -> String {
        var v = String(String.UnicodeScalarView(s.unicodeScalars.map { xmlAllows($0) ? $0 : "\u{FFFD}" }))
        if let f = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f), Double(v) == nil { v = "'" + v }
        guard v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingQuotes() + "\""
    }

    /// A CSV table: a header row and rows, CRLF after each.
    static func csvTable(_ header: [String], _ rows: [[String]]) -> String {
        var out = header.map(csv).joined(separator: ",") + "\r\n"
        for r in rows { out += r.map(csv).joined(separator: ",") + "\r\n" }
        return out
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = String.UnicodeScalarView()
        for u in unicodeScalars {
            out.append(u)
            if u == "\"" { out.append(u) }
        }
        return String(out)
    }
}
