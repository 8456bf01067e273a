using Hezhou.Exchange.Domain.Submissions;

namespace Hezhou.Exchange.Domain.Tests.Submissions;

public class FreeTextTests
{
    [Theory]
    [InlineData("case 2024-17")]
    [InlineData("核查低保重复享受 · 案号 2024-17")]
    [InlineData("")]
    public void CharacterViolations_PlainText_None(string text)
    {
        Assert.Empty(FreeText.CharacterViolations(text));
    }

    [Theory]
    [InlineData("case 17\n2024-01-01 admin read nothing", "TEXT_CONTROL_CHARACTER")]
    [InlineData("case \u202E71-4202", "TEXT_BIDI_OVERRIDE")]
    [InlineData("case\u200B17", "TEXT_INVISIBLE_CHARACTER")]
    [InlineData("case \uFFFD17", "TEXT_INVALID_UNICODE")]
    public void CharacterViolations_ForgingOrHidingCharacter_NamesTheRuleWithoutTheField(string text, string rule)
    {
        var (found, description) = Assert.Single(FreeText.CharacterViolations(text));

        Assert.Equal(rule, found);
        Assert.StartsWith("contains ", description);
    }
}
