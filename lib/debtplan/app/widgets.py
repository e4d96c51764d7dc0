"""The borrower's app (ipywidgets, served by Voila from ``notebooks/app.ipynb``): five steps on one state.

Decisions (issue 9):

* **One notebook with steps**, 收支 → 欠款 → 方案 → 协商材料 → 记录与跟进, with back/next and a step bar. Voila
  gives every page its own kernel, so one page holding every step is the only way every step sees every edit
  at once without keeping state outside the kernels (a server or a file would need its own locking and
  reconciliation). The :class:`~debtplan.app.session.Session` is that one state; each step's figures are one
  widget updated in place, redrawn when the step is shown (steps not shown wait until they are).
* **Explicit Save with an unsaved-changes mark**, the same button for everything, the contact log included:
  a log entry is added to the page at once and written with the next Save, like every other edit. Autosave
  would write half-typed values; an explicit Save lets the app refuse a save while a field is invalid.
  Saving merges with the file as it is now (:meth:`Session.save`).
* **Dates are typed** in a text box (in the forms the loader accepts) **or picked** from year / month / day
  lists, and are shown beside the box in the profile's language (``2026年12月10日`` / ``10 Dec 2026``). A
  native ``<input type=date>`` would show the browser's locale format, so it is not used.
* **The report button builds from memory**: it writes what the app holds (saved or not, once valid) to a
  temporary copy and runs the same code as ``debtplan report`` on it; the profile file is not touched. The
  app layer may not import ``run``, so the notebook hands the report and print functions in. The report goes
  to ``reports/<profile file name>/`` (or ``$DEBTPLAN_REPORT_DIR``), as ``make report`` writes it.

When things go wrong (issue 13), on the records-and-follow-up step:

* **Collection contacts and letters sent are append-only**, like the contact log: they are evidence (what a
  collector did, and when a letter went out), so the app adds them through a form (:class:`EntryForm`) and
  never edits or removes them; a wrong entry is corrected by a new one that says what it corrects. The form is
  checked by the profile's own validation before anything is added (the problems, worded by
  ``text/problems.py``, beside the form's fields), so nothing invalid enters the log.
* **Court papers received are edited in place** (a :class:`RecordList`, remove asks once): a paper is a fact
  copied from a document, and a mistyped date of receipt would move a legal deadline, so it must be fixable.
* The step shows, redrawn after every edit, the collection log flagged with the rule each flag cites, the court
  deadlines with what happens if one is missed, and the agreement checklist (``present/legal.py``).
* **The calendar button** makes the .ics file from what the app holds (saved or not, once valid) and offers it
  as a ``data:`` download link, as the report's files are offered. The function comes from the ``run`` layer
  (``debtplan.run.calendar.calendar_bytes``), handed in by the notebook like the report's.

Every label comes from the sentence table; layout is done with CSS classes (``dp-app-*``), not pixel widths.
"""
from __future__ import annotations

import base64
import copy
import datetime as _dt
import os
import re
import shutil
import tempfile
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any, Callable

from . import lean as W  # ipywidgets, sharing empty layouts and styles (lean.py: 60% fewer widgets)

from ..core.errors import DebtplanError, Problem, ProfileError, TermError
from ..core.money import round_money
from ..core.terms import read_amount, read_date
from ..core.model import (CATEGORIES, CHANNELS, COLLECTION_CHANNELS, CONTACTED, COURT_KINDS, HARDSHIP_REASONS,
                          LETTER_KINDS, PRODUCTS)
from ..core.paths import REPORTS_DIR
from ..inputs.events import parse_moment
from ..inputs.profile import parse_profile
from ..present import legal, pack, views
from ..present.styles import style_block
from ..text.problems import field_problem_text
from ..text.problems import problem_text as place_problem_text
from ..text.i18n import (SENTENCES, category_name, channel_name, date_text, hardship_name, money_text,
                         option_name, product_name, t)
from .session import Session, path_text

__all__ = ["App", "STEPS", "problem_text", "Field", "RecordList", "EntryForm"]

#: The steps, in order: (key, the step's short name, its heading).
STEPS = (("cash_flow", "app_step_cash_flow", "nb1_title"), ("owed", "app_step_owed", "nb2_title"),
         ("plans", "app_step_plans", "nb3_title"), ("pack", "app_step_pack", "nb4_title"),
         ("log", "app_step_log", "app_log_title"))
METHODS = ("annuity", "equal-principal", "interest-only")
METHOD_KEYS = {"annuity": "app_method_annuity", "equal-principal": "app_method_equal_principal",
               "interest-only": "app_method_interest_only"}
AREA_KEYS = {"urban": "w_area_urban", "rural": "w_area_rural", "all": "w_area_all"}

def problem_text(problem: Problem, lang: str) -> str:
    """A validation problem as the reader of its field sees it, beside the field (what is wrong and the fix,
    in the profile's language: :func:`debtplan.text.problems.field_problem_text`)."""
    return field_problem_text(problem, lang)


def _button(**kw: Any) -> W.Button:
    """A button as wide as its words (never cut), styled by class."""
    button = W.Button(layout={"width": "auto"}, **kw)
    button.add_class("dp-app-button")
    return button


def _number_or_text(text: str) -> Any:
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


def _parse_date_text(text: str) -> _dt.date | None:
    """A date as people write it (2026-12-10, 2026/12/10, 2026年12月10日), or None."""
    try:
        return read_date(text or "")
    except TermError:
        return None


