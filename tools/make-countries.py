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
    'itu-cis-gci-2024': 'ITU Regional Office for the CIS, news of 14 January 2025, "CIS countries\' results in the field '
                        'of cybersecurity according to the Global Cybersecurity Index 2024": Uzbekistan, Russia, '
                        'Kazakhstan and Azerbaijan (Tier 2), Kyrgyzstan and Belarus (Tier 3), Tajikistan and '
                        'Turkmenistan, named as CIS countries '
                        '(https://www.itu.int/en/ITU-D/Regional-Presence/CIS/Pages/News/14.01.2025.aspx)',
    'gci-2020-africa': 'ITU Global Cybersecurity Index 2020, the ten first of the Africa region with their scores '
                       '(Mauritius, Tanzania, Ghana, Nigeria, Kenya, Benin, Rwanda, South Africa, Uganda, Zambia), '
                       'as reported by https://securityafricamagazine.com/top-10-african-countries-with-the-best-'
                       'cybersecurity-revealed/ (the list is the ITU region\'s: Egypt, Tunisia and Morocco, which '
                       'scored higher than some of these, are not in it; a sentence of the same article calling Egypt '
                       'second in Africa contradicts its own list and was not used)',
    'gci-2020-asia-pacific': 'ITU Global Cybersecurity Index 2020, the Asia-Pacific regional ranking: Republic of Korea '
                             'and Singapore first, Malaysia, Japan, India fourth, as reported by '
                             'https://nrivision.com/india-ranks-10th-in-international-telecommunication-unions-'
                             'global-cybersecurity-index/2447/ and https://www.hindustantimes.com/india-news/india-'
                             'jumps-37-places-to-rank-10-in-itu-s-global-cybersecurity-index-fourth-among-asia-'
                             'pacific-countries-101624980575046-amp.html',
    'gci-2020-viet-nam': 'ITU Global Cybersecurity Index 2020: Viet Nam seventh in the Asia-Pacific region, as reported '
                         'by https://m.hanoitimes.vn/vietnam-ranks-25th-in-global-cybersecurity-index-2020-317925.html',
    'gci-2020-cis': 'ITU Global Cybersecurity Index 2020: Kazakhstan second in the CIS region after Russia, as '
                    'reported by https://astanatimes.com/2021/07/kazakhstan-makes-gains-in-2020-un-global-'
                    'cybersecurity-index-report/',
    'gci-2020-turkiye': 'ITU Global Cybersecurity Index 2020: Türkiye sixth in Europe (the regional ranking) and '
                        'eleventh in the world, as reported by https://www.kamubulteni.com/gundem/turkiye-siber-'
                        'guvenlik-siralamasinda-avrupada-6-dunyada-11-sirada-h41628.html',
    'itu-arab-2012': 'ITU Newsroom, Connect Arab Summit 2012, backgrounder to the report "ICT Adoption and Prospects '
                     'in the Arab Region": the Arab States region, one of ITU\'s six country groupings, "stretches '
                     'from Mauritania to Yemen, and from Comoros to Iraq", with Bahrain and the United Arab Emirates '
                     'among its early 3G adopters (http://www.itu.int/net/newsroom/connect/arab/2012/reports/'
                     'backgrounder.aspx)',
    'itu-arab-2012-press': 'ITU press release, Geneva, 5 March 2012, on the same report (ICT Adoption and Prospects in '
                           'the Arab Region 2012): Saudi Arabia, Djibouti, Qatar, Mauritania, Iraq and Somalia named '
                           'among the countries of the region, as republished by '
                           'https://www.ict.gov.ir/en/news/6053/New-Arab-region-technology-report-reveals-'
                           'accelerating-demand-need-for-faster-roll-out-of-high-speed-Internet-Time-to-replicate-'
                           'the-mobile-miracle-in-broadband',
    'itu-connect2recover-arab': 'ITU Connect2Recover, projects in the Arab States region: Mauritania, the State of '
                                'Palestine and Syria (https://itu.int/itu-d/sites/connect2recover/projects/arab-region)',
    'gci-2017-europe': 'ITU Global Cybersecurity Index 2017, the Europe region: Estonia first, followed by France, '
                       'Norway, the United Kingdom and the Netherlands, as reported by '
                       'https://estonianworld.com/security/estonia-ranks-highest-in-europe-in-cyber-security (the '
                       'regional list, not the continent: Russia, tenth in the world between France and Norway, and '
                       'Georgia, eighth, are not in it)',
    'gci-2018-georgia': 'ITU Global Cybersecurity Index 2018: Georgia ninth in Europe and eighteenth in the world, as '
                        'reported by https://agenda.ge/en/news/2019/914',
    'gci-2020-americas': 'ITU Global Cybersecurity Index 2020, the Americas ranking: the United States, Canada, '
                         'Brazil, Mexico, Uruguay, the Dominican Republic, Chile, Costa Rica, Colombia and Cuba the '
                         'ten first, Honduras last in 35th place, as reported by https://segurilatam.com/?p=5682 (a '
                         'list of 35, the ITU region\'s Member States)',
    'gci-2020-senegal': 'ITU Global Cybersecurity Index 2020, the Africa regional ranking: Senegal 18th, behind Ghana '
                        '(3rd), Benin (6th), South Africa (8th), Zambia (10th), Côte d\'Ivoire (11th), Cameroon '
                        '(13th), Chad (14th), Burkina Faso (15th) and Zimbabwe (17th), as reported by '
                        'https://jotaay.net/GLOBAL-CYBERSECURITY-INDEX-GCI-DE-L-UNION-INTERNATIONALE-DES-'
                        'TELECOMMUNICATIONS-IUT-Le-Senegal-100eme-sur-182-pays_a19636.amp.html',
    'gci-2020-bangladesh': 'ITU Global Cybersecurity Index 2020, the Asia-Pacific regional ranking: Bangladesh 11th, '
                           'the Republic of Korea and Singapore first, India 4th, China 7th, Pakistan 14th, Sri Lanka '
                           '15th, Nepal 17th, as reported by https://www.tbsnews.net/bangladesh/bangladesh-climbs-25-'
                           'notches-global-cyber-security-index-268180',
    'gci-2020-portugal': 'ITU Global Cybersecurity Index 2020: Portugal 14th in the world and 8th in the European '
                         'ranking, as reported by https://ineews.eu/portugal-sobe-para-o-14o-lugar-do-ranking-global-'
                         'de-ciberseguranca/ (and, for the GCI 2017, 27th in Europe, by ANACOM, '
                         'https://www.anacom.pt/render.jsp?contentId=1414712&languageId=1)',
}

