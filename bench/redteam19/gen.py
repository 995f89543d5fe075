#!/usr/bin/env python3
"""Red team 19: Eenheid Noord-Holland in July (summer reinforcements, F1 Zandvoort,
beaches, IJmuiden port, Den Helder Marinedagen, a mass public-order operation).

python3 gen.py OUTDIR --seed S [--debug]
Standard library only. Deterministic per seed.
"""
import argparse, csv, gzip, io, math, os, random, sys, time

DAY = 86400
NDAYS = 28  # 2026-07-01 .. 2026-07-28, local time CEST (+02:00)


def daystr(d):
    # d = day index from 2026-07-01 (may be negative / beyond July)
    import datetime
    return (datetime.date(2026, 7, 1) + datetime.timedelta(days=d)).isoformat()


_DS = {d: daystr(d) for d in range(-400, 60)}


def ts_local(t, sep='T', frac=None):
    d, r = divmod(int(t), DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    f = '' if frac is None else '.%03d' % frac
    return '%s%s%02d:%02d:%02d%s+02:00' % (_DS[d], sep, h, m, s, f)


def ts_utc(t, sep='T', frac=None):
    t = int(t) - 7200
    d, r = divmod(t, DAY)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    f = '' if frac is None else '.%06d' % frac
    return '%s%s%02d:%02d:%02d%sZ' % (_DS[d], sep, h, m, s, f)


# ---------------------------------------------------------------- names
NL_SURN = [("de Vries", 80), ("Jansen", 75), ("de Jong", 70), ("Bakker", 60), ("Visser", 55), ("Smit", 55),
           ("Meijer", 50), ("de Boer", 50), ("Mulder", 45), ("de Groot", 45), ("Bos", 40), ("Vos", 38),
           ("Peters", 35), ("Hendriks", 35), ("van Leeuwen", 33), ("Dekker", 33), ("Brouwer", 32), ("de Wit", 32),
           ("Dijkstra", 30), ("Smits", 28), ("de Graaf", 28), ("van der Meer", 28), ("Kok", 30), ("Schouten", 28),
           ("Koning", 25), ("van Dijk", 40), ("Groot", 30), ("Kuijper", 18), ("Pronk", 15), ("Sijm", 10), ("Kaan", 10),
           ("Zwart", 15), ("Schermerhorn", 6), ("Stam", 14), ("Boon", 14), ("Duijn", 8), ("Veldhuis", 8),
           ("van den Berg", 35), ("Janssen", 20), ("Willemse", 12), ("Verhoeven", 14), ("Prins", 14), ("Blom", 14),
           ("Huisman", 14), ("Kramer", 16), ("Vermeulen", 18), ("van Wijk", 14), ("Hoekstra", 12), ("Post", 12),
           ("de Haan", 20), ("Molenaar", 12), ("Kroon", 10), ("Beentjes", 6), ("Tromp", 8), ("Rood", 7),
           ("'t Hart", 8), ("Bleeker", 5), ("Wagenaar", 10), ("Zijlstra", 8), ("Kramer", 10), ("Ooms", 5)]
TR_SURN = [("Yılmaz", 20), ("Kaya", 18), ("Demir", 16), ("Şahin", 14), ("Çelik", 12), ("Öztürk", 14), ("Aydın", 10),
           ("Arslan", 8), ("Doğan", 8), ("Koç", 6), ("Kılıç", 5), ("Polat", 5)]
MA_SURN = [("El Amrani", 8), ("Bouzid", 6), ("El Idrissi", 7), ("Ouali", 5), ("Ait Taleb", 4), ("Benali", 6),
           ("Chaouch", 3), ("El Khatib", 4), ("Azzouz", 3), ("Boukhari", 3)]
SR_SURN = [("Doelwijt", 3), ("Pinas", 4), ("Sabajo", 3), ("Kartodikromo", 2), ("Ramdin", 4), ("Biharie", 2),
           ("Wijngaarde", 3), ("Amatmoekrim", 1)]
PL_SURN = [("Kowalski", 5), ("Nowak", 6), ("Wiśniewski", 3), ("Wójcik", 3), ("Kamiński", 2), ("Popescu", 3),
           ("Ivanov", 2), ("Petrov", 2)]
FOREIGN_SURN = ["Smith", "Jones", "Williams", "Brown", "Taylor", "Müller", "Schmidt", "Schneider", "Fischer", "Weber",
                "Janssens", "Peeters", "Maes", "Dubois", "Martin", "Bernard", "García", "Rossi", "Russo", "Novak",
                "Horvat", "O'Brien", "Murphy", "Andersson", "Hansen", "Nielsen", "Kowalczyk", "Lewandowski",
                "Silva", "Santos", "Ferreira", "Kovács", "Nagy", "Wagner", "Becker", "Hoffmann", "Walker", "Evans"]
RARE_A = ["Brouw", "Hoog", "Zand", "Veen", "Kaas", "Molen", "Dijk", "Wester", "Ooster", "Kwak", "Slot", "Beuk", "Eik",
          "Linde", "Gras", "Klaver", "Vis", "Haring", "Bot", "Kreeft", "Duin", "Strand", "Polder", "Sluis",
          "Kerk", "Toren", "Smeed", "Wever", "Kuip", "Glas", "Room", "Boter", "Zout", "Riet", "Berk"]
RARE_B = ["man", "veld", "huis", "stra", "ma", "inga", "kamp", "horst", "broek", "hof", "burg", "waard", "dam",
          "meer", "sloot", "werf", "ing", "er", "ink", "sma", "enga", "beek", "hout", "weg", "land"]
RARE_PFX = ["", "", "", "", "van ", "van der ", "de ", "ter ", "van de "]


def wchoice(rng, items):
    tot = sum(w for _, w in items)
    r = rng.random() * tot
    for v, w in items:
        r -= w
        if r <= 0:
            return v
    return items[-1][0]


class Cum:
    def __init__(self, items):
        self.vals = [v for v, _ in items]
        self.cum = []
        s = 0
        for _, w in items:
            s += w
            self.cum.append(s)
        self.tot = s

    def pick(self, rng):
        import bisect
        return self.vals[bisect.bisect_right(self.cum, rng.random() * self.tot - 1e-12)]


# ---------------------------------------------------------------- geography
# area: key, unit, basisteam code, town list (pc4 ranges), population
AREAS = [
    ("zaanstad", "nh_zaanstad_waterland", "ZAAN", [(1501, 1509), (1521, 1521), (1541, 1544), (1561, 1562), (1566, 1567)], 30000, 'zaan'),
    ("waterland", "nh_zaanstad_waterland", "WATL", [(1441, 1448), (1131, 1135), (1141, 1141)], 18000, 'nl'),
    ("haarlem", "nh_kennemerland", "HRLM", [(2011, 2037)], 30000, 'nl'),
    ("kzuid", "nh_kennemerland", "KZUID", [(2041, 2042), (2051, 2061), (2101, 2106)], 14000, 'rich'),
    ("ijmond", "nh_kennemerland", "IJMD", [(1971, 1976), (1951, 1951), (2071, 2071), (1941, 1948), (1961, 1969)], 25000, 'nl'),
    ("hmeer", "nh_kennemerland", "HMEER", [(2131, 2136), (2151, 2152), (1171, 1171), (1161, 1161), (1175, 1175)], 22000, 'mix'),
    ("alkmaar", "nh_noord_holland_noord", "ALKM", [(1811, 1825)], 22000, 'nl'),
    ("nkenn", "nh_noord_holland_noord", "NKEN", [(1701, 1706), (1861, 1862), (1931, 1931), (1901, 1901)], 17000, 'wf'),
    ("kop", "nh_noord_holland_noord", "KOP", [(1781, 1789), (1741, 1741), (1759, 1759), (1791, 1797)], 17000, 'wf'),
    ("wfries", "nh_noord_holland_noord", "WFR", [(1621, 1628), (1601, 1601), (1671, 1671)], 21000, 'wf'),
]
BEACH_AREAS = ["kzuid", "ijmond", "nkenn", "kop"]
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def surname_dist(kind):
    base = list(NL_SURN)
    if kind == 'zaan':
        return base + [(n, w * 2.5) for n, w in TR_SURN] + [(n, w * 2) for n, w in MA_SURN] + SR_SURN
    if kind == 'mix':
        return base + TR_SURN + MA_SURN + [(n, w * 2) for n, w in SR_SURN] + [(n, w * 2) for n, w in PL_SURN]
    if kind == 'wf':
        return [(n, w * (2 if n in ("Kaan", "Sijm", "Groot", "Pronk", "Schouten", "Kuijper", "Beentjes", "Tromp", "Schermerhorn", "Duijn") else 1)) for n, w in base] + [(n, w * 2) for n, w in PL_SURN]
    if kind == 'rich':
        return base
    return base + [(n, w * 0.6) for n, w in TR_SURN] + [(n, w * 0.6) for n, w in MA_SURN] + [(n, w * 0.5) for n, w in SR_SURN] + [(n, w * 0.7) for n, w in PL_SURN]


class World:
    pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--debug', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    gen(a.outdir, a.seed, a.debug)
    sys.stderr.write('redteam19: done in %.1fs\n' % (time.time() - t0))


def gen(outdir, seed, debug):
    rng = random.Random(seed * 7919 + 19)
    os.makedirs(outdir, exist_ok=True)

    # ------------------------------------------------------------ calendar (seed varies)
    f1_fri = rng.choice([9, 16, 23])          # day index of F1 Friday (July 10/17/24)
    f1_days = [f1_fri - 1, f1_fri, f1_fri + 1, f1_fri + 2]  # Thu build-up .. Sun race
    marine_days = [2, 3, 4]                    # Marinedagen Den Helder, 3-5 July
    cand = [d for d in range(5, 26) if d not in f1_days and d + 1 not in f1_days]
    protest_day = rng.choice(cand)             # climate blockade Schiphol-Oost / Tata Steel
    protest_site = rng.choice(["Schiphol-Oost (privéjetterminal)", "Tata Steel IJmuiden"])
    heat = set(rng.sample(range(NDAYS), rng.randint(5, 9)))  # hot beach days
    for d in range(NDAYS):
        if (d - 1) in heat and rng.random() < 0.5:
            heat.add(d)

    # ------------------------------------------------------------ persons
    P_id, P_sn, P_by, P_pc, P_hn, P_fl = [], [], [], [], [], []
    P_area = []
    rel = []  # (idx, idx2, kind)
    idspace = rng.sample(range(1000000, 9999999), 330000)

    def newp(sn, by, pc, hn, fl='', area=-1):
        i = len(P_id)
        P_id.append('P%d' % idspace[i])
        P_sn.append(sn); P_by.append(by); P_pc.append(pc); P_hn.append(hn); P_fl.append(fl); P_area.append(area)
        return i

    area_persons = []      # per area: list of idx
    area_pcs = []          # per area: list of pc6
    pc_members = {}        # pc6 -> list idx
    addr_members = {}      # (pc6,hn) -> list idx
    area_adults = []
    for ai, (akey, unit, bt, ranges, popn, skind) in enumerate(AREAS):
        sd = Cum(surname_dist(skind))
        pc4s = []
        for lo, hi in ranges:
            pc4s.extend(range(lo, hi + 1))
        pcs = []
        plist, adults = [], []
        n = 0
        while n < popn:
            pc4 = rng.choice(pc4s)
            pc6 = '%d%s%s' % (pc4, rng.choice(LETTERS), rng.choice(LETTERS))
            if pc6 in pc_members:
                continue
            pcs.append(pc6)
            pc_members[pc6] = []
            nh = rng.randint(8, 22)
            start = rng.randint(1, 120)
            for h in range(nh):
                hn = str(start + 2 * h)
                r = rng.random()
                if r < 0.08:
                    hn += rng.choice(['A', 'B', '-1', '-2', '-II', ' hs', 'rd'])
                size = wchoice(rng, [(1, 35), (2, 33), (3, 13), (4, 13), (5, 6)])
                sn = sd.pick(rng)
                members = []
                if rng.random() < 0.3 and size == 1:
                    by = rng.randint(1935, 1960)
                else:
                    by = rng.randint(1950, 2004)
                a1 = newp(sn, by, pc6, hn, area=ai)
                members.append(a1); adults.append(a1)
                if size >= 2:
                    sn2 = sd.pick(rng) if rng.random() < 0.7 else sn
                    a2 = newp(sn2, max(1930, min(2006, by + rng.randint(-6, 6))), pc6, hn, area=ai)
                    members.append(a2); adults.append(a2)
                    rel.append((a1, a2, 'partner' if rng.random() < 0.8 else 'household'))
                    for k in range(size - 2):
                        c = newp(sn, min(2025, max(by + 20, 1975) + rng.randint(0, 16)), pc6, hn, area=ai)
                        members.append(c)
                        rel.append((c, a1, 'parent'))
                        if rng.random() < 0.85:
                            rel.append((c, a2, 'parent'))
                plist.extend(members)
                pc_members[pc6].extend(members)
                addr_members[(pc6, hn)] = members
                n += len(members)
        area_persons.append(plist)
        area_pcs.append(pcs)
        area_adults.append(adults)
    n_resident = len(P_id)
    # cross-household parent links for part of the population
    all_adults = [i for l in area_adults for i in l]
    for _ in range(n_resident // 12):
        c = rng.choice(all_adults)
        p = rng.choice(all_adults)
        if P_by[p] < P_by[c] - 18:
            rel.append((c, p, 'parent'))
    # foreign / non-resident persons (tourists, F1 fans, ship crews, seasonal workers)
    foreign = []
    for _ in range(22000):
        sn = rng.choice(FOREIGN_SURN) if rng.random() < 0.85 else wchoice(rng, PL_SURN)
        foreign.append(newp(sn, rng.randint(1955, 2007), '', '' if rng.random() < 0.9 else str(rng.randint(1, 300))))
    # persons elsewhere in the Netherlands (activists, reinforcements' families, day tourists)
    elsewhere = []
    ew_pcs = []
    for _ in range(1500):
        pc4 = rng.choice([rng.randint(1011, 1109), rng.randint(3500, 3599), rng.randint(6500, 6546), rng.randint(2311, 2334), rng.randint(7511, 7548), rng.randint(9711, 9747)])
        ew_pcs.append('%d %s%s' % (pc4, rng.choice(LETTERS), rng.choice(LETTERS)) if rng.random() < 0.3 else '%d%s%s' % (pc4, rng.choice(LETTERS), rng.choice(LETTERS)))
    sdn = Cum(surname_dist('nl'))
    for _ in range(16000):
        elsewhere.append(newp(sdn.pick(rng), rng.randint(1950, 2006), rng.choice(ew_pcs), str(rng.randint(1, 200))))
    # flags
    rich = area_adults[3]
    vips = []
    for _ in range(45):
        i = rng.choice(rich + area_adults[2] + area_adults[6])
        vips.append(i)
    for _ in range(14):  # F1 drivers / team bosses / foreign celebrities at Zandvoort
        vips.append(newp(rng.choice(["Verstraeten", "Hamilton-Price", "Leclair", "Norrisson", "Russel", "Alonso Díaz", "Piastrini", "Sainz Vidal", "Perezco", "Stroll-Lane", "Gasly-Roux", "Ocon", "Hülkenberg", "Bottas-Lind"]),
                         rng.randint(1975, 2004), '', '', 'vip'))
    shielded = []
    for _ in range(70):
        shielded.append(rng.choice(all_adults))
    for i in set(vips):
        P_fl[i] = rng.choice(['vip', 'vip', 'VIP', ' vip ', 'vip;publiek'])
    for i in set(shielded):
        P_fl[i] = 'shielded' if not P_fl[i] else P_fl[i] + ';shielded'
    vips = sorted(set(vips)); shielded = sorted(set(shielded))
    elderly = [i for i in range(n_resident) if P_by[i] and P_by[i] < 1960 and not P_fl[i]]
    for i in rng.sample(elderly, min(len(elderly), 1800)):
        P_fl[i] = rng.choice(['deceased', 'deceased', 'Deceased', 'deceased;overleden'])
    # frequent flyers per area
    flyers = [rng.sample(area_adults[a], len(area_adults[a]) // 30) for a in range(len(AREAS))]

    # ------------------------------------------------------------ units / teams
    units = [("nh_zaanstad_waterland", "District Zaanstad-Waterland", "598,5"),
             ("nh_kennemerland", "District Kennemerland", "1104.2"),
             ("nh_noord_holland_noord", "District Noord-Holland Noord", "1041.7"),
             ("noord_holland", "Eenheid Noord-Holland, regionale diensten", "872"),
             ("oost_nederland", "Eenheid Oost-Nederland", ""),
             ("midden_nederland", "Eenheid Midden-Nederland", ""),
             ("den_haag", "Eenheid Den Haag", ""),
             ("landelijke_eenheid", "Landelijke Eenheid", "")]
    teams = []  # (tid, unit, kind, name)
    team_info = {}  # tid -> dict(kind, unit, area, beh, size)

    def addteam(tid, unit, kind, name, beh, size, area=None):
        teams.append((tid, unit, kind, name))
        team_info[tid] = dict(unit=unit, kind=kind, name=name, beh=beh, size=size, area=area)

    bt_size = {"ZAAN": 230, "WATL": 150, "HRLM": 250, "KZUID": 130, "IJMD": 180, "HMEER": 190, "ALKM": 200, "NKEN": 120, "KOP": 140, "WFR": 160}
    bt_names = {"ZAAN": "Basisteam Zaanstad", "WATL": "Basisteam Waterland", "HRLM": "Basisteam Haarlem", "KZUID": "Basisteam Kennemerland-Zuid (Zandvoort, Heemstede, Bloemendaal)",
                "IJMD": "Basisteam IJmond", "HMEER": "Basisteam Haarlemmermeer", "ALKM": "Basisteam Alkmaar", "NKEN": "Basisteam Noord-Kennemerland",
                "KOP": "Basisteam Kop van Noord-Holland (Den Helder)", "WFR": "Basisteam West-Friesland"}
    area_bt = {}
    for ai, (akey, unit, bt, ranges, popn, skind) in enumerate(AREAS):
        kind = 'noodhulp' if bt in ("HRLM", "ALKM") else 'basisteam'
        addteam("PL12-BT-" + bt, unit, kind, bt_names[bt], 'nh', bt_size[bt], ai)
        addteam("PL12-WT-" + bt, unit, 'wijkteam', "Wijkteam " + bt_names[bt].split(' ', 1)[1], 'wijk', 30 if bt != "HRLM" else 38, ai)
        area_bt[ai] = "PL12-BT-" + bt
    for unit, code, nm, drt, intk in [("nh_zaanstad_waterland", "ZW", "Zaanstad-Waterland", 70, 35),
                                       ("nh_kennemerland", "KEN", "Kennemerland", 100, 50),
                                       ("nh_noord_holland_noord", "NHN", "Noord-Holland Noord", 100, 50)]:
        addteam("PL12-DRT-" + code, unit, 'recherche', "Districtsrecherche " + nm, 'rech', drt)
        addteam("PL12-SI-" + code, unit, 'intake_service', "Service & Intake " + nm, 'intake', intk)
    addteam("PL12-MK", "noord_holland", 'meldkamer', "Meldkamer Noord-Holland, Politie (Haarlem)", 'mk', 120)
    addteam("PL12-RTIC", "noord_holland", 'informatie_analyse', "DRIO - Real Time Intelligence Centrum", 'rtic', 36)
    addteam("PL12-DRIO-AN", "noord_holland", 'informatie_analyse', "DRIO - Analyse en Onderzoek", 'ana', 56)
    addteam("PL12-DRIO-SCR", "noord_holland", 'informatie_analyse', "DRIO - Screening en Accreditatie", 'scr', 14)
    addteam("PL12-DRR-TZC", "noord_holland", 'recherche', "DRR Team Zware Criminaliteit (Ondermijning Haven/Schiphol)", 'rech', 62)
    addteam("PL12-DRR-FIN", "noord_holland", 'recherche', "DRR Financieel, Digitaal en Cybercrime", 'rech', 40)
    addteam("PL12-AVIM", "noord_holland", 'specialistisch', "AVIM / Mensenhandel en Vreemdelingenpolitie", 'rech', 40)
    addteam("PL12-ZEEH", "noord_holland", 'specialistisch', "Zeehavenpolitie IJmuiden", 'haven', 34)
    addteam("PL12-OT", "noord_holland", 'specialistisch', "Observatieteam / Aanhoudingseenheid", 'ot', 28)
    addteam("PL12-ME", "noord_holland", 'specialistisch', "Mobiele Eenheid Noord-Holland", 'me', 110)
    addteam("PL12-VERK", "noord_holland", '', "Verkeershandhaving Noord-Holland", 'verk', 48)
    addteam("PL12-DIER", "noord_holland", 'ondersteuning', "Honden en Bereden Politie", 'dier', 30)
    addteam("PL12-SGBO", "noord_holland", 'staf', "Staf Grootschalig Bijzonder Optreden (SGBO)", 'sgbo', 34)
    addteam("PL12-VIK", "noord_holland", 'staf', "Veiligheid, Integriteit en Klachten", 'vik', 14)
    addteam("PL12-LEID", "noord_holland", 'staf', "Eenheidsleiding en districtsstaven", 'staf', 44)
    addteam("PL12-BV", "noord_holland", 'ondersteuning', "Bedrijfsvoering (PDC, HRM, Facilitair)", 'bv', 110)
    addteam("PL12-FB", "noord_holland", 'ondersteuning', "Functioneel Beheer BVH/Informatiekwaliteit", 'fb', 8)
    addteam("PL12-ZOMER-KUST", "nh_kennemerland", 'basisteam', "Zomerteam Kust (strandpolitie Zandvoort, Bloemendaal, IJmuiden)", 'zomer', 56, 3)
    addteam("PL12-ZOMER-NHN", "nh_noord_holland_noord", 'basisteam', "Zomerteam Kust Noord (Egmond, Bergen, Callantsoog)", 'zomer', 30, 7)
    addteam("PL12-GBO-F1", "nh_kennemerland", 'specialistisch', "GBO Dutch Grand Prix Zandvoort", 'gbo', 95, 3)
    addteam("ON-ME-NH", "oost_nederland", 'specialistisch', "ME Oost-Nederland (bijstand Noord-Holland)", 'me_ext', 40)

    # ------------------------------------------------------------ employees
    E = []  # dicts
    emp_person = {}
    used_eid = set()

    def new_eid(temp=False):
        while True:
            if temp:
                e = 'TMP%04d' % rng.randint(1, 9999)
            else:
                e = 'NH%06d' % rng.randint(100000, 999999)
            if e not in used_eid:
                used_eid.add(e)
                return e

    RANKS = {
        'nh': [("aspirant", 9), ("agent", 28), ("hoofdagent", 45), ("brigadier", 15), ("inspecteur", 3)],
        'wijk': [("hoofdagent", 35), ("brigadier", 60), ("inspecteur", 5)],
        'rech': [("hoofdagent", 28), ("brigadier", 42), ("inspecteur", 14), ("burger", 14), ("hoofdinspecteur", 2)],
        'intake': [("burger", 45), ("surveillant", 8), ("agent", 17), ("hoofdagent", 27), ("brigadier", 3)],
        'mk': [("burger", 72), ("hoofdagent", 14), ("brigadier", 12), ("inspecteur", 2)],
        'rtic': [("burger", 60), ("brigadier", 25), ("inspecteur", 15)],
        'ana': [("burger", 80), ("inspecteur", 12), ("brigadier", 8)],
        'scr': [("burger", 85), ("brigadier", 15)],
        'haven': [("hoofdagent", 45), ("brigadier", 45), ("inspecteur", 10)],
        'ot': [("hoofdagent", 50), ("brigadier", 50)],
        'me': [("agent", 35), ("hoofdagent", 50), ("brigadier", 12), ("inspecteur", 3)],
        'me_ext': [("agent", 35), ("hoofdagent", 50), ("brigadier", 15)],
        'verk': [("hoofdagent", 55), ("brigadier", 40), ("inspecteur", 5)],
        'dier': [("hoofdagent", 60), ("brigadier", 40)],
        'sgbo': [("inspecteur", 40), ("hoofdinspecteur", 30), ("burger", 30)],
        'vik': [("brigadier", 30), ("inspecteur", 40), ("burger", 30)],
        'staf': [("inspecteur", 20), ("hoofdinspecteur", 45), ("commissaris", 30), ("hoofdcommissaris", 5)],
        'bv': [("burger", 85), ("extern", 15)],
        'fb': [("burger", 70), ("extern", 30)],
        'zomer': [("agent", 40), ("hoofdagent", 45), ("brigadier", 10), ("aspirant", 5)],
        'gbo': [("agent", 30), ("hoofdagent", 50), ("brigadier", 15), ("inspecteur", 5)],
    }
    FUNCS = {
        'nh': ["noodhulp", "Medewerker Noodhulp", "Noodhulp / surveillance", "Allround politiemedewerker", "Senior noodhulp", "Operationeel coördinator", "Aspirant (stage basisteam)"],
        'wijk': ["wijkagent", "Wijkagent {w}", "Wijkagent jeugd", "Wijkagent buitengebied"],
        'rech': ["rechercheur", "Tactisch rechercheur", "Digitaal rechercheur", "Financieel rechercheur", "Senior rechercheur", "Teamleider recherche", "Rechercheur mensenhandel"],
        'intake': ["intake", "Medewerker Service & Intake", "Medewerker Service & Intake (0900-8844)", "Aangifteopnemer", "Baliemedewerker"],
        'mk': ["meldkamer", "Centralist meldkamer politie", "Calamiteitencoördinator", "Meldkamermedewerker 112"],
        'rtic': ["analist", "Operationeel analist RTIC", "Informatierapporteur RTIC"],
        'ana': ["analist", "Criminaliteitsanalist", "Informatierapporteur", "Strategisch analist", "Data-analist"],
        'scr': ["Medewerker screening", "Coördinator accreditatie", "Analist screening evenementen"],
        'haven': ["Medewerker Zeehavenpolitie", "Havenpolitie IJmuiden", "Grensoverschrijdende criminaliteit haven"],
        'ot': ["Observant", "Lid AE", "Arrestatieteam"],
        'me': ["ME-er", "Pelotonscommandant ME", "Lid Mobiele Eenheid (deeltijd)"],
        'me_ext': ["ME-er (bijstand)", "ME Oost-Nederland"],
        'verk': ["Motorrijder verkeer", "Verkeershandhaver", "Verkeersongevallenanalist"],
        'dier': ["Hondengeleider", "Bereden politie", "Ruiter bereden (strand)"],
        'sgbo': ["Adviseur GBO", "Algemeen commandant staf", "Informatiecoördinator SGBO", "Evenementenadviseur Formule 1"],
        'vik': ["Rechercheur VIK", "Senior medewerker VIK", "Adviseur integriteit"],
        'staf': ["Teamchef", "Districtschef", "Operationeel expert", "Beleidsmedewerker", "Chef eenheidsstaf"],
        'bv': ["Medewerker HRM", "Medewerker PDC ICT", "Facilitair medewerker", "Financieel adviseur", "Inhuur ICT (extern)"],
        'fb': ["Functioneel beheerder BVH", "Medewerker informatiekwaliteit", "Gegevensbeheerder (extern)"],
        'zomer': ["Strandpolitie (zomerversterking)", "noodhulp (tijdelijk account)", "Zomerversterking kust", "Fietssurveillance strand"],
        'gbo': ["GBO inzet Formule 1", "noodhulp (bijstand F1)", "ME-er (bijstand F1)", "Arrestantenbegeleider F1"],
    }
    wijknames = ["Poelenburg", "Kolenkit", "Schalkwijk", "Oud-Zandvoort", "Zeewijk", "Oosterwijk", "Overvecht", "Centrum", "Vroonermeer", "De Schooten", "Kern", "Huizermaat"]

    def make_home(ai, emp_sn):
        # employee household in area ai (new household inserted into an existing postcode)
        if ai is None:
            pc6 = rng.choice(ew_pcs)
            hn = str(rng.randint(1, 250))
            return newp(emp_sn, rng.randint(1962, 2003), pc6, hn), pc6, hn, None
        pc6 = rng.choice(area_pcs[ai])
        hn = str(rng.randint(1, 260))
        while (pc6, hn) in addr_members:
            hn = str(rng.randint(1, 260))
        i = newp(emp_sn, rng.randint(1962, 2003), pc6, hn, area=ai)
        pc_members[pc6].append(i)
        addr_members[(pc6, hn)] = [i]
        area_persons[ai].append(i)
        return i, pc6, hn, ai

    temp_home_unit = {}
    for tid, info in list(team_info.items()):
        beh = info['beh']
        unit = info['unit']
        for k in range(int(round(info['size'] * rng.uniform(0.93, 1.07)))):
            temp = beh in ('zomer', 'gbo', 'me_ext') and (beh != 'zomer' or rng.random() < 0.7) and (beh != 'gbo' or rng.random() < 0.75)
            eid = new_eid(temp)
            if temp:
                home_unit = rng.choice(["oost_nederland", "midden_nederland", "den_haag", "landelijke_eenheid", "oost_nederland"])
            else:
                home_unit = unit
            # where do they live
            if temp:
                ai = None
            elif info['area'] is not None and rng.random() < 0.7:
                ai = info['area']
            else:
                ai = rng.randrange(len(AREAS)) if rng.random() < 0.93 else None
            sd = surname_dist(rng.choice(['nl', 'nl', 'nl', 'wf', 'zaan', 'mix']))
            if rng.random() < 0.06:
                sn = rng.choice(RARE_PFX) + rng.choice(RARE_A) + rng.choice(RARE_B)
            else:
                sn = wchoice(rng, sd)
            pidx, pc6, hn, hai = make_home(ai, sn)
            # relatives
            if rng.random() < 0.62:
                pt = newp(wchoice(rng, sd) if rng.random() < 0.8 else sn, P_by[pidx] + rng.randint(-5, 5), pc6, hn, area=hai if hai is not None else -1)
                rel.append((pidx, pt, 'partner'))
                if hai is not None:
                    pc_members[pc6].append(pt); addr_members[(pc6, hn)].append(pt); area_persons[hai].append(pt)
                for c in range(wchoice(rng, [(0, 35), (1, 25), (2, 30), (3, 10)])):
                    ch = newp(sn, max(P_by[pidx] + 22, 1990) + rng.randint(0, 14), pc6, hn, area=hai if hai is not None else -1)
                    if ch is not None and P_by[ch] > 2025:
                        P_by[ch] = 2025
                    rel.append((ch, pidx, 'parent')); rel.append((ch, pt, 'parent'))
                    if hai is not None:
                        pc_members[pc6].append(ch); addr_members[(pc6, hn)].append(ch); area_persons[hai].append(ch)
            if rng.random() < 0.55:
                ai2 = rng.randrange(len(AREAS))
                pc2 = rng.choice(area_pcs[ai2])
                par = newp(sn, P_by[pidx] - rng.randint(24, 36), pc2, str(rng.randint(1, 300)), area=ai2)
                pc_members[pc2].append(par); area_persons[ai2].append(par)
                rel.append((pidx, par, 'parent'))
            for s in range(wchoice(rng, [(0, 45), (1, 35), (2, 20)])):
                ai2 = rng.randrange(len(AREAS))
                pc2 = rng.choice(area_pcs[ai2])
                sib = newp(sn, P_by[pidx] + rng.randint(-8, 8), pc2, str(rng.randint(1, 300)), area=ai2)
                pc_members[pc2].append(sib); area_persons[ai2].append(sib)
                rel.append((pidx, sib, 'sibling'))
            if rng.random() < 0.16:
                ai2 = hai if (hai is not None and rng.random() < 0.5) else rng.randrange(len(AREAS))
                pc2 = rng.choice(area_pcs[ai2])
                exp = newp(wchoice(rng, sd), P_by[pidx] + rng.randint(-6, 6), pc2, str(rng.randint(1, 300)), area=ai2)
                pc_members[pc2].append(exp); area_persons[ai2].append(exp)
                rel.append((pidx, exp, 'ex_partner'))
            rank = wchoice(rng, RANKS[beh])
            fn = rng.choice(FUNCS[beh]).replace('{w}', rng.choice(wijknames))
            e = dict(id=eid, pidx=pidx, sn=sn, unit=unit if not (temp and rng.random() < 0.3) else home_unit, team=tid, rank=rank,
                     func=fn, beh=beh, temp=temp, home=home_unit, area=info['area'])
            # temporary accounts: often not linked to a person record
            e['link'] = not (temp and rng.random() < 0.6) and rng.random() > 0.015
            E.append(e)
    # a few transfers (employee row given twice: later state wins, earlier team kept as former team)
    transfers = rng.sample([e for e in E if e['beh'] in ('nh', 'wijk', 'intake') and not e['temp']], 25)
    # surname formatting quirks of the personnel system
    for e in E:
        r = rng.random()
        e['sn_out'] = e['sn']
        if r < 0.025 and ' ' in e['sn'] and e['sn'][0].islower():
            pre, _, last = e['sn'].rpartition(' ')
            e['sn_out'] = '%s, %s' % (last, pre)
        elif r < 0.05 and e['sn'][0].islower():
            e['sn_out'] = e['sn'][0].upper() + e['sn'][1:]
    emp_by_id = {e['id']: e for e in E}
    person_emp = {e['pidx']: e for e in E}
    team_emps = {}
    for e in E:
        team_emps.setdefault(e['team'], []).append(e)

    # ------------------------------------------------------------ shifts
    # actual work periods: e['work'] = list of (start, end); registered rows in SH
    SH = []
    H = 3600

    def vac_block():
        if rng.random() < 0.45:
            s = rng.randint(-5, 22)
            return set(range(s, s + rng.randint(12, 21)))
        return set()

    for e in E:
        beh = e['beh']
        vac = vac_block() if not e['temp'] else set()
        work = []
        if beh in ('nh', 'zomer', 'dier'):
            off = rng.randrange(7)
            pat = rng.choice(['E', 'L', 'N'])
            for d in range(-1, NDAYS):
                if d in vac:
                    continue
                if beh == 'zomer':
                    if not hasattr(e, 'blk'):
                        pass
                if (d + off) % 7 in (5, 6) and rng.random() < 0.85:
                    continue
                if rng.random() < 0.08:
                    continue
                if (d + off) % 7 == 0:
                    pat = rng.choice(['E', 'L', 'N'])
                if beh == 'zomer':
                    s, en = d * DAY + rng.choice([9, 10, 11, 12]) * H, None
                    en = s + rng.choice([9, 10]) * H
                else:
                    s = d * DAY + {'E': 7, 'L': 15, 'N': 23}[pat] * H
                    en = s + 8 * H
                work.append((s, en))
        elif beh == 'mk':
            off = rng.randrange(8)
            for d in range(-1, NDAYS):
                if d in vac:
                    continue
                k = (d + off) % 8
                if k in (0, 1):
                    work.append((d * DAY + 7 * H, d * DAY + 19 * H))
                elif k in (2, 3):
                    work.append((d * DAY + 19 * H, d * DAY + 31 * H))
        elif beh in ('rech', 'rtic', 'ana', 'scr', 'haven', 'ot', 'verk', 'sgbo', 'vik', 'staf', 'bv', 'fb', 'wijk', 'intake', 'me'):
            for d in range(0, NDAYS):
                wd = d % 7  # 0 = Wed 1 July 2026
                weekend = wd in (3, 4)  # Sat, Sun
                if d in vac:
                    continue
                if beh == 'me':
                    # ME is part-time: regular basisteam-like day shifts a few times a week, plus operations
                    if d == protest_day or d in f1_days:
                        if rng.random() < 0.85:
                            work.append((d * DAY + 6 * H, d * DAY + 20 * H))
                        continue
                    if rng.random() < 0.35:
                        s = d * DAY + rng.choice([7, 15]) * H
                        work.append((s, s + 8 * H))
                    continue
                if beh in ('wijk', 'intake', 'rtic'):
                    if weekend and rng.random() < 0.8:
                        continue
                    if rng.random() < 0.12:
                        continue
                    st = rng.choice([7, 8, 8, 9, 12, 14]) if beh != 'rtic' else rng.choice([7, 7, 15, 15, 23])
                    work.append((d * DAY + st * H, d * DAY + (st + 8) * H + (30 * 60 if beh == 'intake' else 0)))
                    continue
                if beh == 'scr' and d < f1_fri and not weekend:
                    work.append((d * DAY + 8 * H, d * DAY + 17 * H))
                    continue
                if beh == 'sgbo' and (d in f1_days or d == protest_day or d in (f1_fri - 3, f1_fri - 2, protest_day - 1)):
                    work.append((d * DAY + 6 * H, d * DAY + 22 * H))
                    continue
                if weekend:
                    if beh in ('rech', 'haven', 'ot', 'verk') and rng.random() < 0.12:
                        work.append((d * DAY + 9 * H, d * DAY + 17 * H))
                    continue
                if rng.random() < 0.07:
                    continue
                st = rng.choice([7, 8, 8, 9]) if beh not in ('verk', 'haven', 'ot') else rng.choice([7, 8, 14])
                ln = rng.choice([8, 8, 9, 9]) * H + rng.choice([0, 1800])
                work.append((d * DAY + st * H, d * DAY + st * H + ln))
        elif beh == 'gbo':
            for d in f1_days:
                if rng.random() < 0.9:
                    st = rng.choice([6, 7, 10, 12])
                    work.append((d * DAY + st * H, d * DAY + (st + 12) * H))
        elif beh == 'me_ext':
            for d in [protest_day] + f1_days[1:]:
                if rng.random() < 0.85:
                    work.append((d * DAY + 6 * H, d * DAY + 21 * H))
        # zomer temps: deployed in a 2-week block only
        if beh == 'zomer' and e['temp']:
            b0 = rng.choice([0, 7, 14])
            work = [w for w in work if b0 <= w[0] // DAY < b0 + 14]
        # overtime
        w2 = []
        for (s, en) in work:
            if rng.random() < 0.07:
                en2 = en + rng.choice([1, 1, 2, 3]) * H
                w2.append((s, en2, en))
            else:
                w2.append((s, en, en))
        e['work'] = [(s, en) for s, en, _ in w2]
        # registration
        e_exported = not (rng.random() < 0.02 or (e['temp'] and rng.random() < 0.3) or beh in ('bv',) and rng.random() < 0.5)
        for (s, en, roster_end) in w2:
            if not e_exported or rng.random() < 0.025:
                continue
            if en <= 0:
                continue
            SH.append((e['id'], s, roster_end))
            if en != roster_end and rng.random() < 0.5:
                SH.append((e['id'], roster_end - 1800, en))

    # index: who works when, per team -> day -> list of (s,en,e)
    on_team = {}
    for e in E:
        for (s, en) in e['work']:
            on_team.setdefault(e['team'], []).append((s, en, e))

    def working(e, t):
        for s, en in e['work']:
            if s <= t < en:
                return True
        return False

    def on_duty(tid, t):
        return [e for (s, en, e) in on_team.get(tid, ()) if s <= t < en]

    # ------------------------------------------------------------ cases
    cases = []        # (cid, kind, unit, team, opened_str, closed_str, sensitive_str)
    CP = []           # (cid, pidx, role)
    CS = []           # (cid, eid, from, to)
    EV = []           # (t, eid, sys, action, pidx, case_id, source, incident, scenario)
    case_persons = {}
    used_cid = set()
    codenames = ["Zeebaars", "Kwartel", "Reiger", "Meerkoet", "Pelikaan", "Zandloper", "Kaasschaaf", "Strandjutter", "Duinroos",
                 "Vuurtoren", "Sluiswachter", "Havenmeester", "Ankerpunt", "Kotter", "Loods", "Scheepshoorn", "Vrachtbrief",
                 "Startbaan", "Taxibaan", "Koerier", "Knal", "Vonk", "Lont", "Molenwiek", "Zaanschans", "Kaasmarkt", "Tulp",
                 "Windhoos", "Eb", "Vloed", "Bries", "Zeemeeuw", "Aalscholver", "Kievit", "Grutto", "Tureluur", "Lepelaar",
                 "Fuut", "Wulp", "Scholekster", "Bergeend", "Eider", "Stormvogel", "Jan-van-Gent", "Zilvermeeuw", "Kluut",
                 "Plevier", "Strandloper", "Zwaluw", "Spreeuw", "Merel", "Lijster", "Vink", "Gaai", "Ekster", "Kraai", "Roek",
                 "Havik", "Buizerd", "Sperwer", "Valk", "Uil", "Bever", "Otter", "Das", "Vos", "Hermelijn", "Wezel", "Egel",
                 "Haas", "Konijn", "Ree", "Hert", "Zeehond", "Bruinvis", "Haring", "Makreel", "Kabeljauw", "Schol", "Tong",
                 "Tarbot", "Griet", "Paling", "Snoek", "Baars", "Karper", "Zeelt", "Brasem", "Voorn", "Alver"]
    cn_i = [0]

    def codename():
        c = codenames[cn_i[0] % len(codenames)]
        n = cn_i[0] // len(codenames)
        cn_i[0] += 1
        return c.upper() + ('' if n == 0 else str(n + 1))

    seqs = {}

    def bvh_no(tid):
        seqs[tid] = seqs.get(tid, 0) + rng.randint(1, 40)
        code = {'nh_zaanstad_waterland': '1210', 'nh_kennemerland': '1220', 'nh_noord_holland_noord': '1230'}.get(team_info[tid]['unit'], '1200')
        return 'PL%s-2026%06d' % (code, seqs[tid] + 100000 * (len(tid) % 9))

    def add_case(cid, kind, tid, opened, closed, sens, unit=None):
        u = unit if unit is not None else (team_info[tid]['unit'] if tid else '')
        cases.append((cid, kind, u, tid or '', opened, closed, sens))
        case_persons.setdefault(cid, [])

    def add_cp(cid, p, role):
        CP.append((cid, p, role))
        case_persons.setdefault(cid, []).append(p)

    def sens_str(b):
        r = rng.random()
        if b:
            return 'true' if r < 0.5 else ('ja' if r < 0.8 else ('1' if r < 0.9 else 'TRUE'))
        return 'false' if r < 0.55 else ('nee' if r < 0.75 else ('' if r < 0.92 else '0'))

    ev = EV.append

    # ---- investigations
    inv_by_team = {}
    inv_staff = {}   # cid -> [e]
    emp_invs = {}    # eid -> [cid]
    sensitive_cases = []
    inv_meta = {}

    def make_inv(tid, n, sens_p, name_pref, areas, role_set=None, persons_src=None, staff_lo=2, staff_hi=7, unit_override=None):
        lst = inv_by_team.setdefault(tid, [])
        members = team_emps.get(tid, [])
        for k in range(n):
            cid = '%s-%s' % (name_pref, codename())
            sens = rng.random() < sens_p
            od = -rng.randint(5, 330) if rng.random() < 0.88 else rng.randint(0, 20)
            opened = _DS[od]
            closed = ''
            if rng.random() < 0.12:
                cd = rng.randint(max(od, 0) + 1, NDAYS + 5)
                closed = _DS[min(cd, NDAYS + 10)]
            tteam = tid if rng.random() < 0.93 else ''
            add_case(cid, 'investigation', tteam, opened, closed, sens_str(sens), unit=team_info[tid]['unit'] if not tteam else None)
            npers = rng.randint(3, 22)
            ps = []
            for j in range(npers):
                if persons_src is not None:
                    p = rng.choice(persons_src)
                else:
                    ai = rng.choice(areas)
                    p = rng.choice(flyers[ai]) if rng.random() < 0.35 else rng.choice(area_adults[ai])
                ps.append(p)
            ps = list(dict.fromkeys(ps))
            for j, p in enumerate(ps):
                role = 'verdachte' if j < max(1, len(ps) // 3) else rng.choice(['getuige', 'betrokkene', 'slachtoffer', 'aangever', 'getuige', 'betrokkene', 'informant?'])
                if role_set:
                    role = rng.choice(role_set) if j >= 2 else role
                add_cp(cid, p, role)
            staff = rng.sample(members, min(len(members), rng.randint(staff_lo, staff_hi))) if members else []
            if tteam == '' and len(team_info) > 0:
                # joint investigation: one or two members of another recherche team too
                other = rng.choice([t for t in team_info if team_info[t]['beh'] == 'rech' and t != tid])
                staff += rng.sample(team_emps[other], 2)
            for e in staff:
                r_ = rng.random()
                frd = od if r_ < 0.6 else (rng.randint(max(od, -60), max(od, -60) + 30) if r_ < 0.88 else None)
                fr = opened if r_ < 0.6 else (_DS[frd] if frd is not None else '')
                to = ''
                if rng.random() < 0.07 and (frd is None or frd < -2):
                    to = _DS[rng.randint(-40 if frd is None else frd + 1, -1)]
                    e_end = True
                else:
                    e_end = False
                CS.append((cid, e['id'], fr, to))
                if not e_end:
                    emp_invs.setdefault(e['id'], []).append(cid)
            inv_staff[cid] = staff
            lst.append(cid)
            inv_meta[cid] = dict(sens=sens, team=tid, od=od, closed=closed, heat=rng.random() ** 2)
            if sens and not closed:
                sensitive_cases.append(cid)
        return lst

    areas_of_unit = {}
    for ai, A in enumerate(AREAS):
        areas_of_unit.setdefault(A[1], []).append(ai)
    make_inv("PL12-DRT-ZW", 36, 0.18, "ZW26", areas_of_unit["nh_zaanstad_waterland"])
    make_inv("PL12-DRT-KEN", 48, 0.15, "KEN26", areas_of_unit["nh_kennemerland"])
    make_inv("PL12-DRT-NHN", 46, 0.15, "NHN26", areas_of_unit["nh_noord_holland_noord"])
    make_inv("PL12-DRR-TZC", 22, 0.85, "DRR", list(range(len(AREAS))), staff_lo=4, staff_hi=10)
    make_inv("PL12-DRR-FIN", 20, 0.4, "DRR-FIN", list(range(len(AREAS))), staff_lo=2, staff_hi=5)
    make_inv("PL12-AVIM", 14, 0.45, "AVIM", [5, 0, 2], staff_lo=2, staff_hi=6)
    make_inv("PL12-ZEEH", 9, 0.5, "ZEEH", [4], persons_src=None, staff_lo=2, staff_hi=5)
    make_inv("PL12-OT", 0, 0, "OT", [0])
    # OT supports DRR: assign OT members to sensitive DRR cases
    for cid in inv_by_team["PL12-DRR-TZC"]:
        if inv_meta[cid]['sens'] and rng.random() < 0.6:
            for e in rng.sample(team_emps["PL12-OT"], 3):
                CS.append((cid, e['id'], _DS[rng.randint(-30, 5)], ''))
                emp_invs.setdefault(e['id'], []).append(cid)
                inv_staff[cid].append(e)
    # wijkteam cases (nuisance, PGA, ondermijning signalen) owned by wijkteams
    for ai in range(len(AREAS)):
        tid = "PL12-WT-" + AREAS[ai][2]
        make_inv(tid, 9, 0.0, "WT-" + AREAS[ai][2], [ai], role_set=['betrokkene', 'overlastgever', 'melder', 'betrokkene'], staff_lo=1, staff_hi=4)
        # PGA case owned by basisteam (briefing targets)
        make_inv(area_bt[ai], 1, 0.0, "PGA-" + AREAS[ai][2], [ai], role_set=['PGA-subject'], staff_lo=0, staff_hi=0)
    # VIK investigations into colleagues (sensitive)
    vik_cases = []
    for k in range(6):
        cid = 'VIK-NH-2026-%03d' % rng.randint(10, 99)
        while cid in case_persons:
            cid = 'VIK-NH-2026-%03d' % rng.randint(10, 99)
        add_case(cid, 'investigation', "PL12-VIK", _DS[-rng.randint(10, 120)], '', sens_str(True))
        subj = rng.sample([e for e in E if e['link'] and not e['temp']], rng.randint(1, 2))
        for s in subj:
            add_cp(cid, s['pidx'], 'betrokkene (medewerker)')
        for p in rng.sample(all_adults, rng.randint(1, 4)):
            add_cp(cid, p, 'getuige')
        st = rng.sample(team_emps["PL12-VIK"], 2)
        for e in st:
            CS.append((cid, e['id'], '', ''))
            emp_invs.setdefault(e['id'], []).append(cid)
        inv_staff[cid] = st
        vik_cases.append(cid)
        inv_meta[cid] = dict(sens=True, team="PL12-VIK", od=-30, closed='', heat=0.5)
        inv_by_team.setdefault("PL12-VIK", []).append(cid)
    # shielded persons in sensitive cases (protected witnesses)
    for p in shielded[:20]:
        if sensitive_cases:
            add_cp(rng.choice(sensitive_cases), p, 'getuige (afgeschermd)')

    # ---- F1 accreditation screening (large, legitimate bulk)
    acc_cid = 'SCR-NH-2026-DGP-ACCREDITATIE'
    add_case(acc_cid, 'investigation', "PL12-DRIO-SCR", _DS[-40], _DS[f1_fri + 3], sens_str(False))
    acc_persons = rng.sample(all_adults, 4200) + rng.sample(foreign, 1400) + rng.sample(elsewhere, 900)
    acc_persons = list(dict.fromkeys(acc_persons))
    for p in acc_persons:
        add_cp(acc_cid, p, 'accreditatieaanvraag')
    for e in team_emps["PL12-DRIO-SCR"]:
        CS.append((acc_cid, e['id'], _DS[-40], _DS[f1_fri + 3]))
    # SGBO operation cases
    f1_op = 'GBO-NH-2026-DGP-ZANDVOORT'
    add_case(f1_op, 'investigation', "PL12-SGBO", _DS[-60], '', sens_str(False))
    prot_op = 'GBO-NH-2026-%s' % ('SCHIPHOL-OOST' if 'Schiphol' in protest_site else 'TATA-IJMUIDEN')
    add_case(prot_op, 'incident', "PL12-SGBO", ts_local(protest_day * DAY + 7 * H + rng.randint(0, 3600)), _DS[protest_day + 1], sens_str(False))
    for e in team_emps["PL12-SGBO"]:
        CS.append((f1_op, e['id'], '', ''))
        CS.append((prot_op, e['id'], _DS[protest_day - 2], ''))
    for e in team_emps["PL12-GBO-F1"] + team_emps["PL12-ME"] + team_emps["ON-ME-NH"]:
        if rng.random() < 0.8:
            CS.append((f1_op, e['id'], _DS[f1_days[0]], _DS[f1_days[-1]] if rng.random() < 0.5 else ''))
    # F1 intelligence: known troublemakers / ticket touts (not sensitive)
    for p in rng.sample(foreign, 60) + rng.sample(all_adults, 40):
        add_cp(f1_op, p, 'aandachtspersoon')

    # ------------------------------------------------------------ incident machinery
    INC_TYPES = {
        'std': [("overlast", 14, (1, 3), ['melder', 'betrokkene', 'betrokkene']),
                ("huiselijk geweld", 8, (2, 3), ['slachtoffer', 'verdachte', 'melder']),
                ("verkeersongeval", 9, (1, 3), ['betrokkene', 'betrokkene', 'getuige']),
                ("diefstal", 9, (1, 2), ['aangever', 'verdachte']),
                ("mishandeling", 6, (2, 3), ['slachtoffer', 'verdachte', 'getuige']),
                ("verdachte situatie", 7, (0, 2), ['melder', 'betrokkene']),
                ("controle persoon/voertuig", 14, (1, 3), ['betrokkene', 'betrokkene', 'betrokkene']),
                ("verward persoon", 6, (1, 2), ['betrokkene', 'melder']),
                ("inbraak woning", 5, (1, 2), ['aangever', 'getuige']),
                ("rijden onder invloed", 4, (1, 1), ['verdachte']),
                ("geluidsoverlast", 6, (1, 2), ['melder', 'betrokkene']),
                ("loslopend dier/hulpverlening", 3, (0, 1), ['melder']),
                ("explosie/vuurwerk", 2, (1, 3), ['melder', 'getuige', 'betrokkene'])],
        'beach': [("vermist kind strand", 12, (2, 3), ['vermiste', 'melder', 'betrokkene']),
                  ("diefstal strand", 12, (1, 2), ['aangever', 'verdachte']),
                  ("overlast strand/boulevard", 12, (1, 3), ['betrokkene', 'melder', 'betrokkene']),
                  ("waterhulpverlening", 3, (1, 3), ['slachtoffer', 'getuige', 'melder']),
                  ("mishandeling strandpaviljoen", 5, (2, 3), ['slachtoffer', 'verdachte', 'getuige']),
                  ("controle fiets/persoon", 8, (1, 2), ['betrokkene', 'betrokkene']),
                  ("drugs", 4, (1, 2), ['verdachte', 'verdachte'])],
        'f1': [("zakkenrollerij", 12, (1, 2), ['aangever', 'verdachte']),
               ("openlijke dronkenschap", 12, (1, 2), ['verdachte', 'betrokkene']),
               ("valse toegangskaarten", 6, (1, 2), ['verdachte', 'aangever']),
               ("mishandeling camping", 6, (2, 3), ['slachtoffer', 'verdachte', 'getuige']),
               ("verkeer/parkeren", 8, (1, 2), ['betrokkene', 'betrokkene']),
               ("vermist persoon", 4, (2, 2), ['vermiste', 'melder']),
               ("drone overtreding", 3, (1, 1), ['verdachte']),
               ("overlast", 8, (1, 3), ['betrokkene', 'melder', 'betrokkene'])],
        'haven': [("controle zeevaart bemanning", 8, (3, 12), ['bemanningslid']),
                  ("diefstal haventerrein", 3, (1, 2), ['aangever', 'verdachte']),
                  ("verstekeling", 2, (1, 2), ['betrokkene']),
                  ("controle visserij", 4, (2, 6), ['bemanningslid'])],
        'verk': [("verkeerscontrole", 6, (6, 30), ['bestuurder']),
                 ("verkeersongeval ernstig", 3, (1, 4), ['betrokkene', 'getuige', 'slachtoffer']),
                 ("snelheidsovertreding staandehouding", 6, (1, 1), ['bestuurder'])],
    }
    INC_C = {k: Cum([(x, x[1]) for x in v]) for k, v in INC_TYPES.items()}
    incidents = []   # dict per incident
    unit_inc = {}    # unit -> list of (t, cid) for lookups by others
    mk_on = {}       # hour slot -> list of mk employees

    def mk_pick(t):
        hslot = int(t // H)
        l = mk_on.get(hslot)
        if l is None:
            l = on_duty("PL12-MK", t)
            mk_on[hslot] = l
        return rng.choice(l) if l else None

    def pick_person(ai, foreign_p=0.03, elsewhere_p=0.04):
        r = rng.random()
        if r < foreign_p:
            return rng.choice(foreign)
        if r < foreign_p + elsewhere_p:
            return rng.choice(elsewhere)
        if ai is None:
            ai = rng.randrange(len(AREAS))
        if rng.random() < 0.12:
            ai = rng.randrange(len(AREAS))
        if rng.random() < 0.22:
            return rng.choice(flyers[ai])
        return rng.choice(area_persons[ai])

    case_of_person_recent = {}

    def frac():
        return rng.randrange(1000)

    def emit(t, e, sysn, act, p, cid, src, inc=None, scen=None):
        ev((t, e['id'], sysn, act, p, cid, src, inc, scen))

    def make_incident(tid, t0, ctype, resp, ai, src, unit=None, extra_foreign=0.0, kindset='std'):
        name, _, (lo, hi), roles = ctype
        cid = bvh_no(tid)
        while cid in used_cid:
            cid = bvh_no(tid)
        used_cid.add(cid)
        closed_t = t0 + rng.randint(1800, 8 * H)
        r = rng.random()
        closed = ts_local(closed_t) if r < 0.6 else (ts_utc(closed_t) if r < 0.75 else (_DS[int(closed_t // DAY)] if r < 0.9 else ''))
        opened = ts_local(t0) if rng.random() < 0.7 else ts_utc(t0)
        add_case(cid, 'incident', tid, opened, closed, sens_str(False), unit=unit)
        n = rng.randint(lo, hi)
        ps = []
        if name in ("huiselijk geweld", "vermist kind strand") and ai is not None:
            a = rng.choice(area_persons[ai])
            mem = addr_members.get((P_pc[a], P_hn[a]), [a])
            ps = list(mem[:3])
            hh = list(mem[3:])
        else:
            hh = []
            for j in range(n):
                ps.append(pick_person(ai, foreign_p=0.03 + extra_foreign))
            ps = list(dict.fromkeys(ps))
        registered = []
        for j, p in enumerate(ps):
            if rng.random() < 0.035:
                continue  # person involved but never added to the incident (registration incomplete)
            add_cp(cid, p, roles[min(j, len(roles) - 1)])
            registered.append(p)
        for p in hh:
            if rng.random() < 0.5:
                add_cp(cid, p, 'betrokkene (minderjarig)')
        for e in resp:
            if rng.random() < 0.62:
                CS.append((cid, e['id'], opened if rng.random() < 0.5 else _DS[int(t0 // DAY)], '' if rng.random() < 0.6 else _DS[int(closed_t // DAY)]))
        inc = dict(cid=cid, t0=t0, ps=ps, hh=hh, resp=resp, tid=tid, name=name)
        incidents.append(inc)
        # meldkamer
        if ps and rng.random() < 0.75:
            m = mk_pick(t0)
            if m is not None:
                for p in ps[:2]:
                    if rng.random() < 0.6:
                        emit(t0 + rng.randint(20, 400), m, 'bvh', 'query', p, cid if rng.random() < 0.1 else '', 'meldkamer_incident')
        # responders
        for ri, e in enumerate(resp):
            pr = 0.9 if ri == 0 else 0.45
            for p in ps:
                if rng.random() < pr:
                    tq = t0 + rng.randint(180, 2400)
                    emit(tq, e, 'meos' if rng.random() < 0.7 else 'bvh', 'query', p, cid if rng.random() < 0.2 else '', src)
                    if rng.random() < 0.6:
                        emit(tq + rng.randint(30, 900), e, 'bvh', 'query', p, cid if rng.random() < 0.35 else '', src)
                    for _v in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
                        emit(tq + rng.randint(600, 3 * H), e, 'bvh', 'view', p, cid if rng.random() < 0.6 else '', src + '_report')
                    if ri == 0 and rng.random() < 0.04:
                        emit(tq + rng.randint(1800, 3 * H), e, 'bvh', 'print', p, cid if rng.random() < 0.7 else '', src + '_pv_print')
                    if name in ("verkeersongeval", "controle persoon/voertuig", "rijden onder invloed", "verkeer/parkeren", "verkeerscontrole", "snelheidsovertreding staandehouding") and rng.random() < 0.7:
                        emit(tq + rng.randint(5, 120), e, 'rdw', 'query', p, '', src + '_rdw')
                    if rng.random() < 0.1:
                        emit(tq + rng.randint(30, 600), e, 'brp', 'query', p, '', src + '_brp')
            for p in hh:
                if ri == 0 and rng.random() < 0.7:
                    emit(t0 + rng.randint(300, 3000), e, 'bvh', 'query', p, cid if rng.random() < 0.3 else '', src + '_household')
        # occasional late look-ups (report written next shift)
        if resp and ps and rng.random() < 0.09:
            e = resp[0]
            nxt = [s for s, en in e['work'] if s > t0 + 4 * H]
            if nxt:
                tn = nxt[0] + rng.randint(600, 3 * H)
                for p in ps:
                    emit(tn, e, 'bvh', 'view', p, cid if rng.random() < 0.8 else '', 'incident_followup_next_shift')
        u = unit if unit is not None else team_info[tid]['unit']
        unit_inc.setdefault(u, []).append((t0, cid))
        return inc

    # --- basisteam / zomer / gbo responders by shift group
    for tid, info in team_info.items():
        beh = info['beh']
        if beh not in ('nh', 'zomer', 'gbo', 'haven', 'verk', 'me', 'me_ext', 'dier'):
            continue
        groups = {}
        for (s, en, e) in on_team.get(tid, ()):
            groups.setdefault((s, en), []).append(e)
        ai = info['area']
        for (s, en), members in groups.items():
            d = int(s // DAY)
            if d < 0 or d >= NDAYS:
                continue
            n = len(members)
            kindset = 'std'
            rate = 1.5
            foreign_x = 0.0
            if beh == 'zomer':
                kindset = 'beach'
                rate = 1.2 * (2.0 if d in heat else 1.0) * (1.3 if d % 7 in (3, 4) else 1.0)
                foreign_x = 0.12
            elif beh == 'gbo':
                kindset = 'f1'
                rate = 2.2
                foreign_x = 0.45
            elif beh == 'haven':
                kindset = 'haven'; rate = 0.5; foreign_x = 0.9
            elif beh == 'verk':
                kindset = 'verk'; rate = 0.45
            elif beh in ('me', 'me_ext', 'dier'):
                if d == protest_day or d in f1_days:
                    continue  # operations handled separately
                kindset = 'std'; rate = 0.6
            else:
                hr = (s % DAY) // H
                rate = 2.0 * (1.25 if hr == 23 and d % 7 in (2, 3) else 1.0)
                if ai == 8 and d in marine_days:
                    rate *= 1.7
                if ai in (3, 4) and d in heat:
                    rate *= 1.4
                if ai == 3 and d in f1_days:
                    rate *= 1.6
                    foreign_x = 0.3
            k = int(rng.gauss(n * rate, math.sqrt(n * rate + 1)))
            for j in range(max(0, k)):
                t0 = s + rng.randint(300, max(600, en - s - 1800))
                e1 = rng.choice(members)
                resp = [e1]
                if len(members) > 1 and rng.random() < 0.8:
                    e2 = rng.choice(members)
                    if e2 is not e1:
                        resp.append(e2)
                ctype = INC_C[kindset].pick(rng)
                iai = ai if ai is not None else (4 if beh == 'haven' else rng.randrange(len(AREAS)))
                if beh == 'gbo':
                    iai = 3
                make_incident(tid, t0, ctype, resp, iai, 'incident_' + beh, extra_foreign=foreign_x)

    # --- F1 weekend: extra incidents (own KEN-Zuid + ME + dier on the event), officers as victims
    for d in f1_days[1:]:
        for tid in ("PL12-ME", "ON-ME-NH", "PL12-DIER"):
            for (s, en, e) in on_team.get(tid, ()):
                if int(s // DAY) == d and rng.random() < 0.8:
                    for j in range(rng.randint(0, 2)):
                        t0 = s + rng.randint(3600, en - s - 3600)
                        make_incident("PL12-GBO-F1", t0, INC_C['f1'].pick(rng), [e], 3, 'incident_f1_me', unit='nh_kennemerland', extra_foreign=0.45)
    pol_victims = []
    for k in range(rng.randint(4, 7)):
        d = rng.choice(f1_days[1:] + [protest_day])
        cands = [(s, en, e) for tid in ("PL12-GBO-F1", "PL12-ME", "PL12-BT-KZUID") for (s, en, e) in on_team.get(tid, ()) if int(s // DAY) == d and e['link']]
        if len(cands) < 3:
            continue
        s, en, victim = rng.choice(cands)
        _, _, other = rng.choice(cands)
        t0 = s + rng.randint(3600, 6 * H)
        inc = make_incident("PL12-GBO-F1" if d != protest_day else "PL12-SGBO", t0, ("geweld tegen politie", 1, (1, 2), ['verdachte', 'verdachte']), [other], 3, 'incident_geweld_politie', unit='nh_kennemerland' if d != protest_day else 'noord_holland')
        add_cp(inc['cid'], victim['pidx'], 'slachtoffer (politieambtenaar)')
        emit(t0 + rng.randint(1800, 4 * H), other, 'bvh', 'view', victim['pidx'], inc['cid'] if rng.random() < 0.6 else '', 'incident_geweld_politie_victim')
        if working(victim, t0 + 2 * H) and rng.random() < 0.6:
            emit(t0 + 2 * H + rng.randint(0, 3600), victim, 'bvh', 'view', victim['pidx'], inc['cid'], 'own_aangifte_as_victim')
        pol_victims.append(victim)

    # --- public order operation: mass arrests
    n_arr = rng.randint(350, 650)
    arrestees = rng.sample(elsewhere, int(n_arr * 0.6)) + rng.sample(all_adults, int(n_arr * 0.35))
    for k in range(int(n_arr * 0.05)):
        arrestees.append(newp('', None, '', ''))  # NN-persons: refused to identify
    po_staff = [e for tid in ("PL12-ME", "ON-ME-NH", "PL12-OT", "PL12-DIER") for (s, en, e) in on_team.get(tid, ()) if int(s // DAY) == protest_day]
    po_staff = list({id(e): e for e in po_staff}.values())
    for e in po_staff:
        if rng.random() < 0.85:
            CS.append((prot_op, e['id'], _DS[protest_day], _DS[protest_day + 1] if rng.random() < 0.5 else ''))
    intake_staff_nh = team_emps["PL12-SI-KEN"]
    for p in arrestees:
        if rng.random() < 0.93:
            add_cp(prot_op, p, 'aangehouden')
        ta = protest_day * DAY + rng.randint(8 * H, 16 * H)
        if po_staff:
            e = rng.choice(po_staff)
            emit(ta + rng.randint(0, 900), e, 'meos', 'query', p, prot_op if rng.random() < 0.4 else '', 'public_order_arrest')
            e2 = rng.choice(po_staff)
            emit(ta + rng.randint(1800, 4 * H), e2, 'bvh', 'view', p, prot_op if rng.random() < 0.7 else '', 'public_order_processing')
            if P_pc[p] and rng.random() < 0.6:
                emit(ta + rng.randint(1800, 4 * H), e2, 'brp', 'query', p, '', 'public_order_identification')
        if rng.random() < 0.2:
            e3 = rng.choice(intake_staff_nh)
            tn = (protest_day + 1) * DAY + rng.randint(8 * H, 16 * H)
            emit(tn, e3, 'bvh', 'view', p, prot_op if rng.random() < 0.8 else '', 'public_order_next_day_processing')
    for e in team_emps["PL12-SI-KEN"]:
        if rng.random() < 0.3:
            CS.append((prot_op, e['id'], _DS[protest_day + 1], _DS[protest_day + 2]))

    # --- news events (drowning, shooting, famous arrest, explosion)
    news = []
    d1 = rng.choice([d for d in heat if 2 <= d <= 24] or [10])
    drown = make_incident("PL12-ZOMER-KUST", d1 * DAY + rng.randint(13 * H, 18 * H), ("waterhulpverlening (verdrinking)", 1, (1, 1), ['slachtoffer']),
                          [rng.choice(team_emps["PL12-ZOMER-KUST"])], 3, 'incident_zomer', unit='nh_kennemerland')
    vic = drown['ps'][0]
    P_fl[vic] = 'deceased'
    fam = [q for (a, b, k) in rel if k in ('parent', 'partner') for q in ((b,) if a == vic else ((a,) if b == vic else ()))][:2]
    for q in fam:
        add_cp(drown['cid'], q, 'nabestaande')
    news.append((drown['cid'], d1, [vic] + fam))
    d2 = rng.randint(3, 22)
    shoot = 'ZW26-%s' % codename()
    add_case(shoot, 'investigation', "PL12-DRT-ZW", ts_local(d2 * DAY + rng.randint(0, 4 * H)), '', sens_str(True))
    sp = [rng.choice(flyers[0]) for _ in range(4)]
    for j, p in enumerate(sp):
        add_cp(shoot, p, ['slachtoffer', 'verdachte', 'verdachte', 'getuige'][j])
    st = rng.sample(team_emps["PL12-DRT-ZW"], 8)
    for e in st:
        CS.append((shoot, e['id'], _DS[d2], ''))
        emp_invs.setdefault(e['id'], []).append(shoot)
    inv_staff[shoot] = st
    inv_meta[shoot] = dict(sens=True, team="PL12-DRT-ZW", od=d2, closed='', heat=1.0)
    inv_by_team["PL12-DRT-ZW"].append(shoot)
    sensitive_cases.append(shoot)
    news.append((shoot, d2, sp))
    d3 = rng.choice(f1_days[1:])
    cel = rng.choice([v for v in vips if P_pc[v]])
    arr = make_incident("PL12-GBO-F1", d3 * DAY + rng.randint(18 * H, 23 * H), ("mishandeling camping (bekende Nederlander)", 1, (1, 2), ['slachtoffer', 'getuige']),
                        [rng.choice(team_emps["PL12-GBO-F1"])], 3, 'incident_gbo', unit='nh_kennemerland')
    add_cp(arr['cid'], cel, 'verdachte')
    news.append((arr['cid'], d3, [cel] + arr['ps'][:1]))
    d4 = rng.randint(2, 24)
    expl = make_incident("PL12-BT-ALKM", d4 * DAY + rng.randint(1 * H, 5 * H), ("explosie woning", 1, (2, 3), ['slachtoffer', 'melder', 'getuige']),
                         on_duty("PL12-BT-ALKM", d4 * DAY + 3 * H)[:2] or [rng.choice(team_emps["PL12-BT-ALKM"])], 6, 'incident_nh')
    news.append((expl['cid'], d4, expl['ps'][:3]))
    # legit interest in news cases: staff chiefs briefing (not on the case), RTIC
    for (cid, dn, ps) in news:
        for e in rng.sample(team_emps["PL12-LEID"], 3):
            if ps:
                tt = (dn + rng.randint(0, 1)) * DAY + rng.randint(8 * H, 17 * H)
                emit(tt, e, 'bvh', 'view', rng.choice(ps), cid if rng.random() < 0.5 else '', 'leadership_briefing_news')
        for e in rng.sample(team_emps["PL12-RTIC"], 3):
            for p in ps:
                emit(dn * DAY + rng.randint(0, 20 * H), e, 'blueview', 'query', p, '', 'rtic_news_support')

    # ------------------------------------------------------------ daily work per employee
    all_incs_by_day = {}
    for inc in incidents:
        all_incs_by_day.setdefault(int(inc['t0'] // DAY), []).append(inc)
    inc_by_unit_day = {}
    for inc in incidents:
        u = team_info[inc['tid']]['unit']
        inc_by_unit_day.setdefault((u, int(inc['t0'] // DAY)), []).append(inc)
    inc_by_team_days = {}
    for inc in incidents:
        inc_by_team_days.setdefault((inc['tid'], int(inc['t0'] // DAY)), []).append(inc)
    intake_cases_by_unit = {}
    inv_all = [c for l in inv_by_team.values() for c in l]
    SYS_R = Cum([('bvh', 40), ('bvi', 14), ('summit', 15), ('blueview', 16), ('brp', 8), ('rdw', 7)])
    ACT_R = Cum([('view', 55), ('query', 40), ('print', 3), ('export', 2)])

    def ti(s, en):
        return s + rng.randint(0, max(1, en - s - 60))

    for e in E:
        beh = e['beh']
        eid = e['id']
        for (s, en) in e['work']:
            d = int(s // DAY)
            if d < 0 or d >= NDAYS:
                continue
            if beh in ('rech', 'vik', 'ot'):
                mine = [c for c in emp_invs.get(eid, []) if c in inv_meta]
                teamc = inv_by_team.get(e['team'], [])
                n = max(0, int(rng.gauss(46, 15))) if beh == 'rech' else rng.randint(2, 12)
                done = 0
                while done < n:
                    r = rng.random()
                    t = ti(s, en)
                    burst = rng.randint(2, 9)
                    if mine and r < 0.78:
                        cid = max(rng.sample(mine, min(2, len(mine))), key=lambda c: inv_meta[c]['heat'])
                        ps = case_persons[cid]
                        src = 'investigation_assigned'
                    elif teamc and r < 0.86:
                        cid = rng.choice(teamc); ps = case_persons[cid]; src = 'investigation_team'
                    elif mine and r < 0.91:
                        cid = rng.choice(mine)
                        sus = case_persons[cid][:3]
                        ps = [b for (a, b, k) in rel[:0]]  # placeholder
                        ps = []
                        for p0 in sus:
                            mem = addr_members.get((P_pc[p0], P_hn[p0]), [])
                            ps.extend([m for m in mem if m != p0])
                        if not ps:
                            ps = case_persons[cid]
                            src = 'investigation_assigned'
                        else:
                            src = 'investigation_associates_unregistered'
                    elif r < 0.97:
                        l = inc_by_unit_day.get((e['unit'], d), []) + inc_by_unit_day.get((e['unit'], d - 1), [])
                        if not l:
                            continue
                        inc = rng.choice(l)
                        cid = inc['cid']; ps = inc['ps'] or [pick_person(None)]
                        src = 'recherche_reads_incidents'
                    else:
                        cid = rng.choice(mine) if mine else ''
                        ps = [pick_person(e['area'])]
                        src = 'investigation_new_lead_unregistered'
                    for j in range(burst):
                        if not ps:
                            break
                        p = rng.choice(ps)
                        act = ACT_R.pick(rng)
                        if src == 'recherche_reads_incidents' and act in ('print', 'export'):
                            act = 'view'
                        emit(t + j * rng.randint(20, 200), e, SYS_R.pick(rng), act, p, cid if rng.random() < 0.52 else '', src)
                        done += 1
            elif beh == 'wijk':
                n = max(0, int(rng.gauss(22, 7)))
                wc = inv_by_team.get(e['team'], [])
                ai = e['area']
                btid = area_bt[ai]
                for j in range(n):
                    t = ti(s, en)
                    r = rng.random()
                    if wc and r < 0.36:
                        cid = rng.choice(wc); p = rng.choice(case_persons[cid]); src = 'wijk_case'
                        gc = rng.random() < 0.4
                    elif r < 0.66:
                        l = []
                        for dd in range(d - 7, d + 1):
                            l.extend(inc_by_team_days.get((btid, dd), ()))
                        if not l:
                            continue
                        inc = rng.choice(l)
                        if not inc['ps']:
                            continue
                        cid = inc['cid']; p = rng.choice(inc['ps']); src = 'wijk_incident_followup'
                        gc = rng.random() < 0.62
                    elif r < 0.76:
                        l = inc_by_team_days.get((btid, d), [])
                        if not l:
                            continue
                        inc = rng.choice(l)
                        if not inc['ps']:
                            continue
                        cid = inc['cid']; p = rng.choice(inc['ps']); src = 'wijk_incident_today'
                        gc = rng.random() < 0.3
                    elif r < 0.92:
                        pcl = area_pcs[ai]
                        pc6 = rng.choice(pcl)
                        if rng.random() < 0.6:
                            p = rng.choice(flyers[ai])
                        else:
                            p = rng.choice(pc_members[pc6])
                        cid = ''
                        gc = False
                        src = 'wijk_signal_unregistered'
                        # signals are usually registered later as a wijk case person
                        if wc and rng.random() < 0.55:
                            c2 = rng.choice(wc)
                            add_cp(c2, p, 'signaal')
                            cid = c2; src = 'wijk_signal_registered_later'
                            gc = rng.random() < 0.3
                    else:
                        l = inc_by_team_days.get((btid, d - 1), []) + inc_by_team_days.get((btid, d - 2), [])
                        if not l:
                            continue
                        inc = rng.choice(l)
                        if not inc['ps']:
                            continue
                        cid = inc['cid']; p = rng.choice(inc['ps']); src = 'wijk_incident_followup'
                        gc = rng.random() < 0.62
                    emit(t, e, rng.choice(['bvh', 'bvh', 'bvh', 'brp', 'meos', 'rdw']), rng.choice(['view', 'query', 'query']), p, cid if gc else '', src)
            elif beh == 'intake':
                n = max(1, int(rng.gauss(9, 3)))
                ai = rng.choice(areas_of_unit[e['unit']])
                for j in range(n):
                    t = ti(s, en)
                    tid = e['team']
                    cid = bvh_no(tid)
                    while cid in used_cid:
                        cid = bvh_no(tid)
                    used_cid.add(cid)
                    internet = rng.random() < 0.35
                    opened_t = t - (rng.randint(3600, 3 * DAY) if internet else rng.randint(0, 600))
                    add_case(cid, 'intake', tid, ts_local(opened_t) if rng.random() < 0.5 else _DS[int(opened_t // DAY)], _DS[d + rng.randint(0, 5)] if rng.random() < 0.5 else '', sens_str(False))
                    rep = pick_person(ai)
                    add_cp(cid, rep, 'aangever')
                    ps = [rep]
                    if rng.random() < 0.4:
                        sus = pick_person(ai)
                        if rng.random() < 0.93:
                            add_cp(cid, sus, 'verdachte')
                        ps.append(sus)
                    if rng.random() < 0.75:
                        CS.append((cid, eid, ts_local(t) if rng.random() < 0.5 else _DS[d], ''))
                    for p in ps:
                        emit(t + rng.randint(0, 300), e, 'bvh', 'query', p, cid if rng.random() < 0.45 else '', 'intake_aangifte')
                        if rng.random() < 0.6:
                            emit(t + rng.randint(300, 1800), e, 'bvh', 'view', p, cid if rng.random() < 0.65 else '', 'intake_aangifte')
                        if rng.random() < 0.25:
                            emit(t + rng.randint(60, 600), e, 'brp', 'query', p, '', 'intake_id_check')
                    intake_cases_by_unit.setdefault(e['unit'], []).append(cid)
                # telephone service 0900-8844: callers, no case
                for j in range(max(0, int(rng.gauss(12, 5)))):
                    emit(ti(s, en), e, 'bvh', 'query', pick_person(ai), '', 'intake_phone_service')
            elif beh == 'mk':
                # operators also check callers on non-registered calls, whole Noord-Holland
                for j in range(max(0, int(rng.gauss(38, 12)))):
                    emit(ti(s, en), e, 'bvh', 'query', pick_person(None), '', 'meldkamer_call_check')
            elif beh in ('rtic', 'ana'):
                n = max(0, int(rng.gauss(95 if beh == 'ana' else 70, 30)))
                j = 0
                while j < n:
                    t = ti(s, en)
                    r = rng.random()
                    if r < 0.45:
                        cid = rng.choice(inv_all); ps = case_persons[cid]; src = 'analysis_investigations'
                        gc = rng.random() < 0.2
                    elif r < 0.78:
                        dd = d - rng.randint(0, 3) if beh == 'ana' else d
                        l = all_incs_by_day.get(dd, [])
                        if not l:
                            continue
                        inc = rng.choice(l); cid = inc['cid']; ps = inc['ps']
                        if beh == 'rtic':
                            t = max(t, inc['t0'] + rng.randint(60, 1800))
                        src = 'analysis_incidents' if beh == 'ana' else 'rtic_live_support'
                        gc = rng.random() < 0.15
                    elif r < 0.9:
                        cid = ''
                        ps = [pick_person(None) for _ in range(rng.randint(1, 5))]
                        src = 'analysis_cie_leads'
                        gc = False
                    else:
                        cid = rng.choice(inv_all); ps = case_persons[cid]; src = 'analysis_network'
                        gc = rng.random() < 0.1
                    if not ps:
                        continue
                    for k in range(rng.randint(1, 6)):
                        a = rng.choice(['query', 'query', 'view', 'view', 'query', 'export']) if beh == 'ana' else rng.choice(['query', 'view'])
                        emit(t + k * rng.randint(5, 90), e, rng.choice(['blueview', 'blueview', 'bvh', 'summit', 'brp', 'bvi']), a, rng.choice(ps), cid if gc else '', src)
                        j += 1
            elif beh == 'scr':
                n = max(0, int(rng.gauss(260, 60)))
                t = s + rng.randint(600, 3600)
                for j in range(n):
                    t += rng.randint(15, 140)
                    if t > en:
                        break
                    p = rng.choice(acc_persons)
                    emit(t, e, rng.choice(['bvh', 'blueview', 'summit', 'brp']), 'query', p, acc_cid if rng.random() < 0.85 else '', 'f1_accreditation_screening')
                    if rng.random() < 0.03:
                        emit(t + 30, e, 'blueview', 'view', p, acc_cid, 'f1_accreditation_hit_review')
                        if rng.random() < 0.3:
                            emit(t + 90, e, 'blueview', 'export', p, acc_cid, 'f1_accreditation_hit_export')
            elif beh == 'sgbo':
                if d in f1_days or d == protest_day:
                    opc = f1_op if d in f1_days else prot_op
                    for j in range(rng.randint(5, 25)):
                        ps = case_persons[opc]
                        if ps:
                            emit(ti(s, en), e, 'bvh', rng.choice(['query', 'view']), rng.choice(ps), opc if rng.random() < 0.5 else '', 'sgbo_operation_info')
                    l = all_incs_by_day.get(d, [])
                    for j in range(rng.randint(0, 8)):
                        if l:
                            inc = rng.choice(l)
                            if inc['ps'] and inc['tid'] in ("PL12-GBO-F1", "PL12-SGBO", "PL12-BT-KZUID"):
                                emit(max(ti(s, en), inc['t0'] + 600), e, 'bvh', 'view', rng.choice(inc['ps']), '', 'sgbo_incident_overview')
                else:
                    for j in range(rng.randint(0, 3)):
                        emit(ti(s, en), e, 'bvh', 'query', rng.choice(case_persons[f1_op]), f1_op if rng.random() < 0.6 else '', 'sgbo_preparation')
            elif beh == 'staf':
                for j in range(rng.randint(0, 2)):
                    l = all_incs_by_day.get(d, []) + all_incs_by_day.get(d - 1, [])
                    if l:
                        inc = rng.choice(l)
                        if inc['ps']:
                            emit(ti(s, en), e, 'bvh', 'view', rng.choice(inc['ps']), inc['cid'] if rng.random() < 0.3 else '', 'leadership_incident_review')
            elif beh == 'fb':
                for j in range(max(0, int(rng.gauss(12, 5)))):
                    p = rng.randrange(len(P_id))
                    emit(ti(s, en), e, 'bvh', rng.choice(['query', 'view']), p, 'TOPD-%06d' % rng.randint(100000, 999999) if rng.random() < 0.5 else '', 'data_quality_merge')
            elif beh == 'bv':
                if rng.random() < 0.03 and e['rank'] == 'burger':
                    # HRM checking own staff records (screening of new hires): colleagues
                    c = rng.choice(E)
                    if c['link']:
                        emit(ti(s, en), e, 'bvh', 'query', c['pidx'], '', 'hrm_screening_new_staff')
            if beh in ('nh', 'zomer', 'gbo', 'me', 'dier') and d >= 0:
                # shift briefing: PGA targets / attention persons of the team area
                if beh == 'nh' and rng.random() < 0.3:
                    pga = [c for c in inv_by_team.get(e['team'], []) if c.startswith('PGA')]
                    if pga and case_persons[pga[0]]:
                        for p in rng.sample(case_persons[pga[0]], min(len(case_persons[pga[0]]), rng.randint(1, 3))):
                            emit(s + rng.randint(300, 1800), e, 'bvh', 'view', p, '', 'briefing_pga_targets')
                if beh == 'gbo' and rng.random() < 0.5:
                    for p in rng.sample(case_persons[f1_op], 3):
                        emit(s + rng.randint(300, 1800), e, 'bvh', 'view', p, f1_op if rng.random() < 0.3 else '', 'briefing_f1_attention')
                # unregistered street checks (MEOS), and the odd overtime look-up
                for j in range(rng.randint(0, 3) if rng.random() < 0.45 else 0):
                    emit(ti(s, en), e, 'meos', 'query', pick_person(e['area'], foreign_p=0.1 if beh != 'nh' else 0.03), '', 'street_check_unregistered')

    # ------------------------------------------------------------ improper scenarios
    truth = []
    inc_no = [0]

    def new_inc():
        inc_no[0] += 1
        return 'I-%04d' % inc_no[0]

    exec_pool = [e for e in E if e['beh'] in ('nh', 'wijk', 'rech', 'intake', 'zomer', 'mk', 'gbo', 'haven', 'ana', 'rtic', 'verk') and len(e['work']) >= 4]
    rank_w = {'hoofdagent': 3.0, 'brigadier': 2.6, 'agent': 1.3, 'burger': 0.8, 'inspecteur': 0.6, 'aspirant': 0.4, 'surveillant': 0.8}
    pool_c = Cum([(e, rank_w.get(e['rank'], 0.5) * (0.6 if e['beh'] in ('ana', 'rtic', 'mk') else 1.0)) for e in exec_pool])
    used_emp = set()

    def pick_emp(cond=None, tries=3000):
        for _ in range(tries):
            e = pool_c.pick(rng)
            if e['id'] in used_emp:
                continue
            if cond and not cond(e):
                continue
            used_emp.add(e['id'])
            return e
        return None

    def shift_times(e, k, lo_day=0, hi_day=NDAYS - 1):
        ws = [(s, en) for (s, en) in e['work'] if lo_day * DAY <= s < (hi_day + 1) * DAY and s >= 0]
        if not ws:
            return []
        out = []
        for _ in range(k):
            s, en = rng.choice(ws)
            # insiders prefer the quieter middle of a shift, not the edges
            out.append(s + rng.randint(int((en - s) * 0.15), int((en - s) * 0.85)))
        return sorted(out)

    def off_times(e, k):
        out = []
        for _ in range(k * 20):
            d = rng.randrange(NDAYS)
            t = d * DAY + rng.choice([rng.randint(7 * H, 9 * H), rng.randint(19 * H, 23 * H + 3000), rng.randint(12 * H, 16 * H)])
            if not any(s - 2 * H <= t < en + 2 * H for s, en in e['work']):
                out.append(t)
                if len(out) >= k:
                    break
        return sorted(out)

    def own_case_near(e, t):
        # a case number the employee could plausibly give as cover: own recent incident / investigation
        mine = emp_invs.get(e['id'])
        if mine and rng.random() < 0.5:
            return rng.choice(mine)
        l = inc_by_unit_day.get((e['unit'], int(t // DAY)), [])
        if l:
            return rng.choice(l)['cid']
        return ''

    def bad(t, e, sysn, act, p, cid, scen, iid):
        ev((t, e['id'], sysn, act, p, cid, 'improper_' + scen, iid, scen))

    def cover(e, t, n):
        # legitimate-looking look-ups around the improper one (insider hides in normal work)
        l = inc_by_unit_day.get((e['unit'], int(t // DAY)), [])
        for _ in range(n):
            if l:
                inc = rng.choice(l)
                if inc['ps']:
                    emit(t + rng.randint(-1200, 1200), e, 'bvh', 'query', rng.choice(inc['ps']), inc['cid'] if rng.random() < 0.5 else '', 'cover_incident_lookup')

    rel_of = {}
    for (a, b, k) in rel:
        rel_of.setdefault(a, []).append((b, k))
        inv = {'parent': 'child', 'child': 'parent'}.get(k, k)
        rel_of.setdefault(b, []).append((a, inv))

    def nin(lo, hi):
        return rng.randint(lo, hi)

    counts = {}

    def cnt(s):
        counts[s] = counts.get(s, 0) + 1

    # self
    for _ in range(nin(10, 13)):
        e = pick_emp(lambda e: e['link'])
        if not e:
            break
        iid = new_inc(); cnt('self')
        for t in shift_times(e, nin(1, 4)):
            bad(t, e, rng.choice(['bvh', 'bvh', 'rdw', 'meos']), rng.choice(['query', 'view']), e['pidx'], own_case_near(e, t) if rng.random() < 0.3 else '', 'self', iid)
            cover(e, t, rng.randint(0, 2))
    # partner / family / ex_partner
    for scen, kinds, lo, hi in [('partner', ('partner',), 10, 12), ('family', ('parent', 'child', 'sibling'), 10, 13), ('ex_partner', ('ex_partner',), 10, 13)]:
        for _ in range(nin(lo, hi)):
            e = pick_emp(lambda e: e['link'] and any(k in kinds for (_, k) in rel_of.get(e['pidx'], ())))
            if not e:
                break
            targets = [b for (b, k) in rel_of[e['pidx']] if k in kinds]
            tgt = rng.choice(targets)
            iid = new_inc(); cnt(scen)
            ps = [tgt]
            if scen == 'ex_partner':
                # ex's new partner at the same address; the insider checks them too
                mem = [m for m in addr_members.get((P_pc[tgt], P_hn[tgt]), []) if m != tgt]
                if not mem and rng.random() < 0.7 and P_pc[tgt]:
                    npn = newp(wchoice(rng, NL_SURN), P_by[tgt] + rng.randint(-5, 5), P_pc[tgt], P_hn[tgt], area=P_area[tgt])
                    addr_members.setdefault((P_pc[tgt], P_hn[tgt]), []).append(npn)
                    rel.append((tgt, npn, 'household'))
                    mem = [npn]
                ps += mem[:1]
                k = nin(3, 10)
            elif scen == 'family':
                # a relative arrested elsewhere: the officer checks the incident and the co-suspect
                k = nin(1, 5)
                if rng.random() < 0.4:
                    l = [inc for inc in incidents if inc['tid'] not in (e['team'],) and team_info[inc['tid']]['unit'] != e['unit'] and len(inc['ps']) >= 2]
                    if l:
                        inc = rng.choice(l)
                        add_cp(inc['cid'], tgt, 'verdachte')
                        co = [p for p in inc['ps'] if p != tgt][0]
                        ps.append(co)
                        ts_ = shift_times(e, k, lo_day=int(inc['t0'] // DAY), hi_day=min(NDAYS - 1, int(inc['t0'] // DAY) + 3))
                        for t in ts_ or shift_times(e, k):
                            bad(t, e, 'bvh', rng.choice(['view', 'query']), rng.choice(ps), inc['cid'] if rng.random() < 0.3 else '', scen, iid)
                        continue
            else:
                k = nin(2, 6)
            times = shift_times(e, k) if rng.random() < 0.85 else off_times(e, k)
            for t in times:
                p = ps[0] if rng.random() < 0.7 else rng.choice(ps)
                bad(t, e, rng.choice(['bvh', 'bvh', 'brp', 'rdw', 'meos']), rng.choice(['query', 'query', 'view']), p, own_case_near(e, t) if rng.random() < 0.2 else '', scen, iid)
                if rng.random() < 0.5:
                    cover(e, t, 1)
    # surname_relative: unregistered relative (cousin, uncle) with the same surname
    for _ in range(nin(10, 13)):
        uncommon = rng.random() < 0.75
        common = {n for n, w in NL_SURN + TR_SURN if w >= 20}
        e = pick_emp(lambda e: e['link'] and ((e['sn'] not in common) == uncommon))
        if not e:
            break
        iid = new_inc(); cnt('surname_relative')
        ai = rng.randrange(len(AREAS))
        pc6 = rng.choice(area_pcs[ai])
        cousins = [newp(e['sn'], P_by[e['pidx']] + rng.randint(-25, 15), pc6, str(rng.randint(1, 200)), area=ai) for _ in range(rng.randint(1, 2))]
        for c in cousins:
            pc_members[pc6].append(c); area_persons[ai].append(c)
        for t in shift_times(e, nin(1, 4)):
            bad(t, e, rng.choice(['bvh', 'brp', 'meos']), rng.choice(['query', 'view']), rng.choice(cousins), '', 'surname_relative', iid)
            cover(e, t, rng.randint(0, 2))
    # neighbour
    for _ in range(nin(10, 13)):
        e = pick_emp(lambda e: e['link'] and P_pc[e['pidx']] and len(pc_members.get(P_pc[e['pidx']], [])) > 4)
        if not e:
            break
        iid = new_inc(); cnt('neighbour')
        me = e['pidx']
        hh = set(addr_members.get((P_pc[me], P_hn[me]), [me]))
        nb = [p for p in pc_members[P_pc[me]] if p not in hh]
        tg = rng.sample(nb, min(len(nb), rng.randint(1, 3)))
        times = shift_times(e, nin(2, 6)) if rng.random() < 0.75 else off_times(e, nin(1, 3))
        for t in times:
            p = rng.choice(tg)
            bad(t, e, rng.choice(['bvh', 'rdw', 'rdw', 'meos', 'brp']), 'query', p, '', 'neighbour', iid)
    # colleague
    linked = [x for x in E if x['link']]
    for _ in range(nin(10, 13)):
        e = pick_emp()
        if not e:
            break
        iid = new_inc(); cnt('colleague')
        if rng.random() < 0.5:
            same = [x for x in team_emps[e['team']] if x['link'] and x is not e]
            tg = rng.sample(same, min(len(same), rng.randint(1, 2))) if same else [rng.choice(linked)]
        else:
            # the new face on the team: a summer reinforcement, or a colleague in the news / under promotion
            tg = [rng.choice([x for x in linked if x['temp']] or linked)] if rng.random() < 0.5 else [rng.choice(linked)]
        for t in shift_times(e, nin(1, 4)):
            c = rng.choice(tg)
            bad(t, e, rng.choice(['bvh', 'brp', 'rdw']), rng.choice(['query', 'view']), c['pidx'], own_case_near(e, t) if rng.random() < 0.2 else '', 'colleague', iid)
            cover(e, t, rng.randint(0, 2))
    # vip_curiosity (F1 weekend celebrities, footballers, local celebrities)
    for _ in range(nin(10, 13)):
        e = pick_emp(lambda e: e['beh'] in ('nh', 'gbo', 'zomer', 'wijk', 'intake', 'mk') or rng.random() < 0.3)
        if not e:
            break
        iid = new_inc(); cnt('vip_curiosity')
        tg = rng.sample(vips, rng.randint(1, 3))
        ws = shift_times(e, nin(1, 4), lo_day=f1_days[0], hi_day=min(NDAYS - 1, f1_days[-1] + 2)) if rng.random() < 0.5 else []
        for t in ws or shift_times(e, nin(1, 4)):
            bad(t, e, rng.choice(['bvh', 'bvh', 'brp', 'rdw']), rng.choice(['query', 'view']), rng.choice(tg), '', 'vip_curiosity', iid)
    # shielded
    for _ in range(nin(10, 12)):
        e = pick_emp()
        if not e:
            break
        iid = new_inc(); cnt('shielded')
        tg = rng.sample(shielded, rng.randint(1, 2))
        for t in shift_times(e, nin(1, 3)):
            bad(t, e, rng.choice(['bvh', 'brp']), rng.choice(['query', 'view']), rng.choice(tg), own_case_near(e, t) if rng.random() < 0.25 else '', 'shielded', iid)
            cover(e, t, 1)
    # news_hype
    nh_staff = {cid: set(x['id'] for x in inv_staff.get(cid, [])) for cid, _, _ in news}
    for _ in range(nin(12, 15)):
        cid, dn, ps = rng.choice(news)
        e = pick_emp(lambda e: e['unit'] != 'noord_holland' or rng.random() < 0.5)
        if not e or not ps:
            continue
        iid = new_inc(); cnt('news_hype')
        k = nin(1, 4)
        ts_ = shift_times(e, k, lo_day=dn, hi_day=min(NDAYS - 1, dn + 3))
        if not ts_ or rng.random() < 0.2:
            ts_ = [t for t in off_times(e, k * 3) if dn * DAY <= t < (dn + 4) * DAY][:k] or ts_
        for t in ts_:
            bad(t, e, rng.choice(['bvh', 'bvh', 'bvi', 'brp']), rng.choice(['view', 'query']), rng.choice(ps), '', 'news_hype', iid)
    # sensitive_investigation: looking into a sensitive case one is not on (leaks to criminals)
    for _ in range(nin(10, 13)):
        cand = [c for c in sensitive_cases if case_persons.get(c)]
        cid = rng.choice(cand)
        staffset = set(x['id'] for x in inv_staff.get(cid, []))
        e = pick_emp(lambda e: e['id'] not in staffset and (e['beh'] in ('nh', 'wijk', 'rech', 'intake', 'haven', 'verk')))
        if not e:
            break
        iid = new_inc(); cnt('sensitive_investigation')
        tgt = case_persons[cid][:max(1, len(case_persons[cid]) // 3)]
        tgt = rng.sample(tgt, min(len(tgt), rng.randint(1, 3)))
        for t in shift_times(e, nin(3, 12)):
            p = rng.choice(tgt)
            bad(t, e, rng.choice(['bvh', 'bvh', 'rdw', 'summit', 'bvi', 'meos']), 'query' if rng.random() < 0.8 else 'view', p, own_case_near(e, t) if rng.random() < 0.35 else '', 'sensitive_investigation', iid)
            cover(e, t, rng.randint(1, 3))
    # following: first contact in own incident (legit), then repeated look-ups over weeks
    fol_target, fol_try = nin(10, 13), 0
    while counts.get('following', 0) < fol_target and fol_try < 400:
        fol_try += 1
        e = pick_emp(lambda e: e['beh'] in ('nh', 'zomer', 'wijk', 'gbo'))
        if not e:
            break
        mine = [inc for inc in incidents if any(x is e for x in inc['resp']) and inc['ps'] and inc['t0'] < 12 * DAY]
        if not mine:
            used_emp.discard(e['id'])
            continue
        inc = rng.choice(mine)
        tgt = rng.choice(inc['ps'])
        iid = new_inc(); cnt('following')
        k = nin(5, 11)
        ts_ = [t for t in shift_times(e, k * 2, lo_day=int(inc['t0'] // DAY) + 3) if t > inc['t0'] + 2 * DAY]
        ts_ = sorted(rng.sample(ts_, min(k, len(ts_))))
        if len(ts_) < 4:
            counts['following'] -= 1
            continue
        for t in ts_:
            bad(t, e, rng.choice(['bvh', 'bvh', 'brp', 'meos']), 'query', tgt, inc['cid'] if rng.random() < 0.25 else '', 'following', iid)
    # browsing: quiet night shift, dozens of unrelated people
    for _ in range(nin(10, 13)):
        e = pick_emp(lambda e: e['beh'] in ('nh', 'mk', 'intake', 'zomer', 'wijk', 'rech'))
        if not e:
            break
        iid = new_inc(); cnt('browsing')
        ws = [(s, en) for s, en in e['work'] if 0 <= s < NDAYS * DAY]
        s, en = rng.choice(ws)
        t = s + rng.randint(int((en - s) * 0.3), int((en - s) * 0.6))
        n = nin(18, 55)
        theme = rng.random()
        ai = e['area'] if e['area'] is not None else rng.randrange(len(AREAS))
        byr = P_by[e['pidx']] if e['link'] and P_by[e['pidx']] else 1990
        for j in range(n):
            t += rng.randint(20, 240)
            if theme < 0.4:
                # old classmates: same birth cohort in the home town
                for _k in range(30):
                    p = rng.choice(area_adults[ai])
                    if P_by[p] and abs(P_by[p] - byr) <= 1:
                        break
            elif theme < 0.7:
                p = rng.choice(area_persons[ai])
            else:
                p = rng.choice(all_adults)
            bad(t, e, rng.choice(['bvh', 'bvh', 'brp', 'meos']), 'query', p, own_case_near(e, t) if rng.random() < 0.1 else '', 'browsing', iid)
    # off_shift: at home / on days off (holiday-rental tenants, a date, a friend's request)
    for _ in range(nin(10, 13)):
        e = pick_emp(lambda e: e['beh'] in ('nh', 'wijk', 'rech', 'intake', 'zomer', 'haven', 'verk'))
        if not e:
            break
        iid = new_inc(); cnt('off_shift')
        k = nin(2, 8)
        tg = [pick_person(None, foreign_p=0.2) for _ in range(rng.randint(1, 4))]
        for t in off_times(e, k):
            bad(t, e, rng.choice(['bvh', 'brp', 'meos', 'rdw']), rng.choice(['query', 'view']), rng.choice(tg), '', 'off_shift', iid)
    # export_print
    for _ in range(nin(10, 13)):
        e = pick_emp()
        if not e:
            break
        iid = new_inc(); cnt('export_print')
        r = rng.random()
        for t in shift_times(e, nin(1, 4)):
            if r < 0.45:
                p = pick_person(e['area']); cid = ''
            elif r < 0.75:
                l = inc_by_unit_day.get((e['unit'], int(t // DAY)), [])
                inc = rng.choice(l) if l else None
                if not inc or not inc['ps']:
                    p = pick_person(e['area']); cid = ''
                else:
                    p = rng.choice(inc['ps']); cid = inc['cid'] if rng.random() < 0.4 else ''
            else:
                c = rng.choice(sensitive_cases)
                p = rng.choice(case_persons[c] or [pick_person(None)]); cid = ''
            bad(t, e, 'bvh', 'view', p, cid, 'export_print', iid)
            bad(t + rng.randint(20, 200), e, rng.choice(['bvh', 'blueview', 'bvh']), rng.choice(['print', 'export', 'print']), p, cid, 'export_print', iid)
    # volume_spike: harvesting addresses/records in bulk over one or two shifts
    for _ in range(nin(10, 12)):
        e = pick_emp(lambda e: e['beh'] in ('nh', 'wijk', 'intake', 'rech', 'mk', 'zomer'))
        if not e:
            break
        iid = new_inc(); cnt('volume_spike')
        ws = [(s, en) for s, en in e['work'] if 3 * DAY <= s < NDAYS * DAY]
        if not ws:
            ws = [(s, en) for s, en in e['work'] if 0 <= s < NDAYS * DAY]
        chosen = rng.sample(ws, min(len(ws), rng.randint(1, 2)))
        ai = rng.randrange(len(AREAS))
        pcs = rng.sample(area_pcs[ai], 6)
        targets = [p for pc in pcs for p in pc_members[pc]]
        for (s, en) in chosen:
            n = nin(40, 120)
            for j in range(n):
                t = s + rng.randint(int((en - s) * 0.1), int((en - s) * 0.9))
                bad(t, e, rng.choice(['bvh', 'brp', 'brp']), 'query', rng.choice(targets), own_case_near(e, t) if rng.random() < 0.15 else '', 'volume_spike', iid)

    # ------------------------------------------------------------ write context
    def wcsv(name, header, rows, crlf=False, bom=False):
        path = os.path.join(outdir, name)
        with open(path, 'w', encoding='utf-8', newline='') as f:
            if bom:
                f.write('\ufeff')
            w = csv.writer(f, lineterminator='\r\n' if crlf else '\n')
            w.writerow(header)
            w.writerows(rows)

    wcsv('units.csv', ['unit_id', 'name', 'fte'], units)
    wcsv('teams.csv', ['team_id', 'unit_id', 'kind', 'name'], teams)
    erows = []
    for e in E:
        rk = e['rank']
        if rng.random() < 0.1:
            rk = rk.capitalize()
        if rng.random() < 0.008:
            rk = ''
        erows.append([e['id'], P_id[e['pidx']] if e['link'] else '', e['sn_out'], e['unit'], e['team'], rk, e['func'],
                      'tijdelijk' if e['temp'] else rng.choice(['vast', 'vast', 'vast', 'tijdelijk', ''])])
    # transfers: first row earlier team, later row current team (later state wins)
    extra = []
    for e in transfers:
        old = rng.choice([t for t in team_info if team_info[t]['beh'] == e['beh'] and t != e['team']] or [e['team']])
        i = next(k for k, r in enumerate(erows) if r[0] == e['id'])
        r = list(erows[i])
        erows[i] = r[:4] + [old] + r[5:]
        extra.append(r)
    erows.extend(extra)
    wcsv('employees.csv', ['Employee_ID', 'person_id', 'surname', 'unit_id', 'team_id', 'rank', 'function', 'dienstverband'], erows, bom=True)
    with open(os.path.join(outdir, 'persons.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['person_id', 'surname', 'birth_year', 'postcode', 'house_number', 'flags', 'gemeente_code'])
        for i in range(len(P_id)):
            pc = P_pc[i]
            if pc and rng.random() < 0.04:
                pc = pc[:4] + ' ' + pc[4:].lower()
            w.writerow([P_id[i], P_sn[i], '' if P_by[i] is None else P_by[i], pc, P_hn[i], P_fl[i], '' if P_area[i] < 0 else 'GM%04d' % (300 + P_area[i] * 37)])
    seen = set()
    rrows = []
    for (a, b, k) in rel:
        key = (a, b, k)
        if key in seen:
            continue
        seen.add(key)
        if rng.random() < 0.1 and k in ('partner', 'sibling', 'household', 'ex_partner'):
            rrows.append([P_id[b], P_id[a], k])
        else:
            rrows.append([P_id[a], P_id[b], k])
    wcsv('relations.csv', ['person_id', 'related_person_id', 'kind'], rrows)
    wcsv('cases.csv', ['case_id', 'kind', 'unit_id', 'team_id', 'opened', 'closed', 'sensitive'], cases)
    wcsv('case_persons.csv', ['case_id', 'person_id', 'role'], [(c, P_id[p], r) for (c, p, r) in CP])
    wcsv('case_staff.csv', ['case_id', 'employee_id', 'from', 'to'], CS)
    shrows = []
    for (eid, s, en) in SH:
        if rng.random() < 0.5:
            shrows.append((eid, ts_local(s), ts_local(en)))
        else:
            shrows.append((eid, ts_utc(s), ts_utc(en)))
    shrows.sort(key=lambda r: r[0])
    wcsv('shifts.csv', ['employee_id', 'start', 'end'], shrows, crlf=True)

    # ------------------------------------------------------------ write events (CSV, per-system logs concatenated)
    lo, hi = 0, NDAYS * DAY
    EV2 = [x for x in EV if lo <= x[0] < hi]
    sys_order = ['bvh', 'meos', 'brp', 'rdw', 'bvi', 'summit', 'blueview']
    by_sys = {}
    for x in EV2:
        by_sys.setdefault(x[2], []).append(x)
    path = os.path.join(outdir, 'events.csv.gz')
    tr = []
    dbg = []
    WERK = ['WS-HRL-', 'WS-ZDM-', 'WS-ALK-', 'MEOS-', 'WS-HFD-', 'WS-DHR-']
    with io.TextIOWrapper(gzip.GzipFile(path, 'wb', compresslevel=4, mtime=0), encoding='utf-8', newline='') as gz:
        gz.write('\ufeff')
        w = csv.writer(gz, lineterminator='\r\n')
        w.writerow([' TS', 'Id', 'Employee_ID', 'System', 'Action', 'Person_ID ', 'Case_ID', 'werkplek', 'zoekvraag'])
        for sysn in sys_order:
            lst = by_sys.get(sysn, [])
            lst.sort(key=lambda x: x[0])
            seq = 0
            for x in lst:
                seq += 1
                t, eid, _, act, p, cid, src, iid, scen = x
                evid = '%s-%08d' % (sysn, seq)
                if sysn == 'bvh':
                    ts = ts_local(t, 'T', rng.randrange(1000))
                    a = act
                elif sysn == 'meos':
                    ts = ts_utc(t, 'T', rng.randrange(1000000))
                    a = act.upper()
                elif sysn == 'brp':
                    ts = ts_utc(t, ' ')
                    a = act.capitalize()
                else:
                    ts = ts_local(t)
                    a = act
                pid = P_id[p]
                zq = ''
                if sysn in ('brp', 'bvh') and seq % 7 == 0:
                    zq = 'achternaam=%s, geboortejaar=%s' % (P_sn[p], P_by[p] if P_by[p] else '?')
                elif sysn == 'rdw' and seq % 3 == 0:
                    zq = 'kenteken="%s-%03d-%s"' % (rng.choice(['GZ', 'KP', 'TL', 'XR', 'ZB']), seq % 997, rng.choice(['D', 'H', 'N']))
                w.writerow([ts, evid, eid, sysn.upper() if sysn in ('rdw', 'brp') else sysn, a, pid, (' ' + cid) if (cid and seq % 11 == 0) else cid,
                            rng.choice(WERK) + str(seq % 300), zq])
                if iid:
                    tr.append((evid, iid, scen))
                if debug:
                    dbg.append((evid, src))
    wcsv('truth.csv', ['event_id', 'incident_id', 'scenario'], tr)
    if debug:
        with io.TextIOWrapper(gzip.GzipFile(os.path.join(outdir, 'debug_sources.csv.gz'), 'wb', compresslevel=3, mtime=0), encoding='utf-8', newline='') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(['event_id', 'source'])
            w.writerows(dbg)
    counts = {}
    seen_i = set()
    for (_, iid, scen) in tr:
        if iid not in seen_i:
            seen_i.add(iid)
            counts[scen] = counts.get(scen, 0) + 1
    sys.stderr.write('redteam19: %d employees, %d persons, %d cases, %d case_persons, %d case_staff, %d shifts, %d events, %d improper events, incidents %s; F1 Friday 2026-07-%02d, protest 2026-07-%02d at %s\n' % (
        len(E), len(P_id), len(cases), len(CP), len(CS), len(SH), len(EV2), len(tr), counts, f1_fri + 1, protest_day + 1, protest_site))


if __name__ == '__main__':
    main()
