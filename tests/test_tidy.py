"""House-keeping the code keeps: one sentence key per wording, comments that say what the code does, one list of
repayment methods."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib" / "debtplan"


def test_no_two_sentence_keys_say_the_same_thing_in_both_languages():
    """A wording said under two keys drifts apart when one is corrected: the same zh and en text is one key."""
    from debtplan.text.sentences import SENTENCES

    by_text = defaultdict(list)
    for key, entry in SENTENCES.items():
        by_text[(entry.get("zh"), entry.get("en"))].append(key)
    assert [keys for keys in by_text.values() if len(keys) > 1] == []


def test_no_comment_names_an_issue_number():
    """Comments and docstrings describe behaviour; the tracker's numbers mean nothing to a reader of the code."""
    found = [f"{path.relative_to(LIB)}:{n}" for path in sorted(LIB.rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\bissues? ?#?\d{1,3}\b", line, re.IGNORECASE)]
    assert found == []


def test_the_debt_form_offers_every_schedule_method_by_name():
    """The debt form's method dropdown lists the methods calc/schedules.py computes (core/conventions.py), each
    with a sentence in both languages."""
    from debtplan.app.steps import debts
    from debtplan.core.conventions import METHOD_NAMES
    from debtplan.text.sentences import SENTENCES

    assert tuple(debts.METHODS) == METHOD_NAMES
    assert all(SENTENCES[debts.METHOD_KEYS[m]]["zh"] and SENTENCES[debts.METHOD_KEYS[m]]["en"] for m in METHOD_NAMES)
