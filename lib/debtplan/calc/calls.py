"""Count a lender's calls from her phone's own log: what a complaint needs ("87 calls in November, 14 after 22:00").

Only calls to her (taken, missed, rejected, blocked, to voicemail) from the numbers she marked as that lender's
are counted; her own calls out are not. Per number and per day: calls, unanswered calls, calls between 22:00 and
08:00; the days on which the lender's unanswered calls passed a convention's daily limit (given, with its
source, by the caller: this module reads no files); and where each number is registered (landline area codes
and mobile number blocks, from the ``phonenumbers`` library's geocoder, a maintained table).
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..core.calls import UNANSWERED, PhoneCall, TextMessage, number_key

__all__ = ["DayCount", "NumberCount", "CallSummary", "summarise_calls", "region_of", "matching_numbers",
           "threat_suggestions"]


@dataclass(frozen=True)
class DayCount:
    day: _dt.date
    number: str  # number_key
    calls: int
    unanswered: int
    night: int


@dataclass(frozen=True)
class NumberCount:
    number: str  # number_key
    shown: str  # as her phone wrote it (first seen)
    region_zh: str
    region_en: str
    calls: int
    unanswered: int
    night: int
    first: _dt.datetime
    last: _dt.datetime


@dataclass(frozen=True)
class CallSummary:
    start: _dt.date | None
    end: _dt.date | None
    calls: int
    unanswered: int
    night: int
    numbers: tuple[NumberCount, ...]  # most calls first
    days: tuple[DayCount, ...]  # by day, then number
    per_day: tuple[tuple[_dt.date, int, int, int], ...]  # (day, calls, unanswered, night), every day of the period
    limit: int | None  # unanswered calls a day the convention allows (None: no limit checked)
    days_over_limit: tuple[_dt.date, ...]
    regions: tuple[tuple[str, str, int], ...]  # (zh, en, calls), most calls first


def region_of(number: str) -> tuple[str, str]:
    """Where a Chinese number is registered, in Chinese and English (``("", "")`` when unknown: a short service
    number, a foreign or a malformed one).

    >>> region_of("021-5432 1765")
    ('上海市', 'Shanghai')
    >>> region_of("95188")
    ('', '')
    """
    import phonenumbers
    from phonenumbers import geocoder

    try:
        parsed = phonenumbers.parse(str(number), "CN")
    except phonenumbers.NumberParseException:
        return "", ""
    if not phonenumbers.is_valid_number(parsed):
        return "", ""
    zh, en = geocoder.description_for_number(parsed, "zh"), geocoder.description_for_number(parsed, "en")
    return ("", "") if zh in ("", "中国") else (zh, en)


def _towards_her(call: PhoneCall) -> bool:
    return call.kind != "outgoing"


def summarise_calls(calls: Iterable[PhoneCall], numbers: Iterable[str], *, limit: int | None = None,
                    start: _dt.date | None = None, end: _dt.date | None = None) -> CallSummary:
    """Count the calls to her from ``numbers`` (any way of writing them), between ``start`` and ``end`` when
    given (inclusive). ``limit``: the unanswered calls a day a convention allows; days above it are listed."""
    wanted = {number_key(n) for n in numbers if number_key(n)}
    picked = [c for c in calls if _towards_her(c) and number_key(c.number) in wanted
              and (start is None or c.at.date() >= start) and (end is None or c.at.date() <= end)]
    by_number: dict[str, list[PhoneCall]] = defaultdict(list)
    by_day_number: dict[tuple[_dt.date, str], list[PhoneCall]] = defaultdict(list)
    for c in picked:
        key = number_key(c.number)
        by_number[key].append(c)
        by_day_number[(c.at.date(), key)].append(c)

    def counts(group: Sequence[PhoneCall]) -> tuple[int, int, int]:
        return len(group), sum(c.kind in UNANSWERED or not c.answered for c in group), sum(c.night for c in group)

    numbers_out = []
    for key, group in by_number.items():
        zh, en = region_of(group[0].number)
        total, unanswered, night = counts(group)
        numbers_out.append(NumberCount(key, group[0].number, zh, en, total, unanswered, night,
                                       min(c.at for c in group), max(c.at for c in group)))
    numbers_out.sort(key=lambda n: (-n.calls, n.number))
    days = tuple(DayCount(day, key, *counts(group)) for (day, key), group in sorted(by_day_number.items()))
    first = start or (min(c.at.date() for c in picked) if picked else None)
    last = end or (max(c.at.date() for c in picked) if picked else None)
    per_day = []
    if first and last:
        totals: dict[_dt.date, list[int]] = defaultdict(lambda: [0, 0, 0])
        for d in days:
            row = totals[d.day]
            row[0] += d.calls
            row[1] += d.unanswered
            row[2] += d.night
        day = first
        while day <= last:
            per_day.append((day, *totals.get(day, [0, 0, 0])))
            day += _dt.timedelta(days=1)
    over = tuple(d for d, _, unanswered, _ in per_day if limit is not None and unanswered > limit)
    regions = Counter()
    names = {}
    for n in numbers_out:
        regions[n.region_zh] += n.calls
        names[n.region_zh] = n.region_en
    total, unanswered, night = counts(picked)
    return CallSummary(first, last, total, unanswered, night, tuple(numbers_out), days, tuple(per_day), limit,
                       over, tuple((zh, names[zh], k) for zh, k in regions.most_common() if zh))


def matching_numbers(calls: Iterable[PhoneCall], known: Iterable[str]) -> list[str]:
    """The numbers in her phone's log that are already in her own records (so the form can tick them)."""
    wanted = {number_key(k) for k in known if number_key(k)}
    seen: dict[str, str] = {}
    for c in calls:
        key = number_key(c.number)
        if key in wanted and key not in seen:
            seen[key] = c.number
    return sorted(seen.values(), key=number_key)


def threat_suggestions(messages: Iterable[TextMessage], numbers: Iterable[str],
                       words: Sequence[str]) -> list[tuple[TextMessage, tuple[str, ...]]]:
    """The messages received from ``numbers``, each with the words of ``words`` it contains: suggestions for her
    to read and confirm, never a finding (a word such as 起诉 can be a plain statement of a lawful step)."""
    wanted = {number_key(n) for n in numbers if number_key(n)}
    out = []
    for m in messages:
        if m.kind == "received" and number_key(m.number) in wanted:
            out.append((m, tuple(w for w in words if w and w.lower() in m.body.lower())))
    return out
