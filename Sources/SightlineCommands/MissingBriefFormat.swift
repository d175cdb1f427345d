import ArgumentParser
import Foundation
import SightlineModel
import SightlineNetwork
import SightlineProducts
import SightlineRender
import SightlineStore

/// How the brief is written.
enum BriefFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, html
}
