"""The calendar file (debtplan calendar): parsed back with icalendar — the events, their dates, UIDs stable across
runs, reminders 3 days before a payment and 5 before a legal deadline, titles in the profile's language."""
import datetime as dt

import pytest
from icalendar import Calendar

from debtplan.inputs.profile import load_profile, parse_profile, read_profile_dict
from debtplan.inputs.rules import load_rules
from debtplan.run.calendar import calendar_bytes
from debtplan.run.cli import main

from conftest import FIXTURES, ROOT

RULES = load_rules()
TROUBLE = FIXTURES / "trouble.yaml"


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def by_uid(data: bytes) -> dict:
    return {str(e["UID"]): e for e in events(data)}


@pytest.fixture(scope="module")
def profile():
    return load_profile(TROUBLE)


def test_every_date_is_an_event(profile):
    found = events(calendar_bytes(profile, RULES, "zh"))
    # 24 payments of the card plan, 2 reply-by dates of letters sent, 1 next contact date, 1 legal deadline
    assert len(found) == 24 + 2 + 1 + 1
    for e in found:  # all-day events
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is dt.date and end == start + dt.timedelta(days=1)
        assert e["DTSTART"].params.get("VALUE") == "DATE"


def test_dates_and_reminders(profile):
    ev = by_uid(calendar_bytes(profile, RULES, "zh"))
    uid = lambda key: next(u for u in ev if u.startswith(key + "."))  # noqa: E731
    pay1, pay24 = ev[uid("a-1-1")], ev[uid("a-1-24")]
    assert pay1.decoded("DTSTART") == dt.date(2026, 12, 15) and pay24.decoded("DTSTART") == dt.date(2028, 11, 15)
    deadline = ev[uid("e-1-due")]
    assert deadline.decoded("DTSTART") == dt.date(2026, 12, 7)  # 20 Nov + 15 = Sat 5 Dec -> Mon 7 Dec
    assert ev[uid("l-2-reply")].decoded("DTSTART") == dt.date(2026, 12, 4)
    assert ev[uid("c-2-next")].decoded("DTSTART") == dt.date(2026, 12, 1)

    def trigger(e):
        (alarm,) = e.walk("VALARM")
        return alarm.decoded("TRIGGER"), str(alarm["ACTION"])

    # reminders ring at 09:00 of the day: 3 days before a payment, 5 before a deadline (2 Dec, a Wednesday)
    assert trigger(pay1) == (dt.timedelta(days=-3, hours=9), "DISPLAY")
    assert trigger(deadline) == (dt.timedelta(days=-5, hours=9), "DISPLAY")
    raw = calendar_bytes(profile, RULES, "zh").decode()
    assert raw.count("TRIGGER:-P2DT15H") == 24 and raw.count("TRIGGER:-P4DT15H") == 1
    assert "625.00" in str(pay1["SUMMARY"]) and "还款" in str(pay1["SUMMARY"])
    assert "第二百二十七条" in str(deadline["DESCRIPTION"])


def test_uids_are_stable_across_runs_and_edits(profile):
    first = calendar_bytes(profile, RULES, "zh")
    assert calendar_bytes(load_profile(TROUBLE), RULES, "zh") == first  # the same file, byte for byte
    uids = [str(e["UID"]) for e in events(first)]
    assert len(set(uids)) == len(uids)
    # adding a record adds an event and leaves every other id as it was
    data = read_profile_dict(TROUBLE)
    data["letters"].append({"kind": "complaint", "creditor": "借呗", "date": "2026-11-27", "reply_by": "2026-12-11"})
    data["collections"].append({"at": "2026-11-27 09:00", "creditor": "借呗", "contacted": "borrower"})
    again = [str(e["UID"]) for e in events(calendar_bytes(parse_profile(data), RULES, "zh"))]
    assert set(uids) < set(again) and len(again) == len(uids) + 1
    # the language changes the titles, not the ids
    en = events(calendar_bytes(profile, RULES, "en"))
    assert [str(e["UID"]) for e in en] == uids
    assert any(str(e["SUMMARY"]).startswith("Payment to") for e in en)
    assert any(str(e["SUMMARY"]).startswith("Deadline: file a written objection") for e in en)


def _with_paper(kind, received, lang="en", as_of=None):
    from dataclasses import replace

    from debtplan.core.model import CourtEvent

    data = read_profile_dict(TROUBLE)
    data["court_events"] = []
    if as_of:
        data["as_of"] = as_of
    # made directly: reading a profile refuses a paper received after today, and some of these lie ahead
    paper = CourtEvent(id="e-1", kind=kind, creditor="借呗", received=dt.date.fromisoformat(received))
    return calendar_bytes(replace(parse_profile(data), court_events=(paper,)), RULES, lang)


def _deadline_event(data):
    return next(e for e in events(data) if str(e["UID"]).startswith("e-1-due."))


