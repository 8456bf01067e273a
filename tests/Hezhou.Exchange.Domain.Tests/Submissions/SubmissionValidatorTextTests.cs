namespace Hezhou.Exchange.Domain.Tests.Submissions;

// Names and free text, through a member's name and a site's name: lengths count code points, and nothing that
// can hide or reorder what is displayed gets in.
public class SubmissionValidatorTextTests
{
    [Theory]
    [InlineData("黄志强")]
    [InlineData("𠮷野家")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("Nguyễn Văn An")]
    [InlineData(" 黄志强 ")]
    public void Validate_NameInAnyScript_IsAccepted(string name)
    {
        Expect.Valid(Samples.Household(Samples.Head() with { Name = name }));
    }

    [Fact]
    public void Validate_NameOf50CharactersOutsideTheBmp_IsAccepted()
    {
        var name = string.Concat(Enumerable.Repeat("𠮷", 50));

        Expect.Valid(Samples.Household(Samples.Head() with { Name = name }));
    }

    [Fact]
    public void Validate_NameOf51CharactersOutsideTheBmp_ReportsLength()
    {
        var name = string.Concat(Enumerable.Repeat("𠮷", 51));

        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "TEXT_LENGTH"));
    }

    [Theory]
    [InlineData(50, false)]
    [InlineData(51, true)]
    public void Validate_NameLength_IsBoundedAt50(int length, bool rejected)
    {
        var household = Samples.Household(Samples.Head() with { Name = new string('黄', length) });

        if (rejected)
        {
            Expect.Violations(household, ("household.members[0].name", "TEXT_LENGTH"));
        }
        else
        {
            Expect.Valid(household);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Validate_NameEmptyOrBlank_ReportsFieldRequired(string name)
    {
        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "FIELD_REQUIRED"));
    }

    [Theory]
    [InlineData("黄\u202E强")]
    [InlineData("\u202A黄志强")]
    [InlineData("黄志强\u202D")]
    [InlineData("黄\u2066志\u2069强")]
    [InlineData("黄\u2068志强")]
    public void Validate_NameWithBidiOverrideOrIsolate_ReportsBidiOverride(string name)
    {
        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "TEXT_BIDI_OVERRIDE"));
    }

    [Theory]
    [InlineData("黄\u0000强")]
    [InlineData("黄\u0007强")]
    [InlineData("黄志强\n")]
    [InlineData("黄\t强")]
    [InlineData("黄\u007F强")]
    [InlineData("黄\u0085强")]
    [InlineData("黄\u009F强")]
    public void Validate_NameWithControlCharacter_ReportsControlCharacter(string name)
    {
        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "TEXT_CONTROL_CHARACTER"));
    }

    // Built in code: an attribute argument cannot carry an unpaired surrogate, the compiler replaces it.
    [Theory]
    [InlineData("黄", 0xD842, "")]
    [InlineData("", 0xDFB7, "野家")]
    public void Validate_NameWithUnpairedSurrogate_ReportsInvalidUnicode(string before, int surrogate, string after)
    {
        var name = before + (char)surrogate + after;

        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "TEXT_INVALID_UNICODE"));
    }

    [Fact]
    public void Validate_NameWithSurrogatesInTheWrongOrder_ReportsInvalidUnicode()
    {
        var household = Samples.Household(Samples.Head() with { Name = "黄\uDFB7\uD842强" });

        Expect.Violations(household, ("household.members[0].name", "TEXT_INVALID_UNICODE"));
    }

    [Theory]
    [InlineData("黄\u200B志强")]
    [InlineData("\uFEFF黄志强")]
    [InlineData("黄\u00AD志强")]
    [InlineData("黄\u2060志强")]
    [InlineData("黄\u200E志强")]
    [InlineData("黄\u200F志强")]
    [InlineData("黄\u061C志强")]
    [InlineData("黄\u180E志强")]
    [InlineData("黄\u2028志强")]
    [InlineData("黄\u2029志强")]
    [InlineData("黄志强\uDB40\uDC41")]
    public void Validate_NameWithInvisibleCharacter_ReportsInvisibleCharacter(string name)
    {
        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "TEXT_INVISIBLE_CHARACTER"));
    }

    // Persian and Indic names need the zero-width non-joiner and joiner; variation selectors pick an ideograph's
    // registered form; rare characters of names still live in the private-use area in some registers.
    [Theory]
    [InlineData("\u0645\u06CC\u200C\u0631\u0648\u062F")]
    [InlineData("\u0915\u094D\u200D\u0937")]
    [InlineData("葛\uDB40\uDD00")]
    [InlineData("黄\uE000强")]
    public void Validate_NameWithJoinersVariationSelectorOrPrivateUse_IsAccepted(string name)
    {
        Expect.Valid(Samples.Household(Samples.Head() with { Name = name }));
    }

    [Theory]
    [InlineData("黄\uFFFD强")]
    [InlineData("黄\uFFFE强")]
    [InlineData("黄\uFFFF强")]
    [InlineData("黄\uFDD0强")]
    [InlineData("黄\uD83F\uDFFF强")]
    public void Validate_NameWithReplacementOrNonCharacter_ReportsInvalidUnicode(string name)
    {
        Expect.Violations(Samples.Household(Samples.Head() with { Name = name }), ("household.members[0].name", "TEXT_INVALID_UNICODE"));
    }

    [Fact]
    public void Validate_FreeTextBreakingEveryCharacterRule_ReportsEachOnceInOrder()
    {
        var site = Samples.Site() with { Name = "\uFFFD江北\u0000安置区\u202E\u200B" + new string('区', 100) };

        Expect.Violations(site,
            ("site.name", "TEXT_LENGTH"),
            ("site.name", "TEXT_INVALID_UNICODE"),
            ("site.name", "TEXT_CONTROL_CHARACTER"),
            ("site.name", "TEXT_BIDI_OVERRIDE"),
            ("site.name", "TEXT_INVISIBLE_CHARACTER"));
    }

    [Fact]
    public void Validate_FreeTextWithControlAndBidiCharacters_ReportsBoth()
    {
        var site = Samples.Site() with { Name = "江北\r\n安置区\u202E" };

        Expect.Violations(site, ("site.name", "TEXT_CONTROL_CHARACTER"), ("site.name", "TEXT_BIDI_OVERRIDE"));
    }

    [Fact]
    public void Validate_AddressWithControlCharacter_ReportsControlCharacter()
    {
        var household = Samples.Household() with { Address = "3栋\n2单元" };

        Expect.Violations(household, ("household.address", "TEXT_CONTROL_CHARACTER"));
    }
}
