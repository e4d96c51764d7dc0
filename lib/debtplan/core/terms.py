"""Amounts, rates and dates as people write them: ``1.5万``, ``¥5,000``, ``日息万四``, ``年化18%``, ``2026年10月10日``.

Each reader returns the canonical value or raises :class:`~debtplan.core.errors.TermError` whose ``code`` names
the problem (a sentence key of the ``problem_*`` family) so the caller can say it in the reader's language.
Nothing is guessed: a value that could mean two numbers (``2.000,50``) is a problem, never silently one of them.

>>> read_amount("1.5万"), read_amount("¥5,000"), read_amount("５０００元"), read_amount("1，800")
(Decimal('15000'), Decimal('5000'), Decimal('5000'), Decimal('1800'))
>>> read_rate("日息万四", "daily"), read_rate("0.04%/天", "daily"), read_rate("年化18%", "annual")
(Decimal('0.0004'), Decimal('0.0004'), Decimal('0.18'))
>>> read_rate("0.05% a day", "daily"), read_rate("18% a year", "annual")
(Decimal('0.0005'), Decimal('0.18'))
>>> read_date("2026年10月10日"), read_date("2026/10/10"), read_date("10 Oct 2026")
(datetime.date(2026, 10, 10), datetime.date(2026, 10, 10), datetime.date(2026, 10, 10))
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import InputError, TermError

__all__ = ["read_amount", "read_rate", "read_date", "normalize_word", "RATE_KINDS", "AMOUNT_LIMIT"]

#: The largest amount any field may hold: far above any household's figures, small enough that every
#: calculation stays exact in Decimal arithmetic.
AMOUNT_LIMIT = Decimal("1e12")

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋／：　（）", "0123456789.,%-+/: ()")
_UNITS = {"万": Decimal(10000), "千": Decimal(1000), "百": Decimal(100), "亿": Decimal(10) ** 8,
          "w": Decimal(10000), "k": Decimal(1000)}
_CURRENCY_PREFIX = re.compile(r"^(?:¥|￥|cny|rmb|人民币)\s*", re.I)
_CURRENCY_SUFFIX = re.compile(r"\s*(?:元|块钱|块|圆|人民币|cny|rmb|yuan)$", re.I)
_PLAIN = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_EUROPEAN = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^[+-]?\d+,\d{1,2}$")
#: One to three digits, a point and exactly three digits: ``20.000`` is 20 with a point before decimals, and
#: 20,000 where a point separates thousands. Refused everywhere (file, app, command line), naming both.
_DOT_THREE = re.compile(r"^([+-]?)([1-9]\d{0,2})\.(\d{3})$")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}


def _text(value: Any) -> str:
    return str(value).translate(_FULLWIDTH).strip()


def _plain_number(text: str, value: Any) -> Decimal:
    """A number with an optional unit suffix (万/千/k/w) and correct thousands separators."""
    unit = Decimal(1)
    lowered = text.lower()
    if lowered and lowered[-1] in _UNITS:
        unit, text = _UNITS[lowered[-1]], text[:-1].strip()
    text = text.replace(" ", "")
    dot_three = _DOT_THREE.match(text) if unit == 1 else None
    if dot_three:
        sign, whole, part = dot_three.groups()
        small = Decimal(f"{sign}{whole}.{part}").normalize()
        raise TermError("problem_amount_dot_three", value=value, small=format(small, "f"),
                        large=f"{sign}{whole}{part}", large_grouped=f"{sign}{whole},{part}")
    if _GROUPED.match(text):
        text = text.replace(",", "")
    elif _EUROPEAN.match(text) and not _PLAIN.match(text):
        raise TermError("problem_amount_ambiguous", value=value)
    if not _PLAIN.match(text):
        raise TermError("problem_not_an_amount", value=value)
    try:
        number = Decimal(text) * unit
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise TermError("problem_not_an_amount", value=value) from None
    if unit != 1 and abs(number) <= AMOUNT_LIMIT:  # 1.5万 is 15000, not 15000.0
        number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
    return number


def read_amount(value: Any) -> Decimal:
    """An amount of money as written: ``20000``, ``"20,000"``, ``"1.5万"``, ``"5千"``, ``"5000元"``,
    ``"¥5,000"``, full-width digits, ``"1，800"``. Exact, not rounded; ``-0`` reads as ``0``.

    This is the one reader of amounts people type, used for profile files, the app and the command line
    (and by :func:`debtplan.core.money.money` for text). A point followed by exactly three digits after one to
    three digits (``20.000``, ``9.500``) could be a decimal point or a thousands separator: it is refused with
    ``problem_amount_dot_three``, whose ``small`` and ``large`` name both readings (``20`` and ``20000``).

    Raises TermError: ``problem_not_an_amount``, ``problem_amount_ambiguous`` (``2.000,50``),
    ``problem_amount_dot_three`` (``20.000``) or ``problem_amount_too_large`` (above :data:`AMOUNT_LIMIT`).

    >>> read_amount("2.000,50")
    Traceback (most recent call last):
    ...
    debtplan.core.errors.TermError: problem_amount_ambiguous
    >>> read_amount("20.000")
    Traceback (most recent call last):
    ...
    debtplan.core.errors.TermError: problem_amount_dot_three
    >>> read_amount("1,234.565"), read_amount("0.500"), read_amount("1234.565")
    (Decimal('1234.565'), Decimal('0.500'), Decimal('1234.565'))
    """
    if isinstance(value, bool) or value is None:
        raise TermError("problem_not_an_amount", value=value)
    if isinstance(value, int):
        number = Decimal(value) if abs(value) <= 10 ** 15 else None
        if number is None:
            raise TermError("problem_amount_too_large", value=value, limit=AMOUNT_LIMIT)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise TermError("problem_not_an_amount", value=value)
        number = Decimal(str(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise TermError("problem_not_an_amount", value=value)
        number = value
    elif isinstance(value, str):
        text = _text(value).replace("，", ",")
        if len(text) > 40:
            raise TermError("problem_not_an_amount", value=value)
        text = _CURRENCY_SUFFIX.sub("", _CURRENCY_PREFIX.sub("", text)).strip()
        number = _plain_number(text, value)
    else:
        raise TermError("problem_not_an_amount", value=value)
    if abs(number) > AMOUNT_LIMIT:
        raise TermError("problem_amount_too_large", value=value, limit=AMOUNT_LIMIT)
    return number if number else Decimal(0)  # drops a negative zero


# ------------------------------------------------------------------------------------------------ rates

RATE_KINDS = ("daily", "monthly", "annual")
_DAILY_WORDS = ("日息", "日利率", "日利息", "日费率", "日", "每天", "每日", "/天", "/日", "天", "a day", "per day",
                "/day", "daily")
_MONTHLY_WORDS = ("月息", "月利率", "月费率", "月费", "每月", "/月", "月", "a month", "per month", "/month", "monthly")
_ANNUAL_WORDS = ("年化利率", "年化", "年利率", "年息", "年费率", "每年", "/年", "年", "apr", "a year", "per year", "/year",
                 "annual", "yearly", "p.a.")


def _cn_number(text: str) -> Decimal | None:
    """``四`` -> 4, ``十二`` -> 12, ``三点五`` -> 3.5, ``2.5`` -> 2.5 (small numbers as used in 万四, 月息一分)."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    whole, _, frac = text.partition("点")
    value = 0
    if whole:
        if "十" in whole:
            tens, _, ones = whole.partition("十")
            if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
                return None
            value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
        elif len(whole) == 1 and whole in _CN_DIGITS:
            value = _CN_DIGITS[whole]
        else:
            return None
    digits = ""
    for ch in frac:
        if ch not in _CN_DIGITS:
            return None
        digits += str(_CN_DIGITS[ch])
    return Decimal(f"{value}.{digits}") if digits else Decimal(value)


