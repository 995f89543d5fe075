#!/usr/bin/env python3
"""redteam22: Eenheid Noord-Nederland, four weeks from Monday 4 October 2027.

Synthetic look-up world for lekradar (context directory, events.jsonl, truth.csv).
Python 3 standard library only; deterministic per seed.

    python3 gen.py OUTDIR --seed S [--debug]
"""
import argparse, bisect, calendar, gzip, json, math, os, random, sys, time

# ----------------------------------------------------------------------------- time
NAIVE_DAY0 = calendar.timegm((2027, 10, 4, 0, 0, 0))       # local midnight as naive epoch
NAIVE_CHANGE = calendar.timegm((2027, 10, 31, 3, 0, 0))    # CEST -> CET (03:00 CEST = 02:00 CET)
UTC_CHANGE = calendar.timegm((2027, 10, 31, 1, 0, 0))
DAYS = 28


def loc(day, sec):
    """local (day index, seconds after local midnight) -> UTC epoch seconds"""
    naive = NAIVE_DAY0 + day * 86400 + int(sec)
    return naive - 7200 if naive < NAIVE_CHANGE else naive - 3600


def off_of(utc):
    return 7200 if utc < UTC_CHANGE else 3600


def local_hour(utc):
    return ((utc + off_of(utc)) % 86400) / 3600.0


def local_day(utc):
    return (utc + off_of(utc) - NAIVE_DAY0) // 86400


_datecache = {}


def _date(daynum):
    s = _datecache.get(daynum)
    if s is None:
        t = time.gmtime(daynum * 86400)
        s = "%04d-%02d-%02d" % (t.tm_year, t.tm_mon, t.tm_mday)
        _datecache[daynum] = s
    return s


def ts_z(utc, sep="T", ms=None):
    d, r = divmod(int(utc), 86400)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    if ms is None:
        return "%s%s%02d:%02d:%02dZ" % (_date(d), sep, h, m, s)
    return "%s%s%02d:%02d:%02d.%03dZ" % (_date(d), sep, h, m, s, ms)


def ts_loc(utc, sep="T", ms=None):
    o = off_of(utc)
    l = int(utc) + o
    d, r = divmod(l, 86400)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    oz = "+02:00" if o == 7200 else "+01:00"
    if ms is None:
        return "%s%s%02d:%02d:%02d%s" % (_date(d), sep, h, m, s, oz)
    return "%s%s%02d:%02d:%02d.%03d%s" % (_date(d), sep, h, m, s, ms, oz)


