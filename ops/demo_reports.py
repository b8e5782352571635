"""The figures of the five source reports (../shared/seeds), loaded through the public API so that the period
report endpoint reproduces them. Where a source gives a rate but not its parts (party members), the parts are
chosen to give that rate; those choices are marked below. Every record has a fixed id: a second run adds nothing.
"""
import math


def distribute(total, weights):
    """Splits a total over weights; the remainder goes to the last, so the parts add up exactly."""
    parts = [total * w // sum(weights) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def load(call, committee, members):
    """members: the Trà Vinh bloc's member organisations as (code, name, party members)."""
    def campaign(campaign_id, launcher, title, kind, start, end, targets=None):
        call("POST", "/api/campaigns", {"campaignId": campaign_id, "launcherCode": launcher, "title": title, "kind": kind,
                                        "periodStart": start, "periodEnd": end, "targets": targets or {}}, accept=(201, 409))

    def report(campaign_id, report_id, code, start, end, **figures):
        call("POST", f"/api/campaigns/{campaign_id}/reports",
             {"reportId": report_id, "committeeCode": code, "periodStart": start, "periodEnd": end, "figures": figures})

    def record(code, kind, body):
        call("POST", f"/api/committees/{code}/{kind}", body)

    # 1. Cần Thơ, 2020: the city's inspection of Thốt Nốt and Cờ Đỏ (seed 000).
    print("Source reports: Cần Thơ 2020 (Thốt Nốt, Cờ Đỏ)")
    committee("CT", "Ban Tuyên giáo Thành ủy Cần Thơ", "Province", None, 60_000)
    committee("CT-TN", "Ban Tuyên giáo Quận ủy Thốt Nốt", "District", "CT", 4_150)  # members: chosen
    committee("CT-CD", "Ban Tuyên giáo Huyện ủy Cờ Đỏ", "District", "CT", 3_900)  # members: chosen
    campaign("CT-CT05-2020", "CT", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh - chuyên đề năm 2020",
             "AnnualTheme", "2020-01-01", "2020-12-31")
    # Over 92% of members wrote a pledge: 3,830 of 4,150 is 92.3%. 35 classes with 2,611 learners.
    report("CT-CT05-2020", "thot-not-2020", "CT-TN", "2020-01-01", "2020-12-31", partyMembers=4_150, membersPledged=3_830,
           trainingClasses=[{"classType": "Đào tạo, bồi dưỡng", "classes": 35, "learners": 2_611}])
    # 43 classes of political theory and professional training for over 5,700 learners.
    report("CT-CT05-2020", "co-do-2020", "CT-CD", "2020-01-01", "2020-12-31", partyMembers=3_900,
           trainingClasses=[{"classType": "Bồi dưỡng lý luận chính trị, chuyên môn nghiệp vụ", "classes": 43, "learners": 5_712}])
    # 32 Directive-05 model programmes maintained in 2020 and 34 new "dân vận khéo" models launched in 2020.
    for i in range(1, 33):
        record("CT-TN", "model-programmes", {"programmeId": f"ct05-{i:02d}", "name": f"Mô hình làm theo Bác số {i}",
                                             "programmeType": "Chỉ thị 05", "field": "Học tập và làm theo Bác", "startedOn": "2019-03-01"})
        record("CT-TN", f"model-programmes/ct05-{i:02d}/reviews", {"reviewedOn": "2020-11-30", "note": "Duy trì, phát triển"})
    for i in range(1, 35):
        record("CT-TN", "model-programmes", {"programmeId": f"dvk-{i:02d}", "name": f"Mô hình dân vận khéo số {i}",
                                             "programmeType": "Dân vận khéo", "field": ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh"][i % 3],
                                             "startedOn": f"2020-{1 + i % 12:02d}-15"})
    for code, findings in [("CT-TN", "Tham mưu triển khai tốt nhiệm vụ tuyên giáo năm 2020; 27/27 chi, đảng bộ xây dựng chương trình hành động"),
                           ("CT-CD", "Công tác tuyên giáo năm 2020 triển khai toàn diện, kịp thời và có hiệu quả")]:
        record(code, "inspections", {
            "inspectionId": "kiem-tra-2020", "inspectorCode": "CT", "inspectedOn": "2020-10-28",
            "delegation": ["Lê Thị Sương Mai, Thành ủy viên, Phó Trưởng Ban Tuyên giáo Thành ủy"], "findings": findings,
            "recommendations": "Tiếp tục tham mưu cấp ủy quán triệt, tổ chức thực hiện các nghị quyết, chỉ thị; bảo vệ nền tảng tư tưởng của Đảng"})

    # 2. Quảng Trị, first half of 2020 (seed 001): a briefing with no figures; the campaign it reviewed.
    print("Source reports: Quảng Trị, first half of 2020")
    committee("QT", "Ban Tuyên giáo Tỉnh ủy Quảng Trị", "Province", None, 50_000)
    campaign("QT-CT05-2020", "QT", "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "StudyDrive", "2020-01-01", "2020-12-31")

    # 3. An urban district, first ten months of 2019 (seed 002). The source does not name its city.
    print("Source reports: an urban district, ten months of 2019")
    committee("TP-2019", "Ban Tuyên giáo Thành ủy (không nêu tên trong nguồn)", "Province", None, 40_000)
    committee("TP-2019-Q", "Ban Tuyên giáo Quận ủy (báo cáo 10 tháng năm 2019)", "District", "TP-2019", 2_800)  # members: chosen
    # 63 classes of a planned 54 is 117%.
    campaign("Q-CT35-2019", "TP-2019-Q", "Quán triệt Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp", "StudyDrive", "2019-01-01", "2019-12-31",
             {"trainingClasses": 54})
    # 51 conferences with over 97% of members (2,720 of 2,800 is 97.1%); 93 personal pledge plans of district leaders.
    report("Q-CT35-2019", "quan-10-thang-2019", "TP-2019-Q", "2019-01-01", "2019-10-31", partyMembers=2_800, studySessions=51,
           membersStudied=2_720, membersPledged=93,
           trainingClasses=[{"classType": "Trung tâm Bồi dưỡng chính trị quận", "classes": 63, "learners": 16_837}])
    # 47 of 49 public-opinion issues resolved.
    for i in range(1, 50):
        record("TP-2019-Q", "opinion-issues", {"issueId": f"dlxh-2019-{i:02d}", "subject": f"Vấn đề dư luận xã hội số {i}",
                                               "openedOn": f"2019-{1 + i % 9:02d}-05"})
        if i <= 47:
            record("TP-2019-Q", f"opinion-issues/dlxh-2019-{i:02d}/resolution",
                   {"resolvedOn": f"2019-{1 + i % 9:02d}-25", "outcome": "Đã giải quyết triệt để"})

    # 4. The Trà Vinh bloc of agencies and enterprises, 2023 (seed 003): study, oral propaganda, classes.
    print("Source reports: Trà Vinh bloc, 2023")
    campaign("TV-KHOI-CD-2023", "TV-KHOI",
             "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phát huy sức mạnh đại đoàn kết toàn dân tộc, "
             "khơi dậy khát vọng xây dựng quê hương Trà Vinh phát triển trong giai đoạn mới", "AnnualTheme", "2023-01-01", "2023-12-31")
    weights = [m for _, _, m in members]
    # 1,462 sessions with 42,128 attendances; over 99.6% of members took part (6,086 of 6,110); 3,265 oral sessions, 64,260 attendances.
    sessions, attendances = distribute(1_462, weights), distribute(42_128, weights)
    oral, oral_attendances = distribute(3_265, weights), distribute(64_260, weights)
    absent = distribute(24, weights)
    for i, (code, _, party_members) in enumerate(members):
        report("TV-KHOI-CD-2023", f"{code.lower()}-2023", code, "2023-01-01", "2023-12-31", partyMembers=party_members,
               studySessions=sessions[i], studyAttendances=attendances[i], membersStudied=party_members - absent[i],
               oralSessions=oral[i], oralAttendances=oral_attendances[i])
    # The bloc's own: 4 online conferences at 44 bridge points; 11 classes for 944 people.
    report("TV-KHOI-CD-2023", "tv-khoi-2023", "TV-KHOI", "2023-01-01", "2023-12-31", partyMembers=0, onlineConferences=4, bridgePoints=44,
           trainingClasses=[
               {"classType": "Lý luận chính trị cho đảng viên mới", "classes": 3, "learners": 270},
               {"classType": "Lý luận chính trị cho đối tượng kết nạp đảng", "classes": 4, "learners": 320},
               {"classType": "Kiến thức quốc phòng và an ninh đối tượng 4", "classes": 1, "learners": 89},
               {"classType": "Cập nhật kiến thức đối tượng 5", "classes": 2, "learners": 100},
               {"classType": "Nghiệp vụ bảo vệ nền tảng tư tưởng của Đảng", "classes": 1, "learners": 165},
           ])

    # 5. Kiến Tường town, Long An, 2015-2020 (seed 004): resolution study and commendations.
    print("Source reports: Kiến Tường, 2015-2020")
    committee("LA", "Ban Tuyên giáo Tỉnh ủy Long An", "Province", None, 70_000)
    committee("LA-KT", "Ban Tuyên giáo Thị ủy Kiến Tường", "District", "LA", 1_800)  # members: chosen
    campaign("LA-KT-NQ-2015-2020", "LA-KT", "Học tập, quán triệt nghị quyết của Đảng nhiệm kỳ 2015 - 2020", "StudyDrive", "2015-01-01", "2020-12-31")
    # Over 96% took part: 1,730 of 1,800 is 96.1%.
    report("LA-KT-NQ-2015-2020", "kien-tuong-2015-2020", "LA-KT", "2015-01-01", "2020-06-16", partyMembers=1_800,
           membersStudied=math.ceil(1_800 * 0.961))
    for commendation_id, form, level, by, collectives, individuals in [
        ("ubnd-thi-xa", "Certificate", "District", "Ủy ban nhân dân thị xã", 17, 66),
        ("bi-thu-tinh-uy", "Letter", "Province", "Bí thư Tỉnh ủy", 1, 3),
        ("chu-tich-ubnd-tinh", "MeritCertificate", "Province", "Chủ tịch Ủy ban nhân dân tỉnh", 3, 7),
        ("thu-tuong", "MeritCertificate", "Central", "Thủ tướng Chính phủ", 1, 0),
        ("co-so", "Certificate", "Grassroots", "Cấp cơ sở", 100, 220),
    ]:
        record("LA-KT", "commendations", {"commendationId": commendation_id, "form": form, "awardingLevel": level, "awardedBy": by,
                                          "collectives": collectives, "individuals": individuals, "awardedOn": "2020-05-19",
                                          "reason": "Thành tích tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"})


def summary(call, base):
    """Prints the period reports that reproduce the source figures."""
    def period(code, start, end):
        return call("GET", f"/api/committees/{code}/reports/period?from={start}&to={end}")[1]

    tn = period("CT-TN", "2020-01-01", "2020-12-31")
    total, programmes = tn["activities"]["total"], tn["modelProgrammes"]["byType"]
    kinds = {p["programmeType"]: p for p in programmes}
    print(f"Thốt Nốt 2020: {total['subtree']['classes']} classes, {total['subtree']['learners']:,} learners, "
          f"{total['pledgePercent']}% of members pledged; {kinds['Chỉ thị 05']['maintained']} Directive-05 programmes maintained, "
          f"{kinds['Dân vận khéo']['new']} new 'dân vận khéo'; inspected on {tn['inspections'][0]['inspectedOn']}")
    tv = period("TV-KHOI", "2023-01-01", "2023-12-31")["activities"]["total"]
    f = tv["subtree"]
    print(f"Trà Vinh bloc 2023: {f['studySessions']:,} study sessions, {f['studyAttendances']:,} attendances, {tv['participationPercent']}% of "
          f"members; {f['onlineConferences']} online conferences at {f['bridgePoints']} bridge points; {f['oralSessions']:,} oral sessions, "
          f"{f['oralAttendances']:,} attendances; {f['classes']} classes, {f['learners']} learners")
    q = period("TP-2019-Q", "2019-01-01", "2019-10-31")
    print(f"Urban district, 10 months of 2019: {q['opinionIssues']['resolvedOfOpened']} of {q['opinionIssues']['opened']} issues resolved; "
          f"{q['activities']['campaigns'][0]['achievement']['trainingClassesPercent']}% of the classes planned")
    kt = period("LA-KT", "2015-01-01", "2020-12-31")["commendations"]
    print(f"Kiến Tường 2015-2020: commendations to {kt['collectives']} collectives and {kt['individuals']} individuals")
    print(f"Period reports: {base}/api/committees/TV-KHOI/reports/period?from=2023-01-01&to=2023-12-31 (&format=csv or xlsx)")
