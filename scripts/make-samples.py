#!/usr/bin/env python3
"""Write Sightline's fictional sample data set (the town of Wexcombe) into Samples/.

Standard library only, fixed seed: running it twice writes byte-identical files.

    python3 scripts/make-samples.py            # write Samples/
    python3 scripts/make-samples.py --check    # write, then check the output (language, encodings)

Everything here is made up: people, businesses, streets, the towns of Wexcombe and Hallowmere.
Phone numbers come only from Ofcom's drama range 07700 900000-900999; vehicle marks end in Q or Z
(never issued); IMEIs carry a valid Luhn check digit but belong to no real handset.
"""
import argparse
import csv
import io
import json
import os
import random
import re
import sys
from datetime import date, datetime, timedelta

SEED = 20240917
R = random.Random(SEED)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "Samples")
# Sightline's protective-language list (the phrases it must never compose about a child) lives in
# one place, the Swift source below; --check reads the patterns out of it.
PROTECTIVE_LANGUAGE = os.path.join(ROOT, "Sources", "SightlineModel", "ProtectiveLanguage.swift")

AGENCIES = ["police", "social_care", "health", "education", "licensing", "voluntary", "housing"]
# The person-ID system each agency keeps.
SYSTEM = {"police": "niche", "social_care": "lccs", "health": "ehr", "education": "sims",
          "housing": "housing", "licensing": "lic", "voluntary": "vol"}
AUTHORITY = "Wexcombe Borough Council"
EVENTS_FROM = date(2023, 1, 4)
EVENTS_TO = date(2025, 6, 27)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------

def luhn_check_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


def make_imei(n):
    """A 15-digit IMEI with a valid check digit, from a fictional type allocation code."""
    body = "35" + "%06d" % (209900 + n * 37 % 90000) + "%06d" % (100000 + n * 7919 % 900000)
    return body + luhn_check_digit(body)


def spell_imei(imei, style):
    if style == 0:
        return imei
    if style == 1:
        return "%s-%s-%s-%s" % (imei[:2], imei[2:8], imei[8:14], imei[14:])
    return "%s %s %s %s" % (imei[:2], imei[2:8], imei[8:14], imei[14:])


PHONE_STYLES = ["07700 900{n}", "+44 (0)7700 900{n}", "447700900{n}", "07700-900-{n}",
                "+447700900{n}", "07700900{n}", "+44 7700 900{n}", "0044 7700 900{n}"]


def spell_phone(n, style=None):
    if style is None:
        style = R.choice([0, 0, 0, 1, 2, 3, 4, 5, 6, 7])
    return PHONE_STYLES[style].format(n="%03d" % n)


def e164(n):
    return "+447700900%03d" % n


def iso_dt(d):
    return d.strftime("%Y-%m-%dT%H:%M")


def age_on(dob, day):
    if isinstance(day, datetime):
        day = day.date()
    years = day.year - dob.year
    if (day.month, day.day) < (dob.month, dob.day):
        years -= 1
    return years


def add_years(d, years):
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def rand_day(lo, hi):
    return lo + timedelta(days=R.randint(0, max(0, (hi - lo).days)))


def rand_evening(day):
    hour = R.choice([17, 18, 19, 20, 20, 21, 21, 22, 22, 23])
    return datetime(day.year, day.month, day.day, hour, R.choice([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]))


def rand_daytime(day):
    return datetime(day.year, day.month, day.day, R.randint(8, 17), R.choice([0, 10, 15, 20, 30, 40, 45, 50]))


def pick_weighted(pairs):
    total = sum(w for _, w in pairs)
    x = R.uniform(0, total)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


# ---------------------------------------------------------------------------------------------
# Grades
# ---------------------------------------------------------------------------------------------

CONDITIONS = [
    "Share only within the MACE panel",
    "Not to be disclosed to the family without the social worker's agreement",
    "Do not disclose the source; share with police and children's social care only",
    "Health information: share only with the child's lead professional and the CVET",
    "Share only with partners named in the Wexcombe information-sharing agreement",
]

GRADE_WEIGHTS = {
    "police": [("1AP", 4), ("2BP", 6), ("2CP", 3), ("3CC", 2), ("2DP", 2), ("3EP", 1), ("1BP", 3), ("2BC", 1), ("3DP", 1)],
    "social_care": [("1AC", 4), ("1AP", 3), ("2BP", 2), ("2BC", 2), ("3CC", 1)],
    "health": [("1AC", 5), ("2BC", 2), ("1AP", 1)],
    "education": [("1AP", 4), ("2BP", 3), ("2CP", 1), ("1AC", 1)],
    "licensing": [("1AP", 5), ("1BP", 2), ("2BP", 1)],
    "voluntary": [("2BP", 3), ("2CP", 2), ("3CC", 2), ("2BC", 2), ("3DP", 1)],
    "housing": [("1AP", 4), ("2BP", 3), ("2CP", 1), ("3EP", 1)],
}


def pick_grade(agency):
    g = pick_weighted(GRADE_WEIGHTS[agency])
    if agency == "health":
        cond = CONDITIONS[3]
    else:
        cond = R.choice([c for i, c in enumerate(CONDITIONS) if i != 3])
    return g, (cond if g.endswith("C") else None)


# ---------------------------------------------------------------------------------------------
# The registry: what each agency's file will hold
# ---------------------------------------------------------------------------------------------

class Registry:
    def __init__(self):
        self.items = {a: [] for a in AGENCIES}
        self.item_refs = {a: set() for a in AGENCIES}
        self.persons = {a: {} for a in AGENCIES}      # (person key, role) -> record
        self.entities = {a: {} for a in AGENCIES}     # entity key -> record
        self.records = {a: [] for a in AGENCIES}      # links, missing, looked_after, notices
        self.counters = {}
        self.texts = []                               # (where, text) for the language check

    def next_ref(self, agency, prefix, year=None, width=4):
        key = (agency, prefix, year)
        self.counters[key] = self.counters.get(key, 0) + R.randint(1, 9)
        n = self.counters[key]
        yy = "" if year is None else "%02d-" % (year % 100)
        return "%s-%s%0*d" % (prefix, yy, width, n)

    def item(self, agency, prefix, recorded, summary, observed=None, grade=None, conditions=None,
             year_in_ref=True, width=4):
        if grade is None:
            grade, conditions = pick_grade(agency)
        ref = self.next_ref(agency, prefix, recorded.year if year_in_ref else None, width)
        assert ref not in self.item_refs[agency], ref
        rec = {"type": "item", "agency": agency, "ref": ref, "recorded": recorded.isoformat()}
        if observed is not None:
            rec["observed"] = observed
        rec["grade"] = grade
        if conditions:
            rec["conditions"] = conditions
        rec["summary"] = summary
        self.items[agency].append(rec)
        self.item_refs[agency].add(ref)
        self.texts.append(("%s/%s" % (agency, ref), summary))
        return "%s/%s" % (agency, ref)

    def person(self, agency, p, role, item):
        key = (p.key, role)
        if key in self.persons[agency]:
            return
        rec = {"type": "person", "id": p.ref(agency), "name": p.name_in(agency)}
        if p.aliases:
            rec["aliases"] = list(p.aliases)
        if p.dob_text:
            rec["dob"] = p.dob_text
        rec["roles"] = [role]
        ids = p.ids_for(agency)
        if ids:
            rec["ids"] = ids
        rec["item"] = item
        self.persons[agency][key] = rec
        self.texts.append(("%s person %s" % (agency, rec["id"]), rec["name"]))

    def entity(self, agency, obj, item, ident=None):
        """Define a non-person entity in this agency's file (once per file)."""
        if obj.key in self.entities[agency]:
            return
        rec = obj.record(agency, item, ident)
        self.entities[agency][obj.key] = rec
        for f in ("name", "displayName", "address"):
            if f in rec:
                self.texts.append(("%s %s" % (agency, rec["id"]), rec[f]))

    def link(self, agency, kind, frm, to, item, at=None, **extra):
        rec = {"type": "link", "link": kind, "from": frm, "to": to}
        if at is not None:
            rec["at"] = at
        for k in ("mode", "duration", "substance"):
            if k in extra:
                rec[k] = extra[k]
        if isinstance(item, list):
            if len(item) == 1:
                rec["item"] = item[0]
            else:
                rec["items"] = item
        else:
            rec["item"] = item
        self.records[agency].append(rec)
        LINK_LOG.append((kind, agency))
        return rec

    def add(self, agency, rec):
        self.records[agency].append(rec)

    def lines(self, agency):
        out = list(self.items[agency])
        out += list(self.persons[agency].values())
        out += list(self.entities[agency].values())
        out += self.records[agency]
        return out


REG = Registry()
LINK_LOG = []


# ---------------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------------

class Person:
    def __init__(self, key, fore, sur, dob, kind, ids, primary, aliases=(), dob_text=None, group=None):
        self.key = key
        self.fore = fore
        self.sur = sur
        self.dob = dob
        self.dob_text = dob_text if dob_text is not None else (dob.isoformat() if dob else None)
        self.kind = kind            # adult, child, parent, professional, witness, duplicate
        self.ids = dict(ids)        # system -> ID
        self.primary = primary
        self.aliases = list(aliases)
        self.group = group
        self.ids_override = {}      # agency -> the 'ids' its records carry
        self.name_override = {}     # agency -> the name as that agency writes it
        self.restrict = set()       # agencies that must not mention this person
        self.phone = None
        self.home = None
        self.role = None

    @property
    def full(self):
        return "%s %s" % (self.fore, self.sur)

    def sysref(self, system):
        return "person:%s/%s" % (system, self.ids[system])

    @property
    def canonical(self):
        return self.sysref(self.primary)

    def ref(self, agency):
        s = SYSTEM[agency]
        return self.sysref(s if s in self.ids else self.primary)

    def ids_for(self, agency):
        if agency in self.ids_override:
            return list(self.ids_override[agency])
        s = SYSTEM[agency]
        if s in self.ids and s != self.primary:
            return [self.sysref(self.primary)]
        return []

    def name_in(self, agency):
        if agency in self.name_override:
            return self.name_override[agency]
        if agency == "police":
            return "%s %s" % (self.fore, self.sur.upper())
        if agency == "health":
            return "%s, %s" % (self.sur.upper(), self.fore)
        return self.full

    def all_refs(self):
        return sorted(self.sysref(s) for s in self.ids)


class Location:
    def __init__(self, key, uprn, name, address, postcode, category, town="Wexcombe", latlon=None):
        self.key, self.uprn, self.name, self.address = key, uprn, name, address
        self.postcode, self.category, self.town, self.latlon = postcode, category, town, latlon

    @property
    def ref(self):
        return "location:uprn/%s" % self.uprn

    def record(self, agency, item, ident=None):
        rec = {"type": "location", "id": self.ref, "name": self.name, "address": self.address,
               "postcode": self.postcode, "category": self.category}
        if self.latlon:
            rec["lat"], rec["lon"] = self.latlon
        rec["item"] = item
        return rec


class Vehicle:
    def __init__(self, key, reg, make, model, colour):
        self.key, self.reg, self.make, self.model, self.colour = key, reg, make, model, colour

    def ref(self, spelling=None):
        return "vehicle:" + (spelling or self.reg)

    @property
    def canonical(self):
        return "vehicle:" + self.reg.replace(" ", "").upper()

    def record(self, agency, item, ident=None):
        return {"type": "vehicle", "id": ident or self.ref(), "make": self.make, "model": self.model,
                "colour": self.colour, "item": item}


class Phone:
    def __init__(self, key, n, imei=None):
        self.key, self.n, self.imei = key, n, imei

    def ref(self, style=None):
        return "phone:" + spell_phone(self.n, style)

    @property
    def canonical(self):
        return "phone:" + e164(self.n)

    @property
    def national(self):
        return spell_phone(self.n, 0)

    def record(self, agency, item, ident=None):
        rec = {"type": "phone", "id": ident or self.ref()}
        if self.imei and agency == "police":
            rec["imei"] = spell_imei(self.imei, R.choice([0, 1, 2]))
        rec["item"] = item
        return rec


class Account:
    def __init__(self, key, platform, handle, display):
        self.key, self.platform, self.handle, self.display = key, platform, handle, display

    def ref(self, spelling=None):
        return "account:%s/%s" % (self.platform, spelling or "@" + self.handle)

    @property
    def canonical(self):
        return "account:%s/%s" % (self.platform, self.handle.lower())

    def record(self, agency, item, ident=None):
        return {"type": "account", "id": ident or self.ref(), "displayName": self.display, "item": item}


class Org:
    def __init__(self, key, ident, name, org_type):
        self.key, self.ident, self.name, self.org_type = key, ident, name, org_type

    @property
    def ref(self):
        return "org:" + self.ident

    def record(self, agency, item, ident=None):
        return {"type": "organisation", "id": self.ref, "name": self.name, "orgType": self.org_type, "item": item}


# ---------------------------------------------------------------------------------------------
# The world: places, vehicles, phones, accounts, organisations
# ---------------------------------------------------------------------------------------------

def _loc(key, n, name, address, postcode, category, town="Wexcombe", latlon=None):
    return Location(key, "9000000%05d" % n, name, address, postcode, category, town, latlon)


LOCS = {}
for _args in [
    ("anchorage", 17, "The Anchorage Hotel", "14 Quayside Row, Wexcombe", "WX1 4QR", "hotel", "Wexcombe", (50.7712, -3.3127)),
    ("saltmarsh_lodge", 23, "Saltmarsh Lodge Hotel", "88 Tidewater Road, Wexcombe", "WX2 7HB", "hotel", "Wexcombe", (50.7651, -3.3042)),
    ("tidewater_bnb", 31, "Tidewater B&B", "5 Beaconsway, Wexcombe", "WX2 3LT", "bnb", "Wexcombe", None),
    ("lantern_chicken", 42, "Lantern Fried Chicken", "31 Fishgate Yard, Wexcombe", "WX1 2FJ", "takeaway", "Wexcombe", (50.7698, -3.3151)),
    ("quayside_kebab", 48, "Quayside Kebab House", "9 Quayside Row, Wexcombe", "WX1 4QS", "takeaway", "Wexcombe", None),
    ("gullwing_pizza", 55, "Gullwing Pizza", "47 Market Street, Hallowmere", "HM1 5PE", "takeaway", "Hallowmere", (50.8120, -3.2633)),
    ("drowned_fiddler", 61, "The Drowned Fiddler", "3 Netmender Street, Wexcombe", "WX1 3DF", "licensed_premises", "Wexcombe", None),
    ("starlight_office", 67, "Starlight Private Hire office", "Unit 4, Gullwing Street, Wexcombe", "WX3 8NB", "taxi_firm", "Wexcombe", None),
    ("bluewater_office", 72, "Bluewater Cars office", "12 Mill Lane, Hallowmere", "HM2 4BW", "taxi_firm", "Hallowmere", None),
    ("fishgate_rank", 78, "Fishgate taxi rank", "Fishgate Yard, Wexcombe", "WX1 2FH", "taxi_rank", "Wexcombe", (50.7701, -3.3160)),
    ("cloudnine", 84, "Cloudnine Shisha Lounge", "60 Station Road, Hallowmere", "HM1 6RT", "shisha_lounge", "Hallowmere", (50.8103, -3.2671)),
    ("beacon_park", 91, "Beacon Hill Park", "Beaconsway, Wexcombe", "WX2 3LP", "park", "Wexcombe", (50.7633, -3.3090)),
    ("mallowmead_park", 97, "Mallowmead Park", "Mallowmead Road, Hallowmere", "HM2 7AA", "park", "Hallowmere", None),
    ("arcade", 103, "Wexcombe Arcade", "Lanternhill Avenue, Wexcombe", "WX1 1AR", "shopping_centre", "Wexcombe", (50.7725, -3.3189)),
    ("academy", 110, "Thistledown Academy", "Ropewalk Terrace, Wexcombe", "WX3 5SD", "school", "Wexcombe", None),
    ("harbourview", 116, "Harbourview House", "3 Anchorage Walk, Wexcombe", "WX2 9HV", "childrens_home", "Wexcombe", None),
    ("larkspur", 121, "Larkspur House", "18 Heathcote Rise, Hallowmere", "HM3 1LH", "childrens_home", "Hallowmere", None),
    ("ropewalk_flat", 127, "Flat 3, Ropewalk Court", "Flat 3, Ropewalk Court, Ropewalk Terrace, Wexcombe", "WX3 5RC", "residential", "Wexcombe", (50.7744, -3.3102)),
    ("netmender_22", 133, "22 Netmender Street", "22 Netmender Street, Wexcombe", "WX1 3DG", "residential", "Wexcombe", None),
    ("kestrel_yard", 139, "7 Kestrel Yard", "7 Kestrel Yard, Hallowmere", "HM1 4KY", "residential", "Hallowmere", None),
    ("saltmarsh_14", 144, "14 Saltmarsh Close", "14 Saltmarsh Close, Wexcombe", "WX2 6SC", "residential", "Wexcombe", None),
    ("driftwood_9", 150, "Flat 9, Driftwood Crescent", "Flat 9, Driftwood Crescent, Wexcombe", "WX3 2DC", "residential", "Wexcombe", None),
    ("bus_station", 156, "Wexcombe bus station", "Lanternhill Avenue, Wexcombe", "WX1 1BS", "other", "Wexcombe", None),
    ("hallowmere_station", 161, "Hallowmere railway station forecourt", "Station Road, Hallowmere", "HM1 6RS", "other", "Hallowmere", None),
    # family homes and placements
    ("home_tidewater_41", 205, "41 Tidewater Road", "41 Tidewater Road, Wexcombe", "WX2 7HD", "residential"),
    ("home_gullwing_8", 211, "8 Gullwing Street", "8 Gullwing Street, Wexcombe", "WX3 8NA", "residential"),
    ("home_driftwood_19", 218, "19 Driftwood Crescent", "19 Driftwood Crescent, Wexcombe", "WX3 2DE", "residential"),
    ("home_lanternhill_2", 224, "2 Lanternhill Avenue", "2 Lanternhill Avenue, Wexcombe", "WX1 1AT", "residential"),
    ("home_beaconsway_63", 230, "63 Beaconsway", "63 Beaconsway, Wexcombe", "WX2 3LW", "residential"),
    ("home_copse_10", 236, "10 Copse End", "10 Copse End, Hallowmere", "HM2 5CE", "residential", "Hallowmere"),
    ("home_mill_27", 241, "27 Mill Lane", "27 Mill Lane, Hallowmere", "HM2 4BX", "residential", "Hallowmere"),
    ("home_heron_5", 247, "5 Heron Walk", "5 Heron Walk, Wexcombe", "WX2 8HW", "residential"),
    ("home_ropewalk_12", 252, "12 Ropewalk Terrace", "12 Ropewalk Terrace, Wexcombe", "WX3 5RA", "residential"),
    ("home_netmender_40", 258, "40 Netmender Street", "40 Netmender Street, Wexcombe", "WX1 3DJ", "residential"),
    ("home_station_3", 263, "Flat 2, 3 Station Road", "Flat 2, 3 Station Road, Hallowmere", "HM1 6RU", "residential", "Hallowmere"),
    ("home_quayside_27", 269, "27 Quayside Row", "27 Quayside Row, Wexcombe", "WX1 4QT", "residential"),
    ("foster_fallow_6", 274, "6 Fallow Close", "6 Fallow Close, Wexcombe", "WX2 4FC", "residential"),
    ("foster_heathcote_31", 280, "31 Heathcote Rise", "31 Heathcote Rise, Hallowmere", "HM3 1LJ", "residential", "Hallowmere"),
]:
    LOCS[_args[0]] = _loc(*_args)

