#!/usr/bin/env python3
"""Red team 12: an independent synthetic world of a rural northern police force
("Noord-Nederland": three districts plus regional services). Standard library only.

usage: python3 gen.py OUTDIR --seed S [--debug]
"""
import argparse, bisect, csv, datetime as dt, os, random
from collections import defaultdict

UTC = dt.timezone.utc
DST_END = int(dt.datetime(2026, 10, 25, 1, 0, tzinfo=UTC).timestamp())
START = dt.date(2026, 10, 5)
COMMON = ("de Vries,de Jong,Jansen,Bakker,Visser,Dijkstra,de Boer,Mulder,Smit,Meijer,Bos,"
          "Hoekstra,Postma,Veenstra,Kramer,van der Meer,de Haan,Wierenga,Huizinga,Kuipers,"
          "Hofstra,Boersma,Bouma,Zijlstra,Jonker,Brouwer,Schaap,Wiersma,Kooistra,Bosma,Vos,"
          "Nijboer,Dekker,Mulder,Tuinstra,Sikkema,Oosting,Pool,Hoving,Lubbers,Scholten,"
          "Zwiers,Timmer,Kamstra,Haijema,Elzinga,Kloosterman,Slagter,Bruins,Yilmaz,Kaya").split(",")
SYL1 = "Ab Bo Dij Elz Fok Gro Hui Jel Kle Lam Mui Nij Oos Pet Rij Sie Ter Uil Vel Wes Zui Ha Me Ri Te Wo".split()
SYL2 = "st ink erd ol ens ag uin ijk am ers oor ev".split()
SYL3 = "stra inga ema sma ma huis veld kamp man ing ens ker".split()
SYSTEMS = ["bvh", "bvh", "bvh", "bvi", "summit", "blueview", "brp", "meos"]


def loc(day, secs):
    """Local (Dutch) wall clock: day index + seconds since local midnight -> UTC epoch."""
    d = START + dt.timedelta(days=day)
    naive = int(dt.datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()) + int(secs)
    return naive - 7200 if naive - 7200 < DST_END else naive - 3600