def _strip_words(text: str, words: tuple[str, ...]) -> tuple[str, bool]:
    found = False
    for w in words:
        if w in text:
            text, found = text.replace(w, " "), True
    return text.strip(), found


def read_rate(value: Any, kind: str) -> Decimal:
    """A rate as written, for a field of ``kind`` (``daily``, ``monthly`` or ``annual``), as a decimal fraction.

    Accepted: a fraction (``0.0004``), a percentage (``"0.04%"``), 万分之 notation (``"万四"``, ``"日息万四"``,
    ``"万分之五"``, ``"万2.5"``), a labelled percentage (``"0.04%/天"``, ``"日息0.05%"``, ``"年化18%"``,
    ``"月息0.6%"``). A rate labelled with another period than ``kind`` raises ``problem_rate_other_kind``
    with ``written`` set to the kind it names, so the caller can point at the right key; nothing is converted
    silently.

    >>> read_rate("万五", "daily"), read_rate("18%", "annual"), read_rate("月息0.6%", "monthly")
    (Decimal('0.0005'), Decimal('0.18'), Decimal('0.006'))
    >>> read_rate("年化18%", "daily")
    Traceback (most recent call last):
    ...
    debtplan.core.errors.TermError: problem_rate_other_kind
    """
    if kind not in RATE_KINDS:
        raise InputError(kind)
    if isinstance(value, bool) or value is None:
        raise TermError("problem_not_a_rate", value=value)
    if isinstance(value, (int, float, Decimal)):
        try:
            number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        except (InvalidOperation, ValueError):
            raise TermError("problem_not_a_rate", value=value) from None
        if not number.is_finite():
            raise TermError("problem_not_a_rate", value=value)
        return number
    if not isinstance(value, str):
        raise TermError("problem_not_a_rate", value=value)
    text = _text(value).lower().replace(" ", "")
    if len(text) > 40 or not text:
        raise TermError("problem_not_a_rate", value=value)
    written = None
    for name, words in (("annual", _ANNUAL_WORDS), ("monthly", _MONTHLY_WORDS), ("daily", _DAILY_WORDS)):
        text, found = _strip_words(text, tuple(w.replace(" ", "") for w in words))  # spaces are gone already
        if found and written is None:
            written = name
    text = text.replace(" ", "").replace("利率", "").replace("利息", "").replace("息", "")
    number = None
    m = re.fullmatch(r"万分之(.+)|万(.+)", text)
    if m:
        n = _cn_number(m.group(1) or m.group(2))
        if n is not None:
            number = n / 10000
            written = written or "daily"  # 万四 is how daily rates are said
    elif text.endswith("%") or text.endswith("‰"):
        try:
            number = Decimal(text[:-1]) / (100 if text.endswith("%") else 1000)
        except InvalidOperation:
            number = None
    else:
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite():
        raise TermError("problem_not_a_rate", value=value)
    if written is not None and written != kind:
        raise TermError("problem_rate_other_kind", value=value, written=written)
    return number


