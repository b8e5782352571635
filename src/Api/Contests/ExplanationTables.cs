using TuyenGiao.Api.Reports;
using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests;

/// <summary>An entry's explanation as CSV tables (Vietnamese headings, times in Vietnam time), each line with the event it rests on.</summary>
public static class ExplanationTables
{
    private static readonly string[] Cited = ["Luồng sự kiện", "Phiên bản", "Ghi lúc", "Người ghi"];

    public static IReadOnlyList<ReportTable> From(EntryExplanation e) =>
    [
        new($"Giải trình xếp hạng: cuộc thi {e.ContestId}, bài số {e.EntryNumber}, tính đến phiên bản {e.Version}",
            ["Tình trạng", "Hạng", "Vòng", "Điểm", "Chuẩn hoá", "Cách tính", "Số bài được xếp hạng", "Công bố kết quả (phiên bản)"],
            [[e.Standing, e.Place, e.Round, e.Score, e.Normalisation, e.Aggregate, e.Ranked, e.Published?.Version]]),
        new("Điểm của từng giám khảo", ["Giám khảo", "Vòng", "Điểm", "Phiếu chấm", "Điểm chuẩn hoá", "Tính vào điểm", "Chấm lại", "Xung đột lợi ích", .. Cited],
            [.. e.Scores.Select(s => Row([s.Judge.Name is null ? s.Judge.Label : $"{s.Judge.Label}: {s.Judge.Name} ({s.Judge.JudgeId})", s.Round, s.Score,
                s.Sheet is null ? null : string.Join("; ", s.Sheet.Select(c => $"{c.Name} {c.Points}")), s.Normalised, s.Standing, s.Superseded,
                s.Conflict is null ? null : $"{s.Conflict.Reason} ({(s.Conflict.ByOrganiser ? "ban tổ chức ghi" : "giám khảo khai")}, phiên bản {s.Conflict.Event.Version})"],
                s.Event))]),
        new("Chuẩn hoá theo vòng", ["Vòng", "Cách chuẩn hoá", "Trung bình hội đồng", "Độ lệch hội đồng", "Giám khảo", "Số bài chấm", "Trung bình", "Độ lệch", "Dùng điểm gốc", .. Cited],
            [.. e.Rounds.SelectMany(r => r.Judges.Select(j => Row([r.Round, r.Method, r.PanelMean, r.PanelSpread, j.Judge.Label, j.Scores, j.Mean, j.Spread, j.UsedRaw], r.Event)))]),
        new("So với các bài liền kề", ["Bài số", "Hạng", "Vòng", "Điểm", "Xếp trên", "Quy tắc quyết định"],
            [.. e.Neighbours.Select(n => (IReadOnlyList<object?>)[n.EntryNumber, n.Place, n.Round, n.Score, n.Above, n.DecidedBy])]),
        new("Giải thưởng", ["Giải", "Thay đổi", "Lý do", .. Cited],
            [.. e.Awards.Select(a => Row([a.Tier, a.Change, a.Reason], a.Event))]),
    ];

    private static IReadOnlyList<object?> Row(IEnumerable<object?> cells, EventCitation? cite) =>
        [.. cells, cite?.StreamId, cite?.Version, cite is null ? null : VietnamTime.Of(cite.RecordedAt).ToString("yyyy-MM-dd HH:mm:ss"), cite?.Actor];
}
