"""The ``debtplan`` command: calculators, the assessment, reports, batches and the contact log.

This module only reads options, calls the library and prints; every number comes from the library.
Bad input gives a one-line error on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from decimal import Decimal
from typing import Any, Sequence

from ..core.errors import DebtplanError, ProfileError
from ..core.money import fmt_money, fmt_rate, money, to_rate

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


def _amount(text: str) -> Decimal:
    try:
        return money(text)
    except DebtplanError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount; write e.g. 20000 or 893.33") from None


def _rate(text: str) -> Decimal:
    try:
        return to_rate(text)
    except DebtplanError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a rate; write e.g. 0.1095 (10.95%) or 0.05%") from None


def _date(text: str):
    from ..core.dates import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


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
        print(f"\noverdue daily rate {owed.daily_penalty_rate} for {owed.days} days; a court would not uphold "
              f"charges above {owed.court_cap_limit} ({cap * 100}% a year of the principal)")

    _emit(args, payload, table)
    return 0


def _load(path: str):
    from ..inputs.profile import load_profile

    return load_profile(path)


def cmd_assess(args: argparse.Namespace) -> int:
    from ..calc.assessment import assess
    from ..inputs.rules import load_rules
    from ..present.export import assessment_to_dict
    from ..present.textreport import assessment_text

    profile = _load(args.profile)
    result = assess(profile, load_rules(), as_of=args.as_of)
    if args.format == "json":
        json.dump(assessment_to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(assessment_text(result, args.lang or profile.lang))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import build_report

    out = build_report(args.profile, args.out, lang=args.lang, as_of=args.as_of)
    print(out)
    if args.pdf:
        from .printing import print_pdf

        print(print_pdf(out, out.with_suffix(".pdf")))
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run_batch

    summary = run_batch(args.profiles, args.out, workers=args.workers, scheduler=args.scheduler,
                        lang=args.lang, as_of=args.as_of, pdf=args.pdf, progress=not args.no_progress)
    labels = {"ok": "ok", "failed": "FAILED", "stale": "STALE"}
    for item in summary:
        line = f"{labels[item['status']]:6}  {item['profile']}  {item['report'] or ''}"
        if item["error"]:
            line += "\n        " + item["error"].replace("\n", "\n        ")
        print(line)
    failed = sum(1 for item in summary if not item["ok"])
    built = sum(1 for item in summary if item["built_now"])
    print(f"{len(summary) - failed} passed, {failed} failed ({built} built now, "
          f"{len(summary) - failed - built} up to date); index: {Path(args.out) / 'index.html'}")
    return 1 if failed else 0


def cmd_log(args: argparse.Namespace) -> int:
    from ..inputs.records import append_contact

    entry = append_contact(args.profile, creditor=args.creditor, channel=args.channel, outcome=args.outcome,
                           date=args.date, person=args.person, offered=args.offered, asked=args.asked,
                           next_step=args.next_step)
    print(f"added to {args.profile}: {entry['date']} {entry['creditor']} ({entry['channel']}): {entry['outcome']}")
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
    p.add_argument("--annual-rate", type=_rate, help="yearly rate as a decimal, e.g. 0.1095 for 10.95%%")
    p.add_argument("--daily-rate", type=_rate, help="daily rate as a decimal, e.g. 0.0005 for 0.05%% a day")
    p.add_argument("--start", type=_date, help="loan date YYYY-MM-DD (needed with --daily-rate)")
    p.add_argument("--months", type=_positive_int, required=True, help="number of monthly payments, 1 to 600")
    p.add_argument("--method", default="annuity",
                   choices=["annuity", "equal-principal", "interest-only", "interest-only-then-annuity"])
    p.add_argument("--interest-only-months", type=_positive_int, default=0,
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
    p.add_argument("--months", type=_positive_int, required=True, help="number of monthly payments")
    p.add_argument("--upfront-fee", type=_amount, default=Decimal(0), help="fee kept back at the start (default 0)")
    fmt(p)
    p.set_defaults(func=cmd_apr)

    p = sub.add_parser("owed", help="what an overdue debt costs after some days",
                       description="penalty = principal x daily rate x multiplier x days, simple, rounded once; "
                       "with --compound the unpaid interest accrues at the same overdue rate; the court-cap "
                       "excess is the part of the charges above principal x cap x days / 365.")
    p.add_argument("--principal", type=_amount, required=True, help="overdue principal, e.g. 20000")
    p.add_argument("--daily-rate", type=_rate, required=True, help="contract daily rate, e.g. 0.0004 (0.04%% a day)")
    p.add_argument("--days-overdue", type=_positive_int, required=True, help="days since the missed due date")
    p.add_argument("--penalty-multiplier", type=_rate, default=None,
                   help="overdue rate = daily rate x this (default: 借呗's 1.5, from data/rules/jiebei.yaml)")
    p.add_argument("--unpaid-interest", type=_amount, default=Decimal(0), help="interest due and unpaid")
    p.add_argument("--compound", action="store_true", help="unpaid interest also accrues the overdue rate")
    p.add_argument("--court-cap", type=_rate, default=None,
                   help="yearly cap courts uphold (default: 0.24, from data/rules/legal.yaml)")
    fmt(p)
    p.set_defaults(func=cmd_owed)

    p = sub.add_parser("assess", help="the whole assessment of a profile file")
    p.add_argument("--profile", required=True, help="a profile YAML file, e.g. data/examples/xiao-li.yaml")
    p.add_argument("--as-of", type=_date, help="the date to assess on (default: the profile's as_of)")
    p.add_argument("--lang", choices=["zh", "en"], help="language of the text output (default: the profile's)")
    fmt(p)
    p.set_defaults(func=cmd_assess)

    p = sub.add_parser("report", help="run the four notebooks and export the HTML report")
    p.add_argument("--profile", required=True)
    p.add_argument("--out", required=True, help="folder for index.html, one HTML per notebook and the notebooks")
    p.add_argument("--lang", choices=["zh", "en"])
    p.add_argument("--as-of", type=_date)
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
    p.add_argument("--lang", choices=["zh", "en"], help="language of every report and of the index (default: "
                   "each profile's own; the index in English)")
    p.add_argument("--as-of", type=_date)
    p.add_argument("--pdf", action="store_true", help="also print each report to OUT/<name>/index.pdf")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (it shows on a terminal only)")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("log", help="add a contact with a lender to the profile's log (never rewrites old entries)")
    p.add_argument("--profile", required=True)
    p.add_argument("--creditor", required=True)
    p.add_argument("--channel", required=True, help="app, phone, chat, letter, email, in_person or other")
    p.add_argument("--outcome", required=True, help="what came of it, in a sentence")
    p.add_argument("--date", type=_date, help="default: today")
    p.add_argument("--person", default="", help="who you spoke to (name or staff number)")
    p.add_argument("--offered", default="", help="what you offered")
    p.add_argument("--asked", default="", help="what they asked for")
    p.add_argument("--next-step", default="", help="what happens next, and when")
    p.set_defaults(func=cmd_log)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except ProfileError as exc:
        print(f"debtplan {args.command}: {exc}", file=sys.stderr)
        return 2
    except DebtplanError as exc:
        print(f"debtplan {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
