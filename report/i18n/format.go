package i18n

import (
	"embed"
	"io/fs"
	"math"
	"strconv"
	"time"

	"golang.org/x/text/number"
)

//go:embed locales/*.toml
var commonFiles embed.FS

// commonFS holds the words every surface shares, <lang>.toml at its root.
var commonFS = mustSub(commonFiles, "locales")

func mustSub(f embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // a constant path in this package
	}
	return sub
}

// monthIDs are the message keys of the month names, January first.
var monthIDs = [12]string{"month_1", "month_2", "month_3", "month_4", "month_5", "month_6",
	"month_7", "month_8", "month_9", "month_10", "month_11", "month_12"}

// Date is t's calendar day in the language's long form: "24 November
// 2026", "24 de noviembre de 2026". The form (date_long) and the month
// names are messages, so a translator supplies them.
func (l *Localizer) Date(t time.Time) string {
	return l.T("date_long", Args{"Day": t.Day(), "Month": l.T(monthIDs[t.Month()-1], nil), "Year": t.Year()})
}

// DateTime is t as a date in the long form and the time of day with its
// zone: "20 November 2026, 15:04 UTC".
func (l *Localizer) DateTime(t time.Time) string {
	return l.T("date_time", Args{"Date": l.Date(t), "Time": t.Format("15:04 MST")})
}

// DateText is an ISO date ("2026-11-24") in the language's long form, for
// a date in a sentence; text that is not such a date (typed by hand, or
// empty) is returned as it is. Where a date is data (a table column, a
// file), keep the ISO form.
func (l *Localizer) DateText(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return l.Date(t)
}

// Int is n in the language's digits: "1,234" in English, "1234" and
// "12.345" in Spanish (CLDR groups Spanish thousands from five digits on;
// number_min_grouping, a message, says from how many digits the language
// groups).
func (l *Localizer) Int(n int) string {
	if l.ungrouped(float64(n)) {
		return strconv.Itoa(n)
	}
	return l.printer.Sprint(number.Decimal(n))
}

// Decimal is f with digits decimals in the language's form: "3.5" in
// English, "3,5" in Spanish, for numbers in prose (a file size, a share);
// coordinates and hashes are data and keep the dot.
func (l *Localizer) Decimal(f float64, digits int) string {
	opts := []number.Option{number.Scale(digits)}
	if l.ungrouped(f) {
		opts = append(opts, number.NoSeparator())
	}
	return l.printer.Sprint(number.Decimal(f, opts...))
}

// ungrouped reports whether a number this size is written without
// thousands separators in the language.
func (l *Localizer) ungrouped(f float64) bool {
	minG, err := strconv.Atoi(l.T("number_min_grouping", nil))
	if err != nil || minG < 1 {
		minG = 1
	}
	// Grouping starts at 3+min digits: 1000 (min 1) or 10000 (min 2).
	return math.Abs(f) < math.Pow10(3+minG-1)
}
