#!/usr/bin/env python3
"""Red team 17: a synthetic Eenheid Oost-Nederland during a reorganisation.

    python3 bench/redteam17/gen.py OUTDIR --seed S [--debug]

Writes OUTDIR/context/*.csv[.gz] (docs/formats.md section 2), OUTDIR/events.jsonl.gz
(section 3), OUTDIR/truth.csv (section 6) and with --debug OUTDIR/debug_sources.csv.gz.
Standard library only.  See README.md next to this file for what the world models.
"""
import argparse
import bisect
import calendar
import gzip
import os
import random
import sys
import time

# ---------------------------------------------------------------- time
# Period: Monday 2 March 2026 00:00 local (+01:00) for 28 days.  Summer time starts
# Sunday 29 March 2026 01:00 UTC (day 27), so the last day straddles the change.
T0 = calendar.timegm((2026, 3, 1, 23, 0, 0))
DAYS = 28
DST = calendar.timegm((2026, 3, 29, 1, 0, 0))
MERGE_DAY = 14  # Monday 16 March: the reorganisation takes effect
H = 3600
M = 60
D = 86400


def off(t):
    return 7200 if t >= DST else 3600


def lt(day, hour):
    """UTC epoch of local clock time `hour` (float hours, may exceed 24) on `day`."""
    t = T0 + day * D + int(hour * H)
    if t >= DST:
        t -= 3600
    return t


def local_hour(t):
    return ((t + off(t)) % D) / H


def local_day(t):
    return (t + off(t) - T0 - 3600) // D


