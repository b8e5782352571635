using System.Text;
using TuyenGiao.EventStore;

namespace TuyenGiao.Domain.Tests.EventStore;

/// <summary>
/// An event's link in its stream's hash chain: the writer computes it from what it serialises, verify from what jsonb
/// hands back, so every way of writing one JSON value gives one link, and every change to what the event says gives another.
/// </summary>
public class EventLinkTests
{
    private static readonly byte[] Previous = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid EventId = Guid.Parse("0195d8e4-7a21-7c3e-9f10-2b6a5c4d3e21");
    private static readonly DateTimeOffset At = new(2023, 6, 5, 1, 2, 3, TimeSpan.Zero);

    private const string Data = """{"contestId":"viet-ve-dang-2023","entryNumber":12,"score":87.5,"author":"Nguyễn Thị Hoà","tags":["a",true,null]}""";

    private static byte[] Link(string data = Data, byte[]? previous = null, string stream = "contest/viet-ve-dang-2023", long version = 7,
        string type = "entry_submitted", Guid? eventId = null, string? actor = "can-bo-tv", string? correlation = "req-1", DateTimeOffset? at = null) =>
        EventLink.Compute(previous ?? Previous, stream, version, type, data, eventId ?? EventId, actor, correlation, at ?? At);

    [Theory]
    // jsonb's own text: keys ordered by length, a space after each separator.
    [InlineData("""{"tags": ["a", true, null], "score": 87.5, "author": "Nguyễn Thị Hoà", "contestId": "viet-ve-dang-2023", "entryNumber": 12}""")]
    // Numbers written otherwise, the text escaped.
    [InlineData("""{"contestId":"viet-ve-dang-2023","entryNumber":1.2e1,"score":87.50,"author":"Nguy\u1ec5n Th\u1ecb Ho\u00e0","tags":["a",true,null]}""")]
    [InlineData("""{ "score" : 875E-1 , "entryNumber" : 12.000, "tags" : [ "a" , true , null ] , "author" : "Nguyễn Thị Hoà", "contestId" : "viet-ve-dang-2023" }""")]
    public void Given_one_value_written_another_way_When_linked_Then_the_link_is_the_same(string sameValue) =>
        Assert.Equal(Link(), Link(sameValue));

    [Fact]
    public void Given_an_event_When_any_part_of_it_changes_Then_its_link_changes()
    {
        var original = Link();
        var changed = new[]
        {
            Link(Data.Replace("87.5", "87.6")),
            Link(Data.Replace("Hoà", "Hòa")),
            Link(Data.Replace("\"a\",true", "\"a\",false")),
            Link(Data.Replace("[\"a\",true,null]", "[true,\"a\",null]")), // arrays keep their order
            Link(Data.Replace(",null]", "]")),
            Link(previous: new byte[32]),
            Link(previous: []),
            Link(stream: "contest/khac"),
            Link(version: 8),
            Link(type: "entry_withdrawn"),
            Link(eventId: Guid.Parse("0195d8e4-7a21-7c3e-9f10-2b6a5c4d3e22")),
            Link(actor: "can-bo-khac"),
            Link(actor: null),
            Link(correlation: null),
            Link(at: At.AddTicks(TimeSpan.TicksPerMicrosecond)),
        };
        Assert.All(changed, link => Assert.NotEqual(original, link));
        Assert.Equal(changed.Length, changed.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Given_values_that_differ_only_in_where_a_null_or_a_false_stands_When_linked_Then_the_links_differ()
    {
        Assert.NotEqual(Link(actor: null, correlation: "x"), Link(actor: "x", correlation: null));
        Assert.NotEqual(Link("""{"flags":[false,1]}"""), Link("""{"flags":[1]}"""));
        Assert.NotEqual(Link("""{"flags":[null,1]}"""), Link("""{"flags":[1]}"""));
    }

    [Fact]
    public void Given_text_in_its_decomposed_form_When_linked_Then_it_is_another_text_and_another_link() =>
        // NFC is the API's business; the chain covers the text exactly as stored.
        Assert.NotEqual(Link(), Link(Data.Replace("Hoà", "Hoà".Normalize(NormalizationForm.FormD))));

    [Fact]
    public void Given_times_apart_by_less_than_the_microsecond_PostgreSQL_keeps_When_linked_Then_the_link_is_the_same()
    {
        Assert.Equal(Link(at: At), Link(at: At.AddTicks(9)));
        Assert.Equal(Link(at: At), Link(at: At.ToOffset(TimeSpan.FromHours(7)))); // the same instant, in Vietnam's time
        Assert.Equal(At.AddTicks(10), EventLink.ToStoredPrecision(At.AddTicks(19)));
    }

    [Fact]
    public void Given_this_format_When_an_event_is_linked_Then_the_link_is_the_hash_of_the_previous_link_and_the_canonical_array()
    {
        // Stored links are recomputed by verify for ever: the canonical form is written out here, by hand, once.
        const string canonical = """["contest/viet-ve-dang-2023",7,"entry_submitted",{"author":"Nguyễn Thị Hoà","contestId":"viet-ve-dang-2023","entryNumber":12,"score":875e-1,"tags":["a",true,null]},"0195d8e4-7a21-7c3e-9f10-2b6a5c4d3e21","can-bo-tv","req-1",1685926923000000]""";
        Assert.Equal(System.Security.Cryptography.SHA256.HashData([.. Previous, .. Encoding.UTF8.GetBytes(canonical)]), Link());
        Assert.Equal("f23de09af56db1513e9fd4ec958265f8c16942e813546153ca63464cc86573de", EventLink.ToHex(Link()));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("0.000", "0")]
    [InlineData("0e5", "0")]
    [InlineData("7", "7")]
    [InlineData("-7", "-7")]
    [InlineData("100", "1e2")]
    [InlineData("1E2", "1e2")]
    [InlineData("1e+2", "1e2")]
    [InlineData("1.5", "15e-1")]
    [InlineData("1.50", "15e-1")]
    [InlineData("15e-1", "15e-1")]
    [InlineData("-0.0150", "-15e-3")]
    [InlineData("120.05", "12005e-2")]
    [InlineData("0.1e1", "1")]
    [InlineData("123456789012345678901234567890", "12345678901234567890123456789e1")]
    public void Given_a_JSON_number_When_made_canonical_Then_it_is_its_significant_digits_and_exponent(string literal, string canonical) =>
        Assert.Equal(canonical, EventLink.CanonicalNumber(literal));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz3de09af56db1513e9fd4ec958265f8c16942e813546153ca63464cc86573de")]
    [InlineData("f23de09af56db1513e9fd4ec958265f8c16942e813546153ca63464cc86573")]
    public void Given_a_stored_header_that_is_not_a_link_When_read_Then_it_is_no_link(string? header) =>
        Assert.Null(EventLink.FromHex(header));

    [Fact]
    public void Given_a_link_When_written_as_hex_and_read_back_Then_it_is_the_same() =>
        Assert.Equal(Link(), EventLink.FromHex(EventLink.ToHex(Link())));
}
