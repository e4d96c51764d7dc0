"""Read the call log and messages a person exports from her phone, locally; the file is never copied.

Two forms are read:

- the XML of "SMS Backup & Restore" (the common Android backup app): ``<calls><call number= date= (ms since
  1970, UTC) duration= (s) type= contact_name= /></calls>`` and ``<smses><sms address= date= type= body=
  contact_name= /></smses>``; call types 1 incoming, 2 outgoing, 3 missed, 4 voicemail, 5 rejected, 6 blocked;
  message types 1 received, 2 sent;
- a CSV with a header row naming the columns ``number``, ``time`` (``2026-11-03 22:15`` or ``2026-11-03
  22:15:08``, the phone's local time), ``duration`` (seconds) and ``type`` (``incoming``, ``outgoing``,
  ``missed``, ``rejected``, ``blocked``, ``voicemail``, or the Chinese 呼入/来电, 呼出/去电, 未接, 拒接, 拦截),
  optionally ``name``; the Chinese headers 号码, 时间, 时长, 类型, 姓名 are read too.

Chinese phones' built-in backups (Huawei, Xiaomi, OPPO, vivo) are encrypted and cannot be read by anyone but the
phone: :class:`~debtplan.core.calls.CallFileError` ``calls_encrypted`` says so and how to make a CSV instead.
"""
from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import re
from pathlib import Path
from xml.etree import ElementTree

from ..core.calls import CallFileError, CallImport, CallNumber, PhoneCall, PhoneExport, TextMessage, parse_day_counts
from ..core.model import CONTACTED
from ..core.schema import keys_of

__all__ = ["MAX_BYTES", "read_phone_export", "parse_phone_export", "read_call_imports", "CALL_IMPORT_KEYS"]

#: A year of a busy phone's calls and messages is a few megabytes; anything far larger is not such a file.
MAX_BYTES = 64 * 1024 * 1024
#: The phone's clock: mainland China keeps UTC+8 all year.
CHINA = _dt.timezone(_dt.timedelta(hours=8))
_CALL_TYPES = {"1": "incoming", "2": "outgoing", "3": "missed", "4": "voicemail", "5": "rejected", "6": "blocked",
               "7": "incoming"}  # 7: answered on another device
_WORDS = {"incoming": "incoming", "in": "incoming", "呼入": "incoming", "来电": "incoming", "已接": "incoming",
          "outgoing": "outgoing", "out": "outgoing", "呼出": "outgoing", "去电": "outgoing", "已拨": "outgoing",
          "missed": "missed", "未接": "missed", "未接来电": "missed", "voicemail": "voicemail", "语音信箱": "voicemail",
          "rejected": "rejected", "declined": "rejected", "拒接": "rejected", "blocked": "blocked", "拦截": "blocked",
          "已拦截": "blocked"}
_HEADERS = {"number": "number", "phone": "number", "号码": "number", "电话": "number", "time": "time", "date": "time",
            "时间": "time", "日期": "time", "duration": "duration", "seconds": "duration", "时长": "duration",
            "通话时长": "duration", "type": "type", "kind": "type", "类型": "type", "name": "name", "contact": "name",
            "姓名": "name", "联系人": "name"}


