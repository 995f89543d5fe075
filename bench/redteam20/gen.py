#!/usr/bin/env python3
"""Red team 20: synthetic world for lekradar.

Eenheid Zeeland-West-Brabant, four winter weeks (4-31 January 2027): the ports of
Vlissingen and Moerdijk, Breda, Tilburg, Roosendaal, Bergen op Zoom, Zeeuws-Vlaanderen
on the Belgian border. Synthetic-drug labs and dumpings, cocaine in the port, a
chemical-plant fire at Moerdijk with an evacuation, cross-border work with the Belgian
police, and old and new systems writing the look-up log.

Usage: python3 gen.py OUTDIR --seed S [--debug]
Standard library only. Deterministic per seed.
"""
import argparse
import gzip
import os
import random
import sys
import time
from datetime import date, timedelta

T0 = time.time()
DAYS = 28
BASE = date(2027, 1, 4)          # Monday; all times are seconds from 2027-01-04 00:00 +01:00
DAYSEC = 86400
HOUR = 3600
MIN = 60

_dcache = {}


def dstr(d):
    s = _dcache.get(d)
    if s is None:
        s = (BASE + timedelta(days=d)).isoformat()
        _dcache[d] = s
    return s


def ts_local(t, frac=None):
    d, s = divmod(int(t), DAYSEC)
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    if frac is None:
        return "%sT%02d:%02d:%02d+01:00" % (dstr(d), h, m, sec)
    return "%sT%02d:%02d:%02d.%03d+01:00" % (dstr(d), h, m, sec, frac)


def ts_local_space(t):
    d, s = divmod(int(t), DAYSEC)
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    return "%s %02d:%02d:%02d+01:00" % (dstr(d), h, m, sec)


def ts_utc(t, frac=None):
    t = int(t) - 3600
    d, s = divmod(t, DAYSEC)
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    if frac is None:
        return "%sT%02d:%02d:%02dZ" % (dstr(d), h, m, sec)
    return "%sT%02d:%02d:%02d.%03dZ" % (dstr(d), h, m, sec, frac)


# ----------------------------------------------------------------------------------
# Geography
# ----------------------------------------------------------------------------------
def rng_areas(a, b):
    return [str(x) for x in range(a, b + 1)]


DISTRICTS = [
    ("zwb_zeeland", "District Zeeland", [
        ("WAL", "Walcheren", rng_areas(4381, 4389) + rng_areas(4331, 4338) + ["4351", "4357", "4371"]),
        ("BEV", "De Bevelanden", rng_areas(4461, 4465) + ["4401", "4411", "4421", "4301", "4691"]),
        ("ZVW", "Zeeuws-Vlaanderen West", rng_areas(4531, 4537) + ["4501", "4524", "4511", "4527"]),
        ("ZVO", "Zeeuws-Vlaanderen Oost", ["4561", "4562", "4571", "4551", "4587", "4581"]),
    ]),
    ("zwb_markiezaten", "District De Markiezaten", [
        ("BOZ", "Bergen op Zoom", rng_areas(4611, 4617) + ["4621", "4623", "4624", "4631", "4641", "4651", "4661"]),
        ("RSD", "Roosendaal", rng_areas(4701, 4709) + ["4711", "4721", "4724"]),
        ("HAL", "Etten-Leur/Halderberge", ["4731", "4741", "4751", "4871", "4872", "4873", "4874", "4875", "4881"]),
        ("MOE", "Moerdijk", ["4761", "4762", "4765", "4771", "4782", "4791", "4793", "4797", "4758"]),
    ]),
    ("zwb_baronie", "District De Baronie", [
        ("BRN", "Breda Noord", rng_areas(4811, 4818) + ["4841"]),
        ("BRZ", "Breda Zuid", rng_areas(4819, 4827) + rng_areas(4834, 4838)),
        ("OOS", "Oosterhout/Drimmelen", rng_areas(4901, 4909) + ["4921", "4926"]),
        ("BAA", "Alphen-Chaam/Baarle", ["4851", "4861", "5111", "5131", "5121", "5126"]),
    ]),
    ("zwb_hvb", "District Hart van Brabant", [
        ("TBN", "Tilburg Noord", rng_areas(5011, 5018) + rng_areas(5021, 5026) + rng_areas(5046, 5049)),
        ("TBZ", "Tilburg Zuid", rng_areas(5031, 5038) + rng_areas(5041, 5045) + ["5051"]),
        ("LAN", "Langstraat", rng_areas(5141, 5146) + ["5161", "5171"]),
        ("MBW", "Midden-Brabant", ["5061", "5081", "5101", "5091"]),
    ]),
]
BE_AREAS = ["2000", "2018", "2060", "2030", "2910", "2920", "2990", "2320", "2387", "9900",
            "9000", "8300", "9120", "9130", "9170", "2950"]

SURN_NL = ("de Jong,Jansen,de Vries,van den Berg,van Dijk,Bakker,Janssen,Visser,Smit,Meijer,de Boer,"
           "Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer,de Wit,Dijkstra,Smits,"
           "de Graaf,van der Meer,van der Linden,Kok,Jacobs,de Haan,Vermeulen,van den Heuvel,van der Veen,"
           "van den Broek,de Bruijn,de Bruin,van der Heijden,Schouten,van Beek,Willems,van Vliet,van de Ven,"
           "Hoekstra,Maas,Verhoeven,Koster,van Dam,van der Wal,Prins,Blom,Huisman,Peeters,de Kok,van Wijk").split(",")
SURN_ZLD = ("de Klerk,Verburg,Minnaard,Louwerse,Koene,Geschiere,Wisse,Verhage,Kodde,Polderman,Sinke,"
            "Hamelink,Joosse,Boogert,Riemens,de Kam,Buijze,Provoost,Dieleman,Meulmeester,Huibregtse,"
            "Adriaansens,Verstraete,de Bruijne,Lievense,Traas,Kasse,Bimmel,Cijsouw,de Looff,Sturm").split(",")
SURN_BRB = ("van Gils,Oomen,Rijken,van Dongen,Verschuren,Hendrikx,van Loon,Schellekens,Aarts,Damen,"
            "Bastiaansen,Kerstens,Martens,Roelen,van Hooijdonk,Jacobs,Nuijten,van Oosterhout,Vermeer,"
            "Kools,Dirven,de Bont,van Tilburg,Panhuijsen,Broeders,Suijkerbuijk,van Zundert,Weterings,"
            "Mathijssen,Hermans,Rombouts,Lambregts,van Ginneken,Huijbregts,Ligthart,Akkermans,Kuijpers").split(",")
SURN_BE = ("Peeters,Janssens,Maes,Jacobs,Mertens,Willems,Claes,Goossens,Wouters,De Smet,Vermeulen,"
           "Van Damme,Dubois,Lambert,Van de Velde,De Clercq,Verstraeten,Desmet,Coppens,Van Hecke,"
           "De Backer,Van Acker,Verhaeghe,Cools,Hermans,De Wolf").split(",")
SURN_MIG = ("Yilmaz,Öztürk,Kaya,Demir,Çelik,Şahin,El Amrani,Bouzid,Ahmadi,Tahiri,Benali,Haddou,"
            "El Idrissi,Boukhari,Kowalski,Nowak,Wiśniewski,Wójcik,Kamiński,Popescu,Ivanov,Dimitrov,"
            "Georgiev,Silva,Santos,Nguyen,Tran,Rodrigues,Kaplan,Aydın,Martis,Rosario,Pinas,Haidari,"
            "Mohammadi,Abdi,Yusuf,Hassan,Tesfay,Kumar").split(",")


