using System.Text;
using System.Text.Json;
using TuyenGiao.Contests;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>The replay's own reader of the entry event answers as the generated reader does, or leaves the JSON to it.</summary>
public class EntrySubmittedJsonTests
{
    private static EntrySubmitted Generated(string json) => JsonSerializer.Deserialize(json, ContestEventJson.Default.EntrySubmitted)!;

    private static string Fields(EntrySubmitted e) => JsonSerializer.Serialize(e, ContestEventJson.Default.EntrySubmitted);

    [Theory]
    // As Marten writes it (jsonb reorders the members), with Vietnamese text as is.
    [InlineData("""{"title": "Bài dự thi 7", "words": 1500, "contestId": "KV", "authorName": "Nguyễn Thị Ngọc Hằng", "entryNumber": 7, "fingerprint": -1841583949914670802, "submittedAt": "2026-12-03T07:07:00.455128+00:00", "submissionId": "big-7", "committeeCode": "BG03", "committeePath": ["BG03", "BP"], "questionsCorrect": null, "questionsAnswered": null}""")]
    // Escaped text, a quiz entry's counts, another offset, no path.
    [InlineData("""{"contestId":"KV","entryNumber":2147483647,"submissionId":"s\"1\\","authorName":"Tr\u1EA7n V\u0103n \u0110\u00F4ng","committeeCode":"TV-KHOI","committeePath":[],"title":"","words":0,"questionsAnswered":20,"questionsCorrect":18,"fingerprint":9223372036854775807,"submittedAt":"2023-06-15T09:30:00+07:00"}""")]
    // Members missing take their defaults; a member it does not know is skipped, whatever its shape.
    [InlineData("""{"contestId":"KV","entryNumber":3,"extra":{"nested":[1,{"a":null}],"more":"x"},"submittedAt":"2023-06-15T02:30:00Z"}""")]
    [InlineData("""{"contestId":null,"committeePath":null,"questionsAnswered":null}""")]
    [InlineData("""{}""")]
    public void Given_an_entry_event_as_stored_When_read_by_the_replays_reader_Then_it_equals_the_generated_readers_result(string json)
    {
        var read = EntrySubmittedJson.TryRead(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(read);
        Assert.Equal(Fields(Generated(json)), Fields(read));
    }

    [Theory]
    [InlineData("""{"contestId":"KV","entryNumber":"7"}""")]
    [InlineData("""{"contestId":7}""")]
    [InlineData("""{"words":1.5}""")]
    [InlineData("""{"questionsAnswered":"20"}""")]
    [InlineData("""{"committeePath":["A",1]}""")]
    [InlineData("""{"committeePath":"A"}""")]
    [InlineData("""{"submittedAt":"yesterday"}""")]
    [InlineData("""{"submittedAt":5}""")]
    [InlineData("""{"fingerprint":"5"}""")]
    [InlineData("""[1]""")]
    public void Given_JSON_it_does_not_expect_When_read_by_the_replays_reader_Then_it_leaves_it_to_the_generated_reader(string json)
    {
        Assert.Null(EntrySubmittedJson.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Given_random_entries_When_written_as_Marten_does_and_read_back_Then_both_readers_agree_on_every_member()
    {
        var random = new Random(18);
        const string alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠỆỘƯỮ \"\\/\t";
        string Text(int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        for (var i = 0; i < 500; i++)
        {
            var entry = new EntrySubmitted(Text(8), random.Next(), Text(12), Text(20), Text(6), Enumerable.Range(0, random.Next(4)).Select(_ => Text(6)).ToList(),
                Text(random.Next(60)), random.Next(), random.Next(3) == 0 ? null : random.Next(), random.Next(3) == 0 ? null : random.Next(), random.NextInt64(long.MinValue, long.MaxValue),
                new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(random.Next(-12, 14))).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365)));
            var json = Fields(entry);

            Assert.Equal(json, Fields(EntrySubmittedJson.TryRead(Encoding.UTF8.GetBytes(json))!));
        }
    }
}
