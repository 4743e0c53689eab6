package desk

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"net/http"
	"strings"
	"time"
)

// A page elsewhere must not be able to make an officer's browser generate
// leaflets (or learn that it can). So a leaflet is made only for a POST
// that carries, in a hidden field, a token this process signed for the
// browser's session cookie, and that the browser itself marks as sent
// from this site.
//
// The desk keeps no state: the session cookie is a random id signed with
// a key made when the process starts, and the form's token is the id's
// signature with an expiry. A restart makes a new key, so old forms stop
// working, which is what a restart should do.
const (
	cookieName = "desk-session"
	tokenTTL   = 12 * time.Hour // a form left open over a shift still works
	sessionLen = 16
)

// errToken is why a POST was refused; the page says so without detail.
var errToken = errors.New("the form did not come from this desk, or it has expired")

// guard signs and checks session cookies and form tokens.
type guard struct {
	key    [32]byte
	now    func() time.Time
	origin *http.CrossOriginProtection
}

// newGuard makes a guard with a new random key. crypto/rand.Read never
// fails: it ends the program rather than return weak randomness.
func newGuard(now func() time.Time) *guard {
	g := &guard{now: now, origin: http.NewCrossOriginProtection()}
	rand.Read(g.key[:])
	return g
}

// mac signs the parts under one purpose, so a cookie's signature is never
// a valid token and the other way round.
func (g *guard) mac(purpose string, parts ...[]byte) []byte {
	m := hmac.New(sha256.New, g.key[:])
	m.Write([]byte(purpose))
	for _, p := range parts {
		m.Write([]byte{0})
		m.Write(p)
	}
	return m.Sum(nil)
}

var b64 = base64.RawURLEncoding

// session returns the browser's session id from its cookie, or makes a
// new one and sets the cookie when there is none this process signed.
func (g *guard) session(w http.ResponseWriter, r *http.Request) []byte {
	if sid, ok := g.cookie(r); ok {
		return sid
	}
	sid := make([]byte, sessionLen)
	rand.Read(sid)
	http.SetCookie(w, &http.Cookie{
		Name:     cookieName,
		Value:    b64.EncodeToString(sid) + "." + b64.EncodeToString(g.mac("cookie", sid)),
		Path:     "/",
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	})
	return sid
}

// cookie returns the session id of the request's cookie when this process
// signed it.
func (g *guard) cookie(r *http.Request) ([]byte, bool) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return nil, false
	}
	id, sig, ok := strings.Cut(c.Value, ".")
	if !ok {
		return nil, false
	}
	sid, err1 := b64.DecodeString(id)
	mac, err2 := b64.DecodeString(sig)
	if err1 != nil || err2 != nil || len(sid) != sessionLen || !hmac.Equal(mac, g.mac("cookie", sid)) {
		return nil, false
	}
	return sid, true
}

// token returns the hidden field's value for a form shown to session sid.
func (g *guard) token(sid []byte) string {
	exp := binary.BigEndian.AppendUint64(nil, uint64(g.now().Add(tokenTTL).Unix()))
	return b64.EncodeToString(exp) + "." + b64.EncodeToString(g.mac("form", sid, exp))
}

// check reports whether a POST may make a leaflet: the browser says it
// comes from this site (Sec-Fetch-Site or Origin), its session cookie is
// one this process signed, and the form's token was made for that
// session and has not expired.
func (g *guard) check(r *http.Request, token string) error {
	if err := g.origin.Check(r); err != nil {
		return errToken
	}
	sid, ok := g.cookie(r)
	if !ok {
		return errToken
	}
	e, sig, ok := strings.Cut(token, ".")
	if !ok {
		return errToken
	}
	exp, err1 := b64.DecodeString(e)
	mac, err2 := b64.DecodeString(sig)
	if err1 != nil || err2 != nil || len(exp) != 8 || !hmac.Equal(mac, g.mac("form", sid, exp)) {
		return errToken
	}
	if g.now().Unix() > int64(binary.BigEndian.Uint64(exp)) {
		return errToken
	}
	return nil
}
