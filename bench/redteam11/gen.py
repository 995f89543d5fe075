#!/usr/bin/env python3
"""Red team 11: an independent synthetic world of a regional police force
("Oost-Brabant": four districts and regional services) for lekradar.

    python3 bench/redteam11/gen.py OUTDIR --seed S [--debug]

Python 3 standard library only; deterministic per seed. Writes the context
directory (units, teams, employees, persons, relations, cases, case_persons,
case_staff, shifts), events.jsonl (time order) and truth.csv (improper
look-ups only). --debug also writes debug_sources.csv (event_id,source) for
every legitimate event; it draws nothing from the random generator, so the
world's bytes do not change.
"""
import argparse
import calendar
import csv
import os
import random
import sys
import time

DAY = 86400
HOUR = 3600

# --------------------------------------------------------------------------
# time: Dutch local time with EU summer time


def _last_sunday(y, m):
    d = calendar.monthrange(y, m)[1]
    return d - ((calendar.weekday(y, m, d) - 6) % 7)


_DST = {}


def offset(u):
    y = time.gmtime(u)[0]
    b = _DST.get(y)
    if b is None:
        b = (calendar.timegm((y, 3, _last_sunday(y, 3), 1, 0, 0)),
             calendar.timegm((y, 10, _last_sunday(y, 10), 1, 0, 0)))
        _DST[y] = b
    return 7200 if b[0] <= u < b[1] else 3600


def l2u(L):
    """naive local seconds -> UTC seconds"""
    u = L - 7200
    if offset(u) == 7200:
        return u
    return L - 3600


def fmt_z(u):
    t = time.gmtime(u)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % t[:6]


def fmt_zms(u, ms):
    t = time.gmtime(u)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (t[:6] + (ms,))


def fmt_zsp(u):
    t = time.gmtime(u)
    return "%04d-%02d-%02d %02d:%02d:%02dZ" % t[:6]


def fmt_loc(u):
    o = offset(u)
    t = time.gmtime(u + o)
    return "%04d-%02d-%02dT%02d:%02d:%02d%s" % (t[:6] + ("+02:00" if o == 7200 else "+01:00",))


def fmt_date(u):
    """local calendar date of UTC instant u"""
    t = time.gmtime(u + offset(u))
    return "%04d-%02d-%02d" % t[:3]


# --------------------------------------------------------------------------
# names

TOP_NL = [
    ("de Jong", 50), ("Jansen", 44), ("de Vries", 40), ("van den Berg", 33), ("van Dijk", 34),
    ("Bakker", 32), ("Janssen", 38), ("Visser", 28), ("Smit", 28), ("Meijer", 26),
    ("de Boer", 25), ("Mulder", 24), ("de Groot", 24), ("Bos", 23), ("Vos", 22),
    ("Peters", 24), ("Hendriks", 26), ("van Leeuwen", 19), ("Dekker", 19), ("Brouwer", 18),
    ("de Wit", 18), ("Dijkstra", 15), ("Smits", 22), ("de Graaf", 16), ("van der Meer", 16),
    ("van der Linden", 17), ("Kok", 15), ("Jacobs", 17), ("de Haan", 14), ("Vermeulen", 17),
    ("van den Heuvel", 22), ("van der Veen", 12), ("van den Broek", 17), ("de Bruijn", 13),
    ("de Bruin", 13), ("van der Heijden", 20), ("Schouten", 12), ("van Beek", 14), ("Willems", 18),
    ("van Vliet", 11), ("van de Ven", 24), ("Hoekstra", 9), ("Maas", 15), ("Verhoeven", 21),
    ("Koster", 10), ("van Dam", 11), ("van der Wal", 9), ("Prins", 10), ("Blom", 10),
    ("Huisman", 9), ("Peeters", 14), ("de Jonge", 9), ("Kuipers", 9), ("van Veen", 9),
    ("Post", 9), ("Kuiper", 9), ("Kramer", 9), ("van den Brink", 9), ("Scholten", 9),
    ("van Wijk", 9), ("Martens", 12), ("Vink", 9), ("de Ruiter", 9), ("van Dongen", 15),
    ("Hermans", 14), ("van Gils", 12), ("van Rooij", 13), ("Swinkels", 12), ("Verbeek", 12),
    ("Cornelissen", 10), ("Coolen", 8), ("Timmermans", 11), ("Verhagen", 10), ("Bekkers", 9),
    ("van Lieshout", 10), ("van Hout", 8), ("van Erp", 9), ("van Kessel", 8), ("Raaijmakers", 9),
    ("van der Aa", 7), ("Donkers", 7), ("van Schijndel", 7), ("van Heeswijk", 7), ("Schepers", 8),
]
TOP_OTHER = [
    ("Yilmaz", 9), ("Kaya", 6), ("Demir", 6), ("Şahin", 5), ("Çelik", 5), ("Öztürk", 5),
    ("Aydın", 4), ("Yıldız", 4), ("El Amrani", 3), ("Bouzid", 3), ("Benali", 3),
    ("El Idrissi", 3), ("Boukhari", 3), ("Mohamed", 5), ("Ahmed", 4), ("Ali", 4), ("Hassan", 3),
    ("Nguyen", 3), ("Tran", 2), ("Kowalski", 3), ("Nowak", 4), ("Wiśniewski", 2), ("Kowalczyk", 2),
    ("Pinas", 2), ("Rodrigues", 2), ("da Silva", 3), ("Popescu", 2), ("Ivanova", 2), ("Haddad", 2),
]
PREFIX = ["van", "van de", "van der", "van den", "de", "ver", "van het", "in 't", "op de"]
ROOTS = ["Hoeven", "Meulen", "Schoot", "Donk", "Akker", "Laar", "Velden", "Kamp", "Rijt", "Bosch",
         "Eijk", "Zande", "Haar", "Loon", "Doren", "Gerven", "Asten", "Boxtel", "Oers", "Dommelen",
         "Hooff", "Kuyk", "Griensven", "Mierlo", "Bree", "Aarle", "Veghel", "Uden", "Zeeland",
         "Mil", "Oss", "Dinther", "Nistelrode", "Lith", "Erp", "Kilsdonk", "Vugt", "Rosmalen",
         "Hintham", "Empel", "Berlicum", "Heesch", "Gemert", "Bakel", "Deurne", "Liessel",
         "Vlierden", "Someren", "Lierop", "Geldrop", "Heeze", "Leende", "Valkenswaard", "Bergeijk",
         "Eersel", "Duizel", "Vessem", "Best", "Oirschot", "Son", "Breugel", "Nuenen", "Gerwen",
         "Stiphout", "Brakel", "Dijck", "Hulst", "Wetering", "Goor", "Broek", "Steen", "Horst",
         "Haperen", "Weerd", "Dael", "Meer", "Kerkhof", "Brug", "Molen", "Hoek", "Sande", "Heide"]
STEMS = ["Hendrik", "Gerrit", "Claes", "Jan", "Willem", "Dirk", "Pieter", "Lambert", "Martin",
         "Gijs", "Bart", "Thijs", "Wouter", "Adriaan", "Cornelis", "Arend", "Evert", "Frans",
         "Goos", "Hein", "Joos", "Kees", "Lou", "Mathijs", "Noud", "Rut", "Sjaak", "Toon", "Wim"]
SUFFIX = ["sen", "s", "se", "ssen", "kens", "mans", "x", "ink", "ing", "ema", "stra", "huis",
          "ers", "ensen", "ers"]
OCC = ["Smulders", "Bakkers", "Kuijpers", "Schrijvers", "Wevers", "Snijders", "Molenaar",
       "Timmer", "Visschers", "Kleijn", "Groot", "Klein", "Lange", "Korte", "Wolters", "Ruijs",
       "Vogels", "Haaze", "Spierings", "Panhuijzen", "Manders", "Geurts", "Rovers", "Biemans",
       "Kerkhofs", "Leenders", "Aarts", "Sanders", "Tielemans", "Sleegers", "Bogaerts",
       "Vissers", "Jonkers", "Kolen", "Rutten", "Mutsaers", "Pennings", "Steenbakkers"]
OTHER_PARTS_A = ["El", "Ben", "Ait", "Al", "Abu"]
OTHER_PARTS_B = ["Haddouchi", "Mansouri", "Ouali", "Kaddouri", "Tahiri", "Ziani", "Fassi",
                 "Bakkali", "Hamdaoui", "Amrani", "Khattabi", "Azzouzi", "Moussaoui"]
OTHER_ONE = ["Arslan", "Koç", "Kurt", "Özdemir", "Doğan", "Polat", "Aslan", "Erdoğan", "Güler",
             "Kılıç", "Sarı", "Yavuz", "Ünal", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
             "Szymański", "Dąbrowski", "Pham", "Le", "Hoang", "Ramdin", "Sardjoe", "Ramlal",
             "Biharie", "Mahabier", "Oliveira", "Santos", "Pereira", "Ferreira", "Petrov",
             "Georgiev", "Dimitrov", "Horvat", "Novak", "Rossi", "Bianchi", "Schmidt", "Müller",
             "Wagner", "Becker", "Hoffmann", "Fischer", "Okafor", "Mensah", "Haile", "Tesfaye"]


def build_surnames(rng):
    names, weights = [], []
    for n, w in TOP_NL:
        names.append(n)
        weights.append(w * 100.0)
    for n, w in TOP_OTHER:
        names.append(n)
        weights.append(w * 100.0)
    pool = set(names)
    gen = []
    for p in PREFIX:
        for r in ROOTS:
            gen.append(p + " " + r)
    for s in STEMS:
        for x in SUFFIX:
            gen.append(s + x)
    for o in OCC:
        gen.append(o)
    for a in OTHER_PARTS_A:
        for b in OTHER_PARTS_B:
            gen.append(a + " " + b)
    gen.extend(OTHER_ONE)
    # compound and double names, very rare
    for i in range(9000):
        a = rng.choice(ROOTS)
        b = rng.choice(SUFFIX)
        c = rng.choice(["", "", "", "van ", "de ", "Ver"])
        n = (c + a + b.lower()) if c != "Ver" else ("Ver" + a.lower() + b)
        gen.append(n)
    gen2 = []
    for n in gen:
        if n not in pool:
            pool.add(n)
            gen2.append(n)
    rng.shuffle(gen2)
    for i, n in enumerate(gen2):
        names.append(n)
        weights.append(900.0 / (i + 12) ** 0.75)
    cum = []
    t = 0.0
    for w in weights:
        t += w
        cum.append(t)
    return names, cum


# --------------------------------------------------------------------------
# organisation

DISTRICTS = [
    # unit_id, name, share of persons, postcode number ranges, basisteams
    ("ob_eindhoven", "District Eindhoven", 0.36, [(5600, 5658)],
     ["Eindhoven Centrum", "Eindhoven Zuid", "Kempen", "Dommelland"]),
    ("ob_den_bosch", "District 's-Hertogenbosch", 0.25, [(5200, 5258), (5260, 5298)],
     ["'s-Hertogenbosch Stad", "Bommelerwaard-Vught", "Meierijstad"]),
    ("ob_de_peel", "District De Peel", 0.20, [(5700, 5766)],
     ["Helmond", "Peelland", "Oost-Peel"]),
    ("ob_maas_leijgraaf", "District Maas en Leijgraaf", 0.19, [(5340, 5460)],
     ["Oss", "Uden-Landerd", "Cuijk-Land van Cuijk"]),
]
OUTSIDE_PC = [(1000, 1109), (3011, 3089), (4811, 4839), (5011, 5049), (6511, 6546), (5900, 5931),
              (6200, 6229), (2500, 2599)]
