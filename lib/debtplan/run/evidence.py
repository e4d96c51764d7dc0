"""``debtplan import-calls``: a phone's exported call log counted for one lender and kept as evidence.

The export is read on this computer and never copied: the profile gets the counts per number and day, the file's
name and SHA-256 and the entries she picks (:func:`debtplan.inputs.calls.save_call_import`). Every message is in
the profile's language.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import sys

from ..calc.collection import unanswered_call_limit
from ..calc.calls import import_record, kept_entries, matching_numbers, summarise_calls, threat_suggestions
from ..core.calls import CallFileError, number_key
from ..core.usertext import terminal_text
from ..inputs.callimport import save_call_import
from ..inputs.calls import read_phone_export
from ..inputs.rules import load_rules
from ..inputs.events import parse_moment
from ..inputs.files import read_mapping
from ..inputs.validate import profile_lang
from ..text.evidence import call_error_text, call_summary_sentences
from ..text.i18n import date_text, t

__all__ = ["import_calls", "suggested_numbers"]


def _say(text: str, err: bool = False) -> None:
    print(terminal_text(text), file=sys.stderr if err else sys.stdout)


def suggested_numbers(data: dict, creditor: str) -> list[str]:
    """The callers already in her collection log for ``creditor`` (the numbers a form ticks first)."""
    return [str(c.get("caller")) for c in data.get("collections") or []
            if isinstance(c, dict) and c.get("creditor") == creditor and number_key(str(c.get("caller") or ""))]


def _times(values: list[str], lang: str) -> list[_dt.datetime] | None:
    out = []
    for value in values:
        try:
            at = parse_moment(value)
        except ValueError:
            at = None
        if not isinstance(at, _dt.datetime):
            _say(t("calls_keep_unknown", lang, value=value), err=True)
            return None
        out.append(at)
    return out


def import_calls(args: argparse.Namespace) -> int:
    data = read_mapping(args.profile)
    lang = args.lang or profile_lang(data)
    try:
        export = read_phone_export(args.file)
    except CallFileError as exc:
        _say(f"debtplan import-calls: {call_error_text(exc, lang)}", err=True)
        return 2
    numbers = [n.strip() for n in args.numbers.replace("，", ",").split(",") if n.strip()]
    if not numbers:
        _say(t("calls_no_numbers", lang, creditor=args.creditor), err=True)
        known = matching_numbers(export.calls + tuple(export.messages), suggested_numbers(data, args.creditor))
        if known:
            _say(t("calls_suggest_log", lang, numbers=", ".join(known)))
        top = summarise_calls(export.calls, {c.number for c in export.calls}).numbers[:10]
        if top:
            _say(t("calls_suggest_top", lang, numbers=", ".join(f"{n.shown} ({n.calls})" for n in top)))
        return 2
    rules = load_rules()
    limit = unanswered_call_limit(rules.collection_rules)[0]
    summary = summarise_calls(export.calls, numbers, limit=limit)
    words = [str(w) for w in rules.evidence.get("threat_words", {}).get("words", [])]
    messages = threat_suggestions(export.messages, numbers, words)
    if not summary.calls and not messages:
        _say(t("calls_none_found", lang, file=export.file_name), err=True)
        return 2
    contacted = args.contacted or ("family" if args.label else "borrower")
    if args.list:
        _say(t("calls_list_title", lang))
        wanted = {number_key(n) for n in numbers}
        for c in export.calls:
            if number_key(c.number) in wanted and c.kind != "outgoing":
                night = f" [{t('calls_night_mark', lang)}]" if c.night else ""
                _say(f"{c.at:%Y-%m-%d %H:%M}  {c.number}  {c.kind} {c.seconds}s{night}")
        for m, found in messages:
            hint = f"  ({t('calls_threat_words', lang, words='、'.join(found))})" if found else ""
            _say(f"{m.at:%Y-%m-%d %H:%M}  {m.number}  {m.body}{hint}")
        return 0
    keep, threats = _times(args.keep, lang), _times(args.threat, lang)
    if keep is None or threats is None:
        return 2
    evidence = t("calls_imported_from", lang, file=export.file_name, sha=export.sha256[:12])
    entries, unknown = kept_entries(export.calls, export.messages, numbers, args.creditor, keep, threats,
                                    contacted=contacted, evidence=evidence)
    if unknown:
        _say(t("calls_keep_unknown", lang, value=f"{unknown[0]:%Y-%m-%d %H:%M}"), err=True)
        return 2
    record = import_record(export.file_name, export.sha256, summary, args.creditor, label=args.label,
                           contacted=contacted, imported=_dt.date.today())
    try:
        saved = save_call_import(args.profile, record, entries)
    except CallFileError as exc:
        _say(f"debtplan import-calls: {call_error_text(exc, lang)}", err=True)
        return 2
    if "already" in saved:
        day = saved["already"].get("imported")
        _say(t("calls_already", lang, file=export.file_name,
               date=date_text(_dt.date.fromisoformat(str(day)), lang) if day else "—"))
        return 0
    for sentence in call_summary_sentences(summary, args.creditor, lang):
        _say(sentence)
    if limit is None:
        _say(t("calls_no_limit", lang))
    _say(t("calls_saved", lang, profile=args.profile, numbers=len(record["numbers"]), days=len({d.day for d in summary.days}),
           kept=len(entries), sha=export.sha256[:12]))
    return 0
