#!/usr/bin/env python3
"""Red team 18: an independent synthetic world for lekradar.

Eenheid Midden-Nederland (Utrecht, Amersfoort/Eemland, Heuvelrug-Vallei, Lek en Rijn,
Gooi- en Vechtstreek) with Utrecht Centraal station and the A2/A12 motorways.

    python3 bench/redteam18/gen.py OUTDIR --seed S [--debug]

Writes the context directory files (formats.md section 2) into OUTDIR, the look-up log
as OUTDIR/events.jsonl.gz (JSON Lines, gzip) and OUTDIR/truth.csv (formats.md section 6).
With --debug also OUTDIR/debug_sources.csv.gz (event_id,source).
Standard library only.
"""
import argparse
import csv
import datetime
import gzip
import io
import math
import os
import random
import sys
import time

DAYS = 28
START = datetime.date(2026, 2, 2)          # a Monday; the whole window is winter time (+01:00)
H = 3600
D = 86400
# Internal time: integer seconds since 2026-02-02T00:00:00+01:00 (Dutch local time).

# ---------------------------------------------------------------- time formatting
_dcache = {}


def dstr(day):
    s = _dcache.get(day)
    if s is None:
        s = (START + datetime.timedelta(days=day)).isoformat()
        _dcache[day] = s
    return s


def ts_local(t, ms=-1):
    d, r = divmod(int(t), D)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    if ms >= 0:
        return "%sT%02d:%02d:%02d.%03d+01:00" % (dstr(d), h, m, s, ms)
    return "%sT%02d:%02d:%02d+01:00" % (dstr(d), h, m, s)


def ts_utc(t, ms=-1, sep="T"):
    d, r = divmod(int(t) - 3600, D)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    if ms >= 0:
        return "%s%s%02d:%02d:%02d.%03dZ" % (dstr(d), sep, h, m, s, ms)
    return "%s%s%02d:%02d:%02dZ" % (dstr(d), sep, h, m, s)


def date_of(t):
    return dstr(int(t) // D)


# ---------------------------------------------------------------- helpers
def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
    L = math.exp(-lam)
    k = 0
    p = rng.random()
    while p > L:
        k += 1
        p *= rng.random()
    return k


def wchoice(rng, items, weights):
    return rng.choices(items, weights)[0]


# ---------------------------------------------------------------- names
NL_SURNAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
    "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
    "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
    "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper",
    "Veenstra", "Kramer", "van den Brink", "Scholten", "van Wijk", "Postma", "Martens", "Vink",
    "de Ruiter", "Timmermans", "Groen", "Gerritsen", "Jonker", "van Loon", "Boer", "van der Velde",
    "Willemsen", "Smeets", "de Lange", "de Vos", "Bosch", "van Dongen", "Schipper", "de Koning",
    "van der Laan", "Koning", "van der Velden", "Driessen", "van Doorn", "Hermans", "Evers",
    "van den Bosch", "van der Meulen", "Hofman", "Bosman", "Wolters", "Sanders", "van der Horst",
    "Mol", "Kuijpers", "Molenaar", "van de Pol", "de Leeuw", "Verbeek", "Kooistra", "Hoogland",
    "Lammers", "Wouters", "Hazelaar", "Stam", "van Rijn", "Ravesteijn", "Verweij", "Kroon",
    "van Schaik", "Oosterom", "van Eck", "Hoogendoorn", "Blankenstein", "van Zuilen", "Beukers",
    "de Kruijf", "Rozendaal", "van Amerongen", "Bunschoten", "Veldhuizen", "Hilhorst",
]
NL_PREFIX = ["", "", "", "van ", "de ", "van der ", "van de ", "ter ", "van den ", "in 't "]
NL_ROOT = ["Wouden", "Hoef", "Brugge", "Kamp", "Velt", "Heul", "Lo", "Haar", "Rietveld", "Ekris",
           "Zwet", "Schoot", "Gaag", "Wetering", "Donk", "Mheen", "Grift", "Laak", "Steeg",
           "Biezen", "Burgt", "Haven", "Kolk", "Weerd", "Horst", "Berkel", "Ham", "Vecht",
           "Eem", "Bilt", "Lek", "Ommen", "Vaart", "Dool", "Kuil", "Sluis", "Molen", "Meent"]
NL_SUFFIX = ["", "", "s", "man", "ink", "er", "stra", "huis", "ing", "dijk", "veld", "berg",
             "brink", "kamp", "hof", "sma"]
MOR = ["El Amrani", "Bouzid", "Benali", "El Idrissi", "Ouali", "Azzouzi", "Chaouch",
       "Ait Taleb", "El Khatib", "Boukhari", "Tahiri", "Mokhtari", "Zaari", "El Ouardi",
       "Amezian", "Bakkali", "Haddouchi", "Laaroussi", "Achahbar", "El Morabit"]
TUR = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan",
       "Koç", "Kılıç", "Aslan", "Yıldız", "Erdoğan", "Güler"]
SUR = ["Ramdin", "Sewnarain", "Mohan", "Jagessar", "Kanhai", "Bisoen", "Pinas", "Zeegelaar",
       "Kromodimedjo", "Martina", "Pieters", "Doelwijt", "Linger"]
OTH = ["Kowalski", "Nowak", "Wiśniewski", "Popescu", "Ahmadi", "Haile", "Tesfay", "Nguyen",
       "Rossi", "García", "Hussein", "Mohamed", "Abdi", "Petrov", "Szabó", "Santos",
       "O'Neill", "Müller"]


class Names:
    def __init__(self, rng):
        self.rng = rng
        self.nl_w = [1.0 / (i + 1) ** 0.75 for i in range(len(NL_SURNAMES))]
        tail = set()
        while len(tail) < 2500:
            s = rng.choice(NL_PREFIX) + rng.choice(NL_ROOT) + rng.choice(NL_SUFFIX)
            tail.add(s.strip())
        self.tail = sorted(tail)

    def surname(self, origin=None):
        rng = self.rng
        if origin is None:
            x = rng.random()
            origin = "nl" if x < 0.80 else ("mor" if x < 0.87 else ("tur" if x < 0.92 else ("sur" if x < 0.955 else "oth")))
        if origin == "nl":
            if rng.random() < 0.45:
                return rng.choices(NL_SURNAMES, self.nl_w)[0]
            return rng.choice(self.tail)
        if origin == "mor":
            return rng.choice(MOR)
        if origin == "tur":
            return rng.choice(TUR)
        if origin == "sur":
            return rng.choice(SUR)
        return rng.choice(OTH)


# ---------------------------------------------------------------- organisation
UNITS = [
    ("mn_utrecht_stad", "District Utrecht-Stad"),
    ("mn_gooi_vecht", "District Gooi- en Vechtstreek"),
    ("mn_eemland", "District Amersfoort-Eemland"),
    ("mn_heuvelrug_vallei", "District Heuvelrug-Vallei"),
    ("mn_lek_rijn", "District Lek en Rijn"),
    ("mn_drr", "Dienst Regionale Recherche"),
    ("mn_drio", "Dienst Regionale Informatieorganisatie"),
    ("mn_dros", "Dienst Regionale Operationele Samenwerking"),
    ("mn_meldkamer", "Meldkamer Midden-Nederland (politie)"),
    ("mn_bedrijfsvoering", "Ondersteuning en bedrijfsvoering"),
    ("mn_staf", "Staf Eenheid Midden-Nederland"),
]

# basisteam code -> (unit, name, size, postcode ranges, population weight)
BASISTEAMS = [
    ("UC", "mn_utrecht_stad", "Basisteam Utrecht-Centrum", 150, [(3511, 3515), (3521, 3524)], 0.9),
    ("UN", "mn_utrecht_stad", "Basisteam Utrecht-Noord (Overvecht/Zuilen)", 130, [(3551, 3555), (3561, 3566)], 1.0),
    ("UW", "mn_utrecht_stad", "Basisteam Utrecht-West (Kanaleneiland/Leidsche Rijn)", 140, [(3525, 3533), (3541, 3546), (3451, 3453)], 1.3),
    ("UO", "mn_utrecht_stad", "Basisteam Utrecht-Oost (Uithof/Galgenwaard)", 120, [(3571, 3585)], 0.9),
    ("HI", "mn_gooi_vecht", "Basisteam Hilversum", 120, [(1211, 1223)], 0.9),
    ("GM", "mn_gooi_vecht", "Basisteam Gooise Meren en Wijdemeren", 95, [(1271, 1277), (1401, 1412), (1231, 1244)], 0.9),
    ("AF", "mn_eemland", "Basisteam Amersfoort", 150, [(3811, 3829)], 1.2),
    ("EN", "mn_eemland", "Basisteam Eemland-Noord (Baarn/Soest/Bunschoten)", 100, [(3741, 3768)], 0.8),
    ("HR", "mn_heuvelrug_vallei", "Basisteam Heuvelrug (Zeist/Driebergen)", 100, [(3701, 3712), (3941, 3972)], 0.8),
    ("VA", "mn_heuvelrug_vallei", "Basisteam Vallei (Veenendaal/Rhenen/Wijk bij Duurstede)", 100, [(3901, 3931), (3961, 3962)], 0.8),
    ("LS", "mn_lek_rijn", "Basisteam Lekstroom (Nieuwegein/IJsselstein/Houten)", 120, [(3431, 3439), (3401, 3404), (3991, 3998)], 1.0),
    ("RV", "mn_lek_rijn", "Basisteam Rijn en Veenstromen (Woerden/Stichtse Vecht)", 110, [(3441, 3449), (3601, 3633)], 0.9),
]
DISTRICTS = ["mn_utrecht_stad", "mn_gooi_vecht", "mn_eemland", "mn_heuvelrug_vallei", "mn_lek_rijn"]
DSHORT = {"mn_utrecht_stad": "US", "mn_gooi_vecht": "GV", "mn_eemland": "EE", "mn_heuvelrug_vallei": "HV", "mn_lek_rijn": "LR"}
OUTSIDE_PC = [(1011, 1109), (1311, 1365), (2311, 2334), (2491, 2597), (3011, 3089), (4001, 4007),
              (5211, 5249), (6511, 6546), (6811, 6846), (7311, 7339), (8011, 8045), (9711, 9747)]

# other teams: (team_id, unit, kind, name, size, role)
OTHER_TEAMS = [
    ("T-MN-US-STATION", "mn_utrecht_stad", "basisteam", "Team Utrecht Centraal (station en spoor)", 60, "station"),
    ("T-MN-DRR-TGO", "mn_drr", "recherche", "Team Grootschalige Opsporing", 40, "tgo"),
    ("T-MN-DRR-ONDERMIJNING", "mn_drr", "recherche", "Team Ondermijning", 45, "ondermijning"),
    ("T-MN-DRR-ZEDEN", "mn_drr", "recherche", "Team Zeden en Kinderporno", 30, "zeden"),
    ("T-MN-DRR-FINEC", "mn_drr", "recherche", "Team Financieel-Economische Criminaliteit", 25, "finec"),
    ("T-MN-DRR-CYBER", "mn_drr", "recherche", "Team Cybercrime", 20, "cyber"),
    ("T-MN-DRR-OT", "mn_drr", "specialistisch", "Observatieteam", 20, "obs"),
    ("T-MN-DRR-FO", "mn_drr", "specialistisch", "Forensische Opsporing", 45, "fo"),
    ("T-MN-DRR-AVIM", "mn_drr", "specialistisch", "Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel", 40, "avim"),
    ("T-MN-DRIO-RTIC", "mn_drio", "informatie_analyse", "Real Time Intelligence Centrum", 35, "rtic"),
    ("T-MN-DRIO-ANALYSE", "mn_drio", "informatie_analyse", "Team Analyse en Onderzoek", 40, "analyse"),
    ("T-MN-DRIO-CIE", "mn_drio", "specialistisch", "Criminele Inlichtingen Eenheid", 20, "cie"),
    ("T-MN-DRIO-BB", "mn_drio", "specialistisch", "Bewaken en Beveiligen", 12, "bb"),
    ("T-MN-MK", "mn_meldkamer", "meldkamer", "Meldkamer Politie Midden-Nederland, Utrecht", 130, "meldkamer"),
    ("T-MN-DROS-VERKEER", "mn_dros", "specialistisch", "Team Verkeer (A2/A12/A27/A28)", 80, "verkeer"),
    ("T-MN-OB-FB", "mn_bedrijfsvoering", "ondersteuning", "Functioneel Beheer Operationele Systemen", 18, "fb"),
    ("T-MN-OB-BV", "mn_bedrijfsvoering", "ondersteuning", "Bedrijfsvoering (HRM, planning, financien)", 40, "bv"),
    ("T-MN-STAF-VIK", "mn_staf", "staf", "Veiligheid, Integriteit en Klachten", 14, "vik"),
    ("T-MN-STAF-COMM", "mn_staf", "staf", "Communicatie en persvoorlichting", 12, "comm"),
    ("T-MN-STAF-LEIDING", "mn_staf", "staf", "Eenheidsleiding en stafbureau", 25, "leiding"),
]