def fz(t):
    g = time.gmtime(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % g[:6]


def floc(t, sep="T", frac=None):
    o = off(t)
    g = time.gmtime(t + o)
    s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (g[0], g[1], g[2], sep, g[3], g[4], g[5])
    if frac is not None:
        s += ".%03d" % frac
    return s + ("+02:00" if o == 7200 else "+01:00")


def fdate(t):
    g = time.gmtime(t + off(t))
    return "%04d-%02d-%02d" % g[:3]


# ---------------------------------------------------------------- geography
# district unit -> basisteams: (team suffix, name, pc4 ranges, population weight)
DISTRICTS = [
    ("on_nog", "District Noord- en Oost-Gelderland", [
        ("APD", "Basisteam Apeldoorn", [(7311, 7339)], 16),
        ("NVW", "Basisteam Noord-Veluwe", [(3841, 3853), (8071, 8085)], 12),
        ("ZUT", "Basisteam IJssel-Berkel (Zutphen, Lochem)", [(7201, 7245)], 9),
        ("ACW", "Basisteam Achterhoek-West", [(7001, 7064)], 11),
        ("ACO", "Basisteam Achterhoek-Oost", [(7101, 7161)], 9),
    ]),
    ("on_gm", "District Gelderland-Midden", [
        ("ARN-N", "Basisteam Arnhem-Noord", [(6811, 6828)], 9),
        ("ARN-Z", "Basisteam Arnhem-Zuid", [(6831, 6846)], 8),
        ("EDE", "Basisteam Ede, Wageningen", [(6711, 6741)], 12),
        ("RHD", "Basisteam Veluwezoom", [(6861, 6999)], 9),
        ("BTN", "Basisteam Betuwe-Noord", [(6661, 6687)], 8),
    ]),
    ("on_gz", "District Gelderland-Zuid", [
        ("NIJ-N", "Basisteam Nijmegen-Noord", [(6511, 6525)], 9),
        ("NIJ-Z", "Basisteam Nijmegen-Zuid", [(6531, 6546)], 9),
        ("RIV", "Basisteam Rivierenland", [(4001, 4024), (4101, 4117)], 11),
        ("MWL", "Basisteam Maas en Waal", [(6601, 6659)], 9),
    ]),
    ("on_ijl", "District IJsselland", [
        ("ZWL", "Basisteam Zwolle", [(8011, 8046)], 12),
        ("KMP", "Basisteam Kampen", [(8261, 8281)], 6),
        ("DEV", "Basisteam Deventer", [(7411, 7441)], 10),
        ("SAL", "Basisteam Salland", [(8101, 8148)], 8),
        ("VCD", "Basisteam Vechtdal", [(7701, 7799)], 10),
    ]),
    ("on_tw", "District Twente", [
        ("ENS", "Basisteam Enschede", [(7511, 7548)], 15),
        ("HGL", "Basisteam Hengelo, Borne", [(7550, 7559), (7621, 7625)], 10),
        ("ALM", "Basisteam Almelo", [(7601, 7609)], 9),
        ("NOT", "Basisteam Noordoost-Twente", [(7570, 7591)], 8),
        ("TWZ", "Basisteam Twente-Zuid", [(7480, 7491)], 6),
    ]),
]
# reorganisation: old team suffix -> new team suffix (from MERGE_DAY)
MERGES = {"ARN-N": "ARN", "ARN-Z": "ARN", "NIJ-N": "NIJ", "NIJ-Z": "NIJ", "KMP": "ZWL"}
NEWTEAMS = {"ARN": ("on_gm", "Basisteam Arnhem"), "NIJ": ("on_gz", "Basisteam Nijmegen")}
DSHORT = {"on_nog": "NOG", "on_gm": "GM", "on_gz": "GZ", "on_ijl": "IJL", "on_tw": "TW"}

NL_SURNAMES = (
    "Jansen:40 de Jong:25 de Vries:25 van den Berg:16 Bakker:16 Visser:14 Smit:14 Meijer:13 "
    "Mulder:12 de Boer:12 Hendriks:14 Gerritsen:12 Peters:10 Willems:9 Hermsen:8 Janssen:10 "
    "Wolters:8 Kamphuis:8 Nijhuis:9 Hofman:7 Lammers:7 Roelofs:8 Brinkman:7 Kuipers:6 "
    "ter Horst:6 Ter Haar:4 Oude Luttikhuis:2 Scholten:9 Hulshof:5 Bosch:6 Dijkstra:6 "
    "Vos:7 Post:5 Huisman:7 Kok:6 Koster:5 Prins:5 Brouwer:7 van Dijk:12 Bos:9 "
    "van Leeuwen:6 Verhoeven:5 Gerrits:6 Arends:6 Evers:5 Wessels:6 Veldhuis:5 Snijders:5 "
    "Tijhuis:3 Oude Nijhuis:2 Haverkamp:4 Klein Gunnewiek:2 Ten Dam:3 Heijink:3 Wissink:4 "
    "Rouwenhorst:3 Assink:3 Leferink:2 Lubbers:4 Boerrigter:2 Stokkers:2 Groot Wassink:1 "
    "te Lintelo:1 Reinders:4 Eijkelkamp:3 Hummelink:2 Spekschoor:1 Dijkman:3 Overbeek:3 "
    "'t Hart:3 van 't Hof:2 van der Heijden:6 Jacobs:6 Willemsen:7 Thijssen:4 Derksen:6 "
    "Verbeek:5 Aalbers:3 Roesink:2 Hoogeveen:3 Hendriksen:5 Smeenk:3 Pasman:2 Buitenhuis:2 "
    "Boeijink:1 Kleinherenbrink:1 Ribbers:2 Oosterhof:3 Fokkink:2 Wolbers:2 Dute:1 Pot:3")
NNL_SURNAMES = (
    "Yılmaz:6 Kaya:5 Öztürk:4 Demir:5 Çelik:4 Şahin:3 Yıldız:3 Aydın:3 Doğan:2 Arslan:2 "
    "El Amrani:3 Bouzid:2 Benali:3 El Idrissi:2 Amrani:2 Ait Taleb:1 Boukhari:1 Ouali:2 "
    "Nguyen:3 Tran:2 Kowalski:3 Nowak:4 Wiśniewski:2 Lewandowski:2 Popescu:2 Ionescu:1 "
    "Pinas:2 Rijssel:1 Sno:1 Martina:2 Statia:1 Haile:2 Tesfay:2 Mohamed:4 Ali:4 Hussein:2 "
    "Rahimi:2 Ahmadi:2 Haddad:1 Kovačević:1 Hodžić:2 Begić:1 Silva:2 Santos:2 García:1")


def parse_names(s):
    out = []
    for tok in s.split(" "):
        pass
    # names may contain spaces: split on the weight marker
    parts = s.split(":")
    name = parts[0]
    for p in parts[1:]:
        w, _, rest = p.partition(" ")
        out.append((name.strip(), int(w)))
        name = rest
    return out


FIRST_EMP_FUNCS = {}

# ---------------------------------------------------------------- generator


class World:
    def __init__(self, seed, debug):
        self.r = random.Random(seed)
        self.debug = debug
        self.seed = seed

    # ------------------------------------------------------------ persons
    def make_population(self):
        r = self.r
        nl = parse_names(NL_SURNAMES)
        nnl = parse_names(NNL_SURNAMES)
        self.nl_names = [n for n, w in nl]
        self.nl_w = list(__import__("itertools").accumulate(w for n, w in nl))
        self.nnl_names = [n for n, w in nnl]
        self.nnl_w = list(__import__("itertools").accumulate(w for n, w in nnl))
        # rare surnames (families that are the only one in the region with this name)
        syl1 = ["Olde", "Ten", "Klein", "Groot", "Oude", "Te", "Ter"]
        syl2 = ["Brinke", "Velthuis", "Bulten", "Hoeve", "Kotte", "Wierik", "Scheper", "Haar",
                "Weghorst", "Beld", "Molen", "Bekke", "Boomkamp", "Hekkert", "Zuthem",
                "Lohuis", "Riet", "Stroet", "Veldkamp", "Wiefferink", "Horstink", "Hagen",
                "Bruggink", "Elferink", "Kappert", "Mors", "Vrielink", "Damhuis"]
        self.rare = sorted({a + " " + b for a in syl1 for b in syl2})

        self.p_id, self.p_sn, self.p_by, self.p_pc, self.p_hn, self.p_flags = [], [], [], [], [], []
        self.p_team = []  # basisteam suffix of residence (or None)
        self.hh_of = []
        self.households = []  # list of member lists
        self.truerel = {}  # idx -> list of (idx, kind)  (kind: what other is to idx)
        self.recrel = []  # recorded relation rows (a, b, kind)
        self.pc6_members = {}
        self.pc4_pc6 = {}
        self.team_pc4 = {}
        self.team_district = {}
        self.team_name = {}
        ids = r.sample(range(1000000, 9999999), 330000)
        self._ids = iter(ids)

        teams = []
        for dist, _dn, bts in DISTRICTS:
            for suf, name, ranges, w in bts:
                pcs = []
                for a, b in ranges:
                    pcs.extend(range(a, b + 1))
                k = min(len(pcs), max(6, w))
                pcs = sorted(r.sample(pcs, k))
                self.team_pc4[suf] = pcs
                self.team_district[suf] = dist
                self.team_name[suf] = name
                teams.append((suf, w))
                for pc in pcs:
                    letters = set()
                    while len(letters) < r.randint(25, 60):
                        letters.add(chr(65 + r.randint(0, 25)) + chr(65 + r.randint(0, 25)))
                    self.pc4_pc6[pc] = ["%d%s" % (pc, l) for l in sorted(letters)]
        self.bt_suffixes = [s for s, w in teams]
        tw = sum(w for s, w in teams)
        target = 255000
        for suf, w in teams:
            n = int(target * w / tw)
            made = 0
            while made < n:
                pc4 = r.choice(self.team_pc4[suf])
                pc6 = r.choice(self.pc4_pc6[pc4])
                made += len(self.make_household(pc6, suf))
        # persons not resident in the region (visitors, foreign, no fixed abode)
        for _ in range(9000):
            x = r.random()
            if x < 0.45:
                pc = ""
            elif x < 0.9:
                pc = "%d%s%s" % (r.randint(1011, 9999), chr(65 + r.randint(0, 25)), chr(65 + r.randint(0, 25)))
            else:
                pc = r.choice(["49080", "48143", "46395", "D-48599", "B-2000"])  # German/Belgian
            self.new_person(self.surname(0.35), r.randint(1950, 2008), pc, None)
        self.nres = len(self.p_id)
        # known offenders: persons the police meet again and again
        self.known = []
        self.known_by_team = {s: [] for s in self.bt_suffixes}
        for i in range(len(self.p_id)):
            by = self.p_by[i]
            if by and 1972 <= by <= 2010 and r.random() < 0.035:
                self.known.append(i)
                t = self.p_team[i]
                if t:
                    self.known_by_team[t].append(i)
        self.res_by_team = {s: [] for s in self.bt_suffixes}
        for i in range(self.nres):
            t = self.p_team[i]
            if t:
                self.res_by_team[t].append(i)

    def surname(self, p_foreign=0.13):
        r = self.r
        x = r.random()
        if x < p_foreign:
            return self.nnl_names[bisect.bisect_right(self.nnl_w, r.random() * self.nnl_w[-1])]
        if x < p_foreign + 0.06:
            return r.choice(self.rare)
        return self.nl_names[bisect.bisect_right(self.nl_w, r.random() * self.nl_w[-1])]

    def new_person(self, sn, by, pc6, team, hn=None):
        i = len(self.p_id)
        self.p_id.append("P%d" % next(self._ids))
        self.p_sn.append(sn)
        self.p_by.append(by)
        self.p_pc.append(pc6)
        self.p_hn.append(hn if hn is not None else "")
        self.p_flags.append("")
        self.p_team.append(team)
        self.hh_of.append(-1)
        if pc6 and team:
            self.pc6_members.setdefault(pc6, []).append(i)
        return i

    def rel(self, a, b, kind, prec):
        """true relation: b is `kind` to a; recorded with probability prec."""
        inv = {"partner": "partner", "ex_partner": "ex_partner", "parent": "child", "child": "parent",
               "sibling": "sibling", "household": "household"}[kind]
        self.truerel.setdefault(a, []).append((b, kind))
        self.truerel.setdefault(b, []).append((a, inv))
        if self.r.random() < prec:
            if self.r.random() < 0.5:
                self.recrel.append((a, b, kind))
            else:
                self.recrel.append((b, a, inv))

    def house_number(self):
        r = self.r
        n = str(r.choice([r.randint(1, 40), r.randint(1, 40), r.randint(1, 250)]))
        x = r.random()
        if x < 0.08:
            n += r.choice("ABCD")
        elif x < 0.12:
            n += "-" + str(r.randint(1, 4))
        elif x < 0.13:
            n += " bis"
        return n

    def make_household(self, pc6, team, size=None, sn=None, head_by=None):
        r = self.r
        if size is None:
            x = r.random()
            size = 1 if x < 0.36 else 2 if x < 0.66 else 3 if x < 0.79 else 4 if x < 0.93 else 5
        sn = sn or self.surname()
        hn = self.house_number()
        by = head_by or r.randint(1936, 2006)
        members = [self.new_person(sn, by, pc6, team, hn)]
        if size >= 2:
            if r.random() < 0.82:
                psn = sn if r.random() < 0.5 else self.surname()
                p = self.new_person(psn, min(2007, by + r.randint(-5, 5)), pc6, team, hn)
                self.rel(members[0], p, "partner" if r.random() < 0.8 else "household", 0.45)
                members.append(p)
            else:
                p = self.new_person(self.surname(), by + r.randint(-3, 3), pc6, team, hn)
                self.rel(members[0], p, "household", 0.3)
                members.append(p)
        kids = []
        for _ in range(size - 2):
            cby = min(2025, by + r.randint(20, 40))
            c = self.new_person(sn, cby, pc6, team, hn)
            for par in members[:2]:
                self.rel(c, par, "parent", 0.35)
            for k in kids:
                self.rel(c, k, "sibling", 0.15)
            kids.append(c)
        members += kids
        h = len(self.households)
        self.households.append(members)
        for m in members:
            self.hh_of[m] = h
        return members

    # ------------------------------------------------------------ organisation
    def make_org(self):
        r = self.r
        self.teams = []  # (team_id, unit, kind, name)
        self.team_kind = {}
        self.team_unit = {}

        def add_team(tid, unit, kind, name):
            self.teams.append((tid, unit, kind, name))
            self.team_kind[tid] = kind
            self.team_unit[tid] = unit
        self.bt_tid = {}
        for dist, dname, bts in DISTRICTS:
            ds = DSHORT[dist]
            for suf, name, _rg, _w in bts:
                tid = "ON-%s-BT-%s" % (ds, suf)
                self.bt_tid[suf] = tid
                add_team(tid, dist, "basisteam", name)
            add_team("ON-%s-DR" % ds, dist, "recherche", "Districtsrecherche " + dname.split("District ")[1])
            add_team("ON-%s-IK" % ds, dist, "informatie_analyse", "Informatieknooppunt " + ds)
        for suf, (dist, name) in NEWTEAMS.items():
            tid = "ON-%s-BT-%s" % (DSHORT[dist], suf)
            self.bt_tid[suf] = tid
            add_team(tid, dist, "basisteam", name)
        # wijkteams exist as separate teams in two basisteams
        add_team("ON-TW-WT-ENS", "on_tw", "wijkteam", "Wijkteam Enschede")
        add_team("ON-NOG-WT-APD", "on_nog", "wijkteam", "Wijkteam Apeldoorn")
        for tid, kind, name in [
            ("ON-DRR-OND", "recherche", "Ondermijning"), ("ON-DRR-ZWC", "recherche", "Zware en georganiseerde criminaliteit"),
            ("ON-DRR-TGO", "recherche", "Team Grootschalige Opsporing"), ("ON-DRR-ZJ", "recherche", "Zeden, Jeugd en Kwetsbare Personen"),
            ("ON-DRR-FIN", "recherche", "Financieel-economische criminaliteit"), ("ON-DRR-CYB", "recherche", "Cybercrime"),
            ("ON-DRR-OBT", "specialistisch", "Observatieteam"), ("ON-DRR-CIE", "specialistisch", "Criminele Inlichtingen Eenheid"),
            ("ON-DRR-FO", "specialistisch", "Forensische Opsporing")]:
            add_team(tid, "on_drr", kind, name)
        add_team("ON-DRIO-RTIC", "on_drio", "informatie_analyse", "Real Time Intelligence Center")
        add_team("ON-DRIO-AO", "on_drio", "informatie_analyse", "Analyse en Onderzoek")
        add_team("ON-DROS-MK1", "on_dros", "meldkamer", "Meldkamer Oost-Nederland, locatie Apeldoorn")
        add_team("ON-DROS-MK2", "on_dros", "meldkamer", "Meldkamer Oost-Nederland, locatie Hengelo")
        add_team("ON-DROS-IS", "on_dros", "intake_service", "Intake en Service")
        add_team("ON-DROS-AOT", "on_dros", "specialistisch", "Aanhoudings- en ondersteuningsteam")
        add_team("ON-STAF-VIK", "on_staf", "staf", "Veiligheid, Integriteit en Klachten")
        add_team("ON-STAF-EL", "on_staf", "staf", "Staf eenheidsleiding")
        add_team("ON-STAF-FB", "on_staf", "ondersteuning", "Functioneel beheer politiesystemen")

        # staffing: (team, role, count, rank weights)
        R_NH = [("aspirant", 3), ("agent", 22), ("hoofdagent", 50), ("brigadier", 18), ("inspecteur", 4), ("", 1)]
        R_WA = [("hoofdagent", 55), ("brigadier", 45)]
        R_RE = [("agent", 4), ("hoofdagent", 40), ("brigadier", 38), ("inspecteur", 12), ("burger", 6)]
        R_CIV = [("burger", 70), ("hoofdagent", 12), ("brigadier", 12), ("inspecteur", 6)]
        R_MK = [("burger", 55), ("hoofdagent", 25), ("brigadier", 20)]
        R_LD = [("inspecteur", 60), ("hoofdinspecteur", 30), ("brigadier", 10)]
        plan = []
        for dist, dname, bts in DISTRICTS:
            ds = DSHORT[dist]
            for suf, name, _rg, w in bts:
                tid = self.bt_tid[suf]
                n = int(w * 7.2)
                plan.append((tid, "noodhulp", n, R_NH))
                wtid = tid
                if suf == "ENS":
                    wtid = "ON-TW-WT-ENS"
                if suf == "APD":
                    wtid = "ON-NOG-WT-APD"
                plan.append((wtid, "wijkagent", max(3, int(w * 1.3)), R_WA))
                plan.append((tid, "baliemedewerker", max(2, int(w * 0.35)), R_MK))
                plan.append((tid, "leiding", 3, R_LD))
            plan.append(("ON-%s-DR" % ds, "rechercheur", 44, R_RE))
            plan.append(("ON-%s-IK" % ds, "analist", 8, R_CIV))
        for tid, n in [("ON-DRR-OND", 55), ("ON-DRR-ZWC", 45), ("ON-DRR-TGO", 40), ("ON-DRR-ZJ", 35),
                       ("ON-DRR-FIN", 25), ("ON-DRR-CYB", 20)]:
            plan.append((tid, "rechercheur", n, R_RE))
        plan += [("ON-DRR-OBT", "observant", 24, R_RE), ("ON-DRR-CIE", "cie", 12, R_RE),
                 ("ON-DRR-FO", "forensisch", 30, R_RE), ("ON-DRIO-RTIC", "rtic", 34, R_CIV),
                 ("ON-DRIO-AO", "analist", 40, R_CIV), ("ON-DROS-MK1", "meldkamer", 62, R_MK),
                 ("ON-DROS-MK2", "meldkamer", 52, R_MK), ("ON-DROS-IS", "intake", 85, R_MK),
                 ("ON-DROS-AOT", "aot", 26, R_NH), ("ON-STAF-VIK", "vik", 9, R_RE),
                 ("ON-STAF-EL", "staf", 38, [("burger", 55), ("inspecteur", 15), ("hoofdinspecteur", 15), ("commissaris", 12), ("hoofdcommissaris", 3)]),
                 ("ON-STAF-FB", "functioneel_beheer", 14, [("burger", 65), ("extern", 35)])]
        self.emps = []
        eids = r.sample(range(100000, 999999), 4000)
        k = 0
        for tid, role, n, rw in plan:
            ranks = [x for x, w in rw]
            wts = [w for x, w in rw]
            for _ in range(n):
                self.add_emp("E%d" % eids[k], tid, role, r.choices(ranks, wts)[0], 0, DAYS)
                k += 1
        # reorganisation: merged basisteams
        for e in self.emps:
            suf = self.suffix_of(e["hist"][0][0])
            if suf in MERGES and e["role"] in ("noodhulp", "wijkagent", "baliemedewerker", "leiding"):
                e["hist"].append((self.bt_tid[MERGES[suf]], MERGE_DAY))
        # individual transfers (some into other units), on various days
        movers = r.sample([e for e in self.emps if e["role"] in ("noodhulp", "rechercheur", "meldkamer", "wijkagent")], 70)
        dr_teams = [t[0] for t in self.teams if t[2] == "recherche"]
        for e in movers:
            day = r.choice([MERGE_DAY] * 4 + list(range(8, 21)))
            if e["role"] == "noodhulp":
                if r.random() < 0.55:
                    e["hist"].append((r.choice(dr_teams), day))
                    e["newrole"] = ("rechercheur", day)
                else:
                    e["hist"].append((self.bt_tid[r.choice([s for s in self.bt_suffixes if s not in MERGES])], day))
            elif e["role"] == "rechercheur":
                e["hist"].append((r.choice(dr_teams), day))
            elif e["role"] == "meldkamer":
                e["hist"].append((self.bt_tid[r.choice(self.bt_suffixes[:8])], day))
                e["newrole"] = ("noodhulp", day)
            else:
                e["hist"].append((self.bt_tid[r.choice([s for s in self.bt_suffixes if s not in MERGES])], day))
        # leavers
        for e in r.sample(self.emps, 32):
            e["end"] = r.randint(6, 24)
        # new recruits start after the reorganisation (aspiranten with a mentor)
        for _ in range(45):
            suf = r.choice([s for s in self.bt_suffixes if s not in MERGES] + ["ARN", "NIJ"])
            e = self.add_emp("E%d" % eids[k], self.bt_tid[suf], "noodhulp", "aspirant", MERGE_DAY + r.choice([0, 0, 0, 7]), DAYS)
            e["recruit"] = True
            k += 1
        self.emp_by_id = {e["eid"]: e for e in self.emps}
        self.person_emp = {e["pidx"]: e for e in self.emps}

    def suffix_of(self, tid):
        if "-BT-" in tid:
            return tid.split("-BT-")[1]
        return None

    def add_emp(self, eid, tid, role, rank, start, end):
        r = self.r
        e = {"eid": eid, "role": role, "rank": rank, "start": start, "end": end, "hist": [(tid, 0)]}
        # home and family
        unit = self.team_unit[tid]
        suf = self.suffix_of(tid)
        if suf in MERGES and suf not in self.team_pc4:
            suf = None
        x = r.random()
        if suf and suf in self.team_pc4 and x < 0.3:
            home = suf
        elif unit in DSHORT and x < 0.75:
            home = r.choice([s for d, _n, b in DISTRICTS if d == unit for s, *_ in b])
        else:
            home = r.choice(self.bt_suffixes)
        pc4 = r.choice(self.team_pc4[home])
        pc6 = r.choice(self.pc4_pc6[pc4])
        by = r.randint(1962, 2003) if rank != "aspirant" else r.randint(1998, 2006)
        sn = self.surname(0.12)
        size = r.choice([1, 1, 2, 2, 3, 4, 4, 5]) if by < 1998 else r.choice([1, 1, 2])
        hh = self.make_household(pc6, home, size=size, sn=sn, head_by=by)
        me = hh[0]
        e["pidx"] = me
        e["fam"] = {"partner": [], "child": [], "parent": [], "sibling": [], "ex_partner": [], "cousin": []}
        for m in hh[1:]:
            for b, kd in self.truerel.get(me, []):
                if b == m:
                    e["fam"]["partner" if kd in ("partner", "household") else "child"].append(m)
        # parents elsewhere
        if r.random() < 0.75:
            ph = self.make_household(r.choice(self.pc4_pc6[r.choice(self.team_pc4[r.choice([home] + self.bt_suffixes)])]),
                                     home, size=r.choice([1, 2, 2]), sn=sn, head_by=by - r.randint(22, 36))
            for p in ph:
                self.rel(me, p, "parent", 0.5)
                e["fam"]["parent"].append(p)
        for _ in range(r.choice([0, 1, 1, 2, 3])):
            s2 = self.bt_suffixes[r.randrange(len(self.bt_suffixes))]
            sh = self.make_household(r.choice(self.pc4_pc6[r.choice(self.team_pc4[s2])]), s2,
                                     size=r.choice([1, 2, 3]), sn=sn, head_by=by + r.randint(-8, 8))
            self.rel(me, sh[0], "sibling", 0.35)
            e["fam"]["sibling"].append(sh[0])
        if r.random() < 0.22 and by < 1998:
            s2 = r.choice([home, home] + self.bt_suffixes)
            xh = self.make_household(r.choice(self.pc4_pc6[r.choice(self.team_pc4[s2])]), s2,
                                     size=r.choice([1, 2, 3]), head_by=by + r.randint(-4, 4))
            self.rel(me, xh[0], "ex_partner", 0.3)
            e["fam"]["ex_partner"].append(xh[0])
            e["fam"]["ex_new"] = [m for m in xh[1:2]]
        if sn in self.rare or r.random() < 0.2:
            s2 = r.choice(self.bt_suffixes)
            ch = self.make_household(r.choice(self.pc4_pc6[r.choice(self.team_pc4[s2])]), s2,
                                     size=r.choice([1, 2, 3]), sn=sn, head_by=by + r.randint(-10, 10))
            e["fam"]["cousin"].append(ch[0])  # never recorded
        self.emps.append(e)
        return e

    def team_at(self, e, day):
        t = e["hist"][0][0]
        for tid, d in e["hist"]:
            if day >= d:
                t = tid
        return t

    def role_at(self, e, day):
        nr = e.get("newrole")
        if nr and day >= nr[1]:
            return nr[0]
        return e["role"]

    # ------------------------------------------------------------ rosters
    def make_shifts(self):
        """e['shifts']: list of (start, end, slot, day) actually worked (planned times);
        overtime in e['ot'] dict index->extra seconds."""
        r = self.r
        self.onduty = {}  # (team, day, slot) -> list of emp
        cyc = "VVLLNN----"
        for e in self.emps:
            e["shifts"] = []
            e["ot"] = {}
            ph = r.randrange(10)
            pt = r.random() < 0.25
            leave = r.randrange(-20, DAYS) if r.random() < 0.18 else -99
            for day in range(-1, DAYS):
                if day < e["start"] or day >= e["end"]:
                    continue
                if leave <= day < leave + r.choice([5, 7, 9]) and leave > -99:
                    continue
                role = self.role_at(e, max(day, 0))
                team = self.team_at(e, max(day, 0))
                wd = (day + 7) % 7  # 0 = Monday
                sl = None
                if role in ("noodhulp", "meldkamer", "rtic", "aot"):
                    c = cyc[(day + ph) % 10]
                    if c == "-":
                        continue
                    if pt and r.random() < 0.25:
                        continue
                    if role == "rtic" and c == "N" and r.random() < 0.5:
                        continue
                    if c == "V":
                        s, l, sl = 7, 8, "V"
                    elif c == "L":
                        s, l, sl = 15, 8, "L"
                    else:
                        s, l, sl = 23, 8, "N"
                    if role == "noodhulp" and r.random() < 0.15:
                        s, l = s - 0.5, 9
                elif role in ("wijkagent", "rechercheur", "analist", "vik", "functioneel_beheer", "leiding", "staf", "cie", "forensisch"):
                    if wd >= 5 and not (role in ("wijkagent", "forensisch", "leiding") and r.random() < 0.15):
                        continue
                    if pt and r.random() < 0.3:
                        continue
                    if r.random() < 0.06:
                        continue
                    s = r.choice([7.5, 8, 8, 8.5, 8.5, 9])
                    l = r.choice([8, 8.5, 9])
                    if role == "wijkagent" and r.random() < 0.2:
                        s, l = 13, 9
                    if role == "rechercheur" and r.random() < 0.08:
                        s, l = 14, 9
                    sl = "D"
                elif role in ("intake", "baliemedewerker"):
                    if r.random() < 0.32 or (role == "baliemedewerker" and wd == 6):
                        continue
                    s, l = r.choice([(8, 8.5), (8, 8.5), (12.5, 8.5), (9, 8)])
                    sl = "D"
                elif role == "observant":
                    if r.random() < 0.4:
                        continue
                    s, l = r.choice([(6, 10), (14, 10), (18, 10), (5, 9)])
                    sl = "D"
                else:
                    continue
                st = lt(day, s)
                en = lt(day, s + l)
                e["shifts"].append((st, en, sl, day, team, role))
                if sl in ("V", "L", "N"):
                    self.onduty.setdefault((team, day if day >= 0 else -1, sl), []).append(e)
                if r.random() < 0.22:
                    e["ot"][len(e["shifts"]) - 1] = r.randint(15, 150) * M
            e["shift_starts"] = [s[0] for s in e["shifts"]]

    def on_shift(self, e, t, margin=0):
        ss = e["shift_starts"]
        i = bisect.bisect_right(ss, t + margin) - 1
        while i >= 0 and i >= len(ss) - 100000:
            st, en = e["shifts"][i][0], e["shifts"][i][1]
            if st - margin <= t <= en + e["ot"].get(i, 0) + margin:
                return True
            if en < t - 2 * D:
                break
            i -= 1
        return False

    def shift_at(self, e, t):
        ss = e["shift_starts"]
        i = bisect.bisect_right(ss, t) - 1
        if i >= 0:
            st, en = e["shifts"][i][0], e["shifts"][i][1]
            if st <= t <= en + e["ot"].get(i, 0):
                return i
        return None

    # ------------------------------------------------------------ cases
    def new_case(self, cid, kind, unit, team, opened, closed, sensitive, odate=False, cdate=False):
        c = {"id": cid, "kind": kind, "unit": unit, "team": team, "opened": opened, "closed": closed,
             "sens": sensitive, "odate": odate, "cdate": cdate, "persons": [], "staff": []}
        self.cases.append(c)
        return c

    def incident_persons(self, suf, c, n):
        r = self.r
        roles = ["melder", "verdachte", "slachtoffer", "getuige", "betrokkene", "Verdachte", "benadeelde", ""]
        for j in range(n):
            x = r.random()
            if x < 0.38:
                p = r.choice(self.res_by_team[suf])
            elif x < 0.72 and self.known_by_team[suf]:
                p = r.choice(self.known_by_team[suf])
            elif x < 0.82:
                p = r.choice(self.known)
            elif x < 0.93:
                p = r.randrange(self.nres)
            else:
                p = r.randrange(self.nres, len(self.p_id))
            c["persons"].append((p, roles[0] if j == 0 and r.random() < 0.5 else r.choice(roles)))
        # household members come along (domestic incidents)
        if c["persons"] and r.random() < 0.12:
            p0 = c["persons"][0][0]
            h = self.hh_of[p0]
            if h >= 0:
                for m in self.households[h][1:3]:
                    c["persons"].append((m, "betrokkene"))

    def make_cases(self):
        r = self.r
        self.cases = []
        self.inc_by_team_day = {}
        self.cnum = 2026000000 + r.randint(10000, 90000)
        tw = {suf: w for _d, _n, b in DISTRICTS for suf, _nm, _rg, w in b}
        totw = sum(tw.values())
        HW = [3, 2, 2, 1.5, 1, 1, 2, 3, 4, 4, 4.5, 5, 5, 5, 5.5, 6, 6.5, 6.5, 6.5, 6, 6, 5.5, 5, 4]
        for suf in self.bt_suffixes:
            dist = self.team_district[suf]
            for day in range(-21, DAYS):
                wd = (day + 7 * 10) % 7
                lam = 560 * tw[suf] / totw * (1.2 if wd >= 4 else 1.0)
                n = max(0, int(r.gauss(lam, lam ** 0.5)))
                for _ in range(n):
                    hr = r.choices(range(24), HW)[0] + r.random()
                    if wd >= 5 and hr < 5:
                        pass
                    t = lt(day, hr)
                    team_suf = MERGES.get(suf) if (suf in MERGES and day >= MERGE_DAY) else suf
                    tid = self.bt_tid[team_suf]
                    unit = dist
                    x = r.random()
                    if x < 0.015:
                        tid = ""
                    elif x < 0.025:
                        unit = ""
                    self.cnum += r.randint(1, 3)
                    dur = r.randint(20, 300) * M
                    closed = t + dur
                    if day > DAYS - 4 and r.random() < 0.3:
                        closed = None
                    c = self.new_case("PL0600-%d" % self.cnum, "incident", unit, tid, t, closed, False,
                                      odate=(r.random() < 0.01), cdate=(r.random() < 0.15))
                    c["suf"] = suf
                    c["day"] = day
                    self.incident_persons(suf, c, r.choices([0, 1, 2, 3, 4], [6, 35, 33, 16, 10])[0])
                    self.inc_by_team_day.setdefault((suf, day), []).append(c)

        # investigations
        self.inv_by_team = {}
        codes = ["ZANDLOPER", "KRAANVOGEL", "LINDEBOOM", "HAZELAAR", "VOSSENHOL", "MOLENSTEEN",
                 "BRONSGROEN", "TORENVALK", "WATERDRAGER", "KAREKIET", "ZILVERDEN", "GRENSPAAL",
                 "HEIDEBLAUW", "BEVERBURCHT", "IJSVOGEL", "DOORNROOS", "STEENUIL", "PLATANEN",
                 "NACHTZWALUW", "KORENBLOEM", "DASSENBURCHT", "WIELEWAAL", "VUURSTEEN", "REIGERSBOS",
                 "ZWARTE HEN", "HAVIKSKRUID", "TWENTEKANAAL", "BERKELDAL", "DINKELDAL", "REGGE",
                 "SCHIPBEEK", "LINGEDIJK", "WAALKADE", "VELUWERAND", "LEMELERBERG", "HOLTERBERG"]
        r.shuffle(codes)
        spec = {"ON-DRR-OND": (16, 0.6), "ON-DRR-ZWC": (14, 0.55), "ON-DRR-TGO": (6, 0.7), "ON-DRR-ZJ": (22, 0.35),
                "ON-DRR-FIN": (12, 0.25), "ON-DRR-CYB": (10, 0.15)}
        for ds in DSHORT.values():
            spec["ON-%s-DR" % ds] = (30, 0.08)
        ci = 0
        invnum = 100
        for tid, (n, psens) in spec.items():
            unit = self.team_unit[tid]
            home_team_sufs = [s for s in self.bt_suffixes if self.team_district[s] == unit] or self.bt_suffixes
            for _ in range(n):
                opened_day = r.choice([r.randint(-300, -10), r.randint(-90, 0), r.randint(-30, DAYS - 5)])
                big = tid.startswith("ON-DRR") and r.random() < 0.5
                sens = r.random() < psens
                if big:
                    cid = "ON26-%s" % codes[ci % len(codes)] if opened_day > -60 else "ON25-%s" % codes[ci % len(codes)]
                    if ci >= len(codes):
                        cid += "-%d" % ci
                    ci += 1
                else:
                    invnum += r.randint(1, 9)
                    cid = "08%s2026-%04d" % (self.team_unit[tid][3:].upper(), invnum)
                closed = None
                if r.random() < 0.18:
                    closed = lt(r.randint(max(opened_day + 1, 0), DAYS - 1), 17)
                c = self.new_case(cid, "investigation", unit, tid if r.random() > 0.05 else "", lt(opened_day, 9),
                                  closed, sens, odate=True, cdate=True)
                c["cohort"] = big
                suf = r.choice(home_team_sufs)
                c["suf"] = suf
                # suspects: known offenders + their network
                nsus = r.randint(4, 14) if big else r.randint(1, 5)
                pool = self.known_by_team.get(suf) or self.known
                sus = r.sample(pool, min(nsus, len(pool)))
                for p in sus:
                    c["persons"].append((p, "verdachte"))
                    for b, kd in self.truerel.get(p, [])[:3]:
                        if r.random() < 0.35:
                            c["persons"].append((b, "betrokkene"))
                for _ in range(r.randint(1, 6)):
                    c["persons"].append((r.choice(self.res_by_team[suf]), r.choice(["getuige", "slachtoffer", "aangever", "getuige"])))
                c["suspects"] = sus
                self.inv_by_team.setdefault(tid, []).append(c)
        # shielded victims / witnesses in zeden and TGO cases; vips
        self.mark_flags()
        # staff assignments for investigations
        for tid, invs in self.inv_by_team.items():
            members = [e for e in self.emps if any(h[0] == tid for h in e["hist"])]
            for c in invs:
                k = r.randint(2, 9) if c.get("cohort") else r.randint(1, 3)
                for e in r.sample(members, min(k, len(members))):
                    self.assign(c, e, tid)
            for e in members:
                mine = [c for c in invs if any(s[0] is e for s in c["staff"])]
                if not mine:
                    c = r.choice(invs)
                    self.assign(c, e, tid)
        # specialists support sensitive investigations; recorded only partly (covert work)
        sens_inv = [c for c in self.cases if c["kind"] == "investigation" and c["sens"]]
        self.sens_inv = sens_inv
        for e in self.emps:
            if e["role"] in ("observant", "cie", "forensisch"):
                e["support"] = r.sample(sens_inv, min(len(sens_inv), r.randint(1, 3)))
                for c in e["support"]:
                    if r.random() < (0.4 if e["role"] != "forensisch" else 0.7):
                        c["staff"].append((e, None, None))
            if e["role"] == "analist" and self.team_unit[e["hist"][0][0]] == "on_drio":
                e["support"] = r.sample([c for c in self.cases if c["kind"] == "investigation"], 3)
                for c in e["support"]:
                    if r.random() < 0.6:
                        c["staff"].append((e, lt(r.randint(-20, 10), 9), None))
        # incident attendance: officers on duty in the team
        for (suf, day), incs in self.inc_by_team_day.items():
            for c in incs:
                tid = c["team"] or self.bt_tid[MERGES.get(suf, suf) if day >= MERGE_DAY and suf in MERGES else suf]
                lh = local_hour(c["opened"])
                sl = "V" if 7 <= lh < 15 else "L" if 15 <= lh < 23 else "N"
                dd = day if not (sl == "N" and lh < 7) else day - 1
                pool = self.onduty.get((tid, dd, sl), [])
                pool = [e for e in pool if self.role_at(e, max(dd, 0)) == "noodhulp"]
                c["att"] = r.sample(pool, min(len(pool), r.choice([1, 2, 2, 2, 3]))) if pool else []
                for e in c["att"]:
                    if r.random() < 0.55:
                        c["staff"].append((e, c["opened"] if r.random() < 0.7 else None,
                                           (c["closed"] if r.random() < 0.5 else None)))

    def assign(self, c, e, tid):
        r = self.r
        f = None
        to = None
        start_t = None
        for h, d in e["hist"]:
            if h == tid:
                start_t = d
        if start_t and start_t > 0:
            f = lt(start_t, 8)
        elif r.random() < 0.6:
            f = c["opened"] if c["opened"] > T0 - 200 * D else lt(r.randint(-200, -20), 9)
        # leaves the team -> assignment ended
        nxt = [d for h, d in e["hist"] if h != tid and d > (start_t or 0)]
        if nxt:
            to = lt(min(nxt), 8) if r.random() < 0.6 else None
        c["staff"].append((e, f, to))

    def mark_flags(self):
        r = self.r
        # public figures: mayors, aldermen, MPs, footballers, presenters, entrepreneurs
        self.vips = []
        cand = [i for i in range(self.nres) if self.p_by[i] and 1950 <= self.p_by[i] <= 2004]
        for i in r.sample(cand, 190):
            self.p_flags[i] = r.choice(["vip", "vip", "vip", "VIP", "vip ", "vip;prominent"])
            self.vips.append(i)
        self.shielded = []
        for i in r.sample(cand, 140):
            self.p_flags[i] = r.choice(["shielded", "shielded", " Shielded", "shielded;afgeschermd"])
            self.shielded.append(i)
        # shielded persons are in zeden/TGO cases (victims, witnesses)
        zj = self.inv_by_team.get("ON-DRR-ZJ", []) + self.inv_by_team.get("ON-DRR-TGO", [])
        for i in self.shielded[:90]:
            c = r.choice(zj)
            c["persons"].append((i, r.choice(["slachtoffer", "getuige", "bedreigde"])))
        for i in r.sample(range(self.nres), 2200):
            if not self.p_flags[i]:
                self.p_flags[i] = "deceased" if r.random() < 0.6 else r.choice(["vuurwapengevaarlijk", "GGZ", "signalering"])

    # ------------------------------------------------------------ special situations
    def make_specials(self):
        """News events (with legitimate large-scale work) and event days."""
        r = self.r
        self.news = []
        # 1) shooting in Enschede, day 9 evening; TGO investigation, sensitive, joint (no team)
        d = 9
        t = lt(d, 21.7)
        inc = self.new_case("PL0600-%d" % (self.cnum + 77), "incident", "on_tw", self.bt_tid["ENS"], t, t + 5 * H, False)
        vic = r.choice(self.known_by_team["ENS"])
        sus = r.sample(self.known_by_team["ENS"] + self.known_by_team["HGL"], 3)
        inc["persons"] += [(vic, "slachtoffer")] + [(s, "verdachte") for s in sus[:1]] + [(r.choice(self.res_by_team["ENS"]), "getuige") for _ in range(3)]
        inv = self.new_case("ON26-TGO-DINKEL", "investigation", "on_drr", "", lt(d, 23.5), None, True)
        inv["persons"] += [(vic, "slachtoffer")] + [(s, "verdachte") for s in sus] + [(p, "getuige") for p, _ in inc["persons"][2:]]
        for s in sus:
            for b, kd in self.truerel.get(s, [])[:2]:
                inv["persons"].append((b, "betrokkene"))
        inv["suspects"] = sus
        staff = [e for e in self.emps if self.team_at(e, d) in ("ON-DRR-TGO", "ON-TW-DR", "ON-DRR-FO")]
        inv["tgo_staff"] = r.sample(staff, min(50, len(staff)))
        for e in inv["tgo_staff"]:
            if r.random() < 0.85:
                inv["staff"].append((e, lt(d + r.choice([0, 0, 1, 2]), 8) if r.random() < 0.7 else None, None))
        inc["suf"] = "ENS"
        inc["day"] = d
        lst = [e for e in self.onduty.get((self.bt_tid["ENS"], d, "L"), []) if e["role"] == "noodhulp"]
        inc["att"] = r.sample(lst, min(3, len(lst)))
        for e in inc["att"]:
            inc["staff"].append((e, t, None))
        self.inc_by_team_day.setdefault(("ENS", d), []).append(inc)
        self.news.append({"day": d, "t": t, "persons": [vic] + sus[:2], "inc": inc, "inv": inv, "label": "schietpartij_enschede"})
        # 2) footballer (vip) in drink-driving crash in Hengelo, day 19 night
        d = 19
        t = lt(d, 25.2)
        fb = r.choice(self.vips)
        self.p_flags[fb] = "vip"
        inc2 = self.new_case("PL0600-%d" % (self.cnum + 91), "incident", "on_tw", self.bt_tid["HGL"], t, t + 3 * H, False)
        other = r.choice(self.res_by_team["HGL"])
        inc2["persons"] += [(fb, "verdachte"), (other, "slachtoffer"), (r.choice(self.res_by_team["HGL"]), "getuige")]
        inc2["suf"] = "HGL"
        inc2["day"] = d
        inc2["att"] = r.sample([e for e in self.onduty.get((self.bt_tid["HGL"], d, "N"), []) if e["role"] == "noodhulp"] or
                               [e for e in self.emps if e["role"] == "noodhulp"], 2)
        for e in inc2["att"]:
            inc2["staff"].append((e, t, None))
        self.inc_by_team_day.setdefault(("HGL", d), []).append(inc2)
        self.news.append({"day": d + 1, "t": t + 8 * H, "persons": [fb, other], "inc": inc2, "inv": None, "label": "voetballer_hengelo"})
        # leadership (SGBO/staff) on the news cases: mostly on the staff list
        lead = [e for e in self.emps if e["role"] in ("staf", "leiding") and self.team_unit[e["hist"][0][0]] in ("on_tw", "on_staf")]
        for n in self.news:
            n["lead"] = r.sample(lead, min(6, len(lead)))
            for e in n["lead"]:
                if r.random() < 0.7:
                    (n["inv"] or n["inc"])["staff"].append((e, None, None))
        # football matches: ID checks of supporters (no persons in the event case)
        self.matchdays = [(5, "ARN-N", "Vitesse - NEC"), (20, "ENS", "FC Twente - Heracles Almelo"), (13, "ZWL", "PEC Zwolle - Go Ahead Eagles")]
        # VIK integrity investigations into colleagues (sensitive)
        vik = [e for e in self.emps if e["role"] == "vik"]
        self.vik_cases = []
        for j in range(4):
            subj = r.choice(self.emps)
            c = self.new_case("VIK-ON-2026-%03d" % (7 + j * 3), "investigation", "on_staf", "ON-STAF-VIK", lt(r.randint(-60, 10), 10), None, True, odate=True)
            c["persons"].append((subj["pidx"], "betrokkene"))
            for p in r.sample(range(self.nres), 2):
                c["persons"].append((p, "getuige"))
            for e in r.sample(vik, 2):
                c["staff"].append((e, None, None))
            self.vik_cases.append(c)
        # threats against a mayor: vip in a sensitive investigation (legit look-ups by the team)
        mayor = self.vips[0]
        c = self.new_case("ON26-BEDREIGING-BGM", "investigation", "on_drr", "ON-DRR-ZWC", lt(-12, 9), None, True, odate=True)
        c["persons"].append((mayor, "bedreigde"))
        for p in r.sample(self.known, 3):
            c["persons"].append((p, "verdachte"))
        c["suspects"] = [p for p, _ in c["persons"][1:]]
        c["suf"] = "ZWL"
        zwc = [e for e in self.emps if e["hist"][0][0] == "ON-DRR-ZWC"]
        for e in r.sample(zwc, 4):
            self.assign(c, e, "ON-DRR-ZWC")
        self.inv_by_team["ON-DRR-ZWC"].append(c)

    # ------------------------------------------------------------ events
    def ev(self, t, e, system, action, p, case=None, src="", truth=None, stream=0):
        """p: person index or a raw person id string."""
        if t < T0 - 6 * H or t >= T0 + DAYS * D + 6 * H:
            return
        if t < lt(e["start"], 0) or t >= lt(e["end"], 0):
            return
        if case is not None and self.r.random() < 0.03:
            # typed case number, slightly off (as people type them)
            case = case.replace("PL0600-", "").lower() if self.r.random() < 0.6 else case[:-2] + case[-1] + case[-2]
            case = case.strip() or None
        self.events.append((t, e["eid"], system, action, p, case, src, truth, stream))

    def lookups(self, e, t0, t1, persons, src, system_w, case=None, pcase=0.0, per=(1, 2)):
        r = self.r
        for p in persons:
            t = r.randint(int(t0), int(max(t0 + 1, t1)))
            sysn = r.choices(system_w[0], system_w[1])[0]
            cs = case if (case and r.random() < pcase) else None
            n = r.randint(*per)
            self.ev(t, e, sysn, "query" if n > 1 else r.choice(["view", "query"]), p, cs, src,
                    stream=1 if sysn == "meos" else 0)
            for k in range(1, n):
                t += r.randint(5, 240)
                self.ev(t, e, sysn if r.random() < 0.7 else "bvh", "view", p, cs, src, stream=1 if sysn == "meos" else 0)

    def make_events(self):
        r = self.r
        self.events = []
        SYS_STREET = (["meos", "bvh", "rdw", "brp"], [45, 30, 15, 10])
        SYS_DESK = (["bvh", "brp", "blueview"], [70, 20, 10])
        SYS_RE = (["bvi", "summit", "blueview", "bvh", "brp"], [30, 25, 20, 15, 10])
        SYS_MK = (["bvh", "blueview", "brp"], [60, 30, 10])
        inc_all = sorted([c for c in self.cases if c["kind"] == "incident"], key=lambda c: c["opened"])
        inc_t = [c["opened"] for c in inc_all]

        def recent_incidents(t, hours, filt=None, k=1):
            i = bisect.bisect_right(inc_t, t) - 1
            j = bisect.bisect_left(inc_t, t - hours * H)
            if i < j:
                return []
            out = []
            for _ in range(k * 3):
                c = inc_all[r.randint(j, i)]
                if c["persons"] and (filt is None or filt(c)):
                    out.append(c)
                    if len(out) >= k:
                        break
            return out

        # --- incident-driven work: attending officers, control room, RTIC
        mk = [e for e in self.emps if e["role"] == "meldkamer"]
        rtic = [e for e in self.emps if e["role"] == "rtic"]
        for c in inc_all:
            if c["opened"] < T0 - 3 * H:
                continue
            ps = [p for p, _ in c["persons"]]
            o = c["opened"]
            for e in c.get("att", []):
                sel = [p for p in ps if r.random() < 0.88]
                self.lookups(e, o + 60, o + 50 * M, sel, "basisteam:incident", SYS_STREET, c["id"], 0.4)
                if r.random() < 0.35:
                    i = self.shift_at(e, o)
                    if i is not None:
                        en = e["shifts"][i][1] + e["ot"].get(i, 0)
                        self.lookups(e, o + H, max(o + H + 60, en), sel[:2], "basisteam:report", SYS_DESK, c["id"], 0.6)
            if ps:
                for _ in range(3):
                    op = r.choice(mk)
                    if self.on_shift(op, o):
                        self.lookups(op, o - 120, o + 6 * M, [p for p in ps if r.random() < 0.65], "meldkamer:incident", SYS_MK, c["id"], 0.1)
                        break
                if r.random() < 0.1:
                    for _ in range(3):
                        a = r.choice(rtic)
                        if self.on_shift(a, o):
                            extra = [b for p in ps for b, _ in self.truerel.get(p, [])[:2]]
                            self.lookups(a, o, o + 40 * M, ps + extra, "rtic:incident_support", SYS_RE, c["id"], 0.2)
                            break

        # --- per shift work by role
        mentor_of = {}
        for e in self.emps:
            if e.get("recruit"):
                tid = e["hist"][0][0]
                cand = [m for m in self.emps if m["role"] == "noodhulp" and self.team_at(m, MERGE_DAY) == tid and m["rank"] in ("hoofdagent", "brigadier")]
                if cand:
                    mentor_of[e["eid"]] = r.choice(cand)
        for e in self.emps:
            wijk_zorg = None
            for i, (st, en, sl, day, team, role) in enumerate(e["shifts"]):
                en2 = en + e["ot"].get(i, 0)
                suf = self.suffix_of(team)
                if team in ("ON-TW-WT-ENS", "ON-NOG-WT-APD"):
                    suf = "ENS" if "ENS" in team else "APD"
                areas = [s for s, m in MERGES.items() if m == suf] if suf in ("ARN", "NIJ") else [suf]
                if suf == "ZWL" and day >= MERGE_DAY:
                    areas = ["ZWL", "KMP"]
                if team in ("ON-TW-WT-ENS", "ON-NOG-WT-APD"):
                    areas = ["ENS" if "ENS" in team else "APD"]
                if role == "noodhulp" and suf:
                    if e.get("recruit"):
                        m = mentor_of.get(e["eid"])
                        if m:
                            for c in recent_incidents(en, 8, lambda c: any(a is m for a in c.get("att", [])), 3):
                                self.lookups(e, c["opened"], c["opened"] + 90 * M, [p for p, _ in c["persons"]], "basisteam:recruit_with_mentor", SYS_STREET, c["id"], 0.3)
                    area = r.choice(areas)
                    # briefing: the team's known offenders
                    topx = self.known_by_team[area][:40]
                    if topx:
                        self.lookups(e, st, st + 35 * M, r.sample(topx, min(len(topx), r.choice([0, 0, 1, 2, 3]))), "basisteam:briefing", SYS_DESK)
                    # street checks and traffic stops
                    n = r.choice([1, 2, 3, 3, 4, 5, 6, 8])
                    sel = []
                    for _ in range(n):
                        x = r.random()
                        sel.append(r.choice(self.known_by_team[area]) if x < 0.35 else r.choice(self.res_by_team[area]) if x < 0.75
                                   else r.randrange(len(self.p_id)))
                    self.lookups(e, st + 30 * M, en2, sel, "basisteam:street_check", SYS_STREET, per=(1, 2))
                    # reports and follow-up of the team's earlier incidents
                    fu = []
                    for k in range(r.randint(1, 5)):
                        dd = day - r.randint(0, 10)
                        lst = self.inc_by_team_day.get((r.choice(areas), dd))
                        if lst:
                            c = r.choice(lst)
                            if c["persons"]:
                                self.lookups(e, st + H, en2, [r.choice(c["persons"])[0]], "basisteam:followup", SYS_DESK, c["id"], 0.5)
                    # after the merger: the other half's cases (records still under the old team)
                    if day >= MERGE_DAY and suf in ("ARN", "NIJ") and r.random() < 0.5:
                        old = [s for s, m in MERGES.items() if m == suf]
                        lst = self.inc_by_team_day.get((r.choice(old), r.randint(MERGE_DAY - 10, MERGE_DAY - 1)))
                        if lst:
                            c = r.choice(lst)
                            self.lookups(e, st + H, en2, [p for p, _ in c["persons"]], "basisteam:merged_team_followup", SYS_DESK, c["id"], 0.3)
                    # a handed-over case of the former team after a transfer
                    if len(e["hist"]) > 1 and 0 <= day - e["hist"][-1][1] < 6 and r.random() < 0.5:
                        osuf = self.suffix_of(e["hist"][-2][0])
                        if osuf in self.team_pc4:
                            lst = self.inc_by_team_day.get((osuf, e["hist"][-1][1] - r.randint(1, 7)))
                            if lst:
                                self.lookups(e, st + H, en2, [p for p, _ in r.choice(lst)["persons"]], "transfer:handover", SYS_DESK)
                elif role == "wijkagent" and suf:
                    area = areas[0]
                    if wijk_zorg is None:
                        wijk_zorg = r.sample(self.res_by_team[area], 4) + r.sample(self.known_by_team[area], 2)
                    sel = r.sample(self.res_by_team[area], r.randint(1, 6))
                    if r.random() < 0.5:
                        sel.append(r.choice(wijk_zorg))
                    self.lookups(e, st + 20 * M, en2, sel, "wijk:wijkwerk", SYS_DESK)
                    for c in recent_incidents(st, 72, lambda c: c.get("suf") == area, r.randint(1, 4)):
                        self.lookups(e, st + 20 * M, en2, [p for p, _ in c["persons"]][:2], "wijk:incident_followup", SYS_DESK, c["id"], 0.4)
                elif role in ("baliemedewerker", "intake"):
                    n = r.randint(3, 9) if role == "intake" else r.randint(1, 5)
                    for _ in range(n):
                        t = r.randint(st, en2)
                        area = r.choice(areas) if suf else r.choice(self.bt_suffixes)
                        self.cnum += 1
                        tid = self.team_at(e, day)
                        c = self.new_case("PL0600-%d" % self.cnum, "intake", self.team_district[area] if r.random() > 0.03 else "",
                                          tid, t + r.randint(-5, 25) * M, t + r.randint(1, 30) * H if r.random() < 0.7 else None, False,
                                          cdate=True)
                        c["persons"].append((r.choice(self.res_by_team[area]), r.choice(["aangever", "aangever", "melder", "slachtoffer"])))
                        if r.random() < 0.45:
                            c["persons"].append((r.choice(self.known_by_team[area] or self.known), r.choice(["verdachte", "Verdachte", "beschuldigde"])))
                        if r.random() < 0.85:
                            c["staff"].append((e, c["opened"], None))
                        self.lookups(e, t - 3 * M, t + 30 * M, [p for p, _ in c["persons"]], "intake:aangifte", SYS_DESK, c["id"], 0.35)
                        if r.random() < 0.04:
                            self.ev(t + 35 * M, e, "bvh", "print", c["persons"][0][0], c["id"], "intake:print_aangifte")
                    # callers and walk-ins that lead to no registration
                    self.lookups(e, st, en2, [r.choice(self.res_by_team[r.choice(self.bt_suffixes)]) for _ in range(r.randint(0, 3))], "intake:no_registration", SYS_DESK)
                elif role == "meldkamer":
                    self.lookups(e, st, en2, [r.randrange(len(self.p_id)) for _ in range(r.randint(3, 14))], "meldkamer:caller_check", SYS_MK)
                elif role == "rtic":
                    for c in recent_incidents(en2, 8, None, r.randint(4, 12)):
                        self.lookups(e, max(st, c["opened"]), en2, [p for p, _ in c["persons"]], "rtic:monitoring", SYS_RE, c["id"], 0.15)
                elif role == "rechercheur":
                    mine = e.setdefault("_mine", [c for c in self.inv_by_team.get(team, []) if any(s[0] is e for s in c["staff"])] or
                                        self.inv_by_team.get(team, []))
                    if team != e.get("_mine_team"):
                        e["_mine_team"] = team
                        e["_mine"] = [c for c in self.inv_by_team.get(team, []) if any(s[0] is e for s in c["staff"])] or self.inv_by_team.get(team, [])[:3]
                        mine = e["_mine"]
                    for _ in range(r.choice([1, 1, 2, 2, 3])):
                        x = r.random()
                        if x < 0.75 and mine:
                            c = r.choice(mine)
                        elif self.inv_by_team.get(team):
                            c = r.choice(self.inv_by_team[team])
                        else:
                            continue
                        ps = [p for p, _ in c["persons"]]
                        sel = [r.choice(ps) for _ in range(r.randint(3, 14))]
                        self.lookups(e, st + 20 * M, en2, sel, "recherche:investigation", SYS_RE, c["id"], 0.5)
                        if r.random() < 0.35:
                            # network: relatives and housemates of suspects, not (yet) in the case
                            net = []
                            for s in c.get("suspects", [])[:4]:
                                for b, kd in self.truerel.get(s, []):
                                    net.append(b)
                                h = self.p_pc[s]
                                if h and h in self.pc6_members and r.random() < 0.3:
                                    net.append(r.choice(self.pc6_members[h]))
                            if net:
                                self.lookups(e, st + 20 * M, en2, r.sample(net, min(len(net), r.randint(1, 5))), "recherche:network", SYS_RE, c["id"], 0.3)
                        if r.random() < 0.05:
                            self.ev(r.randint(st, en2), e, "summit", "export", r.choice(ps), c["id"], "recherche:export_dossier")
                    if team.endswith("-DR"):
                        dist = self.team_unit[team]
                        for c in recent_incidents(st, 48, lambda c: c["unit"] == dist and len(c["persons"]) >= 2, r.randint(0, 2)):
                            self.lookups(e, st, en2, [p for p, _ in c["persons"]], "recherche:serious_incident", SYS_RE, c["id"], 0.3)
                    # on call at night (piket): not in the roster
                    if r.random() < 0.035 and mine:
                        c = r.choice(mine)
                        t = lt(day, r.uniform(22, 28))
                        self.lookups(e, t, t + 40 * M, [p for p, _ in c["persons"]][:6], "recherche:piket_night", SYS_RE, c["id"], 0.7)
                elif role in ("observant", "cie", "forensisch"):
                    for c in r.sample(e["support"], 1):
                        ps = c.get("suspects") or [p for p, _ in c["persons"]]
                        self.lookups(e, st, en2, [r.choice(ps) for _ in range(r.randint(2, 10))], "specialist:" + role, SYS_RE, c["id"], 0.3 if role != "cie" else 0.05)
                    if role == "cie":
                        self.lookups(e, st, en2, r.sample(self.known, r.randint(2, 10)), "specialist:cie_subjects", SYS_RE)
                    if role == "forensisch":
                        for c in recent_incidents(st, 24, lambda c: len(c["persons"]) >= 2, r.randint(0, 3)):
                            self.lookups(e, st, en2, [p for p, _ in c["persons"]], "specialist:fo_incident", SYS_RE, c["id"], 0.6)
                elif role == "analist":
                    unit = self.team_unit[team]
                    if unit == "on_drio":
                        c = r.choice(e["support"])
                        ps = [p for p, _ in c["persons"]]
                        self.lookups(e, st, en2, [r.choice(ps) for _ in range(r.randint(5, 25))], "analyse:investigation", SYS_RE, c["id"], 0.3)
                        if r.random() < 0.3:
                            area = r.choice(self.bt_suffixes)
                            sel = r.sample(self.known_by_team[area], min(len(self.known_by_team[area]), r.randint(10, 40)))
                            t = r.randint(st, en2 - H)
                            self.lookups(e, t, t + 50 * M, sel, "analyse:topx_list", SYS_RE, per=(1, 1))
                            if r.random() < 0.4:
                                for p in sel[:10]:
                                    self.ev(t + 55 * M, e, "blueview", "export", p, None, "analyse:topx_export")
                    else:
                        dist = unit
                        for c in recent_incidents(st, 24, lambda c: c["unit"] == dist, r.randint(5, 20)):
                            self.lookups(e, st, en2, [p for p, _ in c["persons"]], "infoknooppunt:incident", SYS_RE, c["id"], 0.25)
                elif role == "aot":
                    for c in recent_incidents(st, 6, lambda c: len(c["persons"]) >= 2, r.randint(0, 3)):
                        self.lookups(e, st, en2, [p for p, _ in c["persons"]], "aot:support", SYS_STREET, c["id"], 0.3)
                elif role == "leiding" and suf:
                    area = r.choice(areas)
                    for c in recent_incidents(st, 24, lambda c: c.get("suf") == area, r.randint(1, 4)):
                        self.lookups(e, st, en2, [p for p, _ in c["persons"]], "leiding:team_incidents", SYS_DESK, c["id"], 0.3)
                elif role == "vik":
                    c = r.choice(self.vik_cases)
                    mine = [c2 for c2 in self.vik_cases if any(s[0] is e for s in c2["staff"])]
                    if mine:
                        c = r.choice(mine)
                        self.lookups(e, st, en2, [p for p, _ in c["persons"]], "vik:integrity_case", SYS_RE, c["id"], 0.6)
                elif role == "functioneel_beheer":
                    if r.random() < 0.6:
                        for c in recent_incidents(st, 48, None, r.randint(1, 3)):
                            self.lookups(e, st, en2, [c["persons"][0][0]], "fb:user_ticket", SYS_DESK)
                    if r.random() < 0.3:
                        self.lookups(e, st, en2, ["P0000001", "P0000002"], "fb:test_person", SYS_DESK)
            # staff without roster: a few look-ups in office hours
            if e["role"] == "staf":
                for day in range(DAYS):
                    if (day % 7) < 5 and r.random() < 0.25:
                        for c in recent_incidents(lt(day, 10), 24, None, 1):
                            self.lookups(e, lt(day, 9), lt(day, 17), [c["persons"][0][0]], "staf:briefing", SYS_DESK, c["id"], 0.5)

        # --- news events: the legitimate work
        for n in self.news:
            c = n["inv"] or n["inc"]
            ps = [p for p, _ in c["persons"]]
            for e in (n["inv"]["tgo_staff"] if n["inv"] else []):
                for day in range(n["day"], min(DAYS, n["day"] + 10)):
                    for i, s in enumerate(e["shifts"]):
                        if s[3] == day:
                            self.lookups(e, s[0], s[1] + e["ot"].get(i, 0), [r.choice(ps) for _ in range(r.randint(3, 12))], "tgo:news_case", SYS_RE, c["id"], 0.55)
            for e in n["lead"]:
                t = n["t"] + r.randint(1, 14) * H
                self.lookups(e, t, t + H, ps[:3], "leiding:sgbo_news_case", SYS_DESK, c["id"], 0.4)
        # --- match days: supporters' ID checks by the team on the event
        for day, suf, _name in self.matchdays:
            tid = self.bt_tid[suf] if not (suf in MERGES and day >= MERGE_DAY) else self.bt_tid[MERGES[suf]]
            cases = self.new_case("PL0600-%d" % (self.cnum + 500 + day), "incident", self.team_district[suf], tid,
                                  lt(day, 17), lt(day, 23.5), False)
            pool = [e for sl in ("L",) for e in self.onduty.get((tid, day, sl), [])]
            sup = [r.randrange(self.nres) for _ in range(400)]
            for e in pool[:12] + r.sample([x for x in self.emps if x["role"] == "aot"], 6):
                t = lt(day, r.uniform(17.5, 20))
                self.lookups(e, t, t + 80 * M, r.sample(sup, r.randint(10, 35)), "event:supporter_checks", (["meos"], [1]),
                             cases["id"], 0.2, per=(1, 1))
        # --- batch interface account: night-time consistency checks (not in employees.csv)
        svc = {"eid": "SVC-BVH-BRP-KOPPELING", "start": 0, "end": DAYS}
        for day in range(DAYS):
            t = lt(day, 2.5)
            for c in recent_incidents(t, 24, None, 60):
                self.ev(t + r.randint(0, 1800), svc, "brp", "query", c["persons"][0][0], None, "system:batch_check")
        # leavers whose account was reused by nobody: nothing; persons unknown to persons.csv
        for k in range(1500):
            e = r.choice(self.emps)
            if e["shifts"]:
                s = r.choice(e["shifts"])
                self.ev(r.randint(s[0], s[1]), e, r.choice(["rdw", "bvh", "meos"]), "query", "P%d" % r.randint(1000000, 9999999), None,
                        "misc:person_not_in_export")

    # ------------------------------------------------------------ improper look-ups
    def make_improper(self):
        r = self.r
        self.incidents = []
        active = [e for e in self.emps if len(e["shifts"]) >= 6 and e["role"] not in ("vik", "functioneel_beheer")]
        wt = {"hoofdagent": 5, "brigadier": 4, "agent": 2.5, "aspirant": 1, "inspecteur": 1.5, "burger": 1.2}
        wts = [wt.get(e["rank"], 1) for e in active]
        plan = [("self", 8), ("partner", 5), ("ex_partner", 8), ("family", 9), ("neighbour", 9), ("surname", 5),
                ("colleague", 10), ("vip", 8), ("shielded", 4), ("sensitive_investigation", 8), ("off_shift", 7),
                ("browsing", 5), ("following", 7), ("export_print", 5), ("news_hype", 7)]
        used = set()
        n_inc = 0
        for scen, cnt in plan:
            made = 0
            tries = 0
            while made < cnt and tries < 500:
                tries += 1
                e = r.choices(active, wts)[0]
                if e["eid"] in used:
                    continue
                iid = "I-%04d" % (n_inc + 1)
                n0 = len(self.events)
                ok = self.plant(e, scen, iid)
                if ok and len(self.events) == n0:
                    ok = False  # nothing landed inside the employee's period
                if ok:
                    used.add(e["eid"])
                    made += 1
                    n_inc += 1
                    self.incidents.append((iid, scen, e["eid"]))

    def t_on(self, e, days=None):
        r = self.r
        sh = [s for s in e["shifts"] if s[3] >= 0 and (days is None or s[3] in days)]
        if not sh:
            return None
        s = r.choice(sh)
        return r.randint(s[0] + 10 * M, s[1] - 5 * M)

    def t_off(self, e):
        r = self.r
        for _ in range(50):
            day = r.randrange(DAYS)
            t = lt(day, r.choice([r.uniform(18, 24), r.uniform(7, 12), r.uniform(12, 18)]))
            if not self.on_shift(e, t, 2 * H) and e["start"] <= day < e["end"]:
                return t
        return None

    def emit_bad(self, e, t, p, iid, scen, system=None, action=None, case=None):
        r = self.r
        if system is None:
            if self.on_shift(e, t):
                system = r.choice(["bvh", "bvh", "bvh", "blueview", "brp", "meos", "bvi"])
            else:
                system = r.choice(["meos", "meos", "bvh"])
        if action is None:
            action = r.choice(["query", "view", "view"])
        self.ev(t, e, system, action, p, case, "improper:" + scen, truth=(iid, scen), stream=1 if system == "meos" else 0)

    def spread(self, e, n, p_off=0.15, days=None):
        out = []
        for _ in range(n):
            t = self.t_off(e) if self.r.random() < p_off else self.t_on(e, days)
            if t is not None:
                out.append(t)
        return sorted(out)

    def cover_case(self, e, t):
        """a case number of the employee's own team to make a look-up look like work"""
        suf = self.suffix_of(self.team_at(e, local_day(t)))
        lst = self.inc_by_team_day.get((suf, local_day(t))) if suf else None
        if lst:
            return self.r.choice(lst)["id"]
        return None

    def plant(self, e, scen, iid):
        r = self.r
        fam = e["fam"]
        me = e["pidx"]
        if scen == "self":
            for t in self.spread(e, r.randint(1, 4), 0.2):
                self.emit_bad(e, t, me, iid, scen)
            return True
        if scen in ("partner", "family", "ex_partner"):
            if scen == "partner":
                tg = fam["partner"]
            elif scen == "family":
                tg = fam["parent"] + fam["sibling"] + fam["child"]
            else:
                tg = fam["ex_partner"] + fam.get("ex_new", [])
            if not tg:
                return False
            if scen == "ex_partner":
                ts = self.spread(e, r.randint(3, 14), 0.3)
                tg2 = tg
            else:
                ts = self.spread(e, r.randint(1, 5), 0.2)
                tg2 = r.sample(tg, min(len(tg), r.randint(1, 2)))
            for t in ts:
                self.emit_bad(e, t, r.choice(tg2), iid, scen)
                if scen == "family" and r.random() < 0.2:
                    self.emit_bad(e, t + 40, r.choice(tg2), iid, scen, action="view")
            return True
        if scen == "neighbour":
            pc = self.p_pc[me]
            nb = [p for p in self.pc6_members.get(pc, []) if self.hh_of[p] != self.hh_of[me]]
            if r.random() < 0.2:
                # across the street: a neighbouring postcode of the same PC4
                pcs = self.pc4_pc6.get(int(pc[:4]), [])
                nb = [p for p6 in r.sample(pcs, min(3, len(pcs))) for p in self.pc6_members.get(p6, []) if self.hh_of[p] != self.hh_of[me]]
            if not nb:
                return False
            tg = r.sample(nb, min(len(nb), r.choice([1, 1, 2, 3])))
            for t in self.spread(e, r.randint(1, 6), 0.25):
                self.emit_bad(e, t, r.choice(tg), iid, scen)
            return True
        if scen == "surname":
            tg = fam["cousin"]
            if not tg:
                return False
            for t in self.spread(e, r.randint(1, 3), 0.1):
                self.emit_bad(e, t, tg[0], iid, scen)
            return True
        if scen == "colleague":
            day0 = r.randint(0, DAYS - 3)
            team = self.team_at(e, day0)
            if day0 >= MERGE_DAY - 2 and r.random() < 0.6:
                # the new colleagues from the other half of the merged team, or the new recruits
                cands = [c for c in self.emps if self.team_at(c, MERGE_DAY) == team and c is not e]
            else:
                cands = [c for c in self.emps if c is not e and c["role"] == r.choice(["noodhulp", "meldkamer", "rechercheur"])]
            cands = [c for c in cands if c["pidx"] is not None]
            if not cands:
                return False
            tg = [c["pidx"] for c in r.sample(cands, min(len(cands), r.randint(1, 4)))]
            for t in self.spread(e, r.randint(len(tg), len(tg) + 3), 0.15, days=set(range(day0, DAYS))):
                self.emit_bad(e, t, r.choice(tg), iid, scen)
            return True
        if scen == "vip":
            tg = r.sample(self.vips, r.choice([1, 1, 2]))
            for t in self.spread(e, r.randint(1, 3), 0.2):
                self.emit_bad(e, t, r.choice(tg), iid, scen)
            return True
        if scen == "shielded":
            tg = r.choice(self.shielded)
            for t in self.spread(e, r.randint(1, 2), 0.1):
                self.emit_bad(e, t, tg, iid, scen)
            return True
        if scen == "sensitive_investigation":
            cs = [c for c in self.sens_inv if not any(s[0] is e for s in c["staff"]) and c.get("suspects")
                  and c["team"] != self.team_at(e, 0)]
            if not cs or e["role"] in ("observant", "cie"):
                return False
            c = r.choice(cs)
            sus = c["suspects"]
            for t in self.spread(e, r.randint(3, 16), 0.2):
                case = self.cover_case(e, t) if r.random() < 0.25 else None
                self.emit_bad(e, t, r.choice(sus), iid, scen, case=case)
            return True
        if scen == "off_shift":
            # an acquaintance: someone in the employee's home area, at night, on the phone (MEOS)
            pc = self.p_pc[me]
            home = self.p_team[me]
            tg = r.sample(self.res_by_team[home], r.randint(1, 3))
            for _ in range(r.randint(1, 4)):
                t = self.t_off(e)
                if t:
                    self.emit_bad(e, t, r.choice(tg), iid, scen, system="meos")
            return True
        if scen == "browsing":
            t = self.t_on(e)
            if t is None:
                return False
            x = r.random()
            if x < 0.5:
                # people of the employee's own age from the home town (school year, dating app)
                home = self.p_team[me]
                by = self.p_by[me]
                pool = [p for p in self.res_by_team[home] if self.p_by[p] and abs(self.p_by[p] - by) <= 2]
            else:
                pool = list(range(self.nres))
            n = r.randint(20, 70)
            sel = r.sample(pool, min(len(pool), n))
            for p in sel:
                t += r.randint(15, 150)
                self.emit_bad(e, t, p, iid, scen, system=r.choice(["bvh", "blueview", "brp"]), action=r.choice(["query", "query", "view"]))
            return True
        if scen == "following":
            # someone the employee met through work (first look-up legitimate), then followed for weeks
            mine = [c for c in self.cases if c["kind"] == "incident" and any(a is e for a in c.get("att", []))
                    and T0 <= c["opened"] < T0 + 12 * D]
            if mine and r.random() < 0.7:
                c = r.choice(mine)
                tg = r.choice(c["persons"])[0]
                first = c["opened"] + 3 * D
            else:
                tg = r.choice(self.res_by_team[r.choice(self.bt_suffixes)])
                first = T0
            ts = [t for t in self.spread(e, r.randint(6, 18), 0.3) if t > first]
            if len(ts) < 4:
                return False
            for t in ts:
                self.emit_bad(e, t, tg, iid, scen)
            return True
        if scen == "export_print":
            tg = r.choice(self.res_by_team[r.choice(self.bt_suffixes)]) if r.random() < 0.6 else r.choice(self.known)
            t = self.t_on(e)
            if t is None:
                return False
            self.emit_bad(e, t, tg, iid, scen, system="bvh", action="query")
            self.emit_bad(e, t + r.randint(20, 120), tg, iid, scen, system="bvh", action="view")
            self.emit_bad(e, t + r.randint(130, 400), tg, iid, scen, system=r.choice(["bvh", "blueview"]), action=r.choice(["print", "export"]))
            return True
        if scen == "news_hype":
            n = r.choice(self.news)
            inv = n["inv"]
            if inv and e in inv.get("tgo_staff", []):
                return False
            if e in n["inc"].get("att", []) or e in n["lead"]:
                return False
            days = set(range(n["day"], min(DAYS, n["day"] + 4)))
            ts = [t for t in self.spread(e, r.randint(1, 5), 0.15, days=days) if t > n["t"]]
            if not ts:
                return False
            for t in ts:
                self.emit_bad(e, t, r.choice(n["persons"]), iid, scen)
            return True
        return False

    # ------------------------------------------------------------ output
    def write(self, out):
        r = self.r
        ctx = os.path.join(out, "context")
        os.makedirs(ctx, exist_ok=True)

        def opn(name, gz=False, bom=False, crlf=False):
            p = os.path.join(ctx, name + (".gz" if gz else ""))
            for other in (os.path.join(ctx, name), os.path.join(ctx, name + ".gz")):
                if os.path.exists(other):
                    os.remove(other)
            f = gzip.open(p, "wt", encoding="utf-8", compresslevel=4, newline="") if gz else open(p, "w", encoding="utf-8", newline="")
            if bom:
                f.write("\ufeff")
            return f, ("\r\n" if crlf else "\n")

        def q(s):
            s = "" if s is None else str(s)
            if any(ch in s for ch in ',"\n\r'):
                return '"' + s.replace('"', '""') + '"'
            return s

        # units
        f, nl = opn("units.csv")
        f.write("unit_id,name,fte" + nl)
        fte = {"on_nog": "1150", "on_gm": "1020,5", "on_gz": "880", "on_ijl": "1060", "on_tw": "1110",
               "on_drr": "640", "on_drio": "290", "on_dros": "520", "on_staf": ""}
        names = {d: n for d, n, _ in DISTRICTS}
        names.update({"on_drr": "Dienst Regionale Recherche Oost-Nederland", "on_drio": "Dienst Regionale Informatieorganisatie",
                      "on_dros": "Dienst Regionale Operationele Samenwerking", "on_staf": "Staf en bedrijfsvoering Oost-Nederland"})
        for u in ["on_nog", "on_gm", "on_gz", "on_ijl", "on_tw", "on_drr", "on_drio", "on_dros", "on_staf"]:
            f.write(",".join([u, q(names[u]), q(fte[u])]) + nl)
        f.close()
        # teams
        f, nl = opn("teams.csv")
        f.write("team_id,unit_id,kind,name,kostenplaats" + nl)
        for tid, unit, kind, name in self.teams:
            k = kind
            if tid.endswith("-IK") and r.random() < 0.5:
                k = ""
            f.write(",".join([tid, unit, k if r.random() > 0.1 else k.capitalize(), q(name), str(r.randint(40000, 49999))]) + nl)
        f.write(nl)
        f.close()
        # employees (personnel export, Windows line ends, history rows for some)
        f, nl = opn("employees.csv", crlf=True)
        f.write(" Employee_ID ,person_id,surname,unit_id,team_id,rank,function,fte" + nl)
        FN = {"noodhulp": ["noodhulp", "Noodhulp", "medewerker noodhulp", "GGP", "noodhulp "], "wijkagent": ["wijkagent", "Wijkagent"],
              "baliemedewerker": ["intake", "baliemedewerker", "Servicemedewerker"], "leiding": ["teamchef", "operationeel expert", "OE"],
              "rechercheur": ["rechercheur", "Rechercheur", "tactisch rechercheur", "financieel rechercheur"], "analist": ["analist", "Analist", "informatierechercheur"],
              "observant": ["observant", "specialist"], "cie": ["CIE-medewerker", "rechercheur"], "forensisch": ["forensisch onderzoeker", "FO"],
              "rtic": ["RTIC", "analist", "informatiecoordinator"], "meldkamer": ["meldkamer", "centralist", "Meldkamer"],
              "intake": ["intake", "Intake", "medewerker intake en service"], "aot": ["AOT", "noodhulp"], "vik": ["VIK-rechercheur"],
              "staf": ["staf", "beleidsadviseur", "bedrijfsvoering", "leiding"], "functioneel_beheer": ["functioneel beheerder", "FB"]}
        for e in self.emps:
            if e["end"] < DAYS and r.random() < 0.5:
                continue  # leaver already removed from the personnel export
            pid = self.p_id[e["pidx"]] if r.random() > 0.04 else ""
            e["pid_out"] = pid
            sn = self.p_sn[e["pidx"]]
            x = r.random()
            if x < 0.05 and self.truerel.get(e["pidx"]):
                sn = sn + "-" + self.surname()  # double name in the personnel system
            elif x < 0.08:
                sn = sn.upper()
            role = e["role"]
            rows = [(h, e.get("newrole", (role, 0))[0] if d > 0 and e.get("newrole") else role) for h, d in e["hist"]]
            final = rows[-1]
            if len(rows) > 1 and r.random() < 0.5:
                emit = rows
            else:
                emit = [final]
            for tid, rl in emit:
                rk = e["rank"] if r.random() > 0.01 else ""
                if rk and r.random() < 0.05:
                    rk = rk.capitalize()
                unit = self.team_unit[tid] if r.random() > 0.01 else ""
                f.write(",".join([e["eid"], pid, q(sn), unit, tid if r.random() > 0.005 else "", rk, q(r.choice(FN[rl])), q(r.choice(["1,0", "0,8", "1.0", "0.9", ""]))]) + nl)
        f.close()
        # persons (gzip, with BOM from the source system)
        f, nl = opn("persons.csv", gz=True, bom=True)
        f.write("person_id,surname,birth_year,postcode,house_number,flags" + nl)
        order = list(range(len(self.p_id)))
        r.shuffle(order)
        for i in order:
            pc = self.p_pc[i]
            x = r.random()
            if pc and x < 0.04:
                pc = pc[:4] + " " + pc[4:]
            elif pc and x < 0.06:
                pc = pc.lower()
            by = self.p_by[i] if r.random() > 0.02 else ""
            sn = self.p_sn[i]
            if r.random() < 0.01:
                sn = sn.upper()
            f.write(",".join([self.p_id[i], q(sn), str(by), q(pc), q(self.p_hn[i]), q(self.p_flags[i])]) + nl)
        f.write(",".join(["P0000001", "TESTPERSOON", "1900", "", "", ""]) + nl)
        f.write(",".join(["P0000002", "Test-Oefen", "", "9999ZZ", "1", ""]) + nl)
        f.close()
        # relations
        f, nl = opn("relations.csv", gz=True)
        f.write("person_id,related_person_id,kind" + nl)
        for a, b, k in self.recrel:
            f.write("%s,%s,%s%s" % (self.p_id[a], self.p_id[b], k if r.random() > 0.02 else k.upper(), nl))
        f.close()
        # cases, case persons, staff
        fc, nl = opn("cases.csv")
        fc.write("case_id,kind,unit_id,team_id,opened,closed,sensitive,omschrijving" + nl)
        fp, _ = opn("case_persons.csv", gz=True)
        fp.write("case_id,person_id,role\n")
        fs, _ = opn("case_staff.csv")
        fs.write("case_id,employee_id,from,to\n")
        descs = ["", "", "geweld", "diefstal", "burengerucht", "verkeersongeval", "huiselijk geweld", "overlast, jeugd",
                 "inbraak woning", "verward persoon", "\"spoed\" melding"]

        def ts_out(t, asdate, mode):
            if t is None:
                return ""
            if asdate:
                return fdate(t)
            if mode == 0:
                return fz(t)
            if mode == 1:
                return floc(t)
            return floc(t, sep=" ")
        for c in self.cases:
            mode = r.choice([0, 1, 1, 2])
            sens = "true" if c["sens"] else r.choice(["false", "false", "false", "", "0", "nee"])
            if c["sens"]:
                sens = r.choice(["true", "true", "ja", "1", "TRUE"])
            cl = c["closed"]
            if cl is not None and cl < c["opened"]:
                cl = c["opened"]
            fc.write(",".join([c["id"], c["kind"], c["unit"], c["team"], ts_out(c["opened"], c["odate"], mode),
                               ts_out(cl, c["cdate"], mode), sens,
                               q(r.choice(descs)) if c["kind"] == "incident" else ""]) + nl)
            seen = set()
            for p, role in c["persons"]:
                if (p, role) in seen and r.random() < 0.7:
                    continue
                seen.add((p, role))
                pid = p if isinstance(p, str) else self.p_id[p]
                fp.write("%s,%s,%s\n" % (c["id"], pid, q(role)))
            for e, fr, to in c["staff"]:
                if to is not None and fr is not None and to < fr:
                    to = fr
                fs.write("%s,%s,%s,%s\n" % (c["id"], e["eid"], ts_out(fr, fr is not None and r.random() < 0.4, mode),
                                            ts_out(to, True, mode) if to is not None else ""))
        fc.close()
        fp.close()
        fs.close()
        # shifts (rosters): planned times; overtime partly as separate rows; gaps
        f, nl = opn("shifts.csv")
        f.write("employee_id,start,end\n")
        gap_team = self.bt_tid["ARN"]
        for e in self.emps:
            for i, (st, en, sl, day, team, role) in enumerate(e["shifts"]):
                if team == gap_team and MERGE_DAY <= day < MERGE_DAY + 3:
                    continue  # roster migration of the merged team: three days missing
                if role in ("staf",):
                    continue
                if r.random() < 0.01:
                    continue
                mode = r.random()
                a, b = (floc(st), floc(en)) if mode < 0.7 else (fz(st), fz(en))
                f.write("%s,%s,%s\n" % (e["eid"], a, b))
                ot = e["ot"].get(i)
                if ot and r.random() < 0.3:
                    f.write("%s,%s,%s\n" % (e["eid"], floc(en), floc(en + ot)))
        f.close()

        # events: central log (time order) followed by the MEOS log (its own time order)
        ev = self.events
        ev.sort(key=lambda x: (x[8], x[0]))
        path = os.path.join(out, "events.jsonl.gz")
        truth = []
        dbg = []
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=4) as f:
            w = f.write
            n = 0
            for (t, eid, system, action, p, case, src, tr, stream) in ev:
                n += 1
                id_ = "ev%08d" % n
                pid = p if isinstance(p, str) else self.p_id[p]
                if system == "summit":
                    ts = floc(t, frac=r.randint(0, 999))
                elif stream == 1:
                    ts = floc(t)
                else:
                    ts = fz(t)
                if case is None:
                    x = r.random()
                    cpart = "" if x < 0.6 else ',"case_id":null' if x < 0.85 else ',"case_id":""'
                else:
                    cpart = ',"case_id":"%s"' % case
                if system == "meos":
                    w('{"id":"%s","ts":"%s","employee_id":"%s","system":"meos","action":"%s","person_id":"%s"%s,"device":"MEOS-%s"}\n'
                      % (id_, ts, eid, action, pid, cpart, eid[-4:]))
                else:
                    w('{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s}\n'
                      % (id_, ts, eid, system, action, pid, cpart))
                if tr:
                    truth.append((id_, tr[0], tr[1]))
                if self.debug:
                    dbg.append("%s,%s\n" % (id_, src))
        with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8") as f:
            f.write("event_id,incident_id,scenario\n")
            for row in truth:
                f.write(",".join(row) + "\n")
        if self.debug:
            with gzip.open(os.path.join(out, "debug_sources.csv.gz"), "wt", encoding="utf-8", compresslevel=4) as f:
                f.write("event_id,source\n")
                f.writelines(dbg)
        return len(ev), len(truth)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.seed, a.debug)
    w.make_population()
    w.make_org()
    w.make_shifts()
    w.make_cases()
    w.make_specials()
    w.make_events()
    w.make_improper()
    os.makedirs(a.outdir, exist_ok=True)
    n, nt = w.write(a.outdir)
    print("rt17: %d employees, %d persons, %d cases, %d look-ups, %d improper in %d incidents, %.0fs"
          % (len(w.emps), len(w.p_id), len(w.cases), n, nt, len(w.incidents), time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