def date_loc(utc):
    return _date((int(utc) + off_of(utc)) // 86400)


# ----------------------------------------------------------------------------- names
NL_COMMON = [("de Vries", 30), ("de Boer", 18), ("Dijkstra", 16), ("de Jong", 14), ("Visser", 14),
             ("Jansen", 12), ("Bakker", 12), ("Meijer", 12), ("Smit", 10), ("Mulder", 10),
             ("Hoekstra", 9), ("Bosma", 8), ("Postma", 8), ("van der Veen", 8), ("Boersma", 7),
             ("Veenstra", 7), ("Kuipers", 6), ("Huisman", 6), ("Kramer", 6), ("Wiersma", 6),
             ("Zijlstra", 6), ("Brouwer", 6), ("van Dijk", 6), ("Hofstra", 5), ("Terpstra", 5),
             ("Bos", 5), ("Jongsma", 4), ("Sikkema", 4), ("Nijboer", 4), ("Kok", 4), ("Hiemstra", 4),
             ("Dekker", 4), ("Scholten", 4), ("Oosting", 3), ("Drenth", 3), ("Hoving", 3),
             ("Lubbers", 3), ("Wolters", 3), ("Knol", 3), ("Jonker", 3), ("Timmerman", 3),
             ("Schuiling", 2), ("Boelens", 2), ("Tuinstra", 2), ("Zwiers", 2), ("Hummel", 2),
             ("Lanting", 2), ("Schepers", 2), ("Mellema", 2), ("Stoker", 2), ("Nienhuis", 2),
             ("Kloosterman", 2), ("Wessels", 2), ("Bruins", 2), ("Kuiper", 3), ("Haan", 2)]
STEMS = ["Abe", "Tjeerd", "Sjoerd", "Wyb", "Hett", "Rins", "Jell", "Douw", "Fokk", "Gerr", "Harm",
         "Okk", "Piet", "Reits", "Siets", "Tjall", "Yp", "Auk", "Bouw", "Eelk", "Hom", "Wieb", "Lolk",
         "Tiet", "Ubb", "Folk", "Hilbr", "Jalv", "Eppe", "Geer", "Klaz", "Menn", "Sieb", "Wopk",
         "Anne", "Binn", "Dirk", "Egbert", "Fedd", "Gosse", "Haik", "Idz", "Jouk", "Kimm", "Lieuw",
         "Marr", "Nann", "Oedz", "Popp", "Rom", "Sjolk", "Tamm", "Wigl", "Zwier"]
SUFF = ["ma", "stra", "sma", "inga", "enga", "ema", "ens", "erink", "ing", "sema", "tsma", "de"]
NON_NL = ["Yilmaz", "Öztürk", "Kaya", "Demir", "Çelik", "El Amrani", "Bouzid", "Benali", "Nowak",
          "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Popescu", "Ionescu",
          "Al-Hassan", "Haddad", "Tesfay", "Ghebremedhin", "Mohammed", "Wang", "Li", "Zhang",
          "Müller", "Schmidt", "Schneider", "Ivanov", "Petrov", "Horvat", "Santos", "Silva",
          "Nguyen", "Osman", "Ahmadi", "Hosseini", "Rahimi", "Kurt", "Aydın", "Mahmoud"]
ISLAND_NAMES = {"ameland": ["Kiewiet", "Metz", "Molenaar", "Hofman", "Bakker", "Tuinstra"],
                "schier": ["Talsma", "Bruining", "Groendijk", "Mosterd", "Visser"],
                "terschelling": ["Cupido", "Kooiman", "Schol", "Rosendaal", "Mulder", "Smit"],
                "vlieland": ["Kraamer", "Bonne", "Zoete", "Pieterse"]}


# ----------------------------------------------------------------------------- geography
# (place, unit, basisteam key, pc4 candidates (lo, hi), n pc4, weight, kind)
PLACES = [
    ("Groningen-Centrum", "dgr", "GRN-C", (9711, 9718), 8, 10, "city"),
    ("Groningen-Zuid", "dgr", "GRN-Z", (9721, 9747), 12, 14, "town"),
    ("Noord-Groningen", "dgr", "GRN-N", (9901, 9999), 14, 12, "rural"),
    ("Oost-Groningen", "dgr", "GRN-O", (9501, 9699), 16, 16, "rural"),
    ("Westerkwartier", "dgr", "GRN-W", (9351, 9366), 7, 7, "rural"),
    ("Westerkwartier-Zuidhorn", "dgr", "GRN-W", (9800, 9828), 3, 3, "rural"),
    ("Leeuwarden", "dfr", "FRL-L", (8911, 8939), 12, 12, "town"),
    ("Noordwest-Fryslan", "dfr", "FRL-NW", (8801, 8872), 8, 6, "rural"),
    ("Terschelling", "dfr", "FRL-NW", (8881, 8897), 3, 0.6, "island:terschelling"),
    ("Vlieland", "dfr", "FRL-NW", (8899, 8899), 1, 0.15, "island:vlieland"),
    ("Noordoost-Fryslan", "dfr", "FRL-NO", (9101, 9299), 8, 7, "rural"),
    ("Ameland", "dfr", "FRL-NO", (9161, 9164), 4, 0.5, "island:ameland"),
    ("Schiermonnikoog", "dfr", "FRL-NO", (9166, 9166), 1, 0.15, "island:schier"),
    ("Zuidoost-Fryslan", "dfr", "FRL-ZO", (8401, 8459), 6, 5, "town"),
    ("Drachten", "dfr", "FRL-ZO", (9200, 9251), 8, 7, "town"),
    ("Zuidwest-Fryslan", "dfr", "FRL-ZW", (8600, 8765), 10, 9, "rural"),
    ("Assen", "ddr", "DRE-A", (9401, 9423), 9, 8, "town"),
    ("Noord-Drenthe", "ddr", "DRE-N", (9300, 9340), 4, 3, "rural"),
    ("Noord-Drenthe-Eelde", "ddr", "DRE-N", (9481, 9765), 4, 3, "rural"),
    ("Emmen", "ddr", "DRE-E", (7811, 7887), 12, 11, "town"),
    ("Zuidwest-Drenthe", "ddr", "DRE-ZW", (7901, 7948), 12, 10, "rural"),
]
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"

# basisteams: key -> (unit, name, size, nightlife)
BASISTEAMS = {
    "GRN-C": ("dgr", "Basisteam Groningen-Centrum", 175, 3.0),
    "GRN-Z": ("dgr", "Basisteam Groningen-Zuid", 115, 1.0),
    "GRN-N": ("dgr", "Basisteam Noord-Groningen", 105, 0.4),
    "GRN-O": ("dgr", "Basisteam Oost-Groningen", 130, 0.5),
    "GRN-W": ("dgr", "Basisteam Westerkwartier", 70, 0.3),
    "FRL-L": ("dfr", "Basisteam Leeuwarden", 150, 1.6),
    "FRL-NW": ("dfr", "Basisteam Noordwest-Fryslân", 80, 0.4),
    "FRL-NO": ("dfr", "Basisteam Noordoost-Fryslân", 80, 0.4),
    "FRL-ZO": ("dfr", "Basisteam Zuidoost-Fryslân", 135, 0.7),
    "FRL-ZW": ("dfr", "Basisteam Zuidwest-Fryslân", 95, 0.5),
    "DRE-A": ("ddr", "Basisteam Assen", 110, 0.6),
    "DRE-N": ("ddr", "Basisteam Noord-Drenthe", 65, 0.3),
    "DRE-E": ("ddr", "Basisteam Emmen", 130, 0.7),
    "DRE-ZW": ("ddr", "Basisteam Zuidwest-Drenthe", 115, 0.5),
}
ISLAND_POSTS = {"terschelling": ("FRL-NW", "Post Terschelling", 9), "vlieland": ("FRL-NW", "Post Vlieland", 4),
                "ameland": ("FRL-NO", "Post Ameland", 8), "schier": ("FRL-NO", "Post Schiermonnikoog", 5)}

SYSTEMS = ["bvh", "blueview", "summit", "brp", "rdw", "meos", "bvi", "cie"]
SYS = {s: i for i, s in enumerate(SYSTEMS)}
ACTIONS = ["query", "view", "export", "print"]

SOURCES = []
SRC = {}


def src(name):
    i = SRC.get(name)
    if i is None:
        i = len(SOURCES)
        SOURCES.append(name)
        SRC[name] = i
    return i


# ----------------------------------------------------------------------------- helpers
class W:
    """weighted choice helper"""

    def __init__(self, items, weights):
        self.items = list(items)
        acc, c = [], 0.0
        for w in weights:
            c += w
            acc.append(c)
        self.acc, self.tot = acc, c

    def pick(self, r):
        return self.items[bisect.bisect_right(self.acc, r.random() * self.tot)]


def gzopen(path, level):
    """gzip text writer with a fixed header time, so that output is byte-identical per seed"""
    import io
    raw = open(path, "wb")
    gz = gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=level, mtime=0)

    class _W(io.TextIOWrapper):
        def close(self):
            super().close()
            raw.close()
    return _W(gz, encoding="utf-8", newline="")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    t_start = time.time()
    R = random.Random(a.seed)
    out = a.outdir
    os.makedirs(out, exist_ok=True)

    # ------------------------------------------------------------------ postcodes
    pcs = []            # postcode string (canonical)
    pc_place = []
    place_pcs = []
    for pi, pl in enumerate(PLACES):
        lo, hi = pl[3]
        cands = list(range(lo, hi + 1))
        R.shuffle(cands)
        mine = []
        for pc4 in cands[:pl[4]]:
            nlet = R.randint(8, 28) if not pl[6].startswith("island") else R.randint(10, 18)
            used = set()
            for _ in range(nlet):
                l2 = R.choice(LETTERS) + R.choice(LETTERS)
                if l2 in used or l2 in ("SA", "SD", "SS"):
                    continue
                used.add(l2)
                mine.append(len(pcs))
                pcs.append("%d%s" % (pc4, l2))
                pc_place.append(pi)
        place_pcs.append(mine)
    pc_members = [[] for _ in pcs]
    pc_nexthn = [1] * len(pcs)

    # ------------------------------------------------------------------ persons
    rare_names = []
    for s in STEMS:
        for f in SUFF:
            rare_names.append(s + f)
    R.shuffle(rare_names)
    nl_w = W([n for n, _ in NL_COMMON] + rare_names + NON_NL,
             [w for _, w in NL_COMMON] + [0.35] * len(rare_names) + [0.55] * len(NON_NL))

    p_sur, p_by, p_pc, p_hn, p_flags = [], [], [], [], {}
    p_hh = []          # household id
    rel = []           # (a, b, kind, recorded)
    TARGET_P = 300000 + R.randint(0, 40000)
    place_w = W(range(len(PLACES)), [p[5] for p in PLACES])

    def surname_for(place):
        kind = PLACES[place][6]
        if kind.startswith("island") and R.random() < 0.7:
            return R.choice(ISLAND_NAMES[kind.split(":")[1]])
        return nl_w.pick(R)

    def new_person(sur, by, pc, hn, hh):
        i = len(p_sur)
        p_sur.append(sur); p_by.append(by); p_pc.append(pc); p_hn.append(hn); p_hh.append(hh)
        if pc >= 0:
            pc_members[pc].append(i)
        return i

    def hn_for(pc):
        h = pc_nexthn[pc]
        pc_nexthn[pc] += R.choice((1, 1, 2, 2, 3))
        r = R.random()
        if r < 0.08:
            return "%d-%s" % (h, R.choice("ABC"))
        if r < 0.11:
            return "%d-%s" % (h, R.choice(("I", "II", "III", "1", "2")))
        if r < 0.12:
            return "%d bis" % h
        return str(h)

    hh = 0
    students = []
    while len(p_sur) < TARGET_P:
        pl = place_w.pick(R)
        pc = R.choice(place_pcs[pl])
        hn = hn_for(pc)
        hh += 1
        kind = PLACES[pl][6]
        rr = R.random()
        if kind == "city" and rr < 0.35:
            # student house: unrelated young people, household relation rarely recorded
            n = R.randint(3, 8)
            mem = [new_person(nl_w.pick(R), R.randint(2001, 2009), pc, hn, hh) for _ in range(n)]
            students.extend(mem)
            for x in mem[1:]:
                rel.append((mem[0], x, "household", R.random() < 0.15))
            continue
        sur = surname_for(pl)
        by = R.randint(1935, 2004)
        head = new_person(sur, by, pc, hn, hh)
        if rr < 0.32:
            continue  # single
        psur = sur if R.random() < 0.25 else surname_for(pl)
        part = new_person(psur, by + R.randint(-6, 6), pc, hn, hh)
        rel.append((head, part, "partner", R.random() < 0.8))
        nk = 0 if by < 1955 else R.choice((0, 0, 1, 2, 2, 3, 4))
        kids = []
        for _ in range(nk):
            kby = min(2027, max(by + 20, 1960) + R.randint(0, 18))
            k = new_person(sur, kby, pc, hn, hh)
            kids.append(k)
            rec = R.random() < 0.75
            rel.append((k, head, "parent", rec))
            rel.append((k, part, "parent", rec and R.random() < 0.9))
        for i in range(len(kids)):
            for j in range(i + 1, len(kids)):
                if R.random() < 0.5:
                    rel.append((kids[i], kids[j], "sibling", True))
        if R.random() < 0.07 and by > 1960:
            # ex-partner living elsewhere in the region
            pl2 = place_w.pick(R)
            pc2 = R.choice(place_pcs[pl2])
            ex = new_person(surname_for(pl2), by + R.randint(-5, 5), pc2, hn_for(pc2), hh + 500000)
            rel.append((head, ex, "ex_partner", R.random() < 0.7))
    N_PERS_BASE = len(p_sur)

    # flags
    def flag(i, f):
        p_flags.setdefault(i, set()).add(f)

    for _ in range(TARGET_P // 160):
        flag(R.randrange(N_PERS_BASE), "deceased")
    vips = R.sample(range(N_PERS_BASE), 260)
    for i in vips:
        flag(i, "vip")
    shielded = R.sample(range(N_PERS_BASE), 140)
    for i in shielded:
        flag(i, "shielded")
    for i in R.sample(range(N_PERS_BASE), 900):   # flags lekradar does not know
        flag(i, R.choice(("vermist", "gevaarlijk", "vuurwapen", "PIN-gesignaleerd")))

    # area populations and frequent-involvement pools
    bt_area = {k: [] for k in BASISTEAMS}
    island_pop = {k: [] for k in ISLAND_NAMES}
    for i in range(N_PERS_BASE):
        if p_pc[i] < 0:
            continue
        pl = PLACES[pc_place[p_pc[i]]]
        bt_area[pl[2]].append(i)
        if pl[6].startswith("island"):
            island_pop[pl[6].split(":")[1]].append(i)
    bt_pool = {}
    for k, lst in bt_area.items():
        adults = [i for i in lst if p_by[i] <= 2010]
        bt_pool[k] = R.sample(adults, max(30, len(adults) // 12))
    unit_of_bt = {k: v[0] for k, v in BASISTEAMS.items()}
    unit_area = {"dgr": [], "dfr": [], "ddr": []}
    for k, lst in bt_area.items():
        unit_area[unit_of_bt[k]].extend(lst)

    # ------------------------------------------------------------------ teams
    teams = {}   # team_id -> dict

    def team(tid, unit, kind, name, **kw):
        teams[tid] = dict(id=tid, unit=unit, kind=kind, name=name, **kw)
        return tid

    for k, (u, nm, size, nl) in BASISTEAMS.items():
        team("T-%s-BT" % k, u, "basisteam", nm, bt=k)
        team("T-%s-WIJK" % k, u, "wijkteam", nm.replace("Basisteam", "Wijkteam"), bt=k)
    for isl, (bt, nm, n) in ISLAND_POSTS.items():
        team("T-%s-%s" % (bt, isl.upper()), "dfr", "wijkteam", nm, bt=bt, island=isl)
    DIST = {"dgr": "Groningen", "dfr": "Fryslân", "ddr": "Drenthe"}
    for u, nm in DIST.items():
        team("T-%s-DRT1" % u.upper(), u, "recherche", "Districtsrecherche %s team 1" % nm)
        team("T-%s-DRT2" % u.upper(), u, "recherche", "Districtsrecherche %s team 2" % nm)
        team("T-%s-JZ" % u.upper(), u, "recherche", "Jeugd en zeden %s" % nm)
        team("T-%s-INT" % u.upper(), u, "intake_service", "Intake en Service %s" % nm)
        team("T-%s-FLEX" % u.upper(), u, "basisteam", "Flexteam %s" % nm)
        team("T-%s-DIO" % u.upper(), "nn_drio", "informatie_analyse", "Districtelijke informatieorganisatie %s" % nm)
    team("T-DRR-TGO1", "nn_drr", "recherche", "DRR Team Grootschalige Opsporing 1")
    team("T-DRR-TGO2", "nn_drr", "recherche", "DRR Team Grootschalige Opsporing 2")
    team("T-DRR-OND", "nn_drr", "recherche", "DRR Ondermijning")
    team("T-DRR-FIN", "nn_drr", "recherche", "DRR Financiële recherche")
    team("T-DRR-DIG", "nn_drr", "recherche", "DRR Digitale recherche")
    team("T-DRR-VERM", "nn_drr", "recherche", "DRR Vermissingen en familierecherche")
    team("T-DRR-OBS", "nn_drr", "specialistisch", "DRR Observatieteam")
    team("T-DRR-CIE", "nn_drr", "specialistisch", "Criminele Inlichtingen Eenheid NN")
    team("T-DRIO-RTIC", "nn_drio", "informatie_analyse", "RTIC Noord-Nederland")
    team("T-DRIO-ANA", "nn_drio", "informatie_analyse", "Analyse en onderzoek")
    team("T-MK-POL", "nn_meldkamer", "meldkamer", "Meldkamer Noord-Nederland (politie)")
    team("T-DROS-VH", "nn_dros", "specialistisch", "Verkeershandhaving / VOA")
    team("T-DROS-ME", "nn_dros", "ondersteuning", "Mobiele Eenheid")
    team("T-DROS-BB", "nn_dros", "specialistisch", "Bewaken en Beveiligen")
    team("T-DROS-HOND", "nn_dros", "ondersteuning", "Diensthondenbrigade")
    team("T-DROS-WATER", "nn_dros", "specialistisch", "Waterpolitie Waddenzee")
    team("T-STAF-VIK", "nn_staf", "staf", "VIK Noord-Nederland")
    team("T-STAF-SCR", "nn_staf", "ondersteuning", "Bureau Screening")
    team("T-STAF-OPL", "nn_staf", "ondersteuning", "Opleiding en training")
    team("T-STAF-BV", "nn_staf", "staf", "Bedrijfsvoering en leiding")

    # ------------------------------------------------------------------ employees
    e_id, e_p, e_sur, e_unit, e_team, e_rank, e_func, e_role = [], [], [], [], [], [], [], []
    e_start = []      # first working day (aspirants start later)
    e_rate = []
    e_island = []
    used_ids = set()

    def rank_for(role):
        r = R.random()
        if role in ("staf", "screening", "analyst", "meldkamer") and R.random() < 0.55:
            return "burger"
        if role == "aspirant":
            return "aspirant"
        if r < 0.05:
            return "surveillant"
        if r < 0.30:
            return "agent"
        if r < 0.68:
            return "hoofdagent"
        if r < 0.90:
            return "brigadier"
        if r < 0.97:
            return "inspecteur"
        return "hoofdinspecteur"

    def new_emp(unit, tid, role, func, start=0, island=None, rank=None, eid=None):
        i = len(e_id)
        if eid is None:
            while True:
                eid = "E%05d" % R.randint(10000, 99999)
                if eid not in used_ids:
                    break
        used_ids.add(eid)
        e_id.append(eid); e_unit.append(unit); e_team.append(tid); e_role.append(role)
        e_func.append(func); e_rank.append(rank or rank_for(role)); e_start.append(start)
        e_rate.append(math.exp(R.gauss(0, 0.45))); e_island.append(island)
        e_p.append(-1); e_sur.append("")
        return i

    FUNC_V = {"dgr": {"noodhulp": "noodhulp", "wijk": "wijkagent", "rech": "rechercheur", "intake": "intake"},
              "dfr": {"noodhulp": "Noodhulp", "wijk": "Wijkagent", "rech": "Tactisch rechercheur", "intake": "Medewerker intake"},
              "ddr": {"noodhulp": "NH", "wijk": "wijk", "rech": "opsporing", "intake": "Service/intake"}}
    for k, (u, nm, size, nl) in BASISTEAMS.items():
        for _ in range(size):
            new_emp(u, "T-%s-BT" % k, "noodhulp", FUNC_V[u]["noodhulp"])
        for _ in range(max(8, size // 7)):
            new_emp(u, "T-%s-WIJK" % k, "wijk", FUNC_V[u]["wijk"])
        for _ in range(2 + size // 60):  # aspirants starting 18 October
            new_emp(u, "T-%s-BT" % k, "noodhulp", "aspirant", start=14, rank="aspirant")
    for isl, (bt, nm, n) in ISLAND_POSTS.items():
        for _ in range(n):
            new_emp("dfr", "T-%s-%s" % (bt, isl.upper()), "island", "wijkagent %s" % nm.split()[1], island=isl)
    for u in DIST:
        U = u.upper()
        for _ in range(48):
            new_emp(u, "T-%s-DRT1" % U, "rech", FUNC_V[u]["rech"])
        for _ in range(40):
            new_emp(u, "T-%s-DRT2" % U, "rech", FUNC_V[u]["rech"])
        for _ in range(22):
            new_emp(u, "T-%s-JZ" % U, "rech", "zedenrechercheur")
        for _ in range(58):
            new_emp(u, "T-%s-INT" % U, "intake", FUNC_V[u]["intake"])
        for _ in range(28):
            new_emp(u, "T-%s-FLEX" % U, "noodhulp", "flexteam")
        for _ in range(24):
            new_emp("nn_drio", "T-%s-DIO" % U, "analyst", "analist")
    for tid, n in (("T-DRR-TGO1", 55), ("T-DRR-TGO2", 50), ("T-DRR-OND", 60), ("T-DRR-FIN", 30),
                   ("T-DRR-DIG", 25), ("T-DRR-VERM", 18)):
        for _ in range(n):
            new_emp("nn_drr", tid, "rech", "rechercheur" if R.random() < 0.8 else "Rechercheur DRR")
    for _ in range(28):
        new_emp("nn_drr", "T-DRR-OBS", "obs", "observant")
    for _ in range(22):
        new_emp("nn_drr", "T-DRR-CIE", "cie", "CIE-runner")
    for _ in range(60):
        new_emp("nn_drio", "T-DRIO-RTIC", "rtic", "RTIC-medewerker")
    for _ in range(45):
        new_emp("nn_drio", "T-DRIO-ANA", "analyst", "analist")
    for _ in range(135):
        new_emp("nn_meldkamer", "T-MK-POL", "meldkamer", "centralist")
    for w in range(1, 5):  # shared workstation accounts in the control room
        new_emp("nn_meldkamer", "T-MK-POL", "meldkamer_shared", "werkplek MK (gedeeld)", rank="", eid="MKNN-WS%02d" % w)
    for _ in range(95):
        new_emp("nn_dros", "T-DROS-VH", "verkeer", "verkeershandhaving")
    for _ in range(80):
        new_emp("nn_dros", "T-DROS-ME", "me", "ME")
    for _ in range(45):
        new_emp("nn_dros", "T-DROS-BB", "bb", "beveiliger B&B")
    for _ in range(30):
        new_emp("nn_dros", "T-DROS-HOND", "hond", "hondengeleider")
    for _ in range(16):
        new_emp("nn_dros", "T-DROS-WATER", "water", "waterpolitie")
    for _ in range(16):
        new_emp("nn_staf", "T-STAF-VIK", "vik", "rechercheur VIK")
    for _ in range(12):
        new_emp("nn_staf", "T-STAF-SCR", "screening", "screener")
    for _ in range(6):
        new_emp("nn_staf", "T-STAF-OPL", "trainer", "docent/trainer")
    for _ in range(90):
        new_emp("nn_staf", "T-STAF-BV", "staf", R.choice(("teamchef", "HRM", "beleidsmedewerker", "leidinggevende", "controller")))
    for _ in range(8):
        new_emp("nn_staf", "T-STAF-BV", "staf", "ICT-beheer", rank="extern")
    NE = len(e_id)

    # employees' own persons, homes, families
    def area_for_team(tid):
        t = teams[tid]
        if t.get("island"):
            return None
        if "bt" in t:
            return t["bt"]
        if t["unit"] in unit_area:
            return R.choice([k for k in BASISTEAMS if unit_of_bt[k] == t["unit"]])
        return R.choice(list(BASISTEAMS))

    e_relatives = [dict() for _ in range(NE)]   # pidx -> kind ('unrec:' prefix when not recorded)
    isl_places = {PLACES[i][6].split(":")[1]: i for i in range(len(PLACES)) if PLACES[i][6].startswith("island")}
    emp_of_person = {}
    for e in range(NE):
        if e_role[e] == "meldkamer_shared":
            continue
        isl = e_island[e]
        if isl:
            pl = isl_places[isl] if R.random() < 0.9 else place_w.pick(R)
        else:
            bt = area_for_team(e_team[e])
            if R.random() < 0.55:
                cand = [i for i in range(len(PLACES)) if PLACES[i][2] == bt]
                pl = R.choice(cand)
            else:
                pl = place_w.pick(R)
                while PLACES[pl][6].startswith("island"):
                    pl = place_w.pick(R)
        pc = R.choice(place_pcs[pl])
        sur = surname_for(pl) if R.random() < 0.92 else R.choice(NON_NL)
        by = R.randint(1964, 2004) if e_rank[e] != "aspirant" else R.randint(2000, 2007)
        hh += 1
        me = new_person(sur, by, pc, hn_for(pc), hh)
        emp_of_person[me] = e
        e_sur[e] = sur
        e_p[e] = me
        fam = e_relatives[e]
        rec = lambda: R.random() < 0.85
        # partner at same address
        if R.random() < 0.62:
            part = new_person(sur if R.random() < 0.2 else surname_for(pl), by + R.randint(-5, 5), pc, p_hn[me], hh)
            r_ = rec()
            rel.append((me, part, "partner", r_))
            fam[part] = "partner" if r_ else "unrec:partner"
            for _ in range(R.choice((0, 0, 1, 2, 2, 3))):
                k = new_person(sur, max(by + 22, 2000) + R.randint(0, 7), pc, p_hn[me], hh)
                r_ = rec()
                rel.append((k, me, "parent", r_))
                fam[k] = "child" if r_ else "unrec:child"
        # parents and siblings elsewhere (often same place, islands especially)
        ppl = pl if R.random() < (0.85 if isl else 0.45) else place_w.pick(R)
        ppc = R.choice(place_pcs[ppl])
        phn = hn_for(ppc)
        hh += 1
        for _ in range(R.choice((1, 2, 2))):
            par = new_person(sur, by - R.randint(24, 36), ppc, phn, hh)
            r_ = rec()
            rel.append((me, par, "parent", r_))
            fam[par] = "parent" if r_ else "unrec:parent"
        for _ in range(R.choice((0, 1, 1, 2, 3))):
            spl = ppl if R.random() < 0.5 else place_w.pick(R)
            spc = R.choice(place_pcs[spl])
            hh += 1
            sib = new_person(sur, by + R.randint(-8, 8), spc, hn_for(spc), hh)
            r_ = rec()
            rel.append((me, sib, "sibling", r_))
            fam[sib] = "sibling" if r_ else "unrec:sibling"
        if R.random() < 0.12:
            xpl = pl if R.random() < 0.5 else place_w.pick(R)
            xpc = R.choice(place_pcs[xpl])
            hh += 1
            ex = new_person(surname_for(xpl), by + R.randint(-5, 5), xpc, hn_for(xpc), hh)
            r_ = R.random() < 0.8
            rel.append((me, ex, "ex_partner", r_))
            fam[ex] = "ex_partner" if r_ else "unrec:ex_partner"
            if R.random() < 0.6:   # ex has a new partner at the ex's address
                np_ = new_person(surname_for(xpl), by + R.randint(-8, 8), xpc, p_hn[ex], hh)
                rel.append((ex, np_, "partner", R.random() < 0.8))
                fam[np_] = "exnew"
        if isl:
            # island officers are related to half the island (cousins, in-laws: not relation kinds)
            pop = island_pop[isl]
            for x in R.sample(pop, min(len(pop), R.randint(6, 18))):
                fam.setdefault(x, "unrec:cousin")
    N_PERS = len(p_sur)
    # some employees' own record unknown in the personnel export
    e_p_export = list(e_p)
    for e in R.sample(range(NE), NE // 25):
        e_p_export[e] = -1

    # ------------------------------------------------------------------ shifts
    e_shifts = [[] for _ in range(NE)]
    shift_rows = []          # (e, start, end, style)
    leave = {}
    for e in R.sample(range(NE), NE // 9):
        d0 = R.randint(0, 22)
        leave[e] = (d0, d0 + R.randint(4, 12))
    SH = {"D": (7 * 3600, 15 * 3600), "E": (15 * 3600, 23 * 3600), "N": (23 * 3600, 31 * 3600),
          "O": (8 * 3600 + 1800, 17 * 3600), "L": (13 * 3600, 21 * 3600 + 1800), "I": (8 * 3600, 16 * 3600 + 1800)}
    for e in range(NE):
        role = e_role[e]
        off = R.randint(0, 8)
        lv = leave.get(e)
        for d in range(e_start[e], DAYS):
            if lv and lv[0] <= d <= lv[1]:
                continue
            wd = (d % 7)  # 0 = Monday
            if role in ("noodhulp", "meldkamer", "bb", "meldkamer_shared"):
                if role == "meldkamer_shared":
                    continue
                if R.random() > 0.63:
                    continue
                st = "DEN"[((d + off) // 3) % 3]
            elif role in ("wijk", "island"):
                if R.random() > (0.78 if wd < 5 else 0.16):
                    continue
                st = "O" if R.random() < 0.7 else "L"
            elif role in ("rech", "vik", "staf", "screening", "trainer", "analyst", "cie", "obs"):
                if R.random() > (0.84 if wd < 5 else 0.04):
                    continue
                st = "O"
                if role in ("obs", "cie") and R.random() < 0.3:
                    st = "L"
            elif role in ("intake", "rtic"):
                if R.random() > (0.7 if wd < 5 else 0.35):
                    continue
                st = "I" if R.random() < 0.65 else ("L" if role == "intake" else "E")
            elif role in ("verkeer", "hond", "water", "me"):
                if R.random() > (0.6 if role != "me" else 0.45):
                    continue
                st = R.choice("DDE" if role != "hond" else "DEN")
            else:
                continue
            s0, s1 = SH[st]
            j = R.randint(-900, 900)
            a_ = loc(d, s0 + j)
            b_ = loc(d, s1 + j + R.choice((0, 0, 0, 600, 1800)))
            e_shifts[e].append((a_, b_))
            shift_rows.append((e, a_, b_))
            if R.random() < 0.06:   # overtime, exported as its own row
                ot = b_ + R.randint(1800, 3 * 3600)
                e_shifts[e].append((b_, ot))
                shift_rows.append((e, b_, ot))
    # meldkamer shared accounts: always logged in on some workstation
    for e in range(NE):
        if e_role[e] == "meldkamer_shared":
            e_shifts[e].append((loc(0, 0), loc(DAYS, 0)))

    def on_shift(e, t):
        for a_, b_ in e_shifts[e]:
            if a_ <= t <= b_:
                return True
        return False

    # ------------------------------------------------------------------ cases
    c_id, c_kind, c_unit, c_team, c_open, c_close, c_sens, c_pers, c_style = [], [], [], [], [], [], [], [], []
    c_staff = []   # (case, emp, from, to)
    case_pers_rows = []   # (case, person, role)
    seq = {"dgr": 100000, "dfr": 300000, "ddr": 500000, "nn_dros": 700000, "nn_drr": 0, "nn_staf": 0}

    def new_case(kind, unit, tid, opened, closed, sens=False, style=None):
        i = len(c_id)
        seq[unit] = seq.get(unit, 0) + R.randint(1, 3)
        if unit == "nn_drr":
            cid = "ON-2027-%04d" % seq[unit] if R.random() < 0.9 else "26ON%04d" % seq[unit]
        elif unit == "nn_staf":
            cid = "VIK-NN-2027-%03d" % seq[unit]
        else:
            cid = "PL0100-2027%06d" % seq[unit]
        c_id.append(cid); c_kind.append(kind); c_unit.append(unit); c_team.append(tid)
        c_open.append(opened); c_close.append(closed); c_sens.append(sens); c_pers.append([])
        c_style.append(style or unit)
        return i

    def add_cp(c, p, role):
        c_pers[c].append(p)
        case_pers_rows.append((c, p, role))

    ROLEW = {"dgr": W(["verdachte", "betrokkene", "slachtoffer", "getuige", "melder"], [3, 4, 2, 2, 2]),
             "dfr": W(["Verdachte", "Betrokkene", "Benadeelde", "Getuige", "Melder"], [3, 4, 2, 2, 2]),
             "ddr": W(["suspect", "involved", "victim", "witness", "reporter"], [3, 4, 2, 2, 2])}

    def pick_area_person(bt, pool_share=0.5):
        r = R.random()
        if r < pool_share:
            return R.choice(bt_pool[bt])
        if r < 0.92:
            return R.choice(bt_area[bt])
        return R.randrange(N_PERS_BASE)

    # incidents per basisteam, hourly profile
    HOURW = [3, 2.5, 2, 1.5, 1, 0.8, 1, 2, 3, 3.5, 3.8, 4, 4.2, 4, 4, 4.2, 4.5, 4.8, 5, 5, 4.8, 4.5, 4, 3.5]
    team_inc = {}      # team -> sorted [(open, case)]
    HW = W(range(24), HOURW)
    all_inc = []
    for k, (u, nm, size, nl) in BASISTEAMS.items():
        tid = "T-%s-BT" % k
        lst = []
        for d in range(DAYS):
            wd = d % 7
            base = size * 0.42 * (1.15 if wd in (4, 5) else 1.0)
            for _ in range(int(base + R.random())):
                h = HW.pick(R)
                # nightlife: extra in the small hours Thu-Sat night
                t = loc(d, h * 3600 + R.randint(0, 3599))
                lst.append(t)
            if wd in (3, 4, 5) and nl > 0.5:
                for _ in range(int(nl * 14 * (1.6 if wd == 3 and k == "GRN-C" else 1.0))):
                    lst.append(loc(d + 1, R.randint(0, 5 * 3600)) if R.random() < 0.75 else loc(d, R.randint(22 * 3600, 86399)))
        lst.sort()
        rows = []
        for t in lst:
            if t >= loc(DAYS, 0):
                continue
            dur = R.randint(1200, 6 * 3600)
            closed = t + dur if R.random() < 0.93 else None
            c = new_case("incident", u, tid, t, closed)
            n = W([1, 2, 3, 4, 6], [38, 32, 17, 9, 4]).pick(R)
            hr = local_hour(t)
            night = (hr < 6 or hr > 22) and nl > 0.5
            for _ in range(n):
                if night and R.random() < 0.6:
                    p = R.choice(students) if R.random() < 0.5 else R.randrange(N_PERS_BASE)
                else:
                    p = pick_area_person(k)
                add_cp(c, p, ROLEW[u].pick(R))
            rows.append((t, c))
        team_inc[tid] = rows
        all_inc.extend(rows)
    # island incidents (few, island population only)
    for isl, (bt, nm, n) in ISLAND_POSTS.items():
        tid = "T-%s-%s" % (bt, isl.upper())
        rows = []
        for d in range(DAYS):
            for _ in range(R.choice((0, 0, 1, 1, 2, 3)) if isl in ("ameland", "terschelling") else R.choice((0, 0, 0, 1))):
                t = loc(d, HW.pick(R) * 3600 + R.randint(0, 3599))
                c = new_case("incident", "dfr", tid, t, t + R.randint(1800, 5 * 3600))
                for _ in range(W([1, 2, 3], [5, 3, 1]).pick(R)):
                    add_cp(c, R.choice(island_pop[isl]) if R.random() < 0.85 else R.randrange(N_PERS_BASE), ROLEW["dfr"].pick(R))
                rows.append((t, c))
        rows.sort()
        team_inc[tid] = rows
        all_inc.extend(rows)
    # traffic incidents by DROS (motorways)
    rows = []
    for d in range(DAYS):
        for _ in range(R.randint(8, 16)):
            t = loc(d, R.randint(6 * 3600, 22 * 3600))
            c = new_case("incident", "nn_dros", "T-DROS-VH", t, t + R.randint(1800, 4 * 3600))
            for _ in range(R.choice((1, 2, 2, 3))):
                add_cp(c, R.randrange(N_PERS_BASE), "bestuurder")
            rows.append((t, c))
    team_inc["T-DROS-VH"] = sorted(rows)
    all_inc.extend(rows)
    all_inc.sort()
    all_inc_t = [x[0] for x in all_inc]
    team_inc_t = {k: [x[0] for x in v] for k, v in team_inc.items()}

    # intake cases (aangiftes)
    intake_by_unit_day = {}
    for u in DIST:
        for d in range(DAYS):
            lst = []
            for _ in range(R.randint(35, 60) if d % 7 < 5 else R.randint(12, 25)):
                t = loc(d, R.randint(8 * 3600, 21 * 3600))
                c = new_case("intake", u, "T-%s-INT" % u.upper() if R.random() < 0.9 else "", t, None if R.random() < 0.6 else t + R.randint(86400, 20 * 86400))
                bt = R.choice([k for k in BASISTEAMS if unit_of_bt[k] == u])
                add_cp(c, R.choice(bt_area[bt]), "aangever")
                if R.random() < 0.45:
                    add_cp(c, pick_area_person(bt), "verdachte")
                lst.append(c)
            intake_by_unit_day[(u, d)] = lst

    # investigations
    team_members = {}
    for e in range(NE):
        team_members.setdefault(e_team[e], []).append(e)
    emp_cases = [[] for _ in range(NE)]   # cases assigned (case, from, to)
    team_cases = {}

    def investigation(unit, tid, npers, nstaff, sens=False, opened=None, closed="auto", bt=None, staff_from=None, style=None):
        if opened is None:
            opened = loc(0, 0) - R.randint(5, 300) * 86400 if R.random() < 0.85 else loc(R.randint(0, 25), R.randint(8 * 3600, 17 * 3600))
        if closed == "auto":
            closed = None if R.random() < 0.8 else loc(R.randint(3, 27), 16 * 3600)
            if closed is not None and closed < opened:
                closed = None
        c = new_case("investigation", unit, tid, opened, closed, sens, style=style)
        area = bt or R.choice(list(BASISTEAMS))
        for j in range(npers):
            add_cp(c, pick_area_person(area, 0.6), "verdachte" if j < max(1, npers // 4) else R.choice(("getuige", "betrokkene", "slachtoffer", "relatie")))
        mem = team_members.get(tid) or []
        if mem:
            for e in R.sample(mem, min(len(mem), nstaff)):
                f = staff_from if staff_from is not None else (None if R.random() < 0.5 else max(opened, loc(0, 0) - 60 * 86400))
                to = None if R.random() < 0.9 else loc(R.randint(5, 27), 17 * 3600)
                c_staff.append((c, e, f, to))
                emp_cases[e].append((c, f, to))
        team_cases.setdefault(tid, []).append(c)
        return c

    for u in DIST:
        U = u.upper()
        bts = [k for k in BASISTEAMS if unit_of_bt[k] == u]
        for tid, n in (("T-%s-DRT1" % U, 70), ("T-%s-DRT2" % U, 60), ("T-%s-JZ" % U, 35)):
            for _ in range(n):
                investigation(u, tid, R.randint(2, 12), R.randint(1, 4), sens=R.random() < 0.06, bt=R.choice(bts))
        for k in bts:   # low-level investigations handled by basisteams, wijkdossiers
            for _ in range(BASISTEAMS[k][2] // 3):
                investigation(u, "T-%s-BT" % k, R.randint(1, 4), R.randint(1, 2), bt=k)
            for _ in range(BASISTEAMS[k][2] // 6):
                investigation(u, "T-%s-WIJK" % k, R.randint(2, 9), 1, bt=k)
    for isl, (bt, nm, n) in ISLAND_POSTS.items():
        tid = "T-%s-%s" % (bt, isl.upper())
        for _ in range(4):
            c = investigation("dfr", tid, 0, 2, bt=bt)
            for _ in range(R.randint(2, 6)):
                add_cp(c, R.choice(island_pop[isl]), "betrokkene")
    sensitive_cases = []
    for tid, n, sp in (("T-DRR-TGO1", 10, 0.5), ("T-DRR-TGO2", 9, 0.5), ("T-DRR-OND", 16, 0.85),
                       ("T-DRR-FIN", 14, 0.4), ("T-DRR-DIG", 12, 0.2), ("T-DRR-VERM", 6, 0.1)):
        for _ in range(n):
            s_ = R.random() < sp
            c = investigation("nn_drr", tid, R.randint(5, 28), R.randint(4, 14), sens=s_)
            if s_:
                sensitive_cases.append(c)
    # joint investigation without team (staff from several teams)
    for _ in range(4):
        c = investigation("nn_drr", "", R.randint(6, 20), 0, sens=True)
        sensitive_cases.append(c)
        for tid in ("T-DRR-OND", "T-DRR-FIN", "T-DRR-OBS"):
            for e in R.sample(team_members[tid], 4):
                c_staff.append((c, e, None, None))
                emp_cases[e].append((c, None, None))
    # new sensitive investigation opened on day 10 (Eemshaven cocaine)
    eems = investigation("nn_drr", "T-DRR-OND", 24, 12, sens=True, opened=loc(10, 9 * 3600), closed=None,
                         bt="GRN-N", staff_from=loc(10, 9 * 3600))
    sensitive_cases.append(eems)
    # VIK investigations of colleagues
    vik_cases = []
    for _ in range(9):
        c = investigation("nn_staf", "T-STAF-VIK", 0, 2, sens=True)
        for e2 in R.sample(range(NE), R.randint(1, 2)):
            if e_p[e2] >= 0:
                add_cp(c, e_p[e2], "betrokkene medewerker")
        vik_cases.append(c)
    # B&B protection dossiers for shielded persons and some vips
    for p in shielded[:100] + vips[:40]:
        c = new_case("investigation", "nn_dros", "T-DROS-BB", loc(0, 0) - R.randint(30, 900) * 86400, None, True)
        add_cp(c, p, "te beveiligen persoon")
        team_cases.setdefault("T-DROS-BB", []).append(c)

    # ------------------------------------------------------------------ events
    EV = []
    TS_SHIFT = 77

    def emit(t, e, p, sysn, act, case=-1, cform=1, srcn=0, inc=0, ms=None):
        if ms is None:
            ms = R.randint(0, 999)
        ci = 0 if case < 0 else case + 1
        cf = 0 if case < 0 else cform
        EV.append(((int(t) * 1000 + ms) << TS_SHIFT) | (inc << 68) | (e << 55) | (p << 35) | (ci << 15) | (cf << 13)
                  | (SYS[sysn] << 9) | (act << 7) | srcn)

    S = {n: src(n) for n in (
        "incident_response", "incident_assist_other_team", "incident_followup", "team_case", "meos_id_check",
        "traffic_stop_unrecorded", "repeat_lookup", "wijk_case", "wijk_knowledge", "recherche_case",
        "recherche_network", "recherche_offshift_prep", "intake_desk", "intake_phone_unrecorded", "meldkamer_dispatch",
        "meldkamer_unlinked_call", "analyst_case", "analyst_broad", "analyst_briefing", "rtic_realtime",
        "verkeer_incident", "bb_protection", "vik_investigation", "screening", "training_testpersons",
        "cie_source_check", "obs_target", "water_check", "hond_assist", "island_incident", "island_local_knowledge",
        "staf_occasional", "a7_crash_response", "a7_crash_offduty_callin", "a7_voa_investigation", "a7_next_of_kin",
        "gas_protest", "gas_protest_me", "farmers_blockade_rdw", "farmers_blockade_incident", "missing_person_search",
        "missing_person_team", "missing_person_signalering", "nightlife_incident", "former_team_case",
        "wrong_case_number", "foreign_plate_unknown_person", "sensitive_suspect_stop")}

    recent = [[] for _ in range(NE)]
    focus = {}
    src("wijk_focus_persons"); src("buurtonderzoek")

    def lookup(t, e, p, sysn, srcname, case=-1, cform=1, view_p=0.6, act_first=0):
        emit(t, e, p, sysn, act_first, case, cform, src(srcname))
        if R.random() < view_p:
            emit(t + R.randint(3, 90), e, p, sysn, 1, case, cform, src(srcname))
        rl = recent[e]
        rl.append((p, case))
        if len(rl) > 60:
            del rl[0]

    def incidents_in(tid, a_, b_):
        lst = team_inc.get(tid)
        if not lst:
            return []
        ts = team_inc_t[tid]
        i, j = bisect.bisect_left(ts, a_ - 3600), bisect.bisect_right(ts, b_)
        return lst[i:j]

    def global_inc(a_, b_):
        i, j = bisect.bisect_left(all_inc_t, a_), bisect.bisect_right(all_inc_t, b_)
        return all_inc[i:j]

    RATE = {"noodhulp": 19, "wijk": 15, "island": 8, "rech": 17, "intake": 30, "meldkamer": 80, "analyst": 40,
            "rtic": 65, "verkeer": 16, "me": 5, "bb": 8, "hond": 7, "water": 5, "vik": 6, "screening": 22,
            "trainer": 0, "staf": 1.2, "cie": 12, "obs": 6}
    former_team = {}
    # transfers during the month: (emp, day, new team); old team before, new after
    transfers = []
    movable = [e for e in range(NE) if e_role[e] in ("noodhulp", "wijk", "rech", "intake") and e_start[e] == 0]
    for e in R.sample(movable, 45):
        d = R.randint(6, 21)
        if e_role[e] == "noodhulp" and R.random() < 0.5:
            nt = R.choice(["T-%s-DRT1" % e_unit[e].upper(), "T-%s-DRT2" % e_unit[e].upper()])
            nr = "rech"
        else:
            nt = R.choice([t for t, v in teams.items() if v["kind"] == teams[e_team[e]]["kind"] and t != e_team[e]])
            nr = e_role[e]
        transfers.append((e, d, nt, nr))
    tr_map = {e: (d, nt, nr) for e, d, nt, nr in transfers}
    e_team_final = list(e_team)
    e_unit_final = list(e_unit)
    e_role_final = list(e_role)
    for e, d, nt, nr in transfers:
        e_team_final[e] = nt
        e_unit_final[e] = teams[nt]["unit"]
        e_role_final[e] = nr
        former_team[e] = e_team[e]
        team_members.setdefault(nt, []).append(e)
        if nr == "rech":   # put on a few cases of the new team from the transfer day
            for c in R.sample(team_cases.get(nt, []), min(3, len(team_cases.get(nt, [])))):
                f = loc(d, 8 * 3600)
                c_staff.append((c, e, f, None))
                emp_cases[e].append((c, f, None))

    def active_cases(e, t):
        return [c for c, f, to in emp_cases[e] if (f is None or f <= t) and (to is None or t <= to + 86400)]

    TESTP0 = N_PERS
    # training test persons
    for i in range(60):
        new_person("Testpersoon", 1990 + i % 20, -1, "", 0)
    N_PERS = len(p_sur)

    for e in range(NE):
        role0 = e_role[e]
        for (a_, b_) in e_shifts[e]:
            d = local_day(a_)
            tid, role, unit = e_team[e], role0, e_unit[e]
            if e in tr_map and d >= tr_map[e][0]:
                tid, role, unit = tr_map[e][1], tr_map[e][2], teams[tr_map[e][1]]["unit"]
            if role0 == "meldkamer_shared":
                # shared workstation accounts: bursts all month long
                for d2 in range(DAYS):
                    for _ in range(R.randint(40, 110)):
                        t = loc(d2, R.randint(0, 86399))
                        inc = global_inc(t - 900, t + 300)
                        if inc and R.random() < 0.8:
                            tt, c = R.choice(inc)
                            lookup(max(t, tt), e, R.choice(c_pers[c]), "bvh", "meldkamer_dispatch", c if R.random() < 0.3 else -1)
                        else:
                            lookup(t, e, R.randrange(N_PERS_BASE), "bvh", "meldkamer_unlinked_call", view_p=0.3)
                continue
            dur_h = (b_ - a_) / 3600.0
            rate = RATE.get(role, 5) * e_rate[e] * dur_h / 8.0
            if e_rank[e] in ("inspecteur", "hoofdinspecteur") and role not in ("meldkamer",):
                rate *= 0.35
            n = int(rate * (0.6 + 0.8 * R.random()))
            bt = teams[tid].get("bt")
            for _ in range(n):
                t = a_ + R.randint(0, int(b_ - a_))
                r = R.random()
                if role == "noodhulp":
                    if r < 0.55:
                        inc = incidents_in(tid, a_, b_)
                        if inc:
                            tt, c = R.choice(inc)
                            tt2 = max(tt, min(b_, tt + R.randint(60, 5400)))
                            name = "nightlife_incident" if (local_hour(tt) < 6 and BASISTEAMS.get(bt, (0, 0, 0, 0))[3] > 1) else "incident_response"
                            lookup(tt2, e, R.choice(c_pers[c]), R.choice(("bvh", "bvh", "meos", "blueview")), name,
                                   c if R.random() < 0.4 else -1, 2 if R.random() < 0.05 else 1)
                            continue
                    if r < 0.62:
                        # assisting another team of the same district
                        others = [k for k in BASISTEAMS if unit_of_bt[k] == unit and "T-%s-BT" % k != tid]
                        if others:
                            inc = incidents_in("T-%s-BT" % R.choice(others), a_, b_)
                            if inc:
                                tt, c = R.choice(inc)
                                lookup(max(tt, t), e, R.choice(c_pers[c]), "meos", "incident_assist_other_team")
                                continue
                    if r < 0.70:
                        inc = incidents_in(tid, a_ - 7 * 86400, a_ - 3600)
                        if inc:
                            tt, c = R.choice(inc)
                            lookup(t, e, R.choice(c_pers[c]), "bvh", "incident_followup", c if R.random() < 0.6 else -1)
                            continue
                    if r < 0.73 and team_cases.get(tid):
                        c = R.choice(team_cases[tid])
                        if c_pers[c]:
                            lookup(t, e, R.choice(c_pers[c]), "bvh", "team_case", c if R.random() < 0.3 else -1)
                            continue
                    if r < 0.74 and e in former_team and team_cases.get(former_team[e]):
                        c = R.choice(team_cases[former_team[e]])
                        if c_pers[c]:
                            lookup(t, e, R.choice(c_pers[c]), "bvh", "former_team_case")
                            continue
                    if r < 0.86:
                        p = pick_area_person(bt or R.choice(list(BASISTEAMS)), 0.4)
                        lookup(t, e, p, "meos", "meos_id_check", view_p=0.3)
                        continue
                    if r < 0.945:
                        if R.random() < 0.04:
                            lookup(t, e, N_PERS + 100 + R.randrange(5000), "rdw", "foreign_plate_unknown_person", view_p=0)
                        else:
                            lookup(t, e, R.randrange(N_PERS_BASE), "rdw", "traffic_stop_unrecorded", view_p=0.4)
                        continue
                    if r < 0.95 and sensitive_cases:
                        c = R.choice(sensitive_cases)
                        if c_pers[c]:
                            lookup(t, e, R.choice(c_pers[c]), "meos", "sensitive_suspect_stop", view_p=0.5)
                            continue
                elif role in ("wijk", "island"):
                    if role == "island":
                        isl = teams[tid]["island"]
                        inc = incidents_in(tid, a_ - 86400, b_)
                        if r < 0.45 and inc:
                            tt, c = R.choice(inc)
                            lookup(max(t, tt), e, R.choice(c_pers[c]), "bvh", "island_incident", c if R.random() < 0.5 else -1)
                            continue
                        if r < 0.75:
                            lookup(t, e, R.choice(island_pop[isl]), R.choice(("bvh", "meos")), "island_local_knowledge", view_p=0.4)
                            continue
                    else:
                        if r < 0.35 and team_cases.get(tid):
                            c = R.choice(team_cases[tid])
                            if c_pers[c]:
                                lookup(t, e, R.choice(c_pers[c]), "bvh", "wijk_case", c if R.random() < 0.5 else -1)
                                continue
                        if r < 0.47:
                            # the wijkagent's own focus persons (problem youth, domestic violence, confused persons):
                            # checked again and again over the weeks, most of them in no open case
                            fp = focus.get(e)
                            if fp is None:
                                fp = focus[e] = [pick_area_person(bt, 0.7) for _ in range(R.randint(5, 14))]
                            lookup(t, e, R.choice(fp), R.choice(("bvh", "meos")), "wijk_focus_persons", view_p=0.6)
                            continue
                        if r < 0.62:
                            lookup(t, e, pick_area_person(bt, 0.5), R.choice(("bvh", "meos")), "wijk_knowledge", view_p=0.5)
                            continue
                        if r < 0.82:
                            inc = incidents_in("T-%s-BT" % bt, a_ - 86400, b_)
                            if inc:
                                tt, c = R.choice(inc)
                                lookup(max(t, tt), e, R.choice(c_pers[c]), "bvh", "incident_followup", c if R.random() < 0.3 else -1)
                                continue
                elif role == "rech":
                    cs = active_cases(e, t)
                    if r < 0.6 and cs:
                        c = R.choice(cs)
                        if c_pers[c]:
                            sysn = R.choice(("bvh", "summit", "summit", "bvi", "blueview")) if c_unit[c] == "nn_drr" else R.choice(("bvh", "bvh", "blueview", "summit"))
                            lookup(t, e, R.choice(c_pers[c]), sysn, "recherche_case", c if R.random() < 0.55 else -1,
                                   2 if R.random() < 0.06 else 1, act_first=0)
                            continue
                    if r < 0.75 and team_cases.get(tid):
                        c = R.choice(team_cases[tid])
                        if c_pers[c]:
                            lookup(t, e, R.choice(c_pers[c]), "bvh", "team_case", c if R.random() < 0.3 else -1)
                            continue
                    if r < 0.87 and cs:
                        c = R.choice(cs)
                        if c_pers[c]:
                            # associates of case persons: housemates and relatives, not on the case
                            p0 = R.choice(c_pers[c])
                            mates = pc_members[p_pc[p0]] if p_pc[p0] >= 0 else []
                            if mates:
                                lookup(t, e, R.choice(mates), R.choice(("bvh", "brp", "bvi")), "recherche_network", c if R.random() < 0.3 else -1)
                                continue
                    if r < 0.90 and e in former_team and team_cases.get(former_team[e]):
                        c = R.choice(team_cases[former_team[e]])
                        if c_pers[c]:
                            lookup(t, e, R.choice(c_pers[c]), "bvh", "former_team_case")
                            continue
                elif role == "intake":
                    lst = intake_by_unit_day.get((unit, d), [])
                    if r < 0.72 and lst:
                        c = R.choice(lst)
                        lookup(max(t, c_open[c]), e, R.choice(c_pers[c]), "bvh", "intake_desk", c if R.random() < 0.5 else -1)
                        if R.random() < 0.25:
                            c_staff.append((c, e, c_open[c], None))
                        continue
                    if r < 0.93:
                        lookup(t, e, R.choice(unit_area.get(unit) or [0]), R.choice(("bvh", "brp")), "intake_phone_unrecorded", view_p=0.3)
                        continue
                elif role == "meldkamer":
                    if r < 0.78:
                        inc = global_inc(t - 1800, t + 600)
                        if inc:
                            tt, c = R.choice(inc)
                            lookup(max(tt - R.randint(0, 240), a_), e, R.choice(c_pers[c]), R.choice(("bvh", "bvh", "rdw")), "meldkamer_dispatch",
                                   c if R.random() < 0.2 else -1, view_p=0.4)
                            continue
                    lookup(t, e, R.randrange(N_PERS_BASE), R.choice(("bvh", "rdw", "brp")), "meldkamer_unlinked_call", view_p=0.25)
                    continue
                elif role in ("analyst", "rtic"):
                    if role == "rtic" and r < 0.5:
                        inc = global_inc(t - 3600, t)
                        if inc:
                            tt, c = R.choice(inc)
                            lookup(t, e, R.choice(c_pers[c]), R.choice(("bvh", "bvi", "blueview")), "rtic_realtime")
                            continue
                    if r < 0.55:
                        c = R.choice(sensitive_cases) if R.random() < 0.25 else R.randrange(len(c_id))
                        if c_pers[c]:
                            lookup(t, e, R.choice(c_pers[c]), R.choice(("blueview", "bvi", "summit")), "analyst_case",
                                   c if R.random() < 0.35 else -1, view_p=0.5)
                            continue
                    if r < 0.85:
                        lookup(t, e, R.randrange(N_PERS_BASE), R.choice(("blueview", "bvi")), "analyst_broad", view_p=0.35)
                        continue
                    inc = global_inc(a_ - 86400, a_)
                    if inc:
                        tt, c = R.choice(inc)
                        lookup(t, e, R.choice(c_pers[c]), "blueview", "analyst_briefing", view_p=0.3)
                        continue
                elif role == "verkeer":
                    if r < 0.55:
                        inc = incidents_in("T-DROS-VH", a_, b_)
                        if inc:
                            tt, c = R.choice(inc)
                            lookup(max(tt, t), e, R.choice(c_pers[c]), R.choice(("bvh", "rdw")), "verkeer_incident", c if R.random() < 0.5 else -1)
                            continue
                    lookup(t, e, R.randrange(N_PERS_BASE), "rdw", "traffic_stop_unrecorded", view_p=0.3)
                    continue
                elif role == "bb":
                    if r < 0.7:
                        c = R.choice(team_cases["T-DROS-BB"])
                        lookup(t, e, c_pers[c][0], "bvh", "bb_protection", c if R.random() < 0.3 else -1)
                        continue
                elif role == "vik":
                    c = R.choice(vik_cases)
                    if c_pers[c] and r < 0.8:
                        lookup(t, e, R.choice(c_pers[c]), R.choice(("bvh", "blueview")), "vik_investigation", c if R.random() < 0.5 else -1)
                        continue
                elif role == "screening":
                    # applicants and their relatives: nothing in the case records
                    lookup(t, e, R.randrange(N_PERS_BASE), R.choice(("bvh", "brp", "bvi")), "screening", view_p=0.6)
                    continue
                elif role == "cie":
                    if r < 0.5:
                        c = R.choice(sensitive_cases)
                        lookup(t, e, R.choice(c_pers[c]), "cie", "cie_source_check")
                        continue
                    lookup(t, e, R.randrange(N_PERS_BASE), R.choice(("cie", "bvh")), "cie_source_check")
                    continue
                elif role == "obs":
                    cs = active_cases(e, t) or sensitive_cases
                    c = R.choice(cs)
                    if c_pers[c]:
                        lookup(t, e, R.choice(c_pers[c]), R.choice(("bvh", "rdw")), "obs_target")
                        continue
                elif role == "water":
                    lookup(t, e, R.choice(island_pop[R.choice(list(island_pop))]) if R.random() < 0.5 else R.randrange(N_PERS_BASE),
                           R.choice(("bvh", "rdw")), "water_check", view_p=0.3)
                    continue
                elif role in ("hond", "me"):
                    inc = global_inc(t - 3600, t)
                    if inc:
                        tt, c = R.choice(inc)
                        lookup(t, e, R.choice(c_pers[c]), "meos", "hond_assist", view_p=0.2)
                        continue
                elif role == "staf":
                    lookup(t, e, R.randrange(N_PERS_BASE), "bvh", "staf_occasional", view_p=0.5)
                    continue
                # repeat of an earlier look-up
                if recent[e]:
                    p, c = R.choice(recent[e])
                    emit(t, e, p, "bvh", 1 if R.random() < 0.7 else 0, c if R.random() < 0.5 else -1, 1, S["repeat_lookup"])
                elif bt:
                    lookup(t, e, pick_area_person(bt), "meos", "meos_id_check")

        # recherche off-shift case preparation at home, on-call nights
        if role0 in ("rech", "cie", "obs") and emp_cases[e]:
            for _ in range(R.choice((0, 0, 1, 2, 3))):
                d = R.randint(0, DAYS - 1)
                t = loc(d, R.randint(19 * 3600, 23 * 3600 + 1800))
                if on_shift(e, t):
                    continue
                cs = active_cases(e, t)
                if cs:
                    c = R.choice(cs)
                    if c_pers[c]:
                        for _ in range(R.randint(1, 6)):
                            lookup(t, e, R.choice(c_pers[c]), "summit" if c_unit[c] == "nn_drr" else "bvh", "recherche_offshift_prep",
                                   c if R.random() < 0.4 else -1)
                            t += R.randint(30, 600)

    # training sessions: trainer + aspirants look up the test persons
    trainers = [e for e in range(NE) if e_role[e] == "trainer"]
    asp = [e for e in range(NE) if e_rank[e] == "aspirant"]
    for d in (14, 15, 16, 21):
        t0 = loc(d, 9 * 3600 + 1800)
        tr = R.choice(trainers)
        e_shifts[tr].append((t0 - 1800, t0 + 7 * 3600))
        shift_rows.append((tr, t0 - 1800, t0 + 7 * 3600))
        for e in [tr] + R.sample(asp, min(len(asp), 18)):
            for _ in range(R.randint(15, 40)):
                lookup(t0 + R.randint(0, 5 * 3600), e, TESTP0 + R.randrange(60), R.choice(("bvh", "meos", "brp")), "training_testpersons")

    # ---------- special operations
    def staff_of(teamids, d, n):
        cand = [e for tid in teamids for e in team_members.get(tid, []) if e_start[e] <= d]
        return R.sample(cand, min(n, len(cand)))

    # A7 pile-up in fog, Tuesday 12 October 07:40, near Drachten / Marum (Fryslân/Groningen border)
    a7t = loc(8, 7 * 3600 + 40 * 60)
    a7 = new_case("incident", "dfr", "T-FRL-ZO-BT", a7t, a7t + 11 * 3600)
    a7p = R.sample(range(N_PERS_BASE), 38)
    for i, p in enumerate(a7p):
        add_cp(a7, p, "Betrokkene" if i > 5 else "Slachtoffer")
    a7dead = a7p[:4]
    for p in a7dead:
        flag(p, "deceased")
    voa = new_case("investigation", "nn_dros", "T-DROS-VH", a7t + 3 * 3600, None, False)
    for p in a7p:
        add_cp(voa, p, "betrokkene")
    for e in R.sample(team_members["T-DROS-VH"], 8):
        c_staff.append((voa, e, a7t + 3 * 3600, None))
    a7_responders = staff_of(["T-FRL-ZO-BT", "T-GRN-W-BT", "T-DROS-VH", "T-FRL-L-BT", "T-DRE-N-BT"], 8, 70)
    for e in a7_responders:
        ton = on_shift(e, a7t + 1800)
        for _ in range(R.randint(2, 12)):
            t = a7t + R.randint(600, 6 * 3600)
            lookup(t, e, R.choice(a7p), R.choice(("bvh", "meos", "rdw")), "a7_crash_response" if ton else "a7_crash_offduty_callin",
                   a7 if R.random() < 0.35 else -1)
    for e in R.sample(team_members["T-MK-POL"], 20):
        for _ in range(R.randint(3, 15)):
            lookup(a7t + R.randint(0, 3 * 3600), e, R.choice(a7p), R.choice(("bvh", "rdw")), "a7_crash_response")
    voa_staff = [e for (c, e, f, to) in c_staff if c == voa]
    for d in range(8, 24):
        for e in voa_staff:
            if R.random() < 0.6:
                for _ in range(R.randint(2, 10)):
                    lookup(loc(d, R.randint(8 * 3600, 17 * 3600)), e, R.choice(a7p), R.choice(("bvh", "rdw", "summit")), "a7_voa_investigation", voa if R.random() < 0.6 else -1)
    kin = []
    for p in a7dead:
        kin.extend(pc_members[p_pc[p]] if p_pc[p] >= 0 else [])
    fam_officers = R.sample(team_members["T-DRR-VERM"], 3)
    for e in fam_officers:
        for _ in range(R.randint(10, 25)):
            lookup(loc(R.randint(8, 12), R.randint(8 * 3600, 20 * 3600)), e, R.choice(kin or a7dead), "brp", "a7_next_of_kin")

    # gas-extraction protests: Saturday 16 October Groningen city, Thursday 28 October Loppersum
    protests = []
    for d, bt, n in ((12, "GRN-C", 30), (24, "GRN-N", 14)):
        t0 = loc(d, 13 * 3600)
        pc_ = new_case("incident", "dgr", "T-%s-BT" % bt, t0, t0 + 7 * 3600)
        people = [pick_area_person("GRN-N", 0.2) for _ in range(n)]
        leaders = R.sample(vips, 3)
        for p in people + leaders:
            add_cp(pc_, p, "betrokkene")
        # a colleague injured at the protest
        victim_emp = R.choice(team_members["T-DROS-ME"])
        if e_p[victim_emp] >= 0:
            add_cp(pc_, e_p[victim_emp], "slachtoffer (collega)")
        protests.append((d, pc_, people + leaders))
        for e in staff_of(["T-GRN-C-BT", "T-GRN-Z-BT", "T-GRN-N-BT", "T-DGR-FLEX"], d, 60):
            if not on_shift(e, t0 + 3600):
                e_shifts[e].append((t0 - 3600, t0 + 8 * 3600))
                shift_rows.append((e, t0 - 3600, t0 + 8 * 3600))
            for _ in range(R.randint(1, 8)):
                lookup(t0 + R.randint(-3600, 7 * 3600), e, R.choice(c_pers[pc_]), R.choice(("meos", "bvh")), "gas_protest", pc_ if R.random() < 0.5 else -1)
        me_on = staff_of(["T-DROS-ME"], d, 40)
        for e in me_on[:20]:
            c_staff.append((pc_, e, t0 - 7200, t0 + 9 * 3600))
        for e in me_on:
            for _ in range(R.randint(1, 6)):
                lookup(t0 + R.randint(0, 7 * 3600), e, R.choice(c_pers[pc_]), "meos", "gas_protest_me")
        if e_p[victim_emp] >= 0:
            for e in R.sample(team_members["T-DRT1" if False else "T-DGR-DRT1"], 3):
                for _ in range(3):
                    lookup(loc(d + R.randint(1, 3), R.randint(9 * 3600, 16 * 3600)), e, e_p[victim_emp], "bvh", "gas_protest", pc_)

    # farmers' tractor blockades at distribution centres, 6-7 and 25 October
    for d, bt in ((2, "FRL-ZO"), (2, "DRE-ZW"), (3, "GRN-W"), (21, "FRL-ZO"), (21, "DRE-A")):
        u = unit_of_bt[bt]
        t0 = loc(d, 5 * 3600 + R.randint(0, 3600))
        fc = new_case("incident", u, "T-%s-BT" % bt, t0, t0 + 14 * 3600)
        rural = [p for p in bt_area[bt] if p_by[p] < 1990]
        farmers = R.sample(rural, min(len(rural), 60))
        for p in farmers[:5]:
            add_cp(fc, p, "betrokkene")
        for e in staff_of(["T-%s-BT" % bt, "T-DROS-VH", "T-%s-FLEX" % u.upper()], d, 25):
            for _ in range(R.randint(3, 25)):
                p = R.choice(farmers)
                lookup(t0 + R.randint(0, 12 * 3600), e, p, "rdw", "farmers_blockade_rdw" if p not in farmers[:5] else "farmers_blockade_incident",
                       fc if R.random() < 0.3 else -1, view_p=0.5)

    # missing 16-year-old from Emmen, Friday 15 October 18:00 - found Saturday 23 October
    mp_cands = [p for p in bt_area["DRE-E"] if 2010 <= p_by[p] <= 2012]
    mp = R.choice(mp_cands) if mp_cands else R.choice(bt_area["DRE-E"])
    mt = loc(11, 18 * 3600)
    mpi = new_case("incident", "ddr", "T-DRE-E-BT", mt, None)
    add_cp(mpi, mp, "vermiste")
    mpc = new_case("investigation", "nn_drr", "T-DRR-VERM", mt + 5 * 3600, loc(19, 15 * 3600), False)
    mp_rel = [x for x in pc_members[p_pc[mp]] if x != mp]
    friends = R.sample(bt_area["DRE-E"], 12)
    contact = R.randrange(N_PERS_BASE)
    for p in [mp] + mp_rel:
        add_cp(mpc, p, "vermiste" if p == mp else "familie")
    for p in friends[:8] + [contact]:
        add_cp(mpc, p, "getuige" if p != contact else "betrokkene")
    search_team = staff_of(["T-DRR-VERM", "T-DRR-TGO1"], 11, 16) + staff_of(["T-DDR-DRT1"], 11, 6)
    for e in search_team:
        c_staff.append((mpc, e, mt + 5 * 3600, loc(19, 20 * 3600)))
    for d in range(11, 20):
        for e in search_team:
            for _ in range(R.randint(2, 14)):
                lookup(loc(d, R.randint(8 * 3600, 22 * 3600)), e, R.choice(c_pers[mpc] + friends), R.choice(("bvh", "summit", "brp", "bvi")),
                       "missing_person_team", mpc if R.random() < 0.5 else -1)
        # the signalering: officers all over the province check the girl and her contact when they see someone
        for e in R.sample([x for x in range(NE) if e_role[x] in ("noodhulp", "wijk", "verkeer", "island", "meldkamer", "rtic")], 90):
            t = loc(d, R.randint(0, 86399))
            if on_shift(e, t) or R.random() < 0.15:
                lookup(t, e, mp if R.random() < 0.8 else contact, R.choice(("meos", "bvh")), "missing_person_signalering", view_p=0.5)
        for e in staff_of(["T-DRE-E-BT", "T-DRE-ZW-BT", "T-DROS-HOND", "T-GRN-O-BT"], d, 40):
            t = loc(d, R.randint(7 * 3600, 21 * 3600))
            for _ in range(R.randint(1, 3)):
                lookup(t + R.randint(0, 4000), e, R.choice([mp] + mp_rel + friends[:4]), "meos", "missing_person_search")

    # door-to-door canvass (buurtonderzoek) after serious violence: every resident of a few postcodes
    for d, bt, tid in ((5, "GRN-Z", "T-DGR-DRT1"), (9, "FRL-L", "T-DFR-DRT1"), (17, "DRE-E", "T-DDR-DRT2"), (23, "GRN-C", "T-DRR-TGO1")):
        t0 = loc(d, R.randint(9 * 3600, 14 * 3600))
        c = new_case("investigation", teams[tid]["unit"], tid, t0 - 3 * 3600, None, tid.startswith("T-DRR"))
        victim = R.choice(bt_area[bt])
        add_cp(c, victim, "slachtoffer")
        addr = [x for x in bt_area[bt] if p_pc[x] == p_pc[victim]]
        near = [pc for pc in place_pcs[pc_place[p_pc[victim]]] if pcs[pc][:4] == pcs[p_pc[victim]][:4]]
        for pc in R.sample(near, min(3, len(near))):
            addr.extend(pc_members[pc])
        crew = R.sample(team_members[tid], min(6, len(team_members[tid])))
        for e in crew[:4]:
            c_staff.append((c, e, t0 - 3 * 3600, None))
            emp_cases[e].append((c, t0 - 3 * 3600, None))
        for e in crew:
            t = t0
            for p in R.sample(addr, min(len(addr), R.randint(15, 45))):
                t += R.randint(20, 150)
                lookup(t, e, p, R.choice(("bvh", "brp")), "buurtonderzoek", c if R.random() < 0.2 else -1, view_p=0.3)

    # wrong case numbers and stale case ids typed by officers happen throughout (cform 2), done above.

    NORMAL_EVENTS = len(EV)

    # ------------------------------------------------------------------ improper incidents
    truth_inc = []   # (inc_no, scenario, emp)
    inc_no = [0]

    def new_inc(scn, e):
        inc_no[0] += 1
        truth_inc.append((inc_no[0], scn, e))
        return inc_no[0]

    def imp(t, e, p, sysn, act, scn, inc, case=-1, cform=1):
        emit(t, e, p, sysn, act, case, cform, src("improper:" + scn), inc)

    def shift_time(e, d_lo=0, d_hi=DAYS - 1):
        sh = [s for s in e_shifts[e] if d_lo <= local_day(s[0]) <= d_hi and s[1] - s[0] > 3600]
        if not sh:
            return None
        a_, b_ = R.choice(sh)
        return a_ + R.randint(600, int(b_ - a_) - 600)

    def off_time(e, d_lo=0, d_hi=DAYS - 1, late=False):
        for _ in range(30):
            d = R.randint(d_lo, d_hi)
            t = loc(d, R.randint(20 * 3600, 23 * 3600 + 3000) if not late else R.randint(0, 4 * 3600))
            if not on_shift(e, t):
                return t
        return loc(d_lo, 21 * 3600)

    def careful_case(e, t):
        cs = active_cases(e, t)
        if cs:
            return R.choice(cs)
        tid = e_team[e]
        inc = incidents_in(tid, t - 4 * 3600, t)
        if inc:
            return R.choice(inc)[1]
        return -1

    workers = [e for e in range(NE) if e_role[e] in ("noodhulp", "wijk", "rech", "intake", "island", "meldkamer", "analyst", "rtic", "verkeer", "bb", "staf")
               and e_shifts[e] and e_p[e] >= 0]
    hi_rank = W(["noodhulp", "wijk", "rech", "intake", "island", "meldkamer", "analyst", "rtic", "verkeer", "bb", "staf"],
                [10, 3, 5, 2, 1.5, 1.5, 1, 1, 1, 0.5, 0.5])
    by_role = {}
    for e in workers:
        by_role.setdefault(e_role[e], []).append(e)
    used_emp = set()

    def pick_emp(pred=lambda e: True, role=None):
        for _ in range(4000):
            rl = role or hi_rank.pick(R)
            lst = by_role.get(rl)
            if not lst:
                continue
            e = R.choice(lst)
            if e in used_emp or not pred(e):
                continue
            if e_rank[e] in ("hoofdagent", "brigadier") or R.random() < 0.5:
                used_emp.add(e)
                return e
        return None

    def fam_of(e, kinds):
        return [p for p, k in e_relatives[e].items() if k in kinds]

    def spread(e, n, careful, d_lo=0, d_hi=DAYS - 1):
        """n times for an incident: careful = on shift, else often off shift"""
        ts = []
        for _ in range(n):
            t = None
            if careful or R.random() < 0.4:
                t = shift_time(e, d_lo, d_hi)
            if t is None:
                t = off_time(e, d_lo, d_hi, late=R.random() < 0.2)
            ts.append(t)
        return sorted(ts)

    def run_simple(scn, e, targets, careful, n_lo, n_hi, systems=("bvh",), d_lo=0, d_hi=DAYS - 1, exp_p=0.0):
        inc = new_inc(scn, e)
        for t in spread(e, R.randint(n_lo, n_hi), careful, d_lo, d_hi):
            p = R.choice(targets)
            c = careful_case(e, t) if careful and R.random() < 0.6 else -1
            sysn = R.choice(systems)
            imp(t, e, p, sysn, 0, scn, inc, c)
            if R.random() < 0.7:
                imp(t + R.randint(5, 120), e, p, sysn, 1, scn, inc, c)
            if R.random() < exp_p:
                imp(t + R.randint(60, 400), e, p, sysn, R.choice((2, 3)), scn, inc, c)

    # ex-partner (stalking / following, some careful)
    for k in range(9):
        e = pick_emp(lambda e: fam_of(e, ("ex_partner", "unrec:ex_partner")))
        if e is None:
            continue
        ex = fam_of(e, ("ex_partner", "unrec:ex_partner"))
        careful = k % 3 == 0
        run_simple("ex_partner", e, ex, careful, 2 if careful else 5, 4 if careful else 22, ("bvh", "meos", "brp"), exp_p=0.05)
    # ex-partner's new partner
    for k in range(5):
        e = pick_emp(lambda e: fam_of(e, ("exnew",)))
        if e is None:
            continue
        tg = fam_of(e, ("exnew",)) + (fam_of(e, ("ex_partner", "unrec:ex_partner")) if k % 2 else [])
        run_simple("ex_partner_new_partner", e, tg, k % 2 == 0, 2, 9, ("bvh", "rdw", "brp"))
    # partner
    for k in range(5):
        e = pick_emp(lambda e: fam_of(e, ("partner", "unrec:partner")))
        if e is None:
            continue
        run_simple("partner", e, fam_of(e, ("partner", "unrec:partner")), k % 2 == 0, 1, 6, ("bvh", "rdw"))
    # relatives: parent / child / sibling (checking a brother's case, a child's record)
    for k in range(8):
        e = pick_emp(lambda e: fam_of(e, ("parent", "child", "sibling", "unrec:sibling", "unrec:child")))
        if e is None:
            continue
        run_simple("relative", e, fam_of(e, ("parent", "child", "sibling", "unrec:sibling", "unrec:child")), k % 2 == 0, 1, 7, ("bvh", "bvi"))
    # island: cousin not in relations, shared surname
    for k in range(4):
        e = pick_emp(lambda e: e_island[e] is not None, role="island")
        if e is None:
            continue
        cs = [p for p, kk in e_relatives[e].items() if kk == "unrec:cousin"]
        same = [p for p in cs if p_sur[p] == e_sur[e]] or cs
        run_simple("shared_surname", e, same[:2], k % 2 == 0, 1, 5, ("bvh", "meos"))
    # unrecorded relative with the same surname (rare or common surname)
    for k in range(5):
        e = pick_emp(lambda e: any(kk.startswith("unrec:") and p_sur[p] == e_sur[e] for p, kk in e_relatives[e].items()))
        if e is None:
            continue
        tg = [p for p, kk in e_relatives[e].items() if kk.startswith("unrec:") and p_sur[p] == e_sur[e]]
        run_simple("shared_surname", e, tg, k % 2 == 1, 1, 6, ("bvh", "brp"))
    # self look-up (own record, own car after a speed camera)
    for k in range(6):
        e = pick_emp()
        if e is None:
            continue
        run_simple("self", e, [e_p[e]], k % 2 == 0, 1, 4, ("bvh", "rdw"))
    # household member (housemate, partner not recorded but same address)
    for k in range(4):
        e = pick_emp(lambda e: len([x for x in pc_members[p_pc[e_p[e]]] if p_hn[x] == p_hn[e_p[e]] and x != e_p[e]]) > 0)
        if e is None:
            continue
        tg = [x for x in pc_members[p_pc[e_p[e]]] if p_hn[x] == p_hn[e_p[e]] and x != e_p[e]]
        run_simple("household", e, tg, k % 2 == 0, 1, 5, ("bvh",))
    # neighbours (a neighbour quarrel; new people next door)
    for k in range(8):
        e = pick_emp(lambda e: len(pc_members[p_pc[e_p[e]]]) > 6)
        if e is None:
            continue
        me = e_p[e]
        nb = [x for x in pc_members[p_pc[me]] if p_hn[x] != p_hn[me] and x not in e_relatives[e]]
        tg = R.sample(nb, min(len(nb), R.randint(1, 4)))
        run_simple("neighbour", e, tg, k % 3 == 0, 1, 8, ("bvh", "brp", "meos"))
    # colleagues (the new team chief, the one who got the job, a colleague's new partner)
    for k in range(8):
        e = pick_emp()
        if e is None:
            continue
        mates = [x for x in team_members.get(e_team[e], []) if x != e and e_p[x] >= 0]
        if k % 2 == 1 or not mates:
            mates = [x for x in R.sample(range(NE), 40) if e_p[x] >= 0]
        tg = [e_p[x] for x in R.sample(mates, min(len(mates), R.randint(1, 3)))]
        run_simple("colleague", e, tg, k % 2 == 0, 1, 6, ("bvh", "blueview"))
    # vips (footballer, mayor, TV presenter, protest leader)
    for k in range(7):
        e = pick_emp()
        if e is None:
            continue
        run_simple("vip", e, R.sample(vips, R.randint(1, 3)), k % 2 == 0, 1, 5, ("bvh", "blueview", "rdw"), exp_p=0.05)
    # shielded persons
    for k in range(5):
        e = pick_emp()
        if e is None:
            continue
        run_simple("shielded", e, R.sample(shielded, R.randint(1, 2)), k % 2 == 1, 1, 4, ("bvh", "brp"))
    # sensitive investigations, for a criminal contact (careful: on shift, other case number)
    for k in range(7):
        e = pick_emp(lambda e: not any(c in sensitive_cases for c, f, to in emp_cases[e]))
        if e is None:
            continue
        c = R.choice(sensitive_cases)
        if k == 0:
            c = eems
        tg = R.sample(c_pers[c], min(len(c_pers[c]), R.randint(1, 4)))
        d_lo = 10 if c == eems else 0
        run_simple("sensitive_investigation", e, tg, k % 3 != 2, 1, 8, ("bvh", "summit", "bvi"), d_lo=d_lo, exp_p=0.1 if k % 3 == 2 else 0)
    # news curiosity: A7 victims, the missing girl, the injured colleague
    for k in range(9):
        e = pick_emp(lambda e: e not in a7_responders and e not in search_team)
        if e is None:
            continue
        if k < 4:
            run_simple("news_curiosity", e, a7dead + a7p[4:8], k % 2 == 0, 1, 4, ("bvh",), d_lo=8, d_hi=14)
        else:
            run_simple("news_curiosity", e, [mp, contact] + mp_rel[:1], k % 2 == 0, 1, 5, ("bvh", "meos"), d_lo=12, d_hi=24)
    # browsing: many unrelated persons in a short time (own village, old classmates)
    for k in range(6):
        e = pick_emp()
        if e is None:
            continue
        inc = new_inc("browsing", e)
        t = shift_time(e) if k % 2 == 0 else off_time(e, late=True)
        if t is None:
            t = off_time(e)
        pl = pc_place[p_pc[e_p[e]]]
        pool = [x for pc in place_pcs[pl] for x in pc_members[pc]]
        for p in R.sample(pool, min(len(pool), R.randint(25, 70))):
            t += R.randint(15, 90)
            imp(t, e, p, R.choice(("bvh", "brp")), 0 if R.random() < 0.7 else 1, "browsing", inc)
    # volume: data harvesting over days for a debt collector / private investigator
    for k in range(4):
        e = pick_emp(role=R.choice(("noodhulp", "intake", "wijk")))
        if e is None:
            continue
        inc = new_inc("volume", e)
        d0 = R.randint(3, 14)
        for d in range(d0, min(DAYS, d0 + R.randint(6, 12))):
            t = shift_time(e, d, d) if k % 2 == 0 else None
            if t is None:
                if R.random() < 0.5:
                    continue
                t = off_time(e, d, d)
            for _ in range(R.randint(10, 35)):
                t += R.randint(40, 400)
                imp(t, e, R.randrange(N_PERS_BASE), R.choice(("brp", "bvh", "rdw")), R.choice((0, 0, 1, 3)), "volume", inc)
    # following: repeated look-ups of one unrelated person over weeks (someone from the gym)
    for k in range(6):
        e = pick_emp()
        if e is None:
            continue
        target = R.choice(bt_area[R.choice(list(BASISTEAMS))])
        inc = new_inc("following", e)
        days = sorted(R.sample(range(DAYS), R.randint(4, 11)))
        for d in days:
            t = shift_time(e, d, d) if k % 2 == 0 else None
            if t is None:
                t = off_time(e, d, d)
            imp(t, e, target, R.choice(("bvh", "meos", "rdw")), 0, "following", inc, careful_case(e, t) if k % 3 == 0 else -1)
            if R.random() < 0.5:
                imp(t + R.randint(5, 60), e, target, "bvh", 1, "following", inc)
    # export / print of records for a third party (journalist, friend)
    for k in range(5):
        e = pick_emp()
        if e is None:
            continue
        inc = new_inc("export_print", e)
        tg = R.sample(range(N_PERS_BASE), R.randint(1, 3))
        for p in tg:
            t = shift_time(e) or off_time(e)
            imp(t, e, p, "bvh", 0, "export_print", inc)
            imp(t + R.randint(10, 120), e, p, "bvh", 1, "export_print", inc)
            imp(t + R.randint(130, 400), e, p, "bvh", R.choice((2, 3)), "export_print", inc)
    # favour for a friend: checking a prospective tenant, a daughter's date, a buyer of a car
    for k in range(6):
        e = pick_emp()
        if e is None:
            continue
        tg = R.sample(range(N_PERS_BASE), R.randint(1, 3))
        run_simple("friend_favour", e, tg, k % 2 == 0, 1, 4, ("bvh", "rdw", "brp"))
    # off-shift look-ups at night of the village (clumsy, from home on the MEOS phone)
    for k in range(4):
        e = pick_emp()
        if e is None:
            continue
        pl = pc_place[p_pc[e_p[e]]]
        pool = [x for pc in place_pcs[pl] for x in pc_members[pc]]
        run_simple("off_shift", e, R.sample(pool, min(len(pool), 4)), False, 3, 8, ("meos",))

    # shared control-room workstation account used for a private look-up (who did it is not in the log)
    shared = [e for e in range(NE) if e_role[e] == "meldkamer_shared"]
    mk = [e for e in by_role.get("meldkamer", []) if e not in used_emp]
    for k in range(3):
        if not mk or not shared:
            break
        who = mk.pop(R.randrange(len(mk)))
        used_emp.add(who)
        acct = R.choice(shared)
        tg = fam_of(who, ("ex_partner", "unrec:ex_partner", "sibling", "partner")) or \
            [x for x in pc_members[p_pc[e_p[who]]] if x != e_p[who]][:3]
        inc = new_inc("shared_account", acct)
        for t in spread(who, R.randint(2, 6), True):
            p = R.choice(tg)
            imp(t, acct, p, "bvh", 0, "shared_account", inc)
            imp(t + R.randint(5, 50), acct, p, "bvh", 1, "shared_account", inc)

    # a nightly batch account that checks warrants (signaleringen) against the BRP; not in the personnel export
    SVC = NE
    e_id.append("svc-signalering-batch")
    for d in range(DAYS):
        t = loc(d, 2 * 3600 + 900)
        for _ in range(R.randint(3, 12)):
            emit(t + R.randint(0, 600), SVC, R.randrange(N_PERS_BASE), "brp", 0, -1, 1, src("batch_service_account"))

    # ------------------------------------------------------------------ write context
    ctx = out
    def w_csv(name, header, rows, gz=False, bom=False, crlf=False):
        path = os.path.join(ctx, name + (".gz" if gz else ""))
        nl = "\r\n" if crlf else "\n"
        f = gzopen(path, 4) if gz else open(path, "w", encoding="utf-8", newline="")
        with f:
            if bom:
                f.write("\ufeff")
            f.write(",".join(header) + nl)
            buf = []
            for r in rows:
                buf.append(",".join(q(x) for x in r) + nl)
                if len(buf) > 5000:
                    f.write("".join(buf)); buf = []
            f.write("".join(buf))
            f.write(nl)

    def q(x):
        x = "" if x is None else str(x)
        if "," in x or '"' in x or "\n" in x:
            return '"' + x.replace('"', '""') + '"'
        return x

    w_csv("units.csv", ["unit_id", "name", "fte"], [
        ("dgr", "District Groningen", "1010,5"), ("dfr", "District Fryslân", "1005"), ("ddr", "District Drenthe", "770.8"),
        ("nn_drr", "Dienst Regionale Recherche", "420"), ("nn_drio", "Dienst Regionale Informatieorganisatie", "265"),
        ("nn_meldkamer", "Meldkamer Noord-Nederland", "150"), ("nn_dros", "Dienst Regionale Operationele Samenwerking", "330"),
        ("nn_staf", "Staf en bedrijfsvoering Eenheid Noord-Nederland", "")])
    w_csv("teams.csv", ["team_id", "unit_id", "kind", "name", "kostenplaats"],
          [(t["id"], t["unit"], t["kind"] if R.random() < 0.97 else t["kind"].upper(), t["name"], "KP%04d" % R.randint(1000, 9999)) for t in teams.values()])
    # employees: district exports differ; transfers give a second row (later state)
    emp_rows = []
    order = list(range(NE))
    R.shuffle(order)
    for e in order:
        rk = e_rank[e]
        if e_unit[e] == "dfr" and rk:
            rk = rk.capitalize()
        elif e_unit[e] == "ddr" and R.random() < 0.3:
            rk = rk.upper()
        team_val = e_team[e] if R.random() > 0.004 else ""
        emp_rows.append((e_id[e], "P%07d" % e_p_export[e] if e_p_export[e] >= 0 else "", e_sur[e], e_unit[e], team_val, rk, e_func[e], "%02d-%02d" % (R.randint(1, 28), R.randint(1, 12))))
    for e, d, nt, nr in transfers:
        emp_rows.append((e_id[e], "P%07d" % e_p_export[e] if e_p_export[e] >= 0 else "", e_sur[e], teams[nt]["unit"], nt, e_rank[e],
                         FUNC_V.get(teams[nt]["unit"], {}).get("rech" if nr == "rech" else "noodhulp", e_func[e]), ""))
    w_csv("employees.csv", ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function", "verjaardag"], emp_rows, bom=True, crlf=True)

    def pc_fmt(pc):
        s = pcs[pc]
        r = R.random()
        if r < 0.1:
            return s[:4] + " " + s[4:]
        if r < 0.13:
            return s.lower()
        return s

    def person_rows():
        for i in range(N_PERS):
            pc = p_pc[i]
            by = p_by[i] if R.random() > 0.025 else ""
            fl = p_flags.get(i)
            fls = ";".join(sorted(fl)) if fl else ""
            if fl and R.random() < 0.2:
                fls = ";".join(x.upper() for x in sorted(fl))
            yield ("P%07d" % i, p_sur[i], by, pc_fmt(pc) if pc >= 0 and R.random() > 0.01 else "", p_hn[i], fls)
    w_csv("persons.csv", ["person_id", "surname", "birth_year", "postcode", "house_number", "flags"], person_rows(), gz=True)

    def rel_rows():
        for a_, b_, k, recd in rel:
            if not recd:
                continue
            yield ("P%07d" % a_, "P%07d" % b_, k)
            if R.random() < 0.2:   # BRP-derived mirror rows
                mirror = {"parent": "child", "child": "parent"}.get(k, k)
                yield ("P%07d" % b_, "P%07d" % a_, mirror)
    w_csv("relations.csv", ["person_id", "related_person_id", "kind"], rel_rows(), gz=True)

    def case_rows():
        for c in range(len(c_id)):
            st = c_style[c]
            o, cl = c_open[c], c_close[c]
            k = c_kind[c]
            if st == "dgr":
                os_ = ts_z(o)
                cs_ = ts_z(cl) if cl else ""
                sv = "true" if c_sens[c] else "false"
            elif st == "dfr":
                os_ = ts_loc(o, sep=" ")
                cs_ = ts_loc(cl, sep=" ") if cl else ""
                sv = "ja" if c_sens[c] else "nee"
            elif st == "ddr":
                if k == "incident" and R.random() < 0.35:
                    os_ = date_loc(o)     # legacy export of one basisteam: incidents without a time
                else:
                    os_ = ts_loc(o)
                cs_ = (date_loc(cl) if R.random() < 0.5 else ts_loc(cl)) if cl else ""
                sv = "1" if c_sens[c] else "0"
            else:
                os_ = date_loc(o) if k != "incident" else ts_z(o)
                cs_ = date_loc(cl) if cl else ""
                sv = "true" if c_sens[c] else ("" if R.random() < 0.5 else "false")
            if cs_ and cl and cl < o:
                cs_ = ""
            yield (c_id[c], k if R.random() > 0.02 else k.capitalize(), c_unit[c], c_team[c], os_, cs_, sv)
    w_csv("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], case_rows(), gz=True)
    w_csv("case_persons.csv", ["case_id", "person_id", "role"], (
        (c_id[c], "P%07d" % p, r) for c, p, r in case_pers_rows), gz=True)

    def fmt_staff(v, c):
        if v is None:
            return ""
        return date_loc(v) if c_unit[c] in ("nn_drr", "ddr") else ts_z(v)
    w_csv("case_staff.csv", ["case_id", "employee_id", "from", "to"], (
        (c_id[c], e_id[e], fmt_staff(f, c), fmt_staff(to, c) if to is None or f is None or to >= f else "") for c, e, f, to in c_staff), gz=True)

    def shift_rows_fmt():
        skip_emmen = set(e for e in range(NE) if e_team[e] == "T-DRE-E-BT")
        for e, a_, b_ in shift_rows:
            u = e_unit[e]
            if e in skip_emmen and local_day(a_) >= 21:
                continue   # roster system migration in Emmen: last week missing from the export
            if u == "dfr":
                yield (e_id[e], ts_loc(a_), ts_loc(b_))
            elif u == "ddr":
                yield (e_id[e], ts_z(a_, sep=" "), ts_z(b_, sep=" "))
            else:
                yield (e_id[e], ts_z(a_), ts_z(b_))
            if R.random() < 0.01:
                yield (e_id[e], ts_z(a_), ts_z(b_))   # repeated row
    w_csv("shifts.csv", ["employee_id", "start", "end"], shift_rows_fmt())

    # ------------------------------------------------------------------ write events
    EV.sort()
    M20 = (1 << 20) - 1
    M13 = (1 << 13) - 1
    truth_rows = []
    dbg = [] if a.debug else None
    SUMMIT = SYS["summit"]
    summit_lines = []
    evf = gzopen(os.path.join(out, "events.jsonl.gz"), 1)
    dbf = gzopen(os.path.join(out, "debug_sources.csv.gz"), 1) if a.debug else None
    if dbf:
        dbf.write("event_id,source\n")
    main_buf = []
    idn = 0
    inc_scn = {n: s for n, s, e in truth_inc}
    for v in EV:
        idn += 1
        eid = "e-%07d" % idn
        tsms = v >> TS_SHIFT
        inc = (v >> 68) & 511
        e = (v >> 55) & M13
        p = (v >> 35) & M20
        ci = (v >> 15) & M20
        cf = (v >> 13) & 3
        sy = (v >> 9) & 15
        act = (v >> 7) & 3
        sr = v & 127
        t, ms = divmod(tsms, 1000)
        sysn = SYSTEMS[sy]
        if sysn == "bvh":
            ts = ts_loc(t)
        elif sysn == "blueview":
            ts = ts_z(t, ms=ms)
        elif sysn == "summit":
            ts = ts_z(t, sep=" ")
        elif sysn in ("brp", "rdw"):
            ts = ts_loc(t, ms=ms)
        else:
            ts = ts_z(t)
        if ci:
            cid = c_id[ci - 1]
            if cf == 2:
                cid = cid.split("-")[-1] if "-" in cid else cid.lower()
            cpart = ',"case_id":"%s"' % cid
        else:
            r = idn % 7
            cpart = ',"case_id":null' if r == 0 else (',"case_id":""' if r == 1 else "")
        if sysn == "meos" and idn % 5 == 0:
            line = '{"ID":"%s","Ts":"%s","Employee_Id":"%s","system":"meos","action":"%s","person_id":"P%07d"%s,"device":"MEOS-%d"}\n' % (
                eid, ts, e_id[e], ACTIONS[act].upper(), p, cpart, e % 997)
        elif sysn == "brp":
            line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"brp","action":"%s","person_id":"P%07d"%s,"bsn_masked":true}\n' % (
                eid, ts, e_id[e], ACTIONS[act], p, cpart)
        else:
            line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"P%07d"%s}\n' % (
                eid, ts, e_id[e], sysn, ACTIONS[act], p, cpart)
        if sysn == "meos" and idn % 1009 == 0:
            main_buf.append(line)   # the MEOS gateway sent this one twice
        if sy == SUMMIT:
            summit_lines.append(line)
        else:
            main_buf.append(line)
            if len(main_buf) >= 50000:
                evf.write("".join(main_buf)); main_buf = []
        if inc:
            truth_rows.append("%s,I-%04d,%s\n" % (eid, inc, inc_scn[inc]))
        if dbg is not None:
            dbg.append("%s,%s\n" % (eid, SOURCES[sr]))
            if len(dbg) >= 50000:
                dbf.write("".join(dbg)); dbg = []
    n_events = idn
    evf.write("".join(main_buf))
    # the Summit log is appended after the merged log of the other systems (not merged in time)
    for chunk in range(0, len(summit_lines), 50000):
        evf.write("".join(summit_lines[chunk:chunk + 50000]))
    evf.close()
    del summit_lines
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8") as f:
        f.write("event_id,incident_id,scenario\n")
        f.write("".join(truth_rows))
    if dbf:
        dbf.write("".join(dbg))
        dbf.close()
    sys.stderr.write("redteam22: %d employees, %d persons, %d cases, %d events, %d improper events in %d incidents, %.1fs\n" % (
        NE, N_PERS, len(c_id), n_events, len(truth_rows), len(truth_inc), time.time() - t_start))


if __name__ == "__main__":
    main()
