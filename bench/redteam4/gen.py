#!/usr/bin/env python3
"""Red-team world generator 4: a small, messy rural police district.

Written from SPEC.md sections 5-6 and docs/formats.md only (independent of
lekradar's own synth code). Standard library only.

    python3 bench/redteam4/gen.py OUTDIR --seed N
    python3 bench/redteam4/gen.py --check OUTDIR

See README.md next to this file for the world model, the scenarios and the quirks.
"""
import argparse
import calendar
import csv
import gzip
import io
import json
import os
import random
import sys
import time

# Day 0 is Monday 2026-03-09 (local). The period crosses the change to summer time
# (2026-03-29 01:00 UTC), so local offsets switch from +01:00 to +02:00.
BASE = calendar.timegm((2026, 3, 9, 0, 0, 0))  # local midnight of day 0, read as UTC
DST = calendar.timegm((2026, 3, 29, 1, 0, 0))
DAYS = 35


def off(t):
    return 7200 if t >= DST else 3600


def L(day, h, m=0, s=0.0):
    """Local wall-clock time (day index, hour, minute) to UTC epoch seconds."""
    naive = BASE + day * 86400 + h * 3600 + m * 60 + s
    return naive - 7200 if naive - 7200 >= DST else naive - 3600


def lday(t):
    return int((t + off(t) - BASE) // 86400)


def lhour(t):
    return ((t + off(t) - BASE) % 86400) / 3600.0


def fmt_local(t, frac=0, sep="T"):
    o = off(t)
    s = time.strftime("%Y-%m-%d" + sep + "%H:%M:%S", time.gmtime(int(t) + o))
    if frac:
        s += "." + ("%09d" % int((t % 1) * 1e9))[:frac]
    return s + ("+02:00" if o == 7200 else "+01:00")


def fmt_utc(t, sep="T", z="Z", frac=0):
    s = time.strftime("%Y-%m-%d" + sep + "%H:%M:%S", time.gmtime(int(t)))
    if frac:
        s += "." + ("%09d" % int((t % 1) * 1e9))[:frac] + ("7" * max(0, frac - 9))
    return s + z


def fmt_date(day):
    return time.strftime("%Y-%m-%d", time.gmtime(BASE + day * 86400))


# ---------------------------------------------------------------- names and places

COMMON = ["Wolters", "Hendriks", "Nijland", "te Lintelo", "Ribbers", "Lammers", "Geurink",
          "Wissink", "Bennink", "Klein Gunnewiek", "ter Haar", "Eppink", "Rouwhorst",
          "Lensink", "Wijers", "Overkamp", "Tenbült", "Jansen", "Bosch", "Heijink",
          "Domhof", "Stoltenborg", "Hulshof", "Brinkman", "Te Brake", "Meulenbelt",
          "Bruil", "Hoftijzer", "Gosselink", "Luttikhold"]
FOREIGN = ["Yılmaz", "Kaya", "Öztürk", "Demir", "Şahin", "Nowak", "Kowalski", "Wiśniewski",
           "Kamińska", "El Idrissi", "Bouzid", "Haddou", "Nguyen", "Tran", "Popescu",
           "Ionescu", "Petrović", "Müller", "Schulte", "Brüggemann", "Hoffmann", "Dos Santos",
           "Pereira", "Osei", "Mensah", "Abdi", "Hussein", "Rahimi", "Kovács", "Horváth"]
RARE_A = ["Ol", "Wes", "Bus", "Hak", "Ro", "Ste", "Ven", "Bor", "Mek", "Lu", "Gro", "Es",
          "Wan", "Har", "Kem", "Tij", "Ab", "Hul", "Lie", "Smee", "Jol", "Vos", "Gaal", "Ek",
          "Zwa", "Bel", "Krab", "Hei", "Mul", "Rik"]
RARE_B = ["ink", "ing", "erink", "horst", "kamp", "man", "veld", "broek", "huis", "hof",
          "tjes", "ers", "boer", "schot", "weg", "lo", "bert", "ijzer", "kes", "ekate"]
RARE_P = ["", "", "", "", "te ", "ter ", "van de ", "op den ", "Ten ", "van "]

AREAS = [
    ("0601", "Veenkanten", [("Hesselo", 7000, "7151"), ("Rouwveen", 2500, "7152"),
                            ("Kattenbroek", 1800, "7153"), ("Eschmarke", 3000, "7154"),
                            ("Brinkhorst", 1500, "7155")]),
    ("0602", "Slingerbeek", [("Ligtenberg", 9000, "7161"), ("Mekkelhorst", 3500, "7163"),
                             ("Haarlo-Zuid", 2000, "7164"), ("Zwolferveen", 2200, "7165"),
                             ("Avest", 1400, "7166")]),
    ("0603", "Grenshoek", [("Dinxhorst", 11000, "7141"), ("Kotterveld", 4000, "7143"),
                           ("Wenterdijk", 3200, "7144"), ("Rekkelo", 2600, "7145"),
                           ("Meddeloo", 2300, "7146")]),
]
PC_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


class World:
    pass


def gen_persons(w, rng, n_target):
    rare = set()
    while len(rare) < 2600:
        rare.add(rng.choice(RARE_P) + rng.choice(RARE_A) + rng.choice(RARE_B))
    w.rare_pool = sorted(rare)
    rare_cw, common_cw, acc = [], [], 0.0
    for _ in w.rare_pool:
        acc += rng.paretovariate(1.6)
        rare_cw.append(acc)
    acc = 0.0
    for i in range(len(COMMON)):
        acc += 1.0 / (i + 1) ** 0.7
        common_cw.append(acc)

    def surname():
        r = rng.random()
        if r < 0.40:
            return rng.choices(COMMON, cum_weights=common_cw)[0]
        if r < 0.47:
            return rng.choice(FOREIGN)
        return rng.choices(w.rare_pool, cum_weights=rare_cw)[0]

    used = set()

    def new_pid():
        while True:
            r = rng.random()
            if r < 0.70:
                s = str(rng.randrange(100000000, 999999999))
            elif r < 0.90:
                s = "00" + str(rng.randrange(1000000, 9999999))
            else:
                s = "P" + str(rng.randrange(100000, 999999))
            if s not in used:
                used.add(s)
                return s
    w.new_pid = new_pid

    P = w.P = []  # person dicts
    H = w.H = []  # households
    w.true_rel = []  # (a, b, kind): b is kind of a (indices)
    w.exp_rel = []

    scale = n_target / sum(v[1] for a in AREAS for v in a[2])
    # per village address allocator
    alloc = {}

    def address(vil):
        st = alloc.get(vil["name"])
        if st is None or st["left"] <= 0:
            while True:
                pc = vil["pc4s"][rng.randrange(len(vil["pc4s"]))] + rng.choice(PC_LETTERS) + rng.choice(PC_LETTERS)
                if pc not in w.pcs:
                    break
            w.pcs.add(pc)
            st = {"pc": pc, "left": rng.randint(10, 24), "hn": rng.randint(1, 40)}
            alloc[vil["name"]] = st
        st["left"] -= 1
        st["hn"] += rng.choice([1, 2, 2])
        hn = str(st["hn"])
        r = rng.random()
        if r < 0.05:
            hn += rng.choice(["a", "b", "A"])
        elif r < 0.07:
            hn += "-" + rng.choice(["I", "II", "1"])
        return st["pc"], hn
    w.pcs = set()

    def add_person(hh, sur, by, role):
        p = {"i": len(P), "id": new_pid(), "sur": sur, "by": by, "hh": hh["i"], "area": hh["area"],
             "vil": hh["vil"], "pc": hh["pc"], "hn": hh["hn"], "flags": [], "role": role}
        P.append(p)
        hh["m"].append(p["i"])
        return p

    def add_household(vil, area, head_sur=None, head_by=None, kind=None):
        pc, hn = address(vil)
        hh = {"i": len(H), "vil": vil["name"], "area": area, "pc": pc, "hn": hn, "m": []}
        H.append(hh)
        kind = kind or rng.choices(["single", "couple", "family", "old"], [0.28, 0.25, 0.35, 0.12])[0]
        sur = head_sur or surname()
        if head_by is None:
            head_by = {"single": rng.randint(1945, 2005), "couple": rng.randint(1950, 1998),
                       "family": rng.randint(1972, 1998), "old": rng.randint(1936, 1958)}[kind]
        head = add_person(hh, sur, head_by, "head")
        if kind in ("couple", "family", "old"):
            psur = sur if rng.random() < 0.45 else surname()
            partner = add_person(hh, psur, head_by + rng.randint(-5, 5), "partner")
            w.true_rel.append((head["i"], partner["i"], "partner"))
            w.true_rel.append((partner["i"], head["i"], "partner"))
            if kind == "family":
                for _ in range(rng.choice([1, 1, 2, 2, 2, 3, 3, 4])):
                    by = min(2025, head_by + rng.randint(22, 40))
                    c = add_person(hh, sur, by, "child")
                    for par in (head, partner):
                        w.true_rel.append((c["i"], par["i"], "parent"))
                        w.true_rel.append((par["i"], c["i"], "child"))
        if kind == "single" and rng.random() < 0.06:  # lodger or house-share
            lod = add_person(hh, surname(), rng.randint(1960, 2004), "lodger")
            w.true_rel.append((head["i"], lod["i"], "household"))
        return hh

    w.villages = []
    for area, aname, vils in AREAS:
        for name, pop, pc4 in vils:
            vil = {"name": name, "area": area, "pc4s": [pc4] if pop < 6000 else [pc4, str(int(pc4) + 1)]}
            w.villages.append(vil)
            target = len(P) + int(pop * scale)
            while len(P) < target:
                if rng.random() < 0.30:
                    # an older couple with children who moved out, some still in the village
                    old = add_household(vil, area, kind="old")
                    parents = [m for m in old["m"]]
                    kids = []
                    for _ in range(rng.choice([1, 1, 2, 2, 3])):
                        v2 = vil if rng.random() < 0.7 else rng.choice([x for x in w.villages if x["area"] == area] or [vil])
                        sur = P[parents[0]]["sur"] if rng.random() < 0.75 else None
                        hh = add_household(v2, area, head_sur=sur, head_by=P[parents[0]]["by"] + rng.randint(22, 36),
                                           kind=rng.choice(["single", "couple", "family"]))
                        kid = hh["m"][0]
                        if sur is None:
                            P[kid]["sur"] = P[parents[0]]["sur"]
                        for par in parents:
                            w.true_rel.append((kid, par, "parent"))
                            w.true_rel.append((par, kid, "child"))
                        kids.append(kid)
                    for a in kids:
                        for b in kids:
                            if a != b:
                                w.true_rel.append((a, b, "sibling"))
                else:
                    add_household(vil, area)
    # ex-partners: adults in different households of the same area
    adults = [p["i"] for p in P if p["by"] <= 2000]
    w.ex_pairs = []
    for _ in range(700):
        a, b = rng.sample(adults, 2)
        if P[a]["hh"] != P[b]["hh"]:
            w.true_rel.append((a, b, "ex_partner"))
            w.true_rel.append((b, a, "ex_partner"))
    # export: an old registry holds relations for roughly 60% of families; one direction may be lost
    hh_exported = {h["i"]: rng.random() < 0.6 for h in H}
    for a, b, k in w.true_rel:
        keep = hh_exported[P[a]["hh"]] if k != "ex_partner" else rng.random() < 0.45
        if keep and rng.random() < 0.85:
            w.exp_rel.append((a, b, k))
    w.exp_rel_set = set((a, b) for a, b, k in w.exp_rel) | set((b, a) for a, b, k in w.exp_rel)
    w.rel_of = {}
    for a, b, k in w.true_rel:
        w.rel_of.setdefault(a, []).append((b, k))
    # flags
    olds = [p for p in P if p["by"] < 1945]
    for p in rng.sample(olds, min(len(olds), 330)):
        p["flags"].append("deceased")
    adults2 = [p for p in P if 1950 <= p["by"] <= 2000]
    w.vips = rng.sample(adults2, 26)
    for p in w.vips:
        p["flags"].append("vip")
    w.shielded = rng.sample([p for p in adults2 if p not in w.vips], 18)
    for p in w.shielded:
        p["flags"].append("shielded")
    for p in rng.sample(P, 700):
        p["flags"].append(rng.choice(["vuurwapenvergunning", "GGZ", "gevaarlijk", "signalering"]))
    w.by_pc = {}
    for p in P:
        w.by_pc.setdefault(p["pc"], []).append(p["i"])
    w.by_sur = {}
    for p in P:
        w.by_sur.setdefault(p["sur"], []).append(p["i"])
    w.by_area = {}
    for p in P:
        w.by_area.setdefault(p["area"], []).append(p["i"])
    # people from outside the district: their ids look the same, they are not in persons.csv
    w.outside = [new_pid() for _ in range(30000)]
    acc, w.outside_cw = 0.0, []
    for _ in w.outside:
        acc += rng.paretovariate(1.3)
        w.outside_cw.append(acc)


def pick_outside(w, rng):
    return rng.choices(w.outside, cum_weights=w.outside_cw)[0]


# ---------------------------------------------------------------- staff

RANKS = {
    "basisteam": (["aspirant", "agent", "hoofdagent", "brigadier", "inspecteur"], [6, 30, 40, 18, 3]),
    "noodhulp": (["agent", "hoofdagent", "brigadier"], [40, 45, 15]),
    "wijkteam": (["hoofdagent", "brigadier"], [60, 40]),
    "recherche": (["agent", "hoofdagent", "brigadier", "inspecteur", "burger"], [8, 40, 25, 10, 17]),
    "specialistisch": (["hoofdagent", "brigadier", "inspecteur", "burger"], [40, 30, 15, 15]),
    "informatie_analyse": (["burger", "hoofdagent", "brigadier"], [70, 20, 10]),
    "intake_service": (["burger", "surveillant", "agent", "hoofdagent"], [50, 20, 20, 10]),
    "meldkamer": (["burger", "hoofdagent", "brigadier"], [65, 25, 10]),
    "ondersteuning": (["burger", "hoofdagent", "extern", "brigadier"], [55, 20, 15, 10]),
    "staf": (["burger", "inspecteur", "hoofdinspecteur", "commissaris"], [50, 25, 20, 5]),
    "volunteer": (["surveillant", "agent", "hoofdagent"], [40, 45, 15]),
}
FUNCS = {
    "basisteam": ["basispolitiezorg", "noodhulp", "BPZ", "noodhulp/handhaving"],
    "noodhulp": ["noodhulp"], "wijkteam": ["wijkagent"],
    "recherche": ["rechercheur", "tactisch rechercheur", "opsporing"],
    "specialistisch": ["ondermijning", "rechercheur", "observatie"],
    "informatie_analyse": ["analist", "informatierapporteur"],
    "intake_service": ["intake", "service", "aangifte-opname"],
    "meldkamer": ["meldkamer", "centralist"],
    "ondersteuning": ["bijzondere wetten", "arrestantenzorg", "ICT", "administratie"],
    "staf": ["teamchef", "districtschef", "HRM", "communicatie", "staf"],
    "volunteer": ["vrijwilliger", "piket", "vrijwillige politie"],
}


def gen_staff(w, rng):
    w.teams = []  # dicts
    w.E = []
    used_ids = set()

    def new_eid():
        while True:
            r = rng.random()
            if r < 0.55:
                s = str(rng.randrange(100000, 999999))
            elif r < 0.8:
                s = "00" + str(rng.randrange(1000, 9999))
            else:
                s = "E" + str(rng.randrange(10000, 99999))
            if s not in used_ids:
                used_ids.add(s)
                return s

    def team(tid, unit, kind, name, kind_out=None):
        t = {"id": tid, "unit": unit, "kind": kind, "name": name,
             "kind_out": kind if kind_out is None else kind_out}
        w.teams.append(t)
        return t

    plan = []  # (team, unit, kind, count, residence area or None)
    for area, aname, _ in AREAS:
        n = area[-1]
        ta = team("0%s1" % n, area, "basisteam", "Basisteam %s A" % aname, "Basisteam")
        tb = team("0%s2" % n, area, "basisteam", "Basisteam %s B" % aname, "BASISTEAM")
        tw = team("WT-%s" % area, area, "wijkteam", "Wijkteam %s, dorpen" % aname)
        tn = team("NH%s" % n, area, "noodhulp", "Noodhulp %s" % aname)
        plan += [(ta, area, "basisteam", 62), (tb, area, "basisteam", 60), (tw, area, "wijkteam", 15),
                 (tn, area, "noodhulp", 16), (ta if n != "2" else tb, area, "volunteer", 16)]
    r1 = team("DR-1", "0600", "recherche", "Districtsrecherche 1")
    r2 = team("DR-2", "0600", "recherche", "Districtsrecherche\n2 (ondermijning)")
    sp = team("0600-SP", "0600", "specialistisch", "Team Ondermijning", "Specialistisch ")
    ia = team("DIK", "0600", "informatie_analyse", "Districtsinformatieknooppunt")
    it = team("0600-SVC", "0600", "intake_service", "Intake en service")
    on = team("0600-OND", "0600", "ondersteuning", "Operationele ondersteuning", "")  # kind unknown
    st = team("0600-STAF", "0600", "staf", "Districtsstaf")
    m1 = team("MK-ON-1", "MK-ON", "meldkamer", "Meldkamer Oost, \"politie\" ploeg 1")
    m2 = team("MK-ON-2", "MK-ON", "meldkamer", "Meldkamer Oost, ploeg 2")
    vh = team("ON-VH", "ON-REG", "specialistisch", "Verkeershandhaving Oost")
    team("DR-3", "0600", "recherche", "Zedenrecherche (opgeheven)")  # a team with no staff left
    plan += [(r1, "0600", "recherche", 36), (r2, "0600", "recherche", 34), (sp, "0600", "specialistisch", 18),
             (ia, "0600", "informatie_analyse", 22), (it, "0600", "intake_service", 40),
             (on, "0600", "ondersteuning", 50), (st, "0600", "staf", 30),
             (m1, "MK-ON", "meldkamer", 34), (m2, "MK-ON", "meldkamer", 34), (vh, "ON-REG", "specialistisch", 38),
             (None, "0500", "basisteam", 40), (None, "0600", "ondersteuning", 14)]
    w.team_by_id = {t["id"]: t for t in w.teams}
    used_person = set()
    for t, unit, kind, count in plan:
        for _ in range(count):
            e = {"id": new_eid(), "unit": unit, "kind": kind if kind != "volunteer" else "basisteam",
                 "team": t, "role": kind, "pi": None, "export_pi": True}
            rk, wt = RANKS[kind]
            e["rank"] = rng.choices(rk, wt)[0]
            e["func"] = rng.choice(FUNCS[kind])
            # residence: local staff live among the people they police
            if unit in ("0601", "0602", "0603"):
                p_local, home = 0.75, unit
            elif unit == "0600":
                p_local, home = 0.55, None
            elif unit == "MK-ON":
                p_local, home = 0.08, None
            else:
                p_local, home = 0.05, None
            if rng.random() < p_local:
                if home and rng.random() < 0.75:
                    pool = w.by_area[home]
                else:
                    pool = w.by_area[rng.choice(["0601", "0602", "0603"])]
                for _ in range(50):
                    pi = rng.choice(pool)
                    p = w.P[pi]
                    if pi not in used_person and 1962 <= p["by"] <= 2005 and "deceased" not in p["flags"] \
                            and "vip" not in p["flags"] and "shielded" not in p["flags"]:
                        used_person.add(pi)
                        e["pi"] = pi
                        break
            w.E.append(e)
    # a few police couples: the partner of a local employee also works here
    locals_ = [e for e in w.E if e["pi"] is not None]
    for e in rng.sample(locals_, 14):
        for b, k in w.rel_of.get(e["pi"], []):
            if k == "partner" and b not in used_person:
                cand = [x for x in w.E if x["pi"] is None and x["unit"] in ("0600", "0601", "0602", "0603")]
                if cand:
                    x = rng.choice(cand)
                    x["pi"] = b
                    used_person.add(b)
                break
    for e in w.E:
        if e["pi"] is not None:
            e["sur"] = w.P[e["pi"]]["sur"]
            # the personnel system links about 80% of the staff who have a record here
            e["export_pi"] = rng.random() < 0.8
        else:
            r = rng.random()
            e["sur"] = rng.choice(COMMON) if r < 0.35 else (rng.choice(FOREIGN) if r < 0.45 else rng.choice(w.rare_pool))
        e["sur_out"] = e["sur"]
        if e["sur"].split(" ")[0] in ("te", "ter", "van", "op") and rng.random() < 0.15:
            parts = e["sur"].split(" ")
            e["sur_out"] = " ".join(parts[-1:]) + ", " + " ".join(parts[:-1])  # "Lintelo, te"
        # function only: the personnel export has no team for about a quarter of the staff
        e["team_out"] = "" if (e["team"] is None or rng.random() < 0.25) else e["team"]["id"]
        if e["team"] is None and e["kind"] == "basisteam" and e["unit"] == "0500":
            e["func"] = "bijstand buurdistrict"
    w.emp_by_id = {e["id"]: e for e in w.E}
    w.emp_of_person = {e["pi"]: e for e in w.E if e["pi"] is not None}


# ---------------------------------------------------------------- rosters

def gen_shifts(w, rng):
    """True worked shifts per employee; w.roster holds the exported ones."""
    w.shifts = {}
    w.roster = []
    for e in w.E:
        role, sh = e["role"], []
        part = rng.random() < 0.25
        if role in ("basisteam", "noodhulp", "meldkamer"):
            phase = rng.randrange(10)
            for d in range(-1, DAYS):
                k = (d + phase) % 10
                if k >= 6 or (part and rng.random() < 0.4) or rng.random() < 0.07:
                    continue
                h = [7, 7, 15, 15, 23, 23][k]
                s = L(d, h, rng.choice([0, 0, 0, 30]) if role != "meldkamer" else 0)
                sh.append((s, s + 8 * 3600 + rng.choice([0, 0, 1800, 3600])))
        elif role in ("wijkteam", "intake_service", "recherche", "specialistisch", "informatie_analyse",
                      "ondersteuning", "staf"):
            for d in range(DAYS):
                wd = d % 7
                if wd >= 5 and not (role == "intake_service" and rng.random() < 0.25):
                    continue
                if (part and rng.random() < 0.35) or rng.random() < 0.08:
                    continue
                if role == "wijkteam" and rng.random() < 0.2:
                    s = L(d, 14)
                    sh.append((s, s + 8 * 3600))
                else:
                    s = L(d, rng.choice([7, 8, 8, 9]), rng.choice([0, 30]))
                    sh.append((s, s + 8.5 * 3600))
        w.shifts[e["id"]] = sh
        # what the roster export holds: office roles often not rostered, volunteers never
        exported = {"basisteam": 0.97, "noodhulp": 0.97, "meldkamer": 0.99, "wijkteam": 0.9,
                    "intake_service": 0.95, "recherche": 0.6, "specialistisch": 0.3,
                    "informatie_analyse": 0.5, "ondersteuning": 0.2, "staf": 0.0}.get(role, 0.0)
        if e["unit"] not in ("0600", "0601", "0602", "0603", "MK-ON"):
            exported = 0.0
        e["rostered"] = rng.random() < exported
        if e["rostered"]:
            for s, t in sh:
                w.roster.append((e["id"], s, t))
    w.shift_day = {}
    for eid, sh in w.shifts.items():
        for s, t in sh:
            w.shift_day.setdefault(lday(s), []).append((s, t, eid))
            if lday(t) != lday(s):
                w.shift_day.setdefault(lday(t), []).append((s, t, eid))


def on_shift(w, eid, t):
    for s, e in w.shifts.get(eid, ()):
        if s <= t <= e:
            return True
    return False


def staff_on(w, t, pred):
    out = []
    for s, e, eid in w.shift_day.get(lday(t), ()):
        if s <= t <= e:
            emp = w.emp_by_id[eid]
            if pred(emp):
                out.append(emp)
    return out


# ---------------------------------------------------------------- cases and legitimate work

class Log:
    def __init__(self):
        self.ev = []  # [t, eid, person_id, action, system, case_id, incident_id, scenario]

    def add(self, t, eid, pid, action, system, case=None, inc=None, scen=None):
        self.ev.append([t, eid, pid, action, system, case, inc, scen])


def gen_cases(w, rng, log):
    w.cases = []  # dict(id, kind, unit, team, opened(t), opened_s, closed_s, sensitive, persons[(pid, role)])
    w.case_staff = []  # (case_id, eid, from_s, to_s)
    used = set()

    def cid(kind):
        while True:
            if kind == "incident":
                s = str(rng.randrange(260000000, 269999999))
            elif kind == "intake":
                s = "2026%s-%06d" % (rng.choice(["0601", "0602", "0603", "0600"]), rng.randrange(999999))
            else:
                s = "0600" + rng.choice(["25", "26"]) + "%04d" % rng.randrange(9999)
            if s not in used:
                used.add(s)
                return s

    def pid_of(i):
        return w.P[i]["id"]

    area_units = ["0601", "0602", "0603"]
    area_staff = {a: [e for e in w.E if e["unit"] == a] for a in area_units}
    w.case_by_id = {}

    def new_case(kind, unit, team, opened, opened_s, closed_s, sensitive, persons):
        c = {"id": cid(kind), "kind": kind, "unit": unit, "team": team, "opened": opened,
             "opened_s": opened_s, "closed_s": closed_s, "sensitive": sensitive, "persons": persons}
        w.cases.append(c)
        w.case_by_id[c["id"]] = c
        return c

    def resident(area, p_other=0.1):
        a = area if rng.random() > p_other else rng.choice(area_units)
        while True:
            i = rng.choice(w.by_area[a])
            if "deceased" not in w.P[i]["flags"]:
                return i

    # --- investigations (many opened before the period)
    w.investigations = []
    recherche = [t for t in w.teams if t["kind"] in ("recherche", "specialistisch") and t["unit"] == "0600"
                 and t["id"] != "DR-3"]
    for k in range(78):
        sens = k < 13
        team = recherche[2] if (sens and rng.random() < 0.6) else rng.choice(recherche[:2])
        od = rng.randint(-260, 20)
        opened_s = fmt_date(od)
        closed_s = ""
        if rng.random() < 0.25:
            cd = rng.randint(max(od, 0) + 2, DAYS + 5)
            closed_s = fmt_date(cd) if cd < DAYS else ""
        n = rng.randint(3, 14) if not sens else rng.randint(4, 18)
        persons = []
        area = rng.choice(area_units)
        for j in range(n):
            if rng.random() < 0.7:
                persons.append((pid_of(resident(area, 0.3)), rng.choice(["verdachte", "verdachte", "getuige", "betrokkene", "slachtoffer", ""])))
            else:
                persons.append((pick_outside(w, rng), rng.choice(["verdachte", "betrokkene", "getuige"])))
        if k in (20, 21):  # investigations against a public figure
            persons.append((w.vips[k - 20]["id"], "verdachte"))
        c = new_case("investigation", "0600", team["id"] if rng.random() < 0.92 else "", L(max(od, 0), 9),
                     opened_s, closed_s, sens, persons)
        c["team_obj"] = team
        members = [e for e in w.E if e["team"] is team]
        staff = rng.sample(members, min(len(members), rng.randint(2, 6)))
        if rng.random() < 0.3:
            staff.append(rng.choice([e for e in w.E if e["role"] == "informatie_analyse"]))
        c["staff"] = staff
        for e in staff:
            fr = opened_s if rng.random() < 0.6 else (fmt_date(max(od, -30) + rng.randint(0, 10)) if rng.random() < 0.7 else "")
            to = "" if rng.random() < 0.85 else fmt_date(rng.randint(max(od, 0) + 1, DAYS + 3))
            if fr and to and to < fr:
                to = ""
            w.case_staff.append((c["id"], e["id"], fr, to))
        w.investigations.append(c)
        # the work: assigned staff look case persons up on their working days
        for e in staff:
            for d in range(max(od, 0), DAYS):
                if c["closed_s"] and fmt_date(d) > c["closed_s"] and rng.random() < 0.8:
                    continue
                if d % 7 >= 5 or rng.random() > 0.4:
                    continue
                t = L(d, rng.uniform(8, 17.5))
                for _ in range(rng.randint(1, 4)):
                    pid = rng.choice(persons)[0]
                    act = rng.choices(["query", "view", "export", "print"], [40, 55, 3, 2])[0]
                    sysm = rng.choice(["bvh", "summit", "summit", "bvi"])
                    log.add(t, e["id"], pid, act, sysm, c["id"] if rng.random() < 0.5 else None)
                    t += rng.uniform(20, 900)
        # unassigned team colleagues help out now and then
        for d in range(max(od, 0), DAYS):
            if d % 7 < 5 and rng.random() < 0.12 and members:
                e = rng.choice(members)
                t = L(d, rng.uniform(8, 17))
                for _ in range(rng.randint(1, 2)):
                    log.add(t, e["id"], rng.choice(persons)[0], "view", "summit", None)
                    t += rng.uniform(30, 600)
    w.sensitive = [c for c in w.investigations if c["sensitive"]]

    # --- incidents
    w.incidents = []
    mk = lambda e: e["role"] == "meldkamer"
    for d in range(DAYS):
        for area in area_units:
            n = rng.randint(6, 13) + (3 if d % 7 >= 4 else 0)
            for _ in range(n):
                h = rng.choices(range(24), [2, 2, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 5, 5, 6, 6, 6, 5, 5, 4, 4, 3])[0]
                t0 = L(d, h, rng.randint(0, 59), rng.randint(0, 59))
                persons = []
                if rng.random() < 0.2:  # domestic: two members of one household
                    hh = w.H[w.P[resident(area)]["hh"]]
                    for i in hh["m"][:rng.randint(1, 3)]:
                        persons.append((pid_of(i), rng.choice(["betrokkene", "verdachte", "slachtoffer"])))
                for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
                    if rng.random() < 0.72:
                        persons.append((pid_of(resident(area)), rng.choice(["melder", "betrokkene", "verdachte", "slachtoffer", "getuige"])))
                    else:
                        persons.append((pick_outside(w, rng), rng.choice(["betrokkene", "verdachte", "bestuurder"])))
                if rng.random() < 0.01 and w.sensitive:
                    persons.append((rng.choice(rng.choice(w.sensitive)["persons"])[0], "bestuurder"))
                if rng.random() < 0.004:
                    persons.append((rng.choice(w.vips)["id"], "melder"))
                r = rng.random()
                team = ("0%s%d" % (area[-1], rng.choice([1, 2]))) if r < 0.72 else ("NH%s" % area[-1] if r < 0.88 else "")
                if rng.random() < 0.55:
                    opened_s = fmt_local(t0) if rng.random() < 0.6 else fmt_utc(t0)
                else:
                    opened_s = fmt_utc(t0, sep=" ")
                rc = rng.random()
                tc = t0 + rng.uniform(0.5, 6) * 3600
                closed_s = fmt_local(tc) if rc < 0.5 else (fmt_date(lday(tc) + (1 if rng.random() < 0.3 else 0)) if rc < 0.8 else "")
                c = new_case("incident", area, team, t0, opened_s, closed_s, False, persons)
                w.incidents.append(c)
                incident_work(w, rng, log, c, area, t0, mk)
    # --- intake
    it_team = w.team_by_id["0600-SVC"]
    for d in range(DAYS):
        wd = d % 7
        for _ in range(rng.randint(14, 24) if wd < 5 else rng.randint(3, 7)):
            t0 = L(d, rng.uniform(8.2, 16.5))
            desk = staff_on(w, t0, lambda e: e["role"] == "intake_service")
            if not desk:
                continue
            clerk = rng.choice(desk)
            area = rng.choice(area_units)
            persons = [(pid_of(resident(area, 0.05)), "aangever")]
            if rng.random() < 0.5:
                persons.append((pid_of(resident(area)) if rng.random() < 0.7 else pick_outside(w, rng), "verdachte"))
            r = rng.random()
            team = it_team["id"] if r < 0.45 else ("0%s%d" % (area[-1], rng.choice([1, 2])) if r < 0.85 else "")
            c = new_case("intake", area if rng.random() < 0.6 else "0600", team, t0,
                         fmt_date(d) if rng.random() < 0.6 else fmt_local(t0), fmt_date(d + rng.randint(0, 12)) if rng.random() < 0.5 else "",
                         False, persons)
            if c["closed_s"] and c["closed_s"] < c["opened_s"][:10]:
                c["closed_s"] = ""
            if rng.random() < 0.3:
                w.case_staff.append((c["id"], clerk["id"], fmt_date(d), ""))
            t = t0
            for pid, _ in persons:
                log.add(t, clerk["id"], pid, "query", "bvh", c["id"] if rng.random() < 0.35 else None)
                log.add(t + rng.uniform(5, 60), clerk["id"], pid, "view", "bvh", None)
                t += rng.uniform(60, 400)
            if rng.random() < 0.15:
                log.add(t + 30, clerk["id"], persons[0][0], "print", "bvh", c["id"])
            # follow-up by the area's officers, days later
            if rng.random() < 0.55:
                fd = d + rng.randint(1, 6)
                if fd < DAYS:
                    tf = L(fd, rng.uniform(8, 22))
                    cand = staff_on(w, tf, lambda e, a=area: e["unit"] == a and e["role"] in ("basisteam", "wijkteam"))
                    if cand:
                        off_ = rng.choice(cand)
                        for pid, _ in persons:
                            log.add(tf, off_["id"], pid, rng.choice(["view", "query"]), "bvh", c["id"] if rng.random() < 0.45 else None)
                            tf += rng.uniform(30, 300)
                        if rng.random() < 0.4:
                            w.case_staff.append((c["id"], off_["id"], fmt_date(fd), ""))
    # the intake desk also answers phone questions about people without registering a case
    for e in w.E:
        if e["role"] != "intake_service":
            continue
        for s, t in w.shifts[e["id"]]:
            for _ in range(rng.randint(0, 4)):
                i = rng.choice(w.P)["i"] if rng.random() < 0.75 else None
                log.add(rng.uniform(s, t), e["id"], w.P[i]["id"] if i is not None else pick_outside(w, rng), "query", "bvh")


def incident_work(w, rng, log, c, area, t0, mk):
    persons = c["persons"]
    # regional control room: looks up everybody named in the call
    ops = staff_on(w, t0, mk)
    if ops:
        op = rng.choice(ops)
        t = t0 + rng.uniform(10, 200)
        for pid, _ in persons:
            log.add(t, op["id"], pid, "query", "GMS", c["id"] if rng.random() < 0.6 else None)
            t += rng.uniform(5, 90)
    # responders on shift in the area
    resp = staff_on(w, t0, lambda e: e["unit"] == area and e["role"] in ("basisteam", "noodhulp", "wijkteam"))
    night = lhour(t0) >= 23 or lhour(t0) < 7
    chosen = []
    if resp and not (night and rng.random() < 0.15):
        chosen = rng.sample(resp, min(len(resp), rng.choice([1, 1, 2, 2, 3])))
    else:
        # on call: a volunteer or piket officer is called out; call-outs are not in the roster
        pool = [e for e in w.E if e["unit"] == area and (e["role"] == "volunteer" or e["rank"] == "brigadier")]
        chosen = [rng.choice(pool)]
        c["callout"] = chosen[0]["id"]
    for k, e in enumerate(chosen):
        t = t0 + rng.uniform(120, 3600 * 1.5)
        for pid, _ in persons:
            log.add(t, e["id"], pid, rng.choice(["query", "view"]), "meos" if rng.random() < 0.6 else "bvh",
                    c["id"] if rng.random() < 0.35 else None)
            if rng.random() < 0.5:
                log.add(t + rng.uniform(10, 400), e["id"], pid, "view", "bvh", None)
            t += rng.uniform(20, 600)
        if k == 0 and (rng.random() < 0.45 or (c.get("callout") and rng.random() < 0.5)):
            w.case_staff.append((c["id"], e["id"], c["opened_s"] if rng.random() < 0.5 else fmt_date(lday(t0)),
                                 "" if rng.random() < 0.6 else fmt_date(lday(t0) + rng.randint(0, 14))))
        # follow-up after the incident is closed (statements, reports, a visit)
        if k == 0 and rng.random() < 0.3:
            fd = lday(t0) + rng.randint(1, 10)
            if fd < DAYS:
                sh = [s for s in w.shifts.get(e["id"], ()) if lday(s[0]) == fd]
                tf = rng.uniform(*sh[0]) if sh else L(fd, rng.uniform(9, 20))
                for pid, _ in persons[:2]:
                    log.add(tf, e["id"], pid, "view", "bvh", c["id"] if rng.random() < 0.3 else None)
                    tf += rng.uniform(30, 500)


def gen_routine(w, rng, log):
    """Street checks, village officers, analysts, control room work for other districts."""
    area_units = ["0601", "0602", "0603"]
    recent = {a: [] for a in area_units}
    for c in sorted(w.cases, key=lambda c: c["opened"]):
        if c["unit"] in recent:
            recent[c["unit"]].append(c)
    team_recent = {}
    for c in sorted(w.cases, key=lambda c: c["opened"]):
        if c["team"]:
            team_recent.setdefault(c["team"], []).append(c)
    for e in w.E:
        role = e["role"]
        for s, t in w.shifts[e["id"]]:
            if role in ("basisteam", "noodhulp") and e["team"] is not None:
                # the team's own open cases: statements, follow-up calls, handing over
                tc = [c for c in team_recent.get(e["team"]["id"], ()) if s - 10 * 86400 <= c["opened"] <= s]
                for _ in range(rng.choice([0, 1, 2, 3, 4]) if tc else 0):
                    c = rng.choice(tc)
                    log.add(rng.uniform(s, t), e["id"], rng.choice(c["persons"])[0], rng.choice(["view", "query"]), "bvh",
                            c["id"] if rng.random() < 0.3 else None)
            if role in ("basisteam", "noodhulp"):
                # street and traffic checks: MEOS queries of whoever is stopped
                for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 6])):
                    if rng.random() < 0.4:
                        pid = pick_outside(w, rng)
                    else:
                        pid = w.P[rng.choice(w.by_area[e["unit"]] if e["unit"] in w.by_area else w.by_area["0601"])]["id"]
                    ts = rng.uniform(s, t)
                    log.add(ts, e["id"], pid, "query", rng.choice(["meos", "meos", "rdw"]))
            elif role == "wijkteam":
                rc = [c for c in recent[e["unit"]] if s - 14 * 86400 <= c["opened"] <= s]
                for _ in range(rng.randint(2, 10)):
                    ts = rng.uniform(s, t)
                    if rc and rng.random() < 0.75:
                        c = rng.choice(rc)
                        log.add(ts, e["id"], rng.choice(c["persons"])[0], "view", "bvh", c["id"] if rng.random() < 0.4 else None)
                    else:  # a worried neighbour, a welfare visit: no case
                        log.add(ts, e["id"], w.P[rng.choice(w.by_area[e["unit"]])]["id"], "query", "bvh")
            elif role == "informatie_analyse":
                for _ in range(rng.randint(8, 40)):
                    ts = rng.uniform(s, t)
                    r = rng.random()
                    if r < 0.45:
                        c = rng.choice(w.investigations)
                        pid = rng.choice(c["persons"])[0]
                    elif r < 0.8:
                        c = rng.choice(w.incidents)
                        pid = rng.choice(c["persons"])[0]
                    else:
                        pid = pick_outside(w, rng) if rng.random() < 0.5 else rng.choice(w.P)["id"]
                    log.add(ts, e["id"], pid, rng.choice(["query", "view", "view"]), rng.choice(["blueview", "bvi", "summit"]))
            elif role == "meldkamer":
                # the control room serves other districts too, whose incidents are not in this export
                for _ in range(rng.randint(3, 12)):
                    log.add(rng.uniform(s, t), e["id"], pick_outside(w, rng), "query", "GMS")
        if role == "ondersteuning" and e["func"] == "bijzondere wetten":
            for d in range(DAYS):
                if d % 7 < 5 and rng.random() < 0.7:
                    for _ in range(rng.randint(1, 6)):
                        i = rng.choice(w.P)["i"]
                        log.add(L(d, rng.uniform(8.5, 16.5)), e["id"], w.P[i]["id"], "view", "bvh")
        if role == "specialistisch" and e["unit"] == "ON-REG":
            for d in range(DAYS):
                if rng.random() < 0.35:
                    for _ in range(rng.randint(1, 8)):
                        log.add(L(d, rng.uniform(7, 23)), e["id"], pick_outside(w, rng) if rng.random() < 0.6 else rng.choice(w.P)["id"], "query", "rdw")
        if role == "staf" and rng.random() < 0.3:
            for _ in range(rng.randint(1, 5)):
                c = rng.choice(w.incidents)
                log.add(c["opened"] + rng.uniform(3600, 86400 * 2), e["id"], rng.choice(c["persons"])[0], "view", "bvh", c["id"] if rng.random() < 0.5 else None)
    # assistance from the neighbouring district (unit 0500, no team): a few look-ups during joint actions
    for e in w.E:
        if e["unit"] == "0500" and rng.random() < 0.4:
            c = rng.choice(w.incidents)
            for pid, _ in c["persons"]:
                log.add(c["opened"] + rng.uniform(600, 7200), e["id"], pid, "query", "meos", c["id"] if rng.random() < 0.5 else None)
    # accounts that are not in employees.csv
    for d in range(DAYS):
        for _ in range(rng.randint(0, 3)):
            log.add(L(d, rng.uniform(1, 5)), "svc-brp-sync", rng.choice(w.P)["id"], "query", "brp")
    log.add(L(3, 10.2), "E07781", rng.choice(w.P)["id"], "view", "bvh")
    log.add(L(3, 10.3), "E07781", rng.choice(w.P)["id"], "view", "bvh")
    log.add(L(17, 14.1), "GAST01", pick_outside(w, rng), "query", "meos")
    log.add(L(17, 14.2), "GAST01", pick_outside(w, rng), "query", "meos")
    log.add(L(22, 9.5), "0000", rng.choice(w.P)["id"], "query", "bvh")


