"""Saving from the app (app/session.py): the read, the merge and the write hold one lock."""
import datetime as dt
import threading

import debtplan.app.session as session_module
from debtplan.app.session import open_profile
from debtplan.inputs.profile import read_profile_dict
from debtplan.inputs.records import append_contact

from conftest import ROOT


def copy_of(tmp_path, name="xiao-li"):
    path = tmp_path / f"{name}.yaml"
    path.write_bytes((ROOT / f"data/examples/{name}.yaml").read_bytes())
    return path


def test_a_cli_log_entry_landing_between_the_apps_read_and_write_is_kept(tmp_path, monkeypatch):
    path = copy_of(tmp_path)
    session = open_profile(str(path))
    session.set(("income", 0, "amount"), 6100)
    real_merge = session_module.merge_profiles
    writer: dict = {}

    def merge_while_the_cli_logs(base, mine, theirs):
        # `debtplan log` runs right after the app has read the file: it gets a second to write its entry.
        thread = threading.Thread(target=lambda: append_contact(
            path, creditor="借呗", channel="phone", outcome="命令行在保存途中记的", date=dt.date(2026, 11, 28)))
        thread.start()
        thread.join(timeout=1.0)
        writer["thread"] = thread
        return real_merge(base, mine, theirs)

    monkeypatch.setattr(session_module, "merge_profiles", merge_while_the_cli_logs)
    result = session.save()
    writer["thread"].join(timeout=30)
    assert result.status == "saved"
    saved = read_profile_dict(path)
    assert "命令行在保存途中记的" in [c.get("outcome") for c in saved.get("negotiations") or []]
    assert saved["income"][0]["amount"] == 6100
