"""Next-contact dates ("12月7日等回电"): entered in the app's log form and with `debtplan log --next-contact`, listed
on the follow-up step (those to come first), put in the calendar; an empty calendar says why and how to add dates."""
import base64
import datetime as dt
import re

import pytest
from icalendar import Calendar

from debtplan.app.session import open_profile
from debtplan.app.widgets import App
from debtplan.inputs.profile import load_profile, read_profile_dict
from debtplan.run.calendar import calendar_bytes
from debtplan.run.cli import main

from conftest import ROOT

TODAY = dt.date(2026, 11, 29)


def copy_of(tmp_path, name="xiao-li"):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes((ROOT / f"data/examples/{name}.yaml").read_bytes())
    return path


def app_of(path):
    return App(open_profile(str(path)), today=TODAY, calendar=calendar_bytes)


def events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def add(log, outcome, next_date="", date=None, creditor=None):
    if creditor:
        log.log_creditor.value = creditor
    if date:
        log.log_date.value = date
    log.log_outcome.value = outcome
    log.log_next_date.value = next_date
    log.log_add.click()


def test_the_app_takes_a_next_contact_date_lists_it_first_and_puts_it_in_the_calendar(tmp_path):
    app = app_of(copy_of(tmp_path))
    app.nav.value = "log"
    log = app.step("log")
    assert "还没有约好的下次联系" in app.current.view.value
    log.log_next_date.value = "12月7日"  # no year: not a date
    assert log.log_next_date_shown.value == ""
    log.log_next_date.value = "2026年12月7日"
    assert "2026年12月7日" in log.log_next_date_shown.value
    # a call back due on 20 Nov, with no contact with that lender recorded since
    add(log, "上次约的", "2026-11-20", date="2026-11-15")
    add(log, "等回电", "2026年12月7日", date="2026-11-18")
    add(log, "客服说会再打来", "2026-12-03")
    entries = app.session.data["negotiations"]
    assert [e.get("next_date") for e in entries] == ["2026-11-20", "2026-12-07", "2026-12-03"]
    assert log.log_next_date.value == ""  # cleared for the next entry
    app.save_button.click()
    assert [c.next_date for c in load_profile(app.session.path).negotiations] == [
        dt.date(2026, 11, 20), dt.date(2026, 12, 7), dt.date(2026, 12, 3)]
    view = app.current.view.value
    section = view[view.index('class="dp-next-contacts"'):]
    section = section[:section.index("</section>")]
    # those to come first, soonest first, each with how many days are left; then the one passed
    assert section.index("2026年12月3日") < section.index("2026年12月7日") < section.index("2026年11月20日")
    assert "还有 4 天" in section and "还有 8 天" in section and "已过 9 天" in section
    assert view.index('class="dp-next-contacts"') < view.index('class="dp-log"')
    log.calendar_button.click()
    data = re.search(r'base64,([^"]+)"', log.calendar_status.value)
    days = sorted(e.decoded("DTSTART") for e in events(base64.b64decode(data.group(1))))
    assert {dt.date(2026, 12, 3), dt.date(2026, 12, 7), dt.date(2026, 11, 20)} <= set(days)


def test_the_app_refuses_a_next_contact_date_it_cannot_read_or_before_the_contact(tmp_path):
    app = app_of(copy_of(tmp_path))
    log = app.step("log")
    add(log, "等回电", "下周")
    assert "请填日期" in log.log_error.value and not app.session.data.get("negotiations")
    add(log, "等回电", "2026-11-01", date="2026-11-27")
    assert "早于这次联系的日期" in log.log_error.value and not app.session.data.get("negotiations")
    assert log.log_outcome.value == "等回电"  # what she typed is kept for her to correct


def test_the_english_app_takes_the_date_as_it_shows_it(tmp_path):
    app = app_of(copy_of(tmp_path, "sam"))
    log = app.step("log")
    add(log, "They will call back", "7 Dec 2026")
    assert app.session.data["negotiations"][-1]["next_date"] == "2026-12-07"
    app.nav.value = "log"
    assert "7 Dec 2026" in app.current.view.value and "in 8 days" in app.current.view.value


def test_the_command_line_takes_a_next_contact_and_the_calendar_has_it(tmp_path, capsys):
    path = copy_of(tmp_path)
    assert main(["log", "--profile", str(path), "--creditor", "借呗", "--outcome", "等回电", "--channel", "电话",
                 "--date", "2026-11-28", "--next-contact", "2026年12月7日"]) == 0
    assert "2026-12-07" in capsys.readouterr().out
    entry = read_profile_dict(path)["negotiations"][-1]
    assert entry["next_date"] == "2026-12-07"
    out = tmp_path / "dates.ics"
    assert main(["calendar", "--profile", str(path), "--out", str(out)]) == 0
    assert dt.date(2026, 12, 7) in [e.decoded("DTSTART") for e in events(out.read_bytes())]


def test_the_command_line_refuses_a_next_contact_that_is_no_date(tmp_path, capsys):
    path = copy_of(tmp_path)
    before = path.read_bytes()
    with pytest.raises(SystemExit) as exit_:
        main(["log", "--profile", str(path), "--creditor", "借呗", "--outcome", "等回电", "--channel", "电话",
              "--next-contact", "12月7日"])
    assert exit_.value.code == 2 and "--next-contact" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("name, lang, words", [("sam", "en", "no next contact dates"),
                                               ("sam", "zh", "下次联系日期")])
def test_an_empty_calendar_says_why_and_how_to_add_dates(tmp_path, capsys, name, lang, words):
    path = copy_of(tmp_path, name)
    out = tmp_path / "dates.ics"
    assert main(["calendar", "--profile", str(path), "--out", str(out), "--lang", lang]) == 0
    said = capsys.readouterr().out
    assert events(out.read_bytes()) == [] and words in said and "--next-contact" in said
    app = App(open_profile(str(path), lang), today=TODAY, calendar=calendar_bytes)
    app.step("log").calendar_button.click()
    status = app.step("log").calendar_status.value
    assert words in status and "debtplan" not in status  # in the app: what to press, never a command


def test_the_command_line_refuses_a_next_contact_before_the_contact(tmp_path, capsys):
    path = copy_of(tmp_path)
    before = path.read_bytes()
    assert main(["log", "--profile", str(path), "--creditor", "借呗", "--outcome", "等回电", "--channel", "电话",
                 "--date", "2026-11-28", "--next-contact", "2026-11-20"]) == 2
    assert "早于这次联系的日期" in capsys.readouterr().err and path.read_bytes() == before


@pytest.mark.parametrize("lang, day", [("zh", "2026年12月7日"), ("en", "7 Dec 2026")])
def test_the_printed_contact_log_says_when_the_next_contact_is(tmp_path, capsys, lang, day):
    """The contact log she takes to the lender (part 4) shows the day agreed for the next contact beside what
    comes next, as the follow-up step and the calendar do."""
    from debtplan.calc.assessment import assess
    from debtplan.inputs.rules import load_rules
    from debtplan.present.pack import contact_log_html

    path = copy_of(tmp_path)
    assert main(["log", "--profile", str(path), "--creditor", "借呗", "--outcome", "等回电", "--channel", "电话",
                 "--date", "2026-11-28", "--next-contact", "2026-12-07", "--next-step", "等回电话"]) == 0
    html = contact_log_html(assess(load_profile(path), load_rules()), lang)
    row = re.search(r"<tr>(?:(?!</tr>).)*借呗(?:(?!</tr>).)*</tr>", html, re.S).group(0)
    assert "等回电话" in row and day in row, row
