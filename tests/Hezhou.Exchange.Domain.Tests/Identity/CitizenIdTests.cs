using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.Domain.Tests.Identity;

public class CitizenIdTests
{
    private static readonly DateOnly ReferenceDate = new(2025, 6, 30);

    // Check characters worked out by hand. For 45110219850312123: the digits times the weights
    // 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2 are 28,45,10,5,0,8,2,9,48,15,0,27,10,10,8,8,6, which sum to 239;
    // 239 mod 11 = 8 and "10X98765432"[8] = '4'. For 45112319870523102 they are
    // 28,45,10,5,16,12,2,9,48,21,0,45,20,15,8,0,4, sum 288, 288 mod 11 = 2 → 'X'. 11010519491231002X is the
    // example printed in GB 11643-1999 itself.
    [Theory]
    [InlineData("451102198503121234")]
    [InlineData("45112319870523102X")]
    [InlineData("11010519491231002X")]
    public void TryParse_HandVerifiedId_Succeeds(string text)
    {
        var parsed = CitizenId.TryParse(text, ReferenceDate, out var id, out var rule, out _);

        Assert.True(parsed, rule);
        Assert.Equal(text, id.Value);
    }

    [Fact]
    public void TryParse_HezhouId_ExposesItsParts()
    {
        CitizenId.TryParse("451102198503121234", ReferenceDate, out var id, out _, out _);

        Assert.Equal("451102", id.RegionCode);
        Assert.Equal(new DateOnly(1985, 3, 12), id.BirthDate);
        Assert.Equal(123, id.SequenceNumber);
        Assert.Equal(Gender.Male, id.Gender);
    }

    [Theory]
    [InlineData("451102198503121234", Gender.Male)]
    [InlineData("45112319870523102X", Gender.Female)]
    public void Gender_SeventeenthDigit_OddIsMaleEvenIsFemale(string text, Gender expected)
    {
        var id = CitizenId.Parse(text, ReferenceDate);

        Assert.Equal(expected, id.Gender);
    }

    [Theory]
    [InlineData("45110219850312123", '4')]
    [InlineData("45112319870523102", 'X')]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    public void ComputeCheckCharacter_HandVerifiedDigits_ReturnsCheckCharacter(string first17, char expected)
    {
        var check = CitizenId.ComputeCheckCharacter(first17);

        Assert.Equal(expected, check);
    }

    [Theory]
    [InlineData("4511021985031212")]
    [InlineData("451102198503121234")]
    [InlineData("4511021985031212A")]
    public void ComputeCheckCharacter_NotSeventeenDigits_Throws(string input)
    {
        Assert.Throws<ArgumentException>(() => CitizenId.ComputeCheckCharacter(input));
    }

