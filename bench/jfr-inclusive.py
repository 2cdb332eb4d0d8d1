#!/usr/bin/env python3
"""Inclusive share of JFR execution samples per frame (issue 16): which of our methods, and
which library entry points, the CPU samples pass through. Usage: jfr-inclusive.py samples.json [N]
(samples.json from `jfr print --json --events jdk.ExecutionSample --stack-depth 256 FILE`)."""
import collections
import json
import sys

data = json.load(open(sys.argv[1]))
events = data["recording"]["events"]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
inclusive = collections.Counter()
threads = collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    seen = set()
    for frame in frames:
        method = frame["method"]
        name = method["type"]["name"] + "." + method["name"]
        if name not in seen:
            seen.add(name)
            inclusive[name] += 1
    thread = event["values"].get("sampledThread") or {}
    threads[(thread.get("javaName") or "?").rstrip("0123456789-")] += 1
total = len(events)
print(f"{total} samples")
print("by thread group:")
for name, count in threads.most_common(12):
    print(f"  {100 * count / total:5.1f}%  {name}")
print("inclusive, org.accessdesk and selected library entry points:")
interesting = ("org.accessdesk", "io.r2dbc.postgresql", "tools.jackson", "com.fasterxml", "jakarta.mail",
               "org.eclipse.angus", "org.springframework.security", "org.springframework.web",
               "org.springframework.r2dbc", "org.springframework.transaction", "io.micrometer",
               "reactor.netty", "org.springframework.context")
for name, count in inclusive.most_common():
    if name.startswith(interesting) and count * 100 / total >= 0.5:
        print(f"  {100 * count / total:5.1f}%  {name}")
        top -= 1
        if top == 0:
            break
