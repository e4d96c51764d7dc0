"""The profile reader's tools: a :class:`Reader` that reads values as people write them and records every
problem instead of raising at the first one, record lists with stable ids, and :func:`read_fields`, which reads
the fields the schema (:mod:`debtplan.core.schema`) marks as generic without code of their own.

>>> r = Reader("", load_words())
>>> read_fields(r, {"kind": "guarantee", "amount": "200元", "timing": "start"}, "debts[0].fees[0]", "fees")
{'kind': 'guarantee', 'amount': Decimal('200'), 'timing': 'start'}
>>> read_fields(r, {"amount": "-1"}, "debts[0].fees[0]", "fees")["amount"], [p.code for p in r.problems]
(None, ['problem_negative'])
"""
from __future__ import annotations

import datetime as _dt
import difflib
import hashlib
import json
import re
from decimal import Decimal
from typing import Any

from ..core.errors import InputError, Problem, TermError
from ..core.model import RECORD_LISTS, RECORD_TYPES
from ..core.schema import EARLIEST_YEAR, LATEST_YEAR, NAME_LIMIT, Field, fields_of
from ..core.terms import read_amount, read_date, read_rate
from .words import Words, load_words

__all__ = ["Reader", "record_id", "records", "read_fields", "read_value", "parse_moment", "EARLIEST", "LATEST"]

EARLIEST, LATEST = _dt.date(EARLIEST_YEAR, 1, 1), _dt.date(LATEST_YEAR, 12, 31)


