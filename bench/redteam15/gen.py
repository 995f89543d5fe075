#!/usr/bin/env python3
"""Red team 15: an independent synthetic world for lekradar.

Eenheid Oost-Brabant, 2 February - 1 March 2026 (28 days, carnaval week included),
exported per district/department, with a look-up log concatenated from several
source-system exports (CSV).  Standard library only; deterministic per --seed.

    python3 gen.py OUTDIR --seed S [--debug]
"""
import argparse
import csv
import gzip
import io
import math
import os
import random
from datetime import datetime, timedelta

T0 = datetime(2026, 2, 2)          # Monday, local time (CET = UTC+1, no DST in window)
NDAYS = 28
CET = timedelta(hours=1)
CARNAVAL = (12, 13, 14, 15)        # Sat 14 .. Tue 17 Feb = day index 12..15
MATCHES = [(5, 20, 0), (16, 21, 0), (27, 14, 30)]   # PSV home: Sat 7 Feb, Wed 18 Feb, Sun 1 Mar
HYPE_DAY = 20                      # Sun 22 Feb: shooting of a well-known kickboxer


def D(d, h=0, m=0, s=0):
    return T0 + timedelta(days=d, hours=h, minutes=m, seconds=s)


# ----------------------------------------------------------------------------- names
COMMON = [("de Jong", 80), ("Jansen", 70), ("de Vries", 60), ("van den Berg", 45), ("van Dijk", 45),
          ("Bakker", 45), ("Janssen", 60), ("Visser", 35), ("Smit", 35), ("Meijer", 30), ("de Boer", 30),
          ("Mulder", 28), ("de Groot", 28), ("Bos", 28), ("Vos", 25), ("Peters", 35), ("Hendriks", 45),
          ("van Leeuwen", 20), ("Dekker", 22), ("Brouwer", 20), ("de Wit", 20), ("Dijkstra", 12),
          ("Smits", 32), ("de Graaf", 18), ("van der Meer", 18), ("van de Ven", 42), ("van den Heuvel", 40),
          ("van der Heijden", 36), ("Verhoeven", 35), ("Aarts", 30), ("van Dongen", 22), ("van Gils", 20),
          ("Claassen", 14), ("Rovers", 13), ("van Lieshout", 15), ("van Rooij", 18), ("Dekkers", 12),
          ("Wouters", 20), ("Schellekens", 14), ("Verstappen", 10), ("Habraken", 8), ("Dirks", 10),
          ("Swinkels", 16), ("van Kemenade", 9), ("Spierings", 8), ("Vermeulen", 25), ("van Asseldonk", 8),
          ("Kuijpers", 18), ("Raaijmakers", 14), ("van de Wiel", 10), ("Biemans", 8), ("van Hout", 12),
          ("Coolen", 8), ("Maas", 18), ("Willems", 25), ("Martens", 15), ("van Erp", 14), ("Bekkers", 10),
          ("Heesakkers", 6), ("van der Linden", 18), ("Kersten", 8), ("Bouwmans", 7), ("Donkers", 9),
          ("Sanders", 14), ("Timmermans", 14), ("Verbruggen", 6), ("Gevers", 6), ("Pennings", 6),
          ("Hurkmans", 5), ("van Boxtel", 7), ("van Vugt", 8), ("Bressers", 5), ("van Helvoirt", 4)]
NONNL = [("Yılmaz", 10), ("Öztürk", 6), ("Kaya", 8), ("Demir", 8), ("Çelik", 6), ("Şahin", 5),
         ("El Amrani", 5), ("Bouzid", 4), ("Ait Said", 3), ("El Idrissi", 4), ("Benali", 4), ("Nowak", 6),
         ("Kowalski", 5), ("Wiśniewski", 4), ("Popescu", 4), ("Ionescu", 3), ("Nguyen", 4), ("Tran", 3),
         ("Pinas", 3), ("Martina", 4), ("Rodrigues", 4), ("Silva", 4), ("Haddou", 3), ("Ouali", 3),
         ("Mahmoud", 3), ("Al-Hassan", 3), ("Petrov", 3), ("Horváth", 3), ("Dimitrov", 3), ("Ahmadi", 3)]
STEMS = ["Bree", "Kem", "Lier", "Hoog", "Wout", "Dam", "Mol", "Rijn", "Gil", "Hees", "Berk", "Brink", "Croo",
         "Daal", "Eyck", "Fleu", "Geu", "Hab", "Jaco", "Kno", "Lamb", "Meul", "Nij", "Oirs", "Pijn", "Rut",
         "Sche", "Ter", "Uyt", "Wijn", "Zwin", "Ko", "Mig", "Stok", "Tij", "Bax", "Gor", "Leen", "Vlem", "Hurk"]
SUFFIX = ["mans", "ers", "kens", "hoff", "ink", "stra", "ing", "en", "ijzer", "hof", "ckx", "dijk", "broek",
          "ders", "sen", "huis", "ham", "aerts", "beek", "kamp", "man", "ier", "elaar", "ens", "mix"]

AREAS = {
    "DBO": (0.20, list(range(5211, 5248)) + list(range(5261, 5275))),
    "EHV": (0.32, list(range(5611, 5659)) + list(range(5501, 5509))),
    "HLM": (0.16, list(range(5701, 5710)) + list(range(5751, 5768))),
    "MEL": (0.17, list(range(5341, 5384)) + list(range(5401, 5468, 2))),
    "KEM": (0.10, list(range(5521, 5592, 2))),
    "OUT": (0.05, None),
}
LETTERS = "ABCEGHJKLMNPRSTVWXZ"


