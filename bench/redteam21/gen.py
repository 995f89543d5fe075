#!/usr/bin/env python3
"""redteam21: Eenheid Amsterdam, four weeks from Monday 12 April 2027 (CEST).

python3 gen.py OUTDIR --seed S [--debug]

Writes OUTDIR/context/*.csv (persons as persons.csv.gz), OUTDIR/events.jsonl.gz,
OUTDIR/truth.csv and, with --debug, OUTDIR/debug_sources.csv.gz.
Standard library only; deterministic per seed.
"""
import argparse
import bisect
import gzip
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone

TZ = timezone(timedelta(hours=2))          # Dutch summer time for the whole month
T0 = int(datetime(2027, 4, 12, tzinfo=TZ).timestamp())
UZ = T0 + 7200                              # UTC midnight of 2027-04-12
DAY = 86400
HOUR = 3600
NDAYS = 28
TEND = T0 + NDAYS * DAY
TB = T0 - 3 * DAY                           # base for packing event times

CL_DAY = 9          # Wed 21 April: Champions League quarter-final at the ArenA
KINGSNIGHT = 14     # Mon 26 April evening
KINGSDAY = 15       # Tue 27 April
RECRUIT_DAY = 14    # Mon 26 April: new class from the academy
REMEMBRANCE = 22    # Tue 4 May, Dam
LIBERATION = 23     # Wed 5 May

_DL = {}
for _d in range(-900, 45):
    _DL[_d] = (datetime(2027, 4, 12) + timedelta(days=_d)).strftime('%Y-%m-%d')


