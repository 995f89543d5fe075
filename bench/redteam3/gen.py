#!/usr/bin/env python3
"""Red-team synthetic world generator for lekradar (bench/redteam3).

Written from the public spec only (shared/SPEC.md sections 5-6 and docs/formats.md).
It models one Dutch police region (an "eenheid" split into districts and regional
services), the legitimate look-up work of its staff, and a realistic number of improper
look-ups, each planted as an incident and listed in truth.csv.

Usage: python3 gen.py OUTDIR --seed N [--employees N] [--days N]

Standard library only. See README.md next to this file for the world model.
"""
import argparse
import bisect
import csv
import json
import math
import os
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone

UTC = timezone.utc
MIN = 60
HOUR = 3600
DAY = 86400

# ---------------------------------------------------------------------------
# Dutch local time (Europe/Amsterdam) without zoneinfo: CEST runs from the last
# Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
_dst_cache = {}


def _last_sunday_utc(year, month):
    d = date(year, month + 1, 1) - timedelta(days=1)
    while d.weekday() != 6:
        d -= timedelta(days=1)
    return datetime(d.year, d.month, d.day, 1, 0, tzinfo=UTC).timestamp()


def utc_offset(t):
    year = datetime.fromtimestamp(t, UTC).year
    b = _dst_cache.get(year)
    if b is None:
        b = (_last_sunday_utc(year, 3), _last_sunday_utc(year, 10))
        _dst_cache[year] = b
    return 7200 if b[0] <= t < b[1] else 3600


def local_to_utc(d, hh, mm=0):
    """Local wall time on date d -> UTC epoch seconds (ambiguous hour: first, summer)."""
    naive = datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp() + hh * HOUR + mm * MIN
    t = naive - 7200
    if utc_offset(t) == 7200:
        return t
    return naive - 3600


