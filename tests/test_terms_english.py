"""What the English pages show or suggest is accepted back as input, by the one reader of rates and dates used for
profile files, the app and the command line (core/terms.py)."""
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from debtplan.core.errors import ProfileError, TermError
from debtplan.core.terms import read_date, read_rate
from debtplan.inputs.profile import parse_profile
from debtplan.text.i18n import date_text, rate_text, t

from conftest import ROOT, examples

D = Decimal


@pytest.mark.parametrize("written, kind, expected", [
    ("0.05% a day", "daily", "0.0005"), ("0.05%/day", "daily", "0.0005"), ("0.05% per day", "daily", "0.0005"),
    ("0.05 % a day", "daily", "0.0005"), ("18% a year", "annual", "0.18"), ("18 % per year", "annual", "0.18"),
    ("0.6% a month", "monthly", "0.006"), ("0.04% A Day", "daily", "0.0004"),
])
def test_english_rates_as_the_pages_write_them(written, kind, expected):
    assert read_rate(written, kind) == D(expected)


@pytest.mark.parametrize("key, kind", [("example_daily", "daily"), ("example_annual", "annual"),
                                       ("example_monthly_fee", "monthly")])
def test_every_rate_the_messages_suggest_is_accepted(key, kind):
    """Each rate written in the app's own example message ("0.04% (0.04% a day)") reads as a rate of its field."""
    import re
    sentence = t(key, "en")
    written = [w.strip() for w in re.findall(r"\d[\d.]*%?(?: a (?:day|month|year))?", sentence)]
    written = [w for w in written if "%" in w or "." in w]
    assert written and any(" a " in w for w in written) == (kind == "daily")
    for w in written:
        read_rate(w, kind)


@pytest.mark.parametrize("written, kind", [("18% a year", "daily"), ("0.05% a day", "annual")])
def test_an_english_rate_of_another_period_is_named_not_converted(written, kind):
    with pytest.raises(TermError) as err:
        read_rate(written, kind)
    assert err.value.code == "problem_rate_other_kind"


@pytest.mark.parametrize("written", ["25 Oct 2026", "25 October 2026", "Oct 25, 2026", "October 25 2026",
                                     "25 oct 2026", "25 Oct. 2026", "Oct. 25, 2026", "25  Oct  2026"])
def test_english_dates_as_the_pages_write_them(written):
    assert read_date(written) == dt.date(2026, 10, 25)


@pytest.mark.parametrize("written", ["31 Feb 2026", "25 Foo 2026", "Oct 2026", "25 Oct", "2026 Oct 25x", "32 Oct 2026"])
def test_english_dates_that_are_not_dates_are_refused(written):
    with pytest.raises(TermError) as err:
        read_date(written)
    assert err.value.code == "problem_not_a_date"


def _sam(**changes):
    data = yaml.safe_load((ROOT / "data/examples/sam.yaml").read_text(encoding="utf-8"))
    for path, value in changes.items():
        keys = path.split(".")
        where = data
        for k in keys[:-1]:
            where = where[int(k)] if isinstance(where, list) else where[k]
        where[keys[-1]] = value
    return data


def test_a_profile_file_takes_english_dates_and_rates():
    """The file reader uses the same reader: the values the English report shows can be written back."""
    profile = parse_profile(_sam(**{"as_of": "28 Nov 2026", "debts.0.overdue_since": "Oct 25, 2026",
                                    "debts.1.daily_rate": "0.03% a day", "debts.1.start_date": "8 May 2026",
                                    "debts.1.overdue_since": "8 October 2026"}))
    card, jiebei = profile.debts
    assert profile.as_of == dt.date(2026, 11, 28)
    assert card.overdue_since == dt.date(2026, 10, 25)
    assert jiebei.daily_rate == D("0.0003") and jiebei.start_date == dt.date(2026, 5, 8)
    assert jiebei.overdue_since == dt.date(2026, 10, 8)


def test_a_profile_file_still_refuses_what_is_no_date():
    with pytest.raises(ProfileError) as err:
        parse_profile(_sam(as_of="28 Nox 2026"))
    assert [p.code for p in err.value.problems] == ["problem_not_a_date"]


@settings(max_examples=examples(200), deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)), lang=st.sampled_from(["zh", "en"]))
def test_every_date_shown_reads_back(day, lang):
    assert read_date(date_text(day, lang)) == day


@settings(max_examples=examples(200), deadline=None)
@given(hundredths=st.integers(min_value=0, max_value=100_000), lang=st.sampled_from(["zh", "en"]),
       kind=st.sampled_from(["daily", "monthly", "annual"]))
def test_every_rate_shown_reads_back(hundredths, lang, kind):
    """A rate shown with two places (13.03%) reads back as that rate, in both languages and for every kind of
    field; and so does the rate with the words the English pages put after it."""
    rate = D(hundredths) / 10000
    shown = rate_text(rate, lang)
    assert read_rate(shown, kind) == rate
    words = {"daily": "a day", "monthly": "a month", "annual": "a year"}[kind]
    assert read_rate(f"{shown} {words}", kind) == rate
