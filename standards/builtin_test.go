package standards

import (
	"os"
	"testing"
)

// TestBuiltinsParse checks that every embedded catalog file parses: a
// broken built-in would otherwise silently vanish from the program.
func TestBuiltinsParse(t *testing.T) {
	cats := append(Builtin(), SupersededBuiltin()...)
	for _, err := range append(builtinErrors, supersededErrors...) {
		t.Errorf("built-in catalog broken:\n%v", err)
	}
	if len(Builtin()) != 2 || len(SupersededBuiltin()) != 2 {
		t.Fatalf("got %d current and %d superseded built-in catalogs, want fairmined and craft in each",
			len(Builtin()), len(SupersededBuiltin()))
	}
	for _, c := range cats {
		if c.Source != SourceBuiltin || len(c.SHA256) != 64 {
			t.Errorf("%s: source %q sha %q", c.ID, c.Source, c.SHA256)
		}
		if c.Name == "" || c.Publisher == "" || c.Licence == "" || c.Provenance == "" || c.Language == "" {
			t.Errorf("%s: provenance fields incomplete: name %q publisher %q licence %q language %q provenance %q",
				c.ID, c.Name, c.Publisher, c.Licence, c.Language, c.Provenance)
		}
		for _, r := range c.Requirements {
			if r.Line <= 0 {
				t.Errorf("%s %s: no line", c.ID, r.ID)
			}
			if len(r.Guidance) == 0 || len(r.Evidence) == 0 || r.Chapter == "" {
				t.Errorf("%s %s: guidance, evidence or chapter missing (an inspector needs them on site)", c.ID, r.ID)
			}
		}
	}
	// The embedded bytes are the files in the tree: the digest an audit
	// records is the digest of the file a reader can open.
	for _, name := range []string{"fairmined-2.0.toml", "craft-2.0.toml", "superseded/fairmined-2.0.toml", "superseded/craft-2.0.toml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Parse(name, data)
		if err != nil {
			t.Fatalf("%v", err)
		}
		b, ok := NewSet(cats...).Find(c.ID, c.Version)
		if !ok || b.SHA256 != c.SHA256 {
			t.Errorf("%s: built-in digest differs from the file's", name)
		}
	}
}

// counts tallies a catalog's requirements per area and per level.
func counts(c *Catalog) (perArea map[Area]int, perLevel map[Level]int, ecological int) {
	perArea, perLevel = map[Area]int{}, map[Level]int{}
	for _, r := range c.Requirements {
		perArea[r.Area]++
		perLevel[r.Level]++
		if r.AppliesTo == AppliesEcological {
			ecological++
		}
	}
	return perArea, perLevel, ecological
}

// TestBuiltinCoverage checks that the shipped catalogs are complete enough
// to audit with: every area well covered, both levels present.
func TestBuiltinCoverage(t *testing.T) {
	set := NewSet(Builtin()...)
	fm, ok := set.Find(DefaultID, "")
	if !ok || fm.Superseded() {
		t.Fatal("no current fairmined-2.0 built in")
	}
	perArea, perLevel, eco := counts(fm)
	t.Logf("fairmined-2.0: %d requirements, areas %v, levels %v, ecological %d", len(fm.Requirements), perArea, perLevel, eco)
	if len(fm.Requirements) < 80 {
		t.Errorf("fairmined-2.0 has %d requirements, want >= 80", len(fm.Requirements))
	}
	for _, a := range Areas {
		if perArea[a] < 10 {
			t.Errorf("fairmined-2.0 area %s has %d requirements, want >= 10", a, perArea[a])
		}
	}
	for _, l := range Levels {
		if perLevel[l] == 0 {
			t.Errorf("fairmined-2.0 has no %s requirement", l)
		}
	}
	if eco < 1 {
		t.Errorf("fairmined-2.0 has no Ecological-only requirement")
	}

	craft, ok := set.Find("craft-2.0", "")
	if !ok || craft.Superseded() {
		t.Fatal("no current craft-2.0 built in")
	}
	perArea, perLevel, eco = counts(craft)
	t.Logf("craft-2.0: %d requirements, areas %v, levels %v, ecological %d", len(craft.Requirements), perArea, perLevel, eco)
	if len(craft.Requirements) < 30 {
		t.Errorf("craft-2.0 has %d requirements, want >= 30", len(craft.Requirements))
	}
}

// TestAnnotatedExample checks that the documented example catalog, which
// certification bodies copy, is itself a valid catalog.
func TestAnnotatedExample(t *testing.T) {
	const path = "../testdata/standards/example-annotated.toml"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the README points to this example: %v", err)
	}
	c, err := Parse(path, data)
	if err != nil {
		t.Fatalf("the documented example does not validate:\n%v", err)
	}
	perArea, perLevel, eco := counts(c)
	for _, a := range Areas {
		if perArea[a] == 0 {
			t.Errorf("example has no %s requirement", a)
		}
	}
	if perLevel[Entry] == 0 || perLevel[Progress] == 0 || eco == 0 {
		t.Errorf("example should show both levels and an ecological requirement: %v, ecological %d", perLevel, eco)
	}
	// It shows a complete translation, the way translators will work.
	for _, p := range c.MissingTranslations("es") {
		t.Errorf("example's Spanish translation incomplete: %s", p.Error())
	}
	if got := c.Requirements[0].In("es"); got.Fallback || got.Title == c.Requirements[0].Title {
		t.Errorf("example requirement in es: %+v", got)
	}
}
