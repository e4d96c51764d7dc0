"""The ``debtplan`` command: calculators, the assessment, reports, batches and the contact log.

This module only reads options, calls the library and prints; every number comes from the library.
Bad input gives a one-line error on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import sys
from pathlib import Path
from decimal import Decimal
from typing import Any, Sequence

from ..core.conventions import METHOD_NAMES
from ..core.errors import DebtplanError, ProfileError
from ..core.money import fmt_money, fmt_rate, to_rate
from ..core.usertext import terminal_text

__all__ = ["main"]

DESCRIPTION = """\
debtplan: what you owe, what you can pay, and which plan to propose.

Conventions: amounts are exact decimals rounded to the cent, half up (四舍五入), at each schedule row;
rates are decimal fractions (0.12 = 12% a year, 0.0005 = 0.05% a day); a monthly-rate schedule uses
annual rate / 12; every schedule's last payment clears what is left, so it ends at exactly 0.00.
Add --format json for machine-readable output (amounts as strings with two decimals).
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


# What an option of each kind must be, an example, and its range (the profile's limits, inputs/validate.py):
# (what, example, low, high).
def _kinds() -> dict[str, tuple]:
    from ..inputs.validate import ANNUAL, DAILY, RULE_LIMITS

    return {
        "amount": ("an amount", "20000, 893.33 or 2万", Decimal(0), None),
        "daily": ("a daily rate", "0.0004, 0.04% or 万四", DAILY[1], DAILY[2]),
        "annual": ("an annual rate", "0.1095, 10.95% or 年化10.95%", ANNUAL[1], ANNUAL[2]),
        "multiplier": ("a multiplier", "1.5", *RULE_LIMITS["penalty_multiplier"][1:3]),
        "cap": ("a yearly rate", "24% or 0.24", ANNUAL[1], ANNUAL[2]),
    }


def _number_of(kind: str):
    """An option type reading a number as people write it: an ``amount`` (20000, 2万, ¥20,000), a ``daily``
    or ``annual`` rate (0.0004, 0.04%, 万四; 0.12, 12%, 年化12%), a ``multiplier`` or a yearly ``cap``
    (24% or 0.24), each within the range a profile allows. Bad input: argparse's one-line error naming what
    was expected and how to write it."""

    def read(text: str) -> Decimal:
        from ..core.terms import read_amount, read_rate

        what, example, low, high = _kinds()[kind]
        try:
            if kind == "amount":
                value = read_amount(text)
            elif kind in ("multiplier", "cap"):
                value = to_rate(text)
            else:
                value = read_rate(text, kind)
        except DebtplanError as exc:
            if getattr(exc, "code", "") == "problem_amount_dot_three":  # both readings named, as in a file
                from ..text.problems import error_text

                raise argparse.ArgumentTypeError(error_text(exc, "en")) from None
            value = None
        except (ArithmeticError, ValueError):
            value = None
        if value is None or not value.is_finite():
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}; write e.g. {example}") from None
        if kind == "cap" and value > high and not text.strip().endswith("%"):
            raise argparse.ArgumentTypeError(f"{text!r} would be {value * 100}% a year; write {text.strip()}% "
                                             f"or {value / 100} for {text.strip()}%")
        if value < low:
            raise argparse.ArgumentTypeError(f"{text!r} is negative; {what} is {low} or more, e.g. {example}")
        if high is not None and value > high:
            shown = f"{high * 100}%" if kind in ("daily", "annual", "cap") else str(high)
            raise argparse.ArgumentTypeError(f"{text!r} is above the largest value a profile may hold for {what} ({shown}); "
                                             f"check it, e.g. {example}")
        return value
    return read


_amount, _daily_rate, _annual_rate, _multiplier, _cap = (
    _number_of(k) for k in ("amount", "daily", "annual", "multiplier", "cap"))


