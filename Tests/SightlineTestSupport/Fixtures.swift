/// Small, hand-written inputs whose stored results are worked out by hand in the tests.
public enum Fixtures {
    /// One of every record type (docs/formats.md), with a phone written two ways and a person
    /// whose record names a second system's ID. All fictional.
    public static let everyRecordType = """
    {"type":"item","agency":"police","ref":"WX-24-000123","recorded":"2024-03-04","observed":"2024-03-02T21:40","grade":"2BP","summary":"Officers saw a silver Corsa collect two children outside Harbour Lane park."}
    {"type":"item","agency":"social_care","ref":"LCS-88120","recorded":"2024-03-05","observed":"2024-03-01/2024-03-03","grade":"1AC","conditions":"Share only within the MACE panel","summary":"Residential staff report the child returned with a new phone."}
    {"type":"item","agency":"police","ref":"OLD-2009-0771","recorded":"2009-06-01","grade":"B24","summary":"Legacy record (5x5x5)."}
    {"type":"person","id":"person:niche/PN-1001","name":"Darren QUILLFEATHER","aliases":["Daz"],"dob":"1989-05-12","roles":["suspect"],"item":"police/WX-24-000123"}
    {"type":"person","id":"person:lccs/C-2231","name":"Amy-Lou FICTIONAL","dob":"2010-07-30","roles":["child_at_risk"],"ids":["person:niche/PN-5521"],"item":"social_care/LCS-88120"}
    {"type":"person","id":"person:lccs/A-0091","name":"Jo FICTIONAL","roles":["parent_or_carer"],"item":"social_care/LCS-88120"}
    {"type":"vehicle","id":"vehicle:wx09 abq","make":"Vauxhall","model":"Corsa","colour":"silver","item":"police/WX-24-000123"}
    {"type":"phone","id":"phone:07700 900123","imei":"35-209900-176148-1","item":"police/WX-24-000123"}
    {"type":"account","id":"account:snapchat/@Kaz_Wex99","displayName":"kaz","item":"police/WX-24-000123"}
    {"type":"location","id":"location:lic/PREM-0042","name":"The Anchorage Hotel","address":"14 Quayside Row, Wexcombe","postcode":"wx14qr","category":"hotel","lat":50.1234,"lon":-3.4567,"item":"police/WX-24-000123"}
    {"type":"location","id":"location:uprn/900000000017","name":"Driftwood House children's home","category":"childrens_home","item":"social_care/LCS-88120"}
    {"type":"organisation","id":"org:lic/TX-07","name":"Starlight Private Hire","orgType":"taxi_firm","item":"police/WX-24-000123"}
    {"type":"link","link":"travelled_in","from":"person:lccs/C-2231","to":"vehicle:WX09ABQ","at":"2024-03-02T21:40","items":["police/WX-24-000123"]}
    {"type":"link","link":"uses_phone","from":"person:niche/PN-1001","to":"phone:+44 (0)7700 900123","item":"police/WX-24-000123"}
    {"type":"link","link":"contacted","from":"phone:447700900123","to":"phone:+44 7700 900456","at":"2024-03-02T20:13:05","mode":"call","duration":94,"item":"police/WX-24-000123"}
    {"type":"link","link":"parent_of","from":"person:lccs/A-0091","to":"person:lccs/C-2231","item":"social_care/LCS-88120"}
    {"type":"link","link":"uses_account","from":"person:niche/PN-1001","to":"account:snapchat/kaz_wex99","at":"~2024-02","item":"police/WX-24-000123"}
    {"type":"looked_after","child":"person:lccs/C-2231","from":"2023-01-10","to":null,"authority":"Wexcombe Borough Council","item":"social_care/LCS-88120"}
    {"type":"missing","child":"person:lccs/C-2231","start":"2024-03-02T18:00","end":"2024-03-03T09:15","missingFrom":"location:uprn/900000000017","foundAt":"location:lic/PREM-0042","foundWith":["person:niche/PN-1001"],"item":"police/WX-24-000123"}
    {"type":"notice","notice":"cawn","subject":"person:niche/PN-1001","child":"person:lccs/C-2231","issued":"2024-04-01","officer":"PC 4471","expires":"2026-04-01","item":"police/WX-24-000123"}
    {"type":"non_consent","child":"person:lccs/C-2231","adult":"person:niche/PN-1001","by":"local_authority","item":"social_care/LCS-88120"}

    """
}
