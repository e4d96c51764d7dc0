"""Step 2, what I owe (欠款): each debt's fields and its creditor's offers, and a new debt started from a
product preset (its typical rate, penalty multiplier and repayment method fill the fields, still editable)."""
from __future__ import annotations

from html import escape

from .. import lean as W
from ...core.model import PRODUCTS
from ...core.schema import field
from ...inputs.words import load_words
from ...present import views
from ...text.i18n import product_name, t
from ..choices import WORDS, options
from ..kit import RecordList, Step, number_or_text, record_name


class DebtsStep(Step):
    key, name_key, title_key = "owed", "app_step_owed", "nb2_title"

    def _debt_fields(self, keys: tuple, item: dict) -> list:
        """The debt's fields as the schema lists them; choosing a product fills in its preset."""
        return self.kit.form(keys, "debts", choices={"method": lambda: self._methods(item)},
                             on_change={"product": lambda v, k=keys: self.pick_product(k, v)})

    def _methods(self, item: dict) -> list[tuple[str, str]]:
        """The repayment methods, first the one used when the file names none: its product's usual method, in
        words ("按产品通常的方式（等额本金）"), where an empty box hid what the figures assume."""
        f = field("debts", "method")
        words = t("app_method_product", self.lang)
        product = load_words().lookup("product", item.get("product") or "generic")  # her own word too ("信用卡")
        rule = self.session.rules.products.get(product or "")
        if rule is not None:  # else a product no word names: no method to name
            words += t("app_method_product_is", self.lang, method=WORDS[f.words](rule.default_method, self.lang))
        return options(f, self.lang, unset=words)

    def _offers(self, keys: tuple, item: dict) -> list:
        offers = RecordList(
            self.kit, keys + ("offers",), "app_offers", "app_add_offer",
            lambda k, it: self.kit.form(k, "offers"),
            lambda: {"name": t("app_new_offer", self.lang), "months": 12, "monthly_fee_rate": "0.006"},
            what=lambda it, i: t("app_this_offer", self.lang, debt=str(item.get("creditor") or ""),
                                 name=record_name(it, i, self.lang)))
        fees = RecordList(
            self.kit, keys + ("fees",), "app_fees", "app_add_fee", lambda k, it: self.kit.form(k, "fees"),
            lambda: {"kind": "guarantee", "amount": 0, "timing": "each_payment"})
        return [fees, offers]

    def pick_product(self, keys: tuple, product: str) -> None:
        """Choose a preset: its typical daily rate and penalty multiplier fill the fields (still editable)."""
        rule = self.session.rules.products[product]
        changes: dict = {keys + ("product",): product, keys + ("penalty_multiplier",): str(rule.penalty_multiplier)}
        if rule.default_daily_rate is not None and not self.session.get(keys + ("annual_rate",)):
            changes[keys + ("daily_rate",)] = str(rule.default_daily_rate)
        changes[keys + ("method",)] = rule.default_method
        self.session.set_many(changes)
        self.kit.sync()

    def add_debt(self) -> dict | None:
        """The new debt from the row of fields: name, product preset, principal; the rest from the preset."""
        name = self.new_creditor.value.strip() or t("app_new_debt", self.lang)
        product = self.new_product.value
        rule = self.session.rules.products[product]
        debt: dict = {"creditor": name, "product": product, "principal": number_or_text(self.new_principal.value) or 0}
        if rule.default_daily_rate is not None:
            debt["daily_rate"] = str(rule.default_daily_rate)
        debt["method"] = rule.default_method
        self.new_creditor.value = self.new_principal.value = ""
        return debt

    def build(self) -> list:
        lang = self.lang
        common = dict(style={"description_width": "initial"}, _dom_classes=("dp-app-input",))
        self.new_creditor = W.Text(description=t("creditor", lang), **common)
        self.new_product = W.Dropdown(options=[(product_name(p, lang), p) for p in PRODUCTS], value="jiebei",
                                      description=t("product", lang), **common)
        self.new_principal = W.Text(description=t("principal", lang), **common)
        self.debts = self.kit.records(("debts",), "app_debts", "w_add_debt", self._debt_fields, self.add_debt,
                                  row_title=lambda item, i: str(item.get("creditor") or ""), extra=self._offers,
                                  what=lambda item, i: t("app_this_debt", lang, name=record_name(item, i, lang)))
        new_row = W.VBox([W.HTML(f'<p class="dp-app-note">{escape(t("app_new_debt_note", lang))}</p>'),
                          self.new_creditor, self.new_product, self.new_principal], _dom_classes=("dp-app-new",))
        self.debts.widget.children = (*self.debts.widget.children[:-1], new_row, self.debts.widget.children[-1])
        return [self.debts.widget]

    def html(self) -> str:
        return views.owed_html(self.session.assessment, self.lang)