HOTSPOTS = ["anchorage", "lantern_chicken", "fishgate_rank", "ropewalk_flat"]

VEH = {}
for _k, _reg, _make, _model, _colour in [
    ("a_corsa", "WX19 KPQ", "Vauxhall", "Corsa", "silver"),
    ("a_bmw", "WX68 RTZ", "BMW", "3 Series", "black"),
    ("b_transit", "WX21 MDQ", "Ford", "Transit Custom", "white"),
    ("b_audi", "WX17 HLZ", "Audi", "A3", "grey"),
    ("c_golf", "WU20 BVQ", "Volkswagen", "Golf", "blue"),
    ("c_leon", "WF16 NXZ", "Seat", "Leon", "red"),
    ("x_merc", "WX15 CJZ", "Mercedes-Benz", "C-Class", "black"),
    ("taxi_prius", "WX22 TAQ", "Toyota", "Prius", "silver"),
    ("taxi_octavia", "WX70 SPZ", "Skoda", "Octavia", "white"),
    ("taxi_corolla", "WX23 LUQ", "Toyota", "Corolla", "black"),
    ("taxi_superb", "WU71 BCZ", "Skoda", "Superb", "silver"),
    ("taxi_niro", "WU19 GHQ", "Kia", "Niro", "white"),
    ("old_astra", "WX05 ASZ", "Vauxhall", "Astra", "blue"),
]:
    VEH[_k] = Vehicle(_k, _reg, _make, _model, _colour)

# Phone numbers: a few fixed, the rest drawn from a shuffled pool of the drama range.
_POOL = [n for n in range(1000) if n not in (123, 456, 555, 0)]
R.shuffle(_POOL)
PHONES = {}
_imei_n = 0


def new_phone(key, n=None, with_imei=True):
    global _imei_n
    if n is None:
        n = _POOL.pop()
    _imei_n += 1
    PHONES[key] = Phone(key, n, make_imei(_imei_n) if with_imei else None)
    return PHONES[key]


new_phone("a_line", 123)          # the Ropewalk group's shared 'business' line
new_phone("a_line2", 456)
new_phone("gift_zoe", 555)        # handset given to a child; seized later

PLATFORM_NAMES = {"snapchat": "Snapchat", "instagram": "Instagram", "tiktok": "TikTok"}
ACC = {}
for _k, _plat, _handle, _disp in [
    ("kaz_snap", "snapchat", "Kaz_Wex99", "kaz"),
    ("daz_insta", "instagram", "DazQ_Official", "Daz"),
    ("ty_tiktok", "tiktok", "Ty.Fishgate", "Ty"),
    ("cal_snap", "snapchat", "CalM_85", "Cal"),
    ("idris_insta", "instagram", "Hallowmere_Vibez", "HM vibez"),
    ("dex_snap", "snapchat", "Dex_Inks", "dex"),
    ("zoe_snap", "snapchat", "zoe.m.xx", "zoe"),
    ("skye_tiktok", "tiktok", "Skye_Pebbs", "skye"),
    ("demi_insta", "instagram", "Demi.S.Wex", "demi"),
]:
    ACC[_k] = Account(_k, _plat, _handle, _disp)

ORGS = {
    "starlight": Org("starlight", "lic/TX-07", "Starlight Private Hire", "taxi_firm"),
    "bluewater": Org("bluewater", "lic/TX-11", "Bluewater Cars", "taxi_firm"),
    "anchorage_group": Org("anchorage_group", "ch/WX004417", "Anchorage Hospitality Group Ltd", "hotel_group"),
    "lantern_foods": Org("lantern_foods", "ch/WX005533", "Lantern Foods Ltd", "business"),
    "cloudnine_ltd": Org("cloudnine_ltd", "ch/WX006120", "Cloudnine Leisure Ltd", "business"),
}

for _args in [
    ("home_tidewater_73", 286, "73 Tidewater Road", "73 Tidewater Road, Wexcombe", "WX2 7HF", "residential"),
    ("home_beaconsway_11", 291, "11 Beaconsway", "11 Beaconsway, Wexcombe", "WX2 3LS", "residential"),
    ("home_anchorage_walk_20", 297, "20 Anchorage Walk", "20 Anchorage Walk, Wexcombe", "WX2 9HW", "residential"),
    ("home_market_15", 302, "15 Market Street", "15 Market Street, Hallowmere", "HM1 5PG", "residential", "Hallowmere"),
    ("home_copse_22", 308, "22 Copse End", "22 Copse End, Hallowmere", "HM2 5CF", "residential", "Hallowmere"),
    ("home_fishgate_4", 313, "Flat 4, Fishgate House", "Flat 4, Fishgate House, Fishgate Yard, Wexcombe", "WX1 2FL", "residential"),
    ("home_heron_14", 319, "14 Heron Walk", "14 Heron Walk, Wexcombe", "WX2 8HX", "residential"),
    ("home_gullwing_30", 324, "30 Gullwing Street", "30 Gullwing Street, Wexcombe", "WX3 8NE", "residential"),
    ("home_mill_3", 330, "3 Mill Lane", "3 Mill Lane, Hallowmere", "HM2 4BT", "residential", "Hallowmere"),
    ("home_market_40", 335, "40 Market Street", "40 Market Street, Hallowmere", "HM1 5PJ", "residential", "Hallowmere"),
]:
    LOCS[_args[0]] = _loc(*_args)


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------

PEOPLE = {}


def D(s):
    return date.fromisoformat(s)


def add_person(p):
    assert p.key not in PEOPLE, p.key
    PEOPLE[p.key] = p
    return p


def adult(key, fore, sur, dob, pn, group, aliases=(), other=None, role="suspect"):
    ids = {"niche": pn}
    if other:
        ids.update(other)
    p = add_person(Person(key, fore, sur, D(dob), "adult", ids, "niche", aliases, group=group))
    p.role = role
    if other:
        # The agency that owns the other ID does not know the police ID; police records both.
        for system in other:
            agency = [a for a, s in SYSTEM.items() if s == system][0]
            p.ids_override[agency] = []
        p.ids_override["police"] = ["person:%s/%s" % (s, v) for s, v in sorted(other.items())]
    return p


# Offending groups: 5-9 adults each, aged 18-50 during 2023-2025.
GROUPS = {
    "A": {"name": "Ropewalk group", "town": "Wexcombe", "members": [], "key": []},
    "B": {"name": "Fishgate group", "town": "Wexcombe", "members": [], "key": []},
    "C": {"name": "Kestrel Yard group", "town": "Hallowmere", "members": [], "key": []},
}
for _a in [
    ("a1", "Darren", "Quillfeather", "1984-05-12", "PN-1001", "A", ["Daz"], None),
    ("a2", "Kasim", "Wrenhurst", "1996-08-21", "PN-1002", "A", ["Kaz"], None),
    ("a3", "Lee", "Brackenbury-Voss", "1990-02-03", "PN-1003", "A", [], {"lic": "DL-2201"}),
    ("a4", "Marcus", "Thistlewood", "1979-11-23", "PN-1004", "A", ["Tizzy"], None),
    ("a5", "Jordan", "Fallowmere", "2001-06-30", "PN-1005", "A", [], {"housing": "T-0355"}),
    ("a6", "Vinnie", "Gorsedale", "1993-09-09", "PN-1006", "A", [], None),
    ("a7", "Shane", "Fallowfield", "1986-03-14", "PN-1007", "A", [], None),
    ("b1", "Tyrone", "Copperwell", "1988-01-17", "PN-1011", "B", ["Ty"], None),
    ("b2", "Kyle", "Rookhurst", "1998-04-04", "PN-1012", "B", ["KR"], None),
    ("b3", "Dean", "Marbleton", "1995-10-02", "PN-1013", "B", [], None),
    ("b4", "Reece", "Nettlecombe", "2003-02-27", "PN-1014", "B", [], {"housing": "T-0361"}),
    ("b5", "Connor", "Emberley", "1991-07-19", "PN-1015", "B", [], None),
    ("b6", "Gavin", "Sorrelby", "1983-12-01", "PN-1016", "B", ["G"], None),
    ("c1", "Ryan", "Pebblewood", "1982-06-09", "PN-1021", "C", ["Pebbles"], None),
    ("c2", "Idris", "Vetchley", "1987-10-05", "PN-1022", "C", ["Dris"], None),
    ("c3", "Warren", "Teaselton", "1977-03-28", "PN-1023", "C", [], None),
    ("c4", "Nathan", "Kestrelford", "1999-12-12", "PN-1024", "C", [], None),
    ("c5", "Oscar", "Dapplegate", "2002-05-15", "PN-1025", "C", [], None),
    ("c6", "Jake", "Harrowby", "1994-08-08", "PN-1026", "C", [], {"lic": "DL-2207"}),
    ("c7", "Bradley", "Yarrowmore", "1989-01-31", "PN-1027", "C", ["Brad"], None),
    ("c8", "Dexter", "Inkleford", "1997-07-07", "PN-1028", "C", ["Dex"], None),
]:
    _p = adult(*_a)
    GROUPS[_a[5]]["members"].append(_p)
GROUPS["A"]["key"] = [PEOPLE["a1"], PEOPLE["a2"]]
GROUPS["B"]["key"] = [PEOPLE["b1"], PEOPLE["b2"]]
GROUPS["C"]["key"] = [PEOPLE["c1"], PEOPLE["c2"]]
GROUPS["A"]["vehicles"] = [VEH["a_corsa"], VEH["a_bmw"], VEH["taxi_octavia"]]
GROUPS["B"]["vehicles"] = [VEH["b_transit"], VEH["b_audi"]]
GROUPS["C"]["vehicles"] = [VEH["c_golf"], VEH["c_leon"], VEH["taxi_superb"]]
GROUPS["A"]["flat"] = LOCS["ropewalk_flat"]
GROUPS["B"]["flat"] = LOCS["netmender_22"]
GROUPS["C"]["flat"] = LOCS["kestrel_yard"]
GROUPS["A"]["places"] = [("anchorage", 6), ("ropewalk_flat", 7), ("fishgate_rank", 2), ("quayside_kebab", 1), ("beacon_park", 1), ("tidewater_bnb", 1)]
GROUPS["B"]["places"] = [("lantern_chicken", 8), ("fishgate_rank", 3), ("netmender_22", 2), ("arcade", 1), ("drowned_fiddler", 1), ("bus_station", 1)]
GROUPS["C"]["places"] = [("cloudnine", 2), ("kestrel_yard", 2), ("gullwing_pizza", 2), ("anchorage", 3), ("lantern_chicken", 2), ("mallowmead_park", 1), ("saltmarsh_lodge", 1), ("hallowmere_station", 1), ("fishgate_rank", 1)]

# Brokers: adults who link groups.
BROKERS = [
    adult("x1", "Callum", "Mallowby", "1985-09-25", "PN-1031", None, ["Cal"]),
    adult("x2", "Elliot", "Junipercott", "1992-04-18", "PN-1032", None, []),
]
BROKER_GROUPS = {"x1": ["A", "B"], "x2": ["B", "C"]}

# Harbourers at residential addresses.
HARBOURERS = [
    adult("h1", "Maureen", "Lanternby", "1968-02-11", "PN-1041", None, [], {"housing": "T-0412"}, role="harbourer"),
    adult("h2", "Gary", "Burdockley", "1981-06-22", "PN-1042", None, [], {"housing": "T-0418"}, role="harbourer"),
    PEOPLE["c3"],   # Warren Teaselton lets children stay at 7 Kestrel Yard
]
PEOPLE["h1"].home = LOCS["saltmarsh_14"]
PEOPLE["h2"].home = LOCS["driftwood_9"]
PEOPLE["c3"].home = LOCS["kestrel_yard"]
PEOPLE["a5"].home = LOCS["ropewalk_flat"]
PEOPLE["a1"].home = LOCS["ropewalk_flat"]
PEOPLE["b4"].home = LOCS["netmender_22"]
PEOPLE["b1"].home = LOCS["netmender_22"]
PEOPLE["c4"].home = LOCS["kestrel_yard"]
HARBOURER_CHILDREN = {"h1": [], "h2": [], "c3": []}

# Children at risk: (n, forename, surname, dob, group, home, looked-after (from, to, placement), extra systems)
CHILD_ROWS = [
    (1, "Zoë", "Marblewood", "2010-04-07", "A", "home_anchorage_walk_20", ("2021-06-14", None, "harbourview"), {}),
    (2, "Siân", "Oriel", "2009-09-14", "C", "home_station_3", ("2024-02-12", None, "larkspur"), {"ehr": "H-7702"}),
    (3, "Amy-Lou", "Fennelly", "2010-07-30", "A", "home_tidewater_41", None, {"sims": "S-4103", "ehr": "H-7703"}),
    (4, "Kayden", "Rushworth", "2008-12-05", "B", "home_beaconsway_63", ("2022-03-01", "2024-09-30", "harbourview"), {"sims": "S-4104"}),
    (5, "Mia", "Nettlefold", "2011-02-19", "B", "home_heron_5", None, {"sims": "S-4105", "ehr": "H-7705"}),
    (6, "Ellie-Mae", "Gimbleton", "2009-03-22", "A", "home_gullwing_8", None, {"sims": "S-4106"}),
    (7, "Tyler", "Burdockfield", "2008-06-11", "B", "home_driftwood_19", None, {"ehr": "H-7707"}),
    (8, "Jade", "Wrenfield", "2010-11-28", "C", "home_copse_10", None, {"ehr": "H-7708"}),
    (9, "Leah", "Amblecott", "2009-05-03", "C", "larkspur", ("2023-05-20", None, "larkspur"), {}),
    (10, "Harvey", "Quincey", "2008-02-14", "B", "home_lanternhill_2", None, {"sims": "S-4110"}),
    (11, "Maisie", "Larkhurst", "2010-01-09", "C", "home_quayside_27", None, {"vol": "V-3011"}),
    (12, "Demi", "Sorrelwood", "2009-10-26", "A", "home_netmender_40", None, {"sims": "S-4112"}),
    (13, "Finley", "Dapplewell", "2007-11-30", "A", "harbourview", ("2020-11-02", None, "harbourview"), {"vol": "V-3013"}),
    (14, "Skye", "Pebbleford", "2010-06-16", "A", "home_ropewalk_12", None, {"sims": "S-4114", "ehr": "H-7714"}),
    (15, "Logan", "Hollinsworth", "2009-08-08", "B", "home_tidewater_73", ("2024-06-03", None, "foster_fallow_6"), {}),
    (16, "Chloe", "Yarrowby", "2011-03-25", "C", "home_market_15", None, {"sims": "S-4116"}),
    (17, "Imogen", "Kestrelmoor", "2008-09-01", "C", "home_copse_22", ("2022-08-15", "2024-04-19", "larkspur"), {"ehr": "H-7717"}),
    (18, "Noah", "Vetchfield", "2010-12-12", "A", "harbourview", ("2023-10-09", None, "harbourview"), {"vol": "V-3018"}),
    (19, "Lacey", "Bramblewood", "2009-01-20", "C", "home_mill_27", None, {"sims": "S-4119"}),
    (20, "Tegan", "Bramblewood", "2011-05-05", "C", "home_mill_27", None, {"sims": "S-4120"}),
    (21, "Kieran", "Umberfield", "2008-04-29", "B", "home_fishgate_4", ("2024-01-22", None, "foster_heathcote_31"), {}),
    (22, "Paige", "Emberton", "2010-08-17", "A", "home_beaconsway_11", None, {"sims": "S-4122", "vol": "V-3022"}),
    (23, "Riley", "Gorsefield", "2009-12-03", "B", "home_gullwing_30", None, {"ehr": "H-7723"}),
    (24, "Ruby", "Tansley", "2010-02-26", "A", "home_heron_14", None, {"sims": "S-4124"}),
    (25, "Alfie", "Junipermoor", "2008-07-22", "B", "home_beaconsway_11", ("2024-11-11", None, "harbourview"), {"ehr": "H-7725"}),
    (26, "Niamh", "Fennelworth", "2009-06-09", "C", "home_market_40", None, {"vol": "V-3026"}),
    (27, "Olivia", "Inkleby", "2011-01-14", "C", "larkspur", ("2022-12-01", None, "larkspur"), {"sims": "S-4127"}),
    (28, "Dylan", "Harrowfield", "2008-10-10", "B", "home_mill_3", None, {"ehr": "H-7728"}),
]
CHILDREN = []
for n, fore, sur, dob, grp, home, lac, extra in CHILD_ROWS:
    ids = {"lccs": "C-22%02d" % n, "niche": "PN-50%02d" % n}
    ids.update(extra)
    c = add_person(Person("k%02d" % n, fore, sur, D(dob), "child", ids, "lccs", group=grp))
    c.n = n
    c.role = "child_at_risk"
    c.lac = lac
    c.home = LOCS[home]
    # where the child lives during the events, with the period
    c.homes = []
    if lac and lac[0] > "2023" and lac[2] != home:
        c.homes.append((LOCS[home], None, lac[0]))
        c.homes.append((LOCS[lac[2]], lac[0], lac[1]))
    elif lac and lac[1]:
        c.homes.append((LOCS[lac[2]], lac[0], lac[1]))
        c.homes.append((LOCS[home], lac[1], None))
    elif lac:
        c.homes.append((LOCS[lac[2]], lac[0], None))
    else:
        c.homes.append((LOCS[home], None, None))
    lo = max(EVENTS_FROM, add_years(c.dob, 12) + timedelta(days=14))
    hi = min(EVENTS_TO, add_years(c.dob, 18) - timedelta(days=14))
    c.window = (lo, hi)
    CHILDREN.append(c)
CH = {c.n: c for c in CHILDREN}

# Planted strong-identifier merges.
# Child 9: police and social care hold separate records; a voluntary-sector record later names both.
CH[9].ids_override = {"police": [], "social_care": [], "voluntary": [CH[9].sysref("niche")]}
CH[9].restrict = {"health", "education", "housing", "licensing"}
# Child 12: the school and police records exist apart; a social care record names both.
CH[12].ids_override = {"police": [], "education": [], "social_care": [CH[12].sysref("niche"), CH[12].sysref("sims")]}
CH[12].restrict = {"health", "housing", "licensing"}


def home_of(c, day):
    for loc, frm, to in c.homes:
        if (frm is None or day.isoformat() >= frm) and (to is None or day.isoformat() < to):
            return loc
    return c.homes[-1][0]


def parent(key, fore, sur, dob, aid, children, home, kind="parent_of", other=None):
    ids = {"lccs": aid}
    if other:
        ids.update(other)
    p = add_person(Person(key, fore, sur, D(dob), "parent", ids, "lccs"))
    p.role = "parent_or_carer"
    p.children = [CH[n] for n in children]
    p.rel = kind
    p.home = LOCS[home]
    return p


