"""Creates a person's account on a running TuyenGiao and gives it grants, as an admin would on the API, with a key
holder's admin token (tokens.py, the same key as ops/run.sh). Prints the first password once: the person signs in
with it on the login page (/ui/#/dang-nhap) and must change it before anything else.

  ops/account.sh lan.nguyen "Nguyễn Thị Lan" --email lan@travinh.gov.vn --grant officer@TV-KHOI
  ops/account.sh admin.tinh "Quản trị tỉnh" --phone 0912345678 --grant admin
A grant is written as the API's grant claims are: admin, auditor, judge, judge#CONTEST, officer@COMMITTEE, organiser@COMMITTEE.
"""
import argparse
import json
import secrets
import sys
import urllib.error
import urllib.request

import tokens


def call(base, method, path, body, token):
    request = urllib.request.Request(base + path, data=json.dumps(body, ensure_ascii=False).encode("utf-8"), method=method,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        problem = json.loads(error.read() or b"{}")
        raise SystemExit(f"account.sh: {method} {path}: {error.code} {problem.get('detail') or problem.get('title')}")
    except urllib.error.URLError as error:
        raise SystemExit(f"account.sh: {base} does not answer ({error.reason}): start the system with ops/run.sh")


def grant_body(text):
    role, committee, contest = text, None, None
    if "@" in text:
        role, committee = text.split("@", 1)
    elif "#" in text:
        role, contest = text.split("#", 1)
    return {"role": role.capitalize(), "committeeCode": committee, "contestId": contest}


def main():
    parser = argparse.ArgumentParser(prog="ops/account.sh", description="Creates a person's account and gives it grants.")
    parser.add_argument("username")
    parser.add_argument("full_name")
    parser.add_argument("--email")
    parser.add_argument("--phone")
    parser.add_argument("--grant", action="append", default=[], help="for example officer@TV-KHOI (repeat for several)")
    parser.add_argument("--url", default="http://127.0.0.1:5080")
    args = parser.parse_args()
    if not args.email and not args.phone:
        parser.error("give --email or --phone (a person's account needs a way to reach them)")
    base = args.url.split(";")[0].rstrip("/")
    admin = tokens.mint("ops-account-sh", "admin", hours=0.1)
    first = secrets.token_urlsafe(12)
    call(base, "POST", "/api/accounts", {"username": args.username, "fullName": args.full_name, "email": args.email,
                                         "phone": args.phone, "firstPassword": first}, admin)
    for grant in args.grant:
        call(base, "POST", f"/api/accounts/{args.username}/grants", grant_body(grant), admin)
    print(f"{args.username}: first password {first} (shown once; to be changed at the first sign-in on {base}/ui/#/dang-nhap)")


if __name__ == "__main__":
    sys.exit(main())
