using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Tests.Identity;

public class CitizenIdMaskingTests
{
    [Theory]
    [InlineData("45110219700202161X", "451102************")]
    [InlineData("EMP45110219700202161X", "EMP451102************")]
    [InlineData("45110219700202161Xabc", "451102************abc")]
    [InlineData("员工45110219700202161x号", "员工451102************号")]
    [InlineData("４５１１０２１９７００２０２１６１Ｘ", "４５１１０２************")]
    [InlineData("phone 0774-5123456, id 451102700202161", "phone 0774-5123456, id 451102*********")]
    [InlineData("9945110219700202161X", "99451102************")]
    [InlineData("451102********161X", "451102************")]
    [InlineData("unknown-person/451102********161X/", "unknown-person/451102************/")]
    public void MaskAllIn_CitizenIdInAnyForm_OnlyTheRegionCodeLeft(string text, string expected)
    {
        Assert.Equal(expected, CitizenId.MaskAllIn(text));
    }

    [Theory]
    [InlineData("HH-0001")]
    [InlineData("2024-03-01..2024-06-30")]
    [InlineData("5e597a11c2d4a99b0f3e1c77ba0c67c1")]
    [InlineData("12345678901234")]
    public void MaskAllIn_TextWithoutId_TheSameInstance(string text)
    {
        Assert.Same(text, CitizenId.MaskAllIn(text));
    }

    [Fact]
    public void Mask_LegacyNumber_KeepsOnlyTheRegion()
    {
        Assert.Equal("451102*********", CitizenId.Mask("451102700202161"));
    }
}