PARENTS = [
    parent("p_nettlefold", "Tracey", "Nettlefold", "1983-07-21", "A-0105", [5], "home_heron_5"),
    parent("p_wrenfield", "Jade", "Wrenfield", "1989-03-02", "A-0112", [8], "home_copse_10"),
    parent("p_bramblewood", "Donna", "Bramblewood", "1980-10-30", "A-0117", [19, 20], "home_mill_27"),
    parent("p_fennelly", "Paul", "Fennelly", "1978-05-05", "A-0091", [3], "home_tidewater_41"),
    parent("p_gimbleton", "Sharon", "Gimbleton", "1985-01-12", "A-0123", [6], "home_gullwing_8"),
    parent("p_burdockfield", "Mark", "Burdockfield", "1976-09-19", "A-0129", [7], "home_driftwood_19"),
    parent("p_quincey", "Angela", "Quincey", "1979-04-02", "A-0134", [10], "home_lanternhill_2"),
    parent("p_oriel", "Rhian", "Oriel", "1984-11-08", "A-0140", [2], "home_station_3"),
    parent("p_rushworth", "Karen", "Rushworth", "1982-02-27", "A-0146", [4], "home_beaconsway_63"),
    parent("p_pebbleford", "Lisa", "Pebbleford", "1986-08-14", "A-0151", [14], "home_ropewalk_12"),
    parent("p_emberton", "Natalie", "Emberton", "1987-12-09", "A-0157", [22, 25], "home_beaconsway_11"),
    parent("f_hollindale", "Beverley", "Hollindale", "1970-03-03", "A-0163", [15], "foster_fallow_6", "carer_of"),
    parent("f_mossford", "Gareth", "Mossford", "1968-12-19", "A-0169", [21], "foster_heathcote_31", "carer_of"),
    parent("g_larkhurst", "Irene", "Larkhurst", "1956-06-06", "A-0174", [11], "home_quayside_27", "carer_of"),
]
# Paige (22) and Alfie (25) are half-siblings; Natalie Emberton is Alfie's mother too.
SIBLINGS = [(19, 20), (22, 25), (18, 23)]
RELATIVES = [("a4", 24, "uncle"), ("c5", 13, "cousin"), ("g_larkhurst", 11, "grandmother")]


def staff(key, fore, sur, dob, system, sid, workplace, agency_role):
    p = add_person(Person(key, fore, sur, D(dob), "professional", {system: sid}, system))
    p.role = "professional"
    p.workplace = workplace
    p.job = agency_role
    return p


STAFF = [
    staff("s_copsewood", "Helen", "Copsewood", "1975-05-17", "lccs", "W-0031", LOCS["harbourview"], "registered manager of Harbourview House"),
    staff("s_netherfold", "Priya", "Netherfold", "1981-09-09", "lccs", "W-0038", LOCS["larkspur"], "registered manager of Larkspur House"),
    staff("s_tidewell", "Owen", "Tidewell", "1983-03-30", "sims", "STF-017", LOCS["academy"], "designated safeguarding lead at Thistledown Academy"),
    staff("s_harrowgate", "Bex", "Harrowgate", "1990-12-01", "vol", "W-0007", LOCS["cloudnine"], "detached youth worker"),
]

# Other adults.
TRAP_RYAN = add_person(Person("t_ryan", "Ryan", "Pebblewood", D("2001-02-17"), "witness", {"lic": "DL-2215"}, "lic"))
TRAP_RYAN.role = "witness"

# Name-only duplicates: a second record of the same person under another system's ID, with no
# shared strong identifier. They must be listed as candidates, never merged automatically.
NAME_DUPS = []


def dup(key, of, agency, sid, name, dob_text, why, fore=None, sur=None):
    real = PEOPLE[of]
    system = SYSTEM[agency]
    p = add_person(Person(key, fore or real.fore, sur or real.sur, real.dob, "duplicate", {system: sid}, system,
                          dob_text=dob_text))
    p.name_override = {agency: name}
    p.of = real
    p.agency = agency
    p.why = why
    p.role = real.role
    NAME_DUPS.append(p)
    return p


dup("d_quilfeather", "a1", "housing", "T-0390", "Darren Quilfeather", "1984-05-12", "surname misspelt, same date of birth")
dup("d_brackenbury", "a3", "voluntary", "V-3107", "BRACKENBURY-VOSS Lee", "1990-02-03", "surname first (swapped name order), same date of birth")
dup("d_thistlewood", "a4", "health", "H-8815", "THISTLEWOOD, Marcus", "1979-11-23", "written 'SURNAME, Forename', same date of birth")
dup("d_rookhurst", "b2", "licensing", "DL-2230", "K. Rookhurst", "1998-04-04", "forename given as an initial, same date of birth")
dup("d_fallowfield", "a7", "voluntary", "V-3122", "Shane Fallowfield", "~1986-03", "approximate date of birth (~1986-03)")
dup("d_rushmere", "b1", "housing", "T-0402", "Anton Rushmere", "1988-01-17", "another name, same date of birth, uses the same phone (spelt differently)", "Anton", "Rushmere")
dup("d_zoe", "k01", "education", "S-4140", "Zoe Marblewood", "2010-07-04", "school record: accent dropped, day and month of birth swapped")
dup("d_tracy", "p_nettlefold", "housing", "T-0377", "Tracy Nettlefold", "1983-07-21", "forename misspelt, same date of birth, same address")
dup("d_emberly", "b5", "health", "H-8861", "EMBERLY, Connor", "1991-07-20", "surname misspelt, date of birth a day out")


# ---------------------------------------------------------------------------------------------
# Mentions: every record cites an item of its own file
# ---------------------------------------------------------------------------------------------

PRESENCE = {}        # location key -> {"children": set, "suspects": set}
EPISODES = []        # every missing episode, JSONL and CSV
NOTICES = []
PHONE_USERS = {}     # phone key -> set of person keys


def presence(loc, person):
    d = PRESENCE.setdefault(loc.key, {"children": set(), "suspects": set()})
    if person.kind == "child":
        d["children"].add(person.key)
    elif person.role in ("suspect", "harbourer") or person.group:
        d["suspects"].add(person.key)


def per(agency, person, item, role=None):
    """Cite a person in an agency's item; returns the reference that agency's file uses."""
    assert agency not in person.restrict, (person.key, agency)
    REG.person(agency, person, role or person.role, item)
    return person.ref(agency)


def loc(agency, location, item):
    REG.entity(agency, location, item)
    return location.ref


def veh(agency, vehicle, item, spelling=None):
    REG.entity(agency, vehicle, item, vehicle.ref(spelling) if spelling else None)
    return vehicle.ref(spelling)


def ph(agency, phone, item, style=None):
    REG.entity(agency, phone, item)
    return phone.ref(style)


def acc(agency, account, item, spelling=None):
    REG.entity(agency, account, item, account.ref(spelling) if spelling else None)
    return account.ref(spelling)


def org(agency, o, item):
    REG.entity(agency, o, item)
    return o.ref


def nm(p, agency):
    """A person's name as an agency writes it in prose."""
    if agency in p.name_override:
        return p.name_override[agency]
    return "%s %s" % (p.fore, p.sur.upper()) if agency == "police" else p.full


def child_desc(c, agency, day):
    return "%s (%d)" % (nm(c, agency), age_on(c.dob, day))


def link(agency, kind, frm, to, item, at=None, **extra):
    return REG.link(agency, kind, frm, to, item, at, **extra)


def uses_phone(agency, person, phone, item, at=None):
    link(agency, "uses_phone", per(agency, person, item), ph(agency, phone, item), item, at)
    PHONE_USERS.setdefault(phone.key, set()).add(person.key)


def at_loc(agency, person, location, item, at=None):
    link(agency, "at_location", per(agency, person, item), loc(agency, location, item), item, at)
    presence(location, person)


def day_in(c, lo=None, hi=None):
    """A day inside the child's event window (aged 12-17), optionally narrowed."""
    a, b = c.window
    if lo and lo > a:
        a = lo
    if hi and hi < b:
        b = hi
    if a > b:
        a, b = c.window
    return rand_day(a, b)


def recorded_after(d, lo=0, hi=6):
    day = d.date() if isinstance(d, datetime) else d
    return day + timedelta(days=R.randint(lo, hi))


# ---------------------------------------------------------------------------------------------
# Housing: the gazetteer, tenancies, complaints
# ---------------------------------------------------------------------------------------------

def gen_housing():
    A = "housing"
    it = REG.item(A, "HSG", date(2023, 1, 9), "Local land and property gazetteer extract for the addresses named in MACE referrals (Wexcombe and Hallowmere).",
                  grade="1AP")
    for l in LOCS.values():
        loc(A, l, it)
    tenancies = [
        (PEOPLE["a5"], LOCS["ropewalk_flat"], "2021-11-01", "Tenancy of Flat 3, Ropewalk Court granted to Jordan Fallowmere."),
        (PEOPLE["b4"], LOCS["netmender_22"], "2022-06-13", "Tenancy of 22 Netmender Street granted to Reece Nettlecombe."),
        (PEOPLE["h1"], LOCS["saltmarsh_14"], "2009-03-02", "Secure tenancy of 14 Saltmarsh Close held by Maureen Lanternby since 2009."),
        (PEOPLE["h2"], LOCS["driftwood_9"], "2020-02-17", "Tenancy of Flat 9, Driftwood Crescent granted to Gary Burdockley."),
    ]
    for p, l, start, text in tenancies:
        it = REG.item(A, "HSG", D(start) if start > "2023" else date(2023, 1, 10) + timedelta(days=R.randint(0, 20)), text, observed=start, grade="1AP")
        link(A, "resides_at", per(A, p, it, "associate"), loc(A, l, it), it, at=start)
        presence(l, p)
    for p in PARENTS[:6]:
        it = REG.item(A, "HSG", date(2023, 2, 1) + timedelta(days=R.randint(0, 60)),
                      "Tenancy record: %s is the tenant of %s." % (p.full, p.home.address), grade="1AP")
        link(A, "resides_at", per(A, p, it), loc(A, p.home, it), it, at="~%d" % R.randint(2012, 2021))
    # Complaints and visits at the flats and harbourers' addresses.
    complaints = [
        ("ropewalk_flat", [1, 3], ["a1", "a5"], "2023-09-18T22:30",
         "Neighbour at Ropewalk Court reports adult men bringing children in school uniform to Flat 3 most evenings; named two of the adults as Daz and Jordan."),
        ("ropewalk_flat", [6, 22], ["a6"], "2024-02-03T23:15",
         "Caretaker saw two girls of about 13 let into Flat 3, Ropewalk Court by an adult man after 23:00."),
        ("netmender_22", [4, 10], ["b4", "b1"], "2023-11-07T21:00",
         "Anti-social behaviour log: teenage boys seen collecting packages from 22 Netmender Street; tenant Reece Nettlecombe present."),
        ("netmender_22", [28], ["b3"], "2024-08-22T20:40",
         "Neighbour reports a boy of about 15 being shouted at and pushed into a white van outside 22 Netmender Street."),
        ("saltmarsh_14", [5], ["h1"], "2024-03-11T19:30",
         "Housing officer visit to 14 Saltmarsh Close: a 13-year-old girl was staying overnight; the tenant said the girl's mother knew."),
        ("driftwood_9", [7, 23], ["h2"], "2024-05-29T17:45",
         "Housing officer notes two boys known to children's services sleeping at Flat 9, Driftwood Crescent; tenant Gary Burdockley evasive."),
    ]
    for lk, kids, adults, when, text in complaints:
        t = datetime.fromisoformat(when)
        it = REG.item(A, "HSG", recorded_after(t, 1, 5), text, observed=when)
        for n in kids:
            if A in CH[n].restrict:
                continue
            at_loc(A, CH[n], LOCS[lk], it, at=when)
        for k in adults:
            at_loc(A, PEOPLE[k], LOCS[lk], it, at=when)
    # the Corsa outside the flat, written the way the housing officer wrote it
    it = REG.item(A, "HSG", date(2024, 4, 15), "Estate officer: silver Corsa WX19KPQ parked outside Ropewalk Court most nights between 22:00 and 02:00 since February.",
                  observed="~2024-02/2024-04")
    link(A, "frequents", veh(A, VEH["a_corsa"], it, "WX19KPQ"), loc(A, LOCS["ropewalk_flat"], it), it, at="~2024-02/2024-04-15")
    it = REG.item(A, "HSG", date(2024, 7, 2), "Housing officer visit to 14 Saltmarsh Close: Maureen Lanternby confirmed a 13-year-old girl had stayed three nights; advised to contact police.",
                  observed="2024-06-28/2024-07-01")
    link(A, "harbours", per(A, PEOPLE["h1"], it), per(A, CH[16], it), it, at="2024-06-28/2024-07-01")
    HARBOURER_CHILDREN["h1"].append(CH[16].key)
    # Name-only duplicates recorded by housing.
    d = PEOPLE["d_quilfeather"]
    it = REG.item(A, "HSG", date(2023, 6, 19), "Housing register application from Darren Quilfeather, giving Flat 3, Ropewalk Court as his current address.", grade="2BP")
    link(A, "resides_at", per(A, d, it, "associate"), loc(A, LOCS["ropewalk_flat"], it), it, at="2023-06")
    d = PEOPLE["d_rushmere"]
    it = REG.item(A, "HSG", date(2024, 1, 23), "Tenancy application from Anton Rushmere; contact number given %s." % PHONES["b1_personal"].national, grade="2CP")
    per(A, d, it, "associate")
    link(A, "uses_phone", d.ref(A), ph(A, PHONES["b1_personal"], it, 5), it, at="2024-01")
    d = PEOPLE["d_tracy"]
    it = REG.item(A, "HSG", date(2023, 3, 14), "Rent account note: Tracy Nettlefold, 5 Heron Walk, in arrears; daughter aged 12 in household.", grade="1AP")
    link(A, "resides_at", per(A, d, it, "parent_or_carer"), loc(A, LOCS["home_heron_5"], it), it, at="~2018")


# ---------------------------------------------------------------------------------------------
# Licensing: premises, private hire operators, vehicles, drivers, visits
# ---------------------------------------------------------------------------------------------

def gen_licensing():
    A = "licensing"
    premises = [
        ("anchorage", "anchorage_group", "PL-0042", "Premises licence for The Anchorage Hotel (late-night refreshment and alcohol to 02:00); premises licence holder Anchorage Hospitality Group Ltd."),
        ("saltmarsh_lodge", "anchorage_group", "PL-0057", "Premises licence for Saltmarsh Lodge Hotel; holder Anchorage Hospitality Group Ltd."),
        ("tidewater_bnb", None, "PL-0063", "Late-night refreshment licence not required; Tidewater B&B registered for business rates, six letting rooms."),
        ("lantern_chicken", "lantern_foods", "PL-0071", "Late-night refreshment licence for Lantern Fried Chicken, open to 03:00 Friday and Saturday; holder Lantern Foods Ltd."),
        ("quayside_kebab", None, "PL-0078", "Late-night refreshment licence for Quayside Kebab House, open to 02:00."),
        ("gullwing_pizza", None, "PL-0080", "Late-night refreshment licence for Gullwing Pizza, Hallowmere, open to 01:00."),
        ("drowned_fiddler", None, "PL-0015", "Premises licence for The Drowned Fiddler public house."),
        ("cloudnine", "cloudnine_ltd", "PL-0101", "Premises licence for Cloudnine Shisha Lounge (late-night refreshment to 02:00); holder Cloudnine Leisure Ltd."),
    ]
    for lk, ok, ref, text in premises:
        it = REG.item(A, "LIC", date(2023, 1, 16) + timedelta(days=R.randint(0, 40)), text, grade="1AP", year_in_ref=False)
        l = loc(A, LOCS[lk], it)
        if ok:
            link(A, "operates", org(A, ORGS[ok], it), l, it)
    fleets = [
        ("starlight", "starlight_office", ["taxi_prius", "taxi_octavia", "taxi_corolla"], "Private hire operator licence TX-07 granted to Starlight Private Hire, Unit 4, Gullwing Street."),
        ("bluewater", "bluewater_office", ["taxi_superb", "taxi_niro"], "Private hire operator licence TX-11 granted to Bluewater Cars, 12 Mill Lane, Hallowmere."),
    ]
    for ok, office, cars, text in fleets:
        it = REG.item(A, "LIC", date(2023, 2, 6) + timedelta(days=R.randint(0, 30)), text, grade="1AP", year_in_ref=False)
        o = org(A, ORGS[ok], it)
        link(A, "operates", o, loc(A, LOCS[office], it), it)
        for vk in cars:
            v = VEH[vk]
            it2 = REG.item(A, "LIC", date(2023, 3, 1) + timedelta(days=R.randint(0, 90)),
                           "Private hire vehicle licence: %s %s %s %s licensed to %s." % (v.colour, v.make, v.model, v.reg, ORGS[ok].name),
                           grade="1AP", year_in_ref=False)
            vr = veh(A, v, it2)
            link(A, "operates", org(A, ORGS[ok], it2), vr, it2)
            if vk in ("taxi_prius", "taxi_superb"):
                link(A, "keeper_of", org(A, ORGS[ok], it2), vr, it2)
    drivers = [
        (PEOPLE["a3"], "starlight", "taxi_octavia", "2022-10-03"),
        (PEOPLE["c6"], "bluewater", "taxi_superb", "2023-04-17"),
        (TRAP_RYAN, "starlight", "taxi_prius", "2023-08-21"),
    ]
    for p, ok, vk, granted in drivers:
        it = REG.item(A, "LIC", D(granted) if granted > "2023" else date(2023, 1, 20),
                      "Private hire driver licence %s granted to %s (born %s), driving for %s." % (p.ids["lic"], p.full, p.dob.isoformat(), ORGS[ok].name),
                      observed=granted, grade="1AP", year_in_ref=False)
        pr = per(A, p, it, "professional" if p is TRAP_RYAN else "associate")
        link(A, "works_at", pr, org(A, ORGS[ok], it), it, at=granted[:7])
        link(A, "driver_of", pr, veh(A, VEH[vk], it), it, at=granted[:7])
    d = PEOPLE["d_rookhurst"]
    it = REG.item(A, "LIC", date(2024, 9, 9), "Application for a private hire driver licence from K. Rookhurst (born 1998-04-04) to drive for Bluewater Cars; DBS check pending.",
                  grade="1AP", year_in_ref=False)
    per(A, d, it, "associate")
    visits = [
        ("anchorage", [1, 3], ["a1", "a6"], "2023-10-14T23:40", "Licensing and police joint visit to The Anchorage Hotel: two girls aged 13 found in room 12, booked in cash by Darren Quillfeather; night porter Vinnie Gorsedale on duty."),
        ("anchorage", [14], ["a2"], "2024-03-09T00:50", "Joint visit: a 13-year-old found in the bar area of The Anchorage Hotel with Kasim Wrenhurst after midnight; no guest register entry."),
        ("lantern_chicken", [4, 28], ["b1"], "2023-12-02T01:30", "Licensing visit to Lantern Fried Chicken at 01:30: two boys under 16 behind the counter; manager on duty Tyrone Copperwell."),
        ("cloudnine", [2, 17], ["c2", "c8"], "2024-01-26T23:10", "Test purchase operation: two girls aged about 14 in the smoking area of Cloudnine Shisha Lounge with adult men; staff did not check ages."),
        ("fishgate_rank", [23, 4], ["a3"], "2024-06-15T02:05", "Taxi marshal reports two boys under 16 getting into Starlight vehicle WX70 SPZ driven by Lee Brackenbury-Voss at 02:05 without an adult passenger."),
    ]
    for lk, kids, adults, when, text in visits:
        t = datetime.fromisoformat(when)
        it = REG.item(A, "LIC", recorded_after(t, 1, 4), text, observed=when, year_in_ref=False)
        for n in kids:
            at_loc(A, CH[n], LOCS[lk], it, at=when)
        for k in adults:
            at_loc(A, PEOPLE[k], LOCS[lk], it, at=when)
            for n in kids:
                link(A, "seen_with", per(A, PEOPLE[k], it), per(A, CH[n], it), it, at=when)
    # the taxi marshal's report: both boys travelled in the Octavia
    it = REG.item(A, "LIC", date(2024, 6, 18), "Starlight Private Hire booking log shows no booking for WX70 SPZ at 02:05 on 15 June 2024; the journey was off the books.",
                  observed="2024-06-15T02:05", year_in_ref=False)
    for n in (23, 4):
        link(A, "travelled_in", per(A, CH[n], it), veh(A, VEH["taxi_octavia"], it, "WX70 SPZ"), it, at="2024-06-15T02:05")
    it = REG.item(A, "LIC", date(2024, 10, 7), "Licensing sub-committee review of Lantern Fried Chicken: conditions added (CCTV, no under-16s on premises after 21:00, staff safeguarding training).",
                  grade="1AP", year_in_ref=False)
    loc(A, LOCS["lantern_chicken"], it)
    link(A, "works_at", per(A, PEOPLE["b1"], it, "associate"), loc(A, LOCS["lantern_chicken"], it), it, at="2024-10")
    link(A, "works_at", per(A, PEOPLE["b1"], it, "associate"), org(A, ORGS["lantern_foods"], it), it, at="2024-10")


