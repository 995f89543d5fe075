#!/usr/bin/env python3
"""Independent synthetic world for lekradar (red team 2).

Eenheid "IJsselvecht" (fictional): four districts as units plus a regional unit holding
the control room (meldkamer), the RIK (information analysis), regional detectives,
support and staff.  Period spans the 2026 DST switch (29 March) so offsets change from
+01:00 to +02:00 mid-log.

usage: gen.py OUTDIR [--seed N] [--days N] [--scale F]
"""
import csv, os, random, sys, bisect, math
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
DST = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
START_LOCAL = datetime(2026, 3, 16)  # Monday, naive local


def off(utc):
    return timedelta(hours=2) if utc >= DST else timedelta(hours=1)


def loc2utc(lt):
    u = (lt - timedelta(hours=1)).replace(tzinfo=UTC)
    if u >= DST:
        u = (lt - timedelta(hours=2)).replace(tzinfo=UTC)
    return u


def fmt(utc, style=0, frac=False):
    """RFC 3339 with the Dutch local offset (style 0) or Z (style 1)."""
    if style == 1:
        s = utc.strftime('%Y-%m-%dT%H:%M:%S')
        if frac:
            s += '.%03d' % (utc.microsecond // 1000)
        return s + 'Z'
    o = off(utc)
    lt = (utc + o).replace(tzinfo=None)
    s = lt.strftime('%Y-%m-%dT%H:%M:%S')
    if frac:
        s += '.%03d' % (utc.microsecond // 1000)
    return s + ('+02:00' if o.seconds == 7200 else '+01:00')


COMMON = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser',
          'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks',
          'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer',
          'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel', 'van der Veen',
          'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems',
          'van Vliet', 'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'Prins',
          'Blom', 'Huisman', 'Peeters', 'Yilmaz', 'Öztürk', 'Kaya', 'Demir', 'Şahin', 'Çelik',
          'El Amrani', 'Bouzid', 'Benali', 'El Idrissi', 'Nowak', 'Kowalski', 'Wiśniewski',
          'Martens', 'Kuipers', 'Bosman', 'Wolters', 'Nijhuis', 'Hofman', 'Lammers', 'Oosterhuis',
          'Scholten', 'Kamphuis', 'ter Horst', 'Brink', 'Wessels', 'Klein Gunnewiek', 'Hulshof']
SYL1 = ['Ten', 'Ooster', 'Wester', 'Noord', 'Zuider', 'Hof', 'Kamp', 'Brink', 'Veld', 'Heer',
        'Bolk', 'Grot', 'Nijen', 'Ebbe', 'Harm', 'Lub', 'Wier', 'Rie', 'Snijd', 'Tus', 'Voort']
SYL2 = ['huis', 'kamp', 'man', 'ink', 'ers', 'hof', 'veld', 'werf', 'beek', 'ing', 'horst', 'link',
        'lo', 'broek', 'es', 'olt']


def rare_surname(r):
    s = r.choice(SYL1) + r.choice(SYL2)
    if r.random() < 0.3:
        s = r.choice(['te ', 'ter ', 'van ', 'Op den ']) + s
    return s


def main():
    args = sys.argv[1:]
    out = args[0]
    seed, days, scale = 1, 24, 1.0
    if '--seed' in args: seed = int(args[args.index('--seed') + 1])
    if '--days' in args: days = int(args[args.index('--days') + 1])
    if '--scale' in args: scale = float(args[args.index('--scale') + 1])
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    END_LOCAL = START_LOCAL + timedelta(days=days)
    T0, T1 = loc2utc(START_LOCAL), loc2utc(END_LOCAL)

    # ---------------- organisation
    districts = ['ijv_noord', 'ijv_stad', 'ijv_oost', 'ijv_zuid']
    REG = 'ijv_regio'
    units = [(d, 'District ' + d[4:].capitalize()) for d in districts] + [(REG, 'Regionale diensten IJsselvecht')]
    teams = []  # (team_id, unit, kind, name)
    for d in districts:
        for k in range(3):
            teams.append(('T-%s-BT%d' % (d[4:].upper(), k + 1), d, 'basisteam', 'Basisteam %s %d' % (d[4:], k + 1)))
        teams.append(('T-%s-DR' % d[4:].upper(), d, 'recherche', 'Districtsrecherche ' + d[4:]))
        teams.append(('T-%s-SIN' % d[4:].upper(), d, 'intake_service', 'Service & Intake ' + d[4:]))
    teams += [('T-REG-MK', REG, 'meldkamer', 'Meldkamer Oost'), ('T-REG-RIK', REG, 'informatie_analyse', 'RIK'),
              ('T-REG-DRR', REG, 'specialistisch', 'Dienst Regionale Recherche'),
              ('T-REG-OPS', REG, 'ondersteuning', 'Operationele Ondersteuning'), ('T-REG-STAF', REG, 'staf', 'Staf eenheid'),
              ('T-REG-DRR2', REG, 'recherche', 'Team Ondermijning')]
    team_unit = {t[0]: t[1] for t in teams}
    team_kind = {t[0]: t[2] for t in teams}

    # ---------------- population: postcodes per district, households
    persons = []  # dict rows
    hh_members = {}  # (pc, hn) -> [pid]
    relations = []
    pc_of_district = {d: [] for d in districts}
    used_pc = set()

    def newpc(d):
        base = {'ijv_noord': 8000, 'ijv_stad': 7400, 'ijv_oost': 7600, 'ijv_zuid': 7200}[d]
        while True:
            pc = '%04d%s%s' % (base + r.randrange(0, 200), r.choice('ABCDEGHJKLMNPRSTVWXZ'), r.choice('ABCDEGHJKLMNPRSTVWXZ'))
            if pc not in used_pc:
                used_pc.add(pc); pc_of_district[d].append(pc); return pc

    pid_n = [100000]

    def addp(sn, by, pc, hn, d):
        pid_n[0] += r.randrange(1, 4)
        p = {'id': 'P%d' % pid_n[0], 'sn': sn, 'by': by, 'pc': pc, 'hn': hn, 'flags': '', 'd': d,
             'known': r.random() < 0.06}
        persons.append(p); hh_members.setdefault((pc, hn), []).append(p['id'])
        return p

    def surname():
        x = r.random()
        if x < 0.75: return COMMON[min(int(r.expovariate(0.06)), len(COMMON) - 1)]
        return rare_surname(r)

    target_pop = int(210000 * scale)
    addrs = []  # (pc, hn, d)
    while len(persons) < target_pop:
        d = r.choices(districts, [0.22, 0.36, 0.22, 0.20])[0]
        pc = newpc(d)
        for hno in range(1, r.randrange(8, 30)):
            hn = str(hno) + (r.choice(['', '', '', '-A', '-1', ' bis', '-II']) if r.random() < 0.1 else '')
            addrs.append((pc, hn, d))
            kind = r.choices(['single', 'couple', 'family', 'single_parent', 'elderly'], [0.3, 0.2, 0.3, 0.08, 0.12])[0]
            sn = surname()
            if kind == 'single':
                addp(sn, r.randrange(1940, 2006), pc, hn, d)
            elif kind == 'elderly':
                a = addp(sn, r.randrange(1935, 1962), pc, hn, d); b = addp(surname(), r.randrange(1935, 1962), pc, hn, d)
                relations.append((a['id'], b['id'], 'partner')); relations.append((b['id'], a['id'], 'partner'))
            else:
                a = addp(sn, r.randrange(1955, 2000), pc, hn, d)
                if kind in ('couple', 'family'):
                    b = addp(surname() if r.random() < 0.6 else sn, a['by'] + r.randrange(-5, 6), pc, hn, d)
                    rk = 'partner' if r.random() < 0.85 else 'household'
                    relations.append((a['id'], b['id'], rk)); relations.append((b['id'], a['id'], rk))
                if kind in ('family', 'single_parent'):
                    kids = [addp(sn, max(a['by'] + 22, 1995) + r.randrange(0, 12), pc, hn, d) for _ in range(r.randrange(1, 4))]
                    for k in kids:
                        relations.append((k['id'], a['id'], 'parent')); relations.append((a['id'], k['id'], 'child'))
                    for i in range(len(kids)):
                        for j in range(len(kids)):
                            if i != j: relations.append((kids[i]['id'], kids[j]['id'], 'sibling'))
                if kind == 'single_parent' and r.random() < 0.7:
                    pass  # ex-partner linked below
    by_id = {p['id']: p for p in persons}
    adults = [p for p in persons if 1950 <= p['by'] <= 2004]
    # ex-partners across households, and adult children living elsewhere (parents elderly)
    for _ in range(len(adults) // 14):
        a, b = r.choice(adults), r.choice(adults)
        if a['pc'] != b['pc']:
            relations.append((a['id'], b['id'], 'ex_partner')); relations.append((b['id'], a['id'], 'ex_partner'))
    elderly = [p for p in persons if p['by'] < 1962]
    for _ in range(len(adults) // 6):
        c = r.choice(adults); par = r.choice(elderly)
        if par['by'] < c['by'] - 18 and par['pc'] != c['pc']:
            par['sn'] = c['sn'] if r.random() < 0.7 else par['sn']
            relations.append((c['id'], par['id'], 'parent')); relations.append((par['id'], c['id'], 'child'))
    # vips and shielded
    vip_ids = set()
    for p in r.sample(adults, 70):
        p['flags'] = 'vip'; vip_ids.add(p['id']); p['known'] = False
    for p in r.sample(adults, 45):
        p['flags'] = (p['flags'] + ';shielded').lstrip(';') if r.random() < 0.9 else 'shielded;deceased'
    for p in r.sample(persons, 300):
        if not p['flags']: p['flags'] = 'deceased'
    sn_count = {}
    for p in persons: sn_count[p['sn']] = sn_count.get(p['sn'], 0) + 1
    by_district = {d: [p for p in persons if p['d'] == d] for d in districts}
    known_by_district = {d: [p for p in by_district[d] if p['known']] for d in districts}
    by_sn = {}
    for p in persons: by_sn.setdefault(p['sn'], []).append(p)

    # ---------------- employees
    emps = []  # dict
    en = [1000]

    def adde(team, function, rank):
        en[0] += r.randrange(1, 5)
        d = team_unit[team]
        home_d = d if d != REG and r.random() < 0.7 else r.choice(districts)
        cand = r.choice(by_district[home_d])
        tries = 0
        while (cand['by'] < 1962 or cand['by'] > 2004 or cand['flags'] or cand['known'] or cand.get('emp')) and tries < 50:
            cand = r.choice(by_district[home_d]); tries += 1
        cand['emp'] = True
        e = {'id': 'E%d' % en[0], 'team': team, 'unit': d, 'fn': function, 'rank': rank,
             'pid': cand['id'] if r.random() < 0.92 else '', 'sn': cand['sn'], 'home': cand}
        emps.append(e)
        return e

    def mk(team, n, fnr):
        for _ in range(int(n * scale + 0.5)):
            fn, ranks = fnr[r.choices(range(len(fnr)), [x[2] for x in fnr])[0]][:2]
            adde(team, fn, r.choice(ranks))
    POL = ['agent', 'agent', 'hoofdagent', 'hoofdagent', 'hoofdagent', 'brigadier']
    for t in teams:
        tid, u, k, _ = t
        if k == 'basisteam':
            mk(tid, 112, [('noodhulp', POL, 0.62), ('Noodhulp', POL, 0.05), ('wijkagent', ['hoofdagent', 'brigadier'], 0.16),
                          ('medewerker basisteam', ['surveillant', 'aspirant', 'agent'], 0.1), ('operationeel expert', ['brigadier', 'inspecteur'], 0.05),
                          ('teamchef', ['inspecteur', 'hoofdinspecteur'], 0.02)])
        elif k == 'recherche':
            mk(tid, 48 if u != REG else 40, [('rechercheur', ['hoofdagent', 'brigadier', 'agent'], 0.85), ('Rechercheur', ['brigadier'], 0.05),
                                             ('tactisch analist', ['burger'], 0.05), ('teamleider recherche', ['inspecteur'], 0.05)])
        elif k == 'specialistisch':
            mk(tid, 45, [('rechercheur', ['hoofdagent', 'brigadier'], 0.8), ('financieel rechercheur', ['burger', 'extern'], 0.15), ('teamleider', ['inspecteur'], 0.05)])
        elif k == 'intake_service':
            mk(tid, 22, [('intake', ['surveillant', 'burger', 'agent'], 0.8), ('medewerker intake en service', ['burger'], 0.2)])
        elif k == 'meldkamer':
            mk(tid, 95, [('meldkamer', ['burger', 'agent'], 0.8), ('centralist', ['burger', 'hoofdagent'], 0.15), ('calamiteitencoördinator', ['brigadier'], 0.05)])
        elif k == 'informatie_analyse':
            mk(tid, 42, [('analist', ['burger'], 0.7), ('informatierechercheur', ['hoofdagent', 'brigadier'], 0.3)])
        elif k == 'ondersteuning':
            mk(tid, 90, [('ondersteuning', ['burger', 'extern'], 0.6), ('arrestantenzorg', ['surveillant', 'agent'], 0.25), ('functioneel beheer', ['burger', 'extern'], 0.15)])
        elif k == 'staf':
            mk(tid, 85, [('staf', ['burger', 'inspecteur', 'hoofdinspecteur'], 0.85), ('districtschef', ['commissaris'], 0.05), ('HR', ['burger'], 0.1)])
    emp_by_id = {e['id']: e for e in emps}
    emps_by_team = {}
    for e in emps: emps_by_team.setdefault(e['team'], []).append(e)
    # some employees related to each other (couples in the force): fine, they stay as drawn

    # ---------------- shifts (true roster; the export drops some)
    shifts = {}  # emp -> [(s,e) utc]

    def add_shift(e, day, h0, hours):
        lt = START_LOCAL + timedelta(days=day, hours=h0) + timedelta(minutes=r.choice([0, 0, 0, -15, 15, 30]))
        s = loc2utc(lt); en_ = s + timedelta(hours=hours, minutes=r.choice([0, 0, 15, 30, 45, 90]))
        shifts.setdefault(e['id'], []).append((s, en_))
    for e in emps:
        k = team_kind[e['team']]; fn = e['fn'].lower()
        ph = r.randrange(0, 7)
        for day in range(-1, days + 1):
            wd = (START_LOCAL + timedelta(days=day)).weekday()
            if k == 'basisteam' and fn in ('noodhulp', 'medewerker basisteam', 'operationeel expert'):
                cyc = (day + ph) % 7
                if cyc < 5:
                    h0 = [7, 7, 15, 15, 23][(day // 7 + cyc + ph) % 5] if True else 7
                    add_shift(e, day, h0, 8 if h0 != 23 else 8)
            elif k == 'meldkamer':
                cyc = (day + ph) % 8
                if cyc in (0, 1): add_shift(e, day, 7, 12)
                elif cyc in (2, 3): add_shift(e, day, 19, 12)
            elif k == 'intake_service':
                if wd < 6 and r.random() < 0.72: add_shift(e, day, r.choice([8, 8, 12]), 8)
            elif k in ('recherche', 'specialistisch'):
                if wd < 5 and r.random() < 0.85: add_shift(e, day, 8.5, 9)
                elif wd >= 5 and r.random() < 0.08: add_shift(e, day, 10, 8)
            else:  # wijkagent, teamchef, analysts, support, staff: office-ish
                if wd < 5 and r.random() < 0.84: add_shift(e, day, r.choice([8, 8, 9, 7.5]), 8.5)
                elif fn == 'wijkagent' and r.random() < 0.15: add_shift(e, day, 16, 8)
    for k in shifts: shifts[k].sort()

    def on_shift(eid, t, sh=None):
        for s, en_ in (sh or shifts).get(eid, ()):
            if s <= t <= en_: return True
        return False

    def shift_at(eid, t):
        for s, en_ in shifts.get(eid, ()):
            if s <= t <= en_: return (s, en_)
        return None

    # on-shift index per team per hour
    onidx = {}
    for e in emps:
        for s, en_ in shifts.get(e['id'], ()):
            h = s.replace(minute=0, second=0, microsecond=0)
            while h < en_:
                onidx.setdefault((e['team'], h), []).append(e)
                h += timedelta(hours=1)

    def on_team(team, t, fn=None):
        h = t.replace(minute=0, second=0, microsecond=0)
        lst = [e for e in onidx.get((team, h), ()) if on_shift(e['id'], t)]
        if fn: lst = [e for e in lst if e['fn'].lower() in fn]
        return lst

    # ---------------- cases
    cases = {}  # id -> dict
    cpersons = []  # (case, pid, role)
    cstaff = []  # (case, emp, from, to) from/to as (value, is_ts)
    person_cases = {}
    cn = [0]

    def addcase(kind, unit, team, opened, closed, sensitive, open_ts=True, prefix='PL0600'):
        cn[0] += 1
        if kind == 'incident': cid = '%s-2026%06d' % (prefix, 40000 + cn[0] * 3)
        elif kind == 'intake': cid = 'A-2026-%05d' % cn[0]
        else: cid = 'ON-%s-%04d' % (team[2:5] if team else 'REG', cn[0])
        cases[cid] = {'kind': kind, 'unit': unit, 'team': team, 'opened': opened, 'closed': closed,
                      'sens': sensitive, 'ots': open_ts, 'persons': []}
        return cid

    def addcp(cid, pid, role):
        cpersons.append((cid, pid, role)); cases[cid]['persons'].append(pid)
        person_cases.setdefault(pid, []).append(cid)

    events = []  # (ts, emp, system, action, pid, case, reason, improper_tag)

    def ev(t, e, sysn, act, pid, case='', reason=''):
        events.append([t, e['id'] if isinstance(e, dict) else e, sysn, act, pid, case, reason, None])

    def pick_person(d, known_w=0.35):
        if r.random() < known_w and known_by_district[d]: return r.choice(known_by_district[d])
        return r.choice(by_district[d])

    def lookup_seq(t, e, pid, case='', reason='', n=None, systems=('bvh', 'bvh', 'bvh', 'brp', 'blueview', 'meos')):
        n = n or r.choice([1, 2, 2, 3, 3, 4, 5])
        for i in range(n):
            act = 'query' if i == 0 else r.choice(['view', 'view', 'view', 'query'])
            ev(t, e, r.choice(systems), act, pid, case if r.random() < 0.8 else '', reason)
            t += timedelta(seconds=r.randrange(5, 240))
            # namesake hits on a query (a name search returns several people)
            if act == 'query' and r.random() < 0.02:
                p = by_id[pid]
                same = by_sn.get(p['sn'], [])
                for q in r.sample(same, min(len(same), r.randrange(1, 4))):
                    if q['id'] != pid: ev(t, e, 'bvh', 'query', q['id'], '', 'namesake_hit')
        return t

    # incidents
    bts = [t for t in teams if t[2] == 'basisteam']
    inc_per_day = 64 * 1.0
    famous_incidents = []
    for day in range(days):
        for t in bts:
            tid, d = t[0], t[1]
            for _ in range(int(r.gauss(inc_per_day, 6))):
                hour = r.choices(range(24), [2, 1.5, 1, 1, 1, 1.5, 2, 3, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 5, 5, 4, 3])[0]
                op = loc2utc(START_LOCAL + timedelta(days=day, hours=hour, minutes=r.randrange(60), seconds=r.randrange(60)))
                cl = op + timedelta(minutes=r.randrange(30, 600))
                cid = addcase('incident', d, tid, op, cl if r.random() > 0.04 else None, False)
                if r.random() < 0.05 and cl.date() > op.date(): cases[cid]['closed_date'] = True  # same-day date is refused by lekradar (closed before opened)
                np_ = r.choices([1, 2, 3, 4, 6], [0.3, 0.35, 0.2, 0.1, 0.05])[0]
                ps = []
                for _ in range(np_):
                    p = pick_person(d)
                    if p['id'] in vip_ids and r.random() < 0.8: continue
                    ps.append(p)
                for p in ps: addcp(cid, p['id'], r.choice(['verdachte', 'slachtoffer', 'getuige', 'melder', 'betrokkene']))
                # responders
                resp = on_team(tid, op, ('noodhulp', 'medewerker basisteam', 'operationeel expert'))
                if not resp:
                    resp = [e for bt in bts if bt[1] == d for e in on_team(bt[0], op, ('noodhulp',))]
                resp = r.sample(resp, min(len(resp), r.choice([1, 2, 2, 3])))
                # control room
                mk_on = on_team('T-REG-MK', op)
                if mk_on:
                    m = r.choice(mk_on)
                    for p in ps:
                        if r.random() < 0.6:
                            lookup_seq(op - timedelta(seconds=r.randrange(30, 400)), m, p['id'], '', 'control_room', n=r.choice([1, 1, 1, 2]), systems=('bvh', 'blueview'))
                for e in resp:
                    for p in ps:
                        t_ = op + timedelta(minutes=r.randrange(-3, 50))
                        if on_shift(e['id'], t_):
                            lookup_seq(t_, e, p['id'], cid, 'incident_response', n=r.randrange(2, 8))
                    # household of the main person sometimes checked on scene (not registered in the case)
                    if ps and r.random() < 0.06:
                        for q in hh_members.get((ps[0]['pc'], ps[0]['hn']), []):
                            if q not in [x['id'] for x in ps]:
                                ev(op + timedelta(minutes=r.randrange(5, 60)), e, 'meos', 'query', q, '', 'household_on_scene')
                if resp and r.random() < 0.3:
                    rep = resp[0]
                    cstaff.append((cid, rep['id'], (op.date(), False), ((op + timedelta(days=r.randrange(0, 10))).date(), False)))
                    if r.random() < 0.5:
                        sh = [s for s in shifts.get(rep['id'], []) if s[0] > op and s[0] < op + timedelta(days=8)]
                        if sh and ps:
                            s = r.choice(sh)
                            lookup_seq(s[0] + timedelta(minutes=r.randrange(20, 200)), rep, ps[0]['id'], cid if r.random() < 0.5 else '', 'reporting_officer_followup')
                # team follow-up (same team, within closing)
                if ps and r.random() < 0.4:
                    fol = on_team(tid, op + timedelta(hours=r.randrange(1, 5)))
                    if fol:
                        e = r.choice(fol); p = r.choice(ps)
                        t_ = op + timedelta(hours=r.randrange(1, 5), minutes=r.randrange(60))
                        if on_shift(e['id'], t_): lookup_seq(t_, e, p['id'], '', 'team_followup')
                # late follow-up days after closing: legit, unexplained
                if ps and r.random() < 0.04:
                    tm = [e for e in emps_by_team[tid] if e['fn'].lower() in ('wijkagent', 'operationeel expert')]
                    if tm:
                        e = r.choice(tm); sh = [s for s in shifts.get(e['id'], []) if s[0] > op + timedelta(days=2)]
                        if sh:
                            s = r.choice(sh); lookup_seq(s[0] + timedelta(minutes=r.randrange(30, 300)), e, ps[0]['id'], '', 'late_followup', n=2)
                if day in (4, 9, 13, 17, 21) and t == bts[[0, 4, 7, 10, 2][[4, 9, 13, 17, 21].index(day)]] and not [f for f in famous_incidents if f[3] == day]:
                    famous_incidents.append((cid, d, op, day))
    # investigations
    det_teams = [t for t in teams if t[2] in ('recherche', 'specialistisch')]
    inv_by_team = {}
    for t in det_teams:
        tid, u = t[0], t[1]
        nc = 26 if u != REG else 16
        for _ in range(nc):
            od = (START_LOCAL - timedelta(days=r.randrange(-days + 3, 240))).date()
            cd = None
            if r.random() < 0.25:
                cd = max(od, (START_LOCAL + timedelta(days=r.randrange(2, days))).date())
            sens = r.random() < (0.7 if u == REG else 0.12)
            cid = addcase('investigation', u, tid, od, cd, sens, open_ts=False)
            inv_by_team.setdefault(tid, []).append(cid)
            pool_d = r.choice(districts) if u == REG else u
            for i in range(r.randrange(3, 22 if u == REG else 12)):
                p = pick_person(pool_d, 0.6)
                if p['id'] in vip_ids: continue
                addcp(cid, p['id'], r.choice(['verdachte', 'verdachte', 'slachtoffer', 'getuige', 'betrokkene']))
            det = [e for e in emps_by_team[tid] if 'recherch' in e['fn'].lower() or 'analist' in e['fn'].lower()]
            for e in r.sample(det, min(len(det), r.randrange(2, 7))):
                fr = (od, False) if r.random() < 0.7 else ((START_LOCAL + timedelta(days=r.randrange(0, days // 2))).date(), False)
                to = (None, False) if r.random() < 0.85 else ((START_LOCAL + timedelta(days=r.randrange(days // 2, days))).date(), False)
                if to[0] and fr[0] > to[0]: to = (None, False)
                cstaff.append((cid, e['id'], fr, to))
    staff_cases = {}
    for cid, eid, fr, to in cstaff:
        staff_cases.setdefault(eid, []).append((cid, fr[0], to[0]))
    # RIK analysts get assigned to some investigations
    for e in emps_by_team['T-REG-RIK']:
        for cid in r.sample([c for c in cases if cases[c]['kind'] == 'investigation'], 2):
            cstaff.append((cid, e['id'], (None, False), (None, False)))
            staff_cases.setdefault(e['id'], []).append((cid, None, None))

    def assigned_ok(eid, cid, t):
        for c, fr, to in staff_cases.get(eid, ()):
            if c == cid and (fr is None or t.date() >= fr) and (to is None or t.date() <= to): return True
        return False

    # intake cases + intake desk
    for d in districts:
        tid = 'T-%s-SIN' % d[4:].upper()
        for day in range(days):
            for _ in range(int(r.gauss(16, 4))):
                lt = START_LOCAL + timedelta(days=day, hours=r.randrange(8, 20), minutes=r.randrange(60))
                op = loc2utc(lt)
                desk = on_team(tid, op)
                if not desk: continue
                e = r.choice(desk)
                cid = addcase('intake', d, tid, op, op + timedelta(minutes=r.randrange(20, 90)), False)
                rep = pick_person(d, 0.05); addcp(cid, rep['id'], 'aangever')
                ps = [rep]
                if r.random() < 0.5:
                    s = pick_person(d, 0.5); addcp(cid, s['id'], 'verdachte'); ps.append(s)
                if r.random() < 0.7: cstaff.append((cid, e['id'], (op.date(), False), (None, False)))
                for p in ps: lookup_seq(op - timedelta(minutes=r.randrange(0, 25)), e, p['id'], cid if r.random() < 0.4 else '', 'intake', n=r.randrange(1, 5))
                if r.random() < 0.08:  # a person at the desk with a question, no registration
                    lookup_seq(op + timedelta(minutes=r.randrange(30, 90)), e, pick_person(d, 0.1)['id'], '', 'desk_question', n=2)

    case_list = list(cases)
    inv_all = [c for c in cases if cases[c]['kind'] == 'investigation']

    def case_open(cid, t):
        c = cases[cid]
        o = c['opened']
        if isinstance(o, datetime): o0 = o - timedelta(hours=4)
        else: o0 = datetime(o.year, o.month, o.day, tzinfo=UTC) - timedelta(hours=4)
        cl = c['closed']
        if cl is None: return t >= o0
        if isinstance(cl, datetime):
            cl1 = (datetime(cl.year, cl.month, cl.day, tzinfo=UTC) + timedelta(days=1) if c.get('closed_date') else cl) + timedelta(hours=4)
        else: cl1 = datetime(cl.year, cl.month, cl.day, tzinfo=UTC) + timedelta(days=1, hours=4)
        return o0 <= t <= cl1

    # detectives
    for t in det_teams:
        tid = t[0]
        for e in emps_by_team[tid]:
            mine = [c for c, fr, to in staff_cases.get(e['id'], [])]
            for s, en_ in shifts.get(e['id'], []):
                if s >= T1 or en_ <= T0: continue
                n = int(r.gauss(118, 30) * (1.0 if mine else 0.4))
                work = mine or inv_by_team[tid]
                tt = s + timedelta(minutes=r.randrange(5, 40))
                step = (en_ - tt).total_seconds() / max(n, 1)
                for _ in range(max(n, 0)):
                    tt += timedelta(seconds=r.expovariate(1 / step))
                    if tt > en_: break
                    if r.random() < 0.85: cid = r.choice(work)
                    else: cid = r.choice(inv_by_team[tid])  # helping a teammate's case
                    ps = cases[cid]['persons']
                    if not ps: continue
                    if r.random() < 0.04:
                        # context: relative / housemate of a case person, not in the case
                        p = by_id[r.choice(ps)]
                        hh = [q for q in hh_members.get((p['pc'], p['hn']), []) if q != p['id']]
                        if hh:
                            ev(tt, e, r.choice(['bvi', 'bvh', 'blueview']), r.choice(['query', 'view']), r.choice(hh), cid if r.random() < 0.3 else '', 'investigation_context')
                            continue
                    ev(tt, e, r.choice(['bvi', 'bvi', 'summit', 'bvh', 'blueview']), r.choice(['query', 'view', 'view', 'view']),
                       r.choice(ps), cid if r.random() < 0.55 else '', 'investigation')
                    if r.random() < 0.004: ev(tt + timedelta(seconds=40), e, 'bvi', r.choice(['export', 'print']), r.choice(ps), cid, 'investigation_export')
    # analysts
    for e in emps_by_team['T-REG-RIK']:
        mine = [c for c, fr, to in staff_cases.get(e['id'], [])]
        for s, en_ in shifts.get(e['id'], []):
            if s >= T1 or en_ <= T0: continue
            tt = s + timedelta(minutes=20)
            for _ in range(int(r.gauss(110, 30))):
                tt += timedelta(seconds=r.expovariate(1 / 230))
                if tt > en_: break
                x = r.random()
                if x < 0.8:
                    cid = r.choice(mine); ev(tt, e, r.choice(['bvi', 'summit', 'blueview']), r.choice(['query', 'view']), r.choice(cases[cid]['persons']), cid if r.random() < 0.3 else '', 'analyst_case')
                elif x < 0.92:
                    cid = r.choice(inv_all); ev(tt, e, 'blueview', 'query', r.choice(cases[cid]['persons']), '', 'analyst_request')
                else:
                    ev(tt, e, 'blueview', 'query', pick_person(r.choice(districts), 0.8)['id'], '', 'analyst_adhoc')
    # control room caller checks; patrol street checks; wijkagent work; support/arrestantenzorg; staff
    incs_by_team = {}
    for c, v in cases.items():
        if v['kind'] == 'incident': incs_by_team.setdefault(v['team'], []).append(c)
    for e in emps:
        k = team_kind[e['team']]; fn = e['fn'].lower(); d = e['unit']
        for s, en_ in shifts.get(e['id'], []):
            if s >= T1 or en_ <= T0: continue
            dur = (en_ - s).total_seconds()
            if k == 'meldkamer':
                for _ in range(r.randrange(2, 9)):
                    lookup_seq(s + timedelta(seconds=r.uniform(0, dur)), e, pick_person(r.choice(districts), 0.15)['id'], '', 'caller_check', n=r.choice([1, 2]), systems=('bvh', 'blueview'))
            elif k == 'basisteam' and fn in ('noodhulp', 'medewerker basisteam', 'operationeel expert'):
                for _ in range(r.choice([0, 0, 1, 1, 2])):
                    lookup_seq(s + timedelta(seconds=r.uniform(600, dur - 300)), e, pick_person(d, 0.45)['id'], '', 'street_check', n=r.choice([1, 2, 2, 3]), systems=('meos', 'meos', 'bvh', 'rdw'))
                # own team's open incidents, explained by team_case
                recent = incs_by_team.get(e['team'], [])
                for _ in range(r.randrange(4, 14)):
                    tt = s + timedelta(seconds=r.uniform(0, dur))
                    c = r.choice(recent)
                    if case_open(c, tt) and cases[c]['persons']:
                        lookup_seq(tt, e, r.choice(cases[c]['persons']), c if r.random() < 0.3 else '', 'team_incident_work', n=r.randrange(1, 4))
            elif fn == 'wijkagent':
                recent = incs_by_team.get(e['team'], [])
                for _ in range(r.randrange(10, 30)):
                    tt = s + timedelta(seconds=r.uniform(0, dur))
                    c = r.choice(recent)
                    if case_open(c, tt) and cases[c]['persons']:
                        lookup_seq(tt, e, r.choice(cases[c]['persons']), '', 'wijk_case', n=r.randrange(1, 3))
                for _ in range(r.randrange(1, 4)):
                    lookup_seq(s + timedelta(seconds=r.uniform(0, dur)), e, pick_person(d, 0.6)['id'], '', 'wijk_signal', n=r.choice([1, 2]))
            elif fn == 'arrestantenzorg':
                for _ in range(r.randrange(3, 12)):
                    tt = s + timedelta(seconds=r.uniform(0, dur))
                    c = r.choice(incs_by_team[r.choice(bts)[0]])
                    if case_open(c, tt) and cases[c]['persons']:
                        ev(tt, e, 'bvh', 'view', cases[c]['persons'][0], c if r.random() < 0.7 else '', 'custody')
            elif k == 'staf' and r.random() < 0.05:
                ev(s + timedelta(seconds=r.uniform(0, dur)), e, 'bvh', 'view', pick_person(r.choice(districts), 0.3)['id'], '', 'staff_complaint_handling')

    events = [x for x in events if T0 <= x[0] < T1]
    legit_events = events

    # ---------------- oracle (independent of the engine; same rules as docs)
    exported_shifts = {}
    for eid, lst in shifts.items():
        exported_shifts[eid] = [s for s in lst if r.random() > 0.025]

    def explainable(eid, pid, t, case):
        if case and case in cases and pid in cases[case]['persons']: return 'given_case'
        cs = person_cases.get(pid, ())
        for c in cs:
            if assigned_ok(eid, c, t): return 'assigned_case'
        e = emp_by_id[eid]
        for c in cs:
            if cases[c]['team'] == e['team'] and case_open(c, t): return 'team_case'
        if on_shift(eid, t, exported_shifts):
            for c in cs:
                cc = cases[c]
                if cc['kind'] == 'incident' and cc['unit'] == e['unit'] and abs((t - cc['opened']).total_seconds()) <= 4 * 3600:
                    return 'unit_incident_on_shift'
        return None

    # ---------------- improper incidents
    in_case = set(person_cases)
    emp_pids = {e['pid'] for e in emps if e['pid']}
    rel_of = {}
    for a, b, k in relations: rel_of.setdefault(a, []).append((b, k))

    def weight(e):
        k = team_kind[e['team']]
        if k in ('staf', 'ondersteuning'): return 0.15
        w = 1.0
        if e['rank'] in ('hoofdagent', 'brigadier'): w *= 2.2
        if e['rank'] in ('burger', 'extern'): w *= 0.6
        else: w *= 1.4
        return w
    active = [e for e in emps if shifts.get(e['id'])]
    W = [weight(e) for e in active]
    improper = []  # rows appended to events with tag
    inc_n = [0]
    used_emp = set()

    def draw_emp(cond=lambda e: True):
        for _ in range(5000):
            e = r.choices(active, W)[0]
            if e['id'] not in used_emp and cond(e): return e
        return None

    def own_case(e):
        lst = [c for c, fr, to in staff_cases.get(e['id'], [])]
        if not lst: lst = incs_by_team.get(e['team'], []) or inv_by_team.get(e['team'], [])
        return r.choice(lst) if lst else ''

    def in_shift_time(e, day_min=0, day_max=None):
        lst = [s for s in shifts[e['id']] if s[0] >= T0 + timedelta(days=day_min) and s[1] < T1 - timedelta(minutes=30)
               and (day_max is None or s[0] < T0 + timedelta(days=day_max))]
        if not lst: return None
        s, en_ = r.choice(lst)
        return s + timedelta(seconds=r.uniform(900, max(901, (en_ - s).total_seconds() - 900)))

    def unrelated(e, d=None):
        while True:
            p = r.choice(by_district[d or r.choice(districts)])
            if p['id'] not in in_case and p['id'] not in emp_pids and not p['flags'] and p['id'] != e['pid']:
                return p

    def emit(inc, scen, e, t, pid, act=None, sysn=None, cover=True):
        case = ''
        if cover and r.random() < 0.15: case = own_case(e)
        row = [t, e['id'], sysn or r.choice(['bvh', 'bvh', 'bvi', 'blueview', 'meos']), act or r.choice(['query', 'view', 'view']), pid, case, scen, inc]
        improper.append(row)

    def new_inc(e):
        inc_n[0] += 1; used_emp.add(e['id']); return 'I-%04d' % inc_n[0]

    def n_per(): return r.randrange(4, 9)

    # self
    for _ in range(n_per()):
        e = draw_emp(lambda e: e['pid']); inc = new_inc(e)
        t = in_shift_time(e)
        for i in range(r.randrange(1, 4)):
            emit(inc, 'self', e, t, e['pid'], 'query' if i == 0 else 'view'); t += timedelta(seconds=r.randrange(20, 300))
    # family / partner / ex_partner
    for scen, kinds, nmax in (('family', ('parent', 'sibling'), 3), ('partner', ('partner',), 2), ('ex_partner', ('ex_partner',), 3)):
        for _ in range(n_per()):
            e = draw_emp(lambda e: e['pid'] and any(k in kinds and (b not in in_case or scen == 'ex_partner') for b, k in rel_of.get(e['pid'], [])))
            if not e: continue
            cands = [b for b, k in rel_of[e['pid']] if k in kinds and (b not in in_case or scen == 'ex_partner')]
            tgt = r.choice(cands); inc = new_inc(e)
            t = in_shift_time(e)
            for i in range(r.randrange(1, nmax + 1)):
                emit(inc, scen, e, t, tgt, 'query' if i == 0 else 'view'); t += timedelta(seconds=r.randrange(30, 600))
            if scen == 'ex_partner' and r.random() < 0.5:
                t = in_shift_time(e); emit(inc, scen, e, t, tgt, 'view')
    # neighbour
    hn_by_pc = {}
    for pc, hn, d in addrs: hn_by_pc.setdefault(pc, []).append(hn)
    for _ in range(n_per()):
        def nb(e):
            if not e['pid']: return []
            h = by_id[e['pid']]; rel = {b for b, k in rel_of.get(e['pid'], [])}
            return [pid for hn in hn_by_pc.get(h['pc'], ()) if hn != h['hn']
                    for pid in hh_members.get((h['pc'], hn), []) if pid not in rel and pid not in in_case and pid not in emp_pids]
        e = draw_emp(lambda e: e['pid'] and len(nb(e)) > 0)
        inc = new_inc(e); tgt = r.choice(nb(e)); t = in_shift_time(e)
        for i in range(r.randrange(1, 4)):
            emit(inc, 'neighbour', e, t, tgt); t += timedelta(seconds=r.randrange(10, 400))
    # surname_relative: make a cousin: an uncommon-surname household elsewhere, no relation row
    for _ in range(n_per()):
        e = draw_emp(lambda e: e['pid'] and sn_count.get(e['sn'], 0) <= 12)
        if not e: continue
        home = by_id[e['pid']]
        cands = [q for q in by_sn[e['sn']] if q['pc'] != home['pc'] and q['id'] not in in_case and q['id'] not in emp_pids
                 and q['id'] not in {b for b, k in rel_of.get(e['pid'], [])}]
        if cands: tgt = r.choice(cands)
        else:
            d = r.choice(districts); pc = r.choice(pc_of_district[d])
            tgt = addp(e['sn'], home['by'] + r.randrange(-8, 9), pc, str(r.randrange(1, 120)), d)
            by_id[tgt['id']] = tgt
        inc = new_inc(e); t = in_shift_time(e)
        for i in range(r.randrange(1, 3)):
            emit(inc, 'surname_relative', e, t, tgt['id']); t += timedelta(seconds=r.randrange(20, 200))
    # colleague
    for _ in range(n_per()):
        e = draw_emp(lambda e: len([c for c in emps_by_team[e['team']] if c['pid'] and c is not e and c['pid'] not in in_case]) > 0)
        inc = new_inc(e)
        c = r.choice([c for c in emps_by_team[e['team']] if c['pid'] and c is not e and c['pid'] not in in_case])
        t = in_shift_time(e)
        for i in range(r.randrange(1, 4)):
            emit(inc, 'colleague', e, t, c['pid']); t += timedelta(seconds=r.randrange(20, 900))
    # vip / shielded
    vips_free = [p for p in persons if 'vip' in p['flags'] and p['id'] not in in_case]
    shl = [p for p in persons if 'shielded' in p['flags'] and p['id'] not in in_case]
    for scen, pool in (('vip_curiosity', vips_free), ('shielded', shl)):
        for _ in range(n_per()):
            e = draw_emp(); inc = new_inc(e); tgt = r.choice(pool); t = in_shift_time(e)
            for i in range(r.randrange(1, 3)):
                emit(inc, scen, e, t, tgt['id'], 'query' if i == 0 else 'view'); t += timedelta(seconds=r.randrange(15, 300))
    # sensitive investigation
    sens = [c for c in inv_all if cases[c]['sens'] and cases[c]['closed'] is None]
    for _ in range(n_per()):
        e = draw_emp(lambda e: team_kind[e['team']] in ('basisteam', 'recherche', 'informatie_analyse', 'intake_service', 'specialistisch'))
        own = [c for c in sens if cases[c]['unit'] == e['unit'] and cases[c]['team'] != e['team']]
        pool = own if own and r.random() < 0.6 else [c for c in sens if cases[c]['team'] != e['team']]
        c = r.choice(pool); inc = new_inc(e); t = in_shift_time(e)
        for pid in r.sample(cases[c]['persons'], min(len(cases[c]['persons']), r.randrange(1, 4))):
            emit(inc, 'sensitive_investigation', e, t, pid, r.choice(['query', 'view']), r.choice(['bvi', 'summit', 'bvh'])); t += timedelta(seconds=r.randrange(30, 500))
    # off_shift (>=3h from any true shift), from home on a mobile device, evening/weekend
    for _ in range(n_per()):
        e = draw_emp(lambda e: team_kind[e['team']] in ('basisteam', 'recherche', 'specialistisch'))
        inc = new_inc(e); tgt = unrelated(e, e['home']['d'])
        for _try in range(500):
            t = T0 + timedelta(seconds=r.uniform(0, (T1 - T0).total_seconds() - 7200))
            if all(abs((t - s).total_seconds()) >= 3 * 3600 + 600 and abs((t - en_).total_seconds()) >= 3 * 3600 + 600 and not (s <= t <= en_)
                   for s, en_ in shifts[e['id']]):
                break
        for i in range(r.randrange(1, 4)):
            emit(inc, 'off_shift', e, t, tgt['id'], 'query' if i == 0 else 'view', 'meos'); t += timedelta(seconds=r.randrange(20, 120))
    # browsing: a name/street search session, 12-30 persons in 20-45 minutes
    for _ in range(n_per()):
        e = draw_emp(); inc = new_inc(e); t = in_shift_time(e)
        home = e['home']
        near = [q for q in by_district[home['d']] if q['pc'][:4] == home['pc'][:4] and q['id'] not in in_case and q['id'] not in emp_pids and q['id'] != e['pid']]
        n = r.randrange(12, 31); span = r.uniform(20, 45) * 60
        tg = r.sample(near, min(n, len(near))) if len(near) >= n else near + [unrelated(e, home['d']) for _ in range(n - len(near))]
        times = sorted(r.uniform(0, span) for _ in tg)
        for q, dt in zip(tg, times):
            emit(inc, 'browsing', e, t + timedelta(seconds=dt), q['id'], r.choice(['query', 'query', 'view']))
    # following
    if days >= 14:
        for _ in range(n_per()):
            e = draw_emp(); inc = new_inc(e); tgt = unrelated(e, e['home']['d'])
            dayset = set(); n = r.randrange(6, 13)
            lst = sorted(shifts[e['id']])
            for _try in range(200):
                if len(dayset) >= n: break
                t = in_shift_time(e)
                if t and t.date() not in dayset:
                    dayset.add(t.date()); emit(inc, 'following', e, t, tgt['id'], 'view')
    # export_print
    for _ in range(n_per()):
        e = draw_emp(); inc = new_inc(e); tgt = unrelated(e); t = in_shift_time(e)
        emit(inc, 'export_print', e, t, tgt['id'], 'view', cover=True)
        emit(inc, 'export_print', e, t + timedelta(seconds=r.randrange(20, 240)), tgt['id'], r.choice(['export', 'print']))
    # news hype
    for cid, d, op, day in famous_incidents[:r.randrange(4, 6)]:
        fam = r.choice([p for p in adults if not p['known'] and p['id'] not in in_case and p['id'] not in emp_pids])
        if r.random() < 0.5: fam['flags'] = (fam['flags'] + ';vip').lstrip(';'); vip_ids.add(fam['id'])
        addcp(cid, fam['id'], 'slachtoffer'); in_case.add(fam['id'])
        # own unit responders look legitimately
        for e in on_team(cases[cid]['team'], op)[:3]:
            lookup_seq(op + timedelta(minutes=r.randrange(2, 40)), e, fam['id'], cid, 'incident_response', n=3)
        n = r.choice([8, 15, 30, 60, 120])
        others = [e for e in active if e['unit'] != d and team_kind[e['team']] != 'meldkamer' and e['id'] not in used_emp]
        inc_n[0] += 1; inc = 'I-%04d' % inc_n[0]
        got = 0
        for e in r.sample(others, len(others)):
            if got >= n: break
            cands = [t for t in (op + timedelta(minutes=r.uniform(10, 22 * 60)) for _ in range(4)) if on_shift(e['id'], t) and t < T1]
            if not cands: continue
            t = cands[0]; got += 1
            for i in range(r.choice([1, 1, 2])):
                improper.append([t, e['id'], r.choice(['bvh', 'blueview', 'meos']), 'view' if i else 'query', fam['id'], '', 'news_hype', inc]); t += timedelta(seconds=r.randrange(20, 600))
    # volume spike (day >= 10): harvesting a neighbourhood across one shift
    for _ in range(n_per()):
        e = draw_emp(lambda e: any(s[0] >= T0 + timedelta(days=10) for s in shifts[e['id']]))
        inc = new_inc(e)
        lst = [s for s in shifts[e['id']] if s[0] >= T0 + timedelta(days=10) and s[1] < T1]
        if not lst: continue
        s, en_ = r.choice(lst)
        d = r.choice(districts); pc4 = r.choice(pc_of_district[d])[:4]
        pool = [q for q in by_district[d] if q['pc'][:4] == pc4 and q['id'] not in in_case and q['id'] not in emp_pids]
        n = r.randrange(40, 91)
        while len(pool) < n: pool.append(unrelated(e, d))
        for q in r.sample(pool, n):
            emit(inc, 'volume_spike', e, s + timedelta(seconds=r.uniform(300, (en_ - s).total_seconds() - 300)), q['id'], r.choice(['query', 'view']))

    # verify: no improper look-up explainable; drop (and report) any that is
    bad = 0
    ok = []
    for row in improper:
        if not (T0 <= row[0] < T1): continue
        x = explainable(row[1], row[4], row[0], row[5])
        if x and row[5]:
            row[5] = ''; x = explainable(row[1], row[4], row[0], '')
        if x:
            bad += 1; continue
        ok.append(row)
    improper = ok
    # do legit events by improper employees accidentally touch improper targets? fine: they stay legit.

    # ---------------- write
    allev = legit_events + improper
    allev.sort(key=lambda x: x[0])
    # ids in time order, then slight out-of-order writing (source buffering)
    for i, x in enumerate(allev): x.append('ev%08d' % (i * 3 + 17))
    keyed = [(x[0] + timedelta(seconds=r.uniform(0, 110)) if r.random() < 0.02 else x[0], i) for i, x in enumerate(allev)]
    keyed.sort()
    with open(os.path.join(out, 'events.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'ts', 'employee_id', 'system', 'action', 'person_id', 'case_id', 'terminal', 'hits', 'app_version'])
        for _, i in keyed:
            x = allev[i]
            style = 1 if x[2] == 'blueview' else 0
            act = x[3] if r.random() > 0.03 else x[3].upper()
            w.writerow([x[8], fmt(x[0], style, frac=(x[2] == 'bvi')), x[1], x[2], act, x[4], x[5],
                        'WS-%04d' % (int(x[1][1:]) * 7 % 9000), r.choice(['1', '1', '3', '']), '4.2.%d' % r.randrange(0, 3)])
    with open(os.path.join(out, 'truth.csv'), 'w', newline='') as f:
        w = csv.writer(f); w.writerow(['event_id', 'incident_id', 'scenario'])
        for x in sorted(improper, key=lambda x: x[8]): w.writerow([x[8], x[7], x[6]])
    with open(os.path.join(out, 'legit_reasons.csv'), 'w', newline='') as f:
        w = csv.writer(f); w.writerow(['event_id', 'reason', 'oracle'])
        for x in legit_events: w.writerow([x[8], x[6], explainable(x[1], x[4], x[0], x[5]) or ''])

    def W_(name, header, rows, crlf=False, bom=False):
        with open(os.path.join(out, name), 'w', newline='', encoding='utf-8-sig' if bom else 'utf-8') as f:
            w = csv.writer(f, lineterminator='\r\n' if crlf else '\n'); w.writerow(header); w.writerows(rows)
    W_('units.csv', ['unit_id', 'name', 'fte'], [(u, n, ('%.1f' % (len([e for e in emps if e['unit'] == u]) * 0.93)).replace('.', ',')) for u, n in units])
    W_('teams.csv', ['team_id', 'unit_id', 'kind', 'name', 'cost_centre'], [t + ('KP%d' % (i + 100),) for i, t in enumerate(teams)])
    W_('employees.csv', ['employee_id', 'person_id', 'surname', 'unit_id', 'team_id', 'rank', 'function', 'fte'],
       [(e['id'], e['pid'], e['sn'], e['unit'], e['team'], e['rank'].capitalize() if r.random() < 0.2 else e['rank'], e['fn'], r.choice(['1,0', '0,8', '1.0'])) for e in emps], crlf=True)

    def pcfmt(pc):
        x = r.random()
        return pc[:4] + ' ' + pc[4:] if x < 0.2 else (pc.lower() if x < 0.23 else pc)
    W_('persons.csv', ['person_id', 'surname', 'birth_year', 'postcode', 'house_number', 'flags', 'gemeente'],
       [(p['id'], p['sn'], p['by'] if r.random() > 0.01 else '', pcfmt(p['pc']), p['hn'], p['flags'].upper() if p['flags'] and r.random() < 0.2 else p['flags'], p['d']) for p in persons], bom=True)
    W_('relations.csv', ['person_id', 'related_person_id', 'kind'], relations)
    bools = {True: ['true', '1', 'ja', 'J', 'Yes', 'TRUE', 'y'], False: ['false', '0', 'nee', '', 'No', 'FALSE', 'n']}

    def dt(v, is_ts):
        if v is None: return ''
        if isinstance(v, datetime): return fmt(v, r.choice([0, 0, 1]))
        return v.isoformat()
    crow = []
    for cid, c in cases.items():
        cl = c['closed']
        cls = '' if cl is None else (cl.date().isoformat() if (isinstance(cl, datetime) and c.get('closed_date')) else dt(cl, True))
        crow.append((cid, c['kind'] if r.random() > 0.02 else c['kind'].capitalize(), c['unit'], c['team'], dt(c['opened'], True), cls, r.choice(bools[c['sens']])))
    W_('cases.csv', ['case_id', 'kind', 'unit_id', 'team_id', 'opened', 'closed', 'sensitive'], crow)
    W_('case_persons.csv', ['case_id', 'person_id', 'role'], cpersons)
    W_('case_staff.csv', ['case_id', 'employee_id', 'from', 'to'], [(c, e, dt(f[0], 0), dt(t[0], 0)) for c, e, f, t in cstaff])
    srows = []
    for eid, lst in exported_shifts.items():
        for s, en_ in lst: srows.append((eid, fmt(s, 1 if r.random() < 0.1 else 0), fmt(en_, 0), r.choice(['dienst', 'overwerk', ''])))
    W_('shifts.csv', ['employee_id', 'start', 'end', 'kind'], srows)

    # summary
    from collections import Counter
    unexpl = 0; rs = Counter(); ru = Counter()
    sc = Counter(x[6] for x in improper); inc_sc = Counter()
    for x in {(x[7], x[6]) for x in improper}: inc_sc[x[1]] += 1
    print('persons', len(persons), 'employees', len(emps), 'cases', len(cases), 'events', len(allev), 'improper', len(improper), 'dropped_explainable', bad, file=sys.stderr)
    print('incidents per scenario', dict(inc_sc), file=sys.stderr)


if __name__ == '__main__':
    main()
