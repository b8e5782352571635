# Sourced by ops/run.sh, ops/cluster.sh, ops/token.sh, ops/account.sh, ops/demo.sh and the benchmarks: exports the
# node's two secrets, each kept in .secrets/ (git-ignored) and made on first use unless already set:
#   Auth__SigningKey          signs and checks bearer tokens          (.secrets/jwt-signing-key)
#   PersonalData__MasterKey   wraps the data keys of personal data    (.secrets/personal-data-master-key)
# Losing the master key loses every personal text stored under it (docs/personal-data.md): back .secrets/ up.
secret_from_file() { # variable file
  if [ -z "${!1:-}" ]; then
    local key_file
    key_file="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.secrets/$2"
    if [ ! -s "$key_file" ]; then
      mkdir -p "$(dirname "$key_file")"
      (umask 077 && head -c 32 /dev/urandom | base64 > "$key_file")
    fi
    printf -v "$1" '%s' "$(cat "$key_file")"
    export "${1?}"
  fi
}
secret_from_file Auth__SigningKey jwt-signing-key
secret_from_file PersonalData__MasterKey personal-data-master-key
