"""The three-way merge behind every save from the app: nothing written elsewhere is lost, clashes are named."""
import copy

import pytest

from debtplan.inputs.merge import merge_profiles
from debtplan.inputs.profile import read_profile_dict, with_record_ids

from conftest import ROOT


def base():
    data = with_record_ids(read_profile_dict(ROOT / "data/examples/xiao-li.yaml"))
    data["negotiations"] = [{"id": "c-1", "date": "2026-11-20", "creditor": "借呗", "channel": "phone",
                             "outcome": "对方考虑"}]
    data["payments"] = [{"id": "p-1", "date": "2026-12-10", "creditor": "借呗", "amount": 442}]
    return data


def test_one_side_changes_win_and_additions_on_both_sides_survive():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["income"][0]["amount"] = 6000
    mine["negotiations"].append({"id": "c-app", "date": "2026-11-29", "creditor": "借呗", "channel": "app",
                                 "outcome": "在 App 里记的"})
    theirs["negotiations"].append({"id": "c-cli", "date": "2026-11-28", "creditor": "借呗", "channel": "phone",
                                   "outcome": "命令行记的"})
    theirs["fixed_costs"][0]["amount"] = 1400
    result = merge_profiles(b, mine, theirs)
    assert result.clean
    assert [c["id"] for c in result.data["negotiations"]] == ["c-1", "c-cli", "c-app"]
    assert result.data["income"][0]["amount"] == 6000 and result.data["fixed_costs"][0]["amount"] == 1400
    assert b == base()  # inputs untouched


def test_same_field_changed_both_ways_is_a_conflict_named_by_path():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["debts"][0]["principal"] = 19000
    theirs["debts"][0]["principal"] = 18000
    mine["payments"][0]["amount"] = 400
    theirs["payments"][0]["amount"] = 450
    result = merge_profiles(b, mine, theirs)
    # a payment made is evidence: changed on both sides it is one conflict on the record, said in words
    assert sorted((c.path, c.kind) for c in result.conflicts) == [("debts[0].principal", "value"),
                                                                  ("payments[0]", "evidence_changed")]
    conflict = next(c for c in result.conflicts if c.path == "debts[0].principal")
    assert (conflict.base, conflict.mine, conflict.theirs) == (20000, 19000, 18000)


def test_same_change_on_both_sides_is_not_a_conflict():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["savings"]["balance"] = theirs["savings"]["balance"] = 2500
    assert merge_profiles(b, mine, theirs).clean


def test_removed_here_and_kept_there_is_removed_but_removed_and_changed_is_a_conflict():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    del mine["payments"][0]
    result = merge_profiles(b, mine, theirs)
    assert result.clean and result.data["payments"] == []
    theirs["payments"][0]["note"] = "银行卡转账"
    assert [c.path for c in merge_profiles(b, mine, theirs).conflicts] == ["payments[0]"]


def test_debts_are_matched_by_name_and_lines_by_position():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["debts"].append({"creditor": "花呗", "product": "huabei", "principal": 4500})
    theirs["debts"][0]["unpaid_interest"] = 120
    theirs["flexible_costs"][1]["amount"] = 100
    mine["flexible_costs"][0]["amount"] = 1300
    result = merge_profiles(b, mine, theirs)
    assert result.clean
    assert [d["creditor"] for d in result.data["debts"]] == ["借呗", "花呗"]
    assert result.data["debts"][0]["unpaid_interest"] == 120
    assert [c["amount"] for c in result.data["flexible_costs"][:2]] == [1300, 100]
    # lines added on both sides at once: both kept, the file's first
    mine["fixed_costs"].append({"category": "other", "amount": 10})
    theirs["fixed_costs"].append({"category": "health", "amount": 20})
    result = merge_profiles(b, mine, theirs)
    assert result.clean and [c["amount"] for c in result.data["fixed_costs"][-2:]] == [20, 10]


# ---- by record identity, never by list position ----

def debt(creditor, principal):
    return {"creditor": creditor, "product": "other", "principal": principal}


def test_keeping_the_files_value_changes_exactly_that_record():
    b = base()
    b["debts"] = [debt("借呗", 20000), debt("信用卡", 8000), debt("微粒贷", 3000)]
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["debts"][2]["principal"] = 3100
    theirs["debts"].insert(0, debt("花呗", 4500))  # the file gained a debt before them
    theirs["debts"][3]["principal"] = 3200
    result = merge_profiles(b, mine, theirs)
    assert [(c.path, c.mine, c.theirs) for c in result.conflicts] == [("debts[3].principal", 3100, 3200)]
    assert result.data["debts"][3]["creditor"] == "微粒贷"  # the path names the record in the merged data
    kept = merge_profiles(b, mine, theirs, keep="theirs").data["debts"]
    assert [(d["creditor"], d["principal"]) for d in kept] == [("花呗", 4500), ("借呗", 20000), ("信用卡", 8000),
                                                                ("微粒贷", 3200)]


def test_keeping_the_files_removal_removes_exactly_that_record():
    b = base()
    b["debts"] = [debt("借呗", 20000), debt("花呗", 4500), debt("微粒贷", 3000)]
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["debts"].insert(0, debt("信用卡", 8000))
    mine["debts"][3]["principal"] = 3100  # 微粒贷 changed here ...
    del theirs["debts"][2]  # ... and paid off and removed in the file
    result = merge_profiles(b, mine, theirs, keep="theirs")
    assert [c.path for c in result.conflicts] == ["debts[2]"]  # where it stands while both are kept
    assert [d["creditor"] for d in result.data["debts"]] == ["借呗", "花呗", "信用卡"]
    assert [d["creditor"] for d in merge_profiles(b, mine, theirs).data["debts"]] == ["借呗", "花呗", "微粒贷", "信用卡"]


