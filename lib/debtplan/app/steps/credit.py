"""Her credit record in the follow-up step: the form for a wrong record (what the report shows wrongly, which
institution reported it, where the objection goes, the day it was sent and the day the answer came), edited in
place because the answer's date is filled in later, and, after every edit, the objections with their answer
dates and the letters to send, then how far her income may fall before each agreed plan breaks.

The plans that no longer fit this month come first on the step (:func:`debtplan.present.credit.vary_html`, in
the step's figures); this module gives the forms (:func:`credit_forms`)."""
from __future__ import annotations

from html import escape

from .. import lean as W
from ...present import credit
from ...text.i18n import t
from ..kit import Step

__all__ = ["CreditForms", "credit_forms", "vary_html"]

#: The plans to ask to vary before a payment is missed: the first thing the follow-up step shows.
vary_html = credit.vary_html


class CreditForms:
    """The objections' form (a :class:`~debtplan.app.kit.RecordList` of ``credit_objections``) and their summary,
    redrawn after every change while the step is on the page and the figures are current."""

    def __init__(self, step: Step):
        self.step, self.kit, self.session = step, step.kit, step.session
        lang = step.lang
        self.records = self.kit.records(
            ("credit_objections",), "app_cr_title", "app_cr_add",
            lambda keys, item: self.kit.form(keys, "credit_objections"),
            self._new, row_title=lambda item, i: str(item.get("institution") or ""))
        days = self.session.rules.credit.objection_days
        self.records.widget.children = (self.records.widget.children[0],
                                        W.HTML(f'<p class="dp-app-note">{escape(t("app_cr_note", lang, days=days))}</p>'),
                                        *self.records.widget.children[1:])
        self.records.widget.add_class("dp-app-credit")
        self.summary = W.HTML(_dom_classes=("dp-app-credit-summary",))
        self.drawn_for = None
        self.kit.watchers.append(self.redraw)
        self.redraw()

    @property
    def widgets(self) -> list:
        return [self.records.widget, self.summary]

    def _new(self) -> dict:
        return {"institution": (self.kit.creditors() or [""])[0], "kind": "overdue_after_plan",
                "send_to": "institution"}

    def redraw(self) -> None:
        """The objections and their letters, once per change, while the data is valid (a short table: drawn
        whether or not the step is on the page, so it is right when the step comes)."""
        if self.drawn_for == self.kit.version:
            return
        a = self.session.assessment
        if a is None or not self.session.current:
            return
        rules, lang = self.session.rules, self.step.lang
        self.summary.value = (credit.objections_html(a, rules, lang)
                              + (credit.plans_html(a, rules, lang, vary=False) if a.credit.plans else ""))
        self.drawn_for = self.kit.version


def credit_forms(step: Step) -> list:
    """The widgets the follow-up step shows for her credit record."""
    return CreditForms(step).widgets
