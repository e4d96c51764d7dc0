"""The notebooks' forms (ipywidgets). They only edit the session's data and re-call the library:
fields are checked as you type by the same loader as profile files (about 1 ms), the message names the
problem and its fix, and the page redraws whenever the data is valid again;
every number shown comes from :func:`debtplan.calc.assessment.assess`, every page part from :mod:`views`/:mod:`pack`.

Each app exposes its controls as attributes so tests (and the Voila app) can drive them.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

import ipywidgets as W

from ..present import pack, views
from ..core.errors import DebtplanError, ProfileError
from ..text.i18n import channel_name, category_name, cost_line_label, option_name, product_name, t
from ..core.model import CATEGORIES, CHANNELS
from ..inputs.records import append_contact
from ..core.model import PRODUCTS
from .session import Session

__all__ = ["CashFlowApp", "OwedApp", "PlansApp", "LogApp"]

#: The label of each form field, by the profile key it edits.
FIELD_LABELS = {"adults": "w_adults", "children": "w_children", "area": "w_area", "balance": "w_balance",
                "monthly_contribution": "w_monthly_contribution", "name": "w_name", "amount": "w_amount",
                "principal": "w_principal", "daily_rate": "w_daily_rate", "annual_rate": "w_annual_rate",
                "overdue_since": "w_overdue_since", "overdue_amount": "w_overdue_amount",
                "unpaid_interest": "w_unpaid_interest", "penalty_multiplier": "w_penalty_multiplier",
                "channel": "w_channel", "person": "w_person", "offered": "w_offered", "asked": "w_asked",
                "outcome": "w_outcome", "next_step": "w_next_step"}
AREA_LABELS = {"urban": "w_area_urban", "rural": "w_area_rural", "all": "w_area_all"}


def _l(key: str, lang: str, **kw: Any) -> str:
    """The label of the form field that edits ``key``."""
    return t(FIELD_LABELS[key], lang, **kw)


def _choices(values: Any, name: Callable[[str], str]) -> list[tuple[str, str]]:
    """Dropdown options shown in the reader's language, with the profile's codes as values."""
    return [(name(v), v) for v in values]


class _App:
    def __init__(self, session: Session):
        self.session = session
        self.lang = session.lang
        self.message = W.HTML()
        self.output = W.Output()
        self.save_button = W.Button(description=t("w_save", self.lang), icon="save")
        self.save_button.on_click(lambda _: self.save())

    def _problems(self, problems: list) -> None:
        from html import escape

        self.message.value = ('<span style="color:#b00">' + escape(t("w_invalid", self.lang)) +
                              "<br>".join(escape(str(p).split(": ", 1)[-1]) for p in problems) + "</span>")

    def _edit(self, keys: tuple, value: Any) -> None:
        problems = self.session.edit(keys, value)
        if problems:
            self._problems(problems)
        else:
            self.message.value = ""
            self.render()

    def save(self) -> None:
        try:
            path = self.session.save()
        except (ProfileError, DebtplanError) as exc:
            from html import escape

            self.message.value = f'<span style="color:#b00">{escape(str(exc))}</span>'
            return
        self.message.value = t("w_saved", self.lang, path=path.name)

    def html(self) -> str:
        raise NotImplementedError

    def render(self) -> None:
        """Replace the output area's content (set as widget state, so it works in a kernel and in tests)."""
        self.output.outputs = ({"output_type": "display_data", "data": {"text/html": self.html()},
                                "metadata": {}},)


def _amount_field(label: str, value: Any, on_change: Callable[[str], None]) -> W.Text:
    field = W.Text(value=str(value if value is not None else ""), description=label,
                   style={"description_width": "14em"}, layout=W.Layout(width="28em"), continuous_update=True)
    field.observe(lambda ch: on_change(ch["new"]), names="value")
    return field


def _int_or_text(value: str) -> Any:
    """Whole numbers typed in a text box reach the loader as numbers; anything else as typed (so it is reported)."""
    text = value.strip()
    try:
        return int(text)
    except ValueError:
        return text


