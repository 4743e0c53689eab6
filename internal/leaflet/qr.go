package leaflet

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"victimsite/internal/qr"
)

// qrCode returns the modules of the QR code for url, dark ones true,
// encoding each address once per Renderer.
func (r *Renderer) qrCode(url string) ([][]bool, error) {
	if m, ok := r.qr.Load(url); ok {
		return m.([][]bool), nil
	}
	m, err := qr.Encode(url)
	if errors.Is(err, qr.ErrTooLong) {
		// The address is base_url and a short path, so only a shorter
		// base_url can make it fit.
		if show := 60; len(url) > show {
			for !utf8.RuneStart(url[show]) {
				show-- // not inside a letter
			}
			url = url[:show] + "…"
		}
		return nil, fmt.Errorf("leaflet: QR code for %s: %w; shorten base_url in site.toml", url, err)
	}
	if err != nil {
		return nil, fmt.Errorf("leaflet: QR code for %s: %w", url, err)
	}
	r.qr.Store(url, m)
	return m, nil
}
