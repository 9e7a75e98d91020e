package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/standards/safefile"
)

// Commands capture values (a store, a handle, a private copy of the audit),
// never the model, so they can run while the model changes.

// statusTTL is how long a transient status message stays.
const statusTTL = 5 * time.Second

// afterClose says where to go once an audit's lock is released.
type afterClose int

const (
	closeToHome afterClose = iota
	closeToQuit
)

func loadEntriesCmd(s Store) tea.Cmd {
	return func() tea.Msg {
		es, err := s.List()
		return entriesLoadedMsg{entries: es, err: err}
	}
}

func openAuditCmd(s Store, id string) tea.Cmd {
	return func() tea.Msg {
		h, err := s.Open(id)
		if err != nil {
			return auditOpenedMsg{id: id, err: err}
		}
		return auditOpenedMsg{id: id, h: h, pos: s.LoadPosition(id)}
	}
}

func createAuditCmd(s Store, a *audit.Audit) tea.Cmd {
	return func() tea.Msg {
		h, err := s.Create(a)
		return auditCreatedMsg{h: h, err: err}
	}
}

// after delivers msg once d has passed. Tests replace the timer to fire
// it when they choose.
func (c *common) after(d time.Duration, msg tea.Msg) tea.Cmd {
	if c.timer != nil {
		return c.timer(d, msg)
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

// saveCmd writes copy, which nobody else holds, through the saver.
func saveCmd(sv *saver, copy *audit.Audit, rev int, now func() time.Time) tea.Cmd {
	return func() tea.Msg {
		err := sv.save(copy, rev)
		return auditSavedMsg{id: copy.ID, rev: rev, at: now(), err: err}
	}
}

func savePositionCmd(s Store, id string, p audit.Position) tea.Cmd {
	return func() tea.Msg {
		return positionSavedMsg{id: id, err: s.SavePosition(id, p)}
	}
}

func closeCmd(h Handle, then afterClose) tea.Cmd {
	return func() tea.Msg {
		return handleClosedMsg{then: then, err: h.Close()}
	}
}

func deleteCmd(s Store, id string) tea.Cmd {
	return func() tea.Msg { return auditDeletedMsg{id: id, err: s.Delete(id)} }
}

func restoreCmd(s Store, id string) tea.Cmd {
	return func() tea.Msg { return backupRestoredMsg{id: id, err: s.RestoreBackup(id)} }
}

// storeEvidenceCmd copies a file into the audit folder; the model then
// links it in its own audit.
func storeEvidenceCmd(h Handle, id, path, reqID string) tea.Cmd {
	return func() tea.Msg {
		ev, err := h.StoreEvidence(resolvePath(path))
		return evidenceStoredMsg{id: id, reqID: reqID, path: path, ev: ev, err: err}
	}
}

// deriveEvidenceCmd makes the report-ready image of an attached picture in
// the background: the inspector goes on working meanwhile.
func deriveEvidenceCmd(h Handle, id string, ev audit.Evidence) tea.Cmd {
	return func() tea.Msg {
		name, err := h.DeriveEvidence(ev)
		return evidenceDerivedMsg{id: id, sha: ev.SHA256, name: name, err: err}
	}
}

// loadSignerCmd looks up the signing key's certificate (a file read) for
// finalizing audit id.
func loadSignerCmd(f func() (*audit.Signer, error), id string) tea.Cmd {
	return func() tea.Msg {
		if f == nil {
			return signerLoadedMsg{id: id, err: audit.ErrNoSigner}
		}
		s, err := f()
		if err == nil && s == nil {
			err = audit.ErrNoSigner
		}
		return signerLoadedMsg{id: id, signer: s, err: err}
	}
}

// resolvePath turns a typed or completed path into the file's: a leading
// ~/ is the home folder, and a name with control characters, which the
// field shows escaped (\x01), is unescaped when no file has the escaped
// name itself.
func resolvePath(p string) string {
	p = expandHome(p)
	if _, err := os.Lstat(p); err == nil {
		return p
	}
	if u := unescapeControls(p); u != p {
		if _, err := os.Lstat(u); err == nil {
			return u
		}
	}
	return p
}

// escapeControls shows a file name's control characters and invalid bytes
// as \xNN (C1 controls as \u0080…), so the name can be seen, typed and
// attached without any of them reaching the terminal.
func escapeControls(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// unescapeControls undoes escapeControls.
func unescapeControls(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && s[i+1] == 'x' {
			if n, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		if s[i] == '\\' && i+5 < len(s) && s[i+1] == 'u' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 5
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func exportCmd(x Exporter, h Handle, id string, req ExportRequest) tea.Cmd {
	return func() tea.Msg {
		p, err := x.Export(h, id, req)
		return exportedMsg{id: id, path: p, err: err}
	}
}

// keepLanguageCmd remembers the language chosen, in the home's state file.
func keepLanguageCmd(home, lang string) tea.Cmd {
	return func() tea.Msg {
		if home == "" {
			return languageKeptMsg{lang: lang}
		}
		st, _ := LoadState(home) // a broken file is replaced
		st.Language = lang
		return languageKeptMsg{lang: lang, err: SaveState(home, st)}
	}
}

// expandHome turns a leading ~/ into the user's home folder.
func expandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, p[2:])
		}
	}
	return p
}

// completeCmd completes a typed path to the longest common prefix of the
// names in its folder that start with what was typed.
func completeCmd(input string) tea.Cmd {
	return func() tea.Msg {
		dir, base := filepath.Split(input)
		list := dir
		if list == "" {
			list = "."
		}
		ents, err := os.ReadDir(resolvePath(list))
		if err != nil {
			return completedMsg{input: input, value: input, err: err}
		}
		var names []string
		for _, e := range ents {
			// Names are compared and offered escaped: the field cannot
			// hold a control character.
			if n := escapeControls(e.Name()); strings.HasPrefix(n, base) && (strings.HasPrefix(base, ".") || !strings.HasPrefix(n, ".")) {
				if e.IsDir() {
					n += string(filepath.Separator)
				}
				names = append(names, n)
			}
		}
		if len(names) == 0 {
			return completedMsg{input: input, value: input}
		}
		common := names[0]
		for _, n := range names[1:] {
			for !strings.HasPrefix(n, common) {
				common = common[:len(common)-1]
			}
		}
		msg := completedMsg{input: input, value: dir + common}
		if len(names) > 1 {
			slices.Sort(names)
			msg.names = names
		}
		return msg
	}
}

// editorFileCmd writes notes to a temp file for the editor.
func editorFileCmd(reqID, notes string) tea.Cmd {
	return func() tea.Msg {
		f, err := os.CreateTemp("", "assay-notes-*.txt")
		if err != nil {
			return editorFileMsg{reqID: reqID, err: err}
		}
		_, err = f.WriteString(notes)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return editorFileMsg{reqID: reqID, err: err}
		}
		return editorFileMsg{reqID: reqID, path: f.Name()}
	}
}

