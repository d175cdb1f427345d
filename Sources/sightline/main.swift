import ArgumentParser
import Foundation
import SightlineCommands

// The executable only hands the command line to the library; everything else lives there.
SightlineMain.run()
