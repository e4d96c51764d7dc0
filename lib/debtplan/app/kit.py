"""The app's field kit: what every step is built from, on one :class:`~debtplan.app.session.Session`.

* :class:`Kit` holds the session and what the steps share (language, today, the fields and lists, whether a
  change is being shown in the forms); after every change of the session it puts each problem beside its field
  and lets every step follow the data.
* :class:`Field` is one value of the profile bound to its path; :class:`RecordList` a list of records edited in
  place; :class:`EntryForm` a form that adds one record to an append-only list.
* :meth:`Kit.form` and :meth:`Kit.specs` make a record's fields from the profile's schema
  (:mod:`debtplan.core.schema`): which fields, in what order, with which control and label. A field added to the
  schema appears in the app's form with no code here.
* :class:`Step` is one step of the app: its forms and its figures. Each step is a module of ``app/steps``; a
  step can be built on a :class:`Kit` alone and driven by setting its widgets' values (``tests/test_app.py``).

Amounts typed into the app are read by the library's reader (:func:`debtplan.core.terms.read_amount`) and
amounts the app computes are rounded by the library's rounding (:func:`debtplan.core.money.round_money`).
"""
from __future__ import annotations

import copy
import datetime as _dt
import re
from decimal import Decimal
from html import escape
from typing import Any, Callable

from . import lean as W  # ipywidgets, sharing empty layouts and styles (lean.py: 60% fewer widgets)

from ..core.errors import Problem, ProfileError, TermError
from ..core.money import round_money
from ..core.schema import fields_of
from ..core.terms import read_amount, read_date
from ..inputs.events import parse_moment
from ..inputs.profile import parse_profile
from ..text.problems import field_problem_text
from ..text.problems import problem_text as place_problem_text
from ..text.i18n import date_text, t
from .choices import options
from .session import Session, path_text

__all__ = ["Kit", "Field", "RecordList", "EntryForm", "Step", "problem_text", "button", "number_or_text",
           "money_value", "parse_date_text", "set_options", "CONTROLS"]

#: The control a form shows for each kind of schema field.
CONTROLS = {"amount": "amount", "amounts": "amounts", "rate": "rate", "int": "int", "text": "text",
            "long_text": "longtext", "date": "date", "moment": "text", "choice": "choice", "flag": "bool"}



def problem_text(problem: Problem, lang: str) -> str:
    """A validation problem as the reader of its field sees it, beside the field (what is wrong and the fix,
    in the profile's language: :func:`debtplan.text.problems.field_problem_text`)."""
    return field_problem_text(problem, lang)


def target_class(path: str) -> str:
    """The CSS class of the field (or record) editing ``path``: ``debts[1].daily_rate`` -> ``dp-f-debts-1-daily-rate``
    (the page's script finds a problem's field by it)."""
    return "dp-f-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


def problems_html(texts: list[str], lang: str) -> str:
    """Problems beside a field: each with a sign as well as its colour (app.css), so it is found without
    seeing red."""
    sign = escape(t("app_problem_mark", lang))
    return "".join(f'<span class="dp-app-problem" role="alert"><span class="dp-app-sign" aria-label="{sign}" '
                   f'title="{sign}">!</span> {escape(text)}</span>' for text in texts)


def button(*classes: str, **kw: Any) -> W.Button:
    """A button as wide as its words (never cut), styled by class (``dp-app-button`` and ``classes``)."""
    return W.Button(layout={"width": "auto"}, _dom_classes=("dp-app-button", *classes), **kw)


def number_or_text(text: str) -> Any:
    """What a typed amount becomes in the profile: in canonical form when it can be read as people write it
    (``1.5万`` -> 15000, ``¥1,500.50`` -> 1500.50), else as typed (the loader then says what is wrong)."""
    text = text.strip()
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    try:
        number = read_amount(text)
    except TermError:
        return text
    return int(number) if number == number.to_integral_value() else number


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def codes_of(items: Any) -> list:
    """The values of a dropdown's options: (words, code) pairs or plain words that are their own code."""
    return [o[1] if isinstance(o, tuple) else o for o in items]