# ---------------------------------------------------------------- improper look-ups

def gen_improper(w, rng, log):
    w.incs = []
    n = [0]
    # what each employee may legitimately see: persons of their assigned and team cases
    assigned = {}
    for cid_, eid, fr, to in w.case_staff:
        assigned.setdefault(eid, set()).update(p for p, _ in w.case_by_id[cid_]["persons"])
    team_persons = {}
    for c in w.cases:
        if c["team"]:
            team_persons.setdefault(c["team"], set()).update(p for p, _ in c["persons"])
    in_case = set(p for c in w.cases for p, _ in c["persons"])
    true_pairs = set((a, b) for a, b, _ in w.true_rel)
    busy = set()

    def clean(e, pid):
        return pid not in assigned.get(e["id"], ()) and pid not in team_persons.get(e["team"]["id"] if e["team"] else "", ())

    def new_inc(scen, e, pids, note):
        n[0] += 1
        iid = "I-%03d" % n[0]
        w.incs.append((iid, scen, e["id"], ";".join(pids), note))
        busy.add(e["id"])
        return iid

    def shift_time(e, d_lo=0, d_hi=DAYS - 1):
        sh = [s for s in w.shifts.get(e["id"], ()) if d_lo <= lday(s[0]) <= d_hi and s[1] < L(DAYS, 0) - 6 * 3600]
        if not sh:
            return L(rng.randint(d_lo, d_hi), rng.uniform(9, 17))
        s = rng.choice(sh)
        return rng.uniform(s[0] + 600, s[1] - 600)

    def off_time(e, d_lo=0, d_hi=DAYS - 1):
        for _ in range(200):
            t = L(rng.randint(d_lo, d_hi), rng.choice([rng.uniform(0, 5.5), rng.uniform(19, 22.5)]))
            if not on_shift(w, e["id"], t - 7200) and not on_shift(w, e["id"], t + 7200):
                return t
        return L(rng.randint(d_lo, d_hi), 3.2)

    def add(t, e, pid, iid, scen, act=None, sysm="bvh", case=None):
        log.add(t, e["id"], pid, act or rng.choice(["query", "view", "view"]), sysm, case, iid, scen)

    def fake_case(e):
        # a case number that exists but does not contain the person: a pretext
        c = rng.choice(w.incidents)
        return c["id"]

    def pick_emp(pred):
        c = [e for e in w.E if e["id"] not in busy and pred(e)]
        return rng.choice(c) if c else None

    local = lambda e: e["pi"] is not None and e["role"] not in ("meldkamer",)
    active = lambda e: e["role"] in ("basisteam", "noodhulp", "wijkteam", "recherche", "intake_service", "informatie_analyse", "specialistisch", "meldkamer")

    # self
    for k in range(2):
        e = pick_emp(lambda e: local(e) and active(e) and e["export_pi"])
        pid = w.P[e["pi"]]["id"]
        iid = new_inc("self", e, [pid], "own record: checks whether a fine / report about self is registered")
        for _ in range(rng.randint(1, 3)):
            add(shift_time(e), e, pid, iid, "self")

    def rel_targets(e, kinds, exported):
        out = []
        for b, k in w.rel_of.get(e["pi"], []):
            if k in kinds and ((e["pi"], b) in w.exp_rel_set) == exported and "deceased" not in w.P[b]["flags"] \
                    and b not in w.emp_of_person:
                out.append((b, k))
        return out

    def relation_case(scen, kinds, exported, count, note, pattern):
        for _ in range(count):
            e = None
            for _ in range(400):
                cand = pick_emp(lambda x: local(x) and active(x))
                if cand and rel_targets(cand, kinds, exported) and (exported is False or cand["export_pi"]):
                    e = cand
                    break
            if e is None:
                continue
            b, k = rng.choice(rel_targets(e, kinds, exported))
            pid = w.P[b]["id"]
            iid = new_inc(scen, e, [pid], "%s (%s, relation row %s, employee person_id %s); %s" % (
                note, k, "exported" if exported else "absent", "exported" if e["export_pi"] else "empty", pattern))
            if pattern == "once":
                add(shift_time(e), e, pid, iid, scen)
            elif pattern == "weeks":
                for d in sorted(rng.sample(range(DAYS), rng.randint(4, 8))):
                    t = shift_time(e, d, d) if rng.random() < 0.6 else off_time(e, d, d)
                    add(t, e, pid, iid, scen, case=fake_case(e) if rng.random() < 0.2 else None)
            else:
                t = shift_time(e)
                for _ in range(rng.randint(2, 4)):
                    add(t, e, pid, iid, scen)
                    t += rng.uniform(20, 1200)

    relation_case("family", {"parent", "child", "sibling"}, True, 2, "relative", "burst")
    relation_case("family", {"parent", "child", "sibling"}, True, 1, "relative", "weeks")
    relation_case("family", {"parent", "child", "sibling"}, False, 2, "relative", "burst")
    relation_case("partner", {"partner"}, True, 1, "partner", "burst")
    relation_case("partner", {"partner"}, False, 1, "partner, same address", "once")
    relation_case("ex_partner", {"ex_partner"}, True, 2, "ex-partner", "weeks")
    relation_case("ex_partner", {"ex_partner"}, False, 2, "ex-partner", "weeks")

    # family member in an incident of the employee's own unit during the shift (explained, but conflict)
    for inc in rng.sample(w.incidents, len(w.incidents)):
        hit = None
        ids = set(p for p, _ in inc["persons"])
        for e in w.E:
            if e["id"] in busy or e["pi"] is None or e["unit"] != inc["unit"] or not e["export_pi"]:
                continue
            for b, k in w.rel_of.get(e["pi"], []):
                if k in ("sibling", "child", "parent") and w.P[b]["id"] in ids and on_shift(w, e["id"], inc["opened"] + 1800):
                    hit = (e, b, k)
                    break
            if hit:
                break
        if hit:
            e, b, k = hit
            pid = w.P[b]["id"]
            iid = new_inc("family", e, [pid], "relative (%s) is in an incident of the employee's unit during the shift; employee not dispatched, looks anyway" % k)
            t = inc["opened"] + rng.uniform(900, 3000)
            add(t, e, pid, iid, "family", act="view", sysm="meos")
            add(t + 200, e, pid, iid, "family", act="view")
            break

    # neighbours
    for k in range(3):
        for _ in range(400):
            e = pick_emp(lambda x: local(x) and active(x) and x["export_pi"])
            me = w.P[e["pi"]]
            nb = [i for i in w.by_pc.get(me["pc"], []) if w.P[i]["hh"] != me["hh"] and i not in w.emp_of_person
                  and (e["pi"], i) not in true_pairs]
            nb = [i for i in nb if clean(e, w.P[i]["id"])]
            if me["pc"] and nb:
                break
        targets = rng.sample(nb, min(len(nb), rng.choice([1, 1, 2, 3])))
        pids = [w.P[i]["id"] for i in targets]
        iid = new_inc("neighbour", e, pids, "same postcode %s" % me["pc"])
        t = shift_time(e) if k != 2 else off_time(e)
        for pid in pids:
            add(t, e, pid, iid, "neighbour")
            t += rng.uniform(30, 400)
            if rng.random() < 0.5:
                add(t, e, pid, iid, "neighbour", act="view")
                t += rng.uniform(30, 400)

    # shared uncommon surname (no relation on record; a cousin, a namesake)
    for k in range(2):
        for _ in range(500):
            e = pick_emp(lambda x: active(x) and x["sur"] in w.by_sur and len(w.by_sur[x["sur"]]) in range(3, 16))
            if e is None:
                continue
            cands = [i for i in w.by_sur[e["sur"]] if i != e["pi"] and (e["pi"] is None or w.P[i]["hh"] != w.P[e["pi"]]["hh"])
                     and i not in w.emp_of_person and clean(e, w.P[i]["id"])]
            if cands:
                break
        tg = rng.sample(cands, min(len(cands), rng.randint(1, 3)))
        pids = [w.P[i]["id"] for i in tg]
        iid = new_inc("shared_surname", e, pids, "uncommon surname %s (%d bearers)" % (e["sur"], len(w.by_sur[e["sur"]])))
        t = shift_time(e)
        for pid in pids:
            add(t, e, pid, iid, "shared_surname")
            t += rng.uniform(20, 300)

    # colleagues
    for k in range(3):
        e = pick_emp(lambda x: active(x))
        col = rng.choice([x for x in w.E if x["pi"] is not None and x is not e and x["export_pi"]
                          and (x["unit"] == e["unit"] or rng.random() < 0.3)] or [x for x in w.E if x["pi"] is not None and x is not e])
        pid = w.P[col["pi"]]["id"]
        iid = new_inc("colleague", e, [pid], "person record of colleague %s (%s)" % (col["id"], col["role"]))
        for d in sorted(rng.sample(range(DAYS), rng.randint(1, 3))):
            add(shift_time(e, d, d), e, pid, iid, "colleague")

    # vip and shielded
    for scen, pool in (("vip", w.vips), ("shielded", w.shielded)):
        for k in range(2):
            e = pick_emp(lambda x: active(x) and x["role"] != "meldkamer")
            p = rng.choice([p for p in pool if clean(e, p["id"])])
            iid = new_inc(scen, e, [p["id"]], "%s person %s" % (scen, p["sur"]))
            t = shift_time(e)
            for _ in range(rng.randint(1, 3)):
                add(t, e, p["id"], iid, scen, case=fake_case(e) if rng.random() < 0.3 else None)
                t += rng.uniform(60, 3000)

    # sensitive investigation leaks
    for k in range(3):
        c = rng.choice(w.sensitive)
        staff_ids = set(x["id"] for x in c["staff"])
        pred = (lambda x: x["role"] in ("basisteam", "noodhulp") and x["id"] not in staff_ids) if k < 2 else \
               (lambda x: x["role"] == "recherche" and x["team"] is not None and x["team"]["id"] != c["team"] and x["id"] not in staff_ids)
        e = pick_emp(pred)
        tg = [p for p, _ in rng.sample(c["persons"], min(len(c["persons"]), rng.randint(2, 5)))]
        iid = new_inc("sensitive_leak", e, tg, "persons of sensitive investigation %s; employee not on it%s" % (
            c["id"], " (recherche, other team)" if k == 2 else ""))
        for d in sorted(rng.sample(range(DAYS), rng.randint(1, 3))):
            t = shift_time(e, d, d)
            for pid in rng.sample(tg, rng.randint(1, len(tg))):
                add(t, e, pid, iid, "sensitive_leak", case=fake_case(e) if k == 1 else None,
                    sysm="summit" if k == 2 else "bvh")
                t += rng.uniform(30, 900)

    # off shift: look-ups from home in the night of a day off
    for k in range(2):
        e = pick_emp(lambda x: x["rostered"] and x["role"] in ("basisteam", "noodhulp", "intake_service"))
        tg = []
        for _ in range(rng.randint(3, 7)):
            i = rng.choice(w.by_area.get(e["unit"], w.by_area["0602"]))
            if clean(e, w.P[i]["id"]):
                tg.append(w.P[i]["id"])
        iid = new_inc("off_shift", e, tg, "look-ups at night on a day off, from home")
        t = off_time(e)
        for pid in tg:
            add(t, e, pid, iid, "off_shift", act="view", sysm="blueview")
            t += rng.uniform(40, 400)

    # browsing: many unrelated people in a short time (own village, exes of friends, school mates)
    for k in range(2):
        e = pick_emp(lambda x: local(x) and x["role"] in ("basisteam", "noodhulp", "intake_service"))
        vil = w.P[e["pi"]]["vil"]
        pool = [p["i"] for p in w.P if p["vil"] == vil]
        tg = [w.P[i]["id"] for i in rng.sample(pool, rng.randint(18, 35))]
        tg = [p for p in tg if clean(e, p)]
        iid = new_inc("browsing", e, tg, "browsing residents of own village %s" % vil)
        t = shift_time(e)
        for pid in tg:
            add(t, e, pid, iid, "browsing", act="query")
            t += rng.uniform(8, 70)

    # following someone over weeks
    for k in range(2):
        e = pick_emp(lambda x: active(x) and x["role"] != "meldkamer")
        while True:
            p = rng.choice(w.P)
            if 1975 <= p["by"] <= 2004 and p["id"] not in in_case and p["i"] not in w.emp_of_person:
                break
        iid = new_inc("following", e, [p["id"]], "follows one person (met during a street check) over weeks")
        days = sorted(rng.sample(range(2, DAYS), rng.randint(7, 12)))
        for d in days:
            t = shift_time(e, d, d) if rng.random() < 0.7 else off_time(e, d, d)
            add(t, e, p["id"], iid, "following", act="view")
        # the first contact was a legitimate street check
        log.add(L(days[0] - 2 if days[0] >= 2 else 0, 15.5), e["id"], p["id"], "query", "meos")

    # export / print of a record without a case
    for k in range(2):
        e = pick_emp(lambda x: x["role"] in ("recherche", "intake_service", "basisteam"))
        c = rng.choice(w.incidents)
        pid = rng.choice(c["persons"])[0]
        while not clean(e, pid) or c["unit"] == e["unit"]:
            c = rng.choice(w.incidents)
            pid = rng.choice(c["persons"])[0]
        iid = new_inc("export_print", e, [pid], "exports/prints a record of an incident of another area (%s)" % c["id"])
        t = shift_time(e, lday(c["opened"]), DAYS - 1)
        add(t, e, pid, iid, "export_print", act="view")
        add(t + rng.uniform(20, 200), e, pid, iid, "export_print", act="export" if k == 0 else "print")
        if k == 0:
            add(t + rng.uniform(300, 900), e, pid, iid, "export_print", act="print")

    # news hype: two local stories; colleagues not involved look the people up
    stories = []
    for k, area in enumerate(["0602", "0603"]):
        d = 11 if k == 0 else 24
        t0 = L(d, 2, 40) if k == 0 else L(d, 6, 5)
        if k == 0:
            persons = [(w.P[i]["id"], "betrokkene") for i in rng.sample(w.by_area[area], 3) if True]
            c = {"id": "2604%07d" % rng.randrange(9999999), "kind": "incident", "unit": area, "team": "NH3" if area == "0603" else "NH2",
                 "opened": t0, "opened_s": fmt_local(t0), "closed_s": fmt_date(d + 2), "sensitive": False, "persons": persons}
            note = "fatal crash with three local youths on the N-road"
        else:
            persons = [(w.P[rng.choice(w.by_area[area])]["id"], "verdachte"), (pick_outside(w, rng), "verdachte")]
            c = {"id": "0600269%03d" % rng.randrange(999), "kind": "investigation", "unit": "0600", "team": "DR-2",
                 "opened": t0, "opened_s": fmt_date(d), "closed_s": "", "sensitive": False, "persons": persons}
            note = "arrest of a local businessman in a fraud raid, in the regional paper"
        w.cases.append(c)
        w.case_by_id[c["id"]] = c
        stories.append((c, note))
        # legitimate work on it
        resp = staff_on(w, t0, lambda e, a=area: e["unit"] == a and e["role"] in ("basisteam", "noodhulp")) if k == 0 else \
            [e for e in w.E if e["team"] is w.team_by_id["DR-2"]][:3]
        for e in resp[:3]:
            w.case_staff.append((c["id"], e["id"], fmt_date(d), ""))
            for pid, _ in persons:
                log.add(t0 + rng.uniform(300, 5000), e["id"], pid, "view", "bvh", c["id"])
        for e in rng.sample([e for e in w.E if e["role"] == "meldkamer"], 2):
            for pid, _ in persons:
                log.add(t0 + rng.uniform(60, 600), e["id"], pid, "query", "GMS", None)
        for j in range(rng.randint(3, 5)):
            e = pick_emp(lambda x: x["role"] in ("basisteam", "noodhulp", "intake_service", "ondersteuning", "wijkteam", "staf")
                         and x["id"] not in set(r["id"] for r in resp))
            tg = rng.sample([p for p, _ in persons], rng.randint(1, len(persons)))
            iid = new_inc("news_hype", e, tg, note)
            for pid in tg:
                dd = d + rng.choice([0, 1, 1, 2])
                t = shift_time(e, dd, min(dd + 1, DAYS - 1))
                if t < t0:
                    t = t0 + rng.uniform(3600, 20000)
                add(t, e, pid, iid, "news_hype", act="view")
                if rng.random() < 0.4:
                    add(t + rng.uniform(30, 600), e, pid, iid, "news_hype", act="view")

    # volume spike: one day with many times the usual number of queries (harvesting for someone)
    for k in range(2):
        e = pick_emp(lambda x: x["role"] in ("basisteam", "intake_service") and x["rostered"])
        sh = rng.choice([s for s in w.shifts[e["id"]][3:] if s[1] < L(DAYS, 0)])
        tg = []
        for _ in range(rng.randint(70, 140)):
            tg.append(rng.choice(w.P)["id"] if rng.random() < 0.75 else pick_outside(w, rng))
        tg = [p for p in tg if clean(e, p)]
        iid = new_inc("volume_spike", e, tg[:5] + ["..."], "%d extra queries in one shift" % len(tg))
        for pid in tg:
            add(rng.uniform(sh[0], sh[1]), e, pid, iid, "volume_spike", act="query", sysm=rng.choice(["bvh", "blueview"]))


