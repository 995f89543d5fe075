#!/usr/bin/env python3
"""Independent red-team world generator for lekradar (stdlib only).

Writes a context directory, events.jsonl and truth.csv in the formats of
docs/formats.md, plus a private side file legit_reasons.csv (event_id, reason)
recording why each legitimate look-up was made. The side file is not read by
lekradar; it is for analysing false alerts.
"""
import argparse, bisect, calendar, csv, json, os, random, time
from collections import defaultdict

COMMON = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
          "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
          "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
          "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
          "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
          "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
          "Prins", "Blom", "Huisman", "Peeters", "Yilmaz", "Kaya", "Öztürk", "El Amrani", "Bouzid",
          "Nguyen", "Nowak", "Kowalski", "Demir"]
R1 = ["Brink", "Oost", "Wester", "Hof", "Veld", "Kamp", "Berg", "Molen", "Dijk", "Horst", "Hage", "Zand",
      "Ter", "Wolt", "Ruit", "Lamm", "Schol", "Tuin", "Klaas", "Geer", "Mees", "Rens", "Stroo", "Haver"]
R2 = ["huis", "man", "ink", "ma", "stra", "veld", "kamp", "meijer", "boer", "hof", "beek", "horst", "ing",
      "sma", "ers", "kes", "ert", "ijn", "enga", "ouw"]
PREF = ["", "", "", "van ", "ter ", "van der ", "op den "]

SYSTEMS = [("bvh", 0.45), ("blueview", 0.2), ("summit", 0.1), ("brp", 0.1), ("meos", 0.1), ("rdw", 0.05)]


def last_sunday(y, m):
    d = calendar.monthrange(y, m)[1]
    while calendar.weekday(y, m, d) != 6:
        d -= 1
    return calendar.timegm((y, m, d, 1, 0, 0))


_dst = {}


def offset(t):
    y = time.gmtime(t).tm_year
    if y not in _dst:
        _dst[y] = (last_sunday(y, 3), last_sunday(y, 10))
    a, b = _dst[y]
    return 7200 if a <= t < b else 3600


def fmt_utc(t, frac=False):
    s = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(t)))
    if frac:
        s += ".%03d" % int((t % 1) * 1000)
    return s + "Z"


def fmt_local(t):
    o = offset(t)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(int(t) + o)) + ("+02:00" if o == 7200 else "+01:00")


def fmt_date(t):
    return time.strftime("%Y-%m-%d", time.gmtime(int(t)))


