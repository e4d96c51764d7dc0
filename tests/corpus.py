"""A seeded corpus of broken profiles: every key given a wrong type or an absurd value, YAML tricks, special files.

Each :class:`Case` says where its problem is (``place``: a key path such as ``debts[0].daily_rate``, ``line``
for a problem in the YAML text, ``(file)`` for the file itself) and whether the profile must be refused
(``must_refuse``; an absurd value the validator may accept, such as ``daily_rate: 0.01``, must then compute).
:func:`all_cases` is the whole corpus, the same on every run; :func:`sample` draws a seeded subset.

    >>> cases = all_cases()
    >>> len(cases) > 1000, len({c.id for c in cases}) == len(cases)
    (True, True)
"""
from __future__ import annotations

import copy
import os
import random
import re
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BASE_FILE = ROOT / "data" / "examples" / "xiao-li.yaml"

AMOUNT_KEYS = {"principal", "amount", "balance", "monthly_contribution", "overdue_amount", "unpaid_interest",
               "contractual_payment", "unpaid_minimum", "monthly_payment", "upfront_fee", "creditor_floor",
               "frozen_monthly_fee", "fees"}
RATE_KEYS = {"daily_rate", "annual_rate", "monthly_fee_rate", "penalty_multiplier", "penalty_daily_rate",
             "late_fee_rate", "late_fee_per_day", "minimum_payment_rate", "buffer_rate", "stress_income_drop"}
INT_KEYS = {"term_months", "months", "adults", "children", "grace_days", "capitalize_every_days",
            "max_installment_months", "version"}
DATE_KEYS = {"as_of", "since", "overdue_since", "start_date", "date", "next_date"}
ENUM_KEYS = {"lang", "product", "method", "category", "area", "channel", "reason", "penalty_base"}
BOOL_KEYS = {"compound_unpaid_interest", "irregular", "interest_frozen"}
TABLE_KEYS = {"installment_fee_rates"}


@dataclass(frozen=True)
class Case:
    """One broken profile. ``text`` is the file's content (bytes), or ``special`` names a special file."""

    id: str
    kind: str  # key | yaml | file
    place: str
    must_refuse: bool
    text: bytes | None = None
    special: str = ""
    make: Any = field(default=None, compare=False, repr=False)  # builds ``text`` when written (fast corpus)

    def materialize(self, folder: Path) -> Path:
        """Write the case into ``folder`` and return the path to give ``debtplan``."""
        path = folder / "profile.yaml"
        if self.special == "fifo":
            os.mkfifo(path)
        elif self.special == "dev-zero":
            path.symlink_to("/dev/zero")
        elif self.special == "symlink-loop":
            other = folder / "other.yaml"
            path.symlink_to(other)
            other.symlink_to(path)
        elif self.special == "folder":
            path.mkdir()
        elif self.special == "missing":
            pass
        elif self.special == "broken-link":
            path.symlink_to(folder / "nowhere.yaml")
        elif self.special == "big-50mb":
            with open(path, "wb") as fh:
                fh.write(BASE_FILE.read_bytes())
                fh.write(b"# padding padding padding padding padding padding padding padding padding\n" * 700_000)
        else:
            path.write_bytes(self.make() if self.make is not None else (self.text or b""))
        return path


def base_data() -> dict:
    """The default example with every part present (offers, rule overrides, records, settings)."""
    data = yaml.safe_load(BASE_FILE.read_text(encoding="utf-8"))
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}

    def dates_as_text(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: dates_as_text(v) for k, v in value.items()}
        if isinstance(value, list):
            return [dates_as_text(v) for v in value]
        return value.isoformat() if hasattr(value, "isoformat") else value

    data = dates_as_text(data)
    debt = data["debts"][0]
    debt.update({"offers": [{"name": "银行方案", "months": 24, "monthly_fee_rate": 0.006, "upfront_fee": 0}],
                 "penalty_multiplier": 1.5, "grace_days": 0, "late_fee_rate": 0, "minimum_payment_rate": 0.1,
                 "installment_fee_rates": {12: 0.088}, "max_installment_months": 60, "contractual_payment": 1801.39})
    data["income"].append({"name": "网约车", "recent": [4200, 2800, 5100]})
    data["borrower"]["phone"] = "13800000000"
    data["negotiations"] = [{"date": "2026-11-20", "creditor": "借呗", "channel": "app", "person": "客服8812",
                             "outcome": "对方考虑", "next_step": "12月1日前回复"}]
    data["agreements"] = [{"creditor": "借呗", "start_date": "2026-12-10", "months": 48, "monthly_payment": 442.92}]
    data["payments"] = [{"date": "2026-12-10", "creditor": "借呗", "amount": 442.92}]
    data["settings"] = {"buffer_rate": 0.1, "stress_income_drop": 0.2, "creditor_floor": 50, "frozen_monthly_fee": 0}
    return data


