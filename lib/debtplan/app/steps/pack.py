"""Step 4, the negotiation pack (协商材料): who writes and why (the hardship), then the statement, one letter
per debt, the checklist, the talking points and the borrower's rights."""
from __future__ import annotations

from html import escape

from .. import lean as W
from ...present import pack
from ...text.i18n import t
from ..kit import Step


class PackStep(Step):
    key, name_key, title_key = "pack", "app_step_pack", "nb4_title"

    def build(self) -> list:
        lang = self.lang
        fields = self.kit.form(("borrower",), "borrower", keep=True) + self.kit.form(("hardship",), "hardship", keep=True)
        box = W.VBox([W.HTML(f"<h3>{escape(t('app_hardship', lang))}</h3>"), *[f.widget for f in fields]])
        return [box]

    def html(self) -> str:
        a, lang = self.session.assessment, self.lang
        return "".join(
            [pack.statement_html(a, lang)] + [pack.letter_html(a, d, lang) for d in a.debts] +
            [pack.checklist_html(a, lang), pack.talking_points_html(a, lang), pack.rights_html(a, lang)])
