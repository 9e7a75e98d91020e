package standards

import (
	"slices"
	"strings"
	"testing"
)

// current returns the built-in catalog new audits get for id.
func current(t *testing.T, id string) *Catalog {
	t.Helper()
	c, ok := NewSet(Builtin()...).Find(id, "")
	if !ok || c.Superseded() || c.Source != SourceBuiltin {
		t.Fatalf("no current built-in %s", id)
	}
	return c
}

// TestBuiltinsSayHowSure checks what a certification body holds the
// built-in catalogs to: every requirement names who must meet it and how
// sure the catalog is of it, a reconstruction says what is reconstructed,
// and a confirmed weight names its source. Every due year is a
// reconstruction (the 1/3/6 ladder could not be confirmed), and so is every
// critical flag that no cited source carries.
func TestBuiltinsSayHowSure(t *testing.T) {
	for _, id := range []string{DefaultID, "craft-2.0"} {
		c := current(t, id)
		if strings.TrimSpace(c.AreasNote) == "" {
			t.Errorf("%s: no areas_note saying the areas are assay's grouping", id)
		}
		for _, r := range c.Requirements {
			if !slices.Contains(Parties, r.Responsible) {
				t.Errorf("%s %s: responsible %q", id, r.ID, r.Responsible)
			}
			switch r.Basis {
			case BasisReconstructed:
				if strings.TrimSpace(r.BasisNote) == "" {
					t.Errorf("%s %s: reconstructed without a note", id, r.ID)
				}
			case BasisConfirmed:
				if len(r.References) == 0 && !strings.Contains(r.BasisNote, "confirmed") {
					t.Errorf("%s %s: confirmed, but names no source", id, r.ID)
				}
				if r.Level == Progress {
					t.Errorf("%s %s: confirmed, but its due year %d is a reconstruction", id, r.ID, r.DueYear)
				}
			default:
				t.Errorf("%s %s: no basis", id, r.ID)
			}
			if r.Level == Progress && !strings.Contains(r.BasisNote, "due year") {
				t.Errorf("%s %s: the due year is not marked as reconstructed: %q", id, r.ID, r.BasisNote)
			}
			if r.Critical && r.Basis == BasisReconstructed && !strings.Contains(r.BasisNote, "critical flag") {
				t.Errorf("%s %s: the critical flag is not marked as reconstructed: %q", id, r.ID, r.BasisNote)
			}
		}
	}
}

// refsOf returns the references of one requirement, failing when it is
// missing.
func refsOf(t *testing.T, c *Catalog, id string) string {
	t.Helper()
	r, ok := c.Requirement(id)
	if !ok {
		t.Fatalf("%s: no requirement %s", c.ID, id)
	}
	return strings.Join(r.References, "; ")
}

// TestFairminedFidelity pins the corrections research found: Minamata and
// ILO bases cited, the buyer's duties marked, scope requirements in
// chapter 0, one requirement for excluded areas, and 3.2.1 covering every
// worst form of child labour.
func TestFairminedFidelity(t *testing.T) {
	c := current(t, DefaultID)
	for id, want := range map[string]string{
		"2.1.1":  "Minamata Convention on Mercury, Annex C §1(b)(i)",
		"2.1.2":  "Annex C §1(b)(iii)",
		"2.1.12": "Annex C §1(b)(iv)",
		"3.2.1":  "ILO C182 Art. 3",
		"3.2.2":  "ILO C138 Art. 2",
		"3.2.3":  "ILO C138",
		"3.2.4":  "ILO C182",
		"3.3.1":  "ILO C29",
		"3.3.2":  "ILO P29",
		"3.3.3":  "ILO C29",
	} {
		if got := refsOf(t, c, id); !strings.Contains(got, want) {
			t.Errorf("%s references %q, want %q", id, got, want)
		}
	}
	for _, id := range []string{"2.1.1", "2.1.2", "2.1.12", "3.2.1", "3.3.1", "3.3.2", "3.3.3"} {
		if r, _ := c.Requirement(id); !r.Critical || r.Basis != BasisConfirmed {
			t.Errorf("%s: critical %v basis %q, want a confirmed critical flag", id, r.Critical, r.Basis)
		}
	}
	for id, want := range map[string]Party{
		"4.3.1": PartyBuyer, "4.3.2": PartyBuyer, "4.4.1": PartyBuyer, "4.4.2": PartyBuyer, "4.4.3": PartyBuyer,
		"4.5.1": PartyBoth, "4.5.3": PartyBoth, "4.3.3": PartyASMO, "4.4.4": PartyASMO, "2.1.6": PartyASMO,
	} {
		if r, ok := c.Requirement(id); !ok || r.Responsible != want {
			t.Errorf("%s: responsible %q, want %q", id, r.Responsible, want)
		}
	}
	for _, id := range []string{"4.3.1", "4.3.2", "4.4.3", "0.2.1"} {
		if r, _ := c.Requirement(id); r.Basis != BasisReconstructed {
			t.Errorf("%s: its figures rest on secondary sources or none, but basis is %q", id, r.Basis)
		}
	}
	for _, id := range []string{"0.2.1", "0.2.5", "0.2.6", "0.2.8"} {
		r, ok := c.Requirement(id)
		if !ok || !strings.HasPrefix(r.Chapter, "0.2 Scope of the Standard: ") {
			t.Errorf("%s: not in the scope section: %+v", id, r)
		}
	}
	for _, gone := range []string{"1.2.3", "1.2.4", "1.2.6", "1.3.8", "2.2.3"} {
		if _, ok := c.Requirement(gone); ok {
			t.Errorf("%s is still in the catalog after moving to chapter 0", gone)
		}
	}
	r, _ := c.Requirement("3.2.1")
	for _, form := range []string{"trafficking", "debt bondage", "armed conflict", "prostitution", "illicit", "hazardous"} {
		if !strings.Contains(r.Text, form) {
			t.Errorf("3.2.1 does not cover %q: %s", form, r.Text)
		}
	}
	if !strings.Contains(c.AreasNote, "assay's grouping") || !strings.Contains(c.AreasNote, "chemicals") {
		t.Errorf("areas_note: %q", c.AreasNote)
	}
}

