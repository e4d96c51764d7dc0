"""Repayment schedules, exact to the cent.

Conventions (docs/conventions.md, held by the tests):

* Money is ``Decimal``; every row is rounded to 0.01 with ROUND_HALF_UP.
* Monthly-rate loans use the periodic rate ``r = annual_rate / 12``.
* Daily-rate loans (借呗, 微粒贷) charge ``balance x daily_rate x actual days`` between due dates; due dates
  fall on the loan date's day of each month, clamped to the month's end. Their level payment is computed
  with the equivalent monthly rate ``r = daily_rate x 365 / 12`` (an assumption, stated in reports).
* Every schedule's **last row pays the whole remaining balance**, so it ends at exactly 0.00, the
  principal parts add up to the loan, and ``interest + principal + fee == payment`` on every row.

Methods (the names the CLI and profiles use):

=========================  ==========  =====================================================
``annuity``                等额本息    equal installments: M = P r (1+r)^n / ((1+r)^n - 1)
``equal-principal``        等额本金    round(P/n) of principal each row, interest on the balance
``interest-only``          先息后本    interest each row, all principal in the last row
``interest-only-then-annuity``          interest only for k rows, then equal installments
=========================  ==========  =====================================================

Example: a 10,000 loan over 12 months at 12% a year (a published oracle):

>>> s = equal_installment("10000", "0.12", 12)
>>> s.rows[0].payment, s.rows[0].interest, s.rows[-1].payment, s.total_interest
(Decimal('888.49'), Decimal('100.00'), Decimal('888.47'), Decimal('661.86'))
>>> s.rows[-1].balance
Decimal('0.00')
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from ..core.conventions import DAYS_PER_YEAR, METHODS
from ..core.dates import due_dates
from ..core.errors import ScheduleError
from ..core.money import CONTEXT, ZERO, fmt_money, money, round_money, to_rate

__all__ = ["ScheduleRow", "Schedule", "METHODS", "level_payment", "equal_installment", "equal_principal",
           "interest_first", "interest_only_then_equal", "flat_fee_installment", "build_schedule",
           "DAYS_PER_YEAR"]

@dataclass(frozen=True)
class ScheduleRow:
    """One payment of a schedule.

    Attributes:
        period: 1 for the first payment.
        payment: what is paid this period (interest + principal + fee), in the loan's currency.
        interest: interest charged this period.
        principal: the part of the payment that reduces the balance.
        balance: what is still owed after this payment.
        fee: a fixed charge of the period (installment fee, service fee); 0.00 for plain loans.
        due_date: when it is due, for schedules built with a start date.
        days: the days of interest charged, for daily-rate schedules.
    """

    period: int
    payment: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal
    fee: Decimal = ZERO
    due_date: _dt.date | None = None
    days: int | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"period": self.period, "payment": fmt_money(self.payment),
                               "interest": fmt_money(self.interest), "principal": fmt_money(self.principal),
                               "balance": fmt_money(self.balance)}
        if self.fee:
            out["fee"] = fmt_money(self.fee)
        if self.due_date is not None:
            out["due_date"] = self.due_date.isoformat()
        if self.days is not None:
            out["days"] = self.days
        return out


@dataclass(frozen=True)
class Schedule:
    """A whole repayment schedule.

    Attributes:
        principal: the amount lent (or the balance being rescheduled).
        method: one of :data:`METHODS`' values.
        rows: the payments, in order; the last row's balance is 0.00.
        annual_rate: the nominal annual rate as a decimal fraction (``0.12`` is 12%), for monthly-rate loans.
        daily_rate: the daily rate as a decimal fraction (``0.0005`` is 0.05% a day), for daily-rate loans.
    """

    principal: Decimal
    method: str
    rows: tuple[ScheduleRow, ...]
    annual_rate: Decimal | None = None
    daily_rate: Decimal | None = None
    meta: dict = field(default_factory=dict, compare=False)

    @property
    def months(self) -> int:
        return len(self.rows)

    @property
    def total_payment(self) -> Decimal:
        return sum((r.payment for r in self.rows), ZERO)

    @property
    def total_interest(self) -> Decimal:
        return sum((r.interest for r in self.rows), ZERO)

    @property
    def total_fees(self) -> Decimal:
        return sum((r.fee for r in self.rows), ZERO)

    @property
    def cost(self) -> Decimal:
        """Everything paid above the principal: interest plus fees."""
        return self.total_payment - self.principal

    def payments(self) -> list[Decimal]:
        return [r.payment for r in self.rows]

    def as_dict(self) -> dict[str, Any]:
        return {"rows": [r.as_dict() for r in self.rows], "total_payment": fmt_money(self.total_payment),
                "total_interest": fmt_money(self.total_interest)}

    def to_frame(self, exact: bool = False):
        """The rows as a pandas DataFrame indexed by period: money as float columns that plot and sum
        (``df.plot(y="balance")``), the due date as a datetime column. ``exact=True`` keeps every amount as the
        exact :class:`~decimal.Decimal` the schedule holds (object columns), for figures to the cent."""
        import pandas as pd

        frame = pd.DataFrame([{"period": r.period, "due_date": r.due_date, "days": r.days,
                               "payment": r.payment, "interest": r.interest, "principal": r.principal,
                               "fee": r.fee, "balance": r.balance} for r in self.rows],
                             columns=["period", "due_date", "days", "payment", "interest", "principal", "fee",
                                      "balance"])
        if not exact:
            for column in ("payment", "interest", "principal", "fee", "balance"):
                frame[column] = frame[column].astype("float64")
            frame["due_date"] = pd.to_datetime(frame["due_date"])
            frame["days"] = pd.to_numeric(frame["days"])  # no days (monthly-rate loans): NaN
        return frame.set_index("period")

    def __repr__(self) -> str:
        rate = (f"annual_rate={self.annual_rate}" if self.annual_rate is not None
                else f"daily_rate={self.daily_rate}" if self.daily_rate is not None else "no rate")
        return (f"<Schedule {self.method}: {self.principal} over {self.months} months, {rate}, "
                f"total {self.total_payment}, interest {self.total_interest}, fees {self.total_fees}>")

    def _repr_html_(self) -> str:
        """In a notebook: the totals, then the rows (exact figures)."""
        from html import escape

        head = escape(repr(self))
        return f"<p><code>{head}</code></p>" + self.to_frame(exact=True).to_html(max_rows=24)


def _check(principal: Any, months: int, rate: Decimal, what_rate: str) -> Decimal:
    p = money(principal, "principal")
    if p < 0:
        raise ScheduleError(f"principal: {p} is negative; enter the amount still owed, e.g. 20000")
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise ScheduleError(f"months: {months!r} is not a number of months; use a whole number from 1 to 600")
    if months > 600:
        raise ScheduleError(f"months: {months} is more than 600 (50 years); use a whole number from 1 to 600")
    if rate < 0:
        raise ScheduleError(f"{what_rate}: {rate} is negative; 0.12 means 12% a year, 0.0005 means 0.05% a day")
    return p


#: A periodic rate below this charges less than a cent on the largest amount accepted: treated as no interest.
_NEGLIGIBLE_RATE = Decimal("1e-20")


def level_payment(principal: Decimal, periodic_rate: Decimal, months: int) -> Decimal:
    """The equal installment ``M = P r (1+r)^n / ((1+r)^n - 1)``, rounded half up; ``round(P/n)`` when r = 0.

    >>> level_payment(Decimal("100000"), Decimal("0.10") / 12, 12)
    Decimal('8791.59')
    """
    if abs(periodic_rate) < _NEGLIGIBLE_RATE:  # 0, or so small that (1+r)^n - 1 vanishes: no interest
        return round_money(principal / months)
    growth = CONTEXT.power(CONTEXT.add(1, periodic_rate), months)
    return round_money(CONTEXT.divide(CONTEXT.multiply(principal * periodic_rate, growth), CONTEXT.subtract(growth, 1)))


def _run(p: Decimal, months: int, interest_for: Callable[[int, Decimal], Decimal],
         principal_for: Callable[[int, Decimal, Decimal], Decimal], fee: Decimal,
         dates: list[_dt.date] | None, days: list[int] | None) -> tuple[ScheduleRow, ...]:
    rows = []
    balance = p
    for k in range(1, months + 1):
        interest = round_money(interest_for(k, balance)) if balance > 0 else ZERO
        if k == months:
            part = balance
        else:
            part = min(principal_for(k, balance, interest), balance)
        balance = balance - part
        rows.append(ScheduleRow(period=k, payment=interest + part + fee, interest=interest, principal=part,
                                balance=balance, fee=fee, due_date=dates[k - 1] if dates else None,
                                days=days[k - 1] if days else None))
    return tuple(rows)


def _interest_basis(annual_rate: Any, daily_rate: Any, months: int, start: _dt.date | None):
    """Return (periodic rate for level payments, interest function, dates, days, annual, daily)."""
    if (annual_rate is None) == (daily_rate is None):
        raise ScheduleError("give either annual_rate (e.g. 0.12 for 12% a year) or daily_rate "
                            "(e.g. 0.0005 for 0.05% a day), not both and not neither")
    if annual_rate is not None:
        a = to_rate(annual_rate, "annual_rate")
        r = a / 12
        dates = due_dates(start, months) if start else None
        return r, (lambda k, bal: bal * r), dates, None, a, None, "annual_rate"
    d = to_rate(daily_rate, "daily_rate")
    if start is None:
        raise ScheduleError("daily-rate schedules count actual days between due dates: give the loan's start date")
    dates = due_dates(start, months)
    previous = [start] + dates[:-1]
    days = [(b - a).days for a, b in zip(previous, dates)]
    return (d * DAYS_PER_YEAR / 12, (lambda k, bal: bal * d * days[k - 1]), dates, days, None, d, "daily_rate")


def build_schedule(method: str, principal: Any, months: int, *, annual_rate: Any = None, daily_rate: Any = None,
                   start: _dt.date | None = None, interest_only_months: int = 0, monthly_fee: Any = 0) -> Schedule:
    """Build a schedule by method name (see :data:`METHODS`).

    Args:
        method: ``annuity``, ``equal-principal``, ``interest-only`` or ``interest-only-then-annuity``
            (Chinese names such as 等额本息 work too).
        principal: the amount to repay, e.g. ``"20000"``.
        months: number of monthly payments, 1 to 600.
        annual_rate: nominal yearly rate as a decimal (``0.1095`` is 10.95% a year); or
        daily_rate: daily rate as a decimal (``0.0005`` is 0.05% a day); needs ``start``.
        start: the loan date; payments fall due on its day of each following month.
        interest_only_months: for ``interest-only-then-annuity``, how many interest-only rows come first.
        monthly_fee: a fixed amount added to every payment (an installment or service fee).

    The daily-rate example of docs/conventions.md (微粒贷, 2,500 over 5 months at 0.05% a day):

    >>> s = build_schedule("equal-principal", 2500, 5, daily_rate="0.0005", start=_dt.date(2026, 5, 10))
    >>> [str(r.interest) for r in s.rows], [r.days for r in s.rows]
    (['38.75', '30.00', '23.25', '15.50', '7.50'], [31, 30, 31, 31, 30])
    """
    key = METHODS.get(method)
    if key is None:
        raise ScheduleError(f"method: {method!r} is not known; use one of annuity, equal-principal, "
                            "interest-only, interest-only-then-annuity")
    rate_value = annual_rate if annual_rate is not None else daily_rate
    r, interest_for, dates, days, a, d, what = _interest_basis(annual_rate, daily_rate, months, start)
    p = _check(principal, months, to_rate(rate_value, what), what)
    fee = round_money(money(monthly_fee, "monthly_fee"))
    if fee < 0:
        raise ScheduleError(f"monthly_fee: {fee} is negative; use 0 when there is no fee")
    k_io = interest_only_months if key == "interest-only-then-annuity" else 0
    if key == "interest-only-then-annuity" and not (0 <= k_io < months):
        raise ScheduleError(f"interest_only_months: {k_io} must be at least 0 and fewer than months ({months})")

    if key == "annuity" or key == "interest-only-then-annuity":
        m = level_payment(p, r, months - k_io)

        def principal_for(k: int, bal: Decimal, interest: Decimal) -> Decimal:
            return ZERO if k <= k_io else m - interest
    elif key == "equal-principal":
        part = round_money(p / months)

        def principal_for(k: int, bal: Decimal, interest: Decimal) -> Decimal:
            return part
    else:  # interest-only

        def principal_for(k: int, bal: Decimal, interest: Decimal) -> Decimal:
            return ZERO

    rows = _run(p, months, interest_for, principal_for, fee, dates, days)
    return Schedule(principal=p, method=key, rows=rows, annual_rate=a, daily_rate=d,
                    meta={"interest_only_months": k_io} if k_io else {})


def equal_installment(principal: Any, annual_rate: Any, months: int, **kw: Any) -> Schedule:
    """等额本息: equal monthly payments ``M = P r (1+r)^n / ((1+r)^n - 1)``, r = annual_rate / 12.

    ``r = 0`` is legal: ``M = round(P/n)``. The last row pays the remaining balance.

    >>> s = equal_installment(20000, "0.1095", 12)
    >>> s.rows[0].as_dict()
    {'period': 1, 'payment': '1767.17', 'interest': '182.50', 'principal': '1584.67', 'balance': '18415.33'}
    >>> equal_installment(1000, 0, 3).payments()
    [Decimal('333.33'), Decimal('333.33'), Decimal('333.34')]
    """
    return build_schedule("annuity", principal, months, annual_rate=annual_rate, **kw)


def equal_principal(principal: Any, annual_rate: Any, months: int, **kw: Any) -> Schedule:
    """等额本金: ``round(P/n)`` of principal each row (the last takes the remainder), interest on the balance.

    >>> s = equal_principal(630000, "0.049", 360)
    >>> s.rows[0].payment, s.rows[-1].payment, s.total_interest
    (Decimal('4322.50'), Decimal('1757.15'), Decimal('464336.35'))
    """
    return build_schedule("equal-principal", principal, months, annual_rate=annual_rate, **kw)


def interest_first(principal: Any, annual_rate: Any, months: int, **kw: Any) -> Schedule:
    """先息后本: interest only each row, all the principal with the last row.

    >>> [str(p) for p in interest_first(12000, "0.12", 3).payments()]
    ['120.00', '120.00', '12120.00']
    """
    return build_schedule("interest-only", principal, months, annual_rate=annual_rate, **kw)


def interest_only_then_equal(principal: Any, annual_rate: Any, months: int, interest_only_months: int,
                             **kw: Any) -> Schedule:
    """Interest only for ``interest_only_months`` rows, then equal installments over the rest
    (借呗's "6 months interest only, then equal").

    >>> s = interest_only_then_equal(12000, "0.12", 12, 6)
    >>> [str(s.rows[i].payment) for i in (0, 5, 6)], s.rows[-1].balance
    (['120.00', '120.00', '2070.58'], Decimal('0.00'))
    """
    return build_schedule("interest-only-then-annuity", principal, months, annual_rate=annual_rate,
                          interest_only_months=interest_only_months, **kw)


def flat_fee_installment(principal: Any, monthly_fee_rate: Any, months: int, **kw: Any) -> Schedule:
    """A fee-based installment plan: equal principal parts plus a fee of ``monthly_fee_rate`` of the
    *original* principal every month, and no interest (信用卡分期, 花呗分期 "0.6% a month").

    >>> s = flat_fee_installment(12000, "0.006", 12)
    >>> s.rows[0].payment, s.total_fees
    (Decimal('1072.00'), Decimal('864.00'))
    """
    p = money(principal, "principal")
    fee = round_money(p * to_rate(monthly_fee_rate, "monthly_fee_rate"))
    return build_schedule("equal-principal", p, months, annual_rate=0, monthly_fee=fee, **kw)