def _date(text: str):
    from ..core.dates import parse_date
    from ..inputs.reader import EARLIEST, LATEST

    try:
        value = parse_date(text)
    except (ValueError, OverflowError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if not EARLIEST <= value <= LATEST:
        raise argparse.ArgumentTypeError(f"{text!r} is outside {EARLIEST.year} to {LATEST.year}; check the year")
    return value


def _whole(low: int, high: int):
    """An option type for a whole number from ``low`` to ``high``."""
    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} must be from {low} to {high}")
        return value
    return read


#: At most 600 monthly payments (50 years), as a profile's agreements; days overdue up to 100 years.
MAX_MONTHS, MAX_DAYS = 600, 36_600
_positive_int = _whole(0, 10**6)
_months = _whole(1, MAX_MONTHS)
_months_or_none = _whole(0, MAX_MONTHS)
_days = _whole(0, MAX_DAYS)


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def _emit(args: argparse.Namespace, payload: dict, table: Any) -> None:
    if args.format == "json":
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        table()


def cmd_schedule(args: argparse.Namespace) -> int:
    from ..calc.schedules import build_schedule

    if (args.annual_rate is None) == (args.daily_rate is None):
        raise DebtplanError("give --annual-rate (e.g. 0.1095) or --daily-rate (e.g. 0.0005), one of them")
    if args.daily_rate is not None and args.start is None:
        raise DebtplanError("--daily-rate counts actual days between due dates: give --start YYYY-MM-DD")
    s = build_schedule(args.method, args.principal, args.months, annual_rate=args.annual_rate,
                       daily_rate=args.daily_rate, start=args.start,
                       interest_only_months=args.interest_only_months, monthly_fee=args.monthly_fee)

    def table() -> None:
        headers = ["period"] + (["due"] if args.start else []) + ["payment", "interest", "principal", "balance"]
        rows = [[r.period] + ([r.due_date] if args.start else []) + [r.payment, r.interest, r.principal, r.balance]
                for r in s.rows]
        _print_table(headers, rows)
        print(f"\ntotal paid {s.total_payment}, of which interest {s.total_interest}"
              + (f" and fees {s.total_fees}" if s.total_fees else ""))

    _emit(args, s.as_dict(), table)
    return 0


def cmd_apr(args: argparse.Namespace) -> int:
    from ..calc.rates import apr

    received = args.amount - args.upfront_fee
    if args.payment * args.months < received:
        raise DebtplanError(f"the payments add up to {fmt_money(args.payment * args.months)}, less than the "
                            f"{fmt_money(received)} received, so no interest is charged; check --payment and --months")
    result = apr(args.amount, [args.payment] * args.months, args.upfront_fee)
    payload = {"apr": fmt_rate(result.apr), "effective_annual_rate": fmt_rate(result.effective_annual_rate),
               "monthly_rate": fmt_rate(result.monthly_rate, 8)}

    def table() -> None:
        print(f"You receive {fmt_money(received)} and pay {fmt_money(args.payment)} a month for {args.months} months"
              f" ({fmt_money(args.payment * args.months)} in all).")
        print(f"APR (12 x monthly IRR): {result.apr * 100:.4f}% a year")
        print(f"Effective annual rate:  {result.effective_annual_rate * 100:.4f}% a year")

    _emit(args, payload, table)
    return 0


