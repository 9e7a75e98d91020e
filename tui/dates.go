package tui

import (
	"strconv"
	"strings"

	"github.com/assay-dev/assay/audit"
)

// maxDaysAfter bounds "+N" in a due date: ten years is far past any
// corrective action's deadline, and keeps the sum a real date.
const maxDaysAfter = 3650

// typedDate reads what was typed into a date field as a date: a
// YYYY-MM-DD date as it is, "today" (in English or the UI's language,
// "hoy") as today, and "+N" as N days after the date after (a due date:
// days after the audit's end date), when after is a date. ok is false for
// anything else, and the caller shows audit.ParseDate's problem.
func (c *common) typedDate(v, after string) (string, bool) {
	v = strings.TrimSpace(v)
	switch low := strings.ToLower(v); {
	case low == "today" || low == strings.ToLower(c.w.t("date_today", nil)):
		return c.now().Format(audit.DateLayout), true
	case strings.HasPrefix(v, "+") && after != "":
		n, err := strconv.Atoi(v[1:])
		base, perr := audit.ParseDate(after)
		if err != nil || perr != nil || n < 0 || n > maxDaysAfter || v[1:] == "" || strings.ContainsAny(v[1:], "+-") {
			return "", false
		}
		return base.AddDate(0, 0, n).Format(audit.DateLayout), true
	}
	if _, err := audit.ParseDate(v); err != nil {
		return "", false
	}
	return v, true
}

// dateFields are the header's date fields: "today" fills them too.
var dateFields = map[string]bool{"start_date": true, "end_date": true, "closing.date": true}
