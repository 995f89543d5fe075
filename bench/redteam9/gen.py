#!/usr/bin/env python3
"""Red-team world 9: the national unit (Landelijke Eenheid).

Independent generator of a lekradar world (docs/formats.md): context directory,
events.jsonl and truth.csv.  Standard library only.

    python3 bench/redteam9/gen.py OUTDIR --seed S
"""
import argparse
import calendar
import gzip
import os
import random
import time

START = (2026, 3, 16)          # Monday; the log runs across the change to summer time (29 March)
DAYS = 28
N_PERSONS = 210000
DST_SWITCH = calendar.timegm((2026, 3, 29, 1, 0, 0))   # 01:00 UTC
DAY0_NAIVE = calendar.timegm(START + (0, 0, 0))        # local midnight as if it were UTC
EASTER_MONDAY = 21                                      # 6 April 2026 = day 21

LE = "landelijke_eenheid"
REGIONS = [("noord_nederland", "NN"), ("oost_nederland", "ON"), ("midden_nederland", "MN"),
           ("noord_holland", "NH"), ("amsterdam", "AMS"), ("den_haag", "DH"), ("rotterdam", "RT"),
           ("zeeland_west_brabant", "ZWB"), ("oost_brabant", "OB"), ("limburg", "LB")]


def local_to_utc(d, hours):
    naive = DAY0_NAIVE + d * 86400 + int(hours * 3600)
    u = naive - 3600
    if u >= DST_SWITCH:
        u = naive - 7200
    return u


def day_of(ts):
    """local day index of a UTC epoch"""
    off = 7200 if ts >= DST_SWITCH else 3600
    return (ts + off - DAY0_NAIVE) // 86400


def local_hour(ts):
    off = 7200 if ts >= DST_SWITCH else 3600
    return ((ts + off - DAY0_NAIVE) % 86400) / 3600.0


def fmt_z(ts, sep="T", z="Z"):
    g = time.gmtime(ts)
    return "%04d-%02d-%02d%s%02d:%02d:%02d%s" % (g[0], g[1], g[2], sep, g[3], g[4], g[5], z)


def fmt_local(ts, sep="T", frac=""):
    off = 7200 if ts >= DST_SWITCH else 3600
    g = time.gmtime(ts + off)
    return "%04d-%02d-%02d%s%02d:%02d:%02d%s+%02d:00" % (g[0], g[1], g[2], sep, g[3], g[4], g[5], frac, off // 3600)


def fmt_date(ts):
    off = 7200 if ts >= DST_SWITCH else 3600
    g = time.gmtime(ts + off)
    return "%04d-%02d-%02d" % (g[0], g[1], g[2])


def csvq(v):
    v = str(v)
    if any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write_csv(path, header, rows, bom=False, crlf=False, gz=False, pad=False):
    nl = "\r\n" if crlf else "\n"
    out = []
    out.append(",".join(header))
    for r in rows:
        if pad:
            out.append(",".join(" " + csvq(x) + " " if (x != "" and csvq(x) == str(x)) else csvq(x) for x in r))
        else:
            out.append(",".join(csvq(x) for x in r))
    text = nl.join(out) + nl
    data = (("\ufeff" if bom else "") + text).encode("utf-8")
    if gz:
        with gzip.open(path + ".gz", "wb") as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


COMMON = ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
          "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
          "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
          "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen",
          "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems",
          "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven", "Koster", "van Dam", "van der Wal",
          "Prins", "Blom", "Huisman", "Peeters", "de Jonge", "Kuipers", "van Veen", "Post", "Kuiper",
          "Veenstra", "Kramer", "van den Brink", "Scholten", "Yilmaz", "Kaya", "Öztürk", "El Amrani",
          "Bennani", "Nguyen", "Kartosen", "Pinas", "Wong", "Şahin", "El Idrissi", "Demir"]
SYL1 = ["Ber", "Hal", "Wes", "Kor", "Dam", "Ulf", "Tjal", "Sie", "Rij", "Ouw", "Bree", "Gel", "Hui",
        "Kno", "Lam", "Mee", "Nij", "Pol", "Ros", "Sto", "Ter", "Vel", "Wal", "Zan", "Eck", "Fok", "Gor"]