def ts_local(t):
    d, r = divmod(t - T0, DAY)
    return '%sT%02d:%02d:%02d+02:00' % (_DL[d], r // 3600, r // 60 % 60, r % 60)


def ts_utc(t, sep='T', frac=''):
    d, r = divmod(t - UZ, DAY)
    return '%s%s%02d:%02d:%02d%sZ' % (_DL[d], sep, r // 3600, r // 60 % 60, r % 60, frac)


def date_local(t):
    return _DL[(t - T0) // DAY]


def dow(day):  # 0 = Monday
    return day % 7


SYSTEMS = ['bvh', 'blueview', 'meos', 'summit', 'bvi', 'brp', 'rdw', 'cie']
S_BVH, S_BLUE, S_MEOS, S_SUMMIT, S_BVI, S_BRP, S_RDW, S_CIE = range(8)
ACTIONS = ['query', 'view', 'export', 'print']
A_Q, A_V, A_E, A_P = range(4)

# ----------------------------------------------------------------------------- names
SN_NL = [("de Jong", 83), ("Jansen", 73), ("de Vries", 71), ("van den Berg", 60), ("van Dijk", 57),
         ("Bakker", 56), ("Janssen", 55), ("Visser", 50), ("Smit", 46), ("Meijer", 42), ("de Boer", 39),
         ("Mulder", 38), ("de Groot", 38), ("Bos", 37), ("Vos", 35), ("Peters", 34), ("Hendriks", 33),
         ("van Leeuwen", 32), ("Dekker", 31), ("Brouwer", 30), ("de Wit", 29), ("Dijkstra", 29), ("Smits", 28),
         ("de Graaf", 28), ("van der Meer", 27), ("van der Linden", 26), ("Kok", 25), ("Jacobs", 25),
         ("de Haan", 24), ("Vermeulen", 24), ("van den Heuvel", 23), ("van der Veen", 23), ("van den Broek", 22),
         ("de Bruijn", 22), ("de Bruin", 21), ("van der Heijden", 21), ("Schouten", 21), ("van Beek", 20),
         ("Willems", 20), ("van Vliet", 19), ("van de Ven", 19), ("Hoekstra", 19), ("Maas", 19),
         ("Verhoeven", 18), ("Koster", 18), ("van Dam", 18), ("van der Wal", 17), ("Prins", 17), ("Blom", 17),
         ("Huisman", 17), ("Peeters", 16), ("de Jonge", 16), ("Kuipers", 16), ("van Veen", 16), ("Post", 16),
         ("Kuiper", 16), ("Veenstra", 16), ("Kramer", 15), ("van den Brink", 15), ("Scholten", 15),
         ("van Wijk", 15), ("Postma", 15), ("Martens", 14), ("Vink", 14), ("de Ruiter", 14),
         ("Timmermans", 14), ("Groen", 14), ("Gerritsen", 14), ("Jonker", 13), ("van Loon", 13), ("Boer", 13),
         ("van der Velden", 13), ("Willemsen", 13), ("de Lange", 13), ("de Vos", 12), ("Bosch", 12),
         ("van Dongen", 12), ("Schipper", 12), ("de Koning", 12), ("van der Laan", 12), ("Koning", 12),
         ("Driessen", 12), ("van Doorn", 12), ("Hermans", 11), ("Evers", 11), ("van den Bosch", 11),
         ("van der Meulen", 11), ("Hofman", 11), ("Bosman", 11), ("Wolters", 11), ("Sanders", 11),
         ("Mol", 11), ("Molenaar", 10), ("Verbeek", 10), ("'t Hart", 8), ("van 't Hof", 5), ("Groot, de", 2)]
SN_MIG = [("El Amrani", 9), ("Bouzid", 6), ("El Idrissi", 6), ("Benali", 5), ("Ouali", 4), ("Ait Taleb", 4),
          ("El Khattabi", 5), ("Boukhari", 3), ("Azzouzi", 4), ("Amrani", 5), ("Tahiri", 4), ("Chaouch", 3),
          ("Yilmaz", 9), ("Kaya", 7), ("Demir", 7), ("Şahin", 5), ("Çelik", 5), ("Yıldız", 5), ("Öztürk", 5),
          ("Aydın", 5), ("Özdemir", 4), ("Arslan", 4), ("Doğan", 4), ("Koç", 3), ("Pinas", 4), ("Biharie", 3),
          ("Tjon A Fong", 2), ("Kromodimedjo", 2), ("Ramdin", 3), ("Sital", 3), ("Martina", 3), ("Doran", 2),
          ("Cijntje", 2), ("Rosalia", 2), ("Sno", 2), ("Wijngaarde", 2), ("Mensah", 4), ("Owusu", 3),
          ("Boateng", 3), ("Asante", 2), ("Nguyen", 3), ("Kowalski", 2), ("Nowak", 3), ("Rodrigues", 2),
          ("da Silva", 3), ("Haddou", 2), ("El Hamdaoui", 2), ("Bakkali", 3)]
SN_TOUR = ["Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Müller", "Schmidt",
           "Schneider", "Fischer", "Weber", "Meyer", "García", "Martínez", "López", "Sánchez", "Pérez",
           "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Dubois", "Martin", "Bernard", "Moreau",
           "Murphy", "O'Brien", "Kelly", "Walsh", "Johnson", "Miller", "Davis", "Wilson", "Anderson",
           "Thomas", "Novák", "Kovács", "Nagy", "Popescu", "Ivanov", "Petrov", "Horvat", "Hansen", "Nielsen",
           "Andersson", "Johansson", "Lindberg", "Silva", "Santos", "Ferreira", "Kowalczyk", "Wiśniewski",
           "Tanaka", "Kim", "Lee", "Chen", "Wang", "Singh", "Patel", "Cohen", "Levi", "Dupont", "Lambert",
           "Fernández", "González", "Romano", "Colombo", "Hoffmann", "Wagner", "Becker", "Schulz"]
SN_ITIN = ["Popa", "Stan", "Dumitru", "Radu", "Ionescu", "Gheorghe", "Mihai", "Constantin", "Petrović",
           "Nikolić", "Jovanović", "Benmoussa", "Haddad", "Stoica", "Lungu", "Munteanu", "Marković", "Zhou",
           "Bensaid", "Toma", "Rusu", "Matei"]
STEMS = ["Boom", "Kamp", "Hoven", "Meer", "Dijk", "Veld", "Hof", "Berg", "Water", "Linde", "Brug", "Haar",
         "Zand", "Wolf", "Molen", "Steen", "Kruis", "Hout", "Riet", "Sloot", "Weide", "Beek", "Horst", "Kolk",
         "Wiel", "Dam", "Gaast", "Loo", "Hee", "Roos", "Vliet", "Broek", "Ham", "Wouw", "Zwan"]
SUFF = ["ma", "stra", "ink", "man", "s", "er", "huis", "inga", "enga", "sma", "hof", "veld", "kamp",
        "dijk", "berg", "hoven", "mans", "en", "ing"]
PREF = ["", "", "", "van ", "van de ", "van der ", "van den ", "de ", "ter ", "ten ", "op de "]
MIG_ST = ["Hamd", "Ouard", "Khal", "Bouh", "Mour", "Zerr", "Tahr", "Lamr", "Bekk", "Yous", "Kadd", "Sadd",
          "Rahm", "Hass", "Ghaz", "Nasr"]
MIG_SUF = ["aoui", "ioui", "ouchi", "ani", "ati", "ouni", "ach", "iri"]
TR_ST = ["Güler", "Kurt", "Aksoy", "Keskin", "Ünal", "Polat", "Erdem", "Bulut", "Tekin", "Uysal", "Kılıç",
         "Turan", "Başaran", "Korkmaz", "Karataş", "Bozkurt"]

PC_LET = "ABCDEGHJKLMNPRSTVWXZ"

DISTRICTS = [
    # unit id, name, postcode prefixes, resident weight, incidents/day, basisteams
    ('ams-centrum', 'District Centrum', list(range(1011, 1019)), 6, 62,
     ['Burgwallen', 'Jordaan-Haarlemmerbuurt', 'Centrum-Oost']),
    ('ams-noord', 'District Noord', list(range(1020, 1036)), 7, 34, ['Noord-Oost', 'Noord-West']),
    ('ams-oost', 'District Oost', list(range(1086, 1099)), 9, 38, ['Oost-Watergraafsmeer', 'IJburg-Zeeburg']),
    ('ams-zuid', 'District Zuid', list(range(1071, 1084)), 10, 38, ['De Pijp-Rivierenbuurt', 'Zuid-Buitenveldert']),
    ('ams-west', 'District West', list(range(1051, 1059)), 10, 38, ['Oud-West-Westerpark', 'Bos en Lommer']),
    ('ams-nieuwwest', 'District Nieuw-West', list(range(1059, 1070)), 11, 42, ['Nieuw-West Noord', 'Nieuw-West Zuid']),
    ('ams-zuidoost', 'District Zuidoost', list(range(1100, 1109)), 6, 34, ['Bijlmer-Gaasperdam', 'Venserpolder-ArenA']),
    ('ams-amstelland', 'District Amstelland', list(range(1181, 1190)) + list(range(1420, 1428)) + [1111, 1115, 1191],
     9, 24, ['Amstelveen', 'Ouder-Amstel-Uithoorn']),
    ('ams-zaanstreek', 'District Zaanstreek-Waterland', list(range(1501, 1510)) + list(range(1441, 1448)) +
     list(range(1131, 1136)) + [1521, 1531, 1541], 13, 34, ['Zaanstad', 'Waterland-Purmerend']),
]
OUTSIDE_PC = list(range(1311, 1365)) + list(range(2011, 2037)) + list(range(2131, 2137)) + \
    list(range(8211, 8245)) + list(range(1211, 1224)) + list(range(3511, 3585)) + list(range(1901, 1906)) + \
    list(range(1621, 1625)) + list(range(2151, 2155))

HOUR_W_INC = [5, 4, 3, 2, 1.5, 1, 1.5, 2.5, 3.5, 4, 4.5, 5, 5.5, 5.5, 5.5, 6, 6.5, 7, 7, 7, 7, 7, 6.5, 6]


class Emp:
    __slots__ = ('i', 'eid', 'p', 'sn', 'rank', 'segs', 'shifts', 'watch', 'wijk', 'mentor', 'home_pc',
                 'relatives', 'unrec_rel', 'ex', 'partner', 'act', 'classmates', 'recruit', 'exported_rows',
                 'noroster', 'piket')

    def __init__(self):
        self.segs = []
        self.shifts = []
        self.watch = []
        self.wijk = []
        self.mentor = -1
        self.p = -1
        self.relatives = []
        self.unrec_rel = []
        self.ex = -1
        self.partner = -1
        self.act = 1.0
        self.classmates = []
        self.recruit = False
        self.noroster = False
        self.piket = []

    def seg(self, day):
        s = self.segs[0]
        for x in self.segs:
            if x[0] <= day:
                s = x
        return s


class Case:
    __slots__ = ('i', 'cid', 'kind', 'unit', 'team', 'opened', 'odate', 'closed', 'cdate', 'sens', 'persons',
                 'staff', 'itype', 'serious', 'sens_txt')

    def __init__(self):
        self.persons = []
        self.staff = []
        self.closed = None
        self.cdate = False
        self.odate = False
        self.serious = False
        self.itype = ''
        self.sens = False
        self.sens_txt = None


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed * 7919 + 21)
        self.p_sn = []
        self.p_by = []
        self.p_pc = []
        self.p_hn = []
        self.p_fl = []
        self.p_dist = []
        self.by_sn = {}
        self.pc_members = {}
        self.used_pc = {}
        self.rel = []
        self.emps = []
        self.teams = []       # (tid, unit, kind, name)
        self.team_idx = {}
        self.team_members = {}
        self.cases = []
        self.ev = []
        self.src_names = []
        self.src_idx = {}
        self.improper = {}   # packed -> (incident, scenario)
        self.incidents_meta = []
        self.dup_emp_rows = []

    # ------------------------------------------------------------------ helpers
    def src(self, name):
        k = self.src_idx.get(name)
        if k is None:
            k = len(self.src_names)
            assert k < 128
            self.src_idx[name] = k
            self.src_names.append(name)
        return k

    def add(self, t, e, p, s, a, c, src):
        if t < T0 or t >= TEND or p < 0:
            return None
        v = ((((((t - TB) << 12 | e) << 19 | p) << 16 | (c + 1)) << 3 | s) << 2 | a) << 7 | src
        self.ev.append(v)
        return v

    def query(self, t, e, p, s, src, c=-1, ns=0.22, view=0.0, vdelay=40):
        """A name search: the person, sometimes namesakes in the result list, maybe a view."""
        self.add(t, e, p, s, A_Q, c, src)
        r = self.r
        if ns and r.random() < ns:
            lst = self.by_sn.get(self.p_sn[p])
            if lst and len(lst) > 1:
                for _ in range(r.randint(1, 4 if len(lst) > 50 else 2)):
                    q = lst[int(r.random() * len(lst))]
                    if q != p:
                        self.add(t, e, q, s, A_Q, c, src)
        if view and r.random() < view:
            self.add(t + r.randint(5, vdelay), e, p, s if s != S_MEOS else S_BVH, A_V, c, src)

    def new_person(self, sn, by, pc, hn, fl='', dist=-1):
        i = len(self.p_sn)
        self.p_sn.append(sn)
        self.p_by.append(by)
        self.p_pc.append(pc)
        self.p_hn.append(hn)
        self.p_fl.append(fl)
        self.p_dist.append(dist)
        self.by_sn.setdefault(sn, []).append(i)
        if pc:
            self.pc_members.setdefault(pc, []).append(i)
        return i

    def new_pc(self, prefix):
        r = self.r
        while True:
            pc = '%d%s%s' % (prefix, PC_LET[int(r.random() * 20)], PC_LET[int(r.random() * 20)])
            if pc not in self.used_pc:
                self.used_pc[pc] = 1
                return pc

    def sample_sn(self, mig=0.22):
        r = self.r
        x = r.random()
        if x < mig:
            if r.random() < 0.7:
                return self.mig_names[bisect.bisect(self.mig_cum, r.random() * self.mig_cum[-1])]
            return self.mig_rare[int(r.random() * len(self.mig_rare))]
        if x < 0.58:
            return self.nl_names[bisect.bisect(self.nl_cum, r.random() * self.nl_cum[-1])]
        return self.rare[int(r.random() * len(self.rare))]

    def hn(self, base):
        r = self.r
        n = base + int(r.random() * 24)
        x = r.random()
        if x < 0.12:
            return '%d-%s' % (n, r.choice(['I', 'II', 'III', 'H', '1', '2', '3']))
        if x < 0.18:
            return '%d%s' % (n, r.choice('ABCD'))
        if x < 0.21:
            return '%d hs' % n
        return str(n)

    def uniform_pick(self, lst):
        return lst[int(self.r.random() * len(lst))]

    # ------------------------------------------------------------------ persons
    def build_names(self):
        r = self.r
        self.nl_names = [n for n, w in SN_NL]
        self.nl_cum = []
        c = 0
        for n, w in SN_NL:
            c += w
            self.nl_cum.append(c)
        self.mig_names = [n for n, w in SN_MIG]
        self.mig_cum = []
        c = 0
        for n, w in SN_MIG:
            c += w
            self.mig_cum.append(c)
        rare = {}
        for _ in range(9000):
            pre = r.choice(PREF)
            st = r.choice(STEMS)
            if r.random() < 0.5:
                nm = pre + st + r.choice(SUFF)
            else:
                nm = pre + st + r.choice(STEMS).lower()
            rare[nm] = 1
        self.rare = sorted(rare)
        mr = {}
        for _ in range(1500):
            if r.random() < 0.5:
                nm = r.choice(['El ', 'Ben ', '', 'Ait ', 'Ou']) + r.choice(MIG_ST) + r.choice(MIG_SUF)
                nm = nm.replace('Ou' + nm[2:], 'Ou' + nm[2:].lower()) if nm.startswith('Ou') else nm
            else:
                nm = r.choice(TR_ST) + r.choice(['', 'oğlu', 'er', 'türk', 'kaya'])
            mr[nm] = 1
        self.mig_rare = sorted(mr)

    def build_persons(self):
        r = self.r
        self.build_names()
        self.dist_pcs = []
        self.dist_res = []
        self.households = []     # (d, members, partnerpair)
        total_w = sum(d[3] for d in DISTRICTS)
        target = 205000
        for di, (uid, name, prefs, w, ninc, bts) in enumerate(DISTRICTS):
            n = target * w // total_w
            pcs = []
            for _ in range(max(60, n // 34)):
                pcs.append(self.new_pc(r.choice(prefs)))
            self.dist_pcs.append(pcs)
            res = []
            pc_base = {}
            while len(res) < n:
                pc = pcs[int(r.random() * len(pcs))]
                b = pc_base.get(pc)
                if b is None:
                    b = pc_base[pc] = 1 + int(r.random() * 180)
                mem = self.make_household(di, pc, self.hn(b))
                res.extend(mem)
            self.dist_res.append(res)
        self.all_res = [p for lst in self.dist_res for p in lst]
        # offenders: a small share of residents, young adults mostly
        self.offenders = []
        self.dist_off = []
        for di, res in enumerate(self.dist_res):
            lst = []
            for p in res:
                by = self.p_by[p]
                if by and 1968 <= by <= 2010 and r.random() < (0.085 if by >= 1988 else 0.035):
                    lst.append(p)
            self.dist_off.append(lst)
            self.offenders.extend(lst)
        # Top600 / Top400: high-impact repeat offenders with a regisseur and wijkagent
        self.top600 = r.sample(self.offenders, 600)
        self.top600_d = [self.p_dist[p] for p in self.top600]
        # tourists and other foreign visitors (no Dutch postcode)
        self.tourists = []
        for _ in range(42000):
            sn = r.choice(SN_TOUR) if r.random() < 0.8 else self.rare[int(r.random() * len(self.rare))]
            by = r.randint(1950, 2009) if r.random() < 0.82 else 0
            self.tourists.append(self.new_person(sn, by, '', ''))
        # itinerant pickpocket gangs
        self.gangs = []
        for g in range(28):
            base = r.choice(SN_ITIN)
            mem = []
            for k in range(r.randint(5, 11)):
                sn = base if r.random() < 0.4 else r.choice(SN_ITIN)
                if r.random() < 0.2:
                    d = 0 if r.random() < 0.3 else r.randrange(len(DISTRICTS))
                    pc = self.uniform_pick(self.dist_pcs[d])
                    p = self.new_person(sn, r.randint(1975, 2008), pc, self.hn(1), '', d)
                else:
                    p = self.new_person(sn, r.randint(1975, 2008) if r.random() < 0.9 else 0, '', '')
                mem.append(p)
            self.gangs.append(mem)
        self.gang_members = [p for g in self.gangs for p in g]
        # public figures
        self.vip_ajax = []
        for k in range(26):
            d = 3 if r.random() < 0.6 else 7
            self.vip_ajax.append(self.new_person(self.sample_sn(0.3), r.randint(1994, 2008),
                                                 self.uniform_pick(self.dist_pcs[d]), self.hn(1), 'vip', d))
        self.vip_away = [self.new_person(r.choice(SN_TOUR), r.randint(1992, 2007), '', '', 'vip') for _ in range(24)]
        self.vip_celeb = []
        for k in range(70):
            d = r.randrange(len(DISTRICTS))
            fl = r.choice(['vip', 'vip', 'VIP', 'vip ', 'vip;bekende_nederlander'])
            self.vip_celeb.append(self.new_person(self.sample_sn(0.15), r.randint(1950, 2004),
                                                  self.uniform_pick(self.dist_pcs[d]), self.hn(1), fl, d))
        self.vip_pol = []
        for k in range(14):
            d = r.randrange(4)
            fl = 'vip;shielded' if k < 3 else 'vip'
            self.vip_pol.append(self.new_person(self.sample_sn(0.2), r.randint(1958, 1990),
                                                self.uniform_pick(self.dist_pcs[d]), self.hn(1), fl, d))
        self.mayor = self.vip_pol[0]
        # threatened lawyers and crime journalists (the trial), protected witnesses
        self.lawyers = [self.new_person(self.sample_sn(0.2), r.randint(1965, 1990), self.uniform_pick(self.dist_pcs[3]),
                                        self.hn(1), 'shielded') for _ in range(4)]
        self.journalists = [self.new_person(self.sample_sn(0.2), r.randint(1965, 1992),
                                            self.uniform_pick(self.dist_pcs[r.randrange(5)]), self.hn(1),
                                            r.choice(['vip;shielded', 'shielded;vip', 'Shielded ; VIP']))
                            for _ in range(4)]
        self.witnesses = [self.new_person(self.sample_sn(0.4), r.randint(1975, 2000), '', '', 'shielded')
                          for _ in range(5)]
        # domestic violence victims with shielded addresses
        self.dv_shielded = []
        for k in range(160):
            p = self.uniform_pick(self.all_res)
            if not self.p_fl[p]:
                self.p_fl[p] = 'shielded'
                self.dv_shielded.append(p)
        # CIE informants: ordinary-looking residents, known only to the handlers
        self.informants = r.sample(self.offenders, 70)
        # deceased
        self.deceased = []
        for k in range(500):
            p = self.uniform_pick(self.all_res)
            if not self.p_fl[p]:
                self.p_fl[p] = 'deceased' if r.random() < 0.8 else r.choice(['overleden', 'Deceased', 'deceased;overleden'])
                self.deceased.append(p)

    def make_household(self, di, pc, hn, size=None, sn=None):
        r = self.r
        if size is None:
            x = r.random()
            size = 1 if x < 0.40 else 2 if x < 0.70 else 3 if x < 0.84 else 4 if x < 0.95 else 5
        sn = sn or self.sample_sn()
        aby = r.randint(1940, 2006)
        a = self.new_person(sn, aby if r.random() > 0.03 else 0, pc, hn, '', di)
        mem = [a]
        rec = r.random() < 0.28
        if size >= 2:
            psn = sn if r.random() < 0.45 else self.sample_sn()
            b = self.new_person(psn, max(1938, min(2007, aby + r.randint(-7, 7))), pc, hn, '', di)
            mem.append(b)
            if rec:
                self.rel.append((a, b, 'partner'))
            elif r.random() < 0.04:
                self.rel.append((a, b, 'household'))
            for k in range(size - 2):
                kb = min(2025, max(aby + 19, 1962) + r.randint(0, 16))
                c = self.new_person(sn, kb, pc, hn, '', di)
                mem.append(c)
                if rec:
                    self.rel.append((c, a, 'parent') if r.random() < 0.5 else (a, c, 'child'))
        return mem

    # ------------------------------------------------------------------ organisation
    def build_org(self):
        r = self.r
        T = []   # (tid, unit, kind, name, size, functions)
        self.units = []
        bt_funcs = [('noodhulp', 58), ('wijkagent', 16), ('brigadier', 10), ('surveillant', 5),
                    ('aspirant', 3), ('administratie', 5), ('teamchef', 3)]
        for di, (uid, name, prefs, w, ninc, bts) in enumerate(DISTRICTS):
            self.units.append((uid, name))
            for b in bts:
                tid = 'T-AMS-BT-' + b.upper().replace(' ', '').replace('-', '')[:16]
                size = r.randint(96, 118) if di == 0 else r.randint(84, 104)
                T.append((tid, uid, 'basisteam', 'Basisteam ' + b, size, bt_funcs, di))
            T.append(('T-AMS-DR-' + uid[4:].upper(), uid, 'recherche', 'Districtsrecherche ' + name[9:],
                      r.randint(22, 30), [('rechercheur', 80), ('digitaal rechercheur', 8), ('analist', 7),
                                          ('teamleider recherche', 5)], di))
            if di == 0:
                T.append(('T-AMS-FLEX-CENTRUM', uid, 'noodhulp', 'Flexteam Centrum (Wallen, zakkenrollers)',
                          42, [('noodhulp', 70), ('surveillant', 20), ('brigadier', 10)], di))
        self.units += [('ams-drr', 'Dienst Regionale Recherche'), ('ams-drio', 'Dienst Regionale Informatieorganisatie'),
                       ('ams-dro', 'Dienst Regionale Operaties'),
                       ('ams-meldkamer', 'Meldkamer Noord-Holland, politie Amsterdam'),
                       ('ams-staf', 'Staf Eenheid Amsterdam')]
        rech = [('rechercheur', 78), ('financieel rechercheur', 8), ('analist', 8), ('teamleider recherche', 6)]
        T += [
            ('T-AMS-DRR-TGO1', 'ams-drr', 'recherche', 'Team Georganiseerde Ondermijning 1', 36, rech, -1),
            ('T-AMS-DRR-TGO2', 'ams-drr', 'recherche', 'Team Georganiseerde Ondermijning 2 (strafzaak EBI)', 32, rech, -1),
            ('T-AMS-DRR-TGO3', 'ams-drr', 'recherche', 'Team Liquidaties en Zware Criminaliteit', 34, rech, -1),
            ('T-AMS-DRR-ZEDEN', 'ams-drr', 'recherche', 'Team Zeden en Kinderporno', 26, rech, -1),
            ('T-AMS-DRR-MOBBAN', 'ams-drr', 'recherche', 'Team Mobiel Banditisme / Zakkenrollerij', 24, rech, -1),
            ('T-AMS-DRR-FIN', 'ams-drr', 'recherche', 'Team Financieel Economische Criminaliteit', 20,
             [('financieel rechercheur', 80), ('rechercheur', 20)], -1),
            ('T-AMS-DRR-CYBER', 'ams-drr', 'recherche', 'Team Cybercrime', 20, [('digitaal rechercheur', 90), ('rechercheur', 10)], -1),
            ('T-AMS-IS-CENTRUM', 'ams-drio', 'intake_service', 'Intake Service Centrum (IJtunnel, Beursstraat)', 48,
             [('intake', 92), ('teamleider intake', 8)], -1),
            ('T-AMS-IS-REGIO', 'ams-drio', 'intake_service', 'Intake Service Regio', 44, [('intake', 95), ('teamleider intake', 5)], -1),
            ('T-AMS-IS-DIGITAAL', 'ams-drio', 'intake_service', 'Digitale en Telefonische Intake', 30, [('intake', 100)], -1),
            ('T-AMS-DRIO-ANALYSE', 'ams-drio', 'informatie_analyse', 'Team Analyse en Onderzoek', 30, [('analist', 100)], -1),
            ('T-AMS-DRIO-RTIC', 'ams-drio', 'informatie_analyse', 'Real Time Intelligence Center', 22, [('rtic', 100)], -1),
            ('T-AMS-DRIO-REG', 'ams-drio', 'ondersteuning', 'Team Registratie, Kwaliteit en Verstrekkingen', 54,
             [('registratie', 70), ('verstrekkingen', 18), ('kwaliteitsmedewerker', 12)], -1),
            ('T-AMS-DRIO-CIE', 'ams-drio', 'specialistisch', 'Criminele Inlichtingen Eenheid', 20, [('cie runner', 70), ('cie analist', 30)], -1),
            ('T-AMS-DRO-BB', 'ams-dro', 'specialistisch', 'Team Bewaken en Beveiligen', 32, [('beveiliger', 100)], -1),
            ('T-AMS-DRO-AT', 'ams-dro', 'specialistisch', 'Arrestatieteam', 26, [('at', 100)], -1),
            ('T-AMS-DRO-VERKEER', 'ams-dro', 'ondersteuning', 'Team Verkeer', 40, [('verkeer', 100)], -1),
            ('T-AMS-DRO-BEREDEN', 'ams-dro', 'ondersteuning', 'Bereden Politie', 24, [('bereden', 100)], -1),
            ('T-AMS-DRO-EV', 'ams-dro', 'informatie_analyse', 'Team Evenementen en Voetbal (spotters)', 14,
             [('voetbal', 100)], -1),
            ('T-AMS-DRO-ME', 'ams-dro', 'ondersteuning', 'ME-staf en Operationele Voorbereiding', 22, [('me', 100)], -1),
            ('T-AMS-MK', 'ams-meldkamer', 'meldkamer', 'Meldkamer Politie Amsterdam', 96,
             [('meldkamer', 90), ('calamiteitencoordinator', 10)], -1),
            ('T-AMS-STAF-EL', 'ams-staf', 'staf', 'Eenheidsleiding en Operationeel Centrum', 28, [('staf', 100)], -1),
            ('T-AMS-STAF-COM', 'ams-staf', 'staf', 'Communicatie en Woordvoering', 12, [('woordvoerder', 100)], -1),
            ('T-AMS-STAF-HR', 'ams-staf', 'staf', 'HR en Veiligheidsonderzoeken', 16, [('screening', 60), ('hr', 40)], -1),
            ('T-AMS-STAF-VIK', 'ams-staf', 'staf', 'Veiligheid, Integriteit en Klachten', 12, [('vik', 100)], -1),
            ('T-AMS-ACAD', 'ams-staf', 'ondersteuning', 'Praktijkbegeleiding aspiranten', 6, [('praktijkbegeleider', 100)], -1),
        ]
        self.team_spec = T
        for k, (tid, uid, kind, name, size, funcs, di) in enumerate(T):
            self.teams.append((tid, uid, kind, name, di))
            self.team_idx[tid] = k
            self.team_members[k] = []
        self.team_unit_di = {}
        for k, tt in enumerate(self.teams):
            self.team_unit_di[k] = tt[4]
        # employees
        used_ids = {}
        rank_by_kind = {
            'noodhulp': [('agent', 34), ('hoofdagent', 44), ('brigadier', 6), ('surveillant', 8), ('aspirant', 3), ('inspecteur', 1), ('', 4)],
            'wijkagent': [('hoofdagent', 65), ('brigadier', 30), ('agent', 5)],
            'brigadier': [('brigadier', 85), ('inspecteur', 10), ('', 5)],
            'surveillant': [('surveillant', 90), ('agent', 10)],
            'aspirant': [('aspirant', 100)],
            'administratie': [('burger', 90), ('', 10)],
            'teamchef': [('inspecteur', 60), ('hoofdinspecteur', 40)],
        }
        self.bt_by_di = {}
        for k, (tid, uid, kind, name, size, funcs, di) in enumerate(T):
            if kind == 'basisteam':
                self.bt_by_di.setdefault(di, []).append(k)
            fcum = []
            c = 0
            for f, w in funcs:
                c += w
                fcum.append(c)
            for j in range(size):
                f = funcs[bisect.bisect(fcum, r.random() * c)][0]
                e = self.new_emp(used_ids, f, self.pick_rank(f, kind, rank_by_kind))
                e.segs.append((-99, k, f))
                self.team_members[k].append(e.i)
        # transfers during the month (the later state is a second row in employees.csv)
        self.transfers = []
        cand = [e for e in self.emps if e.segs[0][2] in ('noodhulp', 'rechercheur', 'wijkagent', 'intake', 'brigadier')]
        for e in r.sample(cand, 60):
            day = r.randint(4, 22)
            old_k, old_f = e.segs[0][1], e.segs[0][2]
            tk = self.teams[old_k][2]
            if old_f in ('noodhulp', 'brigadier') and r.random() < 0.45:
                di = self.teams[old_k][4]
                nk = self.team_idx['T-AMS-DR-' + DISTRICTS[di][0][4:].upper()]
                nf = 'rechercheur'
            elif old_f == 'rechercheur' and tk == 'recherche' and r.random() < 0.6:
                nk = self.team_idx[r.choice(['T-AMS-DRR-TGO1', 'T-AMS-DRR-TGO3', 'T-AMS-DRR-MOBBAN', 'T-AMS-DRR-ZEDEN'])]
                nf = 'rechercheur'
            elif old_f == 'noodhulp' and r.random() < 0.5:
                nk = old_k
                nf = 'wijkagent'
            else:
                nk = self.uniform_pick([k for k in range(len(self.teams)) if self.teams[k][2] == 'basisteam' and k != old_k])
                nf = 'noodhulp' if old_f not in ('wijkagent',) else 'wijkagent'
            e.segs.append((day, nk, nf))
            self.team_members[nk].append(e.i)
            self.transfers.append((e.i, day))
        # recruits: class of 64 aspirants, start Monday 26 April, each with a mentor in a basisteam
        self.recruits = []
        for j in range(64):
            di = r.randrange(len(DISTRICTS))
            k = self.uniform_pick(self.bt_by_di[di])
            e = self.new_emp(used_ids, 'aspirant', 'aspirant', young=True)
            e.recruit = True
            e.segs.append((-99, k, 'aspirant'))
            mentors = [m for m in self.team_members[k] if self.emps[m].segs[0][2] == 'noodhulp'
                       and self.emps[m].rank in ('hoofdagent', 'brigadier')]
            e.mentor = self.uniform_pick(mentors) if mentors else self.team_members[k][0]
            self.team_members[k].append(e.i)
            self.recruits.append(e.i)
        for i in self.recruits:
            self.emps[i].classmates = r.sample(self.recruits, 8)
        # police couples: some employees live together
        for _ in range(45):
            a, b = r.sample(self.emps, 2)
            if a.p >= 0 and b.p >= 0 and a.partner < 0 and b.partner < 0:
                self.p_pc[b.p] = self.p_pc[a.p]
                self.p_hn[b.p] = self.p_hn[a.p]
                self.rel.append((a.p, b.p, 'partner'))
                a.partner = b.p
                b.partner = a.p

    def pick_rank(self, f, kind, rbk):
        r = self.r
        if f in rbk:
            opts = rbk[f]
        elif f in ('rechercheur', 'digitaal rechercheur'):
            opts = [('hoofdagent', 30), ('brigadier', 40), ('agent', 6), ('inspecteur', 8), ('burger', 14), ('', 2)]
        elif f in ('financieel rechercheur', 'analist', 'cie analist', 'rtic', 'kwaliteitsmedewerker'):
            opts = [('burger', 70), ('brigadier', 15), ('hoofdagent', 10), ('inspecteur', 5)]
        elif f in ('teamleider recherche', 'teamleider intake', 'calamiteitencoordinator'):
            opts = [('inspecteur', 70), ('brigadier', 20), ('hoofdinspecteur', 10)]
        elif f == 'intake':
            opts = [('burger', 40), ('agent', 18), ('hoofdagent', 30), ('surveillant', 8), ('', 4)]
        elif f == 'meldkamer':
            opts = [('burger', 55), ('hoofdagent', 30), ('brigadier', 15)]
        elif f in ('registratie', 'verstrekkingen'):
            opts = [('burger', 86), ('extern', 10), ('', 4)]
        elif f in ('staf', 'vik'):
            opts = [('burger', 30), ('inspecteur', 25), ('hoofdinspecteur', 25), ('commissaris', 15), ('hoofdcommissaris', 5)]
        elif f in ('woordvoerder', 'hr', 'screening'):
            opts = [('burger', 90), ('inspecteur', 10)]
        else:
            opts = [('hoofdagent', 45), ('brigadier', 35), ('agent', 10), ('inspecteur', 10)]
        tot = sum(w for _, w in opts)
        x = r.random() * tot
        for o, w in opts:
            x -= w
            if x < 0:
                return o
        return opts[-1][0]

    def new_emp(self, used, func, rank, young=False):
        r = self.r
        e = Emp()
        e.i = len(self.emps)
        while True:
            eid = 'A%06d' % r.randint(100000, 999999)
            if eid not in used:
                used[eid] = 1
                break
        e.eid = eid
        e.rank = rank
        e.act = r.lognormvariate(0, 0.35)
        e.sn = self.sample_sn(0.2)
        # own record and family
        if young:
            by = r.randint(1998, 2006)
        else:
            by = r.randint(1962, 2004)
        if r.random() < 0.42:
            di = r.randrange(len(DISTRICTS))
            pc = self.uniform_pick(self.dist_pcs[di])
        else:
            di = -1
            pc = self.new_pc(r.choice(OUTSIDE_PC))
            for k in range(r.randint(6, 22)):   # the neighbours on that street segment
                self.make_household(-1, pc, self.hn(1), size=r.choice([1, 1, 2, 2, 3, 4]))
        e.home_pc = pc
        hn = self.hn(1)
        if r.random() < 0.9:
            e.p = self.new_person(e.sn, by, pc, hn, '', di)
        rel = []
        if e.p >= 0:
            if not young and r.random() < 0.66:
                psn = self.sample_sn(0.15) if r.random() < 0.6 else e.sn
                e.partner = self.new_person(psn, by + r.randint(-5, 5), pc, hn, '', di)
                rel.append((e.partner, 'partner'))
                for k in range(r.choice([0, 0, 1, 2, 2, 3])):
                    c = self.new_person(e.sn, min(2025, by + r.randint(24, 38)), pc, hn, '', di)
                    rel.append((c, 'child'))
            # parents (surname of the father)
            ppc = self.uniform_pick(self.dist_pcs[r.randrange(len(DISTRICTS))]) if r.random() < 0.5 else \
                self.new_pc(r.choice(OUTSIDE_PC))
            phn = self.hn(1)
            if r.random() < 0.8:
                rel.append((self.new_person(e.sn, by - r.randint(24, 36), ppc, phn, '', -1), 'parent'))
            if r.random() < 0.7:
                rel.append((self.new_person(e.sn if r.random() < 0.3 else self.sample_sn(0.15),
                                            by - r.randint(22, 34), ppc, phn, '', -1), 'parent'))
            for k in range(r.choice([0, 1, 1, 2, 3])):
                d = r.randrange(len(DISTRICTS))
                s = self.new_person(e.sn, by + r.randint(-9, 9), self.uniform_pick(self.dist_pcs[d]), self.hn(1), '', d)
                rel.append((s, 'sibling'))
                if r.random() < 0.05:
                    self.offenders.append(s)   # a brother with a record
            if r.random() < 0.12 and not young:
                d = r.randrange(len(DISTRICTS))
                e.ex = self.new_person(self.sample_sn(0.15), by + r.randint(-6, 6), self.uniform_pick(self.dist_pcs[d]),
                                       self.hn(1), '', d)
                rel.append((e.ex, 'ex_partner'))
            for q, kind in rel:
                # the personnel file knows most of the family, not all of it
                if r.random() < 0.84 or kind in ('ex_partner',) and r.random() < 0.6:
                    self.rel.append((e.p, q, kind))
                    e.relatives.append(q)
                elif self.p_sn[q] == e.sn:
                    e.unrec_rel.append(q)
                else:
                    e.relatives.append(q)
        self.emps.append(e)
        return e

    # ------------------------------------------------------------------ rosters
    def build_shifts(self):
        r = self.r
        self.team_day = {}   # (team, day) -> list of (start, end_actual, emp)
        self.mk_day = {}     # day -> meldkamer shifts
        leave_days = {}
        for e in self.emps:
            ld = set()
            if not e.recruit and r.random() < 0.3:
                s = r.choice([0, 5, 8, 17, 19, 21])
                ld.update(range(s, s + r.randint(4, 8)))
                ld.discard(KINGSDAY)
                ld.discard(KINGSNIGHT)
            if r.random() < 0.06:
                s = r.randrange(NDAYS)
                ld.update(range(s, s + r.randint(1, 4)))
            leave_days[e.i] = ld
        for e in self.emps:
            off = r.randrange(10)
            e.noroster = False
            pattern_off = r.randrange(8)
            for day in range(-1, NDAYS):
                seg = e.seg(max(day, 0))
                f = seg[2]
                kind = self.teams[seg[1]][2]
                di = self.teams[seg[1]][4]
                if day in leave_days[e.i]:
                    continue
                sh = None
                wd = dow(day)
                if e.recruit:
                    if day < RECRUIT_DAY:
                        continue
                    if day - RECRUIT_DAY < 3:
                        sh = (9, 8) if wd < 5 else None
                    else:
                        continue   # added from mentor shifts below
                elif f in ('noodhulp', 'brigadier', 'surveillant', 'aspirant', 'at'):
                    c = (day + off) % 10
                    code = 'EELLNN----'[c]
                    if code == 'E':
                        sh = (7, 8)
                    elif code == 'L':
                        sh = (15, 8)
                    elif code == 'N':
                        sh = (23, 8)
                    if sh is None and r.random() < 0.04:
                        sh = (r.choice([7, 15, 19]), 8)
                    if sh and r.random() < 0.03:
                        sh = None
                elif f in ('wijkagent', 'teamchef', 'teamleider recherche', 'administratie'):
                    if wd < 5 and r.random() < 0.86:
                        sh = (8, 9) if r.random() < 0.75 else (13, 9)
                    elif wd == 5 and f == 'wijkagent' and r.random() < 0.15:
                        sh = (10, 8)
                elif f in ('verkeer', 'bereden', 'me', 'voetbal'):
                    c = (day + off) % 7
                    if c < 4:
                        sh = (7, 9) if c < 2 else (14, 9)
                elif f in ('meldkamer', 'calamiteitencoordinator', 'rtic', 'beveiliger'):
                    c = (day + pattern_off) % 8
                    if c < 2:
                        sh = (7, 12)
                    elif c < 4:
                        sh = (19, 12)
                elif f == 'intake':
                    if wd < 6 or self.teams[seg[1]][0] == 'T-AMS-IS-DIGITAAL':
                        if r.random() < 0.62:
                            sh = (8, 8) if r.random() < 0.55 else (14, 8)
                else:   # office: detectives, analysts, records, CIE, staff
                    if wd < 5 and r.random() < 0.87:
                        sh = (r.choice([7, 8, 8, 8, 9]), r.choice([8, 8, 9, 9, 10]))
                # big days: leave is cancelled and shifts are long
                op = f in ('noodhulp', 'brigadier', 'surveillant', 'wijkagent', 'me', 'bereden', 'verkeer', 'at',
                           'voetbal', 'beveiliger')
                if day == KINGSDAY and (op or kind == 'basisteam') and not e.recruit and r.random() < 0.88:
                    sh = (7, 14)
                elif day == KINGSNIGHT and op and di in (0, -1) and r.random() < 0.5:
                    sh = (18, 9)
                elif day == CL_DAY and op and (di in (6, -1)) and r.random() < 0.7:
                    sh = (15, 10)
                elif day == REMEMBRANCE and op and di == 0 and r.random() < 0.4:
                    sh = (16, 8)
                if sh is None:
                    continue
                st = T0 + day * DAY + sh[0] * HOUR
                en = st + sh[1] * HOUR
                act = en
                x = r.random()
                if x < 0.14:
                    act = en + r.randint(20, 150) * 60   # overtime
                if day in (KINGSDAY, CL_DAY) and r.random() < 0.4:
                    act = en + r.randint(60, 200) * 60
                exported = 1
                if r.random() < 0.025:
                    exported = 0    # worked but missing from the roster export
                e.shifts.append([st, en, act, exported])
        # recruits ride along with their mentor from day 17
        for i in self.recruits:
            e = self.emps[i]
            m = self.emps[e.mentor]
            for s in m.shifts:
                d = (s[0] - T0) // DAY
                if d >= RECRUIT_DAY + 3:
                    e.shifts.append([s[0], s[1], s[2], 1 if r.random() > 0.1 else 0])
            e.shifts.sort()
        # detectives whose planning is not in the roster system
        for e in self.emps:
            f = e.segs[0][2]
            if f in ('rechercheur', 'financieel rechercheur', 'digitaal rechercheur') and r.random() < 0.3:
                e.noroster = True
            if f in ('rechercheur', 'teamleider recherche', 'cie runner', 'at') and r.random() < 0.5:
                e.piket = r.sample(range(NDAYS), r.randint(1, 3))
        for e in self.emps:
            for s in e.shifts:
                d = (s[0] - T0) // DAY
                k = e.seg(max(d, 0))[1]
                self.team_day.setdefault((k, d), []).append((s[0], s[2], e.i))
                if self.teams[k][2] == 'meldkamer':
                    self.mk_day.setdefault(d, []).append((s[0], s[2], e.i))

    def on_duty(self, lst_keys, t):
        out = []
        for key in lst_keys:
            for st, en, i in self.team_day.get(key, ()):
                if st <= t < en:
                    out.append(i)
        return out

    # ------------------------------------------------------------------ cases
    def new_case(self, cid, kind, unit, team, opened, odate, closed, cdate, sens):
        c = Case()
        c.i = len(self.cases)
        c.cid = cid
        c.kind = kind
        c.unit = unit
        c.team = team
        c.opened = opened
        c.odate = odate
        c.closed = closed
        c.cdate = cdate
        c.sens = sens
        self.cases.append(c)
        return c

    def build_investigations(self):
        r = self.r
        names = ['Kiwi', 'Meridiaan', 'Koolvis', 'Tulp', 'Zeilboot', 'Amstel', 'Gracht', 'Rembrandt', 'Hoefijzer',
                 'Molen', 'Sluis', 'Kade', 'Brug', 'Walvis', 'Reiger', 'Meeuw', 'Schelp', 'Kogel', 'Anker', 'Zwaan',
                 'Distel', 'Eik', 'Beuk', 'Berk', 'Wilg', 'Linde', 'Esdoorn', 'Populier', 'Kastanje', 'Lijster',
                 'Merel', 'Vink', 'Specht', 'Uil', 'Havik', 'Valk', 'Kraai', 'Ekster', 'Gaai', 'Mus', 'Kievit', 'Grutto',
                 'Tureluur', 'Plevier', 'Ooievaar', 'Zilvermeeuw', 'Aalscholver', 'Fuut', 'Meerkoet', 'Waterhoen']
        used = {}
        self.inv_by_team = {}
        self.sens_cases = []

        def cname():
            while True:
                nm = '%02d%s' % (r.choice([24, 25, 26, 27]), r.choice(names))
                if r.random() < 0.5:
                    nm += str(r.randint(2, 9))
                if nm not in used:
                    used[nm] = 1
                    return nm

        for k, (tid, uid, kind, name, di) in enumerate(self.teams):
            if kind != 'recherche':
                continue
            drr = uid == 'ams-drr'
            n_open = r.randint(7, 12) if drr else r.randint(22, 32)
            n_new = r.randint(1, 3) if drr else r.randint(5, 10)
            for j in range(n_open + n_new):
                if j < n_open:
                    od = -r.randint(3, 420 if drr else 200)
                else:
                    od = r.randint(0, NDAYS - 3)
                opened = T0 + od * DAY + r.randint(8, 18) * HOUR
                closed = None
                if j < n_open and r.random() < 0.25:
                    closed = T0 + r.randint(max(0, od + 1), NDAYS - 1) * DAY + 16 * HOUR
                sens = (r.random() < (0.75 if tid in ('T-AMS-DRR-TGO1', 'T-AMS-DRR-TGO2', 'T-AMS-DRR-TGO3') else
                                      0.3 if drr else 0.1))
                c = self.new_case(cname() if drr or r.random() < 0.3 else 'ONDZ-%s-%d%04d' % (uid[4:7].upper(), 2027 if od >= -100 else 2026, r.randint(1, 9999)),
                                  'investigation', uid, tid, opened, True, closed, True, sens)
                # persons: suspects, witnesses, victims, associates
                if tid == 'T-AMS-DRR-MOBBAN':
                    g = self.uniform_pick(self.gangs)
                    c.persons += [(p, 'verdachte') for p in g]
                    c.persons += [(self.uniform_pick(self.tourists), 'slachtoffer') for _ in range(r.randint(5, 25))]
                else:
                    ns = r.randint(3, 14) if drr else r.randint(1, 4)
                    for _ in range(ns):
                        pool = self.dist_off[di] if di >= 0 and r.random() < 0.7 else self.offenders
                        c.persons.append((self.uniform_pick(pool), 'verdachte'))
                    for _ in range(r.randint(1, 12) if drr else r.randint(1, 6)):
                        c.persons.append((self.uniform_pick(self.dist_res[di] if di >= 0 else self.all_res),
                                          r.choice(['getuige', 'slachtoffer', 'betrokkene', 'melder', 'getuige'])))
                    if drr:
                        for _ in range(r.randint(5, 40)):
                            c.persons.append((self.uniform_pick(self.all_res), r.choice(['betrokkene', 'relatie', 'getuige'])))
                    if tid == 'T-AMS-DRR-TGO3' and r.random() < 0.5:
                        c.persons.append((self.uniform_pick(self.deceased), 'slachtoffer'))
                # staff
                mem = [m for m in self.team_members[k] if self.emps[m].segs[0][1] == k]
                nst = min(len(mem), r.randint(3, 14) if drr else r.randint(1, 4))
                for m in r.sample(mem, nst):
                    frm = '' if r.random() < 0.2 else max(opened, T0 - 200 * DAY)
                    to = ''
                    if r.random() < 0.12:
                        to = T0 + r.randint(2, NDAYS - 2) * DAY
                    c.staff.append((m, frm, to))
                self.inv_by_team.setdefault(k, []).append(c.i)
                if sens:
                    self.sens_cases.append(c.i)
        # transfers: new team members get put on cases of their new team after the transfer
        for i, day in self.transfers:
            e = self.emps[i]
            nk = e.segs[-1][1]
            for ci in self.inv_by_team.get(nk, [])[:]:
                if r.random() < 0.3:
                    self.cases[ci].staff.append((i, T0 + (day + r.randint(0, 3)) * DAY, ''))
        # the long trial in the high-security court: the case of the TGO2 team
        k2 = self.team_idx['T-AMS-DRR-TGO2']
        tri = self.new_case('26Meridiaan', 'investigation', 'ams-drr', 'T-AMS-DRR-TGO2', T0 - 700 * DAY + 9 * HOUR,
                            True, None, True, True)
        self.trial_suspects = r.sample(self.offenders, 14)
        tri.persons += [(p, 'verdachte') for p in self.trial_suspects]
        tri.persons += [(p, 'bedreigde getuige') for p in self.witnesses[:3]]
        tri.persons.append((self.witnesses[3], 'kroongetuige'))
        tri.persons += [(self.uniform_pick(self.deceased), 'slachtoffer') for _ in range(4)]
        tri.persons += [(self.uniform_pick(self.all_res), 'betrokkene') for _ in range(30)]
        tri.sens_txt = 'ja'
        for m in self.team_members[k2]:
            if r.random() < 0.85:
                tri.staff.append((m, '', ''))
        self.trial = tri.i
        self.inv_by_team.setdefault(k2, []).append(tri.i)
        self.sens_cases.append(tri.i)
        # Bewaken en Beveiligen: protection assignments (sensitive)
        kbb = self.team_idx['T-AMS-DRO-BB']
        bbm = self.team_members[kbb]
        self.bb_cases = []
        prot = [(self.mayor, 'beveiligde')] + [(p, 'bedreigde advocaat') for p in self.lawyers] + \
               [(p, 'bedreigde journalist') for p in self.journalists] + [(self.witnesses[3], 'kroongetuige')]
        for j, (p, role) in enumerate(prot):
            c = self.new_case('BB-2027-%03d' % (j + 11), 'investigation', 'ams-dro', 'T-AMS-DRO-BB',
                              T0 - r.randint(20, 500) * DAY, True, None, True, True)
            c.persons.append((p, role))
            for _ in range(r.randint(1, 4)):
                c.persons.append((self.uniform_pick(self.trial_suspects + self.offenders[:200]), 'dreiging'))
            if role == 'bedreigde journalist':
                # a second journalist is covered by the same assignment in another file: not linked
                pass
            for m in r.sample(bbm, r.randint(8, 16)):
                c.staff.append((m, '', ''))
            self.bb_cases.append(c.i)
            self.sens_cases.append(c.i)
        # football: risk supporters for the Champions League night
        kev = self.team_idx['T-AMS-DRO-EV']
        c = self.new_case('EV-2027-CL-QF', 'investigation', 'ams-dro', 'T-AMS-DRO-EV', T0 - 10 * DAY, True,
                          T0 + (CL_DAY + 3) * DAY, True, False)
        self.risk_fans = r.sample(self.offenders, 160) + r.sample(self.tourists, 60)
        c.persons += [(p, 'risicosupporter') for p in self.risk_fans]
        for m in self.team_members[kev]:
            c.staff.append((m, '', ''))
        self.cl_case = c.i
        # Top600: one register case per district, kept by the district's recherche team (not all persons in it)
        self.top_case = {}
        for di in range(len(DISTRICTS)):
            k = self.team_idx['T-AMS-DR-' + DISTRICTS[di][0][4:].upper()]
            c = self.new_case('TOP600-%s' % DISTRICTS[di][0][4:].upper(), 'intake', DISTRICTS[di][0], '',
                              T0 - 900 * DAY, True, None, True, False)
            c.persons += [(p, 'top600') for p, d in zip(self.top600, self.top600_d) if d == di and r.random() < 0.7]
            self.top_case[di] = c.i

    def build_watchlists(self):
        r = self.r
        for e in self.emps:
            f = e.segs[-1][2]
            di = self.teams[e.segs[-1][1]][4]
            if f == 'wijkagent' and di >= 0:
                e.wijk = r.sample(self.dist_pcs[di], 14)
                wl = []
                for pc in e.wijk:
                    wl += [p for p in self.pc_members.get(pc, ()) if r.random() < 0.25]
                wl += [p for p, d in zip(self.top600, self.top600_d) if d == di and r.random() < 0.15]
                e.watch = wl[:60]
            elif f in ('cie runner',):
                e.watch = r.sample(self.informants, 6)

    # ------------------------------------------------------------------ incidents
    def pick_inc_persons(self, di, itype, day):
        r = self.r
        res = self.dist_res[di]
        off = self.dist_off[di]
        P = []
        if itype == 'zakkenrollerij':
            P.append((self.uniform_pick(self.tourists) if r.random() < 0.7 else self.uniform_pick(res), 'slachtoffer'))
            if r.random() < 0.45:
                P.append((self.uniform_pick(self.gang_members), 'verdachte'))
        elif itype == 'huiselijk geweld':
            if r.random() < 0.08:
                v = self.uniform_pick(self.dv_shielded)
                P.append((v, 'slachtoffer'))
                P.append((self.uniform_pick(off), 'verdachte'))
            else:
                a = self.uniform_pick(res)
                pc, hn = self.p_pc[a], self.p_hn[a]
                same = [q for q in self.pc_members.get(pc, ()) if self.p_hn[q] == hn and q != a]
                P.append((a, 'slachtoffer'))
                P.append((same[0] if same else self.uniform_pick(off), 'verdachte'))
        elif itype == 'burenruzie':
            a = self.uniform_pick(res)
            nb = self.pc_members.get(self.p_pc[a], [a])
            P.append((a, 'melder'))
            P.append((self.uniform_pick(nb), 'betrokkene'))
        elif itype == 'verkeersongeval':
            for _ in range(r.randint(1, 3)):
                P.append((self.uniform_pick(self.all_res) if r.random() < 0.5 else self.uniform_pick(res), 'betrokkene'))
        elif itype in ('dronkenschap', 'vermissing kind'):
            P.append((self.uniform_pick(self.tourists) if r.random() < (0.5 if di == 0 else 0.1) else self.uniform_pick(res),
                      'betrokkene'))
            if itype == 'vermissing kind':
                P.append((self.uniform_pick(res), 'melder'))
        elif itype == 'geweld tegen politie':
            team_emps = [i for i in self.team_members[self.uniform_pick(self.bt_by_di[di])] if self.emps[i].p >= 0]
            P.append((self.emps[self.uniform_pick(team_emps)].p, 'slachtoffer'))
            P.append((self.uniform_pick(off) if r.random() < 0.7 else self.uniform_pick(self.tourists), 'verdachte'))
        elif itype == 'overlijden':
            P.append((self.uniform_pick(self.deceased), 'overledene'))
            P.append((self.uniform_pick(res), 'melder'))
        elif itype == 'voetbalgeweld':
            for _ in range(r.randint(1, 4)):
                P.append((self.uniform_pick(self.risk_fans) if r.random() < 0.5 else self.uniform_pick(self.tourists),
                          'verdachte'))
            P.append((self.uniform_pick(res), 'slachtoffer'))
        elif itype == 'vip incident':
            P.append((self.uniform_pick(self.vip_celeb + self.vip_ajax), r.choice(['slachtoffer', 'betrokkene'])))
            if r.random() < 0.5:
                P.append((self.uniform_pick(off), 'verdachte'))
        else:
            # overlast, mishandeling, winkeldiefstal, inbraak, drugs, verward persoon, fietsendiefstal
            if r.random() < 0.85:
                if r.random() < 0.06:
                    top = [p for p, d in zip(self.top600, self.top600_d) if d == di]
                    P.append((self.uniform_pick(top) if top else self.uniform_pick(off), 'verdachte'))
                else:
                    P.append((self.uniform_pick(off) if r.random() < 0.7 else self.uniform_pick(self.offenders), 'verdachte'))
            for _ in range(r.randint(0, 2)):
                P.append((self.uniform_pick(res) if r.random() < 0.8 else self.uniform_pick(self.tourists),
                          r.choice(['slachtoffer', 'getuige', 'melder', 'aangever'])))
            if not P:
                P.append((self.uniform_pick(res), 'melder'))
        return P

    def build_incidents_and_work(self):
        r = self.r
        S_INC_MK = self.src('meldkamer_incident')
        S_INC_RESP = self.src('incident_response')
        S_INC_REPORT = self.src('incident_report')
        S_INC_RTIC = self.src('rtic_support')
        S_INC_FOLLOW = self.src('incident_followup_days_later')
        S_INC_QC = self.src('records_quality_check')
        S_INC_DR = self.src('district_detective_takes_over')
        S_INC_SECOND = self.src('kingsday_seconded_officer')
        S_INC_COLL = self.src('colleague_checks_team_incident')
        S_PRESS = self.src('press_officer_newsworthy')
        S_STAF = self.src('commander_major_incident')
        types = [('overlast', 14), ('mishandeling', 10), ('huiselijk geweld', 7), ('burenruzie', 5),
                 ('winkeldiefstal', 8), ('zakkenrollerij', 4), ('verkeersongeval', 9), ('inbraak', 7), ('drugs', 6),
                 ('dronkenschap', 5), ('vermissing kind', 0.7), ('geweld tegen politie', 1.1), ('overlijden', 1.2),
                 ('fietsendiefstal', 4), ('verward persoon', 6), ('vip incident', 0.35)]
        rtic_keys_cache = {}
        self.inc_by_team_day = {}
        self.inc_by_unit_day = {}
        self.newsworthy = []
        self.intake_by_day = {}
        rtic = self.team_idx['T-AMS-DRIO-RTIC']
        reg = self.team_idx['T-AMS-DRIO-REG']
        com = self.team_idx['T-AMS-STAF-COM']
        el = self.team_idx['T-AMS-STAF-EL']
        seq = [r.randint(100000, 200000)]

        def next_pl():
            seq[0] += r.randint(1, 9)
            return 'PL1300-2027%06d' % seq[0]

        hour_cum = []
        c = 0
        for w in HOUR_W_INC:
            c += w
            hour_cum.append(c)
        for day in range(NDAYS):
            wd = dow(day)
            for di, (uid, name, prefs, w, ninc, bts) in enumerate(DISTRICTS):
                f = ninc * (1.18 if wd in (4, 5) else 0.95 if wd == 6 else 1.0)
                tw = list(types)
                if day == KINGSDAY:
                    f *= 3.4 if di == 0 else 1.9
                    tw += [('zakkenrollerij', 12 if di == 0 else 3), ('dronkenschap', 12), ('vermissing kind', 4),
                           ('vip incident', 1)]
                elif day == KINGSNIGHT:
                    f *= 1.5 if di == 0 else 1.15
                elif day == CL_DAY and di in (6, 0):
                    f *= 2.6 if di == 6 else 1.5
                    tw += [('voetbalgeweld', 14 if di == 6 else 6), ('dronkenschap', 6)]
                elif day in (LIBERATION, REMEMBRANCE) and di == 0:
                    f *= 1.4
                if di == 0:
                    tw += [('zakkenrollerij', 10), ('dronkenschap', 5)]
                tcum = []
                c = 0
                for nm, ww in tw:
                    c += ww
                    tcum.append(c)
                n = int(f * r.uniform(0.85, 1.15))
                for _ in range(n):
                    itype = tw[bisect.bisect(tcum, r.random() * c)][0]
                    if day == KINGSDAY:
                        h = r.choice([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23])
                    elif day == CL_DAY and itype == 'voetbalgeweld':
                        h = r.choice([16, 17, 18, 19, 20, 22, 23, 23])
                    else:
                        h = bisect.bisect(hour_cum, r.random() * hour_cum[-1])
                    t = T0 + day * DAY + h * HOUR + r.randint(0, 3599)
                    self.make_incident(t, di, itype, next_pl, S_INC_MK, S_INC_RESP, S_INC_REPORT, S_INC_RTIC,
                                       S_INC_FOLLOW, S_INC_QC, S_INC_DR, S_INC_SECOND, S_INC_COLL, rtic, reg, com, el,
                                       S_PRESS, S_STAF)
            # intake (aangiftes): at the desks and online
            self.make_intake_day(day, next_pl)

    def make_incident(self, t, di, itype, next_pl, S_INC_MK, S_INC_RESP, S_INC_REPORT, S_INC_RTIC, S_INC_FOLLOW,
                      S_INC_QC, S_INC_DR, S_INC_SECOND, S_INC_COLL, rtic, reg, com, el, S_PRESS, S_STAF, planted=None):
        r = self.r
        day = (t - T0) // DAY
        uid = DISTRICTS[di][0]
        bts = self.bt_by_di[di]
        k = self.uniform_pick(bts)
        if di == 0 and itype in ('zakkenrollerij', 'dronkenschap') and r.random() < 0.4:
            k = self.team_idx['T-AMS-FLEX-CENTRUM']
        persons = planted if planted else self.pick_inc_persons(di, itype, day)
        x = r.random()
        dur = r.randint(20, 300) * 60
        if x < 0.72:
            closed, cdate = t + dur, False
        elif x < 0.88:
            closed, cdate = t + dur + r.randint(0, 3) * DAY, True
        else:
            closed, cdate = None, False
        c = self.new_case(next_pl(), 'incident', uid, self.teams[k][0], t, r.random() < 0.04, closed, cdate, False)
        c.itype = itype
        c.persons = persons
        c.serious = itype in ('mishandeling', 'geweld tegen politie', 'huiselijk geweld', 'voetbalgeweld',
                              'overlijden', 'vip incident') and r.random() < 0.35
        if (day == KINGSDAY or day == CL_DAY) and itype in ('mishandeling', 'voetbalgeweld', 'vip incident') and r.random() < 0.3:
            self.newsworthy.append(c.i)
        self.inc_by_team_day.setdefault((k, day), []).append(c.i)
        self.inc_by_unit_day.setdefault((di, day), []).append(c.i)
        # control room at the call
        mk = [i for st, en, i in self.mk_day.get(day, []) + self.mk_day.get(day - 1, []) if st <= t < en]
        if mk:
            op = self.uniform_pick(mk)
            for p, role in persons:
                if r.random() < 0.62:
                    self.query(t + r.randint(20, 400), op, p, S_BVH if r.random() < 0.6 else S_BLUE, S_INC_MK, ns=0.3,
                               view=0.4)
        # responders on duty in the team (or the district); on King's Day officers from other districts help out
        keys = [(k, day), (k, day - 1)]
        duty = self.on_duty(keys, t)
        if not duty:
            duty = self.on_duty([(kk, dd) for kk in bts for dd in (day, day - 1)], t)
        seconded = False
        if day == KINGSDAY and di == 0 and r.random() < 0.35:
            other = self.bt_by_di[r.randint(1, len(DISTRICTS) - 1)]
            d2 = self.on_duty([(kk, day) for kk in other], t)
            if d2:
                duty = d2
                seconded = True
        if not duty:
            return c
        nresp = 1 if r.random() < 0.45 else 2
        resp = [self.uniform_pick(duty) for _ in range(nresp)]
        if len(resp) == 2 and resp[0] == resp[1]:
            resp.pop()
        for i in resp:
            rec = r.random() < (0.5 if seconded else 0.68)
            if rec:
                frm = t if r.random() < 0.7 else ''
                c.staff.append((i, frm, '' if r.random() < 0.5 else (closed or '')))
            src = S_INC_SECOND if seconded else S_INC_RESP
            give = r.random() < 0.35
            for p, role in persons:
                tq = t + r.randint(180, 2400)
                self.query(tq, i, p, S_MEOS if r.random() < 0.75 else S_BVH, src, c.i if give else -1, ns=0.15,
                           view=0.5)
                if itype == 'verkeersongeval' and r.random() < 0.6:
                    self.add(tq + r.randint(10, 90), i, p, S_RDW, A_Q, -1, src)
            # the report, later in the shift (or in overtime)
            if r.random() < 0.8:
                tr = t + r.randint(1800, 5 * HOUR)
                for p, role in persons:
                    if r.random() < 0.85:
                        self.add(tr + r.randint(0, 600), i, p, S_BVH, A_V, c.i if r.random() < 0.6 else -1, S_INC_REPORT)
            # a follow-up on a later shift
            if r.random() < 0.28:
                e = self.emps[i]
                later = [s for s in e.shifts if s[0] > t + 6 * HOUR and s[0] < t + 6 * DAY]
                if later:
                    s = self.uniform_pick(later)
                    tf = r.randint(s[0], s[2])
                    for p, role in persons:
                        self.add(tf + r.randint(0, 300), i, p, S_BVH, A_V, c.i if r.random() < 0.75 else -1, S_INC_FOLLOW)
        # recruits riding along with a responder see the same persons
        for i in resp:
            for rc in self.mentees.get(i, ()):
                if day >= RECRUIT_DAY + 3 and r.random() < 0.6:
                    for p, role in persons:
                        self.query(t + r.randint(300, 3000), rc, p, S_MEOS, S_INC_RESP, ns=0.1, view=0.4)
        # a colleague of the team looks too
        if r.random() < 0.25:
            col = self.uniform_pick(duty)
            for p, role in persons:
                self.add(t + r.randint(600, 7200), col, p, S_BVH, A_V, -1, S_INC_COLL)
        # RTIC for serious incidents
        if c.serious or r.random() < 0.05:
            rt = self.on_duty([(rtic, day), (rtic, day - 1)], t)
            if rt:
                a = self.uniform_pick(rt)
                for p, role in persons:
                    self.query(t + r.randint(60, 1200), a, p, S_BLUE, S_INC_RTIC, ns=0.3, view=0.8)
        # district detectives take over some serious ones
        if c.serious and r.random() < 0.6:
            kdr = self.team_idx['T-AMS-DR-' + uid[4:].upper()]
            dd = min(NDAYS - 1, day + r.randint(0, 3))
            det = self.on_duty([(kdr, dd)], T0 + dd * DAY + 11 * HOUR)
            if det:
                a = self.uniform_pick(det)
                tt = T0 + dd * DAY + r.randint(9, 16) * HOUR
                for p, role in persons:
                    self.add(tt + r.randint(0, 900), a, p, S_SUMMIT if r.random() < 0.5 else S_BVH, A_V,
                             c.i if r.random() < 0.7 else -1, S_INC_DR)
        # records department checks a share of the registrations
        if r.random() < 0.09:
            dd = day + r.randint(1, 3)
            if dd < NDAYS and dow(dd) < 5:
                tt = T0 + dd * DAY + r.randint(9, 16) * HOUR
                ons = self.on_duty([(reg, dd)], tt)
                if ons:
                    a = self.uniform_pick(ons)
                    for p, role in persons:
                        self.add(tt + r.randint(0, 400), a, p, S_BVH, A_V, c.i if r.random() < 0.88 else -1, S_INC_QC)
        if c.i in self.newsworthy[-1:]:
            dd = day + (1 if t - T0 - day * DAY > 20 * HOUR else 0)
            tt = T0 + dd * DAY + r.randint(8, 20) * HOUR
            for kk, src in ((com, S_PRESS), (el, S_STAF)):
                mem = self.team_members[kk]
                a = self.uniform_pick(mem)
                for p, role in persons:
                    if r.random() < 0.7:
                        self.query(tt + r.randint(0, 1800), a, p, S_BVH, src, ns=0.0, view=0.7)
        return c

    def make_intake_day(self, day, next_pl):
        r = self.r
        S_IN = self.src('intake_aangifte')
        S_IND = self.src('intake_digital_processing')
        wd = dow(day)
        for tn, n in (('T-AMS-IS-CENTRUM', 78), ('T-AMS-IS-REGIO', 62), ('T-AMS-IS-DIGITAAL', 70)):
            k = self.team_idx[tn]
            if day == KINGSDAY + 1 or day == CL_DAY + 1:
                n = int(n * 1.6)
            if wd == 6 and tn != 'T-AMS-IS-DIGITAAL':
                continue
            for _ in range(int(n * r.uniform(0.8, 1.2))):
                t = T0 + day * DAY + r.randint(8 * 3600, 22 * 3600 - 1)
                duty = self.on_duty([(k, day)], t)
                if not duty:
                    continue
                a = self.uniform_pick(duty)
                di = 0 if tn == 'T-AMS-IS-CENTRUM' and r.random() < 0.6 else r.randrange(len(DISTRICTS))
                P = []
                if di == 0 and r.random() < 0.45:
                    P.append((self.uniform_pick(self.tourists), 'aangever'))
                else:
                    P.append((self.uniform_pick(self.dist_res[di]), 'aangever'))
                if r.random() < 0.35:
                    P.append((self.uniform_pick(self.dist_off[di]) if r.random() < 0.6 else self.uniform_pick(self.dist_res[di]),
                              'verdachte'))
                if r.random() < 0.15:
                    P.append((self.uniform_pick(self.dist_res[di]), 'getuige'))
                closed = None if r.random() < 0.6 else T0 + min(NDAYS + 3, day + r.randint(0, 10)) * DAY
                c = self.new_case(next_pl(), 'intake', 'ams-drio', tn, t, r.random() < 0.3, closed, True, False)
                c.persons = P
                c.itype = 'aangifte'
                if r.random() < 0.8:
                    c.staff.append((a, t if r.random() < 0.5 else '', ''))
                src = S_IND if tn == 'T-AMS-IS-DIGITAAL' else S_IN
                for p, role in P:
                    self.query(t + r.randint(0, 900), a, p, S_BVH if r.random() < 0.7 else S_BRP, src,
                               c.i if r.random() < 0.3 else -1, ns=0.35, view=0.75)
                self.intake_by_day.setdefault(day, []).append(c.i)

    # ------------------------------------------------------------------ routine work per shift
    def shift_work(self):
        r = self.r
        SRC = {n: self.src(n) for n in (
            'briefing_team_incidents', 'briefing_team_investigations', 'briefing_top600_wanted', 'stop_and_check',
            'traffic_control_rdw', 'wijkagent_known_residents', 'wijkagent_neighbourhood', 'brigadier_review',
            'detective_case_work', 'detective_network_relatives', 'detective_deconfliction', 'detective_tip_unknown',
            'detective_export_for_file', 'detective_piket_callout', 'meldkamer_caller_check', 'meldkamer_request_from_unit',
            'rtic_street_request', 'analyst_case_analysis', 'analyst_bulk_pattern', 'analyst_export', 'records_quality_check',
            'records_duplicate_merge', 'records_print_court_file', 'external_request_kmar_port_other_force',
            'records_export_om', 'cie_informant', 'cie_intel_subject', 'cie_sensitive_case', 'bb_protected_person',
            'bb_threat_source', 'bb_kingsday_vip', 'at_arrest_preparation', 'football_risk_supporter',
            'football_foreign_liaison', 'intake_desk_question', 'screening_new_recruits', 'screening_relatives',
            'vik_internal_investigation', 'recruit_training_exercise', 'admin_registration', 'staff_overview',
            'intake_followup_basisteam', 'kingsday_me_arrests', 'teamchef_overview', 'overtime_paperwork',
            'detective_after_case_closed', 'rtic_support')}
        intake_followup = {}
        for e in self.emps:
            for s in e.shifts:
                st, en, act, ex = s
                day = (st - T0) // DAY
                if day < 0:
                    day0 = 0
                else:
                    day0 = day
                seg = e.seg(day0)
                k, f = seg[1], seg[2]
                di = self.teams[k][4]
                dur = act - st
                m = e.act
                if day == KINGSDAY or day == CL_DAY:
                    m *= 1.3
                if e.recruit:
                    self.recruit_work(e, st, act, day, SRC)
                    continue
                if f in ('noodhulp', 'brigadier', 'surveillant', 'aspirant', 'teamchef'):
                    self.street_work(e, k, di, f, st, act, day, m, SRC)
                elif f == 'wijkagent':
                    self.wijk_work(e, k, di, st, act, day, m, SRC)
                elif f == 'administratie':
                    self.admin_work(e, k, di, st, act, day, m, SRC)
                elif f in ('rechercheur', 'financieel rechercheur', 'digitaal rechercheur', 'teamleider recherche') or \
                        (f == 'analist' and self.teams[k][2] == 'recherche'):
                    self.detective_work(e, k, di, f, st, act, day, m, SRC)
                elif f in ('meldkamer', 'calamiteitencoordinator'):
                    self.mk_work(e, st, act, day, m, SRC)
                elif f == 'rtic':
                    self.rtic_work(e, st, act, day, m, SRC)
                elif f == 'analist':
                    self.analyst_work(e, st, act, day, m, SRC)
                elif f in ('registratie', 'verstrekkingen', 'kwaliteitsmedewerker'):
                    self.records_work(e, f, st, act, day, m, SRC)
                elif f in ('cie runner', 'cie analist'):
                    self.cie_work(e, st, act, day, m, SRC)
                elif f == 'beveiliger':
                    self.bb_work(e, st, act, day, m, SRC)
                elif f == 'at':
                    self.at_work(e, st, act, day, m, SRC)
                elif f == 'voetbal':
                    self.football_work(e, st, act, day, m, SRC)
                elif f in ('verkeer', 'bereden', 'me'):
                    self.traffic_work(e, f, st, act, day, m, SRC)
                elif f in ('intake', 'teamleider intake'):
                    self.intake_desk(e, st, act, day, m, SRC)
                elif f in ('screening', 'hr'):
                    self.screening_work(e, f, st, act, day, m, SRC)
                elif f == 'vik':
                    self.vik_work(e, st, act, day, m, SRC)
                elif f in ('staf', 'woordvoerder', 'praktijkbegeleider'):
                    if r.random() < 0.25:
                        t = r.randint(st, act)
                        cands = self.inc_by_unit_day.get((r.randrange(len(DISTRICTS)), day), [])
                        if cands:
                            ci = self.uniform_pick(cands)
                            for p, role in self.cases[ci].persons[:2]:
                                self.query(t, e.i, p, S_BVH, SRC['staff_overview'], ns=0, view=0.6)
            # detectives on call at night, with no shift in the roster
            for day in e.piket:
                t = T0 + day * DAY + r.randint(22, 27) * HOUR
                k = e.seg(day)[1]
                cl = self.inv_by_team.get(k)
                if cl:
                    c = self.cases[self.uniform_pick(cl)]
                    for p, role in r.sample(c.persons, min(len(c.persons), r.randint(2, 8))):
                        self.query(t + r.randint(0, 5400), e.i, p, S_SUMMIT, SRC['detective_piket_callout'],
                                   c.i if r.random() < 0.3 else -1, ns=0.1, view=0.7)

    def times(self, st, en, n):
        r = self.r
        return sorted(r.randint(st, en - 1) for _ in range(n))

    def street_work(self, e, k, di, f, st, en, day, m, SRC):
        r = self.r
        # briefing at the start of the shift: what happened in the team, who is wanted
        tb = st + r.randint(300, 1800)
        recent = []
        for dd in (day, day - 1, day - 2):
            recent += self.inc_by_team_day.get((k, dd), ())
        if recent and r.random() < 0.7:
            for ci in r.sample(recent, min(len(recent), int(r.randint(1, 5) * m))):
                c = self.cases[ci]
                for p, role in c.persons:
                    if role == 'verdachte' or r.random() < 0.3:
                        self.add(tb + r.randint(0, 900), e.i, p, S_BVH, A_V, -1, SRC['briefing_team_incidents'])
        if r.random() < 0.3:
            inv = self.inv_by_team.get(self.team_idx['T-AMS-DR-' + DISTRICTS[di][0][4:].upper()], []) if di >= 0 else []
            if inv:
                c = self.cases[self.uniform_pick(inv)]
                for p, role in c.persons[:3]:
                    if role == 'verdachte':
                        self.add(tb + r.randint(0, 900), e.i, p, S_BVH, A_V, -1, SRC['briefing_team_investigations'])
        if r.random() < 0.45 and di >= 0:
            top = [p for p, d in zip(self.top600, self.top600_d) if d == di]
            for p in r.sample(top, min(len(top), r.randint(1, 3))):
                self.add(tb + r.randint(0, 900), e.i, p, S_BVH, A_V, -1, SRC['briefing_top600_wanted'])
        # stops and checks on the street: persons in no record
        n = int(r.randint(0, 9) * m * (1.5 if f == 'surveillant' else 1.0))
        if day == KINGSDAY:
            n += r.randint(2, 8)
        for t in self.times(st, en, n):
            x = r.random()
            if di < 0:
                p = self.uniform_pick(self.all_res)
            elif x < 0.45:
                p = self.uniform_pick(self.dist_res[di])
            elif x < 0.65:
                p = self.uniform_pick(self.dist_off[di])
            elif x < 0.8:
                p = self.uniform_pick(self.tourists) if di == 0 or r.random() < 0.3 else self.uniform_pick(self.all_res)
            elif x < 0.84:
                p = self.uniform_pick(self.gang_members) if di == 0 else self.uniform_pick(self.offenders)
            else:
                p = self.uniform_pick(self.all_res)
            self.query(t, e.i, p, S_MEOS, SRC['stop_and_check'], ns=0.12, view=0.3)
            if r.random() < 0.25:
                self.add(t + r.randint(5, 60), e.i, p, S_RDW, A_Q, -1, SRC['traffic_control_rdw'])
        # a brigadier or team chief reviews the registrations of the team
        if f in ('brigadier', 'teamchef'):
            for ci in r.sample(recent, min(len(recent), int(r.randint(3, 12) * m))) if recent else ():
                c = self.cases[ci]
                t = r.randint(st, en - 1)
                for p, role in c.persons:
                    self.add(t + r.randint(0, 120), e.i, p, S_BVH, A_V, c.i if r.random() < 0.8 else -1,
                             SRC['brigadier_review' if f == 'brigadier' else 'teamchef_overview'])
        # follow-up of intake cases sent to the basisteam
        if r.random() < 0.12:
            ic = self.intake_by_day.get(day - r.randint(1, 4), [])
            if ic:
                c = self.cases[self.uniform_pick(ic)]
                t = r.randint(st, en - 1)
                for p, role in c.persons:
                    self.add(t, e.i, p, S_BVH, A_V, c.i if r.random() < 0.6 else -1, SRC['intake_followup_basisteam'])

    def wijk_work(self, e, k, di, st, en, day, m, SRC):
        r = self.r
        for t in self.times(st, en, int(r.randint(2, 9) * m)):
            if e.watch:
                p = self.uniform_pick(e.watch)
                self.query(t, e.i, p, S_BVH if r.random() < 0.6 else S_MEOS, SRC['wijkagent_known_residents'], ns=0.1,
                           view=0.6)
        for t in self.times(st, en, int(r.randint(0, 4) * m)):
            if e.wijk:
                pc = self.uniform_pick(e.wijk)
                lst = self.pc_members.get(pc)
                if lst:
                    self.query(t, e.i, self.uniform_pick(lst), S_BVH, SRC['wijkagent_neighbourhood'], ns=0.1, view=0.5)
                    if r.random() < 0.3:   # a dispute involves two households of one street
                        self.query(t + 60, e.i, self.uniform_pick(lst), S_BVH, SRC['wijkagent_neighbourhood'], ns=0.1)
        recent = self.inc_by_team_day.get((k, day - 1), [])
        for ci in r.sample(recent, min(len(recent), r.randint(0, 3))):
            for p, role in self.cases[ci].persons:
                self.add(r.randint(st, en - 1), e.i, p, S_BVH, A_V, -1, SRC['briefing_team_incidents'])

    def admin_work(self, e, k, di, st, en, day, m, SRC):
        r = self.r
        recent = self.inc_by_team_day.get((k, day), []) + self.inc_by_team_day.get((k, day - 1), [])
        for ci in r.sample(recent, min(len(recent), int(r.randint(4, 15) * m))):
            c = self.cases[ci]
            t = r.randint(st, en - 1)
            for p, role in c.persons:
                self.add(t, e.i, p, S_BVH, A_V, c.i if r.random() < 0.5 else -1, SRC['admin_registration'])

    def detective_work(self, e, k, di, f, st, en, day, m, SRC):
        r = self.r
        mine = [ci for ci in self.inv_by_team.get(k, ()) if self.cases[ci].opened <= en and
                (self.cases[ci].closed is None or self.cases[ci].closed + 3 * DAY > st)]
        assigned = [ci for ci in mine if any(s[0] == e.i for s in self.cases[ci].staff)]
        focus = assigned if assigned and r.random() < 0.8 else mine
        if not focus:
            return
        n = int(r.randint(8, 40) * m * (1.4 if self.teams[k][1] == 'ams-drr' else 1.0))
        ci = self.uniform_pick(focus)
        c = self.cases[ci]
        for t in self.times(st, en, n):
            if r.random() < 0.25:
                ci = self.uniform_pick(focus)
                c = self.cases[ci]
            x = r.random()
            if not c.persons:
                continue
            p, role = self.uniform_pick(c.persons)
            sysx = S_SUMMIT if r.random() < 0.55 else (S_BVH if r.random() < 0.6 else S_BVI)
            if x < 0.72:
                self.query(t, e.i, p, sysx, SRC['detective_case_work'] if c.closed is None or c.closed > t else
                           SRC['detective_after_case_closed'], c.i if r.random() < 0.45 else -1, ns=0.15, view=0.7)
            elif x < 0.80:
                # network: relatives and co-residents of a suspect, who are in no case
                addr = [q for q in self.pc_members.get(self.p_pc[p], ()) if self.p_hn[q] == self.p_hn[p] and q != p]
                rels = addr or [self.uniform_pick(self.by_sn.get(self.p_sn[p], [p]))]
                for q in rels[:2]:
                    self.query(t + r.randint(0, 200), e.i, q, S_BRP if r.random() < 0.5 else sysx,
                               SRC['detective_network_relatives'], ns=0.05, view=0.4)
            elif x < 0.89:
                # deconfliction: is this person in someone else's investigation?
                other = self.cases[self.uniform_pick(self.sens_cases)] if r.random() < 0.3 else c
                if other.persons:
                    q = self.uniform_pick(other.persons)[0]
                    self.add(t, e.i, q, S_BVI, A_Q, -1, SRC['detective_deconfliction'])
            elif x < 0.96:
                q = self.uniform_pick(self.all_res) if r.random() < 0.7 else self.uniform_pick(self.offenders)
                self.query(t, e.i, q, S_BVH, SRC['detective_tip_unknown'], ns=0.3, view=0.5)
            else:
                q = self.uniform_pick(c.persons)[0]
                self.add(t, e.i, q, sysx, A_E if r.random() < 0.6 else A_P, c.i if r.random() < 0.6 else -1,
                         SRC['detective_export_for_file'])

    def mk_work(self, e, st, en, day, m, SRC):
        r = self.r
        n = int(r.randint(5, 30) * m)
        if day == KINGSDAY:
            n *= 2
        for t in self.times(st, en, n):
            x = r.random()
            p = self.uniform_pick(self.all_res) if x < 0.7 else self.uniform_pick(self.tourists) if x < 0.85 else \
                self.uniform_pick(self.offenders)
            self.query(t, e.i, p, S_BVH if r.random() < 0.5 else S_BLUE,
                       SRC['meldkamer_caller_check'] if r.random() < 0.7 else SRC['meldkamer_request_from_unit'],
                       ns=0.35, view=0.3)

    def rtic_work(self, e, st, en, day, m, SRC):
        r = self.r
        for t in self.times(st, en, int(r.randint(10, 40) * m)):
            x = r.random()
            if x < 0.5:
                cands = self.inc_by_unit_day.get((r.randrange(len(DISTRICTS)), day), [])
                if cands:
                    c = self.cases[self.uniform_pick(cands)]
                    for p, role in c.persons:
                        self.query(t, e.i, p, S_BLUE, SRC['rtic_support'], ns=0.2, view=0.6)
                    continue
            p = self.uniform_pick(self.offenders) if x < 0.8 else self.uniform_pick(self.all_res)
            self.query(t, e.i, p, S_BLUE, SRC['rtic_street_request'], ns=0.25, view=0.6)

    def analyst_work(self, e, st, en, day, m, SRC):
        r = self.r
        n = int(r.randint(10, 45) * m)
        for t in self.times(st, en, n):
            x = r.random()
            if x < 0.45:
                k = self.uniform_pick(list(self.inv_by_team))
                c = self.cases[self.uniform_pick(self.inv_by_team[k])]
                for p, role in r.sample(c.persons, min(len(c.persons), r.randint(1, 6))):
                    self.query(t + r.randint(0, 300), e.i, p, S_BLUE, SRC['analyst_case_analysis'],
                               c.i if r.random() < 0.5 else -1, ns=0.1, view=0.6)
            elif x < 0.85:
                # pattern analysis: pickpocketing, burglary series, King's Day violence
                di = 0 if r.random() < 0.5 else r.randrange(len(DISTRICTS))
                dd = day - r.randint(0, 6)
                cands = self.inc_by_unit_day.get((di, dd), [])
                for ci in r.sample(cands, min(len(cands), r.randint(2, 10))):
                    for p, role in self.cases[ci].persons:
                        if role in ('verdachte', 'betrokkene') or r.random() < 0.3:
                            self.add(t + r.randint(0, 600), e.i, p, S_BLUE, A_Q, -1, SRC['analyst_bulk_pattern'])
            else:
                k = self.uniform_pick(list(self.inv_by_team))
                c = self.cases[self.uniform_pick(self.inv_by_team[k])]
                for p, role in c.persons[:r.randint(5, 30)]:
                    self.add(t, e.i, p, S_BLUE, A_E, c.i if r.random() < 0.7 else -1, SRC['analyst_export'])

    def records_work(self, e, f, st, en, day, m, SRC):
        r = self.r
        n = int(r.randint(10, 40) * m)
        for t in self.times(st, en, n):
            x = r.random()
            if f == 'verstrekkingen' or x < 0.12:
                # requests from the Marechaussee at Schiphol, the port police, other forces, the court
                p = self.uniform_pick(self.all_res) if r.random() < 0.6 else self.uniform_pick(self.tourists) \
                    if r.random() < 0.5 else self.uniform_pick(self.offenders)
                self.query(t, e.i, p, S_BVH if r.random() < 0.6 else S_BRP, SRC['external_request_kmar_port_other_force'],
                           ns=0.3, view=0.7)
                if r.random() < 0.2:
                    self.add(t + r.randint(30, 300), e.i, p, S_BVH, A_E, -1, SRC['external_request_kmar_port_other_force'])
                continue
            dd = day - r.randint(0, 5)
            cands = self.inc_by_unit_day.get((r.randrange(len(DISTRICTS)), dd), []) if x < 0.65 else \
                self.intake_by_day.get(dd, [])
            if x > 0.93:
                # merging duplicate person records: namesakes
                k = self.uniform_pick(list(self.inv_by_team))
                c = self.cases[self.uniform_pick(self.inv_by_team[k])]
                if c.persons:
                    p = self.uniform_pick(c.persons)[0]
                    for q in self.by_sn.get(self.p_sn[p], [p])[:r.randint(2, 6)]:
                        self.add(t, e.i, q, S_BVH, A_V, -1, SRC['records_duplicate_merge'])
                continue
            if cands:
                c = self.cases[self.uniform_pick(cands)]
                act = A_V
                src = SRC['records_quality_check']
                if r.random() < 0.05:
                    act = A_P
                    src = SRC['records_print_court_file']
                elif r.random() < 0.03:
                    act = A_E
                    src = SRC['records_export_om']
                for p, role in c.persons:
                    self.add(t + r.randint(0, 200), e.i, p, S_BVH, act, c.i if r.random() < 0.85 else -1, src)

    def cie_work(self, e, st, en, day, m, SRC):
        r = self.r
        for t in self.times(st, en, int(r.randint(4, 20) * m)):
            x = r.random()
            if x < 0.25 and e.watch:
                self.add(t, e.i, self.uniform_pick(e.watch), S_CIE, A_V, -1, SRC['cie_informant'])
            elif x < 0.6:
                c = self.cases[self.uniform_pick(self.sens_cases)]
                p = self.uniform_pick(c.persons)[0]
                self.query(t, e.i, p, S_CIE if r.random() < 0.5 else S_BVH, SRC['cie_sensitive_case'], ns=0.0, view=0.6)
            else:
                p = self.uniform_pick(self.offenders)
                self.query(t, e.i, p, S_CIE if r.random() < 0.5 else S_BVH, SRC['cie_intel_subject'], ns=0.1, view=0.5)

    def bb_work(self, e, st, en, day, m, SRC):
        r = self.r
        mine = [ci for ci in self.bb_cases if any(s[0] == e.i for s in self.cases[ci].staff)] or self.bb_cases
        for t in self.times(st, en, int(r.randint(2, 10) * m)):
            c = self.cases[self.uniform_pick(mine)]
            p, role = self.uniform_pick(c.persons)
            self.add(t, e.i, p, S_BVH if r.random() < 0.6 else S_BRP, A_V, c.i if r.random() < 0.3 else -1,
                     SRC['bb_protected_person' if role != 'dreiging' else 'bb_threat_source'])
        if day == KINGSDAY or day == LIBERATION:
            for p in r.sample(self.vip_pol + self.vip_celeb[:10], 4):
                self.add(r.randint(st, en - 1), e.i, p, S_BVH, A_V, -1, SRC['bb_kingsday_vip'])

    def at_work(self, e, st, en, day, m, SRC):
        r = self.r
        if r.random() < 0.35:
            c = self.cases[self.uniform_pick(self.sens_cases)]
            t = r.randint(st, en - 1)
            for p, role in c.persons:
                if role == 'verdachte' and r.random() < 0.5:
                    self.query(t + r.randint(0, 600), e.i, p, S_BVH, SRC['at_arrest_preparation'],
                               c.i if r.random() < 0.7 else -1, ns=0.0, view=0.8)

    def football_work(self, e, st, en, day, m, SRC):
        r = self.r
        c = self.cases[self.cl_case]
        n = int(r.randint(3, 15) * m * (3 if CL_DAY - 3 <= day <= CL_DAY else 0.5))
        for t in self.times(st, en, n):
            p = self.uniform_pick(self.risk_fans)
            self.query(t, e.i, p, S_BVH, SRC['football_risk_supporter'], c.i if r.random() < 0.3 else -1, ns=0.1, view=0.5)
            if CL_DAY - 2 <= day <= CL_DAY and r.random() < 0.3:
                self.query(t + 30, e.i, self.uniform_pick(self.tourists), S_BVH, SRC['football_foreign_liaison'], ns=0.0)

    def traffic_work(self, e, f, st, en, day, m, SRC):
        r = self.r
        n = int(r.randint(2, 16) * m) if f == 'verkeer' else int(r.randint(0, 3) * m)
        for t in self.times(st, en, n):
            p = self.uniform_pick(self.all_res)
            self.add(t, e.i, p, S_RDW, A_Q, -1, SRC['traffic_control_rdw'])
            if r.random() < 0.4:
                self.query(t + 20, e.i, p, S_MEOS, SRC['stop_and_check'], ns=0.1, view=0.3)
        if f == 'me' and day in (KINGSDAY, CL_DAY):
            lst = self.inc_by_unit_day.get((0 if day == KINGSDAY else 6, day), [])
            for ci in r.sample(lst, min(6, len(lst))):
                for p, role in self.cases[ci].persons:
                    if role == 'verdachte':
                        self.add(r.randint(st, en - 1), e.i, p, S_BVH, A_V, -1, SRC['kingsday_me_arrests'])

    def intake_desk(self, e, st, en, day, m, SRC):
        r = self.r
        for t in self.times(st, en, int(r.randint(1, 8) * m)):
            p = self.uniform_pick(self.all_res) if r.random() < 0.8 else self.uniform_pick(self.tourists)
            self.query(t, e.i, p, S_BVH if r.random() < 0.6 else S_BRP, SRC['intake_desk_question'], ns=0.3, view=0.4)

    def screening_work(self, e, f, st, en, day, m, SRC):
        r = self.r
        # pre-employment screening of the new class and of lateral hires: colleagues and their families
        if f == 'screening' and day < RECRUIT_DAY + 5:
            for i in r.sample(self.recruits, r.randint(1, 4)):
                rc = self.emps[i]
                t = r.randint(st, en - 1)
                if rc.p >= 0:
                    self.query(t, e.i, rc.p, S_BVH, SRC['screening_new_recruits'], ns=0.0, view=0.9)
                for q in rc.relatives[:r.randint(0, 3)]:
                    self.query(t + r.randint(30, 600), e.i, q, S_BVH, SRC['screening_relatives'], ns=0.0, view=0.5)
                if r.random() < 0.15:
                    self.add(t + 900, e.i, rc.p, S_BVH, A_P, -1, SRC['screening_new_recruits'])

    def vik_work(self, e, st, en, day, m, SRC):
        r = self.r
        if r.random() < 0.3:
            x = self.uniform_pick(self.emps)
            t = r.randint(st, en - 1)
            if x.p >= 0:
                self.add(t, e.i, x.p, S_BVH, A_V, -1, SRC['vik_internal_investigation'])
                for q in x.relatives[:2]:
                    self.add(t + r.randint(20, 300), e.i, q, S_BVH, A_V, -1, SRC['vik_internal_investigation'])

    def recruit_work(self, e, st, en, day, SRC):
        r = self.r
        k = e.segs[0][1]
        di = self.teams[k][4]
        if day - RECRUIT_DAY < 3:
            # instructed exercises on real records (the trainer picks the persons)
            for t in self.times(st, en, r.randint(0, 6)):
                p = self.uniform_pick(self.dist_off[di])
                self.query(t, e.i, p, S_BVH, SRC['recruit_training_exercise'], ns=0.3, view=0.5)
            return
        for t in self.times(st, en, r.randint(0, 5)):
            p = self.uniform_pick(self.dist_res[di]) if r.random() < 0.6 else self.uniform_pick(self.dist_off[di])
            self.query(t, e.i, p, S_MEOS, SRC['stop_and_check'], ns=0.1, view=0.3)

    # ------------------------------------------------------------------ improper look-ups
    def build_improper(self):
        r = self.r
        self.inc_n = 0
        self.truth = []
        rankw = {'hoofdagent': 2.2, 'brigadier': 1.7, 'agent': 1.0, 'surveillant': 0.7, 'burger': 0.5, 'extern': 0.6,
                 'inspecteur': 0.5, 'aspirant': 0.6, 'hoofdinspecteur': 0.2, '': 0.5}
        pool = [e for e in self.emps if not e.recruit and e.shifts and e.segs[0][2] not in ('staf', 'vik', 'woordvoerder', 'hr')]
        wts = [rankw.get(e.rank, 0.3) for e in pool]
        cum = []
        c = 0
        for w in wts:
            c += w
            cum.append(c)
        used = {}

        def pick(cond=None):
            for _ in range(5000):
                e = pool[bisect.bisect(cum, r.random() * c)]
                if e.i in used:
                    continue
                if cond and not cond(e):
                    continue
                used[e.i] = 1
                return e
            return None

        def n_inc(base):
            return max(2, base + r.randint(-1, 1))

        plan = [('self_lookup', 5), ('family', 6), ('partner', 4), ('ex_partner', 6), ('household', 3),
                ('neighbour', 5), ('surname_relative', 4), ('colleague', 5), ('vip_curiosity', 5),
                ('protected_witness', 3), ('threatened_journalist_lawyer', 3), ('sensitive_investigation', 6),
                ('browsing', 5), ('following', 4), ('bulk_sale', 3), ('export_print', 3), ('friend_check', 4),
                ('media_leak', 3), ('former_team', 3), ('recruit_curiosity', 4)]
        for scen, base in plan:
            for _ in range(n_inc(base)):
                self.one_incident(scen, pick)

    def tstyle(self, e, careful, days=None):
        """A time for an improper look-up: careful insiders work on shift, clumsy ones at home in the evening."""
        r = self.r
        if careful or r.random() < 0.35:
            sh = [s for s in e.shifts if (days is None or (s[0] - T0) // DAY in days) and s[0] >= T0]
            if sh:
                s = self.uniform_pick(sh)
                return r.randint(s[0] + 600, max(s[0] + 601, s[2] - 300))
        for _ in range(30):
            d = self.uniform_pick(list(days)) if days else r.randrange(NDAYS)
            t = T0 + d * DAY + r.choice([19, 20, 21, 22, 23, 0, 1, 7]) * HOUR + r.randint(0, 3599)
            if not any(s[0] - HOUR <= t <= s[2] + HOUR for s in e.shifts):
                return t
        return T0 + r.randrange(NDAYS) * DAY + 21 * HOUR

    def cover_case(self, e, t):
        """A careful insider types the number of a real case of the team."""
        r = self.r
        d = (t - T0) // DAY
        k = e.seg(max(0, d))[1]
        cands = []
        for dd in (d, d - 1, d - 2):
            cands += self.inc_by_team_day.get((k, dd), [])
        cands += self.inv_by_team.get(k, [])
        return self.uniform_pick(cands) if cands else -1

    def emit(self, inc, scen, e, t, p, s, a, c=-1):
        src = self.src('improper:' + scen)
        v = self.add(t, e.i, p, s, a, c, src)
        while v is not None and v in self.improper:
            self.ev.pop()
            t += 1
            v = self.add(t, e.i, p, s, a, c, src)
        if v is not None:
            self.improper[v] = (inc, scen)

    def session(self, inc, scen, e, p, careful, days=None, nview=1, extra_act=None):
        r = self.r
        t = self.tstyle(e, careful, days)
        cc = self.cover_case(e, t) if careful and r.random() < 0.45 else -1
        sysx = S_BVH if r.random() < 0.6 else r.choice([S_BLUE, S_BRP, S_MEOS])
        if careful and r.random() < 0.5:
            self.emit(inc, scen, e, t, p, sysx, A_Q, cc)
            return t
        self.emit(inc, scen, e, t, p, sysx, A_Q, cc)
        for j in range(nview):
            self.emit(inc, scen, e, t + r.randint(8, 90) + j * 40, p, S_BVH if sysx == S_MEOS else sysx, A_V, cc)
        if extra_act is not None:
            self.emit(inc, scen, e, t + r.randint(100, 400), p, S_BVH, extra_act, cc)
        return t

    def one_incident(self, scen, pick):
        r = self.r
        self.inc_n += 1
        inc = 'I-21-%03d' % self.inc_n
        careful = r.random() < 0.5
        ok = True
        if scen == 'self_lookup':
            e = pick(lambda e: e.p >= 0)
            for _ in range(r.randint(1, 3)):
                self.session(inc, scen, e, e.p, careful, nview=r.randint(1, 2),
                             extra_act=A_P if not careful and r.random() < 0.4 else None)
        elif scen == 'family':
            e = pick(lambda e: any(True for x in e.relatives if x != e.partner and x != e.ex))
            rels = [x for x in e.relatives if x != e.partner and x != e.ex]
            q = self.uniform_pick(rels)
            days = None
            if r.random() < 0.6:
                # the relative is caught up in an incident of another district (King's Day, a fight)
                d = r.choice([KINGSDAY, KINGSNIGHT, CL_DAY, r.randrange(NDAYS - 4)])
                edi = self.teams[e.seg(d)[1]][4]
                di = self.uniform_pick([x for x in range(len(DISTRICTS)) if x != edi])
                t = T0 + d * DAY + r.randint(14, 23) * HOUR
                self.plant_incident(t, di, [(q, 'verdachte'), (self.uniform_pick(self.dist_res[di]), 'slachtoffer')])
                days = range(d, min(NDAYS, d + 4))
            for _ in range(r.randint(1, 4)):
                self.session(inc, scen, e, q, careful, days, nview=r.randint(1, 3))
        elif scen == 'partner':
            e = pick(lambda e: e.partner >= 0)
            self.session(inc, scen, e, e.partner, careful, nview=2)
            # and the man she messages with
            other = self.uniform_pick(self.all_res)
            for _ in range(r.randint(1, 3)):
                self.session(inc, scen, e, other, careful, nview=1,
                             extra_act=A_P if not careful and r.random() < 0.3 else None)
        elif scen == 'ex_partner':
            e = pick(lambda e: e.ex >= 0)
            q = e.ex
            # the ex's new partner at the same address
            np_ = self.new_person(self.sample_sn(0.2), self.p_by[q] + r.randint(-5, 5), self.p_pc[q], self.p_hn[q], '',
                                  self.p_dist[q])
            weeks = r.sample(range(4), r.randint(2, 4))
            for w in sorted(weeks):
                days = range(w * 7, w * 7 + 7)
                self.session(inc, scen, e, q, careful, days, nview=r.randint(1, 3),
                             extra_act=A_P if not careful and r.random() < 0.25 else None)
                if r.random() < 0.6:
                    self.session(inc, scen, e, np_, careful, days, nview=1)
        elif scen == 'household':
            e = pick(lambda e: e.p >= 0)
            q = self.new_person(self.sample_sn(0.3), r.randint(1975, 2004), self.p_pc[e.p], self.p_hn[e.p], '',
                                self.p_dist[e.p])
            self.rel.append((e.p, q, 'household'))
            for _ in range(r.randint(2, 4)):
                self.session(inc, scen, e, q, careful, nview=1)
        elif scen == 'neighbour':
            e = pick(lambda e: e.p >= 0 and len(self.pc_members.get(self.p_pc[e.p], ())) > 8)
            fam = set(e.relatives + [e.p, e.partner])
            nb = [q for q in self.pc_members[self.p_pc[e.p]] if q not in fam]
            for q in r.sample(nb, min(len(nb), r.randint(1, 4))):
                for _ in range(r.randint(1, 2)):
                    self.session(inc, scen, e, q, careful, nview=1,
                                 extra_act=A_P if not careful and r.random() < 0.2 else None)
        elif scen == 'surname_relative':
            e = pick(lambda e: bool(e.unrec_rel))
            if e is None:
                e = pick(lambda e: e.p >= 0)
                q = self.new_person(e.sn, r.randint(1950, 2000), self.uniform_pick(self.dist_pcs[r.randrange(9)]),
                                    self.hn(1), '', -1)
            else:
                q = self.uniform_pick(e.unrec_rel)
            for _ in range(r.randint(1, 3)):
                self.session(inc, scen, e, q, careful, nview=r.randint(1, 2))
        elif scen == 'colleague':
            e = pick()
            k = e.seg(10)[1]
            cols = [self.emps[i].p for i in self.team_members[k] if self.emps[i].p >= 0 and i != e.i]
            if r.random() < 0.4:
                cols = [x.p for x in self.emps if x.p >= 0 and x.i != e.i]
            targets = r.sample(cols, min(len(cols), r.randint(1, 3)))
            for q in targets:
                for _ in range(r.randint(1, 2)):
                    self.session(inc, scen, e, q, careful, nview=1)
        elif scen == 'recruit_curiosity':
            e = self.emps[self.uniform_pick([i for i in self.recruits if i not in self.rec_used])]
            self.rec_used.append(e.i)
            days = range(RECRUIT_DAY, NDAYS)
            targets = []
            if e.p >= 0 and r.random() < 0.7:
                targets.append(e.p)
            targets += [self.emps[i].p for i in e.classmates[:r.randint(2, 6)] if self.emps[i].p >= 0 and i != e.i]
            if r.random() < 0.5:
                targets += r.sample(self.vip_ajax + self.vip_celeb, 2)
            if e.relatives and r.random() < 0.5:
                targets.append(self.uniform_pick(e.relatives))
            for q in targets:
                self.session(inc, scen, e, q, False, days, nview=1)
        elif scen == 'vip_curiosity':
            e = pick()
            if r.random() < 0.5:
                tg = r.sample(self.vip_ajax + self.vip_away, r.randint(2, 6))
                days = range(CL_DAY, min(NDAYS, CL_DAY + 3))
            else:
                tg = r.sample(self.vip_celeb + self.vip_pol[3:], r.randint(1, 5))
                days = None
            for q in tg:
                self.session(inc, scen, e, q, careful, days, nview=r.randint(1, 2))
        elif scen == 'protected_witness':
            tri = self.cases[self.trial]
            on = set(s[0] for s in tri.staff)
            e = pick(lambda e: e.i not in on)
            w = self.uniform_pick(self.witnesses[:4])
            for _ in range(r.randint(1, 3)):
                self.session(inc, scen, e, w, True, nview=1)
            for q in r.sample(self.trial_suspects, r.randint(0, 3)):
                self.session(inc, scen, e, q, True, nview=0)
        elif scen == 'threatened_journalist_lawyer':
            e = pick()
            q = self.uniform_pick(self.journalists + self.lawyers)
            for _ in range(r.randint(1, 3)):
                t = self.session(inc, scen, e, q, careful, nview=1)
                self.emit(inc, scen, e, t + r.randint(30, 200), q, S_BRP, A_V)
                if not careful and r.random() < 0.5:
                    self.emit(inc, scen, e, t + r.randint(200, 500), q, S_BRP, A_P)
        elif scen == 'sensitive_investigation':
            ci = self.uniform_pick([x for x in self.sens_cases if self.cases[x].kind == 'investigation'
                                    and self.cases[x].team.startswith('T-AMS-DR')])
            c = self.cases[ci]
            on = set(s[0] for s in c.staff)
            e = pick(lambda e: e.i not in on and self.teams[e.seg(10)[1]][0] != c.team)
            sus = [p for p, role in c.persons if role == 'verdachte'] or [c.persons[0][0]]
            tg = r.sample(sus, min(len(sus), r.randint(1, 4)))
            for q in tg:
                for _ in range(r.randint(1, 3)):
                    self.session(inc, scen, e, q, careful, nview=0 if careful else 1,
                                 extra_act=A_E if not careful and r.random() < 0.2 else None)
        elif scen == 'browsing':
            e = pick()
            t = self.tstyle(e, careful)
            n = r.randint(15, 45)
            x = r.random()
            for j in range(n):
                if x < 0.4:
                    q = self.uniform_pick(self.all_res)
                elif x < 0.7:   # the women of her town of a certain age
                    pc = self.p_pc[e.p] if e.p >= 0 else ''
                    lst = self.pc_members.get(pc) or self.all_res
                    q = self.uniform_pick(self.dist_res[r.randrange(9)]) if r.random() < 0.5 else self.uniform_pick(lst)
                else:
                    q = self.uniform_pick(self.vip_celeb + self.vip_ajax + self.all_res[:3000])
                t += r.randint(20, 400)
                self.emit(inc, scen, e, t, q, S_BVH if r.random() < 0.7 else S_BLUE, A_Q)
                if r.random() < 0.5:
                    self.emit(inc, scen, e, t + r.randint(5, 40), q, S_BVH, A_V)
        elif scen == 'following':
            # someone the officer met at an incident: the first look-up was work, the later ones are not
            e = pick(lambda e: e.segs[0][2] in ('noodhulp', 'brigadier', 'surveillant'))
            k = e.seg(0)[1]
            cands = []
            for d in range(0, 10):
                cands += self.inc_by_team_day.get((k, d), [])
            q = None
            t0 = T0 + 5 * DAY
            if cands:
                c = self.cases[self.uniform_pick(cands)]
                vict = [p for p, role in c.persons if role != 'verdachte' and self.p_pc[p]]
                if vict:
                    q = vict[0]
                    t0 = c.opened
            if q is None:
                q = self.uniform_pick(self.all_res)
            d0 = (t0 - T0) // DAY + 2
            for _ in range(r.randint(4, 9)):
                if d0 >= NDAYS:
                    break
                self.session(inc, scen, e, q, careful, range(d0, NDAYS), nview=1)
        elif scen == 'bulk_sale':
            e = pick()
            for w in range(4):
                if careful:
                    n_days = r.randint(3, 5)
                    per = r.randint(2, 5)
                else:
                    n_days = r.randint(1, 2)
                    per = r.randint(10, 30)
                for d in r.sample(range(w * 7, w * 7 + 7), n_days):
                    t = self.tstyle(e, careful, [d])
                    for j in range(per):
                        q = self.uniform_pick(self.all_res)
                        t += r.randint(30, 500)
                        self.emit(inc, scen, e, t, q, S_RDW if r.random() < 0.5 else S_BRP, A_Q)
                        if r.random() < (0.2 if careful else 0.6):
                            self.emit(inc, scen, e, t + r.randint(5, 60), q, S_BRP, A_E if r.random() < 0.6 else A_V)
        elif scen == 'export_print':
            e = pick()
            q = self.uniform_pick(self.all_res)
            t = self.session(inc, scen, e, q, careful, nview=1)
            self.emit(inc, scen, e, t + r.randint(60, 300), q, S_BVH, A_P if r.random() < 0.5 else A_E)
            for q2 in [x for x in self.pc_members.get(self.p_pc[q], ()) if self.p_hn[x] == self.p_hn[q] and x != q][:2]:
                self.emit(inc, scen, e, t + r.randint(300, 600), q2, S_BVH, A_V)
        elif scen == 'friend_check':
            e = pick()
            # the friend (a resident somewhere) is reported in an intake case of the force
            friend = self.uniform_pick(self.offenders)
            d = r.randrange(2, NDAYS - 5)
            ic = self.intake_by_day.get(d, [])
            if ic:
                c = self.cases[self.uniform_pick(ic)]
                c.persons.append((friend, 'verdachte'))
            days = range(d, min(NDAYS, d + 6))
            for _ in range(r.randint(1, 4)):
                self.session(inc, scen, e, friend, careful, days, nview=r.randint(0, 2))
        elif scen == 'media_leak':
            e = pick()
            nws = self.newsworthy or [self.uniform_pick([c.i for c in self.cases if c.kind == 'incident'])]
            c = self.cases[self.uniform_pick(nws)]
            d = (c.opened - T0) // DAY
            for p, role in c.persons:
                t = self.session(inc, scen, e, p, careful, range(d, min(NDAYS, d + 2)), nview=1)
                if r.random() < 0.5:
                    self.emit(inc, scen, e, t + r.randint(60, 400), p, S_BVH, A_P)
        elif scen == 'former_team':
            cand = [i for i, day in self.transfers if self.teams[self.emps[i].segs[0][1]][2] == 'recherche'
                    and self.emps[i].segs[0][1] != self.emps[i].segs[-1][1]]
            cand = [i for i in cand if i not in self.ft_used and self.emps[i].rank not in ('staf',)]
            if not cand:
                ok = False
            else:
                i = self.uniform_pick(cand)
                self.ft_used.append(i)
                e = self.emps[i]
                day = [d for j, d in self.transfers if j == i][0]
                old = e.segs[0][1]
                inv = self.inv_by_team.get(old, [])
                if not inv:
                    old_di = self.teams[old][4]
                    inv = self.inv_by_team.get(self.team_idx['T-AMS-DR-' + DISTRICTS[old_di][0][4:].upper()], [])
                c = self.cases[self.uniform_pick(inv)]
                sus = [p for p, role in c.persons if role == 'verdachte'] or [c.persons[0][0]]
                for q in r.sample(sus, min(len(sus), r.randint(1, 3))):
                    for _ in range(r.randint(1, 3)):
                        self.session(inc, scen, e, q, careful, range(day + 1, NDAYS), nview=1)
        if not ok:
            self.inc_n -= 1

    def plant_incident(self, t, di, persons):
        a = self._inc_args
        self.make_incident(t, di, 'mishandeling', *a, planted=persons)

    # ------------------------------------------------------------------ build everything
    def build(self):
        t0 = time.time()
        self.build_persons()
        self.build_org()
        self.build_shifts()
        self.mentees = {}
        for i in self.recruits:
            self.mentees.setdefault(self.emps[i].mentor, []).append(i)
        self.build_investigations()
        self.build_watchlists()
        self.build_incidents_and_work()
        self.shift_work()
        self.rec_used = []
        self.ft_used = []
        pl = [0]

        def next_pl():
            pl[0] += 1
            return 'PL1300-2027%06d' % (900000 + pl[0])
        self._inc_args = (next_pl, self.src('meldkamer_incident'), self.src('incident_response'),
                          self.src('incident_report'), self.src('rtic_support'),
                          self.src('incident_followup_days_later'), self.src('records_quality_check'),
                          self.src('district_detective_takes_over'), self.src('kingsday_seconded_officer'),
                          self.src('colleague_checks_team_incident'), self.team_idx['T-AMS-DRIO-RTIC'],
                          self.team_idx['T-AMS-DRIO-REG'], self.team_idx['T-AMS-STAF-COM'],
                          self.team_idx['T-AMS-STAF-EL'], self.src('press_officer_newsworthy'),
                          self.src('commander_major_incident'))
        self.build_improper()
        self.ev.sort()
        self.build_time = time.time() - t0

    # ------------------------------------------------------------------ writing
    def write(self, out, debug):
        r = self.r
        ctx = os.path.join(out, 'context')
        os.makedirs(ctx, exist_ok=True)

        def wcsv(name, header, rows, bom=False, crlf=False, gz=False):
            nl = '\r\n' if crlf else '\n'
            path = os.path.join(ctx, name + ('.gz' if gz else ''))
            if os.path.exists(os.path.join(ctx, name)) and gz:
                os.remove(os.path.join(ctx, name))
            f = gzip.open(path, 'wt', encoding='utf-8', newline='', compresslevel=4) if gz else \
                open(path, 'w', encoding='utf-8', newline='')
            if bom:
                f.write('\ufeff')
            f.write(header + nl)
            for row in rows:
                f.write(row + nl)
            f.write(nl)   # the export tool ends with a blank line
            f.close()

        def q(s):
            if s is None:
                return ''
            s = str(s)
            if any(ch in s for ch in ',"\n'):
                return '"' + s.replace('"', '""') + '"'
            return s

        fte = {}
        for e in self.emps:
            u = self.teams[e.segs[-1][1]][1]
            fte[u] = fte.get(u, 0) + (0.89 if r.random() < 0.7 else 1.0)
        rows = []
        for uid, name in self.units:
            v = fte.get(uid, 0)
            fv = ('"%.1f"' % v).replace('.', ',') if r.random() < 0.5 else '%.1f' % v
            rows.append('%s,%s,%s' % (uid, q(name), fv if v else ''))
        rows.append('pdc,Politiedienstencentrum (landelijk),')
        wcsv('units.csv', 'unit_id,name,fte', rows)
        rows = ['%s,%s,%s,%s' % (tid, uid, kind if r.random() < 0.8 else kind.upper(), q(name))
                for tid, uid, kind, name, di in self.teams]
        wcsv('teams.csv', 'team_id,unit_id,kind,name', rows)
        # employees: the personnel system, BOM and CRLF, own column order and extra columns
        rows = []
        tr = dict(self.transfers)
        for e in self.emps:
            segs = e.segs
            if e.i in tr and r.random() < 0.25:
                segs = segs[-1:]   # only the current state was exported
            for s in segs:
                k, f = s[1], s[2]
                fx = f if r.random() < 0.8 else f.capitalize() if r.random() < 0.5 else ' ' + f + ' '
                pid = self.pid(e.p) if e.p >= 0 else ''
                rows.append('%s,%s,%s,%s,%s,%s,%s,%s,%s' % (
                    fx.strip() if ',' in fx else fx, e.rank.upper() if r.random() < 0.1 else e.rank, e.eid,
                    self.teams[k][0], self.teams[k][1], q(e.sn), pid, 'PNR%07d' % (e.i * 37 + 11),
                    '2027-05-10' if r.random() < 0.99 else ''))
        wcsv('employees.csv', 'Function,Rank,Employee_ID,Team_ID,Unit_ID,Surname,Person_ID,personeelsnummer,exportdatum',
             rows, bom=True, crlf=True)
        # persons, gzipped (the largest file), postcodes as the BRP writes them
        nrel = {}
        rows = []
        for i in range(len(self.p_sn)):
            pc = self.p_pc[i]
            if pc and r.random() < 0.18:
                pc = pc[:4] + ' ' + pc[4:]
                if r.random() < 0.3:
                    pc = pc.lower()
            by = self.p_by[i]
            rows.append('%s,%s,%s,%s,%s,%s' % (self.pid(i), q(self.p_sn[i]), by if by else '', pc, q(self.p_hn[i]),
                                               q(self.p_fl[i])))
        wcsv('persons.csv', 'person_id,surname,birth_year,postcode,house_number,flags', rows, gz=True)
        rows = []
        for a, b, kind in self.rel:
            rows.append('%s,%s,%s' % (self.pid(a), self.pid(b), kind))
            if r.random() < 0.15:
                inv = {'parent': 'child', 'child': 'parent'}.get(kind, kind)
                rows.append('%s,%s,%s' % (self.pid(b), self.pid(a), inv))
        wcsv('relations.csv', 'person_id,related_person_id,kind', rows)
        rows = []
        cp = []
        cs = []
        for c in self.cases:
            if c.kind == 'incident' and not c.odate:
                op = ts_local(c.opened) if r.random() < 0.7 else ts_utc(c.opened)
            else:
                op = date_local(c.opened)
            if c.closed is None:
                cl = ''
            elif c.cdate:
                cl = date_local(c.closed)
            else:
                cl = ts_local(c.closed)
            if c.kind == 'incident' and c.odate and cl and not c.cdate:
                cl = date_local(c.closed)
            if c.sens:
                sv = c.sens_txt or r.choice(['true', 'ja', 'J', 'TRUE', 'true'])
            else:
                sv = r.choice(['false', 'false', 'nee', ''])
            rows.append('%s,%s,%s,%s,%s,%s,%s' % (c.cid, c.kind, c.unit, c.team, op, cl, sv))
            for p, role in c.persons:
                cp.append('%s,%s,%s' % (c.cid, self.pid(p), q(role)))
            for i, frm, to in c.staff:
                f1 = '' if frm == '' else (ts_local(frm) if c.kind == 'incident' else date_local(frm))
                if to == '' or to is None:
                    t1 = ''
                else:
                    if frm != '' and to < frm:
                        to = frm
                    t1 = date_local(to) if c.kind != 'incident' else ts_local(to)
                cs.append('%s,%s,%s,%s' % (c.cid, self.emps[i].eid, f1, t1))
        wcsv('cases.csv', 'case_id,kind,unit_id,team_id,opened,closed,sensitive', rows)
        wcsv('case_persons.csv', 'case_id,person_id,role', cp)
        wcsv('case_staff.csv', 'case_id,employee_id,from,to', cs)
        rows = []
        for e in self.emps:
            if e.noroster:
                continue
            mk = self.teams[e.segs[0][1]][2] == 'meldkamer'
            for st, en, act, ex in e.shifts:
                if not ex:
                    continue
                if mk:
                    rows.append('%s,%s,%s' % (e.eid, ts_utc(st), ts_utc(en)))
                else:
                    rows.append('%s,%s,%s' % (e.eid, ts_local(st), ts_local(en)))
                    if act > en and r.random() < 0.35:   # overtime registered as its own row
                        rows.append('%s,%s,%s' % (e.eid, ts_local(en), ts_local(act)))
        wcsv('shifts.csv', 'employee_id,start,end', rows)
        self.n_shift_rows = len(rows)
        # events: one JSON line per look-up; the summit log is appended after the merged log of the other systems
        counters = [0] * 8
        pre = ['bvh', 'bv', 'meos', 'smt', 'bvi', 'brp', 'rdw', 'cie']
        eids = [e.eid for e in self.emps]
        cids = [c.cid for c in self.cases]
        truth = []
        dbg = []
        late = []
        fo = gzip.open(os.path.join(out, 'events.jsonl.gz'), 'wt', encoding='utf-8', compresslevel=3)
        buf = []
        ms = 0
        for v in self.ev:
            v0 = v
            src = v & 127
            v >>= 7
            a = v & 3
            v >>= 2
            s = v & 7
            v >>= 3
            c = (v & 65535) - 1
            v >>= 16
            p = v & 524287
            v >>= 19
            e = v & 4095
            t = (v >> 12) + TB
            counters[s] += 1
            eid = '%s-%08d' % (pre[s], counters[s])
            ms = (ms + 337) % 1000
            emp = eids[e]
            per = self.pid(p)
            if s == S_BVH:
                line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"bvh","action":"%s","person_id":"%s","case_id":%s}' % (
                    eid, ts_utc(t, 'T', '.%03d' % ms), emp, ACTIONS[a], per, ('"%s"' % cids[c]) if c >= 0 else 'null')
            elif s == S_MEOS:
                line = '{"ts":"%s","id":"%s","employee_id":"%s","system":"MEOS","action":"%s","person_id":"%s","device":"meos-%s"%s}' % (
                    ts_local(t), eid, emp, ACTIONS[a].capitalize(), per, 'ios' if ms & 1 else 'android',
                    (',"case_id":"%s"' % cids[c]) if c >= 0 else '')
            elif s == S_BLUE:
                line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"blueview","action":"%s","person_id":"%s","case_id":"%s"}' % (
                    eid, ts_local(t).replace('T', ' ').replace('+02:00', '.%03d+02:00' % ms), emp, ACTIONS[a], per,
                    cids[c] if c >= 0 else '')
            elif s == S_SUMMIT:
                line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"summit","action":"%s","person_id":"%s","case_id":%s,"zaak_rol":null}' % (
                    eid, ts_utc(t, ' '), emp, ACTIONS[a], per, ('"%s"' % cids[c]) if c >= 0 else 'null')
            else:
                line = '{"id":"%s","ts":"%s","employee_id":"%s","system":"%s","action":"%s","person_id":"%s"%s,"purpose":"%s"}' % (
                    eid, ts_utc(t), emp, SYSTEMS[s], ACTIONS[a], per, (',"case_id":"%s"' % cids[c]) if c >= 0 else '',
                    'onderzoek' if c >= 0 else 'controle')
            if s == S_SUMMIT:
                late.append(line)
            else:
                buf.append(line)
                if len(buf) >= 20000:
                    fo.write('\n'.join(buf))
                    fo.write('\n')
                    buf = []
            sname = self.src_names[src]
            if sname.startswith('improper:'):
                inc, scen = self.improper[v0]
                truth.append((eid, inc, scen))
            if debug:
                dbg.append('%s,%s' % (eid, sname))
        if buf:
            fo.write('\n'.join(buf))
            fo.write('\n')
        for j in range(0, len(late), 20000):
            fo.write('\n'.join(late[j:j + 20000]))
            fo.write('\n')
        fo.close()
        with open(os.path.join(out, 'truth.csv'), 'w', encoding='utf-8') as f:
            f.write('event_id,incident_id,scenario\n')
            for eid, inc, scen in truth:
                f.write('%s,%s,%s\n' % (eid, inc, scen))
        if debug:
            with gzip.open(os.path.join(out, 'debug_sources.csv.gz'), 'wt', encoding='utf-8', compresslevel=3) as f:
                f.write('event_id,source\n')
                for j in range(0, len(dbg), 50000):
                    f.write('\n'.join(dbg[j:j + 50000]))
                    f.write('\n')
        self.stats = dict(employees=len(self.emps), persons=len(self.p_sn), cases=len(self.cases),
                          events=len(self.ev), improper_events=len(truth),
                          incidents=len(set(x[1] for x in truth)))

    def pid(self, i):
        return 'P%07d' % (i * 3 + 1000003)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('outdir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--debug', action='store_true')
    a = ap.parse_args()
    t0 = time.time()
    g = Gen(a.seed)
    g.build()
    os.makedirs(a.outdir, exist_ok=True)
    g.write(a.outdir, a.debug)
    st = g.stats
    st['seconds'] = round(time.time() - t0, 1)
    sys.stderr.write(' '.join('%s=%s' % kv for kv in st.items()) + '\n')


if __name__ == '__main__':
    main()
