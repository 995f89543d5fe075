package http

import (
	"net/http"
	"regexp"
	"strings"
)

// The store's validation messages are English phrases; the forms show them
// in the page's language. Each known phrase maps to a message key, whose
// text may take the phrase's captured value (%s). An unknown phrase is
// shown as it is.
var validationTexts = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^is required \(YYYY-MM-DD\)$`), "valerr.date_required"},
	{regexp.MustCompile(`^is required$`), "valerr.required"},
	{regexp.MustCompile(`^is not a code of \S+$`), "valerr.not_a_code"},
	{regexp.MustCompile(`^is not a date YYYY-MM-DD(?:: .*)?$`), "valerr.not_a_date"},
	{regexp.MustCompile(`^is earlier than the previous phase \((.*)\)$`), "valerr.before_previous"},
	{regexp.MustCompile(`^is earlier than received \((.*)\)$`), "valerr.before_received"},
	{regexp.MustCompile(`^is not the id of a stored dossier$`), "valerr.no_dossier"},
	{regexp.MustCompile(`^links the same dossier twice$`), "valerr.dossier_twice"},
	{regexp.MustCompile(`^is not a dossier id or registration number`), "valerr.dossier_ref"},
	{regexp.MustCompile(`^choose a new or an existing dossier$`), "valerr.target"},
	{regexp.MustCompile(`^is not a list of dossier numbers: (.*)$`), "valerr.dossier_list"},
}

// localizeErrors rewrites the messages of a form's error map into the
// request's language.
func (s *Server) localizeErrors(r *http.Request, errs map[string]string) {
	lang := stateOf(r).lang
	for field, msg := range errs {
		parts := strings.Split(msg, "; ")
		for i, p := range parts {
			parts[i] = s.validationText(lang, p)
		}
		errs[field] = strings.Join(parts, "; ")
	}
}

func (s *Server) validationText(lang, msg string) string {
	for _, v := range validationTexts {
		m := v.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		text := s.catalog.text(lang, v.key)
		if len(m) > 1 && strings.Contains(text, "%s") {
			text = strings.Replace(text, "%s", m[1], 1)
		}
		return text
	}
	return msg
}
