using System.Buffers.Text;
using TuyenGiao.Common;
using TuyenGiao.Common.Listing;
using TuyenGiao.Contests;

namespace TuyenGiao.Domain.Tests.Common;

/// <summary>What the lists compute without I/O: the search key of a title, a contest's phase, the cursor.</summary>
public class ListingTests
{
    [Theory]
    [InlineData("Khát vọng Trà Vinh", "khat vong tra vinh")]
    [InlineData("  ĐẢNG BỘ   Sở Y tế ", "dang bo so y te")]
    [InlineData("Kha\u0301t vo\u0323ng", "khat vong")]
    [InlineData("Đường 100%_mới", "duong 100%_moi")]
    public void Given_a_Vietnamese_title_When_made_a_search_key_Then_case_diacritics_and_spacing_are_gone(string title, string key) =>
        Assert.Equal(key, VietnameseText.SearchKey(title));

    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Closes = new(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private static ContestListing Listing(bool cancelled = false, bool published = false) =>
        new("contest/KV", "KV", "TV", ContestKind.Writing, "Khát vọng", "khat vong", Opens, Closes, 100, cancelled, published, Opens.AddDays(-10));

    [Fact]
    public void Given_a_contest_When_its_phase_is_asked_at_the_edges_of_its_window_Then_the_window_is_half_open()
    {
        Assert.Equal(ContestPhase.Upcoming, ContestListings.PhaseOf(Listing(), Opens.AddTicks(-1)));
        Assert.Equal(ContestPhase.Open, ContestListings.PhaseOf(Listing(), Opens));
        Assert.Equal(ContestPhase.Open, ContestListings.PhaseOf(Listing(), Closes.AddTicks(-1)));
        Assert.Equal(ContestPhase.Closed, ContestListings.PhaseOf(Listing(), Closes));
    }

    [Fact]
    public void Given_a_cancelled_or_published_contest_When_its_phase_is_asked_Then_that_wins_over_its_window()
    {
        Assert.Equal(ContestPhase.Cancelled, ContestListings.PhaseOf(Listing(cancelled: true, published: true), Opens));
        Assert.Equal(ContestPhase.ResultsPublished, ContestListings.PhaseOf(Listing(published: true), Closes));
    }

    [Fact]
    public void Given_a_cursor_When_encoded_and_decoded_Then_it_is_the_same_and_anything_else_is_refused()
    {
        var cursor = new ListingCursor(new DateTimeOffset(2023, 5, 20, 3, 4, 5, TimeSpan.Zero).AddTicks(1_230), "contest/KHAT-VONG.2023");

        Assert.True(ListingCursor.TryDecode(cursor.Encode(), out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.False(ListingCursor.TryDecode("not base64!", out _));
        Assert.False(ListingCursor.TryDecode(Base64Url.EncodeToString("abc.contest/X"u8), out _));
        Assert.False(ListingCursor.TryDecode(Base64Url.EncodeToString("12."u8), out _));
        Assert.False(ListingCursor.TryDecode(Base64Url.EncodeToString("-5.contest/X"u8), out _));
        Assert.False(ListingCursor.TryDecode(Base64Url.EncodeToString(".contest/X"u8), out _));
    }
}
