"""Step 1, money in and out (收支): the household, income, fixed and flexible costs, savings, and a what-if
(income down, a cost cut) shown as a preview until "use these figures" writes it into the lines (unsaved
until Save). Amounts are read with the library's reader and rounded with its rounding."""
from __future__ import annotations

from decimal import Decimal
from html import escape

from .. import lean as W
from ...core.model import CATEGORIES
from ...core.terms import read_amount
from ...present import views
from ...text.i18n import category_name, money_text, t
from ..kit import Step, button, money_value, record_name


class MoneyStep(Step):
    key, name_key, title_key = "cash_flow", "app_step_cash_flow", "nb1_title"

    def _cost_what(self, list_key: str, item: dict, index: int) -> str:
        """A cost line in words for its remove button: its name, else its category."""
        lang = self.lang
        name = str(item.get("name") or "") or (category_name(item["category"], lang) if item.get("category") in
                                               CATEGORIES else t("app_item_number", lang, n=index + 1))
        return t("app_this_cost", lang, list=t(list_key, lang), name=name)

    def build(self) -> list:
        lang = self.lang
        basics = W.VBox([W.HTML(f"<h3>{escape(t('app_basics', lang))}</h3>"),
                         *[f.widget for f in self.kit.form((), "", keep=True)],
                         *[f.widget for f in self.kit.form(("household",), "household", keep=True)]])
        income = self.kit.records(
            ("income",), "income", "app_add_income", lambda keys, item: self.kit.form(keys, "income"),
            lambda: {"name": t("app_new_income", lang), "amount": 0},
            what=lambda item, i: t("app_this_income", lang, name=record_name(item, i, lang)))
        fixed = self.kit.records(("fixed_costs",), "fixed_costs", "w_add_line",
                                 lambda keys, item: self.kit.form(keys, "fixed_costs"),
                                 lambda: {"category": "other", "name": "", "amount": 0},
                                 what=lambda item, i: self._cost_what("fixed_costs", item, i))
        flexible = self.kit.records(("flexible_costs",), "flexible_costs", "w_add_line",
                                    lambda keys, item: self.kit.form(keys, "flexible_costs"),
                                    lambda: {"category": "other", "name": "", "amount": 0},
                                    what=lambda item, i: self._cost_what("flexible_costs", item, i))
        savings = W.VBox([W.HTML(f"<h3>{escape(t('app_savings', lang))}</h3>"),
                          *[f.widget for f in self.kit.form(("savings",), "savings", keep=True)]])
        # what-if: a preview only, until "use these figures"
        self.income_down = W.IntSlider(value=0, min=0, max=50, step=5, description=t("income_down", lang) + " %",
                                       style={"description_width": "initial"})
        self.cost_cut = W.IntSlider(value=0, min=0, max=2000, step=50, description=t("cost_cut", lang),
                                    style={"description_width": "initial"})
        self.cut_category = W.Dropdown(options=[(category_name(c, lang), c) for c in CATEGORIES], value="food",
                                       description=t("w_cut_category", lang), style={"description_width": "initial"})
        self.what_if_result = W.HTML()
        self.use_what_if = button(description=t("app_use_figures", lang))
        self.use_what_if.on_click(lambda _: self.apply_what_if())
        for w in (self.income_down, self.cost_cut, self.cut_category):
            w.observe(lambda _: self._what_if_preview(), names="value")
        what_if = W.VBox([W.HTML(f"<h3>{escape(t('app_what_if', lang))}</h3>"
                                 f'<p class="dp-app-note">{escape(t("app_what_if_note", lang))}</p>'),
                          self.income_down, self.cost_cut, self.cut_category, self.what_if_result,
                          self.use_what_if], _dom_classes=("dp-app-what-if",))
        return [basics, income.widget, fixed.widget, flexible.widget, savings, what_if]

    def html(self) -> str:
        return views.cash_flow_html(self.session.assessment, self.lang)

    def follow(self) -> None:
        self._what_if_preview()

    def _what_if(self) -> dict:
        return {"income_change": Decimal(-self.income_down.value) / 100,
                "cost_cuts": {self.cut_category.value: self.cost_cut.value} if self.cost_cut.value else None}

    def _what_if_preview(self) -> None:
        lang = self.lang
        if not (self.income_down.value or self.cost_cut.value):
            self.what_if_result.value = ""
            self.use_what_if.disabled = True
            return
        preview = self.session.preview(**self._what_if())
        self.use_what_if.disabled = preview is None
        if preview is None:
            self.what_if_result.value = escape(t("app_stale", lang))
            return
        if self.session.assessment is None:
            return
        self.what_if_result.value = (
            f'<p class="dp-app-preview">{escape(t("app_what_if_result", lang, surplus=money_text(preview.cash_flow.surplus, lang), now=money_text(self.session.assessment.cash_flow.surplus, lang)))}</p>')

    def apply_what_if(self) -> None:
        """Write the what-if figures into the profile's lines (unsaved until Save), then reset the sliders."""
        data = self.session.data
        factor = 1 - Decimal(self.income_down.value) / 100
        changes: dict = {}
        for i, item in enumerate(data.get("income") or []):
            if isinstance(item, dict) and item.get("amount") is not None:
                changes[("income", i, "amount")] = money_value(read_amount(item["amount"]) * factor)
            if isinstance(item, dict) and isinstance(item.get("recent"), list):
                changes[("income", i, "recent")] = [money_value(read_amount(x) * factor) for x in item["recent"]]
        cut = Decimal(self.cost_cut.value)
        for i, item in enumerate(data.get("flexible_costs") or []):
            if cut > 0 and isinstance(item, dict) and item.get("category") == self.cut_category.value:
                amount = read_amount(item.get("amount", 0))
                take = min(cut, amount)
                cut -= take
                changes[("flexible_costs", i, "amount")] = money_value(amount - take)
        self.kit.syncing = True
        self.income_down.value = 0
        self.cost_cut.value = 0
        self.kit.syncing = False
        self.session.set_many(changes)
        self.kit.sync()