def test_a_deadline_reminder_never_sits_in_the_spring_festival_break():
    # judgment received 8 Feb 2026: + 15 = 23 Feb, last day of the break (15-23 Feb) -> due Tuesday 24 Feb.
    # 5 days before is 19 Feb, inside the break; the last working day before it is Saturday 14 Feb, a make-up
    # working day in the 2026 notice -> the reminder rings on 14 Feb at 09:00, 10 days before.
    e = _deadline_event(_with_paper("judgment", "2026-02-08"))
    assert e.decoded("DTSTART") == dt.date(2026, 2, 24)
    (alarm,) = e.walk("VALARM")
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-10, hours=9)


def test_a_provisional_deadline_says_so_in_its_title():
    # 17 Dec 2026 + 15 = 1 Jan 2027; the 2027 notice is not in the data -> earliest possible date 2 Jan, provisional
    e = _deadline_event(_with_paper("payment_order", "2026-12-17"))
    assert e.decoded("DTSTART") == dt.date(2027, 1, 2)
    assert str(e["SUMMARY"]).startswith("(Provisional, earliest possible date) Deadline:")
    zh = _deadline_event(_with_paper("payment_order", "2026-12-17", "zh"))
    assert str(zh["SUMMARY"]).startswith("（暂定")
    # a deadline the published calendar covers has no such word
    assert "Provisional" not in str(_deadline_event(_with_paper("payment_order", "2026-11-20"))["SUMMARY"])


def test_a_corrected_file_updates_the_events(profile):
    first = _deadline_event(calendar_bytes(profile, RULES, "en"))
    later = _deadline_event(_with_paper("payment_order", "2026-11-21", as_of="2026-12-10"))
    assert first.decoded("LAST-MODIFIED") == first.decoded("DTSTAMP")
    assert str(later["UID"]) == str(first["UID"]) and int(later["SEQUENCE"]) > int(first["SEQUENCE"])
    assert later.decoded("LAST-MODIFIED").date() == dt.date(2026, 12, 10)


def test_a_profile_with_nothing_to_keep_gives_an_empty_calendar():
    cal = Calendar.from_ical(calendar_bytes(load_profile(ROOT / "data/examples/sam.yaml"), RULES))
    assert cal.walk("VEVENT") == [] and str(cal["VERSION"]) == "2.0"


def test_the_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "dates.ics"
    assert main(["calendar", "--profile", str(TROUBLE), "--out", str(out), "--lang", "en"]) == 0
    assert len(events(out.read_bytes())) == 28 and str(out) in capsys.readouterr().out
    assert main(["calendar", "--profile", str(tmp_path / "missing.yaml"), "--out", str(out)]) == 2


def test_the_calendar_holds_the_dates_of_assess_json(tmp_path, capsys):
    """One computation: the calendar's deadlines and hearings are the dates ``assess --format json`` prints."""
    import json
    import yaml
    data = read_profile_dict(TROUBLE)
    data["court_events"].append({"id": "h-1", "kind": "complaint", "creditor": "招商银行信用卡",
                                 "received": "2026-11-25", "hearing": "2026-12-15"})
    data["court_events"].append({"id": "p-1", "kind": "ruling", "creditor": "借呗", "received": "2026-11-23",
                                 "ruling_kind": "preservation"})
    path = tmp_path / "p.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert main(["assess", "--profile", str(path), "--format", "json"]) == 0
    printed = {(d["event_id"], d["due"]) for d in json.loads(capsys.readouterr().out)["deadlines"]}
    assert printed == {("e-1", "2026-12-07"), ("h-1", "2026-12-10"), ("h-1", "2026-12-15"), ("p-1", "2026-11-30")}
    cal = Calendar.from_ical(calendar_bytes(load_profile(path), RULES, "en"))
    court = {(str(e["UID"]).split(".")[0].rsplit("-", 1)[0], e.decoded("DTSTART").isoformat())
             for e in cal.walk("VEVENT") if str(e["UID"]).split(".")[0].endswith(("-due", "-hearing"))}
    assert court == printed
    # the hearing (Tue 15 Dec 2026) is its own event, reminded 2 days before at 09:00; Sun 13 Dec is a rest day,
    # so the reminder moves back to Fri 11 Dec: 4 days before the event, at 09:00
    hearing = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("h-1-hearing."))
    (alarm,) = hearing.walk("VALARM")
    assert str(hearing["SUMMARY"]) == "Hearing: 招商银行信用卡 (summons)"
    assert alarm.decoded("TRIGGER") == dt.timedelta(days=-4, hours=9) and "Art. 147" in str(hearing["DESCRIPTION"])


def test_the_calendar_reads_the_assessments_deadlines(profile, monkeypatch):
    """The file takes each deadline from the assessment and never counts it again: a date the assessment moves
    is the date the calendar shows."""
    import dataclasses
    from debtplan.calc.assessment import assess
    from debtplan.run import calendar as calendar_module

    def moved(p, rules, *args, **kw):
        a = assess(p, rules, *args, **kw)
        return dataclasses.replace(a, deadlines=tuple(dataclasses.replace(d, due=dt.date(2026, 12, 9))
                                                      for d in a.deadlines))
    monkeypatch.setattr(calendar_module, "assess", moved)
    ev = by_uid(calendar_bytes(profile, RULES, "en"))
    assert next(e for u, e in ev.items() if u.startswith("e-1-due.")).decoded("DTSTART") == dt.date(2026, 12, 9)
