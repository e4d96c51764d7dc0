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

__all__ = ["DayCount", "NumberCount", "CallSummary", "summarise_calls", "summarise_days", "region_of",
           "matching_numbers", "threat_suggestions", "import_record", "imported_summary", "kept_entries"]


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
    first: _dt.date  # the first and last day it called
    last: _dt.date


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
    by_day_number: dict[tuple[_dt.date, str], list[PhoneCall]] = defaultdict(list)
    shown: dict[str, str] = {}
    for c in picked:
        key = number_key(c.number)
        shown.setdefault(key, c.number)
        by_day_number[(c.at.date(), key)].append(c)
    days = [DayCount(day, key, len(group), sum(c.kind in UNANSWERED or not c.answered for c in group),
                     sum(c.night for c in group)) for (day, key), group in by_day_number.items()]
    return summarise_days(days, shown, limit=limit, start=start, end=end)


def summarise_days(days: Iterable[DayCount], shown: dict[str, str], *, limit: int | None = None,
                   start: _dt.date | None = None, end: _dt.date | None = None) -> CallSummary:
    """The summary of counts per number and day (from a phone's log, or as kept in the profile): ``shown``
    gives each number_key as her phone wrote it. Counts of the same day and number are added."""
    merged: dict[tuple[_dt.date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for d in days:
        if (start is None or d.day >= start) and (end is None or d.day <= end):
            row = merged[(d.day, d.number)]
            row[0] += d.calls
            row[1] += d.unanswered
            row[2] += d.night
    out_days = tuple(DayCount(day, key, *row) for (day, key), row in sorted(merged.items()))
    by_number: dict[str, list[DayCount]] = defaultdict(list)
    for d in out_days:
        by_number[d.number].append(d)

    def add(group: Sequence[DayCount]) -> tuple[int, int, int]:
        return sum(d.calls for d in group), sum(d.unanswered for d in group), sum(d.night for d in group)

    numbers_out = []
    for key, group in by_number.items():
        number = shown.get(key, key)
        zh, en = region_of(number)
        numbers_out.append(NumberCount(key, number, zh, en, *add(group), group[0].day, group[-1].day))
    numbers_out.sort(key=lambda n: (-n.calls, n.number))
    first = start or (out_days[0].day if out_days else None)
    last = end or (max(d.day for d in out_days) if out_days else None)
    per_day = []
    if first and last:
        totals: dict[_dt.date, list[int]] = defaultdict(lambda: [0, 0, 0])
        for d in out_days:
            row = totals[d.day]
            row[0] += d.calls
            row[1] += d.unanswered
            row[2] += d.night
        day = first
        while day <= last:
            per_day.append((day, *totals.get(day, [0, 0, 0])))
            day += _dt.timedelta(days=1)
    # The convention counts unanswered calls a day to one number: a day is over when one number passes it.
    worst: dict[_dt.date, int] = defaultdict(int)
    for d in out_days:
        worst[d.day] = max(worst[d.day], d.unanswered)
    over = tuple(sorted(day for day, n in worst.items() if limit is not None and n > limit))
    regions = Counter()
    names = {}
    for n in numbers_out:
        regions[n.region_zh] += n.calls
        names[n.region_zh] = n.region_en
    total, unanswered, night = add(out_days)
    return CallSummary(first, last, total, unanswered, night, tuple(numbers_out), out_days, tuple(per_day), limit,
                       over, tuple((zh, names[zh], k) for zh, k in regions.most_common() if zh))


def import_record(file_name: str, sha256: str, summary: CallSummary, creditor: str, *, label: str = "",
                  contacted: str = "borrower", imported: _dt.date | None = None) -> dict:
    """What the profile keeps of an imported export (``call_imports:``): the file's name and hash, the period,
    and per number the counts per day; never a call itself."""
    from ..core.calls import day_counts_text

    numbers = []
    for n in sorted(summary.numbers, key=lambda n: n.number):
        days = [(d.day, d.calls, d.unanswered, d.night) for d in summary.days if d.number == n.number]
        numbers.append({"phone": n.shown, **({"region": n.region_zh} if n.region_zh else {}),
                        "days": day_counts_text(days)})
    record = {"file": file_name, "sha256": sha256, "creditor": creditor}
    if label:
        record["label"] = label
    record["contacted"] = contacted
    if summary.start:
        record["first_day"] = summary.start.isoformat()
    if summary.end:
        record["last_day"] = summary.end.isoformat()
    if imported:
        record["imported"] = imported.isoformat()
    record["numbers"] = numbers
    return record


def imported_summary(imports: Iterable, creditor: str, *, limit: int | None = None,
                     contacted: str | None = None) -> CallSummary:
    """The summary of the counts kept in the profile (:class:`~debtplan.core.calls.CallImport` records) for
    ``creditor`` (and only those of the person ``contacted`` when given): what the letters and the report show.
    The same file is never counted twice (a repeated hash is skipped)."""
    days, shown, seen = [], {}, set()
    for imp in imports:
        if imp.creditor != creditor or imp.sha256 in seen or (contacted is not None and imp.contacted != contacted):
            continue
        seen.add(imp.sha256)
        for n in imp.numbers:
            key = number_key(n.number)
            shown.setdefault(key, n.number)
            days += [DayCount(day, key, calls, unanswered, night) for day, calls, unanswered, night in n.days]
    return summarise_days(days, shown, limit=limit)


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


def kept_entries(calls: Iterable[PhoneCall], messages: Iterable[TextMessage], numbers: Iterable[str],
                 creditor: str, keep: Iterable[_dt.datetime], threats: Iterable[_dt.datetime] = (), *,
                 contacted: str = "borrower", evidence: str = "") -> tuple[list[dict], list[_dt.datetime]]:
    """The calls and messages she picked (by their time, to the minute) from ``numbers``, as entries of the
    collection log (``collections:``), and the picked times that match none. A message's text is kept as what
    was said; ``threats`` are the ones she marked as threats herself (nothing is marked for her)."""
    wanted = {number_key(n) for n in numbers if number_key(n)}
    minute = lambda at: at.replace(second=0, microsecond=0)  # noqa: E731
    threat_at = {minute(at) for at in threats}
    picked = {minute(at) for at in keep} | threat_at
    found, entries = set(), []
    items = [(c.at, c.number, "phone", "") for c in calls if _towards_her(c)]
    items += [(m.at, m.number, "sms", m.body) for m in messages if m.kind == "received"]
    for at, number, channel, body in sorted(items, key=lambda x: x[0]):
        if minute(at) in picked and number_key(number) in wanted:
            found.add(minute(at))
            entry = {"at": at.strftime("%Y-%m-%d %H:%M"), "creditor": creditor, "channel": channel,
                     "contacted": contacted, "caller": number}
            if body:
                entry["said"] = body
            if minute(at) in threat_at:
                entry["threats"] = True
            if evidence:
                entry["evidence"] = evidence
            entries.append(entry)
    return entries, sorted(picked - found)