def _paths(value: Any, path: str = "") -> list[tuple[str, list, Any]]:
    """Every (display path, key path, value) in ``value``, containers included."""
    out = []
    if isinstance(value, dict):
        for k, v in value.items():
            p = f"{path}.{k}" if path else str(k)
            out.append((p, [k], v))
            out += [(sp, [k] + kp, sv) for sp, kp, sv in _paths(v, p)]
    elif isinstance(value, list):
        for i, v in enumerate(value):
            p = f"{path}[{i}]"
            out.append((p, [i], v))
            out += [(sp, [i] + kp, sv) for sp, kp, sv in _paths(v, p)]
    return out


def _set(data: Any, keys: list, value: Any) -> Any:
    data = copy.deepcopy(data)
    target = data
    for k in keys[:-1]:
        target = target[k]
    target[keys[-1]] = value
    return data


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _dump(data: Any) -> bytes:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def _dump_set(data: Any, keys: list, value: Any) -> bytes:
    return _dump(_set(data, keys, value))


def _dump_without(data: Any, keys: list) -> bytes:
    removed = copy.deepcopy(data)
    target = removed
    for k in keys[:-1]:
        target = target[k]
    del target[keys[-1]]
    return _dump(removed)


BIG_INT = int("9" * 400)
WRONG_TYPES = {"list": [1, 2], "map": {"a": 1}, "nested": [[1, 2]], "bool": True}


def _mutations(key: str, value: Any) -> list[tuple[str, Any, bool]]:
    """(label, new value, must_refuse) for one key."""
    out: list[tuple[str, Any, bool]] = []
    if isinstance(value, (dict, list)):
        out += [("scalar", "abc", key not in {"borrower", "hardship", "household", "settings", "savings"}
                 and key not in TABLE_KEYS), ("number", 5, True)]
        if isinstance(value, list):
            out += [("map-for-list", {"a": 1}, True)]
        else:
            out += [("list-for-map", [1], True)]
        if key in TABLE_KEYS:
            out += [("negative-term", {-12: 0.088}, True), ("absurd-term", {10 ** 9: 0.088}, True),
                    ("negative-rate", {12: -1}, True), ("absurd-rate", {12: 1e10}, True),
                    ("text-term", {"twelve": 0.088}, True), ("text-rate", {12: "abc"}, True)]
        return out
    free_text = not (key in AMOUNT_KEYS | RATE_KEYS | INT_KEYS | DATE_KEYS | ENUM_KEYS | BOOL_KEYS)
    # true/false where text is expected may be read as the words: not required to be refused
    out += [(f"type-{name}", v, not (free_text and name == "bool")) for name, v in WRONG_TYPES.items()
            if not (key in BOOL_KEYS and name == "bool")]
    if key in AMOUNT_KEYS:
        out += [("negative", -1, True), ("1e308", "1e308", True),
                ("400-digits", BIG_INT, True), ("1e13", "1e13", True), ("text", "abc", True),
                ("nan", ".nan", True), ("inf", float("inf"), True), ("1,2,3", "1,2,3", True),
                ("1e12", "1e12", False), ("tiny", "1e-30", False), ("minus-zero", "-0", False)]
    elif key in RATE_KEYS:
        out += [("negative", -1, True), ("1e308", "1e308", True), ("400-digits", BIG_INT, True),
                ("text", "abc", True), ("nan", float("nan"), True), ("big", 5, False), ("huge", "1e10", False),
                ("tiny", "1e-30", False), ("top", 0.01, False), ("zero", 0, False)]
    elif key in INT_KEYS:
        out += [("negative", -1, True), ("huge", 10 ** 10, True), ("400-digits", BIG_INT, True),
                ("fraction", 1.5, True), ("text", "abc", True), ("zero", 0, key not in {"children", "grace_days",
                                                                                      "capitalize_every_days"})]
    elif key in DATE_KEYS:
        out += [("feb-30", "2026-02-30", True), ("text", "yesterday", True), ("int", 20261128, True),
                ("year-1", "0001-01-01", False), ("year-9999", "9999-12-31", False)]
    elif key in ENUM_KEYS:
        # empty means "not given" (the default applies); an unknown cost category is a warning, not an error
        category = key == "category"
        out += [("unknown", "abc", not category), ("number", 5, not category), ("empty", "", False)]
    elif key in BOOL_KEYS:
        out += [("text", "maybe", True), ("number", 5, True)]
    else:  # free text
        out += [("empty", "", False), ("long", "x" * 100_000, False), ("long-cjk", "长" * 50_000, False),
                ("emoji", "🙏$$\r", False), ("number", 123, False)]
        if key == "currency":
            out += [("blank", "", True), ("lowercase", "cny", True)]
    return out


