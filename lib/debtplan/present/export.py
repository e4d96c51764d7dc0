"""The assessment as plain data (JSON-ready): amounts as strings with two decimals, rates as decimal
fractions with six, dates as YYYY-MM-DD. ``debtplan assess --format json`` prints this."""
from __future__ import annotations

from typing import Any

from ..calc.assessment import Assessment
from ..text.i18n import option_name, reason_text, warning_text
from ..core.money import fmt_money, fmt_rate
from ..calc.options import Option
from .credit import credit_to_dict

__all__ = ["assessment_to_dict", "option_to_dict", "options_frame"]


def _m(value) -> str | None:
    return None if value is None else fmt_money(value)


def _r(value) -> str | None:
    return None if value is None else fmt_rate(value)


def option_to_dict(o: Option, lang: str) -> dict[str, Any]:
    return {"kind": o.kind, "label": option_name(o, lang), "months": o.months,
            "monthly_payment": _m(o.monthly_payment), "upfront": _m(o.upfront), "total_paid": _m(o.total_paid),
            "cost": _m(o.cost), "beyond": _m(o.beyond), "waived": _m(o.waived), "apr": _r(o.apr),
            "debt_free_months": o.debt_free_months,
            "feasible": o.feasible, "fits_stress": o.fits_stress, "shortfall": _m(o.shortfall)}


_OPTION_MONEY = ("monthly_payment", "upfront", "total_paid", "cost", "waived")


def options_frame(d: Any, lang: str = "en", exact: bool = False):
    """One debt's options (``d``: an assessment's ``debts[i]``) as a pandas DataFrame, one row an option named
    in ``lang``, the proposed one marked: money and the rate as float columns that sort and plot
    (``exact=True``: the exact Decimals)."""
    import pandas as pd

    frame = pd.DataFrame([{"option": option_name(o, lang), "kind": o.kind, "months": o.months,
                           **{name: getattr(o, name) for name in _OPTION_MONEY}, "apr": o.apr,
                           "fits": o.feasible, "fits_stress": o.fits_stress,
                           "proposed": o.key == d.proposal.option.key} for o in d.options])
    if not exact:
        for name in (*_OPTION_MONEY, "apr"):
            frame[name] = [float("nan") if v is None else float(v) for v in frame[name]]
    return frame.set_index("option")


def assessment_to_dict(a: Assessment, lang: str | None = None) -> dict[str, Any]:
    """Everything :func:`debtplan.calc.assessment.assess` computed, as JSON-ready data."""
    lang = lang or a.profile.lang
    cf = a.cash_flow
    debts = []
    for d in a.debts:
        p = d.proposal
        proposal = option_to_dict(p.option, lang)
        proposal.update({"reason": reason_text(d, a, lang), "survives_stress": p.survives_stress,
                         "needed_monthly": _m(p.needed_monthly),
                         "closest": [option_to_dict(x, lang) for x in p.closest],
                         "fallback": option_to_dict(p.fallback, lang) if p.fallback else None,
                         "apr_above_cap": p.apr_above_cap})
        o = d.owed
        debts.append({"creditor": d.debt.creditor, "product": d.debt.product, "principal": _m(o.principal),
                      "unpaid_interest": _m(o.unpaid_interest), "penalty_interest": _m(o.penalty_interest),
                      "compound_interest": _m(o.compound_interest), "fees": _m(o.fees), "owed_today": _m(o.total),
                      "days_overdue": o.days, "court_cap_excess": _m(o.court_cap_excess),
                      "contractual_payment": _m(d.contractual_payment), "share": _m(d.share),
                      "stress_share": _m(d.stress_share),
                      "owed_in_180_days": _m(d.projection[-1].total),
                      "cost_of_waiting": {str(day): _m(d.projection[day].total - d.projection[0].total)
                                          for day in (7, 30, 90, 180) if day < len(d.projection)},
                      "options": [option_to_dict(x, lang) for x in d.options], "proposal": proposal,
                      "court_cap": None if d.court_cap is None else _r(d.court_cap),
                      "true_cost": d.truecost.to_dict() if d.truecost is not None else None})
    r = a.ratios
    return {
        "profile": a.profile.name, "as_of": a.as_of.isoformat(), "currency": a.profile.currency, "lang": lang,
        "cash_flow": {"income": _m(cf.income), "fixed_costs": _m(cf.fixed_costs),
                      "flexible_costs": _m(cf.flexible_costs), "savings_contribution": _m(cf.savings_contribution),
                      "surplus": _m(cf.surplus), "available": _m(a.available),
                      "buffer_rate": _r(a.settings["buffer_rate"]),
                      "stressed_surplus": _m(a.stressed_cash_flow.surplus),
                      "savings_available": _m(a.savings_available),
                      "category_shares": {k: _r(v) for k, v in cf.shares().items()},
                      "income_lines": [{"name": i.name, "amount": _m(i.amount), "method": i.method}
                                       for i in cf.income_lines]},
        "ratios": {"payments_to_income": _r(r.payments_to_income), "debt_to_annual_income": _r(r.debt_to_annual_income),
                   "savings_months": None if r.savings_months is None else str(r.savings_months),
                   "surplus_to_income": _r(r.surplus_to_income)},
        "benchmarks": [{"group": b.group, "spent": _m(b.spent), "benchmark": _m(b.benchmark),
                        "ratio": None if b.ratio is None else str(b.ratio), "flagged": b.flagged}
                       for b in a.benchmarks],
        "total_owed": _m(a.total_owed),
        "priority": [d.debt.creditor for d in a.priority],
        "debts": debts,
        "allocation": {"method": "pro-rata", "available": _m(a.available),
                       "shares": {k: _m(v) for k, v in a.shares.items()}},
        "strategies": {name: {"months": s.months, "debt_free_date": s.debt_free_date.isoformat()
                              if s.debt_free_date else None, "repaid": s.repaid,
                              "total_paid": _m(s.total_paid) if s.repaid else None,
                              "total_interest": _m(s.total_interest) if s.repaid else None, "monthly": _m(s.monthly),
                              "payoff_month": s.payoff_month}
                       for name, s in a.strategies.items()},
        "tracking": [{"creditor": tr.creditor, "due_to_date": _m(tr.due_to_date), "paid_to_date": _m(tr.paid_to_date),
                      "status": tr.status, "next_due_date": tr.next_due_date.isoformat() if tr.next_due_date else None,
                      "next_due_amount": _m(tr.next_due_amount), "days_late": tr.days_late}
                     for tr in a.tracking],
        "agreements": [{"creditor": s.creditor, "id": s.agreement.id, "status": s.status, "in_writing": s.in_writing,
                        "confirmed_on": s.confirmed_on.isoformat() if s.confirmed_on else None,
                        "confirmed_form": s.confirmed_form or None, "missing_terms": list(s.missing_terms)}
                       for s in a.agreement_status],
        "deadlines": [{"event_id": d.event_id, "kind": d.kind, "received": d.received.isoformat(), "days": d.days,
                       "last_day": d.last_day.isoformat(), "due": d.due.isoformat(), "moved": d.moved,
                       "provisional": not d.calendar_complete, "missing_years": list(d.missing_years),
                       "article": d.period.article.get(lang, ""), "if_missed": d.period.missed}
                      for d in a.deadlines],
        "collection_flags": [{"at": f.contact.at.isoformat(), "creditor": f.contact.creditor, "facts": list(f.facts),
                              "rules": [r.id for r in f.rules]} for f in a.contact_flags if f.flagged],
        "warnings": [warning_text(w, lang) for w in a.warnings],
        "credit": credit_to_dict(a),
    }
