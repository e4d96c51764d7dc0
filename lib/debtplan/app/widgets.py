"""The borrower's app (ipywidgets, served by Voila from ``notebooks/app.ipynb``): five steps on one state.

The :class:`App` wires the steps (one module each in ``app/steps``, built on the field kit of ``app/kit.py``) to
the session: the bar (save, unsaved mark, report), the step bar, back and next, and which step is drawn.

Decisions:

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

When things go wrong, on the records-and-follow-up step:

* **Collection contacts and letters sent are append-only**, like the contact log: they are evidence (what a
  collector did, and when a letter went out), so the app adds them through a form (``kit.EntryForm``) and never
  edits or removes them; a wrong entry is corrected by a new one that says what it corrects. The form is
  checked by the profile's own validation before anything is added (the problems, worded by
  ``text/problems.py``, beside the form's fields), so nothing invalid enters the log.
* **Court papers received are edited in place** (a ``kit.RecordList``, remove asks once): a paper is a fact copied
  from a document, and a mistyped date of receipt would move a legal deadline, so it must be fixable.
* The step shows, redrawn after every edit, the collection log flagged with the rule each flag cites, the court
  deadlines with what happens if one is missed, and the agreement checklist (``present/legal.py``).
* **The calendar button** makes the .ics file from what the app holds (saved or not, once valid) and offers it
  as a ``data:`` download link, as the report's files are offered. The function comes from the ``run`` layer
  (``debtplan.run.calendar.calendar_bytes``), handed in by the notebook like the report's.

Finding a problem and seeing a change: a field with a problem is marked with a sign as well as
colour (``kit.problems_html``, app.css) and counted on its step button; a refused Save names each field in words
as a link, opens the first one's step and asks the page to put the cursor in it (``focus_request``, app.js);
the refusal goes once it no longer holds. The page reports a text box's value 0.3 s after the last keystroke
(app.js), so the figures follow typing; a line of the month's figures (``summary``) stays in view on steps 1-3.

Every label comes from the sentence table; layout is done with CSS classes (``dp-app-*``), not pixel widths.
"""

from __future__ import annotations

import base64
import copy
import datetime as _dt
import json
import os
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import Callable

from . import lean as W  # ipywidgets, sharing empty layouts and styles (lean.py: 60% fewer widgets)

from ..core.errors import DebtplanError, InputError, Problem
from ..core.model import CATEGORIES
from ..core.paths import REPORTS_DIR
from ..present import servedfont, views
from ..present.styles import style_block
from ..text.problems import (after_as_of_texts, conflict_text, out_of_date_text, place_text,
                             problem_text as place_problem_text)
from ..text.i18n import SENTENCES, category_name, date_text, money_text, t
from .channel import keep_every_message_sent
from .glyphs import TypedGlyphs
from .kit import Field, Kit, Step, button
from .session import Session
from .steps.debts import DebtsStep
from .steps.followup import FollowUpStep
from .steps.money import MoneyStep
from .steps.pack import PackStep
from .steps.plans import PlansStep

__all__ = ["App", "STEPS"]

