package standards

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// userCatalog is a small valid catalog with a given id and version.
func userCatalog(id, version, title string) string {
	return `id = "` + id + `"
version = "` + version + `"
name = "User catalog"

[[requirement]]
id = "U.1"
area = "social"
title = "` + title + `"
text = "Text."
level = "entry"
`
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadUserCatalogs checks what a certification body sees after dropping
// files into the home: its official file replaces the built-in, a new
// catalog is added, a broken file and a duplicate are reported and skipped.
func TestLoadUserCatalogs(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, "standards")
	official := filepath.Join(dir, "a-official.toml")
	writeFile(t, official, userCatalog(DefaultID, "2.0", "Official wording"))
	writeFile(t, filepath.Join(dir, "b-copy.toml"), userCatalog(DefaultID, "2.0", "Second copy"))
	writeFile(t, filepath.Join(dir, "c-broken.toml"), "id = \"x\"\nversion = \"1\"\n[[requirement]]\nid = \"Q\"\narea = \"moon\"\n")
	writeFile(t, filepath.Join(dir, "d-local.toml"), userCatalog("local", "1.0", "Local rule"))
	writeFile(t, filepath.Join(dir, "notes.txt"), "not a catalog")

	set, errs := Load(home)
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		filepath.Join(dir, "b-copy.toml") + ":1: duplicate-catalog catalog=fairmined-2.0 2.0 first=" + official,
		filepath.Join(dir, "c-broken.toml") + `:5: requirement Q: unknown-value key=area value="moon"`,
		filepath.Join(dir, "c-broken.toml") + ": skipped",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("errors lack %q:\n%s", want, all)
		}
	}

	fm, ok := set.Find(DefaultID, "2.0")
	if !ok || fm.Source != official || fm.Requirements[0].Title != "Official wording" {
		t.Fatalf("fairmined-2.0 not replaced by the official file: %+v", fm)
	}
	if set.Default() != fm {
		t.Errorf("Default() is not the user's fairmined file")
	}
	if _, ok := set.Find("local", ""); !ok {
		t.Errorf("local catalog not loaded")
	}
	if _, ok := set.Find("x", ""); ok {
		t.Errorf("broken catalog loaded")
	}
	// Built-ins not replaced are still there.
	for _, b := range Builtin() {
		if b.ID == DefaultID {
			continue
		}
		if c, ok := set.Find(b.ID, b.Version); !ok || c.Source != SourceBuiltin {
			t.Errorf("built-in %s lost", b.ID)
		}
	}
	// All is sorted by id then version.
	ids := []string{}
	for _, c := range set.All() {
		ids = append(ids, c.ID)
	}
	if !slicesSorted(ids) {
		t.Errorf("All not sorted: %v", ids)
	}
}

func slicesSorted(s []string) bool {
	for i := 1; i < len(s); i++ {
		if s[i-1] > s[i] {
			return false
		}
	}
	return true
}

// TestLoadNoHome checks that a home without a standards folder gives the
// built-ins and no error.
func TestLoadNoHome(t *testing.T) {
	set, errs := Load(t.TempDir())
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if n := len(Builtin()) + len(SupersededBuiltin()); len(set.All()) != n || n == 0 {
		t.Fatalf("got %d catalogs, want the %d built-ins", len(set.All()), n)
	}
	if d := set.Default(); d == nil || d.ID != DefaultID || d.Source != SourceBuiltin {
		t.Fatalf("Default() = %+v", d)
	}
}

// TestFindVersions checks that an empty version finds the highest one,
// comparing version numbers as numbers.
func TestFindVersions(t *testing.T) {
	var cats []*Catalog
	for _, v := range []string{"10.0", "2.0", "9.1"} {
		c, err := Parse("v"+v+".toml", []byte(userCatalog("v", v, "T")))
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	set := NewSet(cats...)
	if c, ok := set.Find("v", ""); !ok || c.Version != "10.0" {
		t.Errorf("Find(v, \"\") = %+v, want version 10.0", c)
	}
	if c, ok := set.Find("v", "9.1"); !ok || c.Version != "9.1" {
		t.Errorf("Find(v, 9.1) = %+v", c)
	}
	if _, ok := set.Find("v", "3"); ok {
		t.Errorf("Find(v, 3) found something")
	}
	var got []string
	for _, c := range set.All() {
		if c.ID == "v" {
			got = append(got, c.Version)
		}
	}
	if strings.Join(got, " ") != "2.0 9.1 10.0" {
		t.Errorf("All versions %v", got)
	}
}

// TestForIdentity checks how an audit finds its catalog again: the same
// file, a changed file (catalog and a ChangedError naming both digests),
// and a missing catalog.
func TestForIdentity(t *testing.T) {
	old, err := Parse("old.toml", []byte(userCatalog("c", "1", "Before")))
	if err != nil {
		t.Fatal(err)
	}
	changed, err := Parse("/home/x/standards/c.toml", []byte(userCatalog("c", "1", "After")))
	if err != nil {
		t.Fatal(err)
	}
	set := NewSet(changed)

	if c, err := set.ForIdentity(changed.Identity()); err != nil || c != changed {
		t.Errorf("same identity: %v %v", c, err)
	}
	c, err := set.ForIdentity(old.Identity())
	var ce *ChangedError
	if c != changed || !errors.As(err, &ce) {
		t.Fatalf("changed file: got %v, %v; want the catalog and a *ChangedError", c, err)
	}
	msg := err.Error()
	for _, want := range []string{"changed since the audit was made", old.SHA256[:12], changed.SHA256[:12], "/home/x/standards/c.toml"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if c, err := set.ForIdentity(Identity{ID: "c", Version: "2", SHA256: old.SHA256}); c != nil || !errors.Is(err, ErrNotFound) ||
		!strings.Contains(err.Error(), "c 1") {
		t.Errorf("missing version: got %v, %v", c, err)
	}
	var nf *NotFoundError
	if _, err := set.ForIdentity(Identity{ID: "c", Version: "2"}); !errors.As(err, &nf) || nf.ID != "c" || nf.Version != "2" ||
		len(nf.Available) != 1 || nf.Available[0] != (Identity{ID: "c", Version: "1"}) {
		t.Errorf("missing version: the error's fields are %+v, want c 2 with c 1 available", nf)
	}
}
