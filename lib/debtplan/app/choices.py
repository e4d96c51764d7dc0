"""The words a form's dropdown shows for each code of a choice field, found by the field's ``words``
(core/schema.py): one table for every form of the app, instead of a map beside each form.

>>> from debtplan.core.schema import field
>>> options(field("debts", "method"), "en")[:2]
[('Equal payments', 'annuity'), ('Equal principal', 'equal-principal')]
>>> options(field("debts", "lender_kind"), "en")[0]
("The product's usual lender", '')
>>> options(field("collections", "contacted"), "en")[:2]
[('Me', 'borrower'), ('My guarantor', 'guarantor')]
"""
from __future__ import annotations

from typing import Callable

from ..core.schema import Field
from ..present import credit, legal, truecost
from ..text.i18n import as_choice, category_name, channel_name, hardship_name, product_name, t

__all__ = ["options", "METHOD_KEYS", "WORDS"]

METHOD_KEYS = {"annuity": "app_method_annuity", "equal-principal": "app_method_equal_principal",
               "interest-only": "app_method_interest_only",
               "interest-only-then-annuity": "app_method_interest_only_then_annuity"}
FEE_KIND_KEYS = {"guarantee": "app_fee_guarantee", "membership": "app_fee_membership", "service": "app_fee_service",
                 "insurance": "app_fee_insurance", "other": "app_fee_other"}
FEE_TIMING_KEYS = {"each_payment": "app_fee_each_payment", "start": "app_fee_start"}
AREA_KEYS = {"urban": "w_area_urban", "rural": "w_area_rural", "all": "w_area_all"}
#: What the court form calls each subject of a ruling (core.schema.RULING_KINDS).
RULING_KEYS = {"unknown": "app_ruling_unknown", "preservation": "app_ruling_preservation",
               "appealable": "app_ruling_appealable", "other": "app_ruling_other"}


def _keys(table: dict) -> Callable[[str, str], str]:
    return lambda code, lang: t(table[code], lang)


#: ``words`` of a choice field -> the words of one of its codes in a language.
WORDS: dict[str, Callable[[str, str], str]] = {
    "product": product_name, "category": category_name, "method": _keys(METHOD_KEYS), "area": _keys(AREA_KEYS),
    "lender_kind": _keys(truecost.KIND_KEYS), "fee_kind": _keys(FEE_KIND_KEYS), "fee_timing": _keys(FEE_TIMING_KEYS),
    "written_form": legal.written_form_text, "court_kind": _keys(legal.KIND_KEYS), "ruling_kind": _keys(RULING_KEYS),
    "collection_channel": _keys(legal.CHANNEL_KEYS), "contacted": _keys(legal.CONTACTED_KEYS),
    "letter_kind": _keys(legal.LETTER_KEYS), "objection_kind": _keys(credit.KIND_KEYS),
    "objection_to": _keys(credit.TO_KEYS), "channel": channel_name, "hardship_reason": hardship_name,
}
#: A choice that may be left to a default: the words of "" (the first option).
UNSET = {"lender_kind": "app_lender_kind_product"}


def options(f: Field, lang: str, unset: str | None = None) -> list[tuple[str, str]]:
    """(words, code) for each code of the choice field ``f``, in the schema's order (English words starting with
    a capital, as every choice in a list does: :func:`as_choice`). First, "" (left to the default) in the words
    ``unset`` when given, else in those of :data:`UNSET` for the field's kind of words."""
    name = WORDS[f.words]
    if unset is None and f.words in UNSET:
        unset = t(UNSET[f.words], lang)
    first = [(as_choice(unset, lang), "")] if unset is not None else []
    return first + [(as_choice(name(code, lang), lang), code) for code in f.choices]
