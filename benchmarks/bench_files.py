"""Reading and saving profile files: the example, a file at the size limit, and the hostile files the reader
refuses, measured in the same run against reading the example (machines here are noisy: compare ratios).

Run: .venv/bin/python benchmarks/bench_files.py
"""
import os
import shutil
import tempfile
import time
from pathlib import Path
from statistics import median

from debtplan.core.errors import ProfileError
from debtplan.inputs import files
from debtplan.inputs.profile import load_profile, read_profile_dict, save_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "xiao-li.yaml"


def time_it(fn, repeat=5):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            fn()
        except ProfileError:
            pass
        times.append(time.perf_counter() - start)
    return median(times)


def at_limit(folder: Path) -> Path:
    head, tail = EXAMPLE.read_text(encoding="utf-8").split("negotiations: []")
    lines, size = [], len((head + tail).encode()) + 20
    i = 0
    while True:
        line = f"  - {{date: 2026-11-01, creditor: 借呗, channel: phone, outcome: 第{i}次}}\n"
        if size + len(line.encode()) > files.MAX_BYTES:
            break
        lines.append(line)
        size += len(line.encode())
        i += 1
    path = folder / "limit.yaml"
    path.write_text(head + "negotiations:\n" + "".join(lines) + tail, encoding="utf-8")
    return path


def main():
    folder = Path(tempfile.mkdtemp())
    try:
        example = folder / "example.yaml"
        shutil.copy(EXAMPLE, example)
        limit = at_limit(folder)
        bomb = folder / "bomb.yaml"
        rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        rows += [f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]" for p, c in zip("abcdefghi", "bcdefghij")]
        bomb.write_text("\n".join(rows) + "\n", encoding="utf-8")
        big = folder / "big.yaml"
        with open(big, "wb") as fh:
            fh.write(b"# x\n" * (50 * 1024 * 1024 // 4))
        fifo = folder / "fifo.yaml"
        os.mkfifo(fifo)
        base = time_it(lambda: load_profile(example))
        print(f"load the example ({example.stat().st_size} B): {base * 1000:.1f} ms (baseline)")
        for label, fn in [(f"load a file at the limit ({limit.stat().st_size} B)", lambda: load_profile(limit)),
                          ("refuse an alias bomb", lambda: read_profile_dict(bomb)),
                          ("refuse a 50 MB file", lambda: read_profile_dict(big)),
                          ("refuse a FIFO with no writer", lambda: read_profile_dict(fifo))]:
            t = time_it(fn)
            print(f"{label}: {t * 1000:.1f} ms, {t / base:.1f}x the baseline")
        data = read_profile_dict(example)

        def save():
            data["savings"]["balance"] += 1
            save_profile(data, example)

        t = time_it(save)
        print(f"save one changed value (lock, merge into the file as written, fsync, rename): {t * 1000:.1f} ms, "
              f"{t / base:.1f}x the baseline")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
