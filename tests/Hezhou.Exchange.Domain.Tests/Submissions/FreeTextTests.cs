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

    [Theory]
    [InlineData("\u200D\u200D\u200D\u200D")]
    [InlineData("\uFE0F\uFE0F\uFE0F\uFE0F\uFE0F")]
    [InlineData("\uE000\uE001\uE002\uE003")]
    [InlineData("\u3164\u3164\u3164\u3164")]
    [InlineData("\u2800\u2800\u2800\u2800")]
    [InlineData("\u0301\u0301\u0301\u0301")]
    [InlineData("\u3000 \u00A0\u2003\u200B")]
    public void VisibleLength_OnlyInvisibleCharacters_Zero(string text)
    {
        Assert.Equal(0, FreeText.VisibleLength(text));
    }

    [Theory]
    [InlineData("𠮷𠮷", 2, 2)]
    [InlineData("case 17", 6, 7)]
    [InlineData("e\u0301te\u0301", 3, 5)]
    [InlineData("核查低保", 4, 4)]
    public void VisibleLength_Text_CountsCodePointsAReaderSees(string text, int visible, int length)
    {
        Assert.Equal(visible, FreeText.VisibleLength(text));
        Assert.Equal(length, FreeText.Length(text));
    }
}
