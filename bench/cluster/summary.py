#!/usr/bin/env python3
"""The drills' record and summary table for bench/cluster/run.sh (standard library only).

  summary.py record NAME EXIT_STATUS RESULTS   appends the JSON lines a drill printed (stdin) to
                                               RESULTS, each with the drill's name, whether it
                                               passed and the load average
  summary.py table RESULTS                     prints one row per line of RESULTS
"""
import json
import os
import sys


def record(name, status, path):
    lines = [line for line in sys.stdin.read().splitlines() if line.startswith("{")]
    figures = [json.loads(line) for line in lines] or [{}]
    with open(path, "a") as f:
        for fig in figures:
            fig.setdefault("load", [round(x, 1) for x in os.getloadavg()])
            f.write(json.dumps({"drill": name, "passed": int(status) == 0, **fig}) + "\n")


def table(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    width = max(len(r["drill"]) for r in rows)
    print(f"{'drill':<{width}}  result  load (1/5/15 min)  figures")
    for r in rows:
        figures = {k: v for k, v in r.items() if k not in ("drill", "passed", "check", "load")}
        load = "/".join(str(x) for x in r.get("load", []))
        print(f"{r['drill']:<{width}}  {'pass' if r['passed'] else 'FAIL':<6}  {load:<17}  "
              f"{json.dumps(figures, ensure_ascii=False)}")
    failed = sum(1 for r in rows if not r["passed"])
    print(f"{len(rows) - failed} of {len(rows)} drills passed")


if __name__ == "__main__":
    if sys.argv[1] == "record":
        record(*sys.argv[2:5])
    else:
        table(sys.argv[2])