def zipf_choice_builder(rng, names, s=1.0):
    w = [1.0 / ((i + 1) ** s) for i in range(len(names))]
    cum = []
    acc = 0.0
    for x in w:
        acc += x
        cum.append(acc)
    return names, cum


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--debug", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed * 7919 + 20)
    R = rng.random
    RI = rng.randint
    CH = rng.choice
    out = args.outdir
    ctx = os.path.join(out, "context")
    os.makedirs(ctx, exist_ok=True)

    from bisect import bisect_left

    def wchoice(nc):
        names, cum = nc
        return names[bisect_left(cum, R() * cum[-1])]

    # shuffle name order per seed so that the most common surname differs a little
    def mk(names, s):
        n = names[:]
        rng.shuffle(n[5:]) if False else None
        return zipf_choice_builder(rng, n, s)

    NC_NL = mk(SURN_NL, 0.9)
    NC_ZLD = mk(SURN_ZLD, 0.8)
    NC_BRB = mk(SURN_BRB, 0.8)
    NC_BE = mk(SURN_BE, 0.9)
    NC_MIG = mk(SURN_MIG, 0.7)

    # ------------------------------------------------------------------------------
    # Population
    # ------------------------------------------------------------------------------
    P_sur = []
    P_by = []
    P_pc = []
    P_hn = []
    P_flags = []
    P_hh = []          # household index
    HH = []            # list of person index lists
    HH_pc = []
    relations = []     # (p, q, kind)   (only recorded ones)
    true_rel = {}      # p -> list of (q, kind) incl. unrecorded
    area_persons = {}  # area -> list of person indices
    pc_persons = {}    # postcode -> list
    area_of_bt = {}
    bt_areas = {}
    all_nl_areas = []
    for uid, uname, bts in DISTRICTS:
        for code, name, areas in bts:
            bt_areas[code] = areas
            for a in areas:
                area_of_bt[a] = code
                all_nl_areas.append(a)
    LET = "ABCDEFGHJKLMNPRSTVWXZ"

    def add_person(sur, by, pc, hn, hh):
        i = len(P_sur)
        P_sur.append(sur)
        P_by.append(by)
        P_pc.append(pc)
        P_hn.append(hn)
        P_flags.append("")
        P_hh.append(hh)
        return i

    def rel(p, q, kind, recorded_p):
        true_rel.setdefault(p, []).append((q, kind))
        inv = {"partner": "partner", "ex_partner": "ex_partner", "parent": "child", "child": "parent",
               "sibling": "sibling", "household": "household"}[kind]
        true_rel.setdefault(q, []).append((p, inv))
        if R() < recorded_p:
            relations.append((p, q, kind))
            if R() < 0.08:
                relations.append((q, p, inv))   # mirror row, adds nothing

    def surname_for(area, be=False):
        if be:
            return wchoice(NC_BE) if R() < 0.85 else wchoice(NC_MIG)
        x = R()
        zeeland = area[:2] in ("43", "44", "45") or area == "4691"
        if x < 0.14:
            return wchoice(NC_MIG)
        if x < 0.20:
            return wchoice(NC_BE)
        if x < 0.50:
            return wchoice(NC_ZLD) if zeeland else wchoice(NC_BRB)
        return wchoice(NC_NL)

    def make_households(area, n_persons, be=False):
        plist = area_persons.setdefault(area, [])
        made = 0
        seg = 0
        while made < n_persons:
            if be:
                pc = "B-" + area if R() < 0.7 else ""
            else:
                pc = "%s%s%s" % (area, LET[(seg // len(LET)) % len(LET)], LET[seg % len(LET)])
                seg += 1
                if R() < 0.03:
                    pc = pc[:4] + " " + pc[4:].lower()
            nh = RI(8, 22)
            base_no = RI(1, 60)
            for k in range(nh):
                hn = str(base_no + 2 * k)
                x = R()
                if x < 0.08:
                    hn += CH(["-A", "-B", " bis", "-1", "-2", "a"])
                hh = len(HH)
                members = []
                typ = R()
                sur = surname_for(area, be)
                head_by = RI(1940, 2006)
                a = add_person(sur, head_by, pc, hn, hh)
                members.append(a)
                if typ > 0.35:   # couple
                    s2 = sur if R() < 0.45 else surname_for(area, be)
                    b = add_person(s2, head_by + RI(-5, 5), pc, hn, hh)
                    members.append(b)
                    rel(a, b, "partner", 0.8)
                    if typ > 0.6 and head_by > 1955:
                        for c in range(RI(1, 3)):
                            cb = min(2026, head_by + RI(22, 40))
                            ch = add_person(sur, cb, pc, hn, hh)
                            members.append(ch)
                            rel(ch, a, "parent", 0.85)
                            rel(ch, b, "parent", 0.75)
                        kids = members[2:]
                        for i1 in range(len(kids)):
                            for i2 in range(i1 + 1, len(kids)):
                                rel(kids[i1], kids[i2], "sibling", 0.6)
                elif typ > 0.28 and head_by > 1960:  # single parent
                    ch = add_person(sur, min(2026, head_by + RI(20, 38)), pc, hn, hh)
                    members.append(ch)
                    rel(ch, a, "parent", 0.85)
                if R() < 0.06 and len(members) == 1:  # lodger / household member
                    l = add_person(surname_for(area, be), RI(1950, 2004), pc, hn, hh)
                    members.append(l)
                    rel(a, l, "household", 0.6)
                HH.append(members)
                HH_pc.append(pc)
                plist.extend(members)
                pc_persons.setdefault(pc, []).extend(members)
                made += len(members)
        return plist

    for a in all_nl_areas:
        big = a[:2] in ("50", "48") or a[:3] in ("438", "470", "461")
        make_households(a, RI(2300, 3300) if big else RI(1200, 2200))
    for a in BE_AREAS:
        make_households(a, RI(500, 1100), be=True)
    # extended family across households: siblings of adults, parents elsewhere (partly recorded)
    n_hh = len(HH)
    for _ in range(n_hh // 3):
        h1 = HH[RI(0, n_hh - 1)]
        h2 = HH[RI(0, n_hh - 1)]
        if h1 is h2:
            continue
        p, q = h1[0], h2[0]
        if abs(P_by[p] - P_by[q]) < 12 and R() < 0.5:
            P_sur[q] = P_sur[p] if R() < 0.7 else P_sur[q]
            rel(p, q, "sibling", 0.55)
        elif P_by[q] - P_by[p] > 20:
            P_sur[q] = P_sur[p] if R() < 0.6 else P_sur[q]
            rel(q, p, "parent", 0.6)
    # ex-partners (divorced: recorded 75%; unmarried exes: unknown)
    for _ in range(n_hh // 9):
        h1 = HH[RI(0, n_hh - 1)]
        h2 = HH[RI(0, n_hh - 1)]
        if h1 is h2:
            continue
        rel(h1[0], h2[0], "ex_partner", 0.7)
    NP = len(P_sur)
    be_persons = []
    for a in BE_AREAS:
        be_persons.extend(area_persons[a])
    nl_areas_persons = [area_persons[a] for a in all_nl_areas]

    def local_person(areas):
        return CH(area_persons[CH(areas)])

    def region_person():
        return CH(CH(nl_areas_persons))

    # birth years unknown for some (old systems)
    for i in range(0, NP, 97):
        P_by[i] = None

    # ------------------------------------------------------------------------------
    # Units, teams, employees
    # ------------------------------------------------------------------------------
    units = [(u, n) for u, n, _ in DISTRICTS] + [
        ("zwb_drr", "Dienst Regionale Recherche ZWB"),
        ("zwb_dros", "Dienst Regionale Operationele Samenwerking ZWB"),
        ("zwb_drio", "Dienst Regionale Informatieorganisatie ZWB"),
        ("zwb_staf", "Staf Eenheid Zeeland-West-Brabant"),
    ]
    teams = []   # (tid, unit, kind, name)
    team_info = {}

    def add_team(tid, unit, kind, name, size, role, areas=None):
        teams.append((tid, unit, kind, name))
        areas = [a for a in (areas or []) if a in area_persons]
        team_info[tid] = dict(unit=unit, kind=kind, name=name, size=size, role=role, areas=areas or [],
                              members=[])

    bt_team = {}
    wk_team = {}
    district_of_bt = {}
    for uid, uname, bts in DISTRICTS:
        for code, name, areas in bts:
            bt_team[code] = "T-%s-BT" % code
            wk_team[code] = "T-%s-WT" % code
            district_of_bt[code] = uid
            add_team(bt_team[code], uid, "basisteam", "Basisteam " + name, RI(80, 105), "basis", areas)
            add_team(wk_team[code], uid, "wijkteam", "Wijkteam " + name, RI(13, 19), "wijk", areas)
        short = uid.split("_")[1].upper()[:3]
        add_team("T-%s-DRT" % short, uid, "recherche", "Districtsrecherche " + uname[9:], RI(32, 42), "rech",
                 [a for _, _, ar in bts for a in ar])
        add_team("T-%s-OND" % short, uid, "recherche", "Team Ondermijning " + uname[9:], RI(22, 30), "rech",
                 [a for _, _, ar in bts for a in ar])
        add_team("T-%s-IS" % short, uid, "intake_service", "Intake & Service " + uname[9:], RI(36, 46),
                 "intake", [a for _, _, ar in bts for a in ar])
    add_team("T-HVB-NH", "zwb_hvb", "noodhulp", "Noodhulp Tilburg", RI(50, 62), "noodhulp",
             bt_areas["TBN"] + bt_areas["TBZ"])
    add_team("T-ZLD-HAVEN", "zwb_zeeland", "specialistisch", "Zeehavenpolitie Vlissingen-Terneuzen",
             RI(34, 44), "haven", ["4381", "4382", "4389", "4531", "4538"])
    add_team("T-MRK-HAVEN", "zwb_markiezaten", "specialistisch", "Havenpolitie Moerdijk", RI(16, 22), "haven",
             ["4782", "4761", "4765"])
    add_team("T-DRR-SYN", "zwb_drr", "recherche", "Team Synthetische Drugs", RI(36, 44), "drr", [])
    add_team("T-DRR-HAV", "zwb_drr", "recherche", "Team Haven & Ondermijning", RI(32, 40), "drr", [])
    add_team("T-DRR-ZWC", "zwb_drr", "recherche", "Team Zware Criminaliteit", RI(36, 44), "drr", [])
    add_team("T-DRR-FIN", "zwb_drr", "recherche", "Team Financieel-Economische Recherche", RI(20, 28), "drr", [])
    add_team("T-DRR-ZED", "zwb_drr", "recherche", "Team Zeden", RI(18, 24), "drr", [])
    add_team("T-DRR-MIL", "zwb_drr", "recherche", "Team Milieu & Brandonderzoek", RI(14, 20), "drr", [])
    add_team("T-DRR-FO", "zwb_drr", "specialistisch", "Forensische Opsporing", RI(34, 42), "fo", [])
    add_team("T-DROS-MK", "zwb_dros", "meldkamer", "Meldkamer politie Zeeland-West-Brabant", RI(100, 120),
             "meldkamer", [])
    add_team("T-DROS-VK", "zwb_dros", "specialistisch", "Team Verkeer", RI(34, 44), "verkeer", [])
    add_team("T-DROS-BB", "zwb_dros", "specialistisch", "Team Bewaken & Beveiligen", RI(16, 22), "bb", [])
    add_team("T-DROS-GOS", "zwb_dros", "informatie_analyse", "Team Grensoverschrijdende Samenwerking BE",
             RI(10, 14), "grens", [])
    add_team("T-DROS-RTIC", "zwb_dros", "informatie_analyse", "Real Time Intelligence Center", RI(26, 34),
             "rtic", [])
    add_team("T-DRIO-ANA", "zwb_drio", "informatie_analyse", "Team Analyse & Onderzoek", RI(50, 64), "ana", [])
    add_team("T-DRIO-CIE", "zwb_drio", "specialistisch", "Criminele Inlichtingen Eenheid", RI(22, 28), "cie",
             [])
    add_team("T-DRIO-IK", "zwb_drio", "informatie_analyse", "Informatieknooppunt", RI(34, 44), "rtic", [])
    add_team("T-STAF-VIK", "zwb_staf", "staf", "Veiligheid, Integriteit en Klachten", RI(13, 17), "vik", [])
    add_team("T-STAF-SCR", "zwb_staf", "ondersteuning", "Bureau Screening", RI(10, 14), "screening", [])
    add_team("T-STAF-LD", "zwb_staf", "staf", "Eenheidsleiding en staf", RI(50, 64), "staf", [])
    add_team("T-STAF-FB", "zwb_staf", "ondersteuning", "Functioneel Beheer & Kwaliteit Registratie",
             RI(24, 30), "fb", [])
    add_team("T-STAF-BV", "zwb_staf", "ondersteuning", "Bedrijfsvoering (ICT, HRM, Facilitair)", RI(60, 80),
             "bv", [])

    FUNCS = {
        "basis": [("Medewerker noodhulp", 40), ("Generalist basisteam", 25), ("noodhulp", 12),
                  ("Operationeel expert", 6), ("Aspirant (BOL niveau 4)", 6), ("Coördinator basisteam", 3),
                  ("Senior generalist", 6), ("Operationeel specialist A", 2)],
        "noodhulp": [("Medewerker noodhulp", 60), ("noodhulp", 25), ("Senior noodhulp", 10), ("Aspirant", 5)],
        "wijk": [("Wijkagent", 60), ("wijkagent", 20), ("Wijkagent jeugd", 10), ("Wijkagent buitengebied", 10)],
        "rech": [("Rechercheur", 45), ("Senior rechercheur", 15), ("Tactisch rechercheur", 15),
                 ("rechercheur ondermijning", 10), ("Digitaal specialist", 5), ("Financieel rechercheur", 10)],
        "drr": [("Rechercheur", 40), ("Senior rechercheur", 20), ("Tactisch rechercheur", 15),
                ("Operationeel specialist B", 8), ("Teamleider recherche", 5), ("Analist", 7),
                ("Financieel specialist", 5)],
        "fo": [("Forensisch onderzoeker", 70), ("Medewerker FO", 20), ("Senior forensisch specialist", 10)],
        "intake": [("Medewerker intake & service", 55), ("intake", 20), ("Medewerker Intake", 15),
                   ("Servicemedewerker", 10)],
        "meldkamer": [("Centralist meldkamer", 60), ("meldkamer", 15), ("Calamiteitencoördinator", 10),
                      ("Senior centralist", 15)],
        "haven": [("Havenpolitie", 45), ("Medewerker zeehavenpolitie", 35), ("Operationeel expert haven", 20)],
        "verkeer": [("Verkeershandhaver", 50), ("Motorrijder verkeer", 25), ("Verkeersongevallenanalist", 25)],
        "bb": [("Beveiliger persoonsbeveiliging", 60), ("Medewerker bewaken en beveiligen", 40)],
        "grens": [("Medewerker internationale rechtshulp", 50), ("Liaison Belgische politie", 25),
                  ("Medewerker grensoverschrijdende samenwerking", 25)],
        "rtic": [("Medewerker RTIC", 40), ("Informatiecoördinator", 30), ("analist", 15),
                 ("Medewerker informatieknooppunt", 15)],
        "ana": [("Informatieanalist", 45), ("Criminaliteitsanalist", 25), ("Senior analist", 15),
                ("Data-analist", 10), ("Tactisch analist", 5)],
        "cie": [("CIE-rechercheur", 60), ("Runner CIE", 25), ("CIE-analist", 15)],
        "vik": [("Rechercheur VIK", 50), ("Adviseur integriteit", 30), ("Medewerker klachtbehandeling", 20)],
        "screening": [("Medewerker screening", 70), ("Senior medewerker veiligheidsonderzoeken", 30)],
        "staf": [("Adviseur", 40), ("Beleidsmedewerker", 25), ("Staffunctionaris", 15), ("Hoofd operatiën", 10),
                 ("Officier van dienst", 10)],
        "fb": [("Functioneel beheerder BVH", 40), ("Medewerker kwaliteit registratie", 40),
               ("Applicatiebeheerder", 20)],
        "bv": [("Medewerker ICT", 35), ("Adviseur HRM", 25), ("Medewerker facilitair", 20),
               ("Controller", 10), ("Medewerker bedrijfsvoering", 10)],
    }
    RANKS = {
        "basis": [("agent", 28), ("hoofdagent", 44), ("brigadier", 13), ("aspirant", 9), ("surveillant", 6)],
        "noodhulp": [("agent", 30), ("hoofdagent", 50), ("brigadier", 12), ("aspirant", 8)],
        "wijk": [("hoofdagent", 55), ("brigadier", 45)],
        "rech": [("hoofdagent", 35), ("brigadier", 38), ("inspecteur", 9), ("burger", 18)],
        "drr": [("hoofdagent", 28), ("brigadier", 40), ("inspecteur", 12), ("burger", 20)],
        "fo": [("hoofdagent", 40), ("brigadier", 30), ("burger", 30)],
        "intake": [("burger", 40), ("agent", 18), ("hoofdagent", 30), ("surveillant", 12)],
        "meldkamer": [("burger", 40), ("hoofdagent", 35), ("brigadier", 20), ("inspecteur", 5)],
        "haven": [("hoofdagent", 50), ("brigadier", 35), ("agent", 15)],
        "verkeer": [("hoofdagent", 55), ("brigadier", 35), ("agent", 10)],
        "bb": [("hoofdagent", 50), ("brigadier", 50)],
        "grens": [("brigadier", 40), ("inspecteur", 20), ("burger", 25), ("extern", 15)],
        "rtic": [("burger", 45), ("hoofdagent", 25), ("brigadier", 30)],
        "ana": [("burger", 75), ("brigadier", 10), ("inspecteur", 10), ("hoofdagent", 5)],
        "cie": [("brigadier", 50), ("inspecteur", 25), ("hoofdagent", 25)],
        "vik": [("inspecteur", 40), ("brigadier", 30), ("burger", 30)],
        "screening": [("burger", 90), ("brigadier", 10)],
        "staf": [("burger", 45), ("inspecteur", 20), ("hoofdinspecteur", 20), ("commissaris", 12),
                 ("hoofdcommissaris", 3)],
        "fb": [("burger", 80), ("extern", 20)],
        "bv": [("burger", 88), ("extern", 12)],
    }

    def wpick(lst):
        tot = sum(w for _, w in lst)
        x = R() * tot
        for v, w in lst:
            x -= w
            if x <= 0:
                return v
        return lst[-1][0]

    E_id = []
    E_pid = []      # person index or -1
    E_sur = []
    E_team = []
    E_unit = []
    E_rank = []
    E_func = []
    E_role = []
    E_home = []     # home area
    used_pids = set()
    emp_no = set()
    teams_by_role = {}
    for tid, unit, kind, name in teams:
        ti = team_info[tid]
        teams_by_role.setdefault(ti["role"], []).append(tid)
        for k in range(ti["size"]):
            while True:
                no = RI(100000, 999999)
                if no not in emp_no:
                    emp_no.add(no)
                    break
            role = ti["role"]
            # home: near the team's areas mostly
            if ti["areas"] and R() < 0.6:
                home = CH(ti["areas"])
            elif unit == "zwb_zeeland" and R() < 0.08:
                home = CH(["9900", "8300", "9130", "9170"])
            else:
                home = CH(all_nl_areas)
            pid = -1
            if R() < 0.93 or role not in ("fb", "bv", "grens"):
                for _try in range(20):
                    cand = CH(area_persons[home])
                    if cand not in used_pids and P_by[cand] and 1960 <= P_by[cand] <= 2006:
                        pid = cand
                        used_pids.add(cand)
                        break
            if pid < 0 and R() < 0.5:
                pid = -2   # employee with no person record
            sur = P_sur[pid] if pid >= 0 else CH(SURN_NL + SURN_BRB + SURN_MIG)
            rank = wpick(RANKS[role])
            func = wpick(FUNCS[role])
            if k == 0 and role not in ("fb", "bv"):
                rank = CH(["inspecteur", "hoofdinspecteur"]) if role != "staf" else "commissaris"
                func = "Teamchef" if role not in ("wijk",) else "Coördinator wijkteam"
            if R() < 0.006:
                rank = ""
            ei = len(E_id)
            E_id.append(str(no))
            E_pid.append(pid)
            E_sur.append(sur)
            E_team.append(tid)
            E_unit.append(unit)
            E_rank.append(rank)
            E_func.append(func)
            E_role.append(role)
            E_home.append(home)
            ti["members"].append(ei)
    NE = len(E_id)
    emp_of_person = {E_pid[i]: i for i in range(NE) if E_pid[i] >= 0}

    # transfers during the period: later row in employees.csv
    transfers = {}   # ei -> (new_team, day)
    basis_emps = [i for i in range(NE) if E_role[i] in ("basis", "wijk", "rech", "intake")]
    for ei in rng.sample(basis_emps, max(20, len(basis_emps) // 45)):
        cands = [t for t in team_info if team_info[t]["role"] == E_role[ei] and t != E_team[ei]]
        if cands:
            transfers[ei] = (CH(cands), RI(5, 22))

    def team_at(ei, t):
        tr = transfers.get(ei)
        if tr and t >= tr[1] * DAYSEC:
            return tr[0]
        return E_team[ei]

    # VIP and shielded flags
    vip = []
    for k in range(70):
        p = region_person() if R() < 0.9 else CH(be_persons)
        vip.append(p)
    for p in vip:
        P_flags[p] = CH(["vip", "vip", "VIP", " vip "])
    shielded = []
    for k in range(60):
        p = region_person()
        shielded.append(p)
        P_flags[p] = "shielded" if R() < 0.8 else "Shielded"
    for k in range(6):  # threatened public figures (mayors, reporters)
        p = vip[k]
        P_flags[p] = "vip;shielded"
        shielded.append(p)
    deceased = [region_person() for _ in range(400)]
    for p in deceased:
        if not P_flags[p]:
            P_flags[p] = "deceased"
    unknown_flag = [region_person() for _ in range(300)]
    for p in unknown_flag:   # flags from source systems lekradar does not use
        if not P_flags[p]:
            P_flags[p] = CH(["gevaarlijk", "vuurwapen", "signalering;gevaarlijk", "opsporing"])

    # ------------------------------------------------------------------------------
    # Cases
    # ------------------------------------------------------------------------------
    C_id = []
    C_kind = []
    C_unit = []
    C_team = []
    C_open = []      # string
    C_close = []
    C_sens = []
    C_persons = []   # list of person idx
    case_persons_rows = []
    case_staff_rows = []
    inc_counter = [0]
    team_cases = {}  # tid -> list of case idx (investigations)

    def new_case(cid, kind, unit, team, opened, closed, sens, persons, roles=None):
        ci = len(C_id)
        C_id.append(cid)
        C_kind.append(kind)
        C_unit.append(unit)
        C_team.append(team or "")
        C_open.append(opened)
        C_close.append(closed)
        C_sens.append(sens)
        C_persons.append(persons)
        for j, p in enumerate(persons):
            r = roles[j] if roles else ""
            case_persons_rows.append((cid, p, r))
        return ci

    serial = [100]

    def next_serial():
        serial[0] += 1
        return serial[0]

    def bvh_no():
        inc_counter[0] += 1
        return "PL2000-2027%07d" % (inc_counter[0] * 7 + RI(0, 6))

    def staff(ci, ei, frm, to):
        case_staff_rows.append((C_id[ci], ei, frm, to))

    def old_date(daysback):
        return dstr(-daysback)

    # investigations of teams
    OPNAMES = ("Scheldemond,Kreekrug,Zandplaat,Schor,Slikken,Meeuw,Kievit,Tureluur,Grutto,Reiger,Oester,"
               "Mossel,Paling,Brasem,Snoek,Vuurtoren,Dijkgraaf,Polder,Kreek,Heide,Vennen,Beemd,Lepelaar,"
               "Aalscholver,Bergeend,Zilvermeeuw,Baronie,Markies,Havik,Valk,Torenvalk,Wulp,Zeekraal,"
               "Helmgras,Duinroos,Brandgans,Kluut,Scholekster,Bunzing,Das,Wezel,Hermelijn,Bever,Otter").split(",")
    opn_i = [0]

    def opname():
        n = OPNAMES[opn_i[0] % len(OPNAMES)]
        opn_i[0] += 1
        return n + ("" if opn_i[0] <= len(OPNAMES) else str(opn_i[0] // len(OPNAMES) + 1))

    inv_serial = [0]

    def inv_id(prefix):
        inv_serial[0] += 1
        return "%s-%d-%04d" % (prefix, CH([2025, 2026, 2026, 2026]), inv_serial[0])

    def region_or_local(areas, p_local=0.7):
        if areas and R() < p_local:
            return local_person(areas)
        if R() < 0.08:
            return CH(be_persons)
        return region_person()

    def make_suspect_group(areas, n):
        """A group of connected people: a suspect, his household, associates."""
        ps = []
        while len(ps) < n:
            p = region_or_local(areas)
            ps.append(p)
            if R() < 0.4:
                for q in HH[P_hh[p]]:
                    if q != p and len(ps) < n and R() < 0.5:
                        ps.append(q)
        return ps

    sensitive_cases = []
    ci_assignees = {}    # ci -> list of employee indices assigned
    for tid, ti in team_info.items():
        role = ti["role"]
        mem = ti["members"]
        if role in ("rech", "drr"):
            ncase = RI(18, 30) if role == "rech" else RI(10, 18)
        elif role == "wijk":
            ncase = RI(22, 34)
        elif role in ("basis", "noodhulp"):
            ncase = RI(3, 6)   # top-X / aandachtsvestiging / long-running problems
        elif role == "vik":
            ncase = RI(10, 16)
        elif role == "bb":
            ncase = RI(8, 12)
        elif role == "haven":
            ncase = RI(3, 6)
        else:
            ncase = 0
        lst = team_cases.setdefault(tid, [])
        for k in range(ncase):
            areas = ti["areas"] or all_nl_areas
            if role == "drr":
                n = RI(6, 40)
                ps = make_suspect_group(areas if R() < 0.3 else all_nl_areas, n)
                if tid in ("T-DRR-HAV", "T-DRR-SYN") and R() < 0.5:
                    ps += [CH(be_persons) for _ in range(RI(1, 6))]
                sens = R() < 0.8
                cid = "ZWB-%s-%s" % (tid[-3:], opname().upper())
                opened = old_date(RI(20, 400))
                closed = "" if R() < 0.9 else dstr(RI(2, 27))
            elif role == "rech":
                n = RI(2, 14)
                ps = make_suspect_group(areas, n)
                sens = ("OND" in tid and R() < 0.7) or R() < 0.1
                cid = inv_id("%sREC" % ti["unit"][4:7].upper())
                opened = old_date(RI(3, 300))
                closed = "" if R() < 0.85 else dstr(RI(1, 27))
            elif role == "wijk":
                n = RI(1, 8)
                ps = make_suspect_group(areas, n) if R() < 0.5 else [local_person(areas) for _ in range(n)]
                sens = False
                cid = bvh_no().replace("PL2000-2027", "PL2000-W26")
                opened = old_date(RI(5, 500))
                closed = "" if R() < 0.92 else dstr(RI(1, 27))
            elif role in ("basis", "noodhulp"):
                n = RI(15, 45)
                ps = [local_person(areas) for _ in range(n)]
                sens = False
                cid = "%s-TOPX-%d" % (tid, k + 1)
                opened = old_date(RI(30, 700))
                closed = ""
            elif role == "vik":
                n = RI(1, 3)
                emps = rng.sample(range(NE), n)
                ps = [E_pid[e] for e in emps if E_pid[e] >= 0] + [region_person() for _ in range(RI(0, 3))]
                sens = True
                cid = "VIK-ZWB-2026-%03d" % next_serial()
                opened = old_date(RI(10, 200))
                closed = "" if R() < 0.8 else dstr(RI(1, 27))
            elif role == "bb":
                ps = [CH(shielded)] + ([CH(vip)] if R() < 0.4 else [])
                for q in list(HH[P_hh[ps[0]]]):
                    if q not in ps:
                        ps.append(q)
                sens = True
                cid = "ZWB-BB-%03d" % next_serial()
                opened = old_date(RI(30, 800))
                closed = ""
            elif role == "haven":
                ps = [region_or_local(areas, 0.4) for _ in range(RI(5, 20))]
                sens = R() < 0.3
                cid = "ZWB-HAVEN-%s" % opname().upper()
                opened = old_date(RI(30, 300))
                closed = ""
            if not ps:
                continue
            ps = list(dict.fromkeys(ps))
            roles = [CH(["verdachte", "suspect", "betrokkene", "getuige", "", "aandachtsvestiging"])
                     for _ in ps]
            team_for_case = tid
            if role == "drr" and R() < 0.12:
                team_for_case = ""   # joint investigation, handled by the teams of its staff
            ci = new_case(cid, "investigation", ti["unit"], team_for_case, opened, closed, sens, ps, roles)
            lst.append(ci)
            if sens:
                sensitive_cases.append(ci)
            # staff
            if role in ("rech", "drr", "vik", "bb", "haven", "wijk"):
                k_staff = {"rech": RI(2, 6), "drr": RI(4, 14), "vik": RI(1, 3), "bb": RI(3, 8),
                           "haven": RI(2, 6), "wijk": RI(1, 2)}[role]
                ass = rng.sample(mem, min(len(mem), k_staff))
                ci_assignees[ci] = ass
                for e in ass:
                    r = R()
                    if r < 0.1:
                        frm, to = dstr(RI(3, 18)), ""          # put on during the period (late)
                    elif r < 0.15:
                        frm, to = "", dstr(RI(6, 20))          # taken off
                    elif r < 0.2:
                        frm, to = "", ""
                    else:
                        frm, to = opened, ""
                    if R() < 0.93 or role == "wijk":
                        staff(ci, e, frm, to)
                    if R() < 0.03:
                        staff(ci, e, frm, to)   # repeated row
                # CIE coupling on sensitive cases
                if sens and R() < 0.5:
                    for e in rng.sample(team_info["T-DRIO-CIE"]["members"], 2):
                        staff(ci, e, "", "")
                        ci_assignees[ci] = ci_assignees[ci] + [e]
                if sens and R() < 0.6:
                    for e in rng.sample(team_info["T-DRIO-ANA"]["members"], RI(1, 2)):
                        staff(ci, e, opened, "")
                        ci_assignees[ci] = ci_assignees[ci] + [e]

    # The big cocaine case and JIT with Belgium
    coke_persons = make_suspect_group(["4381", "4382", "4383", "4389", "4531"], 24) + \
        [CH(be_persons) for _ in range(8)]
    coke_chair = vip[7]      # chairman of a local football club, arrested
    coke_persons.append(coke_chair)
    coke_persons = list(dict.fromkeys(coke_persons))
    coke_ci = new_case("ZWB-DRR-SCHELDEPOORT", "investigation", "zwb_drr", "T-DRR-HAV", old_date(160), "", True,
                       coke_persons, ["verdachte"] * len(coke_persons))
    sensitive_cases.append(coke_ci)
    team_cases["T-DRR-HAV"].append(coke_ci)
    coke_staff = rng.sample(team_info["T-DRR-HAV"]["members"], 18) + \
        rng.sample(team_info["T-DRIO-ANA"]["members"], 3) + rng.sample(team_info["T-ZLD-HAVEN"]["members"], 4)
    ci_assignees[coke_ci] = coke_staff
    for e in coke_staff:
        staff(coke_ci, e, old_date(160) if R() < 0.7 else "", "")
    jit_persons = make_suspect_group(["4561", "4571", "4551", "4501"], 10) + [CH(be_persons) for _ in range(14)]
    jit_persons = list(dict.fromkeys(jit_persons))
    jit_ci = new_case("JIT-BE-NL-2026-07", "investigation", "zwb_drr", "", old_date(90), "", True, jit_persons,
                      ["verdachte"] * len(jit_persons))
    sensitive_cases.append(jit_ci)
    jit_staff = rng.sample(team_info["T-DRR-SYN"]["members"], 8) + rng.sample(team_info["T-DROS-GOS"]["members"], 3)
    ci_assignees[jit_ci] = jit_staff
    for e in jit_staff:
        staff(jit_ci, e, old_date(90), "")
    team_cases["T-DRR-SYN"].append(jit_ci)

    # ------------------------------------------------------------------------------
    # Shifts
    # ------------------------------------------------------------------------------
    SH = [[] for _ in range(NE)]       # worked shifts (start, end)
    shift_rows = []                    # rows written (may miss some, overtime split)
    roster_roles = {"basis", "noodhulp", "meldkamer", "rtic", "haven", "intake", "verkeer", "bb"}
    for ei in range(NE):
        role = E_role[ei]
        leave = set()
        if R() < 0.22:
            s = RI(0, 21)
            leave.update(range(s, s + RI(3, 9)))
        for d in range(DAYS):
            if R() < 0.035:
                leave.add(d)
        parttime = R() < 0.2
        phase = RI(0, 13)
        if role in roster_roles:
            for d in range(DAYS):
                if d in leave:
                    continue
                cyc = (d + phase) % 14
                # 14-day cycle: DDD-LLL--NNN---
                pat = "DDDxLLLxxNNNxx"[cyc]
                if role == "intake":
                    pat = "DDDLLxxDDLLxxx"[cyc]
                if role in ("bb", "verkeer") and pat == "N":
                    pat = "D" if R() < 0.5 else "x"
                if pat == "x" or (parttime and R() < 0.3):
                    if R() < 0.03:
                        pat = CH("DL")   # extra shift
                    else:
                        continue
                if pat == "D":
                    st = d * DAYSEC + 7 * HOUR + CH([0, 0, 0, -30 * MIN, 30 * MIN])
                    en = st + 8 * HOUR + CH([0, 0, 30 * MIN])
                elif pat == "L":
                    st = d * DAYSEC + 15 * HOUR + CH([0, 0, -60 * MIN])
                    en = st + 8 * HOUR + CH([0, 0, 30 * MIN])
                else:
                    st = d * DAYSEC + 23 * HOUR + CH([0, 0, -60 * MIN])
                    en = st + 8 * HOUR
                SH[ei].append((st, en))
        else:
            for d in range(DAYS):
                wd = d % 7
                if d in leave:
                    continue
                if wd >= 5:
                    if role in ("wijk", "drr", "rech", "cie") and R() < 0.1:
                        pass
                    else:
                        continue
                if parttime and R() < 0.3:
                    continue
                if role == "wijk" and R() < 0.35:
                    st = d * DAYSEC + 14 * HOUR + RI(0, 8) * 15 * MIN
                else:
                    st = d * DAYSEC + 7 * HOUR + RI(0, 10) * 15 * MIN
                en = st + RI(30, 38) * 15 * MIN
                SH[ei].append((st, en))
    # action days for investigation teams: early starts
    for tid in teams_by_role["drr"] + teams_by_role["rech"]:
        for _ in range(RI(1, 3)):
            d = RI(0, 25)
            if d % 7 >= 5:
                d -= 2
            for ei in rng.sample(team_info[tid]["members"], min(len(team_info[tid]["members"]), RI(8, 25))):
                SH[ei] = [s for s in SH[ei] if s[0] // DAYSEC != d]
                SH[ei].append((d * DAYSEC + 5 * HOUR, d * DAYSEC + 16 * HOUR))
    for ei in range(NE):
        SH[ei].sort()
        for st, en in SH[ei]:
            x = R()
            if x < 0.02:
                continue       # shift worked but not registered in the roster
            if x < 0.07:
                # overtime given as a separate row; registered shift ends earlier
                ot = RI(1, 4) * 30 * MIN
                shift_rows.append((ei, st, en - ot))
                shift_rows.append((ei, en - ot, en))
                continue
            shift_rows.append((ei, st, en))

    def on_shift_employees(tid, t):
        res = []
        for e in team_info[tid]["members"]:
            for st, en in SH[e]:
                if st <= t < en:
                    res.append(e)
                    break
                if st > t:
                    break
        return res

    # per-team shift index by hour for quick lookup
    team_hour = {}
    for tid, ti in team_info.items():
        idx = {}
        for e in ti["members"]:
            for st, en in SH[e]:
                for h in range(st // HOUR, (en - 1) // HOUR + 1):
                    idx.setdefault(h, []).append((e, st, en))
        team_hour[tid] = idx

    def on_duty(tid, t):
        return [(e, st, en) for (e, st, en) in team_hour[tid].get(t // HOUR, ()) if st <= t < en]

    # ------------------------------------------------------------------------------
    # Events
    # ------------------------------------------------------------------------------
    EV = []   # (t, ei, system, action, pid, case_id or None, src, incident or None)
    SRC = {}
    src_names = []

    def sid(name):
        v = SRC.get(name)
        if v is None:
            v = len(src_names)
            SRC[name] = v
            src_names.append(name)
        return v

    def ev(t, ei, system, action, pid, case, src, inc=None):
        if t < 0 or t >= DAYS * DAYSEC:
            return
        EV.append((int(t), ei, system, action, pid, case, src, inc))

    def sys_for(role, mobile=False):
        if mobile and R() < 0.55:
            return "meos"
        x = R()
        if role in ("drr", "rech", "cie", "ana"):
            return "summit" if x < 0.22 else ("bvh" if x < 0.55 else ("blueview" if x < 0.75 else
                                              ("bvi" if x < 0.85 else ("brp" if x < 0.95 else "rdw"))))
        return "bvh" if x < 0.55 else ("blueview" if x < 0.7 else ("brp" if x < 0.82 else
                                       ("rdw" if x < 0.92 else "bvi")))

    def lookups(t, ei, pid, case, src, role, mobile=False, nmin=1, nmax=3, span=20 * MIN, case_p=0.35):
        n = RI(nmin, nmax)
        tt = t
        for k in range(n):
            act = "query" if k == 0 and R() < 0.7 else "view"
            ev(tt, ei, sys_for(role, mobile), act, pid, case if R() < case_p else None, src)
            tt += RI(5, max(6, span // max(1, n)))

    # --- incidents (basisteams, noodhulp, verkeer, haven) ---
    INC_TYPES = [("overlast", 16, 1, 3), ("huiselijk_geweld", 9, 2, 2), ("winkeldiefstal", 8, 1, 2),
                 ("verkeersongeval", 10, 1, 3), ("inbraak_woning", 7, 1, 1), ("geweld_uitgaan", 6, 2, 4),
                 ("verward_persoon", 9, 1, 1), ("burenruzie", 6, 2, 3), ("rijden_onder_invloed", 6, 1, 1),
                 ("vermissing", 3, 1, 2), ("drugsoverlast", 5, 1, 3), ("fraude_oplichting", 4, 1, 2),
                 ("alarm_zonder_personen", 8, 0, 0), ("brand", 2, 1, 2)]
    HOURW = [3, 2, 2, 1.5, 1, 1, 1.5, 2.5, 3.5, 4, 4, 4.5, 5, 5, 5, 5.5, 6, 6.5, 6.5, 6, 5.5, 5, 4.5, 4]
    hour_cum = []
    acc = 0
    for w in HOURW:
        acc += w
        hour_cum.append(acc)
    inc_tot = sum(w for _, w, _, _ in INC_TYPES)

    def pick_inc():
        x = R() * inc_tot
        for it in INC_TYPES:
            x -= it[1]
            if x <= 0:
                return it
        return INC_TYPES[0]

    S_INC = sid("incident_handling")
    S_INC_ASSIST = sid("incident_assistance_other_team")
    S_INC_UNREG = sid("incident_unregistered_bystander")
    S_INC_LATE = sid("incident_registered_late")
    S_MK = sid("meldkamer_incident")
    S_MK_CALLER = sid("meldkamer_caller_unregistered")
    S_RTIC = sid("rtic_incident_support")
    S_BRIEF = sid("briefing_topx")
    S_CTRL = sid("traffic_control_registered")
    S_CTRL_UNREG = sid("traffic_control_unregistered_driver")
    S_PLATE = sid("patrol_plate_check_unregistered")
    S_PLATE_REG = sid("patrol_person_check_registered")
    S_FOLLOWUP = sid("incident_followup_next_shift")
    S_VK = sid("verkeer_incident")
    S_HAVEN = sid("port_incident")
    S_HAVEN_CHECK = sid("port_access_check")
    S_DUMP = sid("drug_dumping_incident")
    S_OVERRUN = sid("incident_after_shift_report")
    S_LAB_FO = sid("drug_lab_forensics")
    S_PIKET = sid("piket_recherche_callout_no_roster")
    district_drt = {uid: "T-%s-DRT" % uid.split("_")[1].upper()[:3] for uid, _, _ in DISTRICTS}

    incident_list = []  # (ci, t_true, bt_code)
    district_emps = {}
    for i in range(NE):
        district_emps.setdefault(E_unit[i], []).append(i)
    mk_team = "T-DROS-MK"
    rtic_teams = ["T-DROS-RTIC", "T-DRIO-IK"]
    for uid, uname, bts in DISTRICTS:
        for code, name, areas in bts:
            tid = bt_team[code]
            tsize = team_info[tid]["size"]
            per_day = tsize * 0.8 + (8 if code in ("TBN", "TBZ", "BRZ", "BRN") else 0)
            n_inc = int(per_day * DAYS * (0.9 + 0.2 * R()))
            for k in range(n_inc):
                d = RI(0, DAYS - 1)
                h = bisect_left(hour_cum, R() * hour_cum[-1])
                if d % 7 >= 4 and h in (0, 1, 2, 3, 22, 23) and R() < 0.3:
                    pass
                t = d * DAYSEC + h * HOUR + RI(0, 3599)
                typ, _, pmin, pmax = pick_inc()
                if code == "MOE" and R() < 0.05 or code in ("BAA", "MBW", "HAL", "RSD") and R() < 0.02:
                    typ, pmin, pmax = ("drugsdumping", 1, 2) if R() < 0.7 else ("drugslab", 1, 4)
                np_ = RI(pmin, pmax)
                ps = []
                if typ in ("huiselijk_geweld",):
                    hh = HH[P_hh[local_person(areas)]]
                    ps = hh[:2] if len(hh) >= 2 else hh
                    # sometimes the ex-partner
                    if R() < 0.3 and true_rel.get(hh[0]):
                        exs = [q for q, kk in true_rel[hh[0]] if kk == "ex_partner"]
                        if exs:
                            ps = [hh[0], exs[0]]
                elif typ == "burenruzie":
                    p = local_person(areas)
                    nb = pc_persons.get(P_pc[p], [p])
                    ps = [p, CH(nb)]
                else:
                    be_share = 0.15 if code in ("ZVW", "ZVO", "BAA", "BOZ") else 0.03
                    for j in range(np_):
                        if R() < be_share:
                            ps.append(CH(be_persons))
                        elif R() < 0.75:
                            ps.append(local_person(areas))
                        else:
                            ps.append(region_person())
                if ps and R() < 0.004:
                    # a colleague as victim (assault on an officer) or reporter
                    c = CH(district_emps[uid])
                    if E_pid[c] >= 0:
                        ps[0] = E_pid[c]
                        typ = "geweld_tegen_politie"
                if ps and R() < 0.0015:
                    ps.append(CH(vip))   # public figure as reporter or party (accident, threat)
                ps = list(dict.fromkeys(ps))
                handler_team = tid
                if code in ("TBN", "TBZ") and R() < 0.5:
                    handler_team = "T-HVB-NH"
                if typ == "verkeersongeval" and R() < 0.25:
                    handler_team = "T-DROS-VK"
                late = R() < 0.14
                reg_t = t + (RI(30, 200) * MIN if late else RI(0, 4) * MIN)
                closed_t = reg_t + RI(1, 40) * HOUR
                if R() < 0.6:
                    opened = ts_local(reg_t)
                else:
                    opened = ts_utc(reg_t)
                if R() < 0.05:
                    opened = dstr(reg_t // DAYSEC)   # legacy: date only
                if R() < 0.15:
                    closed = ""
                elif R() < 0.5:
                    closed = dstr(closed_t // DAYSEC)
                else:
                    closed = ts_utc(closed_t)
                cid = bvh_no()
                roles = [CH(["betrokkene", "verdachte", "slachtoffer", "getuige", "melder", ""]) for _ in ps]
                reg_ps = ps if R() > 0.06 else ps[:-1]   # person left out of the registration
                ci = new_case(cid, "incident", uid, handler_team, opened, closed, False, reg_ps, roles)
                incident_list.append((ci, t, code))
                # handlers on duty
                duty = on_duty(handler_team, t)
                if not duty:
                    duty = on_duty(tid, t)
                if not duty:
                    continue
                nh = min(len(duty), CH([1, 2, 2, 2, 3]))
                hs = rng.sample(duty, nh)
                if R() < 0.1:
                    other = CH([b for b in bts if b[0] != code])[0]
                    od = on_duty(bt_team[other], t)
                    if od:
                        hs.append(CH(od))
                for j, (e, st, en) in enumerate(hs):
                    src = S_INC if j < nh else S_INC_ASSIST
                    if late:
                        src = S_INC_LATE
                    for p in ps:
                        tt = t + RI(0, 40 * MIN) + j * RI(0, 600)
                        if tt >= en and R() < 0.7:
                            tt = en - RI(60, 900)
                        lookups(tt, e, p, cid, src, E_role[e], mobile=True, nmin=1, nmax=5, span=25 * MIN)
                        # follow-up later in the shift (report writing), sometimes overrunning the shift
                        if R() < 0.35:
                            t2 = min(en + (RI(5, 50) * MIN if R() < 0.08 else -RI(60, 1800)), tt + RI(1, 6) * HOUR)
                            ev(t2, e, "bvh", "view", p, cid if R() < 0.6 else None,
                               S_OVERRUN if t2 >= en else src)
                    if R() < 0.1 and ps:
                        # bystander or resident at the address, not in the registration
                        q = CH(pc_persons.get(P_pc[ps[0]], [ps[0]]))
                        lookups(t + RI(0, 30 * MIN), e, q, None, S_INC_UNREG, E_role[e], mobile=True, nmax=2)
                # next-day follow-up by someone of the team (team case)
                if ps and R() < 0.2:
                    t3 = t + RI(10, 60) * HOUR
                    d3 = on_duty(tid, t3)
                    if d3:
                        e = CH(d3)[0]
                        for p in ps:
                            lookups(t3, e, p, cid, S_FOLLOWUP, "basis", nmax=2, case_p=0.5)
                # meldkamer
                if ps and R() < 0.65:
                    dm = on_duty(mk_team, t)
                    if dm:
                        e = CH(dm)[0]
                        for p in ps[:2]:
                            lookups(t - RI(0, 5 * MIN), e, p, None, S_MK, "meldkamer", nmax=2, span=5 * MIN,
                                    case_p=0.1)
                if ps and R() < 0.25:
                    dr = on_duty(CH(rtic_teams), t)
                    if dr:
                        e = CH(dr)[0]
                        for p in ps:
                            lookups(t + RI(0, 15 * MIN), e, p, None, S_RTIC, "rtic", nmax=3, span=10 * MIN,
                                    case_p=0.05)
                if typ in ("drugsdumping", "drugslab"):
                    # DRR synthetic drugs team follows up dumpings and labs (landowner, tenant, vehicle
                    # holders nearby); forensics (FO) dismantle labs and check the tenants
                    members = team_info["T-DRR-SYN"]["members"]
                    t4 = (t // DAYSEC + 1) * DAYSEC + RI(9, 15) * HOUR
                    for e in rng.sample(members, 1 if typ == "drugsdumping" else 3):
                        for p in ps:
                            lookups(t4 + RI(0, 4 * HOUR), e, p, cid, S_DUMP, "drr", nmax=3, case_p=0.8)
                    if typ == "drugslab":
                        for e in rng.sample(team_info["T-DRR-FO"]["members"], 2):
                            for p in ps:
                                lookups(t + RI(2, 10) * HOUR, e, p, cid if R() < 0.5 else None, S_LAB_FO, "fo",
                                        nmax=2, case_p=0.5)
                # on-call detective (piket) called out at night from home: no roster row for it
                if ps and (h >= 23 or h < 5) and typ in ("geweld_uitgaan", "huiselijk_geweld", "vermissing",
                                                        "brand") and R() < 0.12:
                    pk = CH(team_info[district_drt[uid]]["members"])
                    for p in ps:
                        lookups(t + RI(20, 120) * MIN, pk, p, cid, S_PIKET, "rech", nmax=3, case_p=0.5)

    # meldkamer callers not in any registration and general role-based
    for tid in [mk_team] + rtic_teams:
        src = S_MK_CALLER if tid == mk_team else S_RTIC
        role = team_info[tid]["role"]
        for e in team_info[tid]["members"]:
            for st, en in SH[e]:
                for k in range(RI(3, 9) if tid == mk_team else RI(4, 12)):
                    p = region_person() if R() < 0.92 else CH(be_persons)
                    lookups(RI(st, en - 60), e, p, None, src, role, nmax=2, span=5 * MIN, case_p=0)

    # briefing / top-X, patrol plate checks, traffic controls, per shift of basis/noodhulp
    for ei in range(NE):
        role = E_role[ei]
        if role not in ("basis", "noodhulp", "verkeer", "haven"):
            continue
        for st, en in SH[ei]:
            tid = team_at(ei, st)
            tc = team_cases.get(tid) or []
            if tc and R() < 0.6:
                ci = CH(tc)
                for p in rng.sample(C_persons[ci], min(len(C_persons[ci]), RI(1, 4))):
                    lookups(st + RI(5, 40) * MIN, ei, p, C_id[ci], S_BRIEF, role, nmax=2, case_p=0.3)
            areas = team_info[tid]["areas"] or all_nl_areas
            # plate / person checks on patrol
            for k in range(RI(0, 4)):
                t = RI(st + 45 * MIN, en - 30 * MIN)
                p = region_or_local(areas, 0.6)
                if R() < 0.55:
                    cid = bvh_no()
                    ci = new_case(cid, "incident", team_info[tid]["unit"], tid, ts_local(t + RI(2, 40) * MIN),
                                  dstr(t // DAYSEC), False, [p], ["gecontroleerde"])
                    ev(t, ei, "rdw" if R() < 0.5 else "meos", "query", p, None, S_PLATE_REG)
                    if R() < 0.6:
                        ev(t + RI(20, 300), ei, "bvh", "view", p, cid if R() < 0.3 else None, S_PLATE_REG)
                else:
                    ev(t, ei, "rdw" if R() < 0.5 else "meos", "query", p, None, S_PLATE)
            # organised traffic / port controls
            if (role in ("verkeer",) and R() < 0.25) or (role == "basis" and R() < 0.035) or \
                    (role == "haven" and R() < 0.5):
                t = RI(st + HOUR, en - 3 * HOUR)
                checked = [region_or_local(areas, 0.4) for _ in range(RI(8, 35))]
                if role == "haven":
                    checked = [region_or_local(["4381", "4382", "4389", "4531", "4701", "4611", "4782"], 0.5)
                               if R() < 0.8 else CH(be_persons) for _ in range(RI(6, 25))]
                reg = [p for p in checked if R() < 0.82]
                cid = bvh_no()
                name_src = S_HAVEN_CHECK if role == "haven" else S_CTRL
                new_case(cid, "incident", team_info[tid]["unit"], tid, ts_local(t), ts_local(t + 3 * HOUR), False,
                         reg, ["gecontroleerde"] * len(reg))
                tt = t
                for p in checked:
                    tt += RI(60, 500)
                    srcn = name_src if p in reg else S_CTRL_UNREG
                    ev(tt, ei, "rdw" if R() < 0.4 else ("meos" if R() < 0.6 else "bvh"), "query", p,
                       cid if R() < 0.2 else None, srcn)
    # port incidents (uithalers, stowaways)
    for tid in ("T-ZLD-HAVEN", "T-MRK-HAVEN"):
        for k in range(RI(12, 26) if tid == "T-ZLD-HAVEN" else RI(4, 9)):
            t = RI(0, DAYS * DAYSEC - 1)
            ps = [region_person() if R() < 0.6 else CH(be_persons) for _ in range(RI(1, 6))]
            cid = bvh_no()
            ci = new_case(cid, "incident", team_info[tid]["unit"], tid, ts_local(t + RI(5, 60) * MIN), "", False, ps,
                          ["verdachte"] * len(ps))
            duty = on_duty(tid, t)
            for e, st, en in rng.sample(duty, min(len(duty), 3)):
                for p in ps:
                    lookups(t + RI(0, 2 * HOUR), e, p, cid, S_HAVEN, "haven", nmax=4, case_p=0.5)
            # DRR port team takes over
            for e in rng.sample(team_info["T-DRR-HAV"]["members"], 3):
                for p in ps:
                    lookups(t + RI(8, 40) * HOUR, e, p, cid, S_HAVEN, "drr", nmax=3, case_p=0.6)

    # --- wijkagenten ---
    S_WIJK = sid("wijkagent_casework")
    S_WIJK_UNREG = sid("wijkagent_resident_contact_unregistered")
    S_WIJK_INC = sid("wijkagent_recent_incident_in_wijk")
    recent_inc_by_bt = {}
    for ci, t, code in incident_list:
        recent_inc_by_bt.setdefault(code, []).append((t, ci))
    for k in recent_inc_by_bt:
        recent_inc_by_bt[k].sort()
    for tid in teams_by_role["wijk"]:
        code = tid.split("-")[1]
        areas = team_info[tid]["areas"]
        for ei in team_info[tid]["members"]:
            for st, en in SH[ei]:
                tcur = team_at(ei, st)
                tc = team_cases.get(tcur) or []
                for k in range(RI(6, 16)):
                    t = RI(st, en - 60)
                    x = R()
                    if x < 0.7 and tc:
                        ci = CH(tc)
                        lookups(t, ei, CH(C_persons[ci]), C_id[ci], S_WIJK, "wijk", mobile=True, nmax=3, case_p=0.3)
                    elif x < 0.9:
                        lst = recent_inc_by_bt.get(code, [])
                        j = bisect_left(lst, (t,))
                        if j > 5:
                            _, ci = lst[j - RI(1, min(j, 40))]
                            if C_persons[ci]:
                                lookups(t, ei, CH(C_persons[ci]), C_id[ci], S_WIJK_INC, "wijk", nmax=2, case_p=0.2)
                    else:
                        lookups(t, ei, local_person(areas), None, S_WIJK_UNREG, "wijk", mobile=True, nmax=2)

    # --- recherche (district and DRR) ---
    S_REC = sid("investigation_assigned")
    S_REC_TEAM = sid("investigation_team_colleague_case")
    S_REC_ASSOC = sid("investigation_associate_not_registered")
    S_REC_LOAN = sid("investigation_support_other_team_given_case")
    S_REC_PRINT = sid("investigation_print_pv")
    S_REC_EXPORT = sid("investigation_export_analysis")
    S_REC_FORMER = sid("investigation_former_team_case")
    assigned_cases = {}
    for ci, ass in ci_assignees.items():
        for e in ass:
            assigned_cases.setdefault(e, []).append(ci)
    for ei in range(NE):
        role = E_role[ei]
        if role not in ("rech", "drr", "fo"):
            continue
        mine = assigned_cases.get(ei, [])
        for st, en in SH[ei]:
            tid = team_at(ei, st)
            tc = team_cases.get(tid) or []
            n = RI(5, 22) if role != "fo" else RI(0, 6)
            for k in range(n):
                t = RI(st, en - 60)
                x = R()
                if x < 0.6 and mine:
                    ci = CH(mine)
                    src = S_REC
                elif x < 0.88 and tc:
                    ci = CH(tc)
                    src = S_REC_TEAM
                    if tid != E_team[ei] and R() < 0.3:
                        ci = CH(team_cases.get(E_team[ei]) or tc)
                        src = S_REC_FORMER
                elif x < 0.95:
                    pool = mine or tc
                    if not pool:
                        continue
                    ci = CH(pool)
                    p = CH(C_persons[ci])
                    assoc = [q for q, kk in true_rel.get(p, [])] + [q for q in HH[P_hh[p]] if q != p]
                    if assoc:
                        lookups(t, ei, CH(assoc), C_id[ci] if R() < 0.3 else None, S_REC_ASSOC, role, nmax=2)
                    continue
                else:
                    others = [c for c in sensitive_cases if C_team[c] != tid][:0] or \
                        team_cases.get(CH(teams_by_role["rech"] + teams_by_role["drr"])) or tc
                    if not others:
                        continue
                    ci = CH(others)
                    p = CH(C_persons[ci])
                    lookups(t, ei, p, C_id[ci], S_REC_LOAN, role, nmax=3, case_p=1.0)
                    continue
                p = CH(C_persons[ci])
                lookups(t, ei, p, C_id[ci], src, role, nmax=4, span=30 * MIN, case_p=0.5)
                if R() < 0.03:
                    ev(t + RI(60, 900), ei, CH(["bvh", "summit"]), "print", p, C_id[ci] if R() < 0.6 else None,
                       S_REC_PRINT)
                if R() < 0.003:
                    for q in C_persons[ci][:RI(3, 12)]:
                        ev(t + RI(900, 1800), ei, "blueview", "export", q, None, S_REC_EXPORT)

    # --- intake & service ---
    S_INTAKE = sid("intake_aangifte")
    S_INTAKE_DESK = sid("intake_desk_phone_unregistered")
    for tid in teams_by_role["intake"]:
        ti = team_info[tid]
        areas = ti["areas"]
        for ei in ti["members"]:
            for st, en in SH[ei]:
                for k in range(RI(4, 11)):
                    t = RI(st, en - 1800)
                    ps = [local_person(areas) if R() < 0.85 else region_person()]
                    if R() < 0.4:
                        ps.append(region_or_local(areas))
                    if R() < 0.15:
                        ps.append(CH(be_persons))
                    cid = bvh_no()
                    reg_t = t + RI(5, 70) * MIN
                    new_case(cid, "intake", ti["unit"], tid, ts_local(reg_t) if R() < 0.85 else dstr(reg_t // DAYSEC),
                             "" if R() < 0.7 else dstr(reg_t // DAYSEC + RI(0, 5)), False, ps,
                             ["aangever"] + ["verdachte"] * (len(ps) - 1))
                    for p in ps:
                        lookups(t + RI(0, 20 * MIN), ei, p, cid, S_INTAKE, "intake", nmax=3, case_p=0.3)
                for k in range(RI(1, 6)):
                    lookups(RI(st, en - 60), ei, region_or_local(areas), None, S_INTAKE_DESK, "intake", nmax=2)

    # --- analysts, CIE, informatieknooppunt ---
    S_ANA = sid("analysis_investigation")
    S_ANA_NET = sid("analysis_network_unregistered")
    S_ANA_EXP = sid("analysis_export_product")
    S_CIE = sid("cie_information_work")
    S_CIE_UNREG = sid("cie_informant_or_subject_unregistered")
    all_inv = [ci for tl in team_cases.values() for ci in tl]
    for tid in ("T-DRIO-ANA", "T-DRIO-CIE"):
        role = team_info[tid]["role"]
        for ei in team_info[tid]["members"]:
            mine = assigned_cases.get(ei, [])
            for st, en in SH[ei]:
                for k in range(RI(10, 45) if role == "ana" else RI(5, 20)):
                    t = RI(st, en - 60)
                    if role == "cie":
                        if R() < 0.55:
                            ci = CH(mine) if mine and R() < 0.5 else CH(sensitive_cases)
                            lookups(t, ei, CH(C_persons[ci]), None, S_CIE, "cie", nmax=2)
                        else:
                            lookups(t, ei, region_person() if R() < 0.9 else CH(be_persons), None, S_CIE_UNREG,
                                    "cie", nmax=2)
                        continue
                    x = R()
                    if x < 0.35 and mine:
                        ci = CH(mine)
                    else:
                        ci = CH(all_inv)
                    p = CH(C_persons[ci])
                    if R() < 0.1:
                        assoc = [q for q, kk in true_rel.get(p, [])]
                        if assoc:
                            lookups(t, ei, CH(assoc), None, S_ANA_NET, "ana", nmax=2)
                            continue
                    lookups(t, ei, p, C_id[ci], S_ANA, "ana", nmax=3, case_p=0.25)
                    if R() < 0.006:
                        for q in C_persons[ci][:RI(5, 30)]:
                            ev(t + RI(600, 1800), ei, "blueview", "export", q, C_id[ci] if R() < 0.5 else None,
                               S_ANA_EXP)

    # --- cross-border desk (Belgian police requests) ---
    S_GOS = sid("crossborder_request_registered")
    S_GOS_UNREG = sid("crossborder_request_by_phone_unregistered")
    for ei in team_info["T-DROS-GOS"]["members"]:
        for st, en in SH[ei]:
            for k in range(RI(2, 6)):
                t = RI(st, en - 3600)
                ps = [CH(be_persons) if R() < 0.5 else region_person() for _ in range(RI(1, 5))]
                reg = R() < 0.75
                cid = None
                if reg:
                    cid = "RHV-BE-2027-%05d" % next_serial()
                    new_case(cid, "intake", "zwb_dros", "T-DROS-GOS", ts_local(t), "", False, ps,
                             ["subject verzoek"] * len(ps))
                for p in ps:
                    lookups(t + RI(0, 20 * MIN), ei, p, cid, S_GOS if reg else S_GOS_UNREG, "grens", nmax=3,
                            case_p=0.5)
            for k in range(RI(0, 4)):
                ci = jit_ci
                if ei in jit_staff:
                    lookups(RI(st, en - 60), ei, CH(C_persons[ci]), C_id[ci], S_GOS, "grens", nmax=2, case_p=0.4)

    # --- VIK, screening, bewaken & beveiligen, staff, functioneel beheer ---
    S_VIK = sid("vik_integrity_investigation")
    S_SCR = sid("screening_applicant_or_rescreen")
    S_BB = sid("protection_assignment")
    S_STAF = sid("staff_officer_major_case_view")
    S_FB = sid("functioneel_beheer_ticket_unregistered")
    S_KWAL = sid("registration_quality_check")
    for ei in team_info["T-STAF-VIK"]["members"]:
        tc = team_cases.get("T-STAF-VIK", [])
        for st, en in SH[ei]:
            for k in range(RI(0, 8)):
                if tc:
                    ci = CH(tc)
                    lookups(RI(st, en - 60), ei, CH(C_persons[ci]), C_id[ci], S_VIK, "vik", nmax=2, case_p=0.6)
    for ei in team_info["T-STAF-SCR"]["members"]:
        for st, en in SH[ei]:
            for k in range(RI(2, 8)):
                t = RI(st, en - 60)
                if R() < 0.35:
                    e2 = RI(0, NE - 1)
                    p = E_pid[e2] if E_pid[e2] >= 0 else region_person()
                else:
                    p = region_person()
                ps = [p] + ([q for q, kk in true_rel.get(p, []) if kk in ("partner", "household")][:1])
                cid = "SCR-ZWB-2027-%05d" % next_serial()
                new_case(cid, "intake", "zwb_staf", "T-STAF-SCR", dstr(max(-30, t // DAYSEC - RI(0, 20))), "", True,
                         ps, ["betrokkene"] * len(ps))
                for q in ps:
                    lookups(t, ei, q, cid, S_SCR, "screening", nmax=2, case_p=0.7)
    for ei in team_info["T-DROS-BB"]["members"]:
        tc = team_cases.get("T-DROS-BB", [])
        for st, en in SH[ei]:
            for k in range(RI(0, 5)):
                ci = CH(tc)
                lookups(RI(st, en - 60), ei, CH(C_persons[ci]), C_id[ci], S_BB, "bb", nmax=2, case_p=0.4)
    big_cases = sensitive_cases[:]
    for ei in team_info["T-STAF-LD"]["members"]:
        for st, en in SH[ei]:
            if R() < 0.25:
                ci = CH(big_cases)
                lookups(RI(st, en - 60), ei, CH(C_persons[ci]), C_id[ci] if R() < 0.5 else None, S_STAF, "staf",
                        nmax=2)
    for ei in team_info["T-STAF-FB"]["members"]:
        for st, en in SH[ei]:
            for k in range(RI(0, 6)):
                t = RI(st, en - 60)
                if R() < 0.6 and incident_list:
                    ci, t0, code = incident_list[RI(0, len(incident_list) - 1)]
                    if C_persons[ci]:
                        ev(t, ei, "bvh", "view", CH(C_persons[ci]), C_id[ci] if R() < 0.4 else None, S_KWAL)
                else:
                    ev(t, ei, "bvh", CH(["query", "view"]), region_person(), None, S_FB)

    # --- Moerdijk chemical-plant fire: GRIP 3, evacuation of several villages ---
    S_FIRE = sid("moerdijk_fire_evacuee_registration")
    S_FIRE_UNREG = sid("moerdijk_fire_evacuee_not_registered")
    S_FIRE_PLANT = sid("moerdijk_fire_plant_staff")
    S_FIRE_INV = sid("moerdijk_fire_cause_investigation")
    fire_t = 9 * DAYSEC + 17 * HOUR + 42 * MIN
    evac_areas = ["4782", "4765", "4771"]
    residents = [p for a in evac_areas for p in area_persons[a]]
    if "4771" in area_persons:
        residents = residents[:]  # whole villages
    reg_evac = [p for p in residents if R() < 0.62]
    plant_staff = [region_person() for _ in range(14)]
    plant_director = plant_staff[0]
    fire_persons = plant_staff + reg_evac
    fire_cid = "PL2000-2027-GRIP3-MOERDIJK"
    fire_ci = new_case(fire_cid, "incident", "zwb_markiezaten", "T-MOE-BT", ts_local(fire_t + 8 * MIN),
                       "", False, fire_persons, ["betrokkene bedrijf"] * len(plant_staff) +
                       ["geevacueerde"] * len(reg_evac))
    mob = []
    for tid in teams_by_role["basis"] + teams_by_role["intake"] + ["T-DROS-RTIC", "T-DRIO-IK", "T-DROS-VK"]:
        m = team_info[tid]["members"]
        mob += rng.sample(m, min(len(m), RI(3, 14) if tid != "T-MOE-BT" else 40))
    for e in mob:
        if R() < 0.68:
            staff(fire_ci, e, ts_utc(fire_t + RI(20, 400) * MIN) if R() < 0.8 else "", dstr(12))
    for e in mob:
        n = RI(5, 45)
        for k in range(n):
            t = fire_t + int((R() ** 1.6) * 3 * DAYSEC) + RI(30, 90) * MIN
            p = CH(residents)
            src = S_FIRE if p in reg_evac else S_FIRE_UNREG
            lookups(t, e, p, fire_cid if R() < 0.3 else None, src, E_role[e], nmax=2, case_p=0.3)
    for e in rng.sample(team_info["T-DRR-MIL"]["members"], 6):
        staff(fire_ci, e, dstr(10), "")
        for k in range(RI(10, 30)):
            t = fire_t + RI(14, 20 * 24) * HOUR
            lookups(t, e, CH(plant_staff), fire_cid, S_FIRE_INV, "drr", nmax=3, case_p=0.5)
    for e in rng.sample(team_info["T-MOE-BT"]["members"], 10):
        for p in plant_staff:
            lookups(fire_t + RI(30, 600) * MIN, e, p, fire_cid, S_FIRE_PLANT, "basis", nmax=2)
    # King's visit / mayor (vip in the incident)
    mayor_moerdijk = vip[1]
    C_persons[fire_ci].append(mayor_moerdijk)
    case_persons_rows.append((fire_cid, mayor_moerdijk, "burgemeester"))

    # --- cocaine in the port: big bust on day 15, a lot of team activity ---
    S_COKE = sid("cocaine_port_investigation_action")
    coke_t = 15 * DAYSEC + 5 * HOUR + 30 * MIN
    for e in coke_staff:
        for k in range(RI(20, 60)):
            t = coke_t + int((R() ** 2) * 5 * DAYSEC)
            lookups(t, e, CH(coke_persons), "ZWB-DRR-SCHELDEPOORT", S_COKE, "drr", nmax=3, case_p=0.5)
    # Tilburg shooting on day 20 (victim in the news)
    S_SHOOT = sid("tilburg_shooting_incident")
    shoot_t = 20 * DAYSEC + 22 * HOUR + 11 * MIN
    shoot_victim = local_person(bt_areas["TBN"])
    shoot_susp = [region_person() for _ in range(3)]
    shoot_cid = "PL2000-2027-SCHIETINCIDENT-TBN"
    shoot_ci = new_case(shoot_cid, "incident", "zwb_hvb", "T-TBN-BT", ts_local(shoot_t + 3 * MIN), "", False,
                        [shoot_victim] + shoot_susp, ["slachtoffer"] + ["verdachte"] * 3)
    zwc = team_info["T-DRR-ZWC"]["members"]
    shoot_team = rng.sample(zwc, 14)
    for e in shoot_team:
        staff(shoot_ci, e, dstr(21), "")
        for k in range(RI(10, 30)):
            lookups(shoot_t + RI(1, 7 * 24) * HOUR, e, CH([shoot_victim] + shoot_susp), shoot_cid, S_SHOOT, "drr",
                    nmax=2, case_p=0.6)
    for e, st, en in on_duty("T-TBN-BT", shoot_t + 300)[:6]:
        for p in [shoot_victim] + shoot_susp:
            lookups(shoot_t + RI(5, 90) * MIN, e, p, shoot_cid, S_SHOOT, "basis", mobile=True, nmax=2)

    n_legit = len(EV)

    # ------------------------------------------------------------------------------
    # Improper look-ups
    # ------------------------------------------------------------------------------
    truth = {}   # event index -> (incident, scenario) ; events appended after n_legit carry inc
    INC = []     # (incident_id, scenario)
    executives = [i for i in range(NE) if E_role[i] in ("basis", "noodhulp", "wijk", "intake", "rech", "drr",
                                                        "meldkamer", "haven", "verkeer", "rtic", "ana")]
    weights_exec = [i for i in executives for _ in range(3 if E_rank[i] in ("hoofdagent", "brigadier") else 1)]

    def pick_emp(need_pid=False, need=None):
        for _ in range(2000):
            e = CH(weights_exec)
            if need_pid and E_pid[e] < 0:
                continue
            if len(SH[e]) < 6:
                continue
            if need and not need(e):
                continue
            return e
        if need_pid or need:
            return None
        return CH(executives)

    def new_inc(scen):
        iid = "I-%04d" % (len(INC) + 1)
        INC.append((iid, scen))
        return len(INC) - 1

    def shift_time(e, day_from=0, day_to=DAYS, quiet=False, margin=20 * MIN):
        cands = [(st, en) for st, en in SH[e] if day_from * DAYSEC <= st < day_to * DAYSEC]
        if not cands:
            cands = SH[e]
        st, en = CH(cands)
        if quiet and en - st > 5 * HOUR:
            # a quiet moment: the late part of a late or night shift
            return RI(st + (en - st) // 2, en - margin)
        return RI(st + margin, en - margin)

    def off_time(e):
        for _ in range(200):
            d = RI(0, DAYS - 1)
            t = d * DAYSEC + RI(8 * HOUR, 23 * HOUR + 30 * MIN)
            ok = True
            for st, en in SH[e]:
                if st - 3 * HOUR <= t <= en + 3 * HOUR:
                    ok = False
                    break
            if ok:
                return t
        return None

    def cover_case(e):
        tc = team_cases.get(E_team[e]) or []
        if tc:
            return C_id[CH(tc)]
        return None

    def imp(t, e, p, inc, action=None, system=None, case=None):
        if action is None:
            action = "query" if R() < 0.6 else "view"
        if system is None:
            system = CH(["bvh", "blueview", "blueview", "bvh", "meos", "brp"])
        EV.append((int(t), e, system, action, p, case, -1, inc))

    def nrange(lo, hi):
        return RI(lo, hi)

    S_counts = {}

    def count(s):
        return RI(8, 12) if s not in ("news_hype",) else RI(10, 16)

    def tries(scen):
        target = count(scen)
        k = 0
        while sum(1 for _, s in INC if s == scen) < target and k < 2000:
            k += 1
            yield k

    # self
    for _ in tries("self"):
        e = pick_emp(True)
        inc = new_inc("self")
        for k in range(RI(1, 3)):
            imp(shift_time(e, quiet=R() < 0.5), e, E_pid[e], inc)
    # partner
    def has_rel(kind, recorded_only=True):
        recset = None

        def f(e):
            p = E_pid[e]
            return p >= 0 and any(kk == kind for q, kk in true_rel.get(p, []))
        return f

    rec_pairs = set((a, b) for a, b, k in relations) | set((b, a) for a, b, k in relations)
    for _ in tries("partner"):
        e = pick_emp(True, has_rel("partner"))
        if e is None:
            continue
        inc = new_inc("partner")
        q = CH([q for q, kk in true_rel[E_pid[e]] if kk == "partner"])
        for k in range(RI(1, 4)):
            imp(shift_time(e), e, q, inc)
        # the partner's relatives too
        if R() < 0.4:
            fam = [x for x, kk in true_rel.get(q, []) if kk in ("parent", "sibling", "child") and x != E_pid[e]]
            if fam:
                imp(shift_time(e), e, CH(fam), inc)
    for _ in tries("ex_partner"):
        e = pick_emp(True, has_rel("ex_partner"))
        if e is None:
            continue
        inc = new_inc("ex_partner")
        q = CH([q for q, kk in true_rel[E_pid[e]] if kk == "ex_partner"])
        new_partner = [x for x in HH[P_hh[q]] if x != q]
        d0 = RI(0, 12)
        for k in range(RI(2, 9)):
            t = shift_time(e, d0, DAYS, quiet=R() < 0.6)
            imp(t, e, q, inc, case=cover_case(e) if R() < 0.2 else None)
            if new_partner and R() < 0.5:
                imp(t + RI(20, 300), e, CH(new_partner), inc)
    for _ in tries("family"):
        e = pick_emp(True, lambda e: any(kk in ("parent", "child", "sibling") and (E_pid[e], q) in rec_pairs
                                         for q, kk in true_rel.get(E_pid[e], [])))
        if e is None:
            continue
        inc = new_inc("family")
        fam = [q for q, kk in true_rel[E_pid[e]] if kk in ("parent", "child", "sibling") and (E_pid[e], q) in rec_pairs]
        q = CH(fam)
        for k in range(RI(1, 5)):
            imp(shift_time(e), e, q, inc)
    # surname_relative: same surname, relation not recorded anywhere (cousin, uncle)
    by_sur = {}
    for p in range(0, NP, 3):
        by_sur.setdefault(P_sur[p], []).append(p)
    for _ in tries("surname_relative"):
        e = pick_emp(True)
        cands = [p for p in by_sur.get(E_sur[e], []) if p not in HH[P_hh[E_pid[e]]] and (E_pid[e], p) not in rec_pairs]
        if not cands:
            continue
        inc = new_inc("surname_relative")
        q = CH(cands)
        P_flags_q = None
        for k in range(RI(1, 4)):
            imp(shift_time(e), e, q, inc)
    for _ in tries("neighbour"):
        e = pick_emp(True)
        pc = P_pc[E_pid[e]]
        nbs = [p for p in pc_persons.get(pc, []) if p not in HH[P_hh[E_pid[e]]]]
        if not nbs:
            continue
        inc = new_inc("neighbour")
        targets = rng.sample(nbs, min(len(nbs), RI(1, 3)))
        d0 = RI(0, 20)
        for q in targets:
            for k in range(RI(1, 3)):
                imp(shift_time(e, d0, min(DAYS, d0 + 7)), e, q, inc)
    for _ in tries("colleague"):
        e = pick_emp()
        pool = [x for x in team_info[E_team[e]]["members"] if x != e and E_pid[x] >= 0]
        if R() < 0.4 or not pool:
            pool = [x for x in range(NE) if E_pid[x] >= 0 and x != e]
        c = CH(pool)
        inc = new_inc("colleague")
        for k in range(RI(1, 4)):
            imp(shift_time(e), e, E_pid[c], inc)
        if R() < 0.3:
            rels = [q for q, kk in true_rel.get(E_pid[c], []) if kk in ("partner", "ex_partner")]
            if rels:
                imp(shift_time(e), e, CH(rels), inc)
    for _ in tries("vip_curiosity"):
        e = pick_emp()
        inc = new_inc("vip_curiosity")
        for q in rng.sample(vip, RI(1, 2)):
            for k in range(RI(1, 2)):
                imp(shift_time(e, quiet=True), e, q, inc, action="query" if R() < 0.5 else "view")
    for _ in tries("shielded"):
        e = pick_emp()
        inc = new_inc("shielded")
        q = CH(shielded)
        for k in range(RI(1, 3)):
            imp(shift_time(e), e, q, inc, case=cover_case(e) if R() < 0.25 else None)
    # news_hype: plant director after the fire, arrested club chairman, shooting victim
    news = [(fire_t, [plant_director, plant_staff[1]], "T-MOE-BT"),
            (coke_t, [coke_chair, coke_persons[0]], "T-DRR-HAV"),
            (shoot_t, [shoot_victim], "T-TBN-BT")]
    involved = set(mob) | set(coke_staff) | set(shoot_team)
    for _ in tries("news_hype"):
        nt, targets, tid = CH(news)
        e = pick_emp(need=lambda e: e not in involved and E_team[e] != tid)
        if e is None:
            continue
        inc = new_inc("news_hype")
        d0 = nt // DAYSEC
        for q in targets[:RI(1, len(targets))]:
            for k in range(RI(1, 2)):
                after = [(st, en) for st, en in SH[e] if st > nt and st < nt + 4 * DAYSEC]
                if after:
                    st, en = CH(after)
                    t = RI(st + 20 * MIN, en - 20 * MIN)
                else:
                    t = nt + RI(2, 30) * HOUR
                imp(t, e, q, inc)
    for _ in tries("following"):
        e = pick_emp()
        home = E_home[e]
        q = CH(area_persons[home]) if R() < 0.6 else region_person()
        inc = new_inc("following")
        d = RI(0, 5)
        while d < DAYS:
            imp(shift_time(e, d, d + 1, quiet=True), e, q, inc, action="query",
                case=cover_case(e) if R() < 0.15 else None)
            d += RI(2, 6)
    for _ in tries("browsing"):
        e = pick_emp()
        inc = new_inc("browsing")
        for s in range(RI(1, 3)):
            t = shift_time(e, quiet=True, margin=90 * MIN)
            area = CH(all_nl_areas) if R() < 0.5 else E_home[e]
            for k in range(RI(8, 22)):
                t += RI(30, 400)
                imp(t, e, CH(area_persons[area]) if R() < 0.7 else region_person(), inc, action="query",
                    system="blueview" if R() < 0.7 else "bvh")
    for _ in tries("volume_spike"):
        e = pick_emp()
        inc = new_inc("volume_spike")
        days = sorted(set(st // DAYSEC for st, en in SH[e]))
        d = CH(days[len(days) // 2:]) if days else RI(10, 25)
        for day in (d, d + 1):
            cs = [(st, en) for st, en in SH[e] if st // DAYSEC == day]
            if not cs:
                continue
            st, en = cs[0]
            for k in range(RI(60, 160)):
                imp(RI(st + 10 * MIN, en - 10 * MIN), e, region_person(), inc, action="query",
                    system=CH(["brp", "bvh", "blueview"]))
    for _ in tries("export_print"):
        e = pick_emp()
        inc = new_inc("export_print")
        tc = team_cases.get(E_team[e]) or []
        for k in range(RI(1, 3)):
            if tc and R() < 0.5:
                ci = CH(tc)
                q = CH(C_persons[ci])
                case = C_id[ci] if R() < 0.5 else None
            else:
                q = region_person()
                case = None
            t = shift_time(e)
            imp(t, e, q, inc, action="view", system="bvh", case=case)
            imp(t + RI(30, 400), e, q, inc, action=CH(["print", "export"]), system=CH(["bvh", "blueview"]),
                case=case)
    for _ in tries("off_shift"):
        e = pick_emp()
        inc = new_inc("off_shift")
        t = off_time(e)
        if t is None:
            continue
        area = E_home[e]
        targets = [CH(area_persons[area]) if R() < 0.6 else region_person() for _ in range(RI(1, 3))]
        for q in targets:
            for k in range(RI(1, 2)):
                imp(t, e, q, inc, system="meos" if R() < 0.7 else "bvh")
                t += RI(60, 900)
    for _ in tries("sensitive_investigation"):
        ci = CH(sensitive_cases)
        ass = set(ci_assignees.get(ci, []))
        e = pick_emp(need=lambda e: e not in ass and E_team[e] != C_team[ci])
        if e is None:
            continue
        inc = new_inc("sensitive_investigation")
        targets = rng.sample(C_persons[ci], min(len(C_persons[ci]), RI(1, 4)))
        d0 = RI(0, 18)
        for q in targets:
            for k in range(RI(1, 3)):
                imp(shift_time(e, d0, min(DAYS, d0 + 10)), e, q, inc,
                    case=cover_case(e) if R() < 0.25 else None)

    # ------------------------------------------------------------------------------
    # Write context
    # ------------------------------------------------------------------------------
    def opener(path, gz=False, bom=False, crlf=False):
        if gz:
            f = gzip.open(path + ".gz", "wt", encoding="utf-8", compresslevel=3, newline="")
        else:
            f = open(path, "w", encoding="utf-8", newline="")
        if bom:
            f.write("\ufeff")
        return f

    def q(s):
        s = "" if s is None else str(s)
        if any(c in s for c in ',"\n'):
            return '"' + s.replace('"', '""') + '"'
        return s

    def pidstr(i):
        return "P%07d" % i

    with opener(os.path.join(ctx, "units.csv")) as f:
        f.write("unit_id,name,fte\n")
        fte = {}
        for i in range(NE):
            fte[E_unit[i]] = fte.get(E_unit[i], 0) + 1
        for u, n in units:
            v = fte.get(u, 0) * (0.88 + 0.06 * R())
            f.write("%s,%s,%s\n" % (u, q(n), q(("%.1f" % v).replace(".", ",")) if u == "zwb_staf" else "%.1f" % v))
    with opener(os.path.join(ctx, "teams.csv"), crlf=True) as f:
        f.write("team_id,unit_id,kind,name\r\n")
        for tid, unit, kind, name in teams:
            f.write("%s,%s,%s,%s\r\n" % (tid, unit, kind if R() > 0.1 else kind.capitalize(), q(name)))
    with opener(os.path.join(ctx, "employees.csv"), bom=True) as f:
        f.write("Employee_ID,surname,unit_id,team_id,rank,function,person_id\n")
        for i in range(NE):
            pid = pidstr(E_pid[i]) if E_pid[i] >= 0 else ""
            f.write("%s,%s,%s,%s,%s,%s,%s\n" % (E_id[i], q(E_sur[i]), E_unit[i], E_team[i],
                                                E_rank[i] if R() > 0.05 else E_rank[i].capitalize(),
                                                q(E_func[i]), pid))
        for i, (nt, d) in sorted(transfers.items()):
            pid = pidstr(E_pid[i]) if E_pid[i] >= 0 else ""
            f.write("%s,%s,%s,%s,%s,%s,%s\n" % (E_id[i], q(E_sur[i]), team_info[nt]["unit"], nt, E_rank[i],
                                                q(E_func[i]), pid))
    with opener(os.path.join(ctx, "persons.csv"), gz=True) as f:
        f.write("person_id,surname,birth_year,postcode,house_number,flags\n")
        w = f.write
        for i in range(NP):
            by = P_by[i]
            w("%s,%s,%s,%s,%s,%s\n" % (pidstr(i), q(P_sur[i]), "" if by is None else by, P_pc[i], P_hn[i],
                                       q(P_flags[i])))
    with opener(os.path.join(ctx, "relations.csv"), gz=True) as f:
        f.write("person_id,related_person_id,kind\n")
        for a, b, k in relations:
            f.write("%s,%s,%s\n" % (pidstr(a), pidstr(b), k))
    with opener(os.path.join(ctx, "cases.csv"), gz=True) as f:
        f.write("case_id,kind,unit_id,team_id,opened,closed,sensitive\n")
        for i in range(len(C_id)):
            s = C_sens[i]
            sv = ("true" if s else "false") if R() > 0.1 else ("ja" if s else "")
            f.write("%s,%s,%s,%s,%s,%s,%s\n" % (C_id[i], C_kind[i], C_unit[i], C_team[i], C_open[i], C_close[i],
                                                 sv))
    with opener(os.path.join(ctx, "case_persons.csv"), gz=True) as f:
        f.write("case_id,person_id,role\n")
        for cid, p, r in case_persons_rows:
            f.write("%s,%s,%s\n" % (cid, pidstr(p), r))
    with opener(os.path.join(ctx, "case_staff.csv"), gz=True) as f:
        f.write("case_id,employee_id,from,to\n")
        for cid, e, frm, to in case_staff_rows:
            f.write("%s,%s,%s,%s\n" % (cid, E_id[e], frm, to))
    with opener(os.path.join(ctx, "shifts.csv"), gz=True) as f:
        f.write("employee_id,start,end\n")
        for e, st, en in shift_rows:
            if R() < 0.3:
                f.write("%s,%s,%s\n" % (E_id[e], ts_utc(st), ts_utc(en)))
            else:
                f.write("%s,%s,%s\n" % (E_id[e], ts_local(st), ts_local(en)))

    # ------------------------------------------------------------------------------
    # Write events: the merged stream of the newer systems, then a late batch from the
    # legacy Summit export (appended, not merged)
    # ------------------------------------------------------------------------------
    main_ev = [x for x in EV if x[2] != "summit"]
    sum_ev = [x for x in EV if x[2] == "summit"]
    main_ev.sort(key=lambda x: x[0])
    sum_ev.sort(key=lambda x: x[0])
    truth_rows = []
    dbg = [] if args.debug else None
    with gzip.open(os.path.join(out, "events.jsonl.gz"), "wt", encoding="utf-8", compresslevel=2) as f:
        w = f.write
        n = 0
        for (t, e, system, action, p, case, src, inc) in main_ev:
            n += 1
            eid = "e-%07d" % n
            emp = E_id[e]
            pid = pidstr(p)
            if system == "bvh":
                cs = case if case else ""
                w('{"id":"%s","ts":"%s","employee_id":"%s","system":"bvh","action":"%s","person_id":"%s",'
                  '"case_id":"%s"}\n' % (eid, ts_local_space(t), emp, action, pid, cs))
            elif system == "meos":
                if case:
                    w('{"ts":"%s","id":"%s","system":"meos","employee_id":"%s","person_id":"%s","action":"%s",'
                      '"case_id":"%s"}\n' % (ts_local(t, n % 1000), eid, emp, pid, action, case))
                else:
                    w('{"ts":"%s","id":"%s","system":"meos","employee_id":"%s","person_id":"%s","action":"%s"}\n'
                      % (ts_local(t, n % 1000), eid, emp, pid, action))
            elif system == "blueview":
                cs = '"%s"' % case if case else "null"
                w('{"id":"%s","ts":"%s","employee_id":"%s","system":"blueview","action":"%s","person_id":"%s",'
                  '"case_id":%s}\n' % (eid, ts_utc(t, (n * 37) % 1000), emp, action, pid, cs))
            else:
                if case:
                    w('{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s",'
                      '"case_id":"%s"}\n' % (eid, ts_utc(t), emp, system, action, pid, case))
                else:
                    w('{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"}\n'
                      % (eid, ts_utc(t), emp, system, action, pid))
            if inc is not None:
                truth_rows.append((eid, INC[inc][0], INC[inc][1]))
            if dbg is not None:
                dbg.append((eid, src_names[src] if src >= 0 else "improper:" + INC[inc][1]))
        m = 0
        for (t, e, system, action, p, case, src, inc) in sum_ev:
            m += 1
            eid = "SUM-%07d" % m
            cs = '"%s"' % case if case else "null"
            w('{"ID":"%s","TS":"%s","Employee_Id":%s,"System":"SUMMIT","Action":"%s","Person_Id":"%s",'
              '"Case_Id":%s}\n' % (eid, ts_local(t), E_id[e], action.upper(), pidstr(p), cs))
            if inc is not None:
                truth_rows.append((eid, INC[inc][0], INC[inc][1]))
            if dbg is not None:
                dbg.append((eid, src_names[src] if src >= 0 else "improper:" + INC[inc][1]))
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8") as f:
        f.write("event_id,incident_id,scenario\n")
        for r in truth_rows:
            f.write("%s,%s,%s\n" % r)
    if dbg is not None:
        with gzip.open(os.path.join(out, "debug_sources.csv.gz"), "wt", encoding="utf-8", compresslevel=2) as f:
            f.write("event_id,source\n")
            for r in dbg:
                f.write("%s,%s\n" % r)
    scen_counts = {}
    for iid, s in INC:
        scen_counts[s] = scen_counts.get(s, 0) + 1
    sys.stderr.write("redteam20: %d employees, %d persons, %d cases, %d events (%d improper in %d incidents) "
                     "in %.1fs\n" % (NE, NP, len(C_id), len(EV), len(truth_rows), len(INC), time.time() - T0))
    sys.stderr.write("incidents per scenario: %s\n" % ", ".join("%s=%d" % kv for kv in sorted(scen_counts.items())))


if __name__ == "__main__":
    main()
