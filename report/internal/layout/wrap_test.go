package layout

import (
	"strings"
	"testing"
	"time"
)

// A note pasted as one long unbroken run (a hash, a URL, a stuck key) must
// wrap in time proportional to its length: re-measuring the rest of the word
// after every cut made 400k characters take 6 s and a 30 MB note hang the
// export. The wrapped lines must also give back the text and fit the width.
func TestQAWrapLongUnbrokenWordIsLinear(t *testing.T) {
	d := New(Options{})
	d.Font("", 9, Text)
	word := strings.Repeat("é", 1<<20)
	const w = 100.0
	start := time.Now()
	lines := d.Wrap(word, w)
	if el := time.Since(start); el > 20*time.Second {
		t.Fatalf("wrapping a 1M-character word took %v", el)
	}
	if got := strings.Join(lines, ""); got != word {
		t.Fatalf("wrapped lines lost text: %d bytes back of %d", len(got), len(word))
	}
	for i, ln := range lines {
		if lw := d.pdf.GetStringWidth(ln); lw > w+1e-6 {
			t.Fatalf("line %d is %.2f mm wide, over %.0f", i, lw, w)
		}
	}
	if len(lines) < 2 {
		t.Fatalf("got %d lines, want the word cut into many", len(lines))
	}
}