CONFIRMED = {
    'gci-2017-africa': 'MU RW KE NG UG ZA BW CI CM GH',
    'gci-2017-egypt': 'EG',
    'gci-2020-arab': 'SA AE OM EG QA LB',
    'itu-datahub': 'AF ZA',
    'itu-d-cirt': 'AO BW BF BI CM BB BO JM',
    'itu-europe': 'RS ME MK AL BA MD GE UA',
    'itu-cis': 'KG UZ',
    'itu-cis-gci-2024': 'UZ RU KZ AZ KG BY TJ TM',
    'gci-2020-africa': 'MU TZ GH NG KE BJ RW ZA UG ZM',
    'gci-2020-asia-pacific': 'KR SG MY JP IN',
    'gci-2020-viet-nam': 'VN',
    'gci-2020-cis': 'KZ RU',
    'gci-2020-turkiye': 'TR',
    'itu-arab-2012': 'MR YE KM IQ BH AE',
    'itu-arab-2012-press': 'SA DJ QA MR IQ SO',
    'itu-connect2recover-arab': 'MR PS SY',
    'gci-2017-europe': 'EE FR NO GB NL',
    'gci-2018-georgia': 'GE',
    'gci-2020-americas': 'US CA BR MX UY DO CL CR CO CU HN',
    'gci-2020-senegal': 'SN GH BJ ZA ZM CI CM TD BF ZW',
    'gci-2020-bangladesh': 'BD KR SG IN CN PK LK NP',
    'gci-2020-portugal': 'PT',
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
