package selection

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// TestFoldsMatchScikitLearn compares KFold and StratifiedKFold with the
// folds scikit-learn 1.2 made for the same labels.
func TestFoldsMatchScikitLearn(t *testing.T) {
	b, err := os.ReadFile("testdata/folds.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Y          []float64 `json:"y"`
		K          int       `json:"k"`
		Stratified [][]int   `json:"stratified"`
		KFold      [][]int   `json:"kfold"`
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		got, err := StratifiedKFold(c.Y, c.K)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c.Stratified) {
			t.Errorf("StratifiedKFold(%v, %d) = %v, scikit-learn %v", c.Y, c.K, got, c.Stratified)
		}
		plain, err := KFold(len(c.Y), c.K)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(plain, c.KFold) {
			t.Errorf("KFold(%d, %d) = %v, scikit-learn %v", len(c.Y), c.K, plain, c.KFold)
		}
	}
}

func TestRank(t *testing.T) {
	got := Rank([]float64{0.5, 0.9, 0.5, 0.7, 0.9})
	want := []int{4, 1, 4, 3, 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Rank = %v, want %v", got, want)
	}
}

func TestFoldErrors(t *testing.T) {
	if _, err := StratifiedKFold([]float64{1, 1, 2}, 3); err == nil || err.Error() != "ValueError: n_splits=3 cannot be greater than the number of members in each class." {
		t.Errorf("err = %v", err)
	}
	if _, err := KFold(3, 1); err == nil {
		t.Error("n_splits=1 accepted")
	}
}
