"""Mints the bearer tokens TuyenGiao accepts (HS256 JWTs), with the Python standard library only.

The claims are those of src/Api/Security/TokenIssuer.cs: sub (the user; a judge's id on the panel), role (admin,
officer, organiser, judge or auditor), committee (the committee an officer or organiser acts for), name. The key,
issuer and audience come from the same settings as the Api's: Auth__SigningKey (base64; ops/env.sh provides it),
Auth__Issuer and Auth__Audience.
"""
import base64
import hashlib
import hmac
import json
import os
import time

ROLES = ("admin", "officer", "organiser", "judge", "auditor")


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mint(sub, role, committee=None, name=None, hours=12.0, key=None):
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if role in ("officer", "organiser") and not committee:
        raise ValueError(f"an {role} acts for a committee: give its code")
    key = key or os.environ.get("Auth__SigningKey")
    if not key:
        raise ValueError("Auth__SigningKey is not set (ops/env.sh sets it from .secrets/jwt-signing-key)")
    now = int(time.time())
    claims = {"sub": sub, "role": role, "iss": os.environ.get("Auth__Issuer", "tuyengiao"),
              "aud": os.environ.get("Auth__Audience", "tuyengiao-api"), "iat": now, "nbf": now, "exp": now + int(hours * 3600)}
    if committee:
        claims["committee"] = committee.strip().upper()
    if name:
        claims["name"] = name
    header = _b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64url(json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    signature = hmac.new(base64.b64decode(key), f"{header}.{payload}".encode("ascii"), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64url(signature)}"


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser(prog="ops/token.sh", description="Prints a bearer token for a local TuyenGiao.")
    parser.add_argument("role", choices=ROLES)
    parser.add_argument("committee", nargs="?", help="the committee code (officers and organisers)")
    parser.add_argument("--sub", help="the user id (default: the role, with the committee); a judge's id on the panel")
    parser.add_argument("--name", help="a display name")
    parser.add_argument("--hours", type=float, default=12.0, help="lifetime in hours (default 12)")
    args = parser.parse_args()
    try:
        print(mint(args.sub or "-".join(filter(None, [args.role, args.committee and args.committee.lower()])),
                   args.role, args.committee, args.name, args.hours))
    except ValueError as error:
        raise SystemExit(f"token.sh: {error}")
