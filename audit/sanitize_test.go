package audit

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spanish text intact", "Señora Núñez, pallaquera — ¿día 3?", "Señora Núñez, pallaquera — ¿día 3?"},
		{"other scripts intact", "金矿 · ذهب · 🪙", "金矿 · ذهب · 🪙"},
		{"colour", "\x1b[31mrojo\x1b[0m normal", "rojo normal"},
		{"csi with params", "a\x1b[1;38;5;196mb\x1b[?25lc", "abc"},
		{"window title", "\x1b]0;title\x07después", "después"},
		{"osc 52 clipboard with ST", "x\x1b]52;c;ZXZpbA==\x1b\\y", "xy"},
		{"bell", "ding\x07dong", "dingdong"},
		{"nul", "a\x00b", "ab"},
		{"del and C0", "a\x7fb\x01c\x1fd", "abcd"},
		{"tabs and newlines kept", "uno\tdos\ntres", "uno\tdos\ntres"},
		{"crlf", "line 1\r\nline 2\rline 3", "line 1\nline 2\nline 3"},
		{"lone esc at end", "fin\x1b", "fin"},
		{"charset select", "\x1b(Bplain", "plain"},
		{"two-byte esc", "\x1b7saved\x1b8", "saved"},
		{"c1 controls", "a\u0085b\u009b31mc", "abc"},
		{"c1 osc", "a\u009d0;t\u009cb", "ab"},
		{"invalid utf-8", "ok\xff\xfe!", "ok!"},
		{"unterminated osc stops at newline", "\x1b]0;broken\nnext line", "\nnext line"},
		{"malformed csi", "\x1b[12\x00text", "text"},
		{"esc before non-ascii", "\x1bñ", "ñ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sanitize(tt.in)
			if got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Sanitize(got); again != got {
				t.Errorf("Sanitize is not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b[31mx", "\x1b]0;t\x07", "a\r\nb", "Núñez", "\xc2\x9b1m", "\x1b]52;c;\x1b\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q: %q", s, out)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				t.Fatalf("control %U left in %q (from %q)", r, out, s)
			}
		}
		if strings.Contains(out, "\x1b") {
			t.Fatalf("ESC left in %q", out)
		}
		if Sanitize(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}
