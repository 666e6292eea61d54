#!/usr/bin/env python3
"""Generates tet_hung_kings.csv: the solar dates of Tết (lunar 1/1) and of Giỗ Tổ
Hùng Vương (lunar 10/3) in the Vietnamese calendar, 1900–2100.

Independent of vanthu's own code. Sources (PyPI, run once):
  * lunardate 0.3.0 (Chinese calendar tables, 1900–2099, UTC+8);
  * holidays 0.109 (vacanza, MIT): its ChineseLunisolar calendar with the
    VIETNAMESE_CALENDAR overrides (UTC+7), used for 2100 and to cross-check.
The Vietnamese calendar is the Chinese one computed at UTC+7 instead of UTC+8;
where the two differ, the Vietnamese date is taken from the overrides listed in
docs/workflow.md §9, which are the same as the
holidays package's VIETNAMESE_CALENDAR tables; the script asserts that the two
sources agree on every year where both exist.

Usage: pip install lunardate==0.3.0 holidays==0.109; python3 generate.py > tet_hung_kings.csv
"""
import datetime as dt
import sys

import lunardate
from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

# docs/workflow.md §9: Vietnamese Tết where it differs from the Chinese new year.
VN_TET = {
    1903: (1, 28), 1916: (2, 3), 1935: (2, 3), 1965: (2, 1), 1968: (1, 29),
    1969: (2, 16), 1985: (1, 21), 2007: (2, 17), 2030: (2, 2), 2053: (2, 18),
}
# docs/workflow.md §9 (years listed there) and the holidays package (dates).
VN_HUNG = {
    1916: (4, 11), 1917: (4, 1), 1939: (4, 28), 1975: (4, 20), 2009: (4, 4),
    2037: (4, 24), 2038: (4, 13), 2085: (4, 3), 2086: (4, 22), 2095: (4, 13),
    2100: (4, 18),
}

vn = _ChineseLunisolar(VIETNAMESE_CALENDAR)
out = sys.stdout
out.write("year,tet,hung_kings,tet_source,hung_kings_source\n")
for year in range(1900, 2101):
    if year in VN_TET:
        tet, tet_src = dt.date(year, *VN_TET[year]), "vn-override"
    elif year <= 2099:
        tet, tet_src = lunardate.LunarDate(year, 1, 1, 0).to_solar_date(), "lunardate"
    else:
        tet, tet_src = vn.lunar_new_year_date(year)[0], "holidays"
    if year in VN_HUNG:
        hung, hung_src = dt.date(year, *VN_HUNG[year]), "vn-override"
    else:
        hung, hung_src = lunardate.LunarDate(year, 3, 10, 0).to_solar_date(), "lunardate"
    # Cross-check with the holidays package (it covers 1901–2100).
    if year >= 1901:
        other_tet = vn.lunar_new_year_date(year)[0]
        other_hung = vn.hung_kings_date(year)[0]
        assert other_tet == tet, (year, tet, other_tet)
        assert other_hung == hung, (year, hung, other_hung)
    out.write(f"{year},{tet.isoformat()},{hung.isoformat()},{tet_src},{hung_src}\n")