REGIO = "ob_regio"
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def rank_for(rng, function):
    table = {
        "noodhulp": [("aspirant", 6), ("surveillant", 5), ("agent", 34), ("hoofdagent", 45), ("brigadier", 10)],
        "wijkagent": [("agent", 8), ("hoofdagent", 70), ("brigadier", 22)],
        "basisteam": [("agent", 25), ("hoofdagent", 45), ("brigadier", 20), ("inspecteur", 6), ("burger", 4)],
        "leiding": [("brigadier", 40), ("inspecteur", 50), ("hoofdinspecteur", 10)],
        "rechercheur": [("agent", 5), ("hoofdagent", 35), ("brigadier", 32), ("inspecteur", 10), ("burger", 18)],
        "intake": [("burger", 50), ("agent", 25), ("hoofdagent", 25)],
        "meldkamer": [("burger", 70), ("hoofdagent", 18), ("brigadier", 12)],
        "analist": [("burger", 80), ("hoofdagent", 8), ("inspecteur", 10), ("extern", 2)],
        "cie": [("hoofdagent", 40), ("brigadier", 45), ("inspecteur", 15)],
        "observant": [("hoofdagent", 55), ("brigadier", 40), ("inspecteur", 5)],
        "verkeer": [("agent", 25), ("hoofdagent", 55), ("brigadier", 20)],
        "beveiliging": [("hoofdagent", 50), ("brigadier", 45), ("inspecteur", 5)],
        "functioneel beheer": [("burger", 75), ("extern", 25)],
        "ondersteuning": [("burger", 85), ("extern", 15)],
        "integriteit": [("burger", 30), ("brigadier", 20), ("inspecteur", 40), ("hoofdinspecteur", 10)],
        "staf": [("burger", 45), ("inspecteur", 20), ("hoofdinspecteur", 20), ("commissaris", 13),
                 ("hoofdcommissaris", 2)],
    }[function]
    tot = sum(w for _, w in table)
    x = rng.random() * tot
    for r, w in table:
        x -= w
        if x < 0:
            return r
    return table[-1][0]


class W:
    pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.seed)
    w.build()
    w.write(a.outdir, a.debug)
    sys.stderr.write("redteam11: seed %d: %d employees, %d persons, %d days, %d events, %d improper in %d incidents, %.1fs\n" % (
        a.seed, len(w.emps), len(w.p_sur), w.days, w.n_events, w.n_improper, w.n_incidents, time.time() - t0))


