#!/usr/bin/env python3
"""Red-team synthetic world for lekradar: a big-city force exported from a data warehouse.

Written from the public spec only (SPEC.md sections 5 and 6, docs/formats.md).
Usage: python3 gen.py OUTDIR --seed N
Writes the nine context files, events.csv (CSV, CRLF), truth.csv and incidents.csv.
Standard library only. See README.md next to this file for the world model.
"""
import argparse
import csv
import os
import random
import sys
import time
from collections import defaultdict

DAYS = 60
TZ = 7200  # the whole period is Dutch summer time (UTC+02:00)
# Local midnight of Monday 13 July 2026, as UTC epoch seconds.
T0 = 1783900800 - TZ
HOLIDAY = range(0, 35)      # 13 Jul .. 16 Aug: summer holiday, staff on leave
PRIDE = range(19, 27)       # 1 .. 8 Aug: Pride week in the city centre
DISTRICTS = ["centrum", "noord", "west", "zuid", "oost"]
DPC = {  # postcode digit ranges per district (street segments of the city)
    "centrum": [(1011, 1018)],
    "noord": [(1020, 1035)],
    "west": [(1051, 1069)],
    "zuid": [(1071, 1083)],
    "oost": [(1086, 1099), (1101, 1109)],
}
OUTSIDE_PC = [(1300, 1364), (1440, 1448), (1501, 1509), (1181, 1187), (2011, 2036),
              (3511, 3585), (1111, 1115), (1381, 1384)]

DUTCH = [("de Jong", 80), ("Jansen", 75), ("de Vries", 70), ("van den Berg", 50), ("van Dijk", 50),
         ("Bakker", 48), ("Janssen", 45), ("Visser", 45), ("Smit", 42), ("Meijer", 40),
         ("de Boer", 38), ("Mulder", 36), ("de Groot", 35), ("Bos", 34), ("Vos", 32),
         ("Peters", 31), ("Hendriks", 30), ("van Leeuwen", 29), ("Dekker", 28), ("Brouwer", 27),
         ("de Wit", 26), ("Dijkstra", 25), ("Smits", 24), ("de Graaf", 23), ("van der Meer", 23),
         ("van der Linden", 22), ("Kok", 21), ("Jacobs", 20), ("de Haan", 20), ("Vermeulen", 19),
         ("van den Heuvel", 19), ("van der Veen", 18), ("van den Broek", 18), ("de Bruijn", 18),
         ("de Bruin", 17), ("van der Heijden", 17), ("Schouten", 17), ("van Beek", 16),
         ("Willems", 16), ("van Vliet", 15), ("van de Ven", 15), ("Hoekstra", 15), ("Maas", 15),
         ("Verhoeven", 14), ("Koster", 14), ("van Dam", 14), ("van der Wal", 14), ("Prins", 13),
         ("Blom", 13), ("Huisman", 13), ("Post", 12), ("Kuipers", 12), ("Veenstra", 12)]
MIGRANT = [("Yılmaz", 30), ("Öztürk", 22), ("Çelik", 22), ("Özdemir", 20), ("Şahin", 20),
           ("Kaya", 20), ("Demir", 18), ("Doğan", 15), ("Aydın", 15), ("Arslan", 14),
           ("El Amrani", 18), ("Bouzid", 14), ("Benali", 14), ("El Idrissi", 13), ("Ouali", 10),
           ("Ait Taleb", 9), ("Boukhari", 9), ("Ramdin", 10), ("Sewnath", 8), ("Ramsaran", 8),
           ("Kartosen", 6), ("Nguyễn", 8), ("Kowalski", 7), ("Wiśniewski", 6), ("Müller", 7),
           ("Ferreira", 7), ("García", 7), ("Mensah", 8), ("Asante", 6), ("Brüggemann", 3)]
TAIL_A = ["Hoog", "Ber", "Klaas", "Stroo", "Wes", "Zand", "Bos", "Ter", "Haver", "Mol", "Ruy",
          "Lam", "Vree", "Gerrit", "Hui", "Smeu", "Nie", "Oost", "Wijn", "Ekel", "Dorre", "Rits",
          "Kwak", "Pol", "Tiggel", "Bram", "Schol", "Vroeg", "Wissel", "Sporre"]
TAIL_B = ["steger", "kamp", "mans", "sma", "inga", "stra", "berg", "hof", "veld", "horst", "ink",
          "ema", "dijk", "broek", "werf", "link", "huis", "gaard", "enga", "ens", "boom", "laar"]
TR_A = ["Kızıl", "Çakır", "Güneş", "Öz", "Bay", "Kara", "Ak", "Yıldız", "Er", "Gök", "Şen", "Uğur"]
TR_B = ["kaya", "oğlu", "doğdu", "toprak", "dar", "taş", "soy", "men", "han", "çelik", "göz"]
FOLD = str.maketrans({"Ç": "C", "ç": "c", "Ö": "O", "ö": "o", "ı": "i", "İ": "I", "ş": "s",
                      "Ş": "S", "ğ": "g", "ü": "u", "Ü": "U", "é": "e", "ë": "e", "ï": "i",
                      "ễ": "e", "ś": "s", "ñ": "n", "í": "i", "á": "a"})
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def fold(s):
    return s.translate(FOLD)


