package audit

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // PNG screenshots and scans get a report-ready JPEG too
	"io"
	"io/fs"
	"math"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	// imagemeta rather than goexif: it is the maintained one (goexif's last
	// change is from 2019), it applies the N/S and E/W refs to give signed
	// decimal degrees, and it honours OffsetTimeOriginal for capture times.
	"github.com/evanoberholster/imagemeta"
	"github.com/rs/zerolog"
	"golang.org/x/image/draw"

	"github.com/assay-dev/assay/standards/safefile"
)

// Report-ready image limits: long edge in pixels and JPEG quality. 1600 px
// prints sharp at half an A4 page and keeps a report with dozens of photos
// small enough to e-mail.
const (
	derivedLongEdge = 1600
	derivedQuality  = 85
	derivedSuffix   = ".report.jpg"
)

var quietEXIF sync.Once

// EvidencePath returns the stored file of an evidence item. Evidence files
// are named by their SHA-256 plus the original extension.
func (s *Store) EvidencePath(id, sha string) string {
	dir, err := s.dir(id)
	if err != nil || !validSHA(sha) {
		return ""
	}
	if p := findEvidenceFile(filepath.Join(dir, evidenceDir), sha); p != "" {
		return p
	}
	return filepath.Join(dir, evidenceDir, sha)
}

// DerivedPath returns the report-ready JPEG of an evidence item, or "" when
// it has none (not an image, or an image that could not be decoded).
func (s *Store) DerivedPath(id string, ev *Evidence) string {
	dir, err := s.dir(id)
	if err != nil || ev == nil || ev.Derived == "" || ev.Derived != filepath.Base(ev.Derived) || strings.HasPrefix(ev.Derived, ".") {
		return ""
	}
	return filepath.Join(dir, evidenceDir, ev.Derived)
}

var shaPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

func validSHA(sha string) bool { return shaPattern.MatchString(sha) }

// findEvidenceFile returns the stored original of sha in dir, or "".
func findEvidenceFile(dir, sha string) string {
	matches, _ := filepath.Glob(filepath.Join(dir, sha+"*"))
	for _, m := range matches {
		base := filepath.Base(m)
		if strings.HasSuffix(base, derivedSuffix) {
			continue
		}
		if base == sha || strings.HasPrefix(base, sha+".") {
			return m
		}
	}
	return ""
}

// ImportEvidence copies the file at path into the audit's evidence folder,
// makes its report-ready image and links it to the given requirements:
// StoreEvidence, DeriveEvidence, then AttachEvidence, all at once for
// callers that can wait (the CLI, the demo). The caller saves a afterwards.
func (h *Handle) ImportEvidence(a *Audit, path string, reqIDs ...string) (*Evidence, error) {
	if err := h.checkAttach(a, reqIDs); err != nil {
		return nil, err
	}
	ev, err := h.StoreEvidence(path)
	if err != nil {
		return nil, err
	}
	// A picture that cannot be prepared is still evidence: the report
	// says so where it would show.
	ev.Derived, _ = h.DeriveEvidence(*ev)
	return h.AttachEvidence(a, *ev, reqIDs...)
}

// checkAttach refuses, before any slow copy, what AttachEvidence would.
func (h *Handle) checkAttach(a *Audit, reqIDs []string) error {
	if err := h.checkOwn(a); err != nil {
		return err
	}
	if !a.Editable() {
		return errors.New(msgFinalized)
	}
	if cat := h.s.catalogOf(a); cat != nil {
		for _, id := range reqIDs {
			if _, ok := cat.Requirement(id); !ok {
				return fmt.Errorf(msgEvidenceUnknownReq, id, cat.ID)
			}
		}
	}
	return nil
}

// StoreEvidence is the part of an import the inspector waits for, safe to
// run off the UI goroutine because it does not touch the Audit: it copies
// the file into evidence/<sha256><ext> while hashing it (a file already
// there is kept, not copied twice) and reads its EXIF data. The
// report-ready image of a picture is made afterwards by DeriveEvidence
// (Derived is empty until then). The returned Evidence is not yet linked to
// anything.
func (h *Handle) StoreEvidence(path string) (*Evidence, error) {
	st, err := safefile.Check(path)
	var odd *safefile.Error
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &EvidenceError{Kind: EvidenceMissing, Path: path}
	case errors.As(err, &odd) && odd.Kind == safefile.Directory:
		return nil, &EvidenceError{Kind: EvidenceFolder, Path: path}
	case odd != nil:
		return nil, odd // names the file and what it is (a pipe, a device)
	case err != nil:
		return nil, &EvidenceError{Kind: EvidenceUnreadable, Path: path, Err: err}
	}
	limit := h.s.MaxEvidenceBytes
	if limit <= 0 {
		limit = DefaultMaxEvidenceBytes
	}
	if st.Size() > limit {
		return nil, &EvidenceError{Kind: EvidenceTooBig, Path: path, Size: st.Size(), Limit: limit}
	}
	dir := filepath.Join(h.dir, evidenceDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, writeError(dir, err)
	}
	sha, head, size, err := h.copyIn(path, dir, limit)
	if err != nil {
		return nil, err
	}
	stored := findEvidenceFile(dir, sha)
	mediaType := detectMediaType(head, path)
	ev := &Evidence{
		SHA256:    sha,
		Name:      filepath.Base(path),
		Size:      size,
		MediaType: mediaType,
		Imported:  h.s.now().UTC(),
	}
	if mediaType == "image/jpeg" {
		readEXIF(stored, ev)
	}
	return ev, nil
}

