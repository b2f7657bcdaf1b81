package kernel

import (
	"encoding/json"

	"go.starlark.net/starlark"

	"burst/engine/codec"
)

// The kernel's values travel by engine/codec: plain data as tagged JSON,
// numpy arrays by the codec engine/lib/numpy registers, estimators by the
// plain type engine/lib/sklearn registers.

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