def _alerts(texts: list[str]) -> str:
    """Problems in words, each announced to a screen reader, for a form's error line."""
    return "".join(f'<span class="dp-app-problem" role="alert">{escape(x)}</span>' for x in texts)


def set_options(dropdown: Any, options: list) -> None:
    """New options for a dropdown, keeping its value when it is still one of them."""
    old = dropdown.value
    dropdown.options = options
    if old in options:
        dropdown.value = old


def parse_date_text(text: str) -> _dt.date | None:
    """A date as people write it (2026-12-10, 2026/12/10, 2026年12月10日), or None."""
    try:
        return read_date(text or "")
    except TermError:
        return None


class Field:
    """One value of the profile, bound to its path: a labelled input and its problem beside it.

    ``kind``: amount, rate, int, text, longtext, date, choice, bool, amounts (a list of amounts)."""

    def __init__(self, kit: "Kit", keys: tuple, kind: str, label: str, choices: list | None = None,
                 on_change: Callable[[Any], None] | None = None):
        self.kit, self.keys, self.kind, self.on_change = kit, tuple(keys), kind, on_change
        self.path = path_text(self.keys)
        lang = kit.lang
        value = kit.session.get(self.keys)
        common = dict(description=label, style={"description_width": "initial"}, _dom_classes=("dp-app-input",))
        if kind == "choice":
            codes = codes_of(choices)
            # a choice not written in the file shows what it means: its "" option (left to the default) if any
            self.input = W.Dropdown(options=choices, value=value if value in codes else ("" if "" in codes else None),
                                    **common)
        elif kind == "bool":
            self.input = W.Checkbox(value=bool(value), indent=False, **common)
        elif kind == "longtext":
            self.input = W.Textarea(value=_shown(value), continuous_update=False, **common)
        else:
            self.input = W.Text(value=_shown(value), continuous_update=False, **common)
        self.error = W.HTML(_dom_classes=("dp-app-error",))
        parts: list = [self.input]
        if kind == "date":
            self.shown = W.HTML(self._date_shown(value), _dom_classes=("dp-app-date-shown",))
            self.pick = button("dp-app-small", description=t("app_pick_date", lang), tooltip=t("app_pick_date", lang))
            self.pick.on_click(lambda _: self._toggle_picker())
            self.picker = W.HBox(_dom_classes=("dp-app-picker",))
            parts += [self.shown, self.pick]
        # its classes: for tests, styles and the jump to a problem
        self.widget = W.VBox([W.HBox(parts), *( [self.picker] if kind == "date" else []), self.error],
                             _dom_classes=("dp-app-field", f"dp-app-field-{kind}", target_class(self.path)))
        self.input.observe(self._changed, names="value")

    # -- dates
    def _date_shown(self, value: Any) -> str:
        day = parse_date_text(_shown(value))
        return f'<span class="dp-app-date">{escape(date_text(day, self.kit.lang))}</span>' if day else ""

    def _toggle_picker(self) -> None:
        if self.picker.children:
            self.picker.children = ()
            return
        lang = self.kit.lang
        day = parse_date_text(self.input.value) or self.kit.today
        years = list(range(day.year - 5, day.year + 6))
        self.y = W.Dropdown(options=[(f"{y}年" if lang == "zh" else str(y), y) for y in years], value=day.year,
                            description=t("app_year", lang), style={"description_width": "initial"})
        self.m = W.Dropdown(options=[(f"{m}月" if lang == "zh" else _dt.date(2000, m, 1).strftime("%b"), m)
                                     for m in range(1, 13)], value=day.month, description=t("app_month", lang),
                            style={"description_width": "initial"})
        self.d = W.Dropdown(options=[(f"{d}日" if lang == "zh" else str(d), d) for d in range(1, 32)],
                            value=day.day, description=t("app_day", lang), style={"description_width": "initial"})
        use = button(description=t("app_use_date", lang))
        use.on_click(lambda _: self._use_picked())
        self.picker.children = (self.y, self.m, self.d, use)

    def _use_picked(self) -> None:
        y, m, d = self.y.value, self.m.value, self.d.value
        while d > 28:
            try:
                _dt.date(y, m, d)
                break
            except ValueError:
                d -= 1
        self.input.value = _dt.date(y, m, d).isoformat()
        self.picker.children = ()

    # -- values
    def value_for_profile(self) -> Any:
        v = self.input.value
        if self.kind in ("choice", "bool"):
            return v
        if self.kind == "amounts":
            items = [x for x in re.split(r"[,，;；\s]+", v) if x]
            return [number_or_text(x) for x in items] or None
        if self.kind in ("amount", "int"):
            return number_or_text(v)
        if self.kind == "date":
            day = parse_date_text(v)
            return day.isoformat() if day else v.strip()
        return v.strip() if self.kind != "longtext" else v.strip("\n")

    def _changed(self, change: dict) -> None:
        if self.kit.syncing:
            return
        if self.kind == "date":
            self.shown.value = self._date_shown(self.input.value)
        value = self.value_for_profile()
        if self.on_change is not None:
            self.on_change(value)
        else:
            self.kit.session.set(self.keys, value)

    def sync(self) -> None:
        """Show the session's value (after a save merged changes from the file)."""
        value = self.kit.session.get(self.keys)
        if self.kind == "bool":
            self.input.value = bool(value)
        elif self.kind == "choice":
            if value in codes_of(self.input.options):
                self.input.value = value
        else:
            self.input.value = _shown(value)
            if self.kind == "date":
                self.shown.value = self._date_shown(value)

    def show_problems(self, problems: list[Problem]) -> bool:
        mine = [p for p in problems if p.path == self.path]
        # The frame first, then the words: the page applies the two changes in the order they are sent, so the
        # message is never on screen beside a field that does not yet look wrong (a busy page showed that).
        if mine:
            self.widget.add_class("dp-app-invalid")
        else:
            self.widget.remove_class("dp-app-invalid")
        self.error.value = problems_html([problem_text(p, self.kit.lang) for p in mine], self.kit.lang)
        return bool(mine)


