#!/usr/bin/env python3
"""redteam14: held-out synthetic world for lekradar.

Eenheid Limburg (southern border region), exported per district: carnival season,
drug-lab (ondermijning) investigations, a cross-border team, a regional control room.
Standard library only; deterministic for a seed regardless of PYTHONHASHSEED.

Usage: python3 gen.py OUTDIR --seed S [--debug]
"""
import argparse
import bisect
import csv
import io
import json
import os
import random
import time

DAYS = 28
# 2026-02-02T00:00:00+01:00 as epoch seconds (UTC 2026-02-01T23:00:00Z)
T0 = 1769986800
LOCAL = 3600  # CET, the whole window is winter time
CARNIVAL = (12, 16)  # day indexes 12..15 = Sat 14 Feb .. Tue 17 Feb 2026 (plus Friday evening)

COMMON = ["Janssen", "Smeets", "Peeters", "Hendriks", "Vossen", "Willems", "Jacobs", "Schreurs",
          "Coenen", "Houben", "Dassen", "Frissen", "Lemmens", "Ramakers", "Custers", "Wolters",
          "Claessens", "Geurts", "Driessen", "Kessels", "Lenders", "Gielen", "Beckers", "Hermans",
          "Heijnen", "Vranken", "Goossens", "Stassen", "Bongers", "Keulen", "de Bruijn",
          "van den Berg", "Jansen", "de Vries", "Bakker", "Visser", "Öztürk", "Yılmaz",
          "El Idrissi", "Bouzid", "Kowalski", "Nowak", "Wiśniewski", "Schmidt", "Müller",
          "Dubois", "Nguyen", "Kaya", "Bemelmans", "Crombach", "Meertens", "Pelzer", "Muijtjens",
          "Notermans", "Quaedvlieg", "Wetzels", "Habets", "Ortmans", "Souren", "Brouns"]
PRE = ["Bro", "Cre", "Dri", "Gel", "Hon", "Kni", "Lui", "Mer", "Pal", "Rou", "Sche", "Ste",
       "Tum", "Vla", "Wie", "Zan", "Moo", "Pie", "Quo", "Ber", "Gou", "Lam", "Nij", "Op"]
SUF = ["kens", "mans", "ssen", "beek", "veld", "hoff", "ckx", "ers", "inga", "dijk", "ix",
       "aerts", "bosch", "straeten", "goor", "raedts"]
FOREIGN_SUR = ["Schmitz", "Becker", "Wagner", "Hoffmann", "Peeters", "Maes", "Claes",
               "Wouters", "Lambrecht", "Dupont", "Fischer", "Weber", "Krasniqi", "Haddad"]

DISTRICTS = [  # unit_id, name, postcode range, basisteams
    ("lb_noord", "District Noord-Limburg", (5800, 5999), ["Venlo", "Venray", "Peel en Maas"]),
    ("lb_midden", "District Midden-Limburg", (6000, 6119), ["Roermond", "Weert", "Echt-Susteren"]),
    ("lb_zuidwest", "District Zuid-West-Limburg", (6120, 6299), ["Maastricht-Centrum", "Maastricht-Zuid", "Westelijke Mijnstreek"]),
    ("lb_zuidoost", "District Zuid-Oost-Limburg", (6300, 6499), ["Heerlen", "Kerkrade", "Heuvelland"]),
]
REGIO = "lb_regio"


def fz(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def fl(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t + LOCAL)) + "+01:00"


def fdate(t):
    return time.strftime("%Y-%m-%d", time.gmtime(t + LOCAL))


def day_start(d):
    return T0 + d * 86400


class W:
    pass


