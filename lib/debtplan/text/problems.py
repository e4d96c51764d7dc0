"""Problems in a profile, said in the reader's language: where ("第2笔欠款（花呗）的日利率" / "debt 2 (Huabei),
daily rate") and what to do about it. The technical path (``debts[1].daily_rate``) is kept for JSON output only.

>>> from debtplan.core.errors import Problem
>>> p = Problem("debts[1].daily_rate", "", "5%", "", "problem_rate_range", {"example_kind": "example_daily"},
...             {"debts[1]": "花呗"})
>>> problem_text(p, "zh")
'第2笔欠款（花呗）的日利率：“5%”超出了合理范围。日利率可以写成 0.0004、0.04% 或 万四（每天万分之四），应在 0 到每天 1% 之间。'
>>> problem_text(p, "en")
"debt 2 (花呗), daily rate: '5%' is outside the possible range. Write a daily rate as 0.0004 or 0.04% (0.04% a day); it must be from 0 to 1% a day."
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any, Iterable

from ..core.dates import day_of, days_out_of_date
from ..core.errors import Problem, ProfileError
from ..core.schema import SECTIONS, group_key, happened_dates, place_key
from .i18n import _lang, date_text, t

__all__ = ["problem_text", "place_text", "field_problem_text", "problems_text", "problem_record", "error_text",
           "conflict_text", "out_of_date_text", "after_as_of_texts", "PLACE_KEYS", "GROUP_KEYS", "FIELD_KEYS"]

_ALL_FIELDS = [f for fields in SECTIONS.values() for f in fields]
RECORD_SECTIONS = {f.name for f in SECTIONS[""] if f.kind == "list"}
#: Lists whose entries are numbered ("第2笔欠款" / "debt 2"), groups of keys, and every key a profile may hold,
#: each with the sentence key that names it (from the profile's schema).
PLACE_KEYS = {f.name: place_key(f.name) for f in _ALL_FIELDS if f.kind in ("list", "amounts", "fee_table")}
GROUP_KEYS = {f.name: group_key(f.name) for f in _ALL_FIELDS if f.kind == "group"}
FIELD_KEYS = {f.name: f.label for f in _ALL_FIELDS if f.name not in GROUP_KEYS and f.name not in RECORD_SECTIONS}
RATE_KIND_KEYS = {"daily": "rate_kind_daily", "monthly": "rate_kind_monthly", "annual": "rate_kind_annual"}
CHOICE_KEYS = {f.words or f.name: f"choices_{f.words or f.name}" for f in _ALL_FIELDS if f.kind == "choice"}
EXAMPLE_KEYS = ("example_daily", "example_annual", "example_monthly_fee", "example_share", "example_fee_total",
                "example_buffer", "example_stress", "example_multiplier")

_SEGMENT = re.compile(r"([A-Za-z_]+)(?:\[([^\]]*)\])?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _shown(value: Any, limit: int = 40) -> str:
    """A value as the person wrote it, safe to print: control characters shown as ␀-style marks, cut long."""
    text = value if isinstance(value, str) else ("" if value is None else str(value))
    text = _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def place_text(problem: Problem, lang: str) -> str:
    """Where the problem is, in words: "第2笔欠款（花呗）的日利率" / "debt 2 (Huabei), daily rate" ("" for the file)."""
    zh = _lang(lang) == "zh"
    parts: list[str] = []
    prefix = ""
    segments = _SEGMENT.findall(problem.path or "")
    if problem.code in ("problem_unknown_key", "problem_unknown_key_close"):
        segments = segments[:-1]  # the message names the key itself
    for name, index in segments:
        prefix = f"{prefix}.{name}" if prefix else name
        if index != "":
            prefix += f"[{index}]"
            if name == "installment_fee_rates":
                parts.append(t(FIELD_KEYS[name], lang))
                parts.append(t("place_installment_fee_rates", lang, n=index))
                continue
            n = int(index) + 1 if index.isdigit() else index
            key = PLACE_KEYS.get(name)
            words = t(key, lang, n=n) if key else f"{name} {n}"
            label = problem.labels.get(prefix)
            if label:
                words += f"（{_shown(label, 20)}）" if zh else f" ({_shown(label, 20)})"
            parts.append(words)
        elif name in GROUP_KEYS:
            parts.append(t(GROUP_KEYS[name], lang))
        elif name in FIELD_KEYS:
            parts.append(t(FIELD_KEYS[name], lang))
        else:
            parts.append(f"“{_shown(name)}”" if zh else f"'{_shown(name)}'")
    return ("的" if zh else ", ").join(parts)


def _param(name: str, value: Any, lang: str) -> str:
    if name.endswith("_field"):
        key = FIELD_KEYS.get(str(value))
        return t(key, lang) if key else str(value)
    if name == "written_kind":
        return t(RATE_KIND_KEYS[value], lang)
    if name == "example_kind":
        return t(value, lang) if value in EXAMPLE_KEYS else ""
    if name == "choices_kind":
        return t(CHOICE_KEYS[value], lang)
    if isinstance(value, _dt.date):
        return date_text(value, lang)
    if isinstance(value, Decimal):
        return f"{value:,.2f}" if value != value.to_integral_value() or abs(value) >= 1000 else str(value)
    return str(value) if name == "known" else _shown(value, 60)


def field_problem_text(problem: Problem, lang: str) -> str:
    """What is wrong, without the place: for a message beside the field it belongs to."""
    if not problem.code:
        return problem.message
    params = {k: _param(k, v, lang) for k, v in problem.params.items()}
    return t(problem.code, lang, value=_shown(problem.value), **params)


def problem_text(problem: Problem, lang: str) -> str:
    """The place and what to do, in ``lang``."""
    place = place_text(problem, lang)
    what = field_problem_text(problem, lang)
    if not place:
        return what
    return f"{place}：{what}" if _lang(lang) == "zh" else f"{place}: {what}"


def problems_text(error: ProfileError | Iterable[Problem], lang: str | None = None) -> str:
    """Every problem of ``error``, one a line under a heading, in ``lang`` (default: the profile's own)."""
    problems = list(error.problems if isinstance(error, ProfileError) else error)
    lang = lang or (error.lang if isinstance(error, ProfileError) else "en")
    head = t("problems_head_one", lang) if len(problems) == 1 else t("problems_head", lang, count=len(problems))
    return "\n".join([head] + [f"  {problem_text(p, lang)}" for p in problems])


def problem_record(problem: Problem, lang: str) -> dict[str, Any]:
    """A problem for JSON output: the technical path beside the sentence."""
    return {"path": problem.path, "code": problem.code, "value": None if problem.value is None else str(problem.value),
            "place": place_text(problem, lang), "message": field_problem_text(problem, lang),
            "file": problem.source}


def error_text(error: BaseException, lang: str) -> str:
    """Any error of debtplan's, said for a reader of ``lang``: a profile's problems, a save that could not be
    done (:class:`~debtplan.core.errors.SaveError` with a sentence code), else the error's own message."""
    if isinstance(error, ProfileError):
        return problems_text(error, lang)
    code = getattr(error, "code", "")
    if code and code.startswith("problem_"):
        return t(code, lang, **{k: _shown(v, 200) for k, v in getattr(error, "params", {}).items()})
    return str(error)


def conflict_text(conflict: Any, lang: str) -> str:
    """A clash found when saving (:class:`debtplan.inputs.merge.Conflict`), said in words: the place, and for
    a record of what happened (a contact, a collection call, a letter, a payment) which side changed or removed
    it and that a merge never does that by itself."""
    place = place_text(Problem(conflict.path, "", None, "", ""), lang) or conflict.path
    if conflict.kind in ("evidence_removed", "evidence_changed"):
        record = conflict.base if isinstance(conflict.base, dict) else {}
        when = record.get("date") or record.get("at") or record.get("received") or ""
        label = " ".join(_shown(v, 20) for v in (when, record.get("creditor")) if v)
        key = "conflict_evidence_removed" if conflict.kind == "evidence_removed" else "conflict_evidence_changed"
        side = {"mine": "conflict_side_mine", "both": "conflict_side_both"}.get(conflict.side, "conflict_side_theirs")
        return t(key, lang, place=place, label=label or record.get("id", ""), side=t(side, lang))
    if conflict.kind == "list":
        return t("conflict_list", lang, place=place)
    return t("conflict_value", lang, place=place, mine=_shown(conflict.mine, 40), theirs=_shown(conflict.theirs, 40))


def out_of_date_text(as_of: _dt.date, lang: str, *, today: _dt.date | None = None, how: str = "cli") -> str:
    """What a reader must know when figures are computed to a date more than a week old (``""`` when they are
    not): the date, how many days ago, and how to use today: ``how`` is ``"cli"`` (the ``--today`` flag or
    leaving ``as_of`` out of the profile) or ``"app"`` (one button, labelled by the sentence ``stale_use_today``).

    >>> out_of_date_text(_dt.date(2026, 11, 20), "en", today=_dt.date(2026, 12, 4))[:60]
    'The figures here are as of 20 Nov 2026, 14 days ago. Charges'
    >>> out_of_date_text(_dt.date(2026, 11, 28), "en", today=_dt.date(2026, 12, 4))
    ''
    """
    days = days_out_of_date(as_of, today)
    if not days:
        return ""
    today = today or _dt.date.today()
    return (t("stale_figures", lang, date=date_text(as_of, lang), days=days, today=date_text(today, lang)) + ("" if lang == "zh" else " ")
            + t("stale_fix_app" if how == "app" else "stale_fix_cli", lang, iso=as_of.isoformat(),
                button=t("stale_use_today", lang)))


def after_as_of_texts(profile: Any, as_of: _dt.date, lang: str) -> list[str]:
    """One sentence for each record of ``profile`` that says something happened on a day after ``as_of`` (the
    date the figures are computed to), naming its place: such a record is accepted (it is not after today,
    or reading the profile would have refused it) but the figures do not count it yet."""
    out = []
    for key, field in happened_dates():
        for i, record in enumerate(getattr(profile, key)):
            value = getattr(record, field)
            if value is not None and day_of(value) > as_of:  # an optional date left empty happened on no day
                shown = value.strftime("%Y-%m-%d %H:%M") if isinstance(value, _dt.datetime) else value.isoformat()
                out.append(problem_text(Problem(f"{key}[{i}].{field}", "", shown, "", "notice_after_as_of",
                                                {"as_of": as_of}, {f"{key}[{i}]": record.creditor}), lang))
    return out
