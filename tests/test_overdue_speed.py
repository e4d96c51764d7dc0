"""Daily capitalisation over decades gives the same cents as the period-by-period loop, in any order asked."""
from __future__ import annotations

import random
from decimal import Decimal

from debtplan.calc.overdue import CHARGES_CEILING, OverdueTerms, overdue_charges
from debtplan.core.money import round_money


def _reference(start: Decimal, rate: Decimal, every: int, days: int) -> Decimal:
    """The plain loop: each period's charges, rounded, join the base."""
    running, accrued, left = start, Decimal(0), days
    while left > 0 and accrued < CHARGES_CEILING:
        span = min(every, left)
        step = round_money(running * rate * span)
        accrued, running, left = accrued + step, running + step, left - span
    return accrued


def test_capitalised_charges_match_the_period_loop_in_any_order() -> None:
    cases = [(every, days, rate) for every in (1, 7, 30) for days in (1, 6, 7, 8, 30, 31, 400, 9000, 20000)
             for rate in ("0.0001", "0.0005", "0.01")]
    random.Random(4).shuffle(cases)
    for every, days, rate in cases:
        terms = OverdueTerms(capitalize_every_days=every)
        owed = overdue_charges(20000, rate, days, terms)
        whole = owed.penalty_interest + owed.compound_interest
        penalty_rate = Decimal(rate) * Decimal("1.5")
        expected = min(_reference(Decimal(20000), penalty_rate, every, days), CHARGES_CEILING)
        assert max(whole, owed.penalty_interest) == max(expected, owed.penalty_interest), (every, days, rate)


def test_calendar_of_a_600_month_plan_holds_the_next_two_years_of_payments() -> None:
    import datetime as _dt
    from pathlib import Path

    from debtplan.inputs.profile import load_profile
    from debtplan.run.calendar import PAYMENT_MONTHS, calendar_bytes

    profile = load_profile(Path(__file__).parent / "fixtures" / "slow" / "long-agreement.yaml")
    ics = calendar_bytes(profile).decode("utf-8")
    starts = [line.split(":")[1] for line in ics.splitlines() if line.startswith("DTSTART")]
    assert len(starts) <= PAYMENT_MONTHS + 5
    days = sorted(_dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])) for s in starts)
    assert days[0] <= profile.as_of + _dt.timedelta(days=31)  # the next payment is there
    assert days[-1] >= profile.as_of + _dt.timedelta(days=(PAYMENT_MONTHS - 1) * 30)