// editorCmd runs the editor on path and reads the file back when it exits.
func editorCmd(editor, reqID, path string) tea.Cmd {
	args := strings.Fields(editor)
	c := exec.Command(args[0], append(args[1:], path)...)
	return tea.ExecProcess(c, func(err error) tea.Msg {
		defer os.Remove(path)
		if err != nil {
			return editorClosedMsg{reqID: reqID, err: err}
		}
		// The editor may have replaced the file with anything: read it as
		// any file from outside (a note over the UI's limit is kept).
		b, err := safefile.ReadFile(path, safefile.LimitAudit)
		return editorClosedMsg{reqID: reqID, text: string(b), err: err}
	})
}

// keyStatusCmd looks the signing key up (a file read).
func keyStatusCmd(k Keys) tea.Cmd {
	if k == nil {
		return nil
	}
	return func() tea.Msg {
		info, err := k.Status()
		return keyStatusLoadedMsg{info: info, err: err}
	}
}

// createKeyCmd makes the signing key the key form was filled in for.
func createKeyCmd(k Keys, name, email, org string) tea.Cmd {
	return func() tea.Msg {
		info, err := k.Create(name, email, org)
		return keyCreatedMsg{info: info, err: err}
	}
}

// demoCmd makes the filled sample audit.
func demoCmd(f func(time.Time) (string, error), now time.Time) tea.Cmd {
	return func() tea.Msg {
		id, err := f(now)
		return demoCreatedMsg{id: id, err: err}
	}
}
