/* cirt-style.h — the look every surface shares: type families and colours
 * of the charts (screen, files, report), the report and the workbook
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Text of the charts and the report: Cantarell where the GNOME fonts are
 * installed, else DejaVu Sans (shipped by Debian with cairo). */
#define CIRT_FONT_SANS "Cantarell,DejaVu Sans,sans"
#define CIRT_FONT_MONO "DejaVu Sans Mono"

/* Document colours (0xRRGGBB), the report's and the workbook's. */
#define CIRT_COLOR_INK        0x1B2733
#define CIRT_COLOR_NAVY       0x16365C
#define CIRT_COLOR_NAVY_LIGHT 0xBFD0E6
#define CIRT_COLOR_MUTED      0x5B6675
#define CIRT_COLOR_BAND       0xE9EEF4
#define CIRT_COLOR_ZEBRA      0xF5F7FA
#define CIRT_COLOR_RULE       0xB9C4D0
#define CIRT_COLOR_WARNING    0x9A3412
#define CIRT_COLOR_WARNING_BG 0xFCEFE6
#define CIRT_COLOR_WHITE      0xFFFFFF

/* Series colours: the Okabe–Ito palette, told apart by the common colour
 * vision deficiencies (vermillion D55E00, orange E69F00, yellow F0E442,
 * sky blue 56B4E9, blue 0072B2, bluish green 009E73, reddish purple
 * CC79A7). The same in the charts on screen, in every file and in the
 * workbook's native charts. */
#define CIRT_COLOR_CURRENT    0x0072B2
#define CIRT_COLOR_TARGET     0xD55E00
#define CIRT_COLOR_BASELINE   0xCC79A7
#define CIRT_COLOR_ANSWERED   0x009E73
/* The five maturity levels, from Start-up to Dynamic. */
#define CIRT_COLOR_LEVEL_1    0xD55E00
#define CIRT_COLOR_LEVEL_2    0xE69F00
#define CIRT_COLOR_LEVEL_3    0xF0E442
#define CIRT_COLOR_LEVEL_4    0x56B4E9
#define CIRT_COLOR_LEVEL_5    0x0072B2
