package main

import (
	"maps"

	"github.com/assay-dev/assay/report"
)

// findingsKindIDs word what verify finds about the findings data attached
// beside audit.json; added to verifyKindIDs so that table need not change.
var findingsKindIDs = map[report.Kind]string{
	report.KindRevReplacesFindings: "finding_rev_replaces_findings",
	report.KindFindingsBad:         "finding_findings_bad",
	report.KindFindingsMismatch:    "finding_findings_mismatch",
}

func init() { maps.Copy(verifyKindIDs, findingsKindIDs) }
