"""Profile files: bounded safe reading, and saves that lose nothing (issue 12).

Reading: special files, huge files, alias bombs, duplicate keys, tags and control characters are each answered
quickly with a problem that names its place. Saving: only the changed line changes; the mode is kept; a
read-only file is never written; a writer killed at random points leaves the old or the new file whole; 20
concurrent `debtplan log` processes keep 20 entries.
"""
from __future__ import annotations

import difflib
import os
import random
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from decimal import Decimal as D
from pathlib import Path

import pytest

from debtplan.core.errors import ProfileError, SaveError
from debtplan.inputs import files
from debtplan.inputs.profile import load_profile, read_profile_dict, save_profile

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "xiao-li.yaml"




def en(problem):
    from debtplan.text.problems import problem_text

    return problem_text(problem, "en")


def zh(problem):
    from debtplan.text.problems import problem_text

    return problem_text(problem, "zh")

def copy_example(tmp_path: Path, name: str = "p.yaml") -> Path:
    f = tmp_path / name
    f.write_bytes(EXAMPLE.read_bytes())
    return f


def problems_of(path) -> tuple[list, float]:
    start = time.perf_counter()
    with pytest.raises(ProfileError) as info:
        read_profile_dict(path)
    return info.value.problems, time.perf_counter() - start


def temp_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if files.TEMP_MARK in p.name)


# ---- reading ------------------------------------------------------------------------------------

def test_fifo_without_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    problems, seconds = problems_of(fifo)
    assert problems[0].code == "problem_not_a_file" and "not an ordinary file" in en(problems[0])
    assert "不是普通文件" in zh(problems[0])
    assert seconds < 1


def test_device_is_refused():
    problems, _ = problems_of("/dev/zero")
    assert "not an ordinary file (it may be a device" in en(problems[0])


