package http

import "net/http"

// handleLogout ends the session in the store and clears the cookie.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if st := stateOf(r); st.token != "" {
		if err := s.store.DeleteSession(r.Context(), st.token); err != nil {
			s.log.Error("logout", "error", err)
		}
	}
	s.setSessionCookie(w, "", -1)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
