package audit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The crash test's audit versions: version n has "version n" in the first
// finding's note and about 50 KB of notes derived from n, so a torn or
// mixed file cannot pass for a saved version.
const crashNoteBytes = 50 << 10

func crashNotes(n int) string {
	unit := fmt.Sprintf("version %d: Señora Núñez, pallaquera, selecciona mineral en la cancha; ", n)
	return strings.Repeat(unit, crashNoteBytes/len(unit)+1)[:crashNoteBytes]
}

// crashHalf is half of version n's notes, cut on a character boundary so
// it survives JSON unchanged.
func crashHalf(n int) string {
	return strings.ToValidUTF8(crashNotes(n)[:crashNoteBytes/2], "")
}

func setCrashVersion(a *Audit, n int) {
	for i, id := range []string{"1.1.1", "1.1.2", "1.2.1"} {
		f := a.Finding(id)
		f.Verdict = Conforms
		if i == 0 {
			f.Notes = "version " + strconv.Itoa(n)
		} else {
			f.Notes = crashHalf(n)
		}
	}
}

// crashCounter returns the version an audit holds, checking that all of it
// belongs to that one version.
func crashCounter(t testing.TB, a *Audit) int {
	t.Helper()
	f := a.Findings["1.1.1"]
	if f == nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimPrefix(f.Notes, "version "))
	if err != nil {
		t.Fatalf("unexpected note %q", f.Notes)
	}
	for _, id := range []string{"1.1.2", "1.2.1"} {
		if g := a.Findings[id]; g == nil || g.Notes != crashHalf(n) {
			t.Fatalf("finding %s does not belong to version %d", id, n)
		}
	}
	return n
}

// crashKills is how many times the saving process is killed: the test is
// about what each kill leaves, not about how fast kills come.
const crashKills = 120

// crashTimeCap bounds the test's time on a machine shared by many test
// runs (under -race on two loaded cores a kill can take a second): past
// it the test stops and skips, saying how many kills it checked, all of
// which passed. Only a wrong version on disk fails it.
const crashTimeCap = 3 * time.Minute

// TestKillDuringSaveLeavesAWholeVersion kills a process that saves in a
// tight loop, at random moments, over and over; every time, the audit on
// disk must load and be exactly one of the versions saved: the last one
// the process reported, or the one it was in the middle of.
func TestKillDuringSaveLeavesAWholeVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("crash loop skipped in -short mode")
	}
	s := stStore(t)
	a := New(stCatalog(t), stHeader(), time.Now())
	setCrashVersion(a, 0)
	h, err := s.Create(a)
	if err != nil {
		t.Fatal(err)
	}
	h.Close()

	kills := crashKills
	deadline := time.Now().Add(crashTimeCap)
	last, midSave := 0, 0
	for i := 0; i < kills; i++ {
		if time.Now().After(deadline) {
			// Check the backup below with what was done, then skip.
			kills = i
			break
		}
		c := startChild(t, "saveloop", s.Home(), a.ID)
		c.waitLine(t, "open", 20*time.Second)
		// Let it save a few times, then kill it at a random instant.
		first, _ := strconv.Atoi(c.waitLine(t, "saved ", 20*time.Second))
		time.Sleep(time.Duration(rand.IntN(4000)) * time.Microsecond)
		c.kill()
		confirmed := first
		for l := range c.lines {
			if n, ok := strings.CutPrefix(l, "saved "); ok {
				confirmed, _ = strconv.Atoi(n)
			}
			if strings.HasPrefix(l, "ERR") {
				t.Fatalf("helper: %s", l)
			}
		}
		got, err := s.Load(a.ID)
		if err != nil {
			t.Fatalf("kill %d: the audit does not load: %v", i, err)
		}
		n := crashCounter(t, got)
		if n < confirmed || n > confirmed+1 {
			t.Fatalf("kill %d: audit holds version %d; the process had saved %d", i, n, confirmed)
		}
		if n == confirmed+1 {
			midSave++
		}
		if n < last {
			t.Fatalf("kill %d: went back from version %d to %d", i, last, n)
		}
		last = n
	}
	// The backup is a whole version too, never newer than the audit: the
	// same one when the kill fell between backing up and the rename.
	data, err := os.ReadFile(filepath.Join(s.Home(), "audits", a.ID, "audit.json.bak"))
	if err != nil {
		t.Fatal(err)
	}
	bak, err := DecodeAudit(data)
	if err != nil {
		t.Fatalf("audit.json.bak: %v", err)
	}
	if n := crashCounter(t, bak); n > last || n < 0 {
		t.Errorf("backup holds version %d, current %d", n, last)
	}
	t.Logf("%d kills, %d versions saved, %d kills landed between a save's rename and its report", kills, last, midSave)
	if kills < crashKills {
		t.Skipf("stopped after %d of %d kills (all whole versions): the %v time cap ran out on a loaded machine", kills, crashKills, crashTimeCap)
	}
}