#: The steps, in order: their classes, and (key, the step's short name, its heading).
STEP_CLASSES = (MoneyStep, DebtsStep, PlansStep, PackStep, FollowUpStep)
STEPS = tuple((s.key, s.name_key, s.title_key) for s in STEP_CLASSES)


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
        keep_every_message_sent()  # in a kernel: none of the controls about to be sent to the page is dropped
        self.session = session
        self.kit = Kit(session, today)
        self.only = tuple(only)
        self.lang = lang = session.lang
        self.report, self.print_pdf = report, print_pdf
        chosen = report_dir or os.environ.get("DEBTPLAN_REPORT_DIR")
        self.report_dir = Path(chosen) if chosen else REPORTS_DIR / session.path.stem

        # --- the bar at the top: save, unsaved mark, report
        self.style = W.HTML(self._style())
        # what she types beyond the characters the page can draw gets its glyphs at once (every text box made
        # from here on, records added later included)
        self.glyphs = TypedGlyphs(lang, drawn=self._drawn)
        self.glyphs.follow_new_text_boxes()
        self.title = W.HTML(f'<h1 class="dp-app-title">{escape(t("app_title", lang))}</h1>'
                            f'<p class="dp-app-file">{escape(t("app_file", lang, path=str(session.path)))}</p>')
        self.mark = W.HTML(_dom_classes=("dp-app-mark",))
        self.save_button = button(description=t("app_save", lang), button_style="primary")
        self.save_button.on_click(lambda _: self.save())
        self.message = W.HTML(_dom_classes=("dp-app-message",))
        self.report_button = button(description=t("app_report", lang))
        self.report_button.on_click(lambda _: self.make_report())
        self.report_progress = W.IntProgress(value=0, min=0, max=3, description="", layout=W.Layout(display="none"))
        self.report_status = W.HTML(_dom_classes=("dp-app-report",))
        report_row = [self.report_button, self.report_progress] if report else []
        self.keep_mine = button(description=t("app_keep_mine", lang))
        self.keep_theirs = button(description=t("app_keep_theirs", lang))
        self.keep_mine.on_click(lambda _: self.resolve("mine"))
        self.keep_theirs.on_click(lambda _: self.resolve("theirs"))
        self.conflict_box = W.HBox([self.keep_mine, self.keep_theirs], layout=W.Layout(display="none"),  # shown, hidden
                                   _dom_classes=("dp-app-conflict",))
        # figures computed to a pinned date more than a week old: said at the top, with one click to use today
        self.stale_date = W.HTML()
        self.use_today = button(description=t("stale_use_today", lang))
        self.use_today.on_click(lambda _: self.compute_to_today())
        self.stale_box = W.VBox([self.stale_date, self.use_today], layout=W.Layout(display="none"),
                                _dom_classes=("dp-app-stale-date",))
        self.bar = W.VBox([W.HBox([self.save_button, self.mark, *report_row]), self.message, self.conflict_box,
                           self.stale_box, self.report_status], _dom_classes=("dp-app-bar",))

        # --- steps
        # a numbered notebook's page builds only the steps it shows (the app's five steps are about 800 widgets,
        # each sent to the page: a page of one step sends a fifth of them)
        keys = [key for key, _, _ in STEPS]
        for key in set(only) - set(keys):
            raise InputError(f"no step {key!r}: the steps are {', '.join(keys)}")
        self.steps: list[Step] = [cls(self.kit, calendar=calendar) if cls is FollowUpStep else cls(self.kit)
                                  for cls in STEP_CLASSES if not only or cls.key in only]
        self.nav = W.ToggleButtons(options=[(t(name, lang), key) for key, name, _ in STEPS], value=start,
                                   style={"button_width": "auto"}, _dom_classes=("dp-app-nav",))
        self._nav_counts = {key: 0 for key, _, _ in STEPS}  # problems shown on each step button
        self._relabeling = False  # the step buttons' words are being changed: not a step chosen
        self.nav.observe(lambda _: None if self._relabeling else self.show(), names="value")
        # the month's figures, kept in view on steps 1-3 (app.css): what an edit changed is seen beside the field
        self.summary = W.HTML(layout=W.Layout(), _dom_classes=("dp-app-summary",))
        # where the page's script puts the cursor (a problem's field after a refused Save; app.js)
        self.focus_request = W.HTML(_dom_classes=("dp-app-focus-request",))
        self._focus_seq = 0
        self._refused = ""  # why the last Save was refused ("" once that no longer holds)
        self.back = button(description=t("app_back", lang))
        self.next = button(description=t("app_next", lang))
        self.back.on_click(lambda _: self.go(-1))
        self.next.on_click(lambda _: self.go(1))
        self.stage = W.VBox(_dom_classes=("dp-app-stage",))
        pager = W.HBox([self.back, self.next], _dom_classes=("dp-app-pager",))
        if only:
            self.nav.value = only[0]
            parts = [self.style, self.bar, self.stage, self.summary, self.focus_request]
        else:
            parts = [self.style, self.title, self.bar, self.nav, self.stage, pager, self.summary, self.focus_request]
        self.widget = W.VBox([*parts, self.glyphs.widget], _dom_classes=("dp-app",))
        self.kit.showing = self.only or (self.nav.value,)
        self.kit.watchers.append(self.after_change)
        self.kit.after_change()
        self.show()

    # ------------------------------------------------------------------ shared
    def title_js(self) -> str:
        """Script for the page: the browser tab named in the profile's language, and a question before the
        page is closed or reloaded while there are unsaved changes (the mark is on the page)."""
        return (f"document.title = {json.dumps(t('app_title', self.lang))};\n"
                "window.addEventListener('beforeunload', function (event) {\n"
                "  if (document.querySelector('.dp-app-unsaved')) { event.preventDefault(); event.returnValue = ''; }\n"
                "});")

    def _style(self) -> str:
        words = [entry.get(self.lang, "") for entry in SENTENCES.values()]
        words += [category_name(c, self.lang) for c in CATEGORIES] + [str(self.session.data)]
        served = os.environ.get("DEBTPLAN_SERVED_FONT")  # under Voila the page has its font file (views.not_served)
        self._drawn = "".join(words) + (servedfont.common_characters() if served else "")
        return style_block(views.not_served("".join(words)), self.lang)

    def all_fields(self) -> list[Field]:
        return self.kit.all_fields()

    def step(self, key: str) -> Step:
        return next(s for s in self.steps if s.key == key)

    @property
    def current(self) -> Step:
        return self.step(self.nav.value)

    def go(self, by: int) -> None:
        if self.only:  # a page of its own steps has no back and next
            return
        keys = [k for k, _, _ in STEPS]
        self.nav.value = keys[max(0, min(len(keys) - 1, keys.index(self.nav.value) + by))]

    def show(self) -> None:
        step = self.current
        self.kit.showing = self.only or (step.key,)
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
        self._summary()
        step.on_show()

    def _banner(self) -> str:
        if self.session.current:
            return ""
        return f'<div class="dp-app-stale" role="status">{escape(t("app_stale", self.lang))}</div>'

    def _heading(self, key: str) -> str:
        a = self.session.assessment
        who = a.profile.borrower.get("name") or a.profile.name
        return (f'<header class="dp-step"><h2>{escape(t(key, self.lang))}</h2>'
                f'<p class="dp-sub">{escape(t("prepared_for", self.lang, name=who, date=date_text(a.as_of, self.lang)))}'
                "</p></header>")

    def _draw(self, step: Step) -> None:
        ready = self.session.assessment is not None
        step.draw(self.kit.version, self._banner(), "" if self.only or not ready else self._heading(step.title_key),
                  ready)
        if self.session.current:
            step.view.remove_class("dp-app-view-stale")
        else:
            step.view.add_class("dp-app-view-stale")

    def _date_notice(self) -> None:
        """The figures' date when it is more than a week old, and records dated after it (they are not counted
        yet); hidden otherwise."""
        a = self.session.assessment
        lines = []
        if a is not None and self.session.current:
            old = out_of_date_text(a.as_of, self.lang, today=self.kit.today, how="app")
            lines = ([old] if old else []) + after_as_of_texts(a.profile, a.as_of, self.lang)
        self.stale_date.value = "".join(f'<p class="dp-warn" role="status">{escape(x)}</p>' for x in lines)
        self.stale_box.layout.display = None if lines else "none"

    def compute_to_today(self) -> None:
        """Compute the figures and date the letters to today: the pinned date leaves the profile (saved with the
        next Save) and any date the app was opened with is dropped."""
        self.session.as_of = None
        self.session.set(("as_of",), None)
        self.kit.sync()

    def after_change(self) -> None:
        """After every change of the session (the fields already show their problems): the problems no field
        shows, the unsaved mark, the date notice, the visible step."""
        self._date_notice()
        problems, others = self.session.problems, self.kit.unplaced
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
        if self._refused and (not self.session.dirty or (self._refused == "invalid" and not problems)):
            self.message.value = ""  # the refusal no longer holds: saved since, or nothing left to correct
            self._refused = ""
        self._step_counts(problems)
        self._summary()
        for key in self.only or (self.nav.value,):
            self._draw(self.step(key))

    def _step_counts(self, problems: list[Problem]) -> None:
        """Each step button says how many of the page's problems are on its step ("欠款（2处要改）")."""
        counts = {key: 0 for key, _, _ in STEPS}
        for p in problems:
            step = self.kit.step_of(p.path)
            if step is not None:
                counts[step.key] += 1
        if counts == self._nav_counts:
            return
        self._nav_counts = counts
        options = [(t("app_step_problems", self.lang, name=t(name, self.lang), n=counts[key]) if counts[key]
                    else t(name, self.lang), key) for key, name, _ in STEPS]
        keep = self.nav.value
        self._relabeling = True
        try:
            self.nav.options = options
            self.nav.value = keep
        finally:
            self._relabeling = False

    def _summary(self) -> None:
        """The line kept in view on steps 1-3: what is left each month, what can go to the lenders and each
        lender's share (hidden on the other steps)."""
        a, lang = self.session.assessment, self.lang
        shown = bool(set(self.only or (self.nav.value,)) & {"cash_flow", "owed", "plans"}) and a is not None
        self.summary.layout.display = None if shown else "none"
        if not shown:
            return
        cf = a.cash_flow
        if cf.surplus < 0:
            line = t("app_summary_negative", lang, gap=money_text(-cf.surplus, lang))
        else:
            line = t("app_summary", lang, surplus=money_text(cf.surplus, lang),
                     available=money_text(a.available, lang))
        shares = [t("app_summary_share", lang, creditor=d.debt.creditor, share=money_text(d.share, lang))
                  for d in a.debts]
        stale = "" if self.session.current else (f'<span class="dp-app-summary-stale">'
                                                 f'{escape(t("app_summary_stale", lang))}</span>')
        self.summary.value = (f'<div class="dp-app-summary-line" role="status"><strong>{escape(line)}</strong>'
                              + "".join(f'<span class="dp-app-summary-share">{escape(x)}</span>' for x in shares)
                              + stale + "</div>")

    def go_to_problem(self, path: str) -> None:
        """Open the step holding the field at ``path`` and ask the page to put the cursor in it."""
        step = self.kit.step_of(path)
        if step is not None and not self.only and self.nav.value != step.key:
            self.nav.value = step.key
        target = self.kit.target_of(path)
        if target:
            self._focus_seq += 1
            self.focus_request.value = (f'<span class="dp-app-focus" data-dp-target="{escape(target)}" '
                                        f'data-dp-seq="{self._focus_seq}"></span>')

    def _refusal_list(self) -> str:
        """The problems as a list of links, each naming its field in words; a click opens its step and puts the
        cursor in the field (app.js)."""
        keys = [k for k, _, _ in STEPS]
        items = []
        for p in self.session.problems:
            step, target = self.kit.step_of(p.path), self.kit.target_of(p.path)
            text = escape(place_problem_text(p, self.lang))
            if step is None:
                items.append(f"<li>{text}</li>")
                continue
            items.append(f'<li><a href="#" class="dp-app-goto" data-dp-step="{keys.index(step.key)}" '
                         f'data-dp-target="{escape(target or "")}">{text}</a></li>')
        return "<ul>" + "".join(items) + "</ul>"

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        lang = self.lang
        result = self.session.save()
        name = result.path.name
        if result.ok:
            self._refused = ""
            self.kit.sync()
            self.message.value = f'<div class="dp-app-ok" role="status">{escape(t("app_saved", lang, path=name))}</div>'
            return
        self._refused = result.status
        if result.status == "invalid":
            self.kit.after_change()
            self.message.value = (f'<div class="dp-app-refused" role="alert">'
                                  f'{escape(t("app_not_saved_fields", lang))}{self._refusal_list()}</div>')
            if self.session.problems:
                self.go_to_problem(self.session.problems[0].path)
            return
        if result.status == "conflict":
            # each clash in words: the place as she knows it, and both values (never an internal key)
            items = "".join(f"<li>{escape(conflict_text(c, lang))}</li>" for c in result.conflicts)
            self.message.value = (f'<div class="dp-app-refused" role="alert">'
                                  f'{escape(t("app_not_saved_conflict", lang))}<ul>{items}</ul></div>')
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
        self.kit.sync()
        places = t("app_resolved_sep", self.lang).join(
            place_text(Problem(c.path, ""), self.lang) or c.path for c in settled)
        self.message.value = (f'<div class="dp-app-ok" role="status">'
                              f'{escape(t("app_resolved", self.lang, fields=places))}</div>')

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

