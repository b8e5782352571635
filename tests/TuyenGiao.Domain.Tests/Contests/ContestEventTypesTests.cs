using System.Text;
using Marten;
using TuyenGiao.Contests;

namespace TuyenGiao.Domain.Tests.Contests;

public class ContestEventTypesTests
{
    [Fact]
    public void Given_the_contest_event_types_When_Marten_names_them_Then_the_row_replay_knows_each_by_that_name()
    {
        var options = new StoreOptions();
        ContestStorage.Configure(options);

        foreach (var (name, type) in ContestEventTypes.ByStoredName)
            Assert.Equal(name, ((Marten.Events.EventGraph)options.Events).EventMappingFor(type.Type).EventTypeName);
        Assert.Equal(15, ContestEventTypes.ByStoredName.Count);
    }

    [Fact]
    public void Given_an_event_stored_by_Marten_When_read_by_the_generated_reader_Then_every_member_comes_back()
    {
        var facts = new EntryFacts("TV-KHOI-SGD", ["TV-KHOI-SGD", "TV-KHOI", "TV"], -42, new DateTimeOffset(2023, 6, 15, 2, 30, 0, TimeSpan.Zero), 20, 18);
        var json = """{"contestId":"KV","entryNumber":7,"submissionId":"s-7","entry":{"committeeCode":"TV-KHOI-SGD","committeePath":["TV-KHOI-SGD","TV-KHOI","TV"],"authorKey":-42,"submittedAt":"2023-06-15T02:30:00+00:00","questionsAnswered":20,"questionsCorrect":18}}""";

        var withdrawn = Assert.IsType<EntryWithdrawn>(ContestEventTypes.Read("entry_withdrawn", Encoding.UTF8.GetBytes(json)));

        Assert.Equal(("KV", 7, "s-7"), (withdrawn.ContestId, withdrawn.EntryNumber, withdrawn.SubmissionId));
        Assert.Equal(facts with { CommitteePath = withdrawn.Entry!.CommitteePath }, withdrawn.Entry);
        Assert.Equal(facts.CommitteePath, withdrawn.Entry.CommitteePath);
        Assert.Equal(ContestKind.Quiz, Assert.IsType<ContestAnnounced>(ContestEventTypes.Read("contest_announced", Encoding.UTF8.GetBytes(
            """{"contestId":"KV","organiserCode":"TV","kind":"Quiz","details":{"title":"T","description":"","opensAt":"2023-06-01T00:00:00+07:00","closesAt":"2023-07-01T00:00:00+07:00","target":5,"eligibleCommittees":[],"perAuthorLimit":1,"individualPrizes":[],"collectivePrizes":[]}}"""))).Kind);
        Assert.Null(ContestEventTypes.Read("committee_registered", "{}"u8.ToArray()));
    }
}
