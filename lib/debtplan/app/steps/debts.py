"""Step 2, what I owe (欠款): each debt's fields and its creditor's offers, and a new debt started from a
product preset (its typical rate, penalty multiplier and repayment method fill the fields, still editable)."""
from __future__ import annotations

from html import escape

from .. import lean as W
from ...core.conventions import METHOD_NAMES as METHODS
from ...core.model import PRODUCTS
from ...core.schema import FEE_KINDS, FEE_TIMINGS, LENDER_KINDS
from ...present import views
from ...present.truecost import KIND_KEYS
from ...text.i18n import product_name, t
from ..kit import RecordList, Step, number_or_text, record_name

METHOD_KEYS = {"annuity": "app_method_annuity", "equal-principal": "app_method_equal_principal",
               "interest-only": "app_method_interest_only",
               "interest-only-then-annuity": "app_method_interest_only_then_annuity"}
FEE_KIND_KEYS = {"guarantee": "app_fee_guarantee", "membership": "app_fee_membership", "service": "app_fee_service",
                 "insurance": "app_fee_insurance", "other": "app_fee_other"}
FEE_TIMING_KEYS = {"each_payment": "app_fee_each_payment", "start": "app_fee_start"}


class DebtsStep(Step):
    key, name_key, title_key = "owed", "app_step_owed", "nb2_title"

    def _debt_fields(self, keys: tuple, item: dict) -> list:
        lang = self.lang
        products = [(product_name(p, lang), p) for p in PRODUCTS]
        methods = [(t(METHOD_KEYS[m], lang), m) for m in METHODS]
        return [self.kit.field_in(keys + ("creditor",), "text", "creditor"),
                self.kit.field_in(keys + ("product",), "choice", "product", products,
                              on_change=lambda v, k=keys: self.pick_product(k, v)),
                self.kit.field_in(keys + ("principal",), "amount", "principal"),
                self.kit.field_in(keys + ("daily_rate",), "rate", "w_daily_rate"),
                self.kit.field_in(keys + ("annual_rate",), "rate", "w_annual_rate"),
                self.kit.field_in(keys + ("term_months",), "int", "app_term_months"),
                self.kit.field_in(keys + ("method",), "choice", "app_method", methods),
                self.kit.field_in(keys + ("start_date",), "date", "app_start_date"),
                self.kit.field_in(keys + ("overdue_since",), "date", "w_overdue_since"),
                self.kit.field_in(keys + ("overdue_amount",), "amount", "w_overdue_amount"),
                self.kit.field_in(keys + ("unpaid_interest",), "amount", "unpaid_interest"),
                self.kit.field_in(keys + ("unpaid_minimum",), "amount", "app_unpaid_minimum"),
                self.kit.field_in(keys + ("penalty_multiplier",), "rate", "w_penalty_multiplier"),
                # who lent it decides the ceiling; "" leaves it to the product's usual lender
                self.kit.field_in(keys + ("lender_kind",), "choice", "field_lender_kind",
                                  [(t("app_lender_kind_product", lang), "")]
                                  + [(t(KIND_KEYS[k], lang), k) for k in LENDER_KINDS]),
                self.kit.field_in(keys + ("lender",), "text", "field_lender"),
                self.kit.field_in(keys + ("funder",), "text", "field_funder"),
                self.kit.field_in(keys + ("contract_date",), "date", "field_contract_date"),
                self.kit.field_in(keys + ("loan_amount",), "amount", "field_loan_amount"),
                self.kit.field_in(keys + ("contractual_payment",), "amount", "app_contractual_payment")]

    def _offers(self, keys: tuple, item: dict) -> list:
        offers = RecordList(
            self.kit, keys + ("offers",), "app_offers", "app_add_offer",
            lambda k, it: [self.kit.field_in(k + ("name",), "text", "w_name"),
                           self.kit.field_in(k + ("months",), "int", "app_months"),
                           self.kit.field_in(k + ("monthly_fee_rate",), "rate", "app_monthly_fee_rate"),
                           self.kit.field_in(k + ("annual_rate",), "rate", "w_annual_rate"),
                           self.kit.field_in(k + ("monthly_payment",), "amount", "app_monthly_payment"),
                           self.kit.field_in(k + ("upfront_fee",), "amount", "app_upfront_fee")],
            lambda: {"name": t("app_new_offer", self.lang), "months": 12, "monthly_fee_rate": "0.006"},
            what=lambda it, i: t("app_this_offer", self.lang, debt=str(item.get("creditor") or ""),
                                 name=record_name(it, i, self.lang)))
        fees = RecordList(
            self.kit, keys + ("fees",), "app_fees", "app_add_fee",
            lambda k, it: [self.kit.field_in(k + ("kind",), "choice", "field_kind",
                                             [(t(FEE_KIND_KEYS[x], self.lang), x) for x in FEE_KINDS]),
                           self.kit.field_in(k + ("amount",), "amount", "field_amount"),
                           self.kit.field_in(k + ("timing",), "choice", "field_timing",
                                             [(t(FEE_TIMING_KEYS[x], self.lang), x) for x in FEE_TIMINGS])],
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
        self.new_creditor = W.Text(description=t("creditor", lang), style={"description_width": "initial"})
        self.new_product = W.Dropdown(options=[(product_name(p, lang), p) for p in PRODUCTS], value="jiebei",
                                      description=t("product", lang), style={"description_width": "initial"})
        self.new_principal = W.Text(description=t("principal", lang), style={"description_width": "initial"})
        for w in (self.new_creditor, self.new_product, self.new_principal):
            w.add_class("dp-app-input")
        self.debts = self.kit.records(("debts",), "app_debts", "w_add_debt", self._debt_fields, self.add_debt,
                                  row_title=lambda item, i: str(item.get("creditor") or ""), extra=self._offers,
                                  what=lambda item, i: t("app_this_debt", lang, name=record_name(item, i, lang)))
        new_row = W.VBox([W.HTML(f'<p class="dp-app-note">{escape(t("app_new_debt_note", lang))}</p>'),
                          self.new_creditor, self.new_product, self.new_principal])
        new_row.add_class("dp-app-new")
        self.debts.widget.children = (*self.debts.widget.children[:-1], new_row, self.debts.widget.children[-1])
        return [self.debts.widget]

    def html(self) -> str:
        return views.owed_html(self.session.assessment, self.lang)