def cmd_owed(args: argparse.Namespace) -> int:
    from ..calc.overdue import OverdueTerms, overdue_charges

    from ..inputs.rules import load_rules

    multiplier = args.penalty_multiplier if args.penalty_multiplier is not None else \
        load_rules().products["jiebei"].penalty_multiplier
    cap = args.court_cap if args.court_cap is not None else load_rules().legal.court_cap
    terms = OverdueTerms(penalty_multiplier=multiplier, compound_unpaid_interest=args.compound, court_cap=cap)
    owed = overdue_charges(args.principal, args.daily_rate, args.days_overdue, terms,
                           unpaid_interest=args.unpaid_interest)
    payload = {"principal": str(owed.principal), "unpaid_interest": str(owed.unpaid_interest),
               "penalty_interest": str(owed.penalty_interest), "compound_interest": str(owed.compound_interest),
               "total": str(owed.total), "court_cap_excess": str(owed.court_cap_excess)}

    def table() -> None:
        _print_table(["item", "amount"], [[k.replace("_", " "), v] for k, v in payload.items()])
        print(f"\noverdue daily rate {owed.daily_penalty_rate} for {owed.days} days; charges above "
              f"{owed.court_cap_limit} ({cap * 100}% a year of the principal) are reduced by a court when the "
              f"borrower asks (Fafa [2017] No. 22, s. 2)")

    _emit(args, payload, table)
    return 0


def _load(path: str):
    from ..inputs.profile import load_profile

    return load_profile(path)


def _when(p: argparse.ArgumentParser) -> None:
    """``--as-of DATE`` or ``--today``: the date figures are computed to instead of the profile's ``as_of``
    (a profile without one is already computed to today)."""
    g = p.add_mutually_exclusive_group()
    g.add_argument("--as-of", type=_date, help="the date to assess on (default: the profile's as_of, or today "
                   "when it has none)")
    g.add_argument("--today", dest="as_of", action="store_const", const=_dt.date.today(),
                   help="compute to today's date even when the profile pins an older as_of")


def cmd_assess(args: argparse.Namespace) -> int:
    from ..calc.assessment import assess
    from ..inputs.rules import load_rules
    from ..present.export import assessment_to_dict
    from ..present.textreport import assessment_text

    profile = _load(args.profile)
    result = assess(profile, load_rules(), as_of=args.as_of)
    if args.format == "json":
        sys.stdout.write(_json_text(assessment_to_dict(result)) + "\n")
    else:
        print(terminal_text(assessment_text(result, args.lang or profile.lang)))
    return 0


#: Characters a terminal may act on that JSON leaves as they are (DEL, the C1 range, bidirectional overrides).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _json_text(data: Any) -> str:
    """JSON with Chinese readable and every character a terminal could act on written as ``\\uXXXX``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _check_out(out: str, kind: str, protect: Sequence[str], lang: str, file_start: bytes | None = None) -> None:
    """Refuse (exit 2, nothing written) an ``--out`` that would overwrite what is not this command's own."""
    from .outpaths import out_path_problem

    problem = out_path_problem(out, kind, tuple(protect), lang, file_start)
    if problem:
        raise DebtplanError(problem)


def _input_files(paths: Sequence[str]) -> list[str]:
    """The profile files named or held (``*.yaml``, ``*.yml``) in the folders named."""
    found: list[str] = []
    for name in paths:
        path = Path(name)
        found += [str(p) for p in sorted(path.glob("*.y*ml"))] if path.is_dir() else [name]
    return found