// NeedsDerived reports whether ev is a picture that gets a report-ready
// image and does not have it yet.
func NeedsDerived(ev *Evidence) bool {
	return ev != nil && ev.Derived == "" && derivable(ev.MediaType)
}

func derivable(mediaType string) bool {
	base, _, _ := strings.Cut(mediaType, ";")
	return base == "image/jpeg" || base == "image/png"
}

// DeriveEvidence makes the report-ready image of stored evidence (upright,
// long edge at most 1600 px) and returns its file name, to record in
// Evidence.Derived; "" for evidence that is not a JPEG or PNG. It is the
// slow part of attaching a photo (a few hundred milliseconds for 12 MP),
// safe to run off the UI goroutine because it does not touch the Audit. An
// image too large to prepare gives an *ImageTooLargeError.
func (h *Handle) DeriveEvidence(ev Evidence) (string, error) {
	if !derivable(ev.MediaType) {
		return "", nil
	}
	dir := filepath.Join(h.dir, evidenceDir)
	if !validSHA(ev.SHA256) {
		return "", fmt.Errorf(msgEvidenceUnknown, ev.SHA256)
	}
	src := findEvidenceFile(dir, ev.SHA256)
	if src == "" {
		return "", fmt.Errorf("%s: %w", ev.SHA256, fs.ErrNotExist)
	}
	return derive(src, dir, ev.SHA256, ev.Orientation, h.s.writeOpts())
}

// DerivedImage returns the path of the report-ready image of ev in audit
// id, making it first when it is missing (a photo attached just before the
// program closed, or an audit from before images were prepared in the
// background). It returns "" and no error for evidence that has no such
// image (not a picture).
func (s *Store) DerivedImage(id string, ev *Evidence) (string, error) {
	if ev == nil {
		return "", nil
	}
	if p := s.DerivedPath(id, ev); p != "" && fileExists(p) {
		return p, nil
	}
	if !derivable(ev.MediaType) || !validSHA(ev.SHA256) {
		return "", nil
	}
	adir, err := s.dir(id)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(adir, evidenceDir)
	src := findEvidenceFile(dir, ev.SHA256)
	if src == "" {
		return "", fmt.Errorf("%s: %w", ev.SHA256, fs.ErrNotExist)
	}
	name, err := derive(src, dir, ev.SHA256, ev.Orientation, s.writeOpts())
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}

// copyIn streams path into dir under a temp name while hashing it, then
// names it by its digest. It returns the digest, the first bytes (for
// sniffing the media type) and the size.
func (h *Handle) copyIn(path, dir string, limit int64) (sha string, head []byte, size int64, err error) {
	// Opened non-blocking and checked again: a pipe put in the file's place
	// since the check must not hang the import.
	src, _, err := safefile.Open(path)
	if err != nil {
		return "", nil, 0, &EvidenceError{Kind: EvidenceUnreadable, Path: path, Err: err}
	}
	defer src.Close()
	tmp, err := os.CreateTemp(dir, ".import-*")
	if err != nil {
		return "", nil, 0, writeError(dir, err)
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	hash := sha256.New()
	sniff := &headWriter{max: 512}
	// limit+1 so a file that grew past the limit after Stat is caught.
	size, err = io.Copy(io.MultiWriter(tmp, hash, sniff), io.LimitReader(src, limit+1))
	if err != nil {
		if isDiskFull(err) || isTooLarge(err) {
			return "", nil, 0, &EvidenceError{Kind: EvidenceNotCopied, Path: path, Err: writeError(tmp.Name(), err)}
		}
		return "", nil, 0, &EvidenceError{Kind: EvidenceNotCopied, Path: path, Err: err}
	}
	if size > limit {
		return "", nil, 0, &EvidenceError{Kind: EvidenceTooBig, Path: path, Size: size, Limit: limit}
	}
	if !h.s.NoSync {
		if err := tmp.Sync(); err != nil {
			return "", nil, 0, &EvidenceError{Kind: EvidenceNotCopied, Path: path, Err: err}
		}
	}
	if err := tmp.Close(); err != nil {
		return "", nil, 0, &EvidenceError{Kind: EvidenceNotCopied, Path: path, Err: err}
	}
	// Same permissions as audit.json: readable by the tools that open it.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", nil, 0, &EvidenceError{Kind: EvidenceNotCopied, Path: path, Err: err}
	}
	sha = hex.EncodeToString(hash.Sum(nil))
	if findEvidenceFile(dir, sha) == "" {
		final := filepath.Join(dir, sha+evidenceExt(path, detectMediaType(sniff.buf, path)))
		if err := os.Rename(tmp.Name(), final); err != nil {
			return "", nil, 0, &EvidenceError{Kind: EvidenceNotCopied, Path: path, Err: err}
		}
		tmp = nil
		if !h.s.NoSync {
			_ = syncDir(dir)
		}
	}
	return sha, sniff.buf, size, nil
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	buf []byte
	max int
}