def build(seed):
    r = random.Random(seed * 7919 + 14)
    w = W()
    w.r = r
    # ------------------------------------------------------------------ organisation
    units = [(u, n) for u, n, _, _ in DISTRICTS] + [(REGIO, "Regionale diensten Limburg")]
    teams = []  # team_id, unit, kind, name
    emps = []   # dict
    w.teams = teams
    w.emps = emps

    def team(tid, unit, kind, name):
        teams.append((tid, unit, kind, name))
        return tid

    ranks_exec = ["agent"] * 30 + ["hoofdagent"] * 35 + ["brigadier"] * 18 + ["surveillant"] * 5 + ["aspirant"] * 5 + ["inspecteur"] * 4
    eid = [1000]

    def emp(unit, tid, kind, function, rank, n):
        for _ in range(n):
            eid[0] += r.randint(1, 3)
            rk = rank if isinstance(rank, str) else r.choice(rank)
            emps.append({"id": "E%05d" % eid[0], "unit": unit, "team": tid, "kind": kind,
                         "function": function, "rank": rk})

    w.dteams = {}
    for u, n, pcr, bts in DISTRICTS:
        short = u.split("_")[1].upper()[:3]
        bt_ids = []
        for b in bts:
            tid = team("T-%s-BT-%s" % (short, b.upper().replace(" ", "").replace("-", "")[:8]), u, "basisteam", "Basisteam " + b)
            bt_ids.append(tid)
            emp(u, tid, "noodhulp", "noodhulp", ranks_exec, r.randint(62, 74))
            emp(u, tid, "wijk", "wijkagent", ["hoofdagent"] * 3 + ["brigadier"], r.randint(20, 26))
            emp(u, tid, "ovd", "operationeel specialist", ["brigadier", "inspecteur"], 3)
        rec = team("T-%s-DRR" % short, u, "recherche", "Districtsrecherche " + n.split(" ", 1)[1])
        emp(u, rec, "recherche", "rechercheur", ["hoofdagent", "brigadier", "agent", "burger"], r.randint(44, 54))
        ins = team("T-%s-SERV" % short, u, "intake_service", "Service & Intake, " + n.split(" ", 1)[1])
        emp(u, ins, "intake", "intake", ["agent", "hoofdagent", "burger", "burger"], r.randint(22, 28))
        st = team("T-%s-STAF" % short, u, "staf", "Districtsstaf " + n.split(" ", 1)[1])
        emp(u, st, "staf", "districtsstaf", ["inspecteur", "hoofdinspecteur", "burger"], r.randint(8, 12))
        w.dteams[u] = {"bt": bt_ids, "rec": rec, "intake": ins}
    R = REGIO
    w.t_mk = team("T-RG-MK", R, "meldkamer", "Meldkamer Limburg, politie")
    emp(R, w.t_mk, "meldkamer", "meldkamer", ["hoofdagent", "brigadier", "burger"], 92)
    w.t_tis = team("T-RG-TIS", R, "intake_service", "Team Intake en Service (0900-8844)")
    emp(R, w.t_tis, "phone", "intake", ["burger", "agent", "hoofdagent"], 64)
    w.t_ric = team("T-RG-RIK", R, "informatie_analyse", "Regionaal Informatieknooppunt")
    emp(R, w.t_ric, "analyst", "analist", ["burger", "burger", "hoofdagent", "brigadier"], 46)
    w.t_drr = []
    for nm in ["Ondermijning 1", "Ondermijning 2", "Zware Criminaliteit", "Digitale Recherche"]:
        tid = team("T-RG-DRR-" + nm.split()[0][:3].upper() + nm.split()[-1][:3].upper(), R, "recherche", "Dienst Regionale Recherche - " + nm)
        w.t_drr.append(tid)
        emp(R, tid, "recherche", "rechercheur", ["hoofdagent", "brigadier", "inspecteur", "burger"], r.randint(38, 48))
    w.t_gpt = team("T-RG-EPICC", R, "specialistisch", "Grensoverschrijdend team (EPICC/BES)")
    emp(R, w.t_gpt, "crossborder", "grensoverschrijdend", ["hoofdagent", "brigadier", "burger"], 24)
    w.t_me = team("T-RG-ME", R, "specialistisch", "Mobiele Eenheid / Aanhoudingseenheid")
    emp(R, w.t_me, "me", "ME", ["agent", "hoofdagent", "brigadier"], 62)
    w.t_bb = team("T-RG-BB", R, "specialistisch", "Bewaken en Beveiligen")
    emp(R, w.t_bb, "protect", "beveiliging", ["hoofdagent", "brigadier"], 20)
    w.t_lab = team("T-RG-DRUGLAB", R, "specialistisch", "Ontmantelingsteam drugslabs")
    emp(R, w.t_lab, "dismantle", "ontmanteling", ["hoofdagent", "brigadier"], 16)
    w.t_ond = team("T-RG-OND", R, "ondersteuning", "Bedrijfsvoering, ICT en HRM")
    emp(R, w.t_ond, "support", "", ["burger", "burger", "extern"], r.randint(110, 130))
    w.t_staf = team("T-RG-STAF", R, "staf", "Eenheidsstaf Limburg")
    emp(R, w.t_staf, "staf", "staf", ["hoofdinspecteur", "commissaris", "burger"], 40)
    w.units = units
    w.unit_fte = {}
    for u, _ in units:
        w.unit_fte[u] = sum(1 for e in emps if e["unit"] == u)

    # ------------------------------------------------------------------ persons
    persons = []  # [pid, surname, by, pc, hn, flags, district]
    w.persons = persons
    pidc = [100000]
    rels = []
    w.rels = rels
    w.rel_hidden = []
    w.res_by_d = {u: [] for u, _, _, _ in DISTRICTS}
    w.by_pc = {}
    w.household = {}  # pid -> list of pids
    rare = [p + s for p in PRE for s in SUF]
    r.shuffle(rare)
    w.rare = rare
    zipf = [1.0 / (i + 1) ** 0.8 for i in range(len(COMMON))]

    def surname():
        x = r.random()
        if x < 0.55:
            return r.choices(COMMON, zipf)[0]
        if x < 0.9:
            return r.choice(rare[:300])
        return r.choice(["van ", "de ", "van der ", ""]) + r.choice(rare)

    def newp(sur, by, pc, hn, d, flags=""):
        pidc[0] += r.randint(1, 4)
        pid = "P%07d" % pidc[0]
        persons.append([pid, sur, by, pc, hn, flags, d])
        w.by_pc.setdefault(pc.replace(" ", "").upper(), []).append(pid)
        return pid

    def pcode(d):
        lo, hi = [x for x in DISTRICTS if x[0] == d][0][2]
        return "%04d%s%s" % (r.randint(lo, hi), chr(65 + r.randint(0, 25)), chr(65 + r.randint(0, 25)))

    def household(d, sur=None, adults=None, pc=None, export_p=0.35):
        pc = pc or pcode(d)
        sur = sur or surname()
        hn = str(r.randint(1, 180)) + r.choice(["", "", "", "", "A", "-2", " bus 3", "B"])
        n_ad = adults or (2 if r.random() < 0.55 else 1)
        base = r.randint(1940, 2004)
        mem = []
        a1 = newp(sur, base, pc, hn, d)
        mem.append(a1)
        if n_ad == 2:
            a2 = newp(surname() if r.random() < 0.6 else sur, base + r.randint(-4, 4), pc, hn, d)
            mem.append(a2)
            (rels if r.random() < export_p else w.rel_hidden).append((a1, a2, "partner"))
        if base > 1960 and r.random() < 0.5:
            for _ in range(r.randint(1, 3)):
                c = newp(sur, min(2025, base + r.randint(22, 38)), pc, hn, d)
                for a in mem[:n_ad]:
                    (rels if r.random() < export_p else w.rel_hidden).append((c, a, "parent"))
                mem.append(c)
        for p in mem:
            w.household[p] = mem
        w.last_nad = n_ad
        return mem

    for u, _, (lo, hi), _ in DISTRICTS:
        target = r.randint(27000, 31000)
        cnt = 0
        pcs = []
        while cnt < target:
            if not pcs or r.random() < 0.09:
                pcs.append(pcode(u))
            mem = household(u, pc=pcs[-1] if r.random() < 0.85 else r.choice(pcs))
            w.res_by_d[u].extend(mem)
            cnt += len(mem)
    # foreign persons (Belgium / Germany), messy postcodes
    w.foreign = []
    for _ in range(r.randint(2500, 3200)):
        if r.random() < 0.5:
            pc = "B-" + r.choice(["3630", "3620", "3680", "3700", "3990", "4700"])
        else:
            pc = r.choice(["D-52062", "D-52066", "52525", "D-41812", "d-47608", "52499"])
        p = newp(r.choice(FOREIGN_SUR), r.choice([r.randint(1950, 2005), ""]), pc, str(r.randint(1, 99)), "foreign")
        w.foreign.append(p)
    # persons without postcode (unknown address, homeless, registered nowhere)
    w.noaddr = [newp(surname(), r.randint(1960, 2006), "", "", "none") for _ in range(600)]
    w.all_res = [p for u, _, _, _ in DISTRICTS for p in w.res_by_d[u]]
    w.pidx = {p[0]: i for i, p in enumerate(persons)}

    # flags
    w.vips = []
    for _ in range(140):
        p = persons[w.pidx[r.choice(w.all_res)]]
        p[5] = r.choice(["vip", "vip", "VIP", "vip; "])
        w.vips.append(p[0])
    w.shielded = []
    for _ in range(55):
        p = persons[w.pidx[r.choice(w.all_res)]]
        if p[5]:
            continue
        p[5] = r.choice(["shielded", "shielded", "Shielded;gezocht"])
        w.shielded.append(p[0])
    for _ in range(700):
        p = persons[w.pidx[r.choice(w.all_res)]]
        if not p[5]:
            p[5] = r.choice(["deceased", "deceased", "overleden", "deceased;deceased"])
    for _ in range(900):  # unknown birth year
        persons[w.pidx[r.choice(w.all_res)]][2] = ""

    # employees' own records and families
    w.emp_person = {}
    w.family = {}  # eid -> dict kind-> list
    dnames = [d[0] for d in DISTRICTS]
    for e in emps:
        fam = {"partner": [], "parent": [], "child": [], "sibling": [], "ex_partner": [], "kin": []}
        w.family[e["id"]] = fam
        if r.random() < 0.05:
            e["person"] = ""
            e["surname"] = surname()
            continue
        home = e["unit"] if e["unit"] != REGIO else r.choice(dnames)
        if r.random() < 0.2:
            home = r.choice(dnames)
        sur = surname() if r.random() < 0.6 else r.choice(rare[300:])
        if r.random() < 0.025:  # lives across the border
            pc = r.choice(["B-3630", "D-52062", "B-3620"])
            me = newp(sur, r.randint(1962, 2003), pc, str(r.randint(1, 80)), "foreign")
            mem = [me]
            w.household[me] = mem
        else:
            mem = household(home, sur=sur, export_p=0.9)
        me = mem[0]
        e["person"] = me
        e["surname"] = sur if r.random() > 0.03 else sur.upper()
        e["home"] = home
        nad = w.last_nad if len(mem) > 1 else 1
        if nad == 2:
            fam["partner"].append(mem[1])
        fam["child"].extend(mem[nad:])
        # parents (same surname), siblings, ex-partner, unrecorded kin
        if r.random() < 0.75:
            pm = household(r.choice([home, home, r.choice(dnames)]), sur=sur, adults=2, export_p=0.0)
            for p in pm[:2]:
                (rels if r.random() < 0.85 else w.rel_hidden).append((me, p, "parent"))
                fam["parent"].append(p)
        for _ in range(r.choice([0, 1, 1, 2])):
            sm = household(r.choice([home, r.choice(dnames)]), sur=sur, adults=r.choice([1, 2]), export_p=0.3)
            (rels if r.random() < 0.8 else w.rel_hidden).append((me, sm[0], "sibling"))
            fam["sibling"].append(sm[0])
        if r.random() < 0.16:
            xm = household(r.choice([home, home, r.choice(dnames)]), adults=1, export_p=0.3)
            (rels if r.random() < 0.85 else w.rel_hidden).append((me, xm[0], "ex_partner"))
            fam["ex_partner"].append(xm[0])
        if sur in rare:
            for _ in range(r.randint(1, 3)):
                km = household(r.choice(dnames), sur=sur, adults=1, export_p=0.0)
                fam["kin"].append(km[0])
    w.pidx = {p[0]: i for i, p in enumerate(persons)}
    w.test_person = newp("Testpersoon", 1900, "9999ZZ", "1", "none", "")
    sup = [e for e in emps if e["kind"] == "support"]
    w.func_admins = [e["id"] for e in r.sample(sup, 4)]
    w.emp_by_id = {e["id"]: e for e in emps}
    w.person_emp = {e["person"]: e["id"] for e in emps if e.get("person")}
    return w