SECTIONS = ("income", "fixed_costs", "flexible_costs")


class CashFlowApp(_App):
    """Household, income, costs and savings as editable fields (plus a row to add a line), what-if sliders,
    the budget chart and the surplus."""

    def __init__(self, session: Session):
        super().__init__(session)
        lang = self.lang
        self.fields: dict[tuple, W.Text] = {}
        self.lines = W.VBox()
        hh = session.data.get("household") or {}
        sv = session.data.get("savings") or {}
        self.household = {key: _amount_field(_l(key, lang), hh.get(key, default),
                                             lambda v, k=key: self._edit(("household", k), _int_or_text(v)))
                          for key, default in (("adults", 1), ("children", 0))}
        self.area = W.Dropdown(options=_choices(("urban", "rural", "all"), lambda v: t(AREA_LABELS[v], lang)),
                               value=hh.get("area", "urban"), description=_l("area", lang),
                               style={"description_width": "14em"})
        self.area.observe(lambda ch: self._edit(("household", "area"), ch["new"]), names="value")
        self.savings = {key: _amount_field(_l(key, lang), sv.get(key, 0),
                                           lambda v, k=key: self._edit(("savings", k), v))
                        for key in ("balance", "monthly_contribution")}
        self.new_section = W.Dropdown(options=_choices(SECTIONS, lambda v: t(v, lang)), value="flexible_costs",
                                      description="", tooltip=t("w_line_kind", lang))
        self.new_category = W.Dropdown(options=_choices(CATEGORIES, lambda v: category_name(v, lang)), value="other",
                                       description="", tooltip=t("category", lang))
        self.new_name = W.Text(placeholder=_l("name", lang), layout=W.Layout(width="12em"))
        self.new_amount = W.Text(placeholder=_l("amount", lang), layout=W.Layout(width="8em"))
        self.add_button = W.Button(description=t("w_add_line", lang), icon="plus")
        self.add_button.on_click(lambda _: self.add_line())
        self._build_lines()
        self.income_down = W.IntSlider(value=0, min=0, max=50, step=5, description=t("income_down", lang) + " %",
                                       style={"description_width": "10em"})
        self.cost_cut = W.IntSlider(value=0, min=0, max=2000, step=50, description=t("cost_cut", lang),
                                    style={"description_width": "10em"})
        self.cut_category = W.Dropdown(options=_choices(CATEGORIES, lambda v: category_name(v, lang)), value="food",
                                       description="", tooltip=t("w_cut_category", lang))
        for w in (self.income_down, self.cost_cut, self.cut_category):
            w.observe(lambda _: self.update_what_if(), names="value")
        self.widget = W.VBox([W.VBox([*self.household.values(), self.area]), self.lines,
                              W.HBox([self.new_section, self.new_category, self.new_name, self.new_amount,
                                      self.add_button]),
                              W.VBox(list(self.savings.values())), W.HBox([self.income_down]),
                              W.HBox([self.cost_cut, self.cut_category]), self.save_button, self.message, self.output])
        self.render()

    def _build_lines(self) -> None:
        self.fields = {}
        for section in SECTIONS:
            for i, item in enumerate(self.session.data.get(section) or []):
                if "amount" not in item:
                    continue
                label = str(item.get("name") or "") if section == "income" else cost_line_label(
                    str(item.get("category")), str(item.get("name") or ""), self.lang)
                keys = (section, i, "amount")
                self.fields[keys] = _amount_field(label, item["amount"], lambda v, k=keys: self._edit(k, v))
        self.lines.children = list(self.fields.values())

    def add_line(self) -> None:
        """Add an income or cost line from the row of fields; it is validated like the rest."""
        section = self.new_section.value
        item = {"name": self.new_name.value.strip(), "amount": self.new_amount.value.strip()}
        if section != "income":
            item["category"] = self.new_category.value
        elif not item["name"]:
            item["name"] = "income"
        lines = list(self.session.data.get(section) or []) + [item]
        problems = self.session.edit((section,), lines)
        if problems:
            self._problems(problems)
            return
        self.new_name.value = self.new_amount.value = ""
        self.message.value = ""
        self._build_lines()
        self.render()

    @property
    def surplus(self) -> Decimal:
        return self.session.assessment.cash_flow.surplus

    def update_what_if(self) -> None:
        self.session.set_what_if(income_change=Decimal(-self.income_down.value) / 100,
                                 cost_cuts={self.cut_category.value: self.cost_cut.value} if self.cost_cut.value else None)
        self.render()

    def html(self) -> str:
        return views.cash_flow_html(self.session.assessment, self.lang)


