"""Her credit record: when each plan clears, when the record could be gone, when a plan breaks (calc.credit)."""
import datetime as dt
from decimal import Decimal as D

import yaml

from conftest import ROOT
from debtplan import load_profile
from debtplan.calc.credit import income_drop_that_breaks, objection_reply_by, record_outlook

CREDIT = yaml.safe_load((ROOT / "data/rules/credit.yaml").read_text(encoding="utf-8"))


def test_every_option_of_the_examples_gets_its_clearing_and_record_dates():
    from debtplan.calc.assessment import assess
    from debtplan.inputs.rules import load_rules

    years = CREDIT["record_years"]["value"]
    assert years == 5 and CREDIT["objection_days"]["value"] == 20 and CREDIT["free_reports"]["value"] == 2
    a = assess(load_profile(ROOT / "data/examples/xiao-li.yaml"), load_rules())
    for d in a.debts:
        start = d.proposal.first_payment if hasattr(d.proposal, "first_payment") else a.as_of
        for o in d.options:
            r = record_outlook(o, start, years)
            assert r.cleared >= start and r.record_gone_by == r.cleared.replace(year=r.cleared.year + 5)
            assert r.settled_for_less == (o.months == 0 and o.waived > 0)


def test_income_drop_and_objection_dates():
    assert income_drop_that_breaks(D("5800"), D("1494"), D("1494")) == D("0")
    assert income_drop_that_breaks(D("5800"), D("1000"), D("1494")) < 0
    assert income_drop_that_breaks(D("0"), D("1000"), D("10")) is None
    assert objection_reply_by(dt.date(2026, 12, 20), 20) == dt.date(2027, 1, 9)
