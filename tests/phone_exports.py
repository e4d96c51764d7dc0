"""Synthetic phone exports for the tests (no real person's calls): "SMS Backup & Restore" XML made from a seed."""
from __future__ import annotations

import datetime as dt
import random
from xml.sax.saxutils import quoteattr

CHINA = dt.timezone(dt.timedelta(hours=8))
#: Made-up collector numbers: Hangzhou and Shanghai landlines, mobile blocks; and people she knows.
COLLECTORS = ("0571-8888 1111", "0571-8888 2222", "021-5432 1765", "13800138000", "+86 139 1234 5678",
              "15900001111", "18600002222", "0755-1234 5678")
OTHERS = ("13700000001", "13700000002", "10086")


def ms(at: dt.datetime) -> int:
    return int(at.replace(tzinfo=CHINA).timestamp() * 1000)


def calls_xml(calls) -> bytes:
    """``calls``: (number, local datetime, seconds, type code 1-6)."""
    rows = "".join(f'<call number={quoteattr(n)} duration="{s}" date="{ms(at)}" type="{k}" presentation="1" '
                   f'readable_date="{at:%Y-%m-%d %H:%M:%S}" contact_name="(Unknown)" />\n' for n, at, s, k in calls)
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count=\"{len(calls)}\">\n{rows}"
            "</calls>\n").encode()


def sms_xml(messages) -> bytes:
    """``messages``: (number, local datetime, body, type 1 received / 2 sent)."""
    rows = "".join(f'<sms protocol="0" address={quoteattr(n)} date="{ms(at)}" type="{k}" body={quoteattr(b)} '
                   f'read="1" contact_name="(Unknown)" />\n' for n, at, b, k in messages)
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"{len(messages)}\">\n{rows}"
            "</smses>\n").encode()


def year_of_calls(count: int = 3000, seed: int = 26, year: int = 2025) -> list:
    """``count`` calls over a past year (calls logged after today are refused), most from the collectors, a tenth at
    night, most unanswered."""
    rnd = random.Random(seed)
    start = dt.datetime(year, 1, 1)
    out = []
    for _ in range(count):
        number = rnd.choice(COLLECTORS) if rnd.random() < 0.9 else rnd.choice(OTHERS)
        at = start + dt.timedelta(days=rnd.randrange(365), hours=rnd.choice([7, 9, 10, 11, 14, 15, 16, 19, 21, 22, 23]),
                                  minutes=rnd.randrange(60), seconds=rnd.randrange(60))
        kind = rnd.choice([1, 3, 3, 3, 5, 6, 2])
        out.append((number, at, rnd.randrange(20, 300) if kind in (1, 2) else 0, kind))
    return out
