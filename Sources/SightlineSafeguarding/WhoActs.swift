import SightlineModel
import SightlineReadModel

extension Safeguarding {
    /// A link between people written as a sentence, with the adult as the actor whenever one end is
    /// an adult and the other a child, in every link type and from either end.
    ///
    /// A link recorded from the adult (`supplies`, `harbours`, `gave_gifts_to`, `contacted`) reads
    /// "ADULT supplied drugs or alcohol to CHILD". One recorded from the child to the adult is turned
    /// so that the adult stays the subject ("ADULT received a phone from CHILD", "ADULT was contacted by
    /// CHILD"); a two-way link names the adult first ("ADULT was found with CHILD during a missing
    /// episode").
    public struct Sentence: Sendable, Equatable {
        /// Who the sentence is about (the actor), the words, and the other party.
        public var subject: EntityID
        public var words: String
        public var object: EntityID

        /// The sentence with names filled in.
        public func text(_ name: (EntityID) -> String) -> String { "\(name(subject)) \(words) \(name(object))" }
    }

    /// The sentence for a link. Links that do not join an adult and a child read in their recorded
    /// direction.
    public func sentence(_ type: LinkType, from source: EntityID, to target: EntityID) -> Sentence {
        let childFirst = isChild(source) && isAdultPerson(target)
        if !type.isDirected {
            let (a, b) = childFirst ? (target, source) : (source, target)
            return Sentence(subject: a, words: Self.twoWayWords(type), object: b)
        }
        guard childFirst else { return Sentence(subject: source, words: type.phrase, object: target) }
        return Sentence(subject: target, words: Self.reversedWords(type), object: source)
    }

    /// A two-way link's words with a verb: "was seen with".
    static func twoWayWords(_ type: LinkType) -> String {
        switch type {
        case .associatesWith: "associates with"
        case .seenWith: "was seen with"
        case .foundWith: "was found during a missing episode with"
        case .onlineContact: "was in online contact with"
        case .siblingOf: "is a sibling of"
        case .relativeOf: "is a relative of"
        default: type.phrase
        }
    }

    /// A link recorded from a child to an adult, worded with the adult as the subject.
    static func reversedWords(_ type: LinkType) -> String {
        switch type {
        case .contacted: "was contacted by"
        case .gavePhoneTo: "received a phone from"
        case .gaveGiftsTo: "received gifts from"
        case .supplies: "received drugs or alcohol from"
        case .harbours: "stayed with (recorded as harboured by)"
        case .parentOf: "is a child of"
        case .carerOf: "is cared for by"
        default: "is linked (\(type.rawValue.replacingOccurrences(of: "_", with: " ")), recorded from the child) with"
        }
    }
}
