//go:build ignore

// gen draws the two test photographs (synthetic scenes, not noise) used by
// the evidence tests and the demo audit. EXIF is written afterwards with
// exiftool; see README.md in this folder.
//
//	go run testdata/photos/gen.go testdata/photos
package main

import (
	"image"
	"image/color"
	"image/jpeg"
	"log"
	"math"
	"os"
	"path/filepath"
)

func main() {
	out := "."
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	// Taken with the phone held upright: the sensor stores it turned
	// anticlockwise and EXIF orientation 6 says to turn it back.
	mine := bocamina(1500, 2000)
	save(filepath.Join(out, "bocamina-orientation6.jpg"), rotateCCW(mine))
	save(filepath.Join(out, "almacen-mercurio.jpg"), almacen(2000, 1500))
}

func save(path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 72}); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	l := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}

// grain is a smooth deterministic texture in [-1, 1].
func grain(x, y float64) float64 {
	return (math.Sin(x*0.07+math.Sin(y*0.05)*2) + math.Sin(y*0.11+math.Cos(x*0.03)*1.5)) / 2
}

func ridge(x, base, amp, f1, f2 float64) float64 {
	return base - amp*(0.6*math.Sin(x*f1)+0.3*math.Sin(x*f2+1.3)+0.1*math.Sin(x*f2*3.1))
}