# ---------------------------------------------------------------------------------------------
# Phones held by people
# ---------------------------------------------------------------------------------------------

for _p in [p for g in GROUPS.values() for p in g["members"]] + BROKERS + HARBOURERS[:2]:
    new_phone(_p.key + "_personal", with_imei=R.random() < 0.5)
    _p.phone = PHONES[_p.key + "_personal"]
GROUPS["A"]["lines"] = [PHONES["a_line"], PHONES["a_line2"]]
GROUPS["B"]["lines"] = [new_phone("b_line1"), new_phone("b_line2")]
GROUPS["C"]["lines"] = [new_phone("c_line1"), new_phone("c_line2")]
for _n in (3, 4, 6, 7, 10, 11, 13, 17, 19, 22, 23, 26, 28, 2):
    new_phone("child_%02d" % _n, with_imei=False)
    CH[_n].phone = PHONES["child_%02d" % _n]
# Handsets given to children by adults: (adult, child, phone key)
GIFT_PHONES = [("a1", 1, "gift_zoe"), ("a2", 14, new_phone("gift_skye").key), ("b1", 5, new_phone("gift_mia").key),
               ("c1", 16, new_phone("gift_chloe").key), ("c2", 27, new_phone("gift_olivia").key)]
for _a, _n, _k in GIFT_PHONES:
    CH[_n].phone = PHONES[_k]


# ---------------------------------------------------------------------------------------------
# Police: the groups, their vehicles, phones and flats; brokers; legacy material; notices
# ---------------------------------------------------------------------------------------------

VEHICLE_USE = {
    "a_corsa": ("a1", ["a1", "a5"]), "a_bmw": ("a2", ["a2", "a7"]),
    "b_transit": ("b1", ["b1", "b3"]), "b_audi": ("b5", ["b5", "b2"]),
    "c_golf": ("c2", ["c2", "c4"]), "c_leon": ("c7", ["c7", "c8"]),
    "x_merc": ("x1", ["x1", "x2"]),
}
STREETS = ["Quayside Row", "Harbour Lane", "Gullwing Street", "Tidewater Road", "Lanternhill Avenue", "Beaconsway",
           "Fishgate Yard", "Netmender Street", "Market Street, Hallowmere", "Station Road, Hallowmere", "Mill Lane, Hallowmere"]


def police_item(day, summary, observed=None, grade=None, conditions=None, prefix="WX"):
    return REG.item("police", prefix, recorded_after(day, 0, 5), summary, observed=observed, grade=grade, conditions=conditions, width=6)


def gen_police_groups():
    A = "police"
    for g, G in GROUPS.items():
        members = G["members"]
        for p in members:
            t = rand_daytime(rand_day(date(2023, 1, 10), date(2024, 9, 30)))
            num = p.phone.national if R.random() < 0.6 else spell_phone(p.phone.n)
            it = police_item(t, "Stop check on %s: gave mobile number %s; number confirmed by calling it." % (nm(p, A), num),
                             observed=iso_dt(t), grade=R.choice(["1AP", "1AP", "2BP"]))
            uses_phone(A, p, p.phone, it, at=iso_dt(t)[:10])
        for line in G["lines"]:
            users = G["key"][:1] + R.sample([m for m in members if m not in G["key"][:1]], 3)
            t = rand_day(date(2023, 3, 1), date(2024, 12, 20))
            it = police_item(t, "Analysis of %s: billing and cell-site data show the line used in turn by %s; used to arrange meetings." %
                             (spell_phone(line.n), ", ".join(nm(u, A) for u in users)),
                             observed="~%s/%s" % ((t - timedelta(days=90)).isoformat()[:7], t.isoformat()[:7]))
            for u in users:
                uses_phone(A, u, line, it, at="~%s/%s" % ((t - timedelta(days=90)).isoformat()[:7], t.isoformat()[:7]))
        for vk in [v.key for v in G["vehicles"]] + (["x_merc"] if g == "A" else []):
            if vk not in VEHICLE_USE:
                continue
            keeper, drivers = VEHICLE_USE[vk]
            v = VEH[vk]
            kp = PEOPLE[keeper]
            t = rand_day(date(2023, 1, 12), date(2023, 9, 30))
            spelling = "wx19 kpq" if vk == "a_corsa" and g == "A" else None
            it = police_item(t, "PNC check: registered keeper of %s %s %s %s is %s of %s." % (v.colour, v.make, v.model, v.reg, nm(kp, A), kp.home.town if kp.home else G["town"]),
                             grade="1AP")
            link(A, "keeper_of", per(A, kp, it), veh(A, v, it, spelling), it, at=t.isoformat())
            for d in drivers:
                dp = PEOPLE[d]
                t2 = rand_evening(rand_day(date(2023, 2, 1), date(2025, 5, 31)))
                passengers = R.sample([m for m in (members if d[0] != "x" else BROKERS + members) if m is not dp], 2 if R.random() < 0.5 else 1)
                street = R.choice(STREETS)
                it = police_item(t2, "%s stopped driving %s on %s at %s; passenger%s %s." %
                                 (nm(dp, A), v.reg, street, t2.strftime("%H:%M"), "s" if len(passengers) > 1 else "",
                                  " and ".join(nm(x, A) for x in passengers)), observed=iso_dt(t2))
                vr = veh(A, v, it)
                link(A, "driver_of", per(A, dp, it), vr, it, at=iso_dt(t2))
                for x in passengers:
                    link(A, "travelled_in", per(A, x, it), vr, it, at=iso_dt(t2))
                    link(A, "associates_with", per(A, dp, it), per(A, x, it), it, at=iso_dt(t2))
        flat = G["flat"]
        residents = [m for m in members if m.home is flat] + R.sample([m for m in members if m.home is not flat and m not in G["key"]], 1)
        for m in residents:
            if m.home is None:
                m.home = flat
        t = rand_day(date(2023, 2, 1), date(2023, 12, 1))
        it = police_item(t, "Intelligence indicates %s are living at %s; other group members stay there most weekends." %
                         (" and ".join(nm(m, A) for m in residents), flat.address), observed="~%s" % t.isoformat()[:7])
        for m in residents:
            link(A, "resides_at", per(A, m, it), loc(A, flat, it), it, at="~%s" % t.isoformat()[:7])
            presence(flat, m)
        for i in range(7):
            place = LOCS[pick_weighted(G["places"])]
            who = [R.choice(G["key"])] + R.sample([m for m in members if m not in G["key"]], R.choice([1, 2]))
            t = rand_evening(rand_day(date(2023, 1, 20), date(2025, 6, 10)))
            names = [nm(m, A) for m in who]
            it = police_item(t, "%s and %s seen together at %s at %s." % (", ".join(names[:-1]), names[-1], place.name, t.strftime("%H:%M")),
                             observed=iso_dt(t))
            for m in who:
                at_loc(A, m, place, it, at=iso_dt(t))
            for x in range(len(who)):
                for y in range(x + 1, len(who)):
                    link(A, "associates_with", per(A, who[x], it), per(A, who[y], it), it, at=iso_dt(t))
        # the key adults frequent the group's main place
        top = LOCS[G["places"][0][0]]
        t = rand_day(date(2024, 1, 10), date(2024, 12, 10))
        it = police_item(t, "Patrol log summary: %s visits %s most nights, usually between 21:00 and 02:00." % (nm(G["key"][0], A), top.name),
                         observed="~%s/%s" % ((t - timedelta(days=60)).isoformat(), t.isoformat()))
        link(A, "frequents", per(A, G["key"][0], it), loc(A, top, it), it, at="~%s/%s" % ((t - timedelta(days=60)).isoformat(), t.isoformat()))
        presence(top, G["key"][0])
        v = G["vehicles"][0]
        t = rand_day(date(2024, 2, 1), date(2025, 3, 1))
        it = police_item(t, "ANPR: %s recorded near %s on %d nights in the last month." % (v.reg, top.name, R.randint(9, 17)),
                         observed="%s/%s" % ((t - timedelta(days=30)).isoformat(), t.isoformat()), grade="1AP")
        link(A, "frequents", veh(A, v, it), loc(A, top, it), it, at="%s/%s" % ((t - timedelta(days=30)).isoformat(), t.isoformat()))
        # the key adults' online accounts
    accounts = [("a2", "kaz_snap", "@Kaz_Wex99"), ("a1", "daz_insta", "@DazQ_Official"), ("b1", "ty_tiktok", "@Ty.Fishgate"),
                ("x1", "cal_snap", "@CalM_85"), ("c2", "idris_insta", "@Hallowmere_Vibez"), ("c8", "dex_snap", "@Dex_Inks")]
    for k, ak, spelling in accounts:
        t = rand_day(date(2023, 3, 1), date(2024, 6, 1))
        a = ACC[ak]
        it = police_item(t, "Open-source research: %s account %s attributed to %s (photographs and the phone number in the profile match)." %
                         (PLATFORM_NAMES[a.platform], spelling, nm(PEOPLE[k], A)), grade="2BP")
        link(A, "uses_account", per(A, PEOPLE[k], it), acc(A, a, it, spelling), it)


def gen_police_brokers():
    A = "police"
    plans = {
        "x1": {"with": ["a1", "a2", "b1", "b2"], "places": ["drowned_fiddler", "fishgate_rank", "anchorage"], "line": "a_line2",
               "calls": [("a_line", "x1_personal"), ("x1_personal", "b_line1"), ("x1_personal", "a1_personal")]},
        "x2": {"with": ["b1", "b3", "c1", "c2"], "places": ["cloudnine", "lantern_chicken", "hallowmere_station"], "line": "c_line2",
               "calls": [("x2_personal", "c_line1"), ("b_line2", "x2_personal"), ("x2_personal", "b1_personal")]},
    }
    for bk, plan in plans.items():
        b = PEOPLE[bk]
        for k in plan["with"]:
            t = rand_evening(rand_day(date(2023, 2, 1), date(2025, 5, 1)))
            place = LOCS[R.choice(plan["places"])]
            other = PEOPLE[k]
            it = police_item(t, "%s met %s at %s at %s; a package was handed over." % (nm(b, A), nm(other, A), place.name, t.strftime("%H:%M")),
                             observed=iso_dt(t))
            link(A, "associates_with", per(A, b, it), per(A, other, it), it, at=iso_dt(t))
            at_loc(A, b, place, it, at=iso_dt(t))
            at_loc(A, other, place, it, at=iso_dt(t))
        t = rand_day(date(2023, 6, 1), date(2024, 10, 1))
        line = PHONES[plan["line"]]
        it = police_item(t, "Cell-site analysis: %s used %s, the line otherwise used by the %s." %
                         (nm(b, A), spell_phone(line.n), GROUPS["A" if bk == "x1" else "C"]["name"]), observed="~%s" % t.isoformat()[:7])
        uses_phone(A, b, line, it, at="~%s" % t.isoformat()[:7])
        t = rand_day(date(2024, 1, 1), date(2024, 12, 1))
        it = police_item(t, "Billing data for %s obtained under the Investigatory Powers Act; selected calls recorded below." % nm(b, A),
                         observed="%s/%s" % ((t - timedelta(days=60)).isoformat(), t.isoformat()), grade="1AP")
        for a, bb in plan["calls"]:
            for _ in range(R.randint(1, 2)):
                when = datetime.combine(rand_day(t - timedelta(days=60), t), datetime.min.time()) + timedelta(minutes=R.randint(600, 1430))
                link(A, "contacted", ph(A, PHONES[a], it), ph(A, PHONES[bb], it), it, at=when.strftime("%Y-%m-%dT%H:%M:%S"),
                     mode="call", duration=R.randint(12, 600))
        when = rand_evening(rand_day(date(2024, 2, 1), date(2024, 11, 1)))
        it = police_item(when, "Message thread seen on a seized handset: %s account %s sent directions to %s." %
                         (PLATFORM_NAMES[ACC["cal_snap"].platform], "@CalM_85", "@Kaz_Wex99"), observed=iso_dt(when), grade="2BP") if bk == "x1" else None
        if it:
            link(A, "contacted", acc(A, ACC["cal_snap"], it, "@CalM_85"), acc(A, ACC["kaz_snap"], it, "@KAZ_WEX99"), it,
                 at=iso_dt(when), mode="message")
    # The broker's car carries members of two groups.
    for k in ("a2", "b2"):
        t = rand_evening(rand_day(date(2023, 5, 1), date(2025, 2, 1)))
        it = police_item(t, "ANPR stop: %s driving %s with %s as passenger, travelling from Wexcombe towards Hallowmere." %
                         (nm(PEOPLE["x1"], A), VEH["x_merc"].reg, nm(PEOPLE[k], A)), observed=iso_dt(t))
        vr = veh(A, VEH["x_merc"], it)
        link(A, "driver_of", per(A, PEOPLE["x1"], it), vr, it, at=iso_dt(t))
        link(A, "travelled_in", per(A, PEOPLE[k], it), vr, it, at=iso_dt(t))
    t = rand_evening(rand_day(date(2024, 3, 1), date(2024, 12, 1)))
    it = police_item(t, "%s seen in the front passenger seat of %s (keeper %s) outside Cloudnine Shisha Lounge." %
                     (nm(PEOPLE["x2"], A), VEH["c_golf"].reg, nm(PEOPLE["c2"], A)), observed=iso_dt(t))
    link(A, "travelled_in", per(A, PEOPLE["x2"], it), veh(A, VEH["c_golf"], it), it, at=iso_dt(t))
    at_loc(A, PEOPLE["x2"], LOCS["cloudnine"], it, at=iso_dt(t))


LEGACY = [
    ("2008-07-21", "B24", "Warren TEASELTON seen several times collecting girls from Larkspur House in a blue Vauxhall Astra WX05 ASZ; staff unable to identify the girls.",
     [("keeper_of", "c3", "v:old_astra"), ("frequents", "v:old_astra", "l:larkspur"), ("at_location", "c3", "l:larkspur")]),
    ("2008-11-03", "B34", "Larkspur House staff log: men in a blue Astra parked outside most Friday nights; registration partly noted as WX05.",
     [("frequents", "v:old_astra", "l:larkspur")]),
    ("2009-02-16", "C33", "Warren TEASELTON and Ryan PEBBLEWOOD described as close associates who share girls' phone numbers.",
     [("associates_with", "c3", "c1")]),
    ("2009-09-08", "B22", "Neighbours report teenage girls arriving at 14 Saltmarsh Close late at night; tenant Maureen LANTERNBY.",
     [("resides_at", "h1", "l:saltmarsh_14"), ("at_location", "h1", "l:saltmarsh_14")]),
    ("2010-04-30", "A11", "Marcus THISTLEWOOD given a caution for supplying alcohol to under-18s at Beacon Hill Park.",
     [("at_location", "a4", "l:beacon_park")]),
    ("2010-08-12", "C34", "Darren QUILLFEATHER (26) seen with Marcus THISTLEWOOD outside The Drowned Fiddler at closing time.",
     [("associates_with", "a1", "a4"), ("at_location", "a1", "l:drowned_fiddler")]),
    ("2010-12-01", "B22", "Gary BURDOCKLEY living at Flat 9, Driftwood Crescent; boys from the estate congregate there.",
     [("resides_at", "h2", "l:driftwood_9")]),
    ("2011-03-19", "B23", "Gavin SORRELBY using mobile %s to arrange cannabis deliveries in Wexcombe town centre." % spell_phone(PHONES["b6_personal"].n, 0),
     [("uses_phone", "b6", "p:b6_personal")]),
    ("2011-06-25", "D45", "Anonymous caller alleges Ryan PEBBLEWOOD keeps girls at a flat in Kestrel Yard; no address given and unverified.",
     [("at_location", "c1", "l:kestrel_yard")]),
    ("2011-10-07", "A12", "Warren TEASELTON now tenant of 7 Kestrel Yard, Hallowmere (council tax record).",
     [("resides_at", "c3", "l:kestrel_yard")]),
    ("2012-01-14", "C33", "Callum MALLOWBY and Darren QUILLFEATHER seen together at Fishgate taxi rank, both known to deal cannabis.",
     [("associates_with", "x1", "a1"), ("at_location", "x1", "l:fishgate_rank")]),
    ("2012-05-22", "B24", "The Drowned Fiddler licensee reports Callum MALLOWBY and Gavin SORRELBY meeting in the car park most Thursdays.",
     [("associates_with", "x1", "b6"), ("at_location", "b6", "l:drowned_fiddler")]),
    ("2012-09-30", "E45", "Unverified report that Ryan PEBBLEWOOD and Warren TEASELTON drive girls from Hallowmere to Wexcombe.",
     [("associates_with", "c1", "c3")]),
]


def gen_police_legacy():
    A = "police"
    for day, grade, text, links in LEGACY:
        d = D(day)
        it = REG.item(A, "OLD-%d" % d.year, d, text, observed="~%s" % day[:7], grade=grade, year_in_ref=False, width=4)
        for kind, a, b in links:
            def resolve(x):
                if x.startswith("v:"):
                    return veh(A, VEH[x[2:]], it)
                if x.startswith("l:"):
                    presence(LOCS[x[2:]], PEOPLE[a]) if not a.startswith("v:") else None
                    return loc(A, LOCS[x[2:]], it)
                if x.startswith("p:"):
                    return ph(A, PHONES[x[2:]], it)
                return per(A, PEOPLE[x], it)
            link(A, kind, resolve(a), resolve(b), it, at="~%s" % day[:7])


def gen_police_notices():
    A = "police"
    plans = [
        ("cawn", "a1", 1, None, "2024-04-02", "PC 4471", "2026-04-02",
         "Child Abduction Warning Notice served on Darren QUILLFEATHER in respect of Zoë MARBLEWOOD; Wexcombe Borough Council's non-consent (the child is looked after) recorded."),
        ("cawn", "b1", 5, None, "2024-11-18", "DC 2290", "2026-11-18",
         "Child Abduction Warning Notice served on Tyrone COPPERWELL in respect of Mia NETTLEFOLD; her mother's non-consent recorded."),
        ("harbourer_warning", "h1", 16, "saltmarsh_14", "2024-07-08", "PS 1182", "2026-07-08",
         "Harbourer warning letter delivered to Maureen LANTERNBY at 14 Saltmarsh Close in respect of Chloe YARROWBY."),
    ]
    for kind, subj, n, prem, issued, officer, expires, text in plans:
        d = D(issued)
        it = REG.item(A, "WX", d, text, observed=issued, grade="1AP", width=6)
        rec = {"type": "notice", "notice": kind, "subject": per(A, PEOPLE[subj], it), "child": per(A, CH[n], it)}
        if prem:
            rec["premises"] = loc(A, LOCS[prem], it)
        rec.update({"issued": issued, "officer": officer, "expires": expires, "item": it})
        REG.add(A, rec)
        NOTICES.append({"notice": kind, "subject": PEOPLE[subj].canonical, "child": CH[n].canonical, "issued": issued})
    it = REG.item(A, "WX", date(2024, 5, 20), "Notice under s.116 Anti-social Behaviour, Crime and Policing Act 2014 served on Anchorage Hospitality Group Ltd for The Anchorage Hotel: guest names, addresses and ages to be recorded for six months.",
                  observed="2024-05-20", grade="1AP", width=6)
    REG.add(A, {"type": "notice", "notice": "hotel_notice", "subject": org(A, ORGS["anchorage_group"], it),
                "premises": loc(A, LOCS["anchorage"], it), "issued": "2024-05-20", "officer": "Insp 0417", "expires": "2024-11-20", "item": it})
    NOTICES.append({"notice": "hotel_notice", "subject": ORGS["anchorage_group"].ref, "premises": LOCS["anchorage"].ref, "issued": "2024-05-20"})
    link(A, "operates", org(A, ORGS["anchorage_group"], it), loc(A, LOCS["anchorage"], it), it)


