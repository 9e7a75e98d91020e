// Package safefile opens and reads the files assay gets from the inspector's
// home or the command line without trusting what they are. A FIFO in place
// of config.toml would block every command forever, a symlink to /dev/zero
// would be read until memory runs out, and a folder or socket gives errors
// that name neither the file nor the fix. Here each is refused at once, as a
// typed *Error naming the file and what it is, and every read has a size cap
// fitting the kind of file.
//
// It is a leaf: only the standard library, so every layer (standards, audit,
// report, tui, cmd) can use it.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Size caps, one per kind of file, so that the same file is refused the
// same way wherever it is read. Each is far above any real file of its kind
// and far below what would hurt a laptop.
const (
	// LimitConfig bounds config.toml (a few hundred bytes by hand).
	LimitConfig = 1 << 20
	// LimitCatalog bounds a requirement catalog (the built-ins are ~100 KB).
	LimitCatalog = 8 << 20
	// LimitAudit bounds audit.json: notes are capped at 1 MB each when
	// typed, but a note edited outside assay may be larger and must still
	// open (read-only) rather than be refused with everything else.
	LimitAudit = 256 << 20
	// LimitSmall bounds the small bookkeeping files: summary.json,
	// position.json, .lock.pid.
	LimitSmall = 1 << 20
	// LimitCert bounds keys, certificates, CA bundles and PKCS#12 files
	// (a whole system CA bundle is ~220 KB).
	LimitCert = 512 << 10
	// LimitPDF bounds a report given to verify.
	LimitPDF = 256 << 20
)

// Kind says what is wrong with a file.
type Kind int

// The kinds of refusal.
const (
	// Directory: the path is a folder.
	Directory Kind = iota + 1
	// FIFO: a named pipe, which would block the reader until a writer comes.
	FIFO
	// Device: a character or block device (/dev/zero never ends).
	Device
	// Socket: a Unix socket.
	Socket
	// Irregular: any other file that is not a regular file.
	Irregular
	// TooLarge: a regular file over the cap for its kind.
	TooLarge
)

// String names the kind for programmers and logs; surfaces word it
// themselves.
func (k Kind) String() string {
	switch k {
	case Directory:
		return "directory"
	case FIFO:
		return "named pipe"
	case Device:
		return "device"
	case Socket:
		return "socket"
	case Irregular:
		return "special file"
	case TooLarge:
		return "too large"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Error refuses a file: Path is the path as given, Kind what is wrong. For
// TooLarge, Size is the size found (at least Limit+1) and Limit the cap.
type Error struct {
	Path  string
	Kind  Kind
	Size  int64
	Limit int64
}

// Error is English for programmers and the CLI's fallback; the TUI and
// the CLI word Kind themselves where it matters.
func (e *Error) Error() string {
	if e.Kind == TooLarge {
		return fmt.Sprintf("%s: file too large (%d bytes; the limit for this kind of file is %d)", e.Path, e.Size, e.Limit)
	}
	return fmt.Sprintf("%s: not a regular file (a %s)", e.Path, e.Kind)
}

// Is lets errors.Is(err, ErrNotRegular) and errors.Is(err, ErrTooLarge)
// match without unwrapping the type.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotRegular:
		return e.Kind != TooLarge
	case ErrTooLarge:
		return e.Kind == TooLarge
	}
	return false
}

// Sentinels for errors.Is.
var (
	// ErrNotRegular matches an *Error for a folder, pipe, device, socket.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge matches an *Error for a file over its cap.
	ErrTooLarge = errors.New("file too large")
)

// kindOf returns what a non-regular mode is, or 0 for a regular file.
func kindOf(m fs.FileMode) Kind {
	switch {
	case m.IsRegular():
		return 0
	case m.IsDir():
		return Directory
	case m&fs.ModeNamedPipe != 0:
		return FIFO
	case m&fs.ModeSocket != 0:
		return Socket
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return Device
	}
	return Irregular
}

// Check stats path, following symlinks, and refuses anything but a regular
// file with an *Error. A missing file gives the os error (errors.Is
// fs.ErrNotExist), so callers keep their "not there yet" paths.
func Check(path string) (fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if k := kindOf(st.Mode()); k != 0 {
		return st, &Error{Path: path, Kind: k}
	}
	return st, nil
}

// Open opens a regular file for reading. It checks the path before opening
// it (opening some devices has effects), then opens it non-blocking (a FIFO
// put there in between cannot make open wait for a writer) and checks the
// opened file again, so what is returned is a regular file.
func Open(path string) (*os.File, fs.FileInfo, error) {
	if _, err := Check(path); err != nil {
		return nil, nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if k := kindOf(st.Mode()); k != 0 {
		f.Close()
		return nil, nil, &Error{Path: path, Kind: k}
	}
	return f, st, nil
}

// ReadFile reads a regular file whole, refusing it (TooLarge) when it holds
// more than limit bytes, without reading past limit+1 however the file
// grows meanwhile.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, st, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path, st.Size(), limit)
}

// ReadOpen reads an already opened regular file (from Open) as ReadFile
// does.
func ReadOpen(f *os.File, st fs.FileInfo, limit int64) ([]byte, error) {
	return read(f, f.Name(), st.Size(), limit)
}

func read(r io.Reader, path string, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, &Error{Path: path, Kind: TooLarge, Size: size, Limit: limit}
	}
	// Size is a hint (a file in /proc says 0); the limit is the rule.
	buf := make([]byte, 0, min(max(size, 0), limit)+512)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, &Error{Path: path, Kind: TooLarge, Size: int64(len(buf)), Limit: limit}
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}