// Write keeps what fits and reports everything written, as io.Copy needs.
func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// detectMediaType trusts the content first and the extension only when the
// content says nothing specific (text formats, unknown binaries).
func detectMediaType(head []byte, name string) string {
	sniffed := http.DetectContentType(head)
	base, _, _ := strings.Cut(sniffed, ";")
	if base != "application/octet-stream" && base != "text/plain" {
		return sniffed
	}
	if byExt := mime.TypeByExtension(strings.ToLower(filepath.Ext(name))); byExt != "" {
		return byExt
	}
	return sniffed
}

var extPattern = regexp.MustCompile(`^\.[a-z0-9]{1,8}$`)

// evidenceExt keeps the original extension (so the file opens in the right
// program) when it is plain, else derives one from the media type.
func evidenceExt(name, mediaType string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if extPattern.MatchString(ext) {
		return ext
	}
	if exts, _ := mime.ExtensionsByType(mediaType); len(exts) > 0 && extPattern.MatchString(exts[0]) {
		return exts[0]
	}
	return ".bin"
}

// readEXIF fills capture time, GPS position and orientation from a JPEG's
// EXIF block. Missing or broken EXIF just leaves them empty: a photo without
// metadata is still evidence.
func readEXIF(path string, ev *Evidence) {
	quietEXIF.Do(func() { imagemeta.SetLogger(io.Discard, zerolog.Disabled) })
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	defer func() {
		// The parser works on untrusted bytes; a bug in it must not cost
		// the inspector the import.
		_ = recover()
	}()
	x, err := imagemeta.Decode(f)
	if err != nil {
		return
	}
	if o := int(x.Orientation); o >= 1 && o <= 8 {
		ev.Orientation = o
	}
	if t := x.DateTimeOriginal(); !t.IsZero() && t.Year() >= 1900 {
		ev.Captured = t
	}
	lat, lon := x.GPS.Latitude(), x.GPS.Longitude()
	if (lat != 0 || lon != 0) && math.Abs(lat) <= 90 && math.Abs(lon) <= 180 && !math.IsNaN(lat) && !math.IsNaN(lon) {
		ev.GPS = &GeoPoint{Lat: lat, Lon: lon}
	}
}

// derive writes evidence/<sha>.report.jpg: upright (EXIF orientation
// applied, because PDF viewers ignore it), at most derivedLongEdge pixels
// on its long edge. It returns the file name. An image whose decoding
// would take more than maxDecodeBytes is refused before decoding.
func derive(src, dir, sha string, orientation int, o writeOptions) (string, error) {
	name := sha + derivedSuffix
	out := filepath.Join(dir, name)
	if fileExists(out) {
		return name, nil
	}
	f, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	if err := checkDecodable(f, format, cfg); err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	img, _, err := image.Decode(f)
	if err != nil {
		return "", err
	}
	small := scaleDown(img, derivedLongEdge)
	img = nil // the decoded original is the big allocation: let it go
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, orient(small, orientation), &jpeg.Options{Quality: derivedQuality}); err != nil {
		return "", err
	}
	if err := writeAtomic(out, buf.Bytes(), o); err != nil {
		return "", writeError(out, err)
	}
	return name, nil
}

// orient applies an EXIF orientation (1..8) so the image is upright.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src := toRGBA(img)
	var dst *image.RGBA
	if o >= 5 {
		dst = image.NewRGBA(image.Rect(0, 0, h, w))
	} else {
		dst = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	dw, dh := dst.Rect.Dx(), dst.Rect.Dy()
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored horizontally
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored vertically
				sx, sy = x, h-1-y
			case 5: // transposed
				sx, sy = y, x
			case 6: // camera turned clockwise: rotate 90° clockwise
				sx, sy = y, h-1-x
			case 7: // transversed
				sx, sy = w-1-y, h-1-x
			case 8: // camera turned anticlockwise: rotate 90° anticlockwise
				sx, sy = w-1-y, x
			}
			si := src.PixOffset(sx, sy)
			di := dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}