class OwedApp(_App):
    """One debt at a time: product preset picker, the debt's fields, what is owed and the cost of waiting."""

    FIELDS = ("principal", "daily_rate", "annual_rate", "overdue_since", "overdue_amount", "unpaid_interest",
              "penalty_multiplier")

    def __init__(self, session: Session):
        super().__init__(session)
        names = [str(d.get("creditor")) for d in session.data.get("debts") or []]
        self.debt_picker = W.Dropdown(options=[(n, i) for i, n in enumerate(names)],
                                      description=t("w_debt", self.lang))
        lang = self.lang
        self.product = W.Dropdown(options=_choices(PRODUCTS, lambda v: product_name(v, lang)),
                                  description=t("product", lang))
        self.fields = {name: W.Text(description=_l(name, lang), continuous_update=True,
                                    style={"description_width": "14em"}) for name in self.FIELDS}
        self._loading = False
        self.debt_picker.observe(lambda _: self.load_debt(), names="value")
        self.product.observe(lambda ch: self.pick_product(ch["new"]), names="value")
        for name, w in self.fields.items():
            w.observe(lambda ch, n=name: self.change(n, ch["new"]), names="value")
        self.new_creditor = W.Text(placeholder=t("creditor", lang), layout=W.Layout(width="10em"))
        self.new_product = W.Dropdown(options=_choices(PRODUCTS, lambda v: product_name(v, lang)), value="generic",
                                      layout=W.Layout(width="9em"), tooltip=t("product", lang))
        self.new_principal = W.Text(placeholder=_l("principal", lang), layout=W.Layout(width="8em"))
        self.new_rate_kind = W.Dropdown(options=_choices(("daily_rate", "annual_rate"), lambda v: _l(v, lang)),
                                        value="daily_rate", layout=W.Layout(width="13em"), tooltip=t("w_rate_kind", lang))
        self.new_rate = W.Text(placeholder=t("w_rate", lang), layout=W.Layout(width="7em"))
        self.add_button = W.Button(description=t("w_add_debt", lang), icon="plus")
        self.add_button.on_click(lambda _: self.add_debt())
        self.widget = W.VBox([self.debt_picker, self.product, *self.fields.values(),
                              W.HBox([self.new_creditor, self.new_product, self.new_principal, self.new_rate_kind,
                                      self.new_rate, self.add_button]),
                              self.save_button, self.message, self.output])
        self.load_debt()
        self.render()

    def add_debt(self) -> None:
        """Add a debt (name, product, principal, and the contract rate unless the preset has a typical one);
        the other fields come from the preset and can be changed afterwards."""
        debt = {"creditor": self.new_creditor.value.strip(), "product": self.new_product.value,
                "principal": self.new_principal.value.strip()}
        if self.new_rate.value.strip():
            debt[self.new_rate_kind.value] = self.new_rate.value.strip()
        problems = self.session.edit(("debts",), list(self.session.data.get("debts") or []) + [debt])
        if problems:
            self._problems(problems)
            return
        names = [str(d.get("creditor")) for d in self.session.data["debts"]]
        self.debt_picker.options = [(n, i) for i, n in enumerate(names)]
        self.debt_picker.value = len(names) - 1
        self.new_creditor.value = self.new_principal.value = self.new_rate.value = ""
        self.message.value = ""
        self.render()

    @property
    def index(self) -> int:
        return self.debt_picker.value or 0

    def load_debt(self) -> None:
        self._loading = True
        debt = self.session.data["debts"][self.index]
        self.product.value = debt.get("product", "generic")
        for name, w in self.fields.items():
            w.value = "" if debt.get(name) is None else str(debt.get(name))
        self._loading = False

    def pick_product(self, product: str) -> None:
        """Choose a preset: its typical daily rate and multiplier fill the fields (still editable)."""
        if self._loading:
            return
        rule = self.session.rules.products[product]
        self._edit(("debts", self.index, "product"), product)
        self._loading = True
        if rule.default_daily_rate is not None and not self.fields["annual_rate"].value:
            self.fields["daily_rate"].value = str(rule.default_daily_rate)
        self.fields["penalty_multiplier"].value = str(rule.penalty_multiplier)
        self._loading = False
        self.change("daily_rate", self.fields["daily_rate"].value)

    def change(self, name: str, value: str) -> None:
        if not self._loading:
            self._edit(("debts", self.index, name), value.strip() or None)

    def html(self) -> str:
        return views.owed_html(self.session.assessment, self.lang)


