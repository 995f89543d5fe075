#!/usr/bin/env python3
"""redteam7 — an independent synthetic look-up world for lekradar.

Models a fictional "Eenheid Limburg" split into districts: a border region
(Germany/Belgium, drug-runner hit teams on the motorways, a cross-border
information team), with the Pinkpop festival weekend in Parkstad, a regional
control room and real-time intelligence centre, a regional detective service
with sensitive undermining investigations, and district intake desks.

Usage: python3 gen.py OUTDIR --seed N [--employees 1200] [--days 28] [--start 2026-06-01]

Writes OUTDIR/{units,teams,employees,persons,relations,cases,case_persons,
case_staff,shifts}.csv, OUTDIR/events.jsonl and OUTDIR/truth.csv
(docs/formats.md). Python 3 standard library only.
"""
import argparse
import calendar
import json
import math
import os
import random
import sys
import time
from collections import defaultdict

DAY, HOUR, MIN = 86400, 3600, 60

# ---------------------------------------------------------------- time helpers
_dst_cache = {}


def _dst_bounds(y):
    if y not in _dst_cache:
        def last_sunday(month):
            d = calendar.monthrange(y, month)[1]
            wd = calendar.weekday(y, month, d)
            return calendar.timegm((y, month, d - ((wd - 6) % 7), 1, 0, 0))
        _dst_cache[y] = (last_sunday(3), last_sunday(10))
    return _dst_cache[y]


def nl_offset(ts):
    a, b = _dst_bounds(time.gmtime(ts).tm_year)
    return 7200 if a <= ts < b else 3600


def fmt_z(ts):
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(ts))


def fmt_loc(ts, sep='T', frac=''):
    off = nl_offset(ts)
    return time.strftime('%Y-%m-%d' + sep + '%H:%M:%S', time.gmtime(ts + off)) + frac + ('+02:00' if off == 7200 else '+01:00')


def loc_date(ts):
    return time.strftime('%Y-%m-%d', time.gmtime(ts + nl_offset(ts)))


def loc_hour(ts):
    return ((ts + nl_offset(ts)) % DAY) // HOUR


def poisson(rng, lam):
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
    L, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= L:
            return k
        k += 1


# ---------------------------------------------------------------- names
COMMON_NL = ("Janssen Peters Smeets Hendriks Jacobs Willems Vossen Coenen Houben Lemmens Gerards "
             "Kessels Schreurs Wetzels Dassen Rutten Heijnen Moonen Stassen Vaessen Wolfs Frissen "
             "Ramakers Bastiaens Meertens Notermans Ortmans Schmeits Thewissen Zeegers Crombach Debets "
             "Ubachs Vliegen Pluijmen Bemelmans Hermans Claessens Geurts Hoeben Jeurissen Kusters "
             "Lenssen Linssen Maessen Nijssen Paulissen Philipsen Reijnders Roumen Sijben Slangen "
             "Theunissen Verheijen Vranken Winkens Wijnen Bouwens Brouns Cox Custers Dohmen Engelen Franssen "
             "Gielen Habets Hanssen Horsmans Kicken Klinkers Kuijpers Lardinois Lucassen Mertens Mulders "
             "Muytjens Op_den_Kamp Penders Pieters Quaedvlieg Raedts Reinders Schoenmakers Simons Spronck "
             "Steijns Tummers Vankan Verhoeven Vissers Wagemans Wouters Driessen Haenen Beckers").split()
GEN_NL = ("de_Vries Jansen van_den_Berg Bakker Visser Smit Meijer de_Boer Mulder de_Groot Bos Vos "
          "Dekker van_Dijk Koster van_Leeuwen Brouwer de_Wit van_der_Linden Kok Verbeek Maas").split()
NON_NL = ("Yilmaz Öztürk Kaya Demir Çelik El_Amrani Bouzid El_Idrissi Aarab Benali Kowalski Nowak "
          "Wiśniewski Santos da_Silva Nguyen Haddad Kurt Aydın Popescu Ionescu Osman Hussein Ahmadi").split()
FOREIGN = ("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schulz Koch Richter "
           "Klein Wolf Schröder Neumann Braun Zimmermann Krüger Hartmann Peeters Maes Claes Goossens "
           "Dubois Lambert Martin Dupont Mertens Wouters Jacobs Vermeulen Lejeune Renard").split()
RARE_A = "Bran Cre Dorm Ger Hab Kerk Lam Mees Pal Rou Sche Thij Vroe Wie Zel Gul Hor Jon Kni Lou Mack Nol Pee Rad Sto Tij Urm Vel".split()
RARE_B = "mans ers sen kens ix ens dijk hoff broek mackers gens hausen ings eler weegs ray".split()


def nm(s):
    return s.replace('_', ' ')


# ---------------------------------------------------------------- world layout
DISTRICTS = [
    # unit_id, name, pc_lo, pc_hi, weight(population), short
    ('lim_noord', 'District Noord-Limburg (Venlo)', 5900, 5999, 1.0, 'NRD'),
    ('lim_midden', 'District Midden-Limburg (Roermond/Weert)', 6000, 6099, 1.0, 'MID'),
    ('lim_westmijn', 'District Westelijke Mijnstreek (Sittard-Geleen)', 6100, 6199, 0.8, 'WMS'),
    ('lim_maastricht', 'District Maastricht-Heuvelland', 6200, 6299, 1.0, 'MST'),
    ('lim_parkstad', 'District Parkstad (Heerlen/Kerkrade/Landgraaf)', 6340, 6469, 1.1, 'PKS'),
]
SERVICE_UNITS = [
    ('lim_drr', 'Dienst Regionale Recherche, Limburg'),
    ('lim_dro', 'Dienst Regionale Operationele Samenwerking (meldkamer, RTIC)'),
    ('lim_dio', 'Dienst Regionale Informatieorganisatie'),
    ('lim_staf', 'Staf eenheid Limburg'),
]

RESPONDER_FUNCS = {'noodhulp', 'basispolitiezorg', 'wijkagent', 'hitteam', 'evenementen'}