def test_keeping_the_files_value_in_the_app_changes_exactly_that_record(tmp_path):
    from debtplan.app.session import Session
    from debtplan.inputs.files import read_mapping, save_mapping

    data = read_profile_dict(ROOT / "data/examples/xiao-li.yaml")
    data["debts"] += [dict(data["debts"][0], creditor="信用卡", principal=8000, overdue_amount=0),
                      dict(data["debts"][0], creditor="微粒贷", principal=3000, overdue_amount=0)]
    path = tmp_path / "p.yaml"
    save_mapping(data, path)
    session = Session(path)
    session.set(("debts", 2, "principal"), 3100)
    on_disk = read_mapping(path)
    on_disk["debts"].insert(0, dict(data["debts"][0], creditor="花呗", principal=4500, overdue_amount=0))
    on_disk["debts"][3]["principal"] = 3200
    save_mapping(on_disk, path)
    assert session.save().status == "conflict"
    session.resolve("theirs")
    assert [(d["creditor"], d["principal"]) for d in session.data["debts"]] == [
        ("花呗", 4500), ("借呗", 20000), ("信用卡", 8000), ("微粒贷", 3200)]


def test_an_income_edit_lands_on_its_own_line_when_the_files_lines_changed():
    b = base()
    b["income"] = [{"name": "工资", "amount": 5800}, {"name": "外卖", "amount": 800}]
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["income"][1]["amount"] = 900
    theirs["income"].insert(0, {"name": "房租收入", "amount": 500})
    result = merge_profiles(b, mine, theirs)
    assert result.clean
    assert result.data["income"] == [{"name": "房租收入", "amount": 500}, {"name": "工资", "amount": 5800},
                                      {"name": "外卖", "amount": 900}]
    # lines without names to tell them apart: matched by what they hold
    for side in (b, mine, theirs):
        for line in side["income"]:
            line["name"] = "收入"
    result = merge_profiles(b, mine, theirs)
    assert result.clean and [x["amount"] for x in result.data["income"]] == [500, 5800, 900]


def test_two_records_added_with_the_same_id_are_both_kept():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    mine["negotiations"].append({"id": "c-2", "date": "2026-11-29", "creditor": "借呗", "channel": "app",
                                 "outcome": "在 App 里记的"})
    theirs["negotiations"].append({"id": "c-2", "date": "2026-11-28", "creditor": "借呗", "channel": "phone",
                                   "outcome": "命令行记的"})
    result = merge_profiles(b, mine, theirs)
    assert result.clean
    got = result.data["negotiations"]
    assert [c["outcome"] for c in got] == ["对方考虑", "命令行记的", "在 App 里记的"]
    assert len({c["id"] for c in got}) == 3


def test_the_same_call_logged_from_the_cli_and_the_app_is_two_entries():
    b = base()
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    call = {"id": "c-2", "date": "2026-11-28", "creditor": "借呗", "channel": "phone", "outcome": "答应考虑"}
    mine["negotiations"].append(dict(call))
    theirs["negotiations"].append(dict(call))
    result = merge_profiles(b, mine, theirs)
    assert result.clean and [c["outcome"] for c in result.data["negotiations"]] == ["对方考虑", "答应考虑", "答应考虑"]
    assert len({c["id"] for c in result.data["negotiations"]}) == 3


@pytest.mark.parametrize("kind", ["negotiations", "collections", "letters", "payments"])
def test_evidence_is_never_changed_or_removed_by_a_merge_from_either_side(kind):
    from debtplan.text.problems import conflict_text

    b = base()
    b[kind] = [{"id": "x-1", "date": "2026-11-20", "creditor": "借呗", "note": "原样"},
               {"id": "x-2", "date": "2026-11-21", "creditor": "借呗", "note": "原样"}]
    mine, theirs = copy.deepcopy(b), copy.deepcopy(b)
    theirs["savings"]["balance"] = 2900  # the file changed meanwhile
    del theirs[kind][0]  # removed in the file
    mine[kind][1]["note"] = "改过"  # changed here
    result = merge_profiles(b, mine, theirs)
    assert sorted((c.path, c.kind, c.side) for c in result.conflicts) == [
        (f"{kind}[0]", "evidence_removed", "theirs"), (f"{kind}[1]", "evidence_changed", "mine")]
    assert [r["id"] for r in result.data[kind]] == ["x-1", "x-2"]  # nothing removed
    words = {c.kind: (conflict_text(c, "zh"), conflict_text(c, "en")) for c in result.conflicts}
    assert "在文件里" in words["evidence_removed"][0] and "2026-11-20 借呗" in words["evidence_removed"][0]
    assert "never removes" in words["evidence_removed"][1] and "changed here" in words["evidence_changed"][1]
    # the file unchanged since it was read: the person's own edit or removal here is simply saved
    mine2 = copy.deepcopy(b)
    del mine2[kind][0]
    assert merge_profiles(b, mine2, copy.deepcopy(b)).clean
