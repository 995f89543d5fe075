package http

// APIRoutes lists the API's routes as "METHOD /path" for the black-box
// tests, which compare them with the OpenAPI document.
func APIRoutes(s *Server) []string {
	var out []string
	for _, rt := range s.apiRoutes() {
		out = append(out, rt.Method+" "+rt.Pattern)
	}
	return out
}
