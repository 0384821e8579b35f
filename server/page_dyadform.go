package server

import (
	"net/http"
	"net/url"
)

// pageDyadForm answers the dyad form of the home page (GET /dyads?source=RUS&target=USA) with a
// redirect to the dyad page.
func (s *Server) pageDyadForm(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r, "source", "target", "by", "either")
	src, tgt := p.code("source"), p.code("target")
	if p.err == nil && (src == "" || tgt == "") {
		p.fail("a dyad needs two actor codes, such as RUS and USA")
	}
	if p.err != nil {
		return p.err
	}
	v := url.Values{}
	for _, k := range []string{"by", "either"} {
		if x := p.v.Get(k); x != "" {
			v.Set(k, x)
		}
	}
	to := "/dyads/" + url.PathEscape(src) + "/" + url.PathEscape(tgt)
	if len(v) > 0 {
		to += "?" + v.Encode()
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}
