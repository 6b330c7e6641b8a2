#!/usr/bin/env python3
"""Helper for building NotoSansSC-Pouxi.otf (see README.md). Needs fontTools.

  build_font.py prepare SRC.ttc OUTDIR   # step 1: writes OUTDIR/NotoSansCJKsc-Regular-prep.otf
                                         #         and OUTDIR/pouxi-unicodes.txt
  build_font.py check FONT               # step 3: coverage report

"prepare" extracts the "Noto Sans CJK SC" face (index 2) from the Debian
NotoSansCJK-Regular.ttc and removes the Japanese/Korean/Traditional Chinese
language systems (JAN, KOR, ZHT, ZHH) from GSUB/GPOS, so that pyftsubset does
not pull ~18,000 locl-only JP/KR/TC/HK glyph variants into the subset. The
default and ZHS language systems and all glyph outlines are left untouched.
"""
import os
import sys

from fontTools.ttLib import TTFont

DROP_LANGSYS = {"JAN ", "KOR ", "ZHT ", "ZHH "}

EXTRA_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # General Punctuation
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed Alphanumerics
    (0x2500, 0x25FF),  # Box Drawing, Block Elements, Geometric Shapes
    (0x2600, 0x26FF),  # Miscellaneous Symbols
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3200, 0x33FF),  # Enclosed CJK Letters and Months, CJK Compatibility
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
# ⠿ ▶ ▼ ✓ ✗ × … — ‘ ’ “ ”
EXTRA_CHARS = [0x283F, 0x25B6, 0x25BC, 0x2713, 0x2717, 0x00D7,
               0x2026, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D]


def two_byte_set(codec):
    out = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                s = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def wanted():
    u = two_byte_set("gbk") | two_byte_set("gb2312")
    for a, b in EXTRA_RANGES:
        u.update(range(a, b + 1))
    u.update(EXTRA_CHARS)
    return u


def prepare(src, outdir):
    font = TTFont(src, fontNumber=2)
    assert font["name"].getDebugName(4) == "Noto Sans CJK SC"
    for tag in ("GSUB", "GPOS"):
        table = font[tag].table
        used = set()
        for sr in table.ScriptList.ScriptRecord:
            s = sr.Script
            s.LangSysRecord = [r for r in s.LangSysRecord if r.LangSysTag not in DROP_LANGSYS]
            s.LangSysCount = len(s.LangSysRecord)
            for ls in [s.DefaultLangSys] + [r.LangSys for r in s.LangSysRecord]:
                if ls is not None:
                    used.update(ls.FeatureIndex)
                    if ls.ReqFeatureIndex != 0xFFFF:
                        used.add(ls.ReqFeatureIndex)
        # Features only referenced by the dropped language systems: empty them
        # so their lookups are not part of the subsetter's glyph closure.
        for i, fr in enumerate(table.FeatureList.FeatureRecord):
            if i not in used:
                fr.Feature.LookupListIndex = []
                fr.Feature.LookupCount = 0
    os.makedirs(outdir, exist_ok=True)
    font.save(os.path.join(outdir, "NotoSansCJKsc-Regular-prep.otf"))
    with open(os.path.join(outdir, "pouxi-unicodes.txt"), "w") as f:
        f.writelines("U+%04X\n" % c for c in sorted(wanted()))


def check(path):
    cmap = TTFont(path).getBestCmap()
    for name, codec in (("GBK", "gbk"), ("GB2312", "gb2312")):
        s = two_byte_set(codec)
        miss = sorted(s - cmap.keys())
        print("%s: %d chars, %d covered, %d missing %s" % (
            name, len(s), len(s) - len(miss), len(miss),
            " ".join("U+%04X %s" % (c, chr(c)) for c in miss)))
    print("extra chars:", " ".join(
        "%s%s" % (chr(c), "" if c in cmap else "(missing)") for c in EXTRA_CHARS))
    print("cmap entries:", len(cmap))


if __name__ == "__main__":
    if sys.argv[1:2] == ["prepare"] and len(sys.argv) == 4:
        prepare(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 3:
        check(sys.argv[2])
    else:
        sys.exit(__doc__)
