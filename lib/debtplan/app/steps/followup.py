"""Step 5, records and follow-up (记录与跟进): the contact log, collection contacts, court papers, agreed plans,
payments, letters sent and the calendar of dates to keep.

Contacts, collection contacts and letters sent are append-only (evidence; a correction is a new entry naming
the one it corrects); court papers, agreements and payments are edited in place (see ``app/widgets.py``).
The calendar function comes from the ``run`` layer, handed in by the notebook; without it the button is
hidden."""
from __future__ import annotations

import base64
import datetime as _dt
from html import escape
from typing import Callable

from .. import lean as W
from ...core.errors import DebtplanError
from ...inputs.events import parse_moment
from ...present import legal, pack
from ...present.safe import escape as safe_escape
from ...text.i18n import date_text, t
from ..kit import EntryForm, Kit, Step, button, parse_date_text
from . import evidence  # the evidence section: a phone's call log, a case number, paid helpers
from . import credit



class FollowUpStep(Step):
    key, name_key, title_key = "log", "app_step_log", "app_log_title"

    def __init__(self, kit: Kit, calendar: Callable | None = None):
        """``calendar``: ``debtplan.run.calendar.calendar_bytes`` (profile, rules, lang -> the .ics bytes)."""
        self.calendar = calendar
        super().__init__(kit)

    def build(self) -> list:
        # the contact log: the schema's fields of a contact; the day, lender and channel stay for the next call
        self.log_form = EntryForm(
            self.kit, "negotiations", "app_log_new", "app_log_note", "w_add_contact",
            self.kit.specs("negotiations", {"creditor": self.kit.creditors, "amends": self._amend_options}),
            lambda: {"date": self.today.isoformat(), "creditor": (self.kit.creditors() or [None])[0],
                     "channel": "phone", "amends": ""},
            "dp-app-log-form", first=self._log_problems, keep=("date", "creditor", "channel"))
        f = self.log_form.fields
        self.log_date, self.log_creditor, self.log_channel, self.log_outcome, self.log_next_date, self.log_amends = (
            f[k].input for k in ("date", "creditor", "channel", "outcome", "next_date", "amends"))
        self.log_date_shown, self.log_next_date_shown = f["date"].shown, f["next_date"].shown
        self.log_add, self.log_error = self.log_form.add_button, self.log_form.error
        log_form = self.log_form.widget
        self.agreements = self.kit.records(
            ("agreements",), "agreements_title", "app_add_agreement",
            lambda keys, item: self.kit.form(keys, "agreements", {"creditor": self.kit.creditors}),
            lambda: {"creditor": (self.kit.creditors() or [""])[0], "start_date": self.today.isoformat(), "months": 12,
                     "monthly_payment": 0} if self.kit.creditors() else None,
            row_title=lambda item, i: str(item.get("creditor") or ""))
        self.payments = self.kit.records(
            ("payments",), "app_payments", "app_add_payment",
            lambda keys, item: self.kit.form(keys, "payments", {"creditor": self.kit.creditors}),
            self._new_payment)

        forms = self._legal_forms()
        self._names = None
        return [log_form, forms[0], forms[1], self.agreements.widget, self.payments.widget, forms[2],
                *credit.credit_forms(self), forms[3]]

    def html(self) -> str:
        a, rules, lang = self.session.assessment, self.session.rules, self.lang
        return (credit.vary_html(a, rules, lang) + self.next_contacts_html()
                + pack.contact_log_html(a, lang, blank_rows=0)
                + legal.collection_log_html(a, rules, lang, blank_rows=0, in_app=True)
                + legal.court_deadlines_html(a, rules, lang)
                + pack.agreements_html(a, lang)
                + legal.agreement_checklist_html(a, lang)
                + legal.letters_sent_html(a, lang, note=False))

    def _court_hints_html(self) -> str:
        """What each court-paper field asks for and why (which day counts as received, the paper's own date, the
        claimant, admitting nothing unless she ticks it...), folded under one heading beside the form."""
        lang = self.lang
        colon = "：" if lang == "zh" else ": "
        items = "".join(f"<li><b>{escape(t('field_' + name, lang))}</b>{colon}{escape(t(key, lang))}</li>"
                        for name, key in legal.COURT_HINTS.items())
        return (f'<details class="dp-app-hints"><summary>{escape(t("app_ct_hints", lang))}</summary>'
                f"<ul>{items}</ul></details>")

    def next_contacts_html(self) -> str:
        """The next contacts agreed, those still to come first (soonest first), then those passed with no contact
        with that lender recorded since (latest first)."""
        lang, today = self.lang, self.today
        log = self.session.assessment.profile.negotiations
        coming, passed = [], []
        for c in log:
            if c.next_date is None:
                continue
            if c.next_date >= today:
                coming.append(c)
            elif not any(o.creditor == c.creditor and o.date >= c.next_date for o in log):
                passed.append(c)

        def item(c, when: str) -> str:
            text = t("next_contact_item", lang, day=date_text(c.next_date, lang), creditor=c.creditor,
                     step=c.next_step or c.outcome)
            return f'<li><span class="dp-next-when">{safe_escape(when)}</span> {safe_escape(text)}</li>'

        parts = [f'<section class="dp-next-contacts"><h2>{safe_escape(t("next_contacts_title", lang))}</h2>']
        if coming:
            days = lambda c: (c.next_date - today).days  # noqa: E731
            parts.append("<ul>" + "".join(
                item(c, t("next_contact_in_days", lang, days=days(c)) if days(c) else t("next_contact_today", lang))
                for c in sorted(coming, key=lambda c: (c.next_date, c.creditor))) + "</ul>")
        else:
            parts.append(f'<p>{safe_escape(t("next_contacts_none", lang))}</p>')
        if passed:
            parts.append(f'<h3>{safe_escape(t("next_contacts_past", lang))}</h3><ul class="dp-next-passed">' + "".join(
                item(c, t("next_contact_passed", lang, days=(today - c.next_date).days))
                for c in sorted(passed, key=lambda c: (c.next_date, c.creditor), reverse=True)) + "</ul>")
        parts.append(f'<p class="dp-small">{safe_escape(t("next_contacts_note", lang))}</p></section>')
        return "".join(parts)

    def follow(self) -> None:
        """The lists of debts in the forms and records, and the entries a new contact may amend."""
        names = self.kit.creditors()
        if names != self._names:
            self._names = names
            self.log_form.set_choices("creditor", names)
            if not self.kit.syncing:
                self.kit.syncing = True
                try:
                    for r in (self.agreements, self.payments, self.court):
                        r.rebuild()
                    for form in (self.collection_form, self.letter_form):
                        form.set_choices("creditor", names)
                finally:
                    self.kit.syncing = False
        amend = self._amend_options()
        if list(self.log_amends.options) != amend:
            self.log_amends.options = amend
            self.log_amends.value = ""

    # ------------------------------------------------------------------ when things go wrong
    def _legal_forms(self) -> list:
        """The collection form, the court papers, the letter form and the calendar download (see the module
        docstring: what is append-only and why)."""
        lang = self.lang
        self.collection_form = EntryForm(
            self.kit, "collections", "app_lg_collection_new", "app_lg_collection_note", "app_lg_add_collection",
            self.kit.specs("collections", {"creditor": self.kit.creditors}),
            lambda: {"at": f"{self.today.isoformat()} {_dt.datetime.now():%H:%M}",
                     "creditor": (self.kit.creditors() or [None])[0], "channel": "phone", "contacted": "borrower"},
            "dp-app-collection-form", moments=("at",))
        at = self.collection_form.fields["at"]
        self.collection_at_shown = W.HTML(_dom_classes=("dp-app-date-shown",))
        at.widget.children[0].children = (*at.widget.children[0].children, self.collection_at_shown)
        at.input.observe(lambda ch: self._show_moment(ch["new"]), names="value")
        self._show_moment(at.input.value)
        self.court = self.kit.records(
            ("court_events",), "app_lg_court", "app_lg_add_court",
            lambda keys, item: self.kit.form(keys, "court_events", {"creditor": self.kit.creditors}),
            lambda: {"kind": "payment_order", "creditor": self.kit.creditors()[0],
                     "received": self.today.isoformat()} if self.kit.creditors() else None,
            row_title=lambda item, i: str(item.get("creditor") or ""))
        self.court.widget.children = (self.court.widget.children[0],
                                      W.HTML(f'<p class="dp-app-note">{escape(t("app_lg_court_note", lang))}</p>'),
                                      W.HTML(self._court_hints_html()), *self.court.widget.children[1:])
        self.court.widget.add_class("dp-app-court")
        self.letter_form = EntryForm(
            self.kit, "letters", "app_lg_letter_new", "app_lg_letter_note", "app_lg_add_letter",
            self.kit.specs("letters", {"creditor": self.kit.creditors}),
            lambda: {"kind": "proposal", "creditor": (self.kit.creditors() or [None])[0],
                     "date": self.today.isoformat()},
            "dp-app-letter-form")
        self.calendar_button = button(description=t("app_lg_calendar", lang))
        self.calendar_button.on_click(lambda _: self.make_calendar())
        self.calendar_status = W.HTML(_dom_classes=("dp-app-report",))
        calendar = W.VBox([W.HTML(f'<p class="dp-app-note">{escape(t("app_lg_calendar_note", lang))}</p>'),
                           self.calendar_button, self.calendar_status],
                          layout=W.Layout(display="none" if self.calendar is None else None),
                          _dom_classes=("dp-app-calendar",))
        return [W.VBox([self.collection_form.widget, *evidence.evidence_forms(self)]), self.court.widget,
                self.letter_form.widget, calendar]

    def _show_moment(self, text: str) -> None:
        """The collection contact's date and time, shown in the profile's language beside the box."""
        try:
            at = parse_moment(text)
        except ValueError:
            self.collection_at_shown.value = ""
            return
        day = at.date() if isinstance(at, _dt.datetime) else at
        shown = date_text(day, self.lang) + (f" {at:%H:%M}" if isinstance(at, _dt.datetime) else "")
        self.collection_at_shown.value = f'<span class="dp-app-date">{escape(shown)}</span>'

    def make_calendar(self) -> bytes | None:
        """The calendar file of what the app holds (saved or not, once valid), offered as a download link."""
        lang = self.lang
        if not self.session.current or self.session.profile is None:
            self.calendar_status.value = (f'<div class="dp-app-refused" role="alert">'
                                          f'{escape(t("app_lg_calendar_invalid", lang))}</div>')
            return None
        try:
            data = self.calendar(self.session.profile, self.session.rules, lang)
        except (DebtplanError, OSError, ValueError) as exc:
            self.calendar_status.value = (f'<div class="dp-app-refused" role="alert">'
                                          f'{escape(t("app_lg_calendar_failed", lang, detail=str(exc)))}</div>')
            return None
        name = f"{self.session.path.stem}.ics"
        href = "data:text/calendar;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
        count = data.count(b"BEGIN:VEVENT")
        if not count:  # an empty file would import nothing: say why and how to add dates instead
            self.calendar_status.value = (f'<div class="dp-app-note dp-app-calendar-empty" role="status">'
                                          f'{escape(t("app_calendar_empty", lang))}</div>')
            return data
        self.calendar_status.value = (
            f'<div class="dp-app-ok" role="status">{escape(t("app_lg_calendar_done", lang, count=count))} '
            f'<a class="dp-app-download dp-app-calendar-link" download="{escape(name)}" href="{href}">'
            f'{escape(t("app_lg_calendar_link", lang, name=name))}</a></div>')
        return data

    def _new_payment(self) -> dict | None:
        creditors = self.kit.creditors()
        if not creditors:
            return None
        agreed = {a.get("creditor"): a for a in self.session.data.get("agreements") or [] if isinstance(a, dict)}
        creditor = next((c for c in creditors if c in agreed), creditors[0])
        amount = agreed.get(creditor, {}).get("monthly_payment", 0)
        return {"date": self.today.isoformat(), "creditor": creditor, "amount": amount}

    def _amend_options(self) -> list:
        lang = self.lang
        options = [(t("app_amends_none", lang), "")]
        for c in self.session.data.get("negotiations") or []:
            if isinstance(c, dict) and c.get("id"):
                day = parse_date_text(str(c.get("date", "")))
                label = f"{date_text(day, lang) if day else c.get('date')} · {c.get('creditor')} · {c.get('outcome', '')}"
                options.append((label[:80], c["id"]))
        return options

    def _log_problems(self) -> list[str]:
        """The contact form's own rules, said before the loader's checks: a readable day, a lender, what came of
        the contact, and a next contact that is a date not before this one. (Earlier entries are never changed: a
        correction is a new entry that names the one it amends.)"""
        lang = self.lang
        day = parse_date_text(self.log_date.value)
        problems = []
        if day is None:
            problems.append(t("app_problem_date", lang))
        if not self.log_creditor.value:
            problems.append(t("app_log_no_debt", lang))
        if not self.log_outcome.value.strip():
            problems.append(t("app_log_no_outcome", lang))
        next_text = self.log_next_date.value.strip()
        next_day = parse_date_text(next_text) if next_text else None
        if next_text and next_day is None:
            problems.append(t("app_problem_date", lang))
        elif next_day and day and next_day < day:
            problems.append(t("app_log_next_before_contact", lang, value=next_text))
        return problems

