import csv, json, sys, collections
w = sys.argv[1]
truth = {r['event_id']: r for r in csv.DictReader(open(w + '/truth.csv'))}
legit = {r['event_id']: (r['reason'], r['oracle']) for r in csv.DictReader(open(w + '/legit_reasons.csv'))}
alerts = [json.loads(l) for l in open(w + '/alerts.jsonl')]
expl = {}
for l in open(w + '/expl.jsonl'):
    d = json.loads(l); expl[d['id']] = d
ev = {}
for r in csv.DictReader(open(w + '/events.csv')):
    if r['id'] in truth or True: ev[r['id']] = r
emp = {r['employee_id']: r for r in csv.DictReader(open(w + '/employees.csv'))}
false = [a for a in alerts if not any(e in truth for e in a['event_ids'])]
print('alerts', len(alerts), 'false', len(false))
by_rules = collections.Counter(); by_sev = collections.Counter()
by_rule = collections.Counter()
by_reason = collections.Counter(); by_reason_sev = collections.Counter()
by_fn = collections.Counter()
for a in false:
    rules = tuple(sorted({x['rule'] for x in a['reasons']}))
    by_rules[rules] += 1; by_sev[a['severity']] += 1
    for x in rules: by_rule[x] += 1
    rs = collections.Counter(legit[e][0] for e in a['event_ids'] if e in legit)
    top = rs.most_common(1)[0][0]
    by_reason[top] += 1; by_reason_sev[(top, a['severity'])] += 1
    by_fn[(emp[a['employee_id']]['team_id'].split('-')[-1].rstrip('0123456789'), emp[a['employee_id']]['function'])] += 1
print('\nfalse alerts by severity', dict(by_sev))
print('\nfalse alerts by single rule (an alert counts once per rule):')
for k, v in by_rule.most_common(): print('  %5d %s' % (v, k))
print('\nfalse alerts by rule combination (top 25):')
for k, v in by_rules.most_common(25): print('  %5d %s' % (v, '+'.join(k)))
print('\nfalse alerts by my legit reason (majority of the alert\'s events): total / high / medium / low')
for k, v in by_reason.most_common():
    print('  %5d %4d %4d %4d %s' % (v, by_reason_sev[(k, 'high')], by_reason_sev[(k, 'medium')], by_reason_sev[(k, 'low')], k))
print('\nfalse alerts by team kind / function (top 15):')
for k, v in by_fn.most_common(15): print('  %5d %s' % (v, k))
# reason x rule
rr = collections.Counter()
for a in false:
    rs = collections.Counter(legit[e][0] for e in a['event_ids'] if e in legit)
    top = rs.most_common(1)[0][0]
    for x in {x['rule'] for x in a['reasons']}: rr[(top, x)] += 1
print('\nlegit reason x rule (top 30):')
for k, v in rr.most_common(30): print('  %5d %-28s %s' % (v, k[0], k[1]))
# high-severity false alerts detail
print('\nhigh false alerts by rules:')
c = collections.Counter(tuple(sorted({x['rule'] for x in a['reasons']})) for a in false if a['severity'] == 'high')
for k, v in c.most_common(): print('  %5d %s' % (v, '+'.join(k)))
# missed
alerted = set(e for a in alerts for e in a['event_ids'])
print('\nmissed improper look-ups:')
inc = collections.defaultdict(list)
for e, t in truth.items(): inc[t['incident_id']].append(e)
for i, es in sorted(inc.items()):
    miss = [e for e in es if e not in alerted]
    if miss:
        sc = truth[es[0]]['scenario']
        print(' %s %s: %d of %d look-ups not in an alert' % (i, sc, len(miss), len(es)))
        for e in sorted(miss)[:8]:
            r = ev[e]; x = expl[e]
            print('    %s %s %s %s %s %s case=%s explained_by=%s signals=%s' % (e, r['ts'], r['employee_id'], r['system'], r['action'], r['person_id'], r['case_id'] or '-', x['explained_by'], ','.join(x['signals'])))
        if len(miss) > 8: print('    ...')
# oracle-explainable not explained by engine
print('\noracle-explainable legit not explained by engine, by oracle rule and reason:')
c = collections.Counter()
for e, (rs, o) in legit.items():
    if o and expl[e]['explained_by'] is None: c[(o, rs)] += 1
for k, v in c.most_common(): print('  %5d %s' % (v, k))
