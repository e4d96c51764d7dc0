"""The follow-up step's evidence section (included by the step, not a step of its own): her phone's call log
imported and counted, the case number of a court paper checked, and the paid-helper checklist.

The export is read in memory from the upload widget and never saved: only the counts per number and day, the
file's name and fingerprint and the calls or messages she ticks go into the profile (written with the next Save).
Numbers already in her collection log are ticked for her; a message is marked as a threat only when she ticks
it. The case-number check never says "real" or "fake"; the checklist's ticks are not saved.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any

from .. import lean as W
from ...calc.calls import import_record, kept_entries, matching_numbers, summarise_calls, threat_suggestions
from ...calc.casenumber import check_case_number
from ...core.calls import CallFileError, PhoneExport, number_key
from ...core.model import CONTACTED, COURT_KINDS
from ...inputs.calls import parse_phone_export
from ...present.evidence import call_limit
from ...present.legal import CONTACTED_KEYS, KIND_KEYS
from ...text.evidence import agent_checklist, call_error_text, call_summary_sentences, case_number_sentences
from ...text.i18n import as_choice, date_text, t
from ..kit import button, parse_date_text, set_options

__all__ = ["EvidenceSection", "evidence_forms"]

#: The most numbers offered to tick (those that called her most), besides the ones in her log.
MAX_NUMBERS = 30


def _box(html: str, cls: str) -> Any:
    return W.HTML(html, _dom_classes=(cls,))


def _day(record: dict, lang: str) -> str:
    day = parse_date_text(str(record.get("imported") or ""))
    return date_text(day, lang) if day else "—"


class EvidenceSection:
    """The section's widgets on ``step`` (the follow-up step: its kit, session, language and date)."""

    def __init__(self, step: Any):
        self.step, self.kit, self.session, self.lang, self.today = (step, step.kit, step.session, step.lang,
                                                                     step.today)
        lang = self.lang
        style = {"description_width": "initial"}
        self.export: PhoneExport | None = None
        self.upload = W.FileUpload(accept=".xml,.csv,.txt", multiple=False, description=t("app_ev_upload", lang))
        self.upload.observe(lambda _: self.read_upload(), names="value")
        self.creditor = W.Dropdown(options=self.kit.creditors(), description=t("creditor", lang), style=style)
        self.creditor.observe(lambda _: self.show_numbers(), names="value")
        self.kit.watchers.append(self.follow)  # a debt added or renamed elsewhere is offered here too
        self.label = W.Text(description=t("app_ev_label", lang), style=style)
        self.contacted = W.Dropdown(options=[(as_choice(t(CONTACTED_KEYS[c], lang), lang), c) for c in CONTACTED],
                                    value="borrower", description=t("app_ev_contacted", lang), style=style)
        self.numbers_box = W.VBox(_dom_classes=("dp-app-ev-numbers",))
        self.messages_box = W.VBox(_dom_classes=("dp-app-ev-messages",))
        self.number_checks: dict[str, Any] = {}
        self.message_checks: list[tuple[Any, Any, Any]] = []  # (message, keep box, threat box)
        self.summary = _box("", "dp-app-ev-summary")
        self.status = _box("", "dp-app-ev-status")
        self.keep = button(description=t("app_ev_keep", lang))
        self.keep.on_click(lambda _: self.save())
        calls = W.VBox([_box(f"<h3>{escape(t('app_ev_title', lang))}</h3>"
                             f'<p class="dp-app-note">{escape(t("app_ev_note", lang))}</p>', "dp-app-ev-head"),
                        self.upload, self.creditor, self.label, self.contacted, self.numbers_box, self.summary,
                        self.messages_box, self.keep, self.status], _dom_classes=("dp-app-ev-calls",))

        self.case_number = W.Text(description=t("lg_col_case", lang), placeholder="（2026）京0105民督123号",
                                  continuous_update=False, style=style)
        self.case_paper = W.Dropdown(options=[(as_choice(t(KIND_KEYS[k], lang), lang), k) for k in COURT_KINDS],
                                     value="payment_order", description=t("lg_col_kind", lang), style=style)
        self.case_result = _box("", "dp-app-ev-case")
        for w in (self.case_number, self.case_paper):
            w.observe(lambda _: self.check_case(), names="value")
        case = W.VBox([_box(f"<h3>{escape(t('ev_case_title', lang))}</h3>", "dp-app-ev-head"), self.case_number,
                       self.case_paper, self.case_result], _dom_classes=("dp-app-ev-case-form",))

        title, items, advice = agent_checklist(self.session.rules.evidence.get("agent_signs", ()), lang)
        self.agent_boxes = [W.Checkbox(value=False, description=text, indent=False) for text, _ in items]
        for box in self.agent_boxes:
            box.observe(lambda _: self.check_agent(), names="value")
        self.agent_advice = _box("", "dp-app-ev-agent-advice")
        self._advice = advice
        agent = W.VBox([_box(f"<h3>{escape(title)}</h3>", "dp-app-ev-head"),
                        *[W.VBox([b, _box(f'<span class="dp-app-note">{escape(src)}</span>', "dp-app-ev-source")])
                          for b, (_, src) in zip(self.agent_boxes, items)], self.agent_advice],
                       _dom_classes=("dp-app-ev-agent",))
        self.widgets = [calls, case, agent]

    def follow(self) -> None:
        names = self.kit.creditors()
        if list(self.creditor.options) != names:
            set_options(self.creditor, names)

    # ------------------------------------------------------------------ the call log
    def read_upload(self) -> None:
        """Read the uploaded export in memory (the bytes are dropped from the widget at once)."""
        files = list(self.upload.value or ())
        if not files:
            return
        item = files[0]
        data, name = bytes(item["content"]), str(item.get("name") or "export")
        self.upload.value = ()  # the file's bytes are not kept in the page's state
        try:
            self.export = parse_phone_export(data, name)
        except CallFileError as exc:
            self.export = None
            self.status.value = f'<div class="dp-app-refused" role="alert">{escape(call_error_text(exc, self.lang))}</div>'
            self.show_numbers()
            return
        self.status.value = ""
        self.show_numbers()

    def _known(self) -> list[str]:
        creditor = self.creditor.value
        return [str(c.get("caller")) for c in self.session.data.get("collections") or []
                if isinstance(c, dict) and c.get("creditor") == creditor and c.get("caller")]

    def show_numbers(self) -> None:
        """One box per number that called her (most calls first), ticked when it is in her log already."""
        self.number_checks = {}
        if self.export is None:
            self.numbers_box.children = ()
            self.update()
            return
        everyone = summarise_calls(self.export.calls, {c.number for c in self.export.calls})
        known = {number_key(n) for n in matching_numbers(self.export.calls + self.export.messages, self._known())}
        senders = Counter(m.number for m in self.export.messages if m.kind == "received")
        shown: dict[str, str] = {}  # number_key -> as written, calls first, then messages' senders
        for number in [n.shown for n in everyone.numbers[:MAX_NUMBERS]] + [n for n, _ in senders.most_common()]:
            if len(shown) < MAX_NUMBERS or number_key(number) in known:
                shown.setdefault(number_key(number), number)
        for number in shown.values():
            n = next((x for x in everyone.numbers if x.shown == number), None)
            words = t("app_ev_number", self.lang, number=number, calls=n.calls if n else 0,
                      region=(n.region_zh if self.lang == "zh" else n.region_en) if n else "")
            box = W.Checkbox(value=number_key(number) in known, description=words, indent=False)
            box.observe(lambda _: self.update(), names="value")
            self.number_checks[number] = box
        self.numbers_box.children = (
            _box(f'<p class="dp-app-note">{escape(t("app_ev_pick", self.lang))}</p>', "dp-app-ev-pick"),
            *self.number_checks.values()) if self.number_checks else ()
        self.update()

    def picked(self) -> list[str]:
        return [n for n, box in self.number_checks.items() if box.value]

    def update(self) -> None:
        """The counts of the ticked numbers, and their messages with words she may want to read again."""
        numbers = self.picked()
        if self.export is None or not numbers:
            self.summary.value, self.messages_box.children, self.message_checks = "", (), []
            return
        limit = call_limit(self.session.rules)[0]
        s = summarise_calls(self.export.calls, numbers, limit=limit)
        self.summary.value = "".join(f"<p>{escape(x)}</p>" for x in
                                     call_summary_sentences(s, self.creditor.value or "", self.lang))
        words = [str(w) for w in self.session.rules.evidence.get("threat_words", {}).get("words", [])]
        self.message_checks = []
        rows = []
        for m, found in threat_suggestions(self.export.messages, numbers, words):
            keep = W.Checkbox(value=False, description=t("app_ev_keep_message", self.lang), indent=False)
            threat = W.Checkbox(value=False, description=t("app_ev_threat", self.lang), indent=False)
            hint = t("calls_threat_words", self.lang, words="、".join(found)) if found else ""
            rows.append(W.VBox([_box(f"<p><b>{escape(f'{m.at:%Y-%m-%d %H:%M} {m.number}')}</b> {escape(m.body)}"
                                     + (f' <span class="dp-app-ev-hint">{escape(hint)}</span>' if hint else "")
                                     + "</p>", "dp-app-ev-message"), W.HBox([keep, threat])]))
            self.message_checks.append((m, keep, threat))
        self.messages_box.children = tuple(rows)

    def save(self) -> bool:
        """Put the counts and the ticked messages into the profile (in memory; the app's Save writes them)."""
        lang = self.lang
        numbers, creditor = self.picked(), self.creditor.value
        if self.export is None or not numbers or not creditor:
            self.status.value = f'<div class="dp-app-refused" role="alert">{escape(t("app_ev_nothing", lang))}</div>'
            return False
        for old in self.session.data.get("call_imports") or []:
            if isinstance(old, dict) and old.get("sha256") == self.export.sha256:
                self.status.value = (f'<div class="dp-app-refused" role="alert">'
                                     f'{escape(t("calls_already", lang, file=self.export.file_name, date=_day(old, lang)))}</div>')
                return False
        limit = call_limit(self.session.rules)[0]
        summary = summarise_calls(self.export.calls, numbers, limit=limit)
        contacted = self.contacted.value or "borrower"
        record = import_record(self.export.file_name, self.export.sha256, summary, creditor,
                               label=self.label.value.strip(), contacted=contacted, imported=self.today)
        evidence = t("calls_imported_from", lang, file=self.export.file_name, sha=self.export.sha256[:12])
        keep = [m.at for m, k, th in self.message_checks if k.value or th.value]
        threats = [m.at for m, _, th in self.message_checks if th.value]
        entries, _ = kept_entries((), self.export.messages, numbers, creditor, keep, threats, contacted=contacted,
                                  evidence=evidence)
        if entries:
            self.session.data["collections"] = list(self.session.data.get("collections") or []) + entries
        self.session.add_record(("call_imports",), record)
        self.status.value = (f'<div class="dp-app-ok" role="status">'
                             f'{escape(t("app_ev_kept", lang, numbers=len(record["numbers"]), kept=len(entries)))}</div>')
        self.export = None
        self.show_numbers()
        return True

    # ------------------------------------------------------------------ the case number, the checklist
    def check_case(self) -> None:
        text = self.case_number.value.strip()
        if not text:
            self.case_result.value = ""
            return
        check = check_case_number(text, self.case_paper.value, self.today.year)
        self.case_result.value = "<ul>" + "".join(
            f"<li>{escape(x)}</li>" for x in case_number_sentences(check, self.case_paper.value, self.lang)) + "</ul>"

    def check_agent(self) -> None:
        ticked = sum(b.value for b in self.agent_boxes)
        self.agent_advice.value = (f'<div class="dp-app-refused" role="alert">{escape(self._advice)}</div>'
                                   if ticked else "")


def evidence_forms(step: Any) -> list:
    """The section's widgets for the follow-up step (kept on the step as ``step.evidence``)."""
    step.evidence = EvidenceSection(step)
    return step.evidence.widgets
