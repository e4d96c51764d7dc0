"""Profile files on disk: bounded, safe reading and saves that lose nothing.

Reading (:func:`read_mapping`) does a bounded amount of work before any parsing: only a regular file of at
most :data:`MAX_BYTES` is read (a FIFO, a device or a symlink loop is refused from ``os.stat`` alone, and the
file is opened with ``O_NONBLOCK`` so nothing can hang), control characters are named with their line, and the
YAML is read as YAML 1.2 (:func:`_yaml12_resolvers`: no octal, base-60 or yes/no values; digits with a leading
zero and a point followed by three digits stay text) with PyYAML's C safe loader after one linear pass over
its events that refuses anchors and aliases (a "billion laughs" file is answered at once), tags other than the
plain ones (``!!set``, ``!!python/...``), and nesting deeper than :data:`MAX_DEPTH`. Duplicate keys are
problems naming the key and its line. Dates stay text (validation reads them). Every problem is a
:class:`Problem` raised as one :class:`ProfileError`.

Saving (:func:`save_mapping`) holds a file lock against other writers, re-reads the file on disk and applies
only the differences between the new mapping and the disk's onto a round-trip (``ruamel.yaml``) document, so
the person's comments, key order, flow style and number style survive and values nobody changed stay exactly
as written; the changes are then applied to the person's own lines, so what a round trip alone would rewrite
(comments inside a flow list) stays too. A refusal carries the profile's language (``lang``). The new text is
written to a temporary file in the same folder, flushed, renamed over the old file and the folder flushed; the
previous version is kept as ``<name>.bak``; the file's permission bits are kept; a read-only file or folder is
never written. A writer killed at any point leaves the old or the new file whole; a temporary file it may
leave behind is removed by the next save. :func:`update_mapping` is the read-modify-write used by ``debtplan
log``: it holds the lock from the read to the rename.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import io
import os
import re
import stat
import threading
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from ..core.errors import MoneyError, Problem, ProfileError, SaveError
from ..core.money import money
from .yamlsafe import SAFE_LOADER

__all__ = ["MAX_BYTES", "MAX_DEPTH", "LOCK_TIMEOUT", "read_text", "parse_yaml", "read_mapping", "dump_yaml",
           "save_mapping", "update_mapping", "profile_lock", "TEMP_MARK"]

#: The largest profile read (a household's profile is a few kB; a file this size is answered in well under 2 s).
MAX_BYTES = 256 * 1024
#: The deepest nesting of lists and groups accepted (a profile needs 4).
MAX_DEPTH = 24
#: How long a save waits for another writer of the same file before giving up with a message.
LOCK_TIMEOUT = 20.0
#: Part of the name of every temporary file a save writes: ``.<name>.<TEMP_MARK>.<pid>.<n>``.
TEMP_MARK = "debtplan-tmp"
#: Problems of one kind listed before "and N more".
_MAX_LISTED = 20

_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")} | {"!"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "backspace", 11: "vertical tab", 12: "form feed", 27: "ESC", 127: "DEL"}


def _problem(source: str, code: str, value: Any = None, **params: Any) -> ProfileError:
    """A problem with the file as a whole (no key to point at), said by the sentence ``code``."""
    return ProfileError([Problem("", "", value, source, code, params)])


# --------------------------------------------------------------------------------------------------
# Reading

def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is a named :class:`ProfileError`."""
    source = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise _problem(source, "problem_no_file", file=str(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _problem(source, "problem_symlink_loop", file=str(path)) from None
        if exc.errno == errno.ENAMETOOLONG:
            raise _problem(source, "problem_name_too_long") from None
        if isinstance(exc, PermissionError):
            raise _problem(source, "problem_no_permission", file=str(path)) from None
        raise _problem(source, "problem_cannot_read", file=str(path), detail=str(exc.strerror or exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise _problem(source, "problem_is_folder", file=str(path))
    if not stat.S_ISREG(st.st_mode):
        raise _problem(source, "problem_not_a_file", file=str(path))
    if st.st_size > limit:
        raise _problem(source, "problem_too_big", st.st_size, limit=limit // 1024)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _problem(source, "problem_cannot_read", file=str(path), detail=str(exc.strerror or exc)) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the stat
            raise _problem(source, "problem_not_a_file", file=str(path))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except BlockingIOError:
        raise _problem(source, "problem_not_a_file", file=str(path)) from None
    except OSError as exc:
        raise _problem(source, "problem_cannot_read", file=str(path), detail=str(exc.strerror or exc)) from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise _problem(source, "problem_too_big", len(raw), limit=limit // 1024)
    return raw


class _Encoding:
    """How a file was stored, so a save writes it back the same way."""

    def __init__(self, name: str = "utf-8", bom: bool = False, crlf: bool = False):
        self.name, self.bom, self.crlf = name, bom, crlf

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        data = text.encode(self.name)
        return (b"\xef\xbb\xbf" + data) if self.bom else data


def decode(raw: bytes, source: str = "") -> tuple[str, _Encoding]:
    """Text of a profile: UTF-8 (with or without the BOM Notepad adds), else GB18030/GBK (Chinese Windows)."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
        encoding = _Encoding("utf-8", bom)
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
            encoding = _Encoding("gb18030")
        except UnicodeDecodeError:
            raise _problem(source, "problem_not_text_file") from None
    encoding.crlf = "\r\n" in text
    return text, encoding


def read_text(path: str | Path, limit: int = MAX_BYTES) -> str:
    """The decoded text of a profile file (bounded; see :func:`read_bytes`)."""
    return decode(read_bytes(path, limit), str(path))[0]


def _char_name(ch: str) -> str:
    code = ord(ch)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(ch, "")
    return f"U+{code:04X}{' ' + name if name else ''}"


def _check_characters(text: str, source: str) -> None:
    problems: list[Problem] = []
    hits = 0
    for number, line in enumerate(text.split("\n"), 1):
        found = _CONTROL.findall(line)
        if not found:
            continue
        hits += 1
        if len(problems) < _MAX_LISTED:
            names = ", ".join(dict.fromkeys(_char_name(c) for c in found))
            problems.append(Problem("", "", None, source, "problem_control_character",
                                    {"line": number, "names": names}))
    if problems:
        if hits > len(problems):
            problems.append(Problem("", "", None, source, "problem_more_control_lines",
                                    {"count": hits - len(problems)}))
        raise ProfileError(problems)


def _line(event_or_node: Any) -> int:
    mark = getattr(event_or_node, "start_mark", None)
    return mark.line + 1 if mark is not None else 1


def _check_events(text: str, source: str) -> None:
    """One linear pass over the YAML events (C parser, no composing): refuse anchors, aliases, tags beyond the
    plain ones, and deep nesting, before anything is built."""
    problems: list[Problem] = []
    depth = 0
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if len(problems) >= _MAX_LISTED:
                break
            if isinstance(event, yaml.AliasEvent):
                problems.append(Problem("", "", None, source, "problem_yaml_alias",
                                        {"line": _line(event), "name": str(event.anchor)}))
                continue
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                problems.append(Problem("", "", None, source, "problem_yaml_anchor",
                                        {"line": _line(event), "name": str(anchor)}))
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _PLAIN_TAGS:
                if not (isinstance(event, yaml.ScalarEvent) and event.implicit[0] and tag == "tag:yaml.org,2002:str"):
                    shown = tag.replace("tag:yaml.org,2002:", "!!")
                    problems.append(Problem("", "", None, source, "problem_yaml_tag",
                                            {"line": _line(event), "tag": shown}))
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(Problem("", "", None, source, "problem_too_deep", {"line": _line(event)}))
                    break
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _syntax_problem(exc, source) from None
    finally:
        loader.dispose()
    if problems:
        raise ProfileError(problems)


def _syntax_problem(exc: Exception, source: str) -> ProfileError:
    mark = getattr(exc, "problem_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return _problem(source, "problem_bad_yaml", line=line, column=column)


_Base = SAFE_LOADER


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe, fast, without implicit dates (``2026-13-01`` reaches validation as text and gets a clear
    message), refusing duplicate and merge keys (collected in ``problems``)."""

    def __init__(self, stream: Any):
        super().__init__(stream)
        self.problems: list[tuple[str, str, Any]] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> dict:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, f"expected a mapping, found {node.id}",
                                                    node.start_mark)
        mapping: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append((_line(key_node), "problem_yaml_merge", {}))
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                self.problems.append((_line(key_node), "problem_key_not_a_name", {}))
                continue
            if key in mapping:
                self.problems.append((_line(key_node), "problem_duplicate_key", {"name": str(key)[:60]}))
                continue
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts: validation names the key
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


def _yaml12_resolvers() -> dict:
    """Plain scalars read as YAML 1.2 (the core schema ruamel.yaml writes) reads them, values kept as written:

    * only ``true``/``false`` are booleans and only ``null``/``~``/nothing is empty (``No``, ``yes``, ``on`` are
      text: a call's outcome ``No`` stays the word);
    * no octal or base-60 numbers (``020000`` is never 8192, ``9:30`` never 570);
    * digits with a leading zero (``0123``, ``02154321765``) or a plus sign (``+8613812345678``) stay text, so
      a phone, an id or a name keeps every character; an amount or a count written so is read from that text
      by validation (``020000`` is 20000, ``012`` months 12);
    * a point followed by exactly three digits (``20.000``) stays text, so the one amount reader refuses it
      as ambiguous instead of it silently becoming 20;
    * dates stay text (validation reads them and names a bad one).
    """
    table: dict = {}

    def add(tag: str, pattern: str, first: str) -> None:
        for ch in first:
            table.setdefault(ch, []).append((f"tag:yaml.org,2002:{tag}", re.compile(pattern, re.X)))

    add("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF")
    add("null", r"^(?:~|null|Null|NULL|)$", "~nN")
    table.setdefault(None, []).append(("tag:yaml.org,2002:null", re.compile(r"^$")))
    add("merge", r"^(?:<<)$", "<")  # found so that it is refused (see _Loader.construct_mapping)
    add("int", r"^-?(?:0|[1-9][0-9]*)$", "-0123456789")
    add("float", r"""^(?!-?0[0-9])(?!-?[0-9]*\.[0-9]{3}$)  # no leading zero; not a point and exactly three digits
                   -?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$
                   |^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$""", "-0123456789.")
    return table


_Loader.yaml_implicit_resolvers = _yaml12_resolvers()


def parse_yaml(text: str, source: str = "") -> Any:
    """The data of a profile's YAML text, read safely (see the module's docstring); ``{}`` when empty."""
    _check_characters(text, source)
    _check_events(text, source)
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise _syntax_problem(exc, source) from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise _problem(source, "problem_too_deep", line=1) from None
    finally:
        loader.dispose()
    if loader.problems:
        found = sorted(loader.problems, key=lambda p: p[0])
        raise ProfileError([Problem("", "", None, source, code, {"line": line, **params})
                            for line, code, params in found])
    return data if data is not None else {}


def read_mapping(path: str | Path) -> Any:
    """The raw data of a profile file (a mapping for any real profile; validation says otherwise)."""
    text, _ = decode(read_bytes(path), str(path))
    return parse_yaml(text, str(path))


# --------------------------------------------------------------------------------------------------
# Writing: canonical values, the difference onto the round-trip document, the atomic replace.

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Number(str):
    """A number written as typed (``6000.00``), without quotes."""


def _decimal_text(value: Decimal) -> Any:
    text = format(value, "f")
    digits = len(text.replace("-", "").replace(".", "").lstrip("0"))
    if digits > 15:  # a YAML float would lose digits: written as text, read back exactly
        return text
    return _Number(text)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.allow_unicode = True

    def represent_number(rep: Any, value: _Number) -> Any:
        tag = "tag:yaml.org,2002:float" if ("." in value) else "tag:yaml.org,2002:int"
        return rep.represent_scalar(tag, str(value))

    y.representer.add_representer(_Number, represent_number)
    # The same object twice in the data (a record copied in a form) is written out twice, never as an anchor
    # and alias: the reader refuses those, so a file saved by debtplan must not contain them.
    y.representer.ignore_aliases = lambda data: True
    return y


class _Resolver(yaml.resolver.Resolver):
    """How this module's reader resolves a plain scalar (see :func:`_yaml12_resolvers`)."""


_Resolver.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_RESOLVER = _Resolver()


def _text_scalar(value: str) -> Any:
    """A text quoted when written plain it would read back as something else (``true``, ``5800``, ``1e5``);
    text the reader keeps as text (``0123``, ``No``, ``9:30``, ``20.000``) is written as it was typed."""
    if _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str":
        return value
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    return DoubleQuotedScalarString(value) if ("'" in value or not value.isprintable()) \
        else SingleQuotedScalarString(value)


def _to_rt(value: Any, flow_hint: bool | None = None) -> Any:
    """A value in the form it is written: Decimals as numbers, dates unquoted, groups as round-trip nodes."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return _decimal_text(value) if value.is_finite() else str(value)
    if isinstance(value, float):
        return value
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        return _text_scalar(value)
    if isinstance(value, dict):
        node = CommentedMap()
        for k, v in value.items():
            node[_to_rt(k) if not isinstance(k, str) else k] = _to_rt(v)
        flat = all(not isinstance(v, (dict, list, tuple)) for v in value.values())
        if flow_hint if flow_hint is not None else False:
            if flat:
                node.fa.set_flow_style()
        return node
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq()
        for item in value:
            flat_dict = isinstance(item, dict) and all(not isinstance(v, (dict, list, tuple)) for v in item.values())
            seq.append(_to_rt(item, flow_hint=flat_dict))
        return seq
    return str(value)


def _norm(value: Any, loose: bool = False) -> Any:
    """A comparable form: numbers by value (5800 == Decimal('5800.00')), dates as ISO text, bools apart."""
    if isinstance(value, bool) or value is None:
        return ("b", value)
    if isinstance(value, (int, Decimal, float)):
        try:
            number = value if isinstance(value, Decimal) else Decimal(str(value) if isinstance(value, float)
                                                                      else value)
        except (InvalidOperation, ValueError):
            return ("s", str(value))
        return ("n", number) if number.is_finite() else ("s", str(number))
    if isinstance(value, _dt.datetime):
        return ("s", value.isoformat())
    if isinstance(value, _dt.date):
        return ("s", value.isoformat())
    if isinstance(value, str):
        if loose:
            number = _as_number(value)
            if number is not None:
                return ("n", number)
        return ("s", str(value))
    if isinstance(value, dict):
        return ("m", tuple((repr(_norm(k, loose)), _norm(v, loose)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("l", tuple(_norm(v, loose) for v in value))
    return ("x", type(value).__name__, str(value))  # not a profile value: never equal to what is read back


def _as_number(text: str) -> Decimal | None:
    """The amount a person wrote as text (``"5,800"``), or None."""
    if len(text) > 60:
        return None
    try:
        number = money(text)
    except MoneyError:
        return None
    return number if number.is_finite() else None


def _same(old: Any, new: Any) -> bool:
    """Whether ``new`` says what ``old`` (as written on disk) says: then the written form is kept."""
    if _norm(old) == _norm(new):
        return True
    if isinstance(old, (dict, list)) or isinstance(new, (dict, list, tuple)):
        return False
    return _norm(old, True) == _norm(new, True) and _norm(old, True)[0] == "n"


def _norm_unordered(value: Any) -> Any:
    """Like ``_norm(loose=True)`` but mappings compared without their key order (for the check after a merge)."""
    if isinstance(value, dict):
        return ("m", frozenset((repr(_norm(k, True)), _norm_unordered(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("l", tuple(_norm_unordered(v) for v in value))
    return _norm(value, True)


def _record_key(item: Any) -> Any:
    if isinstance(item, dict) and item.get("id") not in (None, ""):
        return repr(_norm(item["id"]))
    return None


def _merge(node: Any, old: Any, new: Any) -> Any:
    """Apply the difference between ``old`` (the disk's data) and ``new`` onto ``node`` (the disk's round-trip
    document) and return the node to put in place."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if _same(old, new):
        return node
    if isinstance(new, dict) and isinstance(old, dict) and isinstance(node, CommentedMap) and len(node) == len(old):
        node_keys = {repr(_norm(k)): k for k in node}
        old_keys = {repr(_norm(k)): k for k in old}
        if set(node_keys) != set(old_keys):
            return _to_rt(new)
        new_keys = {repr(_norm(k)) for k in new}
        for nk, k in list(node_keys.items()):
            if nk not in new_keys:
                del node[k]
        for k, v in new.items():
            nk = repr(_norm(k))
            if nk in node_keys:
                node[node_keys[nk]] = _merge(node[node_keys[nk]], old[old_keys[nk]], v)
            else:
                node[k] = _to_rt(v)
        return node
    if isinstance(new, (list, tuple)) and isinstance(old, list) and isinstance(node, CommentedSeq) \
            and len(node) == len(old):
        return _merge_list(node, old, list(new))
    return _to_rt(new)


def _merge_list(node: Any, old: list, new: list) -> Any:
    """Records matched by their ``id`` where they have one, else by position; new ones added, removed ones
    deleted; a list reordered by the caller is rebuilt in the new order."""
    from ruamel.yaml.comments import CommentedSeq

    by_id = {}
    for j, item in enumerate(old):
        key = _record_key(item)
        if key is not None and key not in by_id:
            by_id[key] = j
    matches: list[int | None] = []
    used: set[int] = set()
    for i, item in enumerate(new):
        key = _record_key(item)
        j = by_id.get(key) if key is not None else None
        if j is None and i < len(old) and _record_key(old[i]) is None:
            j = i  # an older record written without an id (the save is giving it one): the same place
        if j is not None and j in used:
            j = None
        if j is not None:
            used.add(j)
        matches.append(j)
    kept = [j for j in matches if j is not None]
    flow_items = bool(old) and all(isinstance(x, dict) for x in old) and all(
        getattr(getattr(x, "fa", None), "flow_style", lambda: False)() for x in node)
    def fresh(item: Any) -> Any:
        flat = isinstance(item, dict) and all(not isinstance(v, (dict, list, tuple)) for v in item.values())
        return _to_rt(item, flow_hint=flat and (flow_items or not old))
    if kept != sorted(kept):  # reordered: rebuild (comments of moved items go)
        seq = CommentedSeq(fresh(item) if j is None else _merge(node[j], old[j], item)
                           for item, j in zip(new, matches))
        if node.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if not len(node) and new and node.fa.flow_style():
        node.fa.set_block_style()
    for j in sorted(set(range(len(old))) - used, reverse=True):
        del node[j]
    for i, (item, j) in enumerate(zip(new, matches)):
        if j is None:
            node.insert(i, fresh(item))
        else:
            node[i] = _merge(node[i], old[j], item)
    return node


def dump_yaml(data: Any) -> str:
    """YAML text for a profile mapping written afresh: Chinese readable, key order kept, amounts as numbers,
    records one per line."""
    y = _yaml()
    y.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    y.dump(_to_rt(data), out)
    return out.getvalue()


def _guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, dash offset) as the person wrote them; (2, 2) when the file does not show."""
    mapping = offset = None
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]
    for prev, line in zip(lines, lines[1:]):
        body = prev.lstrip()
        base = len(prev) - len(body)
        while body.startswith("- "):
            base, body = base + 2, body[2:].lstrip()
        if not re.match(r"^[^\s#'\"{\[][^#]*:\s*(#.*)?$", body):
            continue
        indent = len(line) - len(line.lstrip())
        if line.lstrip().startswith("- "):
            if offset is None and indent >= base:
                offset = indent - base
        elif indent > base and mapping is None:
            mapping = indent - base
        if mapping is not None and offset is not None:
            break
    return mapping or 2, offset if offset is not None else 2


def _merged_text(data: dict, disk_text: str, disk_data: Any) -> str | None:
    """The disk's text with only ``data``'s differences applied, or None when that cannot be done faithfully."""
    try:
        y = _yaml()
        mapping, offset = _guess_indent(disk_text)
        y.indent(mapping=mapping, sequence=offset + 2, offset=offset)
        out = io.StringIO()
        y.dump(y.load(disk_text), out)
        unchanged = out.getvalue()
        doc = _merge(y.load(disk_text), disk_data, data)
        out = io.StringIO()
        y.dump(doc, out)
        text = out.getvalue()
    except Exception:  # noqa: BLE001 - any trouble in the round trip: write afresh instead
        return None
    for candidate in (_patched(disk_text, unchanged, text), text):
        if candidate is None:
            continue
        try:
            check = parse_yaml(candidate)
        except ProfileError:
            continue
        if _norm_unordered(check) == _norm_unordered(data):
            return candidate
    return None


def _patched(disk_text: str, unchanged: str, changed: str) -> str | None:
    """The disk's own lines with the round trip's changes (``unchanged`` -> ``changed``) applied, so what the
    round trip alone would rewrite (comments inside a flow list ``[800,  # 九月``) stays as the person wrote it
    wherever nothing changed; None when a change falls on such lines."""
    import difflib

    disk_text = disk_text.replace("\r\n", "\n")  # line ends are put back by the encoding
    if disk_text and not disk_text.endswith("\n"):
        disk_text += "\n"
    disk, before, after = (t.splitlines(keepends=True) for t in (disk_text, unchanged, changed))
    where: dict[int, int] = {}  # a line of the round trip -> the same line in the disk's text
    for a, b, size in difflib.SequenceMatcher(None, before, disk, autojunk=False).get_matching_blocks():
        where.update({a + k: b + k for k in range(size)})
    where[len(before)] = len(disk)
    edits = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if i1 == i2:  # an insertion: before the disk's line that follows (or after the one that precedes)
            start = where.get(i1, where[i1 - 1] + 1 if i1 - 1 in where else None)
            if start is None:
                return None
            end = start
        else:
            lines = [where.get(i) for i in range(i1, i2)]
            if None in lines or lines != list(range(lines[0], lines[0] + len(lines))):
                return None
            start, end = lines[0], lines[-1] + 1
        edits.append((start, end, after[j1:j2]))
    for start, end, lines in reversed(edits):
        disk[start:end] = lines
    return "".join(disk)


# --------------------------------------------------------------------------------------------------
# Locks and the atomic replace

_locks: dict[str, Any] = {}
_locks_guard = threading.Lock()


def _target(path: str | Path) -> Path:
    """The file a save writes: a symlink is followed so the link stays a link."""
    return Path(os.path.realpath(os.fspath(path)))


def _lock_for(target: Path) -> Any:
    from filelock import FileLock

    key = str(target)
    with _locks_guard:
        if key not in _locks:
            _locks[key] = FileLock(str(target.with_name(f".{target.name}-lock")), timeout=LOCK_TIMEOUT)
        return _locks[key]


def _check_writable(target: Path) -> None:
    folder = target.parent
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise SaveError(f"could not save {target}: {exc.strerror or exc}; nothing was written", "problem_save_failed",
                        file=str(target), detail=str(exc.strerror or exc)) from None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            raise SaveError(f"could not save {target}: it is not a regular file; nothing was written",
                            "problem_save_not_a_file", file=str(target))
        if not (st.st_mode & 0o222) or (not root and not os.access(target, os.W_OK)):
            raise SaveError(f"{target} is read-only, so it was not changed and your edits are not saved. Make it "
                            f"writable (chmod u+w) or save to another file.", "problem_save_read_only", file=str(target))
    try:
        fst = os.stat(folder)
    except OSError as exc:
        raise SaveError(f"could not save {target}: the folder {folder} cannot be used ({exc.strerror or exc}); "
                        "nothing was written", "problem_save_folder", folder=str(folder),
                        detail=str(exc.strerror or exc)) from None
    if not (fst.st_mode & 0o222) or (not root and not os.access(folder, os.W_OK | os.X_OK)):
        raise SaveError(f"the folder {folder} is read-only, so {target.name} was not changed and your edits are "
                        "not saved. Make the folder writable or save to another folder.",
                        "problem_save_folder_read_only", folder=str(folder), file=target.name)


@contextlib.contextmanager
def profile_lock(path: str | Path) -> Iterator[Path]:
    """Hold the writers' lock of a profile file (re-entrant in one thread); yields the file a save writes."""
    from filelock import Timeout

    target = _target(path)
    _check_writable(target)
    lock = _lock_for(target)
    try:
        lock.acquire()
    except Timeout:
        raise SaveError(f"{target} is being saved by another program (debtplan log, a notebook or the app) and "
                        f"stayed locked for {LOCK_TIMEOUT:g} s; nothing was written. Try again in a moment.",
                        "problem_save_locked", file=str(target), seconds=f"{LOCK_TIMEOUT:g}") from None
    except OSError as exc:
        raise SaveError(f"could not lock {target} for saving ({exc.strerror or exc}); nothing was written",
                        "problem_save_failed", file=str(target), detail=str(exc.strerror or exc)) from None
    try:
        yield target
    finally:
        lock.release()


def _clean_leftovers(target: Path) -> None:
    """Remove temporary files left by a writer that was killed (only ever ours: the name says so)."""
    prefix = f".{target.name}.{TEMP_MARK}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_counter = 0


def _temp_name(target: Path, what: str) -> Path:
    global _counter
    _counter += 1
    return target.with_name(f".{target.name}.{TEMP_MARK}.{os.getpid()}.{_counter}.{what}")


def _replace(target: Path, payload: bytes, mode: int, backup: bool) -> None:
    tmp = _temp_name(target, "new")
    bak_tmp: Path | None = None
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            os.fchmod(fd, mode)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if backup and target.exists():
            bak_tmp = _temp_name(target, "bak")
            try:
                os.link(target, bak_tmp)  # the old file itself becomes the backup: nothing copied
            except OSError:
                import shutil
                shutil.copy2(target, bak_tmp)
        os.replace(tmp, target)
        if bak_tmp is not None:  # the old .bak is replaced only once the new file is in place
            os.replace(bak_tmp, target.with_name(target.name + ".bak"))
        _fsync_folder(target.parent)
    except BaseException:
        for leftover in (tmp, bak_tmp):
            if leftover is not None:
                with contextlib.suppress(OSError):
                    os.unlink(leftover)
        raise


def _save_locked(data: dict, target: Path, validate: Callable[[dict], Any] | None, backup: bool) -> Path:
    _clean_leftovers(target)
    if validate is not None:
        validate(data)
    encoding, mode, text = _Encoding(), 0o600, None
    if target.exists():
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
            disk_text, encoding = decode(read_bytes(target), str(target))
            disk_data = parse_yaml(disk_text, str(target))
        except ProfileError:
            disk_data = None  # unreadable before: written afresh (the old file is kept as .bak)
        if isinstance(disk_data, dict):
            text = _merged_text(data, disk_text, disk_data)
    if text is None:
        text = dump_yaml(data)
        try:
            faithful = _norm_unordered(parse_yaml(text)) == _norm_unordered(data)
        except ProfileError:
            faithful = False
        if not faithful:
            raise SaveError(f"could not save {target}: the data would not read back as given (a value of a kind a "
                            "profile cannot hold); the previous file is unchanged", "problem_save_not_faithful",
                            file=str(target))
    try:
        _replace(target, encoding.encode(text), mode, backup)
    except OSError as exc:
        raise SaveError(f"could not save {target}: {exc.strerror or exc}; the previous file is unchanged",
                        "problem_save_failed", file=str(target), detail=str(exc.strerror or exc)) from exc
    return target


def save_mapping(data: dict, path: str | Path, *, validate: Callable[[dict], Any] | None = None,
                 backup: bool = True) -> Path:
    """Save a profile mapping to ``path`` (see the module's docstring). ``validate`` is called under the lock
    before anything is written; its exception (a :class:`ProfileError`) leaves the file as it was."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"could not save {path}: the folder cannot be made ({exc.strerror or exc}); nothing "
                            "was written", "problem_save_folder", folder=str(folder),
                            detail=str(exc.strerror or exc)) from exc
    try:
        with profile_lock(path) as target:
            _save_locked(data, target, validate, backup)
    except SaveError as exc:
        raise _in_language(exc, data) from exc.__cause__
    return path


def update_mapping(path: str | Path, change: Callable[[Any], Any], *,
                   validate: Callable[[dict], Any] | None = None, backup: bool = True) -> Any:
    """Read, change and save a profile under one lock, so concurrent writers lose nothing.

    ``change(data)`` edits the mapping in place and returns what :func:`update_mapping` returns; it may raise
    (a :class:`ProfileError`), and then nothing is written.
    """
    try:
        with profile_lock(path) as target:
            data = read_mapping(path)
            result = change(data)
            _save_locked(data, target, validate, backup)
    except SaveError as exc:
        try:
            known = read_mapping(path)
        except ProfileError:
            known = None
        raise _in_language(exc, known) from exc.__cause__
    return result


def _in_language(exc: SaveError, data: Any) -> SaveError:
    """The refusal marked with the language of the profile it is about (``lang``), so a command says it in
    the reader's language (:func:`debtplan.text.problems.error_text`)."""
    from .validate import profile_lang

    if not getattr(exc, "lang", ""):
        exc.lang = profile_lang(data)
    return exc
