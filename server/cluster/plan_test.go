package cluster

import (
	"encoding/json"
	"testing"
)

const rc = `{"op":"read_csv","path":"data/nyctaxi/yellow_tripdata_2019-01.csv"}`

func compute(x string) string { return `{"op":"compute","input":` + x + `}` }

func readCSV(fields string) string {
	return compute(`{"op":"read_csv",` + fields + `}`)
}

func TestGoodPlansAccepted(t *testing.T) {
	root := taxiRoot(t, 0.0005)
	good := []string{
		string(must(json.Marshal(taxiPlan()))),
		compute(`{"op":"head","n":10,"npartitions":-1,"input":{"op":"columns","columns":["fare_amount","tip_amount"],"input":` + rc + `}}`),
		compute(`{"op":"value_counts","input":{"op":"column","column":"payment_type","input":{"op":"read_csv","path":["data/nyctaxi/yellow_tripdata_2019-01.csv","data/nyctaxi/yellow_tripdata_2019-0[23].csv"],"blocksize":"64MB","usecols":["payment_type"]}}}`),
		compute(`{"op":"std","ddof":0,"input":{"op":"expr","input":` + rc + `,"expr":{"op":"div","left":{"op":"col","name":"tip_amount"},"right":{"op":"add","left":{"op":"col","name":"fare_amount"},"right":{"op":"lit","value":0.5}}}}}`),
		compute(`{"op":"size","input":{"op":"groupby","by":["VendorID","payment_type"],"dropna":false,"input":{"op":"filter","input":` + rc + `,"where":{"op":"or","left":{"op":"isnull","operand":{"op":"col","name":"passenger_count"}},"right":{"op":"not","operand":{"op":"le","left":{"op":"col","name":"tpep_pickup_datetime"},"right":{"op":"lit","value":"2019-01-15T12:00:00","type":"datetime"}}}}}}}`),
		`{"op":"persist","name":"taxi","input":` + rc + `}`,
		compute(`{"op":"nunique","input":{"op":"column","column":"PULocationID","input":{"op":"persisted","name":"t2"}}}`),
	}
	for i, g := range good {
		if _, err := CheckPlan([]byte(g), root, map[string]string{"t2": kFrame}); err != nil {
			t.Errorf("plan %d refused: %v\n%s", i, err, g)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