// TestCraftHoldsOnlyV20 checks that the CRAFT catalog no longer carries the
// two requirements that resemble the v2.1 additions, and cites the OECD,
// ILO and Minamata sources where its modules rest on them.
func TestCraftHoldsOnlyV20(t *testing.T) {
	c := current(t, "craft-2.0")
	for _, gone := range []string{"4.5", "4.8"} {
		if _, ok := c.Requirement(gone); ok {
			t.Errorf("craft %s (a v2.1 addition) is still there", gone)
		}
	}
	for id, want := range map[string]string{
		"3.1": "ILO C182 Art. 3", "3.2": "ILO C29", "3.5": "Annex II", "4.7": "Annex II",
		"5.4": "ILO C138", "5.6": "Annex C §1(b)(i)", "5.10": "Annex C §1(b)(iv)",
	} {
		if got := refsOf(t, c, id); !strings.Contains(got, want) {
			t.Errorf("craft %s references %q, want %q", id, got, want)
		}
	}
	if !strings.Contains(c.Provenance, "craftmines.org") || !strings.Contains(c.Provenance, "v2.1") {
		t.Errorf("provenance does not record the sources of the v2.0/v2.1 decision: %q", c.Provenance)
	}
}

// TestSupersededBuiltins checks that the editions audits were made with
// are still built in, unchanged to the byte (their SHA-256 is what those
// audits recorded), marked as superseded, and never chosen for new work.
func TestSupersededBuiltins(t *testing.T) {
	set := NewSet(Builtin()...)
	for _, old := range []Identity{
		// Recorded by testdata/audits/complete and every audit made before 2.0-assay.2.
		{ID: DefaultID, Version: "2.0", SHA256: "fefafec6dae1b8baa39ce8911d34eb09dc6220afee86004eb101f33b16d46a70"},
		{ID: "craft-2.0", Version: "2.0", SHA256: "41d828faa551609f7bec156c97d8b66250112c81b7edda7584a67153cc2a4a0f"},
	} {
		c, err := set.ForIdentity(old)
		if err != nil {
			t.Fatalf("%s %s: %v", old.ID, old.Version, err)
		}
		if !c.Superseded() || c.SupersededBy != "2.0-assay.2" || c.Source != SourceBuiltin {
			t.Errorf("%s %s: superseded by %q, source %q", old.ID, old.Version, c.SupersededBy, c.Source)
		}
		now, _ := set.Find(old.ID, "")
		if now == c || now.Version != "2.0-assay.2" {
			t.Errorf("%s: new work gets version %s", old.ID, now.Version)
		}
	}
	if d := set.Default(); d.Version != "2.0-assay.2" {
		t.Errorf("Default() is version %s", d.Version)
	}
}

// TestSupersededParsedOnlyWhenNeeded checks that a set does not parse the
// earlier editions for work that does not need them: every command loads
// the catalogs, and only audits made with an earlier edition need it.
func TestSupersededParsedOnlyWhenNeeded(t *testing.T) {
	set := NewSet(Builtin()...)
	cur := set.Default()
	if _, err := set.ForIdentity(cur.Identity()); err != nil {
		t.Fatal(err)
	}
	set.Find("craft-2.0", "")
	if set.superseded {
		t.Errorf("the superseded editions were added for current work")
	}
	if c, ok := set.Find(DefaultID, "2.0"); !ok || !c.Superseded() || !set.superseded {
		t.Errorf("asking for version 2.0 did not find the superseded edition")
	}
	// A catalog from the home with the same id and version wins.
	official, _ := Parse("official.toml", []byte(userCatalog(DefaultID, "2.0", "Official")))
	set = NewSet(append(Builtin(), official)...)
	if c, _ := set.Find(DefaultID, "2.0"); c != official {
		t.Errorf("version 2.0 is not the home's file")
	}
	n := 0
	for _, c := range set.All() {
		if c.ID == DefaultID && c.Version == "2.0" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("All has %d fairmined-2.0 2.0 catalogs, want the home's only", n)
	}
}

// TestFindPrefersHomeFiles checks that a certification body's official
// file wins for new audits over the built-in paraphrase, even though the
// paraphrase's edition number sorts higher, and that an explicit version
// still finds each.
func TestFindPrefersHomeFiles(t *testing.T) {
	official, err := Parse("official.toml", []byte(userCatalog(DefaultID, "2.0", "Official")))
	if err != nil {
		t.Fatal(err)
	}
	set := NewSet(append(Builtin(), official)...)
	if got, _ := set.Find(DefaultID, ""); got != official {
		t.Errorf("new work gets %s %s from %s", got.ID, got.Version, got.Source)
	}
	if got, _ := set.Find(DefaultID, "2.0-assay.2"); got == nil || got.Source != SourceBuiltin {
		t.Errorf("the built-in edition is not found by version")
	}
	local, _ := Parse("local.toml", []byte(userCatalog("local", "1.0", "L")))
	local2, _ := Parse("local2.toml", []byte(userCatalog("local", "1.1", "L")))
	if got, _ := NewSet(local2, local).Find("local", ""); got != local2 {
		t.Errorf("among home files the highest version should win, got %s", got.Version)
	}
}
