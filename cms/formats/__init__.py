"""Date, time and number formats where Django's own are missing or not how people write them.

Django's format modules for Bulgarian and Estonian define only a few formats;
the rest fall back to the US defaults (11/29/2026 5:09 p.m.). English here is
the platform's international English (CLDR en-150): day before month, 24-hour
clock. Hungarian writes numeric dates with a space after each dot
(2025. 11. 04.). Each module names only what it changes: anything it leaves
out comes from Django's module for that language.

Every DATE_INPUT_FORMATS list accepts the form SHORT_DATE_FORMAT shows, so a
date copied from a page can be typed back into a form; Django adds the ISO
forms (2025-11-04) that browsers' date pickers send.
"""
