#!/usr/bin/env python3
"""redteam13: held-out synthetic world for lekradar -- the national unit
(Landelijke Eenheid): national detectives, royal/diplomatic protection,
infrastructure police (highways, water, rail, seaport/airport), the national
control room, real-time intelligence, national CIE, internet-fraud intake,
special interventions, staff and internal affairs.

Usage: python3 gen.py OUTDIR --seed S [--debug]

Standard library only; output depends only on the seed (no hash-order
dependence, gzip mtime fixed), and is byte-identical with and without --debug
apart from the extra debug_sources.csv.
"""
import argparse
import calendar
import csv
import gzip
import math
import os
import random
import sys
import time

DAY = 86400
L0 = calendar.timegm((2026, 3, 16, 0, 0, 0))          # local midnight, Mon 16 March 2026
DST = calendar.timegm((2026, 3, 29, 1, 0, 0))         # CET -> CEST (UTC instant)
NDAYS = 30


def l2u(L):
    """local (Europe/Amsterdam) seconds-as-if-UTC -> UTC epoch."""
    u = L - 3600
    return u if u < DST else L - 7200


def lt(d, h, m=0, s=0):
    return l2u(L0 + d * DAY + h * 3600 + m * 60 + s)


def local_off(t):
    return 7200 if t >= DST else 3600


def fz(t):
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(t))


def fzs(t):  # space separator
    return time.strftime('%Y-%m-%d %H:%M:%SZ', time.gmtime(t))


def floc(t, ms=None, off=None):
    o = local_off(t) if off is None else off
    base = time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t + o))
    if ms is not None:
        base += '.%03d' % ms
    sign = '+' if o >= 0 else '-'
    a = abs(o)
    return '%s%s%02d:%02d' % (base, sign, a // 3600, (a % 3600) // 60)


def fdate_day(d):
    return time.strftime('%Y-%m-%d', time.gmtime(L0 + d * DAY))


def fdate_t(t):
    return time.strftime('%Y-%m-%d', time.gmtime(t + local_off(t)))


def day_of(t):
    return (t + local_off(t) - L0) // DAY


# --------------------------------------------------------------------------- names
COMMON = [("de Jong", 86), ("Jansen", 74), ("de Vries", 72), ("van den Berg", 60), ("van Dijk", 58),
          ("Bakker", 57), ("Janssen", 56), ("Visser", 54), ("Smit", 50), ("Meijer", 48), ("de Boer", 46),
          ("Mulder", 44), ("de Groot", 43), ("Bos", 42), ("Vos", 40), ("Peters", 39), ("Hendriks", 38),
          ("van Leeuwen", 37), ("Dekker", 36), ("Brouwer", 35), ("de Wit", 34), ("Dijkstra", 33), ("Smits", 32),
          ("de Graaf", 31), ("van der Meer", 30), ("van der Linden", 29), ("Kok", 28), ("Jacobs", 28),
          ("de Haan", 27), ("Vermeulen", 27), ("van den Heuvel", 26), ("van der Veen", 26),
          ("van den Broek", 25), ("de Bruijn", 25), ("de Bruin", 24), ("van der Heijden", 24), ("Schouten", 23),
          ("van Beek", 23), ("Willems", 22), ("van Vliet", 22), ("van de Ven", 21), ("Hoekstra", 21),
          ("Maas", 20), ("Verhoeven", 20), ("Koster", 19), ("van Dam", 19), ("van der Wal", 18), ("Prins", 18),
          ("Blom", 18), ("Huisman", 17), ("Peeters", 17), ("de Jonge", 17), ("Kuipers", 16), ("van Veen", 16),
          ("Post", 16), ("Kuiper", 15), ("Veenstra", 15), ("Kramer", 15), ("van den Brink", 14),
          ("Scholten", 14), ("van Wijk", 14), ("Postma", 13), ("Martens", 13), ("Vink", 13), ("de Ridder", 12),
          ("Jonker", 12), ("Bosman", 12), ("Hermans", 11), ("Evers", 11), ("Wouters", 11)]
FOREIGN = [("Yılmaz", 10), ("Kaya", 8), ("Demir", 8), ("Şahin", 6), ("Çelik", 6), ("Öztürk", 6),
           ("El Amrani", 6), ("Bouzid", 5), ("Benali", 5), ("El Idrissi", 5), ("Ait Taleb", 4),
           ("Ahmadi", 4), ("Nguyen", 5), ("Pinas", 4), ("Kromodikoro", 3), ("Wong", 4), ("Rodrigues", 4),
           ("Kowalski", 5), ("Nowak", 6), ("Wiśniewski", 4), ("Popescu", 4), ("Dimitrov", 3),
           ("Haddou", 4), ("Mohamed", 6), ("Hassan", 5), ("Singh", 4), ("Martina", 4), ("Doornkaat", 2),
           ("Abdi", 4), ("Tahiri", 4), ("Oduya", 2), ("Sanches", 3)]
ROOTS = ["Brink", "Hoek", "Veld", "Dijk", "Kamp", "Horst", "Laan", "Beek", "Bosch", "Molen", "Water",
         "Berg", "Hout", "Zand", "Meer", "Wijn", "Rozen", "Lin", "Eik", "Vlas", "Kort", "Steen", "Akker",
         "Haver", "Leeu", "Bruggen", "Hazel", "Wolfs", "Vinken", "Dorre", "Klein", "Groen", "Rijs",
         "Wester", "Ooster", "Noord", "Zuider", "Ham", "Heem", "Lange", "Mos", "Riet", "Spijker", "Tol"]
SUFF = ["huis", "man", "stra", "inga", "ema", "kamp", "veld", "hof", "ink", "ers", "sma", "wijk", "broek",
        "hout", "berg", "beek", "dijk", "kes", "gens", "horst", "boom", "ter", "ens", "ing"]
PREF = ["", "", "", "", "van ", "van de ", "van der ", "ter ", "ten ", "de "]
CITIES = ["Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere",
          "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Zaanstad", "Amersfoort", "Zoetermeer",
          "Zwolle", "Leeuwarden", "Maastricht", "Dordrecht", "Leiden", "Emmen", "Venlo", "Deventer",
          "Delft", "Alkmaar", "Heerlen", "Hilversum", "Driebergen", "Woerden"]
FOREIGN_VIP = ["Al-Sabah", "Müller", "Dubois", "Rossi", "Tanaka", "Okafor", "Petrov", "García", "Smith",
               "Johansson", "Kowalczyk", "Haddad", "Chen", "Silva", "Novák", "Andersen", "Costa", "Ibrahim"]


def rare_surname(rng):
    return PREF[rng.randrange(len(PREF))] + rng.choice(ROOTS) + rng.choice(SUFF)


class W:
    pass


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam)
    k, p = 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


# --------------------------------------------------------------------------- world
def build(seed):
    rng = random.Random(seed)
    w = W()
    w.rng = rng
    # persons: parallel lists
    w.P_id, w.P_sur, w.P_by, w.P_pc, w.P_hn, w.P_flags, w.P_city, w.P_inpf = [], [], [], [], [], [], [], []
    idpool = rng.sample(range(1000000, 9999999), 260000)
    w._idpool = idpool
    w._idn = 0

    def new_person(sur, by, pc, hn, flags='', city='', in_file=True):
        i = len(w.P_id)
        w.P_id.append('P%d' % idpool[w._idn])
        w._idn += 1
        w.P_sur.append(sur)
        w.P_by.append(by)
        w.P_pc.append(pc)
        w.P_hn.append(hn)
        w.P_flags.append(flags)
        w.P_city.append(city)
        w.P_inpf.append(in_file)
        return i
    w.new_person = new_person

    # postcodes
    n_pc = 6500
    pcs = set()
    pclist = []
    while len(pclist) < n_pc:
        a = rng.randint(1000, 9999)
        b = chr(65 + rng.randrange(26)) + chr(65 + rng.randrange(26))
        if b in ('SS', 'SD', 'SA'):
            continue
        pc = '%d%s' % (a, b)
        if pc in pcs:
            continue
        pcs.add(pc)
        pclist.append(pc)
    w.pclist = pclist
    w.pc_next = {pc: rng.randint(1, 40) for pc in pclist}
    w.pc_members = {pc: [] for pc in pclist}

    com_names = [c[0] for c in COMMON]
    com_w = [c[1] for c in COMMON]
    for_names = [c[0] for c in FOREIGN]
    for_w = [c[1] for c in FOREIGN]
    rare_names = []
    rare_seen = set()
    while len(rare_names) < 6000:
        s = rare_surname(rng)
        if s not in rare_seen:
            rare_seen.add(s)
            rare_names.append(s)
    w.rare_names = rare_names

    def surname():
        r = rng.random()
        if r < 0.46:
            return wchoice(rng, com_names, com_w)
        if r < 0.60:
            return wchoice(rng, for_names, for_w)
        return rare_names[rng.randrange(len(rare_names))]
    w.surname = surname

    def city_of(pc):
        return CITIES[int(pc[:2]) % len(CITIES)]

    def house(pc=None):
        if pc is None:
            pc = pclist[rng.randrange(n_pc)]
        n = w.pc_next[pc]
        w.pc_next[pc] = n + rng.randint(1, 3)
        r = rng.random()
        if r < 0.80:
            hn = str(n)
        elif r < 0.88:
            hn = '%d%s' % (n, rng.choice('ABCD'))
        elif r < 0.94:
            hn = '%d-%d' % (n, rng.randint(1, 4))
        elif r < 0.97:
            hn = '%d %s' % (n, rng.choice(['hs', 'II', 'III', 'bis']))
        else:
            hn = ''
        return pc, hn

    def add_household(size, sur=None, adults_by=None, pc=None):
        pc, hn = house(pc)
        sur = sur or surname()
        mem = []
        for k in range(size):
            if k < 2:
                by = adults_by if (adults_by and k == 0) else rng.randint(1940, 2004)
                s = sur if (k == 0 or rng.random() < 0.5) else surname()
            else:
                by = rng.randint(2000, 2024)
                s = sur
            i = new_person(s, by, pc, hn, '', city_of(pc))
            w.pc_members[pc].append(i)
            mem.append(i)
        return mem
    w.add_household = add_household

    # ---------------- general population
    target_pop = rng.randint(125000, 150000)
    while len(w.P_id) < target_pop:
        add_household(wchoice(rng, [1, 2, 3, 4, 5], [35, 33, 13, 13, 6]))
    w.n_general = len(w.P_id)
    # criminal milieu: persons that keep coming back in investigations
    w.milieu = rng.sample(range(w.n_general), 7000)
    # oddities in the population
    for i in rng.sample(range(w.n_general), int(w.n_general * 0.03)):
        w.P_by[i] = None
    for i in rng.sample(range(w.n_general), int(w.n_general * 0.008)):
        w.P_flags[i] = rng.choice(['deceased', 'deceased', 'Deceased', 'overleden;deceased'])
    # people without fixed address (postcode empty)
    for i in rng.sample(range(w.n_general), int(w.n_general * 0.015)):
        w.P_pc[i] = ''
        w.P_hn[i] = ''

    # ---------------- VIPs and shielded persons
    w.vip_royal, w.vip_minister, w.vip_mp, w.vip_diplomat, w.vip_celeb = [], [], [], [], []
    pc_royal = pclist[rng.randrange(n_pc)]
    for k in range(rng.randint(9, 13)):
        i = new_person('van Oranje-Nassau' if k < 8 else rng.choice(['van Lippe-Biesterfeld', 'van Vollenhoven']),
                       rng.randint(1938, 2007), pc_royal if k < 5 else pclist[rng.randrange(n_pc)], str(k + 1),
                       rng.choice(['vip', 'vip', 'VIP', 'vip;shielded']), 'Den Haag')
        w.vip_royal.append(i)
    for k in range(rng.randint(28, 34)):
        pc, hn = house()
        w.vip_minister.append(new_person(surname(), rng.randint(1955, 1990), pc, hn,
                                         rng.choice(['vip', 'vip', 'vip;shielded', ' vip ']), city_of(pc)))
    for k in range(rng.randint(35, 50)):
        pc, hn = house()
        w.vip_mp.append(new_person(surname(), rng.randint(1955, 1995), pc, hn, 'vip', city_of(pc)))
    for k in range(rng.randint(30, 45)):
        w.vip_diplomat.append(new_person(rng.choice(FOREIGN_VIP), rng.randint(1955, 1985), '2517' + rng.choice(['AA', 'AB', 'KJ', 'JS']),
                                         str(rng.randint(1, 80)), rng.choice(['vip', 'vip;diplomaat']), 'Den Haag'))
    for k in range(rng.randint(35, 50)):
        pc, hn = house()
        w.vip_celeb.append(new_person(surname(), rng.randint(1960, 2004), pc, hn,
                                      rng.choice(['vip', 'vip', 'VIP', 'vip;vip']), city_of(pc)))
    w.vips = w.vip_royal + w.vip_minister + w.vip_mp + w.vip_diplomat + w.vip_celeb
    w.shielded = []
    w.wp_groups = []  # witness protection: lists of shielded persons
    for k in range(rng.randint(18, 26)):
        grp = add_household(wchoice(rng, [1, 2, 3, 4], [40, 30, 20, 10]))
        for i in grp:
            w.P_flags[i] = rng.choice(['shielded', 'shielded', 'Shielded', 'shielded;getuige'])
        w.shielded += grp
        w.wp_groups.append(grp)
    w.threatened = []
    for k in range(rng.randint(60, 90)):   # threatened journalists, lawyers, judges, prosecutors
        pc, hn = house()
        i = new_person(surname(), rng.randint(1950, 1995), pc, hn, rng.choice(['shielded', 'shielded', 'vip;shielded']), city_of(pc))
        w.shielded.append(i)
        w.threatened.append(i)
    # test persons used by functional administrators
    w.testp = [new_person('Testpersoon', 1900, '9999ZZ', str(k + 1), 'test', 'Teststad') for k in range(12)]
    # "news" persons
    w.newsceleb = []
    for k in range(3):
        pc, hn = house()
        w.newsceleb.append(new_person(surname(), rng.randint(1975, 2000), pc, hn, '', city_of(pc)))
    return w


