using TuyenGiao.Quizzes;

namespace TuyenGiao.Domain.Tests.Quizzes;

public class PhoneNumbersTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("+84 912.345.678")]
    [InlineData("84912345678")]
    [InlineData("+84-912-345-678")]
    [InlineData("(+84) 912 345 678")]
    public void Given_one_number_written_several_ways_When_normalised_Then_it_is_one_person(string written)
    {
        Assert.Null(PhoneNumbers.TryNormalize(written, out var phone));
        Assert.Equal("+84912345678", phone);
    }

    [Fact]
    public void Given_a_landline_When_normalised_Then_its_ten_digits_are_kept()
    {
        Assert.Null(PhoneNumbers.TryNormalize("0294 3855 123", out var phone));
        Assert.Equal("+842943855123", phone);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("912345678")]
    [InlineData("091234567")]
    [InlineData("091234567890")]
    [InlineData("00912345678")]
    [InlineData("+840912345678")]
    [InlineData("09123a5678")]
    [InlineData("+1 912 345 678")]
    public void Given_something_else_When_normalised_Then_it_is_refused_on_the_phone_field(string? written)
    {
        var rejection = PhoneNumbers.TryNormalize(written, out var phone);

        Assert.Equal("phone", Assert.IsType<TuyenGiao.Common.Rejection>(rejection).Field);
        Assert.Equal("", phone);
    }
}