class RecordList:
    """The records of one list (income lines, debts, agreements...): each with its fields and a remove button
    that asks once, and an add button below."""

    def __init__(self, kit: "Kit", keys: tuple, title_key: str, add_key: str,
                 fields: Callable[[tuple, dict], list[Field]], new_item: Callable[[], dict | None],
                 row_title: Callable[[dict, int], str] | None = None, removable: bool = True,
                 extra: Callable[[tuple, dict], list] | None = None,
                 what: Callable[[dict, int], str] | None = None):
        """``what``: the record in words for its remove button and question ("this debt: Huabei"); by default
        the list's title and the record's name."""
        self.kit, self.keys, self.fields_of, self.new_item = kit, tuple(keys), fields, new_item
        self.row_title, self.removable, self.extra, self.title_key = row_title, removable, extra, title_key
        self.what = what or self._what
        self.fields: list[Field] = []
        self.children: list[RecordList] = []
        self.rows = W.VBox(_dom_classes=("dp-app-rows",))
        self.add_button = button("dp-app-add", description=t(add_key, kit.lang))
        self.add_button.on_click(lambda _: self.add())
        self.error = W.HTML(_dom_classes=("dp-app-error",))
        title = W.HTML(f"<h3>{escape(t(title_key, kit.lang))}</h3>")
        self.widget = W.VBox([title, self.rows, self.error, self.add_button], _dom_classes=("dp-app-records",))
        self.rebuild()

    def items(self) -> list:
        items = self.kit.session.get(self.keys)
        return items if isinstance(items, list) else []

    def _what(self, item: dict, index: int) -> str:
        return t("app_this_item", self.kit.lang, list=t(self.title_key, self.kit.lang), name=record_name(item, index,
                                                                                                      self.kit.lang))

    def rebuild(self) -> None:
        self.fields, self.children, rows = [], [], []
        items = [item if isinstance(item, dict) else {} for item in self.items()]
        named = [self.what(item, i) for i, item in enumerate(items)]
        whats = [(f"{what}（{i + 1}）" if self.kit.lang == "zh" else f"{what} ({i + 1})")  # one name twice: numbered
                 if named.count(what) > 1 else what for i, what in enumerate(named)]
        for i, item in enumerate(self.items()):
            keys = self.keys + (i,)
            item = item if isinstance(item, dict) else {}
            fields = self.fields_of(keys, item)
            self.fields += fields
            parts: list = []
            if self.row_title:
                parts.append(W.HTML(f'<h4 class="dp-app-row-title">{escape(self.row_title(item, i))}</h4>'))
            parts += [f.widget for f in fields]
            row_error = W.HTML(_dom_classes=("dp-app-error",))
            row_error.path = path_text(keys)
            parts.append(row_error)
            for extra in (self.extra(keys, item) if self.extra else []):
                if isinstance(extra, RecordList):
                    self.children.append(extra)
                    parts.append(extra.widget)
                else:
                    parts.append(extra)
            if self.removable:
                parts.append(self._remove_control(i, whats[i]))
            row = W.VBox(parts, _dom_classes=("dp-app-row", target_class(path_text(keys))))
            row.row_error = row_error
            rows.append(row)
        self.rows.children = rows

    def _remove_control(self, index: int, what: str) -> W.Widget:
        """"Delete this debt: Huabei", then a question naming it again, and yes / keep."""
        lang = self.kit.lang
        ask = button("dp-app-small", "dp-app-remove-ask", description=t("app_remove_what", lang, what=what),
                     tooltip=t("app_remove_what", lang, what=what))
        sure = button(description=t("app_remove_sure", lang), button_style="danger",
                      tooltip=t("app_remove_what", lang, what=what))
        keep = button(description=t("app_remove_keep", lang))
        box = W.HBox([ask], _dom_classes=("dp-app-remove",))

        def confirm(_: Any) -> None:
            box.children = (W.HTML(escape(t("app_remove_asked", lang, what=what))), sure, keep)

        ask.on_click(confirm)
        keep.on_click(lambda _: setattr(box, "children", (ask,)))
        sure.on_click(lambda _: self.remove(index))
        box.ask, box.sure, box.keep = ask, sure, keep
        return box

    def add(self) -> None:
        item = self.new_item()
        if item is None:
            return
        self.kit.session.add_record(self.keys, item)
        self.rebuild()
        self.kit.after_change()

    def remove(self, index: int) -> None:
        self.kit.session.remove_record(self.keys, index)
        self.rebuild()
        self.kit.after_change()

    def all_fields(self) -> list[Field]:
        return self.fields + [f for c in self.children for f in c.all_fields()]

    def show_problems(self, problems: list[Problem]) -> set[str]:
        """Problems of whole records (``agreements[0]``) go under the record; return the paths shown."""
        shown = set()
        for row in self.rows.children:
            mine = [p for p in problems if p.path == row.row_error.path]
            row.row_error.value = problems_html([problem_text(p, self.kit.lang) for p in mine], self.kit.lang)
            shown |= {p.path for p in mine}
        for child in self.children:
            shown |= child.show_problems(problems)
        return shown


