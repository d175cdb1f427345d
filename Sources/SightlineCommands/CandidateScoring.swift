import Foundation
import SightlineIngest
import SightlineStore

/// Scores a resolution candidate list against planted name-only duplicates (`duplicates.nameOnly`
/// of a truth.json, docs/formats.md).
enum CandidateScoring {
    struct Report {
        var listed: Int
        var planted: Int
        var found: Int
        var correct: Int
        var topK: Int
        var correctInTopK: Int
        var text: String
    }

    static func score(_ list: [ResolutionCandidate], truthFile: String) throws -> Report {
        guard let data = FileManager.default.contents(atPath: truthFile) else { throw CommandError("\(truthFile): cannot read") }
        guard case let .object(top) = try JSONParser.parse(Array(data)),
              case let .object(duplicates)? = top.first(where: { $0.key == "duplicates" })?.value,
              case let .array(dups)? = duplicates.first(where: { $0.key == "nameOnly" })?.value else {
            throw CommandError("\(truthFile): expected a truth.json (docs/formats.md) with duplicates.nameOnly, as 'sightline generate' and scripts/make-samples.py write")
        }
        var pairs: [(String, String)] = []
        for d in dups {
            guard case let .object(o) = d, case let .string(a)? = o.first(where: { $0.key == "a" })?.value,
                  case let .string(b)? = o.first(where: { $0.key == "b" })?.value else { continue }
            pairs.append((a, b))
        }
        func matches(_ c: ResolutionCandidate, _ p: (String, String)) -> Bool {
            (c.aIdentifiers.contains(p.0) && c.bIdentifiers.contains(p.1)) || (c.aIdentifiers.contains(p.1) && c.bIdentifiers.contains(p.0))
        }
        // Index candidates by identifier for speed.
        var byIdentifier: [String: [Int]] = [:]
        for (i, c) in list.enumerated() { for x in c.aIdentifiers + c.bIdentifiers { byIdentifier[x, default: []].append(i) } }
        var correctIdx = Set<Int>()
        var found = 0
        for p in pairs {
            let hits = (byIdentifier[p.0] ?? []).filter { matches(list[$0], p) }
            if !hits.isEmpty { found += 1; correctIdx.formUnion(hits) }
        }
        let k = min(pairs.count, list.count)
        let correctTop = (0..<k).filter { correctIdx.contains($0) }.count
        let precision = list.isEmpty ? 0 : Double(correctIdx.count) / Double(list.count)
        let recall = pairs.isEmpty ? 0 : Double(found) / Double(pairs.count)
        let pTop = k == 0 ? 0 : Double(correctTop) / Double(k)
        let text = """
        planted name-only duplicates: \(pairs.count)
        candidates listed:            \(list.count)
        recall:                       \(String(format: "%.3f", recall)) (\(found) of \(pairs.count) planted pairs listed)
        precision:                    \(String(format: "%.3f", precision)) (\(correctIdx.count) of \(list.count) listed pairs are planted duplicates)
        precision in the top \(k):      \(String(format: "%.3f", pTop))

        """
        return Report(listed: list.count, planted: pairs.count, found: found, correct: correctIdx.count, topK: k,
                      correctInTopK: correctTop, text: text)
    }
}