def fmt(t):
    off = 7200 if t < DST_END else 3600
    return dt.datetime.fromtimestamp(t + off, UTC).strftime("%Y-%m-%dT%H:%M:%S") + ("+02:00" if off == 7200 else "+01:00")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out"); ap.add_argument("--seed", type=int, default=1); ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    R = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    DAYS = R.randint(30, 35)
    NP = R.randint(250000, 350000)
    NE = R.randint(1800, 2500)
    END = loc(DAYS, 0)

    # ---------------- geography and persons ----------------
    districts = [("nn_groningen", "District Groningen", [(9700, 9999), (9300, 9399)], 0.37),
                 ("nn_friesland", "District Friesland", [(8400, 9299)], 0.40),
                 ("nn_drenthe", "District Drenthe", [(7700, 7999), (9400, 9599)], 0.23)]
    DN = [d[0] for d in districts]
    nbt = {d: R.randint(5, 7) for d in DN}
    rare = sorted({R.choice(SYL1) + R.choice(SYL2) + R.choice(["", "e", "er", "el"]) + R.choice(SYL3) for _ in range(40000)})
    R.shuffle(rare)
    rare = rare[:12000] + ["van " + x for x in rare[12000:13500]]
    cw = [1.0 / (i + 1) ** 0.7 for i in range(len(COMMON))]
    rw = [1.0 / (i + 1) ** 0.6 for i in range(len(rare))]
    ccw, crw = list(), list()
    s = 0
    for w in cw: s += w; ccw.append(s)
    s = 0
    for w in rw: s += w; crw.append(s)

    def surname():
        if R.random() < 0.2:
            return COMMON[bisect.bisect(ccw, R.random() * ccw[-1])]
        return rare[min(bisect.bisect(crw, R.random() * crw[-1]), len(rare) - 1)]

    P_sur, P_by, P_pc, P_hn, P_dist, P_flags = [], [], [], [], [], []
    rel = []  # (a, b, kind): b is kind of a
    hidden_rel = []  # relations that exist in life but are missing from relations.csv
    pcs = {d: [] for d in DN}; pc_team = {}; used_pc = set()
    pc_people = defaultdict(list)
    cur = {d: None for d in DN}; cap = {d: 0 for d in DN}; hno = {d: 0 for d in DN}
    older = {d: [] for d in DN}  # (adult1, adult2) of older households, as parents
    kids_of = defaultdict(list)
    adults = {d: [] for d in DN}
    hh_of = {}

    def new_pc(d):
        rngs = dict((x[0], x[2]) for x in districts)[d]
        while True:
            lo, hi = R.choice(rngs)
            p4 = R.randint(lo, hi)
            pc = "%d%s%s" % (p4, R.choice("ABCDEGHJKLMNPRSTVWXZ"), R.choice("ABCDEGHJKLMNPRSTVWXZ"))
            if pc not in used_pc:
                used_pc.add(pc); pcs[d].append(pc)
                tot = sum(h - l + 1 for l, h in rngs); idx = 0
                for l, h in rngs:
                    if l <= p4 <= h: idx += p4 - l; break
                    idx += h - l + 1
                pc_team[pc] = (d, idx * nbt[d] // tot)
                return pc

    def person(sur, by, pc, hn, d):
        P_sur.append(sur); P_by.append(by); P_pc.append(pc); P_hn.append(hn); P_dist.append(d); P_flags.append("")
        i = len(P_sur) - 1; pc_people[pc].append(i); return i

    hid = 0
    while len(P_sur) < NP:
        r = R.random(); d = "nn_groningen" if r < 0.37 else ("nn_friesland" if r < 0.77 else "nn_drenthe")
        if cap[d] <= 0:
            cur[d] = new_pc(d); cap[d] = R.randint(6, 28); hno[d] = R.randint(1, 40)
        pc = cur[d]; cap[d] -= 1; hno[d] += R.choice((1, 2, 2))
        hn = str(hno[d]) + (R.choice(["", "", "", "", "A", "-1", "-2"]))
        size = R.choices([1, 2, 3, 4, 5, 6], [34, 33, 12, 13, 6, 2])[0]
        old = R.random() < 0.35
        by1 = R.randint(1938, 1966) if old else R.randint(1967, 2004)
        s1 = surname(); par = None
        if not old and older[d] and R.random() < 0.45:
            par = R.choice(older[d]); s1 = P_sur[par[0]]
        a1 = person(s1, by1, pc, hn, d); members = [a1]; hid += 1
        a2 = None
        if size >= 2 and R.random() < 0.85:
            a2 = person(surname() if R.random() < 0.8 else s1, by1 + R.randint(-5, 5), pc, hn, d)
            rel.append((a1, a2, "partner")); rel.append((a2, a1, "partner")); members.append(a2)
        elif size >= 2 and old is False and R.random() < 0.3:
            h = person(surname(), by1 + R.randint(-3, 3), pc, hn, d)  # housemate
            rel.append((a1, h, "household")); rel.append((h, a1, "household")); members.append(h)
        nk = size - len(members); ks = []
        for _ in range(max(0, nk)):
            kby = min(2025, max(by1 + 20, 2000 + R.randint(0, 25))) if not old else by1 + R.randint(22, 35)
            k = person(s1, kby, pc, hn, d); ks.append(k); members.append(k)
            for pa in (a1, a2):
                if pa is not None:
                    rel.append((k, pa, "parent")); rel.append((pa, k, "child"))
        for x in ks:
            for y in ks:
                if x != y: rel.append((x, y, "sibling"))
        if par:
            for pa in par:
                if pa is not None:
                    rel.append((a1, pa, "parent")); rel.append((pa, a1, "child"))
            for sib in kids_of[par]:
                rel.append((a1, sib, "sibling")); rel.append((sib, a1, "sibling"))
            kids_of[par].append(a1)
        if old and R.random() < 0.5: older[d].append((a1, a2))
        if by1 <= 2002: adults[d].append(a1)
        for m in members: hh_of[m] = hid
    NP = len(P_sur)
    sur_idx = defaultdict(list)
    for i, sname in enumerate(P_sur): sur_idx[sname].append(i)
    # ex-partners: adults who split up, now living elsewhere in the same district
    ex_of = defaultdict(list)
    for d in DN:
        for a1 in R.sample(adults[d], len(adults[d]) // 14):
            b = R.choice(adults[d])
            if b != a1 and hh_of[b] != hh_of[a1]:
                rel.append((a1, b, "ex_partner")); rel.append((b, a1, "ex_partner")); ex_of[a1].append(b); ex_of[b].append(a1)
    # flags
    allp = list(range(NP))
    vips = R.sample(allp, R.randint(120, 220)); shielded = R.sample(allp, R.randint(150, 260))
    for v in vips: P_flags[v] = "vip"
    for v in shielded: P_flags[v] = (P_flags[v] + ";shielded").strip(";")
    for v in R.sample(allp, NP // 120): P_flags[v] = (P_flags[v] + ";deceased").strip(";")
    rel_of = defaultdict(list)
    for x, y, k in rel: rel_of[x].append((y, k))

    # ---------------- organisation ----------------
    units = [(d, n) for d, n, _, _ in districts] + [("nn_regio", "Regionale diensten Noord-Nederland")]
    teams = []  # (id, unit, kind, name)
    BT = {}
    places = {"nn_groningen": "Stad Noord,Stad Zuid,Hoogeland,Oldambt,Eemsdelta,Westerkwartier,Veenkoloniën",
              "nn_friesland": "Leeuwarden,Noordoost-Fryslân,Súdwest-Fryslân,De Friese Meren,Heerenveen,Waddeneilanden,Smallingerland",
              "nn_drenthe": "Assen,Emmen,Hoogeveen,Meppel,Noord-Drenthe,Borger-Odoorn,Midden-Drenthe"}
    for d in DN:
        BT[d] = []
        for i, nm in enumerate(places[d].split(",")[:nbt[d]]):
            tid = "T-%s-BT%d" % (d[3:6].upper(), i + 1); teams.append((tid, d, "basisteam", "Basisteam " + nm)); BT[d].append(tid)
        teams.append(("T-%s-DRR" % d[3:6].upper(), d, "recherche", "Districtsrecherche " + d[3:]))
    reg = [("T-RG-MK", "meldkamer", "Meldkamer Noord-Nederland"), ("T-RG-SC", "intake_service", "Service Centrum / aangiftebalie"),
           ("T-RG-RIK", "informatie_analyse", "Regionale Informatie Knooppunt"), ("T-RG-VH", "specialistisch", "Verkeershandhaving en landbouwcontroles"),
           ("T-RG-RR", "recherche", "Regionale recherche (DRR)"), ("T-RG-FB", "ondersteuning", "Functioneel beheer en servicedesk"),
           ("T-RG-VIK", "staf", "Veiligheid, Integriteit en Klachten"), ("T-RG-STAF", "staf", "Staf eenheid en communicatie")]
    for t, k, n in reg: teams.append((t, "nn_regio", k, n))
    tkind = {t[0]: t[2] for t in teams}; tunit = {t[0]: t[1] for t in teams}
    weights = []
    for t in teams:
        k = t[2]
        weights.append({"basisteam": 60, "recherche": 38, "meldkamer": 95, "intake_service": 110, "informatie_analyse": 45,
                        "specialistisch": 60, "ondersteuning": 80, "staf": 10 if t[0].endswith("VIK") else 55}[k] * (1.0 + R.random() * 0.4))
    employees = []  # dict
    team_emps = defaultdict(list)
    person_emp = {}
    for e in range(NE):
        tid = R.choices([t[0] for t in teams], weights)[0]; k = tkind[tid]; u = tunit[tid]
        home = u if u != "nn_regio" and R.random() < 0.82 else R.choice(DN)
        pid = None
        if R.random() > 0.03:
            for _ in range(30):
                c = R.choice(adults[home])
                if c not in person_emp and 1960 <= P_by[c] <= 2004:
                    pid = c; break
            if pid is not None and k == "basisteam" and R.random() < 0.5:  # rural: live in own team area
                for _ in range(40):
                    c = R.choice(adults[home])
                    if c not in person_emp and 1960 <= P_by[c] <= 2004 and pc_team[P_pc[c]] == (u, BT[u].index(tid) if tid in BT.get(u, []) else -1):
                        pid = c; break
        if pid is not None: person_emp[pid] = e
        rank = {"basisteam": R.choices(["aspirant", "agent", "hoofdagent", "brigadier", "inspecteur"], [8, 30, 40, 16, 6])[0],
                "recherche": R.choices(["hoofdagent", "brigadier", "inspecteur", "burger"], [35, 35, 15, 15])[0],
                "meldkamer": R.choice(["burger", "burger", "hoofdagent"]), "intake_service": R.choice(["burger", "burger", "burger", "surveillant"]),
                "informatie_analyse": "burger", "specialistisch": R.choice(["hoofdagent", "agent", "brigadier"]),
                "ondersteuning": R.choice(["burger", "burger", "extern"]), "staf": R.choice(["burger", "inspecteur", "hoofdinspecteur", "commissaris"])}[k]
        fn = {"basisteam": R.choices(["noodhulp", "wijkagent", "leidinggevende"], [72, 20, 8])[0], "recherche": "rechercheur", "meldkamer": "meldkamer",
              "intake_service": "intake", "informatie_analyse": "analist", "specialistisch": "verkeer", "ondersteuning": "functioneel beheer",
              "staf": "integriteit" if tid.endswith("VIK") else "staf"}[k]
        if fn == "leidinggevende": rank = R.choice(["brigadier", "inspecteur"])
        employees.append(dict(id="E%05d" % (10001 + e), pid=pid, sur=P_sur[pid] if pid is not None else surname(), unit=u, team=tid, kind=k, rank=rank, fn=fn,
                              unreg=R.random() < {"recherche": 0.22, "staf": 0.4, "informatie_analyse": 0.15, "ondersteuning": 0.3}.get(k, 0.05)))
        team_emps[tid].append(e)
    # a few transfers: the employee appears twice, the later row wins (formats.md "rows given twice")
    transfers = {}
    for e in R.sample([i for i in range(NE) if employees[i]["kind"] == "basisteam"], 12):
        d = employees[e]["unit"]; transfers[e] = R.choice([t for t in BT[d] if t != employees[e]["team"]])

    # ---------------- rosters ----------------
    SH = {"D": (7 * 3600, 15 * 3600), "A": (15 * 3600, 23 * 3600), "N": (23 * 3600, 31 * 3600), "O": (8 * 3600, 17 * 3600),
          "L": (12 * 3600, 21 * 3600), "E": (9 * 3600, 18 * 3600)}
    CYCLE = "DDAANN----"
    worked = defaultdict(list)  # e -> [(start,end,registered)]
    on = defaultdict(lambda: defaultdict(list))  # team -> hourkey -> [e]
    for e, E in enumerate(employees):
        k = E["kind"]; ph = R.randrange(10)
        for day in range(-1, DAYS + 1):
            wd = (START + dt.timedelta(days=day)).weekday()
            if k in ("basisteam", "meldkamer", "specialistisch"):
                c = CYCLE[(day + ph) % 10]
                if c == "-" and R.random() < 0.06: c = R.choice("DA")  # swapped / extra shift
                if c != "-" and R.random() < 0.05: c = "-"  # sick, leave
                if k == "specialistisch" and c == "N": c = "L"
            elif k == "intake_service":
                c = ("O" if R.random() < 0.7 else "L") if (wd < 5 and R.random() < 0.8) or (wd == 5 and R.random() < 0.2) else "-"
            else:
                c = ("O" if R.random() < 0.8 else "E") if wd < 5 and R.random() < 0.85 else "-"
                if k == "recherche" and wd >= 5 and R.random() < 0.08: c = "L"
            if c == "-": continue
            s0, s1 = SH[c]; s0 += R.choice((0, 0, 0, -900, 900)); st, en = loc(day, s0), loc(day, s1)
            reg_ = not E["unreg"] and R.random() > 0.04
            worked[e].append((st, en, reg_))
            for h in range(st // 3600, en // 3600): on[E["team"]][h].append(e)

    def shift_at(e, t):
        for st, en, _ in worked[e]:
            if st <= t < en: return (st, en)
        return None

    def on_shift(team, t):
        return on[team].get(t // 3600, [])

    # ---------------- cases and events ----------------
    cases = []  # [id, kind, unit, team, opened(str), closed(str), sens]
    cpers = []; cstaff = []
    case_p = {}
    EV = []  # (t, emp, sys, action, pid, case, src, inc, scen)
    nc = [0]

    def new_case(kind, unit, team, opened, closed, sens=False):
        nc[0] += 1; cid = "%s-%06d" % ({"incident": "2026-INC", "investigation": "2026-ONZ", "intake": "2026-AGT"}[kind], nc[0] * 7 % 999983)
        cases.append([cid, kind, unit, team or "", opened, closed, "true" if sens else "false"]); case_p[cid] = []
        return cid

    def add_cp(cid, p, role, record=True):
        case_p[cid].append(p)
        if record: cpers.append((cid, "P%07d" % p, role))

    def ev(t, e, p, src, case="", action=None, sysm=None, inc="", scen=""):
        if action is None: action = "view" if R.random() < 0.55 else "query"
        EV.append((int(t), e, sysm or R.choice(SYSTEMS), action, p, case, src, inc, scen))

    def lookup(t, e, p, src, case="", namesearch=0.1):
        """Query by name (namesakes come back as events at the same second) then view."""
        sy = R.choice(SYSTEMS[:6])
        if R.random() < namesearch:
            ns = sur_idx[P_sur[p]]
            for q in R.sample(ns, min(len(ns), R.randint(1, 6))):
                if q != p: ev(t, e, q, "namesake", "", "query", sy)
            ev(t, e, p, src, case, "query", sy); ev(t + R.randint(5, 90), e, p, src, case, "view", sy)
        else:
            ev(t, e, p, src, case, None, sy)
            if R.random() < 0.4: ev(t + R.randint(5, 400), e, p, src, case, "view", sy)

    def area_person(d, bt=None):
        for _ in range(50):
            p = R.randrange(NP)
            if P_dist[p] == d and (bt is None or pc_team[P_pc[p]][1] == bt): return p
        return R.randrange(NP)

    inc_by_unit_day = defaultdict(list)
    # incidents of the basisteams
    for d in DN:
        for bi, tid in enumerate(BT[d]):
            size = len(team_emps[tid])
            for day in range(DAYS):
                wd = (START + dt.timedelta(days=day)).weekday()
                n = int(size * R.uniform(0.12, 0.2) * (1.3 if wd >= 4 else 1.0))
                for _ in range(n):
                    hr = R.choices(range(24), [2, 2, 2, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 6, 6, 7, 7, 7, 6, 6, 5, 4, 3])[0]
                    t = loc(day, hr * 3600 + R.randrange(3600))
                    night = hr >= 23 or hr < 7
                    closed = fmt(t + R.randint(1800, 6 * 3600)) if R.random() < 0.7 else (START + dt.timedelta(days=day + R.randint(0, 6))).isoformat()
                    cid = new_case("incident", d, tid, fmt(t), closed)
                    np_ = R.choices([1, 2, 3, 4, 6], [35, 35, 15, 10, 5])[0]
                    ps = []
                    for j in range(np_):
                        p = area_person(d, bi) if R.random() < 0.8 else (area_person(R.choice(DN)) if R.random() < 0.7 else R.randrange(NP))
                        if j and R.random() < 0.3 and rel_of[ps[0]]: p = R.choice(rel_of[ps[0]])[0]  # domestic incident
                        ps.append(p)
                        add_cp(cid, p, R.choice(["verdachte", "slachtoffer", "getuige", "melder", "betrokkene"]), R.random() > 0.05)
                    inc_by_unit_day[(d, day)].append((t, cid, ps))
                    # crew: own team, or at night often a neighbouring district's team covering
                    cover = tid
                    if night and R.random() < 0.25:
                        od = R.choice([x for x in DN if x != d]); cover = R.choice(BT[od])
                    elif R.random() < 0.12: cover = R.choice(BT[d])
                    cand = on_shift(cover, t) or on_shift(tid, t)
                    crew = R.sample(cand, min(len(cand), R.choice([1, 2, 2, 2, 3])))
                    src = "night_cover" if cover != tid and tunit[cover] != d else ("backup_team" if cover != tid else "incident_work")
                    for e in crew:
                        if R.random() < 0.6: cstaff.append((cid, employees[e]["id"], fmt(t), ""))
                        for p in ps:
                            tt = t + R.randint(-600, 2400) if R.random() < 0.85 else t + R.randint(3600, 5 * 3600)  # report writing later
                            lookup(tt, e, p, src, cid if R.random() < 0.55 else "")
                    # control room
                    mk = on_shift("T-RG-MK", t)
                    if mk and R.random() < 0.6:
                        e = R.choice(mk); ev(t + R.randint(-240, 300), e, ps[0], "control_room", cid if R.random() < 0.3 else "", "query")
                    # on-call leader at home (piket, not rostered)
                    if night and R.random() < 0.04:
                        lead = [x for x in team_emps[tid] if employees[x]["fn"] == "leidinggevende"]
                        if lead: ev(t + R.randint(300, 3000), R.choice(lead), ps[0], "on_call", cid if R.random() < 0.5 else "")
    # control room callers without an incident yet (hoax, advice, no unit sent)
    for h, es in on["T-RG-MK"].items():
        for e in es:
            if R.random() < 0.12: ev(h * 3600 + R.randrange(3600), e, area_person(R.choice(DN)), "control_room_call", "", "query")
    # seasonal event: Zuidlaardermarkt (third Tuesday of October), joint operation of all districts
    evday = (dt.date(2026, 10, 20) - START).days
    t0 = loc(evday, 6 * 3600)
    cid_ev = new_case("incident", "nn_drenthe", BT["nn_drenthe"][4 % nbt["nn_drenthe"]], fmt(t0), (START + dt.timedelta(days=evday + 1)).isoformat())
    evp = [R.randrange(NP) for _ in range(R.randint(40, 70))]
    for p in evp: add_cp(cid_ev, p, R.choice(["verdachte", "betrokkene", "slachtoffer"]), R.random() < 0.7)
    evstaff = R.sample([e for e in range(NE) if employees[e]["kind"] in ("basisteam", "specialistisch")], 70)
    for e in evstaff:
        if R.random() < 0.6: cstaff.append((cid_ev, employees[e]["id"], (START + dt.timedelta(days=evday)).isoformat(), (START + dt.timedelta(days=evday)).isoformat()))
        if R.random() < 0.75: worked[e].append((t0, t0 + 14 * 3600, R.random() < 0.7))
        for p in R.sample(evp, R.randint(2, 8)): lookup(t0 + R.randint(3600, 13 * 3600), e, p, "event_joint_op", cid_ev if R.random() < 0.4 else "")

    # investigations (district and regional recherche), some long running, some sensitive
    invs = []
    for tid in [t[0] for t in teams if t[2] == "recherche"]:
        u = tunit[tid]; staff = team_emps[tid]
        for _ in range(R.randint(12, 24)):
            od = -R.randint(1, 400) if R.random() < 0.7 else R.randint(0, DAYS - 3)
            sens = R.random() < 0.14
            closed = (START + dt.timedelta(days=R.randint(max(od, 0) + 5, DAYS + 60))).isoformat() if R.random() < 0.2 else ""
            if closed and closed > (START + dt.timedelta(days=DAYS)).isoformat(): closed = ""
            cid = new_case("investigation", u, tid, (START + dt.timedelta(days=od)).isoformat(), closed, sens)
            d = u if u != "nn_regio" else R.choice(DN)
            ps = [area_person(d) if R.random() < 0.85 else R.randrange(NP) for _ in range(R.randint(3, 16))]
            for p in ps: add_cp(cid, p, R.choice(["verdachte", "verdachte", "slachtoffer", "getuige"]), True)
            st = R.sample(staff, min(len(staff), R.randint(2, 6)))
            if R.random() < 0.3:  # joint investigation team with other units
                others = [e for e in range(NE) if employees[e]["kind"] in ("recherche", "informatie_analyse") and employees[e]["team"] != tid]
                st += R.sample(others, R.randint(1, 3))
            reg_from = {}
            for e in st:
                late = R.random() < 0.18
                fr = (START + dt.timedelta(days=max(od, 0) + (R.randint(3, 15) if late else 0))).isoformat() if R.random() < 0.8 else ""
                if R.random() > 0.06: cstaff.append((cid, employees[e]["id"], fr, ""))
            invs.append((cid, ps, st, od, sens, u))
    inv_of = defaultdict(list)
    for iv in invs:
        for e in iv[2]: inv_of[e].append(iv)
    for e, ivs in inv_of.items():
        for st, en, _ in worked[e]:
            if st < loc(0, 0) or st >= END: continue
            for iv in R.sample(ivs, min(len(ivs), R.randint(1, 2))):
                cid, ps, _, od, _, _ = iv
                if loc(max(od, 0), 0) > en: continue
                for _ in range(R.randint(2, 9)):
                    t = R.randint(st, en - 600); p = R.choice(ps)
                    r = R.random()
                    if r < 0.1 and rel_of[p]:  # network of a suspect: relatives, not (yet) in the case
                        ev(t, e, R.choice(rel_of[p])[0], "investigation_network", cid if R.random() < 0.3 else "")
                    elif r < 0.14:
                        ev(t, e, p, "case_file_print", cid if R.random() < 0.7 else "", R.choice(["print", "export"]))
                    else:
                        lookup(t, e, p, "investigation", cid if R.random() < 0.5 else "", 0.08)
            if R.random() < 0.15:  # late evening follow-up from home (tap/observation), not rostered
                iv = R.choice(ivs); ev(en + R.randint(7200, 5 * 3600), e, R.choice(iv[1]), "investigation_evening", "")

    # intake / service centre
    allcases = [c for c in case_p if case_p[c]]
    for e in team_emps["T-RG-SC"]:
        for st, en, _ in worked[e]:
            t = st + R.randint(300, 1800)
            while t < en - 1200:
                r = R.random()
                if r < 0.55:
                    day = (t - loc(0, 0)) // 86400
                    cid = new_case("intake", R.choice(DN), "T-RG-SC", fmt(t + R.randint(60, 900)), (START + dt.timedelta(days=day + R.randint(0, 20))).isoformat())
                    rep = R.randrange(NP); add_cp(cid, rep, "aangever"); cstaff.append((cid, employees[e]["id"], fmt(t), ""))
                    lookup(t, e, rep, "intake", cid if R.random() < 0.3 else "")
                    if R.random() < 0.4:
                        q = R.choice(rel_of[rep])[0] if rel_of[rep] and R.random() < 0.4 else R.randrange(NP)
                        add_cp(cid, q, "verdachte"); lookup(t + R.randint(60, 900), e, q, "intake", "")
                elif r < 0.9:
                    c = R.choice(allcases); ev(t, e, R.choice(case_p[c]), "status_call", "", "query")
                else:
                    ev(t, e, R.randrange(NP), "intake_abandoned", "", "query")  # caller hung up, walk-in left
                t += R.randint(900, 3600)
    # information analysis: bulk work on investigations and incidents, networks, ANPR hits
    for e in team_emps["T-RG-RIK"]:
        for st, en, _ in worked[e]:
            for _ in range(R.randint(10, 50)):
                t = R.randint(st, en - 60); r = R.random()
                if r < 0.5:
                    iv = R.choice(invs); p = R.choice(iv[1])
                    if R.random() < 0.3 and rel_of[p]: p = R.choice(rel_of[p])[0]
                    ev(t, e, p, "analysis", iv[0] if R.random() < 0.2 else "", "query")
                elif r < 0.88:
                    c = R.choice(allcases); ev(t, e, R.choice(case_p[c]), "analysis", "", "query")
                else:
                    ev(t, e, R.randrange(NP), "anpr_hit", "", "query")
    # traffic and agricultural checks (harvest season: tractors on the provincial roads)
    for e in team_emps["T-RG-VH"]:
        for st, en, _ in worked[e]:
            if R.random() < 0.55:
                d = R.choice(DN); t = st + R.randint(1800, 3 * 3600); agri = R.random() < 0.45
                cid = new_case("incident", d, "T-RG-VH", fmt(t), fmt(t + 3 * 3600)) if R.random() < 0.5 else ""
                if cid and R.random() < 0.5: cstaff.append((cid, employees[e]["id"], fmt(t), ""))
                for _ in range(R.randint(6, 28)):
                    p = area_person(d) if agri else (area_person(d) if R.random() < 0.6 else R.randrange(NP))
                    if cid and R.random() < 0.6: add_cp(cid, p, "gecontroleerde")
                    ev(t, e, p, "agri_check" if agri else "traffic_check", cid if cid and R.random() < 0.4 else "", "query", R.choice(["rdw", "bvh", "meos"]))
                    t += R.randint(120, 900)
    # basisteam: wijk work, signals without case numbers
    for d in DN:
        for bi, tid in enumerate(BT[d]):
            for e in team_emps[tid]:
                for st, en, _ in worked[e]:
                    n = R.randint(1, 5) if employees[e]["fn"] == "wijkagent" else (1 if R.random() < 0.35 else 0)
                    for _ in range(n): lookup(R.randint(st, en - 60), e, area_person(d, bi), "wijk_signal", "")
                    # incidents of other teams of the unit during the shift (radio traffic, backup)
                    if R.random() < 0.3 and inc_by_unit_day.get((d, (st - loc(0, 0)) // 86400)):
                        t, cid, ps = R.choice(inc_by_unit_day[(d, (st - loc(0, 0)) // 86400)])
                        if st <= t < en: ev(t + R.randint(60, 1200), e, ps[0], "unit_radio", "")
    # functional admins fixing records; integrity office screening colleagues; staff briefings
    for e in team_emps["T-RG-FB"]:
        for st, en, _ in worked[e]:
            for _ in range(R.randint(0, 4)):
                c = R.choice(allcases); ev(R.randint(st, en - 60), e, R.choice(case_p[c]), "data_fix", c if R.random() < 0.7 else "", R.choice(["view", "query"]))
    emp_pids = [E["pid"] for E in employees if E["pid"] is not None]
    for e in team_emps["T-RG-VIK"]:
        for st, en, _ in worked[e]:
            for _ in range(R.randint(0, 4)):
                ev(R.randint(st, en - 60), e, R.choice(emp_pids), "integrity_screening", "", R.choice(["view", "query", "view"]))
    # news case: a fatal stabbing in a village; the talk of the region for days
    nd = R.choice(DN); nday = R.randint(5, DAYS - 8); ninc = R.choice(inc_by_unit_day[(nd, nday)])
    news_case, news_ps = ninc[1], ninc[2]
    drr = "T-%s-DRR" % nd[3:6].upper()
    for e in R.sample(team_emps[drr], 4): cstaff.append((news_case, employees[e]["id"], fmt(ninc[0]), ""))
    for e in team_emps[drr][:4]:
        for k in range(R.randint(3, 8)): ev(ninc[0] + R.randint(3600, 6 * 86400), e, R.choice(news_ps), "investigation", news_case if R.random() < 0.5 else "")
    for e in R.sample(team_emps["T-RG-STAF"], min(4, len(team_emps["T-RG-STAF"]))):
        ev(ninc[0] + R.randint(3600, 2 * 86400), e, news_ps[0], "press_briefing", "")

    # ---------------- improper look-ups ----------------
    ops = [e for e in range(NE) if employees[e]["kind"] in ("basisteam", "meldkamer", "intake_service", "recherche", "specialistisch", "informatie_analyse", "ondersteuning")]
    withp = [e for e in ops if employees[e]["pid"] is not None]
    ninc_ = [0]
    used = set()

    def pick(pool):
        for _ in range(100):
            e = R.choice(pool)
            if e not in used and worked[e]: used.add(e); return e
        return R.choice(pool)

    def t_on(e, offshift=False):
        sh = [w for w in worked[e] if loc(0, 0) <= w[0] < END - 86400]
        if not offshift and sh:
            st, en, _ = R.choice(sh); return R.randint(st + 300, en - 300)
        for _ in range(200):
            day = R.randrange(DAYS); t = loc(day, R.choice([R.randint(17, 23), R.randint(7, 12), R.randint(0, 2)]) * 3600 + R.randrange(3600))
            if not any(st - 3600 <= t < en + 3600 for st, en, _ in worked[e]): return t
        return loc(R.randrange(DAYS), 20 * 3600)

    def pretext(e):
        """A real case number of the employee's own team (the person is not in it)."""
        tid = employees[e]["team"]
        cs = [c[0] for c in cases[:5000] if c[3] == tid]
        return R.choice(cs) if cs and R.random() < 0.5 else ""

    def incident(scen, e, targets, n, spread_days, off=0.25, actions=None, ctx_case=None):
        ninc_[0] += 1; iid = "I-12-%03d" % ninc_[0]
        base = t_on(e, R.random() < off)
        for i in range(n):
            p = targets[i % len(targets)]
            t = base + (R.randint(0, spread_days * 86400) if spread_days else R.randint(0, 1800))
            if spread_days and R.random() > off:  # keep later ones inside a shift
                sh = shift_at(e, t)
                if sh is None:
                    t = t_on(e)
            t = min(t, END - 600)
            case = ctx_case if ctx_case is not None and R.random() < 0.5 else (pretext(e) if R.random() < 0.2 else "")
            act = R.choice(actions) if actions else ("view" if R.random() < 0.6 else "query")
            ev(t, e, p, "", case, act, None, iid, scen)
        return iid

    def counts(k):
        return R.randint(3, 6) if k != "news_hype" else R.randint(5, 9)

    def others(p):
        return [y for y, k in rel_of[p]]

    for scen in ["self", "family", "partner", "ex_partner", "neighbour", "surname_relative", "colleague", "vip_curiosity", "shielded",
                 "sensitive_investigation", "off_shift", "browsing", "following", "export_print", "news_hype", "volume_spike"]:
        for _ in range(counts(scen)):
            if scen == "self":
                e = pick(withp); incident(scen, e, [employees[e]["pid"]], R.randint(1, 3), R.choice([0, 10]))
            elif scen in ("family", "partner", "ex_partner"):
                want = {"family": ("parent", "child", "sibling"), "partner": ("partner",), "ex_partner": ("ex_partner",)}[scen]
                cand = [e for e in withp if e not in used and any(k in want for _, k in rel_of[employees[e]["pid"]])]
                if not cand: continue
                e = R.choice(cand); used.add(e); pid = employees[e]["pid"]
                tg = [y for y, k in rel_of[pid] if k in want]
                tg = R.sample(tg, min(len(tg), 2))
                if scen == "ex_partner":  # also the ex's new partner / household
                    tg += [y for y, k in rel_of[tg[0]] if k in ("partner", "household")][:1]
                    incident(scen, e, tg, R.randint(3, 10), R.randint(7, 25), 0.4)
                else:
                    incident(scen, e, tg, R.randint(1, 4), R.choice([0, 5, 12]))
            elif scen == "neighbour":
                e = pick(withp); pid = employees[e]["pid"]
                nb = [q for q in pc_people[P_pc[pid]] if hh_of[q] != hh_of[pid]]
                if nb: incident(scen, e, R.sample(nb, min(len(nb), R.randint(1, 2))), R.randint(1, 4), R.choice([0, 8]))
            elif scen == "surname_relative":
                cand = [e for e in withp if e not in used and 3 <= len(sur_idx[employees[e]["sur"]]) <= 60]
                if not cand: continue
                e = R.choice(cand); used.add(e); pid = employees[e]["pid"]
                kn = set(others(pid)) | {pid}
                tg = [q for q in sur_idx[employees[e]["sur"]] if q not in kn]
                if tg: incident(scen, e, R.sample(tg, min(len(tg), R.randint(1, 3))), R.randint(1, 4), R.choice([0, 6]))
            elif scen == "colleague":
                e = pick(ops); tm = [x for x in team_emps[employees[e]["team"]] if x != e and employees[x]["pid"] is not None]
                if not tm or R.random() < 0.3: tm = [x for x in withp if x != e]
                incident(scen, e, [employees[R.choice(tm)]["pid"]], R.randint(1, 3), R.choice([0, 4]))
            elif scen == "vip_curiosity":
                e = pick(ops); incident(scen, e, [R.choice(vips)], R.randint(1, 3), R.choice([0, 2]))
            elif scen == "shielded":
                e = pick(ops); incident(scen, e, [R.choice(shielded)], R.randint(1, 2), 0)
            elif scen == "sensitive_investigation":
                iv = R.choice([x for x in invs if x[4]])
                pool = [x for x in ops if x not in iv[2] and employees[x]["unit"] in (iv[5], "nn_regio")]
                e = pick(pool)
                incident(scen, e, R.sample(iv[1], min(len(iv[1]), R.randint(1, 3))), R.randint(1, 5), R.choice([0, 3, 9]), 0.2)
            elif scen == "off_shift":
                e = pick([x for x in ops if not employees[x]["unreg"]])
                incident(scen, e, [R.randrange(NP) for _ in range(R.randint(1, 4))], R.randint(2, 7), 0, 1.0)
            elif scen == "browsing":
                e = pick(ops); d = employees[e]["unit"] if employees[e]["unit"] in DN else R.choice(DN)
                tg = [area_person(d) for _ in range(R.randint(14, 40))]
                incident(scen, e, tg, len(tg) + R.randint(0, 6), 0, 0.15, ["query", "query", "view"])
            elif scen == "following":
                e = pick(ops); d = employees[e]["unit"] if employees[e]["unit"] in DN else R.choice(DN)
                incident(scen, e, [area_person(d)], R.randint(6, 15), R.randint(14, 28), 0.3)
            elif scen == "export_print":
                e = pick(ops); p = R.randrange(NP)
                iid = incident(scen, e, [p], 1, 0, 0.2, ["view"])
                tl = [x for x in EV if x[7] == iid][0][0]
                for _ in range(R.randint(1, 2)): ev(tl + R.randint(20, 600), e, p, "", "", R.choice(["print", "export"]), None, iid, scen)
            elif scen == "news_hype":
                pool = [x for x in ops if x not in team_emps[drr]]
                e = pick(pool); ninc_[0] += 1; iid = "I-12-%03d" % ninc_[0]
                for _ in range(R.randint(1, 3)):
                    t = min(ninc[0] + R.randint(2 * 3600, 3 * 86400), END - 600)
                    ev(t, e, R.choice(news_ps[:2]), "", news_case if R.random() < 0.15 else "", R.choice(["view", "query"]), None, iid, scen)
            elif scen == "volume_spike":
                e = pick([x for x in ops if employees[x]["kind"] in ("basisteam", "meldkamer", "intake_service")])
                d = employees[e]["unit"] if employees[e]["unit"] in DN else R.choice(DN)
                ninc_[0] += 1; iid = "I-12-%03d" % ninc_[0]
                sh = [w for w in worked[e] if loc(0, 0) <= w[0] < END - 86400]
                st, en, _ = R.choice(sh)
                for _ in range(R.randint(45, 140)):
                    ev(R.randint(st, en), e, area_person(d), "", "", "query" if R.random() < 0.75 else "view", None, iid, scen)

    # ---------------- write ----------------
    files = []

    def W(name):
        f = open(os.path.join(a.out, name), "w", newline="", encoding="utf-8"); files.append(f)
        return csv.writer(f, lineterminator="\n")
    w = W("units.csv"); w.writerow(["unit_id", "name", "fte"])
    for u, n in units:
        w.writerow([u, n, "%.1f" % (sum(1 for E in employees if E["unit"] == u) * 0.87)])
    w = W("teams.csv"); w.writerow(["team_id", "unit_id", "kind", "name"]); [w.writerow(t) for t in teams]
    w = W("employees.csv"); w.writerow(["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function"])
    rows = []
    for e, E in enumerate(employees):
        rows.append([E["id"], "P%07d" % E["pid"] if E["pid"] is not None else "", E["sur"], E["unit"], E["team"], E["rank"], E["fn"]])
    for e, nt in transfers.items():  # old row first, the later state at the end
        E = employees[e]; rows.append([E["id"], "P%07d" % E["pid"] if E["pid"] is not None else "", E["sur"], E["unit"], nt, E["rank"], E["fn"]])
    [w.writerow(r) for r in rows]
    w = W("persons.csv"); w.writerow(["person_id", "surname", "birth_year", "postcode", "house_number", "flags"])
    for i in range(NP):
        pc = P_pc[i]
        w.writerow(["P%07d" % i, P_sur[i], P_by[i] if R.random() > 0.01 else "", pc[:4] + " " + pc[4:] if i % 9 == 0 else pc, P_hn[i], P_flags[i]])
    w = W("relations.csv"); w.writerow(["person_id", "related_person_id", "kind"])
    for x, y, k in rel:
        if R.random() < 0.9: w.writerow(["P%07d" % x, "P%07d" % y, k])  # registry is incomplete
    w = W("cases.csv"); w.writerow(["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"]); [w.writerow(c) for c in cases]
    w = W("case_persons.csv"); w.writerow(["case_id", "person_id", "role"]); [w.writerow(c) for c in cpers]
    w = W("case_staff.csv"); w.writerow(["case_id", "employee_id", "from", "to"]); [w.writerow(c) for c in cstaff]
    w = W("shifts.csv"); w.writerow(["employee_id", "start", "end"])
    for e in range(NE):
        for st, en, rg in sorted(worked[e]):
            if rg: w.writerow([employees[e]["id"], fmt(st), fmt(en)])
    T0 = loc(0, 0)
    order = sorted((i for i in range(len(EV)) if T0 <= EV[i][0] < END), key=lambda i: (EV[i][0], i))
    w = W("events.csv"); w.writerow(["id", "ts", "employee_id", "system", "action", "person_id", "case_id"])
    wt = W("truth.csv"); wt.writerow(["event_id", "incident_id", "scenario"])
    wd = W("debug_sources.csv") if a.debug else None
    if wd: wd.writerow(["event_id", "source"])
    for n, i in enumerate(order):
        t, e, sy, act, p, c, src, iid, scen = EV[i]; eid = "e-%07d" % (n + 1)
        w.writerow([eid, fmt(t), employees[e]["id"], sy, act, "P%07d" % p, c])
        if iid: wt.writerow([eid, iid, scen])
        elif wd: wd.writerow([eid, src])
    for f in files: f.close()


if __name__ == "__main__":
    main()