def cmd_report(args: argparse.Namespace) -> int:
    from .outpaths import mark_report_folder
    from .report import build_report

    _check_out(args.out, "folder", [args.profile], args.lang or _load(args.profile).lang)
    out = build_report(args.profile, args.out, lang=args.lang, as_of=args.as_of)
    mark_report_folder(out.parent if out.is_file() else out)
    print(out)
    if args.pdf:
        from .printing import print_pdf

        print(print_pdf(out, out.with_suffix(".pdf")))
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch  # it marks its output folder as its own

    _check_out(args.out, "folder", _input_files(args.profiles), args.lang or "en")
    for name in args.profiles:  # a profile folder given as the output folder would be written into
        if Path(name).is_dir() and Path(name).resolve() == Path(args.out).resolve():
            raise DebtplanError(f"--out {args.out}: this is a folder of profiles; choose a new folder, e.g. reports/all")
    labels = {"ok": "ok", "failed": "FAILED", "stale": "STALE"}

    def line(item: dict) -> None:  # each client's line as soon as its report is done (or kept, or failed)
        text = f"{labels[item['status']]:6}  {item['profile']}  {item['report'] or ''}"
        if item["error"]:
            text += "\n        " + item["error"].replace("\n", "\n        ")
        print(terminal_text(text), flush=True)

    try:
        summary = run_batch(args.profiles, args.out, workers=args.workers, scheduler=args.scheduler,
                            lang=args.report_lang, index_lang=args.lang, as_of=args.as_of, pdf=args.pdf,
                            progress=not args.no_progress, rebuild=args.rebuild, max_age=args.max_age,
                            keep_notebooks=args.keep_notebooks, on_row=line)
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: finished reports stay; the index names the rest
        print(f"debtplan batch: stopped; the reports finished are kept, and {Path(args.out) / 'index.html'} "
              "lists those not built", file=sys.stderr, flush=True)
        sys.stdout.flush()
        # Workers and kernels are already ended and the index written: leave now, not after the exit
        # handlers of the pool's threads (which can wait on workers that are gone).
        os._exit(128 + getattr(exc, "signum", 2))
    failed = sum(1 for item in summary if not item["ok"])
    built = sum(1 for item in summary if item["built_now"])
    print(f"{len(summary) - failed} passed, {failed} failed ({built} built now, "
          f"{len(summary) - failed - built} up to date); index: {Path(args.out) / 'index.html'}")
    return 1 if failed else 0


def cmd_log(args: argparse.Namespace) -> int:
    if args.kind != "negotiation":
        return cmd_log_event(args)
    from ..inputs.records import append_contact

    if args.next_contact and args.next_contact < (args.date or _dt.date.today()):  # nothing is written
        from ..inputs.profile import read_profile_dict
        from ..text.i18n import t

        try:
            lang = read_profile_dict(args.profile).get("lang") or "zh"
        except Exception:  # the save below reports an unreadable file in its own words
            lang = "en"
        print(terminal_text("debtplan log: " + t("app_log_next_before_contact", lang,
                                                  value=args.next_contact.isoformat())), file=sys.stderr)
        return 2
    entry = append_contact(args.profile, creditor=args.creditor, channel=args.channel or "", outcome=args.outcome or "",
                           date=args.date, person=args.person, offered=args.offered, asked=args.asked,
                           next_step=args.next_step, next_date=args.next_contact)
    print(terminal_text(f"added to {args.profile}: {entry['date']} {entry['creditor']} ({entry['channel']}): "
                        f"{entry['outcome']}" + (f"; next contact {entry['next_date']}" if entry.get("next_date") else "")))
    return 0


def cmd_log_event(args: argparse.Namespace) -> int:
    """``log --kind collection|court|letter``: one record added to collections, court_events or letters."""
    import datetime as _dt

    from ..inputs.records import append_record

    today = _dt.date.today()
    if args.kind == "collection":
        when = args.at or (args.date or today).isoformat()
        entry = append_record(args.profile, "collections", {
            "at": when, "creditor": args.creditor, "channel": args.channel or "phone",
            "contacted": args.contacted, "caller": args.caller, "said": args.said, "threats": args.threats,
            "insults": args.insults, "evidence": args.evidence})
        print(terminal_text(f"added to {args.profile}: collection {entry['at']} {entry['creditor']} -> {entry['contacted']}"))
    elif args.kind == "court":
        entry = append_record(args.profile, "court_events", {
            "kind": args.court_kind, "creditor": args.creditor, "received": (args.date or today).isoformat(),
            "court": args.court, "case_number": args.case_number,
            "amount_claimed": None if args.amount_claimed is None else str(args.amount_claimed),
            "plaintiff": args.plaintiff, "paper_date": args.paper_date.isoformat() if args.paper_date else None,
            "hearing": args.hearing.isoformat() if args.hearing else None, "small_claims": args.small_claims,
            "answer_by": args.answer_by.isoformat() if args.answer_by else None, "ruling_kind": args.ruling_kind,
            "admits_loan": args.admits_loan})
        print(terminal_text(f"added to {args.profile}: {entry['kind']} received {entry['received']} ({entry['creditor']})"))
    else:
        entry = append_record(args.profile, "letters", {
            "kind": args.letter_kind, "creditor": args.creditor, "date": (args.date or today).isoformat(),
            "reply_by": args.reply_by.isoformat() if args.reply_by else None})
        print(terminal_text(f"added to {args.profile}: letter {entry['kind']} sent {entry['date']} ({entry['creditor']})"))
    return 0