def test_symlink_loop_is_named(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    problems, _ = problems_of(a)
    assert "leads back to itself" in en(problems[0]) and "指向自己的链接" in zh(problems[0])


def test_a_symlink_to_a_profile_is_read_and_stays_a_link(tmp_path):
    real = copy_example(tmp_path, "real.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    data = read_profile_dict(link)
    data["income"][0]["amount"] = 6100
    save_profile(data, link)
    assert link.is_symlink() and load_profile(real).income[0].amount == 6100


def test_a_50_mb_file_is_refused_from_its_size(tmp_path):
    f = tmp_path / "p.yaml"
    with open(f, "wb") as fh:
        fh.write(EXAMPLE.read_bytes())
        fh.write(b"# padding\n" * (5 * 1024 * 1024))
    problems, seconds = problems_of(f)
    assert "a profile is at most 256 kB" in en(problems[0]) and "最多 256 KB" in zh(problems[0])
    assert seconds < 1


def test_a_file_just_under_the_limit_is_read(tmp_path):
    head, tail = EXAMPLE.read_text(encoding="utf-8").split("negotiations: []")
    records, size, i = [], len((head + tail).encode("utf-8")) + 20, 0
    while True:
        line = f"  - {{date: 2026-11-01, creditor: 借呗, channel: phone, outcome: 第{i}次}}\n"
        if size + len(line.encode("utf-8")) > files.MAX_BYTES:
            break
        records.append(line)
        size, i = size + len(line.encode("utf-8")), i + 1
    raw = (head + "negotiations:\n" + "".join(records) + tail).encode("utf-8")
    f = tmp_path / "p.yaml"
    f.write_bytes(raw)
    assert files.MAX_BYTES - 200 < len(raw) <= files.MAX_BYTES
    start = time.perf_counter()
    profile = load_profile(f)
    print(f"\n{len(raw)} bytes, {len(profile.negotiations)} contacts, read in {time.perf_counter() - start:.2f} s")


def test_alias_bomb_is_refused_at_once(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"{'abcdefghij'[i]}: &{'abcdefghij'[i]} [" + ",".join([f"*{'abcdefghij'[i - 1]}"] * 9) + "]")
    f = tmp_path / "p.yaml"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems, seconds = problems_of(f)
    assert seconds < 1
    assert problems[0].params["line"] == 1 and problems[0].code == "problem_yaml_anchor"
    assert any(p.code == "problem_yaml_alias" and p.params["line"] == 2 for p in problems)
    assert "Line 2 uses a reference" in "".join(en(p) for p in problems)


def test_duplicate_keys_name_the_key_and_line(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\nincome:\n  - name: pay\n    amount: 100\n    amount: 200\nname: y\n", encoding="utf-8")
    problems, _ = problems_of(f)
    assert [(p.params["line"], p.params["name"]) for p in problems] == [(5, "amount"), (6, "name")]
    assert "Line 5 gives 'amount' again" in en(problems[0]) and "第 5 行又写了一次“amount”" in zh(problems[0])


@pytest.mark.parametrize("text, tag", [
    ("name: x\nitems: !!set {a, b}\n", "!!set"),
    ("name: !!python/object/apply:os.system ['echo hi']\n", "!!python/object/apply:os.system"),
    ("name: x\nas_of: !!timestamp 2026-11-28\n", "!!timestamp"),
    ("name: x\ndata: !!binary aGVsbG8=\n", "!!binary"),
])
def test_yaml_tags_are_refused(tmp_path, text, tag):
    f = tmp_path / "p.yaml"
    f.write_text(text, encoding="utf-8")
    problems, _ = problems_of(f)
    assert problems[0].params["tag"] == tag and problems[0].params["line"] >= 1


def test_merge_keys_are_refused(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\nhousehold:\n  <<: {adults: 1}\n", encoding="utf-8")
    problems, _ = problems_of(f)
    assert problems[0].params["line"] == 3 and problems[0].code == "problem_yaml_merge"


@pytest.mark.parametrize("char, name", [("\x00", "NUL"), ("\x1b", "ESC"), ("\x07", "BEL"), ("\x7f", "DEL")])
def test_control_characters_are_named_with_their_line(tmp_path, char, name):
    f = tmp_path / "p.yaml"
    f.write_bytes(EXAMPLE.read_bytes().replace("小李".encode(), f"小{char}李".encode()))
    problems, _ = problems_of(f)
    line = next(n for n, ln in enumerate(EXAMPLE.read_text(encoding="utf-8").splitlines(), 1) if "小李" in ln)
    assert problems[0].params["line"] == line and name in en(problems[0]) and name in zh(problems[0])


def test_deep_nesting_is_refused(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: " + "[" * 50000 + "]" * 50000 + "\n", encoding="utf-8")
    problems, seconds = problems_of(f)
    assert problems[0].code in ("problem_too_deep", "problem_bad_yaml") and problems[0].params["line"] == 1 and seconds < 1


def test_huge_integers_reach_validation_as_text(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\nsavings: {balance: " + "9" * 5000 + "}\n", encoding="utf-8")
    assert read_profile_dict(f)["savings"]["balance"] == "9" * 5000


def test_dates_stay_text_and_encodings_are_read(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_bytes(b"\xef\xbb\xbf" + "name: 小李\nas_of: 2026-11-28\n".encode("utf-8"))
    assert read_profile_dict(f) == {"name": "小李", "as_of": "2026-11-28"}
    f.write_bytes("name: 小李\r\nas_of: 2026-11-28\r\n".encode("gb18030"))
    assert read_profile_dict(f) == {"name": "小李", "as_of": "2026-11-28"}


# ---- saving -------------------------------------------------------------------------------------

def changed_lines(before: str, after: str) -> list[str]:
    return [ln for ln in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]


def test_a_save_changes_only_the_changed_line(tmp_path):
    f = copy_example(tmp_path)
    before = f.read_text(encoding="utf-8")
    data = read_profile_dict(f)
    data["income"][0]["amount"] = D("6000.00")
    save_profile(data, f)
    after = f.read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-    amount: 5800", "+    amount: 6000.00"]
    assert after.startswith("# Synthetic example")  # comments kept
    assert load_profile(f).income[0].amount == D("6000.00")
    assert (tmp_path / "p.yaml.bak").read_text(encoding="utf-8") == before


def test_unchanged_values_stay_as_written(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(EXAMPLE.read_text(encoding="utf-8").replace("amount: 5800", "amount: \"5,800\"  # 税后")
                 .replace("principal: 20000", "principal: 20000.0"), encoding="utf-8")
    before = f.read_text(encoding="utf-8")
    data = read_profile_dict(f)
    data["income"][0]["amount"] = D("5800")  # the same number, in another form: nothing to write
    data["debts"][0]["principal"] = 20000
    data["savings"]["balance"] = 3500
    save_profile(data, f)
    assert changed_lines(before, f.read_text(encoding="utf-8")) == ["-  balance: 3000", "+  balance: 3500"]


def test_records_are_matched_by_id_added_and_removed(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(EXAMPLE.read_text(encoding="utf-8").replace("payments: []", (
        "payments:\n"
        "  - {id: p-1, date: 2026-12-10, creditor: 借呗, amount: 442.92}  # first\n"
        "  - {id: p-2, date: 2027-01-10, creditor: 借呗, amount: 442.92}  # second\n"
        "  - {id: p-3, date: 2027-02-10, creditor: 借呗, amount: 442.92}  # third")), encoding="utf-8")
    data = read_profile_dict(f)
    data["payments"] = [data["payments"][0], data["payments"][2],
                        {"id": "p-4", "date": "2027-03-10", "creditor": "借呗", "amount": D("400")}]
    data["payments"][1]["amount"] = D("500")
    save_profile(data, f)
    text = f.read_text(encoding="utf-8")
    assert "  - {id: p-1, date: 2026-12-10, creditor: 借呗, amount: 442.92}  # first\n" in text
    assert "p-2" not in text and "# second" not in text
    assert re.search(r"\n  - \{id: p-3, date: 2027-02-10, creditor: 借呗, amount: 500\} +# third\n", text)
    assert re.search(r"- \{id: p-3, [^\n]*\n  - \{id: p-4, date: 2027-03-10, creditor: 借呗, amount: 400\}\n", text)


@pytest.mark.parametrize("text", ["yes", "On", "12:30", "0x1F", "1_000", "1500", "null", "~", "2026-13-45", "3.0",
                                  ".inf", "it's", "#1", "- a", "a: b", "@me", "", " lead"])
def test_new_text_reads_back_as_the_same_text(tmp_path, text):
    f = copy_example(tmp_path)
    data = read_profile_dict(f)
    data["household"]["city"] = text
    data["payments"] = [{"date": "2026-12-10", "creditor": "借呗", "amount": D("442.92"), "note": text}]
    save_profile(data, f, validate=None)
    again = read_profile_dict(f)
    assert again["household"]["city"] == text and again["payments"][0]["note"] == text
    assert (f.read_text(encoding="utf-8").startswith("# Synthetic example"))  # merged, not written afresh


def test_the_file_mode_is_kept(tmp_path):
    f = copy_example(tmp_path)
    os.chmod(f, 0o640)
    data = read_profile_dict(f)
    data["savings"]["balance"] = 10
    save_profile(data, f)
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o640


def test_a_read_only_file_is_never_overwritten(tmp_path):
    f = copy_example(tmp_path)
    before = f.read_bytes()
    os.chmod(f, 0o444)
    data = read_profile_dict(f)
    data["savings"]["balance"] = 10
    with pytest.raises(SaveError, match="read-only"):
        save_profile(data, f)
    assert f.read_bytes() == before and not (tmp_path / "p.yaml.bak").exists() and not temp_leftovers(tmp_path)


def test_a_read_only_folder_is_never_written(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    f = copy_example(folder)
    before = f.read_bytes()
    os.chmod(folder, 0o555)
    try:
        data = read_profile_dict(f)
        data["savings"]["balance"] = 10
        with pytest.raises(SaveError, match="read-only"):
            save_profile(data, f)
        assert f.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["p.yaml"]
    finally:
        os.chmod(folder, 0o755)


def test_a_held_lock_gives_a_clear_message(tmp_path, monkeypatch):
    f = copy_example(tmp_path)
    monkeypatch.setattr(files, "LOCK_TIMEOUT", 0.2)
    monkeypatch.setattr(files, "_locks", {})
    held, release = threading.Event(), threading.Event()

    def holder():
        with files.profile_lock(f):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    try:
        # another process's lock is what a second FileLock object on the same file looks like
        from filelock import FileLock
        other = FileLock(str(tmp_path / ".p.yaml-lock"), timeout=0.2)
        monkeypatch.setattr(files, "_lock_for", lambda target: other)
        with pytest.raises(SaveError, match="being saved by another program"):
            save_profile(read_profile_dict(f), f)
    finally:
        release.set()
        thread.join()


WRITER = r"""
import sys
from decimal import Decimal
from debtplan.inputs.profile import read_profile_dict, save_profile
path, value = sys.argv[1], sys.argv[2]
data = read_profile_dict(path)
data["income"][0]["amount"] = Decimal(value)
from debtplan.inputs import files
files._yaml()  # imported before "ready": the kill lands in the save itself
import filelock
print("ready", flush=True)
sys.stdin.readline()
save_profile(data, path)
print("done", flush=True)
"""


@pytest.mark.slow
def test_a_writer_killed_at_random_points_leaves_a_whole_file(tmp_path):
    rng = random.Random(12)
    f = copy_example(tmp_path)
    versions = {f.read_text(encoding="utf-8")}
    outcomes = {"old": 0, "new": 0, "leftovers": 0}
    for round_ in range(50):
        before = f.read_text(encoding="utf-8")
        value = str(6000 + round_)
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(f), value], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        delay = rng.uniform(0, 0.06)
        proc.stdin.write("go\n")
        proc.stdin.flush()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = f.read_text(encoding="utf-8")
        if after == before:
            outcomes["old"] += 1
        else:
            assert changed_lines(before, after)[-1] == f"+    amount: {value}"
            assert len(changed_lines(before, after)) == 2
            outcomes["new"] += 1
        load_profile(f)  # whole and valid
        versions.add(after)
        outcomes["leftovers"] += bool(temp_leftovers(tmp_path))
        bak = tmp_path / "p.yaml.bak"
        assert not bak.exists() or bak.read_text(encoding="utf-8") in versions
        proc.stdin.close()
        proc.stdout.close()
    print(f"\nkilled 50 writers: {outcomes['old']} left the old file, {outcomes['new']} the new one; "
          f"a temporary file was left (until the next save) in {outcomes['leftovers']} rounds")
    data = read_profile_dict(f)
    data["savings"]["balance"] = 1
    save_profile(data, f)
    assert temp_leftovers(tmp_path) == []  # the next save cleans up what a killed writer left
    assert outcomes["old"] + outcomes["new"] == 50


@pytest.mark.slow
def test_twenty_concurrent_log_calls_keep_twenty_entries(tmp_path):
    f = copy_example(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    procs = [subprocess.Popen([sys.executable, "-m", "debtplan.run.cli", "log", "--profile", str(f), "--creditor",
                               "借呗", "--channel", "phone", "--outcome", f"call {i}"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(20)]
    results = [(p.wait(), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in results] == [0] * 20, results
    outcomes = sorted(entry["outcome"] for entry in read_profile_dict(f)["negotiations"])
    assert outcomes == sorted(f"call {i}" for i in range(20))
    assert f.read_text(encoding="utf-8").startswith("# Synthetic example")


def test_data_that_would_not_read_back_is_not_written(tmp_path):
    f = tmp_path / "new.yaml"
    with pytest.raises(SaveError, match="would not read back"):
        save_profile({"name": "x", "odd": {1, 2}}, f, validate=None)
    assert not f.exists() and not temp_leftovers(tmp_path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_a_save_keeps_the_encoding_and_line_ends(tmp_path, encoding):
    f = tmp_path / "p.yaml"
    before = EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    f.write_bytes(before.encode(encoding))
    data = read_profile_dict(f)
    data["savings"]["balance"] = 3500
    save_profile(data, f)
    after = f.read_bytes().decode(encoding)
    assert changed_lines(before, after) == ["-  balance: 3000", "+  balance: 3500"]
    assert after.count("\r\n") == before.count("\r\n")


def test_a_save_never_writes_anchors_the_reader_refuses(tmp_path):
    from debtplan.inputs.files import dump_yaml

    line = {"name": "工资", "amount": 5800}
    text = dump_yaml({"name": "x", "income": [line, line]})  # one object twice, as a copied record may be
    assert "&" not in text and "*" not in text
    f = tmp_path / "p.yaml"
    f.write_text(text, encoding="utf-8")
    assert read_profile_dict(f)["income"] == [line, line]


# ---- values read as written: YAML 1.2, digits kept as text, one rule for a point and three digits ----

AS_WRITTEN = """\
version: 2
name: 0123
lang: zh
as_of: 2026-11-28
borrower:
  name: 小李
  phone: 02154321765
  id_last4: 0123
income:
  - name: 工资
    amount: 05800
savings:
  balance: 04000
debts:
  - creditor: 借呗
    product: jiebei
    principal: 020000
    daily_rate: 0.0004
    term_months: 012
    method: annuity
    start_date: 2026-03-15
    overdue_since: 2026-08-15
    overdue_amount: 020000
negotiations:
  - id: c-1
    date: 2026-11-20
    creditor: 借呗
    channel: phone
    outcome: No
    next_step: 9:30
"""


def test_values_are_read_as_written_not_as_yaml_1_1(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(AS_WRITTEN, encoding="utf-8")
    raw = read_profile_dict(f)
    assert raw["borrower"]["phone"] == "02154321765" and raw["borrower"]["id_last4"] == "0123"
    assert raw["negotiations"][0]["outcome"] == "No" and raw["negotiations"][0]["next_step"] == "9:30"
    assert raw["name"] == "0123"
    profile = load_profile(f)
    debt = profile.debts[0]
    assert (debt.principal, debt.overdue_amount, debt.term_months) == (D(20000), D(20000), 12)
    assert profile.savings.balance == D(4000) and profile.income[0].amount == D(5800)
    assert profile.negotiations[0].outcome == "No" and profile.negotiations[0].next_step == "9:30"


@pytest.mark.parametrize("plain, expected", [
    ("true", True), ("false", False), ("null", None), ("~", None), ("5800", 5800), ("-3", -3), ("0.0004", 0.0004),
    ("1e5", 100000.0), ("yes", "yes"), ("off", "off"), ("Y", "Y"), ("0o17", "0o17"), ("0x1F", "0x1F"),
    ("012", "012"), ("+8613812345678", "+8613812345678"), ("1:30:00", "1:30:00"), ("20.000", "20.000"),
    ("1_000", "1_000"), ("2026-11-28", "2026-11-28"),
])
def test_plain_scalars_follow_yaml_1_2(plain, expected):
    value = files.parse_yaml(f"v: {plain}\n")["v"]
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("written, small, large", [("20.000", "20", "20000"), ("9.500", "9.5", "9500")])
def test_a_point_and_three_digits_in_a_file_is_refused_naming_both_readings(tmp_path, written, small, large):
    f = tmp_path / "p.yaml"
    f.write_text(AS_WRITTEN.replace("principal: 020000", f"principal: {written}"), encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(f)
    found = [p for p in info.value.problems if p.path == "debts[0].principal"]
    assert [p.code for p in found] == ["problem_amount_dot_three"]
    assert f"Write {small} or {large}" in en(found[0]) and f"{small} 或 {large}" in zh(found[0])


def test_a_save_writes_unchanged_values_back_as_written(tmp_path):
    f = tmp_path / "p.yaml"
    f.write_text(AS_WRITTEN, encoding="utf-8")
    data = read_profile_dict(f)
    data["income"][0]["amount"] = 6000
    save_profile(data, f)
    text = f.read_text(encoding="utf-8")
    for line in ("phone: 02154321765", "id_last4: 0123", "principal: 020000", "term_months: 012", "outcome: No",
                 "next_step: 9:30", "balance: 04000", "name: 0123"):
        assert line in text, line
    assert load_profile(f).borrower["phone"] == "02154321765"


FLOW_COMMENTS = """\
  - name: 外卖
    amount: 1000
    irregular: true
    recent: [800,   # 九月
             1200,  # 十月
             1000]  # 十一月
"""


def test_a_save_keeps_comments_inside_a_flow_list(tmp_path):
    f = copy_example(tmp_path)
    text = f.read_text(encoding="utf-8").replace("    amount: 5800\n", "    amount: 5800\n" + FLOW_COMMENTS, 1)
    f.write_text(text, encoding="utf-8")
    data = read_profile_dict(f)
    data["income"][0]["amount"] = 6000
    data["savings"]["balance"] = 3100
    save_profile(data, f)
    after = f.read_text(encoding="utf-8")
    assert FLOW_COMMENTS in after
    changed = [ln for ln in difflib.ndiff(text.splitlines(), after.splitlines()) if ln[:1] in "+-"]
    assert changed == ["-     amount: 5800", "+     amount: 6000", "-   balance: 3000", "+   balance: 3100"]
    # a change inside the flow list itself is still saved exactly (its comments may then go)
    data = read_profile_dict(f)
    data["income"][1]["recent"][1] = 1300
    save_profile(data, f)
    assert read_profile_dict(f)["income"][1]["recent"] == [800, 1300, 1000]


# ---- a save refused on the command line is said in the profile's language ----

def _log(path):
    from debtplan.run.cli import main

    creditor = read_profile_dict(path)["debts"][0]["creditor"]
    return main(["log", "--profile", str(path), "--creditor", creditor, "--channel", "phone", "--outcome", "ok",
                 "--date", "2026-11-28"])


@pytest.mark.parametrize("example, said, not_said", [("xiao-li", "只读", "read-only"), ("sam", "read-only", "只读")])
def test_a_read_only_profile_is_refused_in_its_own_language(tmp_path, capsys, example, said, not_said):
    f = tmp_path / "p.yaml"
    f.write_bytes((ROOT / "data" / "examples" / f"{example}.yaml").read_bytes())
    before = f.read_bytes()
    f.chmod(0o444)
    try:
        assert _log(f) == 2
    finally:
        f.chmod(0o644)
    err = capsys.readouterr().err
    assert said in err and not_said not in err, err
    assert f.read_bytes() == before


def test_a_lock_timeout_is_refused_in_the_profiles_language(tmp_path, capsys, monkeypatch):
    from filelock import FileLock

    f = copy_example(tmp_path)
    before = f.read_bytes()
    monkeypatch.setattr(files, "LOCK_TIMEOUT", 0.3)
    monkeypatch.setattr(files, "_locks", {})
    other = FileLock(str(tmp_path / f".{f.name}-lock"))  # another program's hold on the file
    with other:
        assert _log(f) == 2
    err = capsys.readouterr().err
    assert "正在被另一个程序保存" in err and "being saved" not in err, err
    assert f.read_bytes() == before