# ------------------------------------------------------------------------------------------------ dates

_DATE = re.compile(r"^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*(?:日|号)?$")
_MONTHS = {name: n for n, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
#: ``25 Oct 2026``, ``25 October 2026`` (how the English pages show a date) and ``Oct 25, 2026``.
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")


def _date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written with digits or an English month name; None when it is neither."""
    m = _DATE.match(text)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    text = re.sub(r"\s+", " ", text.lower())
    m = _DAY_MONTH_YEAR.match(text)
    if m and m.group(2) in _MONTHS:
        return int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1))
    m = _MONTH_DAY_YEAR.match(text)
    if m and m.group(1) in _MONTHS:
        return int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2))
    return None


def read_date(value: Any) -> _dt.date:
    """A date as written: ``2026-10-10``, ``2026/10/10``, ``2026.10.10``, ``2026年10月10日``, ``2026-1-5``, and in
    English as the pages show it, ``25 Oct 2026``, or ``25 October 2026``, ``Oct 25, 2026``.

    Raises TermError ``problem_not_a_date`` (also for days that do not exist, such as 2026-02-30).
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) <= 40:
        parts = _date_parts(_text(value))
        if parts:
            try:
                return _dt.date(*parts)
            except ValueError:
                pass
    raise TermError("problem_not_a_date", value=value)


def normalize_word(value: Any) -> str:
    """A word reduced for matching against the synonym table: full-width folded, lower case, no spaces,
    hyphens or underscores (``"Credit Card"``, ``"credit-card"`` and ``"credit_card"`` all match)."""
    return re.sub(r"[\s\-_·]", "", _text(value).lower())
