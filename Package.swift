// swift-tools-version:6.1
//
// Sightline: joins multi-agency intelligence about child exploitation into one
// network and produces evidence-backed lists for the people who protect children.
//
// The target list follows the data flow:
//   model -> ingest -> store -> read model (+ safeguarding rules) -> graph/network -> analysis -> products -> gate -> render/export -> commands
// Pure targets (no I/O) import only the standard library, Foundation's value types and
// small parsing packages; only SightlineStore touches the store (SightlineAudit its own log file); only the executable touches
// the terminal.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Sightline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sightline", targets: ["sightline"]),
        .library(name: "SightlineModel", targets: ["SightlineModel"]),
        .library(name: "SightlineIngest", targets: ["SightlineIngest"]),
        .library(name: "SightlineStore", targets: ["SightlineStore"]),
        .library(name: "SightlineGraph", targets: ["SightlineGraph"]),
        .library(name: "SightlineAudit", targets: ["SightlineAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // 1. Model: values, typed identifiers, grading, time, normalisers. Pure.
        .target(name: "SightlineModel", swiftSettings: strict),

        // 2. Ingest: bytes in, validated model records and diagnostics out. Pure.
        .target(
            name: "SightlineIngest",
            dependencies: ["SightlineModel", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),

        // 3. Resolution: name folding, similarity and candidate scoring. Pure.
        .target(name: "SightlineResolution", dependencies: ["SightlineModel"], swiftSettings: strict),

        // 4. Read model: what the store answers, as plain values (citations, network entities and
        //    links, product contents). Pure: network, products and render read only these.
        .target(name: "SightlineReadModel", dependencies: ["SightlineModel"], swiftSettings: strict),

        // 5. Safeguarding: every rule that protects children, in one place (who is a child at a
        //    date, who acts in a link, who may be a notice's subject, which merges and places are
        //    protected). Pure.
        .target(name: "SightlineSafeguarding", dependencies: ["SightlineModel", "SightlineReadModel"], swiftSettings: strict),

        // 6. Store: the only target that touches the store's SQLite file (GRDB over the system library).
        .target(
            name: "SightlineStore",
            dependencies: [
                "SightlineModel", "SightlineIngest", "SightlineResolution", "SightlineReadModel", "SightlineSafeguarding",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict),

        // 6a. Audit: the append-only, keyed hash-chained log of every consultation and disclosure
        //     (DPA 2018 Part 3 s.62), in its own SQLite file beside the store.
        .target(
            name: "SightlineAudit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),

        // 6b. Gate: the audiences (who may receive what) and the one disclosure step every output that
        //     shows personal data passes through: the audience's screen over the read model, then
        //     the disclosure logged before a byte is written.
        .target(
            name: "SightlineGate",
            dependencies: [
                "SightlineModel", "SightlineReadModel", "SightlineSafeguarding", "SightlineStore", "SightlineAudit", "SightlineExport",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),

        // 7. Graph: a compact snapshot over dense indices and the algorithms on it. Pure.
        .target(name: "SightlineGraph", swiftSettings: strict),

        // 8. Network: the read model's entities and links as a Graph, with the evidence behind each edge.
        .target(name: "SightlineNetwork", dependencies: ["SightlineModel", "SightlineReadModel", "SightlineSafeguarding", "SightlineGraph"], swiftSettings: strict),

        // 9. Analysis: reports on a network snapshot (clusters and central actors, what a removal would
        //    do for children, clusters scored against planted groups), each a Codable value. Pure.
        .target(
            name: "SightlineAnalysis",
            dependencies: ["SightlineModel", "SightlineReadModel", "SightlineSafeguarding", "SightlineGraph", "SightlineNetwork", "SightlineExport"],
            swiftSettings: strict),

        // 10. Products: disruption lists (weights read from YAML text), warning-notice candidates, missing briefs, each row with its evidence. Pure.
        .target(
            name: "SightlineProducts",
            dependencies: ["SightlineModel", "SightlineReadModel", "SightlineSafeguarding", "SightlineGraph", "SightlineNetwork",
                           .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),

        // 11. Render: pictures of the network through Graphviz's C library (never the `dot` program).
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]),
        .target(
            name: "SightlineRender",
            dependencies: ["CGraphviz", "SightlineModel", "SightlineReadModel", "SightlineSafeguarding", "SightlineGraph", "SightlineNetwork", "SightlineProducts"],
            swiftSettings: strict),

        // 11a. Export: the disclosed network as GraphML, GEXF (with dynamics), i2 Analyst's Notebook
        //      CSV tables and JSON, each a String from an already screened ExportGraph. Pure.
        .target(name: "SightlineExport", dependencies: ["SightlineModel", "SightlineReadModel", "SightlineSafeguarding"], swiftSettings: strict),

        // Synthetic networks with planted truth, for samples, tests and benchmarks. Pure.
        .target(name: "SightlineSynthetic", dependencies: ["SightlineModel", "SightlineIngest"], swiftSettings: strict),

        // Command line: one subcommand per file; each parses, calls one library function, prints.
        .target(
            name: "SightlineCommands",
            dependencies: [
                "SightlineModel", "SightlineIngest", "SightlineStore", "SightlineResolution",
                "SightlineSynthetic", "SightlineGraph", "SightlineNetwork", "SightlineAnalysis", "SightlineProducts", "SightlineRender", "SightlineSafeguarding", "SightlineAudit", "SightlineGate", "SightlineExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "sightline", dependencies: ["SightlineCommands"], swiftSettings: strict),

        // Test support: fixtures and helpers shared by the test targets (not a product).
        .target(
            name: "SightlineTestSupport",
            dependencies: [],
            path: "Tests/SightlineTestSupport",
            swiftSettings: strict),

        .testTarget(name: "SightlineModelTests", dependencies: ["SightlineModel", "SightlineTestSupport"]),
        .testTarget(name: "SightlineIngestTests", dependencies: ["SightlineIngest", "SightlineTestSupport"]),
        .testTarget(
            name: "SightlineGraphTests",
            dependencies: ["SightlineGraph", "SightlineIngest", "SightlineTestSupport"],
            exclude: ["Reference"]),
        .testTarget(name: "SightlineNetworkTests", dependencies: ["SightlineNetwork", "SightlineStore", "SightlineModel"]),
        .testTarget(name: "SightlineAnalysisTests", dependencies: ["SightlineAnalysis", "SightlineNetwork", "SightlineReadModel", "SightlineGraph", "SightlineModel"]),
        .testTarget(name: "SightlineSafeguardingTests", dependencies: ["SightlineSafeguarding", "SightlineReadModel", "SightlineModel", "SightlineTestSupport"]),
        .testTarget(name: "SightlineProductsTests", dependencies: ["SightlineProducts", "SightlineNetwork", "SightlineStore", "SightlineModel", "SightlineTestSupport"]),
        .testTarget(name: "SightlineRenderTests", dependencies: ["SightlineRender", "SightlineModel", "SightlineNetwork", "SightlineStore", "SightlineTestSupport"]),
        .testTarget(name: "SightlineExportTests", dependencies: ["SightlineExport", "SightlineReadModel", "SightlineModel", "SightlineSynthetic", "SightlineTestSupport"]),
        .testTarget(name: "SightlineResolutionTests", dependencies: ["SightlineResolution", "SightlineSynthetic", "SightlineTestSupport"]),
        .testTarget(
            name: "SightlineStoreTests",
            dependencies: ["SightlineStore", "SightlineSynthetic", "SightlineTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "SightlineAuditTests",
            dependencies: ["SightlineAudit", "SightlineSynthetic", "SightlineTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SightlineGateTests", dependencies: ["SightlineGate", "SightlineAudit", "SightlineModel", "SightlineReadModel", "SightlineStore", "SightlineTestSupport"]),
        .testTarget(
            name: "SightlineCommandsTests",
            dependencies: ["SightlineCommands", "SightlineModel", "SightlineStore", "SightlineAudit", "SightlineTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