class World:
    def __init__(self, a):
        self.a = a
        self.r = random.Random(a.seed)
        self.t0 = calendar.timegm(time.strptime(a.start, "%Y-%m-%d"))
        self.days = a.days

    def local_to_utc(self, day, hour):
        t = self.t0 + day * 86400 + int(hour * 3600)
        return t - offset(t - 3600)

    # ---------------- population ----------------
    def build_population(self):
        r, a = self.r, self.a
        uncommon = set()
        while len(uncommon) < 6000:
            uncommon.add(r.choice(PREF) + r.choice(R1) + r.choice(R2).lower() + ("" if r.random() < .6 else r.choice(["", "e", "s", "er"])))
        self.uncommon = sorted(uncommon)
        # zipf-ish weights
        cw = [1.0 / (i + 1) ** 0.7 for i in range(len(COMMON))]
        uw = [1.0 / (i + 1) ** 0.35 for i in range(len(self.uncommon))]
        r.shuffle(uw)
        self.surnames = COMMON + self.uncommon
        nd = a.districts
        self.pc_district = {}
        P = []  # person: [surname, birth_year, postcode, house, flags, household, district]
        self.households = []
        rel = []
        pcn = 0
        pc = None
        houses_in_pc = 0
        adults = []
        while len(P) < a.persons:
            if pc is None or houses_in_pc >= r.randint(12, 30):
                pcn += 1
                district = r.randrange(nd)
                digits = 1000 + district * 1500 + pcn % 1500
                pc = "%04d%s%s" % (digits, chr(65 + (pcn // 1500) % 26), chr(65 + (pcn * 7) % 26))
                self.pc_district[pc] = district
                houses_in_pc = 0
            houses_in_pc += 1
            house = str(r.randint(1, 240)) + ("" if r.random() < .85 else r.choice(["-A", "-1", " hs", "-II", "B"]))
            sz = r.choices([1, 2, 3, 4, 5], [35, 30, 15, 14, 6])[0]
            def sn():
                if r.random() < a.common_share:
                    return r.choices(COMMON, cw)[0]
                return r.choices(self.uncommon, uw)[0]
            fam = sn()
            hid = len(self.households)
            members = []
            nad = 1 if sz == 1 else (2 if r.random() < .85 else 1)
            for i in range(sz):
                adult = i < nad
                s = fam if (i == 0 or not adult or r.random() < .35) else sn()
                if adult:
                    by = r.randint(1942, 2004)
                else:
                    by = r.randint(2007, 2025)
                flags = ""
                x = r.random()
                if x < 0.004:
                    flags = "deceased"
                pid = len(P)
                P.append([s, by, pc, house, flags, hid, district])
                members.append(pid)
                if adult:
                    adults.append(pid)
            self.households.append(members)
            ad = members[:nad]
            if nad == 2:
                rel.append((ad[0], ad[1], "partner")); rel.append((ad[1], ad[0], "partner"))
            for c in members[nad:]:
                for p in ad:
                    rel.append((c, p, "parent")); rel.append((p, c, "child"))
                for c2 in members[nad:]:
                    if c2 != c:
                        rel.append((c, c2, "sibling"))
            if r.random() < .15:
                for x in members:
                    for y in members:
                        if x != y and r.random() < .3:
                            rel.append((x, y, "household"))
        self.P = P
        self.adults = adults
        # cross-household parents/siblings (adult children of older households)
        old = [p for p in adults if P[p][1] < 1968]
        young = [p for p in adults if P[p][1] > 1975]
        for p in young:
            if r.random() < .45:
                par = r.choice(old)
                P[p][0] = P[par][0] if r.random() < .8 else P[p][0]
                rel.append((p, par, "parent")); rel.append((par, p, "child"))
        for p in adults:
            if r.random() < .07:
                q = r.choice(adults)
                if q != p and P[q][5] != P[p][5]:
                    rel.append((p, q, "ex_partner")); rel.append((q, p, "ex_partner"))
        self.rel = rel
        self.relmap = defaultdict(list)
        for x, y, k in rel:
            self.relmap[x].append((y, k))
        n = len(P)
        for p in r.sample(range(n), max(25, n // 3000)):
            P[p][4] = "vip" if r.random() < .8 else "vip;shielded"
        for p in r.sample(range(n), max(15, n // 5000)):
            if not P[p][4]:
                P[p][4] = "shielded"
        self.by_district = defaultdict(list)
        for i, p in enumerate(P):
            if "deceased" not in p[4]:
                self.by_district[p[6]].append(i)
        self.emp_persons = set()
        self.flyers = {d: r.sample(v, max(50, len(v) // 25)) for d, v in self.by_district.items()}
        self.by_pc = defaultdict(list)
        for i, p in enumerate(P):
            self.by_pc[p[2]].append(i)
        self.sn_count = defaultdict(int)
        for p in P:
            self.sn_count[p[0]] += 1

    def pid(self, i):
        return "NP%07d" % i

    # ---------------- organisation ----------------
    def build_org(self):
        r, a = self.r, self.a
        units, teams, emps = [], [], []
        dnames = ["Eindhoven", "Helmond", "De Kempen", "Peel", "Den Bosch", "Oss", "Tilburg"]
        N = a.employees
        # staff shares
        share = {"basis": .58, "drec": .09, "mk": a.mk_share, "intake": .06, "ia": .04, "drr": .06}
        share["staf"] = max(0.02, 1 - sum(share.values()))
        def add_team(tid, uid, kind, name, role, n):
            teams.append((tid, uid, kind, name))
            for _ in range(n):
                emps.append({"team": tid, "unit": uid, "kind": kind, "role": role(), "tid": tid})
        for d in range(a.districts):
            uid = "DIST-%s" % dnames[d].upper().replace(" ", "")
            units.append((uid, "District " + dnames[d]))
            nb = r.randint(3, 5)
            for b in range(nb):
                add_team("BT-%s-%d" % (dnames[d][:3].upper(), b + 1), uid, "basisteam", "Basisteam %s %d" % (dnames[d], b + 1),
                         lambda: "noodhulp" if r.random() < .72 else ("wijkagent" if r.random() < .8 else "teamleiding"),
                         int(N * share["basis"] / a.districts / nb))
            for b in range(2):
                add_team("DRT-%s-%d" % (dnames[d][:3].upper(), b + 1), uid, "recherche", "Districtsrecherche %s %d" % (dnames[d], b + 1),
                         lambda: "recherche", int(N * share["drec"] / a.districts / 2))
        units.append(("DROS", "Dienst Regionale Operationele Samenwerking"))
        for b in range(2):
            add_team("MK-%d" % (b + 1), "DROS", "meldkamer", "Meldkamer %d" % (b + 1), lambda: "meldkamer", int(N * share["mk"] / 2))
        units.append(("DRIO", "Dienst Regionale Informatieorganisatie"))
        for b in range(2):
            add_team("IS-%d" % (b + 1), "DRIO", "intake_service", "Intake & Service %d" % (b + 1), lambda: "intake", int(N * share["intake"] / 2))
        for b in range(2):
            add_team("RIO-%d" % (b + 1), "DRIO", "informatie_analyse", "RIO %d" % (b + 1), lambda: "analist", int(N * share["ia"] / 2))
        units.append(("DRR", "Dienst Regionale Recherche"))
        for b in range(4):
            add_team("DRR-%d" % (b + 1), "DRR", "recherche", "Regionale Recherche %d" % (b + 1), lambda: "recherche", int(N * share["drr"] / 4))
        units.append(("STAF", "Staf Eenheid"))
        add_team("STAF-1", "STAF", "staf", "Staf", lambda: "staf", int(N * share["staf"] * .5))
        add_team("OND-1", "STAF", "ondersteuning", "Bedrijfsvoering", lambda: "staf", int(N * share["staf"] * .5))
        FN = {"noodhulp": ["Noodhulp", "noodhulp ", "NOODHULP", "Medewerker Noodhulp", "Agent noodhulp", "GGP noodhulp"],
              "wijkagent": ["Wijkagent", "wijkagent", "Wijkagent ", "Wijkagent jeugd"],
              "teamleiding": ["Operationeel Expert", "Teamchef", "Senior GGP", "Operationeel Coördinator"],
              "recherche": ["Rechercheur", "rechercheur", "Tactisch Rechercheur", "Digitaal rechercheur", "Senior rechercheur", "Financieel rechercheur", "recherche"],
              "meldkamer": ["Meldkamer", "Centralist", "Centralist meldkamer", "meldkamer politie", "Intaker 112"],
              "intake": ["Intake/Service", "intake", "Medewerker Intake & Service", "Servicedesk", "Intake en Service"],
              "analist": ["Analist RIO", "analist", "Informatierapporteur", "Operationeel Analist", "Medewerker RTIC"],
              "staf": ["Beleidsmedewerker", "HRM adviseur", "Functioneel beheerder", "Secretaresse", "Controller"]}
        RANK = {"noodhulp": (["agent", "hoofdagent", "brigadier", "aspirant"], [40, 40, 12, 8]),
                "wijkagent": (["hoofdagent", "brigadier"], [60, 40]),
                "teamleiding": (["brigadier", "inspecteur"], [50, 50]),
                "recherche": (["hoofdagent", "brigadier", "inspecteur", "burger"], [35, 35, 10, 20]),
                "meldkamer": (["burger", "hoofdagent", "brigadier"], [60, 30, 10]),
                "intake": (["burger", "agent", "hoofdagent"], [60, 20, 20]),
                "analist": (["burger", "brigadier"], [85, 15]),
                "staf": (["burger", "extern", "inspecteur"], [70, 15, 15])}
        used = set()
        flyers = {p for v in self.flyers.values() for p in v}
        for i, e in enumerate(emps):
            e["id"] = "PN%06d" % (100000 + i * 7 + r.randint(0, 6))
            e["idx"] = i
            e["fn"] = r.choice(FN[e["role"]])
            rk, w = RANK[e["role"]]
            e["rank"] = r.choices(rk, w)[0] if r.random() > .02 else ""
            e["district"] = next((k for k, (u, _) in enumerate(units) if u == e["unit"]), 0)
            if e["district"] >= a.districts:
                e["district"] = r.randrange(a.districts)
            # own person record
            e["person"] = None
            if r.random() < a.emp_person_share:
                for _ in range(50):
                    p = r.choice(self.adults)
                    if p not in used and p not in flyers and self.P[p][6] == e["district"] and 1958 < self.P[p][1] < 2004 and not self.P[p][4]:
                        used.add(p); e["person"] = p; break
            e["surname"] = self.P[e["person"]][0] if e["person"] is not None else (r.choice(COMMON) if r.random() < .5 else r.choice(self.uncommon))
            e["start_day"] = 0 if r.random() > .04 else r.randint(3, self.days - 7)  # new hires
            e["ooo"] = r.random() < .05  # on leave all period
        for e in emps:
            e["dunit"] = e["unit"]
        if a.single_unit:
            # the codebook way: the whole force is one unit (eenheid); districts only show in team names
            units = [("oost_brabant", "Eenheid Oost-Brabant")]
            teams = [(t, "oost_brabant", k, n) for t, _, k, n in teams]
            for e in emps:
                e["unit"] = "oost_brabant"
        self.units, self.teams, self.emps = units, teams, emps
        self.emp_persons = {e["person"] for e in emps if e["person"] is not None}
        self.team_members = defaultdict(list)
        for e in emps:
            self.team_members[e["team"]].append(e)

    # ---------------- rosters ----------------
    def build_rosters(self):
        r, a = self.r, self.a
        for e in self.emps:
            sh = []
            role = e["role"]
            if e["ooo"] or role == "staf":
                e["shifts"] = []
                e["recorded"] = False
                continue
            phase = r.randrange(21)
            for d in range(e["start_day"], self.days):
                wd = (calendar.weekday(*time.gmtime(self.t0 + d * 86400)[:3]))
                if role in ("noodhulp", "meldkamer", "teamleiding"):
                    cyc = (d + phase) % 21
                    block = cyc // 7
                    if (cyc % 7) >= 5 or r.random() < .1:
                        continue
                    h, L = [(7, 8.5), (15, 8.5), (23, 8.5)][block]
                elif role == "wijkagent":
                    if wd >= 5 and r.random() < .8 or r.random() < .2:
                        continue
                    h, L = r.choice([(8, 9), (8, 9), (12, 9), (14, 9)])
                elif role == "intake":
                    if (wd >= 5 and r.random() < .6) or r.random() < .25:
                        continue
                    h, L = r.choice([(8, 8.5), (12, 9), (8, 9)])
                else:  # recherche, analist
                    if wd >= 5 and r.random() < .93 or r.random() < .15:
                        continue
                    h, L = r.choice([(8, 9), (8.5, 8.5), (9, 9), (10, 9)])
                h += r.choice([0, 0, 0, -0.25, 0.25, -0.5])
                s = self.local_to_utc(d, h)
                sh.append((s, s + int(L * 3600)))
            e["shifts"] = sh
            e["recorded"] = r.random() < a.shift_record.get(role, a.shift_record_default)

    # ---------------- look-up helpers ----------------
    def pick_system(self):
        x = self.r.random()
        for s, w in SYSTEMS:
            x -= w
            if x < 0:
                return s
        return "bvh"

    def ev(self, t, e, pid, action="query", case=None, label=("L", "?")):
        self.events.append((t, e["id"], pid, action, case, label))

    def district_person(self, d):
        r = self.r
        if r.random() < .4:
            return r.choice(self.flyers[d])
        p = r.choice(self.by_district[d])
        if p in self.emp_persons and r.random() < .8:
            p = r.choice(self.by_district[d])
        return p

    def new_case(self, kind, unit, team, opened, closed, sensitive, opened_is_date=False):
        cid = {"incident": "PL%s26%07d", "investigation": "ON26%s%04d", "intake": "AG%s26%06d"}[kind] % (
            {"incident": "21", "investigation": "R", "intake": "I"}[kind], len(self.cases) + 1)
        self.cases.append({"id": cid, "kind": kind, "unit": unit, "team": team, "opened": opened, "closed": closed,
                           "sens": sensitive, "date": opened_is_date, "persons": [], "staff": []})
        return self.cases[-1]

    def add_cp(self, c, p, role):
        c["persons"].append((p, role))
        self.cp_index[p].append(c)

    # ---------------- legitimate work ----------------
    def gen_legit(self):
        r, a = self.r, self.a
        self.events = []
        self.cases = []
        self.cp_index = defaultdict(list)
        self.incidents_by_time = []  # (opened, case)
        # investigations first
        self.invest_by_team = defaultdict(list)
        for tid, uid, kind, name in self.teams:
            if kind != "recherche":
                continue
            mem = self.team_members[tid]
            d = mem[0]["district"] if mem else 0
            for _ in range(r.randint(6, 16)):
                op = self.t0 - r.randint(0, 200) * 86400 if r.random() < .8 else self.t0 + r.randint(0, self.days - 3) * 86400
                cl = "" if r.random() < .75 else op + r.randint(20, 300) * 86400
                if cl and cl < self.t0:
                    cl = self.t0 + r.randint(1, self.days) * 86400
                sens = r.random() < (.45 if tid.startswith("DRR") else .08)
                c = self.new_case("investigation", uid, tid, op, cl, sens, True)
                for _ in range(r.randint(4, 25)):
                    self.add_cp(c, self.district_person(d) if r.random() < .7 else r.randrange(len(self.P)), r.choice(["verdachte", "verdachte", "getuige", "betrokkene", "slachtoffer"]))
                for m in r.sample(mem, min(len(mem), r.randint(2, 6))):
                    c["staff"].append((m["id"], max(op, self.t0 - 86400 * 60), ""))
                self.invest_by_team[tid].append(c)
        if self.a.vip_investigation:
            # a threatened politician: legit vip look-ups by a DRR team
            vips = [i for i, p in enumerate(self.P) if "vip" in p[4]]
            c = self.invest_by_team["DRR-1"][0]
            for v in vips[:2]:
                self.add_cp(c, v, "slachtoffer")
        all_invest = [c for v in self.invest_by_team.values() for c in v]
        # analysts on some investigations
        for e in self.emps:
            if e["role"] == "analist":
                for c in r.sample(all_invest, 3):
                    c["staff"].append((e["id"], self.t0 - 86400 * 10, ""))
        # patrol incidents: per officer-shift, collect
        off_by_team_day = defaultdict(list)
        for e in self.emps:
            if e["role"] in ("noodhulp", "teamleiding", "wijkagent"):
                for s in e["shifts"]:
                    off_by_team_day[(e["team"], s[0])].append(e)
        for e in self.emps:
            e["assigned"] = []
        street_rate = {}
        for (tid, st), offs in sorted(off_by_team_day.items()):
            for e in offs:
                if e["id"] not in street_rate:
                    street_rate[e["id"]] = r.uniform(a.street_lo, a.street_hi)
            for e in offs:
                s, en = next(x for x in e["shifts"] if x[0] == st)
                budget = r.randint(a.patrol_lo, a.patrol_hi) if e["role"] != "wijkagent" else r.randint(15, 35)
                if e["role"] == "teamleiding":
                    budget //= 2
                n_street = int(budget * street_rate[e["id"]] + r.random())
                n_wijk = int(budget * .06 + r.random()) if e["role"] == "wijkagent" else 0
                budget -= n_street + n_wijk
                for _ in range(n_wijk):
                    p = self.district_person(e["district"])
                    self.ev(r.uniform(s, en), e, p, r.choice(["query", "view"]), None, ("L", "wijk_knowledge"))
                while n_street > 0:
                    # street check / traffic stop: in no case
                    p = r.randrange(len(self.P)) if r.random() < .3 else self.district_person(e["district"])
                    t = r.uniform(s + 600, en - 300)
                    self.ev(t, e, p, "query", None, ("L", "street_check"))
                    n_street -= 1
                    if r.random() < .4:
                        self.ev(t + r.randint(10, 90), e, p, "view", None, ("L", "street_check"))
                        n_street -= 1
                while budget > 0:
                    x = r.random()
                    if False:
                        # street check / traffic stop: in no case
                        p = r.randrange(len(self.P)) if r.random() < .3 else self.district_person(e["district"])
                        t = r.uniform(s + 600, en - 300)
                        self.ev(t, e, p, "query", None, ("L", "street_check"))
                        budget -= 1
                        if r.random() < .4:
                            self.ev(t + r.randint(10, 90), e, p, "view", None, ("L", "street_check"))
                            budget -= 1
                        continue
                    if False:
                        p = self.district_person(e["district"])
                        self.ev(r.uniform(s, en), e, p, r.choice(["query", "view"]), None, ("L", "wijk_knowledge"))
                        budget -= 1
                        continue
                    if e["assigned"] and x > .93:
                        # follow-up of own assigned case
                        c = r.choice(e["assigned"][-15:])
                        p, _ = r.choice(c["persons"])
                        self.ev(r.uniform(s, en), e, p, "view", c["id"] if r.random() < .3 else None, ("L", "followup_assigned"))
                        budget -= 1
                        continue
                    # a new incident handled by e with a partner
                    op = r.uniform(s + 300, en - 1800)
                    c = self.new_case("incident", e["unit"], tid, op, op + r.randint(3600, 6 * 3600), False)
                    np_ = r.choices([1, 2, 3, 4, 5, 6, 8], [10, 25, 25, 15, 12, 8, 5])[0]
                    for _ in range(np_):
                        self.add_cp(c, self.district_person(e["district"]), r.choice(["melder", "verdachte", "slachtoffer", "getuige", "betrokkene"]))
                    if r.random() < .01 and self.emp_persons:
                        # a colleague's own record in an incident (e.g. off-duty officer as witness)
                        self.add_cp(c, r.choice(sorted(self.emp_persons)), "getuige")
                    self.incidents_by_time.append((op, c))
                    partner = r.choice(offs) if len(offs) > 1 else None
                    crew = [e] + ([partner] if partner is not None and partner is not e else [])
                    if r.random() < .45:
                        for m in crew:
                            c["staff"].append((m["id"], op, op + r.randint(2, 20) * 86400 if r.random() < .5 else ""))
                            m["assigned"].append(c)
                    for m in crew:
                        ms = next(((a_, b_) for a_, b_ in m["shifts"] if a_ <= op <= b_), (s, en))
                        for p, _ in c["persons"]:
                            if m is not e and r.random() < .4:
                                continue
                            t = op + r.uniform(-900, 2.5 * 3600)
                            t = min(max(t, ms[0] + 60), ms[1] + (r.uniform(0, 2400) if r.random() < .05 else -60))
                            lab = ("L", "own_incident" if m is e else "crew_incident")
                            if t > ms[1]:
                                lab = ("L", "overtime_incident")
                            cid = c["id"] if r.random() < .2 else None
                            self.ev(t, m, p, "query", cid, lab)
                            budget -= 1
                            for _ in range(r.choices([0, 1, 2, 3], [25, 35, 25, 15])[0]):
                                self.ev(t + r.randint(5, 900), m, p, "view", cid, lab)
                                budget -= 1
                    # next-day follow-ups by a team colleague (wijkagent/day shift), sometimes after close
                    if r.random() < a.followup_rate:
                        mem = self.team_members[tid]
                        f = r.choice(mem)
                        fs = [x for x in f["shifts"] if op + 86400 < x[0] < op + 5 * 86400]
                        if fs:
                            x = fs[0]
                            p, _ = r.choice(c["persons"])
                            self.ev(r.uniform(x[0], x[1]), f, p, "view", c["id"] if r.random() < .5 else None, ("L", "team_followup_after_close"))
        self.incidents_by_time.sort(key=lambda x: x[0])
        self.inc_times = [x[0] for x in self.incidents_by_time]
        # famous footballer in an incident (news hype base) - legit look-ups by own unit's responders
        self.hype = None
        if a.hype:
            cands = [i for i, p in enumerate(self.P) if (("vip" in p[4]) == a.hype_vip) and 1985 < p[1] < 2004 and not p[4].replace("vip", "")]
            fb = r.choice(cands)
            d = r.randint(3, self.days - 4)
            op = self.local_to_utc(d, 2.5)  # nightclub fight 02:30
            t_inc = self.teams[0]
            tid, uid = t_inc[0], t_inc[1]
            c = self.new_case("incident", uid, tid, op, op + 4 * 3600, False)
            self.add_cp(c, fb, "verdachte")
            self.add_cp(c, self.district_person(0), "slachtoffer")
            self.incidents_by_time.append((op, c))
            on = [e for e in self.team_members[tid] if any(s <= op <= en for s, en in e["shifts"])]
            for e in on[:6]:
                self.ev(op + r.randint(300, 5000), e, fb, "view", c["id"] if r.random() < .5 else None, ("L", "hype_own_responders"))
            self.hype = (fb, op, tid, c)
            self.incidents_by_time.sort(key=lambda x: x[0])
            self.inc_times = [x[0] for x in self.incidents_by_time]
        # intake, meldkamer, recherche, analysts
        for e in self.emps:
            role = e["role"]
            if role == "recherche":
                inv = [c for c in self.invest_by_team[e["team"]]]
                for s, en in e["shifts"]:
                    n = r.randint(25, 50)
                    for _ in range(n):
                        t = r.uniform(s, en + (1800 if r.random() < .1 else 0))
                        open_inv = [c for c in inv if c["opened"] <= t and (not c["closed"] or c["closed"] + 86400 > t)]
                        x = r.random()
                        if open_inv and x < .9:
                            c = r.choice(open_inv)
                            p, _ = r.choice(c["persons"])
                            act = "view" if r.random() < .6 else "query"
                            lab = "team_investigation"
                            if r.random() < .03:
                                act = r.choice(["export", "print"]); lab = "investigation_export"
                            self.ev(t, e, p, act, c["id"] if r.random() < .35 else None, ("L", lab))
                        elif x < .96:
                            # network of a suspect: associate not yet in a case (same household/relations of suspect)
                            p = None
                            if open_inv:
                                c = r.choice(open_inv)
                                sp, _ = r.choice(c["persons"])
                                rel = self.relmap.get(sp)
                                if rel:
                                    p = r.choice(rel)[0]
                            if p is None:
                                p = self.district_person(e["district"])
                            self.ev(t, e, p, "query", None, ("L", "investigation_network"))
                        else:
                            # assist: look at an incident of the own unit in past days
                            i = bisect.bisect_left(self.inc_times, t - 3 * 86400)
                            j = bisect.bisect_left(self.inc_times, t)
                            if j > i:
                                c = self.incidents_by_time[r.randrange(i, j)][1]
                                p, _ = r.choice(c["persons"])
                                self.ev(t, e, p, "view", c["id"] if r.random() < .3 else None, ("L", "recherche_incident_review"))
            elif role == "intake":
                for s, en in e["shifts"]:
                    n = r.randint(a.intake_lo, a.intake_hi)
                    k = 0
                    while k < n:
                        t = r.uniform(s + 300, en - 600)
                        if r.random() < .1:
                            p = self.district_person(r.randrange(a.districts))
                            self.ev(t, e, p, "query", None, ("L", "intake_information_request"))
                            k += 1
                            continue
                        c = self.new_case("intake", e["unit"], e["team"], t + r.randint(60, 900), t + r.randint(1800, 86400 * 3), False)
                        c["staff"].append((e["id"], c["opened"], ""))
                        for _ in range(r.choices([1, 2, 3], [50, 35, 15])[0]):
                            p = self.district_person(r.randrange(a.districts))
                            self.add_cp(c, p, r.choice(["aangever", "verdachte", "getuige"]))
                            self.ev(t + r.randint(0, 300), e, p, "query", None, ("L", "intake_case"))
                            self.ev(c["opened"] + r.randint(0, 1200), e, p, "view", c["id"] if r.random() < .6 else None, ("L", "intake_case"))
                            if r.random() < .05:
                                self.ev(c["opened"] + r.randint(600, 1800), e, p, "print", c["id"], ("L", "intake_print"))
                            k += 2
            elif role == "meldkamer":
                for s, en in e["shifts"]:
                    n = r.randint(a.mk_lo, a.mk_hi)
                    for _ in range(n):
                        t = r.uniform(s, en)
                        i = bisect.bisect_left(self.inc_times, t - 1800)
                        j = bisect.bisect_left(self.inc_times, t + 900)
                        if j > i and r.random() < 1 - a.mk_noinc:
                            c = self.incidents_by_time[r.randrange(i, j)][1]
                            p, _ = r.choice(c["persons"])
                            self.ev(t, e, p, "query", c["id"] if r.random() < .4 else None, ("L", "meldkamer_incident"))
                        else:
                            p = self.district_person(r.randrange(a.districts))
                            self.ev(t, e, p, "query", None, ("L", "meldkamer_call_no_incident"))
            elif role == "analist":
                my = [c for c in all_invest if any(x[0] == e["id"] for x in c["staff"])]
                for s, en in e["shifts"]:
                    n = r.randint(a.ana_lo, a.ana_hi)
                    for _ in range(n):
                        t = r.uniform(s, en)
                        x = r.random()
                        if x < .25 and my:
                            c = r.choice(my); p, _ = r.choice(c["persons"])
                            self.ev(t, e, p, "view", c["id"] if r.random() < .5 else None, ("L", "analyst_assigned_investigation"))
                        elif x < .5:
                            c = r.choice(all_invest); p, _ = r.choice(c["persons"])
                            self.ev(t, e, p, "view", c["id"] if r.random() < .5 else None, ("L", "analyst_other_investigation"))
                        elif x < .88:
                            i = bisect.bisect_left(self.inc_times, t - 14 * 86400)
                            j = bisect.bisect_left(self.inc_times, t)
                            if j > i:
                                c = self.incidents_by_time[r.randrange(i, j)][1]
                                p, _ = r.choice(c["persons"])
                                self.ev(t, e, p, "query", c["id"] if r.random() < .3 else None, ("L", "analyst_incident_trend"))
                        else:
                            p = self.district_person(r.randrange(a.districts))
                            self.ev(t, e, p, "query", None, ("L", "analyst_adhoc"))
            elif role == "noodhulp" and r.random() < 0.0:
                pass

    # ---------------- oracle (docs/synthetic-worlds.md) for improper look-ups ----------------
    def explainable(self, e, p, t, case_id):
        for c in self.cp_index.get(p, ()):
            if case_id and c["id"] == case_id:
                return True
            for sid, f, to in c["staff"]:
                if sid == e["id"]:
                    fd = f - f % 86400
                    td = (to - to % 86400 + 86400) if to else 1e18
                    if fd <= t < td:
                        return True
            if c["team"] == e["team"]:
                op = c["opened"]; cl = c["closed"]
                if c["date"]:
                    lo = op - 4 * 3600; hi = (cl + 86400 + 4 * 3600) if cl else 1e18
                else:
                    lo = op - 4 * 3600; hi = (cl + 4 * 3600) if cl else 1e18
                if lo <= t <= hi:
                    return True
            if c["kind"] == "incident" and c["unit"] == e["unit"] and abs(t - c["opened"]) <= 4 * 3600 and e["recorded"] and any(s <= t <= en for s, en in e["shifts"]):
                return True
        return False

    # ---------------- improper ----------------
    def gen_improper(self):
        r, a = self.r, self.a
        self.incidents = []
        in_case = set(self.cp_index.keys())
        free = lambda: next(p for p in iter(lambda: r.randrange(len(self.P)), None) if p not in in_case and p not in self.emp_persons and not self.P[p][4])
        W = {"hoofdagent": 2.2, "brigadier": 2.2, "agent": 1.4, "aspirant": 1.0, "inspecteur": 1.0, "burger": .6, "extern": .6, "": 1}
        active = [e for e in self.emps if e["shifts"] and e["role"] != "staf"]
        weights = [W.get(e["rank"], 1) for e in active]
        used = set()
        def offender(cond=lambda e: True, recorded=False):
            for _ in range(5000):
                e = r.choices(active, weights)[0]
                if e["id"] in used or not cond(e) or (recorded and not e["recorded"]) or len(e["shifts"]) < 6:
                    continue
                used.add(e["id"])
                return e
            raise RuntimeError("no offender")
        def in_shift(e, day_min=0):
            sh = [x for x in e["shifts"] if x[0] >= self.t0 + day_min * 86400] or e["shifts"]
            s, en = r.choice(sh)
            return r.uniform(s + 900, en - 900)
        def own_case(e):
            cs = [c["id"] for c in self.cases if any(x[0] == e["id"] for x in c["staff"])] if r.random() < .1 else []
            return r.choice(cs) if cs else None
        n_inc = [0]
        def emit(scn, e, p, t, action="view", case="auto", inc=None):
            if case == "auto":
                case = own_case(e)
            if case and any(c["id"] == case for c in self.cp_index.get(p, ())):
                case = None
            if self.explainable(e, p, t, case):
                return False
            self.ev(t, e, p, action, case, ("I", inc, scn))
            return True
        def new_inc():
            n_inc[0] += 1
            return "RT-%03d" % n_inc[0]
        k = a.per_scenario
        rel_of = lambda e, kinds: [q for q, kk in self.relmap.get(e["person"], []) if kk in kinds] if e["person"] is not None else []
        for scn in ["self", "family", "partner", "ex_partner", "neighbour", "surname_relative", "colleague", "vip_curiosity",
                    "shielded", "sensitive_investigation", "off_shift", "browsing", "following", "export_print", "volume_spike"]:
            for _ in range(k):
                inc = new_inc(); ok = 0
                if scn == "self":
                    e = offender(lambda e: e["person"] is not None)
                    for _ in range(r.randint(1, 3)):
                        ok += emit(scn, e, e["person"], in_shift(e), r.choice(["query", "view"]), inc=inc)
                elif scn in ("family", "partner", "ex_partner"):
                    kinds = {"family": ("parent", "sibling"), "partner": ("partner",), "ex_partner": ("ex_partner",)}[scn]
                    e = offender(lambda e: bool(rel_of(e, kinds)))
                    q = r.choice(rel_of(e, kinds))
                    n = r.randint(1, 3) if scn != "ex_partner" else r.randint(1, 5)
                    for _ in range(n):
                        ok += emit(scn, e, q, in_shift(e), r.choice(["query", "view", "view"]), inc=inc)
                elif scn == "neighbour":
                    def nb(e):
                        if e["person"] is None: return []
                        me = self.P[e["person"]]
                        fam = {x for x, _ in self.relmap.get(e["person"], [])}
                        return [x for x in self.by_pc[me[2]] if self.P[x][5] != me[5] and x not in fam and x not in self.emp_persons]
                    e = offender(lambda e: bool(nb(e)))
                    q = r.choice(nb(e))
                    for _ in range(r.randint(1, 3)):
                        ok += emit(scn, e, q, in_shift(e), r.choice(["query", "view"]), inc=inc)
                elif scn == "surname_relative":
                    e = offender(lambda e: e["person"] is not None and self.sn_count[e["surname"]] <= 40 and self.sn_count[e["surname"]] >= 2)
                    me = self.P[e["person"]]
                    fam = {x for x, _ in self.relmap.get(e["person"], [])}
                    cands = [i for i in range(len(self.P)) if self.P[i][0] == e["surname"] and self.P[i][5] != me[5] and i not in fam and self.P[i][2] != me[2]]
                    if not cands:
                        continue
                    q = r.choice(cands)
                    for _ in range(r.randint(1, 2)):
                        ok += emit(scn, e, q, in_shift(e), "view", inc=inc)
                elif scn == "colleague":
                    e = offender()
                    cols = [m for m in self.team_members[e["team"]] if m is not e and m["person"] is not None] or \
                           [m for m in self.emps if m["unit"] == e["unit"] and m is not e and m["person"] is not None]
                    q = r.choice(cols)["person"]
                    for _ in range(r.randint(1, 3)):
                        ok += emit(scn, e, q, in_shift(e), "view", inc=inc)
                elif scn in ("vip_curiosity", "shielded"):
                    e = offender()
                    flag = "vip" if scn == "vip_curiosity" else "shielded"
                    cands = [i for i, p in enumerate(self.P) if flag in p[4].split(";") and i not in in_case and (scn == "shielded" or "shielded" not in p[4])]
                    q = r.choice(cands)
                    for _ in range(r.randint(1, 2)):
                        ok += emit(scn, e, q, in_shift(e), r.choice(["query", "view"]), inc=inc)
                elif scn == "sensitive_investigation":
                    sens = [c for c in self.cases if c["kind"] == "investigation" and c["sens"] and not c["closed"] and c["opened"] < self.t0 + (self.days - 8) * 86400]
                    c = r.choice(sens)
                    staff = {x[0] for x in c["staff"]}
                    e = offender(lambda e: e["team"] != c["team"] and e["id"] not in staff and e["role"] in ("noodhulp", "recherche", "wijkagent", "intake"))
                    only = [p for p, _ in c["persons"] if len(self.cp_index[p]) == 1]
                    qs = r.sample(only, min(len(only), r.choice([1, 1, 2, 3, 5])))
                    for q in qs:
                        sh = [x for x in e["shifts"] if x[0] > c["opened"] + 86400] or e["shifts"][-1:]
                        s_, en_ = r.choice(sh)
                        ok += emit(scn, e, q, r.uniform(s_ + 900, en_ - 900), r.choice(["query", "view", "view"]), inc=inc)
                elif scn == "off_shift":
                    e = offender(recorded=True)
                    q = free()
                    for _ in range(r.randint(1, 3)):
                        for _ in range(100):
                            d = r.randrange(e["start_day"], self.days)
                            t = self.local_to_utc(d, r.uniform(0, 24))
                            if all(abs(t - s) > 3 * 3600 and abs(t - en) > 3 * 3600 and not (s <= t <= en) for s, en in e["shifts"]):
                                break
                        ok += emit(scn, e, q, t, "view", inc=inc)
                elif scn == "browsing":
                    e = offender()
                    t = in_shift(e)
                    n = r.randint(10, 30)
                    span = r.uniform(20 * 60, 90 * 60)
                    for i in range(n):
                        ok += emit(scn, e, free(), t + span * i / n + r.uniform(0, 60), r.choice(["query", "query", "view"]), inc=inc)
                elif scn == "following":
                    e = offender(lambda e: len({(s - self.t0) // (7 * 86400) for s, _ in e["shifts"]}) >= 3)
                    q = free()
                    byweek = defaultdict(list)
                    for s, en in e["shifts"]:
                        byweek[(s - self.t0) // (7 * 86400)].append((s, en))
                    for wk, sh in sorted(byweek.items()):
                        for s, en in r.sample(sh, min(len(sh), r.randint(1, 3))):
                            ok += emit(scn, e, q, r.uniform(s + 600, en - 600), r.choice(["query", "view"]), inc=inc)
                elif scn == "export_print":
                    e = offender()
                    q = free(); t = in_shift(e)
                    ok += emit(scn, e, q, t, "view", inc=inc)
                    ok += emit(scn, e, q, t + r.randint(30, 600), r.choice(["export", "print"]), inc=inc)
                elif scn == "volume_spike":
                    e = offender(lambda e: e["role"] in ("noodhulp", "wijkagent", "recherche") and any(x[0] > self.t0 + 12 * 86400 for x in e["shifts"]))
                    sh = [x for x in e["shifts"] if x[0] > self.t0 + 12 * 86400]
                    s, en = r.choice(sh)
                    for _ in range(r.randint(40, 90)):
                        ok += emit(scn, e, free(), r.uniform(s + 600, en - 600), "query", inc=inc)
                if ok:
                    self.incidents.append((inc, scn, e["id"]))
        if self.hype:
            fb, op, tid, c = self.hype
            inc = new_inc()
            hd = self.team_members[tid][0]["dunit"]
            others = [e for e in active if e["dunit"] != hd and e["role"] in ("noodhulp", "wijkagent", "recherche", "meldkamer", "intake", "teamleiding")]
            n = r.randint(a.hype_lo, a.hype_hi)
            cnt = 0
            r.shuffle(others)
            for e in others:
                ts = [(max(s, op + 3600), min(en, op + 22 * 3600)) for s, en in e["shifts"] if s < op + 22 * 3600 and en > op + 3600]
                if not ts:
                    continue
                s, en = ts[0]
                if en <= s:
                    continue
                for _ in range(r.choice([1, 1, 2])):
                    emit("news_hype", e, fb, r.uniform(s, en), r.choice(["query", "view"]), case=None, inc=inc)
                cnt += 1
                if cnt >= n:
                    break
            self.incidents.append((inc, "news_hype", "%d employees" % cnt))

    # ---------------- output ----------------
    def write(self, out):
        r = self.r
        os.makedirs(out, exist_ok=True)
        def w(name, header, rows):
            with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
                cw = csv.writer(f, lineterminator="\n")
                cw.writerow(header)
                cw.writerows(rows)
        w("units.csv", ["unit_id", "name", "fte"], [(u, n, "%.1f" % (sum(1 for e in self.emps if e["unit"] == u) * 0.93)) for u, n in self.units])
        w("teams.csv", ["team_id", "unit_id", "kind", "name"], self.teams)
        w("employees.csv", ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function"],
          [(e["id"], self.pid(e["person"]) if e["person"] is not None else "", e["surname"], e["unit"], e["team"], e["rank"], e["fn"]) for e in self.emps])
        w("persons.csv", ["person_id", "surname", "birth_year", "postcode", "house_number", "flags"],
          [(self.pid(i), p[0], p[1] if r.random() > .01 else "", p[2] if r.random() > .3 else p[2][:4] + " " + p[2][4:], p[3], p[4]) for i, p in enumerate(self.P)])
        w("relations.csv", ["person_id", "related_person_id", "kind"], [(self.pid(x), self.pid(y), k) for x, y, k in self.rel])
        def dt(t, isdate):
            if t == "" or t is None:
                return ""
            return fmt_date(t) if isdate else (fmt_local(t) if r.random() < .5 else fmt_utc(t))
        w("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"],
          [(c["id"], c["kind"], c["unit"], c["team"], dt(c["opened"], c["date"]), dt(c["closed"], c["date"]),
            ("true" if c["sens"] else "false") if r.random() < .9 else ("ja" if c["sens"] else "")) for c in self.cases])
        w("case_persons.csv", ["case_id", "person_id", "role"], [(c["id"], self.pid(p), role) for c in self.cases for p, role in c["persons"]])
        w("case_staff.csv", ["case_id", "employee_id", "from", "to"],
          [(c["id"], sid, fmt_date(f) if (c["kind"] != "incident" or r.random() < .5) else fmt_utc(f), fmt_date(to) if to else "")
           for c in self.cases for sid, f, to in c["staff"]])
        w("shifts.csv", ["employee_id", "start", "end"],
          [(e["id"], fmt_local(s) if r.random() < .7 else fmt_utc(s), fmt_local(en) if r.random() < .7 else fmt_utc(en))
           for e in self.emps if e["recorded"] for s, en in e["shifts"]])
        # events: logged order = ts + small delay for some (out of order)
        evs = []
        for x in self.events:
            t = x[0]
            delay = 0 if r.random() < .9 else r.uniform(1, 150)
            evs.append((t + delay, x))
        evs.sort(key=lambda z: z[0])
        sysfmt = {"bvh": 1, "blueview": 2, "summit": 0, "brp": 0, "meos": 1, "rdw": 0}
        truth, reasons = [], []
        with open(os.path.join(out, "events.jsonl"), "w", encoding="utf-8") as f:
            for n, (_, (t, eid, p, act, case, lab)) in enumerate(evs):
                sysn = self.pick_system()
                st = sysfmt[sysn] if self.a.tz_mixed else 0
                ts = fmt_local(t) if st == 1 else fmt_utc(t, st == 2)
                id_ = "lk-%s-%08d" % (sysn[:3], n + 1)
                o = {"id": id_, "ts": ts, "employee_id": eid, "system": sysn, "action": act, "person_id": self.pid(p)}
                if case:
                    o["case_id"] = case
                elif r.random() < .05:
                    o["case_id"] = "" if r.random() < .5 else None
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
                if lab[0] == "I":
                    truth.append((id_, lab[1], lab[2]))
                else:
                    reasons.append((id_, lab[1]))
        w("truth.csv", ["event_id", "incident_id", "scenario"], truth)
        w("legit_reasons.csv", ["event_id", "reason"], reasons)
        with open(os.path.join(out, "incidents_private.csv"), "w") as f:
            f.write("incident_id,scenario,employee\n")
            for i in self.incidents:
                f.write("%s,%s,%s\n" % i)
        return len(evs), len(truth)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--style", default="metro", choices=["metro", "commons", "small"])
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    base = dict(start="2026-03-18", days=21, employees=3500, persons=500000, districts=4, common_share=.35,
                emp_person_share=.8, mk_share=.08, shift_record={}, shift_record_default=1.0,
                street_lo=.02, street_hi=.08, patrol_lo=30, patrol_hi=55, intake_lo=70, intake_hi=130,
                mk_lo=150, mk_hi=260, ana_lo=60, ana_hi=120, followup_rate=.04, per_scenario=3,
                hype=True, hype_vip=True, mk_noinc=.12, single_unit=False, hype_lo=40, hype_hi=70, tz_mixed=True, vip_investigation=True)
    if a.style == "commons":
        base.update(start="2026-10-12", days=28, employees=2200, persons=250000, districts=3, common_share=.6,
                    emp_person_share=.7, mk_share=.05, shift_record={"noodhulp": .75, "wijkagent": .5, "teamleiding": .5, "meldkamer": .9,
                                                                        "recherche": .0, "analist": .0, "intake": .3},
                    mk_lo=100, mk_hi=180, hype_vip=False, mk_noinc=.2, single_unit=True, hype_lo=25, hype_hi=45, per_scenario=3)
    if a.style == "small":
        base.update(start="2026-01-05", days=35, employees=1500, persons=150000, districts=2, common_share=.45,
                    emp_person_share=.9, mk_share=.05, mk_lo=90, mk_hi=160, per_scenario=2, hype_lo=20, hype_hi=35,
                    tz_mixed=False, mk_noinc=.22, street_lo=.04, street_hi=.08, vip_investigation=False)
    for k, v in base.items():
        setattr(a, k, v)
    t = time.time()
    W = World(a)
    W.build_population(); print("population", len(W.P), "%.1fs" % (time.time() - t), flush=True)
    W.build_org(); W.build_rosters(); print("org", len(W.emps), flush=True)
    W.gen_legit(); print("legit", len(W.events), "cases", len(W.cases), "%.1fs" % (time.time() - t), flush=True)
    W.gen_improper(); print("incidents", len(W.incidents), flush=True)
    n, ni = W.write(a.out)
    print("wrote", a.out, "events", n, "improper", ni, "%.1fs" % (time.time() - t))


if __name__ == "__main__":
    main()
