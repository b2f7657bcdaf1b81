package kernel

import (
	"encoding/json"
	"fmt"

	"go.starlark.net/starlark"

	"burst/engine/codec"
)

// The kernel's values travel by engine/codec: plain data as tagged JSON,
// numpy arrays by the codec numpy.go registers, estimators by the plain
// type below.

// encodePlain writes plain data (see codec.EncodePlain).
func encodePlain(v starlark.Value) (json.RawMessage, error) { return codec.EncodePlain(v) }

// encodeValue is encodePlain; a depRef in v is written as a reference to
// a task input.
func encodeValue(v starlark.Value) (json.RawMessage, error) { return codec.EncodePlain(v) }

// decodePlain reads what encodePlain wrote.
func decodePlain(b json.RawMessage) (starlark.Value, error) { return codec.DecodePlain(b) }

// decodeValue reads what encodeValue wrote, with references to task
// inputs replaced by inputs.
func decodeValue(b json.RawMessage, inputs []starlark.Value) (starlark.Value, error) {
	return codec.DecodeArgs(b, inputs)
}

// An estimator travels unfitted, as plain data: its class and parameters.
func init() {
	codec.RegisterPlain(codec.PlainType{
		Tag: "estimator",
		Encode: func(v starlark.Value, enc func(starlark.Value) (any, error)) (any, bool, error) {
			est, ok := v.(*Estimator)
			if !ok {
				return nil, false, nil
			}
			params := map[string]any{}
			for name, pv := range est.params {
				e, err := enc(pv)
				if err != nil {
					return nil, true, err
				}
				params[name] = e
			}
			return map[string]any{"class": est.class.name, "params": params}, true, nil
		},
		Decode: func(raw json.RawMessage, dec func(json.RawMessage) (starlark.Value, error)) (starlark.Value, error) {
			var e struct {
				Class  string                     `json:"class"`
				Params map[string]json.RawMessage `json:"params"`
			}
			if err := json.Unmarshal(raw, &e); err != nil {
				return nil, err
			}
			c := estimatorClasses[e.Class]
			if c == nil {
				return nil, fmt.Errorf("unknown estimator %q", e.Class)
			}
			est, _ := newEstimator(c, nil, nil)
			for name, pr := range e.Params {
				v, err := dec(pr)
				if err != nil {
					return nil, err
				}
				est.params[name] = v
			}
			return est, nil
		},
	})
}