def record_name(item: dict, index: int, lang: str) -> str:
    """A record as its list shows it: its name, lender or date (what tells it from the others), else its number."""
    words = [str(item[k]) for k in ("name", "creditor", "date", "at", "received") if item.get(k) not in (None, "")]
    return " ".join(words[:2]) or t("app_item_number", lang, n=index + 1)


def _moment_text(text: str) -> str:
    """A date and time as the profile writes it (``2026年11月27日 22:40`` -> ``2026-11-27 22:40``; a date alone as
    ``2026-11-27``); text that is not one is kept as typed (the loader reports it)."""
    try:
        at = parse_moment(text)
    except ValueError:
        return text.strip()
    return f"{at:%Y-%m-%d %H:%M}" if isinstance(at, _dt.datetime) else at.isoformat()


class EntryForm:
    """A form that adds one record to an append-only list (collection contacts, letters sent).

    Its fields are :class:`Field` objects aimed at the next record of the list (``collections[2].at``) that write
    nothing while typed; :meth:`add` validates the whole profile with the new record (the loader's own checks),
    shows the record's problems beside the form's fields, and adds it only when it has none. ``specs``: (key,
    kind, label key, choices or a function giving them); ``defaults``: the values a fresh form shows;
    ``first``: problems in words found before the loader's checks (a rule of the form itself: a contact needs its
    outcome); ``keep``: keys whose values stay for the next record (the day and the lender of a series of calls)."""

    def __init__(self, kit: "Kit", list_key: str, title_key: str, note_key: str, add_key: str, specs: list,
                 defaults: Callable[[], dict], css: str, moments: tuple = (),
                 first: Callable[[], list] | None = None, keep: tuple = ()):
        self.kit, self.list_key, self.specs, self.defaults = kit, list_key, specs, defaults
        self.first, self.keep = first, keep
        self.moments = moments  # keys holding a date and time: written as 2026-11-27 22:40 once readable
        n = len(self.items())
        self.fields: dict[str, Field] = {}
        for key, kind, label_key, choices in specs:
            options = choices() if callable(choices) else choices
            self.fields[key] = Field(kit, (list_key, n, key), kind, kit.label(label_key), options,
                                     on_change=lambda v: None)
        self.error = W.HTML(_dom_classes=("dp-app-error",))
        self.add_button = button("dp-app-add", description=t(add_key, kit.lang))
        self.add_button.on_click(lambda _: self.add())
        self.widget = W.VBox([W.HTML(f"<h3>{escape(t(title_key, kit.lang))}</h3>"
                                     f'<p class="dp-app-note">{escape(t(note_key, kit.lang))}</p>'),
                              *[f.widget for f in self.fields.values()], self.error, self.add_button],
                             _dom_classes=("dp-app-entry-form", css))
        self.reset()

    def items(self) -> list:
        items = self.kit.session.get((self.list_key,))
        return items if isinstance(items, list) else []

    def _aim(self, index: int) -> None:
        for key, f in self.fields.items():
            f.keys = (self.list_key, index, key)
            f.path = path_text(f.keys)

    def reset(self) -> None:
        """A fresh form: the defaults, no problems, aimed at the next record."""
        self._aim(len(self.items()))
        values = self.defaults()
        for key, f in self.fields.items():
            value = values.get(key)
            if f.kind == "bool":
                f.input.value = bool(value)
            elif f.kind == "choice":
                keys = codes_of(f.input.options)
                f.input.value = value if value in keys else (keys[0] if keys else None)
            else:
                f.input.value = _shown(value)
            f.show_problems([])
        self.error.value = ""

    def set_choices(self, key: str, options: list) -> None:
        """New options for a choice (the debts' names changed); the value kept when still offered."""
        box = self.fields[key].input
        if list(box.options) != options:
            old = box.value
            box.options = options
            keys = codes_of(options)
            box.value = old if old in keys else (keys[0] if keys else None)

    def entry(self) -> dict:
        entry: dict = {}
        for key, f in self.fields.items():
            value = f.value_for_profile()
            if f.kind == "bool":
                entry[key] = bool(value)
            elif key in self.moments and value:
                entry[key] = _moment_text(value)
            elif value not in (None, ""):
                entry[key] = value
        return entry

    def check(self) -> tuple[dict, list[Problem]]:
        """The record the form holds, and its problems as the loader finds them in the profile with it added."""
        entry = self.entry()
        data = copy.deepcopy(self.kit.session.data)
        items = data.get(self.list_key)
        if not isinstance(items, list):
            items = data[self.list_key] = []
        index = len(items)
        items.append(dict(entry))
        self._aim(index)
        try:
            parse_profile(data, str(self.kit.session.path), self.kit.session.rules)
            return entry, []
        except ProfileError as exc:
            mine = f"{self.list_key}[{index}]"
            return entry, [p for p in exc.problems if p.path == mine or p.path.startswith(mine + ".")]

    def add(self) -> bool:
        """Add the record (in memory, written with the next Save) when it has no problem; else show them."""
        lang = self.kit.lang
        if not self.kit.creditors():
            self.error.value = _alerts([t("app_log_no_debt", lang)])
            return False
        texts = self.first() if self.first else []
        if texts:
            self.error.value = _alerts(texts)
            return False
        entry, problems = self.check()
        shown = {p.path for f in self.fields.values() if f.show_problems(problems) for p in problems
                 if p.path == f.path}
        others = [p for p in problems if p.path not in shown]
        self.error.value = _alerts([place_problem_text(p, lang) for p in others])
        if problems:
            return False
        kept = {key: self.fields[key].input.value for key in self.keep}
        self.kit.session.add_record((self.list_key,), entry)
        self.reset()
        for key, value in kept.items():
            if key in self.fields and (self.fields[key].kind != "choice" or
                                       value in codes_of(self.fields[key].input.options)):
                self.fields[key].input.value = value
        return True


