"""Step 3, repayment plans (方案): first the plan proposed for each debt and why; the full comparison of every
plan (tables and charts, long on a phone) folded below it, and one plan of one debt month by month (chosen from
two lists that follow the debts) folded too; a fold is drawn only while it is open."""
from __future__ import annotations

from html import escape
from typing import Any

from .. import lean as W
from ...present import views
from ...text.i18n import money_text, option_name, reason_text, t
from ..kit import Step, set_options


class PlansStep(Step):
    key, name_key, title_key = "plans", "app_step_plans", "nb3_title"

    def build(self) -> list:
        lang = self.lang
        # long plan names: label above, the whole width (app.css dp-app-stack)
        common = dict(style={"description_width": "initial"}, _dom_classes=("dp-app-stack",))
        self.plan_debt = W.Dropdown(options=self.kit.creditors(), description=t("w_debt", lang), **common)
        self.plan_option = W.Dropdown(description=t("w_option", lang), **common)
        self.plan_detail = W.HTML()
        self.plan_detail_for = None
        self.plan_debt.observe(lambda _: self._plan_options(), names="value")
        self.plan_option.observe(lambda _: self._plan_detail(), names="value")
        self.detail_box = W.VBox([self.plan_debt, self.plan_option, self.plan_detail])
        self.detail, detail = self._fold("app_plan_detail", self.detail_box, self._plan_options)
        self._names = self.kit.creditors()
        self.comparison = W.HTML()
        self.comparison_for = None
        self.compare, compare = self._fold("app_plans_compare", self.comparison, self._comparison)
        return [compare, detail]

    def _fold(self, title_key: str, content: W.Widget, on_open: Any) -> tuple:
        """A part folded until asked for: a toggle button (reached with Tab, pressed with Enter or Space) that
        shows ``content`` under it and calls ``on_open``; returns the toggle and the whole."""
        toggle = W.ToggleButton(value=False, description=t(title_key, self.lang), layout={"width": "auto"},
                                _dom_classes=("dp-app-fold-toggle",))
        box = W.VBox([toggle], _dom_classes=("dp-app-compare",))

        def shown(_: Any) -> None:
            box.children = (toggle, content) if toggle.value else (toggle,)
            on_open()

        toggle.observe(shown, names="value")
        return toggle, box

    def html(self) -> str:
        """The proposal for each debt, in a few lines: what to ask for, how much a month, and why."""
        a, lang = self.session.assessment, self.lang
        items = []
        for d in a.debts:
            o = d.proposal.option
            line = (t("app_plans_line", lang, creditor=d.debt.creditor, option=option_name(o, lang),
                      monthly=money_text(o.monthly_payment, lang)) if d.proposal.fits
                    else t("app_plans_none", lang, creditor=d.debt.creditor))
            items.append(f"<li><strong>{escape(line)}</strong><p>{escape(reason_text(d, a, lang))}</p></li>")
        return (f'<section class="dp-section dp-app-proposals"><div class="dp-proposal">'
                f'<strong>{escape(t("app_plans_proposal", lang))}</strong><ul>{"".join(items)}</ul></div></section>')

    def _comparison(self) -> None:
        """Every plan of every debt compared (views.plans_html), drawn when the fold is open and the data changed."""
        if not self.compare.value or not self.session.current or self.session.assessment is None:
            return
        if self.comparison_for != self.kit.version:
            self.comparison.value = views.plans_html(self.session.assessment, self.lang)
            self.comparison_for = self.kit.version

    def on_show(self) -> None:
        self._plan_options()

    def follow(self) -> None:
        names = self.kit.creditors()
        if names != self._names:
            self._names = names
            set_options(self.plan_debt, names)
        if self.kit.shown(self.key):
            self._plan_options()
            self._comparison()
        else:
            self.plan_detail_for = None

    def _debt_assessment(self) -> Any:
        a = self.session.assessment
        for d in a.debts:
            if d.debt.creditor == self.plan_debt.value:
                return d
        return a.debts[0] if a.debts else None

    def _plan_options(self) -> None:
        if not self.session.current or self.session.assessment is None:
            return
        d = self._debt_assessment()
        if d is None:
            self.plan_option.options = []
            self.plan_detail.value = ""
            return
        options = [(option_name(o, self.lang), o.key) for o in d.options]
        if list(self.plan_option.options) != options:
            old = self.plan_option.value
            self.plan_option.options = options
            keys = [k for _, k in options]
            self.plan_option.value = old if old in keys else d.proposal.option.key
        self._plan_detail()

    def _plan_detail(self) -> None:
        """The chosen plan month by month, drawn when its fold is open."""
        d = self._debt_assessment()
        if d is None or not self.detail.value:
            return
        key = (self.kit.version, d.debt.creditor, self.plan_option.value)
        if self.plan_detail_for != key:
            self.plan_detail.value = views.plan_detail_html(self.session.assessment, d, self.lang,
                                                            self.plan_option.value)
            self.plan_detail_for = key
