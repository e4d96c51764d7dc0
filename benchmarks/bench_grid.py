"""The vectorized scenario grid against the exact Decimal schedules, measured in the same run.

Prints the time per scenario of each path and their ratio (machines here are noisy: compare ratios).
"""
import time
from decimal import Decimal
from statistics import median

from debtplan.calc.grid import scenario_grid
from debtplan.calc.schedules import equal_installment

TERMS = list(range(6, 61, 6))          # 10 terms
RATES = [i / 1000 for i in range(0, 361, 4)]  # 91 rates
SURPLUSES = [100 * k for k in range(1, 21)]   # 20 surpluses -> 18,200 combinations


def time_it(fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return median(times)


def exact_sample(n=200):
    k = 0
    for term in TERMS:
        for rate in RATES[:: max(1, len(RATES) * len(TERMS) // n)]:
            equal_installment(20000, Decimal(str(rate)), term)
            k += 1
    return k


if __name__ == "__main__":
    grid_time = time_it(lambda: scenario_grid(20000, TERMS, RATES, SURPLUSES))
    combos = len(TERMS) * len(RATES) * len(SURPLUSES)
    count = exact_sample()
    exact_time = time_it(exact_sample, repeat=3)
    per_exact = exact_time / count  # one schedule serves every surplus, so this is per term x rate
    per_grid = grid_time / (len(TERMS) * len(RATES))
    print(f"grid: {combos} combinations in {grid_time * 1000:.2f} ms")
    print(f"exact: {count} schedules in {exact_time * 1000:.1f} ms ({per_exact * 1e6:.0f} us each)")
    print(f"ratio exact/grid per term x rate: {per_exact / per_grid:.0f}x")