class W:
    """The world under construction; one instance per run."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        # persons
        self.pid = []        # id text
        self.sur = []        # canonical surname
        self.by = []         # birth year
        self.addr = []       # address key (postcode, num, add) or None
        self.pcw = []        # written postcode
        self.hnw = []        # written house number
        self.flags = []
        self.district = []   # district of residence or None
        self.surname_w = []  # surname as written in persons.csv
        self.hh = []         # household index
        self.households = []
        self.relations = []  # (a, b, kind)
        self.rel_pairs = set()
        self.in_case = set()
        self.person_cases = defaultdict(list)
        # staff
        self.units, self.teams, self.emps = [], [], []
        self.shifts = defaultdict(list)   # emp index -> [(s, e)]
        self.cases = []       # dicts
        self.case_persons = []
        self.case_staff = []
        self.events = []      # (t, emp, system, action, person, case_id, kind, inc)
        self.incidents = []
        self.used_pids = set()

    # ---------- persons ----------
    def new_pid(self, foreign=False):
        r = self.r
        while True:
            if foreign:
                s = "SIS·%s·%06d" % (r.choice(["DE", "BE", "FR", "GB", "PL", "ES"]), r.randrange(10 ** 6))
            else:
                s = "P%07d" % r.randrange(10 ** 7)
            if s not in self.used_pids:
                self.used_pids.add(s)
                return s

    def surname(self):
        r = self.r
        x = r.random()
        if x < 0.45:
            return r.choices([n for n, _ in DUTCH], [w for _, w in DUTCH])[0]
        if x < 0.65:
            return r.choices([n for n, _ in MIGRANT], [w for _, w in MIGRANT])[0]
        if x < 0.85:
            return r.choice(TAIL_A) + r.choice(TAIL_B)
        if x < 0.92:
            return r.choice(TR_A) + r.choice(TR_B)
        # rare two-part names: uncommon enough to be a signal of kinship
        return r.choice(TAIL_A) + r.choice(TAIL_B) + "-" + r.choice(TAIL_A) + r.choice(TAIL_B)

    def write_surname(self, s, p_fold=0.08, p_cap=0.12):
        r = self.r
        if r.random() < p_fold:
            s = fold(s)
        if r.random() < p_cap and s[:1].islower():
            s = s[0].upper() + s[1:]
        return s

    def write_pc(self, pc):
        d, l = pc
        x = self.r.random()
        if x < 0.55:
            return "%d%s" % (d, l)
        if x < 0.8:
            return "%d %s" % (d, l)
        if x < 0.9:
            return "%d %s" % (d, l.lower())
        return "%d%s" % (d, l.lower())

    def write_hn(self, num, add, variant):
        if add is None:
            return str(num)
        if isinstance(add, int):
            return ["%d-%d" % (num, add), "%d-%s" % (num, ROMAN[add]), "%d %d" % (num, add)][variant % 3]
        if add == "hs":
            return ["%d-hs" % num, "%dhs" % num, "%d-H" % num, "%d huis" % num, "%d-HS" % num][variant % 5]
        return ["%d%s" % (num, add), "%d%s" % (num, add.lower()), "%d-%s" % (num, add),
                "%d %s" % (num, add), "%d-%s" % (num, add.lower())][variant % 5]

    def random_postcode(self, district=None):
        r = self.r
        if district is None:
            rngs = r.choice(OUTSIDE_PC)
        else:
            rngs = r.choice(DPC[district])
        d = r.randint(rngs[0], rngs[1])
        l = r.choice("ABCDEGHJKLMNPRSTVWXZ") + r.choice("ABCDEGHJKLMNPRSTVWXZ")
        return (d, l)

    def new_address(self, district=None, pc=None):
        r = self.r
        if pc is None:
            pc = self.random_postcode(district)
        num = r.randint(1, 240)
        x = r.random()
        add = None if x < 0.45 else (r.randint(1, 4) if x < 0.7 else ("hs" if x < 0.8 else r.choice("ABCD")))
        return (pc, num, add)

    def add_person(self, surname, by, addr, district, hh, flags="", foreign=False, variant=0):
        i = len(self.pid)
        self.pid.append(self.new_pid(foreign))
        self.sur.append(surname)
        self.surname_w.append(self.write_surname(surname))
        self.by.append(by)
        self.addr.append(addr)
        self.district.append(district)
        self.hh.append(hh)
        self.flags.append(flags)
        if addr is None:
            self.pcw.append("")
            self.hnw.append("")
        else:
            self.pcw.append(self.write_pc(addr[0]))
            self.hnw.append(self.write_hn(addr[1], addr[2], variant))
        return i

    def relate(self, a, b, kind, back, both=None):
        """Record a relation: kind says what b is to a. Some pairs are exported in both directions."""
        r = self.r
        if both is None:
            both = r.random() < 0.5
        self.relations.append((a, b, kind))
        if both:
            self.relations.append((b, a, back))
        self.rel_pairs.add((a, b))
        self.rel_pairs.add((b, a))

    def household(self, district, addr=None, p_rel=0.4, kind=None, base_sur=None):
        """A household at one address; members may write that address differently."""
        r = self.r
        if addr is None:
            addr = self.new_address(district)
        h = len(self.households)
        kind = kind or r.choices(["single", "couple", "family", "single_parent", "roommates", "elderly"],
                                 [30, 20, 28, 8, 8, 6])[0]
        v0 = r.randrange(5)
        members = []

        def var():
            return v0 if r.random() < 0.7 else r.randrange(5)
        rel = r.random() < p_rel
        sur = base_sur or self.surname()
        if kind == "single":
            members.append(self.add_person(sur, r.randint(1950, 2006), addr, district, h, variant=var()))
        elif kind in ("couple", "family", "elderly"):
            by = r.randint(1940, 1960) if kind == "elderly" else r.randint(1960, 1998)
            a = self.add_person(sur, by, addr, district, h, variant=var())
            s2 = self.surname() if r.random() < 0.8 else sur
            if r.random() < 0.1:
                s2 = sur + "-" + s2  # a partner who uses both names
            b = self.add_person(s2, by + r.randint(-5, 5), addr, district, h, variant=var())
            members += [a, b]
            if rel:
                self.relate(a, b, "partner", "partner")
            if kind == "family":
                for _ in range(r.randint(1, 3)):
                    c = self.add_person(sur, max(by + 22, min(2024, by + r.randint(22, 40))), addr, district, h,
                                        variant=var())
                    members.append(c)
                    if rel:
                        for p in (a, b):
                            if r.random() < 0.5:
                                self.relate(p, c, "child", "parent")
                            else:
                                self.relate(c, p, "parent", "child")
        elif kind == "single_parent":
            by = r.randint(1965, 1995)
            a = self.add_person(sur, by, addr, district, h, variant=var())
            members.append(a)
            for _ in range(r.randint(1, 2)):
                c = self.add_person(sur, by + r.randint(20, 35), addr, district, h, variant=var())
                members.append(c)
                if rel:
                    self.relate(a, c, "child", "parent")
        else:  # roommates: not family; a household relation for some
            for _ in range(r.randint(2, 4)):
                members.append(self.add_person(self.surname(), r.randint(1985, 2005), addr, district, h,
                                               variant=var()))
            if rel:
                for x in members[1:]:
                    self.relate(members[0], x, "household", "household")
        self.households.append((addr, members))
        return h


def fmt_local(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(t) + TZ)) + "+02:00"


def fmt_z(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(t)))


def fmt_date(t):
    return time.strftime("%Y-%m-%d", time.gmtime(int(t) + TZ))


def build(seed, n_persons=250000):
    w = W(seed)
    r = w.r

    # ---------- organisation ----------
    units = [("ams-d1-centrum", "District Centrum"), ("ams-d2-noord", "District Noord"),
             ("ams-d3-west", "District West / Nieuw-West"), ("ams-d4-zuid", "District Zuid"),
             ("ams-d5-oost", "District Oost / Zuidoost"), ("ams-meldkamer", "Meldkamer Noord-Holland, Amsterdam"),
             ("ams-rtic", "Real Time Intelligence Centre"), ("ams-drr", "Dienst Regionale Recherche"),
             ("ams-dros", "Dienst Regionale Operationele Samenwerking (intake, service)"),
             ("ams-staf", "Staf Eenheid")]
    dunit = {d: units[i][0] for i, d in enumerate(DISTRICTS)}
    teams = []  # (team_id, unit_id, kind, name, role_default, district)
    for d in DISTRICTS:
        ab = d[:3].upper()
        for k in range(1, 4):
            teams.append(("T-%s-BT%d" % (ab, k), dunit[d], "basisteam", "Basisteam %s %d" % (d.title(), k), "BT", d))
        if d in ("west", "oost"):
            teams.append(("T-%s-WIJK" % ab, dunit[d], "wijkteam", "Wijkteam %s" % d.title(), "WA", d))
        teams.append(("T-%s-REC" % ab, dunit[d], "recherche", "Districtsrecherche %s" % d.title(), "DET", d))
    for k in "ABCD":
        teams.append(("T-MK-%s" % k, "ams-meldkamer", "meldkamer", "Meldkamer ploeg %s" % k, "MK", None))
    for k in (1, 2):
        teams.append(("T-RTIC-%d" % k, "ams-rtic", "informatie_analyse", "RTIC ploeg %d" % k, "RTIC", None))
    drr = [("T-DRR-TGO1", "recherche", "TGO Ondermijning 1", "DET"), ("T-DRR-TGO2", "recherche", "TGO Ondermijning 2", "DET"),
           ("T-DRR-ZEDEN", "recherche", "Zeden", "DET"), ("T-DRR-FRAUDE", "recherche", "Fraude & Cyber", "DET"),
           ("T-DRR-LEVENSDELICT", "recherche", "Levensdelicten", "DET"),
           ("T-DRR-OBT", "specialistisch", "Observatieteam", "SPEC"),
           ("T-DRR-CIE", "specialistisch", "Criminele Inlichtingen", "SPEC"),
           ("T-DRR-RIO", "informatie_analyse", "Regionale Informatieorganisatie, analyse", "ANA")]
    for tid, kind, name, role in drr:
        teams.append((tid, "ams-drr", kind, name, role, None))
    for k in (1, 2, 3):
        teams.append(("T-INT-%d" % k, "ams-dros", "intake_service", "Intake & Service %d" % k, "INT", None))
    teams.append(("T-STAF-BED", "ams-staf", "staf", "Bedrijfsvoering", "STAF", None))
    teams.append(("T-STAF-FB", "ams-staf", "ondersteuning", "Functioneel beheer", "STAF", None))
    team_by_id = {t[0]: t for t in teams}
    w.units, w.teams, w.dunit, w.team_by_id = units, teams, dunit, team_by_id

    size = {"BT": 104, "WA": 40, "DET": 28, "MK": 50, "RTIC": 30, "SPEC": 24, "ANA": 60, "INT": 50, "STAF": 55}
    big_drr = {"T-DRR-TGO1": 45, "T-DRR-TGO2": 40, "T-DRR-ZEDEN": 30, "T-DRR-FRAUDE": 30, "T-DRR-LEVENSDELICT": 35}

    # ---------- persons: general population ----------
    target_general = n_persons - 2500 * 7
    # frequent flyers: a small share of people is in many incidents
    while len(w.pid) < target_general * 0.93:
        d = r.choices(DISTRICTS, [14, 15, 26, 20, 25])[0]
        w.household(d)
    while len(w.pid) < target_general:
        # people from outside the city and foreign visitors (tourists, Pride guests)
        if r.random() < 0.35:
            i = w.add_person(r.choice(["Müller", "Smith", "Dubois", "Nowak", "García", "Rossi", "Schmidt",
                                       "Kowalczyk", "O'Brien", "Lefèvre", "Sørensen", "Nuñez"]),
                             r.randint(1960, 2006), None, None, -1, foreign=True)
        else:
            w.household(None)
    # duplicate records: one person known under two ids (two source systems merged in the warehouse)
    dup_of = {}
    for _ in range(1500):
        a = r.randrange(len(w.pid))
        if w.addr[a] is None:
            continue
        j = w.add_person(w.sur[a], w.by[a], w.addr[a], w.district[a], w.hh[a], variant=r.randrange(5))
        dup_of[j] = a
    resident = defaultdict(list)
    for i, d in enumerate(w.district):
        if d:
            resident[d].append(i)
    frequent = {d: r.sample(v, len(v) // 25) for d, v in resident.items()}
    visitors = [i for i, d in enumerate(w.district) if d is None]

    # ---------- employees ----------
    emps = []  # dict: id, person, surname, history [(from_day, team_id, role, rank, function)]
    used_eids = set()

    def new_eid(ext=False):
        while True:
            s = ("EXT·%03d" % r.randrange(1000)) if ext else ("E%05d" % r.randrange(10000, 99999))
            if s not in used_eids:
                used_eids.add(s)
                return s

    def rank_for(role):
        if role in ("BT", "WA"):
            return r.choices(["aspirant", "surveillant", "agent", "hoofdagent", "brigadier", "inspecteur"],
                             [7, 5, 24, 44, 17, 3])[0]
        if role in ("DET", "SPEC"):
            return r.choices(["agent", "hoofdagent", "brigadier", "inspecteur", "burger"], [5, 35, 35, 15, 10])[0]
        if role in ("MK", "INT", "ANA", "RTIC"):
            return r.choices(["burger", "agent", "hoofdagent", "brigadier"], [50, 15, 25, 10])[0]
        return r.choices(["burger", "inspecteur", "hoofdinspecteur", "commissaris", "extern"], [60, 15, 12, 5, 8])[0]

    def func_for(role):
        return {"BT": r.choice(["noodhulp", "Noodhulp", "medewerker noodhulp", "GGP noodhulp"]),
                "WA": r.choice(["wijkagent", "Wijkagent", "wijkagent (GGP)"]),
                "DET": r.choice(["rechercheur", "tactisch rechercheur", "Rechercheur", "digitaal rechercheur"]),
                "SPEC": r.choice(["observant", "CIE-runner", "specialist"]),
                "MK": r.choice(["meldkamer", "centralist meldkamer", "calamiteitencoördinator"]),
                "RTIC": r.choice(["RTIC-medewerker", "operationeel analist RTIC"]),
                "ANA": r.choice(["analist", "Analist", "strategisch analist", "tactisch analist"]),
                "INT": r.choice(["intake", "intake & service", "baliemedewerker"]),
                "STAF": r.choice(["adviseur", "functioneel beheerder", "HRM", "communicatie"])}[role]

    for t in teams:
        tid, role = t[0], t[4]
        n = big_drr.get(tid, size[role])
        for _ in range(n):
            erole = role
            if role == "BT":
                x = r.random()
                erole = "BT" if x < 0.74 else ("WA" if x < 0.88 else ("OA" if x < 0.95 else "LEAD"))
            rk = rank_for("BT" if erole in ("OA", "LEAD") else erole)
            if erole == "OA":
                rk = "burger"
            if erole == "LEAD":
                rk = r.choice(["brigadier", "inspecteur"])
            fn = {"OA": "operationeel assistent", "LEAD": "teamleider"}.get(erole) or func_for(erole)
            ext = rk == "extern"
            emps.append({"id": new_eid(ext), "hist": [(0, tid, erole, rk, fn)], "district": t[5]})
    # transfers during the period (the HR export writes the move as a later row)
    movers = r.sample(range(len(emps)), 75)
    for k, ei in enumerate(movers):
        e = emps[ei]
        day = r.randint(12, 45)
        _, otid, orole, ork, ofn = e["hist"][0]
        if k % 3 == 0:  # within the district: other basisteam
            cands = [t for t in teams if t[1] == team_by_id[otid][1] and t[0] != otid and t[4] in ("BT", "WA", "DET")]
        else:
            cands = [t for t in teams if t[0] != otid and t[4] in ("BT", "DET", "INT", "MK", "ANA", "WA")]
        if not cands:
            continue
        nt = r.choice(cands)
        nrole = nt[4]
        if nrole == "BT":
            nrole = "BT" if orole not in ("WA",) else "WA"
        nrk = ork
        if ork == "burger" and nrole in ("BT", "WA", "DET"):
            nrk = "agent"  # a civilian who becomes an officer (after police training)
        if ork == "agent" and r.random() < 0.4:
            nrk = "hoofdagent"
        e["hist"].append((day, nt[0], nrole, nrk, func_for(nrole) if nrole in ("BT", "WA", "DET", "MK", "ANA", "INT") else ofn))
        e["district"] = nt[5] or e["district"]
        e["moved"] = day
    w.emps = emps

    # employees' own person records, families, ex-partners
    for e in emps:
        d_home = r.choice(DISTRICTS) if r.random() < 0.45 else None
        sur = w.surname()
        kind = r.choices(["single", "couple", "family", "single_parent", "roommates"], [25, 25, 38, 7, 5])[0]
        h = w.household(d_home, kind=kind, base_sur=sur, p_rel=0.55)
        members = w.households[h][1]
        me = members[0] if kind != "roommates" else members[0]
        e["person"] = me
        e["hh"] = h
        e["fam"] = {"partner": [], "child": [], "parent": [], "sibling": [], "ex_partner": [], "housemate": []}
        for m in members[1:]:
            if kind in ("couple", "family") and m == members[1]:
                e["fam"]["partner"].append(m)
            elif kind == "roommates":
                e["fam"]["housemate"].append(m)
            else:
                e["fam"]["child"].append(m)
        # parents live elsewhere (often still in the city)
        if r.random() < 0.75:
            ph = w.household(r.choice(DISTRICTS + [None]), kind="elderly", base_sur=w.sur[me], p_rel=0.3)
            pa = w.households[ph][1]
            e["fam"]["parent"] += pa
            if r.random() < 0.5:
                for p in pa:
                    if r.random() < 0.6:
                        w.relate(me, p, "parent", "child")
        if r.random() < 0.5:
            sh = w.household(r.choice(DISTRICTS + [None]), kind=r.choice(["single", "couple", "family"]),
                             base_sur=w.sur[me], p_rel=0.3)
            sb = w.households[sh][1][0]
            e["fam"]["sibling"].append(sb)
            if r.random() < 0.45:
                w.relate(me, sb, "sibling", "sibling")
        if r.random() < 0.18:
            xh = w.household(r.choice(DISTRICTS + [None]), kind=r.choice(["single", "single_parent", "couple"]))
            ex = w.households[xh][1][0]
            e["fam"]["ex_partner"].append(ex)
            if r.random() < 0.5:
                w.relate(me, ex, "ex_partner", "ex_partner")
        # the HR system writes ASCII and its own capitalisation
        e["surname_hr"] = w.write_surname(w.sur[me], p_fold=0.6, p_cap=0.35)
        if r.random() < 0.04:
            e["person_hr"] = ""  # no link to the own record known
        else:
            e["person_hr"] = w.pid[me]
    person_emp = {e["person"]: ei for ei, e in enumerate(emps)}
    # flags
    allp = len(w.pid)
    vips = r.sample(range(target_general), 320)
    for i in vips:
        w.flags[i] = "vip"
    shield = r.sample(range(target_general), 160)
    for i in shield:
        w.flags[i] = "shielded" if not w.flags[i] else w.flags[i] + ";shielded"
    for i in r.sample(range(target_general), 1200):
        if not w.flags[i]:
            w.flags[i] = r.choice(["deceased", "Deceased", "overleden;deceased"])
    for i in r.sample(range(target_general), 900):
        if not w.flags[i]:
            w.flags[i] = r.choice(["gevaarlijk", "vuurwapen", "VOG"])  # source-system flags lekradar ignores
    w.vips, w.shield = vips, set(shield)
    w.dup_of = dup_of
    w.person_emp = person_emp
    w.resident, w.frequent, w.visitors = resident, frequent, visitors
    return w


def team_at(e, day):
    cur = e["hist"][0]
    for h in e["hist"]:
        if h[0] <= day:
            cur = h
    return cur


def make_shifts(w):
    """Rosters. Shifts are worked shifts with their real start and end (jitter, overtime)."""
    r = w.r
    on_shift = defaultdict(list)  # (pool, day) -> [(s, e, emp)]
    for ei, e in enumerate(w.emps):
        leave = set()
        if r.random() < 0.62:
            s = r.randint(0, 26)
            ln = r.randint(10, 21)
            leave = set(range(s, s + ln))
            if e["district"] == "centrum" or team_at(e, 20)[2] == "MK":
                leave -= set(PRIDE)  # leave is blocked for Pride
        phase = r.randrange(10)
        for day in range(-1, DAYS):
            _, tid, role, _, _ = team_at(e, max(day, 0))
            if day in leave:
                continue
            ds = T0 + day * 86400
            wd = (day) % 7  # 0 = Monday
            st = None
            if role in ("BT", "RTIC"):
                cyc = ["E", "E", "L", "L", "N", "N", None, None, None, None][(day + phase) % 10]
                if cyc is None and day in PRIDE and r.random() < 0.5:
                    cyc = "L"  # extra Pride shifts
                st = {"E": (7, 8), "L": (15, 8), "N": (23, 8)}.get(cyc)
            elif role == "MK":
                cyc = ["D", "D", "N", "N", None, None, None, None][(day + phase) % 8]
                st = {"D": (7, 12), "N": (19, 12)}.get(cyc)
            elif role in ("WA", "OA", "LEAD"):
                if wd < 5 and r.random() < 0.85:
                    st = (r.choice([8, 8, 9, 13]), 8.5)
                elif wd >= 5 and r.random() < 0.15:
                    st = (10, 8)
            elif role in ("DET", "ANA", "SPEC", "STAF"):
                if wd < 5 and r.random() < 0.88:
                    st = (r.choice([8, 8.5, 9]), 8.5)
                elif role in ("DET", "SPEC") and r.random() < 0.08:
                    st = (r.choice([10, 18]), 8)
            elif role == "INT":
                if r.random() < (0.72 if wd < 5 else 0.3):
                    st = (r.choice([8, 8, 14]), 8)
            if st is None:
                continue
            s = ds + st[0] * 3600 + r.randint(-900, 600)
            en = ds + (st[0] + st[1]) * 3600 + r.randint(-300, 2400)
            if role in ("BT",) and r.random() < 0.1:
                en += r.randint(1800, 7200)  # overtime after an arrest
            if en < T0:
                continue
            w.shifts[ei].append((s, en))
            pool = role
            if role in ("BT", "WA", "OA", "LEAD"):
                pool = role + ":" + (w.team_by_id[tid][5] or "")
            on_shift[(pool, int((s - T0) // 86400))].append((s, en, ei))
    w.on_shift = on_shift


def who_on(w, pool, t, k=1, exclude=()):
    day = int((t - T0) // 86400)
    c = [x[2] for dd in (day - 1, day) for x in w.on_shift.get((pool, dd), ()) if x[0] <= t < x[1] and x[2] not in exclude]
    if not c:
        return []
    return w.r.sample(c, min(k, len(c)))


SYS_P = {"bvh": 60, "blueview": 15, "summit": 6, "brp": 10, "rdw": 4, "meos": 5}


def ev(w, t, emp, person, action=None, system=None, case=None, kind="legit", inc=""):
    r = w.r
    if system is None:
        system = r.choices(list(SYS_P), list(SYS_P.values()))[0]
    if action is None:
        action = "view" if r.random() < 0.55 else "query"
    w.events.append((t, emp, system, action, person, case or "", kind, inc))


def lookups(w, t, emp, persons, case, p_case=0.35, spread=600, kind="legit", system=None):
    """A look-up session: query then view of each person, sometimes with the case number."""
    r = w.r
    give = r.random() < p_case
    for p in persons:
        t1 = t + r.uniform(0, spread)
        sysn = system or r.choices(list(SYS_P), list(SYS_P.values()))[0]
        ev(w, t1, emp, p, "query", sysn, case if give else "", kind)
        if r.random() < 0.7:
            ev(w, t1 + r.uniform(3, 120), emp, p, "view", sysn, case if give else "", kind)
        if r.random() < 0.008:
            ev(w, t1 + r.uniform(60, 300), emp, p, r.choice(["print", "export"]), sysn, case if give else "", kind)


def add_case(w, cid, kind, unit, team, opened, closed, sensitive, persons):
    w.cases.append((cid, kind, unit, team, opened, closed, sensitive))
    for p, role in persons:
        w.case_persons.append((cid, p, role))
        w.in_case.add(p)
        w.person_cases[p].append(cid)


def make_cases_and_work(w):
    r = w.r
    cnum = [0]

    def cid(prefix):
        cnum[0] += 1
        return "%s-2026-%06d" % (prefix, r.randrange(10 ** 6) * 0 + cnum[0] * 7 + r.randrange(7))

    inc_by_district = defaultdict(list)  # d -> [(t, cid, persons)]
    dsel = lambda d: (r.choice(w.frequent[d]) if r.random() < 0.55 else r.choice(w.resident[d]))
    stats = defaultdict(int)
    w.stats = stats
    emp_persons = list(w.person_emp)
    # ---------- incidents ----------
    hour_w = [5, 4, 3, 2, 2, 2, 3, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 6]
    rate = {"centrum": 150, "noord": 70, "west": 120, "zuid": 90, "oost": 110}
    roles = ["melder", "aangever", "slachtoffer", "verdachte", "getuige", "betrokkene", "Verdachte", "bestuurder"]
    for d in DISTRICTS:
        for day in range(DAYS):
            wd = day % 7
            n = rate[d] * (1.2 if wd >= 4 else 1.0)
            if day in PRIDE and d == "centrum":
                n *= 2.2
            if day in HOLIDAY:
                n *= 0.92
            n = int(r.gauss(n, n ** 0.5))
            for _ in range(n):
                h = r.choices(range(24), hour_w)[0]
                t = T0 + day * 86400 + h * 3600 + r.uniform(0, 3600)
                k = r.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
                ps = []
                for _ in range(k):
                    x = r.random()
                    if d == "centrum" and x < (0.35 if day in PRIDE else 0.2):
                        ps.append(r.choice(w.visitors))
                    elif x < 0.93:
                        ps.append(dsel(d))
                    else:
                        ps.append(r.randrange(len(w.pid)))
                if r.random() < (0.01 if d == "centrum" else 0.003):
                    ps.append(r.choice(w.vips))
                if r.random() < 0.002:
                    ps.append(r.choice(list(w.shield)))
                if r.random() < 0.002:
                    ps.append(r.choice(emp_persons))  # a colleague as victim or witness
                    stats["incident_with_colleague"] += 1
                ps = list(dict.fromkeys(ps))
                c = cid("I")
                team = r.choice([t_[0] for t_ in w.teams if t_[5] == d and t_[2] == "basisteam"])
                closed = ""
                x = r.random()
                if x < 0.6:
                    closed = fmt_local(t + r.uniform(1800, 6 * 3600))
                elif x < 0.9:
                    closed = fmt_date(t + r.uniform(0, 3 * 86400))
                add_case(w, c, "incident", w.dunit[d], team, fmt_local(t) if r.random() < 0.7 else fmt_z(t),
                         closed, r.choice(["false", "0", "N", "nee", ""]),
                         [(p, r.choice(roles)) for p in ps])
                inc_by_district[d].append((t, c, ps))
                # control room: looks up the caller and the address as the call comes in
                if r.random() < 0.75:
                    mk = who_on(w, "MK", t)
                    if mk:
                        lookups(w, t - r.uniform(0, 240), mk[0], ps[:r.randint(1, len(ps))], c, p_case=0.2, spread=300)
                # responders: noodhulp of the district; in Pride week others are deployed to the centre
                pool = "BT:" + d
                if d == "centrum" and day in PRIDE and r.random() < 0.45:
                    pool = "BT:" + r.choice(DISTRICTS[1:])
                    stats["pride_deployed_incidents"] += 1
                resp = who_on(w, pool, t, k=r.choice([1, 2, 2]))
                for e in resp:
                    on_staff = r.random() < (0.6 if pool != "BT:" + d else 0.5)
                    if on_staff:
                        w.case_staff.append((c, w.emps[e]["id"], fmt_local(t) if r.random() < 0.5 else fmt_date(t), ""))
                    elif pool != "BT:" + d:
                        stats["pride_deployed_unrecorded_lookups"] += len(ps)
                    lookups(w, t + r.uniform(120, 2400), e, ps, c, p_case=0.4, spread=900)
                # RTIC: priority calls; the whole address is checked, co-residents included
                if r.random() < 0.07:
                    rt = who_on(w, "RTIC", t)
                    if rt:
                        extra = []
                        for p in ps[:2]:
                            if w.hh[p] >= 0:
                                extra += [m for m in w.households[w.hh[p]][1] if m not in ps]
                        extra = extra[:3]
                        stats["rtic_coresident_lookups"] += len(extra)
                        lookups(w, t + r.uniform(0, 600), rt[0], ps, c, p_case=0.5, spread=600)
                        for p in extra:
                            ev(w, t + r.uniform(300, 1200), rt[0], p, "query", "bvi", "", "legit_rtic_coresident")
                # neighbourhood officer follows up some incidents in the next days
                if r.random() < 0.06:
                    t2 = t + r.uniform(86400, 5 * 86400)
                    wa = who_on(w, "WA:" + d, t2) or who_on(w, "BT:" + d, t2)
                    if wa:
                        if r.random() < 0.5:
                            w.case_staff.append((c, w.emps[wa[0]]["id"], fmt_date(t2), fmt_date(t2 + 86400 * 7)))
                            lookups(w, t2, wa[0], ps, c, p_case=0.3)
                        else:
                            lookups(w, t2, wa[0], ps, c, p_case=0.75)
                            stats["followup_maybe_unexplained"] += 1
    w.inc_by_district = inc_by_district
    # ---------- shift work: street checks, desk intake, analysts, detectives ----------
    dteam_cases = defaultdict(list)
    # investigations
    inv_teams = [t for t in w.teams if t[2] in ("recherche", "specialistisch", "informatie_analyse") and t[1] != "ams-rtic"]
    team_members = defaultdict(list)
    for ei, e in enumerate(w.emps):
        for h in e["hist"]:
            team_members[h[1]].append(ei)
    w.team_members = team_members
    sensitive_cases = []
    for t_ in inv_teams:
        tid = t_[0]
        n = {"recherche": 30, "specialistisch": 10, "informatie_analyse": 6}[t_[2]]
        if tid.startswith("T-DRR-TGO"):
            n = 18
        for _ in range(n):
            opened_day = r.randint(-400, 50)
            closed_day = None
            if r.random() < 0.3:
                closed_day = r.randint(max(opened_day, 0) + 3, 80)
                if closed_day >= DAYS:
                    closed_day = None
            reopen = None
            if opened_day < 0 and r.random() < 0.12:
                # closed before or during the period and reopened: exported once, in its latest state
                first_close = r.randint(min(max(opened_day + 30, -60), 20), 20)
                reopen = r.randint(max(first_close + 5, 1), 50)
                if closed_day is not None and closed_day <= reopen:
                    closed_day = None
                stats["reopened_investigations"] += 1
            sens = (r.random() < (0.45 if "TGO" in tid or t_[2] == "specialistisch" else 0.08))
            k = r.randint(3, 14)
            ps = []
            for _ in range(k):
                d = r.choice(DISTRICTS)
                ps.append(r.choice(w.frequent[d]) if r.random() < 0.5 else r.randrange(len(w.pid)))
            ps = list(dict.fromkeys(ps))
            pr = [(p, r.choice(["verdachte", "verdachte", "getuige", "slachtoffer", "betrokkene", "informant",
                                "Verdachte", "bekende van verdachte"])) for p in ps]
            c = "ON-%s-%05d" % (tid[2:], r.randrange(10 ** 5))
            sensv = r.choice(["true", "1", "ja", "J", "TRUE"]) if sens else r.choice(["false", "0", "nee", "N", ""])
            opened = fmt_date(T0 + opened_day * 86400)
            closed = fmt_date(T0 + closed_day * 86400) if closed_day is not None else ""
            add_case(w, c, "investigation", t_[1], tid, opened, closed, sensv, pr)
            members = [m for m in team_members[tid]]
            staff = r.sample(members, min(len(members), r.randint(2, 7)))
            for m in staff:
                if reopen is not None:
                    w.case_staff.append((c, w.emps[m]["id"], opened, fmt_date(T0 + first_close * 86400)))
                    w.case_staff.append((c, w.emps[m]["id"], fmt_date(T0 + reopen * 86400), closed))
                else:
                    w.case_staff.append((c, w.emps[m]["id"], opened if r.random() < 0.7 else "", closed))
            # an analyst of RIO on some cases
            if r.random() < 0.3:
                a = r.choice(team_members["T-DRR-RIO"])
                staff.append(a)
                w.case_staff.append((c, w.emps[a]["id"], opened, closed))
            info = {"cid": c, "team": tid, "persons": ps, "staff": staff, "open": max(opened_day, 0),
                    "close": closed_day if closed_day is not None else DAYS, "reopen": reopen,
                    "gap": (first_close, reopen) if reopen is not None else None, "sensitive": sens}
            dteam_cases[tid].append(info)
            if sens and closed_day is None:
                sensitive_cases.append(info)
    w.sensitive_cases = sensitive_cases
    w.dteam_cases = dteam_cases
    # shift work per employee
    all_recent = []
    for d in DISTRICTS:
        all_recent += inc_by_district[d]
    all_recent.sort()
    rec_times = [x[0] for x in all_recent]
    import bisect
    for ei, e in enumerate(w.emps):
        for (s, en) in w.shifts[ei]:
            day = int((s - T0) // 86400)
            if day < 0 or day >= DAYS:
                continue
            _, tid, role, _, _ = team_at(e, day)
            t_ = w.team_by_id[tid]
            d = t_[5]
            if role in ("BT", "WA"):
                for _ in range(r.choice([0, 1, 1, 2, 3]) if role == "BT" else r.choice([0, 1, 2])):
                    t = r.uniform(s, en - 1200)
                    p = (r.choice(w.frequent[d]) if r.random() < 0.4 else r.choice(w.resident[d])) if r.random() < 0.8 else r.randrange(len(w.pid))
                    sysn = "rdw" if r.random() < 0.25 else "meos"
                    ev(w, t, ei, p, "query", sysn, "", "legit")
                    if r.random() < 0.6:
                        ev(w, t + r.uniform(5, 90), ei, p, "view", "bvh", "", "legit")
                    if r.random() < 0.9:
                        c = cid("I")
                        to = t + r.uniform(120, 1800)
                        add_case(w, c, "incident", t_[1], tid, fmt_local(to), fmt_local(to + 60), "",
                                 [(p, r.choice(["gecontroleerde", "bestuurder", "betrokkene", "staandehouding"]))])
                        if r.random() < 0.5:
                            w.case_staff.append((c, e["id"], fmt_date(to), fmt_date(to)))
                        stats["street_checks"] += 1
                    else:
                        stats["street_checks_unregistered"] += 1
                        w.events[-1] = w.events[-1][:6] + ("legit_unregistered_check", "")
                if role == "WA":
                    # known faces of the neighbourhood: earlier incidents of the district
                    lo = bisect.bisect_left(rec_times, s - 3 * 86400)
                    hi = bisect.bisect_left(rec_times, s)
                    for _ in range(r.randint(0, 4)):
                        if hi > lo:
                            x = all_recent[r.randrange(lo, hi)]
                            if x[1] and x[2] and w.district[x[2][0]] == d:
                                lookups(w, r.uniform(s, en - 600), ei, x[2][:2], x[1], p_case=0.6, spread=300)
                else:
                    # briefing at the start of the shift: persons of the last hours' incidents
                    lo = bisect.bisect_left(rec_times, s - 8 * 3600)
                    hi = bisect.bisect_left(rec_times, s)
                    if hi > lo and r.random() < 0.5:
                        cand = [x for x in all_recent[lo:hi] if x[1].startswith("I-")][:200]
                        cand = [x for x in cand if w.district[x[2][0]] == d]
                        for x in r.sample(cand, min(len(cand), r.randint(1, 3))):
                            lookups(w, s + r.uniform(0, 1800), ei, x[2][:1], x[1], p_case=0.2, spread=60)
            elif role in ("INT", "OA"):
                unit = "ams-dros" if role == "INT" else t_[1]
                for _ in range(r.randint(3, 9) if role == "INT" else r.randint(0, 3)):
                    t = r.uniform(s, en - 1800)
                    home = r.choice(DISTRICTS)
                    ps = [r.choice(w.resident[home])]
                    if r.random() < 0.5:
                        ps.append(r.choice(w.frequent[home]) if r.random() < 0.5 else r.randrange(len(w.pid)))
                    if r.random() < 0.002:
                        ps.append(r.choice(emp_persons))
                    c = cid("A")
                    add_case(w, c, "intake", unit, tid, fmt_local(t + r.uniform(300, 1800)),
                             fmt_date(t + r.uniform(0, 20 * 86400)) if r.random() < 0.4 else "", "",
                             [(p, r.choice(["aangever", "verdachte", "slachtoffer", "getuige", "Aangever"])) for p in ps])
                    if r.random() < 0.8:
                        w.case_staff.append((c, e["id"], fmt_local(t), ""))
                    lookups(w, t, ei, ps, c, p_case=0.15, spread=900)
            elif role == "ANA" or role == "RTIC":
                # crime-pattern analysis over recent incidents of all districts
                lo = bisect.bisect_left(rec_times, s - 7 * 86400)
                hi = bisect.bisect_left(rec_times, s)
                if hi > lo:
                    for _ in range(r.randint(5, 35) if role == "ANA" else r.randint(2, 12)):
                        x = all_recent[r.randrange(lo, hi)]
                        lookups(w, r.uniform(s, en - 300), ei, x[2][:1], x[1], p_case=0.1, spread=30)
            if role in ("DET", "SPEC", "ANA"):
                mine = [c for c in w.dteam_cases.get(tid, []) if c["open"] <= day < c["close"]
                        and not (c["gap"] and c["gap"][0] <= day < c["gap"][1])]
                assigned = [c for c in mine if ei in c["staff"]]
                if role == "ANA":
                    assigned = [c for tl in w.dteam_cases.values() for c in tl if ei in c["staff"]
                                and c["open"] <= day < c["close"]]
                for _ in range(r.randint(1, 3)):
                    pick = assigned if (assigned and (r.random() < 0.75 or not mine)) else mine
                    if not pick:
                        break
                    c = r.choice(pick)
                    ps = r.sample(c["persons"], min(len(c["persons"]), r.randint(1, 5)))
                    lookups(w, r.uniform(s, en - 600), ei, ps, c["cid"], p_case=0.3, spread=1800)
                    # network of a suspect: relatives at the same address, not on the case
                    if r.random() < 0.06:
                        p0 = c["persons"][0]
                        if w.hh[p0] >= 0:
                            hm = [m for m in w.households[w.hh[p0]][1] if m not in c["persons"]][:2]
                            for m in hm:
                                ev(w, r.uniform(s, en), ei, m, "query", "bvi", c["cid"] if r.random() < 0.5 else "",
                                   "legit_network")
            if role == "STAF" and r.random() < 0.05:
                lo = bisect.bisect_left(rec_times, s - 14 * 86400)
                hi = bisect.bisect_left(rec_times, s)
                if hi > lo:
                    x = all_recent[r.randrange(lo, hi)]
                    lookups(w, r.uniform(s, en), ei, x[2][:1], x[1], p_case=0.9)  # complaint handling
    # legitimate work with no trace in the records at all: a colleague's quick question, a typo
    n_noise = int(len(w.events) * 0.004)
    for _ in range(n_noise):
        ei = r.randrange(len(w.emps))
        if not w.shifts[ei]:
            continue
        s, en = r.choice(w.shifts[ei])
        ev(w, r.uniform(s, en), ei, r.randrange(len(w.pid)), "query", None, "", "legit_untraced")


# ---------------- improper incidents ----------------

def shift_time(w, ei, lo_day=0, hi_day=DAYS):
    r = w.r
    sh = [x for x in w.shifts[ei] if T0 + lo_day * 86400 <= x[0] < T0 + hi_day * 86400]
    if not sh:
        return None
    s, en = r.choice(sh)
    return r.uniform(s + 600, en - 600)


def off_time(w, ei):
    r = w.r
    for _ in range(200):
        t = T0 + r.uniform(1, DAYS - 1) * 86400
        t = t - (t - T0) % 86400 + r.choice([7, 11, 13, 16, 19, 21, 22, 23.5, 1, 2]) * 3600 + r.uniform(0, 3000)
        if all(not (s - 6 * 3600 <= t <= en + 6 * 3600) for s, en in w.shifts[ei]):
            return t
    return None


def plant(w):
    r = w.r
    inc_n = [0]
    stats = w.stats
    emps = w.emps
    eligible = [i for i, e in enumerate(emps) if len(w.shifts[i]) >= 12 and e["hist"][0][2] != "STAF"]
    used = set()

    def pick_emp(pred=lambda ei: True):
        for _ in range(5000):
            ei = r.choice(eligible)
            if ei not in used and pred(ei):
                used.add(ei)
                return ei
        return None

    def incident(scen, ei, persons, note, evs):
        inc_n[0] += 1
        iid = "RT5-%03d" % inc_n[0]
        for (t, p, action, case, system) in evs:
            w.events.append((t, ei, system or r.choice(["bvh", "bvh", "blueview", "brp"]), action, p, case, "improper",
                             (iid, scen)))
        w.incidents.append((iid, scen, emps[ei]["id"], ";".join(dict.fromkeys(w.pid[p] for p in persons)), note))

    def own_case(ei, t):
        """A case number of the employee's own work, given as cover; it does not contain the target."""
        day = int((t - T0) // 86400)
        tid = team_at(emps[ei], day)[1]
        cs = [c for c, _, _, tm, _, _, _ in w.cases[-5000:] if tm == tid][:50]
        return r.choice(cs) if cs else ""

    def free(p):
        return p not in w.in_case

    def session(ei, t, p, n_view=1, case="", export=False):
        out = [(t, p, "query", case, None)]
        for k in range(n_view):
            out.append((t + r.uniform(5, 200) + k * 30, p, "view", case, None))
        if export:
            out.append((t + r.uniform(200, 600), p, r.choice(["export", "print"]), case, None))
        return out

    def repeated(ei, p, n, weeks=False, case=""):
        evs = []
        for _ in range(n):
            t = shift_time(w, ei)
            if t is None:
                continue
            evs += session(ei, t, p, r.randint(0, 2), case)
        return evs

    def fam_target(kind, with_rel):
        for _ in range(5000):
            ei = r.choice(eligible)
            if ei in used:
                continue
            me = emps[ei]["person"]
            if not emps[ei]["person_hr"]:
                continue
            c = [p for p in emps[ei]["fam"][kind] if free(p) and ((me, p) in w.rel_pairs) == with_rel]
            if c:
                used.add(ei)
                return ei, r.choice(c)
        return None, None

    # self: own record, once or a few times; one via a duplicate record of oneself
    for k in range(4):
        ei = pick_emp(lambda ei: emps[ei]["person_hr"] != "")
        me = emps[ei]["person"]
        incident("self", ei, [me], "looks up own record%s" % (" with an unrelated case number" if k == 1 else ""),
                 repeated(ei, me, r.randint(1, 3), case=own_case(ei, T0 + 86400 * 20) if k == 1 else ""))
    # the employee's second record (another source system), written with another address spelling
    ei = pick_emp(lambda ei: emps[ei]["person_hr"] != "" and w.addr[emps[ei]["person"]] is not None)
    me = emps[ei]["person"]
    j = w.add_person(w.sur[me], w.by[me], w.addr[me], w.district[me], w.hh[me], variant=r.randrange(5))
    w.surname_w[j] = fold(w.sur[me]) if fold(w.sur[me]) != w.sur[me] else w.sur[me].upper()
    w.dup_of[j] = me
    incident("self", ei, [j], "own duplicate record %s (second id; address written %r vs %r)" %
             (w.pid[j], w.hnw[j], w.hnw[me]), repeated(ei, j, 2))
    # family, partner, ex-partner: with and without relation rows
    for scen, kinds, n_with, n_without in (("family", ["parent", "sibling", "child"], 4, 3),
                                           ("partner", ["partner"], 3, 2), ("ex_partner", ["ex_partner"], 3, 3)):
        for with_rel, n in ((True, n_with), (False, n_without)):
            for k in range(n):
                ei, p = fam_target(kinds[k % len(kinds)], with_rel)
                if ei is None:
                    stats["plant_failed_" + scen] += 1
                    continue
                cnt = r.randint(1, 3) if scen != "ex_partner" else r.randint(3, 9)
                evs = repeated(ei, p, cnt)
                if scen == "ex_partner" and r.random() < 0.5:
                    t = off_time(w, ei)
                    if t:
                        evs += session(ei, t, p)
                incident(scen, ei, [p], "%s (%s), relation row %s" % (scen, kinds[k % len(kinds)],
                                                                     "present" if with_rel else "absent"), evs)
    # neighbours: same postcode; and the same dwelling written differently (a lodger, not related)
    for k in range(6):
        ei = pick_emp(lambda ei: emps[ei]["person_hr"] != "" and w.addr[emps[ei]["person"]] is not None and
                      (k >= 2 or w.addr[emps[ei]["person"]][2] is not None))
        me = emps[ei]["person"]
        pc, num, add = w.addr[me]
        if k < 2:
            a2 = (pc, num, add)
            hh = w.household(w.district[me], addr=a2, kind="single", p_rel=0)
            tgt = w.households[hh][1][0]
            for v in range(5):
                if w.hnw[tgt] != w.hnw[me]:
                    break
                w.hnw[tgt] = w.write_hn(num, add, v)
            note = "lives at the same dwelling, written %r vs own %r" % (w.hnw[tgt], w.hnw[me])
        else:
            a2 = (pc, (num + r.choice([2, 4, 6, -2])) or 3, r.choice([None, 1, "hs", "A"]))
            hh = w.household(w.district[me], addr=a2, kind=r.choice(["single", "couple"]), p_rel=0)
            tgt = w.households[hh][1][0]
            if k < 4:
                w.pcw[tgt] = ("%d %s" % (pc[0], pc[1].lower())) if " " not in w.pcw[me] else "%d%s" % pc
            note = "same postcode, written %r vs own %r" % (w.pcw[tgt], w.pcw[me])
        incident("neighbour", ei, [tgt], note, repeated(ei, tgt, r.randint(1, 4)))
    # shared uncommon surname: an unrelated person (no relation row, elsewhere), spelt differently
    for k in range(3):
        ei = pick_emp(lambda ei: "-" not in w.sur[emps[ei]["person"]] and w.sur[emps[ei]["person"]] not in
                      dict(DUTCH) and w.sur[emps[ei]["person"]] not in dict(MIGRANT))
        s = w.sur[emps[ei]["person"]]
        hh = w.household(r.choice(DISTRICTS), kind="couple", base_sur=s, p_rel=0)
        tgt = w.households[hh][1][0]
        if k == 0 and fold(s) != s:
            w.surname_w[tgt] = s
            emps[ei]["surname_hr"] = fold(s)
        elif k == 1:
            w.surname_w[tgt] = s.upper() if r.random() < 0.5 else s
        incident("shared_surname", ei, [tgt], "surname %r (employee file %r, person file %r)" %
                 (s, emps[ei]["surname_hr"], w.surname_w[tgt]), repeated(ei, tgt, r.randint(1, 3)))
    # colleague
    for k in range(5):
        ei = pick_emp()
        for _ in range(100):
            oj = r.randrange(len(emps))
            if oj != ei and free(emps[oj]["person"]):
                break
        tgt = emps[oj]["person"]
        incident("colleague", ei, [tgt], "colleague %s%s" % (emps[oj]["id"], " (colleague's person_id not in HR export)"
                                                          if not emps[oj]["person_hr"] else ""),
                 repeated(ei, tgt, r.randint(1, 3)))
    # vip and shielded
    for scen, pool, n in (("vip", w.vips, 4), ("shielded", list(w.shield), 3)):
        for k in range(n):
            ei = pick_emp()
            tgt = r.choice([p for p in pool if free(p)])
            incident(scen, ei, [tgt], "%s not in any case of the employee" % scen, repeated(ei, tgt, r.randint(1, 2)))
    # sensitive investigation leak: suspects of an ongoing sensitive investigation the employee is not on
    for k in range(5):
        c = r.choice(w.sensitive_cases)
        ei = pick_emp(lambda ei: team_at(emps[ei], 30)[1] != c["team"] and ei not in c["staff"])
        tg = r.sample(c["persons"], min(len(c["persons"]), r.randint(2, 4)))
        evs = []
        lo = max(c["open"], 0)
        for p in tg:
            t = shift_time(w, ei, lo, DAYS)
            if t is None:
                continue
            case = c["cid"] if k == 0 else (own_case(ei, t) if k == 1 else "")
            evs += session(ei, t, p, 1, case)
        incident("sensitive_leak", ei, tg, "ongoing sensitive %s of %s%s" % (c["cid"], c["team"],
                 "; gives that case number itself" if k == 0 else ""), evs)
    # off shift: unrelated persons on a day off or at night at home
    for k in range(4):
        ei = pick_emp()
        evs = []
        tg = []
        for _ in range(r.randint(1, 4)):
            t = off_time(w, ei)
            p = r.randrange(len(w.pid))
            if t is None or not free(p):
                continue
            tg.append(p)
            evs += session(ei, t, p, r.randint(0, 2))
        incident("off_shift", ei, tg, "look-ups outside any shift", evs)
    # browsing: many unrelated persons in a short time, during a quiet night shift
    for k in range(4):
        ei = pick_emp()
        t = shift_time(w, ei, 5)
        n = r.randint(25, 70)
        tg = [r.randrange(len(w.pid)) for _ in range(n)]
        evs = []
        for p in tg:
            t += r.uniform(20, 90)
            evs.append((t, p, "query", "", "bvh"))
            if r.random() < 0.3:
                evs.append((t + r.uniform(3, 15), p, "view", "", "bvh"))
        incident("browsing", ei, tg, "%d persons in about %d minutes" % (n, n), evs)
    # following someone over weeks: a person from an old incident the employee attended
    for k in range(4):
        ei = pick_emp()
        tgt = r.choice([p for p in range(len(w.pid)) if w.by[p] and w.by[p] > 1990][:50000])
        if k < 2:
            c = "I-2026-OLD%04d" % r.randrange(10000)
            t_old = T0 - r.uniform(60, 150) * 86400
            add_case(w, c, "incident", team_at(emps[ei], 0)[1] and w.team_by_id[team_at(emps[ei], 0)[1]][1],
                     team_at(emps[ei], 0)[1], fmt_local(t_old), fmt_local(t_old + 5400), "false", [(tgt, "getuige")])
            w.case_staff.append((c, emps[ei]["id"], fmt_date(t_old), fmt_date(t_old)))
            note = "met at incident %s months before; followed weekly" % c
        else:
            note = "followed weekly, no case"
        evs = []
        for wk in range(r.randint(4, 8)):
            t = shift_time(w, ei, wk * 7, wk * 7 + 7)
            if t:
                evs += session(ei, t, tgt, r.randint(0, 1))
        incident("following", ei, [tgt], note, evs)
    # export / print of a record without reason
    for k in range(3):
        ei = pick_emp()
        tgt = r.choice([p for p in range(0, len(w.pid), 7) if free(p)][:20000])
        t = shift_time(w, ei)
        incident("export_print", ei, [tgt], "record exported/printed", session(ei, t, tgt, 1, "", export=True))
    # news hype: a public figure arrested in the centre during Pride; a shooting victim in Noord
    hype = [("centrum", 22, True), ("noord", 40, False)]
    for d, day, vip in hype:
        c = "I-2026-H%05d" % r.randrange(10 ** 5)
        t = T0 + day * 86400 + 2 * 3600
        if vip:
            p = r.choice([x for x in w.vips if free(x)])
        else:
            p = r.choice([x for x in w.resident[d] if free(x)])
        add_case(w, c, "incident", w.dunit[d], r.choice([t_[0] for t_ in w.teams if t_[5] == d]), fmt_local(t),
                 fmt_local(t + 4 * 3600), "false", [(p, "verdachte" if vip else "slachtoffer")])
        # legitimate look-ups by responders on shift in the district
        for e in who_on(w, "BT:" + d, t, 3):
            lookups(w, t + 600, e, [p], c, p_case=0.5)
        n = r.randint(12, 20) if vip else r.randint(8, 12)
        for _ in range(n):
            ei = pick_emp(lambda ei: emps[ei]["district"] != d)
            if ei is None:
                continue
            tt = shift_time(w, ei, day, day + 3)
            if tt is None or tt < t:
                continue
            incident("news_hype", ei, [p], "in the news after incident %s (%s)" % (c, "public figure" if vip else
                                                                                   "victim"), session(ei, tt, p, 1))
    # volume spike: someone with broad access looks up far more than usual for a few days
    for k in range(3):
        ei = pick_emp(lambda ei: team_at(emps[ei], 30)[2] in ("MK", "INT", "RTIC", "ANA"))
        if ei is None:
            continue
        d0 = r.randint(25, 50)
        evs, tg = [], []
        for dd in range(d0, d0 + 4):
            for _ in range(r.randint(15, 40)):
                t = shift_time(w, ei, dd, dd + 1)
                if t is None:
                    break
                d = r.choice(DISTRICTS)
                p = r.choice(w.resident[d])
                if not free(p):
                    continue
                tg.append(p)
                evs.append((t, p, "query", "", r.choice(["bvh", "brp"])))
        incident("volume_spike", ei, tg, "%d extra look-ups over 4 days" % len(evs), evs)
    stats["incidents"] = inc_n[0]


# ---------------- output ----------------

def write(w, out, seed):
    r = w.r
    os.makedirs(out, exist_ok=True)

    def wcsv(name, header, rows, bom=False, crlf=False):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            if bom:
                f.write("\ufeff")
            wr = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
            wr.writerow(header)
            wr.writerows(rows)

    wcsv("units.csv", ["unit_id", "name", "fte"],
         [(u, n, "%s" % ("%d,5" % (len([e for e in w.emps if w.team_by_id[team_at(e, 0)[1]][1] == u]) * 0.93)))
          for u, n in w.units])
    wcsv("teams.csv", ["Team_ID", "unit_id", "kind", "name"],
         [(t[0], t[1], t[2].title() if r.random() < 0.3 else t[2], t[3]) for t in w.teams])
    # employees: warehouse order; transfers and promotions as later rows
    rows = []
    later = []
    for e in w.emps:
        h0 = e["hist"][0]
        unit = w.team_by_id[h0[1]][1]
        rows.append((e["id"], e["person_hr"], e["surname_hr"], unit, h0[1], h0[3].title() if r.random() < 0.2 else h0[3], h0[4]))
        for h in e["hist"][1:]:
            later.append((e["id"], e["person_hr"], e["surname_hr"], w.team_by_id[h[1]][1], h[1], h[3], h[4]))
        if r.random() < 0.01:
            later.append(rows[-1])  # an identical repeat
    r.shuffle(rows)
    wcsv("employees.csv", ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function",
                           "hr_mutatiedatum"], [x + (r.choice(["2025-11-01", "2026-02-01", ""]),) for x in rows] +
         [x + ("2026-%02d-01" % r.randint(7, 9),) for x in later])
    order = list(range(len(w.pid)))
    r.shuffle(order)
    with open(os.path.join(out, "persons.csv"), "w", newline="", encoding="utf-8") as f:
        f.write("\ufeff")
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["person_id", "surname", "birth_year", "postcode", "house_number", "flags", "bron"])
        for i in order:
            wr.writerow((w.pid[i], w.surname_w[i], w.by[i] if r.random() > 0.01 else "", w.pcw[i], w.hnw[i],
                         w.flags[i], "BRP" if w.district[i] else "BVH"))
    wcsv("relations.csv", ["person_id", "related_person_id", "kind"],
         [(w.pid[a], w.pid[b], k) for a, b, k in w.relations])
    wcsv("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], w.cases)
    wcsv("case_persons.csv", ["case_id", "person_id", "role"], [(c, w.pid[p], ro) for c, p, ro in w.case_persons])
    wcsv("case_staff.csv", ["case_id", "employee_id", "from", "to"], w.case_staff)
    srows = []
    for ei, sh in w.shifts.items():
        for s, en in sh:
            if r.random() < 0.5:
                srows.append((w.emps[ei]["id"], fmt_local(s), fmt_local(en)))
            else:
                srows.append((w.emps[ei]["id"], fmt_z(s), fmt_z(en)))
    wcsv("shifts.csv", ["employee_id", "start", "end"], srows)

    # events: jitter of a few minutes, column order of the warehouse, CRLF, quoted fields
    evs = [(e[0] + (r.uniform(0, 240) if r.random() < 0.05 else 0), e) for e in w.events
           if T0 <= e[0] < T0 + DAYS * 86400]
    evs.sort(key=lambda x: x[0])
    prefix = {"bvh": "BVH-", "blueview": "BV-", "summit": "SMT·", "brp": "brp-", "rdw": "RDW-", "meos": "MEOS-", "bvi": "BVI-"}
    truth = []
    malformed = []
    n = len(evs)
    bad_at = sorted(r.sample(range(1000, n - 1000), 6))
    stats = w.stats
    f = open(os.path.join(out, "events.csv"), "w", newline="", encoding="utf-8")
    f.write("\ufeff")

    def q(v):
        # The warehouse quotes what needs it and, from one of its loaders, some values that do not.
        if any(c in v for c in ',"\n\r') or (v and r.random() < 0.04):
            return '"' + v.replace('"', '""') + '"'
        return v

    class _W:
        def writerow(self, row):
            f.write(",".join(q(str(v)) for v in row) + "\r\n")
    wr = _W()
    wr.writerow(["ts", " Person_ID", "ACTION", "system", "employee_id ", "werkplek", "case_id", "id", "zoekvraag"])
    line = 2
    for k, (_, e) in enumerate(evs):
        t, ei, system, action, p, case, kind, inc = e
        eid = "%s%08d" % (prefix[system], k + 1)
        ns = r.randrange(10 ** 9)
        sec = time.gmtime(int(t))
        if system in ("summit", "meos"):
            ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(t) + TZ)) + ".%09d+02:00" % ns
        else:
            ts = time.strftime("%Y-%m-%dT%H:%M:%S", sec) + ".%09dZ" % ns
        emp = w.emps[ei]["id"]
        pid = w.pid[p]
        x = r.random()
        qt = ""
        if x < 0.01:
            qt = 'naam="%s", gb=%s' % (w.sur[p], w.by[p])
        elif x < 0.0102:
            qt = "vrije tekst:\nregel 2"  # a quoted field that spans two lines
        if r.random() < 0.02:
            pid = " %s " % pid  # white space inside quotes is removed on reading
        caseo = case
        if not case and r.random() < 0.001:
            caseo = "null"
        row = [ts, pid, action.upper() if r.random() < 0.03 else action, system, emp,
               "WS-%04d" % (sum(map(ord, emp)) % 9000), caseo, eid, qt]
        if kind == "improper":
            truth.append((eid, inc[0], inc[1]))
        elif kind != "legit":
            stats["legit_kind:" + kind] += 1
        if bad_at and k == bad_at[0] and kind != "improper":
            j = 6 - len(bad_at)
            bad_at.pop(0)
            if j in (0, 1):
                row = row + ["extra veld"]
                what = "row with one field more than the header"
            elif j == 2:
                row[0] = ts[:19]
                what = "timestamp without UTC offset"
            elif j == 3:
                row[2] = "delete"
                what = "action not in the list"
            elif j == 4:
                row[1] = ""
                what = "empty person_id (required value)"
            else:
                row[0] = ts[:16] + "Z"
                what = "time without seconds"
            malformed.append((line, eid, what))
            stats["malformed"] += 1
        wr.writerow(row)
        line += 1 + row[8].count("\n")
    f.close()
    wcsv("truth.csv", ["event_id", "incident_id", "scenario"], truth)
    wcsv("incidents.csv", ["incident_id", "scenario", "employee_id", "person_ids", "note"], w.incidents)
    stats["events"] = len(evs)
    stats["truth_events"] = len(truth)
    return malformed


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    t0 = time.time()
    w = build(a.seed)
    make_shifts(w)
    make_cases_and_work(w)
    plant(w)
    malformed = write(w, a.outdir, a.seed)
    st = w.stats
    by_scen = defaultdict(lambda: [0, 0])
    for iid, scen, *_ in w.incidents:
        by_scen[scen][0] += 1
    print("persons %d, employees %d (transfers %d), relations %d, cases %d, case_persons %d, case_staff %d, shifts %d"
          % (len(w.pid), len(w.emps), sum(1 for e in w.emps if len(e["hist"]) > 1), len(w.relations), len(w.cases),
             len(w.case_persons), len(w.case_staff), sum(len(v) for v in w.shifts.values())), file=sys.stderr)
    print("events %d, improper events %d, incidents %d" % (st["events"], st["truth_events"], len(w.incidents)),
          file=sys.stderr)
    print("incidents per scenario: " + ", ".join("%s %d" % (k, v[0]) for k, v in sorted(by_scen.items())),
          file=sys.stderr)
    for k in sorted(st):
        print("  %s: %d" % (k, st[k]), file=sys.stderr)
    for ln, eid, what in malformed:
        print("malformed: events.csv line %d (%s): %s" % (ln, eid, what), file=sys.stderr)
    print("done in %.1fs" % (time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