# ====================================================================== shifts
DAYKIND = {"noodhulp": "rot", "me": "me", "meldkamer": "rot", "phone": "phone", "ovd": "ovd"}
ROSTER_COVER = {"noodhulp": 0.95, "me": 0.9, "meldkamer": 0.99, "phone": 0.96, "ovd": 0.9,
                "recherche": 0.82, "wijk": 0.9, "intake": 0.95, "analyst": 0.9, "crossborder": 0.92,
                "protect": 0.88, "dismantle": 0.85, "staf": 0.6, "support": 0.7}


def gen_shifts(w):
    r = w.r
    w.worked = {}   # eid -> list of (start, end)
    w.roster = []   # (eid, start, end, fmt)
    for e in w.emps:
        k = e["kind"]
        sh = []
        mode = DAYKIND.get(k, "day")
        cur = r.choice([0, 1, 2])
        for d in range(DAYS):
            ds = day_start(d)
            wd = d % 7
            carn = CARNIVAL[0] - 1 <= d < CARNIVAL[1]
            if mode == "rot":
                if d % 7 == 0 and r.random() < 0.5:
                    cur = (cur + 1) % 3
                if r.random() < (0.66 if carn else 0.6):
                    st = ds + [7, 15, 23][cur] * 3600
                    sh.append((st, st + 8 * 3600))
            elif mode == "me":
                if carn and r.random() < 0.85:
                    st = ds + r.choice([14, 16, 18]) * 3600
                    sh.append((st, st + 10 * 3600))
                elif wd < 5 and r.random() < 0.35:
                    st = ds + 8 * 3600
                    sh.append((st, st + 8 * 3600))
            elif mode == "phone":
                if r.random() < 0.6:
                    st = ds + r.choice([7, 15]) * 3600
                    sh.append((st, st + 8 * 3600))
            elif mode == "ovd":
                if r.random() < 0.28:
                    st = ds + r.choice([7, 19]) * 3600
                    sh.append((st, st + 12 * 3600))
            else:
                p = 0.84 if wd < 5 else (0.12 if k in ("recherche", "intake", "crossborder", "analyst") else 0.03)
                if k == "support":
                    p = 0.8 if wd < 5 else 0.0
                if r.random() < p:
                    st = ds + r.choice([7 * 60 + 30, 8 * 60, 8 * 60, 8 * 60 + 30, 9 * 60]) * 60
                    sh.append((st, st + r.choice([8, 8, 9, 9, 10]) * 3600 - r.choice([0, 1800])))
        worked = []
        for (s, en) in sh:
            cover = ROSTER_COVER.get(k, 0.9)
            fmtz = r.random() < 0.15
            if r.random() < cover:
                w.roster.append((e["id"], s, en, fmtz))
            ext = 0
            if r.random() < 0.08:
                ext = r.randint(1, 3) * 3600
                if r.random() < 0.5:
                    w.roster.append((e["id"], en, en + ext, fmtz))
            if r.random() < 0.03:  # scheduled but called in sick: no work, roster row stays
                continue
            worked.append((s, en + ext))
        # unrostered extra shifts (cover for colleagues), worked but absent from the roster
        if k in ("noodhulp", "meldkamer", "recherche") and r.random() < 0.25:
            d = r.randrange(DAYS)
            st = day_start(d) + r.choice([7, 15]) * 3600
            worked.append((st, st + 8 * 3600))
        worked.sort()
        w.worked[e["id"]] = worked
    # on-shift index per (team kind group, unit, hour)
    w.onshift = {}
    for e in w.emps:
        for (s, en) in w.worked[e["id"]]:
            for h in range((s - T0) // 3600, (en - T0 - 1) // 3600 + 1):
                key = (e["kind"], e["unit"] if e["kind"] != "me" else "me", h)
                w.onshift.setdefault(key, []).append(e)


def on_shift(w, kind, unit, t):
    h = (t - T0) // 3600
    lst = w.onshift.get((kind, unit, h), [])
    return [e for e in lst if any(s <= t < en for s, en in w.worked[e["id"]])]


def shift_at(w, eid, t):
    for s, en in w.worked[eid]:
        if s <= t < en:
            return (s, en)
    return None


# ====================================================================== cases and work
HOURW = [5, 4, 4, 3, 2, 2, 3, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 8, 7, 6]
ROLES_INC = ["verdachte", "slachtoffer", "getuige", "melder", "betrokkene", "Verdachte", "aangever"]


def gen_work(w):
    r = w.r
    gen_shifts(w)
    w.cases = []        # [cid, kind, unit, team, opened_s, closed_s, sensitive_s]
    w.cpersons = []     # (cid, pid, role)
    w.cstaff = []       # (cid, eid, from, to)
    w.events = []       # [t, eid, system, action, pid, case_given, source, incident, scenario]
    w.emp_cases = {}    # eid -> list of case ids they really work on
    w.case_persons = {}
    w.in_case = set()
    ev = w.events

    def E(t, e, sysn, act, pid, cg, src):
        ev.append([t, e, sysn, act, pid, cg, src, None, None])

    def addcase(cid, kind, unit, team, opened, closed, sens):
        w.cases.append([cid, kind, unit, team, opened, closed, sens])

    def addp(cid, pid, role):
        w.cpersons.append((cid, pid, role))
        w.case_persons.setdefault(cid, []).append(pid)
        w.in_case.add(pid)

    def sensv(b):
        if b:
            return r.choice(["true", "true", "TRUE", "ja", "1"])
        return r.choice(["false", "false", "", "nee", "0", "False"])

    frequent = {u: r.sample(w.res_by_d[u], len(w.res_by_d[u]) // 25) for u in w.res_by_d}

    def incperson(u):
        x = r.random()
        if x < 0.35:
            return r.choice(frequent[u])
        if x < 0.93:
            return r.choice(w.res_by_d[u])
        if x < 0.97:
            return r.choice(w.foreign)
        return r.choice(w.noaddr)

    # ---------------------------------------------------------------- investigations
    w.invest = []  # (cid, team, staff list, persons, sensitive, unit)
    ic = [0]

    def investigation(unit, team, sens, npers, staff, opened=None, prefix="ON", joint=False, home=None):
        ic[0] += 1
        cid = "LB-%s-%s-%04d" % (prefix, "2026" if opened and opened >= T0 else "2025", ic[0] * 3 + r.randint(0, 2))
        if opened is None:
            opened = T0 - r.randint(5, 330) * 86400
        op = fdate(opened)
        addcase(cid, "investigation", unit, "" if joint else team, op, "", sensv(sens))
        ps = []
        for i in range(npers):
            if r.random() < 0.1:
                p = r.choice(w.foreign)
            else:
                p = r.choice(frequent[home]) if (home and r.random() < 0.4) else r.choice(w.res_by_d[home or r.choice(list(w.res_by_d))])
            if p in ps:
                continue
            ps.append(p)
            addp(cid, p, r.choice(["verdachte", "verdachte", "getuige", "betrokkene", "slachtoffer", "informant?", "Verdachte"]))
        for e in staff:
            frm = r.choice(["", op, op, fdate(max(opened, T0 - 40 * 86400))])
            w.cstaff.append((cid, e["id"], frm, ""))
            w.emp_cases.setdefault(e["id"], []).append(cid)
        inv = {"cid": cid, "team": team, "staff": staff, "persons": ps, "sens": sens, "unit": unit, "opened": opened}
        w.invest.append(inv)
        return inv

    members = {}
    for e in w.emps:
        members.setdefault(e["team"], []).append(e)
    w.members = members
    for u, _, _, _ in DISTRICTS:
        rec = w.dteams[u]["rec"]
        for _ in range(r.randint(22, 30)):
            investigation(u, rec, r.random() < 0.1, r.randint(2, 10), r.sample(members[rec], r.randint(2, 5)), prefix="DR", home=u)
    for i, tid in enumerate(w.t_drr):
        for _ in range(r.randint(10, 14)):
            sens = r.random() < [0.7, 0.7, 0.6, 0.25][i]
            staff = r.sample(members[tid], r.randint(3, 7))
            joint = r.random() < 0.08
            if joint:
                other = w.t_drr[(i + 1) % 4]
                staff += r.sample(members[other], 2)
            if i < 2 and r.random() < 0.5:
                staff += r.sample(members[w.t_lab], r.randint(2, 3))
            investigation(REGIO, tid, sens, r.randint(4, 16), staff, prefix="ON" if i < 2 else "ZC", joint=joint,
                          home=r.choice(list(w.res_by_d)))
    # protection cases
    w.protect_cases = []
    for _ in range(14):
        staff = r.sample(members[w.t_bb], r.randint(3, 6))
        inv = investigation(REGIO, w.t_bb, True, 0, staff, prefix="BB")
        for p in r.sample(w.shielded, 2) + ([r.choice(w.vips)] if r.random() < 0.5 else []):
            if p not in inv["persons"]:
                inv["persons"].append(p)
                addp(inv["cid"], p, "beveiligde")
        w.protect_cases.append(inv)
    # a few investigations opened during the window
    for _ in range(10):
        tid = r.choice(w.t_drr + [w.dteams[u]["rec"] for u in w.res_by_d])
        investigation(REGIO if tid in w.t_drr else [t for t in w.teams if t[0] == tid][0][1], tid, r.random() < 0.4,
                      r.randint(2, 8), r.sample(members[tid], 3), opened=T0 + r.randint(1, DAYS - 3) * 86400, prefix="NW",
                      home=r.choice(list(w.res_by_d)))

    # ---------------------------------------------------------------- incidents
    w.incidents = {u: [] for u in w.res_by_d}  # unit -> list (t, cid, persons, team)
    n = [0]
    emp_persons_by_d = {}
    for e in w.emps:
        if e.get("person") and e.get("home"):
            emp_persons_by_d.setdefault(e.get("home"), []).append(e["person"])

    def incident(u, t, persons, team=None, src="incident_response", nresp=None, roles=None, close=True):
        n[0] += 1
        cid = "LB26%s-%06d" % (u[3:5].upper(), n[0] * 7 + r.randint(0, 6))
        team = team or r.choice(w.dteams[u]["bt"])
        opened = fl(t) if r.random() < 0.85 else (fz(t) if r.random() < 0.8 else fdate(t))
        if not close or r.random() < 0.04:
            closed = ""
        else:
            c = t + r.randint(1800, 6 * 3600)
            closed = fl(c) if r.random() < 0.7 else fdate(c + r.randint(0, 2) * 86400)
        addcase(cid, "incident", u, team if r.random() > 0.03 else "", opened, closed, sensv(False) if r.random() < 0.3 else "")
        for i, p in enumerate(persons):
            addp(cid, p, roles[i] if roles else r.choice(ROLES_INC))
        w.incidents[u].append((t, cid, persons, team))
        resp = on_shift(w, "noodhulp", u, t)
        if u in ("lb_zuidwest", "lb_zuidoost") and CARNIVAL[0] * 86400 <= t - T0 < CARNIVAL[1] * 86400 + 6 * 3600:
            me = on_shift(w, "me", "me", t)
            if me and r.random() < 0.4:
                resp = resp + me * 3
        if not resp:
            resp = [e for e in members[team] if e["kind"] == "noodhulp"][:5]
        k = nresp if nresp is not None else r.choice([1, 2, 2, 2, 3])
        chosen = []
        for e in r.sample(resp, min(k, len(resp))):
            if e["id"] in [c["id"] for c in chosen]:
                continue
            chosen.append(e)
        for e in chosen:
            s = src if e["kind"] != "me" else "carnival_event_duty"
            if r.random() < (0.45 if e["kind"] != "me" else 0.5):
                w.cstaff.append((cid, e["id"], fl(t) if r.random() < 0.6 else fdate(t), r.choice(["", fdate(t), fdate(t + 86400)])))
            w.emp_cases.setdefault(e["id"], []).append(cid)
            sh = shift_at(w, e["id"], t)
            endt = sh[1] if sh else t + 3 * 3600
            for p in persons:
                if r.random() < 0.85:
                    E(t + r.randint(0, 1200), e["id"], "meos", "query", p, "", s)
                if r.random() < 0.6:
                    tt = min(endt - 60, t + r.randint(600, 4 * 3600))
                    E(max(tt, t + 60), e["id"], "bvh", "view", p, cid if r.random() < 0.5 else "", "incident_followup" if s == src else s)
        # control room
        mk = on_shift(w, "meldkamer", REGIO, t)
        if mk:
            op = r.choice(mk)
            for p in persons:
                if r.random() < 0.8:
                    E(max(T0, t - r.randint(0, 240)), op["id"], "bvh", "query", p, "", "control_room")
        # officer of duty for larger incidents
        if len(persons) >= 3 and r.random() < 0.5:
            ov = on_shift(w, "ovd", u, t)
            if ov:
                o = r.choice(ov)
                for p in persons[:2]:
                    E(t + r.randint(300, 3600), o["id"], "bvh", "view", p, "", "ovd_duty")
        return cid

    for u, _, _, _ in DISTRICTS:
        for d in range(DAYS):
            carn = CARNIVAL[0] <= d < CARNIVAL[1] or (d == CARNIVAL[0] - 1)
            nb = r.randint(46, 60) * (1.2 if d % 7 >= 4 else 1.0)
            if carn:
                nb *= 2.6 if u in ("lb_zuidwest", "lb_zuidoost") else 1.7
            for _ in range(int(nb)):
                hw = HOURW if not carn else [9, 8, 7, 5, 3, 2, 2, 2, 3, 3, 4, 6, 7, 7, 7, 7, 8, 9, 10, 10, 10, 10, 10, 10]
                h = r.choices(range(24), hw)[0]
                t = day_start(d) + h * 3600 + r.randint(0, 3599)
                np_ = r.choice([1, 1, 2, 2, 2, 3, 4])
                ps = []
                for _ in range(np_):
                    p = incperson(u)
                    if p not in ps:
                        ps.append(p)
                src = "incident_response" if not carn else "carnival_incident"
                if r.random() < 0.004 and emp_persons_by_d.get(u):
                    ps.append(r.choice(emp_persons_by_d[u]))  # colleague off duty as victim / reporter
                    src = "colleague_victim_incident"
                incident(u, t, ps, src=src)

    # ---------------------------------------------------------------- intake
    ac = [0]

    def intake_case(unit, team, emp, t, ps, src, cid=None, prefix="AANG"):
        ac[0] += 1
        cid = cid or "LB26-%s-%06d" % (prefix, ac[0] * 5 + r.randint(0, 4))
        addcase(cid, "intake", unit, team, fl(t) if r.random() < 0.5 else fdate(t),
                r.choice(["", fdate(t), fdate(t + 86400 * r.randint(1, 5))]), sensv(False))
        roles = ["aangever", "verdachte", "benadeelde", "getuige"]
        for i, p in enumerate(ps):
            addp(cid, p, roles[min(i, 3)])
        if r.random() < 0.6:
            w.cstaff.append((cid, emp["id"], fdate(t), fdate(t)))
        w.emp_cases.setdefault(emp["id"], []).append(cid)
        for p in ps:
            E(t + r.randint(0, 300), emp["id"], "bvh", "query", p, cid if r.random() < 0.3 else "", src)
            if r.random() < 0.7:
                E(t + r.randint(300, 1800), emp["id"], "bvh", "view", p, cid if r.random() < 0.7 else "", src)
        return cid

    w.routed = {}
    w.wijk_by_unit = {}
    for e in w.emps:
        if e["kind"] == "wijk":
            w.wijk_by_unit.setdefault(e["unit"], []).append(e)
    for d in range(DAYS):
        for u, _, _, _ in DISTRICTS:
            for _ in range(r.randint(14, 26) if d % 7 < 5 else r.randint(0, 4)):
                t = day_start(d) + r.randint(9 * 3600, 16 * 3600)
                es = on_shift(w, "intake", u, t)
                if not es:
                    continue
                ps = [r.choice(w.res_by_d[u])] + ([incperson(u)] if r.random() < 0.4 else [])
                src = "intake_desk"
                if r.random() < 0.006 and emp_persons_by_d.get(u):
                    ps[0] = r.choice(emp_persons_by_d[u])
                    src = "colleague_reporter_intake"
                cid = intake_case(u, w.dteams[u]["intake"], r.choice(es), t, ps, src)
                if r.random() < 0.3:  # report routed to the neighbourhood officer for follow-up
                    wa = r.choice(w.wijk_by_unit[u])
                    w.cstaff.append((cid, wa["id"], fdate(t), ""))
                    w.routed.setdefault(wa["id"], []).append(cid)
        for _ in range(r.randint(40, 60)):
            t = day_start(d) + r.randint(7 * 3600, 23 * 3600 - 1)
            es = on_shift(w, "phone", REGIO, t)
            if not es:
                continue
            u = r.choice(list(w.res_by_d))
            intake_case(u, w.t_tis, r.choice(es), t, [r.choice(w.res_by_d[u])], "phone_intake", prefix="TEL")
        # cross-border requests
        if d % 7 < 5:
            for _ in range(r.randint(6, 11)):
                t = day_start(d) + r.randint(8 * 3600, 17 * 3600)
                es = on_shift(w, "crossborder", REGIO, t)
                if not es:
                    continue
                e = r.choice(es)
                ps = [r.choice(w.foreign)] + ([r.choice(w.all_res)] if r.random() < 0.5 else [])
                if r.random() < 0.1:  # request number of the foreign police, no Dutch case
                    ref = r.choice(["PJZ-DE-2026-%05d", "PJ-LIM-26-%05d", "KPB-AC-%05d"]) % r.randint(1, 99999)
                    for p in ps:
                        E(t + r.randint(0, 900), e["id"], "bvi", "query", p, ref, "crossborder_foreign_ref")
                else:
                    intake_case(REGIO, w.t_gpt, e, t, ps, "crossborder_request", prefix="RH")

    # ---------------------------------------------------------------- per-shift work
    team_cases = {}
    for inv in w.invest:
        team_cases.setdefault(inv["team"], []).append(inv)
    inv_by_cid = {inv["cid"]: inv for inv in w.invest}
    all_inc = sorted([x for u in w.incidents for x in w.incidents[u]])
    inc_times = [x[0] for x in all_inc]
    intakes = [c for c in w.cases if c[1] == "intake"]
    intake_by_unit = {}
    for c in intakes:
        intake_by_unit.setdefault(c[2], []).append(c[0])
    test_person = w.test_person

    def housemate(p):
        hh = w.household.get(p, [p])
        return r.choice(hh)

    for e in w.emps:
        k = e["kind"]
        eid = e["id"]
        mine = [inv_by_cid[c] for c in w.emp_cases.get(eid, []) if c in inv_by_cid]
        tc = [inv for inv in team_cases.get(e["team"], []) if inv not in mine]
        for (s, en) in w.worked[eid]:
            def tt():
                return r.randint(s + 300, en - 300)
            if k == "recherche" and (mine or tc):
                for _ in range(r.choice([1, 1, 2, 2, 3])):
                    assigned = mine and (not tc or r.random() < 0.8)
                    inv = r.choice(mine if assigned else tc)
                    if not inv["persons"]:
                        continue
                    for p in r.sample(inv["persons"], min(len(inv["persons"]), r.randint(1, 5))):
                        t = tt()
                        src = "investigation_assigned" if assigned else "investigation_team"
                        act = r.choices(["view", "query", "print", "export"], [70, 25, 3, 2] if assigned else [75, 25, 0, 0])[0]
                        if act in ("print", "export"):
                            src = "investigation_print"
                        E(t, eid, r.choice(["summit", "summit", "bvh", "bvi"]), act, p, inv["cid"] if r.random() < 0.5 else "", src)
                        if r.random() < 0.06:
                            E(t + r.randint(60, 900), eid, "brp", "query", housemate(p), inv["cid"] if r.random() < 0.6 else "", "investigation_contacts")
            elif k == "dismantle" and mine and r.random() < 0.4:
                inv = r.choice(mine)
                for p in inv["persons"][:r.randint(1, 4)]:
                    E(tt(), eid, "summit", "view", p, inv["cid"] if r.random() < 0.4 else "", "dismantling_team")
            elif k == "protect" and mine:
                for _ in range(r.randint(1, 4)):
                    inv = r.choice(mine)
                    if inv["persons"]:
                        E(tt(), eid, "bvh", r.choice(["view", "query"]), r.choice(inv["persons"]), inv["cid"] if r.random() < 0.3 else "", "protection_team")
            elif k == "wijk":
                lo = bisect.bisect_left(inc_times, s - 7 * 86400)
                hi = bisect.bisect_left(inc_times, s)
                own = [x for x in all_inc[lo:hi] if x[3] == e["team"]]
                for _ in range(r.randint(5, 13)):
                    x = r.random()
                    t = tt()
                    if x < 0.62 and own:
                        it = r.choice(own)
                        E(t, eid, "bvh", "view", r.choice(it[2]), it[1] if r.random() < 0.4 else "", "wijk_followup")
                    elif x < 0.9 and intake_by_unit.get(e["unit"]):
                        rt = [c for c in w.routed.get(eid, []) if c <= "~"]
                        c = r.choice(rt) if rt and r.random() < 0.9 else r.choice(intake_by_unit[e["unit"]])
                        if w.case_persons.get(c):
                            E(t, eid, "bvh", "view", r.choice(w.case_persons[c]), c if r.random() < 0.5 else "", "wijk_intake_followup")
                    elif x < 0.95:
                        E(t, eid, "bvh", "query", r.choice(w.res_by_d[e["unit"]]), "", "wijk_signal")
            elif k == "analyst":
                lo = bisect.bisect_left(inc_times, s - 5 * 86400)
                hi = bisect.bisect_left(inc_times, en)
                for _ in range(r.randint(22, 48)):
                    x = r.random()
                    t = tt()
                    if x < 0.45:
                        inv = r.choice(w.invest)
                        if inv["persons"]:
                            E(t, eid, "blueview", r.choice(["query", "view"]), r.choice(inv["persons"]), inv["cid"] if r.random() < 0.2 else "", "analyst_research")
                    elif x < 0.78 and hi > lo:
                        it = all_inc[r.randint(lo, hi - 1)]
                        E(t, eid, "blueview", "query", r.choice(it[2]), "", "analyst_incident_scan")
                    elif x < 0.9:
                        inv = r.choice(w.invest)
                        if inv["persons"]:
                            E(t, eid, "blueview", "query", housemate(r.choice(inv["persons"])), "", "analyst_network")
                    else:
                        c = r.choice(intakes)[0]
                        if w.case_persons.get(c):
                            E(t, eid, "blueview", "query", r.choice(w.case_persons[c]), "", "analyst_research")
            elif k == "noodhulp":
                lo = bisect.bisect_left(inc_times, s - 86400)
                hi = bisect.bisect_left(inc_times, s)
                own = [x for x in all_inc[lo:hi] if x[3] == e["team"]]
                if own and r.random() < 0.5:  # briefing at the start of the shift
                    for _ in range(r.randint(1, 5)):
                        it = r.choice(own)
                        E(s + r.randint(300, 1800), eid, "bvh", "view", r.choice(it[2]), "", "shift_briefing")
                if r.random() < 0.35:  # traffic stop, vehicle owner through RDW
                    t = tt()
                    p = r.choice(w.res_by_d.get(e["unit"], w.all_res))
                    if r.random() < 0.7:
                        cid = incident(e["unit"], t, [p], team=e["team"], src="traffic_stop_recorded", nresp=0, roles=["bestuurder"])
                        E(t + 30, eid, "rdw", "query", p, "", "traffic_stop_recorded")
                        if r.random() < 0.5:
                            w.cstaff.append((cid, eid, fl(t), ""))
                        else:
                            pass
                    else:
                        E(t, eid, "rdw", "query", p, "", "traffic_stop_unrecorded")
            elif k == "staf" and r.random() < 0.12:
                inv = r.choice(w.invest)
                if inv["persons"]:
                    E(tt(), eid, "summit", "view", r.choice(inv["persons"]), "", "staff_briefing")
            elif k == "support" and eid in w.func_admins and r.random() < 0.5:
                for _ in range(r.randint(1, 4)):
                    E(tt(), eid, r.choice(["bvh", "summit", "blueview"]), r.choice(["query", "view"]), test_person, "", "functional_test")
            elif k == "meldkamer" and r.random() < 0.5:
                for _ in range(r.randint(1, 4)):  # calls that never became an incident
                    E(tt(), eid, "bvh", "query", r.choice(w.all_res), "", "control_room_call")
    # news events (legit part)
    gen_news(w, E, incident, investigation)


def gen_news(w, E, incident, investigation):
    r = w.r
    w.news = []
    # 1: shooting in Heerlen on the evening of day 9
    t = day_start(9) + 21 * 3600 + r.randint(1800, 3000)
    vic = r.choice(w.res_by_d["lb_zuidoost"])
    sus = r.sample(w.res_by_d["lb_zuidoost"], 2)
    incident("lb_zuidoost", t, [vic] + sus, nresp=3, roles=["slachtoffer", "verdachte", "verdachte"], src="news_case_work")
    tid = w.t_drr[2]
    inv = investigation(REGIO, tid, True, 0, r.sample(w.members[tid], 6), opened=t + 86400, prefix="ZC")
    for p, role in [(vic, "slachtoffer"), (sus[0], "verdachte"), (sus[1], "verdachte")]:
        inv["persons"].append(p)
        w.cpersons.append((inv["cid"], p, role))
    for e in inv["staff"]:
        for p in [vic] + sus:
            for _ in range(r.randint(1, 3)):
                E(t + r.randint(3600 * 12, 3600 * 24 * 6), e["id"], "summit", "view", p, inv["cid"] if r.random() < 0.5 else "", "news_case_work")
    w.news.append((t, [vic] + sus, inv))
    # 2: footballer (vip) arrested at a drug lab on day 19
    t2 = day_start(19) + 6 * 3600 + r.randint(0, 1800)
    star = r.choice(w.vips)
    tid = w.t_drr[0]
    inv2 = investigation(REGIO, tid, True, 3, r.sample(w.members[tid], 5) + r.sample(w.members[w.t_lab], 2), opened=t2, prefix="ON")
    inv2["persons"].append(star)
    w.cpersons.append((inv2["cid"], star, "verdachte"))
    for e in inv2["staff"]:
        for _ in range(r.randint(1, 4)):
            E(t2 + r.randint(0, 3600 * 24 * 5), e["id"], "summit", r.choice(["view", "view", "print"]), star, inv2["cid"] if r.random() < 0.5 else "", "news_case_work")
    w.news.append((t2, [star], inv2))


# ====================================================================== improper look-ups
OPER = ("noodhulp", "wijk", "recherche", "intake", "phone", "meldkamer", "analyst", "me", "crossborder", "ovd", "protect")
RANKW = {"hoofdagent": 3.0, "brigadier": 2.6, "agent": 1.6, "inspecteur": 0.8, "burger": 0.7}


def gen_improper(w):
    r = w.r
    w.n_incidents = 0
    used = set()
    pool = [e for e in w.emps if e["kind"] in OPER and w.worked[e["id"]]]
    weights = [RANKW.get(e["rank"], 1.0) for e in pool]
    inc_no = [0]
    w.incident_summary = []

    def leaker(cond=None):
        for _ in range(5000):
            e = r.choices(pool, weights)[0]
            if e["id"] in used or (cond and not cond(e)):
                continue
            used.add(e["id"])
            return e
        return None

    def new_inc(scen, e):
        inc_no[0] += 1
        iid = "I-%03d" % (inc_no[0] * 3 + r.randint(0, 2))
        w.incident_summary.append((iid, scen, e["id"]))
        return iid

    def decoy(e):
        cs = w.emp_cases.get(e["id"], [])
        return r.choice(cs) if cs and r.random() < 0.25 else ""

    def in_shift(e, day_lo=0, day_hi=DAYS):
        ws = [x for x in w.worked[e["id"]] if day_lo * 86400 <= x[0] - T0 < day_hi * 86400] or w.worked[e["id"]]
        s, en = r.choice(ws)
        return r.randint(s + 600, en - 600)

    def off_shift(e):
        for _ in range(200):
            d = r.randrange(DAYS)
            t = day_start(d) + r.choice([19, 20, 21, 22, 23, 6]) * 3600 + r.randint(0, 3599)
            if not any(s - 3 * 3600 <= t < en + 3 * 3600 for s, en in w.worked[e["id"]]):
                return t
        return day_start(r.randrange(DAYS)) + 3 * 3600

    def add(t, e, sysn, act, pid, cg, iid, scen):
        w.events.append([t, e["id"], sysn, act, pid, cg, "", iid, scen])

    def lookups(e, iid, scen, pids, n_each=(1, 2), off_p=0.0, spread_days=None, acts=("query", "view")):
        for p in pids:
            for j in range(r.randint(*n_each)):
                if r.random() < off_p:
                    t = off_shift(e)
                else:
                    t = in_shift(e)
                act = acts[0] if j == 0 else r.choice(acts)
                add(t, e, r.choice(["bvh", "bvh", "meos", "brp", "blueview"]), act, p, decoy(e), iid, scen)

    def unrelated(e):
        for _ in range(100):
            p = r.choice(w.all_res)
            if p not in w.in_case and p not in w.person_emp and p != e.get("person"):
                return p
        return r.choice(w.all_res)

    def count(lo, hi):
        return r.randint(lo, hi)

    has_p = lambda e: bool(e.get("person"))
    # self
    for _ in range(count(5, 7)):
        e = leaker(has_p)
        iid = new_inc("self", e)
        lookups(e, iid, "self", [e["person"]], (1, 3))
    # family (parents, children, siblings)
    for _ in range(count(7, 10)):
        e = leaker(lambda x: w.family[x["id"]]["parent"] or w.family[x["id"]]["sibling"] or w.family[x["id"]]["child"])
        f = w.family[e["id"]]
        cand = f["parent"] + f["sibling"] + f["child"]
        iid = new_inc("family", e)
        lookups(e, iid, "family", r.sample(cand, min(len(cand), r.randint(1, 3))), (1, 2), off_p=0.15)
    for _ in range(count(4, 6)):
        e = leaker(lambda x: w.family[x["id"]]["partner"])
        iid = new_inc("partner", e)
        lookups(e, iid, "partner", w.family[e["id"]]["partner"], (1, 5), off_p=0.2)
    for _ in range(count(5, 8)):
        e = leaker(lambda x: w.family[x["id"]]["ex_partner"])
        iid = new_inc("ex_partner", e)
        x = w.family[e["id"]]["ex_partner"][0]
        pids = [x] + ([h for h in w.household.get(x, []) if h != x][:1] if r.random() < 0.3 else [])
        lookups(e, iid, "ex_partner", pids, (3, 10), off_p=0.35)
    # neighbours: same postcode, not own household
    for _ in range(count(6, 9)):
        def ok(x):
            p = x.get("person")
            if not p:
                return False
            pc = w.persons[w.pidx[p]][3].replace(" ", "").upper()
            return len([q for q in w.by_pc.get(pc, []) if q not in w.household.get(p, [])]) >= 2 and not pc[0].isalpha() and "-" not in pc
        e = leaker(ok)
        p = e["person"]
        pc = w.persons[w.pidx[p]][3].replace(" ", "").upper()
        nb = [q for q in w.by_pc[pc] if q not in w.household.get(p, [])]
        iid = new_inc("neighbour", e)
        lookups(e, iid, "neighbour", r.sample(nb, min(len(nb), r.randint(1, 3))), (1, 2), off_p=0.2)
    # surname relatives not in relations.csv
    for _ in range(count(4, 7)):
        e = leaker(lambda x: w.family[x["id"]]["kin"])
        iid = new_inc("surname_relative", e)
        lookups(e, iid, "surname_relative", w.family[e["id"]]["kin"][:r.randint(1, 2)], (1, 3))
    # colleagues
    colleagues_p = [x for x in w.emps if x.get("person")]
    for _ in range(count(7, 10)):
        e = leaker()
        same = [x["person"] for x in w.members[e["team"]] if x.get("person") and x["id"] != e["id"]]
        pids = []
        for _ in range(r.randint(1, 3)):
            pids.append(r.choice(same) if same and r.random() < 0.6 else r.choice(colleagues_p)["person"])
        iid = new_inc("colleague", e)
        lookups(e, iid, "colleague", sorted(set(pids)), (1, 2))
    # vip curiosity
    for _ in range(count(6, 9)):
        e = leaker()
        iid = new_inc("vip_curiosity", e)
        lookups(e, iid, "vip_curiosity", r.sample(w.vips, r.randint(1, 2)), (1, 3))
    for _ in range(count(2, 4)):
        e = leaker()
        iid = new_inc("shielded", e)
        lookups(e, iid, "shielded", [r.choice(w.shielded)], (1, 2))
    # sensitive investigations the employee is not on (leak to criminals)
    sens = [inv for inv in w.invest if inv["sens"] and inv["persons"]]
    for _ in range(count(6, 9)):
        e = leaker(lambda x: x["kind"] in ("noodhulp", "wijk", "intake", "recherche", "meldkamer"))
        mine = set(w.emp_cases.get(e["id"], []))
        inv = r.choice([i for i in sens if i["cid"] not in mine and i["team"] != e["team"]])
        iid = new_inc("sensitive_investigation", e)
        sus = inv["persons"]
        lookups(e, iid, "sensitive_investigation", r.sample(sus, min(len(sus), r.randint(1, 4))), (1, 3), off_p=0.1)
    # off-shift look-ups of unrelated persons
    for _ in range(count(5, 7)):
        e = leaker()
        iid = new_inc("off_shift", e)
        for _ in range(r.randint(3, 8)):
            p = unrelated(e) if r.random() < 0.6 else r.choice(r.choice(w.incidents[r.choice(list(w.incidents))])[2])
            add(off_shift(e), e, r.choice(["bvh", "meos"]), r.choice(["query", "view"]), p, "", iid, "off_shift")
    # browsing: many unrelated persons in a short time
    for _ in range(count(4, 6)):
        e = leaker()
        iid = new_inc("browsing", e)
        t = in_shift(e)
        for _ in range(r.randint(15, 40)):
            t += r.randint(20, 150)
            add(t, e, "bvh", r.choice(["query", "query", "view"]), unrelated(e), "", iid, "browsing")
    # following one person over weeks
    for _ in range(count(5, 7)):
        e = leaker()
        iid = new_inc("following", e)
        p = unrelated(e)
        d0 = r.randint(0, 6)
        for j in range(r.randint(6, 14)):
            t = in_shift(e, d0 + j * 2, d0 + j * 2 + 4) if r.random() < 0.75 else off_shift(e)
            add(t, e, r.choice(["bvh", "brp"]), r.choice(["query", "view", "view"]), p, "", iid, "following")
    # export / print of unrelated records
    for _ in range(count(5, 7)):
        e = leaker()
        iid = new_inc("export_print", e)
        for _ in range(r.randint(1, 2)):
            p = unrelated(e) if r.random() < 0.5 else r.choice(r.choice(w.incidents[r.choice(list(w.incidents))])[2])
            t = in_shift(e)
            add(t, e, "bvh", "view", p, decoy(e), iid, "export_print")
            add(t + r.randint(30, 400), e, "bvh", r.choice(["print", "export"]), p, decoy(e), iid, "export_print")
    # news hype: curious colleagues within two days
    for (t0, pids, inv) in w.news:
        staff = set(x["id"] for x in inv["staff"])
        for _ in range(count(6, 12) if len(pids) > 1 else count(5, 9)):
            e = leaker(lambda x: x["id"] not in staff)
            iid = new_inc("news_hype", e)
            ws = [x for x in w.worked[e["id"]] if t0 <= x[1] and x[0] <= t0 + 2 * 86400]
            for p in r.sample(pids, r.randint(1, len(pids))):
                for _ in range(r.randint(1, 2)):
                    if ws:
                        s, en = r.choice(ws)
                        t = r.randint(max(s, t0 + 1800), max(max(s, t0 + 1800) + 60, en - 60))
                    else:
                        t = t0 + r.randint(3600, 2 * 86400)
                    add(t, e, r.choice(["bvh", "meos", "blueview"]), r.choice(["query", "view"]), p, "", iid, "news_hype")
    # volume spike: many unrelated persons over one or two shifts
    for _ in range(count(3, 4)):
        e = leaker(lambda x: len(w.worked[x["id"]]) >= 8)
        iid = new_inc("volume_spike", e)
        shs = r.sample(w.worked[e["id"]][3:], r.randint(1, 2))
        for (s, en) in shs:
            for _ in range(r.randint(40, 80)):
                add(r.randint(s + 300, en - 300), e, r.choice(["bvh", "brp"]), "query", unrelated(e), "", iid, "volume_spike")
    w.n_incidents = len(w.incident_summary)
    w.n_improper = sum(1 for x in w.events if x[7])


# ====================================================================== writing
def write(w, out, debug):
    r = random.Random(w.r.random())  # cosmetic randomness, independent of --debug
    os.makedirs(out, exist_ok=True)

    def wcsv(name, header, rows, bom=False, crlf=False):
        buf = io.StringIO()
        cw = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
        cw.writerow(header)
        for row in rows:
            cw.writerow(row)
        data = buf.getvalue()
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            if bom:
                f.write("\ufeff")
            f.write(data)

    wcsv("units.csv", ["unit_id", "name", "fte"],
         [(u, n, ("%.1f" % (w.unit_fte[u] * 0.93)).replace(".", ",") if u != REGIO else "") for u, n in w.units])
    wcsv("teams.csv", ["team_id", "unit_id", "kind", "name"], w.teams, bom=True, crlf=True)
    rows = []
    for e in w.emps:
        rk = e["rank"] if r.random() > 0.05 else e["rank"].capitalize()
        if r.random() < 0.01:
            rk = ""
        row = [e["id"], e.get("person", ""), e["surname"], e["unit"], e["team"], rk, e["function"], r.choice(["fulltime", "parttime", "36u"])]
        if r.random() < 0.015 and e["kind"] in ("noodhulp", "wijk", "recherche"):  # transferred during the period
            rows.append(row)
            others = [t[0] for t in w.teams if t[1] == e["unit"] and t[0] != e["team"] and t[2] in ("basisteam", "recherche")]
            row = row[:4] + [r.choice(others)] + row[5:]
        rows.append(row)
    wcsv("employees.csv", ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank", "function", "dienstverband"], rows)
    prow = []
    for p in w.persons:
        pc = p[3]
        if pc and r.random() < 0.08 and pc[:4].isdigit() and len(pc) == 6:
            pc = pc[:4] + " " + (pc[4:].lower() if r.random() < 0.5 else pc[4:])
        prow.append([p[0], p[1], p[2], pc, p[4], p[5]])
    wcsv("persons.csv", ["person_id", "surname", "birth_year", "postcode", "house_number", "flags"], prow)
    wcsv("relations.csv", ["person_id", "related_person_id", "kind"], w.rels)
    # cases: a few reopened (repeated row, later state)
    crow = [c[:] for c in w.cases]
    for c in [c for c in w.cases if c[1] == "investigation"][:0] + r.sample([c for c in w.cases if c[1] == "intake" and c[5]], 15):
        crow.append([c[0], c[1], c[2], c[3], c[4], "", c[6]])
    wcsv("cases.csv", ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], crow)
    wcsv("case_persons.csv", ["case_id", "person_id", "role"], w.cpersons)
    wcsv("case_staff.csv", ["case_id", "employee_id", "from", "to"], w.cstaff)
    wcsv("shifts.csv", ["employee_id", "start", "end"],
         [(eid, fz(s) if z else fl(s), fz(en) if z else fl(en)) for eid, s, en, z in w.roster])
    # events: main log merged in time order, the brp/rdw gateway log appended after it
    evs = w.events
    evs.sort(key=lambda x: (x[0], x[1], x[4], x[3], x[6], x[7] or ""))
    main_ = [x for x in evs if x[2] not in ("brp", "rdw")]
    gw = [x for x in evs if x[2] in ("brp", "rdw")]
    lines, truth, dbg = [], [], []
    n = 0
    for x in main_ + gw:
        n += 1
        eid = "e-%07d" % n
        t = x[0]
        if x[2] in ("brp", "rdw"):
            ts = fl(t)
        elif x[2] == "blueview":
            ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%03dZ" % r.randint(0, 999)
        else:
            ts = fz(t)
        o = {"id": eid, "ts": ts, "employee_id": x[1], "system": x[2],
             "action": x[3].upper() if x[2] == "meos" else x[3], "person_id": x[4]}
        if x[5]:
            o["case_id"] = x[5]
        else:
            c = r.random()
            if c < 0.3:
                o["case_id"] = None
            elif c < 0.45:
                o["case_id"] = ""
        lines.append(json.dumps(o, ensure_ascii=False, separators=(",", ":")))
        if x[7]:
            truth.append((eid, x[7], x[8]))
        else:
            dbg.append((eid, x[6]))
    with open(os.path.join(out, "events.jsonl"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    wcsv("truth.csv", ["event_id", "incident_id", "scenario"], truth)
    if debug:
        wcsv("debug_sources.csv", ["event_id", "source"], dbg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    a = ap.parse_args()
    t_start = time.time()
    w = build(a.seed)
    gen_work(w)
    gen_improper(w)
    write(w, a.outdir, a.debug)
    print("events %d, improper %d (%d incidents), employees %d, persons %d, %.1fs" % (
        len(w.events), w.n_improper, w.n_incidents, len(w.emps), len(w.persons), time.time() - t_start))


if __name__ == "__main__":
    main()
