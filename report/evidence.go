package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders for pictures that are not JPEG
	"image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"strings"

	"github.com/assay-dev/assay/audit"
	"github.com/assay-dev/assay/report/i18n"
	"github.com/assay-dev/assay/report/internal/layout"
	"github.com/assay-dev/assay/standards/safefile"
)

// StoreEvidence reads report pictures for one audit from the store: the
// derived, report-ready JPEG (made now if the UI had not made it yet), else
// the original file. It is an EvidenceFiles: an export reads each picture's
// bytes only when it writes them.
type StoreEvidence struct {
	Store *audit.Store
	ID    string // audit id
}

// EvidenceFiles is an EvidenceSource that can also say which file holds
// each picture. The report then reads a picture's header while it lays the
// pages out and its bytes only when it writes the PDF, one picture at a
// time, so a report of hundreds of photos never holds them all.
type EvidenceFiles interface {
	EvidenceSource
	// ImageFile is Image's file instead of its bytes: "" and no error for
	// a file that is not a picture.
	ImageFile(ev *audit.Evidence) (path string, upright bool, err error)
}

// ImageFile implements EvidenceFiles.
func (s StoreEvidence) ImageFile(ev *audit.Evidence) (string, bool, error) {
	p, err := s.Store.DerivedImage(s.ID, ev)
	if p != "" {
		_, err := safefile.Check(p)
		if err == nil {
			return p, true, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", false, err
		}
	}
	var tooLarge *audit.ImageTooLargeError
	if errors.As(err, &tooLarge) {
		// Decoding the original here would take the memory the
		// report-ready copy was refused for.
		return "", false, err
	}
	if !isPicture(ev.MediaType) {
		return "", false, nil
	}
	return s.Store.EvidencePath(s.ID, ev.SHA256), false, nil
}

// Image implements EvidenceSource.
func (s StoreEvidence) Image(ev *audit.Evidence) ([]byte, bool, error) {
	p, upright, err := s.ImageFile(ev)
	if err != nil || p == "" {
		return nil, false, err
	}
	data, err := safefile.ReadFile(p, safefile.LimitAudit)
	return data, upright, err
}

// Picture grid: two per row, each fitted into a box of this size.
const (
	figGap  = 6.0
	figW    = (contentW - figGap) / 2
	figMaxH = 66.0
)

