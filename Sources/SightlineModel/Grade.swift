/// An intelligence item's grade: the current 3x5x2 grade, or a legacy 5x5x5 grade kept exactly as graded.
///
/// 3x5x2: source evaluation 1 (reliable), 2 (untested), 3 (not reliable); intelligence assessment
/// A (known directly), B (known indirectly, corroborated), C (known indirectly), D (not known),
/// E (suspected false or malicious); handling code P (lawful sharing permitted) or C (permitted with
/// conditions, recorded in `conditions`).
///
/// 5x5x5 (older material): source evaluation A-E, intelligence evaluation 1-5, handling code 1-5.
/// It is never converted to 3x5x2: the two scales do not map one to one.
public enum Grade: Hashable, Sendable {
    case current(source: Int, assessment: Character, handling: Handling, conditions: String?)
    case legacy(source: Character, intelligence: Int, handling: Int)

    /// 3x5x2 handling codes.
    public enum Handling: String, Sendable, Codable {
        case permitted = "P"
        case conditions = "C"
    }

    /// The grading system: `3x5x2` or `5x5x5`.
    public var system: String {
        switch self {
        case .current: "3x5x2"
        case .legacy: "5x5x5"
        }
    }

    /// The compact form: `2BP`, `1AC`, `B24`.
    public var code: String {
        switch self {
        case let .current(s, a, h, _): "\(s)\(a)\(h.rawValue)"
        case let .legacy(s, i, h): "\(s)\(i)\(h)"
        }
    }

    /// Source evaluation and assessment as stored: `2B` or `B2`.
    public var evaluation: String {
        switch self {
        case let .current(s, a, _, _): "\(s)\(a)"
        case let .legacy(s, i, _): "\(s)\(i)"
        }
    }

    /// The handling code as stored: `P`, `C`, or a 5x5x5 digit.
    public var handlingCode: String {
        switch self {
        case let .current(_, _, h, _): h.rawValue
        case let .legacy(_, _, h): String(h)
        }
    }

    public var conditions: String? {
        if case let .current(_, _, _, c) = self { return c }
        return nil
    }

    /// Why a grade text could not be read.
    public enum ParseError: Error, Equatable, Sendable {
        case malformed
        case sourceOutOfRange
        case assessmentOutOfRange
        case handlingOutOfRange
        case conditionsMissing
    }

    /// Reads `1AP`, `2-B-C`, `3/E/P` (3x5x2) or `B24`, `B-2-4` (5x5x5).
    ///
    /// - Parameters:
    ///   - text: the grade as written.
    ///   - conditions: the handling conditions; required when the 3x5x2 handling code is C.
    /// - Throws: ``ParseError`` naming what is wrong.
    public init(parsing text: String, conditions: String? = nil) throws(ParseError) {
        var c: [Character] = []
        c.reserveCapacity(3)
        for b in text.utf8 where b != 0x2D && b != 0x2F && b != 0x20 && b != 0x2E { // - / space .
            guard b < 0x80, c.count < 3 else { throw .malformed }
            c.append(Character(Unicode.Scalar(b >= 0x61 && b <= 0x7A ? b - 32 : b)))
        }
        guard c.count == 3 else { throw .malformed }
        if let s = c[0].wholeNumberValue {
            guard (1...3).contains(s) else { throw .sourceOutOfRange }
            guard ("A"..."E").contains(c[1]) else { throw .assessmentOutOfRange }
            guard let h = Handling(rawValue: String(c[2])) else { throw .handlingOutOfRange }
            let cond = conditions?.trimmedWhitespace()
            if h == .conditions, cond?.isEmpty ?? true { throw .conditionsMissing }
            self = .current(source: s, assessment: c[1], handling: h, conditions: (cond?.isEmpty ?? true) ? nil : cond)
        } else if ("A"..."E").contains(c[0]) {
            guard let i = c[1].wholeNumberValue, (1...5).contains(i) else { throw .assessmentOutOfRange }
            guard let h = c[2].wholeNumberValue, (1...5).contains(h) else { throw .handlingOutOfRange }
            self = .legacy(source: c[0], intelligence: i, handling: h)
        } else {
            throw .malformed
        }
    }

    /// Rebuilds a stored grade.
    public init?(system: String, evaluation: String, handling: String, conditions: String?) {
        guard let grade = try? Grade(parsing: evaluation + handling, conditions: conditions),
              grade.system == system else { return nil }
        self = grade
    }
}

extension Grade.ParseError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .malformed: "expected a 3x5x2 grade like 2BP (source 1-3, assessment A-E, handling P or C) or a 5x5x5 grade like B24"
        case .sourceOutOfRange: "source evaluation must be 1, 2 or 3"
        case .assessmentOutOfRange: "intelligence assessment must be A-E (3x5x2) or 1-5 (5x5x5)"
        case .handlingOutOfRange: "handling code must be P or C (3x5x2) or 1-5 (5x5x5)"
        case .conditionsMissing: "handling code C needs its conditions in 'conditions'"
        }
    }
}
