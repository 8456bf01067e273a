#!/usr/bin/env bash
# Generates the Python stubs of the contracts into tests/Clients/python/generated (git-ignored), with Debian's
# protoc (protobuf-compiler) and gRPC plugin (protobuf-compiler-grpc). Debian's grpc_tools embeds a protoc too old
# for proto3 `optional`, so it is not used.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${1:-$here/generated}"
protoc="${PROTOC:-protoc}"
plugin="${GRPC_PYTHON_PLUGIN:-/usr/bin/grpc_python_plugin}"

command -v "$protoc" >/dev/null || { echo "protoc not found: apt-get install protobuf-compiler" >&2; exit 127; }
[ -x "$plugin" ] || { echo "$plugin not found: apt-get install protobuf-compiler-grpc" >&2; exit 127; }

rm -rf "$out"
mkdir -p "$out"
cd "$root/protos"
"$protoc" -I . \
  --python_out="$out" \
  --grpc_out="$out" --plugin=protoc-gen-grpc="$plugin" \
  hezhou/exchange/v1/*.proto \
  google/api/annotations.proto google/api/http.proto \
  google/rpc/error_details.proto google/rpc/status.proto \
  google/type/date.proto google/type/money.proto
echo "$out"
