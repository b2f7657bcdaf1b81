package datetime

// docs are the module's docstrings help() shows.
var docs = map[string]string{
	"datetime.date":      "date(year, month, day)\n\nA calendar date. date.today(), date.fromisoformat('2024-01-02'); ± timedelta, date − date; weekday(), isoformat(), strftime(format), replace(...).",
	"datetime.datetime":  "datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0)\n\nA date and a time of day, naive (Burst has no time zones). datetime.now(), strptime(s, format), fromisoformat(s); ± timedelta, datetime − datetime; date(), time(), strftime(format), isoformat(sep='T'), replace(...), timestamp().",
	"datetime.time":      "time(hour=0, minute=0, second=0, microsecond=0)\n\nA time of day, naive.",
	"datetime.timedelta": "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nA duration, kept as days, seconds and microseconds; ± timedelta, × and ÷ by numbers, ÷ by a timedelta; total_seconds().",
	"datetime.timezone":  "timezone(offset, name=None)\n\nBurst's datetime has no time zones: this says so. Use naive datetimes.",
	"datetime.tzinfo":    "tzinfo()\n\nBurst's datetime has no time zones: this says so. Use naive datetimes.",
}

// methodDocs document the methods of dates, datetimes and timedeltas.
var methodDocs = map[string]string{
	"strftime":      "strftime(format)\n\nThe date formatted with % directives (%Y-%m-%d %H:%M:%S, %a, %B, %j, …), as Python on Linux.",
	"strptime":      "strptime(date_string, format)\n\nThe datetime that date_string spells in format (% directives).",
	"isoformat":     "isoformat(sep='T', timespec='auto')\n\nThe ISO 8601 text: 2024-01-02T03:04:00.",
	"fromisoformat": "fromisoformat(date_string)\n\nThe date or datetime of an ISO 8601 text (2024-01-02, 2024-01-02T03:04:05).",
	"total_seconds": "total_seconds()\n\nThe duration in seconds, as a float.",
	"isoweekday":    "isoweekday()\n\nThe day of the week, Monday 1 … Sunday 7.",
	"isocalendar":   "isocalendar()\n\n(ISO year, ISO week number, ISO weekday).",
	"toordinal":     "toordinal()\n\nThe day number, 0001-01-01 being 1.",
	"combine":       "combine(date, time)\n\nThe datetime of a date and a time.",
	"timestamp":     "timestamp()\n\nSeconds since the Unix epoch, the naive datetime taken as local time.",
}