class PlansApp(_App):
    """Pick a debt and an option to see its balance over time."""

    def __init__(self, session: Session):
        super().__init__(session)
        a = session.assessment
        self.debt_picker = W.Dropdown(options=[(d.debt.creditor, i) for i, d in enumerate(a.debts)],
                                      description=t("w_debt", self.lang))
        self.option_picker = W.Dropdown(description=t("w_option", self.lang), layout=W.Layout(width="30em"))
        self.debt_picker.observe(lambda _: self._options(), names="value")
        self.option_picker.observe(lambda _: self.render(), names="value")
        self.widget = W.VBox([self.debt_picker, self.option_picker, self.output])
        self._options()

    def _options(self) -> None:
        d = self.session.assessment.debts[self.debt_picker.value or 0]
        self.option_picker.options = [(option_name(o, self.lang), o.key) for o in d.options]
        self.option_picker.value = d.proposal.option.key
        self.render()

    def html(self) -> str:
        a = self.session.assessment
        return views.plan_detail_html(a, a.debts[self.debt_picker.value or 0], self.lang, self.option_picker.value)


class LogApp(_App):
    """A form to add one contact to the log; earlier entries are never changed."""

    def __init__(self, session: Session):
        super().__init__(session)
        names = [d.creditor for d in session.profile.debts]
        self.creditor = W.Dropdown(options=names, description=t("creditor", self.lang))
        lang = self.lang
        self.channel = W.Dropdown(options=_choices(CHANNELS, lambda v: channel_name(v, lang)), value="phone",
                                  description=_l("channel", lang))
        self.person, self.offered, self.asked, self.outcome, self.next_step = (
            W.Text(description=_l(k, lang), style={"description_width": "10em"})
            for k in ("person", "offered", "asked", "outcome", "next_step"))
        self.add_button = W.Button(description=t("w_add_contact", lang), icon="plus")
        self.add_button.on_click(lambda _: self.add())
        self.widget = W.VBox([self.creditor, self.channel, self.person, self.offered, self.asked, self.outcome,
                              self.next_step, self.add_button, self.message, self.output])
        self.render()

    def add(self) -> None:
        try:
            append_contact(self.session.path, creditor=self.creditor.value, channel=self.channel.value,
                           outcome=self.outcome.value, person=self.person.value, offered=self.offered.value,
                           asked=self.asked.value, next_step=self.next_step.value,
                           date=self.session.assessment.as_of)
        except (ProfileError, DebtplanError) as exc:
            self._problems(getattr(exc, "problems", [exc]))
            return
        self.session.reload()
        self.message.value = t("w_added", self.lang)
        for w in (self.person, self.offered, self.asked, self.outcome, self.next_step):
            w.value = ""
        self.render()

    def html(self) -> str:
        return pack.contact_log_html(self.session.assessment, self.lang, blank_rows=0)
