# Sourced by ops/run.sh, ops/token.sh and ops/demo.sh: exports Auth__SigningKey, the key that signs and checks
# bearer tokens. Unless it is already set, it is kept in .secrets/jwt-signing-key (git-ignored), made on first use.
if [ -z "${Auth__SigningKey:-}" ]; then
  key_file="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.secrets/jwt-signing-key"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$(dirname "$key_file")"
    (umask 077 && head -c 32 /dev/urandom | base64 > "$key_file")
  fi
  Auth__SigningKey=$(cat "$key_file")
  export Auth__SigningKey
fi