// evidence draws the evidence index and the photographs.
func (d *doc) evidence(a *audit.Audit, src EvidenceSource, figs map[string]int, problems map[string]string) {
	p := d.pdf
	d.h1(d.t("evidence_title", nil))
	if len(a.Evidence) == 0 {
		d.para(d.t("evidence_none", nil), contentW, lineH)
		return
	}
	gpsLabel := d.t("col_gps", nil)
	cols := []column{{title: "#", w: 8, align: "R"}, {title: d.t("col_file", nil), w: 40}, {title: d.t("col_sha256", nil), w: 55},
		{title: d.t("col_size", nil), w: 15, align: "R"}, {title: d.t("col_taken", nil), w: 26}, {title: gpsLabel, w: 30}}
	var rows [][]cell
	for i, ev := range a.Evidence {
		name := ev.Name
		if n, ok := figs[ev.SHA256]; ok {
			name += "\n" + d.t("figure_ref", i18n.Args{"N": n})
		}
		if why, ok := problems[ev.SHA256]; ok {
			name += "\n" + d.t("evidence_mark", i18n.Args{"Reason": why})
		}
		taken := ""
		if !ev.Captured.IsZero() {
			taken = ev.Captured.Format("2006-01-02 15:04")
		}
		gps := ""
		if ev.GPS != nil {
			gps = fmt.Sprintf("%.5f,\n%.5f", ev.GPS.Lat, ev.GPS.Lon)
		}
		rows = append(rows, []cell{
			{text: d.l.Int(i + 1)}, {text: name}, {text: ev.SHA256, mono: true},
			{text: d.humanSize(ev.Size)}, {text: orDash(taken)}, {text: orDash(gps)},
		})
	}
	d.table(cols, rows)

	var pics []*audit.Evidence
	for i := range a.Evidence {
		if _, ok := figs[a.Evidence[i].SHA256]; ok {
			pics = append(pics, &a.Evidence[i])
		}
	}
	if len(pics) == 0 {
		return
	}
	d.h2(d.t("photos_title", nil))
	for i := 0; i < len(pics); i += 2 {
		row := pics[i:min(i+2, len(pics))]
		type placed struct {
			img     *pic
			w, h    float64
			caption []string
			nCap    int // caption lines; the rest is muted metadata
		}
		var cells []placed
		imgH, capH := 0.0, 0.0
		for _, ev := range row {
			pc := d.loadPicture(src, ev)
			w, h := figW, figMaxH
			if pc.err == "" {
				w, h = fitBox(pc.dispW, pc.dispH, figW, figMaxH)
			} else {
				h = 24
			}
			cap := d.t("caption", i18n.Args{"N": figs[ev.SHA256], "Name": ev.Name})
			if ev.Caption != "" {
				cap += " — " + ev.Caption
			}
			d.font("", 7.8, colText)
			lines := wrap(p, cap, figW)
			nCap := len(lines)
			var meta []string
			if len(ev.Requirements) > 0 {
				meta = append(meta, d.t("for_requirements", i18n.Args{"IDs": strings.Join(ev.Requirements, ", ")}))
			}
			if !ev.Captured.IsZero() {
				meta = append(meta, d.t("col_taken", nil)+": "+ev.Captured.Format("2006-01-02 15:04"))
			}
			if ev.GPS != nil {
				meta = append(meta, fmt.Sprintf("%s: %.5f, %.5f", gpsLabel, ev.GPS.Lat, ev.GPS.Lon))
			}
			if len(meta) > 0 {
				lines = append(lines, wrap(p, strings.Join(meta, " · "), figW)...)
			}
			cells = append(cells, placed{pc, w, h, lines, nCap})
			imgH = max(imgH, h)
			capH = max(capH, float64(len(lines))*3.6)
		}
		rowH := imgH + 2 + capH
		d.room(rowH + 4)
		y := d.y()
		for j, c := range cells {
			x := marginL + float64(j)*(figW+figGap)
			d.drawPicture(c.img, x+(figW-c.w)/2, y, c.w, c.h)
			d.font("", 7.8, colText)
			for k, l := range c.caption {
				if k == c.nCap {
					d.text(colMuted)
				}
				p.SetXY(x, y+imgH+2+float64(k)*3.6)
				p.CellFormat(figW, 3.6, l, "", 0, "L", false, 0, "")
			}
		}
		p.SetXY(marginL, y+rowH+5)
	}
	d.body()
}

// pic is a picture ready to place, or why it cannot be.
type pic struct {
	name         string // the layout's picture name
	dispW, dispH float64
	rotate       float64 // degrees counter-clockwise applied when drawing
	err          string
}

// loadPicture registers the evidence picture with the layout: its size and
// colours now, its bytes when the PDF is written. Anything wrong with the
// file gives a placeholder, never a failed report.
func (d *doc) loadPicture(src EvidenceSource, ev *audit.Evidence) *pic {
	pc := &pic{name: "ev-" + ev.SHA256}
	if src == nil {
		pc.err = d.t("image_missing", nil)
		return pc
	}
	var (
		jp      layout.JPEG
		upright bool
		err     error
	)
	if files, ok := src.(EvidenceFiles); ok {
		var path string
		if path, upright, err = files.ImageFile(ev); err == nil && path != "" {
			jp, err = jpegFromFile(path)
		} else if err == nil {
			err = errNoPicture
		}
	} else {
		var data []byte
		if data, upright, err = src.Image(ev); err == nil && len(data) > 0 {
			jp, err = jpegFromData(data)
		} else if err == nil {
			err = errNoPicture
		}
	}
	switch {
	case errors.Is(err, errNoPicture), errors.Is(err, fs.ErrNotExist):
		pc.err = d.t("image_missing", nil)
		return pc
	case err != nil:
		pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
		return pc
	}
	pc.dispW, pc.dispH = float64(jp.Width), float64(jp.Height)
	if !upright {
		// The original still carries its EXIF orientation: turn it when
		// drawing. Mirrored orientations (2, 4, 5, 7) are rare from cameras
		// and are drawn with their rotation only.
		switch ev.Orientation {
		case 3, 4:
			pc.rotate = 180
		case 6, 5:
			pc.rotate = -90
		case 8, 7:
			pc.rotate = 90
		}
		if pc.rotate == 90 || pc.rotate == -90 {
			pc.dispW, pc.dispH = pc.dispH, pc.dispW
		}
	}
	if !d.HasImage(pc.name) {
		if err := d.AddJPEG(pc.name, jp); err != nil {
			pc.err = d.t("image_unreadable", i18n.Args{"Name": ev.Name})
		}
	}
	return pc
}