def key_cases(data: dict) -> list[Case]:
    cases = []
    for path, keys, value in _paths(data):
        key = str(keys[-1]) if not isinstance(keys[-1], int) else ""
        if not key:  # a list entry (or a table's entry): give it the wrong shape
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            for label, new, refuse in (("entry-text", "abc", True), ("entry-number", 5, not number),
                                       ("entry-list", [1], True)):
                cases.append(Case(f"key:{path}:{label}", "key", path if refuse else "", refuse,
                                  make=functools.partial(_dump_set, data, keys, new)))
            continue
        for label, new, refuse in _mutations(key, value):
            # a value that may be accepted may also be refused for what it means elsewhere (a date after as_of,
            # records naming a renamed debt): then any named place will do
            cases.append(Case(f"key:{path}:{label}", "key", path if refuse else "", refuse,
                              make=functools.partial(_dump_set, data, keys, new)))
        if key not in {"name", "debts", "income"}:  # removing a key: the default, or a named "missing"
            cases.append(Case(f"key:{path}:missing", "key", "", False,
                              make=functools.partial(_dump_without, data, keys)))
    return cases


def _text(data: dict) -> str:
    return _dump(data).decode("utf-8")


def yaml_cases(data: dict) -> list[Case]:
    base = _text(data)
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        bomb.append(f"{'abcdefghij'[i]}: &{'abcdefghij'[i]} [" + ",".join([f"*{'abcdefghij'[i - 1]}"] * 9) + "]")
    texts: dict[str, tuple[str | bytes, bool, str]] = {
        "alias-bomb": ("\n".join(bomb) + "\n", True, "line"),
        "anchor-alias": (base.replace("income:\n", "income: &inc\n", 1) + "extra: *inc\n", True, "line"),
        "merge-key": (base.replace("household:\n", "household:\n  <<: {adults: 1}\n", 1), True, "line"),
        "duplicate-top": (base + "name: other\n", True, "line"),
        "duplicate-nested": (base.replace("  adults: 1\n", "  adults: 1\n  adults: 2\n", 1), True, "line"),
        "set-tag": (base + "extra: !!set {a, b}\n", True, "line"),
        "python-tag": (base.replace("name: xiao-li", "name: !!python/object/apply:os.system ['true']", 1), True,
                       "line"),
        "binary-tag": (base + "extra: !!binary aGVsbG8=\n", True, "line"),
        "timestamp-tag": (base.replace("as_of: '2026-11-28'", "as_of: !!timestamp 2026-11-28", 1), True, "line"),
        "nul-byte": (base.replace("小李", "小\x00李", 1), True, "line"),
        "esc-char": (base.replace("小李", "小\x1b[31m李", 1), True, "line"),
        "bell-char": (base.replace("成都", "成\x07都", 1), True, "line"),
        "del-char": (base.replace("成都", "成\x7f都", 1), True, "line"),
        "c1-char": (base.replace("成都", "成\x9b都", 1), True, "line"),
        "tab-indent": (base.replace("  adults: 1", "\tadults: 1", 1), True, "line"),
        "bad-indent": (base.replace("  adults: 1", " adults: 1", 1), True, "line"),
        "unclosed-quote": (base + "extra: 'abc\n", True, "line"),
        "unclosed-bracket": (base + "extra: [1, 2\n", True, "line"),
        "deep-nesting": ("name: " + "[" * 5000 + "]" * 5000 + "\n", True, "line"),
        "top-level-list": ("- a\n- b\n", True, "(file)"),
        "top-level-scalar": ("just some text\n", True, "(file)"),
        "empty-file": ("", True, "name"),
        "only-comments": ("# nothing here\n", True, "name"),
        "huge-int-name": (base.replace("name: xiao-li", "name: " + "9" * 5000, 1), False, "name"),
        "inf-float": (base.replace("balance: 3000", "balance: 1e999", 1), True, "savings.balance"),
        "nan-float": (base.replace("balance: 3000", "balance: .nan", 1), True, "savings.balance"),
        "list-key": (base + "? [a, b]\n: 1\n", True, "line"),
        "date-key": (base + "2026-01-01: x\n", True, "2026-01-01"),
        "int-key": (base + "12: x\n", True, "12"),
        "null-debts": (base.replace("debts:\n", "debts_old:\n", 1) + "debts:\n", False, "debts"),
        "long-line": (base.replace("name: xiao-li", "name: " + "x" * 200_000, 1), False, "name"),
        "bom-utf8": ("\ufeff" + base, False, ""),
        "nel-char": (base.replace("成都", "成\x85都", 1), False, ""),
        "crlf": (base.replace("\n", "\r\n"), False, ""),
        "lone-cr": (base.replace("\n", "\r"), False, ""),
        "bidi-override": (base.replace("成都", "成\u202e都", 1), False, ""),
        "document-markers": ("---\n" + base + "...\n---\nname: second\n", True, "line"),
        # values read as written (YAML 1.2): a point and three digits is refused naming both readings; leading
        # zeros, yes/no words and times are kept as written and read by the field's own rule
        "dot-three-amount": (base.replace("balance: 3000", "balance: 3.000", 1), True, "savings.balance"),
        "dot-three-principal": (base.replace("principal: 20000", "principal: 20.000", 1), True, "debts[0].principal"),
        "leading-zero-amount": (base.replace("balance: 3000", "balance: 03000", 1), False, ""),
        "leading-zero-months": (base.replace("term_months: 12", "term_months: 012", 1), False, ""),
        "leading-zero-name": (base.replace("name: 小李", "name: 0123", 1), False, ""),
        "phone-leading-zero": (base.replace("phone: '13800000000'", "phone: 02154321765", 1), False, ""),
        "phone-plus": (base.replace("phone: '13800000000'", "phone: +8613812345678", 1), False, ""),
        "yaml11-no-word": (base.replace("said: 提醒尽快还款", "said: No", 1), False, ""),
        "yaml11-time": (base.replace("said: 提醒尽快还款", "said: 9:30", 1), False, ""),
        "yaml11-octal-like": (base.replace("city: 成都", "city: 0o17", 1), False, ""),
    }
    cases = [Case(f"yaml:{name}", "yaml", place if refuse else "", refuse,
                  text.encode("utf-8") if isinstance(text, str) else text)
             for name, (text, refuse, place) in texts.items()]
    cases.append(Case("yaml:gb18030", "yaml", "", False, base.encode("gb18030")))
    cases.append(Case("yaml:invalid-utf8", "yaml", "", False, base.encode("utf-8") + b"extra: \xff\xfe\xfa\n"))
    cases.append(Case("yaml:utf16", "yaml", "(file)", True, base.encode("utf-16")))
    cases.append(Case("yaml:binary", "yaml", "(file)", True, bytes(range(256)) * 4))
    size = 256 * 1024 + 10
    cases.append(Case("yaml:just-over-limit", "yaml", "(file)", True,
                      (base + "# " + "x" * (size - len(base.encode("utf-8")) - 3) + "\n").encode("utf-8")))
    return cases