RANKS = {
    "noodhulp": ([("aspirant", 5), ("agent", 25), ("hoofdagent", 50), ("brigadier", 15), ("inspecteur", 5)]),
    "wijkagent": ([("hoofdagent", 55), ("brigadier", 45)]),
    "bt_leiding": ([("brigadier", 55), ("inspecteur", 40), ("hoofdinspecteur", 5)]),
    "bt_opsporing": ([("hoofdagent", 50), ("brigadier", 40), ("burger", 10)]),
    "recherche": ([("hoofdagent", 30), ("brigadier", 40), ("inspecteur", 15), ("burger", 15)]),
    "intake": ([("agent", 20), ("hoofdagent", 35), ("burger", 45)]),
    "meldkamer": ([("burger", 50), ("hoofdagent", 30), ("brigadier", 20)]),
    "analyse": ([("burger", 70), ("inspecteur", 15), ("brigadier", 15)]),
    "spec": ([("hoofdagent", 40), ("brigadier", 35), ("inspecteur", 10), ("burger", 15)]),
    "civil": ([("burger", 80), ("extern", 15), ("inspecteur", 5)]),
    "leiding": ([("inspecteur", 30), ("hoofdinspecteur", 35), ("commissaris", 20), ("hoofdcommissaris", 5), ("burger", 10)]),
}

FUNCTION_TEXT = {
    "noodhulp": ["noodhulp", "Noodhulp", "agent noodhulp", "noodhulp ", "medewerker noodhulp"],
    "wijkagent": ["wijkagent", "Wijkagent", "wijkagent "],
    "bt_leiding": ["operationeel expert", "teamchef", "brigadier operationeel", "OE"],
    "bt_opsporing": ["rechercheur basisteam", "opsporing BT", "rechercheur"],
    "recherche": ["rechercheur", "Rechercheur", "tactisch rechercheur", "digitaal rechercheur", "financieel rechercheur"],
    "intake": ["intake", "intake en service", "Intake"],
    "meldkamer": ["meldkamer", "centralist meldkamer", "Meldkamer"],
    "rtic": ["RTIC-medewerker", "analist RTIC", "informatierechercheur"],
    "analyse": ["analist", "Analist", "strategisch analist", "tactisch analist"],
    "cie": ["CIE-medewerker", "runner", "CIE"],
    "bb": ["adviseur bewaken en beveiligen"],
    "obs": ["observant"],
    "fo": ["forensisch rechercheur", "FO"],
    "avim": ["vreemdelingenpolitie", "AVIM rechercheur"],
    "verkeer": ["verkeershandhaving", "motorrijder verkeer", "verkeersongevallenanalyse"],
    "station": ["noodhulp station", "stationsteam", "spoorpolitie"],
    "fb": ["functioneel beheerder", "applicatiebeheer BVH", ""],
    "bv": ["HRM-adviseur", "planner", "controller", "secretariaat"],
    "vik": ["VIK-onderzoeker", "integriteitsadviseur"],
    "comm": ["persvoorlichter", "communicatieadviseur"],
    "leiding": ["districtschef", "stafadviseur", "eenheidsleiding"],
}

SYSTEMS_BY_ROLE = {
    "noodhulp": (["meos", "bvh", "blueview", "rdw"], [45, 35, 15, 5]),
    "wijkagent": (["bvh", "blueview", "meos", "brp"], [45, 25, 20, 10]),
    "bt_leiding": (["bvh", "blueview"], [70, 30]),
    "bt_opsporing": (["bvh", "blueview", "summit", "brp"], [45, 25, 20, 10]),
    "recherche": (["bvh", "summit", "blueview", "bvi", "brp"], [30, 30, 20, 10, 10]),
    "intake": (["bvh", "brp", "blueview"], [70, 15, 15]),
    "meldkamer": (["blueview", "bvh", "rdw"], [60, 30, 10]),
    "rtic": (["blueview", "bvi", "summit", "bvh"], [40, 20, 20, 20]),
    "analyse": (["bvi", "summit", "blueview", "bvh"], [35, 30, 20, 15]),
    "cie": (["summit", "bvi", "blueview"], [50, 30, 20]),
    "bb": (["bvi", "blueview", "brp"], [40, 40, 20]),
    "obs": (["blueview", "rdw", "summit"], [45, 30, 25]),
    "fo": (["bvh", "summit"], [70, 30]),
    "avim": (["bvh", "blueview", "brp"], [50, 25, 25]),
    "verkeer": (["rdw", "meos", "bvh"], [45, 35, 20]),
    "station": (["meos", "bvh", "blueview"], [50, 35, 15]),
    "fb": (["bvh", "blueview"], [80, 20]),
    "bv": (["bvh"], [1]),
    "vik": (["blueview", "bvh", "brp"], [50, 30, 20]),
    "comm": (["bvh", "blueview"], [70, 30]),
    "leiding": (["bvh", "blueview"], [70, 30]),
}

SYSLIST = ["bvh", "blueview", "summit", "meos", "brp", "rdw", "bvi"]
SYSIDX = {s: i for i, s in enumerate(SYSLIST)}
ACTS = ["query", "view", "export", "print"]
Q, V, X, PR = 0, 1, 2, 3