def cmd_import_calls(args: argparse.Namespace) -> int:
    """``import-calls FILE``: her phone's call log (or a relative's) counted for one lender; see import_calls."""
    from .evidence import import_calls

    return import_calls(args)


def cmd_calendar(args: argparse.Namespace) -> int:
    from .calendar import write_calendar

    from ..text.i18n import t

    profile = _load(args.profile)
    lang = args.lang or profile.lang
    _check_out(args.out, "file", [args.profile], lang, file_start=b"BEGIN:VCALENDAR")
    out = write_calendar(profile, args.out, lang=args.lang)
    count = out.read_bytes().count(b"BEGIN:VEVENT")
    # An empty file says why it is empty and how to add dates, instead of a silent empty calendar.
    print(terminal_text(t("cli_calendar_written", lang, path=out, count=count) if count else
                        t("cli_calendar_empty", lang, path=out, profile=args.profile)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from importlib.metadata import version

    parser = _Parser(prog="debtplan", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"debtplan {version('debtplan')}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def fmt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")

    p = sub.add_parser("schedule", help="a repayment schedule, row by row",
                       description="Print a repayment schedule. annuity = equal installments (等额本息), "
                       "equal-principal = equal principal parts (等额本金), interest-only = interest each month and "
                       "the principal at the end (先息后本). The last payment clears the balance to 0.00.")
    p.add_argument("--principal", type=_amount, required=True, help="amount borrowed or still owed, e.g. 20000")
    p.add_argument("--annual-rate", type=_annual_rate, help="yearly rate, e.g. 0.1095, 10.95%% or 年化10.95%%")
    p.add_argument("--daily-rate", type=_daily_rate, help="daily rate, e.g. 0.0005, 0.05%% or 万五 (0.05%% a day)")
    p.add_argument("--start", type=_date, help="loan date YYYY-MM-DD (needed with --daily-rate)")
    p.add_argument("--months", type=_months, required=True, help="number of monthly payments, 1 to 600")
    p.add_argument("--method", default="annuity",
                   choices=METHOD_NAMES)
    p.add_argument("--interest-only-months", type=_months_or_none, default=0,
                   help="with interest-only-then-annuity: months of interest only first (借呗: 6)")
    p.add_argument("--monthly-fee", type=_amount, default=Decimal(0), help="a fixed fee added to every payment")
    fmt(p)
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("apr", help="the true yearly cost of a loan or installment offer",
                       description="APR = 12 x the monthly internal rate of return of the cash flows: you receive "
                       "the amount minus any upfront fee now and pay the payment each month. Also prints the "
                       "effective annual rate (1+i)^12 - 1. A '0.6%% a month' fee on 10,000 over 12 months is "
                       "about 13%% a year, not 7.2%%.")
    p.add_argument("--amount", type=_amount, required=True, help="amount of the loan, e.g. 10000")
    p.add_argument("--payment", type=_amount, required=True, help="monthly payment, e.g. 893.33")
    p.add_argument("--months", type=_months, required=True, help="number of monthly payments, 1 to 600")
    p.add_argument("--upfront-fee", type=_amount, default=Decimal(0), help="fee kept back at the start (default 0)")
    fmt(p)
    p.set_defaults(func=cmd_apr)

    p = sub.add_parser("owed", help="what an overdue debt costs after some days",
                       description="penalty = principal x daily rate x multiplier x days, simple, rounded once; "
                       "with --compound the unpaid interest accrues at the same overdue rate; the court-cap "
                       "excess is the part of the charges above principal x cap x days / 365.")
    p.add_argument("--principal", type=_amount, required=True, help="overdue principal, e.g. 20000")
    p.add_argument("--daily-rate", type=_daily_rate, required=True,
                   help="contract daily rate, e.g. 0.0004, 0.04%% or 万四 (0.04%% a day)")
    p.add_argument("--days-overdue", type=_days, required=True, help="days since the missed due date")
    p.add_argument("--penalty-multiplier", type=_multiplier, default=None,
                   help="overdue rate = daily rate x this (default: 借呗's 1.5, from data/rules/jiebei.yaml)")
    p.add_argument("--unpaid-interest", type=_amount, default=Decimal(0), help="interest due and unpaid")
    p.add_argument("--compound", action="store_true", help="unpaid interest also accrues the overdue rate")
    p.add_argument("--court-cap", type=_cap, default=None,
                   help="yearly rate above which a court reduces charges when the borrower asks "
                        "(default: 0.24, from data/rules/legal.yaml)")
    fmt(p)
    p.set_defaults(func=cmd_owed)

    p = sub.add_parser("assess", help="the whole assessment of a profile file")
    p.add_argument("--profile", required=True, help="a profile YAML file, e.g. data/examples/xiao-li.yaml")
    _when(p)
    p.add_argument("--lang", choices=["zh", "en"], help="language of the text output (default: the profile's)")
    fmt(p)
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser("report", help="run the four notebooks and export the HTML report")
    p.add_argument("--profile", required=True)
    p.add_argument("--out", required=True, help="folder for index.html, one HTML per notebook and the notebooks")
    p.add_argument("--lang", choices=["zh", "en"])
    _when(p)
    p.add_argument("--pdf", action="store_true", help="also print it to OUT/index.pdf (A4) with headless Chromium")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("batch", help="reports for many profiles; one bad file does not stop the rest",
                       description="Build the report of every profile into OUT/<name>/ and list them all in "
                       "OUT/index.html and OUT/index.csv. Folders are searched for *.yaml. A second run rebuilds "
                       "only what changed. Exit status 1 when any profile failed.")
    p.add_argument("profiles", nargs="+", metavar="PROFILE_OR_DIR", help="profile files or folders of them")
    p.add_argument("--out", required=True, help="folder; each profile gets OUT/<name>/, plus OUT/index.html")
    p.add_argument("--workers", type=_positive_int, default=2, help="parallel workers (default 2)")
    p.add_argument("--scheduler", default="local",
                   help="'local' (processes on this machine), 'dask-local' (a Dask LocalCluster), or a Dask "
                   "scheduler address such as tls://10.0.0.5:8786 (see the README: use TLS on a network)")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the index (default English); each report "
                   "keeps its own profile's language unless --report-lang is given")
    p.add_argument("--report-lang", choices=["zh", "en"], help="language of every report (default: each profile's own)")
    p.add_argument("--as-of", type=_date, help="compute every report built to this date (default: today); a "
                   "report of another date is rebuilt")
    p.add_argument("--rebuild", action="store_true", help="rebuild every report, changed or not")
    p.add_argument("--max-age", type=_positive_int, metavar="DAYS", help="also rebuild unchanged reports computed "
                   "more than DAYS days before today (default: unchanged reports are kept; the index shows their "
                   "date and marks those more than 7 days old)")
    p.add_argument("--keep-notebooks", action="store_true", help="also keep the executed notebooks (.ipynb) "
                   "in each report folder")
    p.add_argument("--pdf", action="store_true", help="also print each report to OUT/<name>/index.pdf")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (it shows on a terminal only)")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("log", help="add a contact with a lender (or a collection contact, a court paper, a letter "
                       "sent) to the profile (never rewrites old entries)")
    p.add_argument("--profile", required=True)
    p.add_argument("--kind", choices=["negotiation", "collection", "court", "letter"], default="negotiation",
                   help="negotiation (default): a contact with a lender; collection: a collector contacted you or "
                   "someone you know; court: a court paper arrived (--date = the day received); letter: a letter "
                   "you sent (--date = the day sent)")
    p.add_argument("--creditor", required=True)
    p.add_argument("--channel", help="negotiation: app, phone, chat, letter, email, in_person or other; "
                   "collection: phone, sms, app, chat, letter, visit or other")
    p.add_argument("--outcome", help="negotiation: what came of it, in a sentence")
    p.add_argument("--date", type=_date, help="default: today")
    p.add_argument("--person", default="", help="who you spoke to (name or staff number)")
    p.add_argument("--offered", default="", help="what you offered")
    p.add_argument("--asked", default="", help="what they asked for")
    p.add_argument("--next-step", default="", help="what happens next, and when")
    p.add_argument("--next-contact", type=_date, metavar="DATE", help="negotiation: the day of the next contact "
                   "agreed (e.g. they call back on 2026-12-07); it goes in the calendar")
    p.add_argument("--at", help="collection: date and time, e.g. '2026-11-20 21:30' (default: --date or today)")
    p.add_argument("--contacted", default="borrower",
                   help="collection: who was contacted: borrower, guarantor, family, employer, colleague, friend, "
                   "contacts (many people in the phone book) or other")
    p.add_argument("--caller", default="", help="collection: the number or name that called")
    p.add_argument("--said", default="", help="collection: what was said, in your words")
    p.add_argument("--threats", action="store_true", help="collection: there were threats")
    p.add_argument("--insults", action="store_true", help="collection: there were insults")
    p.add_argument("--evidence", default="", help="collection: the recording or screenshot file kept")
    p.add_argument("--court-kind", default="payment_order",
                   help="court: payment_order, complaint, judgment, ruling, mediation or enforcement")
    p.add_argument("--court", default="", help="court: the court's name")
    p.add_argument("--case-number", default="", help="court: the case number")
    p.add_argument("--amount-claimed", type=_amount, help="court: the amount the paper claims")
    p.add_argument("--plaintiff", default="", help="court: the claimant's full company name as the paper gives it")
    p.add_argument("--paper-date", type=_date, help="court: the date printed on the paper (not the day received)")
    p.add_argument("--hearing", type=_date, help="court: the hearing date a summons gives")
    p.add_argument("--small-claims", action="store_true", help="court: the paper says the small-claims procedure applies")
    p.add_argument("--answer-by", type=_date, help="court: the answer date the court set (small claims)")
    p.add_argument("--ruling-kind", default="unknown",
                   help="court, a ruling: unknown, preservation, appealable (refusing the case, jurisdiction, "
                        "dismissing the claim) or other")
    p.add_argument("--admits-loan", action="store_true",
                   help="court: the answer says you accept the loan (left out unless you ask for it)")
    p.add_argument("--letter-kind", default="proposal",
                   help="letter: proposal, confirmation, complaint, objection, defence or follow_up")
    p.add_argument("--reply-by", type=_date, help="letter: the date you asked them to reply by")
    p.set_defaults(func=cmd_log)

    p = sub.add_parser("import-calls", help="count a lender's calls and messages from a phone's exported call log "
                       "and keep the counts as evidence in the profile (the file itself is never copied)",
                       description="Reads an 'SMS Backup & Restore' XML export (calls or messages) or a CSV with the "
                       "columns number,time,duration,type (号码,时间,时长,类型) on this computer. Chinese phones' own "
                       "backups are encrypted: export with SMS Backup & Restore or type a CSV instead. Only the counts "
                       "per number and day (calls, unanswered, 22:00-08:00) and the entries you pick with --keep are "
                       "written, with the file's name and SHA-256; the same file is never imported twice.")
    p.add_argument("file", help="the exported call log or message file")
    p.add_argument("--profile", required=True)
    p.add_argument("--creditor", required=True, help="the debt the calls are about (as named in the profile)")
    p.add_argument("--numbers", default="", help="the numbers that called about that debt, separated by commas "
                   "(without it: the numbers to consider are listed and nothing is written)")
    p.add_argument("--label", default="", help="whose phone the export is from when not yours, e.g. sister")
    p.add_argument("--contacted", default=None, choices=["borrower", "guarantor", "family", "employer", "colleague",
                                                        "friend", "other"],
                   help="who that person is (default: family with --label, else borrower)")
    p.add_argument("--list", action="store_true", help="list the calls and messages from those numbers (with "
                   "words that may be threats, for you to judge) and write nothing")
    p.add_argument("--keep", action="append", default=[], metavar="TIME",
                   help="also keep this call or message (its time, e.g. '2026-11-03 22:15') as an entry of the "
                   "collection log; repeat for more")
    p.add_argument("--threat", action="append", default=[], metavar="TIME",
                   help="keep this call or message and mark it as a threat (your judgement); repeat for more")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the messages (default: the profile's)")
    p.set_defaults(func=cmd_import_calls)

    p = sub.add_parser("calendar", help="every payment, reply-by date, next contact and legal deadline as an .ics "
                       "file for a phone calendar",
                       description="All-day events with reminders (3 days before a payment, 5 before a legal "
                       "deadline, 1 before a reply-by or contact date). Event ids come from the profile's records, "
                       "so importing a regenerated file updates the events instead of duplicating them.")
    p.add_argument("--profile", required=True)
    p.add_argument("--out", required=True, help="the .ics file to write")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the event titles (default: the profile's)")
    p.set_defaults(func=cmd_calendar)

    p = sub.add_parser("schema", help="the JSON Schema of a profile, for an editor that validates and completes YAML",
                       description="Prints the profile's JSON Schema (2020-12), made from the one schema the "
                       "validator uses. Save it and point your editor at it (VS Code: the YAML extension's "
                       "yaml.schemas setting).")
    p.add_argument("--readme", metavar="README",
                   help="instead, write the table of every profile key into this README (between its "
                   "'schema table' markers; `make schema-table` does it for this project's README)")
    p.set_defaults(func=cmd_schema)
    return parser


def cmd_schema(args: argparse.Namespace) -> int:
    from ..core.atomic import replace_file
    from ..core.schema import TABLE_BEGIN, TABLE_END, json_schema, with_table

    if args.readme:
        text = with_table(Path(args.readme).read_text(encoding="utf-8"))
        if text is None:
            print(f"{args.readme}: no single pair of schema-table markers ({TABLE_BEGIN.strip()} ... "
                  f"{TABLE_END.strip()})", file=sys.stderr)
            return 2
        replace_file(Path(args.readme), text.encode("utf-8"))
        return 0
    json.dump(json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:  # `debtplan assess ... | head`: the reader has all it wanted; end quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except ProfileError as exc:
        from ..text.problems import problem_record, problems_text

        lang = getattr(args, "lang", None) or exc.lang
        if getattr(args, "format", "") == "json":  # the technical paths appear only here
            json.dump({"ok": False, "problems": [problem_record(p, lang) for p in exc.problems]}, sys.stdout,
                      ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        print(terminal_text(f"debtplan {args.command}: {problems_text(exc, lang)}"), file=sys.stderr)
        return 2
    except DebtplanError as exc:
        lang = getattr(args, "lang", None) or getattr(exc, "lang", "")
        if lang and getattr(exc, "code", ""):  # a refusal with a sentence (a save): said in the profile's language
            from ..text.problems import error_text

            print(terminal_text(f"debtplan {args.command}: {error_text(exc, lang)}"), file=sys.stderr)
            return 2
        print(terminal_text(f"debtplan {args.command}: error: {exc}"), file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