class Field:
    """One value of the profile, bound to its path: a labelled input and its problem beside it.

    ``kind``: amount, rate, int, text, longtext, date, choice, bool, amounts (a list of amounts)."""

    def __init__(self, app: "App", keys: tuple, kind: str, label: str, choices: list | None = None,
                 on_change: Callable[[Any], None] | None = None):
        self.app, self.keys, self.kind, self.on_change = app, tuple(keys), kind, on_change
        self.path = path_text(self.keys)
        lang = app.lang
        value = app.session.get(self.keys)
        common = dict(description=label, style={"description_width": "initial"})
        if kind == "choice":
            self.input = W.Dropdown(options=choices, value=value if value in [c[1] for c in choices] else None,
                                    **common)
        elif kind == "bool":
            self.input = W.Checkbox(value=bool(value), indent=False, **common)
        elif kind == "longtext":
            self.input = W.Textarea(value=_shown(value), continuous_update=False, **common)
        else:
            self.input = W.Text(value=_shown(value), continuous_update=False, **common)
        self.input.add_class("dp-app-input")
        self.error = W.HTML()
        self.error.add_class("dp-app-error")
        parts: list = [self.input]
        if kind == "date":
            self.shown = W.HTML(self._date_shown(value))
            self.shown.add_class("dp-app-date-shown")
            self.pick = _button(description=t("app_pick_date", lang), tooltip=t("app_pick_date", lang))
            self.pick.add_class("dp-app-small")
            self.pick.on_click(lambda _: self._toggle_picker())
            self.picker = W.HBox()
            self.picker.add_class("dp-app-picker")
            parts += [self.shown, self.pick]
        self.widget = W.VBox([W.HBox(parts), *( [self.picker] if kind == "date" else []), self.error])
        self.widget.add_class("dp-app-field")
        self.widget.add_class(f"dp-app-field-{kind}")
        self.widget.add_class("dp-f-" + re.sub(r"[^A-Za-z0-9]+", "-", self.path).strip("-"))  # for tests and styles
        self.input.observe(self._changed, names="value")

    # -- dates
    def _date_shown(self, value: Any) -> str:
        day = _parse_date_text(_shown(value))
        return f'<span class="dp-app-date">{escape(date_text(day, self.app.lang))}</span>' if day else ""

    def _toggle_picker(self) -> None:
        if self.picker.children:
            self.picker.children = ()
            return
        lang = self.app.lang
        day = _parse_date_text(self.input.value) or self.app.today
        years = list(range(day.year - 5, day.year + 6))
        self.y = W.Dropdown(options=[(f"{y}年" if lang == "zh" else str(y), y) for y in years], value=day.year,
                            description=t("app_year", lang), style={"description_width": "initial"})
        self.m = W.Dropdown(options=[(f"{m}月" if lang == "zh" else _dt.date(2000, m, 1).strftime("%b"), m)
                                     for m in range(1, 13)], value=day.month, description=t("app_month", lang),
                            style={"description_width": "initial"})
        self.d = W.Dropdown(options=[(f"{d}日" if lang == "zh" else str(d), d) for d in range(1, 32)],
                            value=day.day, description=t("app_day", lang), style={"description_width": "initial"})
        use = _button(description=t("app_use_date", lang))
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
            return [_number_or_text(x) for x in items] or None
        if self.kind in ("amount", "int"):
            return _number_or_text(v)
        if self.kind == "date":
            day = _parse_date_text(v)
            return day.isoformat() if day else v.strip()
        return v.strip() if self.kind != "longtext" else v.strip("\n")

    def _changed(self, change: dict) -> None:
        if self.app.syncing:
            return
        if self.kind == "date":
            self.shown.value = self._date_shown(self.input.value)
        value = self.value_for_profile()
        if self.on_change is not None:
            self.on_change(value)
        else:
            self.app.session.set(self.keys, value)

    def sync(self) -> None:
        """Show the session's value (after a save merged changes from the file)."""
        value = self.app.session.get(self.keys)
        if self.kind == "bool":
            self.input.value = bool(value)
        elif self.kind == "choice":
            if value in [o[1] for o in self.input.options]:
                self.input.value = value
        else:
            self.input.value = _shown(value)
            if self.kind == "date":
                self.shown.value = self._date_shown(value)

    def show_problems(self, problems: list[Problem]) -> bool:
        mine = [p for p in problems if p.path == self.path]
        self.error.value = "".join(f'<span class="dp-app-problem" role="alert">{escape(problem_text(p, self.app.lang))}'
                                   "</span>" for p in mine)
        if mine:
            self.widget.add_class("dp-app-invalid")
        else:
            self.widget.remove_class("dp-app-invalid")
        return bool(mine)


