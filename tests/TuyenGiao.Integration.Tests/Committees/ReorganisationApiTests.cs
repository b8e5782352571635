using System.Net;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Api.Committees;
using TuyenGiao.Committees;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Committees.CommitteeSetup;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Committees;

/// <summary>Dated reorganisations over real HTTP and PostgreSQL: scheduled ahead, mergers, refusals, and an open contest across them.</summary>
[Collection(NodeCollection.Name)]
public class ReorganisationApiTests(NodeFixture fixture)
{
    private const string Decree = "Quyết định số 1234-QĐ/TU ngày 20/11/2026";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private readonly HttpClient _http = fixture.Node.Http;

    [Fact]
    public async Task Given_a_district_dissolved_from_tomorrow_When_the_hierarchy_is_read_today_and_tomorrow_Then_it_applies_from_its_day_only()
    {
        var (province, district, cell) = (NewCode("P"), NewCode("D"), NewCode("G"));
        await _http.Register(province, "Ban Tuyên giáo Tỉnh ủy", CommitteeLevel.Province, null);
        await _http.Register(district, "Ban Tuyên giáo Huyện ủy Cầu Kè", CommitteeLevel.District, province);
        await _http.Register(cell, "Đảng bộ xã Hòa Ân", CommitteeLevel.Grassroots, district);
        var tomorrow = Today.AddDays(1);

        var history = await Read<CommitteeHistoryResponse>(await _http.PostJson($"/api/committees/{district}/reorganisations/dissolution",
            new { successorCode = province.ToLowerInvariant(), effectiveOn = tomorrow, legalReference = Decree }), HttpStatusCode.OK);

        Assert.Equal(new CeasedResponse(tomorrow, province, "dissolved"), history.Ceased);
        Assert.Equal([cell, district, province], await Path(cell, ""));
        Assert.Equal([cell, province], await Path(cell, $"?asOf={tomorrow:yyyy-MM-dd}"));
        Assert.Equal("Ban Tuyên giáo Huyện ủy Cầu Kè", (await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{district}"), HttpStatusCode.OK)).Name);
        // Nothing can change it from its last day on.
        await AssertProblem(await _http.PostJson($"/api/committees/{district}/reorganisations/renaming",
            new { name = "Ban mới", effectiveOn = tomorrow, legalReference = Decree }), HttpStatusCode.UnprocessableEntity, "code");
    }

    [Fact]
    public async Task Given_a_district_renamed_and_moved_from_today_When_read_Then_today_has_the_new_name_and_parent_and_yesterday_the_old()
    {
        var (province, other, district) = (NewCode("P"), NewCode("P"), NewCode("D"));
        await _http.Register(province, "Ban Tuyên giáo Tỉnh ủy Trà Vinh", CommitteeLevel.Province, null);
        await _http.Register(other, "Ban Tuyên giáo Tỉnh ủy Vĩnh Long", CommitteeLevel.Province, null);
        await _http.Register(district, "Ban Tuyên giáo Huyện ủy Trà Cú", CommitteeLevel.District, province);

        await Read<CommitteeHistoryResponse>(await _http.PostJson($"/api/committees/{district}/reorganisations/renaming",
            new { name = "Ban Tuyên giáo Thị ủy Trà Cú", effectiveOn = Today, legalReference = Decree }), HttpStatusCode.OK);
        var history = await Read<CommitteeHistoryResponse>(await _http.PostJson($"/api/committees/{district}/reorganisations/reparenting",
            new { parentCode = other, effectiveOn = Today, legalReference = Decree }), HttpStatusCode.OK);

        Assert.Equal([new DatedParent(null, province), new DatedParent(Today, other)], history.Parents);
        var now = await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{district}"), HttpStatusCode.OK);
        Assert.Equal(("Ban Tuyên giáo Thị ủy Trà Cú", other), (now.Name, now.ParentCode));
        var yesterday = await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{district}/path?asOf={Today.AddDays(-1):yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal(("Ban Tuyên giáo Huyện ủy Trà Cú", province), (yesterday[0].Name, yesterday[0].ParentCode));
        Assert.Equal([district], (await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{other}/children"), HttpStatusCode.OK)).Select(c => c.Code));
    }

    [Fact]
    public async Task Given_a_contest_of_a_bloc_When_the_bloc_is_merged_into_a_new_one_Then_the_successors_cells_are_eligible_and_every_entry_counts_once()
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        await Read<JsonElement>(await contest.Submit(contest.Entry("m-1")), HttpStatusCode.Created);
        var successor = NewCode("KHOI");
        await Read<CommitteeResponse>(await _http.PostJson("/api/committees", new
        {
            code = successor, name = "Đảng ủy các cơ quan Đảng tỉnh", level = "Bloc", parentCode = contest.Province, memberCount = 0, establishedOn = Today,
        }), HttpStatusCode.Created);
        var merger = new { committeeCodes = new[] { contest.Bloc }, successorCode = successor, effectiveOn = Today, legalReference = Decree };

        var merged = await Read<MergeCommitteesResponse>(await _http.PostJson("/api/committees/mergers", merger), HttpStatusCode.OK);
        var events = await fixture.Database.EventCountAsync();
        await Read<MergeCommitteesResponse>(await _http.PostJson("/api/committees/mergers", merger), HttpStatusCode.OK);

        Assert.Equal([contest.Bloc], merged.Merged);
        Assert.Equal(events, await fixture.Database.EventCountAsync());
        Assert.Equal([contest.CellA, successor, contest.Province], await Path(contest.CellA, ""));
        await AssertProblem(await _http.GetAsync($"/api/committees/{contest.Bloc}"), HttpStatusCode.NotFound, "code");
        await AssertProblem(await _http.PutJson($"/api/committees/{contest.Bloc}/name", new { name = "Tên khác" }), HttpStatusCode.UnprocessableEntity, "code");

        // A cell set up under the successor only qualifies through the merged bloc, the contest's organiser.
        var newCell = NewCode("G");
        await _http.Register(newCell, "Đảng bộ Báo Trà Vinh", CommitteeLevel.Grassroots, successor);
        await Read<JsonElement>(await contest.Submit(contest.Entry("m-2", committee: newCell)), HttpStatusCode.Created);

        var recorded = await Read<ContestTally>(await _http.GetAsync($"/api/contests/{contest.ContestId}/tally"), HttpStatusCode.OK);
        var organised = await Read<ContestTally>(await _http.GetAsync($"/api/contests/{contest.ContestId}/tally?organisedAsOf={Today:yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal(2, recorded.Accepted);
        Assert.Equal((1, 1), (Accepted(recorded, contest.Bloc), Accepted(recorded, successor)));
        Assert.DoesNotContain(organised.ByCommittee, c => c.Code == contest.Bloc);
        Assert.Equal(2, Accepted(organised, successor));
        Assert.All(new[] { recorded, organised }, t => Assert.Equal(2, Accepted(t, contest.Province)));
    }

    [Fact]
    public async Task Given_bad_reorganisations_When_sent_Then_each_is_refused_naming_the_field_and_nothing_is_written()
    {
        var (province, d1, d2, cell) = (NewCode("P"), NewCode("D"), NewCode("D"), NewCode("G"));
        await _http.Register(province, "Ban Tuyên giáo Tỉnh ủy", CommitteeLevel.Province, null);
        await _http.Register(d1, "Ban Tuyên giáo Huyện ủy Càng Long", CommitteeLevel.District, province);
        await _http.Register(d2, "Ban Tuyên giáo Huyện ủy Châu Thành", CommitteeLevel.District, province);
        await _http.Register(cell, "Đảng bộ xã Đa Lộc", CommitteeLevel.Grassroots, d1);
        var before = await fixture.Database.EventCountAsync();

        await AssertProblem(await _http.PostJson("/api/committees/mergers", new { committeeCodes = new[] { d1 }, successorCode = d2, effectiveOn = Today }),
            HttpStatusCode.BadRequest, "legalReference");
        await AssertProblem(await _http.PostJson("/api/committees/mergers", new { committeeCodes = new[] { d1, d1.ToLowerInvariant() }, successorCode = d2, effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.BadRequest, "committeeCodes");
        await AssertProblem(await _http.PostJson("/api/committees/mergers", new { committeeCodes = Array.Empty<string>(), successorCode = d2, effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.BadRequest, "committeeCodes");
        // The district could merge, the cell (another level) could not: neither is written.
        await AssertProblem(await _http.PostJson("/api/committees/mergers", new { committeeCodes = new[] { d1, cell }, successorCode = d2, effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.Conflict, "successorCode");
        await AssertProblem(await _http.PostJson($"/api/committees/{d1}/reorganisations/dissolution", new { successorCode = NewCode("X"), effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.NotFound, "successorCode");
        await AssertProblem(await _http.PostJson($"/api/committees/{d1}/reorganisations/dissolution", new { successorCode = cell, effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.Conflict, "successorCode");
        await AssertProblem(await _http.PostJson($"/api/committees/{d1}/reorganisations/reparenting", new { parentCode = province, effectiveOn = "1900-01-01", legalReference = Decree }),
            HttpStatusCode.BadRequest, "effectiveOn");
        await AssertProblem(await _http.PostJson($"/api/committees/{d1}/reorganisations/reparenting", new { parentCode = province, effectiveOn = "2026-02-30", legalReference = Decree }),
            HttpStatusCode.BadRequest, "effectiveOn");
        await AssertProblem(await _http.PostJson($"/api/committees/{province}/reorganisations/reparenting", new { parentCode = cell, effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.Conflict, "parentCode");
        await AssertProblem(await _http.PostJson($"/api/committees/{d1}/reorganisations/renaming", new { name = "  ", effectiveOn = Today, legalReference = Decree }),
            HttpStatusCode.BadRequest, "name");
        await AssertProblem(await _http.GetAsync($"/api/committees/{NewCode("X")}/history"), HttpStatusCode.NotFound, "code");

        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_an_officer_of_a_district_When_they_dissolve_their_own_committee_Then_403_and_the_province_officer_may()
    {
        var (province, district) = (NewCode("P"), NewCode("D"));
        await _http.Register(province, "Ban Tuyên giáo Tỉnh ủy", CommitteeLevel.Province, null);
        await _http.Register(district, "Ban Tuyên giáo Huyện ủy Duyên Hải", CommitteeLevel.District, province);
        using var districtOfficer = fixture.Node.ClientAs("officer-duyen-hai", Role.Officer, district);
        using var provinceOfficer = fixture.Node.ClientAs("officer-tinh", Role.Officer, province);
        var dissolution = new { successorCode = province, effectiveOn = Today, legalReference = Decree };

        await AssertProblem(await districtOfficer.PostJson($"/api/committees/{district}/reorganisations/dissolution", dissolution), HttpStatusCode.Forbidden, "code");
        await Read<CommitteeHistoryResponse>(await provinceOfficer.PostJson($"/api/committees/{district}/reorganisations/dissolution", dissolution), HttpStatusCode.OK);
    }

    private static int Accepted(ContestTally tally, string code) => tally.ByCommittee.Single(c => c.Code == code).Accepted;

    private async Task<List<string>> Path(string code, string query) =>
        (await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{code}/path{query}"), HttpStatusCode.OK)).Select(c => c.Code).ToList();
}
