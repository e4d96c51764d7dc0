"""Three-way merge of profile mappings: what a program read (base), its edits (mine), the file now (theirs).

Used before every save from the app, so that an entry written meanwhile by ``debtplan log`` or another tab
survives. Pure: mappings in, a mapping and a list of conflicts out; nothing is read or written.

Rules, field by field:

* changed on one side only: that side wins (a removal is a change);
* changed the same way on both sides: taken once;
* changed differently on both sides: a :class:`Conflict` naming the field (``debts[0].principal``);
  the merged value is ``mine`` there, and the caller is expected to refuse the save.

Lists are merged by record identity, never by list position: records by ``id`` (the lists in
:data:`debtplan.core.model.RECORD_LISTS`; run :func:`debtplan.inputs.profile.with_record_ids` on all three
sides first), debts by ``creditor``, income and cost lines by ``name`` (or, when names repeat, by what they
hold, so an edited line stays that line when the file's lines changed). A conflict's path names the record
where it stands in the merged data, and ``keep="theirs"`` settles a clash in that very record. Records added on
both sides are all kept, even with the same id or the same content (the same call logged from the command
line and from the app is two entries; the one added here gets a new id). Records of what happened (contacts,
collection calls, letters sent, payments made: :data:`EVIDENCE_LISTS`) are never changed or removed by a
merge: while the file changed since it was read, such a change from either side is a conflict of kind
``evidence_changed`` / ``evidence_removed`` (said in words by :func:`debtplan.text.problems.conflict_text`).

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
from ..core.schema import evidence_lists

__all__ = ["Conflict", "MergeResult", "merge_profiles", "EVIDENCE_LISTS"]

_MISSING = object()


@dataclass(frozen=True)
class Conflict:
    """The same field changed differently here and in the file. ``path`` is written like a problem's path
    (``debts[1].daily_rate``); values are ``None`` where the field was removed."""

    path: str
    base: Any
    mine: Any
    theirs: Any
    #: ``value`` (a field changed both ways), ``list`` (a list changed both ways that cannot be matched up),
    #: ``evidence_changed`` / ``evidence_removed`` (a record of what happened, changed or removed on one side
    #: while the file changed: never done by a merge; ``side`` says where, ``mine`` or ``theirs``).
    kind: str = "value"
    side: str = ""


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


#: Records of what happened (contacts, collection calls, letters sent, payments made): a merge never changes or
#: removes one of them; such a change while the file also changed is a conflict said in words.
EVIDENCE_LISTS = evidence_lists()
#: Lists without ids whose entries are told apart by a field (used when every entry on every side has a
#: different one).
_NAMED_BY = {"debts": "creditor", "income": "name", "fixed_costs": "name", "flexible_costs": "name",
             "offers": "months"}


def _key_of(list_path: str) -> Callable[[Any], Any] | None:
    """How the records of the list at ``list_path`` are told apart, or None (by what they hold)."""
    name = list_path.rsplit(".", 1)[-1]
    if name in RECORD_LISTS and "[" not in list_path:
        return lambda item: item.get("id") if isinstance(item, dict) else None
    field_name = _NAMED_BY.get(name)
    if field_name and "[" not in list_path:
        return lambda item: repr(item.get(field_name)) if isinstance(item, dict) and item.get(field_name) \
            not in (None, "") else None
    return None


def _by_content(base: list, side: list) -> dict[int, int]:
    """Which entry of ``side`` each entry of ``base`` is (by index), from the runs they share and, between
    them, entries replaced one for one (an edited line stays that line)."""
    import difflib

    keyed = [repr(x) for x in base], [repr(x) for x in side]
    matched: dict[int, int] = {}
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, *keyed, autojunk=False).get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            matched.update({i1 + k: j1 + k for k in range(i2 - i1)})
    return matched


class _Merger:
    def __init__(self, file_changed: bool, keep: str = "mine") -> None:
        self.conflicts: list[Conflict] = []
        self.file_changed = file_changed
        self.keep = keep

    def clash(self, conflict: Conflict, here: Any, there: Any) -> Any:
        """Record a conflict; the value kept for now (``_MISSING`` to leave it out)."""
        self.conflicts.append(conflict)
        return there if self.keep == "theirs" else here

    def value(self, base: Any, mine: Any, theirs: Any, path: str) -> Any:
        if mine == theirs and not (isinstance(mine, list) and mine != base and path in RECORD_LISTS):
            return mine  # (records added on both sides are looked at one by one: the same call logged twice)
        if mine == base:
            return theirs
        if theirs == base:
            return mine
        if isinstance(mine, dict) and isinstance(theirs, dict):
            return self.mapping(base if isinstance(base, dict) else {}, mine, theirs, path)
        if isinstance(mine, list) and isinstance(theirs, list):
            return self.listing(base if isinstance(base, list) else [], mine, theirs, path)
        return self.clash(Conflict(path, _value(base), _value(mine), _value(theirs)), mine, theirs)

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
        if keyed:
            return self.records(base, mine, theirs, path, key_of)
        if all(isinstance(x, dict) for x in (*base, *mine, *theirs)) and base:
            return self.lines(base, mine, theirs, path)
        if len(mine) == len(base) == len(theirs):
            return [self.value(b, m, t, _join(path, i)) for i, (b, m, t) in enumerate(zip(base, mine, theirs))]
        return self.clash(Conflict(path, base, mine, theirs, "list"), mine, theirs)

    def records(self, base: list, mine: list, theirs: list, path: str, key_of: Callable[[Any], Any]) -> list:
        """Records matched by identity: each record's fields merged with the same record's on the other side;
        records added on both sides are all kept, never fused (the one added here gets a new id)."""
        name = path.rsplit(".", 1)[-1]
        evidence = name in EVIDENCE_LISTS and self.file_changed
        with_ids = name in RECORD_LISTS
        b = {key_of(x): x for x in base}
        m = {key_of(x): x for x in mine}
        t = {key_of(x): x for x in theirs}
        out: list = []
        taken = set(m) | set(t) | set(b)
        order = list(t)  # the file's order; a record the file no longer has keeps its place, one added here goes last
        for n, k in enumerate(m):
            if k in t:
                continue
            if k not in b:
                order.append(k)
                continue
            before = next((p for p in reversed(list(m)[:n]) if p in order), None)
            order.insert(order.index(before) + 1 if before is not None else 0, k)
        for k in order:
            old, here, there = b.get(k, _MISSING), m.get(k, _MISSING), t.get(k, _MISSING)
            where = _join(path, len(out))
            if with_ids and old is _MISSING and here is not _MISSING and there is not _MISSING:
                out.append(there)  # added on both sides with the same id: two records
                out.append(_renamed(here, taken, name))
                continue
            if evidence and old is not _MISSING and not (here == there):
                changed = here if here != old else there
                side = "mine" if here != old else "theirs"
                kind = "evidence_removed" if changed is _MISSING else "evidence_changed"
                if here != old and there != old:
                    side = "both"
                kept = self.clash(Conflict(where, old, _value(here), _value(there), kind, side), here, there)
                if kept is not _MISSING:
                    out.append(kept)
                continue
            merged = self.value(old, here, there, where)
            if merged is not _MISSING:
                out.append(merged)
        return out

    def lines(self, base: list, mine: list, theirs: list, path: str) -> list:
        """Entries without an identity (income and cost lines with repeated or missing names), matched by
        what they hold: an entry edited here lands on that entry even when the file added or removed others."""
        to_mine, to_theirs = _by_content(base, mine), _by_content(base, theirs)
        out: list = []
        placed_mine: set[int] = set()
        for j, there in enumerate(theirs):
            i = next((i for i, jj in to_theirs.items() if jj == j), None)
            if i is None:  # added in the file
                out.append(there)
                continue
            if i not in to_mine:
                if there != base[i]:  # removed here, changed in the file: kept until settled
                    out.append(self.clash(Conflict(_join(path, len(out)), base[i], None, there), there, there))
                continue  # removed here
            placed_mine.add(to_mine[i])
            merged = self.value(base[i], mine[to_mine[i]], there, _join(path, len(out)))
            if merged is not _MISSING:
                out.append(merged)
        for i in range(len(base)):  # removed in the file: a change here to it is a conflict
            if i not in to_theirs and i in to_mine:
                placed_mine.add(to_mine[i])
                if mine[to_mine[i]] != base[i]:
                    kept = self.clash(Conflict(_join(path, len(out)), base[i], mine[to_mine[i]], None),
                                      mine[to_mine[i]], _MISSING)
                    if kept is not _MISSING:
                        out.append(kept)
        out += [x for j, x in enumerate(mine) if j not in placed_mine]  # added here
        return out


def _renamed(record: dict, taken: set, list_name: str) -> dict:
    """``record`` with an id no other record of its list has (``c-3`` -> ``c-3-2``)."""
    base_id, n = str(record.get("id")), 2
    while f"{base_id}-{n}" in taken:
        n += 1
    taken.add(f"{base_id}-{n}")
    return {**record, "id": f"{base_id}-{n}"}


def merge_profiles(base: dict, mine: dict, theirs: dict, keep: str = "mine") -> MergeResult:
    """Merge the edits ``mine`` made to ``base`` with the changes ``theirs`` made to it (see the module).
    Where they clash the result holds ``keep``'s side (``"mine"`` or ``"theirs"``), in that very record, and
    the clash is listed. The inputs are not changed; the result is a new mapping."""
    merger = _Merger(file_changed=(theirs or {}) != (base or {}), keep=keep)
    data = merger.mapping(copy.deepcopy(base or {}), copy.deepcopy(mine or {}), copy.deepcopy(theirs or {}), "")
    return MergeResult(data, merger.conflicts)
