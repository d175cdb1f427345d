import Testing
@testable import SightlineIngest

/// The edge-list reader's fast path against its general path, and its errors.
struct EdgeListTests {
    func both(_ text: String) throws -> (fast: EdgeList?, general: EdgeList) {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { EdgeList.readPlain($0) }
        let general = try EdgeList.readGeneral(MemoryByteSource(bytes, chunkSize: 7), file: "e.csv")
        return (fast, general)
    }

    func same(_ a: EdgeList, _ b: EdgeList) -> Bool {
        a.names == b.names && a.sources == b.sources && a.targets == b.targets && a.hasWeights == b.hasWeights
            && a.weights.map(\.bitPattern) == b.weights.map(\.bitPattern)
    }

    @Test func plainFilesTakeTheFastPathAndAgree() throws {
        let files = [
            "source,target\n0,1\n1,2\n2,0\n",
            "source,target\r\n10,7\r\n7,0010\r\n0010,10\r\n",              // CRLF; "0010" is a name, not 10
            "\u{FEFF}Source , Target,weight\n a , b ,0.5\nb,c,2\nc,a,1e-3\n", // BOM, spaces, header case, exponent
            "id,target,x,source,weight\n1,2,z,3,0.1\n4,5,z,6,12345.678901234567\n", // columns in any order; long decimal
            "source,target,weight\nAnna Ø,Bjørn,3.25\nBjørn,Anna Ø,.5\n99999999999999999999,1,7.\n", // non-ASCII, ".5", "7.", huge integer name
            "source,target\nx,y",                                             // no final line break
        ]
        for f in files {
            let (fast, general) = try both(f)
            let fastList = try #require(fast, "the fast path refused \(f.debugDescription)")
            #expect(same(fastList, general), "\(f.debugDescription)")
        }
    }

    @Test func anythingUnusualGoesToTheGeneralReader() throws {
        for f in ["source,target\n\"a,b\",c\n", "source,target\n\na,b\n", "source,target\ra,b\r", "source,target\na\n", "source,target,weight\na,b,-1\n", "source,target\n,b\n"] {
            let bytes = Array(f.utf8)
            #expect(bytes.withUnsafeBufferPointer { EdgeList.readPlain($0) } == nil, "\(f.debugDescription)")
        }
        // And the general reader reads what it can, or names the line and field.
        let quoted = try EdgeList.read(MemoryByteSource("source,target\n\"a,b\",c\n"), file: "q.csv")
        #expect(quoted.names == ["a,b", "c"])
        let blank = try EdgeList.read(MemoryByteSource("source,target\n\na,b\n"), file: "b.csv")
        #expect(blank.names == ["a", "b"])
        #expect(throws: IngestError.self) { try EdgeList.read(MemoryByteSource("source,target,weight\na,b,-1\n"), file: "w.csv") }
        do {
            _ = try EdgeList.read(MemoryByteSource("source,target\na,b\n,c\n"), file: "n.csv")
            Issue.record("an empty node name was accepted")
        } catch {
            #expect("\(error)".contains("n.csv") && "\(error)".contains("3") && "\(error)".contains("source"))
        }
        let latin1: [UInt8] = Array("source,target\nCaf".utf8) + [0xE9] + Array(",b\n".utf8)
        #expect(latin1.withUnsafeBufferPointer { EdgeList.readPlain($0) } == nil)
        #expect(throws: IngestError.self) { try EdgeList.read(MemoryByteSource(latin1), file: "l.csv") }
    }

    /// Seeded random plain files: integer and text names, weights in many spellings.
    @Test(arguments: 1...20) func randomPlainFilesAgree(seed: UInt64) throws {
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let names = ["0", "7", "07", "123456789", "1234567890123456789", "-3", "n1", "Zoë", "a b", "x.5"]
        let weights = ["1", "0.1", "0.3", "2.5", "1e2", "3.14159265358979", "0.000001", "123456789012345678", "9.999999999999999", "5"]
        var text = seed % 2 == 0 ? "source,target,weight\n" : "weight,target,source\n"
        for _ in 0..<200 {
            let a = names[next() % names.count], b = names[next() % names.count], w = weights[next() % weights.count]
            text += seed % 2 == 0 ? "\(a),\(b),\(w)\n" : "\(w),\(b),\(a)\n"
        }
        let (fast, general) = try both(text)
        #expect(fast.map { same($0, general) } == true)
    }
}