// errNoPicture: the source has no picture for the evidence.
var errNoPicture = errors.New("no picture")

// errNotImage: the bytes are not an image the report can read.
var errNotImage = errors.New("not a readable image")

// jpegFromFile reads the header of the image in path: a JPEG in grey or
// YCbCr is printed as it is, read from the file when the PDF is written;
// anything else is read now and re-encoded (jpegFromData).
func jpegFromFile(path string) (layout.JPEG, error) {
	f, st, err := safefile.Open(path)
	if err != nil {
		return layout.JPEG{}, err
	}
	defer f.Close()
	cfg, format, err := image.DecodeConfig(bufio.NewReader(f))
	if err != nil {
		return layout.JPEG{}, errNotImage
	}
	if passThrough(cfg, format) {
		return layout.JPEG{Width: cfg.Width, Height: cfg.Height, Gray: cfg.ColorModel == color.GrayModel, Path: path, Size: st.Size()}, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return layout.JPEG{}, err
	}
	data, err := safefile.ReadOpen(f, st, safefile.LimitAudit)
	if err != nil {
		return layout.JPEG{}, err
	}
	return jpegFromData(data)
}

// jpegFromData makes a printable JPEG of an image's bytes: a JPEG in grey
// or YCbCr passes through (no decode, fast); anything else is decoded and
// re-encoded as a JPEG.
func jpegFromData(data []byte) (layout.JPEG, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return layout.JPEG{}, errNotImage
	}
	if !passThrough(cfg, format) {
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return layout.JPEG{}, errNotImage
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
			return layout.JPEG{}, errNotImage
		}
		_, gray := img.(*image.Gray)
		return layout.JPEG{Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), Gray: gray, Data: buf.Bytes()}, nil
	}
	return layout.JPEG{Width: cfg.Width, Height: cfg.Height, Gray: cfg.ColorModel == color.GrayModel, Data: data}, nil
}

// passThrough reports whether a PDF reader can print the image as it is.
func passThrough(cfg image.Config, format string) bool {
	return format == "jpeg" && (cfg.ColorModel == color.YCbCrModel || cfg.ColorModel == color.GrayModel) &&
		cfg.Width > 0 && cfg.Height > 0
}

// drawPicture places a registered picture (or its placeholder) in w×h.
func (d *doc) drawPicture(pc *pic, x, y, w, h float64) {
	p := d.pdf
	if pc.err != "" {
		d.fill(colBoxBg)
		d.draw(colRule)
		p.Rect(x, y, w, h, "FD")
		d.font("I", 8, colMuted)
		p.SetXY(x+3, y+h/2-2)
		p.CellFormat(w-6, 4, fitText(p, pc.err, w-6), "", 0, "C", false, 0, "")
		return
	}
	d.Image(pc.name, x, y, w, h, pc.rotate)
	d.draw(colRule)
	p.SetLineWidth(0.2)
	p.Rect(x, y, w, h, "D")
}

// fitBox scales w×h to fit in maxW×maxH, keeping the aspect ratio.
func fitBox(w, h, maxW, maxH float64) (float64, float64) {
	s := min(maxW/w, maxH/h)
	return w * s, h * s
}

func (d *doc) humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return d.t("size_mb", i18n.Args{"N": d.l.Decimal(float64(n)/(1<<20), 1)})
	case n >= 1<<10:
		return d.t("size_kb", i18n.Args{"N": d.l.Decimal(float64(n)/(1<<10), 0)})
	default:
		return d.t("size_b", i18n.Args{"N": d.l.Int(int(n))})
	}
}