class Kit:
    """What the steps share, on one session. ``today``: the date new records start from (tests fix it)."""

    def __init__(self, session: Session, today: _dt.date | None = None):
        self.session = session
        self.lang = session.lang
        self.today = today or _dt.date.today()
        self.syncing = False  # True while the forms are being set from the data (their changes are not edits)
        self.version = 0  # one more after every change: a step's figures are drawn once per version
        self.fields: list[Field] = []
        self.lists: list[RecordList] = []
        self.steps: list[Step] = []
        #: Called after every change, once the fields show their problems (the app's bar and the visible step).
        self.watchers: list[Callable[[], None]] = []
        #: The problems no field or list on the page shows (the app lists them in its bar).
        self.unplaced: list[Problem] = []
        #: The keys of the steps on the page; None: every step built (a step built alone).
        self.showing: tuple | None = None
        session.listeners.append(self.after_change)

    def field(self, keys: tuple, kind: str, label_key: str, choices: list | None = None, **kw: Any) -> "Field":
        """A field of a step (kept for the step's life)."""
        f = self.field_in(keys, kind, label_key, choices, **kw)
        self.fields.append(f)
        return f

    def field_in(self, keys: tuple, kind: str, label_key: str, choices: list | None = None, **kw: Any) -> "Field":
        """A field inside a record list (owned by the list, rebuilt with it). A label starts with a capital in
        English (the field names of the schema are written lower-case, to stand inside a problem's sentence)."""
        return Field(self, keys, kind, self.label(label_key), choices, **kw)

    def label(self, key: str) -> str:
        """A form's label: the sentence ``key``, starting with a capital in English (the field names of the schema
        are written lower-case, to stand inside a problem's sentence)."""
        label = t(key, self.lang)
        return label[:1].upper() + label[1:] if self.lang == "en" else label

    def specs(self, section: str, choices: dict | None = None) -> list[tuple]:
        """(key, control, label key, options) of each field the schema shows in ``section``'s form, in its
        order. ``choices``: options of a choice field that come from the data, by key (the debts' names for a
        ``creditor``), as a list or a function giving one; any other choice field offers its codes in words."""
        out = []
        for f in fields_of(section):
            if not f.in_form:
                continue
            control = CONTROLS[f.kind]
            given = (choices or {}).get(f.name)
            if control == "choice" or given is not None:
                control = "choice"
                given = options(f, self.lang) if given is None else given
            out.append((f.name, control, f.form_key, given))
        return out

    def form(self, keys: tuple, section: str, choices: dict | None = None, on_change: dict | None = None,
             keep: bool = False) -> list["Field"]:
        """The fields of the record of ``section`` at ``keys``, as the schema lists them (:meth:`specs`).
        ``on_change``: what typing into a field does instead of setting it, by key; ``keep``: fields of the step
        itself (else of a record list, rebuilt with it)."""
        make = self.field if keep else self.field_in
        return [make(keys + (key,), control, label, given() if callable(given) else given,
                     on_change=(on_change or {}).get(key))
                for key, control, label, given in self.specs(section, choices)]

    def records(self, *args: Any, **kw: Any) -> "RecordList":
        r = RecordList(self, *args, **kw)
        self.lists.append(r)
        return r

    def all_fields(self) -> list["Field"]:
        return self.fields + [f for r in self.lists for f in r.all_fields()]

    def creditors(self) -> list[str]:
        return [str(d.get("creditor")) for d in self.session.data.get("debts") or [] if isinstance(d, dict)
                and d.get("creditor")]

    def step_of(self, path: str) -> "Step | None":
        """The step showing the field or record at ``path`` (``debts[1].daily_rate``); else the first step with a
        field of the same part of the profile (``debts``); else None."""
        for step in self.steps:
            if any(f.path == path for f in step.own_fields) or any(
                    re.match(re.escape(path_text(r.keys)) + r"(\[|\.|$)", path) for r in step.own_lists):
                return step
        top = re.split(r"[.\[]", path, maxsplit=1)[0]
        for step in self.steps:
            if any(f.keys[:1] == (top,) for f in step.own_fields) or any(r.keys[:1] == (top,) for r in step.own_lists):
                return step
        return None

    def target_of(self, path: str) -> str | None:
        """The CSS class of the field or record showing ``path`` (the nearest record for a deeper path)."""
        if any(f.path == path for f in self.all_fields()):
            return target_class(path)
        record = re.match(r"^(.*\[\d+\])", path)
        return target_class(record.group(1)) if record else None

    def shown(self, key: str) -> bool:
        return self.showing is None or key in self.showing

    def after_change(self) -> None:
        """After every change of the session: problems beside their fields, the watchers, the steps' controls."""
        self.version += 1
        problems = self.session.problems
        placed = {f.path for f in self.all_fields() if f.show_problems(problems)}
        for r in self.lists:
            placed |= r.show_problems(problems)
        self.unplaced = [p for p in problems if p.path not in placed]
        for watcher in self.watchers:
            watcher()
        for step in self.steps:
            step.follow()

    def sync(self) -> None:
        """Show the session's data in every form (after a save brought in changes from the file, or a change
        made by a button), then everything that follows a change."""
        self.syncing = True
        try:
            for r in self.lists:
                r.rebuild()
            for f in self.fields:
                f.sync()
        finally:
            self.syncing = False
        self.after_change()


