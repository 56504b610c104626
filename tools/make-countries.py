#!/usr/bin/python3
# make-countries.py — how data/countries.json was made (run again to refresh
# the names when Debian's iso-codes changes)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Codes and English names: Debian's iso-codes (ISO 3166-1, as published by
# the ISO 3166 Maintenance Agency), /usr/share/iso-codes/json/iso_3166-1.json.
# Names in Arabic, Spanish, French, Russian and Chinese: the translations
# iso-codes ships (the iso_3166-1 gettext domain, translated on Weblate by
# the iso-codes translators); they are not the UN's official names (UNTERM).
# Regions: ITU's BDT regional groupings, the six regions of ITU-D. Which
# memberships were confirmed against a source reachable when this was made,
# and which were not, is in SOURCES and CONFIRMED below and in the note of
# the file; see docs/content-review.md.
#
# Usage: tools/make-countries.py > data/countries.json

import gettext
import json
import sys

ISO = '/usr/share/iso-codes/json/iso_3166-1.json'
LANGS = [('ar', 'ar'), ('es', 'es'), ('fr', 'fr'), ('ru', 'ru'), ('zh', 'zh_CN')]

REGIONS = {
    'africa': 'AO BJ BW BF BI CM CV CF TD CG CI CD GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA NE NG '
              'RW ST SN SC SL ZA SS TZ TG UG ZM ZW',
    'americas': 'AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT '
                'US UY VE',
    'arab-states': 'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM QA SA SO SD SY TN AE YE PS',
    'asia-pacific': 'AF AU BD BT BN KH CN KP FJ IN ID IR JP KI KR LA MY MV MH FM MN MM NR NP NZ PK PG PH WS SG SB '
                    'LK TH TL TO TV VU VN',
    'cis': 'AM AZ BY KZ KG RU TJ TM UZ',
    'europe': 'AL AD AT BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT LV LI LT LU MT MD MC ME NL MK NO PL '
              'PT RO SM RS SK SI ES SE CH TR UA GB VA',
}

SOURCES = {
    'gci-2017-africa': 'ITU Global Cybersecurity Index 2017, the ten first of the Africa region, as reported by '
                       'https://thisweeknews.info/itu-global-cybersecurity-index-2017-mauritius-ranks-1st-in-africa-and-6th-globally',
    'gci-2017-egypt': 'ITU Global Cybersecurity Index 2017: Egypt ranked in the Arab States region, not in Africa, '
                      'as reported by https://itweb.africa/content/nWJadvbeOaYqbjO1/wbrpO7gPDOYMDLZn',
    'gci-2020-arab': 'ITU Global Cybersecurity Index 2020, the Arab States regional ranking, as reported by '
                     'https://economics.creditlibanais.com/Article/210532',
    'itu-datahub': 'ITU DataHub country list, ITU/BDT classification (examples recorded from api.datahub.itu.int/v2 '
                   'in github.com/api-evangelist/itu, examples/itu-list-countries.json)',
    'itu-d-cirt': 'ITU-D Organizational Structures page: CIRT assessments by region (as summarised in the '
                  'project brief, shared/domain/assessment-frameworks.md)',
    'itu-europe': 'ITU Office for Europe: the Europe Region of 46 Member States, and its South Eastern Europe '
                  'project countries (https://dig.watch/updates/itu-and-broadband-foundation-foster-investment-'
                  'south-eastern-europe-broadband; https://unbrussels.org/international-telecommunication-union-itu/)',
    'itu-cis': 'ITU Regional Development Forum for the CIS Region, 26 October 2022: projects in the Kyrgyz Republic '
               'and Uzbekistan (https://itu.int/en/ITU-D/Regional-Presence/CIS/Pages/News/26102022.aspx)',
}

CONFIRMED = {
    'gci-2017-africa': 'MU RW KE NG UG ZA BW CI CM GH',
    'gci-2017-egypt': 'EG',
    'gci-2020-arab': 'SA AE OM EG QA LB',
    'itu-datahub': 'AF ZA',
    'itu-d-cirt': 'AO BW BF BI CM BB BO JM',
    'itu-europe': 'RS ME MK AL BA MD GE UA',
    'itu-cis': 'KG UZ',
}

