#!/usr/bin/env python3
"""Peer of benches/calendar.rs: the PyPI `holidays` package (vacanza) computing the
same Vietnamese holiday sets and the same working-day additions.

Prints one JSON object: rates per second and the non-weekend holiday dates per year.
Usage: python3 holidays_vn.py FIRST_YEAR LAST_YEAR N_WORKING_DAYS SECONDS
"""
import datetime as dt
import json
import sys
import time

import holidays


def holiday_set(year):
    return holidays.Vietnam(years=year)


def main():
    first, last, n, seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    years = list(range(first, last + 1))

    # Holiday sets per second: one full year's set per operation, fresh object each time.
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for year in years:
            holiday_set(year)
            count += 1
    sets_per_sec = count / (time.perf_counter() - start)

    # Working-day additions per second: the same starts as the Rust bench
    # (every day of the first year), N working days each, on a prebuilt set.
    table = holidays.Vietnam(years=range(first, last + 2))
    one = dt.timedelta(days=1)

    def add_working_days(day, k):
        while k > 0:
            day += one
            if day.weekday() < 5 and day not in table:
                k -= 1
        return day

    starts = [dt.date(first, 1, 1) + dt.timedelta(days=i) for i in range(365)]
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for day in starts:
            add_working_days(day, n)
            count += 1
    adds_per_sec = count / (time.perf_counter() - start)

    sets = {
        str(year): sorted(d.isoformat() for d in holiday_set(year) if d.weekday() < 5)
        for year in years
    }
    print(json.dumps({
        "peer": f"holidays {holidays.__version__} (Python {sys.version.split()[0]})",
        "holiday_sets_per_sec": sets_per_sec,
        "working_day_adds_per_sec": adds_per_sec,
        "sets": sets,
    }))


if __name__ == "__main__":
    main()
