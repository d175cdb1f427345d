/// Word lists for obviously fictional people, places and businesses.
enum FictionalNames {
    static let forenames = [
        "Aaron", "Abigail", "Adele", "Alfie", "Amber", "Amelia", "Archie", "Ava", "Bethany", "Blake", "Bradley", "Brooke",
        "Caleb", "Callum", "Casey", "Chloe", "Connor", "Courtney", "Daisy", "Dale", "Damon", "Darren", "Declan", "Demi",
        "Dexter", "Dylan", "Eden", "Ellie", "Elliot", "Erin", "Ethan", "Evie", "Faye", "Finley", "Freya", "Gavin", "Georgia",
        "Grace", "Harley", "Harvey", "Hayley", "Imogen", "Isla", "Jade", "Jake", "Jasmine", "Jayden", "Jenna", "Jordan",
        "Kai", "Kayla", "Keeley", "Kieran", "Lacey", "Leah", "Lewis", "Liam", "Logan", "Lola", "Lucas", "Maisie", "Mason",
        "Megan", "Millie", "Morgan", "Nadia", "Nathan", "Niamh", "Noah", "Olivia", "Oscar", "Paige", "Phoebe", "Quinn",
        "Reece", "Riley", "Rosie", "Ruby", "Ryan", "Scarlett", "Shane", "Sienna", "Skye", "Sophie", "Stacey", "Tamsin",
        "Tegan", "Theo", "Toby", "Tyler", "Vinnie", "Warren", "Willow", "Wyatt", "Yasmin", "Zach", "Zara", "Zoë",
    ]
    static let surnameHeads = [
        "Quill", "Bracken", "Thistle", "Marble", "Wren", "Fallow", "Tansy", "Gorse", "Hollin", "Rook", "Bramble", "Copper",
        "Dapple", "Ember", "Fennel", "Gimble", "Harrow", "Inkle", "Juniper", "Kestrel", "Lark", "Mallow", "Nettle", "Oriel",
        "Pebble", "Quince", "Rushy", "Sorrel", "Teasel", "Umber", "Vetch", "Willow", "Yarrow", "Zephyr", "Amble", "Burdock",
    ]
    static let surnameTails = [
        "feather", "bury", "wood", "ton", "combe", "ridge", "well", "stone", "field", "more", "worth", "hurst", "ley",
        "brook", "cott", "dale", "ford", "gate", "holt", "shaw",
    ]
    static let streets = [
        "Quayside Row", "Harbour Lane", "Gullwing Street", "Tidewater Road", "Saltmarsh Close", "Lanternhill Avenue",
        "Ropewalk Terrace", "Fishgate Yard", "Beaconsway", "Driftwood Crescent", "Netmender Street", "Anchorage Walk",
    ]
    static let businesses: [(String, String)] = [
        ("hotel", "The Gullwing Hotel"), ("hotel", "Saltmarsh Lodge Hotel"), ("bnb", "Tidewater B&B"),
        ("takeaway", "Lantern Fried Chicken"), ("takeaway", "Harbour Pizza Express-o"), ("takeaway", "Quayside Kebab House"),
        ("licensed_premises", "The Drowned Fiddler"), ("taxi_firm", "Starlight Private Hire"), ("taxi_rank", "Fishgate taxi rank"),
        ("shisha_lounge", "Cloudnine Shisha Lounge"), ("park", "Beacon Hill park"), ("shopping_centre", "Wexcombe Arcade"),
    ]
}