class World:
    def __init__(self, seed):
        self.seed = seed
        self.rng = random.Random(seed * 7919 + 11)

    # ------------------------------------------------------------------
    def build(self):
        rng = self.rng
        self.days = rng.randint(35, 42)
        # start on a Monday between early February and early March 2026
        base = calendar.timegm((2026, 2, 2, 0, 0, 0))
        self.L0 = base + 7 * DAY * rng.randint(0, 5)   # naive local midnight of day 0
        self.start_u = l2u(self.L0)
        self.end_u = l2u(self.L0 + self.days * DAY)
        self.surnames, self.surcum = build_surnames(rng)
        self.events = []      # (u, ms, emp, system, action, pidx, case_id, tag)
        self.truth = []       # (event_index, incident_id, scenario) filled via tags
        self.build_persons()
        self.build_org()
        self.build_employee_homes()
        self.build_shifts()
        self.build_cases()
        self.legit_events()
        self.improper_events()

    def surname(self):
        return self.rng.choices(self.surnames, cum_weights=self.surcum)[0]

    # ------------------------------------------------------------------
    def build_persons(self):
        rng = self.rng
        N = rng.randint(330000, 470000)
        self.p_sur, self.p_by, self.p_pc, self.p_hn, self.p_flags, self.p_dist, self.p_hh = [], [], [], [], [], [], []
        self.hh = []            # list of member lists
        self.hh_pc = []
        self.pc_hh = {}         # postcode -> list of hh
        self.dist_pcs = [[] for _ in DISTRICTS]
        self.residents = [[] for _ in DISTRICTS]
        self.rel = []           # (a, b, kind)
        used_pc = set()

        def new_pc(lo, hi):
            while True:
                pc = "%04d%s%s" % (rng.randint(lo, hi), rng.choice(LETTERS), rng.choice(LETTERS))
                if pc not in used_pc and pc[4:] not in ("SS", "SD", "SA"):
                    used_pc.add(pc)
                    return pc

        def add_person(sur, by, pc, hn, d, h):
            i = len(self.p_sur)
            self.p_sur.append(sur)
            self.p_by.append(by)
            self.p_pc.append(pc)
            self.p_hn.append(hn)
            self.p_flags.append("")
            self.p_dist.append(d)
            self.p_hh.append(h)
            if d >= 0:
                self.residents[d].append(i)
            return i

        self.add_person = add_person

        def make_household(pc, hn, d, size=None, sur=None):
            h = len(self.hh)
            if size is None:
                size = rng.choices([1, 2, 3, 4, 5, 6], cum_weights=[36, 69, 82, 94, 98.5, 100])[0]
            head = sur or self.surname()
            members = []
            if size == 1:
                by = rng.randint(1935, 2006)
                members.append(add_person(head, by, pc, hn, d, h))
            else:
                shape = rng.random()
                by = rng.randint(1940, 1998)
                a = add_person(head, by, pc, hn, d, h)
                members.append(a)
                if shape < 0.8 or size == 2:
                    ps = head if rng.random() < 0.18 else self.surname()
                    b = add_person(ps, max(1935, min(2005, by + rng.randint(-6, 6))), pc, hn, d, h)
                    members.append(b)
                    self.hh_partner = (a, b)
                for k in range(size - len(members)):
                    if shape < 0.9:
                        cb = min(2025, max(by + 20, 1960) + rng.randint(0, 20))
                        members.append(add_person(head, cb, pc, hn, d, h))
                    else:
                        members.append(add_person(self.surname(), rng.randint(1975, 2006), pc, hn, d, h))
            self.hh.append(members)
            self.hh_pc.append(pc)
            self.pc_hh.setdefault(pc, []).append(h)
            return h

        self.make_household = make_household

        outside = int(N * 0.035)
        for d, (uid, name, share, ranges, bts) in enumerate(DISTRICTS):
            target = int((N - outside) * share)
            start = len(self.p_sur)
            while len(self.p_sur) - start < target:
                lo, hi = rng.choice(ranges)
                pc = new_pc(lo, hi)
                self.dist_pcs[d].append(pc)
                n_addr = rng.randint(8, 26)
                flat = rng.random() < 0.25
                num = rng.randint(1, 140)
                for j in range(n_addr):
                    if flat:
                        hn = "%d-%s" % (num, rng.choice(["A", "B", "1", "2", "3", "II", "III"])) if j else str(num)
                        if j % 6 == 5:
                            num += 2
                    else:
                        hn = str(num + 2 * j)
                        if rng.random() < 0.04:
                            hn += rng.choice(["a", "A", " b", "-1"])
                    make_household(pc, hn, d)
        while len(self.p_sur) < N:
            lo, hi = rng.choice(OUTSIDE_PC)
            pc = new_pc(lo, hi)
            for j in range(rng.randint(1, 3)):
                make_household(pc, str(rng.randint(1, 300)), -1, size=rng.choice([1, 1, 2]))
        # kinds of household relations (recorded for part of the households)
        for h, mem in enumerate(self.hh):
            if len(mem) < 2 or rng.random() > 0.33:
                continue
            self.hh_relations(mem)
        n = len(self.p_sur)
        # flags
        adults = [i for i in range(n) if self.p_by[i] is not None and self.p_by[i] <= 2004]
        self.vips = rng.sample(adults, max(24, n // 15000))
        for i in self.vips:
            self.p_flags[i] = "vip"
        self.shielded = rng.sample(adults, max(8, n // 40000))
        for i in self.shielded:
            self.p_flags[i] = "shielded" if not self.p_flags[i] else "vip;shielded"
        for i in range(n):
            by = self.p_by[i]
            if by is not None and by < 1946 and rng.random() < 0.06 and not self.p_flags[i]:
                self.p_flags[i] = "deceased"
        for i in rng.sample(range(n), n // 150):
            self.p_by[i] = None
        # police-known persons per district (veelplegers, overlast, problem families)
        self.known = [[] for _ in DISTRICTS]
        self.hot = [[] for _ in DISTRICTS]
        for d in range(len(DISTRICTS)):
            for i in self.residents[d]:
                by = self.p_by[i]
                if by is None:
                    continue
                age = 2026 - by
                pr = 0.06 if 16 <= age <= 30 else 0.03 if 30 < age <= 55 else 0.006
                if rng.random() < pr:
                    self.known[d].append(i)
            self.hot[d] = rng.sample(self.known[d], max(40, len(self.known[d]) // 12))
            # some known persons are relatives of each other (families)
            for k in range(len(self.known[d]) // 25):
                a, b = rng.sample(self.known[d], 2)
                self.rel.append((a, b, "sibling"))
                self.rel.append((b, a, "sibling"))
        self.outside = [i for i in range(n) if self.p_dist[i] < 0]
        self.adults_by_dist = [[i for i in self.residents[d] if self.p_by[i] is not None and self.p_by[i] <= 2008]
                               for d in range(len(DISTRICTS))]

    def hh_relations(self, mem, ex=None):
        rng = self.rng
        a = mem[0]
        by = self.p_by
        rest = mem[1:]
        adults = [m for m in rest if by[m] is not None and by[a] is not None and abs(by[m] - by[a]) < 14]
        partner = adults[0] if adults else None
        for m in rest:
            if m == partner:
                self.rel.append((a, m, "partner"))
                self.rel.append((m, a, "partner"))
            elif by[m] is not None and by[a] is not None and by[m] - by[a] >= 16 and self.p_sur[m] == self.p_sur[a]:
                self.rel.append((a, m, "child"))
                self.rel.append((m, a, "parent"))
                if partner is not None and rng.random() < 0.7:
                    self.rel.append((partner, m, "child"))
                    self.rel.append((m, partner, "parent"))
            else:
                self.rel.append((a, m, "household"))
                self.rel.append((m, a, "household"))

    # ------------------------------------------------------------------
    def build_org(self):
        rng = self.rng
        self.units = []
        self.teams = []   # dict(id, unit, kind, name, district, members)
        self.emps = []

        def team(tid, unit, kind, name, d):
            t = dict(id=tid, unit=unit, kind=kind, name=name, d=d, members=[], idx=len(self.teams))
            self.teams.append(t)
            return t

        def emp(t, function, pattern):
            e = dict(idx=len(self.emps), id=None, team=t["idx"], unit=t["unit"], d=t["d"], function=function,
                     rank=rank_for(rng, function), pattern=pattern, pid=None, surname=None,
                     fte=rng.choice([1.0, 1.0, 1.0, 0.9, 0.8, 0.8, 0.7, 0.6, 0.5]), start_day=0,
                     old_team=None, transfer_day=None, kind=t["kind"])
            self.emps.append(e)
            t["members"].append(e["idx"])
            return e

        pfx = {"ob_eindhoven": "EHV", "ob_den_bosch": "DBS", "ob_de_peel": "PEL", "ob_maas_leijgraaf": "MLG"}
        self.dteams = []
        for d, (uid, name, share, ranges, bts) in enumerate(DISTRICTS):
            fte = 0.0
            dt = dict(basis=[], rech=[], intake=None, noodhulp=None)
            for k, bn in enumerate(bts):
                kind = "wijkteam" if (d == 3 and k == 2) else "basisteam"
                t = team("T-OB-%s-BT%d" % (pfx[uid], k + 1), uid, kind, "Basisteam " + bn, d)
                dt["basis"].append(t)
                size = int(rng.randint(95, 150) * (share / 0.25) ** 0.5)
                for j in range(size):
                    x = rng.random()
                    if x < 0.62:
                        emp(t, "noodhulp", "rot")
                    elif x < 0.78:
                        emp(t, "wijkagent", "wijk")
                    elif x < 0.92:
                        emp(t, "basisteam", "rot")
                    else:
                        emp(t, "leiding", "day")
            if d == 0:
                t = team("T-OB-EHV-NH", uid, "noodhulp", "Noodhulp Eindhoven", d)
                dt["noodhulp"] = t
                for j in range(rng.randint(60, 80)):
                    emp(t, "noodhulp", "rot")
            for k in range(2):
                t = team("T-OB-%s-DR%d" % (pfx[uid], k + 1), uid, "recherche",
                         "Districtsrecherche %s %d" % (name.split(" ", 1)[1], k + 1), d)
                dt["rech"].append(t)
                for j in range(rng.randint(20, 32)):
                    emp(t, "rechercheur", "day")
            t = team("T-OB-%s-SD" % pfx[uid], uid, "intake_service", "Servicedesk " + name.split(" ", 1)[1], d)
            dt["intake"] = t
            for j in range(rng.randint(18, 30)):
                emp(t, "intake", "intake")
            self.dteams.append(dt)
        R = len(DISTRICTS)
        self.rt = {}
        t = team("T-OB-DROS-MK", REGIO, "meldkamer", "Meldkamer Oost-Brabant (politie)", R)
        self.rt["mk"] = t
        for j in range(rng.randint(110, 140)):
            emp(t, "meldkamer", "rot")
        for k, n in enumerate(["RTIC", "Analyse en Onderzoek"]):
            t = team("T-OB-DRIO-%d" % (k + 1), REGIO, "informatie_analyse", "DRIO " + n, R)
            self.rt["drio%d" % k] = t
            for j in range(rng.randint(32, 45)):
                emp(t, "analist", "rot" if k == 0 else "day")
        self.drr = []
        for k, n in enumerate(["TGO Ondermijning", "Georganiseerde criminaliteit", "Zeden en Jeugd",
                               "Financieel-economisch", "Levensdelicten en Cold Case"]):
            t = team("T-OB-DRR-%d" % (k + 1), REGIO, "recherche", "DRR " + n, R)
            self.drr.append(t)
            for j in range(rng.randint(24, 36)):
                emp(t, "rechercheur", "day")
        t = team("T-OB-DROS-OT", REGIO, "specialistisch", "Observatieteam", R)
        self.rt["ot"] = t
        for j in range(rng.randint(20, 28)):
            emp(t, "observant", "rot")
        t = team("T-OB-DRIO-CIE", REGIO, "specialistisch", "Team Criminele Inlichtingen", R)
        self.rt["cie"] = t
        for j in range(rng.randint(10, 16)):
            emp(t, "cie", "day")
        t = team("T-OB-DROS-VK", REGIO, "specialistisch", "Verkeershandhaving", R)
        self.rt["vk"] = t
        for j in range(rng.randint(45, 65)):
            emp(t, "verkeer", "rot")
        t = team("T-OB-DROS-BB", REGIO, "specialistisch", "Bewaken en Beveiligen", R)
        self.rt["bb"] = t
        for j in range(rng.randint(14, 20)):
            emp(t, "beveiliging", "day")
        t = team("T-OB-BED-FB", REGIO, "ondersteuning", "Functioneel beheer BVH/BlueView", R)
        self.rt["fb"] = t
        for j in range(rng.randint(6, 10)):
            emp(t, "functioneel beheer", "day")
        t = team("T-OB-BED-OND", REGIO, "ondersteuning", "Bedrijfsvoering", R)
        self.rt["ond"] = t
        for j in range(rng.randint(120, 170)):
            emp(t, "ondersteuning", "day")
        t = team("T-OB-STAF-VIK", REGIO, "staf", "VIK Oost-Brabant", R)
        self.rt["vik"] = t
        for j in range(rng.randint(9, 13)):
            emp(t, "integriteit", "day")
        t = team("T-OB-STAF", REGIO, "staf", "Staf eenheid", R)
        self.rt["staf"] = t
        for j in range(rng.randint(45, 65)):
            emp(t, "staf", "day")
        # ids: account numbers, not in team order
        ids = rng.sample(range(10000, 99999), len(self.emps))
        for e, i in zip(self.emps, ids):
            e["id"] = "OB%05d" % i
        # new employees (start during the period), transfers
        for e in self.emps:
            r = rng.random()
            if r < 0.02 and e["kind"] in ("basisteam", "noodhulp", "meldkamer", "intake_service"):
                e["start_day"] = rng.randint(5, self.days - 10)
                e["rank"] = "aspirant" if e["kind"] != "meldkamer" else "burger"
        for e in rng.sample(self.emps, len(self.emps) // 90):
            if e["kind"] not in ("basisteam", "recherche", "noodhulp"):
                continue
            pool = [t for t in self.teams if t["kind"] == e["kind"] and t["idx"] != e["team"]]
            if not pool:
                continue
            nt = rng.choice(pool)
            e["old_team"] = e["team"]
            e["transfer_day"] = rng.randint(8, self.days - 8)
            self.teams[e["team"]]["members"].remove(e["idx"])
            e["team"] = nt["idx"]
            e["unit"] = nt["unit"]
            e["d"] = nt["d"]
            nt["members"].append(e["idx"])
        unit_fte = {}
        for e in self.emps:
            unit_fte[e["unit"]] = unit_fte.get(e["unit"], 0.0) + e["fte"]
        for d, x in enumerate(DISTRICTS):
            self.units.append((x[0], x[1], unit_fte.get(x[0], 0)))
        self.units.append((REGIO, "Regionale diensten Oost-Brabant", unit_fte.get(REGIO, 0)))
        # wijken: areas of postcodes per district, assigned to wijkagenten
        self.wijk_of = {}
        for d in range(len(DISTRICTS)):
            pcs = list(self.dist_pcs[d])
            wa = [e for t in self.dteams[d]["basis"] for e in t["members"] if self.emps[e]["function"] == "wijkagent"]
            if not wa:
                continue
            chunk = max(10, len(pcs) // len(wa))
            rng.shuffle(pcs)
            for k, ei in enumerate(wa):
                area = pcs[k * chunk:(k + 1) * chunk] or pcs[:chunk]
                res = [p for pc in area for h in self.pc_hh[pc] for p in self.hh[h]]
                adults = [p for p in res if self.p_by[p] is None or self.p_by[p] <= 2010]
                kn = set(self.known[d])
                inarea_known = [p for p in adults if p in kn]
                regulars = inarea_known[:]
                rng.shuffle(regulars)
                regulars = regulars[:rng.randint(15, 35)] + rng.sample(adults, min(len(adults), rng.randint(10, 25)))
                self.wijk_of[ei] = dict(pcs=area, res=adults, regulars=regulars)

    # ------------------------------------------------------------------
    def build_employee_homes(self):
        rng = self.rng
        self.emp_of_person = {}
        emps = self.emps
        couples = 0
        for e in emps:
            if rng.random() < (0.55 if e["rank"] == "extern" else 0.06):
                e["surname"] = self.surname()
                continue   # lives outside the region / no record known
            d = e["d"] if 0 <= e["d"] < len(DISTRICTS) else rng.randrange(len(DISTRICTS))
            if rng.random() < 0.25:
                d = rng.randrange(len(DISTRICTS))
            # wijkagent in a village often lives in the area
            if e["idx"] in self.wijk_of and rng.random() < 0.12:
                pc = rng.choice(self.wijk_of[e["idx"]]["pcs"])
            else:
                pc = rng.choice(self.dist_pcs[d])
            size = rng.choices([1, 2, 3, 4, 5], cum_weights=[22, 52, 70, 93, 100])[0]
            h = self.make_household(pc, str(rng.randint(1, 180)), d, size=size)
            mem = self.hh[h]
            e["pid"] = mem[0]
            e["surname"] = self.p_sur[mem[0]]
            e["hh"] = h
            self.p_by[mem[0]] = rng.randint(1962, 2004)
            if e["start_day"] > 0:
                self.p_by[mem[0]] = rng.randint(1998, 2006)
            if rng.random() < 0.85:
                self.hh_relations(mem)
            self.emp_of_person[mem[0]] = e["idx"]
            # parents and siblings elsewhere in the region, sometimes an ex-partner
            fam = {"parents": [], "siblings": [], "ex": None, "partner": mem[1] if len(mem) > 1 else None}
            rec = rng.random() < 0.8
            if rng.random() < 0.75:
                pd = d if rng.random() < 0.7 else rng.randrange(len(DISTRICTS))
                ph = self.make_household(rng.choice(self.dist_pcs[pd]), str(rng.randint(1, 200)), pd,
                                         size=rng.choice([1, 2, 2]), sur=e["surname"])
                for p in self.hh[ph]:
                    self.p_by[p] = self.p_by[mem[0]] - rng.randint(24, 36)
                    fam["parents"].append(p)
                    if rec:
                        self.rel.append((mem[0], p, "parent"))
                        self.rel.append((p, mem[0], "child"))
            for k in range(rng.choice([0, 1, 1, 2, 3])):
                sd = d if rng.random() < 0.6 else rng.randrange(len(DISTRICTS))
                sh = self.make_household(rng.choice(self.dist_pcs[sd]), str(rng.randint(1, 200)), sd,
                                         size=rng.choice([1, 2, 3, 4]), sur=e["surname"])
                s = self.hh[sh][0]
                self.p_by[s] = self.p_by[mem[0]] + rng.randint(-8, 8)
                fam["siblings"].append(s)
                if rec:
                    self.rel.append((mem[0], s, "sibling"))
                    self.rel.append((s, mem[0], "sibling"))
            if rng.random() < 0.13:
                xd = d if rng.random() < 0.7 else rng.randrange(len(DISTRICTS))
                xh = self.make_household(rng.choice(self.dist_pcs[xd]), str(rng.randint(1, 200)), xd,
                                         size=rng.choice([1, 2, 3]))
                x = self.hh[xh][0]
                self.p_by[x] = self.p_by[mem[0]] + rng.randint(-6, 6)
                fam["ex"] = x
                fam["ex_hh"] = xh
                if rng.random() < 0.7:
                    self.rel.append((mem[0], x, "ex_partner"))
                    self.rel.append((x, mem[0], "ex_partner"))
            e["fam"] = fam
        # police couples: partner of an employee is another employee
        withp = [e for e in emps if e.get("fam") and e["fam"]["partner"] is not None]
        rng.shuffle(withp)
        for e in withp[:len(withp) // 12]:
            cands = [x for x in rng.sample(emps, 6) if x.get("pid") is None and x["rank"] != "extern"]
            if not cands:
                continue
            x = cands[0]
            p = e["fam"]["partner"]
            x["pid"] = p
            x["surname"] = self.p_sur[p]
            x["hh"] = e["hh"]
            x["fam"] = {"parents": [], "siblings": [], "ex": None, "partner": e["pid"]}
            self.emp_of_person[p] = x["idx"]
            couples += 1
        self.emp_persons = [e["pid"] for e in emps if e["pid"] is not None]
        # cousins: same uncommon surname, no relation recorded
        self.cousins = {}
        top = set(n for n, _ in TOP_NL) | set(n for n, _ in TOP_OTHER)
        for e in emps:
            if e["pid"] is None or e["surname"] in top or rng.random() < 0.7:
                continue
            d = self.p_dist[e["pid"]]
            cd = d if d >= 0 and rng.random() < 0.6 else rng.randrange(len(DISTRICTS))
            ch = self.make_household(rng.choice(self.dist_pcs[cd]), str(rng.randint(1, 200)), cd,
                                     size=rng.choice([1, 2, 3]), sur=e["surname"])
            self.cousins[e["idx"]] = self.hh[ch][0]
        n = len(self.p_sur)
        self.n_persons = n

    # ------------------------------------------------------------------
    def build_shifts(self):
        """Roster (shifts.csv) and the shifts actually worked."""
        rng = self.rng
        D = self.days
        self.roster = [[] for _ in self.emps]     # (s, e) recorded
        self.worked = [[] for _ in self.emps]     # (s, e, slot)
        self.on_team_day = {}                     # (team, day) -> list of (emp, s, e)
        L0 = self.L0

        def lt(day, h, m=0):
            return l2u(L0 + day * DAY + h * HOUR + m * 60)

        for e in self.emps:
            pat = e["pattern"]
            leave = set()
            if rng.random() < 0.32:
                a = rng.randint(-5, D - 3)
                for k in range(a, a + rng.randint(5, 16)):
                    leave.add(k)
            for k in range(D):
                if rng.random() < 0.035:
                    leave.add(k)
            days_worked = []
            if pat == "rot":
                day = -rng.randint(0, 8)
                kind = rng.randrange(3)
                while day < D:
                    blk = rng.randint(2, 4)
                    for k in range(blk):
                        if -1 <= day < D:
                            days_worked.append((day, "ELN"[kind]))
                        day += 1
                    kind = (kind + 1) % 3
                    day += rng.randint(2, 3) if e["fte"] >= 0.8 else rng.randint(3, 5)
            elif pat in ("day", "wijk", "intake"):
                off = set(rng.sample(range(5), int(round((1 - e["fte"]) * 5))))
                for day in range(D):
                    wd = day % 7
                    if pat == "intake":
                        if rng.random() < 0.62 * e["fte"]:
                            days_worked.append((day, rng.choice("IIJ")))
                        continue
                    if wd >= 5:
                        if pat == "wijk" and rng.random() < 0.12:
                            days_worked.append((day, "V"))
                        elif e["kind"] == "recherche" and rng.random() < 0.06:
                            days_worked.append((day, "D"))
                        continue
                    if wd in off:
                        continue
                    if pat == "wijk":
                        days_worked.append((day, "V" if rng.random() < 0.3 else "D"))
                    else:
                        days_worked.append((day, "D"))
            for day, slot in days_worked:
                if day in leave or (e["start_day"] > 0 and day < e["start_day"]):
                    continue
                if slot == "E":
                    s, en = lt(day, 7), lt(day, 15)
                elif slot == "L":
                    s, en = lt(day, 15), lt(day, 23)
                elif slot == "N":
                    s, en = lt(day, 23), lt(day + 1, 7)
                elif slot == "D":
                    h = rng.choice([7, 8, 8, 8, 9])
                    m = rng.choice([0, 0, 30])
                    s, en = lt(day, h, m), lt(day, h + rng.choice([8, 8, 9]), m)
                elif slot == "V":
                    s, en = lt(day, 14), lt(day, 22)
                elif slot == "I":
                    s, en = lt(day, 8), lt(day, 16, 30)
                else:  # J
                    s, en = lt(day, 13, 30), lt(day, 22)
                if e["kind"] in ("meldkamer",) and slot in "ELN":
                    # meldkamer rosters start a little earlier
                    s -= 15 * 60
                ws, we = s, en
                if rng.random() < 0.12:
                    we = en + rng.randint(20, 150) * 60      # overtime, report writing
                recorded = True
                if e["kind"] in ("staf", "ondersteuning"):
                    recorded = False
                elif e["kind"] == "informatie_analyse" and slot == "D":
                    recorded = rng.random() < 0.5
                elif e["kind"] == "recherche":
                    recorded = rng.random() < 0.85
                elif rng.random() < 0.035:
                    recorded = False     # shift swap, roster not updated
                if recorded:
                    self.roster[e["idx"]].append((s, en))
                self.worked[e["idx"]].append((ws, we, slot))
                self.on_team_day.setdefault((e["team"] if (e["transfer_day"] is None or day >= e["transfer_day"]) else e["old_team"], day), []).append((e["idx"], ws, we))
            # swapped-away shifts: roster says working, employee was not
            if days_worked and rng.random() < 0.25 and e["kind"] not in ("staf", "ondersteuning"):
                day = rng.randrange(D)
                if all(w[0] < lt(day, 0) or w[0] > lt(day + 1, 0) for w in self.worked[e["idx"]]):
                    self.roster[e["idx"]].append((lt(day, 7), lt(day, 15)))
        for e in self.emps:
            self.roster[e["idx"]].sort()
            self.worked[e["idx"]].sort()

    def on_shift(self, team, t):
        day = (t - self.start_u) // DAY
        out = []
        for dd in (day, day - 1):
            for ei, s, e in self.on_team_day.get((team, dd), ()):
                if s <= t <= e:
                    out.append(ei)
        return out

    def team_of(self, e, t):
        if e["transfer_day"] is not None and t < self.start_u + e["transfer_day"] * DAY:
            return e["old_team"]
        return e["team"]

    # ------------------------------------------------------------------
    def build_cases(self):
        rng = self.rng
        self.cases = []          # dict(id, kind, unit, team, opened, closed, sensitive, persons[(p,role)], staff[(e,from,to)])
        self.case_of_person = {}  # p -> list of case indices
        D = self.days
        L0 = self.L0
        dcode = ["10", "20", "30", "40"]
        seqs = {}

        def bvh_no(d):
            seqs[d] = seqs.get(d, rng.randint(10000, 90000)) + rng.randint(1, 9)
            return "PL21%s0-2026%06d" % (dcode[d], seqs[d])

        self.bvh_no = bvh_no

        def add_case(**kw):
            c = dict(idx=len(self.cases), persons=[], staff=[], sensitive=False, closed="", assoc=[], **kw)
            self.cases.append(c)
            return c

        self.add_case = add_case

        def add_cp(c, p, role):
            c["persons"].append((p, role))
            self.case_of_person.setdefault(p, []).append(c["idx"])

        self.add_cp = add_cp

        # --- incidents: day/hour profile, weekend nights busier
        hour_w = [5, 4, 3, 2, 1.5, 1.5, 2, 3, 4, 5, 5, 5, 5.5, 5.5, 6, 6.5, 7, 7, 7, 7, 6.5, 6.5, 6, 5.5]
        self.incidents = []
        for d, (uid, name, share, _, _) in enumerate(DISTRICTS):
            per_day = 400 * share
            teams = self.dteams[d]["basis"] + ([self.dteams[d]["noodhulp"]] if self.dteams[d]["noodhulp"] else [])
            for day in range(-3, D):
                wk = day % 7
                n = int(per_day * (1.15 if wk >= 4 else 0.95) * rng.uniform(0.85, 1.15))
                for k in range(n):
                    h = rng.choices(range(24), weights=hour_w)[0]
                    if wk >= 5 and h < 5:
                        h = rng.choice([0, 1, 2, 3, 23])
                    t = l2u(L0 + day * DAY + h * HOUR + rng.randint(0, 3599))
                    team = rng.choice(teams)
                    c = add_case(id=bvh_no(d), kind="incident", unit=uid, team=team["idx"], opened_u=t, d=d)
                    typ = rng.random()
                    if typ < 0.16:
                        # domestic: two adults of one household (+ maybe the children)
                        adults = self.adults_by_dist[d]
                        a = rng.choice(adults)
                        mem = self.hh[self.p_hh[a]]
                        add_cp(c, a, "verdachte")
                        for m in mem[1:3]:
                            add_cp(c, m, "slachtoffer" if m == mem[1] else "betrokkene")
                        c["domestic"] = True
                    else:
                        np_ = rng.choices([1, 2, 3, 4, 6], cum_weights=[35, 70, 87, 96, 100])[0]
                        roles = ["melder", "verdachte", "slachtoffer", "getuige", "betrokkene"]
                        for j in range(np_):
                            r = rng.random()
                            if r < 0.42 and self.known[d]:
                                p = rng.choice(self.hot[d]) if rng.random() < 0.25 else rng.choice(self.known[d])
                            elif r < 0.93:
                                p = rng.choice(self.adults_by_dist[d])
                            else:
                                p = rng.choice(self.outside)
                            add_cp(c, p, roles[j] if j < len(roles) else "betrokkene")
                    # closing
                    x = rng.random()
                    if x < 0.68:
                        c["closed"] = fmt_loc(t + rng.randint(30 * 60, 14 * HOUR))
                    elif x < 0.88:
                        c["closed"] = fmt_date(t + rng.randint(1, 9) * DAY)
                    c["opened"] = fmt_loc(t) if rng.random() < 0.8 else fmt_z(t)
                    # responders on shift
                    on = self.on_shift(team["idx"], t)
                    resp = []
                    if on:
                        resp = rng.sample(on, min(len(on), rng.choice([1, 2, 2, 2, 3])))
                    else:
                        # neighbouring team helps
                        other = [tt for tt in teams if tt is not team]
                        if other:
                            on = self.on_shift(rng.choice(other)["idx"], t)
                            if on:
                                resp = rng.sample(on, min(len(on), 2))
                    c["responders"] = resp
                    for ei in resp:
                        if rng.random() < 0.82:
                            frm = fmt_loc(t - rng.randint(0, 600)) if rng.random() < 0.7 else fmt_date(t)
                            c["staff"].append((ei, frm, ""))
                    self.incidents.append(c["idx"])
        # public figures in ordinary incidents and aangiften (burglary at home, traffic accident, threats)
        win = [i for i in self.incidents if self.start_u < self.cases[i]["opened_u"] < self.end_u - DAY]
        for p in rng.sample(self.vips, min(len(self.vips), rng.randint(4, 9))):
            add_cp(self.cases[rng.choice(win)], p, rng.choice(["melder", "slachtoffer", "betrokkene", "verdachte"]))
        # employees themselves in incidents (legitimate: burglary at an officer's home, traffic accident)
        for e in rng.sample([x for x in self.emps if x["pid"] is not None], 12):
            cs = [self.cases[i] for i in self.incidents if self.cases[i]["d"] == self.p_dist[e["pid"]] and self.cases[i]["opened_u"] > self.start_u]
            if cs:
                add_cp(rng.choice(cs), e["pid"], rng.choice(["melder", "slachtoffer", "betrokkene"]))
        # --- intake (aangiften)
        for d, (uid, name, share, _, _) in enumerate(DISTRICTS):
            desk = self.dteams[d]["intake"]
            for day in range(-2, D):
                n = int(170 * share * (0.55 if day % 7 >= 5 else 1.0) * rng.uniform(0.85, 1.15))
                for k in range(n):
                    online = rng.random() < 0.35
                    t = l2u(L0 + day * DAY + rng.randint(8 * 3600, 21 * 3600))
                    team = desk if rng.random() < 0.8 else self.dteams[d]["basis"][rng.randrange(len(self.dteams[d]["basis"]))]
                    c = add_case(id=bvh_no(d), kind="intake", unit=uid, team=team["idx"], opened_u=t, d=d)
                    c["opened"] = fmt_date(t) if online else fmt_z(t)
                    v = rng.choice(self.adults_by_dist[d]) if rng.random() < 0.95 else rng.choice(self.outside)
                    add_cp(c, v, "aangever")
                    if rng.random() < 0.3:
                        add_cp(c, rng.choice(self.known[d]) if rng.random() < 0.6 else rng.choice(self.adults_by_dist[d]), "verdachte")
                    if rng.random() < 0.1:
                        add_cp(c, rng.choice(self.adults_by_dist[d]), "getuige")
                    if rng.random() < 0.45:
                        c["closed"] = fmt_date(t + rng.randint(0, 20) * DAY)
                    c["online"] = online
                    if not online:
                        on = self.on_shift(team["idx"], t)
                        if on:
                            ei = rng.choice(on)
                            c["intaker"] = ei
                            if rng.random() < 0.8:
                                c["staff"].append((ei, fmt_date(t), fmt_date(t)))
        # --- investigations
        self.investigations = []

        def investigation(team, d, sensitive, big):
            opened_day = rng.randint(-240, D - 6)
            c = add_case(id=None, kind="investigation", unit=team["unit"], team=team["idx"], d=d)
            c["opened_day"] = opened_day
            c["work_from"] = opened_day - (rng.randint(2, 12) if rng.random() < 0.4 else 0)
            c["opened"] = fmt_date(l2u(L0 + opened_day * DAY + 12 * HOUR))
            c["sensitive"] = sensitive
            src_d = d if d < len(DISTRICTS) else rng.randrange(len(DISTRICTS))
            nsus = rng.randint(2, 6) if big else rng.randint(1, 3)
            sus = []
            for k in range(nsus):
                p = rng.choice(self.hot[src_d]) if rng.random() < 0.5 else rng.choice(self.known[src_d])
                sus.append(p)
                add_cp(c, p, "verdachte")
            for k in range(rng.randint(0, 4)):
                add_cp(c, rng.choice(self.adults_by_dist[src_d]), rng.choice(["slachtoffer", "getuige", "aangever"]))
            assoc = []
            for p in sus:
                for m in self.hh[self.p_hh[p]]:
                    if m != p and rng.random() < 0.6:
                        assoc.append(m)
                for k in range(rng.randint(1, 5 if big else 3)):
                    assoc.append(rng.choice(self.known[src_d]) if rng.random() < 0.6 else rng.choice(self.adults_by_dist[rng.randrange(len(DISTRICTS))]))
            # some associates get registered later on (betrokkene), most not
            for p in assoc:
                if rng.random() < 0.3:
                    add_cp(c, p, "betrokkene")
            c["assoc"] = assoc
            c["sus"] = sus
            if opened_day < D - 20 and rng.random() < 0.25:
                cd = rng.randint(max(opened_day + 10, 5), D + 30)
                if cd < D:
                    c["closed"] = fmt_date(l2u(L0 + cd * DAY + 12 * HOUR))
                    c["closed_day"] = cd
            # staff: part of the team registered, with lag
            mem = team["members"][:]
            rng.shuffle(mem)
            core = mem[:rng.randint(3, 8 if big else 5)]
            c["core"] = core
            for k, ei in enumerate(core):
                if rng.random() < 0.78:
                    fd = max(opened_day, -300) + (rng.randint(0, 10) if rng.random() < 0.3 else 0)
                    frm = fmt_date(l2u(L0 + fd * DAY + 12 * HOUR)) if rng.random() < 0.85 else ""
                    to = ""
                    if rng.random() < 0.08:
                        to = fmt_date(l2u(L0 + rng.randint(max(fd, 2), D - 1) * DAY + 12 * HOUR))
                    c["staff"].append((ei, frm, to))
            self.investigations.append(c["idx"])
            return c

        inv_no = 100
        for d in range(len(DISTRICTS)):
            for t in self.dteams[d]["rech"]:
                for k in range(rng.randint(10, 18)):
                    c = investigation(t, d, rng.random() < 0.06, False)
                    inv_no += rng.randint(1, 4)
                    c["id"] = "ONZ-%s%s-26%03d" % (t["id"].split("-")[2], t["id"][-1], inv_no % 1000)
        codenames = ["ZILVERREIGER", "KOUDVUUR", "NACHTVLINDER", "ROODBORST", "GRAFIET", "WATERLELIE",
                     "SPOORZOEKER", "KORENBLOEM", "BASALT", "TOERMALIJN", "HAVIK", "MERIDIAAN", "OBSIDIAAN",
                     "PAPAVER", "DOLOMIET", "VALKENIER", "STORMVOGEL", "KWARTS", "GLASVEZEL", "ZANDLOPER",
                     "BRANDGANS", "KORHOEN", "IJSVOGEL", "STEENUIL", "WOLFRAAM", "BARNSTEEN"]
        rng.shuffle(codenames)
        for k, t in enumerate(self.drr):
            for j in range(rng.randint(6, 10)):
                sens = rng.random() < (0.75 if k in (0, 1) else 0.3)
                c = investigation(t, len(DISTRICTS), sens, True)
                c["id"] = "26OB%s-%s" % ("TGO" if k == 0 else "RR", codenames.pop() if codenames else "%03d" % rng.randint(100, 999))
        # threat assessments for shielded persons (Bewaken en Beveiligen)
        for p in self.shielded:
            if rng.random() < 0.55:
                c = add_case(id="BB-OB-%04d" % rng.randint(1000, 9999), kind="investigation", unit=REGIO,
                             team=self.rt["bb"]["idx"], d=len(DISTRICTS))
                c["opened"] = fmt_date(l2u(L0 - rng.randint(30, 700) * DAY))
                c["sensitive"] = True
                add_cp(c, p, "bedreigde")
                c["opened_day"] = -100
                c["work_from"] = -100
                c["assoc"] = []
                c["sus"] = []
                c["core"] = []
                for ei in rng.sample(self.rt["bb"]["members"], 3):
                    c["staff"].append((ei, "", ""))
        self.sensitive_cases = [c for c in self.cases if c["sensitive"] and c["kind"] == "investigation" and not c["closed"] and c["sus"]]

    # ------------------------------------------------------------------
    # events

    def ev(self, u, ei, system, action, p, case=None, tag=None):
        ms = self.rng.randint(0, 999) if system == "meos" else 0
        self.events.append((u, ms, ei, system, action, p, case, tag))

    def lookup(self, u, ei, p, case=None, tag=None, system=None, view_p=0.75, extra=0):
        """a query followed (usually) by a view of the same person"""
        rng = self.rng
        sysm = system or rng.choice(["bvh", "bvh", "blueview", "bvh"])
        self.ev(u, ei, sysm, "query", p, case, tag)
        if sysm in ("bvh", "blueview", "brp") and rng.random() < 0.12:
            # a name search returns several people: one event per person in the hit list
            same = self.by_surname.get(self.p_sur[p])
            if same and len(same) > 1:
                for k in range(rng.randint(1, 4)):
                    q = rng.choice(same)
                    if q != p:
                        self.ev(u, ei, sysm, "query", q, case, ("L", "query_hitlist"))
        t = u
        if rng.random() < view_p:
            t += rng.randint(4, 90)
            self.ev(t, ei, "bvh" if sysm in ("brp", "rdw") else sysm, "view", p, case, tag)
            for k in range(extra):
                t += rng.randint(30, 900)
                self.ev(t, ei, "bvh", "view", p, case, tag)
        return t

    def times_in(self, s, e, n):
        rng = self.rng
        return sorted(rng.randint(s + 60, max(s + 61, e - 60)) for _ in range(n))

    def legit_events(self):
        rng = self.rng
        self.by_surname = {}
        for i, n in enumerate(self.p_sur):
            self.by_surname.setdefault(n, []).append(i)
        cases = self.cases
        emps = self.emps
        D = self.days
        end_u = self.end_u
        start_u = self.start_u
        mk = self.rt["mk"]["idx"]
        rtic = self.rt["drio0"]["idx"]

        def in_window(u):
            return start_u <= u < end_u

        # 1. incidents: responders, control room, RTIC, related persons at the address
        for ci in self.incidents:
            c = cases[ci]
            t0 = c["opened_u"]
            if not in_window(t0 - HOUR) and not in_window(t0 + 10 * HOUR):
                continue
            ps = [p for p, r in c["persons"]]
            # control room: before and around the opening
            on = self.on_shift(mk, t0)
            if on:
                op = rng.choice(on)
                for p in ps:
                    if rng.random() < 0.7:
                        u = t0 - rng.randint(0, 900)
                        if in_window(u):
                            self.lookup(u, op, p, c["id"] if rng.random() < 0.3 else None, ("L", "meldkamer_incident"), system="bvh", view_p=0.5)
                if rng.random() < 0.15 and len(on) > 1:
                    op2 = rng.choice(on)
                    u = t0 + rng.randint(60, 3600)
                    if in_window(u):
                        self.lookup(u, op2, rng.choice(ps), None, ("L", "meldkamer_incident"), view_p=0.6)
            for ei in c["responders"]:
                u = t0 + rng.randint(60, 1500)
                for p in ps:
                    if rng.random() < 0.88:
                        u += rng.randint(20, 400)
                        if in_window(u):
                            cid = c["id"] if rng.random() < 0.45 else None
                            sysm = rng.choice(["meos", "meos", "bvh", "blueview"])
                            self.lookup(u, ei, p, cid, ("L", "incident_responder"), system=sysm, view_p=0.8,
                                        extra=1 if rng.random() < 0.2 else 0)
                # address check: who else lives there
                if c.get("domestic") or rng.random() < 0.12:
                    for p in ps[:1]:
                        for m in self.hh[self.p_hh[p]]:
                            if m not in ps and rng.random() < 0.7:
                                u2 = t0 + rng.randint(120, 2400)
                                if in_window(u2):
                                    self.lookup(u2, ei, m, None, ("L", "address_check"), system=rng.choice(["meos", "bvh"]), view_p=0.5)
                # follow-up on a later shift: statement, report
                if rng.random() < 0.3:
                    ws = [w for w in self.worked[ei] if t0 + 4 * HOUR < w[0] < t0 + 6 * DAY]
                    if ws:
                        w = ws[0]
                        u3 = rng.randint(w[0], w[1])
                        if in_window(u3):
                            self.lookup(u3, ei, rng.choice(ps), c["id"] if rng.random() < 0.5 else None, ("L", "incident_followup"), system="bvh", view_p=0.9)
            # RTIC for serious incidents
            if rng.random() < 0.06:
                on = self.on_shift(rtic, t0)
                if on:
                    an = rng.choice(on)
                    u = t0 + rng.randint(120, 1800)
                    for p in ps:
                        if in_window(u):
                            self.lookup(u, an, p, c["id"] if rng.random() < 0.3 else None, ("L", "rtic_incident"), system="blueview", view_p=0.7)
                        for m in self.hh[self.p_hh[p]][:3]:
                            u += rng.randint(30, 200)
                            if m != p and in_window(u) and rng.random() < 0.6:
                                self.lookup(u, an, m, None, ("L", "rtic_incident"), system="blueview", view_p=0.4)
            # team leader checks reports of the team's incidents on next working day
            if rng.random() < 0.05:
                tm = self.teams[c["team"]]
                lead = [x for x in tm["members"] if emps[x]["function"] == "leiding"]
                if lead:
                    li = rng.choice(lead)
                    ws = [w for w in self.worked[li] if t0 < w[0] < t0 + 4 * DAY]
                    if ws:
                        u = rng.randint(ws[0][0], ws[0][1])
                        if in_window(u):
                            self.lookup(u, li, rng.choice(ps), c["id"] if rng.random() < 0.3 else None, ("L", "leader_review"), system="bvh", view_p=1.0)
        # 2. intake
        for c in cases:
            if c["kind"] != "intake" or "intaker" not in c:
                continue
            t0 = c["opened_u"]
            ei = c["intaker"]
            u = t0 - rng.randint(60, 1500)
            for p, r in c["persons"]:
                u += rng.randint(30, 400)
                if in_window(u):
                    self.lookup(u, ei, p, c["id"] if rng.random() < 0.35 else None, ("L", "intake_aangifte"), system="bvh", view_p=0.7)
            if rng.random() < 0.04 and in_window(u + 600):
                self.ev(u + rng.randint(300, 900), ei, "bvh", "print", c["persons"][0][0], c["id"], ("L", "intake_print"))
        # online aangiften handled later by the desk
        desk_on = {}
        for c in cases:
            if c["kind"] == "intake" and c.get("online") and rng.random() < 0.6:
                t0 = c["opened_u"] + rng.randint(1, 3) * DAY
                on = self.on_shift(self.dteams[c["d"]]["intake"]["idx"], t0 + 10 * HOUR)
                if on:
                    ei = rng.choice(on)
                    w = [x for x in self.worked[ei] if x[0] <= t0 + 10 * HOUR <= x[1]]
                    if w:
                        u = rng.randint(w[0][0], w[0][1])
                        if in_window(u):
                            for p, r in c["persons"]:
                                self.lookup(u, ei, p, c["id"] if rng.random() < 0.5 else None, ("L", "intake_online"), system="bvh", view_p=0.8)
                                u += rng.randint(20, 200)
        # 3. per worked shift, by role
        for e in emps:
            ei = e["idx"]
            fn = e["function"]
            for (s, en, slot) in self.worked[ei]:
                if not in_window(s) and not in_window(en):
                    continue
                team = self.team_of(e, s)
                d = self.teams[team]["d"]
                if fn in ("noodhulp", "basisteam"):
                    self.shift_patrol(e, s, en, slot, d)
                elif fn == "wijkagent":
                    self.shift_wijk(e, s, en, d)
                elif fn == "meldkamer":
                    self.shift_meldkamer(e, s, en)
                elif fn == "intake":
                    self.shift_intake(e, s, en, d)
                elif fn == "rechercheur":
                    self.shift_recherche(e, s, en, team)
                elif fn == "analist":
                    self.shift_analist(e, s, en)
                elif fn == "cie":
                    self.shift_cie(e, s, en)
                elif fn == "observant":
                    self.shift_observant(e, s, en)
                elif fn == "verkeer":
                    self.shift_verkeer(e, s, en)
                elif fn == "beveiliging":
                    self.shift_bb(e, s, en)
                elif fn == "functioneel beheer":
                    self.shift_fb(e, s, en)
                elif fn == "integriteit":
                    self.shift_vik(e, s, en)
                elif fn == "leiding":
                    if rng.random() < 0.3:
                        for u in self.times_in(s, en, rng.randint(1, 4)):
                            self.lookup(u, ei, rng.choice(self.known[d]), None, ("L", "leader_briefing"), system="bvh", view_p=0.8)
                elif fn in ("staf", "ondersteuning"):
                    if rng.random() < 0.01:
                        u = rng.randint(s, en)
                        self.lookup(u, ei, rng.choice(self.vips) if rng.random() < 0.3 and fn == "staf" else rng.choice(self.adults_by_dist[rng.randrange(4)]),
                                    None, ("L", "staff_occasional"), system="bvh", view_p=0.6)
        # 4. traffic / checkpoint actions (controle-acties): several officers, many persons
        for day in range(D):
            for d in range(len(DISTRICTS)):
                if rng.random() < 0.18:
                    tm = rng.choice(self.dteams[d]["basis"])
                    u0 = l2u(self.L0 + day * DAY + rng.choice([10, 14, 19, 21]) * HOUR)
                    on = self.on_shift(tm["idx"], u0)
                    if len(on) >= 2:
                        for ei in rng.sample(on, min(len(on), rng.randint(2, 5))):
                            for u in self.times_in(u0, u0 + rng.randint(90, 180) * 60, rng.randint(10, 35)):
                                p = rng.choice(self.adults_by_dist[d]) if rng.random() < 0.85 else rng.choice(self.outside)
                                self.lookup(u, ei, p, None, ("L", "checkpoint_action"), system=rng.choice(["rdw", "meos", "meos"]), view_p=0.25)
        # 5. piket: officer of duty consulted at home at night (not on a shift)
        leaders = [x["idx"] for x in emps if x["function"] == "leiding"]
        for ci in rng.sample(self.incidents, len(self.incidents) // 120):
            c = cases[ci]
            t0 = c["opened_u"]
            lt_ = (time.gmtime(t0 + offset(t0))[3])
            if not in_window(t0) or not (lt_ >= 23 or lt_ < 6):
                continue
            cand = [x for x in leaders if emps[x]["d"] == c["d"]]
            if cand:
                li = rng.choice(cand)
                u = t0 + rng.randint(300, 2400)
                for p, r in c["persons"][:3]:
                    self.lookup(u, li, p, c["id"] if rng.random() < 0.3 else None, ("L", "piket_call"), system="bvh", view_p=0.9)
                    u += rng.randint(30, 200)

    def shift_patrol(self, e, s, en, slot, d):
        rng = self.rng
        ei = e["idx"]
        n = rng.choice([0, 1, 2, 3, 3, 4, 5, 6, 8]) if slot != "D" else rng.randint(0, 3)
        if e["start_day"] > 0 and (s - self.start_u) // DAY < e["start_day"] + 10:
            n += rng.randint(0, 4)   # new colleagues practise with the systems on real street checks
        for u in self.times_in(s, en, n):
            r = rng.random()
            if r < 0.35:
                p = rng.choice(self.known[d])
            elif r < 0.9:
                p = rng.choice(self.adults_by_dist[d])
            else:
                p = rng.choice(self.outside)
            sysm = rng.choice(["meos", "meos", "meos", "rdw", "bvh", "blueview"])
            self.lookup(u, ei, p, None, ("L", "street_check"), system=sysm, view_p=0.6)
            if sysm == "rdw" and rng.random() < 0.3:
                # passengers / household of the car owner
                for m in self.hh[self.p_hh[p]][1:3]:
                    self.lookup(u + rng.randint(30, 200), ei, m, None, ("L", "street_check"), system="meos", view_p=0.3)
        # old cases of the team's known repeat offenders (ploegoverdracht / briefing)
        if slot in "EL" and rng.random() < 0.2:
            for u in self.times_in(s, s + 1800, rng.randint(1, 4)):
                self.lookup(u, ei, rng.choice(self.hot[d]), None, ("L", "briefing_top_offenders"), system="bvh", view_p=0.9)

    def shift_wijk(self, e, s, en, d):
        rng = self.rng
        ei = e["idx"]
        wk = self.wijk_of.get(ei)
        if wk is None:
            self.shift_patrol(e, s, en, "D", d)
            return
        for u in self.times_in(s, en, rng.randint(2, 12)):
            r = rng.random()
            if r < 0.55:
                p = rng.choice(wk["regulars"])
            elif r < 0.9:
                p = rng.choice(wk["res"])
            else:
                p = rng.choice(self.known[d])
            cid = None
            cs = self.case_of_person.get(p)
            if cs and rng.random() < 0.3:
                cid = self.cases[cs[-1]]["id"]
            self.lookup(u, ei, p, cid, ("L", "wijkagent_area"), system=rng.choice(["bvh", "bvh", "blueview", "brp"]), view_p=0.8,
                        extra=1 if rng.random() < 0.1 else 0)

    def shift_meldkamer(self, e, s, en):
        rng = self.rng
        for u in self.times_in(s, en, rng.randint(8, 35)):
            d = rng.randrange(len(DISTRICTS))
            r = rng.random()
            p = rng.choice(self.known[d]) if r < 0.25 else rng.choice(self.adults_by_dist[d]) if r < 0.95 else rng.choice(self.outside)
            self.lookup(u, e["idx"], p, None, ("L", "meldkamer_call"), system=rng.choice(["bvh", "brp", "blueview"]), view_p=0.35)

    def shift_intake(self, e, s, en, d):
        rng = self.rng
        for u in self.times_in(s, en, rng.randint(2, 10)):
            p = rng.choice(self.adults_by_dist[d]) if rng.random() < 0.9 else rng.choice(self.outside)
            self.lookup(u, e["idx"], p, None, ("L", "intake_caller"), system=rng.choice(["bvh", "brp"]), view_p=0.5)

    def active_investigations(self, team, day):
        out = []
        for ci in self.investigations:
            c = self.cases[ci]
            if c["team"] != team:
                continue
            if c["work_from"] > day:
                continue
            if c.get("closed_day") is not None and c["closed_day"] < day - 3:
                continue
            out.append(c)
        return out

    def shift_recherche(self, e, s, en, team):
        rng = self.rng
        ei = e["idx"]
        day = (s - self.start_u) // DAY
        key = (team, day)
        if not hasattr(self, "_act"):
            self._act = {}
        act = self._act.get(key)
        if act is None:
            act = self.active_investigations(team, day)
            self._act[key] = act
        if not act:
            return
        mine = [c for c in act if ei in c["core"]]
        pool = mine if (mine and rng.random() < 0.8) else act
        k = rng.choice([1, 1, 2])
        for c in rng.sample(pool, min(k, len(pool))):
            n = rng.randint(2, 12)
            sus = c["sus"] or [p for p, r in c["persons"]]
            for u in self.times_in(s, en, n):
                r = rng.random()
                if r < 0.5:
                    p = rng.choice(sus)
                elif r < 0.75 and c["assoc"]:
                    p = rng.choice(c["assoc"])
                elif r < 0.9:
                    p = rng.choice(c["persons"])[0]
                else:
                    # new contact from a tap / camera: identify
                    p = rng.choice(self.adults_by_dist[rng.randrange(len(DISTRICTS))])
                    if rng.random() < 0.5:
                        c["assoc"].append(p)
                cid = c["id"] if rng.random() < 0.35 else None
                self.lookup(u, ei, p, cid, ("L", "investigation_work"), system=rng.choice(["summit", "summit", "bvh", "blueview", "brp"]), view_p=0.8)
                if rng.random() < 0.025:
                    self.ev(u + rng.randint(60, 600), ei, "summit", rng.choice(["export", "print"]), p, cid, ("L", "investigation_file"))
        # support for another team's investigation (not on case_staff)
        if rng.random() < 0.04:
            others = [ci for ci in self.investigations if self.cases[ci]["team"] != team and not self.cases[ci]["closed"] and self.cases[ci]["sus"]]
            if others:
                c = self.cases[rng.choice(others)]
                for u in self.times_in(s, en, rng.randint(1, 6)):
                    self.lookup(u, ei, rng.choice(c["sus"] + c["assoc"]), c["id"] if rng.random() < 0.4 else None,
                                ("L", "investigation_support"), system="summit", view_p=0.8)

    def shift_analist(self, e, s, en):
        rng = self.rng
        ei = e["idx"]
        for u in self.times_in(s, en, rng.randint(5, 25)):
            r = rng.random()
            if r < 0.5:
                c = self.cases[rng.choice(self.investigations)]
                p = rng.choice(c["sus"] + c["assoc"]) if c["sus"] else rng.choice(c["persons"])[0]
                cid = c["id"] if rng.random() < 0.4 else None
            else:
                d = rng.randrange(len(DISTRICTS))
                p = rng.choice(self.known[d])
                cid = None
            self.lookup(u, ei, p, cid, ("L", "analysis"), system=rng.choice(["blueview", "blueview", "bvi", "summit"]), view_p=0.5)
        # periodic top lists / hotspot analyses: bursts of many known persons, with export
        if rng.random() < 0.05:
            d = rng.randrange(len(DISTRICTS))
            u0 = rng.randint(s, max(s + 1, en - 3600))
            lst = rng.sample(self.hot[d], min(len(self.hot[d]), rng.randint(20, 60)))
            for k, p in enumerate(lst):
                u = u0 + k * rng.randint(20, 70)
                self.ev(u, ei, "blueview", "query", p, None, ("L", "analysis_toplist"))
                if rng.random() < 0.3:
                    self.ev(u + 10, ei, "blueview", "export", p, None, ("L", "analysis_toplist"))

    def shift_observant(self, e, s, en):
        rng = self.rng
        if rng.random() < 0.5 or not self.sensitive_cases:
            return
        c = rng.choice(self.sensitive_cases[:6])
        for u in self.times_in(s, en, rng.randint(1, 6)):
            p = rng.choice(c["sus"] + c["assoc"])
            self.lookup(u, e["idx"], p, c["id"] if rng.random() < 0.3 else None, ("L", "observation_support"),
                        system=rng.choice(["blueview", "rdw", "bvh"]), view_p=0.6)

    def shift_cie(self, e, s, en):
        """informants' information: targets named by informants, mostly in no case, some in
        running (sensitive) investigations of other teams; handlers are on no case_staff"""
        rng = self.rng
        if not hasattr(self, "_cie_targets"):
            tg = []
            for d in range(len(DISTRICTS)):
                tg += rng.sample(self.hot[d], min(len(self.hot[d]), 25))
                tg += rng.sample(self.known[d], 30)
            for c in self.sensitive_cases:
                tg += c["sus"]
            self._cie_targets = tg
        for u in self.times_in(s, en, rng.randint(0, 9)):
            p = rng.choice(self._cie_targets)
            self.lookup(u, e["idx"], p, None, ("L", "cie_informant_info"), system=rng.choice(["bvh", "blueview", "bvi"]), view_p=0.8)
            if rng.random() < 0.25:
                for m in self.hh[self.p_hh[p]][1:3]:
                    self.lookup(u + rng.randint(60, 400), e["idx"], m, None, ("L", "cie_informant_info"), system="brp", view_p=0.3)

    def shift_verkeer(self, e, s, en):
        rng = self.rng
        for u in self.times_in(s, en, rng.randint(0, 10)):
            d = rng.randrange(len(DISTRICTS))
            p = rng.choice(self.adults_by_dist[d]) if rng.random() < 0.8 else rng.choice(self.outside)
            self.lookup(u, e["idx"], p, None, ("L", "traffic_control"), system="rdw", view_p=0.3)

    def shift_bb(self, e, s, en):
        rng = self.rng
        if rng.random() < 0.5:
            return
        for u in self.times_in(s, en, rng.randint(1, 4)):
            p = rng.choice(self.shielded)
            cs = [ci for ci in self.case_of_person.get(p, []) if self.cases[ci]["kind"] == "investigation"]
            cid = self.cases[cs[0]]["id"] if cs and rng.random() < 0.5 else None
            self.lookup(u, e["idx"], p, cid, ("L", "protection_duty"), system="bvh", view_p=0.9)
            # the protected person's household (who lives at the address)
            if rng.random() < 0.3:
                for m in self.hh[self.p_hh[p]][1:2]:
                    self.lookup(u + 120, e["idx"], m, None, ("L", "protection_duty"), system="bvh", view_p=0.5)

    def shift_fb(self, e, s, en):
        rng = self.rng
        for u in self.times_in(s, en, rng.randint(0, 8)):
            d = rng.randrange(len(DISTRICTS))
            p = rng.choice(self.adults_by_dist[d])
            self.lookup(u, e["idx"], p, None, ("L", "functional_support"), system=rng.choice(["bvh", "blueview"]), view_p=0.7)

    def shift_vik(self, e, s, en):
        rng = self.rng
        if rng.random() < 0.4:
            return
        # screening of new hires and relatives, own integrity investigations (colleagues)
        for u in self.times_in(s, en, rng.randint(1, 5)):
            x = rng.random()
            if x < 0.5:
                col = rng.choice(self.emps)
                if col["pid"] is None:
                    continue
                p = col["pid"]
                if rng.random() < 0.3 and col.get("fam") and col["fam"]["partner"] is not None:
                    p = col["fam"]["partner"]
            else:
                p = rng.choice(self.adults_by_dist[rng.randrange(4)])
            self.lookup(u, e["idx"], p, None, ("L", "integrity_screening"), system=rng.choice(["bvh", "blueview", "brp"]), view_p=0.9)

    # ------------------------------------------------------------------
    def improper_events(self):
        rng = self.rng
        emps = self.emps
        D = self.days
        self.n_inc = 0

        def new_inc():
            self.n_inc += 1
            return "I-%04d" % self.n_inc

        def weight(e):
            w = {"hoofdagent": 3.0, "brigadier": 2.6, "agent": 1.6, "inspecteur": 0.8, "burger": 0.6,
                 "surveillant": 1.0, "aspirant": 0.5, "extern": 0.5}.get(e["rank"], 0.4)
            w *= {"basisteam": 1.6, "noodhulp": 1.6, "wijkteam": 1.4, "recherche": 1.0, "intake_service": 1.0,
                  "meldkamer": 0.9, "informatie_analyse": 0.8, "specialistisch": 0.9}.get(e["kind"], 0.2)
            return w

        def pick(cond):
            cand = [e for e in emps if cond(e) and self.worked[e["idx"]]]
            if not cand:
                return None
            return rng.choices(cand, weights=[weight(x) for x in cand])[0]

        used = set()

        def work_time(e, min_day=0):
            ws = [w for w in self.worked[e["idx"]] if w[0] >= self.start_u + min_day * DAY and w[1] < self.end_u]
            if not ws:
                return None
            w = rng.choice(ws)
            return rng.randint(w[0] + 600, max(w[0] + 601, w[1] - 300))

        def off_time(e, min_gap=3 * HOUR):
            rs = self.roster[e["idx"]]
            ws = self.worked[e["idx"]]
            for k in range(60):
                day = rng.randrange(D)
                h = rng.choice([7, 9, 11, 12, 16, 19, 20, 21, 21, 22, 22, 23])
                u = l2u(self.L0 + day * DAY + h * HOUR + rng.randint(0, 3599))
                if any(a - min_gap <= u <= b + min_gap for a, b in rs):
                    continue
                if any(a - HOUR <= u <= b + HOUR for a, b, _ in ws):
                    continue
                if self.start_u <= u < self.end_u:
                    return u
            return None

        def when(e, off_p=0.18, min_day=0):
            if rng.random() < off_p:
                u = off_time(e, min_gap=HOUR)
                if u:
                    return u
            return work_time(e, min_day)

        def cover_case(e, u):
            """a case id of the employee's own work, given as cover"""
            cs = [c for c in self.cases if c["kind"] == "incident" and c["team"] == e["team"] and abs(c["opened_u"] - u) < 2 * DAY]
            if cs:
                return rng.choice(cs)["id"]
            return None

        def emit(e, u, p, inc, scen, n=None, system=None, cover=0.08, days_apart=False):
            n = n or 1
            if u is None:
                u = off_time(e, min_gap=HOUR) or l2u(self.L0 + rng.randrange(self.days) * DAY + 20 * HOUR)
            tag = ("I", inc, scen)
            cid = cover_case(e, u) if rng.random() < cover else None
            sysm = system or rng.choice(["bvh", "bvh", "blueview", "meos", "brp"])
            t = u
            for k in range(n):
                if k and days_apart and rng.random() < 0.5:
                    t2 = when(e)
                    t = t2 if t2 else t + rng.randint(60, 900)
                elif k:
                    t += rng.randint(20, 900)
                act = "query" if (k == 0 and rng.random() < 0.6) else "view"
                self.ev(t, e["idx"], sysm, act, p, cid, tag)

        def unrelated(e, d=None):
            while True:
                dd = d if d is not None else rng.randrange(len(DISTRICTS))
                p = rng.choice(self.adults_by_dist[dd])
                if p in self.case_of_person or p in self.emp_of_person:
                    continue
                if e.get("hh") is not None and self.p_hh[p] == e["hh"]:
                    continue
                if e["pid"] is not None and self.p_pc[p] == self.p_pc[e["pid"]]:
                    continue
                return p

        counts = dict(self_=rng.randint(5, 9), family=rng.randint(5, 9), partner=rng.randint(3, 6),
                      ex_partner=rng.randint(4, 8), neighbour=rng.randint(4, 8), surname_relative=rng.randint(3, 5),
                      colleague=rng.randint(6, 10), vip_curiosity=rng.randint(4, 7), shielded=rng.randint(1, 3),
                      sensitive_investigation=rng.randint(4, 8), off_shift=rng.randint(4, 7), browsing=rng.randint(3, 5),
                      following=rng.randint(3, 5), export_print=rng.randint(4, 7), volume_spike=rng.randint(2, 4))
        has_p = lambda e: e["pid"] is not None and e.get("fam") is not None and e["idx"] not in used

        for k in range(counts["self_"]):
            e = pick(has_p)
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            emit(e, when(e, 0.25), e["pid"], inc, "self", n=rng.randint(1, 3))
        for k in range(counts["family"]):
            e = pick(lambda x: has_p(x) and (x["fam"]["parents"] or x["fam"]["siblings"]))
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            p = rng.choice(e["fam"]["parents"] + e["fam"]["siblings"])
            # sometimes the relative was in an incident of the own unit (arrested brother)
            if rng.random() < 0.25 and self.p_dist[p] >= 0:
                d = self.p_dist[p]
                cs = [self.cases[i] for i in self.incidents if self.cases[i]["d"] == d and self.cases[i]["opened_u"] > self.start_u + 2 * DAY and self.cases[i]["opened_u"] < self.end_u - DAY]
                c = rng.choice(cs) if cs else self.cases[self.incidents[-1]]
                self.add_cp(c, p, "verdachte")
                on = [w for w in self.worked[e["idx"]] if w[0] - 2 * HOUR <= c["opened_u"] <= w[1]]
                u = (c["opened_u"] + rng.randint(600, 5400)) if on else when(e)
                emit(e, u, p, inc, "family", n=rng.randint(1, 3))
            else:
                emit(e, when(e), p, inc, "family", n=rng.randint(1, 3), days_apart=True)
        for k in range(counts["partner"]):
            e = pick(lambda x: has_p(x) and x["fam"]["partner"] is not None)
            if not e:
                break
            used.add(e["idx"])
            emit(e, when(e), e["fam"]["partner"], new_inc(), "partner", n=rng.randint(1, 2))
        for k in range(counts["ex_partner"]):
            e = pick(lambda x: has_p(x) and x["fam"]["ex"] is not None)
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            x = e["fam"]["ex"]
            emit(e, when(e, 0.25), x, inc, "ex_partner", n=rng.randint(1, 3), days_apart=True)
            if rng.random() < 0.4:
                # the ex's new partner
                mem = self.hh[e["fam"]["ex_hh"]]
                if len(mem) > 1:
                    emit(e, when(e), mem[1], inc, "ex_partner", n=rng.randint(1, 2))
            if rng.random() < 0.35:
                emit(e, when(e), x, inc, "ex_partner", n=1)
        for k in range(counts["neighbour"]):
            e = pick(has_p)
            if not e:
                break
            pc = self.p_pc[e["pid"]]
            nb = [p for h in self.pc_hh[pc] if h != e["hh"] for p in self.hh[h]
                  if p not in self.emp_of_person and (self.p_by[p] or 1980) < 2010]
            fam = set(e["fam"]["parents"] + e["fam"]["siblings"])
            nb = [p for p in nb if p not in fam]
            if not nb:
                continue
            used.add(e["idx"])
            inc = new_inc()
            for p in rng.sample(nb, min(len(nb), rng.choice([1, 1, 2]))):
                emit(e, when(e, 0.3), p, inc, "neighbour", n=rng.randint(1, 2), cover=0.2)
        for k in range(counts["surname_relative"]):
            e = pick(lambda x: x["idx"] in self.cousins and x["idx"] not in used)
            if not e:
                break
            used.add(e["idx"])
            emit(e, when(e), self.cousins[e["idx"]], new_inc(), "surname_relative", n=rng.randint(1, 2))
        for k in range(counts["colleague"]):
            e = pick(lambda x: x["idx"] not in used)
            if not e:
                break
            tm = [x for x in self.teams[e["team"]]["members"] if x != e["idx"] and emps[x]["pid"] is not None]
            if not tm or rng.random() < 0.3:
                tm = [x["idx"] for x in emps if x["unit"] == e["unit"] and x["pid"] is not None and x["idx"] != e["idx"]]
            if not tm:
                continue
            used.add(e["idx"])
            inc = new_inc()
            col = emps[rng.choice(tm)]
            emit(e, when(e), col["pid"], inc, "colleague", n=rng.randint(1, 3), days_apart=True)
            if rng.random() < 0.3 and col.get("fam") and col["fam"]["partner"] is not None:
                emit(e, when(e), col["fam"]["partner"], inc, "colleague", n=1)
        # VIPs not in any case
        free_vips = [p for p in self.vips if p not in self.case_of_person]
        for k in range(counts["vip_curiosity"]):
            e = pick(lambda x: x["idx"] not in used)
            if not e or not free_vips:
                break
            used.add(e["idx"])
            emit(e, when(e), rng.choice(free_vips), new_inc(), "vip_curiosity", n=rng.randint(1, 2))
        for k in range(counts["shielded"]):
            e = pick(lambda x: x["idx"] not in used and x["kind"] != "specialistisch")
            if not e:
                break
            used.add(e["idx"])
            emit(e, when(e), rng.choice(self.shielded), new_inc(), "shielded", n=rng.randint(1, 2))
        # leaks about sensitive investigations
        for k in range(counts["sensitive_investigation"]):
            if not self.sensitive_cases:
                break
            c = rng.choice(self.sensitive_cases)
            staffed = set(x[0] for x in c["staff"]) | set(c["core"])
            ud = c["d"] if c["d"] < len(DISTRICTS) else rng.randrange(len(DISTRICTS))
            e = pick(lambda x: x["idx"] not in used and x["idx"] not in staffed and x["team"] != c["team"]
                     and (x["unit"] == c["unit"] or x["d"] == ud or rng.random() < 0.3))
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            targets = rng.sample(c["sus"], min(len(c["sus"]), rng.randint(1, 3)))
            u = work_time(e)
            for p in targets:
                # hidden among street checks / with a cover case number / over several days
                emit(e, u, p, inc, "sensitive_investigation", n=rng.randint(1, 2), cover=0.25, days_apart=rng.random() < 0.3)
                u += rng.randint(60, 1800)
        for k in range(counts["off_shift"]):
            e = pick(lambda x: x["idx"] not in used and self.roster[x["idx"]])
            if not e:
                break
            u = off_time(e)
            if u is None:
                continue
            used.add(e["idx"])
            p = unrelated(e)
            inc = new_inc()
            t = u
            for j in range(rng.randint(1, 3)):
                self.ev(t, e["idx"], rng.choice(["meos", "blueview", "bvh"]), "query" if j == 0 else "view", p, None, ("I", inc, "off_shift"))
                t += rng.randint(20, 600)
        for k in range(counts["browsing"]):
            e = pick(lambda x: x["idx"] not in used)
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            u = work_time(e, 3)
            dur = rng.randint(20, 45) * 60
            n = rng.randint(12, 30)
            home = self.p_dist[e["pid"]] if e["pid"] is not None and self.p_dist[e["pid"]] >= 0 else None
            by = self.p_by[e["pid"]] if e["pid"] is not None else None
            # old classmates: same birth year, same area; or random names
            pool = [p for p in self.adults_by_dist[home if home is not None else 0] if by and self.p_by[p] is not None and abs(self.p_by[p] - by) <= 1] if rng.random() < 0.5 else []
            for j in range(n):
                p = rng.choice(pool) if pool else unrelated(e)
                self.ev(u + int(dur * j / n) + rng.randint(0, 40), e["idx"], rng.choice(["bvh", "blueview"]),
                        rng.choice(["query", "query", "view"]), p, None, ("I", inc, "browsing"))
        # following someone over weeks, half of them a person first met on duty
        for k in range(counts["following"]):
            e = pick(lambda x: x["idx"] not in used and x["kind"] in ("basisteam", "noodhulp", "wijkteam", "intake_service", "meldkamer"))
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            p = None
            if rng.random() < 0.5:
                met = [c for c in self.cases if c["kind"] in ("incident", "intake") and e["idx"] in c.get("responders", []) + [c.get("intaker")]
                       and c["opened_u"] < self.start_u + 10 * DAY and c["opened_u"] > self.start_u]
                if met:
                    c = rng.choice(met)
                    vs = [q for q, r in c["persons"] if r in ("slachtoffer", "melder", "aangever")]
                    if vs:
                        p = rng.choice(vs)
            if p is None:
                p = unrelated(e)
            n = rng.randint(6, 12)
            ds = sorted(rng.sample(range(8, D), min(n, D - 8)))
            for day in ds:
                ws = [w for w in self.worked[e["idx"]] if self.start_u + day * DAY <= w[0] < self.start_u + (day + 1) * DAY]
                if ws and rng.random() < 0.8:
                    u = rng.randint(ws[0][0], ws[0][1])
                else:
                    u = l2u(self.L0 + day * DAY + rng.randint(18, 23) * HOUR)
                self.ev(u, e["idx"], rng.choice(["bvh", "blueview", "meos"]), "view", p, None, ("I", inc, "following"))
        for k in range(counts["export_print"]):
            e = pick(lambda x: x["idx"] not in used)
            if not e:
                break
            used.add(e["idx"])
            inc = new_inc()
            p = unrelated(e)
            u = work_time(e)
            self.ev(u, e["idx"], "bvh", "view", p, None, ("I", inc, "export_print"))
            self.ev(u + rng.randint(30, 600), e["idx"], "bvh", rng.choice(["export", "print"]), p, None, ("I", inc, "export_print"))
        for k in range(counts["volume_spike"]):
            e = pick(lambda x: x["idx"] not in used and x["kind"] in ("basisteam", "noodhulp", "intake_service", "wijkteam", "recherche"))
            if not e:
                break
            ws = [w for w in self.worked[e["idx"]] if w[0] >= self.start_u + 10 * DAY and w[1] < self.end_u]
            if not ws:
                continue
            used.add(e["idx"])
            inc = new_inc()
            w = rng.choice(ws)
            n = rng.randint(40, 90)
            d = rng.randrange(len(DISTRICTS))
            for u in self.times_in(w[0], w[1], n):
                p = unrelated(e, d)
                self.ev(u, e["idx"], rng.choice(["bvh", "brp"]), "query", p, None, ("I", inc, "volume_spike"))
                if rng.random() < 0.15:
                    self.ev(u + 30, e["idx"], "bvh", "export", p, None, ("I", inc, "volume_spike"))
        # news hype: a famous person in an incident of one district
        for wave in range(rng.choice([1, 1, 2])):
            d = rng.randrange(len(DISTRICTS))
            uid = DISTRICTS[d][0]
            if rng.random() < 0.5:
                star = rng.choice([p for p in self.vips if p not in self.case_of_person] or self.vips)
            else:
                star = rng.choice(self.adults_by_dist[d])
            day = rng.randint(6, D - 3)
            t0 = l2u(self.L0 + day * DAY + rng.randint(1, 22) * HOUR)
            team = rng.choice(self.dteams[d]["basis"])
            c = self.add_case(id=self.bvh_no(d), kind="incident", unit=uid, team=team["idx"], opened_u=t0, d=d)
            c["opened"] = fmt_loc(t0)
            c["closed"] = fmt_loc(t0 + rng.randint(3, 10) * HOUR)
            self.add_cp(c, star, rng.choice(["verdachte", "slachtoffer", "betrokkene"]))
            on = self.on_shift(team["idx"], t0)
            resp = rng.sample(on, min(len(on), 3)) if on else []
            for ei in resp:
                c["staff"].append((ei, fmt_loc(t0), ""))
                self.lookup(t0 + rng.randint(120, 1200), ei, star, c["id"], ("L", "incident_responder"), system="meos", view_p=1.0, extra=1)
            # officers of the other units, on shift, open the file out of curiosity
            n = rng.randint(8, 28)
            cands = [x for x in emps if x["unit"] != uid and x["kind"] not in ("staf", "ondersteuning") and x["idx"] not in used]
            rng.shuffle(cands)
            got = 0
            for x in cands:
                if got >= n:
                    break
                ws = [w for w in self.worked[x["idx"]] if w[1] > t0 + 1800 and w[0] < t0 + 22 * HOUR]
                if not ws:
                    continue
                w = ws[0]
                u = rng.randint(max(w[0], t0 + 1800), min(w[1], t0 + 22 * HOUR))
                inc = new_inc()
                used.add(x["idx"])
                self.ev(u, x["idx"], rng.choice(["bvh", "blueview", "meos"]), rng.choice(["query", "view"]), star, None, ("I", inc, "news_hype"))
                if rng.random() < 0.4:
                    self.ev(u + rng.randint(60, 3 * HOUR), x["idx"], "bvh", "view", star, None, ("I", inc, "news_hype"))
                got += 1

    # ------------------------------------------------------------------
    def write(self, out, debug):
        os.makedirs(out, exist_ok=True)
        rng = self.rng
        # person numbers as a registry hands them out: not in household or creation order
        n = len(self.p_sur)
        perm = list(range(1000000, 1000000 + n * 3, 3))
        rng.shuffle(perm)
        P = ["P%07d" % x for x in perm]

        def wcsv(name, header, rows):
            with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows(rows)

        wcsv("units.csv", ["unit_id", "name", "fte"], [(u, n, "%.1f" % f) for u, n, f in self.units])
        wcsv("teams.csv", ["team_id", "unit_id", "kind", "name"],
             [(t["id"], t["unit"], t["kind"], t["name"]) for t in self.teams])
        rows = []
        for e in self.emps:
            pid = P[e["pid"]] if e["pid"] is not None else ""
            if e["old_team"] is not None:
                ot = self.teams[e["old_team"]]
                rows.append((e["id"], pid, e["surname"], ot["unit"], ot["id"], e["rank"], e["function"]))
        for e in self.emps:
            pid = P[e["pid"]] if e["pid"] is not None else ""
            rows.append((e["id"], pid, e["surname"], e["unit"], self.teams[e["team"]]["id"], e["rank"], e["function"]))
        wcsv("employees.csv", ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function"], rows)
        with open(os.path.join(out, "persons.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["person_id", "surname", "birth_year", "postcode", "house_number", "flags"])
            for i in sorted(range(n), key=perm.__getitem__):
                pc = self.p_pc[i]
                if i % 23 == 0:
                    pc = pc[:4] + " " + pc[4:]
                by = self.p_by[i]
                w.writerow((P[i], self.p_sur[i], "" if by is None else by, pc, self.p_hn[i], self.p_flags[i]))
        seen = set()
        rel = []
        for a, b, k in self.rel:
            if (a, b, k) in seen or a == b:
                continue
            seen.add((a, b, k))
            rel.append((P[a], P[b], k))
        wcsv("relations.csv", ["person_id", "related_person_id", "kind"], rel)
        tid = [t["id"] for t in self.teams]
        wcsv("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"],
             [(c["id"], c["kind"], c["unit"], tid[c["team"]] if c["team"] is not None else "", c["opened"], c["closed"],
               "true" if c["sensitive"] else "false") for c in self.cases])
        wcsv("case_persons.csv", ["case_id", "person_id", "role"],
             [(c["id"], P[p], r) for c in self.cases for p, r in c["persons"]])
        eid = [e["id"] for e in self.emps]
        wcsv("case_staff.csv", ["case_id", "employee_id", "from", "to"],
             [(c["id"], eid[x], f, t) for c in self.cases for x, f, t in c["staff"]])
        rows = []
        for e in self.emps:
            for s, en in self.roster[e["idx"]]:
                if en < self.start_u - 2 * DAY or s > self.end_u + DAY:
                    continue
                rows.append((e["id"], fmt_loc(s), fmt_loc(en)))
        wcsv("shifts.csv", ["employee_id", "start", "end"], rows)
        # events
        evs = [x for x in self.events if self.start_u <= x[0] < self.end_u]
        evs.sort(key=lambda x: (x[0], x[1]))
        self.n_events = len(evs)
        self.n_improper = 0
        incs = set()
        fe = open(os.path.join(out, "events.jsonl"), "w", encoding="utf-8")
        ft = open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="")
        ft.write("event_id,incident_id,scenario\n")
        fd = open(os.path.join(out, "debug_sources.csv"), "w", encoding="utf-8") if debug else None
        if fd:
            fd.write("event_id,source\n")
        for n, (u, ms, ei, sysm, act, p, cid, tag) in enumerate(evs):
            i = "ev%08d" % (n + 1)
            if sysm == "meos":
                ts = fmt_zms(u, ms)
            elif sysm == "blueview":
                ts = fmt_zsp(u)
            elif sysm in ("bvh", "summit", "bvi"):
                ts = fmt_loc(u)
            else:
                ts = fmt_z(u)
            if cid is None:
                if sysm == "meos":
                    cs = ""
                elif sysm == "summit":
                    cs = ',"case_id":""'
                else:
                    cs = ',"case_id":null'
            else:
                cs = ',"case_id":"%s"' % cid
            fe.write('{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s}\n'
                     % (i, ts, self.emps[ei]["id"], sysm, act, P[p], cs))
            if tag[0] == "I":
                ft.write("%s,%s,%s\n" % (i, tag[1], tag[2]))
                self.n_improper += 1
                incs.add(tag[1])
            elif fd:
                fd.write("%s,%s\n" % (i, tag[1]))
        fe.close()
        ft.close()
        if fd:
            fd.close()
        self.n_incidents = len(incs)


if __name__ == "__main__":
    main()