// bocamina: a mine adit in an Andean slope, upright (portrait).
func bocamina(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sky1, sky2 := color.RGBA{96, 150, 214, 255}, color.RGBA{200, 222, 240, 255}
	far, near := color.RGBA{120, 130, 150, 255}, color.RGBA{88, 110, 70, 255}
	rock := color.RGBA{122, 104, 86, 255}
	cx, top, aw := float64(w)/2, float64(h)*0.52, float64(w)*0.30
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x), float64(y)
			c := mix(sky1, sky2, fy/(float64(h)*0.45))
			// clouds
			if cl := math.Sin(fx*0.004+fy*0.01) * math.Sin(fx*0.009-fy*0.006); cl > 0.55 && fy < float64(h)*0.3 {
				c = mix(c, color.RGBA{245, 245, 248, 255}, (cl-0.55)*3)
			}
			if fy > ridge(fx, float64(h)*0.30, 120, 0.004, 0.011) {
				c = mix(far, sky2, 0.25)
			}
			if fy > ridge(fx, float64(h)*0.40, 90, 0.006, 0.017) {
				c = mix(near, color.RGBA{60, 80, 50, 255}, (fy-float64(h)*0.4)/float64(h))
				c = mix(c, color.RGBA{70, 90, 55, 255}, 0.15+0.15*grain(fx, fy))
			}
			// rock face around the adit
			if fy > float64(h)*0.47 && math.Abs(fx-cx) < float64(w)*0.42 {
				c = mix(rock, color.RGBA{90, 76, 64, 255}, 0.4+0.3*grain(fx*1.7, fy*1.3))
			}
			// ground with rails
			if fy > float64(h)*0.80 {
				c = mix(color.RGBA{110, 92, 70, 255}, color.RGBA{80, 66, 52, 255}, 0.5+0.3*grain(fx*2, fy))
				persp := (fy - float64(h)*0.80) / (float64(h) * 0.20)
				for _, side := range []float64{-1, 1} {
					rx := cx + side*(aw*0.25+persp*aw*0.5)
					if math.Abs(fx-rx) < 3+persp*6 {
						c = color.RGBA{150, 150, 155, 255}
					}
				}
				if int(fy)%60 < 10 && math.Abs(fx-cx) < aw*0.3+persp*aw*0.6 {
					c = color.RGBA{96, 70, 44, 255}
				}
			}
			// the adit: dark arch framed with timber
			dx := (fx - cx) / aw
			inArch := fy > top && fy < float64(h)*0.80 && math.Abs(dx) < 0.5 ||
				fy <= top && (dx*dx+math.Pow((fy-top)/(aw*0.5), 2)) < 0.25
			if inArch {
				depth := (fy - top + aw*0.5) / (float64(h)*0.8 - top + aw*0.5)
				c = mix(color.RGBA{40, 32, 26, 255}, color.RGBA{10, 8, 6, 255}, 1-depth*0.5)
			}
			if fy > top-aw*0.05 && fy < float64(h)*0.80 && (math.Abs(dx+0.5) < 0.06 || math.Abs(dx-0.5) < 0.06) {
				c = mix(color.RGBA{130, 90, 50, 255}, color.RGBA{100, 66, 36, 255}, 0.5+0.5*math.Sin(fy*0.2))
			}
			if math.Abs(fy-(top-aw*0.1)) < aw*0.05 && math.Abs(dx) < 0.6 {
				c = color.RGBA{120, 82, 46, 255}
			}
			// sign board
			if fy > top-aw*0.45 && fy < top-aw*0.22 && math.Abs(dx) < 0.35 {
				c = color.RGBA{230, 200, 40, 255}
				if int(fy)%24 < 6 && math.Abs(dx) < 0.28 && fy > top-aw*0.40 && fy < top-aw*0.27 {
					c = color.RGBA{30, 30, 30, 255}
				}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// almacen: a locked mercury store: block wall, shelf with labelled flasks.
func almacen(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x), float64(y)
			// block wall with mortar lines
			c := mix(color.RGBA{176, 170, 160, 255}, color.RGBA{150, 144, 136, 255}, 0.5+0.25*grain(fx, fy))
			row := int(fy) / 100
			off := 0
			if row%2 == 1 {
				off = 100
			}
			if int(fy)%100 < 6 || (int(fx)+off)%200 < 6 {
				c = color.RGBA{120, 116, 110, 255}
			}
			// floor
			if fy > float64(h)*0.82 {
				c = mix(color.RGBA{110, 104, 96, 255}, color.RGBA{90, 86, 80, 255}, (fy-float64(h)*0.82)/(float64(h)*0.18))
			}
			// steel door on the right with a padlock
			if fx > float64(w)*0.70 && fx < float64(w)*0.92 && fy > float64(h)*0.18 && fy < float64(h)*0.82 {
				c = mix(color.RGBA{70, 96, 120, 255}, color.RGBA{50, 70, 90, 255}, (fx-float64(w)*0.7)/(float64(w)*0.22))
				if math.Hypot(fx-float64(w)*0.73, fy-float64(h)*0.52) < 22 {
					c = color.RGBA{200, 170, 60, 255}
				}
			}
			// warning sign on the door
			sx, sy := float64(w)*0.81, float64(h)*0.32
			if fy > sy-90 && fy < sy+60 && math.Abs(fx-sx) < (fy-(sy-90))*0.7 {
				c = color.RGBA{240, 200, 20, 255}
				if math.Abs(fx-sx) < 8 && fy > sy-50 && fy < sy+20 || math.Hypot(fx-sx, fy-(sy+40)) < 9 {
					c = color.RGBA{20, 20, 20, 255}
				}
			}
			// shelf
			shelfY := float64(h) * 0.55
			if fx > float64(w)*0.08 && fx < float64(w)*0.62 && math.Abs(fy-shelfY) < 14 {
				c = color.RGBA{120, 84, 48, 255}
			}
			// flasks on the shelf, each with a white label
			for i := 0; i < 6; i++ {
				fcx := float64(w)*0.12 + float64(i)*float64(w)*0.085
				if math.Abs(fx-fcx) < 55 && fy < shelfY-14 && fy > shelfY-14-220 {
					shade := 0.3 + 0.5*math.Abs(fx-fcx)/55
					c = mix(color.RGBA{60, 64, 70, 255}, color.RGBA{20, 22, 26, 255}, shade)
					if fy > shelfY-170 && fy < shelfY-90 && math.Abs(fx-fcx) < 45 {
						c = color.RGBA{236, 236, 230, 255}
						if int(fy)%16 < 4 && math.Abs(fx-fcx) < 35 {
							c = color.RGBA{180, 30, 30, 255}
						}
					}
				}
			}
			// spill tray under the shelf
			if fx > float64(w)*0.10 && fx < float64(w)*0.60 && fy > float64(h)*0.74 && fy < float64(h)*0.80 {
				c = color.RGBA{40, 40, 44, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func rotateCCW(src *image.RGBA) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, h, w))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			// turning anticlockwise: the top-right corner goes to the top-left
			dst.SetRGBA(y, w-1-x, src.RGBAAt(x, y))
		}
	}
	return dst
}
