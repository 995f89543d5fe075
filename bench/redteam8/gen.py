#!/usr/bin/env python3
"""redteam8: an independent synthetic test world for lekradar.

Rotterdam-Rijnmond: a big city unit with a harbour, nightlife, a hospital,
a football cup final in De Kuip, plus a national-unit airport team (with a
Koninklijke Marechaussee liaison) and a national harbour investigation team.

Usage: python3 gen.py OUTDIR --seed N [--employees 1000] [--days 28]
Standard library only.
"""
import argparse
import bisect
import calendar
import datetime
import math
import os
import random
import sys
import time

# ---------------------------------------------------------------- time helpers
START_NAIVE = calendar.timegm((2026, 3, 2, 0, 0, 0))  # Monday, local wall clock
_dst = {}


def _last_sunday(y, m):
    d = calendar.monthrange(y, m)[1]
    while datetime.date(y, m, d).weekday() != 6:
        d -= 1
    return d


def offset_at(t):
    y = time.gmtime(t).tm_year
    if y not in _dst:
        _dst[y] = (calendar.timegm((y, 3, _last_sunday(y, 3), 1, 0, 0)),
                   calendar.timegm((y, 10, _last_sunday(y, 10), 1, 0, 0)))
    s, e = _dst[y]
    return 7200 if s <= t < e else 3600


def l2u(naive):
    t = naive - 3600
    if offset_at(t) == 7200:
        t = naive - 7200
    return t


def fz(t):
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(t))


def floc(t):
    off = offset_at(t)
    return time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t + off)) + ('+02:00' if off == 7200 else '+01:00')


def fdate(t):
    return time.strftime('%Y-%m-%d', time.gmtime(t + offset_at(t)))


def local_hour(t):
    return time.gmtime(t + offset_at(t)).tm_hour


# ---------------------------------------------------------------- name material
NL_COMMON = [("de Jong", 30), ("Jansen", 28), ("de Vries", 27), ("van den Berg", 18), ("van Dijk", 18),
             ("Bakker", 18), ("Janssen", 16), ("Visser", 16), ("Smit", 15), ("Meijer", 14), ("de Boer", 13),
             ("Mulder", 13), ("de Groot", 12), ("Bos", 12), ("Vos", 11), ("Peters", 11), ("Hendriks", 11),
             ("van Leeuwen", 10), ("Dekker", 10), ("Brouwer", 10), ("de Wit", 10), ("Dijkstra", 9),
             ("Smits", 9), ("de Graaf", 9), ("van der Meer", 9), ("van der Linden", 8), ("Kok", 8),
             ("Jacobs", 8), ("de Haan", 8), ("Vermeulen", 8), ("van den Heuvel", 8), ("van der Veen", 7),
             ("van den Broek", 7), ("de Bruijn", 7), ("de Bruin", 7), ("van der Heijden", 7), ("Schouten", 7),
             ("van Beek", 7), ("Willems", 7), ("van Vliet", 7), ("van de Ven", 6), ("Hoekstra", 6),
             ("Maas", 6), ("Verhoeven", 6), ("Koster", 6), ("van Dam", 6), ("van der Wal", 6), ("Prins", 6),
             ("Blom", 6), ("Huisman", 6), ("Kuipers", 5), ("Verbeek", 5), ("Post", 5), ("Boer", 5),
             ("van Rijn", 5), ("Groen", 5), ("Koopman", 5), ("Verschoor", 4), ("Scheepers", 4),
             ("Tromp", 4), ("Zwart", 4), ("Hoogerwerf", 3), ("Rietveld", 3), ("Sluijter", 3)]
MIGR = [("Yilmaz", 10), ("Öztürk", 6), ("Kaya", 6), ("Demir", 6), ("Şahin", 4), ("Çelik", 4),
        ("El Amrani", 5), ("Bouzid", 4), ("El Idrissi", 4), ("Benali", 4), ("Ait Taleb", 3),
        ("Ahmadi", 3), ("Mohamed", 6), ("Ali", 5), ("Tahiri", 3),
        ("Martina", 4), ("Pinas", 3), ("Kromodimedjo", 2), ("Sewnarain", 3), ("Ramdin", 3),
        ("Lopes", 4), ("Fortes", 3), ("da Silva", 4), ("Tavares", 3),
        ("Kowalski", 4), ("Nowak", 5), ("Wiśniewski", 2), ("Popescu", 3), ("Ivanov", 2),
        ("d'Oliveira", 2), ("N'Diaye", 2), ("Nguyen", 3)]
FOREIGN = ["Smith", "Jones", "Brown", "Taylor", "Wilson", "O'Brien", "Murphy", "Müller", "Schmidt",
           "Schneider", "Fischer", "Weber", "Dubois", "Martin", "Bernard", "García", "Fernández",
           "Rossi", "Russo", "Nowak", "Kowalczyk", "Johansson", "Andersen", "Novák", "Horváth",
           "Wang", "Li", "Kim", "Sato", "Oliveira", "Costa", "Williams", "Evans", "Kelly", "Hughes"]
RARE_A = ["Hooge", "Kranen", "Wester", "Ooster", "Zuider", "Brede", "Lange", "Kort", "Groene", "Zwarte",
          "Witte", "Rode", "Hoog", "Laag", "Steen", "Water", "Molen", "Kerk", "Brug", "Vlas"]
RARE_B = ["dijk", "donk", "veld", "broek", "hout", "berg", "kamp", "beek", "hoven", "meer", "wijk",
          "huis", "kade", "sloot", "weerd", "schoten"]


def weighted(pairs):
    names = [p[0] for p in pairs]
    cum = []
    s = 0
    for p in pairs:
        s += p[1]
        cum.append(s)
    return names, cum