def local_hour(t):
    return int(((t + utc_offset(t)) % DAY) // HOUR)


def local_date(t):
    return datetime.fromtimestamp(t + utc_offset(t), UTC).date()


def _frac(t, digits):
    if not digits:
        return ""
    f = int((t - math.floor(t)) * (10 ** digits))
    return "." + str(f).zfill(digits)


def fmt_local(t, digits=0, sep="T"):
    off = utc_offset(t)
    s = datetime.fromtimestamp(math.floor(t) + off, UTC).strftime("%Y-%m-%d" + sep + "%H:%M:%S")
    return s + _frac(t, digits) + ("+02:00" if off == 7200 else "+01:00")


def fmt_utc(t, digits=0, sep="T", zone="Z"):
    s = datetime.fromtimestamp(math.floor(t), UTC).strftime("%Y-%m-%d" + sep + "%H:%M:%S")
    return s + _frac(t, digits) + zone


def fmt_date_local(t):
    return local_date(t).isoformat()


# ---------------------------------------------------------------------------
# Surnames: a realistic head (frequencies per 10,000 Dutch residents, rounded from
# public name statistics) and a long generated tail of uncommon names.
COMMON_SURNAMES = [
    ("de Jong", 55), ("Jansen", 49), ("de Vries", 45), ("van den Berg", 35), ("van Dijk", 34),
    ("Bakker", 34), ("Janssen", 33), ("Visser", 30), ("Smit", 29), ("Meijer", 26),
    ("de Boer", 24), ("Mulder", 23), ("de Groot", 23), ("Bos", 22), ("Vos", 20),
    ("Peters", 19), ("Hendriks", 19), ("van Leeuwen", 18), ("Dekker", 18), ("Brouwer", 17),
    ("de Wit", 17), ("Dijkstra", 16), ("Smits", 16), ("de Graaf", 16), ("van der Meer", 16),
    ("van der Linden", 15), ("Kok", 15), ("Jacobs", 15), ("de Haan", 14), ("Vermeulen", 14),
    ("van den Heuvel", 14), ("van der Veen", 14), ("van den Broek", 14), ("de Bruijn", 13),
    ("de Bruin", 13), ("van der Heijden", 13), ("Schouten", 13), ("van Beek", 13),
    ("Willems", 13), ("van Vliet", 12), ("van de Ven", 12), ("Hoekstra", 12), ("Maas", 12),
    ("Verhoeven", 12), ("Koster", 12), ("van Dam", 12), ("van der Wal", 11), ("Prins", 11),
    ("Blom", 11), ("Huisman", 11), ("Peeters", 10), ("de Ruiter", 10), ("van Wijk", 10),
    ("Kuipers", 10), ("Veenstra", 9), ("Kramer", 9), ("Post", 9), ("Kuiper", 9),
    ("Yilmaz", 9), ("Kaya", 6), ("Demir", 6), ("Şahin", 5), ("Çelik", 5), ("Yıldız", 4),
    ("Öztürk", 4), ("Aydın", 4), ("Arslan", 3), ("Doğan", 3), ("Mohamed", 4), ("Ahmed", 3),
    ("Ali", 3), ("El Amrani", 2), ("Bouzid", 2), ("El Idrissi", 2), ("Bennani", 1.5),
    ("Nguyen", 2), ("Singh", 2), ("Ramdin", 1.5), ("Biharie", 1), ("Kowalski", 1.5),
    ("Nowak", 2), ("Wiśniewski", 1), ("Haddou", 1.2), ("Boukhari", 1), ("Tahiri", 1.2),
]
_PREFIX = ["", "", "", "", "", "van ", "van ", "de ", "de ", "van der ", "van de ", "ter ",
           "ten ", "van den ", "in 't ", "op de "]
_STEM1 = ["Brak", "Hof", "Ster", "Wil", "Ruy", "Dor", "Keer", "Mol", "Lin", "Ber", "Gro",
          "Haar", "Vel", "Zwa", "Oost", "West", "Noord", "Kamp", "Veen", "Horst", "Bur",
          "Tim", "Lau", "Heem", "Spe", "Kra", "Vlie", "Riet", "Baar", "Wou", "Dui", "Eek",
          "Goor", "Holt", "Lee", "Ma", "Nij", "Rood", "Sche", "Tul", "Vree", "Wes", "Zand",
          "Boek", "Steen", "Klein", "Groen", "Esch", "Haver"]
_STEM_MID = ["", "", "", "er", "el", "en", "s", "e"]
_STEM2 = ["enhoff", "sma", "man", "ink", "ing", "ers", "kes", "hout", "berg", "dijk", "veld",
          "kamp", "stra", "ga", "ens", "ert", "hof", "land", "meijer", "boom", "broek",
          "water", "wijk", "huis", "beek", "horst", "laar", "mans", "heuvel", "dam", "kes",
          "rink", "bos", "vliet", "schot"]
_FOREIGN1 = ["El ", "Ben ", "Ait ", "", "", "Al "]
_FOREIGN2 = ["Hadd", "Mouss", "Kad", "Bakk", "Aziz", "Tah", "Amr", "Kar", "Rahm", "Oul",
             "Zer", "Bou", "Ach", "Yous", "Mans", "Khal"]
_FOREIGN3 = ["ouchi", "ani", "i", "aoui", "ane", "ouni", "ari", "ach", "ioui"]
_TURK = ["Akg", "Bay", "Cos", "Erd", "Gül", "Kar", "Kıl", "Oz", "Ser", "Tun", "Yav", "Çak"]
_TURK2 = ["ün", "ar", "kun", "oğan", "er", "aslan", "ç", "demir", "türk", "kaya"]


def make_tail(rng, n):
    seen = set(s for s, _ in COMMON_SURNAMES)
    out = []
    while len(out) < n:
        r = rng.random()
        if r < 0.80:
            s = rng.choice(_PREFIX) + rng.choice(_STEM1) + rng.choice(_STEM_MID) + rng.choice(_STEM2)
        elif r < 0.92:
            s = rng.choice(_FOREIGN1) + rng.choice(_FOREIGN2) + rng.choice(_FOREIGN3)
        else:
            s = rng.choice(_TURK) + rng.choice(_TURK2)
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def hr_style(surname):
    """'van der Meer' -> 'Meer, van der' (how personnel and legacy systems sort names)."""
    words = surname.split(" ")
    i = 0
    while i < len(words) - 1 and words[i][:1].islower():
        i += 1
    if i == 0:
        return surname
    return " ".join(words[i:]) + ", " + " ".join(words[:i])


# ---------------------------------------------------------------------------
DISTRICTS = [
    # unit_id, name, postcode ranges, weight, basisteam areas
    ("mn_utrecht_stad", "District Utrecht-Stad", [(3511, 3585)], 1.4,
     ["Centrum", "Overvecht", "Leidsche Rijn", "Zuidwest"]),
    ("mn_utrecht_oost", "District Utrecht-Oost", [(3700, 3849)], 1.2,
     ["Zeist", "Amersfoort", "Veenendaal"]),
    ("mn_utrecht_west", "District Utrecht-West", [(3400, 3499)], 1.0,
     ["Nieuwegein", "Woerden", "IJsselstein"]),
    ("mn_gooi_vecht", "District Gooi en Vechtstreek", [(1200, 1279)], 0.8,
     ["Hilversum", "Bussum"]),
    ("mn_flevoland", "District Flevoland", [(1300, 1379), (8200, 8259)], 1.0,
     ["Almere", "Lelystad"]),
]
OUT_OF_REGION = [(1000, 1199), (2000, 2999), (5000, 5299), (6500, 6999), (7000, 7499), (9700, 9799)]
REGIONAL_UNITS = [
    ("mn_drr", "Dienst Regionale Recherche"),
    ("mn_dros", "Dienst Regionale Operationele Samenwerking"),
    ("mn_meldkamer", "Meldkamer Midden-Nederland"),
    ("mn_drio", "Dienst Regionale Informatieorganisatie"),
    ("mn_bedrijfsvoering", "Bedrijfsvoering (regionaal)"),
    ("mn_staf", "Eenheidsstaf"),
]
LETTERS = [a + b for a in "ABCDEGHJKLMNPRSTVWXZ" for b in "ABCDEGHJKLMNPRSTVWXZ"
           if a + b not in ("SA", "SD", "SS")]

SYS_SKEW = {"bvh": 0.0, "brp": 2.4, "meos": -3.1, "summit": 0.8, "blueview": 5.0,
            "rdw": -1.2, "bvi": 0.3}

RANKS = {
    "basisteam": [("aspirant", 6), ("surveillant", 3), ("agent", 15), ("hoofdagent", 45),
                  ("brigadier", 22), ("inspecteur", 6), ("hoofdinspecteur", 1), ("burger", 2)],
    "wijkteam": [("hoofdagent", 35), ("brigadier", 55), ("inspecteur", 8), ("burger", 2)],
    "noodhulp": [("agent", 25), ("hoofdagent", 50), ("brigadier", 20), ("inspecteur", 5)],
    "recherche": [("hoofdagent", 25), ("brigadier", 38), ("inspecteur", 15),
                  ("hoofdinspecteur", 2), ("burger", 20)],
    "intake_service": [("burger", 55), ("agent", 10), ("hoofdagent", 28), ("brigadier", 7)],
    "meldkamer": [("burger", 65), ("hoofdagent", 20), ("brigadier", 12), ("inspecteur", 3)],
    "informatie_analyse": [("burger", 75), ("brigadier", 12), ("inspecteur", 10),
                           ("hoofdinspecteur", 3)],
    "specialistisch": [("hoofdagent", 40), ("brigadier", 40), ("inspecteur", 12),
                       ("burger", 8)],
    "ondersteuning": [("burger", 80), ("extern", 18), ("inspecteur", 2)],
    "staf": [("burger", 45), ("inspecteur", 20), ("hoofdinspecteur", 20), ("commissaris", 12),
             ("hoofdcommissaris", 3)],
}
FUNCTIONS = {
    "basisteam": ["noodhulp", "noodhulp", "basispolitiezorg", "opsporing basisteam",
                  "operationeel coördinator"],
    "wijkteam": ["wijkagent"],
    "noodhulp": ["noodhulp", "noodhulp", "motorrijder"],
    "recherche": ["rechercheur", "rechercheur", "tactisch rechercheur", "financieel rechercheur"],
    "intake_service": ["intake", "intake", "servicemedewerker"],
    "meldkamer": ["meldkamer", "centralist", "calamiteitencoördinator"],
    "informatie_analyse": ["analist", "informatierechercheur", "RTIC-medewerker"],
    "specialistisch": ["observant", "digitaal specialist", "verkeershandhaver", "ME", "vreemdelingenpolitie"],
    "ondersteuning": ["functioneel beheer", "ICT", "HRM", "facilitair"],
    "staf": ["teamchef", "beleidsmedewerker", "communicatie", "VIK"],
}


class World:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.seed = args.seed
        self.n_emp = args.employees
        self.days = args.days
        self.start_date = date.fromisoformat(args.start)
        self.t0 = local_to_utc(self.start_date, 0)
        self.t1 = local_to_utc(self.start_date + timedelta(days=self.days), 0)
        self.n_persons_target = args.persons if args.persons else self.n_emp * 100
        self.ev = []  # (t, emp, system, action, person, case_id, truth)
        self.incidents_truth = []  # (incident_id, scenario, employee_id, persons, note)

    # ------------------------------------------------------------------ people
    def build_persons(self):
        rng = self.rng
        tail = make_tail(rng, max(20000, self.n_persons_target // 6))
        head_w = sum(w for _, w in COMMON_SURNAMES) / 10000.0
        names = [s for s, _ in COMMON_SURNAMES] + tail
        weights = [w / 10000.0 for _, w in COMMON_SURNAMES]
        tw = [1.0 / (i + 200) ** 0.9 for i in range(len(tail))]
        st = sum(tw)
        weights += [w / st * (1 - head_w) for w in tw]
        cum = []
        acc = 0.0
        for w in weights:
            acc += w
            cum.append(acc)
        self.sur_names = names
        self.sur_cum = cum

        # postcodes
        self.pc_code = []
        self.pc_district = []  # index into DISTRICTS or -1 (out of region)
        self.pc_area = []
        tot_w = sum(d[3] for d in DISTRICTS)
        n_pc = int(self.n_persons_target / 2.3 / 14)
        self.district_pcs = []
        for di, d in enumerate(DISTRICTS):
            nums = [n for a, b in d[2] for n in range(a, b + 1)]
            want = max(len(nums), int(n_pc * d[3] / tot_w))
            per = max(1, want // len(nums))
            pcs = []
            for n in nums:
                for lt in rng.sample(LETTERS, min(len(LETTERS), per + rng.randint(-1, 1) if per > 1 else 1)):
                    pcs.append(len(self.pc_code))
                    self.pc_code.append("%d%s" % (n, lt))
                    self.pc_district.append(di)
                    self.pc_area.append(0)
            pcs.sort(key=lambda i: self.pc_code[i])
            na = len(d[4])
            for k, i in enumerate(pcs):
                self.pc_area[i] = min(na - 1, k * na // len(pcs))
            self.district_pcs.append(pcs)
        self.out_pcs = []
        for _ in range(max(200, n_pc // 10)):
            a, b = rng.choice(OUT_OF_REGION)
            self.out_pcs.append(len(self.pc_code))
            self.pc_code.append("%d%s" % (rng.randint(a, b), rng.choice(LETTERS)))
            self.pc_district.append(-1)
            self.pc_area.append(0)

        self.p_sur = []
        self.p_by = []
        self.p_pc = []
        self.p_house = []
        self.p_flags = []
        self.p_hh = []
        self.hh_members = []
        self.hh_pc = []
        self.hh_house = []
        self.pc_next_house = [1] * len(self.pc_code)
        self.pc_hh = [[] for _ in self.pc_code]

        region_pcs = [i for pcs in self.district_pcs for i in pcs]
        pc_w = [rng.uniform(0.3, 1.7) for _ in region_pcs]
        target = self.n_persons_target - self.n_emp * 5
        while len(self.p_sur) < target:
            pc = rng.choices(region_pcs, pc_w)[0] if False else region_pcs[int(rng.random() * len(region_pcs))]
            self.new_household(pc, rng.choices((1, 2, 3, 4, 5, 6), (37, 33, 13, 12, 4, 1))[0])
        self.n_general = len(self.p_sur)

    def draw_surname(self):
        return self.sur_names[bisect.bisect_left(self.sur_cum, self.rng.random() * self.sur_cum[-1])]

    def add_person(self, surname, by, hh):
        i = len(self.p_sur)
        self.p_sur.append(surname)
        self.p_by.append(by)
        self.p_pc.append(self.hh_pc[hh])
        self.p_house.append(self.hh_house[hh])
        self.p_flags.append("")
        self.p_hh.append(hh)
        self.hh_members[hh].append(i)
        return i

    def new_hh_slot(self, pc):
        rng = self.rng
        hh = len(self.hh_members)
        n = self.pc_next_house[pc]
        self.pc_next_house[pc] = n + rng.choice((1, 2, 2, 2))
        r = rng.random()
        house = str(n)
        if r < 0.08:
            house += rng.choice("ABC")
        elif r < 0.13:
            house += "-" + str(rng.randint(1, 4))
        elif r < 0.15:
            house += " bis"
        self.hh_members.append([])
        self.hh_pc.append(pc)
        self.hh_house.append(house)
        self.pc_hh[pc].append(hh)
        return hh

    def new_household(self, pc, size, surname=None, base_year=None):
        rng = self.rng
        hh = self.new_hh_slot(pc)
        fam = surname or self.draw_surname()
        by = base_year or rng.randint(1940, 2006)
        first = self.add_person(fam, by, hh)
        if size >= 2:
            if rng.random() < 0.85:  # partner, own birth surname in the BRP
                s2 = fam if rng.random() < 0.12 else self.draw_surname()
                self.add_person(s2, by + rng.randint(-5, 5), hh)
            else:  # housemate / adult child
                self.add_person(fam if rng.random() < 0.5 else self.draw_surname(), by + rng.randint(-3, 25), hh)
        for _ in range(size - 2):
            self.add_person(fam, min(2025, by + rng.randint(22, 40)), hh)
        return hh, first

    # ---------------------------------------------------------------- org
    def build_org(self):
        rng = self.rng
        n = self.n_emp
        self.units = []  # (unit_id, name)
        self.teams = []  # dict
        tot_w = sum(d[3] for d in DISTRICTS)
        frac = []  # (team dict, fraction)

        def team(tid, unit, kind, name, fr, **kw):
            t = dict(id=tid, unit=unit, kind=kind, name=name, members=[], **kw)
            self.teams.append(t)
            frac.append((t, fr))
            return t

        self.area_bt = {}  # (district, area) -> basisteam team
        self.area_wt = {}
        self.district_teams = []
        for di, d in enumerate(DISTRICTS):
            self.units.append((d[0], d[1]))
            w = d[3] / tot_w
            code = ("UTS", "UTO", "UTW", "GV", "FL")[di]
            na = len(d[4])
            for ai, an in enumerate(d[4]):
                tag = an.upper().replace(" ", "")[:6]
                self.area_bt[(di, ai)] = team("T-%s-BT-%s" % (code, tag), d[0], "basisteam", "Basisteam " + an,
                                              0.40 * w / na, district=di, area=ai)
                self.area_wt[(di, ai)] = team("T-%s-WT-%s" % (code, tag), d[0], "wijkteam", "Wijkteam " + an,
                                              0.08 * w / na, district=di, area=ai)
            team("T-%s-NH" % code, d[0], "noodhulp", "Noodhulp " + d[1], 0.07 * w, district=di)
            team("T-%s-DR" % code, d[0], "recherche", "Districtsrecherche " + d[1], 0.05 * w, district=di)
            team("T-%s-FLEX" % code, d[0], "recherche", "Flexteam " + d[1], 0.03 * w, district=di)
            team("T-%s-IS" % code, d[0], "intake_service", "Intake & Service, " + d[1], 0.045 * w, district=di)
        for u in REGIONAL_UNITS:
            self.units.append(u)
        team("T-DRR-TGO", "mn_drr", "recherche", "Team Grootschalige Opsporing", 0.02, sens=0.35)
        team("T-DRR-OND1", "mn_drr", "recherche", "Ondermijning 1", 0.015, sens=0.55)
        team("T-DRR-OND2", "mn_drr", "recherche", "Ondermijning 2", 0.015, sens=0.55)
        team("T-DRR-ZED", "mn_drr", "recherche", "Team Zeden", 0.01, sens=0.2)
        team("T-DRR-FIN", "mn_drr", "recherche", "Financiële recherche", 0.01, sens=0.3)
        team("T-DRR-AVIM", "mn_drr", "recherche", "AVIM (vreemdelingenpolitie)", 0.01, sens=0.03)
        team("T-DRR-CIE", "mn_drr", "specialistisch", "Criminele Inlichtingen Eenheid", 0.006, support=True)
        team("T-DRR-DIGI", "mn_drr", "specialistisch", "Digitale recherche", 0.008, support=True)
        team("T-DROS-OT", "mn_dros", "specialistisch", "Observatieteam", 0.012, support=True)
        team("T-DROS-VERK", "mn_dros", "specialistisch", "Verkeershandhaving", 0.014, traffic=True)
        team("T-DROS-ME", "mn_dros", "specialistisch", "Mobiele Eenheid (staf)", 0.01, traffic=True)
        team("T-DROS-0900", "mn_dros", "intake_service", "Intake & Service regionaal (0900)", 0.015)
        team("T-MK-A", "mn_meldkamer", "meldkamer", "Meldkamer politie, ploeg A", 0.02)
        team("T-MK-B", "mn_meldkamer", "meldkamer", "Meldkamer politie, ploeg B", 0.02)
        team("T-DRIO-RTIC", "mn_drio", "informatie_analyse", "RTIC", 0.02, rtic=True)
        team("T-DRIO-AO", "mn_drio", "informatie_analyse", "Analyse & Onderzoek", 0.025)
        team("T-DRIO-IKP", "mn_drio", "informatie_analyse", "Informatieknooppunt", 0.015, rtic=True)
        team("T-BV-FB", "mn_bedrijfsvoering", "ondersteuning", "Functioneel beheer", 0.012)
        team("T-BV-ICT", "mn_bedrijfsvoering", "ondersteuning", "ICT, werkplek", 0.015)
        team("T-BV-HRM", "mn_bedrijfsvoering", "ondersteuning", "HRM", 0.013)
        team("T-BV-FAC", "mn_bedrijfsvoering", "ondersteuning", "Facilitair", 0.01)
        team("T-STAF-LEID", "mn_staf", "staf", "Eenheidsleiding en teamchefs", 0.014)
        team("T-STAF-COM", "mn_staf", "staf", "Communicatie", 0.006)
        team("T-STAF-VIK", "mn_staf", "staf", "VIK (Veiligheid, Integriteit, Klachten)", 0.004, vik=True)
        team("T-STAF-BEL", "mn_staf", "staf", "Beleid en advies", 0.006)
        # largest remainder allocation of n employees
        tf = sum(f for _, f in frac)
        raw = [(t, n * f / tf) for t, f in frac]
        sizes = {t["id"]: max(2, int(x)) for t, x in raw}
        rest = n - sum(sizes.values())
        order = sorted(raw, key=lambda r: -(r[1] - int(r[1])))
        k = 0
        while rest > 0:
            sizes[order[k % len(order)][0]["id"]] += 1
            rest -= 1
            k += 1
        while rest < 0:
            t = order[k % len(order)][0]
            if sizes[t["id"]] > 3:
                sizes[t["id"]] -= 1
                rest += 1
            k += 1
        self.team_by_id = {t["id"]: t for t in self.teams}
        self.team_sizes = sizes
        for t in self.teams:
            t["district"] = t.get("district", None)

    # ------------------------------------------------------------ employees
    def build_employees(self):
        rng = self.rng
        ids = rng.sample(range(10000, 99999), self.n_emp + 50)
        self.emps = []
        # adults in the region by district, for choosing where staff live
        adults_by_d = [[] for _ in DISTRICTS]
        for p in range(self.n_general):
            if 1958 <= self.p_by[p] <= 2005:
                d = self.pc_district[self.p_pc[p]]
                adults_by_d[d].append(p)
        used = set()
        slot = 0
        for t in self.teams:
            for _ in range(self.team_sizes[t["id"]]):
                kind = t["kind"]
                rank = rng.choices([r for r, _ in RANKS[kind]], [w for _, w in RANKS[kind]])[0]
                e = dict(idx=len(self.emps), id="E%d" % ids[slot], team=t, old_team=None, transfer_t=None,
                         rank=rank, function=rng.choice(FUNCTIONS[kind]), kind=kind)
                slot += 1
                if t.get("vik"):
                    e["function"] = "VIK-onderzoeker"
                if rank == "aspirant":
                    e["function"] = "aspirant"
                # where the employee lives
                r = rng.random()
                if t["district"] is not None and r < 0.5:
                    d = t["district"]
                elif r < 0.86:
                    d = rng.randrange(len(DISTRICTS))
                else:
                    d = -1
                if d >= 0:
                    while True:
                        p = rng.choice(adults_by_d[d])
                        if p not in used and all(m not in used for m in self.hh_members[self.p_hh[p]]) or rng.random() < 0.03:
                            break
                else:
                    pc = rng.choice(self.out_pcs)
                    hh, p = self.new_household(pc, rng.choices((1, 2, 3, 4), (25, 35, 20, 20))[0],
                                               base_year=rng.randint(1962, 2003))
                used.add(p)
                e["p"] = p
                e["surname"] = self.p_sur[p]
                e["fte"] = rng.choices((1.0, 0.9, 0.8, 0.67, 0.5), (66, 8, 14, 8, 4))[0]
                t["members"].append(e["idx"])
                self.emps.append(e)
        self.emp_by_p = {e["p"]: e["idx"] for e in self.emps}
        # transfers during the period (employees.csv shows the team at export time)
        movable = [e for e in self.emps if e["kind"] in ("basisteam", "noodhulp", "wijkteam", "recherche",
                                                          "intake_service")]
        for e in rng.sample(movable, int(0.03 * len(self.emps))):
            cands = [t for t in self.teams if t["kind"] in ("basisteam", "recherche", "wijkteam", "noodhulp",
                                                             "informatie_analyse") and t is not e["team"]]
            new = rng.choice(cands)
            e["old_team"] = e["team"]
            e["team"] = new
            e["kind"] = new["kind"]
            e["transfer_t"] = self.t0 + rng.uniform(0.2, 0.85) * (self.t1 - self.t0)
            e["old_team"]["members"].remove(e["idx"])
            new["members"].append(e["idx"])
            e["old_team"].setdefault("former", []).append(e["idx"])

    def build_families(self):
        """Relatives of employees who do not live with them, plus the relations that the
        police records happen to know (relations.csv is far from complete)."""
        rng = self.rng
        self.relations = []  # (a, b, kind)
        self.fam = {}  # emp idx -> dict kind -> list persons (truth, recorded or not)
        for e in self.emps:
            p = e["p"]
            f = {"household": [], "partner": [], "child": [], "parent": [], "sibling": [],
                 "ex_partner": [], "ex_new_partner": [], "cousin": []}
            hh = self.p_hh[p]
            for m in self.hh_members[hh]:
                if m == p:
                    continue
                if self.p_by[m] > self.p_by[p] + 16 and self.p_sur[m] == self.p_sur[p]:
                    f["child"].append(m)
                elif abs(self.p_by[m] - self.p_by[p]) <= 12 and not f["partner"]:
                    f["partner"].append(m)
                else:
                    f["household"].append(m)

            def place():
                r = rng.random()
                if r < 0.04:
                    return self.p_pc[p]  # lives in the same street segment
                if r < 0.7 and self.pc_district[self.p_pc[p]] >= 0:
                    return rng.choice(self.district_pcs[self.pc_district[self.p_pc[p]]])
                if r < 0.85:
                    return rng.choice(self.district_pcs[rng.randrange(len(DISTRICTS))])
                return rng.choice(self.out_pcs)
            by = self.p_by[p]
            if by > 1965 or rng.random() < 0.5:
                hh2, father = self.new_household(place(), 2, surname=self.p_sur[p], base_year=by - rng.randint(24, 36))
                f["parent"] += self.hh_members[hh2]
            for _ in range(rng.choices((0, 1, 2, 3), (20, 40, 28, 12))[0]):
                hh3, sib = self.new_household(place(), rng.choice((1, 2, 2, 3, 4)), surname=self.p_sur[p],
                                              base_year=by + rng.randint(-7, 7))
                f["sibling"].append(sib)
            for _ in range(rng.choices((0, 1, 2, 3), (35, 30, 20, 15))[0]):
                hh4, cz = self.new_household(place(), rng.choice((1, 2, 3)), surname=self.p_sur[p],
                                             base_year=by + rng.randint(-15, 15))
                f["cousin"].append(cz)
            if rng.random() < 0.16 and by < 1998:
                hh5, ex = self.new_household(place(), 1, base_year=by + rng.randint(-6, 6))
                f["ex_partner"].append(ex)
                if rng.random() < 0.5:
                    f["ex_new_partner"].append(self.add_person(self.draw_surname(), by + rng.randint(-8, 8), hh5))
                for c in f["child"][:rng.randint(0, 2)]:
                    pass
            self.fam[e["idx"]] = f
            # what the police records know (BRP-derived relations are partial)
            for kind, prob in (("partner", 0.55), ("child", 0.5), ("parent", 0.45), ("sibling", 0.25),
                               ("household", 0.4), ("ex_partner", 0.3)):
                for q in f[kind]:
                    if rng.random() < prob:
                        self.relations.append((p, q, kind))
                        if rng.random() < 0.3:
                            inv = {"parent": "child", "child": "parent"}.get(kind, kind)
                            self.relations.append((q, p, inv))
        # relations in the general population, so relations.csv is not a staff list
        for hh in range(len(self.hh_members)):
            ms = self.hh_members[hh]
            if len(ms) >= 2 and rng.random() < 0.22:
                a = ms[0]
                for b in ms[1:]:
                    if self.p_sur[b] == self.p_sur[a] and self.p_by[b] > self.p_by[a] + 16:
                        self.relations.append((a, b, "child"))
                    elif abs(self.p_by[b] - self.p_by[a]) <= 12:
                        self.relations.append((a, b, "partner"))
                    else:
                        self.relations.append((a, b, "household"))
        # colleagues who are a couple: partner of an employee is also an employee
        self.emp_p_set = set(self.emp_by_p)

    def build_flags(self):
        rng = self.rng
        n = len(self.p_sur)
        region_adults = [p for p in range(self.n_general) if self.p_by[p] < 1998]
        self.vips = rng.sample(region_adults, max(20, n // 2000))
        for p in self.vips:
            self.p_flags[p] = "vip"
        cand = [p for p in range(self.n_general) if not self.p_flags[p]]
        self.shielded = rng.sample(cand, max(12, n // 3500))
        for p in self.shielded:
            self.p_flags[p] = "shielded"
        for p in rng.sample(self.vips, max(2, len(self.vips) // 12)):
            self.p_flags[p] = "vip;shielded"  # threatened public figures
            self.shielded.append(p)
        old = [p for p in range(self.n_general) if self.p_by[p] < 1950 and not self.p_flags[p]]
        for p in rng.sample(old, min(len(old), n // 100)):
            self.p_flags[p] = "deceased"
        # persons known to the police: a heavy-tailed pool of repeat suspects
        pool = [p for p in range(self.n_general) if 1960 <= self.p_by[p] <= 2009 and self.p_flags[p] != "deceased"]
        self.known = rng.sample(pool, int(len(pool) * 0.04))
        acc = 0.0
        self.known_cum = []
        for _ in self.known:
            acc += rng.paretovariate(1.3)
            self.known_cum.append(acc)
        self.known_by_d = [[] for _ in DISTRICTS]
        for p in self.known:
            d = self.pc_district[self.p_pc[p]]
            if d >= 0:
                self.known_by_d[d].append(p)
        self.res_by_d = [[] for _ in DISTRICTS]
        for p in range(self.n_general):
            d = self.pc_district[self.p_pc[p]]
            if d >= 0 and self.p_flags[p] != "deceased":
                self.res_by_d[d].append(p)
        self.res_by_area = {}
        for di in range(len(DISTRICTS)):
            for p in self.res_by_d[di]:
                self.res_by_area.setdefault((di, self.pc_area[self.p_pc[p]]), []).append(p)
        # surname counts (for the shared_surname scenario)
        self.sur_count = {}
        for s in self.p_sur:
            self.sur_count[s] = self.sur_count.get(s, 0) + 1
        # a test person used by functional management
        hh = self.new_hh_slot(rng.choice(self.district_pcs[0]))
        self.test_person = self.add_person("Testpersoon", 1970, hh)
        self.p_flags[self.test_person] = "testpersoon"

    def known_person(self, d=None):
        rng = self.rng
        if d is not None and rng.random() < 0.8 and self.known_by_d[d]:
            return rng.choice(self.known_by_d[d]) if rng.random() < 0.5 else \
                self.known[bisect.bisect_left(self.known_cum, rng.random() * self.known_cum[-1])]
        return self.known[bisect.bisect_left(self.known_cum, rng.random() * self.known_cum[-1])]

    def resident(self, d, area=None):
        if area is not None:
            lst = self.res_by_area.get((d, area))
            if lst:
                return self.rng.choice(lst)
        return self.rng.choice(self.res_by_d[d])

    # ---------------------------------------------------------------- rosters
    def build_presence(self):
        """Actual presence (when people work) and the exported roster (shifts.csv).
        They differ: overtime, unrecorded swaps, no-shows, and staff not in the roster."""
        rng = self.rng
        export_p = {"basisteam": 0.97, "noodhulp": 0.98, "wijkteam": 0.95, "meldkamer": 0.99,
                    "intake_service": 0.96, "recherche": 0.55, "informatie_analyse": 0.6,
                    "specialistisch": 0.85, "ondersteuning": 0.25, "staf": 0.2}
        herfst = (self.start_date + timedelta(days=5), self.start_date + timedelta(days=13))
        for e in self.emps:
            kind = e["kind"] if e["old_team"] is None else e["old_team"]["kind"]
            t = e["team"] if e["old_team"] is None else e["old_team"]
            if kind in ("basisteam", "noodhulp", "meldkamer") or t.get("rtic"):
                pat = "three"
            elif kind == "wijkteam":
                pat = "wijk"
            elif kind == "intake_service":
                pat = "intake"
            elif kind == "specialistisch":
                pat = "three" if t.get("traffic") else "spec"
            else:
                pat = "office"
            e["pattern"] = pat
            e["roster"] = rng.random() < export_p[kind]
            off = set()
            if rng.random() < 0.22:
                L = rng.randint(3, 9)
                s0 = rng.randint(0, self.days - 1) if rng.random() < 0.5 else \
                    (herfst[0] - self.start_date).days + rng.randint(0, 5)
                off.update(range(s0, s0 + L))
            if rng.random() < 0.05:
                s0 = rng.randint(0, self.days - 1)
                off.update(range(s0, s0 + rng.randint(2, 12)))
            e["off"] = off
            rot = rng.randint(0, 20)
            pres = []
            exp = []
            for di in range(-1, self.days):
                if di in off:
                    continue
                dd = self.start_date + timedelta(days=di)
                wd = dd.weekday()
                sh = None
                if pat == "three":
                    if rng.random() < 0.64 * e["fte"]:
                        blk = ((di + rot) // 4) % 3
                        if rng.random() < 0.2:
                            blk = rng.randrange(3)
                        sh = [(7, 0, 15, 0), (15, 0, 23, 0), (23, 0, 31, 0)][blk]
                elif pat == "wijk":
                    p = 0.8 * e["fte"] if wd < 5 else 0.15
                    if rng.random() < p:
                        sh = (8, 0, 17, 0) if rng.random() < 0.72 else (14, 0, 23, 0)
                elif pat == "intake":
                    p = 0.8 * e["fte"] if wd < 5 else 0.3
                    if rng.random() < p:
                        if wd >= 5:
                            sh = (9, 0, 17, 0)
                        else:
                            sh = (8, 0, 16, 30) if rng.random() < 0.65 else (13, 30, 22, 0)
                elif pat == "spec":
                    p = 0.75 * e["fte"] if wd < 5 else 0.12
                    if rng.random() < p:
                        sh = rng.choice([(7, 0, 16, 0), (7, 0, 16, 0), (14, 0, 23, 0), (22, 0, 30, 0)])
                else:
                    p = 0.9 * e["fte"] if wd < 5 else 0.03
                    if rng.random() < p:
                        st = rng.choice((7 * 60 + 30, 8 * 60, 8 * 60, 8 * 60 + 30, 9 * 60))
                        ln = rng.choice((510, 540, 540, 570))
                        sh = (st // 60, st % 60, (st + ln) // 60, (st + ln) % 60)
                if sh is None:
                    # an unrecorded extra shift or swap
                    if pat != "office" and rng.random() < 0.012:
                        s = local_to_utc(dd, 7)
                        pres.append((s, s + 8 * HOUR))
                    continue
                s = local_to_utc(dd, sh[0], sh[1])
                ed = dd + timedelta(days=sh[2] // 24)
                en = local_to_utc(ed, sh[2] % 24, sh[3])
                if rng.random() < 0.01:
                    exp.append((s, en))  # rostered, but did not work (called in sick)
                    continue
                exp.append((s, en))
                ae = en + (rng.uniform(15, 120) * MIN if rng.random() < 0.08 else 0)
                pres.append((s, ae))
            if e["transfer_t"]:
                pass
            e["pres"] = [x for x in pres if x[1] > self.t0 and x[0] < self.t1]
            e["shifts"] = [x for x in exp if x[1] > self.t0 - DAY and x[0] < self.t1] if e["roster"] else []
        # 2% of rostered operational staff vanish from the roster export (export bug)
        for e in self.emps:
            if e["roster"] and rng.random() < 0.02:
                e["shifts"] = []
        # index: present employees by hour bucket
        self.nb = int((self.t1 - self.t0) // HOUR) + 2
        self.present = {}
        for e in self.emps:
            for s, en in e["pres"]:
                h0 = max(0, int((s - self.t0) // HOUR))
                h1 = min(self.nb - 1, int((en - self.t0) // HOUR))
                for h in range(h0, h1 + 1):
                    tm = self.team_at(e, s)
                    key = (tm["kind"], tm["district"])
                    self.present.setdefault(key, [[] for _ in range(self.nb)])[h].append(e["idx"])
                    if tm["kind"] in ("basisteam", "noodhulp", "wijkteam") :
                        self.present.setdefault(("ops", tm["district"]), [[] for _ in range(self.nb)])[h].append(e["idx"])
                    self.present.setdefault(("any", None), [[] for _ in range(self.nb)])[h].append(e["idx"])

    def team_at(self, e, t):
        if e["transfer_t"] is not None and t < e["transfer_t"]:
            return e["old_team"]
        return e["team"]

    def on_duty(self, e, t, margin=0):
        for s, en in e["pres"]:
            if s - margin <= t <= en + margin:
                return True
        return False

    def rostered(self, e, t, margin=0):
        for s, en in e["shifts"]:
            if s - margin <= t <= en + margin:
                return True
        return False

    def present_at(self, key, t):
        lst = self.present.get(key)
        if not lst:
            return []
        h = int((t - self.t0) // HOUR)
        if h < 0 or h >= self.nb:
            return []
        return [i for i in lst[h] if self.on_duty(self.emps[i], t)]

    # ------------------------------------------------------------------ cases
    def new_case_id(self, kind):
        self.case_serial += self.rng.randint(1, 9)
        if kind == "investigation":
            self.inv_serial += 1
            return "ONDZ-MN-%d-%04d" % (self.start_date.year, self.inv_serial)
        return "PL0900-%d%06d" % (self.start_date.year, self.case_serial)

    def add_case(self, kind, unit, team, opened, closed, sensitive, opened_is_date=False, closed_is_date=False):
        c = dict(idx=len(self.cases), id=self.new_case_id(kind), kind=kind, unit=unit, team=team,
                 opened=opened, closed=closed, sensitive=sensitive, persons=[], staff=[],
                 odate=opened_is_date, cdate=closed_is_date)
        self.cases.append(c)
        return c

    def build_investigations(self):
        rng = self.rng
        self.cases = []
        self.case_serial = rng.randint(100000, 250000)
        self.inv_serial = rng.randint(100, 600)
        self.emp_cases = {}  # emp idx -> list of case idx assigned
        self.person_cases = {}
        support = [t for t in self.teams if t.get("support")]
        ao = self.team_by_id["T-DRIO-AO"]
        for t in self.teams:
            if t["kind"] != "recherche":
                continue
            members = t["members"] + t.get("former", [])
            ncase = max(3, int(len(members) * rng.uniform(0.9, 1.3)))
            drr = t["unit"] == "mn_drr"
            for _ in range(ncase):
                if rng.random() < 0.15:
                    op = self.t0 + rng.uniform(0, 0.8) * (self.t1 - self.t0)
                else:
                    op = self.t0 - rng.uniform(5, 420) * DAY
                cl = None
                if rng.random() < 0.1:
                    cl = max(op + DAY, self.t0 + rng.uniform(0.1, 1.0) * (self.t1 - self.t0))
                sens = rng.random() < t.get("sens", 0.06)
                c = self.add_case("investigation", t["unit"], t["id"], op, cl, sens, True, True)
                d = t["district"] if t["district"] is not None else rng.randrange(len(DISTRICTS))
                nsus = rng.randint(1, 6 if drr else 3)
                for _ in range(nsus):
                    s = self.known_person(d)
                    c["persons"].append((s, rng.choice(("verdachte", "suspect", "verdachte", "Verdachte"))))
                    if rng.random() < 0.25:  # household member pulled in as betrokkene
                        hm = [m for m in self.hh_members[self.p_hh[s]] if m != s]
                        if hm:
                            c["persons"].append((rng.choice(hm), "betrokkene"))
                for _ in range(rng.randint(0, 8 if drr else 4)):
                    c["persons"].append((self.resident(d), rng.choice(("getuige", "slachtoffer", "witness",
                                                                        "aangever", "betrokkene", ""))))
                if rng.random() < 0.01:
                    c["persons"].append((rng.choice(self.vips), "getuige"))
                k = min(len(members), rng.randint(2, 9 if drr else 5))
                for m in rng.sample(members, k):
                    fr = max(op, self.t0 - rng.uniform(0, 200) * DAY) if rng.random() < 0.8 else None
                    to = None
                    if rng.random() < 0.08:
                        to = (fr or op) + rng.uniform(5, 60) * DAY
                    c["staff"].append((m, fr, to))
                if drr and rng.random() < 0.6 and ao["members"]:
                    for m in rng.sample(ao["members"], min(len(ao["members"]), rng.randint(1, 2))):
                        c["staff"].append((m, max(op, self.t0 - 30 * DAY), None))
                if drr and rng.random() < 0.35:
                    st = rng.choice(support)
                    c["support"] = st["id"]
                    for m in rng.sample(st["members"], min(len(st["members"]), rng.randint(0, 3))):
                        c["staff"].append((m, max(op, self.t0 - 20 * DAY), None))
        self.index_case_people()

    def index_case_people(self):
        self.emp_cases = {}
        self.team_cases = {}
        for c in self.cases:
            for m, _, _ in c["staff"]:
                self.emp_cases.setdefault(m, []).append(c["idx"])
            if c["team"]:
                self.team_cases.setdefault(c["team"], []).append(c["idx"])

    def case_open_at(self, c, t):
        return c["opened"] - DAY <= t and (c["closed"] is None or t <= c["closed"] + 30 * DAY)

    # ------------------------------------------------------------- events
    def emit(self, t, e, system, action, person, case=None, truth=None):
        if t < self.t0 or t >= self.t1:
            return
        self.ev.append((t, e, system, action, person, case, truth))

    def lookup_burst(self, t, e, persons, case=None, p_case=0.35, systems=("bvh", "brp", "bvh", "blueview"),
                     views=(1, 3), spread=20 * MIN, exp=0.0):
        rng = self.rng
        for p in persons:
            if exp and rng.random() < exp:
                # legitimate print/export: a record attached to a report or an aangifte
                self.emit(t + rng.uniform(spread, spread + 30 * MIN), e, "bvh", rng.choice(("print", "export")), p,
                          case if rng.random() < 0.7 else None)
            tt = t + rng.uniform(0, spread)
            cid = case if (case and rng.random() < p_case) else None
            n = rng.randint(*views)
            sysm = rng.choice(systems)
            for k in range(n):
                act = "query" if k == 0 else rng.choice(("view", "view", "view", "query"))
                self.emit(tt, e, sysm, act, p, cid)
                tt += rng.uniform(5, 240)
                if rng.random() < 0.3:
                    sysm = rng.choice(systems)

    def build_incidents(self):
        rng = self.rng
        curve = [0.8, 0.6, 0.5, 0.4, 0.3, 0.3, 0.4, 0.6, 0.9, 1.0, 1.1, 1.1, 1.1, 1.1, 1.2, 1.3, 1.4,
                 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9]
        mc = sum(curve) / 24
        tot_w = sum(d[3] for d in DISTRICTS)
        per_day = self.n_emp * 0.15
        self.area_incidents = {}  # (d, area) -> [(t, case idx)]
        self.incidents = []
        hist = 30
        h = int((self.t0 - hist * DAY) // HOUR) * HOUR
        # the busy night: a football riot in Utrecht-Stad on the second Saturday
        sat = [i for i in range(self.days) if (self.start_date + timedelta(days=i)).weekday() == 5]
        self.riot_day = sat[1] if len(sat) > 1 else (sat[0] if sat else 0)
        riot_s = local_to_utc(self.start_date + timedelta(days=self.riot_day), 19)
        while h < self.t1:
            lh = local_hour(h)
            wd = local_date(h).weekday()
            f = curve[lh] / mc
            if (wd == 4 and lh >= 20) or (wd == 5) or (wd == 6 and lh < 5):
                f *= 1.35
            for di, d in enumerate(DISTRICTS):
                lam = per_day / 24 * f * d[3] / tot_w
                if di == 0 and riot_s <= h < riot_s + 5 * HOUR:
                    lam *= 6
                n = self.poisson(lam)
                for _ in range(n):
                    self.make_incident(di, h + rng.uniform(0, HOUR))
            h += HOUR
        for k in self.area_incidents:
            self.area_incidents[k].sort()

    def poisson(self, lam):
        L = math.exp(-lam)
        k = 0
        p = 1.0
        rng = self.rng
        while True:
            p *= rng.random()
            if p < L:
                return k
            k += 1

    def make_incident(self, di, t, force_persons=None, vip_ok=True):
        rng = self.rng
        d = DISTRICTS[di]
        area = rng.randrange(len(d[4]))
        typ = rng.choices(("burglary", "assault", "traffic", "domestic", "disturbance", "theft", "drugs",
                           "welfare"), (14, 14, 16, 10, 16, 14, 6, 10))[0]
        persons = []
        if force_persons:
            persons = list(force_persons)
        elif typ == "domestic":
            hh = self.p_hh[self.resident(di, area)]
            ms = self.hh_members[hh]
            persons = [(ms[0], "verdachte")] + [(m, rng.choice(("slachtoffer", "betrokkene"))) for m in ms[1:3]]
            if len(ms) == 1:
                persons.append((self.resident(di, area), "melder"))
        else:
            if typ in ("assault", "disturbance", "drugs", "theft") or rng.random() < 0.2:
                persons.append((self.known_person(di), rng.choice(("verdachte", "suspect", "Verdachte"))))
            if typ in ("burglary", "assault", "theft", "traffic", "welfare"):
                persons.append((self.resident(di, area), rng.choice(("slachtoffer", "aangever", "victim"))))
            for _ in range(rng.choices((0, 1, 2), (55, 35, 10))[0]):
                persons.append((self.resident(di, area), rng.choice(("getuige", "melder", "witness", "betrokkene", ""))))
            if typ == "traffic":
                persons.append((self.resident(di) if rng.random() < 0.7 else self.resident(rng.randrange(len(DISTRICTS))),
                                "betrokkene"))
            if vip_ok and rng.random() < 0.004:
                persons.append((rng.choice(self.vips), rng.choice(("slachtoffer", "melder", "getuige", "betrokkene"))))
            if rng.random() < 0.006:  # a colleague (off duty victim or witness)
                persons.append((rng.choice(self.emps)["p"], rng.choice(("slachtoffer", "getuige"))))
            if not persons:
                persons.append((self.resident(di, area), "melder"))
        r = rng.random()
        tm = self.area_bt[(di, area)] if r < 0.7 else (
            [x for x in self.teams if x["kind"] == "noodhulp" and x["district"] == di][0] if r < 0.85 else (
                self.area_wt[(di, area)] if r < 0.9 else None))
        r = rng.random()
        if r < 0.65:
            cl = t + rng.uniform(0.5, 6) * HOUR
        elif r < 0.9:
            cl = t + rng.uniform(1, 20) * DAY
        else:
            cl = None
        c = self.add_case("incident", d[0], tm["id"] if tm else None, t, cl, False,
                          opened_is_date=rng.random() < 0.04, closed_is_date=rng.random() < 0.3)
        c["persons"] = persons
        c["area"] = (di, area)
        self.area_incidents.setdefault((di, area), []).append((t, c["idx"]))
        self.incidents.append(c["idx"])
        if t < self.t0:
            # history: staff rows from the district's people, no events in the period
            if rng.random() < 0.6:
                ops = (tm or self.area_bt[(di, area)])["members"]
                if ops:
                    for m in rng.sample(ops, min(len(ops), rng.randint(1, 2))):
                        c["staff"].append((m, t, cl))
            return c
        # responders
        pers = [p for p, _ in persons]
        resp = self.present_at(("ops", di), t)
        if resp:
            own = [i for i in resp if self.team_at(self.emps[i], t) is tm]
            pool = own if own and rng.random() < 0.6 else resp
            k = min(len(pool), rng.choice((1, 2, 2, 2, 3)))
            responders = rng.sample(pool, k)
        else:
            responders = []
        for m in responders:
            if rng.random() < 0.65:
                fr = t if rng.random() < 0.7 else None
                c["staff"].append((m, fr, cl if rng.random() < 0.5 else None))
            self.lookup_burst(t + rng.uniform(2, 40) * MIN, m, [p for p in pers if rng.random() < 0.85],
                              case=c["id"], p_case=0.35, systems=("bvh", "brp", "meos", "meos", "bvh"),
                              spread=90 * MIN, exp=0.004)
        if resp and rng.random() < 0.25:
            m = rng.choice(resp)
            self.lookup_burst(t + rng.uniform(5, 60) * MIN, m, pers[:1], case=c["id"], p_case=0.2,
                              systems=("meos", "bvh"), views=(1, 2))
        mk = self.present_at(("meldkamer", None), t)
        if mk and rng.random() < 0.7:
            m = rng.choice(mk)
            self.lookup_burst(t - rng.uniform(0, 3) * MIN, m, pers[:rng.randint(1, 2)], case=c["id"], p_case=0.1,
                              systems=("bvh", "blueview", "brp"), views=(1, 2), spread=8 * MIN)
        # serious cases taken over by district detectives
        if typ in ("assault", "drugs", "burglary") and rng.random() < 0.05:
            rts = [x for x in self.teams if x["kind"] == "recherche" and x["district"] == di]
            if rts:
                rt = rng.choice(rts)
                if rt["members"]:
                    det = rng.choice(rt["members"])
                    c["staff"].append((det, t + rng.uniform(2, 20) * HOUR, None))
                    c["takeover"] = det
        return c

    def work(self):
        """Shift-driven look-ups: everything that is not an immediate incident response."""
        rng = self.rng
        self.index_case_people()
        inc_sorted = sorted((self.cases[i]["opened"], i) for i in self.incidents)
        inc_times = [x[0] for x in inc_sorted]
        self.inc_sorted = inc_sorted
        self.inc_times = inc_times
        for e in self.emps:
            for s, en in e["pres"]:
                tm = self.team_at(e, s)
                kind = tm["kind"]
                s = max(s, self.t0)
                if en <= s:
                    continue
                dur = en - s
                if kind in ("basisteam", "noodhulp", "wijkteam"):
                    self.work_ops(e, tm, s, en, kind)
                elif kind == "recherche":
                    self.work_detective(e, tm, s, en)
                elif kind == "intake_service":
                    self.work_intake(e, tm, s, en)
                elif kind == "meldkamer":
                    for _ in range(rng.randint(3, 12)):
                        tt = rng.uniform(s, en)
                        d = rng.randrange(len(DISTRICTS))
                        self.lookup_burst(tt, e["idx"], [self.resident(d) if rng.random() < 0.7 else self.known_person(d)],
                                          systems=("bvh", "blueview", "brp"), views=(1, 2))
                elif kind == "informatie_analyse":
                    self.work_analyst(e, tm, s, en)
                elif kind == "specialistisch":
                    self.work_spec(e, tm, s, en)
                elif kind == "ondersteuning":
                    if tm["id"] == "T-BV-FB" and rng.random() < 0.5:
                        for _ in range(rng.randint(1, 4)):
                            self.emit(rng.uniform(s, en), e["idx"], rng.choice(("bvh", "blueview", "brp")),
                                      rng.choice(("query", "view")), self.test_person)
                    if rng.random() < 0.04:  # troubleshooting a colleague's screen
                        d = rng.randrange(len(DISTRICTS))
                        self.lookup_burst(rng.uniform(s, en), e["idx"], [self.known_person(d)], views=(1, 1))
                elif kind == "staf":
                    self.work_staf(e, tm, s, en)

    def recent_incidents(self, t, back, pred=None, limit=400):
        lo = bisect.bisect_left(self.inc_times, t - back)
        hi = bisect.bisect_right(self.inc_times, t)
        out = []
        for k in range(hi - 1, lo - 1, -1):
            c = self.cases[self.inc_sorted[k][1]]
            if pred is None or pred(c):
                out.append(c)
                if len(out) >= limit:
                    break
        return out

    def work_ops(self, e, tm, s, en, kind):
        rng = self.rng
        di = tm["district"]
        # street and traffic checks: queries no record explains (legitimate)
        nchk = rng.choices((0, 1, 2, 3, 4), (30, 30, 20, 12, 8))[0] if kind != "wijkteam" else rng.randint(0, 2)
        for _ in range(nchk):
            tt = rng.uniform(s, en)
            r = rng.random()
            if r < 0.55:
                p = self.known_person(di)
            elif r < 0.9:
                p = self.resident(di)
            elif r < 0.96:
                p = self.resident(rng.randrange(len(DISTRICTS)))
            else:
                p = "X"  # someone from outside the region: not in persons.csv
            sysm = rng.choice(("meos", "meos", "rdw", "brp", "bvh"))
            self.emit(tt, e["idx"], sysm, "query", p)
            if rng.random() < 0.4:
                self.emit(tt + rng.uniform(10, 120), e["idx"], sysm, "view", p)
        area = tm.get("area")
        # follow-up on earlier incidents of the own area (also after they closed)
        nfu = rng.randint(0, 3) if kind != "wijkteam" else rng.randint(2, 8)
        if nfu and area is not None:
            lst = self.area_incidents.get((di, area), [])
            lo = bisect.bisect_left(lst, (s - 30 * DAY, -1))
            hi = bisect.bisect_left(lst, (s, -1))
            if hi > lo:
                for _ in range(nfu):
                    c = self.cases[lst[rng.randrange(lo, hi)][1]]
                    p = rng.choice(c["persons"])[0]
                    self.lookup_burst(rng.uniform(s, en), e["idx"], [p], case=c["id"],
                                      p_case=0.45 if kind == "wijkteam" else 0.3, views=(1, 2))
        if kind == "wijkteam" and area is not None:
            # the wijkagent checks on known people in the neighbourhood
            for _ in range(rng.randint(0, 3)):
                kn = [p for p in (self.known_person(di) for _ in range(6)) if self.pc_area[self.p_pc[p]] == area]
                if kn:
                    self.lookup_burst(rng.uniform(s, en), e["idx"], kn[:1], views=(1, 2))
        # basisteam detectives (opsporing basisteam) follow their own team's incidents
        if e["function"] == "opsporing basisteam":
            for c in self.recent_incidents(s, 10 * DAY, lambda c: c["team"] == tm["id"], limit=30)[:rng.randint(1, 5)]:
                self.lookup_burst(rng.uniform(s, en), e["idx"], [p for p, _ in c["persons"]][:2], case=c["id"],
                                  p_case=0.5)

    def work_detective(self, e, tm, s, en):
        rng = self.rng
        mine = [self.cases[i] for i in self.emp_cases.get(e["idx"], []) if self.case_open_at(self.cases[i], s)]
        team = [self.cases[i] for i in self.team_cases.get(tm["id"], []) if self.case_open_at(self.cases[i], s)]
        n = rng.randint(3, 22)
        for _ in range(n):
            r = rng.random()
            if mine and r < 0.72:
                c = rng.choice(mine)
            elif team and r < 0.92:
                c = rng.choice(team)
            else:
                # help on a recent incident of the district (not assigned)
                di = tm["district"] if tm["district"] is not None else rng.randrange(len(DISTRICTS))
                rec = self.recent_incidents(s, 3 * DAY, lambda c: c["area"][0] == di, limit=50)
                if not rec:
                    continue
                c = rng.choice(rec)
            if not c["persons"]:
                continue
            p = rng.choice(c["persons"])[0]
            if rng.random() < 0.06:
                # network: a housemate of someone in the case, not itself in the case
                hm = [m for m in self.hh_members[self.p_hh[p]] if m != p]
                if hm:
                    p = rng.choice(hm)
            self.lookup_burst(rng.uniform(s, en), e["idx"], [p], case=c["id"], p_case=0.55,
                              systems=("summit", "summit", "bvh", "brp", "blueview", "bvi"), views=(1, 3), exp=0.02)

    def work_intake(self, e, tm, s, en):
        rng = self.rng
        di = tm["district"] if tm["district"] is not None else rng.randrange(len(DISTRICTS))
        for _ in range(rng.randint(2, 6)):
            t = rng.uniform(s, en - 20 * MIN)
            c = self.add_case("intake", DISTRICTS[di][0], tm["id"], t, t + rng.uniform(0.3, 3) * HOUR
                              if rng.random() < 0.7 else None, False, opened_is_date=rng.random() < 0.3,
                              closed_is_date=True)
            c["persons"].append((self.resident(di), rng.choice(("aangever", "slachtoffer", "melder"))))
            if rng.random() < 0.35:
                c["persons"].append((self.known_person(di), "verdachte"))
            if rng.random() < 0.2:
                c["persons"].append((self.resident(di), "getuige"))
            if rng.random() < 0.85:
                c["staff"].append((e["idx"], t if rng.random() < 0.5 else None, None))
            self.lookup_burst(t, e["idx"], [p for p, _ in c["persons"]], case=c["id"], p_case=0.5,
                              systems=("bvh", "brp"), views=(1, 3), exp=0.03)
        for _ in range(rng.randint(1, 6)):  # telephone service: callers without a case
            self.lookup_burst(rng.uniform(s, en), e["idx"], [self.resident(di if rng.random() < 0.7 else rng.randrange(len(DISTRICTS)))],
                              systems=("bvh", "brp"), views=(1, 2))

    def work_analyst(self, e, tm, s, en):
        rng = self.rng
        if tm.get("rtic"):
            rec = self.recent_incidents(s, 12 * HOUR, limit=300)
            for c in rng.sample(rec, min(len(rec), rng.randint(5, 25))):
                self.lookup_burst(rng.uniform(s, en), e["idx"], [p for p, _ in c["persons"]][:3], case=c["id"],
                                  p_case=0.15, systems=("blueview", "blueview", "bvh", "bvi"), views=(1, 2))
            return
        mine = [self.cases[i] for i in self.emp_cases.get(e["idx"], []) if self.case_open_at(self.cases[i], s)]
        if not mine:
            drr = [c for c in self.cases if c["kind"] == "investigation" and c["unit"] == "mn_drr"
                   and self.case_open_at(c, s) and not c["sensitive"]]
            mine = rng.sample(drr, min(3, len(drr)))
        for _ in range(rng.randint(5, 30)):
            c = rng.choice(mine)
            if c["persons"]:
                self.lookup_burst(rng.uniform(s, en), e["idx"], [rng.choice(c["persons"])[0]], case=c["id"],
                                  p_case=0.4, systems=("blueview", "bvi", "summit"), views=(1, 2), exp=0.01)
        if rng.random() < 0.04 and mine:
            # a list run: every person of an investigation and their housemates in one hour
            c = rng.choice(mine)
            t = rng.uniform(s, en - HOUR)
            ps = [p for p, _ in c["persons"]]
            for p in list(ps):
                ps += [m for m in self.hh_members[self.p_hh[p]] if m != p]
            for p in ps:
                self.emit(t, e["idx"], "blueview", "query", p, c["id"] if rng.random() < 0.9 else None)
                t += rng.uniform(5, 60)

    def work_spec(self, e, tm, s, en):
        rng = self.rng
        if tm.get("traffic"):
            for _ in range(rng.randint(2, 12)):
                d = rng.randrange(len(DISTRICTS))
                p = self.resident(d) if rng.random() < 0.85 else "X"
                self.emit(rng.uniform(s, en), e["idx"], "rdw", "query", p)
            return
        sup = [c for c in self.cases if c.get("support") == tm["id"] and self.case_open_at(c, s)]
        mine = [self.cases[i] for i in self.emp_cases.get(e["idx"], []) if self.case_open_at(self.cases[i], s)]
        pool = mine + sup
        if not pool:
            return
        for _ in range(rng.randint(2, 10)):
            c = rng.choice(pool)
            if c["persons"]:
                self.lookup_burst(rng.uniform(s, en), e["idx"], [rng.choice(c["persons"])[0]], case=c["id"],
                                  p_case=0.7, systems=("summit", "bvi", "blueview"), views=(1, 2))

    def work_staf(self, e, tm, s, en):
        rng = self.rng
        if tm.get("vik"):
            # integrity investigators look up colleagues; their dossiers are not in cases.csv
            for _ in range(rng.randint(0, 3)):
                col = rng.choice(self.emps)
                self.lookup_burst(rng.uniform(s, en), e["idx"], [col["p"]],
                                  case="VIK-%d-%03d" % (self.start_date.year, rng.randint(1, 140)), p_case=0.6,
                                  systems=("bvh", "brp"), views=(1, 2))
            return
        if e["function"] == "teamchef" and rng.random() < 0.5:
            rec = self.recent_incidents(s, 24 * HOUR, lambda c: len(c["persons"]) >= 3 or any(
                "vip" in self.p_flags[p] for p, _ in c["persons"]), limit=40)
            for c in rec[:rng.randint(0, 3)]:
                self.lookup_burst(rng.uniform(s, en), e["idx"], [p for p, _ in c["persons"]][:2], case=c["id"],
                                  p_case=0.5, views=(1, 1))

    def national_accounts(self):
        """Accounts from the national unit (not in employees.csv) that support DRR cases."""
        rng = self.rng
        drr = [c for c in self.cases if c["kind"] == "investigation" and c["unit"] == "mn_drr"]
        for k in range(2):
            acct = "LE-%d" % rng.randint(40000, 49999)
            for _ in range(rng.randint(15, 40)):
                c = rng.choice(drr)
                if c["persons"]:
                    t = rng.uniform(self.t0, self.t1)
                    self.emit(t, acct, "summit", "view", rng.choice(c["persons"])[0], c["id"])

    # -------------------------------------------------------- improper look-ups
    def pick_offender(self, pred=None, need_roster=False):
        rng = self.rng
        rw = {"hoofdagent": 2.2, "brigadier": 1.9, "agent": 1.1}
        kw = {"basisteam": 1.3, "noodhulp": 1.3, "wijkteam": 1.2, "intake_service": 1.0, "meldkamer": 1.0,
              "recherche": 1.0, "informatie_analyse": 0.8, "specialistisch": 0.8, "ondersteuning": 0.35,
              "staf": 0.25}
        for _ in range(10000):
            e = rng.choice(self.emps)
            if len(e["pres"]) < 3:
                continue
            if e["idx"] in self.offenders and rng.random() < 0.9:
                continue
            if need_roster and not e["shifts"]:
                continue
            if e["team"].get("vik"):
                continue
            if rng.random() * 2.6 > rw.get(e["rank"], 0.7) * kw[e["kind"]]:
                continue
            if pred and not pred(e):
                continue
            self.offenders.add(e["idx"])
            return e
        return None

    def in_shift_time(self, e, lull=False, after=None):
        rng = self.rng
        pres = [x for x in e["pres"] if x[0] >= self.t0 and (after is None or x[0] > after)]
        if not pres:
            pres = e["pres"]
        s, en = rng.choice(pres)
        if lull and en - s > 6 * HOUR:
            return s + rng.uniform(0.5, 0.9) * (en - s)
        return rng.uniform(s + 10 * MIN, en)

    def off_shift_time(self, e):
        rng = self.rng
        for _ in range(500):
            d = self.start_date + timedelta(days=rng.randrange(self.days))
            t = local_to_utc(d, rng.choice((7, 8, 12, 13, 17, 18, 19, 20, 21, 21, 22, 22, 23, 0)), rng.randint(0, 59))
            t += rng.uniform(0, 60)
            if self.t0 <= t < self.t1 and not self.on_duty(e, t, 2 * HOUR) and not self.rostered(e, t, 2 * HOUR):
                return t
        return None

    def new_incident(self, scen, e, persons, note):
        self.inc_no += 1
        iid = "I-%04d" % self.inc_no
        self.incidents_truth.append((iid, scen, e["id"], persons, note))
        return iid

    def camo_case(self, e, t):
        """A plausible-looking case number the employee has at hand (does not contain the person)."""
        mine = [self.cases[i] for i in self.emp_cases.get(e["idx"], [])]
        if mine:
            return self.rng.choice(mine)["id"]
        rec = self.recent_incidents(t, 2 * DAY, limit=20)
        return self.rng.choice(rec)["id"] if rec else None

    def bad(self, t, e, iid, scen, p, system=None, action=None, case=None, note=""):
        rng = self.rng
        system = system or rng.choice(("bvh", "bvh", "brp", "blueview", "meos"))
        action = action or rng.choice(("query", "view", "view"))
        self.emit(t, e["idx"], system, action, p, case, (iid, scen))

    def plant(self):
        rng = self.rng
        self.offenders = set()
        self.inc_no = 0
        scale = self.n_emp / 4000.0 * self.days / 21.0

        def cnt(x):
            v = x * scale
            return int(v) + (1 if rng.random() < v - int(v) else 0)

        emps_all = self.emps

        def visits(e, iid, scen, p, n, span_days=1, lull=False, case_p=0.12, note="", systems=None, actions=None):
            t_first = None
            for k in range(n):
                if span_days <= 1 and t_first is not None:
                    t = t_first + rng.uniform(1, 240) * MIN if rng.random() < 0.6 else self.in_shift_time(e, lull)
                else:
                    t = self.in_shift_time(e, lull)
                t_first = t_first or t
                case = self.camo_case(e, t) if rng.random() < case_p else None
                self.bad(t, e, iid, scen, p, system=rng.choice(systems) if systems else None,
                         action=rng.choice(actions) if actions else None, case=case)

        # -- self
        for _ in range(cnt(8)):
            e = self.pick_offender()
            iid = self.new_incident("self", e, [e["p"]], "own record")
            visits(e, iid, "self", e["p"], rng.randint(1, 3))
        # -- relatives
        for scen, kinds, n in (("partner", ("partner",), 5), ("ex_partner", ("ex_partner",), 9),
                               ("family", ("parent", "child", "sibling"), 12), ("household", ("household",), 3)):
            for _ in range(cnt(n)):
                e = self.pick_offender(lambda e: any(self.fam[e["idx"]][k] for k in kinds))
                if e is None:
                    continue
                f = self.fam[e["idx"]]
                kind = rng.choice([k for k in kinds if f[k]])
                p = rng.choice(f[kind])
                rec = any((a == e["p"] and b == p) or (a == p and b == e["p"]) for a, b, _ in self.relations)
                note = "%s; relation row %s" % (kind, "yes" if rec else "no")
                targets = [p]
                if scen == "ex_partner" and f["ex_new_partner"] and rng.random() < 0.6:
                    targets.append(f["ex_new_partner"][0])
                    note += "; also the ex's new partner"
                iid = self.new_incident(scen, e, targets, note)
                if scen == "ex_partner":
                    for q in targets:
                        visits(e, iid, scen, q, rng.randint(2, 9), span_days=14, case_p=0.15,
                               systems=("brp", "brp", "bvh", "meos"))
                else:
                    visits(e, iid, scen, p, rng.randint(1, 4), span_days=rng.choice((1, 7)))
        # -- shared uncommon surname, no relation row (cousins, aunts)
        for _ in range(cnt(6)):
            e = self.pick_offender(lambda e: self.fam[e["idx"]]["cousin"] and self.sur_count.get(e["surname"], 0) <= 40)
            if e is None:
                continue
            p = rng.choice(self.fam[e["idx"]]["cousin"])
            iid = self.new_incident("shared_surname", e, [p], "surname %s borne by %d persons" %
                                    (e["surname"], self.sur_count.get(e["surname"], 0)))
            visits(e, iid, "shared_surname", p, rng.randint(1, 3))
        # -- neighbour
        for _ in range(cnt(9)):
            e = self.pick_offender()
            fam = set(x for v in self.fam[e["idx"]].values() for x in v)
            nb = [m for hh in self.pc_hh[self.p_pc[e["p"]]] for m in self.hh_members[hh]
                  if m != e["p"] and m not in fam and self.p_hh[m] != self.p_hh[e["p"]]]
            if not nb:
                continue
            ps = rng.sample(nb, min(len(nb), rng.choice((1, 1, 1, 2, 3))))
            iid = self.new_incident("neighbour", e, ps, "same postcode %s" % self.pc_code[self.p_pc[e["p"]]])
            for p in ps:
                visits(e, iid, "neighbour", p, rng.randint(1, 3), span_days=7)
        # -- colleague
        for _ in range(cnt(10)):
            e = self.pick_offender()
            tm = e["team"]
            same = [i for i in tm["members"] if i != e["idx"]]
            col = self.emps[rng.choice(same)] if same and rng.random() < 0.6 else rng.choice(emps_all)
            if col is e:
                continue
            p = col["p"]
            note = "colleague %s" % col["id"]
            if rng.random() < 0.25 and self.fam[col["idx"]]["partner"]:
                p = self.fam[col["idx"]]["partner"][0]
                note = "partner of colleague %s (not a colleague itself)" % col["id"]
            iid = self.new_incident("colleague", e, [p], note)
            visits(e, iid, "colleague", p, rng.randint(1, 3), span_days=3)
        # -- vip curiosity
        for _ in range(cnt(10)):
            e = self.pick_offender()
            p = rng.choice(self.vips)
            iid = self.new_incident("vip", e, [p], "flags " + self.p_flags[p])
            visits(e, iid, "vip", p, rng.randint(1, 2), lull=True)
        # -- shielded
        for _ in range(cnt(4)):
            e = self.pick_offender()
            p = rng.choice([x for x in self.shielded if "vip" not in self.p_flags[x]])
            iid = self.new_incident("shielded", e, [p], "shielded person")
            visits(e, iid, "shielded", p, rng.randint(1, 2))
        # -- sensitive investigation leak
        sens = [c for c in self.cases if c["sensitive"] and c["kind"] == "investigation" and
                self.case_open_at(c, self.t0 + DAY)]
        for _ in range(cnt(8)):
            if not sens:
                break
            c = rng.choice(sens)
            on = set(m for m, _, _ in c["staff"])
            e = self.pick_offender(lambda e: e["idx"] not in on and e["team"]["id"] != c["team"] and
                                   e["kind"] not in ("recherche", "informatie_analyse"))
            if e is None:
                continue
            sus = [p for p, r in c["persons"] if r.lower() in ("verdachte", "suspect")] or [c["persons"][0][0]]
            ps = rng.sample(sus, min(len(sus), rng.randint(1, 3)))
            mode = rng.random()
            note = "case %s" % c["id"]
            iid = self.new_incident("sensitive_leak", e, ps, note)
            for p in ps:
                for k in range(rng.randint(1, 4)):
                    t = self.in_shift_time(e, lull=True)
                    case = None
                    if mode < 0.25:
                        case = c["id"]  # copies the number of the investigation itself
                    elif mode < 0.5:
                        case = self.camo_case(e, t)
                    act = "print" if rng.random() < 0.12 else rng.choice(("query", "view"))
                    self.bad(t, e, iid, "sensitive_leak", p, system=rng.choice(("bvh", "summit", "blueview", "bvi")),
                             action=act, case=case)
            if mode < 0.25:
                self.incidents_truth[-1] = self.incidents_truth[-1][:4] + (note + "; gave the investigation's own case number",)
            elif mode < 0.5:
                self.incidents_truth[-1] = self.incidents_truth[-1][:4] + (note + "; gave an unrelated case number",)
        # -- off shift (acquaintances, from home on the work phone)
        for _ in range(cnt(10)):
            e = self.pick_offender(need_roster=True)
            if e is None:
                continue
            ps = [self.resident(self.pc_district[self.p_pc[e["p"]]]) if self.pc_district[self.p_pc[e["p"]]] >= 0
                  else self.resident(rng.randrange(len(DISTRICTS))) for _ in range(rng.randint(1, 3))]
            iid = self.new_incident("off_shift", e, ps, "acquaintances, looked up off duty")
            for p in ps:
                t = self.off_shift_time(e)
                if t is None:
                    continue
                for k in range(rng.randint(1, 2)):
                    self.bad(t, e, iid, "off_shift", p, system=rng.choice(("meos", "meos", "bvh")),
                             action="query" if k == 0 else "view")
                    t += rng.uniform(10, 300)
        # -- browsing
        for _ in range(cnt(8)):
            e = self.pick_offender()
            d = self.pc_district[self.p_pc[e["p"]]]
            d = d if d >= 0 else rng.randrange(len(DISTRICTS))
            var = rng.choice(("classmates", "street", "random"))
            n = rng.randint(12, 40)
            if var == "classmates":
                by = self.p_by[e["p"]]
                cand = [p for p in (self.resident(d) for _ in range(4000)) if abs(self.p_by[p] - by) <= 1]
                ps = list(dict.fromkeys(cand))[:n]
            elif var == "street":
                num = self.pc_code[self.p_pc[e["p"]]][:4]
                pcs = [i for i in self.district_pcs[d] if self.pc_code[i][:4] == num and i != self.p_pc[e["p"]]] or \
                    rng.sample(self.district_pcs[d], 3)
                ps = [m for i in pcs for hh in self.pc_hh[i] for m in self.hh_members[hh]]
                rng.shuffle(ps)
                ps = ps[:n]
            else:
                ps = list(dict.fromkeys(self.resident(d) for _ in range(n)))
            if len(ps) < 8:
                continue
            iid = self.new_incident("browsing", e, ps, "%s, %d persons" % (var, len(ps)))
            t = self.in_shift_time(e, lull=True)
            for p in ps:
                self.bad(t, e, iid, "browsing", p, system=rng.choice(("bvh", "brp")),
                         action=rng.choice(("query", "query", "view")))
                t += rng.uniform(20, 150)
        # -- following one person over weeks
        for _ in range(cnt(6)):
            e = self.pick_offender()
            # half of them: someone first met on duty (a legitimate first look-up)
            p = None
            note = "unrelated person"
            handled = [c for c in self.cases if c["kind"] == "incident" and any(m == e["idx"] for m, _, _ in c["staff"])
                       and self.t0 <= c["opened"] < self.t0 + 6 * DAY] if rng.random() < 0.5 else []
            if handled:
                c = rng.choice(handled)
                p = rng.choice(c["persons"])[0]
                after = c["opened"] + 2 * DAY
                note = "first met in incident %s (legitimate first look-up)" % c["id"]
            else:
                d = self.pc_district[self.p_pc[e["p"]]]
                p = self.resident(d if d >= 0 else 0)
                after = None
            iid = self.new_incident("following", e, [p], note)
            pres = [x for x in e["pres"] if (after is None or x[0] > after) and x[0] >= self.t0]
            n = rng.randint(5, 12)
            for k in range(n):
                if rng.random() < 0.2:
                    t = self.off_shift_time(e)
                    if t is None or (after and t < after):
                        continue
                elif pres:
                    s, en = rng.choice(pres)
                    t = rng.uniform(s, en)
                else:
                    continue
                self.bad(t, e, iid, "following", p, system=rng.choice(("brp", "bvh", "meos")),
                         action=rng.choice(("query", "view")))
        # -- export / print of a record
        for _ in range(cnt(6)):
            e = self.pick_offender()
            d = rng.randrange(len(DISTRICTS))
            ps = [self.resident(d) if rng.random() < 0.5 else self.known_person(d) for _ in range(rng.randint(1, 3))]
            iid = self.new_incident("export", e, ps, "printed/exported for a third party")
            for p in ps:
                t = self.in_shift_time(e)
                self.bad(t, e, iid, "export", p, action="view", case=self.camo_case(e, t) if rng.random() < 0.3 else None)
                self.bad(t + rng.uniform(20, 200), e, iid, "export", p, system="bvh",
                         action=rng.choice(("export", "print")))
        # -- volume spike (address harvesting for a debt collector)
        for _ in range(cnt(4)):
            e = self.pick_offender()
            pres = [x for x in e["pres"] if x[0] >= self.t0]
            if not pres:
                continue
            k0 = rng.randrange(len(pres))
            sel = pres[k0:k0 + rng.randint(1, 3)]
            total = rng.randint(40, 160)
            ps = [self.resident(rng.randrange(len(DISTRICTS))) for _ in range(total)]
            iid = self.new_incident("volume_spike", e, ps[:5], "%d persons over %d shifts" % (total, len(sel)))
            for i, p in enumerate(ps):
                s, en = sel[i % len(sel)]
                self.bad(rng.uniform(s, en), e, iid, "volume_spike", p, system=rng.choice(("brp", "brp", "bvh")),
                         action="query")
        self.plant_hype()

    def plant_hype(self):
        """Two news stories: a famous person arrested (vip) and a murder suspect (not flagged)."""
        rng = self.rng
        self.hype = []
        for h in range(2):
            day = rng.randint(3, self.days - 3)
            dd = self.start_date + timedelta(days=day)
            di = rng.randrange(len(DISTRICTS))
            t_inc = local_to_utc(dd, 1, rng.randint(0, 59))
            if h == 0:
                celeb = rng.choice([p for p in self.vips if self.p_flags[p] == "vip"])
                c = self.make_incident(di, t_inc, force_persons=[(celeb, "verdachte"), (self.resident(di), "slachtoffer")])
                label = "vip arrested"
            else:
                celeb = self.known_person(di)
                tgo = self.team_by_id["T-DRR-TGO"]
                c = self.add_case("investigation", "mn_drr", tgo["id"], t_inc, None, False, True, False)
                c["persons"] = [(celeb, "verdachte"), (self.resident(di), "slachtoffer"), (self.resident(di), "getuige")]
                for m in rng.sample(tgo["members"], min(len(tgo["members"]), 8)):
                    c["staff"].append((m, t_inc + rng.uniform(2, 10) * HOUR, None))
                    for k in range(rng.randint(1, 4)):
                        self.lookup_burst(t_inc + rng.uniform(3, 60) * HOUR, m, [p for p, _ in c["persons"]],
                                          case=c["id"], p_case=0.6, systems=("summit", "bvh"))
                label = "murder suspect (not flagged)"
            # a piket detective called out at night without a roster row
            det = self.emps[rng.choice(self.team_by_id["T-DRR-TGO"]["members"])]
            c["staff"].append((det["idx"], local_to_utc(dd, 0), None))
            self.lookup_burst(t_inc + rng.uniform(30, 90) * MIN, det["idx"], [celeb], case=c["id"], p_case=0.3)
            # staff briefing (legitimate, with the case number)
            for m in rng.sample(self.team_by_id["T-STAF-LEID"]["members"], 2):
                self.emit(t_inc + rng.uniform(6, 9) * HOUR, m, "bvh", "view", celeb, c["id"])
            news = local_to_utc(dd, 7, 30)
            on = set(m for m, _, _ in c["staff"])
            n_cur = rng.randint(18, 40) if h == 0 else rng.randint(12, 25)
            iids = []
            for _ in range(n_cur):
                e = self.pick_offender(lambda e: e["idx"] not in on and any(
                    s < news + 20 * HOUR and en > news for s, en in e["pres"]))
                if e is None:
                    continue
                iid = self.new_incident("news_hype", e, [celeb], "%s, case %s" % (label, c["id"]))
                iids.append(iid)
                win = [(max(s, news), min(en, news + 20 * HOUR)) for s, en in e["pres"]
                       if s < news + 20 * HOUR and en > news]
                s, en = rng.choice(win)
                t = rng.uniform(s, en)
                for k in range(rng.choice((1, 1, 2, 3))):
                    case = c["id"] if rng.random() < 0.2 else None
                    self.bad(t, e, iid, "news_hype", celeb, system=rng.choice(("bvh", "blueview", "meos")),
                             action=rng.choice(("view", "view", "query")), case=case)
                    t += rng.uniform(30, 900)
            self.hype.append((c["id"], celeb, label, len(iids), day))

    # ---------------------------------------------------------------- output
    def pid(self, p):
        return self.p_ids[p]

    def assign_ids(self):
        rng = self.rng
        n = len(self.p_sur)
        nums = rng.sample(range(1000000, 9999999), n + 5000)
        self.p_ids = ["P%d" % x for x in nums[:n]]
        self.unknown_ids = ["P%d" % x for x in nums[n:]]

    def write(self, out):
        rng = self.rng
        ctx = os.path.join(out, "context")
        os.makedirs(ctx, exist_ok=True)
        self.assign_ids()

        def wcsv(name, header, rows, crlf=False, bom=False, blank_tail=False):
            path = os.path.join(ctx, name)
            with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
                w.writerow(header)
                w.writerows(rows)
                if blank_tail:
                    f.write("\r\n   \r\n" if crlf else "\n")
            return len(rows)

        counts = {}
        # units.csv: BOM, decimal comma in fte (quoted)
        rows = []
        for uid, name in self.units:
            n = sum(1 for e in self.emps if e["team"]["unit"] == uid)
            fte = sum(e["fte"] for e in self.emps if e["team"]["unit"] == uid) * 1.08
            rows.append([uid, name, ("%.1f" % fte).replace(".", ",") if rng.random() < 0.5 else "%.1f" % fte])
        counts["units"] = wcsv("units.csv", ["unit_id", "name", "fte"], rows, bom=True)
        # teams.csv: other column order, extra column, kind in mixed case
        rows = []
        for t in self.teams:
            kind = t["kind"].capitalize() if rng.random() < 0.2 else t["kind"]
            rows.append([t["id"], kind, t["unit"], t["name"], "KPL%04d" % rng.randint(1000, 9999)])
        counts["teams"] = wcsv("teams.csv", ["team_id", "kind", "unit_id", "name", "kostenplaats"], rows)
        # employees.csv (personnel system): HR-style surnames, extra columns, some empty person_id
        rows = []
        for e in self.emps:
            sur = e["surname"]
            r = rng.random()
            if " " in sur and sur[:1].islower() and r < 0.5:
                sur = hr_style(sur)
            elif r < 0.03:
                sur = sur.upper()
            pid = self.pid(e["p"]) if rng.random() > 0.05 else ""
            e["pid_exported"] = bool(pid)
            team = e["team"]["id"] if rng.random() > 0.01 else ""
            rank = e["rank"].capitalize() if rng.random() < 0.15 else e["rank"]
            rows.append([e["id"], sur, pid, e["team"]["unit"], team, e["function"], rank,
                         ("%.2f" % e["fte"]), "%d" % rng.randint(1985, 2025)])
        counts["employees"] = wcsv("employees.csv", ["employee_id", "surname", "person_id", "unit_id", "team_id",
                                                     "function", "rank", "fte", "in_dienst_sinds"], rows)
        # persons.csv: other column order, extra columns, legacy-style names, postcode spacing
        rows = []
        legacy_quote = set(rng.sample(range(self.n_general), 25))
        for p in range(len(self.p_sur)):
            sur = self.p_sur[p]
            src = "brp"
            if rng.random() < 0.06:
                sur = hr_style(sur)
                src = "bvh-legacy"
            if p in legacy_quote:
                sur = '%s "%s"' % (sur, rng.choice(("de Bok", "Pietje", "Lange", "de Rooie")))
                src = "bvh-legacy"
            pc = self.pc_code[self.p_pc[p]]
            if rng.random() < 0.08:
                pc = pc[:4] + " " + pc[4:]
            if rng.random() < 0.02:
                pc = pc.lower()
            by = str(self.p_by[p]) if rng.random() > 0.01 else ""
            fl = self.p_flags[p]
            if fl and rng.random() < 0.3:
                fl = " ; ".join(x.upper() for x in fl.split(";"))
            rows.append([self.pid(p), pc, self.p_house[p], sur, by, fl,
                         "" if self.pc_district[self.p_pc[p]] < 0 else DISTRICTS[self.pc_district[self.p_pc[p]]][0],
                         src])
        counts["persons"] = wcsv("persons.csv", ["person_id", "postcode", "house_number", "surname", "birth_year",
                                                 "flags", "gemeente_district", "bron"], rows)
        # relations.csv: white space around some values
        rows = []
        for a, b, k in self.relations:
            pa, pb = self.pid(a), self.pid(b)
            if rng.random() < 0.05:
                pa = " %s " % pa
            rows.append([pa, pb, k])
        counts["relations"] = wcsv("relations.csv", ["person_id", "related_person_id", "kind"], rows)
        # cases.csv
        rows = []
        cp = []
        cs = []
        for c in self.cases:
            def ts(t, as_date):
                if t is None:
                    return ""
                if as_date:
                    return fmt_date_local(t)
                return fmt_local(t) if rng.random() < 0.7 else fmt_utc(t)
            if c["kind"] == "investigation":
                sv = rng.choice(("true", "TRUE", "ja", "1")) if c["sensitive"] else rng.choice(("false", "nee", "0", ""))
            else:
                sv = rng.choice(("", "false", "nee"))
            op = ts(c["opened"], c["odate"])
            cl = c["closed"]
            if cl is not None and c["cdate"] and local_date(cl) < local_date(c["opened"]):
                cl = c["opened"]
            cdate = c["cdate"] or (c["odate"] and cl is not None)
            if cl is not None and cdate and not c["odate"] and \
                    datetime.fromisoformat(fmt_date_local(cl)).replace(tzinfo=UTC).timestamp() < c["opened"]:
                cdate = False  # a closing date would read as before the opening time
            clo = ts(cl, cdate)
            rows.append([c["case_id"] if "case_id" in c else c["id"], c["kind"], c["unit"], c["team"] or "", op, clo, sv])
            for p, role in c["persons"]:
                cp.append([c["id"], self.pid(p), role])
            for m, fr, to in c["staff"]:
                if fr is not None and to is not None and to < fr:
                    to = fr
                asd = rng.random() < 0.5
                fs = "" if fr is None else (fmt_date_local(fr) if asd else fmt_local(fr))
                tos = "" if to is None else (fmt_date_local(to) if asd else fmt_local(to))
                if asd and fr is not None and to is not None and tos < fs:
                    tos = fs
                cs.append([c["id"], self.emps[m]["id"], fs, tos])
        counts["cases"] = wcsv("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed",
                                             "sensitive"], rows)
        counts["case_persons"] = wcsv("case_persons.csv", ["case_id", "person_id", "role"], cp)
        counts["case_staff"] = wcsv("case_staff.csv", ["case_id", "employee_id", "from", "to"], cs, crlf=True)
        # shifts.csv (roster system, local time, CRLF, blank lines at the end)
        rows = []
        for e in self.emps:
            for s, en in e["shifts"]:
                rows.append([e["id"], fmt_local(s), fmt_local(en)])
        counts["shifts"] = wcsv("shifts.csv", ["employee_id", "start", "end"], rows, crlf=True, blank_tail=True)
        self.counts = counts
        self.write_events(out)

    def write_events(self, out):
        rng = self.rng
        ev = sorted(self.ev, key=lambda x: x[0])
        lines = []  # (written order key, system, line)
        truth = []
        unk = 0
        n_unknown_case = 0
        for i, (t, e, system, action, p, case, tr) in enumerate(ev):
            eid = "e-%07d" % (i + 1)
            emp = self.emps[e]["id"] if isinstance(e, int) else e
            if p == "X":
                pid = rng.choice(self.unknown_ids)
                unk += 1
            else:
                pid = self.pid(p)
            if case and tr is None and rng.random() < 0.004 and case.startswith("PL"):
                case = case[:-2] + case[-1] + case[-2]  # typo in the given case number
                n_unknown_case += 1
            tw = t + SYS_SKEW[system] + rng.uniform(-0.5, 0.5)
            if system == "bvh":
                d = {"id": eid, "ts": fmt_local(tw), "employee_id": emp, "system": "bvh", "action": action,
                     "person_id": pid}
                if case:
                    d["case_id"] = case
                d["workstation"] = "WS-%04d" % (hash(emp) % 9000 + 1000)
            elif system == "brp":
                d = {"ts": fmt_utc(tw, 3), "id": eid, "action": action.upper(), "person_id": pid,
                     "employee_id": emp, "system": "BRP", "case_id": case, "result": "ok"}
            elif system == "meos":
                d = {"employee_id": emp, "person_id": pid, "id": eid, "ts": fmt_utc(tw, 0, sep=" "),
                     "action": action, "system": "meos", "case_id": case or "",
                     "device": {"os": rng.choice(("ios", "android")), "app": "MEOS 5.2"}}
            elif system == "summit":
                d = {"employee_id": emp, "ts": fmt_local(tw, 6), "id": eid, "person_id": pid, "action": action,
                     "system": "summit"}
                if case:
                    d["case_id"] = case
                    d["project"] = case
            elif system == "blueview":
                d = {"id": eid, "employee_id": emp, "person_id": pid, "action": action, "system": "blueview",
                     "ts": fmt_utc(tw, 0, sep="t" if rng.random() < 0.3 else "T"), "case_id": case,
                     "hits": rng.randint(1, 40)}
            elif system == "rdw":
                d = {"id": eid, "ts": fmt_utc(tw, 2, zone="+00:00"), "action": action, "employee_id": emp,
                     "person_id": pid, "system": "rdw", "kenteken": "%s-%03d-%s" % (
                         rng.choice(("GZ", "KT", "PR", "ZL")), rng.randint(1, 999), rng.choice(("B", "D", "X")))}
                if case:
                    d["case_id"] = case
            else:  # bvi
                d = {"id": eid, "ts": fmt_local(tw, 3), "employee_id": emp, "person_id": pid, "action": action,
                     "system": "BVI-IB", "case_id": case}
            lines.append((tw, system, json.dumps(d, ensure_ascii=rng.random() < 0.5, separators=(",", ":"))))
            if tr:
                truth.append((eid, tr[0], tr[1]))
        # a handful of genuinely malformed lines (a reader should report and skip them)
        bad = [
            '{"id":"e-9000001","ts":"2026-10-14T09:12:44+02:00","employee_id":"%s","system":"bvh","act' % self.emps[5]["id"],
            '{"id":"e-9000002","ts":"2026-10-15T11:02:10+02:00","employee_id":"%s","system":"bvh","action":"delete","person_id":"%s"}' % (self.emps[7]["id"], self.pid(11)),
            '{"id":"e-9000003","ts":"2026-10-16T13:40:00.120Z","employee_id":"%s","system":"BRP","action":"QUERY","case_id":null}' % self.emps[9]["id"],
            '{"id":"e-9000004","ts":"2026-10-18T10:00:00","employee_id":"%s","system":"bvh","action":"view","person_id":"%s"}' % (self.emps[13]["id"], self.pid(17)),
            '{"id":"e-9000005","ts":1792400000,"employee_id":"%s","system":"rdw","action":"query","person_id":"%s"}' % (self.emps[15]["id"], self.pid(19)),
            '["e-9000006","2026-10-22T08:15:00+02:00","%s","bvh","view","%s"]' % (self.emps[17]["id"], self.pid(23)),
            '{"id":"e-9000007","ts":"2026-10-27T21:15:03+01:00","employee_id":null,"system":"meos","action":"query","person_id":"%s"}' % self.pid(29),
            '-- export afgebroken: verbinding met BVH verloren --',
        ]
        pos = sorted(rng.sample(range(1, len(lines) - 1), len(bad)))
        main = [l[2] for l in lines]
        for k, (ps, b) in enumerate(zip(pos, bad)):
            main.insert(ps + k, b)
        crlf_from = int(len(main) * 0.6)  # the later part came through a Windows host
        with open(os.path.join(out, "events.jsonl"), "w", encoding="utf-8", newline="") as f:
            for i, l in enumerate(main):
                f.write(l + ("\r\n" if i >= crlf_from else "\n"))
            f.write("\n")
        # events-merged.jsonl: per-system exports concatenated, each in its own time order
        order = ["bvh", "brp", "meos", "summit", "blueview", "rdw", "bvi"]
        with open(os.path.join(out, "events-merged.jsonl"), "w", encoding="utf-8", newline="") as f:
            for sname in order:
                part = sorted((l for l in lines if l[1] == sname), key=lambda x: x[0])
                for _, _, l in part:
                    f.write(l + "\n")
                if sname == "brp":
                    for b in bad[:4]:
                        f.write(b + "\n")
            for b in bad[4:]:
                f.write(b + "\n")
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["event_id", "incident_id", "scenario"])
            w.writerows(truth)
        with open(os.path.join(out, "incidents.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["incident_id", "scenario", "employee_id", "person_ids", "events", "note"])
            nev = {}
            for _, iid, _ in truth:
                nev[iid] = nev.get(iid, 0) + 1
            for iid, scen, emp, ps, note in self.incidents_truth:
                if nev.get(iid, 0):
                    w.writerow([iid, scen, emp, ";".join(self.pid(p) for p in ps), nev[iid], note])
        self.n_events = len(lines)
        self.n_truth = len(truth)
        self.n_unknown_person = unk
        self.n_typo_case = n_unknown_case
        self.truth = truth

    def build(self):
        t = time.time()
        self.build_persons()
        self.build_org()
        self.build_employees()
        self.build_families()
        self.build_flags()
        self.build_presence()
        self.build_investigations()
        self.build_incidents()
        self.work()
        self.national_accounts()
        self.plant()
        self.build_secs = time.time() - t


def main():
    ap = argparse.ArgumentParser(description="lekradar red-team synthetic world (redteam3)")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--employees", type=int, default=4000)
    ap.add_argument("--days", type=int, default=21)
    ap.add_argument("--persons", type=int, default=0, help="default: 100 per employee")
    ap.add_argument("--start", default="2026-10-12", help="first local day (default crosses the October DST change)")
    args = ap.parse_args()
    if args.days < 7:
        ap.error("--days must be at least 7")
    t0 = time.time()
    w = World(args)
    w.build()
    w.write(args.outdir)
    from collections import Counter
    inc = Counter(s for _, s, _, _, _ in w.incidents_truth)
    ev = Counter(s for _, _, s in w.truth)
    summary = {
        "seed": args.seed, "employees": len(w.emps), "persons": len(w.p_sur), "days": args.days,
        "files": w.counts, "events": w.n_events, "malformed_lines": 8, "truth_events": w.n_truth,
        "incidents": len(set(i for _, i, _ in w.truth)),
        "incidents_by_scenario": dict(sorted(inc.items())), "truth_events_by_scenario": dict(sorted(ev.items())),
        "events_unknown_person": w.n_unknown_person, "events_typo_case": w.n_typo_case,
        "hype": [{"case": c, "label": l, "curious_employees": n, "day": d} for c, _, l, n, d in w.hype],
        "seconds": round(time.time() - t0, 1),
    }
    with open(os.path.join(args.outdir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    json.dump(summary, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
