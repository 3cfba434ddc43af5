// This file rasterises an SVG map to PNG with librsvg's rsvg-convert.
//
// No pure-Go rasteriser renders SVG text well (srwiley/oksvg ignores
// <text>; tdewolff/canvas does not read SVG documents), and the map's
// legend and source line are text, so the PNG is made by rsvg-convert
// (Debian package librsvg2-bin), the renderer GNOME and many GIS tools use.

package maps

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
)

// RsvgConvert is the program RenderPNG runs; tests may point it elsewhere.
var RsvgConvert = "rsvg-convert"

// ErrNoRasteriser is returned (wrapped) when rsvg-convert is not installed.
var ErrNoRasteriser = errors.New("rsvg-convert not found: install the Debian package librsvg2-bin (apt-get install librsvg2-bin)")

// RenderPNG rasterises an SVG document to a PNG widthPx pixels wide,
// keeping the aspect ratio. The program is stopped when ctx ends.
func RenderPNG(ctx context.Context, svg []byte, widthPx int) ([]byte, error) {
	if widthPx <= 0 || widthPx > 20000 {
		return nil, fmt.Errorf("maps: PNG width %d px out of range 1–20000", widthPx)
	}
	if len(svg) == 0 {
		return nil, errors.New("maps: PNG: empty SVG")
	}
	path, err := exec.LookPath(RsvgConvert)
	if err != nil {
		return nil, fmt.Errorf("maps: PNG: %w", ErrNoRasteriser)
	}
	cmd := exec.CommandContext(ctx, path, "--format", "png", "--width", strconv.Itoa(widthPx), "--keep-aspect-ratio")
	cmd.Stdin = bytes.NewReader(svg)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("maps: PNG: %w", ctx.Err())
		}
		return nil, fmt.Errorf("maps: PNG: rsvg-convert: %w: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	if out.Len() == 0 {
		return nil, fmt.Errorf("maps: PNG: rsvg-convert wrote nothing: %s", bytes.TrimSpace(stderr.Bytes()))
	}
	return out.Bytes(), nil
}
