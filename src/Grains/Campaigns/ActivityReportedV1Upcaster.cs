using System.Collections.Immutable;
using System.Text.Json;
using Marten.Services.Json.Transformations.SystemTextJson;

namespace TuyenGiao.Campaigns;

/// <summary>
/// Reads reports stored in the first shape of the event (type name <c>activity_reported_v1</c>): training classes were two
/// plain counts (<c>trainingClasses</c>, <c>learners</c>) before classes were reported by type. They come back as today's
/// <see cref="ActivityReported"/>, their classes under one type, <see cref="UnclassifiedType"/>; the stored JSON is not touched.
/// </summary>
public sealed class ActivityReportedV1Upcaster : EventUpcaster<ActivityReported>
{
    public const string OldTypeName = "activity_reported_v1";
    public const string UnclassifiedType = "Không phân loại";

    public override string EventTypeName => OldTypeName;

    protected override ActivityReported Upcast(JsonDocument oldEventJson)
    {
        var old = oldEventJson.RootElement;
        var f = old.GetProperty("figures");
        int Count(string name) => f.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;
        var classes = Count("trainingClasses");
        var figures = new ActivityFigures(Count("partyMembers"), Count("studySessions"), Count("studyAttendances"), Count("studyMemberAttendances"),
            Count("membersStudied"), Count("oralSessions"), Count("oralAttendances"),
            classes > 0 ? [new TrainingClassFigures(UnclassifiedType, classes, Count("learners"))] : ImmutableArray<TrainingClassFigures>.Empty,
            Count("onlineConferences"), Count("bridgePoints"), Count("membersPledged"));
        return new ActivityReported(
            old.GetProperty("campaignId").GetString()!, old.GetProperty("reportId").GetString()!, old.GetProperty("committeeCode").GetString()!,
            old.GetProperty("committeePath").EnumerateArray().Select(p => p.GetString()!).ToList(),
            DateOnly.Parse(old.GetProperty("periodStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(old.GetProperty("periodEnd").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            figures);
    }
}