class Reader:
    """Reads values and records problems instead of raising at the first one."""

    def __init__(self, source: str, words: Words):
        self.source = source
        self.words = words
        self.problems: list[Problem] = []

    def problem(self, path: str, code: str, value: Any = None, **params: Any) -> None:
        self.problems.append(Problem(path, "", value, self.source, code, params))

    @staticmethod
    def at(path: str, key: str) -> str:
        return f"{path}.{key}" if path else key

    def keys(self, data: dict, path: str, allowed: set[str]) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                where = self.at(path, str(key))
                if close:
                    self.problem(where, "problem_unknown_key_close", data[key], name=str(key), close_field=close[0])
                else:
                    self.problem(where, "problem_unknown_key", data[key], name=str(key), known=", ".join(sorted(allowed)))

    def mapping(self, value: Any, path: str) -> dict:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(path, "problem_not_a_group", value)
            return {}
        return value

    def creditor(self, data: dict, path: str, known: set[str]) -> str:
        """A record's ``creditor``: required, and one of the debts' names when there are any."""
        c = self.text(data, "creditor", path, required=True)
        if c and known and c not in known:
            self.problem(f"{path}.creditor", "problem_unknown_creditor", c, known="、".join(sorted(known)))
        return c

    def listing(self, value: Any, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(path, "problem_not_a_list", value)
            return []
        return value

    def amount(self, data: dict, key: str, path: str, *, default: Any = None, required: bool = False,
               positive: bool = False, high: Decimal | None = None) -> Decimal | None:
        where = self.at(path, key)
        if key not in data or data[key] is None or data[key] == "":
            if required:
                self.problem(where, "problem_missing_amount")
            return default
        try:
            value = read_amount(data[key])
        except TermError as exc:
            self.problem(where, exc.code, data[key], **{k: v for k, v in exc.params.items() if k != "value"})
            return default
        if positive and value <= 0:
            self.problem(where, "problem_not_positive", data[key])
            return default
        if value < 0:
            self.problem(where, "problem_negative", data[key])
            return default
        if high is not None and value > high:
            self.problem(where, "problem_amount_above", data[key], high=high)
            return default
        return value

    def rate(self, data: dict, key: str, path: str, kind: str, low: Decimal, high: Decimal, example: str,
             *, other_key: str = "", exclusive_low: bool = False) -> Decimal | None:
        """A rate of ``kind`` (daily, monthly, annual, share, number) within [low, high]."""
        where = self.at(path, key)
        if key not in data or data[key] is None or data[key] == "":
            return None
        try:
            value = read_rate(data[key], kind if kind in ("daily", "monthly", "annual") else "annual") \
                if kind != "number" else read_amount(data[key])
        except TermError as exc:
            if exc.code == "problem_rate_other_kind":
                written = exc.params["written"]
                if other_key:
                    self.problem(where, "problem_rate_use_other_key", data[key], written_kind=written,
                                 other_field=other_key)
                else:
                    self.problem(where, "problem_rate_other_kind", data[key], written_kind=written,
                                 example_kind=example)
            else:
                self.problem(where, "problem_not_a_rate", data[key], example_kind=example)
            return None
        if not (low <= value <= high) or (exclusive_low and value == low):
            self.problem(where, "problem_rate_range", data[key], example_kind=example)
            return None
        return value

    def integer(self, data: dict, key: str, path: str, low: int, high: int, default: int | None) -> int | None:
        where = self.at(path, key)
        value = data.get(key)
        if value is None:
            return default
        if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 12:
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not (low <= value <= high):
            self.problem(where, "problem_whole_number", data.get(key), low=low, high=high)
            return default
        return value

    def date(self, data: dict, key: str, path: str, required: bool = False) -> _dt.date | None:
        where = self.at(path, key)
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(where, "problem_missing_date")
            return None
        try:
            day = read_date(value)
        except TermError:
            self.problem(where, "problem_not_a_date", value)
            return None
        if not (EARLIEST <= day <= LATEST):
            self.problem(where, "problem_date_range", value, low=EARLIEST.year, high=LATEST.year)
            return None
        return day

    def text(self, data: dict, key: str, path: str, required: bool = False, default: str = "",
             limit: int = NAME_LIMIT) -> str:
        where = self.at(path, key)
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(where, "problem_missing_text")
            return default
        if isinstance(value, (dict, list, set, tuple, bytes)):
            self.problem(where, "problem_not_text", value)
            return default
        text = str(value).strip()
        if len(text) > limit:
            self.problem(where, "problem_text_too_long", None, limit=limit, length=len(text))
            return default
        return text

    def choice(self, data: dict, key: str, path: str, kind: str, choices: tuple, default: str,
               required: bool = False) -> str:
        """A code from ``choices``, read through the synonym table of ``kind`` (e.g. 蚂蚁借呗 -> jiebei,
        家人 -> family). Missing: ``default``, reported as a problem when ``required``."""
        where = self.at(path, key)
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(where, "problem_missing_choice", None, choices_kind=kind)
            return default
        code = self.words.lookup(kind, value) if kind in self.words.index else \
            (value.strip() if isinstance(value, str) else None)
        if code is None or code not in choices:
            self.problem(where, "problem_not_a_choice", value, choices_kind=kind)
            return default
        return code

    def moment(self, data: dict, key: str, path: str, required: bool = False) -> _dt.datetime | _dt.date | None:
        """A date with an optional time (see :func:`parse_moment`)."""
        value = data.get(key)
        if value is None or value == "":
            if required:
                self.problem(self.at(path, key), "problem_missing_moment")
            return None
        try:
            return parse_moment(value)
        except ValueError:
            self.problem(self.at(path, key), "problem_not_a_moment", value)
            return None

    def flag(self, data: dict, key: str, path: str, default: bool = False) -> bool:
        value = data.get(key, default)
        if isinstance(value, str) and value.strip().lower() in ("是", "yes", "y", "true", "对"):
            return True
        if isinstance(value, str) and value.strip().lower() in ("否", "no", "n", "false", "不"):
            return False
        if not isinstance(value, bool):
            self.problem(self.at(path, key), "problem_not_yes_no", value)
            return default
        return value


_TIME = re.compile(r"^\s*(.+?)(?:[ T]+(\d{1,2})[:：](\d{2})(?::(\d{2}))?)?\s*$")


def parse_moment(value: Any) -> _dt.datetime | _dt.date:
    """A date with a time (``2026-11-20 21:30``, ``T`` or a space between, seconds allowed; the date written any
    way the profile accepts, e.g. ``2026年11月20日 21:30``) as a datetime; a date alone as a date.
    Raises :class:`InputError` (a ValueError) otherwise.

    >>> parse_moment("2026-11-20 21:30"), parse_moment("2026-11-20"), parse_moment("2026年11月20日 7:05")
    (datetime.datetime(2026, 11, 20, 21, 30), datetime.date(2026, 11, 20), datetime.datetime(2026, 11, 20, 7, 5))
    """
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value
    m = _TIME.match(str(value))
    if not m:
        raise InputError(f"{value!r} is not a date and time")
    try:
        day = read_date(m.group(1))
    except TermError:
        raise InputError(f"{value!r} is not a date and time") from None
    if m.group(2) is None:
        return day
    return _dt.datetime(day.year, day.month, day.day, int(m.group(2)), int(m.group(3)), int(m.group(4) or 0))


def record_id(prefix: str, entry: Any, taken: set[str]) -> str:
    """A stable id for a record written without one: the same content always gets the same id, so a file
    read twice gives the same ids until it is saved with them.

    >>> record_id("c", {"date": "2026-11-20", "creditor": "借呗"}, set())
    'c-e5a2fe3a'
    """
    canonical = json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str)
    base = f"{prefix}-{hashlib.sha1(canonical.encode('utf-8')).hexdigest()[:8]}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def records(r: Reader, data: dict, key: str, allowed: set[str]) -> list[tuple[str, dict, str]]:
    """The record list ``data[key]`` as (path, mapping, id) per record: a list of mappings with only the
    ``allowed`` keys, each with its id (see :func:`_ids`); every problem goes to ``r``."""
    raw = r.listing(data.get(key), key)
    ids = _ids(r, raw, key)
    out = []
    for i, item in enumerate(raw):
        where = f"{key}[{i}]"
        d = r.mapping(item, where)
        r.keys(d, where, allowed)
        out.append((where, d, ids[i]))
    return out


