#!/usr/bin/env python3
"""Red team 16: synthetic look-up world for Eenheid Den Haag (lekradar interchange formats).

python3 gen.py OUTDIR --seed S [--debug]

Standard library only. Deterministic for a seed (no set iteration, string-seeded RNGs).
"""
import argparse
import bisect
import datetime as _dt
import gzip
import io
import math
import os
import random
import sys

DAYS = 28
# 2026-09-07 00:00 local (+02:00, CEST for the whole period) = 2026-09-06T22:00Z
T0 = _dt.datetime(2026, 9, 6, 22, 0, 0)
TZ = 7200
H = 3600
D = 86400

# ---------------------------------------------------------------------------------
# name material
COMMON_NL = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
             "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters",
             "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
             "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
             "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
             "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra",
             "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman",
             "de Ridder", "Kuipers", "Verbeek", "Post", "van Wijk", "Veenstra", "Kramer",
             "van der Berg", "Boom", "Hoogendoorn", "Vink", "Zwart", "Groen", "van Rijn",
             "Koning", "Hermans", "Wiersma", "van Os", "Scholten", "Timmermans", "Molenaar"]
TR = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan",
      "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Yilmaz", "Ozturk"]
MA = ["El Amrani", "Bouzid", "El Idrissi", "Boukhari", "Amrani", "Benali", "El Khattabi",
      "Ouali", "Azzouzi", "Bakkali", "Chaouch", "El Ouardi", "Haddou", "Tahiri", "Zaoui",
      "El Hamdaoui", "Ait Taleb", "Boulahrouz", "Mokhtari", "Ziani"]
SR = ["Ramdin", "Sewdien", "Jagessar", "Ramsaran", "Bhagwandin", "Soekhai", "Kisoensingh",
      "Doekhi", "Pinas", "Abena", "Kasanpawiro", "Sastro", "Karijodikromo", "Biharie",
      "Mangroe", "Wongsodikromo", "Lachman", "Tjon A Fong", "Sitaldin", "Ramautar"]
PL = ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
      "Zieliński", "Szymański", "Woźniak", "Ivanov", "Georgiev", "Dimitrov", "Popescu",
      "Ionescu", "Popa", "Stoica", "Petrov", "Kaczmarek", "Mazur", "Nagy", "Horvat"]
OTHER = ["Haile", "Tesfay", "Al-Hassan", "Ahmadi", "Hosseini", "Nguyen", "Tran", "Osei",
         "Mensah", "dos Santos", "Pereira", "Fernandes", "Rodríguez", "García", "Müller",
         "Schmidt", "Smith", "O'Brien", "Van Rossum", "d'Ancona"]
SYL1 = ["Ver", "Ter", "Oost", "West", "Hoog", "Kranen", "Bloem", "Wester", "Groene", "Steen",
        "Hazel", "Kool", "Brink", "Sloot", "Molen", "Wijn", "Schel", "Roze", "Duin", "Zand",
        "Berk", "Eik", "Lind", "Vlie", "Geest", "Haar", "Riet", "Wulf", "Spaan", "Tuin"]
SYL2 = ["burg", "hout", "dijk", "veld", "man", "kamp", "broek", "hoven", "stra", "inga",
        "ink", "sma", "berg", "horst", "bosch", "wijk", "mans", "loo", "beek", "kes", "hoek",
        "weg", "rade", "lingh", "huis"]


def uncommon_name(r):
    s = r.choice(SYL1) + r.choice(SYL2)
    if r.random() < 0.25:
        s = r.choice(["van ", "van de ", "ter ", "van der ", "de "]) + s
    return s


def pick_surname(r, mix=None):
    x = r.random()
    mix = mix or (0.40, 0.62, 0.72, 0.80, 0.86, 0.92)
    if x < mix[0]:
        return r.choice(COMMON_NL)
    if x < mix[1]:
        return uncommon_name(r)
    if x < mix[2]:
        return r.choice(MA)
    if x < mix[3]:
        return r.choice(TR)
    if x < mix[4]:
        return r.choice(SR)
    if x < mix[5]:
        return r.choice(PL)
    return r.choice(OTHER)


# postcode areas (4-digit ranges) per basisteam area
AREAS = {
    "CEN": list(range(2511, 2519)),
    "SCH": list(range(2582, 2588)) + [2597],
    "SEG": list(range(2551, 2556)) + list(range(2561, 2567)),
    "ESC": list(range(2531, 2534)) + list(range(2541, 2546)),
    "LAAK": list(range(2521, 2527)),
    "HH": list(range(2591, 2597)) + list(range(2491, 2498)),
    "ZTM": list(range(2711, 2730)),
    "LVW": list(range(2261, 2276)) + list(range(2241, 2246)),
    "WL": [2671, 2672, 2673, 2675, 2678, 2681, 2685, 2691, 2692, 2291],
    "DLF": list(range(2611, 2630)) + list(range(2280, 2290)),
}
AREA_W = {"CEN": 6, "SCH": 6, "SEG": 7, "ESC": 10, "LAAK": 7, "HH": 8, "ZTM": 11, "LVW": 9,
          "WL": 9, "DLF": 12}
OUTSIDE = [2311, 2312, 2313, 2316, 2321, 2333, 2401, 2402, 2405, 2408, 2801, 2802, 2806, 3011,
           3012, 3021, 3031, 3061, 3071, 3082, 2901, 2907, 3311, 3312, 1011, 1017, 1055, 1069,
           3511, 3521, 5611, 6511, 9711, 7511, 2152, 2201, 2211, 2371]
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"

# ---------------------------------------------------------------------------------
# organisation
UNITS = [
    ("dh_centrum", "District Den Haag Centrum (Centrum, Scheveningen, Segbroek)", "1120,5"),
    ("dh_zuid", "District Den Haag Zuid-West (Escamp, Laak, Haagse Hout)", "1210"),
    ("zoetermeer_lv", "District Zoetermeer / Leidschendam-Voorburg / Wassenaar", "690"),
    ("westland_delft", "District Westland-Delft-Rijswijk", "880"),
    ("drr", "Dienst Regionale Recherche", "960"),
    ("dros", "Dienst Regionale Operationele Samenwerking", "780"),
    ("meldkamer_haaglanden", "Meldkamer Politie Haaglanden", "160"),
    ("drio", "Dienst Regionale Informatieorganisatie", "640"),
    ("staf_dh", "Eenheidsstaf Den Haag", "210"),
]
BT = [  # code, unit, name, size
    ("CEN", "dh_centrum", "Basisteam Centrum", 150),
    ("SCH", "dh_centrum", "Basisteam Scheveningen", 105),
    ("SEG", "dh_centrum", "Basisteam Segbroek", 95),
    ("ESC", "dh_zuid", "Basisteam Escamp", 130),
    ("LAAK", "dh_zuid", "Basisteam Laak", 110),
    ("HH", "dh_zuid", "Basisteam Haagse Hout", 100),
    ("ZTM", "zoetermeer_lv", "Basisteam Zoetermeer", 115),
    ("LVW", "zoetermeer_lv", "Basisteam Leidschendam-Voorburg, Wassenaar", 80),
    ("WL", "westland_delft", "Basisteam Westland", 95),
    ("DLF", "westland_delft", "Basisteam Delft, Rijswijk", 120),
]
OTHER_TEAMS = [  # id, unit, kind, name, size, role
    ("T-DHC-DRT", "dh_centrum", "recherche", "Districtsrecherche Centrum", 32, "drt"),
    ("T-DHZ-DRT", "dh_zuid", "recherche", "Districtsrecherche Zuid-West", 34, "drt"),
    ("T-ZLV-DRT", "zoetermeer_lv", "recherche", "Districtsrecherche Zoetermeer", 24, "drt"),
    ("T-WD-DRT", "westland_delft", "recherche", "Districtsrecherche Westland-Delft", 28, "drt"),
    ("T-DRR-TGO1", "drr", "recherche", "Team Georganiseerde Criminaliteit 1", 34, "drr"),
    ("T-DRR-TGO2", "drr", "recherche", "Team Georganiseerde Criminaliteit 2", 30, "drr"),
    ("T-DRR-TGO", "drr", "recherche", "Team Grootschalige Opsporing", 28, "drr"),
    ("T-DRR-FIN", "drr", "recherche", "Financiele Recherche", 22, "drr"),
    ("T-DRR-ZED", "drr", "recherche", "Team Zeden, Jeugd en Kwetsbare Personen", 26, "drr"),
    ("T-DRR-AVIM", "drr", "specialistisch", "AVIM / Mensenhandel en Arbeidsuitbuiting", 30, "avim"),
    ("T-DRR-CIE", "drr", "specialistisch", "Criminele Inlichtingen Eenheid", 18, "cie"),
    ("T-MK", "meldkamer_haaglanden", "meldkamer", "Meldkamer Politie, Den Haag", 72, "mk"),
    ("T-DROS-VRK", "dros", "noodhulp", "Verkeershandhaving", 58, "vrk"),
    ("T-DROS-BB", "dros", "specialistisch", "Bewaken en Beveiligen (ambassades, objecten)", 88, "bb"),
    ("T-DROS-ARR", "dros", "ondersteuning", "Arrestantentaken en ID-straat", 42, "arr"),
    ("T-DROS-OC", "dros", "staf", "Operationeel Centrum / SGBO-staf", 18, "oc"),
    ("T-DRIO-IS", "drio", "intake_service", "Intake en Service", 124, "intake"),
    ("T-DRIO-RTIC", "drio", "informatie_analyse", "RTIC", 38, "rtic"),
    ("T-DRIO-AO", "drio", "informatie_analyse", "Analyse en Onderzoek", 36, "analyse"),
    ("T-DRIO-FB", "drio", "", "Functioneel Beheer", 14, "fb"),
    ("T-STAF-VIK", "staf_dh", "staf", "Veiligheid, Integriteit en Klachten", 12, "vik"),
    ("T-STAF-EL", "staf_dh", "staf", "Eenheidsleiding en Communicatie", 40, "staf"),
]

SYS_FMT = {"bvh": "local", "meos": "utcms", "summit": "space", "bvi": "space",
           "blueview": "local", "brp": "utc", "rdw": "utc"}


def fmt_ts(t, style):
    dt = T0 + _dt.timedelta(seconds=t)
    if style == "utc":
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "utcms":
        return dt.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % int((t % 1) * 1000)
    dl = dt + _dt.timedelta(seconds=TZ)
    if style == "space":
        return dl.strftime("%Y-%m-%d %H:%M:%S") + "+02:00"
    return dl.strftime("%Y-%m-%dT%H:%M:%S") + "+02:00"


def fmt_date(t):
    return (T0 + _dt.timedelta(seconds=t + TZ)).strftime("%Y-%m-%d")


