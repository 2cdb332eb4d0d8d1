#!/usr/bin/env python3
"""The soak's checks (bench/soak.sh): python3 bench/soak-check.py OUT, on the files the soak left in OUT.

Events: every event of an account in the database (item_event, sequenced) against what that
account's stream received (received.tsv); the stream was open before the account's first event
and resumed with Last-Event-ID after every disconnect, so it must have every event exactly once.
Mails: every outbox row SENT against the Message-IDs the SMTP sink accepted (smtp-accepted.txt).
Answers: every 5xx other than a 503 while the database was away (its restart, or every connection
killed), attributed to the fault window it fell in (a fault's window plus 30 s).
"""
import collections, re, sys
out = sys.argv[1]
def rows(name):
    try:
        with open(f"{out}/{name}") as f:
            return [line.rstrip("\n").split("\t") for line in f if line.strip()]
    except FileNotFoundError:
        return []
faults = rows("faults.tsv")
db = collections.defaultdict(set)
for account, seq in rows("db-events.tsv"):
    db[account].add(seq)
got = collections.defaultdict(collections.Counter)
for account, seq in rows("received.tsv"):
    got[account][seq] += 1
events = sum(len(s) for s in db.values())
lost = sum(1 for a, s in db.items() for q in s if got[a][q] == 0)
dup = sum(c - 1 for a in got for q, c in got[a].items() if c > 1)
unknown = sum(1 for a in got for q in got[a] if q not in db[a])
accepted = collections.Counter()
for (mid,) in rows("smtp-accepted.txt"):
    m = re.match(r"<([0-9a-f-]{36})@", mid)
    if m:
        accepted[m.group(1)] += 1
states = collections.Counter(state for _, state in rows("db-outbox.tsv"))
sent = [key for key, state in rows("db-outbox.tsv") if state == "SENT"]
mail_lost = sum(1 for k in sent if accepted[k] == 0)
mail_dup = sum(accepted[k] - 1 for k in sent if accepted[k] > 1)
window = open(f"{out}/pg-restart-window").read().split() if faults else ["0", "0"]
pg0, pg1 = int(window[0]), int(window[1]) + 30_000  # answers in flight may end a little later
http = rows("http.tsv")
status = collections.Counter()
bad = []
def during(t):
    # The latest fault that had begun and had not been over for 30 s.
    found = "no fault"
    for name, t0, t1 in faults:
        if int(t0) <= t <= int(t1) + 30_000:
            found = name
    return found
for r in http:
    t, base, what, code = int(r[0]), r[1], r[2], int(r[3])
    status[code] += 1
    # 503 is the service's answer while the database is away — restarting, or every
    # connection just killed: the request's transaction rolled back and the answer says
    # "nothing was changed, try again" (a submission cannot be replayed for the client
    # unless it carries an Idempotency-Key). Any other 5xx, or a 503 at any other time, is a
    # defect.
    if code >= 500 and not (code == 503 and (pg0 <= t <= pg1 or during(t).startswith("every service DB connection"))):
        bad.append(r)
bad_by = collections.Counter((int(r[3]), during(int(r[0]))) for r in bad)
no_answer = status[-1]
print(f"faults injected: {len(faults)}")
for name, t0, t1 in faults:
    print(f"  - {name} ({(int(t1) - int(t0)) / 1000:.1f} s)")
print(f"requests: {len(http)} (by status: {dict(sorted(status.items()))}; -1 = no answer, e.g. instance down)")
print()
print(f"{'check':<44} {'checked':>8} {'lost':>6} {'duplicated':>11}")
print(f"{'events (every committed event, every stream)':<44} {events:>8} {lost:>6} {dup:>11}")
print(f"{'mails (outbox rows SENT, by Message-ID)':<44} {len(sent):>8} {mail_lost:>6} {mail_dup:>11}")
print(f"{'5xx other than 503 while the DB was away':<44} {len(http):>8} {len(bad):>6} {'':>11}")
print()
print(f"outbox states: {dict(states)}; unsequenced events left: {open(f'{out}/unsequenced.txt').read().strip()}; "
      f"events received that the database does not have: {unknown}")
for (code, name), n in sorted(bad_by.items()):
    print(f"  {n} x {code} during: {name}")
for r in bad[:20]:
    print("  bad answer:", "\t".join(r)[:300])
ok = lost == 0 and dup == 0 and mail_lost == 0 and mail_dup == 0 and not bad and states.get("PENDING", 0) == 0 \
    and states.get("SENDING", 0) == 0 and states.get("FAILED", 0) == 0
print("RESULT:", "PASS" if ok else "FAIL")
