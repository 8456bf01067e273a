using CsCheck;
using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Tests.Identity;

// Random text, and valid identifiers changed in one place: parsing never throws, accepts only what it can prove,
// and names a rule of its own family for everything else.
public class IdentityFuzzTests
{
    private static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    // A valid citizen ID born between 1900 and the reference date, anywhere in Hezhou.
    private static readonly Gen<string> ValidCitizenId = Gen.Select(
        Gen.OneOf(Gen.Const("451102"), Gen.Const("451103"), Gen.Const("451121"), Gen.Const("451122"), Gen.Const("451123")),
        Gen.Int[0, ReferenceDate.DayNumber - new DateOnly(1900, 1, 1).DayNumber],
        Gen.Int[0, 999],
        (region, day, sequence) =>
        {
            var first17 = $"{region}{new DateOnly(1900, 1, 1).AddDays(day):yyyyMMdd}{sequence:D3}";
            return first17 + CitizenId.ComputeCheckCharacter(first17);
        });

    private const string CreditCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly Gen<string> ValidCreditCode = Gen.Select(
        Gen.Char["123456789ANY"], Gen.Char[CreditCodeCharacters], Gen.Int[0, 999_999], Gen.Char[CreditCodeCharacters].Array[9],
        (authority, category, region, organization) =>
        {
            var first17 = $"{authority}{category}{region:D6}{new string(organization)}";
            return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
        });

    [Fact]
    public void CitizenIdTryParse_AnyText_NeverThrowsAndAcceptsOnlyWhatChecksOut()
    {
        var accepted = 0;
        var rejected = 0;

        Gen.Frequency((1, Fuzz.Text), (1, ValidCitizenId)).Sample(text =>
        {
            if (CitizenId.TryParse(text, ReferenceDate, out var id, out var rule, out var description))
            {
                Interlocked.Increment(ref accepted);
                Assert.Equal(CitizenId.Length, text.Length);
                Assert.Equal(text[17], CitizenId.ComputeCheckCharacter(text.AsSpan(0, 17)));
                Assert.InRange(id.BirthDate, CitizenId.EarliestBirthDate, ReferenceDate);
                Assert.Equal(id, CitizenId.Parse(text, ReferenceDate));
                Assert.DoesNotContain(id.Value[6..14], id.ToString());
            }
            else
            {
                Interlocked.Increment(ref rejected);
                Assert.StartsWith("CITIZEN_ID_", rule);
                Assert.NotEmpty(description);
                Assert.Throws<FormatException>(() => CitizenId.Parse(text, ReferenceDate));
            }
        }, iter: Fuzz.Iterations);

        Assert.True(accepted > Fuzz.Iterations / 4 && rejected > Fuzz.Iterations / 4, $"{accepted} accepted, {rejected} rejected");
    }

    [Fact]
    public void CitizenIdTryParse_ValidIdChangedInOnePlace_IsRejected()
    {
        Gen.Select(ValidCitizenId, Gen.Int[0, 17], Fuzz.Char).Where((id, at, c) => id[at] != c).Sample((id, at, c) =>
        {
            var changed = id[..at] + c + id[(at + 1)..];

            Assert.False(CitizenId.TryParse(changed, ReferenceDate, out _, out _, out _), changed);
        }, iter: Fuzz.Iterations);
    }

    [Fact]
    public void CreditCodeTryParse_AnyText_NeverThrowsAndAcceptsOnlyWhatChecksOut()
    {
        var accepted = 0;
        var rejected = 0;

        Gen.Frequency((1, Fuzz.Text), (1, ValidCreditCode)).Sample(text =>
        {
            if (UnifiedSocialCreditCode.TryParse(text, out var code, out var rule, out var description))
            {
                Interlocked.Increment(ref accepted);
                Assert.Equal(text, code.Value);
                Assert.Equal(text[17], UnifiedSocialCreditCode.ComputeCheckCharacter(text.AsSpan(0, 17)));
                Assert.Equal(code, UnifiedSocialCreditCode.Parse(text));
            }
            else
            {
                Interlocked.Increment(ref rejected);
                Assert.StartsWith("CREDIT_CODE_", rule);
                Assert.NotEmpty(description);
                Assert.Throws<FormatException>(() => UnifiedSocialCreditCode.Parse(text));
            }
        }, iter: Fuzz.Iterations);

        Assert.True(accepted > Fuzz.Iterations / 4 && rejected > Fuzz.Iterations / 4, $"{accepted} accepted, {rejected} rejected");
    }

    [Fact]
    public void CreditCodeTryParse_ValidCodeChangedInOnePlace_IsRejected()
    {
        Gen.Select(ValidCreditCode, Gen.Int[0, 17], Fuzz.Char).Where((code, at, c) => code[at] != c).Sample((code, at, c) =>
        {
            var changed = code[..at] + c + code[(at + 1)..];

            Assert.False(UnifiedSocialCreditCode.TryParse(changed, out _, out _, out _), changed);
        }, iter: Fuzz.Iterations);
    }

    [Fact]
    public void MaskAllIn_AnyText_NeverThrowsAndLeavesNoValidIdVisible()
    {
        Gen.Select(Fuzz.Text, ValidCitizenId, Fuzz.Text).Sample((before, id, after) =>
        {
            var masked = CitizenId.MaskAllIn(before + " " + id + " " + after);

            Assert.DoesNotContain(id, masked);
        }, iter: Fuzz.Iterations);
    }

    [Fact]
    public void MaskAllIn_IdRunTogetherWithTextOrDigits_NoValidIdOrLegacyNumberLeft()
    {
        var digits = Gen.String[Gen.Char['0', '9'], 0, 6];
        var neighbour = Gen.Frequency((1, Fuzz.Text), (1, digits));
        Gen.Select(neighbour, ValidCitizenId, neighbour).Sample((before, id, after) =>
        {
            var masked = CitizenId.MaskAllIn(before + id + after);

            Assert.DoesNotContain(id, masked);
            for (var at = 0; at + CitizenId.Length <= masked.Length; at++)
            {
                Assert.False(CitizenId.TryParse(masked.Substring(at, CitizenId.Length), ReferenceDate, out _, out _, out _), masked);
            }
        }, iter: Fuzz.Iterations);
    }
}