class World:
    def __init__(self, seed):
        self.seed = seed
        self.R = lambda name: random.Random("rt16-%s-%s" % (seed, name))
        self.ev = []  # (t, emp_idx, system, action, pidx, case_id or None, tag)
        self.incidents = 0

    # ------------------------------------------------------------------ persons
    def new_person(self, sur, by, pc, hn, flags=""):
        i = len(self.p_sur)
        self.p_sur.append(sur)
        self.p_by.append(by)
        self.p_pc.append(pc)
        self.p_hn.append(hn)
        self.p_flags.append(flags)
        return i

    def make_postcodes(self):
        r = self.R("pc")
        self.area_pcs = {}
        for a, codes in AREAS.items():
            lst = []
            for c in codes:
                for lp in r.sample([x + y for x in LETTERS[:12] for y in LETTERS], 9):
                    lst.append("%d%s" % (c, lp))
            self.area_pcs[a] = lst
        self.out_pcs = ["%d%s" % (c, lp) for c in OUTSIDE
                        for lp in r.sample([x + y for x in LETTERS[:12] for y in LETTERS], 6)]
        self.pc_next = {}

    def address(self, r, pc):
        n = self.pc_next.get(pc, r.randint(1, 40))
        self.pc_next[pc] = n + r.choice([1, 2, 2, 2, 3])
        x = r.random()
        if x < 0.12:
            return pc, ["%d-%d" % (n, k) for k in (1, 2, 3)]
        if x < 0.18:
            return pc, ["%d %s" % (n, k) for k in "ABC"]
        if x < 0.2:
            return pc, ["%dbis" % n, "%d" % n]
        return pc, [str(n)]

    def household(self, r, pc, kind=None, sur=None, base_by=None):
        """creates a household at a new address in pc; returns list of person idx and roles."""
        pc, hns = self.address(r, pc)
        hn = r.choice(hns)
        kind = kind or r.choices(["single", "couple", "family", "single_parent", "shared"],
                                 [34, 24, 28, 9, 5])[0]
        sur = sur or pick_surname(r)
        by = base_by or r.randint(1944, 2004)
        mem = []
        a = self.new_person(sur, by, pc, hn)
        mem.append((a, "head"))
        if kind in ("couple", "family"):
            s2 = sur if r.random() < 0.35 else pick_surname(r)
            b = self.new_person(s2, max(1930, min(2006, by + r.randint(-6, 6))), pc, hn)
            mem.append((b, "partner"))
        if kind in ("family", "single_parent"):
            for _ in range(r.choice([1, 1, 2, 2, 3, 4])):
                cby = min(2025, max(by + 20, 1965) + r.randint(0, 18))
                c = self.new_person(sur, cby, pc, hn)
                mem.append((c, "child"))
        if kind == "shared":
            for _ in range(r.randint(1, 3)):
                c = self.new_person(pick_surname(r), r.randint(1990, 2006), pc, hn)
                mem.append((c, "housemate"))
        return mem

    def make_population(self):
        r = self.R("pop")
        self.p_sur, self.p_by, self.p_pc, self.p_hn, self.p_flags = [], [], [], [], []
        self.p_area = []
        self.rel = []  # (a, b, kind)
        self.area_people = {a: [] for a in AREAS}
        areas = list(AREA_W.keys())
        weights = [AREA_W[a] for a in areas]
        target = 88000
        while len(self.p_sur) < target:
            a = r.choices(areas, weights)[0]
            if a in ("LAAK", "ESC", "CEN"):
                mix = (0.25, 0.40, 0.56, 0.70, 0.84, 0.90)
            elif a == "WL":
                mix = (0.45, 0.75, 0.78, 0.81, 0.83, 0.95)
            else:
                mix = (0.40, 0.66, 0.74, 0.80, 0.86, 0.91)
            pc = r.choice(self.area_pcs[a])
            mem = self.household(r, pc, sur=pick_surname(r, mix))
            for p, _ in mem:
                self.p_area.append(a)
                self.area_people[a].append(p)
            if r.random() < 0.45:
                self.brp_relations(r, mem)
        self.n_region = len(self.p_sur)
        # labour migrants in Westland lodging houses (many per address)
        self.lodgings = []
        for _ in range(70):
            pc = r.choice(self.area_pcs["WL"])
            pc, hns = self.address(r, pc)
            hn = hns[0]
            mem = []
            for _ in range(r.randint(8, 26)):
                p = self.new_person(r.choice(PL), r.randint(1970, 2005), pc, hn)
                self.p_area.append("WL")
                mem.append(p)
            self.lodgings.append(mem)
        # registered elsewhere / RNI without address
        for _ in range(900):
            p = self.new_person(r.choice(PL + OTHER), r.choice([r.randint(1965, 2006), None]), "", "")
            self.p_area.append("")
        # outside the region (demonstrators, visitors, suspects from elsewhere)
        self.outside = []
        for _ in range(5200):
            pc = r.choice(self.out_pcs)
            mem = self.household(r, pc, kind=r.choice(["single", "couple", "single"]))
            for p, _ in mem:
                self.p_area.append("OUT")
                self.outside.append(p)
        # deceased
        for _ in range(900):
            p = r.randrange(self.n_region)
            if self.p_by[p] and self.p_by[p] < 1950:
                self.p_flags[p] = "deceased"
        # VIPs: politicians, ministers, royals' staff, tv, sport; many in Den Haag/Wassenaar
        self.vips = []
        for _ in range(320):
            a = r.choice(["CEN", "SCH", "SCH", "HH", "LVW", "LVW", "SEG", "DLF", "OUT"])
            if a == "OUT":
                mem = self.household(r, r.choice(self.out_pcs), kind="couple",
                                     base_by=r.randint(1950, 1995))
            else:
                mem = self.household(r, r.choice(self.area_pcs[a]), kind=r.choice(["couple", "family", "single"]),
                                     base_by=r.randint(1950, 1995))
            for p, _ in mem:
                self.p_area.append(a)
            self.p_flags[mem[0][0]] = "vip"
            self.vips.append(mem[0][0])
        # shielded persons (witness protection, threatened persons, undercover)
        self.shielded = []
        for _ in range(70):
            a = r.choice(list(AREAS))
            p = self.new_person(pick_surname(r), r.randint(1955, 2000), r.choice(self.area_pcs[a]) if r.random() < 0.7 else "",
                                "" if r.random() < 0.5 else str(r.randint(1, 200)))
            self.p_area.append(a)
            self.p_flags[p] = r.choice(["shielded", "shielded", "SHIELDED", "shielded;vip"])
            self.shielded.append(p)
        # the police-known: weighted pool (young adult bias)
        cand = [p for p in range(self.n_region) if self.p_by[p] and 1960 <= self.p_by[p] <= 2010]
        self.known = r.sample(cand, 14000)
        self.known_w = [1.0 / (k + 40) ** 0.85 for k in range(len(self.known))]
        self.known_cum = []
        s = 0.0
        for w in self.known_w:
            s += w
            self.known_cum.append(s)
        self.known_by_area = {a: [] for a in AREAS}
        for rank, p in enumerate(self.known):
            a = self.p_area[p]
            if a in self.known_by_area:
                self.known_by_area[a].append(p)

    def brp_relations(self, r, mem):
        head = mem[0][0]
        for p, role in mem[1:]:
            if role == "partner":
                self.rel.append((head, p, r.choice(["partner", "partner", "household"])))
            elif role == "child":
                if r.random() < 0.8:
                    self.rel.append((p, head, "parent"))
                if len(mem) > 1 and mem[1][1] == "partner" and r.random() < 0.6:
                    self.rel.append((p, mem[1][0], "parent"))
            elif role == "housemate" and r.random() < 0.3:
                self.rel.append((head, p, "household"))

    def known_pick(self, r, area=None):
        if area and area in self.known_by_area and r.random() < 0.6 and self.known_by_area[area]:
            lst = self.known_by_area[area]
            return lst[int(len(lst) * r.random() ** 2.2)]
        x = r.random() * self.known_cum[-1]
        return self.known[bisect.bisect_left(self.known_cum, x)]

    def random_resident(self, r, area=None):
        if area and area in self.area_people:
            return r.choice(self.area_people[area])
        return r.randrange(self.n_region)

    # ------------------------------------------------------------------ organisation
    def make_org(self):
        r = self.R("org")
        self.teams = []  # (id, unit, kind, name, role, area)
        for code, unit, name, size in BT:
            self.teams.append(("T-%s-BT" % code, unit, "basisteam", name, "bt", code, size))
        for tid, unit, kind, name, size, role in OTHER_TEAMS:
            self.teams.append((tid, unit, kind, name, role, None, size))
        self.team_idx = {t[0]: i for i, t in enumerate(self.teams)}
        self.emps = []  # dicts
        used = set()
        rpop = self.R("emppop")
        for ti, t in enumerate(self.teams):
            tid, unit, kind, name, role, area, size = t
            for k in range(size):
                e = {"team": ti, "unit": unit, "role": role, "area": area}
                while True:
                    eid = "E%06d" % r.randint(100000, 399999)
                    if eid not in used:
                        break
                used.add(eid)
                e["id"] = eid
                e["num"] = False
                if role == "bt":
                    fn = r.choices(["noodhulp", "wijkagent", "opsporing", "coordinator", "backoffice", "jeugd"],
                                   [62, 12, 10, 7, 5, 4])[0]
                    rank = {"noodhulp": r.choices(["aspirant", "agent", "hoofdagent", "brigadier"], [6, 30, 50, 14])[0],
                            "wijkagent": r.choice(["hoofdagent", "brigadier", "brigadier"]),
                            "opsporing": r.choice(["hoofdagent", "brigadier"]),
                            "coordinator": r.choice(["brigadier", "inspecteur", "inspecteur"]),
                            "backoffice": r.choice(["burger", "hoofdagent", "agent"]),
                            "jeugd": r.choice(["hoofdagent", "brigadier"])}[fn]
                elif role in ("drt", "drr"):
                    fn = r.choices(["rechercheur", "teamleider", "analist"], [82, 8, 10])[0]
                    rank = r.choice(["hoofdagent", "brigadier", "brigadier", "inspecteur", "burger"]) if fn != "teamleider" else "inspecteur"
                elif role == "avim":
                    fn = "rechercheur"
                    rank = r.choice(["hoofdagent", "brigadier", "agent"])
                elif role == "cie":
                    fn = "cie"
                    rank = r.choice(["brigadier", "inspecteur"])
                elif role == "mk":
                    fn = "meldkamer"
                    rank = r.choice(["burger", "burger", "hoofdagent", "brigadier"])
                elif role == "vrk":
                    fn = "verkeer"
                    rank = r.choice(["agent", "hoofdagent", "hoofdagent", "brigadier"])
                elif role == "bb":
                    fn = "beveiliging"
                    rank = r.choice(["surveillant", "agent", "hoofdagent", "brigadier"])
                elif role == "arr":
                    fn = "arrestantenzorg"
                    rank = r.choice(["burger", "agent", "hoofdagent"])
                elif role == "oc":
                    fn = "operationeel coordinator"
                    rank = r.choice(["inspecteur", "hoofdinspecteur"])
                elif role == "intake":
                    fn = "intake"
                    rank = r.choice(["burger", "burger", "agent", "hoofdagent"])
                elif role == "rtic":
                    fn = "rtic"
                    rank = r.choice(["burger", "hoofdagent", "brigadier"])
                elif role == "analyse":
                    fn = "analist"
                    rank = "burger"
                elif role == "fb":
                    fn = "functioneel beheer"
                    rank = r.choice(["burger", "extern", "extern"])
                elif role == "vik":
                    fn = "vik rechercheur"
                    rank = r.choice(["brigadier", "inspecteur"])
                else:
                    fn = r.choice(["staf", "communicatie", "teamchef", "hr-adviseur"])
                    rank = r.choice(["burger", "inspecteur", "hoofdinspecteur", "commissaris"])
                if rank == "extern":
                    eid = str(r.randint(700000, 799999))
                    e["id"] = eid
                    e["num"] = True
                e["function"] = fn
                e["rank"] = rank
                e["act"] = min(3.0, r.lognormvariate(0, 0.45))
                self.emps.append(e)
        # own family records
        outside_home = [2311, 2316, 2321, 2333, 2401, 2405, 2408, 2801, 2806, 3061, 3082, 2901, 2907, 2152, 2211, 2371]
        for e in self.emps:
            r2 = rpop
            if r2.random() < 0.38:
                a = r2.choice(list(AREAS))
                pc = r2.choice(self.area_pcs[a])
            else:
                a = "OUT"
                c = r2.choice(outside_home)
                pc = "%d%s%s" % (c, r2.choice(LETTERS[:12]), r2.choice(LETTERS))
            sur = pick_surname(r2, (0.55, 0.80, 0.85, 0.89, 0.93, 0.96, 1.0))
            by = r2.randint(1962, 2004)
            kind = r2.choices(["single", "couple", "family", "single_parent"], [25, 25, 42, 8])[0]
            mem = self.household(r2, pc, kind=kind, sur=sur, base_by=by)
            for p, _ in mem:
                self.p_area.append(a)
            me = mem[0][0]
            e["pid"] = me
            e["surname"] = sur
            e["home_area"] = a
            fam = {"partner": [], "child": [], "parent": [], "sibling": [], "ex": [], "household": []}
            for p, role in mem[1:]:
                if role == "partner":
                    fam["partner"].append(p)
                    if r2.random() < 0.8:
                        self.rel.append((me, p, r2.choice(["partner", "partner", "household"])))
                elif role == "child":
                    fam["child"].append(p)
                    if r2.random() < 0.7:
                        self.rel.append((me, p, "child"))
            # parents
            if r2.random() < 0.75:
                pa = r2.choice(self.area_pcs[r2.choice(list(AREAS))]) if r2.random() < 0.55 else r2.choice(self.out_pcs)
                pm = self.household(r2, pa, kind=r2.choice(["couple", "couple", "single"]), sur=sur, base_by=by - r2.randint(22, 36))
                for p, _ in pm:
                    self.p_area.append(self.area_of_pc(pa))
                    fam["parent"].append(p)
                    if r2.random() < 0.45:
                        self.rel.append((me, p, "parent"))
            # siblings
            for _ in range(r2.choice([0, 1, 1, 2, 2, 3])):
                sa = r2.choice(self.area_pcs[r2.choice(list(AREAS))]) if r2.random() < 0.5 else r2.choice(self.out_pcs)
                sm = self.household(r2, sa, kind=r2.choice(["single", "couple", "family"]), sur=sur,
                                    base_by=by + r2.randint(-8, 8))
                for p, _ in sm:
                    self.p_area.append(self.area_of_pc(sa))
                fam["sibling"].append(sm[0][0])
                if r2.random() < 0.25:
                    self.rel.append((me, sm[0][0], "sibling"))
            # ex partner
            if r2.random() < 0.16:
                xa = r2.choice(self.area_pcs[r2.choice(list(AREAS))]) if r2.random() < 0.6 else r2.choice(self.out_pcs)
                xm = self.household(r2, xa, kind=r2.choice(["single", "couple", "single_parent"]),
                                    base_by=by + r2.randint(-5, 5))
                for p, _ in xm:
                    self.p_area.append(self.area_of_pc(xa))
                fam["ex"] = [p for p, _ in xm]
                if r2.random() < 0.4:
                    self.rel.append((me, xm[0][0], "ex_partner"))
            e["fam"] = fam
            if e["rank"] == "extern" or r2.random() < 0.04:
                e["pid_export"] = None
            else:
                e["pid_export"] = me
        self.emp_by_team = {}
        for i, e in enumerate(self.emps):
            self.emp_by_team.setdefault(e["team"], []).append(i)

    def area_of_pc(self, pc):
        try:
            c = int(pc[:4])
        except ValueError:
            return ""
        for a, codes in AREAS.items():
            if c in codes:
                return a
        return "OUT"

    # ------------------------------------------------------------------ rosters
    def make_shifts(self):
        r = self.R("shifts")
        self.shifts = [[] for _ in self.emps]   # (start, end) actual worked
        self.shift_export = [[] for _ in self.emps]  # rows to export
        self.team_day = {}
        for i, e in enumerate(self.emps):
            role = e["role"]
            fn = e["function"]
            parttime = r.random() < 0.18
            if role in ("bt", "vrk", "bb", "mk", "arr", "intake", "rtic") and fn not in ("wijkagent", "opsporing", "backoffice", "jeugd"):
                # 24/7 rotation
                off = r.randrange(3)
                if ["D", "L", "N"][(3 + off - 1) % 3] == "N" and r.random() < 0.55:
                    # night shift that started on the evening before the period
                    self.add_shift(r, i, -D + 23 * H, 7 * H)
                for w in range(4):
                    typ = ["D", "L", "N"][(w + off) % 3]
                    if role == "intake" and typ == "N":
                        typ = "L" if r.random() < 0.7 else "N"
                    if role == "bb" and fn == "beveiliging" and r.random() < 0.2:
                        typ = "D"
                    ndays = 3 if parttime else r.choice([4, 4, 5])
                    days = sorted(r.sample(range(7), ndays))
                    for dd in days:
                        d = w * 7 + dd
                        st = {"D": 7, "L": 15, "N": 23}[typ] * H + r.choice([0, 0, 0, -1800, 1800])
                        if role == "mk":
                            st = {"D": 7, "L": 15, "N": 23}[typ] * H
                        ln = 8 * H + r.choice([0, 0, 1800, 3600])
                        self.add_shift(r, i, d * D + st, d * D + st + ln)
            else:
                flex = r.choice([7.5, 8, 8, 8.5, 9])
                for d in range(DAYS):
                    wd = d % 7
                    if wd >= 5:
                        if role in ("drr", "drt", "avim") and r.random() < 0.06:
                            self.add_shift(r, i, d * D + 9 * H, d * D + 15 * H)
                        continue
                    if parttime and wd == r.choice([0, 4, 2]):
                        continue
                    if r.random() < 0.08:  # leave, course, sick
                        continue
                    st = d * D + int((flex + r.uniform(-0.5, 0.7)) * H)
                    ln = int(r.uniform(7.5, 9.5) * H)
                    self.add_shift(r, i, st, st + ln)
            # holidays: drop a block for some
            if r.random() < 0.2:
                b = r.randrange(DAYS - 7)
                self.shifts[i] = [s for s in self.shifts[i] if not (b * D <= s[0] < (b + r.randint(5, 10)) * D)]
        # roster export: some teams not in the roster system; some shifts missing; overtime not booked
        noexport_teams = {self.team_idx["T-DRR-CIE"], self.team_idx["T-STAF-EL"], self.team_idx["T-DRIO-FB"]}
        for i, e in enumerate(self.emps):
            for (s, t) in self.shifts[i]:
                if e["team"] in noexport_teams:
                    continue
                if r.random() < 0.025:
                    continue
                # booked roster times rather than actual (overtime shorter)
                t2 = t
                if t - s > 8 * H and r.random() < 0.5:
                    t2 = s + 8 * H
                self.shift_export[i].append((s, t2))
                if t2 != t and r.random() < 0.4:
                    self.shift_export[i].append((t2 - 600, t))  # overtime row separately, overlapping
        for i, e in enumerate(self.emps):
            for (s, t) in self.shifts[i]:
                d0 = int(s // D)
                self.team_day.setdefault((e["team"], d0), []).append((s, t, i))

    def add_shift(self, r, i, s, t):
        if t > DAYS * D + 8 * H:
            t = DAYS * D + 8 * H
        self.shifts[i].append((s, t))

    def on_shift(self, team, t, fn=None):
        out = []
        d = int(t // D)
        for dd in (d - 1, d):
            for s, e_, i in self.team_day.get((team, dd), ()):
                if s <= t <= e_ and (fn is None or self.emps[i]["function"] in fn):
                    out.append(i)
        return out

    def shift_at(self, i, t):
        for s, e_ in self.shifts[i]:
            if s <= t <= e_:
                return (s, e_)
        return None

    # ------------------------------------------------------------------ cases
    def new_case(self, cid, kind, unit, team, opened, closed, sensitive, persons, staff, label=None):
        c = {"id": cid, "kind": kind, "unit": unit, "team": team, "opened": opened,
             "closed": closed, "sens": sensitive, "persons": persons, "staff": staff}
        self.cases.append(c)
        return c

    def bvh_no(self, r):
        while True:
            n = "PL1500-2026%06d" % r.randint(200000, 399999)
            if n not in self.case_ids:
                self.case_ids[n] = 1
                return n

    def summit_no(self, r, prefix):
        while True:
            n = "%s-2026%04d" % (prefix, r.randint(1, 9999))
            if n not in self.case_ids:
                self.case_ids[n] = 1
                return n

    def add(self, t, emp, system, action, p, case, tag):
        if t < 0 or t >= DAYS * D:
            return
        self.ev.append((t, emp, system, action, p, case, tag))

    # ------------------------------------------------------------------ legit work
    def make_cases_and_work(self):
        r = self.R("work")
        self.cases = []
        self.case_ids = {}
        self.team_incidents = {}  # team idx -> list of case
        bt_idx = [i for i, t in enumerate(self.teams) if t[4] == "bt"]
        mk_team = self.team_idx["T-MK"]
        rtic_team = self.team_idx["T-DRIO-RTIC"]
        arr_team = self.team_idx["T-DROS-ARR"]
        hour_w = [5, 4, 3, 2, 2, 2, 3, 5, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10, 10, 10, 9, 9, 8, 7]
        # ---- incidents in basisteams
        for ti in bt_idx:
            t = self.teams[ti]
            area = t[5]
            rate = t[6] * 0.21  # incidents per day
            for d in range(DAYS):
                wk = 1.25 if d % 7 in (4, 5) else 1.0
                n = int(r.gauss(rate * wk, math.sqrt(rate)))
                for _ in range(max(0, n)):
                    hr = r.choices(range(24), hour_w)[0]
                    topen = d * D + hr * H + r.randrange(H)
                    self.incident(r, ti, area, topen, mk_team, rtic_team, arr_team)
        # ---- traffic incidents (accidents) by verkeer
        vrk = self.team_idx["T-DROS-VRK"]
        for d in range(DAYS):
            for _ in range(r.randint(3, 7)):
                topen = d * D + r.choices(range(24), hour_w)[0] * H + r.randrange(H)
                self.incident(r, vrk, r.choice(list(AREAS)), topen, mk_team, rtic_team, arr_team, traffic=True)
        # ---- investigations
        self.investigations(r)
        # ---- intake desk / phone / internet
        self.intake_work(r)
        # ---- shift work not tied to incidents
        self.street_work(r)
        # ---- special events
        self.demonstrations(r)
        self.amber_alert(r)
        self.stabbing(r)
        self.vik_work(r)
        self.fb_tests(r)

    def incident(self, r, ti, area, topen, mk_team, rtic_team, arr_team, traffic=False):
        team = self.teams[ti]
        cid = self.bvh_no(r)
        npers = r.choices([0, 1, 2, 3, 4, 5], [6, 34, 30, 16, 9, 5])[0]
        persons = []
        roles = ["verdachte", "slachtoffer", "melder", "getuige", "betrokkene", "aangever", "benadeelde"]
        for k in range(npers):
            if r.random() < 0.6:
                p = self.known_pick(r, area)
            elif r.random() < 0.8:
                p = self.random_resident(r, area if r.random() < 0.7 else None)
            else:
                p = r.choice(self.outside)
            role = roles[0] if (k == 0 and r.random() < 0.5) else r.choice(roles)
            persons.append((p, role))
        # public figures / protected persons in ordinary incidents (threats, nuisance, traffic)
        if persons and area in ("CEN", "SCH", "HH", "LVW", "SEG") and r.random() < 0.025:
            persons.append((r.choice(self.vips), r.choice(["slachtoffer", "melder", "betrokkene"])))
        if persons and r.random() < 0.002:
            persons.append((r.choice(self.shielded), "betrokkene"))
        # an officer of the team as victim (violence against police) or witness
        if team[4] == "bt" and r.random() < 0.008:
            pol = self.on_shift(ti, topen)
            if pol:
                persons.append((self.emps[r.choice(pol)]["pid"], r.choice(["slachtoffer", "getuige"])))
        # persons not registered in the incident but looked up (bystanders, the person who gave a false name)
        unreg = []
        if npers and r.random() < 0.22:
            unreg.append(self.known_pick(r, area) if r.random() < 0.5 else self.random_resident(r, area))
        x = r.random()
        if x < 0.55:
            closed = topen + r.randint(1800, 6 * H)
        elif x < 0.8:
            closed = ("date", topen + r.randint(0, 3 * D))
        else:
            closed = None
        staff = []
        resp = self.on_shift(ti, topen, ("noodhulp", "verkeer", "jeugd"))
        if len(resp) < 2:
            # assistance from another team of the district
            for tj in range(len(self.teams)):
                if self.teams[tj][1] == team[1] and tj != ti and self.teams[tj][4] == "bt":
                    resp += self.on_shift(tj, topen, ("noodhulp",))
        resp = r.sample(resp, min(len(resp), r.choice([1, 2, 2, 2, 3])))
        for e in resp:
            if r.random() < 0.5:
                staff.append((e, topen if r.random() < 0.5 else None, None))
        c = self.new_case(cid, "incident", team[1], team[0], topen, closed, False, persons, staff)
        self.team_incidents.setdefault(ti, []).append(c)
        allp = [p for p, _ in persons] + unreg
        # meldkamer takes the call
        if allp and r.random() < 0.45:
            mks = self.on_shift(mk_team, topen)
            if mks:
                m = r.choice(mks)
                for p in allp[:r.randint(1, 2)]:
                    self.add(topen - r.randint(0, 400), m, "bvh", "query", p, None, ("L", "meldkamer_call"))
        # responders
        for e in resp:
            sh = self.shift_at(e, topen)
            for p in allp:
                tq = topen + r.randint(120, 1800)
                sysm = "meos" if r.random() < 0.75 else "bvh"
                if traffic and r.random() < 0.5:
                    sysm = "rdw"
                self.add(tq, e, sysm, "query", p, None, ("L", "incident_response"))
                if r.random() < 0.45:
                    self.add(tq + r.randint(10, 300), e, sysm, "view", p, None, ("L", "incident_response"))
        # report writing (rapporteur) later in shift or next shift
        if resp and allp and r.random() < 0.75:
            e = resp[0]
            sh = self.shift_at(e, topen)
            if sh and r.random() < 0.7:
                tw = min(sh[1] + r.choice([0, 0, 0, 1200, 2400]), max(topen + 900, sh[1] - r.randint(0, 5400)))
            else:
                later = [s for s in self.shifts[e] if s[0] > topen]
                tw = later[0][0] + r.randint(600, 3 * H) if later else topen + 3 * H
            give = r.random() < 0.6
            for p in allp:
                self.add(tw + r.randint(0, 600), e, "bvh", "view", p, cid if give else None, ("L", "incident_report"))
        # RTIC support on priority incidents: also household of the persons
        if allp and r.random() < 0.14:
            rt = self.on_shift(rtic_team, topen)
            if rt:
                a = r.choice(rt)
                tt = topen + r.randint(60, 900)
                for p in allp:
                    self.add(tt, a, r.choice(["bvh", "bvi", "blueview"]), "query", p, cid if r.random() < 0.15 else None, ("L", "rtic_support"))
                    tt += r.randint(20, 200)
                    for q in self.same_address(p)[:r.randint(0, 3)]:
                        self.add(tt, a, "brp", "query", q, None, ("L", "rtic_address_check"))
                        tt += r.randint(10, 90)
        # arrestee processing
        sus = [p for p, role in persons if role == "verdachte"]
        if sus and r.random() < 0.35:
            ar = self.on_shift(arr_team, topen + H)
            if ar:
                a = r.choice(ar)
                for p in sus:
                    self.add(topen + r.randint(2400, 3 * H), a, "bvh", "view", p, cid if r.random() < 0.75 else None, ("L", "arrestee_processing"))
        # follow-up by team: coordinator / backoffice / basisteam opsporing the next days
        if allp and self.teams[ti][4] == "bt":
            members = self.emp_by_team[ti]
            if r.random() < 0.35:
                e = r.choice(members)
                if self.emps[e]["function"] in ("coordinator", "backoffice", "opsporing", "wijkagent", "jeugd"):
                    tf = topen + r.randint(3 * H, 4 * D)
                    sh = None
                    for s in self.shifts[e]:
                        if s[0] >= tf - 8 * H and s[0] <= tf + 2 * D:
                            sh = s
                            break
                    if sh:
                        tf = r.uniform(sh[0] + 600, sh[1] - 600)
                        give = self.emps[e]["function"] == "backoffice" and r.random() < 0.7
                        for p in allp:
                            self.add(tf, e, "bvh", "view", p, cid if give else None, ("L", "team_followup_" + self.emps[e]["function"]))
                            tf += r.randint(20, 400)
        return c

    def same_address(self, p):
        key = (self.p_pc[p], self.p_hn[p])
        if not key[0]:
            return []
        if not hasattr(self, "_addr"):
            self._addr = {}
            for q in range(len(self.p_sur)):
                self._addr.setdefault((self.p_pc[q], self.p_hn[q]), []).append(q)
        return [q for q in self._addr.get(key, []) if q != p]

    def investigations(self, r):
        self.sensitive_cases = []
        self.team_invest = {}
        for ti, t in enumerate(self.teams):
            role = t[4]
            if role not in ("drt", "drr", "avim", "bt", "bb"):
                continue
            members = [i for i in self.emp_by_team[ti]
                       if role != "bt" or self.emps[i]["function"] == "opsporing"]
            if not members:
                continue
            nc = {"drt": 30, "drr": 9, "avim": 8, "bt": 12, "bb": 7}[role]
            for k in range(nc):
                prefix = {"drt": "DRT", "drr": "ONT-HGL", "avim": "AVIM", "bt": "BT", "bb": "BB"}[role]
                cid = self.summit_no(r, prefix) if role != "bt" else self.bvh_no(r)
                sens = (role == "drr" and t[0] in ("T-DRR-TGO1", "T-DRR-TGO2", "T-DRR-FIN") and r.random() < 0.7) or \
                       (role == "drt" and r.random() < 0.08) or (role == "bb" and r.random() < 0.5)
                area = r.choice(list(AREAS))
                persons = []
                if role == "bb":
                    prot = r.sample(self.vips, r.randint(2, 8)) + r.sample(self.shielded, r.randint(0, 3))
                    persons = [(p, "beveiligde") for p in prot]
                    persons += [(self.known_pick(r), "dreiger") for _ in range(r.randint(1, 4))]
                    opened = -r.randint(40, 900) * D
                elif role == "avim":
                    lod = r.choice(self.lodgings)
                    persons = [(p, r.choice(["slachtoffer", "getuige", "betrokkene"])) for p in r.sample(lod, max(1, len(lod) // 2))]
                    persons += [(self.known_pick(r, "WL"), "verdachte") for _ in range(r.randint(1, 3))]
                    opened = -r.randint(10, 300) * D
                    c_lodging = lod
                else:
                    n = {"drt": r.randint(2, 9), "drr": r.randint(8, 45), "bt": r.randint(1, 5)}[role]
                    for j in range(n):
                        p = self.known_pick(r, area) if r.random() < 0.75 else self.random_resident(r)
                        persons.append((p, r.choices(["verdachte", "getuige", "slachtoffer", "betrokkene", "aangever"], [45, 20, 15, 15, 5])[0]))
                    opened = -r.randint(5, 400) * D if role != "bt" else r.randint(-60, 20) * D
                # dedupe
                seen = {}
                persons = [x for x in persons if not (x[0] in seen or seen.setdefault(x[0], 1) is None)]
                staff_n = {"drt": r.randint(1, 4), "drr": r.randint(5, 14), "avim": r.randint(3, 7), "bt": r.randint(1, 2), "bb": 0}[role]
                staff_emps = r.sample(members, min(len(members), staff_n))
                staff = []
                for e in staff_emps:
                    fr = None if r.random() < 0.6 else max(opened, -r.randint(0, 60) * D)
                    to = None
                    if r.random() < 0.07:
                        to = max(opened if fr is None else fr, 0) + r.randint(3, 20) * D
                    staff.append((e, fr, to))
                closed = None
                if r.random() < 0.15:
                    closed = ("date", max(opened + D, r.randint(5, 27) * D))
                c = self.new_case(cid, "investigation", t[1], t[0] if (role != "drr" or r.random() < 0.85) else None,
                                  ("date", opened), closed, sens, persons, staff)
                c["area"] = area
                if role == "avim":
                    c["lodging"] = c_lodging
                self.team_invest.setdefault(ti, []).append(c)
                if sens:
                    self.sensitive_cases.append(c)
        # work on investigations: staff (and some non-staff team members) look up case persons on workdays
        for ti, cases in self.team_invest.items():
            role = self.teams[ti][4]
            for c in cases:
                if not c["persons"]:
                    continue
                workers = [s[0] for s in c["staff"]]
                if role == "bb":
                    workers = self.emp_by_team[ti]
                # team colleagues helping out without being registered
                extra = [i for i in self.emp_by_team[ti] if i not in workers]
                if extra and role != "bb":
                    workers = workers + r.sample(extra, min(len(extra), r.choice([0, 0, 1, 2])))
                intensity = {"drt": 0.35, "drr": 0.45, "avim": 0.4, "bt": 0.45, "bb": 0.12}[role]
                for e in workers:
                    for s, t_end in self.shifts[e]:
                        if r.random() > intensity * self.emps[e]["act"]:
                            continue
                        cl = c["closed"]
                        if cl and s > cl[1] + D:
                            continue
                        if s < c["opened"][1]:
                            continue
                        t = r.uniform(s + 900, t_end)
                        hot = c["persons"][:max(1, len(c["persons"]) // 3)]
                        for _ in range(r.randint(1, 6)):
                            p = r.choice(hot) if r.random() < 0.6 else r.choice(c["persons"])
                            p = p[0]
                            sysm = r.choices(["summit", "bvh", "bvi", "blueview", "brp", "rdw"], [35, 25, 12, 12, 8, 8])[0]
                            if role == "bb":
                                sysm = "bvh"
                            give = r.random() < (0.55 if sysm == "summit" else 0.25)
                            act = "view" if r.random() < 0.6 else "query"
                            lab = "investigation_work" if role != "bb" else "protection_detail"
                            self.add(t, e, sysm, act, p, c["id"] if give else None, ("L", lab))
                            if role in ("drt", "drr", "avim") and r.random() < 0.015:
                                self.add(t + r.randint(30, 300), e, "bvh", r.choice(["print", "export"]), p, c["id"] if r.random() < 0.5 else None, ("L", "pv_dossier_print"))
                            t += r.randint(20, 900)
                            # network: contacts not registered in the case
                            if role in ("drt", "drr", "avim") and r.random() < 0.12:
                                if role == "avim" and "lodging" in c:
                                    q = r.choice(c["lodging"])
                                elif r.random() < 0.5:
                                    sa = self.same_address(p)
                                    q = r.choice(sa) if sa else self.known_pick(r)
                                else:
                                    q = self.known_pick(r, c.get("area"))
                                self.add(t, e, r.choice(["bvh", "bvi", "brp", "rdw"]), "query", q, None, ("L", "investigation_network"))
                                t += r.randint(20, 300)
                # off-roster evening work on big cases (not in the roster export)
                if role == "drr" and c["staff"] and r.random() < 0.5:
                    for _ in range(r.randint(1, 4)):
                        e = r.choice(c["staff"])[0]
                        d = r.randrange(DAYS)
                        t = d * D + r.uniform(18.5, 22.5) * H
                        p = r.choice(c["persons"])[0]
                        self.add(t, e, "summit", "view", p, c["id"] if r.random() < 0.4 else None, ("L", "investigation_overtime"))
        # CIE and analysts look into sensitive cases without being on the staff list
        for tid, lab in (("T-DRR-CIE", "cie_intelligence"), ("T-DRIO-AO", "analysis_product"), ("T-DRIO-RTIC", "rtic_case_support")):
            ti = self.team_idx[tid]
            for e in self.emp_by_team[ti]:
                for s, t_end in self.shifts[e]:
                    if r.random() > (0.6 if tid != "T-DRIO-RTIC" else 0.15) * self.emps[e]["act"]:
                        continue
                    pool = self.sensitive_cases if tid == "T-DRR-CIE" else [c for ti2, cs in self.team_invest.items() for c in cs]
                    c = r.choice(pool)
                    t = r.uniform(s + 600, t_end - 600)
                    for _ in range(r.randint(2, 14)):
                        p = r.choice(c["persons"])[0]
                        self.add(t, e, r.choice(["bvi", "summit", "bvh", "blueview"]), r.choice(["query", "view"]), p,
                                 c["id"] if r.random() < 0.2 else None, ("L", lab))
                        t += r.randint(30, 600)
                        if r.random() < 0.2:
                            q = self.known_pick(r)
                            self.add(t, e, "bvi", "query", q, None, ("L", lab + "_network"))
                            t += r.randint(30, 300)
        # leadership briefing on high-profile cases (not on staff)
        ti = self.team_idx["T-STAF-EL"]
        for e in self.emp_by_team[ti]:
            if self.emps[e]["function"] == "teamchef" or r.random() < 0.2:
                for _ in range(r.randint(0, 4)):
                    c = r.choice(self.sensitive_cases)
                    d = r.randrange(DAYS)
                    if d % 7 >= 5:
                        continue
                    t = d * D + r.uniform(8, 18) * H
                    for p, _ in c["persons"][:r.randint(1, 3)]:
                        self.add(t, e, "summit", "view", p, c["id"], ("L", "leadership_briefing"))
                        t += r.randint(30, 200)

    def intake_work(self, r):
        ti = self.team_idx["T-DRIO-IS"]
        for e in self.emp_by_team[ti]:
            for s, t_end in self.shifts[e]:
                t = s + r.randint(300, 1800)
                n = int(r.uniform(3, 8) * self.emps[e]["act"])
                for _ in range(n):
                    if t > t_end:
                        break
                    rep = self.random_resident(r) if r.random() < 0.9 else r.choice(self.outside)
                    if r.random() < 0.17:
                        # information call / walk-in without registration
                        self.add(t, e, "bvh", "query", rep, None, ("L", "intake_no_registration"))
                        t += r.randint(300, 1500)
                        continue
                    persons = [(rep, "aangever")]
                    if r.random() < 0.3:
                        persons.append((self.known_pick(r), "verdachte"))
                    cid = self.bvh_no(r)
                    staff = [(e, None, None)] if r.random() < 0.88 else []
                    self.new_case(cid, "intake", "drio", self.teams[ti][0], t,
                                  ("date", t) if r.random() < 0.6 else None, False, persons, staff)
                    for p, _ in persons:
                        self.add(t + r.randint(0, 120), e, "bvh", "query", p, None, ("L", "intake_registration"))
                        if r.random() < 0.5:
                            self.add(t + r.randint(120, 900), e, "bvh", "view", p, cid if r.random() < 0.3 else None, ("L", "intake_registration"))
                    t += r.randint(1800, 4500)
        # basisteam service desks do intake too (aangifte op het bureau)
        for ti, t_ in enumerate(self.teams):
            if t_[4] != "bt":
                continue
            for e in self.emp_by_team[ti]:
                if self.emps[e]["function"] != "backoffice":
                    continue
                for s, t_end in self.shifts[e]:
                    for _ in range(r.randint(0, 4)):
                        t = r.uniform(s, t_end)
                        rep = self.random_resident(r, t_[5])
                        cid = self.bvh_no(r)
                        self.new_case(cid, "intake", t_[1], t_[0], t, None, False, [(rep, "aangever")],
                                      [(e, None, None)] if r.random() < 0.7 else [])
                        self.add(t + 60, e, "bvh", "query", rep, None, ("L", "desk_intake"))

    def street_work(self, r):
        mk_team = self.team_idx["T-MK"]
        for i, e in enumerate(self.emps):
            fn = e["function"]
            area = e["area"]
            for s, t_end in self.shifts[i]:
                if fn == "noodhulp":
                    # stop-and-check, vehicle checks, ANPR hits, not registered
                    for _ in range(int(r.choice([0, 1, 1, 2, 2, 3, 4]) * e["act"])):
                        t = r.uniform(s + 900, t_end - 300)
                        p = self.known_pick(r, area) if r.random() < 0.5 else (self.random_resident(r) if r.random() < 0.85 else r.choice(self.outside))
                        sysm = r.choice(["meos", "meos", "rdw"])
                        self.add(t, i, sysm, "query", p, None, ("L", "stop_and_check"))
                        if r.random() < 0.3:
                            self.add(t + r.randint(5, 60), i, "meos", "view", p, None, ("L", "stop_and_check"))
                        # passengers
                        if r.random() < 0.25:
                            for q in self.same_address(p)[:1] or [self.known_pick(r, area)]:
                                self.add(t + r.randint(30, 200), i, "meos", "query", q, None, ("L", "stop_and_check"))
                elif fn == "verkeer":
                    for _ in range(int(r.randint(3, 10) * e["act"])):
                        t = r.uniform(s + 600, t_end - 300)
                        p = self.random_resident(r) if r.random() < 0.7 else r.choice(self.outside)
                        if self.p_by[p] and self.p_by[p] > 2008:
                            continue
                        self.add(t, i, "rdw", "query", p, None, ("L", "traffic_enforcement"))
                        if r.random() < 0.4:
                            self.add(t + r.randint(20, 200), i, "meos", "query", p, None, ("L", "traffic_enforcement"))
                elif fn == "wijkagent" or fn == "jeugd":
                    for _ in range(int(r.randint(1, 6) * e["act"])):
                        t = r.uniform(s + 600, t_end - 300)
                        x = r.random()
                        if x < 0.35 and self.team_incidents.get(e["team"]):
                            c = r.choice(self.team_incidents[e["team"]])
                            if c["persons"] and t - 21 * D <= c["opened"] <= t:
                                self.add(t, i, "bvh", "view", r.choice(c["persons"])[0], None, ("L", "wijk_followup"))
                            continue
                        p = self.known_pick(r, area) if x < 0.8 else self.random_resident(r, area)
                        if fn == "jeugd" and self.p_by[p] and self.p_by[p] < 1995:
                            kids = [q for q in self.same_address(p) if self.p_by[q] and self.p_by[q] > 2005]
                            if kids:
                                p = kids[0]
                        self.add(t, i, "bvh", r.choice(["query", "view", "view"]), p, None, ("L", "wijk_knowledge" if fn == "wijkagent" else "youth_casework"))
                if fn in ("meldkamer", "intake") and r.random() < 0.06:
                    # next operator keeps working under the previous login for a while
                    t = t_end + r.uniform(60, 2400)
                    for _ in range(r.randint(1, 4)):
                        p = self.random_resident(r) if r.random() < 0.6 else self.known_pick(r)
                        self.add(t, i, "bvh", "query", p, None, ("L", "shared_workstation_login"))
                        t += r.uniform(60, 600)
                if fn == "meldkamer":
                    # calls handled without a registered incident (advice, GGZ, lost, hoax)
                    for _ in range(int(r.randint(2, 9) * e["act"])):
                        t = r.uniform(s, t_end)
                        p = self.random_resident(r) if r.random() < 0.7 else self.known_pick(r)
                        self.add(t, i, "bvh", "query", p, None, ("L", "meldkamer_call_unregistered"))
                elif fn == "rtic":
                    for _ in range(int(r.randint(2, 10) * e["act"])):
                        t = r.uniform(s, t_end)
                        p = self.known_pick(r)
                        self.add(t, i, r.choice(["bvh", "bvi", "blueview"]), "query", p, None, ("L", "rtic_street_request"))
                        for q in self.same_address(p)[:r.choice([0, 0, 1, 2])]:
                            self.add(t + r.randint(20, 120), i, "brp", "query", q, None, ("L", "rtic_street_request"))
                elif fn == "beveiliging":
                    # suspicious persons near embassies / ministries: quick checks
                    for _ in range(r.choice([0, 0, 0, 1, 1, 2])):
                        t = r.uniform(s, t_end)
                        p = self.known_pick(r, "CEN") if r.random() < 0.5 else r.choice(self.outside)
                        self.add(t, i, "meos", "query", p, None, ("L", "object_security_check"))
                elif fn == "coordinator":
                    # shift briefing: recent incidents of the team and district hot persons
                    if self.team_incidents.get(e["team"]):
                        recent = [c for c in self.team_incidents[e["team"]] if s - D <= c["opened"] <= s]
                        for c in r.sample(recent, min(len(recent), r.randint(1, 5))):
                            for p, _ in c["persons"][:2]:
                                self.add(r.uniform(s, s + 2 * H), i, "bvh", "view", p, None, ("L", "briefing_preparation"))
                        if r.random() < 0.4:
                            self.add(r.uniform(s, s + 2 * H), i, "bvh", "view", self.known_pick(r, area), None, ("L", "briefing_top_x"))
            # wijkagent home-area knowledge lists (top-X, gebiedsscan)
        # AVIM inspections at lodgings: whole house looked up
        ti = self.team_idx["T-DRR-AVIM"]
        for _ in range(14):
            d = r.randrange(DAYS)
            if d % 7 >= 5:
                continue
            lod = r.choice(self.lodgings)
            e = r.choice(self.emp_by_team[ti])
            sh = [s for s in self.shifts[e] if int(s[0] // D) == d]
            t = (sh[0][0] + 2 * H) if sh else d * D + 8 * H
            for p in lod:
                self.add(t, e, "brp", "query", p, None, ("L", "avim_lodging_inspection"))
                t += r.randint(20, 120)

    def demonstrations(self, r):
        # XR blockade A12 (Sat 12 Sep, Sat 26 Sep), Prinsjesdag (Tue 15 Sep)
        cen = self.team_idx["T-CEN-BT"]
        arr = self.team_idx["T-DROS-ARR"]
        bb = self.team_idx["T-DROS-BB"]
        bt_members = [i for i, e in enumerate(self.emps) if e["role"] == "bt" and e["function"] == "noodhulp"]
        me_pool = r.sample(bt_members, 160)
        for day, narr in ((5, r.randint(420, 560)), (19, r.randint(280, 380))):
            topen = day * D + 10 * H + r.randint(0, 1800)
            cid = self.bvh_no(r)
            arrestees = [r.choice(self.outside) if r.random() < 0.7 else self.random_resident(r) for _ in range(narr)]
            seen = {}
            arrestees = [p for p in arrestees if not (p in seen or seen.setdefault(p, 1) is None)]
            registered = [(p, "aangehouden") for p in arrestees if r.random() < 0.85]
            me = r.sample(me_pool, 70)
            for e in me:  # extra ME shift
                s = day * D + 8 * H
                self.shifts[e].append((s, s + 12 * H))
                if r.random() < 0.85:
                    self.shift_export[e].append((s, s + 12 * H))
            ids = r.sample(me, 12) + r.sample(self.emp_by_team[arr], 8)
            staff = [(e, None, None) for e in r.sample(ids, 6)]
            self.new_case(cid, "incident", "dh_centrum", self.teams[cen][0], topen, topen + 11 * H, False, registered, staff)
            for k, p in enumerate(arrestees):
                e = ids[k % len(ids)]
                t = topen + 1800 + k * (9 * H / len(arrestees)) + r.uniform(0, 600)
                self.add(t, e, "bvh", "query", p, cid if r.random() < 0.6 else None, ("L", "mass_arrest_id_processing"))
                if r.random() < 0.35:
                    self.add(t + r.randint(30, 400), e, "bvh", "view", p, cid if r.random() < 0.6 else None, ("L", "mass_arrest_id_processing"))
            for e in me:
                for _ in range(r.randint(0, 3)):
                    p = r.choice(arrestees)
                    self.add(topen + r.uniform(0, 8 * H), e, "meos", "query", p, None, ("L", "mass_arrest_me_check"))
        # Prinsjesdag: protection of VIPs on the route, threat persons checked
        day = 8
        for e in self.emp_by_team[bb]:
            if r.random() < 0.5:
                s = day * D + 7 * H
                self.shifts[e].append((s, s + 10 * H))
                self.shift_export[e].append((s, s + 10 * H))
                for c in self.team_invest.get(bb, [])[:r.randint(1, 4)]:
                    for p, role in c["persons"][:3]:
                        self.add(r.uniform(s, s + 3 * H), e, "bvh", "view", p, None, ("L", "prinsjesdag_protection"))
        rt = self.team_idx["T-DRIO-RTIC"]
        for e in self.on_shift(rt, 8 * D + 10 * H):
            for _ in range(r.randint(3, 12)):
                self.add(8 * D + r.uniform(8, 16) * H, e, "bvi", "query", self.known_pick(r, "CEN"), None, ("L", "prinsjesdag_threat_check"))

    def amber_alert(self, r):
        laak = self.team_idx["T-LAAK-BT"]
        child = None
        for p in self.area_people["LAAK"]:
            if self.p_by[p] and self.p_by[p] >= 2013 and self.same_address(p):
                child = p
                break
        mother = self.same_address(child)[0]
        father = self.new_person(self.p_sur[child], 1985, r.choice(self.area_pcs["ZTM"]), "17")
        self.p_area.append("ZTM")
        self.rel.append((child, mother, "parent"))
        t0 = 9 * D + 16 * H + 1200
        cid = self.bvh_no(r)
        self.new_case(cid, "incident", "dh_zuid", self.teams[laak][0], t0, t0 + 20 * H, False,
                      [(child, "vermiste"), (mother, "melder"), (father, "betrokkene")],
                      [(e, None, None) for e in self.on_shift(laak, t0)[:3]])
        self.amber = (child, father)
        cnt = 0
        for i, e in enumerate(self.emps):
            if e["function"] in ("noodhulp", "meldkamer", "rtic", "verkeer", "coordinator"):
                for tt in (t0 + 1800, t0 + 6 * H, t0 + 12 * H):
                    if self.shift_at(i, tt) and r.random() < 0.12:
                        t = tt + r.uniform(0, 3 * H)
                        self.add(t, i, "meos", "query", child, cid if r.random() < 0.2 else None, ("L", "amber_alert_search"))
                        if r.random() < 0.6:
                            self.add(t + r.randint(20, 300), i, "meos", "query", father, None, ("L", "amber_alert_search"))
                        cnt += 1
                        break

    def stabbing(self, r):
        sch = self.team_idx["T-SCH-BT"]
        tgo = self.team_idx["T-DRR-TGO"]
        victim = self.new_person(r.choice(COMMON_NL + SR), 2007, r.choice(self.area_pcs["ESC"]), "44", "deceased")
        self.p_area.append("ESC")
        suspect = r.choice([p for p in self.known_by_area["SCH"][:60] if self.p_by[p] and self.p_by[p] > 1995] or self.known[:50])
        t0 = 17 * D + 23 * H + 1500
        wits = [self.random_resident(r) for _ in range(3)]
        cid = self.bvh_no(r)
        resp = self.on_shift(sch, t0, ("noodhulp",))[:4]
        self.new_case(cid, "incident", "dh_centrum", self.teams[sch][0], t0, ("date", t0 + D), False,
                      [(victim, "slachtoffer"), (suspect, "verdachte")] + [(w, "getuige") for w in wits],
                      [(e, t0, None) for e in resp[:2]])
        for e in resp:
            for p in (victim, suspect) + tuple(wits):
                self.add(t0 + r.randint(300, 3000), e, "meos", "query", p, None, ("L", "incident_response"))
        # TGO investigation next morning; piket rechercheurs already at night (not on roster)
        inv = self.summit_no(r, "ONT-HGL")
        staff_e = r.sample(self.emp_by_team[tgo], 12)
        assoc = [self.known_pick(r, "SCH") for _ in range(8)]
        self.new_case(inv, "investigation", "drr", self.teams[tgo][0], ("date", t0 + 2 * H), None, True,
                      [(suspect, "verdachte"), (victim, "slachtoffer")] + [(a, "betrokkene") for a in assoc] + [(w, "getuige") for w in wits],
                      [(e, ("ts", t0 + 8 * H) if k >= 3 else None, None) for k, e in enumerate(staff_e)])
        for e in staff_e[:3]:
            for p in (suspect, victim) + tuple(assoc[:3]):
                self.add(t0 + r.uniform(1.5, 5) * H, e, "summit", "view", p, None, ("L", "piket_callout"))
        for e in staff_e:
            for d in range(18, DAYS):
                if r.random() < 0.5:
                    t = d * D + r.uniform(8, 19) * H
                    for p in r.sample([suspect, victim] + assoc + wits, r.randint(1, 5)):
                        self.add(t, e, "summit", "view", p, inv if r.random() < 0.5 else None, ("L", "investigation_work"))
                        t += r.randint(60, 900)
        for e in self.on_shift(self.team_idx["T-DRIO-RTIC"], t0 + 2 * H):
            self.add(t0 + r.uniform(0.5, 3) * H, e, "bvi", "query", suspect, None, ("L", "rtic_support"))
        self.hype = (suspect, victim, t0)

    def vik_work(self, r):
        ti = self.team_idx["T-STAF-VIK"]
        for k in range(3):
            target = r.choice(self.emps)
            cid = self.summit_no(r, "VIK")
            staff = r.sample(self.emp_by_team[ti], 2)
            self.new_case(cid, "investigation", "staf_dh", self.teams[ti][0], ("date", -r.randint(10, 100) * D), None, True,
                          [(target["pid"], "betrokkene")], [(e, None, None) for e in staff])
            for e in staff:
                for _ in range(r.randint(2, 6)):
                    d = r.randrange(DAYS)
                    if d % 7 >= 5:
                        continue
                    self.add(d * D + r.uniform(9, 16) * H, e, "summit", "view", target["pid"], cid if r.random() < 0.5 else None, ("L", "vik_integrity_investigation"))

    def fb_tests(self, r):
        ti = self.team_idx["T-DRIO-FB"]
        testp = [self.new_person("Testpersoon", 1900, "", "", "fictief") for _ in range(3)]
        for p in testp:
            self.p_area.append("")
        for e in self.emp_by_team[ti]:
            for d in r.sample(range(DAYS), 4):
                if d % 7 >= 5:
                    continue
                t = d * D + r.uniform(8, 17) * H
                for p in testp:
                    self.add(t, e, r.choice(["bvh", "summit", "blueview"]), "query", p, None, ("L", "release_test"))
                    t += r.randint(5, 60)

    # ------------------------------------------------------------------ improper
    def improper(self):
        r = self.R("improper")
        self.inc_n = 0
        emps = self.emps
        ops = [i for i, e in enumerate(emps) if e["role"] in ("bt", "vrk", "bb", "mk", "intake", "rtic", "drt", "drr", "arr", "avim")
               and e["rank"] != "extern"]
        # rank bias: hoofdagent / brigadier over-represented
        def pick_emp(pred=None):
            for _ in range(5000):
                i = r.choice(ops)
                e = emps[i]
                if pred and not pred(e):
                    continue
                w = {"hoofdagent": 1.0, "brigadier": 0.9, "agent": 0.55, "burger": 0.45}.get(e["rank"], 0.35)
                if r.random() < w and not e.get("used"):
                    e["used"] = True
                    return i
            raise RuntimeError("no employee")

        def newinc():
            self.inc_n += 1
            return "I-%04d" % self.inc_n

        def when(i, onshift_p=0.6, day=None):
            sh = self.shifts[i]
            if sh and r.random() < onshift_p:
                cand = [s for s in sh if day is None or int(s[0] // D) == day]
                if cand:
                    s, t = r.choice(cand)
                    t = r.uniform(s + 600, max(s + 700, t - 300))
                    return t if t < DAYS * D - H else t - D
            d = r.randrange(DAYS) if day is None else day
            # off shift: evening at home or a quiet moment
            t = d * D + r.choice([r.uniform(18, 23.5), r.uniform(7, 9), r.uniform(12, 14), r.uniform(0, 2)]) * H
            return t if t < DAYS * D - H else t - D

        def lookups(i, p, t, inc, scen, n=None, sysm=None, cover=False, actions=None):
            n = n or r.choice([1, 1, 2, 2, 3])
            cover_case = None
            if cover:
                cs = self.team_incidents.get(emps[i]["team"]) or []
                if cs:
                    cover_case = r.choice(cs)["id"]
            for k in range(n):
                s = sysm or r.choice(["bvh", "bvh", "meos", "bvi", "blueview", "brp"])
                act = (actions[k] if actions and k < len(actions) else ("query" if k == 0 else r.choice(["view", "view", "query"])))
                self.add(t, i, s, act, p, cover_case, ("I", inc, scen))
                t += r.randint(8, 240)
            return t

        fam = lambda i: emps[i]["fam"]
        # self
        for _ in range(7):
            i = pick_emp(lambda e: e["pid_export"] is not None or r.random() < 0.3)
            inc = newinc()
            lookups(i, emps[i]["pid"], when(i), inc, "self", n=r.choice([1, 1, 2, 3]))
        # relatives (parent/child/sibling), mostly recorded relation not guaranteed
        n = 0
        while n < 7:
            i = pick_emp(lambda e: e["fam"]["parent"] or e["fam"]["sibling"] or [c for c in e["fam"]["child"] if self.p_by[c] and self.p_by[c] < 2010])
            f = fam(i)
            cands = f["parent"] + f["sibling"] + [c for c in f["child"] if self.p_by[c] and self.p_by[c] < 2010]
            p = r.choice(cands)
            inc = newinc()
            t = when(i)
            for _ in range(r.choice([1, 1, 2, 3])):
                lookups(i, p, t, inc, "relative", cover=r.random() < 0.25)
                t += r.uniform(1, 6) * D
            # sometimes also the relative's partner / household
            if r.random() < 0.3:
                for q in self.same_address(p)[:1]:
                    lookups(i, q, t + 300, inc, "relative", n=1)
            n += 1
        # partner
        for _ in range(4):
            i = pick_emp(lambda e: e["fam"]["partner"])
            inc = newinc()
            lookups(i, fam(i)["partner"][0], when(i), inc, "partner", n=r.choice([1, 2, 2]))
        # ex-partner (and the ex's new household), repeated over weeks
        for _ in range(5):
            i = pick_emp(lambda e: e["fam"]["ex"])
            inc = newinc()
            ex = fam(i)["ex"]
            t = r.uniform(0, 8) * D
            for _ in range(r.randint(2, 7)):
                tt = when(i, 0.5, day=min(DAYS - 1, int(t // D)))
                lookups(i, ex[0], tt, inc, "ex_partner", n=r.choice([1, 2]))
                if len(ex) > 1 and r.random() < 0.5:
                    lookups(i, ex[1], tt + 200, inc, "ex_partner", n=1)
                t += r.uniform(1, 6) * D
                if t >= DAYS * D:
                    break
        # neighbours / same address
        for _ in range(6):
            i = pick_emp(lambda e: e["home_area"] != "OUT")
            me = emps[i]["pid"]
            pc = self.p_pc[me]
            neigh = [q for q in self._addr_pc(pc) if q not in self.same_address(me) and q != me]
            if not neigh:
                continue
            inc = newinc()
            t = when(i)
            for q in r.sample(neigh, min(len(neigh), r.choice([1, 1, 2, 3, 4]))):
                t = lookups(i, q, t, inc, "neighbour", n=r.choice([1, 2])) + r.randint(30, 3000)
        # shared surname, common-ish surname, relation not recorded (cousin, uncle)
        for _ in range(5):
            i = pick_emp(lambda e: e["surname"] in COMMON_NL)
            sur = emps[i]["surname"]
            cands = [q for q in self._by_surname(sur) if q != emps[i]["pid"] and q not in self._family_set(i)]
            if not cands:
                continue
            inc = newinc()
            q = r.choice(cands)
            lookups(i, q, when(i), inc, "shared_surname", n=r.choice([1, 2, 3]))
        # relative with uncommon surname, no relation in relations.csv
        for _ in range(4):
            i = pick_emp(lambda e: e["surname"] not in COMMON_NL and len(self._by_surname(e["surname"])) < 12)
            inc = newinc()
            # an aunt/cousin: created as a household with the employee's surname, not linked
            pc = r.choice(self.area_pcs[r.choice(list(AREAS))])
            mem = self.household(r, pc, kind=r.choice(["single", "couple", "family"]), sur=emps[i]["surname"])
            for p, _ in mem:
                self.p_area.append(self.area_of_pc(pc))
            self._addr = None
            del self._addr
            t = when(i)
            for p, _ in mem[:r.choice([1, 1, 2])]:
                t = lookups(i, p, t, inc, "uncommon_surname_relative", n=r.choice([1, 2, 3])) + r.randint(60, 600)
        # colleagues
        for _ in range(8):
            i = pick_emp()
            same = [j for j in self.emp_by_team[emps[i]["team"]] if j != i]
            j = r.choice(same) if r.random() < 0.6 else r.randrange(len(emps))
            if j == i:
                continue
            inc = newinc()
            t = when(i)
            t = lookups(i, emps[j]["pid"], t, inc, "colleague", n=r.choice([1, 1, 2, 3]))
            if r.random() < 0.3 and emps[j]["fam"]["partner"]:
                lookups(i, emps[j]["fam"]["partner"][0], t + 100, inc, "colleague", n=1)
        # public figures
        for _ in range(8):
            i = pick_emp()
            inc = newinc()
            v = r.choice(self.vips)
            lookups(i, v, when(i, 0.7), inc, "public_figure", n=r.choice([1, 1, 2, 3]))
        # shielded persons
        for _ in range(3):
            i = pick_emp()
            inc = newinc()
            lookups(i, r.choice(self.shielded), when(i, 0.7), inc, "shielded_person", n=r.choice([1, 2]))
        # leaks to criminals: persons in a sensitive investigation the employee is not on
        for _ in range(6):
            i = pick_emp(lambda e: e["role"] in ("bt", "intake", "arr", "vrk", "drt"))
            c = r.choice([c for c in self.sensitive_cases if i not in [s[0] for s in c["staff"]] and c["team"] != self.teams[emps[i]["team"]][0] and len(c["persons"]) >= 3])
            inc = newinc()
            main = c["persons"][0][0]
            t = r.uniform(1, 12) * D
            for k in range(r.randint(1, 4)):
                tt = when(i, 0.75, day=min(DAYS - 1, int(t // D)))
                lookups(i, main, tt, inc, "leak_to_criminal", n=r.choice([1, 2]), cover=r.random() < 0.3)
                for q, _ in r.sample(c["persons"][1:], min(len(c["persons"]) - 1, r.choice([0, 1, 2, 3]))):
                    tt += r.randint(60, 900)
                    lookups(i, q, tt, inc, "leak_to_criminal", n=1, sysm=r.choice(["bvh", "rdw", "bvi"]))
                t += r.uniform(2, 6) * D
                if t >= DAYS * D:
                    break
        # off-shift curiosity: looks from home (MEOS on the phone) at someone from the news/own life
        for _ in range(6):
            i = pick_emp()
            inc = newinc()
            d = r.randrange(DAYS)
            t = d * D + r.uniform(19.5, 23.8) * H
            if self.shift_at(i, t):
                t += 10 * H
            p = self.known_pick(r) if r.random() < 0.5 else self.random_resident(r)
            lookups(i, p, t, inc, "off_shift_curiosity", n=r.choice([1, 2, 3]), sysm="meos")
        # browsing: many unrelated persons in a short time
        for _ in range(4):
            i = pick_emp(lambda e: e["role"] in ("bt", "mk", "intake", "rtic"))
            inc = newinc()
            t = when(i, 0.8)
            area = emps[i]["home_area"] if emps[i]["home_area"] in AREAS else None
            for _ in range(r.randint(12, 35)):
                p = self.random_resident(r, area) if r.random() < 0.6 else (self.known_pick(r) if r.random() < 0.5 else r.choice(self.vips))
                self.add(t, i, r.choice(["bvh", "bvh", "brp"]), "query", p, None, ("I", inc, "browsing"))
                if r.random() < 0.3:
                    self.add(t + r.randint(5, 40), i, "bvh", "view", p, None, ("I", inc, "browsing"))
                t += r.randint(15, 240)
        # following: a person the officer met at an incident (those first look-ups were work), then over weeks
        met = [(ev[1], ev[4], ev[0]) for ev in self.ev
               if ev[6] == ("L", "incident_response") and 2 * D < ev[0] < 11 * D and emps[ev[1]]["function"] == "noodhulp"
               and self.p_by[ev[4]] and 1975 < self.p_by[ev[4]] < 2006]
        for _ in range(3):
            while True:
                i, p, tmet = r.choice(met)
                if not emps[i].get("used"):
                    emps[i]["used"] = True
                    break
            inc = newinc()
            t = tmet + r.uniform(2, 6) * D
            while t < DAYS * D:
                tt = when(i, 0.5, day=int(t // D))
                lookups(i, p, tt, inc, "following", n=r.choice([1, 1, 2]))
                if r.random() < 0.3:
                    for q in self.same_address(p)[:1]:
                        lookups(i, q, tt + 120, inc, "following", n=1)
                t += r.uniform(1.5, 5) * D
        # export / print of a record
        for _ in range(5):
            i = pick_emp()
            inc = newinc()
            who = r.random()
            if who < 0.4 and emps[i]["fam"]["ex"]:
                p = emps[i]["fam"]["ex"][0]
            elif who < 0.7:
                p = self.random_resident(r)
            else:
                p = self.known_pick(r)
            t = when(i, 0.8)
            lookups(i, p, t, inc, "export_print", n=r.choice([2, 3]),
                    actions=["query", "view", r.choice(["print", "export"])], cover=r.random() < 0.4)
        # address selling to a debt collector / private investigator
        for _ in range(2):
            i = pick_emp(lambda e: e["role"] in ("intake", "bt", "mk"))
            inc = newinc()
            t = r.uniform(0, 5) * D
            for _ in range(r.randint(6, 14)):
                tt = when(i, 0.9, day=min(DAYS - 1, int(t // D)))
                p = self.random_resident(r) if r.random() < 0.8 else r.choice(self.outside)
                lookups(i, p, tt, inc, "address_selling", n=r.choice([1, 2]), sysm=r.choice(["brp", "bvh"]))
                t += r.uniform(0.5, 2.5) * D
                if t >= DAYS * D:
                    break
        # news hype: suspect of the Scheveningen stabbing named on social media next morning
        suspect, victim, t0 = self.hype
        k = 0
        tries = 0
        while k < 18 and tries < 5000:
            tries += 1
            i = r.randrange(len(emps))
            e = emps[i]
            if e.get("used") or e["team"] in (self.team_idx["T-DRR-TGO"], self.team_idx["T-SCH-BT"], self.team_idx["T-DRIO-RTIC"], self.team_idx["T-MK"]) or e["rank"] == "extern":
                continue
            e["used"] = True
            inc = newinc()
            t = t0 + r.uniform(7.5, 30) * H
            sh = self.shift_at(i, t)
            lookups(i, suspect, t, inc, "news_hype", n=r.choice([1, 1, 2, 3]))
            if r.random() < 0.35:
                lookups(i, victim, t + r.randint(30, 300), inc, "news_hype", n=1)
            k += 1

    def _addr_pc(self, pc):
        if not hasattr(self, "_pcidx"):
            self._pcidx = {}
            for q in range(len(self.p_sur)):
                self._pcidx.setdefault(self.p_pc[q], []).append(q)
        return self._pcidx.get(pc, []) if pc else []

    def _by_surname(self, s):
        if not hasattr(self, "_suridx"):
            self._suridx = {}
            for q in range(len(self.p_sur)):
                self._suridx.setdefault(self.p_sur[q], []).append(q)
        return self._suridx.get(s, [])

    def _family_set(self, i):
        f = self.emps[i]["fam"]
        s = {}
        for k in f:
            for p in f[k]:
                s[p] = 1
                for q in self.same_address(p):
                    s[q] = 1
        return s

    # ------------------------------------------------------------------ output
    def write(self, out, debug):
        os.makedirs(out, exist_ok=True)
        r = self.R("mess")
        pid = self.pids = self.make_pids()

        def csvval(v):
            v = "" if v is None else str(v)
            if any(ch in v for ch in ',"\n\r'):
                return '"' + v.replace('"', '""') + '"'
            return v

        def write_csv(name, header, rows, bom=False, crlf=False, gz=False, pad=0.0):
            nl = "\r\n" if crlf else "\n"
            buf = io.StringIO()
            if bom:
                buf.write("\ufeff")
            buf.write(",".join(csvval(h) for h in header) + nl)
            for row in rows:
                if row is None:
                    buf.write(nl)
                    continue
                vals = [csvval(v) for v in row]
                if pad and r.random() < pad:
                    k = r.randrange(len(vals))
                    if vals[k] and not vals[k].startswith('"'):
                        vals[k] = " " + vals[k] + " "
                buf.write(",".join(vals) + nl)
            data = buf.getvalue().encode("utf-8")
            if gz:
                with open(os.path.join(out, name + ".gz"), "wb") as f:
                    f.write(gzip.compress(data, compresslevel=6, mtime=0))
            else:
                with open(os.path.join(out, name), "wb") as f:
                    f.write(data)

        # units
        write_csv("units.csv", ["unit_id", "name", "fte"], [(u, n, f) for u, n, f in UNITS])
        # teams (CRLF, names with commas)
        write_csv("teams.csv", ["team_id", "unit_id", "kind", "name", "kostenplaats"],
                  [(t[0], t[1], t[2], t[3], "KP%05d" % (1000 + k)) for k, t in enumerate(self.teams)], crlf=True)
        # employees: HR export, BOM+CRLF, columns reordered, extra columns, capitalised ranks,
        # "Vries, de" surname form for some, transfers as repeated rows (later state last)
        rows = []
        transfers = []
        for k, e in enumerate(self.emps):
            sur = e["surname"]
            parts = sur.split(" ")
            if len(parts) > 1 and parts[0] in ("van", "de", "ter", "der", "den") and r.random() < 0.15:
                pre = " ".join([x for x in parts if x[:1].islower()])
                sur = " ".join([x for x in parts if not x[:1].islower()]) + ", " + pre
            rank = e["rank"]
            if r.random() < 0.3:
                rank = rank.capitalize()
            if r.random() < 0.01:
                rank = ""
            eid = e["id"]
            prow = pid[e["pid_export"]] if e["pid_export"] is not None else ""
            rows.append([self.teams[e["team"]][0], eid, e["function"] if r.random() > 0.03 else "", sur, prow,
                         e["unit"], rank, "%d-%02d-01" % (r.randint(1985, 2025), r.randint(1, 12))])
            if e["role"] == "bt" and r.random() < 0.012:
                transfers.append(k)
        for k in transfers:
            e = self.emps[k]
            # export shows the earlier team first, then the current state
            old = rows[k][:]
            other = [t for t in self.teams if t[4] == "bt" and t[0] != old[0]]
            t = r.choice(other)
            old[0] = t[0]
            old[5] = t[1]
            rows[k] = old
            cur = [self.teams[e["team"]][0], e["id"], e["function"], rows[k][3], rows[k][4], e["unit"], e["rank"], rows[k][7]]
            rows.append(cur)
        write_csv("employees.csv", ["Team_ID", "Employee_ID", "Function", " Surname", "Person_ID", "Unit_ID", "Rank", "datum_in_dienst"],
                  rows, bom=True, crlf=True, pad=0.02)
        # persons (gzip, postcode spellings, flags variants, unknown flags)
        prow = []
        for p in range(len(self.p_sur)):
            pc = self.p_pc[p]
            x = r.random()
            if pc and x < 0.2:
                pc = pc[:4] + " " + pc[4:]
            elif pc and x < 0.25:
                pc = pc.lower()
            fl = self.p_flags[p]
            if fl == "vip" and r.random() < 0.3:
                fl = r.choice(["VIP", "vip;", " vip", "vip;vip"])
            if fl == "deceased" and r.random() < 0.3:
                fl = "Deceased"
            if not fl and r.random() < 0.003:
                fl = r.choice(["vuurwapengevaarlijk", "signalering", "besmettelijk"])
            prow.append((pid[p], pc, self.p_sur[p], self.p_by[p] if self.p_by[p] else "", self.p_hn[p], fl, r.choice(["BRP", "BRP", "BRP", "RNI", "BVH"]) if self.p_pc[p] else "BVH"))
            if r.random() < 0.0005:
                prow.append(None)
        write_csv("persons.csv", ["person_id", "postcode", "surname", "birth_year", "house_number", "flags", "bron"], prow, gz=True)
        # relations with some mirror rows and duplicates
        rrows = []
        mirror = {"parent": "child", "child": "parent", "partner": "partner", "ex_partner": "ex_partner",
                  "sibling": "sibling", "household": "household"}
        for a, b, k in self.rel:
            rrows.append((pid[a], pid[b], k if r.random() > 0.1 else k.upper()))
            if r.random() < 0.15:
                rrows.append((pid[b], pid[a], mirror[k]))
            if r.random() < 0.01:
                rrows.append((pid[a], pid[b], k))
        write_csv("relations.csv", ["person_id", "related_person_id", "kind"], rrows)
        # cases
        crows, cprows, csrows = [], [], []
        sens_spell = [("true", "false"), ("ja", "nee"), ("1", "0"), ("TRUE", "FALSE"), ("J", "")]

        def dt_or_ts(v, kind):
            if v is None:
                return ""
            if isinstance(v, tuple):
                if v[0] == "date":
                    return fmt_date(v[1])
                return fmt_ts(v[1], "local")
            return fmt_ts(v, "local" if r.random() < 0.8 else "utc")

        reopened = []
        for c in self.cases:
            sp = r.choice(sens_spell) if c["kind"] == "investigation" else ("false", "false")
            sv = sp[0] if c["sens"] else sp[1]
            if c["kind"] != "investigation" and r.random() < 0.3:
                sv = ""
            opened = c["opened"]
            op = dt_or_ts(opened, c["kind"]) if isinstance(opened, tuple) else dt_or_ts(opened, c["kind"])
            cl = c["closed"]
            if isinstance(cl, (int, float)) and not isinstance(opened, tuple) and cl < opened:
                cl = opened
            clv = dt_or_ts(cl, c["kind"])
            crows.append((c["id"], c["kind"] if r.random() > 0.05 else c["kind"].capitalize(), c["unit"], c["team"] or "", op, clv, sv))
            if c["kind"] == "incident" and cl is not None and r.random() < 0.004:
                reopened.append((c["id"], c["kind"], c["unit"], c["team"] or "", op, "", sv))
            for p, role in c["persons"]:
                cprows.append((c["id"], pid[p], role if r.random() > 0.03 else ""))
                if r.random() < 0.005:
                    cprows.append((c["id"], pid[p], role))
            for e, fr, to in c["staff"]:
                frv = ""
                if fr is not None:
                    if isinstance(fr, tuple):
                        frv = fmt_ts(fr[1], "utc")
                    else:
                        frv = fmt_date(fr) if r.random() < 0.6 else fmt_ts(fr, "local")
                tov = fmt_date(to) if to is not None else ""
                csrows.append((c["id"], self.emps[e]["id"], frv, tov))
        crows += reopened
        write_csv("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], crows)
        write_csv("case_persons.csv", ["case_id", "person_id", "role"], cprows)
        write_csv("case_staff.csv", ["case_id", "employee_id", "from", "to"], csrows)
        # shifts
        srows = []
        for i, e in enumerate(self.emps):
            for s, t in self.shift_export[i]:
                st = "local" if r.random() < 0.9 else "utc"
                srows.append((e["id"], fmt_ts(s, st), fmt_ts(t, st)))
        write_csv("shifts.csv", ["employee_id", "start", "end"], srows)
        # events
        evs = self.ev
        # delivery order: meos events arrive up to a few minutes late; rdw log concatenated at the end
        rd = self.R("order")
        keyed = []
        for n, ev in enumerate(evs):
            k = ev[0] + (rd.uniform(0, 240) if ev[2] == "meos" else 0.0)
            keyed.append((1 if ev[2] == "rdw" else 0, k, n))
        keyed.sort()
        lines = []
        truth = []
        dbg = []
        for seq, (_, _, n) in enumerate(keyed):
            t, emp, system, action, p, case, tag = evs[n]
            eid = "%s-%08d" % (system.upper() if system != "meos" else "MEOS", 10000000 + seq * 3 + (n % 3))
            e = self.emps[emp]
            ts = fmt_ts(t, SYS_FMT[system])
            x = rd.random()
            if case and rd.random() < 0.02:
                # case number typed without the registration prefix / with a typo
                case = case.split("-", 1)[-1] if rd.random() < 0.6 else case[:-2] + case[-1] + case[-2]
            empv = e["id"] if not e["num"] else (e["id"] if x < 0.3 else int(e["id"]))
            act = action.upper() if system in ("summit", "blueview") else action
            if isinstance(empv, int):
                empj = str(empv)
            else:
                empj = '"%s"' % empv
            if system == "summit":
                cj = ',"Case_Id":"%s"' % case if case else (',"Case_Id":null' if x < 0.5 else "")
                line = '{"ID":"%s","Employee_Id":%s,"ts":"%s","System":"summit","Action":"%s","Person_Id":"%s"%s,"module":"persoon"}' % (
                    eid, empj, ts, act, pid[p], cj)
            elif system == "meos":
                cj = ',"case_id":"%s"' % case if case else ',"case_id":""'
                line = '{"id": "%s", "ts": "%s", "employee_id": %s, "system": "meos", "action": "%s", "person_id": "%s"%s, "device": "MEOS-%04d"}' % (
                    eid, ts, empj, act, pid[p], cj, emp % 9000)
            else:
                cj = ',"case_id":"%s"' % case if case else ""
                line = '{"id":"%s","ts":"%s","employee_id":%s,"system":"%s","action":"%s","person_id":"%s"%s,"results":%d}' % (
                    eid, ts, empj, system, act, pid[p], cj, 1)
            lines.append(line)
            if tag[0] == "I":
                truth.append((eid, tag[1], tag[2]))
            else:
                dbg.append((eid, tag[1]))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        with open(os.path.join(out, "events.jsonl.gz"), "wb") as f:
            f.write(gzip.compress(data, compresslevel=6, mtime=0))
        truth.sort(key=lambda x: (x[1], x[0]))
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("event_id,incident_id,scenario\n")
            for row in truth:
                f.write("%s,%s,%s\n" % row)
        if debug:
            with open(os.path.join(out, "debug_sources.csv"), "w", encoding="utf-8", newline="") as f:
                f.write("event_id,source\n")
                for row in dbg:
                    f.write("%s,%s\n" % row)
        return len(lines), len(truth)

    def make_pids(self):
        r = self.R("pids")
        n = len(self.p_sur)
        nums = r.sample(range(1000000, 9999999), n)
        return ["P%d" % x for x in nums]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    w = World(a.seed)
    w.make_postcodes()
    w.make_population()
    w.make_org()
    w.make_shifts()
    w.make_cases_and_work()
    w.improper()
    n, nt = w.write(a.outdir, a.debug)
    print("wrote %s: %d employees, %d persons, %d cases, %d events, %d improper events, %d incidents"
          % (a.outdir, len(w.emps), len(w.p_sur), len(w.cases), n, nt, w.inc_n), file=sys.stderr)


if __name__ == "__main__":
    main()