class Step:
    """One step: its forms and its figures (one HTML widget, replaced in place when the data changes).

    A step module subclasses it: ``key``, ``name_key`` (its short name in the step bar), ``title_key`` (its
    heading); :meth:`build` makes its forms, :meth:`html` its figures (called only while the assessment is
    current), :meth:`follow` keeps its controls in step with the data after every change, and :meth:`on_show`
    runs when the step comes on the page."""

    key = name_key = title_key = ""

    def __init__(self, kit: Kit):
        self.kit, self.session, self.lang, self.today = kit, kit.session, kit.lang, kit.today
        self.view = W.HTML(_dom_classes=("dp-app-view",))
        first_field, first_list = len(kit.fields), len(kit.lists)
        self.forms = W.VBox(self.build(), _dom_classes=("dp-app-forms",))
        #: the fields and record lists this step shows (a problem of theirs is counted on its step button)
        self.own_fields, self.own_lists = kit.fields[first_field:], kit.lists[first_list:]
        self.widget = W.VBox([self.view, self.forms], _dom_classes=("dp-app-step", f"dp-app-step-{self.key}"))
        self.drawn_for = None
        kit.steps.append(self)

    def build(self) -> list:
        """The step's forms (widgets), top to bottom."""
        return []

    def html(self) -> str:
        raise NotImplementedError

    def follow(self) -> None:
        """Controls that list records of the data follow it (called after every change)."""

    def on_show(self) -> None:
        """The step has come on the page."""

    def draw(self, version: int, banner: str, heading: str, ready: bool = True) -> None:
        if self.drawn_for == version:
            return
        self.view.value = banner + (heading + self.html() if ready else "")
        self.drawn_for = version


def money_value(value: Decimal) -> Any:
    """An amount to write into the profile, rounded as the library rounds (half up, to the cent): whole numbers
    as numbers, others as text with two decimals."""
    q = round_money(value)
    return int(q) if q == q.to_integral_value() else str(q)