class RecordList:
    """The records of one list (income lines, debts, agreements...): each with its fields and a remove button
    that asks once, and an add button below."""

    def __init__(self, app: "App", keys: tuple, title_key: str, add_key: str,
                 fields: Callable[[tuple, dict], list[Field]], new_item: Callable[[], dict | None],
                 row_title: Callable[[dict, int], str] | None = None, removable: bool = True,
                 extra: Callable[[tuple, dict], list] | None = None):
        self.app, self.keys, self.fields_of, self.new_item = app, tuple(keys), fields, new_item
        self.row_title, self.removable, self.extra = row_title, removable, extra
        self.fields: list[Field] = []
        self.children: list[RecordList] = []
        self.rows = W.VBox()
        self.rows.add_class("dp-app-rows")
        self.add_button = _button(description=t(add_key, app.lang))
        self.add_button.add_class("dp-app-add")
        self.add_button.on_click(lambda _: self.add())
        self.error = W.HTML()
        self.error.add_class("dp-app-error")
        title = W.HTML(f"<h3>{escape(t(title_key, app.lang))}</h3>")
        self.widget = W.VBox([title, self.rows, self.error, self.add_button])
        self.widget.add_class("dp-app-records")
        self.rebuild()

    def items(self) -> list:
        items = self.app.session.get(self.keys)
        return items if isinstance(items, list) else []

    def rebuild(self) -> None:
        self.fields, self.children, rows = [], [], []
        for i, item in enumerate(self.items()):
            keys = self.keys + (i,)
            item = item if isinstance(item, dict) else {}
            fields = self.fields_of(keys, item)
            self.fields += fields
            parts: list = []
            if self.row_title:
                parts.append(W.HTML(f'<h4 class="dp-app-row-title">{escape(self.row_title(item, i))}</h4>'))
            parts += [f.widget for f in fields]
            row_error = W.HTML()
            row_error.add_class("dp-app-error")
            row_error.path = path_text(keys)
            parts.append(row_error)
            for extra in (self.extra(keys, item) if self.extra else []):
                if isinstance(extra, RecordList):
                    self.children.append(extra)
                    parts.append(extra.widget)
                else:
                    parts.append(extra)
            if self.removable:
                parts.append(self._remove_control(i))
            row = W.VBox(parts)
            row.add_class("dp-app-row")
            row.row_error = row_error
            rows.append(row)
        self.rows.children = rows

    def _remove_control(self, index: int) -> W.Widget:
        lang = self.app.lang
        ask = _button(description=t("app_remove", lang))
        ask.add_class("dp-app-small")
        sure = _button(description=t("app_remove_sure", lang), button_style="danger")
        keep = _button(description=t("app_remove_keep", lang))
        box = W.HBox([ask])
        box.add_class("dp-app-remove")

        def confirm(_: Any) -> None:
            box.children = (W.HTML(escape(t("app_remove_question", lang))), sure, keep)

        ask.on_click(confirm)
        keep.on_click(lambda _: setattr(box, "children", (ask,)))
        sure.on_click(lambda _: self.remove(index))
        box.ask, box.sure, box.keep = ask, sure, keep
        return box

    def add(self) -> None:
        item = self.new_item()
        if item is None:
            return
        self.app.session.add_record(self.keys, item)
        self.rebuild()
        self.app.after_change()

    def remove(self, index: int) -> None:
        self.app.session.remove_record(self.keys, index)
        self.rebuild()
        self.app.after_change()

    def all_fields(self) -> list[Field]:
        return self.fields + [f for c in self.children for f in c.all_fields()]

    def show_problems(self, problems: list[Problem]) -> set[str]:
        """Problems of whole records (``agreements[0]``) go under the record; return the paths shown."""
        shown = set()
        for row in self.rows.children:
            mine = [p for p in problems if p.path == row.row_error.path]
            row.row_error.value = "".join(f'<span class="dp-app-problem" role="alert">'
                                          f"{escape(problem_text(p, self.app.lang))}</span>" for p in mine)
            shown |= {p.path for p in mine}
        for child in self.children:
            shown |= child.show_problems(problems)
        return shown


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
    kind, label key, choices or a function giving them); ``defaults``: the values a fresh form shows."""

    def __init__(self, app: "App", list_key: str, title_key: str, note_key: str, add_key: str, specs: list,
                 defaults: Callable[[], dict], css: str, moments: tuple = ()):
        self.app, self.list_key, self.specs, self.defaults = app, list_key, specs, defaults
        self.moments = moments  # keys holding a date and time: written as 2026-11-27 22:40 once readable
        n = len(self.items())
        self.fields: dict[str, Field] = {}
        for key, kind, label_key, choices in specs:
            options = choices() if callable(choices) else choices
            self.fields[key] = Field(app, (list_key, n, key), kind, t(label_key, app.lang), options,
                                     on_change=lambda v: None)
        self.error = W.HTML()
        self.error.add_class("dp-app-error")
        self.add_button = _button(description=t(add_key, app.lang))
        self.add_button.add_class("dp-app-add")
        self.add_button.on_click(lambda _: self.add())
        self.widget = W.VBox([W.HTML(f"<h3>{escape(t(title_key, app.lang))}</h3>"
                                     f'<p class="dp-app-note">{escape(t(note_key, app.lang))}</p>'),
                              *[f.widget for f in self.fields.values()], self.error, self.add_button])
        self.widget.add_class("dp-app-entry-form")
        self.widget.add_class(css)
        self.reset()

    def items(self) -> list:
        items = self.app.session.get((self.list_key,))
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
                keys = [o[1] for o in f.input.options]
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
            keys = [o[1] for o in options]
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
        data = copy.deepcopy(self.app.session.data)
        items = data.get(self.list_key)
        if not isinstance(items, list):
            items = data[self.list_key] = []
        index = len(items)
        items.append(dict(entry))
        self._aim(index)
        try:
            parse_profile(data, str(self.app.session.path), self.app.session.rules)
            return entry, []
        except ProfileError as exc:
            mine = f"{self.list_key}[{index}]"
            return entry, [p for p in exc.problems if p.path == mine or p.path.startswith(mine + ".")]

    def add(self) -> bool:
        """Add the record (in memory, written with the next Save) when it has no problem; else show them."""
        lang = self.app.lang
        if not self.app.creditors():
            self.error.value = f'<span class="dp-app-problem" role="alert">{escape(t("app_log_no_debt", lang))}</span>'
            return False
        entry, problems = self.check()
        shown = {p.path for f in self.fields.values() if f.show_problems(problems) for p in problems
                 if p.path == f.path}
        others = [p for p in problems if p.path not in shown]
        self.error.value = "".join(f'<span class="dp-app-problem" role="alert">{escape(place_problem_text(p, lang))}'
                                   "</span>" for p in others)
        if problems:
            return False
        self.app.session.add_record((self.list_key,), entry)
        self.reset()
        return True


class Step:
    """One step: its forms and its figures (one HTML widget, replaced in place when the data changes)."""

    def __init__(self, key: str, name_key: str, title_key: str, forms: list, html: Callable[[], str]):
        self.key, self.name_key, self.title_key, self.html = key, name_key, title_key, html
        self.view = W.HTML()
        self.view.add_class("dp-app-view")
        self.forms = W.VBox(forms)
        self.forms.add_class("dp-app-forms")
        self.widget = W.VBox([self.view, self.forms])
        self.widget.add_class("dp-app-step")
        self.widget.add_class(f"dp-app-step-{key}")
        self.drawn_for = None

    def draw(self, version: int, banner: str, heading: str, ready: bool = True) -> None:
        if self.drawn_for == version:
            return
        self.view.value = banner + (heading + self.html() if ready else "")
        self.drawn_for = version


class App:
    """The whole app on one :class:`Session`. ``report`` and ``print_pdf`` are the report functions of the
    ``run`` layer (handed in by the notebook); without them the report button is not shown. ``calendar`` is
    ``debtplan.run.calendar.calendar_bytes`` (profile, rules, lang -> the .ics bytes); without it the calendar
    button is not shown."""

    def __init__(self, session: Session, *, report: Callable | None = None, print_pdf: Callable | None = None,
                 calendar: Callable | None = None,
                 report_dir: str | Path | None = None, today: _dt.date | None = None, start: str = "cash_flow",
                 only: tuple = ()):
        """``only``: the steps shown together, without step bar or title (a numbered notebook opened in
        JupyterLab shows its own step this way, under its own heading)."""
        self.session = session
        self.only = tuple(only)
        self.lang = session.lang
        self.today = today or _dt.date.today()
        self.report, self.print_pdf, self.calendar = report, print_pdf, calendar
        chosen = report_dir or os.environ.get("DEBTPLAN_REPORT_DIR")
        self.report_dir = Path(chosen) if chosen else REPORTS_DIR / session.path.stem
        self.syncing = False
        self.version = 0
        self.fields: list[Field] = []
        self.lists: list[RecordList] = []
        lang = self.lang

        # --- the bar at the top: save, unsaved mark, report
        self.style = W.HTML(self._style())
        self.title = W.HTML(f'<h1 class="dp-app-title">{escape(t("app_title", lang))}</h1>'
                            f'<p class="dp-app-file">{escape(t("app_file", lang, path=str(session.path)))}</p>')
        self.mark = W.HTML()
        self.mark.add_class("dp-app-mark")
        self.save_button = _button(description=t("app_save", lang), button_style="primary")
        self.save_button.on_click(lambda _: self.save())
        self.message = W.HTML()
        self.message.add_class("dp-app-message")
        self.report_button = _button(description=t("app_report", lang))
        self.report_button.on_click(lambda _: self.make_report())
        self.report_progress = W.IntProgress(value=0, min=0, max=3, description="", layout=W.Layout())
        self.report_progress.layout.display = "none"
        self.report_status = W.HTML()
        self.report_status.add_class("dp-app-report")
        report_row = [self.report_button, self.report_progress] if report else []
        self.keep_mine = _button(description=t("app_keep_mine", lang))
        self.keep_theirs = _button(description=t("app_keep_theirs", lang))
        self.keep_mine.on_click(lambda _: self.resolve("mine"))
        self.keep_theirs.on_click(lambda _: self.resolve("theirs"))
        self.conflict_box = W.HBox([self.keep_mine, self.keep_theirs], layout=W.Layout())  # shown, hidden
        self.conflict_box.add_class("dp-app-conflict")
        self.conflict_box.layout.display = "none"
        self.bar = W.VBox([W.HBox([self.save_button, self.mark, *report_row]), self.message, self.conflict_box,
                           self.report_status])
        self.bar.add_class("dp-app-bar")

        # --- steps
        self.steps = [self._cash_flow_step(), self._owed_step(), self._plans_step(), self._pack_step(),
                      self._log_step()]
        self.nav = W.ToggleButtons(options=[(t(name, lang), key) for key, name, _ in STEPS], value=start,
                                   style={"button_width": "auto"})
        self.nav.add_class("dp-app-nav")
        self.nav.observe(lambda _: self.show(), names="value")
        self.back = _button(description=t("app_back", lang))
        self.next = _button(description=t("app_next", lang))
        self.back.on_click(lambda _: self.go(-1))
        self.next.on_click(lambda _: self.go(1))
        self.stage = W.VBox()
        self.stage.add_class("dp-app-stage")
        pager = W.HBox([self.back, self.next])
        pager.add_class("dp-app-pager")
        if only:
            self.nav.value = only[0]
            self.widget = W.VBox([self.style, self.bar, self.stage])
        else:
            self.widget = W.VBox([self.style, self.title, self.bar, self.nav, self.stage, pager])
        self.widget.add_class("dp-app")
        session.listeners.append(self.after_change)
        self.after_change()
        self.show()

    # ------------------------------------------------------------------ shared
    def title_js(self) -> str:
        """Script for the page: the browser tab named in the profile's language, and a question before the
        page is closed or reloaded while there are unsaved changes (the mark is on the page)."""
        import json

        return (f"document.title = {json.dumps(t('app_title', self.lang))};\n"
                "window.addEventListener('beforeunload', function (event) {\n"
                "  if (document.querySelector('.dp-app-unsaved')) { event.preventDefault(); event.returnValue = ''; }\n"
                "});")

    def _style(self) -> str:
        words = [entry.get(self.lang, "") for entry in SENTENCES.values()]
        words += [category_name(c, self.lang) for c in CATEGORIES] + [str(self.session.data)]
        return style_block(views.not_served("".join(words)), self.lang)  # under Voila: what its font lacks

    def field(self, keys: tuple, kind: str, label_key: str, choices: list | None = None, **kw: Any) -> Field:
        f = Field(self, keys, kind, t(label_key, self.lang), choices, **kw)
        self.fields.append(f)
        return f

    def records(self, *args: Any, **kw: Any) -> RecordList:
        r = RecordList(self, *args, **kw)
        self.lists.append(r)
        return r

    def all_fields(self) -> list[Field]:
        return self.fields + [f for r in self.lists for f in r.all_fields()]

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    @property
    def current(self) -> Step:
        return self.step(self.nav.value)

    def go(self, by: int) -> None:
        keys = [k for k, _, _ in STEPS]
        self.nav.value = keys[max(0, min(len(keys) - 1, keys.index(self.nav.value) + by))]

    def show(self) -> None:
        step = self.current
        if self.only:
            self.stage.children = tuple(self.step(k).widget for k in self.only)
            for key in self.only[1:]:
                self._draw(self.step(key))
        else:
            self.stage.children = (step.widget,)
        keys = [k for k, _, _ in STEPS]
        self.back.disabled = step.key == keys[0]
        self.next.disabled = step.key == keys[-1]
        self._draw(step)
        if step.key == "plans":
            self._plan_options()

    def _banner(self) -> str:
        if self.session.current:
            return ""
        return f'<div class="dp-app-stale" role="status">{escape(t("app_stale", self.lang))}</div>'

    def _draw(self, step: Step) -> None:
        ready = self.session.assessment is not None
        step.draw(self.version, self._banner(), "" if self.only or not ready else self._heading(step.title_key), ready)
        if self.session.current:
            step.view.remove_class("dp-app-view-stale")
        else:
            step.view.add_class("dp-app-view-stale")

    def after_change(self) -> None:
        """Called after every change of the session: mark, problems beside their fields, the visible step."""
        self.version += 1
        problems = self.session.problems
        shown = {f.path for f in self.all_fields() if f.show_problems(problems)}
        for r in self.lists:
            shown |= r.show_problems(problems)
        others = [p for p in problems if p.path not in shown]
        if others:
            self.message.value = ('<div class="dp-app-problems" role="alert">' + escape(t("app_fix_first", self.lang))
                                  + "<ul>" + "".join(f"<li>{escape(place_problem_text(p, self.lang))}</li>"
                                                     for p in others) + "</ul></div>")
        elif problems:
            self.message.value = f'<div class="dp-app-problems" role="alert">{escape(t("app_fix_marked", self.lang))}</div>'
        elif "dp-app-problems" in self.message.value or (self.session.dirty and "dp-app-ok" in self.message.value):
            self.message.value = ""  # an earlier "saved" is no longer true once something changed
        if self.session.dirty:
            self.mark.value = f'<span class="dp-app-unsaved">● {escape(t("app_unsaved", self.lang))}</span>'
        else:
            self.mark.value = f'<span class="dp-app-saved">{escape(t("app_all_saved", self.lang))}</span>'
        if hasattr(self, "nav"):
            for key in self.only or (self.nav.value,):
                self._draw(self.step(key))
            self._after_data_change()

    def _after_data_change(self) -> None:
        """Controls that list the debts or the log follow the data."""
        names = self.creditors()
        if names != getattr(self, "_names", None):
            self._names = names
            for dropdown in (self.log_creditor, self.plan_debt):
                old = dropdown.value
                dropdown.options = names
                if old in names:
                    dropdown.value = old
            if not self.syncing:
                self.syncing = True
                try:
                    for r in (self.agreements, self.payments, self.court):
                        r.rebuild()
                    for form in (self.collection_form, self.letter_form):
                        form.set_choices("creditor", [(c, c) for c in names])
                finally:
                    self.syncing = False
        amend = self._amend_options()
        if list(self.log_amends.options) != amend:
            self.log_amends.options = amend
            self.log_amends.value = ""
        if self.current.key == "plans":
            self._plan_options()
        else:
            self.plan_detail_for = None
        self._what_if_preview()

    def creditors(self) -> list[str]:
        return [str(d.get("creditor")) for d in self.session.data.get("debts") or [] if isinstance(d, dict)
                and d.get("creditor")]

    def sync(self) -> None:
        """Show the session's data in every form (after a save brought in changes from the file)."""
        self.syncing = True
        try:
            for r in self.lists:
                r.rebuild()
            for f in self.fields:
                f.sync()
        finally:
            self.syncing = False
        self.after_change()

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        lang = self.lang
        result = self.session.save()
        name = result.path.name
        if result.ok:
            self.sync()
            self.message.value = f'<div class="dp-app-ok" role="status">{escape(t("app_saved", lang, path=name))}</div>'
            return
        if result.status == "invalid":
            text = t("app_not_saved_invalid", lang)
            self.after_change()
        elif result.status == "conflict":
            fields = ", ".join(c.path for c in result.conflicts)
            text = t("app_not_saved_conflict", lang, fields=fields)
            self.message.value = f'<div class="dp-app-refused" role="alert">{escape(text)}</div>'
            self.conflict_box.layout.display = None
            return
        elif result.status == "read_only":
            text = t("app_not_saved_read_only", lang, path=name)
        elif result.status == "example":
            text = t("app_not_saved_example", lang, path=name)
        else:
            text = t("app_not_saved_failed", lang, detail=result.detail)
        self.message.value = f'<div class="dp-app-refused" role="alert">{escape(text)}</div>'

    def resolve(self, keep: str) -> None:
        """Settle the fields changed in both places (the app's values or the file's); then Save writes it."""
        settled = self.session.resolve(keep)
        self.conflict_box.layout.display = "none"
        self.sync()
        self.message.value = (f'<div class="dp-app-ok" role="status">'
                              f'{escape(t("app_resolved", self.lang, fields=", ".join(c.path for c in settled)))}</div>')

    # ------------------------------------------------------------------ report
    def make_report(self) -> Path | None:
        """Build the report from what the app holds (see the module docstring), then print it to PDF."""
        lang = self.lang
        if not self.session.current:
            self.report_status.value = f'<div class="dp-app-refused">{escape(t("app_report_invalid", lang))}</div>'
            return None
        self.report_button.disabled = True
        self.report_progress.layout.display = None
        self.report_progress.value = 1
        self.report_status.value = f'<div role="status">{escape(t("app_report_building", lang))}</div>'
        tmp = Path(tempfile.mkdtemp(prefix="debtplan-app-"))
        try:
            copy_path = tmp / self.session.path.name
            from ..inputs.profile import dump_yaml

            copy_path.write_text(dump_yaml(copy.deepcopy(self.session.data)), encoding="utf-8")
            index = Path(self.report(copy_path, self.report_dir, lang=lang,
                                     as_of=self.session.as_of.isoformat() if self.session.as_of else None))
            pdf = None
            if self.print_pdf is not None:
                self.report_progress.value = 2
                self.report_status.value = f'<div role="status">{escape(t("app_report_printing", lang))}</div>'
                try:
                    pdf = Path(self.print_pdf(index, index.with_suffix(".pdf")))
                except DebtplanError as exc:
                    self.report_status.value = f'<div class="dp-app-refused">{escape(str(exc))}</div>'
            self.report_progress.value = 3
            self.report_status.value = self._report_links(index, pdf)
            return index
        except (DebtplanError, OSError) as exc:
            self.report_status.value = (f'<div class="dp-app-refused" role="alert">'
                                        f'{escape(t("app_report_failed", lang, detail=str(exc)))}</div>')
            return None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
            self.report_button.disabled = False
            self.report_progress.layout.display = "none"

    def _report_links(self, index: Path, pdf: Path | None) -> str:
        lang = self.lang
        links = []
        for path, key, mime in ((index, "app_report_html", "text/html"), (pdf, "app_report_pdf", "application/pdf")):
            if path is None or not path.exists():
                continue
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            links.append(f'<li><a class="dp-app-download" download="{escape(path.name)}" '
                         f'href="data:{mime};base64,{data}">{escape(t(key, lang))}</a> '
                         f'<span class="dp-app-path">{escape(str(path))}</span></li>')
        return (f'<div class="dp-app-ok" role="status">{escape(t("app_report_done", lang, folder=str(index.parent)))}'
                f'<ul>{"".join(links)}</ul></div>')

    # ------------------------------------------------------------------ step 1: cash flow
    def _cost_fields(self, keys: tuple, item: dict) -> list[Field]:
        lang = self.lang
        cats = [(category_name(c, lang), c) for c in CATEGORIES]
        return [self.field_in(keys + ("category",), "choice", "category", cats),
                self.field_in(keys + ("name",), "text", "w_name"),
                self.field_in(keys + ("amount",), "amount", "w_amount")]

    def field_in(self, keys: tuple, kind: str, label_key: str, choices: list | None = None, **kw: Any) -> Field:
        """A field inside a record list (owned by the list, rebuilt with it)."""
        return Field(self, keys, kind, t(label_key, self.lang), choices, **kw)

    def _cash_flow_step(self) -> Step:
        lang = self.lang
        areas = [(t(AREA_KEYS[a], lang), a) for a in ("urban", "rural", "all")]
        basics = W.VBox([
            W.HTML(f"<h3>{escape(t('app_basics', lang))}</h3>"),
            self.field(("as_of",), "date", "app_as_of").widget,
            self.field(("household", "adults"), "int", "w_adults").widget,
            self.field(("household", "children"), "int", "w_children").widget,
            self.field(("household", "area"), "choice", "w_area", areas).widget,
            self.field(("household", "city"), "text", "app_city").widget])
        income = self.records(
            ("income",), "income", "app_add_income",
            lambda keys, item: [self.field_in(keys + ("name",), "text", "w_name"),
                                self.field_in(keys + ("amount",), "amount", "w_amount"),
                                self.field_in(keys + ("recent",), "amounts", "app_recent"),
                                self.field_in(keys + ("irregular",), "bool", "app_irregular")],
            lambda: {"name": t("app_new_income", lang), "amount": 0})
        fixed = self.records(("fixed_costs",), "fixed_costs", "w_add_line", self._cost_fields,
                             lambda: {"category": "other", "name": "", "amount": 0})
        flexible = self.records(("flexible_costs",), "flexible_costs", "w_add_line", self._cost_fields,
                                lambda: {"category": "other", "name": "", "amount": 0})
        savings = W.VBox([W.HTML(f"<h3>{escape(t('app_savings', lang))}</h3>"),
                          self.field(("savings", "balance"), "amount", "w_balance").widget,
                          self.field(("savings", "monthly_contribution"), "amount", "w_monthly_contribution").widget])
        # what-if: a preview only, until "use these figures"
        self.income_down = W.IntSlider(value=0, min=0, max=50, step=5, description=t("income_down", lang) + " %",
                                       style={"description_width": "initial"})
        self.cost_cut = W.IntSlider(value=0, min=0, max=2000, step=50, description=t("cost_cut", lang),
                                    style={"description_width": "initial"})
        self.cut_category = W.Dropdown(options=[(category_name(c, lang), c) for c in CATEGORIES], value="food",
                                       description=t("w_cut_category", lang), style={"description_width": "initial"})
        self.what_if_result = W.HTML()
        self.use_what_if = _button(description=t("app_use_figures", lang))
        self.use_what_if.on_click(lambda _: self.apply_what_if())
        for w in (self.income_down, self.cost_cut, self.cut_category):
            w.observe(lambda _: self._what_if_preview(), names="value")
        what_if = W.VBox([W.HTML(f"<h3>{escape(t('app_what_if', lang))}</h3>"
                                 f'<p class="dp-app-note">{escape(t("app_what_if_note", lang))}</p>'),
                          self.income_down, self.cost_cut, self.cut_category, self.what_if_result,
                          self.use_what_if])
        what_if.add_class("dp-app-what-if")
        return Step("cash_flow", "app_step_cash_flow", "nb1_title",
                    [basics, income.widget, fixed.widget, flexible.widget, savings, what_if],
                    lambda: views.cash_flow_html(self.session.assessment, self.lang))

    def _what_if(self) -> dict:
        return {"income_change": Decimal(-self.income_down.value) / 100,
                "cost_cuts": {self.cut_category.value: self.cost_cut.value} if self.cost_cut.value else None}

    def _what_if_preview(self) -> None:
        if not hasattr(self, "what_if_result"):
            return
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
                changes[("income", i, "amount")] = _money_value(read_amount(item["amount"]) * factor)
            if isinstance(item, dict) and isinstance(item.get("recent"), list):
                changes[("income", i, "recent")] = [_money_value(read_amount(x) * factor) for x in item["recent"]]
        cut = Decimal(self.cost_cut.value)
        for i, item in enumerate(data.get("flexible_costs") or []):
            if cut > 0 and isinstance(item, dict) and item.get("category") == self.cut_category.value:
                amount = read_amount(item.get("amount", 0))
                take = min(cut, amount)
                cut -= take
                changes[("flexible_costs", i, "amount")] = _money_value(amount - take)
        self.syncing = True
        self.income_down.value = 0
        self.cost_cut.value = 0
        self.syncing = False
        self.session.set_many(changes)
        self.sync()

    def _heading(self, key: str) -> str:
        a = self.session.assessment
        who = a.profile.borrower.get("name") or a.profile.name
        return (f'<header class="dp-step"><h2>{escape(t(key, self.lang))}</h2>'
                f'<p class="dp-sub">{escape(t("prepared_for", self.lang, name=who, date=date_text(a.as_of, self.lang)))}'
                "</p></header>")

    # ------------------------------------------------------------------ step 2: debts
    def _debt_fields(self, keys: tuple, item: dict) -> list[Field]:
        lang = self.lang
        products = [(product_name(p, lang), p) for p in PRODUCTS]
        methods = [(t(METHOD_KEYS[m], lang), m) for m in METHODS]
        return [self.field_in(keys + ("creditor",), "text", "creditor"),
                self.field_in(keys + ("product",), "choice", "product", products,
                              on_change=lambda v, k=keys: self.pick_product(k, v)),
                self.field_in(keys + ("principal",), "amount", "w_principal"),
                self.field_in(keys + ("daily_rate",), "rate", "w_daily_rate"),
                self.field_in(keys + ("annual_rate",), "rate", "w_annual_rate"),
                self.field_in(keys + ("term_months",), "int", "app_term_months"),
                self.field_in(keys + ("method",), "choice", "app_method", methods),
                self.field_in(keys + ("start_date",), "date", "app_start_date"),
                self.field_in(keys + ("overdue_since",), "date", "w_overdue_since"),
                self.field_in(keys + ("overdue_amount",), "amount", "w_overdue_amount"),
                self.field_in(keys + ("unpaid_interest",), "amount", "w_unpaid_interest"),
                self.field_in(keys + ("unpaid_minimum",), "amount", "app_unpaid_minimum"),
                self.field_in(keys + ("penalty_multiplier",), "rate", "w_penalty_multiplier")]

    def _offers(self, keys: tuple, item: dict) -> list:
        offers = RecordList(
            self, keys + ("offers",), "app_offers", "app_add_offer",
            lambda k, it: [self.field_in(k + ("name",), "text", "w_name"),
                           self.field_in(k + ("months",), "int", "app_months"),
                           self.field_in(k + ("monthly_fee_rate",), "rate", "app_monthly_fee_rate"),
                           self.field_in(k + ("annual_rate",), "rate", "w_annual_rate"),
                           self.field_in(k + ("monthly_payment",), "amount", "app_monthly_payment"),
                           self.field_in(k + ("upfront_fee",), "amount", "app_upfront_fee")],
            lambda: {"name": t("app_new_offer", self.lang), "months": 12, "monthly_fee_rate": "0.006"})
        return [offers]

    def pick_product(self, keys: tuple, product: str) -> None:
        """Choose a preset: its typical daily rate and penalty multiplier fill the fields (still editable)."""
        rule = self.session.rules.products[product]
        changes: dict = {keys + ("product",): product, keys + ("penalty_multiplier",): str(rule.penalty_multiplier)}
        if rule.default_daily_rate is not None and not self.session.get(keys + ("annual_rate",)):
            changes[keys + ("daily_rate",)] = str(rule.default_daily_rate)
        changes[keys + ("method",)] = rule.default_method
        self.session.set_many(changes)
        self.sync()

    def add_debt(self) -> dict | None:
        """The new debt from the row of fields: name, product preset, principal; the rest from the preset."""
        name = self.new_creditor.value.strip() or t("app_new_debt", self.lang)
        product = self.new_product.value
        rule = self.session.rules.products[product]
        debt: dict = {"creditor": name, "product": product, "principal": _number_or_text(self.new_principal.value) or 0}
        if rule.default_daily_rate is not None:
            debt["daily_rate"] = str(rule.default_daily_rate)
        debt["method"] = rule.default_method
        self.new_creditor.value = self.new_principal.value = ""
        return debt

    def _owed_step(self) -> Step:
        lang = self.lang
        self.new_creditor = W.Text(description=t("creditor", lang), style={"description_width": "initial"})
        self.new_product = W.Dropdown(options=[(product_name(p, lang), p) for p in PRODUCTS], value="jiebei",
                                      description=t("product", lang), style={"description_width": "initial"})
        self.new_principal = W.Text(description=t("w_principal", lang), style={"description_width": "initial"})
        for w in (self.new_creditor, self.new_product, self.new_principal):
            w.add_class("dp-app-input")
        self.debts = self.records(("debts",), "app_debts", "w_add_debt", self._debt_fields, self.add_debt,
                                  row_title=lambda item, i: str(item.get("creditor") or ""), extra=self._offers)
        new_row = W.VBox([W.HTML(f'<p class="dp-app-note">{escape(t("app_new_debt_note", lang))}</p>'),
                          self.new_creditor, self.new_product, self.new_principal])
        new_row.add_class("dp-app-new")
        self.debts.widget.children = (*self.debts.widget.children[:-1], new_row, self.debts.widget.children[-1])
        return Step("owed", "app_step_owed", "nb2_title", [self.debts.widget],
                    lambda: views.owed_html(self.session.assessment, self.lang))

    # ------------------------------------------------------------------ step 3: plans
    def _plans_step(self) -> Step:
        lang = self.lang
        self.plan_debt = W.Dropdown(options=self.creditors(), description=t("w_debt", lang),
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
        return Step("plans", "app_step_plans", "nb3_title", [box],
                    lambda: views.plans_html(self.session.assessment, self.lang))

    def _debt_assessment(self) -> Any:
        a = self.session.assessment
        for d in a.debts:
            if d.debt.creditor == self.plan_debt.value:
                return d
        return a.debts[0] if a.debts else None

    def _plan_options(self) -> None:
        if not hasattr(self, "plan_option") or not self.session.current or self.session.assessment is None:
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
        key = (self.version, d.debt.creditor, self.plan_option.value)
        if self.plan_detail_for != key:
            self.plan_detail.value = views.plan_detail_html(self.session.assessment, d, self.lang,
                                                            self.plan_option.value)
            self.plan_detail_for = key

    # ------------------------------------------------------------------ step 4: the negotiation pack
    def _pack_step(self) -> Step:
        lang = self.lang
        reasons = [(hardship_name(r, lang), r) for r in HARDSHIP_REASONS]
        box = W.VBox([W.HTML(f"<h3>{escape(t('app_hardship', lang))}</h3>"),
                      self.field(("borrower", "name"), "text", "app_borrower_name").widget,
                      self.field(("hardship", "reason"), "choice", "app_hardship_reason", reasons).widget,
                      self.field(("hardship", "since"), "date", "app_hardship_since").widget,
                      self.field(("hardship", "text"), "longtext", "app_hardship_text").widget])

        def html() -> str:
            a = self.session.assessment
            return "".join(
                [pack.statement_html(a, lang)] + [pack.letter_html(a, d, lang) for d in a.debts] +
                [pack.checklist_html(a, lang), pack.talking_points_html(a, lang), pack.rights_html(a, lang)])

        return Step("pack", "app_step_pack", "nb4_title", [box], html)

    # ------------------------------------------------------------------ step 5: log and follow-up
    def _log_step(self) -> Step:
        lang = self.lang
        style = {"description_width": "initial"}
        self.log_date = W.Text(value=self.today.isoformat(), description=t("log_date", lang), style=style)
        self.log_date_shown = W.HTML(escape(date_text(self.today, lang)))
        self.log_date.observe(lambda ch: setattr(self.log_date_shown, "value", escape(
            date_text(_parse_date_text(ch["new"]), lang) if _parse_date_text(ch["new"]) else "")), names="value")
        self.log_creditor = W.Dropdown(options=self.creditors(), description=t("creditor", lang), style=style)
        self.log_channel = W.Dropdown(options=[(channel_name(c, lang), c) for c in CHANNELS], value="phone",
                                      description=t("w_channel", lang), style=style)
        self.log_person, self.log_offered, self.log_asked, self.log_outcome, self.log_next_step = (
            W.Text(description=t(k, lang), style=style)
            for k in ("w_person", "w_offered", "w_asked", "w_outcome", "w_next_step"))
        self.log_amends = W.Dropdown(options=self._amend_options(), value="", description=t("app_amends", lang),
                                     style=style)
        self.log_add = _button(description=t("w_add_contact", lang))
        self.log_add.on_click(lambda _: self.add_contact())
        self.log_error = W.HTML()
        self.log_error.add_class("dp-app-error")
        for w in (self.log_date, self.log_creditor, self.log_channel, self.log_person, self.log_offered,
                  self.log_asked, self.log_outcome, self.log_next_step, self.log_amends):
            w.add_class("dp-app-input")
        log_form = W.VBox([W.HTML(f"<h3>{escape(t('app_log_new', lang))}</h3>"
                                  f'<p class="dp-app-note">{escape(t("app_log_note", lang))}</p>'),
                           W.HBox([self.log_date, self.log_date_shown]), self.log_creditor, self.log_channel,
                           self.log_person, self.log_offered, self.log_asked, self.log_outcome, self.log_next_step,
                           self.log_amends, self.log_error, self.log_add])
        log_form.add_class("dp-app-log-form")
        creditor_choices = lambda: [(c, c) for c in self.creditors()]  # noqa: E731
        self.agreements = self.records(
            ("agreements",), "agreements_title", "app_add_agreement",
            lambda keys, item: [self.field_in(keys + ("creditor",), "choice", "creditor", creditor_choices()),
                                self.field_in(keys + ("start_date",), "date", "app_first_payment"),
                                self.field_in(keys + ("months",), "int", "app_months"),
                                self.field_in(keys + ("monthly_payment",), "amount", "app_monthly_payment"),
                                self.field_in(keys + ("interest_frozen",), "bool", "app_interest_frozen"),
                                self.field_in(keys + ("notes",), "longtext", "app_notes")],
            lambda: {"creditor": (self.creditors() or [""])[0], "start_date": self.today.isoformat(), "months": 12,
                     "monthly_payment": 0} if self.creditors() else None,
            row_title=lambda item, i: str(item.get("creditor") or ""))
        self.payments = self.records(
            ("payments",), "app_payments", "app_add_payment",
            lambda keys, item: [self.field_in(keys + ("date",), "date", "log_date"),
                                self.field_in(keys + ("creditor",), "choice", "creditor", creditor_choices()),
                                self.field_in(keys + ("amount",), "amount", "w_amount"),
                                self.field_in(keys + ("note",), "text", "app_notes")],
            self._new_payment)

        forms = self._legal_forms()

        def html() -> str:
            a, rules = self.session.assessment, self.session.rules
            return (pack.contact_log_html(a, lang, blank_rows=0)
                    + legal.collection_log_html(a, rules, lang, blank_rows=0, in_app=True)
                    + legal.court_deadlines_html(a, rules, lang)
                    + pack.agreements_html(a, lang)
                    + legal.agreement_checklist_html(a, lang)
                    + legal.letters_sent_html(a, lang, note=False))

        return Step("log", "app_step_log", "app_log_title",
                    [log_form, forms[0], forms[1], self.agreements.widget, self.payments.widget, forms[2], forms[3]],
                    html)

    # ------------------------------------------------------------------ step 5: when things go wrong (issue 13)
    def _legal_forms(self) -> list:
        """The collection form, the court papers, the letter form and the calendar download (see the module
        docstring: what is append-only and why)."""
        lang = self.lang
        creditor_choices = lambda: [(c, c) for c in self.creditors()]  # noqa: E731
        self.collection_form = EntryForm(
            self, "collections", "app_lg_collection_new", "app_lg_collection_note", "app_lg_add_collection",
            [("at", "text", "app_lg_at", None), ("creditor", "choice", "creditor", creditor_choices),
             ("channel", "choice", "lg_col_channel",
              [(t(legal.CHANNEL_KEYS[c], lang), c) for c in COLLECTION_CHANNELS]),
             ("caller", "text", "lg_col_caller", None),
             ("contacted", "choice", "lg_col_contacted",
              [(t(legal.CONTACTED_KEYS[c], lang), c) for c in CONTACTED]),
             ("said", "longtext", "lg_col_said", None),
             ("threats", "bool", "app_lg_threats", None), ("insults", "bool", "app_lg_insults", None),
             ("evidence", "text", "lg_col_evidence", None)],
            lambda: {"at": f"{self.today.isoformat()} {_dt.datetime.now():%H:%M}",
                     "creditor": (self.creditors() or [None])[0], "channel": "phone", "contacted": "borrower"},
            "dp-app-collection-form", moments=("at",))
        at = self.collection_form.fields["at"]
        self.collection_at_shown = W.HTML()
        self.collection_at_shown.add_class("dp-app-date-shown")
        at.widget.children[0].children = (*at.widget.children[0].children, self.collection_at_shown)
        at.input.observe(lambda ch: self._show_moment(ch["new"]), names="value")
        self._show_moment(at.input.value)
        self.court = self.records(
            ("court_events",), "app_lg_court", "app_lg_add_court",
            lambda keys, item: [
                self.field_in(keys + ("kind",), "choice", "lg_col_kind",
                              [(t(legal.KIND_KEYS[k], lang), k) for k in COURT_KINDS]),
                self.field_in(keys + ("creditor",), "choice", "creditor", creditor_choices()),
                self.field_in(keys + ("court",), "text", "lg_col_court"),
                self.field_in(keys + ("received",), "date", "lg_col_received"),
                self.field_in(keys + ("case_number",), "text", "lg_col_case"),
                self.field_in(keys + ("amount_claimed",), "amount", "lg_col_claimed")],
            lambda: {"kind": "payment_order", "creditor": self.creditors()[0],
                     "received": self.today.isoformat()} if self.creditors() else None,
            row_title=lambda item, i: str(item.get("creditor") or ""))
        self.court.widget.children = (self.court.widget.children[0],
                                      W.HTML(f'<p class="dp-app-note">{escape(t("app_lg_court_note", lang))}</p>'),
                                      *self.court.widget.children[1:])
        self.court.widget.add_class("dp-app-court")
        self.letter_form = EntryForm(
            self, "letters", "app_lg_letter_new", "app_lg_letter_note", "app_lg_add_letter",
            [("kind", "choice", "lg_col_letter", [(t(legal.LETTER_KEYS[k], lang), k) for k in LETTER_KINDS]),
             ("creditor", "choice", "creditor", creditor_choices),
             ("date", "date", "app_lg_letter_date", None), ("reply_by", "date", "lg_col_reply_by", None)],
            lambda: {"kind": "proposal", "creditor": (self.creditors() or [None])[0], "date": self.today.isoformat()},
            "dp-app-letter-form")
        self.calendar_button = _button(description=t("app_lg_calendar", lang))
        self.calendar_button.on_click(lambda _: self.make_calendar())
        self.calendar_status = W.HTML()
        self.calendar_status.add_class("dp-app-report")
        calendar = W.VBox([W.HTML(f'<p class="dp-app-note">{escape(t("app_lg_calendar_note", lang))}</p>'),
                           self.calendar_button, self.calendar_status], layout=W.Layout())
        calendar.add_class("dp-app-calendar")
        if self.calendar is None:
            calendar.layout.display = "none"
        return [self.collection_form.widget, self.court.widget, self.letter_form.widget, calendar]

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
        self.calendar_status.value = (
            f'<div class="dp-app-ok" role="status">{escape(t("app_lg_calendar_done", lang, count=count))} '
            f'<a class="dp-app-download dp-app-calendar-link" download="{escape(name)}" href="{href}">'
            f'{escape(t("app_lg_calendar_link", lang, name=name))}</a></div>')
        return data

    def _new_payment(self) -> dict | None:
        creditors = self.creditors()
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
                day = _parse_date_text(str(c.get("date", "")))
                label = f"{date_text(day, lang) if day else c.get('date')} · {c.get('creditor')} · {c.get('outcome', '')}"
                options.append((label[:80], c["id"]))
        return options

    def add_contact(self) -> None:
        """Add one entry to the contact log (in memory, written with the next Save); earlier entries are never
        changed: a correction is a new entry that names the one it amends."""
        lang = self.lang
        day = _parse_date_text(self.log_date.value)
        problems = []
        if day is None:
            problems.append(t("app_problem_date", lang))
        if not self.log_creditor.value:
            problems.append(t("app_log_no_debt", lang))
        if not self.log_outcome.value.strip():
            problems.append(t("app_log_no_outcome", lang))
        if problems:
            self.log_error.value = "".join(f'<span class="dp-app-problem" role="alert">{escape(p)}</span>'
                                           for p in problems)
            return
        entry = {"date": day.isoformat(), "creditor": self.log_creditor.value, "channel": self.log_channel.value}
        for key, w in (("person", self.log_person), ("offered", self.log_offered), ("asked", self.log_asked),
                       ("outcome", self.log_outcome), ("next_step", self.log_next_step)):
            if w.value.strip():
                entry[key] = w.value.strip()
        if self.log_amends.value:
            entry["amends"] = self.log_amends.value
        self.log_error.value = ""
        self.session.add_record(("negotiations",), entry)
        for w in (self.log_person, self.log_offered, self.log_asked, self.log_outcome, self.log_next_step):
            w.value = ""
        self.log_amends.options = self._amend_options()
        self.log_amends.value = ""
        self.after_change()


def _money_value(value: Decimal) -> Any:
    """An amount to write into the profile, rounded as the library rounds (half up, to the cent): whole numbers
    as numbers, others as text with two decimals."""
    q = round_money(value)
    return int(q) if q == q.to_integral_value() else str(q)