# ---------------------------------------------------------------- world
class World:
    def __init__(self, seed, n_emp, days):
        self.rng = random.Random(seed)
        self.seed = seed
        self.N = n_emp
        self.days = days
        self.T0 = l2u(START_NAIVE)
        self.TEND = l2u(START_NAIVE + days * 86400)
        self.persons = []       # [pid, surname, birth_year, postcode, house, flags]
        self.pidx = {}
        self.relations = []     # (a, b, kind)
        self.cases = {}         # cid -> dict
        self.case_order = []
        self.events = []        # (t, eid, system, action, pid, cid, inc, scen, expl)
        self.truth_inc = 0
        self.reserved = set()
        self.nl_names, self.nl_cum = weighted(NL_COMMON + MIGR)
        self.scen_count = {}

    # ------------------------------------------------------------ helpers
    def day_start(self, d):
        return l2u(START_NAIVE + d * 86400)

    def at_local(self, d, h, m=0, s=0):
        return l2u(START_NAIVE + d * 86400 + h * 3600 + m * 60 + s)

    def surname(self):
        r = self.rng.random() * self.nl_cum[-1]
        return self.nl_names[bisect.bisect_left(self.nl_cum, r)]

    def new_person(self, surname, by, pc, hn, flags=''):
        pid = 'P%06d' % (100000 + len(self.persons) * 7 + self.rng.randint(0, 6))
        self.pidx[pid] = len(self.persons)
        self.persons.append([pid, surname, by, pc, hn, flags])
        return pid

    def poisson(self, lam):
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(self.rng.gauss(lam, math.sqrt(lam)) + 0.5))
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= self.rng.random()
            if p < L:
                return k
            k += 1

    def ev(self, t, e, system, action, pid, cid=None, inc=None, scen=None, expl=1):
        self.events.append((int(t), e, system, action, pid, cid, inc, scen, expl))

    def new_incident_id(self, scen):
        self.truth_inc += 1
        self.scen_count[scen] = self.scen_count.get(scen, 0) + 1
        return 'I-%04d' % self.truth_inc

    # ------------------------------------------------------------ population
    def build_population(self):
        rng = self.rng
        N = self.N
        self.pcs_city = []
        nums = list(range(3011, 3090))
        letters = [a + b for a in 'ABCDEGHJKLMNPRSTVWXZ' for b in 'ABCDEGHJKLMNPRSTVWXZ']
        n_city = int(N * 2.0)
        while len(self.pcs_city) < n_city:
            pc = '%d%s' % (rng.choice(nums), rng.choice(letters))
            self.pcs_city.append(pc)
        self.pcs_city = sorted(set(self.pcs_city))
        sub_nums = list(range(2990, 2997)) + list(range(3200, 3212)) + list(range(3311, 3320)) + \
            list(range(2611, 2630)) + list(range(3121, 3138))
        self.pcs_sub = sorted(set('%d%s' % (rng.choice(sub_nums), rng.choice(letters)) for _ in range(int(N * 0.6))))
        self.households = {}  # pc -> list of (house, [pids])
        self.general = []
        self.quiet = []
        self.by_surname = {}
        for pc in self.pcs_city + self.pcs_sub:
            nh = rng.randint(5, 12)
            used = set()
            hl = []
            for _ in range(nh):
                hn = rng.randint(1, 220)
                while hn in used:
                    hn = rng.randint(1, 220)
                used.add(hn)
                hs = str(hn)
                r = rng.random()
                if r < 0.12:
                    hs += rng.choice(['a', 'b', 'A', '-1', '-2', '-II', '-III', ' bis'])
                size = rng.choice([1, 1, 1, 2, 2, 2, 3, 3, 4, 5])
                sn = self.surname()
                quiet = rng.random() < 0.3
                members = []
                for i in range(size):
                    s = sn if (i == 0 or rng.random() < 0.7) else self.surname()
                    if i < 2:
                        by = rng.randint(1940, 2005)
                    else:
                        by = rng.randint(1995, 2022)
                    if rng.random() < 0.02:
                        by = ''
                    pid = self.new_person(s, by, pc, hs)
                    members.append(pid)
                    (self.quiet if quiet else self.general).append(pid)
                    if not quiet:
                        self.by_surname.setdefault(s, []).append(pid)
                if size >= 2 and rng.random() < 0.15:
                    self.relations.append((members[0], members[1], 'partner'))
                hl.append((hs, members))
            self.households[pc] = hl
        # rare surnames with a handful of bearers
        self.rare = []
        for a in RARE_A:
            for b in RARE_B:
                if rng.random() < 0.35:
                    self.rare.append(a + b)
        self.rare_bearers = {}
        for sn in self.rare:
            for _ in range(rng.randint(1, 3)):
                pc = rng.choice(self.pcs_city + self.pcs_sub)
                pid = self.new_person(sn, rng.randint(1945, 2004), pc, str(rng.randint(1, 300)))
                self.rare_bearers.setdefault(sn, []).append(pid)
                self.quiet.append(pid)
        # known offenders, frequent flyers, tourists, supporters
        young = [p for p in self.general if isinstance(self.persons[self.pidx[p]][2], int)
                 and 1970 <= self.persons[self.pidx[p]][2] <= 2008]
        self.offenders = rng.sample(young, int(len(young) * 0.05))
        self.frequent = rng.sample(self.offenders, min(60, len(self.offenders)))
        self.tourists = []
        for _ in range(int(N * 6)):
            s = rng.choice(FOREIGN)
            by = rng.randint(1950, 2006) if rng.random() < 0.8 else ''
            self.tourists.append(self.new_person(s, by, '', ''))
        self.supporters = []
        for _ in range(int(N * 1.5)):
            pc = '%d%s' % (rng.choice([1012, 1055, 1104, 2511, 3521, 3812, 5611, 6221, 7511, 9711]), rng.choice(letters))
            pid = self.new_person(self.surname(), rng.randint(1960, 2008), pc, str(rng.randint(1, 150)))
            self.supporters.append(pid)
        for p in self.supporters:
            self.by_surname.setdefault(self.persons[self.pidx[p]][1], []).append(p)
        # vips and shielded
        self.vips = []
        for i in range(40):
            p = self.new_person(self.surname(), rng.randint(1955, 2003), rng.choice(self.pcs_city + self.pcs_sub),
                                str(rng.randint(1, 90)), rng.choice(['vip', 'vip', 'VIP', ' vip ']))
            self.vips.append(p)
        for i in range(3):
            idx = self.pidx[self.vips[i]]
            self.persons[idx][5] = 'vip;shielded'
        self.shielded = self.vips[:3][:]
        for i in range(30):
            p = self.new_person(self.surname(), rng.randint(1950, 2000), rng.choice(self.pcs_city + self.pcs_sub + ['']),
                                str(rng.randint(1, 90)), rng.choice(['shielded', 'shielded', 'Shielded']))
            self.shielded.append(p)
        for p in rng.sample(self.general, 60):
            self.persons[self.pidx[p]][5] = 'deceased'
        # legit pools must not contain deceased (they can be looked up, but keep it simple)
        dead = set(p for p in self.general if self.persons[self.pidx[p]][5] == 'deceased')
        self.general = [p for p in self.general if p not in dead]

    # ------------------------------------------------------------ organisation
    def build_org(self):
        rng = self.rng
        T = []
        bt = [('T-RR-BT-CEN', 'Basisteam Centrum (Stadsdriehoek, Witte de With)'),
              ('T-RR-BT-DEL', 'Basisteam Delfshaven, Erasmus MC'),
              ('T-RR-BT-NRD', 'Basisteam Noord'),
              ('T-RR-BT-KRA', 'Basisteam Kralingen-Crooswijk'),
              ('T-RR-BT-FEY', 'Basisteam Feijenoord (De Kuip)'),
              ('T-RR-BT-CHA', 'Basisteam Charlois'),
              ('T-RR-BT-IJS', 'Basisteam IJsselland'),
              ('T-RR-BT-ZHV', 'Zeehavenpolitie, Maasvlakte'),
              ('T-RR-BT-SVL', 'Basisteam Schiedam-Vlaardingen')]
        self.basisteams = [b[0] for b in bt]
        for tid, name in bt:
            T.append((tid, 'rotterdam', 'basisteam', name))
        rec = [('T-RR-DR-CEN', 'Districtsrecherche Stad', False), ('T-RR-DR-ZUID', 'Districtsrecherche Zuid', False),
               ('T-RR-DR-NRD', 'Districtsrecherche Noord', False), ('T-RR-TGO', 'Team Ondermijning Haven', True),
               ('T-RR-ZEDEN', 'Team Zeden, Jeugd en Huiselijk Geweld', False)]
        self.rec_teams = [r[0] for r in rec]
        self.sensitive_teams = {'T-RR-TGO', 'T-LE-LR'}
        for tid, name, s in rec:
            T.append((tid, 'rotterdam', 'recherche', name))
        T += [('T-RR-INTAKE', 'rotterdam', 'intake_service', 'Service, Intake en Aangifte'),
              ('T-RR-MK', 'rotterdam', 'meldkamer', 'Meldkamer Rotterdam-Rijnmond, Politie'),
              ('T-RR-DRIO', 'rotterdam', 'informatie_analyse', 'DRIO Analyse'),
              ('T-RR-OT', 'rotterdam', 'specialistisch', 'Observatieteam'),
              ('T-RR-ARR', 'rotterdam', 'ondersteuning', 'Arrestantenzorg'),
              ('T-RR-STAF', 'rotterdam', 'staf', 'Staf Eenheid Rotterdam'),
              ('T-LE-LUCHT', 'landelijke_eenheid', 'noodhulp', 'DI Luchthaven Rotterdam The Hague Airport'),
              ('T-LE-LR', 'landelijke_eenheid', 'recherche', 'Landelijke Recherche, Team Haven'),
              ('T-LE-KMAR', 'landelijke_eenheid', 'ondersteuning', 'KMar liaison Luchthaven'),
              ('T-PDC-FB', 'pdc', 'ondersteuning', 'Functioneel beheer BVH/BlueView'),
              ('T-PDC-HRM', 'pdc', 'staf', 'HRM Dienstverlening')]
        self.teams = T
        self.team_unit = {t[0]: t[1] for t in T}
        self.team_kind = {t[0]: t[2] for t in T}
        N = self.N
        alloc = [('noodhulp', None, 0.42), ('wijkagent', None, 0.09), ('rechercheur', 'REC', 0.14),
                 ('intake', 'T-RR-INTAKE', 0.045), ('meldkamer', 'T-RR-MK', 0.05), ('analist', 'T-RR-DRIO', 0.035),
                 ('observant', 'T-RR-OT', 0.03), ('arrestantenzorg', 'T-RR-ARR', 0.04), ('staf', 'T-RR-STAF', 0.02),
                 ('noodhulp', 'T-LE-LUCHT', 0.05), ('rechercheur', 'T-LE-LR', 0.02), ('kmar liaison', 'T-LE-KMAR', 0.01),
                 ('functioneel beheer', 'T-PDC-FB', 0.02), ('hrm', 'T-PDC-HRM', 0.01)]
        self.emps = []
        used_ids = set()
        bt_w = [1.6, 1.3, 1.0, 0.9, 1.2, 1.0, 0.8, 0.9, 0.9]
        total = sum(max(1, int(round(N * a[2]))) for a in alloc)
        alloc[0] = ('noodhulp', None, (max(1, int(round(N * alloc[0][2]))) + max(0, N - total)) / float(N))
        for func, team, share in alloc:
            for _ in range(max(1, int(round(N * share)))):
                if team is None:
                    tm = rng.choices(self.basisteams, bt_w)[0]
                elif team == 'REC':
                    tm = rng.choices(self.rec_teams, [1.2, 1.1, 0.9, 1.4, 0.8])[0]
                else:
                    tm = team
                eid = 'E%05d' % rng.randint(1000, 99999)
                while eid in used_ids:
                    eid = 'E%05d' % rng.randint(1000, 99999)
                used_ids.add(eid)
                if func in ('intake', 'meldkamer', 'analist', 'hrm'):
                    rank = rng.choices(['burger', 'agent', 'hoofdagent', 'brigadier'], [6, 1, 2, 1])[0]
                elif func == 'functioneel beheer':
                    rank = rng.choice(['burger', 'burger', 'extern'])
                elif func == 'kmar liaison':
                    rank = 'extern'
                elif func == 'staf':
                    rank = rng.choice(['inspecteur', 'hoofdinspecteur', 'commissaris', 'burger'])
                else:
                    rank = rng.choices(['aspirant', 'surveillant', 'agent', 'hoofdagent', 'brigadier', 'inspecteur',
                                        'hoofdinspecteur'], [5, 3, 20, 40, 22, 8, 2])[0]
                self.emps.append({'id': eid, 'func': func, 'team': tm, 'rank': rank, 'unit': self.team_unit[tm],
                                  'pid': '', 'surname': '', 'fam': {}, 'norow': set(), 'start_day': 0,
                                  'old_team': None, 'transfer_day': None})
        rng.shuffle(self.emps)
        self.emp_by_id = {e['id']: e for e in self.emps}
        # new employees and transfers
        for e in self.emps:
            if e['func'] in ('noodhulp', 'wijkagent', 'intake', 'rechercheur') and rng.random() < 0.03:
                e['start_day'] = rng.randint(7, max(8, self.days - 8))
                e['rank'] = 'aspirant' if e['func'] == 'noodhulp' else e['rank']
        movers = [e for e in self.emps if e['func'] in ('noodhulp', 'wijkagent', 'rechercheur') and e['start_day'] == 0]
        for e in rng.sample(movers, max(2, int(len(self.emps) * 0.02))):
            if e['func'] == 'rechercheur':
                e['old_team'] = rng.choice(self.basisteams)
                e['old_func'] = 'noodhulp'
            else:
                e['old_team'] = rng.choice([b for b in self.basisteams if b != e['team']])
                e['old_func'] = e['func']
            e['transfer_day'] = rng.randint(6, max(7, self.days - 6))
        # employees' own records and families
        for e in self.emps:
            if rng.random() < 0.92:
                self.make_family(e)
            else:
                e['surname'] = self.surname()

    def make_family(self, e):
        rng = self.rng
        rare = rng.random() < 0.08
        sn = rng.choice(self.rare) if rare else self.surname()
        e['surname'] = sn
        e['rare'] = rare
        pc = rng.choice(self.pcs_city) if rng.random() < 0.6 else rng.choice(self.pcs_sub)
        e['pc'] = pc
        hl = self.households[pc]
        used = set(h[0] for h in hl)
        hn = str(rng.randint(1, 240))
        while hn in used:
            hn = str(rng.randint(1, 240))
        by = rng.randint(1962, 2004)
        me = self.new_person(sn, by, pc, hn)
        e['pid'] = me
        e['hn'] = hn
        members = [me]
        fam = e['fam']

        def rel(kind, pid, p_row=0.85):
            fam.setdefault(kind, []).append(pid)
            if rng.random() < p_row:
                self.relations.append((me, pid, kind))
            else:
                e['norow'].add(pid)

        if rng.random() < 0.65:
            p = self.new_person(self.surname(), by + rng.randint(-5, 5), pc, hn)
            members.append(p)
            rel('partner', p, 0.9)
            for _ in range(rng.choice([0, 0, 1, 2, 2, 3])):
                cb = by + rng.randint(24, 36)
                if cb > 2025:
                    continue
                c = self.new_person(sn, cb, pc, hn)
                members.append(c)
                rel('child', c, 0.8)
        if rng.random() < 0.14:
            epc = rng.choice(self.pcs_city + self.pcs_sub)
            ehn = str(rng.randint(1, 240))
            ex = self.new_person(self.surname(), by + rng.randint(-6, 6), epc, ehn)
            rel('ex_partner', ex, 0.75)
            if rng.random() < 0.6:
                np_ = self.new_person(self.surname(), by + rng.randint(-8, 8), epc, ehn)
                fam['ex_new'] = [np_]
        for _ in range(2):
            if by < 1975 and rng.random() < 0.5:
                continue
            ppc = rng.choice(self.pcs_city + self.pcs_sub)
            par = self.new_person(sn if not fam.get('parent') else self.surname(), by - rng.randint(22, 38), ppc,
                                  str(rng.randint(1, 200)))
            rel('parent', par, 0.75)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            spc = rng.choice(self.pcs_city + self.pcs_sub)
            sib = self.new_person(sn, by + rng.randint(-8, 8), spc, str(rng.randint(1, 200)))
            rel('sibling', sib, 0.7)
        # in-laws, cousins: never in relations.csv
        for _ in range(rng.randint(0, 2)):
            ipc = rng.choice(self.pcs_city + self.pcs_sub)
            il = self.new_person(self.surname() if rng.random() < 0.6 else sn, by + rng.randint(-10, 10), ipc,
                                 str(rng.randint(1, 200)))
            fam.setdefault('inlaw', []).append(il)
        hl.append((hn, members))
        e['household'] = members

    # ------------------------------------------------------------ rosters
    def build_rosters(self):
        rng = self.rng
        D = self.days
        self.slot_team = {}  # (team, hour) -> [eid]
        self.slot_mk = {}
        self.final_day = None
        sundays = [d for d in range(D) if (d % 7) == 6]
        if len(sundays) >= 2:
            self.final_day = sundays[len(sundays) // 2]
        elif sundays:
            self.final_day = sundays[0]
        for e in self.emps:
            f = e['func']
            e['shifts'] = []   # (start, sched_end, actual_end, recorded)
            e['roster_missing'] = rng.random() < 0.03
            parttime = rng.random() < 0.2
            rot = rng.randint(0, 2)
            for d in range(e['start_day'], D):
                wd = d % 7
                if f in ('noodhulp', 'meldkamer', 'arrestantenzorg'):
                    if rng.random() > (0.52 if parttime else 0.7):
                        continue
                    typ = ((d // 7) + rot) % 3
                    if typ == 0:
                        st, ln = (7, 0), 8
                    elif typ == 1:
                        st, ln = (15, 0), 8
                    else:
                        st, ln = (23, 0), 8
                    if f == 'meldkamer':
                        ln = 8
                elif f == 'wijkagent':
                    if wd >= 5 and rng.random() > 0.15:
                        continue
                    if rng.random() > (0.65 if parttime else 0.85):
                        continue
                    st, ln = ((8, 0), 9) if rng.random() < 0.8 else ((14, 0), 8)
                elif f == 'observant':
                    if rng.random() > 0.65:
                        continue
                    st, ln = rng.choice([((6, 0), 10), ((9, 0), 9), ((14, 0), 10), ((20, 0), 9)])
                elif f == 'intake':
                    if rng.random() > 0.68:
                        continue
                    st, ln = rng.choice([((8, 0), 8), ((12, 0), 8), ((14, 0), 8)])
                else:  # office hours
                    if wd >= 5 and rng.random() > 0.06:
                        continue
                    if rng.random() > (0.7 if parttime else 0.9):
                        continue
                    st, ln = rng.choice([((7, 30), 9), ((8, 0), 9), ((8, 30), 9), ((9, 0), 8)])
                    if f == 'rechercheur' and rng.random() < 0.05:
                        st, ln = (5, 0), 10   # action day
                s = self.at_local(d, st[0], st[1])
                en = self.at_local(d, st[0] + ln, st[1]) if st[0] + ln < 24 else \
                    self.at_local(d + 1, st[0] + ln - 24, st[1])
                ae = en
                r = rng.random()
                if r < 0.15:
                    ae = en + rng.randint(20, 180) * 60   # overtime
                elif r < 0.2:
                    ae = en - rng.randint(10, 60) * 60
                rec = not e['roster_missing'] and rng.random() > 0.02
                e['shifts'].append((s, en, ae, rec))
            # football final: many basisteam officers on a long event shift
            if self.final_day is not None and f == 'noodhulp' and e['team'] in self.basisteams and rng.random() < 0.4:
                d = self.final_day
                s = self.at_local(d, 13, 0)
                en = self.at_local(d + 1, 2, 0)
                e['shifts'] = [x for x in e['shifts'] if not (x[0] < en and x[2] > s)]
                e['shifts'].append((s, en, en + rng.randint(0, 90) * 60, not e['roster_missing']))
                e['final'] = True
            e['shifts'].sort()
            e['shift_starts'] = [x[0] for x in e['shifts']]
            for (s, en, ae, rec) in e['shifts']:
                tm = self.team_at(e, s)
                for h in range((s - self.T0) // 3600, (ae - self.T0) // 3600 + 1):
                    if f in ('noodhulp', 'wijkagent') or (f == 'rechercheur' and tm in self.basisteams):
                        if f == 'wijkagent' and rng.random() < 0.6:
                            continue
                        self.slot_team.setdefault((tm, h), []).append(e['id'])
                    elif f == 'meldkamer':
                        self.slot_mk.setdefault(h, []).append(e['id'])

    def team_at(self, e, t):
        if e['old_team'] and t < self.day_start(e['transfer_day']):
            return e['old_team']
        return e['team']

    def func_at(self, e, t):
        if e['old_team'] and t < self.day_start(e['transfer_day']):
            return e.get('old_func', e['func'])
        return e['func']

    def on_shift(self, e, t, margin=0):
        i = bisect.bisect_right(e['shift_starts'], t + margin) - 1
        while i >= 0 and i >= len(e['shift_starts']) - 1000:
            s, en, ae, rec = e['shifts'][i]
            if s - margin <= t <= ae + margin:
                return True
            if ae + 86400 < t:
                break
            i -= 1
        return False

    def next_shift(self, e, after, within):
        i = bisect.bisect_left(e['shift_starts'], after)
        if i < len(e['shifts']) and e['shifts'][i][0] <= after + within:
            return e['shifts'][i]
        return None

    # ------------------------------------------------------------ cases
    def add_case(self, cid, kind, unit, team, opened, closed, sensitive, opened_fmt='ts', closed_fmt='ts'):
        c = {'id': cid, 'kind': kind, 'unit': unit, 'team': team, 'opened': opened, 'closed': closed,
             'sensitive': sensitive, 'persons': [], 'staff': [], 'of': opened_fmt, 'cf': closed_fmt}
        self.cases[cid] = c
        self.case_order.append(cid)
        return c

    def pick_pool_person(self):
        return self.rng.choice(self.general)

    def namesakes(self, pid, k):
        sn = self.persons[self.pidx[pid]][1]
        lst = self.by_surname.get(sn)
        if not lst or len(lst) < 2:
            return []
        out = []
        for _ in range(k):
            q = self.rng.choice(lst)
            if q != pid and q not in self.reserved:
                out.append(q)
        return out

    def lookup(self, t, e, pid, cid, sysset=('bvh', 'blueview', 'meos'), view_p=0.6, ns_p=0.15, expl=1, act=None):
        rng = self.rng
        sy = rng.choice(sysset)
        if act:
            self.ev(t, e, sy, act, pid, cid, expl=expl)
            return
        self.ev(t, e, sy, 'query', pid, cid, expl=expl)
        if rng.random() < ns_p:
            for q in self.namesakes(pid, rng.randint(1, 3)):
                self.ev(t, e, sy, 'query', q, cid, expl=0)
        if rng.random() < view_p:
            self.ev(t + rng.randint(5, 150), e, sy, 'view', pid, cid, expl=expl)

    def incident_persons(self, team, t, final=False):
        rng = self.rng
        n = rng.choices([1, 2, 3, 4, 5, 6], [38, 30, 15, 8, 5, 4])[0]
        out = []
        hospital = team == 'T-RR-BT-DEL' and rng.random() < 0.3
        for i in range(n):
            r = rng.random()
            role = rng.choice(['verdachte', 'slachtoffer', 'getuige', 'melder', 'betrokkene']) if i else \
                rng.choice(['verdachte', 'slachtoffer', 'melder', 'betrokkene'])
            if final and r < 0.45:
                p = rng.choice(self.supporters)
            elif team == 'T-LE-LUCHT' and r < 0.55:
                p = rng.choice(self.tourists)
            elif team == 'T-RR-BT-CEN' and r < 0.25:
                p = rng.choice(self.tourists)
            elif r < 0.07:
                p = rng.choice(self.frequent)
            elif role == 'verdachte' and r < 0.6:
                p = rng.choice(self.offenders)
            elif r < 0.004:
                p = rng.choice(self.legit_vips)
            elif r < 0.006:
                p = rng.choice(self.legit_shielded)
            elif r < 0.009:
                p = rng.choice(self.legit_colleague_pids)
                role = rng.choice(['melder', 'getuige', 'slachtoffer'])
            else:
                p = rng.choice(self.general)
            if p in self.reserved:
                continue
            if hospital and i == 0:
                role = 'patient'
            out.append((p, role))
        return out

    def gen_history(self):
        rng = self.rng
        self.hist_inc = []
        for i in range(int(self.N * 2)):
            t = self.T0 - rng.randint(20, 400) * 86400 + rng.randint(0, 86399)
            tm = rng.choice(self.basisteams)
            cid = 'BVH-%s-%06d' % (time.gmtime(t).tm_year % 100, 400000 + i)
            c = self.add_case(cid, 'incident', 'rotterdam', tm, t, t + rng.randint(1, 30) * 3600, False)
            ps = [(rng.choice(self.offenders), 'verdachte')]
            if rng.random() < 0.6:
                ps.append((rng.choice(self.general), rng.choice(['slachtoffer', 'getuige', 'melder'])))
            c['persons'] = [p for p in ps if p[0] not in self.reserved]
            self.hist_inc.append(cid)

    def gen_investigations(self):
        rng = self.rng
        self.inv_by_team = {}
        n = 0
        specs = [(t, rng.randint(10, 16)) for t in self.rec_teams] + [('T-LE-LR', 5)] + \
                [(t, rng.randint(4, 8)) for t in self.basisteams]
        for team, k in specs:
            unit = self.team_unit[team]
            for _ in range(max(1, int(k * self.N / 1000.0 + 0.5)) if team not in self.basisteams else k):
                n += 1
                opened = self.T0 - rng.randint(5, 200) * 86400 if rng.random() < 0.8 else \
                    self.day_start(rng.randint(0, max(1, self.days - 5)))
                closed = None
                if rng.random() < 0.2:
                    closed = opened + rng.randint(10, 260) * 86400
                    if closed < self.T0 + 5 * 86400:
                        closed = self.T0 + rng.randint(5, self.days) * 86400
                sens = team in self.sensitive_teams or (team in self.rec_teams and rng.random() < 0.12)
                pre = 'ONDZ' if team != 'T-LE-LR' else 'LR'
                cid = '%s-%s-%04d' % (pre, fdate(opened)[2:4], 100 + n)
                c = self.add_case(cid, 'investigation', unit, team, opened, closed, sens, 'date', 'date')
                npers = rng.randint(3, 14) if team not in self.basisteams else rng.randint(2, 6)
                ps = []
                for j in range(npers):
                    if j < max(1, npers // 3):
                        p = rng.choice(self.offenders)
                        role = 'verdachte'
                    else:
                        p = rng.choice(self.general + self.offenders[:50])
                        role = rng.choice(['getuige', 'slachtoffer', 'betrokkene', 'betrokkene', ''])
                    if p not in self.reserved and p not in [x[0] for x in ps]:
                        ps.append((p, role))
                if team in self.sensitive_teams and rng.random() < 0.3:
                    ps.append((rng.choice(self.legit_shielded), 'getuige'))
                c['persons'] = ps
                self.inv_by_team.setdefault(team, []).append(cid)
        self.sensitive_cases = [c for c in self.case_order if self.cases[c]['sensitive']]
        self.inv_lists = list(self.inv_by_team.values())
        # staff
        self.emp_cases = {}
        for e in self.emps:
            f = e['func']
            lst = []
            if f == 'rechercheur':
                pool = self.inv_by_team.get(e['team'], [])
                lst = rng.sample(pool, min(len(pool), rng.randint(2, 4)))
            elif f == 'wijkagent' or (f == 'noodhulp' and rng.random() < 0.2):
                pool = self.inv_by_team.get(e['team'], [])
                lst = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
            elif f == 'observant':
                lst = rng.sample(self.sensitive_cases, min(len(self.sensitive_cases), rng.randint(1, 3)))
            elif f == 'analist' and rng.random() < 0.5:
                lst = rng.sample(self.sensitive_cases, 1)
            for cid in lst:
                c = self.cases[cid]
                fr = '' if rng.random() < 0.3 else (c['opened'] + rng.randint(0, 20) * 86400)
                if fr != '' and fr > self.TEND - 86400:
                    fr = ''
                to = ''
                if rng.random() < 0.1 and fr != '':
                    to = max(fr, self.T0) + rng.randint(5, 20) * 86400
                if e['old_team'] and f == 'rechercheur':
                    fr = self.day_start(e['transfer_day'])
                c['staff'].append((e['id'], fr, to))
                if rng.random() > 0.06:   # few assignments never registered: still worked on
                    pass
            e['cases'] = lst
            if e['old_team']:
                e['old_cases'] = rng.sample(self.inv_by_team.get(e['old_team'], []),
                                            min(1, len(self.inv_by_team.get(e['old_team'], []))))
                for cid in e['old_cases']:
                    self.cases[cid]['staff'].append((e['id'], '', self.day_start(e['transfer_day'])))

    # ------------------------------------------------------------ legit work
    def gen_incidents(self):
        rng = self.rng
        H = (self.TEND - self.T0) // 3600
        self.incidents = []
        n = 0
        teams = self.basisteams + ['T-LE-LUCHT']
        for h in range(H):
            t0 = self.T0 + h * 3600
            lh = local_hour(t0)
            wd = ((t0 + offset_at(t0) - START_NAIVE) // 86400) % 7
            for team in teams:
                on = self.slot_team.get((team, h))
                if not on:
                    continue
                rate = 0.36
                if team == 'T-RR-BT-CEN' and wd in (4, 5, 6) and (lh >= 22 or lh < 5):
                    rate = 0.55
                if 3 <= lh < 7:
                    rate *= 0.6
                final = False
                if self.final_day is not None and team == 'T-RR-BT-FEY':
                    dd = (t0 + offset_at(t0) - START_NAIVE) // 86400
                    if (dd == self.final_day and lh >= 15) or (dd == self.final_day + 1 and lh < 2):
                        final = True
                k = self.poisson(len(on) * rate / 2.0)
                if final:
                    k += self.poisson(12)
                for _ in range(k):
                    n += 1
                    op = t0 + rng.randint(0, 3599)
                    cid = 'BVH-26-%06d' % (100000 + n * 3 + rng.randint(0, 2))
                    r = rng.random()
                    if r < 0.7:
                        cl, cf = op + rng.randint(20, 300) * 60, 'ts'
                    elif r < 0.92:
                        cl, cf = op + rng.randint(0, 5) * 86400, 'date'
                    else:
                        cl, cf = None, 'ts'
                    unit = self.team_unit[team]
                    c = self.add_case(cid, 'incident', unit, team if rng.random() > 0.03 else '', op, cl, False,
                                      'ts', cf)
                    c['persons'] = self.incident_persons(team, op, final)
                    # responders
                    if final:
                        pool = []
                        for bt in self.basisteams:
                            pool += self.slot_team.get((bt, h), [])
                        pool = [x for x in pool if self.emp_by_id[x].get('final')] or on
                    else:
                        pool = on
                        if rng.random() < 0.12 and team != 'T-LE-LUCHT':
                            other = rng.choice(self.basisteams)
                            pool = self.slot_team.get((other, h)) or on
                    resp = rng.sample(pool, min(len(pool), rng.choice([1, 2, 2, 2, 3])))
                    self.incidents.append(cid)
                    for eid in resp:
                        if rng.random() < 0.78:
                            fr = op if rng.random() < 0.8 else ''
                            to = '' if cl is None or rng.random() < 0.5 else cl
                            c['staff'].append((eid, fr, to))
                        self.respond(eid, c)
                    # control room
                    mk = self.slot_mk.get(h)
                    if mk and c['persons'] and rng.random() < (0.85 if unit == 'rotterdam' else 0.1):
                        m = rng.choice(mk)
                        for (p, role) in c['persons'][:rng.randint(1, 2)]:
                            self.lookup(op + rng.randint(-120, 600), m, p, cid if rng.random() < 0.3 else None,
                                        ('bvh', 'blueview', 'gms'), 0.4, 0.08)

    def respond(self, eid, c):
        rng = self.rng
        e = self.emp_by_id[eid]
        op = c['opened']
        cid = c['id']
        give = rng.random() < 0.5
        for (p, role) in c['persons']:
            if rng.random() < 0.12:
                continue
            t = op + rng.randint(3, 75) * 60 + rng.randint(0, 59)
            self.lookup(t, eid, p, cid if give else None, ('meos', 'bvh', 'blueview', 'brp'), 0.6, 0.04)
            if rng.random() < 0.25:
                self.ev(t + rng.randint(30, 240) * 60, eid, 'bvh', 'view', p, cid if rng.random() < 0.6 else None)
        # report written later (next shift, 1-6 days)
        if rng.random() < 0.35 and c['persons']:
            sh = self.next_shift(e, op + 6 * 3600, 6 * 86400)
            if sh:
                t = sh[0] + rng.randint(30, 240) * 60
                for (p, role) in c['persons']:
                    if rng.random() < 0.8:
                        self.ev(t, eid, 'bvh', rng.choice(['view', 'view', 'query']), p,
                                cid if rng.random() < 0.85 else None)
                        t += rng.randint(20, 400)
                if rng.random() < 0.05:
                    self.ev(t + 60, eid, 'bvh', 'print', c['persons'][0][0], cid)

    def shift_work(self):
        """Per-shift work that is not incident response."""
        rng = self.rng
        self.intake_n = 0
        recent_inc = self.incidents
        inc_open = [self.cases[c]['opened'] for c in recent_inc]
        for e in self.emps:
            for (s, en, ae, rec) in e['shifts']:
                f = self.func_at(e, s)
                team = self.team_at(e, s)
                dur = ae - s

                def tin():
                    return s + rng.randint(10 * 60, max(11 * 60, dur - 300))
                if f == 'noodhulp':
                    # street checks: people in no record
                    for _ in range(self.poisson(0.45)):
                        p = rng.choice(self.general + self.tourists[:200])
                        if p in self.reserved:
                            continue
                        t = tin()
                        if rng.random() < 0.4:
                            self.intake_n += 1
                            cid = 'BVH-26-%06d' % (900000 + self.intake_n)
                            c = self.add_case(cid, 'incident', self.team_unit[team], team, t - 300, t + 1800, False)
                            c['persons'] = [(p, 'betrokkene')]
                            c['staff'] = [(e['id'], t - 300, '')]
                            self.lookup(t, e['id'], p, cid, ('meos',), 0.5, 0.2)
                        else:
                            self.lookup(t, e['id'], p, None, ('meos', 'bvh'), 0.3, 0.2, expl=0)
                    # team cases browsing (recent incidents of own team)
                    for _ in range(self.poisson(3)):
                        self.team_recent(e, team, tin())
                    for cid in e.get('cases', []):
                        if rng.random() < 0.3:
                            self.case_work(e, cid, tin(), n=rng.randint(1, 3))
                elif f == 'wijkagent':
                    for _ in range(self.poisson(6)):
                        self.team_recent(e, team, tin())
                    for cid in e.get('cases', []):
                        self.case_work(e, cid, tin(), n=rng.randint(1, 5))
                    for _ in range(self.poisson(0.5)):   # resident signals, no record
                        p = self.pick_pool_person()
                        if p not in self.reserved:
                            self.lookup(tin(), e['id'], p, None, ('bvh', 'brp'), 0.5, 0.1, expl=0)
                elif f == 'rechercheur':
                    mine = e.get('cases', []) if not (e['old_team'] and s < self.day_start(e['transfer_day'])) \
                        else e.get('old_cases', [])
                    for _ in range(self.poisson(14)):
                        if mine and rng.random() < 0.85:
                            self.case_work(e, rng.choice(mine), tin(), n=rng.randint(1, 3))
                        else:
                            pool = self.inv_by_team.get(team, [])
                            if pool:
                                self.case_work(e, rng.choice(pool), tin(), n=1)
                    if rng.random() < 0.15:   # persons being identified, not yet in the case
                        self.lookup(tin(), e['id'], self.pick_pool_person(), None, ('bvh', 'summit'), 0.7, 0.1,
                                    expl=0)
                elif f == 'observant':
                    for _ in range(self.poisson(5)):
                        if e.get('cases'):
                            self.case_work(e, rng.choice(e['cases']), tin(), n=rng.randint(1, 2))
                elif f == 'intake':
                    for _ in range(self.poisson(10)):
                        t = tin()
                        self.intake_n += 1
                        cid = 'AGT-26-%06d' % (10000 + self.intake_n)
                        c = self.add_case(cid, 'intake', 'rotterdam', 'T-RR-INTAKE', t - rng.randint(60, 900), None
                                          if rng.random() < 0.6 else t + rng.randint(1, 9) * 86400, False,
                                          'ts', 'date')
                        ps = []
                        for j in range(rng.choice([1, 1, 2, 2, 3])):
                            p = rng.choice(self.tourists) if rng.random() < 0.15 else (
                                rng.choice(self.offenders) if j and rng.random() < 0.4 else self.pick_pool_person())
                            if p not in self.reserved:
                                ps.append((p, ['aangever', 'verdachte', 'getuige'][min(j, 2)]))
                        c['persons'] = ps
                        if rng.random() < 0.85:
                            c['staff'] = [(e['id'], t - 900, '')]
                        for (p, role) in ps:
                            self.lookup(t, e['id'], p, cid if rng.random() < 0.8 else None, ('bvh', 'brp'), 0.7, 0.06)
                            t += rng.randint(20, 300)
                    for _ in range(self.poisson(2)):   # phone and desk questions
                        p = self.pick_pool_person()
                        if p not in self.reserved:
                            self.lookup(tin(), e['id'], p, None, ('bvh', 'brp'), 0.5, 0.1, expl=2)
                elif f == 'meldkamer':
                    for _ in range(self.poisson(16)):   # callers, addresses
                        p = self.pick_pool_person() if rng.random() < 0.85 else rng.choice(self.offenders)
                        if p in self.reserved:
                            continue
                        t = tin()
                        if rng.random() < 0.9:   # the call becomes an incident registration
                            self.intake_n += 1
                            cid = 'BVH-26-%06d' % (900000 + self.intake_n)
                            c = self.add_case(cid, 'incident', 'rotterdam', rng.choice(self.basisteams + [''])
                                              , t - rng.randint(30, 300), t + rng.randint(15, 240) * 60, False)
                            c['persons'] = [(p, 'melder')]
                            self.lookup(t, e['id'], p, cid if rng.random() < 0.3 else None, ('gms', 'bvh', 'brp'),
                                        0.3, 0.05)
                        else:
                            self.lookup(t, e['id'], p, None, ('gms', 'bvh', 'brp'), 0.3, 0.05, expl=2)
                elif f == 'analist':
                    t = tin()
                    for _ in range(self.poisson(45)):
                        r = rng.random()
                        if r < 0.45:
                            cid = rng.choice(self.sensitive_cases) if r < 0.1 else \
                                rng.choice(rng.choice(self.inv_lists))
                            ps = self.cases[cid]['persons']
                            p = rng.choice(ps)[0] if ps else None
                            give = cid if rng.random() < 0.85 else None
                        elif r < 0.9 and self.incidents:
                            i = bisect.bisect_left(inc_open, s) - 1
                            if i < 1:
                                continue
                            cid = recent_inc[rng.randint(max(0, i - 3000), i)]
                            ps = self.cases[cid]['persons']
                            p = rng.choice(ps)[0] if ps else None
                            give = cid if rng.random() < 0.85 else None
                        else:
                            p = rng.choice(self.offenders)
                            give = None
                        if p and p not in self.reserved:
                            self.lookup(t, e['id'], p, give, ('bvh', 'bvi', 'summit', 'blueview'), 0.5, 0.03,
                                        expl=1 if give else 2)
                        t += rng.randint(20, 900)
                        if t > ae:
                            break
                elif f == 'arrestantenzorg':
                    for _ in range(self.poisson(6)):
                        i = bisect.bisect_left(inc_open, s)
                        if 0 < i:
                            cid = recent_inc[rng.randint(max(0, i - 60), i - 1)]
                            for (p, role) in self.cases[cid]['persons']:
                                if role == 'verdachte':
                                    self.lookup(tin(), e['id'], p, cid if rng.random() < 0.85 else None,
                                                ('bvh',), 0.8, 0.0, expl=1)
                elif f == 'kmar liaison':
                    for _ in range(self.poisson(8)):
                        i = bisect.bisect_left(inc_open, s)
                        lucht = [c for c in recent_inc[max(0, i - 400):i] if self.cases[c]['team'] == 'T-LE-LUCHT']
                        if lucht:
                            cid = rng.choice(lucht[-8:])
                            for (p, role) in self.cases[cid]['persons'][:2]:
                                self.lookup(tin(), e['id'], p, cid if rng.random() < 0.75 else None,
                                            ('bvh', 'blueview'), 0.6, 0.05)
                elif f == 'staf':
                    for _ in range(self.poisson(1.2)):
                        i = bisect.bisect_left(inc_open, s)
                        if i > 0:
                            cid = recent_inc[rng.randint(max(0, i - 200), i - 1)]
                            for (p, role) in self.cases[cid]['persons'][:1]:
                                self.ev(tin(), e['id'], 'bvh', 'view', p, cid if rng.random() < 0.5 else None)
                elif f == 'functioneel beheer':
                    for _ in range(self.poisson(0.8)):   # reproducing a user's problem
                        p = self.pick_pool_person()
                        if p not in self.reserved:
                            self.ev(tin(), e['id'], 'bvh', 'view', p, None, expl=0)

    def team_recent(self, e, team, t):
        rng = self.rng
        inv = self.inv_by_team.get(team, [])
        if inv and rng.random() < 0.35:
            self.case_work(e, rng.choice(inv), t, n=1)
            return
        # recent incidents of the own team
        lst = self.team_inc.get(team)
        if not lst:
            return
        opens = self.team_inc_open[team]
        i = bisect.bisect_left(opens, t)
        if i < 2:
            return
        cid = lst[rng.randint(max(0, i - 60), i - 1)]
        ps = self.cases[cid]['persons']
        if ps:
            p = rng.choice(ps)[0]
            self.lookup(t, e['id'], p, cid if rng.random() < 0.4 else None, ('bvh', 'blueview'), 0.6, 0.05)

    def case_work(self, e, cid, t, n=1):
        rng = self.rng
        ps = self.cases[cid]['persons']
        if not ps:
            return
        for _ in range(n):
            p = rng.choice(ps)[0]
            r = rng.random()
            sy = rng.choice(['bvh', 'summit', 'bvi', 'blueview', 'brp', 'rdw'])
            give = cid if rng.random() < 0.45 else None
            if r < 0.02:
                self.ev(t, e['id'], sy, 'print', p, give)
            elif r < 0.03:
                self.ev(t, e['id'], 'summit', 'export', p, give)
            elif r < 0.4:
                self.ev(t, e['id'], sy, 'query', p, give)
            else:
                self.ev(t, e['id'], sy, 'view', p, give)
            t += rng.randint(15, 600)

    # ------------------------------------------------------------ improper
    def pick_insider(self, funcs=None, need=None, exclude=None):
        rng = self.rng
        exec_w = {'hoofdagent': 3, 'brigadier': 3, 'agent': 1.6, 'inspecteur': 1.2}
        cands = [e for e in self.emps if len(e['shifts']) >= 6 and (funcs is None or e['func'] in funcs)
                 and (need is None or need(e)) and e['id'] not in (exclude or ())]
        if not cands:
            cands = [e for e in self.emps if len(e['shifts']) >= 6 and (need is None or need(e))]
        if not cands:
            return None
        w = [exec_w.get(e['rank'], 1.0) * (0.4 if e['id'] in self.insiders else 1.0) for e in cands]
        e = rng.choices(cands, w)[0]
        self.insiders.add(e['id'])
        return e

    def t_in_shift(self, e, dlo=0, dhi=None):
        rng = self.rng
        dhi = self.days if dhi is None else dhi
        lo, hi = self.day_start(dlo), self.day_start(dhi)
        sh = [x for x in e['shifts'] if lo <= x[0] < hi]
        if not sh:
            sh = e['shifts']
        s, en, ae, rec = rng.choice(sh)
        return s + rng.randint(15 * 60, max(16 * 60, ae - s - 600))

    def t_off(self, e, hours=(19, 23), dlo=0, dhi=None):
        rng = self.rng
        dhi = self.days if dhi is None else dhi
        for _ in range(60):
            d = rng.randint(dlo, max(dlo, dhi - 1))
            h = rng.randint(hours[0], hours[1])
            t = self.at_local(d, h % 24, rng.randint(0, 59), rng.randint(0, 59)) + (86400 if h >= 24 else 0)
            if not self.on_shift(e, t, 3 * 3600) and self.T0 <= t < self.TEND:
                return t
        return None

    def snoop(self, t, e, pid, inc, scen, view=0.75, systems=('blueview', 'bvh'), pretext=None, brp=0.25):
        rng = self.rng
        sy = rng.choice(systems)
        if rng.random() < 0.85:
            self.ev(t, e['id'], sy, 'query', pid, pretext, inc, scen)
            t += rng.randint(8, 120)
            if rng.random() < view:
                self.ev(t, e['id'], sy, 'view', pid, pretext, inc, scen)
        else:
            self.ev(t, e['id'], sy, 'view', pid, pretext, inc, scen)
        if rng.random() < brp:
            self.ev(t + rng.randint(20, 200), e['id'], 'brp', 'view', pid, pretext, inc, scen)
        return t

    def pretext_case(self, e):
        if self.rng.random() < 0.15 and e.get('cases'):
            return self.rng.choice(e['cases'])
        return None

    def sessions(self, e, pid, scen, nmin, nmax, span=(0, None), offp=0.15, inc=None):
        rng = self.rng
        inc = inc or self.new_incident_id(scen)
        n = rng.randint(nmin, nmax)
        lo = span[0]
        hi = span[1] if span[1] is not None else self.days
        pre = self.pretext_case(e)
        for _ in range(n):
            if rng.random() < offp:
                t = self.t_off(e, (18, 24), lo, hi)
            else:
                t = self.t_in_shift(e, lo, hi)
            if t:
                self.snoop(t, e, pid, inc, scen, pretext=pre)
        return inc

    def quiet_person(self):
        while True:
            p = self.rng.choice(self.quiet)
            if p not in self.reserved:
                self.reserved.add(p)
                return p

    def choose_targets(self):
        """Choose insiders and personal targets before legit work, so the targets stay out of it."""
        rng = self.rng
        self.insiders = set()
        self.plan = []
        K = lambda: rng.randint(4, 7)
        fam_emps = [e for e in self.emps if e['pid']]
        used = set()

        def pick(need):
            e = self.pick_insider(None, lambda x: x['pid'] and need(x) and x['id'] not in used)
            if e:
                used.add(e['id'])
            return e
        for _ in range(K()):
            e = pick(lambda x: True)
            if e:
                self.plan.append(('self', e, e['pid']))
        for _ in range(K()):
            e = pick(lambda x: any(p not in x['norow'] for p in x['fam'].get('partner', [])))
            if e:
                self.plan.append(('partner', e, e['fam']['partner'][0]))
        for _ in range(K()):
            e = pick(lambda x: x['fam'].get('ex_partner'))
            if e:
                self.plan.append(('ex_partner', e, e['fam']['ex_partner'][0]))
        for _ in range(K()):
            e = pick(lambda x: any(p not in x['norow'] for k in ('parent', 'child', 'sibling')
                                   for p in x['fam'].get(k, [])))
            if e:
                ps = [p for k in ('sibling', 'child', 'parent') for p in e['fam'].get(k, []) if p not in e['norow']]
                self.plan.append(('relative', e, ps[0]))
        for _ in range(K()):
            e = pick(lambda x: any(p in x['norow'] for k in ('parent', 'child', 'sibling')
                                   for p in x['fam'].get(k, [])) or x['fam'].get('inlaw'))
            if e:
                ps = [p for k in ('sibling', 'child', 'parent') for p in e['fam'].get(k, []) if p in e['norow']]
                ps += e['fam'].get('inlaw', [])
                self.plan.append(('relative_no_row', e, rng.choice(ps)))
        for _ in range(K()):
            e = pick(lambda x: True)
            if e:   # a lodger or the partner's adult child at the same address, no relation row
                p = self.new_person(self.surname(), rng.randint(1985, 2006), e['pc'], e['hn'])
                self.plan.append(('same_address', e, p))
        for _ in range(K()):
            e = pick(lambda x: len(self.households[x['pc']]) > 3)
            if e:
                hh = [h for h in self.households[e['pc']] if h[0] != e['hn']]
                p = rng.choice(rng.choice(hh)[1])
                self.plan.append(('neighbour', e, p))
        for _ in range(K()):
            e = pick(lambda x: x.get('rare') and self.rare_bearers.get(x['surname']))
            if e:
                self.plan.append(('surname', e, rng.choice(self.rare_bearers[e['surname']])))
        emp_pids = [x['pid'] for x in self.emps if x['pid']]
        for _ in range(K()):
            e = self.pick_insider(None, lambda x: x['id'] not in used)
            used.add(e['id'])
            mates = [x for x in self.emps if x['pid'] and x['id'] != e['id'] and
                     (x['team'] == e['team'] or rng.random() < 0.02)]
            c = rng.choice(mates)
            self.plan.append(('colleague', e, c['pid']))
        rng.shuffle(self.vips)
        nv = K()
        self.target_vips = self.vips[3:3 + nv]
        for v in self.target_vips:
            e = self.pick_insider(None, lambda x: x['id'] not in used)
            used.add(e['id'])
            self.plan.append(('vip', e, v))
        self.legit_vips = self.vips[3 + nv + 6:] + self.vips[:2]
        sh = self.shielded[3:]
        rng.shuffle(sh)
        ns = K()
        for v in sh[:ns]:
            e = self.pick_insider(None, lambda x: x['id'] not in used)
            used.add(e['id'])
            self.plan.append(('shielded', e, v))
        self.legit_shielded = sh[ns + 4:] + self.shielded[:1]
        tgt = set(p for (_, _, p) in self.plan)
        self.reserved |= tgt
        # the ex-partner's new partner (same address as the ex) is a target too
        for (sc, e, p) in self.plan:
            if sc == 'ex_partner':
                self.reserved |= set(e['fam'].get('ex_new', []))
        self.legit_colleague_pids = [p for p in emp_pids if p not in tgt]

    def plant(self):
        rng = self.rng
        D = self.days
        for (sc, e, p) in self.plan:
            if sc == 'self':
                inc = self.new_incident_id(sc)
                for _ in range(rng.randint(1, 3)):
                    self.snoop(self.t_in_shift(e), e, p, inc, sc, brp=0.1)
            elif sc == 'partner':
                self.sessions(e, p, sc, 2, 5, offp=0.1)
            elif sc == 'ex_partner':
                inc = self.sessions(e, p, sc, 4, 12, offp=0.35)
                for q in e['fam'].get('ex_new', []):
                    for _ in range(rng.randint(1, 4)):
                        t = self.t_in_shift(e) if rng.random() < 0.7 else self.t_off(e, (20, 25))
                        if t:
                            self.snoop(t, e, q, inc, sc, systems=('blueview', 'bvh', 'rdw'))
            elif sc in ('relative', 'relative_no_row'):
                # sometimes the relative just got into trouble: a case of another team
                if rng.random() < 0.4:
                    others = [b for b in self.basisteams if b != e['team']]
                    tm = rng.choice(others)
                    d = rng.randint(2, D - 6)
                    op = self.at_local(d, rng.randint(0, 23), rng.randint(0, 59))
                    cid = 'BVH-26-%06d' % (800000 + len(self.case_order))
                    c = self.add_case(cid, 'incident', 'rotterdam', tm, op, op + 7200, False)
                    c['persons'] = [(p, 'verdachte')]
                    self.sessions(e, p, sc, 2, 6, span=(d + 1, min(D, d + 10)), offp=0.2)
                else:
                    self.sessions(e, p, sc, 1, 4, offp=0.15)
            elif sc == 'same_address':
                self.sessions(e, p, sc, 1, 4, offp=0.2)
            elif sc == 'neighbour':
                inc = self.sessions(e, p, sc, 2, 6, offp=0.25)
                hh = [h for h in self.households[e['pc']] if h[0] != e['hn'] and p not in h[1]]
                if hh and rng.random() < 0.5:   # the neighbour's housemate too
                    q = rng.choice(rng.choice(hh)[1])
                    self.snoop(self.t_in_shift(e), e, q, inc, sc)
            elif sc == 'surname':
                self.sessions(e, p, sc, 1, 3, offp=0.1)
            elif sc == 'colleague':
                self.sessions(e, p, sc, 1, 4, offp=0.1)
            elif sc == 'vip':
                self.sessions(e, p, sc, 1, 3, offp=0.2)
            elif sc == 'shielded':
                self.sessions(e, p, sc, 1, 3, offp=0.1)
        # sensitive ongoing investigations: the leak-to-criminals pattern
        for _ in range(rng.randint(4, 7)):
            e = self.pick_insider(('noodhulp', 'arrestantenzorg', 'rechercheur', 'wijkagent', 'intake'))
            cs = [c for c in self.sensitive_cases if self.cases[c]['team'] != e['team'] and
                  e['id'] not in [s[0] for s in self.cases[c]['staff']] and self.cases[c]['persons']]
            if not cs:
                continue
            c = self.cases[rng.choice(cs)]
            inc = self.new_incident_id('sensitive_investigation')
            sus = [p for (p, r) in c['persons'] if r == 'verdachte'] or [c['persons'][0][0]]
            d0 = rng.randint(0, D - 8)
            for p in rng.sample(sus, min(len(sus), rng.randint(1, 4))):
                for _ in range(rng.randint(1, 3)):
                    t = self.t_in_shift(e, d0, min(D, d0 + 9)) if rng.random() < 0.8 else \
                        self.t_off(e, (19, 23), d0, min(D, d0 + 9))
                    if t:
                        self.snoop(t, e, p, inc, 'sensitive_investigation', systems=('bvh', 'blueview', 'bvi'),
                                   pretext=self.pretext_case(e), brp=0.35)
        # off shift, from home: a friend's question about someone
        for _ in range(rng.randint(4, 7)):
            e = self.pick_insider(('noodhulp', 'wijkagent', 'rechercheur', 'intake'))
            inc = self.new_incident_id('off_shift')
            d = rng.randint(1, D - 2)
            for _ in range(rng.randint(1, 3)):
                p = self.quiet_person()
                t = self.t_off(e, (10, 22), d, d + 2)
                for _ in range(rng.randint(1, 2)):
                    if t:
                        self.snoop(t, e, p, inc, 'off_shift', systems=('blueview', 'brp', 'bvh'))
                        t += rng.randint(120, 1800)
        # unusual hour: a day worker logged in deep in the night
        for _ in range(rng.randint(4, 7)):
            e = self.pick_insider(('rechercheur', 'wijkagent', 'analist', 'intake', 'staf'))
            inc = self.new_incident_id('unusual_hour')
            t = self.t_off(e, (1, 4))
            if not t:
                continue
            for _ in range(rng.randint(2, 6)):
                p = self.quiet_person()
                t = self.snoop(t, e, p, inc, 'unusual_hour') + rng.randint(60, 600)
        # volume spike: collecting addresses for someone (a debt collector, a criminal contact)
        for _ in range(rng.randint(3, 6)):
            e = self.pick_insider(('noodhulp', 'wijkagent', 'intake', 'rechercheur'))
            inc = self.new_incident_id('volume_spike')
            d = rng.randint(3, D - 3)
            for dd in range(d, d + rng.randint(1, 3)):
                sh = [x for x in e['shifts'] if self.day_start(dd) <= x[0] < self.day_start(dd + 1)]
                if not sh:
                    continue
                s, en, ae, rec = sh[0]
                for _ in range(rng.randint(40, 110)):
                    t = s + rng.randint(600, max(601, ae - s - 300))
                    p = self.quiet_person()
                    self.ev(t, e['id'], rng.choice(['brp', 'bvh', 'blueview']), 'query', p, None, inc, 'volume_spike')
                    if rng.random() < 0.5:
                        self.ev(t + rng.randint(5, 60), e['id'], 'brp', 'view', p, None, inc, 'volume_spike')
        # browsing: a burst of unrelated persons (a street, old classmates, celebrities)
        for _ in range(rng.randint(4, 7)):
            e = self.pick_insider(None)
            inc = self.new_incident_id('browsing')
            t = self.t_in_shift(e)
            mode = rng.random()
            if mode < 0.35:   # a whole street segment
                pc = rng.choice(self.pcs_city)
                ps = [p for h in self.households[pc] for p in h[1] if p not in self.reserved]
            else:
                ps = [self.quiet_person() for _ in range(rng.randint(15, 40))]
            if mode > 0.8:
                ps += rng.sample(self.legit_vips, min(3, len(self.legit_vips)))
            for p in ps:
                self.reserved.add(p)
                self.ev(t, e['id'], 'blueview', 'query', p, None, inc, 'browsing')
                if rng.random() < 0.3:
                    self.ev(t + rng.randint(5, 40), e['id'], 'blueview', 'view', p, None, inc, 'browsing')
                t += rng.randint(15, 90)
        # export / print of records without a work reason
        for _ in range(rng.randint(4, 7)):
            e = self.pick_insider(None)
            inc = self.new_incident_id('export_print')
            for _ in range(rng.randint(1, 3)):
                p = self.quiet_person()
                t = self.t_in_shift(e)
                t = self.snoop(t, e, p, inc, 'export_print', view=1.0, systems=('bvh', 'summit'), brp=0.1)
                self.ev(t + rng.randint(20, 300), e['id'], rng.choice(['bvh', 'summit']),
                        rng.choice(['print', 'export', 'print']), p, None, inc, 'export_print')
        # following one person over weeks
        for i in range(rng.randint(4, 7)):
            if i % 2 == 0:
                # first met in real work: a victim or witness of an incident the employee handled
                done = False
                for _ in range(200):
                    cid = rng.choice(self.incidents[: len(self.incidents) // 2])
                    c = self.cases[cid]
                    cands = [p for (p, r) in c['persons'] if r in ('slachtoffer', 'getuige', 'melder')
                             and p in self.general_set]
                    staff = [s[0] for s in c['staff'] if self.emp_by_id[s[0]]['func'] == 'noodhulp']
                    if cands and staff:
                        e = self.emp_by_id[rng.choice(staff)]
                        p = cands[0]
                        d0 = int((c['opened'] - self.T0) // 86400) + 3
                        if d0 >= self.days - 8:
                            continue
                        inc = self.new_incident_id('following')
                        self.insiders.add(e['id'])
                        for _ in range(rng.randint(5, 12)):
                            t = self.t_in_shift(e, d0, self.days) if rng.random() < 0.75 else \
                                self.t_off(e, (18, 24), d0, self.days)
                            if t and t > c['opened'] + 2 * 86400:
                                self.snoop(t, e, p, inc, 'following', systems=('blueview', 'bvh', 'brp'))
                        done = True
                        break
                if done:
                    continue
            e = self.pick_insider(None)
            p = self.quiet_person()
            inc = self.new_incident_id('following')
            for _ in range(rng.randint(6, 14)):
                t = self.t_in_shift(e) if rng.random() < 0.7 else self.t_off(e, (18, 24))
                if t:
                    self.snoop(t, e, p, inc, 'following', systems=('blueview', 'bvh', 'brp', 'rdw'))
        # news hype: an arrest at the airport makes the news
        self.news_hype()

    def news_hype(self):
        rng = self.rng
        D = self.days
        d = rng.randint(D // 2, D - 4)
        star = rng.random() < 0.5
        if star:
            p = self.new_person(self.surname(), rng.randint(1990, 2002), rng.choice(self.pcs_city), '7', 'vip')
        else:
            p = self.new_person(rng.choice(self.nl_names), rng.randint(1980, 2000), rng.choice(self.pcs_city), '31')
        self.hype_person = p
        op = self.at_local(d, rng.randint(6, 9), rng.randint(0, 59))
        lucht = [x for x in self.emps if x['team'] == 'T-LE-LUCHT' and self.on_shift(x, op)]
        c = self.add_case('BVH-26-%06d' % 777000, 'incident', 'landelijke_eenheid', 'T-LE-LUCHT', op, op + 4 * 3600,
                          False)
        c['persons'] = [(p, 'verdachte')]
        for x in lucht[:3]:
            c['staff'].append((x['id'], op, ''))
            self.lookup(op + rng.randint(300, 1800), x['id'], p, c['id'], ('bvh', 'blueview'), 1.0, 0)
        inv = self.add_case('LR-26-%04d' % 9001, 'investigation', 'landelijke_eenheid', 'T-LE-LR', self.day_start(d),
                            None, True, 'date', 'date')
        inv['persons'] = [(p, 'verdachte')]
        lr = [x for x in self.emps if x['team'] == 'T-LE-LR']
        for x in lr[:4]:
            inv['staff'].append((x['id'], self.day_start(d), ''))
            for _ in range(rng.randint(2, 6)):
                t = self.t_in_shift(x, d, D)
                self.ev(t, x['id'], rng.choice(['bvh', 'summit']), 'view', p, inv['id'] if rng.random() < 0.5 else None)
        news = op + 6 * 3600
        n = rng.randint(14, 24)
        for _ in range(n):
            e = self.pick_insider(('noodhulp', 'wijkagent', 'rechercheur', 'intake', 'meldkamer', 'arrestantenzorg',
                                   'staf'), lambda x: x['unit'] == 'rotterdam')
            t = None
            for _ in range(30):
                cand = news + rng.randint(0, 54 * 3600)
                if self.on_shift(e, cand) or rng.random() < 0.15:
                    t = cand
                    break
            if t is None:
                continue
            inc = self.new_incident_id('news_hype')
            self.snoop(t, e, p, inc, 'news_hype', view=0.85, brp=0.1)

    # ------------------------------------------------------------ build
    def build(self):
        self.build_population()
        self.build_org()
        self.build_rosters()
        self.general_set = set(self.general)
        self.choose_targets()
        self.gen_history()
        self.gen_investigations()
        self.gen_incidents()
        self.team_inc = {}
        self.team_inc_open = {}
        for cid in self.incidents:
            c = self.cases[cid]
            self.team_inc.setdefault(c['team'], []).append(cid)
            self.team_inc_open.setdefault(c['team'], []).append(c['opened'])
        self.shift_work()
        n_legit = len(self.events)
        self.plant()
        # keep everything inside the window
        self.events = [x for x in self.events if self.T0 <= x[0] < self.TEND]
        self.events.sort(key=lambda x: x[0])

    # ------------------------------------------------------------ write
    def write(self, out):
        rng = self.rng
        os.makedirs(out, exist_ok=True)

        def q(v):
            v = '' if v is None else str(v)
            if any(ch in v for ch in ',"\n\r'):
                return '"' + v.replace('"', '""') + '"'
            return v

        def wcsv(name, header, rows, bom=False, crlf=False):
            nl = '\r\n' if crlf else '\n'
            with open(os.path.join(out, name), 'w', encoding='utf-8', newline='') as f:
                if bom:
                    f.write('\ufeff')
                f.write(','.join(header) + nl)
                for r in rows:
                    f.write(','.join(q(v) for v in r) + nl)

        fte = {'rotterdam': 0, 'landelijke_eenheid': 0, 'pdc': 0}
        for e in self.emps:
            fte[e['unit']] += 1
        wcsv('units.csv', ['unit_id', 'name', 'fte'],
             [('rotterdam', 'Eenheid Rotterdam', ('%.1f' % (fte['rotterdam'] * 0.93)).replace('.', ',')),
              ('landelijke_eenheid', 'Landelijke Eenheid, Dienst Infrastructuur', '%.1f' % (fte['landelijke_eenheid'] * 0.95)),
              ('pdc', 'Politiedienstencentrum', '')])
        wcsv('teams.csv', ['team_id', 'unit_id', 'kind', 'name'], self.teams)
        rows = []
        late = []
        for e in self.emps:
            r = e['rank'] if rng.random() > 0.05 else e['rank'].capitalize()
            if e['old_team']:
                rows.append((e['id'], e['surname'], e['pid'], e['unit'], e['old_team'], r, e.get('old_func'),
                             'personeelssysteem'))
                late.append((e['id'], e['surname'], e['pid'], self.team_unit[e['team']], e['team'], r, e['func'],
                             'mutatie'))
            else:
                rows.append((e['id'], e['surname'], e['pid'], e['unit'], e['team'], r, e['func'], 'personeelssysteem'))
        wcsv('employees.csv', [' Employee_ID ', 'surname', 'person_id', 'unit_id', 'team_id', 'rank', 'function',
                               'bron'], rows + late, crlf=True)
        prow = []
        for (pid, sn, by, pc, hn, fl) in self.persons:
            if pc and rng.random() < 0.04:
                pc = pc[:4] + ' ' + (pc[4:].lower() if rng.random() < 0.5 else pc[4:])
            prow.append((pid, sn, by, pc, hn, fl))
        wcsv('persons.csv', ['person_id', 'surname', 'birth_year', 'postcode', 'house_number', 'flags'], prow,
             bom=True)
        wcsv('relations.csv', ['person_id', 'related_person_id', 'kind'], self.relations)

        def fmt_open(t, how):
            if t is None:
                return ''
            if how == 'date':
                return fdate(t)
            return floc(t) if rng.random() < 0.5 else fz(t)
        crow, cprow, csrow = [], [], []
        for cid in self.case_order:
            c = self.cases[cid]
            sens = c['sensitive']
            sv = ('true' if sens else 'false') if rng.random() > 0.05 else (('ja' if sens else '') if sens or
                                                                          rng.random() < 0.5 else 'nee')
            cl = c['closed']
            if cl is not None and cl < c['opened']:
                cl = c['opened']
            crow.append((cid, c['kind'], c['unit'], c['team'], fmt_open(c['opened'], c['of']),
                         fmt_open(cl, c['cf']), sv))
            for (p, r) in c['persons']:
                cprow.append((cid, p, r))
            for (eid, fr, to) in c['staff']:
                frs = '' if fr == '' else (fdate(fr) if c['kind'] == 'investigation' else fz(fr))
                tos = '' if to == '' else fdate(to)
                if fr != '' and to != '' and to < fr:
                    tos = fdate(fr)
                csrow.append((cid, eid, frs, tos))
        wcsv('cases.csv', ['case_id', 'kind', 'unit_id', 'team_id', 'opened', 'closed', 'sensitive'], crow)
        wcsv('case_persons.csv', ['case_id', 'person_id', 'role'], cprow)
        wcsv('case_staff.csv', ['case_id', 'employee_id', 'from', 'to'], csrow)
        srow = []
        for e in self.emps:
            for (s, en, ae, rec) in e['shifts']:
                if rec:
                    srow.append((e['id'], floc(s), floc(en)))
        wcsv('shifts.csv', ['employee_id', 'start', 'end'], srow, crlf=True)
        # events
        truth = []
        n_ok = [0, 0, 0]
        with open(os.path.join(out, 'events.jsonl'), 'w', encoding='utf-8', newline='') as f:
            for i, (t, e, sy, act, p, cid, inc, scen, expl) in enumerate(self.events):
                eid = 'e-%07d' % (i + 1)
                r = rng.random()
                if r < 0.9:
                    ts = fz(t)
                elif r < 0.96:
                    ts = floc(t)
                elif r < 0.98:
                    ts = time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t)) + '.%03dZ' % rng.randint(0, 999)
                else:
                    ts = time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(t)) + 'Z'
                if cid:
                    cpart = ',"case_id":"%s"' % cid
                else:
                    r2 = rng.random()
                    cpart = '' if r2 < 0.8 else (',"case_id":null' if r2 < 0.9 else ',"case_id":""')
                if rng.random() < 0.97:
                    line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s}' % (
                        eid, ts, e, sy, act, p, cpart)
                else:
                    line = '{"person_id": "%s", "action": "%s", "ts": "%s", "id": "%s", "employee_id": "%s", ' \
                           '"system": "%s", "terminal": {"ws": "RTD-%04d"}%s}' % (
                               p, act.upper() if rng.random() < 0.5 else act, ts, eid, e, sy, rng.randint(1, 9999), cpart)
                f.write(line + ('\r\n' if i % 97 == 5 else '\n'))
                if i % 50000 == 7:
                    f.write('\n')
                if inc:
                    truth.append((eid, inc, scen))
                else:
                    n_ok[min(expl, 2)] += 1
        wcsv('truth.csv', ['event_id', 'incident_id', 'scenario'], truth)
        # summary to stderr
        legit = sum(n_ok)
        scen_ev = {}
        for (_, inc, sc) in truth:
            scen_ev[sc] = scen_ev.get(sc, 0) + 1
        sys.stderr.write('events %d (legit %d: case/shift-explainable %.1f%%, role-based %.1f%%, no record %.1f%%); '
                         'improper %d in %d incidents\n' % (len(self.events), legit, 100.0 * n_ok[1] / legit,
                                                            100.0 * n_ok[2] / legit, 100.0 * n_ok[0] / legit,
                                                            len(truth), len(set(x[1] for x in truth))))
        sys.stderr.write('persons %d, employees %d, cases %d, case_persons %d, case_staff %d, shifts %d\n' % (
            len(self.persons), len(self.emps), len(self.case_order), len(cprow), len(csrow), len(srow)))
        for sc in sorted(scen_ev):
            incs = len(set(x[1] for x in truth if x[2] == sc))
            sys.stderr.write('  %-24s incidents %3d  events %5d\n' % (sc, incs, scen_ev[sc]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--employees', type=int, default=1000)
    ap.add_argument('--days', type=int, default=28)
    a = ap.parse_args()
    t0 = time.time()
    w = World(a.seed, a.employees, a.days)
    w.build()
    w.write(a.outdir)
    sys.stderr.write('done in %.1fs\n' % (time.time() - t0))


if __name__ == '__main__':
    main()