def file_cases() -> list[Case]:
    return [Case(f"file:{name}", "file", "(file)", True, special=name)
            for name in ("fifo", "dev-zero", "symlink-loop", "folder", "missing", "broken-link", "big-50mb")]


def all_cases() -> list[Case]:
    """The whole corpus (deterministic)."""
    data = base_data()
    return key_cases(data) + yaml_cases(data) + file_cases()


def sample(n: int, seed: int) -> list[Case]:
    """``n`` cases drawn with ``seed``; every YAML trick and special file is always in (they are few)."""
    cases = all_cases()
    fixed = [c for c in cases if c.kind != "key"]
    keyed = [c for c in cases if c.kind == "key"]
    rng = random.Random(seed)
    return fixed + sorted(rng.sample(keyed, max(0, min(len(keyed), n - len(fixed)))), key=lambda c: c.id)


def named(problem_path: str, case: Case) -> bool:
    """Whether a problem's place names the case's place (the key, a parent group, its line, or the file)."""
    if not problem_path or problem_path == "(error)":
        return False
    if case.place in ("", None):
        return True
    problem_path = re.sub(r"\.(\d+)(?=\.|\[|$)", r"[\1]", problem_path)
    place = re.sub(r"\.(\d+)(?=\.|\[|$)", r"[\1]", case.place)
    if place != case.place:
        case = Case(case.id, case.kind, place, case.must_refuse)
    if case.place == "line":
        return problem_path.startswith("line ")
    if case.place == "(file)":
        return problem_path in ("(file)",) or problem_path.startswith("line ")
    return (problem_path == case.place or problem_path.startswith(case.place + ".")
            or problem_path.startswith(case.place + "["))