# ---------------------------------------------------------------------------------------------
# Missing episodes
# ---------------------------------------------------------------------------------------------

# Adult-child pairs planted to be found together repeatedly:
# (adult, child, how many, age rule, found-at places). Age rule True: every episode before the
# child's 16th birthday; False: every episode after it; "split": one before, one after.
PLANTED_FW = [
    ("a1", 1, 3, True, ["anchorage", "ropewalk_flat", "anchorage"]),
    ("a1", 3, 2, True, ["ropewalk_flat", "anchorage"]),
    ("b1", 5, 2, True, ["lantern_chicken", "fishgate_rank"]),
    ("c1", 16, 2, True, ["kestrel_yard", "anchorage"]),
    ("a2", 14, 2, True, ["anchorage", "beacon_park"]),
    ("c2", 27, 2, True, ["cloudnine", "fishgate_rank"]),
    ("a3", 13, 2, False, ["fishgate_rank", "tidewater_bnb"]),
    ("b2", 4, 2, "split", ["lantern_chicken", "netmender_22"]),
]
RANDOM_EPISODES = {n: 2 for n in range(1, 29)}
RANDOM_EPISODES.update({1: 2, 3: 1, 5: 2, 16: 1, 14: 2, 27: 1, 13: 1, 4: 1, 6: 3, 7: 3, 10: 3, 17: 3, 21: 3, 23: 3, 25: 1, 9: 3, 12: 2})
GROUP_HARBOURER = {"A": "h1", "B": "h2", "C": "c3"}
OTHER_FOUND_AT = ["arcade", "bus_station", "mallowmead_park", "beacon_park", "hallowmere_station", "quayside_kebab", "saltmarsh_lodge"]
CSV_EPISODES_FROM = date(2024, 7, 1)
STILL_MISSING_CHILD = 26


def plan_episodes():
    plans = []
    for c in CHILDREN:
        specs = []
        b16 = add_years(c.dob, 16)
        for adult, n, count, rule, places in PLANTED_FW:
            if n != c.n:
                continue
            for i in range(count):
                if rule is True or (rule == "split" and i == 0):
                    lo, hi = c.window[0], min(c.window[1], b16 - timedelta(days=1))
                else:
                    lo, hi = max(c.window[0], b16), c.window[1]
                specs.append({"lo": lo, "hi": hi, "with": [PEOPLE[adult]], "at": places[i], "planted": True})
        for i in range(RANDOM_EPISODES[c.n]):
            specs.append({"lo": c.window[0], "hi": c.window[1], "with": None, "at": None, "planted": False})
        days = []
        for sp in specs:
            for _ in range(400):
                d = rand_day(sp["lo"], sp["hi"])
                if all(abs((d - x).days) >= 12 for x in days):
                    break
            days.append(d)
            sp["day"] = d
        planted_adults = {s["with"][0].key for s in specs if s["planted"]}
        used = set(planted_adults)
        G = GROUPS[c.group]
        for sp in sorted(specs, key=lambda s: s["day"]):
            start = rand_evening(sp["day"])
            end = start + timedelta(hours=R.randint(5, 40), minutes=R.choice([0, 10, 20, 35, 45, 50]))
            ep = {"child": c, "start": start, "end": end, "from": home_of(c, sp["day"]), "planted": sp["planted"]}
            if sp["planted"]:
                ep["at"] = LOCS[sp["at"]]
                ep["with"] = list(sp["with"])
                if R.random() < 0.3:
                    extra = [m for m in G["members"] if m.key not in used and m not in G["key"]]
                    if extra:
                        x = R.choice(extra)
                        used.add(x.key)
                        ep["with"].append(x)
            else:
                roll = R.random()
                pool = [m for m in G["members"] + BROKERS if m.key not in used]
                if roll < 0.62:
                    ep["at"] = LOCS[pick_weighted(G["places"])]
                    k = pick_weighted([(0, 2), (1, 5), (2, 2)])
                    ep["with"] = R.sample(pool, min(k, len(pool)))
                elif roll < 0.77:
                    h = PEOPLE[GROUP_HARBOURER[c.group]]
                    ep["at"] = h.home
                    ep["with"] = [h] if h.key not in used else []
                    HARBOURER_CHILDREN[h.key].append(c.key)
                elif roll < 0.9:
                    ep["at"] = LOCS[R.choice(OTHER_FOUND_AT)]
                    ep["with"] = R.sample(pool, min(1, len(pool))) if R.random() < 0.5 else []
                else:
                    ep["at"] = None
                    ep["with"] = []
                for m in ep["with"]:
                    used.add(m.key)
            plans.append(ep)
    plans.sort(key=lambda e: (e["start"], e["child"].n))
    # One child is still missing when the export is taken.
    last = [e for e in plans if e["child"].n == STILL_MISSING_CHILD][-1]
    last["start"] = datetime(2025, 6, 27, 20, 15)
    last["end"] = None
    last["at"] = None
    last["with"] = []
    return plans


def describe_with(ep, agency, day):
    if not ep["with"]:
        return "alone"
    parts = []
    for m in ep["with"]:
        parts.append("%s (%d)" % (nm(m, agency), age_on(m.dob, day)))
    return "in the company of " + " and ".join(parts)


