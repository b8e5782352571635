using System.Net;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>Each inline projection takes only its own stream kind's events: no document is named after another kind of stream.</summary>
[Collection(NodeCollection.Name)]
public class ReadModelScopeTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_contests_campaigns_and_records_written_When_the_read_models_are_read_Then_they_hold_only_committees_and_record_books()
    {
        var http = fixture.Node.Http;
        var scenario = await ContestScenario.OpenNowAsync(http);
        await Read<SubmissionReceiptResponse>(await http.PostJson(scenario.Entries, scenario.Entry("scope-1")), HttpStatusCode.Created);
        var h = await HierarchyScenario.CreateAsync(http);
        await Read<object>(await http.PostJson("/api/campaigns", new
        {
            campaignId = $"SCOPE-{h.Suffix}", launcherCode = h.City, title = "Học tập Nghị quyết", kind = "StudyDrive",
            periodStart = "2023-01-01", periodEnd = "2023-12-31",
        }), HttpStatusCode.Created);
        await Read<object>(await http.PostJson($"/api/committees/{h.DistrictA}/model-programmes", new
        {
            programmeId = "MH-SCOPE", name = "Dân vận khéo", programmeType = "DanVanKheo", field = "Kinh tế", startedOn = "2022-01-01",
        }), HttpStatusCode.Created);

        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_doc_committee WHERE id NOT LIKE 'committee/%'"));
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_doc_committeerecordbook WHERE id NOT LIKE 'records/%'"));
        Assert.True(await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_doc_committee") >= 4);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_doc_committeerecordbook WHERE id = @id",
            ("id", $"records/{h.DistrictA}")));
    }
}
