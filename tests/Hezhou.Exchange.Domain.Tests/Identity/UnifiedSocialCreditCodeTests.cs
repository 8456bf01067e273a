using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Tests.Identity;

public class UnifiedSocialCreditCodeTests
{
    // Published codes. Tencent's (深圳市腾讯计算机系统有限公司) worked out by hand: the values of
    // 9144030071526726X are 9,1,4,4,0,3,0,0,7,1,5,2,6,7,2,6,29 (X is 29); times the weights
    // 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 they sum to 1782; 1782 mod 31 = 15; 31 - 15 = 16 → 'G'.
    [Theory]
    [InlineData("9144030071526726XG")]
    [InlineData("914403001922038216")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110108551385082Q")]
    public void TryParse_PublishedCode_Succeeds(string text)
    {
        var parsed = UnifiedSocialCreditCode.TryParse(text, out var code, out var rule, out _);

        Assert.True(parsed, rule);
        Assert.Equal(text, code.Value);
    }

    [Fact]
    public void TryParse_TencentsCode_ExposesItsParts()
    {
        var code = UnifiedSocialCreditCode.Parse("9144030071526726XG");

        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal('1', code.Category);
        Assert.Equal("440300", code.RegionCode);
        Assert.Equal("71526726X", code.OrganizationCode);
    }

    [Theory]
    [InlineData("9144030071526726X", 'G')]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91110000600037341", 'L')]
    public void ComputeCheckCharacter_PublishedCode_ReturnsItsCheckCharacter(string first17, char expected)
    {
        var check = UnifiedSocialCreditCode.ComputeCheckCharacter(first17);

        Assert.Equal(expected, check);
    }

    [Theory]
    [InlineData("9144030071526726")]
    [InlineData("9144030071526726XG")]
    [InlineData("914403007152672IX")]
    [InlineData("9144030071526726x")]
    public void ComputeCheckCharacter_NotSeventeenCodeCharacters_Throws(string input)
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_Missing_FailsWithRequired(string? text)
    {
        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_REQUIRED", rule);
    }

    [Theory]
    [InlineData("9144030071526726X")]
    [InlineData("9144030071526726XG0")]
    [InlineData("715267")]
    public void TryParse_WrongLength_FailsWithLength(string text)
    {
        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_LENGTH", rule);
    }

    [Fact]
    public void TryParse_LowerCase_FailsSayingCodesAreUpperCase()
    {
        var parsed = UnifiedSocialCreditCode.TryParse("9144030071526726xg", out _, out var rule, out var description);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_CHARACTERS", rule);
        Assert.Contains("upper-case", description);
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('-')]
    [InlineData('Ａ')]
    public void TryParse_CharacterOutsideTheStandardsSet_FailsWithCharacters(char forbidden)
    {
        var text = "9144030071526726" + forbidden + "G";

        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_CHARACTERS", rule);
    }

    [Theory]
    [InlineData('0')]
    [InlineData('B')]
    [InlineData('X')]
    public void TryParse_UnknownRegistrationAuthority_FailsWithRegistrationAuthority(char authority)
    {
        var text = WithCheckCharacter(authority + "144030071526726X");

        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_REGISTRATION_AUTHORITY", rule);
    }

    [Fact]
    public void TryParse_LetterInRegionCode_FailsWithRegion()
    {
        var text = WithCheckCharacter("91A4030071526726X");

        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_REGION", rule);
    }

    [Theory]
    [InlineData("9144030071526726XH")]
    [InlineData("9144030071526726X0")]
    [InlineData("914403001922038217")]
    public void TryParse_WrongCheckCharacter_FailsWithCheckCharacter(string text)
    {
        var parsed = UnifiedSocialCreditCode.TryParse(text, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CREDIT_CODE_CHECK_CHARACTER", rule);
    }

    [Fact]
    public void ComputeCheckCharacter_SumDivisibleBy31_ReturnsZero()
    {
        // 31 - (sum mod 31) is 31 when the sum is a multiple of 31; the standard maps that to '0'.
        var check = UnifiedSocialCreditCode.ComputeCheckCharacter("00000000000000000");

        Assert.Equal('0', check);
    }

    private static string WithCheckCharacter(string first17) =>
        first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
}