    [Theory]
    [InlineData("451102")]
    [InlineData("451103")]
    [InlineData("451121")]
    [InlineData("451122")]
    [InlineData("451123")]
    public void TryParse_GeneratedIdsForEachHezhouCounty_Succeed(string region)
    {
        for (var sequence = 0; sequence < 1000; sequence += 37)
        {
            var first17 = $"{region}19920817{sequence:D3}";
            var text = first17 + CitizenId.ComputeCheckCharacter(first17);

            var parsed = CitizenId.TryParse(text, ReferenceDate, out var id, out var rule, out _);

            Assert.True(parsed, $"{text}: {rule}");
            Assert.Equal(sequence % 2 == 1 ? Gender.Male : Gender.Female, id.Gender);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TryParse_Missing_FailsWithRequired(string? text)
    {
        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_REQUIRED", rule);
    }

    [Theory]
    [InlineData("45110219850312123")]
    [InlineData("4511021985031212345")]
    [InlineData("451102850312123")]
    [InlineData(" 451102198503121234")]
    public void TryParse_WrongLength_FailsWithLength(string text)
    {
        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_LENGTH", rule);
    }

    [Fact]
    public void TryParse_LowerCaseX_FailsAskingForUpperCaseX()
    {
        var parsed = CitizenId.TryParse("45112319870523102x", ReferenceDate, out _, out var rule, out var description);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_CHARACTERS", rule);
        Assert.Contains("upper-case X", description);
    }

    [Theory]
    [InlineData("45110A198503121234")]
    [InlineData("4511021985031212A4")]
    [InlineData("45110219850312123Y")]
    [InlineData("４51102198503121234")]
    [InlineData("451102 98503121234")]
    public void TryParse_LettersOrOtherCharacters_FailsWithCharacters(string text)
    {
        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_CHARACTERS", rule);
    }

    [Theory]
    [InlineData("001102")]
    [InlineData("191102")]
    [InlineData("911102")]
    [InlineData("991102")]
    public void TryParse_ImplausibleRegion_FailsWithRegion(string region)
    {
        var text = WithCheckCharacter($"{region}19850312123");

        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_REGION", rule);
    }

    // 459999 and 451199: a real province or prefecture, no such county; 451100: Hezhou itself, which has counties and
    // so issues no IDs under the prefecture code; 710000: Taiwan's GB/T 2260 code, under which no ID is issued;
    // 810001: residence permits use 810000 only.
    [Theory]
    [InlineData("459999")]
    [InlineData("451199")]
    [InlineData("451100")]
    [InlineData("450000")]
    [InlineData("710000")]
    [InlineData("810001")]
    public void TryParse_RegionNoCountyEverHad_FailsWithRegionUnknown(string region)
    {
        var text = WithCheckCharacter($"{region}19850312123");

        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out var description);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_REGION_UNKNOWN", rule);
        Assert.Equal($"region code {region} is not an administrative division code of GB/T 2260, current or abolished", description);
    }

    // 110103 崇文区 and 450121 邕宁县 were abolished (an ID keeps its code for life), 440524 潮阳县 of GB 11643-1999's
    // example in 1993, before python-stdnum's table begins; 451103 平桂区 (2016) and 110118
    // 密云区 (2015) are newer than python-stdnum's table; 441900 东莞市 has no counties; 810000-830000 are the residence
    // permits of Hong Kong, Macao and Taiwan residents.
    [Theory]
    [InlineData("110103")]
    [InlineData("450121")]
    [InlineData("440524")]
    [InlineData("451103")]
    [InlineData("110118")]
    [InlineData("441900")]
    [InlineData("810000")]
    [InlineData("820000")]
    [InlineData("830000")]
    public void TryParse_RegionCurrentAbolishedOrResidencePermit_Succeeds(string region)
    {
        var text = WithCheckCharacter($"{region}19850312123");

        var parsed = CitizenId.TryParse(text, ReferenceDate, out var id, out var rule, out _);

        Assert.True(parsed, rule);
        Assert.Equal(region, id.RegionCode);
    }

    [Theory]
    [InlineData("19851312")]
    [InlineData("19850230")]
    [InlineData("20230229")]
    [InlineData("19850300")]
    [InlineData("00000101")]
    [InlineData("18991231")]
    [InlineData("20250701")]
    public void TryParse_BirthDateNotRealOrOutOfRange_FailsWithBirthDate(string birthDigits)
    {
        var text = WithCheckCharacter($"451102{birthDigits}123");

        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_BIRTH_DATE", rule);
    }

    [Theory]
    [InlineData("20000229")]
    [InlineData("19000101")]
    [InlineData("20250630")]
    public void TryParse_BirthDateAtTheLimitsOrLeapDay_Succeeds(string birthDigits)
    {
        var text = WithCheckCharacter($"451102{birthDigits}123");

        var parsed = CitizenId.TryParse(text, ReferenceDate, out var id, out var rule, out _);

        Assert.True(parsed, rule);
        Assert.Equal(birthDigits, id.BirthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_StandardsExampleBornIn1880_FailsWithBirthDate()
    {
        // GB 11643-1999's other example has a correct check character but a birth date before 1900.
        var parsed = CitizenId.TryParse("440524188001010014", ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_BIRTH_DATE", rule);
    }

    [Theory]
    [InlineData("451102198503121235")]
    [InlineData("45110219850312123X")]
    [InlineData("451123198705231020")]
    public void TryParse_WrongCheckCharacter_FailsWithCheckCharacter(string text)
    {
        var parsed = CitizenId.TryParse(text, ReferenceDate, out _, out var rule, out _);

        Assert.False(parsed);
        Assert.Equal("CITIZEN_ID_CHECK_CHARACTER", rule);
    }

    [Fact]
    public void Masked_ValidId_HidesBirthDateAndSequence()
    {
        var id = CitizenId.Parse("451102198503121234", ReferenceDate);

        Assert.Equal("451102************", id.Masked());
        Assert.Equal("451102************", id.ToString());
    }

    [Fact]
    public void Parse_InvalidId_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => CitizenId.Parse("451102198503121235", ReferenceDate));
    }

    private static string WithCheckCharacter(string first17) => first17 + CitizenId.ComputeCheckCharacter(first17);
}
