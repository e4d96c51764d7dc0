"""Collection contacts held against the rules: which facts of each contact a rule speaks to.

A contact's facts: ``third_party`` (someone other than the borrower or a guarantor was contacted), ``contacts``
(many people in the phone book, 爆通讯录), ``threats``, ``insults``, ``night`` (the time falls in the night hours
given, when the time was noted). Each rule (:class:`debtplan.core.model.LegalRule`, from data/rules/legal.yaml)
lists the facts it speaks to, and may be limited to one product (the card rule applies to credit cards only).

>>> import datetime as dt
>>> from debtplan.core.model import CollectionContact, LegalRule
>>> rule = LegalRule("r", {}, {}, {}, "2020", {}, "", ("third_party", "night"), {})
>>> c = CollectionContact("k-1", dt.datetime(2026, 11, 20, 22, 30), "借呗", "phone", "family")
>>> f = flag_contact(c, [rule], (dt.time(22), dt.time(8)))
>>> f.facts, [r.id for r in f.rules]
(('third_party', 'night'), ['r'])
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..core.model import CollectionContact, LegalRule

__all__ = ["FACTS", "ContactFlags", "contact_facts", "flag_contact", "flag_contacts", "at_night",
           "unanswered_call_limit"]

#: Every fact a contact can show, in the order they are listed.
FACTS = ("third_party", "contacts", "threats", "insults", "night")


@dataclass(frozen=True)
class ContactFlags:
    """A contact, the facts it shows, and the rules that speak to them (in the order of the rule file)."""

    contact: CollectionContact
    facts: tuple[str, ...]
    rules: tuple[LegalRule, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.rules)


def at_night(at: _dt.date, night: tuple) -> bool:
    """The time of ``at`` falls in the night hours ``(from, until)``; False when only a date was noted.

    >>> at_night(_dt.datetime(2026, 11, 20, 7, 59), (_dt.time(22), _dt.time(8)))
    True
    >>> at_night(_dt.date(2026, 11, 20), (_dt.time(22), _dt.time(8)))
    False
    """
    if not night or not isinstance(at, _dt.datetime):
        return False
    start, end = night
    moment = at.time()
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


def contact_facts(contact: CollectionContact, night: tuple = ()) -> tuple[str, ...]:
    facts = set()
    if contact.third_party:
        facts.add("third_party")
    if contact.contacted == "contacts":
        facts.add("contacts")
    if contact.threats:
        facts.add("threats")
    if contact.insults:
        facts.add("insults")
    if at_night(contact.at, night):
        facts.add("night")
    return tuple(f for f in FACTS if f in facts)


def flag_contact(contact: CollectionContact, rules: Iterable[LegalRule], night: tuple = (),
                 product: str = "") -> ContactFlags:
    """The facts of ``contact`` and the rules that speak to at least one of them. A rule limited to a product
    applies only when ``product`` (the debt's product) is that one."""
    facts = contact_facts(contact, night)
    hits = tuple(r for r in rules if set(r.flags) & set(facts) and (not r.applies_to or r.applies_to == product))
    return ContactFlags(contact, facts, hits)


def flag_contacts(contacts: Iterable[CollectionContact], rules: Iterable[LegalRule], night: tuple = (),
                  products: Mapping[str, str] | None = None) -> tuple[ContactFlags, ...]:
    """Every contact flagged, in the order recorded. ``products``: creditor -> product id."""
    rules = tuple(rules)
    products = products or {}
    return tuple(flag_contact(c, rules, night, products.get(c.creditor, "")) for c in contacts)


def unanswered_call_limit(rules: Iterable[LegalRule]) -> tuple[int | None, LegalRule | None]:
    """The fewest unanswered calls a day to her one number that a rule allows, and that rule (a convention: the
    China Banking Association's 2026 guideline says at most 6); ``(None, None)`` when no rule sets a limit. The
    call counts (:func:`debtplan.calc.calls.summarise_calls`, ``limit=``) list the days above it.

    >>> cba = LegalRule("cba", {}, {}, {}, "2026", {}, "", ("night",), {}, kind="convention",
    ...                 unanswered_calls_per_day=6)
    >>> limit, rule = unanswered_call_limit([cba])
    >>> limit, rule.kind
    (6, 'convention')
    """
    with_limit = [r for r in rules if r.unanswered_calls_per_day is not None]
    if not with_limit:
        return None, None
    rule = min(with_limit, key=lambda r: r.unanswered_calls_per_day)
    return rule.unanswered_calls_per_day, rule