# --------------------------------------------------------------------------- organisation
TEAMSPEC = [
    # unit, kind, name, behaviour, n, size range, functions
    ('le_dlr', 'recherche', 'Team Ondermijning %s', 'detective', 6, (30, 44), ['rechercheur', 'Rechercheur', 'tactisch rechercheur', 'teamleider']),
    ('le_dlr', 'recherche', 'Team Mensenhandel en Mensensmokkel', 'detective', 1, (28, 40), ['rechercheur', 'tactisch rechercheur']),
    ('le_dlr', 'recherche', 'Team High Tech Crime', 'detective', 1, (30, 42), ['digitaal rechercheur', 'rechercheur']),
    ('le_dlr', 'recherche', 'Team Bestrijding Kinderpornografie', 'detective', 1, (22, 32), ['rechercheur', 'zedenrechercheur']),
    ('le_dlr', 'recherche', 'Team Internationale Misdrijven', 'detective', 1, (18, 26), ['rechercheur']),
    ('le_dlr', 'recherche', 'Team Financieel Rechercheren', 'detective', 1, (25, 35), ['financieel rechercheur', 'fin. rechercheur']),
    ('le_dlr', 'recherche', 'Team Grootschalige Opsporing', 'detective', 1, (30, 40), ['rechercheur', 'TGO-rechercheur']),
    ('le_dlr', 'specialistisch', 'Team Getuigenbescherming', 'witness_protection', 1, (24, 34), ['getuigenbeschermer', '']),
    ('le_dlr', 'informatie_analyse', 'Team Analyse en Research', 'dlr_analyst', 1, (40, 55), ['analist', 'Analist', 'operationeel analist']),
    ('le_dkdb', 'specialistisch', 'Beveiliging Koninklijk Huis', 'protection', 1, (60, 85), ['persoonsbeveiliger', 'PB-er']),
    ('le_dkdb', 'specialistisch', 'Beveiliging Bewindspersonen', 'protection', 1, (60, 85), ['persoonsbeveiliger', 'PB-er']),
    ('le_dkdb', 'specialistisch', 'Diplomatieke Beveiliging', 'protection', 1, (45, 65), ['beveiliger', 'objectbeveiliger']),
    ('le_dkdb', 'specialistisch', 'Evenementen- en Bezoekersscreening', 'venue', 1, (35, 50), ['screener', 'beveiliger']),
    ('le_dkdb', 'informatie_analyse', 'Dreigingsanalyse Bedreigde Personen', 'threat_analyst', 1, (18, 28), ['dreigingsanalist', 'analist']),
    ('le_di', 'noodhulp', 'Verkeerspolitie %s', 'traffic', 4, (65, 95), ['verkeersagent', 'motorrijder', 'noodhulp', 'Verkeer']),
    ('le_di', 'basisteam', 'Waterpolitie %s', 'water', 2, (35, 50), ['waterpolitie', 'schipper']),
    ('le_di', 'basisteam', 'Spoorwegpolitie', 'rail', 1, (45, 60), ['spoorwegagent', 'noodhulp']),
    ('le_di', 'basisteam', 'Zeehaven- en Luchthavenpolitie', 'port', 1, (50, 70), ['havenpolitie', 'grensbewaking', 'controleur']),
    ('le_di', 'recherche', 'Team Verkeersongevallenanalyse', 'accident', 1, (18, 28), ['VOA-rechercheur', 'rechercheur']),
    ('le_di', 'ondersteuning', 'Luchtvaartpolitie', 'aviation', 1, (40, 55), ['vlieger', 'waarnemer', 'monteur']),
    ('le_dlio', 'meldkamer', 'Landelijk Operationeel Coordinatiecentrum', 'control_room', 1, (70, 90), ['centralist', 'meldkamer', 'operator LOCC']),
    ('le_dlio', 'informatie_analyse', 'Real Time Intelligence Center', 'rtic', 1, (45, 60), ['RTIC-analist', 'analist', 'informatierechercheur']),
    ('le_dlio', 'specialistisch', 'Landelijke Criminele Inlichtingen Eenheid', 'cie', 1, (30, 42), ['CIE-runner', 'CIE-analist', 'CIE']),
    ('le_dlio', 'intake_service', 'Landelijk Meldpunt Internetoplichting', 'intake', 1, (50, 70), ['intake', 'intaker', 'servicemedewerker']),
    ('le_dlio', 'ondersteuning', 'Functioneel Beheer Politiesystemen', 'data_quality', 1, (18, 26), ['functioneel beheerder', 'gegevensbeheer']),
    ('le_dlio', '', 'Programma Informatievoorziening 2027', 'none', 1, (14, 22), ['projectleider', 'architect', '']),
    ('le_dsi', 'specialistisch', 'DSI Aanhoudings- en Ondersteuningsteam %s', 'arrest', 3, (35, 48), ['operator', 'AOT-operator', 'interventie']),
    ('le_staf', 'staf', 'Staf HRM en Financien', 'none', 1, (50, 70), ['HR-adviseur', 'controller', 'secretaresse', '']),
    ('le_staf', 'staf', 'Veiligheid, Integriteit en Klachten', 'vik', 1, (14, 20), ['VIK-onderzoeker', 'rechercheur VIK']),
    ('le_staf', 'ondersteuning', 'Bureau Screening', 'screening', 1, (14, 22), ['screener', 'medewerker screening']),
    ('le_staf', 'ondersteuning', 'ICT Servicedesk', 'ict', 1, (18, 28), ['ICT-beheer', 'servicedesk']),
]
SUBNAMES = {'Team Ondermijning %s': ['Noord', 'Oost', 'Zuid', 'West', 'Midden', 'Internationaal'],
            'Verkeerspolitie %s': ['Noord', 'Oost', 'Zuid', 'West'],
            'Waterpolitie %s': ['Rijn en IJssel', 'Delta'],
            'DSI Aanhoudings- en Ondersteuningsteam %s': ['Noord', 'Midden', 'Zuid']}
UNITS = [('le_dlr', 'Dienst Landelijke Recherche'), ('le_dkdb', 'Dienst Koninklijke en Diplomatieke Beveiliging'),
         ('le_di', 'Dienst Infrastructuur'), ('le_dlio', 'Dienst Landelijke Informatieorganisatie'),
         ('le_dsi', 'Dienst Speciale Interventies'), ('le_staf', 'Staf Landelijke Eenheid')]
REGIONAL = ['noord_nederland', 'oost_nederland', 'midden_nederland', 'noord_holland', 'amsterdam', 'den_haag',
            'rotterdam', 'zeeland_west_brabant', 'oost_brabant', 'limburg']

RANKS = {
    'detective': (['agent', 'hoofdagent', 'brigadier', 'inspecteur', 'hoofdinspecteur', 'burger'], [4, 28, 40, 16, 4, 8]),
    'dlr_analyst': (['hoofdagent', 'brigadier', 'inspecteur', 'burger'], [10, 20, 10, 60]),
    'witness_protection': (['hoofdagent', 'brigadier', 'inspecteur'], [30, 50, 20]),
    'protection': (['agent', 'hoofdagent', 'brigadier', 'inspecteur'], [10, 45, 35, 10]),
    'venue': (['agent', 'hoofdagent', 'brigadier', 'burger'], [20, 40, 20, 20]),
    'threat_analyst': (['brigadier', 'inspecteur', 'burger'], [30, 20, 50]),
    'traffic': (['surveillant', 'aspirant', 'agent', 'hoofdagent', 'brigadier', 'inspecteur'], [3, 3, 25, 45, 20, 4]),
    'water': (['agent', 'hoofdagent', 'brigadier', 'inspecteur'], [25, 45, 25, 5]),
    'rail': (['agent', 'hoofdagent', 'brigadier', 'inspecteur'], [30, 45, 20, 5]),
    'port': (['agent', 'hoofdagent', 'brigadier', 'inspecteur', 'burger'], [20, 40, 20, 5, 15]),
    'accident': (['hoofdagent', 'brigadier', 'inspecteur'], [30, 55, 15]),
    'aviation': (['hoofdagent', 'brigadier', 'inspecteur', 'burger'], [20, 30, 20, 30]),
    'control_room': (['agent', 'hoofdagent', 'brigadier', 'burger'], [10, 35, 20, 35]),
    'rtic': (['hoofdagent', 'brigadier', 'inspecteur', 'burger'], [20, 30, 10, 40]),
    'cie': (['brigadier', 'inspecteur', 'hoofdinspecteur'], [50, 40, 10]),
    'intake': (['agent', 'hoofdagent', 'burger', 'extern'], [15, 15, 60, 10]),
    'data_quality': (['burger', 'extern', ''], [60, 35, 5]),
    'none': (['burger', 'inspecteur', 'hoofdinspecteur', 'commissaris', 'extern', ''], [60, 10, 8, 4, 14, 4]),
    'arrest': (['hoofdagent', 'brigadier', 'inspecteur'], [40, 45, 15]),
    'vik': (['brigadier', 'inspecteur', 'hoofdinspecteur', 'burger'], [30, 40, 10, 20]),
    'screening': (['burger', 'brigadier'], [80, 20]),
    'ict': (['extern', 'burger'], [70, 30]),
}
# look-ups per worked shift (mean, before per-person multiplier)
RATE = {'detective': 9, 'dlr_analyst': 26, 'witness_protection': 5, 'protection': 3, 'venue': 14,
        'threat_analyst': 20, 'traffic': 7, 'water': 4, 'rail': 7, 'port': 14, 'accident': 7, 'aviation': 0.3,
        'control_room': 32, 'rtic': 30, 'cie': 16, 'intake': 20, 'data_quality': 14, 'none': 0, 'arrest': 3,
        'vik': 4, 'screening': 9, 'ict': 0.25}