def _ids(r: Reader, items: list, key: str) -> list[str]:
    """The id of each record of ``items`` (given, or derived from its content); a repeated id is a problem."""
    prefix = RECORD_LISTS[key]
    given: dict[str, int] = {}
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") is not None:
            value = item["id"]
            if not isinstance(value, (str, int)) or isinstance(value, bool) or not str(value).strip() \
                    or len(str(value)) > 64:
                r.problem(f"{key}[{i}].id", "problem_id_not_text", value)
            elif str(value) in given:
                r.problem(f"{key}[{i}].id", "problem_id_duplicate", value, other=given[str(value)] + 1)
            else:
                given[str(value)] = i
    taken, out = set(given), []
    for item in items:
        if isinstance(item, dict) and item.get("id") is not None and str(item["id"]) in given:
            out.append(str(item["id"]))
        else:
            content = {k: v for k, v in item.items() if k != "id"} if isinstance(item, dict) else item
            new = record_id(prefix, content, taken)
            taken.add(new)
            out.append(new)
    return out


#: The example sentence shown for a rate of each period when it is out of range.
EXAMPLES = {"daily": "example_daily", "annual": "example_annual", "monthly": "example_monthly_fee",
            "share": "example_share", "number": "example_multiplier"}


def read_value(r: Reader, data: dict, f: Field, path: str) -> Any:
    """The value of field ``f`` in ``data`` read by its kind and bounds (its default when missing or wrong;
    every problem goes to ``r``)."""
    if f.kind == "amount":
        got = r.amount(data, f.name, path, required=f.required, positive=f.positive, high=f.high)
    elif f.kind == "rate":
        got = r.rate(data, f.name, path, f.period, f.low, f.high, f.example or EXAMPLES[f.period], other_key=f.other)
    elif f.kind == "moment":
        got = r.moment(data, f.name, path, required=f.required)
    elif f.kind == "int":
        got = r.integer(data, f.name, path, f.low, f.high, None)
    elif f.kind == "date":
        got = r.date(data, f.name, path, required=f.required)
    elif f.kind == "choice":
        got = r.choice(data, f.name, path, f.words or f.name, f.choices, f.default, required=f.required)
    elif f.kind == "flag":
        got = r.flag(data, f.name, path, bool(f.default))
    elif f.kind == "amounts":  # a list of amounts, at most ``high`` of them (the last months of an income)
        where = r.at(path, f.name)
        items = r.listing(data.get(f.name), where)
        if len(items) > f.high:
            r.problem(where, "problem_too_many_months", None, limit=f.high)
            return ()
        amounts = []
        for j, v in enumerate(items):
            key = f"{f.name}[{j}]"
            if v is None:
                r.problem(r.at(path, key), "problem_missing_amount")
            elif (amount := r.amount({key: v}, key, path)) is not None:
                amounts.append(amount)
        return tuple(amounts)
    elif f.kind == "group":
        where = r.at(path, f.name)
        return RECORD_TYPES[f.section](**read_fields(r, r.mapping(data.get(f.name), where), where, f.section,
                                                     check_keys=True))
    elif f.kind == "list" and not path and f.name in RECORD_LISTS:  # a record list: each record with its id
        return tuple(RECORD_TYPES[f.section](id=rid, **read_fields(r, d, where, f.section))
                     for where, d, rid in records(r, data, f.name, {x.name for x in fields_of(f.section)}))
    elif f.kind == "list":
        got = tuple(RECORD_TYPES[f.section](**read_fields(r, r.mapping(item, f"{path}.{f.name}[{i}]"),
                                                           f"{path}.{f.name}[{i}]", f.section, check_keys=True))
                    for i, item in enumerate(r.listing(data.get(f.name), r.at(path, f.name))))
        return got
    else:
        got = r.text(data, f.name, path, required=f.required, default=f.default or "", limit=f.limit)
    return f.default if got is None else got


def read_fields(r: Reader, data: dict, path: str, section: str, check_keys: bool = False) -> dict[str, Any]:
    """The generic fields of ``section`` in ``data``, by name (see :func:`read_value`)."""
    if check_keys:
        r.keys(data, path, {f.name for f in fields_of(section)})
    return {f.name: read_value(r, data, f, path) for f in fields_of(section) if f.generic}
