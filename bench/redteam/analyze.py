#!/usr/bin/env python3
"""Join lekradar's alerts/explanations with the red-team generator's private knowledge.

usage: analyze.py WORLD_DIR   (expects alerts.jsonl, expl.jsonl, truth.csv, legit_reasons.csv)
"""
import csv, json, sys
from collections import Counter, defaultdict

W = sys.argv[1]
truth = {}
inc_events = defaultdict(list)
for row in csv.DictReader(open(W + "/truth.csv")):
    truth[row["event_id"]] = (row["incident_id"], row["scenario"])
    inc_events[row["incident_id"]].append(row["event_id"])
reason = {}
for row in csv.reader(open(W + "/legit_reasons.csv")):
    reason[row[0]] = row[1]
emps = {r["employee_id"]: r for r in csv.DictReader(open(W + "/employees.csv"))}
teams = {r["team_id"]: r for r in csv.DictReader(open(W + "/teams.csv"))}
events = {}
for line in open(W + "/events.jsonl"):
    o = json.loads(line)
    events[o["id"]] = o
expl = {}
for line in open(W + "/expl.jsonl"):
    o = json.loads(line)
    expl[o["id"]] = (o.get("explained_by"), tuple(o.get("signals") or ()))
alerts = [json.loads(l) for l in open(W + "/alerts.jsonl")]

def kind(eid):
    e = emps.get(eid, {})
    return teams.get(e.get("team_id", ""), {}).get("kind", "?")

false = [a for a in alerts if not any(x in truth for x in a["event_ids"])]
print("# %s: %d alerts, %d false (%s)" % (W, len(alerts), len(false), dict(Counter(a["severity"] for a in false))))
by_rules = Counter()
by_reason = Counter()
by_kind = Counter()
by_reason_rules = Counter()
ex = defaultdict(list)
for a in false:
    rules = tuple(sorted({r["rule"] for r in a["reasons"]}))
    rs = Counter(reason.get(x, "?") for x in a["event_ids"]).most_common(1)[0][0]
    by_rules[rules] += 1
    by_reason[rs] += 1
    by_kind[kind(a["employee_id"])] += 1
    by_reason_rules[(rs, rules)] += 1
    ex[rs].append(a)
print("\n## false alerts by team kind of employee")
for k, n in by_kind.most_common():
    print("%6d  %s" % (n, k))
print("\n## false alerts by rule set (top 20)")
for k, n in by_rules.most_common(20):
    print("%6d  %s" % (n, ",".join(k)))
print("\n## false alerts by legitimate reason (generator's side file; majority over the alert's events)")
for k, n in by_reason.most_common():
    print("%6d  %s" % (n, k))
print("\n## (reason, rule set) top 25")
for (rs, rules), n in by_reason_rules.most_common(25):
    print("%6d  %-32s %s" % (n, rs, ",".join(rules)))
print("\n## examples")
for rs, _ in by_reason.most_common(8):
    print("-- %s" % rs)
    for a in sorted(ex[rs], key=lambda a: -a.get("score", 0))[:3]:
        e = emps.get(a["employee_id"], {})
        evs = [events[x] for x in a["event_ids"][:3]]
        print("   %s (%s, %r, %s) person %s, %d events, sev %s score %s, actions %s, case_ids %s" % (
            a["employee_id"], kind(a["employee_id"]), e.get("function"), e.get("rank"), a["person_id"], len(a["event_ids"]),
            a["severity"], a.get("score"), [v["action"] for v in evs], [v.get("case_id") for v in evs]))
        for r in a["reasons"]:
            print("      * %s: %s" % (r["rule"], r["text"][:220]))
# misses
alerted = set(x for a in alerts for x in a["event_ids"])
print("\n## incidents missed")
scn_tot, scn_hit = Counter(), Counter()
for inc, evs in sorted(inc_events.items()):
    scn = truth[evs[0]][1]
    scn_tot[scn] += 1
    if any(x in alerted for x in evs):
        scn_hit[scn] += 1
        continue
    e = events[evs[0]]["employee_id"]
    print("%s %s employee %s (%s, %r): %d look-ups" % (inc, scn, e, kind(e), emps.get(e, {}).get("function"), len(evs)))
    for x in evs[:6]:
        v = events[x]
        print("    %s %s %s %s case=%s -> explained_by=%s signals=%s" % (x, v["ts"], v["action"], v["person_id"], v.get("case_id"), *expl.get(x, ("MISSING", ()))))
# news hype per employee coverage
hype = [x for x, (i, s) in truth.items() if s == "news_hype"]
if hype:
    emp_h = defaultdict(list)
    for x in hype:
        emp_h[events[x]["employee_id"]].append(x)
    hit = sum(1 for e, xs in emp_h.items() if any(x in alerted for x in xs))
    print("\n## news_hype per employee: %d of %d employees alerted" % (hit, len(emp_h)))
# explanation share by legit reason
print("\n## legit look-ups explained by the engine, per generator reason")
tot, exd = Counter(), Counter()
by = defaultdict(Counter)
for x, rs in reason.items():
    if x == "event_id" or rs == "reason":
        continue
    tot[rs] += 1
    eb = expl.get(x, (None, ()))[0]
    if eb:
        exd[rs] += 1
    by[rs][eb] += 1
for rs, n in tot.most_common():
    print("%8d  %5.1f%%  %-30s %s" % (n, 100.0 * exd[rs] / n, rs, dict(by[rs].most_common(4))))
print("\n## improper look-ups explained away")
for x, (i, s) in truth.items():
    eb = expl.get(x, (None, ()))[0]
    if eb:
        v = events[x]
        print("   %s %s %s by %s (case_id=%s)" % (i, s, x, eb, v.get("case_id")))