# ---------------------------------------------------------------- writing

def write_csv(path, header, rows, rng, crlf=False, bom=False, gz=False, blanks=0.0, pad=0.0):
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    wr = csv.writer(buf, lineterminator="\r\n" if crlf else "\n")
    wr.writerow(header)
    for r in rows:
        if pad and rng.random() < pad:
            r = [(" %s " % v) if v and "\n" not in v else v for v in r]
        wr.writerow(r)
        if blanks and rng.random() < blanks:
            buf.write("   \r\n" if crlf else "\n")
    if blanks:
        buf.write("\n\n")
    data = buf.getvalue().encode("utf-8")
    if gz:
        with gzip.open(path + ".gz", "wb", compresslevel=6) as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def mixcase(s, rng):
    r = rng.random()
    return s.upper() if r < 0.15 else (s.capitalize() if r < 0.3 else s)


def flag_text(flags, rng):
    if not flags:
        return ""
    parts = []
    for f in flags:
        r = rng.random()
        g = f.upper() if r < 0.3 else (f.capitalize() if r < 0.55 else f)
        parts.append((" " + g + " ") if rng.random() < 0.3 else g)
    if "vip" in flags and rng.random() < 0.2:
        parts.append("VIP")  # given twice
    return ";".join(parts)


def write_world(w, rng, out, log):
    os.makedirs(out, exist_ok=True)
    # teams.csv: extra column, reordered, CRLF
    write_csv(os.path.join(out, "teams.csv"), ["Name", " Team_ID ", "kind", "unit_id", "opgericht"],
              [[t["name"], t["id"], t["kind_out"], t["unit"], "2012-01-01"] for t in w.teams], rng, crlf=True)
    # employees.csv: BOM, CRLF, padding, extra column
    rows = []
    for e in w.E:
        rows.append([e["id"], w.P[e["pi"]]["id"] if (e["pi"] is not None and e["export_pi"]) else "",
                     e["sur_out"], e["unit"], e["team_out"], mixcase(e["rank"], rng) if rng.random() > 0.04 else "",
                     e["func"], "%04d" % rng.randrange(10000)])
    rng.shuffle(rows)
    write_csv(os.path.join(out, "employees.csv"),
              ["employee_id", "person_id", "surname", "unit_id", "team_id", "Rank", "function", "kostenplaats"],
              rows, rng, crlf=True, bom=True, pad=0.05, blanks=0.003)
    # persons.csv.gz: columns reordered, an extra column, empty values, messy postcodes
    rows = []
    for p in w.P:
        pc = p["pc"]
        r = rng.random()
        if r < 0.015:
            pc = ""
        elif r < 0.2:
            pc = pc[:4] + " " + pc[4:]
        elif r < 0.3:
            pc = pc.lower()
        by = "" if rng.random() < 0.025 else str(p["by"])
        sur = "" if rng.random() < 0.007 else p["sur"]
        rows.append([p["hn"], sur, p["id"], pc, flag_text(p["flags"], rng), by, p["vil"]])
    write_csv(os.path.join(out, "persons.csv"), ["house_number", "surname", "person_id", "postcode", "Flags", "birth_year", "woonplaats"],
              rows, rng, gz=True)
    # relations.csv
    write_csv(os.path.join(out, "relations.csv"), ["person_id", "related_person_id", "kind"],
              [[w.P[a]["id"], w.P[b]["id"], k if rng.random() > 0.1 else k.upper()] for a, b, k in w.exp_rel], rng, blanks=0.001)
    # cases.csv
    boolt = ["true", "TRUE", "1", "J", "ja", "yes"]
    boolf = ["false", "", "", "0", "nee", "N", "False"]
    rows = []
    for c in w.cases:
        s = rng.choice(boolt) if c["sensitive"] else rng.choice(boolf)
        rows.append([c["id"], mixcase(c["kind"], rng), c["unit"], c["team"], c["opened_s"], c["closed_s"], s])
    rng.shuffle(rows)
    write_csv(os.path.join(out, "cases.csv"), ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"], rows, rng)
    rows = []
    for c in w.cases:
        for pid, role in c["persons"]:
            rows.append([c["id"], pid, role])
            if rng.random() < 0.02:
                rows.append([c["id"], pid, role])  # repeated link rows are allowed
    write_csv(os.path.join(out, "case_persons.csv"), ["case_id", "person_id", "role"], rows, rng, gz=True)
    write_csv(os.path.join(out, "case_staff.csv"), ["case_id", "employee_id", "from", "to"],
              [list(r) for r in w.case_staff], rng, pad=0.02)
    rows = []
    for eid, s, t in w.roster:
        r = rng.random()
        if r < 0.7:
            rows.append([eid, fmt_local(s), fmt_local(t)])
        else:
            rows.append([eid, fmt_utc(s, sep=" "), fmt_utc(t, sep=" ")])
    rows.sort(key=lambda r: (r[0], r[1]))
    # malformed: one shift that ends before it starts (a typo in the roster system)
    bad = rng.choice(rows)
    rows.append([bad[0], bad[2], bad[1]])
    w.bad_shift = bad[0]
    write_csv(os.path.join(out, "shifts.csv"), ["employee_id", "start", "end"], rows, rng)

    # events: assign ids in global time order (the source systems' sequence), then export per employee
    ev = log.ev
    ev.sort(key=lambda x: x[0])
    ev = [x for x in ev if L(0, 0) <= x[0] < L(DAYS, 0)]
    # legitimate work never touches the employee's own record or true relatives (those would be
    # conflicts of interest, i.e. improper); drop such chance hits of the random work model
    near = {}
    for e in w.E:
        if e["pi"] is not None:
            near[e["id"]] = {w.P[e["pi"]]["id"]} | {w.P[b]["id"] for b, k in w.rel_of.get(e["pi"], [])}
    ev = [x for x in ev if x[6] is not None or x[2] not in near.get(x[1], ())]
    seq = 0
    for x in ev:
        seq += 1
        sysm = x[4]
        if sysm == "summit":
            x.append(("num", 500000000 + seq))
        elif sysm in ("blueview", "bvi"):
            x.append(("str", "%09d" % seq))
        elif sysm == "GMS":
            x.append(("str", "GMS-%d" % seq))
        else:
            x.append(("str", "%s-2026-%07d" % (sysm.upper(), seq)))
    order = {}
    for e in sorted(w.E, key=lambda e: e["id"]):
        order[e["id"]] = len(order)
    ev.sort(key=lambda x: (order.get(x[1], 10 ** 6), x[1], x[0]))
    lines = []
    truth = []

    def idval(s, allow_num):
        if allow_num and s.isdigit() and not s.startswith("0") and len(s) < 16:
            return int(s)
        return s

    for x in ev:
        t, eid, pid, act, sysm, case, iid, scen, (kind, idv) = x
        d = {}
        if sysm == "summit":
            d["ID"] = idv
            d["TS"] = fmt_utc(t, sep=" ")
            d["Employee_Id"] = idval(eid, True)
            d["Person_ID"] = idval(pid, True)
            d["Action"] = act.upper()
            d["system"] = "summit"
            d["hits"] = rng.randint(1, 4)
            if case is not None:
                d["case_id"] = idval(case, True)
            elif rng.random() < 0.5:
                d["case_id"] = None
        elif sysm in ("blueview", "bvi"):
            d = {"ts": fmt_utc(t, frac=3), "id": idv, "person_id": pid, "employee_id": " %s " % eid,
                 "action": " %s " % act, "system": sysm, "case_id": case if case is not None else ""}
            d["meta"] = {"ws": "WS-%04d" % rng.randrange(9999), "reason": None}
        elif sysm == "meos":
            d = {"id": idv, "ts": fmt_utc(t, sep="t", z="z", frac=rng.choice([0, 6, 12])), "employee_id": eid,
                 "system": "MEOS", "action": act.capitalize(), "person_id": idval(pid, True)}
            if case is not None:
                d["case_id"] = case
        else:
            d = {"id": idv, "ts": fmt_local(t, frac=rng.choice([0, 0, 3])), "employee_id": eid, "system": sysm,
                 "action": act, "person_id": pid}
            if case is not None:
                d["case_id"] = idval(case, sysm == "GMS")
            elif rng.random() < 0.3:
                d["case_id"] = None
        lines.append(json.dumps(d, ensure_ascii=rng.random() < 0.5, separators=(",", ":") if rng.random() < 0.8 else (", ", ": ")))
        if iid:
            truth.append((str(idv), iid, scen))
    # malformed lines (README lists them); none of them is an improper look-up
    some = rng.choice(w.E)["id"]
    pidx = rng.choice(w.P)["id"]
    bad = [
        '{"id":"BAD-1","ts":"2026-03-12T10:00:00","employee_id":"%s","system":"bvh","action":"view","person_id":"%s"}' % (some, pidx),
        '{"id":"BAD-2","ts":"2026-03-12T10:01:00+01:00","employee_id":"%s","system":"bvh","action":"delete","person_id":"%s"}' % (some, pidx),
        '["BAD-3","2026-03-12T10:02:00Z","%s","view","%s"]' % (some, pidx),
        '{"id":"BAD-4","ts":"2026-03-12T10:03:00Z","employee_id":"%s","system":"bvh","action":"view"}' % some,
        '{"id":"BAD-5","ts":"2026-03-12T10:04:00Z","employee_id":1042.0,"system":"summit","action":"view","person_id":"%s"}' % pidx,
        '{"id":"BAD-6","ts":"2026-03-12T10:05:00+0100","employee_id":"%s","system":"bvh","action":"query","person_id":"%s"}' % (some, pidx),
    ]
    for b in bad:
        lines.insert(rng.randrange(len(lines)), b)
    # the export was cut off: a truncated last line
    lines.append('{"id":"BAD-7","ts":"2026-04-12T23:5')
    body = "\n".join(lines).replace("\n{\"id\":\"BVH", "\r\n{\"id\":\"BVH", 50) + "\n"
    body = body[:-1]  # no newline after the truncated line
    with gzip.open(os.path.join(out, "events.jsonl.gz"), "wb", compresslevel=6) as f:
        f.write(body.encode("utf-8"))
    write_csv(os.path.join(out, "truth.csv"), ["event_id", "incident_id", "scenario"], [list(r) for r in truth], rng)
    has = set(r[1] for r in truth)
    write_csv(os.path.join(out, "incidents.csv"), ["incident_id", "scenario", "employee_id", "person_ids", "note"],
              [list(r) for r in w.incs if r[0] in has], rng)
    return len(lines), len(truth)


def generate(out, seed, n_persons=60000):
    rng = random.Random(seed)
    w = World()
    gen_persons(w, rng, n_persons)
    gen_staff(w, rng)
    gen_shifts(w, rng)
    log = Log()
    gen_cases(w, rng, log)
    gen_routine(w, rng, log)
    gen_improper(w, rng, log)
    nl, nt = write_world(w, rng, out, log)
    return w, nl, nt


# ---------------------------------------------------------------- self-check

def read_csv(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.reader(f) if any(c.strip() for c in r)]
    hdr = [h.strip().lower() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if len(r) != len(hdr):
            raise SystemExit("%s: row with %d fields, header %d" % (path, len(r), len(hdr)))
        out.append({h: v.strip() for h, v in zip(hdr, r)})
    return hdr, out


def check(d):
    want = {"teams.csv": ["team_id", "unit_id", "kind"], "employees.csv": ["employee_id", "person_id", "surname", "unit_id", "team_id", "rank"],
            "persons.csv.gz": ["person_id", "surname", "postcode"], "relations.csv": ["person_id", "related_person_id", "kind"],
            "cases.csv": ["case_id", "kind", "unit_id", "team_id", "opened", "closed", "sensitive"],
            "case_persons.csv.gz": ["case_id", "person_id"], "case_staff.csv": ["case_id", "employee_id", "from", "to"],
            "shifts.csv": ["employee_id", "start", "end"], "truth.csv": ["event_id", "incident_id", "scenario"]}
    data = {}
    for f, cols in want.items():
        hdr, rows = read_csv(os.path.join(d, f))
        miss = [c for c in cols if c not in hdr]
        print("%-20s %7d rows  header %s %s" % (f, len(rows), hdr, "MISSING %s" % miss if miss else "ok"))
        data[f] = rows
    persons = set(r["person_id"] for r in data["persons.csv.gz"])
    emps = set(r["employee_id"] for r in data["employees.csv"])
    teams = set(r["team_id"] for r in data["teams.csv"])
    cases = set(r["case_id"] for r in data["cases.csv"])
    print("employees: %d, empty person_id %d, empty team_id %d, team unresolved %d, person unresolved %d" % (
        len(emps), sum(1 for r in data["employees.csv"] if not r["person_id"]),
        sum(1 for r in data["employees.csv"] if not r["team_id"]),
        sum(1 for r in data["employees.csv"] if r["team_id"] and r["team_id"] not in teams),
        sum(1 for r in data["employees.csv"] if r["person_id"] and r["person_id"] not in persons)))
    print("relations unresolved: %d" % sum(1 for r in data["relations.csv"] if r["person_id"] not in persons or r["related_person_id"] not in persons))
    print("case_staff unresolved case %d employee %d" % (sum(1 for r in data["case_staff.csv"] if r["case_id"] not in cases),
                                                         sum(1 for r in data["case_staff.csv"] if r["employee_id"] not in emps)))
    cp = data["case_persons.csv.gz"]
    print("case_persons unresolved case %d, person not in persons.csv %d of %d (outside the district)" % (
        sum(1 for r in cp if r["case_id"] not in cases), sum(1 for r in cp if r["person_id"] not in persons), len(cp)))
    ev, bad = {}, 0
    unknown_emp, unknown_p = {}, 0
    prev = {}
    behind = 0
    with gzip.open(os.path.join(d, "events.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            try:
                o = json.loads(line)
                if not isinstance(o, dict):
                    raise ValueError
                o = {k.lower(): v for k, v in o.items()}
                eid = o["employee_id"]
                if isinstance(eid, float):
                    raise ValueError
                eid = str(eid).strip()
                o["person_id"]
                if o["action"].strip().lower() not in ("query", "view", "export", "print"):
                    raise ValueError
                ts = o["ts"]
                if not (ts.endswith(("Z", "z")) or ts[-6] in "+-" and ts[-3] == ":"):
                    raise ValueError
            except (ValueError, KeyError, TypeError, IndexError):
                bad += 1
                continue
            ev[str(o["id"])] = o
            if eid not in emps:
                unknown_emp[eid] = unknown_emp.get(eid, 0) + 1
            if str(o["person_id"]).strip() not in persons:
                unknown_p += 1
    tr = data["truth.csv"]
    missing = [r["event_id"] for r in tr if r["event_id"] not in ev]
    print("events: %d valid, %d malformed lines, accounts not in employees.csv %s, persons not in persons.csv %d (%.1f%%)" % (
        len(ev), bad, unknown_emp, unknown_p, 100.0 * unknown_p / max(1, len(ev))))
    scen = {}
    for r in tr:
        scen.setdefault(r["scenario"], set()).add(r["incident_id"])
    print("truth: %d events, %d incidents, missing from log %d; per scenario %s" % (
        len(tr), len(set(r["incident_id"] for r in tr)), len(missing), {k: len(v) for k, v in sorted(scen.items())}))
    print("truth events by accounts in employees.csv: %d/%d" % (sum(1 for r in tr if r["event_id"] in ev and str(ev[r["event_id"]]["employee_id"]).strip() in emps), len(tr)))
    return not missing


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="check an existing world instead of generating one")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if check(a.outdir) else 1)
    t0 = time.time()
    w, nl, nt = generate(a.outdir, a.seed)
    print("world seed %d in %s: %d persons, %d employees, %d cases, %d log lines, %d truth events, %d incidents, %.1fs" % (
        a.seed, a.outdir, len(w.P), len(w.E), len(w.cases), nl, nt, len(w.incs), time.time() - t0))


if __name__ == "__main__":
    main()
