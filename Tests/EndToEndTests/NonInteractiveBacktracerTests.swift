@testable import netexplorer
import Testing

/// The `SWIFT_BACKTRACE` value the program re-executes itself with, so the runtime's backtracer never prompts.
@Suite("Non-interactive backtracer setting", .ownThreads)
struct NonInteractiveBacktracerTests {
    @Test("interactive=no is added to whatever was set; a user's own interactive= or enable=no is left alone")
    func setting() {
        #expect(NonInteractiveBacktracer.settingWithoutPrompt(nil) == "interactive=no")
        #expect(NonInteractiveBacktracer.settingWithoutPrompt("") == "interactive=no")
        #expect(NonInteractiveBacktracer.settingWithoutPrompt("color=no") == "color=no,interactive=no")
        #expect(NonInteractiveBacktracer.settingWithoutPrompt("interactive=yes") == nil)
        #expect(NonInteractiveBacktracer.settingWithoutPrompt("color=no, interactive = no") == nil)
        #expect(NonInteractiveBacktracer.settingWithoutPrompt("enable=no") == nil)
        #expect(NonInteractiveBacktracer.settingWithoutPrompt("enable=yes") == "enable=yes,interactive=no")
    }
}