def read_phone_export(path: str | Path) -> PhoneExport:
    """Read ``path`` (an SMS Backup & Restore XML file or a CSV as described above)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CallFileError("calls_too_large", file=path.name, megabytes=MAX_BYTES // (1024 * 1024))
        data = path.read_bytes()
    except FileNotFoundError:
        raise CallFileError("calls_no_file", file=str(path)) from None
    except IsADirectoryError:
        raise CallFileError("calls_not_a_file", file=str(path)) from None
    except PermissionError:
        raise CallFileError("calls_unreadable", file=str(path)) from None
    return parse_phone_export(data, path.name)


def parse_phone_export(data: bytes, file_name: str) -> PhoneExport:
    digest = hashlib.sha256(data).hexdigest()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        calls, messages = _read_xml(data, file_name)
        fmt = "sms-backup-restore"
    else:
        text = _decode(data, file_name)
        if not text.strip():
            raise CallFileError("calls_empty", file=file_name)
        calls, messages = _read_csv(text, file_name), ()
        fmt = "csv"
    if not calls and not messages:
        raise CallFileError("calls_empty", file=file_name)
    return PhoneExport(file_name, digest, fmt, tuple(sorted(calls, key=lambda c: c.at)),
                       tuple(sorted(messages, key=lambda m: m.at)))


def _decode(data: bytes, file_name: str) -> str:
    if b"\x00" in data[:4096]:  # binary: an encrypted or proprietary backup
        raise CallFileError("calls_encrypted", file=file_name)
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GB 18030 (GBK)
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CallFileError("calls_encrypted", file=file_name)


def _read_xml(data: bytes, file_name: str) -> tuple[list[PhoneCall], list[TextMessage]]:
    if re.search(rb"<!(DOCTYPE|ENTITY)", data[:65536]):  # SMS Backup & Restore writes neither; entities can explode
        raise CallFileError("calls_bad_xml", file=file_name, detail="DOCTYPE")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        raise CallFileError("calls_bad_xml", file=file_name, detail=str(err)) from None
    if root.tag not in ("calls", "smses"):
        raise CallFileError("calls_bad_xml", file=file_name, detail=f"<{root.tag}>")
    calls, messages = [], []
    for i, el in enumerate(root.iter("call"), start=1):
        kind = _CALL_TYPES.get(el.get("type", ""))
        if kind is None:
            continue  # a type the app may add later: not a call we can classify
        calls.append(PhoneCall(el.get("number", "").strip(), _ms_time(el.get("date"), file_name, i),
                               _int(el.get("duration", "0"), file_name, i), kind, _name(el.get("contact_name"))))
    for i, el in enumerate(root.iter("sms"), start=1):
        kind = {"1": "received", "2": "sent"}.get(el.get("type", ""))
        if kind is None:
            continue  # drafts, outbox, failed
        messages.append(TextMessage(el.get("address", "").strip(), _ms_time(el.get("date"), file_name, i),
                                    el.get("body", ""), kind, _name(el.get("contact_name"))))
    return calls, messages


def _name(value: str | None) -> str:
    return "" if not value or value == "(Unknown)" else value.strip()


def _ms_time(value: str | None, file_name: str, row: int) -> _dt.datetime:
    try:
        stamp = _dt.datetime.fromtimestamp(int(value or "") / 1000, tz=CHINA)
    except (ValueError, OverflowError, OSError):
        raise CallFileError("calls_bad_row", file=file_name, row=row, column="date", value=value) from None
    return stamp.replace(tzinfo=None)


def _int(value: str, file_name: str, row: int) -> int:
    try:
        number = int(str(value).strip() or "0")
    except ValueError:
        raise CallFileError("calls_bad_row", file=file_name, row=row, column="duration", value=value) from None
    if not 0 <= number <= 86_400:
        raise CallFileError("calls_bad_row", file=file_name, row=row, column="duration", value=value)
    return number


def _read_csv(text: str, file_name: str) -> list[PhoneCall]:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t，")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    header = next(rows, [])
    columns = {_HEADERS.get(h.strip().lower()): i for i, h in enumerate(header) if _HEADERS.get(h.strip().lower())}
    missing = [c for c in ("number", "time", "type") if c not in columns]
    if missing:
        raise CallFileError("calls_csv_columns", file=file_name, missing=", ".join(missing))
    calls = []
    for row_no, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = lambda name: row[columns[name]].strip() if name in columns and columns[name] < len(row) else ""  # noqa: E731
        kind = _WORDS.get(cell("type").lower())
        if kind is None:
            raise CallFileError("calls_bad_row", file=file_name, row=row_no, column="type", value=cell("type"))
        calls.append(PhoneCall(cell("number"), _local_time(cell("time"), file_name, row_no),
                               _int(cell("duration"), file_name, row_no), kind, cell("name")))
    return calls


def _local_time(value: str, file_name: str, row: int) -> _dt.datetime:
    text = value.replace("/", "-").replace("T", " ").strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return _dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    if text.isdigit() and len(text) == 13:  # milliseconds since 1970, as Android stores them
        return _ms_time(text, file_name, row)
    raise CallFileError("calls_bad_row", file=file_name, row=row, column="time", value=value)


# ---- What the profile keeps of an import (``call_imports:``); saving it: :mod:`debtplan.inputs.callimport`

CALL_IMPORT_KEYS = keys_of("call_imports")
CALL_NUMBER_KEYS = keys_of("call_numbers")
_SHA = re.compile(r"^[0-9a-f]{64}$")


def read_call_imports(data: dict, r: object, creditors: set[str]) -> tuple[CallImport, ...]:
    """The ``call_imports:`` records of ``data``; every problem goes to ``r`` (a
    :class:`~debtplan.inputs.reader.Reader`) with its path and code."""
    from .reader import records

    out = []
    for where, d, rid in records(r, data, "call_imports", CALL_IMPORT_KEYS):
        sha = r.text(d, "sha256", where, required=True)
        if sha and not _SHA.match(sha):
            r.problem(f"{where}.sha256", "problem_call_hash", sha)
        numbers = []
        for i, item in enumerate(r.listing(d.get("numbers"), f"{where}.numbers")):
            at = f"{where}.numbers[{i}]"
            n = r.mapping(item, at)
            r.keys(n, at, CALL_NUMBER_KEYS)
            try:
                days = parse_day_counts(r.text(n, "days", at, limit=1_000_000))
            except ValueError as exc:
                r.problem(f"{at}.days", "problem_call_days", str(exc))
                days = ()
            numbers.append(CallNumber(r.text(n, "phone", at, required=True), r.text(n, "region", at), days))
        start, end = r.date(d, "first_day", where), r.date(d, "last_day", where)
        if start and end and end < start:
            r.problem(f"{where}.last_day", "problem_call_period", str(end), start=start)
        out.append(CallImport(
            id=rid, file=r.text(d, "file", where, required=True), sha256=sha, creditor=r.creditor(d, where, creditors),
            start=start, end=end, numbers=tuple(numbers), label=r.text(d, "label", where),
            contacted=r.choice(d, "contacted", where, "contacted", CONTACTED, "borrower"),
            imported=r.date(d, "imported", where)))
    return tuple(out)

