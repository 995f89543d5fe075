#!/usr/bin/env python3
"""redteam6: an independent synthetic test world for lekradar.

A mid-sized regional police force ("Eenheid Delta-Zuid", fictional) exported per
district: a port district with water police, a city district, a rural/coastal
district, a regional detective service (DRS), an information organisation
(intake, real-time intelligence, analysis), a control room shared with the
neighbouring force, and staff.  See README.md next to this file.

    python3 bench/redteam6/gen.py OUTDIR --seed N [--employees 1500] [--days 30]

Python 3 standard library only.
"""
import argparse
import bisect
import calendar
import csv
import json
import math
import os
import random
import sys
import time

HOUR = 3600
DAY = 86400

# ---------------------------------------------------------------- time helpers


def last_sunday_utc(year, month):
    """01:00 UTC on the last Sunday of month: the EU summer-time switch."""
    last = calendar.monthrange(year, month)[1]
    for d in range(last, last - 7, -1):
        if calendar.weekday(year, month, d) == 6:
            return calendar.timegm((year, month, d, 1, 0, 0))
    raise AssertionError


_DST = {}


def nl_offset(epoch):
    """UTC offset in seconds of Dutch local time at a UTC instant."""
    y = time.gmtime(epoch).tm_year
    if y not in _DST:
        _DST[y] = (last_sunday_utc(y, 3), last_sunday_utc(y, 10))
    a, b = _DST[y]
    return 7200 if a <= epoch < b else 3600


def local_to_epoch(y, m, d, hh, mm):
    naive = calendar.timegm((y, m, d, hh, mm, 0))
    off = nl_offset(naive - 3600)
    e = naive - off
    if nl_offset(e) != off:  # around a switch: retry with the other offset
        e = naive - nl_offset(e)
    return e


def ts_z(epoch, ms=None):
    s = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(epoch))
    if ms is not None:
        return "%s.%03dZ" % (s, ms)
    return s + "Z"


def ts_local(epoch, ms=None, space=False):
    off = nl_offset(epoch)
    s = time.strftime("%Y-%m-%d %H:%M:%S" if space else "%Y-%m-%dT%H:%M:%S",
                      time.gmtime(epoch + off))
    if ms is not None:
        s += ".%03d" % ms
    return s + ("+02:00" if off == 7200 else "+01:00")


def date_local(epoch):
    return time.strftime("%Y-%m-%d", time.gmtime(epoch + nl_offset(epoch)))


# ---------------------------------------------------------------- names

TOP_NL = [
    ("de Jong", 86), ("Jansen", 74), ("de Vries", 71), ("van den Berg", 61), ("van Dijk", 58),
    ("Bakker", 57), ("Janssen", 56), ("Visser", 50), ("Smit", 47), ("Meijer", 45),
    ("de Boer", 42), ("Mulder", 41), ("de Groot", 40), ("Bos", 39), ("Vos", 36),
    ("Peters", 35), ("Hendriks", 35), ("van Leeuwen", 33), ("Dekker", 32), ("Brouwer", 31),
    ("de Wit", 31), ("Dijkstra", 30), ("Smits", 29), ("de Graaf", 28), ("van der Meer", 28),
    ("van der Linden", 27), ("Kok", 26), ("Jacobs", 26), ("de Haan", 25), ("Vermeulen", 25),
    ("van den Heuvel", 24), ("van der Veen", 24), ("van den Broek", 23), ("de Bruijn", 23),
    ("de Bruin", 23), ("van der Heijden", 22), ("Schouten", 22), ("van Beek", 21),
    ("Willems", 21), ("van Wijk", 21), ("Verhoeven", 20), ("Goossens", 20), ("Kramer", 19),
    ("Hoekstra", 19), ("Koster", 19), ("Prins", 18), ("Huisman", 18), ("Maas", 18),
    ("Verbeek", 17), ("van der Wal", 17), ("Kuipers", 16), ("Post", 16), ("Timmermans", 16),
    ("Groen", 16), ("Wouters", 15), ("Gerritsen", 15), ("Roos", 15), ("Koning", 14),
    ("Bosman", 14), ("'t Hart", 10), ("Verschoor", 8), ("Zeeuw", 8), ("de Klerk", 12),
    ("Kosten", 6), ("Adriaanse", 9), ("Minderhoud", 6), ("Lievense", 6), ("Boogaard", 7),
]
TOP_OTHER = [
    ("Yılmaz", 14), ("Öztürk", 9), ("Kaya", 10), ("Şahin", 8), ("Demir", 9), ("Çelik", 6),
    ("El Amrani", 7), ("Bennani", 5), ("El Idrissi", 6), ("Tahiri", 5), ("Bouzid", 4),
    ("Nguyen", 6), ("Kowalski", 5), ("Wiśniewski", 4), ("Nowak", 6), ("Rodrigues", 4),
    ("Pinas", 4), ("Biharie", 3), ("Ramdin", 3), ("Silva", 5), ("Popescu", 4),
    ("Ivanov", 4), ("Haddou", 3), ("D'Souza", 2), ("Mohamed", 6), ("Ali", 6),
]
PFX = ["", "", "", "", "van ", "de ", "van der ", "ter ", "van 't ", "van de ", "den "]
STEM = ["Ver", "Hoog", "Bos", "Klein", "Groot", "Wester", "Ooster", "Lange", "Brink", "Dam",
        "Veld", "Kamp", "Berg", "Hout", "Beek", "Broek", "Wal", "Dijk", "Horst", "Hof",
        "Zand", "Moer", "Steen", "Kreek", "Schel", "Vliet", "Sluis", "Haven", "Polder", "Mos"]
SUF = ["man", "huis", "hoven", "kamp", "ink", "ing", "stra", "sma", "hof", "veld", "werf",
       "rijk", "s", "beek", "mans", "kens", "graaf", "hout"]
FOREIGN_STEMS = ["Abdel", "Ben", "Mar", "Kar", "Sel", "Vas", "Petr", "Hass", "Ors", "Dob"]
FOREIGN_SUF = ["ovic", "escu", "aoui", "ski", "oglu", "ani", "enko", "ari", "ouh", "iou"]


class Names:
    def __init__(self, rng):
        self.rng = rng
        rare = set()
        for p in PFX:
            for s in STEM:
                for f in SUF:
                    n = (p + s + f)
                    rare.add(n[0].upper() + n[1:] if not p else n)
        for s in FOREIGN_STEMS:
            for f in FOREIGN_SUF:
                rare.add(s + f)
        self.rare = sorted(rare)
        top = TOP_NL + TOP_OTHER
        self.top = [n for n, _ in top]
        self.cum = []
        c = 0
        for _, w in top:
            c += w
            self.cum.append(c)

    def draw(self):
        r = self.rng
        if r.random() < 0.62:
            return self.top[bisect.bisect(self.cum, r.random() * self.cum[-1])]
        return r.choice(self.rare)


# ---------------------------------------------------------------- the force

# unit_id, name, fte (empty = unknown)
UNITS = [
    ("dz_haven", "District Haven en Water", "412,5"),
    ("dz_stad", "District Stad", "861.0"),
    ("dz_land", "District Kust en Polder", "574"),
    ("dz_drs", "Dienst Regionale Recherche", "338.4"),
    ("dz_dio", "Dienst Regionale Informatieorganisatie", "296"),
    ("mk_zw", "Meldkamer Zuid-West (gedeeld met Eenheid West-Brabant)", "176.8"),
    ("dz_staf", "Staf Eenheid Delta-Zuid", ""),
    ("wb_noord", "Eenheid West-Brabant, district Noord (alleen meldkamer)", "640"),
]