ROSTER = {'detective': 'office', 'dlr_analyst': 'office', 'witness_protection': 'office', 'protection': 'twelve',
          'venue': 'office', 'threat_analyst': 'office', 'traffic': 'rot', 'water': 'rot', 'rail': 'rot',
          'port': 'rot', 'accident': 'office', 'aviation': 'rot', 'control_room': 'rot', 'rtic': 'rot',
          'cie': 'office', 'intake': 'office', 'data_quality': 'office', 'none': 'office', 'arrest': 'office',
          'vik': 'office', 'screening': 'office', 'ict': 'office'}
# share of employees whose hours are not in the roster export
NOROSTER = {'detective': 0.12, 'dlr_analyst': 0.06, 'cie': 0.25, 'none': 0.35, 'ict': 1.0, 'vik': 0.3,
            'witness_protection': 0.2, 'threat_analyst': 0.05}


def build_org(w):
    rng = w.rng
    w.teams = []       # dicts
    w.emps = []        # dicts
    scale = rng.uniform(0.95, 1.2)
    eid_pool = rng.sample(range(100000, 999999), 4000)
    en = 0
    ucount = {}
    for unit, kind, name, beh, n, (lo, hi), funcs in TEAMSPEC:
        subs = SUBNAMES.get(name, [None])
        for k in range(n):
            tname = name % subs[k] if '%s' in name else name
            ucount[unit] = ucount.get(unit, 0) + 1
            words = [x for x in tname.replace('-', ' ').replace(',', ' ').split() if x[0].isupper() and x not in ('Team', 'DSI')]
            tid = 'LE-%s-%02d-%s' % (unit.split('_')[1].upper(), ucount[unit], ''.join(x[:3].upper() for x in words[:3]))
            team = {'id': tid, 'unit': unit, 'kind': kind, 'name': tname, 'beh': beh, 'members': []}
            w.teams.append(team)
            size = int(rng.randint(lo, hi) * scale)
            rk, rw = RANKS[beh]
            for m in range(size):
                rank = rng.choices(rk, weights=rw)[0]
                if m == 0 and beh not in ('ict',):
                    rank = rng.choice(['inspecteur', 'hoofdinspecteur']) if beh != 'none' else 'commissaris'
                eid = 'E%d' % eid_pool[en]
                en += 1
                e = {'id': eid, 'unit': unit, 'team': team, 'rank': rank, 'beh': beh,
                     'func': rng.choice(funcs), 'mult': math.exp(rng.gauss(0, 0.45)), 'lead': m == 0,
                     'person': None, 'linked': True, 'cases': [], 'rel': {}, 'cousins': [],
                     'transfer': None, 'shifts': [], 'work': []}
                if rank == 'extern':
                    e['func'] = 'extern ' + (e['func'] or 'medewerker')
                w.emps.append(e)
                team['members'].append(e)
    w.emp_by_id = {e['id']: e for e in w.emps}
    # a few employees with an unknown team
    for e in rng.sample(w.emps, 6):
        e['team_unknown'] = True
    # transfers within detective teams / traffic teams (employees.csv gives the later state as a second row)
    for beh in ('detective', 'traffic'):
        pool = [e for e in w.emps if e['beh'] == beh and not e['lead']]
        tms = [t for t in w.teams if t['beh'] == beh]
        for e in rng.sample(pool, max(2, len(pool) // 60)):
            new = rng.choice([t for t in tms if t is not e['team']])
            e['transfer'] = (rng.randint(6, 22), e['team'], new)

    # families and own person records
    for e in w.emps:
        by = rng.randint(1962, 2003)
        sur = w.surname()
        size = 1
        has_partner = rng.random() < (0.62 if by < 1995 else 0.35)
        nkids = rng.choice([0, 0, 1, 2, 2, 3]) if (has_partner and by < 1993) else 0
        hh = w.add_household(1 + (1 if has_partner else 0), sur=sur, adults_by=by)
        me = hh[0]
        e['person'] = me
        rel = e['rel']
        if has_partner:
            rel[hh[1]] = 'partner'
        for k in range(nkids):
            c = w.new_person(sur, rng.randint(max(by + 20, 1990), 2024), w.P_pc[me], w.P_hn[me], '', w.P_city[me])
            w.pc_members[w.P_pc[me]].append(c)
            rel[c] = 'child'
        if rng.random() < 0.05:
            c = w.new_person(w.surname(), rng.randint(1940, 2005), w.P_pc[me], w.P_hn[me], '', w.P_city[me])
            w.pc_members[w.P_pc[me]].append(c)
            rel[c] = 'household'
        if rng.random() < 0.7:
            par = w.add_household(rng.choice([1, 2, 2]), sur=sur, adults_by=by - rng.randint(22, 36))
            for p in par:
                w.P_by[p] = by - rng.randint(22, 38)
                rel[p] = 'parent'
        for k in range(rng.choice([0, 1, 1, 2, 3])):
            sib = w.add_household(rng.choice([1, 2, 3]), sur=sur if rng.random() < 0.75 else None)
            w.P_by[sib[0]] = by + rng.randint(-8, 8)
            rel[sib[0]] = 'sibling'
        if rng.random() < 0.13:
            ex = w.add_household(rng.choice([1, 2, 3]))
            w.P_by[ex[0]] = by + rng.randint(-6, 6)
            rel[ex[0]] = 'ex_partner'
        # cousins / uncles carrying the same surname, never in relations.csv
        if rng.random() < 0.5:
            for k in range(rng.randint(1, 3)):
                cz = w.add_household(rng.choice([1, 2, 3]), sur=sur)
                e['cousins'].append(cz[0])
        e['surname'] = sur
    # spouses who are both employees (partner and colleague)
    pairs = rng.sample([e for e in w.emps if not any(k == 'partner' for k in e['rel'].values())], 30)
    for a, b in zip(pairs[0::2], pairs[1::2]):
        a['rel'][b['person']] = 'partner'
        b['rel'][a['person']] = 'partner'
    # person_id link missing for contractors and some others
    for e in w.emps:
        if e['rank'] == 'extern' and rng.random() < 0.8:
            e['linked'] = False
        elif rng.random() < 0.04:
            e['linked'] = False
    w.emp_persons = [e['person'] for e in w.emps]


# --------------------------------------------------------------------------- rosters
def build_rosters(w):
    rng = w.rng
    easter = set(range(18, 23))  # around Easter (5/6 April 2026) more leave
    for e in w.emps:
        kind = ROSTER[e['beh']]
        e['recorded'] = rng.random() >= NOROSTER.get(e['beh'], 0.0)
        leave = set()
        if rng.random() < 0.22:
            st = rng.randint(0, NDAYS - 5) if rng.random() < 0.6 else rng.randint(16, 21)
            leave |= set(range(st, st + rng.randint(3, 9)))
        for d in range(NDAYS):
            if rng.random() < 0.025:
                leave.add(d)
        shifts = []
        if kind == 'office':
            offday = rng.randint(0, 4) if rng.random() < 0.25 else None
            for d in range(NDAYS):
                wd = (d % 7)
                if d in leave:
                    continue
                if wd >= 5:
                    if e['beh'] in ('detective', 'arrest', 'cie') and rng.random() < 0.06:
                        h = rng.choice([9, 10, 13])
                        shifts.append((lt(d, h), lt(d, h + 6)))
                    continue
                if wd == offday:
                    continue
                sm = rng.choice([7 * 60 + 30, 8 * 60, 8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60 + 30])
                ln = rng.choice([8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60])
                if e['beh'] == 'detective' and rng.random() < 0.05:   # tap room / evening shift
                    sm, ln = 15 * 60, 8 * 60 + 30
                s = lt(d, 0, sm)
                shifts.append((s, s + ln * 60))
        elif kind == 'rot':
            phase = rng.randrange(10)
            pat = ['E', 'E', 'L', 'L', 'N', 'N', 'O', 'O', 'O', 'O']
            for d in range(-1, NDAYS):
                p = pat[(d + phase) % 10]
                if p == 'O' or d in leave:
                    continue
                if e.get('parttime') is None:
                    e['parttime'] = rng.random() < 0.15
                if e['parttime'] and (d + phase) % 10 == 1:
                    continue
                if p == 'E':
                    s, en = lt(d, 7), lt(d, 15)
                elif p == 'L':
                    s, en = lt(d, 15), lt(d, 23)
                else:
                    s, en = lt(d, 23), lt(d + 1, 7)
                shifts.append((s, en))
        elif kind == 'twelve':
            phase = rng.randrange(8)
            pat = ['D', 'D', 'N', 'N', 'O', 'O', 'O', 'O']
            for d in range(-1, NDAYS):
                p = pat[(d + phase) % 8]
                if p == 'O' or d in leave:
                    continue
                if p == 'D':
                    shifts.append((lt(d, 7), lt(d, 19)))
                else:
                    shifts.append((lt(d, 19), lt(d + 1, 7)))
        e['shifts'] = shifts
        # actual working windows (overtime not always recorded)
        work = []
        rec = []
        for (s, en) in shifts:
            x = en
            if rng.random() < 0.07:
                x = en + rng.randint(30, 150) * 60
                if rng.random() < 0.5:
                    rec.append((en, x, 'overtime'))
            work.append((s, x))
            if rng.random() < 0.02:
                continue  # roster row lost in the export
            rec.append((s, en, 'shift'))
        e['work'] = work
        e['rec_shifts'] = rec if e['recorded'] else []
    # state visit abroad (Koninklijk Huis): shifts written in local time of the host country (+07:00)
    kh = [t for t in w.teams if t['name'] == 'Beveiliging Koninklijk Huis'][0]
    w.state_visit = rng.randint(8, 20)
    w.visit_team = rng.sample(kh['members'], min(14, len(kh['members'])))
    for e in w.visit_team:
        for k in range(3):
            d = w.state_visit + k
            s = lt(d, 1)  # 08:00 in +07:00 = 01:00/02:00 local NL
            en = s + 12 * 3600
            e['work'] = [x for x in e['work'] if day_of(x[0]) != d] + [(s, en)]
            if e['recorded']:
                e['rec_shifts'] = [x for x in e['rec_shifts'] if day_of(x[0]) != d] + [(s, en, 'abroad')]
        e['work'].sort()


# --------------------------------------------------------------------------- cases
class Cases:
    def __init__(self):
        self.rows = []
        self.byid = {}

    def add(self, cid, kind, unit, team, opened, closed, sens, persons, staff=None):
        c = {'id': cid, 'kind': kind, 'unit': unit, 'team': team, 'opened': opened, 'closed': closed,
             'sens': sens, 'persons': persons, 'staff': staff or []}
        self.rows.append(c)
        self.byid[cid] = c
        return c


def build_cases(w):
    rng = w.rng
    C = w.cases = Cases()
    seq = {'n': rng.randint(10000, 30000)}

    def nid(fmt):
        seq['n'] += rng.randint(1, 7)
        return fmt % seq['n']
    w.nid = nid
    w.investigations = []
    # DLR investigations (Summit)
    for t in w.teams:
        if t['beh'] != 'detective':
            continue
        for k in range(rng.randint(3, 6)):
            od = rng.randint(-420, 22) if rng.random() < 0.85 else rng.randint(-900, -420)
            closed = None
            if rng.random() < 0.14:
                closed = ('date', rng.randint(max(od + 1, 3), NDAYS - 1))
            sens = rng.random() < 0.68
            persons = []
            for i in rng.sample(w.milieu, rng.randint(3, 14)):
                persons.append((i, rng.choice(['verdachte', 'verdachte', 'Verdachte', 'vdt'])))
            for i in rng.sample(w.milieu, rng.randint(4, 25)):
                persons.append((i, rng.choice(['betrokkene', 'betrokkene', '', 'contact', 'NN-relatie'])))
            for k2 in range(rng.randint(2, 10)):
                persons.append((rng.randrange(w.n_general), rng.choice(['getuige', 'getuige', 'slachtoffer', 'aangever'])))
            if rng.random() < 0.15:   # foreign suspects not in the person register export
                for k2 in range(rng.randint(1, 4)):
                    persons.append((w.new_person(w.surname(), rng.randint(1960, 2002), '', '', '', '', in_file=False), 'verdachte'))
            seen = set()
            persons = [p for p in persons if not (p[0] in seen or seen.add(p[0]))]
            cid = nid('26DLR%06d') if od >= -75 else nid('25DLR%06d')
            c = C.add(cid, 'investigation', 'le_dlr', t if rng.random() > 0.07 else None,
                      ('date', od), closed, ('summit', sens), persons)
            c['owner'] = t
            mem = [m for m in t['members']]
            staff = rng.sample(mem, min(len(mem), rng.randint(5, 15)))
            c['onteam'] = staff
            for m in staff:
                m['cases'].append(c)
                if rng.random() < 0.82:
                    fr = ('date', od + rng.randint(0, 30)) if rng.random() < 0.85 else None
                    c['staff'].append((m['id'], fr, None))
            if c['team'] is None:   # joint investigation led elsewhere: everyone is on case_staff
                for m in staff:
                    if not any(s[0] == m['id'] for s in c['staff']):
                        c['staff'].append((m['id'], None, None))
            w.investigations.append(c)
    # detectives without any case work on the team's cases
    for e in w.emps:
        if e['beh'] == 'detective' and not e['cases']:
            own = [c for c in w.investigations if c.get('owner') is e['team']]
            e['cases'] = rng.sample(own, min(2, len(own)))
    # DLR analysts: assigned to investigations of several teams
    for e in w.emps:
        if e['beh'] == 'dlr_analyst':
            for c in rng.sample(w.investigations, rng.randint(1, 3)):
                e['cases'].append(c)
                if rng.random() < 0.85:
                    c['staff'].append((e['id'], ('date', rng.randint(-60, 10)) if rng.random() < 0.7 else None, None))
    # bijstand: detectives temporarily helping another team
    for e in rng.sample([e for e in w.emps if e['beh'] == 'detective'], 40):
        others = [c for c in w.investigations if c.get('owner') is not e['team']]
        c = rng.choice(others)
        d0 = rng.randint(0, NDAYS - 6)
        d1 = d0 + rng.randint(2, 6)
        e['bijstand'] = (c, d0, d1)
        if rng.random() < 0.75:
            c['staff'].append((e['id'], ('date', d0), ('date', d1)))
    # witness protection
    wp = [t for t in w.teams if t['beh'] == 'witness_protection'][0]
    for grp in w.wp_groups:
        persons = [(grp[0], 'beschermde getuige')] + [(i, 'gezinslid') for i in grp[1:]]
        for i in rng.sample(w.milieu, rng.randint(0, 3)):
            persons.append((i, 'dreiging'))
        c = C.add(nid('26GB%05d'), 'investigation', 'le_dlr', wp, ('date', rng.randint(-1500, 0)), None, ('bool', True), persons)
        for m in rng.sample(wp['members'], 3):
            m['cases'].append(c)
            if rng.random() < 0.9:
                c['staff'].append((m['id'], ('date', rng.randint(-300, 0)), None))
    # CIE registrations (sensitive)
    cie = [t for t in w.teams if t['beh'] == 'cie'][0]
    w.cie_cases = []
    for k in range(rng.randint(35, 50)):
        persons = [(i, rng.choice(['subject', 'subject', 'relatie'])) for i in rng.sample(w.milieu, rng.randint(2, 10))]
        c = C.add(nid('CIE-%05d'), 'investigation', 'le_dlio', cie, ('date', rng.randint(-700, 15)), None, ('bool', True), persons)
        w.cie_cases.append(c)
    # DKDB protection details
    w.protection = []
    dk = {t['name']: t for t in w.teams if t['unit'] == 'le_dkdb'}
    for grp, tname in ((w.vip_royal, 'Beveiliging Koninklijk Huis'), (w.vip_minister, 'Beveiliging Bewindspersonen'),
                       (w.vip_diplomat, 'Diplomatieke Beveiliging')):
        t = dk[tname]
        for i in grp:
            persons = [(i, 'beveiligde')]
            if w.P_pc[i]:
                for j in w.pc_members.get(w.P_pc[i], [])[:0]:
                    pass
            for j in rng.sample(w.threatened + w.milieu[:300], rng.randint(0, 2)):
                pass
            for k in range(rng.randint(0, 4)):
                persons.append((rng.randrange(w.n_general), rng.choice(['dreiger', 'dreiger', 'onbekend'])))
            for k in range(rng.randint(0, 3)):
                persons.append((rng.randrange(w.n_general), rng.choice(['chauffeur', 'huishouding', 'medewerker'])))
            c = C.add(nid('DKDB-%04d'), 'investigation', 'le_dkdb', t if rng.random() < 0.9 else None,
                      ('date', rng.randint(-2000, -10)), None, ('dkdb', rng.random() < 0.5), persons)
            c['protectee'] = i
            w.protection.append(c)
            for m in rng.sample(t['members'], min(len(t['members']), rng.randint(4, 12))):
                m['cases'].append(c)
                if rng.random() < 0.6 or c['team'] is None:
                    c['staff'].append((m['id'], ('date', rng.randint(-400, -1)) if rng.random() < 0.8 else None, None))
    for e in w.emps:
        if e['beh'] == 'protection' and not e['cases']:
            own = [c for c in w.protection if c['team'] is e['team']]
            if own:
                e['cases'] = rng.sample(own, min(2, len(own)))
    # VIK integrity investigations: colleagues are the persons
    vik = [t for t in w.teams if t['beh'] == 'vik'][0]
    w.vik_cases = []
    for k in range(rng.randint(4, 8)):
        subj = rng.choice(w.emps)
        persons = [(subj['person'], 'betrokkene')]
        for e2 in rng.sample(subj['team']['members'], min(3, len(subj['team']['members']))):
            if e2 is not subj:
                persons.append((e2['person'], 'getuige'))
        c = C.add(nid('VIK-LE-2026-%03d'), 'investigation', 'le_staf', vik, ('date', rng.randint(-120, 20)), None, ('bool', True), persons)
        for m in rng.sample(vik['members'], 2):
            m['cases'].append(c)
            c['staff'].append((m['id'], c['opened'], None))
        w.vik_cases.append(c)
    for e in w.emps:
        if e['beh'] == 'witness_protection' and not e['cases']:
            own = [c for c in C.rows if c['team'] is e['team']]
            e['cases'] = rng.sample(own, min(3, len(own)))
        if e['beh'] == 'vik' and not e['cases']:
            e['cases'] = rng.sample(w.vik_cases, 1)
    # regional cases that reach the national unit (RTIC requests, national incidents)
    w.regional_req = []
    for d in range(-3, NDAYS):
        for k in range(rng.randint(35, 60)):
            u = rng.choice(REGIONAL)
            persons = [(i, rng.choice(['verdachte', 'betrokkene', '', 'vermist', 'getuige'])) for i in
                       rng.sample(range(w.n_general), rng.randint(1, 7))]
            if rng.random() < 0.25:
                persons.append((rng.choice(w.milieu), 'verdachte'))
            op = lt(d, rng.randint(0, 23), rng.randint(0, 59))
            kind = 'investigation' if rng.random() < 0.55 else 'incident'
            c = C.add(nid('2026-' + u[:3].upper() + '-%06d'), kind, u, None,
                      ('ts', op) if kind == 'incident' else ('date', d - rng.randint(0, 60)), None, ('empty', False), persons)
            c['t'] = op
            w.regional_req.append(c)
    w.regional_by_day = {}
    for c in w.regional_req:
        w.regional_by_day.setdefault(day_of(c['t']), []).append(c)


# --------------------------------------------------------------------------- events
SYS_W = {
    'detective': (['summit', 'bvh', 'blueview', 'brp', 'rdw'], [55, 18, 15, 8, 4]),
    'dlr_analyst': (['summit', 'blueview', 'bvh', 'brp'], [50, 30, 12, 8]),
    'witness_protection': (['summit', 'brp', 'bvh'], [50, 30, 20]),
    'protection': (['bvh', 'blueview', 'brp'], [55, 30, 15]),
    'venue': (['bvh', 'blueview', 'brp'], [50, 35, 15]),
    'threat_analyst': (['blueview', 'bvh', 'brp', 'summit'], [40, 30, 20, 10]),
    'traffic': (['bvh', 'rdw', 'brp', 'meos', 'blueview'], [42, 25, 8, 20, 5]),
    'water': (['bvh', 'meos', 'brp'], [55, 35, 10]),
    'rail': (['bvh', 'meos', 'brp'], [50, 40, 10]),
    'port': (['bvh', 'meos', 'brp', 'blueview'], [40, 30, 10, 20]),
    'accident': (['bvh', 'rdw', 'brp', 'summit'], [45, 25, 15, 15]),
    'aviation': (['bvh'], [1]),
    'control_room': (['bvh', 'blueview', 'rdw', 'brp'], [55, 25, 10, 10]),
    'rtic': (['blueview', 'bvh', 'summit', 'brp', 'rdw'], [45, 25, 12, 10, 8]),
    'cie': (['summit', 'blueview', 'brp'], [50, 35, 15]),
    'intake': (['bvh', 'brp', 'blueview'], [70, 20, 10]),
    'data_quality': (['bvh', 'brp', 'summit'], [60, 25, 15]),
    'arrest': (['summit', 'bvh', 'brp', 'blueview'], [35, 35, 15, 15]),
    'vik': (['blueview', 'bvh', 'summit'], [50, 30, 20]),
    'screening': (['bvh', 'brp', 'blueview'], [45, 35, 20]),
    'ict': (['bvh', 'summit'], [60, 40]),
    'none': (['bvh'], [1]),
}


class Log:
    def __init__(self, rng):
        self.rng = rng
        self.ev = []   # (t, ms, emp, system, action, pid_index, case_id, source, incident, scenario)

    def add(self, t, e, pid, src, case=None, action=None, system=None, inc=None, scen=None):
        rng = self.rng
        if system is None:
            s, sw = SYS_W[e['beh']]
            system = rng.choices(s, weights=sw)[0]
        if action is None:
            r = rng.random()
            action = 'query' if r < 0.56 else ('view' if r < 0.993 else ('export' if r < 0.997 else 'print'))
        self.ev.append((int(t), rng.randrange(1000), e['id'], system, action, pid, case, src, inc, scen))


def in_work(e, t):
    for s, x in e['work']:
        if s <= t <= x:
            return True
    return False


def gen_legit(w):
    rng = w.rng
    log = w.log = Log(rng)
    C = w.cases
    w.di_incidents = []   # (t, case)

    def tin(s, en, pad=600):
        a, b = s + pad, en - pad
        if b <= a:
            return s
        return rng.randint(a, b)

    def pick_person(c, suspect_bias=True):
        ps = c['persons']
        if suspect_bias and rng.random() < 0.55:
            sus = [p for p in ps if p[1] in ('verdachte', 'Verdachte', 'vdt', 'subject', 'beveiligde')]
            if sus:
                return rng.choice(sus)[0]
        return rng.choice(ps)[0]

    def team_at(e, d):
        tr = e['transfer']
        if tr and d < tr[0]:
            return tr[1]
        if tr:
            return tr[2]
        return e['team']

    dsi_ops = []
    # DSI operations on DLR investigations
    dsi_teams = [t for t in w.teams if t['beh'] == 'arrest']
    for t in dsi_teams:
        d = rng.randint(1, 4)
        while d < NDAYS:
            if d % 7 < 5:
                c = rng.choice([c for c in w.investigations if c['closed'] is None or c['closed'][1] > d])
                sus = [p[0] for p in c['persons'] if p[1] in ('verdachte', 'Verdachte', 'vdt')] or [c['persons'][0][0]]
                targets = rng.sample(sus, min(len(sus), rng.randint(1, 3)))
                ops = rng.sample(t['members'], min(len(t['members']), rng.randint(6, 11)))
                dsi_ops.append((d, t, c, targets, ops))
            d += rng.randint(2, 5)
    w.dsi_ops = dsi_ops
    op_by_emp_day = {}
    for (d, t, c, targets, ops) in dsi_ops:
        start = lt(d, 3)
        present = [rng.randrange(w.n_general) for k in range(rng.randint(0, 3))]
        ic = C.add(w.nid('LE%08d'), 'incident', 'le_dsi', t, ('ts', lt(d, 6, rng.randint(0, 40))),
                   ('ts', lt(d, 11)) if rng.random() < 0.6 else ('date', d), ('empty', False),
                   [(p, 'aangehouden') for p in targets] + [(p, 'aanwezig') for p in present])
        rec = rng.random() < 0.6
        for m in ops:
            if rec:
                c['staff'].append((m['id'], ('ts', start), ('date', d)))
            op_by_emp_day[(m['id'], d)] = (c, ic, targets, present)
            # the operation shift itself
            m['work'].append((start, lt(d, 13)))
            if m['recorded']:
                m['rec_shifts'].append((start, lt(d, 13), 'operation'))
            # preparation 1-2 days earlier, in office hours
            for pd in range(d - 2, d):
                ws = [x for x in m['work'] if day_of(x[0]) == pd and x[0] != start]
                if ws and rng.random() < 0.6:
                    s, en = ws[0]
                    for p in targets:
                        for k in range(rng.randint(1, 3)):
                            log.add(tin(s, en), m, p, 'arrest_preparation', case=c['id'] if rng.random() < 0.5 else None)
            for k in range(rng.randint(1, 4)):
                p = rng.choice(targets + present)
                log.add(rng.randint(lt(d, 5), lt(d, 12)), m, p, 'arrest_operation', case=ic['id'] if rng.random() < 0.3 else None)
    for e in w.emps:
        e['work'].sort()

    # venue screening events (DKDB)
    venue = [t for t in w.teams if t['beh'] == 'venue'][0]
    w.venue_events = []
    for d in range(0, NDAYS + 2):
        for k in range(rng.choice([0, 1, 1, 2])):
            guests = [(rng.randrange(w.n_general), 'bezoeker') for j in range(rng.randint(10, 60))]
            if rng.random() < 0.5:
                guests.append((rng.choice(w.vips), 'gast'))
            ev = C.add(w.nid('LE%08d'), 'incident', 'le_dkdb', venue if rng.random() < 0.92 else None,
                       ('ts', lt(d, rng.randint(10, 20))), ('date', d) if rng.random() < 0.7 else None, ('empty', False), guests)
            ev['d'] = d
            w.venue_events.append(ev)

    # control-room view of incidents: filled as DI incidents are made; regional incidents added
    for c in w.regional_req:
        if c['kind'] == 'incident':
            w.di_incidents.append((c['t'], c))

    intake = [t for t in w.teams if t['beh'] == 'intake'][0]
    fb = [t for t in w.teams if t['beh'] == 'data_quality'][0]
    scr = [t for t in w.teams if t['beh'] == 'screening'][0]
    thr = [t for t in w.teams if t['beh'] == 'threat_analyst'][0]
    w.intake_cases = []
    followups = []

    order = ['arrest', 'traffic', 'water', 'rail', 'port', 'accident', 'aviation', 'detective', 'dlr_analyst',
             'witness_protection', 'protection', 'venue', 'threat_analyst', 'rtic', 'cie', 'intake',
             'data_quality', 'vik', 'screening', 'ict', 'control_room', 'none']
    for beh in order:
        for e in [x for x in w.emps if x['beh'] == beh]:
            for (s, en) in e['work']:
                d = day_of(s)
                if d < 0 or d >= NDAYS:
                    continue
                lam = RATE[beh] * e['mult'] * (en - s) / (8.5 * 3600)
                if (e['id'], d) in op_by_emp_day:
                    continue
                if beh in ('traffic', 'water', 'rail', 'port', 'accident'):
                    team = team_at(e, d)
                    # incidents on this shift
                    ninc = poisson(rng, {'traffic': 1.3, 'water': 0.6, 'rail': 1.1, 'port': 0.9, 'accident': 0.35}[beh] * e['mult'])
                    for k in range(ninc):
                        t0 = tin(s, en, 900)
                        npers = rng.choice([1, 1, 2, 2, 3, 4]) if beh != 'port' else rng.randint(3, 30)
                        persons = []
                        for j in range(npers):
                            r = rng.random()
                            if r < 0.06:
                                persons.append((rng.choice(w.milieu), rng.choice(['verdachte', 'bestuurder'])))
                            elif r < 0.06 + (0.25 if beh == 'port' else 0.03):
                                persons.append((w.new_person(w.surname(), rng.randint(1950, 2005), '', '', '', '', in_file=False),
                                                rng.choice(['bemanningslid', 'passagier', 'betrokkene'])))
                            else:
                                persons.append((rng.randrange(w.n_general), rng.choice(['bestuurder', 'passagier', 'betrokkene', 'getuige', 'verdachte', ''])))
                        r = rng.random()
                        opened = ('ts', t0) if r < 0.7 else (('tsl', t0) if r < 0.95 else ('date', day_of(t0)))
                        r = rng.random()
                        closed = ('ts', t0 + rng.randint(3600, 6 * 3600)) if r < 0.6 else (('date', day_of(t0) + rng.randint(0, 3)) if r < 0.85 else None)
                        c = C.add(w.nid('LE%08d'), 'incident', 'le_di', team if rng.random() < 0.85 else None,
                                  opened, closed, ('di', False), persons)
                        c['t'] = t0
                        if rng.random() < 0.4:
                            c['staff'].append((e['id'], ('ts', t0), None if rng.random() < 0.3 else ('date', day_of(t0))))
                        w.di_incidents.append((t0, c))
                        src = 'incident_response' if beh != 'accident' else 'accident_investigation'
                        for p, role in persons[:12] if beh == 'port' else persons:
                            for j in range(rng.choice([1, 1, 2, 3])):
                                tt = min(en - 60, max(s + 60, t0 + rng.randint(-900, 5400)))
                                log.add(tt, e, p, src if beh != 'port' else 'vessel_check', case=c['id'] if rng.random() < 0.3 else None)
                        # the colleague in the same car also looks them up
                        mates = [m for m in team['members'] if m is not e and m['beh'] == beh and in_work(m, t0)] if rng.random() < 0.5 else []
                        if mates:
                            m = rng.choice(mates)
                            for p, role in persons[:3]:
                                log.add(min(en - 60, t0 + rng.randint(0, 3600)), m, p, 'incident_response')
                        if rng.random() < 0.4:
                            followups.append((e, c))
                    # roadside / station / quay checks, most of which leave an incident record
                    nchk = poisson(rng, {'traffic': 2.2, 'water': 1.0, 'rail': 1.8, 'port': 2.5, 'accident': 0.2}[beh] * e['mult'])
                    for k in range(nchk):
                        t0 = tin(s, en, 300)
                        p = rng.choice(w.milieu) if rng.random() < 0.05 else rng.randrange(w.n_general)
                        if rng.random() < 0.7:
                            c = C.add(w.nid('LE%08d'), 'incident', 'le_di', team if rng.random() < 0.8 else None,
                                      ('ts', t0 + rng.randint(0, 600)), ('ts', t0 + rng.randint(900, 3600)) if rng.random() < 0.7 else None,
                                      ('di', False), [(p, rng.choice(['bestuurder', 'gecontroleerde', 'betrokkene']))])
                            c['t'] = t0
                            w.di_incidents.append((t0, c))
                        for j in range(rng.choice([1, 1, 2])):
                            log.add(t0 + j * rng.randint(5, 90), e, p, 'street_check',
                                    system=rng.choice(['rdw', 'bvh', 'meos']) if beh == 'traffic' else None)
                    continue
                if beh == 'aviation':
                    for k in range(poisson(rng, lam)):
                        c = rng.choice(w.regional_by_day.get(d, w.regional_req[:5]))
                        log.add(tin(s, en), e, c['persons'][0][0], 'search_flight', case=c['id'] if rng.random() < 0.8 else None)
                    continue
                n = poisson(rng, lam)
                if beh == 'detective':
                    team = team_at(e, d)
                    cs = [c for c in e['cases'] if c.get('owner') is team] or [c for c in w.investigations if c.get('owner') is team]
                    bij = e.get('bijstand')
                    cs = [c for c in cs if (c['opened'][1] <= d + (2 if rng.random() < 0.15 else 0)) and (c['closed'] is None or c['closed'][1] >= d)]
                    if bij and bij[1] <= d <= bij[2]:
                        cs = [bij[0]] * 3 + cs
                    if not cs:
                        continue
                    i = 0
                    while i < n:
                        c = rng.choice(cs)
                        if rng.random() < 0.03:
                            log.add(tin(s, en), e, rng.randrange(w.n_general), 'tip_check')
                            i += 1
                            continue
                        p = pick_person(c)
                        t0 = tin(s, en)
                        gc = c['id'] if rng.random() < 0.45 else None
                        for j in range(rng.choice([1, 1, 2, 3])):
                            src = 'investigation' if not (bij and c is bij[0]) else 'investigation_support'
                            act = None
                            if rng.random() < 0.012:
                                act = rng.choice(['export', 'print'])
                            log.add(min(t0 + j * rng.randint(20, 400), en + 3600), e, p, src, case=gc, action=act)
                            i += 1
                    continue
                if beh == 'dlr_analyst':
                    cs = [c for c in e['cases'] if c['opened'][1] <= d] or e['cases']
                    for k in range(n):
                        if rng.random() < 0.08:
                            c = rng.choice(w.investigations)
                            log.add(tin(s, en), e, pick_person(c), 'link_analysis')
                        elif rng.random() < 0.04:
                            log.add(tin(s, en), e, rng.randrange(w.n_general), 'network_expansion')
                        else:
                            c = rng.choice(cs)
                            log.add(tin(s, en), e, pick_person(c, False), 'case_analysis', case=c['id'] if rng.random() < 0.35 else None)
                    continue
                if beh in ('witness_protection', 'vik'):
                    for k in range(n):
                        c = rng.choice(e['cases'])
                        log.add(tin(s, en), e, pick_person(c), 'protected_witness_care' if beh != 'vik' else 'integrity_investigation',
                                case=c['id'] if rng.random() < 0.3 else None)
                    continue
                if beh == 'protection':
                    for k in range(n):
                        r = rng.random()
                        if r < 0.07 or not e['cases']:
                            log.add(tin(s, en), e, rng.randrange(w.n_general), 'proximity_check')
                        else:
                            c = rng.choice(e['cases'])
                            log.add(tin(s, en), e, rng.choice(c['persons'])[0], 'protection_detail', case=c['id'] if rng.random() < 0.2 else None)
                    continue
                if beh == 'venue':
                    evs = [v for v in w.venue_events if d <= v['d'] <= d + 2]
                    if not evs:
                        continue
                    for k in range(n):
                        v = rng.choice(evs)
                        log.add(tin(s, en), e, rng.choice(v['persons'])[0], 'visitor_screening', case=v['id'] if rng.random() < 0.6 else None)
                    continue
                if beh == 'threat_analyst':
                    k = 0
                    while k < n:
                        t0 = tin(s, en)
                        target = rng.choice(w.vips + w.threatened)
                        threatener = rng.randrange(w.n_general) if rng.random() < 0.85 else rng.choice(w.milieu)
                        c = C.add(w.nid('DRG-2026-%05d'), 'intake', 'le_dkdb', thr, ('ts', t0 - rng.randint(600, 7200)),
                                  None if rng.random() < 0.6 else ('date', d + rng.randint(0, 5)), ('bool', False),
                                  [(threatener, 'dreiger'), (target, 'bedreigde')])
                        if rng.random() < 0.7:
                            c['staff'].append((e['id'], ('ts', t0 - 300), None))
                        for j in range(rng.randint(1, 4)):
                            log.add(t0 + j * rng.randint(30, 600), e, threatener, 'threat_assessment')
                            k += 1
                        if rng.random() < 0.5:
                            log.add(t0 + rng.randint(60, 900), e, target, 'threat_assessment')
                            k += 1
                        if rng.random() < 0.12 and w.P_pc[threatener]:
                            hh = [x for x in w.pc_members.get(w.P_pc[threatener], []) if w.P_hn[x] == w.P_hn[threatener] and x != threatener]
                            if hh:
                                log.add(t0 + rng.randint(60, 900), e, hh[0], 'threat_household_check')
                                k += 1
                    continue
                if beh == 'rtic':
                    k = 0
                    reqs = w.regional_by_day.get(d, []) + w.regional_by_day.get(d - 1, [])
                    while k < n and reqs:
                        if rng.random() < 0.15:
                            recent = [c for c in reqs if c['kind'] == 'incident' and s - 3600 <= c['t'] <= en]
                            if recent:
                                c = rng.choice(recent)
                                log.add(tin(s, en), e, c['persons'][0][0], 'realtime_support')
                                k += 1
                                continue
                        c = rng.choice(reqs)
                        t0 = tin(s, en)
                        for p, role in c['persons']:
                            for j in range(rng.choice([1, 1, 2])):
                                log.add(t0 + rng.randint(0, 1800), e, p, 'rtic_request', case=c['id'] if rng.random() < 0.85 else None)
                                k += 1
                    continue
                if beh == 'cie':
                    for k in range(n):
                        r = rng.random()
                        if r < 0.72:
                            c = rng.choice(w.cie_cases)
                            log.add(tin(s, en), e, pick_person(c, False), 'cie_registration')
                        elif r < 0.86:
                            c = rng.choice([x for x in w.investigations if x['sens'][1]])
                            log.add(tin(s, en), e, pick_person(c), 'cie_support', case=c['id'] if rng.random() < 0.4 else None)
                        else:
                            log.add(tin(s, en), e, rng.choice(w.milieu), 'informant_check')
                    continue
                if beh == 'intake':
                    k = 0
                    while k < n:
                        t0 = tin(s, en)
                        rep = rng.randrange(w.n_general)
                        sus = []
                        for j in range(1 if rng.random() < 0.85 else 2):
                            if rng.random() < 0.5:
                                sus.append(rng.randrange(w.n_general))
                            else:
                                sus.append(w.new_person(w.surname(), None, '', '', '', '', in_file=False))
                        c = C.add(w.nid('INT-2026-%06d'), 'intake', 'le_dlio', intake, ('ts', t0),
                                  ('date', d) if rng.random() < 0.5 else None, ('', False),
                                  [(rep, 'aangever')] + [(x, 'verdachte') for x in sus])
                        if rng.random() < 0.75:
                            c['staff'].append((e['id'], ('ts', t0), ('date', d) if rng.random() < 0.5 else None))
                        w.intake_cases.append(c)
                        for j in range(rng.choice([1, 1, 2])):
                            log.add(t0 + rng.randint(0, 600), e, rep, 'fraud_report_intake', action='print' if rng.random() < 0.04 else None)
                            k += 1
                        for x in sus:
                            for j in range(rng.randint(1, 3)):
                                log.add(t0 + rng.randint(60, 2400), e, x, 'fraud_report_intake')
                                k += 1
                        if rng.random() < 0.1 and len(w.intake_cases) > 50:
                            o = rng.choice(w.intake_cases[-300:])
                            log.add(t0 + rng.randint(60, 2400), e, o['persons'][-1][0], 'fraud_crosscheck', case=o['id'])
                            k += 1
                    continue
                if beh == 'data_quality':
                    k = 0
                    while k < n:
                        t0 = tin(s, en)
                        if rng.random() < 0.12:
                            log.add(t0, e, rng.choice(w.testp), 'system_test')
                            k += 1
                            continue
                        ps = rng.sample(range(w.n_general), rng.randint(1, 3))
                        c = C.add(w.nid('FB-%06d'), 'intake', 'le_dlio', fb, ('ts', t0 - rng.randint(3600, 5 * DAY)), None, ('', False),
                                  [(p, 'dubbele registratie') for p in ps])
                        for p in ps:
                            log.add(t0 + rng.randint(0, 900), e, p, 'data_quality_ticket', action=rng.choice(['query', 'view', 'view']))
                            k += 1
                    continue
                if beh == 'screening':
                    k = 0
                    while k < n:
                        t0 = tin(s, en)
                        hh = w.add_household(rng.choice([1, 2, 3]))
                        c = C.add(w.nid('SCR-%05d'), 'intake', 'le_staf', scr, ('date', d - rng.randint(0, 20)), None, ('', False),
                                  [(hh[0], 'kandidaat')] + [(x, 'huisgenoot') for x in hh[1:]])
                        for x in hh:
                            log.add(t0 + rng.randint(0, 1200), e, x, 'staff_screening')
                            k += 1
                    continue
                if beh == 'ict':
                    for k in range(n):
                        log.add(tin(s, en), e, rng.choice(w.testp), 'system_test')
                    continue
                if beh == 'arrest':
                    for k in range(n):
                        c = rng.choice(w.investigations)
                        if rng.random() < 0.5:
                            log.add(tin(s, en), e, rng.choice(w.testp), 'training_exercise')
                    continue
    # control room: after all incidents exist
    w.di_incidents.sort(key=lambda x: (x[0], x[1]['id']))
    times = [x[0] for x in w.di_incidents]
    import bisect
    for e in [x for x in w.emps if x['beh'] == 'control_room']:
        for (s, en) in e['work']:
            d = day_of(s)
            if d < 0 or d >= NDAYS:
                continue
            n = poisson(rng, RATE['control_room'] * e['mult'])
            a = bisect.bisect_left(times, s - 3600)
            b = bisect.bisect_right(times, en)
            if b <= a:
                continue
            k = 0
            while k < n:
                if rng.random() < 0.06:
                    log.add(tin(s, en), e, rng.randrange(w.n_general), 'caller_check')
                    k += 1
                    continue
                t0, c = w.di_incidents[rng.randrange(a, b)]
                t1 = min(en - 60, max(s + 60, t0 + rng.randint(0, 3600)))
                for p, role in c['persons'][:rng.randint(1, 3)]:
                    log.add(t1 + rng.randint(0, 300), e, p, 'control_room_dispatch')
                    k += 1
    # follow-up work on incidents (proces-verbaal), days later
    for e, c in followups:
        d0 = day_of(c['t'])
        ws = [x for x in e['work'] if d0 + 1 <= day_of(x[0]) <= d0 + 6 and day_of(x[0]) < NDAYS]
        if not ws:
            continue
        s, en = rng.choice(ws)
        for p, role in c['persons'][:3]:
            log.add(tin(s, en), e, p, 'incident_followup', case=c['id'] if rng.random() < 0.75 else None)
    # team leaders on call (piket) at night, no roster row
    for e in w.emps:
        if e['beh'] == 'detective' and e['rank'] in ('inspecteur', 'hoofdinspecteur'):
            cs = [c for c in w.investigations if c.get('owner') is e['team']]
            for d in range(NDAYS):
                if rng.random() < 0.04 and cs:
                    t0 = lt(d, rng.choice([21, 22, 23]), rng.randint(0, 59))
                    if in_work(e, t0):
                        continue
                    c = rng.choice(cs)
                    for k in range(rng.randint(2, 5)):
                        log.add(t0 + rng.randint(0, 3000), e, pick_person(c), 'on_call')
    # overtime: work after the rostered end (recorded or not) is already inside e['work']


# --------------------------------------------------------------------------- improper
SCEN = ['self', 'family', 'partner', 'ex_partner', 'neighbour', 'surname_relative', 'colleague', 'vip_curiosity',
        'shielded', 'sensitive_investigation', 'off_shift', 'browsing', 'following', 'export_print', 'news_hype',
        'volume_spike']


def gen_improper(w):
    rng = w.rng
    log = w.log
    RW = {'hoofdagent': 3.0, 'brigadier': 3.0, 'agent': 2.0, 'inspecteur': 1.0, 'burger': 0.8, 'surveillant': 1.5,
          'aspirant': 1.0, 'hoofdinspecteur': 0.5, 'extern': 0.7, '': 0.5, 'commissaris': 0.2}
    active = [e for e in w.emps if e['beh'] not in ('none', 'ict', 'aviation') and len(e['work']) >= 5]
    wts = [RW.get(e['rank'], 1.0) for e in active]
    w.incidents = []
    inc_n = [rng.randint(1, 40)]
    used = {}

    def new_inc(scen, e):
        inc_n[0] += rng.randint(1, 3)
        iid = 'I-%04d' % inc_n[0]
        w.incidents.append((iid, scen, e['id']))
        used[e['id']] = used.get(e['id'], 0) + 1
        return iid

    def pick(cond=None, tries=4000):
        for k in range(tries):
            e = rng.choices(active, weights=wts)[0]
            if used.get(e['id'], 0) >= 1 and rng.random() < 0.85:
                continue
            if cond is None or cond(e):
                return e
        return None

    def wtime(e, days=None, pad=900):
        ws = [x for x in e['work'] if 0 <= day_of(x[0]) < NDAYS and (days is None or day_of(x[0]) in days)]
        if not ws:
            return None
        s, en = rng.choice(ws)
        if en - s <= 2 * pad:
            return s + (en - s) // 2
        return rng.randint(s + pad, en - pad)

    def cover_case(e):
        cs = e['cases']
        if cs and rng.random() < 0.2:
            return rng.choice(cs)['id']
        return None

    def spread(e, iid, scen, pid, nev, span_days, system_pref=None, actions=None):
        d0 = rng.randint(0, max(0, NDAYS - span_days - 1))
        days = set(range(d0, d0 + span_days + 1))
        for k in range(nev):
            t = wtime(e, days)
            if t is None:
                t = wtime(e)
            if t is None:
                return
            sysm = None
            if system_pref and rng.random() < 0.5:
                sysm = rng.choice(system_pref)
            act = actions[k % len(actions)] if actions else rng.choice(['query', 'view', 'view'])
            log.add(t, e, pid, 'improper', case=cover_case(e), action=act, system=sysm, inc=iid, scen=scen)

    def unrelated():
        while True:
            p = rng.randrange(w.n_general)
            if not w.P_flags[p]:
                return p

    def n_of():
        return rng.randint(4, 9)

    # self
    for k in range(n_of()):
        e = pick()
        iid = new_inc('self', e)
        spread(e, iid, 'self', e['person'], rng.randint(1, 3), rng.randint(0, 10), ['brp', 'bvh'])
    # family / partner / ex_partner
    for scen, kinds in (('family', ('parent', 'child', 'sibling', 'household')), ('partner', ('partner',)), ('ex_partner', ('ex_partner',))):
        for k in range(n_of()):
            e = pick(lambda e: any(v in kinds for v in e['rel'].values()))
            if e is None:
                continue
            tgt = rng.choice([p for p, v in e['rel'].items() if v in kinds])
            iid = new_inc(scen, e)
            if scen == 'ex_partner':
                spread(e, iid, scen, tgt, rng.randint(3, 12), rng.randint(10, 26), ['brp', 'blueview', 'rdw'])
            elif scen == 'partner':
                spread(e, iid, scen, tgt, rng.randint(1, 5), rng.randint(1, 20), ['bvh', 'brp'])
            else:
                spread(e, iid, scen, tgt, rng.randint(1, 4), rng.randint(0, 12), ['bvh', 'brp'])
    # neighbour
    for k in range(n_of()):
        def hasnb(e):
            pc = w.P_pc[e['person']]
            return pc and len([x for x in w.pc_members.get(pc, []) if w.P_hn[x] != w.P_hn[e['person']]]) > 0
        e = pick(hasnb)
        pc = w.P_pc[e['person']]
        nbs = [x for x in w.pc_members[pc] if w.P_hn[x] != w.P_hn[e['person']] and x not in e['rel']]
        iid = new_inc('neighbour', e)
        for tgt in rng.sample(nbs, min(len(nbs), rng.choice([1, 1, 1, 2, 3]))):
            spread(e, iid, 'neighbour', tgt, rng.randint(1, 2), rng.randint(0, 6), ['brp', 'bvh'])
    # surname_relative
    for k in range(n_of()):
        e = pick(lambda e: len(e['cousins']) > 0)
        if e is None:
            continue
        iid = new_inc('surname_relative', e)
        spread(e, iid, 'surname_relative', rng.choice(e['cousins']), rng.randint(1, 3), rng.randint(0, 8), ['brp', 'bvh'])
    # colleague
    for k in range(n_of()):
        e = pick()
        r = rng.random()
        if r < 0.5:
            pool = [x for x in e['team']['members'] if x is not e]
        elif r < 0.8:
            pool = [x for x in w.emps if x['unit'] == e['unit'] and x is not e]
        else:
            pool = [x for x in w.emps if x is not e]
        c = rng.choice(pool)
        iid = new_inc('colleague', e)
        spread(e, iid, 'colleague', c['person'], rng.randint(1, 3), rng.randint(0, 7), ['bvh', 'blueview', 'brp'])
    # vip curiosity (not by the protection service)
    for k in range(n_of()):
        e = pick(lambda e: e['unit'] != 'le_dkdb')
        tgt = rng.choice(w.vip_celeb + w.vip_minister + w.vip_royal + w.vip_mp)
        iid = new_inc('vip_curiosity', e)
        spread(e, iid, 'vip_curiosity', tgt, rng.randint(1, 3), rng.randint(0, 3), ['bvh', 'blueview'])
    # shielded
    for k in range(n_of()):
        e = pick(lambda e: e['beh'] != 'witness_protection')
        tgt = rng.choice(w.shielded)
        iid = new_inc('shielded', e)
        spread(e, iid, 'shielded', tgt, rng.randint(1, 2), rng.randint(0, 3), ['bvh', 'summit', 'brp'])
    # sensitive investigation (leak to criminals)
    for k in range(n_of()):
        e = pick(lambda e: e['beh'] not in ('cie',))
        pool = [c for c in w.investigations + w.cie_cases if c['sens'][1] and c.get('owner') is not e['team']
                and c['team'] is not e['team'] and c not in e['cases'] and not any(s[0] == e['id'] for s in c['staff'])]
        c = rng.choice(pool)
        sus = [p[0] for p in c['persons'] if p[1] in ('verdachte', 'Verdachte', 'vdt', 'subject')] or [c['persons'][0][0]]
        iid = new_inc('sensitive_investigation', e)
        for tgt in rng.sample(sus, min(len(sus), rng.randint(1, 3))):
            spread(e, iid, 'sensitive_investigation', tgt, rng.randint(1, 3), rng.randint(0, 6), ['summit', 'blueview', 'bvh'])
    # off shift: looked up from home / on a day off; only employees whose rosters are exported
    for k in range(n_of()):
        e = pick(lambda e: e['recorded'] and len(e['rec_shifts']) >= 8)
        iid = new_inc('off_shift', e)
        nt = rng.randint(1, 4)
        placed = 0
        for tries in range(400):
            d = rng.randint(0, NDAYS - 1)
            t = lt(d, rng.choice([6, 19, 20, 21, 22, 23]), rng.randint(0, 59))
            if any(s - 3 * 3600 <= t <= x + 3 * 3600 for s, x in e['work']):
                continue
            for j in range(nt):
                p = unrelated()
                for q in range(rng.randint(1, 2)):
                    log.add(t + rng.randint(0, 1500), e, p, 'improper', action=rng.choice(['query', 'view']), inc=iid, scen='off_shift')
            placed = 1
            if rng.random() < 0.6:
                break
        if not placed:
            w.incidents.pop()
    # browsing: many unrelated persons in a short time
    for k in range(n_of()):
        e = pick()
        iid = new_inc('browsing', e)
        t0 = wtime(e, pad=3600)
        nb = rng.randint(12, 40)
        span = rng.randint(20, 90) * 60
        for j in range(nb):
            p = unrelated()
            log.add(t0 + rng.randint(0, span), e, p, 'improper', action=rng.choice(['query', 'query', 'view']),
                    system=rng.choice(['blueview', 'bvh', 'brp']), inc=iid, scen='browsing')
    # following: one unrelated person over weeks
    for k in range(n_of()):
        e = pick()
        iid = new_inc('following', e)
        spread(e, iid, 'following', unrelated(), rng.randint(5, 12), rng.randint(12, 27), ['brp', 'bvh', 'blueview'])
    # export / print of an unrelated record
    for k in range(n_of()):
        e = pick()
        iid = new_inc('export_print', e)
        p = unrelated()
        t = wtime(e)
        log.add(t, e, p, 'improper', action='query', inc=iid, scen='export_print')
        for j in range(rng.randint(1, 2)):
            log.add(t + rng.randint(30, 600), e, p, 'improper', action=rng.choice(['export', 'print']), inc=iid, scen='export_print')
    # news hype: a person in the news, looked up out of curiosity by many
    stories = []
    # story 1: a well-known TV personality in a highway incident handled by DI
    d1 = rng.randint(3, 12)
    celeb = w.newsceleb[0]
    tr = [x for x in w.emps if x['beh'] == 'traffic']
    te = None
    for tries in range(500):
        x = rng.choice(tr)
        ws = [y for y in x['work'] if day_of(y[0]) == d1]
        if ws:
            te = x
            s, en = ws[0]
            break
    if te:
        t0 = s + (en - s) // 3
        c = w.cases.add(w.nid('LE%08d'), 'incident', 'le_di', te['team'], ('ts', t0), ('ts', t0 + 4 * 3600), ('di', False),
                        [(celeb, 'bestuurder'), (rng.randrange(w.n_general), 'getuige')])
        for j in range(3):
            log.add(t0 + rng.randint(60, 3600), te, celeb, 'incident_response', case=c['id'] if j == 0 else None)
        stories.append((d1, celeb, {te['team']['id']}))
    # story 2: a notorious suspect arrested by DSI (big in the news)
    if w.dsi_ops:
        d2, t, c, targets, ops = rng.choice([o for o in w.dsi_ops if 2 <= o[0] < NDAYS - 3])
        handling = {c['owner']['id'] if c.get('owner') else '', t['id']}
        stories.append((d2, targets[0], handling))
    for (d, tgt, handling) in stories:
        for k in range(rng.randint(4, 10)):
            e = pick(lambda e: e['team']['id'] not in handling)
            iid = new_inc('news_hype', e)
            for j in range(rng.randint(1, 3)):
                t = wtime(e, set(range(d, d + 3)))
                if t is None:
                    t = wtime(e, set(range(d, d + 6)))
                if t is None:
                    continue
                log.add(t, e, tgt, 'improper', action=rng.choice(['query', 'view']), system=rng.choice(['bvh', 'blueview', 'summit']),
                        inc=iid, scen='news_hype')
    # volume spike: harvesting addresses over one or two shifts
    for k in range(n_of()):
        e = pick(lambda e: RATE[e['beh']] <= 20)
        iid = new_inc('volume_spike', e)
        for q in range(rng.choice([1, 1, 2])):
            d = rng.randint(0, NDAYS - 1)
            ws = [x for x in e['work'] if 0 <= day_of(x[0]) < NDAYS]
            s, en = rng.choice(ws)
            for j in range(rng.randint(35, 90)):
                log.add(rng.randint(s + 600, max(s + 700, en - 600)), e, unrelated(), 'improper',
                        action=rng.choice(['query', 'query', 'view']), system=rng.choice(['brp', 'brp', 'bvh', 'blueview']),
                        inc=iid, scen='volume_spike')
    # drop incidents that produced no event
    have = set(ev[8] for ev in log.ev if ev[8])
    w.incidents = [x for x in w.incidents if x[0] in have]


# --------------------------------------------------------------------------- output
def fmt_dt(v, flavour=None):
    if v is None:
        return ''
    k, x = v
    if k == 'date':
        return fdate_day(x)
    if k == 'ts':
        return fz(x)
    if k == 'tsl':
        return floc(x)
    return ''


def write_csv(path, header, rows, crlf=False, bom=False):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        if bom:
            f.write('\ufeff')
        wr = csv.writer(f, lineterminator='\r\n' if crlf else '\n')
        wr.writerow(header)
        wr.writerows(rows)


def write_world(w, out, debug):
    rng = random.Random(w.seed * 7919 + 13)   # output-only randomness (independent of --debug)
    os.makedirs(out, exist_ok=True)
    # units
    fte = {}
    for e in w.emps:
        fte[e['unit']] = fte.get(e['unit'], 0) + 1
    rows = []
    for u, name in UNITS:
        v = fte.get(u, 0) * 0.91
        if u == 'le_dsi':
            f = ''
        elif u == 'le_dkdb':
            f = ('%.1f' % v).replace('.', ',')
        else:
            f = '%.1f' % v
        rows.append([u, name, f])
    write_csv(os.path.join(out, 'units.csv'), ['unit_id', 'name', 'fte'], rows)
    write_csv(os.path.join(out, 'teams.csv'), ['team_id', 'unit_id', 'kind', 'name'],
              [[t['id'], t['unit'], t['kind'], t['name']] for t in w.teams])
    # employees (later state rows for transfers)
    rows = []
    for e in w.emps:
        sur = e['surname']
        r = rng.random()
        if r < 0.03:
            rel = [p for p, v in e['rel'].items() if v == 'partner']
            if rel:
                sur = '%s-%s' % (sur, w.P_sur[rel[0]])
        elif r < 0.045:
            sur = sur.upper()
        pid = w.P_id[e['person']] if e['linked'] else ''
        team = '' if e.get('team_unknown') else e['team']['id']
        if e['transfer']:
            rows.append([e['id'], pid, sur, e['unit'], e['transfer'][1]['id'], e['rank'], e['func'], 'DIENST'])
            team = e['transfer'][2]['id']
        rows.append([e['id'], pid, sur, e['unit'], team, e['rank'], e['func'], rng.choice(['DIENST', 'DIENST', 'DIENST', 'TIJDELIJK', 'INHUUR' if e['rank'] == 'extern' else 'DIENST'])])
    # transfers appear at the end of the export (a later delta appended)
    tr = [r for r in rows if w.emp_by_id[r[0]]['transfer']]
    plain = [r for r in rows if not w.emp_by_id[r[0]]['transfer']]
    firsts = tr[0::2]
    lasts = tr[1::2]
    write_csv(os.path.join(out, 'employees.csv'), ['employee_id', 'person_id', 'surname', 'unit_id', 'team_id', 'rank', 'function', 'dienstverband'],
              firsts + plain + lasts)
    # persons (columns in another order, an extra municipality column)
    rows = []
    for i in range(len(w.P_id)):
        if not w.P_inpf[i]:
            continue
        pc = w.P_pc[i]
        if pc and rng.random() < 0.05:
            pc = pc[:4] + ' ' + (pc[4:].lower() if rng.random() < 0.5 else pc[4:])
        by = w.P_by[i]
        rows.append([w.P_id[i], w.P_sur[i], pc, w.P_hn[i], '' if by is None else str(by), w.P_flags[i], w.P_city[i]])
    rng.shuffle(rows)
    write_csv(os.path.join(out, 'persons.csv'), ['person_id', 'surname', 'postcode', 'house_number', 'birth_year', 'flags', 'gemeente'], rows)
    # relations: incomplete, partly mirrored, a few duplicates
    rec_p = {'partner': 0.9, 'child': 0.92, 'parent': 0.85, 'sibling': 0.75, 'ex_partner': 0.65, 'household': 0.8}
    inverse = {'partner': 'partner', 'child': 'parent', 'parent': 'child', 'sibling': 'sibling', 'ex_partner': 'ex_partner', 'household': 'household'}
    rows = []
    for e in w.emps:
        for p, k in e['rel'].items():
            if rng.random() < rec_p[k]:
                if rng.random() < 0.5:
                    rows.append([w.P_id[e['person']], w.P_id[p], k])
                else:
                    rows.append([w.P_id[p], w.P_id[e['person']], inverse[k]])
                if rng.random() < 0.08:
                    rows.append([w.P_id[p], w.P_id[e['person']], inverse[k]])
                if rng.random() < 0.01:
                    rows.append(list(rows[-1]))
    write_csv(os.path.join(out, 'relations.csv'), ['person_id', 'related_person_id', 'kind'], rows)
    # cases
    rows, cp, cs = [], [], []
    for c in w.cases.rows:
        sk, sv = c['sens']
        if sk == 'summit':
            sens = 'ja' if sv else 'nee'
        elif sk == 'dkdb':
            sens = 'J' if sv else 'N'
        elif sk == 'di':
            sens = rng.choice(['false', 'false', ''])
        elif sk == 'bool':
            sens = 'true' if sv else 'false'
        elif sk == 'empty':
            sens = ''
        else:
            sens = '0' if rng.random() < 0.5 else ''
        rows.append([c['id'], c['kind'], c['unit'], c['team']['id'] if c['team'] else '', fmt_dt(c['opened']), fmt_dt(c['closed']), sens])
        for p, role in c['persons']:
            cp.append([c['id'], w.P_id[p], role])
        for (eid, fr, to) in c['staff']:
            cs.append([eid and eid, c['id'], fmt_dt(fr), fmt_dt(to)])
    write_csv(os.path.join(out, 'cases.csv'), ['case_id', 'kind', 'unit_id', 'team_id', 'opened', 'closed', 'sensitive'], rows)
    write_csv(os.path.join(out, 'case_persons.csv'), ['case_id', 'person_id', 'role'], cp)
    write_csv(os.path.join(out, 'case_staff.csv'), ['employee_id', 'case_id', 'from', 'to'], cs)
    # shifts: local time with offsets, BOM and CRLF (roster system export)
    rows = []
    for e in w.emps:
        for (s, en, kind) in sorted(e['rec_shifts']):
            if day_of(s) < -1 or day_of(s) > NDAYS:
                continue
            if kind == 'abroad':
                rows.append([e['id'], floc(s, off=7 * 3600), floc(en, off=7 * 3600), kind])
            else:
                rows.append([e['id'], floc(s), floc(en), kind])
    write_csv(os.path.join(out, 'shifts.csv'), ['employee_id', 'start', 'end', 'soort'], rows, crlf=True, bom=True)

    # events: blocks per source system, each in time order, concatenated (not merged)
    evs = [ev for ev in w.log.ev if 0 <= day_of(ev[0]) < NDAYS + 1]
    bysys = {}
    for idx, ev in enumerate(evs):
        bysys.setdefault(ev[3], []).append((ev[0], ev[1], idx, ev))
    prefix = {'bvh': 'bvh', 'summit': 'SUM', 'blueview': 'bv', 'brp': 'brp', 'rdw': 'rdw', 'meos': 'meos'}
    truth, dbg = [], []
    lines = []
    for sysname in ['bvh', 'meos', 'rdw', 'summit', 'blueview', 'brp']:
        block = sorted(bysys.get(sysname, []), key=lambda x: (x[0], x[1], x[2]))
        n = 0
        for (t, ms, idx, ev) in block:
            n += 1
            _, _, eid, system, action, pid, case, src, inc, scen = ev
            evid = '%s-%08d' % (prefix[sysname], n)
            pidv = w.P_id[pid]
            if sysname == 'summit':
                cj = 'null' if case is None else '"%s"' % case
                line = '{"ts":"%s","id":"%s","system":"summit","employee_id":"%s","person_id":"%s","action":"%s","case_id":%s}' % (
                    floc(t, ms), evid, eid, pidv, action, cj)
            elif sysname == 'blueview':
                line = '{"id": "%s", "ts": "%s", "employee_id": "%s", "system": "blueview", "action": "%s", "person_id": "%s", "case_id": "%s", "session": "bv%06d"}' % (
                    evid, fzs(t), eid, action, pidv, case or '', (idx * 37) % 999983)
            elif sysname == 'rdw':
                line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"rdw","action":"%s","person_id":"%s"%s}' % (
                    evid, fz(t), eid, action.upper(), pidv, '' if case is None else ',"case_id":"%s"' % case)
            else:
                line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s}' % (
                    evid, fz(t), eid, system, action, pidv, '' if case is None else ',"case_id":"%s"' % case)
            lines.append(line)
            if inc:
                truth.append((inc, t, evid, scen))
            else:
                dbg.append((evid, src))
    data = ('\n'.join(lines) + '\n').encode('utf-8')
    with open(os.path.join(out, 'events.jsonl.gz'), 'wb') as fo:
        with gzip.GzipFile(filename='', mode='wb', fileobj=fo, mtime=0, compresslevel=6) as gz:
            gz.write(data)
    truth.sort()
    write_csv(os.path.join(out, 'truth.csv'), ['event_id', 'incident_id', 'scenario'], [[x[2], x[0], x[3]] for x in truth])
    if debug:
        write_csv(os.path.join(out, 'debug_sources.csv'), ['event_id', 'source'], [list(x) for x in dbg])
    return len(lines), truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--debug', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    w = build(a.seed)
    w.seed = a.seed
    build_org(w)
    build_rosters(w)
    build_cases(w)
    gen_legit(w)
    gen_improper(w)
    nev, truth = write_world(w, a.outdir, a.debug)
    per = {}
    for iid, scen, eid in w.incidents:
        per[scen] = per.get(scen, 0) + 1
    sys.stderr.write('redteam13 seed %d: %d employees, %d persons, %d cases, %d events, %d improper events, %d incidents (%s) in %.1fs\n' % (
        a.seed, len(w.emps), sum(1 for x in w.P_inpf if x), len(w.cases.rows), nev, len(truth), len(w.incidents),
        ' '.join('%s=%d' % (s, per.get(s, 0)) for s in SCEN), time.time() - t0))


if __name__ == '__main__':
    main()