SYL2 = ["kamp", "stra", "ma", "huis", "link", "horst", "veld", "mans", "dijk", "berg", "sma", "inga",
        "ink", "ert", "hof", "loo", "rink", "sen", "wijk", "gaard", "kes", "tjes", "ens", "ing"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    R = random.Random(a.seed)
    out = a.outdir
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.endswith(".csv") or old.endswith(".csv.gz") or old == "events.jsonl":
            os.remove(os.path.join(out, old))

    # ------------------------------------------------------------------ population
    cw = [1.0 / (i + 3) ** 0.9 for i in range(len(COMMON))]
    psur, pby, ppc, phn, pflags = [], [], [], [], []
    households = []          # list of lists of person idx
    relations = []           # (pid_idx, rel_idx, kind)
    hh_of = []
    pc_members = {}
    rare_used = set()

    def new_postcode():
        while True:
            pc = "%04d%s%s" % (R.randint(1000, 9999), R.choice("ABCEGHJKLMNPRSTVWXZ"), R.choice("ABCEGHJKLMNPRTVWXZ"))
            if pc not in pc_members:
                pc_members[pc] = []
                return pc

    def rare_surname():
        while True:
            s = R.choice(SYL1) + R.choice(["", "", "el", "en", "er", "ke", "ter", "we", "ra"]) + R.choice(SYL2) + R.choice(["", "", "e", "er", "s"])
            if R.random() < 0.3:
                s = R.choice(["van ", "ter ", "ten ", "de "]) + s
            if s not in rare_used and s not in COMMON:
                rare_used.add(s)
                return s

    rare_pool = []           # rare surnames in use (1-3 households each, no relations between them)
    pc = new_postcode()
    pc_left = R.randint(5, 14)
    while len(psur) < N_PERSONS:
        if pc_left == 0:
            pc = new_postcode()
            pc_left = R.randint(5, 14)
        pc_left -= 1
        size = R.choices([1, 2, 3, 4, 5], [36, 27, 14, 15, 8])[0]
        if R.random() < 0.55:
            sur = R.choices(COMMON, cw)[0]
        elif rare_pool and R.random() < 0.25:
            sur = R.choice(rare_pool)
        else:
            sur = rare_surname()
            rare_pool.append(sur)
        hn = str(R.randint(1, 180)) + R.choice(["", "", "", "", "A", "-2", "-II", " bis"])
        hh = []
        base_by = R.randint(1946, 2004)
        for k in range(size):
            i = len(psur)
            hh.append(i)
            if k == 0:
                by = base_by
            elif k == 1 and size >= 2:
                by = base_by + R.randint(-4, 4)
            else:
                by = min(2025, base_by + R.randint(22, 38))
            psur.append(sur if (k != 1 or R.random() < 0.6) else R.choices(COMMON, cw)[0])
            pby.append(by)
            ppc.append(pc)
            phn.append(hn)
            pflags.append("")
            hh_of.append(len(households))
            pc_members[pc].append(i)
        households.append(hh)
        if size >= 2:
            relations.append((hh[0], hh[1], "partner"))
            for c in hh[2:]:
                relations.append((c, hh[0], "parent"))
                if R.random() < 0.5:
                    relations.append((hh[1], c, "child"))
            for x in range(2, len(hh) - 1):
                relations.append((hh[x], hh[x + 1], "sibling"))
        if size >= 1 and R.random() < 0.03:
            relations.append((hh[0], R.randrange(max(1, len(psur) - 50000), len(psur)), "ex_partner"))
    NP = len(psur)
    PID = ["P%07d" % (i + 20000) for i in range(NP)]
    adults = [i for i in range(NP) if 1956 <= pby[i] <= 2004]

    # flags
    vip_royal = R.sample(adults, 10)
    vip_other = R.sample(adults, 70)
    vips = vip_royal + vip_other
    for i in vips:
        pflags[i] = R.choice(["vip", "VIP", " vip ", "vip;gevaarlijk"])
    shielded = R.sample(adults, 40)
    for i in shielded:
        pflags[i] = "shielded"
    for i in R.sample(range(NP), NP // 250):
        if not pflags[i]:
            pflags[i] = R.choice(["deceased", "Deceased"])
    famous_unflagged = [i for i in R.sample(adults, 6) if not pflags[i]]

    # ------------------------------------------------------------------ organisation
    teams = []   # (team_id, unit, kind, name, group, size)
    def T(tid, kind, name, group, size, unit=LE):
        teams.append((tid, unit, kind, name, group, size))
    for k in range(4):
        T("LE-LOC-%d" % (k + 1), "meldkamer", "Landelijk Operationeel Centrum, ploeg %d" % (k + 1), "loc", 36)
    for k in range(6):
        T("LE-DLIO-%d" % (k + 1), "informatie_analyse", "DLIO analyse %d" % (k + 1), "dlio", 35)
    for k in range(12):
        T("LE-DLR-%02d" % (k + 1), "recherche", "Dienst Landelijke Recherche team %d" % (k + 1), "dlr", 30)
    for k in range(3):
        T("LE-THTC-%d" % (k + 1), "recherche", "Team High Tech Crime %d" % (k + 1), "thtc", 30)
    for k, w in enumerate(["Rijn", "Waal", "IJsselmeer", "Noordzeekanaal", "Schelde", "Maas", "Waddenzee", "Amsterdam-Rijnkanaal"]):
        T("LE-WATER-%d" % (k + 1), "basisteam", "Waterpolitie %s" % w, "water", 40)
    for k, w in enumerate(["A2", "A4", "A12", "A15", "A1", "A27"]):
        T("LE-VERK-%d" % (k + 1), "noodhulp", "Verkeerspolitie rijkswegen %s" % w, "traffic", 40)
    for k in range(4):
        T("LE-DSI-AT-%d" % (k + 1), "specialistisch", "DSI arrestatieteam %d" % (k + 1), "at", 30)
    for k in range(6):
        T("LE-LOT-%d" % (k + 1), "specialistisch", "Landelijk observatieteam %d" % (k + 1), "ot", 30)
    for k in range(6):
        T("LE-DKDB-%d" % (k + 1), "specialistisch", "DKDB beveiliging %d" % (k + 1), "prot", 40)
    for k in range(2):
        T("LE-LMIO-%d" % (k + 1), "intake_service", "Landelijk meldpunt internetoplichting %d" % (k + 1), "intake", 40)
    T("LE-GB", "specialistisch", "Getuigenbescherming", "wp", 25)
    for k in range(4):
        T("LE-STAF-%d" % (k + 1), "staf", "Staf, directie %d" % (k + 1), "staf", 30)
    for k in range(4):
        T("LE-OND-%d" % (k + 1), "ondersteuning", "Bedrijfsvoering %d" % (k + 1), "ond", 40)
    T("LE-NEW", "", "", "none", 0)   # a team of unknown kind (empty)
    region_teams = {}
    for unit, ab in REGIONS:
        region_teams[unit] = []
        for k in range(3):
            tid = "%s-REC-%d" % (ab, k + 1)
            teams.append((tid, unit, "recherche", "Districtsrecherche %s %d" % (ab, k + 1), "reg", 0))
            region_teams[unit].append(tid)
        teams.append(("%s-BT-1" % ab, unit, "basisteam", "Basisteam %s 1" % ab, "reg", 0))

    funcs = {"loc": "meldkamer", "dlio": "analist", "dlr": "rechercheur", "thtc": "digitaal rechercheur",
             "water": "waterpolitie", "traffic": "verkeerspolitie", "at": "arrestatieteam", "ot": "observant",
             "prot": "beveiliger", "intake": "intake", "wp": "getuigenbeschermer", "staf": "staf", "ond": "bedrijfsvoering"}
    rank_dist = {
        "loc": (["hoofdagent", "brigadier", "burger", "inspecteur"], [40, 25, 30, 5]),
        "dlio": (["burger", "hoofdagent", "brigadier", "inspecteur"], [65, 15, 12, 8]),
        "dlr": (["hoofdagent", "brigadier", "inspecteur", "burger", "hoofdinspecteur"], [30, 35, 15, 17, 3]),
        "thtc": (["burger", "brigadier", "inspecteur", "extern"], [50, 25, 10, 15]),
        "water": (["agent", "hoofdagent", "brigadier", "inspecteur", "aspirant"], [20, 45, 25, 5, 5]),
        "traffic": (["agent", "hoofdagent", "brigadier", "inspecteur", "aspirant"], [25, 45, 20, 5, 5]),
        "at": (["hoofdagent", "brigadier", "inspecteur"], [50, 40, 10]),
        "ot": (["hoofdagent", "brigadier", "inspecteur"], [50, 40, 10]),
        "prot": (["hoofdagent", "brigadier", "inspecteur", "hoofdinspecteur"], [45, 40, 12, 3]),
        "intake": (["burger", "surveillant", "agent"], [70, 15, 15]),
        "wp": (["brigadier", "inspecteur"], [70, 30]),
        "staf": (["burger", "hoofdinspecteur", "commissaris", "inspecteur", "hoofdcommissaris"], [50, 20, 10, 17, 3]),
        "ond": (["burger", "extern", ""], [80, 18, 2]),
    }
    used_persons = set(vips) | set(shielded)
    emps = []   # dict per employee
    eid_n = 10000
    for (tid, unit, kind, name, group, size) in teams:
        for k in range(size):
            eid_n += R.randint(1, 7)
            while True:
                pidx = R.choice(adults)
                if pidx not in used_persons and 1960 <= pby[pidx] <= 2003:
                    break
            used_persons.add(pidx)
            rl, rw = rank_dist[group]
            e = {"id": "LE%05d" % eid_n, "pidx": pidx, "team": tid, "group": group,
                 "rank": R.choices(rl, rw)[0], "func": funcs[group],
                 "known_pid": R.random() < 0.93, "start_day": 0, "old_team": None,
                 "has_shifts": True}
            if e["rank"] == "extern":
                e["has_shifts"] = R.random() < 0.3
            if R.random() < 0.03:
                e["start_day"] = R.randint(5, 20)     # new staff, no history
            emps.append(e)
    # transfers: listed twice in employees.csv, the later row wins
    by_group = {}
    for e in emps:
        by_group.setdefault(e["group"], []).append(e)
    team_members = {}
    for e in emps:
        team_members.setdefault(e["team"], []).append(e)
    for e in R.sample(by_group["dlr"], 6) + R.sample(by_group["dlio"], 4):
        other = R.choice([t for t in team_members if t.startswith(e["team"][:6]) and t != e["team"]])
        e["old_team"] = e["team"]
        e["team"] = other
        e["transfer_day"] = R.randint(3, 10)
    E_BY_ID = {e["id"]: e for e in emps}
    emp_of_person = {e["pidx"]: e for e in emps}

    # give some employees family nearby (parents/siblings elsewhere, with relations rows)
    for e in R.sample(emps, len(emps) // 3):
        p = e["pidx"]
        tgt = R.choice(adults)
        if tgt in emp_of_person or pflags[tgt]:
            continue
        psur[tgt] = psur[p]
        relations.append((p, tgt, R.choice(["parent", "sibling", "sibling"])))
    # extended-family cousins: same uncommon surname, other household, NO relation row
    cousins = {}
    rare_emps = [e for e in emps if psur[e["pidx"]] not in COMMON]
    for e in R.sample(rare_emps, min(len(rare_emps), 120)):
        tgt = R.choice(adults)
        if tgt in emp_of_person or pflags[tgt] or hh_of[tgt] == hh_of[e["pidx"]]:
            continue
        psur[tgt] = psur[e["pidx"]]
        cousins[e["id"]] = tgt
    # ex-partners of employees
    expart = {}
    for e in R.sample(emps, 160):
        tgt = R.choice(adults)
        if tgt in emp_of_person or pflags[tgt]:
            continue
        relations.append((e["pidx"], tgt, "ex_partner") if R.random() < 0.7 else (tgt, e["pidx"], "ex_partner"))
        expart[e["id"]] = tgt

    # ------------------------------------------------------------------ shifts
    shifts = {}     # eid -> list of (s, e)
    for e in emps:
        g = e["group"]
        L = []
        rot = R.randrange(21)
        for d in range(DAYS):
            if d < e["start_day"]:
                continue
            wd = (d % 7)      # 0 = Monday
            if g in ("loc", "water", "traffic"):
                cyc = (d + rot) % 7
                if cyc >= 5:
                    continue
                typ = ((d + rot) // 7 + e["pidx"]) % 3
                if typ == 0:
                    s, en = 7, 15
                elif typ == 1:
                    s, en = 15, 23
                else:
                    s, en = 23, 31
                s += R.choice([0, 0, 0, -0.25, -0.5])
                en += R.choice([0, 0, 0, 0.25, 0.5, 1.0])
            elif g == "prot":
                cyc = (d + rot) % 8
                if cyc >= 4:
                    continue
                s = [6, 12, 18][(rot + (d + rot) // 8) % 3]
                en = s + 12
            elif g in ("ot", "at"):
                if wd >= 5 and R.random() < 0.75:
                    continue
                if R.random() < 0.12:
                    continue
                if g == "ot":
                    s = R.choice([6, 6, 8, 14])
                    en = s + 9
                else:
                    s = R.choice([4, 7.5, 8, 8])
                    en = s + 9
            else:
                if wd >= 5 or d == EASTER_MONDAY:
                    if not (g in ("dlr", "dlio", "intake") and R.random() < 0.06):
                        continue
                if R.random() < 0.08:      # leave, sickness
                    continue
                s = R.choice([7, 7.5, 8, 8, 8.5, 9, 9.5])
                en = s + R.choice([8, 8.5, 9, 9])
                if g in ("dlr", "thtc") and R.random() < 0.08:
                    en += R.choice([1, 2, 4])    # long day in an investigation
            L.append((local_to_utc(d, s), local_to_utc(d, en)))
        shifts[e["id"]] = L

    # on-shift index per group and hour bucket
    onshift = {}
    for e in emps:
        for (s, en) in shifts[e["id"]]:
            h0 = s // 3600
            h1 = en // 3600
            for h in range(h0, h1 + 1):
                onshift.setdefault((e["group"], h), []).append((e, s, en))

    def on_shift(group, t, team=None):
        c = [x for x in onshift.get((group, t // 3600), ()) if x[1] <= t < x[2] - 900]
        if team:
            c2 = [x for x in c if x[0]["team"] == team]
            if c2:
                return c2
        return c

    # ------------------------------------------------------------------ cases
    cases = []          # dict: id, kind, unit, team, opened(ts), opened_fmt, closed_fmt, sensitive, persons[(idx, role)]
    case_staff = []     # (case_id, eid, from_str, to_str)
    staff_cases = {}    # eid -> list of (case, from_ts, to_ts)
    team_cases = {}     # team -> list of cases
    T0 = local_to_utc(0, 0)
    TEND = local_to_utc(DAYS, 0)
    ncase = [0]

    def new_case(kind, unit, team, opened, closed, sensitive, persons, prefix):
        ncase[0] += 1
        c = {"id": "%s-%06d" % (prefix, ncase[0]), "kind": kind, "unit": unit, "team": team,
             "opened": opened, "closed": closed, "sensitive": sensitive, "persons": persons}
        cases.append(c)
        if team:
            team_cases.setdefault(team, []).append(c)
        return c

    def assign(c, e, f, t, date_only=True):
        fs = "" if f is None else (fmt_date(f) if date_only else fmt_z(f))
        ts = "" if t is None else (fmt_date(t) if date_only else fmt_z(t))
        case_staff.append((c["id"], e["id"], fs, ts))
        staff_cases.setdefault(e["id"], []).append((c, f if f is not None else 0,
                                                    (t + 86400 if date_only else t) if t is not None else 10 ** 11))

    def rp():
        # a random member of the public; the world's staff are 1.1% of its population (3x the
        # real share), so two in three draws that hit an employee's own record are drawn again
        p = R.randrange(NP)
        if p in emp_of_person and R.random() < 0.67:
            p = R.randrange(NP)
        return p

    def rand_people(n):
        return [rp() for _ in range(n)]

    # long investigations of LE (DLR, THTC): organised crime, cyber; 20% sensitive
    for (tid, unit, kind, name, group, size) in teams:
        if group not in ("dlr", "thtc"):
            continue
        members = team_members[tid]
        for k in range(R.randint(4, 7)):
            opened = local_to_utc(R.randint(-200, 20), 0)
            closed = local_to_utc(R.randint(8, 60), 0) if R.random() < 0.25 else None
            if closed is not None and closed <= opened:
                closed = None
            n = R.randint(6, 35)
            ps = [(p, "verdachte" if j < max(1, n // 5) else R.choice(["getuige", "betrokkene", "slachtoffer", "verdachte"]))
                  for j, p in enumerate(rand_people(n))]
            c = new_case("investigation", LE, tid, opened, closed, R.random() < 0.2, ps, "LE-ONDZ")
            for e in R.sample(members, R.randint(4, min(14, len(members)))):
                f = opened if R.random() < 0.5 else max(opened, local_to_utc(R.randint(-30, 15), 0))
                to = local_to_utc(R.randint(10, 27), 0) if R.random() < 0.15 else None
                if to is not None and to < f:
                    to = None
                assign(c, e, None if R.random() < 0.1 else f, to)
            for e in R.sample(by_group["dlio"], R.randint(1, 3)):
                assign(c, e, opened, None)
    # regional investigations that LE supports (observation, arrest, analysis)
    reg_inv = []
    for unit, ab in REGIONS:
        for tid in region_teams[unit]:
            for k in range(R.randint(2, 4)):
                opened = local_to_utc(R.randint(-150, 10), 0)
                n = R.randint(5, 25)
                ps = [(p, "verdachte" if j < 3 else R.choice(["getuige", "betrokkene", "slachtoffer"])) for j, p in enumerate(rand_people(n))]
                c = new_case("investigation", unit, tid, opened, None, R.random() < 0.3, ps, "%s-ONDZ" % ab)
                reg_inv.append(c)
                # observation team for a period
                if R.random() < 0.6:
                    ot_team = R.choice([t for t in team_members if t.startswith("LE-LOT")])
                    fd = R.randint(0, 18)
                    for e in R.sample(team_members[ot_team], R.randint(4, 9)):
                        assign(c, e, local_to_utc(fd, 0), local_to_utc(min(DAYS - 1, fd + R.randint(5, 14)), 0))
                    c["ot"] = (ot_team, fd)
                # arrest day
                if R.random() < 0.35:
                    at_team = R.choice([t for t in team_members if t.startswith("LE-DSI-AT")])
                    ad = R.randint(3, DAYS - 2)
                    c["arrest"] = (at_team, ad)
                    for e in R.sample(team_members[at_team], R.randint(5, 10)):
                        assign(c, e, local_to_utc(ad - 1, 9), local_to_utc(ad, 16), date_only=False)
                for e in R.sample(by_group["dlio"], R.randint(0, 2)):
                    assign(c, e, None, None)
    # protection assignments: protected public figures and those who threaten them
    prot_cases = []
    prot_teams = [t for t in team_members if t.startswith("LE-DKDB")]
    protected = vip_royal + vip_other[:18]
    for j, p in enumerate(protected):
        tid = prot_teams[j % len(prot_teams)]
        ps = [(p, "beveiligde")] + [(x, "dreiger") for x in rand_people(R.randint(0, 5))]
        c = new_case("investigation", LE, tid, local_to_utc(-R.randint(30, 900), 0), None,
                     R.random() < 0.5, ps, "LE-BEV")
        prot_cases.append(c)
    # witness protection
    wp_cases = []
    for p in shielded:
        c = new_case("investigation", LE, "LE-GB", local_to_utc(-R.randint(60, 2000), 0), None, True,
                     [(p, "beschermde getuige")], "LE-GB")
        wp_cases.append(c)
    # incidents of the LE unit: water, highways, protection, arrests; and regional incidents
    le_inc = []
    reg_inc = []
    for d in range(DAYS):
        for grp, per_day in (("water", 70), ("traffic", 120), ("prot", 6)):
            for k in range(per_day + R.randint(-10, 10) if per_day > 10 else per_day):
                hr = R.choices(range(24), [2, 1, 1, 1, 1, 2, 3, 5, 7, 7, 7, 7, 7, 7, 7, 8, 9, 9, 8, 6, 5, 4, 3, 3])[0]
                t = local_to_utc(d, hr + R.random())
                cand = onshift.get((grp, t // 3600))
                team = R.choice(cand)[0]["team"] if cand else None
                n = R.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
                ps = [(p, R.choice(["betrokkene", "bestuurder", "schipper", "verdachte", "slachtoffer", "getuige"]))
                      for p in rand_people(n)]
                if R.random() < 0.004:
                    ps.append((R.choice(emps)["pidx"], "betrokkene"))      # a colleague in an incident
                if R.random() < 0.003:
                    ps.append((R.choice(vips), "betrokkene"))
                closed = t + R.randint(1800, 6 * 3600)
                c = new_case("incident", LE, team, t, closed, False, ps, "LE-INC")
                c["grp"] = grp
                le_inc.append(c)
        for unit, ab in REGIONS:
            for k in range(R.randint(15, 25)):
                t = local_to_utc(d, R.random() * 24)
                ps = [(p, "betrokkene") for p in rand_people(R.randint(1, 3))]
                c = new_case("incident", unit, "%s-BT-1" % ab, t, t + R.randint(1800, 5 * 3600), False, ps, "%s-INC" % ab)
                reg_inc.append(c)
    # intakes are created on the fly (below) as the desk works

    # ------------------------------------------------------------------ events
    ev = []   # (ts, eid, system, action, pidx, case_id or None, tag)
    SYS_INC = ["bvh", "bvh", "meos", "brp"]

    def add(ts, e, sysn, action, p, cid=None, tag=None):
        ev.append((ts, e["id"], sysn, action, p, cid, tag))

    def act(exp=0.0):
        r = R.random()
        if r < exp:
            return R.choice(["export", "print"])
        return "view" if r < 0.6 else "query"

    # the news event (legitimate): an attack near a state visit, an LE incident on day 11
    news_day = 11
    news_t = local_to_utc(news_day, 14.3)
    news_vip = vip_royal[0]
    news_ps = [(news_vip, "slachtoffer"), (rp(), "verdachte"), (rp(), "verdachte"), (rp(), "getuige")]
    news_case = new_case("incident", LE, prot_teams[0], news_t, None, True, news_ps, "LE-INC")
    news_case["grp"] = "prot"
    news_inv = new_case("investigation", LE, "LE-DLR-01", local_to_utc(news_day + 1, 0), None, True, news_ps[1:], "LE-ONDZ")
    # incident-driven look-ups
    for c in le_inc + [news_case]:
        t = c["opened"]
        grp = c["grp"]
        cands = on_shift(grp, t, c["team"])
        if not cands:
            continue
        resp = R.sample(cands, min(len(cands), R.choice([1, 2, 2, 3])))
        for (e, s, en) in resp:
            for (p, role) in c["persons"]:
                for k in range(R.choice([1, 1, 2, 2, 3, 4])):
                    tt = t + R.randint(60, 3 * 3600)
                    if tt >= en:
                        tt = en - R.randint(60, 900)
                    if tt < t:
                        tt = t + 30
                    add(tt, e, R.choice(SYS_INC + ["rdw"] if grp == "traffic" else SYS_INC), act(0.004),
                        p, c["id"] if R.random() < 0.25 else None)
        if R.random() < 0.7:
            lc = on_shift("loc", t)
            if lc:
                e = R.choice(lc)[0]
                for (p, role) in c["persons"]:
                    add(t + R.randint(20, 600), e, "bvh", "query", p)
    # news: many LE staff legitimately look at the case's people in the following days
    for grp, frac in (("prot", 0.6), ("loc", 0.5), ("dlio", 0.25), ("dlr", 0.1), ("at", 0.15)):
        for e in R.sample(by_group[grp], int(len(by_group[grp]) * frac)):
            sh = [x for x in shifts[e["id"]] if news_t - 3600 <= x[1] and x[0] <= news_t + 2 * 86400]
            if not sh:
                continue
            s, en = sh[0]
            for (p, role) in news_ps[:R.randint(1, 4)]:
                tt = max(s, news_t) + R.randint(60, 4 * 3600)
                if tt < en:
                    cid = news_inv["id"] if (tt > news_inv["opened"] and R.random() < 0.5) else (news_case["id"] if R.random() < 0.3 else None)
                    add(tt, e, "bvh", "view", p, cid)
    for e in R.sample(by_group["dlio"], 12):
        assign(news_inv, e, local_to_utc(news_day + 1, 8), None, date_only=False)
    for e in team_members["LE-DLR-01"][:10]:
        assign(news_inv, e, news_inv["opened"], None)

    # shift-driven work
    intake_rows = []
    all_le_inv = [c for c in cases if c["kind"] == "investigation" and c["unit"] == LE and c["team"] and c["team"].startswith(("LE-DLR", "LE-THTC"))]

    def pick_person(c):
        ps = c["persons"]
        if R.random() < 0.55:
            susp = [p for p, r in ps if r in ("verdachte", "beveiligde", "dreiger")]
            if susp:
                return R.choice(susp)
        return R.choice(ps)[0]

    def active_cases(e, t):
        return [c for (c, f, to) in staff_cases.get(e["id"], ()) if f <= t < to and (c["closed"] is None or t < c["closed"] + 86400 * 3)]

    def team_open(team, t):
        return [c for c in team_cases.get(team, ()) if c["kind"] == "investigation" and c["opened"] <= t and (c["closed"] is None or t < c["closed"])]

    for e in emps:
        g = e["group"]
        for (s, en) in shifts[e["id"]]:
            d = day_of(s)
            team = e["team"]
            if e["old_team"] and d < e["transfer_day"]:
                team = e["old_team"]
            span = en - s
            if g == "loc":
                n = R.randint(25, 50)
                for k in range(n):
                    t = s + R.randint(300, span - 300)
                    r = R.random()
                    if r < 0.6:
                        # national requests: regional incidents, quoting the regional case number
                        pool = [c for c in reg_inc[max(0, (d * 200) - 200):(d + 1) * 200 + 100] if c["opened"] <= t < c["opened"] + 6 * 3600]
                        if pool:
                            c = R.choice(pool)
                            add(t, e, "bvh", "query", R.choice(c["persons"])[0], c["id"] if R.random() < 0.8 else None)
                            continue
                    if r < 0.85:
                        pool = [c for c in le_inc[max(0, d * 200 - 200):(d + 1) * 200 + 100] if c["opened"] - 300 <= t < c["opened"] + 4 * 3600]
                        if pool:
                            c = R.choice(pool)
                            add(t, e, R.choice(["bvh", "meos"]), "query", R.choice(c["persons"])[0])
                            continue
                    # caller / foreign request without a record (legitimate, unexplained)
                    add(t, e, R.choice(["bvh", "brp", "sis"]), "query", rp())
            elif g in ("water", "traffic"):
                # skipper / driver checks on the water and the highways: no record explains them
                for k in range(R.randint(2, 6)):
                    t = s + R.randint(600, span - 600)
                    p = rp()
                    sysn = "rdw" if g == "traffic" else R.choice(["meos", "bvh"])
                    add(t, e, sysn, "query", p)
                    if R.random() < 0.15:
                        for j in range(R.randint(1, 2)):
                            add(t + R.randint(5, 50), e, sysn, "query", R.choice(households[hh_of[p]]) if R.random() < 0.5 else rp())
            elif g in ("dlr", "thtc", "dlio", "ot", "at", "wp", "prot"):
                if g == "dlio":
                    n = R.randint(20, 55)
                elif g in ("dlr", "thtc"):
                    n = R.randint(10, 30)
                elif g in ("ot", "at"):
                    n = R.randint(4, 16)
                else:
                    n = R.randint(3, 12)
                for k in range(n):
                    t = s + R.randint(300, span - 300)
                    ac = active_cases(e, t)
                    tc = team_open(team, t) if g in ("dlr", "thtc", "prot", "wp") else []
                    r = R.random()
                    sysn = {"dlio": "blueview", "dlr": "summit", "thtc": "summit"}.get(g, "bvh")
                    if g == "dlio" and r < 0.12 and ac:
                        # network exploration: relatives/housemates of a suspect, not in the case
                        p = pick_person(R.choice(ac))
                        add(t, e, "blueview", "query", R.choice(households[hh_of[p]]))
                        continue
                    if g == "prot" and r < 0.12:
                        # event security: guest list checks, public figures among them
                        add(t, e, "bvh", "query", R.choice(vip_other) if R.random() < 0.1 else rp())
                        continue
                    if g in ("dlr", "thtc") and r < 0.05:
                        # help to another team's investigation, quoting its number
                        c = R.choice(all_le_inv)
                        add(t, e, sysn, "view", pick_person(c), c["id"])
                        continue
                    if g in ("dlr", "thtc") and r < 0.09:
                        # open sources / checks around the case not (yet) on record
                        add(t, e, R.choice(["brp", "rdw", "bvh"]), "query", rp())
                        continue
                    pool = ac + tc
                    if not pool:
                        if g in ("ot", "at"):
                            # preparing for other regions' operations: persons of a regional case, with its number
                            c = R.choice(reg_inv)
                            add(t, e, "bvh", "query", pick_person(c), c["id"] if R.random() < 0.7 else None)
                        continue
                    c = R.choice(pool)
                    p = pick_person(c)
                    give = R.random() < (0.35 if g != "at" else 0.6)
                    add(t, e, sysn, act(0.025 if g in ("dlr", "thtc", "dlio") else 0.0), p, c["id"] if give else None)
            elif g == "intake":
                n = R.randint(8, 16)
                for k in range(n):
                    t = s + R.randint(300, span - 1800)
                    ps = [(p, "aangever") for p in rand_people(1)] + [(p, "verdachte") for p in rand_people(R.randint(0, 2))]
                    c = new_case("intake", LE, team, t, None if R.random() < 0.6 else t + 86400 * R.randint(1, 9), False, ps, "LE-AANG")
                    assign(c, e, t - 120, None, date_only=False)
                    for (p, role) in ps:
                        for j in range(R.randint(1, 3)):
                            add(t + R.randint(0, 1500), e, R.choice(["bvh", "brp"]), act(0.01), p, c["id"] if R.random() < 0.7 else None)
                    if R.random() < 0.12:
                        add(t + R.randint(0, 1500), e, "bvh", "query", rp())   # account holder check
            else:   # staf, ondersteuning
                if R.random() < 0.12:
                    t = s + R.randint(300, span - 300)
                    c = R.choice(all_le_inv)
                    add(t, e, "summit", "view", pick_person(c), c["id"])
    # employees without shifts in the export (contractors): daytime work in their team's cases
    for e in emps:
        if e["has_shifts"] or e["group"] not in ("thtc", "ond"):
            continue
        for d in range(DAYS):
            if d % 7 >= 5:
                continue
            if e["group"] == "thtc":
                for k in range(R.randint(5, 15)):
                    t = local_to_utc(d, R.uniform(8.5, 17))
                    tc = team_open(e["team"], t)
                    if tc:
                        c = R.choice(tc)
                        add(t, e, "summit", "view", pick_person(c), c["id"] if R.random() < 0.4 else None)

    # ------------------------------------------------------------------ improper incidents
    truth = []
    ninc = [0]
    fam_rel = {}
    for (p1, p2, k) in relations:
        if p1 in emp_of_person and k in ("parent", "sibling", "child"):
            fam_rel.setdefault(emp_of_person[p1]["id"], []).append(p2)
    partner_of = {}
    for (p1, p2, k) in relations:
        if k == "partner":
            partner_of[p1] = p2
            partner_of[p2] = p1

    def incident(scn, e, items):
        """items: list of (ts, system, action, pidx, case_id)"""
        ninc[0] += 1
        iid = "I-%04d" % ninc[0]
        for (ts, sysn, action, p, cid) in items:
            add(ts, e, sysn, action, p, cid, (iid, scn))

    def in_shift(e, lo_day=2, hi_day=DAYS):
        sh = [x for x in shifts[e["id"]] if lo_day <= day_of(x[0]) < hi_day]
        if not sh:
            return None
        s, en = R.choice(sh)
        return s + R.randint(600, max(700, en - s - 600))

    def off_shift_time(e, min_gap=4 * 3600):
        for _ in range(200):
            d = R.randint(2, DAYS - 1)
            t = local_to_utc(d, R.choice([6.5, 7, 19, 20, 21, 22, 23]) + R.random())
            if all(abs(t - s) > min_gap and abs(t - en) > min_gap and not (s <= t < en) for (s, en) in shifts[e["id"]]):
                return t
        return None

    perpetrators = [e for e in emps if e["group"] not in ("staf",) and e["start_day"] == 0]
    rank_bias = lambda e: 3 if e["rank"] in ("hoofdagent", "brigadier") else 1

    def pick_emp(cond=lambda e: True):
        c = [e for e in perpetrators if cond(e)]
        return R.choices(c, [rank_bias(e) for e in c])[0]

    used_emp = set()

    def fresh(cond=lambda e: True):
        for _ in range(500):
            e = pick_emp(cond)
            if e["id"] not in used_emp:
                used_emp.add(e["id"])
                return e
        return pick_emp(cond)

    def views(e, p, n, sysn="bvh", spread_days=False, cid=None):
        items = []
        t = in_shift(e)
        if t is None:
            return items
        for k in range(n):
            if spread_days and k:
                t2 = in_shift(e)
                tt = t2 if t2 else t + 86400
            else:
                tt = t + k * R.randint(20, 400)
            items.append((tt, sysn, "view" if k else R.choice(["query", "view"]), p, cid))
        return items

    for _ in range(2):
        e = fresh(lambda e: e["known_pid"])
        incident("self", e, views(e, e["pidx"], R.randint(1, 3)))
    for _ in range(3):
        e = fresh(lambda e: e["id"] in fam_rel and e["known_pid"])
        incident("family", e, views(e, R.choice(fam_rel[e["id"]]), R.randint(1, 3)))
    for _ in range(2):
        e = fresh(lambda e: e["known_pid"] and e["pidx"] in partner_of)
        incident("partner", e, views(e, partner_of[e["pidx"]], R.randint(1, 2)))
    for _ in range(3):
        e = fresh(lambda e: e["id"] in expart and e["known_pid"])
        items = views(e, expart[e["id"]], R.randint(1, 3))
        if R.random() < 0.6:
            items += views(e, expart[e["id"]], R.randint(1, 2))
        incident("ex_partner", e, items)
    for _ in range(3):
        e = fresh(lambda e: e["known_pid"] and len(pc_members[ppc[e["pidx"]]]) > 6)
        cand = [p for p in pc_members[ppc[e["pidx"]]] if hh_of[p] != hh_of[e["pidx"]]]
        if cand:
            incident("neighbour", e, views(e, R.choice(cand), R.randint(1, 3), "brp"))
    for _ in range(2):
        e = fresh(lambda e: e["id"] in cousins)
        incident("surname_relative", e, views(e, cousins[e["id"]], R.randint(1, 2)))
    for _ in range(3):
        e = fresh()
        if R.random() < 0.5:
            col = R.choice([x for x in team_members[e["team"]] if x is not e])
        else:
            col = R.choice(by_group["prot"] + by_group["ot"])      # covert / protection staff: a target for criminals
        incident("colleague", e, views(e, col["pidx"], R.randint(1, 3)))
    for _ in range(3):
        e = fresh(lambda e: e["group"] not in ("prot",))
        incident("vip_curiosity", e, views(e, R.choice(vip_other[18:]), R.randint(1, 2)))
    e = fresh(lambda e: e["group"] not in ("wp",))
    incident("shielded", e, views(e, R.choice(shielded), R.randint(1, 2)))
    # news hype: a famous person arrested in Amsterdam; LE staff who have nothing to do with it look
    in_case = set(p for c in cases for (p, r) in c["persons"])
    hype_cands = [p for p in famous_unflagged if p not in in_case]
    vip_free = [p for p in vip_other[18:] if p not in in_case]
    hype_p = hype_cands[0] if (hype_cands and R.random() < 0.5) else vip_free[-1]
    hype_t = local_to_utc(17, 21.7)
    hype_case = new_case("incident", "amsterdam", "AMS-BT-1", hype_t, hype_t + 5 * 3600, False,
                         [(hype_p, "verdachte"), (rp(), "slachtoffer")], "AMS-INC")
    for e in R.sample(by_group["loc"], 6):           # legitimate: the national operations centre follows it
        sh = [x for x in shifts[e["id"]] if x[0] <= hype_t + 3600 < x[1]]
        if sh:
            add(hype_t + R.randint(300, 3000), e, "bvh", "query", hype_p, hype_case["id"] if R.random() < 0.5 else None)
    nh = R.randint(14, 24)
    hype_emps = [x for x in emps if x["group"] not in ("loc",) and x["start_day"] == 0]
    R.shuffle(hype_emps)
    cnt = 0
    for e in hype_emps:
        if cnt >= nh:
            break
        sh = [x for x in shifts[e["id"]] if hype_t < x[1] and x[0] < hype_t + 22 * 3600]
        if not sh:
            continue
        s, en = sh[0]
        t = max(s, hype_t) + R.randint(120, 3 * 3600)
        if t >= en:
            continue
        cnt += 1
        items = [(t, "bvh", R.choice(["query", "view"]), hype_p, None)]
        if R.random() < 0.4:
            items.append((t + R.randint(30, 900), "bvh", "view", hype_p, None))
        incident("news_hype", e, items)
    # leaks of sensitive investigations to suspects: the LE's own and other regions'
    sens = [c for c in cases if c["sensitive"] and c["kind"] == "investigation" and not c["id"].startswith(("LE-BEV", "LE-GB"))]
    for k in range(4):
        c = R.choice(sens)
        on = {x[1] for x in case_staff if x[0] == c["id"]}
        e = fresh(lambda e: e["id"] not in on and e["team"] != c["team"] and e["group"] in ("water", "traffic", "loc", "intake", "dlr", "ot", "ond"))
        susp = [p for p, r in c["persons"] if r == "verdachte"] or [c["persons"][0][0]]
        items = []
        for p in R.sample(susp, min(len(susp), R.randint(1, 3))):
            items += views(e, p, R.randint(1, 2), R.choice(["bvh", "summit"]))
        incident("sensitive_investigation", e, items)
    # off shift: from home, far from any shift
    for _ in range(3):
        e = fresh(lambda e: e["group"] in ("dlr", "dlio", "intake", "ond", "thtc") and e["has_shifts"])
        t = off_shift_time(e)
        if t:
            p = rp()
            incident("off_shift", e, [(t + k * R.randint(30, 300), "bvh", "view", p, None) for k in range(R.randint(1, 3))])
    # unusual hour: on a night shift, a look-up with no incident behind it, at 03-05
    for _ in range(2):
        e = fresh(lambda e: e["group"] in ("loc", "water", "traffic"))
        nights = [x for x in shifts[e["id"]] if local_hour(x[0]) >= 22 and day_of(x[0]) >= 3]
        if nights:
            s, en = R.choice(nights)
            t = s + int(R.uniform(4, 6) * 3600)
            p = rp()
            incident("unusual_hour", e, [(t, "brp", "query", p, None), (t + R.randint(20, 200), "bvh", "view", p, None)])
    # browsing many unrelated persons in a short time
    for _ in range(2):
        e = fresh(lambda e: e["group"] in ("dlr", "prot", "ot", "intake", "ond"))
        t = in_shift(e, 5)
        if t:
            n = R.randint(12, 30)
            incident("browsing", e, [(t + int(k * R.uniform(60, 120)), "bvh", R.choice(["query", "view"]), rp(), None) for k in range(n)])
    # following one person over weeks (an acquaintance, a new partner's ex, ...)
    for _ in range(2):
        e = fresh(lambda e: e["group"] in ("water", "traffic", "dlr", "dlio", "prot"))
        p = rp()
        days = sorted(R.sample(range(1, DAYS), R.randint(6, 11)))
        items = []
        for d in days:
            sh = [x for x in shifts[e["id"]] if day_of(x[0]) == d]
            if sh:
                s, en = sh[0]
                items.append((s + R.randint(600, en - s - 600), R.choice(["bvh", "brp"]), "view", p, None))
        incident("following", e, items)
    # export / print of a record with no work reason
    for _ in range(2):
        e = fresh(lambda e: e["group"] in ("dlr", "dlio", "water", "loc"))
        t = in_shift(e)
        p = rp()
        incident("export_print", e, [(t, "bvh", "view", p, None), (t + R.randint(30, 600), "bvh", R.choice(["export", "print"]), p, None)])
    # volume spike / harvesting for a criminal contact, after a history
    for _ in range(2):
        e = fresh(lambda e: e["group"] in ("water", "traffic", "intake", "dlio"))
        sh = [x for x in shifts[e["id"]] if day_of(x[0]) >= 10]
        if sh:
            s, en = R.choice(sh)
            n = R.randint(40, 90)
            incident("volume_spike", e, [(s + R.randint(300, en - s - 300), R.choice(["bvh", "brp", "rdw"]), "query", rp(), None) for k in range(n)])
    # pretext: an unrelated person looked up quoting the number of one's own case
    for _ in range(3):
        e = fresh(lambda e: e["group"] in ("dlr", "thtc") and e["id"] in staff_cases)
        c = R.choice(staff_cases[e["id"]])[0]
        p = rp()
        incident("pretext_case_number", e, views(e, p, R.randint(1, 2), "summit", cid=c["id"]))
    # a protection officer looks up the ex-partner of the protected person's... no: the person who
    # threatens a protected public figure is passed the officer's knowledge -> looks up the protected
    # royal's private address data outside the assignment (other team)
    e = fresh(lambda e: e["group"] == "prot")
    other = [c for c in prot_cases if c["team"] != e["team"]]
    c = R.choice(other)
    incident("protected_person_other_detail", e, views(e, c["persons"][0][0], R.randint(1, 2), "brp"))

    # ------------------------------------------------------------------ write
    # sort, then let some events arrive late (log shipping), and one system's day appended late
    ev.sort(key=lambda x: x[0])
    n = len(ev)
    order = list(range(n))
    for k in range(0, n, 1):
        if R.random() < 0.004:
            j = min(n - 1, k + R.randint(1, 40))
            order[k], order[j] = order[j], order[k]
    # events of system "sis" for the first 3 days arrive as a separate batch at the end
    late = [k for k in order if ev[k][2] == "sis" and ev[k][0] < T0 + 3 * 86400]
    lateset = set(late)
    order = [k for k in order if k not in lateset] + late
    lines = []
    truth_rows = []
    for num, k in enumerate(order):
        ts, eid, sysn, action, p, cid, tag = ev[k]
        evid = "le-%08d" % (num * 3 + 1 + (num % 3))
        if sysn in ("bvh", "brp"):
            tss = fmt_local(ts)
        elif sysn == "blueview":
            tss = fmt_z(ts)[:-1] + ".%03dZ" % R.randrange(1000)
        elif sysn == "rdw":
            tss = fmt_z(ts, " ")
        elif sysn == "meos":
            tss = fmt_local(ts, "T", ".5")
        else:
            tss = fmt_z(ts)
        r = R.random()
        if cid is None:
            if r < 0.4:
                cpart = ""
            elif r < 0.8:
                cpart = ',"case_id":null'
            else:
                cpart = ',"case_id":""'
        else:
            cpart = ',"case_id":"%s"' % cid
        act_s = action.upper() if r < 0.02 else action
        if sysn == "summit" and r < 0.5:
            lines.append('{"ts":"%s","id":"%s","employee_id":"%s","person_id":"%s","action":"%s","system":"%s"%s,"terminal":{"ws":%d}}'
                         % (tss, evid, eid, PID[p], act_s, sysn, cpart, R.randrange(900)))
        else:
            lines.append('{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s}'
                         % (evid, tss, eid, sysn, act_s, PID[p], cpart))
        if tag:
            truth_rows.append((evid, tag[0], tag[1]))
    with open(os.path.join(out, "events.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    write_csv(os.path.join(out, "truth.csv"), ["event_id", "incident_id", "scenario"], truth_rows)

    # units.csv
    urows = [(LE, "Landelijke Eenheid", "%d,5" % len(emps))]
    for unit, ab in REGIONS:
        urows.append((unit, "Eenheid " + unit.replace("_", " ").title(), ""))
    write_csv(os.path.join(out, "units.csv"), ["unit_id", "name", "fte"], urows)
    write_csv(os.path.join(out, "teams.csv"), ["team_id", "unit_id", "kind", "name"],
              [(t[0], t[1], t[2] if R.random() < 0.7 else t[2].capitalize(), t[3]) for t in teams], bom=True)
    erows = []
    for e in emps:
        pid = PID[e["pidx"]] if e["known_pid"] else ""
        sur = psur[e["pidx"]]
        if e["old_team"]:
            erows.append((e["rank"], e["id"], pid, sur, LE, e["old_team"], e["func"], "x"))
    for e in emps:
        pid = PID[e["pidx"]] if e["known_pid"] else ""
        erows.append((e["rank"], e["id"], pid, psur[e["pidx"]], LE, e["team"], e["func"], ""))
    write_csv(os.path.join(out, "employees.csv"), ["rank", "employee_id", "person_id", "surname", "unit_id", "team_id", "function", "opmerking"], erows, crlf=True)
    prows = []
    for i in range(NP):
        pc = ppc[i]
        if i % 97 == 0:
            pc = pc[:4] + " " + pc[4:].lower()
        prows.append((PID[i], psur[i], pby[i] if R.random() > 0.01 else "", pc, phn[i], pflags[i]))
    write_csv(os.path.join(out, "persons.csv"), ["person_id", "surname", "birth_year", "postcode", "house_number", "flags"], prows, gz=True)
    rrows = [(PID[a_], PID[b_], k) for (a_, b_, k) in relations]
    rrows += R.sample(rrows, 50)
    write_csv(os.path.join(out, "relations.csv"), ["person_id", "related_person_id", "kind"], rrows)
    crows = []
    sensb = ["true", "TRUE", "ja", "1", "yes", "Y", "j"]
    falseb = ["false", "nee", "0", "", "no", "N"]
    for c in cases:
        if c["kind"] == "incident":
            op = fmt_local(c["opened"]) if R.random() < 0.7 else fmt_z(c["opened"])
            cl = "" if c["closed"] is None else (fmt_local(c["closed"]) if R.random() < 0.8 else fmt_date(c["closed"]))
        else:
            op = fmt_date(c["opened"]) if c["kind"] == "investigation" else fmt_z(c["opened"])
            cl = "" if c["closed"] is None else fmt_date(c["closed"])
        crows.append((c["id"], c["kind"], c["unit"], c["team"] or "", op, cl, R.choice(sensb) if c["sensitive"] else R.choice(falseb)))
    write_csv(os.path.join(out, "cases.csv"), ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], crows, pad=True)
    cprows = []
    for c in cases:
        for (p, role) in c["persons"]:
            cprows.append((c["id"], PID[p], role))
    cprows += R.sample(cprows, 40)
    write_csv(os.path.join(out, "case_persons.csv"), ["case_id", "person_id", "role"], cprows)
    csrows = list(case_staff) + R.sample(case_staff, 30)
    write_csv(os.path.join(out, "case_staff.csv"), ["case_id", "employee_id", "from", "to"], csrows)
    srows = []
    for e in emps:
        if not e["has_shifts"]:
            continue
        for (s, en) in shifts[e["id"]]:
            if R.random() < 0.5:
                srows.append((e["id"], fmt_local(s), fmt_local(en)))
            else:
                srows.append((e["id"], fmt_z(s), fmt_z(en)))
    srows += R.sample(srows, 40)
    write_csv(os.path.join(out, "shifts.csv"), ["employee_id", "start", "end"], srows)
    inc = {}
    for (_, iid, scn) in truth_rows:
        inc.setdefault(scn, set()).add(iid)
    print("world: %d employees, %d persons, %d cases, %d events, %d improper events in %d incidents"
          % (len(emps), NP, len(cases), len(lines), len(truth_rows), ninc[0]))
    print("  " + ", ".join("%s %d" % (k, len(v)) for k, v in sorted(inc.items())))


if __name__ == "__main__":
    main()
