/// The formats `sightline export` writes, and the files each writes for `-o PATH`.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// GraphML for yEd, Gephi and Cytoscape (docs/exports.md).
    case graphml
    /// GEXF 1.2 with dynamics, for Gephi's timeline.
    case gexf
    /// Two CSV tables for i2 Analyst's Notebook: PATH's name with `.entities.csv` and `.links.csv`.
    case i2
    /// JSON of entities, links and items.
    case json

    /// The files written for `-o path`, in order, with their bytes.
    /// - Complexity: O(entities + links + items).
    public func files(_ g: ExportGraph, path: String) throws -> [(path: String, bytes: [UInt8])] {
        switch self {
        case .graphml: return [(path, Array(GraphMLExport.document(g).utf8))]
        case .gexf: return [(path, Array(GEXFExport.document(g).utf8))]
        case .json: return [(path, Array(try JSONExport.document(g).utf8))]
        case .i2:
            let (entities, links) = I2Export.tables(g)
            let stem = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
            return [(stem + ".entities.csv", Array(entities.utf8)), (stem + ".links.csv", Array(links.utf8))]
        }
    }
}
