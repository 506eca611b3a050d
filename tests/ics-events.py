#!/usr/bin/env python3
# Prints the events of an iCalendar file as JSON, read with the icalendar
# package, so that the iCalendar tests check what another parser reads.
# Usage: ics-events.py FILE.ics
# Exits with 77, the "skipped" status, when the package is missing.

import json
import sys

try:
    import icalendar
except ImportError:
    sys.exit(77)


def when(value):
    if value is None:
        return None
    moment = value.dt
    if hasattr(moment, "hour"):
        return {"kind": "date-time", "value": moment.isoformat()}
    return {"kind": "date", "value": moment.isoformat()}


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


with open(sys.argv[1], "rb") as source:
    calendar = icalendar.Calendar.from_ical(source.read())

events = []
for event in calendar.walk("VEVENT"):
    categories = event.get("CATEGORIES")
    events.append({
        "uid": text(event, "UID"),
        "summary": text(event, "SUMMARY"),
        "description": text(event, "DESCRIPTION"),
        "location": text(event, "LOCATION"),
        "url": text(event, "URL"),
        "status": text(event, "STATUS"),
        "transp": text(event, "TRANSP"),
        "sequence": int(event.get("SEQUENCE", -1)),
        "categories": None if categories is None else [str(c) for c in categories.cats],
        "start": when(event.get("DTSTART")),
        "end": when(event.get("DTEND")),
        "stamp": when(event.get("DTSTAMP")),
    })

print(json.dumps({
    "version": text(calendar, "VERSION"),
    "prodid": text(calendar, "PRODID"),
    "method": text(calendar, "METHOD"),
    "name": text(calendar, "X-WR-CALNAME"),
    "events": events,
}, ensure_ascii=False))
