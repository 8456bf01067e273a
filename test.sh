#!/usr/bin/env bash
# Runs every test on a fresh machine that has only the .NET SDK: first installs what the tests need beyond it, each
# from its registry and only when missing — the pinned npm tooling (buf, the Node client's gRPC), the .NET tools, and
# Debian's Python with grpcio and protobuf and protoc with its gRPC Python plugin and the well-known types, for the
# Python and Node client tests, and python-stdnum, the peer the citizen-ID tests compare with. Arguments go to
# `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"

echo "== tooling"
npm ci --no-audit --no-fund
dotnet tool restore

missing=()
[ -x /usr/bin/python3 ] || missing+=(python3)
/usr/bin/python3 -c 'import grpc' 2>/dev/null || missing+=(python3-grpcio)
/usr/bin/python3 -c 'import google.protobuf' 2>/dev/null || missing+=(python3-protobuf)
/usr/bin/python3 -c 'import stdnum.cn.ric' 2>/dev/null || missing+=(python3-stdnum)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
[ -x /usr/bin/grpc_python_plugin ] || missing+=(protobuf-compiler-grpc)
[ -f /usr/include/google/protobuf/timestamp.proto ] || missing+=(libprotobuf-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

echo "== tests"
dotnet test Hezhou.Exchange.sln "$@"
