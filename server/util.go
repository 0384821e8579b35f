package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// pathID reads the {id} path value, a stored document id.
func pathID(r *http.Request) (int64, error) {
	s := r.PathValue("id")
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, errorf(http.StatusBadRequest, "%q is not a document id (a positive whole number)", s)
	}
	return id, nil
}

func upper(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// serverTiming formats a Server-Timing header value.
func serverTiming(name string, d time.Duration) string {
	return fmt.Sprintf("%s;dur=%.1f", name, float64(d.Microseconds())/1000)
}
