"""Three-way merge of profile mappings: what a program read (base), its edits (mine), the file now (theirs).

Used before every save from the app, so that an entry written meanwhile by ``debtplan log`` or another tab
survives. Pure: mappings in, a mapping and a list of conflicts out; nothing is read or written.

Rules, field by field:

* changed on one side only: that side wins (a removal is a change);
* changed the same way on both sides: taken once;
* changed differently on both sides: a :class:`Conflict` naming the field (``debts[0].principal``);
  the merged value is ``mine`` there, and the caller is expected to refuse the save.

Lists of records are matched by ``id`` (the lists in :data:`debtplan.core.model.RECORD_LISTS`; run
:func:`debtplan.inputs.profile.with_record_ids` on all three sides first), debts by ``creditor``; a record added
on either side survives, in the file's order followed by the records added here. Other lists (income and cost
lines, offers, the months of irregular income) are merged position by position when both sides kept their
length, and are a conflict when both sides changed them differently otherwise.

>>> base = {"income": [{"name": "pay", "amount": 5800}], "negotiations": [{"id": "c-1", "outcome": "wait"}]}
>>> mine = {"income": [{"name": "pay", "amount": 6000}], "negotiations": [{"id": "c-1", "outcome": "wait"}]}
>>> theirs = {"income": [{"name": "pay", "amount": 5800}],
...           "negotiations": [{"id": "c-1", "outcome": "wait"}, {"id": "c-2", "outcome": "call back"}]}
>>> result = merge_profiles(base, mine, theirs)
>>> result.data["income"][0]["amount"], [c["id"] for c in result.data["negotiations"]], result.conflicts
(6000, ['c-1', 'c-2'], [])
>>> theirs["income"][0]["amount"] = 5900
>>> [c.path for c in merge_profiles(base, mine, theirs).conflicts]
['income[0].amount']
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Callable

from ..core.model import RECORD_LISTS

__all__ = ["Conflict", "MergeResult", "merge_profiles"]

_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    """The same field changed differently here and in the file. ``path`` is written like a problem's path
    (``debts[1].daily_rate``); values are ``None`` where the field was removed."""

    path: str
    base: Any
    mine: Any
    theirs: Any


@dataclass
class MergeResult:
    data: dict
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _value(v: Any) -> Any:
    return None if v is _MISSING else v


def _key_of(list_path: str) -> Callable[[Any], Any] | None:
    """How the records of the list at ``list_path`` are told apart, or None (by position)."""
    name = list_path.rsplit(".", 1)[-1]
    if name in RECORD_LISTS and "[" not in list_path:
        return lambda item: item.get("id") if isinstance(item, dict) else None
    if list_path == "debts":
        return lambda item: item.get("creditor") if isinstance(item, dict) else None
    return None


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def value(self, base: Any, mine: Any, theirs: Any, path: str) -> Any:
        if mine == theirs:
            return mine
        if mine == base:
            return theirs
        if theirs == base:
            return mine
        if isinstance(mine, dict) and isinstance(theirs, dict):
            return self.mapping(base if isinstance(base, dict) else {}, mine, theirs, path)
        if isinstance(mine, list) and isinstance(theirs, list):
            return self.listing(base if isinstance(base, list) else [], mine, theirs, path)
        self.conflicts.append(Conflict(path, _value(base), _value(mine), _value(theirs)))
        return mine

    def mapping(self, base: dict, mine: dict, theirs: dict, path: str) -> dict:
        out = {}
        for key in list(mine) + [k for k in theirs if k not in mine]:
            merged = self.value(base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING),
                                _join(path, key))
            if merged is not _MISSING:
                out[key] = merged
        return out

    def listing(self, base: list, mine: list, theirs: list, path: str) -> list:
        key_of = _key_of(path)
        keyed = key_of is not None and all(
            key_of(x) is not None for x in (*base, *mine, *theirs)) and all(
            len({key_of(x) for x in side}) == len(side) for side in (base, mine, theirs))
        if not keyed:
            if len(mine) == len(base) == len(theirs):
                return [self.value(b, m, t, _join(path, i)) for i, (b, m, t) in enumerate(zip(base, mine, theirs))]
            self.conflicts.append(Conflict(path, base, mine, theirs))
            return mine
        b = {key_of(x): x for x in base}
        m = {key_of(x): x for x in mine}
        t = {key_of(x): x for x in theirs}
        position = {k: i for i, k in enumerate(m)}
        out = []
        for k in list(t) + [k for k in m if k not in t]:
            where = _join(path, position.get(k, len(mine) + list(t).index(k) if k in t else 0))
            merged = self.value(b.get(k, _MISSING), m.get(k, _MISSING), t.get(k, _MISSING), where)
            if merged is not _MISSING:
                out.append(merged)
        return out


def merge_profiles(base: dict, mine: dict, theirs: dict) -> MergeResult:
    """Merge the edits ``mine`` made to ``base`` with the changes ``theirs`` made to it (see the module).
    The inputs are not changed; the result is a new mapping."""
    merger = _Merger()
    data = merger.mapping(copy.deepcopy(base or {}), copy.deepcopy(mine or {}), copy.deepcopy(theirs or {}), "")
    return MergeResult(data, merger.conflicts)
