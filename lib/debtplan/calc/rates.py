"""Rates: the true annual cost of a loan (APR by IRR), the effective rate, and daily <-> annual.

The APR follows the PBoC disclosure rule (公告〔2021〕第3号): the internal rate of return of the cash flows,
counting all fees, over the money actually received. Here, as in docs/conventions.md:

* the borrower receives ``amount - upfront_fee`` at month 0 and pays ``payments[k-1]`` at month k;
* the monthly IRR ``i`` solves ``received = sum(payment_k / (1+i)^k)``;
* **APR = 12 x i** (nominal) and the **effective annual rate = (1+i)^12 - 1**.

The solver brackets the root and bisects, so it always converges or raises :class:`SolverError`; it never
returns NaN.

The bank's "0.6% a month" offer on 12,000 over 12 months is not 7.2% a year:

>>> from .schedules import flat_fee_installment
>>> r = apr(12000, flat_fee_installment(12000, "0.006", 12).payments())
>>> fmt_rate(r.apr, 4), fmt_rate(r.effective_annual_rate, 4)
('0.1303', '0.1384')
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence

from ..core.errors import SolverError
from ..core.money import fmt_rate, money, to_rate
from ..core.conventions import DAYS_PER_YEAR

__all__ = ["AprResult", "apr", "monthly_irr", "effective_annual_rate", "daily_to_annual", "annual_to_daily",
           "flat_fee_apr", "fmt_rate", "EFFECTIVE_CAP"]

_TOL = 1e-13
#: The largest effective annual rate given as a number (a billion times the amount a year); above it
#: :func:`effective_annual_rate` raises and :func:`apr` gives this value with ``capped`` set.
EFFECTIVE_CAP = Decimal("1e9")


@dataclass(frozen=True)
class AprResult:
    """The cost of a loan as rates, all decimal fractions (``0.13`` is 13%).

    Attributes:
        monthly_rate: the monthly IRR ``i``.
        apr: the nominal annual rate, ``12 x i`` (what Chinese lenders must disclose as 年化利率).
        effective_annual_rate: ``(1+i)^12 - 1``, the rate with monthly compounding.
    """

    monthly_rate: Decimal
    apr: Decimal
    effective_annual_rate: Decimal
    #: True when the effective annual rate is beyond :data:`EFFECTIVE_CAP` and given as that cap (a floor).
    capped: bool = False


def _npv(rate: float, received: float, payments: Sequence[float]) -> float:
    value = -received
    factor = 1.0
    step = 1.0 / (1.0 + rate)
    for p in payments:
        factor *= step
        value += p * factor
    return value


def monthly_irr(received: Any, payments: Sequence[Any]) -> Decimal:
    """The monthly rate ``i`` with ``received = sum(payments[k-1] / (1+i)^k)``.

    Raises:
        SolverError: when the payments are not a loan (nothing received, no payments, a negative payment)
            or no rate above -99% a month repays the amount.

    >>> monthly_irr(1000, [1010])
    Decimal('0.0100000000')
    """
    got = float(money(received, "amount received"))
    flows = [float(money(p, "payment")) for p in payments]
    if got <= 0:
        raise SolverError(f"amount received: {got:.2f} must be more than 0 (the loan minus any upfront fee)")
    if not flows or all(p == 0 for p in flows):
        raise SolverError("payments: there are no payments, so there is no rate to compute")
    if any(p < 0 for p in flows):
        raise SolverError("payments: a payment is negative; list what the borrower pays, each 0 or more")
    low, high = -0.99, 1.0
    f_low = _npv(low, got, flows)
    if f_low < 0:
        raise SolverError("payments: they add up to far less than the amount received; check the amounts")
    while _npv(high, got, flows) > 0:
        high *= 2
        if high > 1e6:
            raise SolverError("payments: no interest rate makes them repay the amount; check the amounts")
    for _ in range(400):
        mid = (low + high) / 2
        if _npv(mid, got, flows) > 0:
            low = mid
        else:
            high = mid
        if high - low < _TOL:
            break
    return Decimal(repr((low + high) / 2)).quantize(Decimal("1e-10"))


def apr(amount: Any, payments: Sequence[Any], upfront_fee: Any = 0) -> AprResult:
    """The APR (12 x monthly IRR) and effective annual rate of a loan of ``amount`` repaid by ``payments``
    at months 1..n, when ``upfront_fee`` is kept back at the start.

    >>> r = apr(10000, ["893.33"] * 12)
    >>> fmt_rate(r.apr), fmt_rate(r.effective_annual_rate)
    ('0.130335', '0.138410')
    """
    received = money(amount, "amount") - money(upfront_fee, "upfront_fee")
    i = monthly_irr(received, payments)
    try:
        effective, capped = effective_annual_rate(i), False
    except SolverError:  # beyond any meaning: the cap, flagged
        effective, capped = EFFECTIVE_CAP, True
    return AprResult(monthly_rate=i, apr=(i * 12).quantize(Decimal("1e-10")), effective_annual_rate=effective,
                     capped=capped)


def effective_annual_rate(monthly_rate: Any) -> Decimal:
    """``(1+i)^12 - 1`` for a monthly rate ``i``.

    >>> fmt_rate(effective_annual_rate("0.01"))
    '0.126825'

    Raises:
        SolverError: when the result is above :data:`EFFECTIVE_CAP` (it is not a rate anyone can pay).
    """
    i = float(to_rate(monthly_rate, "monthly_rate"))
    if i <= -1:
        raise SolverError(f"monthly_rate: {monthly_rate} is not a rate (it must be more than -100% a month)")
    try:
        value = (1 + i) ** 12 - 1
    except OverflowError:
        value = float("inf")
    if not value <= float(EFFECTIVE_CAP):
        raise SolverError(f"monthly_rate: {monthly_rate} a month is more than {EFFECTIVE_CAP:,.0f} times the amount "
                          "a year; check the amounts")
    return Decimal(repr(value)).quantize(Decimal("1e-10"))


def daily_to_annual(daily_rate: Any, days: int = DAYS_PER_YEAR) -> Decimal:
    """A daily rate as a simple annual rate (单利): ``daily x 365``. 0.05% a day is 18.25% a year.

    >>> daily_to_annual("0.0005")
    Decimal('0.1825')
    """
    return to_rate(daily_rate, "daily_rate") * days


def annual_to_daily(annual_rate: Any, days: int = DAYS_PER_YEAR) -> Decimal:
    """A simple annual rate as a daily rate: ``annual / 365``.

    >>> annual_to_daily("0.1825")
    Decimal('0.0005')
    """
    return to_rate(annual_rate, "annual_rate") / days


def flat_fee_apr(principal: Any, monthly_fee_rate: Any, months: int) -> AprResult:
    """The APR of a fee-based installment plan charging ``monthly_fee_rate`` of the original principal each
    month (see :func:`debtplan.calc.schedules.flat_fee_installment`).

    >>> fmt_rate(flat_fee_apr(12000, "0.006", 12).apr, 4)
    '0.1303'
    """
    from .schedules import flat_fee_installment

    return apr(principal, flat_fee_installment(principal, monthly_fee_rate, months).payments())
