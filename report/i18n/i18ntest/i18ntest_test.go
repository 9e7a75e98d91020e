package i18ntest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestUsesFindsEveryKindOfUse: literal ids in calls, with their Args keys
// and whether a count is passed; ids in *IDs tables; and calls whose id
// cannot be checked.
func TestUsesFindsEveryKindOfUse(t *testing.T) {
	dir := t.TempDir()
	src := `package x

var areaIDs = map[string]string{"social": "area_social", "labour": "area_labour"}
var monthIDs = [2]string{"month_1", "month_2"}

func f(d doc, id string) {
	d.t("title", nil)
	d.t("greeting", i18n.Args{"Name": "Ana"})
	d.n("plants", 3, Args{"Site": "x"})
	d.t(id, nil)
	other("not_a_message")
}

func (d doc) t(id string, a Args) string { return d.l.T(id, a) }
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package x\nfunc g(d doc) { d.t(\"only_in_tests\", nil) }\n"), 0o644)
	uses, bad, err := Uses(dir, []string{"t", "n"}, []string{"n"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, u := range uses {
		ids = append(ids, u.ID)
		switch u.ID {
		case "greeting":
			if !slices.Equal(u.Args, []string{"Name"}) || u.Plural {
				t.Errorf("greeting: %+v", u)
			}
		case "plants":
			if !slices.Equal(u.Args, []string{"Site"}) || !u.Plural {
				t.Errorf("plants: %+v", u)
			}
		case "title":
			if u.Args != nil {
				t.Errorf("title passes no Args literal: %+v", u)
			}
		}
	}
	slices.Sort(ids)
	want := []string{"area_labour", "area_social", "greeting", "month_1", "month_2", "plants", "title"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	if len(bad) != 1 || !strings.Contains(bad[0], "x.go:10") {
		t.Errorf("bad = %v, want the call with a computed id", bad)
	}
}
