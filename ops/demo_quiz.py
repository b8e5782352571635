"""The Trà Vinh bloc's online quiz of 2023, as its members took it: the organiser loads a bank of 60 questions about
the Party's history and the province and sets four weekly rounds of 20 questions in 15 minutes; then 5,033 of the
bloc's 6,110 members each register with their phone number, start an attempt and submit it through the public
endpoints, without an account, from their own network address (a phone on a carrier's network: the node believes the
X-Forwarded-For of a proxy on its own host, which is what the demo is to it). Nobody answers every question right
(about seven in eight answers are), so the prediction question has a real answer.
"""
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

# (question, four options, the index of the right one). Facts of the Party's history and of Trà Vinh as of 2023.
BANK = [
    ("Đảng Cộng sản Việt Nam được thành lập ngày, tháng, năm nào?", ["3/2/1930", "19/5/1890", "2/9/1945", "22/12/1944"], 0),
    ("Ai chủ trì Hội nghị thành lập Đảng đầu năm 1930?", ["Trần Phú", "Nguyễn Ái Quốc", "Lê Hồng Phong", "Hà Huy Tập"], 1),
    ("Hội nghị thành lập Đảng năm 1930 họp ở đâu?", ["Pác Bó, Cao Bằng", "Hương Cảng (Hồng Kông), Trung Quốc", "Ma Cao, Trung Quốc", "Tân Trào, Tuyên Quang"], 1),
    ("Tổng Bí thư đầu tiên của Đảng là ai?", ["Trần Phú", "Lê Hồng Phong", "Nguyễn Văn Cừ", "Trường Chinh"], 0),
    ("Luận cương chánh trị của Đảng (tháng 10/1930) do ai soạn thảo?", ["Nguyễn Ái Quốc", "Trần Phú", "Lê Duẩn", "Phạm Văn Đồng"], 1),
    ("Tháng 10/1930, Đảng Cộng sản Việt Nam đổi tên thành gì?", ["Đảng Lao động Việt Nam", "Đông Dương Cộng sản Đảng", "Đảng Cộng sản Đông Dương", "An Nam Cộng sản Đảng"], 2),
    ("Đại hội đại biểu lần thứ I của Đảng (năm 1935) họp ở đâu?", ["Ma Cao, Trung Quốc", "Hà Nội", "Tuyên Quang", "Quảng Châu, Trung Quốc"], 0),
    ("Đại hội đại biểu toàn quốc lần thứ II của Đảng (tháng 2/1951) họp ở tỉnh nào?", ["Thái Nguyên", "Cao Bằng", "Tuyên Quang", "Bắc Kạn"], 2),
    ("Tại Đại hội II (1951), Đảng ra hoạt động công khai với tên gọi nào?", ["Đảng Cộng sản Việt Nam", "Đảng Lao động Việt Nam", "Đảng Cộng sản Đông Dương", "Đảng Nhân dân Cách mạng"], 1),
    ("Đại hội nào quyết định đổi tên Đảng Lao động Việt Nam thành Đảng Cộng sản Việt Nam?", ["Đại hội III (1960)", "Đại hội IV (1976)", "Đại hội V (1982)", "Đại hội VI (1986)"], 1),
    ("Đại hội đại biểu toàn quốc lần thứ III của Đảng họp năm nào?", ["1951", "1960", "1976", "1982"], 1),
    ("Đại hội nào của Đảng khởi xướng đường lối đổi mới toàn diện đất nước?", ["Đại hội V (1982)", "Đại hội VI (1986)", "Đại hội VII (1991)", "Đại hội VIII (1996)"], 1),
    ("Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội được thông qua tại Đại hội nào?", ["Đại hội VI (1986)", "Đại hội VII (1991)", "Đại hội IX (2001)", "Đại hội X (2006)"], 1),
    ("Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội (bổ sung, phát triển) được thông qua năm nào?", ["2006", "2011", "2016", "2021"], 1),
    ("Đại hội đại biểu toàn quốc lần thứ XIII của Đảng họp năm nào?", ["2016", "2020", "2021", "2026"], 2),
    ("Cách mạng Tháng Tám năm 1945 giành chính quyền ở Hà Nội vào ngày nào?", ["19/8/1945", "23/8/1945", "25/8/1945", "2/9/1945"], 0),
    ("Chủ tịch Hồ Chí Minh đọc Tuyên ngôn độc lập ngày 2/9/1945 tại đâu?", ["Nhà hát Lớn Hà Nội", "Quảng trường Ba Đình", "Bắc Bộ phủ", "Tân Trào"], 1),
    ("Chiến thắng Điện Biên Phủ kết thúc vào ngày nào?", ["7/5/1954", "21/7/1954", "30/4/1975", "19/12/1946"], 0),
    ("Hiệp định Giơnevơ về Đông Dương được ký năm nào?", ["1945", "1954", "1968", "1973"], 1),
    ("Hiệp định Pa-ri về chấm dứt chiến tranh, lập lại hòa bình ở Việt Nam được ký năm nào?", ["1968", "1972", "1973", "1975"], 2),
    ("Miền Nam hoàn toàn giải phóng, đất nước thống nhất vào ngày nào?", ["30/4/1975", "2/9/1975", "7/5/1975", "1/5/1975"], 0),
    ("Chủ tịch Hồ Chí Minh sinh ngày, tháng, năm nào?", ["19/5/1890", "19/5/1895", "2/9/1890", "3/2/1890"], 0),
    ("Tổ chức Hội Việt Nam Cách mạng Thanh niên do Nguyễn Ái Quốc thành lập năm nào?", ["1920", "1925", "1929", "1930"], 1),
    ("Ngày Báo chí Cách mạng Việt Nam 21/6 gắn với sự ra đời của tờ báo nào?", ["Nhân Dân", "Thanh Niên", "Cứu Quốc", "Việt Nam Độc lập"], 1),
    ("Đội Việt Nam Tuyên truyền Giải phóng quân, tiền thân của Quân đội nhân dân Việt Nam, thành lập ngày nào?", ["22/12/1944", "19/8/1945", "7/5/1944", "3/2/1944"], 0),
    ("Ngày truyền thống của ngành Tuyên giáo của Đảng là ngày nào?", ["3/2", "1/8", "21/6", "18/11"], 1),
    ("Ngày truyền thống Mặt trận Tổ quốc Việt Nam là ngày nào?", ["18/11/1930", "20/10/1930", "26/3/1931", "28/7/1929"], 0),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh được thành lập ngày nào?", ["26/3/1931", "20/10/1930", "15/5/1941", "19/5/1941"], 0),
    ("Hội Liên hiệp Phụ nữ Việt Nam được thành lập ngày nào?", ["8/3/1930", "20/10/1930", "18/11/1930", "26/3/1931"], 1),
    ("Cuộc Tổng tuyển cử bầu Quốc hội khóa I của nước Việt Nam Dân chủ Cộng hòa diễn ra ngày nào?", ["2/9/1945", "6/1/1946", "9/11/1946", "19/12/1946"], 1),
    ("Bản Hiến pháp đầu tiên của nước Việt Nam Dân chủ Cộng hòa được thông qua năm nào?", ["1945", "1946", "1959", "1980"], 1),
    ("Phong trào cách mạng 1930–1931 lên đến đỉnh cao với sự ra đời của chính quyền nào?", ["Xô viết Nghệ – Tĩnh", "Khu giải phóng Việt Bắc", "Ủy ban Dân tộc giải phóng", "Chính phủ lâm thời"], 0),
    ("Chỉ thị 05-CT/TW của Bộ Chính trị (năm 2016) về nội dung gì?", ["Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                                                                         "Công tác dân vận trong tình hình mới", "Xây dựng nông thôn mới", "Phòng, chống tham nhũng"], 0),
    ("Nghị quyết Trung ương 4 khóa XII (năm 2016) bàn về vấn đề gì?", ["Chiến lược phát triển kinh tế biển", "Tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn suy thoái",
                                                                       "Cải cách tiền lương", "Phát triển văn hóa"], 1),
    ("Kết luận 01-KL/TW (năm 2021) của Bộ Chính trị tiếp tục thực hiện văn bản nào?", ["Chỉ thị 05-CT/TW", "Nghị quyết 04-NQ/TW", "Chỉ thị 03-CT/TW", "Nghị quyết 26-NQ/TW"], 0),
    ("Bác Hồ ra đi tìm đường cứu nước từ bến cảng nào?", ["Hải Phòng", "Nhà Rồng", "Đà Nẵng", "Quy Nhơn"], 1),
    ("Chủ tịch Hồ Chí Minh từ trần ngày nào?", ["2/9/1969", "19/5/1969", "3/2/1969", "30/4/1969"], 0),
    ("Tổng Bí thư Nguyễn Văn Cừ là Tổng Bí thư thứ mấy của Đảng?", ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm"], 2),
    ("Phương châm \"dân biết, dân bàn, dân làm, dân kiểm tra\" gắn với việc nào?", ["Thực hiện dân chủ ở cơ sở", "Thi đua yêu nước", "Xây dựng nông thôn mới", "Cải cách hành chính"], 0),
    ("Tác phẩm \"Sửa đổi lối làm việc\" của Chủ tịch Hồ Chí Minh được viết năm nào?", ["1927", "1947", "1951", "1969"], 1),
    ("Tỉnh Trà Vinh được tái lập từ việc chia tỉnh nào?", ["Cửu Long", "Hậu Giang", "Nghĩa Bình", "Long Châu Hà"], 0),
    ("Tỉnh Trà Vinh được tái lập năm nào?", ["1976", "1992", "2004", "2008"], 1),
    ("Tỉnh Trà Vinh nằm giữa hai con sông lớn nào?", ["Sông Tiền (Cổ Chiên) và sông Hậu", "Sông Vàm Cỏ Đông và Vàm Cỏ Tây", "Sông Đồng Nai và sông Sài Gòn", "Sông Hồng và sông Đà"], 0),
    ("Trà Vinh thuộc vùng nào của đất nước?", ["Đông Nam Bộ", "Đồng bằng sông Cửu Long", "Tây Nguyên", "Duyên hải Nam Trung Bộ"], 1),
    ("Năm 2023, tỉnh Trà Vinh có bao nhiêu đơn vị hành chính cấp huyện?", ["7", "8", "9", "11"], 2),
    ("Ngoài người Kinh, dân tộc nào chiếm tỷ lệ lớn trong dân số tỉnh Trà Vinh?", ["Chăm", "Khmer", "Tày", "Ê Đê"], 1),
    ("Thắng cảnh Ao Bà Om thuộc địa phương nào?", ["Thành phố Trà Vinh", "Thị xã Duyên Hải", "Huyện Cầu Kè", "Huyện Càng Long"], 0),
    ("Đền thờ Chủ tịch Hồ Chí Minh ở xã Long Đức, Trà Vinh được xây dựng năm nào?", ["1969–1970", "1975", "1990", "2000"], 0),
    ("Lễ hội Ok Om Bok của đồng bào Khmer là lễ gì?", ["Lễ mừng năm mới", "Lễ cúng trăng", "Lễ cúng ông bà", "Lễ dâng y"], 1),
    ("Tết cổ truyền năm mới của đồng bào Khmer gọi là gì?", ["Chôl Chnăm Thmây", "Sene Đôlta", "Ok Om Bok", "Kate"], 0),
    ("Cầu Cổ Chiên nối tỉnh Trà Vinh với tỉnh nào?", ["Vĩnh Long", "Bến Tre", "Sóc Trăng", "Tiền Giang"], 1),
    ("Trung tâm Điện lực Duyên Hải đặt tại địa phương nào của Trà Vinh?", ["Huyện Trà Cú", "Thị xã Duyên Hải", "Huyện Tiểu Cần", "Thành phố Trà Vinh"], 1),
    ("Khu kinh tế ven biển của tỉnh Trà Vinh có tên là gì?", ["Khu kinh tế Định An", "Khu kinh tế Vân Phong", "Khu kinh tế Dung Quất", "Khu kinh tế Năm Căn"], 0),
    ("Trường đại học công lập đa ngành của tỉnh Trà Vinh là trường nào?", ["Đại học Cần Thơ", "Đại học Trà Vinh", "Đại học Cửu Long", "Đại học Tây Đô"], 1),
    ("Trà Vinh có đường bờ biển dài khoảng bao nhiêu ki-lô-mét?", ["25 km", "65 km", "150 km", "250 km"], 1),
    ("Đại hội đại biểu Đảng bộ tỉnh Trà Vinh lần thứ XI là đại hội nhiệm kỳ nào?", ["2010–2015", "2015–2020", "2020–2025", "2025–2030"], 2),
    ("Kênh đào giúp tàu biển trọng tải lớn vào sông Hậu qua địa bàn Trà Vinh là kênh nào?", ["Kênh Quan Chánh Bố", "Kênh Vĩnh Tế", "Kênh Xáng Xà No", "Kênh Chợ Gạo"], 0),
    ("Bảo tàng Văn hóa dân tộc Khmer của tỉnh nằm cạnh thắng cảnh nào?", ["Ao Bà Om", "Biển Ba Động", "Cù lao Tân Quy", "Chùa Vàm Rây"], 0),
    ("Bãi biển nổi tiếng của Trà Vinh ở thị xã Duyên Hải là bãi biển nào?", ["Ba Động", "Vũng Tàu", "Mũi Né", "Tân Thành"], 0),
    ("Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh trực thuộc cấp ủy nào?", ["Tỉnh ủy Trà Vinh", "Đảng ủy Khối các cơ quan Trung ương", "Thành ủy Trà Vinh", "Huyện ủy Càng Long"], 0),
]

ANSWERS_PER_ATTEMPT = 20


def load(call, contest_id, announce, members, author, organiser):
    """Sets the quiz up and has 5,033 members take round 1; a second run finds it done and adds nothing."""
    announce(contest_id, "Quiz", "Tìm hiểu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI", 6_110, 1,
             [{"name": "Giải nhất", "count": 1}, {"name": "Giải nhì", "count": 2}, {"name": "Giải ba", "count": 3}], [])
    root = f"/api/quizzes/{contest_id}"
    status, quiz = call("GET", root, accept=(200, 404), token=organiser)
    if status == 404:
        # The rules, then the bank: the first round opens a few seconds later, after which neither can change.
        opens = datetime.now(timezone.utc) + timedelta(seconds=5)
        rounds = [{"opensAt": (opens + timedelta(days=7 * w)).isoformat(), "closesAt": (opens + timedelta(days=7 * (w + 1))).isoformat()}
                  for w in range(4)]
        call("PUT", f"{root}/rules", {
            "questionsPerAttempt": ANSWERS_PER_ATTEMPT, "timeLimitMinutes": 15, "attemptsPerRound": 1, "counting": "First",
            "rounds": rounds, "predictionQuestion": "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?"}, token=organiser)
        _, quiz = call("PUT", f"{root}/bank", {"questions": [{"text": q, "options": o, "correct": [c]} for q, o, c in BANK]}, token=organiser)
        time.sleep(max(0.0, (opens - datetime.now(timezone.utc)).total_seconds()) + 0.5)
    if quiz["participants"] >= 5_033:
        return
    weights = [m for _, _, m in members]
    codes = [c for c, _, _ in members]
    order = [codes[i] for i, w in enumerate(weights) for _ in range(w)]
    right = {n + 1: c for n, (_, _, c) in enumerate(BANK)}
    done = 0

    def take_part(i):
        phone = f"091{i:07d}"
        address = f"100.64.{i // 250}.{i % 250 + 1}"
        _, person = call("POST", f"{root}/participants", {
            "name": author(20_000 + i), "phone": phone, "birthYear": 1960 + i % 45, "committeeCode": order[(i * 13) % len(order)],
            "consent": True}, anonymous=True, forwarded_for=address)
        key = person["participantKey"]
        _, attempt = call("POST", f"{root}/attempts", {"attemptId": f"demo-luot-{i:04d}", "phone": phone},
                          anonymous=True, forwarded_for=address, participant_key=key)
        # About seven answers in eight right; a person gets one of every eight of their questions wrong, so nobody has all right.
        answers = [{"question": q["number"], "chosen": [right[q["number"]] if (i + k) % 8 else (right[q["number"]] + 1) % 4]}
                   for k, q in enumerate(attempt["questions"])]
        call("PUT", f"{root}/attempts/demo-luot-{i:04d}/submission", {"phone": phone, "answers": answers, "prediction": 100 + i % 900},
             anonymous=True, forwarded_for=address, participant_key=key)

    with ThreadPoolExecutor(max_workers=16) as pool:
        for _ in pool.map(take_part, range(5_033)):
            done += 1
            if done % 500 == 0 or done == 5_033:
                print(f"  quiz participants: {done:,} / 5,033", flush=True)