class World:
    def __init__(self, seed, debug):
        self.rng = random.Random(seed)
        self.seed = seed
        self.debug = debug
        self.names = Names(self.rng)
        # persons
        self.p_id = []
        self.p_sur = []
        self.p_by = []
        self.p_sex = []
        self.p_pc = []
        self.p_hn = []
        self.p_hh = []
        self.p_flags = []
        self.p_bt = []            # basisteam area code of the address ('' outside region)
        self.hh_members = []
        self.hh_pc = []
        self.hh_hn = []
        self.hh_bt = []
        self.pc_index = {}
        self.rel = []             # (a, b, kind, exported)
        self.partner = {}
        self.exes = {}
        self.parents = {}
        self.children = {}
        self.siblings = {}
        self.used_pids = set()
        # events: list of tuples (t, emp_acct, sys, act, pidstr, case, src, inc)
        self.ev = []
        self.sources = []
        self.src_idx = {}
        self.incidents = []       # (incident_id, scenario, emp)
        self.ext_counter = 0

    # ------------------------------------------------------------ ids
    def new_pid(self):
        rng = self.rng
        while True:
            x = "P%07d" % rng.randrange(1000000, 9999999)
            if x not in self.used_pids:
                self.used_pids.add(x)
                return x

    def ext_pid(self):
        # a person from outside the region: not in the persons.csv export
        self.ext_counter += 1
        return "X%08d" % (self.rng.randrange(10000000, 99999999))

    def src(self, label):
        i = self.src_idx.get(label)
        if i is None:
            i = len(self.sources)
            self.sources.append(label)
            self.src_idx[label] = i
        return i

    # ------------------------------------------------------------ geography
    def build_postcodes(self, n_households):
        rng = self.rng
        letters = [a + b for a in "ABCDEFGHJKLMNPRSTVWXZ" for b in "ABCDEFGHJKLMNPRSTVWXZ"
                   if a + b not in ("SA", "SD", "SS")]
        total_w = sum(b[5] for b in BASISTEAMS)
        self.bt_postcodes = {}
        for code, unit, name, size, ranges, w in BASISTEAMS:
            hh = int(n_households * w / total_w)
            n_pc = max(40, hh // 14)
            digits = []
            for a, b in ranges:
                digits.extend(range(a, b + 1))
            pcs = set()
            while len(pcs) < n_pc:
                pcs.add("%d%s" % (rng.choice(digits), rng.choice(letters)))
            self.bt_postcodes[code] = sorted(pcs)
        self.out_postcodes = []
        for a, b in OUTSIDE_PC:
            for _ in range(60):
                self.out_postcodes.append("%d%s" % (rng.randint(a, b), rng.choice(letters)))
        self.pc_house = {}

    def house_number(self, pc):
        rng = self.rng
        n = self.pc_house.get(pc)
        if n is None:
            n = rng.randint(1, 40)
        n += rng.choice((1, 2, 2, 3))
        self.pc_house[pc] = n
        x = rng.random()
        if x < 0.08:
            return "%d%s" % (n, rng.choice("ABCD"))
        if x < 0.14:
            return "%d-%d" % (n, rng.randint(1, 4))
        if x < 0.16:
            return "%d-%s" % (n, rng.choice(("bis", "II", "III", "hs", "bg")))
        return str(n)

    # ------------------------------------------------------------ persons
    def add_person(self, sur, by, sex, hh):
        i = len(self.p_id)
        self.p_id.append(self.new_pid())
        self.p_sur.append(sur)
        self.p_by.append(by)
        self.p_sex.append(sex)
        self.p_pc.append(self.hh_pc[hh])
        self.p_hn.append(self.hh_hn[hh])
        self.p_hh.append(hh)
        self.p_flags.append("")
        self.p_bt.append(self.hh_bt[hh])
        self.hh_members[hh].append(i)
        self.pc_index.setdefault(self.hh_pc[hh], []).append(i)
        return i

    def new_hh(self, bt, pc=None):
        rng = self.rng
        if pc is None:
            if bt:
                pc = rng.choice(self.bt_postcodes[bt])
            else:
                pc = rng.choice(self.out_postcodes)
        h = len(self.hh_members)
        self.hh_members.append([])
        self.hh_pc.append(pc)
        self.hh_hn.append(self.house_number(pc))
        self.hh_bt.append(bt)
        return h

    def relate(self, a, b, kind, p_export):
        exported = self.rng.random() < p_export
        self.rel.append((a, b, kind, exported))
        if kind == "partner":
            self.partner[a] = b
            self.partner[b] = a
        elif kind == "ex_partner":
            self.exes.setdefault(a, []).append(b)
            self.exes.setdefault(b, []).append(a)
        elif kind == "parent":       # b is a parent of a
            self.parents.setdefault(a, []).append(b)
            self.children.setdefault(b, []).append(a)
        elif kind == "sibling":
            self.siblings.setdefault(a, []).append(b)
            self.siblings.setdefault(b, []).append(a)

    def gen_household(self, bt, kind, elder_pool=None, head=None):
        """Create a household; returns list of member indices. head=(sex, by, surname)"""
        rng = self.rng
        names = self.names
        h = self.new_hh(bt)
        Y = 2026
        if head:
            hsex, hby, hsur = head
        else:
            hsex = rng.choice("MV")
            if kind == "elder":
                hby = Y - rng.randint(55, 90)
            elif kind == "student":
                hby = Y - rng.randint(18, 26)
            else:
                hby = Y - rng.randint(21, 70)
            hsur = None
        linked = None
        if hsur is None:
            if elder_pool and kind != "elder" and rng.random() < (0.45 if head else 0.3):
                cands = elder_pool.get((hby - 28) // 5)
                if cands:
                    linked = rng.choice(cands)
            if linked is not None:
                father = linked[0]
                hsur = self.p_sur[father] if (hsex == "M" or rng.random() < 0.35) else names.surname()
            else:
                hsur = names.surname()
        members = []
        a = self.add_person(hsur, hby, hsex, h)
        members.append(a)
        if linked is not None:
            for par in linked:
                self.relate(a, par, "parent", 0.8)
            for sib in self.elder_kids.setdefault(linked[0], []):
                self.relate(a, sib, "sibling", 0.45)
            self.elder_kids[linked[0]].append(a)
        if kind == "student":
            for _ in range(rng.randint(2, 6)):
                self.add_person(names.surname(), Y - rng.randint(18, 27), rng.choice("MV"), h)
            return members
        couple = kind in ("couple", "family", "elder") and rng.random() < (0.92 if kind != "elder" else 0.7)
        b = None
        if couple:
            psex = "V" if hsex == "M" else "M"
            if rng.random() < 0.05:
                psex = hsex
            b = self.add_person(names.surname() if rng.random() < 0.85 else hsur,
                                hby + rng.randint(-5, 5), psex, h)
            self.relate(a, b, "partner", 0.85)
            members.append(b)
        if kind in ("family", "singleparent"):
            father = a if hsex == "M" else (b if b is not None else a)
            ksur = self.p_sur[father]
            for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4))):
                kby = max(hby + 20, 2026 - rng.randint(0, 24))
                if kby > 2025:
                    kby = 2025
                c = self.add_person(ksur, kby, rng.choice("MV"), h)
                self.relate(c, a, "parent", 0.9)
                if b is not None:
                    self.relate(c, b, "parent", 0.9)
                for k in members[2 if b is not None else 1:]:
                    self.relate(c, k, "sibling", 0.6)
                members.append(c)
        if kind == "elder" and elder_pool is not None:
            key = (hby) // 5
            elder_pool.setdefault(key, []).append(tuple(m for m in members[:2]))
        return members

    def build_population(self, n_households):
        rng = self.rng
        self.elder_kids = {}
        elder_pool = {}
        bts = [b[0] for b in BASISTEAMS]
        bw = [b[5] for b in BASISTEAMS]
        n_elder = int(n_households * 0.25)
        for _ in range(n_elder):
            self.gen_household(rng.choices(bts, bw)[0], "elder", elder_pool)
        self.elder_pool = elder_pool
        kinds = ["single", "couple", "family", "singleparent", "student"]
        for _ in range(n_households - n_elder):
            bt = rng.choices(bts, bw)[0]
            kw = [34, 24, 30, 7, 10 if bt in ("UO", "UC") else 1.5]
            self.gen_household(bt, rng.choices(kinds, kw)[0], elder_pool)
        n = len(self.p_id)
        # ex-partners (some from earlier domestic-violence registrations)
        adults = [i for i in range(n) if 1960 <= self.p_by[i] <= 2003]
        for _ in range(int(len(adults) * 0.03)):
            a = rng.choice(adults)
            b = rng.choice(adults)
            if a == b or self.p_hh[a] == self.p_hh[b] or self.p_sex[a] == self.p_sex[b]:
                continue
            self.relate(a, b, "ex_partner", 0.4)
        # police-known persons
        self.known = []
        for i in range(n):
            age = 2026 - self.p_by[i]
            if 14 <= age <= 65:
                w = (0.07 if self.p_sex[i] == "M" else 0.025) * (1.8 if age < 30 else 1.0)
                if rng.random() < w:
                    self.known.append(i)
        self.known_set = set(self.known)
        self.known_by_bt = {}
        for i in self.known:
            self.known_by_bt.setdefault(self.p_bt[i], []).append(i)
        self.residents_by_bt = {}
        for i in range(n):
            self.residents_by_bt.setdefault(self.p_bt[i], []).append(i)
        # VIPs: local politicians, Hilversum media people, FC Utrecht players, athletes, business
        self.vips = []
        for cat, count, bts_pref in (("tv", 45, ["HI", "GM", "EN"]), ("politiek", 40, None),
                                     ("voetbal", 25, ["UO", "UC", "LS", "UW"]), ("sport", 15, None),
                                     ("zakelijk", 20, ["GM", "HR", "EN"]), ("overig", 15, None)):
            for _ in range(count):
                pool = self.residents_by_bt[rng.choice(bts_pref)] if bts_pref else self.p_id
                for _t in range(20):
                    i = rng.choice(pool) if bts_pref else rng.randrange(n)
                    if 1950 < self.p_by[i] < 2003 and not self.p_flags[i]:
                        break
                if cat == "voetbal":
                    self.p_by[i] = rng.randint(1994, 2006)
                self.p_flags[i] = "vip"
                self.vips.append(i)
        self.shielded = []
        for _ in range(230):
            i = rng.randrange(n)
            if self.p_flags[i]:
                continue
            self.p_flags[i] = "shielded"
            self.shielded.append(i)
        for i in range(n):
            if self.p_by[i] < 1945 and rng.random() < 0.05:
                self.p_flags[i] = "deceased"
        for i in rng.sample(self.known, min(len(self.known), 400)):
            if not self.p_flags[i]:
                self.p_flags[i] = rng.choice(("ISD", "vuurwapengevaarlijk", "OPS", "top600"))
        self.surname_index = {}
        for i in range(n):
            self.surname_index.setdefault(self.p_sur[i], []).append(i)
        # duplicate records (BVH double registrations): person -> duplicate pid string
        self.dup = {}
        for i in rng.sample(range(n), n // 250):
            self.dup[i] = None

    def finish_dups(self):
        # create duplicate person rows after employees are made (they are persons too)
        rng = self.rng
        for i in list(self.dup):
            self.dup[i] = self.new_pid()

    # ------------------------------------------------------------ employees
    def build_org(self):
        rng = self.rng
        self.teams = []      # (team_id, unit, kind, name, role)
        self.emp = []        # dicts
        self.team_members = {}
        tid_by_bt = {}
        for code, unit, name, size, ranges, w in BASISTEAMS:
            tid = "T-MN-%s-BT-%s" % (DSHORT[unit], code)
            tid_by_bt[code] = tid
            self.teams.append((tid, unit, "basisteam", name, "bt", code))
        for d in DISTRICTS:
            self.teams.append(("T-MN-%s-REC" % DSHORT[d], d, "recherche", "Districtsrecherche " + dict(UNITS)[d][9:], "drec", None))
            self.teams.append(("T-MN-%s-INTAKE" % DSHORT[d], d, "intake_service", "Intake en Service " + dict(UNITS)[d][9:], "intake", None))
        for tid, unit, kind, name, size, role in OTHER_TEAMS:
            self.teams.append((tid, unit, kind, name, role, "UC" if role == "station" else None))
        self.tid_by_bt = tid_by_bt
        self.team_info = {t[0]: t for t in self.teams}
        sizes = {}
        for code, unit, name, size, ranges, w in BASISTEAMS:
            sizes[tid_by_bt[code]] = size
        for d in DISTRICTS:
            sizes["T-MN-%s-REC" % DSHORT[d]] = 45 if d != "mn_utrecht_stad" else 70
            sizes["T-MN-%s-INTAKE" % DSHORT[d]] = 28 if d != "mn_utrecht_stad" else 40
        for t in OTHER_TEAMS:
            sizes[t[0]] = t[4]
        self.team_sizes = sizes
        n_acc = set()
        bts = [b[0] for b in BASISTEAMS]
        bw = [b[5] for b in BASISTEAMS]
        for tid, unit, kind, name, role, btcode in self.teams:
            for k in range(sizes[tid]):
                if role == "bt":
                    x = rng.random()
                    f = "noodhulp" if x < 0.70 else ("wijkagent" if x < 0.85 else ("bt_opsporing" if x < 0.93 else "bt_leiding"))
                elif role in ("drec", "tgo", "ondermijning", "zeden", "finec", "cyber"):
                    f = "recherche"
                elif role == "station":
                    f = "station"
                else:
                    f = role
                rk_key = {"noodhulp": "noodhulp", "station": "noodhulp", "verkeer": "noodhulp",
                          "wijkagent": "wijkagent", "bt_leiding": "bt_leiding", "bt_opsporing": "bt_opsporing",
                          "recherche": "recherche", "intake": "intake", "meldkamer": "meldkamer",
                          "rtic": "analyse", "analyse": "analyse", "cie": "spec", "bb": "spec", "obs": "spec",
                          "fo": "spec", "avim": "spec", "fb": "civil", "bv": "civil", "vik": "spec",
                          "comm": "civil", "leiding": "leiding"}[f]
                ranks, rw = zip(*RANKS[rk_key])
                rank = rng.choices(ranks, rw)[0]
                while True:
                    acc = "MN%06d" % rng.randrange(100000, 999999)
                    if acc not in n_acc:
                        n_acc.add(acc)
                        break
                # the employee's own household
                x = rng.random()
                if x < 0.35 and btcode:
                    hbt = btcode
                elif x < 0.85:
                    hbt = rng.choices(bts, bw)[0]
                else:
                    hbt = ""
                age = rng.randint(19, 63) if rank != "aspirant" else rng.randint(18, 30)
                sex = "M" if rng.random() < 0.62 else "V"
                origin = None
                if rng.random() < 0.5:
                    origin = "nl"
                sur = self.names.surname(origin)
                hkind = rng.choices(["single", "couple", "family", "singleparent"], [25, 25, 43, 7])[0]
                if age < 26:
                    hkind = rng.choice(["single", "single", "couple"])
                mem = self.gen_household(hbt, hkind, self.elder_pool, head=(sex, 2026 - age, None if rng.random() < 0.5 else sur))
                me = mem[0]
                if rng.random() < 0.14:
                    # an ex-partner somewhere in the region
                    cands = self.residents_by_bt[rng.choice(bts)]
                    for _t in range(30):
                        o = rng.choice(cands)
                        if self.p_sex[o] != sex and abs(self.p_by[o] - self.p_by[me]) < 9 and self.p_hh[o] != self.p_hh[me]:
                            self.relate(me, o, "ex_partner", 0.45)
                            break
                e = {"acc": acc, "person": me, "unit": unit, "team": tid, "rank": rank, "func": f,
                     "ftext": rng.choice(FUNCTION_TEXT.get(f, [f])), "bt": btcode, "role": role,
                     "pt": rng.choice((1.0, 1.0, 1.0, 0.9, 0.8, 0.7)), "history": [(0, tid)]}
                idx = len(self.emp)
                self.emp.append(e)
                self.team_members.setdefault(tid, []).append(idx)
        self.emp_by_person = {e["person"]: i for i, e in enumerate(self.emp)}
        # transfers in the window (employees.csv shows old and new row)
        self.transfers = []
        bt_teams = [t[0] for t in self.teams if t[4] == "bt"]
        cand = [i for i, e in enumerate(self.emp) if e["func"] in ("noodhulp", "wijkagent")]
        for i in rng.sample(cand, 45):
            e = self.emp[i]
            new = rng.choice(bt_teams)
            if new == e["team"]:
                continue
            day = rng.randint(6, 20)
            e["history"].append((day, new))
            e["transfer_exported"] = rng.random() < 0.8
            self.transfers.append(i)
            self.team_members.setdefault(new, []).append(i)

    def team_at(self, e, day):
        t = e["history"][0][1]
        for d, tid in e["history"]:
            if day >= d:
                t = tid
        return t

    # ------------------------------------------------------------ shifts
    def build_shifts(self):
        rng = self.rng
        self.work = []       # per employee: list of (start, end) actual worked
        self.roster = []     # exported rows (emp, start, end, style)
        for i, e in enumerate(self.emp):
            f = e["func"]
            shifts = []
            pt = e["pt"]
            if f in ("noodhulp", "station", "meldkamer", "rtic", "verkeer"):
                off = rng.randrange(9)
                if f == "verkeer":
                    starts = (6, 14, 22)
                else:
                    starts = (7, 15, 23)
                pw = 0.63 * pt
                for d in range(-1, DAYS):
                    if rng.random() < pw:
                        k = ((d + off) // 3) % 3
                        st = d * D + starts[k] * H
                        shifts.append((st, st + (8 if f != "meldkamer" else 8) * H))
            elif f in ("wijkagent", "bt_opsporing", "bt_leiding", "intake"):
                for d in range(0, DAYS):
                    wd = (d % 7)
                    if f == "intake":
                        if rng.random() < 0.6 * pt:
                            s = rng.choice((8, 8, 14))
                            shifts.append((d * D + s * H, d * D + (s + 8) * H))
                        continue
                    p = (0.82 if wd < 5 else 0.12) * pt
                    if rng.random() < p:
                        if f == "wijkagent" and rng.random() < 0.18:
                            s = 14
                        elif f == "bt_leiding" and rng.random() < 0.3:
                            s = rng.choice((15, 23))
                        else:
                            s = rng.choice((7, 8, 8, 9))
                        shifts.append((d * D + s * H, d * D + s * H + int(8.5 * H)))
            else:
                for d in range(0, DAYS):
                    wd = d % 7
                    if wd < 5 and rng.random() < 0.84 * pt:
                        s = rng.choice((7.5, 8, 8, 8.5, 9))
                        shifts.append((d * D + int(s * H), d * D + int((s + 8.5) * H)))
                    elif wd >= 5 and f in ("tgo", "recherche") and rng.random() < 0.07:
                        shifts.append((d * D + 9 * H, d * D + 17 * H))
            actual = []
            for st, en in shifts:
                a0 = st - rng.randint(0, 15) * 60
                a1 = en + (rng.randint(10, 120) * 60 if rng.random() < 0.3 else rng.randint(-10, 5) * 60)
                actual.append((a0, a1))
                r = rng.random()
                if r < 0.03:
                    continue          # roster export gap
                self.roster.append((i, st, en))
                if a1 - en > 45 * 60 and rng.random() < 0.25:
                    self.roster.append((i, en, a1))   # overtime exported as its own row
            self.work.append(actual)
        # football: FC Utrecht home matches (ME deployment, roster partly in another system)
        self.matches = [(5 * D + 20 * H, "FC Utrecht - Ajax"), (20 * D + 14 * H + 30 * 60, "FC Utrecht - Feyenoord")]
        self.match_staff = []
        noodhulp = [i for i, e in enumerate(self.emp) if e["func"] == "noodhulp"]
        for mt, name in self.matches:
            staff = rng.sample(noodhulp, 60)
            self.match_staff.append(staff)
            for i in staff:
                a0, a1 = mt - 4 * H, mt + 3 * H + rng.randint(0, 90) * 60
                self.work[i].append((a0, a1))
                if rng.random() < 0.55:
                    self.roster.append((i, a0, a1))
        for i in range(len(self.emp)):
            self.work[i].sort()
        # on-shift index per team and hour
        self.onshift = {}
        for i, e in enumerate(self.emp):
            for a0, a1 in self.work[i]:
                tid = self.team_at(e, max(0, a0 // D))
                h0 = a0 // H
                for hh in range(h0, a1 // H + 1):
                    self.onshift.setdefault((tid, hh), []).append(i)

    def on_shift(self, i, t):
        for a0, a1 in self.work[i]:
            if a0 <= t <= a1:
                return True
            if a0 > t:
                break
        return False

    def shift_of(self, i, t):
        for a0, a1 in self.work[i]:
            if a0 <= t <= a1:
                return (a0, a1)
        return None

    # ------------------------------------------------------------ events
    def add(self, t, emp, sysname, act, pid, case, src, inc=-1):
        self.ev.append((int(t), emp, SYSIDX[sysname], act, pid, case, src, inc))

    def pidstr(self, p, allow_dup=True):
        if isinstance(p, str):
            return p
        if allow_dup and p in self.dup and self.rng.random() < 0.3:
            return self.dup[p]
        return self.p_id[p]

    def sysfor(self, e):
        s, w = SYSTEMS_BY_ROLE[e["func"]]
        return self.rng.choices(s, w)[0]

    def lookup(self, t, ei, p, src, case=None, view=True, query=True, sysname=None, multi=0.18, inc=-1):
        """A look-up of person p: a query (possibly returning namesakes) and/or a view."""
        rng = self.rng
        e = self.emp[ei] if isinstance(ei, int) else None
        acc = e["acc"] if e else ei
        sy = sysname or (self.sysfor(e) if e else "bvh")
        ps = self.pidstr(p)
        s = self.src(src)
        if query:
            self.add(t, acc, sy, Q, ps, case if rng.random() < 0.5 else None, s, inc)
            if inc < 0 and not isinstance(p, str) and rng.random() < multi:
                same = self.surname_index.get(self.p_sur[p], ())
                if len(same) > 1:
                    sq = self.src(src.split(":")[0] + ":name_query_hit")
                    for o in rng.sample(same, min(len(same), rng.randint(1, 4))):
                        if o != p:
                            self.add(t, acc, sy, Q, self.p_id[o], None, sq)
            t += rng.randint(5, 200)
        if view:
            self.add(t, acc, sy, V, ps, case, s, inc)
        return t

    # ------------------------------------------------------------ cases
    def new_case_id(self, kind):
        rng = self.rng
        self.case_seq = getattr(self, "case_seq", 0) + 1
        if kind in ("incident", "intake"):
            return "PL0900-2026%06d" % (rng.randrange(0, 999999))
        return "MN-%s-%04d" % (kind, self.case_seq)

    def build_cases(self):
        rng = self.rng
        self.cases = {}          # cid -> dict
        self.case_persons = []   # (cid, p, role)
        self.case_staff = []     # (cid, emp, from, to)
        self.cp_by_case = {}
        self.cases_by_team = {}
        self.staff_cases = {}    # emp -> list of cid
        self.staff_by_case = {}
        self.incidents_by_bt = {}
        self.sensitive_cases = []

    def add_case(self, cid, kind, unit, team, opened, closed, sensitive, desc, o_fmt=None, c_fmt=None):
        self.cases[cid] = dict(kind=kind, unit=unit, team=team, opened=opened, closed=closed,
                               sensitive=sensitive, desc=desc, o_fmt=o_fmt, c_fmt=c_fmt)
        if team:
            self.cases_by_team.setdefault(team, []).append(cid)
        if sensitive:
            self.sensitive_cases.append(cid)

    def add_cp(self, cid, p, role):
        self.case_persons.append((cid, p, role))
        self.cp_by_case.setdefault(cid, []).append(p)

    def add_cs(self, cid, ei, fr, to):
        self.case_staff.append((cid, ei, fr, to))
        self.staff_cases.setdefault(ei, []).append(cid)
        self.staff_by_case.setdefault(cid, []).append(ei)

    def pick_known(self, bt):
        rng = self.rng
        lst = self.known_by_bt.get(bt) or self.known
        return rng.choice(lst)

    def pick_resident(self, bt):
        return self.rng.choice(self.residents_by_bt[bt])

    def pick_region(self):
        return self.rng.randrange(len(self.p_id))

    # ------------------------------------------------------------ generation of investigations
    def gen_investigations(self):
        rng = self.rng
        def staff(cid, team, n, opened, closed):
            mem = self.team_members.get(team, [])
            if not mem:
                return
            for ei in rng.sample(mem, min(n, len(mem))):
                fr = opened if rng.random() < 0.6 else max(opened, rng.randint(-30, 20))
                if rng.random() < 0.08:
                    fr = None
                to = None
                if closed is not None and rng.random() < 0.7:
                    to = closed
                elif rng.random() < 0.07:
                    to = rng.randint(fr if fr is not None else 0, DAYS)
                self.add_cs(cid, ei, fr, to)
        bt_of_unit = {}
        for b in BASISTEAMS:
            bt_of_unit.setdefault(b[1], []).append(b[0])
        self.bt_of_unit = bt_of_unit

        def persons_for(btlist, n_susp, n_other, crim=True):
            ps = []
            for _ in range(n_susp):
                ps.append((self.pick_known(rng.choice(btlist)) if crim else self.pick_resident(rng.choice(btlist)), "verdachte"))
            for _ in range(n_other):
                ps.append((self.pick_resident(rng.choice(btlist)) if rng.random() < 0.9 else self.ext_pid(),
                           rng.choice(("slachtoffer", "getuige", "getuige", "benadeelde", "betrokkene"))))
            # associates: household members of suspects
            for p, r in list(ps):
                if r == "verdachte" and not isinstance(p, str) and rng.random() < 0.3:
                    hm = self.hh_members[self.p_hh[p]]
                    if len(hm) > 1:
                        ps.append((rng.choice(hm), "betrokkene"))
            return ps

        # district investigations
        for d in DISTRICTS:
            team = "T-MN-%s-REC" % DSHORT[d]
            for _ in range(70 if d == "mn_utrecht_stad" else 45):
                cid = self.new_case_id("OND")
                opened = rng.randint(-240, DAYS - 3)
                closed = rng.randint(max(opened, 0), DAYS + 30) if rng.random() < 0.35 else None
                if closed is not None and closed >= DAYS:
                    closed = None
                sens = rng.random() < 0.06
                self.add_case(cid, "investigation", d, team, opened, closed, sens,
                              rng.choice(("woninginbraken serie", "straatroof", "zware mishandeling", "drugshandel",
                                          "oplichting", "bedreiging", "heling", "brandstichting")))
                for p, r in persons_for(bt_of_unit[d], rng.randint(1, 4), rng.randint(1, 7)):
                    self.add_cp(cid, p, r)
                staff(cid, team, rng.randint(2, 5), opened, closed)
        # basisteam investigations: wijkaanpak, PGA (persoonsgerichte aanpak), overlast
        self.pga = {}
        for code, unit, name, size, ranges, w in BASISTEAMS:
            team = self.tid_by_bt[code]
            mem = self.team_members[team]
            wijk = [i for i in mem if self.emp[i]["func"] == "wijkagent"]
            ops = [i for i in mem if self.emp[i]["func"] == "bt_opsporing"]
            pga = []
            for _ in range(30):
                cid = self.new_case_id("BT")
                opened = rng.randint(-200, DAYS - 2)
                closed = None if rng.random() < 0.8 else rng.randint(max(0, opened), DAYS - 1)
                desc = rng.choice(("PGA-aanpak", "overlast woonwijk", "jeugdgroep", "burenruzie", "winkeldiefstal",
                                   "fietsendiefstal", "vernieling", "huiselijk geweld nazorg"))
                self.add_case(cid, "investigation", unit, team, opened, closed, False, desc)
                n = rng.randint(1, 6)
                for p, r in persons_for([code], rng.randint(1, 3), n - 1):
                    self.add_cp(cid, p, r)
                    if desc == "PGA-aanpak" and r == "verdachte":
                        pga.append(p)
                who = wijk if desc != "winkeldiefstal" else ops
                if who and rng.random() < 0.75:
                    for ei in rng.sample(who, min(len(who), rng.randint(1, 2))):
                        self.add_cs(cid, ei, None if rng.random() < 0.3 else opened, closed)
            # PGA persons not in any case (gemeentelijke aanpak, veiligheidshuis)
            for _ in range(12):
                pga.append(self.pick_known(code))
            self.pga[code] = pga
        # DRR investigations
        specs = [("T-MN-DRR-TGO", 5, 0.6, (3, 12), (4, 14)), ("T-MN-DRR-ONDERMIJNING", 9, 0.75, (3, 10), (3, 10)),
                 ("T-MN-DRR-ZEDEN", 16, 0.35, (1, 2), (1, 4)), ("T-MN-DRR-FINEC", 10, 0.3, (1, 4), (1, 6)),
                 ("T-MN-DRR-CYBER", 8, 0.2, (1, 3), (2, 30)), ("T-MN-DRR-AVIM", 25, 0.1, (1, 4), (1, 4))]
        allbt = [b[0] for b in BASISTEAMS]
        for team, n, psens, nsus, noth, in specs:
            for _ in range(n):
                cid = self.new_case_id("DRR")
                opened = rng.randint(-400, DAYS - 5)
                closed = None if rng.random() < 0.85 else rng.randint(max(0, opened), DAYS - 1)
                sens = rng.random() < psens
                desc = {"T-MN-DRR-TGO": "levensdelict/ schietincident", "T-MN-DRR-ONDERMIJNING": "drugs/ witwassen/ ondermijning",
                        "T-MN-DRR-ZEDEN": "zedenzaak", "T-MN-DRR-FINEC": "witwassen/ fraude", "T-MN-DRR-CYBER": "phishing/ helpdeskfraude",
                        "T-MN-DRR-AVIM": "mensenhandel/ identiteitsfraude"}[team]
                self.add_case(cid, "investigation", "mn_drr", team if rng.random() < 0.93 else None, opened, closed, sens, desc)
                ps = persons_for(rng.sample(allbt, 3), rng.randint(*nsus), rng.randint(*noth))
                if team == "T-MN-DRR-AVIM":
                    ps = [(self.ext_pid() if rng.random() < 0.5 else p, r) for p, r in ps]
                if team == "T-MN-DRR-ZEDEN":
                    # victims often shielded
                    ps2 = []
                    for p, r in ps:
                        if r != "verdachte" and rng.random() < 0.2 and self.shielded:
                            p = rng.choice(self.shielded)
                            r = "slachtoffer"
                        ps2.append((p, r))
                    ps = ps2
                for p, r in ps:
                    self.add_cp(cid, p, r)
                staff(cid, team, rng.randint(3, 14 if sens else 6), opened, closed)
                if sens and rng.random() < 0.5:
                    an = self.team_members["T-MN-DRIO-ANALYSE"]
                    self.add_cs(cid, rng.choice(an), opened, closed)
                if self.cases[cid]["team"] is None:
                    staff(cid, rng.choice(["T-MN-US-REC", "T-MN-EE-REC", "T-MN-DRR-FINEC"]), 3, opened, closed)
        # football supporters case (owned by basisteam Utrecht-Oost)
        cid = self.new_case_id("BT")
        self.supporters_case = cid
        self.add_case(cid, "investigation", "mn_utrecht_stad", self.tid_by_bt["UO"], -500, None, False, "supportersaanpak FC Utrecht")
        self.hooligans = []
        for _ in range(70):
            p = self.pick_known(rng.choice(("UO", "UW", "UN", "LS", "AF")))
            self.hooligans.append(p)
            self.add_cp(cid, p, "betrokkene")
        for ei in rng.sample([i for i in self.team_members[self.tid_by_bt["UO"]] if self.emp[i]["func"] == "wijkagent"], 3):
            self.add_cs(cid, ei, None, None)
        # analysts on investigations
        for ei in self.team_members["T-MN-DRIO-ANALYSE"]:
            inv = [c for c, v in self.cases.items() if v["kind"] == "investigation" and v["unit"] == "mn_drr"]
            for c in rng.sample(inv, rng.randint(0, 3)):
                self.add_cs(c, ei, self.cases[c]["opened"], self.cases[c]["closed"])

    # ------------------------------------------------------------ incidents
    def gen_incidents(self):
        rng = self.rng
        prof = [0.5, 0.4, 0.35, 0.3, 0.3, 0.35, 0.5, 0.7, 0.85, 0.9, 0.95, 1.0,
                1.05, 1.05, 1.1, 1.15, 1.2, 1.3, 1.35, 1.4, 1.4, 1.35, 1.1, 0.8]
        self.incident_list = []   # (cid, t, bt, persons, team)
        bt_rate = {b[0]: 44.0 * b[5] for b in BASISTEAMS}
        sumprof = sum(prof)
        for code, unit, name, size, ranges, w in BASISTEAMS:
            team = self.tid_by_bt[code]
            for d in range(DAYS):
                wd = d % 7
                for h in range(24):
                    f = prof[h] / sumprof * bt_rate[code]
                    if wd in (4, 5) and (h >= 20 or h < 4):
                        f *= 1.6
                    if wd == 6 and h < 5:
                        f *= 1.6
                    for _ in range(poisson(rng, f)):
                        t = d * D + h * H + rng.randint(0, 3599)
                        self.make_incident(t, code, unit, team, "bt")
        # station Utrecht Centraal
        st = "T-MN-US-STATION"
        for d in range(DAYS):
            for h in range(24):
                f = prof[h] / sumprof * 22 * (1.4 if 7 <= h <= 9 or 16 <= h <= 19 else 1)
                for _ in range(poisson(rng, f)):
                    self.make_incident(d * D + h * H + rng.randint(0, 3599), "UC", "mn_utrecht_stad", st, "station")
        # motorways A2/A12/A27/A28
        vk = "T-MN-DROS-VERKEER"
        for d in range(DAYS):
            for h in range(24):
                f = (1.8 if h in (7, 8, 16, 17, 18) else 0.6) * 18 / 24
                for _ in range(poisson(rng, f)):
                    self.make_incident(d * D + h * H + rng.randint(0, 3599), None, "mn_dros", vk, "verkeer")

    def make_incident(self, t, bt, unit, team, kind, persons=None, desc=None, forced_responders=None):
        rng = self.rng
        cid = self.new_case_id("incident")
        while cid in self.cases:
            cid = self.new_case_id("incident")
        if persons is None:
            persons = []
            x = rng.random()
            n = 0 if x < 0.18 else (1 if x < 0.52 else (2 if x < 0.82 else (3 if x < 0.93 else rng.randint(4, 6))))
            if kind == "bt":
                desc = rng.choice(("huiselijk geweld", "burenruzie", "overlast jeugd", "inbraak woning", "winkeldiefstal",
                                   "mishandeling", "verward persoon", "verdachte situatie", "aanrijding", "geluidsoverlast",
                                   "diefstal fiets", "bedreiging"))
                if desc in ("huiselijk geweld", "burenruzie") and n:
                    p0 = self.pick_resident(bt) if rng.random() < 0.7 else self.pick_known(bt)
                    hm = self.hh_members[self.p_hh[p0]]
                    persons.append((p0, "betrokkene"))
                    if desc == "huiselijk geweld":
                        for o in hm[:rng.randint(1, 3)]:
                            if o != p0:
                                persons.append((o, "betrokkene"))
                        if p0 in self.exes and rng.random() < 0.4:
                            persons.append((self.exes[p0][0], "verdachte"))
                    else:
                        nb = self.pc_index[self.p_pc[p0]]
                        persons.append((rng.choice(nb), "melder"))
                else:
                    for _ in range(n):
                        x = rng.random()
                        if x < 0.38:
                            p = self.pick_known(bt)
                        elif x < 0.82:
                            p = self.pick_resident(bt)
                        elif x < 0.94:
                            p = self.pick_region()
                        else:
                            p = self.ext_pid()
                        persons.append((p, rng.choice(("verdachte", "slachtoffer", "melder", "getuige", "betrokkene"))))
            elif kind == "station":
                desc = rng.choice(("zakkenrollerij", "zwartrijden/ overlast NS", "agressie tegen NS-personeel", "vechtpartij",
                                   "verward persoon", "gevonden voorwerp", "diefstal bagage"))
                for _ in range(max(1, n)):
                    x = rng.random()
                    p = self.ext_pid() if x < 0.35 else (self.pick_region() if x < 0.75 else self.pick_known(rng.choice(("UC", "UN", "UW"))))
                    persons.append((p, rng.choice(("verdachte", "slachtoffer", "betrokkene"))))
            else:
                desc = rng.choice(("verkeersongeval A2", "verkeersongeval A12", "kop-staartbotsing A27", "rijden onder invloed",
                                   "snelheidsovertreding ernstig", "pechgeval/ hulpverlening", "aanrijding A28"))
                for _ in range(max(1, n)):
                    p = self.ext_pid() if rng.random() < 0.45 else self.pick_region()
                    persons.append((p, rng.choice(("bestuurder", "bestuurder", "passagier", "getuige"))))
        o_fmt = rng.choices(("local", "utc", "date"), (70, 25, 5))[0]
        dur = rng.randint(15 * 60, 6 * H)
        x = rng.random()
        if x < 0.08:
            closed = None
        elif x < 0.12:
            closed = t + rng.randint(1, 6) * D
        else:
            closed = t + dur
        c_fmt = rng.choices(("local", "utc", "date"), (65, 20, 15))[0]
        tm = team if rng.random() > 0.04 else None
        self.add_case(cid, "incident", unit, tm, t, closed, False, desc, o_fmt, c_fmt)
        for p, r in persons:
            if rng.random() < 0.97:
                self.add_cp(cid, p, r)
        self.incident_list.append((cid, t, bt, [p for p, r in persons], team, kind))
        if bt:
            self.incidents_by_bt.setdefault(bt, []).append((t, cid))
        self.respond(cid, t, bt, team, kind, [p for p, r in persons], closed, forced_responders)
        return cid

    def respond(self, cid, t, bt, team, kind, persons, closed, forced=None):
        rng = self.rng
        hr = t // H
        on = [i for i in self.onshift.get((team, hr), ()) if self.emp[i]["func"] in ("noodhulp", "station", "verkeer", "bt_leiding", "wijkagent")]
        resp = []
        if forced is not None:
            resp = list(forced)
        elif on:
            main = [i for i in on if self.emp[i]["func"] != "bt_leiding" and self.emp[i]["func"] != "wijkagent"] or on
            resp = rng.sample(main, min(len(main), rng.choice((1, 2, 2, 2, 3))))
        srcp = {"bt": "basisteam", "station": "station", "verkeer": "verkeer"}[kind]
        for ei in resp:
            if rng.random() < 0.62:
                self.add_cs(cid, ei, t if rng.random() < 0.7 else None, closed if rng.random() < 0.5 else None)
            for p in persons:
                if rng.random() < 0.8:
                    tt = t + rng.randint(60, 1500)
                    self.lookup(tt, ei, p, srcp + ":incident_response", case=cid if rng.random() < 0.25 else None,
                                view=rng.random() < 0.5, sysname=("meos" if rng.random() < 0.6 else None))
                if rng.random() < 0.55:
                    tt = t + rng.randint(1800, 4 * H)
                    self.lookup(tt, ei, p, srcp + ":report_writing", case=cid if rng.random() < 0.6 else None,
                                query=rng.random() < 0.3, sysname="bvh")
            if kind != "station" and persons and rng.random() < 0.15:
                # follow-up on a later shift
                later = [w for w in self.work[ei] if w[0] > t + 8 * H]
                if later:
                    w = later[0] if rng.random() < 0.7 else rng.choice(later[:4])
                    tt = rng.randint(w[0], w[1])
                    for p in persons:
                        self.lookup(tt, ei, p, srcp + ":follow_up", case=cid if rng.random() < 0.5 else None, query=False, sysname="bvh")
                        tt += rng.randint(30, 600)
        # meldkamer
        mk = self.onshift.get(("T-MN-MK", hr))
        if mk and rng.random() < 0.9:
            op = rng.choice(mk)
            for p in persons:
                if rng.random() < 0.75:
                    self.lookup(t + rng.randint(-240, 500), op, p, "meldkamer:incident", view=rng.random() < 0.6, multi=0.3)
        # RTIC support on the heavier incidents
        rt = self.onshift.get(("T-MN-DRIO-RTIC", hr))
        if rt and persons and rng.random() < 0.14:
            op = rng.choice(rt)
            tt = t + rng.randint(120, 2400)
            for p in persons:
                tt = self.lookup(tt, op, p, "rtic:incident_support", multi=0.25) + rng.randint(10, 300)
                if not isinstance(p, str):
                    for o in self.hh_members[self.p_hh[p]][:4]:
                        if o != p and rng.random() < 0.6:
                            tt = self.lookup(tt, op, o, "rtic:incident_household", query=False) + rng.randint(10, 200)
        # supervisor review later
        if bt and rng.random() < 0.2 and persons:
            sup = [i for i in self.onshift.get((team, hr + rng.randint(0, 6)), ()) if self.emp[i]["func"] == "bt_leiding"]
            if sup:
                s = rng.choice(sup)
                tt = t + rng.randint(H, 6 * H)
                for p in persons:
                    self.lookup(tt, s, p, "basisteam:supervisor_review", case=cid if rng.random() < 0.4 else None, query=False, sysname="bvh")
                    tt += rng.randint(20, 300)
        # detective on call (piket) for serious incidents at night
        if bt and persons and rng.random() < 0.02 and (t % D < 7 * H or t % D > 21 * H):
            unit = self.team_info[team][1]
            rec = self.team_members.get("T-MN-%s-REC" % DSHORT[unit], [])
            if rec:
                det = rng.choice(rec)
                tt = t + rng.randint(20 * 60, 2 * H)
                for p in persons:
                    tt = self.lookup(tt, det, p, "recherche:piket_callout", sysname="bvh") + rng.randint(30, 600)

    # ------------------------------------------------------------ per-shift routine work
    def routine(self):
        rng = self.rng
        all_inv = [c for c, v in self.cases.items() if v["kind"] == "investigation"]
        sens_inv = [c for c in self.sensitive_cases]
        recent = {}
        for bt, lst in self.incidents_by_bt.items():
            lst.sort()
            recent[bt] = lst
        inc_times = [x[1] for x in self.incident_list]
        incs_sorted = sorted(self.incident_list, key=lambda x: x[1])
        inc_ts = [x[1] for x in incs_sorted]
        import bisect

        def recent_bt_incident(bt, t, back=3 * D):
            lst = recent.get(bt)
            if not lst:
                return None
            hi = bisect.bisect_right(lst, (t, "~"))
            lo = bisect.bisect_left(lst, (t - back, ""))
            if hi <= lo:
                return None
            return lst[rng.randrange(lo, hi)][1]

        def recent_any_incident(t, back=2 * D):
            hi = bisect.bisect_right(inc_ts, t)
            lo = bisect.bisect_left(inc_ts, t - back)
            if hi <= lo:
                return None
            return incs_sorted[rng.randrange(lo, hi)]

        wijk_pcs = {}
        for i, e in enumerate(self.emp):
            if e["func"] == "wijkagent":
                pcs = self.bt_postcodes[e["bt"]]
                k = rng.randrange(len(pcs))
                wijk_pcs[i] = pcs[k:k + max(8, len(pcs) // 6)] or pcs[:10]
        wijk_cases = {}
        for c, v in self.cases.items():
            if v["kind"] == "investigation" and v["team"] and v["team"].startswith("T-MN-") and "-BT-" in v["team"]:
                wijk_cases.setdefault(v["team"], []).append(c)

        def active_cases(ei, day):
            out = []
            for c in self.staff_cases.get(ei, ()):
                v = self.cases[c]
                if v["kind"] != "investigation":
                    continue
                if v["closed"] is not None and v["closed"] < day - 3:
                    continue
                if v["opened"] > day:
                    continue
                out.append(c)
            return out

        intake_seq = 0
        for ei, e in enumerate(self.emp):
            f = e["func"]
            for a0, a1 in self.work[ei]:
                day = max(0, a0 // D)
                if day >= DAYS:
                    continue
                team = self.team_at(e, day)
                tinfo = self.team_info[team]
                bt = tinfo[5]
                L = a1 - a0

                def T():
                    return a0 + rng.randint(0, L)
                if f in ("noodhulp", "station") and bt:
                    nck = poisson(rng, 3.2 if f == "noodhulp" else 5.5)
                    for _ in range(nck):
                        t = T()
                        x = rng.random()
                        if f == "station":
                            p = self.ext_pid() if x < 0.35 else (self.pick_region() if x < 0.8 else self.pick_known(rng.choice(("UC", "UN", "UW"))))
                        else:
                            p = self.pick_known(bt) if x < 0.4 else (self.pick_resident(bt) if x < 0.75 else (self.pick_region() if x < 0.9 else self.ext_pid()))
                        if rng.random() < 0.33:
                            # the check is registered afterwards as an incident (mutatie)
                            unit = tinfo[1]
                            cid = self.new_case_id("incident")
                            self.add_case(cid, "incident", unit, team, t + rng.randint(0, 1800), t + rng.randint(1800, 3 * H), False,
                                          "staande houding/ controle", "local", "local")
                            self.add_cp(cid, p, "betrokkene")
                            if rng.random() < 0.5:
                                self.add_cs(cid, ei, None, None)
                            self.lookup(t, ei, p, ("station" if f == "station" else "basisteam") + ":street_check_registered", sysname="meos", view=rng.random() < 0.6)
                        else:
                            self.lookup(t, ei, p, ("station" if f == "station" else "basisteam") + ":street_check", sysname="meos", view=rng.random() < 0.5)
                    for _ in range(poisson(rng, 1.3)):
                        p = self.pick_region() if rng.random() < 0.7 else self.ext_pid()
                        self.lookup(T(), ei, p, "basisteam:vehicle_check", sysname="rdw", view=False, multi=0)
                    for _ in range(poisson(rng, 2.0)):
                        c = recent_bt_incident(bt, a0 + L // 2)
                        if c and self.cp_by_case.get(c):
                            self.lookup(T(), ei, rng.choice(self.cp_by_case[c]), "basisteam:team_incident_review",
                                        case=c if rng.random() < 0.4 else None, query=False, sysname="bvh")
                    if rng.random() < 0.5 and self.pga.get(bt):
                        t = a0 + rng.randint(0, 1800)
                        for p in rng.sample(self.pga[bt], min(len(self.pga[bt]), poisson(rng, 1.5))):
                            t = self.lookup(t, ei, p, "basisteam:briefing_pga", query=False, sysname="bvh") + rng.randint(20, 200)
                elif f == "wijkagent":
                    pcs = wijk_pcs.get(ei) or self.bt_postcodes[bt]
                    mycases = [c for c in active_cases(ei, day)]
                    for _ in range(poisson(rng, 6)):
                        t = T()
                        if mycases and rng.random() < 0.45:
                            c = rng.choice(mycases)
                            p = rng.choice(self.cp_by_case[c])
                            self.lookup(t, ei, p, "wijk:own_case", case=c if rng.random() < 0.5 else None, query=rng.random() < 0.4)
                        else:
                            pc = rng.choice(pcs)
                            res = self.pc_index.get(pc)
                            if not res:
                                continue
                            self.lookup(t, ei, rng.choice(res), "wijk:resident_signal", query=rng.random() < 0.6)
                    for _ in range(poisson(rng, 1.2)):
                        if self.pga.get(bt):
                            self.lookup(T(), ei, rng.choice(self.pga[bt][:20]), "wijk:pga_monitoring", query=False, sysname="bvh")
                    for _ in range(poisson(rng, 1.5)):
                        c = recent_bt_incident(bt, a0 + L // 2, 7 * D)
                        if c and self.cp_by_case.get(c):
                            self.lookup(T(), ei, rng.choice(self.cp_by_case[c]), "wijk:incident_in_wijk", query=False, sysname="bvh")
                elif f == "bt_leiding":
                    for _ in range(poisson(rng, 4)):
                        c = recent_bt_incident(bt, a0 + L // 2)
                        if c and self.cp_by_case.get(c):
                            self.lookup(T(), ei, rng.choice(self.cp_by_case[c]), "basisteam:supervisor_review",
                                        case=c if rng.random() < 0.3 else None, query=False, sysname="bvh")
                elif f in ("bt_opsporing", "recherche"):
                    mycases = active_cases(ei, day)
                    if not mycases:
                        mycases = [c for c in self.cases_by_team.get(team, ()) if self.cases[c]["kind"] == "investigation" and (self.cases[c]["closed"] is None or self.cases[c]["closed"] >= day - 3)][:20]
                    for _ in range(poisson(rng, 9 if f == "recherche" else 7)):
                        t = T()
                        x = rng.random()
                        if mycases and x < 0.84:
                            c = rng.choice(mycases)
                            ps = self.cp_by_case.get(c)
                            if not ps:
                                continue
                            p = rng.choice(ps)
                            act = rng.random()
                            if act < 0.04:
                                self.add(t, e["acc"], rng.choice(("summit", "bvh")), rng.choice((X, PR)), self.pidstr(p), c if rng.random() < 0.6 else None,
                                         self.src("recherche:dossier_export"))
                            else:
                                self.lookup(t, ei, p, "recherche:own_investigation", case=c if rng.random() < 0.45 else None, query=rng.random() < 0.35)
                        elif mycases and x < 0.95:
                            c = rng.choice(mycases)
                            ps = [p for p in self.cp_by_case.get(c, ()) if not isinstance(p, str)]
                            if not ps:
                                continue
                            p = rng.choice(ps)
                            rel = self.hh_members[self.p_hh[p]] + self.parents.get(p, []) + self.siblings.get(p, []) + self.exes.get(p, [])
                            o = rng.choice(rel)
                            self.lookup(t, ei, o, "recherche:network_analysis", query=rng.random() < 0.5)
                        elif x < 0.993:
                            p = self.pick_region() if rng.random() < 0.6 else self.ext_pid()
                            self.lookup(t, ei, p, "recherche:request_other_unit", case="PL%02d00-2026%06d" % (rng.choice((10, 13, 15, 17, 21, 25)), rng.randrange(999999)) if rng.random() < 0.6 else None)
                        else:
                            # buurtonderzoek: the residents around a recent incident
                            r = recent_any_incident(t)
                            if r and r[3] and not isinstance(r[3][0], str):
                                pc = self.p_pc[r[3][0]]
                                tt = t
                                for o in self.pc_index.get(pc, [])[:rng.randint(8, 25)]:
                                    tt = self.lookup(tt, ei, o, "recherche:buurtonderzoek", query=False, sysname="bvh") + rng.randint(20, 240)
                elif f == "intake":
                    unit = tinfo[1]
                    btl = self.bt_of_unit.get(unit, ["UC"])
                    for _ in range(poisson(rng, 9)):
                        t = T()
                        cid = self.new_case_id("intake")
                        while cid in self.cases:
                            cid = self.new_case_id("intake")
                        rep = self.pick_resident(rng.choice(btl))
                        self.add_case(cid, "intake", unit, team if rng.random() < 0.7 else self.tid_by_bt[rng.choice(btl)], t, None if rng.random() < 0.6 else (t // D) + rng.randint(0, 5), False,
                                      rng.choice(("aangifte diefstal", "aangifte oplichting", "aangifte mishandeling", "aangifte vernieling",
                                                  "aangifte bedreiging", "melding", "aangifte inbraak")), "local", "date")
                        self.add_cp(cid, rep, "aangever")
                        ps = [rep]
                        if rng.random() < 0.3:
                            s = self.pick_known(rng.choice(btl)) if rng.random() < 0.6 else self.pick_resident(rng.choice(btl))
                            self.add_cp(cid, s, "verdachte")
                            ps.append(s)
                        if rng.random() < 0.8:
                            self.add_cs(cid, ei, t, None)
                        tt = t + rng.randint(60, 900)
                        for p in ps:
                            tt = self.lookup(tt, ei, p, "intake:aangifte", case=cid if rng.random() < 0.6 else None, multi=0.3) + rng.randint(30, 600)
                        if rng.random() < 0.12:
                            self.add(tt + 60, e["acc"], "bvh", PR, self.pidstr(rep), cid, self.src("intake:print_aangifte"))
                    for _ in range(poisson(rng, 2.5)):
                        self.lookup(T(), ei, self.pick_resident(rng.choice(btl)), "intake:phone_no_case", multi=0.3)
                elif f == "meldkamer":
                    for _ in range(poisson(rng, 14)):
                        p = self.pick_region() if rng.random() < 0.85 else self.ext_pid()
                        self.lookup(T(), ei, p, "meldkamer:call_no_incident", view=rng.random() < 0.4, multi=0.35)
                    for _ in range(poisson(rng, 5)):
                        p = self.pick_region() if rng.random() < 0.7 else self.ext_pid()
                        self.lookup(T(), ei, p, "meldkamer:plate_query", sysname="rdw", view=False, multi=0)
                elif f == "rtic":
                    for _ in range(poisson(rng, 6)):
                        r = recent_any_incident(T(), 12 * H)
                        if r and r[3]:
                            p = rng.choice(r[3])
                            self.lookup(T(), ei, p, "rtic:realtime_search", multi=0.3)
                elif f == "analyse":
                    mycases = active_cases(ei, day)
                    for _ in range(poisson(rng, 22)):
                        t = T()
                        if mycases and rng.random() < 0.5:
                            c = rng.choice(mycases)
                            if self.cp_by_case.get(c):
                                self.lookup(t, ei, rng.choice(self.cp_by_case[c]), "analyse:investigation_support", query=rng.random() < 0.5)
                        else:
                            r = recent_any_incident(t, 21 * D)
                            if r and r[3]:
                                self.lookup(t, ei, rng.choice(r[3]), "analyse:problem_analysis", view=rng.random() < 0.3)
                    if rng.random() < 0.03:
                        r = recent_any_incident(a0, 14 * D)
                        if r and r[3]:
                            self.add(T(), e["acc"], "bvi", X, self.pidstr(r[3][0]), None, self.src("analyse:bulk_export"))
                elif f == "cie":
                    for _ in range(poisson(rng, 7)):
                        x = rng.random()
                        if x < 0.4 and sens_inv:
                            c = rng.choice(sens_inv)
                            ps = self.cp_by_case.get(c)
                            if not ps:
                                continue
                            p = rng.choice(ps)
                        elif x < 0.85:
                            p = rng.choice(self.known)
                        else:
                            p = self.pick_region()
                        self.lookup(T(), ei, p, "cie:intelligence", query=rng.random() < 0.5)
                elif f == "obs":
                    for _ in range(poisson(rng, 4)):
                        c = rng.choice(sens_inv) if sens_inv else None
                        if c and self.cp_by_case.get(c):
                            p = rng.choice(self.cp_by_case[c])
                            self.lookup(T(), ei, p, "obs:support_sensitive", sysname=rng.choice(("blueview", "rdw")), query=True, view=rng.random() < 0.5)
                elif f == "fo":
                    for _ in range(poisson(rng, 3)):
                        r = recent_any_incident(T(), 3 * D)
                        if r and r[3]:
                            self.lookup(T(), ei, rng.choice(r[3]), "fo:forensic", query=False)
                elif f == "avim":
                    mycases = active_cases(ei, day)
                    for _ in range(poisson(rng, 6)):
                        if mycases and rng.random() < 0.55:
                            c = rng.choice(mycases)
                            if self.cp_by_case.get(c):
                                self.lookup(T(), ei, rng.choice(self.cp_by_case[c]), "avim:own_case")
                        else:
                            self.lookup(T(), ei, self.ext_pid() if rng.random() < 0.6 else self.pick_region(), "avim:identity_check")
                elif f == "verkeer":
                    for _ in range(poisson(rng, 6)):
                        p = self.pick_region() if rng.random() < 0.55 else self.ext_pid()
                        t = T()
                        self.lookup(t, ei, p, "verkeer:traffic_stop", sysname="rdw", view=False, multi=0)
                        if rng.random() < 0.35:
                            self.lookup(t + rng.randint(30, 400), ei, p, "verkeer:traffic_stop", sysname=rng.choice(("meos", "bvh")))
                elif f == "bb":
                    for _ in range(poisson(rng, 4)):
                        p = rng.choice(self.vips) if rng.random() < 0.55 else (rng.choice(self.shielded) if rng.random() < 0.5 else rng.choice(self.known))
                        self.lookup(T(), ei, p, "bb:threat_assessment", query=rng.random() < 0.4)
                elif f == "fb":
                    for _ in range(poisson(rng, 7)):
                        t = T()
                        if self.dup and rng.random() < 0.35:
                            p = rng.choice(list(self.dup.keys())[:500])
                            self.add(t, e["acc"], "bvh", V, self.p_id[p], None, self.src("fb:duplicate_merge"))
                            self.add(t + rng.randint(20, 300), e["acc"], "bvh", V, self.dup[p], None, self.src("fb:duplicate_merge"))
                        else:
                            self.lookup(t, ei, self.pick_region(), "fb:data_quality", query=rng.random() < 0.5)
                    if rng.random() < 0.05:
                        self.add(T(), e["acc"], "bvh", X, self.p_id[self.pick_region()], None, self.src("fb:test_export"))
                elif f == "bv":
                    if rng.random() < 0.02:
                        self.lookup(T(), ei, self.pick_region(), "bv:admin_check")
                elif f == "leiding":
                    if rng.random() < 0.1:
                        r = recent_any_incident(T(), 1 * D)
                        if r and r[3]:
                            self.lookup(T(), ei, r[3][0], "leiding:major_incident_briefing", query=False)
                elif f == "comm":
                    if rng.random() < 0.2:
                        r = recent_any_incident(T(), 1 * D)
                        if r and r[3]:
                            self.lookup(T(), ei, r[3][0], "comm:press_inquiry", query=False)
        # football match days: ME officers check known supporters
        for (mt, name), staff in zip(self.matches, self.match_staff):
            for ei in staff:
                for _ in range(poisson(rng, 1.5)):
                    p = rng.choice(self.hooligans)
                    self.lookup(mt + rng.randint(-3 * H, 2 * H), ei, p, "basisteam:football_me_duty", sysname="meos", view=rng.random() < 0.5)
            for ei in self.cs_of_case(self.supporters_case):
                for _ in range(poisson(rng, 6)):
                    self.lookup(mt + rng.randint(-2 * D, 3 * H), ei, rng.choice(self.hooligans), "wijk:football_supporters_case", query=False)
        # VIK: integrity investigations into colleagues (records do not show them)
        vik = self.team_members["T-MN-STAF-VIK"]
        for _ in range(3):
            inv = rng.choice(vik)
            subj = rng.randrange(len(self.emp))
            p = self.emp[subj]["person"]
            ws = [w for w in self.work[inv] if w[0] < DAYS * D] or [(rng.randint(0, DAYS - 1) * D + 9 * H, 0)]
            for _ in range(rng.randint(2, 5)):
                w = rng.choice(ws)
                t = w[0] + rng.randint(0, 7 * H)
                self.lookup(t, inv, p, "vik:integrity_investigation", query=False)
                for o in self.hh_members[self.p_hh[p]][:3]:
                    if o != p and rng.random() < 0.4:
                        self.lookup(t + rng.randint(60, 900), inv, o, "vik:integrity_investigation", query=False)
        # automated ANPR account and accounts of people who left
        for d in range(DAYS):
            for _ in range(poisson(rng, 90)):
                p = self.pick_region() if rng.random() < 0.6 else self.ext_pid()
                self.add(d * D + rng.randint(0, D - 1), "SVC-ANPR-MN", "rdw", Q, self.pidstr(p, False), None, self.src("system:anpr_hit"))
        for k in range(4):
            acc = "MN%06d" % rng.randrange(100000, 999999)
            last = rng.randint(2, 9)
            bt = rng.choice(list(self.bt_postcodes))
            for d in range(0, last):
                if rng.random() < 0.6:
                    for _ in range(poisson(rng, 10)):
                        self.lookup(d * D + 8 * H + rng.randint(0, 8 * H), acc, self.pick_resident(bt) if rng.random() < 0.5 else self.pick_known(bt),
                                    "basisteam:account_not_in_hr_export", sysname="bvh")

    def cs_of_case(self, cid):
        return self.staff_by_case.get(cid, [])

    # ------------------------------------------------------------ news events
    def news(self):
        rng = self.rng
        # N1: shooting in Overvecht, evening of day 8; TGO investigation (sensitive)
        t1 = 8 * D + 21 * H + 40 * 60
        victim = rng.choice([p for p in self.known_by_bt["UN"] if 1995 <= self.p_by[p] <= 2005 and self.p_sex[p] == "M"] or self.known_by_bt["UN"])
        sus = [rng.choice(self.known_by_bt["UW"]) for _ in range(2)]
        wit = [self.pick_resident("UN") for _ in range(3)]
        cid = self.make_incident(t1, "UN", "mn_utrecht_stad", self.tid_by_bt["UN"], "bt",
                                 persons=[(victim, "slachtoffer")] + [(w, "getuige") for w in wit], desc="schietincident Overvecht")
        inv = self.new_case_id("DRR")
        self.add_case(inv, "investigation", "mn_drr", "T-MN-DRR-TGO", 8, None, True, "TGO Lelie: schietincident Overvecht")
        for p, r in [(victim, "slachtoffer")] + [(s, "verdachte") for s in sus] + [(w, "getuige") for w in wit]:
            self.add_cp(inv, p, r)
        tgo = self.team_members["T-MN-DRR-TGO"]
        staff = rng.sample(tgo, 16)
        for ei in staff:
            self.add_cs(inv, ei, 8 if rng.random() < 0.7 else rng.randint(9, 12), None)
        for ei in staff:
            for _ in range(rng.randint(4, 15)):
                d = rng.randint(8, DAYS - 1)
                t = d * D + rng.randint(8 * H, 22 * H)
                self.lookup(t, ei, rng.choice([victim] + sus + wit), "recherche:tgo_lelie", case=inv if rng.random() < 0.5 else None)
        self.news_events = [("schietincident Overvecht", 9 * D + 7 * H, [victim] + sus, inv)]
        # N2: TV presenter from Hilversum arrested on the A2 for drink driving, night of day 16
        tv = [p for p in self.vips if self.p_bt[p] in ("HI", "GM")] or self.vips
        pres = rng.choice(tv)
        t2 = 16 * D + 23 * H + 10 * 60
        cid2 = self.make_incident(t2, None, "mn_dros", "T-MN-DROS-VERKEER", "verkeer",
                                  persons=[(pres, "verdachte")], desc="rijden onder invloed A2 Maarssen")
        self.news_events.append(("presentator aangehouden A2", 17 * D + 8 * H, [pres], cid2))
        # N3: FC Utrecht player in a fight in the city centre, night of day 22
        fb = [p for p in self.vips if self.p_by[p] >= 1994] or self.vips
        pl = rng.choice(fb)
        other = self.pick_known("UC")
        t3 = 22 * D + 3 * H + 15 * 60
        cid3 = self.make_incident(t3, "UC", "mn_utrecht_stad", self.tid_by_bt["UC"], "bt",
                                  persons=[(pl, "verdachte"), (other, "slachtoffer")], desc="vechtpartij Neude")
        self.news_events.append(("voetballer vechtpartij Neude", 22 * D + 12 * H, [pl], cid3))
        # press officers and leadership: legitimate look-ups of the news persons
        for name, tn, ps, c in self.news_events:
            for ei in rng.sample(self.team_members["T-MN-STAF-COMM"], 3) + rng.sample(self.team_members["T-MN-STAF-LEIDING"], 2):
                self.lookup(tn + rng.randint(0, 8 * H), ei, rng.choice(ps), "comm:news_press_officer", query=False, sysname="bvh")
        # colleague assaulted on duty (colleague's own record in an incident: explained)
        for _ in range(4):
            vi = rng.randrange(len(self.emp))
            bt = rng.choice(list(self.tid_by_bt))
            t = rng.randint(1, DAYS - 1) * D + rng.randint(0, D - 1)
            self.make_incident(t, bt, self.team_info[self.tid_by_bt[bt]][1], self.tid_by_bt[bt], "bt",
                               persons=[(self.emp[vi]["person"], "slachtoffer"), (self.pick_known(bt), "verdachte")],
                               desc="geweld tegen politie")

    # ------------------------------------------------------------ improper look-ups
    def improper(self):
        rng = self.rng
        plan = {"self": 4, "family": 6, "partner": 4, "ex_partner": 6, "neighbour": 5, "surname": 4,
                "colleague": 6, "vip": 5, "shielded": 3, "sensitive_investigation": 5, "off_shift": 4,
                "browsing": 4, "following": 5, "export_print": 4, "news_hype": 18}
        for k in list(plan):
            if k != "news_hype":
                plan[k] = max(2, plan[k] + rng.choice((-1, 0, 0, 1)))
        rank_w = {"hoofdagent": 3.0, "brigadier": 2.6, "agent": 1.6, "aspirant": 0.8, "inspecteur": 0.7,
                  "hoofdinspecteur": 0.3, "burger": 0.8, "extern": 0.6}
        func_w = {"noodhulp": 3.0, "wijkagent": 2.0, "station": 2.5, "verkeer": 2.0, "intake": 2.0, "meldkamer": 1.6,
                  "bt_opsporing": 1.5, "bt_leiding": 1.3, "recherche": 1.0, "rtic": 1.0, "analyse": 0.7, "cie": 0.3,
                  "avim": 1.0, "fo": 0.6, "obs": 0.6, "bb": 0.3, "fb": 0.4, "bv": 0.1, "vik": 0.05, "comm": 0.1, "leiding": 0.1}
        cand = list(range(len(self.emp)))
        w = [rank_w.get(self.emp[i]["rank"], 1.0) * func_w.get(self.emp[i]["func"], 0.5) for i in cand]
        used = set()
        self.inc_no = 0
        early = [x for x in self.incident_list if x[1] < 9 * D and x[5] == "bt"]

        def pick_emp(cond=None):
            for _ in range(2000):
                i = rng.choices(cand, w)[0]
                if i in used or not self.work[i]:
                    continue
                if cond and not cond(i):
                    continue
                used.add(i)
                return i
            return None

        def new_inc(scen, ei):
            self.inc_no += 1
            iid = "I-%04d" % self.inc_no
            self.incidents.append((iid, scen, ei))
            return len(self.incidents) - 1

        def t_on_shift(ei, lo=0, hi=DAYS * D):
            ws = [x for x in self.work[ei] if x[0] >= lo and x[1] <= hi] or self.work[ei]
            a0, a1 = rng.choice(ws)
            return rng.randint(a0 + 600, max(a0 + 601, a1 - 300))

        def t_off_shift(ei, lo=0, hi=DAYS * D):
            for _ in range(200):
                d = rng.randint(lo // D, max(lo // D, hi // D - 1))
                t = d * D + rng.choice((7, 12, 18, 19, 20, 21, 22, 23)) * H + rng.randint(0, 3599)
                if lo <= t < hi and not self.on_shift(ei, t) and not self.on_shift(ei, t - 2 * H) and not self.on_shift(ei, t + 2 * H):
                    return t
            return t_on_shift(ei, lo, hi)

        def when(ei, p_off=0.2, lo=0, hi=DAYS * D):
            return t_off_shift(ei, lo, hi) if rng.random() < p_off else t_on_shift(ei, lo, hi)

        def cover_case(ei, t):
            cs = self.staff_cases.get(ei)
            if cs and rng.random() < 0.25:
                return rng.choice(cs)
            return None

        def sysof(ei, t):
            if not self.on_shift(ei, t):
                return "meos" if rng.random() < 0.8 else "blueview"
            return self.sysfor(self.emp[ei]) if self.emp[ei]["func"] not in ("verkeer", "meldkamer") else "blueview"

        def look(ei, t, p, k, n_view=1, q=True, act_extra=None):
            e = self.emp[ei]
            sy = sysof(ei, t)
            if sy == "rdw":
                sy = "bvh"
            s = self.src("improper:" + self.incidents[k][1])
            c = cover_case(ei, t)
            ps = self.p_id[p] if not isinstance(p, str) else p
            if q:
                self.add(t, e["acc"], sy, Q, ps, c, s, k)
                t += rng.randint(4, 90)
            for _ in range(n_view):
                self.add(t, e["acc"], sy, V, ps, c, s, k)
                t += rng.randint(20, 400)
            if act_extra is not None:
                self.add(t + rng.randint(10, 200), e["acc"], sy, act_extra, ps, c, s, k)
            return t

        def series(ei, p, k, n, p_off=0.2, spread_days=None, start=None):
            lo = start if start is not None else 0
            times = sorted(when(ei, p_off, lo) for _ in range(n))
            if spread_days:
                times = []
                d0 = start // D if start is not None else rng.randint(0, max(0, DAYS - spread_days - 1))
                for j in range(n):
                    lo2 = (d0 + int(j * spread_days / n)) * D
                    times.append(when(ei, p_off, lo2, min(DAYS * D, lo2 + 3 * D)))
            for t in times:
                look(ei, t, p, k, n_view=1, q=rng.random() < 0.6)

        for scen, n in plan.items():
            for _ in range(n):
                if scen == "self":
                    ei = pick_emp()
                    if ei is None:
                        continue
                    k = new_inc(scen, ei)
                    series(ei, self.emp[ei]["person"], k, rng.randint(1, 2))
                elif scen in ("family", "partner"):
                    def has(i, scen=scen):
                        p = self.emp[i]["person"]
                        if scen == "partner":
                            return p in self.partner
                        return bool(self.parents.get(p) or self.children.get(p) or self.siblings.get(p))
                    ei = pick_emp(has)
                    if ei is None:
                        continue
                    p = self.emp[ei]["person"]
                    k = new_inc(scen, ei)
                    if scen == "partner":
                        tg = self.partner[p]
                    else:
                        tg = rng.choice(self.parents.get(p, []) + self.children.get(p, []) + self.siblings.get(p, []))
                    series(ei, tg, k, rng.randint(1, 4))
                    if scen == "family" and rng.random() < 0.3:
                        hm = [o for o in self.hh_members[self.p_hh[tg]] if o != tg and o != p]
                        if hm:
                            series(ei, rng.choice(hm), k, 1)
                elif scen == "ex_partner":
                    ei = pick_emp(lambda i: self.emp[i]["person"] in self.exes)
                    if ei is None:
                        continue
                    ex = self.exes[self.emp[ei]["person"]][0]
                    k = new_inc(scen, ei)
                    series(ei, ex, k, rng.randint(3, 9), p_off=0.35, spread_days=rng.randint(7, 25))
                    if ex in self.partner and rng.random() < 0.6:
                        series(ei, self.partner[ex], k, rng.randint(1, 3), p_off=0.35)
                    # the ex happens to be in an incident of the employee's unit (hard case)
                    if rng.random() < 0.25:
                        e = self.emp[ei]
                        bt = self.team_info[e["team"]][5]
                        if bt:
                            t = t_on_shift(ei)
                            self.make_incident(t - rng.randint(600, 3 * H), bt, e["unit"], e["team"], "bt",
                                               persons=[(ex, "betrokkene")], desc="burenruzie", forced_responders=[])
                            look(ei, t, ex, k)
                elif scen == "neighbour":
                    def hasn(i):
                        p = self.emp[i]["person"]
                        return len(self.pc_index.get(self.p_pc[p], ())) > len(self.hh_members[self.p_hh[p]])
                    ei = pick_emp(hasn)
                    if ei is None:
                        continue
                    p = self.emp[ei]["person"]
                    nb = [o for o in self.pc_index[self.p_pc[p]] if self.p_hh[o] != self.p_hh[p]]
                    k = new_inc(scen, ei)
                    tg = rng.choice(nb)
                    series(ei, tg, k, rng.randint(1, 3), p_off=0.3)
                    if rng.random() < 0.4:
                        for o in self.hh_members[self.p_hh[tg]][:2]:
                            if o != tg:
                                series(ei, o, k, 1, p_off=0.3)
                elif scen == "surname":
                    def hass(i):
                        p = self.emp[i]["person"]
                        same = self.surname_index.get(self.p_sur[p], ())
                        return 1 < len(same) < 40
                    ei = pick_emp(hass)
                    if ei is None:
                        continue
                    p = self.emp[ei]["person"]
                    fam = set(self.hh_members[self.p_hh[p]] + self.parents.get(p, []) + self.children.get(p, []) + self.siblings.get(p, []))
                    same = [o for o in self.surname_index[self.p_sur[p]] if o not in fam]
                    if not same:
                        continue
                    k = new_inc(scen, ei)
                    series(ei, rng.choice(same), k, rng.randint(1, 3))
                elif scen == "colleague":
                    ei = pick_emp()
                    e = self.emp[ei]
                    mates = [j for j in self.team_members.get(e["team"], []) if j != ei] if rng.random() < 0.7 else list(range(len(self.emp)))
                    j = rng.choice(mates)
                    tg = self.emp[j]["person"]
                    if rng.random() < 0.3 and tg in self.partner:
                        tg = self.partner[tg]
                    k = new_inc(scen, ei)
                    series(ei, tg, k, rng.randint(1, 3))
                elif scen == "vip":
                    ei = pick_emp()
                    if ei is None:
                        continue
                    k = new_inc(scen, ei)
                    series(ei, rng.choice(self.vips), k, rng.randint(1, 3))
                elif scen == "shielded":
                    ei = pick_emp()
                    if ei is None:
                        continue
                    k = new_inc(scen, ei)
                    tg = rng.choice(self.shielded)
                    t = when(ei, 0.3)
                    t = look(ei, t, tg, k, n_view=rng.randint(1, 2))
                    if rng.random() < 0.4:
                        self.add(t + 60, self.emp[ei]["acc"], "bvh", PR, self.p_id[tg], None, self.src("improper:shielded"), k)
                elif scen == "sensitive_investigation":
                    ei = pick_emp(lambda i: self.emp[i]["func"] not in ("cie", "obs", "analyse", "recherche"))
                    ok = [] if ei is None else [c for c in self.sensitive_cases if ei not in self.cs_of_case(c) and self.cp_by_case.get(c)]
                    if ei is None or not ok:
                        continue
                    c = rng.choice(ok)
                    susp = [p for p in self.cp_by_case[c] if not isinstance(p, str)]
                    k = new_inc(scen, ei)
                    for tg in rng.sample(susp, min(len(susp), rng.randint(1, 3))):
                        series(ei, tg, k, rng.randint(1, 3), p_off=0.25)
                elif scen == "off_shift":
                    ei = pick_emp()
                    if ei is None:
                        continue
                    k = new_inc(scen, ei)
                    e = self.emp[ei]
                    hbt = self.p_bt[e["person"]] or rng.choice(list(self.bt_postcodes))
                    for _ in range(rng.randint(1, 2)):
                        tg = self.pick_resident(hbt) if rng.random() < 0.6 else self.pick_known(hbt)
                        t = t_off_shift(ei)
                        t = look(ei, t, tg, k, q=True)
                        if rng.random() < 0.3:
                            look(ei, t + rng.randint(60, 900), tg, k, q=False)
                elif scen == "browsing":
                    ei = pick_emp(lambda i: self.emp[i]["func"] in ("noodhulp", "meldkamer", "intake", "station", "verkeer", "wijkagent", "bt_opsporing"))
                    if ei is None:
                        continue
                    k = new_inc(scen, ei)
                    e = self.emp[ei]
                    ws = [x for x in self.work[ei] if x[0] % D >= 20 * H or x[0] % D < 2 * H] or self.work[ei]
                    a0, a1 = rng.choice(ws)
                    t = rng.randint(a0 + H, max(a0 + H + 1, a1 - 2 * H))
                    hbt = self.p_bt[e["person"]] or rng.choice(list(self.bt_postcodes))
                    for _ in range(rng.randint(12, 35)):
                        x = rng.random()
                        tg = self.pick_resident(hbt) if x < 0.5 else (rng.choice(self.vips) if x < 0.6 else self.pick_region())
                        t = look(ei, t, tg, k, q=rng.random() < 0.7) + rng.randint(20, 240)
                elif scen == "following":
                    # a person met during an incident response, looked up again and again for weeks
                    ei = None
                    for _ in range(50):
                        cand_inc = rng.choice(early)
                        cid, t0, bt, ps, team, kind = cand_inc
                        fem = [p for p in ps if not isinstance(p, str) and self.p_sex[p] == "V" and 1980 <= self.p_by[p] <= 2006]
                        resp = [x for x in self.cs_of_case(cid) if x not in used and self.work[x]]
                        if fem and resp:
                            ei = resp[0]
                            used.add(ei)
                            tg = fem[0]
                            break
                    if ei is None:
                        ei = pick_emp()
                        tg = self.pick_resident(rng.choice(list(self.bt_postcodes)))
                        t0 = 0
                    k = new_inc(scen, ei)
                    series(ei, tg, k, rng.randint(5, 11), p_off=0.3, spread_days=max(14, DAYS - 2 - t0 // D), start=(t0 // D + 2) * D if t0 // D + 16 < DAYS else None)
                elif scen == "export_print":
                    ei = pick_emp()
                    if ei is None:
                        continue
                    k = new_inc(scen, ei)
                    e = self.emp[ei]
                    hbt = self.p_bt[e["person"]] or rng.choice(list(self.bt_postcodes))
                    tg = self.pick_resident(hbt)
                    t = when(ei, 0.1)
                    look(ei, t, tg, k, q=True, act_extra=rng.choice((PR, PR, X)))
                    if rng.random() < 0.4:
                        tg2 = rng.choice(self.hh_members[self.p_hh[tg]])
                        look(ei, t + rng.randint(120, 900), tg2, k, q=False, act_extra=PR)
        # news hype: employees with no part in the case look up the person in the news
        per = [6, 7, 5]
        _ = early
        total = plan["news_hype"]
        for j, (name, tn, ps, c) in enumerate(self.news_events):
            involved = set(self.cs_of_case(c))
            for _ in range(per[j] if j < len(per) else 3):
                ei = pick_emp(lambda i: i not in involved and self.emp[i]["func"] not in ("comm", "leiding"))
                if ei is None:
                    continue
                k = new_inc("news_hype", ei)
                tg = ps[0] if rng.random() < 0.7 else rng.choice(ps)
                lo = tn
                hi = min(DAYS * D, tn + rng.randint(1, 4) * D)
                t = when(ei, 0.25, lo, hi)
                look(ei, t, tg, k, q=rng.random() < 0.7, n_view=rng.randint(1, 2))

    # ------------------------------------------------------------ writing
    def write(self, out):
        rng = self.rng
        os.makedirs(out, exist_ok=True)

        def opencsv(name, bom=False, crlf=False, gz=False):
            path = os.path.join(out, name + (".gz" if gz else ""))
            if gz:
                f = io.TextIOWrapper(gzip.open(path, "wb", compresslevel=4), encoding="utf-8", newline="")
            else:
                f = open(path, "w", encoding="utf-8", newline="")
            if bom:
                f.write("\ufeff")
            return f, csv.writer(f, lineterminator="\r\n" if crlf else "\n")

        f, w = opencsv("units.csv")
        w.writerow(["unit_id", "name", "fte"])
        fte = {}
        for e in self.emp:
            fte[e["unit"]] = fte.get(e["unit"], 0) + e["pt"]
        for u, n in UNITS:
            v = fte.get(u, 0)
            w.writerow([u, n, ("%.1f" % v).replace(".", ",") if u == "mn_staf" else "%.1f" % v])
        f.close()

        f, w = opencsv("teams.csv")
        w.writerow(["team_id", "unit_id", "kind", "name", "kostenplaats"])
        for tid, unit, kind, name, role, bt in self.teams:
            w.writerow([tid, unit, kind if (kind not in ("staf", "ondersteuning") or rng.random() > 0.3) else "", name, "KP%05d" % rng.randrange(99999)])
        f.close()

        f, w = opencsv("employees.csv", crlf=True)
        w.writerow(["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function", "fte", "schaal"])
        for i, e in enumerate(self.emp):
            p = e["person"]
            pid = self.p_id[p] if rng.random() > 0.025 else ""
            rank = e["rank"] if rng.random() > 0.03 else ""
            if rng.random() < 0.05 and rank:
                rank = rank.capitalize()
            hist = e["history"]
            rows = [hist[0][1]]
            if len(hist) > 1 and e.get("transfer_exported"):
                rows.append(hist[-1][1])
            for tid in rows:
                unit = self.team_info[tid][1]
                w.writerow([e["acc"], pid, self.p_sur[p], unit, tid, rank, e["ftext"], "%.2f" % e["pt"], rng.randint(6, 11)])
        f.close()

        f, w = opencsv("persons.csv", bom=True, gz=True)
        w.writerow(["person_id", "surname", "birth_year", "postcode", "house_number", "flags", "gemeente_code"])
        n = len(self.p_id)
        order = list(range(n))
        rng.shuffle(order)
        for i in order:
            pc = self.p_pc[i]
            x = rng.random()
            if self.p_flags[i] == "shielded" and rng.random() < 0.3:
                pc = ""
            elif x < 0.01:
                pc = ""
            elif x < 0.06:
                pc = pc[:4] + " " + pc[4:]
            elif x < 0.08:
                pc = pc.lower()
            by = self.p_by[i] if rng.random() > 0.025 else ""
            fl = self.p_flags[i]
            if fl == "vip" and rng.random() < 0.1:
                fl = "VIP "
            w.writerow([self.p_id[i], self.p_sur[i], by, pc, self.p_hn[i], fl, "GM%04d" % rng.randrange(9999)])
            if i in self.dup:
                w.writerow([self.dup[i], self.p_sur[i] if rng.random() < 0.7 else self.p_sur[i].upper(), by if rng.random() < 0.5 else "",
                            pc if rng.random() < 0.6 else "", self.p_hn[i] if rng.random() < 0.6 else "", "", ""])
        f.close()

        f, w = opencsv("relations.csv")
        w.writerow(["person_id", "related_person_id", "kind"])
        for a, b, kind, ex in self.rel:
            if ex:
                w.writerow([self.p_id[a], self.p_id[b], kind])
                if rng.random() < 0.1:
                    mirror = {"parent": "child", "child": "parent"}.get(kind, kind)
                    w.writerow([self.p_id[b], self.p_id[a], mirror])
        f.close()

        def fmt_ts(t, style):
            if style == "utc":
                return ts_utc(t)
            if style == "date":
                return date_of(t)
            return ts_local(t)

        f, w = opencsv("cases.csv")
        w.writerow(["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive", "omschrijving"])
        for cid, v in self.cases.items():
            if v["kind"] == "investigation":
                op = dstr(v["opened"])
                cl = dstr(v["closed"]) if v["closed"] is not None else ""
            elif v["kind"] == "intake":
                op = fmt_ts(v["opened"], v["o_fmt"] or "local")
                cl = dstr(v["closed"]) if v["closed"] is not None else ""
            else:
                op = fmt_ts(v["opened"], v["o_fmt"] or "local")
                if v["closed"] is None:
                    cl = ""
                else:
                    cs = v["c_fmt"] or "local"
                    if v["o_fmt"] == "date" and cs != "date":
                        cs = "date"
                    cl = fmt_ts(max(v["closed"], v["opened"]), cs)
            sens = ("true" if v["sensitive"] else "false")
            r = rng.random()
            if r < 0.05:
                sens = "ja" if v["sensitive"] else "nee"
            elif r < 0.10:
                sens = "1" if v["sensitive"] else ("0" if rng.random() < 0.5 else "")
            desc = v["desc"]
            if rng.random() < 0.02:
                desc = desc + ",\nzie ook BVH-mutatie"
            w.writerow([cid, v["kind"] if rng.random() > 0.02 else v["kind"].upper(), v["unit"], v["team"] or "", op, cl, sens, desc])
        f.close()

        f, w = opencsv("case_persons.csv")
        w.writerow(["case_id", "person_id", "role"])
        for cid, p, role in self.case_persons:
            w.writerow([cid, self.p_id[p] if not isinstance(p, str) else p, role])
        f.close()

        f, w = opencsv("case_staff.csv")
        w.writerow(["case_id", "employee_id", "from", "to"])
        for cid, ei, fr, to in self.case_staff:
            v = self.cases[cid]
            if v["kind"] == "investigation":
                fs = dstr(fr) if fr is not None else ""
                ts_ = dstr(max(to, fr if fr is not None else to)) if to is not None else ""
            else:
                fs = ts_local(fr) if fr is not None else ""
                if to is None:
                    ts_ = ""
                else:
                    to2 = max(to, fr) if fr is not None else to
                    ts_ = ts_utc(to2) if rng.random() < 0.5 else date_of(to2)
                    if fs and ts_ < fs[:10]:
                        ts_ = ""
            w.writerow([cid, self.emp[ei]["acc"], fs, ts_])
        f.close()

        f, w = opencsv("shifts.csv")
        w.writerow(["employee_id", "start", "end", "dienstsoort"])
        for ei, st, en in sorted(self.roster, key=lambda x: (x[1], x[0])):
            e = self.emp[ei]
            if e["func"] == "meldkamer":
                w.writerow([e["acc"], ts_utc(st), ts_utc(en), "rooster MK"])
            else:
                w.writerow([e["acc"], ts_local(st), ts_local(en), rng.choice(("dienst", "dienst", "D", "overwerk" if en - st < 3 * H else "dienst"))])
        f.close()

        # ---- events
        ev = self.ev
        ev.sort(key=lambda x: x[0])
        lo, hi = 0, DAYS * D
        per_sys_counter = [0] * len(SYSLIST)
        seqbase = [rng.randrange(100000, 900000) * 10 for _ in SYSLIST]
        ids = [None] * len(ev)
        prefix = ["bvh", "bv", "sum", "meos", "brp", "rdw", "bvi"]
        for j, x in enumerate(ev):
            s = x[2]
            per_sys_counter[s] += 1
            ids[j] = "%s-%09d" % (prefix[s], seqbase[s] + per_sys_counter[s])
        # export: per day, the systems' logs concatenated (not merged)
        path = os.path.join(out, "events.jsonl.gz")
        fo = gzip.open(path, "wb", compresslevel=3)
        buf = []
        truth = []
        dbg = [] if self.debug else None
        by_day = {}
        for j, x in enumerate(ev):
            if x[0] < lo - 4 * H or x[0] >= hi + 8 * H:
                continue
            by_day.setdefault((x[0] + 0) // D, []).append(j)
        ACTN = ACTS
        cnt = 0
        for day in sorted(by_day):
            js = by_day[day]
            groups = [[] for _ in SYSLIST]
            for j in js:
                groups[ev[j][2]].append(j)
            order_s = list(range(len(SYSLIST)))
            rng.shuffle(order_s)
            for s in order_s:
                sname = SYSLIST[s]
                for j in groups[s]:
                    t, acc, _s, act, pid, case, src, inc = ev[j]
                    ms = (j * 7919) % 1000
                    if s == 0:      # BVH: local time
                        ts = ts_local(t)
                    elif s == 1:    # BlueView: UTC with milliseconds
                        ts = ts_utc(t, ms)
                    elif s == 2:    # Summit: UTC, space separator
                        ts = ts_utc(t, -1, " ")
                    elif s == 3:    # MEOS app: local with milliseconds
                        ts = ts_local(t, ms)
                    elif s == 6:
                        ts = ts_utc(t)
                    elif s == 4:
                        ts = ts_utc(t)
                    else:
                        ts = ts_local(t)
                    an = ACTN[act] if s != 5 else ACTN[act].upper()
                    if case is None:
                        cpart = "" if s in (2, 4, 5) else (',"case_id":null' if s == 1 else (',"case_id":""' if s == 3 else ""))
                    else:
                        cpart = ',"case_id":"%s"' % case
                    eid = ids[j]
                    if s == 3:
                        line = '{"ts":"%s","id":"%s","employee_id":"%s","action":"%s","person_id":"%s","system":"meos"%s,"device":"mobiel"}\n' % (ts, eid, acc, an, pid, cpart)
                    else:
                        line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s}\n' % (eid, ts, acc, sname, an, pid, cpart)
                    if s == 4:
                        line = line[:-1] + "\r\n"
                    buf.append(line)
                    cnt += 1
                    if inc >= 0:
                        iid, scen, _e = self.incidents[inc]
                        truth.append((eid, iid, scen))
                    if dbg is not None:
                        dbg.append("%s,%s\n" % (eid, self.sources[src]))
                    if len(buf) >= 20000:
                        fo.write("".join(buf).encode("utf-8"))
                        buf = []
        fo.write("".join(buf).encode("utf-8"))
        fo.close()
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("event_id,incident_id,scenario\n")
            for eid, iid, scen in truth:
                f.write("%s,%s,%s\n" % (eid, iid, scen))
        if dbg is not None:
            with gzip.open(os.path.join(out, "debug_sources.csv.gz"), "wb", compresslevel=3) as g:
                g.write(b"event_id,source\n")
                for k in range(0, len(dbg), 50000):
                    g.write("".join(dbg[k:k + 50000]).encode("utf-8"))
        return cnt, len(truth)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    ap.add_argument("--households", type=int, default=72000)
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.seed, a.debug)
    w.build_postcodes(a.households)
    w.build_population(a.households)
    w.build_org()
    w.finish_dups()
    w.build_shifts()
    w.build_cases()
    w.gen_investigations()
    w.gen_incidents()
    w.news()
    w.routine()
    w.improper()
    n, nt = w.write(a.outdir)
    print("world seed %d: %d employees, %d persons, %d cases, %d events, %d improper events in %d incidents, %.1fs"
          % (a.seed, len(w.emp), len(w.p_id), len(w.cases), n, nt, len(w.incidents), time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
