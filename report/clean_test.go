package report

import "testing"

// Text printed in the PDF loses every terminal escape, not only colour
// codes: a window-title OSC, a DCS string, the 8-bit C1 forms. Their
// payload (a title, a link target) must not appear as text either.
func TestCleanStripsEveryTerminalEscape(t *testing.T) {
	for in, want := range map[string]string{
		"a\x1b[31mb\x1b[0m":                "ab",
		"a\x1b]0;pwned\x07b":               "ab",
		"a\x1b]8;;http://x.example\x1b\\b": "ab",
		"a\x1bPq#0;2;0;0;0\x1b\\b":         "ab",
		"a\u009b31mb":                      "ab",
		"a\u009d0;title\u009cb":            "ab",
		"Señora Núñez\tpallaquera\r\nacta": "Señora Núñez    pallaquera\nacta",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}
