"""Loads the Trà Vinh 2023 scenario and the figures of the five source reports (demo_reports.py) through the public
API, and prints the tallies and period reports they produce.

Figures from the source report: the bloc's writing contest "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần
thứ XI - Khát vọng Trà Vinh" drew 1,650 entries against a target of 1,277 (373 over), with 12 individual
prizes and the collective first prize; its quiz drew 5,033 of the bloc's 6,110 members, over 86% correct. The quiz
is taken online by the members themselves (demo_quiz.py).
"""
import json
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import demo_quiz
import demo_reports
import tokens

BASE = sys.argv[1].split(";")[0].rstrip("/")

PROVINCE = ("TV", "Ban Tuyên giáo Tỉnh ủy Trà Vinh", "Province", None, 52_000)
BLOC = ("TV-KHOI", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh", "Bloc", "TV", 6_110)
# The bloc's member organisations, with their party members (they add up to the bloc's 6,110).
MEMBERS = [
    ("TV-KHOI-VPUB", "Đảng bộ Văn phòng Ủy ban nhân dân tỉnh", 410),
    ("TV-KHOI-SGD", "Đảng bộ Sở Giáo dục và Đào tạo", 980),
    ("TV-KHOI-SYT", "Đảng bộ Sở Y tế", 1_020),
    ("TV-KHOI-STC", "Đảng bộ Sở Tài chính", 290),
    ("TV-KHOI-SNN", "Đảng bộ Sở Nông nghiệp và Phát triển nông thôn", 640),
    ("TV-KHOI-SVH", "Đảng bộ Sở Văn hóa, Thể thao và Du lịch", 360),
    ("TV-KHOI-SLD", "Đảng bộ Sở Lao động - Thương binh và Xã hội", 300),
    ("TV-KHOI-SGT", "Đảng bộ Sở Giao thông vận tải", 330),
    ("TV-KHOI-DL", "Đảng bộ Công ty Điện lực Trà Vinh", 720),
    ("TV-KHOI-NH", "Đảng bộ Ngân hàng Nhà nước chi nhánh tỉnh", 260),
    ("TV-KHOI-BHXH", "Đảng bộ Bảo hiểm xã hội tỉnh", 420),
    ("TV-KHOI-CTN", "Đảng bộ Công ty Cổ phần Cấp thoát nước", 380),
]
WRITING = "KHAT-VONG-TRA-VINH-2023"
QUIZ = "TRAC-NGHIEM-NQ-XI-2023"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Thạch", "Kim", "Sơn", "Lâm"]
GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thị Hoa", "Hoàng Long", "Thị Mai", "Văn Nam", "Ngọc Sương", "Thanh Tùng"]


# Who does what: an admin sets up the committees and loads the source reports; the bloc's organiser runs the
# contests; each member organisation's officer records its members' entries; the judges score as themselves.
ADMIN = tokens.mint("demo-admin", "admin")
ORGANISER = tokens.mint("demo-organiser-tv-khoi", "organiser", "TV-KHOI")
JUDGES = [("gk-tinh-1", "Giám khảo Ban Tuyên giáo Tỉnh ủy 1"), ("gk-tinh-2", "Giám khảo Ban Tuyên giáo Tỉnh ủy 2"),
          ("gk-tinh-3", "Giám khảo Ban Tuyên giáo Tỉnh ủy 3")]
JUDGE_TOKENS = {judge_id: tokens.mint(judge_id, "judge") for judge_id, _ in JUDGES}
OFFICERS = {code: tokens.mint(f"demo-officer-{code.lower()}", "officer", code) for code, _, _ in MEMBERS}


def call(method, path, body=None, accept=(200, 201), token=ADMIN, anonymous=False, forwarded_for=None, participant_key=None):
    """One request, signed in as the token's user, or anonymous (a quiz participant, from their own address, with their key)."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json", "X-Correlation-Id": "demo-tra-vinh-2023"}
    if not anonymous:
        headers["Authorization"] = f"Bearer {token}"
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    if participant_key:
        headers["X-Participant-Key"] = participant_key
    for _ in range(100):
        request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            problem = json.loads(error.read() or b"{}")
            if error.code == 429:
                # Submissions are limited per user, the quiz per address and person: wait as told, then send it again.
                time.sleep(float(error.headers.get("Retry-After", "1")))
                continue
            if error.code in accept:
                return error.code, problem
            raise SystemExit(f"demo: {method} {path} answered {error.code}: {problem.get('detail', problem)}")
    raise SystemExit(f"demo: {method} {path} was throttled 100 times in a row")


def committee(code, name, level, parent, members):
    status, _ = call("POST", "/api/committees",
                     {"code": code, "name": name, "level": level, "parentCode": parent, "memberCount": members},
                     accept=(201, 409))
    return status == 201


def announce(contest_id, kind, title, target, per_author, individual, collective):
    now = datetime.now(timezone.utc)
    status, _ = call("POST", "/api/contests", token=ORGANISER, body={
        "contestId": contest_id, "organiserCode": "TV-KHOI", "kind": kind, "title": title,
        "description": "Tổ chức theo kế hoạch của Ban Thường vụ Đảng ủy Khối năm 2023.",
        "opensAt": (now - timedelta(minutes=1)).isoformat(), "closesAt": (now + timedelta(days=30)).isoformat(),
        "target": target, "perAuthorLimit": per_author,
        "individualPrizes": individual, "collectivePrizes": collective,
    }, accept=(201, 409))
    return status == 201


def author(i):
    return f"{SURNAMES[i % len(SURNAMES)]} {GIVEN[(i // len(SURNAMES)) % len(GIVEN)]} {i:04d}"


def submit_all(contest_id, bodies, label):
    done = 0

    def one(body):
        call("POST", f"/api/contests/{contest_id}/entries", body, token=OFFICERS[body["committeeCode"]])

    with ThreadPoolExecutor(max_workers=16) as pool:
        for _ in pool.map(one, bodies):
            done += 1
            if done % 500 == 0 or done == len(bodies):
                print(f"  {label}: {done:,} / {len(bodies):,}", flush=True)


def main():
    status, _ = call("GET", "/health/ready", accept=(200, 503))
    if status != 200:
        raise SystemExit(f"demo: {BASE} is not ready; start it with ops/run.sh")

    print("Committees")
    committee(*PROVINCE)
    committee(*BLOC)
    for code, name, members in MEMBERS:
        committee(code, name, "Grassroots", "TV-KHOI", members)

    print("Writing contest")
    announce(WRITING, "Writing", "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI - Khát vọng Trà Vinh", 1_277, 1,
             [{"name": "Giải nhất", "count": 1}, {"name": "Giải nhì", "count": 2},
              {"name": "Giải ba", "count": 3}, {"name": "Giải khuyến khích", "count": 6}],
             [{"name": "Giải nhất tập thể", "count": 1}])
    # Entries come from the member organisations roughly in proportion to their members.
    weights = [m for _, _, m in MEMBERS]
    codes = [c for c, _, _ in MEMBERS]
    order = [codes[i] for i, w in enumerate(weights) for _ in range(w)]
    writing = [{
        "submissionId": f"demo-viet-{i:04d}", "authorName": author(i), "committeeCode": order[(i * 37) % len(order)],
        "title": f"Khát vọng Trà Vinh - bài dự thi số {i + 1}", "words": 1_200 + (i * 53) % 2_800,
    } for i in range(1_650)]
    submit_all(WRITING, writing, "entries")

    print("Judging")
    for judge_id, name in JUDGES:
        call("POST", f"/api/contests/{WRITING}/judges", {"judgeId": judge_id, "name": name, "committeeCode": "TV"}, token=ORGANISER)
    # The panel scores a shortlist of 40 entries; the twelve best take the individual prizes.
    for n in range(1, 41):
        for j, judge_id in enumerate(["gk-tinh-1", "gk-tinh-2", "gk-tinh-3"]):
            call("PUT", f"/api/contests/{WRITING}/entries/{n * 41}/scores", {"judgeId": judge_id, "score": 60 + (n * 7 + j * 3) % 40},
                 token=JUDGE_TOKENS[judge_id])
    call("POST", f"/api/contests/{WRITING}/awards/from-ranking", token=ORGANISER)
    status, tally = call("GET", f"/api/contests/{WRITING}/tally", token=ORGANISER)
    most = max((c for c in tally["byCommittee"] if c["code"] in codes), key=lambda c: c["ownAccepted"])
    if not any(t["tier"] == "Giải nhất tập thể" and t["granted"] for t in tally["awards"]):
        call("POST", f"/api/contests/{WRITING}/awards", {"tier": "Giải nhất tập thể", "collective": True, "committeeCode": most["code"],
                                                         "reason": "Đơn vị có số bài dự thi nhiều nhất và chất lượng"}, token=ORGANISER)

    print("Quiz")
    demo_quiz.load(call, QUIZ, announce, MEMBERS, author, ORGANISER)

    demo_reports.load(call, committee, MEMBERS)

    _, writing_tally = call("GET", f"/api/contests/{WRITING}/tally")
    _, participation = call("GET", f"/api/quizzes/{QUIZ}/participation")
    bloc = next(c for c in participation if c["code"] == "TV-KHOI")
    individual = sum(t["granted"] for t in writing_tally["awards"] if not t["collective"])
    collective = sum(t["granted"] for t in writing_tally["awards"] if t["collective"])
    print()
    print(f"Writing contest {WRITING}: {writing_tally['accepted']:,} entries against a target of {writing_tally['target']:,} "
          f"({writing_tally['progressPercent']}%, {writing_tally['overTarget']:,} over); "
          f"{individual} individual prizes and {collective} collective prize")
    print(f"Quiz {QUIZ}: {bloc['people']:,} of the bloc's {bloc['members']:,} members took part "
          f"({bloc['percent']}%), {bloc['correctPercent']}% of answers correct")
    print(f"Tally: {BASE}/api/contests/{WRITING}/tally (live: .../tally/live); the quiz's participation: "
          f"{BASE}/api/quizzes/{QUIZ}/participation; the hierarchy: {BASE}/api/committees/TV/subtree")
    demo_reports.summary(call, BASE)


if __name__ == "__main__":
    main()
