#!/usr/bin/env python3
"""redteam10: an independent lekradar world generator (standard library only).

Models a big-city police force split into district units, with a central intake
desk, a 24/7 regional control room, a real-time intelligence centre (RTIC),
specialised detective squads, a trainee cohort starting halfway, a football club
with riots every other weekend, and 10% of employees without a person_id.

usage: python3 gen.py OUTDIR --seed S
"""
import argparse, bisect, csv, gzip, io, math, os, random, time
from datetime import date, datetime, timedelta, timezone

DAY = 86400
HOUR = 3600

# ---------------------------------------------------------------- names
COMMON = [("de Jong", 86), ("Jansen", 74), ("de Vries", 72), ("van den Berg", 61), ("van Dijk", 58),
          ("Bakker", 57), ("Janssen", 56), ("Visser", 51), ("Smit", 46), ("Meijer", 42), ("de Boer", 40),
          ("Mulder", 38), ("de Groot", 38), ("Bos", 36), ("Vos", 34), ("Peters", 33), ("Hendriks", 33),
          ("van Leeuwen", 31), ("Dekker", 31), ("Brouwer", 30), ("de Wit", 30), ("Dijkstra", 29),
          ("Smits", 29), ("de Graaf", 28), ("van der Meer", 28), ("van der Linden", 27), ("Kok", 27),
          ("Jacobs", 26), ("de Haan", 26), ("Vermeulen", 25), ("van den Heuvel", 25), ("van der Veen", 24),
          ("van den Broek", 24), ("de Bruijn", 24), ("de Bruin", 23), ("van der Heijden", 23),
          ("Schouten", 23), ("van Beek", 22), ("Willems", 22), ("van Vliet", 22), ("van de Ven", 21),
          ("Hoekstra", 21), ("Maas", 21), ("Verhoeven", 21), ("Koster", 20), ("van Dam", 20),
          ("van der Wal", 20), ("Prins", 20), ("Blom", 19), ("Huisman", 19), ("Peeters", 19),
          ("de Jonge", 19), ("Kuipers", 19), ("van Veen", 18), ("Post", 18), ("Kuiper", 18),
          ("Veenstra", 18), ("Kramer", 18), ("van den Brink", 17), ("Scholten", 17),
          ("Yilmaz", 24), ("Kaya", 18), ("El Amrani", 14), ("Bouzid", 12), ("Öztürk", 13), ("Demir", 15),
          ("Şahin", 10), ("El Idrissi", 12), ("Benali", 11), ("Ramdin", 8), ("Soekhoe", 6),
          ("Nguyen", 7), ("Kowalski", 7), ("Nowak", 9), ("Mohan", 5), ("Sewnath", 5), ("Bakkali", 9),
          ("Ait Ouali", 6), ("Doğan", 9), ("Çelik", 8), ("Pinas", 5), ("Martina", 6), ("Silva", 7)]
ROOTS = ["Abbing", "Bolk", "Crebb", "Dubb", "Eshu", "Fokk", "Gelder", "Haaks", "Ijzer", "Joost", "Kort", "Lub", "Mensing", "Nijhu", "Olth", "Pothu", "Quak", "Roel", "Sweer", "Tuin", "Uiterw", "Vink", "Wolter", "Zwier", "Kloos", "Brink", "Hoef", "Stroom", "Wessel", "Hark", "Lind", "Molen", "Ruyt", "Zand", "Eike",
         "Oost", "Wester", "Spaar", "Hulse", "Drie", "Klaver", "Vlier", "Rietv", "Bleek", "Gerrit",
         "Harm", "Tjaard", "Wubbe", "Sikke", "Jelle", "Ootj", "Marre", "Goos", "Feld", "Kamph", "Rozen"]
SUFFIXES = ["ink", "ema", "stra", "huis", "kamp", "man", "veld", "inga", "ers", "dijk", "hof", "horst",
            "beek", "meijer", "ga", "werf"]
PREFIX = ["", "", "", "van ", "ter ", "van der ", "de ", "op den "]


def uncommon_names(rng):
    out = set()
    for r in ROOTS:
        for s in SUFFIXES:
            for p in PREFIX[2:] + [""]:
                out.add((p + r + s).strip())
    out = sorted(out)
    rng.shuffle(out)
    return out


# ---------------------------------------------------------------- time helpers
def utc_epoch(d):
    return int(datetime(d.year, d.month, d.day, tzinfo=timezone.utc).timestamp())


