"""The fifth part (when things go wrong) and the calendar file, against the negotiation pack measured in the same
run, on the trouble fixture (4 collection contacts, a payment order, a 24-month plan, 2 letters sent).

Prints the median time of each and its ratio to the pack (machines here are noisy: compare ratios).
"""
import time
from pathlib import Path
from statistics import median

from debtplan.calc.assessment import assess
from debtplan.inputs.profile import load_profile
from debtplan.inputs.rules import load_rules
from debtplan.present.legal import legal_html
from debtplan.present.pack import pack_html
from debtplan.run.calendar import calendar_bytes

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "trouble.yaml"


def time_it(fn, repeat=7):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def main():
    rules = load_rules()
    profile = load_profile(FIXTURE)
    a = assess(profile, rules)
    base = time_it(lambda: pack_html(a, "zh"))
    part = time_it(lambda: legal_html(a, rules, "zh"))
    ics = time_it(lambda: calendar_bytes(profile, rules, "zh"))
    print(f"negotiation pack (baseline) {base * 1000:8.1f} ms")
    print(f"fifth part                  {part * 1000:8.1f} ms  ({part / base:.2f}x the pack)")
    print(f"calendar file (28 events)   {ics * 1000:8.1f} ms  ({ics / base:.2f}x the pack)")


if __name__ == "__main__":
    main()