# team_id, unit_id, kind, name, share of staff, function, role, rank profile
TEAMS = [
    ("T-HAV-BT", "dz_haven", "basisteam", "Basisteam Haven", 90, "basisteam", "front", "front"),
    ("T-HAV-WP", "dz_haven", "basisteam", "Waterpolitie Haven", 45, "waterpolitie", "water", "front"),
    ("T-HAV-NH", "dz_haven", "noodhulp", "Noodhulp Haven", 50, "noodhulp", "front", "front"),
    ("T-HAV-WT", "dz_haven", "wijkteam", "Wijkteam Haven", 18, "wijkagent", "wijk", "wijk"),
    ("T-STD-BT-C", "dz_stad", "basisteam", "Basisteam Centrum", 120, "basisteam", "front", "front"),
    ("T-STD-BT-N", "dz_stad", "basisteam", "Basisteam Noord", 105, "basisteam", "front", "front"),
    ("T-STD-NH", "dz_stad", "noodhulp", "Noodhulp Stad", 85, "noodhulp", "front", "front"),
    ("T-STD-WT-C", "dz_stad", "wijkteam", "Wijkteam Centrum", 24, "wijkagent", "wijk", "wijk"),
    ("T-STD-WT-N", "dz_stad", "wijkteam", "Wijkteam Noord", 22, "wijkagent", "wijk", "wijk"),
    ("T-STD-DR", "dz_stad", "recherche", "Districtsrecherche Stad", 60, "rechercheur", "rech", "rech"),
    ("T-LND-BT-K", "dz_land", "basisteam", "Basisteam Kust", 88, "basisteam", "front", "front"),
    ("T-LND-BT-P", "dz_land", "basisteam", "Basisteam Polder", 78, "basisteam", "front", "front"),
    ("T-LND-NH", "dz_land", "noodhulp", "Noodhulp Kust en Polder", 48, "noodhulp", "front", "front"),
    ("T-LND-WT", "dz_land", "wijkteam", "Wijkteam Kust en Polder", 25, "wijkagent", "wijk", "wijk"),
    ("T-LND-DR", "dz_land", "recherche", "Districtsrecherche Kust en Polder", 34, "rechercheur", "rech", "rech"),
    ("T-DRS-TGO", "dz_drs", "recherche", "Team Grootschalige Opsporing", 30, "rechercheur TGO", "drs", "rech"),
    ("T-DRS-ZC", "dz_drs", "recherche", "Team Zware Criminaliteit", 44, "rechercheur", "drs", "rech"),
    ("T-DRS-HR", "dz_drs", "recherche", "Havenrecherche", 30, "rechercheur haven", "drs", "rech"),
    ("T-DRS-FR", "dz_drs", "recherche", "Financiële Recherche", 24, "financieel rechercheur", "drs", "rech"),
    ("T-DRS-ZD", "dz_drs", "recherche", "Team Zeden", 20, "zedenrechercheur", "drs", "rech"),
    ("T-DRS-CIE", "dz_drs", "specialistisch", "Criminele Inlichtingen Eenheid", 15, "CIE-rechercheur", "cie", "rech"),
    ("T-DIO-IS", "dz_dio", "intake_service", "Intake en Service", 88, "intake", "intake", "intake"),
    ("T-DIO-RTIC", "dz_dio", "informatie_analyse", "Real Time Intelligence Center", 30, "analist RTIC", "rtic", "analist"),
    ("T-DIO-AN", "dz_dio", "informatie_analyse", "Analyse en Onderzoek", 25, "analist", "analyse", "analist"),
    ("T-MK-ZW", "mk_zw", "meldkamer", "Meldkamer Politie Zuid-West", 85, "meldkamer", "mk", "mk"),
    ("T-STAF", "dz_staf", "staf", "Staf en leiding", 48, "leidinggevende", "staf", "staf"),
    ("T-OND", "dz_staf", "ondersteuning", "Bedrijfsvoering en functioneel beheer", 40, "functioneel beheer", "ict", "burger"),
    # the neighbour's teams: cases only, no staff in this HR export
    ("T-WBN-BT", "wb_noord", "basisteam", "Basisteam Noord (West-Brabant)", 0, "", "none", ""),
    ("T-WBN-NH", "wb_noord", "noodhulp", "Noodhulp Noord (West-Brabant)", 0, "", "none", ""),
]

RANKS = {
    "front": [("surveillant", 6), ("agent", 26), ("hoofdagent", 44), ("brigadier", 18),
              ("inspecteur", 5), ("aspirant", 4)],
    "wijk": [("hoofdagent", 55), ("brigadier", 40), ("inspecteur", 5)],
    "rech": [("hoofdagent", 30), ("brigadier", 45), ("inspecteur", 17), ("burger", 6),
             ("hoofdinspecteur", 2)],
    "intake": [("burger", 55), ("agent", 15), ("hoofdagent", 25), ("brigadier", 5)],
    "analist": [("burger", 70), ("hoofdagent", 10), ("brigadier", 12), ("inspecteur", 8)],
    "mk": [("burger", 55), ("hoofdagent", 25), ("brigadier", 15), ("inspecteur", 5)],
    "staf": [("inspecteur", 30), ("hoofdinspecteur", 30), ("commissaris", 12),
             ("hoofdcommissaris", 2), ("burger", 26)],
    "burger": [("burger", 80), ("extern", 20)],
}

DISTRICT_OF_UNIT = {"dz_haven": "haven", "dz_stad": "stad", "dz_land": "land",
                    "wb_noord": "wbn"}
PC_PREFIX = {"haven": range(4380, 4390), "stad": range(4330, 4350),
             "land": range(4450, 4500), "wbn": range(4600, 4630)}
FRONT_ROLES = ("front", "water", "wijk")


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


class Emp:
    __slots__ = ("idx", "eid", "pid", "surname", "rank", "hist", "start_day", "shifts",
                 "rotation", "hr", "fte", "function")

    def __init__(self):
        self.shifts = []


