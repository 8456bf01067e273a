using Hezhou.Exchange.Domain.Identity;

namespace Hezhou.Exchange.DataSet;

/// <summary>Makes unified social credit codes (GB 32100-2015) with a well-formed organisation code (GB 11714).</summary>
internal static class CreditCodes
{
    /// <summary>An enterprise registered with market regulation.</summary>
    public const string Enterprise = "91";

    /// <summary>An individual business (个体工商户).</summary>
    public const string IndividualBusiness = "92";

    /// <summary>A farmers' specialised co-operative (农民专业合作社).</summary>
    public const string FarmersCooperative = "93";

    /// <summary>An organ of government (机关).</summary>
    public const string GovernmentOrgan = "11";

    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <param name="kind">Registration authority and category, e.g. <see cref="Enterprise"/>.</param>
    /// <param name="regionCode">The 6-digit division of the registering authority.</param>
    public static string Make(DeterministicRandom random, string kind, string regionCode)
    {
        // Organisation codes issued since 2015 commonly start "MA"; older ones are all digits.
        Span<char> organisation = stackalloc char[9];
        var recent = random.Chance(0.6);
        for (var i = 0; i < 8; i++)
        {
            organisation[i] = recent && i < 2 ? "MA"[i] : (char)('0' + random.Next(10));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = organisation[i];
            sum += (c is >= '0' and <= '9' ? c - '0' : c - 'A' + 10) * OrganisationWeights[i];
        }

        var check = 11 - (sum % 11);
        organisation[8] = check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };

        var first17 = string.Concat(kind, regionCode, organisation);
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }
}
