package sqlstore_test

import (
	"errors"
	"strings"
	"testing"

	"lekradar"
	"lekradar/sqlstore"
)

func TestBatchError(t *testing.T) {
	verr := &lekradar.ValidationError{Fields: []lekradar.FieldError{{Field: "allegation", Value: "x", Message: "is not a code of allegation"}}}
	tests := []struct {
		name     string
		err      *sqlstore.BatchError
		code     string
		contains []string
	}{
		{"validation", &sqlstore.BatchError{Index: 3, RegNo: "VIK-AMS-2016-0001", Err: verr},
			lekradar.EINVALID, []string{"dossier 3", "VIK-AMS-2016-0001", "allegation", `"x"`}},
		{"conflict without reg_no", &sqlstore.BatchError{Index: 0, Err: lekradar.Errorf(lekradar.ECONFLICT, "taken")},
			lekradar.ECONFLICT, []string{"dossier 0", "taken"}},
		{"internal stays internal", &sqlstore.BatchError{Index: 1, Err: errors.New("disk I/O error")},
			lekradar.EINTERNAL, []string{"Internal error."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lekradar.ErrorCode(tt.err); got != tt.code {
				t.Errorf("ErrorCode = %q, want %q", got, tt.code)
			}
			msg := lekradar.ErrorMessage(tt.err)
			for _, want := range tt.contains {
				if !strings.Contains(msg, want) {
					t.Errorf("ErrorMessage %q lacks %q", msg, want)
				}
			}
			if !strings.Contains(tt.err.Error(), tt.err.Err.Error()) && tt.code == lekradar.EINTERNAL {
				t.Errorf("Error() %q hides the cause from the log", tt.err.Error())
			}
			if !errors.Is(tt.err, tt.err.Err) {
				t.Error("the batch error does not unwrap to the dossier's error")
			}
		})
	}
	var v *lekradar.ValidationError
	if !errors.As(error(tests[0].err), &v) || v != verr {
		t.Error("errors.As does not find the field errors of the dossier")
	}
}
