package qr_test

import (
	"fmt"
	"strings"

	"victimsite/internal/qr"
)

// A leaflet's address fits in version 4, 33 modules square; its first
// row holds two finder patterns' top edges with data between them.
func ExampleEncode() {
	m, err := qr.Encode("https://victims.lincs.police.uk/en/crime/burglary/")
	if err != nil {
		fmt.Println(err)
		return
	}
	var row strings.Builder
	for _, dark := range m[0] {
		row.WriteString(map[bool]string{true: "#", false: "."}[dark])
	}
	fmt.Println(len(m), "modules square")
	fmt.Println(row.String())

	_, err = qr.Encode(strings.Repeat("x", qr.MaxBytes+1))
	fmt.Println(err)
	// Output:
	// 33 modules square
	// #######..######.####.#.#..#######
	// 2332 bytes of text: too long for a QR code (at most 2331)
}
