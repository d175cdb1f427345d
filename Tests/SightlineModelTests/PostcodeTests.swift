import Testing
@testable import SightlineModel

/// UK postcodes: outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code (9AA).
/// Shapes and examples from the Royal Mail PAF format description; WX is a fictional area.
struct PostcodeTests {
    @Test(arguments: [
        ("M1 1AE", "M1 1AE"),        // A9
        ("B33 8TH", "B33 8TH"),      // A99
        ("CR2 6XH", "CR2 6XH"),      // AA9
        ("DN55 1PT", "DN55 1PT"),    // AA99
        ("W1A 0AX", "W1A 0AX"),      // A9A
        ("EC1A 1BB", "EC1A 1BB"),    // AA9A
        ("WX1 4QR", "WX1 4QR"),
    ])
    func allSixOutwardShapes(text: String, expected: String) throws {
        #expect(try Postcode.normalise(text) == expected)
    }

    @Test(arguments: [
        ("wx14qr", "WX1 4QR"), ("wx1 4qr", "WX1 4QR"), ("WX14QR", "WX1 4QR"), (" wx1  4qr ", "WX1 4QR"),
        ("ec1a1bb", "EC1A 1BB"), ("m11ae", "M1 1AE"), ("W X 1 4 Q R", "WX1 4QR"), ("WX1\t4QR", "WX1 4QR"),
        ("WX1\u{00A0}4QR", "WX1 4QR"), ("dn551pt", "DN55 1PT"),
    ])
    func caseAndSpacing(text: String, expected: String) throws {
        #expect(try Postcode.normalise(text) == expected)
    }

    @Test(arguments: [
        "", "WX1", "WX1 4Q", "WX1 QQR", "WX1 44R", "WX1 4Q1", "1X1 4QR", "WXY1 4QR", "WX123 4QR", "WX1A1 4QR",
        "W11A 4QR", "WX1-4QR", "ÉX1 4QR", "WX1 4QR!", "A 1BB", "11 1AA", "WXAA 4QR", "WX1 4QRR",
    ])
    func rejected(text: String) {
        #expect(throws: Postcode.ParseError.malformed) { try Postcode.normalise(text) }
    }
}