class Clock:
    def __init__(self, start, ndays):
        self.start = start
        self.ndays = ndays
        y = start.year
        # last Sunday of March / October, 01:00 UTC
        def last_sunday(m):
            d = date(y, m, 31)
            while d.weekday() != 6:
                d -= timedelta(days=1)
            return utc_epoch(d) + HOUR
        self.dst_on = last_sunday(3)
        self.dst_off = last_sunday(10)
        self.t0 = utc_epoch(start)

    def off(self, t):
        return 7200 if self.dst_on <= t < self.dst_off else 3600

    def local(self, d, secs):
        """UTC epoch of local time (day index d, seconds after local midnight)."""
        x = self.t0 + d * DAY + secs
        return x - self.off(x - 3600)

    def weekday(self, d):
        return (self.start.weekday() + d) % 7

    def _day(self, t):
        d = t // DAY
        s = self._days.get(d) if hasattr(self, "_days") else None
        if s is None:
            if not hasattr(self, "_days"):
                self._days = {}
            s = self._days[d] = time.strftime("%Y-%m-%d", time.gmtime(d * DAY))
        r = t - d * DAY
        return s, "%02d:%02d:%02d" % (r // 3600, r % 3600 // 60, r % 60)

    def fmt_local(self, t):
        o = self.off(t)
        a, b = self._day(t + o)
        return a + "T" + b + ("+02:00" if o == 7200 else "+01:00")

    def fmt_z(self, t, sep="T"):
        a, b = self._day(t)
        return a + sep + b + "Z"

    def fmt_date(self, t):
        return time.strftime("%Y-%m-%d", time.gmtime(t + self.off(t)))


# ---------------------------------------------------------------- world
SRC = ["incident_on_shift", "assigned_case", "given_case", "team_case", "unrecorded", "repeat_history"]
DISTRICTS = ["centrum", "west", "noord", "oost", "zuid", "nieuw-west", "zuidoost", "haven"]
SQUADS = [("drugs", "recherche", 80, 0.6), ("tgo-levensdelicten", "recherche", 60, 0.5),
          ("jeugd", "recherche", 50, 0.1), ("zeden-mensenhandel", "recherche", 45, 0.4)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true", help="also write debug_sources.csv.gz (legitimate behaviour per event)")
    a = ap.parse_args()
    t_begin = time.time()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    ndays = rng.randint(21, 35)
    start = date(2026, 3, 2) + timedelta(days=rng.randint(0, 14))
    clk = Clock(start, ndays)
    W = World(rng, clk, ndays)
    W.build()
    W.write(a.outdir, a.debug)
    print("redteam10 seed %d: %d days from %s, %d employees, %d persons, %d cases, %d events, %d improper events in %d incidents, %.1fs"
          % (a.seed, ndays, start, len(W.emps), len(W.persons), len(W.cases), len(W.events),
             len(W.truth), len(W.incidents), time.time() - t_begin))


class World:
    def __init__(self, rng, clk, ndays):
        self.rng, self.clk, self.ndays = rng, clk, ndays
        self.persons = []      # [pid, surname, birth_year, postcode, house, flags]
        self.relations = []    # (p, q, kind)
        self.units = []
        self.teams = []        # dict
        self.emps = []         # dict
        self.cases = []        # dict
        self.case_persons = [] # (cid, pidx, role)
        self.case_staff = []   # (cid, eidx, from_str, to_str)
        self.shifts = []       # (eidx, s, e, written)
        self.events = []       # (t, eidx, system, action, pidx, case_id)
        self.truth = {}        # event index -> (incident, scenario)
        self.incidents = []
        self.src = []          # per event: which legitimate behaviour made it (for --debug)

    # ------------------------------------------------------------ population
    def new_person(self, surname, by, pc, house, flags=""):
        self.persons.append([surname, by, pc, house, flags])
        return len(self.persons) - 1

    def surname_pick(self):
        r = self.rng
        if r.random() < 0.30:  # long tail of uncommon surnames (a few dozen bearers each)
            return self.uncommon[int(len(self.uncommon) * r.random() ** 1.5)]
        return r.choices(self.common_names, self.common_cum, k=1)[0]

    def build_population(self):
        r = self.rng
        self.uncommon = uncommon_names(r)
        self.common_names = [n for n, _ in COMMON]
        acc, self.common_cum = 0, []
        for _, w in COMMON:
            acc += w
            self.common_cum.append(acc)
        self.common_cum = None
        self.common_cum = [w for _, w in COMMON]
        target = r.randint(200000, 330000)
        # postcodes by district: Amsterdam 1011-1109
        letters = [a + b for a in "ABCDEFGHJKLMNPRSTVWXZ" for b in "ABCDEFGHJKLMNPRSTVWXZ"]
        self.district_pcs = {d: [] for d in DISTRICTS}
        nums = list(range(1011, 1110))
        for i, n in enumerate(nums):
            d = DISTRICTS[i * len(DISTRICTS) // len(nums)]
            for l in r.sample(letters, 60):
                self.district_pcs[d].append("%d%s" % (n, l))
        self.resident = {d: [] for d in DISTRICTS}
        self.pc_people = {}
        while len(self.persons) < target:
            d = r.choice(DISTRICTS)
            pc = r.choice(self.district_pcs[d])
            self.make_household(pc, d)
        self.all_persons_n = len(self.persons)
        # flags
        for i in r.sample(range(len(self.persons)), 220):
            self.persons[i][4] = r.choice(["vip", "VIP", "vip "])
        self.vips = [i for i in range(len(self.persons)) if self.persons[i][4].strip().lower() == "vip"]
        for i in r.sample(range(len(self.persons)), 160):
            self.persons[i][4] = (self.persons[i][4] + ";shielded") if self.persons[i][4] else "shielded"
        self.shielded = [i for i in range(len(self.persons)) if "shielded" in self.persons[i][4]]
        for i in r.sample(range(len(self.persons)), 900):
            if not self.persons[i][4]:
                self.persons[i][4] = "deceased"
        # frequent flyers (repeat offenders / nuisance), hooligans
        allp = range(len(self.persons))
        self.flyers = r.sample(allp, 6000)
        self.hooligans = r.sample(allp, 450)

    def make_household(self, pc, d, surname=None):
        r = self.rng
        house = str(r.randint(1, 240)) + r.choice(["", "", "", "-1", "-2", "-H", " A", "-III"])
        sn = surname or self.surname_pick()
        size = r.choices([1, 2, 3, 4, 5], [30, 33, 16, 15, 6])[0]
        members = []
        by0 = r.randint(1945, 2004)
        a = self.new_person(sn, by0, pc, house)
        members.append(a)
        if size >= 2:
            sn2 = sn if r.random() < 0.5 else self.surname_pick()
            b = self.new_person(sn2, by0 + r.randint(-5, 5), pc, house)
            members.append(b)
            if r.random() < 0.25:
                self.relations.append((a, b, "partner"))
                self.relations.append((b, a, "partner"))
            for _ in range(size - 2):
                c = self.new_person(sn, min(2025, by0 + r.randint(20, 38)), pc, house)
                members.append(c)
                if r.random() < 0.15:
                    self.relations.append((c, a, "parent"))
        for m in members:
            if d:
                self.resident[d].append(m)
            self.pc_people.setdefault(pc, []).append(m)
        return members

    # ------------------------------------------------------------ organisation
    def build_org(self):
        r = self.rng
        U, T = self.units, self.teams
        def team(tid, unit, kind, name, size, rankmix, func, **kw):
            T.append(dict(id=tid, unit=unit, kind=kind, name=name, size=size, rankmix=rankmix, func=func, **kw))
        patrol_ranks = [("surveillant", 6), ("agent", 33), ("hoofdagent", 42), ("brigadier", 13), ("inspecteur", 5), ("burger", 1)]
        det_ranks = [("agent", 8), ("hoofdagent", 35), ("brigadier", 35), ("inspecteur", 15), ("hoofdinspecteur", 4), ("burger", 3)]
        for d in DISTRICTS:
            u = "ams-" + d
            U.append((u, "District " + d.title(), ""))
            for k in (1, 2):
                team("T-%s-BT%d" % (d.upper(), k), u, "basisteam", "Basisteam %s %d" % (d.title(), k), r.randint(75, 92), patrol_ranks, "basisteam", district=d)
            team("T-%s-WIJK" % d.upper(), u, "wijkteam", "Wijkteam " + d.title(), r.randint(20, 30), patrol_ranks, "wijkagent", district=d)
            team("T-%s-NH" % d.upper(), u, "noodhulp", "Noodhulp " + d.title(), r.randint(25, 35), patrol_ranks, "noodhulp", district=d)
            team("T-%s-DR" % d.upper(), u, "recherche", "Districtsrecherche " + d.title(), r.randint(16, 24), det_ranks, "rechercheur", district=d, sens=0.15)
        U.append(("ams-intake", "Service- en Intakecentrum", ""))
        team("T-INTAKE", "ams-intake", "intake_service", "Centrale intake", r.randint(150, 185),
             [("burger", 45), ("surveillant", 15), ("agent", 25), ("hoofdagent", 15)], "intake")
        U.append(("ams-meldkamer", "Meldkamer Noord-Holland, regio Amsterdam", ""))
        team("T-MK", "ams-meldkamer", "meldkamer", "Meldkamer politie", r.randint(115, 140),
             [("burger", 40), ("hoofdagent", 35), ("brigadier", 20), ("inspecteur", 5)], "meldkamer")
        U.append(("ams-rtic", "Real Time Intelligence Centre", ""))
        team("T-RTIC", "ams-rtic", "informatie_analyse", "RTIC", r.randint(50, 65),
             [("burger", 50), ("hoofdagent", 30), ("brigadier", 20)], "analist")
        U.append(("ams-recherche", "Dienst Regionale Recherche", ""))
        for name, kind, size, sens in SQUADS:
            team("T-DRR-" + name.upper(), "ams-recherche", kind, "Team " + name, size, det_ranks, "rechercheur", sens=sens)
        team("T-DRR-VOETBAL", "ams-recherche", "specialistisch", "Team Voetbal en Rellen", 24, det_ranks, "rechercheur", sens=0.0)
        U.append(("ams-staf", "Staf en bedrijfsvoering", ""))
        team("T-STAF", "ams-staf", "staf", "Staf", 55, [("burger", 60), ("inspecteur", 25), ("hoofdinspecteur", 10), ("commissaris", 5)], "staf")
        team("T-OND", "ams-staf", "ondersteuning", "Functioneel beheer en ondersteuning", 75, [("burger", 80), ("extern", 20)], "functioneel beheer")
        self.team_by_id = {t["id"]: t for t in T}
        # employees
        eids = r.sample(range(10000, 99999), 4000)
        for t in T:
            t["members"] = []
            for _ in range(t["size"]):
                self.add_emp(t, eids, r.choices([x for x, _ in t["rankmix"]], [w for _, w in t["rankmix"]])[0], 0)
        # trainee cohort, starts halfway
        self.trainee_start = self.ndays // 2
        patrol_teams = [t for t in T if t["kind"] == "basisteam"]
        for _ in range(r.randint(180, 240)):
            self.add_emp(r.choice(patrol_teams), eids, "aspirant", self.trainee_start, trainee=True)
        # fte
        self.units = [(u, n, "%d,%d" % (sum(1 for e in self.emps if e["unit"] == u) * 0.93, r.randint(0, 9))) for u, n, _ in U]

    def add_emp(self, t, eids, rank, start_day, trainee=False):
        r = self.rng
        i = len(self.emps)
        e = dict(id="E%05d" % eids[i], team=t["id"], unit=t["unit"], kind=t["kind"], rank=rank, start=start_day,
                 trainee=trainee, func=("aspirant" if trainee else t["func"]), off=r.randint(0, 3), hist=[], shifts=[])
        # own household
        if r.random() < 0.45:
            d = r.choice(DISTRICTS)
            pc = r.choice(self.district_pcs[d])
        else:
            d = None
            pc = "%d%s%s" % (r.randint(1110, 3999), r.choice("ABCDEGHJKLMNPRSTVWXZ"), r.choice("ABCDEGHJKLMNPRSTVWXZ"))
        sn = self.surname_pick()
        mem = self.make_household(pc, d, sn)
        e["pidx"] = mem[0]
        e["surname"] = sn
        e["household"] = mem[1:]
        for m in mem[1:]:
            if r.random() < 0.7:
                kind = "partner" if self.persons[m][1] and abs(self.persons[m][1] - self.persons[mem[0]][1]) <= 5 else "child"
                self.relations.append((mem[0], m, kind))
        # relatives elsewhere: parents/siblings, same surname, sometimes no relations row
        e["relatives"] = []
        for kind in r.sample(["parent", "sibling", "sibling", "parent"], r.randint(0, 3)):
            d2 = r.choice(DISTRICTS)
            pc2 = r.choice(self.district_pcs[d2])
            p = self.new_person(sn, self.persons[mem[0]][1] + (r.randint(22, 35) if kind == "parent" else r.randint(-6, 6)) * (-1 if kind == "parent" else 1),
                                pc2, str(r.randint(1, 200)))
            self.resident[d2].append(p)
            self.pc_people.setdefault(pc2, []).append(p)
            rec = r.random() < 0.6
            if rec:
                self.relations.append((mem[0], p, kind))
            e["relatives"].append((p, kind, rec))
        if r.random() < 0.14:
            d2 = r.choice(DISTRICTS)
            pc2 = r.choice(self.district_pcs[d2])
            p = self.new_person(self.surname_pick(), self.persons[mem[0]][1] + r.randint(-6, 6), pc2, str(r.randint(1, 200)))
            self.resident[d2].append(p)
            self.pc_people.setdefault(pc2, []).append(p)
            if r.random() < 0.75:
                self.relations.append((mem[0], p, "ex_partner"))
            e["ex"] = p
        e["has_pid"] = r.random() >= 0.10
        self.emps.append(e)
        t["members"].append(i)

    # ------------------------------------------------------------ rosters
    def build_shifts(self):
        r, c = self.rng, self.clk
        for i, e in enumerate(self.emps):
            k = e["kind"]
            for d in range(e["start"], self.ndays):
                wd = c.weekday(d)
                block = (d // 7 + e["off"]) % 4
                s = None
                if k in ("basisteam", "noodhulp", "wijkteam"):
                    p = 0.74 if block < 3 else 0.25
                    if e["trainee"] and d < e["start"] + 2:
                        p = 0
                    if r.random() < p:
                        kind = block if block < 3 else r.randint(0, 2)
                        if k == "wijkteam" and kind == 2:
                            kind = 0
                        s = [(7, 15), (15, 23), (23, 31)][kind]
                elif k == "meldkamer":
                    if r.random() < 0.43:
                        s = (7, 19) if (d + e["off"]) % 4 < 2 else (19, 31)
                elif k == "intake_service":
                    if r.random() < 0.70:
                        s = (8, 16.5) if (d // 3 + e["off"]) % 2 else (13.5, 22)
                elif k == "informatie_analyse":
                    if r.random() < 0.70:
                        s = [(7, 15), (15, 23), (23, 31)][block % 3]
                elif k in ("recherche", "specialistisch"):
                    if r.random() < (0.86 if wd < 5 else 0.07):
                        s = (8.5 + r.choice([-0.5, 0, 0, 0.5]), 17 + r.choice([0, 0, 0.5, 1, 3]))
                else:
                    if wd < 5 and r.random() < 0.85:
                        s = (9, 17)
                if s:
                    st = c.local(d, int(s[0] * HOUR)) + r.choice([0, 0, 0, -900, 900])
                    en = c.local(d, int(s[1] * HOUR)) + r.choice([0, 0, 0, 0, 1800, 3600])
                    self.add_shift(i, st, en)

    def add_shift(self, i, st, en):
        written = self.rng.random() >= 0.035  # missing shift rows
        self.shifts.append((i, st, en, written))
        self.emps[i]["shifts"].append((st, en))

    # ------------------------------------------------------------ cases
    def new_case(self, kind, unit, team, opened, closed, sensitive, cid=None, opened_date=False):
        cid = cid or "%s-%06d" % ({"incident": "2026-BVH", "intake": "AGT", "investigation": "ONV"}[kind], len(self.cases) + 1)
        self.cases.append(dict(id=cid, kind=kind, unit=unit, team=team, opened=opened, closed=closed,
                               sens=sensitive, od=opened_date, persons=[]))
        return len(self.cases) - 1

    def add_cp(self, ci, p, role):
        self.cases[ci]["persons"].append(p)
        self.case_persons.append((self.cases[ci]["id"], p, role))

    def on_shift(self, i, t, margin=0):
        for st, en in self.emps[i]["shifts"]:
            if st - margin <= t <= en + margin:
                return True
        return False

    def build_incidents(self):
        r, c = self.rng, self.clk
        self.inc_by_unit_hour = {}
        self.inc_hour = {}
        patrol_by_district = {d: [] for d in DISTRICTS}
        for t in self.teams:
            if t["kind"] in ("basisteam", "noodhulp") and t.get("district"):
                patrol_by_district[t["district"]].extend(t["members"])
        # on-shift index per (district, hour)
        onshift = {}
        for (i, st, en, _) in self.shifts:
            e = self.emps[i]
            tm = self.team_by_id[e["team"]]
            if tm["kind"] in ("basisteam", "noodhulp", "wijkteam"):
                for h in range((st - c.t0) // HOUR, (en - c.t0) // HOUR + 1):
                    onshift.setdefault((tm["district"], h), []).append(i)
        self.onshift = onshift
        hourw = [0.5, 0.4, 0.35, 0.3, 0.25, 0.25, 0.35, 0.6, 0.8, 0.9, 1, 1, 1.1, 1.1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.5, 1.5, 1.4, 1.2, 0.9]
        for d in DISTRICTS:
            u = "ams-" + d
            rate = r.uniform(1.2, 2.2)
            for h in range(self.ndays * 24):
                lh = (h + 1) % 24
                wd = c.weekday(h // 24)
                lam = rate * hourw[lh] * (1.35 if wd >= 4 else 1.0)
                n = poisson(r, lam)
                for _ in range(n):
                    t = c.t0 - HOUR + h * HOUR + r.randint(0, 3599)
                    officers = onshift.get((d, (t - c.t0) // HOUR), [])
                    team = self.emps[officers[0]]["team"] if officers else "T-%s-BT1" % d.upper()
                    if officers:
                        team = self.emps[r.choice(officers)]["team"]
                    clo = r.random()
                    closed = (t + r.randint(1200, 4 * HOUR), "ts") if clo < 0.55 else ((t + r.randint(1, 6) * DAY, "date") if clo < 0.85 else None)
                    ci = self.new_case("incident", u, team, t, closed, False)
                    k = r.choices([1, 2, 3, 4, 5], [45, 30, 13, 8, 4])[0]
                    for j in range(k):
                        x = r.random()
                        if x < 0.66:
                            p = r.choice(self.resident[d])
                        elif x < 0.9:
                            p = self.flyers[int(r.paretovariate(0.9)) % len(self.flyers)]
                        elif x < 0.997:
                            p = r.randrange(self.all_persons_n)
                        else:
                            p = self.emps[r.randrange(len(self.emps))]["pidx"]  # an officer as victim/witness
                        self.add_cp(ci, p, r.choice(["verdachte", "slachtoffer", "getuige", "melder", "betrokkene", "suspect", "victim"]))
                    if officers and r.random() < 0.65:
                        for o in r.sample(officers, min(len(officers), r.choice([1, 2, 2]))):
                            self.case_staff.append((ci, o, t, None))
                            self.emps[o].setdefault("own", []).append(ci)
                    self.inc_by_unit_hour.setdefault((u, (t - c.t0) // HOUR), []).append(ci)
                    self.inc_hour.setdefault((t - c.t0) // HOUR, []).append(ci)

    def build_investigations(self):
        r, c = self.rng, self.clk
        self.inv_by_team = {}
        for tm in self.teams:
            if tm["kind"] not in ("recherche", "specialistisch") or tm["id"] == "T-DRR-VOETBAL":
                continue
            n = r.randint(8, 16) if tm["unit"] == "ams-recherche" else r.randint(10, 18)
            for _ in range(n):
                opened = c.t0 - r.randint(5, 300) * DAY
                closed = (c.t0 + r.randint(3, self.ndays + 30) * DAY, "date") if r.random() < 0.3 else None
                if closed and closed[0] > c.t0 + self.ndays * DAY:
                    closed = None
                sens = r.random() < tm.get("sens", 0.2)
                ci = self.new_case("investigation", tm["unit"], tm["id"], opened, closed, sens, opened_date=True)
                d = tm.get("district") or r.choice(DISTRICTS)
                k = r.randint(3, 22)
                for j in range(k):
                    p = r.choice(self.resident[d]) if r.random() < 0.6 else (r.choice(self.flyers) if r.random() < 0.5 else r.randrange(self.all_persons_n))
                    self.add_cp(ci, p, "verdachte" if j < max(1, k // 3) else r.choice(["getuige", "slachtoffer", "betrokkene", "informant"]))
                    if j < 2 and r.random() < 0.3 and r.random() < 0.5:
                        pass
                # associates not in the case (network, family of suspects) -> unrecorded legit look-ups
                self.cases[ci]["assoc"] = [r.choice(self.resident[d]) for _ in range(r.randint(2, 10))]
                staff = r.sample(tm["members"], min(len(tm["members"]), r.randint(3, 9)))
                for s in staff:
                    fr = None if r.random() < 0.5 else opened
                    to = None
                    if r.random() < 0.12:
                        to = (c.t0 + r.randint(2, self.ndays) * DAY, "date")
                    self.case_staff.append((ci, s, fr, to))
                    self.emps[s].setdefault("inv", []).append(ci)
                self.inv_by_team.setdefault(tm["id"], []).append(ci)
        self.sensitive_invs = [i for i, cs in enumerate(self.cases) if cs["sens"] and cs["kind"] == "investigation"]

    def build_football(self):
        r, c = self.rng, self.clk
        self.match_days = []
        first_sat = (5 - c.weekday(0)) % 7
        d = first_sat + r.choice([0, 7])
        while d < self.ndays:
            self.match_days.append(d + r.choice([0, 1]))
            d += 14
        patrol = [i for i, e in enumerate(self.emps) if e["kind"] in ("basisteam", "noodhulp") and not e["trainee"]]
        vt = self.team_by_id["T-DRR-VOETBAL"]
        follow = self.new_case("investigation", "ams-recherche", vt["id"], c.t0 - 40 * DAY, None, False, opened_date=True)
        for s in vt["members"][:14]:
            self.case_staff.append((follow, s, None, None))
            self.emps[s].setdefault("inv", []).append(follow)
        self.inv_by_team["T-DRR-VOETBAL"] = [follow]
        self.cases[follow]["assoc"] = r.sample(self.hooligans, 40)
        for h in r.sample(self.hooligans, 60):
            self.add_cp(follow, h, "verdachte")
        self.riots = []
        for md in self.match_days:
            if md >= self.ndays:
                continue
            kick = c.local(md, r.choice([14 * HOUR + 1800, 16 * HOUR + 2700, 20 * HOUR]))
            me = r.sample(patrol, r.randint(120, 180))
            for i in me:
                if not self.on_shift(i, kick):
                    self.add_shift(i, kick - 3 * HOUR, kick + 6 * HOUR + r.randint(0, 3) * 1800)
            for k in range(r.randint(2, 4)):
                t = kick + r.randint(-HOUR, 4 * HOUR)
                ci = self.new_case("incident", "ams-zuidoost", "T-ZUIDOOST-BT1", t, (t + r.randint(1, 3) * DAY, "date"), False)
                ps = r.sample(self.hooligans, r.randint(15, 60))
                for p in ps:
                    self.add_cp(ci, p, "verdachte")
                    if r.random() < 0.5:
                        self.add_cp(follow, p, "verdachte")
                for o in r.sample(me, 15):
                    self.case_staff.append((ci, o, t, None))
                self.riots.append((ci, t, me, ps))

    # ------------------------------------------------------------ legit look-ups
    def ev(self, t, i, sysname, action, p, cid="", src="improper"):
        self.events.append((t, i, sysname, action, p, cid))
        self.src.append(src)
        self.emps[i]["hist"].append(p)
        return len(self.events) - 1

    def action(self, kind):
        x = self.rng.random()
        if kind in ("recherche", "specialistisch"):
            return "query" if x < 0.4 else ("view" if x < 0.93 else ("export" if x < 0.98 else "print"))
        if kind == "intake_service":
            return "query" if x < 0.5 else ("view" if x < 0.96 else "print")
        return "query" if x < 0.5 else ("view" if x < 0.995 else "print")

    def system(self, kind):
        r = self.rng
        if kind in ("basisteam", "noodhulp", "wijkteam"):
            return r.choices(["meos", "bvh", "brp", "rdw"], [45, 40, 10, 5])[0]
        if kind in ("recherche", "specialistisch"):
            return r.choices(["summit", "bvi", "blueview", "bvh"], [40, 20, 30, 10])[0]
        if kind == "meldkamer":
            return r.choices(["bvh", "blueview", "rdw"], [60, 30, 10])[0]
        if kind == "informatie_analyse":
            return r.choices(["blueview", "bvi", "bvh"], [50, 25, 25])[0]
        return r.choices(["bvh", "brp"], [80, 20])[0]

    def recent_incidents(self, unit, t, back_h=3):
        c = self.clk
        h = (t - c.t0) // HOUR
        out = []
        for hh in range(h - back_h, h + 1):
            if unit is None:
                out.extend(self.inc_hour.get(hh, ()))
            else:
                out.extend(self.inc_by_unit_hour.get((unit, hh), ()))
        return [ci for ci in out if self.cases[ci]["opened"] <= t]

    def legit(self):
        r, c = self.rng, self.clk
        any_case = [i for i, cs in enumerate(self.cases) if cs["kind"] != "incident" and not cs["sens"]]
        for (i, st, en, _) in self.shifts:
            e = self.emps[i]
            k = e["kind"]
            dist = self.team_by_id[e["team"]].get("district")
            if k in ("basisteam", "noodhulp", "wijkteam"):
                n = poisson(r, 9 if e["trainee"] else (14 if k == "noodhulp" else 11))
                w = [36, 14, 8, 8, 19 if not e["trainee"] else 28, 15]
            elif k == "meldkamer":
                n = poisson(r, 32)
                w = [70, 0, 0, 0, 25, 5]
            elif k == "informatie_analyse":
                n = poisson(r, 24)
                w = [45, 0, 10, 0, 25, 20]
            elif k in ("recherche", "specialistisch"):
                n = poisson(r, 17)
                w = [3, 55, 8, 14, 12, 8]
            elif k == "intake_service":
                self.intake_shift(i, st, en)
                continue
            else:
                n = poisson(r, 0.7)
                w = [0, 0, 30, 0, 60, 10]
            riot = None
            if k in ("basisteam", "noodhulp"):
                for rc in self.riots:
                    if st <= rc[1] + 2 * HOUR <= en and i in rc[2]:
                        riot = rc
            if riot:
                for _ in range(r.randint(3, 12)):
                    t = riot[1] + r.randint(0, 4 * HOUR)
                    t = min(t, en - 60)
                    p = r.choice(riot[3])
                    self.ev(t, i, self.system(k), self.action(k), p, self.cases[riot[0]]["id"] if r.random() < 0.35 else "", "football_riot")
            times = sorted(r.randint(st, en + 600) for _ in range(n))
            for t in times:
                typ = r.choices(range(6), w)[0]
                p, cid = None, ""
                if typ == 0:  # incident on shift
                    unit = None if k in ("meldkamer", "informatie_analyse") else e["unit"]
                    incs = self.recent_incidents(unit, t, 1 if unit is None else 4)
                    if incs:
                        ci = r.choice(incs)
                        p = r.choice(self.cases[ci]["persons"])
                        if r.random() < 0.15:
                            cid = self.cases[ci]["id"]
                elif typ == 1:  # assigned cases (incl. follow-up work for weeks)
                    own = e.get("inv") or [ci for ci in e.get("own", ()) if self.cases[ci]["opened"] <= t]
                    if own:
                        ci = r.choice(own)
                        if self.cases[ci]["persons"]:
                            p = r.choice(self.cases[ci]["persons"])
                            if r.random() < 0.3:
                                cid = self.cases[ci]["id"]
                elif typ == 2:  # case number given (any case)
                    if k in ("recherche", "specialistisch", "informatie_analyse") and r.random() < 0.3:
                        ci = r.randrange(len(self.cases))  # detectives/RTIC also support other teams' investigations
                    else:
                        ci = r.choice(any_case)
                    if self.cases[ci]["persons"]:
                        p = r.choice(self.cases[ci]["persons"])
                        cid = self.cases[ci]["id"]
                elif typ == 3:  # team case
                    tc = self.inv_by_team.get(e["team"])
                    if tc:
                        ci = r.choice(tc)
                        p = r.choice(self.cases[ci]["persons"])
                    else:
                        own = [ci for ci in e.get("own", ()) if self.cases[ci]["opened"] <= t]
                        if own:
                            p = r.choice(self.cases[r.choice(own)]["persons"])
                elif typ == 4:  # unrecorded: street check, caller, tip, associate
                    if k in ("recherche", "specialistisch") and e.get("inv"):
                        p = r.choice(self.cases[r.choice(e["inv"])].get("assoc") or [0])
                    elif dist and r.random() < 0.7:
                        p = r.choice(self.resident[dist]) if r.random() < 0.6 else self.flyers[int(r.paretovariate(0.8)) % len(self.flyers)]
                    else:
                        p = r.randrange(self.all_persons_n)
                src = SRC[typ]
                if p is None or typ == 5:
                    src = "repeat_history"
                    if e["hist"]:
                        p = e["hist"][-r.randint(1, min(len(e["hist"]), 200))]
                    else:
                        p = r.choice(self.resident[dist]) if dist else r.randrange(self.all_persons_n)
                self.ev(t, i, self.system(k), self.action(k), p, cid, k + ":" + src)
                if r.random() < 0.25:  # query then view of the same person
                    self.ev(t + r.randint(5, 90), i, self.system(k), "view", p, cid, k + ":" + src)

    def intake_shift(self, i, st, en):
        r, c = self.rng, self.clk
        e = self.emps[i]
        nrep = poisson(r, 7)
        for _ in range(nrep):
            t = r.randint(st, en - 1200)
            d = r.choice(DISTRICTS)
            od = r.random() < 0.25
            clo = None if r.random() < 0.6 else (t + r.randint(0, 10) * DAY, "date")
            ci = self.new_case("intake", "ams-" + d, "T-INTAKE", t, clo, False, opened_date=od)
            ps = [r.choice(self.resident[d]) for _ in range(r.choices([1, 2, 3], [50, 35, 15])[0])]
            for j, p in enumerate(ps):
                self.add_cp(ci, p, ["aangever", "verdachte", "getuige"][min(j, 2)])
            if r.random() < 0.92:
                self.case_staff.append((ci, i, t if r.random() < 0.7 else None, None))
            for p in ps:
                for _ in range(r.randint(1, 3)):
                    tt = t + r.randint(-300, 1500)
                    self.ev(tt, i, self.system("intake_service"), self.action("intake_service"), p,
                            self.cases[ci]["id"] if r.random() < 0.55 else "", "intake:report")
        # callers, walk-ins without a report; status questions about existing reports
        for _ in range(poisson(r, 6)):
            t = r.randint(st, en)
            p = r.randrange(self.all_persons_n) if r.random() < 0.5 else r.choice(self.resident[r.choice(DISTRICTS)])
            self.ev(t, i, "brp" if r.random() < 0.4 else "bvh", "query", p, "", "intake:caller_walkin")
        for _ in range(poisson(r, 4)):
            t = r.randint(st, en)
            ci = r.randrange(len(self.cases))
            if self.cases[ci]["persons"] and self.cases[ci]["opened"] < t and not self.cases[ci]["sens"]:
                self.ev(t, i, "bvh", "view", r.choice(self.cases[ci]["persons"]), "", "intake:status_question")

    # ------------------------------------------------------------ improper
    def shift_time(self, i, after=0, before=None):
        sh = [s for s in self.emps[i]["shifts"] if s[0] >= after and (before is None or s[1] <= before)]
        if not sh:
            return None
        st, en = self.rng.choice(sh)
        return self.rng.randint(st, en)

    def off_time(self, i):
        r, c = self.rng, self.clk
        e = self.emps[i]
        for _ in range(50):
            d = r.randint(e["start"], self.ndays - 1)
            t = c.local(d, r.randint(0, 2 * HOUR) + r.choice([0, 21 * HOUR + 1800]))
            if not self.on_shift(i, t, 3 * HOUR):
                return t
        return None

    def plant(self, i, times, persons, scen, actions=None, cid=""):
        inc = "I-%03d" % (len(self.incidents) + 1)
        self.incidents.append((inc, scen, self.emps[i]["id"]))
        e = self.emps[i]
        for j, t in enumerate(times):
            p = persons[j % len(persons)]
            act = actions[j % len(actions)] if actions else self.rng.choice(["query", "view", "view"])
            idx = self.ev(t, i, self.system(e["kind"]), act, p, cid if isinstance(cid, str) else cid[j % len(cid)])
            self.truth[idx] = (inc, scen)

    def pick_emp(self, pred=lambda e: True, prefer_ranks=True):
        r = self.rng
        for _ in range(2000):
            i = r.randrange(len(self.emps))
            e = self.emps[i]
            if e.get("used") or not e["shifts"] or e["kind"] in ("staf",):
                continue
            if prefer_ranks and e["rank"] not in ("hoofdagent", "brigadier") and r.random() < 0.5:
                continue
            if pred(e):
                e["used"] = True
                return i
        return None

    def improper(self):
        r, c = self.rng, self.clk
        emps = self.emps
        def times_on_shift(i, n, spread_days=None):
            out = []
            for _ in range(n):
                t = self.shift_time(i)
                if t:
                    out.append(t)
            return sorted(out)
        # vip curiosity
        for _ in range(r.randint(3, 6)):
            i = self.pick_emp()
            v = r.choice(self.vips)
            self.plant(i, times_on_shift(i, 1)[:1] * 1 + [], [v], "vip_curiosity")
            if r.random() < 0.5:
                t = self.events[-1][0]
                self.plant_more(i, [t + r.randint(20, 400)], [v], "view")
        # news hype: one person in the news (victim in a homicide case), many curious employees
        hom = self.inv_by_team.get("T-DRR-TGO-LEVENSDELICTEN")
        news_case = self.new_case("investigation", "ams-recherche", "T-DRR-TGO-LEVENSDELICTEN",
                                  c.local(self.ndays // 3, 2 * HOUR), None, True)
        nd = self.ndays // 3
        star = r.choice(self.resident["zuid"])
        self.add_cp(news_case, star, "slachtoffer")
        sus = r.choice(self.flyers)
        self.add_cp(news_case, sus, "verdachte")
        for s in r.sample(self.team_by_id["T-DRR-TGO-LEVENSDELICTEN"]["members"], 8):
            self.case_staff.append((news_case, s, c.t0 + nd * DAY, None))
            self.emps[s].setdefault("inv", []).append(news_case)
        for _ in range(r.randint(5, 9)):
            i = self.pick_emp(lambda e: any(st >= c.t0 + nd * DAY for st, en in e["shifts"]) and e["team"] != "T-DRR-TGO-LEVENSDELICTEN")
            if i is None:
                continue
            t = self.shift_time(i, after=c.t0 + nd * DAY, before=c.t0 + (nd + 4) * DAY) or self.shift_time(i, after=c.t0 + nd * DAY)
            ps = [star] if r.random() < 0.6 else [star, sus]
            self.plant(i, [t + k * r.randint(10, 200) for k in range(len(ps))], ps, "news_hype")
        # colleague
        for _ in range(r.randint(4, 6)):
            i = self.pick_emp()
            tm = self.team_by_id[emps[i]["team"]]
            pool = [j for j in tm["members"] if j != i]
            j = r.choice(pool) if r.random() < 0.7 else r.randrange(len(emps))
            ts = times_on_shift(i, r.randint(1, 4))
            ps = [emps[j]["pidx"]] + (emps[j]["household"][:1] if r.random() < 0.4 else [])
            self.plant(i, ts, ps, "colleague")
        # family (relatives with relations row), partner, ex_partner
        for scen, n in (("family", r.randint(2, 4)), ("partner", r.randint(2, 3)), ("ex_partner", r.randint(2, 4))):
            for _ in range(n):
                if scen == "family":
                    i = self.pick_emp(lambda e: any(rec for _, _, rec in e["relatives"]))
                    if i is None: continue
                    p = r.choice([p for p, _, rec in emps[i]["relatives"] if rec])
                elif scen == "partner":
                    i = self.pick_emp(lambda e: len(e["household"]) > 0)
                    if i is None: continue
                    p = emps[i]["household"][0]
                else:
                    i = self.pick_emp(lambda e: "ex" in e)
                    if i is None: continue
                    p = emps[i]["ex"]
                nn = r.randint(1, 3) if scen != "ex_partner" else r.randint(2, 9)
                ts = times_on_shift(i, nn)
                acts = ["query", "view"] + (["print"] if scen == "ex_partner" and r.random() < 0.3 else [])
                self.plant(i, ts, [p], scen, acts)
        # neighbour
        for _ in range(r.randint(3, 5)):
            i = self.pick_emp(lambda e: len(self.pc_people.get(self.persons[e["pidx"]][2], [])) > len(e["household"]) + 2)
            if i is None: continue
            e = emps[i]
            hh = set([e["pidx"]] + e["household"])
            nb = [p for p in self.pc_people[self.persons[e["pidx"]][2]] if p not in hh]
            ps = r.sample(nb, min(len(nb), r.randint(1, 3)))
            self.plant(i, times_on_shift(i, len(ps) + r.randint(0, 2)), ps, "neighbour")
        # surname relative without relations row, uncommon surname
        uncommon = set(self.uncommon)
        for _ in range(r.randint(2, 4)):
            i = self.pick_emp(lambda e: e["surname"] in uncommon and any(not rec for _, _, rec in e["relatives"]))
            if i is None:
                i = self.pick_emp(lambda e: e["surname"] in uncommon)
                if i is None: continue
                e = emps[i]
                p = self.new_person(e["surname"], self.persons[e["pidx"]][1] - 27, r.choice(self.district_pcs["west"]), "7")
            else:
                p = r.choice([p for p, _, rec in emps[i]["relatives"] if not rec])
            self.plant(i, times_on_shift(i, r.randint(1, 3)), [p], "surname_relative")
        # self
        for _ in range(r.randint(1, 3)):
            i = self.pick_emp()
            self.plant(i, times_on_shift(i, r.randint(1, 2)), [emps[i]["pidx"]], "self")
        # shielded
        for _ in range(r.randint(2, 3)):
            i = self.pick_emp()
            self.plant(i, times_on_shift(i, r.randint(1, 2)), [r.choice(self.shielded)], "shielded")
        # following one person over weeks (an acquaintance, a person met on duty, a dating match)
        for _ in range(r.randint(2, 4)):
            i = self.pick_emp(lambda e: len(e["shifts"]) >= 10)
            p = r.randrange(self.all_persons_n)
            ts = sorted(self.shift_time(i) for _ in range(r.randint(7, 18)))
            self.plant(i, ts, [p], "following")
        # browsing: many unrelated persons in a short time
        for _ in range(r.randint(2, 4)):
            i = self.pick_emp(prefer_ranks=False)
            st, en = r.choice(emps[i]["shifts"])
            t0 = r.randint(st, max(st, en - HOUR))
            n = r.randint(25, 90)
            ts = sorted(t0 + r.randint(0, r.choice([1800, 3600, 5400])) for _ in range(n))
            ps = [r.randrange(self.all_persons_n) for _ in range(n)]
            self.plant(i, ts, ps, "browsing")
        # volume spike / harvesting (e.g. collecting addresses for a third party)
        for _ in range(r.randint(1, 3)):
            i = self.pick_emp(lambda e: e["kind"] in ("basisteam", "noodhulp", "intake_service", "wijkteam"))
            sh = r.sample(emps[i]["shifts"], min(2, len(emps[i]["shifts"])))
            ts = []
            for st, en in sh:
                ts += [r.randint(st, en) for _ in range(r.randint(150, 400))]
            ts.sort()
            d = r.choice(DISTRICTS)
            ps = [r.choice(self.resident[d]) for _ in ts]
            acts = ["query"] * 12 + ["view"] * 6 + ["export"]
            self.plant(i, ts, ps, "volume_spike", acts)
        # off shift: night sessions from home
        for _ in range(r.randint(2, 4)):
            i = self.pick_emp()
            ts = []
            for _ in range(r.randint(1, 3)):
                t = self.off_time(i)
                if t:
                    ts += [t + k * r.randint(30, 300) for k in range(r.randint(2, 6))]
            if not ts: continue
            ps = [r.randrange(self.all_persons_n) for _ in range(r.randint(1, 4))]
            self.plant(i, sorted(ts), ps, "off_shift")
        # export/print of unexplained records
        for _ in range(r.randint(2, 4)):
            i = self.pick_emp()
            p = r.randrange(self.all_persons_n)
            t = self.shift_time(i)
            self.plant(i, [t, t + r.randint(20, 200)], [p], "export_print", ["view", r.choice(["export", "print"])])
        # leaks from sensitive investigations to suspects
        for _ in range(r.randint(3, 5)):
            ci = r.choice(self.sensitive_invs)
            cs = self.cases[ci]
            staffed = {s for (cc, s, _, _) in self.case_staff if cc == ci}
            i = self.pick_emp(lambda e: e["team"] != cs["team"])
            if i is None or i in staffed: continue
            ps = cs["persons"][:max(1, len(cs["persons"]) // 3)]
            ps = r.sample(ps, min(len(ps), r.randint(1, 3)))
            n = r.randint(2, 8)
            ts = times_on_shift(i, n)
            # some give an unrelated case number to look legitimate
            cid = ""
            if r.random() < 0.4 and emps[i].get("own"):
                cid = self.cases[r.choice(emps[i]["own"])]["id"]
            acts = ["query", "view", "view"] + (["print"] if r.random() < 0.3 else [])
            self.plant(i, ts, ps, "sensitive_investigation", acts, cid)

    def plant_more(self, i, times, persons, act):
        inc, scen, _ = self.incidents[-1]
        for j, t in enumerate(times):
            idx = self.ev(t, i, self.system(self.emps[i]["kind"]), act, persons[j % len(persons)])
            self.truth[idx] = (inc, scen)

    # ------------------------------------------------------------ build & write
    def build(self):
        self.build_population()
        self.build_org()
        self.build_shifts()
        self.build_incidents()
        self.build_investigations()
        self.build_football()
        self.legit()
        self.improper()

    def write(self, out, debug=False):
        r, c = self.rng, self.clk
        P = lambda i: "P%07d" % (1000003 + i * 7)
        def w(name, header, rows, bom=False, crlf=False, gz=False):
            path = os.path.join(out, name + (".gz" if gz else ""))
            for stale in (os.path.join(out, name), os.path.join(out, name + ".gz")):
                if os.path.exists(stale):
                    os.remove(stale)
            f = gzip.open(path, "wt", encoding="utf-8", newline="", compresslevel=4) if gz else open(path, "w", encoding="utf-8", newline="")
            if bom:
                f.write("\ufeff")
            cw = csv.writer(f, lineterminator="\r\n" if crlf else "\n")
            cw.writerow(header)
            cw.writerows(rows)
            f.close()
        w("units.csv", ["unit_id", "name", "fte", "region"], [(u, n, fte, "Amsterdam-Amstelland") for u, n, fte in self.units], bom=True)
        w("teams.csv", ["Name", " team_id ", "KIND", "unit_id"], [(t["name"], t["id"], t["kind"], t["unit"]) for t in self.teams])
        erows = []
        for e in self.emps:
            erows.append((e["id"], P(e["pidx"]) if e["has_pid"] else "", e["surname"], e["unit"], e["team"],
                          e["rank"].capitalize() if r.random() < 0.2 else e["rank"], e["func"],
                          (c.start + timedelta(days=e["start"])).isoformat() if e["trainee"] else ""))
        w("employees.csv", ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function", "in_dienst"], erows, crlf=True)
        prow = []
        for i, (sn, by, pc, house, flags) in enumerate(self.persons):
            if r.random() < 0.1:
                pc = pc[:4] + " " + pc[4:].lower()
            prow.append((P(i), sn, "" if r.random() < 0.03 else by, pc, house, flags))
        w("persons.csv", ["person_id", "surname", "birth_year", "postcode", "house_number", "flags"], prow, gz=True)
        w("relations.csv", ["person_id", "related_person_id", "kind"], [(P(a), P(b), k) for a, b, k in self.relations])
        def dt(v, as_date=False):
            if v is None:
                return ""
            if isinstance(v, tuple):
                return c.fmt_date(v[0]) if v[1] == "date" else c.fmt_local(v[0])
            return c.fmt_date(v) if as_date else c.fmt_local(v)
        crow = []
        for cs in self.cases:
            sens = (r.choice(["ja", "true", "1"]) if cs["sens"] else r.choice(["nee", "false", "", "0"]))
            crow.append((cs["id"], cs["kind"] if r.random() < 0.9 else cs["kind"].upper(), cs["unit"], cs["team"],
                         dt(cs["opened"], cs["od"]), dt(cs["closed"]), sens))
        w("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], crow)
        w("case_persons.csv", ["case_id", "person_id", "role"], [(cid, P(p), role) for cid, p, role in self.case_persons])
        w("case_staff.csv", ["case_id", "employee_id", "from", "to"],
          [(self.cases[ci]["id"], self.emps[s]["id"], dt(fr), dt(to)) for ci, s, fr, to in self.case_staff])
        w("shifts.csv", ["employee_id", "start", "end"],
          [(self.emps[i]["id"], c.fmt_local(st), c.fmt_local(en)) for i, st, en, wr in self.shifts if wr])
        # events: logs of the systems concatenated (each in time order), CSV, gzip
        order = sorted(range(len(self.events)), key=lambda k: (self.events[k][2], self.events[k][0]))
        ids = {}
        rows = []
        seqs = {}
        for k in order:
            t, i, sysn, act, p, cid = self.events[k]
            n = seqs.get(sysn, 0) + 1
            seqs[sysn] = n
            eid = "%s-%07d" % (sysn, n)
            ids[k] = eid
            if sysn in ("meos", "rdw"):
                ts = c.fmt_z(t) if n % 3 else c.fmt_z(t)[:-1] + ".%03dZ" % (n % 1000)
            elif sysn in ("bvh", "brp"):
                ts = c.fmt_local(t)
            else:
                ts = c.fmt_z(t, " ")
            rows.append((ts, eid, P(p), self.emps[i]["id"], act.upper() if n % 17 == 0 else act, sysn, cid, "WS-%03d" % (i % 400)))
        w("events.csv", ["ts", "id", "person_id", "employee_id", "action", "system", "case_id", "terminal"], rows, gz=True)
        if debug:  # which legitimate behaviour produced each event (not part of the world)
            w("debug_sources.csv", ["event_id", "source"], [(ids[k], self.src[k]) for k in order], gz=True)
        with open(os.path.join(out, "truth.csv"), "w", newline="") as f:
            cw = csv.writer(f, lineterminator="\n")
            cw.writerow(["event_id", "incident_id", "scenario"])
            for k in sorted(self.truth, key=lambda k: ids[k]):
                inc, scen = self.truth[k]
                cw.writerow([ids[k], inc, scen])


def poisson(r, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(r.gauss(lam, math.sqrt(lam)) + 0.5))
    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= r.random()
        if p <= L:
            return k
        k += 1


if __name__ == "__main__":
    main()