// toRGBA returns img as an *image.RGBA with its origin at 0,0.
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}

// AttachEvidence records a stored evidence item in a and links it to each
// requirement. Evidence already in the audit (same digest) gains the new
// links instead of being listed twice, and the name it came under now, if
// new, as an alias: the same photo saved as IMG_2031.jpg and as
// acta-firmada.jpg is one file known by both names (the caller compares
// the returned item's Name with ev.Name to tell the inspector).
func (h *Handle) AttachEvidence(a *Audit, ev Evidence, reqIDs ...string) (*Evidence, error) {
	if err := h.checkAttach(a, reqIDs); err != nil {
		return nil, err
	}
	cur, ok := a.EvidenceBySHA(ev.SHA256)
	if !ok {
		ev.Requirements = nil
		a.Evidence = append(a.Evidence, ev)
		cur = &a.Evidence[len(a.Evidence)-1]
	} else if ev.Name != "" && !slices.Contains(cur.Names(), ev.Name) {
		cur.Aliases = append(cur.Aliases, ev.Name)
	}
	now := h.s.now().UTC()
	for _, id := range reqIDs {
		if !slices.Contains(cur.Requirements, id) {
			cur.Requirements = append(cur.Requirements, id)
		}
		f := a.Finding(id)
		if !slices.Contains(f.Evidence, ev.SHA256) {
			f.Evidence = append(f.Evidence, ev.SHA256)
			f.Updated = now
		}
	}
	return cur, nil
}

// DetachEvidence unlinks an evidence item from one requirement. The file
// and the audit's evidence entry stay: other requirements, or signed
// earlier revisions, may still refer to them. The caller saves a.
func (h *Handle) DetachEvidence(a *Audit, sha, reqID string) error {
	if err := h.checkAttach(a, nil); err != nil {
		return err
	}
	ev, ok := a.EvidenceBySHA(sha)
	if !ok {
		return fmt.Errorf(msgEvidenceUnknown, sha)
	}
	f, hasF := a.Findings[reqID]
	inEv := slices.Contains(ev.Requirements, reqID)
	inF := hasF && slices.Contains(f.Evidence, sha)
	if !inEv && !inF {
		return fmt.Errorf(msgEvidenceNotLinked, sha, reqID)
	}
	ev.Requirements = slices.DeleteFunc(ev.Requirements, func(s string) bool { return s == reqID })
	if inF {
		f.Evidence = slices.DeleteFunc(f.Evidence, func(s string) bool { return s == sha })
		f.Updated = h.s.now().UTC()
	}
	return nil
}

// humanBytes writes a size the way a file manager does.
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "KMGTPE"[exp])
}

// EvidenceProblem is why a file could not be imported as evidence.
type EvidenceProblem int

// Why an import failed.
const (
	// EvidenceUnreadable: the file could not be opened or read (Err).
	EvidenceUnreadable EvidenceProblem = iota
	// EvidenceMissing: no file at Path.
	EvidenceMissing
	// EvidenceFolder: Path is a folder.
	EvidenceFolder
	// EvidenceTooBig: the file is Size bytes, over the Limit.
	EvidenceTooBig
	// EvidenceNotCopied: copying it into the audit folder failed (Err; a
	// full disk is a *SaveError).
	EvidenceNotCopied
)

// EvidenceError is a failed import, as data: each surface words Kind with
// the path, sizes and cause. Error is the English the CLI has always said.
type EvidenceError struct {
	Kind        EvidenceProblem
	Path        string
	Size, Limit int64
	Err         error
}

// Error words the failure in English, as the CLI always has.
func (e *EvidenceError) Error() string {
	switch e.Kind {
	case EvidenceMissing:
		return fmt.Sprintf(msgEvidenceMissing, e.Path)
	case EvidenceFolder:
		return fmt.Sprintf(msgEvidenceDir, e.Path)
	case EvidenceTooBig:
		return fmt.Sprintf(msgEvidenceTooBig, e.Path, humanBytes(e.Size), humanBytes(e.Limit))
	case EvidenceNotCopied:
		return fmt.Sprintf(msgEvidenceCopy, e.Path, e.Err)
	}
	return fmt.Sprintf(msgEvidenceRead, e.Path, e.Err)
}

// Unwrap gives the cause, so a full disk is still a *SaveError.
func (e *EvidenceError) Unwrap() error { return e.Err }
