"""Step 3, repayment plans (方案): the plans for every debt, and one plan of one debt in detail (chosen from two
lists that follow the debts)."""
from __future__ import annotations

from html import escape
from typing import Any

from .. import lean as W
from ...present import views
from ...text.i18n import option_name, t
from ..kit import Step, set_options


class PlansStep(Step):
    key, name_key, title_key = "plans", "app_step_plans", "nb3_title"

    def build(self) -> list:
        lang = self.lang
        self.plan_debt = W.Dropdown(options=self.kit.creditors(), description=t("w_debt", lang),
                                    style={"description_width": "initial"})
        self.plan_option = W.Dropdown(description=t("w_option", lang), style={"description_width": "initial"})
        for w in (self.plan_debt, self.plan_option):
            w.add_class("dp-app-stack")  # long plan names: label above, the whole width (app.css)
        self.plan_detail = W.HTML()
        self.plan_detail_for = None
        self.plan_debt.observe(lambda _: self._plan_options(), names="value")
        self.plan_option.observe(lambda _: self._plan_detail(), names="value")
        box = W.VBox([W.HTML(f"<h3>{escape(t('app_plan_detail', lang))}</h3>"), self.plan_debt, self.plan_option,
                      self.plan_detail])
        self._names = self.kit.creditors()
        return [box]

    def html(self) -> str:
        return views.plans_html(self.session.assessment, self.lang)

    def on_show(self) -> None:
        self._plan_options()

    def follow(self) -> None:
        names = self.kit.creditors()
        if names != self._names:
            self._names = names
            set_options(self.plan_debt, names)
        if self.kit.shown(self.key):
            self._plan_options()
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
        d = self._debt_assessment()
        if d is None:
            return
        key = (self.kit.version, d.debt.creditor, self.plan_option.value)
        if self.plan_detail_for != key:
            self.plan_detail.value = views.plan_detail_html(self.session.assessment, d, self.lang,
                                                            self.plan_option.value)
            self.plan_detail_for = key
