"""Money: exact decimal amounts, one constructor, rounding at named points.

Every amount in debtplan is a :class:`decimal.Decimal`. :func:`money` is the one way in: it accepts
``str``, ``int``, ``Decimal`` and (through ``str()``, so ``0.1`` stays ``0.1``) ``float``, and names
the bad value when it fails. :func:`round_money` rounds to the cent with ROUND_HALF_UP (四舍五入),
the convention of Chinese lenders (docs/conventions.md).

>>> money("1,234.565")
Decimal('1234.565')
>>> round_money(money("1234.565"))
Decimal('1234.57')
>>> fmt_money(money(20000))
'20000.00'
"""
from __future__ import annotations

import decimal
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .errors import MoneyError, TermError

__all__ = ["CENT", "ZERO", "money", "round_money", "fmt_money", "to_rate", "fmt_rate", "CONTEXT", "MAX_AMOUNT"]

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

#: Precision for intermediate results (rates raised to the 600th power need more than the default 28 digits).
CONTEXT = decimal.Context(prec=50, rounding=ROUND_HALF_UP)

#: No amount or rate read from a person's input is larger than this (a quadrillion): every sum, product and
#: rounding of such amounts stays exact within :data:`CONTEXT`. (The validator's own caps are lower.)
MAX_AMOUNT = Decimal("1e15")
#: The most characters an amount may be written with (longer text is not read as a number at all).
_MAX_CHARS = 60


def _text_amount(value: str, what: str) -> Decimal:
    """An amount written as text, read by the one reader of typed amounts (:func:`debtplan.core.terms.read_amount`),
    its refusal said in English for ``what``."""
    from .terms import read_amount

    try:
        return read_amount(value)
    except TermError as exc:
        if exc.code == "problem_amount_dot_three":
            p = exc.params
            raise MoneyError(f"{what}: {value!r} could mean {p['small']} or {p['large_grouped']}; write "
                             f"{p['small']} or {p['large']}") from None
        if exc.code == "problem_amount_too_large":
            raise MoneyError(f"{what}: {value!r} is far too large; check the amount") from None
        if exc.code == "problem_not_an_amount" and re.fullmatch(r"\s*[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*", value):
            return Decimal(value.strip())  # written with an exponent (1e5): bounded by the caller
        if "," in value or "，" in value:
            raise MoneyError(f"{what}: {value!r} has a comma in the wrong place; write 1500 or 1,500 (commas "
                             "only between groups of three digits)") from None
        raise MoneyError(f"{what}: {value!r} is not a number; write an amount like 1500 or 1500.50") from None


def _to_decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, bool):
        raise MoneyError(f"{what}: {value!r} is not a number; write an amount like 1500 or 1500.50")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        if abs(value) > MAX_AMOUNT:  # compared as numbers: a 400-digit integer is never turned into text
            raise MoneyError(f"{what}: the number is far too large (more than {MAX_AMOUNT:,.0f}); check the amount")
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(str(value))
    elif isinstance(value, str):
        if len(value) > _MAX_CHARS:
            raise MoneyError(f"{what}: {value[:20]!r}... is too long to be an amount; write an amount like 1500 "
                             "or 1500.50")
        result = _text_amount(value, what)
    else:
        raise MoneyError(f"{what}: {value!r} ({type(value).__name__}) is not a number; "
                         "write an amount like 1500 or 1500.50")
    if not result.is_finite():
        raise MoneyError(f"{what}: {value!r} is not a finite number; write an amount like 1500 or 1500.50")
    if abs(result) > MAX_AMOUNT:
        raise MoneyError(f"{what}: {value!r} is far too large (more than {MAX_AMOUNT:,.0f}); check the amount")
    if result.is_zero():
        result = abs(result)  # "-0" is 0, never shown as -0.00
    elif result.adjusted() < -100:
        result = Decimal(0).scaleb(-100) if result > 0 else -Decimal(0).scaleb(-100)
    return result


def money(value: Any, what: str = "amount") -> Decimal:
    """Turn ``value`` into an exact amount (not yet rounded).

    Args:
        value: ``"1,500.50"``, ``1500``, ``Decimal("1500.5")`` or ``1500.5`` (floats go through ``str``).
        what: the field's name, used in the error message.

    Raises:
        MoneyError: naming ``what`` and the bad value.

    >>> money(0.1) + money("0.2")
    Decimal('0.3')
    >>> money("abc", "income[0].amount")
    Traceback (most recent call last):
    ...
    debtplan.core.errors.MoneyError: income[0].amount: 'abc' is not a number; write an amount like 1500 or 1500.50
    """
    return _to_decimal(value, what)


def to_rate(value: Any, what: str = "rate") -> Decimal:
    """Turn ``value`` into an exact rate, a decimal fraction (``0.0005`` is 0.05%).

    A string ending in ``%`` is divided by 100: ``to_rate("0.05%") == Decimal("0.0005")``.

    >>> to_rate("0.05%")
    Decimal('0.0005')
    >>> to_rate(0.1095)
    Decimal('0.1095')
    """
    if isinstance(value, str) and value.strip().endswith("%"):
        return _to_decimal(value.strip()[:-1], what) / 100
    return _to_decimal(value, what)


def round_money(value: Decimal) -> Decimal:
    """Round to the cent, half up (四舍五入): the one rounding rule for money.

    Exact for any finite value however large (the precision grows with it); ``-0`` becomes ``0.00``.

    >>> round_money(Decimal("2.675")), round_money(Decimal("-2.675")), round_money(Decimal("-0.001"))
    (Decimal('2.68'), Decimal('-2.68'), Decimal('0.00'))
    """
    if not value.is_finite():
        raise MoneyError(f"amount: {value} is not a finite amount")
    digits = max(value.adjusted(), 0) + 4
    context = CONTEXT if digits <= CONTEXT.prec else decimal.Context(prec=digits, rounding=ROUND_HALF_UP,
                                                                     Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    result = value.quantize(CENT, rounding=ROUND_HALF_UP, context=context)
    return result if not result.is_zero() else ZERO


def fmt_money(value: Decimal) -> str:
    """The machine form of an amount: exactly two decimals, no separators (``"1767.17"``).

    >>> fmt_money(Decimal("5"))
    '5.00'
    """
    return str(round_money(value))


def fmt_rate(value: Decimal, places: int = 6) -> str:
    """The machine form of a rate: a decimal fraction with ``places`` decimals (``"0.130335"``).

    >>> fmt_rate(Decimal("0.1303349"))
    '0.130335'
    """
    return str(Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
