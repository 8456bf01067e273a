using Hezhou.Exchange.Domain.Reconciliation;

namespace Hezhou.Exchange.Domain.Tests.Reconciliation;

public class NameComparisonTests
{
    [Theory]
    [InlineData("Ａ", "A")]
    [InlineData("黄Ａ", "黄a")]
    [InlineData("王１号", "王1号")]
    [InlineData("ＷＡＮＧ　Ｌｉ", "wang li")]
    public void SameName_WidthOrCaseOfLatinAndDigits_IsTheSame(string a, string b)
    {
        Assert.True(NameComparison.SameName(a, b));
    }

    [Theory]
    [InlineData("\u00B7")]
    [InlineData("\u2022")]
    [InlineData("\u2027")]
    [InlineData("\u30FB")]
    [InlineData("\uFF65")]
    [InlineData("\u2219")]
    [InlineData("\u22C5")]
    [InlineData("\u16EB")]
    public void Normalise_AnyMiddleDot_BecomesTheOneMiddleDot(string dot)
    {
        Assert.Equal("阿依古丽·买买提", NameComparison.Normalise($"阿依古丽{dot}买买提"));
    }

    [Theory]
    [InlineData("黄 志强")]
    [InlineData("黄　志强")]
    [InlineData(" 黄志强 ")]
    [InlineData("黄\t志\n强")]
    public void SameName_DifferingOnlyInWhitespace_IsTheSame(string name)
    {
        Assert.True(NameComparison.SameName(name, "黄志强"));
    }

    [Theory]
    [InlineData("黄志强", "黄志刚")]
    [InlineData("阿依古丽·买买提", "阿依古丽·吐尔逊")]
    [InlineData("阿依古丽·买买提", "阿依古丽买买提")]
    [InlineData("A", "B")]
    public void SameName_DifferentNames_IsNotTheSame(string a, string b)
    {
        Assert.False(NameComparison.SameName(a, b));
    }

    [Fact]
    public void Normalise_LoneSurrogate_DoesNotThrow()
    {
        var key = NameComparison.Normalise("黄\uD800志强");

        Assert.Equal("黄\uD800志强", key);
    }
}
