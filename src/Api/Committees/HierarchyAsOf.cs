using System.Globalization;
using TuyenGiao.Api.Http;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Api.Committees;

/// <summary>
/// Children, subtree and path to the root as they stood on a day (<c>?asOf=yyyy-MM-dd</c>), from the organisation's
/// history: names and parents in force that day. Member counts and versions are today's.
/// </summary>
public static class HierarchyAsOf
{
    public static async Task<IResult> Children(string code, DateOnly day, OrganisationHistory history, CommitteeDirectory directory, CancellationToken ct)
    {
        var chart = await history.ChartAsync(day, ct);
        if (!chart.Stands(code))
            return NotOnThatDay(code, day);
        var children = chart.ChildrenOf(code);
        var committees = await directory.FindManyAsync(children, ct);
        return TypedResults.Ok(children.Where(committees.ContainsKey).Select(c => Response(committees[c], chart)).ToList());
    }

    public static async Task<IResult> Subtree(string code, DateOnly day, OrganisationHistory history, CommitteeDirectory directory, CancellationToken ct)
    {
        var chart = await history.ChartAsync(day, ct);
        var nodes = chart.Subtree(code);
        if (nodes.Count == 0)
            return NotOnThatDay(code, day);
        var committees = await directory.FindManyAsync(nodes.Select(n => n.Code), ct);
        return TypedResults.Ok(nodes.Where(n => committees.ContainsKey(n.Code)).Select(n =>
        {
            var c = Response(committees[n.Code], chart);
            return new CommitteeNodeResponse(c.Code, c.Name, c.Level, c.ParentCode, c.MemberCount, n.Depth);
        }).ToList());
    }

    public static async Task<IResult> PathToRoot(string code, DateOnly day, OrganisationHistory history, CommitteeDirectory directory, CancellationToken ct)
    {
        var chart = await history.ChartAsync(day, ct);
        if (!chart.Stands(code))
            return NotOnThatDay(code, day);
        var path = chart.PathToRoot(code);
        var committees = await directory.FindManyAsync(path, ct);
        return TypedResults.Ok(path.Where(committees.ContainsKey).Select(c => Response(committees[c], chart)).ToList());
    }

    private static CommitteeResponse Response(Committee committee, OrganisationChart chart) =>
        new(committee.Code, chart.NameOf(committee.Code) ?? committee.Name, committee.Level, chart.ParentOf(committee.Code), committee.MemberCount, committee.Version);

    private static IResult NotOnThatDay(string code, DateOnly day) =>
        Problems.NotFound("code", $"no committee with code '{code}' stood on {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
}
