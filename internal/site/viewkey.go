package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"reflect"
	"slices"
	"time"
)

// A page's HTML is a function of its view and of the layouts, strings,
// assets and settings it is rendered with: the layouts see nothing else.
// viewHasher hashes a view, all of it, so that a build whose layouts,
// strings, assets and settings are those of the last build can leave
// alone a page whose view has the same key as when the last build
// rendered it (see keeper).

// viewHasher hashes views. It remembers what each pointer it met points
// to (the site's settings, shared by every view), so a hasher must only
// be used while those values stay as they are and in memory (a new value
// at the address of one gone would be taken for it), and by one
// goroutine.
type viewHasher struct {
	h    hash.Hash
	memo map[pointerKey][]byte
	buf  []byte // the encoding of the view, kept for the next
}

type pointerKey struct {
	addr uintptr
	typ  reflect.Type
}

var timeType = reflect.TypeFor[time.Time]()

func newViewHasher() *viewHasher {
	return &viewHasher{h: sha256.New(), memo: map[pointerKey][]byte{}}
}

// key returns the view's key, or "" when the view holds something that
// cannot be hashed (a function, a channel), which is then never taken to
// be the same.
func (vh *viewHasher) key(v *view) string {
	vh.h.Reset()
	buf, ok := vh.value(vh.buf[:0], reflect.ValueOf(v).Elem())
	vh.buf = buf
	if !ok {
		return ""
	}
	vh.h.Write(buf)
	return hex.EncodeToString(vh.h.Sum(nil))
}

// value appends an unambiguous encoding of v to b.
func (vh *viewHasher) value(b []byte, v reflect.Value) ([]byte, bool) {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1), true
		}
		return append(b, 0), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return binary.AppendUvarint(b, v.Uint()), true
	case reflect.Float32, reflect.Float64:
		return binary.AppendUvarint(b, math.Float64bits(v.Float())), true
	case reflect.String:
		return append(binary.AppendUvarint(b, uint64(v.Len())), v.String()...), true
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0), true
		}
		b = append(b, 1)
		fallthrough
	case reflect.Array:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		ok := true
		for i := 0; i < v.Len() && ok; i++ {
			b, ok = vh.value(b, v.Index(i))
		}
		return b, ok
	case reflect.Struct:
		return vh.structValue(b, v)
	case reflect.Pointer:
		return vh.pointer(b, v)
	case reflect.Map:
		return vh.mapValue(b, v)
	case reflect.Interface:
		if v.IsNil() {
			return append(b, 0), true
		}
		b = append(b, 1)
		b = append(binary.AppendUvarint(b, uint64(len(v.Elem().Type().String()))), v.Elem().Type().String()...)
		return vh.value(b, v.Elem())
	}
	return b, false
}

func (vh *viewHasher) structValue(b []byte, v reflect.Value) ([]byte, bool) {
	if v.Type() == timeType {
		if !v.CanInterface() {
			return b, false
		}
		t := v.Interface().(time.Time)
		b = binary.AppendVarint(b, t.UnixNano())
		name := t.Location().String()
		_, offset := t.Zone()
		return binary.AppendVarint(append(binary.AppendUvarint(b, uint64(len(name))), name...), int64(offset)), true
	}
	ok := true
	for i := 0; i < v.NumField() && ok; i++ {
		b, ok = vh.value(b, v.Field(i))
	}
	return b, ok
}

// pointer appends the hash of what v points to, worked out once.
func (vh *viewHasher) pointer(b []byte, v reflect.Value) ([]byte, bool) {
	if v.IsNil() {
		return append(b, 0), true
	}
	k := pointerKey{v.Pointer(), v.Type()}
	sum, seen := vh.memo[k]
	if !seen {
		vh.memo[k] = nil // met again while hashing it: a cycle
		inner, ok := vh.value(nil, v.Elem())
		if !ok {
			return b, false
		}
		s := sha256.Sum256(inner)
		sum = s[:]
		vh.memo[k] = sum
	} else if sum == nil {
		return b, false
	}
	return append(append(b, 1), sum...), true
}

// mapValue appends the hashes of a map's entries, in order.
func (vh *viewHasher) mapValue(b []byte, v reflect.Value) ([]byte, bool) {
	if v.IsNil() {
		return append(b, 0), true
	}
	sums := make([][32]byte, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		kv, ok := vh.value(nil, it.Key())
		if ok {
			kv, ok = vh.value(kv, it.Value())
		}
		if !ok {
			return b, false
		}
		sums = append(sums, sha256.Sum256(kv))
	}
	slices.SortFunc(sums, func(x, y [32]byte) int { return bytes.Compare(x[:], y[:]) })
	b = binary.AppendUvarint(append(b, 1), uint64(len(sums)))
	for _, s := range sums {
		b = append(b, s[:]...)
	}
	return b, true
}