class World:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seed = seed

    # ------------------------------------------------------------------ population
    def build_surnames(self):
        r = self.rng
        names, w = [], []
        for n, x in COMMON:
            names.append(n); w.append(x)
        for n, x in NONNL:
            names.append(n); w.append(x * 1.3)
        rare = set()
        for st in STEMS:
            for su in SUFFIX:
                if r.random() < 0.7:
                    rare.add(st + su)
        self.rare = sorted(rare)
        for n in self.rare:
            names.append(n); w.append(0.45)
        self.sur_names, self.sur_w = names, w
        self.sur_cum = []
        c = 0
        for x in w:
            c += x; self.sur_cum.append(c)

    def surname(self):
        return self.rng.choices(self.sur_names, cum_weights=self.sur_cum)[0]

    def postcode(self, area):
        r = self.rng
        if area == "OUT":
            pre = r.choice([r.randint(1011, 4999), r.randint(6001, 9999), r.randint(4600, 4999), r.randint(5000, 5199)])
        else:
            pre = r.choice(AREAS[area][1])
        pc = "%d%s%s" % (pre, r.choice(LETTERS), r.choice(LETTERS))
        return pc

    def build_population(self, n_target):
        r = self.rng
        self.P_sur, self.P_by, self.P_pc, self.P_hn, self.P_flags, self.P_area, self.P_hh = [], [], [], [], [], [], []
        self.households = []   # list of (area, pc, hn, [members])
        self.rel = []          # true relations (a, b, kind): b is kind of a
        pcs = {}
        for a, (share, _) in AREAS.items():
            n = int(n_target * share / 2.3 / 9) + 5
            pcs[a] = [self.postcode(a) for _ in range(n)]
        self.area_pcs = pcs
        area_names = list(AREAS)
        area_w = [AREAS[a][0] for a in area_names]

        def newp(sur, by, hh):
            i = len(self.P_sur)
            self.P_sur.append(sur); self.P_by.append(by); self.P_flags.append([])
            a, pc, hn, mem = self.households[hh]
            self.P_pc.append(pc); self.P_hn.append(hn); self.P_area.append(a); self.P_hh.append(hh)
            mem.append(i)
            return i

        def newhh(area=None):
            a = area or r.choices(area_names, weights=area_w)[0]
            pc = r.choice(pcs[a])
            hn = str(r.randint(1, 160))
            x = r.random()
            if x < 0.08:
                hn += r.choice(["A", "B", "-II", "-1", " bis", "a", "-3"])
            self.households.append((a, pc, hn, []))
            return len(self.households) - 1

        def family(area=None, sur=None, by_range=(1940, 2005), kind=None):
            hh = newhh(area)
            s1 = sur or self.surname()
            k = kind or r.choices(["single", "couple", "kids", "singlepar", "shared"],
                                  weights=[34, 25, 29, 8, 4])[0]
            by1 = r.randint(*by_range)
            if k == "shared":
                ms = [newp(self.surname(), r.randint(1995, 2006), hh) for _ in range(r.randint(2, 4))]
                for x in ms[1:]:
                    self.rel.append((ms[0], x, "household"))
                return hh, ms
            a1 = newp(s1, by1, hh)
            ms = [a1]
            if k in ("couple", "kids"):
                s2 = s1 if r.random() < 0.3 else self.surname()
                a2 = newp(s2, max(1930, min(2006, by1 + r.randint(-6, 6))), hh)
                self.rel.append((a1, a2, "partner"))
                ms.append(a2)
            if k in ("kids", "singlepar"):
                nk = r.choice([1, 2, 2, 3])
                kids = []
                for _ in range(nk):
                    kb = by1 + r.randint(23, 40)
                    if kb > 2025:
                        kb = 2025 - r.randint(0, 10)
                    c = newp(s1, kb, hh)
                    for p in ms[:2]:
                        self.rel.append((c, p, "parent"))
                    kids.append(c)
                for i in range(len(kids)):
                    for j in range(i + 1, len(kids)):
                        self.rel.append((kids[i], kids[j], "sibling"))
                ms += kids
            return hh, ms

        while len(self.P_sur) < n_target:
            x = r.random()
            if x < 0.22:
                # older couple with adult children living elsewhere (same surname)
                hh, ms = family(by_range=(1940, 1968), kind="couple")
                par = ms[0]
                sibs = []
                for _ in range(r.choice([1, 1, 2, 3])):
                    area = self.households[hh][0] if r.random() < 0.6 else None
                    by = self.P_by[par] + r.randint(24, 36)
                    if by > 2004:
                        by = 2004
                    hh2, ms2 = family(area=area, sur=self.P_sur[par], by_range=(by, by),
                                      kind=r.choice(["single", "couple", "kids", "kids"]))
                    c = ms2[0]
                    self.rel.append((c, par, "parent"))
                    if len(ms) > 1:
                        self.rel.append((c, ms[1], "parent"))
                    sibs.append(c)
                for i in range(len(sibs)):
                    for j in range(i + 1, len(sibs)):
                        self.rel.append((sibs[i], sibs[j], "sibling"))
            else:
                family()
        n = len(self.P_sur)
        # ex-partners: some adults have an ex living elsewhere
        adults = [i for i in range(n) if 1950 <= self.P_by[i] <= 2002]
        self.ex_of = {}
        for i in r.sample(adults, len(adults) // 25):
            j = r.choice(adults)
            if self.P_hh[j] == self.P_hh[i] or i in self.ex_of or j in self.ex_of:
                continue
            self.rel.append((i, j, "ex_partner"))
            self.ex_of[i] = j; self.ex_of[j] = i
        # criminal milieu: skewed to some postcodes
        hot = set()
        for a in pcs:
            hot.update(r.sample(pcs[a], max(1, len(pcs[a]) // 8)))
        self.crim = []
        for i in range(n):
            if 1958 <= self.P_by[i] <= 2009:
                p = 0.16 if self.P_pc[i] in hot else 0.035
                if r.random() < p:
                    self.crim.append(i)
        self.crim_by_area = {}
        for i in self.crim:
            self.crim_by_area.setdefault(self.P_area[i], []).append(i)
        self.by_area = {}
        for i in range(n):
            self.by_area.setdefault(self.P_area[i], []).append(i)
        self.by_pc = {}
        for i in range(n):
            self.by_pc.setdefault(self.P_pc[i], []).append(i)
        self.by_sur = {}
        for i in range(n):
            self.by_sur.setdefault(self.P_sur[i], []).append(i)
        # flags
        for i in r.sample(range(n), n // 110):
            if self.P_by[i] < 1960:
                self.P_flags[i].append("deceased")
        cand = [i for i in range(n) if 1950 <= self.P_by[i] <= 2004 and self.P_area[i] != "OUT"]
        self.vips = r.sample(cand, 130)
        for i in self.vips:
            self.P_flags[i].append("vip")
        rest = [i for i in cand if i not in set(self.vips)]
        self.shielded = r.sample(rest, 70)
        for i in self.shielded:
            self.P_flags[i].append("shielded")
        for i in self.vips[:4]:
            self.P_flags[i].append("shielded")  # threatened mayor / alderman
        self.topx = r.sample(self.crim_by_area["EHV"], 120)
        for i in self.topx:
            self.P_flags[i].append("topx")
        self.wanted = r.sample(self.crim, 350)
        for i in self.wanted:
            self.P_flags[i].append("signalering")
        self.rel_set = {}
        for a, b, k in self.rel:
            self.rel_set.setdefault(a, {})[b] = k
            self.rel_set.setdefault(b, {})[a] = k

    def add_person(self, sur, by, area, pc=None):
        hh = len(self.households)
        self.households.append((area, pc or self.rng.choice(self.area_pcs[area]), str(self.rng.randint(1, 120)), []))
        i = len(self.P_sur)
        a, pc2, hn, mem = self.households[hh]
        self.P_sur.append(sur); self.P_by.append(by); self.P_flags.append([]); self.P_pc.append(pc2)
        self.P_hn.append(hn); self.P_area.append(area); self.P_hh.append(hh); mem.append(i)
        self.by_pc.setdefault(pc2, []).append(i)
        self.by_sur.setdefault(sur, []).append(i)
        return i

    # ------------------------------------------------------------------ organisation
    def build_org(self):
        r = self.rng
        # unit_id, name, fte
        self.units = [
            ("OB-DBO", "District 's-Hertogenbosch", "262,5"), ("OB-EHV", "District Eindhoven", "391.8"),
            ("OB-HLM", "District De Peel (Helmond)", "204"), ("OB-MEL", "District Maas en Leijgraaf", "188.4"),
            ("OB-KEM", "District De Kempen", "109.2"),
            ("OB-DRR", "Dienst Regionale Recherche", "301"),
            ("OB-DRIO", "Dienst Regionale Informatieorganisatie (RTIC, Intake, Analyse)", "287.6"),
            ("OB-DROS", "Dienst Regionale Operationele Samenwerking", "266"),
            ("OB-STAF", "Staf Eenheid Oost-Brabant", ""),
        ]
        # team_id, unit, kind, name, size, profile, district
        T = [
            ("BT-DBO-STAD", "OB-DBO", "basisteam", "Basisteam 's-Hertogenbosch Stad", 130, "bt", "DBO"),
            ("BT-DBO-ZUID", "OB-DBO", "basisteam", "Basisteam Vught, Boxtel, Sint-Michielsgestel", 88, "bt", "DBO"),
            ("WT-DBO", "OB-DBO", "wijkteam", "Wijkteam 's-Hertogenbosch", 24, "wijk", "DBO"),
            ("DRT-DBO", "OB-DBO", "recherche", "Districtsrecherche 's-Hertogenbosch", 30, "drt", "DBO"),
            ("BT-EHV-CEN", "OB-EHV", "basisteam", "Basisteam Eindhoven Centrum", 140, "bt", "EHV"),
            ("BT-EHV-NRD", "OB-EHV", "Basisteam", "Basisteam Eindhoven Noord", 100, "bt", "EHV"),
            ("BT-EHV-ZLD", "OB-EHV", "basisteam", "Basisteam Eindhoven Zuid, Veldhoven", 100, "bt", "EHV"),
            ("WT-EHV", "OB-EHV", "wijkteam", "Wijkteam Eindhoven", 30, "wijk", "EHV"),
            ("DRT-EHV", "OB-EHV", "recherche", "Districtsrecherche Eindhoven", 40, "drt", "EHV"),
            ("BT-HLM", "OB-HLM", "basisteam", "Basisteam Helmond", 110, "bt", "HLM"),
            ("BT-PEEL", "OB-HLM", "basisteam", "Basisteam Peelland", 80, "bt", "HLM"),
            ("DRT-HLM", "OB-HLM", "recherche", "Districtsrecherche De Peel", 25, "drt", "HLM"),
            ("BT-OSS", "OB-MEL", "basisteam", "Basisteam Oss", 90, "bt", "MEL"),
            ("BT-UDEN", "OB-MEL", "basisteam", "Basisteam Uden, Veghel", 85, "bt", "MEL"),
            ("DRT-MEL", "OB-MEL", "recherche", "Districtsrecherche Maas en Leijgraaf", 25, "drt", "MEL"),
            ("BT-KEM", "OB-KEM", "basisteam", "Basisteam De Kempen", 95, "bt", "KEM"),
            ("DRT-KEM", "OB-KEM", "recherche", "Districtsrecherche De Kempen", 20, "drt", "KEM"),
            ("DRR-SYN", "OB-DRR", "recherche", "Team Synthetische Drugs", 45, "syn", None),
            ("DRR-MIL", "OB-DRR", "recherche", "Team Milieu (drugsafval)", 20, "mil", None),
            ("DRR-TGO", "OB-DRR", "recherche", "Team Grootschalige Opsporing", 45, "tgo", None),
            ("DRR-OND", "OB-DRR", "recherche", "Team Ondermijning", 40, "ond", None),
            ("DRR-ZED", "OB-DRR", "recherche", "Team Zeden", 25, "zed", None),
            ("DRR-CYB", "OB-DRR", "recherche", "Team Digitale Opsporing", 25, "cyb", None),
            ("DRR-FIN", "OB-DRR", "recherche", "Team Financiële Opsporing", 25, "fin", None),
            ("DRR-FO", "OB-DRR", "ondersteuning", "Forensische Opsporing", 35, "fo", None),
            ("DRR-CIE", "OB-DRR", "specialistisch", "Criminele Inlichtingen Eenheid", 20, "cie", None),
            ("DRR-OT", "OB-DRR", "specialistisch", "Observatieteam", 28, "ot", None),
            ("DRIO-RTIC", "OB-DRIO", "informatie_analyse", "Real Time Intelligence Center", 45, "rtic", None),
            ("DRIO-ANA", "OB-DRIO", "informatie_analyse", "Analyse en Onderzoek", 35, "ana", None),
            ("DRIO-INT", "OB-DRIO", "intake_service", "Intake en Service", 190, "int", None),
            ("DRIO-OO", "OB-DRIO", "ondersteuning", "Opsporingsondersteuning (OM-verzoeken)", 25, "oo", None),
            ("DROS-MK", "OB-DROS", "meldkamer", "Meldkamer Oost-Brabant, politiedeel", 105, "mk", None),
            ("DROS-VERK", "OB-DROS", "", "Team Verkeer", 55, "verk", None),
            ("DROS-EVT", "OB-DROS", "ondersteuning", "Evenementen, ME en Voetbal", 40, "evt", None),
            ("DROS-ARR", "OB-DROS", "ondersteuning", "Arrestantenzorg (PD Eindhoven, Den Bosch)", 45, "arr", None),
            ("DROS-HOND", "OB-DROS", "ondersteuning", "Diensthondenbrigade", 20, "hond", None),
            ("DROS-BB", "OB-DROS", "specialistisch", "Bewaken en Beveiligen", 15, "bb", None),
            ("STAF-LEID", "OB-STAF", "staf", "Eenheidsleiding en districtsleiding", 35, "leid", None),
            ("STAF-BV", "OB-STAF", "ondersteuning", "Bedrijfsvoering (HRM, Financiën)", 55, "bv", None),
            ("STAF-VIK", "OB-STAF", "staf", "Veiligheid, Integriteit en Klachten", 12, "vik", None),
            ("STAF-COMM", "OB-STAF", "staf", "Communicatie en persvoorlichting", 10, "comm", None),
            ("STAF-FB", "OB-STAF", "ondersteuning", "Functioneel beheer politiesystemen", 12, "fb", None),
        ]
        self.teams = T
        self.team_by_id = {t[0]: t for t in T}
        RANKS = {
            "bt": [("aspirant", 6), ("surveillant", 2), ("agent", 22), ("hoofdagent", 45), ("brigadier", 17), ("inspecteur", 5), ("burger", 3)],
            "wijk": [("hoofdagent", 55), ("brigadier", 40), ("inspecteur", 5)],
            "drt": [("hoofdagent", 40), ("brigadier", 35), ("inspecteur", 12), ("burger", 10), ("hoofdinspecteur", 3)],
            "rec": [("hoofdagent", 30), ("brigadier", 35), ("inspecteur", 15), ("burger", 17), ("hoofdinspecteur", 3)],
            "int": [("burger", 55), ("agent", 10), ("hoofdagent", 25), ("brigadier", 8), ("inspecteur", 2)],
            "mk": [("burger", 40), ("hoofdagent", 35), ("brigadier", 20), ("inspecteur", 5)],
            "rtic": [("burger", 40), ("hoofdagent", 30), ("brigadier", 25), ("inspecteur", 5)],
            "ana": [("burger", 85), ("brigadier", 10), ("inspecteur", 5)],
            "ops": [("agent", 15), ("hoofdagent", 50), ("brigadier", 25), ("inspecteur", 7), ("burger", 3)],
            "staf": [("burger", 55), ("inspecteur", 15), ("hoofdinspecteur", 15), ("commissaris", 10), ("hoofdcommissaris", 2), ("brigadier", 3)],
            "bv": [("burger", 100)],
            "fb": [("burger", 60), ("extern", 40)],
        }
        prof_rank = {"bt": "bt", "wijk": "wijk", "drt": "drt", "syn": "rec", "mil": "rec", "tgo": "rec", "ond": "rec",
                     "zed": "rec", "cyb": "rec", "fin": "rec", "fo": "ops", "cie": "rec", "ot": "ops", "rtic": "rtic",
                     "ana": "ana", "int": "int", "oo": "int", "mk": "mk", "verk": "ops", "evt": "ops", "arr": "ops",
                     "hond": "ops", "bb": "ops", "leid": "staf", "bv": "bv", "vik": "staf", "comm": "staf", "fb": "fb"}
        FUNC = {"drt": "rechercheur", "syn": "rechercheur", "mil": "milieurechercheur", "tgo": "rechercheur",
                "ond": "rechercheur", "zed": "zedenrechercheur", "cyb": "digitaal rechercheur", "fin": "financieel rechercheur",
                "fo": "forensisch onderzoeker", "cie": "CIE-medewerker", "ot": "observant", "rtic": "RTIC-medewerker",
                "ana": "analist", "int": "intake", "oo": "medewerker opsporingsondersteuning", "mk": "meldkamer",
                "verk": "verkeer", "evt": "ME / evenementen", "arr": "arrestantenzorg", "hond": "hondengeleider",
                "bb": "beveiliger", "leid": "leidinggevende", "bv": "HRM / financiën", "vik": "VIK-onderzoeker",
                "comm": "woordvoerder", "fb": "functioneel beheerder", "wijk": "wijkagent"}
        # candidate employee persons: adults in region, not criminal milieu
        crimset = set(self.crim)
        cand = [i for i in range(len(self.P_sur)) if 1959 <= self.P_by[i] <= 2005 and self.P_area[i] != "OUT"
                and i not in crimset and not self.P_flags[i]]
        r.shuffle(cand)
        used_hh = set()
        ci = 0
        self.emps = []
        ids = r.sample(range(100000, 999999), 2600)
        for t in T:
            tid, unit, kind, name, size, prof, district = t
            for k in range(size):
                e = {"id": str(ids[len(self.emps)]), "team": tid, "unit": unit, "prof": prof,
                     "district": district, "kindcode": kind}
                rank = r.choices([x for x, _ in RANKS[prof_rank[prof]]], weights=[w for _, w in RANKS[prof_rank[prof]]])[0]
                e["rank"] = rank
                if prof == "bt":
                    if rank == "burger":
                        f = "servicebalie"
                    elif rank == "inspecteur":
                        f = "teamchef" if r.random() < 0.3 else "operationeel expert"
                    elif r.random() < 0.17:
                        f = "wijkagent"
                    else:
                        f = "noodhulp"
                else:
                    f = FUNC[prof]
                    if prof in ("int", "mk", "rtic") and rank in ("inspecteur",):
                        f = "teamleider"
                e["function"] = f
                # own person record
                p = None
                if r.random() < 0.87:
                    while ci < len(cand):
                        c = cand[ci]; ci += 1
                        if self.P_hh[c] in used_hh:
                            continue
                        if district and r.random() < 0.55 and self.P_area[c] != district:
                            continue
                        p = c
                        used_hh.add(self.P_hh[c])
                        break
                e["pidx"] = p
                e["surname"] = self.P_sur[p] if p is not None else self.surname()
                self.emps.append(e)
        # personnel system spelling of surnames
        for e in self.emps:
            x = r.random()
            if e["pidx"] is not None:
                ptn = [m for m, k in self.rel_set.get(e["pidx"], {}).items() if k == "partner"]
                if x < 0.05 and ptn and self.P_sur[ptn[0]] != e["surname"]:
                    e["surname_out"] = self.P_sur[ptn[0]] + "-" + e["surname"]
                elif x < 0.08 and e["surname"][:1].islower():
                    e["surname_out"] = e["surname"][0].upper() + e["surname"][1:]
        self.emp_by_id = {e["id"]: e for e in self.emps}
        self.emp_of_person = {e["pidx"]: e for e in self.emps if e["pidx"] is not None}
        self.by_team = {}
        for e in self.emps:
            self.by_team.setdefault(e["team"], []).append(e)
        # a flex pool that the teams export does not know, and a few without team
        flex = r.sample(self.by_team["BT-EHV-CEN"], 12)
        for e in flex:
            e["team_out"] = "BT-EHV-FLEX"
        for e in r.sample(self.emps, 9):
            if "team_out" not in e:
                e["team_out"] = ""
        # transfers shortly before the window: earlier row with the former team
        self.transfers = []
        recs = [e for e in self.emps if e["prof"] in ("drt", "syn", "tgo", "ond", "bt", "int")]
        for e in r.sample(recs, 24):
            if e["prof"] == "bt":
                old = r.choice(["BT-DBO-STAD", "BT-HLM", "BT-OSS", "BT-KEM", "BT-EHV-NRD"])
            elif e["prof"] == "int":
                old = r.choice(["BT-EHV-CEN", "BT-DBO-STAD", "BT-UDEN"])
            else:
                old = r.choice(["DRT-EHV", "DRT-DBO", "DRT-HLM", "BT-EHV-ZLD", "DRR-OND"])
            if old != e["team"]:
                e["former"] = old
                self.transfers.append(e)

    # ------------------------------------------------------------------ rosters
    def build_rosters(self):
        r = self.rng
        exported = {"bt", "wijk", "drt", "syn", "tgo", "fo", "rtic", "int", "oo", "mk", "verk", "evt", "arr", "hond"}
        self.shift_rows = []
        for e in self.emps:
            prof, f = e["prof"], e["function"]
            work = []
            leave = set()
            if r.random() < 0.2:
                s = r.randint(0, NDAYS - 7)
                leave = set(range(s, s + r.choice([5, 7, 9])))
            sick = set(d for d in range(NDAYS) if r.random() < 0.03)
            if prof in ("bt", "rtic", "hond") and f in ("noodhulp", "RTIC-medewerker", "hondengeleider") or prof == "verk":
                off = r.randint(0, 9)
                for d in range(NDAYS):
                    pos = (d + off) % 10
                    if pos >= 6 or d in leave:
                        continue
                    if prof == "verk" and pos >= 4:
                        continue
                    st = [7, 7, 15, 15, 23, 23][pos]
                    work.append([D(d, st), D(d, st + 8), "rooster"])
            elif prof in ("mk", "arr"):
                off = r.randint(0, 7)
                for d in range(NDAYS):
                    pos = (d + off) % 8
                    if pos >= 4 or d in leave:
                        continue
                    st = 7 if pos < 2 else 19
                    work.append([D(d, st), D(d, st + 12), "rooster"])
            elif prof == "int" or f == "servicebalie":
                off = r.randint(0, 6)
                for d in range(NDAYS):
                    pos = (d + off) % 7
                    if pos >= 4 or d in leave:
                        continue
                    if pos < 2:
                        work.append([D(d, 7, 30), D(d, 16), "rooster"])
                    else:
                        work.append([D(d, 15, 30), D(d, 23, 30), "rooster"])
            elif f == "wijkagent" or prof == "wijk":
                for d in range(NDAYS):
                    wd = (d % 7)
                    if wd >= 5 and r.random() < 0.85 or d in leave or r.random() < 0.18:
                        continue
                    if r.random() < 0.25:
                        work.append([D(d, 13), D(d, 21, 30), "rooster"])
                    else:
                        work.append([D(d, 8), D(d, 16, 30), "rooster"])
            else:
                for d in range(NDAYS):
                    wd = d % 7
                    if wd >= 5 or d in leave or r.random() < 0.12:
                        continue
                    st = D(d, 7, r.choice([30, 45, 0, 15])) + timedelta(hours=r.choice([0, 0, 1]))
                    work.append([st, st + timedelta(hours=8, minutes=r.choice([30, 45, 60, 0])), "kantoor"])
            # carnaval bijstand for basisteam officers outside Den Bosch
            if prof == "bt" and f == "noodhulp" and e["district"] != "DBO" and r.random() < 0.3:
                for d in CARNAVAL:
                    if r.random() < 0.6 and not any(w[0] <= D(d, 18) < w[1] + timedelta(hours=8) for w in work):
                        work.append([D(d, 18), D(d, 18) + timedelta(hours=9), "bijstand_oeteldonk"])
            work.sort(key=lambda w: w[0])
            # worked vs exported
            exp = prof in exported
            e["rostered"] = exp
            real = []
            for w in work:
                d = (w[0] - T0).days
                if d in sick:
                    if exp:
                        self.shift_rows.append((e["id"], w[0], w[1], "planned"))
                    continue
                st, en = w[0], w[1]
                # unrecorded overtime or early start
                ot = timedelta(0)
                if prof in ("bt", "verk") and r.random() < 0.22:
                    ot = timedelta(minutes=r.randint(20, 150))
                real.append([st, en + ot, w[2]])
                if exp:
                    if r.random() < 0.02:
                        continue        # swapped shift not in the export
                    self.shift_rows.append((e["id"], st, en, "planned"))
                    if ot and r.random() < 0.45:
                        self.shift_rows.append((e["id"], en, en + ot, "overtime"))
            # unregistered extra shift (ruil / extra dienst)
            if exp and prof == "bt" and r.random() < 0.08:
                d = r.randint(0, NDAYS - 1)
                st = D(d, r.choice([7, 15]))
                if not any(w[0] <= st < w[1] for w in real):
                    real.append([st, st + timedelta(hours=8), "extra_dienst"])
            real.sort(key=lambda w: w[0])
            e["work"] = real
        # on-duty index per district for noodhulp responders, per hour
        self.onduty = {}
        self.onduty_kind = {}
        for e in self.emps:
            key = None
            if e["prof"] == "bt" and e["function"] in ("noodhulp",):
                key = e["district"]
            elif e["prof"] in ("mk", "rtic", "arr", "int", "verk", "hond"):
                key = e["prof"]
            if key is None:
                continue
            for st, en, lab in e["work"]:
                k2 = "DBO" if lab == "bijstand_oeteldonk" else key
                h = st.replace(minute=0)
                while h < en:
                    idx = int((h - T0).total_seconds() // 3600)
                    if 0 <= idx < NDAYS * 24:
                        self.onduty.setdefault((k2, idx), []).append(e)
                    h += timedelta(hours=1)

    def on(self, key, t):
        idx = int((t - T0).total_seconds() // 3600)
        return self.onduty.get((key, idx), [])

    # ------------------------------------------------------------------ events helpers
    def ev(self, t, e, system, action, p, case="", src="", truth=None):
        if t is None or t < T0 or t >= D(NDAYS):
            return
        self.events.append((t, e["id"], system, action, p, case, src, truth))

    def given(self, case, prob):
        """case number as the employee typed it (or not)."""
        r = self.rng
        if not case or r.random() >= prob:
            return ""
        x = r.random()
        if x < 0.05 and case.startswith("PL2100-"):
            return case[7:]            # typed without the unit prefix
        if x < 0.07:
            return case.lower()
        return case

    def jit(self, t, lo, hi):
        if t is None:
            return None
        return t + timedelta(seconds=self.rng.randint(int(lo * 60), int(hi * 60)))

    def lookup(self, t, e, p, src, case="", cprob=0.0, sys_w=None, action="view", truth=None, query_first=0.3):
        """A look-up of one person, sometimes through a name search that returns several people."""
        r = self.rng
        systems = sys_w or (("bvh", 55), ("blueview", 20), ("brp", 12), ("meos", 13))
        system = r.choices([s for s, _ in systems], weights=[w for _, w in systems])[0]
        cg = self.given(case, cprob)
        if r.random() < query_first:
            others = self.by_sur.get(self.P_sur[p], [])
            n = min(len(others), r.choice([1, 2, 2, 3, 4, 6]))
            qt = t - timedelta(seconds=r.randint(15, 90))
            hits = [p] + [q for q in r.sample(others, n) if q != p][:n - 1] if others else [p]
            qsys = system if system in ("bvh", "blueview", "meos") else "blueview"
            for q in hits:
                self.ev(qt, e, qsys, "query", q, cg, src, truth)
        self.ev(t, e, system, action, p, cg, src, truth)
        return system

    def worktime(self, e, d=None):
        ws = e["work"] if d is None else [w for w in e["work"] if (w[0] - T0).days == d]
        if not ws:
            return None
        w = self.rng.choice(ws)
        span = (w[1] - w[0]).total_seconds()
        return w[0] + timedelta(seconds=self.rng.randint(300, max(301, int(span) - 60)))

    def is_working(self, e, t):
        return any(w[0] - timedelta(minutes=30) <= t <= w[1] + timedelta(minutes=30) for w in e["work"])

    def offtime(self, e, d=None):
        r = self.rng
        for _ in range(60):
            dd = r.randint(0, NDAYS - 1) if d is None else d
            t = D(dd, r.choice([7, 8, 9, 12, 17, 19, 20, 21, 21, 22, 22, 23, 0, 1]), r.randint(0, 59), r.randint(0, 59))
            if not any(w[0] - timedelta(hours=2) <= t <= w[1] + timedelta(hours=2) for w in e["work"]):
                return t
        return None

    # ------------------------------------------------------------------ cases
    def new_case(self, cid, kind, unit, team, opened, closed, sensitive, persons, staff=()):
        c = {"id": cid, "kind": kind, "unit": unit, "team": team, "opened": opened, "closed": closed,
             "sensitive": sensitive, "persons": list(persons), "staff": list(staff)}
        self.cases.append(c)
        return c

    def build_investigations(self):
        r = self.rng
        self.invs = []
        names = ["ZILVERREIGER", "KNOBBELZWAAN", "STEENUIL", "GRUTTO", "KEMPHAAN", "WATERSNIP", "IJSVOGEL", "KRAANVOGEL",
                 "BOOMVALK", "TAPUIT", "GLANSKOP", "ROERDOMP", "LEPELAAR", "WULP", "BERGEEND", "KLAPEKSTER",
                 "PAAPJE", "TORENVALK", "VELDLEEUWERIK", "GEKRAAGDE", "BONTEKRAAI", "ZWARTKOP", "KRAKEEND", "SMIENT",
                 "NACHTEGAAL", "WIELEWAAL", "GOUDHAAN", "SPREEUW", "KOEKOEK", "HOUTSNIP", "PIMPELMEES", "ZANGLIJSTER"]
        r.shuffle(names)
        spec = [("DRR-SYN", "OB-DRR", 7, (15, 55), 0.85), ("DRR-OND", "OB-DRR", 5, (10, 40), 0.8),
                ("DRR-TGO", "OB-DRR", 3, (8, 30), 0.7), ("DRR-MIL", "OB-DRR", 6, (3, 14), 0.2),
                ("DRR-ZED", "OB-DRR", 9, (2, 5), 0.0), ("DRR-CYB", "OB-DRR", 6, (2, 12), 0.0),
                ("DRR-FIN", "OB-DRR", 6, (3, 15), 0.3)]
        for d in ("DBO", "EHV", "HLM", "MEL", "KEM"):
            spec.append(("DRT-" + d, "OB-" + d, {"EHV": 30, "DBO": 24}.get(d, 16), (2, 12), 0.04))
        n = 0
        for team, unit, cnt, (lo, hi), psens in spec:
            area = team[4:] if team.startswith("DRT") else None
            for k in range(cnt):
                n += 1
                big = team.startswith("DRR") and team not in ("DRR-ZED", "DRR-CYB")
                if big and names:
                    cid = "26OB-%s-%s" % (team[4:], names.pop())
                else:
                    cid = "ONDZ-%s-%04d" % (team, r.randint(100, 9999))
                opened = T0 - timedelta(days=r.randint(10, 420))
                if r.random() < 0.12:
                    opened = D(r.randint(0, 20))
                closed = None
                if r.random() < 0.1:
                    closed = max(D(r.randint(3, 27)), opened + timedelta(days=2)).date()
                sens = r.random() < psens
                ar = area or r.choice(["EHV", "EHV", "HLM", "DBO", "MEL", "KEM"])
                pool = self.crim_by_area[ar]
                np_ = r.randint(lo, hi)
                ps = []
                core = r.sample(pool, min(len(pool), max(1, np_ * 2 // 3)))
                for p in core:
                    ps.append((p, r.choice(["verdachte", "verdachte", "betrokkene", "Verdachte", "target"])))
                for _ in range(np_ - len(core)):
                    p = r.choice(self.by_area[ar])
                    ps.append((p, r.choice(["getuige", "slachtoffer", "aangever", "betrokkene", "eigenaar voertuig"])))
                # family of core suspects also in the file
                for p, _ in list(ps[:3]):
                    for q, kk in self.rel_set.get(p, {}).items():
                        if kk in ("partner", "sibling") and r.random() < 0.5:
                            ps.append((q, "betrokkene"))
                tm = team
                if big and r.random() < 0.15:
                    tm = ""  # joint investigation without team
                c = self.new_case(cid, "investigation", unit, tm, opened, closed, sens, ps)
                c["hometeam"] = team
                c["area"] = ar
                self.invs.append(c)
        # staff
        for c in self.invs:
            mem = self.by_team[c["hometeam"]]
            k = min(len(mem), r.randint(3, 12) if c["hometeam"].startswith("DRR") else r.randint(1, 4))
            stf = r.sample(mem, k)
            if c["team"] == "":
                other = r.choice(["DRR-OND", "DRR-FIN", "DRR-SYN", "DRT-EHV"])
                stf += r.sample(self.by_team[other], 3)
            for e in stf:
                e.setdefault("invs", []).append(c)
                c["staff"].append((e, None if r.random() < 0.2 else max(c["opened"], T0 - timedelta(days=r.randint(1, 200))), None))
            # helpers that are not registered
            if r.random() < 0.5:
                for e in r.sample(mem, 2):
                    if c not in e.get("invs", []):
                        e.setdefault("helps", []).append(c)
            if c["hometeam"] in ("DRR-SYN", "DRR-OND", "DRR-TGO", "DRR-FIN") and r.random() < 0.6:
                for e in r.sample(self.by_team["DRIO-ANA"], 1):
                    e.setdefault("invs", []).append(c)
                    c["staff"].append((e, T0 - timedelta(days=r.randint(5, 90)), None))
        for e in self.emps:
            if e["prof"] in ("drt", "syn", "mil", "tgo", "ond", "zed", "cyb", "fin") and not e.get("invs"):
                pool = [c for c in self.invs if c["hometeam"] == e["team"]]
                if pool:
                    c = r.choice(pool)
                    e.setdefault("invs", []).append(c)
                    c["staff"].append((e, None, None))
        self.sensitive = [c for c in self.invs if c["sensitive"]]
        # football: stadium ban register as a standing case
        self.bans = r.sample(self.crim_by_area["EHV"] + self.crim_by_area["HLM"] + r.sample(self.by_area["EHV"], 150), 230)
        c = self.new_case("OB-VOETBAL-PSV-2526", "investigation", "OB-DROS", "DROS-EVT", T0 - timedelta(days=190), None,
                          False, [(p, "stadionverbod") for p in self.bans[:170]])
        self.ban_case = c

    def incident_persons(self, area, typ):
        r = self.rng
        ps = []
        loc = self.by_area[area]
        crim = self.crim_by_area.get(area, self.crim)
        if typ == "huiselijk":
            a = r.choice(loc)
            ps.append((a, "slachtoffer"))
            rel = [q for q, k in self.rel_set.get(a, {}).items() if k in ("partner", "ex_partner", "child", "parent")]
            ps.append((r.choice(rel) if rel else r.choice(crim), "verdachte"))
            return ps
        if typ == "dumping":
            ps.append((r.choice(loc), "melder"))
            if r.random() < 0.3:
                ps.append((r.choice(loc), "eigenaar perceel"))
            return ps
        if typ == "verkeer":
            ps.append((r.choice(loc if r.random() < 0.8 else self.by_area["OUT"]), "bestuurder"))
            if r.random() < 0.6:
                ps.append((r.choice(self.by_area[r.choice(["EHV", "DBO", "OUT", area])]), "bestuurder"))
            return ps
        nrep = 1 if r.random() < 0.85 else 0
        for _ in range(nrep):
            ps.append((r.choice(loc), "melder"))
        if typ in ("geweld", "overlast", "drugs", "diefstal", "inbraak"):
            if r.random() < {"geweld": 0.85, "overlast": 0.6, "drugs": 0.9, "diefstal": 0.45, "inbraak": 0.2}[typ]:
                ps.append((r.choice(crim) if r.random() < 0.65 else r.choice(loc), "verdachte"))
            if typ == "geweld":
                ps.append((r.choice(loc), "slachtoffer"))
                if r.random() < 0.4:
                    ps.append((r.choice(loc), "getuige"))
        if not ps:
            ps.append((r.choice(loc), "betrokkene"))
        return ps

    def build_incidents(self):
        r = self.rng
        base = {"EHV": 114, "DBO": 80, "HLM": 62, "MEL": 56, "KEM": 38}
        hourf = [1.1, 1.0, 0.8, 0.6, 0.4, 0.35, 0.45, 0.7, 0.9, 1.0, 1.05, 1.05, 1.1, 1.1, 1.1, 1.15, 1.25, 1.3, 1.3,
                 1.3, 1.3, 1.3, 1.3, 1.2]
        sf = sum(hourf)
        typs = [("overlast", 24), ("verkeer", 20), ("diefstal", 12), ("geweld", 10), ("huiselijk", 7), ("inbraak", 7),
                ("drugs", 6), ("hulpverlening", 10), ("dumping", 2), ("verward", 6)]
        self.incidents = []
        seq = r.randint(20000, 40000)
        bt_of = {}
        for t in self.teams:
            if t[5] == "bt":
                bt_of.setdefault(t[6], []).append(t[0])
        for d in range(NDAYS):
            wd = d % 7
            for area, b in base.items():
                for h in range(24):
                    lam = b * hourf[h] / sf
                    if wd in (4, 5) and (h >= 20 or h < 4):
                        lam *= 1.5
                    if d in CARNAVAL or (d == 11 and h >= 18):
                        if area == "DBO":
                            lam *= 2.8 if (h >= 11 or h < 4) else 1.2
                        else:
                            lam *= 1.4
                    for (md, mh, mm) in MATCHES:
                        if area == "EHV" and d == md and mh - 3 <= h <= mh + 3:
                            lam *= 1.8
                    k = 0
                    x = r.random()
                    # poisson by inversion
                    pk = math.exp(-lam); cum = pk
                    while x > cum and k < 60:
                        k += 1; pk *= lam / k; cum += pk
                    for _ in range(k):
                        typ = r.choices([a for a, _ in typs], weights=[w for _, w in typs])[0]
                        if typ == "dumping" and area in ("EHV", "DBO") and r.random() < 0.8:
                            typ = "overlast"
                        opened = D(d, h, r.randint(0, 59), r.randint(0, 59))
                        seq += r.randint(1, 3)
                        cid = "PL2100-2026%06d" % seq
                        team = r.choice(bt_of[area])
                        closed = opened + timedelta(minutes=r.randint(25, 320))
                        ps = self.incident_persons(area, typ)
                        c = self.new_case(cid, "incident", "OB-" + area, team, opened, closed, False, ps)
                        c["typ"] = typ; c["area"] = area
                        self.incidents.append(c)

    # ------------------------------------------------------------------ legitimate work
    def work_incidents(self):
        r = self.rng
        for c in self.incidents:
            t0 = c["opened"]
            area = c["area"]
            ps = [p for p, _ in c["persons"]]
            # meldkamer intake of the call
            if r.random() < 0.42:
                mk = self.on("mk", t0)
                src = "meldkamer_uitgifte"
                if r.random() < 0.03:
                    # console still logged in under the operator of the previous shift
                    ids_now = set(x["id"] for x in mk)
                    prev = [x for x in self.on("mk", t0 - timedelta(hours=1)) if x["id"] not in ids_now]
                    if prev:
                        mk = prev
                        src = "meldkamer_gedeelde_werkplek"
                if mk:
                    e = r.choice(mk)
                    for p in ps[:2]:
                        if r.random() < 0.8:
                            self.lookup(self.jit(t0, 0.5, 6), e, p, src, c["id"], 0.15,
                                        (("bvh", 60), ("blueview", 40)), query_first=0.45)
            # responders
            cands = self.on(area, t0)
            if c["typ"] == "verkeer" and r.random() < 0.35:
                cands = self.on("verk", t0) or cands
            if c["typ"] == "drugs" and r.random() < 0.1:
                cands = self.on("hond", t0) or cands
            if not cands:
                continue
            n = min(len(cands), r.choice([1, 2, 2, 2, 3]) + (1 if c["typ"] == "geweld" else 0))
            resp = r.sample(cands, n)
            c["responders"] = resp
            for e in resp:
                if r.random() < 0.72:
                    frm = t0 if r.random() < 0.7 else t0.date()
                    c["staff"].append((e, frm, None if r.random() < 0.5 else c["closed"].date()))
                for p in ps:
                    if r.random() < 0.66:
                        self.lookup(self.jit(t0, 2, 35), e, p, "noodhulp_melding", c["id"], 0.25,
                                    (("meos", 70), ("bvh", 20), ("rdw", 10)) if c["typ"] == "verkeer" else (("meos", 75), ("bvh", 25)),
                                    query_first=0.25)
            writer = resp[0]
            if r.random() < 0.85:
                tw = c["closed"] + timedelta(minutes=r.randint(5, 150))
                for p in ps:
                    if r.random() < 0.9:
                        self.lookup(self.jit(tw, 0, 25), writer, p, "mutatie_schrijven", c["id"], 0.7,
                                    (("bvh", 90), ("brp", 10)), query_first=0.1)
            # address query: all residents returned
            if r.random() < 0.12:
                p = ps[0]
                for q in self.households[self.P_hh[p]][3][:6]:
                    self.ev(self.jit(t0, 3, 40), resp[0], "brp", "query", q, "", "adresbevraging")
            # officer checks the associates of the suspect (not in the case)
            if c["typ"] in ("geweld", "drugs", "huiselijk") and r.random() < 0.25:
                for q in list(self.rel_set.get(ps[-1], {}))[:3]:
                    self.lookup(self.jit(t0, 5, 60), r.choice(resp), q, "noodhulp_omgeving", "", 0, (("meos", 60), ("bvh", 40)), query_first=0)
            # RTIC for priority incidents
            if c["typ"] in ("geweld", "drugs", "huiselijk", "inbraak") and r.random() < 0.3:
                rt = self.on("rtic", t0)
                if rt:
                    e = r.choice(rt)
                    for p in ps:
                        self.lookup(self.jit(t0, 1, 14), e, p, "rtic_realtime", c["id"], 0.3,
                                    (("blueview", 50), ("bvh", 25), ("summit", 15), ("brp", 10)), query_first=0.2)
                    for q in list(self.rel_set.get(ps[-1], {}))[:4]:
                        self.lookup(self.jit(t0, 3, 20), e, q, "rtic_realtime_omgeving", "", 0,
                                    (("blueview", 60), ("brp", 40)), query_first=0)
            # arrest and detention
            sus = [p for p, role in c["persons"] if role == "verdachte"]
            if sus and r.random() < 0.3:
                ta = self.jit(c["closed"], -20, 90)
                arr = self.on("arr", ta)
                if arr:
                    e = r.choice(arr)
                    self.lookup(ta, e, sus[0], "arrestantenzorg_insluiting", c["id"], 0.5, (("bvh", 100),), query_first=0.1)
                    if r.random() < 0.3:
                        self.ev(self.jit(ta, 1, 10), e, "bvh", "print", sus[0], "", "arrestantenzorg_insluiting")
            # shift briefing / brigadier check of the team's registrations the next day
            if r.random() < 0.1:
                tb = self.jit(t0, 60 * 10, 60 * 30)
                mem = [e for e in self.by_team[c["team"]] if e["rank"] in ("brigadier", "inspecteur") and self.is_working(e, tb)]
                if mem:
                    e = r.choice(mem)
                    for p in ps[:2]:
                        self.lookup(tb, e, p, "mutatiecontrole_leidinggevende", c["id"], 0.4, (("bvh", 100),), query_first=0)
            # wijkagent follow-up in the days after
            if r.random() < 0.09:
                wa = [e for e in self.emps if e["district"] == area and e["function"] == "wijkagent"] if area not in self._wk else self._wk[area]
                self._wk[area] = wa
                if wa:
                    e = r.choice(wa)
                    d = (t0 - T0).days + r.randint(1, 6)
                    tt = self.worktime(e, d) if d < NDAYS else None
                    if tt:
                        for p in ps[:2]:
                            self.lookup(tt, e, p, "wijkagent_nazorg", c["id"], 0.2, query_first=0.1)
            # drug waste dumping: milieu team checks vehicle owners and landowner
            if c["typ"] == "dumping":
                mil = self.by_team["DRR-MIL"]
                e = r.choice(mil)
                tt = self.worktime(e, min(NDAYS - 1, (t0 - T0).days + r.randint(0, 2)))
                if tt:
                    for p in ps:
                        self.lookup(tt, e, p, "milieu_dumping", c["id"], 0.3, (("bvh", 50), ("bvi", 50)), query_first=0)
                    for _ in range(r.randint(1, 4)):
                        q = r.choice(self.crim_by_area.get(area, self.crim) + self.by_area["OUT"][:200])
                        self.ev(self.jit(tt, 1, 40), e, "rdw", "query", q, "", "milieu_dumping_kenteken")
                        if r.random() < 0.5:
                            self.ev(self.jit(tt, 2, 50), e, "bvi", "view", q, "", "milieu_dumping_kenteken")

    def work_police_victims(self):
        """Officers assaulted on duty: colleagues look up the colleague's record (legitimately)."""
        r = self.rng
        incs = [c for c in self.incidents if c["typ"] in ("geweld", "overlast") and len(c.get("responders", [])) >= 2]
        for c in r.sample(incs, min(len(incs), 14)):
            a, b = c["responders"][:2]
            if b["pidx"] is None:
                continue
            c["persons"].append((b["pidx"], "slachtoffer (collega)"))
            self.lookup(self.jit(c["closed"], 10, 90), a, b["pidx"], "geweld_tegen_politie", c["id"], 0.6, (("bvh", 100),), query_first=0)
            it = self.on("int", c["closed"] + timedelta(hours=14))
            if it:
                e = r.choice(it)
                ic = self.new_case("PL2100-2026%06d" % r.randint(900000, 999999), "intake", "OB-DRIO", "DRIO-INT",
                                   c["closed"] + timedelta(hours=14), (c["closed"] + timedelta(hours=15)).date(), False,
                                   [(b["pidx"], "aangever"), (c["persons"][-2][0], "verdachte")])
                self.lookup(self.jit(ic["opened"], 1, 30), e, b["pidx"], "intake_aangifte_collega", ic["id"], 0.5, (("bvh", 100),), query_first=0)

    def work_intake(self):
        r = self.rng
        seq = r.randint(500000, 600000)
        self.intakes = []
        for d in range(NDAYS):
            n = int(230 * (0.75 if d % 7 >= 5 else 1.0) * (1.25 if d in (15, 16) else 1.0))
            for _ in range(n):
                t = D(d, r.randint(7, 22), r.randint(0, 59), r.randint(0, 59))
                staff = self.on("int", t)
                if not staff:
                    continue
                e = r.choice(staff)
                area = r.choices(["EHV", "DBO", "HLM", "MEL", "KEM", "OUT"], weights=[32, 21, 16, 16, 10, 5])[0]
                rep = r.choice(self.by_area[area])
                if r.random() < 0.3:
                    # question only, no registration
                    self.lookup(t, e, rep, "intake_informatievraag", "", 0, (("bvh", 70), ("brp", 30)), query_first=0.5)
                    continue
                seq += 1
                cid = "PL2100-2026%06d" % seq
                ps = [(rep, "aangever")]
                if r.random() < 0.3:
                    ps.append((r.choice(self.crim if r.random() < 0.6 else self.by_area[area if area != "OUT" else "EHV"]), "verdachte"))
                unit = "OB-DRIO" if r.random() < 0.8 else "OB-" + (area if area != "OUT" else "EHV")
                closed = (t + timedelta(minutes=40)).date() if r.random() < 0.8 else None
                c = self.new_case(cid, "intake", unit, "DRIO-INT" if r.random() < 0.93 else "", t, closed, False, ps)
                if r.random() < 0.35:
                    c["staff"].append((e, t.date(), t.date()))
                for p, _ in ps:
                    self.lookup(self.jit(t, 1, 25), e, p, "intake_aangifte", cid, 0.55, (("bvh", 80), ("brp", 20)), query_first=0.55)
                if r.random() < 0.06:
                    self.ev(self.jit(t, 26, 35), e, "bvh", "print", rep, cid, "intake_afschrift_aangifte")
                self.intakes.append(c)
                # follow-up by the district (opsporing) some days later
                if r.random() < 0.18 and area != "OUT":
                    cand = self.by_team["DRT-" + area] + [x for x in self.by_team[r.choice([t_[0] for t_ in self.teams if t_[6] == area and t_[5] == "bt"])] if x["function"] == "noodhulp"][:30]
                    h = r.choice(cand)
                    dd = d + r.randint(1, 8)
                    tt = self.worktime(h, dd) if dd < NDAYS else None
                    if tt:
                        if r.random() < 0.45:
                            c["staff"].append((h, D(dd).date(), None))
                        for p, _ in ps:
                            self.lookup(tt, h, p, "opvolging_aangifte", cid, 0.5, query_first=0.1)
            # front desk (servicebalie) in the basisteams
        for e in self.emps:
            if e["function"] == "servicebalie":
                for w in e["work"]:
                    for _ in range(r.randint(0, 4)):
                        t = w[0] + timedelta(seconds=r.randint(600, 8 * 3600))
                        p = r.choice(self.by_area[e["district"]])
                        self.lookup(t, e, p, "servicebalie", "", 0, (("bvh", 80), ("brp", 20)), query_first=0.4)

    def work_investigations(self):
        r = self.rng
        for e in self.emps:
            invs = e.get("invs", [])
            helps = e.get("helps", [])
            if not invs and not helps:
                continue
            days = sorted(set((w[0] - T0).days for w in e["work"]))
            for d in days:
                if r.random() < 0.25:
                    continue
                work = invs + helps
                for c in r.sample(work, min(len(work), r.choice([1, 1, 2]))):
                    if c["closed"] is not None and D(d).date() > c["closed"]:
                        continue
                    n = r.randint(2, 9) if e["prof"] != "ana" else r.randint(1, 5)
                    core = c["persons"]
                    for _ in range(n):
                        t = self.worktime(e, d)
                        if t is None:
                            break
                        if r.random() < 0.8 or not core:
                            p = r.choice(core[: max(3, len(core) // 2)] if r.random() < 0.6 else core)[0]
                            src = "onderzoek_" + ("toegewezen" if c in invs else "meewerken_ongeregistreerd")
                        else:
                            # new network persons surfacing (not registered in the case yet)
                            p = r.choice(self.crim_by_area.get(c.get("area", "EHV"), self.crim) if r.random() < 0.7 else self.by_area[c.get("area", "EHV")])
                            src = "onderzoek_nieuwe_contacten"
                        sysw = (("bvi", 50), ("summit", 18), ("blueview", 15), ("brp", 10), ("rdw", 7))
                        self.lookup(t, e, p, src, c["id"], 0.55, sysw, query_first=0.15)
                        if r.random() < 0.015:
                            self.ev(self.jit(t, 1, 5), e, "bvi", "print", p, c["id"], src)
                # analysts: occasional export of a network
                if e["prof"] == "ana" and invs and r.random() < 0.08:
                    c = r.choice(invs)
                    t = self.worktime(e, d)
                    if t:
                        for p, _ in c["persons"][:40]:
                            self.ev(self.jit(t, 0, 20), e, "blueview", "query", p, c["id"] if r.random() < 0.5 else "", "analyse_netwerk")
                        for p, _ in r.sample(c["persons"], min(8, len(c["persons"]))):
                            self.ev(self.jit(t, 20, 30), e, "blueview", "export", p, c["id"], "analyse_netwerk_export")
            # handover: former team's cases in the first days after a transfer
            if e.get("former"):
                pass
        for e in self.transfers:
            old = [c for c in self.invs if c["hometeam"] == e["former"]]
            if not old:
                continue
            for d in range(0, 10):
                t = self.worktime(e, d)
                if t and r.random() < 0.5:
                    c = r.choice(old)
                    for _ in range(r.randint(1, 4)):
                        self.lookup(self.jit(t, 0, 90), e, r.choice(c["persons"])[0], "overdracht_oud_team", c["id"], 0.3,
                                    (("bvi", 60), ("bvh", 40)), query_first=0)

    def work_external(self):
        r = self.rng
        joint = [c for c in self.invs if c["team"] == ""] or self.invs[:1]
        for k in range(4):
            e = {"id": "ZWB%06d" % r.randint(100000, 999999), "team": "", "prof": "ext", "function": "rechercheur",
                 "district": None, "rank": "brigadier", "pidx": None}
            e["work"] = [[D(d, 8, 30), D(d, 17), "kantoor"] for d in range(NDAYS) if d % 7 < 4]
            c = r.choice(joint)
            if r.random() < 0.5:
                c["staff"].append((e, D(0).date(), None))
            for w in e["work"]:
                for _ in range(r.randint(1, 6)):
                    t = w[0] + timedelta(seconds=r.randint(0, 8 * 3600))
                    self.lookup(t, e, r.choice(c["persons"])[0], "gezamenlijk_onderzoek_andere_eenheid", c["id"], 0.4,
                                (("bvi", 60), ("blueview", 40)), query_first=0.1)
        fb = {"id": "FB-TESTACCOUNT-01", "work": []}
        for d in range(NDAYS):
            if d % 7 < 5 and r.random() < 0.6:
                t = D(d, r.randint(9, 16), r.randint(0, 59))
                for _ in range(r.randint(2, 12)):
                    self.ev(self.jit(t, 0, 30), fb, r.choice(["bvh", "meos", "bvi", "summit"]), r.choice(["query", "view"]),
                            r.choice(self.testp), "", "functioneel_beheer_testaccount")

    def work_raids(self):
        """Action days of the synthetic-drug and undermining teams: early-morning raids with
        basisteam arrest teams and the observation team, who are not on the case staff."""
        r = self.rng
        for c in [x for x in self.invs if x["hometeam"] in ("DRR-SYN", "DRR-OND")]:
            if r.random() < 0.5:
                continue
            d = r.randint(1, NDAYS - 2)
            t = D(d, 5, r.randint(0, 40))
            targets = [p for p, role in c["persons"] if role.lower() in ("verdachte", "target")][:6]
            helpers = r.sample([e for e in self.emps if e["prof"] == "bt" and e["district"] == c["area"] and e["function"] == "noodhulp"], 6)
            for e in helpers:
                for p in r.sample(targets, min(2, len(targets))):
                    self.lookup(self.jit(t, -60, 30), e, p, "actiedag_aanhoudingsteam", c["id"], 0.35, (("bvh", 60), ("meos", 40)), query_first=0)
            inc = self.new_case("PL2100-2026%06d" % r.randint(700000, 799999), "incident", "OB-" + c["area"], "",
                                t.replace(minute=30), t + timedelta(hours=5), False, [(p, "aangehouden") for p in targets])
            inc["typ"] = "actie"
            for e in r.sample(self.by_team["DRR-OT"], 4):
                for p in targets[:3]:
                    self.lookup(self.jit(t, -90, 0), e, p, "observatie_actiedag", "", 0, (("bvi", 50), ("rdw", 50)), query_first=0)
            arr = self.on("arr", t + timedelta(hours=2))
            if arr:
                for p in targets:
                    self.lookup(self.jit(t, 60, 200), r.choice(arr), p, "arrestantenzorg_insluiting", inc["id"], 0.5, (("bvh", 100),), query_first=0)

    def work_specialist(self):
        r = self.rng
        sens_targets = [(c, p) for c in self.invs if c["hometeam"] in ("DRR-SYN", "DRR-OND", "DRR-TGO") for p, role in c["persons"]]
        for e in self.emps:
            prof = e["prof"]
            days = sorted(set((w[0] - T0).days for w in e["work"]))
            if prof == "ot":
                for d in days:
                    for _ in range(r.randint(0, 6)):
                        c, p = r.choice(sens_targets)
                        t = self.worktime(e, d)
                        self.lookup(t - timedelta(hours=r.choice([0, 2, 3])), e, p, "observatie_ondersteuning", "", 0,
                                    (("bvi", 40), ("rdw", 35), ("brp", 25)), query_first=0)
            elif prof == "cie":
                for d in days:
                    for _ in range(r.randint(2, 10)):
                        t = self.worktime(e, d)
                        if r.random() < 0.25:
                            p = r.choice(sens_targets)[1]
                        else:
                            p = r.choice(self.crim)
                        self.lookup(t, e, p, "cie_informantinformatie", "", 0, (("summit", 60), ("bvh", 20), ("blueview", 20)), query_first=0.2)
            elif prof == "rtic":
                for d in days:
                    for _ in range(r.randint(2, 9)):
                        t = self.worktime(e, d)
                        p = r.choice(self.by_area["OUT"] if r.random() < 0.6 else self.crim)
                        if r.random() < 0.2:
                            p = self.add_person(self.surname(), r.randint(1950, 2006), "OUT")
                            self.noexport.add(p)
                        self.lookup(t, e, p, "rtic_verzoek_andere_eenheid", "", 0, (("blueview", 50), ("summit", 30), ("brp", 20)), query_first=0.3)
            elif prof == "oo":
                for d in days:
                    for _ in range(r.randint(3, 12)):
                        t = self.worktime(e, d)
                        c = r.choice(self.invs + self.incidents[-4000:])
                        p = r.choice(c["persons"])[0]
                        self.lookup(t, e, p, "om_verzoek_ondersteuning", c["id"], 0.4, (("bvh", 50), ("bvi", 30), ("brp", 20)), query_first=0.1)
            elif prof == "ana":
                if r.random() < 0.5:
                    for d in days:
                        if r.random() < 0.15:
                            area = r.choice(["EHV", "DBO", "HLM", "MEL", "KEM"])
                            incs = [c for c in self.incidents if c["area"] == area and c["typ"] in ("inbraak", "diefstal", "drugs") and c["opened"] < D(d)]
                            t = self.worktime(e, d)
                            ps = [p for c in incs[-300:] for p, role in c["persons"] if role == "verdachte"][:120]
                            for p in ps:
                                self.ev(self.jit(t, 0, 80), e, "blueview", "query", p, "", "analyse_fenomeen")
                            if ps and r.random() < 0.6:
                                for p in ps[:25]:
                                    self.ev(self.jit(t, 80, 95), e, "blueview", "export", p, "", "analyse_fenomeen_export")
            elif prof == "mk":
                for d in days:
                    for _ in range(r.randint(0, 3)):
                        t = self.worktime(e, d)
                        self.lookup(t, e, r.choice(self.by_area[r.choice(["EHV", "DBO", "HLM", "MEL", "KEM"])]),
                                    "meldkamer_112_zonder_incident", "", 0, (("bvh", 50), ("blueview", 50)), query_first=0.4)
            elif prof == "vik":
                for d in days:
                    if r.random() < 0.4:
                        t = self.worktime(e, d)
                        col = r.choice(self.emps)
                        if col["pidx"] is not None:
                            self.lookup(t, e, col["pidx"], "vik_integriteitsonderzoek", "", 0, (("bvh", 60), ("blueview", 40)), query_first=0)
            elif prof == "fb":
                for d in days:
                    for _ in range(r.randint(1, 6)):
                        t = self.worktime(e, d)
                        self.ev(t, e, r.choice(["bvh", "bvi", "blueview", "meos"]), r.choice(["view", "query", "print"]), r.choice(self.testp), "", "functioneel_beheer_test")
                    if r.random() < 0.3:
                        t = self.worktime(e, d)
                        self.ev(t, e, "bvh", "view", r.choice(self.crim + self.by_area["EHV"]), "", "functioneel_beheer_storing")
            elif prof == "bb":
                for d in days:
                    for _ in range(r.randint(0, 3)):
                        t = self.worktime(e, d)
                        p = r.choice(self.vips[:8] + self.shielded[:20])
                        self.lookup(t, e, p, "bewaken_beveiligen", "", 0, (("bvh", 50), ("summit", 50)), query_first=0)
            elif prof == "fo":
                for d in days:
                    for _ in range(r.randint(0, 3)):
                        t = self.worktime(e, d)
                        c = r.choice(self.incidents[max(0, self._inc_index(t) - 400): self._inc_index(t) + 1] or self.incidents[:10])
                        self.lookup(t, e, c["persons"][0][0], "forensisch_sporenonderzoek", c["id"], 0.6, (("bvh", 100),), query_first=0)
            elif prof == "leid":
                for d in days:
                    if r.random() < 0.25:
                        t = self.worktime(e, d)
                        p = r.choice(self.vips[:20] + self.crim[:50])
                        self.lookup(t, e, p, "leiding_bestuurlijke_informatie", "", 0, (("bvh", 100),), query_first=0)

    def _inc_index(self, t):
        lo, hi = 0, len(self.incidents)
        while lo < hi:
            m = (lo + hi) // 2
            if self.incidents[m]["opened"] < t:
                lo = m + 1
            else:
                hi = m
        return lo

    def work_patrol(self):
        """Traffic stops, Top-X briefing, warrants, wijkagent work: look-ups the records explain badly."""
        r = self.rng
        self.stops = []
        for e in self.emps:
            f, prof = e["function"], e["prof"]
            if prof == "bt" and f == "noodhulp" or prof == "verk":
                for w in e["work"]:
                    if w[2] == "bijstand_oeteldonk":
                        continue
                    for _ in range(r.choices([0, 1, 2, 3, 5], weights=[40, 30, 17, 8, 8 if prof == "verk" else 1])[0]):
                        t = w[0] + timedelta(seconds=r.randint(1800, 7 * 3600))
                        area = e["district"] or r.choice(["EHV", "DBO", "HLM", "MEL", "KEM"])
                        p = r.choice(self.by_area[area] if r.random() < 0.8 else self.by_area["OUT"])
                        self.ev(t, e, "rdw", "query", p, "", "verkeerscontrole")
                        if r.random() < 0.7:
                            self.ev(self.jit(t, 0.3, 3), e, "meos", "view", p, "", "verkeerscontrole")
                        self.stops.append((e, p, t))
                    if e["district"] == "EHV" and r.random() < 0.35:
                        for p in r.sample(self.topx, r.randint(1, 4)):
                            self.ev(self.jit(w[0], 5, 40), e, r.choice(["bvh", "meos"]), "view", p, "", "briefing_topx")
                    if w[0].hour >= 22 and r.random() < 0.25:
                        for p in r.sample(self.wanted, r.randint(1, 3)):
                            self.ev(self.jit(w[0], 30, 240), e, "bvh", "view", p, "", "openstaande_signalering")
                    if r.random() < 0.2:
                        # briefing: persons from recent incidents of the own team (previous shifts)
                        i0 = self._inc_index(w[0])
                        recent = [c for c in self.incidents[max(0, i0 - 600):i0] if c["team"] == e["team"]]
                        for c in recent[-3:]:
                            self.ev(self.jit(w[0], 2, 25), e, "bvh", "view", c["persons"][0][0], "", "briefing_vorige_dienst")
            if f == "wijkagent" or prof == "wijk":
                area = e["district"]
                pcs = e.setdefault("wijk", r.sample(self.area_pcs[area], 18))
                residents = [p for pc in pcs for p in self.by_pc.get(pc, [])]
                crim = [p for p in residents if p in self._crimset]
                for w in e["work"]:
                    for _ in range(r.randint(1, 4)):
                        t = w[0] + timedelta(seconds=r.randint(900, 7 * 3600))
                        p = r.choice(crim if crim and r.random() < 0.5 else residents)
                        self.lookup(t, e, p, "wijkagent_wijkwerk", "", 0, (("bvh", 70), ("brp", 30)), query_first=0.2)
        # football: match days
        for (md, mh, mm) in MATCHES:
            tb = D(md, mh - 4, mm)
            pool = self.by_team["DROS-EVT"] + [e for e in self.by_team["BT-EHV-CEN"] if self.is_working(e, tb)]
            for e in r.sample(pool, min(len(pool), 35)):
                for p in r.sample(self.bans, r.randint(3, 14)):
                    self.lookup(self.jit(tb, 0, 150), e, p, "voetbal_stadionverboden", self.ban_case["id"], 0.3,
                                (("bvh", 60), ("meos", 40)), query_first=0)

    def work_hype(self):
        """The shooting of a well-known Eindhoven kickboxer: legitimate side of the news story."""
        r = self.rng
        cand = [i for i in self.by_area["EHV"] if 1988 <= self.P_by[i] <= 1998 and not self.P_flags[i]
                and i not in self.emp_of_person]
        self.hype = h = r.choice(cand)
        t0 = D(HYPE_DAY, 2, 41, 12)
        wit = r.sample(self.by_area["EHV"], 3)
        inc = self.new_case("PL2100-2026%06d" % r.randint(800000, 899999), "incident", "OB-EHV", "BT-EHV-CEN", t0,
                            t0 + timedelta(hours=6), False, [(h, "slachtoffer")] + [(w, "getuige") for w in wit])
        inc["typ"] = "geweld"; inc["area"] = "EHV"
        ps = [p for p, _ in inc["persons"]]
        resp = self.on("EHV", t0)[:4]
        for e in resp:
            inc["staff"].append((e, t0, None))
            for p in ps:
                self.lookup(self.jit(t0, 3, 40), e, p, "noodhulp_melding", inc["id"], 0.3, (("meos", 70), ("bvh", 30)))
        for e in self.on("rtic", t0)[:2]:
            for p in ps:
                self.lookup(self.jit(t0, 2, 20), e, p, "rtic_realtime", inc["id"], 0.3, (("blueview", 70), ("bvh", 30)))
        inv = self.new_case("26OB-TGO-BLAUWBORST", "investigation", "OB-DRR", "DRR-TGO", D(HYPE_DAY, 4, 10),
                            None, True, [(h, "slachtoffer")] + [(w, "getuige") for w in wit] +
                            [(p, "verdachte") for p in r.sample(self.crim_by_area["EHV"], 6)])
        inv["area"] = "EHV"; inv["hometeam"] = "DRR-TGO"
        tgo = r.sample(self.by_team["DRR-TGO"], 14)
        for e in tgo:
            inv["staff"].append((e, D(HYPE_DAY, 4, 10) if r.random() < 0.8 else D(HYPE_DAY).date(), None))
            for d in range(HYPE_DAY, NDAYS):
                for _ in range(r.randint(2, 9)):
                    t = D(d, r.randint(6, 22), r.randint(0, 59))
                    p = r.choice(inv["persons"])[0]
                    self.lookup(t, e, p, "tgo_schietincident", inv["id"], 0.5, (("bvi", 60), ("blueview", 25), ("brp", 15)))
        self.invs.append(inv)
        self.sensitive.append(inv)
        for e in [x for x in self.by_team["BT-EHV-CEN"] if self.is_working(x, D(HYPE_DAY, 14))][:8]:
            for p in wit + r.sample(self.households[self.P_hh[wit[0]]][3], 1):
                self.lookup(self.jit(D(HYPE_DAY, 13), 0, 240), e, p, "buurtonderzoek_schietincident", inc["id"], 0.5,
                            (("bvh", 70), ("meos", 30)), query_first=0)
        for e in self.by_team["STAF-COMM"][:2]:
            self.lookup(D(HYPE_DAY, 8, r.randint(0, 50)), e, h, "persvoorlichting", "", 0, (("bvh", 100),), query_first=0)
        for e in [x for x in self.by_team["STAF-LEID"] if x["rank"] in ("commissaris", "hoofdcommissaris", "hoofdinspecteur")][:3]:
            self.lookup(D(HYPE_DAY, 9, r.randint(0, 50)), e, h, "leiding_opschaling_sgbo", inv["id"], 0.2, (("bvh", 100),), query_first=0)
        self.hype_inc = inc

    # ------------------------------------------------------------------ improper behaviour
    def plant(self):
        r = self.rng
        self.incident_no = 0
        used = set()
        rank_w = {"hoofdagent": 3.0, "brigadier": 2.5, "agent": 1.6, "burger": 1.0, "aspirant": 0.8, "surveillant": 0.8,
                  "inspecteur": 0.6, "extern": 0.4}

        def pick(pred):
            pool = [e for e in self.emps if e["id"] not in used and e["work"] and pred(e)]
            if not pool:
                return None
            e = r.choices(pool, weights=[rank_w.get(x["rank"], 0.2) for x in pool])[0]
            used.add(e["id"])
            return e

        def inc_id():
            self.incident_no += 1
            return "RT15-%03d" % self.incident_no

        def sys_imp():
            return r.choices(["blueview", "bvh", "meos", "brp", "rdw"], weights=[30, 30, 20, 15, 5])[0]

        def when(e, on_p=0.7):
            if r.random() < on_p:
                return self.worktime(e)
            return self.offtime(e) or self.worktime(e)

        def events(e, p, sc, iid, n, on_p=0.7, spread_days=None, case=""):
            ts = []
            base = when(e, on_p)
            for k in range(n):
                if spread_days:
                    t = when(e, on_p)
                elif k == 0:
                    t = base
                else:
                    t = base + timedelta(seconds=r.randint(20, 1800))
                ts.append(t)
                s = sys_imp()
                act = "query" if (k == 0 and r.random() < 0.4) else "view"
                if s == "rdw":
                    act = "query"
                self.ev(t, e, s, act, p, case, "", (iid, sc))
            return ts

        def nlook():
            return r.choices([1, 2, 3, 4, 6, 9], weights=[40, 25, 15, 10, 6, 4])[0]

        counts = {}

        def done(sc):
            counts[sc] = counts.get(sc, 0) + 1

        haspid = lambda e: e["pidx"] is not None
        # self
        for _ in range(r.randint(7, 9)):
            e = pick(haspid)
            iid = inc_id()
            events(e, e["pidx"], "self", iid, nlook())
            done("self")
        # relatives with a known link
        for _ in range(r.randint(7, 9)):
            e = pick(lambda e: haspid(e) and any(k in ("parent", "child", "sibling") for k in self.rel_set.get(e["pidx"], {}).values()))
            if not e:
                continue
            rel = [q for q, k in self.rel_set[e["pidx"]].items() if k in ("parent", "child", "sibling")]
            iid = inc_id()
            for q in r.sample(rel, min(len(rel), r.choice([1, 1, 2]))):
                events(e, q, "relative", iid, nlook())
            done("relative")
        # partner
        for _ in range(r.randint(5, 7)):
            e = pick(lambda e: haspid(e) and "partner" in self.rel_set.get(e["pidx"], {}).values())
            if not e:
                continue
            q = [q for q, k in self.rel_set[e["pidx"]].items() if k == "partner"][0]
            events(e, q, "partner", inc_id(), nlook(), on_p=0.8)
            done("partner")
        # ex-partner: repeated over weeks, sometimes also the new partner
        for _ in range(r.randint(5, 7)):
            e = pick(lambda e: haspid(e) and e["pidx"] in self.ex_of)
            if not e:
                continue
            ex = self.ex_of[e["pidx"]]
            iid = inc_id()
            events(e, ex, "ex_partner", iid, r.choice([2, 3, 5, 8]), on_p=0.6, spread_days=True)
            newp = [q for q, k in self.rel_set.get(ex, {}).items() if k == "partner"]
            if newp and r.random() < 0.6:
                events(e, newp[0], "ex_partner", iid, r.choice([1, 2, 3]), on_p=0.6)
            if r.random() < 0.25:
                t = self.worktime(e)
                self.ev(t, e, "bvh", "print", ex, "", "", (iid, "ex_partner"))
            done("ex_partner")
        # neighbours / same address street
        for _ in range(r.randint(7, 9)):
            e = pick(lambda e: haspid(e) and len(self.by_pc.get(self.P_pc[e["pidx"]], [])) > 6)
            if not e:
                continue
            hh = self.households[self.P_hh[e["pidx"]]][3]
            nb = [q for q in self.by_pc[self.P_pc[e["pidx"]]] if q not in hh and q not in self.rel_set.get(e["pidx"], {})]
            if not nb:
                continue
            iid = inc_id()
            first = r.choice(nb)
            fam = self.households[self.P_hh[first]][3]
            for q in ([first] + [x for x in fam if x != first][:r.choice([0, 0, 1, 2])]):
                events(e, q, "neighbour", iid, r.choice([1, 1, 2, 3]), on_p=0.65)
            if r.random() < 0.3:
                self.ev(self.worktime(e), e, "bvh", "print", first, "", "", (iid, "neighbour"))
            done("neighbour")
        # shared surname: namesake search (are we related?)
        for _ in range(r.randint(3, 5)):
            e = pick(lambda e: haspid(e) and 3 <= len(self.by_sur.get(e["surname"], [])) <= 40)
            if not e:
                continue
            iid = inc_id()
            fam = self.rel_set.get(e["pidx"], {})
            ns = [q for q in self.by_sur[e["surname"]] if q != e["pidx"] and q not in fam]
            t = when(e, 0.6)
            for q in ns[:12]:
                self.ev(t, e, "blueview", "query", q, "", "", (iid, "shared_surname"))
            for q in r.sample(ns, min(len(ns), r.randint(1, 4))):
                self.ev(t + timedelta(seconds=r.randint(30, 900)), e, "blueview", "view", q, "", "", (iid, "shared_surname"))
            done("shared_surname")
        # relative with an uncommon surname, no link in relations.csv
        rare = set(self.rare)
        for _ in range(r.randint(4, 6)):
            e = pick(lambda e: haspid(e) and self.P_sur[e["pidx"]] in rare)
            if not e:
                continue
            by = self.P_by[e["pidx"]] + r.randint(-8, 8)
            q = self.add_person(self.P_sur[e["pidx"]], min(2005, by), r.choice(["EHV", "DBO", "HLM", "MEL", "KEM", "OUT"]))
            self.P_flags[q] = []
            if r.random() < 0.6:
                # the cousin / brother got into trouble: he is in an incident elsewhere
                c = r.choice(self.incidents)
                c["persons"].append((q, "verdachte"))
            events(e, q, "relative_unlinked", inc_id(), r.choice([1, 2, 3, 4, 6]), on_p=0.7)
            done("relative_unlinked")
        # colleagues
        for _ in range(r.randint(7, 9)):
            e = pick(lambda e: True)
            if r.random() < 0.5:
                pool = [x for x in self.by_team[e["team"]] if x["pidx"] is not None and x is not e]
            else:
                pool = [x for x in self.emps if x["pidx"] is not None and x is not e]
            col = r.choice(pool)
            iid = inc_id()
            events(e, col["pidx"], "colleague", iid, nlook(), on_p=0.75)
            if r.random() < 0.3:
                fam = [q for q in self.rel_set.get(col["pidx"], {})]
                if fam:
                    events(e, r.choice(fam), "colleague", iid, 1, on_p=0.75)
            done("colleague")
        # public figures
        for _ in range(r.randint(5, 7)):
            e = pick(lambda e: True)
            iid = inc_id()
            for v in r.sample(self.vips[4:], r.choice([1, 1, 1, 2, 3])):
                events(e, v, "public_figure", iid, r.choice([1, 1, 2, 3]), on_p=0.7)
            done("public_figure")
        # shielded persons
        for _ in range(r.randint(3, 5)):
            e = pick(lambda e: True)
            events(e, r.choice(self.shielded), "shielded", inc_id(), r.choice([1, 1, 2, 3]), on_p=0.75)
            done("shielded")
        # leaks to criminals from sensitive investigations the employee is not on
        for _ in range(r.randint(5, 7)):
            e = pick(lambda e: e["prof"] in ("bt", "int", "mk", "verk", "drt", "arr"))
            cands = [c for c in self.sensitive if e["id"] not in [s[0]["id"] for s in c["staff"]] and c["team"] != e["team"]]
            c = r.choice(cands)
            targets = [p for p, role in c["persons"] if role.lower() in ("verdachte", "target")] or [c["persons"][0][0]]
            iid = inc_id()
            ts = []
            for p in r.sample(targets, min(len(targets), r.choice([1, 1, 2, 3, 4]))):
                n = r.choice([1, 2, 2, 3])
                for _k in range(n):
                    t = self.worktime(e)
                    # pretext: case number of an incident the employee handled
                    pretext = ""
                    if r.random() < 0.3:
                        mine = [x for x in self.incidents if e in x.get("responders", [])]
                        if mine:
                            pretext = r.choice(mine)["id"]
                    s = r.choice(["bvh", "blueview", "bvh", "summit", "brp"])
                    self.ev(t, e, s, "view" if r.random() < 0.8 else "query", p, pretext, "", (iid, "sensitive_leak"))
            done("sensitive_leak")
        # off-shift curiosity: persons from a local news incident, looked up from home (MEOS)
        for _ in range(r.randint(6, 8)):
            e = pick(lambda e: e["rostered"] and e["prof"] in ("bt", "int", "mk", "rtic", "arr", "verk", "wijk"))
            iid = inc_id()
            t = self.offtime(e) or D(r.randint(1, NDAYS - 1), 22, r.randint(0, 59))
            c = None
            for _k in range(40):
                x = self.incidents[min(len(self.incidents) - 1, self._inc_index(t - timedelta(hours=r.randint(3, 30))))]
                if x["area"] != e["district"] and x["typ"] in ("geweld", "verkeer", "huiselijk"):
                    c = x; break
            ps = [p for p, _ in c["persons"]] if c else [r.choice(self.by_area["EHV"])]
            for p in ps[:r.choice([1, 2, 3])]:
                self.ev(self.jit(t, 0, 25), e, r.choice(["meos", "meos", "bvh"]), "view", p, "", "", (iid, "off_shift_curiosity"))
            done("off_shift_curiosity")
        # browsing: many unrelated persons in a short time (own village, school year, names)
        for _ in range(r.randint(4, 6)):
            e = pick(lambda e: haspid(e) and e["prof"] in ("bt", "int", "mk", "rtic", "arr"))
            iid = inc_id()
            t = self.worktime(e)
            pre = self.P_pc[e["pidx"]][:3]
            by = self.P_by[e["pidx"]]
            pool = [p for p in self.by_area[self.P_area[e["pidx"]]] if self.P_pc[p][:3] == pre or abs(self.P_by[p] - by) <= 1]
            n = r.randint(18, 60)
            for k, p in enumerate(r.sample(pool, min(n, len(pool)))):
                tt = t + timedelta(seconds=k * r.randint(40, 140))
                self.ev(tt, e, r.choice(["blueview", "bvh", "brp"]), r.choice(["view", "view", "query"]), p, "", "", (iid, "browsing"))
            done("browsing")
        # following someone over weeks, starting from a legitimate traffic stop
        early = [s for s in self.stops if (s[2] - T0).days <= 7 and 1975 <= self.P_by[s[1]] <= 2004]
        for _ in range(r.randint(4, 6)):
            for _k in range(50):
                e, p, t0 = r.choice(early)
                if e["id"] not in used:
                    break
            used.add(e["id"])
            iid = inc_id()
            n = r.randint(5, 14)
            days = sorted(r.sample(range((t0 - T0).days + 2, NDAYS), min(n, NDAYS - (t0 - T0).days - 2)))
            for d in days:
                t = self.worktime(e, d) if r.random() < 0.6 else self.offtime(e, d)
                if t is None:
                    t = D(d, 21, r.randint(0, 59))
                self.ev(t, e, r.choice(["bvh", "meos", "brp", "blueview", "rdw"]), "view", p, "", "", (iid, "following"))
                if r.random() < 0.25:
                    for q in self.households[self.P_hh[p]][3][:3]:
                        if q != p:
                            self.ev(self.jit(t, 0.5, 4), e, "brp", "query", q, "", "", (iid, "following"))
            done("following")
        # export / print of records for private use (tenant check for a friend, list for a third party)
        for _ in range(r.randint(4, 6)):
            e = pick(lambda e: e["prof"] in ("bt", "int", "drt", "rtic", "oo", "ana"))
            iid = inc_id()
            t = self.worktime(e)
            targets = r.sample(self.by_area[r.choice(["EHV", "DBO", "HLM"])], r.choice([1, 1, 2, 3]))
            for p in targets:
                self.ev(t, e, "bvh", "view", p, "", "", (iid, "export_print"))
                self.ev(self.jit(t, 0.5, 3), e, "bvh", r.choice(["print", "print", "export"]), p, "", "", (iid, "export_print"))
                t = self.jit(t, 3, 20)
            done("export_print")
        # news hype: employees without a work link look up the shooting victim the same day
        hype_staff = set(x[0]["id"] for x in self.hype_inc["staff"])
        for _ in range(r.randint(15, 21)):
            e = pick(lambda e: e["id"] not in hype_staff and e["team"] not in ("DRR-TGO", "STAF-COMM"))
            iid = inc_id()
            t = D(HYPE_DAY, r.randint(7, 23), r.randint(0, 59), r.randint(0, 59))
            if r.random() < 0.5:
                wt = self.worktime(e, HYPE_DAY)
                if wt:
                    t = wt
            sysn = r.choice(["blueview", "bvh", "meos"])
            if r.random() < 0.6:
                self.ev(t - timedelta(seconds=r.randint(10, 60)), e, sysn, "query", self.hype, "", "", (iid, "news_hype"))
            self.ev(t, e, sysn, "view", self.hype, "", "", (iid, "news_hype"))
            if r.random() < 0.25:
                self.ev(self.jit(t, 1, 30), e, sysn, "view", self.hype, "", "", (iid, "news_hype"))
            done("news_hype")
        self.counts = counts

    # ------------------------------------------------------------------ output
    def generate(self):
        self.build_surnames()
        self.build_population(96000)
        self._crimset = set(self.crim)
        self.build_org()
        self.build_rosters()
        self.cases = []
        self.events = []
        self._wk = {}
        self.testp = []
        self.noexport = set()
        for k in range(6):
            self.testp.append(self.add_person("Testpersoon" if k < 4 else "Test-Achternaam", 1970 + k, "OUT", pc="9999ZZ"))
        self.build_investigations()
        self.build_incidents()
        self.incidents.sort(key=lambda c: c["opened"])
        self.work_incidents()
        self.work_police_victims()
        self.work_intake()
        self.work_investigations()
        self.work_raids()
        self.work_external()
        self.work_specialist()
        self.work_patrol()
        self.work_hype()
        self.plant()

    def pid(self, i):
        return self._pids[i]


def fmt_local(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + "+01:00"


def fmt_utc(t):
    return (t - CET).strftime("%Y-%m-%dT%H:%M:%S") + "Z"


def write_csv(path, header, rows, crlf=False, bom=False, gz=False):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    w.writerow(header)
    for row in rows:
        if row is None:
            buf.write("\r\n" if crlf else "\n")
            continue
        w.writerow(row)
    data = buf.getvalue().encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    if gz:
        with open(path + ".gz", "wb") as f:
            with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0) as g:
                g.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def dt_or_date(x, r, date_p=0.0):
    if x is None:
        return ""
    if isinstance(x, datetime):
        if r.random() < date_p:
            return x.strftime("%Y-%m-%d")
        return fmt_local(x) if r.random() < 0.7 else fmt_utc(x)
    return x.strftime("%Y-%m-%d")


def output(w, out, debug):
    r = random.Random(w.seed * 7919 + 17)   # writing randomness, independent of --debug
    os.makedirs(out, exist_ok=True)
    n = len(w.P_sur)
    nums = r.sample(range(1000000, 9999999), n)
    w._pids = ["P%07d" % x if k % 9 else "OB%07d" % x for k, x in enumerate(nums)]
    P = w._pids
    # units.csv
    write_csv(os.path.join(out, "units.csv"), ["unit_id", "name", "fte"], [list(u) for u in w.units])
    # teams.csv (CRLF, a comma in names, one kind unknown, one capitalised)
    rows = [[t[0], t[1], t[2], t[3], "Oost-Brabant"] for t in w.teams]
    write_csv(os.path.join(out, "teams.csv"), ["team_id", "unit_id", "kind", "name", "regio"], rows, crlf=True)
    # employees.csv: personnel-system export (BOM, CRLF, columns reordered, extra columns, transfer rows)
    rows = []
    hist = []
    for e in w.emps:
        team = e.get("team_out", e["team"])
        unit = e["unit"] if team != "" else ""
        rank = e["rank"]
        if r.random() < 0.1:
            rank = rank.capitalize()
        if r.random() < 0.01:
            rank = ""
        pidv = P[e["pidx"]] if e["pidx"] is not None else ""
        row = [e["id"], e.get("surname_out", e["surname"]), pidv, rank, unit, team, e["function"],
               "%s@politie.nl" % e["id"], r.choice(["1,0", "0,89", "1,0", "0,78", "0,5"])]
        if e.get("former"):
            ft = w.team_by_id[e["former"]]
            old = list(row)
            old[4], old[5] = ft[1], ft[0]
            old[6] = {"drt": "rechercheur"}.get(ft[5], "noodhulp")
            rows.append(old)   # earlier state first: the later row replaces it
        rows.append(row)
        if len(rows) == 900:
            rows.append(None)
    write_csv(os.path.join(out, "employees.csv"),
              ["Employee_ID", "surname", " person_id ", "rank", "unit_id", "team_id", "function", "email", "deeltijdfactor"],
              rows, crlf=True, bom=True)
    # persons.csv.gz
    rows = []
    for i in range(n):
        if i in w.noexport:
            rows.append(None)
            continue
        pc = w.P_pc[i]
        x = r.random()
        if x < 0.06:
            pc = pc[:4] + " " + pc[4:]
        elif x < 0.08:
            pc = pc.lower()
        sur = w.P_sur[i]
        if r.random() < 0.002:
            sur = sur + "\u00a0"
        fl = w.P_flags[i]
        fs = ";".join(fl)
        if fl and r.random() < 0.3:
            fs = " ; ".join(f.upper() if r.random() < 0.5 else f for f in fl)
        by = str(w.P_by[i]) if r.random() > 0.015 else ""
        hn = w.P_hn[i] if r.random() > 0.01 else ""
        rows.append([P[i], sur, by, pc, hn, fs, w.P_area[i]])
    order = list(range(n)); r.shuffle(order)
    rows = [rows[k] for k in order if rows[k] is not None]
    write_csv(os.path.join(out, "persons.csv"), ["person_id", "surname", "birth_year", "postcode", "house_number", "flags", "bron_gebied"],
              rows, gz=True)
    # relations.csv: only what the population register / case systems know
    keep = {"partner": 0.75, "household": 0.5, "parent": 0.55, "sibling": 0.35, "ex_partner": 0.45}
    inv = {"parent": "child", "child": "parent", "partner": "partner", "sibling": "sibling", "household": "household",
           "ex_partner": "ex_partner"}
    rows = []
    for a, b, k in w.rel:
        if r.random() >= keep[k]:
            continue
        if r.random() < 0.5:
            a, b, k = b, a, inv[k]
        kk = k.capitalize() if r.random() < 0.05 else k
        rows.append([P[a], P[b], kk])
        if r.random() < 0.1:
            rows.append([P[b], P[a], inv[k]])
    write_csv(os.path.join(out, "relations.csv"), ["person_id", "related_person_id", "kind"], rows)
    # cases.csv, case_persons.csv, case_staff.csv
    rows, cp, cs = [], [], []
    senses = {True: ["true", "ja", "1", "TRUE", "J"], False: ["false", "nee", "0", "", "FALSE", "n"]}
    for c in w.cases:
        if c["kind"] == "incident":
            opened = dt_or_date(c["opened"], r, 0.03)
            closed = "" if r.random() < 0.04 else dt_or_date(c["closed"], r, 0.25)
        elif c["kind"] == "intake":
            opened = dt_or_date(c["opened"], r, 0.5)
            closed = dt_or_date(c["closed"], r)
        else:
            opened = dt_or_date(c["opened"], r, 0.9)
            closed = dt_or_date(c["closed"], r)
        sens = r.choice(senses[c["sensitive"]])
        kind = c["kind"] if r.random() > 0.05 else c["kind"].upper()
        rows.append([c["id"], kind, c["unit"], c["team"], opened, closed, sens])
        if c["kind"] == "investigation" and r.random() < 0.05 and c["closed"] is None and c["opened"] < datetime(2025, 12, 1):
            # an earlier state (closed) followed by the reopened case
            rows.insert(len(rows) - 1, [c["id"], kind, c["unit"], c["team"], opened, "2025-12-19", sens])
        seen = set()
        for p, role in c["persons"]:
            if (p, role) in seen:
                continue
            seen.add((p, role))
            cp.append([c["id"], P[p], role])
        for e, frm, to in c["staff"]:
            cs.append([c["id"], e["id"], dt_or_date(frm, r, 0.2), dt_or_date(to, r)])
    write_csv(os.path.join(out, "cases.csv"), ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive", "bron"],
              [row + ["GMS" if row[1].lower() == "incident" else ("BVI" if row[1].lower() == "investigation" else "BVH")] for row in rows])
    write_csv(os.path.join(out, "case_persons.csv"), ["case_id", "person_id", "role"], cp)
    write_csv(os.path.join(out, "case_staff.csv"), ["case_id", "employee_id", "from", "to"], cs)
    # shifts.csv (roster system; some rows in UTC)
    rows = []
    for eid, st, en, kind in w.shift_rows:
        if r.random() < 0.2:
            rows.append([eid, fmt_utc(st), fmt_utc(en), kind])
        else:
            rows.append([eid, fmt_local(st), fmt_local(en), kind])
    write_csv(os.path.join(out, "shifts.csv"), ["employee_id", "start", "end", "dienstsoort"], rows)
    # events.csv: concatenated per-system exports
    evs = sorted(w.events, key=lambda x: (x[0], x[1], x[4]))
    bysys = {}
    for ev in evs:
        s = ev[2]
        g = "gateway" if s in ("brp", "rdw") else s
        bysys.setdefault(g, []).append(ev)
    ids = {}
    lines = ["id, ts ,Employee_ID,system,action,Person_ID,case_id,werkstation,resultaten"]
    truth, dbg = [], []
    counters = {}
    used_ids = set()
    for g in ["bvh", "bvi", "summit", "meos", "blueview", "gateway"]:
        blk = bysys.get(g, [])
        if g == "meos":
            blk = sorted(blk, key=lambda x: (x[1], x[0]))  # exported per device
        lines.append("")
        for (t, eid, s, act, p, case, src, tr) in blk:
            counters[g] = counters.get(g, 0) + 1
            k = counters[g]
            us = r.randint(0, 999999)
            if g == "bvh":
                iid = "BVH%09d" % k
                ts = t.strftime("%Y-%m-%d %H:%M:%S") + "+01:00"
                a = act
            elif g == "bvi":
                iid = "bvi.26.%07d" % k
                ts = fmt_local(t)
                a = act
            elif g == "summit":
                iid = "SMT-%08d" % k
                ts = fmt_utc(t)
                a = " " + act.capitalize() + " "
            elif g == "meos":
                while True:
                    iid = "meos-%012x" % r.getrandbits(48)
                    if iid not in used_ids:
                        break
                ts = (t - CET).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (us // 1000)
                a = act.upper()
            elif g == "blueview":
                iid = "bv:%d" % (4000000 + k)
                ts = (t - CET).strftime("%Y-%m-%dt%H:%M:%S") + ".%06dz" % us
                a = act
            else:
                iid = "gw-%s-%07d" % (s, k)
                ts = (t - CET).strftime("%Y-%m-%dT%H:%M:%S") + ".%06d1234Z" % us
                a = act
            used_ids.add(iid)
            cg = case
            if cg and g == "bvi" and r.random() < 0.1:
                cg = '"%s"' % cg
            ws = {"meos": "MEOS-%s" % eid[-3:], "gateway": "GW01"}.get(g, "WS-%04d" % (sum(map(ord, eid)) * 37 % 9973))
            lines.append(",".join([iid, ts, eid, s, a, P[p], cg, ws, str(r.randint(1, 12) if act == "query" else 1)]))
            if tr:
                truth.append((iid, tr[0], tr[1]))
            elif debug:
                dbg.append((iid, src or "onbekend"))
    lines.append("")
    with open(os.path.join(out, "events.csv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))
    truth.sort(key=lambda x: (x[1], x[0]))
    write_csv(os.path.join(out, "truth.csv"), ["event_id", "incident_id", "scenario"], [list(x) for x in truth])
    if debug:
        write_csv(os.path.join(out, "debug_sources.csv"), ["event_id", "source"], [list(x) for x in dbg])
    return len(evs), len(truth)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    w = World(a.seed)
    w.generate()
    ne, nt = output(w, a.outdir, a.debug)
    print("red team 15 world: %d employees, %d persons, %d cases, %d events, %d improper in %d incidents"
          % (len(w.emps), len(w.P_sur), len(w.cases), ne, nt, w.incident_no))
    print("incidents per scenario: " + ", ".join("%s=%d" % kv for kv in sorted(w.counts.items())))


if __name__ == "__main__":
    main()