def gen_episodes():
    A = "police"
    plans = plan_episodes()
    for ep in plans:
        c = ep["child"]
        ep["csv"] = ep["start"].date() >= CSV_EPISODES_FROM
        EPISODES.append(ep)
        for m in ep["with"]:
            if ep["at"] is not None:
                presence(ep["at"], m)
        if ep["at"] is not None:
            presence(ep["at"], c)
        if ep["csv"]:
            continue
        start, end = ep["start"], ep["end"]
        hours = int((end - start).total_seconds() // 3600)
        if ep["at"] is not None:
            outcome = "found at %s %s after %d hours" % (ep["at"].name, describe_with(ep, A, start), hours)
        else:
            outcome = "came back after %d hours; where the child had been is not known" % hours
        text = "Missing person report: %s reported missing from %s at %s on %s; %s." % (
            child_desc(c, A, start), ep["from"].name, start.strftime("%H:%M"), start.strftime("%d %B %Y").lstrip("0"), outcome)
        it = REG.item(A, "MP", recorded_after(end, 0, 2), text, observed="%s/%s" % (iso_dt(start), iso_dt(end)),
                      grade=R.choice(["1AP", "1AP", "1AP", "2BP"]), width=4)
        rec = {"type": "missing", "child": per(A, c, it, "child_at_risk"), "start": iso_dt(start), "end": iso_dt(end),
               "missingFrom": loc(A, ep["from"], it)}
        if ep["at"] is not None:
            rec["foundAt"] = loc(A, ep["at"], it)
        if ep["with"]:
            rec["foundWith"] = [per(A, m, it) for m in ep["with"]]
        rec["item"] = it
        REG.add(A, rec)
        ep["item"] = it
    return plans


def gen_return_home_interviews(plans):
    """Voluntary sector return home interviews after some episodes: explicit found_with/found_at links."""
    A = "voluntary"
    chosen = [e for e in plans if e["with"] and e["at"] is not None and A not in e["child"].restrict]
    chosen = [e for e in chosen if e["planted"] or R.random() < 0.35]
    if not any(e["child"].n == 9 for e in chosen):
        chosen += [e for e in plans if e["child"].n == 9 and e["end"] is not None][:1]
    chosen.sort(key=lambda e: (e["start"], e["child"].n))
    for ep in chosen:
        c = ep["child"]
        day = (ep["end"] + timedelta(days=R.randint(1, 3))).date()
        adults = ep["with"]
        if adults:
            a = adults[0]
            how = R.choice([
                "said %s collected them and took them to %s" % (a.fore, ep["at"].name),
                "said they were taken to %s by %s and given food and cannabis" % (ep["at"].name, a.fore),
                "said %s had told them to come to %s and paid for a taxi" % (a.fore, ep["at"].name),
                "described being kept at %s by %s and not allowed to leave until the morning" % (ep["at"].name, a.fore),
            ])
        else:
            how = "said they had spent the night at %s and would not say who else was there" % (ep["at"].name if ep["at"] else "a friend's house")
        text = "Return home interview (Wexcombe Youth Reach) with %s after the episode of %s: the child %s." % (
            child_desc(c, A, day), ep["start"].strftime("%d/%m/%Y"), how)
        it = REG.item(A, "RHI", day, text, observed="%s/%s" % (iso_dt(ep["start"]), iso_dt(ep["end"])))
        cr = per(A, c, it, "child_at_risk")
        # timed to the second, as the tool times the links a missing record makes, so they corroborate them
        end_s = ep["end"].strftime("%Y-%m-%dT%H:%M:%S")
        if ep["at"] is not None:
            link(A, "found_at", cr, loc(A, ep["at"], it), it, at=end_s)
        for a in adults:
            link(A, "found_with", cr, per(A, a, it, "associate"), it, at=end_s)


# ---------------------------------------------------------------------------------------------
# Events around each child, across agencies
# ---------------------------------------------------------------------------------------------

ORGS["youth_reach"] = Org("youth_reach", "charity/WYR-01", "Wexcombe Youth Reach", "other")
CH[1].restrict.add("education")    # the school's record of Zoë is the name-only duplicate
TAXI_DRIVERS = {"taxi_octavia": "a3", "taxi_superb": "c6"}


def group_adult(c, exclude=()):
    G = GROUPS[c.group]
    pairs = [(m, 3 if m in G["key"] else 1) for m in G["members"] if m.key not in exclude]
    pairs += [(b, 0.5) for b in BROKERS if c.group in BROKER_GROUPS[b.key] and b.key not in exclude]
    return pick_weighted(pairs)


def adult_role(agency, p):
    if p.role == "harbourer":
        return "harbourer"
    return p.role if agency == "police" else "associate"


def ev_sighting(c, agency="police", adult=None, place=None):
    day = day_in(c)
    t = rand_evening(day)
    adult = adult or group_adult(c)
    place = place or LOCS[pick_weighted(GROUPS[c.group]["places"])]
    cd, an = child_desc(c, agency, day), "%s (%d)" % (nm(adult, agency), age_on(adult.dob, day))
    text = R.choice([
        "Officers on patrol saw %(c)s with %(a)s at %(p)s at %(t)s; the adult walked away when approached.",
        "%(c)s seen at %(p)s at %(t)s in the company of %(a)s; officers took the child home.",
        "CCTV operator saw %(a)s hand %(c)s a carrier bag at %(p)s at %(t)s.",
        "Officers found %(c)s in a stairwell near %(p)s at %(t)s with %(a)s, who gave a false name.",
        "%(a)s seen buying food for %(c)s at %(p)s at %(t)s, then leaving on foot together.",
    ]) % {"c": cd, "a": an, "p": place.name, "t": t.strftime("%H:%M")}
    if agency == "voluntary":
        text = "Detached youth worker saw %s with %s at %s at %s; the adult moved the child away from staff." % (cd, an, place.name, t.strftime("%H:%M"))
    it = REG.item(agency, {"police": "WX", "voluntary": "YW"}[agency], recorded_after(t, 0, 4), text, observed=iso_dt(t),
                  width=6 if agency == "police" else 4)
    cr, ar = per(agency, c, it, "child_at_risk"), per(agency, adult, it, adult_role(agency, adult))
    link(agency, "seen_with", cr, ar, it, at=iso_dt(t))
    at_loc(agency, c, place, it, at=iso_dt(t))
    at_loc(agency, adult, place, it, at=iso_dt(t))


def group_vehicle(c):
    vs = GROUPS[c.group]["vehicles"]
    v = R.choice(vs)
    driver = PEOPLE[TAXI_DRIVERS[v.key]] if v.key in TAXI_DRIVERS else PEOPLE[R.choice(VEHICLE_USE[v.key][1])]
    return v, driver


def ev_vehicle(c, agency="police"):
    day = day_in(c)
    t = rand_evening(day)
    v, driver = group_vehicle(c)
    place = LOCS[pick_weighted(GROUPS[c.group]["places"])]
    cd = child_desc(c, agency, day)
    if agency == "education":
        t = datetime(day.year, day.month, day.day, 15, R.choice([5, 10, 15, 20]))
        if t.weekday() >= 5:
            t -= timedelta(days=2)
        spelling = "wx19 kpq" if v.key == "a_corsa" else v.reg
        text = "Staff saw %s collected from the school gate at %s by an adult man in a %s %s, reg %s; the child named the driver as %s." % (
            cd, t.strftime("%H:%M"), v.colour, v.make, spelling, (driver.aliases or [driver.fore])[0])
        place = LOCS["academy"]
        prefix = "DSL"
    else:
        spelling = v.reg
        text = "%s seen getting into %s %s %s %s driven by %s near %s at %s." % (
            cd, "an" if v.colour[0] in "aeiou" else "a", v.colour, v.make, v.reg, nm(driver, agency), place.name, t.strftime("%H:%M"))
        prefix = "WX"
    it = REG.item(agency, prefix, recorded_after(t, 0, 3), text, observed=iso_dt(t), width=6 if agency == "police" else 4)
    vr = veh(agency, v, it, spelling)
    cr, dr = per(agency, c, it, "child_at_risk"), per(agency, driver, it, adult_role(agency, driver))
    link(agency, "travelled_in", cr, vr, it, at=iso_dt(t))
    link(agency, "driver_of", dr, vr, it, at=iso_dt(t))
    link(agency, "seen_with", cr, dr, it, at=iso_dt(t))
    at_loc(agency, c, place, it, at=iso_dt(t))
    if agency == "police":
        link(agency, "at_location", vr, loc(agency, place, it), it, at=iso_dt(t))


def ev_strategy(c):
    A = "social_care"
    day = day_in(c)
    adults = [group_adult(c)]
    adults.append(group_adult(c, exclude={adults[0].key}))
    text = "Strategy discussion for %s: police and school report the child repeatedly seen with %s; risk of %s exploitation rated significant." % (
        child_desc(c, A, day), " and ".join(a.full for a in adults), "criminal" if c.group == "B" else "sexual")
    it = REG.item(A, "LCS", day, text, observed="~%s" % (day - timedelta(days=30)).isoformat()[:7], width=5)
    cr = per(A, c, it, "child_at_risk")
    for a in adults:
        link(A, "seen_with", cr, per(A, a, it, adult_role(A, a)), it, at="~%s/%s" % ((day - timedelta(days=60)).isoformat(), day.isoformat()))


def ev_gift(adult_key, n, phone_key):
    c, a, phone = CH[n], PEOPLE[adult_key], PHONES[phone_key]
    day = day_in(c, hi=date(2024, 10, 1))
    A = "social_care" if n in (1, 5, 27) else "voluntary"
    reporter = "Residential staff" if home_of(c, day).category == "childrens_home" else "The child's parent"
    if A == "voluntary":
        reporter = "Youth worker"
    text = "%s report %s came back with a new phone, trainers and a designer jacket; the child said %s bought them." % (
        reporter, child_desc(c, A, day), (a.aliases or [a.fore])[0])
    it = REG.item(A, {"social_care": "LCS", "voluntary": "YW"}[A], day, text, observed="~%s" % day.isoformat()[:7], width=5 if A == "social_care" else 4)
    cr, ar = per(A, c, it, "child_at_risk"), per(A, a, it, adult_role(A, a))
    link(A, "gave_gifts_to", ar, cr, it, at="~%s" % day.isoformat()[:7])
    link(A, "gave_phone_to", ar, cr, it, at="~%s" % day.isoformat()[:7])
    # police: the handset is seized and examined
    P = "police"
    d2 = day + timedelta(days=R.randint(20, 70))
    if d2 > c.window[1]:
        d2 = c.window[1]
    text = "Handset %s recovered from %s: top-ups paid by %s; the only contact saved is %s, and the child was told to keep the phone hidden." % (
        spell_phone(phone.n, 0), nm(c, P), nm(a, P), spell_phone(a.phone.n, 0))
    it = REG.item(P, "WX", d2, text, observed=d2.isoformat(), width=6)
    if phone_key == "gift_zoe":
        # The handset was first logged by IMEI only; this record names its number too, so the
        # number already known to health and the handset are one phone.
        REG.entities[P]["gift_zoe_handset"] = {"type": "phone", "id": "imei:" + spell_imei(phone.imei, 1), "item": it}
        REG.entities[P]["gift_zoe"] = {"type": "phone", "id": phone.ref(4), "imei": phone.imei, "item": it}
    pr = ph(P, phone, it)
    link(P, "gave_phone_to", per(P, a, it), pr, it, at="~%s" % day.isoformat()[:7])
    uses_phone(P, c, phone, it, at="~%s/%s" % (day.isoformat()[:7], d2.isoformat()[:7]))
    for k in range(R.randint(2, 3)):
        when = datetime.combine(rand_day(day, d2), datetime.min.time()) + timedelta(minutes=R.randint(1080, 1430))
        link(P, "contacted", ph(P, a.phone, it), pr, it, at=when.strftime("%Y-%m-%dT%H:%M:%S"), mode=R.choice(["sms", "call", "sms"]),
             **({"duration": R.randint(20, 400)} if k == 0 else {}))


def ev_online(n, account_key, agency, to_account=None, spelling=None):
    c, a = CH[n], ACC[account_key]
    day = day_in(c)
    plat = PLATFORM_NAMES[a.platform]
    shown = spelling or "@" + a.handle
    text = {"police": "Download of %s's phone: %s account %s sent messages asking the child to meet and to delete the chat.",
            "education": "%s showed the designated safeguarding lead %s messages from %s offering money and a 'modelling job'.",
            "voluntary": "%s showed the youth worker %s messages from %s asking for photographs; screenshots kept.",
            "social_care": "Social worker saw %s messages to %s from %s telling the child where to be picked up."}[agency]
    if agency == "police":
        text = text % (nm(c, agency), plat, shown)
    elif agency == "social_care":
        text = text % (plat, child_desc(c, agency, day), shown)
    else:
        text = text % (child_desc(c, agency, day), plat, shown)
    prefix = {"police": "WX", "education": "DSL", "voluntary": "YW", "social_care": "LCS"}[agency]
    it = REG.item(agency, prefix, day, text, observed="~%s" % day.isoformat()[:7], width=6 if agency == "police" else 4)
    ar = acc(agency, a, it, spelling)
    cr = per(agency, c, it, "child_at_risk")
    if to_account:
        t = ACC[to_account]
        tr = acc(agency, t, it)
        link(agency, "uses_account", cr, tr, it)
        link(agency, "online_contact", ar, tr, it, at="~%s" % day.isoformat()[:7])
        when = rand_evening(day)
        link(agency, "contacted", ar, tr, it, at=iso_dt(when), mode="message")
    else:
        link(agency, "online_contact", ar, cr, it, at="~%s" % day.isoformat()[:7])


def ev_supplies(adult_key, n, substance, agency):
    c, a = CH[n], PEOPLE[adult_key]
    day = day_in(c)
    t = rand_evening(day)
    if agency == "health":
        text = "Emergency department attendance at 01:40: %s brought in heavily intoxicated (%s) by %s, who left before staff could speak to him; safeguarding referral made." % (
            child_desc(c, agency, day), substance, a.full)
        it = REG.item(agency, "HLT", recorded_after(t, 0, 2), text, observed=iso_dt(t + timedelta(hours=4)))
    else:
        text = "%s told officers that %s gives him %s and says he now owes a debt that he must work off." % (
            child_desc(c, agency, day), nm(a, agency), substance)
        it = REG.item(agency, "WX", recorded_after(t, 0, 2), text, observed="~%s" % day.isoformat()[:7], width=6)
    cr, ar = per(agency, c, it, "child_at_risk"), per(agency, a, it, adult_role(agency, a))
    link(agency, "supplies", ar, cr, it, at=iso_dt(t) if agency == "health" else "~%s" % day.isoformat()[:7], substance=substance)
    link(agency, "seen_with", cr, ar, it, at=iso_dt(t) if agency == "health" else "~%s" % day.isoformat()[:7])


def ev_harbour(h_key, n, agency="police"):
    c, h = CH[n], PEOPLE[h_key]
    day = day_in(c)
    nights = R.randint(2, 4)
    end = day + timedelta(days=nights)
    text = "%s found at %s; %s let the child stay for %d nights and did not tell the child's carers." % (
        child_desc(c, agency, day), h.home.address, nm(h, agency), nights)
    it = REG.item(agency, "WX" if agency == "police" else "LCS", recorded_after(end, 0, 3), text,
                  observed="%s/%s" % (day.isoformat(), end.isoformat()), width=6 if agency == "police" else 5)
    link(agency, "harbours", per(agency, h, it, "harbourer"), per(agency, c, it, "child_at_risk"), it, at="%s/%s" % (day.isoformat(), end.isoformat()))
    at_loc(agency, c, h.home, it, at="%s/%s" % (day.isoformat(), end.isoformat()))
    if agency == "police":
        link(agency, "resides_at", per(agency, h, it, "harbourer"), loc(agency, h.home, it), it)
    HARBOURER_CHILDREN[h.key].append(c.key)


def gen_child_events():
    # Zoë's handset: the school nurse notes the number first.
    c = CH[1]
    day = date(2023, 11, 20)
    it = REG.item("health", "HLT", day, "School nurse drop-in: Zoë Marblewood (13) gave her mobile number as %s and said Daz pays for it." % spell_phone(555, 3),
                  observed=day.isoformat(), grade="1AC", conditions=CONDITIONS[3])
    link("health", "uses_phone", per("health", c, it, "child_at_risk"), ph("health", PHONES["gift_zoe"], it, 3), it, at="2023-11")
    for adult_key, n, phone_key in GIFT_PHONES:
        ev_gift(adult_key, n, phone_key)
    ev_online(1, "kaz_snap", "police", to_account="zoe_snap", spelling="@Kaz_Wex99")
    ev_online(14, "kaz_snap", "voluntary", spelling="kaz_wex99")
    c = CH[14]
    day = day_in(c)
    it = REG.item("police", "WX", day, "Open-source check: TikTok account %s (%s) is followed by %s, which comments on every video and sends direct messages." % (
        "@Skye_Pebbs", nm(c, "police"), "@Ty.Fishgate"), observed="~%s" % day.isoformat()[:7], grade="2BP", width=6)
    link("police", "uses_account", per("police", c, it, "child_at_risk"), acc("police", ACC["skye_tiktok"], it, "@Skye_Pebbs"), it)
    link("police", "online_contact", acc("police", ACC["ty_tiktok"], it, "@TY.FISHGATE"), acc("police", ACC["skye_tiktok"], it, "@Skye_Pebbs"), it,
         at="~%s" % day.isoformat()[:7])
    ev_online(12, "daz_insta", "education", to_account="demi_insta", spelling="@dazq_official")
    ev_online(16, "idris_insta", "police", spelling="@Hallowmere_Vibez")
    ev_online(27, "dex_snap", "social_care", spelling="@DEX_INKS")
    ev_online(6, "daz_insta", "voluntary", spelling="@DazQ_Official")
    # a person-to-person online contact
    c, a = CH[7], PEOPLE["b1"]
    day = day_in(c)
    it = REG.item("education", "DSL", day, "%s told his head of year that %s messages him on TikTok most nights with jobs to do." % (child_desc(c, "education", day), a.full),
                  observed="~%s" % day.isoformat()[:7])
    link("education", "online_contact", per("education", a, it, "associate"), per("education", c, it, "child_at_risk"), it, at="~%s" % day.isoformat()[:7])
    for adult_key, n, substance, agency in [("a4", 6, "alcohol", "health"), ("c8", 17, "alcohol", "health"), ("c7", 27, "alcohol and cannabis", "health"),
                                            ("b3", 4, "cannabis", "police"), ("b6", 7, "cannabis", "police"), ("x2", 21, "cannabis", "police")]:
        ev_supplies(adult_key, n, substance, agency)
    for h_key, n, agency in [("c3", 9, "police"), ("c3", 8, "police"), ("h2", 7, "police"), ("h2", 23, "police"), ("h1", 5, "police"), ("c3", 2, "social_care")]:
        ev_harbour(h_key, n, agency)
    # Demi's school record must exist before social care names it (a planted merge).
    ev_vehicle(CH[12], "education")
    for c in CHILDREN:
        k = R.randint(3, 5)
        for _ in range(k):
            options = [("police_sighting", 4), ("police_vehicle", 3), ("voluntary_sighting", 1.5), ("strategy", 1.5)]
            if "sims" in c.ids and "education" not in c.restrict:
                options.append(("education_gate", 2))
            kind = pick_weighted(options)
            if kind == "police_sighting":
                ev_sighting(c)
            elif kind == "police_vehicle":
                ev_vehicle(c)
            elif kind == "voluntary_sighting":
                place = LOCS[R.choice(["cloudnine", "anchorage", "fishgate_rank", "lantern_chicken"])]
                ev_sighting(c, "voluntary", place=place)
            elif kind == "strategy":
                ev_strategy(c)
            else:
                ev_vehicle(c, "education")


def gen_hotspot_observations():
    """Police observation logs at the planted hotspots: children brought there by adults."""
    A = "police"
    plan = [("ropewalk_flat", "AB", "A", 4), ("anchorage", "AC", None, 2), ("lantern_chicken", "B", None, 2), ("fishgate_rank", "ABC", None, 2)]
    for lk, groups, adult_group, count in plan:
        place = LOCS[lk]
        for _ in range(count):
            day = rand_day(date(2023, 3, 1), date(2025, 5, 31))
            t = rand_evening(day)
            have = PRESENCE.get(lk, {"children": set()})["children"]
            kids = [c for c in CHILDREN if c.group in groups and c.window[0] <= day <= c.window[1]]
            kids.sort(key=lambda c: (c.key in have, c.n))
            kids = kids[:2]
            if not kids:
                continue
            g = adult_group or kids[0].group
            adults = [R.choice(GROUPS[g]["key"])] + R.sample([m for m in GROUPS[g]["members"] if m not in GROUPS[g]["key"]], 1)
            text = "Observation log at %s: %s arrived at %s with %s and stayed until after midnight." % (
                place.name, " and ".join(nm(a, A) for a in adults), t.strftime("%H:%M"), " and ".join(child_desc(c, A, day) for c in kids))
            it = police_item(t, text, observed=iso_dt(t), grade=R.choice(["1AP", "1BP", "2BP"]))
            for c in kids:
                at_loc(A, c, place, it, at=iso_dt(t))
                for a in adults:
                    link(A, "seen_with", per(A, c, it, "child_at_risk"), per(A, a, it), it, at=iso_dt(t))
            for a in adults:
                at_loc(A, a, place, it, at=iso_dt(t))


# ---------------------------------------------------------------------------------------------
# Social care, education, health, voluntary: profiles, care periods, families, professionals
# ---------------------------------------------------------------------------------------------

CSV_LAC = {1, 2, 15, 21, 25}                                     # care periods carried by the CSV export
CSV_PARENT_LINKS = {("p_oriel", 2), ("f_hollindale", 15), ("f_mossford", 21), ("p_emberton", 25)}
CONCERN = {"A": "sexual exploitation", "B": "criminal exploitation", "C": "sexual exploitation"}


def gen_social_care():
    A = "social_care"
    for c in CHILDREN:
        day = c.window[0] + timedelta(days=R.randint(5, 70))
        G = GROUPS[c.group]
        text = "MACE referral: %s assessed as at significant risk of %s; adults of concern include %s." % (
            child_desc(c, A, day), CONCERN[c.group], " and ".join(a.full for a in G["key"]))
        it = REG.item(A, "LCS", day, text, grade=R.choice(["1AC", "1AC", "2BC"]), conditions=CONDITIONS[0], width=5)
        cr = per(A, c, it, "child_at_risk")
        for home, frm, to in c.homes:
            at = ("%s/%s" % (frm, to)) if frm and to else (frm or None)
            if at and D(at[:10]) < c.window[0]:
                at = None    # the placement began before the child was 12; the period is in the care record
            link(A, "resides_at", cr, loc(A, home, it), it, at=at)
        if c.lac and c.n not in CSV_LAC:
            frm, to, placement = c.lac
            rec_day = max(D(frm), D(to) if to else D(frm), date(2023, 1, 12)) + timedelta(days=R.randint(2, 9))
            text = "Care record: %s looked after by %s from %s%s; placed at %s." % (
                c.full, AUTHORITY, D(frm).strftime("%d/%m/%Y"), (" to %s" % D(to).strftime("%d/%m/%Y")) if to else "", LOCS[placement].name)
            it = REG.item(A, "LCS", rec_day, text, grade="1AP", width=5)
            rec = {"type": "looked_after", "child": per(A, c, it, "child_at_risk"), "from": frm}
            if to:
                rec["to"] = to
            rec.update({"authority": AUTHORITY, "item": it})
            REG.add(A, rec)
    for p in PARENTS:
        for c in p.children:
            if (p.key, c.n) in CSV_PARENT_LINKS:
                continue
            day = c.window[0] + timedelta(days=R.randint(10, 90))
            rel = {"parent_of": "parent", "carer_of": "carer"}[p.rel]
            if p.key == "g_larkhurst":
                rel = "grandmother and special guardian"
            text = "Family network record: %s is the %s of %s and lives at %s." % (p.full, rel, c.full, p.home.address)
            it = REG.item(A, "LCS", day, text, grade="1AP", width=5)
            pr, cr = per(A, p, it, "parent_or_carer"), per(A, c, it, "child_at_risk")
            link(A, p.rel, pr, cr, it)
            link(A, "resides_at", pr, loc(A, p.home, it), it)
    for x, y in SIBLINGS:
        a, b = CH[x], CH[y]
        day = max(a.window[0], b.window[0]) + timedelta(days=R.randint(10, 60))
        it = REG.item(A, "LCS", day, "Family network record: %s and %s are %ssiblings." % (a.full, b.full, "" if a.sur == b.sur else "half-"), grade="1AP", width=5)
        link(A, "sibling_of", per(A, a, it, "child_at_risk"), per(A, b, it, "child_at_risk"), it)
    for k, n, rel in RELATIVES:
        a, c = PEOPLE[k], CH[n]
        day = c.window[0] + timedelta(days=R.randint(20, 120))
        text = "Family network record: %s is %s's %s%s." % (a.full, c.full, rel, "; he is also named in police intelligence about the %s" % GROUPS[a.group]["name"] if a.group else "")
        it = REG.item(A, "LCS", day, text, grade="2BP", width=5)
        link(A, "relative_of", per(A, a, it, "associate" if a.group else "parent_or_carer"), per(A, c, it, "child_at_risk"), it)
    # older social care material keeps its 5x5x5 grade
    for day, grade, text, who, place in [
        ("2010-03-15", "B24", "Larkspur House log: a looked-after girl returned at 04:00 saying she had been at a flat in Kestrel Yard; a man called Warren had given her vodka.", "c3", "kestrel_yard"),
        ("2011-11-28", "C33", "Strategy meeting minutes: girls from two Wexcombe estates being driven to The Anchorage Hotel by a man known as Daz; no child would give a statement.", "a1", "anchorage"),
    ]:
        it = REG.item(A, "LEG-%s" % day[:4], D(day), text, observed="~%s" % day[:7], grade=grade, year_in_ref=False, width=3)
        at_loc(A, PEOPLE[who], LOCS[place], it, at="~%s" % day[:7])
    # calls to a children's home, recorded person to person
    it = REG.item(A, "LCS", date(2024, 3, 4), "Harbourview House log: six calls to the home's landline on 3 March 2024 from a man who gave his name as Darren Quillfeather, asking for Zoë.",
                  observed="2024-03-03", grade="1AP", width=5)
    for h, m in ((18, 5), (19, 40), (20, 2), (21, 15), (22, 30), (23, 55)):
        link(A, "contacted", per(A, PEOPLE["a1"], it, "associate"), per(A, CH[1], it, "child_at_risk"), it,
             at="2024-03-03T%02d:%02d" % (h, m), mode="call")
    for s in STAFF[:2]:
        it = REG.item(A, "LCS", date(2023, 1, 16) + timedelta(days=R.randint(0, 20)), "Staff record: %s is the %s." % (s.full, s.job), grade="1AP", width=5)
        link(A, "works_at", per(A, s, it, "professional"), loc(A, s.workplace, it), it, at="~2019")
    # a professional's account of an adult at the home
    it = REG.item(A, "LCS", date(2024, 9, 12), "Larkspur House manager Priya Netherfold reports Idris Vetchley waiting in a blue Golf outside the home on three evenings this month.",
                  observed="~2024-09", width=5)
    per(A, STAFF[1], it, "witness")
    link(A, "frequents", per(A, PEOPLE["c2"], it, "associate"), loc(A, LOCS["larkspur"], it), it, at="~2024-09")
    link(A, "frequents", veh(A, VEH["c_golf"], it), loc(A, LOCS["larkspur"], it), it, at="~2024-09")
    presence(LOCS["larkspur"], PEOPLE["c2"])


def gen_education():
    A = "education"
    it = REG.item(A, "DSL", date(2023, 1, 9), "Staff record: Owen Tidewell is the designated safeguarding lead at Thistledown Academy.", grade="1AP")
    link(A, "works_at", per(A, STAFF[2], it, "professional"), loc(A, LOCS["academy"], it), it, at="~2018")
    for c in CHILDREN:
        if "sims" not in c.ids or A in c.restrict:
            continue
        day = c.window[0] + timedelta(days=R.randint(0, 50))
        text = "School safeguarding file opened for %s: attendance %d%% this term; staff concerned about adults waiting near the gate at home time." % (
            child_desc(c, A, day), R.randint(48, 82))
        it = REG.item(A, "DSL", day, text)
        at_loc(A, c, LOCS["academy"], it)
    d = PEOPLE["d_zoe"]
    it = REG.item(A, "ADM", date(2023, 9, 6), "Admissions record: Zoe Marblewood, born 04/07/2010, joined Year 8 from another county; lives at Harbourview House.", grade="1AP")
    per(A, d, it, "child_at_risk")
    link(A, "resides_at", d.ref(A), loc(A, LOCS["harbourview"], it), it, at="2023-09")


def gen_health():
    A = "health"
    for c in CHILDREN:
        if "ehr" not in c.ids:
            continue
        day = day_in(c)
        text = R.choice([
            "CAMHS assessment of %s: low mood and poor sleep; the child spoke of adults who 'look after' them and are owed money.",
            "Sexual health clinic: %s attended with an adult who would not give a name; safeguarding referral made.",
            "School nurse review of %s: unexplained bruising and new expensive clothing; referred to the MASH.",
            "GP records %s attending with injuries after a night away from home; father not aware where the child had been.",
        ]) % child_desc(c, A, day)
        it = REG.item(A, "HLT", day, text, observed=day.isoformat())
        per(A, c, it, "child_at_risk")
    d = PEOPLE["d_thistlewood"]
    it = REG.item(A, "HLT", date(2024, 2, 14), "Emergency department record: THISTLEWOOD, Marcus (born 23/11/1979) treated for a hand injury; said he works nights.", grade="1AC", conditions=CONDITIONS[3])
    per(A, d, it, "associate")
    d = PEOPLE["d_emberly"]
    it = REG.item(A, "HLT", date(2024, 8, 3), "Emergency department record: EMBERLY, Connor (born 20/07/1991) brought a 15-year-old boy in with a stab wound and left before police arrived.",
                  grade="2BC", conditions=CONDITIONS[3])
    per(A, d, it, "associate")


def gen_voluntary():
    A = "voluntary"
    s = STAFF[3]
    it = REG.item(A, "YW", date(2023, 1, 18), "Staff record: Bex Harrowgate is a detached youth worker with Wexcombe Youth Reach, covering Wexcombe and Hallowmere town centres.", grade="1AP")
    link(A, "works_at", per(A, s, it, "professional"), org(A, ORGS["youth_reach"], it), it, at="~2021")
    d = PEOPLE["d_brackenbury"]
    it = REG.item(A, "YW", date(2024, 5, 17), "Youth worker session log: BRACKENBURY-VOSS Lee (born 03/02/1990), a taxi driver, offering free lifts to children outside Wexcombe Arcade.",
                  observed="2024-05-17T21:30", grade="2CP")
    at_loc(A, d, LOCS["arcade"], it, at="2024-05-17T21:30")
    d = PEOPLE["d_fallowfield"]
    it = REG.item(A, "YW", date(2024, 10, 2), "Youth worker session log: man known as Shane Fallowfield, thought to be in his late thirties, buying chips for children at Quayside Kebab House.",
                  observed="2024-10-01T20:45", grade="3CC", conditions=CONDITIONS[4])
    at_loc(A, d, LOCS["quayside_kebab"], it, at="2024-10-01T20:45")
    for k in range(6):
        day = rand_day(date(2023, 3, 1), date(2025, 5, 30))
        t = rand_evening(day)
        place = LOCS[R.choice(["gullwing_pizza", "fishgate_rank", "quayside_kebab", "drowned_fiddler"])]
        kids = [c for c in CHILDREN if c.window[0] <= day <= c.window[1] and A not in c.restrict and c.group == ("C" if place.town == "Hallowmere" else R.choice("AB"))]
        kids = R.sample(kids, min(2, len(kids)))
        if not kids:
            continue
        text = "Outreach session at %s: youth worker spoke with %s; adult men in cars were watching the group." % (
            place.name, " and ".join(child_desc(c, A, day) for c in kids))
        it = REG.item(A, "YW", recorded_after(t, 0, 2), text, observed=iso_dt(t))
        at_loc(A, s, place, it, at=iso_dt(t))
        for c in kids:
            at_loc(A, c, place, it, at=iso_dt(t))


# ---------------------------------------------------------------------------------------------
# CSV exports and their mappings
# ---------------------------------------------------------------------------------------------

CALLS_MAPPING = """mapping: 1
name: Wexcombe Police phone download - call and message records
encoding: utf-8
delimiter: ","
records:
  - type: item
    agency: police
    ref: "CDR-{Call ID}"
    recorded: { column: Extracted, date: dd/MM/yyyy }
    observed: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
    grade: 1AP
    summary: "Phone download record {Call ID}: {Type} from {Caller} to {Recipient}."
  - type: link
    link: contacted
    from: "phone:{Caller}"
    to: "phone:{Recipient}"
    at: { column: Start, date: "dd/MM/yyyy HH:mm:ss" }
    mode: { column: Type, map: { VOICE: call, SMS: sms, MMS: message } }
    duration: { column: Duration, number: true }
    item: "police/CDR-{Call ID}"
"""

MISSING_MAPPING = """mapping: 1
name: Wexcombe Police missing person system export
encoding: utf-8
records:
  - type: item
    agency: police
    ref: "{Reference}"
    recorded: { column: Date Recorded, date: dd/MM/yyyy }
    observed: { column: Reported Missing, date: "dd/MM/yyyy HH:mm" }
    grade: { column: Grade }
    conditions: "{Handling Conditions}"
    summary: "{Circumstances}"
  - type: missing
    child: "person:niche/{Child System ID}"
    start: { column: Reported Missing, date: "dd/MM/yyyy HH:mm" }
    end: { column: Found, date: "dd/MM/yyyy HH:mm" }
    missingFrom: "location:uprn/{Missing From UPRN}"
    foundAt: "location:uprn/{Found At UPRN}"
    foundWith: { column: Found With, split: ";", each: "person:niche/{}" }
    item: "police/{Reference}"
"""

REFERRALS_MAPPING = """mapping: 1
name: Wexcombe Borough Council children's social care referrals
encoding: windows-1252
delimiter: ","
records:
  - type: item
    agency: social_care
    ref: "REF-{Referral No}"
    recorded: { column: Date Received, date: dd/MM/yyyy }
    grade: { column: Grade }
    conditions: "{Conditions}"
    summary: "Referral from {Referrer}: {Concern}"
  - type: person
    id: "person:lccs/{Child ID}"
    name: "{Forename} {Surname}"
    dob: { column: DOB, date: dd/MM/yyyy }
    roles: [child_at_risk]
    ids: ["person:niche/{Police ID}"]
    item: "social_care/REF-{Referral No}"
  - type: looked_after
    when: LAC Start
    child: "person:lccs/{Child ID}"
    from: { column: LAC Start, date: dd/MM/yyyy }
    to: { column: LAC End, date: dd/MM/yyyy }
    authority: Wexcombe Borough Council
    item: "social_care/REF-{Referral No}"
  - type: person
    when: Carer ID
    id: "person:lccs/{Carer ID}"
    name: "{Carer Name}"
    roles: [parent_or_carer]
    item: "social_care/REF-{Referral No}"
  - type: link
    when: Carer ID
    link: { column: Carer Relationship, map: { Parent: parent_of, Foster carer: carer_of, Special guardian: carer_of } }
    from: "person:lccs/{Carer ID}"
    to: "person:lccs/{Child ID}"
    item: "social_care/REF-{Referral No}"
"""


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


CALL_COUNTS = {}


def gen_calls():
    downloads = [
        ("DL1", "a_line", date(2024, 11, 22), date(2024, 5, 20), date(2024, 11, 19), 170,
         [("a1_personal", 8), ("a2_personal", 6), ("a4_personal", 2), ("a5_personal", 3), ("a6_personal", 2), ("a7_personal", 2),
          ("a_line2", 4), ("x1_personal", 5), ("gift_zoe", 7), ("gift_skye", 5), ("child_03", 3), ("child_06", 2), ("child_22", 2),
          ("child_13", 2), ("b_line1", 2)]),
        ("DL2", "x1_personal", date(2025, 3, 12), date(2024, 9, 10), date(2025, 3, 9), 130,
         [("a_line", 5), ("a_line2", 4), ("a1_personal", 3), ("a2_personal", 3), ("b1_personal", 5), ("b2_personal", 4),
          ("b_line1", 5), ("b_line2", 3), ("x2_personal", 4), ("child_04", 2), ("child_10", 2), ("c_line1", 1)]),
    ]
    rows = []
    for dl, handset_key, extracted, lo, hi, count, contacts in downloads:
        handset = PHONES[handset_key]
        starts = sorted(datetime.combine(rand_day(lo, hi), datetime.min.time()) + timedelta(seconds=R.randint(7 * 3600, 26 * 3600 - 1))
                        for _ in range(count))
        for i, start in enumerate(starts, 1):
            other = PHONES[pick_weighted(contacts)]
            typ = pick_weighted([("VOICE", 45), ("SMS", 45), ("MMS", 10)])
            outgoing = R.random() < 0.55
            a, b = (handset, other) if outgoing else (other, handset)
            dur = str(R.choice([0, R.randint(4, 60), R.randint(30, 900)])) if typ == "VOICE" else ""
            rows.append(["%s-%05d" % (dl, i), spell_phone(a.n), spell_phone(b.n), start.strftime("%d/%m/%Y %H:%M:%S"), dur, typ,
                         extracted.strftime("%d/%m/%Y")])
            key = tuple(sorted((a.key, b.key)))
            CALL_COUNTS[key] = CALL_COUNTS.get(key, 0) + 1
    header = ["Call ID", "Caller", "Recipient", "Start", "Duration", "Type", "Extracted"]
    return csv_text(header, rows), len(rows)


def gen_missing_csv():
    rows = []
    n = 1000
    for ep in EPISODES:
        if not ep["csv"]:
            continue
        n += R.randint(1, 7)
        c = ep["child"]
        ref = "MISPER-%02d-%04d" % (ep["start"].year % 100, n)
        start, end = ep["start"], ep["end"]
        if end is None:
            circ = "%s reported missing from %s at %s; not yet found when this export was taken." % (
                child_desc(c, "police", start), ep["from"].name, start.strftime("%H:%M"))
            recorded = start.date() + timedelta(days=1)
        else:
            hours = int((end - start).total_seconds() // 3600)
            if ep["at"] is not None:
                circ = "%s reported missing from %s; found at %s %s after %d hours." % (
                    child_desc(c, "police", start), ep["from"].name, ep["at"].name, describe_with(ep, "police", start), hours)
            else:
                circ = "%s reported missing from %s; came back after %d hours and would not say where." % (
                    child_desc(c, "police", start), ep["from"].name, hours)
            recorded = end.date() + timedelta(days=R.randint(0, 2))
        grade = pick_weighted([("1AP", 6), ("2BP", 3), ("3CC", 1)])
        cond = R.choice(CONDITIONS[:3]) if grade.endswith("C") else ""
        sep = "; " if len(ep["with"]) > 1 and R.random() < 0.5 else ";"
        fw = sep.join(m.ref("police").removeprefix("person:niche/") for m in ep["with"])
        rows.append([ref, c.ids["niche"], start.strftime("%d/%m/%Y %H:%M"), end.strftime("%d/%m/%Y %H:%M") if end else "",
                     ep["from"].uprn, ep["at"].uprn if ep["at"] is not None else "", fw, circ, recorded.strftime("%d/%m/%Y"), grade, cond])
        ep["item"] = "police/" + ref
        REG.texts.append(("missing_episodes.csv " + ref, circ))
    header = ["Reference", "Child System ID", "Reported Missing", "Found", "Missing From UPRN", "Found At UPRN", "Found With",
              "Circumstances", "Date Recorded", "Grade", "Handling Conditions"]
    return csv_text(header, rows), len(rows)


REFERRAL_CONCERNS = {
    1: "Harbourview staff report Zoë’s new phone is paid for by an adult she calls ‘Daz’; she came back from a night missing with £60 and a hotel key card.",
    2: "Mother reports Siân is collected from Station Road most evenings by men in a blue Golf and comes home smelling of shisha.",
    15: "Foster carer reports Logan has been given a phone and told to ‘work off’ a debt; seen at Fishgate taxi rank late at night.",
    21: "Foster carer reports Kieran returns with cash and cannabis; an adult called ‘Cal’ rings the house asking for him.",
    25: "Alfie placed at Harbourview House after repeated missing episodes; adults from the Fishgate area wait for him outside.",
    3: "School reports Amy-Lou is picked up at the gate by a silver Corsa; her father did not know the driver.",
    6: "Youth Reach reports Ellie-Mae is being sent money by an adult on Instagram and asked to meet at Ropewalk Court.",
    10: "Police report Harvey found carrying cannabis and £300 at Lantern Fried Chicken; adults there told him what to do.",
    19: "Mother reports Lacey and her younger sister are visited at home by a man called ‘Dex’ who gives them vapes.",
    24: "School nurse reports Ruby is frightened of her uncle’s friends at Flat 3, Ropewalk Court.",
    28: "Neighbour reports Dylan is being driven around by men in a white van and made to carry packages.",
    5: "Mother reports Mia’s phone is full of messages from an adult called ‘Ty’; Mia says she has to go when he calls.",
    14: "Mother reports Skye goes missing after messages on TikTok; she came back with new clothes and would not say who bought them.",
    16: "School reports Chloe stays at an address in Saltmarsh Close with an older woman and adult men visit there.",
    22: "School reports Paige has been seen getting into a black BMW after school.",
    11: "Special guardian reports Maisie was brought home at 03:00 by a taxi from Bluewater Cars; she was frightened.",
    9: "Larkspur House reports Leah was found at 7 Kestrel Yard again; an adult there had given her alcohol.",
}


def referrer_of(concern):
    for prefix, who in [("School nurse", "Health"), ("School", "School"), ("Mother", "Parent or carer"), ("Foster carer", "Parent or carer"),
                        ("Special guardian", "Parent or carer"), ("Police", "Police"), ("Youth Reach", "Wexcombe Youth Reach"),
                        ("Harbourview", "Residential care"), ("Larkspur", "Residential care"), ("Neighbour", "Member of the public"),
                        ("Alfie placed", "Residential care")]:
        if concern.startswith(prefix):
            return who
    return "Police"


def gen_referrals_csv():
    order = [1, 3, 2, 6, 15, 10, 21, 19, 24, 25, 28, 5, 14, 16, 22, 11, 9, 1, 2, 21]
    rows = []
    for k in order:
        c = CH[k]
        lo = max(c.window[0], date(2024, 1, 8))
        if c.lac and k in CSV_LAC:
            lo = max(lo, D(c.lac[1] or c.lac[0]) + timedelta(days=3))
        rows.append((rand_day(min(lo, c.window[1]), c.window[1]), k))
    rows.sort()
    out = []
    seen = set()
    n = 70410
    for day, k in rows:
        c = CH[k]
        n += R.randint(3, 40)
        grade = pick_weighted([("1AC", 3), ("2BC", 2), ("1AP", 2), ("2BP", 2)])
        first = k not in seen
        seen.add(k)
        concern = REFERRAL_CONCERNS[k] if first else "Re-referral: further missing episodes; concerns as before."
        row = {"Referral No": "%d" % n, "Date Received": day.strftime("%d/%m/%Y"), "Child ID": c.ids["lccs"],
               "Forename": c.fore, "Surname": c.sur, "DOB": c.dob.strftime("%d/%m/%Y"),
               "Police ID": c.ids["niche"] if (k * 7 + n) % 5 else "",
               "Referrer": referrer_of(concern) if first else R.choice(["Police", "School", "Residential care"]),
               "Concern": concern, "Grade": grade, "Conditions": CONDITIONS[1] if grade.endswith("C") else "",
               "LAC Start": "", "LAC End": "", "Carer ID": "", "Carer Name": "", "Carer Relationship": ""}
        if first and c.lac and k in CSV_LAC:
            row["LAC Start"] = D(c.lac[0]).strftime("%d/%m/%Y")
            row["LAC End"] = D(c.lac[1]).strftime("%d/%m/%Y") if c.lac[1] else ""
        carer = [key for key, nn in sorted(CSV_PARENT_LINKS) if nn == k]
        if first and carer:
            p = PEOPLE[carer[0]]
            row["Carer ID"] = p.ids["lccs"]
            row["Carer Name"] = p.full
            row["Carer Relationship"] = "Parent" if p.rel == "parent_of" else "Foster carer"
        out.append(row)
        REG.texts.append(("social_care_referrals.csv " + row["Referral No"], "Referral from %s: %s" % (row["Referrer"], row["Concern"])))
    rows = out
    header = ["Referral No", "Date Received", "Child ID", "Forename", "Surname", "DOB", "Police ID", "Referrer", "Concern", "Grade",
              "Conditions", "LAC Start", "LAC End", "Carer ID", "Carer Name", "Carer Relationship"]
    return csv_text(header, [[r[h] for h in header] for r in rows]), len(rows), rows


# ---------------------------------------------------------------------------------------------
# The planted truth
# ---------------------------------------------------------------------------------------------

def person_brief(p):
    d = {"id": p.canonical, "name": p.full}
    if p.dob_text:
        d["dob"] = p.dob_text
    if len(p.ids) > 1:
        d["allIds"] = p.all_refs()
    return d


def hotspot_ranking():
    rows = []
    for key, d in PRESENCE.items():
        l = LOCS[key]
        rows.append({"location": l.ref, "name": l.name, "category": l.category, "children": len(d["children"]),
                     "suspects": len(d["suspects"]), "score": len(d["children"]) + len(d["suspects"]), "planted": key in HOTSPOTS})
    rows.sort(key=lambda r: (-r["score"], -r["children"], r["name"]))
    for i, r in enumerate(rows, 1):
        r["rank"] = i
    return rows


def warning_notice_candidates():
    pairs = {}
    boundary = {}
    for ep in EPISODES:
        c = ep["child"]
        for m in ep["with"]:
            if age_on(m.dob, ep["start"]) < 18:
                continue
            key = (m.key, c.key)
            if age_on(c.dob, ep["start"]) < 16:
                pairs.setdefault(key, []).append(ep)
            else:
                boundary.setdefault(key, []).append(ep)
    issued = {(n["subject"], n.get("child")) for n in NOTICES if n["notice"] == "cawn"}
    out = []
    for (ak, ck), eps in pairs.items():
        if len(eps) < 2:
            continue
        a, c = PEOPLE[ak], PEOPLE[ck]
        days = sorted(D(str(e["start"])[:10]) for e in eps)
        out.append({"adult": a.canonical, "adultName": a.full, "child": c.canonical, "childName": c.full,
                    "episodesUnder16": len(eps), "episodeItems": [e["item"] for e in eps],
                    "daysFirstToLast": (days[-1] - days[0]).days,
                    "cawnAlreadyIssued": (a.canonical, c.canonical) in issued})
    out.sort(key=lambda r: (-r["episodesUnder16"], r["adult"], r["child"]))
    near = []
    for (ak, ck), eps in sorted(boundary.items()):
        under = len(pairs.get((ak, ck), []))
        if len(eps) + under >= 2 and under < 2:
            a, c = PEOPLE[ak], PEOPLE[ck]
            near.append({"adult": a.canonical, "adultName": a.full, "child": c.canonical, "childName": c.full,
                         "episodesUnder16": under, "episodesAged16Plus": len(eps),
                         "note": "found together on at least two missing episodes, but not twice while the child was under 16; "
                                 "other associations, or the child being looked after while under 18, can still make the pair a candidate"})
    return out, near


def norm_ident(ref):
    """A simplified copy of the tool's identifier normalisation, enough for the spellings used here."""
    scheme, _, value = ref.partition(":")
    scheme = scheme.strip().lower()
    value = value.strip()
    if scheme == "phone":
        v = value.replace("(0)", "")
        plus = v.startswith("+")
        d = "".join(ch for ch in v if ch.isdigit())
        if plus:
            pass
        elif d.startswith("00"):
            d = d[2:]
        elif d.startswith("0"):
            d = "44" + d[1:]
        return "phone:+" + d
    if scheme == "imei":
        return "imei:" + "".join(ch for ch in value if ch.isdigit())[:14]
    if scheme == "vehicle":
        return "vehicle:" + value.replace(" ", "").replace("-", "").upper()
    if scheme == "account":
        plat, _, h = value.partition("/")
        return "account:%s/%s" % (plat.lower(), h.lstrip("@").lower())
    system, _, ident = value.partition("/")
    return "%s:%s/%s" % (scheme, system.strip().lower(), ident.strip())


def simulate_merges(out, referral_rows):
    """Replays the files in the tool's order and lists the records that join two existing entities."""
    parent = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    merges = []

    def touch(refs, where):
        ids = [norm_ident(r) for r in refs]
        existing = sorted({find(i) for i in ids if i in parent})
        for i in ids:
            parent.setdefault(i, i)
        if len(existing) > 1:
            merges.append({"at": where, "joins": existing})
        root = find(ids[0])
        for i in ids[1:]:
            parent[find(i)] = root

    for a in sorted(AGENCIES):
        with open(os.path.join(out, "jsonl", a + ".jsonl"), encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                rec = json.loads(line)
                where = "jsonl/%s.jsonl:%d" % (a, n)
                t = rec["type"]
                if t in ("person", "vehicle", "phone", "account", "location", "organisation"):
                    touch([rec["id"]] + rec.get("ids", []) + (["imei:" + rec["imei"]] if "imei" in rec else []), where)
                elif t == "link":
                    touch([rec["from"]], where)
                    touch([rec["to"]], where)
                elif t == "missing":
                    for r in [rec["child"], rec.get("missingFrom"), rec.get("foundAt")] + rec.get("foundWith", []):
                        if r:
                            touch([r], where)
    for row in referral_rows:   # the only CSV whose records carry more than one identifier
        refs = ["person:lccs/" + row["Child ID"]] + (["person:niche/" + row["Police ID"]] if row["Police ID"] else [])
        touch(refs, "csv/social_care_referrals.csv (referral %s)" % row["Referral No"])
    return merges


def build_truth(call_rows, missing_rows, referral_rows, out=None, referral_data=()):
    groups = []
    for g, G in GROUPS.items():
        lines = []
        for line in G["lines"]:
            lines.append({"phone": line.canonical, "users": sorted(PEOPLE[k].canonical for k in PHONE_USERS.get(line.key, ()))})
        groups.append({
            "group": g, "name": G["name"], "town": G["town"],
            "members": [person_brief(m) for m in G["members"]],
            "keyAdults": [m.canonical for m in G["key"]],
            "sharedVehicles": [{"vehicle": v.canonical, "reg": v.reg, "description": "%s %s %s" % (v.colour, v.make, v.model)} for v in G["vehicles"]],
            "sharedPhones": lines,
            "sharedAddresses": [{"location": G["flat"].ref, "address": G["flat"].address,
                                 "residents": sorted(m.canonical for m in G["members"] if m.home is G["flat"])}],
        })
    brokers = [{"person": person_brief(b), "linksGroups": BROKER_GROUPS[b.key],
                "sharedPhone": {"x1": PHONES["a_line2"].canonical, "x2": PHONES["c_line2"].canonical}[b.key],
                "vehicle": VEH["x_merc"].canonical if b.key == "x1" else VEH["c_golf"].canonical} for b in BROKERS]
    harbourers = [{"person": person_brief(h), "address": h.home.ref, "addressText": h.home.address,
                   "children": sorted(set(PEOPLE[k].canonical for k in HARBOURER_CHILDREN[h.key]))} for h in HARBOURERS]
    ranking = hotspot_ranking()
    top = [r["location"] for r in ranking[:len(HOTSPOTS)]]
    assert set(top) == {LOCS[k].ref for k in HOTSPOTS}, "planted hotspots do not lead: %s" % [(r["name"], r["score"]) for r in ranking[:8]]
    cands, near = warning_notice_candidates()
    for x in cands:
        nc = [r for r in NON_CONSENTS if r["child"] == x["child"] and r["adult"] in (None, x["adult"])]
        x["nonConsentRecorded"] = nc[0] if nc else None
    children = []
    for c in CHILDREN:
        eps = [e for e in EPISODES if e["child"] is c]
        d = person_brief(c)
        d.update({"group": c.group, "ageRangeDuringEvents": [age_on(c.dob, c.window[0]), age_on(c.dob, c.window[1])],
                  "homes": [{"location": h.ref, "name": h.name, "from": f, "to": t} for h, f, t in c.homes],
                  "missingEpisodes": len(eps),
                  "foundWith": sorted(set(m.canonical for e in eps for m in e["with"]))})
        if c.lac:
            d["lookedAfter"] = {"authority": AUTHORITY, "from": c.lac[0], "to": c.lac[1],
                                "source": "csv/social_care_referrals.csv" if c.n in CSV_LAC else "jsonl/social_care.jsonl"}
        children.append(d)
    # Only identifiers that some file actually carries: a full reference in JSON Lines, or the bare
    # ID in a CSV export (whose mapping adds the "person:SYSTEM/" prefix).
    emitted = ""
    if out:
        for root, _, names in os.walk(out):
            for n in names:
                if n.endswith(".jsonl") or n.endswith(".csv"):
                    with open(os.path.join(root, n), "rb") as f:
                        emitted += f.read().decode("utf-8", errors="replace") + "\n"
    def used(ref):
        return not out or ('"%s"' % ref) in emitted or ("," + ref.split("/", 1)[1] + ",") in emitted

    strong = []
    for c in CHILDREN:
        strong.append({"ids": [r for r in c.all_refs() if used(r)], "name": c.full, "mustBeOneEntity": True})
    for p in PEOPLE.values():
        if p.kind == "adult" and len(p.ids) > 1:
            strong.append({"ids": [r for r in p.all_refs() if used(r)], "name": p.full, "mustBeOneEntity": True})
    real_merges = simulate_merges(out, referral_data) if out else []
    planted_merges = [
        {"what": "child", "ids": [CH[9].sysref("niche"), CH[9].sysref("lccs")], "name": CH[9].full,
         "how": "police.jsonl and social_care.jsonl create separate entities; a record in voluntary.jsonl names both, so the tool merges them"},
        {"what": "child", "ids": [CH[12].sysref("sims"), CH[12].sysref("niche"), CH[12].sysref("lccs")], "name": CH[12].full,
         "how": "education.jsonl (school ID) and police.jsonl (police ID) create separate entities; the first record in social_care.jsonl names both, so the tool merges them"},
        {"what": "phone", "ids": [PHONES["gift_zoe"].canonical, "imei:" + PHONES["gift_zoe"].imei[:14]],
         "how": "health.jsonl records the number; police.jsonl logs the handset by IMEI, then a later line gives the number with that IMEI"},
    ]
    spellings = {
        "phone": {"canonical": PHONES["a_line"].canonical, "spellings": [spell_phone(123, s) for s in range(len(PHONE_STYLES))],
                  "note": "every phone in the set is written in several of these spellings across the files"},
        "vehicle": {"canonical": VEH["a_corsa"].canonical, "spellings": ["WX19 KPQ", "wx19 kpq", "WX19KPQ"]},
        "account": {"canonical": ACC["kaz_snap"].canonical, "spellings": ["snapchat/@Kaz_Wex99", "snapchat/kaz_wex99", "snapchat/@KAZ_WEX99"]},
    }
    name_only = [{"a": d.of.canonical, "aName": d.of.full, "aDob": d.of.dob_text, "b": d.canonical, "bName": d.name_override[d.agency],
                  "bDob": d.dob_text, "file": "jsonl/%s.jsonl" % d.agency, "why": d.why, "expect": "listed by 'resolve candidates', never merged automatically"}
                 for d in NAME_DUPS]
    traps = [
        {"a": PEOPLE["c1"].canonical, "aName": PEOPLE["c1"].full, "aDob": PEOPLE["c1"].dob_text,
         "b": TRAP_RYAN.canonical, "bName": TRAP_RYAN.full, "bDob": TRAP_RYAN.dob_text,
         "why": "same name, dates of birth 19 years apart: different people", "expect": "not listed as a candidate"},
        {"a": PEOPLE["p_wrenfield"].canonical, "aName": PEOPLE["p_wrenfield"].full, "aDob": PEOPLE["p_wrenfield"].dob_text,
         "b": CH[8].canonical, "bName": CH[8].full, "bDob": CH[8].dob_text,
         "why": "mother and daughter share a name and an address: different people", "expect": "not listed as a candidate"},
    ]
    link_counts = {}
    for kind, _ in LINK_LOG:
        link_counts[kind] = link_counts.get(kind, 0) + 1
    link_counts["contacted (calls.csv)"] = call_rows
    jsonl_eps = sum(1 for e in EPISODES if not e["csv"])
    link_counts["found_with (from missing records)"] = sum(len(e["with"]) for e in EPISODES)
    link_counts["found_at (from missing records)"] = sum(1 for e in EPISODES if e["at"] is not None)
    people_entities = len(PEOPLE)
    return {
        "about": "Planted structure of the fictional Wexcombe sample set, written by scripts/make-samples.py (seed %d). Every name, number, vehicle and place is made up." % SEED,
        "offendingGroups": groups,
        "brokers": brokers,
        "harbourers": harbourers,
        "hotspots": {"planted": [LOCS[k].ref for k in HOTSPOTS],
                     "measure": "distinct children plus distinct suspects recorded at the place (missing episodes found there, at_location, frequents, resides_at)",
                     "ranking": ranking[:10]},
        "warningNoticeCandidates": {"rule": "adults aged 18+ found with the same child under 16 on at least two missing episodes (any time apart: sightline notices candidates counts them within --window days, 365 by default)",
                                    "candidates": cands, "boundaryCasesNotCandidates": near},
        "noticesIssued": NOTICES,
        "nonConsentsRecorded": NON_CONSENTS,
        "duplicates": {"strongIdentifier": {"sameEntity": strong, "plantedMerges": planted_merges,
                                            "mergesExpectedOnIngest": real_merges, "spellings": spellings},
                       "nameOnly": name_only, "traps": traps},
        "childrenAtRisk": children,
        "counts": {
            "itemsJsonl": {a: len(REG.items[a]) for a in AGENCIES},
            "itemsJsonlTotal": sum(len(REG.items[a]) for a in AGENCIES),
            "legacyItems": sum(1 for a in AGENCIES for i in REG.items[a] if i["grade"][0] in "ABCDE"),
            "csvRows": {"calls.csv": call_rows, "missing_episodes.csv": missing_rows, "social_care_referrals.csv": referral_rows},
            "personEntitiesExpected": people_entities,
            "childrenAtRisk": len(CHILDREN),
            "adultsInGroups": sum(len(G["members"]) for G in GROUPS.values()),
            "locations": len(LOCS),
            "missingEpisodes": {"jsonl": jsonl_eps, "csv": len(EPISODES) - jsonl_eps, "total": len(EPISODES)},
            "linksByType": dict(sorted(link_counts.items())),
        },
    }


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------

def readme(truth):
    c = truth["counts"]
    g = truth["offendingGroups"]
    items = c["itemsJsonl"]
    hs = [r for r in truth["hotspots"]["ranking"] if r["planted"]]
    lines = [
        "# Sightline samples: Wexcombe (fictional)",
        "",
        "A made-up multi-agency intelligence picture for **Wexcombe** and its neighbour **Hallowmere**, two invented",
        "towns. Every person, business, street, postcode (WX, HM), phone number (Ofcom drama range 07700 900xxx),",
        "IMEI, vehicle mark (ending Q or Z, never issued) and online account is fictional. Written by",
        "`scripts/make-samples.py` (standard library, fixed seed; re-running it gives identical files).",
        "",
        "    sightline ingest Samples/ --db wex.sqlite",
        "    sightline stats --db wex.sqlite",
        "    sightline resolve candidates --db wex.sqlite",
        "",
        "## Files",
        "",
        "- `jsonl/*.jsonl`: canonical JSON Lines (docs/formats.md), one file per agency, items first, then entities, then",
        "  links, missing episodes, care periods, notices and non-consents. Items: " + ", ".join("%s %d" % (a, items[a]) for a in sorted(items)) + ".",
        "  %d items from 2008-2012 (police and social care) keep their legacy 5x5x5 grades." % truth["counts"]["legacyItems"],
        "- `csv/calls.csv` (%d rows): call and message records from two phone downloads, numbers in mixed spellings;" % c["csvRows"]["calls.csv"],
        "  each row is its own item `police/CDR-...` with a `contacted` link.",
        "- `csv/missing_episodes.csv` (%d rows): the police missing-person system export from July 2024, UK dates; each" % c["csvRows"]["missing_episodes.csv"],
        "  row is an item and a missing episode (found-with people separated by `;`).",
        "- `csv/social_care_referrals.csv` (%d rows): children's social care referrals, **windows-1252** encoded, with" % c["csvRows"]["social_care_referrals.csv"],
        "  children, care periods and parents or carers.",
        "- `truth.json`: the planted structure below, with every identifier, for tests and demonstrations.",
        "",
        "## Planted structure",
        "",
        "- %d children at risk of exploitation, aged 12-17 during the events (2023-2025); %d are looked after by" % (c["childrenAtRisk"], sum(1 for x in truth["childrenAtRisk"] if "lookedAfter" in x)),
        "  Wexcombe Borough Council, some with care periods starting or ending in 2024. %d missing episodes in all" % c["missingEpisodes"]["total"],
        "  (%d in JSON Lines, %d in the CSV export)." % (c["missingEpisodes"]["jsonl"], c["missingEpisodes"]["csv"]),
        "- Three offending groups of adults who exploit children: " + "; ".join("%s (%s, %d adults)" % (x["name"], x["town"], len(x["members"])) for x in g) + ".",
        "  Each shares vehicles, phone lines and a flat. Two broker adults link the groups; three adults harbour",
        "  children at their homes.",
        "- Places where adults exploit children, ranked by how many children and suspects are recorded there: " +
        ", ".join("%s (%d children, %d suspects)" % (r["name"], r["children"], r["suspects"]) for r in hs) + ".",
        "- Adults found with the same child under 16 on two or more missing episodes (warning-notice candidates): " +
        ", ".join("%s with %s (%d)" % (x["adultName"], x["childName"], x["episodesUnder16"]) for x in truth["warningNoticeCandidates"]["candidates"]) + ".",
        "  Notices already issued: two Child Abduction Warning Notices, a harbourer warning and a hotel notice.",
        "  Non-consent (which a notice needs) is recorded in `social_care.jsonl` for %d of these pairs (%s); the others" % (
            sum(1 for x in truth["warningNoticeCandidates"]["candidates"] if x.get("nonConsentRecorded")),
            ", ".join("%s with %s, by the %s" % (x["adultName"], x["childName"], x["nonConsentRecorded"]["by"].replace("_", " "))
                      for x in truth["warningNoticeCandidates"]["candidates"] if x.get("nonConsentRecorded"))),
        "  still need it (`sightline notices candidates` flags them).",
        "- Records of the same person under different system IDs that name each other merge automatically. %d records" % len(truth["duplicates"]["strongIdentifier"]["mergesExpectedOnIngest"]),
        "  join entities that were first created apart (two planted children, adults first known to licensing or",
        "  housing, and a handset first logged by IMEI). The same phone, vehicle and Snapchat account are written",
        "  several ways.",
        "- %d name-only duplicate pairs (misspellings, swapped name order, `SURNAME, Forename`, an initial, an" % len(truth["duplicates"]["nameOnly"]),
        "  approximate or mistyped date of birth, another name on the same phone): `resolve candidates` should list",
        "  them and nothing merges them. Two traps (same name, dates of birth years apart) must not be listed.",
        "",
        "Summaries describe what adults did; they never blame a child.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Non-consent to an adult's association with a child (what a Child Abduction Warning Notice needs)
# ---------------------------------------------------------------------------------------------

NON_CONSENTS = []   # for truth.json: {"child", "adult" (or None: any adult), "by", "item"}


def gen_non_consents():
    """Called last in write_all (it draws reference numbers), so every earlier line stays the same.

    Recorded for the two notices already issued (their texts say so), for two of the unissued
    candidates (one for any adult), and for none of the others, so lists show both states."""
    A = "social_care"
    mother_mia = PEOPLE["p_nettlefold"]
    father_amy = PEOPLE["p_fennelly"]
    plans = [
        (1, "a1", "local_authority", date(2024, 3, 27),
         "Record of non-consent: %s, which looks after Zo\u00eb MARBLEWOOD, does not consent to Darren Quillfeather having any contact with her or "
         "taking her anywhere; recorded for a Child Abduction Warning Notice." % AUTHORITY),
        (5, "b1", "parent", date(2024, 11, 14),
         "Record of non-consent: %s, mother of Mia NETTLEFOLD, does not consent to Tyrone Copperwell having any contact with Mia; "
         "recorded for a Child Abduction Warning Notice." % mother_mia.full),
        (3, "a1", "parent", date(2024, 9, 2),
         "Record of non-consent: %s, father of Amy-Lou FENNELLY, does not consent to Darren Quillfeather having any contact with "
         "Amy-Lou; recorded for a Child Abduction Warning Notice to be considered." % father_amy.full),
        (27, None, "local_authority", date(2024, 2, 5),
         "Record of non-consent: %s, which looks after Olivia INKLEBY, does not consent to any adult without parental "
         "responsibility keeping her away from her placement or having contact with her without the authority's agreement." % AUTHORITY),
    ]
    for n, adult_key, by, day, text in plans:
        it = REG.item(A, "LCS", day, text, grade="1AP", width=5)
        rec = {"type": "non_consent", "child": per(A, CH[n], it, "child_at_risk")}
        if adult_key:
            rec["adult"] = per(A, PEOPLE[adult_key], it, "associate")
        rec.update({"by": by, "item": it})
        REG.add(A, rec)
        NON_CONSENTS.append({"child": CH[n].canonical, "adult": PEOPLE[adult_key].canonical if adult_key else None, "by": by, "item": it})


# ---------------------------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------------------------

def write_all(out):
    gen_housing()
    gen_licensing()
    gen_police_groups()
    gen_police_brokers()
    gen_police_legacy()
    plans = gen_episodes()
    gen_child_events()
    gen_hotspot_observations()
    gen_police_notices()
    gen_social_care()
    gen_education()
    gen_health()
    gen_voluntary()
    gen_return_home_interviews(plans)
    calls, n_calls = gen_calls()
    missing, n_missing = gen_missing_csv()
    referrals, n_referrals, referral_rows = gen_referrals_csv()
    gen_non_consents()    # last: it draws reference numbers after everything else

    os.makedirs(os.path.join(out, "jsonl"), exist_ok=True)
    os.makedirs(os.path.join(out, "csv"), exist_ok=True)
    for a in AGENCIES:
        with open(os.path.join(out, "jsonl", a + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for rec in REG.lines(a):
                f.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
    files = {
        "calls.csv": (calls, "utf-8"), "calls.mapping.yaml": (CALLS_MAPPING, "utf-8"),
        "missing_episodes.csv": (missing, "utf-8"), "missing_episodes.mapping.yaml": (MISSING_MAPPING, "utf-8"),
        "social_care_referrals.csv": (referrals, "cp1252"), "social_care_referrals.mapping.yaml": (REFERRALS_MAPPING, "utf-8"),
    }
    for name, (text, enc) in files.items():
        with open(os.path.join(out, "csv", name), "wb") as f:
            f.write(text.encode(enc))
    truth = build_truth(n_calls, n_missing, n_referrals, out, referral_rows)
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(truth, ensure_ascii=False, indent=2) + "\n")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme(truth))
    return truth


def output_files(out):
    names = ["README.md", "truth.json"] + ["jsonl/%s.jsonl" % a for a in AGENCIES]
    names += ["csv/%s" % n for n in ("calls.csv", "calls.mapping.yaml", "missing_episodes.csv", "missing_episodes.mapping.yaml",
                                      "social_care_referrals.csv", "social_care_referrals.mapping.yaml")]
    return names


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def protective_language_patterns():
    """The (name, compiled pattern) pairs of ProtectiveLanguage.phrases in the Swift source.

    Each entry there is written `Phrase("name", #"pattern"#, instead: "...")`, and its patterns use
    only what ICU and Python's re read alike."""
    with open(PROTECTIVE_LANGUAGE, encoding="utf-8") as f:
        source = f.read()
    found = re.findall(r'Phrase\(\s*"([^"]+)",\s*#"(.*?)"#,\s*instead:', source, re.DOTALL)
    if len(found) < 19:
        sys.exit("%s: expected the protective-language phrases, found %d" % (PROTECTIVE_LANGUAGE, len(found)))
    return [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in found]


def check(out):
    problems = []
    patterns = protective_language_patterns()
    texts = []   # (where, text)
    defined = set()
    for a in sorted(AGENCIES):   # the tool reads JSON Lines files in name order
        path = os.path.join(out, "jsonl", a + ".jsonl")
        seen_other = False
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                rec = json.loads(line)
                where = "jsonl/%s.jsonl:%d" % (a, i)
                if rec["type"] == "item":
                    if seen_other:
                        problems.append("%s: item after other records" % where)
                    defined.add("%s/%s" % (rec["agency"], rec["ref"]))
                else:
                    seen_other = True
                    for ref in ([rec["item"]] if "item" in rec else []) + rec.get("items", []):
                        if ref not in defined:
                            problems.append("%s: cites %s, not defined in this or an earlier file" % (where, ref))
                for s in strings_in(rec):
                    if s == "":
                        problems.append("%s: empty string" % where)
                    texts.append((where, s))
    for name in ("calls.csv", "missing_episodes.csv"):
        with open(os.path.join(out, "csv", name), encoding="utf-8") as f:
            texts.append(("csv/" + name, f.read()))
    raw = open(os.path.join(out, "csv", "social_care_referrals.csv"), "rb").read()
    try:
        raw.decode("utf-8")
        problems.append("csv/social_care_referrals.csv is valid UTF-8; it should be windows-1252 with non-ASCII letters")
    except UnicodeDecodeError:
        pass
    decoded = raw.decode("cp1252")
    for needed in ("Zoë", "Siân"):
        if needed not in decoded:
            problems.append("csv/social_care_referrals.csv lacks the name %s" % needed)
    texts.append(("csv/social_care_referrals.csv", decoded))
    for name in ("README.md", "truth.json"):
        with open(os.path.join(out, name), encoding="utf-8") as f:
            texts.append((name, f.read()))
    for where, text in texts:
        for pat, rx in patterns:
            m = rx.search(text)
            if m:
                problems.append("%s: protective-language phrase '%s' matches %r" % (where, pat, m.group(0)))
    # determinism: a second run writes the same bytes
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.abspath(__file__), "--out", tmp], check=True)
        for name in output_files(out):
            if open(os.path.join(out, name), "rb").read() != open(os.path.join(tmp, name), "rb").read():
                problems.append("%s differs between two runs" % name)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=SAMPLES, help="folder to write (default: Samples/ beside scripts/)")
    ap.add_argument("--check", action="store_true", help="after writing, check language, encodings, citations and determinism")
    args = ap.parse_args()
    truth = write_all(args.out)
    c = truth["counts"]
    print("wrote %s: %d JSONL items %s; CSV rows %s; %d missing episodes; %d people; %d locations" % (
        args.out, c["itemsJsonlTotal"], c["itemsJsonl"], c["csvRows"], c["missingEpisodes"]["total"], c["personEntitiesExpected"], c["locations"]))
    if args.check:
        problems = check(args.out)
        for p in problems:
            print("CHECK: " + p, file=sys.stderr)
        if problems:
            sys.exit(1)
        print("check passed: no protective-language phrases, windows-1252 file is not UTF-8, every citation resolves, output is deterministic")


if __name__ == "__main__":
    main()