class World:
    def __init__(self, seed, n_emp, days):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_emp = n_emp
        self.days = days
        self.t0 = local_to_epoch(2026, 3, 9, 0, 0)  # Monday 9 March 2026, local midnight
        self.names = Names(self.rng)
        self.events = []  # (epoch, ms, emp_idx, system, action, pid, case_id, tag)
        self.reason_count = {}
        self.truth = []  # (incident_id, scenario, [event tuples])
        self.team = {t[0]: t for t in TEAMS}

    # ------------------------------------------------------------ persons
    def make_persons(self):
        rng = self.rng
        self.p_surname, self.p_birth, self.p_pc, self.p_hn, self.p_flags = [], [], [], [], []
        self.p_district = []
        self.relations = []  # (a, b, kind)
        self.postcodes = {}
        for dist, pref in PC_PREFIX.items():
            pcs = []
            for num in pref:
                for _ in range(rng.randint(25, 45)):
                    pcs.append("%d%s%s" % (num, rng.choice("ABCDEGHJKLMNPRSTVWXZ"),
                                           rng.choice("ABCDEGHJKLMNPRSTVWXZ")))
            self.postcodes[dist] = sorted(set(pcs))
        target = self.n_emp * 95
        dist_w = [("stad", 40), ("land", 30), ("haven", 12), ("wbn", 12), ("out", 6)]
        self.by_district = {d: [] for d, _ in dist_w}
        self.by_pc = {}
        while len(self.p_surname) < target:
            dist = wchoice(rng, dist_w)
            self.make_household(dist)
        self.n_general = len(self.p_surname)
        # milieu: persons that keep turning up in police work
        self.milieu = rng.sample(range(self.n_general), self.n_general // 20)
        for i in rng.sample(range(self.n_general), max(20, self.n_general // 2000)):
            self.p_flags[i] = "vip"
        for i in rng.sample(range(self.n_general), max(15, self.n_general // 3000)):
            self.p_flags[i] = "shielded" if not self.p_flags[i] else self.p_flags[i] + ";shielded"
        for i in rng.sample(range(self.n_general), self.n_general // 200):
            if not self.p_flags[i]:
                self.p_flags[i] = "deceased"

    def new_person(self, surname, birth, dist, pc, hn):
        pid = len(self.p_surname)
        self.p_surname.append(surname)
        self.p_birth.append(birth)
        self.p_pc.append(pc)
        self.p_hn.append(hn)
        self.p_flags.append("")
        self.p_district.append(dist)
        self.by_district.setdefault(dist, []).append(pid)
        if pc:
            self.by_pc.setdefault(pc, []).append(pid)
        return pid

    def address(self, dist):
        rng = self.rng
        if dist == "out":
            r = rng.random()
            if r < 0.35:
                return "", ""
            if r < 0.55:
                return rng.choice(["B-2000", "B-9000", "D-47051", "2030", "NL-3011"]), str(rng.randint(1, 200))
            return "%d%s%s" % (rng.randint(1000, 9999), rng.choice("ABCDEGHJKLMNPRSTVWXZ"),
                               rng.choice("ABCDEGHJKLMNPRSTVWXZ")), str(rng.randint(1, 300))
        pc = rng.choice(self.postcodes[dist])
        hn = str(rng.randint(1, 180))
        r = rng.random()
        if r < 0.06:
            hn += rng.choice(["-A", "-B", "-1", "-2", "-3", " bis", "-II"])
        elif r < 0.08:
            hn += rng.choice(["a", "b", "c"])
        return pc, hn

    def make_household(self, dist, surname=None, adult_birth=None):
        rng = self.rng
        pc, hn = self.address(dist)
        if surname is None:
            surname = self.names.draw()
        size = wchoice(rng, [(1, 35), (2, 30), (3, 15), (4, 13), (5, 7)])
        by = adult_birth or rng.randint(1940, 2005)
        members = [self.new_person(surname, by if rng.random() > 0.01 else "", dist, pc, hn)]
        if size >= 2:
            # partner, often with another surname
            ps = surname if rng.random() < 0.35 else self.names.draw()
            partner = self.new_person(ps, min(2007, max(1930, by + rng.randint(-6, 6))), dist, pc, hn)
            members.append(partner)
            if rng.random() < 0.5:
                self.relations.append((members[0], partner, "partner"))
                if rng.random() < 0.7:
                    self.relations.append((partner, members[0], "partner"))
        for _ in range(size - 2):
            cb = min(2025, max(by + 18, rng.randint(by + 20, by + 42) if isinstance(by, int) else 2010))
            c = self.new_person(surname, cb, dist, pc, hn)
            if rng.random() < 0.45:
                self.relations.append((members[0], c, "child"))
                if rng.random() < 0.6:
                    self.relations.append((c, members[0], "parent"))
            elif rng.random() < 0.2:
                self.relations.append((members[0], c, "household"))
            members.append(c)
        return members

    def rand_person(self, dist=None):
        rng = self.rng
        if dist is None or rng.random() < 0.25:
            return rng.randrange(self.n_general)
        lst = self.by_district[dist]
        while True:
            p = rng.choice(lst)
            if p < self.n_general:
                return p

    def incident_person(self, dist):
        rng = self.rng
        if rng.random() < 0.22:
            return rng.choice(self.milieu)
        if rng.random() < 0.1:
            return rng.choice(self.by_district["out"])
        return self.rand_person(dist)

    # ------------------------------------------------------------ employees
    def make_employees(self):
        rng = self.rng
        staffed = [t for t in TEAMS if t[4] > 0]
        tot = sum(t[4] for t in staffed)
        self.emps = []
        self.team_members = {t[0]: [] for t in TEAMS}
        alloc = []
        for t in staffed:
            alloc.extend([t] * max(2, round(t[4] * self.n_emp / tot)))
        rng.shuffle(alloc)
        used = set()
        for i, t in enumerate(alloc):
            e = Emp()
            e.idx = i
            prof = t[7]
            e.rank = wchoice(rng, RANKS[prof])
            if e.rank == "extern":
                e.eid = "EXT-%03d" % (i % 1000)
            else:
                while True:
                    n = rng.randint(10000, 99999)
                    if n not in used:
                        used.add(n)
                        break
                e.eid = "E%05d" % n
            e.hr = "%08d" % rng.randint(10000000, 99999999)
            e.fte = rng.choice(["1,0", "1.0", "0.8", "0,89", "1", "0.5", "1.0"])
            e.function = t[5]
            e.hist = [(0, t[0])]
            e.start_day = 0
            e.rotation = rng.randrange(21)
            # own person record and family
            home = rng.choice(["stad", "stad", "land", "land", "haven", "wbn", "out"]) \
                if t[1] != "mk_zw" else rng.choice(["stad", "land", "wbn", "wbn"])
            if home == "out":
                home = "land"
            by = rng.randint(1963, 2004)
            hh = self.make_household(home, adult_birth=by)
            me = hh[0]
            e.surname = self.p_surname[me]
            e.pid = me if rng.random() > 0.06 else None
            # partner in household is already related (maybe); make sure of a record
            if len(hh) >= 2 and rng.random() < 0.85:
                self.relations.append((me, hh[1], "partner"))
            # parents and siblings elsewhere in the region, same surname
            if rng.random() < 0.55:
                pd = rng.choice(["stad", "land", "haven", "wbn"])
                pp, ph = self.address(pd)
                for _ in range(rng.choice([1, 2])):
                    par = self.new_person(e.surname, by - rng.randint(22, 38), pd, pp, ph)
                    self.relations.append((me, par, "parent"))
                    if rng.random() < 0.5:
                        self.relations.append((par, me, "child"))
            if rng.random() < 0.45:
                for _ in range(rng.choice([1, 1, 2, 3])):
                    sd = rng.choice(["stad", "land", "haven", "wbn", "out"])
                    sp, sh = self.address(sd)
                    sib = self.new_person(e.surname, by + rng.randint(-8, 8), sd, sp, sh)
                    self.relations.append((me, sib, "sibling"))
            if rng.random() < 0.14:
                xd = rng.choice(["stad", "land", "haven", "wbn"])
                xp, xh = self.address(xd)
                ex = self.new_person(self.names.draw(), by + rng.randint(-5, 5), xd, xp, xh)
                self.relations.append((me, ex, "ex_partner"))
                if rng.random() < 0.4:
                    self.relations.append((ex, me, "ex_partner"))
            # unrecorded family: cousins with the same (rare) surname
            if rng.random() < 0.3:
                for _ in range(rng.randint(1, 3)):
                    cd = rng.choice(["stad", "land", "haven", "wbn"])
                    cp, ch = self.address(cd)
                    self.new_person(e.surname, by + rng.randint(-15, 15), cd, cp, ch)
            self.emps.append(e)
        # new employees (aspirants starting in the middle of the period)
        front = [e for e in self.emps if self.team[e.hist[0][1]][6] == "front"]
        for e in rng.sample(front, max(3, len(self.emps) // 100)):
            e.rank = "aspirant"
            e.start_day = rng.randint(self.days // 3, self.days // 2)
        # transfers: later state in a second row of employees.csv
        self.transferred = []
        for e in rng.sample(self.emps, max(4, len(self.emps) // 90)):
            if e.start_day:
                continue
            role = self.team[e.hist[0][1]][6]
            if role in ("front", "water"):
                cand = [t[0] for t in TEAMS if t[6] in ("front", "rech") and t[0] != e.hist[0][1]]
            elif role in ("rech", "drs"):
                cand = [t[0] for t in TEAMS if t[6] in ("rech", "drs") and t[0] != e.hist[0][1]]
            else:
                continue
            e.hist.append((rng.randint(self.days // 4, 3 * self.days // 4), rng.choice(cand)))
            self.transferred.append(e)
        for e in self.emps:
            for _, tid in e.hist:
                self.team_members[tid].append(e.idx)
        self.emp_by_pid = {e.pid: e for e in self.emps if e.pid is not None}

    def team_at(self, e, day):
        tid = e.hist[0][1]
        for d, t in e.hist:
            if day >= d:
                tid = t
        return tid

    # ------------------------------------------------------------ shifts
    def make_shifts(self):
        rng = self.rng
        y, m, d0 = 2026, 3, 9
        base = calendar.timegm((y, m, d0, 0, 0, 0))
        self.shift_rows = []  # (emp_idx, start, end, recorded, style)
        self.onshift = {}  # (key, hour) -> [(emp_idx, shift_no)]
        for e in self.emps:
            for day in range(-1, self.days):
                if day < e.start_day and not (day == -1 and e.start_day == 0):
                    continue
                tid = self.team_at(e, max(day, 0))
                role = self.team[tid][6]
                g = time.gmtime(base + day * DAY)
                wd = g.tm_wday
                sl = self.shift_for(e, role, day, wd)
                if sl is None:
                    continue
                sh, sm, dur = sl
                st = local_to_epoch(g.tm_year, g.tm_mon, g.tm_mday, sh, sm)
                en_local_naive = sh * 60 + sm + dur
                dd, mins = divmod(en_local_naive, 1440)
                g2 = time.gmtime(base + (day + dd) * DAY)
                en = local_to_epoch(g2.tm_year, g2.tm_mon, g2.tm_mday, mins // 60, mins % 60)
                if en <= self.t0 or st >= self.t0 + self.days * DAY + DAY:
                    continue
                recorded = rng.random() > 0.004
                e.shifts.append((st, en, tid, recorded))
        for e in self.emps:
            for no, (st, en, tid, rec) in enumerate(e.shifts):
                role = self.team[tid][6]
                unit = self.team[tid][1]
                key = (role if role in ("mk", "rtic", "intake") else
                       ("front:" + unit) if role in ("front", "water") else None)
                if key is None:
                    continue
                for h in range(st // HOUR, (en - 1) // HOUR + 1):
                    self.onshift.setdefault((key, h), []).append((e.idx, no))

    def shift_for(self, e, role, day, wd):
        rng = self.rng
        weekend = wd >= 5
        if role in ("front", "mk"):
            if rng.random() > 0.64:
                return None
            k = ((day + e.rotation) // 7 + e.rotation) % 3
            if rng.random() < 0.12:
                k = rng.randrange(3)
            start = [(7, 0), (15, 0), (23, 0)][k]
            if role == "front" and rng.random() < 0.25:
                start = [(6, 45), (14, 45), (22, 45)][k]
            return start[0], start[1], 480 + (rng.choice([0, 0, 0, 30, 60]) if role == "front" else 0)
        if role == "water":
            if rng.random() > 0.6:
                return None
            return ((7, 30, 600) if ((day // 4 + e.rotation) % 2 == 0) else (17, 30, 510))
        if role == "wijk":
            if rng.random() > (0.78 if not weekend else 0.12):
                return None
            return rng.choice([(8, 0, 540), (8, 30, 510), (12, 0, 540), (13, 0, 540)])
        if role in ("rech", "drs", "cie", "analyse", "staf", "ict"):
            if rng.random() > (0.86 if not weekend else 0.05):
                return None
            if role == "drs" and rng.random() < 0.03:
                return (5, 0, 720)  # action day, early arrest
            return (rng.choice([7, 8, 8, 8, 9]), rng.choice([0, 15, 30, 45]), rng.choice([480, 510, 540, 570]))
        if role == "intake":
            if rng.random() > 0.62:
                return None
            return rng.choice([(8, 0, 480), (14, 0, 480), (9, 0, 480)])
        if role == "rtic":
            if rng.random() > 0.45:
                return None
            return (7, 0, 720) if (day + e.rotation) % 2 else (19, 0, 720)
        return None

    def on_shift_at(self, key, t):
        return self.onshift.get((key, t // HOUR), ())

    def is_on_shift(self, e, t, margin=0):
        for st, en, _, _ in e.shifts:
            if st - margin <= t <= en + margin:
                return True
        return False

    # ------------------------------------------------------------ cases
    def make_cases(self):
        rng = self.rng
        self.cases = []  # dict per case
        self.case_persons = []  # (case idx, pid, role)
        self.case_staff = []  # (case idx, emp idx, from, to, fmt)
        self.person_cases = {}
        self._active = {}
        self.ctr = {"inc": rng.randint(10000, 40000), "int": rng.randint(1000, 9000)}
        self.make_investigations()

    def add_case(self, cid, kind, unit, team, opened, closed, sensitive, otype, ctype, title=""):
        c = {"id": cid, "kind": kind, "unit": unit, "team": team, "opened": opened,
             "closed": closed, "sensitive": sensitive, "otype": otype, "ctype": ctype,
             "title": title, "persons": [], "staff": []}
        self.cases.append(c)
        return len(self.cases) - 1

    def add_cp(self, ci, pid, role):
        self.case_persons.append((ci, pid, role))
        self.cases[ci]["persons"].append(pid)
        self.person_cases.setdefault(pid, []).append(ci)

    def add_staff(self, ci, ei, frm, to, fmt="date"):
        self.case_staff.append((ci, ei, frm, to, fmt))
        self.cases[ci]["staff"].append((ei, frm, to))

    def make_investigations(self):
        rng = self.rng
        code = ["Reiger", "Meeuw", "Aalscholver", "Zeehond", "Kievit", "Grutto", "Lepelaar",
                "Tureluur", "Scholekster", "Kluut", "Bergeend", "Wulp", "Zilverreiger", "Dodaars",
                "Fuut", "Kokmeeuw", "Visdief", "Eidereend", "Rotgans", "Smient"]
        self.team_invest = {}
        spec = {"rech": (0.7, (3, 12), 0.08, (2, 4)), "drs": (0.55, (8, 32), 0.8, (3, 7)),
                "cie": (0.9, (4, 14), 1.0, (1, 3)), "wijk": (0.5, (2, 6), 0.0, (1, 2)),
                "front": (0.18, (1, 4), 0.0, (1, 2)), "water": (0.2, (1, 5), 0.0, (1, 2))}
        seq = 0
        end = self.t0 + self.days * DAY
        for t in TEAMS:
            role = t[6]
            if role not in spec:
                continue
            members = self.team_members[t[0]]
            if not members:
                continue
            ratio, (pmin, pmax), psens, (smin, smax) = spec[role]
            if t[0] == "T-DRS-ZD":
                psens = 0.35
            if t[0] == "T-DRS-FR":
                psens = 0.5
            n = max(1, int(len(members) * ratio))
            n_old = n // 5
            self.team_invest[t[0]] = []
            for k in range(n + n_old):
                seq += 1
                old = k >= n
                if old:
                    opened = self.t0 - rng.randint(200, 700) * DAY
                    closed = self.t0 - rng.randint(5, 190) * DAY
                elif rng.random() < 0.15:
                    opened = self.t0 + rng.randint(0, self.days - 3) * DAY
                    closed = None
                else:
                    opened = self.t0 - rng.randint(3, 420) * DAY
                    closed = None
                if not old and closed is None and rng.random() < 0.13:
                    closed = opened + rng.randint(5, 400) * DAY
                    if closed < self.t0 + 2 * DAY or closed > end:
                        closed = self.t0 + rng.randint(2, self.days - 1) * DAY
                    closed = max(closed, opened + DAY)
                sens = rng.random() < psens
                if role == "drs" or role == "cie":
                    cid = "ONDZ %d/%03d %s" % (time.gmtime(opened).tm_year % 100, seq,
                                               code[seq % len(code)]) if role == "drs" and rng.random() < 0.5 \
                        else "DZ-%d-R%05d" % (time.gmtime(opened).tm_year, seq * 7 + 3)
                    if role == "cie":
                        cid = "CIE-%05d" % (seq * 13)
                else:
                    cid = "DZ-%d-R%05d" % (time.gmtime(opened).tm_year, seq * 7 + 3)
                title = ""
                if rng.random() < 0.03:
                    title = 'onderzoek "%s", zie ook\nnotitie TL' % rng.choice(code)
                ci = self.add_case(cid, "investigation", t[1], t[0], opened, closed, sens,
                                   "date", "date", title)
                self.cases[ci]["role"] = role
                npers = rng.randint(pmin, pmax)
                roles = ["suspect"] * max(1, npers // 3) + ["witness", "victim", "involved",
                                                            "betrokkene", "getuige"] * npers
                for j in range(npers):
                    p = rng.choice(self.milieu) if (role in ("drs", "cie") and rng.random() < 0.6) \
                        else self.rand_person(DISTRICT_OF_UNIT.get(t[1]))
                    self.add_cp(ci, p, roles[j] if j < len(roles) else "")
                if rng.random() < 0.05:
                    self.add_cp(ci, self.cases[ci]["persons"][0], "suspect")  # repeated row
                # staff
                k_staff = min(len(members), rng.randint(smin, smax))
                for ei in rng.sample(members, k_staff):
                    e = self.emps[ei]
                    if e.start_day > 0:
                        continue
                    frm = opened if rng.random() < 0.7 else max(opened, self.t0 - rng.randint(0, 60) * DAY)
                    to = closed
                    if not old and rng.random() < 0.08:
                        frm = self.t0 + rng.randint(3, max(4, self.days - 5)) * DAY  # joins mid-period
                    elif not old and rng.random() < 0.07:
                        to = self.t0 + rng.randint(2, self.days - 3) * DAY  # leaves the case
                    if to is not None and frm > to:
                        frm = opened
                    if to is not None and frm > to:
                        to = None
                    self.add_staff(ci, ei, frm, to, "date" if rng.random() < 0.9 else "ts")
                if sens and rng.random() < 0.25:
                    # a team leader from staff oversees the investigation
                    staf = [x for x in self.team_members["T-STAF"] if self.emps[x].rank != "burger"]
                    if staf:
                        self.add_staff(ci, rng.choice(staf), opened, None)
                if not old:
                    self.team_invest[t[0]].append(ci)
        # CIE registrations overlap with the big investigations' suspects
        sens_drs = [ci for ci, c in enumerate(self.cases) if c["sensitive"] and c.get("role") == "drs"]
        for ci in self.team_invest.get("T-DRS-CIE", []):
            for _ in range(rng.randint(1, 4)):
                if sens_drs:
                    src = self.cases[rng.choice(sens_drs)]["persons"]
                    self.add_cp(ci, rng.choice(src), "subject")

    def active_cases(self, tid, t):
        key = (tid, t // DAY)
        hit = self._active.get(key)
        if hit is not None:
            return hit
        out = self._active[key] = []
        for ci in self.team_invest.get(tid, ()):
            c = self.cases[ci]
            if c["opened"] <= t and (c["closed"] is None or t <= c["closed"] + DAY):
                out.append(ci)
        return out

    def assigned(self, ei, ci, t):
        for x, frm, to in self.cases[ci]["staff"]:
            if x == ei and (frm is None or frm <= t) and (to is None or t < to + DAY):
                return True
        return False

    # ------------------------------------------------------------ events
    def ev(self, t, ei, system, action, pid, case=None, why="x", tag=None):
        self.events.append((t, self.rng.randrange(1000), ei, system, action, pid, case, tag))
        if tag is None:
            self.reason_count[why] = self.reason_count.get(why, 0) + 1

    def lookup(self, t, ei, pid, why, systems=("bvh",), case=None, p_query=0.55, p_view=0.85,
               namesakes=0.008, tag=None):
        """One look-up act: a query (possibly by name, returning namesakes) and a view."""
        rng = self.rng
        sysn = rng.choice(systems)
        did = False
        if rng.random() < p_query:
            self.ev(t, ei, sysn, "query", pid, case, why, tag)
            did = True
            if tag is None and rng.random() < namesakes:
                sn = self.p_surname[pid]
                same = self.surname_index.get(sn, ())
                if len(same) > 1:
                    for q in rng.sample(same, min(len(same), rng.randint(1, 6))):
                        if q != pid:
                            self.ev(t, ei, sysn, "query", q, None, "namesake_query")
            t += rng.randint(3, 90)
        if not did or rng.random() < p_view:
            self.ev(t, ei, sysn, "view", pid, case, why, tag)
        return t

    def rand_time(self, st, en):
        return self.rng.randint(st, max(st, en - 60))

    def make_incidents(self):
        rng = self.rng
        end = self.t0 + self.days * DAY
        self.incidents_by_unit = {}
        diurnal = [0.55, 0.45, 0.4, 0.3, 0.25, 0.3, 0.5, 0.7, 0.85, 0.9, 1.0, 1.05, 1.1, 1.1, 1.1,
                   1.2, 1.3, 1.35, 1.3, 1.25, 1.2, 1.1, 0.95, 0.75]
        fixed_rate = {"wb_noord": 5.5}
        for unit in ("dz_haven", "dz_stad", "dz_land", "wb_noord"):
            dist = DISTRICT_OF_UNIT[unit]
            lst = []
            for h in range(self.t0 // HOUR, end // HOUR):
                lh = time.gmtime(h * HOUR + nl_offset(h * HOUR)).tm_hour
                if unit == "wb_noord":
                    lam = fixed_rate[unit] * diurnal[lh] * self.n_emp / 1500
                    resp = ()
                else:
                    resp = self.on_shift_at("front:" + unit, h * HOUR + 1800)
                    lam = len(resp) * 0.26 * diurnal[lh]
                for _ in range(poisson(rng, lam)):
                    t = h * HOUR + rng.randrange(HOUR)
                    self.one_incident(unit, dist, t, resp)
                    lst.append(len(self.cases) - 1)
            self.incidents_by_unit[unit] = lst

    def one_incident(self, unit, dist, t, resp, persons=None, team=None, news=False):
        rng = self.rng
        self.ctr["inc"] += rng.randint(1, 3)
        cid = "%s%d%07d" % ("WB" if unit == "wb_noord" else "DZ", 26, self.ctr["inc"])
        # responders: one or two on shift in the unit
        r_emp = []
        cands = [x for x in resp if self.emps[x[0]].shifts[x[1]][0] <= t <= self.emps[x[0]].shifts[x[1]][1]]
        if cands:
            if unit == "dz_haven" and rng.random() < 0.3:
                w = [x for x in cands if self.team[self.emps[x[0]].shifts[x[1]][2]][6] == "water"]
                cands = w or cands
            r_emp = rng.sample(cands, min(len(cands), 1 if rng.random() < 0.4 else 2))
        if team is None:
            team = self.emps[r_emp[0][0]].shifts[r_emp[0][1]][2] if r_emp else \
                ("T-WBN-NH" if unit == "wb_noord" else None)
        dur = rng.randint(20 * 60, 6 * HOUR)
        r = rng.random()
        if r < 0.7:
            closed, ctype = t + dur, "ts"
        elif r < 0.88:
            closed, ctype = t + dur, "date"
        else:
            closed, ctype = None, None
        otype = "ts" if rng.random() < 0.97 else "date"
        if otype == "date" and ctype == "ts":
            ctype = "date"  # a date-only export writes both as dates
        ci = self.add_case(cid, "incident", unit, team, t, closed, False, otype, ctype)
        if persons is None:
            n = wchoice(rng, [(1, 40), (2, 35), (3, 15), (4, 6), (5, 3), (6, 1)])
            persons = [self.incident_person(dist) for _ in range(n)]
        roles = ["melder", "verdachte", "slachtoffer", "betrokkene", "getuige", "bestuurder", ""]
        for p in persons:
            self.add_cp(ci, p, rng.choice(roles))
        for ei, no in r_emp:
            if rng.random() < 0.5:
                self.add_staff(ci, ei, t, None if rng.random() < 0.3 else t + dur, "ts")
        # control room: 80% of incidents looked up by a dispatcher on shift
        if rng.random() < 0.8:
            mk = [x for x in self.on_shift_at("mk", t)
                  if self.emps[x[0]].shifts[x[1]][0] <= t <= self.emps[x[0]].shifts[x[1]][1]]
            if mk:
                m = rng.choice(mk)[0]
                tt = t - rng.randint(0, 240)
                for p in persons:
                    if rng.random() < 0.85:
                        tt = self.lookup(tt + rng.randint(5, 60), m, p, "mk_incident",
                                         ("gms", "bvh", "brp"), p_query=0.9, p_view=0.5)
        # responders
        for ei, no in r_emp:
            st, en, tid, _ = self.emps[ei].shifts[no]
            tt = t + rng.randint(60, 900)
            given = cid if rng.random() < 0.25 else None
            for p in persons:
                if rng.random() < 0.9:
                    tt = self.lookup(min(tt + rng.randint(30, 600), en + 1200), ei, p, "incident_on_shift",
                                     ("meos", "meos", "bvh", "rdw"), case=given)
            # follow-up after the shift (team case), by the responder or a team mate
            if rng.random() < 0.25:
                mates = self.team_members.get(tid, [])
                f = rng.choice(mates) if mates and rng.random() < 0.5 else ei
                fe = self.emps[f]
                later = [s for s in fe.shifts if s[0] > en and s[0] < en + 4 * DAY and s[2] == tid]
                if later:
                    s = rng.choice(later)
                    self.lookup(self.rand_time(s[0], s[1]), f, rng.choice(persons), "team_case_followup",
                                ("bvh",), case=cid if rng.random() < 0.5 else None)
        # RTIC support on serious incidents
        if rng.random() < (0.5 if news else 0.07):
            rt = [x for x in self.on_shift_at("rtic", t)
                  if self.emps[x[0]].shifts[x[1]][0] <= t <= self.emps[x[0]].shifts[x[1]][1]]
            if rt:
                a = rng.choice(rt)[0]
                tt = t + rng.randint(60, 600)
                for p in persons:
                    tt = self.lookup(tt + rng.randint(10, 120), a, p, "rtic_incident",
                                     ("bvh", "blueview", "summit"), case=cid if rng.random() < 0.3 else None)
                    for q in self.rel_of.get(p, ())[:3]:
                        tt = self.lookup(tt + rng.randint(10, 120), a, q, "rtic_network",
                                         ("blueview", "brp"))
        return ci

    def make_news(self):
        """Newsworthy incidents: public figures, big events; legit look-ups by the unit."""
        rng = self.rng
        self.news = []
        vips = [i for i in range(self.n_general) if "vip" in self.p_flags[i]]
        units = ["dz_haven", "dz_stad", "dz_land"]
        for k in range(4):
            unit = units[k % 3]
            day = rng.randint(2, self.days - 6)
            t = self.t0 + day * DAY + rng.choice([2, 11, 16, 21]) * HOUR + rng.randrange(HOUR)
            dist = DISTRICT_OF_UNIT[unit]
            persons = [rng.choice(vips)] + [self.incident_person(dist) for _ in range(rng.randint(1, 3))]
            resp = self.on_shift_at("front:" + unit, t)
            ci = self.one_incident(unit, dist, t, resp, persons=persons, news=True)
            self.news.append(ci)
            # much of the unit on shift looks it up in the hours after: explained by the unit incident
            for h in range(0, 10):
                for ei, no in self.on_shift_at("front:" + unit, t + h * HOUR):
                    s = self.emps[ei].shifts[no]
                    if rng.random() < 0.12 and s[0] <= t + h * HOUR <= s[1]:
                        tt = min(s[1], t + h * HOUR + rng.randrange(HOUR))
                        self.lookup(tt, ei, rng.choice(persons), "news_unit_on_shift", ("bvh", "meos"))
            # the district detectives take it over
            tid = {"dz_haven": "T-DRS-HR", "dz_stad": "T-STD-DR", "dz_land": "T-LND-DR"}[unit]
            self.ctr["int"] += 1
            inv = self.add_case("DZ-2026-R9%04d" % self.ctr["int"], "investigation", unit, tid,
                                self.t0 + day * DAY, None, False, "date", None)
            self.cases[inv]["role"] = "rech"
            for p in persons:
                self.add_cp(inv, p, "betrokkene")
            for ei in rng.sample(self.team_members[tid], min(4, len(self.team_members[tid]))):
                self.add_staff(inv, ei, self.t0 + day * DAY, None)
            self.team_invest[tid].append(inv)

    def make_colleague_victims(self):
        """Officers assaulted on duty: their own record is in an incident of their unit, and the
        colleagues on shift look it up (legitimate, explained by the incident)."""
        rng = self.rng
        self.victim_incidents = []
        for unit in ("dz_haven", "dz_stad", "dz_land"):
            vic = [e for e in self.emps if e.pid is not None and self.team[e.hist[0][1]][1] == unit
                   and self.team[e.hist[0][1]][6] == "front" and e.shifts]
            if not vic:
                continue
            e = rng.choice(vic)
            s = rng.choice([x for x in e.shifts if x[0] > self.t0 + DAY and x[1] < self.t0 + (self.days - 1) * DAY])
            t = self.rand_time(s[0] + 1800, s[1] - 1800)
            persons = [e.pid, self.incident_person(DISTRICT_OF_UNIT[unit])]
            ci = self.one_incident(unit, DISTRICT_OF_UNIT[unit], t, self.on_shift_at("front:" + unit, t),
                                   persons=persons)
            self.victim_incidents.append(ci)
            for ei, no in self.on_shift_at("front:" + unit, t + 1800):
                sh = self.emps[ei].shifts[no]
                if ei != e.idx and rng.random() < 0.2 and sh[0] <= t + 1800 <= sh[1]:
                    self.lookup(min(sh[1], t + rng.randint(600, 5400)), ei, rng.choice(persons),
                                "colleague_victim_on_shift", ("bvh", "meos"))

    def make_staff_work(self):
        """Per-shift work that is not driven by incidents."""
        rng = self.rng
        intake_cases = []
        for e in self.emps:
            for no, (st, en, tid, rec) in enumerate(e.shifts):
                role = self.team[tid][6]
                unit = self.team[tid][1]
                dist = DISTRICT_OF_UNIT.get(unit)
                if st < self.t0 - DAY:
                    continue
                # overtime: a few shifts' work runs past the recorded end
                en2 = en + (rng.randint(300, 2400) if rng.random() < 0.03 else 0)
                if role in ("front", "water", "wijk"):
                    self.front_shift(e, st, en2, tid, role, dist)
                elif role in ("rech", "drs", "cie"):
                    self.detective_shift(e, st, en2, tid, role)
                elif role == "intake":
                    self.intake_shift(e, st, en2, tid, intake_cases)
                elif role == "mk":
                    for _ in range(poisson(rng, 12)):
                        self.lookup(self.rand_time(st, en), e.idx, self.rand_person(rng.choice(["stad", "land", "haven", "wbn"])),
                                    "mk_caller", ("gms", "brp", "bvh"), p_query=0.9, p_view=0.4)
                elif role == "rtic":
                    for _ in range(poisson(rng, 22)):
                        p = self.rand_person() if rng.random() < 0.5 else rng.choice(self.milieu)
                        self.lookup(self.rand_time(st, en), e.idx, p, "rtic_adhoc", ("blueview", "bvh", "summit"))
                elif role == "analyse":
                    self.analyst_shift(e, st, en)
                elif role == "staf":
                    if rng.random() < 0.15:
                        mine = self.staf_cases.get(e.idx)
                        if mine:
                            ci = rng.choice(mine)
                            self.lookup(self.rand_time(st, en), e.idx, rng.choice(self.cases[ci]["persons"]),
                                        "staf_oversight", ("summit", "bvh"), case=self.cases[ci]["id"])
                    if rng.random() < 0.01:
                        self.lookup(self.rand_time(st, en), e.idx, self.rand_person(), "staf_unexplained", ("bvh",))
                elif role == "ict":
                    if rng.random() < 0.12:
                        t = self.rand_time(st, en)
                        for _ in range(rng.randint(1, 3)):
                            t = self.lookup(t + rng.randint(20, 300), e.idx, rng.choice(self.test_persons),
                                            "ict_test_person", ("bvh", "blueview"))
        self.intake_cases = intake_cases

    def front_shift(self, e, st, en, tid, role, dist):
        rng = self.rng
        ei = e.idx
        # street checks, stops and people met on patrol: nothing in the records explains them
        lam = {"front": 0.35, "water": 0.45, "wijk": 1.2}[role]
        for _ in range(poisson(rng, lam)):
            p = self.rand_person(dist) if rng.random() < 0.7 else rng.choice(self.by_district["out"])
            t = self.rand_time(st, en)
            self.lookup(t, ei, p, "street_check", ("meos", "rdw", "bvh"))
            if rng.random() < 0.01:
                # a vehicle query returning a lease company's registration: no person record
                self.ev(t + 20, ei, "rdw", "query", -rng.randint(1, 400), None, "no_person_record")
        # team cases (incidents, intakes and small investigations of the team)
        inv = self.active_cases(tid, st)
        for _ in range(poisson(rng, 2.5 if role != "wijk" else 4.5)):
            if not inv:
                break
            ci = rng.choice(inv)
            c = self.cases[ci]
            if not c["persons"]:
                continue
            assigned = self.assigned(ei, ci, st)
            self.lookup(self.rand_time(st, en), ei, rng.choice(c["persons"]),
                        "assigned_case" if assigned else "team_case",
                        ("bvh", "meos"), case=c["id"] if rng.random() < 0.4 else None)
        # helping a colleague from another team (unexplained)
        if rng.random() < 0.06:
            other = rng.choice(self.cases)
            if other["persons"]:
                self.lookup(self.rand_time(st, en), ei, rng.choice(other["persons"]), "helping_colleague", ("bvh",))
        # quoted case numbers of recent incidents of another team of the unit, e.g. taking over a report
        if rng.random() < 0.3:
            unit = self.team[tid][1]
            lst = self.incidents_by_unit.get(unit, [])
            lo = bisect.bisect_left(self._inc_t.get(unit, []), st - 3 * DAY)
            hi = bisect.bisect_left(self._inc_t.get(unit, []), st)
            if hi > lo:
                ci = lst[rng.randrange(lo, hi)]
                c = self.cases[ci]
                if c["persons"]:
                    self.lookup(self.rand_time(st, en), ei, rng.choice(c["persons"]), "given_case",
                                ("bvh",), case=c["id"])

    def detective_shift(self, e, st, en, tid, role):
        rng = self.rng
        ei = e.idx
        inv = self.active_cases(tid, st)
        mine = [ci for ci in inv if self.assigned(ei, ci, st)]
        # former team's cases after a transfer
        if len(e.hist) > 1 and tid != e.hist[0][1] and rng.random() < 0.5:
            old = [ci for ci in self.active_cases(e.hist[0][1], st) if self.assigned(ei, ci, self.t0)]
            if old:
                ci = rng.choice(old)
                self.lookup(self.rand_time(st, en), ei, rng.choice(self.cases[ci]["persons"]),
                            "former_team_case", ("bvh", "bvi"))
        n = poisson(rng, {"rech": 24, "drs": 28, "cie": 16}[role])
        systems = ("bvh", "bvi", "blueview", "brp", "rdw") if role != "cie" else ("cie", "summit", "bvh")
        t = self.rand_time(st, st + 3600)
        for _ in range(n):
            t += rng.randint(60, max(120, (en - st) // max(1, n)))
            if t > en:
                t = self.rand_time(st, en)
            r = rng.random()
            if mine and r < 0.88:
                ci = rng.choice(mine)
                c = self.cases[ci]
                ps = c["persons"]
                p = ps[min(len(ps) - 1, int(rng.expovariate(0.5)))]
                action_extra = rng.random()
                case = c["id"] if rng.random() < 0.55 else None
                self.lookup(t, ei, p, "assigned_case", systems, case=case)
                if action_extra < 0.03:
                    self.ev(t + rng.randint(5, 60), ei, "bvi", "export", p, case, "assigned_case_export")
                elif action_extra < 0.05:
                    self.ev(t + rng.randint(5, 60), ei, "bvh", "print", p, case, "assigned_case_print")
            elif inv and r < 0.97:
                ci = rng.choice(inv)
                c = self.cases[ci]
                self.lookup(t, ei, rng.choice(c["persons"]), "team_case", systems,
                            case=c["id"] if rng.random() < 0.3 else None)
            else:
                p = rng.choice(self.milieu) if rng.random() < 0.6 else self.rand_person()
                self.lookup(t, ei, p, "detective_tip", systems)

    def intake_shift(self, e, st, en, tid, intake_cases):
        rng = self.rng
        ei = e.idx
        for _ in range(poisson(rng, 6)):
            t = self.rand_time(st, en)
            self.ctr["int"] += 1
            cid = "DZ-%s-A%06d" % (date_local(t)[:4], self.ctr["int"])
            unit = rng.choice(["dz_haven", "dz_stad", "dz_stad", "dz_land"])
            dist = DISTRICT_OF_UNIT[unit]
            # handed to a basisteam of the unit for follow-up in half the cases
            bt = [x[0] for x in TEAMS if x[1] == unit and x[2] == "basisteam"]
            team = rng.choice(bt) if rng.random() < 0.5 else tid
            ci = self.add_case(cid, "intake", unit, team, t, t + rng.randint(1, 20) * DAY if rng.random() < 0.5 else None,
                               False, "ts" if rng.random() < 0.8 else "date", "date")
            ps = [self.rand_person(dist)] + [self.incident_person(dist) for _ in range(rng.choice([0, 0, 1, 2]))]
            for j, p in enumerate(ps):
                self.add_cp(ci, p, "aangever" if j == 0 else rng.choice(["verdachte", "getuige", "benadeelde"]))
            self.add_staff(ci, ei, t - 60, t + 3 * HOUR, "ts")
            tt = t + rng.randint(-300, 300)
            for p in ps:
                tt = self.lookup(tt + rng.randint(30, 400), ei, p, "assigned_case", ("bvh", "brp"),
                                 case=cid if rng.random() < 0.5 else None)
            intake_cases.append(ci)
        # phone enquiries and front-desk callers: role work
        for _ in range(poisson(rng, 17)):
            self.lookup(self.rand_time(st, en), ei, self.rand_person(rng.choice(["stad", "land", "haven"])),
                        "intake_role", ("bvh", "brp"), p_query=0.8, p_view=0.6)
        # earlier intakes being completed
        if intake_cases:
            for _ in range(poisson(rng, 3)):
                ci = intake_cases[-rng.randint(1, min(len(intake_cases), 400))]
                c = self.cases[ci]
                self.lookup(self.rand_time(st, en), ei, rng.choice(c["persons"]), "intake_role_case",
                            ("bvh",), case=c["id"] if rng.random() < 0.6 else None)

    def analyst_shift(self, e, st, en):
        rng = self.rng
        ei = e.idx
        allinv = self.all_active_inv
        for _ in range(poisson(rng, 55)):
            t = self.rand_time(st, en)
            r = rng.random()
            if r < 0.65 and allinv:
                ci = rng.choice(allinv)
                c = self.cases[ci]
                self.lookup(t, ei, rng.choice(c["persons"]), "analyst_case", ("summit", "blueview", "bvh"),
                            case=c["id"] if rng.random() < 0.4 else None)
            elif r < 0.85:
                p = rng.choice(self.milieu)
                self.lookup(t, ei, p, "analyst_network", ("blueview", "summit"))
            else:
                self.lookup(t, ei, self.rand_person(), "analyst_other", ("blueview", "bvh"))
            if rng.random() < 0.01:
                self.ev(t + 30, ei, "summit", "export", rng.choice(self.milieu), None, "analyst_export")

    # ------------------------------------------------------------ improper
    def plant(self):
        rng = self.rng
        self.inc_no = 0
        in_case = self.person_cases
        emp_pids = set(self.emp_by_pid)
        rel_of = {}
        for a, b, k in self.relations:
            rel_of.setdefault(a, []).append((b, k))
        used = set()

        def pick_emp(pred, roles=("front", "water", "wijk", "rech", "drs", "intake")):
            pool = [e for e in self.emps if e.idx not in used and e.shifts and
                    self.team[e.hist[-1][1]][6] in roles and pred(e)]
            # hoofdagenten and brigadiers over-represented
            w = [(e, 3 if e.rank in ("hoofdagent", "brigadier") else 1) for e in pool]
            if not w:
                return None
            e = wchoice(rng, w)
            used.add(e.idx)
            return e

        def shift_of(e, min_day=0):
            ss = [s for s in e.shifts if s[3] and s[0] >= self.t0 + min_day * DAY and s[1] < self.t0 + self.days * DAY]
            return rng.choice(ss) if ss else None

        def free(p):
            return p not in in_case

        def incident(scn, e, items):
            """items: list of (t, pid, action, system, case)"""
            self.inc_no += 1
            iid = "I-%s%03d" % (["A", "B"][self.seed % 2], self.inc_no)
            evs = []
            for t, p, action, system, case in items:
                evs.append((t, rng.randrange(1000), e.idx, system, action, p, case, iid))
            self.events.extend(evs)
            self.truth.append((iid, scn, e))

        def simple(scn, e, p, n=None, actions=None):
            s = shift_of(e)
            if s is None:
                return False
            t = self.rand_time(s[0] + 1800, s[1] - 600)
            items = []
            n = n or rng.choice([1, 1, 2, 2, 3])
            for k in range(n):
                a = (actions[k] if actions and k < len(actions) else
                     ("query" if k == 0 and n > 1 else "view"))
                items.append((t, p, a, rng.choice(["bvh", "bvh", "meos", "blueview"]), None))
                t += rng.randint(4, 200)
            incident(scn, e, items)
            return True

        def count():
            return rng.randint(3, 6)

        # relation scenarios
        for scn, kinds in (("self", None), ("family", ("parent", "child", "sibling")),
                           ("partner", ("partner",)), ("ex_partner", ("ex_partner",))):
            for _ in range(count()):
                if kinds is None:
                    e = pick_emp(lambda e: e.pid is not None and free(e.pid))
                    if e:
                        simple(scn, e, e.pid, n=rng.choice([1, 2]))
                    continue
                e = pick_emp(lambda e: e.pid is not None and
                             any(k in kinds and free(b) for b, k in rel_of.get(e.pid, ())))
                if not e:
                    continue
                tgt = rng.choice([b for b, k in rel_of[e.pid] if k in kinds and free(b)])
                if scn == "ex_partner" and rng.random() < 0.5:
                    # looked up a few times over the weeks
                    ss = [s for s in e.shifts if s[3] and s[0] >= self.t0 and s[1] < self.t0 + self.days * DAY]
                    items = []
                    for s in sorted(rng.sample(ss, min(len(ss), rng.randint(2, 3)))):
                        items.append((self.rand_time(s[0] + 600, s[1] - 600), tgt, "view", "bvh", None))
                    incident(scn, e, items)
                else:
                    simple(scn, e, tgt)
        # neighbour: same postcode, no recorded relation
        for _ in range(count()):
            def nb(e):
                if e.pid is None or not self.p_pc[e.pid]:
                    return False
                rel = {b for b, _ in rel_of.get(e.pid, ())}
                return any(q != e.pid and q not in rel and free(q) and self.p_hn[q] != self.p_hn[e.pid]
                           for q in self.by_pc.get(self.p_pc[e.pid], ()))
            e = pick_emp(nb)
            if e:
                rel = {b for b, _ in rel_of.get(e.pid, ())}
                tgt = rng.choice([q for q in self.by_pc[self.p_pc[e.pid]] if q != e.pid and q not in rel
                                  and free(q) and self.p_hn[q] != self.p_hn[e.pid]])
                simple("neighbour", e, tgt)
        # shared surname: a cousin or namesake with a rare surname, no recorded relation
        for _ in range(count()):
            def ss(e):
                if e.pid is None:
                    return False
                same = self.surname_index.get(e.surname, ())
                rel = {b for b, _ in rel_of.get(e.pid, ())}
                cands = [q for q in same if q != e.pid and q not in rel and free(q)
                         and self.p_pc[q] != self.p_pc[e.pid]]
                return 1 <= len(cands) and len(same) <= 12
            e = pick_emp(ss)
            if e:
                rel = {b for b, _ in rel_of.get(e.pid, ())}
                tgt = rng.choice([q for q in self.surname_index[e.surname] if q != e.pid and q not in rel
                                  and free(q) and self.p_pc[q] != self.p_pc[e.pid]])
                simple("shared_surname", e, tgt)
        # colleague: another employee's own record
        for _ in range(count()):
            e = pick_emp(lambda e: True)
            if e:
                other = rng.choice([x for x in self.emps if x.pid is not None and x.idx != e.idx and free(x.pid)])
                simple("colleague", e, other.pid)
        # vip and shielded persons with no case of the employee
        for scn, flag in (("vip", "vip"), ("shielded", "shielded")):
            pool = [i for i in range(self.n_general) if flag in self.p_flags[i] and free(i)]
            for _ in range(count()):
                e = pick_emp(lambda e: True)
                if e and pool:
                    simple(scn, e, rng.choice(pool))
        # sensitive investigation the employee is not on
        sens = [ci for ci, c in enumerate(self.cases) if c["kind"] == "investigation" and c["sensitive"]
                and c["closed"] is None]
        target, done, tries = count(), 0, 0
        while done < target and tries < 60:
            tries += 1
            e = pick_emp(lambda e: True, roles=("front", "water", "wijk", "intake", "rech"))
            if not e:
                continue
            for _try in range(50):
                ci = rng.choice(sens)
                c = self.cases[ci]
                teams = [h[1] for h in e.hist]
                if all(x != e.idx for x, _, _ in c["staff"]) and c["team"] not in teams:
                    cand = [p for p in c["persons"] if all(
                        self.cases[k]["kind"] == "investigation" and self.cases[k]["team"] not in teams
                        and all(x != e.idx for x, _, _ in self.cases[k]["staff"]) for k in in_case[p])]
                    if cand:
                        p = rng.choice(cand[:3])
                        s = shift_of(e)
                        t = self.rand_time(s[0] + 1800, s[1] - 600)
                        items = [(t, p, "query", "bvh", None)]
                        if rng.random() < 0.6:
                            items.append((t + rng.randint(5, 90), p, "view", "bvh", None))
                        if rng.random() < 0.4:
                            # a second person of the same investigation, later that shift
                            p2 = rng.choice(cand)
                            items.append((min(s[1] - 60, t + rng.randint(600, 5400)), p2, "view", "blueview", None))
                        incident("sensitive_investigation", e, items)
                        done += 1
                        break
        # off shift: look-ups from home on a day off
        for _ in range(count()):
            e = pick_emp(lambda e: len(e.shifts) > 5, roles=("front", "water", "wijk", "rech", "drs"))
            if not e:
                continue
            for _try in range(100):
                day = rng.randint(1, self.days - 2)
                lh = rng.choice([10, 13, 19, 21, 22, 23, 0, 1])
                g = time.gmtime(self.t0 + day * DAY + 12 * HOUR)
                t = local_to_epoch(g.tm_year, g.tm_mon, g.tm_mday, lh, rng.randrange(60))
                if not self.is_on_shift(e, t, margin=6 * HOUR):
                    items = []
                    p = self.rand_person(rng.choice(["stad", "land", "haven"]))
                    while not free(p):
                        p = self.rand_person()
                    for k in range(rng.randint(1, 3)):
                        items.append((t, p, "query" if k == 0 else "view", "bvh", None))
                        t += rng.randint(10, 300)
                    incident("off_shift", e, items)
                    break
        # browsing: many unrelated persons in a short time
        for _ in range(count()):
            e = pick_emp(lambda e: True)
            s = e and shift_of(e)
            if not s:
                continue
            t = self.rand_time(s[0] + 1800, s[1] - 3600)
            items = []
            for _ in range(rng.randint(12, 30)):
                p = self.rand_person(rng.choice(["stad", "land", "haven"]))
                if free(p):
                    items.append((t, p, rng.choice(["view", "query", "view"]), rng.choice(["bvh", "blueview"]), None))
                t += rng.randint(15, 120)
            incident("browsing", e, items)
        # following: one person, repeatedly over weeks
        for _ in range(count()):
            e = pick_emp(lambda e: len(e.shifts) > 10)
            if not e:
                continue
            p = self.rand_person()
            while not free(p):
                p = self.rand_person()
            ss = [s for s in e.shifts if s[3] and s[0] >= self.t0 and s[1] < self.t0 + self.days * DAY]
            ss = sorted(rng.sample(ss, min(len(ss), rng.randint(5, 9))))
            items = [(self.rand_time(s[0] + 600, s[1] - 600), p, "view", rng.choice(["bvh", "blueview"]), None)
                     for s in ss]
            incident("following", e, items)
        # export / print of an unrelated record
        for _ in range(count()):
            e = pick_emp(lambda e: True)
            s = e and shift_of(e)
            if not s:
                continue
            p = self.rand_person()
            while not free(p):
                p = self.rand_person()
            t = self.rand_time(s[0] + 1800, s[1] - 600)
            items = [(t, p, "query", "bvh", None), (t + rng.randint(5, 60), p, "view", "bvh", None),
                     (t + rng.randint(70, 300), p, rng.choice(["export", "print"]), "bvh", None)]
            incident("export_print", e, items)
        # news hype: employees of other units look at the news incident's people
        target, done, tries = count(), 0, 0
        while done < target and tries < 60:
            tries += 1
            ci = rng.choice(self.news)
            c = self.cases[ci]
            e = pick_emp(lambda e: self.team[e.hist[-1][1]][1] != c["unit"] and
                         all(x != e.idx for x, _, _ in c["staff"]),
                         roles=("front", "water", "wijk", "rech", "intake"))
            if not e:
                continue
            ss = [s for s in e.shifts if s[3] and c["opened"] + 1800 < s[1] and s[0] < c["opened"] + 2 * DAY]
            if not ss:
                used.discard(e.idx)
                continue
            s = rng.choice(ss)
            t = self.rand_time(max(s[0], c["opened"] + 1800) + 300, s[1] - 300)
            items = [(t, c["persons"][0], "query", "bvh", None)]
            if rng.random() < 0.7:
                items.append((t + rng.randint(5, 120), c["persons"][0], "view", "bvh", None))
            if rng.random() < 0.4 and len(c["persons"]) > 1:
                items.append((t + rng.randint(130, 600), c["persons"][1], "view", "bvh", None))
            incident("news_hype", e, items)
            done += 1
        # volume spike: collecting addresses over a shift or two
        for _ in range(count()):
            e = pick_emp(lambda e: len(e.shifts) > 8)
            if not e:
                continue
            ss = [s for s in e.shifts if s[3] and s[0] >= self.t0 and s[1] < self.t0 + self.days * DAY]
            ss = sorted(ss[len(ss) // 2:][:2])
            items = []
            for s in ss[:rng.choice([1, 2])]:
                for _ in range(rng.randint(25, 55)):
                    p = self.rand_person(rng.choice(["stad", "land", "haven", "wbn"]))
                    if free(p):
                        items.append((self.rand_time(s[0] + 600, s[1] - 300), p, "view",
                                      rng.choice(["bvh", "brp"]), None))
            incident("volume_spike", e, items)

    # ------------------------------------------------------------ run
    def build(self):
        t = time.time()
        self.make_persons()
        self.make_employees()
        self.surname_index = {}
        for i, s in enumerate(self.p_surname):
            self.surname_index.setdefault(s, []).append(i)
        self.rel_of = {}
        for a, b, k in self.relations:
            self.rel_of.setdefault(a, []).append(b)
        # test persons for functional administrators
        self.test_persons = [self.new_person("Testpersoon", 1970 + k, "out", "9999ZZ", str(k + 1))
                             for k in range(3)]
        for tp in self.test_persons:
            self.p_flags[tp] = "test"
        self.make_shifts()
        self.make_cases()
        self.staf_cases = {}
        for ci, ei, _, _, _ in self.case_staff:
            if self.team[self.emps[ei].hist[-1][1]][6] == "staf":
                self.staf_cases.setdefault(ei, []).append(ci)
        self.make_incidents()
        self._inc_t = {u: [self.cases[ci]["opened"] for ci in lst] for u, lst in self.incidents_by_unit.items()}
        self.make_news()
        self.make_colleague_victims()
        self.all_active_inv = [ci for ci, c in enumerate(self.cases) if c["kind"] == "investigation"
                               and (c["closed"] is None or c["closed"] > self.t0)]
        # team incidents become team cases for the basisteam's follow-up
        for ci, c in enumerate(self.cases):
            if c["kind"] == "incident" and c["team"] and c["opened"] > self.t0 and self.rng.random() < 0.15:
                self.team_invest.setdefault(c["team"], []).append(ci)
        self.make_staff_work()
        self.plant()
        print("built in %.1fs" % (time.time() - t), file=sys.stderr)

    # ------------------------------------------------------------ output
    def fmt_when(self, epoch, typ):
        if epoch is None:
            return ""
        if typ == "date":
            return date_local(epoch)
        return ts_local(epoch) if self.rng.random() < 0.8 else ts_z(epoch)

    def write(self, out):
        rng = self.rng
        os.makedirs(out, exist_ok=True)

        def w(name, header, rows, bom=False, crlf=False):
            with open(os.path.join(out, name), "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
                cw = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
                cw.writerow(header)
                cw.writerows(rows)

        w("units.csv", ["unit_id", "name", "fte"], UNITS)
        w("teams.csv", ["team_id", "unit_id", "kind", "name"], [(t[0], t[1], t[2], t[3]) for t in TEAMS])
        # HR export: BOM, CRLF, its own column order and extra columns, transfers as later rows
        rows = []
        for e in self.emps:
            for k, (d, tid) in enumerate(e.hist):
                unit = self.team[tid][1]
                if tid == "T-MK-ZW" and e.idx % 4 == 0:
                    unit = "wb_noord"  # dispatchers employed by the neighbouring force
                rank = e.rank if rng.random() > 0.01 else ""
                fn = self.team[tid][5]
                if fn == "financieel rechercheur" and e.idx % 2:
                    fn = "rechercheur, financieel"
                start = "2026-%02d-%02d" % time.gmtime(self.t0 + e.start_day * DAY + 12 * HOUR)[1:3] \
                    if e.start_day else "%d-%02d-01" % (rng.randint(1985, 2025), rng.randint(1, 12))
                rows.append((e.hr, e.eid, e.surname, rank, fn, unit, tid,
                             "" if e.pid is None else "P%07d" % e.pid, e.fte, start,
                             "mutatie" if k else ""))
        w("employees.csv", ["Personeelsnummer", "Employee_ID", " Surname ", "rank", "function", "unit_id",
                            "team_id", "person_id", "fte", "start_date", "mutatie"], rows, bom=True, crlf=True)
        # persons: the BRP-like export
        with open(os.path.join(out, "persons.csv"), "w", encoding="utf-8", newline="") as f:
            cw = csv.writer(f, lineterminator="\n")
            cw.writerow(["person_id", "surname", "birth_year", "postcode", "house_number", "flags"])
            for i in range(len(self.p_surname)):
                pc = self.p_pc[i]
                r = rng.random()
                if pc and r < 0.03:
                    pc = pc[:4] + " " + pc[4:].lower()
                elif pc and r < 0.05:
                    pc = pc[:4] + " " + pc[4:]
                fl = self.p_flags[i]
                if fl and rng.random() < 0.3:
                    fl = {"vip": "VIP", "shielded": " Shielded ", "deceased": "deceased;deceased",
                          "vip;shielded": "vip ; shielded"}.get(fl, fl)
                cw.writerow(("P%07d" % i, self.p_surname[i], self.p_birth[i], pc, self.p_hn[i], fl))
                if i == len(self.p_surname) // 2:
                    f.write("\n   \n")  # blank lines from a concatenated export
        rels = [("P%07d" % a, "P%07d" % b, k) for a, b, k in self.relations]
        rels += rng.sample(rels, len(rels) // 100)  # repeated rows
        w("relations.csv", ["person_id", "related_person_id", "kind"], rels)
        # cases: column order of the case system, with a free-text title that may hold quotes and line breaks
        rows = []
        for c in self.cases:
            sens = ("true" if c["sensitive"] else rng.choice(["false", "false", "false", "nee", "0", ""])) \
                if c["kind"] == "investigation" else rng.choice(["false", "false", ""])
            if c["sensitive"] and rng.random() < 0.2:
                sens = rng.choice(["TRUE", "ja", "1"])
            opened = self.fmt_when(c["opened"], c["otype"])
            closed = self.fmt_when(c["closed"], c["ctype"])
            rows.append((c["id"], c["kind"] if rng.random() > 0.02 else c["kind"].capitalize(), c["title"],
                         c["unit"], c["team"] or "", opened, closed, sens))
        w("cases.csv", ["case_id", "kind", "title", "unit_id", "team_id", "opened", "closed", "sensitive"], rows)
        cp = [(self.cases[ci]["id"], "P%07d" % p, role) for ci, p, role in self.case_persons]
        w("case_persons.csv", ["case_id", "person_id", "role"], cp)
        cs = []
        for ci, ei, frm, to, fmt in self.case_staff:
            cs.append((self.cases[ci]["id"], self.emps[ei].eid,
                       "" if frm is None else (date_local(frm) if fmt == "date" else ts_z(frm)),
                       "" if to is None else (date_local(to) if fmt == "date" else ts_z(to))))
        w("case_staff.csv", ["case_id", "employee_id", "from", "to"], cs)
        # roster: local time with offsets; one district's roster tool writes UTC with a space
        rows = []
        for e in self.emps:
            for st, en, tid, rec in e.shifts:
                if not rec:
                    continue
                if self.team[tid][1] == "dz_land":
                    rows.append((e.eid, ts_z(st).replace("T", " "), ts_z(en).replace("T", " ")))
                else:
                    rows.append((e.eid, ts_local(st), ts_local(en)))
        rng.shuffle(rows)
        w("shifts.csv", ["employee_id", "start", "end"], rows)
        self.write_events(out)

    def write_events(self, out):
        rng = self.rng
        end = self.t0 + self.days * DAY
        evs = [x for x in self.events if self.t0 <= x[0] < end]
        evs.sort(key=lambda x: (x[0], x[1]))
        ids = ["e-%07d" % (i + 1) for i in range(len(evs))]
        truth = []
        scen_of = {iid: scn for iid, scn, _ in self.truth}
        for i, x in enumerate(evs):
            if x[7] is not None:
                truth.append((ids[i], x[7], scen_of[x[7]]))
        # delivery order: the mobile (meos) feed arrives up to three minutes late
        order = sorted(range(len(evs)), key=lambda i: evs[i][0] + (rng.randint(0, 180) if evs[i][3] == "meos" else 0))
        emp_ids = [e.eid for e in self.emps]
        with open(os.path.join(out, "events.jsonl"), "w", encoding="utf-8", newline="") as f:
            buf = []
            for i in order:
                t, ms, ei, system, action, pid, case, tag = evs[i]
                pidt = "P%07d" % pid if pid >= 0 else "RDW-KVK-%08d" % (-pid * 7919)
                if system == "meos":
                    caset = ',"case_id":%s' % json.dumps(case, ensure_ascii=False) if case else ',"case_id":""'
                    buf.append('{"ts":"%s","id":"%s","person_id":"%s","action":"%s","employee_id":"%s",'
                               '"system":"meos"%s,"device":"MEOS-%04d"}\n'
                               % (ts_local(t, ms), ids[i], pidt, action, emp_ids[ei], caset, (ei * 7) % 9973))
                else:
                    if case:
                        caset = ',"case_id":%s' % json.dumps(case, ensure_ascii=False)
                    elif system == "bvi":
                        caset = ',"case_id":null'
                    else:
                        caset = ""
                    buf.append('{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s",'
                               '"person_id":"%s"%s}\n' % (ids[i], ts_z(t), emp_ids[ei], system, action, pidt, caset))
                if len(buf) > 5000:
                    f.write("".join(buf))
                    buf = []
            f.write("".join(buf))
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
            cw = csv.writer(f, lineterminator="\n")
            cw.writerow(["event_id", "incident_id", "scenario"])
            cw.writerows(truth)
        # summary on stderr
        per = {}
        inc = {}
        for _, iid, scn in truth:
            per[scn] = per.get(scn, 0) + 1
            inc.setdefault(scn, set()).add(iid)
        print("events %d, improper %d (%.4f%%), persons %d, employees %d, cases %d, shifts %d"
              % (len(evs), len(truth), 100.0 * len(truth) / max(1, len(evs)), len(self.p_surname),
                 len(self.emps), len(self.cases), sum(len(e.shifts) for e in self.emps)), file=sys.stderr)
        for scn in sorted(per):
            print("  %-24s incidents %d events %d" % (scn, len(inc[scn]), per[scn]), file=sys.stderr)
        tot = sum(self.reason_count.values())
        print("legit look-up reasons (intended):", file=sys.stderr)
        for k, v in sorted(self.reason_count.items(), key=lambda kv: -kv[1]):
            print("  %-26s %8d %5.2f%%" % (k, v, 100.0 * v / tot), file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--employees", type=int, default=1500)
    ap.add_argument("--days", type=int, default=30)
    a = ap.parse_args()
    if a.days < 10 or a.employees < 200:
        ap.error("need at least 10 days and 200 employees")
    w = World(a.seed, a.employees, a.days)
    w.build()
    w.write(a.outdir)


if __name__ == "__main__":
    main()