# Names people write that ISO does not give (ISO's own official and common
# names are added from iso-codes).
ALIASES = {
    'AE': ['UAE', 'Emirates'],
    'BA': ['Bosnia', 'Bosnia-Herzegovina'],
    'BN': ['Brunei'],
    'BO': ['Bolivia (Plurinational State of)'],
    'BS': ['The Bahamas', 'Bahamas, The'],
    'CD': ['Democratic Republic of the Congo', 'DR Congo', 'DRC', 'Congo-Kinshasa', 'Dem. Rep. of the Congo',
           'Congo (Democratic Republic of the)'],
    'CG': ['Republic of the Congo', 'Congo-Brazzaville', 'Congo (Rep.)', 'Congo (Republic of the)'],
    'CI': ['Ivory Coast', "Cote d'Ivoire"],
    'CV': ['Cape Verde'],
    'CZ': ['Czech Republic'],
    'FM': ['Micronesia', 'Micronesia (Federated States of)'],
    'GB': ['UK', 'U.K.', 'Great Britain', 'Britain'],
    'GM': ['The Gambia', 'Gambia, The'],
    'IR': ['Iran (Islamic Republic of)'],
    'KG': ['Kyrgyz Republic'],
    'KP': ["Democratic People's Republic of Korea", "Dem. People's Rep. of Korea", 'DPRK'],
    'KR': ['Republic of Korea', 'Korea (Rep. of)', 'Korea'],
    'LA': ["Lao P.D.R.", 'Lao PDR'],
    'MD': ['Republic of Moldova'],
    'MK': ['Macedonia'],
    'MM': ['Burma'],
    'PS': ['Palestine', 'State of Palestine'],
    'RU': ['Russia'],
    'SZ': ['Swaziland'],
    'TL': ['East Timor'],
    'TR': ['Turkey', 'Turkiye'],
    'TZ': ['United Republic of Tanzania'],
    'US': ['USA', 'U.S.A.', 'United States of America', 'US', 'U.S.'],
    'VA': ['Holy See', 'Vatican', 'Vatican City'],
    'VE': ['Venezuela (Bolivarian Republic of)'],
    'VN': ['Vietnam'],
    'SY': ['Syria'],
}


def main():
    entries = json.load(open(ISO, encoding='utf-8'))['3166-1']
    region_of = {}
    for region, codes in REGIONS.items():
        for code in codes.split():
            assert code not in region_of, code
            region_of[code] = region
    confirmed = {}
    for source, codes in CONFIRMED.items():
        for code in codes.split():
            confirmed.setdefault(code, []).append(source)
    translations = {lang: gettext.translation('iso_3166-1', '/usr/share/locale', languages=[cat])
                    for lang, cat in LANGS}
    known = {e['alpha_2'] for e in entries}
    assert set(region_of) <= known, set(region_of) - known

    countries = []
    for e in sorted(entries, key=lambda e: e['alpha_2']):
        code = e['alpha_2']
        names = {'en': e['name']}
        aliases = []
        for key in ('official_name', 'common_name'):
            if key in e and e[key] != e['name'] and e[key] not in aliases:
                aliases.append(e[key])
        for alias in ALIASES.get(code, []):
            if alias not in aliases:
                aliases.append(alias)
        local_aliases = {}
        for lang, _ in LANGS:
            t = translations[lang]
            names[lang] = t.gettext(e['name'])
            extra = []
            for key in ('official_name', 'common_name'):
                if key in e:
                    text = t.gettext(e[key])
                    if text != e[key] and text != names[lang] and text not in extra:
                        extra.append(text)
            if extra:
                local_aliases[lang] = extra
        row = {'code': code, 'alpha3': e['alpha_3'], 'names': names}
        if aliases:
            row['aliases'] = aliases
        if local_aliases:
            row['local_aliases'] = local_aliases
        row['region'] = region_of.get(code)
        if code in region_of:
            row['region_confirmed_by'] = confirmed.get(code, [])
        countries.append(row)

    doc = {
        'format': 'cirt-assess-countries',
        'format_version': 1,
        'note': [
            'Codes (ISO 3166-1 alpha-2 and alpha-3) and English names: ISO 3166-1 as Debian\'s iso-codes 4.15.0 '
            'has it (/usr/share/iso-codes/json/iso_3166-1.json). Names in Arabic, Spanish, French, Russian and '
            'Chinese, and the local aliases: the translations of iso-codes (gettext domain iso_3166-1, translated '
            'by the iso-codes translators on Weblate); they are not the UN\'s official names (UNTERM) and were not '
            'checked against them.',
            'region: the ITU-D (BDT) region of an ITU Member State (and of the State of Palestine, an observer, '
            'with the Arab States): africa, americas, arab-states, asia-pacific, cis, europe; null for every other '
            'ISO entry (territories, and Palau, which is not an ITU Member State). Totals: Africa 44, Americas 35, '
            'Arab States 21 (+ Palestine), Asia-Pacific 38, CIS 9, Europe 46: 193 Member States.',
            'NOT ALL MEMBERSHIPS ARE VERIFIED. ITU publishes its list of regional groupings on its ITU-D '
            'Statistics pages ("Regions"), but that list could not be read while this file was made. '
            'region_confirmed_by names the sources (below) that confirmed a country\'s region; a country whose '
            'region_confirmed_by is empty has the region of ITU\'s list as known to the author of this file, '
            'unconfirmed. Check those against ITU\'s list before publishing figures by region '
            '(docs/content-review.md lists them). Moldova was among the CIS countries of the ITU Area Office for '
            'the CIS in 2012; it is in Europe here, with Georgia and Ukraine, as the ITU Office for Europe counts '
            'its 46 Member States now.',
        ],
        'sources': SOURCES,
        'countries': countries,
    }
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
