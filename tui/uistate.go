package tui

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/standards/safefile"
)

// StateFile is the file in the assay home where the UI remembers what the
// inspector chose in it (the language), between runs. It is the UI's own,
// written by it; config.toml is the inspector's, written by hand.
const StateFile = "ui-state.toml"

// State is what the UI remembers.
type State struct {
	// Language is the UI language last chosen with the language key.
	Language string `toml:"language"`
}

// LoadState reads the home's state file. A missing file is the zero State
// and no error; a broken or odd one is the zero State and an error saying
// why (the UI starts anyway, and the next choice rewrites it).
func LoadState(home string) (State, error) {
	var st State
	data, err := safefile.ReadFile(filepath.Join(home, StateFile), safefile.LimitSmall)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	if _, err := toml.Decode(string(data), &st); err != nil {
		return State{}, fmt.Errorf("%s: %w", filepath.Join(home, StateFile), err)
	}
	if st.Language != "" && i18n.Normalize(st.Language) == "" {
		st.Language = "" // not a language: as if nothing were remembered
	}
	return st, nil
}

// SaveState writes the home's state file atomically: a temp file in the
// home, synced, renamed over the old one, the folder synced. A crash
// leaves the old choice or the new one, never a torn file.
func SaveState(home string, st State) (err error) {
	var buf bytes.Buffer
	buf.WriteString("# What assay's terminal UI remembers between runs. Written by assay:\n" +
		"# your own settings go in config.toml.\n")
	fmt.Fprintf(&buf, "language = %s\n", strconv.Quote(st.Language))
	if err := os.MkdirAll(home, 0o755); err != nil {
		return err
	}
	path := filepath.Join(home, StateFile)
	tmp := filepath.Join(home, "."+StateFile+".tmp-"+strconv.FormatInt(time.Now().UnixNano(), 36))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(buf.Bytes()); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	d, derr := os.Open(home)
	if derr != nil {
		return nil // renamed: the choice is made, only its durability is less sure
	}
	defer d.Close()
	if serr := d.Sync(); serr != nil && !errors.Is(serr, syscall.EINVAL) {
		return serr
	}
	return nil
}

// ResolveLanguage picks the UI's language at start: the --lang flag, else
// the language last chosen in the UI (State.Language), else config.toml's
// language, else the environment's locale (LC_ALL, LC_MESSAGES, LANG),
// else English. A value that names no language is skipped.
func ResolveLanguage(flag, remembered, config string, getenv func(string) string) string {
	for _, s := range []string{flag, remembered} {
		if l := i18n.Normalize(s); l != "" {
			return l
		}
	}
	return i18n.UILanguage("", config, getenv)
}