class World:
    def __init__(self, seed, n_emp, days, start):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_emp = n_emp
        self.days = days
        y, m, d = map(int, start.split('-'))
        self.base_naive = calendar.timegm((y, m, d, 0, 0, 0))
        self.t0 = self.local(0, 0, 0)
        self.t1 = self.local(days, 0, 0)
        self.events = []       # (ts, emp, system, action, pid, case_id)
        self.truth = []        # (event index, incident_id, scenario)
        self.expl = []         # my own "explainable by construction" flag per event (legit)
        self.case_rows = {}
        self.case_persons = defaultdict(list)
        self.person_cases = defaultdict(list)
        self.case_staff = []
        self.staff_idx = defaultdict(list)   # (case, emp) -> [(from,to)]
        self.n_incident = 0

    def local(self, day, h, m=0, s=0):
        naive = self.base_naive + day * DAY + h * HOUR + m * MIN + s
        return naive - nl_offset(naive - 3600)

    # ------------------------------------------------------------ persons
    def build_persons(self):
        rng = self.rng
        self.rare = sorted({a + b for a in RARE_A for b in RARE_B})
        rng.shuffle(self.rare)
        zipf_nl = [(s, 1.0 / (i + 1) ** 0.9) for i, s in enumerate(COMMON_NL)]
        zipf_gen = [(s, 0.5 / (i + 1) ** 0.9) for i, s in enumerate(GEN_NL)]
        self.sn_pool = [s for s, _ in zipf_nl + zipf_gen]
        self.sn_w = [w for _, w in zipf_nl + zipf_gen]
        self.sn_cum = []
        c = 0
        for w in self.sn_w:
            c += w
            self.sn_cum.append(c)
        self.sur, self.by, self.pc, self.hn, self.flags, self.district = [], [], [], [], [], []
        self.extra_land = []
        self.pc_list = {}
        for u, _, lo, hi, w, _ in DISTRICTS:
            pcs = []
            for num in range(lo, hi + 1):
                for _ in range(rng.randint(4, 9)):
                    letters = chr(65 + rng.randrange(26)) + chr(65 + rng.randrange(26))
                    if letters not in ('SA', 'SD', 'SS'):
                        pcs.append('%d%s' % (num, letters))
            self.pc_list[u] = sorted(set(pcs))
        self.addr = defaultdict(list)      # (pc,hn) -> persons
        self.by_pc = defaultdict(list)
        self.by_surname = defaultdict(list)
        self.relations = []                # (a, b, kind)
        self.rel_of = defaultdict(list)
        self.n_persons_target = max(40000, self.n_emp * 170)
        dweights = [d[4] for d in DISTRICTS]
        # residents, by household
        while len(self.sur) < self.n_persons_target * 0.9:
            d = rng.choices(DISTRICTS, dweights)[0][0]
            self.make_household(d)
        self.foreign_lo = len(self.sur)
        # foreigners (no Dutch address): visitors, drug tourists, cross-border commuters
        while len(self.sur) < self.n_persons_target:
            self.new_person(nm(rng.choice(FOREIGN)), rng.randint(1950, 2008), '', '', land=rng.choice(['DE', 'DE', 'BE', 'BE', 'PL', 'FR']))
        self.n_pop = len(self.sur)
        self.foreign_range = (self.foreign_lo, self.n_pop)
        # deceased
        for i in rng.sample(range(self.n_pop), self.n_pop // 70):
            self.flags[i].add('deceased')
        # repeat offenders per district
        self.veelplegers = defaultdict(list)
        for i in rng.sample(range(self.n_pop), self.n_pop // 60):
            if self.district[i]:
                self.veelplegers[self.district[i]].append(i)
        self.residents = defaultdict(list)
        for i in range(self.n_pop):
            self.residents[self.district[i]].append(i)

    def foreigner(self, rng):
        return rng.randrange(*self.foreign_range)

    def pick_surname(self, rng):
        r = rng.random()
        if r < 0.10:
            return nm(rng.choice(NON_NL))
        if r < 0.14:
            return rng.choice(self.rare)
        x = rng.random() * self.sn_cum[-1]
        lo, hi = 0, len(self.sn_cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sn_cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return nm(self.sn_pool[lo])

    def new_person(self, surname, by, pc, hn, district='', land=''):
        i = len(self.sur)
        self.sur.append(surname)
        self.by.append(by)
        self.pc.append(pc)
        self.hn.append(hn)
        self.flags.append(set())
        self.district.append(district)
        self.extra_land.append(land or ('NL' if pc else ''))
        if pc:
            self.addr[(pc, hn)].append(i)
            self.by_pc[pc].append(i)
        self.by_surname[surname].append(i)
        return i

    def add_rel(self, a, b, kind, write=True):
        inv = {'partner': 'partner', 'ex_partner': 'ex_partner', 'parent': 'child', 'child': 'parent',
               'sibling': 'sibling', 'household': 'household'}[kind]
        self.rel_of[a].append((b, kind))
        self.rel_of[b].append((a, inv))
        if write:
            self.relations.append((a, b, kind))
            if self.rng.random() < 0.5:
                self.relations.append((b, a, inv))

    def new_address(self, d):
        rng = self.rng
        pc = rng.choice(self.pc_list[d])
        r = rng.random()
        hn = str(rng.randint(1, 140))
        if r < 0.08:
            hn += rng.choice('ABCD')
        elif r < 0.11:
            hn += '-' + str(rng.randint(1, 4))
        elif r < 0.12:
            hn += ' bis'
        return pc, hn

    def make_household(self, d, surname=None, head_by=None, write_rel=None):
        rng = self.rng
        pc, hn = self.new_address(d)
        size = rng.choices([1, 2, 3, 4, 5], [0.36, 0.32, 0.13, 0.13, 0.06])[0]
        sn = surname or self.pick_surname(rng)
        hb = head_by or rng.randint(1938, 2004)
        if write_rel is None:
            write_rel = rng.random() < 0.3
        head = self.new_person(sn, hb, pc, hn, d)
        members = [head]
        if size >= 2:
            psn = sn if rng.random() < 0.35 else self.pick_surname(rng)
            p = self.new_person(psn, min(2006, max(1935, hb + rng.randint(-6, 6))), pc, hn, d)
            self.add_rel(head, p, 'partner', write_rel)
            members.append(p)
        for _ in range(size - 2):
            cb = hb + rng.randint(22, 40)
            if cb > 2025:
                cb = 2025 - rng.randint(0, 5)
            c = self.new_person(sn, cb, pc, hn, d)
            for m_ in members[:2]:
                self.add_rel(m_, c, 'child', write_rel)
            members.append(c)
        return members

    # ------------------------------------------------------------ organisation
    def build_org(self):
        rng = self.rng
        self.units = []
        for u, name, *_ in DISTRICTS:
            self.units.append((u, name))
        self.units += SERVICE_UNITS
        T = self.teams = {}   # tid -> (unit, kind, name)
        for u, name, lo, hi, w, s in DISTRICTS:
            T['T-%s-BT1' % s] = (u, 'basisteam', 'Basisteam %s 1' % s)
            T['T-%s-BT2' % s] = (u, 'basisteam', 'Basisteam %s 2' % s)
            T['T-%s-NH' % s] = (u, 'noodhulp', 'Noodhulp %s' % s)
            T['T-%s-WT' % s] = (u, 'wijkteam', 'Wijkteam %s' % s)
            T['T-%s-REC' % s] = (u, 'recherche', 'Districtsrecherche %s' % s)
            T['T-%s-INT' % s] = (u, 'intake_service', 'Intake & Service %s' % s)
        T['T-NRD-GRENS'] = ('lim_noord', 'noodhulp', 'Hit team drugsrunners A67/A73')
        T['T-MST-GRENS'] = ('lim_maastricht', 'noodhulp', 'Hit team drugsrunners A2/Maasboulevard')
        T['T-PKS-EVENT'] = ('lim_parkstad', 'noodhulp', 'Evenemententeam Parkstad (Pinkpop)')
        T['T-DRR-OND1'] = ('lim_drr', 'recherche', 'Ondermijning 1 (synthetische drugs)')
        T['T-DRR-OND2'] = ('lim_drr', 'recherche', 'Ondermijning 2 (witwassen, vastgoed)')
        T['T-DRR-ZWA'] = ('lim_drr', 'recherche', 'Zware criminaliteit / TGO')
        T['T-DRR-ZED'] = ('lim_drr', 'recherche', 'Zeden en kinderporno')
        T['T-DRR-OBS'] = ('lim_drr', 'specialistisch', 'Observatieteam')
        T['T-DRO-MK'] = ('lim_dro', 'meldkamer', 'Meldkamer Limburg, politie')
        T['T-DRO-RTIC'] = ('lim_dro', 'informatie_analyse', 'Real Time Intelligence Center')
        T['T-DIO-ANA'] = ('lim_dio', 'informatie_analyse', 'Analyse en Onderzoek')
        T['T-DIO-EPICC'] = ('lim_dio', 'informatie_analyse', 'EPICC "Euregio" (NL/BE/DE), Heerlen')
        T['T-STAF'] = ('lim_staf', 'staf', 'Staf, klachten en bedrijfsvoering')
        T['T-OOS'] = ('lim_staf', 'ondersteuning', 'Operationele ondersteuning')
        T['T-PROJ'] = ('lim_staf', '', 'Projectteam informatievoorziening')

        mix = [  # (team suffix or id, function, share of employees, rank weights)
        ]
        n = self.n_emp
        alloc = []
        per_d = {'BT1': (0.056, 'basispolitiezorg'), 'BT2': (0.05, 'basispolitiezorg'), 'NH': (0.026, 'noodhulp'),
                 'WT': (0.024, 'wijkagent'), 'REC': (0.023, 'rechercheur'), 'INT': (0.012, 'intake')}
        for u, _, _, _, w, s in DISTRICTS:
            for suf, (share, fn) in per_d.items():
                alloc.append(('T-%s-%s' % (s, suf), fn, max(2, round(n * share * (0.8 + 0.2 * w)))))
        alloc += [('T-NRD-GRENS', 'hitteam', max(2, round(n * 0.012))),
                  ('T-MST-GRENS', 'hitteam', max(2, round(n * 0.012))),
                  ('T-PKS-EVENT', 'evenementen', max(2, round(n * 0.008))),
                  ('T-DRR-OND1', 'rechercheur', max(2, round(n * 0.022))),
                  ('T-DRR-OND2', 'rechercheur', max(2, round(n * 0.018))),
                  ('T-DRR-ZWA', 'rechercheur', max(2, round(n * 0.022))),
                  ('T-DRR-ZED', 'rechercheur', max(2, round(n * 0.012))),
                  ('T-DRR-OBS', 'observant', max(2, round(n * 0.012))),
                  ('T-DRO-MK', 'meldkamer', max(3, round(n * 0.045))),
                  ('T-DRO-RTIC', 'rtic-analist', max(2, round(n * 0.014))),
                  ('T-DIO-ANA', 'analist', max(2, round(n * 0.03))),
                  ('T-DIO-EPICC', 'epicc', max(2, round(n * 0.011))),
                  ('T-STAF', 'staf', max(2, round(n * 0.03))),
                  ('T-OOS', 'ondersteuning', max(2, round(n * 0.02))),
                  ('T-PROJ', 'projectmedewerker', max(1, round(n * 0.006)))]
        total = sum(a[2] for a in alloc)
        # scale to n
        scale = n / total
        alloc = [(t, f, max(1, round(k * scale))) for t, f, k in alloc]
        diff = n - sum(a[2] for a in alloc)
        i = 0
        while diff != 0:
            t, f, k = alloc[i % len(alloc)]
            if diff > 0:
                alloc[i % len(alloc)] = (t, f, k + 1)
                diff -= 1
            elif k > 2:
                alloc[i % len(alloc)] = (t, f, k - 1)
                diff += 1
            i += 1
        rank_w = {
            'basispolitiezorg': [('aspirant', 6), ('agent', 20), ('hoofdagent', 45), ('brigadier', 20), ('inspecteur', 4)],
            'noodhulp': [('agent', 25), ('hoofdagent', 50), ('brigadier', 20), ('inspecteur', 3)],
            'wijkagent': [('hoofdagent', 40), ('brigadier', 55), ('inspecteur', 5)],
            'hitteam': [('agent', 20), ('hoofdagent', 50), ('brigadier', 25)],
            'evenementen': [('hoofdagent', 40), ('brigadier', 40), ('inspecteur', 20)],
            'rechercheur': [('hoofdagent', 30), ('brigadier', 45), ('inspecteur', 18), ('burger', 7)],
            'observant': [('hoofdagent', 40), ('brigadier', 50), ('inspecteur', 10)],
            'intake': [('burger', 45), ('surveillant', 25), ('agent', 15), ('hoofdagent', 15)],
            'meldkamer': [('burger', 55), ('hoofdagent', 25), ('brigadier', 20)],
            'rtic-analist': [('burger', 60), ('hoofdagent', 20), ('brigadier', 20)],
            'analist': [('burger', 75), ('brigadier', 15), ('inspecteur', 10)],
            'epicc': [('burger', 40), ('brigadier', 30), ('inspecteur', 10), ('extern', 20)],
            'staf': [('burger', 60), ('inspecteur', 15), ('hoofdinspecteur', 15), ('commissaris', 10)],
            'ondersteuning': [('burger', 70), ('extern', 30)],
            'projectmedewerker': [('burger', 50), ('extern', 50)],
        }
        self.emps = []
        k = 0
        seqs = list(range(1, n * 3))
        rng.shuffle(seqs)
        for tid, fn, cnt in alloc:
            unit = T[tid][0]
            for _ in range(cnt):
                ranks, ws = zip(*rank_w[fn])
                rank = rng.choices(ranks, ws)[0]
                eid = 'L%05d' % (10000 + seqs[k])
                k += 1
                self.emps.append({'id': eid, 'team': tid, 'unit': unit, 'rank': rank, 'fn': fn,
                                  'moves': [], 'start_day': 0, 'pid': None, 'surname': None,
                                  'shifts': [], 'rec': [], 'idx': len(self.emps)})
        # home district preference: executive staff often live in the district they serve
        for e in self.emps:
            d = e['unit'] if e['unit'].startswith('lim_') and e['unit'] in self.pc_list else None
            if d is None or rng.random() < 0.45:
                d = rng.choice(DISTRICTS)[0]
            sn = None
            if rng.random() < 0.05:
                sn = rng.choice(self.rare)
            elif rng.random() < 0.08:
                sn = nm(rng.choice(NON_NL))
            elif e['rank'] == 'extern' and e['fn'] == 'epicc':
                sn = nm(rng.choice(FOREIGN))
            if e['rank'] == 'extern' and e['fn'] == 'epicc':
                e['surname'] = sn
                e['pid'] = None   # foreign liaison: no Dutch record
                continue
            hb = rng.randint(1962, 2003)
            if e['rank'] == 'aspirant':
                hb = rng.randint(1998, 2005)
            mem = self.make_household(d, surname=sn, head_by=hb, write_rel=True)
            e['pid'] = mem[0]
            e['surname'] = self.sur[mem[0]]
            e['home'] = d
            # parents and siblings elsewhere (same surname)
            if rng.random() < 0.6:
                pd = d if rng.random() < 0.6 else rng.choice(DISTRICTS)[0]
                pm = self.make_household(pd, surname=e['surname'], head_by=hb - rng.randint(24, 36), write_rel=True)
                self.add_rel(mem[0], pm[0], 'parent')
                if len(pm) > 1 and rng.random() < 0.8:
                    self.add_rel(mem[0], pm[1], 'parent')
            for _ in range(rng.choices([0, 1, 2], [0.45, 0.4, 0.15])[0]):
                sd = rng.choice(DISTRICTS)[0]
                sm = self.make_household(sd, surname=e['surname'], head_by=hb + rng.randint(-8, 8), write_rel=False)
                self.add_rel(mem[0], sm[0], 'sibling')
            if rng.random() < 0.12:
                xd = d if rng.random() < 0.5 else rng.choice(DISTRICTS)[0]
                xm = self.make_household(xd, head_by=hb + rng.randint(-5, 5), write_rel=rng.random() < 0.5)
                self.add_rel(mem[0], xm[0], 'ex_partner')
                e['ex'] = xm[0]
            if rng.random() < 0.035:   # personnel system lacks the link
                e['pid_hidden'] = True
        for i in range(self.n_pop, len(self.sur)):   # employees' families live in the region too
            if self.district[i]:
                self.residents[self.district[i]].append(i)
        self.n_pop = len(self.sur)
        self.emp_by_id = {e['id']: e for e in self.emps}
        self.emp_person = {e['pid']: e for e in self.emps if e['pid'] is not None}
        self.team_members = defaultdict(list)
        for e in self.emps:
            self.team_members[e['team']].append(e)
        # new employees (aspirants / new intake staff) starting in the window
        cands = [e for e in self.emps if e['fn'] in ('basispolitiezorg', 'intake', 'meldkamer')]
        for e in rng.sample(cands, max(3, len(self.emps) // 50)):
            e['start_day'] = rng.randint(3, max(4, self.days - 7))
            if e['fn'] == 'basispolitiezorg':
                e['rank'] = 'aspirant'
        # transfers during the window (row repeated in employees.csv)
        movers = rng.sample([e for e in self.emps if e['fn'] in ('basispolitiezorg', 'noodhulp', 'rechercheur', 'wijkagent') and e['start_day'] == 0],
                            max(3, len(self.emps) // 80))
        for e in movers:
            day = rng.randint(5, max(6, self.days - 5))
            if e['fn'] == 'rechercheur':
                nt = rng.choice(['T-DRR-OND1', 'T-DRR-ZWA', 'T-DRR-OND2'] + ['T-%s-REC' % d[5] for d in DISTRICTS])
            else:
                nt = rng.choice(['T-%s-BT1' % d[5] for d in DISTRICTS] + ['T-%s-BT2' % d[5] for d in DISTRICTS])
            if nt == e['team']:
                continue
            e['moves'].append((self.local(day, 0), nt, T[nt][0]))

    def team_at(self, e, ts):
        t, u = e['team'], e['unit']
        for mt, nt, nu in e['moves']:
            if ts >= mt:
                t, u = nt, nu
        return t, u

    # ------------------------------------------------------------ shifts
    def build_shifts(self):
        rng = self.rng
        missing_roster_team = 'T-MID-WT'          # this wijkteam's roster never reached the export
        no_roster_units = {'lim_drr'}           # many detectives are not in the roster system
        for e in self.emps:
            fn = e['fn']
            no_roster = (e['team'] == missing_roster_team) or (e['unit'] in no_roster_units and rng.random() < 0.45)
            leave_week = rng.randrange(max(1, self.days // 7) + 2) if rng.random() < 0.25 else -1
            rot = rng.randrange(3)
            offd = rng.randrange(7)
            for day in range(-1, self.days):
                if day < e['start_day']:
                    continue
                if day >= 0 and day // 7 == leave_week:
                    continue
                wd = calendar.weekday(*time.gmtime(self.base_naive + (day) * DAY)[:3])
                sh = None
                if fn in ('basispolitiezorg', 'noodhulp', 'hitteam', 'evenementen'):
                    if (day + offd) % 7 in (5, 6) and fn != 'evenementen':
                        continue
                    kind = (rot + (day + offd) // 7) % 3
                    if fn == 'evenementen':
                        kind = 0 if wd < 5 else 1
                    sh = [(7, 0, 8), (15, 0, 8), (23, 0, 8)][kind]
                elif fn == 'wijkagent':
                    if wd >= 5 and rng.random() < 0.85:
                        continue
                    sh = (8, 0, 9) if rng.random() < 0.7 else (13, 0, 9)
                elif fn in ('rechercheur', 'observant'):
                    if wd >= 5 and rng.random() < 0.9:
                        continue
                    if rng.random() < 0.08:
                        continue
                    sh = (8, 30, 8.5) if rng.random() < 0.85 else (14, 0, 10)
                elif fn == 'intake':
                    if (day + offd) % 7 in (5, 6):
                        continue
                    sh = (8, 0, 8) if rng.random() < 0.65 else (14, 0, 8)
                elif fn in ('meldkamer', 'rtic-analist'):
                    cyc = (day + offd) % 8
                    if cyc >= 4:
                        continue
                    sh = (7, 0, 12) if cyc < 2 else (19, 0, 12)
                else:  # analist, epicc, staf, ondersteuning, project
                    if wd >= 5:
                        continue
                    if rng.random() < 0.07:
                        continue
                    sh = (8, rng.choice([0, 15, 30]), 8.5)
                h, m, dur = sh
                s = self.local(day, h, m) + rng.randint(-12, 8) * MIN
                en = s + int(dur * HOUR) + rng.randint(-10, 40) * MIN
                if en <= self.t0 - 2 * HOUR or s >= self.t1:
                    continue
                rec = (not no_roster) and rng.random() > 0.03
                e['shifts'].append((s, en))
                e['rec'].append(rec)

    # ------------------------------------------------------------ cases
    def add_case(self, cid, kind, unit, team, opened, closed, sensitive, opened_is_date=False):
        self.case_rows[cid] = [kind, unit, team, opened, closed, sensitive, opened_is_date]

    def add_cp(self, cid, pid, role):
        self.case_persons[cid].append((pid, role))
        self.person_cases[pid].append(cid)

    def add_staff(self, cid, eid, fr, to, as_date=False):
        self.case_staff.append((cid, eid, fr, to, as_date))
        self.staff_idx[(cid, eid)].append((fr if fr is not None else -1e18, to if to is not None else 1e18))

    def ev(self, ts, e, system, action, pid, cid='', expl=True):
        self.events.append((int(ts), e['id'], system, action, pid, cid))
        self.expl.append(expl)
        return len(self.events) - 1

    def resident(self, d, rng):
        return rng.choice(self.residents[d])

    def incident_persons(self, d, rng, festival=False):
        k = rng.choices([1, 2, 3, 4, 5], [0.30, 0.35, 0.18, 0.11, 0.06])[0]
        roles = ['melder', 'verdachte', 'slachtoffer', 'getuige', 'betrokkene']
        out = []
        for j in range(k):
            r = rng.random()
            if festival and r < 0.45:
                p = self.foreigner(rng) if rng.random() < 0.5 else self.resident(rng.choice(DISTRICTS)[0], rng)
            elif r < 0.13 and self.veelplegers[d]:
                p = rng.choice(self.veelplegers[d])
            elif r < 0.20:
                p = self.foreigner(rng)   # foreign
            elif r < 0.25:
                p = self.resident(rng.choice(DISTRICTS)[0], rng)
            else:
                p = self.resident(d, rng)
            out.append((p, rng.choice(roles) if j else rng.choice(['melder', 'slachtoffer', 'aangever'])))
        return out

    def build_cases(self):
        rng = self.rng
        self.team_cases = defaultdict(list)   # team -> [cid]
        self.sens_cases = []
        cn = [0]

        def nid(prefix):
            cn[0] += 1
            return '%s%06d' % (prefix, cn[0] * 7 + rng.randrange(7))
        # long-running investigations
        spec = []
        for u, _, _, _, w, s in DISTRICTS:
            spec += [('T-%s-BT1' % s, u, 22, (1, 4), 0.0), ('T-%s-BT2' % s, u, 20, (1, 4), 0.0),
                     ('T-%s-WT' % s, u, 30, (1, 5), 0.0), ('T-%s-REC' % s, u, 18, (2, 9), 0.08),
                     ('T-%s-NH' % s, u, 6, (1, 3), 0.0)]
        spec += [('T-NRD-GRENS', 'lim_noord', 10, (1, 4), 0.0), ('T-MST-GRENS', 'lim_maastricht', 10, (1, 4), 0.0),
                 ('T-DRR-OND1', 'lim_drr', 6, (8, 30), 0.85), ('T-DRR-OND2', 'lim_drr', 5, (6, 22), 0.8),
                 ('T-DRR-ZWA', 'lim_drr', 7, (6, 25), 0.7), ('T-DRR-ZED', 'lim_drr', 8, (2, 8), 0.35)]
        scale = max(0.3, self.n_emp / 1200)
        for team, u, cnt, (lo, hi), psens in spec:
            for _ in range(max(1, round(cnt * scale))):
                cid = nid('ON-')
                opened_day = -rng.randint(3, 400) if rng.random() < 0.85 else rng.randint(0, max(1, self.days - 3))
                opened = self.local(opened_day, 0)
                closed = None
                if rng.random() < 0.2:
                    closed = self.local(min(self.days + 30, max(opened_day + 1, rng.randint(0, self.days + 20))), 0)
                sens = rng.random() < psens
                self.add_case(cid, 'investigation', u, team, opened, closed, sens, opened_is_date=True)
                d = u if u in self.pc_list else rng.choice(DISTRICTS)[0]
                np_ = rng.randint(lo, hi)
                for j in range(np_):
                    r = rng.random()
                    if r < 0.25 and self.veelplegers[d]:
                        p = rng.choice(self.veelplegers[d])
                    elif r < 0.35:
                        p = self.foreigner(rng)
                    else:
                        p = self.resident(d if rng.random() < 0.75 else rng.choice(DISTRICTS)[0], rng)
                    role = 'verdachte' if j < max(1, np_ // 3) else rng.choice(['getuige', 'betrokkene', 'slachtoffer', 'aangever', 'subject'])
                    self.add_cp(cid, p, role)
                    # household members of main suspects of big cases are also registered
                    if team.startswith('T-DRR') and j < 3:
                        for (q, kind) in self.rel_of.get(p, [])[:2]:
                            if kind in ('partner', 'household') and rng.random() < 0.5:
                                self.add_cp(cid, q, 'betrokkene')
                self.team_cases[team].append(cid)
                if sens:
                    self.sens_cases.append(cid)
                # staff: detectives assign explicitly; basis/wijk teams rarely
                members = [m for m in self.team_members[team]]
                if team.startswith('T-DRR') or team.endswith('-REC'):
                    for m in rng.sample(members, min(len(members), rng.randint(2, 6))):
                        self.add_staff(cid, m['id'], opened if rng.random() < 0.7 else None, None, as_date=True)
                    if sens and rng.random() < 0.6:
                        obs = self.team_members['T-DRR-OBS']
                        for m in rng.sample(obs, min(len(obs), rng.randint(1, 3))):
                            fr = self.local(rng.randint(-30, self.days - 2), 0)
                            self.add_staff(cid, m['id'], fr, None, as_date=True)
                elif rng.random() < 0.5 and members:
                    m = rng.choice(members)
                    self.add_staff(cid, m['id'], None, None, as_date=True)
        # shielded persons: in a DRR/ZED case (protected witness) or threatened officials
        for i in rng.sample(range(self.n_pop), max(20, self.n_pop // 2500)):
            if self.district[i]:
                self.flags[i].add('shielded')
        shielded = [i for i in range(self.n_pop) if 'shielded' in self.flags[i]]
        for i in shielded[: len(shielded) // 2]:
            cid = rng.choice(self.team_cases['T-DRR-ZWA'] + self.team_cases['T-DRR-ZED'])
            self.add_cp(cid, i, 'getuige (afgeschermd)')
        # public figures: politicians, football players, carnival princes, artists
        self.vips = []
        for i in rng.sample([i for i in range(self.n_pop) if self.district[i] and 1950 < self.by[i] < 2004],
                            max(30, self.n_pop // 1600)):
            self.flags[i].add('vip')
            self.vips.append(i)
        self.artists = []
        for _ in range(12):   # festival artists: foreign or Dutch, no local address
            i = self.new_person(rng.choice(['Van Dyke', 'Kravitz', 'Bakker', 'Doherty', 'Ross', 'Achterberg', 'Nielsen', 'OConnell', 'Sleeuwenhoek', 'Waits']), rng.randint(1965, 2000), '', '', land='XX')
            self.flags[i].add('vip')
            self.artists.append(i)
        self.n_pop = len(self.sur)
        for v in rng.sample(self.vips, len(self.vips) // 8):
            self.flags[v].add('shielded')   # threatened mayor/alderman

    # ------------------------------------------------------------ legit work
    def festival_days(self):
        f0 = min(max(0, int(self.days * 0.65)), max(0, self.days - 3))
        return set(range(f0, min(self.days, f0 + 3)))

    def build_onshift(self):
        self.onshift = defaultdict(list)   # (pool, hourslot) -> [emp]
        for e in self.emps:
            for (s, en) in e['shifts']:
                t, u = self.team_at(e, s)
                fn = e['fn']
                if fn in RESPONDER_FUNCS:
                    pool = ('R', u)
                elif fn == 'meldkamer':
                    pool = ('MK',)
                elif fn == 'rtic-analist':
                    pool = ('RTIC',)
                else:
                    continue
                for hs in range(max(0, (s - self.t0) // HOUR), min(self.days * 24, (en - self.t0) // HOUR)):
                    self.onshift[pool + (hs,)].append(e)
                    if fn == 'wijkagent':
                        pass
        # festival: borrowed officers from other districts work evening/night festival shifts
        self.fest_pool = defaultdict(list)
        fd = self.festival_days()
        rng = self.rng
        cands = [e for e in self.emps if e['fn'] in ('basispolitiezorg', 'noodhulp', 'hitteam') and e['unit'] != 'lim_parkstad' and e['start_day'] == 0]
        borrowed = rng.sample(cands, min(len(cands), max(4, len(self.emps) // 15)))
        self.borrowed = borrowed
        for day in sorted(fd):
            for e in borrowed + self.team_members['T-PKS-EVENT']:
                if rng.random() < 0.25:
                    continue
                s = self.local(day, 12) + rng.randint(-20, 30) * MIN
                en = s + 12 * HOUR + rng.randint(0, 90) * MIN
                e['shifts'].append((s, en))
                e['rec'].append(rng.random() > 0.02)
                for hs in range((s - self.t0) // HOUR, min(self.days * 24, (en - self.t0) // HOUR)):
                    self.fest_pool[hs].append(e)

    def recorded_at(self, e, ts, margin=HOUR):
        for (s, en), r in zip(e['shifts'], e['rec']):
            if r and s - margin <= ts <= en + margin:
                return True
        return False

    def shift_at(self, e, ts):
        for (s, en) in e['shifts']:
            if s <= ts <= en:
                return (s, en)
        return None

    def lookup_person(self, e, ts, p, cid, rng, system_q='blueview', system_v='bvh', expl=True, namesakes=0.05, give_case=0.3):
        """query (maybe with namesakes) then view."""
        pid = self.pid(p)
        t = ts
        gc = cid if rng.random() < give_case else ''
        if rng.random() < 0.85:
            self.ev(t, e, system_q, 'query', pid, gc, expl)
            if rng.random() < namesakes:
                ns = self.by_surname.get(self.sur[p], [])
                if len(ns) > 1:
                    for q in rng.sample(ns, min(len(ns), rng.randint(1, 2))):
                        if q != p:
                            self.ev(t + rng.randint(0, 3), e, system_q, 'query', self.pid(q), gc, False)
            t += rng.randint(20, 600)
        if rng.random() < 0.78:
            self.ev(t, e, system_v, 'view', pid, gc if rng.random() < 0.8 else cid if rng.random() < 0.3 else '', expl)
        return t

    def pid(self, i):
        return 'P%07d' % (3000000 + i * 3 + (i % 3))

    def gen_incidents(self):
        rng = self.rng
        fd = self.festival_days()
        self.incidents = []
        for u, _, _, _, w, s in DISTRICTS:
            for hs in range(self.days * 24):
                ts = self.t0 + hs * HOUR
                h = loc_hour(ts)
                wd = calendar.weekday(*time.gmtime(ts + nl_offset(ts))[:3])
                base = [1.2, 1.0, 0.8, 0.6, 0.5, 0.5, 0.8, 1.4, 2.0, 2.2, 2.4, 2.5, 2.6, 2.6, 2.7, 2.9, 3.1, 3.2, 3.2, 3.1, 2.9, 2.6, 2.1, 1.6][h]
                if wd >= 4 and (h >= 21 or h <= 4):
                    base *= 1.6
                lam = base * w * 2.6 * max(0.3, self.n_emp / 1200)
                for _ in range(poisson(rng, lam)):
                    self.n_incident += 1
                    cid = 'BVH-%s-26%06d' % (s, self.n_incident)
                    op = ts + rng.randrange(HOUR)
                    self.make_incident(cid, u, 'T-%s-%s' % (s, rng.choice(['BT1', 'BT2', 'BT1', 'NH'])), op, ('R', u), rng)
        # festival incidents
        for hs in range(self.days * 24):
            ts = self.t0 + hs * HOUR
            day = int((ts + nl_offset(ts) - self.base_naive) // DAY)
            if day not in fd:
                continue
            h = loc_hour(ts)
            if not (h >= 12 or h <= 2):
                continue
            for _ in range(poisson(rng, 5.0 * max(0.3, self.n_emp / 1200))):
                self.n_incident += 1
                cid = 'BVH-PKS-EV26%05d' % self.n_incident
                op = ts + rng.randrange(HOUR)
                self.make_incident(cid, 'lim_parkstad', 'T-PKS-EVENT', op, ('F',), rng, festival=True)

    def make_incident(self, cid, u, team, op, pool, rng, festival=False):
        dur = rng.choice([20, 35, 50, 75, 110, 180, 300]) * MIN + rng.randrange(600)
        closed = op + dur if rng.random() > 0.04 else None
        self.add_case(cid, 'incident', u, team, op, closed, False)
        persons = self.incident_persons(u, rng, festival)
        if festival and rng.random() < 0.015:
            persons.append((rng.choice(self.artists), 'slachtoffer'))
        if not festival and rng.random() < 0.004 and self.vips:
            persons.append((rng.choice(self.vips), rng.choice(['slachtoffer', 'melder', 'verdachte'])))
        if rng.random() < 0.004:   # an officer assaulted / off-duty officer as witness
            emp = rng.choice(self.emps)
            if emp['pid'] is not None:
                persons.append((emp['pid'], rng.choice(['slachtoffer', 'getuige'])))
        seen = set()
        for p, role in persons:
            if p in seen:
                continue
            seen.add(p)
            self.add_cp(cid, p, role)
        persons = [p for p, _ in persons]
        persons = list(dict.fromkeys(persons))
        hs = (op - self.t0) // HOUR
        if pool == ('F',):
            cands = self.fest_pool.get(hs, [])
        else:
            cands = self.onshift.get(pool + (hs,), [])
        cands = [c for c in cands if self.shift_at(c, op)]
        resp = rng.sample(cands, min(len(cands), rng.choices([1, 2, 2, 3], [0.3, 0.4, 0.2, 0.1])[0])) if cands else []
        self.incidents.append((cid, u, op, persons, resp))
        for e in resp:
            staffed = rng.random() < (0.5 if festival else 0.55)
            if staffed:
                self.add_staff(cid, e['id'], op - rng.randint(0, 300), closed or None)
            t_, unit_now = self.team_at(e, op)
            base_expl = staffed or (unit_now == u and self.recorded_at(e, op))
            t = op + rng.randint(60, 1500)
            sysq = 'meos' if rng.random() < 0.6 else 'blueview'
            for p in persons:
                t = self.lookup_person(e, t, p, cid, rng, system_q=sysq, expl=base_expl or False, give_case=0.3)
                t += rng.randint(30, 400)
            # follow-up: writing the report later, with the case number
            if rng.random() < 0.18:
                sh = [x for x in e['shifts'] if op + 6 * HOUR < x[0] < op + 6 * DAY]
                if sh:
                    s, en = rng.choice(sh)
                    t2 = rng.randint(s, max(s + 1, en - 600))
                    for p in persons[:3]:
                        self.ev(t2, e, 'bvh', 'view', self.pid(p), cid if rng.random() < 0.6 else '', True)
                        t2 += rng.randint(20, 200)
        # meldkamer
        if rng.random() < 0.72:
            ops = self.onshift.get(('MK', hs), [])
            ops = [c for c in ops if self.shift_at(c, op)]
            if ops:
                e = rng.choice(ops)
                t = op + rng.randint(-240, 300)
                for p in persons[:rng.randint(1, 3)]:
                    self.ev(t, e, rng.choice(['blueview', 'bvi']), 'query', self.pid(p), '' if rng.random() < 0.7 else cid, True)
                    if rng.random() < 0.3:
                        self.ev(t + rng.randint(5, 60), e, 'bvh', 'view', self.pid(p), '', True)
                    t += rng.randint(10, 120)
                if rng.random() < 0.06:   # caller not registered: looked up an address co-resident
                    p = persons[0]
                    co = self.addr.get((self.pc[p], self.hn[p]), []) if self.pc[p] else []
                    if len(co) > 1:
                        self.ev(t, e, 'blueview', 'query', self.pid(rng.choice(co)), '', False)
        # real time intelligence: serious incidents, all persons plus known relations
        if rng.random() < 0.12:
            ops = [c for c in self.onshift.get(('RTIC', hs), []) if self.shift_at(c, op)]
            if ops:
                e = rng.choice(ops)
                t = op + rng.randint(60, 900)
                for p in persons:
                    self.ev(t, e, 'blueview', 'query', self.pid(p), cid if rng.random() < 0.5 else '', True)
                    t += rng.randint(15, 90)
                    for (q, kind) in self.rel_of.get(p, [])[:2]:
                        if rng.random() < 0.35:
                            self.ev(t, e, 'blueview', 'query', self.pid(q), cid if rng.random() < 0.5 else '', False)
                            t += rng.randint(15, 90)

    def gen_role_work(self):
        rng = self.rng
        intake_n = 0
        epicc_n = 0
        staf_n = 0
        all_open = None
        inc_by_day = defaultdict(list)
        for inc in self.incidents:
            inc_by_day[(inc[2] - self.t0) // DAY].append(inc)
        for e in self.emps:
            fn = e['fn']
            for (s, en) in list(e['shifts']):
                if en < self.t0 or s > self.t1:
                    continue
                team, unit = self.team_at(e, s)
                length = max(600, en - s)

                def tin():
                    return s + rng.randrange(length)
                if fn in ('basispolitiezorg', 'noodhulp', 'hitteam', 'wijkagent'):
                    # street checks / traffic stops; border hit teams check many
                    d = unit if unit in self.pc_list else rng.choice(DISTRICTS)[0]
                    nchecks = poisson(rng, 7.0 if fn == 'hitteam' else 2.4 if fn != 'wijkagent' else 0.5)
                    for _ in range(nchecks):
                        t = tin()
                        foreign = rng.random() < (0.55 if fn == 'hitteam' else 0.12)
                        p = self.foreigner(rng) if foreign else self.resident(d, rng)
                        sysq = rng.choice(['meos', 'meos', 'rdw']) if not foreign else 'meos'
                        if rng.random() < 0.78:   # registered as a check ("controle") incident
                            self.n_incident += 1
                            cid = 'BVH-%s-26%06d' % (dict((x[0], x[5]) for x in DISTRICTS)[d], self.n_incident)
                            self.add_case(cid, 'incident', d, team if self.teams[team][0] == d else '', t - rng.randint(0, 300), t + rng.randint(600, 3600), False)
                            self.add_cp(cid, p, 'gecontroleerde')
                            ex = self.teams[team][0] == d and self.recorded_at(e, t)
                            self.ev(t, e, sysq, 'query', self.pid(p), '', ex)
                            if rng.random() < 0.5:
                                self.ev(t + rng.randint(30, 300), e, 'bvh', 'view', self.pid(p), cid if rng.random() < 0.5 else '', ex)
                        else:
                            self.ev(t, e, sysq, 'query', self.pid(p), '', False)
                    # team investigations
                    tc = self.team_cases.get(team, [])
                    nk = poisson(rng, 4.0 if fn == 'wijkagent' else 2.0)
                    for _ in range(nk):
                        if not tc:
                            break
                        cid = rng.choice(tc)
                        ps = self.case_persons[cid]
                        for p, _r in rng.sample(ps, min(len(ps), rng.randint(1, 3))):
                            self.lookup_person(e, tin(), p, cid, rng, expl=True, give_case=0.4)
                    if fn == 'wijkagent' and rng.random() < 0.3:
                        # knows the neighbourhood: checks a resident who came up in a chat with a citizen
                        d2 = unit if unit in self.pc_list else d
                        self.ev(tin(), e, 'bvh', 'view', self.pid(self.resident(d2, rng)), '', False)
                elif fn in ('rechercheur', 'observant'):
                    tc = list(self.team_cases.get(team, []))
                    pool = tc + (self.emp_assign.get(e['id'], []) * 3)
                    if not pool:
                        continue
                    for _ in range(rng.randint(2, 5) if fn == 'rechercheur' else rng.randint(0, 2)):
                        cid = rng.choice(pool)
                        ps = self.case_persons[cid]
                        if not ps:
                            continue
                        for p, _r in rng.sample(ps, min(len(ps), rng.randint(2, 7))):
                            t = tin()
                            self.lookup_person(e, t, p, cid, rng, system_q=rng.choice(['blueview', 'bvi', 'summit']),
                                               system_v=rng.choice(['summit', 'summit', 'bvh']), give_case=0.45, namesakes=0.04)
                            if rng.random() < 0.025:
                                self.ev(t + rng.randint(60, 900), e, 'summit', rng.choice(['export', 'print']), self.pid(p), cid, True)
                            if rng.random() < 0.03:   # network: a relative of a subject, not (yet) in the case
                                rel = self.rel_of.get(p, [])
                                if rel:
                                    self.ev(t + rng.randint(30, 600), e, 'bvi', 'query', self.pid(rng.choice(rel)[0]), cid if rng.random() < 0.4 else '', False)
                elif fn == 'intake':
                    d = unit if unit in self.pc_list else rng.choice(DISTRICTS)[0]
                    for _ in range(poisson(rng, 9)):
                        intake_n += 1
                        cid = 'AG-%s-26%05d' % (team[2:5], intake_n)
                        t = tin()
                        self.add_case(cid, 'intake', unit, team, t - rng.randint(0, 900), None if rng.random() < 0.5 else t + rng.randint(1, 5) * DAY, False)
                        k = rng.choices([1, 2, 3], [0.5, 0.35, 0.15])[0]
                        ps = [self.resident(d, rng) for _ in range(k)]
                        if rng.random() < 0.01 and self.vips:
                            ps[0] = rng.choice(self.vips)
                        for j, p in enumerate(ps):
                            self.add_cp(cid, p, 'aangever' if j == 0 else rng.choice(['verdachte', 'getuige']))
                        staffed = rng.random() < 0.85
                        if staffed:
                            self.add_staff(cid, e['id'], t - 900, None)
                        for p in ps:
                            self.lookup_person(e, t, p, cid, rng, system_q='brp' if rng.random() < 0.4 else 'blueview', expl=True, give_case=0.6)
                            t += rng.randint(60, 600)
                elif fn == 'meldkamer':
                    # calls that never became an incident: brief checks
                    for _ in range(poisson(rng, 1.2)):
                        p = self.resident(rng.choice(DISTRICTS)[0], rng)
                        self.ev(tin(), e, 'blueview', 'query', self.pid(p), '', False)
                    # status checks on running incidents of the region
                    day = (s - self.t0) // DAY
                    pool = inc_by_day.get(day, [])
                    for _ in range(poisson(rng, 36)):
                        if not pool:
                            break
                        cid, u, op, persons, resp = rng.choice(pool)
                        if persons:
                            t = max(s, min(en, op + rng.randint(0, 3 * HOUR)))
                            self.ev(t, e, 'blueview', 'query', self.pid(rng.choice(persons)), cid if rng.random() < 0.25 else '', True)
                elif fn in ('rtic-analist', 'analist'):
                    day = (s - self.t0) // DAY
                    pool = inc_by_day.get(day, []) + inc_by_day.get(day - 1, [])
                    inv = self.all_inv
                    for _ in range(rng.randint(8, 16)):
                        if rng.random() < 0.5 and pool:
                            cid, u, op, persons, resp = rng.choice(pool)
                            ps = persons
                        else:
                            cid = rng.choice(inv)
                            ps = [p for p, _ in self.case_persons[cid]]
                        for p in rng.sample(ps, min(len(ps), rng.randint(1, 6))):
                            self.ev(tin(), e, rng.choice(['blueview', 'bvi', 'summit']), rng.choice(['query', 'view', 'view']),
                                    self.pid(p), cid if rng.random() < 0.72 else '', True)
                    if fn == 'analist' and rng.random() < 0.015:
                        cid = rng.choice(inv)
                        for p, _ in self.case_persons[cid][:8]:
                            self.ev(tin(), e, 'blueview', 'export', self.pid(p), cid, True)
                elif fn == 'epicc':
                    for _ in range(poisson(rng, 4)):
                        epicc_n += 1
                        cid = 'EP-2026-%05d' % epicc_n
                        t = tin()
                        self.add_case(cid, 'intake', 'lim_dio', 'T-DIO-EPICC', t - rng.randint(0, 3 * HOUR), None if rng.random() < 0.6 else t + DAY, False)
                        for j in range(rng.randint(1, 3)):
                            p = self.foreigner(rng) if rng.random() < 0.6 else self.resident(rng.choice(DISTRICTS)[0], rng)
                            self.add_cp(cid, p, 'subject verzoek')
                            if rng.random() < 0.5:
                                self.add_staff(cid, e['id'], t - 3 * HOUR, None)
                            self.lookup_person(e, t, p, cid, rng, system_q='bvi', expl=True, give_case=0.85)
                            t += rng.randint(60, 900)
                elif fn == 'staf':
                    if rng.random() < 0.35:
                        staf_n += 1
                        cid = 'KL-2026-%04d' % staf_n
                        t = tin()
                        self.add_case(cid, 'intake', 'lim_staf', 'T-STAF', t - 2 * DAY, None, False)
                        p = self.resident(rng.choice(DISTRICTS)[0], rng)
                        self.add_cp(cid, p, 'klager')
                        self.add_staff(cid, e['id'], t - 2 * DAY, None)
                        self.lookup_person(e, t, p, cid, rng, expl=True, give_case=0.5)
                elif fn in ('ondersteuning', 'projectmedewerker'):
                    pass

    # ------------------------------------------------------------ improper
    def pick_insider(self, rng, pred=lambda e: True, exec_only=True):
        cands = [e for e in self.emps if e['id'] not in self.used and pred(e) and e['shifts']
                 and (not exec_only or e['fn'] in RESPONDER_FUNCS or e['fn'] in ('rechercheur', 'intake', 'meldkamer', 'analist', 'rtic-analist'))]
        if not cands:
            return None
        w = [3.0 if e['rank'] in ('hoofdagent', 'brigadier') else 1.0 for e in cands]
        e = rng.choices(cands, w)[0]
        self.used.add(e['id'])
        return e

    def in_shift_time(self, e, rng, day_from=0, day_to=None, quiet=True):
        day_to = self.days if day_to is None else day_to
        sh = [x for x in e['shifts'] if self.t0 + day_from * DAY <= x[0] < self.t0 + day_to * DAY and x[1] < self.t1]
        if not sh:
            sh = [x for x in e['shifts'] if x[1] < self.t1 and x[0] > self.t0] or [(self.t0 + 9 * HOUR, self.t0 + 17 * HOUR)]
        s, en = rng.choice(sh)
        return s + rng.randrange(max(600, en - s - 600))

    def off_time(self, e, rng, hours=(9, 23), day_from=0):
        for _ in range(200):
            day = rng.randrange(day_from, self.days)
            t = self.local(day, rng.randint(*hours), rng.randrange(60), rng.randrange(60))
            if t >= self.t1 - 600:
                continue
            if all(not (s - 3 * HOUR <= t <= en + 3 * HOUR) for s, en in e['shifts']):
                return t
        return None

    def own_case(self, e, ts, rng):
        """a case number of the insider's own (cover)."""
        cs = self.emp_assign.get(e['id'], []) + self.team_cases.get(e['team'], [])
        return rng.choice(cs) if cs else ''

    def improper(self, e, ts, pid_i, scen, inc, action='view', system='bvh', cid=''):
        k = self.ev(ts, e, system, action, self.pid(pid_i), cid, False)
        self.truth.append((k, inc, scen))

    def session(self, e, t, persons, scen, inc, rng, cover=0.15, view=0.8, gap=(20, 240), sysq='blueview'):
        cid = self.own_case(e, t, rng) if rng.random() < cover else ''
        for p in persons:
            if rng.random() < 0.75:
                self.improper(e, t, p, scen, inc, 'query', sysq, cid)
                t += rng.randint(*gap)
            if rng.random() < view:
                self.improper(e, t, p, scen, inc, 'view', rng.choice(['bvh', 'bvh', 'summit', 'brp']), cid)
                t += rng.randint(*gap)
        return t

    def unrelated_persons(self, rng, k, d=None):
        out = []
        while len(out) < k:
            p = self.resident(d or rng.choice(DISTRICTS)[0], rng)
            if not self.person_cases.get(p) and not self.flags[p]:
                out.append(p)
        return out

    def plant(self):
        rng = self.rng
        self.used = set()
        self.inc_n = 0

        def inc_id():
            self.inc_n += 1
            return 'RT7-%03d' % self.inc_n

        def n_inc():
            return rng.randint(4, 7)
        has_pid = lambda e: e['pid'] is not None
        # 1 self
        for _ in range(n_inc()):
            e = self.pick_insider(rng, has_pid)
            i = inc_id()
            for _k in range(rng.randint(1, 2)):
                t = self.in_shift_time(e, rng)
                self.improper(e, t, e['pid'], 'self', i, 'query', 'blueview')
                if rng.random() < 0.7:
                    self.improper(e, t + rng.randint(15, 120), e['pid'], 'self', i, 'view', 'bvh')
        # 2 partner
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: has_pid(e) and any(k == 'partner' for _, k in self.rel_of[e['pid']]))
            if not e:
                break
            i = inc_id()
            p = [q for q, k in self.rel_of[e['pid']] if k == 'partner'][0]
            for _k in range(rng.randint(1, 3)):
                self.session(e, self.in_shift_time(e, rng), [p], 'partner', i, rng, cover=0.2)
        # 3 ex-partner: repeated over weeks, and the ex's new household
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: 'ex' in e)
            if not e:
                break
            i = inc_id()
            x = e['ex']
            others = [q for q in self.addr.get((self.pc[x], self.hn[x]), []) if q != x]
            for k in range(rng.randint(2, 6)):
                t = self.in_shift_time(e, rng) if rng.random() < 0.75 else (self.off_time(e, rng, (19, 23)) or self.in_shift_time(e, rng))
                ps = [x] + ([rng.choice(others)] if others and rng.random() < 0.5 else [])
                self.session(e, t, ps, 'ex_partner', i, rng, cover=0.2)
        # 4 relative, sometimes in a case of another district
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: has_pid(e) and any(k in ('child', 'sibling', 'parent') for _, k in self.rel_of[e['pid']]))
            if not e:
                break
            i = inc_id()
            rels = [q for q, k in self.rel_of[e['pid']] if k in ('child', 'sibling', 'parent')]
            r = rng.choice(rels)
            t = self.in_shift_time(e, rng)
            ps = [r]
            if rng.random() < 0.6:
                # the relative was arrested elsewhere: an incident of another district
                d = rng.choice([x[0] for x in DISTRICTS if x[0] != e['unit']])
                self.n_incident += 1
                cid = 'BVH-%s-26%06d' % (dict((x[0], x[5]) for x in DISTRICTS)[d], self.n_incident)
                op = t - rng.randint(2, 20) * HOUR
                self.add_case(cid, 'incident', d, 'T-%s-BT1' % dict((x[0], x[5]) for x in DISTRICTS)[d], op, op + 3 * HOUR, False)
                self.add_cp(cid, r, 'verdachte')
                co = self.unrelated_persons(rng, 1, d)[0]
                self.add_cp(cid, co, 'verdachte')
                ps.append(co)
            self.session(e, t, ps, 'relative', i, rng, cover=0.1)
            if rng.random() < 0.5:
                self.session(e, self.in_shift_time(e, rng), [r], 'relative', i, rng)
        # 5 neighbour (same postcode, other house)
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: has_pid(e) and len(self.by_pc[self.pc[e['pid']]]) > 4)
            if not e:
                break
            i = inc_id()
            me = e['pid']
            nb = [q for q in self.by_pc[self.pc[me]] if self.hn[q] != self.hn[me]]
            ps = rng.sample(nb, min(len(nb), rng.randint(1, 3)))
            for _k in range(rng.randint(1, 2)):
                self.session(e, self.in_shift_time(e, rng), ps, 'neighbour', i, rng, cover=0.1)
        # 6 same address, no relations row (lodger / housemate / partner's adult child)
        for _ in range(n_inc()):
            e = self.pick_insider(rng, has_pid)
            if not e:
                break
            i = inc_id()
            me = e['pid']
            q = self.new_person(self.pick_surname(rng), rng.randint(1975, 2005), self.pc[me], self.hn[me], self.district[me])
            self.n_pop = len(self.sur)
            for _k in range(rng.randint(1, 3)):
                self.session(e, self.in_shift_time(e, rng), [q], 'same_address', i, rng)
        # 7 rare shared surname, no relation row (cousin, uncle)
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: has_pid(e) and e['surname'] in self.rare_set and not e.get('pid_hidden'))
            if not e:
                break
            i = inc_id()
            kin = [q for q in self.by_surname[e['surname']] if q != e['pid'] and q not in {x for x, _ in self.rel_of[e['pid']]} and self.pc[q] != self.pc[e['pid']]]
            if not kin or rng.random() < 0.5:
                kin = [self.new_person(e['surname'], rng.randint(1950, 2004), *self.new_address(rng.choice(DISTRICTS)[0]), district='')]
                self.district[kin[0]] = e['home']
                self.n_pop = len(self.sur)
            ps = rng.sample(kin, min(len(kin), rng.randint(1, 2)))
            self.session(e, self.in_shift_time(e, rng), ps, 'shared_surname', i, rng, cover=0.15)
        # 8 colleague curiosity
        for _ in range(n_inc()):
            e = self.pick_insider(rng)
            i = inc_id()
            cols = [c for c in self.emps if c['pid'] is not None and c['id'] != e['id'] and
                    (c['team'] == e['team'] or rng.random() < 0.02)]
            ps = [c['pid'] for c in rng.sample(cols, min(len(cols), rng.randint(1, 3)))]
            if rng.random() < 0.4:
                rel = [q for q, k in self.rel_of[ps[0]] if k == 'partner']
                ps += rel[:1]
            self.session(e, self.in_shift_time(e, rng), ps, 'colleague', i, rng)
        # 9 vip curiosity
        for _ in range(n_inc()):
            e = self.pick_insider(rng)
            i = inc_id()
            pool = [v for v in self.vips if not self.person_cases.get(v) and 'shielded' not in self.flags[v]]
            ps = rng.sample(pool, rng.randint(1, 3))
            free_artists = [a for a in self.artists if not self.person_cases.get(a)]
            if rng.random() < 0.4 and len(free_artists) >= 2:   # festival week: the artists
                ps = rng.sample(free_artists, 2)
            self.session(e, self.in_shift_time(e, rng), ps, 'vip', i, rng)
        # 10 shielded persons
        for _ in range(n_inc()):
            e = self.pick_insider(rng)
            i = inc_id()
            pool = [p for p in range(self.n_pop) if 'shielded' in self.flags[p] and not any(
                c in self.team_cases.get(e['team'], []) for c in self.person_cases.get(p, []))]
            ps = rng.sample(pool, rng.randint(1, 2))
            self.session(e, self.in_shift_time(e, rng), ps, 'shielded', i, rng, view=0.9)
        # 11 sensitive investigation not on — the leak to criminals
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: not self.teams[e['team']][0] == 'lim_drr')
            i = inc_id()
            cid = rng.choice([c for c in self.sens_cases if c not in self.emp_assign.get(e['id'], [])])
            subj = [p for p, r in self.case_persons[cid] if r == 'verdachte'] or [p for p, _ in self.case_persons[cid]]
            ps = rng.sample(subj, min(len(subj), rng.randint(1, 4)))
            for _k in range(rng.randint(1, 3)):
                self.session(e, self.in_shift_time(e, rng), ps, 'sensitive_investigation', i, rng, cover=0.35, view=0.9)
        # 12 off shift: at home, on a day off, via the mobile app
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: e['fn'] in RESPONDER_FUNCS)
            i = inc_id()
            t = self.off_time(e, rng, (10, 22))
            if t is None:
                continue
            ps = self.unrelated_persons(rng, rng.randint(1, 4), e.get('home'))
            self.session(e, t, ps, 'off_shift', i, rng, sysq='meos', view=0.6)
        # 13 unusual hour: a day worker at 01:00-04:00
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: e['fn'] in ('rechercheur', 'analist', 'intake', 'wijkagent'), exec_only=False)
            if not e:
                break
            i = inc_id()
            t = self.off_time(e, rng, (1, 4)) or self.local(rng.randrange(self.days), 2, 30)
            ps = self.unrelated_persons(rng, rng.randint(2, 5))
            self.session(e, t, ps, 'unusual_hour', i, rng)
        # 14 volume spike: harvesting addresses of whole streets during shifts
        for _ in range(n_inc()):
            e = self.pick_insider(rng, lambda e: e['fn'] in ('basispolitiezorg', 'intake', 'noodhulp', 'meldkamer'))
            i = inc_id()
            for _k in range(rng.randint(1, 3)):
                t = self.in_shift_time(e, rng)
                s, en = self.shift_at(e, t) or (t, t + 6 * HOUR)
                t = s + rng.randrange(max(600, (en - s) // 3))
                d = rng.choice(DISTRICTS)[0]
                ps = []
                for pc in rng.sample(self.pc_list[d], 30):
                    ps += [p for p in self.by_pc[pc] if not self.person_cases.get(p)]
                    if len(ps) > rng.randint(50, 110):
                        break
                step = max(10, (en - t) // max(1, len(ps)))
                for p in ps:
                    self.improper(e, t, p, 'volume_spike', i, rng.choice(['query', 'query', 'view']), rng.choice(['brp', 'blueview']))
                    t += rng.randint(step // 3, step)
        # 15 browsing: many unrelated persons in a short burst
        for _ in range(n_inc()):
            e = self.pick_insider(rng)
            i = inc_id()
            t = self.in_shift_time(e, rng)
            ps = self.unrelated_persons(rng, rng.randint(15, 40))
            for p in ps:
                self.improper(e, t, p, 'browsing', i, 'query' if rng.random() < 0.7 else 'view', 'blueview')
                t += rng.randint(15, 150)
        # 16 following one person over weeks — starting from a legit incident contact
        for _ in range(n_inc()):
            early = [inc for inc in self.incidents if inc[2] < self.t0 + 8 * DAY and inc[4] and inc[3]]
            inc = None
            for _try in range(200):
                c = rng.choice(early)
                r = [x for x in c[4] if x['id'] not in self.used]
                p = [q for q in c[3] if 1975 < self.by[q] < 2004 and self.pc[q]]
                if r and p:
                    inc = c
                    break
            if not inc:
                break
            e = rng.choice(r)
            self.used.add(e['id'])
            p = rng.choice(p)
            i = inc_id()
            n = rng.randint(5, 12)
            span = self.t1 - inc[2] - DAY
            for k in range(n):
                base = inc[2] + 2 * DAY + int(span * (k + rng.random()) / n)
                if base > self.t1 - 3600:
                    base = self.t1 - rng.randint(2, 30) * HOUR
                sh = [x for x in e['shifts'] if x[0] > base - 2 * DAY and x[1] < self.t1]
                if sh and rng.random() < 0.8:
                    s, en = sh[0]
                    t = s + rng.randrange(max(600, en - s - 600))
                else:
                    t = base
                if rng.random() < 0.3:
                    self.improper(e, t, p, 'following', i, 'query', 'blueview')
                    t += rng.randint(10, 90)
                self.improper(e, t, p, 'following', i, 'view', rng.choice(['bvh', 'brp']))
        # 17 export / print of an unrelated record
        for _ in range(n_inc()):
            e = self.pick_insider(rng)
            i = inc_id()
            ps = self.unrelated_persons(rng, rng.randint(1, 2))
            t = self.in_shift_time(e, rng)
            for p in ps:
                self.improper(e, t, p, 'export_print', i, 'query', 'blueview')
                t += rng.randint(20, 200)
                self.improper(e, t, p, 'export_print', i, 'view', 'bvh')
                t += rng.randint(20, 300)
                self.improper(e, t, p, 'export_print', i, rng.choice(['print', 'print', 'export']), 'bvh')
                t += rng.randint(20, 300)
        # 18 news hype: a person in the news, looked up by many in the following 1-2 days
        stories = rng.randint(2, 3)
        for sidx in range(stories):
            day = rng.randint(2, self.days - 4)
            news = self.local(day, rng.choice([7, 12, 18]), rng.randrange(60))
            kind = sidx % 3
            if kind == 0:   # local football player arrested for drink driving
                p = rng.choice(self.vips)
                d = self.district[p] or 'lim_maastricht'
            elif kind == 1:  # suspect in a shooting, name in the regional press
                p = self.unrelated_persons(rng, 1)[0]
                d = self.district[p]
            else:            # a festival artist's incident
                p = rng.choice(self.artists)
                d = 'lim_parkstad'
            s_ = dict((x[0], x[5]) for x in DISTRICTS)[d]
            self.n_incident += 1
            cid = 'BVH-%s-26%06d' % (s_, self.n_incident)
            op = news - rng.randint(3, 14) * HOUR
            self.add_case(cid, 'incident', d, 'T-%s-BT1' % s_, op, op + 5 * HOUR, False)
            self.add_cp(cid, p, 'verdachte')
            # legit: the handling team follows up with the case number
            team = self.team_members['T-%s-BT1' % s_]
            for m in rng.sample(team, min(3, len(team))):
                self.add_staff(cid, m['id'], op, None)
                self.ev(op + rng.randint(600, 5 * HOUR), m, 'bvh', 'view', self.pid(p), cid, True)
            if kind == 1:
                cid2 = rng.choice(self.team_cases['T-DRR-ZWA'])
                self.add_cp(cid2, p, 'verdachte')
            lookers = [x for x in self.emps if x['id'] not in self.used and x['unit'] != d and not x['moves']
                       and any(news <= sh[0] < news + 40 * HOUR or sh[0] <= news < sh[1] for sh in x['shifts'])]
            for x in rng.sample(lookers, min(len(lookers), rng.randint(6, 14))):
                self.used.add(x['id'])
                i = inc_id()
                sh = [sh for sh in x['shifts'] if news <= sh[1] and sh[0] < news + 40 * HOUR]
                s, en = sh[0]
                t = max(s, news) + rng.randrange(max(600, min(en, news + 40 * HOUR) - max(s, news)))
                self.improper(x, t, p, 'news_hype', i, 'query', 'blueview')
                if rng.random() < 0.7:
                    self.improper(x, t + rng.randint(10, 120), p, 'news_hype', i, 'view', 'bvh')

    # ------------------------------------------------------------ run
    def run(self):
        self.build_persons()
        self.rare_set = set(self.rare)
        self.build_org()
        self.build_shifts()
        self.build_cases()
        self.emp_assign = defaultdict(list)
        for cid, eid, *_ in self.case_staff:
            self.emp_assign[eid].append(cid)
        self.all_inv = [c for c, r in self.case_rows.items() if r[0] == 'investigation']
        self.build_onshift()
        self.gen_incidents()
        self.gen_role_work()
        self.plant()


# ---------------------------------------------------------------- writers
def q(v):
    v = '' if v is None else str(v)
    if any(c in v for c in ',"\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write_csv(path, header, rows, crlf=False, bom=False):
    nl = '\r\n' if crlf else '\n'
    with open(path, 'w', encoding='utf-8', newline='') as f:
        if bom:
            f.write('\ufeff')
        f.write(','.join(header) + nl)
        for r in rows:
            f.write(','.join(q(x) for x in r) + nl)


def write_world(w, out):
    rng = random.Random(w.seed * 7919 + 1)
    os.makedirs(out, exist_ok=True)
    # units: one fte with a decimal comma (quoted), a name with a comma
    fte = {'lim_noord': 610, 'lim_midden': 540, 'lim_westmijn': 455, 'lim_maastricht': 640, 'lim_parkstad': 690,
           'lim_drr': 420, 'lim_dro': 260, 'lim_dio': 310, 'lim_staf': 380}
    rows = []
    for u, name in w.units:
        f = '%.1f' % (fte[u] * w.n_emp / 1200.0 + 0.5)
        if u == 'lim_dio':
            f = f.replace('.', ',')
        rows.append((u, name, f))
    write_csv(os.path.join(out, 'units.csv'), ['unit_id', 'name', 'fte'], rows)
    # teams: CRLF, a kind in capitals, one kind empty
    rows = []
    for tid, (u, kind, name) in w.teams.items():
        if tid == 'T-MST-REC':
            kind = 'Recherche'
        rows.append((tid, u, kind, name))
    write_csv(os.path.join(out, 'teams.csv'), ['team_id', 'unit_id', 'kind', 'name'], rows, crlf=True)
    # employees: BOM, a spaced/mixed-case header, an extra column, transfers as repeated rows
    rows = []
    later = []
    for e in w.emps:
        pid = '' if (e['pid'] is None or e.get('pid_hidden')) else w.pid(e['pid'])
        rank = e['rank'].capitalize() if rng.random() < 0.05 else e['rank']
        func = e['fn']
        if func == 'noodhulp' and rng.random() < 0.1:
            func = 'noodhulp, ME-peloton'
        start = '2026-%02d-01' % rng.randint(1, 5) if e['start_day'] else str(rng.randint(1985, 2024))
        if e['start_day']:
            start = loc_date(w.local(e['start_day'], 9))
        rows.append((e['id'], pid, e['surname'], e['unit'], e['team'], rank, func, start))
        for mt, nt, nu in e['moves']:
            later.append((e['id'], pid, e['surname'], nu, nt, e['rank'], func, start))
    write_csv(os.path.join(out, 'employees.csv'), [' Employee_ID', 'person_id', 'surname', 'unit_id', 'team_id', 'Rank ', 'function', 'in_dienst'],
              rows + later, crlf=True, bom=True)
    # persons: extra "land" column, some postcodes with space/lower case, flag spelling
    rows = []
    for i in range(len(w.sur)):
        pc = w.pc[i]
        r = rng.random()
        if pc and r < 0.04:
            pc = pc[:4] + ' ' + pc[4:]
        elif pc and r < 0.06:
            pc = pc.lower()
        fl = sorted(w.flags[i])
        fs = ';'.join(fl)
        if fl and rng.random() < 0.3:
            fs = ' ; '.join(x.upper() if rng.random() < 0.5 else x for x in fl)
        by = w.by[i] if rng.random() > 0.01 else ''
        rows.append((w.pid(i), w.sur[i], by, pc, w.hn[i], fs, w.extra_land[i]))
    write_csv(os.path.join(out, 'persons.csv'), ['person_id', 'surname', 'birth_year', 'postcode', 'house_number', 'flags', 'land'], rows)
    write_csv(os.path.join(out, 'relations.csv'), ['person_id', 'related_person_id', 'kind'],
              [(w.pid(a), w.pid(b), k) for a, b, k in w.relations])
    # cases: booleans in several spellings; incidents with local offsets; investigations with dates
    rows = []
    for cid, (kind, u, team, op, cl, sens, isdate) in w.case_rows.items():
        if isdate:
            o = loc_date(op)
            c = loc_date(cl) if cl else ''
        else:
            o = fmt_loc(op) if rng.random() < 0.7 else fmt_z(op)
            if cl is None:
                c = ''
            elif rng.random() < 0.2:
                c = loc_date(cl)
            else:
                c = fmt_loc(cl) if rng.random() < 0.5 else fmt_z(cl)
        sv = rng.choice(['true', 'TRUE', 'ja', '1']) if sens else rng.choice(['false', 'false', '', 'nee', '0'])
        rows.append((cid, kind, u, team, o, c, sv))
    write_csv(os.path.join(out, 'cases.csv'), ['case_id', 'kind', 'unit_id', 'team_id', 'opened', 'closed', 'sensitive'], rows)
    rows = []
    for cid, ps in w.case_persons.items():
        for p, role in ps:
            rows.append((cid, w.pid(p), role))
    write_csv(os.path.join(out, 'case_persons.csv'), ['case_id', 'person_id', 'role'], rows)
    rows = []
    for cid, eid, fr, to, as_date in w.case_staff:
        if as_date:
            f = loc_date(fr) if fr is not None else ''
            t = loc_date(to) if to is not None else ''
        else:
            f = fmt_z(fr) if fr is not None else ''
            t = fmt_loc(to) if to is not None else ''
        rows.append((cid, eid, f, t))
    write_csv(os.path.join(out, 'case_staff.csv'), ['case_id', 'employee_id', 'from', 'to'], rows)
    # shifts: recorded only; mixed offset styles
    rows = []
    for e in w.emps:
        for (s, en), rec in zip(e['shifts'], e['rec']):
            if not rec:
                continue
            st = rng.random()
            if st < 0.6:
                rows.append((e['id'], fmt_loc(s), fmt_loc(en)))
            elif st < 0.9:
                rows.append((e['id'], fmt_z(s), fmt_z(en)))
            else:
                rows.append((e['id'], fmt_loc(s, ' '), fmt_loc(en, ' ')))
    rows.sort(key=lambda r: r[1])
    write_csv(os.path.join(out, 'shifts.csv'), ['employee_id', 'start', 'end'], rows)

    # events: summit's log is flushed late (a few minutes out of order), summit writes local time
    ev = w.events
    order = sorted(range(len(ev)), key=lambda k: ev[k][0] + (150 if ev[k][2] == 'summit' else 0))
    eid = {}
    with open(os.path.join(out, 'events.jsonl'), 'w', encoding='utf-8', newline='') as f:
        for n, k in enumerate(order):
            ts, emp, system, action, pid, cid = ev[k]
            i = 'e-%07d' % (n + 1)
            eid[k] = i
            if system == 'summit':
                tss = fmt_loc(ts, 'T', '.%03d' % rng.randrange(1000))
            else:
                tss = fmt_z(ts)
            o = {'id': i, 'ts': tss, 'employee_id': emp, 'system': system, 'action': action, 'person_id': pid}
            if cid:
                o['case_id'] = cid
            elif system == 'bvh':
                o['case_id'] = None
            elif system == 'brp':
                o['case_id'] = ''
            if system == 'bvh':
                o['werkplek'] = 'WS-%04d' % (int(emp[1:]) * 37 % 9000 + 1000)
            line = json.dumps(o, ensure_ascii=False, separators=(',', ':'))
            if system == 'rdw':
                line = json.dumps({'ts': tss, 'id': i, 'action': action.upper(), 'person_id': pid, 'employee_id': emp, 'system': 'rdw', 'case_id': cid or None}, ensure_ascii=False)
            f.write(line + ('\r\n' if system == 'rdw' else '\n'))
            if n in (1000, len(order) // 2):
                f.write('\n   \n')
    with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write('event_id,incident_id,scenario\n')
        for k, inc, scen in sorted(w.truth, key=lambda x: eid[x[0]]):
            f.write('%s,%s,%s\n' % (eid[k], inc, scen))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--employees', type=int, default=1200)
    ap.add_argument('--days', type=int, default=28)
    ap.add_argument('--start', default='2026-06-01', help='first day (local), YYYY-MM-DD')
    a = ap.parse_args()
    if a.days < 7:
        ap.error('--days must be at least 7')
    if a.employees < 150:
        ap.error('--employees must be at least 150')
    t = time.time()
    w = World(a.seed, a.employees, a.days, a.start)
    w.run()
    write_world(w, a.outdir)
    legit = [x for x, k in zip(w.expl, range(len(w.expl)))]
    imp = {k for k, _, _ in w.truth}
    nl = len(w.events) - len(imp)
    ne = sum(1 for k, x in enumerate(w.expl) if x and k not in imp)
    scen = defaultdict(set)
    for k, inc, s in w.truth:
        scen[s].add(inc)
    print('redteam7: %d events (%d improper in %d incidents), %d persons, %d employees, %d cases, %.1fs' % (
        len(w.events), len(imp), len({i for _, i, _ in w.truth}), len(w.sur), len(w.emps), len(w.case_rows), time.time() - t), file=sys.stderr)
    print('redteam7: legit events explainable by construction: %.1f%%' % (100.0 * ne / max(1, nl)), file=sys.stderr)
    print('redteam7: incidents per scenario: ' + ', '.join('%s=%d' % (s, len(v)) for s, v in sorted(scen.items())), file=sys.stderr)


if __name__ == '__main__':
    main()
