package safefile

import (
	"errors"
	"io/fs"
	"os"
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
