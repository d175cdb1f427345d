/// Text made safe for XML and HTML content and attribute values: `&`, `<`, `>`, `"` and `'` become
/// entities, so a name holding markup is shown as written and never read as markup. The one escaper
/// behind Graphviz's HTML-like legend and the missing brief's page.
public func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(ch)
        }
    }
    return out
}
