package safefile

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// SystemProblem is what the operating system said went wrong with a file,
// for each surface to word in the inspector's language: the system's own
// text ("no such file or directory") is English whatever the UI's.
type SystemProblem int

// The system problems assay words; SystemOther is left as the system says.
const (
	SystemOther SystemProblem = iota
	SystemNotExist
	SystemPermission
	SystemDiskFull
	SystemReadOnly
	SystemIsDir
	SystemNotDir
	SystemFileTooLarge
	SystemNameTooLong
	SystemIO
)

// SystemProblemOf classifies err by the system error it wraps.
func SystemProblemOf(err error) SystemProblem {
	switch {
	case err == nil:
		return SystemOther
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return SystemDiskFull
	case errors.Is(err, syscall.EROFS):
		return SystemReadOnly
	case errors.Is(err, fs.ErrNotExist):
		return SystemNotExist
	case errors.Is(err, fs.ErrPermission):
		return SystemPermission
	case errors.Is(err, syscall.EISDIR):
		return SystemIsDir
	case errors.Is(err, syscall.ENOTDIR):
		return SystemNotDir
	case errors.Is(err, syscall.EFBIG):
		return SystemFileTooLarge
	case errors.Is(err, syscall.ENAMETOOLONG):
		return SystemNameTooLong
	case errors.Is(err, syscall.EIO):
		return SystemIO
	}
	return SystemOther
}

// SystemPath is the file a system error names ("" when it names none).
func SystemPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Old
	}
	return ""
}

// Reword is err's text with the system's own part ("stat /x: no such file
// or directory", or a bare "no such file or directory") replaced by "/x: "
// and word, or by word: the context a caller added in the user's
// language stays, the system's English goes.
func Reword(err error, word string) string {
	s := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if i := strings.LastIndex(s, pe.Error()); i >= 0 {
			return s[:i] + pe.Path + ": " + word + s[i+len(pe.Error()):]
		}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		if i := strings.LastIndex(s, le.Error()); i >= 0 {
			return s[:i] + le.Old + ": " + word + s[i+len(le.Error()):]
		}
	}
	var errno syscall.Errno
	if errors.As(err, &errno) && strings.HasSuffix(s, errno.Error()) {
		return strings.TrimSuffix(s, errno.Error()) + word
	}
	for _, sentinel := range []error{fs.ErrNotExist, fs.ErrPermission} {
		if errors.Is(err, sentinel) && strings.HasSuffix(s, sentinel.Error()) {
			return strings.TrimSuffix(s, sentinel.Error()) + word
		}
	}
	return word
}
