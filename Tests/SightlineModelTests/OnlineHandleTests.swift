import Testing
@testable import SightlineModel

/// Online accounts, `platform/handle`, canonical per platform.
struct OnlineHandleTests {
    @Test(arguments: [
        ("Insta", "instagram"), ("IG", "instagram"), ("instagram", "instagram"), ("twitter", "x"), ("X", "x"),
        ("fb", "facebook"), ("Facebook", "facebook"), ("snap", "snapchat"), ("SC", "snapchat"), (" Snap Chat ", "snapchat"),
        ("wa", "whatsapp"), ("WhatsApp", "whatsapp"), ("tg", "telegram"), ("TikTok", "tiktok"),
    ])
    func platformAliases(raw: String, canonical: String) {
        #expect(OnlineHandle.platform(raw) == canonical)
    }

    @Test(arguments: [
        ("snapchat/@Kaz_Wex99", "snapchat/kaz_wex99"),
        ("Snap/kaz_wex99", "snapchat/kaz_wex99"),
        ("snapchat/ @Kaz_Wex99 ", "snapchat/kaz_wex99"),
        ("twitter/@@KazWex", "x/kazwex"),
        ("Insta/https://www.instagram.com/Kaz.Wex/", "instagram/kaz.wex"),
        ("ig/instagram.com/Kaz.Wex", "instagram/kaz.wex"),
        ("ig/HTTP://instagram.com/kaz.wex//", "instagram/kaz.wex"),
        ("tiktok/https://www.tiktok.com/@Kaz.Wex", "tiktok/kaz.wex"),
        ("x/https://x.com/KazWex", "x/kazwex"),
        ("instagram/Kaz.Wex", "instagram/kaz.wex"),               // dots matter on Instagram
    ])
    func prefixesAndCase(raw: String, expected: String) throws {
        #expect(try OnlineHandle.normalise(raw) == expected)
    }

    @Test(arguments: [
        ("facebook/Amy.Lou.Fictional", "facebook/amyloufictional"),
        ("fb/https://www.facebook.com/amy.lou.fictional", "facebook/amyloufictional"),
        ("FB/@amy..lou", "facebook/amylou"),
    ])
    func facebookIgnoresDots(raw: String, expected: String) throws {
        #expect(try OnlineHandle.normalise(raw) == expected)
    }

    @Test func caseSensitivePlatformsKeepCase() throws {
        #expect(try OnlineHandle.normalise("telegram_id/AbC123") == "telegram_id/AbC123")
        #expect(try OnlineHandle.normalise("discord_id/@AbC") == "discord_id/AbC")
        #expect(try OnlineHandle.normalise("telegram/AbC123") == "telegram/abc123")
    }

    @Test(arguments: [
        ("wa/07700 900123", "whatsapp/+447700900123"),
        ("whatsapp/+44 (0)7700 900123", "whatsapp/+447700900123"),
        ("WhatsApp/@447700900123", "whatsapp/+447700900123"),
        ("whatsapp/+1 202 555 0143", "whatsapp/+12025550143"),
    ])
    func whatsappIsAPhoneNumber(raw: String, expected: String) throws {
        #expect(try OnlineHandle.normalise(raw) == expected)
    }

    @Test func whatsappRejectsNonNumbers() {
        #expect(throws: OnlineHandle.ParseError.phone(.invalidCharacter("k"))) { try OnlineHandle.normalise("whatsapp/kaz") }
        #expect(throws: OnlineHandle.ParseError.phone(.wrongLength(digits: 5))) { try OnlineHandle.normalise("wa/12345") }
    }

    @Test(arguments: [
        ("kaz_wex99", OnlineHandle.ParseError.missingPlatform), ("/kaz", .missingPlatform), (" /kaz", .missingPlatform),
        ("snapchat/", .emptyHandle), ("snapchat/@", .emptyHandle), ("snapchat/  @@ ", .emptyHandle),
        ("instagram/https://instagram.com/", .emptyHandle),
        ("snapchat/kaz wex", .invalidCharacter(" ")), ("snapchat/<b>kaz", .invalidCharacter("<")),
        ("snapchat/kaz\"x", .invalidCharacter("\"")), ("snapchat/kaz\u{7}", .invalidCharacter("\u{7}")),
        ("snapchat/a/b", .invalidCharacter("/")), ("snapchat/kaz>", .invalidCharacter(">")),
    ])
    func rejected(raw: String, error: OnlineHandle.ParseError) {
        #expect(throws: error) { try OnlineHandle.normalise(raw) }
    }

    @Test func asIdentifier() throws {
        let a = try StrongIdentifier(parsing: "account:snapchat/@Kaz_Wex99")
        #expect(a.kind == .account)
        #expect(a.value == "snapchat/kaz_wex99")
        #expect(try StrongIdentifier(parsing: "account:Snap/kaz_WEX99") == a)
    }
}
